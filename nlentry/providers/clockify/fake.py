"""An in-process emulator of the Clockify API (spec/providers.md section 6 and the section 12 checklist).

Usage::

    fake = ClockifyFake.seeded(catalog)
    provider = ClockifyProvider(api_key=fake.api_key, base_url=ClockifyFake.BASE_URL,
                                transport=fake.transport())

What it reproduces: `X-Api-Key` (the header name in any case; anything else: 401); JSON bodies;
`GET /user` with `activeWorkspace`/`defaultWorkspace`; projects, clients, tags and tasks of a workspace
(`page`, `page-size`, default 50, at most 5000); time entries with `start`/`end` ISO instants in,
`timeInterval {start, end, duration: "PT1H30M"}` out, no `end` = running; the user's entries with
`start`, `end`, `in-progress`; stopping with `PATCH .../user/{uid}/time-entries {"end"}`; errors as
`{"message", "code"}`; 429 (`rate_limit_after` requests a `rate_window` of one second, 50 on paid
workspaces). The fault hooks come from `FakeApi`. Choices the spec leaves open are marked ASSUMED.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

import httpx

from nlentry.providers._http.client import Clock
from nlentry.providers._http.testing import FakeApi, json_response

_WS = re.compile(r"workspaces/([0-9a-f]+)(?:/(.*))?")


def _error(status: int, message: str, code: int) -> httpx.Response:
    return json_response(status, {"message": message, "code": code})  # ASSUMED codes


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_duration(seconds: int) -> str:
    """`PT1H30M` as Clockify writes durations."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    text = (
        "PT"
        + (f"{hours}H" if hours else "")
        + (f"{minutes}M" if minutes else "")
        + (f"{secs}S" if secs else "")
    )
    return text if text != "PT" else "PT0S"


class ClockifyFake(FakeApi):
    """Clockify in memory: workspaces, clients, projects, tasks, tags and one user's time entries."""

    BASE_URL = "https://clockify.test/api/v1"
    #: [doc] 50 requests a second on paid workspaces: a one-second window
    rate_window = 1.0

    def __init__(self, *, api_key: str = "clockify-key-9a8b7c6d", clock: Clock = time.time) -> None:
        super().__init__(clock=clock)
        self.api_key = api_key
        self._next = 0x64A000000000000000000000
        self.user_id = self._new_id()
        self.workspaces = [{"id": self._new_id(), "name": "Acme"}]
        self.active_workspace = self.workspaces[0]["id"]
        self.clients: list[dict[str, Any]] = []
        self.projects: list[dict[str, Any]] = []
        self.tags: list[dict[str, Any]] = []
        self.tasks: list[dict[str, Any]] = []
        self.entries: dict[str, dict[str, Any]] = {}

    def _new_id(self) -> str:
        self._next += 1
        return f"{self._next:024x}"

    def load_catalog(self, catalog: Mapping[str, Any]) -> None:
        """Clients, projects and services (as tags, and as tasks of every project); new ids, names kept."""
        wid = self.active_workspace
        client_ids = {c["id"]: self._new_id() for c in catalog.get("clients", [])}
        self.clients = [
            {"id": client_ids[c["id"]], "name": c["name"], "workspaceId": wid, "archived": False}
            for c in catalog.get("clients", [])
        ]
        self.projects = []
        for p in catalog.get("projects", []):
            client = client_ids.get(p.get("client_id"))
            self.projects.append(
                {
                    "id": self._new_id(),
                    "name": p["name"],
                    "workspaceId": wid,
                    "clientId": client or "",
                    "billable": False,
                    "clientName": next((c["name"] for c in self.clients if c["id"] == client), ""),
                    "archived": not p.get("active", True),
                }
            )
        self.tags = [
            {"id": self._new_id(), "name": s["name"], "workspaceId": wid, "archived": False}
            for s in catalog.get("services", [])
        ]
        self.tasks = [
            {"id": self._new_id(), "name": s["name"], "projectId": p["id"], "status": "ACTIVE"}
            for p in self.projects
            for s in catalog.get("services", [])
        ]

    # --- the API ---------------------------------------------------------------------------------

    def rate_limited(self, wait: float) -> httpx.Response:
        return _error(429, "Too many requests", 429)  # [recall] status; ASSUMED body, no Retry-After

    def handle(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if not path.startswith("/api/v1/"):
            return _error(404, "Not found", 404)
        path = path[len("/api/v1/") :]
        if request.headers.get("x-api-key") != self.api_key:
            return _error(401, "Full authentication is required to access this resource", 1000)  # ASSUMED
        body: Any = None
        if request.method in ("POST", "PUT", "PATCH"):
            if not request.headers.get("Content-Type", "").startswith("application/json"):
                return _error(415, "Content type not supported", 415)  # ASSUMED
            try:
                body = json.loads(request.content or b"null")
            except ValueError:
                return _error(400, "Malformed JSON", 400)
        if request.method == "GET" and path == "user":
            return json_response(
                200,
                {
                    "id": self.user_id,
                    "email": "me@example.com",
                    "name": "Me",
                    "activeWorkspace": self.active_workspace,
                    "defaultWorkspace": self.workspaces[0]["id"],
                    "status": "ACTIVE",
                },
            )
        if request.method == "GET" and path == "workspaces":
            return json_response(200, self.workspaces)
        match = _WS.fullmatch(path)
        if match is None or match.group(1) not in {w["id"] for w in self.workspaces}:
            return _error(404, "Workspace not found", 501)  # ASSUMED
        return self._workspace(request.method, match.group(1), match.group(2) or "", request.url.params, body)

    @staticmethod
    def _page(rows: list[dict[str, Any]], params: httpx.QueryParams) -> httpx.Response:
        page = int(params.get("page", 1))
        size = min(int(params.get("page-size", 50)), 5000)  # [doc] default 50, max 5000
        return json_response(200, rows[(page - 1) * size : page * size])

    def _workspace(
        self, method: str, wid: str, rest: str, params: httpx.QueryParams, body: Any
    ) -> httpx.Response:
        listed = {"clients": self.clients, "projects": self.projects, "tags": self.tags}
        if method == "GET" and rest in listed:
            return self._page([r for r in listed[rest] if r["workspaceId"] == wid], params)
        tasks = re.fullmatch(r"projects/([0-9a-f]+)/tasks", rest)
        if method == "GET" and tasks:
            return json_response(200, [t for t in self.tasks if t["projectId"] == tasks.group(1)])
        if method == "POST" and rest == "time-entries":
            return self._save(wid, None, body)
        one = re.fullmatch(r"time-entries/([0-9a-f]+)", rest)
        if one:
            entry = self.entries.get(one.group(1))
            if entry is None or entry["workspaceId"] != wid:
                return _error(404, "Time entry not found", 501)  # ASSUMED
            if method == "PUT":
                return self._save(wid, entry["id"], body)
            if method == "DELETE":
                del self.entries[entry["id"]]
                return httpx.Response(204)  # ASSUMED: no body
        mine = re.fullmatch(r"user/([0-9a-f]+)/time-entries", rest)
        if mine:
            if mine.group(1) != self.user_id:
                return _error(403, "Access denied", 403)  # ASSUMED
            if method == "GET":
                return self._list(wid, params)
            if method == "PATCH":
                return self._stop(wid, body)
        return _error(404, "Not found", 404)

    def _save(self, wid: str, entry_id: str | None, body: Any) -> httpx.Response:
        if not isinstance(body, dict):
            return _error(400, "Malformed JSON", 400)
        start = body.get("start")
        end = body.get("end")
        parsed: list[datetime | None] = []
        for value in (start, end):
            if value is None:
                parsed.append(None)
                continue
            try:
                moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
            except ValueError:
                return _error(400, f"Invalid date {value}", 501)  # ASSUMED text
            if moment.tzinfo is None:
                return _error(400, f"Invalid date {value}", 501)
            parsed.append(moment.astimezone(timezone.utc))
        if parsed[0] is None:
            return _error(400, "start: must not be null", 501)
        if parsed[1] is not None and parsed[1] < parsed[0]:
            return _error(400, "End time must be after start time", 501)
        project = body.get("projectId") or None
        if project is not None and project not in {p["id"] for p in self.projects if p["workspaceId"] == wid}:
            return _error(400, "Project doesn't belong to Workspace", 501)
        task = body.get("taskId") or None
        if task is not None and not any(t["id"] == task and t["projectId"] == project for t in self.tasks):
            return _error(400, "Task doesn't belong to Project", 501)
        tag_ids = [str(t) for t in body.get("tagIds") or []]
        if any(t not in {tag["id"] for tag in self.tags} for t in tag_ids):
            return _error(400, "Tag doesn't belong to Workspace", 501)
        entry: dict[str, Any] = {
            "id": entry_id or self._new_id(),
            "workspaceId": wid,
            "userId": self.user_id,
            "description": str(body.get("description") or ""),
            "projectId": project,
            "taskId": task,
            "tagIds": tag_ids,
            "billable": bool(body.get("billable")),
            "start": parsed[0],
            "end": parsed[1],
        }
        self.entries[entry["id"]] = entry
        return json_response(201 if entry_id is None else 200, self._answer(entry))

    def _answer(self, entry: Mapping[str, Any]) -> dict[str, Any]:
        end = entry["end"]
        duration = None if end is None else iso_duration(int((end - entry["start"]).total_seconds()))
        return {
            "id": entry["id"],
            "description": entry["description"],
            "tagIds": list(entry["tagIds"]) or None,
            "userId": entry["userId"],
            "billable": entry["billable"],
            "taskId": entry["taskId"],
            "projectId": entry["projectId"],
            "workspaceId": entry["workspaceId"],
            "timeInterval": {"start": _iso(entry["start"]), "end": _iso(end), "duration": duration},
            "isLocked": False,
        }

    def _list(self, wid: str, params: httpx.QueryParams) -> httpx.Response:
        rows = sorted(
            (e for e in self.entries.values() if e["workspaceId"] == wid),
            key=lambda e: e["start"],
            reverse=True,
        )  # ASSUMED: newest first
        bounds = [
            datetime.fromisoformat(params[k].replace("Z", "+00:00")) if params.get(k) else None
            for k in ("start", "end")
        ]
        if bounds[0] is not None:
            rows = [r for r in rows if r["start"] >= bounds[0]]
        if bounds[1] is not None:
            rows = [r for r in rows if r["start"] <= bounds[1]]
        if params.get("in-progress") == "true":
            rows = [r for r in rows if r["end"] is None]
        return self._page([self._answer(r) for r in rows], params)

    def _stop(self, wid: str, body: Any) -> httpx.Response:
        running = [e for e in self.entries.values() if e["workspaceId"] == wid and e["end"] is None]
        if not running:
            return _error(404, "No time entry in progress", 501)  # ASSUMED
        try:
            end = datetime.fromisoformat(str((body or {}).get("end")).replace("Z", "+00:00"))
        except ValueError:
            return _error(400, "end: must not be null", 501)
        running[0]["end"] = end.astimezone(timezone.utc)
        return json_response(200, self._answer(running[0]))
