"""Weight budgets, fast: the guides' own JS and CSS, the SVGs, and what the guides add to a page.

The measures are devtools/weights.py's, the limits devtools/budgets.py's, so this test and
`python -m benchmarks` measure alike. The last tests feed the same checks inputs over budget, so
each check here is shown able to fail.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from devtools import budgets
from devtools import weights as w

REPO_ROOT = Path(__file__).resolve().parents[1]
GUIDES_JS = REPO_ROOT / "docs" / "assets" / "guides.js"
GUIDES_CSS = REPO_ROOT / "docs" / "assets" / "guides.css"
IMG_DIR = REPO_ROOT / "img"


def over_guide_assets(assets: w.GuideAssets) -> str | None:
    if assets.total_gzipped < budgets.GUIDES_ASSETS_MAX_GZIP:
        return None
    return (
        f"guides.js ({assets.js_gzipped} B) + guides.css ({assets.css_gzipped} B) gzipped = "
        f"{assets.total_gzipped} B, budget < {budgets.GUIDES_ASSETS_MAX_GZIP} B"
    )


def oversized_svgs(img_dir: Path) -> list[str]:
    return [
        f"{p.name}: {p.stat().st_size} B (budget <= {budgets.SVG_MAX_BYTES} B)"
        for p in sorted(img_dir.glob("*.svg"))
        if p.stat().st_size > budgets.SVG_MAX_BYTES
    ]


def heavy_guide_pages(pages: list[w.GuidePageWeight]) -> list[str]:
    return [
        f"{p.page}: guides add {p.added_gzipped} B gzipped ({p.markup_gzipped} B markup of {p.guides} guide(s) "
        f"+ {p.assets_gzipped} B JS/CSS), budget <= {budgets.GUIDE_PAGE_ADDED_MAX_GZIP} B"
        for p in pages
        if p.added_gzipped > budgets.GUIDE_PAGE_ADDED_MAX_GZIP
    ]


# --- The budgets -------------------------------------------------------------------------------------


def test_guides_js_and_css_are_small() -> None:
    problem = over_guide_assets(w.guide_assets(GUIDES_JS, GUIDES_CSS))
    assert problem is None, problem


def test_guides_use_no_framework() -> None:
    problems = w.framework_problems(
        GUIDES_JS.read_text(encoding="utf-8"), GUIDES_CSS.read_text(encoding="utf-8"), budgets.GUIDES_MAX_LINES
    )
    assert not problems, "\n".join(problems)


def test_every_svg_is_small() -> None:
    assert sorted(IMG_DIR.glob("*.svg")), f"no SVG in {IMG_DIR}: nothing was measured"
    problems = oversized_svgs(IMG_DIR)
    assert not problems, "\n".join(problems)


def test_each_guide_page_adds_little(site_dir: Path) -> None:
    """What a reader downloads for the guides: their markup, and their JS and CSS as served."""
    served = w.served_guide_assets(site_dir)
    assert {asset.kind for asset in served} == {"js", "css"}, served
    assets = sum(asset.gzipped for asset in served)
    pages = w.guide_page_weights(site_dir, assets)
    assert pages, "no built page holds a .decision-guide element: nothing was measured"
    problems = heavy_guide_pages(pages)
    assert not problems, "\n".join(problems)


# --- Each check above can fail -----------------------------------------------------------------------

GUIDE_OPEN = '<div class="decision-guide" id="guide-x" data-guide="x">'


def _page(guide_body: str) -> str:
    return (
        f"<!doctype html><html><body><h1>Page</h1><div class=\"md-content\"><p>Before.</p>\n"
        f"{GUIDE_OPEN}<form><div class=\"decision-guide__option\"><div>nested</div></div></form>{guide_body}</div>\n"
        f"<p>After.</p></div></body></html>"
    )


def test_guide_removal_takes_the_whole_element_and_nothing_else() -> None:
    html = _page("<div><p>more</p></div>")
    stripped = w.strip_guides(html)
    assert "decision-guide" not in stripped and "nested" not in stripped and "more" not in stripped
    assert "<p>Before.</p>" in stripped and "<p>After.</p></div></body></html>" in stripped
    assert stripped.count("<div") == stripped.count("</div>")
    # Guides that only mention the class, or sit in a code sample, are left alone.
    other = '<div class="decision-guide__plan">x</div><pre><code>&lt;div class="decision-guide"&gt;</code></pre>'
    assert w.guide_spans(other) == []
    with pytest.raises(ValueError):
        w.guide_spans(GUIDE_OPEN + "<div>never closed")


def test_the_checks_catch_budgets_blown(tmp_path: Path) -> None:
    # guides.js + guides.css: incompressible bytes over the budget.
    js, css = tmp_path / "guides.js", tmp_path / "guides.css"
    js.write_text(os.urandom(2 * budgets.GUIDES_ASSETS_MAX_GZIP).hex())  # random hex: gzip halves it, no more
    css.write_text(".a{}\n")
    assert over_guide_assets(w.guide_assets(js, css)) is not None

    # No framework: each kind of import, and length.
    for script in (
        'import { x } from "./x.js";\n',
        'import "./x.js";\n',
        "const m = await import('./m.js');\n",
        "const x = require('x');\n",
        "let a = 1;\n" * budgets.GUIDES_MAX_LINES,
    ):
        assert w.framework_problems(script, "", budgets.GUIDES_MAX_LINES), script[:40]
    assert w.framework_problems("", '@import url("x.css");\n', budgets.GUIDES_MAX_LINES)
    assert not w.framework_problems("if (rule.required) report();\n// important\n", ".a{}\n", budgets.GUIDES_MAX_LINES)

    # SVG size.
    (tmp_path / "big.svg").write_bytes(b"<svg>" + b" " * budgets.SVG_MAX_BYTES + b"</svg>")
    (tmp_path / "ok.svg").write_bytes(b"<svg/>")
    assert [p.split(":")[0] for p in oversized_svgs(tmp_path)] == ["big.svg"]

    # A guide page: a guide whose markup alone is over the budget, gzipped.
    payload = os.urandom(2 * budgets.GUIDE_PAGE_ADDED_MAX_GZIP).hex()
    heavy = w.guide_page_weight("heavy.html", _page(f"<p>{payload}</p>"), assets_gzipped=0)
    light = w.guide_page_weight("light.html", _page("<p>small</p>"), assets_gzipped=0)
    assert heavy.guides == light.guides == 1
    assert heavy.markup_gzipped > budgets.GUIDE_PAGE_ADDED_MAX_GZIP > light.markup_gzipped > 0
    assert [p.split(":")[0] for p in heavy_guide_pages([heavy, light])] == ["heavy.html"]
    # ... and light markup with the JS/CSS over the budget.
    assert heavy_guide_pages([w.guide_page_weight("p.html", _page(""), budgets.GUIDE_PAGE_ADDED_MAX_GZIP)])


# --- Lighthouse performance, judged against the baseline of the same run ----------------------------


def test_performance_is_judged_against_the_baseline_of_the_same_run() -> None:
    ok = budgets.performance_shortfalls
    base = 0.90
    # Within the budget: the limits themselves pass, whatever the absolute score.
    assert ok(base - budgets.PERF_MAX_SHORTFALL, budgets.TBT_MAX_MS, budgets.CLS_MAX, base) == []
    assert ok(1.0, 0.0, 0.0, base) == []
    # Short: a score under the baseline minus the margin, a TBT or a layout shift over its limit, or all.
    assert len(ok(base - budgets.PERF_MAX_SHORTFALL - 0.01, 0.0, 0.0, base)) == 1
    assert len(ok(base, budgets.TBT_MAX_MS + 1, 0.0, base)) == 1
    assert len(ok(base, 0.0, budgets.CLS_MAX + 0.001, base)) == 1
    assert len(ok(0.5, 10 * budgets.TBT_MAX_MS, 1.0, base)) == 3
    # A figure that is missing fails: an unmeasured page is not a fast page.
    for args in ((None, 0.0, 0.0, base), (base, None, 0.0, base), (base, 0.0, None, base), (base, 0.0, 0.0, None)):
        assert ok(*args), args

    # Each page is measured close to a baseline run: the baseline opens every group of pages.
    pages = [f"p{i}/" for i in range(2 * budgets.BASELINE_EVERY + 1)]
    order = budgets.interleave(pages, "B", budgets.BASELINE_EVERY)
    assert [p for p in order if p != "B"] == pages
    assert order[0] == "B" and order.count("B") == 3
    assert all(order[max(0, order.index(p) - budgets.BASELINE_EVERY) : order.index(p)].count("B") >= 1 for p in pages)
    assert budgets.interleave([], "B", 4) == ["B"]
    with pytest.raises(ValueError):
        budgets.interleave(pages, "B", 0)
    assert budgets.median_of([0.9, None, 0.7, 0.8]) == 0.8 and budgets.median_of([None]) is None
