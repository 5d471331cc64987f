"""Two server processes on one database keep nothing of their own that the other needs.

Each "process" is a `create_app` (or a `Users`) of its own. On PostgreSQL each has a home folder of its
own too, as two hosts would: what one writes reaches the other only through the database. On SQLite
they share the one home (one box), as `nlentry serve --workers 2` does.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import (
    NOW,
    PROVIDER_TOKEN,
    Clock,
    Server,
    backend_config,
    button,
    make_user,
    write_config,
)

from nlentry.cli import main
from nlentry.server.app import create_app
from nlentry.server.auth import ApiKeys
from nlentry.server.settings import Settings
from nlentry.server.storage import open_storage
from nlentry.server.users import Users

pytestmark = pytest.mark.anyio


@pytest.fixture
def homes(tmp_path: Path, backend: str, request: pytest.FixtureRequest) -> tuple[Path, Path]:
    """The homes of two server processes on one database: two folders on PostgreSQL, one on SQLite."""
    config = backend_config(backend, request, tmp_path)
    first = tmp_path / "host-a"
    write_config(first, rate_limit=1000, auto_confirm=1.01, **config)
    if backend == "sqlite":
        return first, first
    second = tmp_path / "host-b"
    write_config(second, rate_limit=1000, auto_confirm=1.01, **config)
    return first, second


def users_of(home: Path) -> Users:
    settings = Settings.load({"NLENTRY_HOME": str(home)})
    return Users(settings, open_storage(settings))


def admin(home: Path, *argv: str) -> int:
    return main(list(argv), env={"NLENTRY_HOME": str(home)})


def test_settings_written_through_one_process_are_read_by_another(homes: tuple[Path, Path]) -> None:
    first, second = homes
    assert admin(first, "users", "add", "bob", "--provider", "flaky", "--setting", f"token={PROVIDER_TOKEN}",
                 "--setting", "workspace=acme", "--option", "confirm_below=0.3",
                 "--option", "round_to=15") == 0
    other = users_of(second)
    try:
        journal = other.journal("bob")
        assert journal.provider == "flaky" and journal.confirm_below == 0.3 and journal.rounding.minutes == 15
        assert other.config("bob").provider("flaky") == {"token": PROVIDER_TOKEN, "workspace": "acme"}
        # a change made meanwhile (another process, the admin's command) reaches the open journal
        assert other.refresh() == []
        assert admin(first, "users", "set", "bob", "--option", "confirm_below=0.5",
                     "--setting", "token=new-token-1234") == 0
        assert other.refresh() == ["bob"]
        again = other.journal("bob")
        assert again is not journal and again.confirm_below == 0.5
        assert other.config("bob").provider("flaky")["token"] == "new-token-1234"
        assert other.refresh() == []
    finally:
        other.close()
        other.db.close()


def test_users_show_prints_the_settings_with_secrets_masked(
    homes: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    first, second = homes
    assert admin(first, "users", "add", "bob", "--provider", "flaky", "--setting", f"token={PROVIDER_TOKEN}",
                 "--option", "rounding=nearest") == 0
    capsys.readouterr()
    assert admin(second, "users", "show", "bob") == 0
    out = capsys.readouterr().out
    assert PROVIDER_TOKEN not in out
    shown = json.loads(out)
    assert shown["default_provider"] == "flaky"
    assert shown["settings"]["rounding"] == "nearest"
    assert shown["settings"]["providers"]["flaky"] == {"token": "***"}
    for bad in ("confirm_below=2", "round_to=five", "rounding=down", "colour=blue", "confirm_below",
                "catalog_max_age=inf", "confirm_below=nan"):
        assert admin(second, "users", "set", "bob", "--option", bad) == 1
    assert admin(second, "users", "add", "carol", "--option", "round_to=-1") == 1
    assert admin(second, "users", "show", "carol") == 1  # the bad option made no user


def test_concurrent_setting_changes_lose_nothing(homes: tuple[Path, Path], backend: str) -> None:
    if backend == "sqlite":
        pytest.skip("config.toml is replaced whole: on one box the admin's commands take turns")
    first, second = homes
    assert admin(first, "users", "add", "bob") == 0
    processes = [users_of(first), users_of(second)]

    def change(users: Users, n: int) -> None:
        users.set_provider_settings("bob", "timetagger", {f"key_{n}": str(n)})

    threads = [threading.Thread(target=change, args=(processes[n % 2], n)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert processes[0].config("bob").provider("timetagger") == {f"key_{n}": str(n) for n in range(20)}
    for users in processes:
        users.db.close()


# --- two apps ------------------------------------------------------------------------------------


async def app_on(home: Path, clock: Clock, stack: list[Callable[[], Any]]) -> Server:
    posts: list[dict[str, Any]] = []

    def slack(request: httpx.Request) -> httpx.Response:
        import json

        posts.append({"url": str(request.url), **json.loads(request.content)})
        return httpx.Response(200, text="ok")

    app = create_app(Settings.load({"NLENTRY_HOME": str(home)}), clock=clock, now=lambda: NOW,
                     transport=httpx.MockTransport(slack), worker=False)
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://nlentry.test")
    stack.append(client.aclose)
    stack.append(app.state.nlentry.aclose)
    return Server(app, client, home, clock, {}, posts)


@pytest.fixture
async def pair(homes: tuple[Path, Path]) -> AsyncIterator[tuple[Server, Server]]:
    """Two apps on one database with bob (provider `flaky`, a token) linked to slack:T1:U2."""
    first, second = homes
    make_user(first, "bob", "--provider", "flaky", "--setting", f"token={PROVIDER_TOKEN}")
    clock, closing = Clock(), []
    a, b = await app_on(first, clock, closing), await app_on(second, clock, closing)
    a.state.users.link("bob", "slack:T1:U2")
    key = ApiKeys(a.state.db).create("bob")[0]
    a.keys["bob"] = b.keys["bob"] = key
    yield a, b
    for close in reversed(closing):
        await close()
    a.state.close()
    b.state.close()


async def test_a_confirmation_made_on_one_process_is_confirmed_on_another(
    pair: tuple[Server, Server], flaky: Any
) -> None:
    a, b = pair
    message = (await a.slack_command("2 hours of meetings", user="U2")).json()
    assert "Confirm" in [x["text"]["text"] for x in message["blocks"][-1]["elements"]]
    r = await b.slack_click(button(message, "confirm"), user="U2")
    assert r.status_code == 200
    assert flaky.posts == 1  # posted by b, to bob's provider, with bob's token
    assert "Saved in flaky." in b.slack_posts[-1]["text"]
    await a.slack_click(button(message, "confirm"), user="U2")  # the same button on a: taken already
    assert flaky.posts == 1 and "expired" in a.slack_posts[-1]["text"]


async def test_every_process_runs_the_worker_on_postgresql(
    tmp_path: Path, backend: str, request: pytest.FixtureRequest
) -> None:
    import asyncio

    home = tmp_path / "box"  # two processes of one box (`nlentry serve --workers 2`)
    write_config(home, flush_interval=0.02, **backend_config(backend, request, tmp_path))
    make_user(home, "bob")
    closing: list[Callable[[], Any]] = []
    apps = [await app_on(home, Clock(), closing) for _ in range(2)]
    workers = [app.app.state.worker for app in apps]
    for worker in workers:
        worker.start()
    try:
        for _ in range(200):
            await asyncio.sleep(0.02)
            if all(w.rounds >= 2 for w in workers):
                break
    finally:
        for worker in workers:
            await worker.stop()
        for close in reversed(closing):
            await close()
        for app in apps:
            app.state.close()
    if backend == "postgresql":  # no leader: both run rounds, and there is no lock file
        assert all(w.rounds >= 2 for w in workers) and not (home / "worker.lock").exists()
    else:  # one box: the one holding worker.lock runs them
        assert sorted(w.rounds > 0 for w in workers) == [False, True] and (home / "worker.lock").exists()


def flaky_rows(*homes: Path) -> list[Any]:
    """What `flaky` holds for bob: its entries, in the folder of each host it was posted from."""
    from nlentry.booking.store import Store

    rows = []
    for home in dict.fromkeys(homes):
        with Store(home / "users" / "bob" / "nlentry.db") as store:
            rows += [r for r in store.local_rows(day=NOW.date().isoformat())]
    return rows


async def test_the_workers_of_two_processes_post_each_entry_once(
    pair: tuple[Server, Server], flaky: Any
) -> None:
    import asyncio

    a, b = pair
    flaky.down = True
    for n, server in enumerate([a, b] * 4):  # queued through either process
        r = await server.client.post("/v1/entries", headers=server.auth("bob"),
                                     json={"text": f"{n + 1} uur overleg", "confirm": True})
        assert r.status_code == 201 and r.json()["state"] == "pending", r.text
    listed = (await b.client.get("/v1/entries", headers=b.auth("bob"))).json()
    assert sorted(i["entry"]["duration"] for i in listed) == [3600 * (n + 1) for n in range(8)]
    flaky.down, flaky.delay = False, 0.05
    for server in (a, b):
        server.journal("bob").outbox.clock = lambda: 4e9  # every retry due
        server.app.state.worker.clock = lambda: 4e9
    reports = await asyncio.gather(*(asyncio.to_thread(s.app.state.worker.run_once) for s in (a, b)))
    posted = [key for r in reports for key in r["bob"].posted]
    assert len(posted) == len(set(posted)) == 8
    assert flaky.posts == 8 and len(flaky_rows(a.home, b.home)) == 8
    for server in (a, b):  # nothing left, nothing doubled, as either process sees it
        items = server.journal("bob").entries(NOW.date(), NOW.date())
        assert [i.state for i in items] == ["posted"] * 8 and len({i.remote_id for i in items}) == 8
        assert [k for r in server.app.state.worker.run_once().values() for k in r.posted] == []


async def test_one_process_posts_what_another_queued(pair: tuple[Server, Server], flaky: Any) -> None:
    a, b = pair
    flaky.down = True
    r = await a.client.post("/v1/entries", headers=a.auth("bob"),
                            json={"text": "2 uur overleg", "confirm": True})
    assert r.json()["state"] == "pending"
    flaky.down = False
    b.journal("bob").outbox.clock = lambda: 4e9
    b.app.state.worker.clock = lambda: 4e9
    assert len(b.app.state.worker.run_once()["bob"].posted) == 1  # a may be gone: b's worker posts it
    assert [i.state for i in a.journal("bob").entries(NOW.date(), NOW.date())] == ["posted"]


async def test_a_users_journal_outlives_the_process(homes: tuple[Path, Path], flaky: Any) -> None:
    first, second = homes
    make_user(first, "bob", "--provider", "flaky", "--setting", f"token={PROVIDER_TOKEN}")
    clock, closing = Clock(), []
    a = await app_on(first, clock, closing)
    key = ApiKeys(a.state.db).create("bob")[0]
    headers = {"Authorization": f"Bearer {key}"}
    flaky.down = True  # one entry posted, one still waiting, a timer running, an alias
    r = await a.client.post("/v1/entries", headers=headers, json={"text": "3 uur overleg", "confirm": True})
    assert r.json()["state"] == "pending"
    flaky.down = False
    r = await a.client.post("/v1/entries", headers=headers, json={"text": "1 uur overleg", "confirm": True})
    assert r.json()["state"] == "posted"
    journal = a.journal("bob")
    journal.start(journal.read("aan Webshop", now=NOW), now=NOW)
    journal.store.add_alias("flaky", "shop", "Webshop", "project")
    for close in reversed(closing):
        await close()
    a.state.close()
    # a new process (on PostgreSQL on another host, without the first one's folder)
    b = await app_on(second, clock, closing)
    try:
        listed = (await b.client.get("/v1/entries", headers=headers)).json()
        assert sorted((i["entry"]["duration"], i["state"]) for i in listed) == [(3600, "posted"),
                                                                                (10800, "pending")]
        again = b.journal("bob")
        timer = again.timer()
        assert timer is not None and timer.entry.project is not None and timer.entry.project.name == "Webshop"
        assert [x.alias for x in again.store.aliases("flaky")] == ["shop"]
        project = again.read("1 uur aan shop", now=NOW).project
        assert project is not None and project.name == "Webshop"
    finally:
        for close in reversed(closing):
            await close()
        b.state.close()


async def test_a_catalog_synced_by_another_process_is_read_again(pair: tuple[Server, Server]) -> None:
    import json

    from conftest import CATALOG

    from nlentry.model import Catalog

    a, b = pair
    assert a.journal("bob").read("2 uur aan Zeppelin", now=NOW).project is None
    a.app.state.worker.run_once()
    data = json.loads(CATALOG.read_text(encoding="utf-8"))
    data["projects"].append({"id": 999, "name": "Zeppelin", "client_id": 1, "aliases": [], "active": True})
    b.journal("bob").store.put_catalog("flaky", Catalog.from_dict(data), synced_at=NOW.timestamp() + 60)
    a.app.state.worker.run_once()  # a's worker sees the newer sync
    project = a.journal("bob").read("2 uur aan Zeppelin", now=NOW).project
    assert project is not None and project.name == "Zeppelin"


async def test_a_round_on_postgresql_opens_only_the_journals_with_work(
    homes: tuple[Path, Path], backend: str, flaky: Any
) -> None:
    first, second = homes
    for user in ("alice", "bob", "carol"):
        make_user(first, user, "--provider", "flaky", "--setting", f"token={PROVIDER_TOKEN}")
    clock, closing = Clock(), []
    a = await app_on(first, clock, closing)
    b = await app_on(second, clock, closing)
    try:
        flaky.down = True
        key = ApiKeys(a.state.db).create("bob")[0]
        r = await a.client.post("/v1/entries", headers={"Authorization": f"Bearer {key}"},
                                json={"text": "2 uur overleg", "confirm": True})
        assert r.json()["state"] == "pending"
        flaky.down = False
        worker = b.app.state.worker  # another process: it has no journal open yet
        waiting = worker.run_once()  # the retry is not due yet
        if backend == "postgresql":
            assert waiting == {} and b.state.users.opened() == []
            with b.state.db.pool.connection() as conn:  # the backoff has passed
                conn.execute("UPDATE outbox SET next_attempt_at = 0")
        else:
            b.journal("bob").outbox.clock = lambda: 4e9
        reports = worker.run_once()
        assert len(reports["bob"].posted) == 1
        if backend == "postgresql":
            assert sorted(reports) == ["bob"] and b.state.users.opened() == ["bob"]
            assert worker.run_once() == {}  # nothing left to do: no outbox flushed
        else:  # one box, each user's outbox in its own file: every journal is opened
            assert sorted(reports) == ["alice", "bob", "carol"]
    finally:
        for close in reversed(closing):
            await close()
        a.state.close()
        b.state.close()


def test_a_catalog_imported_from_the_command_line_is_read_by_every_process(
    homes: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from conftest import CATALOG

    first, second = homes
    assert admin(first, "users", "add", "carol") == 0  # provider `local`
    data = json.loads(CATALOG.read_text(encoding="utf-8"))
    data["projects"].append({"id": 999, "name": "Zeppelin", "client_id": 1, "aliases": [], "active": True})
    catalog = first.parent / "catalog.json"
    catalog.write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    assert admin(first, "users", "catalog", "carol", "import", str(catalog)) == 0
    assert f"imported {len(data['projects'])} projects" in capsys.readouterr().err
    other = users_of(second)
    try:
        project = other.journal("carol").read("2 uur aan Zeppelin", now=NOW).project
        assert project is not None and project.name == "Zeppelin"
    finally:
        other.close()
        other.db.close()
    # bad input: a clear message and a non-zero status, nothing changed
    assert admin(first, "users", "catalog", "nobody", "import", str(catalog)) == 1
    assert admin(first, "users", "catalog", "carol", "import", str(first.parent / "missing.json")) == 1
    assert admin(first, "users", "catalog", "carol", "import", str(catalog), "--provider", "timi") == 1
    err = capsys.readouterr().err
    assert "no user 'nobody'" in err and "missing.json" in err and "keeps its own catalog" in err
    assert "Traceback" not in err
