"""MkDocs hook (``hooks:`` in mkdocs.yml): ask the browser to compile Material's bundle off the main thread.

Every function of Material's bundle that a page calls on load was compiled lazily, on the main
thread, the first time it ran: about a quarter of the bundle's evaluation and of the mount of its
components (README, "Where the time goes", cause 5). The file-based compile hint, a first-line
``//# allFunctionsCalledOnLoad`` comment (https://github.com/WICG/explicit-javascript-compile-hints-file-based), tells
Chromium to compile them all while it streams the file, on a background thread. Other browsers
read a comment. The source map gains one empty line so that it still points at Material's sources.

Zensical runs no hooks: its build serves the bundle as Material ships it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HINT = "//# allFunctionsCalledOnLoad\n"
BUNDLES = "assets/javascripts/bundle.*.min.js"


def add_hint(script: Path) -> bool:
    """Prefix ``script`` with the hint and shift its source map (``script.map``) down one line.

    False, and nothing written, when the script already starts with it (a rebuild that kept it).
    """
    text = script.read_text(encoding="utf-8")
    if text.startswith(HINT):
        return False
    source_map = script.with_name(script.name + ".map")
    if source_map.is_file():
        data = json.loads(source_map.read_text(encoding="utf-8"))
        data["mappings"] = ";" + data["mappings"]  # one line with no mapping: the hint
        source_map.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    script.write_text(HINT + text, encoding="utf-8")
    return True


def on_post_build(config: Any, **_: Any) -> None:
    """Hint every Material bundle the build wrote (there is one)."""
    for script in Path(config["site_dir"]).glob(BUNDLES):
        add_hint(script)
