"""Render a page as Markdown for programs (its "twin", ``<page>/index.md``), and ``llms.txt``.

The twin is the page as its writer wrote it, with every macro rendered as Markdown instead of HTML:
a guide becomes its full decision table, from the same tree as the no-JavaScript view
(``macros.tree.build_tree``); a ``cite()`` becomes a Markdown citation. Nothing here decides, and
nothing reads or writes files but the snippets a page includes (``hooks/machine_files.py`` writes).
"""

import posixpath
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import jinja2
import markdown

from macros.decisions import GUIDES, Guide, facts
from macros.decisions.changes import CHANGES, Change
from macros.decisions.model import Decision, Question
from macros.decisions.permissions import NEEDS, WITHIN_ROLE, approval_note
from macros.decisions.plan import PARTS, part_trees
from macros.decisions.sources import SOURCES
from macros.guide_data import COVER_RULE, FOLDER, GUIDE_SCHEMA, PLAN_RULE, PLAN_SCHEMA
from macros.render import cover_data, cover_source_ids
from macros.render_changes import CHANGES_PAGE
from macros.tree import Tree, build_tree

Link = Callable[[str], str]  # a target as a writer names it ("security.md#x", "img/a.svg", https) -> URL
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n+", re.DOTALL)
MARKDOWN_LINK = re.compile(r"(\]\()([^)\s]+)")  # the target of [text](target) and ![alt](target)


def twin_path(src: str) -> str:
    """Where a page's twin is in the site: ``security.md`` -> ``security/index.md``."""
    return "index.md" if src == "index.md" else src.removesuffix(".md") + "/index.md"


def linker(src: str) -> Link:
    """Links from the twin of ``src``: a page to its twin, anything else of the site relative to the twin."""
    folder = posixpath.dirname(twin_path(src)) or "."

    def link(target: str) -> str:
        if target.startswith(("https://", "http://", "mailto:", "#", "data:")):
            return target
        path, _, fragment = target.partition("#")
        path = posixpath.normpath(posixpath.join(posixpath.dirname(src), path))
        site_path = twin_path(path) if path.endswith(".md") else path
        return posixpath.relpath(site_path, folder) + ("#" + fragment if fragment else "")

    return link


def cell(text: str) -> str:
    """Text for a table cell: no line breaks, no column separators."""
    return text.replace("|", "\\|").replace("\n", " ")


def where(source_id: str) -> str:
    """The deciding page: a link to a RingCentral page, or the seed's or an RFC's name in italics."""
    source = SOURCES[source_id]
    if source.page.startswith("https://"):
        return f"[{source.title}]({source.page})"
    return f"*{source.title}*" + (f", section {source.section}" if source.section else "")


def cite_markdown(source_ids: Iterable[str]) -> str:
    """A source cited in prose, as the page shows it: "(Source: page: “phrase”)"."""
    return "(Source: " + "; ".join(f"{where(i)}: “{SOURCES[i].phrase}”" for i in source_ids) + ")"


def sources_markdown(source_ids: Iterable[str]) -> str:
    """The "Sources" list of an answer (empty for none)."""
    items = [f"- {where(i)}: “{SOURCES[i].phrase}”" for i in dict.fromkeys(source_ids)]
    return "Sources:\n\n" + "\n".join(items) + "\n" if items else ""


def decision_markdown(decision: Decision, link: Link) -> str:
    """An outcome: id and title, notes, reasons, links and sources."""
    parts = [f"**Outcome `{decision.id}`: {decision.title}**\n"]
    parts += [f"> **Note:** {note}\n" for note in decision.notes]
    parts.append("".join(f"- {reason}\n" for reason in decision.reasons))
    if decision.links:
        parts.append("Read next: " + ", ".join(f"[{text}]({link(url)})" for text, url in decision.links) + "\n")
    parts.append(sources_markdown(decision.sources))
    return "\n".join(part for part in parts if part)


def questions_markdown(questions: Iterable[Question]) -> str:
    """Each question: its id, its prompt and its options' ids and labels."""
    return "".join(
        f"- `{q.name}`{' (any number of)' if q.kind == 'multi' else ''}: {q.prompt} "
        + "; ".join(f"`{o.id}` {o.label}" for o in q.options)
        + "\n"
        for q in questions
    )


def paths_table(questions: Iterable[Question], tree: Tree, outcome: Callable[[Any], str]) -> str:
    """Every path of answers through ``tree``, one row each: an answer per question ("–" if not
    asked on that path), then ``outcome`` of the leaf it reaches."""
    names = [q.name for q in questions]
    rows = [
        "| "
        + " | ".join([*(f"`{dict((q.name, a) for q, a in steps).get(n, '–')}`" for n in names), outcome(leaf)])
        + " |"
        for steps, leaf in ((steps, tree.leaves[index]) for steps, index in tree.paths())
    ]
    head = "| " + " | ".join([*(f"`{n}`" for n in names), "Outcome"]) + " |\n|" + " --- |" * (len(names) + 1) + "\n"
    return head + "\n".join(row.replace("`–`", "–") for row in rows) + "\n"


def tree_guide_markdown(guide: Guide, link: Link) -> str:
    """A guide as its full decision table, then every outcome."""
    tree = build_tree(guide.questions, guide.function)
    return "\n".join(
        [
            f"**Decision guide `{guide.name}`** ([as data]({link(f'{FOLDER}/{guide.name}.json')})): "
            "the questions, every path of answers (– where a question is not asked), then each outcome.\n",
            questions_markdown(guide.questions),
            paths_table(guide.questions, tree, lambda leaf: f"`{leaf.id}`"),
            *(decision_markdown(leaf, link) for leaf in tree.leaves),
        ]
    )


def cover_markdown(question: Question) -> str:
    """The permissions of each capability, and the rule that composes them."""
    data = cover_data(question)
    rows = "".join(
        f"| `{option.id}` {cell(option.label)} | {', '.join(f'`{n}`' for n in NEEDS[option.id])} | "
        f"{cell('; '.join(facts.PERMISSIONS[n].meaning for n in NEEDS[option.id]))} | "
        f"{', '.join(f'`{i}`' for n in NEEDS[option.id] for i in sorted(facts.implied_by(n))) or '–'} | "
        f"{'Yes' if any(facts.PERMISSIONS[n].requires_approval for n in NEEDS[option.id]) else 'No'} |\n"
        for option in question.options
    )
    notes = "".join(f"> **Note:** {approval_note(n)}\n" for n in data["approval"])
    return (
        "| Your app will | Permission | It allows | Already includes | Needs approval |\n"
        "| --- | --- | --- | --- | --- |\n"
        f"{rows}\n{COVER_RULE} {WITHIN_ROLE}\n\n{notes}\n{CHANGES['restricted-scopes'].now}\n\n"
        + sources_markdown(cover_source_ids(data))
    )


def cover_guide_markdown(guide: Guide, link: Link) -> str:
    """The permissions guide: per-capability data and its combinator."""
    return (
        f"**Decision guide `{guide.name}`** ([as data]({link(f'{FOLDER}/{guide.name}.json')})): "
        f"choose any of `{guide.questions[0].name}`.\n\n" + cover_markdown(guide.questions[0])
    )


def plan_markdown(guide: Guide, link: Link) -> str:
    """The planner: how a plan is composed, each part's decision table, and where its JSON is described."""
    parts = []
    for part, tree in zip(PARTS, part_trees(), strict=True):

        def outcome(leaf: Any) -> str:
            lines = "; ".join(f"{line.label}: {line.value}" for _, lines in leaf.lines for line in lines)
            return cell(", ".join(f"`{i}`" for i in leaf.ids) + (f" ({lines})" if lines else ""))

        parts.append(f"**Part `{part.name}`**\n\n" + paths_table(part.questions, tree, outcome))
    return "\n".join(
        [
            f"**Planner `{guide.name}`** ([as data]({link(f'{FOLDER}/{guide.name}.json')})). "
            f"The planner's \"Download plan (JSON)\" gives the plan as JSON, as [its schema]({link(PLAN_SCHEMA)}) "
            "describes it. Its questions:\n",
            questions_markdown(guide.questions),
            PLAN_RULE + "\n",
            *parts,
            "**Permissions** (`capabilities`)\n",
            cover_markdown(GUIDES["permissions"].questions[0]),
        ]
    )


def guide_markdown(guide: Guide, link: Link) -> str:
    """The Markdown of one guide, by the shape of its input space (as ``render_guide``)."""
    if guide.name == "plan_app":
        return plan_markdown(guide, link)
    if guide.questions[0].kind == "multi":
        return cover_guide_markdown(guide, link)
    return tree_guide_markdown(guide, link)


def change_note_markdown(changes: Iterable[Change], link: Link) -> str:
    """The note "Changed since the original guide", as a quotation."""
    items = "".join(
        f"> - The original said “{change.quote}”. Today: {change.now} {cite_markdown(change.sources)}\n"
        for change in changes
    )
    every = f"[Every change since the original guide]({link(CHANGES_PAGE)})"
    return f"> **Changed since the original guide**\n>\n{items}>\n> {every}\n"


def changes_table_markdown(link: Link, titles: Mapping[str, str]) -> str:
    """Every change since the original guide, one row each."""
    rows = "".join(
        f"| {cell(c.topic)} | “{cell(c.quote)}” | {cell(c.now)} | "
        f"[{titles[c.page.partition('#')[0]]}]({link(c.page)}) | "
        f"{cell(cite_markdown(c.sources))} |\n"
        for c in CHANGES.values()
    )
    return "| Topic | The original said | Today | Where you decide | Source |\n| --- | --- | --- | --- | --- |\n" + rows


@dataclass
class Twin:
    """A page's twin, and what llms.txt says of the page."""

    src: str
    title: str
    description: str
    text: str = ""
    guides: list[str] = field(default_factory=list)
    lists_changes: bool = False


def page_twin(src: str, source: str, title: str, titles: Mapping[str, str], snippets: Mapping[str, Any]) -> Twin:
    """The twin of the page ``src`` (``source`` is its Markdown): front matter dropped, the writer's
    relative links pointed at the twins, macros rendered as Markdown (their links made for the twin
    already), snippets included (``snippets``: the pymdownx.snippets settings)."""
    meta = FRONT_MATTER.match(source)
    description = re.search(r"^description:\s*(.+)$", meta.group(0), re.MULTILINE) if meta else None
    twin = Twin(src, title, description.group(1).strip() if description else "")
    link = linker(src)

    def guide(name: str) -> str:
        twin.guides.append(name)
        return guide_markdown(GUIDES[name], link)

    def changes() -> str:
        twin.lists_changes = True
        return changes_table_markdown(link, titles)

    env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True)  # noqa: S701 - Markdown out
    env.globals.update(
        guide=guide,
        cite=lambda *ids: cite_markdown(ids),
        changed=lambda *ids: change_note_markdown([CHANGES[i] for i in ids], link),
        changes=changes,
    )
    written = MARKDOWN_LINK.sub(lambda m: m.group(1) + link(m.group(2)), source[meta.end() if meta else 0 :])
    text = env.from_string(written).render()
    md = markdown.Markdown(extensions=["pymdownx.snippets"], extension_configs={"pymdownx.snippets": dict(snippets)})
    twin.text = "\n".join(md.preprocessors["snippet"].run(text.split("\n")))
    return twin


def llms_txt(
    name: str,
    summary: str,
    sections: Mapping[str, list[Twin]],
    optional: list[Twin],
    site_pages: Mapping[str, list[str]],
) -> str:
    """``llms.txt`` (llmstxt.org): the site's name and summary, how to use the data, one section per
    group of pages (each a link to its twin), the guides (each a link to its data, with its question
    ids and allowed values), and the pages a reader may skip ("Optional"); ``site_pages``: guide name ->
    the pages that embed it."""

    def page(twin: Twin) -> str:
        guides = f" Guides: {', '.join(twin.guides)}." if twin.guides else ""
        return f"- [{twin.title}]({twin_path(twin.src)}): {twin.description}{guides}".rstrip()

    blocks = [
        f"# {name}",
        f"> {summary}",
        "Each page has a Markdown twin (its URL with index.md). Each decision guide is also data: its "
        "questions, the tree that says which question is asked after which answers, and its outcomes with "
        f"their reasons, links and sources ([schema]({GUIDE_SCHEMA})). A yes/no question's answers are "
        "`yes` and `no`. `permissions` and `plan_app` are too large to enumerate: their data holds "
        "per-option tables and the rule that composes them.",
    ]
    for title, twins in sections.items():
        lines = [page(twin) for twin in twins]
        if any("plan_app" in twin.guides for twin in twins):
            lines.append(f'- [Plan JSON schema]({PLAN_SCHEMA}): what the planner\'s "Download plan (JSON)" gives')
        blocks.append(f"## {title}\n\n" + "\n".join(lines))
    lines = []
    for guide_name, guide in GUIDES.items():
        asks = "; ".join(
            f"{q.name}{' (any of)' if q.kind == 'multi' else ''}: " + "|".join(q.ids) for q in guide.questions
        )
        if guide_name == "plan_app":
            asks += "; free text: name, description, redirect_uris (a list)"
        pages = ", ".join(twin_path(src) for src in site_pages.get(guide_name, []))
        lines.append(f"- [{guide_name}]({FOLDER}/{guide_name}.json): asks {asks}. On {pages}.")
    lines.append(f"- [Guide data schema]({GUIDE_SCHEMA}): the shape of every guide's data")
    blocks.append("## Guides\n\n" + "\n".join(lines))
    if optional:
        blocks.append("## Optional\n\n" + "\n".join(map(page, optional)))
    return "\n\n".join(blocks) + "\n"
