"""Reading a provider's answer: how long to wait (`Retry-After`, `X-RateLimit-Reset`) and its own message."""

from __future__ import annotations

import email.utils
import math
import time
from collections.abc import Mapping
from typing import Any

import httpx


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from one `Retry-After` value (delta-seconds or an HTTP date), or None.

    `now` (unix seconds, default: the current time) is what an HTTP date is counted from; a date
    without a zone is not understood. Never negative.
    """
    value = (value or "").strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None or when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def retry_after(headers: Mapping[str, str], *, now: float) -> float | None:
    """Seconds to wait before retrying, from `Retry-After` (seconds or HTTP date) or `X-RateLimit-Reset`.

    `X-RateLimit-Reset` is a unix timestamp (Timeneye); a small value is read as seconds from now,
    as some APIs send it. Returns None when the response says nothing usable; never negative.
    """
    wait = parse_retry_after(headers.get("Retry-After"), now=now)
    if wait is not None:
        return wait
    reset = headers.get("X-RateLimit-Reset", "").strip()
    if reset:
        try:
            stamp = float(reset)
        except ValueError:
            return None
        if math.isfinite(stamp):
            return max(0.0, stamp - now if stamp > 1e9 else stamp)
    return None


def provider_message(response: httpx.Response) -> str:
    """The provider's own explanation of an error, one line.

    Understands `{"message": ...}` (Timi, Laravel), `{"errors": {field: [msg]}}` (Rails, Laravel),
    `{"error": ..., "error_description": ...}` (OAuth, Tyme) and falls back to the text of the body.
    """
    try:
        data = response.json()
    except (ValueError, UnicodeDecodeError):
        data = None
    parts = body_messages(data)
    if not parts:
        text = response.text.strip()
        parts.append(text.splitlines()[0] if text else response.reason_phrase or "no explanation")
    message = "; ".join(parts)
    return message if len(message) <= 300 else message[:297] + "..."


def body_messages(data: Any) -> list[str]:
    """The messages in a decoded JSON answer (see `provider_message`); [] when it carries none."""
    parts: list[str] = []
    if isinstance(data, dict):
        errors = data.get("errors")
        details: list[str] = []  # each field's messages, e.g. "duration: is geen getal"
        texts: list[str] = []
        if isinstance(errors, dict):
            for name, msgs in errors.items():
                msgs = [str(m) for m in (msgs if isinstance(msgs, list) else [msgs])]
                texts.extend(msgs)
                details.append(f"{name}: " + ", ".join(msgs))
        elif isinstance(errors, list):
            texts = details = [str(e) for e in errors]
        for key in ("message", "error", "error_description"):
            value = data.get(key)
            # Laravel repeats the first field error as `message` ("... (and 1 more error)"): say it once.
            if isinstance(value, str) and value.strip() and not (
                    details and (value.startswith("The given data was invalid")
                                 or any(t and value.startswith(t) for t in texts))):
                parts.append(value.strip())
        parts.extend(details)
    elif isinstance(data, str):
        parts.append(data)
    return parts
