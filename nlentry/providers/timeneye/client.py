"""The Timeneye provider (the current API, `https://api.timeneye.com/api/v1`).

What is sent and why (see `spec/providers.md` section 2):

- auth: `Authorization: Bearer` with a personal access token, or an OAuth token (PKCE login in
  `auth.py`) that is refreshed when it expires (1 day) or on a 401, then the request is retried once;
- catalog: `GET /projects` with phases loaded (a phase is the service) and `GET /clients`;
- create: `POST /entries` in minutes, with the phrase as `notes`;
- list: `GET /entries?date_from=&date_to=&page=&per_page=100`, Laravel pages (`meta.last_page`);
- update `PATCH /entries/{id}` and delete `DELETE /entries/{id}`: assumed, the resource routes that
  go with `GET`/`POST /entries` in Laravel (every value no document states is in `assumptions.py`);
  timers are unknown, so `Capability.TIMER` is not declared;
- rate limit: 500 (free) or 2000 (business, pro) requests per 5 minutes, kept on the client side by a
  `RateLimiter`; a 429's `Retry-After` / `X-RateLimit-Reset` pauses the client and becomes `retry_after`.

Timeneye has no client-chosen ids: a retried post is made safe by `find_posted` (same day, minutes, notes).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from nlentry.model import Catalog, Entry, Id
from nlentry.providers._hosted import HostedProvider
from nlentry.providers.base import (
    AuthError,
    Capability,
    Posted,
    ProviderError,
    RejectedError,
    RemoteEntry,
    TransientError,
    Unsupported,
)
from nlentry.providers.timeneye import assumptions, mapping

if TYPE_CHECKING:
    import httpx

    from nlentry.providers._http.oauth import OAuthToken
    from nlentry.providers._http.ratelimit import RateLimiter

PLAN_LIMITS = assumptions.PLAN_LIMITS


class TimeneyeProvider(HostedProvider):
    """Timeneye as an nlentry provider.

    Usage::

        timeneye = TimeneyeProvider(token="<personal access token>")
        timeneye = TimeneyeProvider(oauth_token=stored, client_id="my-app", save_token=store)

    Parameters:
        token: a personal access token (Timeneye profile; valid a year).
        oauth_token: an app's token (an `OAuthToken` or its `to_dict()`), refreshed as needed.
        client_id, client_secret: the app's id (and secret, if it has one) for refreshing.
        save_token: called with every refreshed token, to keep it (refresh tokens rotate).
        plan: `free` (500 requests per 5 minutes) or `business`/`pro` (2000); `rate_limit` overrides.
        max_wait: longest the client waits for its rate limit before giving the entry back to the outbox.
        user_id: your Timeneye user id; when set, listing asks for your entries only (`member_ids[]`).
        base_url: the API root; transport, timeout, clock: as for every HTTP provider.
    """

    name: ClassVar[str] = "timeneye"
    title: ClassVar[str] = "Timeneye"
    capabilities: ClassVar[frozenset[Capability]] = frozenset(
        {Capability.CATALOG, Capability.CREATE, Capability.UPDATE, Capability.DELETE, Capability.LIST}
    )
    DEFAULT_BASE_URL: ClassVar[str] = assumptions.BASE_URL

    def __init__(
        self,
        *,
        token: str | None = None,
        oauth_token: OAuthToken | Mapping[str, Any] | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        save_token: Callable[[OAuthToken], None] | None = None,
        plan: str = "free",
        rate_limit: int | None = None,
        max_wait: float = 30.0,
        user_id: int | str | None = None,
        base_url: str = DEFAULT_BASE_URL,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 15.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        from nlentry.providers._http.client import Api
        from nlentry.providers._http.oauth import first_token
        from nlentry.providers._http.ratelimit import RateLimiter
        from nlentry.providers.timeneye.auth import SERVER

        current = first_token(oauth_token, token, missing="timeneye: no token configured "
                              "([providers.timeneye] token, or an OAuth login)")
        if plan not in PLAN_LIMITS:
            raise ProviderError(f"timeneye: unknown plan {plan!r} (one of {', '.join(PLAN_LIMITS)})")
        self.auth = SERVER.bearer(current, base_url=base_url, client_id=client_id,
                                  client_secret=client_secret, save=save_token, clock=clock)
        self.user_id = user_id
        self._api = Api.connect(
            base_url, self.auth, provider=self.name, transport=transport, timeout=timeout,
            limiter=RateLimiter(rate_limit or PLAN_LIMITS[plan], assumptions.RATE_WINDOW, max_wait=max_wait),
            clock=clock,
        )
        self._phases: mapping.PhaseIndex | None = None
        self._refetched = False  # a project missing from the phase index refetches the catalog once
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any], *,
                      transport: httpx.BaseTransport | None = None) -> TimeneyeProvider:
        """Build from `[providers.timeneye]`.

        Credentials: `token` (a personal access token), else the OAuth token kept in
        `<data_dir>/timeneye-oauth.json` (or `access_token`/`refresh_token`/`expires_at`) with
        `client_id` (and `client_secret`); refreshed tokens are written back to that file.
        Also: `plan`, `rate_limit`, `max_wait`, `user_id`, `base_url`, `timeout`.
        """
        from nlentry.providers._http.settings import Settings
        from nlentry.providers._http.tokens import oauth_settings

        s = Settings(cls.name, settings)
        token, save = oauth_settings(s)
        return cls(oauth_token=token, client_id=s.text("client_id"), client_secret=s.text("client_secret"),
                   save_token=save, plan=s.text("plan") or "free", rate_limit=s.whole("rate_limit"),
                   max_wait=s.number("max_wait", 30.0), user_id=s.text("user_id"),
                   base_url=s.text("base_url") or cls.DEFAULT_BASE_URL, transport=transport,
                   timeout=s.number("timeout", 15.0))

    @property
    def limiter(self) -> RateLimiter:
        """The client-side rate limiter (500 or 2000 requests per 5 minutes)."""
        return self._api.limiter

    def _pages(self, path: str, params: Mapping[str, Any], **kwargs: Any) -> Iterator[dict[str, Any]]:
        """Every row of a paginated list, following `meta.last_page`."""
        for number in range(1, assumptions.MAX_PAGES + 1):
            answer = self._api.json("GET", path, params={**params, "page": number}, expect=(list, dict),
                                    **kwargs)
            rows, last = mapping.page(answer)
            yield from rows
            if not rows or last is None or number >= last:
                return

    # --- catalog ---------------------------------------------------------------------------------

    def fetch_catalog(self) -> Catalog:
        """Projects with their phases (phases are the services) and clients; no aliases, no people."""
        # how phases are asked for is unknown: both forms are sent (Laravel merges them)
        query = {**assumptions.PHASES_QUERY, "per_page": assumptions.PER_PAGE}
        projects = list(self._pages("projects", query, json=assumptions.PHASES_BODY))
        try:
            clients = list(self._pages("clients", {"per_page": assumptions.PER_PAGE}))
        except (AuthError, RejectedError):
            clients = []  # ASSUMED: GET /clients may be closed to members or absent; clients are optional
        catalog, phases = mapping.catalog_from(projects, clients)
        with self._lock:
            self._phases = phases
        return catalog

    def _phase_for(self, entry: Entry) -> Id | None:
        """The phase id to send: the entry's service mapped into its project (catalog fetched if needed)."""
        if entry.project is None or entry.project.id is None:
            return entry.service.id if entry.service is not None else None
        project = str(entry.project.id)
        if self._phases is None or (project not in self._phases and not self._refetched):
            self._refetched = self._phases is not None
            self.fetch_catalog()
        assert self._phases is not None
        if project not in self._phases:  # unknown here: let Timeneye judge the ids as given
            return entry.service.id if entry.service is not None else None
        return mapping.choose_phase(self._phases[project], entry.service, project=entry.project.name)

    # --- entries ---------------------------------------------------------------------------------

    def create(self, entry: Entry, *, key: str) -> Posted:
        """Post the entry in minutes. `key` is not sent (no place for it); retries rely on `find_posted`."""
        body = mapping.entry_body(entry, self._phase_for(entry))
        created = mapping.entry_object(self._api.json("POST", "entries", json=body))
        if created is not None:
            return Posted(self.name, mapping.entry_id(created))
        # Stored, but where? Only the outbox knows which ids its other items own: an unknown outcome,
        # looked up by the next flush with those excluded (docs/outbox.md, rules 1 and 3).
        raise TransientError("timeneye: the entry was accepted but the answer carried no id; "
                             "'nlentry flush' looks it up", maybe_received=True)

    def update(self, remote_id: str, entry: Entry) -> Posted:
        """Replace the entry's minutes, date, project, phase and notes."""
        body = mapping.entry_body(entry, self._phase_for(entry))
        self._api.request("PATCH", assumptions.ENTRY_ROUTE.format(id=self._path_id(remote_id)), json=body)
        return Posted(self.name, remote_id)

    def delete(self, remote_id: str) -> None:
        """Delete the entry; one already gone (404) counts as deleted."""
        path = assumptions.ENTRY_ROUTE.format(id=self._path_id(remote_id))
        self._api.request("DELETE", path, missing_ok=True)

    def list_day(self, day: date) -> list[RemoteEntry]:
        """The entries of one day, all pages (yours only when `user_id` is set)."""
        params: dict[str, Any] = {"date_from": day.isoformat(), "date_to": day.isoformat(),
                                  "per_page": assumptions.PER_PAGE}
        if self.user_id is not None:
            params["member_ids[]"] = self.user_id
        remotes = [mapping.remote_entry(row, day=day) for row in self._pages("entries", params)]
        return [r for r in remotes if r.date == day]

    def find_posted(self, entry: Entry, key: str, *, exclude: frozenset[str] = frozenset()) -> Posted | None:
        """An entry with the same day, minutes and notes (and project) at Timeneye, not one in `exclude`."""
        for remote in self.list_day(entry.date):
            if remote.remote_id not in exclude and mapping.matches(remote, entry):
                return Posted(self.name, remote.remote_id)
        return None

    # --- timer -----------------------------------------------------------------------------------

    def timer_start(self, entry: Entry) -> Posted:
        """Unsupported: Timeneye's current API has no known timer endpoints."""
        raise Unsupported("timeneye: timers are not supported (no known endpoint in the current API)")

    def timer_stop(self) -> Posted | None:
        """Unsupported: see `timer_start`."""
        raise Unsupported("timeneye: timers are not supported (no known endpoint in the current API)")

    def timer_current(self) -> RemoteEntry | None:
        """Unsupported: see `timer_start`."""
        raise Unsupported("timeneye: timers are not supported (no known endpoint in the current API)")
