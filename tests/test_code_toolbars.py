"""Each code block's copy button is in the built page (macros/code_toolbars.py; issue 10), and it
copies its block, on a page opened directly or reached by instant navigation; without JavaScript
it is not shown."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from mkdocs.config import load_config

from browser_tools import recorded_page, site_pages
from conftest import REPO_ROOT, Engine
from guide_tools import serve_sitemap_as_if_deployed_here
from macros.code_toolbars import TARGET_PREFIX, add_toolbars, copy_label, toolbar

if TYPE_CHECKING:
    from playwright.sync_api import Page

BLOCK = '<div class="highlight"><pre><span></span><code><span class="n">x</span>\n</code></pre></div>'
PRE = re.compile(r"<pre\b.*?</pre>", re.DOTALL)


def test_each_block_gets_a_numbered_toolbar_before_its_code() -> None:
    got = add_toolbars(f"<p>a</p>{BLOCK}<p>b</p>{BLOCK}", "Copy")
    first, second = PRE.findall(got)
    assert first.startswith(f'<pre><span></span>{toolbar(0, "Copy")}<code id="{TARGET_PREFIX}0">')
    assert second.startswith(f'<pre><span></span>{toolbar(1, "Copy")}<code id="{TARGET_PREFIX}1">')

    def with_id(index: int) -> str:
        return BLOCK.replace("<code>", f'<code id="{TARGET_PREFIX}{index}">')

    assert got.replace(toolbar(0, "Copy"), "").replace(toolbar(1, "Copy"), "") == (
        f"<p>a</p>{with_id(0)}<p>b</p>{with_id(1)}"
    )


def test_the_toolbar_is_materials_in_a_span_with_a_target_of_its_own() -> None:
    assert toolbar(2, 'Copy "this"') == (
        '<span class="md-code__nav"><button class="md-code__button" title="Copy &quot;this&quot;" '
        f'data-clipboard-target="#{TARGET_PREFIX}2" data-md-type="copy"></button></span>'
    )


def test_a_page_without_code_is_unchanged() -> None:
    assert add_toolbars("<p>no <code>pre</code> here</p>", "Copy") == "<p>no <code>pre</code> here</p>"


@pytest.mark.parametrize("odd", ['<pre class="mermaid">graph</pre>', "<pre>plain</pre>", "<pre><code>x</code></pre>"])
def test_a_pre_that_is_not_a_highlighted_block_is_refused(odd: str) -> None:
    with pytest.raises(ValueError, match="not a highlighted code block") as raised:
        add_toolbars(f"{BLOCK}{odd}", "Copy")
    assert odd[:12] in str(raised.value), "the message does not show the <pre> it refused"


def test_the_title_is_materials_translation() -> None:
    """English here; the hook asks Material's own translations, so another language follows."""
    config = load_config(str(REPO_ROOT / "mkdocs.yml"))
    assert copy_label(config) == "Copy to clipboard"
    config["theme"]["language"] = "de"
    assert copy_label(config) == "In Zwischenablage kopieren"


def test_every_built_code_block_has_one_toolbar_that_targets_its_code(site_dir: Path, engine: Engine) -> None:
    if not engine.runs_hooks:
        pytest.skip(f"{engine.name} runs no MkDocs hooks: its script builds the toolbars (zensical.yml)")
    counted, problems = 0, []
    for page in site_pages(site_dir):
        for index, pre in enumerate(PRE.findall(page.path.read_text(encoding="utf-8"))):
            counted += 1
            targets = re.findall(r'data-clipboard-target="#([^"]+)"', pre)
            ids = re.findall(r'<code id="([^"]+)"', pre)
            toolbars = pre.count('class="md-code__nav"')
            if toolbars != 1 or targets != ids or ids != [f"{TARGET_PREFIX}{index}"]:
                problems.append(
                    f"/{page.url} block {index + 1}: toolbars {toolbars}, targets {targets}, code ids {ids}"
                )
    assert counted > 5, "the site has code blocks: the pattern found too few"
    assert not problems, "\n".join(problems)


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


def test_without_javascript_no_copy_button_shows(browser, base_url: str, engine: Engine) -> None:
    with recorded_page(browser, base_url, java_script_enabled=False) as rec:
        rec.goto("authentication/")
        shown = rec.page.evaluate(
            "() => [...document.querySelectorAll('.md-code__nav')].map((n) => n.checkVisibility())"
        )
        assert shown or not engine.runs_hooks, "the built page has no copy buttons to hide"
        assert not any(shown), f"copy buttons shown without JavaScript: {shown}"
