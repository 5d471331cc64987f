"""Reading `now` from the command line and case files: ISO 8601 date and time, naive = local."""

from __future__ import annotations

from datetime import datetime


def parse_now(raw: str) -> datetime:
    """Read an ISO 8601 date and time; a naive one is taken in the local time zone.

    Raises `ValueError` with a one-line message when `raw` is not a date and time.
    """
    text = raw.strip()
    # Python 3.10's fromisoformat knows no "Z"; a date alone is not an instant to read "now" from.
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    if len(text) <= 10:
        raise ValueError(f"not an ISO 8601 date and time: {raw!r} (e.g. 2026-11-18T14:30:00+01:00)")
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"not an ISO 8601 date and time: {raw!r} (e.g. 2026-11-18T14:30:00+01:00)") from None
    return value if value.tzinfo is not None else value.astimezone()
