"""The values that cross stage boundaries: the catalog a phrase is resolved against, and the Entry.

Everything here is immutable: stages hand values on, they never change them. The classes are `Record`s,
which behave like frozen dataclasses but cost less to define and to create, on every parse.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

from nlentry.errors import CatalogError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any, ClassVar, TypeVar

Id = int | str


class Record:
    """Base of the immutable value classes: fields named in `__slots__`, equal, hashed and shown by value.

    Instances behave like those of a frozen dataclass (same `repr`, equality within one class, hash,
    `__match_args__`, assignment raises `dataclasses.FrozenInstanceError`, and `dataclasses.fields`,
    `replace`, `asdict` and `is_dataclass` work on them), but creating one costs half as much, and
    defining the classes needs no `dataclasses` (tens of milliseconds of every cold `nlentry parse`).
    A subclass lists its fields in `__slots__` and sets them in `__init__` with `_init`, or for the
    values made many times a parse, through `cls._set` (the slots' own setters, one a field): plain
    assignment would go through the `__setattr__` that refuses it.
    """

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()
    _set: ClassVar[tuple[Callable[[Any, Any], None], ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "_draft_of" in cls.__dict__:  # the mutable twin of a record (`draft`): its record's fields
            return
        slots: tuple[str, ...] = cls.__slots__
        cls._fields = tuple(name for name in slots if not name.startswith("__"))  # not __weakref__
        setattr(cls, "__match_args__", cls._fields)  # noqa: B010 - mypy refuses the plain assignment
        cls._set = tuple(cls.__dict__[name].__set__ for name in cls._fields)

    def _init(self, *values: Any) -> None:
        """Set every field, in `__slots__` order."""
        for set_field, value in zip(self._set, values, strict=True):
            set_field(self, value)

    def _values(self) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in self._fields])

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__qualname__}({fields})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Record) and other.__class__ is self.__class__:
            return self._values() == other._values()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values())

    def __setattr__(self, name: str, value: Any) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), self._values()

    def replace(self, **changes: Any) -> Any:
        """A copy with some fields changed (the values are immutable)."""
        fields = {name: getattr(self, name) for name in self._fields}
        fields.update(changes)
        return type(self)(**fields)


class _DataclassFields:
    """`Record.__dataclass_fields__`, made on first use: what lets `dataclasses` functions take a Record.

    The fields are those of a frozen dataclass with the record's field names (their types and defaults are
    not described). `dataclasses` is imported only when something asks.
    """

    def __init__(self) -> None:
        self.made: dict[type, dict[str, Any]] = {}

    def __get__(self, obj: object, cls: type[Record]) -> dict[str, Any]:
        fields = self.made.get(cls)
        if fields is None:
            from dataclasses import make_dataclass
            from typing import Any

            twin = make_dataclass(cls.__name__, [(name, Any) for name in cls._fields], frozen=True)
            fields = self.made[cls] = twin.__dataclass_fields__  # type: ignore[attr-defined]
        return fields


Record.__dataclass_fields__ = _DataclassFields()  # type: ignore[attr-defined]

if TYPE_CHECKING:
    _R = TypeVar("_R", bound=Record)


def draft(cls: type[_R]) -> type[Any]:
    """The mutable twin of Record class `cls`: one is made empty by calling it with no arguments (``twin()``,
    cheaper than ``object.__new__(twin)``), takes plain attribute assignment (the cheapest way to fill a
    slot), and ``value.__class__ = cls`` then freezes it into an ordinary `cls`."""
    twin = _DRAFTS.get(cls)
    if twin is None:
        # both attribute slots and `__init__` taken from `object`, so the type keeps CPython's generic setattr
        # and makes an instance without calling into Python
        twin = _DRAFTS[cls] = type(cls.__name__, (cls,), {
            "__slots__": (), "__setattr__": object.__setattr__, "__delattr__": object.__delattr__,
            "__init__": object.__init__,
            "__module__": cls.__module__, "__qualname__": f"{cls.__qualname__}.draft", "_draft_of": cls})
    return twin


_DRAFTS: dict[type, type] = {}


def maker(cls: type[_R]) -> Callable[..., _R]:
    """A function that makes `cls(*fields)` (every field, positionally, in `__slots__` order) for the
    values a parse makes many of: it fills a `draft` and freezes it, about three times cheaper than
    calling `cls`, whose `__init__` sets each field through a slot's `__set__`. The function is written
    out per class (as `dataclasses` writes `__init__`), so that it is one call with no loop."""
    fields = cls._fields
    source = "\n".join([f"def make_{cls.__name__}({', '.join(fields)}):", "    value = twin()",
                        *[f"    value.{name} = {name}" for name in fields],
                        "    value.__class__ = cls", "    return value"])
    namespace: dict[str, Any] = {"twin": draft(cls), "cls": cls}
    exec(source, namespace)  # noqa: S102 - the source is made of the class's own field names
    made: Callable[..., _R] = namespace[f"make_{cls.__name__}"]
    return made


# --- catalog -------------------------------------------------------------------------------------


class Client(Record):
    """A client (customer) that projects belong to."""

    __slots__ = ("id", "name", "aliases")
    id: Id
    name: str
    aliases: tuple[str, ...]

    def __init__(self, id: Id, name: str, aliases: tuple[str, ...] = ()) -> None:  # noqa: A002
        self._init(id, name, aliases)


class Project(Record):
    """A project time is booked on; `client_id` links it to its `Client`."""

    __slots__ = ("id", "name", "client_id", "aliases", "active")
    id: Id
    name: str
    client_id: Id | None
    aliases: tuple[str, ...]
    active: bool

    def __init__(self, id: Id, name: str, client_id: Id | None = None,  # noqa: A002
                 aliases: tuple[str, ...] = (), active: bool = True) -> None:
        self._init(id, name, client_id, aliases, active)


class Service(Record):
    """An activity (Timi 'service', Timeneye 'phase', Tyme 'task'): what kind of work it was."""

    __slots__ = ("id", "name", "aliases")
    id: Id
    name: str
    aliases: tuple[str, ...]

    def __init__(self, id: Id, name: str, aliases: tuple[str, ...] = ()) -> None:  # noqa: A002
        self._init(id, name, aliases)


class Person(Record):
    """Someone the work was done with."""

    __slots__ = ("id", "name", "aliases")
    id: Id
    name: str
    aliases: tuple[str, ...]

    def __init__(self, id: Id, name: str, aliases: tuple[str, ...] = ()) -> None:  # noqa: A002
        self._init(id, name, aliases)


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


class Catalog(Record):
    """The clients, projects, services and people a phrase is resolved against.

    Usage::

        catalog = Catalog.load("catalog.json")
        catalog = Catalog.from_dict({"projects": [{"id": 47, "name": "Timi", "aliases": ["tango"]}]})

    The JSON format is the one in the conventions: four optional lists; ids are ints or strings;
    `aliases`, `client_id` and `active` are optional.
    """

    __slots__ = ("clients", "projects", "services", "people", "__weakref__")  # indexes are cached by weakref
    clients: tuple[Client, ...]
    projects: tuple[Project, ...]
    services: tuple[Service, ...]
    people: tuple[Person, ...]

    def __init__(self, clients: tuple[Client, ...] = (), projects: tuple[Project, ...] = (),
                 services: tuple[Service, ...] = (), people: tuple[Person, ...] = ()) -> None:
        self._init(clients, projects, services, people)

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

    def item(self, kind: str, id: Id | None) -> Client | Project | Service | Person | None:
        """The item with this id in the section of `kind` ("project", "service", "client", "person")."""
        sections: dict[str, tuple[Client | Project | Service | Person, ...]] = {
            "project": self.projects, "service": self.services, "client": self.clients, "person": self.people,
        }
        return next((i for i in sections[kind] if i.id == id), None)

    def client_of(self, project_id: Id | None) -> Client | None:
        """The client of the project with this id, None when it has none (or there is no such project)."""
        project = self.item("project", project_id)
        client_id = project.client_id if isinstance(project, Project) else None
        client = None if client_id is None else self.item("client", client_id)
        return client if isinstance(client, Client) else None

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


class Span(Record):
    """Where in the text a field was read: `text[start:end]`."""

    __slots__ = ("field", "start", "end", "text")
    field: str
    start: int
    end: int
    text: str

    def __init__(self, field: str, start: int, end: int, text: str) -> None:
        set_field, set_start, set_end, set_text = Span._set
        set_field(self, field)
        set_start(self, start)
        set_end(self, end)
        set_text(self, text)


class Ref(Record):
    """A reference to a catalog item (or, for persons, a name with `id` None when not in the catalog)."""

    __slots__ = ("id", "name")
    id: Id | None
    name: str

    def __init__(self, id: Id | None, name: str) -> None:  # noqa: A002 - the field's name
        set_id, set_name = Ref._set
        set_id(self, id)
        set_name(self, name)


class Alternative(Record):
    """Another catalog item the phrase could have meant, with its match score (0..1)."""

    __slots__ = ("id", "name", "score")
    id: Id
    name: str
    score: float

    def __init__(self, id: Id, name: str, score: float) -> None:  # noqa: A002 - the field's name
        set_id, set_name, set_score = Alternative._set
        set_id(self, id)
        set_name(self, name)
        set_score(self, score)


_Date = date  # `Entry.date` would hide the type in the class body

_FRESH: Any = object()
"""Default of `Entry.alternatives`: a new empty dict for each entry, like a dataclass `default_factory`."""


class Entry(Record):
    """One time entry, as read from a phrase.

    Usage::

        entry = nlentry.parse("2,5 uur met Rowan aan Timi gewerkt", catalog=catalog)
        entry.duration   # 9000 (seconds)
        entry.to_dict()  # the JSON shape of the conventions

    `implied` names the fields that were defaulted rather than stated (e.g. `{"date"}` when the
    phrase named no day), so a front end can show them differently.
    """

    __slots__ = ("text", "locale", "date", "start", "end", "duration", "project", "service", "client",
                 "persons", "tags", "billable", "description", "confidence", "spans", "alternatives",
                 "warnings", "implied")
    text: str
    locale: str
    date: _Date
    start: time | None
    end: time | None
    duration: int | None
    project: Ref | None
    service: Ref | None
    client: Ref | None
    persons: tuple[Ref, ...]
    tags: tuple[str, ...]
    billable: bool | None
    description: str
    confidence: float
    spans: tuple[Span, ...]
    alternatives: dict[str, tuple[Alternative, ...]]
    warnings: tuple[str, ...]
    implied: frozenset[str]

    def __init__(
        self,
        text: str,
        locale: str,
        date: _Date,
        start: time | None = None,
        end: time | None = None,
        duration: int | None = None,
        project: Ref | None = None,
        service: Ref | None = None,
        client: Ref | None = None,
        persons: tuple[Ref, ...] = (),
        tags: tuple[str, ...] = (),
        billable: bool | None = None,
        description: str = "",
        confidence: float = 1.0,
        spans: tuple[Span, ...] = (),
        alternatives: dict[str, tuple[Alternative, ...]] = _FRESH,
        warnings: tuple[str, ...] = (),
        implied: frozenset[str] = frozenset(),
    ) -> None:
        (set_text, set_locale, set_date, set_start, set_end, set_duration, set_project, set_service,
         set_client, set_persons, set_tags, set_billable, set_description, set_confidence, set_spans,
         set_alternatives, set_warnings, set_implied) = Entry._set  # one a parse: spelled out, not `_init`
        set_text(self, text)
        set_locale(self, locale)
        set_date(self, date)
        set_start(self, start)
        set_end(self, end)
        set_duration(self, duration)
        set_project(self, project)
        set_service(self, service)
        set_client(self, client)
        set_persons(self, persons)
        set_tags(self, tags)
        set_billable(self, billable)
        set_description(self, description)
        set_confidence(self, confidence)
        set_spans(self, spans)
        set_alternatives(self, {} if alternatives is _FRESH else alternatives)
        set_warnings(self, warnings)
        set_implied(self, implied)

    def replace(self, **changes: Any) -> Entry:
        """A copy with some fields changed (entries are immutable)."""
        return super().replace(**changes)  # type: ignore[no-any-return]

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
