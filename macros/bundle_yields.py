"""MkDocs hook (``hooks:`` in mkdocs.yml): Material's start, in short tasks instead of one long one.

Material's bundle defines its functions (about 5 ms) and then starts the application: twenty-odd
top-level statements that set up instant navigation, the search worker, the header and the other
components. On this project's machine that start was one task of 40-60 ms after the first paint,
and a phone running Lighthouse's simulation counts four times that: a tap during it waits (README,
"Where the time goes", cause 11). No single statement is long; their sum is. So the build makes
the bundle's outer function ``async`` and lets the browser in between the application's top-level
statements (``scheduler.yield()`` where the browser has it, else a zero timeout). The statements
are Material's, unchanged and in the same order, in the same scope; only the task they run in
changes. When the last one has run, the bundle says so with a ``material-evaluated`` event on the
document: its script's ``load`` event now comes after the first statement only, and the loader in
``overrides/main.html`` waits for the event before it mounts Material's components.

The source map still points at Material's sources: each insertion moves the columns after it.

The application part is found by Material's first statement (the ``no-js`` class swap) and ends
with the bundle's outer function. Its statements are told apart by a small scanner that knows
strings and brackets; anything it cannot read for certain (a regular expression, a division, a
template literal, a comment) stops the build with a message that says what to update here, rather
than a guess at a split. Zensical runs no hooks: its build serves the bundle as Material ships it,
and the loader takes that bundle's ``load`` event as its end.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from macros.compile_hints import BUNDLES

START = 'document.documentElement.classList.remove("no-js");'
OUTER = '"use strict";(()=>{'
OUTER_ASYNC = '"use strict";(async()=>{'
END = "})();"
EVENT = "material-evaluated"
YIELD = "await(globalThis.scheduler?.yield?scheduler.yield():new Promise(r=>setTimeout(r)));"
DONE = f'document.dispatchEvent(new Event("{EVENT}"));'
_BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


class BundleShapeError(ValueError):
    """Material's bundle is not shaped as this hook expects: the hook needs updating."""

    def __init__(self, problem: str) -> None:
        super().__init__(f"{problem} (macros/bundle_yields.py needs updating for this version of Material)")


@dataclass(frozen=True)
class Insertion:
    """Text to insert before ``column`` of ``line`` (both from 0) of the bundle."""

    line: int
    column: int
    text: str


def statement_ends(code: str) -> list[int]:
    """Offsets just after each top-level ``;`` of ``code``: where one statement ends and the next begins.

    Raises BundleShapeError for what the scanner cannot read for certain, and for unbalanced
    brackets or a last statement without its ``;``.
    """
    ends: list[int] = []
    depth, index = 0, 0
    while index < len(code):
        char = code[index]
        if char in "\"'":
            index += 1
            while index < len(code) and code[index] != char:
                index += 2 if code[index] == "\\" else 1
            if index >= len(code):
                raise BundleShapeError(f"an unterminated string in Material's start: {code[-60:]!r}")
        elif char in "/`":
            raise BundleShapeError(
                f"a {'template literal' if char == '`' else 'slash (a regex, a division or a comment)'} "
                f"in Material's start, which the scanner cannot read for certain: "
                f"{code[max(0, index - 40) : index + 40]!r}"
            )
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth < 0:
                near = code[max(0, index - 40) : index + 1]
                raise BundleShapeError(f"unbalanced brackets in Material's start: {near!r}")
        elif char == ";" and depth == 0:
            ends.append(index + 1)
        index += 1
    if depth or not ends or ends[-1] != len(code):
        raise BundleShapeError(f"Material's start does not end with a complete statement: {code[-60:]!r}")
    return ends


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset)
    return line, offset - (text.rfind("\n", 0, offset) + 1)


def plan(text: str) -> list[Insertion]:
    """The insertions that split Material's start in ``text`` (the bundle), in order.

    Raises BundleShapeError when the bundle does not have the expected shape.
    """
    if text.count(OUTER) != 1:
        raise BundleShapeError(f"Material's bundle does not open with {OUTER!r} exactly once")
    if text.count(START) != 1:
        raise BundleShapeError(f"Material's bundle does not contain its first statement {START!r} exactly once")
    start, end = text.index(START), text.rfind(END)
    tail = text[end + len(END) :].strip()
    if end < start or tail and not tail.startswith("//# sourceMappingURL="):
        raise BundleShapeError(f"Material's bundle does not end its outer function with {END!r} after its start")
    ends = statement_ends(text[start:end])
    insertions = [Insertion(*_position(text, text.index(OUTER) + OUTER.index("(") + 1), "async")]
    insertions += [Insertion(*_position(text, start + offset), YIELD) for offset in ends[:-1]]
    insertions.append(Insertion(*_position(text, end), DONE))
    return insertions


def apply(text: str, insertions: list[Insertion]) -> str:
    """``text`` with the insertions made (each at its place in the original text)."""
    lines = text.split("\n")
    for insertion in sorted(insertions, key=lambda i: (i.line, i.column), reverse=True):
        line = lines[insertion.line]
        lines[insertion.line] = line[: insertion.column] + insertion.text + line[insertion.column :]
    return "\n".join(lines)


def _vlq_decode_first(segment: str) -> tuple[int, int]:
    """The first value of a source map segment, and the number of characters it takes."""
    value, shift = 0, 0
    for used, char in enumerate(segment, start=1):
        digit = _BASE64.index(char)
        value += (digit & 31) << shift
        shift += 5
        if not digit & 32:
            return (-(value >> 1) if value & 1 else value >> 1), used
    raise ValueError(f"a truncated source map segment: {segment!r}")


def _vlq_encode(value: int) -> str:
    rest = (-value << 1) | 1 if value < 0 else value << 1
    out = ""
    while True:
        digit, rest = rest & 31, rest >> 5
        out += _BASE64[digit | (32 if rest else 0)]
        if not rest:
            return out


def shift_mappings(mappings: str, insertions: list[Insertion]) -> str:
    """Source map ``mappings`` for the text with the insertions made: each generated column moves
    right by the length of the text inserted before it on its line."""
    lines = mappings.split(";")
    for number in {i.line for i in insertions}:
        moves = sorted((i.column, len(i.text)) for i in insertions if i.line == number)
        segments, previous_old, previous_new = [], 0, 0
        for segment in filter(None, lines[number].split(",")):
            delta, used = _vlq_decode_first(segment)
            old = previous_old + delta
            new = old + sum(length for column, length in moves if column <= old)
            segments.append(_vlq_encode(new - previous_new) + segment[used:])
            previous_old, previous_new = old, new
        lines[number] = ",".join(segments)
    return ";".join(lines)


def split_bundle(script: Path) -> bool:
    """Split Material's start in ``script`` and shift its source map (``script.map``).

    False, and nothing written, when it is split already (a rebuild that kept the file).
    """
    text = script.read_text(encoding="utf-8")
    if OUTER_ASYNC in text and DONE in text:
        return False
    insertions = plan(text)
    source_map = script.with_name(script.name + ".map")
    if source_map.is_file():
        data = json.loads(source_map.read_text(encoding="utf-8"))
        data["mappings"] = shift_mappings(data["mappings"], insertions)
        source_map.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    script.write_text(apply(text, insertions), encoding="utf-8")
    return True


def on_post_build(config: Any, **_: Any) -> None:
    """Split every Material bundle the build wrote (there is one)."""
    for script in Path(config["site_dir"]).glob(BUNDLES):
        split_bundle(script)
