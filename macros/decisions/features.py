"""Which app features to enable and what each needs (seed: "Enable app features")."""

from dataclasses import dataclass

from macros.decisions.app_type import PURPOSE, app_type
from macros.decisions.changes import CHANGES
from macros.decisions.model import Decision, Option, Question

# The options are app_type's outcomes, so the two guides can never disagree on the ids.
APP_TYPE = Question(
    "app_type",
    "Which type of app is it?",
    "choice",
    tuple(Option(app_type(purpose=p.id).id, app_type(purpose=p.id).title, p.label) for p in PURPOSE.options),
)
INTERACTIVE_MESSAGES = Question(
    "interactive_messages",
    "Will your app post messages that people can click or fill in?",
    "bool",
    (
        Option("yes", "Yes", "Rich cards with buttons or form fields in team messaging."),
        Option("no", "No", "Plain messages, or none at all."),
    ),
)
INSTALL_VIA_WEB = Question(
    "install_via_web",
    "Will you build a web page that installs your add-in for the user?",
    "bool",
    (
        Option("yes", "Yes", "The desktop app shows your page in an iframe during installation."),
        Option("no", "No", "Users follow your written installation instructions."),
    ),
)


@dataclass(frozen=True)
class FeaturesDecision(Decision):
    """The features to enable, as ids: ``interactive-messages``, ``integrated-installation``, ``web-installation``."""

    features: tuple[str, ...] = ()


_NAMES = {
    "interactive-messages": "Interactive messages",
    "integrated-installation": "Integrated installation",
    "web-installation": "Installation via the web",
}
_READ_MORE = {
    "interactive-messages": ("Interactive messages", "features.md#interactive-messages"),
    "integrated-installation": ("Integrated installation", "features.md#integrated-installation"),
}
_EXPLAINED = {
    "interactive-messages": (
        "Interactive messages: enable them and give an outbound webhook URL, where RingCentral delivers "
        "an event each time someone uses a message your app posted. The console generates the shared "
        "secret when it creates the app: copy it into your app, which checks with it that each event is "
        "authentic (the X-Glip-Signature header). Keep the secret highly confidential."
    ),
    "integrated-installation": (
        "Integrated installation is always on for Notification Add-ins: it tells RingCentral how users install your "
        "app. At the least, write manual instructions for taking the incoming webhook URL that RingCentral "
        "generates into the service you integrate with."
    ),
    "web-installation": (
        "Tick \"this app can be installed via the web\": your installation page is shown inside the "
        "RingCentral desktop app in an iframe, so users install in one seamless step."
    ),
}

_SOURCES = {
    "interactive-messages": ("seed-interactive-messages", "shared-secret-generated", "glip-signature"),
    "integrated-installation": ("seed-integrated-installation", "add-in-deprecated"),
    "web-installation": ("seed-install-via-web",),
}


def app_features(*, app_type: str, interactive_messages: bool, install_via_web: bool) -> FeaturesDecision:
    """List the features that apply to this app type and these wishes.

    Seed: interactive messages need an outbound webhook URL and a shared secret, and are mostly
    used by bots and add-ins (any type may enable them); Integrated Installation exists only for
    add-ins, is always on and needs at least manual instructions; installing via the web (an
    iframe in the desktop app) is recommended to maximize successful installs. facts.md: only the
    deprecated Notification Add-in has it today.
    """
    APP_TYPE.check(app_type)
    INTERACTIVE_MESSAGES.check(interactive_messages)
    INSTALL_VIA_WEB.check(install_via_web)
    chosen: list[str] = []
    if interactive_messages:
        chosen.append("interactive-messages")
    if app_type == "add-in":
        chosen.append("integrated-installation")
        if install_via_web:
            chosen.append("web-installation")
    features = tuple(sorted(chosen))
    reasons = tuple(_EXPLAINED[feature] for feature in features)
    sources = tuple(source for feature in features for source in _SOURCES[feature])
    if app_type == "add-in" and not install_via_web:
        reasons += (
            "To get more people through installation, RingCentral recommends an installation web "
            "page that automates it.",
        )
        sources += _SOURCES["web-installation"]
    if not features:
        reasons = ("Neither interactive messages nor integrated installation apply: leave the features off.",)
        sources = ("seed-interactive-messages", "seed-integrated-installation")
    return FeaturesDecision(
        "+".join(features) or "none",
        ", ".join(_NAMES[feature] for feature in features) or "No features to enable",
        reasons,
        tuple(_READ_MORE[feature] for feature in features if feature in _READ_MORE)
        + (("Next steps", "next-steps.md"),),
        (CHANGES["integrated-installation"].now,) if app_type == "add-in" else (),
        sources,
        features=features,
    )
