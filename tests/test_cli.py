"""The `nlentry` command through `main(argv, env)`, with captured standard streams.

The tests in the last section go through the real parser (nlentry.api); the others replace it with
a fake module, or call the accuracy logic with a fake parse function, so the command line is tested
on its own.
"""

from __future__ import annotations

import io
import json
import sys
import types
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest

from nlentry import accuracy
from nlentry.cli import ExitStatus, main
from nlentry.errors import EntryRefused, InputError
from nlentry.model import Catalog, Entry, Ref
from nlentry.render import hours, summary

NOW = "2026-11-18T14:30:00+01:00"  # a Wednesday

CATALOG = {
    "clients": [{"id": 1, "name": "Acme"}],
    "projects": [{"id": 47, "name": "Timi", "client_id": 1, "aliases": ["timi-app"], "active": True}],
    "services": [{"id": 1, "name": "Development", "aliases": ["coden", "programmeren"]}],
    "people": [{"id": 2, "name": "Rowan", "aliases": ["ro"]}],
}

# the keys of the parse output in the conventions
OUTPUT_KEYS = {
    "text", "locale", "date", "start", "end", "duration", "project", "service", "client", "persons", "tags",
    "billable", "description", "confidence", "spans", "alternatives", "warnings",
}


@pytest.fixture
def catalog_file(tmp_path: Path) -> Path:
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(CATALOG), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str,
        env: dict[str, str] | None = None) -> tuple[int, str, str]:
    status = main(list(argv), env={} if env is None else env)
    out, err = capsys.readouterr()
    return status, out, err


def assert_one_error_line(err: str) -> None:
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("nlentry: ")


@pytest.fixture
def fake_parse(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Replace nlentry.api with a fake whose parse returns (or raises) what the test puts in the list."""
    outcomes: list[Any] = []

    def parse(text: str, *, catalog: Catalog | None = None, now: Any = None,
              locale: str | None = None) -> Entry:
        default = Entry(text=text, locale=locale or "nl", date=date(2026, 11, 18))
        outcome = outcomes.pop(0) if outcomes else default
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome  # type: ignore[no-any-return]

    module = types.ModuleType("nlentry.api")
    module.parse = parse  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "nlentry.api", module)
    return outcomes


def stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))


# --- help and usage ------------------------------------------------------------------------------


def test_help_has_examples_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--help")
    assert status == ExitStatus.OK
    assert "nlentry parse 2,5 uur" in out and "yesterday" in out and "nlentry accuracy" in out
    status, out, _ = run(capsys, "parse", "--help")
    assert status == ExitStatus.OK
    assert "gisteren" in out and "--jsonl" in out and "--json" in out


@pytest.mark.parametrize("argv", [[], ["frobnicate"], ["parse"], ["parse", "--bogus", "2 uur"],
                                  ["accuracy"], ["accuracy", "x.jsonl", "--failures", "many"]])
def test_usage_errors_are_one_line(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    status, out, err = run(capsys, *argv)
    assert status == ExitStatus.USAGE
    assert out == ""
    assert_one_error_line(err)


@pytest.mark.parametrize("now", ["gisteren", "2026-13-01T10:00", "2026-11-18", "18-11-2026 10:00"])
def test_bad_now(capsys: pytest.CaptureFixture[str], now: str) -> None:
    status, out, err = run(capsys, "parse", "2", "uur", "--now", now)
    assert status in (1, 2)
    assert out == ""
    assert_one_error_line(err)
    assert "--now" in err


def test_missing_catalog(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, "parse", "2 uur", "--catalog", str(tmp_path / "nope.json"))
    assert status == ExitStatus.USAGE
    assert_one_error_line(err)
    assert "nope.json" in err


def test_jsonl_takes_no_text(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "parse", "--jsonl", "2 uur")
    assert status == ExitStatus.USAGE
    assert_one_error_line(err)


# --- parse, with a fake parser -------------------------------------------------------------------


def test_words_are_joined_and_options_passed(capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch, catalog_file: Path) -> None:
    seen: dict[str, Any] = {}

    def parse(text: str, **kwargs: Any) -> Entry:
        seen.update(kwargs, text=text)
        return Entry(text=text, locale="en", date=date(2026, 11, 18), duration=3600)

    module = types.ModuleType("nlentry.api")
    module.parse = parse  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "nlentry.api", module)
    status, out, _ = run(capsys, "parse", "1h", "--now", NOW, "on", "--locale", "en", "Timi",
                         "--catalog", str(catalog_file))
    assert status == ExitStatus.OK
    assert seen["text"] == "1h on Timi"
    assert seen["locale"] == "en"
    assert seen["now"].isoformat() == NOW
    assert [p.name for p in seen["catalog"].projects] == ["Timi"]
    assert out == "Wed 18-11-2026 · 1:00\n"


def test_naive_now_is_local_time(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    def parse(text: str, **kwargs: Any) -> Entry:
        seen.update(kwargs)
        return Entry(text=text, locale="nl", date=date(2026, 11, 18))

    module = types.ModuleType("nlentry.api")
    module.parse = parse  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "nlentry.api", module)
    assert run(capsys, "parse", "2 uur", "--now", "2026-11-18T14:30")[0] == ExitStatus.OK
    assert seen["now"].tzinfo is not None
    assert (seen["now"].hour, seen["now"].minute) == (14, 30)


def test_refused_entry_exits_2(capsys: pytest.CaptureFixture[str], fake_parse: list[Any]) -> None:
    entry = Entry(text="30 uur", locale="nl", date=date(2026, 11, 18), duration=108000)
    fake_parse.append(EntryRefused("an entry cannot last more than 24 hours", entry))
    status, out, err = run(capsys, "parse", "30", "uur")
    assert status == ExitStatus.PARSE
    assert out == ""
    assert_one_error_line(err)
    assert "24 hours" in err


def test_input_error_exits_2(capsys: pytest.CaptureFixture[str], fake_parse: list[Any]) -> None:
    fake_parse.append(InputError("the text is empty"))
    status, _, err = run(capsys, "parse", " ")
    assert status == ExitStatus.PARSE
    assert_one_error_line(err)


def test_internal_error_exits_70_without_traceback(capsys: pytest.CaptureFixture[str],
                                                   fake_parse: list[Any]) -> None:
    fake_parse.append(RuntimeError("boom\nsecond line"))
    status, out, err = run(capsys, "parse", "2 uur")
    assert status == ExitStatus.INTERNAL == 70
    assert_one_error_line(err)
    assert err.startswith("nlentry: internal error: RuntimeError: boom")


def test_debug_shows_the_traceback(capsys: pytest.CaptureFixture[str], fake_parse: list[Any]) -> None:
    fake_parse.append(RuntimeError("boom"))
    status, _, err = run(capsys, "parse", "2 uur", env={"NLENTRY_DEBUG": "1"})
    assert status == ExitStatus.INTERNAL
    assert "Traceback" in err


def test_summary_line() -> None:
    entry = Entry(
        text="gisteren 9-11:30 overleg met Rowan en Erik aan Timi #klant", locale="nl",
        date=date(2026, 11, 17), start=time(9), end=time(11, 30), duration=9000,
        project=Ref(47, "Timi"), service=Ref(1, "Development"), client=Ref(1, "Acme"),
        persons=(Ref(2, "Rowan"), Ref(None, "Erik")), tags=("klant",), description="overleg",
    )
    assert summary(entry) == (
        'di 17-11-2026 · 2:30 · 09:00–11:30 · Timi · Development · met Rowan en Erik · #klant · "overleg"'
    )
    three = (Ref(2, "Rowan"), Ref(None, "Erik"), Ref(None, "Sam"))
    english = entry.replace(locale="en", persons=three, tags=())
    assert "Tue 17-11-2026" in summary(english)
    assert "with Rowan, Erik and Sam" in summary(english)
    start_only = Entry(text="x", locale="xx", date=date(2026, 11, 18), start=time(10))
    assert summary(start_only) == "Wed 18-11-2026 · 10:00–"
    assert hours(9000) == "2:30" and hours(59) == "0:01" and hours(36000) == "10:00"


# --- parse --jsonl -------------------------------------------------------------------------------


def test_jsonl_stream(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                      fake_parse: list[Any]) -> None:
    entry = Entry(text="30 uur", locale="nl", date=date(2026, 11, 18), duration=108000)
    fake_parse.extend([
        Entry(text="2 uur", locale="nl", date=date(2026, 11, 18), duration=7200),
        EntryRefused("too long", entry),
        Entry(text="1 uur", locale="nl", date=date(2026, 11, 18), duration=3600),
    ])
    stdin(monkeypatch, "\n".join([
        json.dumps({"id": "a", "text": "2 uur", "now": NOW}),
        "{not json",
        json.dumps({"id": "c", "now": NOW}),
        "",
        json.dumps({"id": 4, "text": "30 uur"}),
        json.dumps({"id": "e", "text": "2 uur", "now": "morgen"}),
        json.dumps(["a list"]),
        json.dumps({"text": "1 uur"}),
    ]) + "\n")
    status, out, err = run(capsys, "parse", "--jsonl")
    assert status == ExitStatus.PARSE  # some lines failed
    assert err == ""
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 8  # one for every line, the blank one too
    assert rows[0]["id"] == "a" and rows[0]["duration"] == 7200 and "error" not in rows[0]
    assert rows[1]["id"] is None and "JSON" in rows[1]["error"] and rows[1]["line"] == 2
    assert rows[2]["id"] == "c" and "text" in rows[2]["error"]
    assert rows[3]["line"] == 4 and "empty line" in rows[3]["error"]
    assert rows[4]["id"] == 4 and rows[4]["error"] == "too long" and rows[4]["entry"]["duration"] == 108000
    assert rows[5]["id"] == "e" and "now" in rows[5]["error"]
    assert "error" in rows[6]
    assert "id" not in rows[7] and rows[7]["duration"] == 3600


def test_jsonl_survives_an_internal_error(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                          fake_parse: list[Any]) -> None:
    fake_parse.append(RuntimeError("boom"))
    stdin(monkeypatch, '{"id": 1, "text": "x"}\n{"id": 2, "text": "y"}\n')
    status, out, _ = run(capsys, "parse", "--jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert status == ExitStatus.INTERNAL
    assert [r["id"] for r in rows] == [1, 2]
    assert "internal error" in rows[0]["error"] and "error" not in rows[1]


def test_jsonl_bad_utf8_line(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                             fake_parse: list[Any]) -> None:
    raw = b'{"id": 1, "text": "\xff"}\n{"id": 2, "text": "y"}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    status, out, _ = run(capsys, "parse", "--jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert "UTF-8" in rows[0]["error"] and rows[1]["id"] == 2


# --- accuracy ------------------------------------------------------------------------------------


def write_cases(path: Path, cases: list[dict[str, Any]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), encoding="utf-8")
    return path


def fake_accuracy_parse(text: str, *, catalog: Catalog | None = None, now: Any = None,
                        locale: str | None = None) -> Entry:
    """A stand-in parser for the accuracy logic: '<hours> uur [aan <project>] [met <person>]'."""
    words = text.split()
    duration = int(float(words[0].replace(",", ".")) * 3600)
    project = persons = None
    if "aan" in words and catalog is not None:
        name = words[words.index("aan") + 1]
        project = next((Ref(p.id, p.name) for p in catalog.projects if p.name == name), None)
    if "met" in words:
        persons = (Ref(None, words[words.index("met") + 1]),)
    entry = Entry(text=text, locale=locale or "nl", date=now.date(), duration=duration, project=project,
                  persons=persons or ())
    if duration > 24 * 3600:
        raise EntryRefused("too long", entry)
    if text.startswith("9"):
        raise RuntimeError("parser bug")
    return entry


def test_accuracy_scoring(tmp_path: Path, catalog_file: Path) -> None:
    cases = write_cases(tmp_path / "corpus" / "nl" / "entry.jsonl", [
        {"id": "ok", "text": "2 uur aan Timi met Rowan", "now": NOW, "catalog": "catalog.json",
         "expect": {"duration": 7200, "project": 47, "persons": ["Rowan"], "date": "2026-11-18"}},
        {"id": "wrong-project", "text": "2 uur aan Timo", "now": NOW, "catalog": "catalog.json",
         "expect": {"duration": 7200, "project": 47}},
        {"id": "refused", "text": "30 uur", "now": NOW, "expect": {"error": True, "duration": 108000}},
        {"id": "not-refused", "text": "1 uur", "now": NOW, "expect": {"error": True}},
        {"id": "refused-unexpected", "text": "25 uur", "now": NOW, "expect": {"duration": 90000}},
        {"id": "bug", "text": "9 uur", "now": NOW, "expect": {"duration": 32400}},
    ])
    report = accuracy.run([tmp_path / "corpus"], parse=fake_accuracy_parse)
    assert [f.path for f in report.files] == [cases]
    total = report.total
    assert (total.cases, total.exact) == (6, 3)
    assert [r.case.id for r in report.failures()] == ["wrong-project", "not-refused", "bug"]
    assert (total.fields["duration"].ok, total.fields["duration"].total) == (4, 5)
    assert (total.fields["project"].ok, total.fields["project"].total) == (1, 2)
    assert (total.fields["error"].ok, total.fields["error"].total) == (1, 2)
    bug = next(r for r in report.failures() if r.case.id == "bug")
    assert bug.error is not None and "parser bug" in bug.error
    # --catalog overrides the catalog a case names; the cases' lang is passed only on request
    empty = Catalog()
    report = accuracy.run([cases], catalog=empty, parse=fake_accuracy_parse)
    assert report.files[0].results[0].fields["project"].got is None


def test_accuracy_passes_lang_only_when_asked(tmp_path: Path) -> None:
    cases = write_cases(tmp_path / "c.jsonl", [{"text": "1 uur", "lang": "en", "now": NOW, "expect": {}}])
    seen: list[str | None] = []

    def parse(text: str, **kwargs: Any) -> Entry:
        seen.append(kwargs["locale"])
        return fake_accuracy_parse(text, **kwargs)

    accuracy.run([cases], parse=parse)
    accuracy.run([cases], parse=parse, use_lang=True)
    assert seen == [None, "en"]


@pytest.mark.parametrize("content, message", [
    ("{bad json\n", "not valid JSON"),
    ('{"text": "2 uur"}\n', "expect"),
    ('{"expect": {}}\n', "text"),
    ('{"text": "2 uur", "expect": {}, "now": "gisteren"}\n', "now"),
    ('{"text": "2 uur", "expect": {}, "catalog": "missing.json"}\n', "missing.json"),
])
def test_accuracy_bad_case_file(capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str,
                                message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    status, out, err = run(capsys, "accuracy", str(path))
    assert status == ExitStatus.USAGE
    assert out == ""
    assert_one_error_line(err)
    assert "bad.jsonl:1" in err and message in err


def test_accuracy_missing_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, "accuracy", str(tmp_path / "nothing-here"))
    assert status == ExitStatus.USAGE
    assert_one_error_line(err)
    (tmp_path / "empty").mkdir()
    status, _, err = run(capsys, "accuracy", str(tmp_path / "empty"))
    assert status == ExitStatus.USAGE
    assert_one_error_line(err)


# --- through the real parser ---------------------------------------------------------------------


def test_parse_summary(capsys: pytest.CaptureFixture[str], catalog_file: Path) -> None:
    status, out, err = run(capsys, "parse", "2,5", "uur", "met", "Rowan", "aan", "Timi", "gewerkt",
                           "--catalog", str(catalog_file), "--now", NOW)
    assert status == ExitStatus.OK, err
    assert "Traceback" not in err
    assert out.count("\n") == 1
    assert out.startswith("wo 18-11-2026 · 2:30 · ")
    assert "Timi" in out and "met Rowan" in out


def test_parse_json(capsys: pytest.CaptureFixture[str], catalog_file: Path) -> None:
    status, out, err = run(capsys, "parse", "2,5 uur met Rowan aan Timi gewerkt", "--json",
                           "--catalog", str(catalog_file), "--now", NOW)
    assert status == ExitStatus.OK, err
    data = json.loads(out)
    assert set(data) >= OUTPUT_KEYS
    assert data["text"] == "2,5 uur met Rowan aan Timi gewerkt"
    assert data["date"] == "2026-11-18"
    assert data["duration"] == 9000
    assert data["project"] == {"id": 47, "name": "Timi"}
    assert [p["name"] for p in data["persons"]] == ["Rowan"]
    assert isinstance(data["spans"], list) and isinstance(data["warnings"], list)


def test_parse_jsonl(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                     catalog_file: Path) -> None:
    stdin(monkeypatch, "\n".join([
        json.dumps({"id": "one", "text": "2 uur", "now": NOW}),
        '{"id": "two", "text": ',
        json.dumps({"id": "three", "now": NOW}),
        json.dumps({"id": "four", "text": "2,5 uur aan Timi", "now": NOW, "locale": "nl"}),
        json.dumps({"text": "1 uur", "now": NOW}),
    ]) + "\n")
    status, out, err = run(capsys, "parse", "--jsonl", "--catalog", str(catalog_file))
    assert status == ExitStatus.PARSE, err  # lines two and three failed
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r.get("id") for r in rows] == ["one", None, "three", "four", None]
    assert rows[0]["duration"] == 7200 and set(rows[0]) >= OUTPUT_KEYS
    assert "error" in rows[1] and "error" in rows[2]
    assert rows[3]["duration"] == 9000 and rows[3]["project"]["id"] == 47
    assert "id" not in rows[4] and rows[4]["duration"] == 3600


def test_accuracy_report(capsys: pytest.CaptureFixture[str], tmp_path: Path, catalog_file: Path) -> None:
    path = write_cases(tmp_path / "cases.jsonl", [
        {"id": "pass", "lang": "nl", "text": "2 uur overleg", "now": NOW, "expect": {"duration": 7200}},
        {"id": "fail", "lang": "nl", "text": "2 uur overleg", "now": NOW, "expect": {"duration": 3600}},
    ])
    status, out, err = run(capsys, "accuracy", str(path), "--failures", "5")
    assert status == ExitStatus.OK, err
    lines = out.splitlines()
    counts = "silent wrong 1/2 (50.0%), wrong but asked 0, right but asked 0"
    assert lines[0] == f"{path}: 2 cases, exact 1/2 (50.0%), {counts}; duration 1/2 (50.0%)"
    assert lines[1] == f"total: 2 cases, exact 1/2 (50.0%), {counts}; duration 1/2 (50.0%)"
    assert "first 1 of 1 failing cases:" in out
    assert "fail (" in out and "duration: expected 3600, got 7200" in out
    assert "pass (" not in out

    status, out, _ = run(capsys, "accuracy", str(tmp_path), "--json", "--failures", "1")
    report = json.loads(out)
    assert report["total"]["cases"] == 2 and report["total"]["exact"] == 1
    assert report["files"][0]["fields"]["duration"] == {"ok": 1, "total": 2, "rate": 0.5}
    assert [f["id"] for f in report["failures"]] == ["fail"]
