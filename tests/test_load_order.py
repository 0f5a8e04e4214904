"""Material's script runs after the page's first paint (overrides/main.html; issue 10), and
nothing of Material is lost or doubled by that.

- in the HTML, Material's bundle is an inert data block (``type="text/plain"``, ``data-src``), named
  once, and the file exists; the guides' script is a live one; a reader without JavaScript keeps
  ``no-js``;
- in Chromium, on every page: the first contentful paint comes before the bundle starts; then
  Material mounts once (one toolbar per code block, each table in one wrapper, the search form
  working); no stylesheet or script is requested
  twice (Material's instant navigation used to load every stylesheet again); nothing that
  restyles the whole page changes after the first paint (an attribute of ``<html>`` or
  ``<body>``, the color-scheme meta tag); and the page reports no error;
- on a phone, nothing the reader sees moves while Material and the guides start, on every page
  (zero layout shift, as Lighthouse measures it);
- nor when the page arrives in two parts: the server stops in the middle of a table, of a guide's
  button or of the article, the browser paints what it has, and the rest comes later; a guide's
  page opened from a shared link too. The article stays hidden until the marker after the guides'
  script is parsed (``#__content-ready``, overrides/main.html), so the reader never sees it half
  built or a guide not yet set up.
"""

from __future__ import annotations

import contextlib
import random
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from benchmarks.common import StaticHandler, static_server
from browser_tools import SitePage, parse_html, recorded_page, site_pages, wait_for_material
from conftest import Engine
from guide_tools import answered_pairs, guide_pages, query
from test_plan_browser import plan_pairs, random_plan

INERT = re.compile(r'<script type="text/plain" data-after-paint data-src="([^"]+)"></script>')
GUIDES_SCRIPT = re.compile(r'<script src="[^"]*assets/guides\.js"></script>')
BUNDLE_FILE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
CONTENT_READY = '<template id="__content-ready"></template>'


def test_material_bundle_is_inert_in_the_html(site_dir: Path) -> None:
    problems = []
    for page in site_pages(site_dir):
        html = page.path.read_text(encoding="utf-8")
        inert = INERT.findall(html)
        if len(inert) != 1 or not BUNDLE_FILE.search(inert[0]):
            problems.append(f"/{page.url}: the inert scripts are {inert}, not Material's bundle alone")
            continue
        if len(GUIDES_SCRIPT.findall(html)) != 1:
            problems.append(f"/{page.url}: the guides' script is not there once as a live <script src>")
        src = inert[0]
        target = (page.path.parent / src) if not src.startswith("/") else site_dir / src.lstrip("/")
        if not target.resolve().is_file():
            problems.append(f"/{page.url}: {src} is no file of the site")
        name = src.rsplit("/", 1)[-1]
        if html.count(name) != 1:
            problems.append(f"/{page.url}: {name} is named {html.count(name)} times (a second, live script?)")
        guides = GUIDES_SCRIPT.search(html)
        if html.count(CONTENT_READY) != 1 or not guides or not html[guides.end() :].lstrip().startswith(CONTENT_READY):
            problems.append(f"/{page.url}: {CONTENT_READY} is not there once, right after the guides' script")
        if not re.search(r'<html [^>]*class="no-js"', html):
            problems.append(f'/{page.url}: <html> lost class="no-js" (a reader without JavaScript needs it)')
    assert not problems, "\n".join(problems)


# Recorded from the document's start: every change, after the first contentful paint, of what makes
# the browser restyle the whole page: an attribute of <html> or <body> (Material's focus-visible
# polyfill marks <html>; the palette marks <body>), or the color-scheme meta tag (the palette writes
# it). Each made the browser restyle every element after the paint (issue 10; README, causes 6, 7).
LATE_CHANGES = """
window.__lateChanges = [];
new MutationObserver((records) => {
    if (!performance.getEntriesByName('first-contentful-paint').length) return;
    for (const r of records) {
        const el = r.target;
        if (r.type === 'attributes') {
            const now = el.getAttribute(r.attributeName);
            const watched = el === document.documentElement || el === document.body
                || (el.localName === 'meta' && el.name === 'color-scheme');
            if (watched && now !== r.oldValue) {
                window.__lateChanges.push(`<${el.localName}> ${r.attributeName}: ${r.oldValue} -> ${now}`);
            }
        } else {
            for (const n of r.addedNodes) {
                if (n.localName === 'meta' && n.name === 'color-scheme') {
                    window.__lateChanges.push(`<meta name=color-scheme> added: ${n.content}`);
                }
            }
        }
    }
}).observe(document, { subtree: true, childList: true, attributes: true, attributeOldValue: true });
"""

# One round trip: paint and marks, and what Material built.
STATE = """() => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
    const pres = [...document.querySelectorAll('article pre')];
    const tables = [...document.querySelectorAll('article table:not([class])')];
    return {
        fcp: at('first-contentful-paint'),
        start: at('material-start'),
        mounted: at('material-mounted'),
        toolbars: pres.map((pre) => pre.querySelectorAll(':scope > .md-code__nav').length),
        wraps: tables.map((t) => {
            let n = 0;
            for (let el = t.parentElement; el; el = el.parentElement) n += el.matches('.md-typeset__table');
            return n;
        }),
        classes: [...document.documentElement.classList],
        search: !!document.querySelector('.md-search[role=dialog]'),
        late: window.__lateChanges,
    };
}"""


def test_material_runs_after_the_first_paint_and_mounts_once(
    browser, base_url: str, site_dir: Path, engine: Engine
) -> None:
    problems = []
    pages = site_pages(site_dir)
    for page in pages:
        with recorded_page(browser, base_url) as rec:
            requested: list[str] = []
            rec.page.on("request", lambda request, log=requested: log.append(request.url))
            rec.page.add_init_script(LATE_CHANGES)
            rec.goto(page.url, wait_until="load")
            got = rec.page.evaluate(STATE)
            where = f"/{page.url}"
            if got["fcp"] is None or got["start"] is None or not got["fcp"] <= got["start"] <= got["mounted"]:
                times = f"first paint {got['fcp']}, bundle start {got['start']}, mounted {got['mounted']}"
                problems.append(f"{where}: not in that order: {times}")
            if any(n != 1 for n in got["toolbars"]):
                problems.append(f"{where}: code block toolbars per block {got['toolbars']} (each should have one)")
            if any(n != 1 for n in got["wraps"]):
                problems.append(f"{where}: table wrappers per table {got['wraps']} (each should have one)")
            if "js" not in got["classes"] or "no-js" in got["classes"] or not got["search"]:
                problems.append(f"{where}: <html> classes {got['classes']}, search form {got['search']}")
            if got["late"]:
                problems.append(f"{where}: changed after the first paint (a restyle of every element): {got['late']}")
            assets = [url for url in requested if urlsplit(url).path.endswith((".css", ".js"))]
            twice = sorted({url for url in assets if assets.count(url) > 1})
            if twice:
                problems.append(f"{where}: requested more than once: {twice}")
            problems += [f"{where}: {problem}" for problem in rec.problems()]
            expected_title = parse_html(page.path).title
            if rec.page.title() != expected_title:
                problems.append(f"{where}: title {rec.page.title()!r}, built as {expected_title!r}")
    assert len(pages) > 5
    assert not problems, f"{len(problems)} problems on {len(pages)} pages:\n" + "\n".join(problems)


# Every layout shift of the load, as the browser reports it (Layout Instability API), and where.
# Layout shifts are not in performance.getEntries(): only a buffered observer gets them, and its
# callback comes only when there are some.
SHIFTS = """() => new Promise((resolve) => {
    const found = (entries) => entries.filter((e) => !e.hadRecentInput).map((e) => ({
        value: e.value,
        at: Math.round(e.startTime),
        nodes: e.sources.map((s) => s.node ? (s.node.id || s.node.className || s.node.nodeName) : '?'),
    }));
    const observer = new PerformanceObserver((list) => resolve(found(list.getEntries())));
    observer.observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => resolve([]), 200);
})"""


# Lighthouse's phone (its mobile preset's screen), and a desktop. On a desktop, Material's table
# wrapper used to move what follows a table by 8-10 px when it wrapped the table after the first
# paint; the MkDocs build writes the wrapper into the page (macros/table_wrappers.py), Zensical's
# does not, so the desktop is checked where the build hooks ran. Guides opened from a shared link
# are in the two-part test below.
PHONE = {"width": 412, "height": 823}
DESKTOP = {"width": 1280, "height": 800}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_no_layout_shift_while_material_starts(
    browser, base_url: str, site_dir: Path, engine: Engine, viewport: dict[str, int]
) -> None:
    """Zero layout shift: Material's script, run after the first paint, moves nothing the reader sees."""
    if viewport is DESKTOP and not engine.runs_hooks:
        pytest.skip(f"{engine.name} runs no MkDocs hooks: Material wraps its tables after the first paint")
    urls = [page.url for page in site_pages(site_dir)]
    shifted = []
    for url in urls:
        with recorded_page(browser, base_url, viewport=viewport) as rec:
            rec.page.goto(base_url + url, wait_until="load")
            wait_for_material(rec.page)
            rec.page.wait_for_timeout(300)  # Material's toolbars and the tabs' indicator settle
            shifts = rec.page.evaluate(SHIFTS)
            if shifts:
                shifted.append(f"/{url}: {shifts}")
            assert not rec.problems(), "\n".join(rec.problems())
    assert not shifted, f"layout shifts at {viewport}:\n" + "\n".join(shifted)


# Where each image of the article is, in screens from the top, and how it loads. An image far
# below the first screen was fetched, decoded and painted with the first paint all the same: on
# authentication/ its two diagrams took 35 ms of that paint (issue 10; README, cause 13). Chromium
# fetches a lazy image when it comes within about two screens of the reader.
IMAGES = """() => [...document.querySelectorAll('article img')].map((img) => ({
    src: img.getAttribute('src'),
    screens: (img.getBoundingClientRect().top + scrollY) / innerHeight,
    loading: img.getAttribute('loading'),
    fetched: performance.getEntriesByName(img.src).length > 0,
}))"""


def test_images_below_the_first_screens_load_when_the_reader_comes_near(browser, base_url: str, site_dir: Path) -> None:
    """On a phone: an image more than two screens down is lazy and not fetched with the page; an
    image in the first screen (a candidate for the largest paint) is not lazy."""
    problems, seen = [], 0
    for page in site_pages(site_dir):
        with recorded_page(browser, base_url, viewport=PHONE) as rec:
            rec.goto(page.url)
            for image in rec.page.evaluate(IMAGES):
                seen += 1
                where = f"/{page.url} {image['src']} ({image['screens']:.1f} screens down)"
                if image["screens"] > 2 and (image["loading"] != "lazy" or image["fetched"]):
                    problems.append(f"{where}: loading={image['loading']}, fetched: {image['fetched']}")
                if image["screens"] < 1 and image["loading"] == "lazy":
                    problems.append(f"{where}: lazy in the first screen")
            problems += rec.problems()
    assert seen >= 3, "the site's diagrams were not found"
    assert not problems, "\n".join(problems)


# Where a page's HTML stops for a while, inside its article: after the first row of its first
# table's body, after the start tag of its first button (a guide's "Start over"), or, on a page
# with neither, in the middle. Each is a place where a frame painted then used to show something
# whose size the rest changes (CI saw a table's columns move on writing-guides/, and a guide's
# button grow on features/; a guide opened from a shared link moved when its script filled it in).
BREAKS = {
    "a table": re.compile(rb"<tbody>\s*<tr>.*?</tr>", re.DOTALL),
    "a button": re.compile(rb"<button[^>]*>"),
}


def breaks(html: bytes) -> dict[str, int]:
    """The byte offsets at which ``html`` is cut in two, by what the cut falls in."""
    start, end = html.index(b"<article"), html.index(b"</article>")
    found = {what: m.end() for what, pattern in BREAKS.items() if (m := pattern.search(html, start, end))}
    return found or {"the article": html.index(b">", (start + end) // 2) + 1}


class _TwoPartHandler(StaticHandler):
    """The site's files; the one page in ``cut`` (URL path, byte offset) comes in two parts, the
    second once ``resume`` is set."""

    cut: tuple[str, int] = ("", 0)
    resume = threading.Event()

    def do_GET(self) -> None:
        url, at = self.cut
        if urlsplit(self.path).path != url:
            super().do_GET()
            return
        path = Path(self.translate_path(self.path))
        body = (path / "index.html" if path.is_dir() else path).read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body[:at])
        self.wfile.flush()
        self.resume.wait(timeout=30)
        self.wfile.write(body[at:])


@contextlib.contextmanager
def two_part_server(site_dir: Path) -> Iterator[tuple[str, type[_TwoPartHandler]]]:
    """The site, served as the other tests serve it: its base URL, and the handler class to set
    ``cut`` and ``resume`` on."""
    handler = type("Handler", (_TwoPartHandler,), {"resume": threading.Event()})
    with static_server(site_dir, handler=handler) as base_url:
        try:
            yield base_url, handler
        finally:
            handler.resume.set()


PAINTED = "() => performance.getEntriesByName('first-contentful-paint').length > 0"
HALF_LOADED = """() => ({
    loading: document.readyState === 'loading',
    article: getComputedStyle(document.querySelector('article')).visibility,
    header: getComputedStyle(document.querySelector('.md-header')).visibility,
})"""


@dataclass(frozen=True)
class TwoPartLoad:
    """One page opened at ``url`` (with a shared link's answers, or not), its HTML cut at ``at``."""

    page: SitePage
    url: str
    cut_in: str
    at: int


def two_part_loads(site_dir: Path) -> list[TwoPartLoad]:
    """Each page at each of its cuts; a guide's page also opened from a shared link (every guide of
    it answered along its longest path, the planner with a seeded plan), cut just before the
    guides' script, when the whole article has come but its guides are not set up yet."""
    answered = {}
    for url, names in guide_pages(site_dir).items():
        pairs = answered_pairs([name for name in names if name != "plan_app"])
        if "plan_app" in names:
            pairs += plan_pairs(random_plan(random.Random(0)))
        answered[url] = query(pairs)
    loads = []
    for page in site_pages(site_dir):
        html = page.path.read_bytes()
        loads += [TwoPartLoad(page, page.url, what, at) for what, at in breaks(html).items()]
        if answered.get(page.url):
            before_guides = html.rindex(b"<script", 0, html.index(b'assets/guides.js"'))
            loads.append(TwoPartLoad(page, page.url + answered[page.url], "front of the guides' script", before_guides))
    return loads


def test_a_page_that_arrives_in_two_parts_shows_its_article_whole(browser, site_dir: Path) -> None:
    """While the rest of the page is on its way, the header is painted and the article is not;
    once it has come, the article shows, and nothing has moved (on a phone)."""
    problems, loads = [], two_part_loads(site_dir)
    with two_part_server(site_dir) as (base_url, handler):
        for load in loads:
            where = f"/{load.url}, cut in {load.cut_in}"
            handler.cut = ("/" + load.page.url, load.at)
            handler.resume.clear()
            with recorded_page(browser, base_url, viewport=PHONE) as rec:
                rec.page.goto(base_url + load.url, wait_until="commit")
                rec.page.wait_for_function(PAINTED)
                half = rec.page.evaluate(HALF_LOADED)
                handler.resume.set()
                rec.page.wait_for_load_state("load")
                wait_for_material(rec.page)
                shifts = rec.page.evaluate(SHIFTS)
                shown = rec.page.evaluate(HALF_LOADED)
                if half != {"loading": True, "article": "hidden", "header": "visible"}:
                    problems.append(f"{where}: painted while half loaded as {half}")
                if shown["article"] != "visible":
                    problems.append(f"{where}: the article is {shown['article']} once the page has come")
                if shifts:
                    problems.append(f"{where}: layout shifts {shifts}")
                problems += [f"{where}: {problem}" for problem in rec.problems()]
    assert len(loads) > len(site_pages(site_dir)) and any(load.url != load.page.url for load in loads)
    assert not problems, "\n".join(problems)
