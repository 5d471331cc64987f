"""Harvest JSON <-> nlentry values: the catalog from the user's project assignments, the time-entry
body (decimal `hours` or `started_time`/`ended_time`), listed entries, the task an entry is booked on.

Pure functions (no HTTP). Shapes follow spec/providers.md section 7; what it leaves open is named in
`assumptions.py`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from nlentry.model import Catalog, Client, Entry, Project, Service
from nlentry.providers import _tracker
from nlentry.providers.base import RejectedError, RemoteEntry
from nlentry.providers.harvest import assumptions


def _named(data: Any) -> dict[str, Any] | None:
    return (
        data
        if isinstance(data, dict)
        and data.get("id") is not None
        and isinstance(data.get("name"), str)
        and data["name"].strip()
        else None
    )


@dataclass
class Assignments:
    """What the user may book: projects with their client and the tasks assigned to each."""

    clients: dict[str, dict[str, Any]] = field(default_factory=dict)
    projects: dict[str, dict[str, Any]] = field(default_factory=dict)
    active: dict[str, bool] = field(default_factory=dict)
    tasks: dict[str, dict[str, str]] = field(default_factory=dict)  # project id -> task id -> name

    def add(self, rows: Any) -> None:
        """One page of `GET /users/me/project_assignments` (`project`, `client`, `task_assignments`)."""
        for row in rows if isinstance(rows, list) else ():
            project = _named(row.get("project")) if isinstance(row, dict) else None
            if project is None:
                continue
            key = str(project["id"])
            client = _named(row.get("client"))
            self.projects[key] = {**project, "client_id": client["id"] if client else None}
            self.active[key] = row.get("is_active", True) is not False
            if client is not None:
                self.clients[str(client["id"])] = client
            self.tasks[key] = {
                str(task["id"]): task["name"].strip()
                for ta in row.get("task_assignments") or []
                if isinstance(ta, dict)
                and ta.get("is_active", True) is not False
                and (task := _named(ta.get("task"))) is not None
            }

    def catalog(self) -> Catalog:
        """Clients, projects and, as services, every task assigned to an active project (once)."""
        services: dict[str, str] = {}
        for key, tasks in self.tasks.items():
            if self.active.get(key, True):
                for task_id, name in tasks.items():
                    services.setdefault(task_id, name)
        return Catalog(
            clients=tuple(Client(c["id"], c["name"].strip()) for c in self.clients.values()),
            projects=tuple(
                Project(p["id"], p["name"].strip(), p["client_id"], active=self.active[k])
                for k, p in self.projects.items()
            ),
            services=tuple(Service(int(i) if i.isdigit() else i, n) for i, n in services.items()),
        )


def task_for(
    entry: Entry, assignments: Assignments | None, defaults: Mapping[str, Any], default: str | None
) -> Any:
    """The task id to book `entry` on: its service, else the project's default task (setting
    `default_tasks`, by project name or id; then `default_task`); `RejectedError` asking for one when
    there is none, naming the tasks the project has."""
    if entry.service is not None and entry.service.id is not None:
        return entry.service.id
    project = entry.project
    assert project is not None  # checked by `entry_body` first
    wanted = (
        next(
            (
                v
                for k, v in defaults.items()
                if str(k).casefold() in (str(project.id).casefold(), project.name.casefold())
            ),
            None,
        )
        or default
    )
    tasks = assignments.tasks.get(str(project.id), {}) if assignments is not None else {}
    if wanted is not None:
        found = next(
            (i for i, n in tasks.items() if str(wanted) == i or str(wanted).casefold() == n.casefold()), None
        )
        if found is not None:
            return int(found) if found.isdigit() else found
        if str(wanted).isdigit():
            return int(wanted)
        raise RejectedError(
            f"harvest: the default task {wanted!r} of {project.name} is not one of its tasks "
            f"({', '.join(tasks.values()) or 'none assigned to you'})"
        )
    names = ", ".join(tasks.values()) or "none assigned to you"
    raise RejectedError(
        f"harvest: a Harvest entry needs a task and the phrase names none; name one ({names}) or set a "
        f'default task for {project.name}: [providers.harvest.default_tasks] "{project.name}" = "TASK" '
        'in config.toml (default_task = "TASK" for every project)'
    )


def hours(seconds: int) -> float:
    """Seconds as Harvest's decimal hours (5400 -> 1.5)."""
    return round(seconds / 3600, assumptions.HOURS_DECIMALS)


def clock(moment: time) -> str:
    """A clock time as Harvest's `started_time`/`ended_time` (`8:00am`)."""
    return datetime.combine(date.min, moment).strftime(assumptions.CLOCK_FORMAT).lstrip("0").lower()


def read_clock(value: Any) -> time | None:
    """`8:00am` (or `17:30`) as a clock time; None when not one."""
    if not isinstance(value, str) or not value.strip():
        return None
    for fmt in (assumptions.CLOCK_FORMAT, "%H:%M"):
        try:
            return datetime.strptime(value.strip().upper(), fmt).time()
        except ValueError:
            continue
    return None


def entry_body(
    entry: Entry, *, task_id: Any, timestamps: bool, running: bool = False, now: datetime | None = None
) -> dict[str, Any]:
    """The JSON of `POST /time_entries` / `PATCH /time_entries/{id}`: `project_id`, `task_id`,
    `spent_date`, `notes` (the description, persons named in it: Harvest has no other place for them)
    and the length: decimal `hours`, or on a timestamp account `started_time`/`ended_time` when the
    entry has clock times. A running timer sends no `hours` (and no `ended_time`)."""
    if entry.project is None or entry.project.id is None:
        raise RejectedError("harvest: a Harvest entry needs a project; name one in the phrase")
    body: dict[str, Any] = {
        "project_id": entry.project.id,
        "task_id": task_id,
        "spent_date": (now.date() if running and now else entry.date).isoformat(),
        "notes": _tracker.entry_text(entry),
    }
    if running:
        if timestamps and now is not None:
            body["started_time"] = clock(now.time())
        return body
    seconds = _tracker.need_duration("harvest", entry)
    if timestamps and entry.start is not None:
        end = entry.end or (datetime.combine(entry.date, entry.start) + timedelta(seconds=seconds)).time()
        body.update(started_time=clock(entry.start), ended_time=clock(end))
    else:
        body["hours"] = hours(seconds)
    return body


def _nested_id(row: Mapping[str, Any], key: str) -> Any:
    value = row.get(key)
    return value.get("id") if isinstance(value, dict) else row.get(f"{key}_id")


def sent(row: dict[str, Any], body: dict[str, Any]) -> bool:
    """Whether the listed `row` is `body` as it was sent: every field compared."""
    same = (
        row.get("spent_date") == body["spent_date"]
        and str(_nested_id(row, "project")) == str(body["project_id"])
        and str(_nested_id(row, "task")) == str(body["task_id"])
        and _tracker.same_text(row.get("notes"), body["notes"])
    )
    if "hours" in body:
        got = row.get("hours")
        return same and isinstance(got, (int, float)) and abs(got - body["hours"]) < assumptions.HOURS_MATCH
    return same and all(read_clock(row.get(k)) == read_clock(body[k]) for k in ("started_time", "ended_time"))


def remote_entry(row: dict[str, Any], *, now: datetime) -> RemoteEntry | None:
    """A listed entry: `spent_date`, decimal `hours` as seconds, the nested project and task; a
    running one (`is_running`) counts until `now` from `timer_started_at` when Harvest gives it."""
    try:
        day = date.fromisoformat(str(row.get("spent_date")))
    except ValueError:
        return None
    got = row.get("hours")
    seconds = round(got * 3600) if isinstance(got, (int, float)) and not isinstance(got, bool) else 0
    running = bool(row.get("is_running"))
    started = _tracker.read_instant(row.get("timer_started_at"))
    if running and started is not None:
        seconds += max(0, int((now - started).total_seconds()))
    return RemoteEntry(
        remote_id=str(row["id"]),
        date=day,
        duration=seconds,
        start=read_clock(row.get("started_time")),
        end=read_clock(row.get("ended_time")),
        project_id=_nested_id(row, "project"),
        service_id=_nested_id(row, "task"),
        description=str(row.get("notes") or ""),
        extra={"running": True} if running else {},
    )


def accounts(data: Any) -> list[_tracker.Workspace]:
    """The Harvest accounts of Harvest ID's account list (other products left out)."""
    rows = data.get("accounts") if isinstance(data, dict) else None
    found = [
        _tracker.Workspace(str(a["id"]), a["name"].strip())
        for a in rows or []
        if _named(a) is not None and a.get("product", "harvest") == "harvest"
    ]
    return found
