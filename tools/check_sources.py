"""Notice when RingCentral edits a page the site cites (issue 20, "Every answer names its source").

Usage, from the repository's root::

    python -m tools.check_sources [--base-url URL] [--timeout SECONDS] [--table MODULE:ATTR]
    python -m tools.check_sources --propose ID PAGE "PHRASE" [--base-url URL] [--include-root DIR]

The check fetches each RingCentral page that ``macros.decisions.sources.SOURCES`` cites, once, reads
its text (``tools.pages.page_text``) and reports every entry whose phrase is gone, or whose sentence
has another fingerprint, with the rules (guides of ``GUIDES``, rows of ``CHANGES``) and the pages
(``docs/*.md``) that rest on it (``tools.citations``); and every page it could not read, and why.
Only words count: markup, case and whitespace edits do not. It exits 1 if it reports anything, 0 if
every entry holds. The seed's and the RFCs' entries are not fetched: the seed is history (its entries
are tested against ``tests/data/``) and an RFC never changes.

- ``--base-url URL`` reads ``https://developers.ringcentral.com/...`` from ``URL...`` instead (a mirror,
  or a local server in the tests).
- ``--timeout SECONDS`` (default 20) bounds each connection and each read of a page.
- ``--table MODULE:ATTR`` checks another table (a mapping of id to ``Source``); the tests use it.

``--propose`` is for writing or re-checking an entry: it prints the entry for the sentence that now
holds PHRASE on PAGE, with that sentence's fingerprint. PAGE is a URL, or a local ``.md`` file
rendered as RingCentral renders it (``{! path !}`` includes resolved against ``--include-root``,
RingCentral's repository root), or a local ``.html`` file. For example::

    python -m tools.check_sources --propose seed-icon tests/data/seed-creating-an-application.md \\
        "Add-ins and bots require an icon"
"""

import argparse
import importlib
import sys
import urllib.error
import urllib.request
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from macros.decisions import GUIDES, Guide
from macros.decisions.changes import CHANGES
from macros.decisions.sources import SOURCES, Source, fingerprint, sentence_with
from tools.citations import Dependents, dependents
from tools.pages import include, markdown_html, page_text

RINGCENTRAL = "https://developers.ringcentral.com/"
DOCS = Path(__file__).resolve().parents[1] / "docs"


class Unreadable(Exception):
    """A page that could not be read; the message says why."""


class Finding(NamedTuple):
    """An entry that no longer holds, and how."""

    source: Source
    problem: str


class Result(NamedTuple):
    findings: tuple[Finding, ...]
    unreadable: Mapping[str, str]  # page -> why
    dependents: Mapping[str, Dependents]  # fact id -> what rests on it, for the findings
    checked: int  # entries compared with their page
    skipped: int  # entries not fetched (seed, RFCs)


def located(url: str, base_url: str | None) -> str:
    """Where to read ``url``: on ``base_url`` instead of RingCentral's host, if given."""
    if base_url and url.startswith(RINGCENTRAL):
        return base_url.rstrip("/") + "/" + url[len(RINGCENTRAL) :]
    return url


def fetch(url: str, timeout: float) -> str:
    """The page's HTML; ``Unreadable`` with the reason (timeout, HTTP status, network error)."""
    request = urllib.request.Request(url, headers={"User-Agent": "create-app-guide sources check"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body: bytes = response.read()
            return body.decode(response.headers.get_content_charset() or "utf-8", errors="replace")
    except urllib.error.HTTPError as error:
        raise Unreadable(f"HTTP {error.code} {error.reason}") from error
    except TimeoutError as error:
        raise Unreadable(f"timed out after {timeout:g} s") from error
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise Unreadable(f"timed out after {timeout:g} s") from error
        raise Unreadable(f"not reachable: {error.reason}") from error


def compare(table: Mapping[str, Source], texts: Mapping[str, str]) -> tuple[Finding, ...]:
    """Every entry whose page was read and whose phrase is gone or sentence changed."""
    findings = []
    for entry in table.values():
        if entry.page not in texts:
            continue
        sentence = sentence_with(texts[entry.page], entry.phrase)
        if sentence is None:
            findings.append(Finding(entry, "phrase gone"))
        elif fingerprint(sentence) != entry.fingerprint:
            findings.append(
                Finding(entry, f"sentence changed (fingerprint {fingerprint(sentence)}, table {entry.fingerprint})")
            )
    return tuple(findings)


def check(
    table: Mapping[str, Source],
    *,
    base_url: str | None = None,
    timeout: float = 20,
    guides: Mapping[str, Guide] = GUIDES,
    changes: Mapping[str, object] = CHANGES,
    pages: Mapping[str, str] | None = None,
) -> Result:
    """Fetch each cited page once and compare every entry with it. ``pages``: the site's pages
    (file name -> Markdown), by default ``docs/*.md``."""
    texts: dict[str, str] = {}
    unreadable: dict[str, str] = {}
    for page in dict.fromkeys(entry.page for entry in table.values() if entry.fetched):
        try:
            texts[page] = page_text(fetch(located(page, base_url), timeout))
        except Unreadable as error:
            unreadable[page] = str(error)
    findings = compare(table, texts)
    if pages is None:
        pages = {path.name: path.read_text(encoding="utf-8") for path in sorted(DOCS.glob("*.md"))}
    return Result(
        findings,
        unreadable,
        dependents((finding.source.id for finding in findings), guides, changes, pages),
        checked=sum(entry.page in texts for entry in table.values()),
        skipped=sum(not entry.fetched for entry in table.values()),
    )


def _names(label: str, names: Sequence[str]) -> str:
    return f"{label}: {', '.join(names) if names else '(none)'}"


def report(table: Mapping[str, Source], result: Result) -> list[str]:
    """The lines the command prints: each finding with what rests on it, each unreadable page, a summary."""
    lines = []
    for finding in result.findings:
        entry, rests = finding.source, result.dependents[finding.source.id]
        lines += [
            f"{entry.id}: {finding.problem}",
            f"  page: {entry.page}",
            f'  phrase: "{entry.phrase}"',
            f"  {_names('rules', [*rests.guides, *(f'changes[{row}]' for row in rests.changes)])}",
            f"  {_names('pages', [f'docs/{page}' for page in rests.pages])}",
        ]
    for page, why in result.unreadable.items():
        unchecked = [entry.id for entry in table.values() if entry.page == page]
        lines.append(f"{page}: could not be read ({why}); not checked: {', '.join(unchecked)}")
    lines.append(
        f"{len(result.findings)} of {result.checked} entries changed, {len(result.unreadable)} pages unreadable; "
        f"{result.skipped} seed and RFC entries not fetched (the seed is history, RFCs do not change)"
    )
    return lines


def propose(source_id: str, page: str, phrase: str, base_url: str | None, timeout: float, root: Path) -> list[str]:
    """The entry for the sentence that now holds ``phrase`` on ``page`` (see the module's docstring)."""
    path = Path(page)
    if page.startswith(("http://", "https://")):
        text = page_text(fetch(located(page, base_url), timeout))
    elif path.suffix == ".md":
        text = page_text(markdown_html(include(path.read_text(encoding="utf-8"), root)))
    else:
        text = page_text(path.read_text(encoding="utf-8"))
    sentence = sentence_with(text, phrase)
    if sentence is None:
        raise Unreadable(f"{phrase!r} is in no sentence of {page}")
    return [f"sentence: {sentence}", f"    Source({source_id!r}, {page!r}, {phrase!r}, {fingerprint(sentence)!r}),"]


def load_table(spec: str) -> Mapping[str, Source]:
    """``module:attr``, a table other than ``SOURCES``."""
    module, _, attr = spec.partition(":")
    table: Mapping[str, Source] = getattr(importlib.import_module(module), attr)
    return table


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.check_sources", description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", help=f"read {RINGCENTRAL}... from this URL instead")
    parser.add_argument("--timeout", type=float, default=20, help="seconds per connection and read (default 20)")
    parser.add_argument("--table", help="MODULE:ATTR of another table of sources (tests)")
    parser.add_argument("--propose", nargs=3, metavar=("ID", "PAGE", "PHRASE"), help="print the entry for PHRASE")
    parser.add_argument("--include-root", type=Path, default=Path.cwd(), help="root of {! path !} includes")
    args: Any = parser.parse_args(None if argv is None else list(argv))
    if args.propose:
        try:
            source_id, page, phrase = args.propose
            print("\n".join(propose(source_id, page, phrase, args.base_url, args.timeout, args.include_root)))
        except Unreadable as error:
            print(error, file=sys.stderr)
            return 1
        return 0
    table = load_table(args.table) if args.table else SOURCES
    result = check(table, base_url=args.base_url, timeout=args.timeout)
    print("\n".join(report(table, result)))
    return 1 if result.findings or result.unreadable else 0


if __name__ == "__main__":
    sys.exit(main())
