"""How both front ends show an entry to a person: one readable line, in the entry's language.

    summary(entry)                  # 'wo 18-11-2026 · 2:30 · 09:00–11:30 · Timi · Development · met Rowan'
    hours(9000)                     # '2:30'
    warning_text(warning, say)      # "'webshp' gelezen als project 'Webshop'" for a Dutch reader

The command line (`nlentry.cli`) and the chat bot (`nlentry.server`) both import this module; it
imports neither of them, only the model and the shared messages, so rendering stays cheap.
"""

from __future__ import annotations

import re

from nlentry.messages import FALLBACK, Messages, messages_for

TYPE_CHECKING = False
if TYPE_CHECKING:
    from nlentry.model import Entry

__all__ = ["SEP", "doubt_text", "hours", "join_names", "reason", "summary", "value_text", "warning_text"]

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


#: the English text of each doubt code's warning (`("doubt", code, message)` in `nlentry.reading`), as
#: `Entry.warnings` holds it, with its values as named groups; a doubt's message in a language is
#: `doubt_<code>` of that locale's messages.toml. Codes whose doubt has no warning are left out.
DOUBT_TEXTS: dict[str, str] = {
    "no_such_date": r"that date does not exist; using today",
    "durations": r"more than one duration in the phrase; the first one counts",
    "end_before_start": r"the end lies before the start",
    "length_mismatch": r"the duration does not match the range; the range counts",
    "long": r"longer than 12 hours",
    "two_days": r"the phrase names more than one day; using (?P<day>.+)",
    "two_ranges": r"more than one time range in the phrase; the first one counts",
    "several_entries": r"the phrase holds several entries; only the first is read.*",
    "two_times": r"more than one start or end time in the phrase; the first one counts",
    "clock_digits_as_date": r"'(?P<typed>.+)' after a day part read as a date",
    "far_date": r"the date (?P<day>.+) is more than a year away",
    "future_date": r"the date (?P<day>.+) lies in the future",
    "ordinal_before_noun": r"'(?P<typed>.+)' follows a day of the month: it may not be a date",
    "lone_reading": r"'(?P<typed>.+)' alone could also be (?P<other>a date|a time of day)",
    "unread_time": r"'(?P<typed>.+)' (?P<why>(?:looks|a number|digits|stuck) .+)",
    "near_name": r"read '(?P<typed>.+)' as (?P<field>\w+) '(?P<name>.+)'",
    "article_before_name": r"'(?P<typed>.+)' may be a plain noun, not (?P<field>\w+) '(?P<name>.+)'",
    "inactive": r"project '(?P<name>.+)' is inactive",
    "ambiguous": r"(?P<field>\w+) '(?P<name>.+)' chosen; could also be (?P<others>.+)",
    "cross_field": r"'(?P<typed>.+)' read as (?P<field>\w+); could also be a (?P<other>\w+)",
    "not_the_client": r"'(?P<typed>.+)' is not the client of project '(?P<name>.+)'",
    "unknown_person": r"person '(?P<name>.+)' is not in the catalog",
    "past_midnight": r"the timer ran past midnight; the entry is booked on the day it started",
}
_SAME_TEXT = {"end_before_start_at": "end_before_start", "prefix_name": "near_name", "weak_name": "near_name",
              "preferred": "ambiguous", "lowercase_person": "unknown_person"}
"""Doubt codes whose warning reads like another code's (same values, same message)."""
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = ()
_WORDS = ("field", "other", "why")
_VALUES = ("value_a_date", "value_a_time_of_day", "value_time_word", "value_time_number", "value_time_digits",
           "value_glued")
"""The values that are words of the message files themselves: a field's name, a kind, a reason."""


def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    global _PATTERNS
    if not _PATTERNS:  # compiled on the first warning shown, never on the way of a parse
        _PATTERNS = tuple((code, re.compile(text)) for code, text in DOUBT_TEXTS.items())
    return _PATTERNS


def value_text(value: str, say: Messages) -> str:
    """A word of a warning in the reader's language: a field's name, or a `value_*` text whose English
    is `value` ("a date", the reasons of `nlentry.unread`)."""
    if value in say:
        return say(value)
    english = messages_for(FALLBACK)
    return next((say(key) for key in _VALUES if english(key) == value), value)


_DAY = re.compile(r"(?:(?P<weekday>Mon|Tue|Wed|Thu|Fri|Sat|Sun) )?(?P<day>\d\d) (?P<month>[A-Z][a-z]{2})"
                  r"(?: (?P<year>\d{4}))?")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _day_text(value: str, say: Messages) -> str:
    """A date of a warning ('Mon 23 Nov', '01 Jan 2030', as the parser writes them) as the reader writes
    dates: 'ma 23-11', '01-01-2030'."""
    found = _DAY.fullmatch(value)
    if found is None or found["month"] not in _MONTHS:
        return value
    day = f"{found['day']}-{_MONTHS.index(found['month']) + 1:02d}"
    day += f"-{found['year']}" if found["year"] else ""
    weekday = found["weekday"]
    return day if weekday is None else f"{say(f'weekday_{_WEEKDAYS.index(weekday)}')} {day}"



def doubt_text(code: str, message: str | None, say: Messages) -> str:
    """What the doubt `code` of a trace says in the reader's language; `message` is its English warning
    (None for a doubt without one: then what the doubt means)."""
    key = f"doubt_{code}"
    if message is None:
        return say(key) if key in say else code
    found = re.fullmatch(DOUBT_TEXTS.get(_SAME_TEXT.get(code, code), re.escape(message)), message)
    if found is None or key not in say:
        return message
    values = {k: value_text(v, say) if k in _WORDS else _day_text(v, say) if k == "day" else v
              for k, v in found.groupdict().items()}
    return say(key, **values)


def warning_text(warning: str, say: Messages) -> str:
    """A warning of `Entry.warnings` in the reader's language; one it does not know stays as it is."""
    code = getattr(warning, "code", None)
    if code is None:
        code = next((c for c, pattern in _patterns() if pattern.fullmatch(warning)), None)
    if code == "past_midnight":
        return say("warn_past_midnight")
    return warning if code is None else doubt_text(code, warning, say)


def reason(error: BaseException, say: Messages) -> str:
    """Why an `NlentryError` refused: its message in the reader's language, or its English text when it
    names no message (or the locales have none of that key)."""
    key = getattr(error, "key", None)
    if not key or key not in say:
        return str(error)
    values = getattr(error, "values", {})
    return say(key, **{k: say(f"verb_{v}") if k == "verb" else v for k, v in values.items()})
