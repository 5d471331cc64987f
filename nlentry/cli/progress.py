"""A progress line for long work on a terminal: `export`, `flush` and `sync` over many items.

    with Progress(sys.stderr, total=len(items), label=say("progress_export")) as tick:
        for n, item in enumerate(items, start=1):
            ...
            tick(n)

On a terminal it rewrites one line on standard error (`exporting 120/2000`), at most every 0.1 s, and
clears it at the end; when standard error is not a terminal, or for fewer than `MIN_ITEMS` items, it
writes nothing at all, so piped output stays exactly the same.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import IO

__all__ = ["MIN_ITEMS", "Progress"]

MIN_ITEMS = 50
_EVERY = 0.1  # seconds between redraws


class Progress:
    """A context manager whose value, called with the number done, redraws the line (see the module)."""

    def __init__(self, stream: IO[str], *, total: int, label: str,
                 env: Mapping[str, str] | None = None) -> None:
        self.stream = stream
        self.total = total
        self.label = label
        self.shown = total >= MIN_ITEMS and _is_terminal(stream) and (env or {}).get("TERM", "") != "dumb"
        self._last = 0.0

    def __call__(self, done: int) -> None:
        if not self.shown:
            return
        now = time.monotonic()
        if done < self.total and now - self._last < _EVERY:
            return
        self._last = now
        self.stream.write(f"\r{self.label} {done}/{self.total}\x1b[K")
        self.stream.flush()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
