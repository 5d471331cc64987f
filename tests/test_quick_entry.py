"""The quick-entry commands through `main(argv, env)`: add, amend, undo, ls, report, timers, explain.

Each test has its own NLENTRY_HOME with the corpus catalog imported into the embedded `local`
provider. The interactive confirm on a real terminal is tested with pexpect in tests/cli/.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from nlentry.cli import main

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-11-24T15:00:00+01:00"  # a Tuesday

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    env = {"NLENTRY_HOME": str(tmp_path / "home"), "NLENTRY_CACHE_DIR": str(tmp_path / "cache"),
           "LANG": "C"}
    monkeypatch.setattr("sys.stdin.isatty", lambda: False, raising=False)

    def invoke(*argv: str, now: str | None = NOW) -> tuple[int, str, str]:
        args = list(argv)
        if now is not None and argv[0] in ("add", "start", "stop", "status", "amend", "ls", "report",
                                           "explain"):
            args += ["--now", now]
        status = main(args, env=env)
        out, err = capsys.readouterr()
        return status, out, err

    status, _, err = invoke("catalog", "import", str(ROOT / "corpus" / "catalog.json"))
    assert status == 0, err
    return invoke


def entries(run: Run, *period: str) -> list[dict[str, Any]]:
    status, out, _ = run("ls", *period, "--jsonl")
    assert status == 0
    return [json.loads(line) for line in out.splitlines()]


def test_add_saves_and_answers_in_the_phrase_language(run: Run) -> None:
    status, out, err = run("add", "2,5", "uur", "met", "Rowan", "aan", "Timi", "gewerkt")
    assert status == 0, err
    assert "project Timi" in out and "met Rowan" in out and "(vandaag, standaard)" in out
    assert "opgeslagen in local" in out
    status, out, _ = run("add", "yesterday", "9-11:30", "code", "review", "for", "Acme")
    assert status == 0 and "saved to local" in out and "(yesterday)" in out and "standaard" not in out
    saved = entries(run, "--week")
    assert [(e["entry"]["date"], e["entry"]["duration"]) for e in saved] == [
        ("2026-11-23", 9000), ("2026-11-24", 9000)]
    assert all(e["state"] == "posted" for e in saved)


def test_add_dry_run_and_json(run: Run) -> None:
    status, out, err = run("add", "--dry-run", "--json", "1h30", "testing", "the", "webshop")
    assert status == 0
    data = json.loads(out)
    assert data["state"] == "dry-run" and data["entry"]["duration"] == 5400
    assert "Webshop" in err  # the preview goes to stderr when stdout is JSON
    assert entries(run, "--week") == []
    status, out, _ = run("add", "--json", "1h30", "testing", "the", "webshop")
    data = json.loads(out)
    assert status == 0 and data["state"] == "posted" and data["entry"]["project"]["name"] == "Webshop"


def test_add_without_a_length_exits_2_and_saves_nothing(run: Run) -> None:
    status, out, err = run("add", "overleg", "aan", "Webshop")
    assert status == 2 and "hoe lang" in err and err.count("\n") == 1
    assert entries(run, "--week") == []


def test_add_unsure_without_a_terminal_exits_3(run: Run) -> None:
    status, _, err = run("add", "--confirm", "2", "uur", "aan", "Webshop")
    assert status == 3 and "--yes" in err
    assert entries(run, "--week") == []
    status, _, _ = run("add", "--yes", "2", "uur", "aan", "Webshop")
    assert status == 0 and len(entries(run, "--week")) == 1


def test_amend_and_undo(run: Run) -> None:
    run("add", "gisteren", "van", "9", "tot", "11", "overleg", "aan", "Webshop")
    status, out, _ = run("amend", "1", "uur")
    assert status == 0 and "was:" in out and "1:00" in out and "09:00–10:00" in out
    status, out, _ = run("amend", "project", "Configurator")
    assert status == 0
    [saved] = entries(run, "--week")
    assert saved["entry"]["project"]["name"] == "Configurator" and saved["entry"]["duration"] == 3600
    assert saved["entry"]["start"] == "09:00" and saved["entry"]["date"] == "2026-11-23"
    status, out, _ = run("undo")
    assert status == 0 and "ongedaan gemaakt" in out
    assert entries(run, "--week") == []
    status, _, err = run("undo")
    assert status == 1 and "nothing to undo" in err


def test_undo_by_key(run: Run) -> None:
    run("add", "1", "uur", "testen")
    run("add", "2", "uur", "testen")
    first, second = entries(run)
    status, _, _ = run("undo", first["key"][:8])
    assert status == 0
    assert [e["key"] for e in entries(run)] == [second["key"]]


def test_ls_by_day_and_phrase(run: Run) -> None:
    run("add", "maandag", "2", "uur", "testen", "aan", "Webshop")
    run("add", "1", "uur", "overleg", "met", "Rowan")
    status, out, _ = run("ls", "gisteren")
    assert status == 0 and "Webshop" in out and "Rowan" not in out and "2:00" in out
    status, out, _ = run("ls", "--week")
    lines = out.splitlines()
    assert lines[0].startswith("Mon 23-11-2026") and lines[0].endswith("2:00")
    assert lines[-1].startswith("total") and lines[-1].endswith("3:00")
    status, out, _ = run("ls", "--from", "vorige week maandag", "--to", "2026-11-22")
    assert status == 0 and "geen boekingen van 16-11-2026 tot 22-11-2026" in out  # a Dutch phrase
    status, _, err = run("ls", "--from", "2026-11-24", "--to", "2026-11-01")
    assert status == 1 and "before" in err
    status, _, err = run("ls", "--from", "vorige", "week", "maandag")
    assert status == 1 and "quote" in err
    status, _, err = run("ls", "Webshop")
    assert status == 1 and "no day" in err


def test_report_formats(run: Run) -> None:
    run("add", "maandag", "2", "uur", "testen", "aan", "Webshop", "met", "Rowan")
    run("add", "1", "uur", "overleg", "aan", "Webshop")
    run("add", "30", "min", "standup")
    run("add", "vorige", "week", "maandag", "4", "uur", "testen", "aan", "Timi")
    status, out, _ = run("report", "--week")
    rows = out.splitlines()
    assert status == 0 and rows[0] == "23-11-2026 – 29-11-2026"
    assert rows[1].split() == ["Webshop", "3:00", "85.7%"] and rows[-1].split() == ["total", "3:30"]
    status, out, _ = run("report", "--week", "--by", "service", "--format", "csv")
    assert out.splitlines()[0] == "service,hours,seconds,entries"
    assert "Testing,2.00,7200,1" in out.splitlines()
    status, out, _ = run("report", "--last-week", "--format", "json")
    data = json.loads(out)
    assert (data["from"], data["to"]) == ("2026-11-16", "2026-11-22")
    assert data["rows"] == [{"name": "Timi", "seconds": 14400, "hours": 4.0, "entries": 1}]


def test_timer_start_status_stop(run: Run) -> None:
    status, out, _ = run("start", "om", "14", "uur", "overleg", "aan", "Webshop")
    assert status == 0 and "14:00" in out
    status, out, _ = run("status", now="2026-11-24T15:30:00+01:00")
    assert status == 0 and "1:30" in out and "Webshop" in out
    status, out, _ = run("stop", "testen", now="2026-11-24T16:00:00+01:00")
    assert status == 0 and "14:00–16:00" in out
    [saved] = entries(run)
    assert saved["entry"]["duration"] == 7200 and saved["entry"]["service"]["name"] == "Testing"
    status, out, _ = run("status")
    assert "no timer" in out
    status, _, err = run("stop")
    assert status == 1 and "no timer" in err


def test_timer_cancel(run: Run) -> None:
    run("start", "deploy")
    status, out, _ = run("stop", "--cancel")
    assert status == 0 and entries(run) == []


def test_explain_names_rules_matches_and_conventions(run: Run) -> None:
    status, out, _ = run("explain", "yesterday from 2 to 4 on Webshp with Rowan and Piet")
    assert status == 0
    assert "rule yesterday" in out and "rule clock_from" in out
    assert "-> Webshop (id 52)" in out and "typo" in out
    assert "not in the catalog" in out  # Piet
    assert "working hours" in out and "14:00" in out
    status, out, _ = run("explain", "--json", "monday", "1:30", "testing")
    data = json.loads(out)
    assert any("past" in c for c in data["conventions"])
    assert any("length" in c for c in data["conventions"])
    assert data["entry"]["date"] == (date(2026, 11, 24) - timedelta(days=1)).isoformat()


def test_a_provider_that_is_down_keeps_the_entry(run: Run, tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "config.toml").write_text(
        'default_provider = "timetagger"\n[providers.timetagger]\n'
        'base_url = "http://127.0.0.1:9/timetagger/api/v2"\ntoken = "secret-token-123"\ntimeout = 0.5\n')
    status, _, err = run("add", "2", "uur", "testen")
    assert status == 4 and "secret-token-123" not in err and "flush" in err
    [kept] = entries(run)
    assert kept["state"] == "pending" and kept["provider"] == "timetagger"
    status, _, err = run("undo")
    # the connection was refused, so nothing can have reached the provider: the undo is complete at
    # once, with no provider to ask (docs/outbox.md, rule 5)
    assert status == 0
    assert entries(run) == []


def test_add_without_a_catalog_says_how_to_get_one(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    env = {"NLENTRY_HOME": str(tmp_path / "empty"), "NLENTRY_CACHE_DIR": str(tmp_path / "cache")}
    status = main(["add", "2", "uur", "aan", "Webshop", "--now", NOW], env=env)
    out, err = capsys.readouterr()
    assert status == 0 and "project —" in out and "nlentry sync" in err


# --- one phrase, several entries -----------------------------------------------------------------


def _today() -> date:
    return date.fromisoformat(NOW[:10])


def _most_recent(weekday: int) -> date:
    today = _today()
    return today - timedelta(days=(today.weekday() - weekday) % 7)


def test_add_saves_every_entry_of_a_phrase(run: Run) -> None:
    status, out, err = run("add", "maandag", "en", "dinsdag", "4", "uur", "aan", "webshop")
    assert status == 0, err
    assert "2 boekingen" in out and out.count("opgeslagen in local") == 2
    tuesday = _most_recent(1)
    saved = entries(run, "--week")
    assert [(e["entry"]["date"], e["entry"]["duration"], e["entry"]["project"]["name"]) for e in saved] == [
        (str(tuesday - timedelta(days=1)), 14400, "Webshop"), (str(tuesday), 14400, "Webshop")]
    assert all(e["state"] == "posted" and e["entry"]["text"] == "maandag en dinsdag 4 uur aan webshop"
               for e in saved)
    # each is an entry of its own: undo takes back the last one only
    assert run("undo")[0] == 0
    assert [e["entry"]["date"] for e in entries(run, "--week")] == [str(tuesday - timedelta(days=1))]


def test_add_json_gives_a_list_and_dry_run_saves_none(run: Run) -> None:
    friday = _most_recent(4)
    days = [str(friday - timedelta(days=k)) for k in range(4, -1, -1)]
    status, out, err = run("add", "--dry-run", "--json", "mon-fri", "8h", "support")
    assert status == 0, err
    data = json.loads(out)
    assert [(d["state"], d["entry"]["date"]) for d in data] == [("dry-run", day) for day in days]
    assert "5 entries" in err  # the previews go to stderr when stdout is JSON
    assert entries(run, "--from", days[0], "--to", days[-1]) == []
    status, out, err = run("add", "--json", "ma", "t/m", "vr", "8", "uur", "support")
    assert status == 0, err
    data = json.loads(out)
    assert [(d["state"], d["entry"]["date"], d["entry"]["service"]["name"]) for d in data] == [
        ("posted", day, "Support") for day in days]
    assert len({d["key"] for d in data}) == 5
    assert [e["key"] for e in entries(run, "--from", days[0], "--to", days[-1])] == [d["key"] for d in data]


def test_add_ranges_with_their_own_words(run: Run) -> None:
    status, out, err = run("add", "9-11", "overleg,", "11-12", "testen")
    assert status == 0, err
    saved = entries(run, "--week")
    assert [(e["entry"]["start"], e["entry"]["end"], e["entry"]["service"]["name"]) for e in saved] == [
        ("09:00", "11:00", "Overleg"), ("11:00", "12:00", "Testing")]
    assert all(e["entry"]["date"] == str(_today()) for e in saved)


def test_add_several_unsure_asks_once_and_saves_none_without_a_terminal(run: Run) -> None:
    status, _, err = run("add", "--confirm", "ma", "en", "di", "2", "uur", "aan", "Webshop")
    assert status == 3 and "--yes" in err
    assert entries(run, "--week") == []
    status, out, _ = run("add", "--yes", "ma", "en", "di", "2", "uur", "aan", "Webshop")
    assert status == 0 and len(entries(run, "--week")) == 2


def test_a_provider_that_is_down_keeps_every_entry(run: Run, tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "config.toml").write_text(
        'default_provider = "timetagger"\n[providers.timetagger]\n'
        'base_url = "http://127.0.0.1:9/timetagger/api/v2"\ntoken = "secret-token-123"\ntimeout = 0.5\n')
    status, _, err = run("add", "9-12", "en", "13-17", "testen")
    assert status == 4 and "secret-token-123" not in err
    kept = entries(run)
    assert [(e["state"], e["entry"]["start"]) for e in kept] == [("pending", "09:00"), ("pending", "13:00")]


def test_a_dutch_phrase_is_explained_in_dutch(run: Run) -> None:
    status, out, _ = run("explain", "gisteren van 2 tot 4 aan Webshp met Rowan en Piet")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].endswith("(nl, gelezen op 2026-11-24T15:00+01:00)")
    assert "regel yesterday = ma 2026-11-23" in out and "regel clock_range = 14:00-16:00" in out
    assert "-> Webshop (id 52), één letter verschil met zijn naam of een alias (een tikfout" in out
    assert "afspraak: werktijden (07:00-18:59)" in out
    assert "  let op: 'Webshp' gelezen als project 'Webshop'" in lines
    assert "  let op: persoon 'Piet' staat niet in de catalogus" in lines
    for english in ("rule:", "read at", "result:", "confidence", "by its name", "typo;", "warning",
                    "is not in the catalog", "working hours", "description"):
        assert english not in out, english
