"""Lighthouse 12.2.3 (pinned in benchmarks/package.json) on every page, one page at a time.

Default mobile preset, Debian's Chromium (CHROME_PATH), JSON output kept in benchmarks/out/lighthouse/.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .common import BENCH_DIR

LIGHTHOUSE_VERSION = "12.2.3"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
DEFAULT_CHROME = "/usr/bin/chromium"
PAGE_TIMEOUT = 420.0
# Audits that never count for a score.
_UNSCORED = {"notApplicable", "manual", "informative", "error"}
# Diagnostics about the local http.server rather than the site (a real host sets cache headers).
_SERVER_ONLY = {"uses-long-cache-ttl"}


@dataclass(frozen=True)
class FailingAudit:
    category: str
    id: str
    title: str
    score: float | None
    display: str = ""


@dataclass(frozen=True)
class PageScores:
    label: str  # e.g. "plan/" or "baseline: /"
    url: str
    scores: dict[str, float | None]  # category -> 0..1, None when Lighthouse gave none
    report: str  # path of the JSON report
    error: str = ""
    failing: tuple[FailingAudit, ...] = field(default=())
    tbt_ms: float | None = None  # total blocking time, as Lighthouse simulated it
    cls: float | None = None  # cumulative layout shift


def node_tools() -> tuple[str, str] | None:
    """(node, npm) when both are on PATH."""
    node, npm = shutil.which("node"), shutil.which("npm")
    return (node, npm) if node and npm else None


def _installed_version(package: str) -> str | None:
    manifest = BENCH_DIR / "node_modules" / package / "package.json"
    try:
        return str(json.loads(manifest.read_text(encoding="utf-8"))["version"])
    except (OSError, ValueError, KeyError):
        return None


def ensure_installed(npm: str) -> None:
    """``npm ci`` in benchmarks/ unless the locked Lighthouse and SVGO are already there."""
    lock = json.loads((BENCH_DIR / "package-lock.json").read_text(encoding="utf-8"))
    wanted = {
        "lighthouse": lock["packages"]["node_modules/lighthouse"]["version"],
        "svgo": lock["packages"]["node_modules/svgo"]["version"],
    }
    if all(_installed_version(name) == version for name, version in wanted.items()):
        return
    subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=BENCH_DIR, check=True, timeout=900)


def bin_path(name: str) -> Path:
    return BENCH_DIR / "node_modules" / ".bin" / name


def failing_audits(report: dict[str, Any], minimums: dict[str, float]) -> list[FailingAudit]:
    """For each category under its minimum: the audits that cost it points."""
    found: list[FailingAudit] = []
    audits = report.get("audits", {})
    for name, category in report.get("categories", {}).items():
        score = category.get("score")
        if name not in minimums or (score is not None and score >= minimums[name]):
            continue
        for ref in category.get("auditRefs", []):
            audit = audits.get(ref["id"], {})
            value = audit.get("score")
            if audit.get("scoreDisplayMode") in _UNSCORED or value is None or ref["id"] in _SERVER_ONLY:
                continue
            weighted = ref.get("weight", 0) > 0
            # Weighted audits below 1 cost points; for performance also list the diagnostics that fail.
            if (weighted and value < 1) or (name == "performance" and not weighted and value < 0.9):
                found.append(
                    FailingAudit(name, ref["id"], audit.get("title", ""), value, audit.get("displayValue", ""))
                )
    return found


def run_page(url: str, label: str, report_path: Path, minimums: dict[str, float]) -> PageScores:
    """Run Lighthouse once on ``url`` and read its scores."""
    report_path.parent.mkdir(parents=True, exist_ok=True)
    report_path.unlink(missing_ok=True)
    cmd = [
        str(bin_path("lighthouse")),
        url,
        "--output=json",
        f"--output-path={report_path}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--quiet",
    ]
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", DEFAULT_CHROME))
    empty: dict[str, float | None] = {c: None for c in CATEGORIES}
    try:
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=PAGE_TIMEOUT)
    except subprocess.TimeoutExpired:
        return PageScores(label, url, empty, str(report_path), error=f"timed out after {PAGE_TIMEOUT:.0f} s")
    if proc.returncode != 0 or not report_path.is_file():
        return PageScores(
            label,
            url,
            empty,
            str(report_path),
            error=f"lighthouse exited {proc.returncode}: {(proc.stderr or proc.stdout).strip()[-800:]}",
        )
    report = json.loads(report_path.read_text(encoding="utf-8"))
    scores = {c: report.get("categories", {}).get(c, {}).get("score") for c in CATEGORIES}
    error = (report.get("runtimeError") or {}).get("message", "")
    tbt = report.get("audits", {}).get("total-blocking-time", {}).get("numericValue")
    cls = report.get("audits", {}).get("cumulative-layout-shift", {}).get("numericValue")
    return PageScores(
        label,
        url,
        scores,
        str(report_path),
        error=error,
        failing=tuple(failing_audits(report, minimums)),
        tbt_ms=None if tbt is None else float(tbt),
        cls=None if cls is None else float(cls),
    )


def median_run(runs: list[PageScores]) -> PageScores:
    """The run with the median performance score (the lower middle one of an even count; a run
    without a score counts as the lowest)."""
    ordered = sorted(runs, key=lambda r: -1.0 if r.scores["performance"] is None else r.scores["performance"])
    return ordered[(len(ordered) - 1) // 2]
