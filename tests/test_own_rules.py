"""A build uses the rules in its own folder (issue 21): the project installs no package, so a second
copy of it (a git worktree, a temporary copy) never builds with the first copy's ``macros``.

The copy is built as a writer builds it, with the ``mkdocs`` command in its folder (not ``python -m``,
which would put the folder on ``sys.path`` itself): a title changed in the copy's rules shows in its
site, and a syntax error there fails its build.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from devtools.project import REPO_ROOT, copy_project, mkdocs_env

RULES = Path("macros/decisions/auth.py")


def build(project: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` in ``project``, with no PYTHONPATH."""
    env = mkdocs_env()
    env.pop("PYTHONPATH", None)
    mkdocs = Path(sys.executable).with_name("mkdocs")
    assert mkdocs.is_file(), f"no mkdocs command beside {sys.executable}"
    return subprocess.run(
        [str(mkdocs), "build", "--strict", "-d", str(out)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def first_question_text(source: str) -> ast.Constant:
    """The prompt of the first ``Question(...)`` in a rules module: the title a guide shows."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Question":
            prompt = node.args[1]
            assert isinstance(prompt, ast.Constant) and isinstance(prompt.value, str)
            return prompt
    raise AssertionError(f"no Question(...) in {RULES}")


def test_the_project_installs_no_package() -> None:
    """``pip install -e .`` installs the dependencies only: no ``macros`` that another copy would import."""
    setuptools = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert setuptools == {"packages": []}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("copy") / "project")


def test_a_copy_builds_with_its_own_rules(project: Path, tmp_path: Path) -> None:
    rules = project / RULES
    source = rules.read_text(encoding="utf-8")
    prompt = first_question_text(source)
    changed = f"{prompt.value} (changed in the copy)"
    lines = source.splitlines(keepends=True)
    line = lines[prompt.lineno - 1]
    lines[prompt.lineno - 1] = line[: prompt.col_offset] + repr(changed) + line[prompt.end_col_offset :]
    rules.write_text("".join(lines), encoding="utf-8")

    proc = build(project, tmp_path / "site")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    html = "".join(path.read_text(encoding="utf-8") for path in (tmp_path / "site").rglob("*.html"))
    assert "(changed in the copy)" in html, "the copy's site does not show the copy's rules"
    assert "(changed in the copy)" not in (REPO_ROOT / RULES).read_text(encoding="utf-8")


def test_a_syntax_error_in_a_copys_rules_fails_its_build(project: Path, tmp_path: Path) -> None:
    rules = project / RULES
    rules.write_text(rules.read_text(encoding="utf-8") + "\ndef broken(:\n", encoding="utf-8")
    proc = build(project, tmp_path / "site")
    assert proc.returncode != 0, "the build passed with a syntax error in the copy's rules"
    assert "SyntaxError" in proc.stdout + proc.stderr, proc.stdout + proc.stderr
