"""Fixtures of the server tests: a server home with two users, an app driven in-process, a fake clock,
a fake Slack `response_url`, a provider that can be down or slow, and request signers.

The server's state is kept on both back ends: `home` (and so `server`) is parametrised over SQLite
(server.db) and PostgreSQL (a fresh database of the session's throwaway cluster, tests/conftest.py)."""

from __future__ import annotations

import json
import threading
import time
import types
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlencode

import httpx
import pytest

from nlentry import providers
from nlentry.booking.store import Store
from nlentry.cli import main
from nlentry.model import Catalog, Entry
from nlentry.providers.base import Posted, TransientError
from nlentry.providers.local import LocalProvider
from nlentry.server.app import create_app
from nlentry.server.settings import Settings
from nlentry.server.slack import sign
from nlentry.server.storage import ServerStorage, open_storage

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "corpus" / "catalog.json"
NOW = datetime(2026, 11, 18, 14, 30, tzinfo=timezone(timedelta(hours=1)))
SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TELEGRAM_SECRET = "tg-secret-token-4242-abcdef"
PROVIDER_TOKEN = "flaky-provider-token-0987654321"
BACKENDS = ["sqlite", "postgresql"]


class Clock:
    """Unix time that moves only when told."""

    def __init__(self) -> None:
        self.t = NOW.timestamp()

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


class FlakyProvider(LocalProvider):
    """`local`, but it can be down (every post raises TransientError) or slow (each post sleeps)."""

    name: ClassVar[str] = "flaky"
    down: ClassVar[bool] = False
    delay: ClassVar[float] = 0.0
    posts: ClassVar[int] = 0

    def _gate(self) -> None:
        if self.delay:
            time.sleep(self.delay)
        if FlakyProvider.down:
            raise TransientError("flaky is down (connection refused)")
        FlakyProvider.posts += 1

    def create(self, entry: Entry, *, key: str) -> Posted:
        self._gate()
        return super().create(entry, key=key)

    def update(self, remote_id: str, entry: Entry) -> Posted:
        self._gate()
        return super().update(remote_id, entry)

    def delete(self, remote_id: str) -> None:
        self._gate()
        super().delete(remote_id)

    def find_posted(self, entry: Entry, key: str, *, exclude: frozenset[str] = frozenset()) -> Posted | None:
        if FlakyProvider.down:
            raise TransientError("flaky is down (connection refused)")
        return super().find_posted(entry, key, exclude=exclude)


@pytest.fixture(autouse=True)
def flaky(monkeypatch: pytest.MonkeyPatch) -> Iterator[type[FlakyProvider]]:
    """The `flaky` provider, plugged in as an entry point would be; up and fast at the start."""
    fake = types.SimpleNamespace(name="flaky", value="tests.server:FlakyProvider", load=lambda: FlakyProvider)
    real = providers._entry_points
    monkeypatch.setattr(providers, "_entry_points", lambda: {**real(), "flaky": fake})
    FlakyProvider.down, FlakyProvider.delay, FlakyProvider.posts = False, 0.0, 0
    yield FlakyProvider
    FlakyProvider.down, FlakyProvider.delay = False, 0.0


def write_config(home: Path, **server: Any) -> None:
    lines = ["[server]"] + [f"{k} = {json.dumps(v)}" for k, v in server.items()]
    lines += [
        "",
        "[slack]",
        f'signing_secret = "{SLACK_SECRET}"',
        "",
        "[telegram]",
        f'secret_token = "{TELEGRAM_SECRET}"',
        "",
    ]
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text("\n".join(lines), encoding="utf-8")


def make_user(home: Path, user: str, *args: str) -> Path:
    assert main(["users", "add", user, *args], env={"NLENTRY_HOME": str(home)}) == 0
    user_home = home / "users" / user
    catalog = Catalog.load(CATALOG)
    with Store(user_home / "nlentry.db") as store:  # `flaky`'s own catalog (a `local` in the folder)
        LocalProvider(store).import_catalog(catalog)
    storage = open_storage(Settings.load({"NLENTRY_HOME": str(home)}))
    # the journal's state: the folder's nlentry.db on SQLite, the database on PostgreSQL
    booking = storage.booking(user) or Store(user_home / "nlentry.db")
    try:  # the catalog cache of both providers
        LocalProvider(booking).import_catalog(catalog)
        booking.put_catalog("local", catalog)
        booking.put_catalog("flaky", catalog)
    finally:
        booking.close()
        storage.close()
    return user_home


@dataclass
class Server:
    """An app in-process, with what the tests poke at."""

    app: Any
    client: httpx.AsyncClient
    home: Path
    clock: Clock
    keys: dict[str, str]
    slack_posts: list[dict[str, Any]] = field(default_factory=list)

    @property
    def state(self) -> Any:
        return self.app.state.nlentry

    def journal(self, user: str) -> Any:
        return self.state.users.journal(user)

    def auth(self, user: str = "alice") -> dict[str, str]:
        return {"Authorization": f"Bearer {self.keys[user]}"}

    def slack_headers(self, body: bytes, *, secret: str = SLACK_SECRET, age: float = 0) -> dict[str, str]:
        timestamp = str(int(self.clock() - age))
        return {
            "X-Slack-Request-Timestamp": timestamp,
            "X-Slack-Signature": sign(secret, timestamp, body),
            "Content-Type": "application/x-www-form-urlencoded",
        }

    async def slack_command(self, text: str, *, user: str = "U1", team: str = "T1",
                            trigger: str | None = None, retry: int | None = None) -> httpx.Response:
        """A slash command as Slack sends it: every invocation has a trigger_id of its own; a retry of a
        delivery (`retry`, the X-Slack-Retry-Num) carries the same trigger_id, signed anew."""
        body = urlencode(
            {
                "trigger_id": trigger or uuid.uuid4().hex,
                "team_id": team,
                "user_id": user,
                "command": "/tijd",
                "text": text,
                "response_url": "https://hooks.slack.com/commands/T1/1/abc",
            }
        ).encode()
        headers = self.slack_headers(body)
        if retry is not None:
            headers["X-Slack-Retry-Num"] = str(retry)
        return await self.client.post("/slack/commands", content=body, headers=headers)

    async def slack_click(
        self, button: dict[str, Any], *, user: str = "U1", team: str = "T1"
    ) -> httpx.Response:
        payload = {
            "type": "block_actions",
            "trigger_id": uuid.uuid4().hex,
            "user": {"id": user, "team_id": team},
            "team": {"id": team},
            "response_url": "https://hooks.slack.com/actions/T1/2/def",
            "actions": [{"action_id": button["action_id"], "value": button["value"], "type": "button"}],
        }
        body = urlencode({"payload": json.dumps(payload)}).encode()
        return await self.client.post("/slack/interactions", content=body, headers=self.slack_headers(body))

    async def telegram(self, update: dict[str, Any], *, secret: str = TELEGRAM_SECRET) -> httpx.Response:
        return await self.client.post(
            "/telegram/webhook", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": secret}
        )


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    """Every button of a Slack message, in order."""
    return [e for block in message.get("blocks", []) if block["type"] == "actions" for e in block["elements"]]


def button(message: dict[str, Any], action: str) -> dict[str, Any]:
    return next(b for b in buttons(message) if b["action_id"].split(":")[0] == action)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def backend_config(backend: str, request: pytest.FixtureRequest, folder: Path) -> dict[str, Any]:
    """The `[server]` settings that put the state on `backend`: nothing for SQLite; for PostgreSQL a
    fresh database of the test cluster and a key file for the credentials."""
    if backend == "sqlite":
        return {}
    key_file = folder / "secret.key"
    key_file.write_text(request.getfixturevalue("secret_key") + "\n", encoding="utf-8")
    key_file.chmod(0o600)
    return {"database_url": request.getfixturevalue("pg_url"), "secret_key_file": str(key_file)}


def count(storage: ServerStorage, table: str, where: str = "TRUE") -> int:
    """How many rows a table of the server's storage has (either back end), of those `where` says."""
    sql = f"SELECT COUNT(*) FROM {table} WHERE {where}"
    if storage.kind == "sqlite":
        return int(storage.db.query(sql)[0][0])  # type: ignore[attr-defined]
    with storage.pool.connection() as conn:  # type: ignore[attr-defined]
        return int(conn.execute(sql).fetchone()[0])


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The back end of the server's state: "sqlite" or "postgresql"."""
    return str(request.param)


@pytest.fixture
def home(tmp_path: Path, backend: str, request: pytest.FixtureRequest) -> Path:
    home = tmp_path / "server"
    write_config(home, rate_limit=1000, auto_confirm=1.01, **backend_config(backend, request, tmp_path))
    return home


@pytest.fixture
async def server(home: Path) -> AsyncIterator[Server]:
    make_user(home, "alice", "--locale", "nl")
    make_user(home, "bob", "--provider", "flaky", "--setting", f"token={PROVIDER_TOKEN}")
    keys = {}
    for user in ("alice", "bob"):
        from nlentry.server.auth import ApiKeys

        db = open_storage(Settings.load({"NLENTRY_HOME": str(home)}))
        keys[user] = ApiKeys(db).create(user)[0]
        db.close()
    clock = Clock()
    posts: list[dict[str, Any]] = []
    lock = threading.Lock()

    def slack(request: httpx.Request) -> httpx.Response:
        with lock:
            posts.append({"url": str(request.url), **json.loads(request.content)})
        return httpx.Response(200, text="ok")

    app = create_app(
        Settings.load({"NLENTRY_HOME": str(home)}),
        clock=clock,
        now=lambda: NOW,
        transport=httpx.MockTransport(slack),
        worker=False,
    )
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://nlentry.test"
    ) as client:
        yield Server(app, client, home, clock, keys, posts)
    await app.state.nlentry.aclose()
    app.state.nlentry.close()
