"""Each guide as data for programs: one JSON file per guide, the JSON Schemas beside them, and the
addresses of all of them (issue 22).

The data is what the pages already embed, from the same trees and tables: nothing here decides.
A tree guide is its question tree (``macros.tree``) with its outcomes; ``permissions`` and
``plan_app``, too large to enumerate, are their per-option data and the combinator the page runs
(``COVER_RULE``, ``PLAN_RULE``), so that a program composes an answer as ``guides.js`` does.
"""

from typing import Any

from macros.decisions import GUIDES, Guide
from macros.decisions.model import Decision, Question
from macros.decisions.plan import part_trees
from macros.decisions.sources import SOURCES
from macros.render import cover_data, cover_source_ids
from macros.render_plan import plan_data, plan_source_ids
from macros.tree import build_tree

FOLDER = "guides"  # the data's folder in the site: guides/<name>.json
GUIDE_SCHEMA = f"{FOLDER}/guide.schema.json"
PLAN_SCHEMA = f"{FOLDER}/plan.schema.json"
JSON_SCHEMA = "https://json-schema.org/draft/2020-12/schema"

COVER_RULE = (
    "Permissions for a set of capabilities: wanted is the union of cover.needs[c] over the chosen "
    "capabilities c; a wanted permission is left out when cover.implies[p] of another wanted permission p "
    "contains it; the rest, sorted, are kept. The outcome id is the kept names joined by '+', or 'none'. "
    "requires_approval: the kept names listed in cover.approval. sources: cover.sources.base, then "
    "cover.sources.approval[n] for each kept n that requires approval, then cover.sources.kept if any "
    "is kept; each id once, in that order."
)
PLAN_RULE = (
    "A plan from answers (question id -> option id; 'yes'/'no' for yes/no questions): walk each of "
    "plan.parts in order through its tree ({q, a}: follow a[answer of q]; a number: the index of its "
    "leaf in leaves). Questions asked: plan.always, the questions on each walk, and each leaf's asks. "
    "The plan id is every leaf's ids in order, then the permissions cover's id (see the permissions "
    "guide), joined by '/'. Checklist: for each step of plan.checklist, each slot's lines: a leaf's "
    "lines for that slot, else the free-form answers' lines (plan.lines with {value} filled in), else "
    "plan.lines[slot]. Console link (none if a leaf is blocked): plan.base + '?' + each "
    "[key, param] of plan.params whose value is not empty, as param=encodeURIComponent(value), joined "
    "by '&'; the values are the leaves' params, then name, description, the kept permissions joined by "
    "',', the partners' carriers joined by ',' and the redirect URIs joined by ','; the editable link "
    "leaves out plan.readOnly. Free-form answers follow plan.rules (plan.messages say what is wrong)."
)


def absolute(site_url: str, path: str) -> str:
    """``path`` (relative to the site's root) as an absolute URL under ``site_url``."""
    return site_url.rstrip("/") + "/" + path


def page_path(src: str) -> str:
    """The URL path of a page of docs/ (``security.md`` -> ``security/``, ``index.md`` -> ``""``)."""
    return "" if src == "index.md" else src.removesuffix(".md") + "/"


def link_url(site_url: str, target: str) -> str:
    """A decision's link target (``security.md#x`` or a RingCentral URL) as an absolute URL."""
    if target.startswith(("https://", "http://")):
        return target
    path, _, fragment = target.partition("#")
    return absolute(site_url, page_path(path)) + ("#" + fragment if fragment else "")


def source_json(source_id: str) -> dict[str, Any]:
    """A source resolved: its RingCentral URL (or null for the seed and the RFCs), title, section and phrase."""
    source = SOURCES[source_id]
    return {
        "id": source_id,
        "url": source.page if source.page.startswith("https://") else None,
        "title": source.title,
        "section": source.section,
        "phrase": source.phrase,
    }


def question_json(question: Question) -> dict[str, Any]:
    """A question: its id (the function's argument), prompt, kind and options."""
    return {
        "id": question.name,
        "prompt": question.prompt,
        "kind": question.kind,
        "options": [{"id": o.id, "label": o.label, "hint": o.hint} for o in question.options],
    }


def decision_json(decision: Decision, site_url: str) -> dict[str, Any]:
    """An outcome: id, title, notes, reasons, links and resolved sources."""
    return {
        "id": decision.id,
        "title": decision.title,
        "notes": list(decision.notes),
        "reasons": list(decision.reasons),
        "links": [{"text": text, "url": link_url(site_url, url)} for text, url in decision.links],
        "sources": [source_json(i) for i in decision.sources],
    }


def guide_json(guide: Guide, site_url: str, pages: list[str]) -> dict[str, Any]:
    """One guide as data; ``pages`` are the docs/ pages that embed it."""
    data: dict[str, Any] = {
        "$schema": absolute(site_url, GUIDE_SCHEMA),
        "name": guide.name,
        "pages": [absolute(site_url, page_path(src)) for src in pages],
        "questions": [question_json(q) for q in guide.questions],
    }
    if guide.name == "plan_app":
        plan = plan_data(part_trees(), absolute(site_url, PLAN_SCHEMA))
        cited = plan_source_ids(part_trees())
        return data | {"kind": "plan", "rule": PLAN_RULE, "plan": plan, "sources": resolved(cited)}
    if guide.questions[0].kind == "multi":
        cover = cover_data(guide.questions[0])
        return data | {
            "kind": "cover",
            "rule": COVER_RULE,
            "cover": cover,
            "sources": resolved(cover_source_ids(cover)),
        }
    tree = build_tree(guide.questions, guide.function)
    outcomes = [decision_json(leaf, site_url) for leaf in tree.leaves]
    return data | {"kind": "tree", "tree": tree.to_json(), "outcomes": outcomes}


def resolved(source_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Each source id once, resolved (``source_json``)."""
    return {i: source_json(i) for i in dict.fromkeys(source_ids)}


def guides_json(site_url: str, pages: dict[str, list[str]]) -> dict[str, dict[str, Any]]:
    """Every guide's file (``guides/<name>.json``) and its data; ``pages``: guide name -> its pages."""
    return {f"{FOLDER}/{name}.json": guide_json(guide, site_url, pages.get(name, [])) for name, guide in GUIDES.items()}


# --- JSON Schemas -----------------------------------------------------------------------------------

_STRINGS = {"type": "array", "items": {"type": "string"}}
_SOURCE = {
    "type": "object",
    "required": ["id", "url", "title", "section", "phrase"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string"},
        "url": {"type": ["string", "null"], "format": "uri"},
        "title": {"type": "string"},
        "section": {"type": "string"},
        "phrase": {"type": "string"},
    },
}


def guide_schema(site_url: str) -> dict[str, Any]:
    """The JSON Schema of every ``guides/<name>.json``."""
    return {
        "$schema": JSON_SCHEMA,
        "$id": absolute(site_url, GUIDE_SCHEMA),
        "title": "A decision guide as data",
        "description": "One of the site's decision guides. kind 'tree': walk tree with the answers; "
        "'cover' and 'plan': compose the data as 'rule' says.",
        "type": "object",
        "required": ["$schema", "name", "kind", "pages", "questions"],
        "properties": {
            "$schema": {"type": "string"},
            "name": {"type": "string", "description": "The guide's function, e.g. pkce"},
            "kind": {"enum": ["tree", "cover", "plan"]},
            "pages": {"type": "array", "items": {"type": "string", "format": "uri"}},
            "questions": {"type": "array", "items": {"$ref": "#/$defs/question"}},
            "tree": {"$ref": "#/$defs/node"},
            "outcomes": {"type": "array", "items": {"$ref": "#/$defs/outcome"}},
            "rule": {"type": "string", "description": "How to compose an answer from the data"},
            "cover": {"type": "object"},
            "plan": {"type": "object"},
            "sources": {"type": "object", "additionalProperties": {"$ref": "#/$defs/source"}},
        },
        "additionalProperties": False,
        "allOf": [
            {"if": {"properties": {"kind": {"const": "tree"}}}, "then": {"required": ["tree", "outcomes"]}},
            {"if": {"properties": {"kind": {"const": "cover"}}}, "then": {"required": ["rule", "cover", "sources"]}},
            {"if": {"properties": {"kind": {"const": "plan"}}}, "then": {"required": ["rule", "plan", "sources"]}},
        ],
        "$defs": {
            "question": {
                "type": "object",
                "required": ["id", "prompt", "kind", "options"],
                "additionalProperties": False,
                "properties": {
                    "id": {"type": "string"},
                    "prompt": {"type": "string"},
                    "kind": {"enum": ["choice", "bool", "multi"]},
                    "options": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["id", "label", "hint"],
                            "additionalProperties": False,
                            "properties": {
                                "id": {"type": "string"},
                                "label": {"type": "string"},
                                "hint": {"type": "string"},
                            },
                        },
                    },
                },
            },
            "node": {
                "description": "A question node {q: question id, a: {option id: node}}, or the index of an outcome",
                "oneOf": [
                    {"type": "integer", "minimum": 0},
                    {
                        "type": "object",
                        "required": ["q", "a"],
                        "additionalProperties": False,
                        "properties": {
                            "q": {"type": "string"},
                            "a": {"type": "object", "additionalProperties": {"$ref": "#/$defs/node"}},
                        },
                    },
                ],
            },
            "outcome": {
                "type": "object",
                "required": ["id", "title", "notes", "reasons", "links", "sources"],
                "additionalProperties": False,
                "properties": {
                    "id": {"type": "string"},
                    "title": {"type": "string"},
                    "notes": _STRINGS,
                    "reasons": _STRINGS,
                    "links": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["text", "url"],
                            "additionalProperties": False,
                            "properties": {"text": {"type": "string"}, "url": {"type": "string", "format": "uri"}},
                        },
                    },
                    "sources": {"type": "array", "items": {"$ref": "#/$defs/source"}},
                },
            },
            "source": _SOURCE,
        },
    }


def plan_schema(site_url: str) -> dict[str, Any]:
    """The JSON Schema of a plan: ``Plan.to_json`` and the planner's "Download plan (JSON)"."""
    plan = GUIDES["plan_app"]
    choice = {q.name: {"enum": list(q.ids)} for q in plan.questions if q.kind != "multi"}
    multi = {
        q.name: {"type": "array", "items": {"enum": list(q.ids)}, "uniqueItems": True}
        for q in plan.questions
        if q.kind == "multi"
    }
    line = {
        "type": "object",
        "required": ["label", "value", "why"],
        "additionalProperties": False,
        "properties": {"label": {"type": "string"}, "value": {"type": "string"}, "why": {"type": "string"}},
    }
    return {
        "$schema": JSON_SCHEMA,
        "$id": absolute(site_url, PLAN_SCHEMA),
        "title": "An app plan",
        "description": "The answers a plan rests on (option ids, as in guides/plan_app.json), each part's "
        "decisions with their sources (ids of the sources in guides/plan_app.json), the checklist per "
        "console step, the Developer Console links and the console form's fields (the link's parameters).",
        "type": "object",
        "required": [
            "schema",
            "id",
            "answers",
            "decisions",
            "checklist",
            "console_url",
            "editable_console_url",
            "console_url_reason",
            "fields",
            "sources",
        ],
        "additionalProperties": False,
        "properties": {
            "schema": {"const": absolute(site_url, PLAN_SCHEMA)},
            "id": {"type": "string"},
            "answers": {
                "type": "object",
                "required": ["name", "description", "capabilities"],
                "additionalProperties": False,
                "properties": {
                    **choice,
                    **multi,
                    "name": {"type": "string"},
                    "description": {"type": "string"},
                    "redirect_uris": _STRINGS,
                },
            },
            "decisions": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["part", "ids", "sources"],
                    "additionalProperties": False,
                    "properties": {"part": {"type": "string"}, "ids": _STRINGS, "sources": _STRINGS},
                },
            },
            "checklist": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["step", "title", "lines"],
                    "additionalProperties": False,
                    "properties": {
                        "step": {"type": "string"},
                        "title": {"type": "string"},
                        "lines": {"type": "array", "items": line},
                    },
                },
            },
            "console_url": {"type": ["string", "null"]},
            "editable_console_url": {"type": ["string", "null"]},
            "console_url_reason": {"type": "string"},
            "fields": {"type": "object", "additionalProperties": {"type": "string"}},
            "sources": _STRINGS,
        },
    }


def schemas(site_url: str) -> dict[str, dict[str, Any]]:
    """The published schemas by their path in the site."""
    return {GUIDE_SCHEMA: guide_schema(site_url), PLAN_SCHEMA: plan_schema(site_url)}
