"""`nlentry login` through `main(argv, env)`: tokens checked against the providers' emulators, and the
OAuth Authorization Code + PKCE flow with its loopback redirect on 127.0.0.1 (the emulator's
`authorize(url)` plays the user allowing the app in the browser; the test's "browser" then follows
the redirect to nlentry's one-shot server)."""

from __future__ import annotations

import io
import json
import stat
import sys
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import keyring
import pytest
from cli_support import Home, free_port
from keyring.backend import KeyringBackend
from keyring.backends.fail import Keyring as FailKeyring

from nlentry import config
from nlentry.providers.timeneye.fake import TimeneyeFake
from nlentry.providers.timi.fake import TimiFake
from nlentry.providers.tyme.fake import TymeFake

TOKEN = "timi-token-5f3a9c2e71"
CATALOG = {"clients": [{"id": 1, "name": "Acme"}],
           "projects": [{"id": 2, "name": "Webshop", "client_id": 1, "aliases": ["webwinkel"]}],
           "services": [{"id": 3, "name": "Overleg", "aliases": []}]}


@pytest.fixture
def timi(monkeypatch: pytest.MonkeyPatch) -> TimiFake:
    fake = TimiFake(email="me@example.com", token=TOKEN)
    fake.load_catalog(CATALOG)
    monkeypatch.setattr("nlentry.cli.setup.TRANSPORT", fake.transport())
    return fake


def typed(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    """Standard input is a pipe holding `text` (no terminal)."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def test_token_login_is_checked_kept_private_and_never_shown(
        home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        timi: TimiFake) -> None:
    typed(monkeypatch, TOKEN + "\n")
    status, out, err = home.cli(capsys, "login", "timi", "--email", "me@example.com")
    assert status == 0, err
    assert TOKEN not in out + err
    assert "signed in to timi" in out and "1 projects" in out
    path = home.path / "config.toml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert config.load(home.env).provider("timi") == {"email": "me@example.com", "token": TOKEN}
    assert any(r.url.path.endswith("projects.json") for r in timi.requests)  # the check went to Timi
    status, out, _ = home.cli(capsys, "projects", "--provider", "timi")  # the catalog was cached
    assert status == 0 and "Webshop" in out and "webwinkel" in out


def test_a_refused_token_exits_4_and_keeps_nothing(
        home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        timi: TimiFake) -> None:
    typed(monkeypatch, "wrong-token-0000\n")
    status, out, err = home.cli(capsys, "login", "timi", "--email", "me@example.com")
    assert status == 4
    assert "refused" in err and "nothing saved" in err and len(err.strip().splitlines()) == 1
    assert "wrong-token-0000" not in out + err
    assert config.load(home.env).provider("timi") == {}


def test_no_verify_keeps_an_unchecked_token(
        home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        timi: TimiFake) -> None:
    typed(monkeypatch, "unchecked-token-1234\n")
    status, _, err = home.cli(capsys, "login", "timi", "--email", "me@example.com", "--no-verify")
    assert status == 0, err
    assert timi.requests == []
    assert config.load(home.env).provider("timi")["token"] == "unchecked-token-1234"


def test_an_unreachable_provider_exits_4(
        home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    typed(monkeypatch, "tt-token-abcdef\n")
    status, _, err = home.cli(capsys, "login", "timetagger", "--base-url", f"http://127.0.0.1:{free_port()}/api/v2")
    assert status == 4 and "could not check" in err and "--no-verify" in err
    assert not (home.path / "config.toml").exists()


def test_login_usage_errors(home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                            timi: TimiFake) -> None:
    status, out, _ = home.cli(capsys, "login", "local")
    assert status == 0 and "nothing to sign in" in out
    status, _, err = home.cli(capsys, "login", "nosuch")
    assert status == 1 and "nosuch" in err
    typed(monkeypatch, "")
    status, _, err = home.cli(capsys, "login", "timi")  # no e-mail, no terminal to ask on
    assert status == 1 and "--email" in err
    typed(monkeypatch, "\n")
    status, _, err = home.cli(capsys, "login", "timi", "--email", "me@example.com")
    assert status == 1 and "no token" in err
    status, _, err = home.cli(capsys, "login", "tyme")  # OAuth needs the app's client id
    assert status == 1 and "--client-id" in err


# --- OAuth with PKCE and a loopback redirect -----------------------------------------------------


Browser = Callable[[str], bool]


@pytest.fixture
def tyme(monkeypatch: pytest.MonkeyPatch) -> TymeFake:
    fake = TymeFake.seeded(CATALOG)
    monkeypatch.setattr("nlentry.cli.setup.TRANSPORT", fake.transport())
    return fake


def browser(monkeypatch: pytest.MonkeyPatch, follow: Callable[[str], str | None]) -> dict[str, Any]:
    """Replace the browser: `follow(url)` gives the address the provider sends it back to (None: stays)."""
    seen: dict[str, Any] = {}

    def open_browser(url: str) -> bool:
        seen["url"] = url
        redirect = follow(url)

        def visit() -> None:
            if redirect is not None:
                answer = httpx.get(redirect, timeout=10)
                seen.update(status=answer.status_code, page=answer.text)

        seen["thread"] = threading.Thread(target=visit)
        seen["thread"].start()
        return True

    monkeypatch.setattr("nlentry.cli.setup.open_browser", open_browser)
    return seen


APP_SECRET = "my-app-secret-0042"


def register(fake: TymeFake, port: int) -> str:
    """The app "my-app" as Tyme's developer portal registers it: its redirect URI and its secret."""
    redirect_uri = f"http://127.0.0.1:{port}/callback"
    fake.oauth.register_app("my-app", redirect_uri, secret=APP_SECRET)
    return redirect_uri


def login_tyme(home: Home, capsys: pytest.CaptureFixture[str], port: int,
               *extra: str) -> tuple[int, str, str]:
    """`nlentry login tyme` with the app's registered redirect URI and secret in config.toml."""
    config.set_provider_settings("tyme", {"redirect_uri": f"http://127.0.0.1:{port}/callback",
                                          "client_secret": APP_SECRET}, env=home.env)
    return home.cli(capsys, "login", "tyme", "--client-id", "my-app", "--base-url", TymeFake.BASE_URL,
                    "--timeout", "10", *extra)


def test_oauth_login_through_the_loopback_redirect(
        home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        tyme: TymeFake) -> None:
    port = free_port()
    register(tyme, port)
    seen = browser(monkeypatch, tyme.authorize)
    status, out, err = login_tyme(home, capsys, port)
    seen["thread"].join(10)
    assert status == 0, err
    assert seen["url"].startswith("https://tyme.test/v1/authorize?") and seen["url"] in err  # printed too
    assert "code_challenge_method=S256" in seen["url"]
    assert f"redirect_uri=http%3A%2F%2F127.0.0.1%3A{port}%2Fcallback" in seen["url"]
    assert seen["status"] == 200 and "signed in" in seen["page"]

    token_file = home.path / "tyme-oauth.json"
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    token = json.loads(token_file.read_text())
    assert tyme.oauth.valid(token["access_token"]) and token["access_token"] not in out + err
    assert config.load(home.env).provider("tyme") == {
        "client_id": "my-app", "base_url": TymeFake.BASE_URL, "client_secret": APP_SECRET,
        "redirect_uri": f"http://127.0.0.1:{port}/callback"}
    exchange = next(r for r in tyme.requests if r.url.path == "/v1/access_token")
    assert f"client_secret={APP_SECRET}" in exchange.content.decode()  # as the document lists it
    assert "signed in to tyme" in out and "1 projects" in out
    status, out, _ = home.cli(capsys, "projects", "--provider", "tyme")
    assert status == 0 and "Webshop" in out


def test_oauth_login_refuses_an_answer_of_another_login(
        home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        tyme: TymeFake) -> None:
    port = free_port()
    register(tyme, port)
    seen = browser(monkeypatch, lambda url: tyme.authorize(url).replace("state=", "state=forged"))
    status, _, err = login_tyme(home, capsys, port)
    seen["thread"].join(10)
    assert status == 4 and "state" in err
    assert seen["status"] == 400 and "could not sign in" in seen["page"]
    assert not (home.path / "tyme-oauth.json").exists()


def test_oauth_login_gives_up_when_the_browser_never_comes_back(
        home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        tyme: TymeFake) -> None:
    port = free_port()
    browser(monkeypatch, lambda url: None)
    status, _, err = login_tyme(home, capsys, port, "--timeout", "0.5")
    assert status == 4 and "no answer from the browser" in err
    assert not (home.path / "tyme-oauth.json").exists()


def test_no_browser_only_prints_the_address(
        home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        tyme: TymeFake) -> None:
    def never(url: str) -> bool:
        raise AssertionError("--no-browser opened the browser")

    monkeypatch.setattr("nlentry.cli.setup.open_browser", never)
    status, _, err = login_tyme(home, capsys, free_port(), "--no-browser", "--timeout", "0.3")
    assert status == 4 and "https://tyme.test/v1/authorize?" in err


# --- the redirect URI registered with the app (Timeneye) -------------------------------------------


@pytest.fixture
def timeneye(monkeypatch: pytest.MonkeyPatch) -> TimeneyeFake:
    from nlentry.providers.timeneye.testing import CATALOG as TIMENEYE_CATALOG

    fake = TimeneyeFake.seeded(TIMENEYE_CATALOG)
    monkeypatch.setattr("nlentry.cli.setup.TRANSPORT", fake.transport())
    return fake


def login_timeneye(home: Home, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    return home.cli(capsys, "login", "timeneye", "--oauth", "--client-id", "tn-app", "--base-url",
                    TimeneyeFake.BASE_URL, "--timeout", "10", *extra)


def test_oauth_login_uses_the_redirect_uri_registered_with_the_app(
        home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        timeneye: TimeneyeFake) -> None:
    port = free_port()
    registered = f"http://localhost:{port}/nlentry/back"  # exactly as typed in the developer portal
    timeneye.register_app("tn-app", registered)
    config.set_provider_settings("timeneye", {"redirect_uri": registered}, env=home.env)
    seen = browser(monkeypatch, timeneye.authorize)  # the fake refuses any other redirect URI
    status, out, err = login_timeneye(home, capsys)
    seen["thread"].join(10)
    assert status == 0, err
    sent = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(seen["url"]).query))
    assert sent["redirect_uri"] == registered and seen["status"] == 200
    exchange = next(r for r in timeneye.requests if r.url.path == "/oauth/token")
    assert dict(urllib.parse.parse_qsl(exchange.content.decode()))["redirect_uri"] == registered
    assert config.load(home.env).provider("timeneye")["redirect_uri"] == registered
    assert "signed in to timeneye" in out


def test_oauth_login_without_a_registered_redirect_uri_is_a_clear_error(
        home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        timeneye: TimeneyeFake) -> None:
    def never(url: str) -> bool:
        raise AssertionError("no login may start without the registered redirect URI")

    monkeypatch.setattr("nlentry.cli.setup.open_browser", never)
    status, _, err = login_timeneye(home, capsys, "--timeout", "0.3")  # no terminal to ask on
    assert status == 1 and "redirect URI registered with your app" in err and "redirect_uri" in err
    for uri, why in (("https://example.com/callback", "not an http address on this computer"),
                     ("http://192.168.1.5:8765/callback", "not an http address on this computer")):
        config.set_provider_settings("timeneye", {"redirect_uri": uri}, env=home.env)
        status, _, err = login_timeneye(home, capsys, "--timeout", "0.3")
        assert status == 1 and why in err and uri in err
    config.set_provider_settings("timeneye", {"redirect_uri": "http://127.0.0.1:8765/cb"}, env=home.env)
    status, _, err = login_timeneye(home, capsys, "--port", "9999", "--timeout", "0.3")
    assert status == 1 and "--port 9999 is not the port" in err
    assert not (home.path / "timeneye-oauth.json").exists()


def test_tyme_login_needs_the_app_secret_the_document_lists(
        home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        tyme: TymeFake) -> None:
    port = free_port()
    register(tyme, port)
    monkeypatch.setattr("nlentry.cli.setup.open_browser", lambda url: pytest.fail("started without a secret"))
    typed(monkeypatch, "\n")  # standard input gives no secret
    config.set_provider_settings("tyme", {"redirect_uri": f"http://127.0.0.1:{port}/callback"}, env=home.env)
    status, _, err = home.cli(capsys, "login", "tyme", "--client-id", "my-app",
                              "--base-url", TymeFake.BASE_URL)
    assert status == 1 and "client_secret is missing" in err
    assert tyme.requests == []


# --- the system keyring --------------------------------------------------------------------------


class MemoryKeyring(KeyringBackend):
    """A keyring backend that keeps passwords in memory (set with `keyring.set_keyring`)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch, home: Home) -> Iterator[MemoryKeyring]:
    """A usable keyring for this test only, and a home that lets nlentry use it."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    monkeypatch.setattr(config, "_keyring_broken", False)
    home.env.pop("NLENTRY_KEYRING")
    yield backend
    keyring.set_keyring(previous)


def test_login_keeps_the_token_in_a_usable_keyring_by_default(
        home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, timi: TimiFake,
        memory_keyring: MemoryKeyring) -> None:
    config.set_provider_settings("timi", {"token": "an-old-token-in-the-file"}, env=home.env)
    typed(monkeypatch, TOKEN + "\n")
    status, out, err = home.cli(capsys, "login", "timi", "--email", "me@example.com")
    assert status == 0, err
    assert "system keyring (MemoryKeyring)" in out and TOKEN not in out + err
    assert memory_keyring.passwords == {("nlentry", "timi.token"): TOKEN}
    path = home.path / "config.toml"
    assert config.load(home.env).provider("timi") == {"email": "me@example.com"}, "no secret in the file"
    assert TOKEN not in path.read_text() and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert config.provider_settings("timi", env=home.env)["token"] == TOKEN  # read back from the keyring
    status, out, _ = home.cli(capsys, "projects", "--provider", "timi")
    assert status == 0 and "Webshop" in out


def test_an_unusable_keyring_falls_back_to_the_private_file_and_says_so(
        home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, timi: TimiFake,
        memory_keyring: MemoryKeyring) -> None:
    keyring.set_keyring(FailKeyring())  # keyring's own backend for "no keyring found"
    typed(monkeypatch, TOKEN + "\n")
    status, out, err = home.cli(capsys, "login", "timi", "--email", "me@example.com")
    assert status == 0, err
    assert "system keyring is not usable" in err and "no usable keyring backend" in err and "0600" in err
    path = home.path / "config.toml"
    assert config.load(home.env).provider("timi")["token"] == TOKEN and str(path) in out
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    typed(monkeypatch, TOKEN + "\n")
    status, _, err = home.cli(capsys, "login", "timi", "--keyring")  # insisting on it saves nothing
    assert status == 1 and "did not take the token" in err


def test_tyme_login_keeps_the_client_secret_in_the_keyring(
        home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tyme: TymeFake,
        memory_keyring: MemoryKeyring) -> None:
    port = free_port()
    register(tyme, port)
    seen = browser(monkeypatch, tyme.authorize)
    config.set_provider_settings("tyme", {"redirect_uri": f"http://127.0.0.1:{port}/callback"}, env=home.env)
    typed(monkeypatch, APP_SECRET + "\n")  # the secret, read from standard input (no terminal)
    status, out, err = home.cli(capsys, "login", "tyme", "--client-id", "my-app", "--base-url",
                                TymeFake.BASE_URL, "--timeout", "10")
    seen["thread"].join(10)
    assert status == 0, err
    assert memory_keyring.passwords == {("nlentry", "tyme.client_secret"): APP_SECRET}
    assert "client_secret" not in config.load(home.env).provider("tyme") and APP_SECRET not in out + err
