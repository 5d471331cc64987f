"""An in-process emulator of Timeneye's current API (`spec/providers.md` section 2 and section 12).

Usage::

    fake = TimeneyeFake()
    fake.load_catalog({"projects": [...], "services": [...]})   # each service: a phase of every project
    provider = TimeneyeProvider(token=fake.personal_token, base_url=TimeneyeFake.BASE_URL,
                                transport=fake.transport())

What it reproduces: `Authorization: Bearer` (personal tokens for a year, OAuth access tokens for a day)
and 401 `{"message": "Unauthenticated."}`; the OAuth Authorization Code + PKCE (S256) login and the
refresh grant, with rotating refresh tokens; minutes on the wire; Laravel pages
`{data, meta: {current_page, last_page, total}}`; 422 `{"message", "errors": {field: [msg]}}`;
the role-based 403 for a member's `POST /clients`; the rate limit (500 requests per 5 minutes unless
changed through `rate_limit_after`) with `X-RateLimit-Limit`/`-Remaining` on every answer and 429 with
`Retry-After` and `X-RateLimit-Reset`. Unknowns are chosen and marked `ASSUMED`.
"""

from __future__ import annotations

import math
import re
import secrets
import time
from collections.abc import Mapping
from datetime import date, datetime, timezone
from typing import Any

import httpx

from nlentry.providers._http.client import Clock
from nlentry.providers._http.testing import FakeApi, FakeOAuth, form_or_json, json_response

_ENTRY = re.compile(r"entries/(\d+)")
ACCESS_TTL = 86400  # one day
PAT_TTL = 365 * 86400  # one year


def _iso(moment: float) -> str:
    return datetime.fromtimestamp(moment, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


class TimeneyeFake(FakeApi):
    """Timeneye in memory: apps and tokens, clients, projects with phases, entries of one user."""

    BASE_URL = "https://timeneye.test/api/v1"
    rate_window = 300.0  # five minutes; the count resets when the window ends [doc]

    def __init__(self, *, plan_limit: int = 500, role: str = "admin", clock: Clock = time.time) -> None:
        super().__init__(clock=clock)
        self.rate_limit_after = plan_limit
        self.role = role
        self.user_id = 42
        self.personal_token = "tn-pat-" + secrets.token_hex(12)
        self.oauth = FakeOAuth(clock=lambda: self.clock(), ttl=ACCESS_TTL, prefix="tn")
        self.oauth.add_static(self.personal_token, PAT_TTL)
        self.clients: list[dict[str, Any]] = []
        self.projects: list[dict[str, Any]] = []
        self.entries: dict[int, dict[str, Any]] = {}
        #: ASSUMED field names of POST /entries are unknown: None reads either spelling; a pair such as
        #: ("entry_minutes", "entry_date") makes the fake read only those (to test tolerance).
        self.strict_names: tuple[str, str] | None = None
        #: the create answer carries the new entry's id; False leaves it out (the spec calls the body
        #: of that answer unknown, so a client must cope with one that names no id)
        self.create_answer_id = True
        self._next = {"entry": 71, "phase": 4001, "client": 901}

    # --- test helpers ----------------------------------------------------------------------------

    def _new(self, kind: str) -> int:
        self._next[kind] += 1
        return self._next[kind] - 1

    def load_catalog(self, catalog: Mapping[str, Any]) -> None:
        """Clients and projects from nlentry's catalog shape; each service: a phase of every project."""
        self.clients = [{"client_id": c["id"], "name": c["name"]} for c in catalog.get("clients", [])]
        self.projects = [
            {"project_id": p["id"], "name": p["name"], "client_id": p.get("client_id"),
             "is_archived": 0 if p.get("active", True) else 1,
             "phases": [{"phase_id": self._new("phase"), "project_id": p["id"], "name": s["name"],
                         "is_open": 1, "phase_category_id": None, "budget_minutes": 0}
                        for s in catalog.get("services", [])]}
            for p in catalog.get("projects", [])
        ]

    def register_app(self, client_id: str, redirect_uri: str) -> None:
        """An app from the Developers portal (name and redirect URI; PKCE, no secret)."""
        self.oauth.register_app(client_id, redirect_uri)

    def authorize(self, url: str) -> str:
        """The user approves the app at `url` (the authorize page): returns where the browser is sent."""
        return self.oauth.authorize(url)

    def issue_token(self, client_id: str = "nlentry-test") -> dict[str, Any]:
        """A fresh OAuth token answer, as if the login had happened (registers `client_id` if new)."""
        self.oauth.apps.setdefault(client_id, ("http://127.0.0.1/callback", None))
        return self.oauth.issue(client_id)

    def expire_access_tokens(self) -> None:
        """Every OAuth access token expires now (personal tokens stay valid)."""
        self.oauth.expire_all()

    # --- protocol pieces -------------------------------------------------------------------------

    def counts_for_rate_limit(self, request: httpx.Request) -> bool:
        return "/api/v1/" in request.url.path  # ASSUMED: the OAuth routes are not counted

    def _rate_headers(self) -> dict[str, str]:
        if self.rate_limit_after is None:
            return {}
        return {"X-RateLimit-Limit": str(self.rate_limit_after),
                "X-RateLimit-Remaining": str(self.window_remaining),
                "X-RateLimit-Reset": str(math.ceil(self.window_reset))}

    def rate_limited(self, wait: float) -> httpx.Response:
        return json_response(429, {"message": "Too Many Attempts."}, {  # ASSUMED body: Laravel's throttle
            **self._rate_headers(), "X-RateLimit-Remaining": "0",
            "Retry-After": str(max(1, math.ceil(wait))),
            "X-RateLimit-Reset": str(math.ceil(self.window_reset))})

    def finish(self, request: httpx.Request, response: httpx.Response) -> httpx.Response:
        # ASSUMED: Limit, Remaining and Reset come on every answer (the spec says to emulate them
        # everywhere); Retry-After only with a 429.
        if self.counts_for_rate_limit(request):
            response.headers.update(self._rate_headers())
        return response

    def handle(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path.endswith("/oauth/token") and request.method == "POST":
            return self._token(form_or_json(request))
        if "/api/v1/" not in path:
            return json_response(404, {"message": "Not Found"})
        header = request.headers.get("Authorization", "")
        token = header[7:] if header.startswith("Bearer ") else ""
        if not self.oauth.valid(token):
            return json_response(401, {"message": "Unauthenticated."})
        route, method = path.split("/api/v1/", 1)[1].rstrip("/"), request.method
        if route == "projects" and method == "GET":
            body = form_or_json(request) if request.content else {}
            load = request.url.params.get_list("load[]") + list(body.get("load") or [])
            rows = [p if "phases" in load else {k: v for k, v in p.items() if k != "phases"}
                    for p in self.projects]
            return self._page(rows, request.url.params)
        if route == "clients" and method == "GET":
            return self._page(self.clients, request.url.params)
        if route == "clients" and method == "POST":
            if self.role != "admin":
                return json_response(403, {"message": "This action is unauthorized."})
            name = str(form_or_json(request).get("name") or "").strip()
            if not name:
                return self._invalid({"name": ["The name field is required."]})
            client = {"client_id": self._new("client"), "name": name}
            self.clients.append(client)
            return json_response(201, {"data": client})
        if route == "entries" and method == "GET":
            return self._list(request.url.params)
        if route == "entries" and method == "POST":
            return self._save(None, form_or_json(request))
        match = _ENTRY.fullmatch(route)
        if match:
            entry_id = int(match.group(1))
            if entry_id not in self.entries:
                return json_response(404, {"message": "Not Found"})
            if method == "GET":
                return json_response(200, {"data": self.entries[entry_id]})
            if method in ("PATCH", "PUT"):  # ASSUMED: Laravel resource routes
                return self._save(entry_id, form_or_json(request))
            if method == "DELETE":
                del self.entries[entry_id]
                return json_response(204)
        return json_response(404, {"message": "Not Found"})

    # --- OAuth -----------------------------------------------------------------------------------

    def _token(self, form: Mapping[str, Any]) -> httpx.Response:
        """ASSUMED: Laravel Passport's token endpoint; its errors also carry a `message`."""
        status, body = self.oauth.grant(form)
        if status != 200:
            body = {**body, "message": body.get("error_description", "")}
        return json_response(status, body)

    # --- entries ---------------------------------------------------------------------------------

    def _page(self, rows: list[dict[str, Any]], params: httpx.QueryParams) -> httpx.Response:
        """Laravel's paginator: `per_page` (default 15, at most 100, ASSUMED) and `page`."""
        per_page = min(100, max(1, int(params.get("per_page") or 15)))
        number = max(1, int(params.get("page") or 1))
        last = max(1, math.ceil(len(rows) / per_page))
        return json_response(200, {"data": rows[(number - 1) * per_page: number * per_page],
                                   "meta": {"current_page": number, "last_page": last, "per_page": per_page,
                                            "total": len(rows)}})

    def _list(self, params: httpx.QueryParams) -> httpx.Response:
        rows = sorted(self.entries.values(), key=lambda e: e["entry_id"])
        if params.get("date_from"):
            rows = [r for r in rows if r["entry_date"] >= params["date_from"]]
        if params.get("date_to"):
            rows = [r for r in rows if r["entry_date"] <= params["date_to"]]
        members = params.get_list("member_ids[]")
        if members:
            rows = [r for r in rows if str(r["user_id"]) in members]
        if self.role != "admin":  # members see only their own entries [doc]
            rows = [r for r in rows if r["user_id"] == self.user_id]
        return self._page(rows, params)

    def _invalid(self, errors: dict[str, list[str]]) -> httpx.Response:
        first = next(iter(errors.values()))[0]
        more = sum(len(v) for v in errors.values()) - 1
        message = first + (f" (and {more} more error{'s' * (more > 1)})" if more else "")
        return json_response(422, {"message": message, "errors": errors})

    def _save(self, entry_id: int | None, form: Mapping[str, Any]) -> httpx.Response:
        creating = entry_id is None
        current = self.entries.get(entry_id or -1, {})
        errors: dict[str, list[str]] = {}
        minutes_names, date_names = (
            ((self.strict_names[0],), (self.strict_names[1],)) if self.strict_names
            else (("minutes", "entry_minutes"), ("date", "entry_date")))
        raw_minutes = next((form[n] for n in minutes_names if n in form), None)
        raw_date = next((form[n] for n in date_names if n in form), None)
        project_id = form.get("project_id", current.get("project_id"))
        project = next((p for p in self.projects if str(p["project_id"]) == str(project_id)), None)
        if project_id in (None, ""):
            errors["project_id"] = ["The project id field is required."]
        elif project is None:
            errors["project_id"] = ["The selected project id is invalid."]
        phase_id = form.get("phase_id", current.get("phase_id") if "project_id" not in form else None)
        if project is not None:
            phases = [ph for ph in project["phases"] if ph["is_open"]]
            if phase_id in (None, "") and phases:  # ASSUMED: required when the project has phases
                errors["phase_id"] = ["The phase id field is required."]
            elif phase_id not in (None, "") and str(phase_id) not in {str(ph["phase_id"]) for ph in phases}:
                errors["phase_id"] = ["The selected phase id is invalid."]
        minutes = current.get("entry_minutes")
        if raw_minutes is not None or creating:
            if raw_minutes is None:
                errors["minutes"] = ["The minutes field is required."]
            elif isinstance(raw_minutes, bool) or not str(raw_minutes).isdigit():
                errors["minutes"] = ["The minutes field must be an integer."]
            elif not 1 <= int(raw_minutes) <= 1440:
                errors["minutes"] = ["The minutes field must be between 1 and 1440."]
            else:
                minutes = int(raw_minutes)
        day = current.get("entry_date")
        if raw_date is not None or creating:
            try:
                day = date.fromisoformat(str(raw_date)).isoformat() if raw_date is not None else None
            except ValueError:
                day = None
            if day is None or len(str(raw_date)) != 10:
                errors["date"] = ["The date field must match the format Y-m-d." if raw_date is not None
                                  else "The date field is required."]
        if errors:
            return self._invalid(errors)
        assert project is not None
        now = _iso(self.clock())
        entry = {**current, "entry_id": entry_id or self._new("entry"),
                 "user_id": current.get("user_id", self.user_id), "project_id": project["project_id"],
                 "phase_id": int(phase_id) if str(phase_id).isdigit() else None,
                 "client_id": project.get("client_id"), "entry_date": day, "entry_minutes": minutes,
                 "notes": str(form.get("notes", current.get("notes", ""))), "billed": 0,
                 "created_date": current.get("created_date", now), "updated_date": now}
        self.entries[entry["entry_id"]] = entry
        if creating and not self.create_answer_id:
            return json_response(201, {"data": {k: v for k, v in entry.items() if k != "entry_id"}})
        return json_response(201 if creating else 200, {"data": entry})  # ASSUMED answer shape
