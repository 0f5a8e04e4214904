"""Two more checkers beside axe-core, since each engine misses what another finds.

- The Nu HTML Checker (``vnu.jar``) validates every built page as served, and the planner's markup
  as the page has it once answered (the DOM after the guides' script has filled it in).
- pa11y-ci with HTML_CodeSniffer (WCAG 2 AA) checks every page in Debian's Chromium, and the
  planner answered.

Both come pinned from ``tests/package.json``: when they are missing, the first test that needs them
runs ``npm ci --prefix tests`` (Puppeteer's own browser download skipped: pa11y-ci drives Debian's).
Only the exceptions below pass, each with its reason; anything else fails with the tool's report.
Without Node.js, Java or the installed packages the tests skip locally and fail in CI.
"""

from __future__ import annotations

import fcntl
import functools
import json
import os
import random
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from browser_tools import recorded_page, site_pages
from conftest import CHROMIUM_ARGS, DEFAULT_CHROMIUM, no_tool
from guide_tools import open_guides, pages_of, query
from test_plan_browser import plan_pairs, random_plan

TESTS_DIR = Path(__file__).resolve().parent
VNU_JAR = TESTS_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PA11Y_CI = TESTS_DIR / "node_modules" / ".bin" / "pa11y-ci"
NPM_HINT = "run `PUPPETEER_SKIP_DOWNLOAD=true npm ci --prefix tests`"
ANSWERED_PLANS = 3  # seeded valid plans (random.Random(0), (1), (2)), as the planner's tests make them


@dataclass(frozen=True)
class Allowed:
    """A finding that is allowed: what it says, where it is, and why it is not ours to fix."""

    message: str  # a regular expression the tool's message matches
    where: str  # a regular expression the markup (vnu) or the CSS selector (pa11y) matches
    reason: str


VNU_EXCEPTIONS = [
    Allowed(
        r"Attribute “autocomplete” is only allowed when the input type is",
        r'class="md-toggle"',
        "Material's own template: its drawer and search toggles are checkboxes with autocomplete=off "
        "(a default Material site has the same error).",
    ),
    Allowed(
        r"Bad value “” for attribute “tabindex” on element “label”",
        r'class="md-nav__link"',
        "Material's own template: the navigation's section labels carry an empty tabindex "
        "(a default Material site has the same error).",
    ),
]

# HTML_CodeSniffer's H32.2, "this form does not contain a submit button", is a technique, not a
# failure of WCAG 3.2.2: it asks that submitting a form be the reader's own act. Material's search
# box and colour-scheme toggle are forms that act as the reader types or clicks; the guides are
# forms on purpose (they work without JavaScript as plain HTML) that answer live as each question
# is answered, which changes no context: nothing is sent and the reader stays on the page.
FORM_WITHOUT_SUBMIT = "WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2"
PA11Y_EXCEPTIONS = [
    Allowed(FORM_WITHOUT_SUBMIT, r"^html > body > header > nav > ", "Material's header forms: search, palette."),
    Allowed(FORM_WITHOUT_SUBMIT, r"^#guide-[a-z-]+ > form$", "A live guide answers as the reader answers."),
]


def allowed(exceptions: list[Allowed], message: str, where: str) -> bool:
    """True when one of ``exceptions`` covers this finding."""
    return any(re.search(e.message, message) and re.search(e.where, where) for e in exceptions)


@functools.cache
def install_node_tools() -> str:
    """``npm ci --prefix tests`` unless both tools are there; one worker at a time (a lock file).
    What went wrong, or ``""``."""
    npm = shutil.which("npm")
    if npm is None:
        return "no `npm` on PATH to install them with (apt-get install -y nodejs npm)"
    with (TESTS_DIR / "node_modules.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if VNU_JAR.is_file() and PA11Y_CI.is_file():
            return ""
        proc = subprocess.run(
            [npm, "ci", "--prefix", str(TESTS_DIR), "--no-audit", "--no-fund", "--loglevel=error"],
            env=dict(os.environ, PUPPETEER_SKIP_DOWNLOAD="true"),
            capture_output=True,
            text=True,
            timeout=900,
        )
    return "" if proc.returncode == 0 else f"`npm ci --prefix tests` failed: {proc.stderr[-2000:]}"


def require(path: Path, what: str) -> None:
    """Install the Node tools when missing; skip locally, fail in CI, when that does not work."""
    if not path.is_file():
        problem = install_node_tools()
        if not path.is_file():
            no_tool(f"{what} is not installed at {path} ({problem or 'npm ci did not bring it'}): {NPM_HINT}")


def answered_planner_urls(site_dir: Path) -> list[str]:
    """The planner's page with a few valid plans answered in its URL (the planner's own sample)."""
    plan_page = pages_of(site_dir)["plan_app"][0]
    return [plan_page + query(plan_pairs(random_plan(random.Random(seed)))) for seed in range(ANSWERED_PLANS)]


# Nu HTML Checker ---------------------------------------------------------------------------------


def vnu_findings(files: list[Path]) -> list[dict[str, Any]]:
    """Every message vnu gives on ``files``, but plain information ("info" without a subtype)."""
    java = shutil.which("java")
    if java is None:
        no_tool("no `java` on PATH: the Nu HTML Checker needs Java 11 or newer (apt-get install -y default-jre)")
    require(VNU_JAR, "the Nu HTML Checker (npm vnu-jar)")
    proc = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    try:
        messages = json.loads(proc.stderr or proc.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu gave no JSON report (exit {proc.returncode}):\n{proc.stdout}{proc.stderr}", pytrace=False)
    return [m for m in messages if m["type"] != "info" or m.get("subType") == "warning"]


def vnu_report(files: list[Path], root: Path) -> list[str]:
    """The findings no exception covers, one readable line each."""
    return [
        f"{Path(m['url'].removeprefix('file:')).relative_to(root)}:{m.get('lastLine', '?')}: "
        f"{m['type']}: {m['message']}\n    {m.get('extract', '').strip()}"
        for m in vnu_findings(files)
        if not allowed(VNU_EXCEPTIONS, m["message"], m.get("extract", ""))
    ]


def test_nu_html_checker_on_every_page(site_dir: Path) -> None:
    files = [page.path for page in site_pages(site_dir)]
    report = vnu_report(files, site_dir)
    assert not report, f"Nu HTML Checker, {len(files)} pages:\n" + "\n".join(report)


def test_nu_html_checker_on_the_answered_planner(browser, base_url: str, site_dir: Path, tmp_path: Path) -> None:
    """The planner's markup after its script has shown the plan, as the DOM serializes it."""
    files = []
    with recorded_page(browser, base_url) as rec:
        for number, url in enumerate(answered_planner_urls(site_dir)):
            open_guides(rec, url)
            files.append(tmp_path / f"plan-{number}.html")
            files[-1].write_text(rec.page.content(), encoding="utf-8")
            assert not rec.problems(), rec.problems()
    report = vnu_report(files, tmp_path)
    assert not report, "Nu HTML Checker, the answered planner:\n" + "\n".join(report)


# pa11y-ci with HTML_CodeSniffer -------------------------------------------------------------------


def pa11y_report(urls: list[str], tmp_path: Path) -> list[str]:
    """HTML_CodeSniffer's errors (WCAG 2 AA) on ``urls`` that no exception covers."""
    chromium = os.environ.get("CHROMIUM", DEFAULT_CHROMIUM)
    if not Path(chromium).is_file():
        no_tool(f"no Chromium at {chromium}: run `apt-get install -y chromium` (or set CHROMIUM)")
    if shutil.which("node") is None:
        no_tool("no `node` on PATH: pa11y-ci needs Node.js")
    require(PA11Y_CI, "pa11y-ci")
    config = tmp_path / "pa11y-ci.json"
    config.write_text(
        json.dumps(
            {
                "defaults": {
                    "standard": "WCAG2AA",
                    "runners": ["htmlcs"],
                    "timeout": 60_000,
                    "chromeLaunchConfig": {"executablePath": chromium, "args": CHROMIUM_ARGS},
                },
                "urls": urls,
            }
        ),
        encoding="utf-8",
    )
    proc = subprocess.run(
        [str(PA11Y_CI), "--config", str(config), "--json"], capture_output=True, text=True, timeout=900
    )
    try:
        results: dict[str, list[Any]] = json.loads(proc.stdout)["results"]
    except (ValueError, KeyError):
        pytest.fail(
            f"pa11y-ci gave no JSON report (exit {proc.returncode}):\n{proc.stdout}{proc.stderr}", pytrace=False
        )
    report = []
    for url, issues in results.items():
        for issue in issues:
            if not isinstance(issue, dict):  # pa11y-ci reports a page it could not load as a message
                report.append(f"{url}: {issue}")
            elif not allowed(PA11Y_EXCEPTIONS, issue["code"], issue["selector"]):
                report.append(f"{url}: {issue['code']} at {issue['selector']}\n    {issue['message']}")
    missing = set(urls) - set(results)
    return report + [f"{url}: not checked" for url in sorted(missing)]


@pytest.mark.browser
def test_html_codesniffer_on_every_page(base_url: str, site_dir: Path, tmp_path: Path) -> None:
    urls = [base_url + page.url for page in site_pages(site_dir)]
    report = pa11y_report(urls, tmp_path)
    assert not report, f"pa11y-ci (HTML_CodeSniffer), {len(urls)} pages:\n" + "\n".join(report)


@pytest.mark.browser
def test_html_codesniffer_on_the_answered_planner(base_url: str, site_dir: Path, tmp_path: Path) -> None:
    urls = [base_url + url for url in answered_planner_urls(site_dir)]
    report = pa11y_report(urls, tmp_path)
    assert not report, "pa11y-ci (HTML_CodeSniffer), the answered planner:\n" + "\n".join(report)


@pytest.mark.parametrize(
    ("exceptions", "message", "where", "expected"),
    [
        (PA11Y_EXCEPTIONS, FORM_WITHOUT_SUBMIT, "#guide-plan-app > form", True),
        (PA11Y_EXCEPTIONS, FORM_WITHOUT_SUBMIT, "#main > form", False),
        (PA11Y_EXCEPTIONS, "WCAG2AA.Principle4.Guideline4_1.4_1_2.H91.InputCheckbox.Name", "#__toc", False),
        (
            VNU_EXCEPTIONS,
            "Bad value “” for attribute “tabindex” on element “label”",
            '<label class="md-nav__link"',
            True,
        ),
        (VNU_EXCEPTIONS, "Bad value “” for attribute “tabindex” on element “label”", '<label class="answer"', False),
    ],
)
def test_exceptions_cover_only_what_they_say(
    exceptions: list[Allowed], message: str, where: str, expected: bool
) -> None:
    assert allowed(exceptions, message, where) is expected
