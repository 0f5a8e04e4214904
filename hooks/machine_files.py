"""Write the files for programs into the built site: ``llms.txt``, each page's Markdown twin
(``<page>/index.md``), each guide's data (``guides/<name>.json``) and the JSON Schemas beside it.

MkDocs runs :func:`on_post_build` (``hooks:`` in mkdocs.yml). Zensical 0.0.73 runs no MkDocs hooks,
and its macros extension only calls ``define_env``, once a page, as a Markdown preprocessor: it has
no hook after the build. So after ``zensical build -f zensical.yml`` the same step runs as
``python -m hooks.machine_files -f zensical.yml`` (README, .ci/run, the tests' build): both engines
then write the same files, from the same source and configuration. Zensical's own ``llmstxt``
(and MkDocs' mkdocs-llmstxt) convert each page's HTML back to Markdown, which would turn a guide
into its form; they are not used. What the files say is made in ``macros/``; this only writes.

MkDocs loads this file by its path, before the macros plugin has imported the project's ``macros``:
so ``macros`` is imported when the files are written, from the project's own folder (a second copy
of the project never writes the first copy's rules), and a half-typed rule cannot stop MkDocs from
loading the hook (``macros/page_errors.py`` reports it in the pages). While ``mkdocs serve`` shows a
writer's mistake in its page instead of failing, a page whose macros fail gets no files here either.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from macros.render_markdown import Twin

log = logging.getLogger("mkdocs.hooks.machine_files")

# Sections of the nav whose pages llms.txt lists as "Optional" (llmstxt.org: a program may skip them).
OPTIONAL_SECTIONS = ("For writers",)
PLANNER_AND_CHANGES = "Planner and changes"


@dataclass(frozen=True)
class Settings:
    """What the files need from the configuration, the same under either engine."""

    project_dir: Path
    docs_dir: Path
    site_name: str
    site_description: str
    site_url: str
    nav: list[Any]
    snippets: Mapping[str, Any]  # pymdownx.snippets' settings, its base paths made absolute


def settings(project_dir: Path, config: Mapping[str, Any], snippets: Mapping[str, Any]) -> Settings:
    """The settings from a configuration (MkDocs' or the YAML Zensical reads) and snippets' settings."""
    base = snippets.get("base_path", ["."])
    return Settings(
        project_dir,
        project_dir / config["docs_dir"],
        config["site_name"],
        " ".join(str(config["site_description"]).split()),
        config["site_url"],
        list(config["nav"]),
        {**snippets, "base_path": [str(project_dir / p) for p in ([base] if isinstance(base, str) else base)]},
    )


def nav_pages(nav: list[Any], section: str = "") -> Iterator[tuple[str, str, str]]:
    """Each page of the ``nav`` setting in order: (its nav section, its title, its path in docs/)."""
    for entry in nav:
        for title, target in entry.items() if isinstance(entry, dict) else [(entry, entry)]:
            if isinstance(target, list):
                yield from nav_pages(target, title)
            else:
                yield section, title, target


def machine_files(site: Settings) -> dict[str, str]:
    """Every file for programs: its path in the site and its text."""
    if str(site.project_dir) not in sys.path:
        sys.path.insert(0, str(site.project_dir))
    from macros.guide_data import guides_json, schemas
    from macros.render_markdown import llms_txt, page_twin, twin_path
    from macros.site import nav_titles

    titles = nav_titles(site.nav)
    twins: list[tuple[str, Twin]] = []
    for section, title, src in nav_pages(site.nav):
        source = (site.docs_dir / src).read_text(encoding="utf-8")
        twins.append((section, page_twin(src, source, title, titles, site.snippets)))
    files = {twin_path(twin.src): twin.text for _, twin in twins}
    where: dict[str, list[str]] = {}
    for _, twin in twins:
        for name in twin.guides:
            where.setdefault(name, []).append(twin.src)
    data = {**guides_json(site.site_url, where), **schemas(site.site_url)}
    files.update({path: json.dumps(value, indent=2, ensure_ascii=False) + "\n" for path, value in data.items()})
    groups: dict[str, list[Twin]] = {"Steps": [], PLANNER_AND_CHANGES: []}
    optional = []
    for section, twin in twins:
        if section in OPTIONAL_SECTIONS:
            optional.append(twin)
        else:
            groups[PLANNER_AND_CHANGES if "plan_app" in twin.guides or twin.lists_changes else "Steps"].append(twin)
    files["llms.txt"] = llms_txt(site.site_name, site.site_description, groups, optional, where)
    return files


def write(site: Settings, site_dir: Path) -> None:
    """Write every file for programs into ``site_dir``."""
    for path, text in machine_files(site).items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def on_post_build(config: Any, **_: Any) -> None:
    """MkDocs: write the files once the site is built (a build with a mistake has failed before)."""
    project_dir = Path(config["config_file_path"]).parent
    site = settings(project_dir, config, config["mdx_configs"].get("pymdownx.snippets", {}))
    try:
        write(site, Path(config["site_dir"]))
    except Exception as error:  # noqa: BLE001 - whatever a writer's mistake raises while serving
        if config.plugins["macros"].config["on_error_fail"]:
            raise
        log.warning("files for programs not written while a page shows a mistake: %s", error)
    finally:  # forget the rules again, as the macros plugin did, so that serve imports edited ones anew
        loaded = sys.modules.get("macros")
        if loaded is not None:
            loaded.on_post_build(None)


def main(argv: list[str] | None = None) -> None:
    """Zensical (or any build of the same source): write the files into the site folder that the
    configuration names, as the build did."""
    from mkdocs.utils.yaml import yaml_load  # reads INHERIT and !ENV as both engines do

    parser = argparse.ArgumentParser(prog="python -m hooks.machine_files", description=main.__doc__)
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path)
    args = parser.parse_args(argv)
    with args.config_file.open(encoding="utf-8") as file:
        config = yaml_load(file)
    project_dir = args.config_file.resolve().parent
    snippets: dict[str, Any] = {}
    for extension in config.get("markdown_extensions", []):
        if isinstance(extension, dict) and "pymdownx.snippets" in extension:
            snippets = extension["pymdownx.snippets"] or {}
    write(settings(project_dir, config, snippets), project_dir / config.get("site_dir", "site"))


if __name__ == "__main__":
    main()
