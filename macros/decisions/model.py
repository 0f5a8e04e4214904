"""The shapes every decision shares: questions with their options, and the decision they lead to.

A question knows its valid answers, so it is also the one place that rejects a bad one: the
contract (``shared/design/guides.md``) wants a ``ValueError`` that names the argument, the value
given and every valid value, and no silent coercion (``"yes"`` and ``1`` are not bools).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["choice", "bool", "multi"]
Link = tuple[str, str]


@dataclass(frozen=True)
class Option:
    """One answer to a question: its id (the value a function takes), a label and a one-line hint."""

    id: str
    label: str
    hint: str = ""


YES_NO = (Option("yes", "Yes"), Option("no", "No"))


@dataclass(frozen=True)
class Question:
    """A question a guide asks, named after the function argument it answers."""

    name: str
    prompt: str
    kind: Kind
    options: tuple[Option, ...] = YES_NO

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(option.id for option in self.options)

    def values(self) -> tuple[Any, ...]:
        """Every valid single answer, as the function takes it: the input space of a guide."""
        if self.kind == "bool":
            return (True, False)
        if self.kind == "choice":
            return self.ids
        raise TypeError(f"{self.name}: a multiple-choice question has no single answers")

    def check(self, value: Any) -> Any:
        """Return ``value`` if it is a valid answer (a multiple choice as a sorted tuple), else raise."""
        if self.kind == "bool":
            if type(value) is not bool:
                raise ValueError(f"{self.name}: got {value!r}; valid values: True, False")
            return value
        if self.kind == "choice":
            if not isinstance(value, str) or value not in self.ids:
                raise ValueError(f"{self.name}: got {value!r}; valid values: {', '.join(self.ids)}")
            return value
        if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
            raise ValueError(f"{self.name}: got {value!r}; expected an iterable of ids among: {', '.join(self.ids)}")
        chosen = tuple(value)
        for item in chosen:
            if not isinstance(item, str) or item not in self.ids:
                raise ValueError(f"{self.name}: got {item!r}; valid values: {', '.join(self.ids)}")
        return tuple(sorted(set(chosen)))

    def answer_id(self, value: Any) -> str:
        """The id under which a single answer travels in a URL (``yes``/``no`` for bools)."""
        if self.kind == "bool":
            return "yes" if value else "no"
        return str(value)


@dataclass(frozen=True)
class Decision:
    """What a guide answers: a stable outcome ``id``, a short ``title``, ``reasons``, ``links`` and the
    ``sources`` (fact ids) that the answer rests on (``shared/design/guides.md``, 2026-12-04)."""

    id: str
    title: str
    reasons: tuple[str, ...]
    links: tuple[Link, ...] = ()
    notes: tuple[str, ...] = field(default=())  # warnings the reader must see (e.g. deprecation)
    sources: tuple[str, ...] = field(default=())  # ids of ``macros.decisions.sources.SOURCES`` it rests on
