"""The explanation of a reading: how every part of a phrase was read and why, from the reading's trace.

For each part: the grammar rule that read it and its span, the value it gave, the catalog item a name
matched and how (name, alias, one-edit typo, prefix, client of a single project) with the alternatives;
then the conventions of `spec/conventions.md` that decided where the phrase could mean two things, the
words left unread and why, and the doubts that lowered the confidence. Everything comes from the trace
(`nlentry.reading`), never from a second run of a stage, so the explanation cannot fall out of step with
the entry. The command line and the chat server only render the dict `report` returns.

Its sentences (how a name matched, the conventions, why a word was left unread, the doubts, the
warnings) are the messages of `grammars/<code>/messages.toml` in the language `say` speaks: English
unless a front end asks for the user's (`nlentry explain` does: the phrase's language first).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from nlentry.messages import FALLBACK, Messages, messages_for
from nlentry.model import Catalog, Entry
from nlentry.reading import WEIGHTS, Reading
from nlentry.render import doubt_text, value_text, warning_text
from nlentry.semantics.values import Duration

__all__ = ["explain", "report"]

_TIME_FIELDS = frozenset({"date", "daypart", "time", "start", "end", "duration"})
_ALT_KEY = {"person": "persons"}


def _day(day: date, say: Messages) -> str:
    return f"{say(f'weekday_{day.weekday()}')} {day:%Y-%m-%d}"


def _value(entry: Entry, field: str, say: Messages) -> str:
    """The value a time field was read as, for people."""
    if field == "date":
        return _day(entry.date, say)
    if field in ("time", "start", "end"):
        start = "" if entry.start is None else f"{entry.start:%H:%M}"
        end = "" if entry.end is None else f"{entry.end:%H:%M}"
        return f"{start}-{end}"
    if field == "duration" and entry.duration is not None:
        return f"{entry.duration // 3600}:{entry.duration % 3600 // 60:02d} ({entry.duration} s)"
    return ""


def _convention(fact: tuple[Any, ...], text: str, say: Messages) -> str:
    _, name, start, end, detail = fact
    if isinstance(detail, date):
        detail = _day(detail, say)
    note = say(f"convention_{name}")
    if start is None:
        return note if detail is None else say("explain_convention_detail", note=note, detail=detail)
    if detail is None:
        return say("explain_convention_at", note=note, text=text[start:end])
    return say("explain_convention_is", note=note, text=text[start:end], detail=detail)


def report(reading: Reading, now: datetime, say: Messages | None = None) -> dict[str, Any]:
    """The explanation of `reading` (an Entry and its trace) as data: what `explain --json` prints;
    its sentences in the language of `say` (default English)."""
    say = say or messages_for(FALLBACK)
    entry, trace = reading
    text = entry.text
    rules: dict[tuple[int, int], tuple[str, object]] = {}
    fallback: set[tuple[int, int]] = set()
    unused: set[tuple[int, int]] = set()
    matches: dict[tuple[str, int, int], tuple[Any, ...]] = {}
    conventions: list[str] = []
    unread: list[dict[str, Any]] = []
    doubts: list[dict[str, Any]] = []
    for fact in trace:
        kind = fact[0]
        if kind == "item":
            rules.setdefault((fact[3], fact[4]), (fact[1], fact[5]))
        elif kind == "fallback":
            fallback.add((fact[1], fact[2]))
        elif kind == "unused":
            unused.add((fact[2], fact[3]))
        elif kind == "match":
            matches[(fact[1], fact[2], fact[3])] = fact
        elif kind == "convention":
            conventions.append(_convention(fact, text, say))
        elif kind == "unread":
            why = fact[4] if fact[4] == "description" else value_text(fact[4], say)
            unread.append({"span": [fact[1], fact[2]], "text": fact[3], "why": why})
        elif kind == "doubt" and WEIGHTS[fact[1]]:
            why = doubt_text(fact[1], fact[2], say)
            doubts.append({"doubt": fact[1], "lowers": WEIGHTS[fact[1]], "why": why})
    parts = []
    for span in entry.spans:
        where = (span.start, span.end)
        part: dict[str, Any] = {"field": span.field, "span": list(where), "text": span.text}
        if span.field in _TIME_FIELDS:
            if where in fallback:
                part["rule"] = say("explain_fallback_rule")
            elif where in rules:
                part["rule"], read = rules[where]
                if where in unused or (isinstance(read, Duration) and read.seconds != entry.duration):
                    part["ignored"] = True  # a second length, range or time: the first one counts
            value = _value(entry, span.field, say)
            if value:
                part["value"] = value
        match = matches.get((span.field, span.start, span.end))
        if match is not None:
            _, field, _, _, item_id, name, how = match
            part["matched"] = {"id": item_id, "name": name} if item_id is not None else None
            part["how"] = say(f"how_{how}")
            alternatives = entry.alternatives.get(_ALT_KEY.get(field, field), ())
            if field != "person" or alternatives:
                part["alternatives"] = [{"id": a.id, "name": a.name, "score": a.score} for a in alternatives]
        parts.append(part)
    return {
        "text": text, "locale": entry.locale, "now": now.isoformat(timespec="minutes"),
        "parts": parts,
        "conventions": conventions,
        "unread": unread,
        "description": entry.description,
        "defaulted": sorted(entry.implied),
        "confidence": entry.confidence,
        "doubts": doubts,
        "warnings": [warning_text(w, say) for w in entry.warnings],
        "entry": entry.to_dict(),
    }


def explain(text: str, *, catalog: Catalog | None, now: datetime, locale: str | None = None,
            say: Messages | None = None) -> dict[str, Any]:
    """Parse `text` and explain the reading (see `report`)."""
    from nlentry.api import parse

    return report(parse(text, catalog=catalog, now=now, locale=locale, trace=True), now, say)
