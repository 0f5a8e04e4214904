"""Wire the guides into MkDocs: the only module that knows about the macros plugin.

A writer's mistake in a macro call is a :class:`MacroError` whose one line names the macro and the
valid values; ``macros/page_errors.py`` adds the page and line, and fails the build or (``mkdocs
serve``) shows it in the page.
"""

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from mkdocs.utils import get_relative_url

from macros.decisions import GUIDES
from macros.decisions.changes import CHANGES
from macros.decisions.sources import SOURCES
from macros.guide_data import PLAN_SCHEMA, absolute
from macros.page_errors import MacroError, shown_in_page
from macros.render import render_guide
from macros.render_changes import change_note_html, changes_table_html
from macros.render_plan import render_plan
from macros.render_sources import cite_html

__all__ = ["MacroError", "define_env", "link_resolver"]


def link_resolver(docs_dir: Path, page_url: str, links_from: str | None = None) -> Callable[[str], str]:
    """Turn a decision's link target into an href from this page: ``security.md#x`` or an absolute URL.

    A place on this page is its fragment alone (``#x``), which neither engine re-bases. Any other
    page is written relative to ``links_from``: the URL the engine resolves the page's relative
    links from, the page's own URL unless :func:`page_of` says otherwise.
    """

    def resolve(target: str) -> str:
        if target.startswith(("https://", "http://")):
            return target
        path, _, fragment = target.partition("#")
        if not (docs_dir / path).is_file():
            raise MacroError(f"a guide links to {target!r}, which is not a page in docs/")
        url = "" if path == "index.md" else path.removesuffix(".md").removesuffix("/index") + "/"
        if fragment and url == page_url:
            return "#" + fragment
        href = get_relative_url(url or ".", (page_url if links_from is None else links_from) or ".")
        if not href.endswith("/"):  # a page is a folder: keep the slash that the site's URLs end with
            href += "/"
        return href + ("#" + fragment if fragment else "")

    return resolve


def nav_titles(nav: Any) -> dict[str, str]:
    """Each page of the ``nav`` setting with its title: ``{"security.md": "Configure security"}``."""
    titles: dict[str, str] = {}
    for entry in nav:
        if isinstance(entry, dict) and "children" in entry:  # Zensical hands it parsed: title, url (the .md), children
            titles.update(nav_titles(entry["children"]) if entry["children"] else {entry["url"]: entry["title"]})
            continue
        for title, target in entry.items() if isinstance(entry, dict) else [(entry, entry)]:
            titles.update(nav_titles(target) if isinstance(target, list) else {target: title})
    return titles


class PageRef(NamedTuple):
    """The page being rendered, as the guides need it from the engine."""

    src: str  # its path in docs/: "security.md"
    url: str  # its URL: "security/"
    links_from: str  # the URL its relative links are resolved from


def page_of(env: Any) -> PageRef:
    """The page being rendered, under either engine: the one place that knows they differ here.

    MkDocs' page has ``file.src_uri`` and leaves the guides' HTML links as written, so they are
    relative to the page's URL. Zensical's page (0.0.x) has only ``path`` and ``url``, and Zensical
    re-bases every relative link in the page's HTML as if it were written relative to the ``.md``
    file, as Markdown links are: the links are then written from the folder of that file.
    """
    page = env.page
    file = getattr(page, "file", None)
    if file is not None:
        return PageRef(file.src_uri, page.url, page.url)
    folder = page.path.rpartition("/")[0]
    return PageRef(page.path, page.url, folder + "/" if folder else "")


class IdKind(NamedTuple):
    """What a macro's arguments name, for its error messages: ``change``, an example id, ``names``."""

    noun: str
    example: str
    valid_label: str


def known_ids(macro: str, ids: tuple[Any, ...], table: Mapping[str, object], kind: IdKind) -> None:
    """Refuse a call of ``changed()`` or ``cite()`` with no id, or with one that is not in ``table``.

    One check for both macros, so their messages stay alike: the macro, the bad value, and every
    valid id, which is what a writer needs to correct the call without opening the Python.
    """
    valid = f"valid {kind.valid_label}: {', '.join(table)}"
    if not ids:
        raise MacroError(f'{macro}() needs the id of a {kind.noun}, e.g. {macro}("{kind.example}"); {valid}')
    for given in ids:
        if not isinstance(given, str) or given not in table:
            raise MacroError(f"{macro}({given!r}) names no {kind.noun}; {valid}")


def define_env(env: Any) -> None:
    """Register ``guide(name)``, the decision guide of that function; ``changed(id)``, the note on a
    change since the original guide; ``changes()``, the table of every change; and ``cite(id, ...)``,
    the sources of a statement in a page's prose."""
    docs_dir = Path(env.project_dir, env.conf["docs_dir"])  # Zensical's docs_dir is relative to the project
    embedded: dict[str, set[str]] = {}
    asked: dict[str, dict[str, str]] = {}  # page -> question name -> the guide that asks it

    def links() -> Callable[[str], str]:
        """The link resolver of the page being rendered."""
        page = page_of(env)
        return link_resolver(docs_dir, page.url, page.links_from)

    @shown_in_page
    def guide(name: Any = None) -> str:
        page = page_of(env).src
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
                raise MacroError(
                    f"guide({name!r}) and guide({clash[question.name]!r}) both keep "
                    f"{question.name!r} in the URL; put them on different pages"
                )
        if name == "plan_app":
            return render_plan(GUIDES[name], links(), absolute(env.conf["site_url"], PLAN_SCHEMA))
        return render_guide(GUIDES[name], links())

    @shown_in_page
    def changed(*change_ids: Any) -> str:
        known_ids("changed", change_ids, CHANGES, IdKind("change", "password-flow", "names"))
        return change_note_html([CHANGES[i] for i in change_ids], links())

    @shown_in_page
    def changes() -> str:
        return changes_table_html(links(), nav_titles(env.conf["nav"]))

    @shown_in_page
    def cite(*source_ids: Any) -> str:
        known_ids("cite", source_ids, SOURCES, IdKind("source", "access-token-hour", "ids"))
        return cite_html(source_ids)

    for macro in (guide, changed, changes, cite):  # registered by a call: the untyped plugin must not untype them
        env.macro(macro)
