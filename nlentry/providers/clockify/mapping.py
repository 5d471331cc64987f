"""Clockify JSON <-> nlentry values: the catalog, the time-entry body, listed entries, ISO 8601 durations.

Pure functions (no HTTP). Shapes follow spec/providers.md section 6; what it leaves open is named in
`assumptions.py`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, time, tzinfo
from typing import Any

from nlentry.model import Catalog, Entry
from nlentry.providers import _tracker
from nlentry.providers.base import RemoteEntry

_DURATION = re.compile(r"P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?")


def iso_duration(value: Any) -> int | None:
    """Seconds of an ISO 8601 duration as Clockify answers it (`PT1H30M` -> 5400); None if not one."""
    if not isinstance(value, str):
        return None
    match = _DURATION.fullmatch(value.strip())
    if match is None or value.strip() in ("P", "PT"):
        return None
    days, hours, minutes, seconds = match.groups()
    return (
        int(days or 0) * 86400 + int(hours or 0) * 3600 + int(minutes or 0) * 60 + round(float(seconds or 0))
    )


def catalog_from(clients: Any, projects: Any, services: Any) -> Catalog:
    """Clients, projects (`clientId`, `archived`) and services (tags or tasks); archived tags and
    non-active tasks left out; no aliases (nlentry's own alias store adds them)."""
    return _tracker.catalog_of(
        clients,
        projects,
        services,
        client_of=lambda p: p.get("clientId"),
        active=lambda row: not row.get("archived") and row.get("status", "ACTIVE") == "ACTIVE",
    )


def tag_index(tags: Any) -> dict[str, str]:
    """Tag ids by lower-case name, for the entry's tags and (setting) persons."""
    return {t["name"].strip().casefold(): str(t["id"]) for t in _tracker.named_rows(tags)}


def entry_body(
    entry: Entry,
    *,
    start: datetime,
    end: datetime | None,
    services: str,
    persons: str,
    tags: Mapping[str, str],
) -> dict[str, Any]:
    """The JSON of `POST`/`PUT .../time-entries`: `start` and `end` as UTC instants (no `end`: a
    running timer), `description`, `projectId`, `taskId`, `tagIds`, `billable` (spec section 6).

    Clockify names tags by id: the service (tags mode) and every entry tag or person (persons = tags)
    that is a tag of the workspace go to `tagIds`; a person with no such tag stays in the description,
    so no person is ever dropped.
    """
    tag_ids: list[str] = []
    if entry.service is not None and services == "tags":
        tag_ids.append(str(entry.service.id))
    tag_ids.extend(tags[t.casefold()] for t in entry.tags if t.casefold() in tags)
    untagged = entry
    if persons == "tags":
        tagged = [p for p in entry.persons if p.name.strip().casefold() in tags]
        tag_ids.extend(tags[p.name.strip().casefold()] for p in tagged)
        untagged = entry.replace(persons=tuple(p for p in entry.persons if p not in tagged))
    body: dict[str, Any] = {"start": _tracker.utc_text(start)}
    if end is not None:
        body["end"] = _tracker.utc_text(end)
    body.update(
        {
            "billable": bool(entry.billable),
            "description": _tracker.entry_text(untagged),
            "projectId": str(entry.project.id) if entry.project is not None else None,
            "taskId": str(entry.service.id) if entry.service is not None and services == "tasks" else None,
            "tagIds": list(dict.fromkeys(tag_ids)),
        }
    )
    return body


def _interval(row: Mapping[str, Any]) -> tuple[datetime | None, datetime | None, int | None]:
    found = row.get("timeInterval")
    interval: Mapping[str, Any] = found if isinstance(found, dict) else {}
    return (
        _tracker.read_instant(interval.get("start")),
        _tracker.read_instant(interval.get("end")),
        iso_duration(interval.get("duration")),
    )


def sent(row: dict[str, Any], body: dict[str, Any]) -> bool:
    """Whether the listed `row` is `body` as it was sent: every field compared."""
    start, end, _ = _interval(row)
    return (
        start == _tracker.read_instant(body["start"])
        and end == _tracker.read_instant(body.get("end"))
        and _tracker.same_text(row.get("description"), body["description"])
        and (row.get("projectId") or None) == body["projectId"]
        and (row.get("taskId") or None) == body["taskId"]
        and sorted(row.get("tagIds") or []) == sorted(body["tagIds"])
        and bool(row.get("billable")) == body["billable"]
    )


def remote_entry(
    row: dict[str, Any], *, tz: tzinfo | None, now: datetime, services: str
) -> RemoteEntry | None:
    """A listed entry in the user's zone; its length from `timeInterval.duration` (`PT1H30M`), a
    running one (no `end`) lasting until `now`."""
    start, end, duration = _interval(row)
    if start is None:
        return None
    zone = _tracker.local_zone(tz)
    if duration is None:
        duration = int(((end or now) - start).total_seconds())
    tag_ids = row.get("tagIds") or []
    return RemoteEntry(
        remote_id=str(row["id"]),
        date=start.astimezone(zone).date(),
        duration=max(0, duration),
        start=start.astimezone(zone).time().replace(microsecond=0),
        end=None if end is None else end.astimezone(zone).time().replace(microsecond=0),
        project_id=row.get("projectId") or None,
        service_id=row.get("taskId") if services == "tasks" else (tag_ids[0] if tag_ids else None),
        description=str(row.get("description") or ""),
        extra={"tag_ids": list(tag_ids), **({"running": True} if end is None else {})},
    )


def day_start(value: str | time) -> time:
    """`day_start` as a clock time."""
    return value if isinstance(value, time) else time.fromisoformat(value)


def workspaces(rows: Any, user: Mapping[str, Any]) -> list[_tracker.Workspace]:
    """`GET /workspaces` with the user's active (else default) workspace marked."""
    default = user.get("activeWorkspace") or user.get("defaultWorkspace")
    return [
        _tracker.Workspace(str(r["id"]), r["name"].strip(), str(r["id"]) == str(default))
        for r in _tracker.named_rows(rows)
    ]
