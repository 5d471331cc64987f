"""The Tyme provider (tyme-app.com): records with ids nlentry chooses, so a retried create is an update.

What is sent and why (see `spec/providers.md` section 4):

- auth: OAuth 2.0 with PKCE (`auth.py`); `Authorization: Bearer`, refreshed when expired or refused;
- catalog: `GET /data/search_entity?type=ProjectCategory|Project|TimedTask` (categories are the
  clients, tasks the services) and `GET /data/members` (the people);
- create and update: `POST /data/update_entity` with a `TimedTaskRecord` whose `id` is
  `nlentry-<idempotency key>`: Tyme creates or updates by that id, so posting twice leaves one record;
- times in UTC `Y-m-d H:i:s`, converted from the user's zone (`tz`, default: the system's);
- list: `GET /data/times?from=&to=&start=<offset>`; delete: `DELETE /data/entity?time_ids[]=<id>`;
- timer: a record without `time_end` runs; stopping sends the same id with a `time_end`.
"""

from __future__ import annotations

import threading
import time as _time
import uuid
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime, time, timezone, tzinfo
from typing import TYPE_CHECKING, Any, ClassVar

from nlentry.model import Catalog, Entry
from nlentry.providers._hosted import HostedProvider
from nlentry.providers.base import AuthError, Capability, Posted, RejectedError, RemoteEntry
from nlentry.providers.tyme import assumptions, mapping

if TYPE_CHECKING:
    import httpx

    from nlentry.providers._http.oauth import OAuthToken



class TymeProvider(HostedProvider):
    """Tyme as an nlentry provider.

    Usage::

        tyme = TymeProvider(oauth_token=stored, client_id="my-app", save_token=store,
                            tz=ZoneInfo("Europe/Amsterdam"))
        tyme.create(entry, key=idempotency_key)       # again with the same key: the same record

    Parameters:
        oauth_token: the token from the login (an `OAuthToken` or its `to_dict()`), refreshed as needed.
        token: a bare access token instead (no refresh).
        client_id, client_secret: the app's credentials, sent when refreshing.
        save_token: called with every refreshed token (Tyme replaces the refresh token each time).
        user_id: the Tyme user to book for and list (default: the token's own user, ASSUMED).
        tz: the user's zone (default: the system's); Tyme speaks UTC.
        day_start: start of an entry with no clock time (`"09:00"`), since Tyme needs start and end.
        rate_limit, rate_period, max_wait: a client-side budget (Tyme's is unknown: none by default).
        base_url, transport, timeout, clock: as for every HTTP provider.
    """

    name: ClassVar[str] = "tyme"
    title: ClassVar[str] = "Tyme"
    capabilities: ClassVar[frozenset[Capability]] = frozenset(Capability)
    DEFAULT_BASE_URL: ClassVar[str] = assumptions.BASE_URL

    def __init__(
        self,
        *,
        oauth_token: OAuthToken | Mapping[str, Any] | None = None,
        token: str | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        save_token: Callable[[OAuthToken], None] | None = None,
        user_id: str | None = None,
        tz: tzinfo | None = None,
        day_start: time | str = assumptions.DAY_START,
        rate_limit: int | None = assumptions.RATE_LIMIT,
        rate_period: float = assumptions.RATE_PERIOD,
        max_wait: float = 30.0,
        base_url: str = DEFAULT_BASE_URL,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 15.0,
        clock: Callable[[], float] = _time.time,
    ) -> None:
        from nlentry.providers._http.client import Api
        from nlentry.providers._http.oauth import first_token
        from nlentry.providers._http.ratelimit import RateLimiter
        from nlentry.providers.tyme.auth import SERVER

        current = first_token(oauth_token, token,
                              missing="tyme: not signed in (no OAuth token configured for [providers.tyme])")
        self.auth = SERVER.bearer(current, base_url=base_url, client_id=client_id,
                                  client_secret=client_secret, save=save_token, clock=clock)
        self.user_id = user_id
        self.tz = tz
        self.day_start = day_start if isinstance(day_start, time) else time.fromisoformat(day_start)
        self._clock = clock
        self._api = Api.connect(
            base_url, self.auth, provider=self.name, transport=transport, timeout=timeout,
            limiter=RateLimiter(rate_limit, rate_period, max_wait=max_wait),
            pause_on_429=rate_period,  # with no Retry-After, hold back one window
            clock=clock,
        )
        self._tasks: mapping.TaskIndex | None = None
        self._refetched = False
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any], *,
                      transport: httpx.BaseTransport | None = None) -> TymeProvider:
        """Build from `[providers.tyme]`.

        Credentials: the OAuth token kept in `<data_dir>/tyme-oauth.json` (or `access_token` /
        `refresh_token` / `expires_at`) with `client_id` (and `client_secret`), or a bare `token`;
        refreshed tokens are written back to that file. Also: `user_id`, `timezone`, `day_start`,
        `rate_limit`, `rate_period`, `max_wait`, `base_url`, `timeout`.
        """
        from nlentry.providers._http.settings import Settings
        from nlentry.providers._http.tokens import oauth_settings

        s = Settings(cls.name, settings)
        token, save = oauth_settings(s)
        return cls(oauth_token=token, client_id=s.text("client_id"), client_secret=s.text("client_secret"),
                   save_token=save, user_id=s.text("user_id"), tz=s.zone(),
                   day_start=s.clock_time("day_start", assumptions.DAY_START),
                   rate_limit=s.whole("rate_limit"),
                   rate_period=s.number("rate_period", assumptions.RATE_PERIOD),
                   max_wait=s.number("max_wait", 30.0),
                   base_url=s.text("base_url") or cls.DEFAULT_BASE_URL, transport=transport,
                   timeout=s.number("timeout", 15.0))

    def _now(self) -> datetime:
        return datetime.fromtimestamp(self._clock(), timezone.utc)

    # --- catalog ---------------------------------------------------------------------------------

    def _search(self, kind: str) -> list[dict[str, Any]]:
        # ASSUMED: without `name` every entity of the type comes back (the n8n node omits an empty name).
        return mapping.rows(self._api.json("GET", "/data/search_entity", params={"type": kind},
                                           expect=(list, dict)))

    def fetch_catalog(self) -> Catalog:
        """Categories (clients), projects, tasks (services) and team members (people); no aliases."""
        categories, projects, tasks = (self._search(k) for k in ("ProjectCategory", "Project", "TimedTask"))
        try:
            members = mapping.rows(self._api.json("GET", "/data/members"))
        except (AuthError, RejectedError):
            members = []  # people are optional; the member list may be closed to this token
        catalog, index = mapping.catalog_from(categories, projects, tasks, members)
        with self._lock:
            self._tasks = index
        return catalog

    def _index(self, project: str | None = None) -> mapping.TaskIndex:
        """The task index, fetched once, and once more when `project` is missing from it."""
        missing = project is not None and self._tasks is not None and project not in self._tasks
        if self._tasks is None or (missing and not self._refetched):
            self._refetched = self._tasks is not None
            self.fetch_catalog()
        assert self._tasks is not None
        return self._tasks

    def _task_for(self, entry: Entry) -> str:
        if entry.project is None or entry.project.id is None:
            return mapping.choose_task({}, entry)
        project = str(entry.project.id)
        return mapping.choose_task(self._index(project), entry)

    # --- entries ---------------------------------------------------------------------------------

    def _put(self, entry: Entry, record_id: str) -> Posted:
        start, end = mapping.span(entry, tz=self.tz, day_start=self.day_start)
        body = mapping.record(entry, record_id=record_id, task_id=self._task_for(entry), start=start, end=end,
                              user_id=self.user_id)
        self._api.request("POST", "/data/update_entity", json=body)
        return Posted(self.name, record_id)

    def create(self, entry: Entry, *, key: str) -> Posted:
        """Create-or-update the record `nlentry-<key>`: a retry with the same key changes nothing."""
        return self._put(entry, mapping.record_id(key))

    def update(self, remote_id: str, entry: Entry) -> Posted:
        """Rewrite the record (ASSUMED: like every `update_entity`, an unknown id is created)."""
        return self._put(entry, remote_id)

    def delete(self, remote_id: str) -> None:
        """Delete the record; one already gone (404) counts as deleted."""
        self._api.request("DELETE", "/data/entity", params={"time_ids[]": remote_id}, missing_ok=True)

    def _times(self, first: date, last: date) -> Iterator[dict[str, Any]]:
        """Records from `first` to `last` (UTC dates), page after page by offset until a page is empty.

        `from`/`to` take UTC dates (`Y-m-d`, inclusive: `assumptions.TIMES_MARGIN`), hence the margin
        callers add; the page size is unknown, so the client stops at an empty page (or one it has
        already seen).
        """
        params: dict[str, Any] = {"from": first.isoformat(), "to": last.isoformat()}
        if self.user_id is not None:
            params["user_id"] = self.user_id
        seen: set[str] = set()
        for _ in range(assumptions.MAX_PAGES):
            answer = self._api.json("GET", "/data/times", params={**params, "start": len(seen)},
                                    expect=(list, dict))
            batch = [r for r in mapping.rows(answer) if str(r.get("id", "")) not in seen]
            if not batch:
                return
            for row in batch:
                seen.add(str(row.get("id", "")))
                yield row

    def _remote(self, rows: list[dict[str, Any]]) -> list[RemoteEntry]:
        projects: dict[str, str] = {}
        if any("project_id" not in r for r in rows):
            projects = {t.id: t.project_id for ts in self._index().values() for t in ts if t.project_id}
        now = self._now()
        return [mapping.remote_entry(r, tz=self.tz, now=now, projects=projects) for r in rows]

    def list_day(self, day: date) -> list[RemoteEntry]:
        """The records starting on `day` in the user's zone (asked with a day's margin: Tyme is UTC)."""
        margin = assumptions.TIMES_MARGIN
        remotes = self._remote(list(self._times(day - margin, day + margin)))
        return sorted((r for r in remotes if r.date == day), key=lambda r: (r.start or time(), r.remote_id))

    def find_posted(self, entry: Entry, key: str, *, exclude: frozenset[str] = frozenset()) -> Posted | None:
        """The record `nlentry-<key>` if Tyme has it (searched around the entry's date), else None."""
        wanted = mapping.record_id(key)
        margin = assumptions.TIMES_MARGIN
        for row in self._times(entry.date - 2 * margin, entry.date + margin):
            if str(row.get("id")) == wanted:
                return Posted(self.name, wanted)
        return None

    # --- timer -----------------------------------------------------------------------------------

    def timer_start(self, entry: Entry) -> Posted:
        """Start a running record (no `time_end`) now, on the entry's task, with the phrase as note."""
        record_id = mapping.timer_id(uuid.uuid4().hex)
        body = mapping.record(entry, record_id=record_id, task_id=self._task_for(entry), start=self._now(),
                              end=None, user_id=self.user_id)
        self._api.request("POST", "/data/update_entity", json=body)
        return Posted(self.name, record_id)

    def _running(self) -> dict[str, Any] | None:
        today = self._now().date()
        rows = self._times(today - assumptions.TIMER_LOOKBACK, today + assumptions.TIMES_MARGIN)
        running = [r for r in rows if not r.get("time_end")]
        return max(running, key=lambda r: str(r.get("time_start", "")), default=None)

    def timer_current(self) -> RemoteEntry | None:
        """The running record (the latest one without `time_end`, started in the last two days), or None."""
        row = self._running()
        return self._remote([row])[0] if row is not None else None

    def timer_stop(self) -> Posted | None:
        """Stop the running record by giving it a `time_end` of now; None when nothing runs."""
        row = self._running()
        if row is None:
            return None
        task = next((row[f] for f in assumptions.PARENT_FIELDS if row.get(f)), None)
        body = {"type": "TimedTaskRecord", "id": row["id"], **dict.fromkeys(assumptions.PARENT_FIELDS, task),
                "time_start": row.get("time_start"), "time_end": mapping.wire_time(self._now()),
                "note": row.get("note", "")}
        self._api.request("POST", "/data/update_entity", json=body)
        return Posted(self.name, str(row["id"]))
