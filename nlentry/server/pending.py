"""Entries waiting for the user's Confirm / Change / Cancel, kept in the server's storage until they expire.

Usage::

    waiting = Confirmations(db, ttl=900)
    p = waiting.open("alice", entry)           # p.id goes into the buttons
    waiting.take(p.id, "alice")                # Confirm or Cancel: removed atomically (a double click
                                               #   finds nothing the second time: nothing is saved twice)

They live in the database, not in memory, because the click may reach another worker process than
the message did, or the server may have restarted in between.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

from nlentry.booking.store import entry_from_json, entry_to_json
from nlentry.model import Entry
from nlentry.server.storage import PendingRow, ServerStorage

__all__ = ["Confirmations", "Pending"]


@dataclass(frozen=True)
class Pending:
    """An entry awaiting an answer: whose, which, whether the user asked to change it, until when."""

    id: str
    user_id: str
    entry: Entry
    changing: bool
    expires_at: float


class Confirmations:
    """The pending confirmations; see the module docstring.

    Parameters:
        db: the server's storage.
        ttl: seconds an unanswered confirmation stays valid.
        clock: unix time (tests pass a fake).
    """

    def __init__(self, db: ServerStorage, *, ttl: float, clock: Callable[[], float] = time.time) -> None:
        self.db = db
        self.ttl = ttl
        self.clock = clock

    def open(self, user_id: str, entry: Entry, *, pending_id: str | None = None) -> Pending:
        """Keep `entry` until the user answers; returns it with its id (`pending_id`, default a new one).
        One kept under that id already (a retried delivery's first attempt opened it) is returned as
        it was kept."""
        pending_id = pending_id or secrets.token_urlsafe(12)
        row = PendingRow(pending_id, user_id, entry_to_json(entry), False, self.clock() + self.ttl)
        stored = _pending(self.db.open_pending(row, now=self.clock()))
        assert stored is not None
        return stored

    def get(self, pending_id: str, user_id: str, *, by: str | None = None) -> Pending | None:
        """The user's pending entry with this id, or None (unknown, someone else's, expired, taken; one
        taken by the delivery `by` is still its)."""
        return _pending(self.db.pending(pending_id, user_id, now=self.clock(), by=by))

    def take(self, pending_id: str, user_id: str, *, by: str | None = None) -> Pending | None:
        """Remove and return the user's pending entry (None if there is none any more); with `by` (a
        chat delivery's id) it is marked taken by that delivery instead, which gets it again."""
        return _pending(self.db.take_pending(pending_id, user_id, now=self.clock(), by=by))

    def update(self, pending: Pending, entry: Entry, *, changing: bool = False) -> Pending:
        """Store a changed entry (or the Change mark) and give it a fresh expiry."""
        expires = self.clock() + self.ttl
        self.db.update_pending(pending.id, entry_to_json(entry), changing=changing, expires_at=expires)
        return Pending(pending.id, pending.user_id, entry, changing, expires)

    def changing(self, user_id: str, *, by: str | None = None) -> Pending | None:
        """The user's newest entry whose Change button was pressed (the next message amends it)."""
        return _pending(self.db.changing_pending(user_id, now=self.clock(), by=by))


def _pending(row: PendingRow | None) -> Pending | None:
    if row is None:
        return None
    return Pending(row.id, row.user_id, entry_from_json(row.entry), row.changing, row.expires_at)
