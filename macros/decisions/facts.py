"""Facts the rules rely on, each from ``shared/reference/facts.md`` (public RingCentral pages and RFCs).

Kept apart from the rules so that a page, a rule and a test all read one table.
"""

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

# Published pages that the seed links to (facts.md, "Where the seed's links point today").
SIGN_IN_URL = "https://developers.ringcentral.com/login.html#/"
APP_GALLERY_URL = "https://developers.ringcentral.com/guide/getting-started/promote-app"
PKCE_URL = "https://developers.ringcentral.com/guide/authentication/auth-code-pkce-flow"
PARTNERS_URL = "https://developers.ringcentral.com/guide/basics/partners"
REGISTER_APP_URL = "https://developers.ringcentral.com/guide/getting-started/register-app"
SMS_QUICK_START_URL = "https://developers.ringcentral.com/guide/messaging/quick-start"
FAX_QUICK_START_URL = "https://developers.ringcentral.com/guide/messaging/fax/sending-faxes"
VOICE_QUICK_START_URL = "https://developers.ringcentral.com/guide/voice/quick-start"
VIDEO_QUICK_START_URL = "https://developers.ringcentral.com/guide/video/api/quick-start"
# Pages on today's Create App form (facts.md, "Today's Create App form").
JWT_CREDENTIAL_URL = "https://developers.ringcentral.com/guide/getting-started/create-credential"
JWT_PUBLIC_APPS_URL = "https://developers.ringcentral.com/guide/authentication/jwt/jwt-for-public-apps"
# Pages that decide today's rules (facts.md, "How RingCentral decides today", checked 2026-12-04).
AUTH_METHODS_URL = "https://developers.ringcentral.com/guide/authentication"
JWT_FLOW_URL = "https://developers.ringcentral.com/guide/authentication/jwt-flow"
JWT_CONFIG_URL = "https://developers.ringcentral.com/guide/authentication/jwt/config-app"
AUTH_CODE_URL = "https://developers.ringcentral.com/guide/authentication/auth-code-flow"
REFRESH_TOKENS_URL = "https://developers.ringcentral.com/guide/authentication/refresh-tokens"
BOT_WALKTHROUGH_URL = "https://developers.ringcentral.com/guide/team-messaging/bots/walkthrough"
BOT_INSTALL_URL = "https://developers.ringcentral.com/guide/team-messaging/bots/installing-bots"
INTERACTIVE_MESSAGES_URL = "https://developers.ringcentral.com/guide/team-messaging/events/interactive-messages"
FIRST_STEPS_URL = "https://developers.ringcentral.com/guide/basics/your-first-steps"
INVITING_DEVELOPERS_URL = "https://developers.ringcentral.com/guide/basics/inviting-developers"
PERMISSIONS_URL = "https://developers.ringcentral.com/guide/basics/permissions"
RATE_LIMITS_URL = "https://developers.ringcentral.com/guide/basics/rate-limits"
INSTALL_BUTTON_URL = "https://developers.ringcentral.com/guide/basics/install-app-button"
# Pages that facts.md names as sources without a URL; the URL follows its rule (`/guide/X` is `docs/X.md`).
# "the brand guidelines list Verizon ("RingCentral with Verizon") in the Rise partner ecosystem":
BRAND_GUIDELINES_URL = "https://developers.ringcentral.com/guide/basics/partners/brand-guidelines"
# "The scope list in the form marks them "(requires permission)" (permissions page, Call Control page)":
CALL_CONTROL_URL = "https://developers.ringcentral.com/guide/voice/call-control"

# The Developer Console's documented "new app" link (facts.md, "install app button").
NEW_APP_URL = "https://developer.ringcentral.com/new-app"
NAME_MAX = 64
DESCRIPTION_MAX = 256  # in the link
DESCRIPTION_MIN = 20  # the form's own rule (register-app page)
REDIRECT_URIS_MAX = 10

# Every page on another host that the site may link to: the rules, the pages and the link tests
# read this one list (a newcomer's clone has no facts.md to read it from).
EXTERNAL_URLS: tuple[str, ...] = (
    SIGN_IN_URL,
    APP_GALLERY_URL,
    PKCE_URL,
    PARTNERS_URL,
    REGISTER_APP_URL,
    SMS_QUICK_START_URL,
    FAX_QUICK_START_URL,
    VOICE_QUICK_START_URL,
    VIDEO_QUICK_START_URL,
    JWT_CREDENTIAL_URL,
    JWT_PUBLIC_APPS_URL,
    AUTH_METHODS_URL,
    JWT_FLOW_URL,
    JWT_CONFIG_URL,
    AUTH_CODE_URL,
    REFRESH_TOKENS_URL,
    BOT_WALKTHROUGH_URL,
    BOT_INSTALL_URL,
    INTERACTIVE_MESSAGES_URL,
    FIRST_STEPS_URL,
    INVITING_DEVELOPERS_URL,
    PERMISSIONS_URL,
    RATE_LIMITS_URL,
    INSTALL_BUTTON_URL,
    BRAND_GUIDELINES_URL,
    CALL_CONTROL_URL,
    NEW_APP_URL,
)
# The seed's links and where each points today (facts.md, "Where the seed's links point today").
SEED_LINKS: Mapping[str, str] = MappingProxyType(
    {
        "signing in": SIGN_IN_URL,
        "../app-gallery/": APP_GALLERY_URL,
        "../../authentication/auth-code-pkce-flow/": PKCE_URL,
        "../partner-compatibility/": PARTNERS_URL,
        "../../sms/quick-start/": SMS_QUICK_START_URL,
        "../../fax/quick-start/": FAX_QUICK_START_URL,
        "../../voice/quick-start/": VOICE_QUICK_START_URL,
        "../../meetings/quick-start/": VIDEO_QUICK_START_URL,
        "the seed page itself": REGISTER_APP_URL,
    }
)


class Partner(NamedTuple):
    """A carrier or brand partner that white-labels RingCentral (facts.md, "Carrier IDs")."""

    name: str
    carrier_id: int
    segregated: bool = False  # runs on platform.ringcentral.biz with extra requirements
    own_brand: bool = True  # False: a Rise partner, selling under the RingCentral brand (always included)


PARTNERS: Mapping[str, Partner] = MappingProxyType(
    {
        "att": Partner("AT&T Office@Hand", 3420, segregated=True),
        "telus": Partner("TELUS", 7310),
        "bt": Partner("BT Cloud Work", 7710),
        "avaya": Partner("Avaya Cloud Office", 6010),
        "unify": Partner("Unify Office (Atos)", 2020),
        "rainbow": Partner("Rainbow Office (Alcatel)", 2110),
        "vodafone": Partner("Vodafone Business", 7010),
        "verizon": Partner("RingCentral with Verizon", 2210, segregated=True, own_brand=False),
    }
)


class Permission(NamedTuple):
    """An app scope: what it allows and which scopes it makes redundant (facts.md, "Permissions")."""

    meaning: str
    includes: tuple[str, ...] = ()
    requires_approval: bool = False  # marked "requires approval" in today's form (facts.md)


PERMISSIONS: Mapping[str, Permission] = MappingProxyType(
    {
        "ReadAccounts": Permission("view account and user information"),
        "EditAccounts": Permission("view and update account information", ("ReadAccounts", "EditExtensions")),
        "EditExtensions": Permission("view and update extension information"),
        "ReadCallLog": Permission("view call logs"),
        "EditCallLog": Permission("view and update call logs", ("ReadCallLog",)),
        "ReadCallRecording": Permission("download call recordings", ("ReadCallLog",)),
        "CallControl": Permission("control calls in progress", requires_approval=True),
        "RingOut": Permission("make two-legged RingOut calls"),
        "VoipCalling": Permission("register as a VoIP device and make VoIP calls"),
        "ReadMessages": Permission("view messages: SMS, fax and voicemail"),
        "EditMessages": Permission("view and update messages", ("ReadMessages",)),
        "SMS": Permission("send and receive SMS", ("ReadMessages",)),
        "Faxes": Permission("send and receive faxes", ("ReadMessages",)),
        "InternalMessages": Permission("send company-internal pager messages", ("ReadMessages",)),
        "ReadContacts": Permission("view personal contacts"),
        "Contacts": Permission("create, view, edit and delete personal contacts", ("ReadContacts",)),
        "ReadPresence": Permission("read presence"),
        "EditPresence": Permission("read and change presence", ("ReadPresence",)),
        "SubscriptionWebhook": Permission("subscribe to webhook notifications"),
        "TeamMessaging": Permission("post and manage team-messaging data (formerly Glip)"),
        "Video": Permission("create and manage meetings in RingCentral Video"),
        "Meetings": Permission("create and manage meetings in RingCentral Meetings, a separate scope"),
        "Analytics": Permission("read call analytics data"),
    }
)


def implied_by(name: str) -> frozenset[str]:
    """Every permission that ``name`` makes redundant, directly or through another one."""
    found: set[str] = set()
    todo = list(PERMISSIONS[name].includes)
    while todo:
        inner = todo.pop()
        if inner not in found:
            found.add(inner)
            todo.extend(PERMISSIONS[inner].includes)
    return frozenset(found)


# Platform types of the "new app" link's `type` parameter, by the id of our platform question
# (facts.md, "Platform types"); bots and apps without a user interface have their own.
PLATFORM_TYPES: Mapping[str, str] = MappingProxyType(
    {
        "server-web": "ServerWeb",
        "browser": "BrowserBased",
        "ios": "MobileIOS",
        "android": "MobileAndroid",
        "mobile-other": "MobileOther",
        "windows": "DesktopWindows",
        "mac": "DesktopMac",
        "desktop-other": "DesktopOther",
        "bot": "ServerBot",
        "no-ui": "ServerOther",
    }
)
