"""How both front ends show an entry to a person: one readable line, in the entry's language.

    summary(entry)                  # 'wo 18-11-2026 · 2:30 · 09:00–11:30 · Timi · Development · met Rowan'
    hours(9000)                     # '2:30'
    warning_text(warning, say)      # "'webshp' gelezen als project 'Webshop'" for a Dutch reader

The command line (`nlentry.cli`) and the chat bot (`nlentry.server`) both import this module; it
imports neither of them, only the model and the shared messages, so rendering stays cheap.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from nlentry.messages import Messages, messages_for

if TYPE_CHECKING:
    from nlentry.model import Entry

__all__ = ["SEP", "hours", "join_names", "summary", "warning_text"]

SEP = " · "


def hours(seconds: int) -> str:
    """Seconds as hours and minutes, `H:MM` (rounded to the minute): 9000 -> '2:30'."""
    minutes = (seconds + 30) // 60
    return f"{minutes // 60}:{minutes % 60:02d}"


def join_names(names: list[str], conjunction: str) -> str:
    """'Rowan, Kaat and Memo' (with the locale's word for "and")."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {conjunction} {names[-1]}"


def summary(entry: Entry, say: Messages | None = None) -> str:
    """The one-line summary of an entry: date, duration, times, project, service, persons, tags, text.

    Fields that are unknown are left out; the description is quoted. The words are those of `say`,
    by default the entry's own locale.
    """
    say = say or messages_for(entry.locale)
    with_, and_ = say("persons"), say("and")
    parts = [f"{say(f'weekday_{entry.date.weekday()}')} {entry.date:%d-%m-%Y}"]
    if entry.duration is not None:
        parts.append(hours(entry.duration))
    if entry.start is not None or entry.end is not None:
        start = "" if entry.start is None else f"{entry.start:%H:%M}"
        end = "" if entry.end is None else f"{entry.end:%H:%M}"
        parts.append(f"{start}–{end}")
    if entry.project is not None:
        parts.append(entry.project.name)
    elif entry.client is not None:
        parts.append(entry.client.name)
    if entry.service is not None:
        parts.append(entry.service.name)
    if entry.persons:
        parts.append(f"{with_} {join_names([p.name for p in entry.persons], and_)}")
    if entry.tags:
        parts.append(" ".join(t if t.startswith("#") else f"#{t}" for t in entry.tags))
    if entry.description:
        parts.append(f'"{entry.description}"')
    return SEP.join(parts)


#: the parser's warnings (English, as `Entry.warnings` holds them) and the message key of each
_WARNINGS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), k) for p, k in (
    (r"read '(?P<typed>.+)' as (?P<field>\w+) '(?P<name>.+)'", "warn_read_as"),
    (r"project '(?P<name>.+)' is inactive", "warn_inactive"),
    (r"(?P<field>\w+) '(?P<name>.+)' chosen; could also be (?P<others>.+)", "warn_chosen"),
    (r"'(?P<typed>.+)' is not the client of project '(?P<name>.+)'", "warn_not_client"),
    (r"person '(?P<name>.+)' is not in the catalog", "warn_unknown_person"),
    (r"'(?P<typed>.+)' read as (?P<field>\w+); could also be a (?P<other>\w+)", "warn_could_be"),
    (r"that date does not exist; using today", "warn_no_such_date"),
    (r"more than one duration in the phrase; the first one counts", "warn_two_durations"),
    (r"the phrase holds several entries; only the first is read.*", "warn_several"),
    (r"the end lies before the start", "warn_end_before_start"),
    (r"the duration does not match the range; the range counts", "warn_range_counts"),
    (r"longer than 12 hours", "warn_long"),
    (r"the timer ran past midnight; the entry is booked on the day it started", "warn_past_midnight"),
))
_FIELDS = ("field", "other")


def warning_text(warning: str, say: Messages) -> str:
    """A warning of the parser in the reader's language; one it does not know stays as it is."""
    for pattern, key in _WARNINGS:
        found = pattern.fullmatch(warning)
        if found is not None and key in say:
            values = {k: say(v) if k in _FIELDS else v for k, v in found.groupdict().items()}
            return say(key, **values)
    return warning
