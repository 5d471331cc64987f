"""What keeps one client from hurting the rest: a request body limit (413) and a per-user rate limit.

Usage::

    app = BodyLimit(app, max_body=128 * 1024)     # ASGI middleware: 413 before the body is read whole
    limiter = RateLimiter(rate=60, period=60)
    wait = limiter.check("alice")                 # 0.0: go ahead; else seconds until the next request
    limiter = RateLimiter(rate=60, period=60, storage=storage)   # the same, counted in the database

The rate limit is a token bucket per user (`rate` requests per `period`, bursts up to `rate`). Without
a storage it is kept in memory (the SQLite set-up): each worker process counts on its own, so with N
workers a user gets up to N times the rate. With one (PostgreSQL) it is kept there: one row per user,
updated in one statement (GCRA, the same limit as the token bucket, on the database's clock), so any
number of processes on any number of hosts together give a user exactly the rate.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nlentry.server.storage import ServerStorage

__all__ = ["BodyLimit", "RateLimiter"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class RateLimiter:
    """A token bucket per key; thread-safe. See the module docstring.

    Parameters:
        rate, period: `rate` requests per `period` seconds, bursts up to `rate`.
        clock: the clock of the in-memory buckets.
        max_keys: the most in-memory buckets (beyond: all are forgotten).
        storage: keep the buckets there instead (`ServerStorage.take_token`, on the database's clock).
    """

    def __init__(
        self,
        *,
        rate: float,
        period: float,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = 100_000,
        storage: ServerStorage | None = None,
    ) -> None:
        self.capacity = float(rate)
        self.per_second = float(rate) / float(period)
        #: seconds between two requests at the steady rate
        self.interval = 1.0 / self.per_second
        self.clock = clock
        self.max_keys = max_keys
        self.storage = storage
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def check(self, key: str) -> float:
        """Take one token for `key`: 0.0 if there was one, else the seconds until there is one."""
        if self.storage is not None:
            return self.storage.take_token(key, interval=self.interval, burst=self.capacity)
        now = self.clock()
        with self._lock:
            tokens, last = self._buckets.get(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.per_second)
            if tokens >= 1.0:
                if len(self._buckets) >= self.max_keys and key not in self._buckets:
                    self._buckets.clear()  # bounded memory; at worst a few users get a fresh bucket
                self._buckets[key] = (tokens - 1.0, now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1.0 - tokens) / self.per_second


class BodyLimit:
    """ASGI middleware answering 413 to a request whose body is larger than `max_body` bytes.

    A `Content-Length` over the limit is refused before anything is read. Otherwise the body is read
    here (it is small: at most `max_body`), counted as it arrives and cut off at the limit, then handed
    to the app; so no request, chunked or not, can make the server buffer more than the limit.
    """

    def __init__(self, app: ASGIApp, *, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", ()):
            if name == b"content-length" and value.isdigit() and int(value) > self.max_body:
                await _refuse(send, self.max_body)
                return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await _refuse(send, self.max_body)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _refuse(send: Send, limit: int) -> None:
    body = json.dumps({"error": "too_large", "message": f"the request body is over {limit} bytes"}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
