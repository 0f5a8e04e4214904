"""The guides in the built pages, and the build's answer to a writer's misused macro."""

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest

from macros.decisions import GUIDES
from macros.decisions.permissions import CAPABILITIES
from macros.site import MacroError, define_env
from macros.tree import build_tree

ROOT = Path(__file__).resolve().parents[1]
MACRO = re.compile(r'\{\{\s*guide\("(\w+)"\)\s*\}\}')
RAW = re.compile(r"\{% raw %\}.*?\{% endraw %\}", re.S)


def embedded() -> list[tuple[str, str]]:
    """(page source, guide name) for every guide call in docs/."""
    return [
        (page.name, name)
        for page in sorted((ROOT / "docs").glob("*.md"))
        for name in MACRO.findall(RAW.sub("", page.read_text(encoding="utf-8")))
    ]


class Elements(HTMLParser):
    """Collects every start tag with its attributes, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def guide_tags(site_dir: Path, page: str, name: str) -> list[tuple[str, dict[str, str]]]:
    """The start tags inside the guide ``name`` on the built ``page`` (by position of its id)."""
    html = (site_dir / ("" if page == "index.md" else page.removesuffix(".md")) / "index.html").read_text("utf-8")
    ident = f'id="guide-{name.replace("_", "-")}"'
    assert html.count(ident) == 1, f"{page}: guide {name} should be embedded once"
    start = html.rindex("<div", 0, html.index(ident))
    end = html.find('<div class="decision-guide"', start + 1)
    parser = Elements()
    parser.feed(html[start : end if end > 0 else len(html)])
    return parser.tags


def test_every_guide_is_on_a_page() -> None:
    assert {name for _, name in embedded()} == set(GUIDES)


@pytest.mark.parametrize(("page", "name"), embedded())
def test_guide_markup_and_fallback(site_dir: Path, page: str, name: str) -> None:
    tags = guide_tags(site_dir, page, name)
    root = tags[0][1]
    assert root["data-guide"] == name and root["data-model"]
    forms = [a for t, a in tags if t == "form"]
    assert len(forms) == 1 and "hidden" in forms[0], "the form waits for JavaScript"
    assert [a["data-outcome"] for t, a in tags if "decision-guide__result" in a.get("class", "")] == [""]
    assert any(a.get("aria-live") == "polite" for _, a in tags)
    paths = [a for t, a in tags if t == "details" and a.get("class") == "decision-guide__paths"]
    assert len(paths) == 1 and "open" in paths[0], "without JavaScript every path shows"
    guide = GUIDES[name]
    inputs = {(a["data-question"], a["value"]) for t, a in tags if t == "input" and "data-question" in a}
    expected = {(q.name, o.id) for q in guide.questions for o in q.options}
    assert inputs == expected
    outcomes = [a["data-leaf-outcome"] for _, a in tags if "data-leaf-outcome" in a]
    if name == "permissions":
        rows = sum(1 for t, _ in tags if t == "tr") - 1
        assert rows == len(CAPABILITIES.options)
    elif name != "plan_app":
        assert outcomes == [d.id for d in build_tree(guide.questions, guide.function).leaves]


def copy_project(tmp_path: Path) -> Path:
    for part in ("mkdocs.yml", "docs", "macros", "img", "overrides"):
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, tmp_path / part, symlinks=True)
        else:
            shutil.copy(source, tmp_path / part)
    return tmp_path


MKDOCS_PAGE = SimpleNamespace(url="security/", file=SimpleNamespace(src_uri="security.md"))
ZENSICAL_PAGE = SimpleNamespace(url="security/", path="security.md")  # Zensical 0.0.x: no .file


def fake_env(tmp_path: Path, page: SimpleNamespace = MKDOCS_PAGE) -> SimpleNamespace:
    macros: dict = {}
    env = SimpleNamespace(conf={"docs_dir": "docs"}, project_dir=str(ROOT), page=page)
    env.macro = lambda fn: macros.setdefault(fn.__name__, fn)
    define_env(env)
    env.guide = macros["guide"]
    return env


@pytest.mark.parametrize("bad", [3, None, "", "PKCE", ["pkce"]])
def test_bad_guide_argument(tmp_path: Path, bad: object) -> None:
    env = fake_env(tmp_path)
    with pytest.raises(MacroError) as caught:
        env.guide(bad)
    text = str(caught.value)
    assert text.startswith("guide(") and "valid names: " + ", ".join(GUIDES) in text
    assert "\n" not in text


def onward_hrefs(markup: str) -> set[str]:
    """The hrefs of a guide's onward links, leaving out its "Sources" blocks (tested in test_decisions)."""
    onward = re.sub(r'<div class="decision-guide__sources">.*?</div>', "", markup, flags=re.S)
    return set(re.findall(r'href="([^#"][^"]*)"', onward))


def test_guide_links_resolve_from_the_page(tmp_path: Path) -> None:
    hrefs = onward_hrefs(fake_env(tmp_path).guide("app_access"))
    assert hrefs == {"../features/", "https://developers.ringcentral.com/guide/getting-started/promote-app"}
    assert 'href="#partners"' in fake_env(tmp_path).guide("app_access")  # this page: the fragment alone
    assert "https://developers.ringcentral.com/guide/basics/partners" in fake_env(tmp_path).guide("partner_reach")


def test_under_zensical_links_are_written_from_the_md_files_folder(tmp_path: Path) -> None:
    """Zensical re-bases relative links in a page's HTML from the .md file's folder (docs/ here)."""
    markup = fake_env(tmp_path, ZENSICAL_PAGE).guide("app_access")
    hrefs = onward_hrefs(markup)
    assert hrefs == {"features/", "https://developers.ringcentral.com/guide/getting-started/promote-app"}
    assert 'href="#partners"' in markup


def test_link_to_a_missing_page_fails(tmp_path: Path) -> None:
    from macros.site import link_resolver

    resolve = link_resolver(ROOT / "docs", "security/")
    assert resolve("next-steps.md#pick-a-quick-start") == "../next-steps/#pick-a-quick-start"
    assert resolve("index.md") == "../"
    with pytest.raises(MacroError, match="^a guide links to 'nowhere.md'"):
        resolve("nowhere.md")


RELOAD = """
import pathlib, sys
from mkdocs_macros.util import import_local_module
project = pathlib.Path(sys.argv[1])
first = import_local_module(str(project), "macros")
before = sys.modules["macros.decisions"].app_type(purpose="chat-bot").title
first.on_post_build(None)
rule = project / "macros" / "decisions" / "app_type.py"
rule.write_text(rule.read_text().replace('"Bot Add-in"', '"Edited Bot"'))
import_local_module(str(project), "macros")
print(before, "->", sys.modules["macros.decisions"].app_type(purpose="chat-bot").title)
"""


def test_an_edited_rule_is_imported_anew_by_the_next_build(tmp_path: Path) -> None:
    """mkdocs serve: the plugin imports the package once, so after a build the package is forgotten."""
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    run = subprocess.run(
        [sys.executable, "-c", RELOAD, str(project)], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert run.stdout.strip() == "Bot Add-in -> Edited Bot", run.stderr
