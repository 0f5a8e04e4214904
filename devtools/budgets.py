"""Every budget in one place, and how a page is judged against it: shared by the benchmark and
``tests/test_budgets.py``.

Sizes are bytes; 1 KB = 1024 bytes. "Gzipped" means gzip level 6, as a web server would send it.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

KB = 1024

# Build: `mkdocs build` of this site over the one-page default Material site (median over median).
BUILD_RATIO_MAX = 2.5

# The guides' own docs/assets/guides.js + guides.css, gzipped, added up: strictly below this. 6 KB
# until issues 20 and 22 (sources under each answer, the plan as JSON): benchmarks/DECISIONS-0002.md.
GUIDES_ASSETS_MAX_GZIP = 7 * KB
# "No framework": the guides' script stays small and self-contained.
GUIDES_MAX_LINES = 400

# What the guides add to a page that holds them: its HTML gzipped minus the same HTML without its
# `.decision-guide` elements, plus the guides' JS and CSS gzipped. At most this. 10 KB until issue 20,
# whose sources and bot and JWT plans took the planner to 14.4 KB (benchmarks/DECISIONS-0002.md).
GUIDE_PAGE_ADDED_MAX_GZIP = 16 * KB

# Images: each SVG in img/ at most this many bytes, and an optimiser saves less than this fraction.
SVG_MAX_BYTES = 30 * KB
SVG_MAX_SAVING = 0.10

# Lighthouse (default mobile preset): the lowest score that passes, per category. Performance has
# no absolute minimum: it depends on the machine's speed, so it is judged against the one-page
# default Material site measured in the same run (below).
LIGHTHOUSE_MIN_SCORES: dict[str, float] = {
    "accessibility": 1.0,
    "best-practices": 1.0,
    "seo": 1.0,
}

# Performance, side by side with the baseline in the same run (medians of the runs of each):
# a page may score at most this much under the baseline ...
PERF_MAX_SHORTFALL = 0.03
# ... its total blocking time may be at most this (Lighthouse counts under 200 ms as good) ...
TBT_MAX_MS = 200.0
# ... and its layout may move at most this much (cumulative layout shift).
CLS_MAX = 0.02
# The baseline is measured again before every this many pages, in every round of runs, so a page
# and the baseline it is compared with see the same load on the machine.
BASELINE_EVERY = 4


def performance_shortfalls(
    score: float | None, tbt_ms: float | None, cls: float | None, baseline_score: float | None
) -> list[str]:
    """Why a page's performance misses the budget; empty when it passes.

    Absolute scores differ between machines (a shared 2-core box scores every page lower), so the
    score is judged against the one-page default Material site measured in the same run; the total
    blocking time and the layout shift against fixed limits. A figure that is missing fails: an
    unmeasured page is not a fast page.
    """
    if score is None or tbt_ms is None or cls is None or baseline_score is None:
        return ["not measured (page or baseline has no performance score, total blocking time or layout shift)"]
    problems = []
    if score < baseline_score - PERF_MAX_SHORTFALL - 1e-9:
        problems.append(f"performance {score:.2f} < baseline {baseline_score:.2f} - {PERF_MAX_SHORTFALL:.2f}")
    if tbt_ms > TBT_MAX_MS:
        problems.append(f"total blocking time {tbt_ms:.0f} ms > {TBT_MAX_MS:.0f} ms")
    if cls > CLS_MAX:
        problems.append(f"cumulative layout shift {cls:.3f} > {CLS_MAX}")
    return problems


@dataclass(frozen=True)
class BudgetResult:
    """One line of the budget summary. ``passed`` is None when the figure could not be measured."""

    name: str
    figure: str
    limit: str
    passed: bool | None
    note: str = ""

    @property
    def verdict(self) -> str:
        return {True: "PASS", False: "FAIL", None: "SKIP"}[self.passed]


def median_of(values: Sequence[float | None]) -> float | None:
    """The median of the measured values (a run without the figure is left out); None if none."""
    known = [v for v in values if v is not None]
    return statistics.median(known) if known else None


def interleave(pages: Sequence[str], baseline: str, every: int) -> list[str]:
    """One round of runs: the baseline first and again before every ``every`` pages, so each page
    is measured close in time to a baseline run, under the same load on the machine."""
    if every < 1:
        raise ValueError(f"every must be at least 1, not {every}")
    order: list[str] = []
    for i, page in enumerate(pages):
        if i % every == 0:
            order.append(baseline)
        order.append(page)
    return order or [baseline]
