"""No input crashes the parser: every phrase gives an entry or an NlentryError (issue 10)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nlentry
from nlentry import locales
from nlentry.cli import ExitStatus, main
from nlentry.errors import InputError, NlentryError

NOW = datetime(2026, 11, 18, 12, 0).astimezone()

OUT_OF_RANGE = ["31-12-9999 23:00 2 uur", "over 10000 jaar", "at 3pm 999999999999999999999 minutes"]
NOT_UNICODE = ["2 uur \ud800", "2 uur overleg \udcff"]


@pytest.mark.parametrize("text", OUT_OF_RANGE + NOT_UNICODE)
def test_hostile_phrase_is_an_input_error(text: str) -> None:
    with pytest.raises(InputError):
        nlentry.parse(text, now=NOW)


@pytest.mark.parametrize("arg", [OUT_OF_RANGE[0].encode(), b"2 uur overleg \xff"])
def test_cli_refuses_hostile_phrase_with_status_2(arg: bytes, tmp_path: Path) -> None:
    env = {**os.environ, "NLENTRY_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable.encode(), b"-m", b"nlentry", b"parse", arg], env=env,
                          capture_output=True, timeout=60)
    assert done.returncode == 2, done.stderr
    assert b"Traceback" not in done.stderr
    assert done.stderr.startswith(b"nlentry: ")


# --- parse --jsonl: one valid JSON line out for every line in, whatever the line holds ---------------

HOSTILE_LINES = [
    b'{"id": 2, "text": "2 uur \\ud800"}',          # a lone surrogate in the phrase
    b'{"id": 3, "text": "2 uur overleg \xff"}',      # bytes that are not UTF-8
    b"[" * 100_000,                                 # nested too deeply for json.loads
    b'{"id": ' + b"9" * 5000 + b', "text": "1 uur"}',  # more digits than int() converts
    b'{"id": NaN, "text": "1 uur"}',
    b'{"id": 1e999, "text": "1 uur"}',
    b'{"id": -Infinity, "text": "1 uur"}',
    b'"2 uur overleg"',                             # JSON, but not an object
    b"",                                            # an empty line
    b'{"id": "\\udc00", "text": "1 uur"}',         # an id that cannot be written back
    b'{"id": 12, "text": "31-12-9999 23:00 2 uur"}',
    b'{"id": 13, "text": "1 uur", "locale": "\\ud800", "now": "\\udfff"}',
    b"\xef\xbb\xbf\x00\x01{",
    b'{"id": 14, "text": "' + b"x" * (3 << 20) + b'"}',  # over the 1 MiB a line may hold
]


def strict_json(line: str) -> Any:
    """A line read as JSON proper: NaN and Infinity, which json.loads lets through, fail."""

    def refuse(name: str) -> None:
        raise AssertionError(f"{name} in the output: not JSON")

    return json.loads(line, parse_constant=refuse)


def test_jsonl_hostile_lines_each_give_one_error_line_and_the_stream_goes_on(tmp_path: Path) -> None:
    good = b'{"id": "ok", "text": "1 uur overleg"}'
    lines = [good]
    for line in HOSTILE_LINES:
        lines += [line, good]
    env = {**os.environ, "NLENTRY_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "nlentry", "parse", "--jsonl", "--now", NOW.isoformat()],
                          input=b"\n".join(lines) + b"\n", env=env, capture_output=True, timeout=120)
    assert done.returncode == 2, done.stderr  # some lines failed
    assert done.stderr == b""
    out = done.stdout.decode("utf-8")  # strict: the output is UTF-8
    rows = [strict_json(row) for row in out.split("\n")[:-1]]
    assert out.endswith("\n") and len(rows) == len(lines)
    for number, row in enumerate(rows, start=1):
        if number % 2:
            assert row["id"] == "ok" and row["duration"] == 3600, row
        else:
            assert row["line"] == number and row["error"] and "internal" not in row["error"], row
            assert row["id"] in (None, 2, 3, 12, 13), row


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.binary(max_size=40) | st.sampled_from(HOSTILE_LINES), min_size=1, max_size=6))
def test_fuzz_jsonl_any_bytes_give_one_json_line_each(lines: list[bytes]) -> None:
    lines = [line.replace(b"\n", b" ") for line in lines]
    stdin = io.TextIOWrapper(io.BytesIO(b"\n".join(lines) + b"\n"), encoding="utf-8")
    out = io.StringIO()
    real = sys.stdin, sys.stdout
    sys.stdin, sys.stdout = stdin, out
    try:
        status = main(["parse", "--jsonl", "--now", NOW.isoformat()], env={})
    finally:
        sys.stdin, sys.stdout = real
    rows = [strict_json(row) for row in out.getvalue().splitlines()]
    assert len(rows) == len(lines)
    assert status in (ExitStatus.OK, ExitStatus.PARSE)
    assert all(row.get("line") == n for n, row in enumerate(rows, start=1) if "error" in row)
    out.getvalue().encode("utf-8")


# --- undecodable command-line bytes: a clear message and status 2 for every command given a phrase --


@pytest.mark.parametrize("argv", [["parse"], ["add"], ["start"], ["stop"], ["amend"], ["explain"], ["log"],
                                  ["ls"], ["report", "--from"], ["ls", "--to"], ["add", "--yes", "2 uur"]])
def test_every_phrase_argument_refuses_undecodable_bytes(argv: list[str], tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    undecodable = b"2 uur overleg \xff".decode("utf-8", "surrogateescape")  # as Python hands on argv
    status = main([*argv, undecodable], env={"NLENTRY_HOME": str(tmp_path)})
    err = capsys.readouterr().err
    assert status == ExitStatus.PARSE, err
    assert err.startswith("nlentry: ") and err.count("\n") == 1
    assert "not UTF-8" in err and "\\xff" in err and "Traceback" not in err
    assert not any(tmp_path.iterdir())  # refused before anything was opened or saved


def test_other_undecodable_arguments_are_usage_errors(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["alias", "add", b"web\xff".decode("utf-8", "surrogateescape"), "Webshop"],
                  env={"NLENTRY_HOME": str(tmp_path)})
    assert status == ExitStatus.USAGE
    assert "not UTF-8" in capsys.readouterr().err


# --- the parser, fuzzed ------------------------------------------------------------------------------

WORDS = ["uur", "minuten", "min", "hours", "minutes", "over", "jaar", "years", "weken", "dagen", "geleden",
         "ago", "at", "om", "van", "tot", "from", "to", "morgen", "gisteren", "maandag", "friday", "pm", "am",
         "'s middags", "3pm", "9-11", "27/3", "31-12-9999", "1:30", "23:00", "volgende", "week", "maand",
         "aan", "met", "@", "#", "\ud800", "\udcff", "\u202e", "\ufeff", "\U0001f600", "\u0301", "ß", "İ"]
# digits Python's str.isdigit or int() take that are not 0-9, characters whose case folding changes
# their length, separators of every kind, control and invisible characters
ODD = ["٣", "²", "½", "２", "𝟗", "①", "Ⅻ", "ﬁ", "ŉ", "ΐ", "ς", "ǅ", "\u00a0", "\u3000", "\u200b", "\u200d",
       "\u2028", "\x00", "\x1b", "\x85", "–", "—", "…", "·", "\U000e0041", "\uffff", "\U0010ffff"]
SEPARATORS = st.sampled_from([" ", " ", "", ",", "-", "/", ":", ".", "&", "\t", "  ", "'", "(", "–"])


@cache
def grammar_words() -> list[str]:
    """The keywords and value words of every locale (its grammar and locale.toml)."""
    words: set[str] = set()
    for code in locales.available():
        locale = locales.get(code)
        words |= set(locale.literals) | set(locale.numbers) | set(locale.ordinals) | set(locale.daypart_words)
    return sorted(words)


NUMBERS = st.one_of(st.integers(min_value=0, max_value=10**25).map(str),
                    st.sampled_from(["0", "9999", "10000", "1e999", "-1", "00", "24", "60", "2,5", "0.5"]),
                    st.builds("{}:{:02d}".format, st.integers(0, 99), st.integers(0, 99)),
                    st.builds("{}-{}-{}".format, st.integers(0, 40), st.integers(0, 14),
                              st.integers(0, 99999)))
TOKENS = st.one_of(st.sampled_from(WORDS), st.sampled_from(ODD), NUMBERS, st.text(max_size=3),
                   st.deferred(lambda: st.sampled_from(grammar_words())))
PHRASES = st.lists(st.tuples(SEPARATORS, TOKENS), min_size=1, max_size=10).map(
    lambda parts: "".join(sep + token for sep, token in parts))
NOWS = st.one_of(st.just(NOW), st.datetimes(timezones=st.sampled_from(
    [timezone.utc, timezone(timedelta(hours=14)), timezone(timedelta(hours=-12))])))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PHRASES, NOWS, st.none() | st.sampled_from(["nl", "en"]))
def test_fuzz_only_entries_or_nlentry_errors(text: str, now: datetime, locale: str | None) -> None:
    try:
        entry = nlentry.parse(text, now=now, locale=locale)
    except NlentryError:
        return
    assert isinstance(entry, nlentry.Entry)
