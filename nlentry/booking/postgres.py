"""One user's booking state in PostgreSQL, beside every other user's: the server's shared store.

Usage::

    from nlentry.booking.postgres import PostgresBooking, copy_from_sqlite

    booking = PostgresBooking(storage.pool, "alice")     # the server's pool (nlentry.server.pg)
    journal = Journal(booking, build, provider="timi")   # or Journal.open(env, storage=booking)
    copy_from_sqlite(Store(home / "nlentry.db"), booking)   # `nlentry db migrate-from-sqlite`
    due_users(storage.pool, now=time.time())             # whose outbox a worker should flush now

`PostgresBooking` is the PostgreSQL `BookingStorage` (`nlentry.booking.storage`): the same statements as
the SQLite file (`nlentry.booking.sql`), on the tables of migration `0002_booking.sql` (applied by
`nlentry db upgrade`), every row scoped to the user's id. It borrows a connection from the pool for
each statement or transaction and gives it back at once, so any number of users' journals share one
pool, and no connection is held while a provider is asked. Any number of processes on any number of
hosts may flush the same user's outbox: the outbox claims an item with `SELECT ... FOR UPDATE SKIP
LOCKED` and a lease (see `nlentry.booking.outbox`). The pool belongs to whoever made it (the server's
`PostgresStorage`): `close` leaves it open. A database that cannot be reached raises `StoreError`; a
one-statement write that PostgreSQL rolls back as a deadlock victim (another process locked the same
rows in another order) is run again. psycopg is imported only here, and only when used.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from nlentry.booking.sql import POSTGRES, SqlBooking, Tx
from nlentry.booking.storage import StoreError

if TYPE_CHECKING:
    import psycopg
    from psycopg_pool import ConnectionPool

    from nlentry.booking.store import Store

__all__ = ["PostgresBooking", "copy_from_sqlite", "due_users"]


class PostgresBooking(SqlBooking):
    """One user's booking state in PostgreSQL; see the module docstring.

    Parameters:
        pool: a `psycopg_pool.ConnectionPool` on a database with nlentry's migrations applied
            (autocommit connections or not: every write runs in a transaction of its own).
        user_id: the user whose rows these are (a row of the `users` table).
        clock: unix time, for the timestamps written (tests pass a fake).
    """

    dialect = POSTGRES

    def __init__(self, pool: ConnectionPool[Any], user_id: str, *,
                 clock: Callable[[], float] = time.time) -> None:
        self.pool = pool
        self.user_id = user_id
        self.clock = clock

    @contextmanager
    def _write(self) -> Iterator[Tx]:
        from psycopg.rows import dict_row

        with _borrowed(self.pool) as conn, conn.transaction(), conn.cursor(row_factory=dict_row) as cur:
            yield Tx(_Statements(cur), POSTGRES, self.user_id)

    @contextmanager
    def _write_one(self) -> Iterator[Tx]:
        from psycopg.rows import dict_row

        # one statement is a transaction of its own: on an autocommit connection (the server's pool) it
        # goes without BEGIN and COMMIT, each a round trip of its own
        with _borrowed(self.pool) as conn, contextlib.ExitStack() as stack:
            if not conn.autocommit:
                stack.enter_context(conn.transaction())
            cur = stack.enter_context(conn.cursor(row_factory=dict_row))
            yield Tx(_Statements(cur), POSTGRES, self.user_id)

    @contextmanager
    def _read(self) -> Iterator[Tx]:
        from psycopg.rows import dict_row

        with _borrowed(self.pool) as conn, conn.cursor(row_factory=dict_row) as cur:
            yield Tx(_Statements(cur), POSTGRES, self.user_id)

    def _count(self, text: str, **params: Any) -> int:
        # One statement is safe to run again: one that PostgreSQL chose as a deadlock victim (another
        # process's transaction locked the same rows in another order) is tried again, not surfaced.
        for attempt in range(1, _TRIES + 1):
            try:
                return super()._count(text, **params)
            except Conflict:
                if attempt == _TRIES:
                    raise
                time.sleep(0.01 * attempt)
        raise AssertionError("unreachable")

    def _before_load(self, tx: Tx) -> None:
        # the user's row locked: two copies for one user take turns, and the second finds the first's rows
        if tx.one("SELECT id FROM users WHERE id = :user FOR UPDATE") is None:
            raise StoreError(f"there is no user {self.user_id!r} in the database: add the user first")

    def close(self) -> None:
        """Nothing to let go of: the pool is its owner's."""

    def __repr__(self) -> str:
        return f"PostgresBooking(user {self.user_id!r})"


class Conflict(StoreError):
    """PostgreSQL rolled a transaction back because it conflicted with another (a deadlock)."""


_TRIES = 3  # runs of a single-statement write that conflicted with another transaction


class _Statements:
    """A cursor whose `execute` takes the statement as a plain `str` (psycopg's typing wants literals)."""

    def __init__(self, cursor: psycopg.Cursor[Any]) -> None:
        self.cursor = cursor

    def execute(self, sql: str, params: dict[str, Any]) -> psycopg.Cursor[Any]:
        return self.cursor.execute(sql.encode(), params)


def copy_from_sqlite(sqlite_store: Store, pg_booking: PostgresBooking) -> dict[str, int]:
    """Copy one user's SQLite booking state into PostgreSQL, whole, in one transaction.

    Everything moves as it is: the journal and outbox rows with their states (pending, posting, failed
    and posted, undone ones too, with their attempts, unsettled versions and claims: an item a dead
    process was posting is taken over once its lease runs out, and the new holder looks for what it
    sent), the running timer, the catalog caches, the aliases, and the `local` provider's catalog and
    entries. The SQLite file is only read (opening it as a `Store` brings an older file's schema up to
    date first; a `Store` on a path that does not exist creates an empty file, so check first).
    Refuses (`StoreError`, nothing written) when the user has any booking state in PostgreSQL
    already, so running it twice never doubles or overwrites anything; the user must exist in the
    `users` table. Returns the rows copied per table.
    """
    return pg_booking.load(sqlite_store.dump())


def due_users(pool: ConnectionPool[Any], *, now: float) -> list[str]:
    """The users whose outbox has work for a flusher: an item pending and due by `now`, or one being
    posted (its claim may have lapsed; `Outbox.flush` leaves a live one alone). One statement over every
    user's outbox (index `outbox_waiting`), so a server's worker loop need not flush every user."""
    with _borrowed(pool) as conn:
        rows = conn.execute("SELECT DISTINCT user_id FROM outbox WHERE state = 'posting' "
                            "OR (state = 'pending' AND next_attempt_at <= %s) ORDER BY user_id",
                            (now,)).fetchall()
    return [str(row[0]) for row in rows]


@contextmanager
def _borrowed(pool: ConnectionPool[Any]) -> Iterator[psycopg.Connection[Any]]:
    """A connection of the pool; a database that is down, refuses, or has no connection free in time is
    a `StoreError` (a transaction it rolled back for a conflict: `Conflict`), its text redacted."""
    import psycopg

    try:
        with pool.connection() as conn:
            yield conn
    except psycopg.OperationalError as exc:
        if (exc.sqlstate or "").startswith("40"):  # rolled back: deadlock, serialization failure
            raise Conflict(f"the booking database rolled a write back: {type(exc).__name__}") from None
        from nlentry.config import redact

        first = redact(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        raise StoreError(f"the booking database cannot be reached: {first}") from None
