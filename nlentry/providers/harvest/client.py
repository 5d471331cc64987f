"""The Harvest provider (API v2): catalog, entries and timers (spec/providers.md section 7).

What is sent and why:

- headers on every request, all required: `Authorization: Bearer <token>` (a personal access token),
  `Harvest-Account-Id` and `User-Agent: nlentry (<contact>)`; a refused token's message says where to
  make one;
- account: the `account_id` setting; `nlentry login`/`init` list the token's accounts to pick from;
- catalog: `GET /users/me/project_assignments` (paged): projects with their client and the tasks
  the user may log to, which are the services; no aliases (nlentry's own alias store adds them);
- create: `POST /time_entries` with `project_id`, `task_id`, `spent_date`, `notes` and decimal
  `hours` (or `started_time`/`ended_time` on a timestamp account, setting `timestamps`); a Harvest
  entry needs a task: the phrase's service, else the project's default task (`default_tasks`,
  `default_task`), else the entry is refused with a message asking for one;
- update `PATCH`, delete `DELETE` on `/time_entries/{id}`; list `GET /time_entries?from=&to=&user_id=`;
- timers: a create without `hours` runs; `?is_running=true`; `PATCH /time_entries/{id}/stop`;
- limits: 100 requests per 15 s kept on our side; a 429's `Retry-After` pauses the client.

No client-chosen ids (`external_reference` is no uniqueness key): a retried create is made safe by
`find_posted`, comparing every field sent.
"""

from __future__ import annotations

import threading
import time as _time
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING, Any, ClassVar

from nlentry.model import Catalog, Entry
from nlentry.providers import _tracker
from nlentry.providers.base import AuthError, Posted, ProviderError, RemoteEntry
from nlentry.providers.harvest import assumptions, mapping

if TYPE_CHECKING:
    import httpx

    from nlentry.providers._http.ratelimit import RateLimiter


class HarvestProvider(_tracker.TrackerProvider):
    """Harvest as an nlentry provider.

    Usage::

        harvest = HarvestProvider(token="...", account_id="123456", default_tasks={"Webshop": "Design"})
        harvest.create(entry, key=idempotency_key)

    Parameters:
        token: a personal access token; account_id: the Harvest account to book in.
        contact: the contact Harvest's required `User-Agent` names (an e-mail address or URL).
        default_tasks: project name or id -> task name or id, for phrases that name no task;
        default_task: the task for every other project.
        timestamps: the account tracks start and end times (send `started_time`/`ended_time`).
        tz: the user's zone (for a running timer's day and start).
        limiter: the client-side budget (default: 100 requests per 15 s).
        base_url, transport, timeout, max_wait, clock: as for every HTTP provider.
    """

    name: ClassVar[str] = "harvest"
    title: ClassVar[str] = "Harvest"
    DEFAULT_BASE_URL: ClassVar[str] = assumptions.BASE_URL
    workspace_setting: ClassVar[str] = "account_id"

    def __init__(self, *, token: str, account_id: str | None = None, contact: str = assumptions.CONTACT,
                 default_tasks: Mapping[str, Any] | None = None, default_task: str | None = None,
                 timestamps: bool = False, tz: tzinfo | None = None, base_url: str = DEFAULT_BASE_URL,
                 transport: httpx.BaseTransport | None = None, timeout: float = 15.0, max_wait: float = 30.0,
                 limiter: RateLimiter | None = None, clock: Callable[[], float] = _time.time) -> None:
        if not token:
            raise AuthError(
                f"harvest: no personal access token configured ([providers.harvest] token); "
                f"{assumptions.TOKEN_HELP}"
            )
        if account_id is not None and not str(account_id).isdigit():
            raise ProviderError("harvest: setting 'account_id' must be a number")
        from nlentry.providers._http.ratelimit import RateLimiter
        from nlentry.providers._http.tracker import TrackerApi
        from nlentry.providers.harvest.auth import harvest_auth

        self.account_id = account_id
        self.default_tasks = dict(default_tasks or {})
        self.default_task = default_task
        self.timestamps = timestamps
        self.tz = tz
        self._clock = clock
        self._uid: Any = None
        self._assignments: mapping.Assignments | None = None
        self._lock = threading.Lock()
        limiter = limiter or RateLimiter(assumptions.RATE_LIMIT, assumptions.RATE_PERIOD,
                                         max_wait=max_wait)
        self._api = TrackerApi.open(base_url, harvest_auth(token, account_id), provider=self.name,
                                    auth_hint=assumptions.TOKEN_HELP, limiter=limiter,
                                    pause_on_429=assumptions.RATE_PERIOD, transport=transport,
                                    timeout=timeout, clock=clock,
                                    headers={"User-Agent": assumptions.USER_AGENT.format(contact=contact)})

    @classmethod
    def from_settings(
        cls, settings: Mapping[str, Any], *, transport: httpx.BaseTransport | None = None
    ) -> HarvestProvider:
        """Build from `[providers.harvest]`: `token` (required), `account_id`, `contact`, `default_tasks`
        (a table), `default_task`, `timestamps`, `timezone`, `base_url`, `timeout`, `max_wait`."""
        from nlentry.providers._http.settings import Settings

        s = Settings(cls.name, settings)
        tasks = settings.get("default_tasks") or {}
        if not isinstance(tasks, Mapping):
            raise ProviderError("harvest: setting 'default_tasks' must be a table: project = task")
        return cls(
            token=s.text("token") or "",
            account_id=s.text("account_id"),
            contact=s.text("contact") or assumptions.CONTACT,
            default_tasks=tasks,
            default_task=s.text("default_task"),
            timestamps=str(settings.get("timestamps", "")).lower() in ("1", "true", "yes"),
            tz=s.zone(),
            base_url=s.text("base_url") or cls.DEFAULT_BASE_URL,
            transport=transport,
            timeout=s.number("timeout", 15.0),
            max_wait=s.number("max_wait", 30.0),
        )

    # --- account ---------------------------------------------------------------------------------

    def _ready(self) -> None:
        """Every route of the API needs `Harvest-Account-Id`: refuse before sending when none is chosen."""
        if self.account_id is None:
            raise AuthError(
                "harvest: no account chosen ([providers.harvest] account_id); "
                "'nlentry login harvest' lists your accounts"
            )

    def _json(self, method: str, path: str, **kwargs: Any) -> Any:
        """`Api.json` once an account is chosen."""
        self._ready()
        return self._api.json(method, path, **kwargs)

    def workspaces(self) -> list[_tracker.Workspace]:
        """The Harvest accounts this token may use (Harvest ID's account list)."""
        return mapping.accounts(self._api.json("GET", assumptions.ACCOUNTS_URL, expect=dict))

    @property
    def user_id(self) -> Any:
        """The signed-in user's id (entries are listed for this user only)."""
        if self._uid is None:
            self._uid = self._json("GET", assumptions.ME_ROUTE, expect=dict).get("id")
        return self._uid

    # --- catalog ---------------------------------------------------------------------------------

    def _pages(self, path: str, key: str, params: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
        """Every row of a paged list (`page`, `per_page`, `next_page`)."""
        for page in range(1, assumptions.MAX_PAGES + 1):
            data = self._json(
                "GET", path, params={**params, "page": page, "per_page": assumptions.PER_PAGE}, expect=dict
            )
            rows = data.get(key)
            yield from (r for r in rows if isinstance(r, dict)) if isinstance(rows, list) else ()
            if not data.get("next_page"):
                return

    def _load_assignments(self) -> mapping.Assignments:
        assignments = mapping.Assignments()
        assignments.add(list(self._pages(assumptions.ASSIGNMENTS_ROUTE, "project_assignments", {})))
        with self._lock:
            self._assignments = assignments
        return assignments

    def fetch_catalog(self) -> Catalog:
        """Projects (with clients) the user is assigned to, and their tasks as services."""
        return self._load_assignments().catalog()

    # --- entries ---------------------------------------------------------------------------------

    def _now(self) -> datetime:
        return self._utcnow().astimezone(_tracker.local_zone(self.tz))

    def _body(self, entry: Entry, *, running: bool = False) -> dict[str, Any]:
        assignments = self._assignments
        if (
            assignments is None
            and entry.project is not None
            and (entry.service is None or entry.service.id is None)
        ):
            assignments = self._load_assignments()  # the project's tasks, to find its default task
        task = (
            mapping.task_for(entry, assignments, self.default_tasks, self.default_task)
            if entry.project is not None
            else None
        )
        return mapping.entry_body(
            entry, task_id=task, timestamps=self.timestamps, running=running, now=self._now()
        )

    def update(self, remote_id: str, entry: Entry) -> Posted:
        """Replace the entry's project, task, day, length and notes."""
        self._json("PATCH", f"{assumptions.ENTRIES_ROUTE}/{self._path_id(remote_id)}", json=self._body(entry))
        return Posted(self.name, remote_id)

    def delete(self, remote_id: str) -> None:
        """Delete the entry; one already gone (404) counts as deleted."""
        path = f"{assumptions.ENTRIES_ROUTE}/{self._path_id(remote_id)}"
        self._ready()
        self._api.request("DELETE", path, missing_ok=True)

    def _mine(self, **params: Any) -> list[dict[str, Any]]:
        return list(
            self._pages(assumptions.ENTRIES_ROUTE, "time_entries", {"user_id": self.user_id, **params})
        )

    def _rows(self, day: date) -> list[dict[str, Any]]:
        return self._mine(**{"from": day.isoformat(), "to": day.isoformat()})

    def _create_path(self) -> str:
        self._ready()
        return assumptions.ENTRIES_ROUTE

    def _sent(self, row: dict[str, Any], body: dict[str, Any]) -> bool:
        return mapping.sent(row, body)

    def _remote(self, row: dict[str, Any], now: datetime) -> RemoteEntry | None:
        return mapping.remote_entry(row, now=now)

    # --- timers (starting and reading: `TrackerProvider`; no `hours`: a timer runs) ----------------

    def _running(self) -> dict[str, Any] | None:
        return next(iter(self._mine(is_running="true")), None)

    def timer_stop(self) -> Posted | None:
        """Stop the running entry (`PATCH /time_entries/{id}/stop`); None when nothing runs."""
        row = self._running()
        if row is None:
            return None
        self._json("PATCH", assumptions.STOP_ROUTE.format(id=self._path_id(str(row["id"]))))
        return Posted(self.name, str(row["id"]))
