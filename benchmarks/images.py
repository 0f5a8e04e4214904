"""Images: every SVG in img/ is small, already optimised (SVGO saves little) and clean.

"Clean": well-formed XML, no comments, no <metadata>, and no namespace but SVG's and XLink's
(editors such as Inkscape, Sodipodi, Illustrator, Sketch or Serif leave theirs behind).
"""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from devtools.weights import gzip_size

ALLOWED_NAMESPACES = {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}


@dataclass(frozen=True)
class SvgCheck:
    name: str
    raw: int
    gzipped: int
    optimised_raw: int | None  # after SVGO's default preset; None when SVGO could not run
    optimised_gzipped: int | None
    problems: tuple[str, ...]

    @property
    def saving(self) -> float | None:
        """Fraction of the raw bytes the optimiser would save (negative: it would grow the file)."""
        return None if self.optimised_raw is None else 1 - self.optimised_raw / self.raw

    @property
    def gzip_saving(self) -> float | None:
        return None if self.optimised_gzipped is None else 1 - self.optimised_gzipped / self.gzipped


def hygiene_problems(svg: bytes) -> list[str]:
    """What an editor or exporter left in the SVG (empty: clean)."""
    problems: list[str] = []
    text = svg.decode("utf-8", errors="replace")
    if "<!--" in text:
        problems.append("contains a comment")
    if re.search(r"<(\w+:)?metadata\b", text):
        problems.append("contains <metadata>")
    try:
        for _event, (prefix, uri) in ET.iterparse(io.BytesIO(svg), events=("start-ns",)):
            if uri not in ALLOWED_NAMESPACES:
                problems.append(f"declares namespace {prefix or '(default)'}={uri}")
    except ET.ParseError as exc:
        problems.append(f"is not well-formed XML: {exc}")
    return problems


def svgo_optimise(svgo: Path, source: Path, out_dir: Path) -> bytes:
    """The file as SVGO's default preset writes it."""
    target = out_dir / source.name
    subprocess.run(
        [str(svgo), "--quiet", "-i", str(source), "-o", str(target)],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return target.read_bytes()


def check(img_dir: Path, svgo: Path | None, out_dir: Path | None = None) -> list[SvgCheck]:
    """Check every SVG in ``img_dir``; SVGO output goes to ``out_dir`` (a temp dir if None)."""
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-svgo-") as tmp:
        target_dir = out_dir or Path(tmp)
        target_dir.mkdir(parents=True, exist_ok=True)
        for path in sorted(img_dir.glob("*.svg")):
            data = path.read_bytes()
            optimised = svgo_optimise(svgo, path, target_dir) if svgo else None
            results.append(
                SvgCheck(
                    name=path.name,
                    raw=len(data),
                    gzipped=gzip_size(data),
                    optimised_raw=None if optimised is None else len(optimised),
                    optimised_gzipped=None if optimised is None else gzip_size(optimised),
                    problems=tuple(hygiene_problems(data)),
                )
            )
    return results
