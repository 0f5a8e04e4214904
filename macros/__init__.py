"""The package that mkdocs-macros-plugin loads (``module_name: macros``).

It loads even when a module in ``macros/`` does not (a half-typed line in a rule): the macros then
report that error in the pages that use them, and the other pages still render (``page_errors``).
"""

import sys
from collections.abc import Callable
from typing import Any

from macros.page_errors import on_post_page_macros, on_pre_page_macros, unavailable

__all__ = ["MACROS", "define_env", "on_post_build", "on_post_page_macros", "on_pre_page_macros"]

MACROS = (
    "guide",
    "changed",
    "changes",
    "cite",
)  # what define_env registers: the stand-ins' names when macros/ cannot be imported

define_env: Callable[[Any], None]
try:
    from macros.site import define_env
except Exception as error:  # noqa: BLE001 - any error of a rule's module, SyntaxError included
    define_env = unavailable(error, MACROS)


def on_post_build(env: Any) -> None:
    """Forget this package after each build, so that ``mkdocs serve`` imports an edited rule anew.

    The plugin imports a package once per process; without this, a change in ``macros/`` would
    rebuild the site with the rules as they were when the server started.
    """
    for name in [name for name in sys.modules if name == __name__ or name.startswith(__name__ + ".")]:
        del sys.modules[name]
