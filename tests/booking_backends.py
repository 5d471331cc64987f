"""The two back ends of a user's booking state, for tests that run on both (SQLite and PostgreSQL).

Usage, in a test module::

    from booking_backends import BACKENDS, Backend, booking_backend

    @pytest.fixture(params=BACKENDS)
    def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
        with booking_backend(request, tmp_path) as b:
            yield b

    def test_x(backend: Backend) -> None:
        store = backend.open(clock=clock)     # a BookingStorage of the user "alice"
        other = backend.open()                # another connection, as another process would have

SQLite is a `Store` on one file in the test's folder; PostgreSQL is a fresh database of the session's
throwaway cluster (`pg_url`, tests/conftest.py) with the user `alice`, and each `open` makes a pool of
its own, as another server process would.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from nlentry.booking.storage import BookingStorage

__all__ = ["BACKENDS", "USER", "Backend", "booking_backend"]

BACKENDS = ["sqlite", "postgresql"]
USER = "alice"


class Backend:
    """Opens handles on one user's booking state; closes them all at the end of the test."""

    def __init__(self, kind: str, where: str) -> None:
        self.kind = kind
        self.where = where  # the SQLite file, or the PostgreSQL URL
        self._closing: list[Callable[[], None]] = []

    def open(self, *, clock: Callable[[], float] = time.time, user: str = USER) -> Any:
        """A new `BookingStorage` on the same state (its own connection or pool)."""
        storage: BookingStorage
        if self.kind == "sqlite":
            from nlentry.booking.store import Store

            storage = Store(self.where, clock=clock)
            self._closing.append(storage.close)
            return storage
        from psycopg_pool import ConnectionPool

        from nlentry.booking.postgres import PostgresBooking

        pool: ConnectionPool[Any] = ConnectionPool(self.where, min_size=1, max_size=4, open=True,
                                                   kwargs={"autocommit": True}, timeout=10)
        self._closing.append(pool.close)
        return PostgresBooking(pool, user, clock=clock)

    def add_user(self, user: str) -> None:
        """Another user of the same database (PostgreSQL; SQLite has one user per file)."""
        import psycopg

        with psycopg.connect(self.where, autocommit=True) as conn:
            conn.execute("INSERT INTO users (id, locale, created_at) VALUES (%s, NULL, 0)", (user,))

    def close(self) -> None:
        for close in reversed(self._closing):
            with contextlib.suppress(Exception):
                close()


@contextlib.contextmanager
def booking_backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    """The back end named by `request.param` ("sqlite" or "postgresql")."""
    if request.param == "sqlite":
        backend = Backend("sqlite", str(tmp_path / "nlentry.db"))
    else:
        backend = Backend("postgresql", request.getfixturevalue("pg_url"))
        backend.add_user(USER)
    try:
        yield backend
    finally:
        backend.close()
