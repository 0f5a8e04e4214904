"""Every budget in one place, shared by the benchmark and ``tests/test_budgets.py``.

Sizes are bytes; 1 KB = 1024 bytes. "Gzipped" means gzip level 6, as a web server would send it.
"""
from __future__ import annotations

from dataclasses import dataclass

KB = 1024

# Build: `mkdocs build` of this site over the one-page default Material site (median over median).
BUILD_RATIO_MAX = 2.5

# The guides' own docs/assets/guides.js + guides.css, gzipped, added up: strictly below this.
GUIDES_ASSETS_MAX_GZIP = 6 * KB
# "No framework": the guides' script stays small and self-contained.
GUIDES_MAX_LINES = 400

# What the guides add to a page that holds them: its HTML gzipped minus the same HTML without its
# `.decision-guide` elements, plus the guides' JS and CSS gzipped. At most this.
GUIDE_PAGE_ADDED_MAX_GZIP = 10 * KB

# Images: each SVG in img/ at most this many bytes, and an optimiser saves less than this fraction.
SVG_MAX_BYTES = 30 * KB
SVG_MAX_SAVING = 0.10

# Lighthouse (default mobile preset): the lowest score that passes, per category.
LIGHTHOUSE_MIN_SCORES: dict[str, float] = {
    "performance": 0.95,
    "accessibility": 1.0,
    "best-practices": 1.0,
    "seo": 1.0,
}


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
