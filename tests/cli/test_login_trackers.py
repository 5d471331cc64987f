"""From nothing to an entry in Toggl Track, Clockify and Harvest with the README's commands (init,
login, log), each against its emulator: the token is checked and kept (0600 file, or the keyring),
the workspace or account is listed from the API and picked, a refused token names where the right one
is, and the posted entry arrives in the emulator (served over real HTTP on 127.0.0.1)."""

from __future__ import annotations

import io
import stat
import sys
from typing import Any

import pytest
from cli_support import Home, ServedFake
from test_login import MemoryKeyring, memory_keyring  # noqa: F401 - the fixture, used by name

from nlentry import config
from nlentry.providers._http.trackertesting import CATALOG
from nlentry.providers.clockify.fake import ClockifyFake
from nlentry.providers.harvest.fake import HarvestFake
from nlentry.providers.toggl.fake import TogglFake

#: per provider: the emulator, its API root below the served address, its secret, the setting that
#: names the workspace or account and the page where the right token is
TRACKERS: dict[str, tuple[type, str, str, str, str]] = {
    "toggl": (TogglFake, "/api/v9", "token", "workspace_id", "track.toggl.com/profile"),
    "clockify": (ClockifyFake, "/api/v1", "api_key", "workspace_id", "app.clockify.me/user/preferences"),
    "harvest": (HarvestFake, "/v2", "token", "account_id", "id.getharvest.com/developers"),
}


def typed(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    """Standard input is a pipe holding `text` (no terminal)."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def seeded(name: str) -> Any:
    fake = TRACKERS[name][0]()
    fake.load_catalog(CATALOG)
    return fake


@pytest.mark.parametrize("name", sorted(TRACKERS))
def test_init_login_and_log_put_an_entry_in_the_tracker(
        name: str, home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    fake = seeded(name)
    _, root, secret_attr, key, _ = TRACKERS[name]
    secret = getattr(fake, secret_attr)
    status, out, err = home.cli(capsys, "init", "--provider", name, "--language", "en", "--yes")
    assert status == 0 and f"nlentry login {name}" in out, err
    monkeypatch.setattr("nlentry.cli.setup.TRANSPORT", fake.transport())
    with ServedFake(fake) as served:
        typed(monkeypatch, secret + "\n")
        status, out, err = home.cli(capsys, "login", name, "--base-url", served.url + root)
        assert status == 0, err
        assert secret not in out + err
        assert f"signed in to {name}" in out and "2 projects" in out
        assert "booking in" in out and f"{key} = " in out
        kept = config.load(home.env).provider(name)
        assert kept["token"] == secret and kept[key]
        path = home.path / "config.toml"
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        status, out, err = home.cli(capsys, "add", "1,5", "uur", "Development", "aan", "Webshop")
        assert status == 0, err
    entries = list(fake.entries.values())
    assert len(entries) == 1, "the entry went through the outbox to the tracker"
    body = entries[0]
    length = body.get("duration") or body.get("hours")
    if name == "clockify":
        length = (body["end"] - body["start"]).total_seconds()
    assert length in (5400, 1.5)


@pytest.mark.parametrize("name", sorted(TRACKERS))
def test_a_refused_token_says_where_the_right_one_is_and_keeps_nothing(
        name: str, home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    fake = seeded(name)
    page = TRACKERS[name][4]
    monkeypatch.setattr("nlentry.cli.setup.TRANSPORT", fake.transport())
    typed(monkeypatch, "wrong-token-4455667788\n")
    status, out, err = home.cli(capsys, "login", name, "--base-url", fake.BASE_URL)
    assert status == 4
    assert "refused" in err and page in err and "nothing saved" in err
    assert "wrong-token-4455667788" not in out + err
    assert config.load(home.env).provider(name) == {}


def test_several_workspaces_are_listed_and_one_is_picked_on_the_terminal(
        home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    fake = seeded("clockify")
    other = {"id": "e" * 24, "name": "Side project"}
    fake.workspaces.append(other)
    monkeypatch.setattr("nlentry.cli.setup.TRANSPORT", fake.transport())
    monkeypatch.setattr("nlentry.cli.setup._terminal", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": fake.api_key)
    answers = iter(["2"])
    monkeypatch.setattr("builtins.input", lambda *a: next(answers))
    status, out, err = home.cli(capsys, "login", "clockify", "--base-url", fake.BASE_URL)
    assert status == 0, err
    assert "several workspaces" in err and "1) Acme" in err and "2) Side project" in err
    assert config.load(home.env).provider("clockify")["workspace_id"] == other["id"]
    assert "0 projects" in out, "the catalog is the chosen workspace's (empty)"
    # switching: `init` offers the list again for a signed-in provider, the current one the default
    answers = iter(["1"])
    monkeypatch.setattr("builtins.input", lambda *a: next(answers))
    status, out, err = home.cli(capsys, "init", "--provider", "clockify", "--language", "en", "--force")
    assert status == 0, err
    assert f"[{other['id']}]" in err
    assert config.load(home.env).provider("clockify")["workspace_id"] == fake.workspaces[0]["id"]


def test_a_workspace_given_as_a_setting_is_not_asked_for(
        home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    fake = seeded("toggl")
    fake.workspaces.append({"id": 778, "name": "Side project", "organization_id": 9})
    monkeypatch.setattr("nlentry.cli.setup.TRANSPORT", fake.transport())
    status, _, err = home.cli(capsys, "init", "--provider", "toggl", "--set", "workspace_id=778", "--yes")
    assert status == 0, err
    typed(monkeypatch, fake.token + "\n")
    status, out, err = home.cli(capsys, "login", "toggl", "--base-url", fake.BASE_URL)
    assert status == 0, err
    assert "booking in" not in out and all(r.url.path != "/api/v9/workspaces" for r in fake.requests)
    assert config.load(home.env).provider("toggl")["workspace_id"] == "778"


def test_harvest_with_several_accounts_and_no_terminal_takes_the_first_and_says_how_to_switch(
        home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    fake = seeded("harvest")
    fake.accounts.append({"id": 777, "name": "Side Ltd", "product": "harvest"})
    monkeypatch.setattr("nlentry.cli.setup.TRANSPORT", fake.transport())
    typed(monkeypatch, fake.token + "\n")
    status, out, err = home.cli(capsys, "login", "harvest", "--base-url", fake.BASE_URL)
    assert status == 0, err
    assert "booking in Acme Inc (account_id = 123456" in out and "--set account_id=ID" in out
    assert config.load(home.env).provider("harvest")["account_id"] == "123456"
    sent = [r for r in fake.requests if r.url.host != "id.getharvest.com"]
    assert sent and all(r.headers["Harvest-Account-Id"] == "123456" for r in sent)


def test_providers_lists_all_eight_with_what_each_can_do(
        home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = home.cli(capsys, "providers")
    lines = {line.split()[0]: line.split()[1:] for line in out.splitlines()}
    assert status == 0
    assert sorted(lines) == ["clockify", "harvest", "local", "timeneye", "timetagger", "timi", "toggl",
                             "tyme"]
    for name in TRACKERS:
        assert lines[name] == ["catalog", "create", "update", "delete", "list", "timer"]


def test_the_token_goes_to_a_usable_keyring_and_the_workspace_to_the_file(
        home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        memory_keyring: MemoryKeyring) -> None:  # noqa: F811 - the fixture
    fake = seeded("toggl")
    monkeypatch.setattr("nlentry.cli.setup.TRANSPORT", fake.transport())
    typed(monkeypatch, fake.token + "\n")
    status, out, err = home.cli(capsys, "login", "toggl", "--base-url", fake.BASE_URL)
    assert status == 0, err
    assert memory_keyring.passwords == {("nlentry", "toggl.token"): fake.token}
    assert config.load(home.env).provider("toggl") == {"base_url": fake.BASE_URL, "workspace_id": "777"}
    assert fake.token not in (home.path / "config.toml").read_text() + out + err
