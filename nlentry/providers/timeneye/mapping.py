"""Timeneye JSON <-> nlentry values: projects with phases, clients, entries in minutes.

Pure functions (no HTTP). Shapes follow `spec/providers.md` section 2; Timeneye's new API has no
published reference here, so several names are `ASSUMED` and read tolerantly (both spellings seen in
real clients are accepted, both are sent).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from nlentry.model import Catalog, Client, Entry, Id, Project, Ref, Service
from nlentry.providers.base import RejectedError, RemoteEntry
from nlentry.providers.timeneye import assumptions


@dataclass(frozen=True)
class Phase:
    """A project's phase: Timeneye's "service" is per project, so its id depends on the project."""

    id: Id
    name: str
    open: bool = True


#: project id (as text) -> its phases
PhaseIndex = dict[str, tuple[Phase, ...]]


def page(data: Any) -> tuple[list[dict[str, Any]], int | None]:
    """One page of a list answer: (rows, last_page). Laravel's `{data, meta}` or a bare list (one page)."""
    if isinstance(data, list):
        return [r for r in data if isinstance(r, dict)], None
    if isinstance(data, dict) and isinstance(data.get("data"), list):
        meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
        last = meta.get("last_page") if isinstance(meta, dict) else None
        return [r for r in data["data"] if isinstance(r, dict)], last if isinstance(last, int) else None
    return [], None


def _id(row: dict[str, Any], *keys: str) -> Id | None:
    for key in keys:
        value = row.get(key)
        if isinstance(value, (int, str)) and not isinstance(value, bool) and value != "":
            return value
    return None


def _name(row: dict[str, Any]) -> str | None:
    name = row.get("name")
    return name.strip() if isinstance(name, str) and name.strip() else None


def _truthy(value: Any, default: bool = True) -> bool:
    return default if value is None else bool(value) and value not in ("0", "false")


def catalog_from(
    projects: Iterable[dict[str, Any]], clients: Iterable[dict[str, Any]]
) -> tuple[Catalog, PhaseIndex]:
    """The catalog and the phase index from `GET /projects` (phases loaded) and `GET /clients` rows.

    Phases become services, one per distinct name (case-insensitive), carrying the id of the first
    open phase of that name: the parser matches "development" once, and `choose_phase` finds the
    phase of that name in the entry's own project when posting. Timeneye has no aliases and no
    people list in what is known of its API, so both stay empty (aliases added locally survive sync).
    """
    index: PhaseIndex = {}
    services: dict[str, Service] = {}
    catalog_projects: list[Project] = []
    for row in projects:
        ident, name = _id(row, "project_id", "id"), _name(row)
        if ident is None or name is None:
            continue
        phases = tuple(
            Phase(pid, pname, _truthy(p.get("is_open")))
            for p in row.get("phases") or () if isinstance(p, dict)
            for pid, pname in [(_id(p, "phase_id", "id"), _name(p))] if pid is not None and pname is not None
        )
        index[str(ident)] = phases
        for phase in sorted(phases, key=lambda p: not p.open):
            services.setdefault(phase.name.casefold(), Service(phase.id, phase.name))
        active = (_truthy(row.get("is_active", row.get("is_open")))
                  and not _truthy(row.get("is_archived"), False))
        catalog_projects.append(Project(ident, name, _id(row, "client_id"), (), active))
    catalog_clients = tuple(
        Client(ident, name) for row in clients
        for ident, name in [(_id(row, "client_id", "id"), _name(row))]
        if ident is not None and name is not None
    )
    return Catalog(catalog_clients, tuple(catalog_projects), tuple(services.values())), index


def choose_phase(phases: tuple[Phase, ...], service: Ref | None, *, project: str) -> Id | None:
    """The phase to book on in a project: the service's own id, else the phase of the same name.

    With no service named, a project with exactly one open phase gets that one; otherwise no phase is
    sent and Timeneye decides (it may refuse: the user then picks one). A service the project has no
    phase of is refused here, before sending, rather than booked on another project's phase.
    """
    if service is None:
        open_phases = [p for p in phases if p.open]
        return open_phases[0].id if len(open_phases) == 1 else None
    if service.id is not None:
        for phase in phases:
            if str(phase.id) == str(service.id):
                return phase.id
    for phase in phases:
        if phase.name.casefold() == service.name.casefold():
            return phase.id
    raise RejectedError(f"timeneye: project {project} has no phase {service.name!r}")


def minutes(seconds: int) -> int:
    """Seconds to Timeneye's whole minutes: rounded half up, at least one."""
    return max(1, (seconds + 30) // 60)


def wire_id(value: Id) -> Id:
    """An id as JSON: numeric text becomes a number (ids may come back from a local store as text)."""
    return int(value) if isinstance(value, str) and value.isdigit() else value


def entry_body(entry: Entry, phase_id: Id | None) -> dict[str, Any]:
    """The JSON of `POST /entries` (and the update).

    The field names are unknown (`assumptions.DURATION_FIELDS`, `DATE_FIELDS`), so both spellings
    are sent; Laravel ignores fields it does not know. `notes` carries the original phrase.
    """
    if entry.duration is None or entry.duration <= 0:
        raise RejectedError("timeneye: the entry has no duration; Timeneye needs one")
    body: dict[str, Any] = {
        **dict.fromkeys(assumptions.DURATION_FIELDS, minutes(entry.duration)),
        **dict.fromkeys(assumptions.DATE_FIELDS, entry.date.isoformat()),
        "notes": entry.text,
    }
    if entry.project is not None and entry.project.id is not None:
        body["project_id"] = wire_id(entry.project.id)
    if phase_id is not None:
        body["phase_id"] = wire_id(phase_id)
    return body


def entry_object(data: Any) -> dict[str, Any] | None:
    """The entry in a create/update answer (ASSUMED: `{"data": entry}` or the bare entry)."""
    if isinstance(data, dict) and isinstance(data.get("data"), dict):
        data = data["data"]
    return data if isinstance(data, dict) and _id(data, "entry_id", "id") is not None else None


def entry_id(row: dict[str, Any]) -> str:
    """An entry's id as text (`entry_id`, or `id`)."""
    return str(_id(row, "entry_id", "id"))


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def remote_entry(row: dict[str, Any], *, day: date) -> RemoteEntry:
    """A listed entry: minutes become seconds, the phase is the service, `notes` the description."""
    raw = row.get("entry_minutes", row.get("minutes"))
    try:
        mins = int(float(raw)) if raw is not None and not isinstance(raw, bool) else 0
    except ValueError:
        mins = 0
    return RemoteEntry(
        remote_id=entry_id(row),
        date=_date(row.get("entry_date", row.get("date"))) or day,
        duration=mins * 60,
        project_id=row.get("project_id"),
        service_id=row.get("phase_id"),
        description=str(row.get("notes") or ""),
        extra={k: row[k] for k in ("user_id", "client_id", "todo_id", "billed") if k in row},
    )


def matches(remote: RemoteEntry, entry: Entry) -> bool:
    """`remote` is `entry` already posted: same day, minutes and notes (and project when both name one)."""
    if entry.duration is None or remote.date != entry.date or remote.duration != minutes(entry.duration) * 60:
        return False
    if " ".join(remote.description.split()) != " ".join(entry.text.split()):
        return False
    wanted = entry.project.id if entry.project is not None else None
    return wanted is None or remote.project_id is None or str(remote.project_id) == str(wanted)
