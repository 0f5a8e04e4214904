"""Material's bundle carries the file-based compile hint (macros/compile_hints.py; issue 10), and
its source map still points at Material's sources."""

from __future__ import annotations

import json
from pathlib import Path

import material
import pytest

from conftest import Engine
from macros.bundle_yields import apply, plan
from macros.compile_hints import BUNDLES, HINT, add_hint
from macros.table_wrappers import skip_insertions

SHIPPED = Path(material.__file__).parent / "templates"


def write_bundle(folder: Path, text: str, mappings: str | None) -> Path:
    script = folder / "bundle.0.min.js"
    script.write_text(text, encoding="utf-8")
    if mappings is not None:
        (folder / "bundle.0.min.js.map").write_text(json.dumps({"version": 3, "mappings": mappings}), encoding="utf-8")
    return script


def test_hint_is_the_first_line_and_the_map_moves_down_one_line(tmp_path: Path) -> None:
    script = write_bundle(tmp_path, '"use strict";f();\ng();', "AAAA;AACA")
    assert add_hint(script)
    assert script.read_text(encoding="utf-8") == HINT + '"use strict";f();\ng();'
    assert json.loads(script.with_name("bundle.0.min.js.map").read_text(encoding="utf-8"))["mappings"] == ";AAAA;AACA"


def test_a_hinted_bundle_is_left_alone(tmp_path: Path) -> None:
    """A rebuild that kept the hinted file (``mkdocs serve``) must not hint it, or shift its map, twice."""
    script = write_bundle(tmp_path, HINT + "f();", ";AAAA")
    assert not add_hint(script)
    assert script.read_text(encoding="utf-8") == HINT + "f();"
    assert json.loads(script.with_name("bundle.0.min.js.map").read_text(encoding="utf-8"))["mappings"] == ";AAAA"


def test_a_bundle_without_a_map_is_hinted(tmp_path: Path) -> None:
    script = write_bundle(tmp_path, "f();", None)
    assert add_hint(script)
    assert script.read_text(encoding="utf-8") == HINT + "f();"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bundle.0.min.js"]


def test_the_built_bundle_is_materials_with_the_hint(site_dir: Path, engine: Engine) -> None:
    """The hint, then Material's bundle with its start and mount split (tests/test_bundle_yields.py checks the
    split) and its tables left in the build's wrapper (tests/test_table_wrappers.py)."""
    if not engine.runs_hooks:
        pytest.skip(f"{engine.name} runs no MkDocs hooks: its bundle is served as shipped")
    built = sorted(site_dir.glob(BUNDLES))
    assert len(built) == 1, built
    bundle = built[0]
    shipped = (SHIPPED / bundle.relative_to(site_dir)).read_text(encoding="utf-8")
    hinted = HINT + shipped
    assert bundle.read_text(encoding="utf-8") == apply(hinted, plan(hinted) + skip_insertions(hinted))
    shipped_map = json.loads((SHIPPED / f"{bundle.relative_to(site_dir)}.map").read_text(encoding="utf-8"))
    built_map = json.loads(bundle.with_name(bundle.name + ".map").read_text(encoding="utf-8"))
    assert built_map["mappings"].startswith(";")
    assert {**built_map, "mappings": ""} == {**shipped_map, "mappings": ""}
