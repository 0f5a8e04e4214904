"""Printing (print media): the reader's answers and result come first, then every path where it helps.

A planned app prints its checklist, as Python's plan_app has it, and the console link in full; a
guide prints the answers given and its outcome, then every path; an unanswered guide prints every
path alone; the planner's "needs JavaScript" list is left out once the planner runs.
"""

from __future__ import annotations

from pathlib import Path

from browser_tools import recorded_page
from guide_tools import open_guides, pages_of, query
from macros.decisions import auth_method, plan_app
from test_plan_browser import BASE, READ_PLAN, plan_pairs

READ_PRINT = """(root) => {
    const shown = (el) => Boolean(el) && el.checkVisibility();
    const top = (el) => el.getBoundingClientRect().top;
    const form = root.querySelector('.decision-guide__form');
    const result = root.querySelector('.decision-guide__result');
    const paths = root.querySelector('.decision-guide__paths');
    const printed = root.querySelector('.decision-guide__print-url code');
    const blocked = root.querySelector('.decision-guide__blocked');
    return {
        outcome: result.dataset.outcome,
        formShown: shown(form), resultShown: shown(result) && result.textContent.trim() !== '',
        pathsShown: shown(paths) && [...paths.children].some((child) => child.tagName !== 'SUMMARY' && shown(child)),
        resultFirst: shown(result) && shown(paths) ? top(result) < top(paths) : null,
        options: [...root.querySelectorAll('.decision-guide__option')].filter(shown)
            .map((o) => o.querySelector('input').value),
        checked: [...root.querySelectorAll('.decision-guide__option input:checked')].map((i) => i.value),
        buttons: [...root.querySelectorAll('button, .md-button')].filter(shown).map((b) => b.textContent),
        consoleUrl: shown(printed) ? printed.textContent : null,
        blocked: shown(blocked) ? blocked.textContent : '',
        checklistShown: [...root.querySelectorAll('[data-section] li')].every(shown),
        text: root.innerText,
    };
}"""


def plan_url(site_dir: Path) -> str:
    return pages_of(site_dir)["plan_app"][0]


def test_a_printed_plan_shows_the_answers_the_checklist_and_the_console_link(
    browser, base_url: str, site_dir: Path
) -> None:
    plan = plan_app(**BASE)
    with recorded_page(browser, base_url) as rec:
        open_guides(rec, plan_url(site_dir) + query(plan_pairs(BASE)))
        rec.page.emulate_media(media="print")
        root = rec.page.locator('.decision-guide[data-guide="plan_app"]')
        got = root.evaluate(READ_PRINT)
        assert got["outcome"] == plan.id
        assert got["formShown"] and got["checklistShown"]
        assert got["consoleUrl"] == plan.console_url, "the console link is written out in full"
        assert not got["pathsShown"] and "needs JavaScript" not in got["text"]
        assert sorted(got["options"]) == sorted(got["checked"]), "only the answers given are printed"
        assert got["buttons"] == [], f"buttons in print: {got['buttons']}"
        sections = rec.page.evaluate(READ_PLAN)["sections"]
        assert sections == [
            [step, [[line.label, line.value, line.why] for line in lines]] for step, lines in plan.sections
        ]
        assert not rec.problems(), "\n".join(rec.problems())


def test_a_printed_add_in_plan_says_why_there_is_no_link(browser, base_url: str, site_dir: Path) -> None:
    answers = {**BASE, "purpose": "extend-desktop-app"}
    plan = plan_app(**answers)
    with recorded_page(browser, base_url) as rec:
        open_guides(rec, plan_url(site_dir) + query(plan_pairs(answers)))
        rec.page.emulate_media(media="print")
        got = rec.page.locator('.decision-guide[data-guide="plan_app"]').evaluate(READ_PRINT)
        assert got["consoleUrl"] is None and got["blocked"] == plan.console_url_reason


def test_a_printed_guide_shows_the_answer_first_then_every_path(browser, base_url: str, site_dir: Path) -> None:
    url = pages_of(site_dir)["auth_method"][0]
    answers = {"users_sign_in": "no", "has_user_interface": "no"}
    with recorded_page(browser, base_url) as rec:
        open_guides(rec, url + query(answers.items()))
        rec.page.emulate_media(media="print")
        answered = rec.page.locator('.decision-guide[data-guide="auth_method"]').evaluate(READ_PRINT)
        assert answered["outcome"] == auth_method(users_sign_in=False, has_user_interface=False).id
        assert answered["formShown"] and answered["resultShown"] and answered["pathsShown"]
        assert answered["resultFirst"], "the reader's result comes before every path"
        assert answered["options"] == answered["checked"] == ["no", "no"]
        assert answered["buttons"] == []
        unanswered = rec.page.locator('.decision-guide[data-guide="pkce"]').evaluate(READ_PRINT)
        assert not unanswered["formShown"] and unanswered["pathsShown"], "an unanswered guide prints every path"
        rec.page.emulate_media(media="screen")
        on_screen = rec.page.locator('.decision-guide[data-guide="auth_method"]').evaluate(READ_PRINT)
        assert on_screen["formShown"] and not on_screen["pathsShown"], "the screen keeps its layout"
