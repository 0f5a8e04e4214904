"""The README's commands are the project's: the two commands, CI's test command, and the two ways to
publish (GitHub Pages' command, Read the Docs' ``.readthedocs.yaml``)."""

from __future__ import annotations

import re
import shlex
import tomllib

import yaml

from devtools.project import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
INSTALL = 'python -m pip install -e ".[test]"'
TEST = "python -m pytest"


def shell_blocks(text: str) -> list[str]:
    """Each line of each ``sh`` code block."""
    return [line.strip() for block in re.findall(r"```sh\n(.*?)```", text, re.DOTALL) for line in block.splitlines()]


def test_the_readme_gives_the_two_commands_and_ci_runs_the_same() -> None:
    lines = shell_blocks(README)
    assert f"{INSTALL} && mkdocs serve" in lines and TEST in lines, lines
    ci = [line.strip() for line in (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    assert TEST in ci, "CI does not run the README's test command as it is"
    assert any(line.startswith("python -m pip install") and line.endswith('-e ".[test]"') for line in ci)


def test_read_the_docs_installs_the_project_and_builds_strictly_what_the_readme_says() -> None:
    config = yaml.safe_load((REPO_ROOT / ".readthedocs.yaml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    install, build = config["build"]["commands"]
    assert shlex.split(install) == ["python", "-m", "pip", "install", "."]
    assert shlex.split(build) == [
        "python",
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--site-dir",
        "$READTHEDOCS_OUTPUT/html",
    ]
    assert f"`{build}`" in README, "README.md does not show Read the Docs' build command"
    assert "`.readthedocs.yaml`" in README
    # Its Python is one the project supports.
    requires = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    minimum = tuple(int(part) for part in requires.removeprefix(">=").split("."))
    assert tuple(int(part) for part in config["build"]["tools"]["python"].split(".")) >= minimum


def test_github_pages_is_one_strict_command() -> None:
    assert "mkdocs gh-deploy --strict --force" in shell_blocks(README)
