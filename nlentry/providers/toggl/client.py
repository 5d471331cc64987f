"""The Toggl Track provider (API v9): catalog, entries and timers (spec/providers.md section 5).

What is sent and why:

- auth: HTTP Basic `<api_token>:api_token` (`auth.toggl_auth`); a refused token's message says where
  the right one is;
- workspace: the `workspace_id` setting, else the user's `default_workspace_id` (`GET /me`);
- catalog: the workspace's clients, projects (paged) and, as services, its tags or the projects'
  tasks (setting `services`); no aliases (nlentry's own alias store adds them);
- create: `POST /workspaces/{wid}/time_entries` with `created_with`, `workspace_id` (equal to the
  path's), `start` (RFC 3339, UTC) and `duration` in seconds; update `PUT`, delete `DELETE` on
  `/workspaces/{wid}/time_entries/{id}`; list `GET /me/time_entries?start_date=&end_date=`;
- timers: a negative `duration` runs; `GET /me/time_entries/current`; `PATCH .../{id}/stop`;
- limits: one request a second on our side (the leaky bucket's safe rate), a 429 holds the client
  back a second; a 402 (the hourly quota) is a `TransientError` saying until when, so the outbox
  keeps the entry and posts it after that.

Toggl has no client-chosen ids: a retried create is made safe by `find_posted`, which compares every
field sent. Values the spec does not state are in `assumptions.py`.
"""

from __future__ import annotations

import time as _time
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import TYPE_CHECKING, Any, ClassVar

from nlentry.model import Catalog, Entry
from nlentry.providers import _tracker
from nlentry.providers.base import AuthError, Posted, ProviderError, RemoteEntry, TransientError
from nlentry.providers.toggl import assumptions, mapping

if TYPE_CHECKING:
    import httpx

    from nlentry.providers._http.ratelimit import RateLimiter


class TogglProvider(_tracker.TrackerProvider):
    """Toggl Track as an nlentry provider.

    Usage::

        toggl = TogglProvider(token="...", workspace_id=777)
        toggl.create(entry, key=idempotency_key)

    Parameters:
        token: the API token (profile page).
        workspace_id: the workspace to book in (default: the user's default workspace).
        services: `tags` (default) or `tasks`: what stands for the kind of work.
        persons: `description` (default: names added to the text) or `tags`.
        tz: the user's zone (default: the system's); day_start: start of an entry with no clock time.
        limiter: the client-side budget (default: one request a second); tests pass one on a fake clock.
        base_url, transport, timeout, max_wait, clock: as for every HTTP provider.
    """

    name: ClassVar[str] = "toggl"
    title: ClassVar[str] = "Toggl Track"
    DEFAULT_BASE_URL: ClassVar[str] = assumptions.BASE_URL

    def __init__(self, *, token: str, workspace_id: int | str | None = None, services: str = "tags",
                 persons: str = "description", tz: tzinfo | None = None,
                 day_start: time | str = assumptions.DAY_START, base_url: str = DEFAULT_BASE_URL,
                 transport: httpx.BaseTransport | None = None, timeout: float = 15.0, max_wait: float = 30.0,
                 limiter: RateLimiter | None = None, clock: Callable[[], float] = _time.time) -> None:
        if not token:
            raise AuthError(
                f"toggl: no API token configured ([providers.toggl] token); {assumptions.TOKEN_HELP}"
            )
        _tracker.check_choices(self.name, services, persons)
        from nlentry.providers._http.ratelimit import RateLimiter
        from nlentry.providers._http.tracker import TrackerApi
        from nlentry.providers.toggl.auth import toggl_auth

        if workspace_id is not None and not str(workspace_id).isdigit():
            raise ProviderError("toggl: setting 'workspace_id' must be a number")
        self._wid = int(workspace_id) if workspace_id is not None else None
        self.services, self.persons, self.tz = services, persons, tz
        self.day_start = mapping.day_start(day_start)
        self._clock = clock
        self._quota_until = 0.0
        limiter = limiter or RateLimiter(assumptions.RATE_LIMIT, assumptions.RATE_PERIOD,
                                         max_wait=max_wait)
        self._api = TrackerApi.open(base_url, toggl_auth(token), provider=self.name,
                                    auth_hint=assumptions.TOKEN_HELP, limiter=limiter,
                                    pause_on_429=assumptions.RATE_PERIOD, transport=transport,
                                    timeout=timeout, special=self._quota, hold=self._held, clock=clock)

    @classmethod
    def from_settings(
        cls, settings: Mapping[str, Any], *, transport: httpx.BaseTransport | None = None
    ) -> TogglProvider:
        """Build from `[providers.toggl]`: `token` (required), `workspace_id`, `services` (tags|tasks),
        `persons` (description|tags), `timezone`, `day_start`, `base_url`, `timeout`, `max_wait`."""
        from nlentry.providers._http.settings import Settings

        s = Settings(cls.name, settings)
        return cls(
            token=s.text("token") or "",
            workspace_id=s.text("workspace_id"),
            services=s.text("services", "tags") or "tags",
            persons=s.text("persons", "description") or "description",
            tz=s.zone(),
            day_start=s.clock_time("day_start", mapping.day_start(assumptions.DAY_START)),
            base_url=s.text("base_url") or cls.DEFAULT_BASE_URL,
            transport=transport,
            timeout=s.number("timeout", 15.0),
            max_wait=s.number("max_wait", 30.0),
        )

    # --- limits ----------------------------------------------------------------------------------

    def _quota(self, response: httpx.Response, what: str) -> None:
        """A 402 is the hourly quota: remember until when, and say so (`_held`)."""
        if response.status_code != 402:
            return
        try:
            wait = float(response.headers.get(assumptions.QUOTA_RESETS_IN, ""))
        except ValueError:
            wait = assumptions.QUOTA_WINDOW
        self._quota_until = self._clock() + max(1.0, wait)
        self._held(what)

    def _held(self, what: str) -> None:
        """While the quota is used up: a `TransientError` saying until when, and nothing is sent
        (the outbox keeps the entry and posts it after that)."""
        wait = self._quota_until - self._clock()
        if wait <= 0:
            return
        until = datetime.fromtimestamp(self._quota_until, timezone.utc).astimezone(
            _tracker.local_zone(self.tz)
        )
        raise TransientError(
            f"toggl: {what}: hourly quota used up until {until:%H:%M} (HTTP 402: the API limit of "
            "your Toggl plan); entries wait in the outbox and 'nlentry flush' posts them after that",
            retry_after=round(wait),
        )

    # --- workspace -------------------------------------------------------------------------------

    @property
    def workspace_id(self) -> int:
        """The workspace booked in: the setting, else the user's default (asked once)."""
        if self._wid is None:
            me = self._api.json("GET", assumptions.ME_ROUTE, expect=dict)
            default = me.get("default_workspace_id")
            if not isinstance(default, int):
                raise ProviderError("toggl: the account names no default workspace; set workspace_id")
            self._wid = default
        return self._wid

    def workspaces(self) -> list[_tracker.Workspace]:
        """Every workspace of the user, the default one marked."""
        me = self._api.json("GET", assumptions.ME_ROUTE, expect=dict)
        rows = self._api.json("GET", assumptions.WORKSPACES_ROUTE, expect=list)
        return mapping.workspaces(rows, me.get("default_workspace_id"))

    # --- catalog ---------------------------------------------------------------------------------

    def _projects(self) -> Iterator[dict[str, Any]]:
        route = assumptions.PROJECTS_ROUTE.format(wid=self.workspace_id)
        for page in range(1, assumptions.MAX_PAGES + 1):
            rows = (
                self._api.json(
                    "GET",
                    route,
                    params={"page": page, "per_page": assumptions.PROJECTS_PER_PAGE},
                    expect=(list, type(None)),
                )
                or []
            )
            yield from rows
            if len(rows) < assumptions.PROJECTS_PER_PAGE:
                return

    def fetch_catalog(self) -> Catalog:
        """The workspace's clients and projects, and its tags or the projects' tasks as services."""
        wid = self.workspace_id
        clients = self._api.json("GET", assumptions.CLIENTS_ROUTE.format(wid=wid), expect=(list, type(None)))
        projects = list(self._projects())
        if self.services == "tags":
            services = self._api.json(
                "GET", assumptions.TAGS_ROUTE.format(wid=wid), expect=(list, type(None))
            )
        else:
            services = [
                task
                for p in projects
                if p.get("active", True) is not False
                for task in self._api.json(
                    "GET", assumptions.TASKS_ROUTE.format(wid=wid, pid=p["id"]), expect=(list, type(None))
                )
                or []
            ]
        return mapping.catalog_from(clients, projects, services)

    # --- entries ---------------------------------------------------------------------------------

    def _body(self, entry: Entry, *, running: bool = False) -> dict[str, Any]:
        if running:
            start, duration = self._utcnow(), -1
        else:
            duration = _tracker.need_duration(self.name, entry)
            start = _tracker.span(entry, tz=self.tz, day_start=self.day_start)[0]
        return mapping.entry_body(
            entry,
            workspace_id=self.workspace_id,
            start=start,
            duration=duration,
            services=self.services,
            persons=self.persons,
        )

    def _create_path(self) -> str:
        return assumptions.ENTRY_ROUTE.format(wid=self.workspace_id, id="").rstrip("/")

    def _sent(self, row: dict[str, Any], body: dict[str, Any]) -> bool:
        return mapping.sent(row, body)

    def _remote(self, row: dict[str, Any], now: datetime) -> RemoteEntry | None:
        return mapping.remote_entry(row, tz=self.tz, now=now, services=self.services)

    def update(self, remote_id: str, entry: Entry) -> Posted:
        """Replace the entry's start, duration, text, project, tags and task."""
        body = self._body(entry)
        self._api.json(
            "PUT",
            assumptions.ENTRY_ROUTE.format(wid=self.workspace_id, id=self._path_id(remote_id)),
            json=body,
        )
        return Posted(self.name, remote_id)

    def delete(self, remote_id: str) -> None:
        """Delete the entry; one already gone (404) counts as deleted."""
        self._api.request(
            "DELETE",
            assumptions.ENTRY_ROUTE.format(wid=self.workspace_id, id=self._path_id(remote_id)),
            missing_ok=True,
        )

    def _rows(self, day: date) -> list[dict[str, Any]]:
        """The raw rows of the workspace that start on `day` in the user's zone."""
        wid = self.workspace_id
        fmt = assumptions.LIST_DATE_FORMAT
        rows = (
            self._api.json(
                "GET",
                assumptions.LIST_ROUTE,
                expect=(list, type(None)),
                params={
                    "start_date": (day - timedelta(days=1)).strftime(fmt),
                    "end_date": (day + timedelta(days=2)).strftime(fmt),
                },
            )
            or []
        )
        zone = _tracker.local_zone(self.tz)
        return [
            r
            for r in mapping.in_workspace(rows, wid)
            if (start := _tracker.read_instant(r.get("start"))) is not None
            and start.astimezone(zone).date() == day
        ]

    # --- timers (starting and reading: `TrackerProvider`) ------------------------------------------

    def _running(self) -> dict[str, Any] | None:
        return mapping.current(self._api.json("GET", f"{assumptions.LIST_ROUTE}/current"))

    def timer_stop(self) -> Posted | None:
        """Stop the running entry (`PATCH .../stop`); None when nothing runs."""
        row = self._running()
        if row is None:
            return None
        wid = row.get("workspace_id", row.get("wid", self.workspace_id))
        self._api.json("PATCH", assumptions.STOP_ROUTE.format(wid=wid, id=self._path_id(str(row["id"]))))
        return Posted(self.name, str(row["id"]))
