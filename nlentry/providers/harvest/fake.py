"""An in-process emulator of the Harvest API v2 (spec/providers.md section 7 and the section 12 checklist).

Usage::

    fake = HarvestFake.seeded(catalog)
    provider = HarvestProvider(token=fake.token, account_id=fake.account_id, base_url=HarvestFake.BASE_URL,
                               transport=fake.transport())

What it reproduces: the three mandatory headers (`Authorization: Bearer`, `Harvest-Account-Id`,
`User-Agent` of the form `AppName (contact)`; without the User-Agent: 400); JSON or form bodies;
201 on a create, 422 `{"message"}` on a processing error, 429 with `Retry-After` (100 requests a
15-second window, `rate_limit_after`); project assignments with their task assignments; time entries
with `spent_date` and decimal `hours` (or `started_time`/`ended_time` on a timestamp account), no
`hours` = a running timer; lists paged with `page`, `per_page` and the documented wrapper
(`per_page, total_pages, total_entries, next_page, previous_page, page, links`). Harvest ID's account
list answers on its own host. The fault hooks come from `FakeApi`. Choices the spec leaves open are
marked ASSUMED.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Mapping
from datetime import date, datetime, timezone
from typing import Any

import httpx

from nlentry.providers._http.client import Clock
from nlentry.providers._http.testing import FakeApi, form_or_json, json_response

_UA = re.compile(r".+\(.+\)")


def _clock(value: Any) -> datetime | None:
    """`8:00am` as a time on 1900-01-01 (ASSUMED format), None if not one."""
    try:
        return datetime.strptime(str(value).strip().upper(), "%I:%M%p")
    except ValueError:
        return None


class HarvestFake(FakeApi):
    """Harvest in memory: one account's clients, projects, tasks, assignments and time entries."""

    BASE_URL = "https://harvest.test/v2"
    ID_HOST = "id.getharvest.com"
    #: [doc] 100 requests per 15 seconds
    rate_window = 15.0

    def __init__(
        self,
        *,
        token: str = "harvest-pat-1a2b3c4d",
        account_id: str = "123456",
        timestamps: bool = False,
        clock: Clock = time.time,
    ) -> None:
        super().__init__(clock=clock)
        self.token = token
        self.account_id = account_id
        self.accounts = [{"id": int(account_id), "name": "Acme Inc", "product": "harvest"}]
        self.timestamps = timestamps
        self.user_id = 1782884
        self.assignments: list[dict[str, Any]] = []
        self.entries: dict[int, dict[str, Any]] = {}
        self._next_id = 636709355

    def _new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def load_catalog(self, catalog: Mapping[str, Any]) -> None:
        """Every project assigned to the user, with every service as an assigned task."""
        clients = {c["id"]: c for c in catalog.get("clients", [])}
        tasks = [{"id": s["id"], "name": s["name"]} for s in catalog.get("services", [])]
        self.assignments = [
            {
                "id": self._new_id(),
                "is_project_manager": False,
                "is_active": p.get("active", True),
                "budget": None,
                "hourly_rate": None,
                "project": {"id": p["id"], "name": p["name"], "code": ""},
                "client": (
                    {"id": clients[p["client_id"]]["id"], "name": clients[p["client_id"]]["name"]}
                    if p.get("client_id") in clients
                    else None
                ),
                "task_assignments": [
                    {"id": self._new_id(), "billable": True, "is_active": True, "task": dict(t)}
                    for t in tasks
                ],
            }
            for p in catalog.get("projects", [])
        ]

    # --- the API ---------------------------------------------------------------------------------

    def rate_limited(self, wait: float) -> httpx.Response:
        # [doc] 429 with Retry-After in seconds; ASSUMED body
        return json_response(
            429, {"message": "Too many requests"}, {"Retry-After": str(max(1, math.ceil(wait)))}
        )

    def _refused(self, request: httpx.Request, *, account: bool) -> httpx.Response | None:
        if not _UA.fullmatch(request.headers.get("User-Agent", "")):
            return json_response(
                400, {"message": "A User-Agent header of the form 'AppName (contact)' is required"}
            )  # [doc] 400; ASSUMED body
        if request.headers.get("Authorization") != f"Bearer {self.token}":
            return json_response(
                401,
                {
                    "error": "invalid_token",
                    "error_description": "The access token "
                    "provided is expired, revoked, malformed or invalid for other reasons.",
                },
            )
        if account and request.headers.get("Harvest-Account-Id") != self.account_id:
            return json_response(
                403,
                {
                    "error": "forbidden",
                    "error_description":  # ASSUMED: 403
                    "The Harvest-Account-Id header does not name an account of this token",
                },
            )
        return None

    def handle(self, request: httpx.Request) -> httpx.Response:
        if request.url.host == self.ID_HOST:
            refused = self._refused(request, account=False)
            if refused is not None:
                return refused
            if request.method == "GET" and request.url.path == "/api/v2/accounts":
                return json_response(
                    200, {"user": {"id": self.user_id, "email": "me@example.com"}, "accounts": self.accounts}
                )
            return json_response(404, {"error": "not_found"})
        path = request.url.path
        if not path.startswith("/v2/"):
            return json_response(404, {"error": "not_found"})
        refused = self._refused(request, account=True)
        if refused is not None:
            return refused
        path, method, params = path[len("/v2/") :], request.method, request.url.params
        if method == "GET" and path == "users/me":
            return json_response(
                200,
                {
                    "id": self.user_id,
                    "first_name": "Me",
                    "email": "me@example.com",
                    "timezone": "Amsterdam",
                    "is_active": True,
                },
            )
        if method == "GET" and path == "users/me/project_assignments":
            return self._page("project_assignments", self.assignments, params)
        if path == "time_entries":
            if method == "GET":
                return self._list(params)
            if method == "POST":
                return self._save(None, form_or_json(request))
        match = re.fullmatch(r"time_entries/(\d+)(/stop)?", path)
        if match:
            entry = self.entries.get(int(match.group(1)))
            if entry is None:
                return json_response(
                    404,
                    {"error": "not_found", "error_description": "The requested resource could not be found."},
                )
            if match.group(2) and method == "PATCH":
                if not entry["is_running"]:
                    return json_response(422, {"message": "Cannot stop a time entry that is not running"})
                started = entry.pop("timer_started", self.clock())
                entry["hours"] = round(entry["hours"] + (self.clock() - started) / 3600, 2)
                entry["is_running"] = False
                return json_response(200, self._answer(entry))
            if method == "PATCH":
                return self._save(entry["id"], form_or_json(request))
            if method == "DELETE":
                del self.entries[entry["id"]]
                return json_response(200, {})  # ASSUMED: an empty object
        return json_response(404, {"error": "not_found"})

    def _page(self, key: str, rows: list[dict[str, Any]], params: httpx.QueryParams) -> httpx.Response:
        """A paged list with the documented wrapper."""
        per_page = min(max(int(params.get("per_page", 2000)), 1), 2000)  # ASSUMED default 2000
        page = max(int(params.get("page", 1)), 1)
        total_pages = max(1, math.ceil(len(rows) / per_page))
        base = f"{self.BASE_URL}/{key}?page={{}}&per_page={per_page}"
        return json_response(
            200,
            {
                key: rows[(page - 1) * per_page : page * per_page],
                "per_page": per_page,
                "total_pages": total_pages,
                "total_entries": len(rows),
                "next_page": page + 1 if page < total_pages else None,
                "previous_page": page - 1 if page > 1 else None,
                "page": page,
                "links": {
                    "first": base.format(1),
                    "next": base.format(page + 1) if page < total_pages else None,
                    "previous": base.format(page - 1) if page > 1 else None,
                    "last": base.format(total_pages),
                },
            },
        )

    def _assigned(self, project_id: Any, task_id: Any) -> tuple[dict[str, Any], dict[str, Any]] | None:
        for row in self.assignments:
            if str(row["project"]["id"]) == str(project_id) and row["is_active"]:
                for ta in row["task_assignments"]:
                    if str(ta["task"]["id"]) == str(task_id) and ta["is_active"]:
                        return row, ta["task"]
        return None

    def _save(self, entry_id: int | None, body: Mapping[str, Any]) -> httpx.Response:
        current = self.entries.get(entry_id) if entry_id is not None else None
        merged = {**(current or {}), **{k: v for k, v in body.items() if v is not None}}
        for needed in ("project_id", "task_id", "spent_date"):
            if merged.get(needed) in (None, ""):
                return json_response(422, {"message": f"{needed.replace('_id', '')} can't be blank"})
        found = self._assigned(merged["project_id"], merged["task_id"])
        if found is None:
            return json_response(422, {"message": "Task is not assigned to the project"})  # ASSUMED text
        try:
            spent = date.fromisoformat(str(merged["spent_date"])).isoformat()
        except ValueError:
            return json_response(422, {"message": "Spent date is not a valid date"})
        started, ended = merged.get("started_time"), merged.get("ended_time")
        hours = body.get("hours", current.get("hours") if current else None)
        running = False
        if self.timestamps and started is not None:
            begin, end = _clock(started), _clock(ended) if ended is not None else None
            if begin is None or (ended is not None and end is None):
                return json_response(422, {"message": "Started time is not a valid time"})
            running = end is None
            hours = 0.0 if end is None else round((end - begin).total_seconds() / 3600, 2)
        elif hours is None:
            running, hours = True, 0.0  # a duration account: no hours starts a timer
        try:
            hours = float(hours)
        except (TypeError, ValueError):
            return json_response(422, {"message": "Hours is not a number"})
        if hours < 0 or hours > 24:
            return json_response(422, {"message": "Hours must be between 0 and 24"})
        row, task = found
        entry = {
            "id": entry_id or self._new_id(),
            "spent_date": spent,
            "hours": hours,
            "notes": str(merged.get("notes") or "") or None,
            "project": dict(row["project"]),
            "client": row["client"],
            "task": dict(task),
            "is_running": running,
            "started_time": started if self.timestamps else None,
            "ended_time": merged.get("ended_time") if self.timestamps else None,
        }
        if running:
            entry["timer_started"] = self.clock()
        self.entries[entry["id"]] = entry
        return json_response(201 if entry_id is None else 200, self._answer(entry))

    def _answer(self, entry: Mapping[str, Any]) -> dict[str, Any]:
        started = entry.get("timer_started")
        return {
            "id": entry["id"],
            "spent_date": entry["spent_date"],
            "hours": entry["hours"],
            "rounded_hours": entry["hours"],
            "notes": entry["notes"],
            "is_locked": False,
            "is_running": entry["is_running"],
            "is_billed": False,
            "billable": True,
            "started_time": entry["started_time"],
            "ended_time": entry["ended_time"],
            "timer_started_at": None
            if started is None
            else datetime.fromtimestamp(started, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "user": {"id": self.user_id, "name": "Me"},
            "client": entry["client"],
            "project": {"id": entry["project"]["id"], "name": entry["project"]["name"]},
            "task": {"id": entry["task"]["id"], "name": entry["task"]["name"]},
            "external_reference": None,
        }

    def _list(self, params: httpx.QueryParams) -> httpx.Response:
        rows = sorted(self.entries.values(), key=lambda e: (e["spent_date"], e["id"]), reverse=True)
        if params.get("from"):
            rows = [r for r in rows if r["spent_date"] >= params["from"]]
        if params.get("to"):
            rows = [r for r in rows if r["spent_date"] <= params["to"]]
        if params.get("is_running") in ("true", "false"):
            rows = [r for r in rows if r["is_running"] == (params["is_running"] == "true")]
        if params.get("user_id") and params["user_id"] != str(self.user_id):
            rows = []
        return self._page("time_entries", [self._answer(r) for r in rows], params)
