"""Helpers for the browser tests: the site's pages, a recording page, Material's colour scheme, axe.

- :func:`site_pages` lists the pages of a built site (every ``index.html`` and ``404.html``);
- :func:`parse_html` reads a built HTML file: its ids, title, meta tags and every reference;
- :func:`recorded_page` opens a fresh context and page that records console errors, page errors,
  dialogs and every request to another host (those requests are also blocked);
- :func:`set_color_scheme` switches Material's palette to light or dark the way a reader does;
- :func:`axe_violations` runs axe-core on a page and returns its violations as readable text.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

if TYPE_CHECKING:  # the fast tests use site_pages() and parse_html() without a browser
    from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Dialog, Page, Request, Route, WebSocket

ColorScheme = Literal["light", "dark"]

# Material's scheme names for the two modes of the palette toggle (mkdocs.yml theme.palette).
MATERIAL_SCHEMES: dict[str, str] = {"light": "default", "dark": "slate"}

# Wide enough for Material's desktop layout: both sidebars, the palette toggle and the search box.
VIEWPORT = {"width": 1280, "height": 900}

# Every guide of the page set up: guides.js marks each one ``data-ready`` when it has (Material's
# script, as shipped, has mounted its components by the load event).
GUIDES_READY = "() => [...document.querySelectorAll('.decision-guide')].every((g) => g.dataset.ready === 'true')"


def wait_for_guides(page: Page) -> None:
    """Wait until every guide on the page is set up (a reader's next tap finds it working)."""
    page.wait_for_function(GUIDES_READY)


@dataclass(frozen=True)
class SitePage:
    """One page of the built site."""

    url: str
    """Its URL relative to the site root: ``""`` (home), ``"start/"``, ``"404.html"``."""
    path: Path
    """Its HTML file."""


def site_pages(site_dir: Path) -> list[SitePage]:
    """Every page of a built site: each ``index.html`` and ``404.html``, home first, then by URL."""
    pages = []
    for path in site_dir.rglob("*.html"):
        if path.name not in ("index.html", "404.html"):
            continue
        rel = path.relative_to(site_dir).as_posix()
        url = rel[: -len("index.html")] if path.name == "index.html" else rel
        pages.append(SitePage(url, path))
    return sorted(pages, key=lambda p: (p.url != "", p.url))


# Attributes that load or link to something, by element (SVG's <use>/<image> too).
URL_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "use": ("href", "xlink:href"),
    "image": ("href", "xlink:href"),
    "iframe": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "form": ("action",),
}


@dataclass(frozen=True)
class Reference:
    """One URL in an HTML file: ``<tag attr="url">`` (one entry per ``srcset`` candidate)."""

    tag: str
    attr: str
    url: str
    rel: str = ""
    """The element's ``rel`` (``link``, ``a``), lower case."""


@dataclass
class ParsedHTML:
    """What the tests need from one built HTML file."""

    ids: set[str] = field(default_factory=set)
    title: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    """``<meta name=... content=...>`` by name (lower case)."""
    references: list[Reference] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    """CSS from ``<style>`` elements and ``style`` attributes."""


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out = ParsedHTML()
        self._in_title = False
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                self.out.ids.add(values[key])
        if tag == "title":
            self._in_title = True
        if tag == "style":
            self._in_style = True
        if tag == "meta" and values.get("name"):
            self.out.meta[values["name"].lower()] = values.get("content", "")
        if values.get("style"):
            self.out.styles.append(values["style"])
        for attr in URL_ATTRIBUTES.get(tag, ()):
            if attr not in values:
                continue
            urls = [c.split()[0] for c in values[attr].split(",") if c.strip()] if attr == "srcset" else [values[attr]]
            for url in urls:
                self.out.references.append(Reference(tag, attr, url.strip(), values.get("rel", "").lower()))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.out.title += data
        if self._in_style:
            self.out.styles.append(data)


def parse_html(path: Path) -> ParsedHTML:
    """Parse a built HTML (or SVG) file with the standard library's parser."""
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    parser.out.title = " ".join(parser.out.title.split())
    return parser.out


@dataclass
class RecordedPage:
    """A page in its own browser context, with what went wrong while it was used."""

    page: Page
    context: BrowserContext
    base_url: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    javascript: bool = True

    def goto(self, url: str, wait_until: Literal["load", "networkidle"] = "networkidle") -> None:
        """Load ``url`` (relative to the site root); by default wait until the network is idle,
        and, with JavaScript on, until the page's guides are set up."""
        self.page.goto(self.base_url + url.lstrip("/"), wait_until=wait_until)
        if self.javascript:
            wait_for_guides(self.page)

    def problems(self) -> list[str]:
        """Everything recorded, one line each; empty when all went well."""
        return (
            [f"console error: {m}" for m in self.console_errors]
            + [f"page error: {m}" for m in self.page_errors]
            + [f"dialog: {m}" for m in self.dialogs]
            + [f"request to another host (blocked): {u}" for u in self.external_requests]
        )

    def clear(self) -> None:
        """Forget what was recorded so far (to reuse the page for the next URL)."""
        for log in (self.console_errors, self.page_errors, self.dialogs, self.external_requests):
            log.clear()


def is_local(url: str, base_url: str) -> bool:
    """Whether ``url`` is served by the local server at ``base_url`` (or is inline: data:, blob:, about:)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "javascript"):
        return True
    return parts.netloc == urlsplit(base_url).netloc


@contextmanager
def recorded_page(
    browser: Browser,
    base_url: str,
    *,
    color_scheme: ColorScheme | None = None,
    **context_options: Any,
) -> Iterator[RecordedPage]:
    """Open a new context and page that records problems and blocks requests to other hosts.

    ``color_scheme`` sets the browser's ``prefers-color-scheme`` (Material's palette follows it
    on a first visit); other keyword arguments go to ``Browser.new_context``.
    """
    options: dict[str, Any] = {"viewport": VIEWPORT, "service_workers": "block", **context_options}
    if color_scheme is not None:
        options["color_scheme"] = color_scheme
    context = browser.new_context(**options)
    context.set_default_timeout(15_000)
    page = context.new_page()
    rec = RecordedPage(page, context, base_url, javascript=context_options.get("java_script_enabled", True))

    def on_console(msg: ConsoleMessage) -> None:
        if msg.type == "error":
            where = msg.location.get("url", "") if msg.location else ""
            rec.console_errors.append(f"{msg.text} ({page.url}; {where})")

    def on_dialog(dialog: Dialog) -> None:
        rec.dialogs.append(f"{dialog.type}: {dialog.message} ({page.url})")
        dialog.dismiss()

    def on_request(request: Request | WebSocket) -> None:
        if not is_local(request.url, base_url):
            rec.external_requests.append(f"{request.url} (from {page.url})")

    def block(route: Route) -> None:
        route.abort("blockedbyclient")

    page.on("console", on_console)
    page.on("pageerror", lambda exc: rec.page_errors.append(f"{exc} ({page.url})"))
    page.on("dialog", on_dialog)
    page.on("request", on_request)
    page.on("websocket", lambda ws: on_request(ws))  # a WebSocket also has .url

    context.route(lambda url: not is_local(url, base_url), block)
    try:
        yield rec
    finally:
        context.close()


def set_color_scheme(page: Page, scheme: ColorScheme) -> None:
    """Switch Material's palette to ``scheme`` by clicking its toggle, as a reader would.

    Material then keeps the choice in ``localStorage`` (key ``<site root path>.__palette``), so
    later pages of the same context open in that scheme. Also sets ``prefers-color-scheme``.
    Waits until the colour transitions have finished, so that contrast checks see final colours.
    """
    target = MATERIAL_SCHEMES[scheme]
    page.emulate_media(color_scheme=scheme)
    toggles = page.locator("form[data-palette-toggle] label.md-header__button:not([hidden])")
    for _ in range(len(MATERIAL_SCHEMES) + 1):
        if page.locator("body").get_attribute("data-md-color-scheme") == target:
            break
        if toggles.count() == 0:
            raise AssertionError(f"{page.url}: no palette toggle to switch to the {scheme} scheme")
        toggles.first.click()
    else:
        raise AssertionError(f"{page.url}: the palette toggle never reached the {scheme} scheme ({target})")
    page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))")


def color_scheme_of(page: Page) -> ColorScheme:
    """The scheme Material shows now (from ``body[data-md-color-scheme]``)."""
    current = page.locator("body").get_attribute("data-md-color-scheme")
    for name, material in MATERIAL_SCHEMES.items():
        if material == current:
            return name  # type: ignore[return-value]
    raise AssertionError(f"{page.url}: unknown Material scheme {current!r}")


def axe_violations(page: Page, context: str | list | dict | None = None) -> list[str]:
    """Run axe-core (axe-playwright-python) on ``page``; one readable paragraph per violation.

    Each entry names the rule, its impact, the help URL, and for each failing node its CSS target,
    its HTML and axe's messages (contrast ratios, missing names, ...). Empty means: no violation.
    """
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context=context)
    report = []
    for violation in results.response["violations"]:
        lines = [
            f"{violation['id']} ({violation.get('impact')}): {violation['help']} [{page.url}]",
            f"  {violation.get('helpUrl', '')}",
        ]
        for node in violation["nodes"]:
            target = ", ".join(str(t) for t in node.get("target", []))
            html = " ".join(node.get("html", "").split())[:200]
            lines.append(f"  - {target}: {html}")
            for check in node.get("any", []) + node.get("all", []) + node.get("none", []):
                lines.append(f"      * {check.get('message', '')}")
        report.append("\n".join(lines))
    return report
