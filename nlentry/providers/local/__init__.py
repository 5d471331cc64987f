"""`local`, the embedded default provider: entries and catalog in nlentry's own SQLite database.

Usage::

    from nlentry.providers.local import LocalProvider
    from nlentry.booking.store import Store

    local = LocalProvider(Store(":memory:"))
    local.import_catalog(Catalog.load("catalog.json"))     # what `nlentry catalog import FILE` does
    posted = local.create(entry, key=str(uuid.uuid4()))

nlentry works with no account at all through it. It supports everything, timers included. Its
remote ids are the idempotency keys the outbox hands it, so a repeated `create` with the same key
updates the entry instead of adding a second one.

Settings (`[providers.local]`): `path`, the database file (default: `nlentry.db` in `data_dir`,
i.e. under `NLENTRY_HOME`). The outbox and the catalog cache live in the same file.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Mapping
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from nlentry.booking.store import DB_FILE, Store, entry_from_json, entry_to_json
from nlentry.model import Catalog, Entry
from nlentry.providers.base import Capability, Posted, RejectedError, RemoteEntry

if TYPE_CHECKING:
    import httpx

__all__ = ["PROVIDER", "LocalProvider"]

_DAY = 24 * 3600


def _local_now() -> datetime:
    return datetime.now().astimezone()


def _seconds(t: time) -> int:
    return t.hour * 3600 + t.minute * 60 + t.second


def duration_of(entry: Entry) -> int:
    """The entry's duration in seconds: stated, or end - start (across midnight when end < start).

    Raises `RejectedError` when the entry has neither.
    """
    if entry.duration is not None:
        if entry.duration < 0:
            raise RejectedError("the duration must not be negative")
        return entry.duration
    if entry.start is not None and entry.end is not None:
        return (_seconds(entry.end) - _seconds(entry.start)) % _DAY
    raise RejectedError("the entry has no duration (give one, or a start and an end time)")


class LocalProvider:
    """The embedded provider; see the module docstring.

    Parameters:
        store: the database to keep entries and catalog in.
        now: the current time as an aware datetime, for timers (tests pass a fake).
        owns_store: close `store` in `close()` (true when built by `from_settings`).
    """

    name: ClassVar[str] = "local"
    capabilities: ClassVar[frozenset[Capability]] = frozenset(Capability)

    def __init__(self, store: Store, *, now: Callable[[], datetime] = _local_now,
                 owns_store: bool = False) -> None:
        self.store = store
        self.now = now
        self._owns_store = owns_store

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any], *,
                      transport: httpx.BaseTransport | None = None) -> LocalProvider:
        """Open the database named by `path`, else `<data_dir>/nlentry.db`; `transport` is ignored."""
        path = settings.get("path")
        if not path:
            data_dir = settings.get("data_dir")
            if data_dir:
                path = Path(data_dir) / DB_FILE
            else:
                from nlentry import config

                path = config.data_home() / DB_FILE
        return cls(Store(path), owns_store=True)

    # --- catalog ---------------------------------------------------------------------------------

    def fetch_catalog(self) -> Catalog:
        """The catalog last imported (empty until then)."""
        return self.store.local_catalog()

    def import_catalog(self, catalog: Catalog) -> None:
        """Replace the catalog (`nlentry catalog import FILE`)."""
        self.store.set_local_catalog(catalog)

    def export_catalog(self) -> Catalog:
        """The catalog, for `nlentry catalog export` (same as `fetch_catalog`)."""
        return self.store.local_catalog()

    # --- entries ---------------------------------------------------------------------------------

    def create(self, entry: Entry, *, key: str) -> Posted:
        """Store the entry under `key`; with a key already stored, replace that entry (idempotent)."""
        self._write(key, entry, insert=True)
        return Posted(self.name, key)

    def update(self, remote_id: str, entry: Entry) -> Posted:
        """Replace the entry `remote_id`; `RejectedError` if there is none."""
        self._write(remote_id, entry, insert=False)
        return Posted(self.name, remote_id)

    def _write(self, entry_id: str, entry: Entry, *, insert: bool) -> None:
        duration = duration_of(entry)
        start = None if entry.start is None else entry.start.isoformat()
        end = None if entry.end is None else entry.end.isoformat()
        now = self.store.clock()
        values = (entry.date.isoformat(), start, end, duration, entry.description, entry_to_json(entry), now)
        with self.store.transaction() as db:
            if insert:
                db.execute(
                    "INSERT INTO entries (day, start_time, end_time, duration, description, entry, "
                    "updated_at, id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (id) DO UPDATE SET day = excluded.day, start_time = excluded.start_time, "
                    "end_time = excluded.end_time, duration = excluded.duration, "
                    "description = excluded.description, entry = excluded.entry, "
                    "updated_at = excluded.updated_at, running_since = NULL",
                    (*values, entry_id, now))
            else:
                cur = db.execute(
                    "UPDATE entries SET day = ?, start_time = ?, end_time = ?, duration = ?, "
                    "description = ?, entry = ?, updated_at = ?, running_since = NULL WHERE id = ?",
                    (*values, entry_id))
                if cur.rowcount == 0:
                    raise RejectedError(f"there is no local entry {entry_id!r}")

    def delete(self, remote_id: str) -> None:
        """Delete the entry `remote_id`; `RejectedError` if there is none."""
        with self.store.transaction() as db:
            cur = db.execute("DELETE FROM entries WHERE id = ?", (remote_id,))
        if cur.rowcount == 0:
            raise RejectedError(f"there is no local entry {remote_id!r}")

    def list_day(self, day: date) -> list[RemoteEntry]:
        """The entries of one day, by start time (entries without one last), then as created."""
        rows = self.store.query(
            "SELECT * FROM entries WHERE day = ? ORDER BY start_time IS NULL, start_time, created_at, id",
            (day.isoformat(),))
        return [self._remote(r) for r in rows]

    def find_posted(self, entry: Entry, key: str, *, exclude: frozenset[str] = frozenset()) -> Posted | None:
        """The entry stored under `key`, if any: local ids are the keys, so no guessing is needed."""
        rows = self.store.query("SELECT id FROM entries WHERE id = ?", (key,))
        return Posted(self.name, key) if rows else None

    def get(self, remote_id: str) -> RemoteEntry | None:
        """One entry by id, or None."""
        rows = self.store.query("SELECT * FROM entries WHERE id = ?", (remote_id,))
        return self._remote(rows[0]) if rows else None

    def _remote(self, row: sqlite3.Row) -> RemoteEntry:
        entry = entry_from_json(row["entry"])
        running = row["running_since"] is not None
        duration = row["duration"]
        if running:
            duration = max(0, int(self.now().timestamp() - row["running_since"]))
        return RemoteEntry(
            remote_id=row["id"],
            date=date.fromisoformat(row["day"]),
            duration=int(duration),
            start=None if row["start_time"] is None else time.fromisoformat(row["start_time"]),
            end=None if row["end_time"] is None else time.fromisoformat(row["end_time"]),
            project_id=None if entry.project is None else entry.project.id,
            service_id=None if entry.service is None else entry.service.id,
            description=row["description"],
            key=row["id"],
            extra={"running": True} if running else {},
        )

    # --- timer -----------------------------------------------------------------------------------

    def timer_start(self, entry: Entry) -> Posted:
        """Start a timer for `entry` now (stopping a running one first, as most trackers do)."""
        self.timer_stop()
        now = self.now()
        entry_id = str(uuid.uuid4())
        start = now.time().replace(microsecond=0, tzinfo=None)
        with self.store.transaction() as db:
            db.execute(
                "INSERT INTO entries (id, day, start_time, end_time, duration, running_since, description, "
                "entry, created_at, updated_at) VALUES (?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?)",
                (entry_id, now.date().isoformat(), start.isoformat(), now.timestamp(), entry.description,
                 entry_to_json(entry.replace(date=now.date(), start=start, end=None, duration=None)),
                 self.store.clock(), self.store.clock()))
        return Posted(self.name, entry_id)

    def timer_stop(self) -> Posted | None:
        """Stop the running timer: its end is now; returns it, or None when no timer runs."""
        now = self.now()
        with self.store.transaction() as db:
            row = db.execute("SELECT id, running_since, entry FROM entries WHERE running_since IS NOT NULL "
                             "ORDER BY running_since DESC LIMIT 1").fetchone()
            if row is None:
                return None
            duration = max(0, int(now.timestamp() - row["running_since"]))
            end = (datetime.fromtimestamp(row["running_since"], now.tzinfo) + timedelta(seconds=duration))
            end_time = end.time().replace(microsecond=0, tzinfo=None)
            entry = entry_from_json(row["entry"]).replace(end=end_time, duration=duration)
            db.execute("UPDATE entries SET running_since = NULL, end_time = ?, duration = ?, entry = ?, "
                       "updated_at = ? WHERE id = ?",
                       (end_time.isoformat(), duration, entry_to_json(entry), self.store.clock(), row["id"]))
        return Posted(self.name, row["id"])

    def timer_current(self) -> RemoteEntry | None:
        """The running timer (its duration so far), or None."""
        rows = self.store.query("SELECT * FROM entries WHERE running_since IS NOT NULL "
                                "ORDER BY running_since DESC LIMIT 1")
        return self._remote(rows[0]) if rows else None

    def close(self) -> None:
        """Close the database if this provider opened it."""
        if self._owns_store:
            self.store.close()

    def __repr__(self) -> str:
        return f"LocalProvider({self.store.path!r})"


PROVIDER = LocalProvider
