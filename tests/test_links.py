"""Links and assets in the built HTML and CSS (raw HTML and macro output included).

- every internal reference resolves to a file of the built site, and every ``#fragment`` to an
  id on its target page;
- nothing is loaded from another host: scripts, stylesheets, images, fonts (``url()`` and
  ``@import`` in CSS files, ``<style>`` and ``style=""`` too);
- links to other hosts are the https pages of ``macros.decisions.facts.EXTERNAL_URLS``, the one
  list that the rules and the pages use too (taken from shared/reference/facts.md).
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from browser_tools import ParsedHTML, parse_html
from macros.decisions import facts

# A pseudo-origin to resolve relative URLs against: anything that keeps it is internal.
ORIGIN = "http://site.invalid"
INLINE_SCHEMES = ("data:", "blob:", "about:")

CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)""", re.IGNORECASE)
CSS_IMPORT = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


@functools.cache
def _parsed(path: Path) -> ParsedHTML:
    return parse_html(path)


def html_files(site_dir: Path) -> list[Path]:
    """Every built HTML file, pages or not."""
    return sorted(site_dir.rglob("*.html"))


def page_url(site_dir: Path, path: Path) -> str:
    """The pseudo-absolute URL a built file is served at."""
    return f"{ORIGIN}/{path.relative_to(site_dir).as_posix()}"


def is_inline(url: str) -> bool:
    return url.lower().startswith(INLINE_SCHEMES)


def resolve(site_dir: Path, base: str, url: str) -> tuple[Path | None, str, str]:
    """Resolve ``url`` (relative to ``base``) to (file in the site or None if external, fragment, absolute URL)."""
    absolute = urljoin(base, url)
    parts = urlsplit(absolute)
    if f"{parts.scheme}://{parts.netloc}" != ORIGIN:
        return None, parts.fragment, absolute
    rel = posixpath.normpath(unquote(parts.path)).lstrip("/")
    target = site_dir / rel if rel not in ("", ".") else site_dir
    if target.is_dir() or parts.path.endswith("/"):
        target = target / "index.html"
    return target, unquote(parts.fragment), absolute


def css_urls(css: str) -> Iterable[str]:
    """Every ``url(...)`` and ``@import "..."`` in a stylesheet."""
    css = CSS_COMMENT.sub("", css)
    for match in list(CSS_URL.finditer(css)) + list(CSS_IMPORT.finditer(css)):
        yield next(group for group in match.groups() if group is not None)


def allowed_external_links() -> list[re.Pattern[str]]:
    """The pages of ``facts.EXTERNAL_URLS`` as patterns (fragment ignored); the "new app" link takes a query."""
    patterns = [re.compile(re.escape(url.split("#", 1)[0])) for url in facts.EXTERNAL_URLS if url != facts.NEW_APP_URL]
    return patterns + [re.compile(re.escape(facts.NEW_APP_URL) + r"\?.+")]


def is_allowed_external(url: str, allowed: list[re.Pattern[str]]) -> bool:
    if not url.startswith("https://"):
        return False
    bare = url.split("#", 1)[0]
    return any(pattern.fullmatch(bare) for pattern in allowed)


def test_internal_references_resolve(site_dir: Path) -> None:
    problems = []
    checked = 0
    for path in html_files(site_dir):
        base = page_url(site_dir, path)
        for ref in _parsed(path).references:
            if not ref.url or is_inline(ref.url) or ref.url.lower().startswith(("mailto:", "tel:", "javascript:")):
                continue
            target, fragment, absolute = resolve(site_dir, base, ref.url)
            if target is None:
                continue  # another host: see the tests below
            checked += 1
            where = f"{path.relative_to(site_dir)}: <{ref.tag} {ref.attr}=\"{ref.url}\">"
            if not target.is_file():
                problems.append(f"{where} -> no file {target.relative_to(site_dir)}")
                continue
            if (
                fragment
                and fragment != "top"
                and target.suffix in (".html", ".svg")
                and fragment not in _parsed(target).ids
            ):
                problems.append(f"{where} -> no id \"{fragment}\" in {target.relative_to(site_dir)}")
    assert checked, "no internal reference found: is the site empty?"
    assert not problems, f"{len(problems)} broken internal references:\n" + "\n".join(problems)


def test_no_asset_from_another_host(site_dir: Path) -> None:
    """Scripts, stylesheets, icons, images, media and frames come from the site itself."""
    problems = []
    for path in html_files(site_dir):
        base = page_url(site_dir, path)
        for ref in _parsed(path).references:
            if ref.tag in ("a", "area") or not ref.url or is_inline(ref.url):
                continue
            target, _, absolute = resolve(site_dir, base, ref.url)
            if target is None:
                problems.append(f"{path.relative_to(site_dir)}: <{ref.tag} {ref.attr}=\"{ref.url}\"> loads {absolute}")
    assert not problems, "assets from another host:\n" + "\n".join(problems)


def test_css_loads_nothing_from_another_host(site_dir: Path) -> None:
    """Fonts, images and imports in CSS files, <style> elements and style attributes are local and exist."""
    problems = []
    sources: list[tuple[str, str, str]] = []  # (where, base URL, css)
    for css_file in sorted(site_dir.rglob("*.css")):
        sources.append(
            (str(css_file.relative_to(site_dir)), page_url(site_dir, css_file), css_file.read_text(encoding="utf-8"))
        )
    for path in html_files(site_dir):
        for css in _parsed(path).styles:
            sources.append((f"{path.relative_to(site_dir)} (inline style)", page_url(site_dir, path), css))
    assert sources, "no CSS found in the built site"
    for where, base, css in sources:
        for url in css_urls(css):
            if not url or is_inline(url) or url.startswith("#"):
                continue
            target, _, absolute = resolve(site_dir, base, url)
            if target is None:
                problems.append(f"{where}: url({url}) loads {absolute} from another host")
            elif not target.is_file():
                problems.append(f"{where}: url({url}) -> no file {target.relative_to(site_dir)}")
    assert not problems, "\n".join(problems)


def test_links_to_other_hosts_are_listed_in_facts(site_dir: Path) -> None:
    external = []
    for path in html_files(site_dir):
        base = page_url(site_dir, path)
        for ref in _parsed(path).references:
            if ref.tag not in ("a", "area") or not ref.url or is_inline(ref.url):
                continue
            target, _, absolute = resolve(site_dir, base, ref.url)
            if target is not None:
                continue
            external.append((f"{path.relative_to(site_dir)}: <a href=\"{ref.url}\">", absolute))
    assert external, "the site links to RingCentral's pages; none found"
    allowed = allowed_external_links()
    problems = [
        f"{where} is not an https URL of facts.EXTERNAL_URLS"
        for where, url in external
        if not is_allowed_external(url, allowed)
    ]
    assert not problems, "\n".join(problems)


def test_allowed_external_links_match_as_intended() -> None:
    allowed = allowed_external_links()
    ok = [
        "https://developers.ringcentral.com/guide/getting-started/register-app",
        "https://developers.ringcentral.com/login.html#/",
        "https://developer.ringcentral.com/new-app?name=My%20app&public=false&type=ServerWeb",
    ]
    not_ok = [
        "http://developers.ringcentral.com/guide/getting-started/register-app",
        "https://developers.ringcentral.com/guide/getting-started/register-app/extra",
        "https://example.com/",
        "https://developer.ringcentral.com/new-app",
        "https://squidfunk.github.io/mkdocs-material/",
    ]
    assert all(is_allowed_external(url, allowed) for url in ok), [u for u in ok if not is_allowed_external(u, allowed)]
    assert not any(is_allowed_external(url, allowed) for url in not_ok), [
        u for u in not_ok if is_allowed_external(u, allowed)
    ]


def test_resolve_maps_urls_to_files(tmp_path: Path) -> None:
    (tmp_path / "start").mkdir()
    (tmp_path / "start" / "index.html").write_text("<h1 id='a'>x</h1>")
    base = page_url(tmp_path, tmp_path / "index.html")
    assert resolve(tmp_path, base, "start/#a") == (tmp_path / "start" / "index.html", "a", f"{ORIGIN}/start/#a")
    assert resolve(tmp_path, base, "start")[0] == tmp_path / "start" / "index.html"
    assert resolve(tmp_path, base, "/")[0] == tmp_path / "index.html"
    assert resolve(tmp_path, base, "//cdn.example/x.js")[0] is None
    assert list(css_urls("a{b:url(x.woff2)} /* url(y) */ @import 'z.css'; c{d:url( \"w.png\" )}")) == [
        "x.woff2",
        "w.png",
        "z.css",
    ]


MARKDOWN_TARGET = re.compile(r"\]\(<?([^)\s>]+)>?\)")
JSON_URL = re.compile(r'"(https?://[^"]+)"')


def test_files_for_programs_link_only_to_the_site_and_facts(site_dir: Path) -> None:
    """llms.txt, the Markdown twins and the guides' data: links inside the site resolve to a file, and
    links to other hosts are pages of facts.EXTERNAL_URLS (the JSON's own site_url links aside)."""
    site_url = "https://create-app-guide.example.com/"  # mkdocs.yml's site_url, which the JSON files use
    allowed = allowed_external_links()
    files = [site_dir / "llms.txt", *site_dir.glob("**/index.md"), *(site_dir / "guides").glob("*.json")]
    assert len(files) > 10, "the files for programs are missing"
    problems = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        urls = JSON_URL.findall(text) if path.suffix == ".json" else MARKDOWN_TARGET.findall(text)
        for url in urls:
            if url.startswith(site_url):
                url = "/" + url.removeprefix(site_url)
            if url.startswith(("https://", "http://")):
                known = url == facts.NEW_APP_URL or url.startswith(
                    "https://json-schema.org/"
                )  # the link's base; $schema
                if not is_allowed_external(url, allowed) and not known:
                    problems.append(f"{path.relative_to(site_dir)}: {url} is not in facts.EXTERNAL_URLS")
                continue
            base = site_dir if url.startswith("/") else path.parent
            target = (base / unquote(url.split("#")[0]).lstrip("/")).resolve()
            target = target / "index.html" if target.is_dir() else target
            if not target.is_file():
                problems.append(f"{path.relative_to(site_dir)}: {url} -> no file")
    assert not problems, "\n".join(problems)
