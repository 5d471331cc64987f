"""`python -m nlentry`: the command line, as the `nlentry` script runs it."""

from __future__ import annotations

import sys

from nlentry.cli import main

if __name__ == "__main__":
    sys.exit(main())
