"""What Toggl Track, Clockify and Harvest share without httpx: the text an entry is sent with, time,
and `TrackerProvider`, their base class.

These three trackers keep no client-side ids and no aliases; they want the entry's own words (with
its persons, never silently dropped) and times as instants. Cheap to import (no httpx).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Any, ClassVar

from nlentry.model import Catalog, Client, Entry, Project, Service
from nlentry.providers._hosted import HostedProvider
from nlentry.providers.base import Capability, Posted, ProviderError, RejectedError, RemoteEntry

#: where persons go: into the text of the entry, or (Toggl, Clockify) as tags
PERSONS_IN = ("description", "tags")


@dataclass(frozen=True)
class Workspace:
    """A workspace (Toggl, Clockify) or account (Harvest) the user may book in."""

    id: str
    name: str
    default: bool = False


def check_choices(provider: str, services: str, persons: str) -> None:
    """`ProviderError` unless `services` is tags or tasks and `persons` description or tags."""
    if services not in ("tags", "tasks") or persons not in PERSONS_IN:
        raise ProviderError(f"{provider}: setting 'services' must be tags or tasks, "
                            "'persons' description or tags")


def entry_text(entry: Entry, *, with_persons: bool = True) -> str:
    """The text the tracker keeps for `entry`: its description, never the stale phrase of an amend.

    With no description: the names it is booked to, else its length as `H:MM`. `with_persons`: the
    persons whose names the text does not already hold are added in brackets (`overleg (Rowan, Kim)`),
    so no person is lost on a tracker that has no field for them.
    """
    text = " ".join(entry.description.split())
    if not text:
        text = " ".join(ref.name for ref in (entry.project or entry.client, entry.service) if ref is not None)
    if not text:
        minutes = (entry.duration or 0) // 60
        text = f"{minutes // 60}:{minutes % 60:02d}"
    missing = [name for name in person_names(entry) if not _holds(text, name)] if with_persons else []
    return f"{text} ({', '.join(missing)})" if missing else text


def person_names(entry: Entry) -> list[str]:
    """The entry's persons by name, each once."""
    seen: dict[str, str] = {}
    for person in entry.persons:
        if person.name.strip():
            seen.setdefault(person.name.strip().casefold(), person.name.strip())
    return list(seen.values())


def _holds(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is not None


def same_text(a: Any, b: Any) -> bool:
    """Texts equal up to surrounding and repeated whitespace (trackers may trim what they keep)."""
    return " ".join(str(a or "").split()) == " ".join(str(b or "").split())


def need_duration(provider: str, entry: Entry) -> int:
    """The entry's length in seconds; `RejectedError` before sending when it has none."""
    if entry.duration is None or entry.duration <= 0:
        raise RejectedError(f"{provider}: the entry has no duration; give one (e.g. '1,5 uur')")
    return entry.duration


def local_zone(tz: tzinfo | None) -> tzinfo:
    """`tz`, or the system's zone."""
    return tz if tz is not None else datetime.now().astimezone().tzinfo or timezone.utc


def span(entry: Entry, *, tz: tzinfo | None, day_start: time) -> tuple[datetime, datetime]:
    """The entry's start and end as aware instants: its own start (else `day_start`) on its date, in `tz`."""
    duration = entry.duration or 0
    begin = datetime.combine(entry.date, entry.start or day_start).replace(tzinfo=local_zone(tz))
    return begin, begin + timedelta(seconds=duration)


def utc_text(moment: datetime) -> str:
    """An instant as RFC 3339 / ISO 8601 in UTC, whole seconds: `2026-03-27T08:00:00Z`."""
    return moment.astimezone(timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def read_instant(value: Any) -> datetime | None:
    """An RFC 3339 instant (`...Z`, `...+01:00`, fractions allowed) as an aware datetime; None if not one."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("Z", "+00:00").replace("z", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def day_bounds(day: date, tz: tzinfo | None) -> tuple[datetime, datetime]:
    """The first instant of `day` in `tz` and of the day after."""
    zone = local_zone(tz)
    begin = datetime.combine(day, time()).replace(tzinfo=zone)
    return begin, datetime.combine(day + timedelta(days=1), time()).replace(tzinfo=zone)


def named_rows(data: Any) -> list[dict[str, Any]]:
    """The objects of a list answer that have an id and a name (the rest skipped)."""
    if not isinstance(data, list):
        return []
    return [r for r in data if isinstance(r, dict) and r.get("id") is not None
            and isinstance(r.get("name"), str) and r["name"].strip()]


def catalog_of(clients: Any, projects: Any, services: Any, *, client_of: Callable[[dict[str, Any]], Any],
               active: Callable[[dict[str, Any]], bool]) -> Catalog:
    """Clients, projects (their client by `client_of`, `active` by `active`) and the services that are
    `active`, from list answers; no aliases: none of the three keeps any, nlentry's alias store adds them."""
    return Catalog(
        clients=tuple(Client(c["id"], c["name"].strip()) for c in named_rows(clients)),
        projects=tuple(Project(p["id"], p["name"].strip(), client_of(p) or None, active=active(p))
                       for p in named_rows(projects)),
        services=tuple(Service(s["id"], s["name"].strip()) for s in named_rows(services) if active(s)),
    )


class TrackerProvider(HostedProvider):
    """The base of Toggl Track, Clockify and Harvest: what follows from having no client-side ids.

    A subclass says how an entry is sent (`_body`), where a new one is posted (`_create_path`), which
    raw rows a day has (`_rows`), how a row reads (`_remote`), whether a row is a body as sent (`_sent`)
    and which row runs (`_running`); creating, listing, finding an earlier copy (every field sent
    compared, the retry rules' `exclude` honoured) and reading the timer are the same for all three.
    """

    capabilities: ClassVar[frozenset[Capability]] = frozenset(Capability)
    #: the setting that picks the workspace or account (`nlentry login` and `init` offer the list)
    workspace_setting: ClassVar[str] = "workspace_id"
    _clock: Callable[[], float]

    def _body(self, entry: Entry, *, running: bool = False) -> dict[str, Any]:
        raise NotImplementedError

    def _create_path(self) -> str:
        raise NotImplementedError

    def _rows(self, day: date) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _remote(self, row: dict[str, Any], now: datetime) -> RemoteEntry | None:
        raise NotImplementedError

    def _sent(self, row: dict[str, Any], body: dict[str, Any]) -> bool:
        raise NotImplementedError

    def _running(self) -> dict[str, Any] | None:
        raise NotImplementedError

    def _utcnow(self) -> datetime:
        return datetime.fromtimestamp(self._clock(), timezone.utc)

    def _post(self, body: dict[str, Any]) -> Posted:
        created = self._api.json("POST", self._create_path(), json=body, expect=dict)
        return Posted(self.name, str(created["id"]))

    def create(self, entry: Entry, *, key: str) -> Posted:
        """Post the entry. `key` is not sent (the tracker has no place for it): retries use `find_posted`."""
        return self._post(self._body(entry))

    def timer_start(self, entry: Entry) -> Posted:
        """Start a running entry now."""
        return self._post(self._body(entry, running=True))

    def list_day(self, day: date) -> list[RemoteEntry]:
        """The user's entries of one day (in the user's zone)."""
        now = self._utcnow()
        found = (self._remote(row, now) for row in self._rows(day))
        return [r for r in found if r is not None and r.date == day]

    def find_posted(self, entry: Entry, key: str, *, exclude: frozenset[str] = frozenset()) -> Posted | None:
        """An entry equal in every field to `entry` as it is sent, not one in `exclude`."""
        if entry.duration is None:
            return None
        body = self._body(entry)
        rows = (r for r in self._rows(entry.date) if str(r.get("id")) not in exclude)
        found = next((r for r in rows if self._sent(r, body)), None)
        return Posted(self.name, str(found["id"])) if found is not None else None

    def timer_current(self) -> RemoteEntry | None:
        """The running entry, or None."""
        row = self._running()
        return None if row is None else self._remote(row, self._utcnow())
