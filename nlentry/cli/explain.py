"""`nlentry explain`: render the explanation of a reading (`nlentry.explain`) as text, one part a line."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from nlentry.explain import explain

__all__ = ["explain", "render"]


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
        if part.get("ignored"):
            line += " (not used: the first one counts)"
        elif "value" in part:
            line += f" = {part['value']}"
        if "how" in part:
            matched = part["matched"]
            line += f"  -> {matched['name']} (id {matched['id']})" if matched else "  -> nothing"
            line += f", {part['how']}"
        lines.append(line)
        for alt in part.get("alternatives", ()):
            lines.append(f"{'':13}or {alt['name']} (id {alt['id']}, score {alt['score']:.2f})")
    if not report["parts"]:
        lines.append("  nothing recognised: the whole phrase is description")
    for note in report["conventions"]:
        lines.append(f"  rule: {note}")
    for word in report["unread"]:
        if word["why"] != "description":
            start, end = word["span"]
            lines.append(f"  not understood: {word['text']!r} [{start}:{end}], {word['why']}")
    duration = entry["duration"]
    length = "—" if duration is None else str(timedelta(seconds=duration))[:-3]
    lines.append(f"  result: {entry['date']} {entry['start'] or ''}-{entry['end'] or ''} {length}"
                 f"  description {report['description']!r}")
    if report["defaulted"]:
        lines.append(f"  defaulted: {', '.join(report['defaulted'])}")
    doubts = "; ".join(f"{d['why']} (-{d['lowers']:g})" for d in report["doubts"])
    lines.append(f"  confidence {report['confidence']:.2f}" + (f": {doubts}" if doubts else ""))
    for warning in report["warnings"]:
        lines.append(f"  warning: {warning}")
    return "\n".join(lines)
