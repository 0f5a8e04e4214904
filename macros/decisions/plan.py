"""The whole decision in one plan: every guide's answer, step by step in the order of the console,
with the values to enter and the Developer Console's "new app" link preset (facts.md).

The plan is made of parts. Each part is a pure function of a few choice questions, small enough
to evaluate whole, so the page can embed it as a question tree like any guide. What cannot be
enumerated (the app's name, description and redirect URIs, the partners, the capabilities) is
checked by the text rules and the permissions cover below, which the page receives as data.
"""

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import quote

from macros.decisions import facts
from macros.decisions.access import (
    COMMUNICATION_PLATFORM,
    FEDERATED_ACCOUNTS,
    FOR_RINGCENTRAL_CUSTOMERS,
    OWN_COMPANY_DATA_ONLY,
    RESTRICT_TO_PARTNERS,
    app_access,
    partner_reach,
)
from macros.decisions.app_type import PURPOSE, app_type
from macros.decisions.auth import (
    HAS_USER_INTERFACE,
    PLATFORM,
    STAY_SIGNED_IN,
    USERS_SIGN_IN,
    auth_method,
    pkce,
    refresh_tokens,
)
from macros.decisions.changes import HISTORY_NOTES
from macros.decisions.features import INSTALL_VIA_WEB, INTERACTIVE_MESSAGES, app_features
from macros.decisions.model import Decision, Option, Question
from macros.decisions.permissions import CAPABILITIES, permissions
from macros.tree import Ask, Tree, build_tree

# In the plan, "no user interface" is answered by has_user_interface, so the platform question
# offers only the platforms of apps that have one.
PLAN_PLATFORM = Question(
    PLATFORM.name, PLATFORM.prompt, "choice", tuple(o for o in PLATFORM.options if o.id != "no-ui")
)
# Partners that sell under the RingCentral brand (Rise) are always included: only the others are chosen.
PARTNERS = Question(
    "partners",
    "Which partners may use your app?",
    "multi",
    tuple(
        Option(pid, p.name, "Segregated environment, extra requirements" if p.segregated else "")
        for pid, p in facts.PARTNERS.items()
        if p.own_brand
    ),
)


@dataclass(frozen=True)
class Line:
    """One line of the checklist: what to set in the console, the value, and why."""

    label: str
    value: str
    why: str = ""


@dataclass(frozen=True)
class Part:
    """What one part of the plan contributes: checklist lines by slot, decision ids and console parameters."""

    lines: tuple[tuple[str, tuple[Line, ...]], ...]  # (slot of CHECKLIST, its lines)
    ids: tuple[str, ...]
    params: tuple[tuple[str, str], ...] = ()
    asks: tuple[str, ...] = ()  # free-form questions that matter after these answers
    blocked: str = ""  # why the console link cannot express the plan, if it cannot
    sources: tuple[str, ...] = ()  # the facts its lines rest on (ids of macros.decisions.sources)


def _line(label: str, decision: Decision) -> Line:
    """A checklist line for a decision: its title and any warning; the reasons, and the notes that
    only record what changed since the seed, are on the step's page."""
    return Line(label, decision.title, " ".join(note for note in decision.notes if note not in HISTORY_NOTES))


def type_part(*, purpose: str) -> Part:
    """Step "Select your app type", and the icon rule of "Describe your app" ("Add-ins and bots require an icon")."""
    kind = app_type(purpose=purpose)
    blocked = (
        "The new-app link has no platform type for add-ins: create this app with the Create App "
        "button and the values below."
        if kind.id == "add-in"
        else ""
    )
    icon = Line(
        "App icon",
        "Required" if kind.icon_required else "Optional",
        "Bots and add-ins post messages inside the desktop client, so they need an icon."
        if kind.icon_required
        else "An icon may not be required for a REST API app.",
    )
    return Part(
        (("type", (_line("App type", kind),)), ("icon", (icon,))), (kind.id,), blocked=blocked, sources=kind.sources
    )


def _access(answers: dict[str, bool]) -> Decision:
    return app_access(**{question.name: answers[question.name] for question in ACCESS_QUESTIONS})


BOT_FLOW = "bot-installation"  # the flow id of a bot's plan: no auth method to choose
# Redirect URIs: exact match; at most 10, no wildcards (auth-code page, install-app-button page).
REDIRECT_SOURCES = ("redirect-uri-exact", "redirect-uris-count", "redirect-uris-max")


def flow_part(*, purpose: str, users_sign_in: bool, has_user_interface: bool, **access_answers: bool) -> Part:
    """Step "Setup authentication": the auth flow, or a bot's installation; and what follows it.

    A bot gets its token when it is installed: RingCentral calls the app's OAuth redirect URI, a
    private bot receives the token, a public bot a code to exchange, and the token does not
    expire; a private bot is installed from its dashboard in the console (bot walkthrough,
    "Installing bots"). The 3-legged flow needs redirect URIs (auth-code page). A JWT app's next
    step is its JWT credential, which belongs to a user and is restricted to apps by client ID; for a
    public app each customer creates one for the provider's app (facts.md, "JWT credentials").
    RingCentral's own quick-start links preset ``grantType=PersonalJWT`` for JWT apps.
    """
    public = _access(access_answers).id == "public"
    if purpose == "chat-bot":
        flow = Line(
            "Bot token",
            "Sent to your OAuth redirect URI when the bot is installed",
            (
                "A public bot receives a code there to exchange for its token: keep one token per customer account."
                if public
                else "A private bot receives the token itself."
            )
            + " The token does not expire: no auth method to choose, no JWT, no PKCE, nothing to refresh.",
        )
        install = Line(
            "Install the bot",
            "Customers install it" if public else "From the Developer Console",
            "Each customer's installation sends a code to your redirect URI."
            if public
            else "Private bots are installed only there: the app's dashboard, Install under Credentials.",
        )
        return Part(
            (("flow", (flow,)), ("credential", (install,))),
            (BOT_FLOW,),
            asks=("redirect_uris",),
            sources=("bot-token-on-install", "bot-public-code" if public else "bot-private-token")
            + ("bot-token-permanent",)
            + (() if public else ("bot-private-install",))
            + REDIRECT_SOURCES,
        )
    flow_decision = auth_method(users_sign_in=users_sign_in, has_user_interface=has_user_interface)
    lines = (("flow", (_line("Auth method", flow_decision),)),)
    if flow_decision.id != "jwt":
        return Part(
            lines + (("credential", ()),),
            (flow_decision.id,),
            asks=("redirect_uris",),
            sources=flow_decision.sources + REDIRECT_SOURCES,
        )
    if public:
        credential = Line(
            "JWT credentials",
            "Each customer creates their own",
            "In their Developer Console (Credentials, Create JWT), restricted to your app's client "
            "ID; then they give it to you, for example in a form of your app.",
        )
        more: tuple[str, ...] = ("jwt-public-apps", "jwt-credential-restricted")
    else:
        credential = Line(
            "JWT credential",
            "Create one for this app, as a service user",
            "Developer Console: the menu under your name, Credentials, Create JWT; restrict it to the "
            "new app's client ID. A dedicated service user keeps the app working when an employee leaves.",
        )
        more = ("jwt-credential-create", "jwt-credential-restricted", "jwt-service-user-persistent")
    return Part(
        lines + (("credential", (credential,)),),
        (flow_decision.id,),
        (("grant_type", "PersonalJWT"),),
        sources=flow_decision.sources + more + ("grant-type-personal-jwt",),
    )


def platform_part(*, purpose: str, users_sign_in: bool, has_user_interface: bool, platform: str) -> Part:
    """Step "Setup authentication": the platform type and PKCE.

    Only an app whose users sign in from its own interface answers the form's platform question;
    the others' type follows from what they are (facts.md, "Platform types"): a bot is
    ``ServerBot``; a sign-in page without any other interface is served by your server
    (``ServerWeb``); a JWT app keeps its JWT on a server, ``ServerOther`` as RingCentral's JWT
    quick starts preset it, or ``ServerWeb`` when people use its web interface.
    """
    if purpose == "chat-bot":  # its token comes at installation: no PKCE line (flow_part says why)
        return Part(
            (("platform", (Line("Platform type", facts.PLATFORM_TYPES["bot"]),)),), (), (("type", "ServerBot"),)
        )
    if not users_sign_in:
        kind, proof = ("server-web" if has_user_interface else "no-ui"), None
    elif not has_user_interface:
        kind, proof = "server-web", pkce(platform="server-web")
    else:
        kind = PLAN_PLATFORM.check(platform)
        proof = pkce(platform=kind)
    platform_type = facts.PLATFORM_TYPES[kind]
    sources: tuple[str, ...]
    if proof is None:
        reason = "A JWT app never runs the authorization-code flow that PKCE protects."
        pkce_line, proof_id, sources = Line("PKCE", "Does not apply", reason), "not-applicable", ("auth-who-signs-in",)
    else:
        pkce_line, proof_id, sources = _line("PKCE", proof), proof.id, proof.sources
    lines = (Line("Platform type", platform_type), pkce_line)
    return Part((("platform", lines),), (proof_id,), (("type", platform_type),), sources=sources)


def refresh_part(*, purpose: str, users_sign_in: bool, stay_signed_in: bool) -> Part:
    """Step "Setup authentication": refresh tokens, a question only for the 3-legged flow.

    A JWT app presents its JWT again when its access token expires (JWT flow page), and a bot's
    token does not expire (bot walkthrough): neither needs a refresh token.
    """
    if purpose == "chat-bot":  # its token does not expire (flow_part says so)
        return Part((("refresh", ()),), ())
    if not users_sign_in:
        why = "A JWT app presents its JWT again for a new access token when the old one expires."
        line = Line("Refresh tokens", "Not needed: leave “Issue refresh tokens?” off", why)
        return Part((("refresh", (line,)),), ("not-needed",), sources=("jwt-no-refresh", "refresh-off-by-default"))
    refresh = refresh_tokens(stay_signed_in=stay_signed_in)
    return Part((("refresh", (_line("Refresh tokens", refresh),)),), (refresh.id,), sources=refresh.sources)


def security_part(*, restrict_to_partners: bool, **access_answers: bool) -> Part:
    """Step "Configure app security": private or public, and which partners; and the seed's App
    Gallery question of "Describe your app", which facts.md ties to access: a promoted app is public."""
    access = _access(access_answers)
    public = access.id == "public"
    reach = partner_reach(access=access.id, restrict_to_partners=restrict_to_partners)
    gallery = (
        Line(
            "Promote in the App Gallery?",
            "Yes, if you will promote it",
            "Your answer is for RingCentral's internal use only.",
        )
        if public
        else Line(
            "Promote in the App Gallery?", "No", "An app promoted in the App Gallery is public; yours is private."
        )
    )
    lines = (_line("Access", access),) + ((_line("Partners", reach),) if public else ())
    asks = ("partners",) if reach.id == "selected-partners" else ()
    return Part(
        (("gallery", (gallery,)), ("access", lines)),
        (access.id, reach.id),
        (("public", "true" if public else "false"),),
        asks,
        sources=access.sources + reach.sources + ("seed-gallery-internal",),
    )


def features_part(*, purpose: str, interactive_messages: bool, install_via_web: bool) -> Part:
    """Step "Enable app features"."""
    features = app_features(
        app_type=app_type(purpose=purpose).id,
        interactive_messages=interactive_messages,
        install_via_web=install_via_web,
    )
    return Part((("features", (_line("Features", features),)),), (features.id,), sources=features.sources)


@dataclass(frozen=True)
class PlanPart:
    """A part of the plan: its function and the questions that feed it."""

    function: Callable[..., Part]
    questions: tuple[Question, ...]

    @property
    def name(self) -> str:
        """Its name in the plan's JSON: ``flow`` for ``flow_part``."""
        return self.function.__name__.removesuffix("_part")


# Today's first access question, then the seed's three (shared/design/guides.md).
ACCESS_QUESTIONS = (FEDERATED_ACCOUNTS, OWN_COMPANY_DATA_ONLY, COMMUNICATION_PLATFORM, FOR_RINGCENTRAL_CUSTOMERS)
PARTS = (
    PlanPart(type_part, (PURPOSE,)),
    PlanPart(flow_part, (PURPOSE, USERS_SIGN_IN, HAS_USER_INTERFACE) + ACCESS_QUESTIONS),
    PlanPart(platform_part, (PURPOSE, USERS_SIGN_IN, HAS_USER_INTERFACE, PLAN_PLATFORM)),
    PlanPart(refresh_part, (PURPOSE, USERS_SIGN_IN, STAY_SIGNED_IN)),
    PlanPart(security_part, ACCESS_QUESTIONS + (RESTRICT_TO_PARTNERS,)),
    PlanPart(features_part, (PURPOSE, INTERACTIVE_MESSAGES, INSTALL_VIA_WEB)),
)

# The console steps of the seed, in its order, with the answers each step asks for.
STEPS = (
    ("type", "Select your app type", ("purpose",)),
    ("describe", "Describe your app", ("name", "description")),
    (
        "auth",
        "Set up authentication",
        ("users_sign_in", "has_user_interface", "platform", "stay_signed_in", "redirect_uris"),
    ),
    (
        "security",
        "Configure app security",
        (
            "capabilities",
            "federated_accounts",
            "own_company_data_only",
            "communication_platform",
            "for_ringcentral_customers",
            "restrict_to_partners",
            "partners",
        ),
    ),
    ("features", "Enable app features", ("interactive_messages", "install_via_web")),
    ("next", "Take the next step", ()),
)


@dataclass(frozen=True)
class TextRule:
    """A constraint on a free-form answer, checked alike in Python and, as data, in the page."""

    name: str
    max_length: int = 0  # in characters (code points); 0: no limit
    min_length: int = 0  # in characters; a blank answer is "blank", not "short"
    required: bool = False
    pattern: str = ""  # every item must match it whole...
    label: str = ""  # ...or is said not to be one of these
    max_items: int = 1

    def errors(self, items: tuple[str, ...]) -> list[str]:
        """What is wrong with the answer, in the words of ``MESSAGES`` (the page uses the same)."""
        found: list[tuple[str, dict[str, object]]] = []
        if self.max_items > 1 and len(items) > self.max_items:
            found.append(("many", {"count": len(items), "max": self.max_items}))
        if self.required and not items:
            found.append(("blank", {}))
        for item in items:
            if self.required and re.fullmatch(BLANK, item):
                found.append(("blank", {}))
            if self.max_length and len(item) > self.max_length:
                found.append(("long", {"count": len(item), "max": self.max_length}))
            if len(item) < self.min_length and not re.fullmatch(BLANK, item):
                found.append(("short", {"value": item, "count": len(item), "min": self.min_length}))
            if self.pattern and not re.fullmatch(self.pattern, item):
                found.append(("pattern", {"value": item, "label": self.label}))
        return [MESSAGES[key].format(field=self.name, **values) for key, values in found]


# Messages for bad free-form answers; the page fills the same templates.
MESSAGES = {
    "blank": "{field}: must not be blank",
    "long": "{field}: {count} characters; at most {max} are allowed",
    "short": "{field}: “{value}” has {count} characters; the form requires at least {min}",
    "many": "{field}: {count} given; at most {max} are allowed",
    "pattern": "{field}: “{value}” is not {label}",
    "none": "{field}: choose at least one",
}
BLANK = r"[ \t\r\n]*"
# An absolute URI (RFC 3986: a scheme, a colon, the rest), printable ASCII without spaces and
# without "*", since the console takes no wildcards (facts.md).
ABSOLUTE_URI = r"[A-Za-z][A-Za-z0-9+.\-]*:[!-)+-~]+"
TEXT_RULES = (
    TextRule("name", facts.NAME_MAX, required=True),
    TextRule("description", facts.DESCRIPTION_MAX, facts.DESCRIPTION_MIN, required=True),
    TextRule(
        "redirect_uris",
        pattern=ABSOLUTE_URI,
        label="an absolute URI without wildcards",
        max_items=facts.REDIRECT_URIS_MAX,
    ),
)

# The order of the link's parameters, and the name each has in the link.
CONSOLE_PARAMS = (
    ("name", "name"),
    ("description", "desc"),
    ("grant_type", "grantType"),
    ("public", "public"),
    ("type", "type"),
    ("carriers", "carriers"),
    ("permissions", "permissions"),
    ("redirect_uris", "redirectUri"),
)


def encode(value: str) -> str:
    """Percent-encode like the browser's encodeURIComponent, so Python and the page agree."""
    return quote(value, safe="!'()*")


# Fields that the link makes read-only in the form when it presets them (install-app-button page).
READ_ONLY_PARAMS = ("public", "type", "permissions")


def console_url(values: dict[str, str], *, editable: bool = False) -> str:
    """The documented "new app" link with the non-empty values set, in the documented order;
    ``editable`` leaves out the fields that a preset would make read-only."""
    query = "&".join(
        f"{param}={encode(values[key])}"
        for key, param in CONSOLE_PARAMS
        if values.get(key) and not (editable and key in READ_ONLY_PARAMS)
    )
    return f"{facts.NEW_APP_URL}?{query}"


@dataclass(frozen=True)
class Plan:
    """The checklist, one section per console step, and the console link (or why there is none).

    ``editable_console_url`` opens the form with only the fields that stay editable preset, for a
    reader who wants to change the access, platform type or permissions there.
    """

    id: str
    sections: tuple[tuple[str, tuple[Line, ...]], ...]
    console_url: str | None
    console_url_reason: str = ""
    editable_console_url: str | None = None
    sources: tuple[str, ...] = ()
    # What the plan rests on, as the page keeps it: each question it asked, by name, with an option
    # id ("yes"/"no" for bools), a list of option ids in the form's order, or the text typed.
    answers: Mapping[str, str | tuple[str, ...]] = field(default_factory=dict)
    fields: Mapping[str, str] = field(default_factory=dict)  # the console form's fields: link parameter -> value

    def to_json(self, schema: str) -> dict[str, Any]:
        """The plan as data (``guides/plan.schema.json``, whose URL is ``schema``): the answers, each
        part's decisions with their sources, the checklist, the console links and form fields.

        The planner's "Download plan (JSON)" gives the same object, so a script can check a real
        app against the plan it was made from.
        """
        decisions = []
        for part, tree in zip(PARTS, part_trees(), strict=True):
            node = tree.root
            while isinstance(node, Ask):
                node = node.branches[str(self.answers[node.question.name])]
            leaf = tree.leaves[node]
            decisions.append({"part": part.name, "ids": list(leaf.ids), "sources": list(leaf.sources)})
        scopes = permissions(capabilities=self.answers["capabilities"])
        decisions.append({"part": "permissions", "ids": [scopes.id], "sources": list(scopes.sources)})
        titles = {step: title for step, title, _ in STEPS}
        return {
            "schema": schema,
            "id": self.id,
            "answers": {k: list(v) if isinstance(v, tuple) else v for k, v in self.answers.items()},
            "decisions": decisions,
            "checklist": [
                {
                    "step": step,
                    "title": titles[step],
                    "lines": [{"label": line.label, "value": line.value, "why": line.why} for line in lines],
                }
                for step, lines in self.sections
            ],
            "console_url": self.console_url,
            "editable_console_url": self.editable_console_url,
            "console_url_reason": self.console_url_reason,
            "fields": dict(self.fields),
            "sources": list(self.sources),
        }


def _texts(name: Any, description: Any, redirect_uris: Any) -> dict[str, tuple[str, ...]]:
    texts = {"name": name, "description": description}
    for key, value in texts.items():
        if not isinstance(value, str):
            raise ValueError(f"{key}: got {value!r}; expected a str")
    if isinstance(redirect_uris, (str, bytes)) or not isinstance(redirect_uris, Iterable):
        raise ValueError(f"redirect_uris: got {redirect_uris!r}; expected a list of absolute URIs")
    uris = tuple(redirect_uris)
    for uri in uris:
        if not isinstance(uri, str):
            raise ValueError(f"redirect_uris: got {uri!r}; expected a str")
    return {"name": (name,), "description": (description,), "redirect_uris": uris}


@cache
def part_trees() -> tuple[Tree, ...]:
    """Each part of the plan as a question tree: the page walks the same trees (``render_plan``)."""
    return tuple(build_tree(part.questions, part.function) for part in PARTS)


def walk_part(tree: Tree, answers: Mapping[str, Any]) -> Part:
    """The part that these answers reach, asking only what the tree asks; a needed answer that is
    missing (``None``) is refused with the question's valid values."""
    node = tree.root
    while isinstance(node, Ask):
        question, value = node.question, answers[node.question.name]
        if value is None:
            raise ValueError(
                f"{question.name}: missing, and this plan needs it after your other answers; "
                f"valid values: {', '.join(map(str, question.values()))}"
            )
        node = node.branches[question.answer_id(value)]
    part = tree.leaves[node]
    assert isinstance(part, Part)
    return part


def asked_on(tree: Tree, answers: Mapping[str, Any]) -> list[Question]:
    """The questions that ``tree`` asks on the path of these answers (all given: see :func:`walk_part`)."""
    asked = []
    node = tree.root
    while isinstance(node, Ask):
        asked.append(node.question)
        node = node.branches[node.question.answer_id(answers[node.question.name])]
    return asked


# Facts every plan rests on: the form's texts and the console link (ids of macros.decisions.sources).
PLAN_SOURCES = ("description-min", "seed-app-name", "new-app-link", "new-app-link-read-only", "seed-client-credentials")


def plan_app(
    *,
    purpose: str,
    name: str,
    description: str,
    users_sign_in: bool | None = None,
    has_user_interface: bool | None = None,
    platform: str | None = None,
    stay_signed_in: bool | None = None,
    federated_accounts: bool | None = None,
    own_company_data_only: bool | None = None,
    communication_platform: bool | None = None,
    for_ringcentral_customers: bool | None = None,
    restrict_to_partners: bool | None = None,
    partners: Iterable[str] = (),
    interactive_messages: bool | None = None,
    install_via_web: bool | None = None,
    capabilities: Iterable[str] = (),
    redirect_uris: Iterable[str] = (),
) -> Plan:
    """Plan the whole app: each part's decisions, the permissions, the texts and the console link.

    Each part is walked as the page walks it, so an answer is needed exactly where the page asks
    it: a bot is asked nothing about auth, a JWT app nothing about refresh tokens, and after a
    first "yes" no later access question. An answer that is not needed may be left out (``None``)
    and is ignored if given, but must still be valid; a platform that contradicts
    ``has_user_interface`` is refused ("no-ui" goes with ``False`` only). Partners are refused
    unless the app is public and restricted to selected partners, and redirect URIs unless the
    plan uses them (the 3-legged flow, a bot). The description needs at least 20 characters
    (the form's rule) and at most 256 (the link's).
    """
    answers: dict[str, Any] = dict(
        purpose=purpose,
        users_sign_in=users_sign_in,
        has_user_interface=has_user_interface,
        platform=platform,
        stay_signed_in=stay_signed_in,
        federated_accounts=federated_accounts,
        own_company_data_only=own_company_data_only,
        communication_platform=communication_platform,
        for_ringcentral_customers=for_ringcentral_customers,
        restrict_to_partners=restrict_to_partners,
        interactive_messages=interactive_messages,
        install_via_web=install_via_web,
    )
    PURPOSE.check(purpose)
    for part in PARTS:
        for question in part.questions:
            if answers[question.name] is not None:
                (PLATFORM if question is PLAN_PLATFORM else question).check(answers[question.name])
    if platform is not None and has_user_interface is not None and (platform == "no-ui") == has_user_interface:
        raise ValueError(
            f"platform: got {platform!r}, which contradicts has_user_interface={has_user_interface}; "
            f"valid values: {'no-ui' if not has_user_interface else ', '.join(PLAN_PLATFORM.ids)}"
        )
    parts = tuple(walk_part(tree, answers) for tree in part_trees())
    asked = {name for part in parts for name in part.asks}
    kept: dict[str, str | tuple[str, ...]] = {"name": name, "description": description}
    kept.update((q.name, q.answer_id(answers[q.name])) for tree in part_trees() for q in asked_on(tree, answers))

    chosen_partners = PARTNERS.check(partners)
    if chosen_partners and "partners" not in asked:
        raise ValueError(
            "partners: only a public app restricted to selected partners (restrict_to_partners=True) "
            f"names partners; got {chosen_partners!r}"
        )
    if "partners" in asked and not chosen_partners:
        raise ValueError(MESSAGES["none"].format(field="partners") + f"; valid values: {', '.join(PARTNERS.ids)}")
    texts = _texts(name, description, redirect_uris)
    if texts["redirect_uris"] and "redirect_uris" not in asked:
        raise ValueError("redirect_uris: only the 3-legged OAuth flow and bots use redirect URIs")
    problems = [problem for rule in TEXT_RULES for problem in rule.errors(texts[rule.name])]
    if problems:
        raise ValueError("; ".join(problems))
    chosen_capabilities = CAPABILITIES.check(capabilities)
    scopes = permissions(capabilities=chosen_capabilities)
    kept["capabilities"] = tuple(i for i in CAPABILITIES.ids if i in chosen_capabilities)
    if "partners" in asked:
        kept["partners"] = tuple(p for p in PARTNERS.ids if p in chosen_partners)
    if "redirect_uris" in asked:
        kept["redirect_uris"] = texts["redirect_uris"]

    free = {
        "name": (free_line("name", name),),
        "description": (free_line("description", description),),
        "redirect_uris": (
            tuple(free_line("redirect_uris", uri) for uri in texts["redirect_uris"]) or (LINES["no_redirect_uris"],)
        )
        if "redirect_uris" in asked
        else (),
        "permissions": (
            free_line("permissions", ", ".join(scopes.permissions)) if scopes.permissions else LINES["no_permissions"],
        ),
        "approval": tuple(free_line("approval", name) for name in scopes.requires_approval),
        "partners": tuple(
            free_line("partners", facts.PARTNERS[p].name, carrier=facts.PARTNERS[p].carrier_id)
            for p in PARTNERS.ids
            if p in chosen_partners
        ),
    }

    filled = {slot: lines for part in parts for slot, lines in part.lines}

    def lines_of(slot: str) -> tuple[Line, ...]:
        if slot in filled:
            return filled[slot]
        return free[slot] if slot in free else (LINES[slot],)

    sections = tuple(
        (step, tuple(line for slot in slots for line in lines_of(slot))) for step, slots in CHECKLIST.items()
    )
    values = {key: value for part in parts for key, value in part.params}
    values.update(
        name=name,
        description=description,
        permissions=",".join(scopes.permissions),
        carriers=",".join(str(facts.PARTNERS[p].carrier_id) for p in PARTNERS.ids if p in chosen_partners),
        redirect_uris=",".join(texts["redirect_uris"]),
    )
    reason = next((part.blocked for part in parts if part.blocked), "")
    ids = tuple(i for part in parts for i in part.ids) + (scopes.id,)
    sources = [source for part in parts for source in part.sources] + [*scopes.sources, *PLAN_SOURCES]
    return Plan(
        "/".join(ids),
        sections,
        None if reason else console_url(values),
        reason,
        None if reason else console_url(values, editable=True),
        tuple(dict.fromkeys(sources)),
        kept,
        {param: values[key] for key, param in CONSOLE_PARAMS if values.get(key)},
    )


# What each step's checklist lists, in the order of today's form: the parts' lines (by slot),
# the lines of free-form answers, and fixed lines for the fields the planner asks nothing about.
CHECKLIST = {
    "type": ("type",),
    "describe": ("name", "display_name", "description", "icon", "contact", "gallery"),
    "auth": ("flow", "platform", "redirect_uris", "refresh"),
    "security": ("permissions", "approval", "access", "partners"),
    "features": ("features",),
    "next": ("client", "credential", "quick_start"),
}

# Checklist lines that are not a part's: "{value}" (and "{carrier}") are filled in, here and in the page.
LINES = {
    "name": Line("App name", "{value}"),  # the box's hint says it is never shown publicly
    "display_name": Line(
        "Display name",
        "Your choice",
        "Users see it inside RingCentral's apps, such as the desktop client: pick one they recognise.",
    ),
    "description": Line("Description", "{value}"),
    "contact": Line(
        "Primary contact", "One person", "They receive important communications about the app and answer them."
    ),
    "redirect_uris": Line("Redirect URI", "{value}"),
    "no_redirect_uris": Line("Redirect URI", "Add at least one", "The 3-legged OAuth flow sends users back to it."),
    "partners": Line("Partner", "{value}", "Carrier id {carrier}."),
    "permissions": Line("Permissions", "{value}"),
    "no_permissions": Line("Permissions", "None"),
    "approval": Line(
        "Needs approval",
        "{value}",
        "The form asks you to justify it, and developer support reviews it when you save the app.",
    ),
    "client": Line(
        "Client ID and Client Secret", "Note them", "You need both to authenticate your app to the platform."
    ),
    "quick_start": Line(
        "Quick start",
        "SMS, fax, voice or RingCentral Video",
        "Each quick start takes you from credentials to a first call.",
    ),
}


def free_line(key: str, value: str, **more: Any) -> Line:
    """A checklist line for a free-form answer: the template with the value put in (never formatted itself)."""
    template = LINES[key]
    return Line(
        template.label,
        template.value.replace("{value}", value),
        template.why.replace("{carrier}", str(more.get("carrier", ""))),
    )
