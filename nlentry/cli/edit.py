"""`nlentry edit [KEY]`: an entry opened in `$EDITOR` as TOML, and the change saved through the outbox.

    date = "2026-11-24"
    start = "09:00"            # "" for none
    end = "11:30"
    duration = "2:30"          # H:MM; with a start and an end it follows from them
    project = "Webshop"        # a name (or alias) of the catalog; "" for none
    service = "Overleg"
    client = "Bakkerij Bol"
    persons = ["Rowan"]
    tags = ["review"]
    description = "overleg over de kassa"

Names are looked up in the catalog (a name or an alias, case and accents ignored); a person the catalog
does not know is kept by name, as in a phrase. A file left unchanged or emptied changes nothing.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nlentry.render import hours

if TYPE_CHECKING:
    from nlentry.model import Catalog, Entry, Ref

__all__ = ["EditError", "apply", "edit_in_editor", "to_toml"]

_FIELDS = ("date", "start", "end", "duration", "project", "service", "client", "persons", "tags",
           "description")


class EditError(ValueError):
    """The edited file says something that is no entry; `key` and `values` name the message."""

    def __init__(self, key: str, **values: str) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


def _quote(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)


def to_toml(entry: Entry, header: str) -> str:
    """The entry as the TOML the editor shows, `header` as a comment on top."""
    lines = [f"# {line}" for line in header.splitlines()]
    lines += [
        f"date = {_quote(entry.date.isoformat())}",
        f"start = {_quote('' if entry.start is None else f'{entry.start:%H:%M}')}",
        f"end = {_quote('' if entry.end is None else f'{entry.end:%H:%M}')}",
        f"duration = {_quote('' if entry.duration is None else hours(entry.duration))}",
        f"project = {_quote(entry.project.name if entry.project else '')}",
        f"service = {_quote(entry.service.name if entry.service else '')}",
        f"client = {_quote(entry.client.name if entry.client else '')}",
        f"persons = [{', '.join(_quote(p.name) for p in entry.persons)}]",
        f"tags = [{', '.join(_quote(t) for t in entry.tags)}]",
        f"description = {_quote(entry.description)}",
    ]
    return "\n".join(lines) + "\n"


def _time(raw: object, field: str) -> time | None:
    if raw in ("", None):
        return None
    try:
        return time.fromisoformat(str(raw))
    except ValueError:
        raise EditError("edit_bad_value", field=field, value=repr(raw)) from None


def _duration(raw: object) -> int | None:
    if raw in ("", None):
        return None
    text = str(raw).strip()
    h, sep, m = text.partition(":")
    if not (h.isdigit() and (not sep or (m.isdigit() and len(m) == 2 and int(m) < 60))):
        raise EditError("edit_bad_value", field="duration", value=repr(raw))
    return int(h) * 3600 + (int(m) * 60 if sep else 0)


def _ref(catalog: Catalog | None, kind: str, raw: object, *, keep_unknown: bool = False) -> Ref | None:
    from nlentry.catalog.index import CatalogIndex, normalize
    from nlentry.model import Ref

    if not isinstance(raw, str):
        raise EditError("edit_bad_value", field=kind, value=repr(raw))
    if not raw.strip():
        return None
    if catalog is not None:
        index = CatalogIndex.of(catalog)
        for number in index.exact.get(normalize(raw), ()):
            target = index.targets[number]
            if target.field == kind:
                return Ref(target.id, target.name)
    if keep_unknown:
        return Ref(None, raw.strip())
    raise EditError("edit_unknown_name", field=kind, name=repr(raw))


def apply(entry: Entry, text: str, catalog: Catalog | None) -> Entry | None:
    """The entry as the edited TOML says, or None when nothing changed (`EditError` for a bad value)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib

    if all(line.lstrip().startswith("#") or not line.strip() for line in text.splitlines()):
        return None  # emptied: nothing to change
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise EditError("edit_bad_toml", error=str(exc)) from None
    unknown = sorted(set(data) - set(_FIELDS))
    if unknown:
        raise EditError("edit_unknown_field", field=unknown[0])
    try:
        day = date.fromisoformat(str(data.get("date", entry.date.isoformat())))
    except ValueError:
        raise EditError("edit_bad_value", field="date", value=repr(data.get("date"))) from None
    start, end = _time(data.get("start"), "start"), _time(data.get("end"), "end")
    duration = _duration(data.get("duration"))
    if start is not None and end is not None:
        span = datetime.combine(day, end) - datetime.combine(day, start)
        if span <= timedelta(0):
            raise EditError("edit_end_before_start", start=f"{start:%H:%M}", end=f"{end:%H:%M}")
        duration = int(span.total_seconds())
    persons_raw, tags_raw = data.get("persons", []), data.get("tags", [])
    if not isinstance(persons_raw, list) or not isinstance(tags_raw, list):
        raise EditError("edit_bad_value", field="persons/tags", value="not a list")
    persons = tuple(p for p in (_ref(catalog, "person", raw, keep_unknown=True) for raw in persons_raw) if p)
    project = _ref(catalog, "project", data.get("project", ""))
    client = _ref(catalog, "client", data.get("client", ""))
    if project != entry.project and client == entry.client and catalog is not None:
        owner = None if project is None else catalog.client_of(project.id)  # a new project brings its client
        client = client if owner is None else _ref(catalog, "client", owner.name)
    changed = entry.replace(
        date=day, start=start, end=end, duration=duration, project=project,
        service=_ref(catalog, "service", data.get("service", "")), client=client, persons=persons,
        tags=tuple(str(t).lstrip("#") for t in tags_raw), description=str(data.get("description", "")),
        alternatives={}, warnings=(), implied=frozenset())
    return None if changed == entry.replace(alternatives={}, warnings=(), implied=frozenset()) else changed


def edit_in_editor(text: str, env: Mapping[str, str]) -> str:
    """Open `text` in `$VISUAL` or `$EDITOR` (else vi) in a private temporary file; what it holds after."""
    editor = env.get("VISUAL") or env.get("EDITOR") or "vi"
    fd, name = tempfile.mkstemp(prefix="nlentry-edit-", suffix=".toml")
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        done = subprocess.run([*shlex.split(editor), str(path)], check=False)
        if done.returncode != 0:
            raise EditError("edit_editor_failed", editor=editor, status=str(done.returncode))
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise EditError("edit_editor_failed", editor=editor, status="not found") from None
    finally:
        path.unlink(missing_ok=True)
