"""Each code block has Material's copy button (``content.code.copy``), and it copies its block, on
a page opened directly or reached by instant navigation; without JavaScript it is not shown."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from browser_tools import recorded_page, site_pages
from guide_tools import serve_sitemap_as_if_deployed_here

if TYPE_CHECKING:
    from playwright.sync_api import Page


# Each copy button on the page: what it copied (the clipboard) and what Material said.
COPY_EACH = """async () => {
    const results = [];
    for (const button of document.querySelectorAll('article pre > .md-code__nav > button[data-md-type=copy]')) {
        await navigator.clipboard.writeText('');
        button.click();
        const code = button.closest('pre').querySelector(':scope > code');
        results.push({ copied: await navigator.clipboard.readText(), code: code.textContent });
    }
    return results;
}"""


def copy_problems(page: Page, where: str) -> list[str]:
    """Click each copy button of the page: what differs from its block's text, one line each."""
    results = page.evaluate(COPY_EACH)
    problems = [
        f"{where} block {i + 1}: copied {r['copied'][:60]!r}..."
        for i, r in enumerate(results)
        if r["copied"].strip() != r["code"].strip()
    ]
    if not results:
        problems.append(f"{where}: no copy button")
    elif "Copied to clipboard" not in page.locator(".md-dialog").text_content():
        problems.append(f"{where}: Material did not say it copied")
    return problems


def test_each_copy_button_copies_its_block(browser, base_url: str, site_dir: Path) -> None:
    """Every code block of the site, each page opened directly."""
    problems = []
    with recorded_page(browser, base_url, permissions=["clipboard-read", "clipboard-write"]) as rec:
        for page in site_pages(site_dir):
            if "<pre" not in page.path.read_text(encoding="utf-8"):
                continue
            rec.goto(page.url)
            problems += copy_problems(rec.page, f"/{page.url}")
        problems += rec.problems()
    assert not problems, "\n".join(problems)


def test_copy_works_after_instant_navigation(browser, base_url: str, site_dir: Path) -> None:
    """Instant navigation swaps the content in: the new page's buttons copy their own blocks."""
    with recorded_page(browser, base_url, permissions=["clipboard-read", "clipboard-write"]) as rec:
        serve_sitemap_as_if_deployed_here(rec, base_url, site_dir)
        rec.goto("authentication/")
        rec.page.evaluate("() => { window.sameDocument = true; }")
        rec.page.locator(".md-sidebar--primary a[href$='writing-guides/']").first.click()
        rec.page.wait_for_url("**/writing-guides/")
        rec.page.wait_for_function("() => document.querySelectorAll('article pre').length > 2")
        problems = copy_problems(rec.page, "writing-guides/ after instant navigation") + rec.problems()
        assert rec.page.evaluate("() => window.sameDocument === true"), "a full load, not an instant navigation"
    assert not problems, "\n".join(problems)


def test_without_javascript_no_copy_button_shows(browser, base_url: str) -> None:
    with recorded_page(browser, base_url, java_script_enabled=False) as rec:
        rec.goto("authentication/")
        assert rec.page.locator("article pre").count() > 0, "the page has no code block to look at"
        shown = rec.page.evaluate(
            "() => [...document.querySelectorAll('.md-code__nav')].map((n) => n.checkVisibility())"
        )
        assert not any(shown), f"copy buttons shown without JavaScript: {shown}"
