"""``mkdocs serve`` on a project folder, its log read as it comes, and stopped with its children."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path


class ServeLog:
    """Reads the server's merged stdout/stderr in a thread, stamping each line with perf_counter()."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.lines: list[tuple[float, str]] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._read, args=(proc,), name="serve-log", daemon=True)
        self._thread.start()

    def _read(self, proc: subprocess.Popen[str]) -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            with self._lock:
                self.lines.append((time.perf_counter(), line.rstrip("\n")))

    def first_after(self, since: float, pattern: str) -> tuple[float, str] | None:
        with self._lock:
            return next(((t, line) for t, line in self.lines if t >= since and pattern in line), None)

    def text(self) -> str:
        with self._lock:
            return "\n".join(line for _, line in self.lines)


def start_serve(project: Path, port: int, env: dict[str, str]) -> subprocess.Popen[str]:
    """``mkdocs serve`` on ``project`` at 127.0.0.1:``port``, in its own process group (see ``stop_serve``)."""
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )


def stop_serve(proc: subprocess.Popen[str]) -> None:
    """Stop the server we started (its own process group): Ctrl-C, then TERM, then KILL."""
    for sig, grace in ((signal.SIGINT, 15.0), (signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
        if proc.poll() is not None:
            return
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            continue
