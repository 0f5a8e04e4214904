"""MkDocs hook (``hooks:`` in mkdocs.yml): the one place that tells ``mkdocs serve`` from a build.

``mkdocs serve`` turns the macros plugin's ``on_error_fail`` off, so that a writer's mistake is shown
at the top of the page (``macros/page_errors.py``) and the server keeps running. Every other command
(``build``, ``gh-deploy``, and ``serve --clean``, which MkDocs announces as ``build``) keeps
mkdocs.yml's ``on_error_fail: true``: the same mistake fails the build with the same message.

MkDocs loads this file by its path, once per process; it imports nothing from ``macros/``, so a
half-typed rule there cannot stop it from loading.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

_command = "build"  # until MkDocs says otherwise, fail like a build: the safe default


def on_startup(*, command: str, dirty: bool) -> None:
    """Remember the command; MkDocs calls this once, before the first build of ``serve``."""
    global _command
    _command = command


def on_config(config: MkDocsConfig) -> None:
    """Before each build: when serving, show mistakes in the page instead of stopping the server."""
    if _command == "serve":
        config.plugins["macros"].config["on_error_fail"] = False
