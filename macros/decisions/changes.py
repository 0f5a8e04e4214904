"""What no longer holds of the original guide (the seed), and what today's Create App form says.

One table: the "What changed" page lists it, each page where the reader makes the choice shows its
row, and the decisions put a row's ``now`` in their notes, so the three can never disagree.
Sources: ``shared/reference/facts.md``, "Today's Create App form" (register-app page, 2026 text).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from macros.decisions import facts


@dataclass(frozen=True)
class Change:
    """A statement of the seed that no longer holds, and what holds today."""

    id: str
    topic: str
    quote: str  # the seed's words, verbatim (a test finds them in the seed)
    now: str  # what today's console says, in our words; the decisions' note too
    source: str  # where RingCentral says so (an entry of facts.EXTERNAL_URLS)
    page: str  # where the reader makes this choice: "page.md#anchor"
    # An input of a guide whose decision shows ``now`` as a note: (guide name, its arguments).
    decision: tuple[str, Mapping[str, Any]] | None = field(default=None)
    warns: bool = False  # the note warns whoever takes the choice today, beyond recording history


_CHANGES = (
    Change(
        "app-type-count",
        "How many app types",
        "The two app types we currently support are:",
        "The form lists three app types: REST API App, Bot Add-in and Notification Add-in.",
        facts.REGISTER_APP_URL,
        "app-type.md#the-three-app-types",
    ),
    Change(
        "bot-name",
        "The bot app type",
        "RingCentral Bot",
        "The form calls this type Bot Add-in: a bot that people use inside team messaging.",
        facts.REGISTER_APP_URL,
        "app-type.md#the-three-app-types",
        ("app_type", {"purpose": "chat-bot"}),
    ),
    Change(
        "add-in-deprecated",
        "The add-in app type",
        "this app can be installed directly into RingCentral's desktop client to augment it with new functionality",
        "The form lists this type as Notification Add-in (deprecated): it routes event notifications from "
        "other systems into the desktop app, and many developers can no longer create it.",
        facts.REGISTER_APP_URL,
        "app-type.md#the-three-app-types",
        ("app_type", {"purpose": "extend-desktop-app"}),
        warns=True,
    ),
    Change(
        "password-flow",
        "Auth method for apps without a user interface",
        "This method is easy to implement and is ideal for apps that run without a user-interface",
        "The password-based flow is deprecated and no longer in the form: apps without a user interface use "
        "the JWT auth flow, its more secure replacement. Password sign-in never worked for public apps or "
        "with single sign-on.",
        facts.REGISTER_APP_URL,
        "authentication.md#choose-an-auth-method",
        ("auth_method", {"acts_for_users": False, "has_user_interface": False}),
    ),
    Change(
        "restricted-scopes",
        "Permissions that need approval",
        "Begin by selecting the permissions or the application scope your app will utilize.",
        "Some permissions are restricted and need approval: when you add one, the form asks you to justify it, "
        "and when you save the app a review request goes to developer support, who approve or reject it.",
        facts.REGISTER_APP_URL,
        "security.md#permissions",
        ("permissions", {"capabilities": ("control-calls",)}),
        warns=True,
    ),
    Change(
        "public-apps",
        "When an app is public",
        "If you are an ISV or app developer creating an application that only RingCentral customers can "
        "authenticate to and use, then your app is public.",
        "An app is also public if you will promote it in the App Gallery, or if you are a RingCentral "
        "Enterprise customer with many sub-accounts (federated accounts).",
        facts.REGISTER_APP_URL,
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
    ),
    Change(
        "integrated-installation",
        "Integrated installation",
        "This feature is only available to RingCentral Add-ins, and is forcibly enabled.",
        "Integrated installation is still always on, but only Notification Add-ins have it, and that type "
        "is deprecated.",
        facts.REGISTER_APP_URL,
        "features.md#integrated-installation",
        ("app_features", {"app_type": "add-in", "interactive_messages": False, "install_via_web": False}),
        warns=True,
    ),
    Change(
        "meetings-video",
        "The meetings quick start",
        "Meetings",
        "RingCentral's meetings product is now RingCentral Video, with its own quick start.",
        facts.VIDEO_QUICK_START_URL,
        "next-steps.md#pick-a-quick-start",
    ),
)

CHANGES: Mapping[str, Change] = MappingProxyType({change.id: change for change in _CHANGES})
# Notes that only record what changed: a plan, which already follows today's form, leaves them out.
HISTORY_NOTES = frozenset(change.now for change in _CHANGES if not change.warns)
