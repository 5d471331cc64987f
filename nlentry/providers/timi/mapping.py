"""Timi JSON <-> nlentry values: the catalog, the entry form, listed entries and the running timer.

Pure functions (no HTTP), so the wire format is tested on its own. Shapes follow
`spec/providers.md` section 1; the values the spec leaves open are named in `assumptions.py`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Any

from nlentry.model import Catalog, Client, Entry, Id, Project, Service
from nlentry.providers.base import RejectedError, RemoteEntry
from nlentry.providers.timi import assumptions


def _rows(data: Any) -> list[dict[str, Any]]:
    """The objects of a list answer (tolerates a `{"data": [...]}` wrapper).

    A single bare object with an `id` is a list of one: the document's example of `services.json` is
    `{"id": 1, "name": "Development", "aliases": [...]}`, not a list.
    """
    if isinstance(data, dict) and isinstance(data.get("data"), list):
        data = data["data"]
    if isinstance(data, dict) and data.get("id") is not None:
        data = [data]
    return [r for r in data if isinstance(r, dict)] if isinstance(data, list) else []


def _valid(row: dict[str, Any]) -> bool:
    ident, name = row.get("id"), row.get("name")
    return (isinstance(ident, (int, str)) and not isinstance(ident, bool) and ident != ""
            and isinstance(name, str) and bool(name.strip()))


def _aliases(*lists: Any) -> tuple[str, ...]:
    """Aliases from several lists, first spelling kept, duplicates (case-insensitive) dropped."""
    seen: dict[str, str] = {}
    for raw in lists:
        for alias in raw if isinstance(raw, list) else ():
            if isinstance(alias, str) and alias.strip():
                seen.setdefault(alias.strip().casefold(), alias.strip())
    return tuple(seen.values())


def catalog_from(clients: Any, projects: Any, services: Any) -> Catalog:
    """Build the catalog from `clients.json`, `projects.json` and `services.json`.

    `clients.json` nests each client's projects (with aliases); `projects.json` lists projects with the
    user's personal aliases. A project's aliases are the union of both; its client comes from the
    nesting. Timi has no people endpoint: person names live in Timi as project aliases (naming a person
    selects their project), so `people` stays empty. Rows without an id or name are skipped.
    """
    client_rows = [c for c in _rows(clients) if _valid(c)]
    owner: dict[str, Id] = {}
    nested: dict[str, dict[str, Any]] = {}
    for client in client_rows:
        for project in _rows(client.get("projects")):
            if _valid(project):
                owner[str(project["id"])] = client["id"]
                nested[str(project["id"])] = project
    rows: dict[str, dict[str, Any]] = {str(p["id"]): p for p in _rows(projects) if _valid(p)}
    for key, project in nested.items():
        rows.setdefault(key, project)
    return Catalog(
        clients=tuple(Client(c["id"], c["name"].strip(), _aliases(c.get("aliases"))) for c in client_rows),
        projects=tuple(
            Project(p["id"], p["name"].strip(), owner.get(key, p.get("client_id")),
                    _aliases(p.get("aliases"), nested.get(key, {}).get("aliases")),
                    p["active"] if isinstance(p.get("active"), bool) else True)
            for key, p in rows.items()
        ),
        services=tuple(Service(s["id"], s["name"].strip(), _aliases(s.get("aliases")))
                       for s in _rows(services) if _valid(s)),
    )


def wire_date(day: date) -> str:
    """Timi's POST date: `DD-MM-YYYY` (e.g. `27-03-2016`)."""
    return day.strftime("%d-%m-%Y")


def read_date(value: Any) -> date | None:
    """A date as Timi may send it: `YYYY-MM-DD` (what the list filter takes) or `DD-MM-YYYY`."""
    if not isinstance(value, str):
        return None
    for fmt in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.strptime(value[:10], fmt).date()
        except ValueError:
            continue
    return None


def entry_body(entry: Entry) -> str:
    """The `body` Timi keeps for `entry`: text that says what the entry is now, never the stale phrase.

    An amended entry keeps the phrase it was read from (`amend 3 uur` leaves `1 uur overleg klant`),
    so the phrase cannot be the body. The body is the entry's description (the phrase without its day,
    times and length: `overleg klant`), which an amend replaces when it brings words of its own;
    with no description, the names the entry is booked to (`Webshop Development`), else its length
    as `H:MM`. The length, day, project and service themselves go in the explicit fields.
    """
    description = " ".join(entry.description.split())
    if description:
        return description
    names = " ".join(ref.name for ref in (entry.project or entry.client, entry.service) if ref is not None)
    if names:
        return names
    minutes = (entry.duration or 0) // 60
    return f"{minutes // 60}:{minutes % 60:02d}"


def entry_form(entry: Entry) -> dict[str, str]:
    """The form fields of `POST time_entries.json` / `PATCH time_entries/{id}.json`.

    `body` is `entry_body` (Timi keeps it and reads it), and nlentry's reading goes in the explicit
    overrides `duration` (seconds), `date` (DD-MM-YYYY), `project_id` and `service_id`, so Timi's own
    recognition of the text cannot contradict what the user confirmed.
    """
    if entry.duration is None or entry.duration <= 0:
        raise RejectedError("timi: the entry has no duration; Timi needs one")
    form = {"body": entry_body(entry), "duration": str(entry.duration), "date": wire_date(entry.date)}
    if entry.project is not None and entry.project.id is not None:
        form["project_id"] = str(entry.project.id)
    if entry.service is not None and entry.service.id is not None:
        form["service_id"] = str(entry.service.id)
    return form


def entry_object(data: Any) -> dict[str, Any] | None:
    """The entry in a create/update answer: the object itself or wrapped in `time_entry`.

    The spec does not know the answer to a create or update (`assumptions.CREATED_WRAPPER`).
    """
    if isinstance(data, dict) and isinstance(data.get(assumptions.CREATED_WRAPPER), dict):
        data = data[assumptions.CREATED_WRAPPER]
    return data if isinstance(data, dict) and data.get("id") is not None else None


def remote_entry(row: dict[str, Any], *, day: date) -> RemoteEntry:
    """A listed time entry; `day` is the date asked for, used when the row names none.

    Rows carry `id`, `body`, `duration` (seconds), `date` and the project nested with its client
    (`project: {id, name, client}`), as the spec shows; the service is not shown (left empty). A flat
    `project_id`/`service_id` is read too, should Timi send one.
    """
    project = row.get("project")
    nested = project.get("id") if isinstance(project, dict) else None
    return RemoteEntry(
        remote_id=str(row["id"]),
        date=read_date(row.get("date")) or day,
        duration=seconds(row.get("duration")),
        project_id=row.get("project_id", nested),
        service_id=row.get("service_id"),
        description=str(row.get("body") or ""),
        extra={k: v for k, v in row.items()
               if k not in {"id", "date", "duration", "project_id", "service_id", "body"}},
    )


def seconds(value: Any) -> int:
    """A duration in whole seconds from a number or numeric string; 0 when unreadable."""
    if isinstance(value, bool):
        return 0
    try:
        return max(0, round(float(value)))
    except (TypeError, ValueError):
        return 0


def entry_rows(data: Any) -> tuple[list[dict[str, Any]], int | None, int | None]:
    """One page of `time_entries.json`: (rows, total_entries, per_page); a bare list is one page."""
    if isinstance(data, list):
        return _rows(data), None, None
    if not isinstance(data, dict):
        return [], None, None
    total, per_page = data.get("total_entries"), data.get("per_page")
    return ([r for r in _rows(data.get("time_entries")) if r.get("id") is not None],
            total if isinstance(total, int) else None, per_page if isinstance(per_page, int) else None)


def _timi_zone() -> tzinfo:
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(assumptions.TIMER_ZONE)
    except Exception:  # no tz database: a fixed offset beats failing
        return timezone(timedelta(hours=1))


def read_timestamp(value: Any) -> datetime | None:
    """`timer_started_at` as an aware datetime.

    ISO 8601 (`2026-03-27T09:00:00+01:00`, `...Z`, or with a space); no offset means
    `assumptions.TIMER_ZONE` (the format is unknown).
    """
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=_timi_zone())


def timer_entry(data: Any, *, now: datetime, tz: tzinfo | None) -> RemoteEntry | None:
    """The running timer from `time_entries/timer.json`; `{}` (or no id) means none runs.

    Its duration is what was booked before this run plus the time since `timer_started_at`.
    """
    if not isinstance(data, dict) or data.get("id") is None:
        return None
    started = read_timestamp(data.get("timer_started_at"))
    total = seconds(data.get("duration"))
    local_start = None
    if started is not None:
        total += max(0, int((now - started).total_seconds()))
        local_start = started.astimezone(tz) if tz is not None else started.astimezone()
    base = remote_entry(data, day=local_start.date() if local_start else now.date())
    return RemoteEntry(
        remote_id=base.remote_id, date=base.date, duration=total,
        start=local_start.time().replace(microsecond=0) if local_start else None,
        project_id=base.project_id, service_id=base.service_id, description=base.description,
        extra={**base.extra, "running": True},
    )


def same_text(a: str, b: str) -> bool:
    """Texts equal up to surrounding and repeated whitespace (Timi may trim what it stores)."""
    return " ".join(a.split()) == " ".join(b.split())


def matches(remote: RemoteEntry, entry: Entry) -> bool:
    """Whether `remote` is `entry` already posted: same day, duration and body (and project if known)."""
    if remote.date != entry.date or remote.duration != entry.duration:
        return False
    if not same_text(remote.description, entry_body(entry)):
        return False
    wanted = entry.project.id if entry.project is not None else None
    return wanted is None or remote.project_id is None or str(remote.project_id) == str(wanted)


def first_match(remotes: Iterable[RemoteEntry], entry: Entry) -> RemoteEntry | None:
    """The first listed entry that `matches` `entry`."""
    return next((r for r in remotes if matches(r, entry)), None)
