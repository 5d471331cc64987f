"""Why a word was left unread: is it plain description, or part of a date or time the reading missed?

A word the grammar did not read and the catalog did not match goes to the description. That is right for
"overleg" and wrong for "gister", "yesterdy", "dinsdagmiddag" or the "15" of "at 3 15": those say when,
and a reading that skipped them may be wrong. `why_unread` tells the two apart so that the confidence of
such a reading falls below the threshold and the user is asked (issue 9, section 2). The time words come
from the locale grammars (weekdays, months, day parts, units, relative days), in both languages.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache, partial

from nlentry import locales
from nlentry.catalog.index import EDGE_PUNCT, one_edit

_TIME_RULES = ("_mon", "_tue", "_wed", "_thu", "_fri", "_sat", "_sun", "_jan", "_feb", "_mar", "_apr", "_may",
               "_jun", "_jul", "_aug", "_sep", "_oct", "_nov", "_dec", "_morning", "_afternoon", "_evening",
               "_night", "_hour_unit", "_minute_unit", "_week_unit", "_month_unit", "_kwartier", "_halfuur",
               "_anderhalf", "_prev_week", "_this_week", "_next_week", "day_offset", "far_day")
"""The grammar rules whose words say when. Not the units second, day and year: "the second version",
"vrije dag", "year end closing" are description far more often than a missed date."""
_FUNCTION_RULES = ("_last", "_next", "_after_next", "_in", "_a", "_of", "_at", "_from", "_to", "_to_until",
                   "_between", "_and", "_for", "_ago", "_extra", "_half", "_quarter_s")
"""Rules of words that only help ("in de ochtend", "the week before"): never time words on their own."""
_RARE_UNITS = ("_second_unit", "_day_unit", "_year_unit")
_RULE = re.compile(r"^([_a-z]+)(?:\.\d+)?\s*:(.*(?:\n[ \t]+\|.*)*)", re.M)
_WORD = re.compile(r'"([^\W\d_]+)"')
_CLOCK_OR_DATE = re.compile(r"^(?:[01]?\d|2[0-4])[:.h][0-5]\d$|^\d{1,2}[-/]\d{1,2}(?:[-/]\d{2,4})?$"
                            r"|^\d{1,2}\.\d{1,2}\.\d{2,4}$")
"""A clock time ("8.30", "10:15") or a date ("10-12", "3/4", "1.2.2026"); not a version ("2.0", "8.3")."""
_NUMBER = re.compile(r"^(?:\d{1,2}|19\d\d|20\d\d)$")
"""A number that can be part of a date or time: a day, hour, minute or short year (0-99) or a year."""
_WHOLE_WORD = re.compile(r"^[^\W\d_]+$")
_LETTERS = re.compile(r"[^\W\d_]+")

MIN_EXACT = 3
"""Shorter words ("do", "zo", "m") are too often something else to count as time words."""
MIN_OTHER_LOCALE = 5
"""A time word of the other locale counts only when written out ("yesterday" in Dutch text, not "sat")."""
MIN_PREFIX = 6
"""A word of at least this many letters counts when it is the start of a longer time word ("gister")."""
MIN_FUZZY = 7
"""A word counts when it is one edit from a time word of at least this many letters ("yesterdy")."""

TIME_WORD = "looks like a date or time word that was not understood"
TIME_NUMBER = "a number beside a date or time that was not read with it"
TIME_DIGITS = "digits that look like a clock time or a date that was not understood"
GLUED = "stuck to a date or time: part of it that was not understood"


@cache
def time_words(code: str) -> frozenset[str]:
    """The words of locale `code` that say when: weekdays, months, day parts, units, relative days."""
    locale = locales.get(code)
    words: set[str] = {w for w in locale.daypart_words if w.isalpha()}
    helpers: set[str] = set(locale.words.get("not_names", ()))
    for cue_words in locale.cues.values():
        helpers.update(cue_words)
    for name, body in _RULE.findall(re.sub(r"//[^\n]*", "", locale.grammar)):
        if name in _TIME_RULES:
            words.update(w.lower() for w in _WORD.findall(body))
        elif name in _FUNCTION_RULES or name in _RARE_UNITS:
            helpers.update(w.lower() for w in _WORD.findall(body))
    return frozenset(words - helpers)


@cache
def _vocabulary(code: str) -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """(own words, other locales' long words, long words for near misses) as seen from locale `code`;
    cached under a checksum of every locale's files and this module (`nlentry.locales.derived`), so that
    a new process reads no grammar to find them."""
    return locales.derived(f"unread-{code}", partial(_build_vocabulary, code), __file__, tuple,
                           lambda found: len(found) == 3)


def _build_vocabulary(code: str) -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    own = frozenset(w for w in time_words(code) if len(w) >= MIN_EXACT)
    other = frozenset(w for c in locales.available() if c != code for w in time_words(c)
                      if len(w) >= MIN_OTHER_LOCALE)
    long_words = tuple(sorted({w for c in locales.available() for w in time_words(c)
                               if len(w) >= MIN_PREFIX}))
    return own, other, long_words


@lru_cache(maxsize=8192)
def is_time_word(word: str, code: str) -> bool:
    """Is `word` (folded, letters only) a time word of either locale, a near miss of one ("yesterdy",
    "gisteravnd"), the start of one ("gister") or two run together ("dinsdagmiddag")?"""
    own, other, long_words = _vocabulary(code)
    if word in own or word in other:
        return True
    if len(word) < MIN_PREFIX:
        return False
    for known in long_words:
        if known.startswith(word) or (len(known) >= MIN_FUZZY and one_edit(word, known)):
            return True
        if word.startswith(known) and (word[len(known):] in own or word[len(known):] in other):
            return True
    return False


def why_unread(word: str, kind: str | None, touches_time: bool, glued: bool) -> str | None:
    """Why a leftover `word` may be part of a date or time the reading missed; None for plain description.

    `kind` is `kind_of(word)`; `touches_time`: only spaces or a comma lie between the word and a date or
    clock time the reading took; `glued`: nothing at all lies between the word and a time expression.
    """
    if kind is TIME_NUMBER and not touches_time:
        return GLUED if glued else None
    if kind is None and word.isalnum() and (glued or (touches_time and len(word) == 1 and word.isalpha())):
        return GLUED  # "3:18a", and a lone letter beside a time ("3:30 p m")
    return kind


@lru_cache(maxsize=8192)
def kind_of(word: str, code: str) -> str | None:
    """What `word` looks like on its own: TIME_DIGITS, TIME_NUMBER (any number), TIME_WORD or None."""
    if _CLOCK_OR_DATE.match(word):
        return TIME_DIGITS
    if _NUMBER.match(word):
        return TIME_NUMBER
    core = word.strip(EDGE_PUNCT).lower()
    if _WHOLE_WORD.match(core):
        return TIME_WORD if len(core) >= MIN_EXACT and is_time_word(core, code) else None
    if any(ch.isdigit() for ch in core):  # "3-mei-1999"; but not "last-minute", a word of its own
        for part in _LETTERS.findall(core):
            if len(part) >= MIN_EXACT and is_time_word(part, code):
                return TIME_WORD
    return None
