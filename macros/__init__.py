"""The package that mkdocs-macros-plugin loads (``module_name: macros``)."""
import sys
from typing import Any

from macros.site import define_env

__all__ = ["define_env", "on_post_build"]


def on_post_build(env: Any) -> None:
    """Forget this package after each build, so that ``mkdocs serve`` imports an edited rule anew.

    The plugin imports a package once per process; without this, a change in ``macros/`` would
    rebuild the site with the rules as they were when the server started.
    """
    for name in [name for name in sys.modules if name == __name__ or name.startswith(__name__ + ".")]:
        del sys.modules[name]
