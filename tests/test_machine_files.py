"""The files for programs (issue 22): llms.txt, each page's Markdown twin, each guide as data, plans as JSON.

The evaluator below reads only the published data (a tree walk, the permissions cover, the plan's
composition as ``rule`` says): it imports nothing from ``macros/``, so it can catch data that
disagrees with the Python functions, which the tests call for the expected answers.
"""

from __future__ import annotations

import json
import posixpath
import random
import re
from itertools import product
from pathlib import Path
from typing import Any
from urllib.parse import quote, urljoin
from urllib.request import urlopen

import jsonschema
import pytest
from llms_txt import parse_llms_file
from mkdocs.utils.yaml import yaml_load

from browser_tools import recorded_page, site_pages
from guide_tools import open_guides, query, start_in_page_visits, visit_many
from macros.decisions import GUIDES
from test_guides_browser import capability_sets
from test_plan_browser import pairwise, plan_pairs, random_plan, single_options

REPO_ROOT = Path(__file__).resolve().parents[1]
CONFIG = yaml_load((REPO_ROOT / "mkdocs.yml").open(encoding="utf-8"))
SITE_URL = CONFIG["site_url"]
URI_SAFE = "!'()*"  # what encodeURIComponent leaves as it is, beside letters, digits and -_.~
TREE_GUIDES = [name for name, guide in GUIDES.items() if name != "plan_app" and guide.questions[0].kind != "multi"]


# --- An evaluator of the published data, independent of macros/ ------------------------------------


def walk(node: Any, answers: dict[str, Any]) -> int:
    """Walk a published tree ({q, a}) with option ids to the index of its leaf."""
    while isinstance(node, dict):
        node = node["a"][answers[node["q"]]]
    return node


def cover(data: dict[str, Any], chosen: list[str]) -> tuple[str, list[str]]:
    """The permissions guide's combinator as its ``rule`` says: (outcome id, permissions kept)."""
    wanted = {name for capability in chosen for name in data["needs"][capability]}
    left_out = {name for name in wanted if any(name in data["implies"][other] for other in wanted)}
    kept = sorted(wanted - left_out)
    return "+".join(kept) or "none", kept


def compose_plan(data: dict[str, Any], answers: dict[str, Any]) -> tuple[str, str | None]:
    """A plan's id and console link from the planner's data, as its ``rule`` says."""
    ids: list[str] = []
    values: dict[str, str] = {}
    blocked = ""
    for part in data["parts"]:
        leaf = part["leaves"][walk(part["tree"], answers)]
        ids += leaf.get("ids", [])
        values.update(leaf.get("params", {}))
        blocked = blocked or leaf.get("blocked", "")
    outcome, kept = cover(data["cover"], answers.get("capabilities", []))
    partners = [pid for pid in data["carriers"] if pid in answers.get("partners", [])]
    values.update(
        name=answers["name"],
        description=answers["description"],
        permissions=",".join(kept),
        carriers=",".join(data["carriers"][pid] for pid in partners),
        redirect_uris=",".join(answers.get("redirect_uris", [])),
    )
    query = "&".join(f"{param}={quote(values[key], safe=URI_SAFE)}" for key, param in data["params"] if values.get(key))
    return "/".join([*ids, outcome]), None if blocked else f"{data['base']}?{query}"


def as_ids(answers: dict[str, Any]) -> dict[str, Any]:
    """Python's answers as the data names them: a bool as yes/no; None left out."""
    return {k: ("yes" if v else "no") if isinstance(v, bool) else v for k, v in answers.items() if v is not None}


# --- Helpers -------------------------------------------------------------------------------------------


def local(site_dir: Path, url: str) -> Path:
    """The file of the built site that an absolute (site_url) or root-relative URL names."""
    path = url.removeprefix(SITE_URL).partition("#")[0]
    target = site_dir / path
    return target / "index.html" if not path or path.endswith("/") else target


def data_of(site_dir: Path, name: str) -> dict[str, Any]:
    return json.loads((site_dir / "guides" / f"{name}.json").read_text(encoding="utf-8"))


def combinations(name: str) -> list[dict[str, Any]]:
    questions = GUIDES[name].questions
    return [dict(zip((q.name for q in questions), v, strict=True)) for v in product(*(q.values() for q in questions))]


def plan_sample() -> list[dict[str, Any]]:
    """The planner's browser-test sample: every single option, pairwise plans, 500 seeded plans."""
    rng = random.Random(2024)
    return (
        single_options(random.Random(4321)) + pairwise(random.Random(4321))[0] + [random_plan(rng) for _ in range(500)]
    )


# --- 1. llms.txt -------------------------------------------------------------------------------------


def test_llms_txt_parses_and_every_link_resolves(site_dir: Path) -> None:
    parsed = parse_llms_file((site_dir / "llms.txt").read_text(encoding="utf-8"))
    assert parsed.title == CONFIG["site_name"]
    assert parsed.summary == " ".join(CONFIG["site_description"].split())
    assert list(parsed.sections) == ["Steps", "Planner and changes", "Guides", "Optional"]
    links = [link for section in parsed.sections.values() for link in section]
    missing = [link["url"] for link in links if not (site_dir / link["url"]).is_file()]
    assert not missing, f"llms.txt links to files the site lacks: {missing}"
    twins = {page.path.relative_to(site_dir).with_name("index.md").as_posix() for page in site_pages(site_dir)}
    assert twins <= {link["url"] for link in links}, twins - {link["url"] for link in links}
    guides = {link["title"]: link for link in parsed.sections["Guides"]}
    for name, guide in GUIDES.items():
        assert guides[name]["url"] == f"guides/{name}.json"
        for question in guide.questions:
            assert f"{question.name}: " in guides[name]["desc"] or f"{question.name} (any of): " in guides[name]["desc"]
            assert "|".join(question.ids) in guides[name]["desc"], (name, question.name)


# --- 2. The Markdown twins ----------------------------------------------------------------------------


def twin_rows(text: str, guide: str) -> list[list[str]]:
    """The rows of a guide's decision table in a twin, cells without backticks."""
    start = text.index(f"**Decision guide `{guide}`**")
    table = re.search(r"^\|.*?(?=\n\n)", text[start:], re.MULTILINE | re.DOTALL)
    assert table, f"no decision table for {guide}"
    lines = table.group(0).splitlines()[2:]
    return [[c.strip().strip("`") for c in line.strip("|").split("|")] for line in lines]


def test_every_page_has_a_twin_without_chrome_whose_links_resolve(site_dir: Path) -> None:
    pages = list(site_pages(site_dir))
    assert pages
    problems = []
    for page in pages:
        twin = page.path.with_name("index.md")
        if not twin.is_file():
            problems.append(f"no twin beside {page.path.relative_to(site_dir)}")
            continue
        text = twin.read_text(encoding="utf-8")
        if re.search(r"<(nav|header|footer|script|form)\b|md-header|decision-guide", text):
            problems.append(f"{twin.relative_to(site_dir)}: theme chrome or HTML of a guide")
        for url in re.findall(r"\]\(([^)\s]+)\)", text):
            if url.startswith(("https://", "#")):
                continue
            target = posixpath.normpath(posixpath.join(twin.parent.relative_to(site_dir).as_posix(), url.split("#")[0]))
            if not (site_dir / target).is_file():
                problems.append(f"{twin.relative_to(site_dir)}: ({url}) resolves to no file")
    assert not (site_dir / "404.md").exists()  # the 404 page is the theme's, with nothing a writer wrote
    assert not problems, "\n".join(problems)


def test_twins_hold_every_path_of_every_guide_and_markdown_citations(site_dir: Path) -> None:
    """For every combination of answers, the twin's table row that matches it names the function's outcome."""
    for name in TREE_GUIDES:
        pages = data_of(site_dir, name)["pages"]
        assert pages
        for page in pages:
            text = local(site_dir, page).with_name("index.md").read_text(encoding="utf-8")
            rows = twin_rows(text, name)
            questions = GUIDES[name].questions
            for combo in combinations(name):
                ids = [q.answer_id(combo[q.name]) for q in questions]
                matches = [r for r in rows if all(c in ("–", i) for c, i in zip(r, ids, strict=False))]
                expected = GUIDES[name].function(**combo)
                assert [r[-1] for r in matches] == [expected.id], (page, combo, matches)
                assert f"**Outcome `{expected.id}`: {expected.title}**" in text
    authentication = (site_dir / "authentication" / "index.md").read_text(encoding="utf-8")
    assert "(Source: [" in authentication and "source-cite" not in authentication


# --- 3. Each guide as data ---------------------------------------------------------------------------


def test_guide_data_follows_its_schema_and_its_links_resolve(site_dir: Path) -> None:
    schema = json.loads((site_dir / "guides" / "guide.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    for name in GUIDES:
        data = data_of(site_dir, name)
        jsonschema.validate(data, schema)
        assert [q["id"] for q in data["questions"]] == [q.name for q in GUIDES[name].questions]
        urls = data["pages"] + [link["url"] for o in data.get("outcomes", []) for link in o["links"]]
        missing = [u for u in urls if u.startswith(SITE_URL) and not local(site_dir, u).is_file()]
        assert not missing, (name, missing)


def test_the_data_of_every_tree_guide_reaches_the_functions_outcome_on_every_path(site_dir: Path) -> None:
    for name in TREE_GUIDES:
        data = data_of(site_dir, name)
        for combo in combinations(name):
            outcome = data["outcomes"][walk(data["tree"], as_ids(combo))]
            expected = GUIDES[name].function(**combo)
            assert outcome["id"] == expected.id, (name, combo)
            assert [s["id"] for s in outcome["sources"]] == list(expected.sources)


def test_permissions_data_composes_pythons_answer(site_dir: Path) -> None:
    data = data_of(site_dir, "permissions")
    singles, pairs, sample = capability_sets()
    for chosen in singles + pairs + sample:
        assert cover(data["cover"], chosen)[0] == GUIDES["permissions"].function(capabilities=chosen).id, chosen


def test_plan_data_composes_pythons_plan(site_dir: Path) -> None:
    data = data_of(site_dir, "plan_app")["plan"]
    for answers in plan_sample():
        plan = GUIDES["plan_app"].function(**answers)
        assert compose_plan(data, as_ids(answers)) == (plan.id, plan.console_url), answers


# --- 4. The plan as JSON -------------------------------------------------------------------------------


def test_plan_json_follows_the_published_schema(site_dir: Path) -> None:
    schema = json.loads((site_dir / "guides" / "plan.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for answers in plan_sample():
        plan = GUIDES["plan_app"].function(**answers)
        data = plan.to_json(schema["$id"])
        errors = [e.message for e in validator.iter_errors(data)]
        assert not errors, (answers, errors)
        assert data["id"] == plan.id and data["console_url"] == plan.console_url
        assert [d["ids"] for d in data["decisions"]] and data["fields"].get("name") == answers["name"]


def test_plan_json_schema_rejects_a_wrong_plan(site_dir: Path) -> None:
    schema = json.loads((site_dir / "guides" / "plan.schema.json").read_text(encoding="utf-8"))
    plan = GUIDES["plan_app"].function(**random_plan(random.Random(7))).to_json(schema["$id"])
    for broken in ({**plan, "answers": {**plan["answers"], "purpose": "fax-app"}}, {**plan, "extra": 1}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, schema)


# --- Done when: a program that reads only llms.txt answers like the Python functions, over HTTP ----------


def fetch(url: str) -> str:
    with urlopen(url, timeout=10) as response:  # noqa: S310 - the local test server
        return response.read().decode("utf-8")


def test_a_program_reading_only_llms_txt_answers_like_python(base_url: str) -> None:
    """Auth flow, PKCE, access and permissions (and whole plans), from llms.txt and the links it gives."""
    llms = parse_llms_file(fetch(urljoin(base_url, "llms.txt")))
    links = {link["title"]: urljoin(base_url, link["url"]) for link in llms.sections["Guides"]}
    data = {name: json.loads(fetch(links[name])) for name in ("auth_method", "pkce", "app_access", "permissions")}
    for name in ("auth_method", "pkce", "app_access"):
        questions = [q["id"] for q in data[name]["questions"]]
        options = [[o["id"] for o in q["options"]] for q in data[name]["questions"]]
        for values in product(*options):
            answers = dict(zip(questions, values, strict=True))
            got = data[name]["outcomes"][walk(data[name]["tree"], answers)]["id"]
            kwargs = {k: v == "yes" if v in ("yes", "no") else v for k, v in answers.items()}
            assert got == GUIDES[name].function(**kwargs).id, (name, answers)
    singles, pairs, sample = capability_sets()
    for chosen in singles + pairs + sample:
        assert cover(data["permissions"]["cover"], chosen)[0] == GUIDES["permissions"].function(capabilities=chosen).id
    plan = json.loads(fetch(links["plan_app"]))["plan"]
    for answers in plan_sample()[:200]:
        expected = GUIDES["plan_app"].function(**answers)
        assert compose_plan(plan, as_ids(answers)) == (expected.id, expected.console_url), answers


READ_DOWNLOAD = """() => {
    const link = document.querySelector('.decision-guide[data-guide="plan_app"] .decision-guide__json');
    const href = link.getAttribute('href');
    return href.startsWith('data:application/json,') ? decodeURIComponent(href.slice(22)) : href;
}"""


def test_the_planners_download_is_plan_to_json(browser, base_url: str, site_dir: Path) -> None:
    """For seeded plans (every single option, then 200 of the sample in place): the page's
    "Download plan (JSON)" equals ``plan_app(...).to_json()``; one download is a real one."""
    schema = SITE_URL + "guides/plan.schema.json"
    singles, rng = single_options(random.Random(4321)), random.Random(2024)
    plans = singles + [random_plan(rng) for _ in range(200)]
    searches = [query(plan_pairs(answers, random.Random(i))) for i, answers in enumerate(plans)]
    with recorded_page(browser, base_url) as rec:
        open_guides(rec, "plan/")
        start_in_page_visits(rec.page)
        got = visit_many(rec.page, searches, READ_DOWNLOAD)
        problems = [
            f"plan/{search[:200]}: {json.loads(text) if text.startswith('{') else text!r}"
            for answers, search, text in zip(plans, searches, got, strict=True)
            if text == "#" or json.loads(text) != GUIDES["plan_app"].function(**answers).to_json(schema)
        ]
        open_guides(rec, "plan/" + searches[0])
        with rec.page.expect_download() as download:
            rec.page.click(".decision-guide__json")
        saved = Path(download.value.path()).read_text(encoding="utf-8")
        assert download.value.suggested_filename == "app-plan.json"
        assert json.loads(saved) == GUIDES["plan_app"].function(**plans[0]).to_json(schema)
        problems += rec.problems()
    assert not problems, f"{len(problems)} of {len(plans)} downloads differ from Python:\n" + "\n".join(problems[:3])
