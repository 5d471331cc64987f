"""Configuration: every state location under NLENTRY_HOME, private files, and no secret in any output.

The redaction tests use a real HTTP server on 127.0.0.1 that echoes the token it was sent back in
its error body (the worst case), and check exception messages and the command's output.
"""

from __future__ import annotations

import http.server
import os
import stat
import sys
import threading
import types
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from nlentry import config
from nlentry.booking.store import Store
from nlentry.cli import ExitStatus, main
from nlentry.providers.base import AuthError, ProviderError, TransientError

TOKEN = "tt-secret-0123456789abcdef"  # noqa: S105 - a test secret


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "nlentry-home"


@pytest.fixture
def env(home: Path) -> dict[str, str]:
    return {"NLENTRY_HOME": str(home)}


# --- locations -----------------------------------------------------------------------------------


def test_nlentry_home_relocates_config_and_database(env: dict[str, str], home: Path) -> None:
    assert config.home(env) == home and config.data_home(env) == home
    assert config.config_path(env) == home / "config.toml"
    assert config.load(env).path == home / "config.toml"  # read by its string, shown as a Path
    assert config.home_dir(env) == config.data_dir(env) == str(home)
    with Store.open(env) as store:
        assert Path(store.path) == home / "nlentry.db"
    assert mode(home) == 0o700, "the home directory nlentry creates is private"
    assert mode(home / "nlentry.db") == 0o600


def test_an_existing_home_open_to_others_is_made_private(env: dict[str, str], home: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    home.mkdir(mode=0o755)
    os.chmod(home, 0o777)
    assert main(["add", "--yes", "2 uur testen"], env=env) == ExitStatus.OK
    assert mode(home) == 0o700, "the journal and secrets are not left readable by others"


def test_without_nlentry_home_the_platform_dirs_are_used(monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    if sys.platform != "linux":
        pytest.skip("the XDG variables steer platformdirs on Linux only")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert config.home({}) == tmp_path / "cfg" / "nlentry"
    assert config.data_home({}) == tmp_path / "data" / "nlentry"


def test_nothing_is_written_by_reading(env: dict[str, str], home: Path) -> None:
    cfg = config.load(env)
    assert cfg.default_provider == "local" and cfg.providers == {}
    assert not home.exists()


# --- the file ------------------------------------------------------------------------------------


def test_config_is_saved_private_and_read_back(env: dict[str, str], home: Path) -> None:
    path = config.set_provider_settings("timetagger", {"base_url": "http://127.0.0.1:1/api", "token": TOKEN},
                                        env)
    assert path == home / "config.toml"
    assert mode(path) == 0o600 and mode(home) == 0o700
    config.set_provider_settings("timetagger", {"timezone": "Europe/Amsterdam"}, env)
    cfg = config.load(env)
    assert cfg.provider("timetagger") == {"base_url": "http://127.0.0.1:1/api", "token": TOKEN,
                                          "timezone": "Europe/Amsterdam"}
    assert TOKEN not in repr(cfg)
    assert mode(path) == 0o600, "rewriting keeps it private"


def test_default_provider_from_file_and_environment(env: dict[str, str], home: Path) -> None:
    home.mkdir()
    (home / "config.toml").write_text('default_provider = "timetagger"\n', encoding="utf-8")
    assert config.default_provider(env) == "timetagger"
    assert config.default_provider({**env, "NLENTRY_PROVIDER": "timi"}) == "timi"


def test_settings_merge_file_keyring_and_environment(env: dict[str, str], home: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    config.set_provider_settings("timi", {"email": "a@b.nl", "base_url": "http://file"}, env)
    fake_keyring = types.ModuleType("keyring")
    asked: list[tuple[str, str]] = []

    def get_password(service: str, user: str) -> str | None:
        asked.append((service, user))
        return "from-keyring-secret" if user == "timi.token" else None

    fake_keyring.get_password = get_password  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "keyring", fake_keyring)
    monkeypatch.setattr(config, "_keyring_broken", False)
    settings = config.provider_settings("timi", env={**env, "NLENTRY_TIMI_BASE_URL": "http://env"})
    assert settings["token"] == "from-keyring-secret" and ("nlentry", "timi.token") in asked
    assert settings["email"] == "a@b.nl" and settings["base_url"] == "http://env"
    assert settings["data_dir"] == str(home)
    settings = config.provider_settings("timi", env={**env, "NLENTRY_TIMI_TOKEN": "from-env-secret"})
    assert settings["token"] == "from-env-secret", "the environment wins over the keyring"
    assert config.redact("x from-keyring-secret from-env-secret") == "x *** ***"
    asked.clear()
    settings = config.provider_settings("timi", env={**env, "NLENTRY_KEYRING": "0"})
    assert "token" not in settings and asked == [], "NLENTRY_KEYRING=0 keeps the keyring out"


def test_a_missing_or_broken_keyring_is_skipped_silently(env: dict[str, str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    broken = types.ModuleType("keyring")

    def get_password(service: str, user: str) -> str | None:
        raise RuntimeError("No recommended backend was available")

    broken.get_password = get_password  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "keyring", broken)
    monkeypatch.setattr(config, "_keyring_broken", False)
    assert "token" not in config.provider_settings("timi", env=env)
    monkeypatch.setitem(sys.modules, "keyring", None)  # not installed: import fails
    monkeypatch.setattr(config, "_keyring_broken", False)
    assert "token" not in config.provider_settings("timi", env=env)


def test_invalid_toml_is_one_clear_error(env: dict[str, str], home: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    home.mkdir()
    (home / "config.toml").write_text('[providers.timi]\ntoken = "abc\n', encoding="utf-8")
    with pytest.raises(config.ConfigError, match="not valid TOML"):
        config.load(env)
    assert main(["sync"], env=env) == ExitStatus.USAGE
    err = capsys.readouterr().err
    assert err.startswith("nlentry: ") and "Traceback" not in err and len(err.splitlines()) == 1


# --- redaction -----------------------------------------------------------------------------------


def test_redact_masks_registered_secrets_longest_first() -> None:
    config.register_secret("abcd1234efgh")
    config.register_secret("me@x.nl:tok-5678-secret")
    assert config.redact("a abcd1234efgh b") == "a *** b"
    assert config.redact("basic me@x.nl:tok-5678-secret") == "basic ***"
    assert config.redact("just tok-5678-secret") == "just ***", "the parts of a joined pair too"
    assert config.redact("nothing here", ["here-not"]) == "nothing here"
    assert config.redacted({"token": "x", "base_url": "u", "client_secret": ""}) == {
        "token": "***", "base_url": "u", "client_secret": ""}
    assert config.is_secret_key("refresh_token") and not config.is_secret_key("token_url")


class _Echo(http.server.BaseHTTPRequestHandler):
    """Answers 401 (or 500 for /records) with the token it was sent in the body: the worst server."""

    def do_GET(self) -> None:
        status = 500 if self.path.startswith("/timetagger/api/v2/records") else 401
        body = f"unauthorized: bad token {self.headers.get('authtoken')}".encode()
        self.send_response(status)
        self.send_header("content-type", "text/plain")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_PUT = do_GET

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def echo_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/timetagger/api/v2"
    finally:
        server.shutdown()
        server.server_close()


def test_no_token_in_provider_exception_messages(echo_server: str) -> None:
    from nlentry.providers.timetagger import TimeTaggerProvider

    provider = TimeTaggerProvider.from_settings({"base_url": echo_server, "token": TOKEN})
    try:
        with pytest.raises(AuthError) as auth:
            provider.fetch_catalog()
        with pytest.raises(TransientError) as transient:
            provider.list_day(date(2026, 11, 18))
    finally:
        provider.close()
    for exc in (auth.value, transient.value):
        assert TOKEN not in str(exc) and TOKEN not in repr(exc)
        assert "***" in str(exc), "the echoed token was masked"
    assert TOKEN not in repr(provider)


def test_no_token_in_cli_output(echo_server: str, env: dict[str, str],
                                capsys: pytest.CaptureFixture[str]) -> None:
    config.set_provider_settings("timetagger", {"base_url": echo_server, "token": TOKEN}, env)
    config._secrets.discard(TOKEN)  # as in a fresh process: only what the command itself reads
    outputs = []
    for argv, debug in ((["sync", "--provider", "timetagger"], False),
                        (["sync", "--provider", "timetagger"], True),
                        (["add", "2", "hours", "meeting", "--provider", "timetagger"], False),
                        (["outbox"], False), (["flush"], True), (["providers"], False)):
        status = main(argv, env={**env, **({"NLENTRY_DEBUG": "1"} if debug else {})})
        out, err = capsys.readouterr()
        outputs.append((argv, status, out, err))
        assert TOKEN not in out and TOKEN not in err, argv
    sync_status, sync_err = outputs[0][1], outputs[0][3]
    assert sync_status == ExitStatus.PROVIDER and sync_err.count("\n") == 1 and "Traceback" not in sync_err
    assert "***" in sync_err
    assert outputs[2][1] == ExitStatus.PROVIDER, "add: not posted, kept in the outbox"
    assert "kept in the outbox" in outputs[2][3]


def test_token_from_environment_is_redacted_too(echo_server: str, env: dict[str, str],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    secret = "env-token-9876543210zyx"
    status = main(["sync", "--provider", "timetagger"],
                  env={**env, "NLENTRY_TIMETAGGER_BASE_URL": echo_server, "NLENTRY_TIMETAGGER_TOKEN": secret})
    out, err = capsys.readouterr()
    assert status == ExitStatus.PROVIDER and secret not in out + err


def test_missing_credentials_are_a_clear_provider_error(env: dict[str, str],
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["sync", "--provider", "timetagger"],
                  env={**env, "NLENTRY_TIMETAGGER_BASE_URL": "http://127.0.0.1:9/api"})
    err = capsys.readouterr().err
    assert status == ExitStatus.PROVIDER and "no API token configured" in err


def test_unreachable_provider_is_transient_and_names_no_secret() -> None:
    from nlentry.providers.timetagger.client import TimeTaggerClient

    client = TimeTaggerClient("http://127.0.0.1:9/timetagger/api/v2", TOKEN, timeout=2)
    try:
        with pytest.raises(TransientError) as exc:
            client.get("records", {"timerange": "0-1"})
    finally:
        client.close()
    assert "cannot reach timetagger" in str(exc.value) and TOKEN not in str(exc.value)


def test_bad_settings_are_provider_errors_without_values() -> None:
    from nlentry import providers

    with pytest.raises(ProviderError, match="base_url"):
        providers.get("timetagger", {"token": TOKEN})
    with pytest.raises(ProviderError, match="unknown time zone") as exc:
        providers.get("timetagger", {"base_url": "http://127.0.0.1:9", "token": TOKEN,
                                     "timezone": "Mars/Base"})
    assert TOKEN not in str(exc.value)
