"""Maintainers' gates: Ruff (lint and format), mypy --strict and codespell, run on every test run.

Each test runs the tool as a subprocess with the settings in ``pyproject.toml`` and fails with the
tool's own output, so ``python -m pytest`` (and so ``.ci/run``) enforces them with no extra step.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
PYTHON_DIRS = ["macros", "hooks", "tools", "tests", "benchmarks", "devtools", "docs/snippets"]
SPELLED = [
    "docs",
    "macros",
    "hooks",
    "tools",
    "overrides",
    "README.md",
    "CONTRIBUTING.md",
    "benchmarks/DECISIONS.md",
    "img",
]

# The seed's typos (the hand-written list this gate replaces). codespell knows the first; our
# dictionary, tests/codespell-dictionary.txt, adds the others.
SEED_TYPOS = {"publically": "publicly", "clarifty": "clarify", "messasing": "messaging"}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m <tool> ...`` from the repository root (where pyproject.toml is)."""
    return subprocess.run([sys.executable, "-m", *args], cwd=REPO_ROOT, capture_output=True, text=True, timeout=300)


def assert_clean(proc: subprocess.CompletedProcess[str], command: str) -> None:
    """Fail with the tool's output and the command that reproduces it."""
    assert proc.returncode == 0, f"`{command}` failed (exit {proc.returncode}):\n{proc.stdout}{proc.stderr}"


def test_ruff_lint() -> None:
    assert_clean(run("ruff", "check", "--no-cache", *PYTHON_DIRS), "ruff check .")


def test_ruff_format() -> None:
    assert_clean(run("ruff", "format", "--check", "--no-cache", *PYTHON_DIRS), "ruff format --check .")


def test_mypy_strict() -> None:
    """``strict = true`` and the checked packages (macros, hooks, benchmarks, devtools) come from pyproject.toml."""
    assert_clean(run("mypy", "--no-incremental"), "mypy")


def test_codespell() -> None:
    assert_clean(run("codespell_lib", *SPELLED), "codespell " + " ".join(SPELLED))


@pytest.mark.parametrize(("typo", "fix"), SEED_TYPOS.items())
def test_codespell_knows_the_seed_typos(tmp_path: Path, typo: str, fix: str) -> None:
    """The gate above keeps the seed's typos off the site only if codespell flags each of them."""
    page = tmp_path / "page.md"
    page.write_text(f"Some text with {typo} in it.\n", encoding="utf-8")
    proc = run("codespell_lib", str(page))
    assert proc.returncode != 0 and f"{typo} ==> {fix}" in proc.stdout, proc.stdout + proc.stderr
