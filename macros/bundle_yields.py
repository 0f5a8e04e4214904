"""MkDocs hook (``hooks:`` in mkdocs.yml): Material's start and mount, in short tasks instead of long ones.

**The start.** Material's bundle defines its functions (about 5 ms) and then starts the
application: twenty-odd top-level statements that set up instant navigation, the search worker,
the header and the other components. On this project's machine that start was one task of 40-60 ms
after the first paint, and a phone running Lighthouse's simulation counts four times that: a tap
during it waits (README, "Where the time goes", cause 11). No single statement is long; their sum
is. So the build makes the bundle's outer function ``async`` and lets the browser in between the
application's top-level statements (``scheduler.yield()`` where the browser has it, else a zero
timeout). The statements are Material's, unchanged and in the same order, in the same scope; only
the task they run in changes. When the last one has run, the bundle says so with a
``material-evaluated`` event on the document: its script's ``load`` event now comes after the
first statement only, and the loader in ``overrides/main.html`` waits for the event before it
mounts Material's components.

**The mount.** Material mounts its components when the loader hands it the document: one call
that subscribed to every component at once, in one task of 40-80 ms on a long page (cause 12).
Material builds that set with two ``merge`` calls, one over the page's components (the header,
the sidebars, the table of contents, the content ...) and one over the content's parts (each
code block, link, table, details and content tab set). The build wraps the function that mounts
each argument's elements in ``__mdLater``, a helper it puts before Material's first statement:
each element's component is then mounted by a job of a queue that yields to the browser before
each job, in Material's order. A component that is unsubscribed before its turn (an instant
navigation) is skipped. When the queue is empty, the bundle fires ``material-mounted``, and the
loader marks the mount then. An error in a mount goes to the merge, as when Material mounted it
at once.

The source map still points at Material's sources: each insertion moves the columns after it.

The application part is found by Material's first statement (the ``no-js`` class swap) and ends
with the bundle's outer function; each of the two merges by a string that only it holds. The code
is read by a small scanner that knows strings and brackets; anything it cannot read for certain (a
regular expression, a division, a template literal, a comment) stops the build with a message that
says what to update here, rather than a guess. Zensical runs no hooks: its build serves the bundle
as Material ships it, and the loader takes that bundle's ``load`` event as the end of its start
and the return of its mount call as the mount.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import accumulate
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
MOUNTED = "material-mounted"
LATER = "__mdLater"
# Each merge whose elements mount later, by a string that only one of its arguments holds.
MERGES = ('"announce"', '"pre:not(.mermaid) > code"')
# The queue of mounts. `mount` is Material's function for one element; the helper returns a
# function with the same arguments that gives an rxjs interop observable (rxjs asks it for
# `Symbol.observable`, or "@@observable" where that symbol is unknown): subscribing queues the
# mount, and the job subscribes Material's observable with the same subscriber, or gives that
# subscriber the error that the mount threw.
HELPER = (
    f"const {LATER}=(()=>{{"
    'const key=typeof Symbol=="function"&&Symbol.observable||"@@observable",queue=[];let draining=!1;'
    "const drain=async()=>{draining=!0;while(queue.length){"
    + YIELD
    + "queue.shift()()}draining=!1;"
    + f'document.dispatchEvent(new Event("{MOUNTED}"))}};'
    "return mount=>(...args)=>({[key](){return{subscribe(subscriber){let inner,closed=!1;"
    "queue.push(()=>{if(!closed)try{inner=mount(...args).subscribe(subscriber)}catch(error){subscriber.error(error)}});"
    "draining||drain();return{unsubscribe(){closed=!0;inner&&inner.unsubscribe()}}}}}})})();"
)
_BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


class BundleShapeError(ValueError):
    """Material's bundle is not shaped as this hook expects: the hook needs updating."""

    def __init__(self, problem: str, hook: str = "macros/bundle_yields.py") -> None:
        super().__init__(f"{problem} ({hook} needs updating for this version of Material)")


@dataclass(frozen=True)
class Insertion:
    """Text to insert before ``column`` of ``line`` (both from 0) of the bundle."""

    line: int
    column: int
    text: str


def _structure(code: str, where: str) -> Iterator[tuple[int, str, int]]:
    """Offset, character and depth (before it) of each bracket, ``;`` and ``,`` of ``code`` outside strings.

    Raises BundleShapeError for what the scanner cannot read for certain (``where`` names the part
    of Material it reads), and for a closing bracket without its opening one.
    """
    depth, index = 0, 0
    while index < len(code):
        char = code[index]
        if char in "\"'":
            index += 1
            while index < len(code) and code[index] != char:
                index += 2 if code[index] == "\\" else 1
            if index >= len(code):
                raise BundleShapeError(f"an unterminated string in {where}: {code[-60:]!r}")
        elif char in "/`":
            raise BundleShapeError(
                f"a {'template literal' if char == '`' else 'slash (a regex, a division or a comment)'} "
                f"in {where}, which the scanner cannot read for certain: "
                f"{code[max(0, index - 40) : index + 40]!r}"
            )
        elif char in "([{;,":
            yield index, char, depth
            depth += char in "([{"
        elif char in ")]}":
            depth -= 1
            if depth < 0:
                raise BundleShapeError(f"unbalanced brackets in {where}: {code[max(0, index - 40) : index + 1]!r}")
            yield index, char, depth
        index += 1


def statement_ends(code: str) -> list[int]:
    """Offsets just after each top-level ``;`` of ``code``: where one statement ends and the next begins.

    Raises BundleShapeError for what the scanner cannot read for certain, and for unbalanced
    brackets or a last statement without its ``;``.
    """
    ends, depth = [], 0
    for index, char, depth in _structure(code, "Material's start"):
        if char == ";" and depth == 0:
            ends.append(index + 1)
    if depth or not ends or ends[-1] != len(code):
        raise BundleShapeError(f"Material's start does not end with a complete statement: {code[-60:]!r}")
    return ends


def _escaped(text: str, index: int) -> bool:
    """Whether the character at ``index`` follows an odd number of backslashes."""
    backslashes = 0
    while index - backslashes > 0 and text[index - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def _enclosing_call(text: str, offset: int) -> int:
    """The offset of the ``(`` of the innermost call around ``offset``, read backwards.

    Raises BundleShapeError where reading backwards is not certain (a slash, a template
    literal), or when there is no such call.
    """
    depth, index = 0, offset - 1
    while index >= 0:
        char = text[index]
        if char in "\"'":
            index = text.rindex(char, 0, index)
            while _escaped(text, index):
                index = text.rindex(char, 0, index)
        elif char in "/`":
            raise BundleShapeError(f"a slash or a template literal in Material's mount: {text[index : offset + 20]!r}")
        elif char in ")]}":
            depth += 1
        elif char in "([{":
            if depth == 0 and char == "(":
                return index
            depth -= 1
        index -= 1
    raise BundleShapeError(f"no call around {text[offset : offset + 40]!r}")


def _mount_insertions(text: str, anchor: str) -> list[Insertion]:
    """The insertions that make each argument of the merge around ``anchor`` mount later.

    The merge is the first call around ``anchor`` whose arguments are spreads. Each argument must
    be ``...elements.map(mount)``, and ``mount`` becomes ``__mdLater(mount)``.
    """
    if text.count(anchor) != 1:
        raise BundleShapeError(f"Material's bundle does not hold {anchor} exactly once")
    opening = text.index(anchor)
    for _ in range(3):
        opening = _enclosing_call(text, opening)
        if text.startswith("...", opening + 1):
            break
    else:
        raise BundleShapeError(f"no merge of spread arguments around {anchor} in Material's bundle")
    insertions: list[Insertion] = []
    argument, last_open, closed = opening + 1, -1, (-1, -1)  # closed: (its "(", its ")") at depth 1
    for index, char, depth in _structure(text[opening:], "Material's mount"):
        index += opening
        if char == "(" and depth == 1:
            last_open = index
        elif char == ")" and depth == 1:
            closed = (last_open, index)
        elif char == "," and depth == 1 or char == ")" and depth == 0:
            mapped = closed[1] == index - 1 and text.endswith(".map", 0, closed[0])
            if not text.startswith("...", argument) or not mapped:
                problem = f"an argument of Material's merge is not ...elements.map(mount): {text[argument:index]!r}"
                raise BundleShapeError(problem)
            insertions += [
                Insertion(*position(text, closed[0] + 1), f"{LATER}("),
                Insertion(*position(text, closed[1]), ")"),
            ]
            if char == ")":
                return insertions
            argument = index + 1
    raise BundleShapeError(f"Material's merge around {anchor} does not close")


def position(text: str, offset: int) -> tuple[int, int]:
    """The line and column (both from 0) of ``offset`` in ``text``."""
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
    insertions = [Insertion(*position(text, text.index(OUTER) + OUTER.index("(") + 1), "async")]
    insertions += [Insertion(*position(text, start + offset), YIELD) for offset in ends[:-1]]
    insertions.append(Insertion(*position(text, end), DONE))
    insertions.append(Insertion(*position(text, start), HELPER))
    for anchor in MERGES:
        insertions += _mount_insertions(text, anchor)
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
        columns, moved = [column for column, _ in moves], [0, *accumulate(length for _, length in moves)]
        segments, previous_old, previous_new = [], 0, 0
        for segment in filter(None, lines[number].split(",")):
            delta, used = _vlq_decode_first(segment)
            old = previous_old + delta
            new = old + moved[bisect_right(columns, old)]  # what was inserted at or before its column
            segments.append(_vlq_encode(new - previous_new) + segment[used:])
            previous_old, previous_new = old, new
        lines[number] = ",".join(segments)
    return ";".join(lines)


def edit_bundle(script: Path, insertions_for: Callable[[str], list[Insertion]], done: Callable[[str], bool]) -> bool:
    """Make the insertions that ``insertions_for`` plans in ``script``, and shift its source map (``script.map``).

    False, and nothing written, when ``done`` says the script has them already (a rebuild that
    kept the file). Nothing is written either when the plan fails: it raises before any write.
    """
    text = script.read_text(encoding="utf-8")
    if done(text):
        return False
    insertions = insertions_for(text)
    source_map = script.with_name(script.name + ".map")
    if source_map.is_file():
        data = json.loads(source_map.read_text(encoding="utf-8"))
        data["mappings"] = shift_mappings(data["mappings"], insertions)
        source_map.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    script.write_text(apply(text, insertions), encoding="utf-8")
    return True


def split_bundle(script: Path) -> bool:
    """Split Material's start and mount in ``script`` and shift its source map (``script.map``).

    False, and nothing written, when it is split already (a rebuild that kept the file).
    """
    return edit_bundle(script, plan, lambda text: OUTER_ASYNC in text and DONE in text)


def on_post_build(config: Any, **_: Any) -> None:
    """Split every Material bundle the build wrote (there is one)."""
    for script in Path(config["site_dir"]).glob(BUNDLES):
        split_bundle(script)
