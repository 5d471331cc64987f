"""`nlentry users`, `nlentry apikey`: through `nlentry.cli.main`, as a person would type them."""

from __future__ import annotations

import io
import json
import os
import stat
from pathlib import Path

import pytest

from nlentry import config
from nlentry.cli import main
from nlentry.server.auth import ApiKeys
from nlentry.server.db import ServerDB
from nlentry.server.settings import Settings


def run(home: Path, *argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(list(argv), env={"NLENTRY_HOME": str(home)})
    out, err = capsys.readouterr()
    return status, out, err


def test_users_and_links(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "server"
    assert run(home, "users", "add", "alice", "--locale", "nl", capsys=capsys)[0] == 0
    assert stat.S_IMODE(os.stat(home / "users" / "alice").st_mode) == 0o700
    assert stat.S_IMODE(os.stat(home / "server.db").st_mode) == 0o600
    assert run(home, "users", "add", "alice", capsys=capsys)[0] == 1  # exists
    assert run(home, "users", "add", "../etc", capsys=capsys)[0] == 1  # not a folder name
    assert run(home, "users", "link", "alice", "--slack", "T1:U1", capsys=capsys)[0] == 0
    assert run(home, "users", "link", "alice", "--telegram", "42", capsys=capsys)[0] == 0
    assert run(home, "users", "link", "alice", "--slack", "nocolon", capsys=capsys)[0] == 1
    assert run(home, "users", "link", "nobody", "--telegram", "1", capsys=capsys)[0] == 1
    status, out, _ = run(home, "users", "ls", "--json", capsys=capsys)
    assert json.loads(out) == [
        {
            "id": "alice",
            "locale": "nl",
            "home": str(home / "users" / "alice"),
            "chat": ["slack:T1:U1", "telegram:42"],
        }
    ]
    assert run(home, "users", "home", "alice", capsys=capsys)[1].strip() == str(home / "users" / "alice")
    assert run(home, "users", "unlink", "--telegram", "42", capsys=capsys)[0] == 0
    assert run(home, "users", "unlink", "--telegram", "42", capsys=capsys)[0] == 1
    # a link code the bot handed out
    settings = Settings.load({"NLENTRY_HOME": str(home)})
    from nlentry.server.users import Users

    code = Users(settings, ServerDB(settings.database)).link_code("telegram:7")
    assert run(home, "users", "link", "alice", "--code", code, capsys=capsys)[0] == 0
    assert run(home, "users", "link", "alice", "--code", code, capsys=capsys)[0] == 1  # used up
    assert run(home, "users", "rm", "alice", capsys=capsys)[0] == 0
    assert json.loads(run(home, "users", "ls", "--json", capsys=capsys)[1]) == []


def test_user_provider_settings_with_a_secret_from_stdin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "server"
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
    user_env = {"NLENTRY_HOME": str(home / "users" / "bob")}
    cfg = config.load(user_env)
    assert cfg.default_provider == "timetagger"
    assert cfg.provider("timetagger") == {"base_url": "http://127.0.0.1:1/api", "token": "s3cr3t-token-value"}
    assert stat.S_IMODE(os.stat(home / "users" / "bob" / "config.toml").st_mode) == 0o600
    assert run(home, "users", "set", "bob", "--provider", "nonesuch", capsys=capsys)[0] == 1


def test_api_keys_are_shown_once_and_stored_hashed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "server"
    run(home, "users", "add", "alice", capsys=capsys)
    assert run(home, "apikey", "create", "nobody", capsys=capsys)[0] == 1
    status, out, err = run(home, "apikey", "create", "alice", "--name", "laptop", capsys=capsys)
    key = out.strip()
    assert status == 0 and key.startswith("nle_") and len(key) > 40 and key not in err
    assert key not in (home / "server.db").read_bytes().decode("latin-1")
    listed = json.loads(run(home, "apikey", "ls", "--json", capsys=capsys)[1])
    assert [(k["user"], k["name"]) for k in listed] == [("alice", "laptop")]
    assert key not in json.dumps(listed)
    db = ServerDB(Settings.load({"NLENTRY_HOME": str(home)}).database)
    assert ApiKeys(db).user_of(key) == "alice"
    assert ApiKeys(db).user_of(key[:-1] + ("A" if key[-1] != "A" else "B")) is None
    assert run(home, "apikey", "revoke", listed[0]["id"], capsys=capsys)[0] == 0
    assert ApiKeys(db).user_of(key) is None
    assert run(home, "apikey", "revoke", listed[0]["id"], capsys=capsys)[0] == 1


def test_serve_help_does_not_start_anything(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(tmp_path, "serve", "--help", capsys=capsys)
    assert status == 0 and "--port" in out and "--workers" in out
