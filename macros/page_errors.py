"""A writer's mistake in a page: one line that says where and what, shown in the page or failing the build.

Every mistake becomes one message, ``page.md:LINE: what is wrong; the valid values``, found at one of
two moments of mkdocs-macros' page rendering:

- before it (``on_pre_page_macros``): the page's Jinja does not compile, or it names a macro or
  variable that does not exist (``on_undefined: strict``); the page is then not rendered at all;
- during it: a macro registered through :func:`shown_in_page` raises (a misused ``guide()``, a rule
  that raises, or ``macros/`` that cannot be imported, see :func:`unavailable`).

After rendering (``on_post_page_macros``) the plugin's own ``on_error_fail`` decides: true (a build)
fails the build with the messages; false (``mkdocs serve``, set by ``hooks/serve_mode.py``) logs each
once and puts them at the top of the page, in an error admonition that links to "Writing guides".
The plugin never sees these errors: it would exit (and stop the server) or replace the whole page
with a traceback. This module imports nothing from the rules, so it still loads when they are broken.
"""

from __future__ import annotations

import functools
import html
import logging
import sys
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from jinja2 import TemplateSyntaxError, meta, nodes
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parents[1]
GUIDE_PAGE, GUIDE_SECTION = "writing-guides.md", "mistakes"  # where the admonition sends the writer
MARK = "data-page-error"  # on the admonition only: a built site must never contain it
log = logging.getLogger("mkdocs.plugins.macros.page_errors")


class MacroError(ValueError):
    """A macro used wrongly in a page; the message says how, without the page (that is added)."""


@dataclass
class _Page:
    """The page being rendered: its name, the file line of its first Markdown line, what went wrong."""

    name: str
    first_line: int
    errors: list[str] = field(default_factory=list)
    source: str | None = None  # its Markdown, kept when its Jinja cannot run at all

    def at(self, line: int | None, text: str) -> str:
        """The one-line message: ``page.md:LINE: text`` (the line in the file, front matter counted)."""
        where = self.name if line is None else f"{self.name}:{self.first_line + line - 1}"
        return f"{where}: {text}"


_page: _Page | None = None  # set only while the plugin renders a page; the package is re-imported per build


def on_pre_page_macros(env: Any) -> None:
    """Start the page's record; a page whose Jinja cannot run is kept aside and not rendered."""
    global _page
    markdown = env.markdown
    _page = _Page(env.page.file.src_uri, _first_line(env.page.file.content_string, markdown))
    if env.page.meta.get("render_macros") is False:
        return
    problem = _template_problem(env, _page, markdown)
    if problem:
        _page.errors.append(problem)
        _page.source, env.markdown = markdown, ""


def on_post_page_macros(env: Any) -> None:
    """Fail the build with the page's errors, or (serving) log each once and show them atop the page."""
    global _page
    page, _page = _page, None
    if page is None or not page.errors:
        return
    if env.config["on_error_fail"]:
        raise PluginError("\n".join(page.errors))
    for message in page.errors:
        log.error(message)
    body = env.markdown if page.source is None else page.source
    env.markdown = _admonition(page.errors, _guide_href(env)) + "\n\n" + body


def shown_in_page(macro: Callable[..., str]) -> Callable[..., str]:
    """Wrap a macro so that, while a page renders, its error becomes the page's error and it returns "".

    Outside a page render (a unit test, say) the macro is called as it is and its errors propagate.
    """

    @functools.wraps(macro)
    def guarded(*args: Any, **kwargs: Any) -> str:
        page = _page
        if page is None:
            return macro(*args, **kwargs)
        try:
            return macro(*args, **kwargs)
        except MacroError as error:
            page.errors.append(page.at(_template_line(), str(error)))
        except Exception as error:  # noqa: BLE001 - a rule edited into a bug: report it like a misused macro
            page.errors.append(
                page.at(_template_line(), f"{_call(macro.__name__, args, kwargs)} failed: {describe(error)}")
            )
        return ""

    return guarded


def unavailable(error: BaseException, names: Iterable[str]) -> Callable[[Any], None]:
    """A ``define_env`` for when ``macros/`` cannot be imported: each macro a page uses reports why.

    The pages without these macros still render; the others show (or fail the build with) the error.
    """
    reason = describe(error)

    def stand_in(name: str) -> Callable[..., str]:
        def macro(*args: Any, **kwargs: Any) -> str:
            raise MacroError(f"{_call(name, args, kwargs)} cannot run: {reason}")

        macro.__name__ = name
        return macro

    def define_env(env: Any) -> None:
        for name in names:
            env.macro(shown_in_page(stand_in(name)))

    return define_env


def describe(error: BaseException) -> str:
    """``file:LINE: Type: message`` on one line, at the last line of this project's code involved."""
    if isinstance(error, SyntaxError) and error.filename:
        where: str | None = f"{_relative(error.filename) or error.filename}:{error.lineno}"
        text = error.msg
    else:
        ours = [(path, f.lineno) for f in traceback.extract_tb(error.__traceback__) if (path := _relative(f.filename))]
        where = "{}:{}".format(*ours[-1]) if ours else None
        text = str(error)
    message = f"{type(error).__name__}: {' '.join(text.split())}"
    return f"{where}: {message}" if where else message


def _template_problem(env: Any, page: _Page, markdown: str) -> str | None:
    """What stops this page's Jinja from running: a syntax error, or a name nobody defined."""
    jinja = env.env
    try:
        tree = jinja.parse(markdown)
        jinja.compile(tree)  # compiling also finds unknown filters and tests
    except TemplateSyntaxError as error:
        return page.at(error.lineno, f"Jinja syntax error: {error.message or error}")
    if env.config["on_undefined"] != "strict":
        return None
    unknown = meta.find_undeclared_variables(tree) - set(env.variables) - set(jinja.globals) - set(env.page.meta)
    if not unknown:
        return None
    line, name = min((n.lineno, n.name) for n in tree.find_all(nodes.Name) if n.name in unknown)
    return page.at(line, f"{name!r} is undefined; macros: {', '.join(sorted(env.macros))}")


def _template_line() -> int | None:
    """The page line that called the running macro: Jinja marks its compiled template's frames."""
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            return int(template.get_corresponding_lineno(frame.f_lineno))
        frame = frame.f_back
    return None


def _first_line(source: str, markdown: str) -> int:
    """The file line where the Markdown starts (MkDocs hands macros the page without its front matter)."""
    return source.count("\n", 0, len(source) - len(markdown)) + 1 if source.endswith(markdown) else 1


def _call(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    """The macro call as a writer typed it, e.g. ``guide('pkce')``."""
    return f"{name}({', '.join([repr(a) for a in args] + [f'{k}={v!r}' for k, v in kwargs.items()])})"


def _relative(filename: str) -> str | None:
    """A path inside the project, relative to it (``macros/decisions/auth.py``); None for any other file."""
    path = Path(filename).resolve()
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) and path.is_file() else None


def _guide_href(env: Any) -> str | None:
    """The link from this page to the mistakes section of "Writing guides" (None if that page is gone)."""
    target = env.variables["files"].get_file_from_path(GUIDE_PAGE)
    return None if target is None else f"{get_relative_url(target.url, env.page.url)}#{GUIDE_SECTION}"


def _admonition(messages: list[str], href: str | None) -> str:
    """Material's "failure" admonition with each message, HTML-escaped, as raw HTML atop the page."""
    lines = "".join(f"<p><code>{html.escape(m)}</code></p>" for m in messages)
    help_link = f'<p>What each message means: <a href="{html.escape(href)}">Writing guides</a>.</p>' if href else ""
    return (
        f'<div class="admonition failure page-error" role="alert" {MARK}>'
        '<p class="admonition-title">This page has an error: mkdocs build fails until it is fixed</p>'
        f"{lines}{help_link}</div>"
    )
