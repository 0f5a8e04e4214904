"""``mkdocs serve`` rebuilds, measured on a temporary copy of the project (the real files are never touched).

Two edits, each repeated: append a line to docs/index.md and time until the served home page
contains it; append a comment to macros/decisions/facts.py and time until the server has rebuilt.
The dev server makes requests wait while it rebuilds and stamps each served page with the build's
epoch (``livereload(EPOCH, ...)``), so a newer epoch on the page means the rebuild is complete; the
log's "Reloading browsers" line is recorded beside it.
"""

from __future__ import annotations

import re
import statistics
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from devtools.project import copy_project, free_port, mkdocs_env
from devtools.serve import ServeLog, start_serve, stop_serve

PAGE_EDIT = Path("docs/index.md")
MACROS_EDIT = Path("macros/decisions/facts.py")
START_TIMEOUT = 240.0
REBUILD_TIMEOUT = 120.0
POLL_INTERVAL = 0.05
_EPOCH = re.compile(rb"livereload\((\d+),")
_SERVING = re.compile(r"Serving on (http://\S+)")


@dataclass(frozen=True)
class RebuildTimes:
    """Seconds from the edit until the served page shows it (page) / the server rebuilt (macros)."""

    startup: float
    page: tuple[float, ...]
    macros: tuple[float, ...]
    macros_log: tuple[float | None, ...]  # until "Reloading browsers" was logged, for comparison

    @property
    def page_median(self) -> float:
        return statistics.median(self.page)

    @property
    def macros_median(self) -> float:
        return statistics.median(self.macros)


def _get(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=REBUILD_TIMEOUT) as response:
            return bytes(response.read())
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _epoch(body: bytes | None) -> int:
    match = _EPOCH.search(body or b"")
    return int(match.group(1)) if match else -1


def _shows(url: str, token: str) -> bool:
    """Whether the page at ``url`` holds ``token`` (the served page has the edit)."""
    return token.encode() in (_get(url) or b"")


def _rebuilt_after(url: str, before: int) -> bool:
    """Whether the page at ``url`` was built after ``before`` (its build time went up)."""
    return _epoch(_get(url)) > before


def _wait(condition: Callable[[], bool], timeout: float, what: str, proc: subprocess.Popen[str], log: ServeLog) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if proc.poll() is not None:
            raise RuntimeError(
                f"mkdocs serve exited ({proc.returncode}) while waiting for {what}:\n{log.text()[-3000:]}"
            )
        if time.perf_counter() > deadline:
            raise TimeoutError(f"no {what} within {timeout:.0f} s; server log:\n{log.text()[-3000:]}")
        time.sleep(POLL_INTERVAL)


def _append(path: Path, text: str) -> float:
    """Append ``text`` to ``path``; return perf_counter() taken just before the write."""
    start = time.perf_counter()
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text)
    return start


def measure(runs: int = 3) -> RebuildTimes:
    """Start ``mkdocs serve`` on a copy of the project, time ``runs`` edits of each kind, stop it."""
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        project = copy_project(Path(tmp) / "project")
        port = free_port()
        # Livereload stays on (the default): its epoch stamp is how a finished rebuild is seen.
        started = time.perf_counter()
        proc = start_serve(project, port, mkdocs_env())
        try:
            log = ServeLog(proc)
            _wait(lambda: log.first_after(0.0, "Serving on") is not None, START_TIMEOUT, "server start", proc, log)
            serving = log.first_after(0.0, "Serving on")
            match = _SERVING.search(serving[1]) if serving else None
            url = match.group(1) if match else f"http://127.0.0.1:{port}/"  # the site_url's path, if any
            _wait(lambda: _get(url) is not None, START_TIMEOUT, "first page", proc, log)
            startup = time.perf_counter() - started

            page_times: list[float] = []
            macro_times: list[float] = []
            macro_log: list[float | None] = []
            for _ in range(runs):
                token = f"Benchmark edit {uuid.uuid4().hex}"
                start = _append(project / PAGE_EDIT, f"\n\n{token}\n")
                _wait(
                    partial(_shows, url, token),
                    REBUILD_TIMEOUT,
                    "page with the edit",
                    proc,
                    log,
                )
                page_times.append(time.perf_counter() - start)

                before = _epoch(_get(url))
                start = _append(project / MACROS_EDIT, f"\n# benchmark touch {uuid.uuid4().hex}\n")
                _wait(
                    partial(_rebuilt_after, url, before),
                    REBUILD_TIMEOUT,
                    "rebuild after the macros edit",
                    proc,
                    log,
                )
                macro_times.append(time.perf_counter() - start)
                logged = log.first_after(start, "Reloading browsers")
                macro_log.append(logged[0] - start if logged else None)
            return RebuildTimes(startup, tuple(page_times), tuple(macro_times), tuple(macro_log))
        finally:
            stop_serve(proc)
