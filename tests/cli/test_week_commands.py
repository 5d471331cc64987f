"""Issue 12, what users of Watson, Timewarrior and klog expect: continue, filters, export, rounding,
targets, the chart, progress lines, the undo question and edit (through `main`; the terminal parts are
in test_week_terminal.py)."""

from __future__ import annotations

import io
import json
import math
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from cli_support import Home

NOW = "2026-11-24T15:00:00+01:00"  # a Tuesday
LATER = "2026-11-24T16:30:00+01:00"


def listed(home: Home, capsys: pytest.CaptureFixture[str], *options: str) -> list[dict[str, object]]:
    status, out, err = home.cli(capsys, "ls", "--week", "--json", "--now", NOW, *options)
    assert status == 0, err
    return [item["entry"] for item in json.loads(out)]


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


# --- export --------------------------------------------------------------------------------------


@pytest.fixture
def week_of_entries(local_home: Home, capsys: pytest.CaptureFixture[str]) -> Home:
    for phrase in ("maandag 9-11:30 overleg aan Webshop met Rowan #klant", "2 uur aan Timi",
                   "1h30 testing for Acme Portal, with a comma; and a semicolon"):
        assert local_home.cli(capsys, "add", phrase, "--now", NOW, "--yes")[0] == 0
    return local_home


def test_export_csv_json_and_ical(week_of_entries: Home, capsys: pytest.CaptureFixture[str],
                                  tmp_path: Path) -> None:
    import csv
    import io

    cli = week_of_entries.cli
    status, out, err = cli(capsys, "export", "--from", "2026-11-23", "--to", "2026-11-29", "--now", NOW)
    assert status == 0 and err == ""  # nothing extra when piped
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["date"], r["start"], r["end"], r["hours"], r["project"]) for r in rows] == [
        ("2026-11-23", "09:00", "11:30", "2.50", "Webshop"), ("2026-11-24", "", "", "2.00", "Timi"),
        ("2026-11-24", "", "", "1.50", "Acme Portal")]
    assert rows[0]["persons"] == "Rowan" and rows[0]["tags"] == "#klant"

    status, out, _ = cli(capsys, "export", "--week", "--format", "json", "--project", "timi", "--now", NOW)
    assert status == 0 and [e["entry"]["duration"] for e in json.loads(out)] == [7200]

    status, out, _ = cli(capsys, "export", "--week", "--format", "ical", "--now", NOW)
    assert status == 0
    assert out.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and out.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in out.split("\r\n"))
    unfolded = out.replace("\r\n ", "")
    events = unfolded.split("BEGIN:VEVENT")[1:]
    assert len(events) == 3
    assert "DTSTART:20261123T090000\r\nDTEND:20261123T113000" in events[0]
    assert "SUMMARY:Webshop · Overleg" in events[0] and "CATEGORIES:klant" in events[0]
    assert "DTSTART;VALUE=DATE:20261124" in events[1]
    assert "\\, with a comma\\; and a semicolon" in events[2]
    keys = [json.loads(line)["key"] for line in
            cli(capsys, "ls", "--week", "--jsonl", "--now", NOW)[1].splitlines()]
    assert [f"UID:{k}@nlentry" in e for k, e in zip(keys, events, strict=True)] == [True] * 3


def test_export_to_a_file(week_of_entries: Home, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "uren.ics"
    status, out, err = week_of_entries.cli(capsys, "export", "--week", "--format", "ical", "-o", str(target),
                                           "--now", NOW)
    assert status == 0 and out == "" and "3" in err
    assert target.read_bytes().count(b"\r\n") > 20 and b"\r\r\n" not in target.read_bytes()


# --- progress lines ------------------------------------------------------------------------------


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_progress_line_on_a_terminal_only() -> None:
    from nlentry.cli.progress import Progress

    shown = _Tty()
    with Progress(shown, total=200, label="exporting", env={"TERM": "xterm"}) as tick:
        for n in range(1, 201):
            tick(n)
    assert "\rexporting 1/200" in shown.getvalue() and "\rexporting 200/200" in shown.getvalue()
    assert shown.getvalue().endswith("\r\x1b[K")  # cleared at the end
    for stream, total, env in ((io.StringIO(), 200, {"TERM": "xterm"}), (_Tty(), 3, {"TERM": "xterm"}),
                               (_Tty(), 200, {"TERM": "dumb"})):
        with Progress(stream, total=total, label="exporting", env=env) as tick:
            tick(total)
        assert stream.getvalue() == ""


def test_flush_shows_progress_on_a_terminal_and_posts_everything(
        local_home: Home, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from nlentry.booking.journal import Journal
    from nlentry.cli import main

    with Journal.open(local_home.env) as journal:
        for n in range(60):
            journal.save(journal.read(f"{n % 5 + 1} uur overleg aan Webshop"), post=False)
    err = _Tty()
    monkeypatch.setattr("sys.stderr", err)
    status = main(["flush"], env={**local_home.env, "TERM": "xterm"})
    out = capsys.readouterr().out
    assert status == 0 and out == "posted 60, still pending 0, failed 0\n"
    assert "\rposting 60/60" in err.getvalue()
    monkeypatch.undo()
    status, out, _ = local_home.cli(capsys, "outbox")
    assert out == "the outbox is empty: nothing pending or failed\n"


# --- rounding for billing ------------------------------------------------------------------------


def configure(home: Home, text: str) -> None:
    (home.path / "config.toml").write_text('default_provider = "local"\n' + text, encoding="utf-8")


@pytest.mark.parametrize(("minutes", "how", "seconds", "expected"), [
    (15, "up", 67 * 60, 75 * 60), (15, "nearest", 67 * 60, 60 * 60), (15, "nearest", 68 * 60, 75 * 60),
    (6, "up", 61 * 60, 66 * 60), (10, "up", 60 * 60, 60 * 60), (15, "nearest", 2 * 60, 15 * 60),
    (5, "up", 1, 5 * 60), (0, "up", 67 * 60, 67 * 60),
])
def test_rounding_steps(minutes: int, how: str, seconds: int, expected: int) -> None:
    from nlentry.booking.journal import Rounding

    assert Rounding(minutes, how).seconds(seconds) == expected


def test_rounding_is_shown_and_applied_when_saved(
        local_home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    configure(local_home, "round_to = 15\n")
    status, out, err = local_home.cli(capsys, "add", "9:00-10:07 testen aan Timi", "--now", NOW)
    assert status == 0, err
    assert "1:07 -> 1:15" in out
    [saved] = listed(local_home, capsys)
    assert (saved["duration"], saved["start"], saved["end"]) == (4500, "09:00", "10:15")
    status, out, _ = local_home.cli(capsys, "add", "1h07 testen aan Timi", "--dry-run", "--json",
                                    "--now", NOW)
    assert json.loads(out)["entry"]["duration"] == 4500
    # a timer is rounded when it stops
    assert local_home.cli(capsys, "start", "aan Timi", "--now", "2026-11-24T13:00:00+01:00")[0] == 0
    assert local_home.cli(capsys, "stop", "--now", "2026-11-24T13:20:00+01:00")[0] == 0
    assert listed(local_home, capsys)[-1]["duration"] == 1800


@pytest.mark.parametrize(("setting", "says"), [
    ("round_to = 7.5\n", "round_to in config.toml must be a whole number"),
    ('round_to = 15\nrounding = "down"\n', "rounding in config.toml must be \"up\" or \"nearest\""),
])
def test_a_bad_rounding_setting_is_a_clear_error(local_home: Home, capsys: pytest.CaptureFixture[str],
                                                 setting: str, says: str) -> None:
    configure(local_home, setting)
    status, _, err = local_home.cli(capsys, "add", "1 uur testen aan Timi", "--now", NOW)
    assert status == 1 and says in err and "Traceback" not in err


# --- targets -------------------------------------------------------------------------------------


def test_targets_split_a_week_and_let_a_day_differ() -> None:
    from datetime import date

    from nlentry.cli.targets import Targets, TargetsError, signed

    targets = Targets.from_config({"targets": {"week": 36, "friday": 4}})
    monday = date(2026, 11, 23)
    assert [targets.day(monday + timedelta(days=n)) for n in range(7)] == [8 * 3600] * 4 + [4 * 3600, 0, 0]
    assert targets.between(monday, monday + timedelta(days=6)) == 36 * 3600
    assert Targets.from_config({"targets": {"week": 36}}).day(monday) == round(7.2 * 3600)
    assert not Targets.from_config({})
    assert (signed(5400), signed(-16200), signed(0)) == ("+1:30", "-4:30", "±0:00")
    for bad in ({"week": "36"}, {"week": -1}, {"maandag": 8}, {"week": True}):
        with pytest.raises(TargetsError):
            Targets.from_config({"targets": bad})


def test_status_ls_and_report_show_worked_against_target(
        local_home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    configure(local_home, "[targets]\nweek = 36\nfriday = 4\n")
    cli = local_home.cli
    assert cli(capsys, "add", "maandag 9-17 overleg aan Webshop", "--now", NOW)[0] == 0
    assert cli(capsys, "add", "6 uur aan Timi", "--now", NOW)[0] == 0
    status, out, _ = cli(capsys, "status", "--now", NOW)
    assert status == 0 and "target 8:00 · worked 6:00 · diff -2:00" in out
    status, out, _ = cli(capsys, "ls", "--week", "--now", NOW)
    assert status == 0 and out.rstrip().endswith("target 36:00 · worked 14:00 · diff -22:00")
    status, out, _ = cli(capsys, "report", "--week", "--json", "--now", NOW)
    assert json.loads(out)["target"] == 36 * 3600 and json.loads(out)["diff"] == -22 * 3600
    status, out, _ = cli(capsys, "report", "--from", "2026-11-23", "--to", "2026-11-23", "--now", NOW)
    assert "diff ±0:00" in out
    configure(local_home, "[targets]\nweek = 'veel'\n")
    status, _, err = cli(capsys, "status", "--now", NOW)
    assert status == 1 and "[targets] week in config.toml must be a number of hours" in err


# --- the chart -----------------------------------------------------------------------------------


@pytest.fixture
def charted(local_home: Home, capsys: pytest.CaptureFixture[str]) -> Home:
    for phrase in ("maandag 9-17 aan Webshop", "dinsdag 2 uur aan Timi", "dinsdag 2 uur aan Webshop",
                   "dinsdag 30 min overleg"):
        assert local_home.cli(capsys, "add", phrase, "--now", NOW, "--yes")[0] == 0
    return local_home


def test_the_chart_in_plain_ascii_when_piped(charted: Home, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = charted.cli(capsys, "report", "--chart", "--week", "--now", NOW)
    assert status == 0, err
    assert "\x1b[" not in out  # no terminal: no colour
    lines = out.splitlines()
    assert lines[0] == "23-11-2026 – 29-11-2026"
    monday, tuesday, wednesday = lines[1:4]
    assert wednesday == "Wed 25-11"
    assert monday.startswith("Mon 23-11  ") and monday.endswith("8:00")
    bar = monday.split()[2]
    full = len(bar)  # the longest day fills the bar
    assert set(bar) == {"#"} and 40 <= full <= 80
    # Webshop (the largest project) first, then the others, each its share of the longest day
    webshop, timi, other = (math.floor(full * h / 8 + 0.5) for h in (2, 4, 4.5))  # rounded half up
    assert tuesday.split()[2] == "#" * webshop + "=" * (timi - webshop) + "+" * (other - timi)
    assert tuesday.endswith("4:30")
    assert lines[-2] == "# Webshop 10:00  = Timi 2:00  + — 0:30" and lines[-1] == "total 12:30"
    status, same, _ = charted.cli(capsys, "week", "--now", NOW)
    assert status == 0 and same == out


def test_the_chart_as_svg_and_png(charted: Home, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    target = tmp_path / "week.svg"
    status, _, err = charted.cli(capsys, "week", "--format", "svg", "-o", str(target), "--now", NOW)
    assert status == 0 and str(target) in err
    root = ET.parse(target).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    bars = [r for r in root.iter(f"{ns}rect") if r.find(f"{ns}title") is not None]
    widths = {r.find(f"{ns}title").text: float(r.get("width")) for r in bars}  # type: ignore[union-attr,arg-type]
    assert widths["Webshop 8:00"] == pytest.approx(520.0) and widths["Timi 2:00"] == pytest.approx(130.0)
    pytest.importorskip("matplotlib")
    picture = tmp_path / "week.png"
    status, _, err = charted.cli(capsys, "report", "--chart", "--format", "png", "-o", str(picture),
                                 "--now", NOW)
    assert status == 0, err
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and picture.stat().st_size > 5000


# --- edit ----------------------------------------------------------------------------------------


def editor(tmp_path: Path, script: str) -> str:
    """An $EDITOR that runs `script` (Python) on the file: `text` in, the new text out."""
    program = tmp_path / "editor.py"
    program.write_text("import sys, pathlib\npath = pathlib.Path(sys.argv[1])\ntext = path.read_text()\n"
                       f"{script}\npath.write_text(text)\n", encoding="utf-8")
    return f"{sys.executable} {program}"


def test_edit_changes_the_entry_through_the_outbox(
        local_home: Home, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert local_home.cli(capsys, "add", "9-11 overleg aan Webshop", "--now", NOW)[0] == 0
    env = {**local_home.env, "EDITOR": editor(tmp_path, (
        "text = text.replace('end = \"11:00\"', 'end = \"11:45\"').replace('\"Webshop\"', '\"timi\"')"
        ".replace('persons = []', 'persons = [\"Rowan\", \"Nieuwe Collega\"]')"))}
    home = Home(local_home.path, env)
    status, out, err = home.cli(capsys, "edit", "--now", NOW)
    assert status == 0, err
    assert "was:" in out and "opgeslagen in local" in out
    [entry] = listed(local_home, capsys)
    assert (entry["start"], entry["end"], entry["duration"]) == ("09:00", "11:45", 9900)
    assert entry["project"] == {"id": 47, "name": "Timi"} and entry["client"] == {"id": 2, "name": "Timi BV"}
    assert [p["name"] for p in entry["persons"]] == ["Rowan", "Nieuwe Collega"]
    assert [p["id"] for p in entry["persons"]][1] is None


@pytest.mark.parametrize(("script", "says"), [
    ("", "niets veranderd"),
    ("text = ''", "niets veranderd"),
    ("text = text.replace('\"Webshop\"', '\"Nergens\"')", "geen project met de naam 'Nergens'"),
    ("text = text.replace('end = \"11:00\"', 'end = \"08:00\"')", "ligt niet na het begin"),
    ("text = text + 'kleur = 3\\n'", "een veld dat nlentry niet kent: kleur"),
    ("text = text + '= ='", "geen geldige TOML"),
])
def test_edit_changes_nothing_when_told_or_wrong(
        local_home: Home, capsys: pytest.CaptureFixture[str], tmp_path: Path, script: str, says: str) -> None:
    assert local_home.cli(capsys, "add", "9-11 overleg aan Webshop", "--now", NOW)[0] == 0
    before = listed(local_home, capsys)
    home = Home(local_home.path, {**local_home.env, "EDITOR": editor(tmp_path, script)})
    status, out, err = home.cli(capsys, "edit", "--now", NOW)
    assert says in out + err and status in (0, 1)
    assert listed(local_home, capsys) == before


def test_edit_with_nothing_logged(home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = home.cli(capsys, "edit", "--now", NOW)
    assert status == 1 and "nothing to edit" in err
