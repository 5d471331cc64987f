"""`nlentry report --chart` (and `nlentry week`): the days of a period as bars, split by project.

    days = chart_days(entries, first, last)     # per day: (project, seconds), largest project first
    print(terminal(days, ...))                  # like `timew week`: one bar a day, a legend below
    svg(days, ...)                              # the same chart as an SVG document (a timesheet email)
    png(days, path, ...)                        # as a PNG, drawn by matplotlib (pip install 'nlentry[chart]')

The terminal chart and the SVG are written here with the standard library: one stacked bar a line is
a few lines of code, and a drawing library would cost its import time on every `report --chart`
(its budget is 300 ms over 10,000 stored entries). On a terminal the bars are coloured blocks; with
`NO_COLOR`, `TERM=dumb` or no terminal each project gets an ASCII fill character instead. Only the PNG
needs a rasteriser: matplotlib, imported when a PNG is asked for and never otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from nlentry.render import hours

if TYPE_CHECKING:
    from pathlib import Path

    from nlentry.model import Entry

__all__ = ["ChartDay", "chart_days", "png", "svg", "terminal"]

#: ANSI colours of the terminal bars and the SVG/PNG fills, by the project's rank (largest first)
ANSI = ("32", "34", "33", "35", "36", "31", "92", "94", "93", "95")
FILLS = ("#2e7d32", "#1565c0", "#f9a825", "#6a1b9a", "#00838f", "#c62828", "#7cb342", "#42a5f5",
         "#ffca28", "#ab47bc")
ASCII = "#=+*%@ox~:"
OTHER = "·"


@dataclass(frozen=True)
class ChartDay:
    """One day of the chart: its date and the seconds per project, in the legend's order."""

    day: date
    parts: tuple[tuple[str, int], ...]

    @property
    def seconds(self) -> int:
        """The day's total."""
        return sum(s for _, s in self.parts)


def chart_days(entries: Iterable[Entry], first: date, last: date,
               none: str = "—") -> tuple[list[ChartDay], list[tuple[str, int]]]:
    """Every day from `first` to `last` with its seconds per project, and the legend: (project, total)
    largest first. An entry without a project counts under its client, else under `none`."""
    per_day: dict[date, dict[str, int]] = {}
    totals: dict[str, int] = {}
    for entry in entries:
        ref = entry.project or entry.client
        name = ref.name if ref is not None else none
        seconds = entry.duration or 0
        own = per_day.setdefault(entry.date, {})
        own[name] = own.get(name, 0) + seconds
        totals[name] = totals.get(name, 0) + seconds
    legend = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0].casefold()))
    order = {name: rank for rank, (name, _) in enumerate(legend)}
    days = []
    for n in range((last - first).days + 1):
        day = first + timedelta(days=n)
        parts = sorted(per_day.get(day, {}).items(), key=lambda kv: order[kv[0]])
        days.append(ChartDay(day, tuple(parts)))
    return days, legend


def _segments(parts: tuple[tuple[str, int], ...], width: int, most: int) -> list[tuple[str, int]]:
    """The bar's segments in characters (`most` seconds fill `width`): each part ends where its running
    total does, rounded half up, so the bar's length is its day's total's."""
    out, done, running = [], 0, 0
    for name, seconds in parts:
        running += seconds
        end = (running * width + most // 2) // most if most else 0
        out.append((name, max(0, min(width, end) - done)))
        done = min(width, end)
    return out


def terminal(days: list[ChartDay], legend: list[tuple[str, int]], *, label: Callable[[date], str],
             colour: bool, width: int = 80, total_word: str = "total") -> str:
    """The chart as lines of text: a bar a day (`label(day)` before it, the day's hours after it)."""
    rank = {name: n for n, (name, _) in enumerate(legend)}

    def mark(name: str, length: int) -> str:
        n = rank[name]
        if colour:
            return f"\x1b[{ANSI[n % len(ANSI)]}m{'█' * length}\x1b[0m"
        return (ASCII[n] if n < len(ASCII) else OTHER) * length

    labels = [label(d.day) for d in days]
    pad = max((len(text) for text in labels), default=0)
    bar_width = max(10, width - pad - 10)
    most = max((d.seconds for d in days), default=0)
    lines = []
    for text, day in zip(labels, days, strict=True):
        segments = _segments(day.parts, bar_width, most)
        bar = "".join(mark(name, length) for name, length in segments)
        shown = sum(length for _, length in segments)
        amount = hours(day.seconds) if day.seconds else ""
        lines.append(f"{text:<{pad}}  {bar}{' ' * (bar_width - shown)}  {amount:>6}".rstrip())
    keys = [f"{mark(name, 1) if colour else (ASCII[n] if n < len(ASCII) else OTHER)} {name} {hours(s)}"
            for n, (name, s) in enumerate(legend)]
    lines.append("")
    lines.append("  ".join(keys) if keys else "")
    lines.append(f"{total_word} {hours(sum(s for _, s in legend))}")
    return "\n".join(lines).rstrip("\n") + "\n"


def svg(days: list[ChartDay], legend: list[tuple[str, int]], *, label: Callable[[date], str],
        title: str, total_word: str = "total") -> str:
    """The chart as a standalone SVG document (about 760 pixels wide)."""
    row, left, bar_width, top = 24, 120, 520, 40
    most = max((d.seconds for d in days), default=0)
    scale = bar_width / most if most else 0.0
    rank = {name: n for n, (name, _) in enumerate(legend)}
    height = top + row * len(days) + 30 + 20 * ((len(legend) + 2) // 3) + 20
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="760" height="{height}" '
           f'viewBox="0 0 760 {height}" font-family="sans-serif" font-size="13">',
           '<rect width="100%" height="100%" fill="white"/>',
           f'<text x="10" y="24" font-size="16" font-weight="bold">{escape(title)}</text>']
    for n, day in enumerate(days):
        y = top + n * row
        out.append(f'<text x="10" y="{y + 16}">{escape(label(day.day))}</text>')
        x = float(left)
        for name, seconds in day.parts:
            w = seconds * scale
            fill = FILLS[rank[name] % len(FILLS)]
            out.append(f'<rect x="{x:.1f}" y="{y + 4}" width="{w:.1f}" height="{row - 8}" fill="{fill}">'
                       f'<title>{escape(name)} {hours(seconds)}</title></rect>')
            x += w
        if day.seconds:
            out.append(f'<text x="{x + 6:.1f}" y="{y + 16}">{hours(day.seconds)}</text>')
    y = top + row * len(days) + 24
    for n, (name, seconds) in enumerate(legend):
        x, ly = 10 + (n % 3) * 250, y + (n // 3) * 20
        out.append(f'<rect x="{x}" y="{ly - 11}" width="12" height="12" fill="{FILLS[n % len(FILLS)]}"/>')
        out.append(f'<text x="{x + 18}" y="{ly}">{escape(name)} {hours(seconds)}</text>')
    total = hours(sum(s for _, s in legend))
    bottom = y + 20 * ((len(legend) + 2) // 3) + 8
    out.append(f'<text x="10" y="{bottom}">{escape(total_word)} {total}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def png(days: list[ChartDay], legend: list[tuple[str, int]], path: Path | str, *,
        label: Callable[[date], str], title: str) -> None:
    """The chart as a PNG file, drawn by matplotlib (imported here only; `ImportError` without it)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    rank = {name: n for n, (name, _) in enumerate(legend)}
    totals = dict(legend)
    figure, axes = pyplot.subplots(figsize=(8, 0.35 * len(days) + 1.6), dpi=100)
    try:
        rows = list(range(len(days)))[::-1]
        drawn: set[str] = set()
        for y, day in zip(rows, days, strict=True):
            left = 0.0
            for name, seconds in day.parts:
                value = seconds / 3600
                axes.barh(y, value, left=left, color=FILLS[rank[name] % len(FILLS)],
                          label=None if name in drawn else f"{name} {hours(totals[name])}")
                drawn.add(name)
                left += value
        axes.set_yticks(rows, [label(d.day) for d in days])
        axes.set_xlabel("h")
        axes.set_title(title)
        if drawn:
            axes.legend(loc="best", fontsize="small")
        figure.tight_layout()
        figure.savefig(str(path), format="png")
    finally:
        pyplot.close(figure)
