"""How the command line shows an Entry: one readable line.

    wo 18-11-2026 · 2:30 · 09:00–11:30 · Timi · Development · met Rowan · "overleg"

Also the text of the accuracy report. Only `nlentry.model` is imported here, so rendering stays
cheap. Locales without words of their own below are shown with the English ones.
"""

from __future__ import annotations

import json
from itertools import islice
from typing import TYPE_CHECKING

from nlentry.model import Entry

if TYPE_CHECKING:
    from nlentry.accuracy import Report, Tally

SEP = " · "

def hours(seconds: int) -> str:
    """Seconds as hours and minutes, `H:MM` (rounded to the minute): 9000 -> '2:30'."""
    minutes = (seconds + 30) // 60
    return f"{minutes // 60}:{minutes % 60:02d}"


def _join(names: list[str], conjunction: str) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {conjunction} {names[-1]}"


def summary(entry: Entry) -> str:
    """The one-line summary of an entry: date, duration, times, project, service, persons, tags, text.

    Fields that are unknown are left out; the description is quoted.
    """
    from nlentry.cli.messages import messages_for

    say = messages_for(entry.locale)  # the locale's own words: weekdays, "met"/"with", "en"/"and"
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
        parts.append(f"{with_} {_join([p.name for p in entry.persons], and_)}")
    if entry.tags:
        parts.append(" ".join(t if t.startswith("#") else f"#{t}" for t in entry.tags))
    if entry.description:
        parts.append(f'"{entry.description}"')
    return SEP.join(parts)


# --- the accuracy report -------------------------------------------------------------------------


def _rate(ok: int, total: int) -> str:
    return f"{ok}/{total} ({100 * ok / total:.1f}%)" if total else "0/0"


def _tally_line(label: str, tally: Tally) -> str:
    fields = ", ".join(f"{name} {_rate(t.ok, t.total)}" for name, t in tally.ordered_fields())
    line = f"{label}: {tally.cases} cases, exact {_rate(tally.exact, tally.cases)}"
    line += (f", silent wrong {_rate(tally.silent_wrong, tally.cases)}, wrong but asked {tally.wrong_asked}"
             f", right but asked {tally.right_asked}")
    return f"{line}; {fields}" if fields else line


def _value(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def accuracy_report(report: Report, *, failures: int = 0) -> str:
    """The accuracy report as text: a line per file, the total, then the first `failures` failing cases.

        corpus/nl/duration.jsonl: 120 cases, exact 105/120 (87.5%); duration 111/120 (92.5%), ...
        total: 120 cases, exact 105/120 (87.5%); duration 111/120 (92.5%), ...
    """
    lines = [_tally_line(str(f.path), f) for f in report.files]
    lines.append(_tally_line("total", report.total))
    if failures:
        failing = list(islice(report.failures(), failures))
        count = report.total.cases - report.total.exact
        lines.append("")
        lines.append(f"first {len(failing)} of {count} failing cases:" if failing else "no failing cases")
        for result in failing:
            case = result.case
            lines.append(f"  {case.id} ({case.where}): {_value(case.text)}")
            for name, f in result.wrong():
                lines.append(f"      {name}: expected {_value(f.expected)}, got {_value(f.got)}")
            if result.error:
                lines.append(f"      ({_one_line(result.error)})")
    return "\n".join(lines) + "\n"


def _one_line(message: str) -> str:
    return " ".join(message.split("\n"))
