"""MkDocs hook (``hooks:`` in mkdocs.yml): minify the guides' script, and every page's inline
scripts, as the build writes them.

mkdocs-minify-plugin minifies JavaScript with jsmin, which mangled the spaces inside the script's
template literals, so it only minifies the CSS; rjsmin keeps template literals whole. The inline
scripts are the site's own, written readable in overrides/ (Material's come minified).
"""

import re
from pathlib import Path
from typing import Any

import rjsmin

SCRIPTS = ("assets/guides.js",)


def on_post_build(config: Any, **_: Any) -> None:
    """Replace each built script by its minified text."""
    for name in SCRIPTS:
        path = Path(config["site_dir"]) / name
        path.write_text(rjsmin.jsmin(path.read_text(encoding="utf-8")), encoding="utf-8")


# An inline script as the templates write it: no attributes (a script with a src, or Material's
# JSON configuration block, is left alone).
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def minify_inline_scripts(html: str) -> str:
    """The page with the text of each inline ``<script>`` minified."""
    return INLINE_SCRIPT.sub(lambda m: f"<script>{rjsmin.jsmin(m.group(1))}</script>", html)


def on_post_page(output: str, **_: Any) -> str:
    """Each page as written, its inline scripts minified."""
    return minify_inline_scripts(output)


def on_post_template(output_content: str, **_: Any) -> str:
    """Each page the theme renders without Markdown (404.html), its inline scripts minified."""
    return minify_inline_scripts(output_content)
