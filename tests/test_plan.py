"""plan_app: expected plans written out by hand, every bad plan refused, and properties of all plans."""

from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.decisions import app_access, auth_method, partner_reach, permissions, plan_app
from macros.decisions.plan import PARTNERS, PLAN_PLATFORM
from macros.decisions.sources import SOURCES

NEW_APP = "https://developer.ringcentral.com/new-app?"

# An SMS notifier run by cron on our server, used only with our own account: JWT, no refresh question.
SMS_SERVER = dict(
    purpose="call-apis",
    name="SMS notifier (staging)",
    description="Texts our customers when orders ship",
    users_sign_in=False,
    has_user_interface=False,
    federated_accounts=False,
    own_company_data_only=False,
    communication_platform=True,
    for_ringcentral_customers=False,
    restrict_to_partners=False,
    interactive_messages=False,
    capabilities=["send-sms", "read-messages"],
)
# An iOS app that RingCentral customers of two partners sign in to.
PUBLIC_IOS = dict(
    purpose="call-apis",
    name="Café ☕ (qa)",
    description="Call the café and get its voicemail",
    users_sign_in=True,
    has_user_interface=True,
    platform="ios",
    stay_signed_in=True,
    federated_accounts=False,
    own_company_data_only=False,
    communication_platform=False,
    for_ringcentral_customers=True,
    restrict_to_partners=True,
    partners=["bt", "att"],
    interactive_messages=False,
    install_via_web=False,
    capabilities=["download-recordings", "read-call-log", "read-presence"],
    redirect_uris=["com.example.cafe:/oauth", "https://example.com/cb?x=1&y=2"],
)
# A public bot for all partners: no auth method, PKCE, refresh or JWT part (its token comes at installation).
BOT = dict(
    purpose="chat-bot",
    name="Standup bot",
    description="Asks the team for a daily standup",
    federated_accounts=False,
    own_company_data_only=False,
    communication_platform=False,
    for_ringcentral_customers=True,
    restrict_to_partners=False,
    interactive_messages=True,
    capabilities=["team-messaging"],
)
# An add-in: the new-app link has no platform type for it.
ADD_IN = dict(
    purpose="extend-desktop-app",
    name="Ticket add-in",
    description="Posts ticket events to the desktop app",
    users_sign_in=True,
    has_user_interface=True,
    platform="server-web",
    stay_signed_in=False,
    federated_accounts=False,
    own_company_data_only=True,
    communication_platform=False,
    for_ringcentral_customers=False,
    restrict_to_partners=True,
    interactive_messages=True,
    install_via_web=True,
)

EXPECTED = [
    (
        SMS_SERVER,
        "rest-api-app/jwt/not-applicable/not-needed/private/not-applicable/none/SMS",
        NEW_APP + "name=SMS%20notifier%20(staging)&desc=Texts%20our%20customers%20when%20orders%20ship"
        "&grantType=PersonalJWT&public=false&type=ServerOther&permissions=SMS",
    ),
    (
        PUBLIC_IOS,
        "rest-api-app/three-legged-oauth/required/enable/public/selected-partners/none/ReadCallRecording+ReadPresence",
        NEW_APP + "name=Caf%C3%A9%20%E2%98%95%20(qa)&desc=Call%20the%20caf%C3%A9%20and%20get%20its%20voicemail"
        "&public=true&type=MobileIOS&carriers=3420%2C7710&permissions=ReadCallRecording%2CReadPresence"
        "&redirectUri=com.example.cafe%3A%2Foauth%2Chttps%3A%2F%2Fexample.com%2Fcb%3Fx%3D1%26y%3D2",
    ),
    (
        BOT,
        "bot/bot-installation/public/all-partners/interactive-messages/TeamMessaging",
        NEW_APP + "name=Standup%20bot&desc=Asks%20the%20team%20for%20a%20daily%20standup"
        "&public=true&type=ServerBot&permissions=TeamMessaging",
    ),
    (
        ADD_IN,
        "add-in/three-legged-oauth/recommended/not-needed/private/not-applicable/"
        "integrated-installation+interactive-messages+web-installation/none",
        None,
    ),
]


@pytest.mark.parametrize(("answers", "plan_id", "url"), EXPECTED)
def test_expected_plans(answers: dict, plan_id: str, url: str | None) -> None:
    plan = plan_app(**answers)
    assert plan.id == plan_id
    assert plan.console_url == url
    assert [step for step, _ in plan.sections] == ["type", "describe", "auth", "security", "features", "next"]
    assert bool(plan.console_url_reason) == (url is None)


def values(plan: Any, step: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for line in dict(plan.sections)[step]:
        found.setdefault(line.label, []).append(line.value)
    return found


def test_checklist_lines() -> None:
    ios = plan_app(**PUBLIC_IOS)
    assert values(ios, "type") == {"App type": ["REST API App"]}
    assert values(ios, "describe") == {
        "App name": ["Café ☕ (qa)"],
        "Display name": ["Your choice"],
        "Description": ["Call the café and get its voicemail"],
        "App icon": ["Optional"],
        "Primary contact": ["One person"],
        "Promote in the App Gallery?": ["Yes, if you will promote it"],
    }
    assert values(ios, "auth")["Platform type"] == ["MobileIOS"]
    assert values(ios, "auth")["Redirect URI"] == PUBLIC_IOS["redirect_uris"]
    assert values(ios, "security")["Partner"] == ["AT&T Office@Hand", "BT Cloud Work"]
    assert values(ios, "security")["Permissions"] == ["ReadCallRecording, ReadPresence"]
    bot = plan_app(**BOT)
    assert values(bot, "describe")["App icon"] == ["Required"]
    assert values(bot, "auth")["Redirect URI"] == ["Add at least one"]
    assert values(bot, "auth")["Platform type"] == ["ServerBot"]
    assert "Partner" not in values(bot, "security")
    sms = plan_app(**SMS_SERVER)
    assert "Redirect URI" not in values(sms, "auth")
    assert "Partners" not in values(sms, "security"), "no partner line for a private app"
    assert values(sms, "describe")["Promote in the App Gallery?"] == ["No"]


# Every field of today's Create App form, step by step, in the form's order (facts.md and the seed).
FORM_ORDER = {
    "type": ["App type"],
    "describe": [
        "App name",
        "Display name",
        "Description",
        "App icon",
        "Primary contact",
        "Promote in the App Gallery?",
    ],
    "auth": ["Auth method", "Bot token", "Platform type", "PKCE", "Redirect URI", "Refresh tokens"],
    "security": ["Permissions", "Needs approval", "Access", "Partners", "Partner"],
    "features": ["Features"],
    "next": ["Client ID and Client Secret", "JWT credential", "JWT credentials", "Install the bot", "Quick start"],
}


@pytest.mark.parametrize("answers", [SMS_SERVER, PUBLIC_IOS, BOT, ADD_IN], ids=["sms", "ios", "bot", "add-in"])
def test_checklist_follows_the_form_order(answers: dict) -> None:
    plan = plan_app(**answers)
    for step, lines in plan.sections:
        labels = list(dict.fromkeys(line.label for line in lines))
        assert labels == [label for label in FORM_ORDER[step] if label in labels], step
        bot = answers["purpose"] == "chat-bot"
        for always in (
            "App type",
            "App name",
            "Display name",
            "Description",
            "App icon",
            "Primary contact",
            "Promote in the App Gallery?",
            "Bot token" if bot else "Auth method",
            "Platform type",
            "Permissions",
            "Access",
            "Features",
            "Client ID and Client Secret",
            "Install the bot" if bot else "Quick start",
        ):
            assert always not in FORM_ORDER[step] or always in labels, (step, always)
        if bot:
            assert not {"Auth method", "PKCE", "Refresh tokens", "JWT credential", "JWT credentials"} & set(labels)


def test_a_jwt_app_plans_its_credential() -> None:
    private = plan_app(**SMS_SERVER)
    assert values(private, "auth")["Auth method"] == ["JWT auth flow"]
    auth_why = dict((line.label, line.why) for line in dict(private.sections)["auth"])["Auth method"]
    assert "password" not in auth_why, "history notes stay on the step's page; the plan follows today's form"
    credential = dict((line.label, line) for line in dict(private.sections)["next"])["JWT credential"]
    assert "Credentials" in credential.why and "Create JWT" in credential.why and "client ID" in credential.why
    public = plan_app(**{**SMS_SERVER, "communication_platform": False, "for_ringcentral_customers": True})
    line = dict((line.label, line) for line in dict(public.sections)["next"])["JWT credentials"]
    assert line.value == "Each customer creates their own" and "client ID" in line.why
    oauth = plan_app(**PUBLIC_IOS)
    assert not {"JWT credential", "JWT credentials"} & set(values(oauth, "next"))


def test_a_jwt_plan_asks_no_refresh_question_and_presets_the_jwt_flow() -> None:
    """Issue 20, 5 and 7: a JWT app presents its JWT again; RingCentral's quick starts add grantType=PersonalJWT."""
    plan = plan_app(**SMS_SERVER)  # no stay_signed_in given
    assert values(plan, "auth")["Refresh tokens"] == ["Not needed: leave “Issue refresh tokens?” off"]
    assert plan == plan_app(**SMS_SERVER, stay_signed_in=True) == plan_app(**SMS_SERVER, stay_signed_in=False)
    assert "&grantType=PersonalJWT&" in plan.console_url
    assert {"jwt-no-refresh", "grant-type-personal-jwt"} <= set(plan.sources)
    assert "grantType" not in plan_app(**PUBLIC_IOS).console_url
    assert "grantType" not in plan_app(**BOT).console_url


@pytest.mark.parametrize("public", [True, False])
def test_a_bot_plan_is_its_installation(public: bool) -> None:
    """Issue 20, 2: a bot's token comes to its redirect URI at installation and does not expire; a private bot
    is installed from the console."""
    answers = {**BOT, "for_ringcentral_customers": public, "own_company_data_only": not public}
    plan = plan_app(**answers, redirect_uris=["https://bot.example.com/oauth"])
    auth = dict((line.label, line) for line in dict(plan.sections)["auth"])
    assert list(auth) == ["Bot token", "Platform type", "Redirect URI"]
    assert "does not expire" in auth["Bot token"].why
    install = dict((line.label, line) for line in dict(plan.sections)["next"])["Install the bot"]
    if public:
        assert "code" in auth["Bot token"].why and install.value == "Customers install it"
        assert "bot-public-code" in plan.sources
    else:
        assert "receives the token itself" in auth["Bot token"].why
        assert install.value == "From the Developer Console" and "Install under Credentials" in install.why
        assert {"bot-private-token", "bot-private-install"} <= set(plan.sources)
    assert "jwt" not in plan.id and "pkce" not in plan.id and "three-legged-oauth" not in plan.id
    # Its auth answers are not asked, so they are ignored when given.
    assert plan == plan_app(
        **answers,
        redirect_uris=["https://bot.example.com/oauth"],
        users_sign_in=False,
        has_user_interface=True,
        platform="ios",
        stay_signed_in=True,
    )


def test_the_console_link_says_what_it_locks() -> None:
    """Issue 20, 7: presetting public, type or permissions makes them read-only; the editable link leaves them out."""
    plan = plan_app(**PUBLIC_IOS)
    assert plan.editable_console_url is not None
    full = dict(parse_qsl(urlsplit(plan.console_url).query))
    editable = dict(parse_qsl(urlsplit(plan.editable_console_url).query))
    assert editable == {k: v for k, v in full.items() if k not in ("public", "type", "permissions")}
    assert "new-app-link-read-only" in plan.sources
    assert plan_app(**ADD_IN).editable_console_url is None


def test_warnings_reach_the_plan() -> None:
    add_in = plan_app(**ADD_IN)
    whys = {line.label: line.why for _, lines in add_in.sections for line in lines}
    assert "deprecated" in whys["App type"] and "can no longer create" in whys["App type"]
    assert "Notification Add-ins" in whys["Features"]


def test_a_restricted_permission_shows_its_approval() -> None:
    plan = plan_app(**{**SMS_SERVER, "capabilities": ["control-calls", "send-sms"]})
    lines = dict((line.label, line) for line in dict(plan.sections)["security"])
    assert lines["Needs approval"].value == "CallControl"
    assert "developer support" in lines["Needs approval"].why
    assert "Needs approval" not in values(plan_app(**SMS_SERVER), "security")


def test_federated_accounts_make_the_plan_public() -> None:
    plan = plan_app(**{**SMS_SERVER, "federated_accounts": True})
    assert values(plan, "security")["Access"] == ["Public"]
    assert "public=true" in plan.console_url


def test_hidden_answers_are_ignored() -> None:
    """The platform of a bot, and access answers after a first yes."""
    assert plan_app(**{**BOT, "platform": "ios"}) == plan_app(**{**BOT, "platform": None})
    assert plan_app(**{**SMS_SERVER, "install_via_web": True}) == plan_app(**SMS_SERVER)
    assert plan_app(**{**SMS_SERVER, "for_ringcentral_customers": True}).id == plan_app(**SMS_SERVER).id
    assert plan_app(**{**PUBLIC_IOS, "federated_accounts": True}).id == plan_app(**PUBLIC_IOS).id


def test_no_ui_is_the_platform_of_an_app_without_a_user_interface() -> None:
    assert plan_app(**{**SMS_SERVER, "platform": "no-ui"}) == plan_app(**{**SMS_SERVER, "platform": None})
    bot_without_ui = {**BOT, "has_user_interface": False, "platform": "no-ui", "redirect_uris": []}
    assert "type=ServerBot" in plan_app(**bot_without_ui).console_url


@pytest.mark.parametrize("platform", [p for p in PLAN_PLATFORM.ids])
def test_a_platform_that_contradicts_has_user_interface_is_refused(platform: str) -> None:
    with pytest.raises(ValueError, match=f"platform: got '{platform}', which contradicts has_user_interface=False"):
        plan_app(**{**SMS_SERVER, "platform": platform})
    with pytest.raises(ValueError, match=f"platform: got '{platform}', which contradicts has_user_interface=False"):
        plan_app(**{**BOT, "has_user_interface": False, "platform": platform})


BAD_PLANS = {
    "name over 64": ({"name": "x" * 65}, "name: 65 characters; at most 64 are allowed"),
    "blank name": ({"name": "  "}, "name: must not be blank"),
    "empty name": ({"name": ""}, "name: must not be blank"),
    "description over 256": ({"description": "d" * 257}, "description: 257 characters; at most 256 are allowed"),
    "wildcard URI": ({"redirect_uris": ["https://*.example.com/cb"]}, "is not an absolute URI without wildcards"),
    "relative URI": ({"redirect_uris": ["/oauth/cb"]}, "“/oauth/cb” is not an absolute URI"),
    "URI with a space": ({"redirect_uris": ["https://example.com/a b"]}, "is not an absolute URI"),
    "11 URIs": (
        {"redirect_uris": [f"https://example.com/{i}" for i in range(11)]},
        "redirect_uris: 11 given; at most 10 are allowed",
    ),
    "unknown partner": ({"partners": ["bt", "acme"]}, "partners: got 'acme'; valid values: att, telus, bt"),
    "no partner chosen": ({"partners": []}, "partners: choose at least one"),
    "partners without restriction": ({"restrict_to_partners": False}, "only a public app restricted to selected"),
    "unknown platform": ({"platform": "linux"}, "platform: got 'linux'; valid values: server-web, browser"),
    "no-ui with a user interface": (
        {"platform": "no-ui"},
        "platform: got 'no-ui', which contradicts has_user_interface=True; valid values: server-web, browser",
    ),
    "federated as string": ({"federated_accounts": "yes"}, "federated_accounts: got 'yes'; valid values: True, False"),
    "missing platform": ({"platform": None}, "platform: missing, and this plan needs it after your other answers"),
    "missing refresh answer": ({"stay_signed_in": None}, "stay_signed_in: missing, and this plan needs it"),
    "missing who signs in": ({"users_sign_in": None}, "users_sign_in: missing, and this plan needs it"),
    "short description": (
        {"description": "Short words!"},
        "description: “Short words!” has 12 characters; the form requires at least 20",
    ),
    "empty description": ({"description": ""}, "description: must not be blank"),
    "description not a str": ({"description": None}, "description: got None; expected a str"),
    "a Rise partner": ({"partners": ["verizon"]}, "partners: got 'verizon'; valid values: att"),
    "bool as string": ({"stay_signed_in": "yes"}, "stay_signed_in: got 'yes'; valid values: True, False"),
    "name not a str": ({"name": 7}, "name: got 7; expected a str"),
    "URIs as a str": ({"redirect_uris": "https://example.com/cb"}, "redirect_uris: got 'https://example.com/cb'"),
    "unknown capability": ({"capabilities": ["fly"]}, "capabilities: got 'fly'"),
}


@pytest.mark.parametrize("case", sorted(BAD_PLANS))
def test_bad_plans_are_refused(case: str) -> None:
    change, message = BAD_PLANS[case]
    with pytest.raises(ValueError) as caught:
        plan_app(**{**PUBLIC_IOS, **change})
    assert message in str(caught.value)


def test_refused_outside_their_flow() -> None:
    with pytest.raises(ValueError, match="partners: only a public app"):
        plan_app(**{**SMS_SERVER, "partners": ["bt"]})
    with pytest.raises(ValueError, match="redirect_uris: only the 3-legged OAuth flow and bots"):
        plan_app(**{**SMS_SERVER, "redirect_uris": ["https://example.com/cb"]})


def test_missing_and_positional_arguments() -> None:
    answers = dict(PUBLIC_IOS)
    del answers["purpose"]
    with pytest.raises(TypeError):
        plan_app(**answers)
    for required in ("name", "description"):
        with pytest.raises(TypeError, match=required):
            plan_app(**{k: v for k, v in PUBLIC_IOS.items() if k != required})
    with pytest.raises(TypeError):
        plan_app("call-apis")  # type: ignore[misc]


@st.composite
def valid_plans(draw: st.DrawFn) -> dict[str, Any]:
    """Any valid plan: the answers a plan needs, drawn; the others left out or drawn at random (ignored)."""
    bools = {
        name: draw(st.booleans())
        for name in (
            "users_sign_in",
            "has_user_interface",
            "stay_signed_in",
            "federated_accounts",
            "own_company_data_only",
            "communication_platform",
            "for_ringcentral_customers",
            "restrict_to_partners",
            "interactive_messages",
            "install_via_web",
        )
    }
    answers: dict[str, Any] = dict(
        bools,
        purpose=draw(st.sampled_from(["call-apis", "chat-bot", "extend-desktop-app"])),
        platform=draw(st.sampled_from(PLAN_PLATFORM.ids)) if bools["has_user_interface"] else None,
        name=draw(st.text(min_size=1, max_size=64).filter(lambda s: s.strip(" \t\r\n"))),
        description=draw(st.text(min_size=20, max_size=256).filter(lambda s: s.strip(" \t\r\n"))),
        capabilities=draw(
            st.lists(
                st.sampled_from(
                    ["send-sms", "read-messages", "download-recordings", "read-call-log", "webhooks", "change-presence"]
                )
            )
        ),
    )
    access = app_access(
        federated_accounts=bools["federated_accounts"],
        own_company_data_only=bools["own_company_data_only"],
        communication_platform=bools["communication_platform"],
        for_ringcentral_customers=bools["for_ringcentral_customers"],
    )
    reach = partner_reach(access=access.id, restrict_to_partners=bools["restrict_to_partners"])
    if reach.id == "selected-partners":
        answers["partners"] = draw(st.lists(st.sampled_from(PARTNERS.ids), min_size=1))
    bot = answers["purpose"] == "chat-bot"
    if bot or auth_method(users_sign_in=bools["users_sign_in"], has_user_interface=True).id == "three-legged-oauth":
        answers["redirect_uris"] = draw(
            st.lists(
                st.sampled_from(["https://example.com/cb", "com.example.app:/oauth", "http://localhost:8080/x?y=1"]),
                max_size=10,
            )
        )
    needed = not bot and bools["users_sign_in"]
    if not needed and draw(st.booleans()):  # what the plan does not ask may be left out
        answers["stay_signed_in"] = None
    return answers


@settings(max_examples=300, deadline=None)
@given(valid_plans())
def test_every_valid_plan_has_a_consistent_link(answers: dict[str, Any]) -> None:
    plan = plan_app(**answers)
    assert plan == plan_app(**answers), "pure"
    assert plan.sources and set(plan.sources) <= set(SOURCES) and len(set(plan.sources)) == len(plan.sources)
    labels = {line.label for _, lines in plan.sections for line in lines}
    bot = answers["purpose"] == "chat-bot"
    jwt = not bot and not answers["users_sign_in"]
    assert bot == ("Bot token" in labels) == ("Auth method" not in labels) == ("PKCE" not in labels)
    assert ("JWT credential" in labels or "JWT credentials" in labels) == jwt
    if answers["purpose"] == "extend-desktop-app":
        assert plan.console_url is None and plan.console_url_reason and plan.editable_console_url is None
        return
    url = urlsplit(plan.console_url)
    assert plan.console_url.startswith(NEW_APP)
    query = dict(parse_qsl(url.query, keep_blank_values=True))
    assert query["name"] == answers["name"]
    assert query["desc"] == answers["description"]
    assert query["public"] in ("true", "false")
    assert query.get("grantType") == ("PersonalJWT" if jwt else None)
    scopes = permissions(capabilities=answers["capabilities"])
    assert query.get("permissions", "") == ",".join(scopes.permissions)
    assert plan.id.endswith("/" + scopes.id)
    assert query.get("redirectUri", "") == ",".join(answers.get("redirect_uris", ()))
    assert ("carriers" in query) == bool(answers.get("partners"))
    editable = dict(parse_qsl(urlsplit(plan.editable_console_url).query, keep_blank_values=True))
    assert editable == {k: v for k, v in query.items() if k not in ("public", "type", "permissions")}
