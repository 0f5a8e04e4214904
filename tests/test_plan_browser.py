"""The planner (plan_app on plan/) in Chromium, checked against ``macros.decisions.plan_app``.

Every single option and pairwise coverage of the choice and yes/no questions (one page load each),
and a seeded sample of 500 valid plans (the URL changed in place, as back and forward do, since a
load takes ~0.3-0.5 s here): the page's outcome, checklist, questions shown, Markdown copy and
console link equal Python's, character for character. Bad plans are refused with Python's
messages; a reader's plan by clicking and typing; the add-in without a link; axe-core in both
colour schemes; the page without JavaScript.
"""

from __future__ import annotations

import itertools
import random
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import pytest

from browser_tools import axe_violations, color_scheme_of, recorded_page, set_color_scheme
from guide_tools import open_guides, pages_of, query, start_in_page_visits, tree_walk, visit_many
from macros.decisions import GUIDES, app_access, auth_method, partner_reach, plan_app
from macros.decisions.app_type import app_type
from macros.decisions.plan import MESSAGES, PARTNERS, PARTS, STEPS
from macros.render_plan import ALWAYS
from macros.tree import build_tree
from test_plan import PUBLIC_IOS

QUESTIONS = {q.name: q for q in GUIDES["plan_app"].questions}
CHOICES = [q for q in GUIDES["plan_app"].questions if q.kind != "multi"]  # choice and yes/no questions
CAPABILITY_IDS = QUESTIONS["capabilities"].ids
STEP_TITLES = [title for _, title, _ in STEPS]

# Free text with what a URL must carry safely: spaces, unicode, &, =, +, %, #, quotes, markup.
WORDS = [
    "Café ☕ (qa)",
    "SMS & fax",
    "a=b",
    "1+1",
    "100%",
    "#1",
    "staging",
    "QA team",
    "Ünïcode ✓",
    "日本語",
    "🚀 rocket",
    "semi;colon",
    "slash/back\\slash",
    "quote \"'",
    "<b>not html</b>",
    "a%20b",
    "?x=y&z",
]
URIS = [
    "https://example.com/cb?x=1&y=2",
    "com.example.app:/oauth",
    "http://localhost:8080/callback",
    "https://example.com/p%20q?r=s+t",
    "myapp://callback#done",
    "https://example.com/~user/(x)",
]


PART_TREES = [build_tree(part.questions, part.function) for part in PARTS]


def relevant(answers: dict[str, Any]) -> set[str]:
    """The questions that matter for these answers: those the plan's parts ask on their paths (as the
    build's trees, from the Python functions, say), their free-form questions, and the ones always asked."""
    shown = set(ALWAYS)
    for part, tree in zip(PARTS, PART_TREES, strict=False):
        given = {q.name: q.answer_id(answers[q.name]) for q in part.questions if answers.get(q.name) is not None}
        asked, leaf = tree_walk(tree, given)
        shown.update(asked)
        if leaf is not None:
            shown.update(tree.leaves[leaf].asks)
    return shown


def contract_problems(answers: dict[str, Any], shown: set[str]) -> list[str]:
    """The rules of shared/design/guides.md on which questions a plan asks, from the sub-decisions."""
    kind = app_type(purpose=answers["purpose"]).id
    flow = auth_method(users_sign_in=answers["users_sign_in"], has_user_interface=answers["has_user_interface"]).id
    access = app_access(
        federated_accounts=answers["federated_accounts"],
        own_company_data_only=answers["own_company_data_only"],
        communication_platform=answers["communication_platform"],
        for_ringcentral_customers=answers["for_ringcentral_customers"],
    ).id
    reach = partner_reach(access=access, restrict_to_partners=answers["restrict_to_partners"]).id
    rules = {
        # a bot runs on a server and is asked nothing of auth; a JWT app's type follows from its UI
        "platform": kind != "bot" and flow == "three-legged-oauth" and answers["has_user_interface"],
        "users_sign_in": kind != "bot",
        "has_user_interface": kind != "bot",
        "stay_signed_in": kind != "bot" and flow == "three-legged-oauth",  # a JWT app presents its JWT again
        "install_via_web": kind == "add-in",
        "redirect_uris": kind == "bot" or flow == "three-legged-oauth",
        # the first "yes" decides
        "own_company_data_only": not answers["federated_accounts"],
        "communication_platform": not answers["federated_accounts"] and not answers["own_company_data_only"],
        "for_ringcentral_customers": not answers["federated_accounts"]
        and not answers["own_company_data_only"]
        and not answers["communication_platform"],
        "restrict_to_partners": access == "public",  # no partner questions for a private app
        "partners": reach == "selected-partners",
    }
    rules.update(
        {
            name: True
            for name in (
                "purpose",
                "name",
                "description",
                "capabilities",
                "federated_accounts",
                "interactive_messages",
            )
        }
    )
    return [
        f"{name} {'hidden' if must else 'shown'}, the contract says {'shown' if must else 'hidden'}"
        for name, must in rules.items()
        if (name in shown) != must
    ]


def text(rng: random.Random, low: int, high: int) -> str:
    """Random words, ``low`` to ``high`` code points, never blank."""
    target = rng.randint(low, high)
    out = ""
    while len(out) < target:
        out += (" " if out else "") + rng.choice(WORDS)
    out = out[:target]
    return out if out.strip() else "x" * max(low, 1)


def random_plan(rng: random.Random, fixed: dict[str, Any] | None = None) -> dict[str, Any]:
    """A valid plan: every argument of plan_app, ``fixed`` ones as given, partners and URIs only where asked."""
    answers: dict[str, Any] = {q.name: rng.choice(q.values()) for q in CHOICES}
    answers.update(fixed or {})
    answers["capabilities"] = rng.sample(CAPABILITY_IDS, rng.choice([0, 1, 2, 3, rng.randint(0, len(CAPABILITY_IDS))]))
    answers["name"] = text(rng, 1, 64)
    answers["description"] = text(rng, 20, 256)
    shown = relevant(answers)
    answers["partners"] = rng.sample(PARTNERS.ids, rng.randint(1, 3)) if "partners" in shown else []
    answers["redirect_uris"] = rng.sample(URIS, rng.randint(0, 3)) if "redirect_uris" in shown else []
    if not answers["has_user_interface"]:  # no platform but "no-ui" goes with no user interface
        answers["platform"] = rng.choice([None, "no-ui"])
    elif "platform" not in shown and rng.random() < 0.5:
        answers["platform"] = None
    return answers


def plan_pairs(answers: dict[str, Any], rng: random.Random | None = None) -> list[tuple[str, str]]:
    """The URL of a plan: the answers that matter; with ``rng``, sometimes also answers that do not."""
    shown = relevant(answers)
    pairs: list[tuple[str, str]] = []
    for name, question in QUESTIONS.items():
        value = answers.get(name)
        if value is None:
            continue
        if name not in shown:
            if rng is None or rng.random() < 0.7:
                continue
            if question.kind == "multi" and not value:
                value = [question.ids[0]]  # a hidden question's answer, which the page must ignore
        if question.kind == "multi":
            pairs += [(name, v) for v in value]
        else:
            pairs.append((name, question.answer_id(value)))
    pairs.append(("name", answers["name"]))
    if answers.get("description") or (rng is not None and rng.random() < 0.5):
        pairs.append(("description", answers.get("description", "")))
    pairs += [("redirect_uris", uri) for uri in answers.get("redirect_uris", [])]
    if rng is not None:  # any order of the parameters, but the URIs in the plan's order
        rng.shuffle(pairs)
        uris = iter(answers.get("redirect_uris", []))
        pairs = [(k, next(uris)) if k == "redirect_uris" else (k, v) for k, v in pairs]
    return pairs


def single_options(rng: random.Random) -> list[dict[str, Any]]:
    """For each question and each of its options, a valid plan where the question matters with that option."""
    plans = []
    for name, question in QUESTIONS.items():
        for option in question.options:
            for _ in range(10_000):
                answers = random_plan(rng)
                if question.kind == "multi":
                    if name == "capabilities":
                        answers["capabilities"] = sorted(set(answers["capabilities"]) | {option.id})
                    ok = name in relevant(answers) and option.id in answers[name]
                else:
                    ok = name in relevant(answers) and question.answer_id(answers[name]) == option.id
                if ok:
                    plans.append(answers)
                    break
            else:
                raise AssertionError(f"no valid plan found where {name}={option.id} matters")
    return plans


def pairwise(rng: random.Random) -> tuple[list[dict[str, Any]], int]:
    """Greedy pairwise coverage of the choice and yes/no questions, counting only questions that matter.

    Returns the plans and the number of option pairs they cover (every pair that some plan can have).
    """
    combos: dict[tuple, dict[str, Any]] = {}
    for values in itertools.product(*(q.values() for q in CHOICES)):
        answers = dict(zip((q.name for q in CHOICES), values, strict=False))
        shown = relevant(answers)
        combos.setdefault(tuple((k, v) for k, v in answers.items() if k in shown), answers)
    keys = list(combos)

    def pairs_of(key: tuple) -> set:
        return set(itertools.combinations(key, 2))

    universe = set().union(*map(pairs_of, keys))
    uncovered, chosen = set(universe), []
    while uncovered:
        best = max(rng.sample(keys, min(300, len(keys))), key=lambda k: len(pairs_of(k) & uncovered))
        if not pairs_of(best) & uncovered:
            pair = rng.choice(sorted(uncovered))
            best = next(k for k in keys if set(pair) <= set(k))
        chosen.append(best)
        uncovered -= pairs_of(best)
    return [random_plan(rng, combos[key]) for key in chosen], len(universe)


def python_plan(answers: dict[str, Any]):
    return plan_app(**answers)


READ_PLAN = """() => {
    const root = document.querySelector('.decision-guide[data-guide="plan_app"]');
    const form = root.querySelector('.decision-guide__form');
    const result = root.querySelector('.decision-guide__result');
    const link = root.querySelector('.decision-guide__console');
    const box = root.querySelector('.decision-guide__plan');
    const why = (li) => li.querySelector('.decision-guide__why');
    return {
        search: location.search,
        outcome: result.dataset.outcome,
        errors: [...result.querySelectorAll('.decision-guide__errors li')].map((li) => li.textContent),
        href: link.getAttribute('href'),
        linkHidden: link.hidden,
        linkShown: link.checkVisibility(),
        blocked: root.querySelector('.decision-guide__blocked').textContent,
        blockedShown: root.querySelector('.decision-guide__blocked').checkVisibility(),
        planShown: box.checkVisibility(),
        visible: [...form.querySelectorAll('[data-name]')]
            .filter((f) => !f.hidden && f.checkVisibility()).map((f) => f.dataset.name),
        headings: [...box.querySelectorAll('h3')].map((h) => h.textContent),
        sections: [...box.querySelectorAll('[data-section]')].map((ul) => [
          ul.dataset.section, [...ul.children].map((li) => [
            li.querySelector('.decision-guide__label').textContent,
            li.querySelector('.decision-guide__value').textContent,
            why(li) ? why(li).textContent : ''])]),
        markdown: root.querySelector('.decision-guide__copy').dataset.clipboardText || '',
        sources: [...box.querySelectorAll('.decision-guide__plan-sources [data-source]')]
            .filter((li) => li.checkVisibility()).map((li) => li.dataset.source),
        editable: root.querySelector('.decision-guide__editable').getAttribute('href'),
        readOnlyShown: root.querySelector('.decision-guide__read-only').checkVisibility(),
    };
}"""


def plan_problems(answers: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """How the page differs from plan_app(**answers); empty when it shows the same plan."""
    plan = python_plan(answers)
    where = f"plan/{got['search'][:300]}"
    found = []
    if got["outcome"] != plan.id:
        found.append(f"{where}: data-outcome {got['outcome']!r}, Python {plan.id!r}; errors shown: {got['errors']}")
        return found
    if got["errors"] or not got["planShown"]:
        found.append(f"{where}: errors {got['errors']}, plan shown: {got['planShown']}")
    if plan.console_url is None:
        if got["linkShown"] or got["blocked"] != plan.console_url_reason or not got["blockedShown"]:
            found.append(
                f"{where}: link shown: {got['linkShown']} (hidden: {got['linkHidden']}), reason {got['blocked']!r} "
                f"(shown: {got['blockedShown']}); Python: no link because {plan.console_url_reason!r}"
            )
    elif got["href"] != plan.console_url or not got["linkShown"] or got["blocked"]:
        found.append(
            f"{where}: console link {got['href']!r} (shown: {got['linkShown']}),\n    Python {plan.console_url!r}"
        )
    elif got["editable"] != plan.editable_console_url or not got["readOnlyShown"]:
        found.append(f"{where}: editable link {got['editable']!r}, Python {plan.editable_console_url!r}")
    if got["sources"] != list(plan.sources):
        found.append(f"{where}: sources {got['sources']}, Python {list(plan.sources)}")
    expected_sections = [
        [step, [[line.label, line.value, line.why] for line in lines]] for step, lines in plan.sections
    ]
    if got["sections"] != expected_sections:
        diff = [(p, e) for p, e in zip(got["sections"], expected_sections, strict=False) if p != e]
        found.append(f"{where}: checklist differs from Python's: {diff[:2]}")
    if sorted(got["visible"]) != sorted(relevant(answers)):
        found.append(f"{where}: questions shown {sorted(got['visible'])}, the parts ask {sorted(relevant(answers))}")
    found += [f"{where}: {p}" for p in contract_problems(answers, set(got["visible"]))]
    lines = got["markdown"].split("\n")
    if lines[0] != f"# App plan: {answers['name']}" or [line[3:] for line in lines if line.startswith("## ")] != [
        *STEP_TITLES,
        "Sources",
    ]:
        found.append(f"{where}: Markdown copy {got['markdown'][:200]!r}")
    elif plan.console_url and markdown_link(plan.console_url) not in lines:
        found.append(f"{where}: the Markdown copy has no console link: {lines[-8:]!r}")
    elif not plan.console_url and "Developer Console](" in got["markdown"]:
        found.append(f"{where}: the Markdown copy links to the console, Python has no link")
    return found


def markdown_link(console_url: str) -> str:
    """The last line of the Markdown copy: the console link in angle brackets, so that any
    parentheses in it (encodeURIComponent keeps them) cannot end the link early."""
    return f"[Open in the Developer Console](<{console_url}>)"


def check_plans(
    rec, url: str, plans: Iterable[dict[str, Any]], rng: random.Random | None, load: bool
) -> tuple[int, list[str]]:
    """Open ``url`` with each plan's answers (a full load, or in place) and compare with Python."""
    plans = list(plans)
    searches = [query(plan_pairs(answers, rng)) for answers in plans]
    problems: list[str] = []
    if load:
        for answers, search in zip(plans, searches, strict=False):
            open_guides(rec, url + search)
            problems += plan_problems(answers, rec.page.evaluate(READ_PLAN))
    else:
        open_guides(rec, url)
        start_in_page_visits(rec.page)
        for answers, got in zip(plans, visit_many(rec.page, searches, READ_PLAN), strict=False):
            problems += plan_problems(answers, got)
    problems += rec.problems()
    rec.clear()
    return len(plans), problems


@pytest.fixture(scope="module")
def plan_url(site_dir: Path) -> str:
    pages = pages_of(site_dir).get("plan_app", [])
    assert pages, "no page holds the planner"
    return pages[0]


# 1. Every single option, pairwise coverage, a sample of 500 -------------------------------------


def test_every_single_option(browser, base_url: str, plan_url: str) -> None:
    """One full load per plan: each option of each question, where that question matters."""
    singles = single_options(random.Random(4321))
    started = time.perf_counter()
    with recorded_page(browser, base_url) as rec:
        count, problems = check_plans(rec, plan_url, singles, None, load=True)
    elapsed = time.perf_counter() - started
    print(f"\nplan_app: {count} single-option plans in {count} loads, {elapsed:.1f} s ({elapsed / count:.2f} s a load)")
    assert count == sum(len(q.options) for q in QUESTIONS.values())
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:30])


def test_pairwise_and_random_sample(browser, base_url: str, plan_url: str) -> None:
    """Pairwise plans, then 500 seeded random plans, each URL put in place of the last; then both
    sets again with the parameters shuffled and answers that do not matter added (to be ignored)."""
    pairs, covered = pairwise(random.Random(4321))
    rng = random.Random(2024)
    sample = [random_plan(rng) for _ in range(500)]
    started = time.perf_counter()
    with recorded_page(browser, base_url) as rec:
        count, problems = check_plans(rec, plan_url, pairs + sample, None, load=False)
        more_count, more = check_plans(rec, plan_url, pairs + sample, rng, load=False)
    print(
        f"\nplan_app: {len(pairs)} pairwise plans (covering all {covered} option pairs that can occur) and "
        f"{len(sample)} random plans, twice, in place: {count + more_count} checks in "
        f"{time.perf_counter() - started:.1f} s"
    )
    assert len(sample) >= 500 and pairs and covered
    problems += more
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:30])


# 2. Bad plans: refused in the page as in Python ---------------------------------------------------

# A public iOS app for two partners' customers, with a redirect URI: every free-form answer is asked.
BASE = {**PUBLIC_IOS, "description": "Texts & faxes, 100% + more", "capabilities": ["send-sms", "read-messages"]}
BAD = {
    "name of 65 characters": {"name": "x" * 65},
    "name of 65 code points, 66 UTF-16 units": {"name": "é" * 64 + "🚀"},
    "blank name": {"name": "   "},
    "empty name": {"name": ""},
    "description of 257 characters": {"description": "d" * 257},
    "description of 12 characters": {"description": "Short words!"},
    "description of 19 code points, 20 UTF-16 units": {"description": "é" * 18 + "🚀"},
    "blank description": {"description": "   "},
    "redirect URI with a wildcard": {"redirect_uris": ["https://*.example.com/cb"]},
    "relative redirect URI": {"redirect_uris": ["/oauth/cb"]},
    "11 redirect URIs": {"redirect_uris": [f"https://example.com/{i}" for i in range(11)]},
}


def python_error(answers: dict[str, Any]) -> str:
    with pytest.raises(ValueError) as caught:
        plan_app(**answers)
    return str(caught.value)


def test_bad_plans_are_refused_with_pythons_message(browser, base_url: str, plan_url: str) -> None:
    problems = []
    with recorded_page(browser, base_url) as rec:
        for case, change in BAD.items():
            answers = {**BASE, **change}
            message = python_error(answers)
            open_guides(rec, plan_url + query(plan_pairs(answers)))
            got = rec.page.evaluate(READ_PLAN)
            if (got["outcome"], got["errors"], got["planShown"], got["linkShown"]) != ("", [message], False, False):
                problems.append(
                    f"{case}: the page shows outcome {got['outcome']!r}, errors {got['errors']}, plan shown: "
                    f"{got['planShown']}, link shown: {got['linkShown']}; Python says {message!r}"
                )

        # An unknown partner is not a known option: the page ignores it, Python refuses it.
        for partners in (["acme"], ["bt", "acme"]):
            answers = {**BASE, "partners": partners}
            assert python_error(answers).startswith("partners: got 'acme'; valid values: "), python_error(answers)
            known = [p for p in partners if p in PARTNERS.ids]
            open_guides(rec, plan_url + query(plan_pairs(answers)))
            got = rec.page.evaluate(READ_PLAN)
            if known:
                problems += [f"partners {partners}: {p}" for p in plan_problems({**BASE, "partners": known}, got)]
            else:
                message = MESSAGES["none"].format(field="partners")
                assert python_error({**BASE, "partners": []}).startswith(message + ";")
                if (got["outcome"], got["errors"]) != ("", [message]):
                    problems.append(
                        f"partners {partners}: outcome {got['outcome']!r}, errors {got['errors']}, "
                        f"expected {message!r} as Python says for no known partner"
                    )

        # At the limits, still valid: 64 code points (128 UTF-16 units), 256, 10 URIs.
        edge = {
            **BASE,
            "name": "🚀" * 64,
            "description": "é" * 256,
            "redirect_uris": [f"https://example.com/{i}" for i in range(10)],
        }
        open_guides(rec, plan_url + query(plan_pairs(edge)))
        problems += [f"at the limits: {p}" for p in plan_problems(edge, rec.page.evaluate(READ_PLAN))]
        problems += rec.problems()
    assert not problems, "\n".join(problems)


# 3. A reader's plan, by clicking and typing ------------------------------------------------------


def test_a_reader_plans_an_sms_sender(browser, base_url: str, plan_url: str) -> None:
    """ "I want to send SMS from our server": click and type; hidden questions are the contract's."""
    with recorded_page(browser, base_url) as rec:
        page = rec.page
        started = time.perf_counter()
        open_guides(rec, plan_url)
        loaded = time.perf_counter()
        root = page.locator('.decision-guide[data-guide="plan_app"]')
        link = root.locator(".decision-guide__console")
        answers: dict[str, Any] = {}

        def pick(question: str, value: str) -> None:
            root.locator(f'input[data-question="{question}"][value="{value}"]').click()
            if QUESTIONS[question].kind == "multi":
                answers.setdefault(question, []).append(value)
            else:
                answers[question] = value == "yes" if QUESTIONS[question].kind == "bool" else value

        def shown() -> set[str]:
            return set(page.evaluate(READ_PLAN)["visible"])

        features = root.locator('[data-step="features"]')
        waiting = features.locator(".decision-guide__waiting")
        assert waiting.is_visible() and "What will your app do?" in waiting.inner_text(), "an empty step says nothing"
        # Set up authentication waits for the purpose too: a bot is asked nothing there.
        auth_waiting = root.locator('[data-step="auth"] .decision-guide__waiting')
        assert auth_waiting.is_visible() and "What will your app do?" in auth_waiting.inner_text()
        shown_notes = [note for note in root.locator(".decision-guide__waiting").all() if note.is_visible()]
        assert len(shown_notes) == 2, [note.inner_text() for note in shown_notes]
        pick("purpose", "call-apis")
        assert not waiting.is_visible() and features.locator('[data-name="interactive_messages"]').is_visible()
        assert not auth_waiting.is_visible() and root.locator('[data-name="users_sign_in"]').is_visible()
        root.locator('[data-text="name"]').press_sequentially("SMS notifier (staging)")
        answers["name"] = "SMS notifier (staging)"
        root.locator('[data-text="description"]').press_sequentially("Texts our customers when orders ship")
        answers["description"] = "Texts our customers when orders ship"
        pick("users_sign_in", "no")
        pick("has_user_interface", "no")
        assert "platform" not in shown(), "a platform question for an app without a user interface"
        assert "stay_signed_in" not in shown(), "a refresh question for a JWT app"
        pick("capabilities", "send-sms")
        assert "own_company_data_only" not in shown(), "today's first access question comes first"
        pick("federated_accounts", "no")
        pick("own_company_data_only", "yes")
        private = {"communication_platform", "for_ringcentral_customers", "restrict_to_partners", "partners"}
        assert not shown() & private, f"partner or access questions for a private app: {shown() & private}"
        pick("interactive_messages", "no")
        assert not shown() & {"install_via_web", "redirect_uris"}, "add-in or OAuth questions for a server script"
        link.wait_for(state="visible")
        done = time.perf_counter()
        full = {
            **answers,
            "communication_platform": False,
            "for_ringcentral_customers": False,
            "restrict_to_partners": False,
            "install_via_web": False,
        }
        plan = plan_app(**full)
        got = page.evaluate(READ_PLAN)
        assert got["outcome"] == plan.id and got["href"] == plan.console_url, (got["outcome"], got["href"], plan)
        assert shown() == relevant(full)
        assert sorted(parse_qsl(got["search"].lstrip("?"))) == sorted(plan_pairs(full)), got["search"]
        print(
            f"\nplanner: page loaded in {loaded - started:.2f} s, console link after "
            f"{done - started:.2f} s of clicking and typing"
        )

        # Now a public app whose users sign in from its interface, for selected partners: the questions
        # appear as they matter.
        pick("has_user_interface", "yes")
        assert not shown() & {"platform", "redirect_uris", "stay_signed_in"}, "a JWT dashboard: no sign-in questions"
        pick("users_sign_in", "yes")
        assert {"platform", "redirect_uris", "stay_signed_in"} <= shown()
        pick("platform", "server-web")
        pick("stay_signed_in", "no")
        root.locator('[data-text="redirect_uris"]').press_sequentially(
            "https://example.com/cb?x=1&y=2\ncom.example.app:/oauth"
        )
        pick("own_company_data_only", "no")
        assert "communication_platform" in shown() and "for_ringcentral_customers" not in shown()
        pick("communication_platform", "no")
        assert "for_ringcentral_customers" in shown() and "restrict_to_partners" not in shown()
        pick("for_ringcentral_customers", "yes")
        assert "restrict_to_partners" in shown() and "partners" not in shown()
        pick("restrict_to_partners", "yes")
        assert "partners" in shown()
        pick("partners", "telus")
        pick("partners", "bt")
        full = {**full, **answers, "redirect_uris": ["https://example.com/cb?x=1&y=2", "com.example.app:/oauth"]}
        assert not plan_problems(full, page.evaluate(READ_PLAN)), plan_problems(full, page.evaluate(READ_PLAN))

        # An add-in: the install question appears, the link goes, its reason shows.
        pick("purpose", "extend-desktop-app")
        assert "install_via_web" in shown()
        pick("install_via_web", "yes")
        full = {**full, **answers}
        assert not plan_problems(full, page.evaluate(READ_PLAN)), plan_problems(full, page.evaluate(READ_PLAN))
        # A bot: no auth question at all, whatever the user interface; its redirect URI stays.
        pick("purpose", "chat-bot")
        auth = {"platform", "users_sign_in", "has_user_interface", "stay_signed_in"}
        assert not shown() & (auth | {"install_via_web"}) and "redirect_uris" in shown()
        full = {**full, **answers}
        assert not plan_problems(full, page.evaluate(READ_PLAN)), plan_problems(full, page.evaluate(READ_PLAN))
        assert not rec.problems(), "\n".join(rec.problems())


def test_a_typed_multi_line_description_is_kept_whole(browser, base_url: str, plan_url: str) -> None:
    answers = {**BASE, "description": "Texts our customers.\nRuns every night."}
    start = {k: v for k, v in answers.items()}
    start["description"] = ""
    with recorded_page(browser, base_url) as rec:
        open_guides(rec, plan_url + query(plan_pairs(start)))
        box = rec.page.locator('.decision-guide[data-guide="plan_app"] [data-text="description"]')
        box.press_sequentially(answers["description"])
        got = rec.page.evaluate(READ_PLAN)
    plan = plan_app(**answers)
    assert got["href"] == plan.console_url, f"page: {got['href']}\nPython: {plan.console_url}"


# 4. The Markdown copy, and the add-in without a link ----------------------------------------------


def test_markdown_copy_names_the_app_and_every_step(browser, base_url: str, plan_url: str) -> None:
    add_in = {**BASE, "purpose": "extend-desktop-app", "install_via_web": True}
    with recorded_page(browser, base_url) as rec:
        for answers in (BASE, add_in):
            plan = plan_app(**answers)
            open_guides(rec, plan_url + query(plan_pairs(answers)))
            got = rec.page.evaluate(READ_PLAN)
            assert not plan_problems(answers, got), plan_problems(answers, got)
            lines = got["markdown"].split("\n")
            assert lines[0] == f"# App plan: {answers['name']}", lines[0]
            assert [line[3:] for line in lines if line.startswith("## ")] == [*STEP_TITLES, "Sources"]
            cited = [line[2:] for line in lines[lines.index("## Sources") + 2 :]]
            assert len(cited) == len(plan.sources) and all(cited), cited
            assert got["headings"] == STEP_TITLES
            items = [line for line in lines if line.startswith("- [ ] ")]
            expected = [
                f"- [ ] {line.label}: {line.value}" + (f" ({line.why})" if line.why else "")
                for _, section in plan.sections
                for line in section
            ]
            assert items == expected, "\n".join(
                f"page:   {a}\nPython: {b}" for a, b in zip(items, expected, strict=False) if a != b
            )
            if plan.console_url:
                assert lines[lines.index("## Sources") - 2] == markdown_link(plan.console_url)
                assert got["linkShown"] and not got["blocked"]
            else:
                assert "Developer Console](" not in got["markdown"]
                assert got["linkHidden"], "the script should hide the console link of an add-in"
                assert got["blocked"] == plan.console_url_reason and got["blockedShown"], got["blocked"]
        assert not rec.problems(), "\n".join(rec.problems())


def test_console_link_is_out_of_sight_for_add_ins(browser, base_url: str, plan_url: str) -> None:
    add_in = {**BASE, "purpose": "extend-desktop-app", "install_via_web": True}
    assert plan_app(**add_in).console_url is None
    with recorded_page(browser, base_url) as rec:
        open_guides(rec, plan_url + query(plan_pairs(add_in)))
        got = rec.page.evaluate(READ_PLAN)
        box = rec.page.locator(".decision-guide__console").bounding_box()
    assert got["linkHidden"], "the script did not hide the link"
    assert not got["linkShown"], f"the hidden console link is displayed ({box}), href {got['href']!r}"


def test_markdown_link_is_the_console_link(browser, base_url: str, plan_url: str) -> None:
    answers = {**BASE, "name": "Bob's app"}
    plan = plan_app(**answers)
    with recorded_page(browser, base_url) as rec:
        open_guides(rec, plan_url + query(plan_pairs(answers)))
        got = rec.page.evaluate(READ_PLAN)
    assert got["href"] == plan.console_url
    lines = got["markdown"].split("\n")
    assert lines[lines.index("## Sources") - 2] == markdown_link(plan.console_url), lines


# 5. axe-core, and the page without JavaScript -------------------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_on_the_planner(browser, base_url: str, plan_url: str, scheme: str) -> None:
    partly = [
        ("purpose", "call-apis"),
        ("users_sign_in", "yes"),
        ("has_user_interface", "yes"),
        ("name", "x" * 65),
        ("redirect_uris", "/relative"),
    ]
    report = []
    with recorded_page(browser, base_url, color_scheme=scheme) as rec:
        for state, pairs in (
            ("unanswered", []),
            ("partly answered, with errors", partly),
            ("complete", plan_pairs(BASE)),
        ):
            open_guides(rec, plan_url + query(pairs))
            set_color_scheme(rec.page, scheme)  # type: ignore[arg-type]
            assert color_scheme_of(rec.page) == scheme
            got = rec.page.evaluate(READ_PLAN)
            assert (len(got["errors"]) == 2) == (state.startswith("partly")), f"{state}: errors {got['errors']}"
            assert bool(got["outcome"]) == (state == "complete"), f"{state}: outcome {got['outcome']!r}"
            report += [f"[{state}] {v}" for v in axe_violations(rec.page)]
        assert not rec.problems(), "\n".join(rec.problems())
    assert not report, f"axe-core, {scheme} scheme, plan/:\n\n" + "\n\n".join(report)


def test_planner_without_javascript_links_every_step(browser, base_url: str, plan_url: str, site_dir: Path) -> None:
    with recorded_page(browser, base_url, java_script_enabled=False) as rec:
        rec.goto(plan_url)
        got = rec.page.evaluate("""() => {
            const root = document.querySelector('.decision-guide[data-guide="plan_app"]');
            const paths = root.querySelector('details.decision-guide__paths');
            return {open: paths.open, shown: paths.checkVisibility(),
                    formShown: root.querySelector('.decision-guide__form').checkVisibility(),
                    links: [...paths.querySelectorAll('li a')].map((a) => [a.textContent, a.href])};
        }""")
    assert got["open"] and got["shown"] and not got["formShown"], got
    assert [text for text, _ in got["links"]] == STEP_TITLES, got["links"]
    for _, href in got["links"]:
        path = href.removeprefix(base_url)
        assert (site_dir / path / "index.html").is_file(), f"plan/ without JavaScript links to a missing page: {href}"
