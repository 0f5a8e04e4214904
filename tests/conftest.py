"""Session fixtures: one strict build of the site, a local HTTP server for it, one browser.

Fixtures (all session-scoped):

- ``site_build`` -> :class:`SiteBuild`: the result of ``mkdocs build --strict`` (fails the
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
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from benchmarks.common import static_server

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
class SiteBuild:
    """What one ``mkdocs build`` produced."""

    site_dir: Path
    returncode: int
    stdout: str
    stderr: str

    @property
    def log(self) -> str:
        """Everything the build printed, stdout first."""
        return self.stdout + self.stderr


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
def site_build(tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    """Build the site once per session, strictly, into a fresh temporary directory."""
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(out)],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    build = SiteBuild(out, proc.returncode, proc.stdout, proc.stderr)
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed (exit {proc.returncode}):\n{build.log}", pytrace=False)
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
def browser() -> Iterator["Browser"]:
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
