"""Each table is in Material's scroll wrapper from the start (macros/table_wrappers.py; issue 10), and
Material's script leaves it there; in Chromium each table ends up in one wrapper
(tests/test_load_order.py)."""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from browser_tools import site_pages
from conftest import Engine
from macros.bundle_yields import BundleShapeError
from macros.compile_hints import BUNDLES
from macros.table_wrappers import QUERY, SKIP, WRAPPER_CLOSE, WRAPPER_OPEN, skip_wrapped_tables, wrap_tables

TABLE = "<table>\n<thead><tr><th>a</th></tr></thead>\n<tbody><tr><td>1</td></tr></tbody>\n</table>"
SHIPPED = Path(material.__file__).parent / "templates"


def test_each_table_gets_materials_wrapper() -> None:
    html = f"<p>x</p>\n{TABLE}\n<p>y</p>\n{TABLE}"
    wrapped = f"{WRAPPER_OPEN}{TABLE}{WRAPPER_CLOSE}"
    assert wrap_tables(html) == f"<p>x</p>\n{wrapped}\n<p>y</p>\n{wrapped}"


def test_the_wrapper_is_the_one_materials_script_writes() -> None:
    """Material's templates/table, as its bundle holds it: scrollwrap, then table."""
    (bundle,) = (SHIPPED / "assets" / "javascripts").glob("bundle.*.min.js")
    text = bundle.read_text(encoding="utf-8")
    assert '"md-typeset__scrollwrap"' in text and '"md-typeset__table"' in text
    assert WRAPPER_OPEN == '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'


def test_a_table_with_a_class_is_left_alone() -> None:
    """Material wraps only tables without a class; the others keep their place."""
    html = '<table class="highlighttable"><tr><td>1</td></tr></table>'
    assert wrap_tables(html) == html


def test_a_page_without_tables_is_unchanged() -> None:
    assert wrap_tables("<p>no table</p>") == "<p>no table</p>"


def test_a_table_in_a_table_is_refused() -> None:
    with pytest.raises(ValueError, match="a table inside a table"):
        wrap_tables("<table><tr><td><table><tr><td>1</td></tr></table></td></tr></table>")


def test_materials_script_learns_to_leave_wrapped_tables(tmp_path: Path) -> None:
    script = tmp_path / "bundle.0.min.js"
    script.write_text(f'a();\nb(M({QUERY},e).map(ti));"x"', encoding="utf-8")
    assert skip_wrapped_tables(script)
    edited = f'a();\nb(M("table:not([class]){SKIP}",e).map(ti));"x"'
    assert script.read_text(encoding="utf-8") == edited
    assert not skip_wrapped_tables(script), "a rebuild that kept the edited bundle must not edit it again"
    assert script.read_text(encoding="utf-8") == edited


@pytest.mark.parametrize("text", ["f();", f"f({QUERY});g({QUERY});"])
def test_a_bundle_without_its_table_selector_once_stops_the_build(tmp_path: Path, text: str) -> None:
    script = tmp_path / "bundle.0.min.js"
    script.write_text(text, encoding="utf-8")
    with pytest.raises(BundleShapeError, match=r"exactly once \(macros/table_wrappers.py needs updating"):
        skip_wrapped_tables(script)
    assert script.read_text(encoding="utf-8") == text, "nothing half-written"


def test_every_built_table_is_in_materials_wrapper(site_dir: Path, engine: Engine) -> None:
    if not engine.runs_hooks:
        pytest.skip(f"{engine.name} runs no MkDocs hooks: Material wraps its tables when it mounts")
    counted, loose = 0, []
    for page in site_pages(site_dir):
        html = page.path.read_text(encoding="utf-8")
        tables = html.count("<table>")
        wrapped = html.count(f"{WRAPPER_OPEN}<table>")
        counted += tables
        if wrapped != tables:
            loose.append(f"/{page.url}: {tables - wrapped} of {tables} tables outside Material's wrapper")
    assert counted > 5, "the site has tables: the pattern found too few"
    assert not loose, "\n".join(loose)
    (bundle,) = site_dir.glob(BUNDLES)
    assert bundle.read_text(encoding="utf-8").count(f'"table:not([class]){SKIP}"') == 1
