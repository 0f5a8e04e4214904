"""Render the changes since the original guide: a note where the reader decides, and the whole table.

Both come from ``macros.decisions.changes.CHANGES``, the table the decisions' notes use too.
"""

from collections.abc import Mapping
from html import escape

from macros.decisions.changes import CHANGES, Change
from macros.render import Resolve
from macros.render_sources import cite_html, where_html

CHANGES_PAGE = "changes.md"


def change_note_html(changes: list[Change], resolve: Resolve) -> str:
    """The note a page shows where the reader makes these choices: what the original said, what holds today."""
    items = "".join(
        f'<li data-change="{escape(change.id)}">The original said “{escape(change.quote)}”. '
        f"Today: {escape(change.now)} {cite_html(change.sources)}</li>"
        for change in changes
    )
    return (
        '<div class="admonition info"><p class="admonition-title">Changed since the original guide</p>'
        f'<ul>{items}</ul><p><a href="{escape(resolve(CHANGES_PAGE))}">'
        "Every change since the original guide</a></p></div>"
    )


def changes_table_html(resolve: Resolve, titles: Mapping[str, str]) -> str:
    """One row per statement of the original guide that no longer holds; ``titles`` names the pages."""
    rows = "".join(
        f'<tr data-change="{escape(change.id)}"><th scope="row">{escape(change.topic)}</th>'
        f'<td>“{escape(change.quote)}”</td><td>{escape(change.now)}</td>'
        f'<td><a href="{escape(resolve(change.page))}">{escape(titles[change.page.partition("#")[0]])}</a></td>'
        f"<td>{'; '.join(map(where_html, dict.fromkeys(change.sources)))}</td></tr>"
        for change in CHANGES.values()
    )
    return (
        '<table><thead><tr><th scope="col">Topic</th><th scope="col">The original said</th>'
        '<th scope="col">Today</th><th scope="col">Where you decide</th><th scope="col">Source</th></tr></thead>'
        f'<tbody>{rows}</tbody></table>'
    )
