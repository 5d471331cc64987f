"""Catalog sync and cache: fetch a provider's catalog once, parse against the local copy offline.

Usage::

    from nlentry.booking.sync import Syncer

    syncer = Syncer(store, providers={"timi": timi})
    syncer.sync("timi")                      # provider -> catalog_cache (one transaction)
    catalog = syncer.cached_catalog("timi")  # the cache + the user's local aliases; no network
    syncer.refresh_in_background("timi")     # re-sync in a thread if older than max_age

    nlentry.booking.sync.sync("timi", env=os.environ)          # the same with the user's store and config
    nlentry.booking.sync.cached_catalog("timi", env=os.environ)

Aliases the user adds (`nlentry alias add webshp Webshop`) live in their own table and are merged
into the catalog when it is read, so a sync, which replaces the cache whole, never loses them.
A stale cache is refreshed in a background thread on the next *post* (`Outbox(on_submit=...)`),
never on parse: parsing stays offline and fast.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from nlentry.booking.storage import ALIAS_KINDS, Alias, BookingStorage
from nlentry.model import Catalog
from nlentry.providers.base import Capability, Provider, ProviderError, require

if TYPE_CHECKING:
    from nlentry.booking.store import Store

__all__ = [
    "DEFAULT_MAX_AGE", "SyncResult", "Syncer", "cached_catalog", "find_target", "merge_aliases", "sync",
]

#: seconds after which a cached catalog counts as stale
DEFAULT_MAX_AGE = 24 * 3600.0

_SECTIONS = {"project": "projects", "service": "services", "client": "clients", "person": "people"}


@dataclass(frozen=True)
class SyncResult:
    """What a sync stored: the provider, the counts per section and when."""

    provider: str
    clients: int
    projects: int
    services: int
    people: int
    synced_at: float

    def describe(self) -> str:
        """One line for the command line."""
        return (f"synced {self.provider}: {self.projects} projects, {self.services} services, "
                f"{self.clients} clients, {self.people} people")


def find_target(catalog: Catalog, target: str, kind: str | None = None) -> str | None:
    """The kind of the first catalog item named (case-insensitively) or with id `target`, or None.

    Sections are searched in the order projects, services, clients, people (only `kind` if given).
    """
    wanted = target.strip().casefold()
    for k in ((kind,) if kind else ALIAS_KINDS):
        for item in getattr(catalog, _SECTIONS[k]):
            if item.name.casefold() == wanted or str(item.id) == target.strip():
                return k
    return None


def merge_aliases(catalog: Catalog, aliases: Iterable[Alias]) -> Catalog:
    """`catalog` with the local aliases added to the items they name.

    An alias names its target by name (case-insensitively) or by id; without a `kind` the first
    section holding the target wins, in the order projects, services, clients, people. Aliases whose
    target is not in the catalog (any more) are left out until it is.
    """
    sections: dict[str, list[Any]] = {kind: list(getattr(catalog, _SECTIONS[kind])) for kind in ALIAS_KINDS}
    index: dict[str, dict[str, int]] = {}
    for kind, items in sections.items():
        lookup: dict[str, int] = {}
        for i, item in enumerate(items):
            lookup.setdefault(item.name.casefold(), i)
            lookup.setdefault(f"id:{item.id}", i)
        index[kind] = lookup
    changed = False
    for alias in aliases:
        target = alias.target.casefold()
        for kind in ((alias.kind,) if alias.kind else ALIAS_KINDS):
            found = index[kind].get(target, index[kind].get(f"id:{alias.target}"))
            if found is None:
                continue
            i = found
            item = sections[kind][i]
            if alias.alias.casefold() not in {a.casefold() for a in (item.name, *item.aliases)}:
                sections[kind][i] = item.replace(aliases=(*item.aliases, alias.alias))
                changed = True
            break
    if not changed:
        return catalog
    return Catalog(clients=tuple(sections["client"]), projects=tuple(sections["project"]),
                   services=tuple(sections["service"]), people=tuple(sections["person"]))


class Syncer:
    """Fetches catalogs into the store's cache and reads them back; see the module docstring.

    Parameters:
        store: the booking state with the cache and the aliases (SQLite or PostgreSQL).
        providers: provider name -> provider, or a callable building one (called per sync; a provider
            it builds is closed after the sync).
        clock: unix time (default: the store's clock).
        max_age: seconds after which the cache is stale (default 24 hours).
    """

    def __init__(self, store: BookingStorage,
                 providers: Mapping[str, Provider] | Callable[[str], Provider], *,
                 clock: Callable[[], float] | None = None, max_age: float = DEFAULT_MAX_AGE) -> None:
        self.store = store
        self.clock = clock or store.clock
        self.max_age = max_age
        self._source = providers
        self._running: dict[str, threading.Thread] = {}
        self._lock = threading.Lock()
        #: provider -> the latest sync time this syncer saw (a cache's sync time only ever moves on)
        self._synced: dict[str, float] = {}

    def sync(self, provider_name: str) -> SyncResult:
        """Fetch `provider_name`'s catalog and replace its cache; provider errors propagate."""
        provider, owned = self._provider(provider_name)
        try:
            require(provider, Capability.CATALOG)
            catalog = provider.fetch_catalog()
        finally:
            if owned:
                provider.close()
        when = self.store.put_catalog(provider_name, catalog, synced_at=self.clock())
        self._synced[provider_name] = max(when, self._synced.get(provider_name, when))
        return SyncResult(provider_name, len(catalog.clients), len(catalog.projects), len(catalog.services),
                          len(catalog.people), when)

    def _provider(self, name: str) -> tuple[Provider, bool]:
        if isinstance(self._source, Mapping):
            try:
                return self._source[name], False
            except KeyError:
                raise ProviderError(f"unknown provider {name!r}") from None
        return self._source(name), True

    def cached_catalog(self, provider_name: str) -> Catalog | None:
        """The cached catalog merged with the local aliases; None if never synced. No network.

        The storage's snapshot of it is read when it keeps a sound one (`BookingStorage.catalog_snapshot`:
        SQLite); otherwise the database is read, and the snapshot written for the next reader."""
        found = self.store.catalog_snapshot(provider_name)
        if found is not None:
            return found
        cached = self.store.get_catalog(provider_name)
        catalog = None if cached is None else merge_aliases(cached[0], self.store.aliases(provider_name))
        self.store.keep_snapshot()
        return catalog

    def is_stale(self, provider_name: str, *, now: float | None = None) -> bool:
        """True if the cache is missing or older than `max_age`.

        A sync time seen before that is fresh still is (every sync stamps the time it stored, so a
        cache's sync time only moves on, whoever syncs it): the database is asked only when the one
        seen has grown old, which is once per `max_age`, not once per saved entry."""
        now = self.clock() if now is None else now
        seen = self._synced.get(provider_name)
        if seen is not None and now - seen <= self.max_age:
            return False
        synced = self.store.synced_at(provider_name)
        if synced is not None:
            self._synced[provider_name] = synced
        return synced is None or now - synced > self.max_age

    def refresh_in_background(self, provider_name: str) -> threading.Thread | None:
        """If the cache is stale, re-sync it in a daemon thread (one per provider at a time).

        Returns the thread (join it to wait), or None when the cache is fresh or a refresh already
        runs. Errors in the thread are swallowed: the old cache stays, the next post tries again.
        """
        if not self.is_stale(provider_name):
            return None
        with self._lock:
            running = self._running.get(provider_name)
            if running is not None and running.is_alive():
                return None
            thread = threading.Thread(target=self._refresh, args=(provider_name,),
                                      name=f"nlentry-sync-{provider_name}", daemon=True)
            self._running[provider_name] = thread
            thread.start()
        return thread

    def _refresh(self, provider_name: str) -> None:
        with contextlib.suppress(Exception):  # offline or refused: keep the old cache, retry next post
            self.sync(provider_name)


# --- with the user's store and configuration -----------------------------------------------------


def _configured(env: Mapping[str, str] | None) -> tuple[Store, Callable[[str], Provider], float]:
    from nlentry import config
    from nlentry import providers as registry
    from nlentry.booking.store import Store

    cfg = config.load(env)
    return Store.open(env), registry.builder(env, cfg), cfg.number("catalog_max_age", DEFAULT_MAX_AGE)


def sync(provider_name: str | None = None, *, env: Mapping[str, str] | None = None) -> SyncResult:
    """Sync the provider (default: the configured one) into the user's database."""
    from nlentry import config

    name = provider_name or config.default_provider(env)
    store, build, max_age = _configured(env)
    with store:
        return Syncer(store, build, max_age=max_age).sync(name)


def cached_catalog(provider_name: str | None = None, *,
                   env: Mapping[str, str] | None = None) -> Catalog | None:
    """The user's cached catalog of the provider (default: the configured one), with local aliases."""
    from nlentry import config

    name = provider_name or config.default_provider(env)
    store, build, max_age = _configured(env)
    with store:
        return Syncer(store, build, max_age=max_age).cached_catalog(name)
