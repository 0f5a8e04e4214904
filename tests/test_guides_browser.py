"""The decision guides in Chromium, checked against the Python functions they come from.

Every guide but the planner (tests/test_plan_browser.py): every combination of answers in the URL,
every path driven by the keyboard, the permissions combinator on every single option, every pair
and a seeded sample, hostile URLs, "Start over", Material's instant navigation, the view without
JavaScript, axe-core in both colour schemes and a 360 px wide screen.
"""

from __future__ import annotations

import random
import time
from itertools import combinations as pairs_of
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest

from browser_tools import axe_violations, color_scheme_of, recorded_page, set_color_scheme
from guide_tools import (
    GUIDES_READY,
    TREE_GUIDES,
    TREES,
    answer_pairs,
    answered_pairs,
    combinations,
    deepest_answers,
    go_back,
    guide_pages,
    guide_states,
    mark_content,
    open_guides,
    pages_of,
    query,
    serve_sitemap_as_if_deployed_here,
    snapshot,
    start_in_page_visits,
    tree_walk,
    visit_in_page,
    visit_many,
    wait_for_swap,
)
from macros.decisions import GUIDES, permissions

CAPABILITIES = GUIDES["permissions"].questions[0]


def guide_pages_without_plan(site_dir: Path) -> dict[str, list[str]]:
    pages = {url: [n for n in names if n != "plan_app"] for url, names in guide_pages(site_dir).items()}
    return {url: names for url, names in pages.items() if names}


def test_every_guide_is_on_a_page(site_dir: Path) -> None:
    where = pages_of(site_dir)
    missing = [name for name in GUIDES if name != "plan_app" and name not in where]
    assert not missing, f"guides on no page of the built site: {missing}"


# 1. Every combination of answers, given in the URL --------------------------------------------


def test_every_combination_in_the_url(browser, base_url: str, site_dir: Path) -> None:
    """One load per page and combination index: every tree guide of the page answered at once."""
    problems: list[str] = []
    checked: dict[str, int] = {}
    loads = 0
    started = time.perf_counter()
    with recorded_page(browser, base_url) as rec:
        for url, names in guide_pages_without_plan(site_dir).items():
            trees = [name for name in names if name in TREES]
            combos = {name: combinations(name) for name in trees}
            for i in range(max((len(c) for c in combos.values()), default=0)):
                chosen = {name: combos[name][i % len(combos[name])] for name in trees}
                pairs = [p for name in trees for p in answer_pairs(GUIDES[name].questions, chosen[name])]
                open_guides(rec, url + query(pairs))
                loads += 1
                states = guide_states(rec.page)
                for name in trees:
                    expected = GUIDES[name].function(**chosen[name])
                    got = states[name]
                    where = f"/{url}{query(pairs)} [{name}]"
                    if got["outcome"] != expected.id:
                        problems.append(f"{where}: data-outcome {got['outcome']!r}, Python says {expected.id!r}")
                    if got["title"] != expected.title or not got["titleVisible"]:
                        problems.append(
                            f"{where}: title {got['title']!r} (visible: {got['titleVisible']}), "
                            f"Python says {expected.title!r}"
                        )
                    if got["panels"] != 1:
                        problems.append(f"{where}: {got['panels']} outcome panels shown, expected 1")
                    if got["sources"] != list(expected.sources):
                        problems.append(f"{where}: sources shown {got['sources']}, Python {list(expected.sources)}")
                    checked[name] = checked.get(name, 0) + 1
                problems += [f"/{url}: {p}" for p in rec.problems()]
                rec.clear()
    print(
        f"\n{sum(checked.values())} guide combinations in {loads} loads, "
        f"{time.perf_counter() - started:.1f} s: {checked}"
    )
    for name in TREE_GUIDES:
        assert checked.get(name, 0) >= len(combinations(name)), f"{name}: not every combination was checked"
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


# 2. Every path, by keyboard ------------------------------------------------------------------

FOCUS_BEFORE_FORM = """(name) => {
    const form = document.querySelector(`.decision-guide[data-guide="${name}"] .decision-guide__form`);
    const focusable = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
        .filter((el) => el.tabIndex >= 0 && !el.disabled && el.checkVisibility())
        .filter((el) => form.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING && !form.contains(el));
    const before = focusable[focusable.length - 1];
    before.focus();
    return document.activeElement === before;
}"""


def url_answers(url: str, names: set[str]) -> list[tuple[str, str]]:
    """The (name, value) pairs of ``url``'s query whose name is in ``names``, sorted."""
    return sorted((k, v) for k, v in parse_qsl(urlsplit(url).query, keep_blank_values=True) if k in names)


def paths_to_drive(site_dir: Path) -> list[tuple[str, str, int]]:
    """(page, guide, path index) for every path of every tree guide, on the first page that holds it."""
    where = pages_of(site_dir)
    return [(where[name][0], name, i) for name in TREE_GUIDES for i in range(len(TREES[name].paths()))]


def test_every_path_by_keyboard(browser, base_url: str, site_dir: Path) -> None:
    """Tab into the form, Space or arrow keys to answer, Tab to the next question; then reload and back.

    Each path starts from a page without answers: a fresh load for a guide's first path, then the
    same document with the answers taken out of the URL (the reload of every path loads it anew).
    """
    todo = paths_to_drive(site_dir)
    started = time.perf_counter()
    with recorded_page(browser, base_url) as rec:
        page = rec.page
        loaded = None
        for url, name, index in todo:
            tree = TREES[name]
            steps, leaf = tree.paths()[index]
            names = {q.name for q in GUIDES[name].questions}
            path_text = f"/{url} [{name}] path " + ", ".join(f"{q.name}={a}" for q, a in steps)
            if loaded != (url, name):
                open_guides(rec, url)
                loaded = (url, name)
            else:
                visit_in_page(page, "")  # the reload and back before made Material's one swap
            clean = snapshot(page)
            assert clean["guides"][name]["checked"] == [] and clean["guides"][name]["outcome"] == "", (
                f"{path_text}: not clean before the first key: {clean['guides'][name]}"
            )
            assert page.evaluate(FOCUS_BEFORE_FORM, name), f"{path_text}: nothing focusable before the form"
            urls = [clean["url"]]
            for i, (question, answer) in enumerate(steps):
                page.keyboard.press("Tab")
                focus = snapshot(page)["focus"]
                assert focus == [name, question.name, question.ids[0]], (
                    f"{path_text}: Tab should reach the first option of {question.name}, focus is on {focus}"
                )
                k = question.ids.index(answer)
                for key in ["Space"] if k == 0 else ["ArrowDown"] * k:
                    page.keyboard.press(key)
                    now = snapshot(page)
                    urls.append(now["url"])
                expected_visible = [q.name for q, _ in steps[: i + 2]]
                assert now["guides"][name]["visible"] == expected_visible, (
                    f"{path_text}, after {question.name}: visible {now['guides'][name]['visible']}, "
                    f"expected {expected_visible}"
                )
                assert now["focus"] == [name, question.name, answer], (
                    f"{path_text}: focus left {question.name}: {now['focus']}"
                )
            expected = tree.leaves[leaf]
            state = now["guides"][name]
            assert (state["outcome"], state["title"]) == (expected.id, expected.title), f"{path_text}: shows {state}"
            assert state["titleVisible"], f"{path_text}: the outcome's title is not visible"
            path_answers = sorted((q.name, a) for q, a in steps)
            assert url_answers(now["url"], names) == path_answers, f"{path_text}: URL {now['url']}"
            assert len(set(urls)) == len(urls), f"{path_text}: a key press did not change the URL: {urls}"

            page.reload(wait_until="load")
            page.wait_for_function(GUIDES_READY)
            state = guide_states(page)[name]
            assert state["outcome"] == expected.id, f"{path_text}: after reload shows {state['outcome']!r}"
            assert sorted(map(tuple, state["checked"])) == path_answers, (
                f"{path_text}: after reload checked {state['checked']}"
            )
            assert state["visible"] == [q.name for q, _ in steps], (
                f"{path_text}: after reload visible {state['visible']}"
            )

            go_back(page)
            back = snapshot(page)
            assert back["url"] == urls[-2], f"{path_text}: back went to {back['url']}, expected {urls[-2]}"
            before = dict(url_answers(back["url"], names))
            asked, back_leaf = tree_walk(tree, before)
            state = back["guides"][name]
            assert sorted(map(tuple, state["checked"])) == sorted(before.items()), f"{path_text}: after back {state}"
            assert state["outcome"] == ("" if back_leaf is None else tree.leaves[back_leaf].id), (
                f"{path_text}: after back {state}"
            )
            assert state["visible"] == asked, f"{path_text}: after back visible {state['visible']}, expected {asked}"
            assert not rec.problems(), f"{path_text}:\n" + "\n".join(rec.problems())
    print(f"\n{len(todo)} paths by keyboard in {time.perf_counter() - started:.1f} s")
    assert len(todo) == sum(len(t.paths()) for t in TREES.values())


# 3. Permissions: the browser's combinator against Python --------------------------------------

READ_PERMISSIONS = """() => {
    const root = document.querySelector('.decision-guide[data-guide="permissions"]');
    const result = root.querySelector('.decision-guide__result');
    return {
        url: location.search,
        outcome: result.dataset.outcome,
        kept: [...result.querySelectorAll('li[data-kept]')].map((li) => [li.dataset.kept, li.textContent]),
        leftOut: [...result.querySelectorAll('li[data-left-out]')].map((li) => [li.dataset.leftOut, li.textContent]),
        role: [...result.querySelectorAll('li[data-within-role]')].map((li) => li.textContent),
        items: result.querySelectorAll('.decision-guide__reasons li').length,
        sources: [...result.querySelectorAll('.decision-guide__sources [data-source]')].map((li) => li.dataset.source),
        approval: [...result.querySelectorAll('[data-approval]')].map((p) => [p.dataset.approval, p.textContent]),
        shown: result.checkVisibility(),
        checked: [...root.querySelectorAll('input[data-question]:checked')].map((i) => i.value),
    };
}"""


def permission_problems(chosen: list[str], got: dict[str, Any]) -> list[str]:
    """How what the page lists differs from ``permissions(capabilities=chosen)``."""
    decision = permissions(capabilities=chosen)
    where = f"capabilities={chosen} ({got['url']})"
    found = []
    expected_outcome = decision.id if chosen else ""
    if got["outcome"] != expected_outcome:
        found.append(f"{where}: data-outcome {got['outcome']!r}, Python says {expected_outcome!r}")
    if sorted(got["checked"]) != sorted(set(chosen)):
        found.append(f"{where}: ticked {got['checked']}")
    if not chosen:
        if got["items"]:
            found.append(f"{where}: {got['items']} items listed with nothing ticked")
        return found
    kept = [name for name, _ in got["kept"]]
    if kept != list(decision.permissions):
        found.append(f"{where}: lists {kept}, Python says {list(decision.permissions)}")
    left_out = sorted(name for name, _ in got["leftOut"])
    if left_out != [name for name, _ in decision.left_out]:
        found.append(f"{where}: leaves out {left_out}, Python says {[n for n, _ in decision.left_out]}")
    # The items' words are Python's reasons: one per kept permission, one per left-out one, then the role's limit.
    texts = [text for _, text in got["kept"]] + sorted(text for _, text in got["leftOut"]) + got["role"]
    kept_count, left_count = len(decision.permissions), len(decision.left_out)
    reasons = (
        list(decision.reasons[:kept_count])
        + sorted(decision.reasons[kept_count : kept_count + left_count])
        + list(decision.reasons[kept_count + left_count :])
    )
    if texts != reasons:
        found.append(f"{where}: items {texts}, Python's reasons {reasons}")
    # The permissions that need approval, each with Python's note.
    approval = [[name, f"Note: {note}"] for name, note in zip(decision.requires_approval, decision.notes, strict=False)]
    if got["approval"] != approval:
        found.append(f"{where}: approval notes {got['approval']}, Python {approval}")
    if got["sources"] != list(decision.sources):
        found.append(f"{where}: sources {got['sources']}, Python {list(decision.sources)}")
    if got["items"] != len(decision.permissions) + len(decision.left_out) + 1 or not got["shown"]:
        found.append(f"{where}: {got['items']} items (shown: {got['shown']})")
    return found


def capability_sets() -> tuple[list[list[str]], list[list[str]], list[list[str]]]:
    """Every single capability, every pair, and 500 seeded random subsets (in random order)."""
    ids = list(CAPABILITIES.ids)
    singles = [[c] for c in ids]
    pairs = [list(p) for p in pairs_of(ids, 2)]
    rng = random.Random(1234)
    sample = [[]]
    while len(sample) < 500:
        chosen = rng.sample(ids, rng.randint(1, len(ids)))
        if rng.random() < 0.1:
            chosen.append(rng.choice(chosen))  # the same capability twice in the URL
        sample.append(chosen)
    return singles, pairs, sample


def test_permissions_every_single_pair_and_sample(browser, base_url: str, site_dir: Path) -> None:
    """Singles by loading the page; singles, pairs and the sample again by changing the URL in place."""
    singles, pairs, sample = capability_sets()
    problems: list[str] = []
    started = time.perf_counter()
    checked = 0
    with recorded_page(browser, base_url) as rec:
        for n, url in enumerate(pages_of(site_dir)["permissions"]):
            if n == 0:
                for chosen in singles:
                    open_guides(rec, url + query(("capabilities", c) for c in chosen))
                    problems += permission_problems(chosen, rec.page.evaluate(READ_PERMISSIONS))
                    checked += 1
            else:
                open_guides(rec, url)
            start_in_page_visits(rec.page)
            sets = singles + pairs + sample
            results = visit_many(
                rec.page, [query(("capabilities", c) for c in chosen) for chosen in sets], READ_PERMISSIONS
            )
            for chosen, got in zip(sets, results, strict=False):
                problems += [f"/{url}: {p}" for p in permission_problems(chosen, got)]
            checked += len(sets)
            problems += rec.problems()
            rec.clear()
    print(
        f"\npermissions: {checked} checks on {len(pages_of(site_dir)['permissions'])} page(s): {len(singles)} singles "
        f"loaded, then {len(singles)} singles, {len(pairs)} pairs and {len(sample)} sampled sets in place, "
        f"{time.perf_counter() - started:.1f} s"
    )
    assert len(pairs) == 120 and len(sample) >= 500
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:50])


def test_permissions_by_clicking(browser, base_url: str, site_dir: Path) -> None:
    """Tick and untick checkboxes like a reader: the outcome and the URL follow each click."""
    url = pages_of(site_dir)["permissions"][0]
    sets = [
        ["send-sms", "read-messages", "send-fax"],
        ["download-recordings", "read-call-log"],
        ["manage-contacts", "read-contacts", "change-presence", "read-presence", "video-meetings"],
    ]
    with recorded_page(browser, base_url) as rec:
        page = rec.page
        open_guides(rec, url)
        root = page.locator('.decision-guide[data-guide="permissions"]')
        for chosen in sets:
            ticked: list[str] = []
            for capability in chosen + chosen[:2]:  # tick each, then untick the first two
                root.locator(f'input[data-question="capabilities"][value="{capability}"]').click()
                if capability in ticked:
                    ticked.remove(capability)
                else:
                    ticked.append(capability)
                got = page.evaluate(READ_PERMISSIONS)
                assert not permission_problems(ticked, got), permission_problems(ticked, got)
                in_url = sorted(v for k, v in parse_qsl(got["url"].lstrip("?")) if k == "capabilities")
                assert in_url == sorted(ticked), f"URL {got['url']} after ticking {ticked}"
            for capability in ticked:
                root.locator(f'input[data-question="capabilities"][value="{capability}"]').click()
            got = page.evaluate(READ_PERMISSIONS)
            assert got["outcome"] == "" and got["url"] == "", f"nothing ticked, but: {got}"
        assert not rec.problems(), "\n".join(rec.problems())


# 4. Hostile URLs -------------------------------------------------------------------------------

IMG = "<img src=x onerror=alert(1)>"
LONG = "A" * 4_992 + "<b>é</b>"  # 5,000 characters, markup at the end


def expected_outcomes(names: list[str], pairs: list[tuple[str, str]]) -> dict[str, str]:
    """What each guide must show for a URL: its valid answers only (the first of each), else ""."""
    given: dict[str, list[str]] = {}
    for key, value in pairs:
        given.setdefault(key, []).append(value)
    out = {}
    for name in names:
        questions = GUIDES[name].questions
        if name == "permissions":
            chosen = [c for c in given.get("capabilities", []) if c in CAPABILITIES.ids]
            out[name] = permissions(capabilities=chosen).id if chosen else ""
            continue
        answers = {q.name: next((v for v in given.get(q.name, []) if v in q.ids), None) for q in questions}
        _, leaf = tree_walk(TREES[name], answers)
        out[name] = "" if leaf is None else TREES[name].leaves[leaf].id
    return out


def hostile_cases(names: list[str]) -> list[list[tuple[str, str]]]:
    """The hostile query strings that concern the guides of one page."""
    params = {q.name for name in names for q in GUIDES[name].questions}
    cases: list[list[tuple[str, str]]] = [
        [("__proto__", "x"), ("constructor", "y"), ("toString", "1"), ("hasOwnProperty", "1"), ("utm_source", IMG)],
        [(p, LONG) for p in sorted(params)],
    ]
    if "platform" in params:
        cases += [[("platform", IMG)], [("platform", IMG), ("platform", "ios")]]
    if "purpose" in params:
        cases += [
            [("purpose", "__proto__")],
            [("purpose", "constructor")],
            [("purpose", "__proto__"), ("purpose", "chat-bot")],
        ]
    if "users_sign_in" in params:
        cases += [
            [("users_sign_in", "toString")],
            [("users_sign_in", "toString"), ("has_user_interface", "valueOf"), ("stay_signed_in", "yes")],
        ]
    if "capabilities" in params:
        cases += [
            [("capabilities", "hasOwnProperty")],
            [("capabilities", "__proto__"), ("capabilities", "toString")],
            [("capabilities", "hasOwnProperty"), ("capabilities", "send-sms"), ("capabilities", IMG)],
        ]
    if "own_company_data_only" in params:
        cases += [
            [("own_company_data_only", "constructor"), ("access", "__proto__"), ("restrict_to_partners", IMG)],
            [
                ("own_company_data_only", "no"),
                ("communication_platform", "true"),
                ("access", "public"),
                ("restrict_to_partners", "yes"),
            ],
        ]
    if "app_type" in params:
        cases += [
            [("app_type", "__proto__"), ("interactive_messages", "1"), ("install_via_web", "True")],
            [("app_type", "add-in"), ("app_type", "bot"), ("interactive_messages", "constructor")],
        ]
    return cases


NO_INJECTION = """() => ({
    images: document.querySelectorAll('img[src="x"], img[onerror], [onerror]').length,
    bold: [...document.querySelectorAll('.decision-guide b')].length,
})"""


def test_hostile_urls(browser, base_url: str, site_dir: Path) -> None:
    problems = []
    loads = 0
    with recorded_page(browser, base_url) as rec:
        for url, names in guide_pages_without_plan(site_dir).items():
            for pairs in hostile_cases(names):
                where = f"/{url}{query(pairs)[:160]}"
                open_guides(rec, url + query(pairs))
                loads += 1
                states = guide_states(rec.page)
                expected = expected_outcomes(names, pairs)
                for name in names:
                    if states[name]["outcome"] != expected[name]:
                        problems.append(
                            f"{where} [{name}]: data-outcome {states[name]['outcome']!r}, expected {expected[name]!r}"
                        )
                injected = rec.page.evaluate(NO_INJECTION)
                if injected != {"images": 0, "bold": 0}:
                    problems.append(f"{where}: markup from the URL made it into the page: {injected}")
                problems += [f"{where}: {p}" for p in rec.problems()]
                rec.clear()
    assert loads >= 10
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


# 5. Start over --------------------------------------------------------------------------------


def test_start_over(browser, base_url: str, site_dir: Path) -> None:
    """ "Start over" empties its guide and takes its answers out of the URL; the rest of the URL stays."""
    with recorded_page(browser, base_url) as rec:
        page = rec.page
        for url, names in guide_pages_without_plan(site_dir).items():
            others = [("utm_source", "news letter"), ("ref", "a&b")]
            pairs = others[:1] + answered_pairs(names) + others[1:]
            open_guides(rec, url + query(pairs) + "#keep")
            before = guide_states(page)
            assert all(before[name]["outcome"] for name in names), f"/{url}: not every guide answered: {before}"
            remaining = list(pairs)
            for name in names:
                own = {q.name for q in GUIDES[name].questions}
                page.locator(f'.decision-guide[data-guide="{name}"] .decision-guide__reset').click()
                now = snapshot(page)
                state = now["guides"][name]
                first = GUIDES[name].questions[0].name
                assert (state["outcome"], state["checked"], state["visible"]) == ("", [], [first]), (
                    f"/{url} [{name}]: after Start over: {state}"
                )
                assert state["panels"] == 0 and state["title"] is None, f"/{url} [{name}]: a result is still shown"
                assert now["focus"][:2] == [name, first], f"/{url} [{name}]: focus after Start over: {now['focus']}"
                remaining = [(k, v) for k, v in remaining if k not in own]
                parts = urlsplit(now["url"])
                assert parse_qsl(parts.query) == remaining and parts.fragment == "keep", (
                    f"/{url} [{name}]: URL after Start over {now['url']}, expected the pairs {remaining} and #keep"
                )
                for other in names[names.index(name) + 1 :]:
                    assert now["guides"][other]["outcome"] == before[other]["outcome"], (
                        f"/{url}: Start over of {name} changed {other}"
                    )
            assert not rec.problems(), "\n".join(rec.problems())


# 6. Material's instant navigation ----------------------------------------------------------------


def nav_link(page, base_url: str, url: str):
    """The visible link of the primary navigation to ``url`` (relative to the site root)."""
    links = page.locator("nav.md-nav--primary a.md-nav__link[href]").filter(visible=True)
    for i in range(links.count()):
        if urljoin(page.url, links.nth(i).get_attribute("href") or "") == base_url + url:
            return links.nth(i)
    raise AssertionError(f"no visible link to /{url} in the primary navigation of {page.url}")


def test_instant_navigation(browser, base_url: str, site_dir: Path) -> None:
    """Guides work on pages reached by Material's instant navigation, and across back and forward."""
    first, second = list(guide_pages_without_plan(site_dir))[:2]
    guide_1, guide_2 = guide_pages_without_plan(site_dir)[first][0], guide_pages_without_plan(site_dir)[second][-1]
    ((q1, a1),) = list(deepest_answers(guide_1).items())[:1]
    ((q2, a2),) = list(deepest_answers(guide_2).items())[:1]
    with recorded_page(browser, base_url) as rec:
        page = rec.page
        serve_sitemap_as_if_deployed_here(rec, base_url, site_dir)
        full_loads: list[str] = []
        open_guides(rec, "")
        page.on("load", lambda p: full_loads.append(p.url))
        page.evaluate("window.__marker = 1")

        def follow(link, url: str) -> None:
            mark_content(page)
            link.click()
            page.wait_for_url(base_url + url)
            assert wait_for_swap(page), f"/{url}: Material did not swap the page in"

        def answer(name: str, question: str, value: str) -> None:
            root = page.locator(f'.decision-guide[data-guide="{name}"]')
            root.locator(f'input[data-question="{question}"][value="{value}"]').click()

        def expect(name: str, answers: dict[str, str]) -> None:
            now = snapshot(page)
            _, leaf = tree_walk(TREES[name], answers)
            expected = "" if leaf is None else TREES[name].leaves[leaf].id
            assert now["guides"][name]["outcome"] == expected, f"{now['url']} [{name}]: {now['guides'][name]}"
            assert sorted(map(tuple, now["guides"][name]["checked"])) == sorted(answers.items()), now["guides"][name]
            assert page.evaluate("window.__marker") == 1, f"{now['url']}: the page was loaded anew"

        follow(nav_link(page, base_url, first), first)
        expect(guide_1, {})
        answer(guide_1, q1, a1)
        expect(guide_1, {q1: a1})
        follow(nav_link(page, base_url, second), second)
        expect(guide_2, {})
        answer(guide_2, q2, a2)
        expect(guide_2, {q2: a2})
        assert page.evaluate("location.href") == base_url + second + query([(q2, a2)])

        go_back(page, swap=False)  # same page: the guide reads the URL again
        expect(guide_2, {})
        go_back(page)  # another page: Material fetches it and swaps it in
        assert page.evaluate("location.href") == base_url + first + query([(q1, a1)])
        expect(guide_1, {q1: a1})
        go_back(page, forward=True)
        expect(guide_2, {})
        go_back(page, forward=True, swap=False)
        assert page.evaluate("location.href") == base_url + second + query([(q2, a2)])
        expect(guide_2, {q2: a2})
        assert not full_loads, f"full page loads: {full_loads}"
        assert not rec.problems(), "\n".join(rec.problems())


# 7. Without JavaScript -------------------------------------------------------------------------

NO_JS_VIEW = """() => Object.fromEntries([...document.querySelectorAll('.decision-guide')].map((root) => {
    const paths = root.querySelector('details.decision-guide__paths');
    return [root.dataset.guide, {
        open: paths ? paths.open : null,
        shown: paths ? paths.checkVisibility() : false,
        formShown: root.querySelector('.decision-guide__form').checkVisibility(),
        panels: paths ? [...paths.querySelectorAll('[data-leaf-outcome]')].map((p) => [
            p.dataset.leafOutcome, p.querySelector('.decision-guide__title').textContent, p.checkVisibility(),
            [...p.querySelectorAll('.decision-guide__sources [data-source]')].filter((li) => li.checkVisibility())
                .map((li) => li.dataset.source)]) : [],
        tableSources: paths ? [...paths.querySelectorAll(':scope > .decision-guide__sources [data-source]')]
            .filter((li) => li.checkVisibility()).map((li) => li.dataset.source) : [],
        rows: paths ? [...paths.querySelectorAll('tbody tr')].map((tr) => tr.cells[0].textContent) : [],
    }];
}))"""


def test_without_javascript_every_path_is_shown(browser, base_url: str, site_dir: Path) -> None:
    checked = 0
    with recorded_page(browser, base_url, java_script_enabled=False) as rec:
        for url, names in guide_pages_without_plan(site_dir).items():
            rec.goto(url)
            view = rec.page.evaluate(NO_JS_VIEW)
            for name in names:
                got = view[name]
                assert got["open"] and got["shown"], f"/{url} [{name}]: every-path view not open and visible: {got}"
                assert not got["formShown"], f"/{url} [{name}]: the form shows without JavaScript"
                if name == "permissions":
                    assert got["rows"] == [o.label for o in CAPABILITIES.options], f"/{url}: table rows {got['rows']}"
                    every = permissions(capabilities=CAPABILITIES.ids).sources  # one needs approval: every source
                    assert got["tableSources"] == list(every), f"/{url}: the table's sources {got['tableSources']}"
                else:
                    leaves = [[leaf.id, leaf.title, True, list(leaf.sources)] for leaf in TREES[name].leaves]
                    assert got["panels"] == leaves, f"/{url} [{name}]: panels {got['panels']}, expected {leaves}"
                checked += 1
            assert not rec.problems(), "\n".join(rec.problems())
    assert checked >= len(TREE_GUIDES) + 1


# 8. Accessibility and small screens --------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_on_guide_pages(browser, base_url: str, site_dir: Path, scheme: str) -> None:
    report = []
    with recorded_page(browser, base_url, color_scheme=scheme) as rec:
        for url, names in guide_pages_without_plan(site_dir).items():
            for pairs in ([], answered_pairs(names)):
                open_guides(rec, url + query(pairs))
                set_color_scheme(rec.page, scheme)  # type: ignore[arg-type]
                assert color_scheme_of(rec.page) == scheme
                states = guide_states(rec.page)
                assert all(bool(states[n]["outcome"]) == bool(pairs) for n in names), f"/{url}{query(pairs)}: {states}"
                report += axe_violations(rec.page)
        assert not rec.problems(), "\n".join(rec.problems())
    assert not report, f"axe-core, {scheme} scheme:\n\n" + "\n\n".join(report)


def test_no_horizontal_overflow_at_360px(browser, base_url: str, site_dir: Path) -> None:
    overflow = []
    viewport = {"width": 360, "height": 780}
    for javascript in (True, False):
        with recorded_page(browser, base_url, viewport=viewport, java_script_enabled=javascript) as rec:
            for url, names in guide_pages_without_plan(site_dir).items():
                for pairs in ([], answered_pairs(names)) if javascript else ([],):
                    rec.page.goto(base_url + url + query(pairs), wait_until="load")
                    width = rec.page.evaluate("document.documentElement.scrollWidth")
                    if width > viewport["width"]:
                        wide = rec.page.evaluate("""() => [...document.querySelectorAll('.md-content *')]
                            .filter((el) => el.getBoundingClientRect().right > 360).slice(0, 3)
                            .map((el) => el.outerHTML.slice(0, 100))""")
                        overflow.append(
                            f"/{url}{query(pairs)} (JavaScript {'on' if javascript else 'off'}): "
                            f"scrollWidth {width} > 360; e.g. {wide}"
                        )
            assert not rec.problems(), "\n".join(rec.problems())
    assert not overflow, "\n".join(overflow)
