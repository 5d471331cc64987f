"""The server's storage protocol on both back ends (SQLite server.db, PostgreSQL), and what sharing it
between processes must give: one rate for a user however many processes count, a retried chat delivery
handled once whichever process it reaches, a confirmation made on one process confirmed on another.

A "process" here is what a server process has of its own: its own storage object (its own connection
or connection pool) and its own `ServerState`; they share only the database."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from conftest import NOW, SLACK_SECRET, Clock, button, count, make_user

from nlentry.server.app import create_app
from nlentry.server.settings import Settings
from nlentry.server.slack import sign
from nlentry.server.storage import PendingRow, ServerStorage, open_storage

pytestmark = pytest.mark.anyio


@pytest.fixture
def storages(home: Path) -> Iterator[Callable[[], ServerStorage]]:
    """Opens a new, independent storage on the test's database each time it is called."""
    settings = Settings.load({"NLENTRY_HOME": str(home)})
    made: list[ServerStorage] = []

    def make() -> ServerStorage:
        made.append(open_storage(settings))
        return made[-1]

    yield make
    for storage in made:
        storage.close()


# --- the protocol, on each back end ----------------------------------------------------------------


def test_users_links_and_keys(storages: Callable[[], ServerStorage]) -> None:
    db = storages()
    assert db.add_user("bob", locale=None, now=1.0) and db.add_user("alice", locale="nl", now=2.0)
    assert not db.add_user("alice", locale="en", now=3.0)  # exists: nothing changed
    db.link("telegram:42", "alice", now=4.0)
    db.link("slack:T1:U1", "alice", now=5.0)
    assert [(u.id, u.locale, u.identities) for u in db.users()] == [
        ("alice", "nl", ("slack:T1:U1", "telegram:42")),
        ("bob", None, ()),
    ]
    db.link("telegram:42", "bob", now=6.0)  # re-linked to another user
    assert db.user_of_identity("telegram:42") == "bob"
    assert db.unlink("telegram:42") and not db.unlink("telegram:42")
    db.set_locale("bob", "en")
    assert db.user("bob") == type(db.user("bob"))("bob", "en", ())
    db.add_key("nle_AAAA", "hash-a", "alice", name="laptop", now=7.0)
    db.add_key("nle_BBBB", "hash-b", "bob", name="", now=8.0)
    assert db.key_owner("hash-a") == ("hash-a", "alice") and db.key_owner("nope") is None
    every, alices = db.keys(None), db.keys("alice")
    assert [k.id for k in every] == ["nle_AAAA", "nle_BBBB"] and [k.name for k in alices] == ["laptop"]
    assert db.revoke_key("nle_AAAA") and not db.revoke_key("nle_AAAA")
    assert db.remove_user("alice") and not db.remove_user("alice")
    assert db.user("alice") is None and db.user_of_identity("slack:T1:U1") is None  # its links went too


def test_a_link_code_is_taken_once_and_replaced_per_identity(storages: Callable[[], ServerStorage]) -> None:
    db = storages()
    db.put_link_code("h1", "telegram:7", expires_at=100.0, now=0.0)
    db.put_link_code("h2", "telegram:7", expires_at=200.0, now=0.0)  # a new code for the same identity
    assert db.take_link_code("h1") is None
    assert db.take_link_code("h2") == ("telegram:7", 200.0)
    assert db.take_link_code("h2") is None


def test_pending_confirmations(storages: Callable[[], ServerStorage]) -> None:
    db = storages()
    db.add_user("alice", locale=None, now=0.0)
    db.open_pending(PendingRow("p1", "alice", '{"e": 1}', False, 100.0), now=0.0)
    db.open_pending(PendingRow("p2", "alice", '{"e": 2}', False, 100.0), now=0.0)
    assert db.pending("p1", "bob", now=1.0) is None  # not bob's
    assert db.pending("p1", "alice", now=100.0) is None  # expired
    db.update_pending("p2", '{"e": 3}', changing=True, expires_at=150.0)
    assert db.changing_pending("alice", now=120.0) == PendingRow("p2", "alice", '{"e": 3}', True, 150.0)
    assert db.take_pending("p1", "alice", now=1.0) == PendingRow("p1", "alice", '{"e": 1}', False, 100.0)
    assert db.take_pending("p1", "alice", now=1.0) is None


def test_a_confirmation_taken_by_a_delivery_is_taken_again_by_its_retry_only(
        storages: Callable[[], ServerStorage]) -> None:
    db, other = storages(), storages()
    db.add_user("alice", locale=None, now=0.0)
    opened = db.open_pending(PendingRow("p1", "alice", '{"a": 1}', False, 100.0), now=0.0)
    again = other.open_pending(PendingRow("p1", "alice", '{"b": 2}', False, 200.0), now=0.0)
    assert opened == again and again.entry == '{"a": 1}'  # a retry opens the one opened before
    assert db.take_pending("p1", "alice", now=1.0, by="slack-trigger:t1") == opened
    assert other.take_pending("p1", "alice", now=2.0, by="slack-trigger:t1") == opened  # its retry
    assert other.pending("p1", "alice", now=2.0, by="slack-trigger:t1") == opened
    for by in ("slack-trigger:t2", None):  # any other click finds it gone
        assert other.take_pending("p1", "alice", now=2.0, by=by) is None
        assert other.pending("p1", "alice", now=2.0, by=by) is None
    other.update_pending("p1", "{}", changing=True, expires_at=300.0)  # a taken one is not changed
    assert db.changing_pending("alice", now=2.0, by="slack-trigger:t1") is None
    db.first_delivery(["telegram:5"], now=0.0, keep=10.0)
    assert db.delivery_notes("telegram:5") == {}
    assert db.note_delivery("telegram:5", "undo", "k1") == "k1"
    assert other.note_delivery("telegram:5", "undo", "k2") == "k1"  # the first attempt's note stays
    assert other.note_delivery("telegram:5", "reply", "{}") == "{}"
    assert db.delivery_notes("telegram:5") == {"undo": "k1", "reply": "{}"}


def test_two_processes_take_a_confirmation_once(storages: Callable[[], ServerStorage]) -> None:
    first, second = storages(), storages()
    first.add_user("alice", locale=None, now=0.0)
    for i in range(20):
        first.open_pending(PendingRow(f"p{i}", "alice", "{}", False, 1e12), now=0.0)
    taken: list[str] = []
    lock = threading.Lock()

    def clicks(db: ServerStorage) -> None:
        for i in range(20):
            got = db.take_pending(f"p{i}", "alice", now=1.0)
            if got is not None:
                with lock:
                    taken.append(got.id)

    threads = [threading.Thread(target=clicks, args=(db,)) for db in (first, second, first, second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(taken) == sorted(f"p{i}" for i in range(20))  # each one exactly once


def test_a_delivery_is_first_once(storages: Callable[[], ServerStorage]) -> None:
    db = storages()
    assert db.first_delivery(["slack-sig:a", "slack-trigger:t"], now=0.0, keep=10.0)
    assert not db.first_delivery(["slack-sig:b", "slack-trigger:t"], now=1.0, keep=10.0)  # a retry
    assert db.first_delivery(["slack-sig:b"], now=1.0, keep=10.0)  # nothing of the refused one was kept
    assert db.first_delivery(["slack-trigger:t"], now=10.0, keep=10.0)  # expired: may come again


def test_the_rate_bucket_allows_a_burst_then_one_per_interval(storages: Callable[[], ServerStorage]) -> None:
    db = storages()
    allowed = [db.take_token("alice", interval=10.0, burst=3, now=1000.0) for _ in range(4)]
    assert allowed[:3] == [0.0, 0.0, 0.0] and allowed[3] == pytest.approx(10.0)
    assert db.take_token("bob", interval=10.0, burst=3, now=1000.0) == 0.0  # every key its own bucket
    assert db.take_token("alice", interval=10.0, burst=3, now=1005.0) == pytest.approx(5.0)
    assert db.take_token("alice", interval=10.0, burst=3, now=1010.0) == 0.0
    assert db.take_token("alice", interval=10.0, burst=3, now=1010.0) > 0


def test_credentials_round_trip(storages: Callable[[], ServerStorage], home: Path) -> None:
    db = storages()
    db.add_user("alice", locale=None, now=0.0)
    (home / "users" / "alice").mkdir(parents=True)
    db.put_credentials("alice", "timi", {"token": "tok-1-abcdef"}, now=1.0)
    db.put_credentials("alice", "timi", {"api_key": "key-2-abcdef"}, now=2.0)  # merged
    db.put_credentials("alice", "timi", {"token": "tok-3-abcdef"}, now=3.0)  # replaced
    assert db.credentials("alice") == {"timi": {"api_key": "key-2-abcdef", "token": "tok-3-abcdef"}}


def test_prune_drops_what_expired(storages: Callable[[], ServerStorage]) -> None:
    db = storages()
    db.add_user("alice", locale=None, now=0.0)
    db.first_delivery(["old"], now=0.0, keep=10.0)
    db.first_delivery(["new"], now=0.0, keep=1000.0)
    db.open_pending(PendingRow("p", "alice", "{}", False, 10.0), now=0.0)
    db.prune(now=20.0)
    assert count(db, "deliveries") == 1 and count(db, "pending") == 0


# --- several processes on one database -------------------------------------------------------------


def test_n_processes_give_a_user_exactly_the_configured_rate(storages: Callable[[], ServerStorage]) -> None:
    """Two independent storages (two processes' connection pools), four threads each, hammer one user:
    the number allowed is the configured rate, not twice it."""
    from nlentry.server.limits import RateLimiter

    rate = 25
    limiters = [RateLimiter(rate=rate, period=3600, storage=storages()) for _ in range(2)]
    allowed = [0]
    lock = threading.Lock()
    go = threading.Barrier(8)

    def hammer(limiter: RateLimiter) -> None:
        go.wait()
        for _ in range(40):
            if limiter.check("alice") == 0.0:
                with lock:
                    allowed[0] += 1

    threads = [threading.Thread(target=hammer, args=(limiters[i % 2],)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert allowed[0] == rate  # 320 tries; the refill in these seconds is far below one request


@pytest.fixture
async def two_processes(home: Path) -> AsyncIterator[tuple[httpx.AsyncClient, httpx.AsyncClient, Any]]:
    """Two apps (two server processes' worth of state) on one database, with alice linked to Slack U1."""
    make_user(home, "alice", "--locale", "nl")
    clock = Clock()
    apps = [
        create_app(Settings.load({"NLENTRY_HOME": str(home)}), clock=clock, now=lambda: NOW, worker=False,
                   transport=httpx.MockTransport(lambda request: httpx.Response(200)))
        for _ in range(2)
    ]
    apps[0].state.nlentry.users.link("alice", "slack:T1:U1")
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=apps[0]), base_url="http://one") as a, \
            httpx.AsyncClient(transport=httpx.ASGITransport(app=apps[1]), base_url="http://two") as b:
        yield a, b, apps[0].state.nlentry
    for app in apps:
        await app.state.nlentry.aclose()
        app.state.nlentry.close()


def _slack(text: str, trigger: str, *, retry: int | None = None) -> tuple[bytes, dict[str, str]]:
    body = urlencode({"trigger_id": trigger, "team_id": "T1", "user_id": "U1", "text": text,
                      "response_url": "https://hooks.slack.com/commands/T1/1/abc"}).encode()
    stamp = str(int(NOW.timestamp()))
    headers = {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": sign(SLACK_SECRET, stamp, body),
               "Content-Type": "application/x-www-form-urlencoded"}
    if retry is not None:
        headers["X-Slack-Retry-Num"] = str(retry)
    return body, headers


async def test_a_slack_retry_on_another_process_does_nothing_twice(two_processes: Any) -> None:
    one, two, state = two_processes
    body, headers = _slack("2 uur overleg", "trigger-1")
    first = await one.post("/slack/commands", content=body, headers=headers)
    assert first.status_code == 200 and "blocks" in first.json()
    body, headers = _slack("2 uur overleg", "trigger-1", retry=1)  # signed anew, same trigger_id
    again = await two.post("/slack/commands", content=body, headers=headers)
    assert again.status_code == 200 and again.json() == first.json()  # the same confirmation again
    assert count(state.db, "pending") == 1


async def test_a_delivery_racing_on_two_processes_is_handled_once(two_processes: Any) -> None:
    one, two, state = two_processes
    update = {"update_id": 9001, "message": {"message_id": 1, "from": {"id": 42, "language_code": "nl"},
                                             "chat": {"id": 42}, "text": "2 uur overleg"}}
    state.users.link("alice", "telegram:42")
    headers = {"X-Telegram-Bot-Api-Secret-Token": "tg-secret-token-4242-abcdef"}
    answers = await asyncio.gather(*(c.post("/telegram/webhook", json=update, headers=headers)
                                     for c in (one, two, one, two)))
    # each attempt comes to the same outcome: one confirmation, the same answer
    assert [r.json()["method"] for r in answers] == ["sendMessage"] * 4
    assert len({json.dumps(r.json(), sort_keys=True) for r in answers}) == 1
    assert count(state.db, "pending") == 1


async def test_a_confirmation_made_on_one_process_is_confirmed_on_another(two_processes: Any) -> None:
    one, two, state = two_processes
    body, headers = _slack("2 uur overleg aan Webshop", "trigger-2")
    preview = (await one.post("/slack/commands", content=body, headers=headers)).json()
    confirm = button(preview, "confirm")
    payload = {"type": "block_actions", "trigger_id": "trigger-3", "user": {"id": "U1", "team_id": "T1"},
               "team": {"id": "T1"}, "response_url": "https://hooks.slack.com/actions/T1/2/def",
               "actions": [{"action_id": confirm["action_id"], "value": confirm["value"], "type": "button"}]}
    click = urlencode({"payload": json.dumps(payload)}).encode()
    stamp = str(int(NOW.timestamp()))
    click_headers = {"X-Slack-Request-Timestamp": stamp, "Content-Type": "application/x-www-form-urlencoded",
                     "X-Slack-Signature": sign(SLACK_SECRET, stamp, click)}
    assert (await two.post("/slack/interactions", content=click, headers=click_headers)).status_code == 200
    assert (await one.post("/slack/interactions", content=click, headers=click_headers)).status_code == 200
    assert count(state.db, "pending", "taken_by IS NULL") == 0  # taken (kept for a retry until it expires)
    saved = state.users.journal("alice").entries(NOW.date(), NOW.date())
    assert [i.entry.project.name for i in saved] == ["Webshop"]  # saved once, not twice


# --- readiness ---------------------------------------------------------------------------------------


async def test_readyz_checks_the_database_and_healthz_does_not(home: Path, backend: str) -> None:
    app = create_app(Settings.load({"NLENTRY_HOME": str(home)}), worker=False)
    state = app.state.nlentry
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        ready = await client.get("/readyz")
        assert ready.status_code == 200 and ready.json()["database"] == backend
        if backend == "postgresql":
            from urllib.parse import urlsplit

            import psycopg

            name = urlsplit(state.settings.database_url).path.lstrip("/")
            admin = state.settings.database_url.rsplit("/", 1)[0] + "/postgres"

            def allow(yes: bool) -> None:
                with psycopg.connect(admin, autocommit=True) as conn:
                    conn.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS {str(yes).lower()}')
                    if not yes:
                        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                     "WHERE datname = %s", (name,))

            allow(False)  # the database is down for this server
            try:
                down = await client.get("/readyz")
                assert down.status_code == 503 and down.json()["status"] == "unavailable"
                assert "127.0.0.1" not in down.text and name not in down.text
                assert (await client.get("/healthz")).status_code == 200
                started = time.monotonic()
                key_free = await client.post("/v1/parse", headers={"Authorization": "Bearer nle_x"},
                                             json={"text": "1 uur"})
                assert key_free.status_code == 503  # the key cannot be looked up: not a 500, not a 401
                assert time.monotonic() - started < 1.0  # at once: an outage does not hold the event loop
            finally:
                allow(True)
            for _ in range(100):  # ready again soon after the database is back (the pool reconnects)
                if (await client.get("/readyz")).status_code == 200:
                    break
                await asyncio.sleep(0.2)
            assert (await client.get("/readyz")).status_code == 200
            again = await client.post("/v1/parse", headers={"Authorization": "Bearer nle_x"},
                                      json={"text": "1 uur"})
            assert again.status_code == 401  # the database answers again: the key is looked up, unknown
    await state.aclose()
    state.close()
