"""An in-process emulator of Tyme's API (`spec/providers.md` section 4 and section 12).

Usage::

    fake = TymeFake()
    fake.load_catalog({"clients": [...], "projects": [...], "services": [...], "people": [...]})
    token = fake.issue_token()
    provider = TymeProvider(oauth_token=..., client_id=fake.CLIENT_ID, client_secret=fake.CLIENT_SECRET,
                            base_url=TymeFake.BASE_URL, transport=fake.transport())

What it reproduces: OAuth 2.0 with PKCE at `/v1/authorize`, `/v1/access_token` and `/v1/refresh_token`,
both token routes checking `client_id` and `client_secret` (each refresh answers a new access *and*
refresh token); the documented paths exactly (`/data/search_entity`, no trailing slash); `Authorization:
Bearer`; team admins only; `search_entity` by type, name and parent; `update_entity` creating or updating
by the client's `id`; `TimedTaskRecord` times as UTC `Y-m-d H:i:s`, a record without `time_end` running;
`DELETE /data/entity?time_ids[]=`; `GET /data/times` paged by the `start` offset. Tyme's error bodies,
status codes, page size and rate limit are unknown: the choices are marked `ASSUMED`.
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

import httpx

from nlentry.providers._http.client import Clock
from nlentry.providers._http.testing import FakeApi, FakeOAuth, form_or_json, json_response

WIRE_FORMAT = "%Y-%m-%d %H:%M:%S"
ACCESS_TTL = 3600  # ASSUMED: token lifetimes are unknown
TYPES = {"ProjectCategory", "Project", "TimedTask", "TimedSubTask", "TimedTaskRecord"}


def _error(status: int, error: str) -> httpx.Response:
    # ASSUMED: every error looks like the documented webhook errors, {"error": "..."}.
    return json_response(status, {"error": error})


class TymeFake(FakeApi):
    """Tyme in memory: one team with categories, projects, tasks, time records and members."""

    BASE_URL = "https://tyme.test"
    CLIENT_ID = "nlentry-test"
    #: the token routes take `client_id` and `client_secret` [doc]: the fake's app has a secret
    CLIENT_SECRET = "tyme-app-secret-0123"
    #: ASSUMED: 50 records a page for /data/times.
    page_size = 50
    rate_window = 60.0

    def __init__(self, *, clock: Clock = time.time) -> None:
        super().__init__(clock=clock)
        self.oauth = FakeOAuth(clock=lambda: self.clock(), ttl=ACCESS_TTL, prefix="ty")
        self.oauth.register_app(self.CLIENT_ID, "http://127.0.0.1/callback", secret=self.CLIENT_SECRET)
        self.team_admin = True
        self.user_id = "u-1"
        self.entities: dict[str, dict[str, Any]] = {}
        self.members: list[dict[str, Any]] = [{"id": self.user_id, "name": "Me"}]
        self._next = 1

    # --- test helpers ----------------------------------------------------------------------------

    def load_catalog(self, catalog: Mapping[str, Any]) -> None:
        """Categories from clients, projects, and every service as a task of every project (ids `t-<n>`)."""
        for client in catalog.get("clients", []):
            self._store({"type": "ProjectCategory", "id": str(client["id"]), "name": client["name"]})
        for project in catalog.get("projects", []):
            self._store({"type": "Project", "id": str(project["id"]), "name": project["name"],
                         "category_id": str(project["client_id"]) if project.get("client_id") else None,
                         "completed_date": None if project.get("active", True) else "2026-01-01 00:00:00"})
            for service in catalog.get("services", []):
                self._store({"type": "TimedTask", "id": f"t-{self._new()}", "name": service["name"],
                             "related_id": str(project["id"]), "billable": True, "completed_date": None})
        self.members += [{"id": str(p["id"]), "name": p["name"]} for p in catalog.get("people", [])]

    def issue_token(self) -> dict[str, Any]:
        """A token answer, as if the PKCE login had happened."""
        return self.oauth.issue(self.CLIENT_ID)

    def authorize(self, url: str) -> str:
        """The user allows the app at `url`: the redirect with `code` and `state`."""
        return self.oauth.authorize(url)

    def records(self) -> list[dict[str, Any]]:
        """Every time record, by start."""
        return sorted((e for e in self.entities.values() if e["type"] == "TimedTaskRecord"),
                      key=lambda e: (e["time_start"], e["id"]))

    def _new(self) -> int:
        self._next += 1
        return self._next - 1

    def _store(self, entity: dict[str, Any]) -> dict[str, Any]:
        self.entities[entity["id"]] = entity
        return entity

    # --- the API ---------------------------------------------------------------------------------

    def counts_for_rate_limit(self, request: httpx.Request) -> bool:
        return not request.url.path.startswith("/v1/")

    def rate_limited(self, wait: float) -> httpx.Response:
        # ASSUMED: Tyme's rate limit is unknown; the fake answers 429 with a standard Retry-After.
        return json_response(429, {"error": "rate_limit_exceeded"},
                             {"Retry-After": str(max(1, math.ceil(wait)))})

    def handle(self, request: httpx.Request) -> httpx.Response:
        path, method = request.url.path, request.method  # the documented paths, exactly (no trailing /)
        if path in ("/v1/access_token", "/v1/refresh_token") and method == "POST":
            form = form_or_json(request)
            expected = "authorization_code" if path == "/v1/access_token" else "refresh_token"
            if form.get("grant_type") != expected:
                return json_response(400, {"error": "unsupported_grant_type"})
            status, body = self.oauth.grant(form)
            return json_response(status, body)
        header = request.headers.get("Authorization", "")
        if not self.oauth.valid(header[7:] if header.startswith("Bearer ") else ""):
            return _error(401, "unauthorized")  # ASSUMED body
        if not self.team_admin:
            return _error(403, "not_allowed")  # only team admins may use the API [doc]
        params = request.url.params
        if path == "/data/search_entity" and method == "GET":
            return self._search(params)
        if path == "/data/update_entity" and method == "POST":
            return self._update(form_or_json(request))
        if path == "/data/entity" and method == "DELETE":
            return self._delete(params)
        if path == "/data/times" and method == "GET":
            return self._times(params)
        if path == "/data/members" and method == "GET":
            return json_response(200, self.members)  # ASSUMED shape
        return _error(404, "not_found")

    def _search(self, params: httpx.QueryParams) -> httpx.Response:
        kind = params.get("type", "")
        if kind not in TYPES - {"TimedTaskRecord"}:
            return _error(400, "missing values")
        name = params.get("name", "").casefold()
        parent = params.get("parent_id")
        found = [e for e in self.entities.values() if e["type"] == kind and name in e["name"].casefold()
                 and (parent is None or parent in (e.get("related_id"), e.get("category_id")))]
        return json_response(200, found)  # ASSUMED: an array of the entities as stored

    def _update(self, body: Mapping[str, Any]) -> httpx.Response:
        kind = body.get("type")
        if kind not in TYPES:
            return _error(400, "missing values")
        ident = str(body.get("id") or f"tyme-{self._new()}")  # no id: Tyme makes one [doc]
        existing = self.entities.get(ident)
        if existing is not None and existing["type"] != kind:
            return _error(400, "id already used by another type")  # ASSUMED
        if kind != "TimedTaskRecord":
            if not str(body.get("name") or (existing or {}).get("name") or "").strip():
                return _error(400, "missing values")
            return json_response(200, self._store({**(existing or {}), **body, "id": ident}))
        return self._record(ident, existing, body)

    def _record(self, ident: str, existing: dict[str, Any] | None, body: Mapping[str, Any]) -> httpx.Response:
        merged = {**(existing or {}), **{k: v for k, v in body.items() if v is not None}}
        # The parent: `related_id` (current) or `task_id`/`subtask_id` (older material), ASSUMED both.
        task = merged.get("related_id") or merged.get("task_id") or merged.get("subtask_id")
        if self.entities.get(str(task), {}).get("type") not in ("TimedTask", "TimedSubTask"):
            return _error(400, "invalid related_id")  # ASSUMED
        try:
            start = datetime.strptime(str(merged.get("time_start")), WIRE_FORMAT)
            end = datetime.strptime(str(merged["time_end"]), WIRE_FORMAT) if merged.get("time_end") else None
        except ValueError:
            return _error(400, "invalid date format, expected Y-m-d H:i:s")  # ASSUMED
        if end is not None and end < start:
            return _error(400, "time_end before time_start")
        record = {"type": "TimedTaskRecord", "id": ident, "related_id": str(task),
                  "time_start": merged["time_start"], "time_end": merged.get("time_end") or None,
                  "note": str(merged.get("note") or ""),
                  "billing_state": int(merged.get("billing_state") or 0),
                  "user_id": str(merged.get("user_id") or self.user_id)}
        return json_response(200, self._store(record))  # ASSUMED: the entity as stored

    def _delete(self, params: httpx.QueryParams) -> httpx.Response:
        ids = params.get_list("time_ids[]")
        if not ids:
            return _error(400, "missing values")
        missing = [i for i in ids if self.entities.get(i, {}).get("type") != "TimedTaskRecord"]
        if missing:
            return _error(404, "not_found")  # ASSUMED
        for ident in ids:
            del self.entities[ident]
        return json_response(200, {"status": "success"})  # ASSUMED

    def _times(self, params: httpx.QueryParams) -> httpx.Response:
        """Records whose UTC start date is in from..to (ASSUMED: inclusive `Y-m-d`), a page at a time."""
        first, last = params.get("from", ""), params.get("to", "9999-12-31")
        rows = [r for r in self.records() if first <= r["time_start"][:10] <= last]
        if params.get("user_id"):
            rows = [r for r in rows if r["user_id"] == params["user_id"]]
        offset = int(params.get("start") or 0)
        return json_response(200, rows[offset: offset + self.page_size])


def utc_text(moment: datetime) -> str:
    """`moment` as Tyme writes it (UTC `Y-m-d H:i:s`), for tests."""
    return moment.astimezone(timezone.utc).strftime(WIRE_FORMAT)
