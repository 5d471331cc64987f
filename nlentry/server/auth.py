"""API keys for the JSON API: made once, shown once, stored only as a hash.

Usage::

    from nlentry.server.auth import ApiKeys

    keys = ApiKeys(storage)
    key, info = keys.create("alice", name="laptop")    # print `key` once; the database keeps its hash
    keys.user_of(key)                                  # "alice" (None for an unknown or revoked key)
    keys.revoke(info.id)

A key is `nle_` + 43 url-safe characters (32 random bytes, from `secrets`). Its SHA-256 is stored:
with that much entropy a plain hash is enough (a slow password hash guards low-entropy secrets, and
would cost every request milliseconds). A presented key is looked up by its hash and the stored hash is
compared again with `hmac.compare_digest`, so no early-exit string comparison leaks timing.

A request is admitted with `admit(keys, limiter)`: the key's user and one of its rate tokens. With the
state in server.db (one box) lookups are cached in memory for `cache_ttl` seconds (a revoked key stops
working within that time) and the rate is counted in memory. With a shared storage (PostgreSQL),
`admit_shared` asks the key and the token in one statement on every request, uncached: a revoked key
stops working at the next request, on every process.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from nlentry.server.storage import ServerStorage

if TYPE_CHECKING:
    from nlentry.server.limits import RateLimiter

__all__ = ["KEY_PREFIX", "ApiKey", "ApiKeys", "digest"]

KEY_PREFIX = "nle_"
_ID_LENGTH = 12  # `nle_` + 8 characters: the public id shown by `apikey ls`


def digest(secret: str) -> str:
    """SHA-256 of a high-entropy secret (an API key, a link code), hex."""
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class ApiKey:
    """What is known about a key without the key: its public id, owner, name and creation time."""

    id: str
    user_id: str
    name: str
    created_at: float


class ApiKeys:
    """The API keys in the server's storage (`nlentry.server.storage`); see the module docstring."""

    def __init__(
        self, db: ServerStorage, *, cache_ttl: float = 5.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.db = db
        self.cache_ttl = cache_ttl
        self.clock = clock
        self._cache: dict[str, tuple[float, str | None]] = {}
        self._lock = threading.Lock()

    def create(self, user_id: str, *, name: str = "") -> tuple[str, ApiKey]:
        """A new key for `user_id`: returns the key (show it once, it is not kept) and its record."""
        key = KEY_PREFIX + secrets.token_urlsafe(32)
        info = ApiKey(key[:_ID_LENGTH], user_id, name, time.time())
        self.db.add_key(info.id, digest(key), user_id, name=name, now=info.created_at)
        return key, info

    def user_of(self, key: str) -> str | None:
        """The user a presented key belongs to, or None (unknown, revoked, malformed)."""
        if not key.startswith(KEY_PREFIX) or len(key) > 200:
            return None
        wanted = digest(key)
        now = self.clock()
        with self._lock:
            cached = self._cache.get(wanted)
        if cached is not None and cached[0] > now:
            return cached[1]
        found = self.db.key_owner(wanted)
        user = found[1] if found is not None and hmac.compare_digest(found[0], wanted) else None
        with self._lock:
            if len(self._cache) > 10_000:  # a flood of made-up keys must not grow memory without end
                self._cache.clear()
            self._cache[wanted] = (now + self.cache_ttl, user)
        return user

    def admit(self, keys: list[str], limiter: RateLimiter) -> list[tuple[str | None, float]]:
        """Who presents each key, and one rate token for them: (None, 0.0) for an unknown, revoked or
        malformed key; else (user, 0.0 to go ahead, or the seconds until a token is free). Cached
        lookups and the in-memory counts of `limiter` (server.db): mostly no I/O at all."""
        users = [self.user_of(key) for key in keys]
        return [(user, limiter.check(user) if user is not None else 0.0) for user in users]

    async def admit_shared(self, keys: list[str], limiter: RateLimiter) -> list[tuple[str | None, float]]:
        """`admit` with the rate counted in the shared storage: one statement for all of them
        (`ServerStorage.admit_async`), uncached, on the event loop without blocking it."""
        wanted = [digest(key) if key.startswith(KEY_PREFIX) and len(key) <= 200 else "" for key in keys]
        asked = [w for w in wanted if w]
        rows = await self.db.admit_async(asked, interval=limiter.interval, burst=limiter.capacity) \
            if asked else []
        found = iter(rows)
        answers: list[tuple[str | None, float]] = []
        for hashed in wanted:
            row = next(found) if hashed else None
            ok = row is not None and hmac.compare_digest(row[0], hashed)
            answers.append((row[1], row[2]) if row is not None and ok else (None, 0.0))
        return answers

    def keys(self, user_id: str | None = None) -> list[ApiKey]:
        """The keys (all, or one user's), oldest first; never the keys themselves."""
        return [ApiKey(k.id, k.user_id, k.name, k.created_at) for k in self.db.keys(user_id)]

    def revoke(self, key_id: str) -> bool:
        """Delete the key with this public id; True if there was one."""
        found = self.db.revoke_key(key_id)
        with self._lock:
            self._cache.clear()
        return found
