"""`nlentry users`, `nlentry apikey`: through `nlentry.cli.main`, as a person would type them, with the
server's state on each back end (SQLite server.db, PostgreSQL)."""

from __future__ import annotations

import io
import json
import os
import stat
from pathlib import Path

import pytest
from conftest import backend_config, write_config

from nlentry import config
from nlentry.cli import main
from nlentry.server.auth import ApiKeys
from nlentry.server.settings import Settings
from nlentry.server.storage import ServerStorage, open_storage


def run(home: Path, *argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(list(argv), env={"NLENTRY_HOME": str(home)})
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def server_home(tmp_path: Path, backend: str, request: pytest.FixtureRequest) -> Path:
    """A server home whose state is on `backend` (config.toml names the database and the key file)."""
    home = tmp_path / "server"
    write_config(home, **backend_config(backend, request, tmp_path))
    return home


def storage_of(home: Path) -> ServerStorage:
    return open_storage(Settings.load({"NLENTRY_HOME": str(home)}))


def stored_text(storage: ServerStorage, table: str) -> str:
    """Every value of a table of the storage, as one text (to look for what must not be there)."""
    if storage.kind == "sqlite":
        return repr([tuple(r) for r in storage.db.query(f"SELECT * FROM {table}")])  # type: ignore[attr-defined]
    with storage.pool.connection() as conn:  # type: ignore[attr-defined]
        return repr(conn.execute(f"SELECT * FROM {table}").fetchall())


def test_users_and_links(server_home: Path, backend: str, capsys: pytest.CaptureFixture[str]) -> None:
    home = server_home
    assert run(home, "users", "add", "alice", "--locale", "nl", capsys=capsys)[0] == 0
    assert (home / "server.db").exists() == (backend == "sqlite")
    if backend == "sqlite":  # the user's folder is its journal's home
        assert stat.S_IMODE(os.stat(home / "users" / "alice").st_mode) == 0o700
        assert stat.S_IMODE(os.stat(home / "server.db").st_mode) == 0o600
    else:  # everything of the user is in the database: no folder on this host
        assert not (home / "users" / "alice").exists()
    assert run(home, "users", "add", "alice", capsys=capsys)[0] == 1  # exists
    assert run(home, "users", "add", "../etc", capsys=capsys)[0] == 1  # not a folder name
    assert run(home, "users", "link", "alice", "--slack", "T1:U1", capsys=capsys)[0] == 0
    assert run(home, "users", "link", "alice", "--telegram", "42", capsys=capsys)[0] == 0
    assert run(home, "users", "link", "alice", "--slack", "nocolon", capsys=capsys)[0] == 1
    assert run(home, "users", "link", "nobody", "--telegram", "1", capsys=capsys)[0] == 1
    status, out, _ = run(home, "users", "ls", "--json", capsys=capsys)
    folder = str(home / "users" / "alice") if backend == "sqlite" else None  # PostgreSQL: none
    assert json.loads(out) == [
        {
            "id": "alice",
            "locale": "nl",
            "home": folder,
            "chat": ["slack:T1:U1", "telegram:42"],
        }
    ]
    status, out, err = run(home, "users", "home", "alice", capsys=capsys)
    if backend == "sqlite":
        assert (status, out.strip()) == (0, folder)
    else:  # no folder to name: said so, with where the user's state is, and a failing status
        assert status == 1 and out == ""
        assert "alice has no folder" in err and "postgresql://" in err and "Traceback" not in err
    assert run(home, "users", "unlink", "--telegram", "42", capsys=capsys)[0] == 0
    assert run(home, "users", "unlink", "--telegram", "42", capsys=capsys)[0] == 1
    # a link code the bot handed out
    settings = Settings.load({"NLENTRY_HOME": str(home)})
    from nlentry.server.users import Users

    code = Users(settings, open_storage(settings)).link_code("telegram:7")
    assert run(home, "users", "link", "alice", "--code", code, capsys=capsys)[0] == 0
    assert run(home, "users", "link", "alice", "--code", code, capsys=capsys)[0] == 1  # used up
    assert run(home, "users", "rm", "alice", capsys=capsys)[0] == 0
    assert json.loads(run(home, "users", "ls", "--json", capsys=capsys)[1]) == []


def test_user_provider_settings_with_a_secret_from_stdin(
    server_home: Path, backend: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    home = server_home
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cr3t-token-value\n"))
    status, out, err = run(
        home,
        "users",
        "add",
        "bob",
        "--provider",
        "timetagger",
        "--setting",
        "base_url=http://127.0.0.1:1/api",
        "--setting",
        "token=-",
        capsys=capsys,
    )
    assert status == 0 and "s3cr3t" not in out + err
    # what the user's journal is opened with: the provider's settings, the token included
    from nlentry.server.users import Users

    storage = storage_of(home)
    users = Users(Settings.load({"NLENTRY_HOME": str(home)}), storage)
    assert users.config("bob").default_provider == "timetagger"
    settings = config.provider_settings("timetagger", env=users.env("bob"), cfg=users.config("bob"))
    assert settings["base_url"] == "http://127.0.0.1:1/api" and settings["token"] == "s3cr3t-token-value"
    folder = home / "users" / "bob" / "config.toml"
    if backend == "sqlite":  # in the user's own config.toml (0600), as for any nlentry user
        assert stat.S_IMODE(os.stat(folder).st_mode) == 0o600
        cfg = config.load({"NLENTRY_HOME": str(home / "users" / "bob")})
        assert cfg.default_provider == "timetagger"
        assert cfg.provider("timetagger") == {
            "base_url": "http://127.0.0.1:1/api", "token": "s3cr3t-token-value"
        }
    else:  # in the database, the token encrypted; the folder holds nothing
        assert not folder.exists()
        assert storage.user_settings("bob") == {
            "default_provider": "timetagger", "providers": {"timetagger": {"base_url": "http://127.0.0.1:1/api"}}
        }
        assert "s3cr3t" not in stored_text(storage, "credentials")
        assert "s3cr3t" not in stored_text(storage, "user_settings")
    storage.close()
    assert run(home, "users", "set", "bob", "--provider", "nonesuch", capsys=capsys)[0] == 1


def test_api_keys_are_shown_once_and_stored_hashed(
    server_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = server_home
    run(home, "users", "add", "alice", capsys=capsys)
    assert run(home, "apikey", "create", "nobody", capsys=capsys)[0] == 1
    status, out, err = run(home, "apikey", "create", "alice", "--name", "laptop", capsys=capsys)
    key = out.strip()
    assert status == 0 and key.startswith("nle_") and len(key) > 40 and key not in err
    db = storage_of(home)
    assert key not in stored_text(db, "api_keys") and key[4:] not in stored_text(db, "api_keys")
    listed = json.loads(run(home, "apikey", "ls", "--json", capsys=capsys)[1])
    assert [(k["user"], k["name"]) for k in listed] == [("alice", "laptop")]
    assert key not in json.dumps(listed)
    assert ApiKeys(db).user_of(key) == "alice"
    assert ApiKeys(db).user_of(key[:-1] + ("A" if key[-1] != "A" else "B")) is None
    assert run(home, "apikey", "revoke", listed[0]["id"], capsys=capsys)[0] == 0
    assert ApiKeys(db).user_of(key) is None
    assert run(home, "apikey", "revoke", listed[0]["id"], capsys=capsys)[0] == 1


def test_serve_help_does_not_start_anything(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(tmp_path, "serve", "--help", capsys=capsys)
    assert status == 0 and "--port" in out and "--workers" in out


def test_the_admin_commands_speak_the_admins_language(
        server_home: Path, backend: str, capsys: pytest.CaptureFixture[str]) -> None:
    env = {"NLENTRY_HOME": str(server_home), "LANG": "nl_NL.UTF-8"}

    def said(*argv: str) -> tuple[int, str]:
        status = main(list(argv), env=env)
        return status, capsys.readouterr().err

    status, err = said("users", "add", "carol")
    assert status == 0 and err.startswith("carol toegevoegd: ")
    status, err = said("apikey", "create", "nobody")
    assert status == 1
    assert err == "nlentry: geen gebruiker 'nobody' (voeg er een toe met 'nlentry users add nobody')\n"
    status, err = said("users", "unlink", "--telegram", "77")
    assert status == 1 and err == "nlentry: telegram:77 is niet gekoppeld\n"
    status, err = said("users", "rm", "carol")
    assert status == 0 and err.startswith("carol verwijderd (zijn map " if backend == "sqlite"
                                          else "carol verwijderd, met zijn instellingen en journaal")


def test_ls_as_json_lines(server_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = server_home
    for user in ("alice", "bob"):
        assert run(home, "users", "add", user, capsys=capsys)[0] == 0
        assert run(home, "apikey", "create", user, "--name", f"{user}'s laptop", capsys=capsys)[0] == 0
    lines = run(home, "users", "ls", "--jsonl", capsys=capsys)[1].splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["alice", "bob"]
    lines = run(home, "apikey", "ls", "--jsonl", capsys=capsys)[1].splitlines()
    assert [(k["user"], k["name"]) for k in map(json.loads, lines)] == [
        ("alice", "alice's laptop"), ("bob", "bob's laptop")
    ]


def test_rm_keeps_a_user_whose_entries_are_not_at_the_provider_yet(
    server_home: Path, backend: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """On PostgreSQL a user's journal goes with the user: an entry not yet posted would be lost silently."""
    from nlentry.server.users import Users

    home = server_home
    assert run(home, "users", "add", "alice", capsys=capsys)[0] == 0
    settings = Settings.load({"NLENTRY_HOME": str(home)})
    storage = open_storage(settings)
    users = Users(settings, storage)
    try:
        journal = users.journal("alice")
        journal.save(journal.read("2 uur overleg"), post=False)  # queued, not posted
        assert users.unposted("alice") == (1 if backend == "postgresql" else 0)
    finally:
        users.close()
        storage.close()
    status, _, err = run(home, "users", "rm", "alice", capsys=capsys)
    if backend == "sqlite":  # the folder, and the outbox in it, is kept
        assert status == 0 and "is kept" in err
        return
    assert status == 1 and "1 entries not yet at the provider" in err and "--force" in err
    assert run(home, "users", "ls", "--jsonl", capsys=capsys)[1].count('"alice"') == 1
    status, _, err = run(home, "users", "rm", "alice", "--force", capsys=capsys)
    assert status == 0 and err == "removed alice, with its settings and journal\n"
    assert run(home, "users", "ls", "--jsonl", capsys=capsys)[1] == ""
