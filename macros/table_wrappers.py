"""MkDocs hook (``hooks:`` in mkdocs.yml): each table in Material's scroll wrapper from the start.

When its components mount, Material takes every table without a class out of the page and puts it
back inside two divs that let it scroll sideways on a small screen (``mountDataTable``). After the
first paint, that is a restyle and a relayout in Material's mount, which the next component's first
read of the layout then waits for: 17-20 ms of the mount on writing-guides/ (README, "Where the time
goes", causes 9 and 12), and a shift of what follows the table on a wide screen. The build writes
the same two divs around each such table, so Material's markup is in the page from the start (without
JavaScript too), and it tells Material's script to leave a table that is in its wrapper already:
the script's selector for the tables it wraps gains ``:not(.md-typeset__table>*)``. The tables keep
no class, so Material's stylesheet styles them as before.

Zensical runs no hooks: there, Material wraps the tables when it mounts, as shipped.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from macros.bundle_yields import BundleShapeError, Insertion, edit_bundle, position
from macros.compile_hints import BUNDLES

# Material's wrapper (its templates/table), as its script writes it around a table.
WRAPPER_OPEN = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
WRAPPER_CLOSE = "</div></div>"
# A table as Markdown writes it: no attributes (Material wraps only tables without a class).
TABLE = re.compile(r"<table>.*?</table>", re.DOTALL)
# The selector of the tables that Material's script wraps, and what the build adds to it.
QUERY = '"table:not([class])"'
SKIP = ":not(.md-typeset__table>*)"


def wrap_tables(html: str) -> str:
    """``html`` with each attribute-less table in Material's wrapper.

    Raises ValueError for a table inside a table, which the pattern cannot tell apart.
    """

    def wrap(match: re.Match[str]) -> str:
        table = match.group(0)
        if "<table" in table[len("<table>") :]:
            raise ValueError(f"a table inside a table: {table[:80]!r}...")
        return f"{WRAPPER_OPEN}{table}{WRAPPER_CLOSE}"

    return TABLE.sub(wrap, html)


def skip_insertions(text: str) -> list[Insertion]:
    """Where ``SKIP`` goes in Material's bundle ``text``: at the end of its table selector.

    Raises BundleShapeError when the bundle does not hold that selector exactly once.
    """
    if text.count(QUERY) != 1:
        raise BundleShapeError(f"Material's bundle does not hold {QUERY} exactly once", hook="macros/table_wrappers.py")
    return [Insertion(*position(text, text.index(QUERY) + len(QUERY) - 1), SKIP)]


def skip_wrapped_tables(script: Path) -> bool:
    """Make Material's ``script`` leave the tables the build wrapped; False when it does already."""
    return edit_bundle(script, skip_insertions, lambda text: QUERY[:-1] + SKIP + QUERY[-1] in text)


def on_page_content(html: str, **_: Any) -> str:
    """The page's content, its tables in Material's wrapper."""
    return wrap_tables(html)


def on_post_build(config: Any, **_: Any) -> None:
    """Edit every Material bundle the build wrote (there is one)."""
    for script in Path(config["site_dir"]).glob(BUNDLES):
        skip_wrapped_tables(script)
