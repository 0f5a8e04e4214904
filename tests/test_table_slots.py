"""Each table sits in a slot of its own (macros/table_slots.py; issue 10), so that Material's
wrapping it restyles the table alone; in Chromium the wrapper lands inside the slot
(tests/test_load_order.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser_tools import site_pages
from conftest import Engine
from macros.table_slots import SLOT_OPEN, slot_tables

TABLE = "<table>\n<thead><tr><th>a</th></tr></thead>\n<tbody><tr><td>1</td></tr></tbody>\n</table>"


def test_each_table_gets_a_slot() -> None:
    html = f"<p>x</p>\n{TABLE}\n<p>y</p>\n{TABLE}"
    slotted = f"{SLOT_OPEN}{TABLE}</div>"
    assert slot_tables(html) == f"<p>x</p>\n{slotted}\n<p>y</p>\n{slotted}"


def test_a_table_with_a_class_is_left_alone() -> None:
    """Material wraps only tables without a class; the others keep their place."""
    html = '<table class="highlighttable"><tr><td>1</td></tr></table>'
    assert slot_tables(html) == html


def test_a_page_without_tables_is_unchanged() -> None:
    assert slot_tables("<p>no table</p>") == "<p>no table</p>"


def test_a_table_in_a_table_is_refused() -> None:
    with pytest.raises(ValueError, match="a table inside a table"):
        slot_tables("<table><tr><td><table><tr><td>1</td></tr></table></td></tr></table>")


def test_every_built_table_is_in_a_slot(site_dir: Path, engine: Engine) -> None:
    if not engine.runs_hooks:
        pytest.skip(f"{engine.name} runs no MkDocs hooks: its tables stay where Markdown put them")
    counted, loose = 0, []
    for page in site_pages(site_dir):
        html = page.path.read_text(encoding="utf-8")
        tables = html.count("<table>")
        slotted = html.count(f"{SLOT_OPEN}<table>")
        counted += tables
        if slotted != tables:
            loose.append(f"/{page.url}: {tables - slotted} of {tables} tables outside a slot")
    assert counted > 5, "the site has tables: the pattern found too few"
    assert not loose, "\n".join(loose)
