"""Issue 12, "broken today": each item with its regression test (through `main`, no terminal).

The questions on a real terminal (the alias never offered for a catalog name, a near miss asked
once) are in test_week_terminal.py.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from cli_support import ROOT, Home

NOW = "2026-11-24T15:00:00+01:00"  # a Tuesday


def nl(home: Home) -> Home:
    """`home` for a user whose configured language is Dutch (LANG stays C)."""
    (home.path / "config.toml").write_text('default_provider = "local"\nlanguage = "nl"\n', encoding="utf-8")
    return home


# --- an alias is never a name the catalog has already --------------------------------------------


def test_alias_add_refuses_a_catalog_name_and_says_why(
        local_home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = local_home.cli(capsys, "alias", "add", "Timi", "Webshop")
    assert status == 1 and "'Timi' is already the name of project Timi" in err and "--force" in err
    # a client's name pointing at a project is refused the same way
    status, _, err = local_home.cli(capsys, "alias", "add", "Gemeente Zeist", "Data Migratie")
    assert status == 1 and "name of client Gemeente Zeist" in err
    assert "Timi" not in local_home.cli(capsys, "alias", "ls")[1]
    # the README's first example still reads Timi as Timi
    status, out, err = local_home.cli(capsys, "add", "2,5 uur met Rowan aan Timi gewerkt", "--now", NOW)
    assert status == 0 and "project Timi" in out, err
    # --force adds it anyway; a new word is taken as before
    assert local_home.cli(capsys, "alias", "add", "Timi", "Webshop", "--force")[0] == 0
    assert local_home.cli(capsys, "alias", "add", "webshp", "Webshop")[0] == 0
    assert local_home.cli(capsys, "alias", "add", "webshp", "Webshop")[0] == 0  # the same again: fine
    status, _, err = local_home.cli(capsys, "alias", "add", "webshp", "Timi")
    assert status == 1 and "'webshp' already stands for project Webshop" in err


# --- machine output ------------------------------------------------------------------------------


def test_report_json_sync_json_and_flush_json_print_json(
        local_home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    assert local_home.cli(capsys, "add", "2 uur overleg aan Webshop", "--now", NOW)[0] == 0
    status, out, err = local_home.cli(capsys, "report", "--json", "--week", "--now", NOW)
    assert status == 0, err
    report = json.loads(out)
    assert report["seconds"] == 7200 and report["rows"][0]["name"] == "Webshop"
    status, out, err = local_home.cli(capsys, "sync", "--json")
    assert status == 0, err
    assert json.loads(out)["projects"] == 23
    status, out, err = local_home.cli(capsys, "flush", "--json")
    assert status == 0, err
    assert json.loads(out)["left"]["posted"] == 1


# --- parse reads against the configured catalog --------------------------------------------------


def test_parse_uses_the_configured_catalog(
        local_home: Home, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, _ = local_home.cli(capsys, "parse", "2 uur aan Timi", "--json", "--now", NOW)
    assert status == 0 and json.loads(out)["project"] == {"id": 47, "name": "Timi"}
    status, out, _ = local_home.cli(capsys, "parse", "2 uur aan Timi", "--json", "--no-catalog", "--now", NOW)
    assert status == 0 and json.loads(out)["project"] is None
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"projects": [{"id": 9, "name": "Timi"}]}), encoding="utf-8")
    status, out, _ = local_home.cli(capsys, "parse", "2 uur aan Timi", "--json", "--catalog", str(other))
    assert status == 0 and json.loads(out)["project"] == {"id": 9, "name": "Timi"}


def test_parse_without_any_state_makes_no_database(home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = home.cli(capsys, "parse", "2 uur aan Timi", "--json", "--now", NOW)
    assert status == 0 and json.loads(out)["project"] is None
    assert not home.path.exists() or not any(home.path.glob("*.db"))


# --- one language per reply ----------------------------------------------------------------------


def test_a_dutch_user_reads_dutch_notes_and_errors(
        local_home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    home = nl(local_home)
    status, out, err = home.cli(capsys, "add", "2 uur aan webshp", "--now", NOW)
    assert status == 0 and "opgeslagen in local" in out
    assert "'webshp' gelezen als project 'Webshop'" in err and "read 'webshp'" not in err
    status, _, err = home.cli(capsys, "undo", "abcdef12")
    assert status == 1 and "geen boeking 'abcdef12'" in err
    status, _, err = home.cli(capsys, "stop")
    assert status == 1 and "er loopt geen timer" in err
    status, _, err = home.cli(capsys, "add", "overleg aan Webshop", "--now", NOW)
    assert status == 2 and "de zin zegt niet hoe lang" in err
    status, _, err = home.cli(capsys, "sync")
    assert "local bijgewerkt: 23 projecten" in home.cli(capsys, "sync")[1]
    status, _, err = home.cli(capsys, "parse", "2 uur aan webshp", "--now", NOW)
    assert "let op: 'webshp' gelezen als project 'Webshop'" in err


def test_an_english_phrase_still_gets_english(local_home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = nl(local_home).cli(capsys, "add", "2h meeting on webshp", "--now", NOW)
    assert status == 0 and "read 'webshp' as project 'Webshop'" in err


# --- log is ls -----------------------------------------------------------------------------------


def test_log_lists_like_watson_and_says_so(local_home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    assert local_home.cli(capsys, "add", "2 uur overleg aan Webshop", "--now", NOW)[0] == 0
    status, out, err = local_home.cli(capsys, "log", "--now", NOW)
    assert status == 0 and "Webshop" in out and "2:00" in out
    assert "'nlentry log' lists entries now" in err and "nlentry add" in err
    # the old use books nothing: the words are no day
    status, _, err = local_home.cli(capsys, "log", "3 uur overleg aan Timi", "--now", NOW)
    assert status == 1
    status, out, _ = local_home.cli(capsys, "ls", "--json", "--now", NOW)
    assert [item["entry"]["duration"] for item in json.loads(out)] == [7200]


# --- one loader and one renderer for both front ends ---------------------------------------------


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_the_front_ends_share_messages_and_rendering_below_them() -> None:
    package = ROOT / "nlentry"
    for path in (package / "server").glob("*.py"):
        assert not any(m.startswith("nlentry.cli") for m in _imports(path)), f"{path.name} imports the CLI"
    for path in (package / "cli").glob("*.py"):
        if path.name not in ("serve.py", "database.py"):  # the commands that run the server and its database
            assert not any(m.startswith("nlentry.server") for m in _imports(path)), path.name
    for module in ("messages.py", "render.py"):
        assert not any(m.startswith(("nlentry.cli", "nlentry.server")) for m in _imports(package / module))
    # one loader of the locale files: neither front end parses TOML itself (edit.py reads the entry
    # the user edited, no locale file)
    for path in [*(package / "server").glob("*.py"), *(package / "cli").glob("*.py")]:
        if path.name != "edit.py":
            assert not {"tomllib", "tomli"} & _imports(path), path.name
    from nlentry import render
    from nlentry.server import chat

    assert chat.summary is render.summary
