"""Property tests of the public API (hypothesis).

(a) round trip: phrases built from parts (tests/phrases.py) read back to exactly the values they were
    built from, following shared/spec/conventions.md;
(b) robustness: any text either gives an Entry whose spans point into the text and whose dict is
    JSON, or raises an NlentryError; the input limits raise InputError;
(c) linear work: error recoveries stay within the number of tokens (counted, not timed).
"""

from __future__ import annotations

import json
import time
from datetime import date, datetime, timedelta, timezone
from datetime import time as dtime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from phrases import (
    CATALOG,
    EN_FILLERS,
    NL_FILLERS,
    ZONES,
    Case,
    most_recent_day_month,
    pair_reads_as_date,
    phrases,
    weekday_last,
    weekday_next,
    weekday_prev_week,
    weekday_recent,
    working_hour,
)

import nlentry
from nlentry import grammar
from nlentry.api import MAX_LENGTH
from nlentry.errors import EntryRefused, InputError, NlentryError
from nlentry.model import Entry

# ---- (a) round trip ------------------------------------------------------------------------------


def got_values(entry: Entry) -> dict[str, Any]:
    """The fields of an entry that a generated phrase predicts, in the generator's terms."""
    return {
        "duration": entry.duration,
        "date": entry.date,
        "start": entry.start,
        "end": entry.end,
        "project": None if entry.project is None else entry.project.id,
        "service": None if entry.service is None else entry.service.id,
        "persons": [p.name for p in entry.persons],
    }


def mismatches(case: Case) -> dict[str, tuple[Any, Any]]:
    """Field -> (expected, got) for every field the parser read differently; empty when all agree."""
    entry = nlentry.parse(case.text, catalog=CATALOG, now=case.now, locale=case.locale)
    got = got_values(entry)
    out = {k: (v, got[k]) for k, v in case.expect.items() if got[k] != v}
    if case.locale is not None and entry.locale != case.locale:
        out["locale"] = (case.locale, entry.locale)
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(phrases())
def test_round_trip(case: Case) -> None:
    assert mismatches(case) == {}, case


def test_the_oracle_follows_the_conventions() -> None:
    wednesday = date(2026, 11, 18)
    assert weekday_recent(wednesday, 2) == wednesday  # a bare weekday: today included
    assert weekday_last(wednesday, 2) == date(2026, 11, 11)  # afgelopen woensdag: strictly before
    assert weekday_prev_week(wednesday, 1) == date(2026, 11, 10)  # vorige week dinsdag
    assert weekday_prev_week(date(2026, 11, 16), 6) == date(2026, 11, 15)  # ISO weeks end on sunday
    assert weekday_next(wednesday, 2) == date(2026, 11, 25)
    assert most_recent_day_month(wednesday, 18, 11) == wednesday
    assert most_recent_day_month(wednesday, 27, 12) == date(2025, 12, 27)
    assert most_recent_day_month(wednesday, 29, 2) == date(2024, 2, 29)
    assert [working_hour(h) for h in (1, 6, 7, 12, 13)] == [13, 18, 7, 12, 13]
    assert not pair_reads_as_date("9", "11", other_clock=False)
    assert pair_reads_as_date("12", "06", other_clock=False)  # zero-padded
    assert pair_reads_as_date("27", "3", other_clock=False)  # no hour
    assert pair_reads_as_date("15", "11", other_clock=False)  # implausible range
    assert pair_reads_as_date("12", "6", other_clock=True)  # another clock range in the phrase
    # the filler words stay many and meaningless even when the grammar or the catalog grows
    assert len(NL_FILLERS) >= 20 and len(EN_FILLERS) >= 20


# Parser bugs the round-trip generator found, as minimal phrases (now = TUESDAY): the generator leaves
# these orders out (see "KNOWN BUG" in tests/phrases.py). Not strict: a fixed bug shows as XPASS; then
# delete the row and its KNOWN BUG rule so the generator covers the phrase again.
TUESDAY = datetime(2026, 11, 17, 14, 30, tzinfo=timezone(timedelta(hours=1)))
KNOWN_BUGS = [
    # an amount right before "day before yesterday" (no "the") takes "day" as its unit
    ("en", "between 21 and 22 day before yesterday", {"start": dtime(21, 0), "date": date(2026, 11, 15)}),
    ("en", "on Intranet 2.0 day before yesterday", {"project": 55, "date": date(2026, 11, 15)}),
    ("en", "an hour and a half day before yesterday", {"duration": 5400, "date": date(2026, 11, 15)}),
]


@pytest.mark.parametrize(("locale", "text", "start"), [
    ("nl", "1u30 vanochtend", dtime(1, 30)), ("en", "6h38 this afternoon", dtime(18, 38)),
    ("nl", "3:18 in de ochtend", dtime(3, 18)), ("en", "3:15 in the afternoon", dtime(15, 15)),
])
def test_h_mm_before_a_day_part_is_a_clock_time(locale: str, text: str, start: dtime) -> None:
    """Decided, not a bug: an h:mm with a day part after it names a time of that part (as the peer
    suites read "3:18 in de ochtend"); only a bare h:mm is a duration. The generator leaves it out."""
    entry = nlentry.parse(text, catalog=CATALOG, now=TUESDAY, locale=locale)
    assert (entry.start, entry.duration) == (start, None)


@pytest.mark.xfail(reason="known parser bug", strict=False)
@pytest.mark.parametrize(("locale", "text", "expect"), KNOWN_BUGS, ids=[t for _, t, _ in KNOWN_BUGS])
def test_known_bug(locale: str, text: str, expect: dict[str, Any]) -> None:
    got = got_values(nlentry.parse(text, catalog=CATALOG, now=TUESDAY, locale=locale))
    assert {k: got[k] for k in expect} == expect


# ---- (b) robustness ------------------------------------------------------------------------------

SOUP_TOKENS = (
    "half", "kwart", "over", "voor", "van", "tot", "om", "uur", "en", "the", "last", "at", "to", ":", "-",
    "9", "11:30", "3pm", "2,5", "#x", "@y", "u", "h", "m", "min", "kwartier", "anderhalf", "een", "a", "an",
    "hour", "hours", "and", "from", "between", "tussen", "gisteren", "yesterday", "vorige", "week",
    "dinsdag", "tuesday", "ago", "geleden", "dagen", "days", "'s", "avonds", "pm", "am", "p.m.", "12",
    "0", "24", "99", "27-03", "9-11", "1h30", "2u30", "14.30", "2016-03-27", "31/12/2024", ",", ".", "/",
    "met", "with", "aan", "for", "on", "op", "Timi", "Rowan", "tango", "review", "3", "1:30", "'",
)
# characters that change length or meaning under lower(), NFC or casefold, non-ASCII digits, odd spaces
ODD_TOKENS = ("İ", "ß", "e\u0301", "ﬁ", "٣", "１１:３０", "𝟗", "²", "\u00a0", "\u202f", "–", "—", "’s", "„",
              "Crèche", "JOSÉ", "ǅ", "\u200b", "\ufeff", "🙂", "\U0001d7d7u")
SEPARATORS = (" ", " ", " ", "", ", ", "-", "  ")


@st.composite
def soups(draw: st.DrawFn, min_tokens: int = 0, max_tokens: int = 60) -> str:
    vocabulary = st.sampled_from(SOUP_TOKENS) | st.sampled_from(ODD_TOKENS)
    tokens = draw(st.lists(vocabulary, min_size=min_tokens, max_size=max_tokens))
    seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(tokens), max_size=len(tokens)))
    return "".join(t + s for t, s in zip(tokens, seps, strict=True))[:MAX_LENGTH]


any_text = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=MAX_LENGTH),
    soups(),
    soups(min_tokens=100, max_tokens=400),
    st.lists(st.one_of(soups(max_tokens=8), st.text(max_size=10)), max_size=20).map("".join),
)
nows = st.datetimes(datetime(2020, 1, 1), datetime(2030, 12, 31), timezones=st.sampled_from(ZONES))


def check_entry(text: str, entry: Entry) -> None:
    assert entry.text == text
    for span in entry.spans:
        assert 0 <= span.start <= span.end <= len(text), span
        assert text[span.start:span.end] == span.text, span
    json.dumps(entry.to_dict())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text, nows, st.sampled_from([None, "nl", "en"]), st.booleans())
def test_any_text_gives_an_entry_or_an_nlentry_error(text: str, now: datetime, locale: str | None,
                                                      with_catalog: bool) -> None:
    try:
        entry = nlentry.parse(text, catalog=CATALOG if with_catalog else None, now=now, locale=locale)
    except EntryRefused as exc:
        check_entry(text, exc.entry)
    except NlentryError:
        pass
    else:
        check_entry(text, entry)


@settings(max_examples=50, deadline=None)
@given(st.text(min_size=1, max_size=50).map(lambda t: (t * (MAX_LENGTH // len(t) + 1))[:MAX_LENGTH + 1]))
def test_text_over_the_limit_is_an_input_error(text: str) -> None:
    assert len(text) == MAX_LENGTH + 1
    with pytest.raises(InputError):
        nlentry.parse(text)


def test_text_at_the_limit_is_read() -> None:
    text = ("2 uur " + "overleg " * MAX_LENGTH)[:MAX_LENGTH]
    assert len(text) == MAX_LENGTH
    assert nlentry.parse(text).duration == 7200


CONTROL = st.characters(categories=["Cc"], exclude_characters="\t\n")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40), CONTROL, st.text(max_size=40))
def test_control_characters_are_an_input_error(before: str, control: str, after: str) -> None:
    with pytest.raises(InputError):
        nlentry.parse(before + control + after)


WHITESPACE = st.sampled_from([" ", "\t", "\n", "\r", "\x0b", "\x0c", "\u00a0", "\u2003", "\u3000", "\u2028"])


@settings(max_examples=50, deadline=None)
@given(st.lists(WHITESPACE, max_size=30).map("".join))
def test_whitespace_only_is_an_input_error(text: str) -> None:
    with pytest.raises(InputError):
        nlentry.parse(text)


# ---- (c) linear work -----------------------------------------------------------------------------


def recoveries(text: str, code: str) -> tuple[int, int]:
    """(error recoveries, lexer tokens) of one parse of `text` in locale `code`."""
    folded = grammar.normalise(text)
    return grammar.parse_items(folded, code).recovered, len(grammar.tokens_of(folded, code))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(SOUP_TOKENS), min_size=1, max_size=60), st.sampled_from(["nl", "en"]))
def test_recoveries_grow_at_most_linearly(tokens: list[str], code: str) -> None:
    short = " ".join(tokens)
    long = " ".join(tokens * 4)
    rec_short, n_short = recoveries(short, code)
    rec_long, n_long = recoveries(long, code)
    assert rec_short <= n_short
    assert rec_long <= n_long
    assert n_long <= 4 * n_short + 3  # the 4n soup really has about 4n tokens


@pytest.mark.parametrize("code", ["nl", "en"])
def test_a_2000_character_soup_parses(code: str) -> None:
    tokens = [SOUP_TOKENS[(i * 7919) % len(SOUP_TOKENS)] for i in range(MAX_LENGTH)]
    text = " ".join(tokens)[:MAX_LENGTH]
    now = datetime(2026, 11, 18, 14, 30, tzinfo=timezone(timedelta(hours=1)))
    began = time.perf_counter()
    try:
        nlentry.parse(text, catalog=CATALOG, now=now, locale=code)
    except EntryRefused as exc:
        check_entry(text, exc.entry)
    elapsed = time.perf_counter() - began
    recovered, n = recoveries(text, code)
    assert recovered <= n
    print(f"\n{code}: 2000-character soup, {n} tokens, {recovered} recoveries, parsed in {elapsed:.3f} s")
