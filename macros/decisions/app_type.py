"""Which of the three app types to create (seed: "Select your app type")."""

from dataclasses import dataclass

from macros.decisions.changes import CHANGES
from macros.decisions.model import Decision, Option, Question

PURPOSE = Question(
    "purpose",
    "What will your app do?",
    "choice",
    (
        Option(
            "call-apis",
            "Call RingCentral APIs from my own software",
            "Voice, SMS, fax, meetings, team messaging, call logs or call control.",
        ),
        Option("chat-bot", "Be a bot in team messaging", "It talks with people inside RingCentral's team messaging."),
        Option(
            "extend-desktop-app",
            "Add features to the RingCentral desktop app",
            "An add-in in the desktop client, e.g. notifications from another system.",
        ),
    ),
)


@dataclass(frozen=True)
class AppTypeDecision(Decision):
    """An app type, with whether the console will insist on an app icon."""

    icon_required: bool = False


_NEXT = ("Next: describe your app", "describe.md")
_ICON_REASON = "It needs an app icon: bots and add-ins post messages inside the desktop client."


def app_type(*, purpose: str) -> AppTypeDecision:
    """Map what the app does to the app types, named as today's Create App form names them.

    Seed: a REST API app is "by far the most common" and gives general access to the APIs of
    the whole product line; a bot lives in team messaging; an add-in is installed into the
    desktop client. "Add-ins and bots require an icon" (seed, "App icons"). facts.md: the form
    now says Bot Add-in, and Notification Add-in (deprecated), which many can no longer create.
    """
    PURPOSE.check(purpose)
    if purpose == "chat-bot":
        return AppTypeDecision(
            "bot",
            "Bot Add-in",
            ("A bot is the special kind of app that lives in RingCentral's team messaging.", _ICON_REASON),
            (("App icons", "describe.md#app-icons"), _NEXT),
            notes=(CHANGES["bot-name"].now,),
            sources=("seed-app-types", "app-types-today", "seed-icon"),
            icon_required=True,
        )
    if purpose == "extend-desktop-app":
        return AppTypeDecision(
            "add-in",
            "Notification Add-in",
            (
                "An add-in is installed straight into the RingCentral desktop client to give it new "
                "functionality: it brings event notifications from other systems into the desktop app.",
                _ICON_REASON,
                "Add-ins always get the Integrated Installation feature.",
                "If the Create App form does not offer this type, it is not available to you: the form's other "
                "types are REST API App and Bot Add-in.",
            ),
            (
                ("App icons", "describe.md#app-icons"),
                ("Integrated installation", "features.md#integrated-installation"),
                _NEXT,
            ),
            notes=(CHANGES["add-in-deprecated"].now,),
            sources=(
                "seed-app-types",
                "app-types-today",
                "add-in-deprecated",
                "seed-icon",
                "seed-integrated-installation",
            ),
            icon_required=True,
        )
    return AppTypeDecision(
        "rest-api-app",
        "REST API App",
        (
            "The REST API app is the type most developers create: it reaches the APIs across the "
            "product line, from voice, SMS and meetings to team messaging, call logs and call control.",
            "An app icon may be optional for this type.",
        ),
        (_NEXT,),
        sources=("seed-app-types", "app-types-today", "seed-icon"),
    )
