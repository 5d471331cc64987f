"""One phrase, several entries: `maandag en dinsdag 4 uur`, `ma t/m vr 8 uur`, `9-11 overleg, 11-12 mail`.

The grammar reads the days of a list or a run as day items joined to the day before them (role "and" or
"through", see grammars/README.md), and each time range as an item of its own. `parse_all` finds them
and reads the phrase once per day and range, each time with the other days and ranges blanked out
(replaced by spaces, so every offset stays that of the phrase). Each reading is an ordinary
`nlentry.api.parse`: whatever the phrase says besides its days and ranges (names, tags, description) is
read as for one entry and shared by all, except where each range has words of its own
(`9-11 overleg, 11-12 mail`): then each entry keeps its own part of the phrase. Days that each come
with their own time (`maandag 4 uur en dinsdag 2 uur`, `maandag 9-12 en dinsdag 13-17`) are parts in
the same way, each read as written.

The days of a list or run are read together, leaning to the past: the last day is read as written
(a bare weekday: the most recent one, today included) and each day before it is the nearest such day
before the next (`ma t/m vr` on a Wednesday is Monday to Friday of the week before); a week named for
one day (`vorige week ma t/m vr`) holds for all.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from itertools import product

from nlentry import grammar, locales
from nlentry.api import MAX_LENGTH, _now, _semantics, future_doubt, leftover_words, parse
from nlentry.catalog.match import Word
from nlentry.model import Catalog, Entry, Span
from nlentry.reading import MIN_CONFIDENCE, WEIGHTS, Fact
from nlentry.resolve import resolve, resolve_day
from nlentry.semantics import read_items
from nlentry.semantics.values import DayRef, Item

__all__ = ["parse_all"]

_WEEK_MODES = frozenset({"prev_week", "this_week", "next_week"})
_CLOCKS = frozenset({"range", "clock", "clock_for"})
_LONGEST_RUN = 31  # days; a longer "run" is read as its two ends
_Piece = tuple[int, int]


def parse_all(
    text: str,
    *,
    catalog: Catalog | None = None,
    now: datetime | None = None,
    locale: str | None = None,
    max_length: int = MAX_LENGTH,
) -> list[Entry]:
    """The entries of a phrase: one per day and per time range it names, else the one `parse` reads."""
    moment = _now(now)
    entry = parse(text, catalog=catalog, now=moment, locale=locale, max_length=max_length)
    code = entry.locale
    items = sorted(read_items(grammar.parse_items(grammar.normalise(text), code).items, _semantics(code)),
                   key=lambda i: (i.start, i.end))
    group = _day_group(text, items)
    rest = [i for i in items if group is None or i not in group]
    ranges = _ranges(rest, moment)
    days_on_their_own = [i for i in rest if i.kind == "day" and i.role == "and"]  # "en dinsdag 2 uur"
    if group is None and not days_on_their_own and len(ranges) < 2:
        return [entry]  # one entry
    if group is not None and days_on_their_own:
        return [entry]  # "ma en di 2 uur en wo 3 uur": which day goes with which? parse warns and asks
    days: list[date | None] = list(_group_days(group, moment.date())) if group else [None]
    words = leftover_words(text, [("", i.start, i.end) for i in items])
    anchors = ranges if len(ranges) > 1 else days_on_their_own
    readings = _part_readings(text, code, rest, ranges, anchors, words) if anchors else [_whole(rest, words)]
    entries = []
    for day, kept in product(days, readings):
        blanked = _blanked(text, kept)
        one = parse(blanked, catalog=catalog, now=moment, locale=code, max_length=max_length)
        if any(text[s.start:s.end] != s.text for s in one.spans):
            return [entry]  # a reading across a blanked gap: the phrase did not say that; parse asks
        if day is not None and group:
            start, end = group[0].start, group[-1].end
            one = one.replace(date=day, implied=one.implied - {"date"},
                              spans=tuple(sorted((*one.spans, Span("date", start, end, text[start:end])),
                                                 key=lambda s: (s.start, s.end))))
            if day > moment.date():  # set here, after `parse` weighed its own date
                one = _doubted(one, future_doubt(day))
        entries.append(one.replace(text=text))
    return entries


def _doubted(entry: Entry, doubt: Fact) -> Entry:
    """`entry` with one more doubt: its weight off the confidence, its warning added."""
    confidence = max(MIN_CONFIDENCE, round(entry.confidence - WEIGHTS[doubt[1]], 2))
    return entry.replace(confidence=confidence, warnings=(*entry.warnings, doubt[2]))


def _blanked(text: str, kept: list[_Piece]) -> str:
    """`text` with everything outside the kept parts replaced by spaces (every offset unchanged)."""
    out = [" "] * len(text)
    for start, end in kept:
        out[start:end] = text[start:end]
    return "".join(out)


# --- days ----------------------------------------------------------------------------------------


def _day_group(text: str, items: list[Item]) -> list[Item] | None:
    """The first list or run of days (`maandag en dinsdag`, `ma t/m vr`): two or more day items in a
    row, each after the first joined to the one before it (the joiner is part of its item)."""
    for n, item in enumerate(items):
        if item.kind != "day" or item.role is not None:
            continue
        group = [item]
        for joined in items[n + 1:]:
            if joined.kind != "day" or joined.role is None or text[group[-1].end:joined.start].strip():
                break
            group.append(joined)
        if len(group) > 1:
            return group
    return None


def _group_days(group: list[Item], today: date) -> list[date]:
    """The dates of a list or run of days, in order, each once (see the module's docstring)."""
    refs = [i.value for i in group if isinstance(i.value, DayRef)]
    week = next((r.mode for r in refs if r.kind == "weekday" and r.mode in _WEEK_MODES), None)
    if week is not None:
        refs = [r.replace(mode=week) if r.kind == "weekday" and r.mode == "recent" else r for r in refs]
    found: list[date | None] = [None] * len(refs)
    for n in range(len(refs) - 1, -1, -1):
        ref, after = refs[n], found[n + 1] if n + 1 < len(refs) else None
        if after is not None and ref.kind == "weekday" and ref.mode == "recent" and ref.weekday is not None:
            found[n] = after - timedelta(days=(after.weekday() - ref.weekday) % 7 or 7)
        else:
            found[n] = resolve_day(ref, today)
    days: list[date] = []
    for item, day in zip(group, found, strict=True):
        if day is None:
            continue
        if item.role == "through" and days and days[-1] < day <= days[-1] + timedelta(days=_LONGEST_RUN):
            first = days[-1]
            days.extend(first + timedelta(days=k) for k in range(1, (day - first).days + 1))
        elif day not in days:
            days.append(day)
    return days


# --- time ranges ---------------------------------------------------------------------------------


def _ranges(items: list[Item], now: datetime) -> list[Item]:
    """The items that are time ranges: `van 9 tot 11`, and `9-11` where it is no date (a pair the whole
    phrase reads as no date either, such as the second of `9-12 en 13-17`, is a range when alone it is)."""
    read = {(s, e): field for field, s, e in resolve(items, now, []).spans}
    found = []
    for item in items:
        if item.kind == "range":
            found.append(item)
        elif item.kind == "pair":
            field = read.get((item.start, item.end))
            if field == "time" or (field is None and resolve([item], now, []).start is not None):
                found.append(item)
    return found


def _whole(items: list[Item], words: list[Word]) -> list[_Piece]:
    return [(i.start, i.end) for i in items] + [(w.start, w.end) for w in words]


def _part_readings(text: str, code: str, items: list[Item], ranges: list[Item], anchors: list[Item],
                   words: list[Word]) -> list[list[_Piece]]:
    """For each part of the phrase, what its entry keeps of the phrase.

    The parts are cut between the time ranges (at the joiner there, `,` `en` `and`, if there is one,
    else at a day joined by one: `maandag 9-12 en dinsdag 13-17`), or before each further day
    (`maandag 4 uur en dinsdag 2 uur`). An entry keeps the time items of its own part, and of each kind
    of time item its part does not have, those of the others (`gisteren 9-11, 11-12`: both are
    yesterday). When every part has words of its own, each keeps its own words (`9-11 overleg, 11-12
    mail`); otherwise all words but the joiners are shared (`9-12 en 13-17 webshop`).
    """
    joinable = frozenset(locales.get(code).cues.get("joiners", ()))
    cuts, joiners = [0], []
    if anchors[0].kind == "day":  # the further days: each begins with its joiner ("en dinsdag")
        cuts.extend(a.start for a in anchors)
    else:
        for before, after in zip(anchors, anchors[1:], strict=False):
            between = range(before.end, after.start)
            gap = [w for w in words if w.start in between and w.text.lower() in joinable]
            days = [i.start for i in items if i.kind == "day" and i.role and i.start in between]
            joiners.extend(gap[-1:])
            cuts.append(gap[-1].start if gap else (days or [after.start])[0])
    cuts.append(len(text))
    pieces = list(zip(cuts, cuts[1:], strict=False))
    kept_words = [w for w in words if w not in joiners]

    def inside(piece: _Piece, start: int) -> bool:
        return piece[0] <= start < piece[1]

    def kind(item: Item) -> str:  # a range, a pair read as one, a clock: all say when in the day
        return "time" if item in ranges or item.kind in _CLOCKS else item.kind

    separate = all(any(inside(p, w.start) for w in kept_words) for p in pieces)
    readings = []
    for piece in pieces:
        own_kinds = {kind(i) for i in items if inside(piece, i.start)}
        kept = [(i.start, i.end) for i in items if inside(piece, i.start) or kind(i) not in own_kinds]
        kept.extend((w.start, w.end) for w in kept_words if inside(piece, w.start) or not separate)
        readings.append(kept)
    return readings
