"""Issue 12, what users of Watson, Timewarrior and klog expect: continue, filters, export, rounding,
targets, the chart, progress lines, the undo question and edit (through `main`; the terminal parts are
in test_week_terminal.py)."""

from __future__ import annotations

import json

import pytest
from cli_support import Home

NOW = "2026-11-24T15:00:00+01:00"  # a Tuesday
LATER = "2026-11-24T16:30:00+01:00"


def listed(home: Home, capsys: pytest.CaptureFixture[str], *options: str) -> list[dict[str, object]]:
    status, out, err = home.cli(capsys, "ls", "--week", "--json", "--now", NOW, *options)
    assert status == 0, err
    return [json.loads(line)["entry"] for line in out.splitlines()]


# --- continue / restart --------------------------------------------------------------------------


def test_continue_starts_a_timer_on_the_last_entry_or_entry_n(
        local_home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    cli = local_home.cli
    assert cli(capsys, "add", "9-10 overleg aan Timi met Rowan #review", "--now", NOW)[0] == 0
    assert cli(capsys, "add", "1 uur testing for Acme Portal", "--now", NOW)[0] == 0
    status, out, _ = cli(capsys, "ls", "--keys", "--now", NOW)
    assert status == 0 and "#2" in out and "#1" in out
    assert out.index("#2") < out.index("Timi") < out.index("#1")
    status, out, err = cli(capsys, "continue", "2", "--now", NOW)
    assert status == 0, err
    assert "timer gestart 15:00, verder met: Timi · Overleg" in out
    status, out, err = cli(capsys, "stop", "--now", LATER)
    assert status == 0, err
    last = listed(local_home, capsys)[-1]
    assert last["project"] == {"id": 47, "name": "Timi"} and last["service"] == {"id": 4, "name": "Overleg"}
    assert [p["name"] for p in last["persons"]] == ["Rowan"] and last["tags"] == ["review"]
    assert (last["start"], last["end"], last["duration"]) == ("15:00", "16:30", 5400)
    # restart is the same command; the last entry is now the one the timer made
    status, out, _ = cli(capsys, "restart", "--json", "--now", LATER)
    assert status == 0 and json.loads(out)["entry"]["project"]["name"] == "Timi"
    status, _, err = cli(capsys, "continue", "9", "--now", LATER)
    assert status == 1 and "no entry number 9 (there are 3" in err


def test_continue_with_nothing_logged(home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = home.cli(capsys, "continue", "--now", NOW)
    assert status == 1 and "no entry number 1 (there are 0" in err


# --- filters -------------------------------------------------------------------------------------


def test_filters_resolve_names_like_phrases(local_home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    cli = local_home.cli
    for phrase in ("2 uur overleg aan Webshop met Rowan #klant", "1 uur aan Timi met Kaat",
                   "30 min testing for Acme Portal met Rowan"):
        assert cli(capsys, "add", phrase, "--now", NOW, "--yes")[0] == 0

    def projects(*options: str) -> list[str]:
        return [e["project"]["name"] for e in listed(local_home, capsys, *options)]  # type: ignore[index]

    assert projects("--project", "webshp") == ["Webshop"]  # a near miss, as in a phrase
    assert projects("--project", "Webshop", "--project", "Timi") == ["Webshop", "Timi"]
    assert projects("--person", "rowan") == ["Webshop", "Acme Portal"]
    assert projects("--person", "Rowan", "--service", "Overleg") == ["Webshop"]
    assert projects("--tag", "#klant") == ["Webshop"]
    assert projects("--project", "Nergens") == []
    status, out, _ = cli(capsys, "report", "--json", "--week", "--person", "Rowan", "--now", NOW)
    report = json.loads(out)
    assert status == 0 and report["seconds"] == 9000
