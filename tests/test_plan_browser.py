"""The planner (plan_app on plan/) in Chromium, checked against ``macros.decisions.plan_app``.

Every single option, pairwise coverage of the choice and yes/no questions, and a seeded sample of
500 valid plans: the page's outcome, checklist and console link equal Python's, character for
character. Bad plans are refused with Python's messages; a reader's plan by clicking and typing;
the Markdown copy; axe-core in both colour schemes.
"""
from __future__ import annotations

import itertools
import random
import time
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import parse_qsl

import pytest

from browser_tools import axe_violations, color_scheme_of, recorded_page, set_color_scheme
from guide_tools import open_guides, pages_of, query, start_in_page_visits, visit_many

from macros.decisions import GUIDES, app_access, auth_method, partner_reach, plan_app
from macros.decisions.app_type import app_type
from macros.decisions.plan import MESSAGES, PARTNERS, PLAN_PLATFORM, STEPS

QUESTIONS = {q.name: q for q in GUIDES["plan_app"].questions}
CHOICES = [q for q in GUIDES["plan_app"].questions if q.kind != "multi"]  # choice and yes/no questions
CAPABILITY_IDS = QUESTIONS["capabilities"].ids
STEP_TITLES = [title for _, title, _ in STEPS]

# Free text with what a URL must carry safely: spaces, unicode, &, =, +, %, #, quotes, markup.
WORDS = ["Café ☕ (qa)", "SMS & fax", "a=b", "1+1", "100%", "#1", "staging", "QA team", "Ünïcode ✓", "日本語",
         "🚀 rocket", "semi;colon", "slash/back\\slash", "quote \"'", "<b>not html</b>", "a%20b", "?x=y&z"]
URIS = ["https://example.com/cb?x=1&y=2", "com.example.app:/oauth", "http://localhost:8080/callback",
        "https://example.com/p%20q?r=s+t", "myapp://callback#done", "https://example.com/~user/(x)"]


def relevant(answers: dict[str, Any]) -> set[str]:
    """The questions that matter for these answers, from the sub-decisions (shared/design/guides.md)."""
    shown = {"purpose", "name", "description", "acts_for_users", "has_user_interface", "stay_signed_in",
             "capabilities", "own_company_data_only", "interactive_messages"}
    if answers["purpose"] != "chat-bot" and answers["has_user_interface"]:
        shown.add("platform")
    if app_type(purpose=answers["purpose"]).id == "add-in":
        shown.add("install_via_web")
    if not answers["own_company_data_only"]:
        shown.add("communication_platform")
        if not answers["communication_platform"]:
            shown.add("for_ringcentral_customers")
    access = app_access(own_company_data_only=answers["own_company_data_only"],
                        communication_platform=answers["communication_platform"],
                        for_ringcentral_customers=answers["for_ringcentral_customers"]).id
    if access == "public":
        shown.add("restrict_to_partners")
        if partner_reach(access=access, restrict_to_partners=answers["restrict_to_partners"]).id == "selected-partners":
            shown.add("partners")
    if auth_method(acts_for_users=answers["acts_for_users"],
                   has_user_interface=answers["has_user_interface"]).id == "three-legged-oauth":
        shown.add("redirect_uris")
    return shown


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
    answers["description"] = "" if rng.random() < 0.3 else text(rng, 1, 256)
    shown = relevant(answers)
    answers["partners"] = rng.sample(PARTNERS.ids, rng.randint(1, 3)) if "partners" in shown else []
    answers["redirect_uris"] = rng.sample(URIS, rng.randint(0, 3)) if "redirect_uris" in shown else []
    if "platform" not in shown and rng.random() < 0.5:
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
    if answers["description"] or (rng is not None and rng.random() < 0.5):
        pairs.append(("description", answers["description"]))
    pairs += [("redirect_uris", uri) for uri in answers["redirect_uris"]]
    if rng is not None:  # any order of the parameters, but the URIs in the plan's order
        rng.shuffle(pairs)
        uris = iter(answers["redirect_uris"])
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
        answers = dict(zip((q.name for q in CHOICES), values))
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
        visible: [...form.querySelectorAll('[data-name]')].filter((f) => !f.hidden && f.checkVisibility()).map((f) => f.dataset.name),
        headings: [...box.querySelectorAll('h3')].map((h) => h.textContent),
        sections: [...box.querySelectorAll('[data-section]')].map((ul) => [ul.dataset.section, [...ul.children].map((li) => [
            li.querySelector('.decision-guide__label').textContent,
            li.querySelector('.decision-guide__value').textContent,
            why(li) ? why(li).textContent : ''])]),
        markdown: root.querySelector('.decision-guide__copy').dataset.clipboardText || '',
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
        # The script hides the link; whether it is really out of sight: test_console_link_hidden_for_add_ins.
        if not got["linkHidden"] or got["blocked"] != plan.console_url_reason or not got["blockedShown"]:
            found.append(f"{where}: link hidden: {got['linkHidden']}, reason {got['blocked']!r} "
                         f"(shown: {got['blockedShown']}); Python: no link because {plan.console_url_reason!r}")
    elif got["href"] != plan.console_url or not got["linkShown"] or got["blocked"]:
        found.append(f"{where}: console link {got['href']!r} (shown: {got['linkShown']}),\n    Python {plan.console_url!r}")
    expected_sections = [[step, [[line.label, line.value, line.why] for line in lines]] for step, lines in plan.sections]
    if got["sections"] != expected_sections:
        diff = [(p, e) for p, e in zip(got["sections"], expected_sections) if p != e]
        found.append(f"{where}: checklist differs from Python's: {diff[:2]}")
    if sorted(got["visible"]) != sorted(relevant(answers)):
        found.append(f"{where}: questions shown {sorted(got['visible'])}, the contract asks {sorted(relevant(answers))}")
    lines = got["markdown"].split("\n")
    if lines[0] != f"# App plan: {answers['name']}" or [l[3:] for l in lines if l.startswith("## ")] != STEP_TITLES:
        found.append(f"{where}: Markdown copy {got['markdown'][:200]!r}")
    elif plan.console_url and lines[-1] != markdown_link(plan.console_url):
        found.append(f"{where}: the Markdown copy ends with {lines[-1]!r}")
    elif not plan.console_url and "Developer Console](" in got["markdown"]:
        found.append(f"{where}: the Markdown copy links to the console, Python has no link")
    return found


def markdown_link(console_url: str, exact: bool = False) -> str:
    """The last line of the Markdown copy. Unless ``exact``: with the apostrophes percent-encoded, as
    the page writes them (it copies the link's resolved ``href``; see test_markdown_link_is_the_console_link)."""
    return f"[Open in the Developer Console]({console_url if exact else console_url.replace(chr(39), '%27')})"


def check_plans(rec, plans: Iterable[dict[str, Any]], rng: random.Random | None, load: bool) -> tuple[int, list[str]]:
    """Open plan/ with each plan's answers (a full load, or in place) and compare with Python."""
    url = pages_of_plan(rec)
    plans = list(plans)
    searches = [query(plan_pairs(answers, rng)) for answers in plans]
    problems: list[str] = []
    if load:
        for answers, search in zip(plans, searches):
            open_guides(rec, url + search)
            problems += plan_problems(answers, rec.page.evaluate(READ_PLAN))
    else:
        open_guides(rec, url)
        start_in_page_visits(rec.page)
        for answers, got in zip(plans, visit_many(rec.page, searches, READ_PLAN)):
            problems += plan_problems(answers, got)
    problems += rec.problems()
    rec.clear()
    return len(plans), problems


PLAN_URL: dict[str, str] = {}


def pages_of_plan(rec) -> str:
    return PLAN_URL["url"]


@pytest.fixture(scope="module")
def plan_url(site_dir: Path) -> str:
    pages = pages_of(site_dir).get("plan_app", [])
    assert pages, "no page holds the planner"
    PLAN_URL["url"] = pages[0]
    return pages[0]


# 1. Every single option, pairwise coverage, a sample of 500 -------------------------------------

def test_every_single_option_and_every_pair(browser, base_url: str, plan_url: str) -> None:
    """One full load per plan: each option of each question, then the pairwise plans."""
    rng = random.Random(4321)
    singles = single_options(rng)
    pairs, covered = pairwise(rng)
    started = time.perf_counter()
    with recorded_page(browser, base_url) as rec:
        n_single, problems = check_plans(rec, singles, None, load=True)
        n_pairs, more = check_plans(rec, pairs, rng, load=True)
    elapsed = time.perf_counter() - started
    print(f"\nplan_app: {n_single} single-option plans and {n_pairs} pairwise plans (covering {covered} option "
          f"pairs) in {n_single + n_pairs} loads, {elapsed:.1f} s ({elapsed / (n_single + n_pairs):.2f} s a load)")
    assert n_single == sum(len(q.options) for q in QUESTIONS.values())
    problems += more
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:30])


def test_random_sample_of_plans(browser, base_url: str, plan_url: str) -> None:
    """500 seeded random plans (and the singles and pairs again), each URL put in place of the last."""
    rng = random.Random(2024)
    sample = [random_plan(rng) for _ in range(500)]
    again = single_options(random.Random(4321))
    started = time.perf_counter()
    with recorded_page(browser, base_url) as rec:
        count, problems = check_plans(rec, sample + again, rng, load=False)
    print(f"\nplan_app: {count} plans in place ({len(sample)} random) in {time.perf_counter() - started:.1f} s")
    assert len(sample) >= 500
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:30])
