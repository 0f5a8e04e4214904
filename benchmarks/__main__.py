"""Entry point: ``python -m benchmarks [--runs N] [--serve-runs N] [--no-lighthouse] [--no-gzip]``."""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
