"""Copying a user's SQLite booking state into PostgreSQL (`nlentry db migrate-from-sqlite`): all of it,
with the outbox's states, and never twice."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from booking_backends import Backend
from test_outbox import Clock, FakeProvider, entry

from nlentry.booking.outbox import Outbox
from nlentry.booking.postgres import PostgresBooking, copy_from_sqlite
from nlentry.booking.storage import BOOKING_TABLES, StoreError
from nlentry.booking.store import Store
from nlentry.model import Catalog
from nlentry.providers.base import RejectedError, TransientError
from nlentry.providers.local import LocalProvider

CATALOG = Catalog.load(Path(__file__).resolve().parent.parent / "corpus" / "catalog.json")
CET = timezone(timedelta(hours=1))


@pytest.fixture
def target(pg_url: str) -> Iterator[Backend]:
    backend = Backend("postgresql", pg_url)
    backend.add_user("alice")
    yield backend
    backend.close()


def filled(path: Path, clock: Clock) -> tuple[Store, dict[str, str]]:
    """A SQLite store with something in every table and an outbox item in every state."""
    store = Store(path, clock=clock)
    local = LocalProvider(store, now=lambda: datetime(2026, 11, 18, 9, 0, tzinfo=CET))
    local.import_catalog(CATALOG)
    store.put_catalog("fake", CATALOG)
    store.put_catalog("local", CATALOG, synced_at=clock.t - 10)
    store.add_alias("fake", "webshp", "Webshop", "project")
    store.add_alias("local", "dev", "Development")
    fake = FakeProvider()
    outbox = Outbox(store, {"fake": fake, "local": local}, clock=clock, sleep=clock.sleep)
    keys = {"posted": outbox.submit(entry(1), "local"), "undone": outbox.submit(entry(2), "local")}
    outbox.remove(keys["undone"])
    fake.script = [TransientError("the provider did not answer in time", maybe_received=True),
                   RejectedError("fake answered 422: no such project")]
    keys["pending"] = outbox.submit(entry(3), "fake")   # sent, outcome unknown: unsettled
    keys["failed"] = outbox.submit(entry(4), "fake")
    keys["never"] = outbox.submit(entry(5), "fake", post=False)
    keys["posting"] = outbox.submit(entry(6), "fake", post=False)
    (row,) = store.outbox_rows(keys=[keys["posting"]])
    store.outbox_update(keys["posting"], {"state": "posting", "attempts": 1, "claimed_at": clock.t,
                                          "claimed_by": "gone-host/x|1|t", "sending": row.entry})
    local.timer_start(entry(7))  # the local provider's running entry
    store.set_timer("fake", row.entry, clock.t - 600)  # nlentry's own timer
    return store, keys


def test_everything_is_copied_as_it_is_and_the_outbox_goes_on(tmp_path: Path, target: Backend) -> None:
    clock = Clock()
    store, keys = filled(tmp_path / "nlentry.db", clock)
    source = store.dump()
    assert all(source[table] for table in BOOKING_TABLES), "the store has rows in every table"
    assert {r.state for r in store.outbox_rows()} == {"posted", "pending", "failed", "posting"}

    pg: PostgresBooking = target.open(clock=clock)
    copied = copy_from_sqlite(store, pg)
    assert copied == {table: len(rows) for table, rows in source.items()}
    assert pg.dump() == source, "every row of every table, column for column, in the same order"
    assert store.dump() == source, "the SQLite file is only read"

    fake = FakeProvider()
    fake.entries[keys["pending"]] = (keys["pending"], entry(3))  # the unsettled send had arrived
    outbox = Outbox(pg, {"fake": fake}, clock=clock, lease=60)
    assert sorted(i.key for i in outbox.items()) == sorted(keys[k] for k in ("pending", "failed", "never",
                                                                              "posting"))
    clock.t += 61  # the dead claim's lease runs out
    report = outbox.flush(force=True)
    assert report.found == [keys["pending"]], "the unsettled send is looked for, and found"
    assert sorted(report.posted) == sorted([keys["never"], keys["posting"]]), "the dead claim taken over"
    assert fake.calls.count("create") == 2 and fake.calls.count("find") == 2
    assert fake.keys() == sorted([keys["pending"], keys["never"], keys["posting"]]), "each once"
    journal_keys = outbox.recent_keys()
    assert keys["undone"] not in journal_keys and keys["posted"] in journal_keys
    assert pg.timer() == store.timer() and pg.aliases() == store.aliases()
    day, now = date(2026, 11, 18), (lambda: datetime(2026, 11, 18, 9, 30, tzinfo=CET))
    assert LocalProvider(pg, now=now).list_day(day) == LocalProvider(store, now=now).list_day(day)
    assert len(LocalProvider(pg, now=now).list_day(day)) == 2, "the entry posted and the running timer"


def test_a_second_copy_is_refused_and_changes_nothing(tmp_path: Path, target: Backend) -> None:
    clock = Clock()
    store, _ = filled(tmp_path / "nlentry.db", clock)
    pg = target.open(clock=clock)
    copy_from_sqlite(store, pg)
    Outbox(pg, {"fake": FakeProvider()}, clock=clock).flush(force=True)  # the server has gone on since
    before = pg.dump()
    with pytest.raises(StoreError, match="holds booking state already"):
        copy_from_sqlite(store, pg)
    assert pg.dump() == before


def test_a_copy_for_a_user_the_database_does_not_have_is_refused(tmp_path: Path, target: Backend) -> None:
    store, _ = filled(tmp_path / "nlentry.db", Clock())
    nobody = target.open(user="nobody")
    with pytest.raises(StoreError, match="no user 'nobody'"):
        copy_from_sqlite(store, nobody)
    assert all(not rows for rows in nobody.dump().values())


def test_an_empty_store_copies_nothing_and_leaves_the_user_free(tmp_path: Path, target: Backend) -> None:
    pg: Any = target.open()
    assert copy_from_sqlite(Store(tmp_path / "empty.db"), pg) == dict.fromkeys(BOOKING_TABLES, 0)
    assert copy_from_sqlite(Store(tmp_path / "empty.db"), pg) == dict.fromkeys(BOOKING_TABLES, 0)
