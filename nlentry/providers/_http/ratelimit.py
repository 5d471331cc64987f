"""A client-side request budget (`RateLimiter`), so a provider's limit is kept before the server complains."""

from __future__ import annotations

import collections
import math
import threading
import time
from collections.abc import Callable

from nlentry.providers.base import TransientError

Clock = Callable[[], float]


class RateLimiter:
    """A sliding-window budget: at most `limit` requests in any `period` seconds, on the client side.

    Usage::

        limiter = RateLimiter(500, 300)        # Timeneye's free plan: 500 requests per 5 minutes
        limiter.acquire()                       # before every request: waits, or raises TransientError
        limiter.pause(177)                      # the server said 429 with Retry-After: 177

    `acquire` waits when the next slot is at most `max_wait` seconds away; further away, it raises
    `TransientError` with `retry_after`, so a long backlog goes back to the outbox instead of blocking
    the user for minutes. `limit=None` means no budget of our own (the server's 429 still pauses us).
    `clock` and `sleep` are injectable so tests need no real waiting.
    """

    def __init__(
        self,
        limit: int | None,
        period: float,
        *,
        max_wait: float = 30.0,
        clock: Clock = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if limit is not None and limit < 1:
            raise ValueError("a rate limit must allow at least one request")
        self.limit = limit
        self.period = period
        self.max_wait = max_wait
        self._clock = clock
        self._sleep = sleep
        self._stamps: collections.deque[float] = collections.deque()
        self._paused_until = 0.0
        self._lock = threading.Lock()

    def _wait(self, now: float) -> float:
        while self._stamps and self._stamps[0] <= now - self.period:
            self._stamps.popleft()
        wait = max(0.0, self._paused_until - now)
        if self.limit is not None and len(self._stamps) >= self.limit:
            wait = max(wait, self._stamps[len(self._stamps) - self.limit] + self.period - now)
        return wait

    def acquire(self) -> None:
        """Take one request slot, waiting up to `max_wait` seconds; else raise `TransientError`."""
        with self._lock:  # held while sleeping: waiting callers are served in order
            wait = self._wait(self._clock())
            if wait > self.max_wait:
                raise TransientError(
                    f"client-side rate limit reached; try again in {math.ceil(wait)} s", retry_after=wait
                )
            if wait > 0:
                self._sleep(wait)
            now = self._clock()
            self._wait(now)
            self._stamps.append(now)

    def pause(self, seconds: float) -> None:
        """Send nothing for `seconds` (the server asked us to back off)."""
        with self._lock:
            self._paused_until = max(self._paused_until, self._clock() + seconds)
