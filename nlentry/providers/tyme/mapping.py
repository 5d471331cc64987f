"""Tyme JSON <-> nlentry values: categories/projects/tasks as the catalog, `TimedTaskRecord` entries.

Pure functions (no HTTP). Tyme exchanges every date and time in UTC as `Y-m-d H:i:s`; nlentry's
entries are in the user's zone, so conversion happens here, in one place. Shapes follow
`spec/providers.md` section 4; answers whose shape is unknown are read tolerantly and marked `ASSUMED`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Any

from nlentry.model import Catalog, Client, Entry, Person, Project, Ref, Service
from nlentry.providers.base import RejectedError, RemoteEntry
from nlentry.providers.tyme import assumptions

WIRE_FORMAT = assumptions.WIRE_FORMAT
#: Record ids nlentry chooses: the prefix plus its idempotency key, so a retried create is an update.
ID_PREFIX = "nlentry-"
TIMER_MARK = "timer-"


@dataclass(frozen=True)
class Task:
    """A Tyme task: where time is booked. It belongs to a project, so its id depends on the project."""

    id: str
    name: str
    project_id: str | None
    open: bool = True


#: project id -> its tasks; task id -> its task
TaskIndex = dict[str, tuple[Task, ...]]


def rows(data: Any) -> list[dict[str, Any]]:
    """The entities of an answer. ASSUMED: a JSON array; one object or a `{"data": [...]}` is accepted."""
    if isinstance(data, dict) and isinstance(data.get("data"), list):
        data = data["data"]
    if isinstance(data, dict):
        data = [data]
    return [r for r in data if isinstance(r, dict)] if isinstance(data, list) else []


def _id(row: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = row.get(key)
        if isinstance(value, (int, str)) and not isinstance(value, bool) and value != "":
            return str(value)
    return None


def _name(row: dict[str, Any]) -> str | None:
    name = row.get("name")
    return name.strip() if isinstance(name, str) and name.strip() else None


def catalog_from(
    categories: Iterable[dict[str, Any]],
    projects: Iterable[dict[str, Any]],
    tasks: Iterable[dict[str, Any]],
    members: Iterable[dict[str, Any]] = (),
) -> tuple[Catalog, TaskIndex]:
    """The catalog and the task index from `search_entity` answers (and team members).

    Categories are the clients (Tyme groups projects in categories, usually one per customer);
    projects keep their category as `client_id` and are inactive once `completed_date` is set; tasks
    become services, one per distinct name, and `choose_task` finds the task of that name in the entry's
    project. Members are the people (ASSUMED: `{"id", "name"}` rows). Tyme has no aliases.
    ASSUMED: entities come back with the field names they are written with (`category_id` on a
    project, `related_id` = the project on a task, `completed_date`).
    """
    clients = tuple(Client(i, n) for r in categories for i, n in [(_id(r, "id"), _name(r))] if i and n)
    catalog_projects = tuple(
        Project(i, n, _id(r, "category_id"), (), not r.get("completed_date"))
        for r in projects for i, n in [(_id(r, "id"), _name(r))] if i and n
    )
    index: TaskIndex = {}
    services: dict[str, Service] = {}
    all_tasks = [Task(i, n, _id(r, "related_id", "project_id"), not r.get("completed_date"))
                 for r in tasks for i, n in [(_id(r, "id"), _name(r))] if i and n]
    for task in sorted(all_tasks, key=lambda t: not t.open):
        services.setdefault(task.name.casefold(), Service(task.id, task.name))
    for task in all_tasks:
        index[task.project_id or ""] = (*index.get(task.project_id or "", ()), task)
    people = tuple(Person(i, n) for r in members for i, n in [(_id(r, "id", "user_id"), _name(r))] if i and n)
    return Catalog(clients, catalog_projects, tuple(services.values()), people), index


def choose_task(index: TaskIndex, entry: Entry) -> str:
    """The task to book on: the service's task in the entry's project (by id, else by name).

    With a project but no service, a project with exactly one open task gets it. With no project,
    the service's own task is used (a task implies its project). Anything else is refused before
    sending, because a Tyme record must hang off a task.
    """
    service: Ref | None = entry.service
    if entry.project is None or entry.project.id is None:
        if service is not None and service.id is not None:
            return str(service.id)
        raise RejectedError("tyme: name a project or a task; Tyme books time on a task")
    project = str(entry.project.id)
    tasks = index.get(project, ())
    if service is None:
        open_tasks = [t for t in tasks if t.open]
        if len(open_tasks) == 1:
            return open_tasks[0].id
        names = ", ".join(t.name for t in open_tasks) or "none"
        raise RejectedError(f"tyme: name a task of {entry.project.name} (open tasks: {names})")
    for task in tasks:
        if service.id is not None and task.id == str(service.id):
            return task.id
    for task in tasks:
        if task.name.casefold() == service.name.casefold():
            return task.id
    raise RejectedError(f"tyme: project {entry.project.name} has no task {service.name!r}")


def to_utc(day: date, clock: time, tz: tzinfo | None) -> datetime:
    """A local date and time as an aware UTC datetime (`tz` None: the system's zone, DST included)."""
    local = datetime.combine(day, clock)
    local = local.replace(tzinfo=tz) if tz is not None else local.astimezone()
    return local.astimezone(timezone.utc)


def to_local(moment: datetime, tz: tzinfo | None) -> datetime:
    """An aware datetime in the user's zone, as a naive local datetime."""
    return (moment.astimezone(tz) if tz is not None else moment.astimezone()).replace(tzinfo=None)


def wire_time(moment: datetime) -> str:
    """Tyme's `Y-m-d H:i:s`, in UTC."""
    return moment.astimezone(timezone.utc).strftime(WIRE_FORMAT)


def read_time(value: Any) -> datetime | None:
    """A Tyme time (`Y-m-d H:i:s`, UTC) as an aware datetime; ISO 8601 with an offset is accepted too."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return datetime.strptime(value.strip(), WIRE_FORMAT).replace(tzinfo=timezone.utc)
    except ValueError:
        pass
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def span(entry: Entry, *, tz: tzinfo | None, day_start: time) -> tuple[datetime, datetime]:
    """The entry's start and end in UTC.

    The start is the stated one, else the end minus the duration, else `day_start` on the entry's date
    (ASSUMED: Tyme needs clock times; a phrase without them books from 09:00 local by default).
    """
    if entry.duration is None or entry.duration <= 0:
        raise RejectedError("tyme: the entry has no duration; Tyme needs one")
    length = timedelta(seconds=entry.duration)
    if entry.start is not None:
        start = to_utc(entry.date, entry.start, tz)
    elif entry.end is not None:
        start = to_utc(entry.date, entry.end, tz) - length
    else:
        start = to_utc(entry.date, day_start, tz)
    return start, start + length


def record(entry: Entry, *, record_id: str, task_id: str, start: datetime, end: datetime | None,
           user_id: str | None) -> dict[str, Any]:
    """The `update_entity` body of a `TimedTaskRecord` (a running one when `end` is None).

    The parent task goes under each of `assumptions.PARENT_FIELDS` (`related_id`, Tyme's current n8n
    node, and `task_id`, older material: which one the server requires is unknown); `note` carries the
    original phrase.
    """
    body: dict[str, Any] = {"type": "TimedTaskRecord", "id": record_id,
                            **dict.fromkeys(assumptions.PARENT_FIELDS, task_id),
                            "time_start": wire_time(start), "note": entry.text,
                            "billing_state": 0}
    if end is not None:
        body["time_end"] = wire_time(end)
    if user_id is not None:
        body["user_id"] = user_id
    return body


def record_id(key: str) -> str:
    """The Tyme id of the record for nlentry's idempotency `key`."""
    return ID_PREFIX + key


def timer_id(token: str) -> str:
    """The Tyme id of a timer record nlentry starts (no idempotency key: a timer is started once)."""
    return f"{ID_PREFIX}{TIMER_MARK}{token}"


def _key(remote_id: str) -> str | None:
    if not remote_id.startswith(ID_PREFIX) or remote_id.startswith(ID_PREFIX + TIMER_MARK):
        return None
    return remote_id[len(ID_PREFIX):]


def remote_entry(
    row: dict[str, Any], *, tz: tzinfo | None, now: datetime, projects: dict[str, str]
) -> RemoteEntry:
    """A listed `TimedTaskRecord` in the user's zone; a running one lasts until `now`.

    `projects` maps task ids to project ids (the record names only its task, ASSUMED).
    """
    start = read_time(row.get("time_start")) or now
    end = read_time(row.get("time_end"))
    local_start = to_local(start, tz)
    local_end = to_local(end, tz) if end is not None else None
    remote_id = str(row.get("id", ""))
    task = _id(row, "related_id", "task_id", "subtask_id")
    return RemoteEntry(
        remote_id=remote_id,
        date=local_start.date(),
        duration=max(0, int(((end or now) - start).total_seconds())),
        start=local_start.time(),
        end=local_end.time() if local_end is not None else None,
        project_id=_id(row, "project_id") or (projects.get(task) if task else None),
        service_id=task,
        description=str(row.get("note") or ""),
        key=_key(remote_id),
        extra={"running": end is None, **{k: row[k] for k in ("user_id", "billing_state") if k in row}},
    )
