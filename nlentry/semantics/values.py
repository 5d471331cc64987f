"""Unresolved values: what a phrase says, before `now`, the working-hours rule or the catalog apply.

The transformer turns each item of the parse tree into one of these; `nlentry.resolve` turns them
into a concrete date, start, end and duration. They are immutable `Record`s, made on every parse:
the semantic actions make them with the `make_*` functions below, which fill a `draft` and freeze it
(what `nlentry.model.maker` makes, written out to keep its `exec` off the import), at half the cost
of calling the class.
"""

from __future__ import annotations

from nlentry.model import Record, draft

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class Clock(Record):
    """A clock time as written. `fixed` means the hour is unambiguous (13..23, 0, or zero-padded).

    `meridiem` is "am" | "pm"; `part` "morning" | "afternoon" | "evening" | "night"; `shape` "hm" (14:30,
    1h30), "hour" (3 uur, clock words) or "number" (a bare amount after a cue); `day` a day named together
    with the time ("8 tonight"); `as_range` the reading of "ten to four" after "from"/"between", where the
    same words are a range 10:00-16:00.
    """

    __slots__ = ("hour", "minute", "meridiem", "part", "fixed", "shape", "day", "as_range")
    hour: int
    minute: int
    meridiem: str | None
    part: str | None
    fixed: bool
    shape: str
    day: DayRef | None
    as_range: ClockRange | None

    def __init__(self, hour: int, minute: int = 0, meridiem: str | None = None, part: str | None = None,
                 fixed: bool = False, shape: str = "hour", day: DayRef | None = None,
                 as_range: ClockRange | None = None) -> None:
        set_hour, set_minute, set_meridiem, set_part, set_fixed, set_shape, set_day, set_as_range = Clock._set
        set_hour(self, hour)
        set_minute(self, minute)
        set_meridiem(self, meridiem)
        set_part(self, part)
        set_fixed(self, fixed)
        set_shape(self, shape)
        set_day(self, day)
        set_as_range(self, as_range)

    def with_(self, **changes: Any) -> Clock:
        """A copy with some fields changed (`replace`, spelled out: clocks are copied often)."""
        get = changes.get
        return make_clock(get("hour", self.hour), get("minute", self.minute), get("meridiem", self.meridiem),
                          get("part", self.part), get("fixed", self.fixed), get("shape", self.shape),
                          get("day", self.day), get("as_range", self.as_range))


class ClockRange(Record):
    """A start and an end as written ("van 9 tot 11", "9:00-11:30", "from 3 to 4pm")."""

    __slots__ = ("start", "end")
    start: Clock
    end: Clock

    def __init__(self, start: Clock, end: Clock) -> None:
        set_start, set_end = ClockRange._set
        set_start(self, start)
        set_end(self, end)

    def on(self, **changes: Any) -> ClockRange:
        """The same range with a day or day part given to both ends ("from 9 to 11 yesterday")."""
        return make_clock_range(self.start.with_(**changes), self.end.with_(**changes))


class DayRef(Record):
    """A day as written: `kind` says how to find it, the other fields are its parameters.

    kinds: offset (days), weekday (weekday 0=Mon, mode), date (day, month, year?),
    month_day (day, months), nth_weekday (n, weekday, month?, year?, months?), last_day (month, year?),
    ago (amount, unit), ahead (amount, unit), weekdays_ago / weekdays_ahead (n, weekday).
    """

    __slots__ = ("kind", "days", "weekday", "mode", "day", "month", "year", "months", "n", "amount", "unit")
    kind: str
    days: int
    weekday: int | None
    mode: str
    day: int | None
    month: int | None
    year: int | None
    months: int | None
    n: int | None
    amount: float | None
    unit: str | None

    def __init__(self, kind: str, days: int = 0, weekday: int | None = None, mode: str = "recent",
                 day: int | None = None, month: int | None = None, year: int | None = None,
                 months: int | None = None, n: int | None = None, amount: float | None = None,
                 unit: str | None = None) -> None:
        (set_kind, set_days, set_weekday, set_mode, set_day, set_month, set_year, set_months, set_n,
         set_amount, set_unit) = DayRef._set
        set_kind(self, kind)
        set_days(self, days)
        set_weekday(self, weekday)
        set_mode(self, mode)
        set_day(self, day)
        set_month(self, month)
        set_year(self, year)
        set_months(self, months)
        set_n(self, n)
        set_amount(self, amount)
        set_unit(self, unit)


class Duration(Record):
    """A length of time in seconds; `unit` is the unit it was counted in (seconds per unit).

    `hm` marks a bare number counting minutes ("1 hour thirty"); `half` a lone "and a half"; `count` the
    number after "of"/"or" that replaces the count of the piece before ("een uurtje of drie": seconds 3).
    """

    __slots__ = ("seconds", "hm", "unit", "half", "count")
    seconds: float
    hm: bool
    unit: int
    half: bool
    count: bool

    def __init__(self, seconds: float, hm: bool = False, unit: int = 0, half: bool = False,
                 count: bool = False) -> None:
        set_seconds, set_hm, set_unit, set_half, set_count = Duration._set
        set_seconds(self, seconds)
        set_hm(self, hm)
        set_unit(self, unit)
        set_half(self, half)
        set_count(self, count)


class Pair(Record):
    """Two numbers joined by a dash or slash ("9-11", "27-3", "12/06"): a clock range or a date."""

    __slots__ = ("a", "b", "sep", "b_padded")
    a: int
    b: int
    sep: str
    b_padded: bool

    def __init__(self, a: int, b: int, sep: str, b_padded: bool) -> None:
        set_a, set_b, set_sep, set_b_padded = Pair._set
        set_a(self, a)
        set_b(self, b)
        set_sep(self, sep)
        set_b_padded(self, b_padded)


class Item(Record):
    """One recognised expression of the phrase with where it stands: `text[start:end]`.

    `kind`: duration, clock, range, clock_for, day, part, pair. `role` is the cue word's meaning
    for a single clock: "at", "from", "until" or None (a bare time); for a day, "and" or "through" when
    it joins the day before it ("maandag en dinsdag", "ma t/m vr").
    """

    __slots__ = ("kind", "start", "end", "value", "role", "extra")
    kind: str
    start: int
    end: int
    value: object
    role: str | None
    extra: object

    def __init__(self, kind: str, start: int, end: int, value: object, role: str | None = None,
                 extra: object = None) -> None:
        set_kind, set_start, set_end, set_value, set_role, set_extra = Item._set
        set_kind(self, kind)
        set_start(self, start)
        set_end(self, end)
        set_value(self, value)
        set_role(self, role)
        set_extra(self, extra)


_ClockDraft = draft(Clock)
_ClockRangeDraft = draft(ClockRange)
_DayRefDraft = draft(DayRef)
_DurationDraft = draft(Duration)
_PairDraft = draft(Pair)
_ItemDraft = draft(Item)


def make_clock(hour: int, minute: int = 0, meridiem: str | None = None, part: str | None = None,
               fixed: bool = False, shape: str = "hour", day: DayRef | None = None,
               as_range: ClockRange | None = None) -> Clock:
    """`Clock(...)`, the cheap way."""
    made: Clock = _ClockDraft()
    made.hour, made.minute, made.meridiem = hour, minute, meridiem
    made.part, made.fixed, made.shape = part, fixed, shape
    made.day, made.as_range = day, as_range
    made.__class__ = Clock
    return made


def make_clock_range(start: Clock, end: Clock) -> ClockRange:
    """`ClockRange(...)`, the cheap way."""
    made: ClockRange = _ClockRangeDraft()
    made.start, made.end = start, end
    made.__class__ = ClockRange
    return made


def make_day(kind: str, days: int = 0, weekday: int | None = None, mode: str = "recent",
             day: int | None = None, month: int | None = None, year: int | None = None,
             months: int | None = None, n: int | None = None, amount: float | None = None,
             unit: str | None = None) -> DayRef:
    """`DayRef(...)`, the cheap way."""
    made: DayRef = _DayRefDraft()
    made.kind, made.days, made.weekday = kind, days, weekday
    made.mode, made.day, made.month = mode, day, month
    made.year, made.months, made.n = year, months, n
    made.amount, made.unit = amount, unit
    made.__class__ = DayRef
    return made


def make_duration(seconds: float, hm: bool = False, unit: int = 0, half: bool = False,
                  count: bool = False) -> Duration:
    """`Duration(...)`, the cheap way."""
    made: Duration = _DurationDraft()
    made.seconds, made.hm, made.unit = seconds, hm, unit
    made.half, made.count = half, count
    made.__class__ = Duration
    return made


def make_pair(a: int, b: int, sep: str, b_padded: bool) -> Pair:
    """`Pair(...)`, the cheap way."""
    made: Pair = _PairDraft()
    made.a, made.b, made.sep = a, b, sep
    made.b_padded = b_padded
    made.__class__ = Pair
    return made


def make_item(kind: str, start: int, end: int, value: object, role: str | None = None,
              extra: object = None) -> Item:
    """`Item(...)`, the cheap way."""
    made: Item = _ItemDraft()
    made.kind, made.start, made.end = kind, start, end
    made.value, made.role, made.extra = value, role, extra
    made.__class__ = Item
    return made
