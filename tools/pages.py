"""A page's plain text, the way the sources checker reads it (``tools/check_sources.py``).

Two inputs give the same text: the HTML RingCentral publishes, and the Markdown it is built from
(``ringcentral/ringcentral-api-docs``, rendered with the extensions of its ``mkdocs.yml``), so that a
fingerprint computed offline from the Markdown agrees with the check against the live page. The
text keeps what a reader reads: no link URLs, no scripts or styles, no navigation chrome, and one
line per block (paragraph, list item, table cell, heading), so that no sentence runs across two.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import markdown

# RingCentral's mkdocs.yml (markdown_extensions), plus the two MkDocs always adds; mdx_include is
# replaced by include(), fenced_code by superfences (as MkDocs does when both are on).
RINGCENTRAL_EXTENSIONS = [
    "toc",
    "tables",
    "attr_list",
    "md_in_html",
    "admonition",
    "pymdownx.details",
    "pymdownx.keys",
    "pymdownx.tabbed",
    "pymdownx.highlight",
    "pymdownx.superfences",
]
_SKIPPED = frozenset({"script", "style", "noscript", "template", "nav", "header", "footer", "head"})
_BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt"}
    | {"figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p"}
    | {"pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"}
)
# mdx_include's directive, e.g. "{! docs/authentication/jwt-vs-password.inc !}" or "{!> file [ln:2-22] !}".
_INCLUDE = re.compile(r"\{!>?\s*(?P<path>[^\s!]+)(?:\s*\[[^\]]*\])?\s*!\}")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.preformatted = 0  # inside <pre> a line break is a line; elsewhere only a space

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")
        self.preformatted += tag == "pre"

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")
        if tag == "pre":
            self.preformatted = max(0, self.preformatted - 1)

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data if self.preformatted else " ".join(data.split("\n")))


def page_text(html: str) -> str:
    """The words of an HTML page, one block a line, whitespace collapsed."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def include(text: str, root: Path) -> str:
    """Resolve mdx_include's ``{! path !}`` directives against ``root`` (RingCentral builds from its
    repository's root); a file that is not there is left as the directive."""

    def resolve(match: re.Match[str]) -> str:
        path = root / match["path"]
        return path.read_text(encoding="utf-8") if path.is_file() else match[0]

    return _INCLUDE.sub(resolve, text)


def markdown_html(text: str) -> str:
    """Markdown rendered as RingCentral's site renders it (and as the seed was published)."""
    return str(markdown.markdown(text, extensions=RINGCENTRAL_EXTENSIONS))
