"""Which rules and which pages rest on each fact of ``macros.decisions.sources`` (issue 20).

Computed, never kept by hand: a guide rests on every fact that one of its outcomes cites
(``Decision.sources``), a change row on its own ``sources``, and a page on whatever its macros embed:
``guide("name")``, ``changed("id", ...)``, ``changes()`` (every row) and ``cite("fact-id")``.
Pure: the registry, the change rows and the pages' Markdown are parameters.
"""

import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from macros.decisions import Guide
from macros.decisions.model import Question
from macros.decisions.plan import PARTS, PLAN_SOURCES
from macros.tree import build_tree


class Composition(NamedTuple):
    """A guide that puts other guides' decisions together, and its own parts (walked like guides)."""

    guides: tuple[str, ...]
    parts: Sequence[tuple[Sequence[Question], Callable[..., Hashable]]] = ()
    facts: tuple[str, ...] = ()  # what it cites itself, whatever the answers


# plan_app composes every other guide's decision (shared/design/guides.md, "plan_app") and adds its parts.
COMPOSED: Mapping[str, Composition] = {
    "plan_app": Composition(
        (
            "app_type",
            "auth_method",
            "pkce",
            "refresh_tokens",
            "app_access",
            "partner_reach",
            "app_features",
            "permissions",
        ),
        tuple((part.questions, part.function) for part in PARTS),
        PLAN_SOURCES,
    )
}


class Dependents(NamedTuple):
    """What rests on one fact: guide names, change-row ids and pages (``docs/`` file names)."""

    guides: tuple[str, ...]
    changes: tuple[str, ...]
    pages: tuple[str, ...]


def _cited(outcomes: Iterable[Any]) -> frozenset[str]:
    return frozenset(fact for outcome in outcomes for fact in getattr(outcome, "sources", ()))


def outcomes(questions: Sequence[Question], function: Callable[..., Hashable]) -> tuple[Any, ...]:
    """Every outcome a guide can give: its tree's leaves. A multiple choice (permissions: 2^16 sets)
    is asked one option at a time: a set's answer rests on the facts of its options."""
    multi = [question for question in questions if question.kind == "multi"]
    if not multi:
        return build_tree(questions, function).leaves
    (question,) = multi
    return tuple(function(**{question.name: (option,)}) for option in question.ids)


def facts_of_guides(
    guides: Mapping[str, Guide], composed: Mapping[str, Composition] = COMPOSED
) -> dict[str, frozenset[str]]:
    """The facts each guide rests on; a composition rests on those of its guides and of its parts."""
    found = {
        name: _cited(outcomes(guide.questions, guide.function))
        for name, guide in guides.items()
        if name not in composed
    }
    for name, composition in composed.items():
        if name in guides:
            found[name] = frozenset(composition.facts).union(
                *(found.get(part, frozenset()) for part in composition.guides),
                *(_cited(outcomes(questions, function)) for questions, function in composition.parts),
            )
    return found


_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", re.DOTALL)  # shown as code, never run
_EXPRESSION = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
_CALL = re.compile(r"\b(guide|changed|changes|cite)\s*\(([^)]*)\)")
_STRING = re.compile(r"""["']([^"']*)["']""")


def macro_calls(markdown: str) -> list[tuple[str, tuple[str, ...]]]:
    """The macros a page runs, with their string arguments: ``[("guide", ("pkce",)), ...]``."""
    calls = []
    for expression in _EXPRESSION.findall(_RAW.sub("", markdown)):
        for name, arguments in _CALL.findall(expression):
            calls.append((name, tuple(_STRING.findall(arguments))))
    return calls


def dependents(
    fact_ids: Iterable[str],
    guides: Mapping[str, Guide],
    changes: Mapping[str, object],
    pages: Mapping[str, str],
    composed: Mapping[str, Composition] = COMPOSED,
) -> dict[str, Dependents]:
    """For each fact, the guides, the change rows and the pages (name -> Markdown) that rest on it."""
    by_guide = facts_of_guides(guides, composed)
    by_change = {row_id: frozenset(getattr(row, "sources", ())) for row_id, row in changes.items()}
    calls = {page: macro_calls(text) for page, text in pages.items()}
    found = {}
    for fact in fact_ids:
        on_guides = frozenset(name for name, facts in by_guide.items() if fact in facts)
        on_changes = frozenset(row_id for row_id, facts in by_change.items() if fact in facts)
        found[fact] = Dependents(
            tuple(sorted(on_guides)),
            tuple(sorted(on_changes)),
            tuple(
                sorted(
                    page
                    for page, page_calls in calls.items()
                    if any(_rests(call, fact, on_guides, on_changes) for call in page_calls)
                )
            ),
        )
    return found


def _rests(call: tuple[str, tuple[str, ...]], fact: str, guides: frozenset[str], changes: frozenset[str]) -> bool:
    """Whether a macro call shows ``fact``: it embeds a guide or a change row that rests on it, or cites it."""
    name, arguments = call
    return bool(
        (name == "guide" and guides & set(arguments))
        or (name == "changed" and changes & set(arguments))
        or (name == "changes" and changes)
        or (name == "cite" and fact in arguments)
    )
