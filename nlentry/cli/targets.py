"""Hours you mean to work, as klog's `should`: `[targets]` in config.toml, compared with what was logged.

    [targets]
    week = 36          # hours a week: Monday to Friday share it (7:12 a day) unless a day says otherwise
    friday = 4         # a weekday of its own (monday ... sunday), in hours

`status`, `ls` and `report` then show the target of their period, the time worked and the difference
(`target 36:00 · worked 31:30 · diff -4:30`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from nlentry.render import hours

__all__ = ["WEEKDAYS", "Targets", "TargetsError", "signed"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class TargetsError(ValueError):
    """`[targets]` holds something that is not hours; `key` and `value` say what, for the message."""

    def __init__(self, key: str, value: object) -> None:
        super().__init__(f"[targets] {key} must be a number of hours, not {value!r}")
        self.key = key
        self.value = value


class Targets:
    """Seconds to work per weekday (Monday first); all 0 when nothing is configured."""

    def __init__(self, per_weekday: tuple[int, ...] = (0,) * 7) -> None:
        self.per_weekday = per_weekday

    @classmethod
    def from_config(cls, data: Mapping[str, Any]) -> Targets:
        """The targets of config.toml's `[targets]` table (`TargetsError` for a bad value or key)."""
        table = data.get("targets") or {}
        if not isinstance(table, Mapping):
            raise TargetsError("targets", table)
        for key, value in table.items():
            if key not in ("week", *WEEKDAYS):
                raise TargetsError(key, value)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 168:
                raise TargetsError(key, value)
        week = table.get("week")
        days: list[int] = []
        for number, name in enumerate(WEEKDAYS):
            if name in table:
                days.append(round(table[name] * 3600))
            elif week is not None and number < 5:
                own = sum(table[d] for d in WEEKDAYS if d in table)
                free = 5 - sum(1 for d in WEEKDAYS[:5] if d in table)
                days.append(round(max(0.0, week - own) * 3600 / free) if free else 0)
            else:
                days.append(0)
        return cls(tuple(days))

    def __bool__(self) -> bool:
        return any(self.per_weekday)

    def day(self, day: date) -> int:
        """The seconds to work on `day`."""
        return self.per_weekday[day.weekday()]

    def between(self, first: date, last: date) -> int:
        """The seconds to work from `first` to `last`, both included."""
        days = (last - first).days + 1
        return sum(self.day(first + timedelta(days=n)) for n in range(max(0, days)))


def signed(seconds: int) -> str:
    """A difference as `+1:30` or `-4:30` (`±0:00` for none)."""
    if seconds == 0:
        return "±0:00"
    return ("+" if seconds > 0 else "-") + hours(abs(seconds))
