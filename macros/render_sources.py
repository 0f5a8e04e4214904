"""Render the facts an answer rests on: "Sources" under each answer, and a source cited in a page.

A RingCentral page is linked (its URL is one of ``facts.EXTERNAL_URLS``); the seed and the RFCs
are named, not linked, since the site links only the pages that ``reference/facts.md`` names.
Each source shows its short phrase as a quotation (``<q>``): a citation, never a copy.
"""

from collections.abc import Iterable
from html import escape

from macros.decisions.sources import SOURCES


def where_html(source_id: str) -> str:
    """The deciding page: a link to a RingCentral page, or the seed's or an RFC's name."""
    source = SOURCES[source_id]
    if source.page.startswith("https://"):
        return f'<a href="{escape(source.page)}">{escape(source.title)}</a>'
    section = f", section {source.section}" if source.section else ""
    return f"<cite>{escape(source.title)}</cite>" + escape(section)


def citation_html(source_id: str) -> str:
    """One source as the guides and the pages show it: where it is decided, then the phrase that decides it."""
    return f"{where_html(source_id)}: <q>{escape(SOURCES[source_id].phrase)}</q>"


def source_item(source_id: str) -> str:
    """One source of an answer, as a list item."""
    return f'<li data-source="{source_id}">{citation_html(source_id)}</li>'


def sources_html(source_ids: Iterable[str]) -> str:
    """The "Sources" block of an answer (empty for none)."""
    items = "".join(map(source_item, source_ids))
    return f'<div class="decision-guide__sources"><p>Sources:</p> <ul>{items}</ul></div>' if items else ""


def source_templates(source_ids: Iterable[str]) -> str:
    """Every source an answer composed in the page may cite, for guides.js to pick from (``cited``)."""
    return f'<template class="decision-guide__source-items">{sources_html(dict.fromkeys(source_ids))}</template>'


def cite_html(source_ids: Iterable[str]) -> str:
    """A source cited in a page's prose: "(Source: page: “phrase”)", one or more."""
    return f'<span class="source-cite">(Source: {"; ".join(map(citation_html, source_ids))})</span>'
