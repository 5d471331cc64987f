"""The booking state's statements, written once for SQLite and PostgreSQL (`BookingStorage` in SQL).

Usage (by the two implementations only)::

    class Store(SqlBooking):                      # SQLite
        dialect = SQLITE
        def _write(self): ...                     # a transaction holding the write lock
        def _read(self): ...                      # a connection for one read

The statements are portable SQL with named parameters (`:key`) and a few marks that `Dialect` fills in:
`{mine}` scopes a statement to the user (PostgreSQL: `user_id = :user AND`; a SQLite file holds one user
only, so nothing), `{user_col}` / `{user_val}` add the user to an insert or a conflict target, `{seq}`
is the insertion order (SQLite's rowid, PostgreSQL's `seq` column), and `{lock}` / `{skip_locked}` lock
the row read (PostgreSQL's `FOR UPDATE [SKIP LOCKED]`; SQLite's transaction holds the whole database's
write lock already). One copy of the statements, not two, so the back ends cannot drift apart.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from nlentry.booking.storage import (
    ALIAS_KINDS,
    BOOKING_TABLES,
    Alias,
    LocalRow,
    Order,
    OutboxRow,
    StoreError,
    TimerRow,
    columns,
)
from nlentry.model import Catalog

__all__ = ["POSTGRES", "SQLITE", "Dialect", "SqlBooking"]

_OUTBOX = columns(OutboxRow)
_LOCAL = columns(LocalRow)
_ORDERS = {"logged": "created_at, key", "day": "day, created_at, {seq}",
           "newest": "created_at DESC, {seq} DESC"}


@dataclass(frozen=True)
class Dialect:
    """What differs between the two databases' SQL; see the module docstring."""

    name: str
    scoped: bool          # every row carries a user_id
    seq: str              # the column that gives the insertion order
    lock: str             # locks the rows a SELECT reads
    skip_locked: str      # ... and passes those locked by another transaction
    named: str            # a named parameter, as a format with {name}

    def sql(self, text: str) -> str:
        """`text` with the marks filled in and `:name` parameters in this database's style."""
        return _render(self, text)


@lru_cache(maxsize=512)
def _render(dialect: Dialect, text: str) -> str:
    marks = {
        "mine": "user_id = :user AND " if dialect.scoped else "",
        "user_col": "user_id, " if dialect.scoped else "",
        "user_val": ":user, " if dialect.scoped else "",
        "seq": dialect.seq, "lock": dialect.lock, "skip_locked": dialect.skip_locked,
    }
    filled = text.format(**marks)
    return re.sub(r"(?<![:\w]):(\w+)", lambda m: dialect.named.format(name=m[1]), filled)


SQLITE = Dialect("sqlite", scoped=False, seq="rowid", lock="", skip_locked="", named=":{name}")
POSTGRES = Dialect("postgresql", scoped=True, seq="seq", lock=" FOR UPDATE",
                   skip_locked=" FOR UPDATE SKIP LOCKED", named="%({name})s")


class Tx:
    """A connection (or a transaction on one) that runs the dialect's statements for one user."""

    def __init__(self, conn: Any, dialect: Dialect, user: str | None) -> None:
        self.conn = conn
        self.dialect = dialect
        self.user = user

    def run(self, text: str, **params: Any) -> Any:
        """Execute one statement; returns the cursor (rows by column name, `rowcount`)."""
        if self.dialect.scoped:
            params["user"] = self.user
        bound = {k: int(v) if isinstance(v, bool) else v for k, v in params.items()}
        return self.conn.execute(self.dialect.sql(text), bound)

    def all(self, text: str, **params: Any) -> list[Any]:
        return list(self.run(text, **params).fetchall())

    def one(self, text: str, **params: Any) -> Any:
        return self.run(text, **params).fetchone()


class SqlBooking:
    """`BookingStorage` in portable SQL; a subclass gives the dialect, the clock and the connections.

    `_write()` is a transaction (committed on exit, rolled back on an exception) and `_read()` a
    connection for a read; both yield a `Tx`. `_write_one()` is where one statement writes, by itself a
    transaction (default: `_write()`; PostgreSQL's autocommit connection sends it without BEGIN and COMMIT,
    one round trip instead of three).
    """

    dialect: Dialect = SQLITE
    clock: Callable[[], float]

    def _write(self) -> AbstractContextManager[Tx]:
        raise NotImplementedError

    def _read(self) -> AbstractContextManager[Tx]:
        raise NotImplementedError

    def _write_one(self) -> AbstractContextManager[Tx]:
        return self._write()

    def _before_load(self, tx: Tx) -> None:
        """Run first in `load`'s transaction (PostgreSQL locks the user there)."""

    def _all(self, text: str, **params: Any) -> list[Any]:
        with self._read() as tx:
            return tx.all(text, **params)

    def _count(self, text: str, **params: Any) -> int:
        with self._write_one() as tx:
            return int(tx.run(text, **params).rowcount)

    # --- catalog cache ---------------------------------------------------------------------------

    def put_catalog(self, provider: str, catalog: Catalog, *, synced_at: float | None = None) -> float:
        when = self.clock() if synced_at is None else synced_at
        self._count("INSERT INTO catalog_cache ({user_col}provider, catalog, synced_at) "
                    "VALUES ({user_val}:provider, :catalog, :when) "
                    "ON CONFLICT ({user_col}provider) DO UPDATE SET catalog = excluded.catalog, "
                    "synced_at = excluded.synced_at", provider=provider, catalog=_catalog_json(catalog),
                    when=when)
        return when

    def get_catalog(self, provider: str) -> tuple[Catalog, float] | None:
        rows = self._all("SELECT catalog, synced_at FROM catalog_cache WHERE {mine}provider = :provider",
                         provider=provider)
        if not rows:
            return None
        return Catalog.from_dict(json.loads(rows[0]["catalog"])), float(rows[0]["synced_at"])

    def synced_at(self, provider: str) -> float | None:
        rows = self._all("SELECT synced_at FROM catalog_cache WHERE {mine}provider = :provider",
                         provider=provider)
        return float(rows[0]["synced_at"]) if rows else None

    # --- aliases ---------------------------------------------------------------------------------

    def add_alias(self, provider: str, alias: str, target: str, kind: str | None = None) -> Alias:
        alias, target = alias.strip(), target.strip()
        if not alias or not target:
            raise ValueError("an alias and the name it stands for must both be non-empty")
        if kind is not None and kind not in ALIAS_KINDS:
            raise ValueError(f"kind must be one of {', '.join(ALIAS_KINDS)}")
        self._count("INSERT INTO aliases ({user_col}provider, alias, target, kind, created_at) "
                    "VALUES ({user_val}:provider, :alias, :target, :kind, :now) "
                    "ON CONFLICT ({user_col}provider, alias) DO UPDATE SET target = excluded.target, "
                    "kind = excluded.kind", provider=provider, alias=alias, target=target, kind=kind,
                    now=self.clock())
        return Alias(provider, alias, target, kind)

    def remove_alias(self, provider: str, alias: str) -> bool:
        return self._count("DELETE FROM aliases WHERE {mine}provider = :provider "
                           "AND lower(alias) = lower(:alias)", provider=provider, alias=alias.strip()) > 0

    def aliases(self, provider: str | None = None) -> list[Alias]:
        if provider is None:
            rows = self._all("SELECT * FROM aliases WHERE {mine}TRUE ORDER BY provider, created_at, alias")
        else:
            rows = self._all("SELECT * FROM aliases WHERE {mine}provider = :provider "
                             "ORDER BY created_at, alias", provider=provider)
        return [Alias(r["provider"], r["alias"], r["target"], r["kind"]) for r in rows]

    def catalog_snapshot(self, provider: str) -> Catalog | None:
        return None  # no copy kept beside the database (SQLite's `Store` keeps one)

    def keep_snapshot(self) -> None:
        pass

    # --- the local provider ----------------------------------------------------------------------

    def set_local_catalog(self, catalog: Catalog) -> None:
        self._count("INSERT INTO local_catalog ({user_col}id, catalog, updated_at) "
                    "VALUES ({user_val}1, :catalog, :now) "
                    "ON CONFLICT ({user_col}id) DO UPDATE SET catalog = excluded.catalog, "
                    "updated_at = excluded.updated_at", catalog=_catalog_json(catalog), now=self.clock())

    def local_catalog(self) -> Catalog:
        rows = self._all("SELECT catalog FROM local_catalog WHERE {mine}id = 1")
        return Catalog.from_dict(json.loads(rows[0]["catalog"])) if rows else Catalog()

    _LOCAL_INSERT = (f"INSERT INTO entries ({{user_col}}{', '.join(_LOCAL)}) "
                     f"VALUES ({{user_val}}{', '.join(':' + c for c in _LOCAL)})")
    _LOCAL_SET = ("day = :day, start_time = :start_time, end_time = :end_time, duration = :duration, "
                  "description = :description, entry = :entry, updated_at = :updated_at, "
                  "running_since = NULL")

    def local_add(self, row: LocalRow) -> None:
        self._count(self._LOCAL_INSERT, **vars(row))

    def local_upsert(self, row: LocalRow) -> None:
        set_excluded = self._LOCAL_SET.replace(":", "excluded.")
        self._count(f"{self._LOCAL_INSERT} ON CONFLICT ({{user_col}}id) DO UPDATE SET {set_excluded}",
                    **vars(replace(row, running_since=None)))

    def local_update(self, row: LocalRow) -> bool:
        values = {k: v for k, v in vars(row).items() if k not in ("created_at", "running_since")}
        return self._count(f"UPDATE entries SET {self._LOCAL_SET} WHERE {{mine}}id = :id", **values) > 0

    def local_delete(self, entry_id: str) -> bool:
        return self._count("DELETE FROM entries WHERE {mine}id = :id", id=entry_id) > 0

    def local_rows(self, *, entry_id: str | None = None, day: str | None = None,
                   running: bool = False) -> list[LocalRow]:
        select = f"SELECT {', '.join(_LOCAL)} FROM entries WHERE {{mine}}"
        if entry_id is not None:
            rows = self._all(select + "id = :id", id=entry_id)
        elif day is not None:
            rows = self._all(select + "day = :day ORDER BY start_time IS NULL, start_time, created_at, id",
                             day=day)
        elif running:
            rows = self._all(select + "running_since IS NOT NULL ORDER BY running_since DESC")
        else:
            rows = self._all(select + "TRUE ORDER BY created_at, id")
        return [LocalRow(**{c: r[c] for c in _LOCAL}) for r in rows]

    # --- the timer -------------------------------------------------------------------------------

    def timer(self) -> TimerRow | None:
        rows = self._all("SELECT provider, entry, started_at FROM timer WHERE {mine}id = 1")
        return TimerRow(rows[0]["provider"], rows[0]["entry"], float(rows[0]["started_at"])) if rows else None

    def set_timer(self, provider: str, entry: str, started_at: float) -> None:
        self._count("INSERT INTO timer ({user_col}id, provider, entry, started_at) "
                    "VALUES ({user_val}1, :provider, :entry, :started_at)",
                    provider=provider, entry=entry, started_at=started_at)

    def clear_timer(self) -> bool:
        return self._count("DELETE FROM timer WHERE {mine}id = 1") > 0

    # --- the outbox ------------------------------------------------------------------------------

    def outbox_add(self, row: OutboxRow) -> bool:
        return self._count(f"INSERT INTO outbox ({{user_col}}{', '.join(_OUTBOX)}) "
                           f"VALUES ({{user_val}}{', '.join(':' + c for c in _OUTBOX)}) "
                           f"ON CONFLICT ({{user_col}}key) DO NOTHING", **vars(row)) > 0

    def outbox_rows(self, *, keys: Sequence[str] | None = None, prefix: str | None = None,
                    states: Sequence[str] | None = None, provider: str | None = None,
                    due_by: float | None = None, undone: bool | None = None,
                    days: tuple[str, str] | None = None, order: Order = "logged") -> list[OutboxRow]:
        where: list[str] = ["TRUE"]
        params: dict[str, Any] = {}
        if keys is not None:
            where.append(_in("key", keys, params))
        if prefix is not None:
            where.append("key LIKE :pattern ESCAPE '\\'")
            params["pattern"] = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        if states is not None:
            where.append(_in("state", states, params))
        if provider is not None:
            where.append("provider = :provider")
            params["provider"] = provider
        if due_by is not None:
            where.append("(state = 'posting' OR next_attempt_at <= :due_by)")
            params["due_by"] = due_by
        if undone is not None:
            where.append(f"deleted = {1 if undone else 0}")
        if days is not None:
            where.append("day BETWEEN :first AND :last")
            params.update(first=days[0], last=days[1])
        rows = self._all(f"SELECT {', '.join(_OUTBOX)} FROM outbox WHERE {{mine}}{' AND '.join(where)} "
                         f"ORDER BY {_ORDERS[order]}", **params)
        return [_outbox_row(r) for r in rows]

    def outbox_keys(self) -> list[str]:
        rows = self._all("SELECT key FROM outbox WHERE {mine}deleted = 0 "
                         "ORDER BY created_at DESC, {seq} DESC")
        return [r["key"] for r in rows]

    def outbox_change(self, key: str, decide: Callable[[OutboxRow], Mapping[str, Any] | None], *,
                      skip_locked: bool = False) -> OutboxRow | None:
        lock = "{skip_locked}" if skip_locked else "{lock}"
        with self._write() as tx:
            found = tx.one(f"SELECT {', '.join(_OUTBOX)} FROM outbox WHERE {{mine}}key = :key{lock}", key=key)
            if found is None:
                return None
            row = _outbox_row(found)
            changes = decide(row)
            if not changes:
                return None
            tx.run(f"UPDATE outbox SET {_assign(changes, 'v_')} WHERE {{mine}}key = :key", key=key,
                   **{f"v_{k}": v for k, v in changes.items()})
            return replace(row, **changes)

    def outbox_update(self, key: str, values: Mapping[str, Any], *,
                      when: Mapping[str, Any] | None = None) -> bool:
        condition = "".join(f" AND {c} = :w_{c}" for c in _checked(when or {}))
        return self._count(f"UPDATE outbox SET {_assign(values, 'v_')} WHERE {{mine}}key = :key{condition}",
                           key=key, **{f"v_{k}": v for k, v in values.items()},
                           **{f"w_{k}": v for k, v in (when or {}).items()}) > 0

    def outbox_hold(self, provider: str, until: float) -> None:
        self._count("UPDATE outbox SET next_attempt_at = :until WHERE {mine}provider = :provider "
                    "AND state = 'pending' AND next_attempt_at < :until", provider=provider, until=until)

    def outbox_next_due(self, provider: str | None = None) -> float | None:
        only = "" if provider is None else " AND provider = :provider"
        rows = self._all("SELECT MIN(next_attempt_at) AS t FROM outbox WHERE {mine}state = 'pending'" + only,
                         provider=provider)
        value = rows[0]["t"]
        return None if value is None else float(value)

    def outbox_counts(self) -> dict[str, int]:
        rows = self._all("SELECT state, COUNT(*) AS n FROM outbox WHERE {mine}TRUE GROUP BY state")
        return {r["state"]: int(r["n"]) for r in rows}

    def outbox_remote_ids(self, provider: str, *, other_than: str) -> frozenset[str]:
        rows = self._all("SELECT remote_id FROM outbox WHERE {mine}provider = :provider AND key != :key "
                         "AND remote_id IS NOT NULL", provider=provider, key=other_than)
        return frozenset(r["remote_id"] for r in rows)

    def outbox_delete(self, key: str, *, states: Sequence[str]) -> bool:
        params: dict[str, Any] = {"key": key}
        return self._count(f"DELETE FROM outbox WHERE {{mine}}key = :key AND {_in('state', states, params)}",
                           **params) > 0

    # --- copying ---------------------------------------------------------------------------------

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        found: dict[str, list[tuple[Any, ...]]] = {}
        with self._read() as tx:
            for table, cols in BOOKING_TABLES.items():
                order = "{seq}" if table == "outbox" else cols[0]
                rows = tx.all(f"SELECT {', '.join(cols)} FROM {table} WHERE {{mine}}TRUE ORDER BY {order}")
                found[table] = [tuple(r[c] for c in cols) for r in rows]
        return found

    def load(self, rows: Mapping[str, Sequence[Sequence[Any]]]) -> dict[str, int]:
        unknown = set(rows) - set(BOOKING_TABLES)
        if unknown:
            raise StoreError(f"not booking tables: {', '.join(sorted(unknown))}")
        with self._write() as tx:
            self._before_load(tx)
            for table in BOOKING_TABLES:
                if tx.one(f"SELECT 1 AS found FROM {table} WHERE {{mine}}TRUE LIMIT 1") is not None:
                    raise StoreError(f"{self!r} holds booking state already ({table}): nothing was copied")
            for table, cols in BOOKING_TABLES.items():
                for row in rows.get(table, ()):
                    tx.run(f"INSERT INTO {table} ({{user_col}}{', '.join(cols)}) "
                           f"VALUES ({{user_val}}{', '.join(':' + c for c in cols)})",
                           **dict(zip(cols, row, strict=True)))
        return {table: len(rows.get(table, ())) for table in BOOKING_TABLES}


def _catalog_json(catalog: Catalog) -> str:
    return json.dumps(catalog.to_dict(), ensure_ascii=False, separators=(",", ":"))


def _in(column: str, values: Sequence[Any], params: dict[str, Any]) -> str:
    """`column IN (:column_0, ...)`, its values added to `params` (FALSE for no values)."""
    names = [f"{column}_{i}" for i in range(len(values))]
    params.update(zip(names, values, strict=True))
    return f"{column} IN ({', '.join(':' + n for n in names)})" if names else "FALSE"


def _checked(values: Mapping[str, Any]) -> Iterator[str]:
    """The column names of `values`, each one of the outbox's (they are written into the statement)."""
    for name in values:
        if name not in _OUTBOX:
            raise ValueError(f"not a column of the outbox: {name!r}")
        yield name


def _assign(values: Mapping[str, Any], prefix: str) -> str:
    return ", ".join(f"{c} = :{prefix}{c}" for c in _checked(values))


def _outbox_row(row: Any) -> OutboxRow:
    values = {c: row[c] for c in _OUTBOX}
    values["deleted"] = bool(values["deleted"])
    return OutboxRow(**values)
