"""Render a guide as HTML: the form the browser drives, and the no-JavaScript view of every path.

Nothing here decides anything: the outcomes come from ``macros.decisions`` through
``macros.tree``, and the browser gets them as data it only looks up (``docs/assets/guides.js``).
"""

import json
from collections.abc import Callable, Iterable
from html import escape
from typing import Any

from macros.decisions import Guide, facts
from macros.decisions.changes import CHANGES
from macros.decisions.model import Decision, Question
from macros.decisions.permissions import COVER_SOURCES, NEEDS, WITHIN_ROLE, approval_note, approval_sources
from macros.render_sources import source_templates, sources_html
from macros.tree import Ask, Node, Tree, build_tree

Resolve = Callable[[str], str]  # turns a decision's link target ("security.md", "https://…") into an href


def dom_id(*parts: str) -> str:
    """An HTML id made of the parts: ``dom_id("pkce", "platform")`` is ``guide-pkce-platform``."""
    return "-".join(("guide",) + parts).replace("_", "-")


def question_html(guide: str, question: Question, hidden: bool) -> str:
    """One fieldset: the question as its legend, an input per option, its label holding the hint."""
    kind = "checkbox" if question.kind == "multi" else "radio"
    name = "" if kind == "checkbox" else f' name="{guide}.{question.name}"'  # a name groups radios
    options = "".join(
        f'<label class="decision-guide__option"><input type="{kind}"{name} '
        f'value="{escape(option.id)}" data-question="{escape(question.name)}"><span>{escape(option.label)}</span>'
        + (f'<span class="decision-guide__hint">{escape(option.hint)}</span>' if option.hint else "")
        + "</label>"
        for option in question.options
    )
    return (
        f'<fieldset class="decision-guide__question" data-name="{escape(question.name)}"'
        f'{" hidden" if hidden else ""}><legend>{escape(question.prompt)}</legend>{options}</fieldset>'
    )


def list_html(cls: str, items: Iterable[str]) -> str:
    items = [f"<li>{item}</li>" for item in items]
    return f'<ul class="{cls}">{"".join(items)}</ul>' if items else ""


def note_html(note: str, attributes: str = "") -> str:
    """A warning the reader must see, such as a deprecation or an approval."""
    return f'<p class="decision-guide__note"{attributes}><strong>Note:</strong> {escape(note)}</p>'


def decision_html(decision: Decision, resolve: Resolve, element_id: str = "") -> str:
    """A decision for people: title, any warning, reasons and onward links."""
    notes = "".join(map(note_html, decision.notes))
    links = list_html(
        "decision-guide__links",
        (f'<a href="{escape(resolve(url))}">{escape(text)}</a>' for text, url in decision.links),
    )
    ident = f' id="{element_id}"' if element_id else ""
    return (
        f'<div class="decision-guide__panel"{ident} data-leaf-outcome="{escape(decision.id)}">'
        f'<p class="decision-guide__title">{escape(decision.title)}</p>{notes}'
        f'{list_html("decision-guide__reasons", map(escape, decision.reasons))}{links}'
        f"{sources_html(decision.sources)}</div>"
    )


def tree_html(guide: str, tree: Tree, node: Node) -> str:
    """The no-JavaScript view: each question with each answer and where it leads."""
    if isinstance(node, int):
        target = tree.leaves[node]
        return f'<a href="#{dom_id(guide, "o" + str(node))}">{escape(target.title)}</a>'
    assert isinstance(node, Ask)
    labels = {o.id: o.label for o in node.question.options}
    branches = "".join(
        f"<li><em>{escape(labels[answer])}</em>: {tree_html(guide, tree, child)}</li>"
        for answer, child in node.branches.items()
    )
    return f"{escape(node.question.prompt)}<ul>{branches}</ul>"


# The guide's last child: guides.js (in <head>) sets the guide up as soon as it is parsed, before the
# first paint, so that answers from the URL do not move the page when they appear.
SET_UP = "<script>decisionGuide(document.currentScript.parentElement)</script>"


def frame(guide: Guide, form: str, fallback: str, data: dict[str, Any], label: str = "", after: str = "") -> str:
    """The markup every guide shares (``shared/design/guides.md``)."""
    root = dom_id(guide.name)
    label = label or guide.questions[0].prompt
    # An attribute, not a <script>: Material's instant navigation re-runs every script it swaps in.
    payload = escape(json.dumps(data, separators=(",", ":")), quote=False).replace("'", "&#39;")
    return (
        f'<div class="decision-guide" id="{root}" data-guide="{guide.name}" data-model=\'{payload}\'>'
        f'<form class="decision-guide__form" hidden aria-label="{escape(label)}">{form}'
        f'<div class="decision-guide__result" data-outcome="" aria-live="polite" aria-atomic="true"></div>{after}'
        f'<button type="button" class="md-button decision-guide__reset">Start over</button></form>'
        f'<details class="decision-guide__paths" open><summary>Every answer at a glance</summary>{fallback}</details>'
        f"{SET_UP}</div>"
    )


def render_tree_guide(guide: Guide, resolve: Resolve) -> str:
    """A guide whose input space is small enough to evaluate whole and embed as a tree."""
    tree = build_tree(guide.questions, guide.function)
    form = "".join(question_html(guide.name, q, hidden=i > 0) for i, q in enumerate(guide.questions))
    panels = "".join(decision_html(d, resolve, dom_id(guide.name, "o" + str(i))) for i, d in enumerate(tree.leaves))
    fallback = (
        f'<div class="decision-guide__tree">{tree_html(guide.name, tree, tree.root)}</div>'
        f'<div class="decision-guide__outcomes">{panels}</div>'
    )
    return frame(
        guide, form, fallback, {"kind": "tree", "tree": tree.to_json(), "outcomes": [d.id for d in tree.leaves]}
    )


def cover_data(question: Question) -> dict[str, Any]:
    """Per-option data for the browser's one combinator: union of the needs, minus the included;
    of what is kept, those that need approval; and the sources of each part (``cover_sources``)."""
    used = sorted({name for needs in NEEDS.values() for name in needs})
    approval = [n for n in used if facts.PERMISSIONS[n].requires_approval]
    return {
        "question": question.name,
        "needs": dict(NEEDS),
        "implies": {n: sorted(facts.implied_by(n)) for n in used},
        "approval": approval,
        "sources": {**COVER_SOURCES, "approval": {n: approval_sources(n) for n in approval}},
    }


def cover_source_ids(data: dict[str, Any]) -> list[str]:
    """Every source that a cover composed from ``data`` may cite."""
    sources = data["sources"]
    return [*sources["base"], *(i for n in data["approval"] for i in sources["approval"][n]), *sources["kept"]]


def render_cover_guide(guide: Guide, resolve: Resolve) -> str:
    """The permissions guide: per-option data that the browser combines (union, then drop the included)."""
    question = guide.questions[0]
    data = cover_data(question)
    rows = "".join(
        f'<tr><td>{escape(option.label)}</td><td>{", ".join(f"<code>{n}</code>" for n in NEEDS[option.id])}</td>'
        f'<td>{escape("; ".join(facts.PERMISSIONS[n].meaning for n in NEEDS[option.id]))}</td>'
        f'<td>{", ".join(f"<code>{i}</code>" for n in NEEDS[option.id] for i in sorted(facts.implied_by(n))) or "–"}'
        "</td>"
        f'<td>{"Yes" if any(facts.PERMISSIONS[n].requires_approval for n in NEEDS[option.id]) else "No"}</td></tr>'
        for option in question.options
    )
    fallback = (
        '<p>Request the permission of each thing your app does, then leave out any permission that another '
        'one you request already includes.</p>'
        '<table class="decision-guide__table"><thead><tr><th scope="col">Your app will</th>'
        '<th scope="col">Permission</th>'
        f'<th scope="col">It allows</th><th scope="col">Already includes</th><th scope="col">Needs approval</th></tr>'
        f'</thead><tbody>{rows}</tbody></table><p>{escape(CHANGES["restricted-scopes"].now)}</p>'
        f"{sources_html(dict.fromkeys(cover_source_ids(data)))}"
    )
    parts = "".join(
        f'<li data-kept="{n}"><code>{n}</code>: {escape(facts.PERMISSIONS[n].meaning)}.</li>'
        f'<li data-left-out="{n}"><code>{n}</code> is left out: <span data-by></span> already includes it.</li>'
        for n in data["implies"]
    )
    notes = "".join(note_html(approval_note(n), f' data-approval="{n}"') for n in data["approval"])
    form = (
        question_html(guide.name, question, hidden=False)
        + f'<template class="decision-guide__parts"><p class="decision-guide__title">Request these permissions</p>'
        f'{notes}<ul class="decision-guide__reasons">{parts}<li data-within-role>{escape(WITHIN_ROLE)}</li></ul>'
        f"</template>{source_templates(cover_source_ids(data))}"
    )
    return frame(guide, form, fallback, {"kind": "cover", **data})


def render_guide(guide: Guide, resolve: Resolve) -> str:
    """The HTML of one guide, by the shape of its input space."""
    if guide.questions[0].kind == "multi":
        return render_cover_guide(guide, resolve)
    return render_tree_guide(guide, resolve)
