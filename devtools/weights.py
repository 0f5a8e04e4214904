"""Byte measures of the built site, shared by the benchmark and ``tests/test_budgets.py``.

Standard library only. "Gzipped" is gzip level 6 (what web servers use by default), with a fixed
mtime so a measure never changes between runs.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

GZIP_LEVEL = 6
GUIDE_CLASS = "decision-guide"


def gzip_size(data: bytes | str) -> int:
    """Bytes of ``data`` gzipped at level 6 (text is encoded as UTF-8)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return len(gzip.compress(raw, compresslevel=GZIP_LEVEL, mtime=0))


# --- Page weight -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Asset:
    """One local file a page references."""

    path: str  # relative to the site directory, POSIX style
    kind: str  # "css", "js", "img" or "icon"; "data" for a file for programs
    raw: int
    gzipped: int


@dataclass(frozen=True)
class PageWeight:
    """A page's HTML plus every local CSS, JS and image it references (each counted once)."""

    page: str  # relative to the site directory, e.g. "plan/index.html"
    html_raw: int
    html_gzipped: int
    assets: tuple[Asset, ...]
    missing: tuple[str, ...] = ()  # local references with no file behind them

    @property
    def requests(self) -> int:
        return 1 + len(self.assets)

    @property
    def total_gzipped(self) -> int:
        return self.html_gzipped + sum(asset.gzipped for asset in self.assets)

    def gzipped_of(self, kind: str) -> int:
        return sum(asset.gzipped for asset in self.assets if asset.kind == kind)


class _References(HTMLParser):
    """Collects (kind, url) for <link rel=stylesheet|icon href>, <script src or data-src> and <img src>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "link":
            rel = values.get("rel", "").lower().split()
            if "stylesheet" in rel:
                self.found.append(("css", values.get("href", "")))
            elif "icon" in rel or "apple-touch-icon" in rel:
                self.found.append(("icon", values.get("href", "")))
        elif tag == "script" and values.get("src"):
            self.found.append(("js", values["src"]))
        elif tag == "img" and values.get("src"):
            self.found.append(("img", values["src"]))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def references(html: str) -> list[tuple[str, str]]:
    """The (kind, url) of every stylesheet, script, image and icon the HTML references, in order."""
    parser = _References()
    parser.feed(html)
    parser.close()
    return [(kind, url) for kind, url in parser.found if url]


def local_target(site_dir: Path, page: Path, url: str) -> Path | None:
    """The file a local URL points to (it may not exist), or None for an external or data: URL."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    base = site_dir if path.startswith("/") else page.parent
    return (base / path.lstrip("/")).resolve()


def page_files(site_dir: Path) -> list[Path]:
    """Every built page: each index.html, and 404.html, sorted by path."""
    pages = [p for p in site_dir.rglob("*.html") if p.name in ("index.html", "404.html")]
    return sorted(pages, key=lambda p: p.relative_to(site_dir).as_posix())


def page_weight(site_dir: Path, page: Path) -> PageWeight:
    """Measure one page: its HTML and its local stylesheets, scripts, images and icons, gzipped."""
    site_dir = site_dir.resolve()
    page = page.resolve()
    html = page.read_bytes()
    assets: dict[Path, Asset] = {}
    missing: list[str] = []
    for kind, url in references(html.decode("utf-8")):
        target = local_target(site_dir, page, url)
        if target is None or target in assets:
            continue
        if not target.is_file() or not target.is_relative_to(site_dir):
            missing.append(url)
            continue
        data = target.read_bytes()
        assets[target] = Asset(target.relative_to(site_dir).as_posix(), kind, len(data), gzip_size(data))
    return PageWeight(
        page=page.relative_to(site_dir).as_posix(),
        html_raw=len(html),
        html_gzipped=gzip_size(html),
        assets=tuple(assets.values()),
        missing=tuple(missing),
    )


def machine_files(site_dir: Path) -> list[Asset]:
    """The files for programs (hooks/machine_files.py): llms.txt, each page's Markdown twin, the
    guides' data and schemas; raw and gzipped, each as a program fetches it."""
    paths = [site_dir / "llms.txt", *site_dir.glob("**/index.md"), *(site_dir / "guides").glob("*.json")]
    return [
        Asset(path.relative_to(site_dir).as_posix(), "data", len(data), gzip_size(data))
        for path in sorted(p for p in paths if p.is_file())
        for data in [path.read_bytes()]
    ]


def site_weights(site_dir: Path) -> list[PageWeight]:
    """:func:`page_weight` of every built page."""
    return [page_weight(site_dir, page) for page in page_files(site_dir)]


# --- The guides' own assets --------------------------------------------------------------------------


@dataclass(frozen=True)
class GuideAssets:
    """docs/assets/guides.js and guides.css: sizes (gzipped each, as served) and line counts."""

    js_raw: int
    js_gzipped: int
    js_lines: int
    css_raw: int
    css_gzipped: int
    css_lines: int

    @property
    def total_gzipped(self) -> int:
        return self.js_gzipped + self.css_gzipped


def guide_assets(js: Path, css: Path) -> GuideAssets:
    """Measure the guides' script and stylesheet."""
    js_bytes, css_bytes = js.read_bytes(), css.read_bytes()
    return GuideAssets(
        js_raw=len(js_bytes),
        js_gzipped=gzip_size(js_bytes),
        js_lines=len(js_bytes.splitlines()),
        css_raw=len(css_bytes),
        css_gzipped=gzip_size(css_bytes),
        css_lines=len(css_bytes.splitlines()),
    )


def served_guide_assets(site_dir: Path) -> list[Asset]:
    """The guides' JS and CSS as the build wrote them (a minifier may rename them guides.min.*)."""
    found = []
    for path in sorted((site_dir / "assets").glob("guides*")):
        if path.suffix in (".js", ".css") and path.is_file():
            data = path.read_bytes()
            found.append(Asset(path.relative_to(site_dir).as_posix(), path.suffix[1:], len(data), gzip_size(data)))
    return found


_JS_MODULE_USE = re.compile(
    r"^\s*import\s*[\w{*'\"]"  # import x from "y" / import {a} from / import * as / import "y"
    r"|\bimport\s*\("  # dynamic import()
    r"|\brequire\s*\(",  # CommonJS
    re.MULTILINE,
)
_CSS_IMPORT = re.compile(r"@import\b", re.IGNORECASE)


def framework_problems(js_text: str, css_text: str, max_lines: int) -> list[str]:
    """Why the guides' script and stylesheet are no longer small and self-contained (empty: fine)."""
    problems = [
        f"guides.js line {js_text.count(chr(10), 0, m.start()) + 1}: {m.group(0).strip()!r} pulls in a module"
        for m in _JS_MODULE_USE.finditer(js_text)
    ]
    problems += [
        f"guides.css line {css_text.count(chr(10), 0, m.start()) + 1}: @import pulls in a stylesheet"
        for m in _CSS_IMPORT.finditer(css_text)
    ]
    for name, text in (("guides.js", js_text), ("guides.css", css_text)):
        lines = len(text.splitlines())
        if lines >= max_lines:
            problems.append(f"{name} has {lines} lines (limit: fewer than {max_lines})")
    return problems


# --- What the guides add to a page -------------------------------------------------------------------


class _GuideSpans(HTMLParser):
    """Finds the character spans of the outermost ``<div class="decision-guide">`` elements."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self._html = html
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self._depth = 0  # open <div>s since the current guide began (0: not inside a guide)
        self._start = 0
        self.spans: list[tuple[int, int]] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "div":
            return
        if self._depth:
            self._depth += 1
            return
        classes = next((value or "" for name, value in attrs if name == "class"), "").split()
        if GUIDE_CLASS in classes:
            self._start = self._offset()
            self._depth = 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass  # <div/> opens nothing in HTML, and no guide is written that way

    def handle_endtag(self, tag: str) -> None:
        if tag != "div" or not self._depth:
            return
        self._depth -= 1
        if not self._depth:
            start = self._offset()
            end = self._html.index(">", start) + 1
            self.spans.append((self._start, end))


def guide_spans(html: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each outermost ``.decision-guide`` div, nested divs included.

    Raises ValueError when a guide is never closed: the HTML is not what the build writes.
    """
    parser = _GuideSpans(html)
    parser.feed(html)
    parser.close()
    if parser._depth:
        raise ValueError(f"a <div class=\"{GUIDE_CLASS}\"> is never closed")
    return parser.spans


def strip_guides(html: str) -> str:
    """The HTML with every ``.decision-guide`` element removed."""
    kept, last = [], 0
    for start, end in guide_spans(html):
        kept.append(html[last:start])
        last = end
    kept.append(html[last:])
    return "".join(kept)


@dataclass(frozen=True)
class GuidePageWeight:
    """What the guides add to one page, gzipped: their markup plus the guides' JS and CSS."""

    page: str
    guides: int
    html_gzipped: int
    stripped_gzipped: int
    assets_gzipped: int
    guide_ids: tuple[str, ...] = field(default=())

    @property
    def markup_gzipped(self) -> int:
        return self.html_gzipped - self.stripped_gzipped

    @property
    def added_gzipped(self) -> int:
        return self.markup_gzipped + self.assets_gzipped


_ID = re.compile(r'\bid="([^"]*)"')


def guide_page_weight(page: str, html: str, assets_gzipped: int) -> GuidePageWeight:
    """Measure one page's guides (``page`` is only a label)."""
    spans = guide_spans(html)
    ids = tuple(m.group(1) if (m := _ID.search(html, start, html.index(">", start))) else "?" for start, _ in spans)
    return GuidePageWeight(
        page=page,
        guides=len(spans),
        html_gzipped=gzip_size(html),
        stripped_gzipped=gzip_size(strip_guides(html)),
        assets_gzipped=assets_gzipped,
        guide_ids=ids,
    )


def guide_page_weights(
    site_dir: Path, assets_gzipped: int, pages: Iterable[Path] | None = None
) -> list[GuidePageWeight]:
    """:func:`guide_page_weight` of every built page that holds at least one guide."""
    found = []
    for path in pages if pages is not None else page_files(site_dir):
        html = path.read_text(encoding="utf-8")
        weight = guide_page_weight(path.relative_to(site_dir).as_posix(), html, assets_gzipped)
        if weight.guides:
            found.append(weight)
    return found
