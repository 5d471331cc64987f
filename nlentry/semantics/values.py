"""Unresolved values: what a phrase says, before `now`, the working-hours rule or the catalog apply.

The transformer turns each item of the parse tree into one of these; `nlentry.resolve` turns them
into a concrete date, start, end and duration.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Clock:
    """A clock time as written. `fixed` means the hour is unambiguous (13..23, 0, or zero-padded)."""

    hour: int
    minute: int = 0
    meridiem: str | None = None  # "am" | "pm"
    part: str | None = None  # "morning" | "afternoon" | "evening" | "night"
    fixed: bool = False
    shape: str = "hour"  # "hm" (14:30, 1h30); "hour" (3 uur, clock words); "number" (bare amount after a cue)
    day: DayRef | None = None  # a day named together with the time ("8 tonight")
    # "ten to four" read as a clock; after "from"/"between" the same words are a range 10:00-16:00
    as_range: ClockRange | None = None

    def with_(self, **changes: object) -> Clock:
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class ClockRange:
    """A start and an end as written ("van 9 tot 11", "9:00-11:30", "from 3 to 4pm")."""

    start: Clock
    end: Clock

    def on(self, **changes: object) -> ClockRange:
        """The same range with a day or day part given to both ends ("from 9 to 11 yesterday")."""
        return ClockRange(self.start.with_(**changes), self.end.with_(**changes))


@dataclass(frozen=True)
class DayRef:
    """A day as written: `kind` says how to find it, the other fields are its parameters.

    kinds: offset (days), weekday (weekday 0=Mon, mode), date (day, month, year?),
    month_day (day, months), nth_weekday (n, weekday, month?, year?, months?), last_day (month, year?),
    ago (amount, unit), ahead (amount, unit), weekdays_ago / weekdays_ahead (n, weekday).
    """

    kind: str
    days: int = 0
    weekday: int | None = None
    mode: str = "recent"
    day: int | None = None
    month: int | None = None
    year: int | None = None
    months: int | None = None
    n: int | None = None
    amount: float | None = None
    unit: str | None = None


@dataclass(frozen=True)
class Duration:
    """A length of time in seconds; `unit` is the unit it was counted in (seconds per unit).

    `hm` marks a bare number counting minutes ("1 hour thirty"); `half` a lone "and a half".
    """

    seconds: float
    hm: bool = False
    unit: int = 0
    half: bool = False


@dataclass(frozen=True)
class Pair:
    """Two numbers joined by a dash or slash ("9-11", "27-3", "12/06"): a clock range or a date."""

    a: int
    b: int
    sep: str
    b_padded: bool


@dataclass(frozen=True)
class Item:
    """One recognised expression of the phrase with where it stands: `text[start:end]`.

    `kind`: duration, clock, range, clock_for, day, part, pair. `role` is the cue word's meaning
    for a single clock: "at", "from", "until" or None (a bare time).
    """

    kind: str
    start: int
    end: int
    value: object
    role: str | None = None
    extra: object = None
