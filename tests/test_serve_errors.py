"""A writer's mistakes: ``mkdocs serve`` keeps running and shows each at the top of the page; a build fails.

Each mistake is made on a temporary copy of the project. The page, guide and rule it touches, and
the line and message expected, are derived from the pages, from ``macros.decisions.GUIDES``, from
Jinja and from Python, so that the tests follow the content.
"""

from __future__ import annotations

import ast
import html
import inspect
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin

import jinja2
import pytest

from dev_server import DevServer, dev_server
from devtools.project import copy_project, mkdocs_env
from macros.decisions import GUIDES
from macros.decisions.changes import CHANGES
from macros.decisions.sources import SOURCES
from macros.page_errors import MARK
from test_guides_build import MACRO, RAW

ROOT = Path(__file__).resolve().parents[1]
VALID = ", ".join(GUIDES)
ADMONITION = re.compile(rf"<div [^>]*{MARK}[^>]*>(.*?)</div>", re.S)
SHOWN = re.compile(r"<code>(.*?)</code>", re.S)
HREF = re.compile(r'<a href="([^"]+)">Writing guides</a>')
GUIDE_ON_PAGE = re.compile(r'<div class="decision-guide"[^>]*\sdata-guide="(\w+)"')
SOURCE_IDS = ", ".join(SOURCES)
ANY_MACRO = re.compile(r"\{\{\s*(guide|changed|changes|cite)\((.*?)\)\s*\}\}")


@dataclass(frozen=True)
class Mistake:
    """One edit a writer saves: the file and its new text, and the messages each affected page shows."""

    path: str  # relative to the project
    text: str
    shown: dict[str, list[str]]  # page source -> its messages, in page order
    whole: bool = True  # the pages show these messages and no other


def text_of(path: str) -> str:
    return (ROOT / path).read_text(encoding="utf-8")


def line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def calls(page: str) -> list[tuple[str, int, re.Match[str]]]:
    """(guide name, line, match) of each guide call the page runs (not those shown in raw blocks)."""
    text = text_of(f"docs/{page}")
    raw = [m.span() for m in RAW.finditer(text)]
    return [
        (m.group(1), line_of(text, m.start()), m)
        for m in MACRO.finditer(text)
        if not any(start <= m.start() < end for start, end in raw)
    ]


def macro_calls(page: str) -> list[tuple[str, int]]:
    """Every macro call the page runs, as the error messages write it (``changed('a', 'b')``), with its line."""
    text = text_of(f"docs/{page}")
    raw = [m.span() for m in RAW.finditer(text)]
    return [
        (
            f"{m.group(1)}({', '.join(map(repr, ast.literal_eval(f'({m.group(2)},)') if m.group(2) else ()))})",
            line_of(text, m.start()),
        )
        for m in ANY_MACRO.finditer(text)
        if not any(start <= m.start() < end for start, end in raw)
    ]


PAGES = sorted(p.name for p in (ROOT / "docs").glob("*.md"))
GUIDE_PAGES = [page for page in PAGES if calls(page)]
MACRO_PAGES = [page for page in PAGES if macro_calls(page)]
PLAIN_PAGE = next(page for page in PAGES if not macro_calls(page))
PAGE = GUIDE_PAGES[0]
NAME, LINE, CALL = calls(PAGE)[0]


def called_on_import(function: object) -> bool:
    """Whether a module in macros/ calls the function outside a function body, that is when it is imported."""
    name = function.__name__
    for path in (ROOT / "macros").rglob("*.py"):
        for statement in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(statement, ast.FunctionDef) and any(
                isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name
                for node in ast.walk(statement)
            ):
                return True
    return False


# The rule that a test edits into a bug: the first one that no import runs, so that it fails in its guide.
# Other guides may call it too (the planner does): their pages show the error as well.
RULE_PAGE, RULE_GUIDE, RULE_LINE = next(
    (page, name, line)
    for page in GUIDE_PAGES
    for name, line, _ in calls(page)
    if not called_on_import(GUIDES[name].function)
)
RULE = GUIDES[RULE_GUIDE].function
RULE_FILE = Path(inspect.getsourcefile(RULE) or "").resolve().relative_to(ROOT).as_posix()


def url(page: str) -> str:
    return "" if page == "index.md" else page.removesuffix(".md") + "/"


def instead_of_call(replacement: str, message: str) -> Mistake:
    """The page's first guide call replaced; the message is about that line."""
    text = text_of(f"docs/{PAGE}")
    return Mistake(
        f"docs/{PAGE}", text[: CALL.start()] + replacement + text[CALL.end() :], {PAGE: [f"{PAGE}:{LINE}: {message}"]}
    )


def appended(page: str, call: str, message: str) -> Mistake:
    """A call added at the end of the page."""
    text = text_of(f"docs/{page}") + f"\n{call}\n"
    return Mistake(f"docs/{page}", text, {page: [f"{page}:{line_of(text, text.rindex(call))}: {message}"]})


def jinja_mistake(replacement: str) -> Mistake:
    """A Jinja syntax error instead of the first call: line and message as Jinja reports them for the file."""
    text = text_of(f"docs/{PAGE}")
    broken = text[: CALL.start()] + replacement + text[CALL.end() :]
    try:
        jinja2.Environment().parse(broken)  # the front matter holds no Jinja: Jinja's lines are the file's
    except jinja2.TemplateSyntaxError as error:
        return Mistake(f"docs/{PAGE}", broken, {PAGE: [f"{PAGE}:{error.lineno}: Jinja syntax error: {error.message}"]})
    raise AssertionError(f"{replacement!r} is no Jinja syntax error")


def clash() -> Mistake:
    """A guide added to a page where another guide already keeps one of its questions in the URL."""
    for page in GUIDE_PAGES:
        asked: dict[str, str] = {}
        for name, _, _ in calls(page):
            for question in GUIDES[name].questions:
                asked.setdefault(question.name, name)
        for other, guide in GUIDES.items():
            shared = [q.name for q in guide.questions if q.name in asked]
            if other not in asked.values() and shared:
                return appended(
                    page,
                    f'{{{{ guide("{other}") }}}}',
                    f"guide({other!r}) and guide({asked[shared[0]]!r}) both keep {shared[0]!r} in the "
                    "URL; put them on different pages",
                )
    raise AssertionError("no two guides share a question: the clash case needs a new example")


def rule_raises() -> Mistake:
    """The rule replaced, at the end of its module, by one that raises when its guide is built."""
    text = text_of(RULE_FILE) + (
        "\n\ndef _edited_into_a_bug(**answers):\n"
        '    raise ZeroDivisionError("a rule edited into a bug")\n\n\n'
        f"{RULE.__name__} = _edited_into_a_bug\n"
    )
    raised = line_of(text, text.rindex("raise ZeroDivisionError"))
    return Mistake(
        RULE_FILE,
        text,
        {
            RULE_PAGE: [
                f"{RULE_PAGE}:{RULE_LINE}: guide({RULE_GUIDE!r}) failed: "
                f"{RULE_FILE}:{raised}: ZeroDivisionError: a rule edited into a bug"
            ]
        },
        whole=False,
    )


def half_typed_line() -> Mistake:
    """A half-typed line saved in the rule's module: every guide call on every page reports Python's error."""
    text = text_of(RULE_FILE) + "\ndef half_typed(\n"
    try:
        compile(text, RULE_FILE, "exec")
    except SyntaxError as error:
        reason = f"{RULE_FILE}:{error.lineno}: SyntaxError: {error.msg}"
        return Mistake(
            RULE_FILE,
            text,
            {
                page: [f"{page}:{line}: {call} cannot run: {reason}" for call, line in macro_calls(page)]
                for page in MACRO_PAGES
            },
        )
    raise AssertionError("the half-typed line compiles")


def mistakes(plugin_macros: list[str]) -> dict[str, Mistake]:
    """Every mistake of the issue, by name; the undefined-name message lists the plugin's macros."""
    return {
        "unknown": instead_of_call(
            f'{{{{ guide("{NAME}e") }}}}', f"guide({NAME + 'e'!r}) names no guide; valid names: {VALID}"
        ),
        "markup": instead_of_call('{{ guide("<b>x</b>") }}', f"guide('<b>x</b>') names no guide; valid names: {VALID}"),
        "missing": instead_of_call(
            "{{ guide() }}", f'guide() needs the name of a guide, e.g. guide("pkce"); valid names: {VALID}'
        ),
        "twice": appended(PAGE, CALL.group(0), f"guide({NAME!r}) is embedded twice on this page; valid names: {VALID}"),
        "unknown change": appended(
            PAGE, '{{ changed("jwt") }}', f"changed('jwt') names no change; valid names: {', '.join(CHANGES)}"
        ),
        "no change": appended(
            PAGE,
            "{{ changed() }}",
            f'changed() needs the id of a change, e.g. changed("password-flow"); valid names: {", ".join(CHANGES)}',
        ),
        "unknown source": appended(
            PAGE, '{{ cite("access-token-day") }}', f"cite('access-token-day') names no source; valid ids: {SOURCE_IDS}"
        ),
        "no source": appended(
            PAGE,
            "{{ cite() }}",
            'cite() needs the id of a source, e.g. cite("access-token-hour"); valid ids: ' + SOURCE_IDS,
        ),
        "clash": clash(),
        "syntax": jinja_mistake(f'{{{{ guide("{NAME}" }}}}'),
        "unclosed": jinja_mistake("{% raw %}" + CALL.group(0)),
        "undefined": instead_of_call(
            f'{{{{ guid("{NAME}") }}}}', f"'guid' is undefined; macros: {', '.join(sorted(plugin_macros))}"
        ),
        "rule": rule_raises(),
        "import": half_typed_line(),
    }


@pytest.fixture(scope="module")
def all_mistakes(build_log: str) -> dict[str, Mistake]:
    """The mistakes, with the macros that the plugin reported in the session's build."""
    listed = re.search(r"Config macros: (\[.*?\])", build_log)
    assert listed, "the macros plugin no longer lists its macros in the build log"
    return mistakes(ast.literal_eval(listed.group(1)))


def shown_messages(body: str) -> list[str] | None:
    """The messages in the page's error admonition (unescaped), or None when it has none."""
    box = ADMONITION.search(body)
    return None if box is None else [html.unescape(m) for m in SHOWN.findall(box.group(1))]


def normal(page: str, body: str) -> bool:
    """The page as it should be: no error, and each of its guides."""
    return MARK not in body and GUIDE_ON_PAGE.findall(body) == [name for name, _, _ in calls(page)]


def page_with_error(server: DevServer, page: str, case: str) -> str:
    """Poll until the rebuilt page shows an error; it must answer 200."""

    def probe() -> str | None:
        status, body = server.get(url(page))
        if MARK not in body:
            return None
        assert status == 200, case
        return body

    return server.until(probe, f"the error on {page} ({case})")


def assert_shown(server: DevServer, page: str, body: str, mistake: Mistake, case: str) -> None:
    """At the top of the content, each message HTML-escaped, with a link to the mistakes in "Writing guides"."""
    messages, shown = mistake.shown[page], shown_messages(body) or []
    assert shown == messages if mistake.whole else set(messages) <= set(shown), (case, shown)
    top = body.index(MARK)
    assert top < body.index("<h1"), f"{case}: the error is at the top of the content"
    assert all(html.escape(m) in body for m in messages) and "<b>x</b>" not in body, case
    href = HREF.search(body, top)
    assert href, f"{case}: the error links to Writing guides"
    status, linked = server.get(urljoin(url(page), href.group(1)).partition("#")[0])
    assert status == 200 and 'id="mistakes"' in linked, case


def logged_once(server: DevServer, since: int, messages: list[str], case: str) -> None:
    """Each message is one line of the server's log, once; no traceback."""

    def probe() -> list[str] | None:
        lines = server.log_lines()[since:]
        return lines if all(any(line.endswith(m) for line in lines) for m in messages) else None

    lines = server.until(probe, f"the log of {case}")
    for message in messages:
        assert sum(line.endswith(message) for line in lines) == 1, f"{case}: logged once: {message}"
    assert not any("Traceback" in line for line in lines), case


def save(server: DevServer, target: Path, text: str) -> None:
    """Save ``target`` in one step, as an editor does: written beside the project (which the server
    does not watch), then moved into place. Written in place, the file was emptied and then filled,
    two changes that a slow machine could see as two saves, each rebuilding and logging again."""
    draft = server.project / ".save-draft"
    draft.write_text(text, encoding="utf-8")
    os.replace(draft, target)


def test_serve_survives_every_mistake_and_shows_it(tmp_path: Path, all_mistakes: dict[str, Mistake]) -> None:
    with dev_server(tmp_path) as server:
        for case, mistake in all_mistakes.items():
            target = server.project / mistake.path
            original = target.read_text(encoding="utf-8")
            since = len(server.log_lines())
            save(server, target, mistake.text)
            for page in mistake.shown:
                assert_shown(server, page, page_with_error(server, page, case), mistake, case)
            others = [PLAIN_PAGE]  # and, for a page's mistake, another page with guides
            others += [p for p in GUIDE_PAGES if p not in mistake.shown][:1] if mistake.path.startswith("docs/") else []
            for page in others:
                status, body = server.get(url(page))
                assert status == 200 and normal(page, body), f"{case}: {page} is unaffected"
            logged_once(server, since, [m for ms in mistake.shown.values() for m in ms], case)
            assert server.alive(), case

            save(server, target, original)
            for page in mistake.shown:
                server.until(
                    lambda page=page: True if normal(page, server.get(url(page))[1]) else None,
                    f"{page} back to normal after the fix ({case})",
                )
        assert server.alive()


BUILDS = [(case, True) for case in mistakes([])] + [("unknown", False)]


@pytest.mark.parametrize(("case", "strict"), BUILDS, ids=[f"{c}{'-strict' if s else ''}" for c, s in BUILDS])
def test_build_fails_on_every_mistake(
    tmp_path: Path, all_mistakes: dict[str, Mistake], case: str, strict: bool
) -> None:
    mistake = all_mistakes[case]
    project = copy_project(tmp_path / "project")
    (project / mistake.path).write_text(mistake.text, encoding="utf-8")
    site = tmp_path / "site"
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "-d", str(site)],
        cwd=project,
        env=mkdocs_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    log = run.stdout + run.stderr
    assert run.returncode != 0, log[-3000:]
    failed = re.search(r"Error reading page '([^']+)'", log)
    assert failed and failed.group(1) in mistake.shown, log[-3000:]
    lines = log.splitlines()
    for message in mistake.shown[failed.group(1)]:
        assert any(line.rstrip().endswith(message) for line in lines), f"{message}\n{log[-3000:]}"
    assert not list(site.rglob("*.html")), "a failed build leaves no page behind"


def test_a_built_site_never_holds_the_error_markup(site_dir: Path) -> None:
    pages = list(site_dir.rglob("*.html"))
    assert pages and not [p for p in pages if MARK in p.read_text(encoding="utf-8")]


def test_stand_ins_cover_every_macro() -> None:
    """When macros/ cannot be imported, the stand-ins carry the names that define_env registers."""
    from macros import MACROS
    from macros.site import define_env

    registered: list[str] = []
    define_env(
        SimpleNamespace(conf={"docs_dir": "docs"}, project_dir=str(ROOT), macro=lambda f: registered.append(f.__name__))
    )
    assert tuple(registered) == MACROS
