"""The project's folder, a copy of it, and the environment for MkDocs subprocesses."""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]

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


def mkdocs_env() -> dict[str, str]:
    """The environment for MkDocs subprocesses (Material's notice about MkDocs 2 silenced)."""
    return dict(os.environ, NO_MKDOCS_2_WARNING="1")


def copy_project(dest: Path) -> Path:
    """Copy the project (sources only; symlinks kept as links) to ``dest``; return ``dest``."""
    shutil.copytree(REPO_ROOT, dest, symlinks=True, ignore=COPY_IGNORE, dirs_exist_ok=True)
    return dest


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
