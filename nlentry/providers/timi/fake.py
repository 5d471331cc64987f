"""An in-process emulator of Timi's API (`spec/providers.md` section 1 and the section 12 checklist).

Usage::

    fake = TimiFake(email="me@example.com", token="secret")
    fake.load_catalog({"projects": [{"id": 2, "name": "Timi", "aliases": ["Tango"]}]})
    provider = TimiProvider(email="me@example.com", token="secret", base_url=TimiFake.BASE_URL,
                            transport=fake.transport())

What it reproduces: the three auth styles (`X-Api-Key: email:token`, Basic, `email`/`token` query or
form fields) and 401 `{"message": "unauthorized"}`; 429 `{"message": "rate limit exceeded"}` with no
headers; durations in seconds; `DD-MM-YYYY` on POST `date`; Rails-style `{"errors": {field: [msg]}}`
in Dutch; `time_entries.json` paginated with `current_page`, `per_page` (100) and `total_entries`;
`timer.json` answering `{}` when idle. The fault hooks (`fail_next`, `delay`, `rate_limit_after`)
come from `FakeApi`. Where Timi's behaviour is unknown the choice is marked `ASSUMED`.
"""

from __future__ import annotations

import base64
import re
import time
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import httpx

from nlentry.providers._http.client import Clock
from nlentry.providers._http.testing import FakeApi, form_or_json, json_response

_ENTRY = re.compile(r"time_entries/(\d+)\.json")


class TimiFake(FakeApi):
    """Timi in memory: clients, projects, services, time entries and one running timer."""

    BASE_URL = "https://timi.test/api/v1/"
    #: ASSUMED: Timi limits "a number of requests per minute": a fixed one-minute window.
    rate_window = 60.0

    def __init__(self, *, email: str = "me@example.com", token: str = "timi-token-0123456789",
                 per_page: int = 100, clock: Clock = time.time) -> None:
        super().__init__(clock=clock)
        self.email = email
        self.token = token
        self.per_page = per_page
        self.clients: list[dict[str, Any]] = []
        self.projects: list[dict[str, Any]] = []
        self.services: list[dict[str, Any]] = []
        self.entries: dict[int, dict[str, Any]] = {}
        self.timer: dict[str, Any] | None = None
        #: ASSUMED 422 (Rails' default): the status of a validation error is unknown; 200 is possible
        self.validation_status = 422
        #: answer `services.json` as the seed document's example, one bare object, when there is one service
        self.bare_single_service = False
        #: the create answer carries the new entry's `id`; False leaves it out (the spec calls the body
        #: of a successful create unknown, so a client must cope with an answer that names no id)
        self.create_answer_id = True
        self._next_id = 1001

    # --- test helpers ----------------------------------------------------------------------------

    def load_catalog(self, catalog: Mapping[str, Any]) -> None:
        """Fill clients, projects and services from nlentry's catalog JSON shape.

        Project aliases become personal aliases (`projects.json`); `clients.json` nests the projects.
        """
        self.projects = [{"id": p["id"], "name": p["name"], "aliases": list(p.get("aliases", []))}
                         for p in catalog.get("projects", [])]
        self.clients = [
            {"id": c["id"], "name": c["name"],
             "projects": [{"id": p["id"], "name": p["name"], "aliases": []}
                          for p in catalog.get("projects", []) if p.get("client_id") == c["id"]]}
            for c in catalog.get("clients", [])
        ]
        self.services = [{"id": s["id"], "name": s["name"], "aliases": list(s.get("aliases", []))}
                         for s in catalog.get("services", [])]

    def start_timer(self, body: str, *, started_at: datetime, duration: int = 0,
                    project_id: int | None = None) -> dict[str, Any]:
        """Start a timer as the Timi app would (the API cannot)."""
        self.timer = {"id": self._new_id(), "body": body, "duration": duration, "project_id": project_id,
                      "date": started_at.date().isoformat(),
                      # ASSUMED: ISO 8601 with the offset; the spec does not know the format.
                      "timer_started_at": started_at.isoformat()}
        return self.timer

    def _new_id(self) -> int:
        self._next_id += 1
        return self._next_id - 1

    # --- the API ---------------------------------------------------------------------------------

    def rate_limited(self, wait: float) -> httpx.Response:
        # No Retry-After or X-RateLimit-* headers: none are documented for Timi.
        return json_response(429, {"message": "rate limit exceeded"})

    def _authorized(self, request: httpx.Request, form: Mapping[str, Any]) -> bool:
        expected = f"{self.email}:{self.token}"
        if request.headers.get("X-Api-Key") == expected:
            return True
        header = request.headers.get("Authorization", "")
        if header.startswith("Basic "):
            try:
                return base64.b64decode(header[6:]).decode() == expected
            except ValueError:
                return False
        for source in (request.url.params, form):
            if source.get("email") == self.email and source.get("token") == self.token:
                return True
        return False

    def handle(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if "/api/v1/" not in path:
            return json_response(404, {"message": "not found"})
        path = path.split("/api/v1/", 1)[1]
        form = form_or_json(request)  # ASSUMED: JSON bodies are accepted as well as form fields
        if not self._authorized(request, form):
            return json_response(401, {"message": "unauthorized"})
        method = request.method
        if method == "GET" and path == "clients.json":
            return json_response(200, self.clients)
        if method == "GET" and path == "projects.json":
            return json_response(200, self.projects)
        if method == "GET" and path == "services.json":
            bare = self.bare_single_service and len(self.services) == 1
            return json_response(200, self.services[0] if bare else self.services)
        if method == "GET" and path == "time_entries.json":
            return self._list(request.url.params)
        if method == "POST" and path == "time_entries.json":
            return self._create(form)
        if method == "GET" and path == "time_entries/timer.json":
            return json_response(200, self.timer or {})
        match = _ENTRY.fullmatch(path)
        if match:
            entry_id = int(match.group(1))
            if entry_id not in self.entries:
                return json_response(404, {"message": "not found"})  # ASSUMED body
            if method == "GET":
                return json_response(200, self._answer(self.entries[entry_id]))
            if method == "PATCH":
                return self._update(entry_id, form)
            if method == "DELETE":  # ASSUMED: the Rails resource route; 204 and no body
                del self.entries[entry_id]
                return json_response(204)
        return json_response(404, {"message": "not found"})

    def _validate(
        self, form: Mapping[str, Any], *, creating: bool
    ) -> tuple[dict[str, Any], dict[str, list[str]]]:
        """The changes in `form` and the Rails-style errors (Dutch messages, as Timi's docs show)."""
        errors: dict[str, list[str]] = {}
        changes: dict[str, Any] = {}
        if "body" in form or creating:
            if not str(form.get("body") or "").strip():
                errors["body"] = ["moet opgegeven zijn"]
            changes["body"] = str(form.get("body") or "")
        if "duration" in form or creating:
            raw = str(form.get("duration", "")).strip()
            if not raw:
                # ASSUMED: the fake does not read durations out of `body`; nlentry always sends one.
                errors["duration"] = ["moet opgegeven zijn"]
            elif not raw.isdigit():
                errors["duration"] = ["is geen getal"]
            elif int(raw) <= 0:
                errors["duration"] = ["moet groter zijn dan 0"]
            else:
                changes["duration"] = int(raw)
        if "date" in form:
            try:  # POST takes DD-MM-YYYY; ASSUMED strict: an ISO date is refused
                changes["date"] = datetime.strptime(str(form["date"]), "%d-%m-%Y").date().isoformat()
            except ValueError:
                errors["date"] = ["is ongeldig"]
        elif creating:
            changes["date"] = date.fromtimestamp(self.clock()).isoformat()
        for field, rows in (("project_id", self.projects), ("service_id", self.services)):
            if form.get(field) not in (None, ""):
                known = {str(r["id"]) for r in rows}
                if field == "project_id":
                    known |= {str(p["id"]) for c in self.clients for p in c["projects"]}
                if str(form[field]) not in known:
                    errors[field] = ["bestaat niet"]  # ASSUMED message
                else:
                    changes[field] = int(form[field]) if str(form[field]).isdigit() else form[field]
            elif creating:
                changes[field] = None
        return changes, errors

    def _create(self, form: Mapping[str, Any]) -> httpx.Response:
        changes, errors = self._validate(form, creating=True)
        if errors:
            return json_response(self.validation_status, {"errors": errors})
        entry = {"id": self._new_id(), **changes}
        self.entries[entry["id"]] = entry
        answer = self._answer(entry)
        if not self.create_answer_id:
            del answer["id"]
        return json_response(201, answer)  # ASSUMED: 201 (the status is not stated)

    def _update(self, entry_id: int, form: Mapping[str, Any]) -> httpx.Response:
        changes, errors = self._validate(form, creating=False)
        if errors:
            return json_response(self.validation_status, {"errors": errors})
        self.entries[entry_id].update(changes)
        return json_response(200, self._answer(self.entries[entry_id]))

    def _project(self, project_id: Any, *, with_client: bool) -> dict[str, Any] | None:
        """The nested `project` of an entry as Timi shows it (`{id, name}`, in lists with `client`)."""
        for client in self.clients:
            for p in client["projects"]:
                if str(p["id"]) == str(project_id):
                    nested = {"id": p["id"], "name": p["name"]}
                    return {**nested, "client": {"id": client["id"], "name": client["name"]}} if with_client \
                        else nested
        for p in self.projects:
            if str(p["id"]) == str(project_id):
                return {"id": p["id"], "name": p["name"], **({"client": None} if with_client else {})}
        return None

    def _answer(self, entry: Mapping[str, Any]) -> dict[str, Any]:
        """An entry as the create answer shows it (spec): no flat ids, `start_time`/`end_time` null."""
        # the spec shows no service on an entry; the fake keeps it internally (`entries`)
        return {"id": entry["id"], "body": entry["body"], "date": entry["date"],
                "duration": entry["duration"], "start_time": None, "end_time": None,
                "project": self._project(entry.get("project_id"), with_client=False)}

    def _row(self, entry: Mapping[str, Any]) -> dict[str, Any]:
        """A `time_entries.json` row (spec): the project nested with its client, the user; empty times."""
        return {"id": entry["id"], "body": entry["body"], "duration": entry["duration"],
                "start_time": "", "end_time": "", "date": entry["date"],
                "project": self._project(entry.get("project_id"), with_client=True),
                "user": {"id": 1, "display_name": self.email.split("@")[0]}}

    def _list(self, params: httpx.QueryParams) -> httpx.Response:
        rows = sorted(self.entries.values(), key=lambda e: e["id"])

        def day(value: str) -> str | None:
            for fmt in ("%Y-%m-%d", "%d-%m-%Y"):  # ASSUMED: the filter takes both forms
                try:
                    return datetime.strptime(value, fmt).date().isoformat()
                except ValueError:
                    continue
            return None

        if params.get("date"):
            rows = [r for r in rows if r["date"] == day(params["date"])]
        if params.get("start_date"):
            rows = [r for r in rows if r["date"] >= (day(params["start_date"]) or "")]
        if params.get("end_date"):
            rows = [r for r in rows if r["date"] <= (day(params["end_date"]) or "9999")]
        if params.get("project_ids"):  # ASSUMED: comma-separated ids
            wanted = set(params["project_ids"].split(","))
            rows = [r for r in rows if str(r["project_id"]) in wanted]
        page = int(params.get("page") or 1) if str(params.get("page") or "1").isdigit() else 1
        start = (page - 1) * self.per_page
        chunk = [self._row(r) for r in rows[start:start + self.per_page]]
        return json_response(200, {"current_page": page, "per_page": self.per_page,
                                   "total_entries": len(rows), "time_entries": chunk})
