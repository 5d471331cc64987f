"""The resolve stage's date arithmetic, checked against plain `datetime` arithmetic done the long way."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from nlentry import resolve as stage
from nlentry.semantics.values import DayRef

# days around the ends of February, of leap and common years, and of a year
TODAYS = [date(2024, 2, 28), date(2024, 2, 29), date(2024, 3, 1), date(2025, 2, 28), date(2025, 3, 1),
          date(2026, 12, 31), date(2027, 1, 1), date(2028, 7, 15), date(2100, 3, 1)]


def _most_recent_by_search(today: date, month: int, day: int) -> date | None:
    """Every candidate of the nine years up to today, the latest not after today."""
    found = []
    for year in range(today.year - 8, today.year + 1):
        try:
            found.append(date(year, month, day))
        except ValueError:
            continue
    found = [d for d in found if d <= today]
    return max(found) if found else None


@pytest.mark.parametrize("today", TODAYS)
def test_most_recent_is_the_latest_such_day_not_after_today(today: date) -> None:
    for month in range(0, 14):
        for day in range(0, 33):
            assert stage.most_recent(today, month, day) == _most_recent_by_search(today, month, day), (
                today, month, day)


def test_day_counts_are_the_timedeltas_they_stand_for_and_their_memory_is_bounded() -> None:
    for n in range(-3 * stage.FAR_DAYS, 3 * stage.FAR_DAYS):
        assert stage._days(n) == timedelta(days=n)
    assert stage._days(12) is stage._days(12)
    assert len(stage._DAY_DELTAS) <= 2 * stage.FAR_DAYS + 1
    with pytest.raises(OverflowError):
        stage._days(10**10)


@pytest.mark.parametrize("today", TODAYS)
def test_weekdays_and_offsets_count_days_as_datetime_does(today: date) -> None:
    weekday = today.weekday()
    for days in (-400, -8, -1, 0, 1, 2, 9, 400):
        assert stage.resolve_day(DayRef("offset", days=days), today) == today + timedelta(days=days)
    for wd in range(7):
        back = (weekday - wd) % 7
        ahead = (wd - weekday) % 7
        monday = today - timedelta(days=weekday)
        expected = {
            "recent": today - timedelta(days=back),
            "last": today - timedelta(days=back or 7),
            "next": today + timedelta(days=ahead or 7),
            "after_next": today + timedelta(days=(ahead or 7) + 7),
            "week_later": today + timedelta(days=ahead + 7),
            "prev_week": monday + timedelta(days=wd - 7),
            "this_week": monday + timedelta(days=wd),
            "next_week": monday + timedelta(days=wd + 7),
        }
        for mode, day in expected.items():
            ref = DayRef("weekday", weekday=wd, mode=mode)
            assert stage.resolve_day(ref, today) == day, (today, wd, mode)
            assert day.weekday() == wd


@pytest.mark.parametrize("text, implied", [
    ("2 uur", {"date"}),
    ("gisteren 2 uur", set()),
    ("gisteren 9-11", {"duration"}),
    ("9-11", {"date", "duration"}),
    ("om 9 2 uur gisteren", {"end"}),
    ("tot 11 2 uur", {"date", "start"}),
    ("2 hours review Jan-12-2016", set()),  # the date read by the fallback is not implied
    ("review", {"date"}),
])
def test_implied_names_the_date_defaulted_and_the_time_field_derived(text: str, implied: set[str]) -> None:
    from nlentry import parse

    now = datetime(2026, 11, 18, 14, 30, tzinfo=timezone(timedelta(hours=1)))
    entry = parse(text, now=now)
    assert entry.implied == implied and isinstance(entry.implied, frozenset)
