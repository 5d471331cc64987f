"""Entry <-> TimeTagger record, and TimeTagger settings -> Catalog. Pure functions, no I/O.

TimeTagger has no project entity: a record is `{key, t1, t2, ds, mt, st}` and whatever it is about
lives in `ds` as `#tags` (providers.md §9-10). The choices made here (the spec leaves them open):

- *Catalog* (`catalog_from`): every tag the server knows becomes a catalog item whose id is the
  tag itself (`"#webshop"`) and whose name is the tag without `#` (dashes and underscores also read
  as spaces, as an alias). Tags come from the `tag_presets` setting, from `taginfo #tag` settings and
  from the records of the last `catalog_days` days. Tags listed in the `nlentry_services` setting (or
  the provider setting `service_tags`) are services; all others are projects. Aliases come from the
  `nlentry_aliases` setting, `{"alias": "#tag"}`. TimeTagger has no clients and no people.
- *Entry -> record* (`record_from`): `ds` is the description, then the tags: the project (or, without
  one, the client), the service, then the entry's own tags. A catalog id that is a tag is used as is;
  any other item (a catalog from another provider) becomes a tag made from its name, the way the
  TimeTagger web client makes tags (`"Acme Portal"` -> `#acme-portal`). Persons are not encoded.
  `ds` is cut to fit 255 characters by shortening the description, never the tags.
- *Times*: `t1`/`t2` are unix seconds of the entry's start and end in the user's zone. An entry with
  only a duration is anchored at `day_start` (default 09:00) on its date; with a start or an end and
  a duration, the other end is computed; an end before the start means the entry crosses midnight.
- *Read back* (`remote_from`): the date and times in the user's zone; the project is the first tag
  that is not a service tag, the service the first service tag; the description is `ds` without its
  trailing tags. `t1 == t2` is a running timer; `ds` starting with `HIDDEN` is deleted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from nlentry.model import Catalog, Entry, Project, Ref, Service
from nlentry.providers.base import RejectedError, RemoteEntry

__all__ = [
    "DS_LIMIT",
    "HIDDEN",
    "catalog_from",
    "ds_from",
    "hidden_ds",
    "is_hidden",
    "record_from",
    "remote_from",
    "split_ds",
    "tag_for",
    "tag_for_item",
    "tags_in",
    "timestamp_at",
    "times_of",
    "to_tag",
]

DS_LIMIT = 255  # the server refuses 256+ characters
HIDDEN = "HIDDEN"
_DAY = 24 * 3600

# a tag: '#' then letters, digits, '-', '/', '_' or anything non-ASCII (timetagger/app/utils.py)
_TAG = re.compile(r"#[A-Za-z0-9_/\-\u0080-\U0010ffff]+")
_TAG_CHAR = re.compile(r"[A-Za-z0-9_/\-\u0080-\U0010ffff]")
_TRAILING_TAGS = re.compile(r"(?:\s*#[A-Za-z0-9_/\-\u0080-\U0010ffff]+)+\s*$")


def to_tag(text: str) -> str:
    """A tag made from any text, as the TimeTagger web client makes them: `"Acme Portal"` -> `#acme-portal`.

    Returns "" when fewer than two usable characters remain.
    """
    body: list[str] = []
    for ch in text.strip().lstrip("#"):
        if _TAG_CHAR.match(ch):
            body.append(ch)
        elif body and body[-1] != "-":
            body.append("-")
    tag = "".join(body).strip("-").lower()
    return f"#{tag}" if len(tag) >= 2 else ""


def tag_for(ref: Ref | None) -> str:
    """The tag of a catalog reference: its id when that is a tag, else a tag from its name."""
    if ref is None:
        return ""
    if isinstance(ref.id, str) and _TAG.fullmatch(ref.id):
        return ref.id.lower()
    return to_tag(ref.name)


def tag_for_item(item: Any) -> str:
    """The tag of a `Project`, `Client` or `Service`: its id if that is a tag, else one from its name."""
    return tag_for(Ref(item.id, item.name))


def tags_in(ds: str) -> list[str]:
    """The tags in a description, lowercased, in order of appearance, without repeats."""
    seen: dict[str, None] = {}
    for m in _TAG.finditer(ds):
        seen.setdefault(m.group().lower(), None)
    return list(seen)


def is_hidden(ds: str) -> bool:
    """True for a deleted record (the server's `hidden` filter: `ds LIKE 'HIDDEN%'`, any case)."""
    return ds[:len(HIDDEN)].upper() == HIDDEN


def hidden_ds(ds: str) -> str:
    """`ds` marked deleted, the web client's way: `"HIDDEN " + ds` (without an earlier mark)."""
    return f"{HIDDEN} {ds.split(HIDDEN)[-1].strip()}"[:DS_LIMIT].rstrip()


def split_ds(ds: str) -> tuple[str, list[str]]:
    """The description (without the trailing run of tags and without a `HIDDEN` mark) and all tags."""
    text = ds[len(HIDDEN):].lstrip() if is_hidden(ds) else ds
    return _TRAILING_TAGS.sub("", text).strip(), tags_in(text)


def ds_from(entry: Entry) -> str:
    """The record description for an entry: its description, then its tags (see the module docstring)."""
    tags: list[str] = []
    for tag in (tag_for(entry.project) or tag_for(entry.client), tag_for(entry.service),
                *(t if t.startswith("#") else to_tag(t) for t in entry.tags)):
        if tag and tag not in tags:
            tags.append(tag)
    suffix = " ".join(tags)
    room = DS_LIMIT - len(suffix) - (1 if suffix else 0)
    description = " ".join(entry.description.split())
    if len(description) > room:
        description = description[:max(0, room - 1)].rstrip() + "…" if room > 1 else ""
    ds = f"{description} {suffix}".strip()
    # the server treats any `ds` starting with "hidden" (any case) as deleted: lead with something else
    if is_hidden(ds):
        ds = f"{suffix} {description}".strip() if suffix else f"- {description}"
    return ds[:DS_LIMIT]


def timestamp_at(day: date, clock: time, zone: tzinfo | None) -> int:
    """Unix seconds of a wall-clock time on a day in `zone` (None: the system's local time)."""
    moment = datetime.combine(day, clock.replace(tzinfo=None))
    # zone None: the system's local time, DST included (a naive datetime's astimezone() uses it)
    aware = moment.replace(tzinfo=zone) if zone is not None else moment.astimezone()
    return int(aware.timestamp())


def times_of(entry: Entry, *, zone: tzinfo | None, day_start: time = time(9, 0)) -> tuple[int, int]:
    """`(t1, t2)`: the entry's start and end in unix seconds (see the module docstring)."""
    duration = entry.duration
    if duration is not None and duration < 0:
        raise RejectedError("the duration must not be negative")
    if entry.start is not None:
        t1 = timestamp_at(entry.date, entry.start, zone)
        if duration is None:
            if entry.end is None:
                raise RejectedError("the entry has a start but neither an end nor a duration")
            t2 = timestamp_at(entry.date, entry.end, zone)
            if t2 <= t1:  # e.g. 22:00-01:00
                t2 = timestamp_at(entry.date + timedelta(days=1), entry.end, zone)
            return t1, t2
        return t1, t1 + duration
    if duration is None:
        raise RejectedError("the entry has no duration (give one, or a start and an end time)")
    if entry.end is not None:
        t2 = timestamp_at(entry.date, entry.end, zone)
        return t2 - duration, t2
    t1 = timestamp_at(entry.date, day_start, zone)
    return t1, t1 + duration


def record_from(entry: Entry, *, key: str, mt: int, zone: tzinfo | None,
                day_start: time = time(9, 0)) -> dict[str, Any]:
    """The record to PUT for an entry under `key`."""
    t1, t2 = times_of(entry, zone=zone, day_start=day_start)
    return {"key": key, "t1": t1, "t2": t2, "ds": ds_from(entry), "mt": mt, "st": 0}


def _local(ts: float, zone: tzinfo | None) -> datetime:
    return datetime.fromtimestamp(ts, zone) if zone is not None else datetime.fromtimestamp(ts)


def remote_from(record: Mapping[str, Any], *, zone: tzinfo | None, service_tags: Iterable[str] = (),
                now: float | None = None) -> RemoteEntry:
    """A record read back as a `RemoteEntry` (see the module docstring)."""
    t1, t2 = int(record["t1"]), int(record["t2"])
    ds = str(record.get("ds") or "")
    description, tags = split_ds(ds)
    services = {t.lower() for t in service_tags}
    running = t1 == t2
    start = _local(t1, zone)
    duration = max(0, int((now if now is not None else t1) - t1)) if running else max(0, t2 - t1)
    return RemoteEntry(
        remote_id=str(record["key"]),
        date=start.date(),
        duration=duration,
        start=start.time().replace(microsecond=0),
        end=None if running else _local(t2, zone).time().replace(microsecond=0),
        project_id=next((t for t in tags if t not in services), None),
        service_id=next((t for t in tags if t in services), None),
        description=description,
        key=str(record["key"]),
        extra={"tags": tags, "ds": ds, "running": running, "hidden": is_hidden(ds), "mt": record.get("mt")},
    )


def _name(tag: str) -> str:
    return tag.lstrip("#")


def catalog_from(settings: Mapping[str, Any], record_tags: Iterable[str] = (),
                 service_tags: Iterable[str] = ()) -> Catalog:
    """The catalog from the server's settings (`key -> value`) and the tags seen in recent records."""
    tags: dict[str, None] = {}
    presets = settings.get("tag_presets")
    if isinstance(presets, list):
        for preset in presets:
            if isinstance(preset, str):
                tags.update(dict.fromkeys(tags_in(preset)))
    for key in settings:
        if key.startswith("taginfo "):
            tags.update(dict.fromkeys(tags_in(key[len("taginfo "):])))
    tags.update(dict.fromkeys(t.lower() for t in record_tags))

    services: dict[str, None] = dict.fromkeys(t.lower() for t in service_tags)
    listed = settings.get("nlentry_services")
    if isinstance(listed, list):
        services.update(dict.fromkeys(t.lower() for t in listed if isinstance(t, str)))
    for tag in services:
        tags.setdefault(tag, None)

    aliases: dict[str, list[str]] = {}
    raw_aliases = settings.get("nlentry_aliases")
    if isinstance(raw_aliases, Mapping):
        for alias, target in raw_aliases.items():
            if isinstance(alias, str) and isinstance(target, str) and alias.strip():
                tag = target.lower() if target.startswith("#") else to_tag(target)
                if tag:
                    tags.setdefault(tag, None)
                    aliases.setdefault(tag, []).append(alias.strip())

    def alias_list(tag: str) -> tuple[str, ...]:
        spaced = re.sub(r"[-_]+", " ", _name(tag)).strip()
        extra = [spaced] if spaced and spaced != _name(tag) else []
        return tuple(dict.fromkeys([*extra, *aliases.get(tag, [])]))

    projects = tuple(Project(t, _name(t), aliases=alias_list(t)) for t in tags if t not in services)
    service_items = tuple(Service(t, _name(t), aliases=alias_list(t)) for t in tags if t in services)
    return Catalog(projects=projects, services=service_items)
