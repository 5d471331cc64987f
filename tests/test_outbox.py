"""The durable outbox under faults: nothing lost, nothing doubled.

A small in-test provider (`FakeProvider`) stands for the remote side. It can be told, call by call,
to be down, slow (a timeout after it stored the entry), to answer 500 or 429 with Retry-After, to
reject, to refuse credentials, or to "kill the process" (a BaseException, which nothing catches,
before or after it stored the entry). It counts what it holds, so every test ends with the same
check: each entry exists exactly once at the provider, and the outbox lost none.

Every test that keeps state runs on both back ends of the booking state (`backend`: a SQLite file, and
a PostgreSQL database of the session's throwaway cluster); tests/test_outbox_pg.py adds what only
PostgreSQL has (flushers in several processes, SKIP LOCKED).
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import date
from datetime import time as clock_time
from pathlib import Path
from typing import Any, ClassVar

import pytest
from booking_backends import BACKENDS, Backend, booking_backend

from nlentry.booking.outbox import Backoff, Outbox, _host
from nlentry.booking.storage import BookingStorage
from nlentry.booking.store import entry_from_json, entry_to_json
from nlentry.model import Entry, Ref
from nlentry.providers.base import (
    AuthError,
    Capability,
    Posted,
    RejectedError,
    RemoteEntry,
    TransientError,
)
from nlentry.providers.local import LocalProvider

T0 = 1_800_000_000.0


class Killed(BaseException):
    """The process dies here: nothing in nlentry may catch it (it is not an Exception)."""


class FakeProvider:
    """An in-memory provider. `idempotent=False` makes it behave like Timi: no client ids, a new
    remote id on every create, so only `find_posted` (same day, duration, text) prevents doubles."""

    name: ClassVar[str] = "fake"
    capabilities: ClassVar[frozenset[Capability]] = frozenset(
        {Capability.CATALOG, Capability.CREATE, Capability.LIST})

    def __init__(self, *, idempotent: bool = True, delay: float = 0.0) -> None:
        self.idempotent = idempotent
        self.delay = delay
        self.script: list[str | BaseException] = []   # one action per create call, then "ok"
        self.entries: dict[str, tuple[str, Entry]] = {}  # remote id -> (key, entry)
        self.calls: list[str] = []
        self._lock = threading.Lock()
        self._counter = 0

    def _store(self, entry: Entry, key: str) -> str:
        with self._lock:
            if self.idempotent:
                self.entries[key] = (key, entry)
                return key
            self._counter += 1
            remote = f"r{self._counter}"
            self.entries[remote] = (key, entry)
            return remote

    def create(self, entry: Entry, *, key: str) -> Posted:
        with self._lock:
            action = self.script.pop(0) if self.script else "ok"
            self.calls.append("create")
        if self.delay:
            time.sleep(self.delay)
        if action == "stored-then-timeout":   # the server stored it, the answer never came
            self._store(entry, key)
            raise TransientError("the provider did not answer in time", maybe_received=True)
        if action == "stored-then-killed":
            self._store(entry, key)
            raise Killed()
        if isinstance(action, BaseException):
            raise action
        return Posted(self.name, self._store(entry, key))

    def find_posted(self, entry: Entry, key: str, *, exclude: frozenset[str] = frozenset()) -> Posted | None:
        with self._lock:
            self.calls.append("find")
            for remote, (k, e) in self.entries.items():
                if remote in exclude:
                    continue
                if self.idempotent and k == key:
                    return Posted(self.name, remote)
                same = (e.date, e.duration, e.text) == (entry.date, entry.duration, entry.text)
                if not self.idempotent and same:
                    return Posted(self.name, remote)
        return None

    def keys(self) -> list[str]:
        return sorted(k for k, _ in self.entries.values())

    # the rest of the protocol, unused here
    def fetch_catalog(self) -> Any: ...
    def update(self, remote_id: str, entry: Entry) -> Posted: raise NotImplementedError
    def delete(self, remote_id: str) -> None: raise NotImplementedError
    def list_day(self, day: date) -> list[RemoteEntry]: return []
    def timer_start(self, entry: Entry) -> Posted: raise NotImplementedError
    def timer_stop(self) -> Posted | None: return None
    def timer_current(self) -> RemoteEntry | None: return None
    def close(self) -> None: pass


class Clock:
    """A fake clock; `sleep` advances it."""

    def __init__(self, t: float = T0) -> None:
        self.t = t
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.t += seconds


def entry(n: int = 1, *, text: str | None = None) -> Entry:
    return Entry(text=text or f"entry {n}", locale="en", date=date(2026, 11, 18), duration=600 * n,
                 project=Ref(52, "Webshop"), description=f"work {n}")


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    with booking_backend(request, tmp_path) as b:
        yield b


@pytest.fixture
def store(backend: Backend, clock: Clock) -> BookingStorage:
    return backend.open(clock=clock)


def outbox_for(store: BookingStorage, fake: FakeProvider, clock: Clock, **kw: Any) -> Outbox:
    return Outbox(store, {"fake": fake}, clock=clock, sleep=clock.sleep, **kw)


def assert_exactly_once(fake: FakeProvider, keys: list[str], store: BookingStorage) -> None:
    assert fake.keys() == sorted(keys), "every entry exactly once at the provider"
    states = {r.key: r.state for r in store.outbox_rows()}
    assert set(states) == set(keys), "nothing lost from the outbox"
    assert set(states.values()) == {"posted"}


# --- the happy path and the order of things ------------------------------------------------------


def test_submit_commits_before_it_posts(store: BookingStorage, clock: Clock, backend: Backend) -> None:
    seen: list[str] = []
    other = backend.open()  # another connection, as another process would see the database

    class Watching(FakeProvider):
        def create(self, e: Entry, *, key: str) -> Posted:
            seen.extend(r.state for r in other.outbox_rows(keys=[key]))
            return super().create(e, key=key)

    fake = Watching()
    key = outbox_for(store, fake, clock).submit(entry(), "fake")
    assert seen == ["posting"], "the entry was committed (and claimed) before the provider heard of it"
    item = outbox_for(store, fake, clock).item(key)
    assert item is not None and item.state == "posted" and item.remote_id == key and item.attempts == 1
    assert_exactly_once(fake, [key], store)


def test_entries_round_trip_through_the_database_whole() -> None:
    e = Entry(text="9-10:30 overleg", locale="nl", date=date(2026, 11, 18), start=clock_time(9),
              end=clock_time(10, 30), duration=5400, project=Ref("#x", "x"), persons=(Ref(None, "Rowan"),),
              tags=("a",), billable=True, implied=frozenset({"date"}))
    assert entry_from_json(entry_to_json(e)) == e


# --- faults --------------------------------------------------------------------------------------


def test_provider_down_keeps_the_entry_pending_then_posts_it_once(store: BookingStorage,
                                                                  clock: Clock) -> None:
    fake = FakeProvider()
    fake.script = [TransientError("cannot reach the provider: connection refused")]
    outbox = outbox_for(store, fake, clock)
    key = outbox.submit(entry(), "fake")
    item = outbox.item(key)
    assert item is not None and item.state == "pending" and item.attempts == 1
    assert item.last_error is not None and "connection refused" in item.last_error
    assert item.next_attempt_at == T0 + 2.0  # the first backoff step

    assert outbox.flush().posted == [], "not due yet"
    clock.t += 2.0
    report = outbox.flush()
    assert report.found == [] and report.posted == [key]
    assert fake.calls == ["create", "create"], "a refused connection stored nothing: no look first"
    assert_exactly_once(fake, [key], store)


def test_slow_provider_that_stored_the_entry_before_timing_out_is_not_posted_again(
        store: BookingStorage, clock: Clock) -> None:
    for idempotent in (True, False):
        fake = FakeProvider(idempotent=idempotent)
        fake.script = ["stored-then-timeout"]
        outbox = outbox_for(store, fake, clock)
        key = outbox.submit(entry(text=f"slow {idempotent}"), "fake")
        assert outbox.item(key).state == "pending"  # type: ignore[union-attr]
        report = outbox.flush(force=True)
        assert report.found == [key] and report.posted == []
        assert fake.calls == ["create", "find"]
        assert len(fake.entries) == 1


def test_500_then_200(store: BookingStorage, clock: Clock) -> None:
    fake = FakeProvider()
    fake.script = [TransientError("the provider answered 500: internal error")]
    outbox = outbox_for(store, fake, clock)
    key = outbox.submit(entry(), "fake")
    clock.t += 10
    assert outbox.flush().posted == [key]
    assert outbox.item(key).attempts == 2  # type: ignore[union-attr]
    assert_exactly_once(fake, [key], store)


def test_429_storm_honours_retry_after_and_costs_one_request_per_flush(store: BookingStorage,
                                                                       clock: Clock) -> None:
    fake = FakeProvider()
    outbox = outbox_for(store, fake, clock)
    keys = [outbox.submit(entry(n), "fake", post=False) for n in range(1, 11)]
    storm = [TransientError("the provider answered 429: rate limit exceeded", retry_after=30.0)
             for _ in range(5)]
    fake.script = list(storm)
    for _ in range(5):
        report = outbox.flush()
        assert len(report.retrying) == 1 and len(report.deferred) == 9, "one request, the rest wait"
        nxt = {r.next_attempt_at for r in store.outbox_rows()}
        assert nxt == {clock.t + 30.0}, "Retry-After honoured, for the whole provider"
        assert outbox.flush().posted == [], "nothing is due before Retry-After has passed"
        clock.t += 30.0
    report = outbox.flush()
    assert sorted(report.posted + report.found) == sorted(keys)
    assert fake.calls.count("create") == 5 + 10
    assert_exactly_once(fake, keys, store)


def test_drain_sleeps_until_retry_after_then_finishes(store: BookingStorage, clock: Clock) -> None:
    fake = FakeProvider()
    outbox = outbox_for(store, fake, clock)
    keys = [outbox.submit(entry(n), "fake", post=False) for n in range(1, 4)]
    fake.script = [TransientError("429", retry_after=7.0), TransientError("429", retry_after=7.0)]
    report = outbox.drain(timeout=60)
    assert clock.slept == [7.0, 7.0]
    assert sorted(report.posted + report.found) == sorted(keys) and report.ok
    assert_exactly_once(fake, keys, store)


def test_rejected_entries_fail_with_the_providers_message_and_can_be_retried(store: BookingStorage,
                                                                             clock: Clock) -> None:
    fake = FakeProvider()
    fake.script = [RejectedError("timi answered 422: project_id is not valid")]
    outbox = outbox_for(store, fake, clock)
    key = outbox.submit(entry(), "fake")
    item = outbox.item(key)
    assert item is not None and item.state == "failed"
    assert item.last_error == "timi answered 422: project_id is not valid"
    assert outbox.flush(force=True).posted == [], "failed entries wait for the user"
    assert outbox.retry(key[:8]) and outbox.item(key).state == "pending"  # type: ignore[union-attr]
    assert outbox.flush().posted == [key]
    assert_exactly_once(fake, [key], store)


def test_refused_credentials_keep_the_entry_pending_and_are_reported(store: BookingStorage,
                                                                     clock: Clock) -> None:
    fake = FakeProvider()
    fake.script = [AuthError("timi refused the credentials (401)")]
    outbox = outbox_for(store, fake, clock)
    key = outbox.submit(entry(), "fake", post=False)
    report = outbox.flush()
    assert report.blocked == {"fake": "auth: timi refused the credentials (401)"}
    assert outbox.item(key).state == "pending"  # type: ignore[union-attr]


def test_an_item_another_flusher_took_between_commit_and_claim_is_posted_once(backend: Backend,
                                                                               clock: Clock) -> None:
    """`save` claims a new item in one conditional statement; when another flusher (another process's
    worker) took it in between, it leaves the item to it and answers with the item as that one left it."""
    fake = FakeProvider()
    other = outbox_for(backend.open(clock=clock), fake, clock)
    taken: list[Any] = []
    mine = outbox_for(backend.open(clock=clock), fake, clock,
                      on_submit=lambda provider: taken.append(other.flush(force=True)))
    item = mine.save(entry(), "fake")
    assert taken[0].posted == [item.key]  # the other flusher posted it after the commit
    assert item.state == "posted" and item.remote_id is not None and item.attempts == 1
    assert fake.calls.count("create") == 1
    assert_exactly_once(fake, [item.key], mine.store)
    again = mine.save(entry(), "fake", key=item.key)  # the same key again (a retried request)
    assert again == item and fake.calls.count("create") == 1


def test_save_answers_with_the_item_as_posted_without_reading_it_again(store: BookingStorage,
                                                                      clock: Clock) -> None:
    fake = FakeProvider()
    outbox = outbox_for(store, fake, clock)
    item = outbox.save(entry(), "fake")
    assert item == outbox.item(item.key)  # what the flusher wrote is what is stored
    assert item.state == "posted" and item.attempts == 1
    pending = outbox.save(entry(2), "fake", post=False)
    assert pending == outbox.item(pending.key) and pending.state == "pending"


def test_process_killed_between_commit_and_post(backend: Backend, clock: Clock) -> None:
    fake = FakeProvider()

    def die(provider: str) -> None:  # runs after the commit, before the post
        raise Killed()

    with pytest.raises(Killed):
        outbox_for(backend.open(clock=clock), fake, clock, on_submit=die).submit(entry(), "fake")
    assert fake.calls == [], "the provider never heard of it"

    fresh = backend.open(clock=clock)   # the next process
    report = outbox_for(fresh, fake, clock).flush()
    assert len(report.posted) == 1
    assert_exactly_once(fake, report.posted, fresh)


@pytest.mark.parametrize("idempotent", [True, False], ids=["client-ids", "no-client-ids"])
def test_process_killed_after_the_provider_stored_it(backend: Backend, clock: Clock,
                                                     idempotent: bool) -> None:
    fake = FakeProvider(idempotent=idempotent)
    fake.script = ["stored-then-killed"]
    with pytest.raises(Killed):
        outbox_for(backend.open(clock=clock), fake, clock).submit(entry(), "fake")
    fresh = backend.open(clock=clock)
    outbox = outbox_for(fresh, fake, clock, lease=300)
    assert outbox.flush().found == [], "a claim within its lease (this process) is respected"
    clock.t += 301
    report = outbox.flush()
    assert len(report.found) == 1 and report.posted == []
    assert len(fake.entries) == 1
    assert_exactly_once(fake, report.found, fresh)


def test_a_claim_of_a_dead_process_is_taken_over_at_once(store: BookingStorage, clock: Clock) -> None:
    fake = FakeProvider()
    outbox = outbox_for(store, fake, clock)
    key = outbox.submit(entry(), "fake", post=False)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)
    (row,) = store.outbox_rows(keys=[key])
    store.outbox_update(key, {"state": "posting", "attempts": 1, "claimed_at": clock.t, "sending": row.entry,
                              "claimed_by": f"{_host()}|{dead.stdout.strip()}|x"})
    report = outbox.flush()
    assert report.posted == [key] and fake.calls == ["find", "create"]


def test_a_bug_in_a_provider_gives_the_item_back_and_surfaces(store: BookingStorage, clock: Clock) -> None:
    fake = FakeProvider()
    fake.script = [KeyError("oops")]
    outbox = outbox_for(store, fake, clock)
    key = outbox.submit(entry(), "fake", post=False)
    with pytest.raises(KeyError):
        outbox.flush()
    item = outbox.item(key)
    assert item is not None and item.state == "pending"
    assert "internal error: KeyError" in (item.last_error or "")


@pytest.mark.parametrize("idempotent", [True, False], ids=["client-ids", "no-client-ids"])
def test_two_concurrent_flushes_post_every_entry_exactly_once(backend: Backend, idempotent: bool) -> None:
    fake = FakeProvider(idempotent=idempotent, delay=0.002)
    setup = backend.open()
    keys = [Outbox(setup, {"fake": fake}).submit(entry(n), "fake", post=False) for n in range(1, 41)]

    barrier = threading.Barrier(2)
    errors: list[BaseException] = []
    reports: list[Any] = []

    def flusher() -> None:
        try:
            outbox = Outbox(backend.open(), {"fake": fake})  # its own connection, like another process
            barrier.wait()
            reports.append(outbox.flush())
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=flusher) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    posted = [k for r in reports for k in r.posted]
    assert sorted(posted) == sorted(keys) and len(set(posted)) == len(posted)
    assert all(r.posted for r in reports), "both flushers did work (they really ran at the same time)"
    assert_exactly_once(fake, keys, backend.open())


def test_the_same_entry_flushed_twice_concurrently(backend: Backend) -> None:
    fake = FakeProvider(idempotent=False, delay=0.05)
    key = Outbox(backend.open(), {"fake": fake}).submit(entry(), "fake", post=False)
    barrier = threading.Barrier(2)

    def flush() -> None:
        outbox = Outbox(backend.open(), {"fake": fake})
        barrier.wait()
        outbox.flush(keys=[key], force=True)

    threads = [threading.Thread(target=flush) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert fake.calls == ["create"]
    assert_exactly_once(fake, [key], backend.open())


# --- backoff and the local provider --------------------------------------------------------------


def test_backoff_grows_exponentially_to_its_cap_and_takes_retry_after_as_said() -> None:
    b = Backoff(base=2, factor=2, cap=60, minimum=0.5)
    assert [b.delay(n) for n in range(1, 8)] == [2, 4, 8, 16, 32, 60, 60]
    assert b.delay(3, retry_after=120) == 120
    assert b.delay(3, retry_after=0) == 0.5, "Retry-After: 0 must not become a busy loop"


def test_outbox_to_the_local_store(store: BookingStorage, clock: Clock) -> None:
    local = LocalProvider(store)
    outbox = Outbox(store, {"local": local}, clock=clock)
    key = outbox.submit(entry(), "local")
    assert outbox.item(key).state == "posted"  # type: ignore[union-attr]
    assert [e.key for e in local.list_day(date(2026, 11, 18))] == [key]
    assert outbox.counts() == {"pending": 0, "posting": 0, "posted": 1, "failed": 0}


def test_a_provider_that_cannot_be_built_keeps_the_entry(store: BookingStorage, clock: Clock) -> None:
    def build(name: str) -> Any:
        raise AuthError(f"{name}: no API token configured")

    outbox = Outbox(store, build, clock=clock)
    key = outbox.submit(entry(), "timi")
    item = outbox.item(key)
    assert item is not None and item.state == "pending" and "no API token" in (item.last_error or "")
    assert outbox.discard(key) and outbox.item(key) is None


def test_keys_are_uuids(store: BookingStorage, clock: Clock) -> None:
    key = outbox_for(store, FakeProvider(), clock).submit(entry(), "fake", post=False)
    assert str(uuid.UUID(key)) == key
