"""What a JSON API request costs the shared database, and what a load balancer learns from `/readyz`.

- A `POST /v1/parse` on PostgreSQL is one statement (the key and the rate token together), counted by
  the database itself (`pg_stat_statements` of the test cluster), awaited on the event loop: while the
  database keeps it waiting, the process serves other requests.
- Uncached on PostgreSQL: a key revoked by another process stops working at the next request.
- `ServerStorage.admit` on both back ends: an unknown key takes no token, a known one takes one.
- On the event loop too (`admit_async`, each process its own connection), processes admitting at once
  share one bucket exactly.
- A batch goes to libpq without psycopg's Python layers above it (what keeps a batch cheap for the
  process); a batch the database cancels or whose connection it ends is refused (503) and takes no
  token, and the next runs on a new connection.
- A database that hangs or goes down mid-run: the JSON API answers 503 (within the storage's timeout),
  never hangs; once it is back (`/readyz` sees it), requests are served again.
- `/readyz` answers 503 once the database's schema is newer than the process knows (after
  `nlentry db upgrade` by a newer nlentry), while `/healthz` still answers 200.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from conftest import Clock, Server, backend_config, make_user, write_config

from nlentry.server.app import create_app
from nlentry.server.auth import ApiKeys, digest
from nlentry.server.pg import LATEST
from nlentry.server.settings import Settings
from nlentry.server.storage import StorageUnavailable, open_storage

pytestmark = pytest.mark.anyio


@pytest.fixture
def statements(pg_cluster: Any, pg_url: str) -> Iterator[Any]:
    """`count()`: the statements the test's database has run since the last `count()` (by the database's
    own `pg_stat_statements`; skipped when the extension is not installed)."""
    try:
        pg_cluster.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
    except psycopg.Error as exc:
        pytest.skip(f"pg_stat_statements is not available: {exc}")
    database = pg_url.rsplit("/", 1)[1]
    with psycopg.connect(pg_cluster.url(), autocommit=True) as admin:

        def count() -> int:
            row = admin.execute(
                "SELECT coalesce(sum(s.calls), 0) FROM pg_stat_statements s "
                "JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = %s",
                (database,),
            ).fetchone()
            admin.execute("SELECT pg_stat_statements_reset()")
            return int(row[0]) if row else 0

        count()
        yield count


@pytest.fixture
def threads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the threads every psycopg statement of the test is sent from."""
    seen: list[str] = []
    real = psycopg.Cursor.execute

    def execute(self: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(threading.current_thread().name)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(psycopg.Cursor, "execute", execute)
    return seen


@pytest.mark.parametrize("backend", ["postgresql"])
async def test_a_parse_request_is_one_statement_that_never_blocks_the_event_loop(
    server: Server, statements: Any, threads: list[str], pg_url: str
) -> None:
    # the first request of a user opens its journal (its credentials come from the database once)
    first = await server.client.post("/v1/parse", headers=server.auth(), json={"text": "1 uur"})
    assert first.status_code == 200
    fresh, _ = server.state.keys.create("alice")  # a key this process has never seen
    statements()
    for _ in range(3):
        threads.clear()
        r = await server.client.post(
            "/v1/parse", headers={"Authorization": f"Bearer {fresh}"}, json={"text": "2,5 uur overleg"}
        )
        blocking = list(threads)
        assert r.status_code == 200 and r.json()["duration"] == 9000
        assert statements() == 1
        assert blocking == []  # no blocking statement: the one statement is awaited on the event loop
    # while the database keeps the statement waiting (another process holds alice's bucket), the
    # event loop serves other requests
    with psycopg.connect(pg_url) as other:
        other.execute("SELECT tat FROM rate_buckets WHERE key = 'alice' FOR UPDATE")
        parse = asyncio.ensure_future(server.client.post("/v1/parse", headers=server.auth(),
                                                         json={"text": "1 uur"}))
        await asyncio.sleep(0.3)
        assert not parse.done()
        assert (await asyncio.wait_for(server.client.get("/healthz"), 1.0)).status_code == 200
        other.commit()
    assert (await asyncio.wait_for(parse, 5.0)).status_code == 200


@pytest.mark.parametrize("backend", ["postgresql"])
async def test_an_unknown_key_is_one_statement_and_takes_no_token(server: Server, statements: Any) -> None:
    r = await server.client.post("/v1/parse", headers={"Authorization": "Bearer nle_" + "x" * 43},
                                 json={"text": "1 uur"})
    assert r.status_code == 401 and statements() == 1
    assert (await server.client.post("/v1/parse", json={"text": "1 uur"})).status_code == 401
    assert statements() == 0  # no key at all: nothing to ask


@pytest.mark.parametrize("backend", ["postgresql"])
async def test_a_key_revoked_by_another_process_stops_working_at_once(server: Server) -> None:
    first = await server.client.post("/v1/parse", headers=server.auth(), json={"text": "1 uur"})
    assert first.status_code == 200
    other = open_storage(Settings.load({"NLENTRY_HOME": str(server.home)}))  # `nlentry apikey revoke`
    try:
        (key,) = ApiKeys(other).keys("alice")
        assert ApiKeys(other).revoke(key.id)
    finally:
        other.close()
    r = await server.client.post("/v1/parse", headers=server.auth(), json={"text": "1 uur"})
    assert r.status_code == 401


async def test_admit_takes_a_token_of_a_known_key_only(home: Path) -> None:
    db = open_storage(Settings.load({"NLENTRY_HOME": str(home)}))
    try:
        db.add_user("alice", locale=None, now=0.0)
        db.add_key("nle_AAAA", digest("nle_AAAAkey"), "alice", name="", now=0.0)
        assert db.admit([digest("nle_nope")], interval=10.0, burst=2) == [None]
        got = [db.admit([digest("nle_AAAAkey")], interval=10.0, burst=2)[0] for _ in range(3)]
        assert [g[:2] for g in got if g] == [(digest("nle_AAAAkey"), "alice")] * 3
        assert [g[2] for g in got if g][:2] == [0.0, 0.0]
        assert got[2] is not None and 9.0 < got[2][2] <= 10.0  # the third waits about one interval
        # the unknown key took nothing, the refused request took nothing: the bucket is alice's alone
        assert 9.0 < db.take_token("alice", interval=10.0, burst=2) <= 10.0
    finally:
        db.close()


async def test_rate_limited_api_requests_get_429_on_either_back_end(home: Path, server: Server) -> None:
    # the shared limiter counts in the database, the local one in memory: both refuse the third request
    server.state.limiter.capacity, server.state.limiter.interval = 2.0, 60.0
    server.state.limiter.per_second = 1 / 60
    answers = []
    for _ in range(3):
        r = await server.client.post("/v1/parse", headers=server.auth("bob"), json={"text": "1 uur"})
        answers.append(r.status_code)
    assert answers == [200, 200, 429]


@pytest.mark.parametrize("backend", ["postgresql"])
async def test_readyz_refuses_a_schema_newer_than_the_process(server: Server, pg_url: str) -> None:
    assert (await server.client.get("/readyz")).json()["status"] == "ok"
    with psycopg.connect(pg_url, autocommit=True) as conn:  # what a newer nlentry's `db upgrade` leaves
        conn.execute("INSERT INTO schema_migrations (version, name) VALUES (%s, 'from_the_future')",
                     (LATEST + 1,))
    ready = await server.client.get("/readyz")
    assert ready.status_code == 503 and ready.json()["status"] == "schema"
    assert (await server.client.get("/healthz")).status_code == 200  # alive, only not ready


def storage_with_keys(home: Path, *users: str) -> Any:
    """The home's storage, with these users and an API key each (`nle_<user>key`)."""
    db = open_storage(Settings.load({"NLENTRY_HOME": str(home)}))
    for user in users:
        db.add_user(user, locale=None, now=0.0)
        db.add_key(f"nle_{user}", digest(f"nle_{user}key"), user, name="", now=0.0)
    return db


async def test_one_admit_answers_many_requests_in_order(home: Path) -> None:
    db = storage_with_keys(home, "alice", "bob")
    try:
        a, b = digest("nle_alicekey"), digest("nle_bobkey")
        got = db.admit([a, a, b, digest("nle_nope"), a, a], interval=10.0, burst=2)
        assert [g[1] if g else None for g in got] == ["alice", "alice", "bob", None, "alice", "alice"]
        waits = [g[2] for g in got if g]
        assert waits[:3] == [0.0, 0.0, 0.0]  # alice's burst of two, bob's first
        assert 9.0 < waits[3] <= 10.0 and 9.0 < waits[4] <= 10.0  # both: until alice's next token
        assert 9.0 < db.take_token("alice", interval=10.0, burst=2) <= 10.0  # the refused took nothing
    finally:
        db.close()


@pytest.mark.parametrize("backend", ["postgresql"])
def test_processes_admitting_at_once_share_one_bucket_exactly(home: Path) -> None:
    # three "processes" (storages), each sending batches for a user whose bucket does not exist yet
    settings = Settings.load({"NLENTRY_HOME": str(home)})
    storages = [open_storage(settings) for _ in range(3)]
    try:
        storages[0].add_user("alice", locale=None, now=0.0)
        storages[0].add_key("nle_a", digest("nle_akey"), "alice", name="", now=0.0)
        allowed: list[int] = []
        lock = threading.Lock()
        start = threading.Barrier(3)

        def requests(db: Any) -> None:
            start.wait()
            for _ in range(5):
                got = db.admit([digest("nle_akey")] * 4, interval=60.0, burst=7)
                with lock:
                    allowed.append(sum(1 for g in got if g and g[2] == 0.0))

        threads = [threading.Thread(target=requests, args=(db,)) for db in storages]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sum(allowed) == 7  # 60 requests, a burst of 7: exactly 7 go ahead, whichever process
    finally:
        for db in storages:
            db.close()


async def test_concurrent_requests_are_limited_exactly(server: Server) -> None:
    server.state.limiter.capacity, server.state.limiter.interval = 5.0, 60.0
    server.state.limiter.per_second = 1 / 60

    async def parse() -> int:
        r = await server.client.post("/v1/parse", headers=server.auth("bob"), json={"text": "1 uur"})
        return r.status_code

    answers = await asyncio.gather(*(parse() for _ in range(20)))
    assert sorted(answers) == [200] * 5 + [429] * 15


@pytest.mark.parametrize("backend", ["postgresql"])
async def test_processes_admitting_on_their_event_loops_share_one_bucket_exactly(home: Path) -> None:
    settings = Settings.load({"NLENTRY_HOME": str(home)})
    storages = [open_storage(settings) for _ in range(2)]  # two processes: two admission connections
    try:
        storages[0].add_user("alice", locale=None, now=0.0)
        storages[0].add_key("nle_a", digest("nle_akey"), "alice", name="", now=0.0)
        batches = [storages[n % 2].admit_async([digest("nle_akey")] * 3, interval=60.0, burst=7)
                   for n in range(10)]
        answers = [a for batch in await asyncio.gather(*batches) for a in batch]
        assert len(answers) == 30 and all(a is not None and a[1] == "alice" for a in answers)
        assert sum(1 for a in answers if a and a[2] == 0.0) == 7  # 30 requests, a burst of 7
    finally:
        for db in storages:
            db.close()


@pytest.mark.parametrize("backend", ["postgresql"])
async def test_a_batch_goes_to_libpq_past_psycopgs_cursors(home: Path) -> None:
    # the JSON API's statement per batch costs the process little: none of psycopg's Python layers
    # above libpq (cursor, adapters, generators, waiting) runs while a batch of requests is admitted
    import sys

    db = storage_with_keys(home, "alice", "bob")
    try:
        a, b, nope = digest("nle_alicekey"), digest("nle_bobkey"), digest("nle_nope")
        batch = [a] * 20 + [nope] + [b] * 9
        await db.admit_async(batch, interval=1e-3, burst=1e6)  # the connection opened, the statement prepared
        psycopg_calls: list[str] = []

        def profile(frame: Any, event: str, arg: Any) -> None:
            where = frame.f_code.co_filename.replace("\\", "/")
            if event == "call" and "/psycopg/" in where and "/psycopg/pq/" not in where:
                psycopg_calls.append(f"{where.rpartition('/psycopg/')[2]}:{frame.f_code.co_name}")

        sys.setprofile(profile)
        try:
            got = await db.admit_async(batch, interval=1e-3, burst=1e6)
        finally:
            sys.setprofile(None)
        assert psycopg_calls == []
        assert [g[1] if g else None for g in got] == ["alice"] * 20 + [None] + ["bob"] * 9
        assert all(g[2] == 0.0 for g in got if g)
    finally:
        db.close()


@pytest.mark.parametrize("backend", ["postgresql"])
async def test_a_failed_admission_statement_is_a_503_and_takes_no_token(home: Path, pg_url: str) -> None:
    # the database cancels the statement (an error answer) or ends its connection: each time that batch
    # is refused (503) and the next one is admitted on a new connection, with the statement prepared
    # there again; the failed ones took no token
    database = pg_url.rsplit("/", 1)[1]
    with psycopg.connect(pg_url, autocommit=True) as other:
        other.execute(f"ALTER DATABASE {database} SET statement_timeout = '300ms'")
        db = open_storage(Settings.load({"NLENTRY_HOME": str(home)}))
        db.pause = 0.0  # no pause after a failure: the next batch asks at once
        key = digest("nle_akey")
        try:
            db.add_user("alice", locale=None, now=0.0)
            db.add_key("nle_a", key, "alice", name="", now=0.0)
            assert [g[2] for g in await db.admit_async([key], interval=60.0, burst=7) if g] == [0.0]
            with other.transaction():  # another process holds the bucket past the statement's timeout
                other.execute("SELECT tat FROM rate_buckets WHERE key = 'alice' FOR UPDATE")
                with pytest.raises(StorageUnavailable):
                    await db.admit_async([key] * 2, interval=60.0, burst=7)
            assert [g[2] for g in await db.admit_async([key], interval=60.0, burst=7) if g] == [0.0]
            backend = other.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s AND "
                                    "query LIKE 'WITH k AS%%' AND pid <> pg_backend_pid()",
                                    (database,)).fetchall()
            assert len(backend) == 1
            other.execute("SELECT pg_terminate_backend(%s)", backend[0])
            with pytest.raises(StorageUnavailable):
                await db.admit_async([key] * 2, interval=60.0, burst=7)
            got = await db.admit_async([key] * 6, interval=60.0, burst=7)
            assert [g[2] == 0.0 for g in got if g] == [True] * 5 + [False]  # 2 taken before, 7 in all
        finally:
            other.execute(f"ALTER DATABASE {database} RESET statement_timeout")
            db.close()


class Relay:
    """A TCP relay to the test database that can hang (passes nothing on, as a database that stopped
    answering) and go down (drops its connections and refuses new ones)."""

    def __init__(self, url: str) -> None:
        from urllib.parse import urlsplit

        parts = urlsplit(url)
        self.upstream = (parts.hostname or "127.0.0.1", parts.port or 5432)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = url.replace(f":{parts.port}/", f":{self.listener.getsockname()[1]}/")
        self.passing = threading.Event()
        self.passing.set()
        self.sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.upstream)
            self.sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                self.passing.wait()
                sink.sendall(data)
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_WR)

    def down(self) -> None:
        self.listener.close()
        for s in self.sockets:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()
        self.passing.set()


@pytest.fixture
async def relayed(tmp_path: Path, pg_url: str, request: pytest.FixtureRequest) -> AsyncIterator[
        tuple[Relay, Any]]:
    """A server whose database is reached through a `Relay`, with a user alice and her API key."""
    relay = Relay(pg_url)
    home = tmp_path / "server"
    write_config(home, rate_limit=1000, **{**backend_config("postgresql", request, tmp_path),
                                           "database_url": relay.url})
    make_user(home, "alice")
    settings = Settings.load({"NLENTRY_HOME": str(home)})
    db = open_storage(settings)
    key = ApiKeys(db).create("alice")[0]
    db.close()
    app = create_app(settings, clock=Clock(), worker=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        client.headers["Authorization"] = f"Bearer {key}"
        yield relay, client
    relay.down()
    await app.state.nlentry.aclose()
    app.state.nlentry.close()


async def _parse(client: Any) -> tuple[int, float]:
    """The status of one parse request and the seconds it took (at most 10: a hang fails the test)."""
    started = time.monotonic()
    r = await asyncio.wait_for(client.post("/v1/parse", json={"text": "1 uur"}), 10.0)
    return r.status_code, time.monotonic() - started


async def test_a_database_that_hangs_is_a_503_then_served_again_once_it_answers(
        relayed: tuple[Relay, Any]) -> None:
    relay, client = relayed
    assert (await _parse(client))[0] == 200
    relay.passing.clear()  # the database stops answering
    status, took = await _parse(client)
    assert status == 503 and took < 4.0  # the storage's timeout (2 s), not a hang
    assert (await _parse(client))[0] == 503  # meanwhile: at once
    relay.passing.set()
    assert (await client.get("/readyz")).status_code == 200  # the load balancer sees it back
    assert (await _parse(client))[0] == 200  # on a new connection


async def test_a_database_that_goes_down_is_a_503_at_once(relayed: tuple[Relay, Any]) -> None:
    relay, client = relayed
    assert (await _parse(client))[0] == 200
    relay.down()  # the database goes away: connections dropped, new ones refused
    for _ in range(3):
        status, took = await _parse(client)
        assert status == 503 and took < 2.0
    assert (await client.get("/readyz")).status_code == 503
