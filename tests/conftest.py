"""Session fixtures: one strict build of the site, a local HTTP server for it, one browser.

Fixtures (all session-scoped):

- ``engine`` -> :class:`Engine`: which engine builds the site (``--engine`` or ``SITE_ENGINE``:
  ``mkdocs``, the default, or ``zensical``) and the files that are its own (search index, sitemap);
- ``site_build`` -> :class:`SiteBuild`: the result of that engine's strict build (fails the
  test with the build output when the build fails);
- ``site_dir`` -> ``Path``: the built site;
- ``build_log`` -> ``str``: the build's stdout and stderr;
- ``base_url`` -> ``str``: ``"http://127.0.0.1:PORT/"`` serving ``site_dir``;
- ``browser`` -> ``playwright.sync_api.Browser``: headless Debian Chromium.

Tests that use ``browser`` get the ``browser`` marker automatically, so
``python -m pytest -m "not browser"`` runs only the fast tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from devtools.server import static_server

if TYPE_CHECKING:
    from playwright.sync_api import Browser

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
INSTALL_HINT = "apt-get install -y chromium"


@dataclass(frozen=True)
class Engine:
    """One engine that builds the site, and what only it writes (both write sitemap.xml; only MkDocs also
    writes sitemap.xml.gz, which no test reads): the tests that read such a file
    ask this fixture, so no test branches on the engine itself."""

    name: str
    command: tuple[str, ...]  # run from the project's root; ``{out}`` is the output folder
    search_index: str  # path in the built site
    search_entries: str  # the key of the index's list of entries (each has a "location")
    search_ready: str  # after "/": the element that shows once the search box takes a query
    search_busy: str  # ...while that element says this, the index is still loading ("" if never)
    search_results: str  # the links of the results (Playwright's CSS reaches into Zensical's shadow DOM)
    runs_hooks: bool  # whether mkdocs.yml's ``hooks:`` run (inline scripts minified)
    # run after a successful build, as the README says: Zensical runs no hook that writes the files for programs
    after: tuple[str, ...] = ()


ENGINES = {
    "mkdocs": Engine(
        "mkdocs",
        ("-m", "mkdocs", "build", "--strict", "--clean", "-d", "{out}"),
        "search/search_index.json",
        "docs",
        ".md-search-result__meta",
        "Initializing",
        ".md-search-result__item a",
        True,
    ),
    # Zensical 0.0.x takes its output folder from zensical.yml only, which reads ZENSICAL_SITE_DIR;
    # --clean drops its cache: every session builds from scratch, as mkdocs build --clean does.
    "zensical": Engine(
        "zensical",
        ("-m", "zensical", "build", "--strict", "--clean", "-f", "zensical.yml"),
        "search.json",
        "items",
        'input[role="combobox"][aria-label="Search"]',
        "",
        '[aria-label="Search results"] a[role="option"]',
        False,
        ("-m", "hooks.machine_files", "-f", "zensical.yml"),
    ),
}


@dataclass(frozen=True)
class SiteBuild:
    """What one build of the site produced."""

    site_dir: Path
    returncode: int
    stdout: str
    stderr: str

    @property
    def log(self) -> str:
        """Everything the build printed, stdout first."""
        return self.stdout + self.stderr


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--engine",
        choices=sorted(ENGINES),
        default=None,
        help="the engine that builds the site (default: $SITE_ENGINE, else mkdocs)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "browser: needs headless Chromium (Playwright); deselect with -m 'not browser'",
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that asks for the ``browser`` fixture, directly or through another."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def engine(request: pytest.FixtureRequest) -> Engine:
    """The engine chosen by ``--engine`` or ``SITE_ENGINE`` (MkDocs unless told otherwise)."""
    name = request.config.getoption("--engine") or os.environ.get("SITE_ENGINE") or "mkdocs"
    if name not in ENGINES:
        pytest.fail(f"SITE_ENGINE={name!r} names no engine; valid: {', '.join(sorted(ENGINES))}", pytrace=False)
    return ENGINES[name]


def build_site(engine: Engine, out: Path) -> subprocess.CompletedProcess[str]:
    """Build the site strictly into ``out`` with ``engine``, from the project's root (so that it
    imports this tree's ``macros``).

    Zensical 0.0.x writes only inside the project: it builds into a hidden folder there (named by
    ``ZENSICAL_SITE_DIR``, which zensical.yml reads), then that folder becomes ``out``.
    """
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    inside = Path(tempfile.mkdtemp(prefix=".zensical-site-", dir=REPO_ROOT)) if engine.name == "zensical" else out
    env["ZENSICAL_SITE_DIR"] = str(inside)
    try:
        proc = subprocess.run(
            [sys.executable, *(a.format(out=out) for a in engine.command)],
            cwd=REPO_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if proc.returncode == 0 and engine.after:
            proc = subprocess.run(
                [sys.executable, *engine.after], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=600
            )
        if inside != out:
            shutil.rmtree(out)
            shutil.copytree(inside, out)
    finally:
        if inside != out:
            shutil.rmtree(inside, ignore_errors=True)
    return proc


@pytest.fixture(scope="session")
def site_build(engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    """Build the site once per session, strictly, into a fresh temporary directory."""
    out = tmp_path_factory.mktemp("site")
    proc = build_site(engine, out)
    build = SiteBuild(out, proc.returncode, proc.stdout, proc.stderr)
    if proc.returncode != 0:
        pytest.fail(f"{engine.name} build --strict failed (exit {proc.returncode}):\n{build.log}", pytrace=False)
    return build


@pytest.fixture(scope="session")
def site_dir(site_build: SiteBuild) -> Path:
    """The directory of the strictly built site."""
    return site_build.site_dir


@pytest.fixture(scope="session")
def build_log(site_build: SiteBuild) -> str:
    """Everything ``mkdocs build`` printed (stdout, then stderr)."""
    return site_build.log


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    """Serve the built site on 127.0.0.1 (a free port) from a background thread."""
    with static_server(site_dir) as url:
        yield url


def no_tool(message: str) -> None:
    """Skip locally; fail in CI, where a missing browser (or validator) is a broken setup."""
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Debian Chromium driven by Playwright (its own browser download does not work here)."""
    executable = os.environ.get("CHROMIUM", DEFAULT_CHROMIUM)
    if not Path(executable).is_file():
        no_tool(f"no Chromium at {executable}: run `{INSTALL_HINT}` (or set CHROMIUM=/path/to/chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        no_tool(f"playwright is not installed ({exc}): run `python -m pip install -e \".[test]\"`")

    playwright = sync_playwright().start()
    try:
        try:
            launched = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        except Exception as exc:  # noqa: BLE001 - any launch failure means: no usable browser
            no_tool(f"Chromium at {executable} did not start ({exc}); is `{INSTALL_HINT}` done?")
        try:
            yield launched
        finally:
            launched.close()
    finally:
        playwright.stop()
