"""The dateparser fallback: dates the grammar does not cover, and only those.

Called only when the grammar read no date and a leftover word is a month name of the locale's
grammar or a year; dateparser is imported then, never before. It reads past-leaning, day first,
from `now`, and never overrides what the grammar read (it only sees the leftover words). A date
written in digits alone is never taken from it: digits the grammar did not read as a date are clock
times or numbers ("7.45-11.15"), and dateparser would turn them into one. Nor is a date whose numbers
are not the ones written ("hackathon 2026 dag 2" is no 2 May 2021).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache, partial

from nlentry.catalog.match import Word
from nlentry.locales import derived, get
from nlentry.memo import remember

# the patterns used only to find the month words (once, then cached) and after dateparser (rarely) are
# compiled when used, by re's own cache
_MONTH_RULE = r"^_(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec):(.*)$"
_LITERAL = r'"([^"]+)"'
_YEAR = re.compile(r"^(19|20)\d\d$")
_LETTERS = re.compile(r"[^\W\d_]+")
_CLOCK_LIKE = r"\b(?:[01]?\d|2[0-4])[.:h][0-5]\d\b|\b\d{1,2}\s*-\s*\d{1,2}\b"


@cache
def _month_words(code: str) -> frozenset[str]:
    """Month names and abbreviations of locale `code` (`_read_month_words`), kept in the cache under the
    checksum of the locales' files and of this module (`nlentry.locales.derived`)."""
    return derived(f"months-{code}", partial(_read_month_words, code), __file__, frozenset)


def _read_month_words(code: str) -> frozenset[str]:
    """Month names and abbreviations, read from the locale grammar's `_jan` .. `_dec` rules."""
    words: set[str] = set()
    for rule in re.findall(_MONTH_RULE, get(code).grammar, re.M):
        words.update(w for w in re.findall(_LITERAL, rule) if w.isalpha())
    return frozenset(words)


def _hints_at_date(word: str, code: str) -> bool:
    """Could `word` be part of a date the grammar does not read: a year, or holding a month name?"""
    if _YEAR.match(word):
        return True
    months = _month_words(code)
    return any(part in months for part in _LETTERS.findall(word.lower()))


@cache
def _known_hints(code: str) -> dict[str, bool]:
    """`_hints_at_date` of each word of locale `code` met so far (`nlentry.memo.remember`): read with
    `dict.get`, a third of a two-argument `lru_cache` call's cost."""
    return {}


_KNOWN_HINTS_SIZE = 8192
"""`_known_hints` forgets every word at once when it holds this many."""


def fallback_date(text: str, words: list[Word], code: str, now: datetime) -> tuple[date, int, int] | None:
    """(date, start, end) of a date expression among `words`, or None."""
    known = _known_hints(code)
    hints = []
    for i, word in enumerate(words):
        hint = known.get(word.text)
        if hint is None:
            hint = remember(known, word.text, _hints_at_date(word.text, code), _KNOWN_HINTS_SIZE)
        if hint:
            hints.append(i)
    if not hints:
        return None
    first, last = max(0, hints[0] - 2), min(len(words), hints[-1] + 3)
    start, end = words[first].start, words[last - 1].end
    try:
        from dateparser.search import search_dates

        found = search_dates(
            text[start:end],
            languages=[code],
            settings={"RELATIVE_BASE": now.replace(tzinfo=None), "PREFER_DATES_FROM": "past",
                      "DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month"]},
        )
    except Exception:  # dateparser failing must never fail the parse
        return None
    if not found:
        return None
    phrase, moment = found[0]
    offset = text.find(phrase, start)
    if offset < 0:
        return None
    whole = text[text.rfind(" ", 0, offset) + 1:offset + len(phrase)]  # from the start of its first word
    if not _LETTERS.search(phrase) or re.search(_CLOCK_LIKE, whole):
        return None  # digits that read as clock times or a range: never a date from the fallback
    day = moment.date()
    if not _numbers_agree(phrase, day):
        return None
    return day, offset, offset + len(phrase)


def _numbers_agree(phrase: str, day: date) -> bool:
    """Is every number written in `phrase` the day, month or year of `day`? dateparser sometimes makes a
    date of numbers that say something else ("hackathon 2026 dag 2" as 2 May 2021); such a date is no
    reading of what was written."""
    parts = {day.day, day.month, day.year, day.year % 100}
    return all(int(n) in parts for n in re.findall(r"\d+", phrase))
