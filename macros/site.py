"""Wires the guides into MkDocs: the only module here that knows about the macros plugin."""
from typing import Any


def define_env(env: Any) -> None:
    """Register the writers' macros."""
