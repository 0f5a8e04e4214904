"""MkDocs and Zensical build the same site: page by page, the article is the same up to link spelling.

The session's build (``engine``) is compared with a build by the other engine. In each page's
article, every ``href``/``src`` is resolved against the page's URL (the engines may spell a link
differently, e.g. ``./`` against ``.``), Zensical's skip-link target is left out (its theme puts
it inside the article). Everything else, the guides' markup and the text around them, must be equal.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from conftest import ENGINES, Engine, build_site

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.DOTALL)
LINK = re.compile(r'\b(href|src)="([^"]*)"')
SKIP_TARGET = '<a id="__skip" tabindex="-1"></a>'  # Zensical's theme: where its "skip to content" lands


@pytest.fixture(scope="module")
def other_site(engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as the other engine builds it."""
    other = next(e for name, e in ENGINES.items() if name != engine.name)
    out = tmp_path_factory.mktemp(f"site-{other.name}")
    proc = build_site(other, out)
    if proc.returncode != 0:
        pytest.fail(f"{other.name} build failed:\n{proc.stdout}{proc.stderr}", pytrace=False)
    return out


def article(site: Path, page: str) -> str:
    """The page's article with its links resolved and its whitespace collapsed."""
    found = ARTICLE.search((site / page).read_text(encoding="utf-8"))
    assert found, f"{page}: no article"
    base = "http://site.invalid/" + page
    body = LINK.sub(lambda m: f'{m[1]}="{urljoin(base, m[2])}"', found.group(1)).replace(SKIP_TARGET, "")
    return " ".join(body.split())


def test_both_engines_build_the_same_pages(site_dir: Path, other_site: Path) -> None:
    def pages(site: Path) -> set[str]:
        return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}

    assert pages(site_dir) == pages(other_site)


def test_each_article_is_the_same_up_to_link_spelling(site_dir: Path, other_site: Path) -> None:
    differ = []
    for path in sorted(site_dir.rglob("*.html")):
        page = path.relative_to(site_dir).as_posix()
        ours, theirs = article(site_dir, page), article(other_site, page)
        if ours != theirs:
            at = next(
                (i for i, (a, b) in enumerate(zip(ours, theirs, strict=False)) if a != b), min(len(ours), len(theirs))
            )
            differ.append(f"{page} at {at}:\n  {ours[at - 80 : at + 120]}\n  {theirs[at - 80 : at + 120]}")
    assert not differ, "\n".join(differ)
