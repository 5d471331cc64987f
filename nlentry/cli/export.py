"""`nlentry export`: the individual entries of a period as CSV, JSON or iCalendar (RFC 5545).

    write(items, "ical", out)       # one VEVENT per entry, UID = the entry's key

CSV has one row per entry with hours as a decimal and seconds, for a spreadsheet; JSON is the list of
entries as `ls --json` shows them; iCalendar puts each entry in a calendar (an entry without times is
an all-day event holding its duration). Only the standard library is used.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta, timezone
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nlentry.booking.outbox import OutboxItem

__all__ = ["CSV_COLUMNS", "FORMATS", "item_json", "write"]

FORMATS = ("csv", "json", "jsonl", "ical")
CSV_COLUMNS = ("key", "date", "start", "end", "hours", "seconds", "project", "client", "service", "persons",
               "tags", "description", "provider", "state")


def item_json(item: OutboxItem) -> dict[str, Any]:
    """An entry with its outbox state, as `ls --json` and `export --format json` show it."""
    data = {"key": item.key, "provider": item.provider, "state": item.state, "remote_id": item.remote_id,
            "error": item.last_error, "entry": item.entry.to_dict()}
    return data | {"deleted": True} if item.deleted else data


def _row(item: OutboxItem) -> list[object]:
    e = item.entry
    seconds = e.duration or 0
    return [item.key, e.date.isoformat(), "" if e.start is None else f"{e.start:%H:%M}",
            "" if e.end is None else f"{e.end:%H:%M}", f"{seconds / 3600:.2f}", seconds,
            e.project.name if e.project else "", e.client.name if e.client else "",
            e.service.name if e.service else "", "; ".join(p.name for p in e.persons),
            " ".join(t if t.startswith("#") else f"#{t}" for t in e.tags), e.description, item.provider,
            item.state]


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
            .replace("\n", "\\n"))


def _fold(line: str) -> str:
    """A content line folded at 75 octets, as RFC 5545 asks (never inside a UTF-8 sequence)."""
    out: list[str] = []
    part = ""
    for ch in line:
        if len((part + ch).encode("utf-8")) > (75 if not out else 74):
            out.append(part)
            part = ""
        part += ch
    out.append(part)
    return "\r\n ".join(out)


def _event(item: OutboxItem, stamp: str) -> list[str]:
    e = item.entry
    names = [r.name for r in (e.project or e.client, e.service) if r is not None]
    title = " · ".join(names) or e.description or "nlentry"
    if names and e.description:
        title += f": {e.description}"
    lines = ["BEGIN:VEVENT", f"UID:{item.key}@nlentry", f"DTSTAMP:{stamp}"]
    if e.start is not None:
        start = datetime.combine(e.date, e.start)
        end = start + timedelta(seconds=e.duration or 0)
        lines += [f"DTSTART:{start:%Y%m%dT%H%M%S}", f"DTEND:{end:%Y%m%dT%H%M%S}"]
    else:
        lines += [f"DTSTART;VALUE=DATE:{e.date:%Y%m%d}",
                  f"DTEND;VALUE=DATE:{e.date + timedelta(days=1):%Y%m%d}"]
    lines.append(f"SUMMARY:{_escape(title)}")
    minutes = (e.duration or 0) // 60
    details = [f"{minutes // 60}:{minutes % 60:02d}"]
    if e.persons:
        details.append(", ".join(p.name for p in e.persons))
    if e.description:
        details.append(e.description)
    lines.append(f"DESCRIPTION:{_escape(' · '.join(details))}")
    if e.tags:
        lines.append("CATEGORIES:" + ",".join(_escape(t.lstrip("#")) for t in e.tags))
    lines.append("END:VEVENT")
    return lines


def write(items: Iterable[OutboxItem], fmt: str, out: IO[str],
          progress: Callable[[int], None] | None = None) -> int:
    """Write the entries to `out` in `fmt` (csv, json, jsonl or ical); the number written.

    `progress(n)` is called after each entry (a progress line on a terminal).
    """
    tick = progress or (lambda n: None)
    count = 0
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for count, item in enumerate(items, start=1):
            writer.writerow(_row(item))
            tick(count)
    elif fmt in ("json", "jsonl"):
        rows = []
        for count, item in enumerate(items, start=1):
            if fmt == "jsonl":
                out.write(json.dumps(item_json(item), ensure_ascii=False) + "\n")
            else:
                rows.append(item_json(item))
            tick(count)
        if fmt == "json":
            out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "ical":
        stamp = f"{datetime.now(timezone.utc):%Y%m%dT%H%M%SZ}"
        lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//nlentry//export//EN", "CALSCALE:GREGORIAN"]
        for count, item in enumerate(items, start=1):
            lines += _event(item, stamp)
            tick(count)
        lines.append("END:VCALENDAR")
        out.write("".join(_fold(line) + "\r\n" for line in lines))
    else:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    return count
