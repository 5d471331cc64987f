"""Entries waiting for the user's Confirm / Change / Cancel, kept in server.db until they expire.

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
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass

from nlentry.model import Entry
from nlentry.server.db import ServerDB
from nlentry.store import entry_from_json, entry_to_json

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
    """The pending confirmations in server.db; see the module docstring.

    Parameters:
        db: server.db.
        ttl: seconds an unanswered confirmation stays valid.
        clock: unix time (tests pass a fake).
    """

    def __init__(self, db: ServerDB, *, ttl: float, clock: Callable[[], float] = time.time) -> None:
        self.db = db
        self.ttl = ttl
        self.clock = clock

    def open(self, user_id: str, entry: Entry) -> Pending:
        """Keep `entry` until the user answers; returns it with its new id."""
        pending = Pending(secrets.token_urlsafe(12), user_id, entry, False, self.clock() + self.ttl)
        with self.db.transaction() as db:
            db.execute("DELETE FROM pending WHERE expires_at <= ?", (self.clock(),))
            db.execute(
                "INSERT INTO pending (id, user_id, entry, changing, expires_at) VALUES (?, ?, ?, 0, ?)",
                (pending.id, user_id, entry_to_json(entry), pending.expires_at),
            )
        return pending

    def get(self, pending_id: str, user_id: str) -> Pending | None:
        """The user's pending entry with this id, or None (unknown, someone else's, expired)."""
        rows = self.db.query(
            "SELECT * FROM pending WHERE id = ? AND user_id = ? AND expires_at > ?",
            (pending_id, user_id, self.clock()),
        )
        return _pending(rows[0]) if rows else None

    def take(self, pending_id: str, user_id: str) -> Pending | None:
        """Remove and return the user's pending entry (None if there is none any more)."""
        with self.db.transaction() as db:
            row = db.execute(
                "SELECT * FROM pending WHERE id = ? AND user_id = ? AND expires_at > ?",
                (pending_id, user_id, self.clock()),
            ).fetchone()
            if row is not None:
                db.execute("DELETE FROM pending WHERE id = ?", (pending_id,))
        return None if row is None else _pending(row)

    def update(self, pending: Pending, entry: Entry, *, changing: bool = False) -> Pending:
        """Store a changed entry (or the Change mark) and give it a fresh expiry."""
        expires = self.clock() + self.ttl
        with self.db.transaction() as db:
            db.execute(
                "UPDATE pending SET entry = ?, changing = ?, expires_at = ? WHERE id = ?",
                (entry_to_json(entry), int(changing), expires, pending.id),
            )
        return Pending(pending.id, pending.user_id, entry, changing, expires)

    def changing(self, user_id: str) -> Pending | None:
        """The user's newest entry whose Change button was pressed (the next message amends it)."""
        rows = self.db.query(
            "SELECT * FROM pending WHERE user_id = ? AND changing = 1 AND expires_at > ? "
            "ORDER BY expires_at DESC LIMIT 1",
            (user_id, self.clock()),
        )
        return _pending(rows[0]) if rows else None


def _pending(row: sqlite3.Row) -> Pending:
    return Pending(
        row["id"],
        row["user_id"],
        entry_from_json(row["entry"]),
        bool(row["changing"]),
        float(row["expires_at"]),
    )
