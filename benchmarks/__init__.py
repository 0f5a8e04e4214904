"""The site's benchmark: build time, ``mkdocs serve`` rebuilds, page weight, Lighthouse and images.

Run it with ``python -m benchmarks`` (``--help`` lists the flags). It prints a report, writes
``benchmarks/out/report.json`` and exits 1 when a budget fails. The budgets live in
:mod:`devtools.budgets`; :mod:`devtools.weights` holds the byte measures that
``tests/test_budgets.py`` shares, so the test and the benchmark measure alike.
"""
