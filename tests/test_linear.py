"""Every input parses in linear time (issue 10): the resolve stage pairs items in one pass, not one pass
per item. Counted where it can be (items visited), and one generous ratio check end to end."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from datetime import datetime

from nlentry import grammar
from nlentry.api import _read_items, parse
from nlentry.resolve import resolve
from nlentry.semantics.values import Item

NOW = datetime(2026, 3, 18, 10, 0).astimezone()
UNIT = "2 uur aan Webshop 27/3 "


class CountingItems(list[Item]):
    """A list of items that counts every element handed out by iteration."""

    visits = 0

    def __iter__(self) -> Iterator[Item]:
        for item in super().__iter__():
            CountingItems.visits += 1
            yield item


def _items(repeats: int) -> list[Item]:
    text = UNIT * repeats
    return _read_items(grammar.parse_items(grammar.normalise(text), "nl"), "nl", [], [])


def test_resolve_visits_each_item_a_bounded_number_of_times() -> None:
    for repeats in (10, 400):
        items = CountingItems(_items(repeats))
        CountingItems.visits = 0
        resolve(items, NOW, [])
        assert len(items) >= 2 * repeats
        assert CountingItems.visits <= 3 * len(items), (repeats, len(items), CountingItems.visits)


def _cpu_seconds(text: str) -> float:
    """The best of three CPU times, with the garbage collector off: its full collections grow with the
    heap, which would make a linear parse look superlinear."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            started = time.process_time()
            parse(text, now=NOW, max_length=10**7)
            best = min(best, time.process_time() - started)
    finally:
        gc.enable()
    return best


def test_twenty_times_the_text_takes_about_twenty_times_as_long() -> None:
    parse(UNIT * 50, now=NOW)  # warm: grammar built, caches filled
    small, large = UNIT * 400, UNIT * 8000  # about 9k and 180k characters
    ratio = _cpu_seconds(large) / max(_cpu_seconds(small), 1e-4)
    assert ratio < 60, ratio  # linear: about 20; quadratic: several hundred
