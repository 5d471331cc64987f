"""The values that cross stage boundaries: the catalog a phrase is resolved against, and the Entry.

Everything here is a frozen dataclass: stages hand values on, they never change them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, time
from pathlib import Path
from typing import Any

from nlentry.errors import CatalogError

Id = int | str


# --- catalog -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Client:
    """A client (customer) that projects belong to."""

    id: Id
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Project:
    """A project time is booked on; `client_id` links it to its `Client`."""

    id: Id
    name: str
    client_id: Id | None = None
    aliases: tuple[str, ...] = ()
    active: bool = True


@dataclass(frozen=True)
class Service:
    """An activity (Timi 'service', Timeneye 'phase', Tyme 'task'): what kind of work it was."""

    id: Id
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Person:
    """Someone the work was done with."""

    id: Id
    name: str
    aliases: tuple[str, ...] = ()


def _id(raw: Any, where: str) -> Id:
    if isinstance(raw, bool) or not isinstance(raw, (int, str)) or raw == "":
        raise CatalogError(f"{where}: 'id' must be an integer or a non-empty string")
    return raw


def _name(raw: Any, where: str) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise CatalogError(f"{where}: 'name' must be a non-empty string")
    return raw.strip()


def _aliases(raw: Any, where: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(a, str) for a in raw):
        raise CatalogError(f"{where}: 'aliases' must be a list of strings")
    return tuple(a.strip() for a in raw if a.strip())


@dataclass(frozen=True)
class Catalog:
    """The clients, projects, services and people a phrase is resolved against.

    Usage::

        catalog = Catalog.load("catalog.json")
        catalog = Catalog.from_dict({"projects": [{"id": 47, "name": "Timi", "aliases": ["tango"]}]})

    The JSON format is the one in the conventions: four optional lists; ids are ints or strings;
    `aliases`, `client_id` and `active` are optional.
    """

    clients: tuple[Client, ...] = ()
    projects: tuple[Project, ...] = ()
    services: tuple[Service, ...] = ()
    people: tuple[Person, ...] = ()

    @classmethod
    def from_dict(cls, data: Any) -> Catalog:
        """Build a catalog from the conventions' JSON shape; raises `CatalogError` when malformed."""
        if not isinstance(data, dict):
            raise CatalogError("a catalog must be a JSON object")
        unknown = set(data) - {"clients", "projects", "services", "people"}
        if unknown:
            raise CatalogError(f"unknown catalog section(s): {', '.join(sorted(unknown))}")

        def rows(section: str) -> list[dict[str, Any]]:
            raw = data.get(section) or []
            if not isinstance(raw, list) or not all(isinstance(r, dict) for r in raw):
                raise CatalogError(f"'{section}' must be a list of objects")
            return raw

        clients = tuple(
            Client(_id(r.get("id"), f"clients[{i}]"), _name(r.get("name"), f"clients[{i}]"),
                   _aliases(r.get("aliases"), f"clients[{i}]"))
            for i, r in enumerate(rows("clients"))
        )
        projects = []
        for i, r in enumerate(rows("projects")):
            where = f"projects[{i}]"
            client_id = r.get("client_id")
            active = r.get("active", True)
            if not isinstance(active, bool):
                raise CatalogError(f"{where}: 'active' must be true or false")
            projects.append(Project(
                _id(r.get("id"), where), _name(r.get("name"), where),
                None if client_id is None else _id(client_id, where + ".client_id"),
                _aliases(r.get("aliases"), where), active,
            ))
        services = tuple(
            Service(_id(r.get("id"), f"services[{i}]"), _name(r.get("name"), f"services[{i}]"),
                    _aliases(r.get("aliases"), f"services[{i}]"))
            for i, r in enumerate(rows("services"))
        )
        people = tuple(
            Person(_id(r.get("id"), f"people[{i}]"), _name(r.get("name"), f"people[{i}]"),
                   _aliases(r.get("aliases"), f"people[{i}]"))
            for i, r in enumerate(rows("people"))
        )
        return cls(clients, tuple(projects), services, people)

    @classmethod
    def load(cls, path: str | Path) -> Catalog:
        """Read a catalog JSON file; raises `CatalogError` with the file name when it cannot."""
        import json

        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except OSError as exc:
            raise CatalogError(f"cannot read catalog {path}: {exc.strerror}") from None
        except json.JSONDecodeError as exc:
            raise CatalogError(f"catalog {path} is not valid JSON (line {exc.lineno})") from None
        return cls.from_dict(data)

    def to_dict(self) -> dict[str, Any]:
        """The conventions' JSON shape, ready for `json.dumps`; `from_dict(to_dict())` round-trips."""
        return {
            "clients": [{"id": c.id, "name": c.name, **({"aliases": list(c.aliases)} if c.aliases else {})}
                        for c in self.clients],
            "projects": [{"id": p.id, "name": p.name, "client_id": p.client_id,
                          "aliases": list(p.aliases), "active": p.active} for p in self.projects],
            "services": [{"id": s.id, "name": s.name, "aliases": list(s.aliases)} for s in self.services],
            "people": [{"id": p.id, "name": p.name, "aliases": list(p.aliases)} for p in self.people],
        }


# --- the entry -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """Where in the text a field was read: `text[start:end]`."""

    field: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Ref:
    """A reference to a catalog item (or, for persons, a name with `id` None when not in the catalog)."""

    id: Id | None
    name: str


@dataclass(frozen=True)
class Alternative:
    """Another catalog item the phrase could have meant, with its match score (0..1)."""

    id: Id
    name: str
    score: float


@dataclass(frozen=True)
class Entry:
    """One time entry, as read from a phrase.

    Usage::

        entry = nlentry.parse("2,5 uur met Rowan aan Timi gewerkt", catalog=catalog)
        entry.duration   # 9000 (seconds)
        entry.to_dict()  # the JSON shape of the conventions

    `implied` names the fields that were defaulted rather than stated (e.g. `{"date"}` when the
    phrase named no day), so a front end can show them differently.
    """

    text: str
    locale: str
    date: date
    start: time | None = None
    end: time | None = None
    duration: int | None = None
    project: Ref | None = None
    service: Ref | None = None
    client: Ref | None = None
    persons: tuple[Ref, ...] = ()
    tags: tuple[str, ...] = ()
    billable: bool | None = None
    description: str = ""
    confidence: float = 1.0
    spans: tuple[Span, ...] = ()
    alternatives: dict[str, tuple[Alternative, ...]] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    implied: frozenset[str] = frozenset()

    def replace(self, **changes: Any) -> Entry:
        """A copy with some fields changed (entries are immutable)."""
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """The parse output format of the conventions, ready for `json.dumps`."""

        def ref(r: Ref | None) -> dict[str, Any] | None:
            return None if r is None else {"id": r.id, "name": r.name}

        return {
            "text": self.text,
            "locale": self.locale,
            "date": self.date.isoformat(),
            "start": None if self.start is None else self.start.strftime("%H:%M"),
            "end": None if self.end is None else self.end.strftime("%H:%M"),
            "duration": self.duration,
            "project": ref(self.project),
            "service": ref(self.service),
            "client": ref(self.client),
            "persons": [ref(p) for p in self.persons],
            "tags": list(self.tags),
            "billable": self.billable,
            "description": self.description,
            "confidence": self.confidence,
            "spans": [{"field": s.field, "start": s.start, "end": s.end, "text": s.text} for s in self.spans],
            "alternatives": {
                k: [{"id": a.id, "name": a.name, "score": a.score} for a in v]
                for k, v in self.alternatives.items() if v
            },
            "warnings": list(self.warnings),
        }
