"""`timetagger`: the open-source, self-hostable TimeTagger server (API v2) as a provider.

Usage::

    # config.toml
    [providers.timetagger]
    base_url = "http://127.0.0.1:8080/timetagger/api/v2"   # the server's API root
    token = "eyJ..."                                       # an API token (Account -> API token)
    # optional: timezone = "Europe/Amsterdam", day_start = "09:00", service_tags = ["#meeting"],
    #           catalog_days = 90, timeout = 10

Wire facts (providers.md §9-10, verified against the real server by tests/providers/test_timetagger.py):
auth is the `authtoken` header; a record is `{key, t1, t2, ds, mt, st}` with a client-chosen `key`,
and `PUT records` upserts by key (a write whose `mt` is lower than the stored one is ignored). The
provider uses nlentry's idempotency key as the record key, so a retried create is an update and
`find_posted` simply looks the key up. Deleting is impossible server-side: by the web client's
convention `ds` is prefixed with `HIDDEN` (and hidden records are left out of `list_day`). A running
timer is a record with `t1 == t2`; stopping it writes `t2`. How entries, tags and the catalog map
onto records is described (with the choices made where the spec is open) in `mapping.py`.
"""

from __future__ import annotations

import time as _time
import uuid
from collections.abc import Callable, Iterable, Mapping
from datetime import date, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Any, ClassVar

from nlentry.model import Catalog, Client, Entry, Project, Service
from nlentry.providers.base import (
    AuthError,
    Capability,
    Posted,
    ProviderError,
    RejectedError,
    RemoteEntry,
)
from nlentry.providers.timetagger import mapping

if TYPE_CHECKING:
    import httpx

    from nlentry.providers.timetagger.client import TimeTaggerClient

__all__ = ["PROVIDER", "TimeTaggerProvider"]

_FAR_FUTURE = 32503680000  # year 3000: the window that holds every record
_WINDOW = 2 * 24 * 3600    # around an entry's own times when looking it up (time zone changes included)


def _zone(name: Any) -> tzinfo | None:
    if name in (None, "", "local"):
        return None
    if not isinstance(name, str):
        raise ProviderError("timetagger: 'timezone' must be a time zone name such as Europe/Amsterdam")
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ProviderError(f"timetagger: unknown time zone {name!r}") from None


def _clock_time(raw: Any) -> time:
    if raw is None:
        return time(9, 0)
    try:
        return time.fromisoformat(str(raw))
    except ValueError:
        raise ProviderError(f"timetagger: 'day_start' must be a time like 09:00, not {raw!r}") from None


def _tag_list(raw: Any) -> tuple[str, ...]:
    if raw is None:
        return ()
    items = raw.split(",") if isinstance(raw, str) else raw
    if not isinstance(items, (list, tuple)) or not all(isinstance(t, str) for t in items):
        raise ProviderError("timetagger: 'service_tags' must be a list of tags such as [\"#meeting\"]")
    return tuple(t for t in (mapping.to_tag(t) if not t.strip().startswith("#") else t.strip().lower()
                             for t in items) if t)


class TimeTaggerProvider:
    """A TimeTagger server; see the module docstring.

    Parameters:
        client: the HTTP client (with the base URL and the token).
        zone: the user's time zone (None: the system's local time).
        day_start: where an entry with only a duration starts on its day.
        service_tags: tags that are services rather than projects (besides the server's
            `nlentry_services` setting).
        catalog_days: how many days of records `fetch_catalog` reads tags from (0: none).
        clock: unix time, for `mt` and timers (tests pass a fake).
    """

    name: ClassVar[str] = "timetagger"
    capabilities: ClassVar[frozenset[Capability]] = frozenset(Capability)

    def __init__(self, client: TimeTaggerClient, *, zone: tzinfo | None = None, day_start: time = time(9, 0),
                 service_tags: Iterable[str] = (), catalog_days: int = 90,
                 clock: Callable[[], float] = _time.time) -> None:
        self.client = client
        self.zone = zone
        self.day_start = day_start
        self.catalog_days = catalog_days
        self.clock = clock
        self._service_tags = tuple(service_tags)
        self._server_services: tuple[str, ...] | None = None
        self._seen: dict[str, tuple[int, int]] = {}  # key -> (t1, t2) of records written or read

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any], *,
                      transport: httpx.BaseTransport | None = None) -> TimeTaggerProvider:
        """Build from `[providers.timetagger]`: `base_url` and `token` required; see the module docstring."""
        from nlentry.providers.timetagger.client import TimeTaggerClient  # httpx loads here, not on import

        base_url = settings.get("base_url")
        if not isinstance(base_url, str) or not base_url.startswith(("http://", "https://")):
            raise ProviderError("timetagger: set base_url to the server's API root, e.g. "
                                "http://127.0.0.1:8080/timetagger/api/v2")
        token = settings.get("token")
        if not isinstance(token, str) or not token.strip():
            raise AuthError("timetagger: no API token configured (set token in [providers.timetagger] "
                            "or NLENTRY_TIMETAGGER_TOKEN)")
        try:
            timeout = float(settings.get("timeout", 10.0))
            catalog_days = int(settings.get("catalog_days", 90))
        except (TypeError, ValueError):
            raise ProviderError("timetagger: 'timeout' and 'catalog_days' must be numbers") from None
        client = TimeTaggerClient(base_url, token.strip(), transport=transport, timeout=timeout)
        return cls(client, zone=_zone(settings.get("timezone")),
                   day_start=_clock_time(settings.get("day_start")),
                   service_tags=_tag_list(settings.get("service_tags")), catalog_days=catalog_days)

    # --- helpers ---------------------------------------------------------------------------------

    def _now(self) -> int:
        return int(self.clock())

    def _records(self, t1: int, t2: int, **flags: str) -> list[dict[str, Any]]:
        data = self.client.get("records", params={"timerange": f"{t1}-{t2}", **flags})
        records = data.get("records") if isinstance(data, dict) else None
        if not isinstance(records, list):
            raise ProviderError("timetagger: the records answer has no 'records' list")
        for r in records:
            if isinstance(r, dict) and "key" in r:
                self._seen[str(r["key"])] = (int(r["t1"]), int(r["t2"]))
        return [r for r in records if isinstance(r, dict) and "key" in r]

    def _put(self, record: dict[str, Any]) -> None:
        answer = self.client.put("records", [record])
        if not isinstance(answer, dict):
            raise ProviderError("timetagger: unexpected answer to PUT records")
        if record["key"] not in (answer.get("accepted") or []):
            failed = list(answer.get("failed") or [])
            errors = list(answer.get("errors") or [])
            reason = errors[failed.index(record["key"])] if record["key"] in failed and \
                failed.index(record["key"]) < len(errors) else (errors[0] if errors else "not accepted")
            raise RejectedError(f"timetagger refused the record: {reason}")
        self._seen[record["key"]] = (int(record["t1"]), int(record["t2"]))

    def _find(self, key: str, around: tuple[int, int] | None = None) -> dict[str, Any] | None:
        """The record with `key`, searched near `around` (or where it was last seen), then everywhere."""
        windows = []
        near = around or self._seen.get(key)
        if near is not None:
            windows.append((near[0] - _WINDOW, near[1] + _WINDOW))
        windows.append((0, _FAR_FUTURE))
        for t1, t2 in windows:
            for record in self._records(t1, t2):
                if record["key"] == key:
                    return record
        return None

    def _services(self) -> tuple[str, ...]:
        if self._server_services is None:
            self._server_services = self._server_service_tags(self._settings())
        return (*self._service_tags, *self._server_services)

    def _settings(self) -> dict[str, Any]:
        data = self.client.get("settings")
        items = data.get("settings") if isinstance(data, dict) else None
        if not isinstance(items, list):
            raise ProviderError("timetagger: the settings answer has no 'settings' list")
        return {s["key"]: s.get("value") for s in items
                if isinstance(s, dict) and isinstance(s.get("key"), str)}

    @staticmethod
    def _server_service_tags(settings: Mapping[str, Any]) -> tuple[str, ...]:
        raw = settings.get("nlentry_services")
        return tuple(t.lower() for t in raw if isinstance(t, str)) if isinstance(raw, list) else ()

    def _remote(self, record: Mapping[str, Any]) -> RemoteEntry:
        return mapping.remote_from(record, zone=self.zone, service_tags=self._services(), now=self.clock())

    def _day_bounds(self, day: date) -> tuple[int, int]:
        start = mapping.timestamp_at(day, time(0), self.zone)
        return start, mapping.timestamp_at(day + timedelta(days=1), time(0), self.zone) - 1

    # --- catalog ---------------------------------------------------------------------------------

    def fetch_catalog(self) -> Catalog:
        """Tags from the settings and the recent records as projects/services (see `mapping`)."""
        settings = self._settings()
        self._server_services = self._server_service_tags(settings)
        record_tags: list[str] = []
        if self.catalog_days > 0:
            now = self._now()
            for record in self._records(now - self.catalog_days * 86400, now, hidden="0"):
                record_tags += mapping.tags_in(str(record.get("ds") or ""))
        return mapping.catalog_from(settings, record_tags, self._service_tags)

    def import_catalog(self, catalog: Catalog) -> None:
        """Publish a catalog as settings: projects as `tag_presets`, services as `nlentry_services`,
        aliases as `nlentry_aliases` (each value must stay under the server's 8192-character limit)."""
        projects = [t for t in (mapping.tag_for_item(p) for p in (*catalog.projects, *catalog.clients)) if t]
        services = [t for t in (mapping.tag_for_item(s) for s in catalog.services) if t]
        aliases: dict[str, str] = {}
        items_with_aliases: tuple[Project | Client | Service, ...] = (*catalog.projects, *catalog.clients,
                                                                      *catalog.services)
        for item in items_with_aliases:
            tag = mapping.tag_for_item(item)
            for alias in item.aliases:
                if tag:
                    aliases.setdefault(alias, tag)
        now = self._now()
        items = [{"key": "tag_presets", "value": list(dict.fromkeys(projects)), "mt": now, "st": 0},
                 {"key": "nlentry_services", "value": list(dict.fromkeys(services)), "mt": now, "st": 0},
                 {"key": "nlentry_aliases", "value": aliases, "mt": now, "st": 0}]
        answer = self.client.put("settings", items)
        failed = answer.get("failed") if isinstance(answer, dict) else None
        if failed:
            errors = answer.get("errors") or []
            raise RejectedError(f"timetagger refused the catalog settings: {'; '.join(map(str, errors))}")
        self._server_services = tuple(dict.fromkeys(services))

    # --- entries ---------------------------------------------------------------------------------

    def create(self, entry: Entry, *, key: str) -> Posted:
        """PUT a record keyed `key`: a retry with the same key replaces it instead of adding one."""
        record = mapping.record_from(entry, key=key, mt=self._now(), zone=self.zone, day_start=self.day_start)
        self._put(record)
        return Posted(self.name, key)

    def update(self, remote_id: str, entry: Entry) -> Posted:
        """Rewrite the record `remote_id` from `entry`; `RejectedError` if there is no such record."""
        existing = self._find(remote_id)
        if existing is None:
            raise RejectedError(f"timetagger has no record {remote_id!r}")
        mt = max(self._now(), int(existing.get("mt") or 0) + 1)  # a lower mt would be silently ignored
        self._put(mapping.record_from(entry, key=remote_id, mt=mt, zone=self.zone, day_start=self.day_start))
        return Posted(self.name, remote_id)

    def delete(self, remote_id: str) -> None:
        """Hide the record (`ds = "HIDDEN " + ds`, the TimeTagger convention for deleting)."""
        existing = self._find(remote_id)
        if existing is None:
            raise RejectedError(f"timetagger has no record {remote_id!r}")
        ds = str(existing.get("ds") or "")
        if mapping.is_hidden(ds):
            return
        mt = max(self._now(), int(existing.get("mt") or 0) + 1)
        self._put({"key": remote_id, "t1": int(existing["t1"]), "t2": int(existing["t2"]),
                   "ds": mapping.hidden_ds(ds), "mt": mt, "st": 0})

    def list_day(self, day: date) -> list[RemoteEntry]:
        """The records starting on `day` (in the user's zone), hidden ones left out, by start time."""
        start, end = self._day_bounds(day)
        records = [r for r in self._records(start, end, hidden="0") if start <= int(r["t1"]) <= end]
        records.sort(key=lambda r: (int(r["t1"]), str(r["key"])))
        return [self._remote(r) for r in records]

    def find_posted(self, entry: Entry, key: str, *, exclude: frozenset[str] = frozenset()) -> Posted | None:
        """The record keyed `key`, searched around the entry's times (hidden ones count: they were posted)."""
        t1, t2 = mapping.times_of(entry, zone=self.zone, day_start=self.day_start)
        for record in self._records(t1 - _WINDOW, t2 + _WINDOW):
            if record["key"] == key:
                return Posted(self.name, key)
        return None

    # --- timer -----------------------------------------------------------------------------------

    def _running(self) -> list[dict[str, Any]]:
        now = self._now()
        records = self._records(now - 1, now + 1, running="1", hidden="0")
        return sorted((r for r in records if int(r["t1"]) == int(r["t2"])), key=lambda r: int(r["t1"]))

    def timer_start(self, entry: Entry) -> Posted:
        """Start a timer now (a record with `t1 == t2`), stopping a running one first."""
        self.timer_stop()
        now = self._now()
        key = str(uuid.uuid4())
        self._put({"key": key, "t1": now, "t2": now, "ds": mapping.ds_from(entry), "mt": now, "st": 0})
        return Posted(self.name, key)

    def timer_stop(self) -> Posted | None:
        """Stop every running timer (`t2 = now`); returns the latest, or None when none ran."""
        stopped: Posted | None = None
        for record in self._running():
            now = self._now()
            t1 = int(record["t1"])
            mt = max(now, int(record.get("mt") or 0) + 1)
            self._put({"key": record["key"], "t1": t1, "t2": max(now, t1 + 1), "ds": record.get("ds") or "",
                       "mt": mt, "st": 0})
            stopped = Posted(self.name, str(record["key"]))
        return stopped

    def timer_current(self) -> RemoteEntry | None:
        """The running timer (the latest if several), or None."""
        running = self._running()
        return self._remote(running[-1]) if running else None

    def close(self) -> None:
        """Close the HTTP client."""
        self.client.close()

    def __repr__(self) -> str:
        return f"TimeTaggerProvider({self.client.base_url!r})"


PROVIDER = TimeTaggerProvider
