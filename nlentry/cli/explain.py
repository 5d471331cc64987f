"""`nlentry explain`: how every part of a phrase was read, and why, so a user can trust or correct it.

For each part it names the grammar rule that read it and its span, the value it gave, the catalog
item a name matched and how (name, alias, one-edit typo, client of a single project) with the
alternatives and their scores, and the convention of `spec/conventions.md` that decided where the
phrase could mean two things (past-leaning days, the working-hours rule, H:MM as a length).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from nlentry.model import Catalog, Entry

__all__ = ["explain", "render"]

_FIRST_NUMBER = re.compile(r"\d+")
#: day rules whose reading the past-leaning convention decides (a bare weekday or date)
_PAST_LEANING = frozenset({"mon", "weekday_recent", "date_numeric", "day_of_month"})


def _rules(text: str, code: str) -> list[dict[str, Any]]:
    """The grammar items of the phrase: rule name, kind of value, span and value."""
    from nlentry import grammar
    from nlentry.api import _semantics
    from nlentry.semantics import read_items

    parsed = grammar.parse_items(grammar.normalise(text), code)
    rules = []
    for node, item in zip(parsed.items, read_items(parsed.items, _semantics(code)), strict=False):
        rules.append({"rule": getattr(node, "data", "?"), "kind": item.kind, "start": item.start,
                      "end": item.end, "text": text[item.start:item.end]})
    return rules


def _how(entry: Entry, field: str, span_text: str, catalog: Catalog | None) -> str:
    ref = getattr(entry, field)
    if catalog is None or ref is None:
        return "no catalog to look it up in"
    from nlentry.journal import near_miss

    item = catalog.item(field, ref.id)
    typed = span_text.casefold()
    if typed == ref.name.casefold():
        return "by its name"
    if item is not None and typed in {a.casefold() for a in item.aliases}:
        return "by an alias"
    if near_miss(entry, span_text):
        return "one edit away from its name or an alias (a typo; lowers the confidence)"
    return "by part of its name, an alias, or a client whose only active project it is"


def _value(entry: Entry, field: str) -> str:
    """The value a time field was read as, for people."""
    if field == "date":
        return f"{entry.date:%a %Y-%m-%d}"
    if field in ("time", "start", "end"):
        start = "" if entry.start is None else f"{entry.start:%H:%M}"
        end = "" if entry.end is None else f"{entry.end:%H:%M}"
        return f"{start}-{end}"
    if field == "duration" and entry.duration is not None:
        return f"{entry.duration // 3600}:{entry.duration % 3600 // 60:02d} ({entry.duration} s)"
    return ""


def _conventions(entry: Entry, rules: list[dict[str, Any]], now: datetime) -> list[str]:
    notes = []
    if "date" in entry.implied:
        notes.append("no day named: the entry is for today")
    elif entry.date < now.date() and any(r["rule"] in _PAST_LEANING for r in rules):
        notes.append("dates lean to the past: a weekday or date without 'next' means the last one")
    for r in rules:
        raw = r["text"].strip()
        number = _FIRST_NUMBER.search(raw)
        if r["kind"] != "duration" and number and entry.start is not None:
            first = int(number.group())
            if 1 <= first <= 6 and entry.start.hour == first + 12:
                notes.append(f"working hours (07:00-18:00): '{raw}' starts at {entry.start:%H:%M}, "
                             "not at night")
    for span in entry.spans:
        if span.field == "duration" and ":" in span.text:
            notes.append(f"'{span.text}' under 10 hours with no cue reads as a length, not a clock time")
    if "duration" in entry.implied and entry.start is not None and entry.end is not None:
        notes.append("the length is the time from start to end")
    if "end" in entry.implied:
        notes.append("the end is the start plus the length")
    return notes


def explain(text: str, *, catalog: Catalog | None, now: datetime,
            locale: str | None = None) -> dict[str, Any]:
    """The explanation as data (what `--json` prints)."""
    from nlentry.api import parse

    entry = parse(text, catalog=catalog, now=now, locale=locale)
    rules = _rules(text, entry.locale)
    covered = [(r["start"], r["end"]) for r in rules]
    parts = []
    for span in entry.spans:
        part: dict[str, Any] = {"field": span.field, "span": [span.start, span.end], "text": span.text}
        rule = next((r for r in rules if r["start"] <= span.start and span.end <= r["end"]), None)
        if rule is not None:
            part["rule"] = rule["rule"]
        value = _value(entry, span.field)
        if value:
            part["value"] = value
        elif span.field in ("date", "start", "end", "time", "duration") and not any(
                s <= span.start < e for s, e in covered):
            part["rule"] = "dateparser (fallback: a date the grammar does not read)"
        field = {"person": "persons"}.get(span.field, span.field)
        if field in ("project", "service", "client"):
            ref = getattr(entry, field)
            part["matched"] = None if ref is None else {"id": ref.id, "name": ref.name}
            part["how"] = _how(entry, field, span.text, catalog)
            part["alternatives"] = [{"id": a.id, "name": a.name, "score": a.score}
                                    for a in entry.alternatives.get(field, ())]
        if field == "persons":
            person = next((p for p in entry.persons if p.name.casefold() in span.text.casefold()
                           or span.text.casefold() in p.name.casefold()), None)
            part["matched"] = None if person is None else {"id": person.id, "name": person.name}
            part["how"] = "found in the catalog" if person is not None and person.id is not None \
                else "not in the catalog: kept by name (id null)"
        parts.append(part)
    doubts = []
    if entry.alternatives:
        doubts.append("more than one catalog item fits a name: " + ", ".join(entry.alternatives))
    if entry.duration is None and entry.start is None:
        doubts.append("nothing says how long")
    return {
        "text": text, "locale": entry.locale, "now": now.isoformat(timespec="minutes"),
        "parts": parts,
        "conventions": _conventions(entry, rules, now),
        "description": entry.description,
        "defaulted": sorted(entry.implied),
        "confidence": entry.confidence,
        "doubts": doubts,
        "warnings": list(entry.warnings),
        "entry": entry.to_dict(),
    }


def render(report: dict[str, Any], *, paint: Callable[[str, str], str]) -> str:
    """The explanation as text, one part a line."""
    entry = report["entry"]
    lines = [f"{report['text']!r}  ({report['locale']}, read at {report['now']})"]
    for part in report["parts"]:
        start, end = part["span"]
        head = f"  {paint(part['field'], part['field'] if part['field'] != 'person' else 'persons'):<10}"
        line = f"{head} {part['text']!r} [{start}:{end}]"
        if "rule" in part:
            line += f"  rule {part['rule']}"
        if "value" in part:
            line += f" = {part['value']}"
        if "matched" in part:
            matched = part["matched"]
            line += f"  -> {matched['name']} (id {matched['id']})" if matched else "  -> nothing"
            if part.get("how"):
                line += f", {part['how']}"
        lines.append(line)
        for alt in part.get("alternatives", ()):
            lines.append(f"{'':13}or {alt['name']} (id {alt['id']}, score {alt['score']:.2f})")
    if not report["parts"]:
        lines.append("  nothing recognised: the whole phrase is description")
    for note in report["conventions"]:
        lines.append(f"  rule: {note}")
    duration = entry["duration"]
    length = "—" if duration is None else str(timedelta(seconds=duration))[:-3]
    lines.append(f"  result: {entry['date']} {entry['start'] or ''}-{entry['end'] or ''} {length}"
                 f"  description {report['description']!r}")
    if report["defaulted"]:
        lines.append(f"  defaulted: {', '.join(report['defaulted'])}")
    lines.append(f"  confidence {report['confidence']:.2f}"
                 + (f": {'; '.join(report['doubts'])}" if report["doubts"] else ""))
    for warning in report["warnings"]:
        lines.append(f"  warning: {warning}")
    return "\n".join(lines)
