"""The objects one server process shares: settings, storage, users, keys, confirmations, limits.

`ServerState` is built once by `create_app` and reached by every route; tests build one directly
(`ServerState(settings, clock=..., transport=...)`) to drive the clock and fake the outside world.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from nlentry.server.auth import ApiKeys
from nlentry.server.chat import Chat
from nlentry.server.limits import RateLimiter
from nlentry.server.pending import Confirmations
from nlentry.server.settings import Settings
from nlentry.server.storage import ServerStorage, open_storage
from nlentry.server.users import Users

if TYPE_CHECKING:
    import httpx

__all__ = ["ServerState"]

log = logging.getLogger("nlentry.server")
T = TypeVar("T")


class ServerState:
    """What the routes share; see the module docstring.

    Parameters:
        settings: the server's settings.
        clock: unix time for expiry and Slack timestamps (tests pass a fake).
        now: the instant phrases are read at (default: the real current time).
        transport: the httpx transport of outgoing calls (Slack's `response_url`); tests pass a mock.
        storage: the server's state (default: `open_storage(settings)`: server.db, or PostgreSQL).
    """

    def __init__(
        self,
        settings: Settings,
        *,
        clock: Callable[[], float] = time.time,
        now: Callable[[], datetime] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        storage: ServerStorage | None = None,
    ) -> None:
        self.settings = settings
        self.clock = clock
        self.now = now
        self.transport = transport
        #: the server's state (`nlentry.server.storage`): every question about it goes here
        self.db: ServerStorage = storage if storage is not None else open_storage(settings)
        self.users = Users(settings, self.db, clock=clock)
        self.keys = ApiKeys(self.db)
        self.confirmations = Confirmations(self.db, ttl=settings.pending_ttl, clock=clock)
        # in memory on one box; in the database when processes on several hosts share it
        self.limiter = RateLimiter(rate=settings.rate_limit, period=settings.rate_period,
                                   storage=self.db if self.db.shared else None)
        self.chat = Chat(settings, self.users, self.confirmations, self.limiter, now=now)
        self._http: httpx.AsyncClient | None = None
        #: where posting after a reply runs: its own threads, so a slow provider never takes the
        #: threads the requests are answered on
        self.posting = ThreadPoolExecutor(max_workers=8, thread_name_prefix="nlentry-post")
        self._admitting: list[tuple[str, asyncio.Future[tuple[str | None, float]]]] = []
        self._admitter: asyncio.Task[None] | None = None

    async def admit(self, key: str) -> tuple[str | None, float]:
        """The user of an API key and one of its rate tokens (`ApiKeys.admit`).

        On server.db: a cached lookup and an in-memory count, here. On a shared database: one
        statement on the event loop (`ApiKeys.admit_shared`: it waits for the answer without blocking);
        the requests that come while it runs wait and go together in the next one. So a request touches
        the database once, and a busy process sends one statement per round trip rather than one per
        request (the event loop meanwhile serves the rest).
        """
        if not self.db.shared:
            return self.keys.admit([key], self.limiter)[0]
        loop = asyncio.get_running_loop()
        answer: asyncio.Future[tuple[str | None, float]] = loop.create_future()
        self._admitting.append((key, answer))
        if self._admitter is None or self._admitter.done():
            self._admitter = loop.create_task(self._admit_waiting())
        return await answer

    async def _admit_waiting(self) -> None:
        while self._admitting:
            batch, self._admitting = self._admitting, []
            try:
                answers = await self.keys.admit_shared([key for key, _ in batch], self.limiter)
            except Exception as exc:  # the database is down: each request gets the error (503)
                for _, waiting in batch:
                    if not waiting.done():
                        waiting.set_exception(exc)
                continue
            for (_, waiting), found in zip(batch, answers, strict=True):
                if not waiting.done():
                    waiting.set_result(found)

    async def after_reply(self, work: Callable[[], T]) -> T:
        """Run slow work (posting to a provider) on the posting threads."""
        return await asyncio.get_running_loop().run_in_executor(self.posting, work)

    def http(self) -> httpx.AsyncClient:
        """The client for outgoing calls, made on first use."""
        import httpx

        if self._http is None:
            self._http = httpx.AsyncClient(
                transport=self.transport, timeout=10.0, headers={"User-Agent": "nlentry-server"}
            )
        return self._http

    async def aclose(self) -> None:
        """Close the outgoing client and the users' journals (both are opened again on next use).

        The storage stays open: an app may be started again (a test client runs the lifespan on each
        `with`), and its connections go with the process (`close` closes them).
        """
        if self._http is not None:
            await self._http.aclose()
            self._http = None
        # Posts still queued are dropped, not waited for: their entries are committed in the outbox,
        # and the worker (or the next start) posts them. A new pool serves a restarted app.
        self.posting.shutdown(wait=False, cancel_futures=True)
        self.posting = ThreadPoolExecutor(max_workers=8, thread_name_prefix="nlentry-post")
        self.users.close()

    def close(self) -> None:
        """Close the storage's connections (after `aclose`; the state cannot be used again)."""
        self.db.close()
