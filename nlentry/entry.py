"""Stage 5: assemble the Entry from the resolved times and the matched names, and validate it."""

from __future__ import annotations

import re

from nlentry.catalog.match import NameMatch, Word
from nlentry.errors import EntryRefused
from nlentry.model import Entry, Span
from nlentry.resolve import Resolved

MAX_SECONDS = 24 * 3600
_EDGES = " \t,;:-–—/|.&+"


def _description(text: str, words: list[Word]) -> str:
    """The phrase without its time expressions and tags, as written ("overleg met Erik over de website").

    Names stay: the description is read by people, and "met Rowan aan Timi" reads better than a gap.
    """
    kept = [w for w in words if not w.text.startswith("#")]
    if not kept:
        return ""
    pieces = [kept[0].text]
    for prev, cur in zip(kept, kept[1:], strict=False):
        gap = text[prev.end:cur.start]
        pieces.append(("" if gap == "" else " ") + cur.text)
    return re.sub(r"\s+", " ", "".join(pieces)).strip(_EDGES)


def assemble(text: str, locale: str, times: Resolved, words: list[Word], names: NameMatch) -> Entry:
    """The Entry of a phrase; raises `EntryRefused` (carrying it) when it lasts over 24 hours."""
    spans = [Span(f, s, e, text[s:e]) for f, s, e in times.spans]
    spans.extend(names.spans)
    spans.sort(key=lambda sp: (sp.start, sp.end))
    penalty = times.penalty + names.penalty
    if times.duration is None and times.start is None:
        penalty += 0.3  # nothing says how long: the entry cannot be booked as it stands
    entry = Entry(
        text=text,
        locale=locale,
        date=times.date,
        start=times.start,
        end=times.end,
        duration=times.duration,
        project=names.project,
        service=names.service,
        client=names.client,
        persons=names.persons,
        tags=names.tags,
        description=_description(text, words),
        confidence=round(max(0.05, min(1.0, 1.0 - penalty)), 2),
        spans=tuple(spans),
        alternatives=dict(names.alternatives),
        warnings=tuple(times.warnings) + tuple(names.warnings),
        implied=frozenset(times.implied),
    )
    if entry.duration is not None and entry.duration > MAX_SECONDS:
        hours = entry.duration / 3600
        raise EntryRefused(f"an entry of {hours:g} hours is longer than 24 hours", entry)
    return entry
