"""Where a user's booking state is kept, as a small protocol with two implementations.

Usage::

    from nlentry.booking.storage import BookingStorage

    def flush_all(storage: BookingStorage) -> None:       # a Store (SQLite) or a PostgresBooking
        Outbox(storage, build).flush()

A user's booking state is the journal and outbox (one row per entry logged: what it says, whether the
provider has it yet, who is posting it right now), the running timer, the catalog cached from each
provider, the aliases the user added, and the catalog and entries of the embedded `local` provider. The
journal (`nlentry.booking.journal`), the outbox (`nlentry.booking.outbox`), the catalog sync
(`nlentry.booking.sync`) and the `local` provider ask this protocol; none of them holds SQL. The
implementations:

- `nlentry.booking.store.Store`: one SQLite file per user (`nlentry.db` under NLENTRY_HOME), the
  embedded default.
- `nlentry.booking.postgres.PostgresBooking`: one user's rows in a PostgreSQL database shared by any
  number of server processes (every row carries the user's id).

Both run the same portable statements (`nlentry.booking.sql`). The methods are plain reads and writes;
the outbox's rules (claims, leases, unsettled versions, backoff) stay in the outbox, which makes its
atomic read-decide-write steps through `outbox_change`: the row is locked (SQLite: the database's write
lock; PostgreSQL: `FOR UPDATE`, or `FOR UPDATE SKIP LOCKED` for a claim, so a second flusher passes an
item being claimed instead of waiting for it) while the outbox decides what to write. Times are unix
seconds (floats) from the storage's `clock`; entries are stored whole as JSON text
(`nlentry.booking.store.entry_to_json`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any, Literal, Protocol

from nlentry.errors import NlentryError
from nlentry.model import Catalog

__all__ = [
    "ALIAS_KINDS",
    "BOOKING_TABLES",
    "Alias",
    "BookingStorage",
    "LocalRow",
    "OutboxRow",
    "StoreError",
    "TimerRow",
]

ALIAS_KINDS = ("project", "service", "client", "person")


class StoreError(NlentryError):
    """The database cannot be opened or reached, is not nlentry's, or refuses what was asked."""


@dataclass(frozen=True)
class Alias:
    """An alias the user added locally: `alias` stands for the catalog item named (or with id) `target`."""

    provider: str
    alias: str
    target: str
    kind: str | None = None


@dataclass(frozen=True)
class OutboxRow:
    """One row of the outbox as stored (`nlentry.booking.outbox` gives it meaning).

    `entry` and `sending` are entries as JSON text, `unsettled` a JSON list of such texts (or None).
    """

    key: str
    provider: str
    entry: str
    state: str
    attempts: int
    next_attempt_at: float
    last_error: str | None
    remote_id: str | None
    claimed_by: str | None
    claimed_at: float | None
    created_at: float
    updated_at: float
    day: str | None
    deleted: bool
    sending: str | None
    unsettled: str | None


@dataclass(frozen=True)
class LocalRow:
    """One entry of the embedded `local` provider as stored (`running_since` set while it is the timer)."""

    id: str
    day: str
    start_time: str | None
    end_time: str | None
    duration: int | None
    running_since: float | None
    description: str
    entry: str
    created_at: float
    updated_at: float


@dataclass(frozen=True)
class TimerRow:
    """The running timer: its provider, what its phrase said (JSON text) and when it started."""

    provider: str
    entry: str
    started_at: float


def columns(row_type: type[Any]) -> tuple[str, ...]:
    """The columns of a row type, in order (its dataclass fields)."""
    return tuple(f.name for f in fields(row_type))


#: the tables of a user's booking state and their columns, in the order a copy fills them
BOOKING_TABLES: dict[str, tuple[str, ...]] = {
    "catalog_cache": ("provider", "catalog", "synced_at"),
    "aliases": ("provider", "alias", "target", "kind", "created_at"),
    "local_catalog": ("id", "catalog", "updated_at"),
    "entries": columns(LocalRow),
    "outbox": columns(OutboxRow),
    "timer": ("id", "provider", "entry", "started_at"),
}

#: how `outbox_rows` orders: as logged (then by key), by day then as logged, or newest logged first
Order = Literal["logged", "day", "newest"]


class BookingStorage(Protocol):
    """One user's booking state; see the module docstring. Safe to share between threads."""

    #: unix time, for the timestamps written
    clock: Callable[[], float]

    # --- catalog cache, aliases, the local provider's catalog ------------------------------------

    def put_catalog(self, provider: str, catalog: Catalog, *, synced_at: float | None = None) -> float:
        """Replace the cached catalog of `provider`; returns the sync time written."""
        ...

    def get_catalog(self, provider: str) -> tuple[Catalog, float] | None:
        """The cached catalog of `provider` and its sync time, or None if it was never synced."""
        ...

    def synced_at(self, provider: str) -> float | None:
        """When `provider`'s catalog was last synced, or None."""
        ...

    def add_alias(self, provider: str, alias: str, target: str, kind: str | None = None) -> Alias:
        """Add (or replace) a local alias; `ValueError` for an empty one or an unknown kind."""
        ...

    def remove_alias(self, provider: str, alias: str) -> bool:
        """Remove a local alias (case-insensitively); True if there was one."""
        ...

    def aliases(self, provider: str | None = None) -> list[Alias]:
        """The local aliases of one provider (or of all), in the order they were added."""
        ...

    def catalog_snapshot(self, provider: str) -> Catalog | None:
        """`provider`'s cached catalog with the aliases merged, from a sound copy kept beside the database
        (SQLite: `nlentry.catalog.snapshot`), read without opening it; None when the storage keeps no
        such copy or has none now: read `get_catalog` and `aliases`, then `keep_snapshot`."""
        ...

    def keep_snapshot(self) -> None:
        """Write that copy for the next reader, when the storage keeps one and is not busy right now."""
        ...

    def set_local_catalog(self, catalog: Catalog) -> None:
        """Replace the catalog of the `local` provider."""
        ...

    def local_catalog(self) -> Catalog:
        """The catalog of the `local` provider (empty until one is imported)."""
        ...

    # --- the local provider's entries ------------------------------------------------------------

    def local_add(self, row: LocalRow) -> None:
        """Insert an entry as it is (a new timer; a copy); an existing id is an error."""
        ...

    def local_upsert(self, row: LocalRow) -> None:
        """Insert the entry, or replace the one with its id (keeping its `created_at`; not running)."""
        ...

    def local_update(self, row: LocalRow) -> bool:
        """Replace the entry with `row.id` (no longer running); False when there is none."""
        ...

    def local_delete(self, entry_id: str) -> bool:
        """Delete an entry; False when there is none."""
        ...

    def local_rows(self, *, entry_id: str | None = None, day: str | None = None,
                   running: bool = False) -> list[LocalRow]:
        """One entry by id, the entries of a day (by start time, those without last, then as created),
        or the running ones (latest start first)."""
        ...

    # --- the running timer -----------------------------------------------------------------------

    def timer(self) -> TimerRow | None:
        """The running timer, or None."""
        ...

    def set_timer(self, provider: str, entry: str, started_at: float) -> None:
        """Start the timer; one running already is an error (stop it first)."""
        ...

    def clear_timer(self) -> bool:
        """Remove the running timer; True if there was one."""
        ...

    # --- the outbox ------------------------------------------------------------------------------

    def outbox_add(self, row: OutboxRow) -> bool:
        """Insert a new item (committed when this returns); False, and nothing written, when an item
        with its key is there already."""
        ...

    def outbox_rows(self, *, keys: Sequence[str] | None = None, prefix: str | None = None,
                    states: Sequence[str] | None = None, provider: str | None = None,
                    due_by: float | None = None, undone: bool | None = None,
                    days: tuple[str, str] | None = None, order: Order = "logged") -> list[OutboxRow]:
        """The items that pass every filter given.

        Parameters:
            keys: only these keys.
            prefix: only keys starting with it.
            states: only items in these states.
            provider: only this provider's items.
            due_by: only items `posting`, or whose `next_attempt_at` is at most this.
            undone: only items undone (True) or not undone (False).
            days: only items whose day lies in [first, last] (ISO dates).
            order: "logged" (as logged, then by key), "day" (by day, then as logged) or "newest".
        """
        ...

    def outbox_keys(self) -> list[str]:
        """The keys of the items not undone, newest logged first."""
        ...

    def outbox_change(self, key: str, decide: Callable[[OutboxRow], Mapping[str, Any] | None], *,
                      skip_locked: bool = False) -> OutboxRow | None:
        """Read the item `key`, locked, and write what `decide` returns, in one transaction.

        `decide` gets the row as stored and returns the columns to change (None: change nothing); what
        it raises rolls the transaction back and propagates. Returns the row as changed; None when
        there is no such item, `decide` changed nothing, or (`skip_locked`) another transaction holds
        the item right now (PostgreSQL; SQLite waits for its write lock instead).
        """
        ...

    def outbox_update(self, key: str, values: Mapping[str, Any], *,
                      when: Mapping[str, Any] | None = None) -> bool:
        """Set `values` on the item `key` if its columns equal `when`; True if it was changed."""
        ...

    def outbox_hold(self, provider: str, until: float) -> None:
        """Push the `next_attempt_at` of the provider's pending items that are due earlier to `until`."""
        ...

    def outbox_next_due(self, provider: str | None = None) -> float | None:
        """The earliest `next_attempt_at` of a pending item (of `provider`), or None."""
        ...

    def outbox_counts(self) -> dict[str, int]:
        """The number of items in each state that has any."""
        ...

    def outbox_remote_ids(self, provider: str, *, other_than: str) -> frozenset[str]:
        """The remote ids the provider's items own, but the item `other_than`."""
        ...

    def outbox_delete(self, key: str, *, states: Sequence[str]) -> bool:
        """Delete the item if it is in one of `states`; True if it was deleted."""
        ...

    # --- copying and plumbing --------------------------------------------------------------------

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of this user's booking state: `BOOKING_TABLES`' columns, by table, in order."""
        ...

    def load(self, rows: Mapping[str, Sequence[Sequence[Any]]]) -> dict[str, int]:
        """Fill this user's empty booking state with `dump` rows, in one transaction; the rows per table.

        `StoreError` (nothing written) when the user has any booking state already.
        """
        ...

    def close(self) -> None:
        """Let go of the database (what the storage opened itself)."""
        ...
