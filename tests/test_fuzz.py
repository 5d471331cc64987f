"""No input crashes the parser: every phrase gives an entry or an NlentryError (issue 10)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nlentry
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


WORDS = ["uur", "minuten", "min", "hours", "minutes", "over", "jaar", "years", "weken", "dagen", "geleden",
         "ago", "at", "om", "van", "tot", "from", "to", "morgen", "gisteren", "maandag", "friday", "pm", "am",
         "'s middags", "3pm", "9-11", "27/3", "31-12-9999", "1:30", "23:00", "volgende", "week", "maand",
         "aan", "met", "@", "#", "\ud800", "\udcff", "\u202e", "\ufeff", "\U0001f600", "\u0301", "ß", "İ"]
NUMBERS = st.one_of(st.integers(min_value=0, max_value=10**25).map(str),
                    st.sampled_from(["0", "9999", "10000", "1e999", "-1", "00", "24", "60"]))
TOKENS = st.one_of(st.sampled_from(WORDS), NUMBERS, st.text(max_size=3))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TOKENS, min_size=1, max_size=8).map(" ".join))
def test_fuzz_only_entries_or_nlentry_errors(text: str) -> None:
    try:
        entry = nlentry.parse(text, now=NOW)
    except NlentryError:
        return
    assert isinstance(entry, nlentry.Entry)
