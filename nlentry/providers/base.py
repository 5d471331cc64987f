"""The provider protocol: what every backend (local store, Timi, Timeneye, Tyme, TimeTagger) offers.

A provider is one package under `nlentry/providers/<name>/` whose `__init__.py` exports `PROVIDER`,
a class implementing `Provider`. Third parties publish the same shape under the entry-point group
`nlentry.providers.v1`. A provider declares its `capabilities`; asking for anything else raises
`Unsupported` with a clear message.

Contract (every provider, checked by tests/providers/test_contract.py):

- `fetch_catalog()` returns the backend's clients, projects, services (phases, tasks) and people,
  with their aliases, as a `Catalog`.
- `create(entry, key=...)` posts a new entry and returns a `Posted` receipt. `key` is nlentry's
  idempotency key (a UUID string): a provider with client-chosen ids uses it as the id, so a retried
  create is an update; a provider without them must not create a second entry when `find_posted`
  finds the first.
- `update(remote_id, entry)`, `delete(remote_id)`, `list_day(day)` as named.
- `find_posted(entry, key, exclude=...)` looks for `entry` as it was sent earlier with an unknown
  outcome (same key where the backend stores it, otherwise same day, duration and text, skipping the
  remote ids in `exclude`: those belong to other outbox items) and returns its receipt or None.
- timers: `timer_start(entry)`, `timer_stop()`, `timer_current()` where `Capability.TIMER` is declared.
- errors: `AuthError` (credentials refused), `RejectedError` (4xx validation: permanent, the
  provider's message kept), `TransientError` (network, timeout, 5xx, 429: retry later,
  `retry_after` in seconds when the server said; `maybe_received` when the request may have arrived:
  a timeout or a connection lost after sending), `Unsupported`. Messages never contain secrets.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any, ClassVar, Protocol, runtime_checkable

from nlentry.errors import NlentryError
from nlentry.model import Catalog, Entry


class Capability(enum.Enum):
    """What a provider can do."""

    CATALOG = "catalog"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    LIST = "list"
    TIMER = "timer"


class ProviderError(NlentryError):
    """Something went wrong talking to a provider (never carries a secret)."""


class AuthError(ProviderError):
    """The provider refused the credentials (401/403), or none are configured."""


class RejectedError(ProviderError):
    """The provider rejected the entry (4xx validation); retrying will not help. Message: the provider's."""


class TransientError(ProviderError):
    """Network error, timeout, 5xx or 429: try again later (after `retry_after` seconds if known)."""

    def __init__(self, message: str, retry_after: float | None = None, *,
                 maybe_received: bool = False) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        #: the request may have reached the provider (a timeout or a connection lost after sending):
        #: only then can a retry find an earlier copy. A 429, a 5xx answer or a refused connection is False.
        self.maybe_received = maybe_received


class Unsupported(ProviderError):
    """The provider has no such feature (e.g. timers on a backend without them)."""


@dataclass(frozen=True)
class Posted:
    """A receipt: where an entry now lives at the provider."""

    provider: str
    remote_id: str


@dataclass(frozen=True)
class RemoteEntry:
    """An entry as the provider lists it (times in the local zone of the user)."""

    remote_id: str
    date: date
    duration: int
    start: time | None = None
    end: time | None = None
    project_id: Any = None
    service_id: Any = None
    description: str = ""
    key: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)


@runtime_checkable
class Provider(Protocol):
    """One time-tracking backend. See the module docstring for the contract."""

    name: ClassVar[str]
    capabilities: ClassVar[frozenset[Capability]]

    def fetch_catalog(self) -> Catalog: ...

    def create(self, entry: Entry, *, key: str) -> Posted: ...

    def update(self, remote_id: str, entry: Entry) -> Posted: ...

    def delete(self, remote_id: str) -> None: ...

    def list_day(self, day: date) -> list[RemoteEntry]: ...

    def find_posted(self, entry: Entry, key: str, *,
                    exclude: frozenset[str] = frozenset()) -> Posted | None: ...

    def timer_start(self, entry: Entry) -> Posted: ...

    def timer_stop(self) -> Posted | None: ...

    def timer_current(self) -> RemoteEntry | None: ...

    def close(self) -> None: ...


def require(provider: Provider, capability: Capability) -> None:
    """Raise `Unsupported` unless the provider declares `capability`."""
    if capability not in provider.capabilities:
        raise Unsupported(f"provider {provider.name!r} does not support {capability.value}")
