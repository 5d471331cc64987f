"""OAuth tokens a provider refreshes on one server process are what every other process uses.

Timeneye (and Tyme) rotate refresh tokens: the one a refresh sends is used up. On PostgreSQL each
"process" has a home of its own, as two hosts would, so a refreshed token kept in a file under one
host's users folder is lost to the other; it must go to the user's (encrypted) credentials in the
database. On SQLite both share the one home.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import backend_config, count, write_config

from nlentry import providers
from nlentry.providers.timeneye.fake import TimeneyeFake
from nlentry.providers.timeneye.testing import CATALOG
from nlentry.server.settings import Settings
from nlentry.server.storage import open_storage
from nlentry.server.users import Users

APP = "nlentry-app"


@pytest.fixture
def homes(tmp_path: Path, backend: str, request: pytest.FixtureRequest) -> tuple[Path, Path]:
    """The homes of two server processes on one database: two folders on PostgreSQL, one on SQLite."""
    config = backend_config(backend, request, tmp_path)
    first = tmp_path / "host-a"
    write_config(first, **config)
    if backend == "sqlite":
        return first, first
    second = tmp_path / "host-b"
    write_config(second, **config)
    return first, second


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> TimeneyeFake:
    """Timeneye's emulator, which every provider the journals build talks to."""
    fake = TimeneyeFake.seeded(CATALOG)
    real = providers.get

    def get(name: str, settings: Any = None, *, transport: httpx.BaseTransport | None = None) -> Any:
        return real(name, settings, transport=fake.transport() if name == "timeneye" else transport)

    monkeypatch.setattr(providers, "get", get)
    return fake


def users_of(home: Path) -> Users:
    settings = Settings.load({"NLENTRY_HOME": str(home)})
    return Users(settings, open_storage(settings))


def timeneye_of(users: Users) -> Any:
    """Bob's Timeneye as his journal builds it (his settings and credentials, this process's home)."""
    return providers.builder(users.env("bob"), users.journal_config("bob"))("timeneye")


def test_a_token_refreshed_by_one_process_is_used_by_the_other(
    homes: tuple[Path, Path], backend: str, fake: TimeneyeFake, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    first, second = homes
    answer = fake.issue_token(APP)
    a, b = users_of(first), users_of(second)
    try:
        a.add("bob", provider="timeneye")
        a.set_provider_settings("bob", "timeneye", {"client_id": APP, "base_url": fake.BASE_URL,
                                                    "refresh_token": answer["refresh_token"]})
        # B built bob's provider before A refreshed: it holds the same refresh token (on PostgreSQL)
        early = timeneye_of(b) if backend == "postgresql" else None
        first_provider = timeneye_of(a)
        assert first_provider.fetch_catalog().projects  # a refresh token alone: refreshed at once
        first_provider.close()
        refreshes = sum(r.url.path == "/oauth/token" for r in fake.requests)
        assert refreshes == 1
        # B's next request finds A's token in the shared store instead of sending the used-up refresh token
        if early is not None:
            assert early.fetch_catalog().projects
            early.close()
        later = timeneye_of(b)
        assert later.fetch_catalog().projects
        later.close()
        assert sum(r.url.path == "/oauth/token" for r in fake.requests) == refreshes
        if backend == "sqlite":  # one box: the token file in the user's folder, as before
            kept = json.loads((first / "users" / "bob" / "timeneye-oauth.json").read_text())
        else:
            kept = b.config("bob").provider("timeneye")
        assert kept["refresh_token"] != answer["refresh_token"] and fake.oauth.valid(kept["access_token"])
        if backend == "postgresql":
            assert not (first / "users" / "bob").exists()  # nothing of bob's on either host's disk
            assert not (second / "users" / "bob").exists()
            assert count(a.db, "credentials") == 3  # access_token, refresh_token, expires_at
            with a.db.pool.connection() as conn:  # type: ignore[attr-defined]
                stored = b"".join(bytes(r[0]) if isinstance(r[0], (bytes, memoryview)) else str(r[0]).encode()
                                  for r in conn.execute("SELECT secret FROM credentials").fetchall())
            assert kept["access_token"].encode() not in stored  # encrypted at rest
        for secret in (kept["access_token"], kept["refresh_token"], answer["refresh_token"]):
            assert secret not in caplog.text
    finally:
        for users in (a, b):
            users.close()
            users.db.close()
