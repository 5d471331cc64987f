"""A chat delivery whose process died after recording it, before answering, retried by Slack or Telegram on
another process: the retry comes to the outcome the first attempt would have (the confirmation, the
saved entry's answer, the undo), and nothing is booked or undone twice.

The death is an exception injected into the first process at a step of the handling (after the delivery
was recorded, after the confirmation was taken, after the entry was saved, after the undo), on both back
ends of the server's state. Two "processes" are two apps over one database, as in test_server_storage.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from conftest import (
    NOW,
    SLACK_SECRET,
    TELEGRAM_SECRET,
    Clock,
    backend_config,
    button,
    count,
    make_user,
    write_config,
)

from nlentry.server.app import create_app
from nlentry.server.settings import Settings
from nlentry.server.slack import sign
from nlentry.server.state import ServerState

pytestmark = pytest.mark.anyio


class Died(Exception):
    """The first process dies here (a SIGKILL, as far as the delivery is concerned)."""


@dataclass
class Processes:
    """Two server processes' worth of state on one database, alice linked to Slack U1 and Telegram 42."""

    one: httpx.AsyncClient
    two: httpx.AsyncClient
    states: tuple[ServerState, ServerState]
    #: what the processes sent to Slack's response_url, in order
    slack: list[dict[str, Any]] = field(default_factory=list)

    def journal(self) -> Any:
        return self.states[1].users.journal("alice")

    def saved(self) -> list[Any]:
        """alice's entries that are not undone."""
        return self.journal().entries(NOW.date(), NOW.date())

    async def slack_command(self, client: httpx.AsyncClient, text: str, trigger: str,
                            retry: int | None = None) -> httpx.Response:
        body = urlencode({"trigger_id": trigger, "team_id": "T1", "user_id": "U1", "text": text,
                          "response_url": "https://hooks.slack.com/commands/T1/1/abc"}).encode()
        return await client.post("/slack/commands", content=body, headers=_signed(body, retry))

    async def slack_click(self, client: httpx.AsyncClient, action: str, value: str, trigger: str,
                          retry: int | None = None) -> httpx.Response:
        payload = {"type": "block_actions", "trigger_id": trigger, "user": {"id": "U1", "team_id": "T1"},
                   "team": {"id": "T1"}, "response_url": "https://hooks.slack.com/actions/T1/2/def",
                   "actions": [{"action_id": f"{action}:0:0", "value": value, "type": "button"}]}
        body = urlencode({"payload": json.dumps(payload)}).encode()
        return await client.post("/slack/interactions", content=body, headers=_signed(body, retry))

    async def telegram(self, client: httpx.AsyncClient, update_id: int, text: str) -> httpx.Response:
        update = {"update_id": update_id,
                  "message": {"message_id": update_id, "from": {"id": 42, "language_code": "nl"},
                              "chat": {"id": 42, "type": "private"}, "date": 0, "text": text}}
        return await client.post("/telegram/webhook", json=update,
                                 headers={"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET})


def _signed(body: bytes, retry: int | None) -> dict[str, str]:
    stamp = str(int(NOW.timestamp()))
    headers = {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": sign(SLACK_SECRET, stamp, body),
               "Content-Type": "application/x-www-form-urlencoded"}
    if retry is not None:  # Slack signs a retry anew: another signature, the same trigger_id
        headers["X-Slack-Retry-Num"] = str(retry)
    return headers


def _processes(auto_confirm: float) -> Callable[..., Any]:
    @pytest.fixture
    async def fixture(tmp_path: Path, backend: str,
                      request: pytest.FixtureRequest) -> AsyncIterator[Processes]:
        home = tmp_path / "server"
        write_config(home, rate_limit=1000, auto_confirm=auto_confirm,
                     **backend_config(backend, request, tmp_path))
        make_user(home, "alice", "--locale", "nl")
        sent: list[dict[str, Any]] = []

        def slack(request: httpx.Request) -> httpx.Response:
            sent.append(json.loads(request.content))
            return httpx.Response(200)

        clock = Clock()
        apps = [create_app(Settings.load({"NLENTRY_HOME": str(home)}), clock=clock, now=lambda: NOW,
                           worker=False, transport=httpx.MockTransport(slack)) for _ in range(2)]
        states = (apps[0].state.nlentry, apps[1].state.nlentry)
        states[0].users.link("alice", "slack:T1:U1")
        states[0].users.link("alice", "telegram:42")
        one, two = (httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=f"http://{name}")
                    for app, name in zip(apps, ("one", "two"), strict=True))
        async with one, two:
            yield Processes(one, two, states, sent)
        for app in apps:
            await app.state.nlentry.aclose()
            app.state.nlentry.close()

    return fixture


asking = _processes(auto_confirm=1.01)  # every entry asks for confirmation
saving = _processes(auto_confirm=0.0)  # an entry without doubts is saved at once


def die(monkeypatch: pytest.MonkeyPatch, owner: object, name: str, *, after: bool) -> None:
    """Make `owner.name` of the first process die before or after doing its work."""
    real = getattr(owner, name)

    def dying(*args: Any, **kwargs: Any) -> Any:
        if after:
            real(*args, **kwargs)
        raise Died(name)

    monkeypatch.setattr(owner, name, dying)


async def test_a_message_whose_first_attempt_died_is_answered_with_its_confirmation(
        asking: Processes, monkeypatch: pytest.MonkeyPatch) -> None:
    p = asking
    die(monkeypatch, p.states[0].confirmations, "open", after=True)  # opened, then died before answering
    with pytest.raises(Died):
        await p.telegram(p.one, 501, "2 uur overleg aan Webshop")
    retry = await p.telegram(p.two, 501, "2 uur overleg aan Webshop")  # Telegram redelivers elsewhere
    assert retry.status_code == 200 and retry.json()["method"] == "sendMessage"
    confirm = [b for row in retry.json()["reply_markup"]["inline_keyboard"] for b in row
               if b["callback_data"].startswith("confirm|")]
    assert len(confirm) == 1 and count(p.states[1].db, "pending") == 1  # the confirmation it opened
    again = await p.telegram(p.one, 501, "2 uur overleg aan Webshop")  # once more: the answer noted
    assert again.json() == retry.json()
    assert count(p.states[1].db, "pending") == 1 and p.saved() == []


async def test_a_slack_command_whose_handler_never_ran_is_handled_by_the_retry(
        asking: Processes, monkeypatch: pytest.MonkeyPatch) -> None:
    p = asking
    die(monkeypatch, p.states[0].chat, "message", after=False)  # recorded, then died at once
    with pytest.raises(Died):
        await p.slack_command(p.one, "2 uur overleg aan Webshop", "t-1")
    retry = await p.slack_command(p.two, "2 uur overleg aan Webshop", "t-1", retry=1)
    assert retry.status_code == 200 and "Zo opslaan?" in retry.json()["text"]
    assert button(retry.json(), "confirm")["value"] and count(p.states[1].db, "pending") == 1


@pytest.mark.parametrize("after", [False, True], ids=["taken", "saved"])
async def test_a_confirm_whose_first_attempt_died_saves_once(
        asking: Processes, monkeypatch: pytest.MonkeyPatch, after: bool) -> None:
    p = asking
    preview = (await p.slack_command(p.one, "2 uur overleg aan Webshop", "t-2")).json()
    confirm = button(preview, "confirm")["value"]
    # the click took the confirmation, then died before saving (taken) or before answering (saved)
    die(monkeypatch, p.states[0].users.journal("alice"), "save", after=after)
    with pytest.raises(Died):
        await p.slack_click(p.one, "confirm", confirm, "t-3")
    assert len(p.saved()) == (1 if after else 0) and p.slack == []
    retry = await p.slack_click(p.two, "confirm", confirm, "t-3", retry=1)
    assert retry.status_code == 200
    saved = p.saved()
    assert len(saved) == 1 and saved[0].entry.project.name == "Webshop"  # booked once
    assert p.slack and all(button(m, "undo")["value"] == saved[0].key for m in p.slack)  # told about it
    retry_again = await p.slack_click(p.one, "confirm", confirm, "t-3", retry=2)  # the answer again
    assert retry_again.status_code == 200 and len(p.saved()) == 1
    assert button(p.slack[-1], "undo")["value"] == saved[0].key
    other = await p.slack_click(p.two, "confirm", confirm, "t-4")  # a second click: nothing more
    assert other.status_code == 200 and len(p.saved()) == 1


async def test_an_auto_confirmed_save_whose_first_attempt_died_is_booked_once(
        saving: Processes, monkeypatch: pytest.MonkeyPatch) -> None:
    p = saving
    die(monkeypatch, p.states[0].users.journal("alice"), "save", after=True)  # saved, died before answering
    with pytest.raises(Died):
        await p.telegram(p.one, 601, "2 uur overleg aan Webshop")
    assert len(p.saved()) == 1
    retry = await p.telegram(p.two, 601, "2 uur overleg aan Webshop")
    saved = p.saved()
    assert len(saved) == 1  # not a second entry
    undo = [b["callback_data"] for row in retry.json()["reply_markup"]["inline_keyboard"] for b in row]
    assert undo == [f"undo|{saved[0].key}"] and "Webshop" in retry.json()["text"]


async def test_a_retried_undo_undoes_once(saving: Processes, monkeypatch: pytest.MonkeyPatch) -> None:
    p = saving
    for n, text in enumerate(("1 uur overleg aan Webshop", "2 uur overleg aan Webshop")):
        assert (await p.telegram(p.two, 700 + n, text)).json()["method"] == "sendMessage"
    first, last = sorted(p.saved(), key=lambda i: i.entry.duration)
    die(monkeypatch, p.states[0].users.journal("alice"), "undo", after=True)  # undone, died before answering
    with pytest.raises(Died):
        await p.telegram(p.one, 710, "undo")
    retry = await p.telegram(p.two, 710, "undo")
    assert retry.status_code == 200 and "· 2:00 ·" in retry.json()["text"]  # the entry it undid: the last one
    assert [i.key for i in p.saved()] == [first.key]  # the one before it is still there
    again = await p.telegram(p.one, 710, "undo")
    assert again.json() == retry.json() and [i.key for i in p.saved()] == [first.key]
    assert last.key not in {i.key for i in p.saved()}


def test_a_server_db_of_schema_3_gains_the_retry_columns(tmp_path: Path) -> None:
    import sqlite3

    from nlentry.server.db import SQLiteStorage
    from nlentry.server.storage import PendingRow

    path = tmp_path / "server.db"
    with sqlite3.connect(path) as old:  # the tables as nlentry made them before (schema 3)
        old.executescript("CREATE TABLE pending (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, entry TEXT NOT "
                          "NULL, changing INTEGER NOT NULL DEFAULT 0, expires_at REAL NOT NULL);"
                          "CREATE TABLE deliveries (id TEXT PRIMARY KEY, expires_at REAL NOT NULL);"
                          "INSERT INTO deliveries VALUES ('telegram:1', 100.0); PRAGMA user_version = 3;")
    db = SQLiteStorage(path, users_dir=tmp_path / "users")
    try:
        assert not db.first_delivery(["telegram:1"], now=0.0, keep=10.0)  # kept
        assert db.note_delivery("telegram:1", "undo", "k1") == "k1"
        assert db.note_delivery("telegram:1", "undo", "k2") == "k1"  # the first note stays
        assert db.delivery_notes("telegram:1") == {"undo": "k1"}
        db.add_user("alice", locale=None, now=0.0)
        db.open_pending(PendingRow("p", "alice", "{}", False, 50.0), now=0.0)
        assert db.take_pending("p", "alice", now=1.0, by="telegram:1") is not None
        assert db.take_pending("p", "alice", now=1.0, by="telegram:1") is not None  # the same delivery
        assert db.take_pending("p", "alice", now=1.0, by="telegram:2") is None
        assert db.take_pending("p", "alice", now=1.0) is None and db.pending("p", "alice", now=1.0) is None
    finally:
        db.close()
