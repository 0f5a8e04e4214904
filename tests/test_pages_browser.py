"""Every page of the built site in Chromium: no console error, no page error, nothing from another host.

Also: clicking a link of the navigation uses Material's instant navigation (no full reload), and
the new page's article shows.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

import pytest

from browser_tools import MATERIAL_SCHEMES, color_scheme_of, parse_html, recorded_page, set_color_scheme, site_pages
from conftest import Engine
from guide_tools import serve_sitemap_as_if_deployed_here

if TYPE_CHECKING:
    from playwright.sync_api import Page


def test_every_page_loads_without_errors(browser, base_url: str, site_dir: Path) -> None:
    problems = []
    pages = site_pages(site_dir)
    with recorded_page(browser, base_url) as rec:
        for page in pages:
            response = rec.page.goto(base_url + page.url, wait_until="networkidle")
            if response is None or response.status != 200:
                problems.append(f"/{page.url}: HTTP {response.status if response else 'no response'}")
            expected_title = parse_html(page.path).title
            if rec.page.title() != expected_title:
                problems.append(f"/{page.url}: title {rec.page.title()!r}, built as {expected_title!r}")
            problems += [f"/{page.url}: {problem}" for problem in rec.problems()]
            rec.clear()
    if problems:
        pytest.fail(f"{len(problems)} problems on {len(pages)} pages:\n" + "\n".join(problems), pytrace=False)


def test_nav_link_uses_instant_navigation(browser, base_url: str, site_dir: Path) -> None:
    with recorded_page(browser, base_url) as rec:
        serve_sitemap_as_if_deployed_here(rec, base_url, site_dir)
        page = rec.page
        rec.goto("")
        start_url, start_title = page.url, page.title()
        links = page.locator("nav.md-nav--primary a.md-nav__link[href]").filter(visible=True)
        target = None
        for i in range(links.count()):
            href = links.nth(i).get_attribute("href") or ""
            url = urljoin(start_url, href)
            if urlsplit(url).netloc == urlsplit(start_url).netloc and url.split("#")[0] != start_url.split("#")[0]:
                target = links.nth(i)
                break
        assert target is not None, "no visible link to another page in the primary navigation"
        expected_url = urljoin(start_url, href)
        path = urlsplit(expected_url).path.lstrip("/")
        expected_title = parse_html(
            site_dir / path / "index.html" if not path.endswith(".html") else site_dir / path
        ).title
        assert expected_title != start_title, "the home page and the target page have the same title"

        full_loads: list[str] = []
        page.on("load", lambda p: full_loads.append(p.url))
        page.evaluate("window.__instantNavigationProbe = 'still here'")
        target.click()
        page.wait_for_url(expected_url)
        page.wait_for_function("title => document.title === title", arg=expected_title)

        assert page.evaluate("window.__instantNavigationProbe") == "still here", "the click reloaded the whole page"
        assert not full_loads, f"full page loads during instant navigation: {full_loads}"
        assert not rec.problems(), "\n".join(rec.problems())


@pytest.mark.parametrize(
    ("query", "page"),
    [
        ("refresh tokens", "authentication/"),
        ("pixie", "authentication/"),
        ("carrier partners", "security/"),
        ("Client Secret", "next-steps/"),
    ],
)
def test_search_finds_the_page(browser, base_url: str, engine: Engine, query: str, page: str) -> None:
    """The theme's search, as a reader uses it: open it, type, and the page is among the results."""
    with recorded_page(browser, base_url) as rec:
        rec.goto("")
        rec.page.keyboard.press("/")
        ready = rec.page.locator(engine.search_ready)
        (ready.filter(has_not_text=engine.search_busy) if engine.search_busy else ready).wait_for()
        rec.page.keyboard.type(query)
        results = rec.page.locator(engine.search_results)
        results.first.wait_for()
        hrefs = [urlsplit(href).path for href in results.evaluate_all("links => links.map(a => a.href)")]
        assert f"/{page}" in hrefs, hrefs
        assert not rec.problems(), "\n".join(rec.problems())


def assert_palette_tags_follow_the_header(page: Page) -> None:
    """The color-scheme and theme-color tags say what the header shows once its style is final, as
    Material's palette component writes them: its computed ``color-scheme`` (no tag for "normal")
    and its background as ``#rrggbb``."""
    tags, header = page.evaluate(
        """() => {
            const tag = (name) => document.head.querySelector(`meta[name=${name}]`)?.content ?? null;
            const style = getComputedStyle(document.querySelector("[data-md-component=header]"));
            return [[tag("color-scheme"), tag("theme-color")], [style.colorScheme, style.backgroundColor]];
        }"""
    )
    scheme, background = header
    red, green, blue = (int(part) for part in re.findall(r"\d+", background)[:3])
    assert tags == [None if scheme == "normal" else scheme, f"#{red:02x}{green:02x}{blue:02x}"], (tags, header)


@pytest.mark.parametrize("system", ["light", "dark"])
def test_palette_toggle(browser, base_url: str, system: str) -> None:
    """The site's own palette toggle (overrides/scripts/palette-toggle.html) does what Material's did: a first visit
    follows the system scheme, a click or Enter switches, the choice holds on the next page."""
    other = next(s for s in MATERIAL_SCHEMES if s != system)
    with recorded_page(browser, base_url, color_scheme=system) as rec:
        page = rec.page
        rec.goto("")
        assert color_scheme_of(page) == system, "a first visit does not follow the system's scheme"
        shown = page.locator("form[data-palette-toggle] label.md-header__button:not([hidden])")
        assert shown.count() == 1, f"{shown.count()} palette toggles shown, expected one"
        assert_palette_tags_follow_the_header(page)

        set_color_scheme(page, other)
        assert color_scheme_of(page) == other
        assert_palette_tags_follow_the_header(page)
        rec.goto("start/")
        assert color_scheme_of(page) == other, "the choice was not kept for the next page"

        page.locator("form[data-palette-toggle] input:checked").focus()
        page.keyboard.press("Enter")
        page.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg=MATERIAL_SCHEMES[system])
        page.wait_for_function("() => !document.body.hasAttribute('data-md-color-switching')")
        assert not rec.problems(), "\n".join(rec.problems())
