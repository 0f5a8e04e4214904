"""The strict build: a clean log, a 404 page, descriptions, the search index and the sitemap."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from browser_tools import parse_html, site_pages
from conftest import Engine

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# MkDocs logs "WARNING -  ..." / "ERROR   -  ..."; plugins log through the same format.
PROBLEM_LINE = re.compile(r"^\s*(WARNING|ERROR|CRITICAL)\b")


def test_build_log_has_no_warning_or_error(build_log: str) -> None:
    lines = ANSI.sub("", build_log).splitlines()
    problems = [line for line in lines if PROBLEM_LINE.match(line)]
    assert not problems, "the build logged:\n" + "\n".join(problems)


def test_404_page_exists(site_dir: Path) -> None:
    page = site_dir / "404.html"
    assert page.is_file(), "no 404.html in the built site"
    assert parse_html(page).title, "404.html has no <title>"


def test_pages_were_found(site_dir: Path) -> None:
    urls = [page.url for page in site_pages(site_dir)]
    assert "" in urls, "no home page (index.html) in the built site"
    assert len(urls) >= 2, f"only {urls} in the built site"


def test_every_page_has_a_title_and_a_meta_description(site_dir: Path) -> None:
    missing = []
    for page in site_pages(site_dir):
        parsed = parse_html(page.path)
        if not parsed.meta.get("description", "").strip():
            missing.append(
                f"/{page.url}: no <meta name=\"description\"> (set `description:` in the page's front matter)"
            )
        if not parsed.title:
            missing.append(f"/{page.url}: no <title>")
    assert not missing, "\n".join(missing)


def test_search_index_holds_every_page(site_dir: Path, engine: Engine) -> None:
    index_file = site_dir / engine.search_index
    assert index_file.is_file(), f"no {engine.search_index}: is the search plugin on?"
    index = json.loads(index_file.read_text(encoding="utf-8"))
    locations = {doc["location"].split("#", 1)[0] for doc in index[engine.search_entries]}
    missing = [f"/{page.url}" for page in site_pages(site_dir) if page.url != "404.html" and page.url not in locations]
    assert not missing, f"pages missing from the search index: {missing}"


def test_sitemap_lists_every_page(site_dir: Path) -> None:
    sitemap = site_dir / "sitemap.xml"
    assert sitemap.is_file(), "no sitemap.xml"
    ns = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [loc.text.strip() for loc in ET.parse(sitemap).getroot().iterfind("sm:url/sm:loc", ns) if loc.text]
    assert locs, "sitemap.xml lists no URL"
    home = min(locs, key=len)  # site_url: every other page's URL starts with it
    listed = {loc[len(home) :] for loc in locs if loc.startswith(home)}
    missing = [f"/{page.url}" for page in site_pages(site_dir) if page.url != "404.html" and page.url not in listed]
    assert not missing, f"pages missing from sitemap.xml: {missing}"
