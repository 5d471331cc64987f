"""Stage 5: assemble the Entry from the resolved times and the matched names, and validate it."""

from __future__ import annotations

from operator import attrgetter

from nlentry import reading
from nlentry.catalog.match import NameMatch, Word
from nlentry.errors import EntryRefused
from nlentry.model import Entry, Span, draft
from nlentry.reading import Trace
from nlentry.resolve import IMPLIED, Resolved

MAX_SECONDS = 24 * 3600
_EDGES = " \t,;:-–—/|.&+"


def _description(text: str, words: list[Word]) -> str:
    """The phrase without its time expressions and tags, as written ("overleg met Erik over de website").

    Names stay: the description is read by people, and "met Rowan aan Timi" reads better than a gap.
    """
    # Words hold no whitespace, so joining them with one space (or none) leaves no run of spaces.
    pieces: list[str] = []
    previous_end = -1
    for word in words:
        raw = word.text
        if raw[0] == "#":
            continue
        if pieces and word.start != previous_end:
            pieces.append(" ")
        pieces.append(raw)
        previous_end = word.end
    return "".join(pieces).strip(_EDGES)


_span_order = attrgetter("start", "end")
_SpanDraft = draft(Span)
_EntryDraft = draft(Entry)


def assemble(text: str, locale: str, times: Resolved, words: list[Word], names: NameMatch,
             trace: Trace) -> Entry:
    """The Entry of a phrase; raises `EntryRefused` (carrying it) when it lasts over 24 hours.

    The confidence, warnings and alternatives come from the reading's `trace` (`nlentry.reading`).
    """
    spans = []
    for field, start, end in times.spans:  # what `maker(Span)` does, without a call a span
        span = _SpanDraft()
        span.field = field  # one field a statement: a tuple assignment of four builds and unpacks a tuple
        span.start = start
        span.end = end
        span.text = text[start:end]
        span.__class__ = Span
        spans.append(span)
    if names.spans:
        spans.extend(names.spans)
    n = len(spans)
    # in text order; two or three spans are often in order already (a strictly rising start says so)
    if n > 3 or (n == 3 and not spans[0].start < spans[1].start < spans[2].start) or (
            n == 2 and not spans[0].start < spans[1].start):
        spans.sort(key=_span_order)
    if times.duration is None and times.start is None:
        trace.append(("doubt", "no_length", None))  # the entry cannot be booked as it stands
    confidence, warnings, alternatives = reading.summary(trace)
    entry: Entry = _EntryDraft()  # what `maker(Entry)` does, without a call of eighteen arguments
    entry.text = text
    entry.locale = locale
    entry.date = times.date
    entry.start = times.start
    entry.end = times.end
    entry.duration = times.duration
    entry.project = names.project
    entry.service = names.service
    entry.client = names.client
    entry.persons = names.persons
    entry.tags = names.tags
    entry.billable = None
    if len(words) == 1:  # the common case, without a call or a join
        raw = words[0].text
        entry.description = "" if raw[0] == "#" else raw.strip(_EDGES)
    else:
        entry.description = _description(text, words)
    entry.confidence = confidence
    entry.spans = tuple(spans)
    entry.alternatives = alternatives
    entry.warnings = warnings
    entry.implied = IMPLIED[times.derived][times.has_date]  # the fields the phrase did not give
    entry.__class__ = Entry
    if entry.duration is not None and entry.duration > MAX_SECONDS:
        hours = entry.duration / 3600
        raise EntryRefused(f"an entry of {hours:g} hours is longer than 24 hours", entry, "err_over_24",
                           hours=f"{hours:g}")
    return entry
