"""Unit tests of the decision functions against the contract (shared/design/guides.md).

Every expected value below is written by hand from the contract, the seed page
(shared/seed/000_429c7b3fc4518535.txt) and shared/reference/facts.md. Nothing expected is computed
by the code under test: the tables are literals, and the few property tests compare against small
independent models written here.
"""

from __future__ import annotations

import inspect
import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.decisions import (
    GUIDES,
    app_access,
    app_features,
    app_type,
    auth_method,
    facts,
    partner_reach,
    permissions,
    pkce,
    refresh_tokens,
)
from macros.decisions.sources import SOURCES
from truth_tables import TABLES as TRUTH_TABLES

DOCS = Path(__file__).resolve().parents[1] / "docs"

# --------------------------------------------------------------------------------------------------
# The contract, by hand: the permissions guide's capabilities; the truth tables of the others.
# --------------------------------------------------------------------------------------------------

BOOL = (True, False)
CAPABILITIES = (
    "send-sms",
    "read-messages",
    "send-fax",
    "read-call-log",
    "download-recordings",
    "ringout-calls",
    "control-calls",
    "voip-calling",
    "webhooks",
    "team-messaging",
    "video-meetings",
    "read-account",
    "read-contacts",
    "manage-contacts",
    "read-presence",
    "change-presence",
)

# Every single-answer guide of the registry has its truth table (tests/truth_tables.py), keyed by the
# answers in the order of its questions; the valid answers are the questions' own (each table must
# cover them all, test_table_is_exhaustive).
SINGLE_ANSWER = [
    name for name, g in GUIDES.items() if name != "plan_app" and all(q.kind != "multi" for q in g.questions)
]
FUNCTIONS = [GUIDES[name].function for name in SINGLE_ANSWER]
ARGS = {GUIDES[name].function: {q.name: q.values() for q in GUIDES[name].questions} for name in SINGLE_ANSWER}
TABLES = {GUIDES[name].function: TRUTH_TABLES[name] for name in SINGLE_ANSWER if name in TRUTH_TABLES}
IM, II, WI = "interactive-messages", "integrated-installation", "web-installation"


def test_every_single_answer_guide_has_its_truth_table():
    assert sorted(TRUTH_TABLES) == sorted(SINGLE_ANSWER)


TABLE_CASES = [
    pytest.param(fn, key, expected, id=f"{fn.__name__}-{'-'.join(map(str, key))}")
    for fn, table in TABLES.items()
    for key, expected in table.items()
]


def call(fn, key):
    return fn(**dict(zip(ARGS[fn], key, strict=False)))


def every_input():
    """(function, arguments) for every input of every function, permissions' singles, pairs and empty."""
    for fn, table in TABLES.items():
        for key in table:
            yield pytest.param(fn, dict(zip(ARGS[fn], key, strict=False)), id=f"{fn.__name__}{key}")
    for combo in [()] + [(c,) for c in CAPABILITIES] + list(itertools.combinations(CAPABILITIES, 2)):
        yield pytest.param(permissions, {"capabilities": combo}, id=f"permissions{combo}")


@pytest.mark.parametrize("fn", FUNCTIONS, ids=lambda fn: fn.__name__)
def test_table_is_exhaustive(fn):
    assert set(TABLES[fn]) == set(itertools.product(*ARGS[fn].values()))


@pytest.mark.parametrize("fn,key,expected", TABLE_CASES)
def test_truth_table(fn, key, expected):
    assert call(fn, key).id == expected


# --------------------------------------------------------------------------------------------------
# Extra assertions from the contract and the seed
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("purpose,icon", [("call-apis", False), ("chat-bot", True), ("extend-desktop-app", True)])
def test_app_type_icon_required_only_for_bots_and_add_ins(purpose, icon):
    assert app_type(purpose=purpose).icon_required is icon


def test_jwt_without_a_ui_notes_that_the_password_flow_is_deprecated():
    decision = auth_method(users_sign_in=False, has_user_interface=False)
    assert decision.title == "JWT auth flow"
    assert decision.notes and all(note.strip() for note in decision.notes)
    notes = " ".join(decision.notes)
    assert "password" in notes.lower() and "deprecated" in notes.lower() and "JWT" in notes
    assert "no longer in the form" not in notes, "deprecated, not established as removed (issue 20, 9)"
    assert "public apps" in notes and "single sign-on" in notes
    reasons = " ".join(decision.reasons)
    for words in ("nightly job", "script", "server-to-server", "service user", "client ID", "role"):
        assert words in reasons, words
    assert ("RingCentral: JWT for public apps", facts.JWT_PUBLIC_APPS_URL) in decision.links
    assert (
        "RingCentral: create a JWT credential",
        "https://developers.ringcentral.com/guide/getting-started/create-credential",
    ) in decision.links
    assert {"jwt-public-apps", "password-deprecated", "jwt-not-for-individuals"} <= set(decision.sources)


def test_jwt_with_a_ui_is_one_identity_on_a_server():
    """Issue 20, 1: an internal dashboard on one service user gets JWT, not 3-legged OAuth."""
    decision = auth_method(users_sign_in=False, has_user_interface=True)
    reasons = " ".join(decision.reasons)
    for words in ("one identity", "service user", "dashboard", "server"):
        assert words in reasons, words
    assert "publish" not in reasons
    assert {"auth-who-signs-in", "jwt-not-for-individuals", "jwt-service-user"} <= set(decision.sources)


@pytest.mark.parametrize("has_user_interface", BOOL)
def test_three_legged_oauth_when_each_user_signs_in(has_user_interface):
    decision = auth_method(users_sign_in=True, has_user_interface=has_user_interface)
    assert not decision.notes
    reasons = " ".join(decision.reasons)
    assert "own account" in reasons and "redirect URI" in reasons and "exactly" in reasons
    assert {"auth-who-signs-in", "redirect-uri-required", "redirect-uri-exact"} <= set(decision.sources)


def test_the_old_argument_is_refused():
    with pytest.raises(TypeError, match="acts_for_users"):
        auth_method(acts_for_users=True, has_user_interface=True)


@pytest.mark.parametrize(
    "purpose,title,deprecated",
    [
        ("call-apis", "REST API App", False),
        ("chat-bot", "Bot Add-in", False),
        ("extend-desktop-app", "Notification Add-in", True),
    ],
)
def test_app_type_titles_are_todays_console_names(purpose, title, deprecated):
    decision = app_type(purpose=purpose)
    assert decision.title == title
    notes = " ".join(decision.notes).lower()
    assert ("deprecated" in notes and "can no longer create" in notes) is deprecated


def test_add_in_says_what_to_do_when_the_type_is_not_offered():
    text = " ".join(app_type(purpose="extend-desktop-app").reasons)
    assert "does not offer" in text and "REST API App" in text and "Bot Add-in" in text
    assert "notifications from other systems" in text


def test_oauth_without_ui_says_a_sign_in_page_is_needed():
    decision = auth_method(users_sign_in=True, has_user_interface=False)
    assert "page" in " ".join(decision.reasons).lower()
    assert "seed-three-legged-ui" in decision.sources


@pytest.mark.parametrize("platform", [k[0] for k, v in TABLES[pkce].items() if v == "required"])
def test_pkce_required_links_to_the_pkce_guide(platform):
    urls = [url for _, url in pkce(platform=platform).links]
    assert "https://developers.ringcentral.com/guide/authentication/auth-code-pkce-flow" in urls


def test_refresh_tokens_enable_mentions_the_daily_refresh_of_every_token():
    text = " ".join(refresh_tokens(stay_signed_in=True).reasons).lower()
    assert "once a day" in text or "daily" in text
    assert "every stored token" in text


@pytest.mark.parametrize("stay_signed_in", BOOL)
def test_refresh_tokens_say_the_lifetimes_and_the_default(stay_signed_in):
    """Issue 20, 5: 1 hour, 7 days, once, and "Issue refresh tokens?" off by default, each with its source."""
    decision = refresh_tokens(stay_signed_in=stay_signed_in)
    text = " ".join(decision.reasons)
    assert "1 hour" in text and "Issue refresh tokens?" in text and "off" in text
    assert {"access-token-hour", "refresh-off-by-default"} <= set(decision.sources)
    if stay_signed_in:
        assert "7 days" in text and "works once" in text
        assert {"refresh-token-days", "refresh-token-once"} <= set(decision.sources)


@pytest.mark.parametrize(
    "platform,words",
    [
        ("mobile-other", ["RFC 9700"]),
        ("desktop-other", ["RFC 9700"]),  # the contract's reason for them
        ("server-web", ["RFC 9700", "recommend"]),
        ("no-ui", ["authorization-code"]),
    ],
)
def test_pkce_reasons_follow_the_contract(platform, words):
    text = " ".join(pkce(platform=platform).reasons)
    for word in words:
        assert word.lower() in text.lower()


@pytest.mark.parametrize("platform", [k[0] for k, v in TABLES[pkce].items() if v != "not-applicable"])
def test_pkce_says_who_requires_what(platform):
    """Issue 20, 4: RFC 9700 requires PKCE of public clients; RingCentral recommends it today and assumes
    plain when the method is left out; "required" was the 2021 page's rule."""
    decision = pkce(platform=platform)
    text = " ".join(decision.reasons)
    assert "RFC 9700" in text and "RingCentral" in text and "recommend" in text
    assert "S256" in text and "plain" in text
    assert {"pkce-recommended", "pkce-plain-default"} <= set(decision.sources)
    if decision.id == "required":
        assert "2021" in text and "must" in text
        assert {"rfc9700-pkce-public", "seed-pkce-required"} <= set(decision.sources)
    else:
        assert "rfc9700-pkce-confidential" in decision.sources


def test_app_access_all_no_says_only_your_credentials_are_used():
    decision = app_access(
        federated_accounts=False,
        own_company_data_only=False,
        communication_platform=False,
        for_ringcentral_customers=False,
    )
    assert "credentials" in " ".join(decision.reasons)


@pytest.mark.parametrize(
    "key", [k for k, v in TABLES[app_access].items() if v == "public"], ids=lambda k: "-".join(map(str, k))
)
def test_public_apps_are_told_about_scrutiny_and_the_gallery(key):
    decision = call(app_access, key)
    assert "more scrutiny" in " ".join(decision.reasons)
    assert any("App Gallery" in note and "federated" in note for note in decision.notes)


def test_federated_accounts_reason_names_them_and_the_seed_questions_follow():
    federated = app_access(
        federated_accounts=True,
        own_company_data_only=True,
        communication_platform=True,
        for_ringcentral_customers=False,
    )
    assert "federated accounts" in " ".join(federated.reasons)
    cpaas = app_access(
        federated_accounts=False,
        own_company_data_only=False,
        communication_platform=True,
        for_ringcentral_customers=True,
    )
    assert "CPaaS" in " ".join(cpaas.reasons)
    assert [q.name for q in GUIDES["app_access"].questions][0] == "federated_accounts"


# Each feature's reasons say what it needs (contract and seed, "Enable app features").
FEATURE_WORDS = {
    IM: ["outbound webhook URL", "shared secret"],
    II: ["always on", "manual"],
    WI: ["iframe"],
}


@pytest.mark.parametrize(
    "key,expected",
    [(k, v) for k, v in TABLES[app_features].items() if v != "none"],
    ids=lambda v: "-".join(map(str, v)) if isinstance(v, tuple) else v,
)
def test_app_features_reasons_say_what_each_feature_needs(key, expected):
    text = " ".join(call(app_features, key).reasons).lower()
    for feature in expected.split("+"):
        for word in FEATURE_WORDS[feature]:
            assert word.lower() in text, (feature, word)


# facts.md, "Carrier IDs": every partner, by a part of its name that any naming of it contains.
PARTNER_NAMES = ("AT&T", "TELUS", "BT", "Avaya", "Unify", "Rainbow", "Vodafone", "Verizon")


@pytest.mark.parametrize("restrict", BOOL)
def test_public_partner_choice_uses_the_forms_words(restrict):
    """Issue 20, 6: the box under "Advanced settings"; RingCentral and its Rise partners always included;
    Verizon sells under the RingCentral brand, not its own."""
    decision = partner_reach(access="public", restrict_to_partners=restrict)
    text = " ".join(decision.reasons)
    assert "Advanced settings" in text
    assert "Make available only to specific service providers and brand partners" in text
    assert "Rise partners" in text and "always included" in text
    assert "Verizon, which sells under the RingCentral brand" in text
    for sentence in re.split(r"(?<=\.) ", text):
        if "own brand" in sentence or "white-label" in sentence:
            assert "Verizon" not in sentence, sentence
    cited = {"partners-advanced-settings", "partners-rise-included", "verizon-ringcentral-brand"}
    assert cited <= set(decision.sources)


@pytest.mark.parametrize("key", list(TABLES[app_access]), ids=lambda k: "-".join(map(str, k)))
def test_access_says_it_cannot_be_changed_later(key):
    decision = call(app_access, key)
    assert "cannot switch between private and public" in " ".join(decision.reasons)
    assert "access-permanent" in decision.sources


def test_interactive_messages_secret_is_generated_by_the_console():
    decision = app_features(app_type="bot", interactive_messages=True, install_via_web=False)
    text = " ".join(decision.reasons)
    assert "console generates the shared secret" in text and "copy it" in text
    assert "shared-secret-generated" in decision.sources


@pytest.mark.parametrize("partner", PARTNER_NAMES)
def test_selected_partners_names_every_partner(partner):
    text = " ".join(partner_reach(access="public", restrict_to_partners=True).reasons)
    assert re.search(rf"(?<!\w){re.escape(partner)}(?!\w)", text, re.IGNORECASE)


def test_all_partners_is_recommended():
    decision = partner_reach(access="public", restrict_to_partners=False)
    assert "recommend" in " ".join(decision.reasons).lower()


@pytest.mark.parametrize(
    "key,expected",
    list(TABLES[app_features].items()),
    ids=lambda v: "-".join(map(str, v)) if isinstance(v, tuple) else v,
)
def test_app_features_lists_features_and_joins_them_into_the_id(key, expected):
    decision = call(app_features, key)
    expected_features = () if expected == "none" else tuple(expected.split("+"))
    assert decision.features == expected_features
    assert list(decision.features) == sorted(decision.features)
    assert decision.id == ("+".join(decision.features) or "none")


# The one list of pages on other hosts that the site may link to (from facts.md).
FACTS_URLS = set(facts.EXTERNAL_URLS)


@pytest.mark.parametrize("fn,args", list(every_input()))
def test_every_decision_has_title_reasons_and_valid_links(fn, args):
    decision = fn(**args)
    assert isinstance(decision.id, str) and decision.id
    assert isinstance(decision.title, str) and decision.title.strip()
    assert isinstance(decision.reasons, tuple) and decision.reasons
    assert all(isinstance(r, str) and r.strip() for r in decision.reasons)
    assert decision.sources, "every outcome names its sources (issue 20)"
    assert len(set(decision.sources)) == len(decision.sources)
    assert set(decision.sources) <= set(SOURCES), set(decision.sources) - set(SOURCES)
    assert decision.links
    for link in decision.links:
        assert isinstance(link, tuple) and len(link) == 2
        text, url = link
        assert isinstance(text, str) and text.strip()
        if url.startswith("https://"):
            assert url in FACTS_URLS
        else:
            assert re.fullmatch(r"[a-z0-9-]+\.md(#[a-z0-9-]+)?", url), url
            page, _, anchor = url.partition("#")
            assert (DOCS / page).is_file(), url
            if anchor:
                assert anchor in heading_ids(DOCS / page), url


def heading_ids(page):
    """The ids of a page's headings: explicit ``{ #id }`` or the slug of the heading text."""
    ids = set()
    for line in page.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"#+ (.*?)\s*(\{ #([a-z0-9-]+) \})?$", line)
        if heading:
            ids.add(heading.group(3) or re.sub(r"[^a-z0-9]+", "-", heading.group(1).lower()).strip("-"))
    return ids


# --------------------------------------------------------------------------------------------------
# permissions: hand-written cases
# --------------------------------------------------------------------------------------------------

PERMISSION_CASES = {
    # capabilities: (id, permissions, left_out)
    (): ("none", (), ()),
    ("send-sms",): ("SMS", ("SMS",), ()),
    ("read-messages",): ("ReadMessages", ("ReadMessages",), ()),
    ("send-fax",): ("Faxes", ("Faxes",), ()),
    ("read-call-log",): ("ReadCallLog", ("ReadCallLog",), ()),
    ("download-recordings",): ("ReadCallRecording", ("ReadCallRecording",), ()),
    ("ringout-calls",): ("RingOut", ("RingOut",), ()),
    ("control-calls",): ("CallControl", ("CallControl",), ()),
    ("voip-calling",): ("VoipCalling", ("VoipCalling",), ()),
    ("webhooks",): ("SubscriptionWebhook", ("SubscriptionWebhook",), ()),
    ("team-messaging",): ("TeamMessaging", ("TeamMessaging",), ()),
    ("video-meetings",): ("Video", ("Video",), ()),
    ("read-account",): ("ReadAccounts", ("ReadAccounts",), ()),
    ("read-contacts",): ("ReadContacts", ("ReadContacts",), ()),
    ("manage-contacts",): ("Contacts", ("Contacts",), ()),
    ("read-presence",): ("ReadPresence", ("ReadPresence",), ()),
    ("change-presence",): ("EditPresence", ("EditPresence",), ()),
    # pairs where one includes the other
    ("send-sms", "read-messages"): ("SMS", ("SMS",), (("ReadMessages", ("SMS",)),)),
    ("send-fax", "read-messages"): ("Faxes", ("Faxes",), (("ReadMessages", ("Faxes",)),)),
    ("download-recordings", "read-call-log"): (
        "ReadCallRecording",
        ("ReadCallRecording",),
        (("ReadCallLog", ("ReadCallRecording",)),),
    ),
    ("manage-contacts", "read-contacts"): ("Contacts", ("Contacts",), (("ReadContacts", ("Contacts",)),)),
    ("change-presence", "read-presence"): ("EditPresence", ("EditPresence",), (("ReadPresence", ("EditPresence",)),)),
    # pairs where neither includes the other
    ("send-sms", "send-fax"): ("Faxes+SMS", ("Faxes", "SMS"), ()),
    ("webhooks", "send-sms"): ("SMS+SubscriptionWebhook", ("SMS", "SubscriptionWebhook"), ()),
    ("read-call-log", "control-calls"): ("CallControl+ReadCallLog", ("CallControl", "ReadCallLog"), ()),
    ("video-meetings", "voip-calling"): ("Video+VoipCalling", ("Video", "VoipCalling"), ()),
    ("read-account", "ringout-calls"): ("ReadAccounts+RingOut", ("ReadAccounts", "RingOut"), ()),
    # one permission included by two chosen ones
    ("send-sms", "send-fax", "read-messages"): ("Faxes+SMS", ("Faxes", "SMS"), (("ReadMessages", ("Faxes", "SMS")),)),
    # a big mixed set
    (
        "send-sms",
        "read-messages",
        "download-recordings",
        "read-call-log",
        "webhooks",
        "read-presence",
        "change-presence",
        "team-messaging",
        "read-account",
    ): (
        "EditPresence+ReadAccounts+ReadCallRecording+SMS+SubscriptionWebhook+TeamMessaging",
        ("EditPresence", "ReadAccounts", "ReadCallRecording", "SMS", "SubscriptionWebhook", "TeamMessaging"),
        (("ReadCallLog", ("ReadCallRecording",)), ("ReadMessages", ("SMS",)), ("ReadPresence", ("EditPresence",))),
    ),
    # everything
    CAPABILITIES: (
        "CallControl+Contacts+EditPresence+Faxes+ReadAccounts+ReadCallRecording+RingOut+SMS+"
        "SubscriptionWebhook+TeamMessaging+Video+VoipCalling",
        (
            "CallControl",
            "Contacts",
            "EditPresence",
            "Faxes",
            "ReadAccounts",
            "ReadCallRecording",
            "RingOut",
            "SMS",
            "SubscriptionWebhook",
            "TeamMessaging",
            "Video",
            "VoipCalling",
        ),
        (
            ("ReadCallLog", ("ReadCallRecording",)),
            ("ReadContacts", ("Contacts",)),
            ("ReadMessages", ("Faxes", "SMS")),
            ("ReadPresence", ("EditPresence",)),
        ),
    ),
}


def test_permission_cases_cover_every_single_capability():
    assert len(PERMISSION_CASES) >= 20
    assert {c[0] for c in PERMISSION_CASES if len(c) == 1} == set(CAPABILITIES)


@pytest.mark.parametrize(
    "capabilities,expected", list(PERMISSION_CASES.items()), ids=["+".join(c) or "empty" for c in PERMISSION_CASES]
)
def test_permissions_table(capabilities, expected):
    expected_id, expected_permissions, expected_left_out = expected
    decision = permissions(capabilities=capabilities)
    assert decision.id == expected_id
    assert decision.permissions == expected_permissions
    assert decision.left_out == expected_left_out


@pytest.mark.parametrize("capabilities", [c for c in PERMISSION_CASES if len(c) >= 2], ids=lambda c: "+".join(c))
@pytest.mark.parametrize(
    "shape", ["reversed", "duplicated", "generator", "tuple", "set", "list", "frozenset", "dict-keys"]
)
def test_permissions_ignores_order_duplicates_and_container(capabilities, shape):
    make = {
        "reversed": lambda c: list(reversed(c)),
        "duplicated": lambda c: list(c) + list(reversed(c)) + [c[0]],
        "generator": lambda c: (x for x in c),
        "tuple": tuple,
        "set": set,
        "list": list,
        "frozenset": frozenset,
        "dict-keys": lambda c: dict.fromkeys(c).keys(),
    }[shape]
    assert permissions(capabilities=make(capabilities)) == permissions(capabilities=capabilities)


# Independent model of the permissions rule, from facts.md, for the property tests.
NEEDS = {
    "send-sms": "SMS",
    "read-messages": "ReadMessages",
    "send-fax": "Faxes",
    "read-call-log": "ReadCallLog",
    "download-recordings": "ReadCallRecording",
    "ringout-calls": "RingOut",
    "control-calls": "CallControl",
    "voip-calling": "VoipCalling",
    "webhooks": "SubscriptionWebhook",
    "team-messaging": "TeamMessaging",
    "video-meetings": "Video",
    "read-account": "ReadAccounts",
    "read-contacts": "ReadContacts",
    "manage-contacts": "Contacts",
    "read-presence": "ReadPresence",
    "change-presence": "EditPresence",
}
INCLUDES = {  # facts.md "includes" column, for the permissions reachable from a capability
    "SMS": {"ReadMessages"},
    "Faxes": {"ReadMessages"},
    "ReadCallRecording": {"ReadCallLog"},
    "Contacts": {"ReadContacts"},
    "EditPresence": {"ReadPresence"},
}


def model_permissions(capabilities):
    wanted = {NEEDS[c] for c in capabilities}
    left_out = tuple((name, tuple(sorted(o for o in wanted if name in INCLUDES.get(o, ())))) for name in sorted(wanted))
    left_out = tuple((name, by) for name, by in left_out if by)
    kept = tuple(sorted(wanted - {name for name, _ in left_out}))
    return "+".join(kept) or "none", kept, left_out


def test_needs_model_matches_hand_table():
    assert set(NEEDS) == set(CAPABILITIES)


@pytest.mark.parametrize(
    "capabilities,expected", list(PERMISSION_CASES.items()), ids=["+".join(c) or "empty" for c in PERMISSION_CASES]
)
def test_permissions_model_agrees_with_hand_table(capabilities, expected):
    assert model_permissions(capabilities) == expected


# The capabilities whose permissions include, or are included by, another one's.
OVERLAPPING = (
    "send-sms",
    "read-messages",
    "send-fax",
    "read-call-log",
    "download-recordings",
    "read-contacts",
    "manage-contacts",
    "read-presence",
    "change-presence",
)
INDEPENDENT = tuple(c for c in CAPABILITIES if c not in OVERLAPPING)


def test_permissions_every_overlapping_subset_matches_the_model():
    """Every set of the overlapping capabilities (2^9), each with a varying set of the others."""
    for mask in range(1 << len(OVERLAPPING)):
        chosen = [c for i, c in enumerate(OVERLAPPING) if mask >> i & 1]
        chosen += [c for i, c in enumerate(INDEPENDENT) if (mask * 37) >> i & 1]
        decision = permissions(capabilities=chosen)
        assert (decision.id, decision.permissions, decision.left_out) == model_permissions(chosen), chosen


# --------------------------------------------------------------------------------------------------
# Bad inputs
# --------------------------------------------------------------------------------------------------


def valid_args(fn):
    return {name: values[0] for name, values in ARGS[fn].items()}


def bad_values(valid):
    """Invalid values for an argument whose valid values are ``valid``."""
    if valid == BOOL:
        return ["yes", "no", "True", "true", 1, 0, None, 1.0, [True]]
    return [
        "unknown",
        "",
        valid[0].upper(),
        valid[0].title(),
        " " + valid[0],
        1,
        0,
        None,
        True,
        False,
        [valid[0]],
        (valid[0],),
    ]


def assert_message(excinfo, name, value, valid):
    message = str(excinfo.value)
    assert name in message
    assert repr(value) in message
    for v in valid:
        assert (str(v) if isinstance(v, bool) else v) in message, f"{v!r} missing from {message!r}"


BAD_CASES = [
    pytest.param(fn, name, bad, id=f"{fn.__name__}-{name}-{bad!r}")
    for fn in FUNCTIONS
    for name, valid in ARGS[fn].items()
    for bad in bad_values(valid)
]


@pytest.mark.parametrize("fn,name,bad", BAD_CASES)
def test_bad_value_raises_value_error_naming_everything(fn, name, bad):
    with pytest.raises(ValueError) as excinfo:
        fn(**{**valid_args(fn), name: bad})
    assert_message(excinfo, name, bad, ARGS[fn][name])


@pytest.mark.parametrize("fn,name,bad", BAD_CASES)
def test_bad_value_raises_whatever_the_other_answers(fn, name, bad):
    """Validation does not depend on the branch taken (e.g. restrict_to_partners for a private app)."""
    others = {n: v for n, v in ARGS[fn].items() if n != name}
    for combo in itertools.product(*others.values()):
        with pytest.raises(ValueError):
            fn(**dict(zip(others, combo, strict=False)), **{name: bad})


BAD_CAPABILITIES = [
    "send-sms",  # a str, not an iterable of ids
    b"send-sms",
    "",
    None,
    1,
    True,
    ["send-sms", "fly"],  # an unknown id inside
    ["SEND-SMS"],  # wrong case inside
    ("send-sms", 3),  # an int inside
    {"read-messages", None},
    [["send-sms"]],
]


def stable_id(value: object) -> str:
    """``repr``, with a set's items sorted: a set's order differs between processes (xdist workers)."""
    return "{" + ", ".join(sorted(map(repr, value))) + "}" if isinstance(value, set) else repr(value)


@pytest.mark.parametrize("bad", BAD_CAPABILITIES, ids=stable_id)
def test_bad_capabilities(bad):
    with pytest.raises(ValueError) as excinfo:
        permissions(capabilities=bad)
    message = str(excinfo.value)
    assert "capabilities" in message
    # the value given: the whole argument when it is not an iterable of ids, else the bad item in it
    if isinstance(bad, (str, bytes)) or not hasattr(bad, "__iter__"):
        assert repr(bad) in message
    else:
        offending = [x for x in bad if x not in CAPABILITIES]
        assert any(repr(x) in message for x in offending), message
    for capability in CAPABILITIES:
        assert capability in message


ALL_FUNCTIONS = FUNCTIONS + [permissions]


def full_args(fn):
    return {"capabilities": ()} if fn is permissions else valid_args(fn)


@pytest.mark.parametrize("fn", ALL_FUNCTIONS, ids=lambda fn: fn.__name__)
def test_missing_argument_raises_type_error(fn):
    args = full_args(fn)
    for name in args:
        with pytest.raises(TypeError):
            fn(**{n: v for n, v in args.items() if n != name})
    with pytest.raises(TypeError):
        fn()


@pytest.mark.parametrize("fn", ALL_FUNCTIONS, ids=lambda fn: fn.__name__)
def test_unexpected_keyword_raises_type_error(fn):
    with pytest.raises(TypeError):
        fn(**full_args(fn), surprise=True)


@pytest.mark.parametrize("fn", ALL_FUNCTIONS, ids=lambda fn: fn.__name__)
def test_positional_arguments_raise_type_error(fn):
    with pytest.raises(TypeError):
        fn(*full_args(fn).values())


# --------------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------------


def valid_strategy(valid):
    return st.sampled_from(valid)


def invalid_strategy(valid):
    if valid == BOOL:
        return st.one_of(
            st.text(),
            st.integers(),
            st.none(),
            st.floats(allow_nan=False),
            st.sampled_from(["yes", "no", "True", "False", "YES"]),
        )
    return st.one_of(
        st.text().filter(lambda s: s not in valid),
        st.integers(),
        st.none(),
        st.booleans(),
        st.sampled_from(valid).map(str.upper),  # wrong case
        st.sampled_from(valid).map(str.title),
        st.sampled_from(valid).map(lambda v: v + " "),
    )


@st.composite
def valid_call(draw, fn):
    return {name: draw(valid_strategy(valid)) for name, valid in ARGS[fn].items()}


@st.composite
def invalid_call(draw, fn):
    names = list(ARGS[fn])
    bad_name = draw(st.sampled_from(names))
    args = {}
    for name, valid in ARGS[fn].items():
        if name == bad_name:
            args[name] = draw(invalid_strategy(valid))
        else:
            args[name] = draw(st.one_of(valid_strategy(valid), invalid_strategy(valid)))
    return args


@pytest.mark.parametrize("fn", FUNCTIONS, ids=lambda fn: fn.__name__)
@settings(deadline=None)
@given(data=st.data())
def test_property_valid_input_gives_a_valid_outcome_and_is_pure(fn, data):
    args = data.draw(valid_call(fn))
    first = fn(**args)
    assert first.id == TABLES[fn][tuple(args.values())]
    assert fn(**args) == first


@pytest.mark.parametrize("fn", FUNCTIONS, ids=lambda fn: fn.__name__)
@settings(deadline=None)
@given(data=st.data())
def test_property_any_invalid_value_raises_value_error(fn, data):
    args = data.draw(invalid_call(fn))
    with pytest.raises(ValueError):
        fn(**args)


capability_lists = st.lists(st.sampled_from(CAPABILITIES), max_size=40)


@settings(deadline=None)
@given(capability_lists)
def test_property_permissions_valid_input(chosen):
    first = permissions(capabilities=chosen)
    assert (first.id, first.permissions, first.left_out) == model_permissions(chosen)
    assert first.id == ("+".join(first.permissions) or "none")
    assert permissions(capabilities=chosen) == first
    # order, duplicates and the container do not matter
    assert permissions(capabilities=iter(reversed(chosen))) == first
    assert permissions(capabilities=set(chosen)) == first
    assert permissions(capabilities=tuple(chosen + chosen)) == first


bad_items = st.one_of(
    st.text().filter(lambda s: s not in CAPABILITIES),
    st.integers(),
    st.none(),
    st.booleans(),
    st.sampled_from(CAPABILITIES).map(str.upper),
)


@settings(deadline=None)
@given(
    st.one_of(
        st.text(),
        st.integers(),
        st.none(),
        st.booleans(),
        st.builds(lambda good, bad, i: good[:i] + [bad] + good[i:], capability_lists, bad_items, st.integers(0, 40)),
    )
)
def test_property_permissions_invalid_input_raises(bad):
    with pytest.raises(ValueError):
        permissions(capabilities=bad)


# --------------------------------------------------------------------------------------------------
# GUIDES
# --------------------------------------------------------------------------------------------------

# The contract's nine functions (shared/design/guides.md); the registry may hold more guides.
CONTRACT = {app_type, auth_method, pkce, refresh_tokens, app_access, partner_reach, app_features, permissions}


def test_the_contracts_functions_are_registered_under_their_names():
    assert {fn.__name__ for fn in CONTRACT} | {"plan_app"} <= set(GUIDES)
    for name, guide in GUIDES.items():
        assert guide.name == name == guide.function.__name__


@pytest.mark.parametrize("name", [*SINGLE_ANSWER, "permissions"])
def test_guide_questions_match_keyword_only_parameters(name):
    guide = GUIDES[name]
    parameters = inspect.signature(guide.function).parameters.values()
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in parameters)
    assert [q.name for q in guide.questions] == [p.name for p in parameters]


@pytest.mark.parametrize("name", [*SINGLE_ANSWER, "permissions"])
def test_guide_questions_are_well_formed(name):
    for question in GUIDES[name].questions:
        if question.kind == "bool":
            assert question.ids == ("yes", "no")
            assert question.values() == BOOL
        elif question.kind == "multi":
            assert name == "permissions" and question.ids == CAPABILITIES
        else:
            assert question.kind == "choice"
            assert question.values() == question.ids and len(set(question.ids)) == len(question.ids)
            assert all(option_id == option_id.lower() for option_id in question.ids)
        assert all(option.label.strip() for option in question.options)
        assert question.prompt.strip()


# --------------------------------------------------------------------------------------------------
# permissions: the restricted ones (facts.md, "Today's Create App form": CallControl needs approval)
# --------------------------------------------------------------------------------------------------

NEEDS_APPROVAL = {"CallControl"}


@settings(deadline=None)
@given(capability_lists)
def test_property_requires_approval_is_the_restricted_part_of_the_cover(chosen):
    decision = permissions(capabilities=chosen)
    expected = tuple(sorted(NEEDS_APPROVAL & set(model_permissions(chosen)[1])))
    assert decision.requires_approval == expected
    assert len(decision.notes) == len(expected)
    for name, note in zip(expected, decision.notes, strict=False):
        assert note.startswith(f"{name} needs approval")
        for words in ("justify", "review request", "developer support", "approve or reject"):
            assert words in note, words


@pytest.mark.parametrize(
    "capabilities,expected",
    [
        (("control-calls",), ("CallControl",)),
        (("control-calls", "read-call-log", "send-sms"), ("CallControl",)),
        (("read-call-log", "send-sms"), ()),
        ((), ()),
    ],
)
def test_requires_approval_by_hand(capabilities, expected):
    assert permissions(capabilities=capabilities).requires_approval == expected
