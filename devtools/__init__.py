"""Helpers that the tests and the benchmark share: the project's folder and a copy of it, a static
server for a built site, ``mkdocs serve`` on a copy, the budgets and the page weights.

The site's build never imports this package (``macros/`` and ``hooks/`` import nothing from here).
"""
