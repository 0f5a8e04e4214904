"""Render the planner: every step's questions, one tree per part of the plan, and the data the
page needs to put the free-form answers, the permissions and the console link together.
"""

from html import escape
from typing import Any

from macros.decisions import Guide, facts
from macros.decisions.permissions import CAPABILITIES
from macros.decisions.plan import (
    BLANK,
    CHECKLIST,
    CONSOLE_PARAMS,
    LINES,
    MESSAGES,
    PARTS,
    PLAN_SOURCES,
    READ_ONLY_PARAMS,
    STEPS,
    TEXT_RULES,
    Line,
    part_trees,
)
from macros.render import Resolve, cover_data, cover_source_ids, dom_id, frame, question_html
from macros.render_sources import source_templates
from macros.tree import Ask, Tree

NAME = "plan_app"
ALWAYS = ("name", "description", "capabilities")  # asked whatever the other answers
_HINTS = {
    "name": f"Never shown publicly; at most {facts.NAME_MAX} characters.",
    "description": f"Required: {facts.DESCRIPTION_MIN} to {facts.DESCRIPTION_MAX} characters.",
    "redirect_uris": f"One per line, at most {facts.REDIRECT_URIS_MAX}: absolute URIs, no wildcards; each request "
    "must name one of them exactly. The 3-legged flow sends users back there; a bot's installation sends its token.",
}
# Guides that show every path of each step without JavaScript.
_STEP_PAGES = {
    "type": "app-type.md",
    "describe": "describe.md",
    "auth": "authentication.md",
    "security": "security.md",
    "features": "features.md",
    "next": "next-steps.md",
}


def line_html(line: Line) -> str:
    """One checklist item; the page fills the same slots for free-form answers."""
    why = f' <span class="decision-guide__why">{escape(line.why)}</span>' if line.why else ""
    return (
        f'<li><span class="decision-guide__label">{escape(line.label)}</span>: '
        f'<strong class="decision-guide__value">{escape(line.value)}</strong>{why}</li>'
    )


def text_html(rule_name: str, label: str, multiline: bool, hidden: bool) -> str:
    """A free-form answer: a labelled text box with its hint; a list takes one item a line."""
    fid = dom_id(NAME, rule_name)
    lines = " data-lines" if rule_name == "redirect_uris" else ""
    box = (
        f'<textarea id="{fid}" rows="3" data-text="{rule_name}"{lines} aria-describedby="{fid}-hint"></textarea>'
        if multiline
        else f'<input type="text" id="{fid}" data-text="{rule_name}" aria-describedby="{fid}-hint" autocomplete="off">'
    )
    return (
        f'<div class="decision-guide__question decision-guide__text" data-name="{rule_name}"'
        f'{" hidden" if hidden else ""}>'
        f'<label for="{fid}">{escape(label)}</label>'
        f'<span class="decision-guide__hint" id="{fid}-hint">{escape(_HINTS[rule_name])}</span>{box}</div>'
    )


def waiting_html(fields: tuple[str, ...], trees: tuple[Tree, ...]) -> str:
    """What a step says while every question in it waits for an earlier answer, instead of standing empty."""
    roots = [(part, tree.root.question) for part, tree in zip(PARTS, trees, strict=False) if isinstance(tree.root, Ask)]
    if set(fields) & (set(ALWAYS) | {root.name for _, root in roots}):
        return ""
    gates = dict.fromkeys(root for part, root in roots if {q.name for q in part.questions} & set(fields))
    numbers = {field: number for number, (_, _, step_fields) in enumerate(STEPS, start=1) for field in step_fields}
    said = " and ".join(f"“{gate.prompt}” (step {numbers[gate.name]})" for gate in gates)
    return f'<p class="decision-guide__waiting">Answer {escape(said)} first.</p>'


def render_plan(guide: Guide, resolve: Resolve, schema: str) -> str:
    """The planner's HTML and data; ``schema`` is the URL of the plan's JSON Schema, which its download names."""
    questions = {q.name: q for q in guide.questions}
    text_labels = {"name": "App name", "description": "Description", "redirect_uris": "OAuth redirect URIs"}
    trees = part_trees()
    shown: set[str] = set()
    first = set(ALWAYS) | {tree.root.question.name for tree in trees if isinstance(tree.root, Ask)}
    steps = []
    for number, (step, title, fields) in enumerate(STEPS, start=1):
        body = []
        for field in fields:
            if field in text_labels:
                body.append(text_html(field, text_labels[field], multiline=field != "name", hidden=field not in first))
            elif field not in shown:
                body.append(question_html(NAME, questions[field], hidden=field not in first))
            shown.add(field)
        if not body:
            continue
        steps.append(
            f'<section class="decision-guide__step" data-step="{step}">'
            f'<h2>{number}. {escape(title)}</h2>{waiting_html(fields, trees)}{"".join(body)}</section>'
        )
    templates = f'<template data-line>{line_html(Line("", "", "-"))}</template>'
    templates += (
        '<template data-status="todo"><p>Answer the questions above and your plan appears below.</p></template>'
        '<template data-status="fix"><p>Your plan needs a fix first:</p>'
        '<ul class="decision-guide__errors"></ul></template>'
        '<template data-status="ready"><p>Your plan is ready below: one checklist per step of the console.</p>'
        "</template>"
    )
    plan = (
        '<div class="decision-guide__plan" hidden>'
        + "".join(
            f'<h3><a href="{escape(resolve(_STEP_PAGES[step]))}">{escape(title)}</a></h3>'
            f'<ul class="decision-guide__checklist" data-section="{step}"></ul>'
            for step, title, _ in STEPS
        )
        + '<p class="decision-guide__blocked"></p>'
        '<p><a class="md-button md-button--primary decision-guide__console" href="#">Open in the Developer Console</a> '
        '<button type="button" class="md-button decision-guide__copy">Copy the plan as Markdown</button> '
        '<a class="md-button decision-guide__json" href="#" download="app-plan.json">Download plan (JSON)</a></p>'
        f'<p class="decision-guide__read-only">{escape(READ_ONLY_NOTE)} '
        '<a class="decision-guide__editable" href="#">Open the form with only the other fields filled in</a>.</p>'
        '<p class="decision-guide__print-url">Developer Console link: <code></code></p>'
        '<div class="decision-guide__plan-sources"></div></div>'
    )
    form = "".join(steps) + templates + source_templates(plan_source_ids(trees))
    fallback = (
        "<p>The planner needs JavaScript; each step's guide shows every path without it:</p><ol>"
        + "".join(
            f'<li><a href="{escape(resolve(_STEP_PAGES[step]))}">{escape(title)}</a></li>' for step, title, _ in STEPS
        )
        + "</ol>"
    )
    return frame(guide, form, fallback, plan_data(trees, schema), label="Plan your app", after=plan)


def plan_data(trees: tuple[Tree, ...], schema: str) -> dict[str, Any]:
    """What the page composes a plan from (``guides.js``), published as data too (``macros.guide_data``):
    each part's tree and leaves, the text rules, the checklist's slots, the permissions cover, the
    console link's parameters; ``schema`` is the URL of the plan's JSON Schema."""
    return {
        "kind": "plan",
        "schema": schema,
        "parts": [
            {
                "name": part.name,
                "tree": tree.to_json(),
                "leaves": [
                    _compact(
                        {
                            "ids": leaf.ids,
                            "params": dict(leaf.params),
                            "asks": leaf.asks,
                            "blocked": leaf.blocked,
                            "sources": leaf.sources,
                            "lines": {slot: list(map(_line_data, lines)) for slot, lines in leaf.lines},
                        }
                    )
                    for leaf in tree.leaves
                ],
            }
            for part, tree in zip(PARTS, trees, strict=True)
        ],
        "always": list(ALWAYS),
        "rules": [
            _compact(
                {
                    "name": r.name,
                    "max": r.max_length,
                    "min": r.min_length,
                    "required": r.required,
                    "pattern": r.pattern,
                    "items": r.max_items,
                    "label": r.label,
                }
            )
            for r in TEXT_RULES
        ],
        "blank": BLANK,
        "messages": MESSAGES,
        "lines": {key: _line_data(line) for key, line in LINES.items()},
        "checklist": CHECKLIST,
        "cover": cover_data(CAPABILITIES),
        "carriers": {pid: str(p.carrier_id) for pid, p in facts.PARTNERS.items()},
        "params": [list(pair) for pair in CONSOLE_PARAMS],
        "readOnly": READ_ONLY_PARAMS,
        "planSources": PLAN_SOURCES,
        "base": facts.NEW_APP_URL,
    }


READ_ONLY_NOTE = (
    "The link presets the access, the platform type and the permissions, and the form then shows them "
    "read-only. To change one there, open the form without them:"
)


def plan_source_ids(trees: tuple[Tree, ...]) -> list[str]:
    """Every source a plan may cite: its parts' leaves', the permissions', and the plan's own."""
    of_parts = [source for tree in trees for leaf in tree.leaves for source in leaf.sources]
    return [*of_parts, *cover_source_ids(cover_data(CAPABILITIES)), *PLAN_SOURCES]


def _line_data(line: Line) -> list[str]:
    """A checklist line as the page's data: label, value and why (the page fills the one line template)."""
    return [line.label, line.value, line.why]


def _compact(fields: dict[str, Any]) -> dict[str, Any]:
    """Data for the page without its empty fields, which the page reads as empty."""
    return {key: value for key, value in fields.items() if value}
