"""Toggl Track JSON <-> nlentry values: the catalog, the time-entry body, listed entries.

Pure functions (no HTTP). Shapes follow spec/providers.md section 5; what it leaves open is named in
`assumptions.py`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time, tzinfo
from typing import Any

from nlentry.model import Catalog, Entry
from nlentry.providers import _tracker
from nlentry.providers.base import RemoteEntry
from nlentry.providers.toggl import assumptions


def catalog_from(clients: Any, projects: Any, services: Any) -> Catalog:
    """Clients, projects (with `client_id` and `active`) and services (tags or tasks; a task with
    `active: false` left out); no aliases: Toggl keeps none, nlentry's own alias store adds them."""
    return _tracker.catalog_of(
        clients,
        projects,
        services,
        client_of=lambda p: p.get("client_id"),
        active=lambda row: row.get("active", True) is not False,
    )


def entry_body(
    entry: Entry, *, workspace_id: int, start: datetime, duration: int, services: str, persons: str
) -> dict[str, Any]:
    """The JSON of `POST`/`PUT .../time_entries`: `start` (RFC 3339) and `duration` in seconds
    (negative: running), `workspace_id` (as in the path) and `created_with`, as the document shows.

    The service is a tag (its name, first) or the `task_id`, after `services`; persons go into the
    description, or are tags after `persons`; the entry's own tags are tags.
    """
    tags: list[str] = []
    if entry.service is not None and services == "tags":
        tags.append(entry.service.name)
    tags.extend(entry.tags)
    if persons == "tags":
        tags.extend(_tracker.person_names(entry))
    body: dict[str, Any] = {
        "created_with": assumptions.CREATED_WITH,
        "description": _tracker.entry_text(entry, with_persons=persons != "tags"),
        "tags": list(dict.fromkeys(tags)),
        "billable": bool(entry.billable),
        "workspace_id": workspace_id,
        "project_id": entry.project.id if entry.project is not None else None,
        "duration": duration,
        "start": _tracker.utc_text(start),
        "stop": None,
    }
    if entry.service is not None and services == "tasks":
        body["task_id"] = entry.service.id
    return body


def _ids_equal(a: Any, b: Any) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and str(a) == str(b))


def sent(row: dict[str, Any], body: dict[str, Any]) -> bool:
    """Whether the listed `row` is `body` as it was sent: every field compared."""
    start, wanted = _tracker.read_instant(row.get("start")), _tracker.read_instant(body["start"])
    return (
        start == wanted
        and row.get("duration") == body["duration"]
        and _tracker.same_text(row.get("description"), body["description"])
        and _ids_equal(row.get("project_id", row.get("pid")), body.get("project_id"))
        and _ids_equal(row.get("task_id"), body.get("task_id"))
        and sorted(row.get("tags") or []) == sorted(body["tags"])
        and _ids_equal(row.get("workspace_id", row.get("wid")), body["workspace_id"])
        and bool(row.get("billable")) == body["billable"]
    )


def remote_entry(
    row: dict[str, Any], *, tz: tzinfo | None, now: datetime, services: str
) -> RemoteEntry | None:
    """A listed entry in the user's zone; a running one (negative `duration`) lasts until `now`."""
    start = _tracker.read_instant(row.get("start"))
    if start is None:
        return None
    local = start.astimezone(_tracker.local_zone(tz))
    duration = row.get("duration")
    running = not isinstance(duration, int) or duration < 0
    seconds = (
        duration if isinstance(duration, int) and not running else max(0, int((now - start).total_seconds()))
    )
    stop = _tracker.read_instant(row.get("stop"))
    tag_ids = row.get("tag_ids") or []
    service = row.get("task_id") if services == "tasks" else (tag_ids[0] if tag_ids else None)
    return RemoteEntry(
        remote_id=str(row["id"]),
        date=local.date(),
        duration=seconds,
        start=local.time().replace(microsecond=0),
        end=None if stop is None else stop.astimezone(_tracker.local_zone(tz)).time().replace(microsecond=0),
        project_id=row.get("project_id", row.get("pid")),
        service_id=service,
        description=str(row.get("description") or ""),
        extra={"tags": list(row.get("tags") or []), **({"running": True} if running else {})},
    )


def current(data: Any) -> dict[str, Any] | None:
    """The running entry of `GET /me/time_entries/current`: the bare object, `null`, or wrapped in `data`."""
    if isinstance(data, dict) and isinstance(data.get(assumptions.CURRENT_WRAPPER), dict):
        data = data[assumptions.CURRENT_WRAPPER]
    return data if isinstance(data, dict) and data.get("id") is not None else None


def day_start(value: str | time) -> time:
    """`day_start` as a clock time."""
    return value if isinstance(value, time) else time.fromisoformat(value)


def workspaces(rows: Any, default_id: Any) -> list[_tracker.Workspace]:
    """`GET /workspaces` with the one `/me` names as default."""
    return [
        _tracker.Workspace(str(r["id"]), r["name"].strip(), str(r["id"]) == str(default_id))
        for r in _tracker.named_rows(rows)
    ]


def in_workspace(rows: Iterable[dict[str, Any]], workspace_id: int) -> list[dict[str, Any]]:
    """The rows of one workspace (`/me/time_entries` lists every workspace's)."""
    return [
        r
        for r in rows
        if isinstance(r, dict)
        and r.get("id") is not None
        and str(r.get("workspace_id", r.get("wid", workspace_id))) == str(workspace_id)
    ]
