"""A snapshot of the catalogs a parse reads against, kept beside the SQLite database.

Usage::

    write_snapshot(snapshot_path(database), {"timi": catalog})   # by the store, see below
    read_snapshot(snapshot_file(database), "timi")               # (catalog,), (None,) or None

The SQLite store (`nlentry.booking.store`) keeps beside its database file each provider's cached catalog
with the user's aliases merged in, as plain tuples in `marshal` form, so that a cold `nlentry parse` reads
it without importing sqlite3, the store, or the dataclass machinery they bring. The store removes the
snapshot inside every transaction that changes the cached catalogs or the aliases and writes it anew
afterwards while holding the database's write lock: it is never older than the database. A missing,
damaged or foreign snapshot means: read the database (the old path); never an error.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable
from operator import attrgetter
from zlib import crc32

from nlentry.model import Catalog, Client, Person, Project, Service

TYPE_CHECKING = False
if TYPE_CHECKING:
    from os import PathLike
    from pathlib import Path

__all__ = ["SNAPSHOT_SUFFIX", "read_snapshot", "snapshot_file", "snapshot_path", "write_snapshot"]

SNAPSHOT_FORMAT = 1
"""The version of the snapshot's layout: bump it when `_catalog_rows` changes."""

SNAPSHOT_SUFFIX = ".catalogs"


def snapshot_path(database: str | PathLike[str]) -> Path:
    """Where the snapshot of the catalogs in the database file `database` is kept."""
    from pathlib import Path

    return Path(snapshot_file(database))


def snapshot_file(database: str | PathLike[str]) -> str:
    """`snapshot_path` as a string, for the readers on a cold path (pathlib is no part of a cold parse)."""
    return os.fspath(database) + SNAPSHOT_SUFFIX


def _catalog_rows(catalog: Catalog) -> tuple[object, ...]:
    named = attrgetter("id", "name", "aliases")
    return (tuple(map(named, catalog.clients)),
            tuple(map(attrgetter("id", "name", "client_id", "aliases", "active"), catalog.projects)),
            tuple(map(named, catalog.services)), tuple(map(named, catalog.people)))


def _snapshot_header(checksum: int) -> bytes:
    return f"nlentry catalogs {SNAPSHOT_FORMAT} marshal {marshal.version} {checksum:08x}\n".encode()


def write_snapshot(path: str | PathLike[str], catalogs: dict[str, Catalog]) -> None:
    """Store the catalogs (provider name -> catalog with its aliases) at `path` atomically, mode 0600.
    Raises `OSError` when it cannot (the caller has removed the old snapshot first)."""
    body = marshal.dumps({name: _catalog_rows(catalog) for name, catalog in catalogs.items()})
    write_atomically(path, _snapshot_header(crc32(body)), body)


def read_snapshot(path: str | PathLike[str], provider: str) -> tuple[Catalog | None] | None:
    """The provider's catalog (with the user's aliases) as the snapshot at `path` holds it: `(catalog,)`,
    or `(None,)` when the provider has no cached catalog; None when there is no sound snapshot (missing,
    damaged, of another format), so that the caller reads the database instead."""
    body = read_checked(path, _snapshot_header)
    if body is None:
        return None
    try:
        rows = marshal.loads(body).get(provider)
        if rows is None:
            return (None,)
        clients, projects, services, people = rows
        return (Catalog(tuple([Client(*r) for r in clients]), tuple([Project(*r) for r in projects]),
                        tuple([Service(*r) for r in services]), tuple([Person(*r) for r in people])),)
    except (EOFError, ValueError, TypeError, AttributeError):
        return None


# --- files with a checked header (this snapshot, and the index files of `nlentry.catalog.cache`) ---------


def write_atomically(path: str | PathLike[str], head: bytes, body: bytes) -> None:
    """Write `head` and `body` to `path` so that a reader never sees half a file (mode 0600); `OSError`
    when it cannot."""
    from nlentry.config import replace_privately  # only when writing: a parse reads, never writes

    replace_privately(path, head, body)


def read_checked(path: str | PathLike[str], header: Callable[[int], bytes]) -> bytes | None:
    """The body of the file at `path` when its first line is `header(crc32(body))`; None when the file is
    missing, unreadable, or its header does not match."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return None
    head, newline, body = data.partition(b"\n")
    if not newline or head + newline != header(crc32(body)):
        return None
    return body
