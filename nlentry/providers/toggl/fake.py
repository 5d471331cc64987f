"""An in-process emulator of the Toggl Track API v9 (spec/providers.md section 5 and the checklist, 12).

Usage::

    fake = TogglFake.seeded(catalog)
    provider = TogglProvider(token=fake.token, base_url=TogglFake.BASE_URL, transport=fake.transport())

What it reproduces: HTTP Basic `<api_token>:api_token` (anything else: 403); JSON bodies only
(`Content-Type: application/json`, else 400); `created_with` and a `workspace_id` equal to the path's
required on a create; `start` RFC 3339 and `duration` in seconds, negative = running with `stop: null`;
entries answered with the documented fields (`id, workspace_id, project_id, task_id, billable, start,
stop, duration, description, tags, tag_ids, duronly, at, server_deleted_at, user_id` and the legacy
`wid, pid, uid`), times in the user's zone; 4xx errors as a short JSON string (`"Invalid project_id"`);
the leaky bucket's 429 (`rate_limit_after` a `rate_window`) and the hourly quota's 402
(`quota_per_hour`). The fault hooks come from `FakeApi`. Choices the spec leaves open are marked ASSUMED.
"""

from __future__ import annotations

import base64
import collections
import json
import re
import time
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import httpx

from nlentry.providers._http.client import Clock
from nlentry.providers._http.testing import FakeApi, json_response

_WS = re.compile(r"workspaces/(\d+)/(.+)")


def _text(status: int, text: str, headers: Mapping[str, str] | None = None) -> httpx.Response:
    return httpx.Response(
        status, text=text, headers={"Content-Type": "text/plain; charset=utf-8", **(headers or {})}
    )


class TogglFake(FakeApi):
    """Toggl Track in memory: workspaces, clients, projects, tasks, tags and time entries of one user."""

    BASE_URL = "https://toggl.test/api/v9"
    #: [doc] the leaky bucket's "safe window" is one request a second
    rate_window = 1.0

    def __init__(
        self,
        *,
        token: str = "toggl-token-4f1e2d3c",
        user_zone: str = "Europe/Amsterdam",
        clock: Clock = time.time,
    ) -> None:
        super().__init__(clock=clock)
        self.token = token
        self.zone = ZoneInfo(user_zone)
        self.user_id = 6
        self.workspaces: list[dict[str, Any]] = [{"id": 777, "name": "Acme", "organization_id": 9}]
        self.default_workspace_id = 777
        self.clients: list[dict[str, Any]] = []
        self.projects: list[dict[str, Any]] = []
        self.tasks: list[dict[str, Any]] = []
        self.tags: list[dict[str, Any]] = []
        self.entries: dict[int, dict[str, Any]] = {}
        #: the hourly quota (None: none); requests are counted in a sliding hour
        self.quota_per_hour: int | None = None
        self._quota_stamps: collections.deque[float] = collections.deque()
        self._next_id = 4000

    def _new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def load_catalog(self, catalog: Mapping[str, Any]) -> None:
        """Clients, projects and services (as tags, and as tasks of every project) of workspace 777."""
        wid = self.default_workspace_id
        self.clients = [
            {"id": c["id"], "name": c["name"], "wid": wid, "archived": False}
            for c in catalog.get("clients", [])
        ]
        self.projects = [
            {
                "id": p["id"],
                "name": p["name"],
                "workspace_id": wid,
                "wid": wid,
                "client_id": p.get("client_id"),
                "cid": p.get("client_id"),
                "active": p.get("active", True),
                "billable": False,
            }
            for p in catalog.get("projects", [])
        ]
        self.tags = [
            {"id": s["id"], "name": s["name"], "workspace_id": wid} for s in catalog.get("services", [])
        ]
        self.tasks = [
            {
                "id": 100 * p["id"] + s["id"],
                "name": s["name"],
                "project_id": p["id"],
                "workspace_id": wid,
                "active": True,
            }
            for p in catalog.get("projects", [])
            for s in catalog.get("services", [])
        ]

    # --- limits ----------------------------------------------------------------------------------

    def rate_limited(self, wait: float) -> httpx.Response:
        # ASSUMED: the leaky bucket's 429 carries a plain-text body and no Retry-After (none documented)
        return _text(429, "Too Many Requests")

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if self.quota_per_hour is not None:
            now = self.clock()
            while self._quota_stamps and self._quota_stamps[0] <= now - 3600:
                self._quota_stamps.popleft()
            if len(self._quota_stamps) >= self.quota_per_hour:
                self.requests.append(request)
                resets_in = int(self._quota_stamps[0] + 3600 - now) + 1
                # ASSUMED body; the quota headers are [recall, unverified]
                return _text(
                    402,
                    "You have hit your hourly limit for API calls. Upgrade your plan for more.",
                    {"X-Toggl-Quota-Remaining": "0", "X-Toggl-Quota-Resets-In": str(resets_in)},
                )
            self._quota_stamps.append(now)
        return super().__call__(request)

    # --- the API ---------------------------------------------------------------------------------

    def _authorized(self, request: httpx.Request) -> bool:
        header = request.headers.get("Authorization", "")
        if not header.startswith("Basic "):
            return False
        try:
            return base64.b64decode(header[6:]).decode() == f"{self.token}:api_token"
        except ValueError:
            return False

    def handle(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if not path.startswith("/api/v9/"):
            return _text(404, "404 page not found")
        path = path[len("/api/v9/") :]
        if not self._authorized(request):
            return _text(403, "Incorrect username and/or password")  # ASSUMED: 403, plain text
        body: Any = None
        if request.method in ("POST", "PUT", "PATCH") and request.content:
            if not request.headers.get("Content-Type", "").startswith("application/json"):
                return json_response(400, "Content-Type must be application/json")  # ASSUMED text
            try:
                body = json.loads(request.content)
            except ValueError:
                return json_response(400, "Invalid JSON input")
        method = request.method
        if method == "GET" and path == "me":
            return json_response(
                200,
                {
                    "id": self.user_id,
                    "email": "me@example.com",
                    "fullname": "Me",
                    "default_workspace_id": self.default_workspace_id,
                    "timezone": str(self.zone),
                },
            )
        if method == "GET" and path == "workspaces":
            return json_response(200, self.workspaces)
        if method == "GET" and path == "me/time_entries":
            return self._list(request.url.params)
        if method == "GET" and path == "me/time_entries/current":
            running = [e for e in self.entries.values() if e["duration"] < 0]
            if running:
                return json_response(200, self._answer(running[-1]))
            return httpx.Response(200, content=b"null", headers={"Content-Type": "application/json"})
        match = _WS.fullmatch(path)
        if match is None:
            return _text(404, "404 page not found")
        wid, rest = int(match.group(1)), match.group(2)
        if wid not in {w["id"] for w in self.workspaces}:
            return json_response(403, "Incorrect workspace")  # ASSUMED
        return self._workspace(method, wid, rest, request.url.params, body)

    def _workspace(
        self, method: str, wid: int, rest: str, params: httpx.QueryParams, body: Any
    ) -> httpx.Response:
        if method == "GET" and rest == "clients":
            return json_response(200, [c for c in self.clients if c["wid"] == wid])
        if method == "GET" and rest == "tags":
            return json_response(200, [t for t in self.tags if t["workspace_id"] == wid])
        if method == "GET" and rest == "projects":
            rows = [p for p in self.projects if p["workspace_id"] == wid]
            page, per_page = int(params.get("page", 1)), int(params.get("per_page", 151))  # ASSUMED default
            return json_response(200, rows[(page - 1) * per_page : page * per_page])
        task_match = re.fullmatch(r"projects/(\d+)/tasks", rest)
        if method == "GET" and task_match:
            return json_response(200, [t for t in self.tasks if t["project_id"] == int(task_match.group(1))])
        if method == "POST" and rest == "time_entries":
            return self._save(wid, None, body)
        entry_match = re.fullmatch(r"time_entries/(\d+)(/stop)?", rest)
        if entry_match:
            entry_id = int(entry_match.group(1))
            entry = self.entries.get(entry_id)
            if entry is None or entry["workspace_id"] != wid:
                return json_response(404, "Time entry not found")  # ASSUMED text
            if entry_match.group(2) and method == "PATCH":
                if entry["duration"] >= 0:
                    return json_response(409, "Time entry already stopped")  # ASSUMED
                stop = datetime.fromtimestamp(self.clock(), timezone.utc)
                entry["duration"] = int((stop - entry["start"]).total_seconds())
                entry["stop"] = stop
                return json_response(200, self._answer(entry))
            if method == "PUT":
                return self._save(wid, entry_id, body)
            if method == "DELETE":
                del self.entries[entry_id]
                return httpx.Response(200)
        return _text(404, "404 page not found")

    def _tag_ids(self, wid: int, names: list[str]) -> list[int]:
        """Tags by name; a new name becomes a new tag (ASSUMED, as Toggl's apps do)."""
        ids = []
        for name in names:
            tag = next((t for t in self.tags if t["name"] == name and t["workspace_id"] == wid), None)
            if tag is None:
                tag = {"id": self._new_id(), "name": name, "workspace_id": wid}
                self.tags.append(tag)
            ids.append(tag["id"])
        return ids

    def _save(self, wid: int, entry_id: int | None, body: Any) -> httpx.Response:
        if not isinstance(body, dict):
            return json_response(400, "Invalid JSON input")
        if entry_id is None and not body.get("created_with"):
            return json_response(400, "created_with needs to be provided an a valid string")
        if body.get("workspace_id") != wid:
            return json_response(400, "workspace_id must match the workspace of the path")  # ASSUMED text
        start = body.get("start")
        try:
            moment = datetime.fromisoformat(str(start).replace("Z", "+00:00"))
        except ValueError:
            return json_response(400, "invalid start time")
        if moment.tzinfo is None:
            return json_response(400, "invalid start time")
        duration = body.get("duration")
        if not isinstance(duration, int) or isinstance(duration, bool):
            return json_response(400, "duration must be an integer")
        project = body.get("project_id")
        if project is not None and project not in {
            p["id"] for p in self.projects if p["workspace_id"] == wid
        }:
            return json_response(400, "Invalid project_id")
        task = body.get("task_id")
        if task is not None and not any(t["id"] == task and t["project_id"] == project for t in self.tasks):
            return json_response(400, "Invalid task_id")
        tags = [str(t) for t in body.get("tags") or []]
        entry: dict[str, Any] = {
            "id": entry_id or self._new_id(),
            "workspace_id": wid,
            "project_id": project,
            "task_id": task,
            "billable": bool(body.get("billable")),
            "start": moment.astimezone(timezone.utc),
            "stop": None if duration < 0 else moment.astimezone(timezone.utc) + timedelta(seconds=duration),
            "duration": duration,
            "description": str(body.get("description") or ""),
            "tags": tags,
            "tag_ids": self._tag_ids(wid, tags),
        }
        self.entries[entry["id"]] = entry
        return json_response(200, self._answer(entry))

    def _answer(self, entry: Mapping[str, Any]) -> dict[str, Any]:
        """An entry as Toggl answers it: times RFC 3339 in the user's zone, legacy ids beside the new."""

        def stamp(moment: datetime | None) -> str | None:
            return None if moment is None else moment.astimezone(self.zone).isoformat()

        return {
            "id": entry["id"],
            "workspace_id": entry["workspace_id"],
            "project_id": entry["project_id"],
            "task_id": entry["task_id"],
            "billable": entry["billable"],
            "start": stamp(entry["start"]),
            "stop": stamp(entry["stop"]),
            "duration": entry["duration"],
            "description": entry["description"],
            "tags": list(entry["tags"]),
            "tag_ids": list(entry["tag_ids"]),
            "duronly": True,
            "at": stamp(datetime.fromtimestamp(self.clock(), timezone.utc)),
            "server_deleted_at": None,
            "user_id": self.user_id,
            "wid": entry["workspace_id"],
            "pid": entry["project_id"],
            "uid": self.user_id,
        }

    def _list(self, params: httpx.QueryParams) -> httpx.Response:
        rows = sorted(self.entries.values(), key=lambda e: e["start"])
        if params.get("start_date"):
            begin = datetime.fromisoformat(params["start_date"]).replace(tzinfo=self.zone)
            rows = [r for r in rows if r["start"] >= begin]
        if params.get("end_date"):
            end = datetime.fromisoformat(params["end_date"]).replace(tzinfo=self.zone)
            rows = [r for r in rows if r["start"] < end]
        return json_response(200, [self._answer(r) for r in reversed(rows)])  # newest first (ASSUMED)
