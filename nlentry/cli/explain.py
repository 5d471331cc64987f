"""`nlentry explain`: render the explanation of a reading (`nlentry.explain`) as text, one part a line,
in the words of the reader's language (the report's own sentences are in it already)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from nlentry.explain import explain
from nlentry.messages import FALLBACK, Messages, messages_for

__all__ = ["explain", "render"]


def _field(name: str, say: Messages) -> str:
    key = f"explain_field_{name}"
    return say(key) if key in say else name


def render(report: dict[str, Any], *, paint: Callable[[str, str], str], say: Messages | None = None) -> str:
    """The explanation as text, one part a line (labels in the language of `say`, default English)."""
    say = say or messages_for(FALLBACK)
    entry = report["entry"]
    lines = [say("explain_head", text=repr(report["text"]), locale=report["locale"], now=report["now"])]
    for part in report["parts"]:
        start, end = part["span"]
        style = part["field"] if part["field"] != "person" else "persons"
        head = f"  {paint(_field(part['field'], say), style):<10}"
        line = f"{head} {part['text']!r} [{start}:{end}]"
        if "rule" in part:
            line += "  " + say("explain_rule", rule=part["rule"])
        if part.get("ignored"):
            line += " " + say("explain_not_used")
        elif "value" in part:
            line += f" = {part['value']}"
        if "how" in part:
            matched = part["matched"]
            line += "  " + (say("explain_matched", name=matched["name"], id=matched["id"]) if matched
                            else say("explain_nothing"))
            line += f", {part['how']}"
        lines.append(line)
        for alt in part.get("alternatives", ()):
            lines.append(f"{'':13}" + say("explain_alternative", name=alt["name"], id=alt["id"],
                                           score=f"{alt['score']:.2f}"))
    if not report["parts"]:
        lines.append("  " + say("explain_nothing_read"))
    for note in report["conventions"]:
        lines.append("  " + say("explain_convention", note=note))
    for word in report["unread"]:
        if word["why"] != "description":
            start, end = word["span"]
            lines.append("  " + say("explain_not_understood", text=repr(word["text"]), start=start, end=end,
                                    why=word["why"]))
    duration = entry["duration"]
    length = "—" if duration is None else str(timedelta(seconds=duration))[:-3]
    lines.append("  " + say("explain_result", date=entry["date"], start=entry["start"] or "",
                            end=entry["end"] or "", length=length, description=repr(report["description"])))
    if report["defaulted"]:
        fields = ", ".join(_field(f, say) for f in report["defaulted"])
        lines.append("  " + say("explain_defaulted", fields=fields))
    doubts = "; ".join(f"{d['why']} (-{d['lowers']:g})" for d in report["doubts"])
    lines.append("  " + say("explain_confidence", confidence=f"{report['confidence']:.2f}")
                 + (f": {doubts}" if doubts else ""))
    for warning in report["warnings"]:
        lines.append(f"  {say('warning')}: {warning}")
    return "\n".join(lines)
