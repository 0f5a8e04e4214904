"""MkDocs hook (``hooks:`` in mkdocs.yml): minify the guides' script as the build writes it.

mkdocs-minify-plugin minifies JavaScript with jsmin, which mangled the spaces inside the script's
template literals, so it only minifies the CSS; rjsmin keeps template literals whole.
"""

from pathlib import Path
from typing import Any

import rjsmin

SCRIPTS = ("assets/guides.js",)


def on_post_build(config: Any, **_: Any) -> None:
    """Replace each built script by its minified text."""
    for name in SCRIPTS:
        path = Path(config["site_dir"]) / name
        path.write_text(rjsmin.jsmin(path.read_text(encoding="utf-8")), encoding="utf-8")
