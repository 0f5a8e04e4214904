"""Adding a guide is what the writers' page says (issue 21): a rule module, one registration, its truth
table and the macro call in a page, nothing else.

A copy of the project gets a made-up guide exactly as docs/writing-guides.md, "Add a rule and its
guide", describes, and the copy's own guide checks run on it: the decision and tree tests, which take
their guides from ``GUIDES``, and the strict build. Before its truth table is added, the copy's
decision tests fail for want of it, so the checks do see the new guide.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from devtools.project import REPO_ROOT, copy_project, mkdocs_env

RULE = '''"""A made-up guide: what to drink while registering an app (tests/test_adding_a_guide.py)."""

from macros.decisions.model import Decision, Option, Question

WANTS_TEA = Question(
    "wants_tea",
    "Would you like tea while you fill in the form?",
    "bool",
    (Option("yes", "Yes", "Green or black."), Option("no", "No", "Coffee, then.")),
)


def drink(*, wants_tea: bool) -> Decision:
    """Tea for those who want it, coffee for the others."""
    WANTS_TEA.check(wants_tea)
    onward = (("Next steps", "next-steps.md"),)
    if wants_tea:
        return Decision("tea", "Tea", ("You asked for tea.",), onward, sources=("seed-app-name",))
    return Decision("coffee", "Coffee", ("No tea: coffee.",), onward, sources=("seed-app-name",))
'''
IMPORT = "from macros.decisions.tea import WANTS_TEA, drink\n"
REGISTRATION = '        Guide("drink", drink, (WANTS_TEA,)),\n'
TRUTH_TABLE = '\nTABLES["drink"] = {(True,): "tea", (False,): "coffee"}\n'
PAGE, CALL = "docs/start.md", '\n{{ guide("drink") }}\n'
CHECKS = ("tests/test_decisions.py", "tests/test_tree.py")


def insert_before(path: Path, anchor: str, text: str) -> None:
    """Put ``text`` on the line before the first line that starts with ``anchor``."""
    source = path.read_text(encoding="utf-8")
    at = source.index(anchor)
    path.write_text(source[:at] + text + source[at:], encoding="utf-8")


def run(project: Path, *command: str) -> subprocess.CompletedProcess[str]:
    """A command in the copy, importing the copy's modules (no PYTHONPATH from this run)."""
    env = mkdocs_env()
    env.pop("PYTHONPATH", None)
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=900)


def pytest_in(project: Path) -> subprocess.CompletedProcess[str]:
    return run(project, sys.executable, "-m", "pytest", "-q", "-n", "0", "-p", "no:cacheprovider", *CHECKS)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project, its tests included, with the made-up guide's rule, registration and page call."""
    copy = copy_project(tmp_path / "project")
    shutil.copytree(REPO_ROOT / "tests", copy / "tests", ignore=shutil.ignore_patterns("node_modules", "__pycache__"))
    (copy / "macros/decisions/tea.py").write_text(RULE, encoding="utf-8")
    registry = copy / "macros/decisions/__init__.py"
    insert_before(registry, "from macros.decisions.model import", IMPORT)
    insert_before(registry, '        Guide("permissions"', REGISTRATION)
    with (copy / PAGE).open("a", encoding="utf-8") as page:
        page.write(CALL)
    return copy


def test_the_checks_see_a_guide_without_its_truth_table(project: Path) -> None:
    proc = pytest_in(project)
    assert proc.returncode == 1, proc.stdout[-3000:]
    assert "test_every_single_answer_guide_has_its_truth_table" in proc.stdout, proc.stdout[-3000:]


def test_with_its_truth_table_the_guide_passes_every_check(project: Path) -> None:
    with (project / "tests/truth_tables.py").open("a", encoding="utf-8") as tables:
        tables.write(TRUTH_TABLE)
    proc = pytest_in(project)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert "drink" in run(project, sys.executable, "-m", "pytest", "-q", "-n", "0", "--co", *CHECKS).stdout
    built = run(project, sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "built"))
    assert built.returncode == 0, built.stdout + built.stderr
    html = (project / "built/start/index.html").read_text(encoding="utf-8")
    assert 'data-guide="drink"' in html and "Would you like tea while you fill in the form?" in html
