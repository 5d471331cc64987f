"""A provider's `[providers.<name>]` settings read with types; errors name the key, never the value."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import time as dt_time
from datetime import tzinfo
from typing import Any

from nlentry.providers.base import ProviderError


class Settings:
    """A provider's `[providers.<name>]` settings, read with types; errors name the key, never the value.

    Values come from TOML (typed) or environment variables (text), so numbers are accepted as text too.

    Usage::

        s = Settings("timi", settings)
        s.text("email"), s.number("timeout", 15.0), s.zone(), s.clock_time("day_start", time(9))
    """

    def __init__(self, provider: str, raw: Mapping[str, Any]) -> None:
        self.provider = provider
        self.raw = raw

    def _bad(self, key: str, what: str) -> ProviderError:
        return ProviderError(f"{self.provider}: setting {key!r} must be {what}")

    def text(self, key: str, default: str | None = None) -> str | None:
        """A non-empty string (stripped), or `default`."""
        value = self.raw.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            return default
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise self._bad(key, "text")
        return str(value).strip()

    def number(self, key: str, default: float) -> float:
        """A positive number, or `default`."""
        value = self.raw.get(key)
        if value is None or value == "":
            return default
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise self._bad(key, "a number") from None
        if not math.isfinite(number) or number <= 0 or isinstance(value, bool):
            raise self._bad(key, "a positive number")
        return number

    def whole(self, key: str) -> int | None:
        """A positive whole number, or None."""
        value = self.raw.get(key)
        return None if value is None or value == "" else round(self.number(key, 1.0))

    def zone(self, key: str = "timezone") -> tzinfo | None:
        """A time zone by name (`Europe/Amsterdam`); None (the system's) when unset or `local`."""
        name = self.text(key)
        if name is None or name == "local":
            return None
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise self._bad(key, "a time zone name such as Europe/Amsterdam") from None

    def clock_time(self, key: str, default: dt_time) -> dt_time:
        """A clock time `HH:MM`, or `default`."""
        value = self.text(key)
        if value is None:
            return default
        try:
            return dt_time.fromisoformat(value)
        except ValueError:
            raise self._bad(key, "a clock time such as 09:00") from None
