"""One phrase, several entries (`nlentry.parse_all`): one entry per day of a list or run and per time
range, the rest of the phrase shared; `parse` stays one entry and says the phrase holds more."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nlentry

CONFIRM_BELOW = 0.6
ZONE = timezone(timedelta(hours=1))
# one instant on every day of a week, so each weekday rule is met on every weekday
WEEK = [datetime(2026, 11, 16, 14, 30, tzinfo=ZONE) + timedelta(days=k) for k in range(7)]


@pytest.fixture(scope="module")
def catalog() -> nlentry.Catalog:
    return nlentry.Catalog.load("corpus/catalog.json")


def most_recent(weekday: int, today: date) -> date:
    """The most recent day with this weekday (0 = Monday), today included: the conventions' bare weekday."""
    return today - timedelta(days=(today.weekday() - weekday) % 7)


def sure(entries: list[nlentry.Entry]) -> None:
    for entry in entries:
        assert entry.confidence >= CONFIRM_BELOW, (entry.text, entry.confidence, entry.warnings)
        assert "date" not in entry.implied


@pytest.mark.parametrize("now", WEEK, ids=lambda d: d.strftime("%a"))
@pytest.mark.parametrize("text", ["maandag en dinsdag 4 uur aan webshop", "monday and tuesday 4h webshop",
                                  "ma, di 4 uur webshop"])
def test_a_list_of_days_is_one_entry_a_day(text: str, now: datetime, catalog: nlentry.Catalog) -> None:
    entries = nlentry.parse_all(text, catalog=catalog, now=now)
    tuesday = most_recent(1, now.date())
    assert [e.date for e in entries] == [tuesday - timedelta(days=1), tuesday]
    assert [e.duration for e in entries] == [4 * 3600, 4 * 3600]
    assert {e.project.id for e in entries if e.project} == {52} and all(e.project for e in entries)
    assert all(e.text == text for e in entries)
    assert all("dinsdag" not in e.description and "tuesday" not in e.description for e in entries)
    sure(entries)


@pytest.mark.parametrize("now", WEEK, ids=lambda d: d.strftime("%a"))
@pytest.mark.parametrize("text", ["ma t/m vr 8 uur support", "maandag tot en met vrijdag 8 uur support",
                                  "ma-vr 8u support", "mon-fri 8h support",
                                  "monday through friday 8h support", "monday to friday 8 hours support",
                                  "mon - fri 8h support"])
def test_a_run_of_days_is_every_day_from_first_to_last(text: str, now: datetime,
                                                        catalog: nlentry.Catalog) -> None:
    entries = nlentry.parse_all(text, catalog=catalog, now=now)
    friday = most_recent(4, now.date())
    assert [e.date for e in entries] == [friday - timedelta(days=k) for k in range(4, -1, -1)]
    assert all(e.duration == 8 * 3600 and e.service is not None and e.service.id == 6 for e in entries)
    date_span = [s for s in entries[0].spans if s.field == "date"]
    assert len(date_span) == 1 and date_span[0].text == text[date_span[0].start:date_span[0].end]
    assert date_span[0].start == 0 and "8" not in date_span[0].text
    sure(entries)


def test_a_week_named_for_one_day_holds_for_the_run() -> None:
    now = WEEK[2]  # a Wednesday
    monday_before = now.date() - timedelta(days=now.weekday() + 7)
    for text in ("vorige week ma t/m vr 8 uur", "ma t/m vr vorige week 8 uur"):
        entries = nlentry.parse_all(text, now=now)
        assert [e.date for e in entries] == [monday_before + timedelta(days=k) for k in range(5)], text


@pytest.mark.parametrize("now", WEEK[:2], ids=lambda d: d.strftime("%a"))
def test_two_ranges_share_the_rest_of_the_phrase(now: datetime, catalog: nlentry.Catalog) -> None:
    text = "9-12:30 en 13-17 webshop"
    entries = nlentry.parse_all(text, catalog=catalog, now=now)
    got = [(e.date, f"{e.start:%H:%M}", f"{e.end:%H:%M}", e.duration) for e in entries]
    assert got == [(now.date(), "09:00", "12:30", 12600), (now.date(), "13:00", "17:00", 14400)]
    assert all(e.project is not None and e.project.id == 52 and e.description == "webshop" for e in entries)
    assert all(e.confidence >= CONFIRM_BELOW for e in entries)


@pytest.mark.parametrize(("text", "locale", "services", "words"), [
    ("9-11 overleg, 11-12 testen", None, [4, 2], ["overleg", "testen"]),
    ("9-11 overleg, 11-12 mail", None, [4, None], ["overleg", "mail"]),
    ("9-11 meeting, 11-12 testing", "en", [4, 2], ["meeting", "testing"]),
    ("gisteren overleg 9-11 en testen 11-12", None, [4, 2], ["overleg", "testen"]),
])
def test_each_range_keeps_its_own_words(text: str, locale: str | None, services: list[int | None],
                                        words: list[str], catalog: nlentry.Catalog) -> None:
    now = WEEK[3]
    entries = nlentry.parse_all(text, catalog=catalog, now=now, locale=locale)
    day = now.date() - timedelta(days=1) if "gisteren" in text else now.date()
    assert [(e.date, f"{e.start:%H:%M}", f"{e.end:%H:%M}") for e in entries] == [
        (day, "09:00", "11:00"), (day, "11:00", "12:00")]
    assert [e.service.id if e.service else None for e in entries] == services
    assert [e.description for e in entries] == words
    for entry in entries:
        assert all(entry.text[s.start:s.end] == s.text for s in entry.spans)
    assert all(e.confidence >= CONFIRM_BELOW for e in entries)


@pytest.mark.parametrize(("text", "locale"), [("maandag 4 uur en dinsdag 2 uur webshop", None),
                                              ("monday 4h and tuesday 2h webshop", "en")])
def test_days_each_with_their_own_time(text: str, locale: str | None, catalog: nlentry.Catalog) -> None:
    now = WEEK[3]
    entries = nlentry.parse_all(text, catalog=catalog, now=now, locale=locale)
    assert [(e.date, e.duration) for e in entries] == [(most_recent(0, now.date()), 14400),
                                                       (most_recent(1, now.date()), 7200)]
    assert all(e.project is not None and e.project.id == 52 for e in entries)
    sure(entries)


def test_days_each_with_their_own_range_and_words(catalog: nlentry.Catalog) -> None:
    now = WEEK[4]
    entries = nlentry.parse_all("maandag 9-12 overleg en dinsdag 13-17 testen", catalog=catalog, now=now)
    got = [(e.date, f"{e.start:%H:%M}", f"{e.end:%H:%M}", e.service.id if e.service else None)
           for e in entries]
    assert got == [(most_recent(0, now.date()), "09:00", "12:00", 4),
                   (most_recent(1, now.date()), "13:00", "17:00", 2)]
    sure(entries)


def test_days_times_ranges_make_every_pair(catalog: nlentry.Catalog) -> None:
    now = WEEK[4]
    entries = nlentry.parse_all("ma en di 9-12 en 13-17 webshop", catalog=catalog, now=now)
    tuesday = most_recent(1, now.date())
    expected = [(d, h) for d in (tuesday - timedelta(days=1), tuesday) for h in ("09:00", "13:00")]
    assert [(e.date, f"{e.start:%H:%M}") for e in entries] == expected
    sure(entries)


@pytest.mark.parametrize("text", ["2 uur overleg aan webshop", "vrijdag 12-6 van 14:00 tot 17:30",
                                  "gisteren 9-11:30 code review", "maandag 4 uur"])
def test_one_entry_phrases_read_as_parse_reads_them(text: str, catalog: nlentry.Catalog) -> None:
    now = WEEK[2]
    one = nlentry.parse(text, catalog=catalog, now=now)
    assert nlentry.parse_all(text, catalog=catalog, now=now) == [one]


@pytest.mark.parametrize("text", ["maandag en dinsdag 4 uur aan webshop", "ma t/m vr 8 uur support",
                                  "9-11 overleg, 11-12 mail", "mon-fri 8h support"])
def test_parse_reads_one_entry_and_asks(text: str) -> None:
    entry = nlentry.parse(text, now=WEEK[2])
    assert entry.confidence < CONFIRM_BELOW
    assert any("several entries" in w for w in entry.warnings)
    assert len(nlentry.parse_all(text, now=WEEK[2])) > 1


def test_bad_input_is_refused_as_by_parse() -> None:
    with pytest.raises(nlentry.InputError):
        nlentry.parse_all("", now=WEEK[0])
    with pytest.raises(nlentry.InputError):
        nlentry.parse_all("ma t/m vr 8 uur", now="gisteren")  # type: ignore[arg-type]


JOINED = ["en", "and", ",", "t/m", "tot", "through", "-", "ma", "di", "vr", "monday", "friday", "maandag",
          "9-11", "11-12", "13-17", "van 9 tot 11", "2 uur", "4h", "gisteren", "vorige week", "overleg",
          "mail", "31-12-9999", "10000 jaar", "\ud800"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(JOINED) | st.text(max_size=3), min_size=1, max_size=9).map(" ".join))
def test_every_phrase_gives_entries_or_an_nlentry_error(text: str) -> None:
    try:
        entries = nlentry.parse_all(text, now=WEEK[2])
    except nlentry.NlentryError:
        return
    assert entries and all(e.text == text for e in entries)
    for entry in entries:
        assert all(text[s.start:s.end] == s.text for s in entry.spans)
