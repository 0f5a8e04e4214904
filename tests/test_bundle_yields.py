"""Material's start and mount run in short tasks (macros/bundle_yields.py; issue 10).

- the scanner finds each top-level statement, strings and brackets included, and refuses what it
  cannot read for certain (a slash, a template literal, unbalanced brackets, a missing ``;``);
- on a small bundle shaped like Material's, the split is exactly: the outer function made
  ``async``, a yield between statements, the event at the end, the mount queue before the first
  statement, and each argument of the two merges mounted through it; a second run changes
  nothing; a bundle of another shape stops the build with a message;
- source maps: every generated column moves by what was inserted before it on its line (checked
  against an independent decoder, on random maps);
- the built bundle is Material's, split; its map still points each segment at the same code;
- in Chromium, on every page: the bundle's script has loaded before Material's start has run,
  Material's start yields once between each two of its statements, the loader mounts Material
  only after the last one, each component of the page mounts after a yield of its own, the mount
  is marked when the last has, and the page reports no problem.
"""

from __future__ import annotations

import json
from pathlib import Path

import material
import pytest
from hypothesis import given
from hypothesis import strategies as st
from playwright.sync_api import Browser

from browser_tools import recorded_page, site_pages
from conftest import Engine
from macros.bundle_yields import (
    BUNDLES,
    DONE,
    EVENT,
    HELPER,
    LATER,
    MOUNTED,
    YIELD,
    BundleShapeError,
    Insertion,
    apply,
    plan,
    shift_mappings,
    split_bundle,
    statement_ends,
)
from macros.compile_hints import HINT
from macros.table_wrappers import skip_insertions

SHIPPED = Path(material.__file__).parent / "templates"
BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

# Shaped like Material's bundle: functions (one of them merges the content's parts), then the
# application's statements (one of them merges the page's components).
TOY = (
    HINT + '"use strict";(()=>{var q=1;function f(){return q}'
    'function c(e){return L(...M("pre:not(.mermaid) > code",e).map(i=>k(i,{t:1})),'
    '...M("a",e).filter(()=>V("x")).map(i=>j(i)))}\n'
    'document.documentElement.classList.remove("no-js");var a=f(),b="x;y";g(a,{c:[1,2]});'
    'var s=H(()=>L(...me("announce").map(e=>n(e)),...me("content").map(e=>c(e))));window.component$=a;})();\n'
    "//# sourceMappingURL=bundle.0.min.js.map\n"
)
TOY_SPLIT = (
    HINT + '"use strict";(async()=>{var q=1;function f(){return q}'
    f'function c(e){{return L(...M("pre:not(.mermaid) > code",e).map({LATER}(i=>k(i,{{t:1}}))),'
    f'...M("a",e).filter(()=>V("x")).map({LATER}(i=>j(i))))}}\n'
    f'{HELPER}document.documentElement.classList.remove("no-js");{YIELD}'
    f'var a=f(),b="x;y";{YIELD}g(a,{{c:[1,2]}});{YIELD}'
    f'var s=H(()=>L(...me("announce").map({LATER}(e=>n(e))),...me("content").map({LATER}(e=>c(e)))));{YIELD}'
    f"window.component$=a;{DONE}}})();\n"
    "//# sourceMappingURL=bundle.0.min.js.map\n"
)


def test_statement_ends_skip_strings_and_brackets() -> None:
    code = 'a=1;b("x;y",\'z;\\\';\');c({d:[1,2],e:function(){return;}});'
    assert statement_ends(code) == [4, 21, len(code)]


@pytest.mark.parametrize(
    "code",
    [
        "a=b/c;",  # a division, or is it a regex?
        "a=/x;/.test(b);",
        "a=`t${b}`;",
        "a=1;//comment\n",
        "a=(1;",
        "a=1);",
        "a=1;b()",
        'a="open;',
    ],
)
def test_statement_ends_refuse_what_they_cannot_read(code: str) -> None:
    with pytest.raises(BundleShapeError, match="Material's start"):
        statement_ends(code)


def test_a_bundle_shaped_like_materials_is_split(tmp_path: Path) -> None:
    script = tmp_path / "bundle.0.min.js"
    script.write_text(TOY, encoding="utf-8")
    assert split_bundle(script)
    assert script.read_text(encoding="utf-8") == TOY_SPLIT
    assert not split_bundle(script), "a rebuild that kept the split bundle must not split it again"
    assert script.read_text(encoding="utf-8") == TOY_SPLIT


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (TOY.replace('"no-js"', '"nojs"'), "first statement"),
        (TOY.replace("(()=>{", "(function(){"), "does not open"),
        (TOY.replace("})();", "})()"), "does not end"),
        (TOY.replace('b="x;y"', "b=`x`"), "template literal"),
        (TOY.replace('"announce"', '"news"'), 'hold "announce" exactly once'),
        (TOY.replace('"a",e', '"pre:not(.mermaid) > code",e'), "exactly once"),
        (TOY.replace("L(...me(", "L(me("), "no merge of spread arguments"),
        (TOY.replace(".map(e=>c(e))", ".map(e=>c(e)).slice(1)"), r"not \.\.\.elements\.map\(mount\)"),
        (TOY.replace("i=>j(i)", "i=>j(i/2)"), "slash"),
    ],
)
def test_a_bundle_of_another_shape_stops_the_build(tmp_path: Path, text: str, message: str) -> None:
    script = tmp_path / "bundle.0.min.js"
    script.write_text(text, encoding="utf-8")
    with pytest.raises(BundleShapeError, match=message):
        split_bundle(script)
    assert script.read_text(encoding="utf-8") == text, "nothing half-written"


def test_the_merge_is_found_back_across_strings_with_brackets_and_escaped_quotes(tmp_path: Path) -> None:
    """From its anchor back to its call, the scan skips strings, a ``)`` and a ``\\"`` in them included."""
    odd = '...M("a[title=\\")\\"]",e).map(i=>z(i)),'
    script = tmp_path / "bundle.0.min.js"
    script.write_text(TOY.replace('L(...M("pre', f'L({odd}...M("pre'), encoding="utf-8")
    assert split_bundle(script)
    split = script.read_text(encoding="utf-8")
    odd_later = f'...M("a[title=\\")\\"]",e).map({LATER}(i=>z(i))),'
    assert f'L({odd_later}...M("pre:not(.mermaid) > code",e).map({LATER}(' in split


def decode(mappings: str) -> list[list[list[int]]]:
    """Every segment of every line, with absolute values (an implementation of its own)."""
    lines, state = [], [0, 0, 0, 0, 0]
    for line in mappings.split(";"):
        state[0], segments = 0, []
        for segment in filter(None, line.split(",")):
            values, value, shift = [], 0, 0
            for char in segment:
                digit = BASE64.index(char)
                value, shift = value + ((digit & 31) << shift), shift + 5
                if not digit & 32:
                    values.append(-(value >> 1) if value & 1 else value >> 1)
                    value, shift = 0, 0
            for i, v in enumerate(values):
                state[i] += v
            segments.append(state[: len(values)])
        lines.append(segments)
    return lines


def encode(lines: list[list[list[int]]]) -> str:
    def vlq(v: int) -> str:
        rest, out = ((-v << 1) | 1 if v < 0 else v << 1), ""
        while True:
            digit, rest = rest & 31, rest >> 5
            out += BASE64[digit | (32 if rest else 0)]
            if not rest:
                return out

    state, out = [0, 0, 0, 0, 0], []
    for line in lines:
        state[0], parts = 0, []
        for seg in line:
            parts.append("".join(vlq(v - state[i]) for i, v in enumerate(seg)))
            state[: len(seg)] = seg
        out.append(",".join(parts))
    return ";".join(out)


segment = st.tuples(
    st.integers(0, 5000), st.integers(0, 3), st.integers(0, 900), st.integers(0, 200), st.integers(0, 40)
).map(list)
line_of_segments = st.lists(segment, max_size=12).map(lambda segs: sorted(segs, key=lambda s: s[0]))
maps = st.lists(line_of_segments, min_size=1, max_size=5)


@given(maps, st.data())
def test_shifted_maps_move_each_column_by_what_was_inserted_before_it(
    lines: list[list[list[int]]], data: st.DataObject
) -> None:
    insertions = data.draw(
        st.lists(
            st.builds(
                Insertion, st.integers(0, len(lines) - 1), st.integers(0, 5000), st.text("ab;", min_size=1, max_size=9)
            )
        )
    )
    shifted = decode(shift_mappings(encode(lines), insertions))
    expected = [
        [
            [seg[0] + sum(len(i.text) for i in insertions if i.line == n and i.column <= seg[0]), *seg[1:]]
            for seg in line
        ]
        for n, line in enumerate(lines)
    ]
    assert shifted == expected


def test_the_built_bundle_is_materials_split_and_its_map_follows(site_dir: Path, engine: Engine) -> None:
    if not engine.runs_hooks:
        pytest.skip(f"{engine.name} runs no MkDocs hooks: its bundle is served as shipped")
    (bundle,) = site_dir.glob(BUNDLES)
    shipped = HINT + (SHIPPED / bundle.relative_to(site_dir)).read_text(encoding="utf-8")
    built = bundle.read_text(encoding="utf-8")
    insertions = plan(shipped) + skip_insertions(shipped)  # macros/table_wrappers.py edits it too
    assert built == apply(shipped, insertions)
    assert built.count(YIELD) >= 10, "Material's start is twenty-odd statements"
    assert built.count(f"{LATER}(") >= 15, "the page's components and the content's parts, each in its queue"
    # Each segment of the map points at the same code as before: the text at its column is the same.
    shipped_map = SHIPPED / f"{bundle.relative_to(site_dir)}.map"
    old_map = decode(";" + json.loads(shipped_map.read_text(encoding="utf-8"))["mappings"])
    new_map = decode(json.loads(bundle.with_name(bundle.name + ".map").read_text(encoding="utf-8"))["mappings"])
    old_lines, new_lines = shipped.split("\n"), built.split("\n")
    assert [[seg[1:] for seg in line] for line in new_map] == [[seg[1:] for seg in line] for line in old_map]
    moved = 0
    for n, (old, new) in enumerate(zip(old_map, new_map, strict=True)):
        for old_seg, new_seg in zip(old, new, strict=True):
            stop = min([i.column for i in insertions if i.line == n and i.column > old_seg[0]] + [old_seg[0] + 12])
            token = old_lines[n][old_seg[0] : stop]
            assert new_lines[n][new_seg[0] : new_seg[0] + len(token)] == token, (n, old_seg, new_seg)
            moved += new_seg[0] != old_seg[0]
    assert moved > 100, "the segments after the insertions moved"


# Recorded from the document's start: what Material's start had done when its script's load event
# came, how often it yielded before it said it was done, and how often after, until its last
# component was mounted.
RECORD = """
window.__yields = 0;
if (window.scheduler && scheduler.yield) {
    const original = scheduler.yield.bind(scheduler);
    scheduler.yield = () => { window.__yields += 1; return original(); };
}
document.addEventListener('load', (event) => {
    const el = event.target;
    if (el.tagName !== 'SCRIPT' || !/bundle\\.[0-9a-f]+\\.min\\.js$/.test(el.src)) return;
    window.__startedAtLoad = 'component$' in window;
}, true);
document.addEventListener('__EVENT__', () => {
    window.__evaluated = performance.now();
    window.__startYields = window.__yields;
});
document.addEventListener('__MOUNTED__', () => {
    window.__mountYields = window.__yields - window.__startYields;
}, { once: true });
""".replace("__EVENT__", EVENT).replace("__MOUNTED__", MOUNTED)

# The components that Material's two merges mount, one job each: the page's components by their
# data-md-component, "content" twice (the content, and search highlighting in it); in each
# content, its parts by Material's selectors (tables in the build's wrapper are left alone,
# macros/table_wrappers.py; the links in content tabs' labels come later, from the tabs' own
# mount); tooltips and footnote tooltips only with their features on.
JOBS = """() => {
    const kinds = ['announce', 'content', 'content', 'header', 'header-title', 'sidebar', 'tabs', 'toc', 'top'];
    const parts = ['.annotate:not(.highlight)', 'pre:not(.mermaid) > code', 'a:not(.tabbed-labels a)', 'pre.mermaid',
        'table:not([class]):not(.md-typeset__table>*)', 'details', '[data-tabs]'];
    const features = JSON.parse(document.getElementById('__config').textContent).features;
    if (features.includes('content.tooltips')) parts.push('[title]:not([data-preview])');
    if (features.includes('content.footnote.tooltips')) parts.push('.footnote-ref');
    const count = (selector, root = document) => root.querySelectorAll(selector).length;
    let jobs = kinds.reduce((n, kind) => n + count(`[data-md-component="${kind}"]`), 0);
    for (const content of document.querySelectorAll('[data-md-component="content"]')) {
        jobs += parts.reduce((n, part) => n + count(part, content), 0);
    }
    return jobs;
}"""


def test_material_starts_and_mounts_in_short_tasks_on_every_page(
    site_dir: Path, engine: Engine, browser: Browser, base_url: str
) -> None:
    if not engine.runs_hooks:
        pytest.skip(f"{engine.name} runs no MkDocs hooks: its bundle is served as shipped")
    (bundle,) = site_dir.glob(BUNDLES)
    start_yields = bundle.read_text(encoding="utf-8").count(YIELD) - HELPER.count(YIELD)
    problems = []
    with recorded_page(browser, base_url) as rec:
        rec.context.add_init_script(RECORD)
        for page in site_pages(site_dir):
            rec.goto(page.url)
            seen = rec.page.evaluate(
                "() => ({ startedAtLoad: window.__startedAtLoad, yields: window.__startYields,"
                " mountYields: window.__mountYields, evaluated: window.__evaluated,"
                " mounted: performance.getEntriesByName('material-mounted')[0].startTime,"
                " material: typeof window.component$ })"
            )
            jobs = rec.page.evaluate(JOBS)
            if seen["startedAtLoad"] is not False:
                problems.append(f"/{page.url}: Material's start had all run when its script loaded ({seen})")
            if seen["yields"] != start_yields:
                problems.append(f"/{page.url}: Material's start yielded {seen['yields']} times, not {start_yields}")
            if not (isinstance(seen["evaluated"], float | int) and seen["evaluated"] <= seen["mounted"]):
                problems.append(f"/{page.url}: Material was mounted before its start had run ({seen})")
            if seen["mountYields"] != jobs or jobs < 10:
                mounted = f"yielded {seen['mountYields']} times for {jobs} components"
                problems.append(f"/{page.url}: Material's mount {mounted}")
            if seen["material"] != "object":
                problems.append(f"/{page.url}: Material's components are missing ({seen})")
            problems += rec.problems()
            rec.clear()
    assert not problems, "\n".join(problems)


def test_each_inserted_text_is_one_whole_statement() -> None:
    """So that it can stand between any two of Material's statements."""
    for text in (YIELD, DONE, HELPER):
        assert statement_ends(text) == [len(text)]
