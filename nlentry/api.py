"""What the front ends call: text -> Entry, through every stage in order.

    text -> grammar (tokens, tree) -> semantics (values) -> resolve (date, times)
         -> catalog (names) -> entry (assembled, validated)
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache, partial
from operator import itemgetter

from nlentry import grammar, locales
from nlentry.catalog.index import CatalogIndex
from nlentry.catalog.match import Cues, Word, match_names
from nlentry.entry import assemble
from nlentry.errors import InputError, NlentryError
from nlentry.fallback import fallback_date
from nlentry.memo import remember
from nlentry.model import Catalog, Entry, draft
from nlentry.reading import Fact, Reading, Trace
from nlentry.resolve import FAR_DAYS, resolve
from nlentry.semantics import Semantics, read_items
from nlentry.semantics.values import Duration, Item
from nlentry.unread import TIME_NUMBER, kind_of, why_unread

TYPE_CHECKING = False
if not TYPE_CHECKING:
    from nlentry._typing import overload
else:
    from typing import Literal, overload

MAX_LENGTH = 2000
_CONTROL = r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]"
"""The control characters a text may not hold; compiled only for a text that is not printable."""
_EMPTY = Catalog()


@cache
def _semantics(code: str) -> Semantics:
    return Semantics(locales.get(code))


_OUT_OF_RANGE = "a date or duration in the text is out of range"


_ARTICLE_RULE = r"^_a\s*:(.*)$"
"""The grammar rule of the indefinite article ("een", "a", "an")."""


def _articles(code: str) -> frozenset[str]:
    articles = re.search(_ARTICLE_RULE, locales.get(code).grammar, re.M)
    return frozenset(re.findall(r'"([^"]+)"', articles.group(1)) if articles else ())


@cache
def _cues(code: str) -> Cues:
    locale = locales.get(code)
    cues = locale.cues
    return Cues(project=frozenset(cues.get("project", ())), person=frozenset(cues.get("person", ())),
                joiners=frozenset(cues.get("joiners", ())),
                not_names=frozenset((*locale.words.get("not_names", ()),
                                     *locale.words.get("field_words", ()))),
                # searched in the grammar once, then read from the cache (`nlentry.locales.derived`)
                articles=locales.derived(f"articles-{code}", partial(_articles, code), __file__, frozenset))


def check_text(text: object, max_length: int = MAX_LENGTH) -> str:
    """The text, if it can be parsed at all; otherwise an `InputError` saying why."""
    if not isinstance(text, str):
        raise InputError("the text must be a string", "err_not_text")
    if not text or text.isspace():
        raise InputError("the text is empty", "err_empty")
    if len(text) > max_length:
        raise InputError(f"the text is {len(text)} characters long; the limit is {max_length}",
                         "err_too_long", length=len(text), limit=max_length)
    if not text.isprintable() and re.search(_CONTROL, text):  # every control character is unprintable
        raise InputError("the text contains control characters", "err_control")
    if text.isascii():  # the common case: nothing to encode wrongly
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogate, or undecodable command-line bytes
        raise InputError("the text holds undecodable bytes or a lone surrogate", "err_undecodable") from None
    return text


def _now(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now().astimezone()
    if not isinstance(now, datetime):
        raise InputError("now must be a datetime", "err_now")
    return now if now.tzinfo is not None else now.astimezone()


_WORDS = re.compile(r"#[^\W\d_][\w\-]*|@|[\w][\w\-.'/]*[\w]|[\w]|[^\w\s]")


_WordDraft = draft(Word)


def _words_of(chunk: str) -> tuple[tuple[str, int, int], ...]:
    """The words of a run of characters between spaces, with their offsets in it, remembered in
    `_CHUNK_WORDS`. The words of a stretch of text are those of its runs (no word holds a space, and
    `_WORDS` looks at nothing around a match); runs recur from phrase to phrase."""
    words = tuple([(m.group(), *m.span()) for m in _WORDS.finditer(chunk)])
    return remember(_CHUNK_WORDS, chunk, words, _CHUNK_WORDS_SIZE)


_CHUNK_WORDS: dict[str, tuple[tuple[str, int, int], ...]] = {}
"""`_words_of` each run met so far (read with `dict.get`, a third of an `lru_cache` call's cost); forgotten
at once when it holds `_CHUNK_WORDS_SIZE`."""
_CHUNK_WORDS_SIZE = 8192


_positions = itemgetter(1, 2)
"""Where a span (field, start, end) stands."""


def leftover_words(text: str, spans: list[tuple[str, int, int]]) -> list[Word]:
    """The words of `text` outside the time expressions, in order, with their offsets."""
    taken = sorted(spans, key=_positions) if len(spans) > 1 else [*spans]
    size = len(text)
    taken.append(("", size, size))
    words: list[Word] = []
    known = _CHUNK_WORDS
    pos = 0
    for _, s, e in taken:
        if s > pos + 1 or (s > pos and text[pos] != " "):  # not the one space between two expressions
            piece = text[pos:s]
            chunks = piece.split()
            # found: one space between chunks, the first at `at` (the common case: one search a piece, not
            # one a chunk); else each chunk is searched from the end of the one before
            at = piece.find(" ".join(chunks))
            spaced = at >= 0
            at = pos + at if spaced else pos
            for chunk in chunks:
                if not spaced:
                    at = text.find(chunk, at)  # its first place after the one before (it holds no space)
                for raw, start, end in known.get(chunk) or _words_of(chunk):
                    word: Word = _WordDraft()  # what `maker(Word)` does, without a call a word
                    word.text, word.start, word.end = raw, at + start, at + end
                    word.__class__ = Word
                    words.append(word)
                at += len(chunk) + 1
        if e > pos:
            pos = e
    return words


def _read_items(parsed: grammar.Parsed, code: str, trace: Trace, month_days: list[int]) -> list[Item]:
    """The items of the parse trees, each traced with the grammar rule that read it; `month_days` gets
    the end of each bare day of the month ("the 2nd")."""
    rules: list[str] = []
    items = read_items(parsed.items, _semantics(code), rules)
    for k, item in enumerate(items):  # `rules` holds one rule an item (not zip's strict=, a call through C)
        kind = item.kind
        trace.append(("item", rules[k], kind, item.start, item.end, item.value))
        if kind == "day" and item.value.kind == "month_day":  # type: ignore[attr-defined]
            month_days.append(item.end)
    if parsed.recovered:
        trace.extend([("doubt", "recovered", None)] * min(parsed.recovered, 4))
    return items


def _trace_unread(text: str, words: list[Word], used: frozenset[int], spans: list[tuple[str, int, int]],
                  code: str, month_days: list[int], trace: Trace) -> None:
    """Trace each word no stage used, and doubt the ones that look like part of a date or time, or that
    follow a bare day of the month ("the 2nd version" may be no date at all)."""
    starts: set[int] | None = None
    size = len(text)
    for k, word in enumerate(words):
        if k in used:
            continue
        raw, first, last = word.text, word.start, word.end
        kind = kind_of(raw, code)
        near = kind is TIME_NUMBER or (kind is None and len(raw) == 1)  # where it stands matters
        glued = touches = False
        if near or (first and text[first - 1] != " ") or (last < size and text[last] != " "):
            if starts is None:
                starts, ends = {s for _, s, _ in spans}, {e for _, _, e in spans}
                when_starts = {s for f, s, _ in spans if f != "duration"}  # dates and clock times
                when_ends = {e for f, _, e in spans if f != "duration"}
            glued = first in ends or last in starts
        if glued or near:
            left, right = first, last
            while left and text[left - 1] in " ,":
                left -= 1
            while right < size and text[right] in " ,":
                right += 1
            touches = left in when_ends or right in when_starts
        why = why_unread(raw, kind, touches, glued) if kind is not None or glued or touches else None
        trace.append(("unread", first, last, raw, why or "description"))
        if why is not None:
            trace.append(("doubt", "unread_time", f"'{raw}' {why}"))
        elif month_days and raw.isalpha():
            gap = word.start
            while gap and text[gap - 1] == " ":
                gap -= 1
            if gap in month_days and gap < word.start:
                phrase = text[gap:word.end].strip()
                trace.append(("doubt", "ordinal_before_noun",
                              f"'{phrase}' follows a day of the month: it may not be a date"))


def future_doubt(day: date) -> Fact:
    """The doubt of a day to come: time is logged after the work, so one is rarely meant ("pff.. 6u dev,
    morgen verder" is no entry for tomorrow)."""
    return ("doubt", "future_date", f"the date {day:%d %b %Y} lies in the future")


_OTHER_READING = {"hm_as_length": "a time of day", "dash_as_range": "a date"}
"""For a convention that chose between two kinds of value: the kind it did not choose."""


def _doubt_lone_reading(text: str, item: Item, code: str, trace: Trace) -> None:
    """Doubt a phrase that is nothing but one value whose kind only a convention decided: with no other
    word to lean on, `3:30` may be a length or a time of day, `10-12` a range or a date, `3 uur` (where
    the locale's hour word also marks clock times) 3 hours or 15:00."""
    other = next((_OTHER_READING[f[1]] for f in trace if f[0] == "convention" and f[1] in _OTHER_READING),
                 None)
    if other is None and isinstance(item.value, Duration) and item.value.seconds in _CLOCK_HOURS:
        words = text[item.start:item.end].split()
        if len(words) == 2 and words[-1].casefold() in locales.get(code).words.get("clock_units", ()):
            other = "a time of day"
    if other is not None:
        written = text[item.start:item.end].strip()
        trace.append(("doubt", "lone_reading", f"'{written}' alone could also be {other}"))


_CLOCK_HOURS = frozenset(h * 3600 for h in range(1, 13))


@overload
def parse(text: str, *, catalog: Catalog | None = None, now: datetime | None = None,
          locale: str | None = None, max_length: int = MAX_LENGTH,
          trace: Literal[False] = False) -> Entry: ...


@overload
def parse(text: str, *, catalog: Catalog | None = None, now: datetime | None = None,
          locale: str | None = None, max_length: int = MAX_LENGTH, trace: Literal[True]) -> Reading: ...


def parse(
    text: str,
    *,
    catalog: Catalog | None = None,
    now: datetime | None = None,
    locale: str | None = None,
    max_length: int = MAX_LENGTH,
    trace: bool = False,
) -> Entry | Reading:
    """Read one phrase into an Entry (see `nlentry.parse` for the documented contract).

    With `trace=True`, the `Reading`: the Entry and the trace it was derived from (`nlentry.reading`).
    """
    text = check_text(text, max_length)
    moment = _now(now)
    folded = grammar.normalise(text)
    chunks = folded.split()  # read by locale detection and by the lexer
    code = locales.get(locale).code if locale is not None else locales.detect_chunks(chunks)
    facts: Trace = []
    month_days: list[int] = []
    items = _read_items(grammar.parse_items(folded, code, chunks), code, facts, month_days)
    try:
        times = resolve(items, moment, facts)
    except NlentryError:
        raise
    except (OverflowError, ValueError):  # dates and durations beyond what datetime can hold
        raise InputError(_OUT_OF_RANGE, "err_out_of_range") from None
    words = leftover_words(text, times.spans)
    if not times.has_date:
        found = fallback_date(text, words, code, moment)
        if found is not None and any(s < found[2] and found[1] < e for _, s, e in times.spans):
            found = None  # the fallback never takes text the grammar read ("10 ' nov": 10 minutes)
        if found is not None:
            day, start, end = found
            times.date, times.has_date = day, True
            times.spans.append(("date", start, end))
            facts.append(("fallback", start, end, day))
            facts.append(("doubt", "fallback_date", None))
            if abs((day - moment.date()).days) > FAR_DAYS:
                facts.append(("doubt", "far_date", f"the date {day:%d %b %Y} is more than a year away"))
            words = [w for w in words if w.end <= start or w.start >= end]
    for field, start, end in times.spans:
        facts.append(("read", field, start, end))
    if not times.has_date:
        facts.append(("convention", "defaulted_date", None, None, None))
    elif times.date > moment.date() and not any(f[1] == "far_date" for f in facts if f[0] == "doubt"):
        facts.append(future_doubt(times.date))  # (one doubt of where the day lies is enough)
    if not words and len(items) == 1:
        _doubt_lone_reading(text, items[0], code, facts)
    names = match_names(text, words, CatalogIndex.of(catalog or _EMPTY), _cues(code))
    if names.facts:
        facts.extend(names.facts)
    if len(names.used) < len(words):
        _trace_unread(text, words, names.used, times.spans, code, month_days, facts)
    try:
        entry = assemble(text, code, times, words, names, facts)
    except OverflowError:
        raise InputError(_OUT_OF_RANGE, "err_out_of_range") from None
    return Reading(entry, facts) if trace else entry
