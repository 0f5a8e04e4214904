"""MkDocs hook (``hooks:`` in mkdocs.yml): put each table of a page in a slot of its own.

When its script runs, Material wraps every table that has no class in two divs, so that it
scrolls on a small screen (``mountDataTable``): it takes the table out of its parent and puts the
wrapper in. Material's stylesheet has structural selectors (``:first-child`` and the like) under
``.md-typeset``, so a change to a parent's children makes Chromium restyle everything under that
parent. With the table straight in the article, that was the whole page's content, after the first
paint: 658 elements on authentication/ (issue 10; README, "Where the time goes", cause 9). In a
slot that is ``display: contents`` (docs/assets/site.css), the parent is the slot, and the
restyle is the table's own. Without JavaScript, or before Material runs, the slot lays out
nothing: the page looks as it did.

Zensical runs no hooks: there, tables stay where Markdown put them.
"""

from __future__ import annotations

import re
from typing import Any

SLOT_CLASS = "md-table-slot"
SLOT_OPEN = f'<div class="{SLOT_CLASS}">'  # what the hook writes before each table (and "</div>" after)
# A table as Markdown writes it: no attributes (Material wraps only tables without a class).
TABLE = re.compile(r"<table>.*?</table>", re.DOTALL)


def slot_tables(html: str) -> str:
    """``html`` with each attribute-less table in a ``<div class="md-table-slot">``.

    Raises ValueError for a table inside a table, which the pattern cannot tell apart.
    """

    def slot(match: re.Match[str]) -> str:
        table = match.group(0)
        if "<table" in table[len("<table>") :]:
            raise ValueError(f"a table inside a table: {table[:80]!r}...")
        return f"{SLOT_OPEN}{table}</div>"

    return TABLE.sub(slot, html)


def on_page_content(html: str, **_: Any) -> str:
    """The page's content, its tables in slots."""
    return slot_tables(html)
