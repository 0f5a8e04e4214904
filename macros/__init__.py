"""The package that mkdocs-macros-plugin loads (``module_name: macros``)."""
from macros.site import define_env

__all__ = ["define_env"]
