"""Bounded memories of the parse's hot path: a plain dict, read by its owner with `dict.get` (cheaper than
an `lru_cache` call), written through `remember`, which forgets everything at once when the dict is
full, so that no input can grow it without bound."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TypeVar

    _K = TypeVar("_K")
    _V = TypeVar("_V")


def remember(known: dict[_K, _V], key: _K, value: _V, limit: int) -> _V:
    """`value`, kept in `known` under `key`; `known` is emptied first when it holds `limit` entries."""
    if len(known) >= limit:
        known.clear()
    known[key] = value
    return value
