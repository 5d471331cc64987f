"""The outbox on PostgreSQL, shared by processes: each item posted once, whoever flushes and whoever dies.

The provider here (`FileProvider`) records every create as a line appended to a file, so creates from
several processes add up and a double post shows as a key written twice. Flushers run as real
processes (`python tests/test_outbox_pg.py URL FILE MODE`) on the session's throwaway PostgreSQL
cluster (tests/conftest.py); one is killed with SIGKILL in the middle of a post.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

import pytest
from test_outbox import FakeProvider

from nlentry.booking.outbox import Outbox
from nlentry.model import Entry, Ref
from nlentry.providers.base import Posted

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
USER = "alice"


class FileProvider(FakeProvider):
    """Appends `create <key> <pid>` to a file for every create (never merges two), finds by key."""

    name: ClassVar[str] = "file"

    def __init__(self, path: Path, *, delay: float = 0.0, hang: bool = False) -> None:
        super().__init__(delay=delay)
        self.path = path
        self.hang = hang

    def create(self, entry: Entry, *, key: str) -> Posted:
        time.sleep(self.delay)
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, f"create {key} {os.getpid()}\n".encode())
        finally:
            os.close(fd)
        if self.hang:  # stored, and the answer never comes: the process is killed here
            time.sleep(120)
        return Posted(self.name, key)

    def creates(self) -> list[tuple[str, int]]:
        if not self.path.exists():
            return []
        return [(line.split()[1], int(line.split()[2])) for line in self.path.read_text().splitlines()]

    def find_posted(self, entry: Entry, key: str, *, exclude: frozenset[str] = frozenset()) -> Posted | None:
        return Posted(self.name, key) if key in {k for k, _ in self.creates()} - exclude else None


def entry(n: int) -> Entry:
    return Entry(text=f"entry {n}", locale="en", date=date(2026, 11, 18), duration=600 * n,
                 project=Ref(52, "Webshop"), description=f"work {n}")


@pytest.fixture
def pg(pg_url: str) -> Iterator[Any]:
    """A factory of `PostgresBooking`s of `alice` (each with a pool of its own) on a fresh database."""
    import psycopg
    from psycopg_pool import ConnectionPool

    from nlentry.booking.postgres import PostgresBooking

    with psycopg.connect(pg_url, autocommit=True) as conn:
        for user in (USER, "bob"):
            conn.execute("INSERT INTO users (id, locale, created_at) VALUES (%s, NULL, 0)", (user,))
    pools: list[ConnectionPool[Any]] = []

    def open_booking(user: str = USER, **kw: Any) -> PostgresBooking:
        pool: ConnectionPool[Any] = ConnectionPool(pg_url, min_size=1, max_size=4, open=True,
                                                   kwargs={"autocommit": True}, timeout=10)
        pools.append(pool)
        return PostgresBooking(pool, user, **kw)

    open_booking.url = pg_url  # type: ignore[attr-defined]
    yield open_booking
    for pool in pools:
        pool.close()


def flusher(url: str, record: Path, mode: str, go: Path | None = None) -> subprocess.Popen[str]:
    """Another process flushing alice's outbox (see `main`)."""
    args = [sys.executable, str(Path(__file__)), url, str(record), mode] + ([str(go)] if go else [])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(HERE)])}
    return subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def main(url: str, record: str, mode: str, go: str | None = None) -> None:
    """Flush alice's outbox once into `record`: mode `slow` (10 ms a create) or `hang` (never answers)."""
    from psycopg_pool import ConnectionPool

    from nlentry.booking.postgres import PostgresBooking

    with ConnectionPool(url, min_size=1, max_size=2, kwargs={"autocommit": True}) as pool:
        provider = FileProvider(Path(record), delay=0.01 if mode == "slow" else 0.0, hang=mode == "hang")
        while go is not None and not Path(go).exists():
            time.sleep(0.005)
        report = Outbox(PostgresBooking(pool, USER), {"file": provider}).flush(force=True)
        print(len(report.posted), flush=True)


def test_two_processes_flushing_one_users_outbox_post_each_item_once(pg: Any, tmp_path: Path) -> None:
    outbox = Outbox(pg(), {})
    keys = [outbox.submit(entry(n), "file", post=False) for n in range(1, 61)]
    record, go = tmp_path / "creates", tmp_path / "go"
    procs = [flusher(pg.url, record, "slow", go) for _ in range(2)]
    time.sleep(1.5)  # both connected and waiting
    go.touch()
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    creates = FileProvider(record).creates()
    assert sorted(k for k, _ in creates) == sorted(keys), "every item posted, none twice"
    assert len({pid for _, pid in creates}) == 2, "both processes posted (they really ran at once)"
    assert sum(int(out) for out, _ in outs) == len(keys)
    assert Outbox(pg(), {}).counts() == {"pending": 0, "posting": 0, "posted": 60, "failed": 0}


def test_a_process_killed_mid_post_is_taken_over_and_nothing_is_doubled(pg: Any, tmp_path: Path) -> None:
    outbox = Outbox(pg(), {})
    key = outbox.submit(entry(1), "file", post=False)
    record = tmp_path / "creates"
    proc = flusher(pg.url, record, "hang")
    deadline = time.monotonic() + 60
    while not record.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert record.exists(), proc.stderr.read() if proc.poll() is not None and proc.stderr else "no create"
    os.kill(proc.pid, signal.SIGKILL)  # stored at the provider, the answer never written down
    proc.wait(10)
    item = outbox.item(key)
    assert item is not None and item.state == "posting", "the dead process's claim is left behind"

    mine = FileProvider(record)
    report = Outbox(pg(), {"file": mine}, lease=300).flush()
    assert report.found == [key] and report.posted == [], "its holder is gone (same host): found, not posted"
    assert [k for k, _ in mine.creates()] == [key]
    done = Outbox(pg(), {}).item(key)
    assert done is not None and done.state == "posted" and done.remote_id == key


def test_a_lease_held_on_another_host_is_waited_for_then_taken_over(pg: Any, tmp_path: Path) -> None:
    clock = [1_800_000_000.0]
    booking = pg(clock=lambda: clock[0])
    fake = FileProvider(tmp_path / "creates")
    outbox = Outbox(booking, {"file": fake}, lease=60)
    key = outbox.submit(entry(1), "file", post=False)
    fake.create(entry(1), key=key)  # the other host's post arrived; then that host went dark
    (row,) = booking.outbox_rows(keys=[key])
    booking.outbox_update(key, {"state": "posting", "attempts": 1, "claimed_at": clock[0],
                                "sending": row.entry, "claimed_by": "elsewhere/boot/pid:[1]|1|token"})
    clock[0] += 59
    assert outbox.flush().found == [], "the lease of a process on another host is respected (no pid check)"
    clock[0] += 2
    report = outbox.flush()
    assert report.found == [key] and report.posted == [], "after the lease: taken over, what it sent found"
    assert [k for k, _ in fake.creates()] == [key], "not posted twice"


def test_skip_locked_a_flusher_passes_an_item_locked_by_another_and_does_not_wait(pg: Any,
                                                                                  tmp_path: Path) -> None:
    import psycopg

    fake = FileProvider(tmp_path / "creates")
    outbox = Outbox(pg(), {"file": fake})
    first, second = (outbox.submit(entry(n), "file", post=False) for n in (1, 2))
    with psycopg.connect(pg.url) as holder:  # another flusher in the middle of claiming `first`
        holder.execute("SELECT key FROM outbox WHERE user_id = %s AND key = %s FOR UPDATE", (USER, first))
        reports: list[Any] = []
        thread = threading.Thread(target=lambda: reports.append(outbox.flush()))
        started = time.monotonic()
        thread.start()
        thread.join(10)
        waited = time.monotonic() - started
        alive = thread.is_alive()
        holder.rollback()
    thread.join(10)
    assert not alive and waited < 5, f"the flush waited on the locked item ({waited:.1f} s)"
    assert reports[0].posted == [second], "the locked item is passed, the other one posted"
    assert outbox.flush().posted == [first], "once free, it is posted"
    assert sorted(k for k, _ in fake.creates()) == sorted([first, second])


def test_users_are_kept_apart(pg: Any, tmp_path: Path) -> None:
    fake = FileProvider(tmp_path / "creates")
    alice, bob = Outbox(pg(), {"file": fake}), Outbox(pg("bob"), {"file": fake})
    key = alice.submit(entry(1), "file", post=False)
    alice.store.set_timer("file", "{}", 1.0)
    assert bob.flush().posted == [] and bob.item(key) is None and bob.latest() is None
    assert bob.store.timer() is None and bob.counts()["pending"] == 0
    assert alice.flush().posted == [key]


if __name__ == "__main__":
    main(*sys.argv[1:])
