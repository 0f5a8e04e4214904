"""Paths, the one-page baseline site, builds, a static server and small helpers."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

REPO_ROOT = Path(__file__).resolve().parents[1]
BENCH_DIR = REPO_ROOT / "benchmarks"
OUT_DIR = BENCH_DIR / "out"
DOCS_ASSETS = REPO_ROOT / "docs" / "assets"
IMG_DIR = REPO_ROOT / "img"

# What a copy of the project leaves out: VCS data, tooling caches, built output, the benchmark itself.
COPY_IGNORE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "node_modules",
    "site",
    "benchmarks",
    ".benchmarks",
    "tests",
    "__pycache__",
    ".pytest_cache",
    ".hypothesis",
    "*.egg-info",
)

BASELINE_CONFIG = "site_name: Baseline\ntheme: material\n"
BASELINE_PAGE = "# Baseline\n\nThe one page of a default Material for MkDocs site.\n"


class BuildError(RuntimeError):
    """``mkdocs build`` exited non-zero."""


def mkdocs_env() -> dict[str, str]:
    """The environment for MkDocs subprocesses (Material's notice about MkDocs 2 silenced)."""
    return dict(os.environ, NO_MKDOCS_2_WARNING="1")


def write_baseline(project: Path) -> Path:
    """Write the one-page default Material project into ``project``; return its mkdocs.yml."""
    (project / "docs").mkdir(parents=True, exist_ok=True)
    (project / "docs" / "index.md").write_text(BASELINE_PAGE, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(BASELINE_CONFIG, encoding="utf-8")
    return config


def build(config: Path, site_dir: Path, timeout: float = 600) -> None:
    """``mkdocs build`` the project of ``config`` into ``site_dir``; BuildError if it fails."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "--clean", "-f", str(config), "-d", str(site_dir)]
    proc = subprocess.run(cmd, cwd=config.parent, env=mkdocs_env(), capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        raise BuildError(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stdout}{proc.stderr}")


def copy_project(dest: Path) -> Path:
    """Copy the project (sources only; symlinks kept as links) to ``dest``; return ``dest``."""
    shutil.copytree(REPO_ROOT, dest, symlinks=True, ignore=COPY_IGNORE, dirs_exist_ok=True)
    return dest


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


_COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """http.server's file handler, quiet, sending text gzipped (level 6) when asked, as a server would."""

    gzip_text = True

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        if not self.gzip_text or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # http.server redirects to the slash form
            path = path / "index.html"
        if path.suffix not in _COMPRESSIBLE or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


class _QuietServer(http.server.ThreadingHTTPServer):
    """Quiet when a browser drops a connection (its page closed while a file was on its way)."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def static_server(
    directory: Path, gzip_text: bool = True, handler: type[StaticHandler] = StaticHandler
) -> Iterator[str]:
    """Serve ``directory`` with http.server (``handler``, a StaticHandler) on a free 127.0.0.1
    port; yield the base URL."""
    handler = type("Handler", (handler,), {"gzip_text": gzip_text})
    server = _QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="bench-static", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def kb(size: float) -> str:
    """Bytes as KB (1024) with one decimal."""
    return f"{size / 1024:.1f} KB"


def table(headers: list[str], rows: list[list[str]], right: set[int] | None = None) -> str:
    """A plain-text table; columns in ``right`` are right-aligned (default: all but the first)."""
    right = set(range(1, len(headers))) if right is None else right
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=False)]

    def line(cells: list[str]) -> str:
        return "  ".join(
            str(c).rjust(w) if i in right else str(c).ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=False))
        ).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)])
