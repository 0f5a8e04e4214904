"""``python -m benchmarks``: run every measure, print the report, check the budgets."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from devtools import budgets as B
from devtools import weights
from devtools.project import REPO_ROOT
from devtools.server import static_server

from . import build_time, images, lighthouse, serve_rebuild
from .common import (
    DOCS_ASSETS,
    IMG_DIR,
    OUT_DIR,
    BuildError,
    build,
    build_zensical,
    kb,
    table,
    write_baseline,
)


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="builds of each site for the build-time median (default 5)")
    parser.add_argument("--serve-runs", type=int, default=3, help="edits of each kind under `mkdocs serve` (default 3)")
    parser.add_argument(
        "--engine",
        choices=("mkdocs", "zensical"),
        default="mkdocs",
        help="the engine that builds the site that is weighed and run through Lighthouse (default mkdocs)",
    )
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument(
        "--lighthouse-runs",
        type=int,
        default=3,
        help="Lighthouse rounds over every page and the baseline; medians count (default 3)",
    )
    parser.add_argument(
        "--no-gzip",
        action="store_true",
        help="serve the site to Lighthouse uncompressed (default: gzip level 6, as a web server would)",
    )
    parser.add_argument(
        "--page",
        action="append",
        default=[],
        metavar="URL",
        help="run Lighthouse on this page only, e.g. authentication/ or / (repeatable; "
        "default: every page); for looking into a page, not for the budget",
    )
    args = parser.parse_args(argv)
    if min(args.runs, args.serve_runs, args.lighthouse_runs) < 1:
        parser.error("--runs, --serve-runs and --lighthouse-runs must be at least 1")
    return args


def _heading(title: str) -> None:
    print(f"\n== {title} ==")


def _secs(values: tuple[float, ...]) -> str:
    return ", ".join(f"{v:.2f}" for v in values)


def _build_section(runs: int, report: dict[str, Any], results: list[B.BudgetResult]) -> None:
    _heading(f"1. Build time (`mkdocs build`, median of {runs}, alternated with the one-page Material site)")
    times = build_time.measure(runs)
    print(f"this site:          {times.site_median:6.2f} s   (runs: {_secs(times.site)})")
    print(f"one-page Material:  {times.baseline_median:6.2f} s   (runs: {_secs(times.baseline)})")
    print(f"ratio:              {times.ratio:6.2f}")
    print(f"this site, Zensical:{times.zensical_median:6.2f} s   (runs: {_secs(times.zensical)}; no budget)")
    report["build"] = {
        **asdict(times),
        "site_median": times.site_median,
        "zensical_median": times.zensical_median,
        "baseline_median": times.baseline_median,
        "ratio": times.ratio,
    }
    results.append(
        B.BudgetResult(
            "build time ratio (site / one-page Material)",
            f"{times.ratio:.2f}",
            f"<= {B.BUILD_RATIO_MAX}",
            times.ratio <= B.BUILD_RATIO_MAX,
        )
    )


def _serve_section(runs: int, report: dict[str, Any]) -> None:
    _heading(f"2. `mkdocs serve` rebuilds (on a temporary copy; {runs} edits of each kind)")
    try:
        times = serve_rebuild.measure(runs)
    except (RuntimeError, TimeoutError, OSError) as exc:
        print(f"could not measure: {exc}")
        report["serve"] = {"error": str(exc)}
        return
    print(f"server up after:                     {times.startup:6.2f} s")
    print(f"docs/index.md edit -> page shows it: {times.page_median:6.2f} s median   (runs: {_secs(times.page)})")
    print(f"macros/ edit -> rebuilt:             {times.macros_median:6.2f} s median   (runs: {_secs(times.macros)})")
    logged = [f"{t:.2f}" if t is not None else "-" for t in times.macros_log]
    print(f"  (log said 'Reloading browsers' after: {', '.join(logged)} s)")
    report["serve"] = {**asdict(times), "page_median": times.page_median, "macros_median": times.macros_median}


def _weight_section(site: Path, baseline_site: Path, report: dict[str, Any], results: list[B.BudgetResult]) -> None:
    _heading("3. Page weight (gzip level 6; HTML + local CSS, JS, images and icons it references, each once)")
    pages = weights.site_weights(site)
    base = weights.page_weight(baseline_site, baseline_site / "index.html")
    rows = []
    for w in [*pages, base]:
        label = "baseline: index.html" if w is base else w.page
        rows.append(
            [
                label,
                kb(w.html_gzipped),
                kb(w.gzipped_of("css")),
                kb(w.gzipped_of("js")),
                kb(w.gzipped_of("img") + w.gzipped_of("icon")),
                kb(w.total_gzipped),
                str(w.requests),
            ]
        )
    print(table(["page", "HTML", "CSS", "JS", "images", "total", "requests"], rows))
    missing = [f"{w.page}: {url}" for w in pages for url in w.missing]
    if missing:
        print("local references with no file:\n  " + "\n  ".join(missing))

    data = weights.machine_files(site)
    print("\nfiles for programs (llms.txt, Markdown twins, guides' data; no page loads them):")
    print(table(["file", "raw", "gzipped"], [[a.path, kb(a.raw), kb(a.gzipped)] for a in data]))
    report["machine_files"] = [asdict(a) for a in data]

    own = weights.guide_assets(DOCS_ASSETS / "guides.js", DOCS_ASSETS / "guides.css")
    print(
        f"\nguides' own assets: guides.js {kb(own.js_gzipped)} ({own.js_lines} lines), "
        f"guides.css {kb(own.css_gzipped)} ({own.css_lines} lines): {kb(own.total_gzipped)} gzipped together"
    )
    served = weights.served_guide_assets(site)
    if served:
        print(
            "  as built and served: "
            + ", ".join(f"{a.path} {kb(a.gzipped)}" for a in served)
            + f" = {kb(sum(a.gzipped for a in served))} (the page budget counts these: what a reader downloads)"
        )
    problems = weights.framework_problems(
        (DOCS_ASSETS / "guides.js").read_text(encoding="utf-8"),
        (DOCS_ASSETS / "guides.css").read_text(encoding="utf-8"),
        B.GUIDES_MAX_LINES,
    )
    results.append(
        B.BudgetResult(
            "guides.js + guides.css gzipped",
            f"{own.total_gzipped} B ({kb(own.total_gzipped)})",
            f"< {kb(B.GUIDES_ASSETS_MAX_GZIP)}",
            own.total_gzipped < B.GUIDES_ASSETS_MAX_GZIP,
        )
    )
    results.append(
        B.BudgetResult(
            "guides: no framework (no import/require, lines)",
            f"{max(own.js_lines, own.css_lines)} lines, {len(problems)} problem(s)",
            f"< {B.GUIDES_MAX_LINES} lines, none",
            not problems,
            "; ".join(problems),
        )
    )

    guided = weights.guide_page_weights(site, sum(a.gzipped for a in served))
    print()
    print(
        table(
            ["page with guides", "guides", "HTML", "without guides", "guides' markup", "+ JS/CSS", "added"],
            [
                [
                    g.page,
                    str(g.guides),
                    kb(g.html_gzipped),
                    kb(g.stripped_gzipped),
                    kb(g.markup_gzipped),
                    kb(g.assets_gzipped),
                    kb(g.added_gzipped),
                ]
                for g in guided
            ],
        )
    )
    for g in guided:
        results.append(
            B.BudgetResult(
                f"guides' added weight: {g.page}",
                f"{g.added_gzipped} B ({kb(g.added_gzipped)})",
                f"<= {kb(B.GUIDE_PAGE_ADDED_MAX_GZIP)}",
                g.added_gzipped <= B.GUIDE_PAGE_ADDED_MAX_GZIP,
            )
        )
    if not guided:
        results.append(B.BudgetResult("guides' added weight", "no page holds a guide", "-", None))
    report["weight"] = {
        "pages": [{**asdict(w), "total_gzipped": w.total_gzipped, "requests": w.requests} for w in pages],
        "baseline": {**asdict(base), "total_gzipped": base.total_gzipped, "requests": base.requests},
        "guide_assets": {**asdict(own), "total_gzipped": own.total_gzipped, "problems": problems},
        "guide_pages": [
            {**asdict(g), "markup_gzipped": g.markup_gzipped, "added_gzipped": g.added_gzipped} for g in guided
        ],
    }


def _page_url(site: Path, page: Path) -> str:
    rel = page.relative_to(site).as_posix()
    return rel.removesuffix("index.html") if rel.endswith("index.html") else rel


BASELINE_LABEL = "baseline: /"


def _lighthouse_runs(
    site: Path, baseline_site: Path, gzip_text: bool, runs: int, out: Path, only: list[str]
) -> dict[str, list[lighthouse.PageScores]]:
    """Every page (or those in ``only``) ``runs`` times, in rounds, with the baseline run again
    before every few pages (budgets.BASELINE_EVERY); the runs of each page and of the baseline."""
    every = {_page_url(site, p) or "/": p for p in weights.page_files(site)}
    unknown = sorted(set(only) - set(every))
    if unknown:
        raise SystemExit(f"--page {', '.join(unknown)}: no such page; the pages are: {', '.join(every)}")
    pages = [p for label, p in every.items() if not only or label in only]
    with static_server(site, gzip_text) as url, static_server(baseline_site, gzip_text) as base_url:
        jobs = {_page_url(site, p) or "/": (url + _page_url(site, p), p.relative_to(site)) for p in pages}
        jobs[BASELINE_LABEL] = (base_url, Path("baseline.html"))
        order = B.interleave(list(jobs)[:-1], BASELINE_LABEL, B.BASELINE_EVERY)
        tries: dict[str, list[lighthouse.PageScores]] = {label: [] for label in jobs}
        for round_no in range(1, runs + 1):
            print(f"  round {round_no}/{runs}:", flush=True)
            for label in order:
                page_url, rel = jobs[label]
                name = rel.as_posix().replace("/", "__").removesuffix(".html")
                result = lighthouse.run_page(
                    page_url, label, out / f"{name}.{len(tries[label]) + 1}.json", B.LIGHTHOUSE_MIN_SCORES
                )
                tries[label].append(result)
                perf = _fmt(result.scores["performance"])
                figures = f"performance {perf}, TBT {_ms(result.tbt_ms)}, CLS {_cls(result.cls)}"
                print(f"    {label}: {result.error or figures}", flush=True)
    return tries


def _fmt(score: float | None) -> str:
    return "-" if score is None else f"{score:.2f}"


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f} ms"


def _cls(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _lighthouse_section(
    site: Path,
    baseline_site: Path,
    gzip_text: bool,
    runs: int,
    only: list[str],
    report: dict[str, Any],
    results: list[B.BudgetResult],
) -> None:
    _heading(
        f"4. Lighthouse {lighthouse.LIGHTHOUSE_VERSION} (mobile preset, "
        f"{'gzip' if gzip_text else 'uncompressed'} http.server, one page at a time, {runs} round(s), "
        f"the baseline again before every {B.BASELINE_EVERY} pages; medians)"
    )
    tools = lighthouse.node_tools()
    if tools is None:
        print("skipped: node and npm are not both on PATH")
        results.append(B.BudgetResult("Lighthouse", "not run", "-", None, "no node/npm"))
        return
    lighthouse.ensure_installed(tools[1])
    out = OUT_DIR / "lighthouse"
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    tries = _lighthouse_runs(site, baseline_site, gzip_text, runs, out, only)
    print(f"  ({time.perf_counter() - started:.0f} s)")

    def medians(label: str) -> tuple[float | None, float | None, float | None]:
        return (
            B.median_of([t.scores["performance"] for t in tries[label]]),
            B.median_of([t.tbt_ms for t in tries[label]]),
            B.median_of([t.cls for t in tries[label]]),
        )

    base_perf, base_tbt, _ = medians(BASELINE_LABEL)
    rows, pages_report = [], []
    for label, runs_of_page in tries.items():
        perf, tbt, cls = medians(label)
        shown = lighthouse.median_run(runs_of_page)
        others = [_fmt(shown.scores[c]) for c in lighthouse.CATEGORIES if c != "performance"]
        if label == BASELINE_LABEL:
            rows.append([label, _fmt(base_perf), _fmt(perf), "", _ms(tbt), _ms(base_tbt), _cls(cls), *others, ""])
            continue
        short = B.performance_shortfalls(perf, tbt, cls, base_perf)
        diff = "-" if perf is None or base_perf is None else f"{perf - base_perf:+.2f}"
        rows.append(
            [
                label,
                _fmt(base_perf),
                _fmt(perf),
                diff,
                _ms(tbt),
                _ms(base_tbt),
                _cls(cls),
                *others,
                "FAIL" if short else "ok",
            ]
        )
        results.append(
            B.BudgetResult(
                f"Lighthouse performance vs baseline: {label}",
                f"{_fmt(perf)} ({diff}), TBT {_ms(tbt)}, CLS {_cls(cls)}",
                f">= base - {B.PERF_MAX_SHORTFALL:.2f}, TBT <= {B.TBT_MAX_MS:.0f} ms, CLS <= {B.CLS_MAX}",
                not short,
                "; ".join(short),
            )
        )
        pages_report.append(
            {
                "page": label,
                "performance": perf,
                "baseline": base_perf,
                "tbt_ms": tbt,
                "baseline_tbt_ms": base_tbt,
                "cls": cls,
                "shortfalls": short,
            }
        )
    print(
        table(
            [
                "page",
                "baseline",
                "score",
                "difference",
                "TBT",
                "baseline TBT",
                "CLS",
                *(c for c in lighthouse.CATEGORIES if c != "performance"),
                "budget",
            ],
            rows,
        )
    )
    print(
        f"  (medians; budget: score >= baseline - {B.PERF_MAX_SHORTFALL:.2f}, TBT <= {B.TBT_MAX_MS:.0f} ms, "
        f"CLS <= {B.CLS_MAX}; the other columns are from the page's median run)"
    )

    site_scores = [lighthouse.median_run(t) for label, t in tries.items() if label != BASELINE_LABEL]
    for s in site_scores:
        if s.failing or s.error:
            print(f"\n  {s.label}: {s.error}" if s.error else f"\n  {s.label}: audits that cost points")
            for a in s.failing:
                print(
                    f"    [{a.category}] {a.id} ({a.title}): score {_fmt(a.score)}"
                    + (f", {a.display}" if a.display else "")
                )
    for category, minimum in B.LIGHTHOUSE_MIN_SCORES.items():
        values = [(s.scores[category], s.label) for s in site_scores]
        known = [(v, label) for v, label in values if v is not None]
        misses = [label for v, label in values if v is None or v < minimum]
        worst = min(known) if known else None
        figure = "no score" if worst is None else f"min {worst[0]:.2f} ({worst[1]})"
        results.append(
            B.BudgetResult(
                f"Lighthouse {category}, every page",
                figure,
                f">= {minimum:.2f}",
                not misses and bool(values),
                ("below: " + ", ".join(misses)) if misses else "",
            )
        )
    report["lighthouse"] = {
        "version": lighthouse.LIGHTHOUSE_VERSION,
        "gzip": gzip_text,
        "performance": pages_report,
        "runs": {label: [asdict(t) for t in runs_of_page] for label, runs_of_page in tries.items()},
    }


def _images_section(report: dict[str, Any], results: list[B.BudgetResult]) -> None:
    _heading("5. Images (SVGs in img/; optimiser: SVGO 4 default preset, output kept in benchmarks/out/svgo/)")
    svgo: Path | None = None
    if (tools := lighthouse.node_tools()) is not None:
        lighthouse.ensure_installed(tools[1])
        svgo = lighthouse.bin_path("svgo")
    else:
        print("SVGO not run: node and npm are not both on PATH")
    checks = images.check(IMG_DIR, svgo, OUT_DIR / "svgo")

    def pct(value: float | None) -> str:
        return "-" if value is None else f"{value * 100:.1f}%"

    print(
        table(
            ["file", "bytes", "gzipped", "SVGO bytes", "saving", "gzip saving", "clean"],
            [
                [
                    c.name,
                    str(c.raw),
                    str(c.gzipped),
                    str(c.optimised_raw or "-"),
                    pct(c.saving),
                    pct(c.gzip_saving),
                    "yes" if not c.problems else "; ".join(c.problems),
                ]
                for c in checks
            ],
        )
    )
    if checks:
        biggest = max(checks, key=lambda c: c.raw)
        results.append(
            B.BudgetResult(
                "SVG size, each file",
                f"max {biggest.raw} B ({biggest.name})",
                f"<= {kb(B.SVG_MAX_BYTES)}",
                biggest.raw <= B.SVG_MAX_BYTES,
            )
        )
        savings = [(c.saving, c.name) for c in checks if c.saving is not None]
        if savings:
            worst = max(savings)
            results.append(
                B.BudgetResult(
                    "SVG optimiser saving, each file",
                    f"max {worst[0] * 100:.1f}% ({worst[1]})",
                    f"< {B.SVG_MAX_SAVING * 100:.0f}%",
                    worst[0] < B.SVG_MAX_SAVING,
                )
            )
        else:
            results.append(B.BudgetResult("SVG optimiser saving, each file", "not measured", "-", None, "no SVGO"))
        dirty = [f"{c.name}: {'; '.join(c.problems)}" for c in checks if c.problems]
        results.append(
            B.BudgetResult(
                "SVG clean (no comments/metadata/editor namespaces)",
                f"{len(dirty)} with problems",
                "0",
                not dirty,
                " | ".join(dirty),
            )
        )
    else:
        results.append(B.BudgetResult("SVGs in img/", "none found", "-", None))
    report["images"] = [{**asdict(c), "saving": c.saving, "gzip_saving": c.gzip_saving} for c in checks]


def _summary(results: list[B.BudgetResult]) -> bool:
    _heading("Budget summary")
    print(
        table(
            ["budget", "figure", "limit", "result"],
            [[r.name, r.figure, r.limit, r.verdict] for r in results],
            right=set(),
        )
    )
    for r in results:
        if r.note and r.passed is not True:
            print(f"  {r.verdict} {r.name}: {r.note}")
    return all(r.passed is not False for r in results)


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    report: dict[str, Any] = {"started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "args": vars(args)}
    results: list[B.BudgetResult] = []
    load = os.getloadavg()
    report["load_average"] = load
    print(f"Benchmark of {REPO_ROOT}, built by {args.engine} (reports in {OUT_DIR.relative_to(REPO_ROOT)}/)")
    print(
        f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores"
        + (
            "  (busy machine: timings and Lighthouse performance will be noisy)"
            if load[0] > (os.cpu_count() or 1) / 2
            else ""
        )
    )

    site, baseline_site = OUT_DIR / "site", OUT_DIR / "baseline-site"
    try:
        if args.engine == "zensical":
            build_zensical(site)
        else:
            build(REPO_ROOT / "mkdocs.yml", site)
        with tempfile.TemporaryDirectory(prefix="bench-baseline-") as project:
            build(write_baseline(Path(project)), baseline_site)
        _build_section(args.runs, report, results)
    except BuildError as exc:
        print(f"\nthe build failed, nothing to measure:\n{exc}")
        return 1
    _serve_section(args.serve_runs, report)
    _weight_section(site, baseline_site, report, results)
    if args.no_lighthouse:
        results.append(B.BudgetResult("Lighthouse", "not run", "-", None, "--no-lighthouse"))
    else:
        _lighthouse_section(site, baseline_site, not args.no_gzip, args.lighthouse_runs, args.page, report, results)
    _images_section(report, results)

    ok = _summary(results)
    report["budgets"] = [{**asdict(r), "verdict": r.verdict} for r in results]
    report["passed"] = ok
    (OUT_DIR / "report.json").write_text(json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")
    print(
        f"\n{'all budgets pass' if ok else 'some budgets FAIL'}; "
        f"report: {(OUT_DIR / 'report.json').relative_to(REPO_ROOT)}"
    )
    return 0 if ok else 1
