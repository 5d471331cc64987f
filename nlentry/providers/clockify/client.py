"""The Clockify provider: catalog, entries and timers (spec/providers.md section 6).

What is sent and why:

- auth: `X-Api-Key: <key>` (`auth.clockify_auth`); a refused key's message says where to make one;
- workspace and user: the `workspace_id` setting, else the user's active workspace (`GET /user`,
  which also gives the user id the time-entry routes need);
- catalog: the workspace's clients and projects and, as services, its tags or the projects' tasks
  (setting `services`), `page-size` 5000 so a large workspace costs few requests; no aliases;
- create: `POST /workspaces/{wid}/time-entries` with `start`/`end` UTC instants (no `end`: a running
  timer); update `PUT`, delete `DELETE` on `/workspaces/{wid}/time-entries/{id}`; list
  `GET /workspaces/{wid}/user/{uid}/time-entries?start=&end=` (answers carry `PT1H30M` durations);
- timers: the running entry is `?in-progress=true`; stop with `PATCH .../user/{uid}/time-entries`
  and `{"end": ...}`;
- limits: 50 requests a second on our side by default (settings `rate_limit`, `rate_period` for a
  Free workspace's 30 an hour); a 429 holds the client back.

No client-chosen ids: a retried create is made safe by `find_posted`, comparing every field sent.
"""

from __future__ import annotations

import re
import time as _time
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime, time, tzinfo
from typing import TYPE_CHECKING, Any, ClassVar

from nlentry.model import Catalog, Entry
from nlentry.providers import _tracker
from nlentry.providers.base import AuthError, Posted, ProviderError, RejectedError, RemoteEntry
from nlentry.providers.clockify import assumptions, mapping

if TYPE_CHECKING:
    import httpx

    from nlentry.providers._http.ratelimit import RateLimiter


class ClockifyProvider(_tracker.TrackerProvider):
    """Clockify as an nlentry provider.

    Usage::

        clockify = ClockifyProvider(api_key="...", workspace_id="64a...")
        clockify.create(entry, key=idempotency_key)

    Parameters:
        api_key: the API key (Profile settings -> API).
        workspace_id: the workspace to book in (default: the user's active workspace).
        services: `tags` (default) or `tasks`; persons: `description` (default) or `tags`.
        tz, day_start: the user's zone and the start of an entry with no clock time.
        rate_limit, rate_period: the client-side budget (default 50 a second); limiter: one of your own.
        base_url, transport, timeout, max_wait, clock: as for every HTTP provider.
    """

    name: ClassVar[str] = "clockify"
    title: ClassVar[str] = "Clockify"
    DEFAULT_BASE_URL: ClassVar[str] = assumptions.BASE_URL

    def __init__(self, *, api_key: str, workspace_id: str | None = None, services: str = "tags",
                 persons: str = "description", tz: tzinfo | None = None,
                 day_start: time | str = assumptions.DAY_START,
                 rate_limit: int | None = assumptions.RATE_LIMIT,
                 rate_period: float = assumptions.RATE_PERIOD, base_url: str = DEFAULT_BASE_URL,
                 transport: httpx.BaseTransport | None = None, timeout: float = 15.0, max_wait: float = 30.0,
                 limiter: RateLimiter | None = None, clock: Callable[[], float] = _time.time) -> None:
        if not api_key:
            raise AuthError(
                f"clockify: no API key configured ([providers.clockify] token); {assumptions.TOKEN_HELP}"
            )
        _tracker.check_choices(self.name, services, persons)
        from nlentry.providers._http.ratelimit import RateLimiter
        from nlentry.providers._http.tracker import TrackerApi
        from nlentry.providers.clockify.auth import clockify_auth

        self._wid = workspace_id
        self._uid: str | None = None
        self._tags: dict[str, str] | None = None
        self.services, self.persons, self.tz = services, persons, tz
        self.day_start = mapping.day_start(day_start)
        self._clock = clock
        self._api = TrackerApi.open(
            base_url,
            clockify_auth(api_key),
            provider=self.name,
            auth_hint=assumptions.TOKEN_HELP,
            limiter=limiter or RateLimiter(rate_limit, rate_period, max_wait=max_wait),
            pause_on_429=assumptions.PAUSE_ON_429,
            transport=transport,
            timeout=timeout,
            clock=clock,
        )

    @classmethod
    def from_settings(
        cls, settings: Mapping[str, Any], *, transport: httpx.BaseTransport | None = None
    ) -> ClockifyProvider:
        """Build from `[providers.clockify]`: `token` (the API key, required), `workspace_id`, `services`,
        `persons`, `timezone`, `day_start`, `rate_limit`, `rate_period`, `base_url`, `timeout`, `max_wait`."""
        from nlentry.providers._http.settings import Settings

        s = Settings(cls.name, settings)
        return cls(
            api_key=s.text("token") or s.text("api_key") or "",
            workspace_id=s.text("workspace_id"),
            services=s.text("services", "tags") or "tags",
            persons=s.text("persons", "description") or "description",
            tz=s.zone(),
            day_start=s.clock_time("day_start", mapping.day_start(assumptions.DAY_START)),
            rate_limit=s.whole("rate_limit") or assumptions.RATE_LIMIT,
            rate_period=s.number("rate_period", assumptions.RATE_PERIOD),
            base_url=s.text("base_url") or cls.DEFAULT_BASE_URL,
            transport=transport,
            timeout=s.number("timeout", 15.0),
            max_wait=s.number("max_wait", 30.0),
        )

    # --- workspace and user ----------------------------------------------------------------------

    def _user(self) -> dict[str, Any]:
        user: dict[str, Any] = self._api.json("GET", "user", expect=dict)
        self._uid = str(user.get("id") or "") or None
        return user

    @property
    def workspace_id(self) -> str:
        """The workspace booked in: the setting, else the user's active one (asked once)."""
        if self._wid is None:
            user = self._user()
            wid = user.get("activeWorkspace") or user.get("defaultWorkspace")
            if not wid:
                raise ProviderError("clockify: the account names no active workspace; set workspace_id")
            self._wid = str(wid)
        return self._wid

    @property
    def user_id(self) -> str:
        """The signed-in user's id (the time-entry routes name it)."""
        if self._uid is None:
            self._user()
        if self._uid is None:
            raise ProviderError("clockify: GET /user answered no user id")
        return self._uid

    def workspaces(self) -> list[_tracker.Workspace]:
        """Every workspace of the user, the active one marked."""
        return mapping.workspaces(self._api.json("GET", "workspaces", expect=list), self._user())

    # --- catalog ---------------------------------------------------------------------------------

    def _paged(self, route: str, params: Mapping[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        paged = route.rsplit("/", 1)[-1] in (*assumptions.PAGED, "projects")
        for page in range(1, assumptions.MAX_PAGES + 1):
            query = {
                **(params or {}),
                **({"page": page, "page-size": assumptions.PAGE_SIZE} if paged else {}),
            }
            rows = self._api.json("GET", route, params=query, expect=list)
            yield from (r for r in rows if isinstance(r, dict))
            if not paged or len(rows) < assumptions.PAGE_SIZE:
                return

    def fetch_catalog(self) -> Catalog:
        """The workspace's clients and projects, and its tags or the projects' tasks as services."""
        wid = self.workspace_id
        clients = list(self._paged(f"workspaces/{wid}/clients"))
        projects = list(self._paged(f"workspaces/{wid}/projects"))
        tags = list(self._paged(f"workspaces/{wid}/tags"))
        self._tags = mapping.tag_index(tags)
        services = (
            tags
            if self.services == "tags"
            else [
                task
                for p in projects
                if not p.get("archived")
                for task in self._paged(f"workspaces/{wid}/projects/{p['id']}/tasks")
            ]
        )
        return mapping.catalog_from(clients, projects, services)

    def _tag_ids(self) -> dict[str, str]:
        if self._tags is None:
            self._tags = mapping.tag_index(list(self._paged(f"workspaces/{self.workspace_id}/tags")))
        return self._tags

    # --- entries ---------------------------------------------------------------------------------

    def _body(self, entry: Entry, *, running: bool = False) -> dict[str, Any]:
        if running:
            start, end = self._utcnow(), None
        else:
            _tracker.need_duration(self.name, entry)
            start, end = _tracker.span(entry, tz=self.tz, day_start=self.day_start)
        wanted = bool(entry.tags) or (self.persons == "tags" and bool(entry.persons))
        return mapping.entry_body(
            entry,
            start=start,
            end=end,
            services=self.services,
            persons=self.persons,
            tags=self._tag_ids() if wanted else {},
        )

    def _entry_path(self, remote_id: str = "") -> str:
        if remote_id and not re.fullmatch(assumptions.ID_PATTERN, remote_id):
            raise RejectedError(f"clockify: {remote_id!r} is not a Clockify entry id")
        return f"workspaces/{self.workspace_id}/time-entries" + (f"/{remote_id}" if remote_id else "")

    def update(self, remote_id: str, entry: Entry) -> Posted:
        """Replace the entry's start, end, text, project, task and tags."""
        self._api.json("PUT", self._entry_path(remote_id), json=self._body(entry))
        return Posted(self.name, remote_id)

    def delete(self, remote_id: str) -> None:
        """Delete the entry; one already gone (404) counts as deleted."""
        self._api.request("DELETE", self._entry_path(remote_id), missing_ok=True)

    def _user_entries(self, **params: Any) -> Iterator[dict[str, Any]]:
        return self._paged(f"workspaces/{self.workspace_id}/user/{self.user_id}/time-entries", params)

    def _rows(self, day: date) -> list[dict[str, Any]]:
        begin, end = _tracker.day_bounds(day, self.tz)
        return list(self._user_entries(start=_tracker.utc_text(begin), end=_tracker.utc_text(end)))

    def _create_path(self) -> str:
        return self._entry_path()

    def _sent(self, row: dict[str, Any], body: dict[str, Any]) -> bool:
        return mapping.sent(row, body)

    def _remote(self, row: dict[str, Any], now: datetime) -> RemoteEntry | None:
        return mapping.remote_entry(row, tz=self.tz, now=now, services=self.services)

    # --- timers (starting and reading: `TrackerProvider`) ------------------------------------------

    def _running(self) -> dict[str, Any] | None:
        return next(iter(self._user_entries(**{"in-progress": "true"})), None)

    def timer_stop(self) -> Posted | None:
        """Stop the running entry now; None when nothing runs."""
        row = self._running()
        if row is None:
            return None
        self._api.json(
            "PATCH",
            assumptions.STOP_ROUTE.format(wid=self.workspace_id, uid=self.user_id),
            json={"end": _tracker.utc_text(self._utcnow())},
        )
        return Posted(self.name, str(row["id"]))
