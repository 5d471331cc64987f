"""`local`, the embedded default provider: entries and catalog in nlentry's own database.

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
i.e. under `NLENTRY_HOME`). The outbox and the catalog cache live in the same file. It keeps its rows
through the booking storage protocol (`nlentry.booking.storage`), so on the server it works the same on
a user's PostgreSQL state (`LocalProvider(PostgresBooking(pool, user_id))`).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from nlentry.booking.storage import LocalRow
from nlentry.booking.store import DB_FILE, Store, entry_from_json, entry_to_json
from nlentry.model import Catalog, Entry
from nlentry.providers.base import Capability, Posted, RejectedError, RemoteEntry

if TYPE_CHECKING:
    import httpx

    from nlentry.booking.storage import BookingStorage

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
        store: the booking state to keep entries and catalog in (a SQLite `Store`, a `PostgresBooking`).
        now: the current time as an aware datetime, for timers (tests pass a fake).
        owns_store: close `store` in `close()` (true when built by `from_settings`).
    """

    name: ClassVar[str] = "local"
    capabilities: ClassVar[frozenset[Capability]] = frozenset(Capability)

    def __init__(self, store: BookingStorage, *, now: Callable[[], datetime] = _local_now,
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
        now = self.store.clock()
        row = LocalRow(id=entry_id, day=entry.date.isoformat(),
                       start_time=None if entry.start is None else entry.start.isoformat(),
                       end_time=None if entry.end is None else entry.end.isoformat(),
                       duration=duration_of(entry), running_since=None, description=entry.description,
                       entry=entry_to_json(entry), created_at=now, updated_at=now)
        if insert:
            self.store.local_upsert(row)
        elif not self.store.local_update(row):
            raise RejectedError(f"there is no local entry {entry_id!r}")

    def delete(self, remote_id: str) -> None:
        """Delete the entry `remote_id`; `RejectedError` if there is none."""
        if not self.store.local_delete(remote_id):
            raise RejectedError(f"there is no local entry {remote_id!r}")

    def list_day(self, day: date) -> list[RemoteEntry]:
        """The entries of one day, by start time (entries without one last), then as created."""
        return [self._remote(r) for r in self.store.local_rows(day=day.isoformat())]

    def find_posted(self, entry: Entry, key: str, *, exclude: frozenset[str] = frozenset()) -> Posted | None:
        """The entry stored under `key`, if any: local ids are the keys, so no guessing is needed."""
        return Posted(self.name, key) if self.store.local_rows(entry_id=key) else None

    def get(self, remote_id: str) -> RemoteEntry | None:
        """One entry by id, or None."""
        rows = self.store.local_rows(entry_id=remote_id)
        return self._remote(rows[0]) if rows else None

    def _remote(self, row: LocalRow) -> RemoteEntry:
        entry = entry_from_json(row.entry)
        running = row.running_since is not None
        duration = row.duration or 0
        if row.running_since is not None:
            duration = max(0, int(self.now().timestamp() - row.running_since))
        return RemoteEntry(
            remote_id=row.id,
            date=date.fromisoformat(row.day),
            duration=int(duration),
            start=None if row.start_time is None else time.fromisoformat(row.start_time),
            end=None if row.end_time is None else time.fromisoformat(row.end_time),
            project_id=None if entry.project is None else entry.project.id,
            service_id=None if entry.service is None else entry.service.id,
            description=row.description,
            key=row.id,
            extra={"running": True} if running else {},
        )

    # --- timer -----------------------------------------------------------------------------------

    def timer_start(self, entry: Entry) -> Posted:
        """Start a timer for `entry` now (stopping a running one first, as most trackers do)."""
        self.timer_stop()
        now = self.now()
        entry_id = str(uuid.uuid4())
        start = now.time().replace(microsecond=0, tzinfo=None)
        seed = entry.replace(date=now.date(), start=start, end=None, duration=None)
        self.store.local_add(LocalRow(
            id=entry_id, day=now.date().isoformat(), start_time=start.isoformat(), end_time=None,
            duration=None, running_since=now.timestamp(), description=entry.description,
            entry=entry_to_json(seed), created_at=self.store.clock(), updated_at=self.store.clock()))
        return Posted(self.name, entry_id)

    def timer_stop(self) -> Posted | None:
        """Stop the running timer: its end is now; returns it, or None when no timer runs."""
        now = self.now()
        running = self.store.local_rows(running=True)
        since = running[0].running_since if running else None
        if since is None:
            return None
        row = running[0]
        duration = max(0, int(now.timestamp() - since))
        end = (datetime.fromtimestamp(since, now.tzinfo) + timedelta(seconds=duration))
        end_time = end.time().replace(microsecond=0, tzinfo=None)
        entry = entry_from_json(row.entry).replace(end=end_time, duration=duration)
        self.store.local_update(replace(row, end_time=end_time.isoformat(), duration=duration,
                                        entry=entry_to_json(entry), updated_at=self.store.clock()))
        return Posted(self.name, row.id)

    def timer_current(self) -> RemoteEntry | None:
        """The running timer (its duration so far), or None."""
        rows = self.store.local_rows(running=True)
        return self._remote(rows[0]) if rows else None

    def close(self) -> None:
        """Close the database if this provider opened it."""
        if self._owns_store:
            self.store.close()

    def __repr__(self) -> str:
        return f"LocalProvider({self.store!r})"


PROVIDER = LocalProvider
