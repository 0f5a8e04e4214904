"""The benchmark's paths, the one-page baseline site, builds and the report's formatting."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from devtools.project import REPO_ROOT, mkdocs_env

BENCH_DIR = REPO_ROOT / "benchmarks"
OUT_DIR = BENCH_DIR / "out"
DOCS_ASSETS = REPO_ROOT / "docs" / "assets"
IMG_DIR = REPO_ROOT / "img"

BASELINE_CONFIG = "site_name: Baseline\ntheme: material\n"
BASELINE_PAGE = "# Baseline\n\nThe one page of a default Material for MkDocs site.\n"


class BuildError(RuntimeError):
    """``mkdocs build`` exited non-zero."""


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


def build_zensical(site_dir: Path, timeout: float = 600) -> None:
    """``zensical build --clean -f zensical.yml`` into ``site_dir``; BuildError if it fails.

    Zensical 0.0.x writes only inside the project: it builds into a hidden folder there (named by
    ``ZENSICAL_SITE_DIR``, which zensical.yml reads), then that folder becomes ``site_dir``.
    """
    with tempfile.TemporaryDirectory(prefix=".zensical-site-", dir=REPO_ROOT) as out:
        env = dict(mkdocs_env(), ZENSICAL_SITE_DIR=out)
        cmd = [sys.executable, "-m", "zensical", "build", "--clean", "-f", "zensical.yml"]
        proc = subprocess.run(cmd, cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=timeout)
        if proc.returncode == 0:  # the files for programs: Zensical runs no hook (hooks/machine_files.py)
            cmd = [sys.executable, "-m", "hooks.machine_files", "-f", "zensical.yml"]
            proc = subprocess.run(cmd, cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=timeout)
        if proc.returncode != 0:
            raise BuildError(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stdout}{proc.stderr}")
        shutil.rmtree(site_dir, ignore_errors=True)
        shutil.copytree(out, site_dir)


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
