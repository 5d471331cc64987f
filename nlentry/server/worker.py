"""The background worker: every `flush_interval` seconds, post what is due in every user's outbox.

An entry whose post failed (provider down, slow, 429) stays pending in the user's outbox with its
next try set by the outbox's backoff; this worker is what tries again, so a chat reply that said
"queued" becomes a posted entry without anyone asking. It also notices a catalog that was re-synced
(by a save's background refresh, or by another process: the `synced_at` the storage keeps) and makes
the journal read it again, lets go of the journals whose user's settings another process changed
(`Users.refresh`), and drops from the server's storage what has expired (deliveries, link codes,
confirmations, rate buckets). A round that cannot reach the database is logged and tried again at the
next interval.

On PostgreSQL every process runs the rounds, on every host, with no leader: the outbox claims each
due item for one process (`FOR UPDATE SKIP LOCKED` and a lease), so N processes post each entry once,
and any of them takes over the items of one that died. A round there asks the database which users
have an item due or being posted (one statement) and opens and flushes only their journals: with a
few hundred users, a round touches the few with work. On SQLite (one box) only one process runs
them at a time: the one holding an exclusive lock on `<home>/worker.lock` (taken over by another when
it exits). Two flushers would be safe there too (the claims are atomic); the lock saves the work.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from collections.abc import Callable
from typing import IO, TYPE_CHECKING

from nlentry.config import redact
from nlentry.errors import NlentryError

if TYPE_CHECKING:
    from nlentry.booking.outbox import FlushReport
    from nlentry.server.state import ServerState

__all__ = ["Worker"]

log = logging.getLogger("nlentry.server")


class Worker:
    """Flushes the users' outboxes; see the module docstring."""

    def __init__(self, state: ServerState) -> None:
        self.state = state
        self._synced: dict[str, float | None] = {}
        self._lock_file: IO[str] | None = None
        self._task: asyncio.Task[None] | None = None
        #: unix time by which an outbox item is due (the outboxes' own clock)
        self.clock: Callable[[], float] = time.time
        #: rounds this process ran (`run`)
        self.rounds = 0

    def run_once(self) -> dict[str, FlushReport]:
        """One round: post what is due; returns the flush report of each user whose outbox it flushed.

        On PostgreSQL only the users with work in their outbox (`ServerStorage.due_users`, one
        statement) are flushed, and only the journals this process has open are checked for a catalog
        another process synced; on SQLite every user's journal is opened and flushed."""
        reports: dict[str, FlushReport] = {}
        users = self.state.users
        self.state.db.prune(now=self.state.clock())
        users.refresh()
        due = self.state.db.due_users(now=self.clock())
        if due is None:
            every = [user.id for user in users.all()]
            flush, look = set(every), every
        else:
            flush, look = set(due), sorted({*due, *users.opened()})
        for user_id in look:
            try:
                journal = users.journal(user_id)
                synced = journal.store.synced_at(journal.provider)
                if self._synced.get(user_id, synced) != synced:
                    journal.forget_catalog()
                self._synced[user_id] = synced
                if user_id in flush:
                    reports[user_id] = journal.outbox.flush()
            except Exception as exc:  # one user's broken configuration must not stop the others
                log.warning("flushing user %s failed: %s", user_id, redact(f"{type(exc).__name__}: {exc}"))
        return reports

    def leader(self) -> bool:
        """True when this process runs the rounds: always on a shared database; on SQLite when it holds
        the worker lock (taking it if it is free)."""
        if self._lock_file is not None or self.state.db.shared:
            return True
        try:
            import fcntl
        except ImportError:  # not POSIX: every process flushes (safe, only more work)
            return True
        from nlentry.config import ensure_dir

        path = ensure_dir(self.state.settings.home) / "worker.lock"
        handle = open(path, "a")  # noqa: SIM115 - held open as long as the process leads
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        os.chmod(path, 0o600)
        self._lock_file = handle
        return True

    async def run(self) -> None:
        """Flush every `flush_interval` seconds until cancelled."""
        while True:
            await asyncio.sleep(self.state.settings.flush_interval)
            if self.leader():
                try:
                    await self.state.after_reply(self.run_once)
                    self.rounds += 1
                except NlentryError as exc:  # the database is down: the next round tries again
                    log.warning("the worker's round failed: %s", redact(exc))

    def start(self) -> None:
        """Run in the background of the current event loop."""
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self.run(), name="nlentry-worker")

    async def stop(self) -> None:
        """Stop the loop and give up the lock."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if self._lock_file is not None:
            self._lock_file.close()
            self._lock_file = None
