"""Helpers shared by the browser tests of the decision guides (test_guides_browser, test_plan_browser).

- :func:`guide_pages` finds which built page holds which guide (``[data-guide]`` in the HTML);
- :func:`query` builds a query string that the page reads back as the exact strings;
- :func:`open_guides` loads a page and waits until every guide on it has run its script;
- :func:`visit_in_page` and :func:`visit_many` change the query string in place and fire
  ``popstate``, as back and forward do: the guides read the URL again without a full reload (for
  large samples); :func:`go_back` goes back and waits for Material's content swap;
- :func:`snapshot` and :func:`guide_states` read, in one round trip, what every guide on the page shows;
- :func:`tree_walk` walks a :func:`macros.tree.build_tree` tree with answers, as a reader would;
- :func:`deepest_answers` and :func:`answered_pairs` answer a guide (or a page's guides) along its
  longest path, for a shared link;
- :func:`serve_sitemap_as_if_deployed_here` lets Material's instant navigation work on a local port.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from itertools import product
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

from browser_tools import GUIDES_READY, site_pages
from macros.decisions import GUIDES
from macros.decisions.model import Question
from macros.tree import Ask, Tree, build_tree

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from browser_tools import RecordedPage

TREE_GUIDES = [name for name, guide in GUIDES.items() if name != "plan_app" and guide.questions[0].kind != "multi"]
TREES = {name: build_tree(GUIDES[name].questions, GUIDES[name].function) for name in TREE_GUIDES}

GUIDE_ATTRIBUTE = re.compile(r'<div class="decision-guide"[^>]*\sdata-guide="([a-z_]+)"')


def guide_pages(site_dir: Path) -> dict[str, list[str]]:
    """Each page URL (``"security/"``) that holds guides, with their names in page order."""
    found: dict[str, list[str]] = {}
    for page in site_pages(site_dir):
        names = GUIDE_ATTRIBUTE.findall(page.path.read_text(encoding="utf-8"))
        if names:
            found[page.url] = names
    return found


def pages_of(site_dir: Path) -> dict[str, list[str]]:
    """Each guide name with the pages that hold it, in site order."""
    where: dict[str, list[str]] = defaultdict(list)
    for url, names in guide_pages(site_dir).items():
        for name in names:
            where[name].append(url)
    return dict(where)


def query(pairs: Iterable[tuple[str, str]]) -> str:
    """``?a=b&c=d`` with every character percent-encoded but the unreserved ones (spaces as %20)."""
    pairs = list(pairs)
    return "?" + urlencode(pairs, quote_via=quote, safe="") if pairs else ""


def answer_pairs(questions: Sequence[Question], answers: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The URL pairs of a guide's answers: bools as yes/no, a multiple choice repeated."""
    pairs = []
    for question in questions:
        if question.name not in answers:
            continue
        value = answers[question.name]
        if question.kind == "multi":
            pairs += [(question.name, item) for item in value]
        else:
            pairs.append((question.name, question.answer_id(value)))
    return pairs


def combinations(name: str) -> list[dict[str, Any]]:
    """Every full combination of answers of a tree guide, as the function's keyword arguments."""
    questions = GUIDES[name].questions
    return [
        dict(zip((q.name for q in questions), values, strict=False))
        for values in product(*(q.values() for q in questions))
    ]


def tree_walk(tree: Tree, answers: Mapping[str, str]) -> tuple[list[str], int | None]:
    """Walk ``tree`` with answer ids: the questions asked on the way, and the leaf (None if unanswered)."""
    node = tree.root
    asked: list[str] = []
    while isinstance(node, Ask):
        asked.append(node.question.name)
        answer = answers.get(node.question.name)
        if answer not in node.branches:
            return asked, None
        node = node.branches[answer]
    return asked, node


def open_guides(rec: RecordedPage, url: str) -> None:
    """Load ``url`` (relative to the site root) and wait until every guide on it is set up."""
    rec.page.goto(rec.base_url + url.lstrip("/"), wait_until="load")
    try:
        rec.page.wait_for_function(GUIDES_READY, timeout=10_000)
    except Exception as exc:  # noqa: BLE001 - playwright's TimeoutError: say what the page said
        raise AssertionError(
            f"/{url}: the guides were not set up ({exc.__class__.__name__}); the page reported: {rec.problems()}"
        ) from None


# Material's instant navigation fetches the page again and swaps its content in on the first
# popstate of a document (and on any popstate to another path): the guides are then set up anew.
# Tests that go back or change the URL in place wait for that swap, or they race with it.
MARK_CONTENT = "() => { document.querySelector('[data-md-component=container]').dataset.testMark = 'old'; }"
SWAPPED = """() => !document.querySelector('[data-md-component=container][data-test-mark]')
    && [...document.querySelectorAll('.decision-guide')].every((g) => g.dataset.ready === 'true')"""


def wait_for_swap(page: Page, timeout: float = 5_000) -> bool:
    """After :func:`mark_content` and a popstate: wait until Material has swapped the content in.

    Returns False (after ``timeout`` ms) when no swap came, e.g. if Material stops doing it.
    """
    try:
        page.wait_for_function(SWAPPED, timeout=timeout)
    except Exception:  # noqa: BLE001 - playwright's TimeoutError; the caller's checks decide
        return False
    return True


def mark_content(page: Page) -> None:
    """Mark Material's content container, to tell whether it is swapped later."""
    page.evaluate(MARK_CONTENT)


def content_swapped(page: Page) -> bool:
    """Whether the container marked by :func:`mark_content` was replaced."""
    return page.evaluate("() => !document.querySelector('[data-md-component=container][data-test-mark]')")


def go_back(page: Page, *, forward: bool = False, swap: bool = True) -> bool:
    """``page.go_back()`` (or forward); if ``swap``, wait for Material's content swap: whether it came.

    Material swaps on the first popstate of a document and on a popstate to another path.
    """
    mark_content(page)
    page.go_forward() if forward else page.go_back()
    return wait_for_swap(page) if swap else False


VISIT = """(search) => {
    history.replaceState(null, "", location.pathname + search);
    dispatchEvent(new PopStateEvent("popstate"));
}"""


def start_in_page_visits(page: Page) -> None:
    """Let Material make its one fetch and swap of this document, so that later visits make none."""
    mark_content(page)
    page.evaluate(VISIT, page.evaluate("location.search"))
    wait_for_swap(page)
    mark_content(page)


def visit_in_page(page: Page, search: str) -> None:
    """Put ``search`` (``"?a=b"``) in the URL without reloading and fire ``popstate``, as back/forward do.

    The guides then take their answers from the URL again, through the same code as on a load.
    Call :func:`start_in_page_visits` once after a load first.
    """
    page.evaluate(VISIT, search)


def visit_many(page: Page, searches: list[str], read: str) -> list[Any]:
    """:func:`visit_in_page` each of ``searches`` and return what the JS function ``read()`` gives after each.

    All in one round trip; fails if Material swapped the content meanwhile (call
    :func:`start_in_page_visits` first).
    """
    script = f"""(searches) => {{
        const read = {read};
        return searches.map((search) => {{ ({VISIT})(search); return read(); }});
    }}"""
    results = page.evaluate(script, searches)
    assert not content_swapped(page), "Material swapped the content in during the visits: results unreliable"
    return results


SNAPSHOT = """() => {
    const shown = (el) => el.checkVisibility();
    const guides = Object.fromEntries([...document.querySelectorAll('.decision-guide')].map((root) => {
        const form = root.querySelector('.decision-guide__form');
        const result = root.querySelector('.decision-guide__result');
        const title = result.querySelector('.decision-guide__title');
        return [root.dataset.guide, {
            ready: root.dataset.ready === 'true',
            outcome: result.dataset.outcome,
            title: title ? title.textContent : null,
            titleVisible: title ? shown(title) : false,
            panels: result.querySelectorAll('[data-leaf-outcome]').length,
            sources: [...result.querySelectorAll('.decision-guide__sources [data-source]')]
                .filter(shown).map((li) => li.dataset.source),
            visible: [...form.querySelectorAll('[data-name]')]
                .filter((f) => !f.hidden && shown(f)).map((f) => f.dataset.name),
            checked: [...form.querySelectorAll('input[data-question]:checked')]
                .map((i) => [i.dataset.question, i.value]),
            formVisible: shown(form),
        }];
    }));
    const el = document.activeElement;
    const root = el && el.closest('.decision-guide');
    const focus = root && el.matches('input[data-question]')
        ? [root.dataset.guide, el.dataset.question, el.value] : [el ? el.outerHTML.slice(0, 120) : null];
    return {url: location.href, focus, guides};
}"""


def snapshot(page: Page) -> dict[str, Any]:
    """In one round trip: ``url`` (``page.url`` can lag behind ``history.pushState``), ``focus``
    (``[guide, question, value]`` of a focused option, else the focused element's HTML) and
    ``guides``: what each guide shows (outcome, title, visible questions, checked inputs)."""
    return page.evaluate(SNAPSHOT)


def guide_states(page: Page) -> dict[str, dict[str, Any]]:
    """What each guide on the page shows: outcome, title, visible questions, checked inputs."""
    return snapshot(page)["guides"]


def serve_sitemap_as_if_deployed_here(rec: RecordedPage, base_url: str, site_dir: Path) -> None:
    """Make the browser see sitemap.xml with this server's origin instead of ``site_url``.

    Material's instant navigation only intercepts links listed in sitemap.xml, with their port:
    on a local server with a port every link would be a full load (see test_pages_browser.py).
    """
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    locs = [part.split("</loc>", 1)[0].strip() for part in sitemap.split("<loc>")[1:]]
    site_url = min(locs, key=len)
    body = sitemap.replace(site_url, base_url)
    rec.context.route(base_url + "sitemap.xml", lambda route: route.fulfill(body=body, content_type="application/xml"))


def deepest_answers(name: str) -> dict[str, str]:
    """Answer ids that ask every question a guide can ask on one path (the longest path)."""
    if name == "permissions":
        return {}
    steps, _ = max(TREES[name].paths(), key=lambda path: len(path[0]))
    return {q.name: a for q, a in steps}


def answered_pairs(names: list[str]) -> list[tuple[str, str]]:
    """URL pairs that answer every guide of a page, each along its longest path."""
    pairs: list[tuple[str, str]] = []
    for name in names:
        if name == "permissions":
            pairs += [("capabilities", c) for c in ("send-sms", "read-messages", "manage-contacts", "read-contacts")]
        else:
            pairs += list(deepest_answers(name).items())
    return pairs
