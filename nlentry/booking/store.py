"""The nlentry database: one SQLite file (`nlentry.db` under `NLENTRY_HOME`), standard library `sqlite3`.

Usage::

    from nlentry.booking.store import Store

    store = Store.open(env)            # <data_home>/nlentry.db, created 0600, WAL
    store = Store(":memory:")          # tests
    with store.transaction() as db:    # BEGIN IMMEDIATE ... COMMIT (ROLLBACK on error)
        db.execute("...")

It holds the cached catalog of each provider, the user's local aliases, the catalog and entries of
the embedded `local` provider, the running timer, and the outbox. `Store` is the SQLite
`BookingStorage` (`nlentry.booking.storage`): its statements are shared with PostgreSQL
(`nlentry.booking.sql`); this module adds the file, the connection and the schema's migrations. The
schema is `schema.sql` beside this module. The server's own `server.db` uses the same plumbing
(`transaction`, `query`).

One `Store` wraps one connection, shared by the threads of a process under a lock (the background
catalog refresh uses it too); separate processes, or separate `Store` objects, are separate
connections, and SQLite's locking (WAL, `BEGIN IMMEDIATE`, a busy timeout) keeps them apart.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date as Date
from datetime import time as Time
from pathlib import Path
from typing import Any

from nlentry.booking.sql import SQLITE, SqlBooking, Tx
from nlentry.booking.storage import ALIAS_KINDS, Alias, StoreError
from nlentry.catalog.snapshot import snapshot_path
from nlentry.model import Alternative, Catalog, Entry, Ref, Span

__all__ = [
    "ALIAS_KINDS",
    "DB_FILE",
    "SCHEMA_VERSION",
    "Alias",
    "Store",
    "StoreError",
    "entry_from_json",
    "entry_to_json",
]

DB_FILE = "nlentry.db"
SCHEMA_VERSION = 3


class Store(SqlBooking):
    """The SQLite database, and the SQLite `BookingStorage` (`nlentry.booking.storage`); see the module
    docstring.

    Parameters:
        path: the database file, or ``":memory:"``.
        clock: unix time, for the timestamps written (tests pass a fake).
        timeout: seconds to wait for another connection's write lock before failing.
    """

    def __init__(self, path: str | Path = ":memory:", *, clock: Callable[[], float] = time.time,
                 timeout: float = 15.0) -> None:
        self.path = str(path)
        self.clock = clock
        self._timeout = timeout
        self._lock = threading.RLock()
        memory = self.path == ":memory:" or self.path.startswith("file::memory:")
        #: the catalogs snapshot beside the file (`nlentry.catalog.snapshot`); None in memory
        self.snapshot: Path | None = None
        self._catalogs_changing = False
        if not memory:
            self.snapshot = snapshot_path(self.path)
            if _create_private(Path(self.path)):  # a new database: a snapshot left of an old one goes
                self._drop_snapshot()
        try:
            # isolation_level=None: no implicit transactions; `transaction()` says BEGIN itself
            self._db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None,
                                       check_same_thread=False)
            self._db.row_factory = sqlite3.Row
            if not memory:
                self._db.execute("PRAGMA journal_mode=WAL")
            # FULL: a committed outbox row survives a power cut, not only a crash of the process
            self._db.execute("PRAGMA synchronous=FULL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the database {self.path}: {exc}") from None

    @classmethod
    def open(cls, env: Mapping[str, str] | None = None, **kwargs: Any) -> Store:
        """The user's database: `<data_home>/nlentry.db` (see `nlentry.config.data_home`)."""
        from nlentry import config

        return cls(config.data_home(env) / DB_FILE, **kwargs)

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(f"the database {self.path} is from a newer nlentry (schema {version})")
        if version < SCHEMA_VERSION:
            schema = (Path(__file__).with_name("schema.sql")).read_text(encoding="utf-8")
            with self._lock:
                if version == 1:
                    self._migrate_1_to_2()
                if version in (1, 2):
                    self._migrate_2_to_3()
                self._db.executescript(schema)
                self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _migrate_1_to_2(self) -> None:
        # The outbox became the journal (day, deleted). Idempotent: two processes may race here.
        with self.transaction() as db:
            columns = {row["name"] for row in db.execute("PRAGMA table_info(outbox)")}
            if "day" not in columns:
                db.execute("ALTER TABLE outbox ADD COLUMN day TEXT")
                db.execute("UPDATE outbox SET day = json_extract(entry, '$.date')")
            if "deleted" not in columns:
                db.execute("ALTER TABLE outbox ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0")

    def _migrate_2_to_3(self) -> None:
        # Retries look for an earlier copy only of what was sent with an unknown outcome (sending,
        # unsettled). An unposted item tried before may have arrived: its entry is kept as unsettled.
        with self.transaction() as db:
            columns = {row["name"] for row in db.execute("PRAGMA table_info(outbox)")}
            if "sending" not in columns:
                db.execute("ALTER TABLE outbox ADD COLUMN sending TEXT")
            if "unsettled" not in columns:
                db.execute("ALTER TABLE outbox ADD COLUMN unsettled TEXT")
                db.execute("UPDATE outbox SET unsettled = json_array(json(entry)) "
                           "WHERE attempts > 0 AND remote_id IS NULL AND state != 'posted'")

    # --- plumbing --------------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """`BEGIN IMMEDIATE` ... `COMMIT`: takes the write lock at once, so read-then-write is atomic."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:  # another process held the write lock too long
                raise StoreError(f"the database {self.path} is busy: {exc}") from None
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def query(self, sql: str, params: tuple[Any, ...] | Mapping[str, Any] = ()) -> list[sqlite3.Row]:
        """Run a read query and return all rows."""
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    @contextmanager
    def _write(self) -> Iterator[Tx]:
        with self.transaction() as db:
            if self._catalogs_changing:  # inside the transaction: never a snapshot older than the database
                self._drop_snapshot()
            yield Tx(db, SQLITE, None)

    @contextmanager
    def _read(self) -> Iterator[Tx]:
        with self._lock:
            yield Tx(self._db, SQLITE, None)

    # --- the catalogs snapshot ------------------------------------------------------------------
    #
    # What a cold `nlentry parse` reads instead of this database (`nlentry.catalog.snapshot.read_snapshot`):
    # every change to the cached catalogs or the aliases removes it inside its own transaction, and it is
    # written afterwards from what is committed, holding the write lock, so no other change comes between.

    def put_catalog(self, provider: str, catalog: Catalog, *, synced_at: float | None = None) -> float:
        with self._catalogs_change():
            return super().put_catalog(provider, catalog, synced_at=synced_at)

    def add_alias(self, provider: str, alias: str, target: str, kind: str | None = None) -> Alias:
        with self._catalogs_change():
            return super().add_alias(provider, alias, target, kind)

    def remove_alias(self, provider: str, alias: str) -> bool:
        with self._catalogs_change():
            return super().remove_alias(provider, alias)

    def load(self, rows: Mapping[str, Sequence[Sequence[Any]]]) -> dict[str, int]:
        with self._catalogs_change():
            return super().load(rows)

    @contextmanager
    def _catalogs_change(self) -> Iterator[None]:
        with self._lock:
            self._catalogs_changing = True
            try:
                yield
            finally:
                self._catalogs_changing = False
            self.write_snapshot()

    def catalog_snapshot(self, provider: str) -> Catalog | None:
        if self.snapshot is None:
            return None
        from nlentry.catalog.snapshot import read_snapshot

        found = read_snapshot(self.snapshot, provider)
        return None if found is None else found[0]

    def keep_snapshot(self) -> None:
        self.write_snapshot(wait=False)

    def write_snapshot(self, *, wait: bool = True) -> bool:
        """Write the catalogs snapshot from what the database holds; False when it could not be written
        (it then stays absent: readers read the database). `wait=False` gives up at once when another
        connection holds the write lock (a parse does not wait for it)."""
        if self.snapshot is None:
            return False
        from nlentry.booking.sync import merge_aliases
        from nlentry.catalog.snapshot import write_snapshot

        with self._lock:
            if not wait:
                self._db.execute("PRAGMA busy_timeout = 0")
            try:
                with self._write() as tx:  # the write lock, so that what is read stays current
                    providers = [r["provider"] for r in tx.all("SELECT provider FROM catalog_cache")]
                    catalogs = {}
                    for name in providers:
                        cached = self.get_catalog(name)
                        if cached is not None:
                            catalogs[name] = merge_aliases(cached[0], self.aliases(name))
                    write_snapshot(self.snapshot, catalogs)
                return True
            except (OSError, StoreError, sqlite3.Error):
                return False
            finally:
                if not wait:
                    self._db.execute(f"PRAGMA busy_timeout = {int(self._timeout * 1000)}")

    def _drop_snapshot(self) -> None:
        if self.snapshot is None:
            return
        try:
            self.snapshot.unlink(missing_ok=True)
        except OSError as exc:  # it would be read as current: the change must not happen without it gone
            raise StoreError(f"cannot remove {self.snapshot}: {exc.strerror}") from None

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.path!r})"


# --- files ---------------------------------------------------------------------------------------


def _create_private(path: Path) -> bool:
    """Create the database file 0600 (and its directory 0700) before SQLite opens it; True when it did.

    SQLite gives the -wal and -shm files the permissions of the database file, so they stay private too.
    """
    from nlentry.config import ensure_dir

    if path.exists():
        return False
    ensure_dir(path.parent)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    return True


# --- entries as JSON -----------------------------------------------------------------------------


def _ref(r: Ref | None) -> list[Any] | None:
    return None if r is None else [r.id, r.name]


def _unref(raw: Any) -> Ref | None:
    return None if raw is None else Ref(raw[0], raw[1])


def entry_to_json(entry: Entry) -> str:
    """The whole `Entry` as compact JSON (unlike `Entry.to_dict`, it keeps `implied` and seconds)."""
    return json.dumps({
        "text": entry.text, "locale": entry.locale, "date": entry.date.isoformat(),
        "start": None if entry.start is None else entry.start.isoformat(),
        "end": None if entry.end is None else entry.end.isoformat(),
        "duration": entry.duration, "project": _ref(entry.project), "service": _ref(entry.service),
        "client": _ref(entry.client), "persons": [_ref(p) for p in entry.persons],
        "tags": list(entry.tags), "billable": entry.billable, "description": entry.description,
        "confidence": entry.confidence,
        "spans": [[s.field, s.start, s.end, s.text] for s in entry.spans],
        "alternatives": {k: [[a.id, a.name, a.score] for a in v] for k, v in entry.alternatives.items()},
        "warnings": list(entry.warnings), "implied": sorted(entry.implied),
    }, ensure_ascii=False, separators=(",", ":"))


def entry_from_json(text: str) -> Entry:
    """The `Entry` that `entry_to_json` wrote."""
    d = json.loads(text)
    return Entry(
        text=d["text"], locale=d["locale"], date=Date.fromisoformat(d["date"]),
        start=None if d["start"] is None else Time.fromisoformat(d["start"]),
        end=None if d["end"] is None else Time.fromisoformat(d["end"]),
        duration=d["duration"], project=_unref(d["project"]), service=_unref(d["service"]),
        client=_unref(d["client"]), persons=tuple(Ref(p[0], p[1]) for p in d["persons"]),
        tags=tuple(d["tags"]), billable=d["billable"], description=d["description"],
        confidence=d["confidence"], spans=tuple(Span(*s) for s in d["spans"]),
        alternatives={k: tuple(Alternative(*a) for a in v) for k, v in d["alternatives"].items()},
        warnings=tuple(d["warnings"]), implied=frozenset(d["implied"]),
    )
