"""The text of the accuracy report (an entry's line, `summary`, is `nlentry.render`'s, shared with the
chat bot)."""

from __future__ import annotations

import json
from itertools import islice
from typing import TYPE_CHECKING

__all__ = ["accuracy_report"]

if TYPE_CHECKING:
    from nlentry.accuracy import Report, Tally

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
