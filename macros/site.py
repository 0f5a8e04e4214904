"""Wire the guides into MkDocs: the only module that knows about the macros plugin.

A writer's mistake in a macro call is a :class:`MacroError` whose one line names the macro and the
valid values; ``macros/page_errors.py`` adds the page and line, and fails the build or (``mkdocs
serve``) shows it in the page.
"""
from pathlib import Path
from typing import Any, Callable

from mkdocs.utils import get_relative_url

from macros.decisions import GUIDES
from macros.decisions.changes import CHANGES
from macros.page_errors import MacroError, shown_in_page
from macros.render import render_guide
from macros.render_changes import change_note_html, changes_table_html
from macros.render_plan import render_plan

__all__ = ["MacroError", "define_env", "link_resolver"]


def link_resolver(docs_dir: Path, page_url: str) -> Callable[[str], str]:
    """Turn a decision's link target into an href from this page: ``security.md#x`` or an absolute URL."""
    def resolve(target: str) -> str:
        if target.startswith(("https://", "http://")):
            return target
        path, _, fragment = target.partition("#")
        if not (docs_dir / path).is_file():
            raise MacroError(f"a guide links to {target!r}, which is not a page in docs/")
        url = "" if path == "index.md" else path.removesuffix(".md").removesuffix("/index") + "/"
        href = get_relative_url(url or ".", page_url or ".")
        if not href.endswith("/"):  # a page is a folder: keep the slash that the site's URLs end with
            href += "/"
        return href + ("#" + fragment if fragment else "")
    return resolve


def nav_titles(nav: Any) -> dict[str, str]:
    """Each page of the ``nav`` setting with its title: ``{"security.md": "Configure security"}``."""
    titles: dict[str, str] = {}
    for entry in nav:
        for title, target in (entry.items() if isinstance(entry, dict) else [(entry, entry)]):
            titles.update(nav_titles(target) if isinstance(target, list) else {target: title})
    return titles


def define_env(env: Any) -> None:
    """Register ``guide(name)``, the decision guide of that function; ``changed(id)``, the note on a
    change since the original guide; and ``changes()``, the table of every change."""
    docs_dir = Path(env.conf["docs_dir"])
    embedded: dict[str, set[str]] = {}
    asked: dict[str, dict[str, str]] = {}  # page -> question name -> the guide that asks it

    @env.macro
    @shown_in_page
    def guide(name: Any = None) -> str:
        page = env.page.file.src_uri
        valid = ", ".join(GUIDES)
        if name is None:
            raise MacroError(f'guide() needs the name of a guide, e.g. guide("pkce"); valid names: {valid}')
        if not isinstance(name, str) or name not in GUIDES:
            raise MacroError(f"guide({name!r}) names no guide; valid names: {valid}")
        seen = embedded.setdefault(page, set())
        if name in seen:
            raise MacroError(f"guide({name!r}) is embedded twice on this page; valid names: {valid}")
        seen.add(name)
        clash = asked.setdefault(page, {})
        for question in GUIDES[name].questions:
            if clash.setdefault(question.name, name) != name:
                raise MacroError(f"guide({name!r}) and guide({clash[question.name]!r}) both keep "
                                 f"{question.name!r} in the URL; put them on different pages")
        render = render_plan if name == "plan_app" else render_guide
        return render(GUIDES[name], link_resolver(docs_dir, env.page.url))

    @env.macro
    @shown_in_page
    def changed(*change_ids: Any) -> str:
        valid = ", ".join(CHANGES)
        if not change_ids:
            raise MacroError(f'changed() needs the id of a change, e.g. changed("password-flow"); valid names: {valid}')
        for change_id in change_ids:
            if not isinstance(change_id, str) or change_id not in CHANGES:
                raise MacroError(f"changed({change_id!r}) names no change; valid names: {valid}")
        return change_note_html([CHANGES[i] for i in change_ids], link_resolver(docs_dir, env.page.url))

    @env.macro
    @shown_in_page
    def changes() -> str:
        return changes_table_html(link_resolver(docs_dir, env.page.url), nav_titles(env.conf["nav"]))
