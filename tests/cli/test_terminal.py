"""The interactive commands in a real pseudo-terminal, typed and read as a person would.

Each test runs `python -m nlentry` under pexpect with NLENTRY_HOME and NLENTRY_CACHE_DIR in temporary
folders and TERM=xterm, and reads the screen through a VT100 emulator (see `cli_support.Terminal`).
"""

from __future__ import annotations

import json
import re
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from cli_support import CORPUS_CATALOG, Home, ServedFake, Terminal, terminal_env

from nlentry import config
from nlentry.providers.timi.fake import TimiFake

Start = Callable[..., Terminal]

#: two projects sharing the alias "webshop": a misspelt "webshp" is ambiguous between them
SHARED_ALIAS = {
    "clients": [{"id": 1, "name": "Bol"}, {"id": 2, "name": "Flex"}],
    "projects": [{"id": 10, "name": "Webshop Bol", "client_id": 1, "aliases": ["webshop"]},
                 {"id": 11, "name": "Webshop Flex", "client_id": 2, "aliases": ["webshop"]}],
    "services": [{"id": 1, "name": "Overleg", "aliases": ["meeting"]}],
}


def saved(home: Home, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    """The entries logged today, as `nlentry ls --jsonl` gives them."""
    status, out, _ = home.cli(capsys, "ls", "--jsonl")
    assert status == 0
    return [json.loads(line)["entry"] for line in out.splitlines()]


@pytest.fixture
def shared_alias_home(home: Home, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Home:
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(SHARED_ALIAS), encoding="utf-8")
    assert home.cli(capsys, "catalog", "import", str(path))[0] == 0
    return home


# --- (a) add: the numbered alternatives, the pick, the alias offer --------------------------------


@pytest.mark.parametrize(("phrase", "times"), [
    ("2 uur overleg voor Gemeente Zeist", [(None, None)]),
    # a phrase of several entries: all shown, one question, the pick holds for all
    ("9-11 en 13-15 overleg voor Gemeente Zeist", [("09:00", "11:00"), ("13:00", "15:00")]),
])
def test_add_asks_for_the_ambiguous_project_by_number(
        terminal: Start, local_home: Home, capsys: pytest.CaptureFixture[str], phrase: str,
        times: list[tuple[str | None, str | None]]) -> None:
    term = terminal(["add", phrase], local_home.env)
    screen = term.wait_for("Opslaan? [J/n/1-2]")  # a Dutch phrase gets Dutch questions
    assert "project kan zijn:" in screen
    assert "1) Intranet 2.0" in screen and "2) Data Migratie" in screen
    assert all(f"{start}–{end}" in screen for start, end in times if start)
    term.type("2\r")
    term.wait_for("opgeslagen in local")
    assert term.wait_exit() == 0
    assert term.text.count("Opslaan?") == 1 and term.text.count("opgeslagen in local") == len(times)
    entries = saved(local_home, capsys)
    assert [(e["start"], e["end"]) for e in entries] == times
    assert all(e["project"] == {"id": 56, "name": "Data Migratie"} for e in entries)
    assert all(e["client"] == {"id": 3, "name": "Gemeente Zeist"} for e in entries)


def test_a_pick_for_a_misspelt_name_offers_the_alias(
        terminal: Start, shared_alias_home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    term = terminal(["add", "2 uur overleg aan webshp"], shared_alias_home.env)
    screen = term.wait_for("Opslaan? [J/n/1-2]")
    # the reading as it stands first, marked (Enter keeps it), then the alternative
    assert "project Webshop Bol" in screen and "1) Webshop Bol *" in screen and "2) Webshop Flex" in screen
    term.type("2\r")
    term.wait_for("'webshp' onthouden als Webshop Flex? [j/N]")
    term.type("j\r")
    term.wait_for("opgeslagen in local")
    assert "'webshp' staat nu voor Webshop Flex" in term.text
    assert term.wait_exit() == 0
    [entry] = saved(shared_alias_home, capsys)
    assert entry["project"] == {"id": 11, "name": "Webshop Flex"}
    status, out, _ = shared_alias_home.cli(capsys, "alias", "ls")
    assert status == 0 and "webshp" in out and "Webshop Flex" in out


def test_a_near_miss_confirmed_as_read_offers_the_alias(
        terminal: Start, local_home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    term = terminal(["add", "--confirm", "1 uur overleg aan webshp"], local_home.env)
    screen = term.wait_for("Opslaan? [J/n]")
    assert "project Webshop" in screen
    term.type("\r")  # Enter: keep the reading
    term.wait_for("'webshp' onthouden als Webshop? [j/N]")
    term.type("j\r")
    term.wait_for("opgeslagen in local")
    assert term.wait_exit() == 0
    status, out, _ = local_home.cli(capsys, "alias", "ls")
    assert status == 0 and "webshp -> Webshop (project)" in out


def test_answering_no_saves_nothing(
        terminal: Start, shared_alias_home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    term = terminal(["add", "2h meeting on webshp"], shared_alias_home.env)
    term.wait_for("Save? [Y/n/1-2]")  # an English phrase gets English questions
    term.type("n\r")
    term.wait_for("not saved")
    assert term.wait_exit() == 0
    assert saved(shared_alias_home, capsys) == []
    assert "webshp" not in shared_alias_home.cli(capsys, "alias", "ls")[1]


# --- (b) add without a terminal ------------------------------------------------------------------


def test_ambiguous_without_a_terminal_exits_3_and_saves_nothing(
        local_home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    done = subprocess.run([sys.executable, "-m", "nlentry", "add", "2 uur overleg voor Gemeente Zeist"],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30,
                          env=terminal_env(local_home.env))
    assert done.returncode == 3
    assert "project is dubbelzinnig (Intranet 2.0, Data Migratie)" in done.stderr and "--yes" in done.stderr
    assert "Traceback" not in done.stderr
    assert saved(local_home, capsys) == []


# --- (c) the quick-entry prompt ------------------------------------------------------------------


def test_quick_entry_previews_completes_saves_and_leaves(
        terminal: Start, local_home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    term = terminal([], local_home.env)
    term.wait_for("quick entry")
    term.wait_for("Tab completes")  # the hint below the empty line
    term.type("2 uur overleg aan Webs")
    screen = term.wait_for("2:00")  # the live preview, read again as the user types (in the phrase's words)
    assert "project —" in screen and "dienst Overleg" in screen
    term.type("\t")
    term.wait_for("> 2 uur overleg aan Webshop")
    term.wait_for("project Webshop")
    term.type("\r")
    term.wait_for("opgeslagen in local")
    term.type("overleg aan Intranet")  # no length: the preview says so before Enter
    term.wait_for("er staat niet hoe lang")
    term.control("c")  # Ctrl-C clears the line, the prompt stays
    term.type("1h testing for Acme Portal\r")
    term.wait_for("saved to local")
    term.control("d")
    assert term.wait_exit() == 0

    entries = saved(local_home, capsys)
    assert [(e["project"], e["service"], e["duration"]) for e in entries] == [
        ({"id": 52, "name": "Webshop"}, {"id": 4, "name": "Overleg"}, 7200),
        ({"id": 50, "name": "Acme Portal"}, {"id": 2, "name": "Testing"}, 3600),
    ]
    history = local_home.path / "history"
    assert stat.S_IMODE(history.stat().st_mode) == 0o600
    assert "2 uur overleg aan Webshop" in history.read_text()


def test_quick_entry_asks_inline_like_add(
        terminal: Start, local_home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    term = terminal([], local_home.env)
    term.wait_for("quick entry")
    term.type("2 uur voor Gemeente Zeist")
    assert "project is dubbelzinnig" in term.wait_for("Enter vraagt")
    term.type("\r")
    term.wait_for("Opslaan? [J/n/1-2]")
    term.type("1\r")
    term.wait_for("opgeslagen in local")
    term.control("d")
    assert term.wait_exit() == 0
    [entry] = saved(local_home, capsys)
    assert entry["project"] == {"id": 55, "name": "Intranet 2.0"}


def test_quick_entry_saves_every_entry_of_a_line(
        terminal: Start, local_home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    term = terminal([], local_home.env)
    term.wait_for("quick entry")
    term.type("9-11 en 13-15 overleg aan Webshop")
    screen = term.wait_for("13:00–15:00")  # the preview shows every entry of the line
    assert "2 boekingen:" in screen and "09:00–11:00" in screen
    term.type("\r")
    term.wait_for("opgeslagen in local")
    term.control("d")
    assert term.wait_exit() == 0
    assert term.text.count("opgeslagen in local") == 2
    entries = saved(local_home, capsys)
    assert [(e["start"], e["end"], e["project"]["name"]) for e in entries] == [
        ("09:00", "11:00", "Webshop"), ("13:00", "15:00", "Webshop")]


# --- (d) init ------------------------------------------------------------------------------------


def test_init_asks_provider_language_and_catalog(
        terminal: Start, home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    term = terminal(["init"], home.env)
    screen = term.wait_for("Provider [local]:")
    assert "Which time tracker" in screen and "1) local" in screen and "timetagger" in screen
    term.type("local\r")
    term.wait_for("Language of the replies, en/nl [en]:")
    term.type("nl\r")
    term.wait_for("Een catalogusbestand (JSON)")  # the guide speaks Dutch from here on
    term.type(f"{CORPUS_CATALOG}\r")
    term.wait_for("23 projecten, 11 diensten, 12 klanten, 12 personen ingelezen in local")
    assert "geschreven: provider local, taal nl" in term.text
    assert term.wait_exit() == 0
    cfg = config.load(home.env)
    assert (cfg.default_provider, cfg.data["language"]) == ("local", "nl")
    assert stat.S_IMODE((home.path / "config.toml").stat().st_mode) == 0o600
    assert "Webshop" in home.cli(capsys, "projects")[1]


# --- (e) login: the token is typed without echo ----------------------------------------------------


def test_login_prompts_for_the_token_without_echo(terminal: Start, home: Home) -> None:
    token = "timi-token-7c1e5b9a44"
    fake = TimiFake(email="me@example.com", token=token)
    fake.load_catalog({"projects": [{"id": 2, "name": "Webshop"}]})
    with ServedFake(fake) as served:
        term = terminal(["login", "timi", "--base-url", f"{served.url}/api/v1/"], home.env)
        term.wait_for("E-mail address of your timi account:")
        term.type("me@example.com\r")
        term.wait_for("API token for timi (typing is not shown):")
        term.type(token + "\r")
        term.wait_for("signed in to timi")
        assert term.wait_exit() == 0
    assert token not in term.transcript.decode("utf-8", "replace")
    assert "me@example.com" in term.text  # what is not secret is echoed as usual
    assert config.load(home.env).provider("timi")["token"] == token


def test_oauth_login_without_a_browser_in_a_terminal(terminal: Start, home: Home) -> None:
    from cli_support import free_port

    from nlentry.providers.tyme.fake import TymeFake

    fake = TymeFake.seeded({"projects": [{"id": "p1", "name": "Webshop"}]})
    port = free_port()
    secret = "tyme-app-secret-77aa"
    fake.oauth.register_app("my-app", f"http://127.0.0.1:{port}/callback", secret=secret)
    with ServedFake(fake) as served:
        term = terminal(["login", "tyme", "--client-id", "my-app", "--base-url", served.url,
                         "--no-browser", "--timeout", "10"], home.env)
        term.wait_for("Redirect URI registered with your tyme app")  # the one registered with the app
        term.type(f"http://127.0.0.1:{port}/callback\r")
        term.wait_for("Client secret of your tyme app (typing is not shown):")
        term.type(secret + "\r")
        term.wait_for("waiting for the browser")
        url = re.search(rb"http://127\.0\.0\.1:\d+/v1/authorize\?\S+", bytes(term.transcript))
        assert url is not None
        page = httpx.get(fake.authorize(url.group().decode()), timeout=10)  # the user allows nlentry
        assert page.status_code == 200 and "signed in" in page.text
        term.wait_for("signed in to tyme")
        assert term.wait_exit() == 0
    assert (home.path / "tyme-oauth.json").is_file()
    assert secret not in term.transcript.decode("utf-8", "replace")
    assert config.load(home.env).provider("tyme")["redirect_uri"] == f"http://127.0.0.1:{port}/callback"


# --- colour --------------------------------------------------------------------------------------


def test_colour_on_a_terminal_but_never_with_no_color(terminal: Start, local_home: Home) -> None:
    green = b"\x1b[32m2:00"  # the duration, as the preview paints it
    term = terminal([], local_home.env)
    term.wait_for("quick entry")
    term.type("2 uur overleg")
    term.wait_for("2:00")
    term.control("c")  # Ctrl-D leaves only on an empty line
    term.control("d")
    assert term.wait_exit() == 0
    assert green in term.transcript or b"\x1b[0;32m2:00" in term.transcript

    term = terminal([], {**local_home.env, "NO_COLOR": "1"})
    term.wait_for("quick entry")
    term.type("2 uur overleg")
    term.wait_for("2:00")
    term.control("c")
    term.control("d")
    assert term.wait_exit() == 0
    assert not re.search(rb"\x1b\[[0-9;]*3[0-7]m", bytes(term.transcript))  # no foreground colour at all
