"""Build time: ``mkdocs build`` of this site against the one-page default Material site, and the
same site built by Zensical (``zensical build --clean -f zensical.yml``) beside them."""

from __future__ import annotations

import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from devtools.project import REPO_ROOT

from .common import build, build_zensical, write_baseline


@dataclass(frozen=True)
class BuildTimes:
    """Wall-clock seconds of each build (a fresh ``python -m mkdocs build`` process each time)."""

    site: tuple[float, ...]
    baseline: tuple[float, ...]
    zensical: tuple[float, ...]  # this site built by Zensical, its cache cleaned each time

    @property
    def site_median(self) -> float:
        return statistics.median(self.site)

    @property
    def baseline_median(self) -> float:
        return statistics.median(self.baseline)

    @property
    def zensical_median(self) -> float:
        return statistics.median(self.zensical)

    @property
    def ratio(self) -> float:
        return self.site_median / self.baseline_median


def _timed_build(config: Path) -> float:
    with tempfile.TemporaryDirectory(prefix="bench-build-") as out:
        start = time.perf_counter()
        build(config, Path(out) / "site")
        return time.perf_counter() - start


def _timed_zensical_build() -> float:
    with tempfile.TemporaryDirectory(prefix="bench-build-") as out:
        start = time.perf_counter()
        build_zensical(Path(out) / "site")
        return time.perf_counter() - start


def measure(runs: int, baseline_config: Path | None = None) -> BuildTimes:
    """Build the site and the baseline ``runs`` times each, alternated, each into a fresh temp dir."""
    site_times: list[float] = []
    base_times: list[float] = []
    zensical_times: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bench-baseline-") as project:
        config = baseline_config or write_baseline(Path(project))
        for _ in range(runs):
            site_times.append(_timed_build(REPO_ROOT / "mkdocs.yml"))
            base_times.append(_timed_build(config))
            zensical_times.append(_timed_zensical_build())
    return BuildTimes(tuple(site_times), tuple(base_times), tuple(zensical_times))
