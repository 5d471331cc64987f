"""The journal: save, amend, undo, review and time entries, with the provider up, down or refusing.

A small in-memory provider stands for the remote side and can be switched off; every test checks
what the provider holds at the end, so an amend or undo made while it was down must arrive later.
Each journal test runs on both back ends of the booking state (a SQLite file, a PostgreSQL database).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import ClassVar

import pytest
from booking_backends import BACKENDS, Backend, booking_backend

from nlentry.booking.journal import Journal, JournalError, amended, stated, totals
from nlentry.booking.store import SCHEMA_VERSION, Store, entry_to_json
from nlentry.errors import EntryRefused, InputError
from nlentry.model import Catalog, Entry
from nlentry.providers.base import Capability, Posted, RemoteEntry, TransientError

ROOT = Path(__file__).resolve().parent.parent
CET = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 24, 15, 0, tzinfo=CET)  # a Tuesday


class Remote:
    """An in-memory provider that can be down; it counts what it holds."""

    name: ClassVar[str] = "remote"
    capabilities: ClassVar[frozenset[Capability]] = frozenset(
        {Capability.CATALOG, Capability.CREATE, Capability.UPDATE, Capability.DELETE})

    def __init__(self) -> None:
        self.down = False
        self.held: dict[str, Entry] = {}
        self.calls: list[str] = []
        self._next = 0

    def _check(self, call: str) -> None:
        self.calls.append(call)
        if self.down:
            raise TransientError("remote: connection refused")

    def fetch_catalog(self) -> Catalog:
        self._check("catalog")
        return Catalog.load(ROOT / "corpus" / "catalog.json")

    def create(self, entry: Entry, *, key: str) -> Posted:
        self._check("create")
        self._next += 1
        self.held[f"r{self._next}"] = entry
        return Posted(self.name, f"r{self._next}")

    def update(self, remote_id: str, entry: Entry) -> Posted:
        self._check("update")
        assert remote_id in self.held
        self.held[remote_id] = entry
        return Posted(self.name, remote_id)

    def delete(self, remote_id: str) -> None:
        self._check("delete")
        del self.held[remote_id]

    def list_day(self, day: date) -> list[RemoteEntry]:
        return []

    def find_posted(self, entry: Entry, key: str, *, exclude: frozenset[str] = frozenset()) -> Posted | None:
        return None

    def timer_start(self, entry: Entry) -> Posted:
        raise NotImplementedError

    def timer_stop(self) -> Posted | None:
        raise NotImplementedError

    def timer_current(self) -> RemoteEntry | None:
        return None

    def close(self) -> None:
        pass


@pytest.fixture
def remote() -> Remote:
    return Remote()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    with booking_backend(request, tmp_path) as b:
        yield b


@pytest.fixture
def journal(remote: Remote, backend: Backend) -> Iterator[Journal]:
    j = Journal(backend.open(), lambda name: remote, provider="remote")
    j._syncer.sync("remote")
    yield j
    j.close()


def test_save_posts_once_and_lists(journal: Journal, remote: Remote) -> None:
    item = journal.save(journal.read("2,5 uur met Rowan aan Timi gewerkt", now=NOW))
    assert item.state == "posted"
    assert [e.duration for e in remote.held.values()] == [9000]
    assert [i.key for i in journal.entries(NOW.date(), NOW.date())] == [item.key]
    assert journal.entries(NOW.date() + timedelta(days=1), NOW.date() + timedelta(days=7)) == []


def test_an_entry_without_a_length_is_refused(journal: Journal, remote: Remote) -> None:
    with pytest.raises(EntryRefused, match="how long"):
        journal.save(journal.read("overleg aan Webshop", now=NOW))
    assert remote.held == {} and journal.last() is None


def test_amend_changes_the_posted_entry(journal: Journal, remote: Remote) -> None:
    journal.save(journal.read("gisteren van 9 tot 11 overleg aan Webshop", now=NOW))
    before, after = journal.amend("1 uur", now=NOW)
    assert before.entry.duration == 7200
    # a new length keeps the start and moves the end
    assert (after.entry.start, after.entry.end, after.entry.duration) == (time(9), time(10), 3600)
    assert after.state == "posted" and after.remote_id == before.remote_id
    assert [e.duration for e in remote.held.values()] == [3600]
    assert remote.calls.count("create") == 1 and remote.calls.count("update") == 1


def test_amend_and_undo_made_offline_arrive_later(journal: Journal, remote: Remote) -> None:
    first = journal.save(journal.read("2 uur testen aan Webshop", now=NOW))
    second = journal.save(journal.read("1 uur overleg aan Intranet", now=NOW))
    remote.down = True
    _, changed = journal.amend("3 uur", key=first.key, now=NOW)
    undone = journal.undo()  # the last one: second
    assert undone.key == second.key and undone.deleted
    assert changed.state == "pending" and undone.state == "pending"
    assert sorted(e.duration for e in remote.held.values()) == [3600, 7200]  # nothing reached it yet
    remote.down = False
    journal.flush()
    assert [e.duration for e in remote.held.values()] == [10800]
    assert [i.key for i in journal.entries(NOW.date(), NOW.date())] == [first.key]
    assert journal.outbox.counts()["pending"] == 0


def test_undo_of_an_entry_never_posted_asks_no_provider(journal: Journal, remote: Remote) -> None:
    item = journal.save(journal.read("2 uur testen", now=NOW), post=False)
    undone = journal.undo()
    assert undone.key == item.key and undone.state == "posted" and undone.deleted
    assert "create" not in remote.calls and "delete" not in remote.calls
    with pytest.raises(JournalError, match="nothing to undo"):
        journal.undo()


def test_amend_a_failed_entry_gives_it_another_try(journal: Journal, remote: Remote) -> None:
    remote.down = True
    item = journal.save(journal.read("2 uur testen", now=NOW))
    assert item.state == "pending"
    remote.down = False
    _, after = journal.amend("gisteren", now=NOW)
    assert after.state == "posted" and after.entry.date == date(2026, 11, 23)
    assert [e.date for e in remote.held.values()] == [date(2026, 11, 23)]


def test_undo_walks_back_and_nothing_left(journal: Journal) -> None:
    keys = [journal.save(journal.read(f"{n} uur testen", now=NOW)).key for n in (1, 2, 3)]
    assert [journal.undo().key for _ in keys] == keys[::-1]
    with pytest.raises(JournalError):
        journal.amend("1 uur", now=NOW)


def test_amend_with_nothing_to_change(journal: Journal) -> None:
    journal.save(journal.read("2 uur testen", now=NOW))
    with pytest.raises(InputError, match="nothing to change"):
        journal.amend("project", now=NOW)


def entry(text: str) -> Entry:
    from nlentry import parse

    return parse(text, catalog=Catalog.load(ROOT / "corpus" / "catalog.json"), now=NOW)


def test_amended_keeps_what_the_phrase_does_not_state() -> None:
    old = entry("maandag van 9 tot 11 overleg met Rowan aan Webshop")
    assert old.date == date(2026, 11, 23)
    new = amended(old, entry("project Configurator"))
    assert new.project is not None and new.project.name == "Configurator"
    assert (new.date, new.start, new.end, new.duration) == (old.date, old.start, old.end, old.duration)
    assert new.persons == old.persons and new.description == old.description  # "project" is a field word
    moved = amended(old, entry("gisteren"))
    assert moved.date == date(2026, 11, 23) and moved.start == time(9)
    moved = amended(old, entry("vrijdag"))
    assert moved.date == date(2026, 11, 20) and "date" not in moved.implied
    ranged = amended(old, entry("13:00-14:30"))
    assert (ranged.start, ranged.end, ranged.duration) == (time(13), time(14, 30), 5400)
    described = amended(old, entry("review van de offerte"))
    assert described.description == "review van de offerte"


def test_stated_reads_spans_not_defaults() -> None:
    assert stated(entry("2 uur testen")) == {"duration", "service"}
    assert stated(entry("gisteren 9-11 met Rowan")) >= {"date", "start", "end", "persons"}


def test_totals_by_field() -> None:
    entries = [entry("2 uur testen aan Webshop met Rowan"), entry("1 uur overleg aan Webshop"),
               entry("30 min overleg met Rowan en Kaat")]
    assert totals(entries, "project")[0] == ("Webshop", 10800, 2)
    by_person = dict((n, s) for n, s, _ in totals(entries, "person"))
    assert by_person["Rowan"] == 7200 + 1800 and by_person[""] == 3600
    assert totals(entries, "day") == [("2026-11-24", 12600, 3)]
    with pytest.raises(ValueError):
        totals(entries, "colour")


def test_timer_back_dated_switched_and_stopped(journal: Journal, remote: Remote) -> None:
    timer, previous = journal.start(journal.read("om 9 uur overleg aan Webshop", now=NOW), now=NOW)
    assert previous is None and timer.started == datetime(2026, 11, 24, 9, 0, tzinfo=CET)
    assert journal.timer(now=NOW) is not None
    # switching tasks: the running timer is saved up to the new start
    later = NOW.replace(hour=10, minute=30)
    timer2, previous = journal.start(journal.read("testen aan Intranet", now=later), now=later)
    assert previous is not None and previous.entry.duration == 5400
    assert (previous.entry.start, previous.entry.end) == (time(9), time(10, 30))
    saved = journal.stop("aan Timi", now=NOW.replace(hour=12, minute=0, second=20))
    assert saved.entry.duration == 5400 and saved.entry.project is not None
    assert saved.entry.project.name == "Timi" and saved.entry.service is not None
    assert journal.timer(now=NOW) is None
    assert len(remote.held) == 2
    with pytest.raises(JournalError, match="no timer"):
        journal.stop(now=NOW)


def test_timer_refuses_a_future_start_and_can_be_cancelled(journal: Journal) -> None:
    with pytest.raises(JournalError, match="future"):
        journal.start(journal.read("om 17 uur testen", now=NOW), now=NOW)
    journal.start(journal.read("testen", now=NOW), now=NOW)
    cancelled = journal.cancel(now=NOW)
    assert cancelled.entry.service is not None and cancelled.entry.service.name == "Testing"
    assert journal.timer(now=NOW) is None and journal.last() is None


def test_timer_past_midnight_is_booked_on_its_first_day(journal: Journal) -> None:
    evening = datetime(2026, 11, 23, 23, 0, tzinfo=CET)
    journal.start(journal.read("deploy", now=evening), now=evening)
    saved = journal.stop(now=evening + timedelta(hours=2))
    assert saved.entry.date == date(2026, 11, 23) and saved.entry.duration == 7200
    assert any("midnight" in w for w in saved.entry.warnings)


def test_a_version_1_database_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "nlentry.db"
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE outbox (key TEXT PRIMARY KEY, provider TEXT NOT NULL, entry TEXT NOT NULL,
            state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at REAL NOT NULL,
            last_error TEXT, remote_id TEXT, claimed_by TEXT, claimed_at REAL, created_at REAL NOT NULL,
            updated_at REAL NOT NULL);
        PRAGMA user_version = 1;""")
    old = entry("gisteren 2 uur testen")
    db.execute("INSERT INTO outbox VALUES ('k1', 'local', ?, 'posted', 1, 0, NULL, 'k1', NULL, NULL, 1, 1)",
               (entry_to_json(old),))
    db.commit()
    db.close()
    with Store(path) as store:
        rows = store.query("SELECT day, deleted FROM outbox")
        assert [(r["day"], r["deleted"]) for r in rows] == [("2026-11-23", 0)]
        assert store.query("PRAGMA user_version")[0][0] == SCHEMA_VERSION
        assert store.query("SELECT COUNT(*) FROM timer")[0][0] == 0


def test_amend_reads_the_fix_in_its_own_language(journal: Journal) -> None:
    journal.save(journal.read("1h30 code review yesterday", now=NOW))
    _, after = journal.amend("vandaag", now=NOW)
    assert after.entry.date == NOW.date() and after.entry.description == "code review"


def test_a_stale_catalog_is_refreshed_beside_a_save_and_read_after(remote: Remote, backend: Backend) -> None:
    journal = Journal(backend.open(), lambda name: remote, provider="remote", max_age=0.0)
    journal._syncer.sync("remote")
    assert journal.catalog is not None and "Nieuw Project" not in {p.name for p in journal.catalog.projects}
    fresh = Catalog.load(ROOT / "corpus" / "catalog.json").to_dict()
    fresh["projects"].append({"id": 999, "name": "Nieuw Project"})
    remote.fetch_catalog = lambda: Catalog.from_dict(fresh)  # type: ignore[method-assign]
    journal.save(journal.read("2 uur testen", now=NOW))  # stale: a refresh runs beside the post
    for thread in list(journal._refreshes):
        thread.join(10)
    assert "Nieuw Project" in {p.name for p in journal.catalog.projects}
    assert journal.read("1 uur aan Nieuw Project", now=NOW).project is not None
    journal.close()


def test_a_fresh_sync_time_is_asked_once_per_max_age(remote: Remote, backend: Backend) -> None:
    """A save checks whether the catalog is stale; a sync time seen fresh is not asked again until it has
    grown old (a cache's sync time only moves on), and then the one another process stored is found."""
    from nlentry.booking.sync import Syncer

    now = [1000.0]
    storage = backend.open(clock=lambda: now[0])
    asked: list[str] = []
    real = storage.synced_at
    storage.synced_at = lambda provider: asked.append(provider) or real(provider)
    syncer = Syncer(storage, lambda name: remote, max_age=60.0)
    assert syncer.is_stale("remote") and asked == ["remote"]  # never synced
    syncer.sync("remote")
    for _ in range(3):
        assert not syncer.is_stale("remote")
    assert asked == ["remote"]  # fresh since its own sync: not asked
    now[0] += 50
    Syncer(backend.open(clock=lambda: now[0]), lambda name: remote).sync("remote")  # another process
    now[0] += 30  # 80 s after the sync this syncer saw, 30 s after the other one
    assert not syncer.is_stale("remote") and asked == ["remote", "remote"]  # asked, and found fresh
    now[0] += 61
    assert syncer.is_stale("remote")


def test_the_catalog_snapshot_is_the_storages_own_business(remote: Remote, backend: Backend) -> None:
    """The syncer asks the storage protocol for a snapshot of the merged catalog: SQLite keeps one beside
    its file (written after a read of the database), PostgreSQL none; both give the same catalog."""
    from nlentry.booking.sync import Syncer

    storage = backend.open()
    syncer = Syncer(storage, lambda name: remote)
    syncer.sync("remote")
    storage.add_alias("remote", "webshp", "Webshop")
    merged = syncer.cached_catalog("remote")
    assert merged is not None and "webshp" in {a for p in merged.projects for a in p.aliases}
    kept = storage.catalog_snapshot("remote")
    assert kept == (merged if backend.kind == "sqlite" else None)
    assert storage.catalog_snapshot("never-synced") is None
    storage.keep_snapshot()  # nothing to keep on PostgreSQL; SQLite writes it again
    assert syncer.cached_catalog("remote") == merged


def test_open_on_another_storage_keeps_the_journal_and_the_local_providers_entries_there(
        backend: Backend, tmp_path: Path) -> None:
    from nlentry.providers.local import LocalProvider

    home = tmp_path / "home"
    storage = backend.open()
    LocalProvider(storage).import_catalog(Catalog.load(ROOT / "corpus" / "catalog.json"))
    env = {"NLENTRY_HOME": str(home), "NLENTRY_KEYRING": "0"}
    with Journal.open(env, provider="local", storage=storage) as journal:
        saved = journal.save(journal.read("2 uur testen", now=NOW))
        assert saved.state == "posted" and journal.entries(NOW.date(), NOW.date())[0].key == saved.key
    listed = LocalProvider(backend.open()).list_day(NOW.date())
    assert [(e.key, e.duration) for e in listed] == [(saved.key, 7200)], "posted into the same storage"
    assert not (home / "nlentry.db").exists(), "nothing in a SQLite file under NLENTRY_HOME"

