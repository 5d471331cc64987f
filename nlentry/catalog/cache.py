"""The catalog index kept in a file, so that a process reading one phrase need not build it again.

Usage::

    index = cached_index(catalog, folder)   # read from folder, or built and written there
    cached_index(catalog, index_folder(database))   # the folder beside the database file
    CatalogIndex.of(catalog) is index       # what `nlentry.parse` finds for this catalog object

The file is named after a hash of the catalog's content (ids, names, aliases, clients, active flags), so
a changed catalog never reads an old index. It holds a header (format version, Python's marshal version,
the content hash, a crc32 of the body) and the body: `CatalogIndex.tables()` in `marshal` form. A file
that is truncated, corrupt, of another version or of another catalog is ignored and written anew; a folder
that cannot be written only costs the build. Writes go to a temporary file renamed into place, so a reader
never sees half a file; index files of other catalogs are removed then.
"""

from __future__ import annotations

import gc
import marshal
import os
from array import array
from functools import partial
from operator import attrgetter
from zlib import crc32

from nlentry.catalog.index import CatalogIndex
from nlentry.catalog.snapshot import read_checked, write_atomically
from nlentry.model import Catalog

TYPE_CHECKING = False
if TYPE_CHECKING:
    from os import PathLike
    from pathlib import Path

FORMAT = 2
"""The version of the file's layout and of `CatalogIndex.tables()`: bump it when either changes."""

PREFIX = "catalog-index-"
SUFFIX = ".bin"


def _blake2b(data: bytes) -> bytes:
    try:
        from _blake2 import blake2b  # what hashlib uses, without importing OpenSSL (a cold start)
    except ImportError:  # pragma: no cover - a Python built without it
        from hashlib import blake2b
    return blake2b(data, digest_size=16).digest()


def content_hash(catalog: Catalog) -> str:
    """A hex digest of everything the index of `catalog` is made from."""
    named = attrgetter("id", "name", "aliases")
    rows = (list(map(named, catalog.clients)),
            list(map(attrgetter("id", "name", "client_id", "aliases", "active"), catalog.projects)),
            list(map(named, catalog.services)), list(map(named, catalog.people)))
    return _blake2b(marshal.dumps(rows, 2)).hex()  # version 2: no sharing of objects, faster


def index_path(catalog: Catalog, folder: str | PathLike[str]) -> Path:
    """Where the index of `catalog` is kept in `folder`."""
    from pathlib import Path

    return Path(_index_file(folder, content_hash(catalog)))


def _index_file(folder: str | PathLike[str], digest: str) -> str:
    return os.path.join(folder, f"{PREFIX}{digest}{SUFFIX}")


def index_folder(database: str | PathLike[str]) -> str:
    """Where the index files of the catalogs of the database file `database` are kept (the journal's
    and `nlentry parse`'s): the folder `cache` beside it. A string, as the paths here: pathlib is no part
    of a cold parse."""
    return os.path.join(os.path.dirname(database), "cache")


def cached_index(catalog: Catalog, folder: str | PathLike[str]) -> CatalogIndex:
    """The index of `catalog`: read from its file in `folder` when that is sound, else built and written
    there. Either way it becomes what `CatalogIndex.of(catalog)` returns for this catalog object."""
    paused = gc.isenabled()
    gc.disable()  # reading makes a hundred thousand objects and no cycles: see CatalogIndex.__init__
    try:
        return _cached_index(catalog, folder)
    finally:
        if paused:
            gc.enable()


def _cached_index(catalog: Catalog, folder: str | PathLike[str]) -> CatalogIndex:
    digest = content_hash(catalog)
    path = _index_file(folder, digest)
    tables = _read(path, digest)
    if tables is not None:
        try:
            index = CatalogIndex(catalog, tables)
        except (TypeError, ValueError):  # a sound file of a layout this code does not know
            index = None
        if index is not None:
            return CatalogIndex.remember(catalog, index)
    index = CatalogIndex.remember(catalog, CatalogIndex(catalog))
    _write(path, digest, index)
    return index


def _header(digest: str, checksum: int) -> bytes:
    return (f"nlentry catalog index {FORMAT} marshal {marshal.version} int{_INT_SIZE} {digest} "
            f"{checksum:08x}\n").encode()


_INT_SIZE = array("i").itemsize  # the size of the arrays' ints, which the file holds as bytes


def _read(path: str, digest: str) -> tuple[object, ...] | None:
    """The tables stored in `path` for the catalog of `digest`; None when missing, stale or damaged."""
    body = read_checked(path, partial(_header, digest))
    if body is None:
        return None
    try:
        tables = marshal.loads(body)
    except (EOFError, ValueError, TypeError):
        return None
    return tables if isinstance(tables, tuple) else None


def _write(path: str, digest: str, index: CatalogIndex) -> None:
    """Store `index` at `path` atomically; remove the index files of other catalogs. Best effort: a
    folder that cannot be written leaves things as they were."""
    body = marshal.dumps(index.tables())
    folder, name = os.path.split(path)
    try:
        os.makedirs(folder or os.curdir, mode=0o700, exist_ok=True)
        write_atomically(path, _header(digest, crc32(body)), body)
        others = os.listdir(folder or os.curdir)
    except OSError:
        return
    from contextlib import suppress  # only when writing: a reader needs none of it

    for other in others:
        if other != name and other.startswith(PREFIX) and other.endswith(SUFFIX):
            with suppress(OSError):
                os.unlink(os.path.join(folder, other))
