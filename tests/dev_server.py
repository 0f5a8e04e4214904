"""``mkdocs serve`` on a temporary copy of the project, for tests that edit files while it runs.

:func:`dev_server` copies the project, starts ``python -m mkdocs serve`` on a free port in the copy
(cwd and PYTHONPATH are the copy, so the server imports the copy's ``macros``, not the one the tests
import), waits until it serves, and stops it (its whole process group) on the way out, also when the
test fails. :class:`DevServer` fetches pages and polls: no fixed sleeps.
"""

from __future__ import annotations

import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from devtools.project import copy_project, free_port, mkdocs_env
from devtools.serve import ServeLog, start_serve, stop_serve

T = TypeVar("T")
START_TIMEOUT = 120.0
POLL_INTERVAL = 0.05


@dataclass
class DevServer:
    """A running ``mkdocs serve``: its project copy, base URL, process and log."""

    project: Path
    url: str
    proc: subprocess.Popen[str]
    log: ServeLog

    def alive(self) -> bool:
        return self.proc.poll() is None

    def get(self, path: str) -> tuple[int, str]:
        """(status, body) of ``path`` (a site URL such as ``"security/"``); status 0 if nothing answered."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=60) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return 0, ""

    def log_lines(self) -> list[str]:
        return self.log.text().splitlines()

    def until(self, probe: Callable[[], T | None], what: str, timeout: float = 60.0) -> T:
        """Poll ``probe`` until it returns a value that is not None; fail if the server exits or time runs out."""
        deadline = time.monotonic() + timeout
        while True:
            found = probe()
            if found is not None:
                return found
            if not self.alive():
                raise AssertionError(
                    f"mkdocs serve exited ({self.proc.returncode}) while waiting for {what}:\n{self.log.text()[-3000:]}"
                )
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"waited {timeout:.0f} s in vain for {what}; server log:\n{self.log.text()[-3000:]}"
                )
            time.sleep(POLL_INTERVAL)


@contextmanager
def dev_server(tmp_path: Path) -> Iterator[DevServer]:
    """Serve a fresh copy of the project (in ``tmp_path``) until the ``with`` block ends."""
    project = copy_project(tmp_path / "project")
    port = free_port()
    env = dict(mkdocs_env(), PYTHONPATH=str(project))
    proc = start_serve(project, port, env)
    try:
        server = DevServer(project, f"http://127.0.0.1:{port}/", proc, ServeLog(proc))
        server.until(lambda: True if server.get("")[0] == 200 else None, "first page", START_TIMEOUT)
        yield server
    finally:
        stop_serve(proc)
