"""The build hook minifies each page's inline scripts and leaves every other script as written
(hooks/minify_js.py; issue 10): a script with a src, and Material's JSON configuration."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser_tools import site_pages
from conftest import Engine
from hooks.minify_js import INLINE_SCRIPT, minify_inline_scripts


def test_inline_scripts_lose_comments_and_spaces() -> None:
    html = "<p>x</p><script>\n  /* why */\n  const a = 1;\n  run(`a  b`, a);\n</script>"
    assert minify_inline_scripts(html) == "<p>x</p><script>const a=1;run(`a  b`,a);</script>"


def test_scripts_with_attributes_are_left_alone() -> None:
    html = '<script src="x.js"></script><script id="__config" type="application/json">{"a": 1}</script>'
    assert minify_inline_scripts(html) == html


def test_built_pages_carry_no_comment_in_an_inline_script(site_dir: Path, engine: Engine) -> None:
    if not engine.runs_hooks:
        pytest.skip(f"{engine.name} runs no MkDocs hooks: its inline scripts are served as written")
    commented = [
        f"/{page.url}"
        for page in site_pages(site_dir)
        if any("/*" in body or "\n  " in body for body in INLINE_SCRIPT.findall(page.path.read_text(encoding="utf-8")))
    ]
    assert not commented, f"inline scripts left as written: {commented}"
