"""MkDocs hook (``hooks:`` in mkdocs.yml): each code block's toolbar, its copy button, is in the page.

With the ``content.code.copy`` feature, Material's script builds a toolbar for each code block when
it mounts (``mountCodeBlock``): a ``<nav class="md-code__nav">`` with a copy button, inserted into
the ``<pre>``. Each insertion made Chromium restyle every highlighted span of that block (the
stylesheet's structural selectors under ``.md-typeset``), in Material's mount task, after the first
paint: 174 and 248 spans on authentication/, eight blocks on writing-guides/ (issue 10; README,
"Where the time goes", cause 10). So the build writes the toolbar into the page, where
Material would have put it, and mkdocs.yml leaves the feature off: Material then adds none, and
its clipboard integration, which answers a click on any ``[data-clipboard-target]`` on the page,
copies the block and says so as before. Without JavaScript nothing can copy: site.css hides the
toolbars then.

Two differences from Material's toolbar. It is a ``<span>``, not a ``<nav>``: a ``<pre>`` holds
phrasing content only (the Nu HTML Checker), and a landmark per code block only added stops to a
screen reader's list of landmarks (overrides/main.html names Material's, which Zensical still
builds). And Material's target is ``#__code_N > code``, an id it gives the ``<pre>`` when it mounts
and counts across instant navigations; the button here names the ``<code>`` by an id of its own,
so it holds on every page however the reader got there.

Zensical runs no hooks: zensical.yml turns the feature on, and its script builds the toolbars.
"""

from __future__ import annotations

import itertools
import re
from html import escape
from typing import Any

# A code block as pymdownx.highlight writes it; any other <pre> is refused, not left without a toolbar.
CODE_BLOCK = re.compile(r"<pre><span></span><code>")
PRE_START = re.compile(r"<pre\b[^>]*>.{0,40}", re.DOTALL)  # any <pre>, and enough of it to show in an error
TARGET_PREFIX = "__copy_"  # the id of each block's <code>: never a heading's (toc slugs start with a letter)


def toolbar(index: int, copy_label: str) -> str:
    """The toolbar of block ``index`` (from 0): Material's classes and copy button."""
    return (
        f'<span class="md-code__nav"><button class="md-code__button" title="{escape(copy_label)}" '
        f'data-clipboard-target="#{TARGET_PREFIX}{index}" data-md-type="copy"></button></span>'
    )


def add_toolbars(html: str, copy_label: str) -> str:
    """``html`` with a toolbar in each code block, before its ``<code>``, where Material puts it.

    Raises ValueError for a ``<pre>`` that is not a code block as pymdownx writes it.
    """
    odd = [m.group(0) for m in PRE_START.finditer(html) if not CODE_BLOCK.match(m.group(0))]
    if odd:
        raise ValueError(f"a <pre> that is not a highlighted code block, so no copy button for it: {odd[0]!r}")
    counter = itertools.count()

    def with_toolbar(_: re.Match[str]) -> str:
        index = next(counter)
        return f'<pre><span></span>{toolbar(index, copy_label)}<code id="{TARGET_PREFIX}{index}">'

    return CODE_BLOCK.sub(with_toolbar, html)


def copy_label(config: Any) -> str:
    """The copy button's title in the site's language, from Material's translations."""
    template = '{% import "partials/language.html" as lang with context %}{{ lang.t("clipboard.copy") }}'
    return str(config["theme"].get_env().from_string(template).render(config=config))


def on_page_content(html: str, config: Any, **_: Any) -> str:
    """The page's content, each code block with its toolbar."""
    return add_toolbars(html, copy_label(config))
