"""PostgreSQL only: the schema migrations (`nlentry db upgrade`), a server that refuses a schema it does
not know or a database URL without a key, and the credentials' key (encryption at rest, rotation)."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from conftest import write_config
from pg_cluster import PgCluster

from nlentry.cli import main
from nlentry.server import pg
from nlentry.server.settings import Settings
from nlentry.server.storage import SchemaError, StorageUnavailable, open_storage
from nlentry.server.vault import Vault, VaultError, new_key


@pytest.fixture
def empty_url(pg_cluster: PgCluster) -> str:
    """A database without nlentry's schema."""
    import uuid

    name = f"e_{uuid.uuid4().hex[:16]}"
    yield pg_cluster.database(name)
    pg_cluster.drop(name)


def run(home: Path, *argv: str, capsys: pytest.CaptureFixture[str], **env: str) -> tuple[int, str, str]:
    status = main(list(argv), env={"NLENTRY_HOME": str(home), **env})
    out, err = capsys.readouterr()
    return status, out, err


def test_the_migrations_ship_in_order() -> None:
    found = pg.migrations()
    assert [m.version for m in found] == list(range(1, len(found) + 1)) and len(found) == pg.LATEST
    assert found[0].path.name == "0001_server_state.sql"


def test_upgrade_then_serve(empty_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                            secret_key: str) -> None:
    home = tmp_path / "server"
    write_config(home, database_url=empty_url)
    env = {"NLENTRY_SECRET_KEY": secret_key}
    # a server never runs on a schema older than it knows: a clear message, a non-zero status
    status, _, err = run(home, "serve", "--port", "1", capsys=capsys, **env)
    assert status == 1 and "schema is at version 0" in err and "nlentry db upgrade" in err
    assert "Traceback" not in err
    assert run(home, "db", "status", capsys=capsys, **env)[0] == 1
    status, _, err = run(home, "db", "upgrade", capsys=capsys, **env)
    assert status == 0 and "applied 0001_server_state" in err
    status, _, err = run(home, "db", "upgrade", capsys=capsys, **env)  # twice: nothing to do
    assert status == 0 and "up to date" in err
    status, out, _ = run(home, "db", "status", capsys=capsys, **env)
    assert status == 0 and f"schema version {pg.LATEST}" in out and "up to date" in out
    assert run(home, "users", "add", "alice", capsys=capsys, **env)[0] == 0
    # a schema newer than this nlentry (a newer version upgraded the database)
    with psycopg.connect(empty_url, autocommit=True) as conn:
        conn.execute("INSERT INTO schema_migrations (version, name) VALUES (%s, 'from_the_future')",
                     (pg.LATEST + 1,))
    with pytest.raises(SchemaError, match="newer than this nlentry"):
        open_storage(Settings.load({"NLENTRY_HOME": str(home), **env}))
    status, _, err = run(home, "users", "ls", capsys=capsys, **env)
    assert status == 1 and "newer than this nlentry" in err
    status, _, err = run(home, "db", "upgrade", capsys=capsys, **env)
    assert status == 1 and "upgrade nlentry" in err


def test_two_upgrades_at_once_apply_each_migration_once(empty_url: str) -> None:
    import threading

    results: list[int] = []
    threads = [threading.Thread(target=lambda: results.append(len(pg.upgrade(empty_url)))) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [0, 0, pg.LATEST]


def test_a_database_url_without_a_key_is_refused(pg_url: str, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "server"
    write_config(home, database_url=pg_url.replace("postgres@", "postgres:pw-0f9e8d7c6b@"))
    status, out, err = run(home, "serve", capsys=capsys)
    assert status == 1 and "NLENTRY_SECRET_KEY" in err and "pw-0f9e8d7c6b" not in out + err
    status, _, err = run(home, "users", "add", "alice", capsys=capsys, NLENTRY_SECRET_KEY="not-a-key")
    assert status == 1 and "not a Fernet key" in err and "not-a-key" not in err


def test_an_unreachable_database_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   secret_key: str) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens there once the socket is closed
    home = tmp_path / "server"
    write_config(home, database_url=f"postgresql://nlentry:hunter2-secret@127.0.0.1:{port}/nlentry")
    with pytest.raises(StorageUnavailable, match=f"127.0.0.1:{port}/nlentry"):
        open_storage(Settings.load({"NLENTRY_HOME": str(home), "NLENTRY_SECRET_KEY": secret_key}))
    status, out, err = run(home, "serve", capsys=capsys, NLENTRY_SECRET_KEY=secret_key)
    assert status == 1 and "cannot connect to the database" in err and "hunter2" not in out + err


def test_credentials_are_encrypted_at_rest_and_the_key_rotates(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    old, new = new_key(), new_key()
    home = tmp_path / "server"
    write_config(home, database_url=pg_url)
    monkeypatch.setattr("sys.stdin", io.StringIO("tt-token-abcdef123456\n"))
    status, out, err = run(home, "users", "add", "bob", "--provider", "timetagger", "--setting",
                           "base_url=http://127.0.0.1:1/api", "--setting", "token=-", capsys=capsys,
                           NLENTRY_SECRET_KEY=old)
    assert status == 0 and "tt-token" not in out + err
    with psycopg.connect(pg_url) as conn:
        (stored,) = conn.execute("SELECT secret FROM credentials WHERE user_id = 'bob'").fetchone()
    assert b"tt-token" not in bytes(stored)
    assert Vault([old]).decrypt(stored) == "tt-token-abcdef123456"
    with pytest.raises(VaultError) as refused:
        Vault([new]).decrypt(stored)
    assert new not in str(refused.value) and "tt-token" not in str(refused.value)
    # rotation: the new key first, the old one after it; re-encrypt; then the old key can go
    status, _, err = run(home, "db", "rotate-key", capsys=capsys, NLENTRY_SECRET_KEY=f"{new},{old}")
    assert status == 0 and "1 credential encrypted again" in err
    settings = Settings.load({"NLENTRY_HOME": str(home), "NLENTRY_SECRET_KEY": new})
    storage = open_storage(settings)
    try:
        assert storage.credentials("bob") == {"timetagger": {"token": "tt-token-abcdef123456"}}
    finally:
        storage.close()
    key_file = tmp_path / "keys"
    key_file.write_text(f"# the newest first\n{new}\n", encoding="utf-8")
    write_config(home, database_url=pg_url, secret_key_file=str(key_file))
    key_file.chmod(0o644)
    status, out, err = run(home, "users", "ls", capsys=capsys)
    assert status == 1 and "may be read by others: chmod 600" in err and new not in out + err
    key_file.chmod(0o600)
    assert Settings.load({"NLENTRY_HOME": str(home)}).secret_keys == (new,)


def test_settings_of_the_database_and_its_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from nlentry.config import ConfigError

    home = tmp_path / "server"
    write_config(home, database_url="mysql://root@db/x")
    with pytest.raises(ConfigError, match="postgresql:// URL"):
        Settings.load({"NLENTRY_HOME": str(home)})
    write_config(home, database_url="postgresql://db/x", secret_key_file=str(tmp_path / "nonesuch.key"))
    status, _, err = run(home, "users", "ls", capsys=capsys)
    assert status == 1 and "nonesuch.key" in err and "Traceback" not in err
    key = new_key()
    settings = Settings.load({"NLENTRY_HOME": str(home), "NLENTRY_SECRET_KEY": f" {key} , {new_key()} "})
    assert settings.secret_keys[0] == key and len(settings.secret_keys) == 2  # the environment wins
    assert key not in repr(settings) and "postgresql" not in repr(settings)
    assert Settings.load({"NLENTRY_HOME": str(home), "NLENTRY_DATABASE_URL": "postgresql://u:pw-7a7a7a@h:5/d",
                          "NLENTRY_SECRET_KEY": key}).storage_name() == "postgresql://h:5/d"


def test_migrate_from_sqlite_moves_the_server_state_and_the_credentials(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], secret_key: str
) -> None:
    from conftest import NOW, PROVIDER_TOKEN, make_user

    from nlentry import config
    from nlentry.model import Entry
    from nlentry.server.auth import ApiKeys
    from nlentry.server.pending import Confirmations
    from nlentry.server.users import Users

    home = tmp_path / "server"
    write_config(home)  # a SQLite server, with two users, a key, links, a code, a confirmation
    make_user(home, "alice", "--locale", "nl")
    make_user(home, "bob", "--provider", "flaky", "--setting", f"token={PROVIDER_TOKEN}",
              "--setting", "workspace=acme", "--option", "confirm_below=0.3")
    sqlite = open_storage(Settings.load({"NLENTRY_HOME": str(home)}))
    key, _ = ApiKeys(sqlite).create("alice", name="laptop")
    users = Users(Settings.load({"NLENTRY_HOME": str(home)}), sqlite)
    users.link("alice", "slack:T1:U1")
    code = users.link_code("telegram:77")
    entry = Entry(text="2 uur overleg", locale="nl", date=NOW.date(), duration=7200)
    waiting = Confirmations(sqlite, ttl=900).open("alice", entry)
    assert sqlite.first_delivery(["telegram:5"], now=NOW.timestamp(), keep=1e9)
    sqlite.close()
    before = (home / "server.db").read_bytes()

    write_config(home, database_url=pg_url)
    env = {"NLENTRY_SECRET_KEY": secret_key}
    status, _, err = run(home, "db", "migrate-from-sqlite", capsys=capsys, **env)
    assert status == 0, err
    assert "2 users, 1 api keys, 1 chat links, 1 link codes, 1 pending" in err and "1 credentials" in err
    assert "the settings of 1 users" in err  # bob's (alice has none)
    assert PROVIDER_TOKEN not in err
    assert (home / "server.db").read_bytes() == before  # read, never changed
    bob = config.load({"NLENTRY_HOME": str(home / "users" / "bob")})
    assert bob.default_provider == "flaky" and "token" not in bob.provider("flaky")  # out of the folder

    settings = Settings.load({"NLENTRY_HOME": str(home), **env})
    moved = open_storage(settings)
    try:
        assert [(u.id, u.locale, u.identities) for u in moved.users()] == [
            ("alice", "nl", ("slack:T1:U1",)), ("bob", None, ())]
        assert ApiKeys(moved).user_of(key) == "alice"
        assert moved.credentials("bob") == {"flaky": {"token": PROVIDER_TOKEN}}
        assert moved.user_settings("bob") == {
            "default_provider": "flaky", "confirm_below": 0.3, "providers": {"flaky": {"workspace": "acme"}}
        }
        assert moved.user_settings("alice") == {}
        # another host (a home of its own) opens bob's journal with what was moved
        elsewhere = Settings.load({"NLENTRY_HOME": str(tmp_path / "host-b"), "NLENTRY_DATABASE_URL": pg_url,
                                   **env})
        journal = Users(elsewhere, moved).journal("bob")
        assert journal.provider == "flaky" and journal.confirm_below == 0.3
        journal.close()
        taken = Confirmations(moved, ttl=900).take(waiting.id, "alice")
        assert taken is not None and taken.entry == entry
        assert not moved.first_delivery(["telegram:5"], now=NOW.timestamp(), keep=1.0)  # handled already
        assert Users(settings, moved).redeem("bob", code) == "telegram:77"
    finally:
        moved.close()
    status, _, err = run(home, "db", "migrate-from-sqlite", capsys=capsys, **env)  # again: refused
    assert status == 1 and "has users already" in err


def test_migrate_from_sqlite_moves_the_journals_with_nothing_lost(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], secret_key: str
) -> None:
    import sqlite3

    from conftest import NOW, PROVIDER_TOKEN, FlakyProvider, make_user

    from nlentry.booking.store import Store
    from nlentry.server.users import Users

    home = tmp_path / "server"
    write_config(home)  # a SQLite server whose users have logged: posted, pending, a timer, an alias
    make_user(home, "alice", "--locale", "nl")
    make_user(home, "bob", "--provider", "flaky", "--setting", f"token={PROVIDER_TOKEN}")
    sqlite = open_storage(Settings.load({"NLENTRY_HOME": str(home)}))
    users = Users(Settings.load({"NLENTRY_HOME": str(home)}), sqlite)
    alice, bob = users.journal("alice"), users.journal("bob")
    alice.save(alice.read("2 uur overleg aan Webshop", now=NOW))  # `local`: posted at once
    alice.start(alice.read("aan Webshop", now=NOW), now=NOW)
    alice.store.add_alias("local", "shop", "Webshop", "project")
    FlakyProvider.down = True
    bob.save(bob.read("3 uur overleg", now=NOW))
    bob.save(bob.read("1 uur overleg", now=NOW))
    FlakyProvider.down = False
    users.close()
    sqlite.close()
    before = {}
    for user in ("alice", "bob"):
        with Store(home / "users" / user / "nlentry.db") as store:
            before[user] = store.dump()
    assert len(before["alice"]["outbox"]) == 1 and len(before["alice"]["timer"]) == 1
    assert [row for row in before["bob"]["outbox"] if "pending" in row]  # still to post

    write_config(home, database_url=pg_url)
    env = {"NLENTRY_SECRET_KEY": secret_key}
    # a journal that cannot be read stops the move, and nothing stays moved
    broken = home / "users" / "bob" / "nlentry.db"
    with sqlite3.connect(broken) as db:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        db.execute("PRAGMA user_version = 99")
    status, _, err = run(home, "db", "migrate-from-sqlite", capsys=capsys, **env)
    assert status == 1 and "newer nlentry" in err
    settings = Settings.load({"NLENTRY_HOME": str(home), **env})
    storage = open_storage(settings)
    assert storage.users() == [] and storage.booking("alice").dump()["outbox"] == []  # type: ignore[union-attr]
    storage.close()
    with sqlite3.connect(broken) as db:
        db.execute(f"PRAGMA user_version = {version}")

    status, _, err = run(home, "db", "migrate-from-sqlite", capsys=capsys, **env)
    assert status == 0, err
    assert "the users' journals: " in err and "3 outbox" in err and "1 timer" in err and "1 aliases" in err
    storage = open_storage(settings)
    elsewhere = Settings.load({"NLENTRY_HOME": str(tmp_path / "host-b"), "NLENTRY_DATABASE_URL": pg_url,
                               **env})
    users = Users(elsewhere, storage)
    try:
        for user in ("alice", "bob"):  # every row, as it was
            after = storage.booking(user).dump()  # type: ignore[union-attr]
            assert {t: len(r) for t, r in after.items()} == {t: len(r) for t, r in before[user].items()}
            assert after == before[user]
        # another host opens them: the pending entries get posted there, once
        bob = users.journal("bob")
        bob.outbox.clock = lambda: 4e9
        assert len(bob.outbox.flush().posted) == 2 and FlakyProvider.posts == 2
        assert [i.state for i in bob.entries(NOW.date(), NOW.date())] == ["posted", "posted"]
        alice = users.journal("alice")
        assert alice.timer() is not None and len(alice.entries(NOW.date(), NOW.date())) == 1
    finally:
        users.close()
        storage.close()
