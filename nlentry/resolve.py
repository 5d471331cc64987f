"""Stage 3: unresolved values + `now` -> a concrete date, start, end and duration.

This is where the conventions (shared/spec/conventions.md) decide every ambiguity: dates lean to
the past, a bare hour lies in working hours (07:00-18:59) unless a day part or am/pm says
otherwise, "9-11" is a range unless it reads better as a day-first date, a bare 1:30 is a
duration. Each decision that was not certain lowers the confidence a little.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from nlentry.reading import Trace
from nlentry.semantics.values import Clock, ClockRange, DayRef, Duration, Item, Pair

WORK_START, WORK_END = 7, 18  # the working-hours window: 07:00-18:59
FAR_DAYS = 366  # a date further from today read from a two-digit year is doubted
DAY_SECONDS = 86400


_Date = date  # `Resolved.date` would hide the type in the class body


class Resolved:
    """What the time expressions of a phrase amount to (made and filled in by `resolve`, then by the
    fallback). `derived` names the time field worked out from the others ("duration", "end", "start") or
    is None; `has_date` says a day was read."""

    __slots__ = ("date", "start", "end", "duration", "derived", "spans", "has_date")
    date: _Date
    start: time | None
    end: time | None
    duration: int | None
    derived: str | None
    spans: list[tuple[str, int, int]]
    has_date: bool


IMPLIED: dict[str | None, tuple[frozenset[str], frozenset[str]]] = {
    derived: (frozenset(["date", *fields]), frozenset(fields))
    for derived, fields in ((None, ()), ("duration", ("duration",)), ("end", ("end",)), ("start", ("start",)))
}
"""`Entry.implied` of a reading, by its `Resolved.derived`, then by `has_date`: the fields not read but
defaulted (the date, when no day was read) or derived from the others. Made once, not a set a phrase."""


# ---- dates --------------------------------------------------------------------------------------

_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def month_days(year: int, month: int) -> int:
    """The number of days of a month (1-12) of the proleptic Gregorian calendar, as `monthrange` of the
    calendar module gives it, without importing that module (and locale) on every cold start."""
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _MONTH_DAYS[month]


def _shift_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, month_days(year, month)))


def _widen_year(year: int, today: date) -> int:
    if year >= 100:
        return year
    candidate = 2000 + year
    return candidate if candidate <= today.year + 10 else 1900 + year


def _valid(year: int, month: int | None, day: int | None) -> bool:
    return month is not None and day is not None and 1 <= month <= 12 and 1 <= day <= month_days(year, month)


def most_recent(today: date, month: int, day: int) -> date | None:
    """The most recent `day month`, today included (29 Feb looks back to the last leap year)."""
    # this year's when it is not after today, else last year's; then back to a year that has it
    come = month < today.month or (month == today.month and day <= today.day)
    first = today.year if come else today.year - 1
    for year in range(first, today.year - 9, -1):
        if _valid(year, month, day):
            return date(year, month, day)
    return None


_DAY_DELTAS: dict[int, timedelta] = {}


def _days(n: int) -> timedelta:
    """`timedelta(days=n)`, made once for each `n` within a year either way: making a timedelta costs ten
    times looking one up, and the days of a phrase are counted on every parse."""
    delta = _DAY_DELTAS.get(n)
    if delta is None:
        delta = timedelta(days=n)
        if -FAR_DAYS <= n <= FAR_DAYS:
            _DAY_DELTAS[n] = delta
    return delta


_WEEK_SHIFT = {"prev_week": -7, "this_week": 0, "next_week": 7}
"""Days from the weekday of this week for the modes that count from Monday."""


def resolve_day(ref: DayRef, today: date) -> date | None:
    """The date a `DayRef` names, seen from `today`; None when it names no real date."""
    kind = ref.kind
    if kind == "offset":
        return today + _days(ref.days)
    wd = ref.weekday if ref.weekday is not None else 0
    if kind == "weekday":
        back = (today.weekday() - wd) % 7
        ahead = (wd - today.weekday()) % 7
        mode = ref.mode
        if mode == "recent":
            return today - _days(back)
        if mode == "last":
            return today - _days(back or 7)
        if mode == "next":
            return today + _days(ahead or 7)
        if mode == "after_next":
            return today + _days((ahead or 7) + 7)
        if mode == "week_later":
            return today + _days(ahead + 7)
        monday = today - _days(today.weekday())
        return monday + _days(wd + _WEEK_SHIFT[mode])
    if kind == "date":
        if ref.year is None:
            return most_recent(today, ref.month or 0, ref.day or 0)
        year = _widen_year(ref.year, today)
        if _valid(year, ref.month, ref.day):
            return date(year, ref.month or 0, ref.day or 0)
        if _valid(year, ref.day, ref.month):  # "05/31/2024": only month-first makes a date
            return date(year, ref.day or 0, ref.month or 0)
        return None
    if kind == "month_day" and ref.weekday is not None:  # "friday the 13th": the most recent such day
        base = today.replace(day=1)
        for _ in range(36):
            if _valid(base.year, base.month, ref.day):
                found = date(base.year, base.month, ref.day or 0)
                if found <= today and found.weekday() == ref.weekday:
                    return found
            base = _shift_months(base, -1)
        return None
    if kind == "month_day":
        base = _shift_months(today.replace(day=1), ref.months or 0)
        if ref.months is None and (ref.day or 0) > today.day:
            base = _shift_months(base, -1)
        return date(base.year, base.month, ref.day or 0) if _valid(base.year, base.month, ref.day) else None
    if kind in ("nth_weekday", "last_day"):
        if ref.month is not None:
            year = _widen_year(ref.year, today) if ref.year is not None else today.year
            first = date(year, ref.month, 1)
        else:
            first = _shift_months(today.replace(day=1), ref.months or 0)
        last = first.replace(day=month_days(first.year, first.month))
        if kind == "last_day":
            return last
        if (ref.n or 0) < 0:
            return last - _days((last.weekday() - wd) % 7)
        d = first + _days((wd - first.weekday()) % 7 + 7 * ((ref.n or 1) - 1))
        return d if d.month == first.month else None
    if kind in ("ago", "ahead"):
        sign = -1 if kind == "ago" else 1
        amount = ref.amount or 0
        today = today + _days(ref.days)  # "a week after tomorrow" counts from tomorrow
        if ref.unit == "months":
            return _shift_months(today, int(sign * amount))
        if ref.unit == "years":
            return _shift_months(today, int(sign * amount * 12))
        seconds = {"days": DAY_SECONDS, "weeks": 7 * DAY_SECONDS}.get(ref.unit or "", 0)
        return today + timedelta(seconds=sign * amount * seconds) if seconds else None
    if kind == "weekdays_ahead":
        return today + _days(((wd - today.weekday()) % 7 or 7) + 7 * ((ref.n or 1) - 1))
    if kind == "weekdays_ago":
        return today - _days(((today.weekday() - wd) % 7 or 7) + 7 * ((ref.n or 1) - 1))
    return None


# ---- clock times --------------------------------------------------------------------------------


def hour24(clock: Clock, part: str | None) -> int:
    """The 24-hour hour of a clock: am/pm first, then a day part, then the working-hours rule."""
    h = clock.hour
    if clock.meridiem == "am":
        return 0 if h == 12 else h
    if clock.meridiem == "pm":
        return h if h >= 12 else h + 12
    if clock.fixed or h > 12:
        return h
    part = clock.part or part
    if part == "morning":
        return 0 if h == 12 else h
    if part in ("afternoon", "evening"):
        return h if h == 12 and part == "afternoon" else (h + 12) % 24 if h < 12 else h
    if part == "night":
        return 0 if h == 12 else h + 12 if h >= 7 else h
    if 1 <= h < WORK_START:
        return h + 12
    return h


def _has_hint(clock: Clock) -> bool:
    return clock.meridiem is not None or clock.part is not None or clock.fixed


def _to_time(h: int, m: int) -> time | None:
    return time(h, m) if 0 <= h <= 23 and 0 <= m <= 59 else (time(0, m) if h == 24 and m == 0 else None)


def clock_range(a: Clock, b: Clock, part: str | None) -> tuple[int, int, bool]:
    """Start and end in minutes of the day for a range; the flag says the end is on the next day."""
    if not _has_hint(b) and a.meridiem:
        b = b.with_(meridiem=a.meridiem) if hour24(b.with_(meridiem=a.meridiem), part) * 60 + b.minute > (
            hour24(a, part) * 60 + a.minute) else b
    if not _has_hint(a) and b.meridiem:
        candidate = a.with_(meridiem=b.meridiem)
        if hour24(candidate, part) * 60 + a.minute < hour24(b, part) * 60 + b.minute:
            a = candidate
    if not _has_hint(a) and not _has_hint(b) and b.part is None and a.part:
        b = b.with_(part=a.part)
    start = hour24(a, part) * 60 + a.minute
    end = hour24(b, part) * 60 + b.minute
    if end <= start and b.hour == 12 and not _has_hint(b) and (b.part or part) == "morning":
        end = 12 * 60 + b.minute  # a morning that runs until 12 ends at noon ("vanmorgen 8-12")
    if end <= start and (b.fixed or b.part == "night" or b.meridiem == "am") and start >= 12 * 60:
        return start, end, True
    return start, end, False


# ---- the whole phrase ---------------------------------------------------------------------------


def _leans_past(ref: DayRef) -> bool:
    """Did the past-leaning convention choose this day (a weekday or date named without 'next' or year)?"""
    if ref.kind == "weekday":
        return ref.mode == "recent"
    return (ref.kind == "date" and ref.year is None) or (ref.kind == "month_day" and ref.months is None)


def _agrees(ref: DayRef, day: date, today: date) -> bool:
    """Does `ref` name `day`? A weekday agrees with any date on that weekday ("Tuesday, 10 March")."""
    if ref.kind == "weekday" and ref.mode == "recent":
        return day.weekday() == ref.weekday
    return resolve_day(ref, today) == day


def _note_working_hours(trace: Trace, clocks: tuple[Clock, ...], hours: tuple[int, ...], part: str | None,
                        start: int, end: int) -> None:
    """Trace the working-hours rule where it moved a bare hour of `clocks` (read as `hours`) past noon."""
    moved = [f"{hour:02d}:{clock.minute:02d}" for clock, hour in zip(clocks, hours, strict=True)
             if 1 <= clock.hour < WORK_START and hour == clock.hour + 12 and not _has_hint(clock)
             and not clock.part and not part]
    if moved:
        trace.append(("convention", "working_hours", start, end, " and ".join(moved)))


def _time_of(clock: Clock, first: int, last: int, part: str | None, trace: Trace) -> time | None:
    """The time of day of a single clock read at text[first:last] (None when it names none)."""
    hour = hour24(clock, part)
    if clock.hour < WORK_START < hour:
        _note_working_hours(trace, (clock,), (hour,), part, first, last)
    return _to_time(hour, clock.minute)


def _pair_is_date(pair: Pair, clocked: bool, part: str | None) -> bool:
    """Does "a-b" name a date? `clocked`: another item of the phrase is a clock time or a range."""
    if pair.sep == "/" or pair.b_padded or pair.a > 24 or pair.b > 24:
        return True
    if clocked:
        return True
    start, end, _ = clock_range(Clock(pair.a), Clock(pair.b), part)
    return end <= start


def resolve(items: list[Item], now: datetime, trace: Trace) -> Resolved:
    """Combine the items of a phrase into one date and time span, following the conventions.

    Every doubt and every convention applied is appended to `trace` (see `nlentry.reading`).
    """
    today = now.date()
    out = Resolved()  # no __init__: every field is set here
    spans: list[tuple[str, int, int]] = []
    # three fields a statement at most: an assignment of four or more builds a tuple and unpacks it
    out.date, out.start, out.end = today, None, None
    out.duration, out.derived = None, None
    out.spans, out.has_date = spans, False
    part: str | None = None
    day_ref: DayRef | None = None
    durations: list[Duration] = []
    clocked = False  # is any item a clock time or a range (then "a-b" is a date): counted once, not per pair
    days: list[DayRef] = []  # every day the phrase names, to see whether they agree
    several = False  # a list or run of days ("ma en di", "ma t/m vr"): one entry cannot hold them all

    timed: list[Item] = []  # the pairs, ranges and clock times, in order: read once `clocked` is known
    for item in items:
        kind = item.kind
        if kind == "duration":
            length = item.value
            assert isinstance(length, Duration)
            durations.append(length)
            spans.append(("duration", item.start, item.end))
        elif kind == "day":
            day = item.value
            assert isinstance(day, DayRef)
            days.append(day)
            # an explicit date wins over a weekday named with it ("Tuesday, 10 January")
            if day_ref is None or (day_ref.kind == "weekday" and day.kind == "date"):
                day_ref = day
            elif day_ref.kind == "weekday" and day.kind == "month_day" and day.months is None:
                day_ref = day.replace(weekday=day_ref.weekday)  # "friday the 13th"
            spans.append(("date", item.start, item.end))
            several = several or (item.role is not None and len(days) > 1)
        elif kind == "part":
            part = part or str(item.value)
            if isinstance(item.extra, DayRef):
                days.append(item.extra)
                day_ref = day_ref or item.extra
            spans.append(("date" if item.extra else "daypart", item.start, item.end))
        elif kind == "pair":
            timed.append(item)
        elif kind in ("range", "clock", "clock_for"):
            clocked = True
            timed.append(item)

    if timed:  # the clock times (most phrases have none: these lists are made only when some are read)
        starts: list[tuple[Clock, int, int]] = []
        ends: list[tuple[Clock, int, int]] = []
        ranges: list[tuple[Clock, Clock, int, int]] = []
        bare: list[tuple[Item, Clock]] = []
        for item in timed:
            if item.kind == "pair":
                assert isinstance(item.value, Pair)
                pair = item.value
                if _pair_is_date(pair, clocked, part):
                    ref = DayRef("date", day=pair.a, month=pair.b)
                    if resolve_day(ref, today) is not None:
                        days.append(ref)
                        day_ref = ref if day_ref is None or day_ref.kind == "weekday" else day_ref
                        spans.append(("date", item.start, item.end))
                        trace.append(("convention", "dash_as_date", item.start, item.end, None))
                        if part is not None and pair.a <= 24 and pair.b <= 24 and pair.sep != "/":
                            trace.append(("doubt", "clock_digits_as_date",
                                          f"'{pair.a}-{pair.b}' after a day part read as a date"))
                    else:
                        trace.append(("doubt", "dash_not_a_date", None))
                else:
                    ranges.append((Clock(pair.a), Clock(pair.b), item.start, item.end))
                    trace.append(("convention", "dash_as_range", item.start, item.end, None))
                    trace.append(("doubt", "dash_as_range", None))
                    spans.append(("time", item.start, item.end))
            elif item.kind == "range":
                assert isinstance(item.value, ClockRange)
                a, b = item.value.start, item.value.end
                ranges.append((a, b, item.start, item.end))
                days.extend(d for d in (a.day, b.day) if d is not None)
                day_ref = day_ref or a.day or b.day
                spans.append(("time", item.start, item.end))
            elif item.kind == "clock_for":
                assert isinstance(item.value, Clock) and isinstance(item.extra, Duration)
                starts.append((item.value, item.start, item.end))
                durations.insert(0, item.extra)
                spans.append(("time", item.start, item.end))
            elif item.kind == "clock":
                assert isinstance(item.value, Clock)
                clock = item.value
                if clock.day is not None:
                    days.append(clock.day)
                    day_ref = day_ref or clock.day
                if item.role == "until":
                    ends.append((clock, item.start, item.end))
                    spans.append(("end", item.start, item.end))
                elif item.role in ("at", "from"):
                    starts.append((clock, item.start, item.end))
                    spans.append(("start", item.start, item.end))
                else:
                    bare.append((item, clock))

        # A bare 1:30 / 1h30 is a duration (conventions), unless it cannot be one or something else is.
        for item, clock in bare:
            as_duration = (clock.shape == "hm" and not _has_hint(clock) and clock.hour < 10 and not durations
                           and not ranges and not starts)
            if as_duration:
                durations.append(Duration(clock.hour * 3600 + clock.minute * 60))
                spans.append(("duration", item.start, item.end))
                trace.append(("convention", "hm_as_length", item.start, item.end, None))
            else:
                starts.append((clock, item.start, item.end))
                spans.append(("start", item.start, item.end))

    if day_ref is not None:
        resolved = resolve_day(day_ref, today)
        if resolved is not None:
            out.date, out.has_date = resolved, True
            if resolved < today and _leans_past(day_ref):
                trace.append(("convention", "past_leaning", None, None, resolved))
            if day_ref.kind == "date" and day_ref.year is not None and day_ref.year < 100 and abs(
                    (resolved - today).days) > FAR_DAYS:
                trace.append(("doubt", "far_date", f"the date {resolved:%d %b %Y} is more than a year away"))
            if len(days) > 1 and not all(_agrees(ref, resolved, today) for ref in days):
                trace.append(("doubt", "two_days",
                              f"the phrase names more than one day; using {resolved:%a %d %b}"))
        else:
            trace.append(("doubt", "no_such_date", "that date does not exist; using today"))

    duration = round(durations[0].seconds) if durations else None
    if len(durations) > 1:
        trace.append(("doubt", "durations", "more than one duration in the phrase; the first one counts"))

    if several or (timed and len(ranges) > 1):  # starts, ends and ranges are there when `timed` is
        trace.append(("doubt", "several_entries",
                      "the phrase holds several entries; only the first is read (parse_all reads all)"))
    if timed:
        if len(ranges) > 1:
            trace.append(("doubt", "two_ranges",
                          "more than one time range in the phrase; the first one counts"))
            trace.extend(("unused", "time", first, last) for _, _, first, last in ranges[1:])
        elif len(starts) > 1 or len(ends) > 1:
            trace.append(("doubt", "two_times",
                          "more than one start or end time in the phrase; the first one counts"))
            trace.extend(("unused", "start", first, last) for _, first, last in starts[1:])
            trace.extend(("unused", "end", first, last) for _, first, last in ends[1:])
        if ranges:
            a, b, first, last = ranges[0]
            start_m, end_m, next_day = clock_range(a, b, part)
            out.start = _to_time(*divmod(start_m, 60))
            out.end = _to_time(*divmod(end_m, 60))
            if end_m > 12 * 60 and (a.hour < WORK_START or b.hour < WORK_START):
                _note_working_hours(trace, (a, b), (start_m // 60, end_m // 60), part, first, last)
            if end_m <= start_m and not next_day:
                trace.append(("doubt", "end_before_start", "the end lies before the start"))
                out.end = None
            else:
                span = end_m - start_m + (24 * 60 if next_day else 0)
                if duration is not None and duration != span * 60:
                    trace.append(("doubt", "length_mismatch",
                                  "the duration does not match the range; the range counts"))
                duration = span * 60
                out.derived = "duration"
                trace.append(("convention", "length_from_range", first, last, None))
        elif starts or ends:
            if starts:
                out.start = _time_of(*starts[0], part, trace)
            if ends:
                out.end = _time_of(*ends[0], part, trace)
            if out.start and out.end:
                span = (out.end.hour * 60 + out.end.minute) - (out.start.hour * 60 + out.start.minute)
                if span <= 0:
                    trace.append(("doubt", "end_before_start_at", "the end lies before the start"))
                    out.end = None
                else:
                    duration = span * 60
                    out.derived = "duration"
                    trace.append(("convention", "length_from_range", None, None, None))
            elif out.start and duration is not None:
                end = datetime.combine(out.date, out.start) + timedelta(seconds=duration)
                out.end = end.time().replace(second=0, microsecond=0)
                out.derived = "end"
                trace.append(("convention", "end_from_length", None, None, None))
            elif out.end and duration is not None:
                start = datetime.combine(out.date, out.end) - timedelta(seconds=duration)
                out.start = start.time().replace(second=0, microsecond=0)
                out.derived = "start"
                trace.append(("convention", "start_from_length", None, None, None))
    out.duration = duration
    if duration is not None and 12 * 3600 < duration <= 24 * 3600:
        trace.append(("doubt", "long", "longer than 12 hours"))
    return out
