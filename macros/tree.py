"""Turn a decision function into a question tree, by evaluating it over its whole input space.

This is how a guide asks only what still matters (``shared/design/guides.md``): at each step the
next question is the first, in the order given, whose answer can still change what the reader is
told; when no question can, the answer is known. The browser only walks the resulting tree.
"""

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from itertools import product
from typing import Any

from macros.decisions.model import Question


@dataclass(frozen=True)
class Ask:
    """A question node: the question, and the node each answer id leads to."""

    question: Question
    branches: Mapping[str, "Node"]


Node = int | Ask  # an int is the index of a leaf in the list of distinct outcomes


@dataclass(frozen=True)
class Tree:
    root: Node
    leaves: tuple[Any, ...]  # the distinct outcomes, in the order a reader first meets them

    def to_json(self) -> Any:
        """The tree as JSON: ``{"q": name, "a": {answer id: node}}`` or a leaf index."""

        def encode(node: Node) -> Any:
            if isinstance(node, int):
                return node
            return {"q": node.question.name, "a": {k: encode(v) for k, v in node.branches.items()}}

        return encode(self.root)

    def paths(self) -> list[tuple[tuple[tuple[Question, str], ...], int]]:
        """Every path from the root: the (question, answer id) steps and the leaf it ends on."""
        found: list[tuple[tuple[tuple[Question, str], ...], int]] = []

        def walk(node: Node, steps: tuple[tuple[Question, str], ...]) -> None:
            if isinstance(node, int):
                found.append((steps, node))
                return
            for answer, child in node.branches.items():
                walk(child, steps + ((node.question, answer),))

        walk(self.root, ())
        return found


def build_tree(questions: Sequence[Question], evaluate: Callable[..., Hashable]) -> Tree:
    """Evaluate ``evaluate(**answers)`` on every combination of answers and fold it into a tree."""
    leaves: list[Any] = []

    def leaf(outcome: Hashable) -> int:
        if outcome not in leaves:
            leaves.append(outcome)
        return leaves.index(outcome)

    def node(assigned: dict[str, Any]) -> Node:
        rest = [q for q in questions if q.name not in assigned]
        combos = list(product(*(q.values() for q in rest)))
        results = {
            combo: evaluate(**assigned, **{q.name: v for q, v in zip(rest, combo, strict=False)}) for combo in combos
        }
        if len(set(results.values())) == 1:
            return leaf(next(iter(results.values())))
        for i, question in enumerate(rest):
            if _can_change(results, i):
                return Ask(
                    question,
                    {
                        question.answer_id(value): node({**assigned, question.name: value})
                        for value in question.values()
                    },
                )
        raise AssertionError("outcomes differ, so some question must change them")  # pragma: no cover

    return Tree(node({}), tuple(leaves))


def _can_change(results: Mapping[tuple[Any, ...], Hashable], position: int) -> bool:
    """Whether the answer at ``position`` changes the outcome for some fixed set of the other answers."""
    seen: dict[tuple[Any, ...], Hashable] = {}
    for combo, outcome in results.items():
        others = combo[:position] + combo[position + 1 :]
        if seen.setdefault(others, outcome) != outcome:
            return True
    return False
