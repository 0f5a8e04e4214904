"""What no longer holds of the original guide (the seed), and what today's Create App form says.

One table: the "What changed" page lists it, each page where the reader makes the choice shows its
row, and the decisions put a row's ``now`` in their notes, so the three can never disagree.
Sources: ``shared/reference/facts.md``, "Today's Create App form" (register-app page, 2026 text).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any


@dataclass(frozen=True)
class Change:
    """A statement of the seed that no longer holds, and what holds today."""

    id: str
    topic: str
    quote: str  # the seed's words, verbatim (a test finds them in the seed)
    now: str  # what today's console says, in our words; the decisions' note too
    page: str  # where the reader makes this choice: "page.md#anchor"
    # An input of a guide whose decision shows ``now`` as a note: (guide name, its arguments).
    decision: tuple[str, Mapping[str, Any]] | None = field(default=None)
    warns: bool = False  # the note warns whoever takes the choice today, beyond recording history
    sources: tuple[str, ...] = ()  # ids of macros.decisions.sources.SOURCES that decide ``now`` (today's pages)


_CHANGES = (
    Change(
        "app-type-count",
        "The names of the app types",
        "The two app types we currently support are:",
        "Today's page still says “two” before listing three; what changed are the names: REST API App, "
        "Bot Add-in and Notification Add-in.",
        "app-type.md#the-three-app-types",
        sources=("app-types-today",),
    ),
    Change(
        "bot-name",
        "The bot app type",
        "RingCentral Bot",
        "The form calls this type Bot Add-in: a bot that people use inside team messaging.",
        "app-type.md#the-three-app-types",
        ("app_type", {"purpose": "chat-bot"}),
        sources=("app-types-today",),
    ),
    Change(
        "add-in-deprecated",
        "The add-in app type",
        "this app can be installed directly into RingCentral's desktop client to augment it with new functionality",
        "The form lists this type as Notification Add-in (deprecated): it routes event notifications from "
        "other systems into the desktop app, and many developers can no longer create it.",
        "app-type.md#the-three-app-types",
        ("app_type", {"purpose": "extend-desktop-app"}),
        warns=True,
        sources=("add-in-deprecated",),
    ),
    Change(
        "password-flow",
        "Auth method for apps without a user interface",
        "This method is easy to implement and is ideal for apps that run without a user-interface",
        "The password-based flow is deprecated: apps that act as one identity, with or without a user "
        "interface, use the JWT auth flow, its more secure replacement. Password sign-in never worked for "
        "public apps or with single sign-on.",
        "authentication.md#choose-an-auth-method",
        ("auth_method", {"users_sign_in": False, "has_user_interface": False}),
        sources=("password-deprecated", "auth-who-signs-in"),
    ),
    Change(
        "pkce-recommended",
        "When PKCE is required",
        "then you are required to",
        "RingCentral now recommends PKCE rather than requiring it; OAuth's security best practice, RFC 9700, "
        "requires it of every client-side (public) app, and recommends it for server-side apps.",
        "authentication.md#pkce",
        sources=("pkce-recommended", "rfc9700-pkce-public", "rfc9700-pkce-confidential"),
    ),
    Change(
        "jwt-credential",
        "The credentials to note after creating the app",
        "Make note of your app's Client ID and Client Secret",
        "A JWT app needs one more credential: a JWT, created in the Developer Console under Credentials and "
        "restricted to the app's client ID.",
        "next-steps.md#note-your-credentials",
        sources=("jwt-credential-create", "jwt-credential-restricted"),
    ),
    Change(
        "restricted-scopes",
        "Permissions that need approval",
        "Begin by selecting the permissions or the application scope your app will utilize.",
        "Some permissions are restricted and need approval: when you add one, the form asks you to justify it, "
        "and when you save the app a review request goes to developer support, who approve or reject it.",
        "security.md#permissions",
        ("permissions", {"capabilities": ("control-calls",)}),
        warns=True,
        sources=("restricted-scopes", "call-control-approval"),
    ),
    Change(
        "public-apps",
        "When an app is public",
        "If you are an ISV or app developer creating an application that only RingCentral customers can "
        "authenticate to and use, then your app is public.",
        "An app is also public if you will promote it in the App Gallery, or if you are a RingCentral "
        "Enterprise customer with many sub-accounts (federated accounts).",
        "security.md#access",
        (
            "app_access",
            {
                "federated_accounts": True,
                "own_company_data_only": False,
                "communication_platform": False,
                "for_ringcentral_customers": False,
            },
        ),
        sources=("public-when", "public-federated"),
    ),
    Change(
        "partner-option",
        "The partner choice",
        "make available only to specific carrier and brand partners",
        "The choice is now a box under “Advanced settings”: “Make available only to specific service providers "
        "and brand partners”. RingCentral and its Rise partners are always included.",
        "security.md#partners",
        sources=("partners-advanced-settings", "partners-rise-included"),
    ),
    Change(
        "shared-secret",
        "The shared secret of interactive messages",
        "You will need to provide values for the following properties if this feature is enabled.",
        "The console generates the shared secret when it creates the app: copy it into your app rather than "
        "typing one.",
        "features.md#interactive-messages",
        sources=("shared-secret-generated",),
    ),
    Change(
        "integrated-installation",
        "Integrated installation",
        "This feature is only available to RingCentral Add-ins, and is forcibly enabled.",
        "Integrated installation is still always on, but only Notification Add-ins have it, and that type "
        "is deprecated.",
        "features.md#integrated-installation",
        ("app_features", {"app_type": "add-in", "interactive_messages": False, "install_via_web": False}),
        warns=True,
        sources=("add-in-deprecated",),
    ),
    Change(
        "meetings-video",
        "The meetings quick start",
        "Meetings",
        "RingCentral's meetings product is now RingCentral Video, with its own quick start and its own "
        "permission, Video, separate from the older meetings one.",
        "next-steps.md#pick-a-quick-start",
        sources=("meetings-video-scopes",),
    ),
)

CHANGES: Mapping[str, Change] = MappingProxyType({change.id: change for change in _CHANGES})
# Notes that only record what changed: a plan, which already follows today's form, leaves them out.
HISTORY_NOTES = frozenset(change.now for change in _CHANGES if not change.warns)
