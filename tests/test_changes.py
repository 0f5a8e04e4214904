"""The changes since the original guide: each is the seed's own words, and each reaches the reader.

The seed is kept in ``tests/data`` (a copy of RingCentral's "Creating an application" page), so
that a fresh clone can check every quote.
"""

import re
from pathlib import Path

import pytest

from macros.decisions import GUIDES
from macros.decisions.changes import CHANGES, Change
from macros.decisions.sources import SOURCES

SEED = Path(__file__).with_name("data") / "seed-creating-an-application.md"
IDS = list(CHANGES)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def built(site_dir: Path, page: str) -> str:
    """The HTML of a built page, from its source name (``"security.md#access"``)."""
    name = page.partition("#")[0].removesuffix(".md")
    return (site_dir / ("" if name == "index" else name) / "index.html").read_text(encoding="utf-8")


def test_the_seed_copy_is_the_source_page() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert text.startswith("# Creating an application") and "## Configure app security" in text


@pytest.mark.parametrize("change_id", IDS)
def test_the_original_said_it(change_id: str) -> None:
    change = CHANGES[change_id]
    assert squeeze(change.quote) in squeeze(SEED.read_text(encoding="utf-8"))


@pytest.mark.parametrize("change_id", IDS)
def test_a_change_is_complete_and_sourced(change_id: str) -> None:
    change = CHANGES[change_id]
    assert change.id == change_id
    assert change.topic.strip() and change.now.endswith(".")
    assert squeeze(change.quote) not in squeeze(change.now), "today's text is ours, not the seed's"
    assert change.sources, "every change cites what holds today (issue 20)"
    assert set(change.sources) <= set(SOURCES)
    assert all(SOURCES[i].page != "seed" for i in change.sources), "the seed is the quote; the sources are today's"


@pytest.mark.parametrize("change_id", [i for i in IDS if CHANGES[i].decision])
def test_the_decision_where_the_reader_decides_carries_the_change(change_id: str) -> None:
    change: Change = CHANGES[change_id]
    assert change.decision is not None
    name, arguments = change.decision
    decision = GUIDES[name].function(**arguments)
    assert change.now in " ".join(decision.notes), (name, decision.notes)


@pytest.mark.parametrize("change_id", IDS)
def test_the_page_where_the_reader_decides_shows_the_change(site_dir: Path, change_id: str) -> None:
    change = CHANGES[change_id]
    html = built(site_dir, change.page)
    anchor = change.page.partition("#")[2]
    assert f'id="{anchor}"' in html, f"{change.page}: no such anchor"
    note = re.search(rf'<li data-change="{change_id}">(.*?)</li>', html, re.S)
    assert note, f"{change.page} does not show the change"
    assert squeeze(change.now).replace("'", "&#x27;") in squeeze(note.group(1))
    if change.decision:
        assert f'data-guide="{change.decision[0]}"' in html, "the guide that decides it is on the same page"


def test_the_changes_page_lists_every_change_in_order(site_dir: Path) -> None:
    html = built(site_dir, "changes.md")
    rows = re.findall(r'<tr data-change="([\w-]+)">', html)
    assert rows == IDS
    for change in CHANGES.values():
        row = re.search(rf'<tr data-change="{change.id}">(.*?)</tr>', html, re.S)
        assert row
        for source_id in change.sources:
            source = SOURCES[source_id]
            cited = f'href="{source.page}"' if source.page.startswith("https://") else f"<cite>{source.title}</cite>"
            assert cited in row.group(1), source_id  # the phrases are in the note on the page where one decides
        target = change.page.replace(".md", "/").replace("index/", "")
        assert re.search(rf'href="../{target}">[^<]+</a>', row.group(1)), row.group(1)
