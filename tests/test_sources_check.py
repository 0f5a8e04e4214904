"""The sources check (``tools/check_sources.py``) against a local server (issue 20): it must name exactly
the entries whose sentence was edited or is gone, the pages it could not read and why, and the rules
and pages that rest on each entry; markup and whitespace edits must not count.

The pages served here are our own sentences (none of RingCentral's prose), and ``TABLE`` is a table
whose fingerprints were computed from them; the CLI test reads it with ``--table``.
"""

import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import MappingProxyType, SimpleNamespace
from typing import Any

from macros.decisions import GUIDES, Guide
from macros.decisions.changes import CHANGES
from macros.decisions.facts import AUTH_METHODS_URL, JWT_FLOW_URL, PKCE_URL, REFRESH_TOKENS_URL
from macros.decisions.model import Decision, Option, Question
from macros.decisions.sources import RFC_9700, SEED, SOURCES, Source, fingerprint
from tools.check_sources import RINGCENTRAL, check, located, report
from tools.citations import Composition, Dependents, dependents, facts_of_guides, macro_calls

REPO_ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 0.5  # seconds: the hanging page is abandoned after this
HANG = 5.0  # seconds the hanging page waits at most, so that the server always stops

OWLS = "Owls deliver the morning post before sunrise."
BADGERS = "Badgers guard the cellar door at night."
HERONS = "Herons fish quietly in the garden pond, e.g. for carp."
FOXES = "Foxes count the hens twice a day."
MOLES = "Moles dig tunnels under the lawn."
OTTERS = "Otters race the ferry across the lake."


def _entry(source_id: str, page: str, phrase: str, sentence: str) -> Source:
    return Source(source_id, page, phrase, fingerprint(sentence))


TABLE: Mapping[str, Source] = MappingProxyType(
    {
        entry.id: entry
        for entry in (
            _entry("owls", AUTH_METHODS_URL, "deliver the morning post", OWLS),
            _entry("badgers", AUTH_METHODS_URL, "Badgers guard the", BADGERS),
            _entry("herons", AUTH_METHODS_URL, "fish quietly in the garden pond", HERONS),
            _entry("foxes", PKCE_URL, "count the hens", FOXES),
            _entry("moles", REFRESH_TOKENS_URL, "dig tunnels", MOLES),
            _entry("otters", JWT_FLOW_URL, "race the ferry", OTTERS),
            Source("history", SEED, "not fetched", "0" * 16),
            Source("standard", RFC_9700, "not fetched", "0" * 16, section="2.1.1"),
        )
    }
)


def _html(*paragraphs: str) -> str:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return (
        f"<html><head><script>var s = 'Foxes count the hens';</script></head><body><nav>Menu</nav>{body}</body></html>"
    )


def _path(url: str) -> str:
    return "/" + url[len(RINGCENTRAL) :]


# Every page as the table was written from it.
HOLDING = {
    _path(AUTH_METHODS_URL): _html(OWLS, BADGERS, HERONS),
    _path(PKCE_URL): _html(FOXES),
    _path(REFRESH_TOKENS_URL): _html(MOLES),
    _path(JWT_FLOW_URL): _html(OTTERS),
}
# The same site after an edit: owls only re-marked and re-wrapped, badgers' sentence edited, herons'
# gone; the PKCE page missing, the refresh page hanging, the JWT page unchanged.
EDITED = {
    _path(AUTH_METHODS_URL): _html(
        "<strong>Owls</strong>   deliver the <a href='https://example.com/post'>morning\n post</a> before sunrise.",
        "Badgers guard the attic door at night.",
    ),
    _path(REFRESH_TOKENS_URL): "hang",
    _path(JWT_FLOW_URL): _html(OTTERS),
}


@contextmanager
def serve(pages: Mapping[str, str]) -> Iterator[tuple[str, dict[str, int]]]:
    """A local server of ``pages`` (path -> HTML, or "hang"; others 404): its base URL and the
    number of requests per path."""
    requests: dict[str, int] = {}
    stop = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests[self.path] = requests.get(self.path, 0) + 1
            page = pages.get(self.path)
            if page == "hang":
                stop.wait(HANG)
                return
            if page is None:
                self.send_error(404)
                return
            body = page.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", requests
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
        thread.join(HANG)


def _decides(*sources: str) -> Decision:
    return Decision("outcome-" + "-".join(sources), "t", (), sources=sources)


YES_NO = Question("answer", "?", "bool")
PICK = Question("picks", "?", "multi", (Option("one", "One"), Option("two", "Two")))
FAKE_GUIDES = {
    "alpha": Guide("alpha", lambda *, answer: _decides("badgers" if answer else "otters"), (YES_NO,)),
    "beta": Guide("beta", lambda *, answer: _decides("foxes"), (YES_NO,)),
    "picker": Guide("picker", lambda *, picks: _decides(*(f"picked-{p}" for p in picks)), (PICK,)),
    "combo": Guide("combo", lambda **answers: _decides(), (YES_NO,)),
}
FAKE_COMPOSED = {"combo": Composition(("alpha",), (((YES_NO,), lambda *, answer: _decides("moles")),))}
FAKE_CHANGES = {"row-1": SimpleNamespace(sources=("herons",)), "row-2": SimpleNamespace()}
FAKE_PAGES = {
    "one.md": '# One\n\n{{ guide("alpha") }}\n',
    "two.md": "{{ changed('row-2', 'row-1') }}",
    "three.md": "{{ changes() }}",
    "four.md": '{{ cite("otters") }} and {{ guide("beta") }}',
    "five.md": '{% raw %}\n{{ guide("alpha") }} {{ changes() }}\n{% endraw %}',  # shown, not run
    "six.md": '{{ guide("combo") }}',
}


FAKES: dict[str, Any] = {"guides": FAKE_GUIDES, "changes": FAKE_CHANGES, "pages": FAKE_PAGES}


def test_the_check_names_exactly_the_edited_and_the_unreadable() -> None:
    with serve(EDITED) as (base, requests):
        result = check(TABLE, base_url=base, timeout=TIMEOUT, **FAKES)
    assert {(f.source.id, f.problem.split(" (")[0]) for f in result.findings} == {
        ("badgers", "sentence changed"),
        ("herons", "phrase gone"),
    }
    assert dict(result.unreadable) == {
        PKCE_URL: "HTTP 404 Not Found",
        REFRESH_TOKENS_URL: f"timed out after {TIMEOUT:g} s",
    }
    assert dict(result.dependents) == {
        "badgers": (("alpha",), (), ("one.md",)),
        "herons": ((), ("row-1",), ("three.md", "two.md")),
    }
    assert (result.checked, result.skipped) == (4, 2)  # owls, badgers, herons, otters; the seed's and the RFC's
    assert sorted(requests.values()) == [1, 1, 1, 1]  # each page fetched once, the seed and the RFC never

    lines = report(TABLE, result)
    assert lines[0].startswith(
        f"badgers: sentence changed (fingerprint {fingerprint('Badgers guard the attic door at night.')}"
    )
    assert "  rules: changes[row-1]" in lines and "  pages: docs/three.md, docs/two.md" in lines
    assert f"{PKCE_URL}: could not be read (HTTP 404 Not Found); not checked: foxes" in lines
    assert f"{REFRESH_TOKENS_URL}: could not be read (timed out after 0.5 s); not checked: moles" in lines
    assert lines[-1].startswith("2 of 4 entries changed, 2 pages unreadable; 2 seed and RFC entries not fetched")


def test_the_check_passes_when_every_sentence_holds() -> None:
    with serve(HOLDING) as (base, _):
        result = check(TABLE, base_url=base, timeout=TIMEOUT, **FAKES)
    assert (result.findings, dict(result.unreadable), result.checked) == ((), {}, 6)


def test_what_rests_on_a_fact_is_computed_from_guides_changes_and_pages() -> None:
    found = dependents(
        ["otters", "moles", "picked-two", "foxes", "unused"], FAKE_GUIDES, FAKE_CHANGES, FAKE_PAGES, FAKE_COMPOSED
    )
    assert found == {
        "otters": (("alpha", "combo"), (), ("four.md", "one.md", "six.md")),  # a "no" of alpha; cited on four.md
        "moles": (("combo",), (), ("six.md",)),  # the composition's own part
        "picked-two": (("picker",), (), ()),  # a multiple choice, one option at a time
        "foxes": (("beta",), (), ("four.md",)),
        "unused": ((), (), ()),
    }


def test_macro_calls_skip_raw_blocks() -> None:
    assert macro_calls(FAKE_PAGES["five.md"]) == []
    assert macro_calls(FAKE_PAGES["two.md"]) == [("changed", ("row-2", "row-1"))]


def test_the_real_registry_cites_only_facts_of_the_table() -> None:
    """Smoke test on the real guides, change rows and pages: every cited fact is an entry."""
    cited = set().union(*facts_of_guides(GUIDES).values())
    cited |= {fact for row in CHANGES.values() for fact in getattr(row, "sources", ())}
    assert cited <= set(SOURCES), sorted(cited - set(SOURCES))
    assert set(facts_of_guides(GUIDES)) == set(GUIDES)
    pages = {path.name: path.read_text(encoding="utf-8") for path in (REPO_ROOT / "docs").glob("*.md")}
    assert set(dependents(SOURCES, GUIDES, CHANGES, pages)) == set(SOURCES)


def test_base_url_replaces_only_ringcentrals_host() -> None:
    assert located(PKCE_URL, "http://127.0.0.1:9/") == "http://127.0.0.1:9/guide/authentication/auth-code-pkce-flow"
    assert located(PKCE_URL, None) == PKCE_URL
    assert located("https://example.com/x", "http://127.0.0.1:9") == "https://example.com/x"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tools.check_sources", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_command_exits_0_when_all_hold_and_1_otherwise() -> None:
    table = "--table=tests.test_sources_check:TABLE"
    with serve(HOLDING) as (base, _):
        holding = _cli(table, f"--base-url={base}", f"--timeout={TIMEOUT}")
    with serve(EDITED) as (base, _):
        edited = _cli(table, f"--base-url={base}", f"--timeout={TIMEOUT}")
    assert (holding.returncode, holding.stdout.splitlines()[-1].split(";")[0]) == (
        0,
        "0 of 6 entries changed, 0 pages unreadable",
    ), holding.stderr
    assert edited.returncode == 1, edited.stderr
    assert [line.split(":")[0] for line in edited.stdout.splitlines() if not line.startswith(" ")][:2] == [
        "badgers",
        "herons",
    ]


def test_propose_prints_the_fingerprint_of_the_sentence_now_holding_the_phrase() -> None:
    with serve(EDITED) as (base, _):
        proposed = _cli("--propose", "badgers", AUTH_METHODS_URL, "guard the", f"--base-url={base}")
        missing = _cli("--propose", "herons", AUTH_METHODS_URL, "garden pond", f"--base-url={base}")
    assert proposed.returncode == 0
    assert f"'{fingerprint('Badgers guard the attic door at night.')}'" in proposed.stdout
    assert (missing.returncode, missing.stderr.strip()) == (1, f"'garden pond' is in no sentence of {AUTH_METHODS_URL}")


# By hand, from the rules and the pages: who rests on a few facts (issue 20: "names the rules and pages").
REAL_DEPENDENTS = {
    "jwt-no-refresh": Dependents(("plan_app",), (), ("authentication.md", "plan.md")),
    "auth-who-signs-in": Dependents(
        ("auth_method", "pkce", "plan_app"), ("password-flow",), ("authentication.md", "changes.md", "plan.md")
    ),
    "bot-private-install": Dependents(("plan_app",), (), ("next-steps.md", "plan.md")),
    "partners-advanced-settings": Dependents(
        ("partner_reach", "plan_app"), ("partner-option",), ("changes.md", "plan.md", "security.md")
    ),
    "description-min": Dependents(("plan_app",), (), ("describe.md", "plan.md")),
}


def test_the_real_dependents_of_a_few_facts_and_no_fact_unused() -> None:
    pages = {path.name: path.read_text(encoding="utf-8") for path in (REPO_ROOT / "docs").glob("*.md")}
    found = dependents(SOURCES, GUIDES, CHANGES, pages)
    assert {fact: found[fact] for fact in REAL_DEPENDENTS} == REAL_DEPENDENTS
    unused = [fact for fact, rests in found.items() if not (rests.guides or rests.changes or rests.pages)]
    assert not unused, f"facts that no guide, change or page cites: {unused}"
