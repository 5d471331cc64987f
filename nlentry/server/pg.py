"""The server's state in PostgreSQL, shared by any number of server processes on any number of hosts.

Usage::

    from nlentry.server.pg import PostgresStorage, upgrade

    upgrade("postgresql://nlentry@db/nlentry")          # `nlentry db upgrade`: apply the migrations
    storage = PostgresStorage(url, secret_keys=keys)    # refuses a schema older or newer than it knows

It implements `nlentry.server.storage.ServerStorage` with psycopg 3 and a connection pool
(`psycopg_pool`), both imported only here. Its calls block, so the routes make them from threads; but
the JSON API's one statement per batch of requests (`admit_async`) runs on the event loop, without
blocking it, on a connection of its own (`_LoopConnection`).
Connections are in autocommit; what must be atomic across processes is one statement (`DELETE ...
RETURNING` takes a pending confirmation or a link code, one `INSERT ... ON CONFLICT DO UPDATE ... WHERE`
takes a rate token or records a delivery) or one transaction. The schema is the numbered SQL files in
`migrations/pg/` beside this module, recorded in `schema_migrations`; a server process starts only when
the newest one applied is the newest it ships. The users' provider credentials are stored encrypted
(`nlentry.server.vault`). A database that cannot be reached raises `StorageUnavailable` (the routes
answer 503); its URL's password is never shown.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nlentry.server.storage import (
    STATE_TABLES,
    KeyRow,
    PendingRow,
    SchemaError,
    StorageUnavailable,
    UserRow,
    merge_settings,
    plain_settings,
)
from nlentry.server.vault import Vault

if TYPE_CHECKING:
    import psycopg
    from psycopg_pool import ConnectionPool

    from nlentry.booking.postgres import PostgresBooking

__all__ = ["LATEST", "Migration", "PostgresStorage", "applied_version", "migrations", "upgrade", "version_of"]

log = logging.getLogger("nlentry.server")

MIGRATIONS = Path(__file__).with_name("migrations") / "pg"
_LOCK = 7_364_911_274  # pg_advisory_lock key of `nlentry db upgrade`: two upgrades never run at once


@dataclass(frozen=True)
class Migration:
    """One numbered SQL file of `migrations/pg/` (`0001_server_state.sql`: version 1)."""

    version: int
    name: str
    path: Path


def migrations() -> list[Migration]:
    """The migrations this nlentry ships, in order."""
    found = []
    for path in sorted(MIGRATIONS.glob("*.sql")):
        match = re.fullmatch(r"(\d+)_(\w+)\.sql", path.name)
        if match:
            found.append(Migration(int(match[1]), match[2], path))
    return found


LATEST = max((m.version for m in migrations()), default=0)


def require() -> None:
    """`ConfigError` with the install command when the `postgres` extra is not installed."""
    import importlib.util

    from nlentry.config import ConfigError

    missing = [m for m in ("psycopg", "psycopg_pool", "cryptography") if importlib.util.find_spec(m) is None]
    if missing:
        raise ConfigError(f"a database_url needs the postgres extra ({', '.join(missing)} missing): "
                          "pip install 'nlentry[postgres]'")


def _where(url: str) -> str:
    """host:port/database of a URL, without user or password (for messages)."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return f"{parts.hostname or 'localhost'}{f':{parts.port}' if parts.port else ''}{parts.path or '/'}"


def _unavailable(url: str, exc: BaseException, *, starting: bool = False) -> StorageUnavailable:
    """The error for a database that cannot be reached. Starting, it names the address and the cause (for
    the operator); serving, the cause goes to the log and the error (a request's answer) names neither."""
    from nlentry.config import redact

    if starting:
        return StorageUnavailable(f"cannot connect to the database at {_where(url)}: "
                                  f"{redact(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__}")
    log.warning("database %s unavailable: %s", _where(url), redact(f"{type(exc).__name__}: {exc}")[:300])
    return StorageUnavailable("the server's database cannot be reached; try again later")


def applied_version(conn: psycopg.Connection[Any]) -> int:
    """The newest migration applied to the database (0: none, not even the table)."""
    row = conn.execute("SELECT to_regclass('schema_migrations') IS NOT NULL").fetchone()
    if not row or not row[0]:
        return 0
    row = conn.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()
    return int(row[0]) if row else 0


def version_of(url: str, *, connect_timeout: float = 10) -> int:
    """The newest migration applied to the database at `url` (0: none)."""
    require()
    import psycopg

    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=max(1, int(connect_timeout))) as conn:
            return applied_version(conn)
    except psycopg.OperationalError as exc:
        raise _unavailable(url, exc, starting=True) from None


def upgrade(url: str, *, connect_timeout: float = 10) -> list[Migration]:
    """Apply the migrations the database lacks, each in its own transaction; returns those applied.

    Safe to run from several places at once (an advisory lock makes them take turns). Refuses a
    database that is newer than this nlentry.
    """
    require()
    import psycopg

    try:
        conn = psycopg.connect(url, autocommit=True, connect_timeout=max(1, int(connect_timeout)))
    except psycopg.OperationalError as exc:
        raise _unavailable(url, exc, starting=True) from None
    done = []
    with conn:
        conn.execute("SELECT pg_advisory_lock(%s)", (_LOCK,))
        try:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, "
                "name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"
            )
            current = applied_version(conn)
            if current > LATEST:
                raise SchemaError(_newer(current))
            applied = {int(r[0]) for r in conn.execute("SELECT version FROM schema_migrations").fetchall()}
            for migration in migrations():
                if migration.version in applied:  # each missing one, also one numbered below `current`
                    continue
                with conn.transaction():
                    conn.execute(migration.path.read_text(encoding="utf-8").encode())
                    conn.execute("INSERT INTO schema_migrations (version, name) VALUES (%s, %s)",
                                 (migration.version, migration.name))
                done.append(migration)
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", (_LOCK,))
    return done


def _check(version: int) -> None:
    """`SchemaError` unless `version` is exactly the newest migration this nlentry ships."""
    if version > LATEST:
        raise SchemaError(_newer(version))
    if version < LATEST:
        raise SchemaError(f"the database schema is at version {version}, this nlentry needs {LATEST}: "
                          "run 'nlentry db upgrade'")


def _newer(version: int) -> str:
    return (f"the database schema is at version {version}, newer than this nlentry knows ({LATEST}): "
            "upgrade nlentry")


#: the database's clock in unix seconds, one instant for the whole statement (every host's clock)
_NOW = "extract(epoch from statement_timestamp())::float8"
#: the tokens an existing bucket `b` gives: of those asked (`excluded.taken`), as many as fit in the
#: burst ($4: seconds) at one interval ($3) each, beyond the time the bucket is ahead of now
_FIT = (f"greatest(0, least(excluded.taken, floor(($4::float8 - (greatest(b.tat, {_NOW}) - {_NOW})) "
        "/ $3::float8)))")


class PostgresStorage:
    """The server's state in PostgreSQL; see the module docstring and `ServerStorage`.

    Parameters:
        url: `postgresql://user:password@host:port/database`.
        secret_keys: the vault's keys (first encrypts); required.
        pool_size: most connections this process opens.
        check_schema: refuse a schema that is not exactly `LATEST` (`SchemaError`).
        timeout: seconds to wait for a connection before `StorageUnavailable`.
        pause: seconds after a failure during which requests fail at once instead of waiting (many
            routes run on the event loop: an outage must not hold it); `ping` still tries, and ends it.
    """

    kind = "postgresql"
    shared = True

    def __init__(self, url: str, *, secret_keys: Sequence[str], pool_size: int = 10,
                 check_schema: bool = True, timeout: float = 2.0, pause: float = 5.0) -> None:
        from nlentry.config import ConfigError

        require()
        if not secret_keys:
            raise ConfigError(
                "a database_url needs a secret key to encrypt the users' credentials: set "
                "NLENTRY_SECRET_KEY or [server] secret_key_file (make a key with 'nlentry db keygen')"
            )
        self.vault = Vault(secret_keys)
        self.url = url
        self.timeout = timeout
        self.pause = pause
        self.pool_size = max(1, pool_size)
        self._down_until = 0.0
        import psycopg
        from psycopg_pool import ConnectionPool

        # one plain connection first: a database that is down or has another schema fails at once,
        # with libpq's reason, instead of after the pool's retries
        try:
            with psycopg.connect(url, autocommit=True, connect_timeout=max(1, int(timeout))) as conn:
                version = applied_version(conn)
        except psycopg.OperationalError as exc:
            raise _unavailable(url, exc, starting=True) from None
        if check_schema:
            _check(version)
        self.pool: ConnectionPool[Any] = ConnectionPool(
            url, min_size=1, max_size=max(1, pool_size), open=False, timeout=timeout,
            kwargs={"autocommit": True, "connect_timeout": max(1, int(timeout))}, name="nlentry",
        )
        try:
            self.pool.open(wait=True, timeout=timeout)
        except Exception as exc:
            self.pool.close()
            raise _unavailable(url, exc, starting=True) from None
        self._admission = _LoopConnection(url, self._ADMIT, timeout=timeout)

    @contextmanager
    def _conn(self, *, probe: bool = False) -> Iterator[psycopg.Connection[Any]]:
        import psycopg

        if not probe:
            self._refuse_while_down()
        try:
            with self.pool.connection(timeout=self.timeout) as conn:
                yield conn
        except psycopg.OperationalError as exc:
            raise self._went_down(exc) from None
        if probe:
            self._down_until = 0.0

    def _refuse_while_down(self) -> None:
        """Answer at once (503) during the pause after the database was found unreachable."""
        if time.monotonic() < self._down_until:
            raise StorageUnavailable("the server's database cannot be reached; try again later")

    def _went_down(self, exc: Exception) -> StorageUnavailable:
        """The error to raise for `exc` (the database unreachable), starting the pause."""
        self._down_until = time.monotonic() + self.pause
        return _unavailable(self.url, exc)

    def _one(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> tuple[Any, ...] | None:
        with self._conn() as conn:
            return conn.execute(sql.encode(), params).fetchone()

    def _all(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> list[tuple[Any, ...]]:
        with self._conn() as conn:
            return conn.execute(sql.encode(), params).fetchall()

    def _count(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> int:
        with self._conn() as conn:
            return conn.execute(sql.encode(), params).rowcount

    # --- users -----------------------------------------------------------------------------------

    def add_user(self, user_id: str, *, locale: str | None, now: float) -> bool:
        return self._count("INSERT INTO users (id, locale, created_at) VALUES (%s, %s, %s) "
                           "ON CONFLICT (id) DO NOTHING", (user_id, locale, now)) == 1

    _USERS = ("SELECT u.id, u.locale, coalesce(array_agg(l.identity ORDER BY l.identity) "
              "FILTER (WHERE l.identity IS NOT NULL), ARRAY[]::text[]) FROM users u "
              "LEFT JOIN chat_links l ON l.user_id = u.id {where} GROUP BY u.id, u.locale ORDER BY u.id")

    def user(self, user_id: str) -> UserRow | None:
        rows = self._all(self._USERS.format(where="WHERE u.id = %s"), (user_id,))
        return UserRow(rows[0][0], rows[0][1], tuple(rows[0][2])) if rows else None

    def users(self) -> list[UserRow]:
        return [UserRow(r[0], r[1], tuple(r[2])) for r in self._all(self._USERS.format(where=""))]

    def remove_user(self, user_id: str) -> bool:
        return self._count("DELETE FROM users WHERE id = %s", (user_id,)) > 0

    def set_locale(self, user_id: str, locale: str | None) -> None:
        self._count("UPDATE users SET locale = %s WHERE id = %s", (locale, user_id))

    # --- chat links and link codes ---------------------------------------------------------------

    def user_of_identity(self, identity: str) -> str | None:
        row = self._one("SELECT user_id FROM chat_links WHERE identity = %s", (identity,))
        return str(row[0]) if row else None

    def link(self, identity: str, user_id: str, *, now: float) -> None:
        with self._conn() as conn, conn.transaction():
            conn.execute("INSERT INTO chat_links (identity, user_id, created_at) VALUES (%s, %s, %s) "
                         "ON CONFLICT (identity) DO UPDATE SET user_id = excluded.user_id",
                         (identity, user_id, now))
            conn.execute("DELETE FROM link_codes WHERE identity = %s", (identity,))

    def unlink(self, identity: str) -> bool:
        return self._count("DELETE FROM chat_links WHERE identity = %s", (identity,)) > 0

    def put_link_code(self, code_hash: str, identity: str, *, expires_at: float, now: float) -> None:
        with self._conn() as conn, conn.transaction():
            conn.execute("DELETE FROM link_codes WHERE expires_at <= %s", (now,))
            conn.execute("INSERT INTO link_codes (hash, identity, expires_at) VALUES (%s, %s, %s) "
                         "ON CONFLICT (identity) DO UPDATE SET hash = excluded.hash, "
                         "expires_at = excluded.expires_at", (code_hash, identity, expires_at))

    def take_link_code(self, code_hash: str) -> tuple[str, float] | None:
        row = self._one("DELETE FROM link_codes WHERE hash = %s RETURNING identity, expires_at", (code_hash,))
        return (str(row[0]), float(row[1])) if row else None

    # --- API keys --------------------------------------------------------------------------------

    def add_key(self, key_id: str, key_hash: str, user_id: str, *, name: str, now: float) -> None:
        self._count("INSERT INTO api_keys (id, hash, user_id, name, created_at) VALUES (%s, %s, %s, %s, %s)",
                    (key_id, key_hash, user_id, name, now))

    def key_owner(self, key_hash: str) -> tuple[str, str] | None:
        row = self._one("SELECT hash, user_id FROM api_keys WHERE hash = %s", (key_hash,))
        return (str(row[0]), str(row[1])) if row else None

    # The keys and their owners' rate tokens in one statement, for any number of requests at once: each
    # distinct key once ($1: the hex hashes, comma-separated) with its count of requests ($2, likewise).
    # Each owner's bucket is inserted or, when it exists (or another process inserts it at the same
    # instant), updated under its row lock, on its latest value: the owner takes as many of its `n`
    # tokens as fit (`taken`: GCRA, as in `take_token`), and the bucket moves on by that many
    # intervals. The owners go in order, so processes lock them in the same order. One row per known
    # key: (hash, owner, tokens its owner took, seconds its bucket is ahead of now afterwards).
    _ADMIT = (
        "WITH k AS (SELECT a.hash, a.user_id, r.n FROM unnest(string_to_array($1::text, ','), "
        "string_to_array($2::text, ',')::int[]) AS r(h, n) JOIN api_keys a ON a.hash = r.h), "
        "b AS (INSERT INTO rate_buckets AS b (key, tat, taken) "
        f"SELECT user_id, {_NOW} + least(sum(n), floor($4::float8 / $3::float8)) * $3::float8, "
        "least(sum(n), floor($4::float8 / $3::float8)) FROM k GROUP BY user_id ORDER BY user_id "
        f"ON CONFLICT (key) DO UPDATE SET tat = greatest(b.tat, {_NOW}) + {_FIT} * $3::float8, "
        f"taken = {_FIT} "
        f"RETURNING b.key, b.taken, b.tat - {_NOW} AS ahead) "
        "SELECT k.hash, k.user_id, b.taken, b.ahead FROM k JOIN b ON b.key = k.user_id"
    ).encode()

    def admit(self, key_hashes: Sequence[str], *, interval: float,
              burst: float) -> list[tuple[str, str, float] | None]:
        import psycopg

        with self._conn() as conn:
            cursor = psycopg.RawCursor(conn)
            rows = cursor.execute(self._ADMIT, _admit_params(key_hashes, interval, burst), prepare=True)
            return _admit_rows(rows.fetchall(), key_hashes, interval, burst)

    async def admit_async(self, key_hashes: Sequence[str], *, interval: float,
                          burst: float) -> list[tuple[str, str, float] | None]:
        """`admit` on the event loop, on this process's admission connection (`_LoopConnection`: its own,
        not the pool's, so no thread and no checkout per statement)."""
        import psycopg

        self._refuse_while_down()
        try:
            rows = await self._admission.rows(_admit_params(key_hashes, interval, burst))
        except (psycopg.OperationalError, TimeoutError) as exc:
            raise self._went_down(exc) from None
        return _admit_rows([_typed(row) for row in rows], key_hashes, interval, burst)

    def keys(self, user_id: str | None = None) -> list[KeyRow]:
        sql = "SELECT id, user_id, name, created_at FROM api_keys"
        rows = (self._all(sql + " WHERE user_id = %s ORDER BY created_at", (user_id,)) if user_id
                else self._all(sql + " ORDER BY created_at"))
        return [KeyRow(r[0], r[1], r[2], float(r[3])) for r in rows]

    def revoke_key(self, key_id: str) -> bool:
        return self._count("DELETE FROM api_keys WHERE id = %s", (key_id,)) > 0

    # --- pending confirmations -------------------------------------------------------------------

    _PENDING = "id, user_id, entry, changing, expires_at"
    _UNTAKEN = "(taken_by IS NULL OR taken_by = %(by)s)"  # not taken, or taken by this delivery

    def open_pending(self, row: PendingRow, *, now: float) -> PendingRow:
        with self._conn() as conn, conn.transaction():
            conn.execute("DELETE FROM pending WHERE user_id = %s AND expires_at <= %s", (row.user_id, now))
            found = conn.execute(f"INSERT INTO pending (id, user_id, entry, changing, expires_at) "
                                 f"VALUES (%s, %s, %s, %s, %s) ON CONFLICT (id) DO NOTHING "
                                 f"RETURNING {self._PENDING}".encode(),
                                 (row.id, row.user_id, row.entry, row.changing, row.expires_at)).fetchone()
            if found is None:  # opened before, by an earlier attempt of the same delivery
                found = conn.execute(f"SELECT {self._PENDING} FROM pending WHERE id = %s".encode(),
                                     (row.id,)).fetchone()
        assert found is not None
        return _pending(found)

    def pending(self, pending_id: str, user_id: str, *, now: float,
                by: str | None = None) -> PendingRow | None:
        row = self._one(f"SELECT {self._PENDING} FROM pending WHERE id = %(id)s AND user_id = %(user)s "
                        f"AND expires_at > %(now)s AND {self._UNTAKEN}",
                        {"id": pending_id, "user": user_id, "now": now, "by": by})
        return _pending(row) if row else None

    def take_pending(self, pending_id: str, user_id: str, *, now: float,
                     by: str | None = None) -> PendingRow | None:
        params = {"id": pending_id, "user": user_id, "now": now, "by": by}
        where = f"WHERE id = %(id)s AND user_id = %(user)s AND expires_at > %(now)s AND {self._UNTAKEN}"
        if by is None:
            row = self._one(f"DELETE FROM pending {where} RETURNING {self._PENDING}", params)
        else:
            row = self._one(f"UPDATE pending SET taken_by = %(by)s {where} RETURNING {self._PENDING}", params)
        return _pending(row) if row else None

    def update_pending(self, pending_id: str, entry: str, *, changing: bool, expires_at: float) -> None:
        self._count("UPDATE pending SET entry = %s, changing = %s, expires_at = %s WHERE id = %s "
                    "AND taken_by IS NULL", (entry, changing, expires_at, pending_id))

    def changing_pending(self, user_id: str, *, now: float, by: str | None = None) -> PendingRow | None:
        row = self._one(f"SELECT {self._PENDING} FROM pending WHERE user_id = %(user)s AND changing "
                        f"AND expires_at > %(now)s AND {self._UNTAKEN} ORDER BY expires_at DESC LIMIT 1",
                        {"user": user_id, "now": now, "by": by})
        return _pending(row) if row else None

    # --- deliveries, rate limits -----------------------------------------------------------------

    def first_delivery(self, ids: list[str], *, now: float, keep: float) -> bool:
        # Each id is inserted, or takes over an expired record of the same id; a live record makes the
        # insert do nothing, and the whole delivery is then rolled back. Of two processes handed the
        # same delivery at once, the second waits on the first's row and then finds it. Sorted ids:
        # two deliveries sharing ids lock them in the same order, so they never deadlock.
        with self._conn() as conn:
            try:
                with conn.transaction():
                    for delivery in sorted(set(ids)):
                        cur = conn.execute(
                            "INSERT INTO deliveries AS d (id, expires_at) VALUES (%s, %s) "
                            "ON CONFLICT (id) DO UPDATE SET expires_at = excluded.expires_at "
                            "WHERE d.expires_at <= %s", (delivery, now + keep, now))
                        if cur.rowcount == 0:
                            raise _SeenBefore
            except _SeenBefore:
                return False
        return True

    def delivery_notes(self, delivery_id: str) -> dict[str, str]:
        import json

        row = self._one("SELECT notes FROM deliveries WHERE id = %s", (delivery_id,))
        return {str(k): str(v) for k, v in json.loads(row[0]).items()} if row and row[0] else {}

    def note_delivery(self, delivery_id: str, name: str, value: str) -> str:
        # one statement: the row is locked while it is changed, so of two attempts the first's note stays
        row = self._one("UPDATE deliveries SET notes = (jsonb_build_object(%(name)s::text, %(value)s::text) "
                        "|| coalesce(notes::jsonb, '{}'::jsonb))::text WHERE id = %(id)s "
                        "RETURNING notes::jsonb ->> %(name)s",
                        {"id": delivery_id, "name": name, "value": value})
        return str(row[0]) if row else value

    def take_token(self, key: str, *, interval: float, burst: float, now: float | None = None) -> float:
        # GCRA in one statement: the next request's theoretical arrival time moves on by `interval`
        # when it stays within `burst` intervals of now; otherwise the row is left as it was and no
        # row comes back. The clock is the caller's, or the database's (one clock for every host).
        clock = "coalesce(%(now)s::float8, extract(epoch from statement_timestamp())::float8)"
        params = {"key": key, "now": now, "interval": interval, "span": burst * interval + 1e-9}
        with self._conn() as conn:
            row = conn.execute(
                f"INSERT INTO rate_buckets AS b (key, tat) VALUES (%(key)s, {clock} + %(interval)s) "
                f"ON CONFLICT (key) DO UPDATE SET tat = greatest(b.tat, {clock}) + %(interval)s "
                f"WHERE greatest(b.tat, {clock}) + %(interval)s - {clock} <= %(span)s RETURNING tat".encode(),
                params,
            ).fetchone()
            if row is not None:
                return 0.0
            late = conn.execute(f"SELECT tat - {clock} FROM rate_buckets WHERE key = %(key)s".encode(),
                                params).fetchone()
        return max(1e-3, float(late[0]) + interval - burst * interval) if late else interval

    # --- provider credentials: encrypted with the vault ------------------------------------------

    def put_credentials(self, user_id: str, provider: str, values: Mapping[str, str], *, now: float) -> None:
        with self._conn() as conn, conn.transaction():
            for name, value in values.items():
                conn.execute(
                    "INSERT INTO credentials (user_id, provider, name, secret, updated_at) "
                    "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (user_id, provider, name) DO UPDATE "
                    "SET secret = excluded.secret, updated_at = excluded.updated_at",
                    (user_id, provider, name, self.vault.encrypt(value), now),
                )
            conn.execute(_BUMP, (user_id, now))

    def credentials(self, user_id: str) -> dict[str, dict[str, str]]:
        found: dict[str, dict[str, str]] = {}
        for provider, name, secret in self._all(
            "SELECT provider, name, secret FROM credentials WHERE user_id = %s ORDER BY provider, name",
            (user_id,),
        ):
            found.setdefault(provider, {})[name] = self.vault.decrypt(secret)
        return found

    def import_state(self, rows: Mapping[str, Sequence[Sequence[object]]],
                     credentials: Mapping[str, Mapping[str, Mapping[str, str]]], *, now: float,
                     settings: Mapping[str, Mapping[str, Any]] | None = None) -> None:
        """Fill an empty database with another back end's `STATE_TABLES` rows, users' credentials and
        plain settings (user id -> `user_settings`), in one transaction; `StoreError` when it has users
        already (nothing is merged)."""
        from psycopg.types.json import Jsonb

        from nlentry.booking.store import StoreError

        with self._conn() as conn, conn.transaction():
            conn.execute("LOCK TABLE users IN EXCLUSIVE MODE")  # no user added meanwhile
            if conn.execute("SELECT EXISTS (SELECT 1 FROM users)").fetchone() == (True,):
                raise StoreError(f"the database {_where(self.url)} has users already: nothing was moved")
            for table, columns in STATE_TABLES.items():
                found = [tuple(bool(v) if c == "changing" else v for c, v in zip(columns, row, strict=True))
                         for row in rows.get(table, ())]
                if found:
                    with conn.cursor() as cur:
                        cur.executemany(
                            f"INSERT INTO {table} ({', '.join(columns)}) "
                            f"VALUES ({', '.join(['%s'] * len(columns))})".encode(), found)
            for user_id, providers in credentials.items():
                for provider, values in providers.items():
                    for name, value in values.items():
                        conn.execute("INSERT INTO credentials (user_id, provider, name, secret, updated_at) "
                                     "VALUES (%s, %s, %s, %s, %s)",
                                     (user_id, provider, name, self.vault.encrypt(value), now))
            for user_id, values in (settings or {}).items():
                conn.execute("INSERT INTO user_settings (user_id, settings, updated_at) VALUES (%s, %s, %s)",
                             (user_id, Jsonb(plain_settings(values)), now))

    def rotate_credentials(self) -> int:
        """Encrypt every stored credential again with the first key; returns how many."""
        with self._conn() as conn, conn.transaction():
            rows = conn.execute(
                "SELECT user_id, provider, name, secret FROM credentials FOR UPDATE"
            ).fetchall()
            for user_id, provider, name, secret in rows:
                conn.execute("UPDATE credentials SET secret = %s WHERE user_id = %s AND provider = %s "
                             "AND name = %s", (self.vault.rotate(secret), user_id, provider, name))
        return len(rows)

    # --- plain settings: one JSON object per user -------------------------------------------------

    def user_settings(self, user_id: str) -> dict[str, Any]:
        row = self._one("SELECT settings FROM user_settings WHERE user_id = %s", (user_id,))
        return dict(row[0]) if row else {}

    def update_user_settings(self, user_id: str, changes: Mapping[str, Any], *, now: float) -> None:
        from psycopg.types.json import Jsonb

        # the row is made first (or found), then locked: two updates of one user take turns
        with self._conn() as conn, conn.transaction():
            conn.execute("INSERT INTO user_settings (user_id, updated_at) VALUES (%s, %s) "
                         "ON CONFLICT (user_id) DO NOTHING", (user_id, now))
            row = conn.execute("SELECT settings FROM user_settings WHERE user_id = %s FOR UPDATE",
                               (user_id,)).fetchone()
            merged = merge_settings(row[0] if row else {}, plain_settings(changes))
            conn.execute("UPDATE user_settings SET settings = %s, updated_at = %s, version = version + 1 "
                         "WHERE user_id = %s", (Jsonb(merged), now, user_id))

    def settings_versions(self, user_ids: Sequence[str] | None = None) -> dict[str, int]:
        rows = (self._all("SELECT u.id, coalesce(s.version, 0) FROM users u LEFT JOIN user_settings s "
                          "ON s.user_id = u.id") if user_ids is None else
                self._all("SELECT u.id, coalesce(s.version, 0) FROM users u LEFT JOIN user_settings s "
                          "ON s.user_id = u.id WHERE u.id = ANY(%s)", (list(user_ids),)))
        return {str(r[0]): int(r[1]) for r in rows}

    # --- plumbing --------------------------------------------------------------------------------

    def prune(self, *, now: float) -> None:
        with self._conn() as conn:
            for table in ("deliveries", "link_codes", "pending"):
                conn.execute(f"DELETE FROM {table} WHERE expires_at <= %s".encode(), (now,))
            conn.execute("DELETE FROM rate_buckets WHERE tat <= extract(epoch from statement_timestamp())")

    def ping(self) -> None:
        """`StorageUnavailable` when the database cannot be reached; `SchemaError` when its schema is not
        the one this process knows (after `nlentry db upgrade` the old processes are no longer ready)."""
        with self._conn(probe=True) as conn:
            version = applied_version(conn)
        _check(version)

    def booking(self, user_id: str) -> PostgresBooking:
        """One user's booking state (journal and outbox, timer, catalog caches, aliases, the `local`
        provider's entries) on this storage's pool: `Journal.open(env, storage=storage.booking(id))`."""
        from nlentry.booking.postgres import PostgresBooking

        return PostgresBooking(self.pool, user_id)

    def due_users(self, *, now: float) -> list[str]:
        from nlentry.booking.postgres import due_users

        return due_users(self.pool, now=now)

    def close(self) -> None:
        self._admission.close()
        self.pool.close()

    def __repr__(self) -> str:
        return f"PostgresStorage({_where(self.url)!r})"


#: a user's settings changed (its credentials): other processes reopen its journal (`settings_versions`)
_BUMP = ("INSERT INTO user_settings AS s (user_id, updated_at, version) VALUES (%s, %s, 1) "
         "ON CONFLICT (user_id) DO UPDATE SET version = s.version + 1")


class _SeenBefore(Exception):
    """A delivery id was recorded already (internal: rolls the delivery's transaction back)."""


def _admit_params(key_hashes: Sequence[str], interval: float, burst: float) -> list[str]:
    """The parameters of `PostgresStorage._ADMIT`, as text: each distinct key hash once, its count."""
    counts = Counter(key_hashes)
    return [",".join(counts), ",".join(map(str, counts.values())), repr(interval),
            repr(burst * interval + 1e-9)]


def _typed(row: Sequence[bytes | None]) -> tuple[str, str, int, float]:
    """A row of `PostgresStorage._ADMIT` as text (`_LoopConnection.rows`), typed (it has no NULL)."""
    stored, user, taken, ahead = (value or b"" for value in row)
    return stored.decode(), user.decode(), int(taken), float(ahead)


def _admit_rows(rows: Sequence[tuple[str, str, int, float]], key_hashes: Sequence[str], interval: float,
                burst: float) -> list[tuple[str, str, float] | None]:
    """`admit`'s answers, by request, from the rows of `PostgresStorage._ADMIT` (one per known key): the
    first `taken` requests of an owner go ahead, the others wait until its next token is free; None for
    an unknown key."""
    found = {row[0]: row for row in rows}
    answers: list[tuple[str, str, float] | None] = []
    seen: dict[str, int] = {}
    for key_hash in key_hashes:
        row = found.get(key_hash)
        if row is None:
            answers.append(None)
            continue
        stored, user, taken, ahead = row
        j = seen[user] = seen.get(user, 0) + 1
        answers.append((stored, user, 0.0 if j <= taken else max(1e-3, ahead + interval - burst * interval)))
    return answers


class _LoopConnection:
    """A connection of one process to the database, on the event loop that serves the requests: what
    the JSON API's one statement per batch of requests goes through (`PostgresStorage.admit_async`).

    Opened on first use (psycopg's `AsyncConnection`) and kept, with the statement prepared on it once.
    A batch then goes straight to its libpq connection (`pgconn`): the parameters sent as text, the
    answer awaited with the event loop's reader on the socket, the rows read as text. psycopg's cursor
    (adapting, preparing, loading, its waiting generators) costs the process more than the round trip
    itself at the rate the JSON API asks, and one known statement needs none of it. One statement at a
    time. Lost (the database went away: `psycopg.OperationalError`), without an answer within `timeout`
    seconds (`TimeoutError`: a database that hangs) or failed otherwise, the connection is dropped, and
    the next statement opens a new one. A connection belongs to the event loop it was opened on; a
    statement on another loop (an app started again) opens one there.
    """

    _NAME = b"nlentry_admit"

    def __init__(self, url: str, statement: bytes, *, timeout: float) -> None:
        self.url = url
        self.statement = statement
        self.timeout = timeout
        self._conn: psycopg.AsyncConnection[Any] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._lock: asyncio.Lock | None = None

    async def rows(self, params: Sequence[str]) -> list[list[bytes | None]]:
        """The rows of the statement with these parameters (`$1`, `$2`, ...), each value as text."""
        import psycopg

        loop = asyncio.get_running_loop()
        if self._loop is not loop:
            self.close()
            self._loop, self._lock = loop, asyncio.Lock()
        assert self._lock is not None
        async with self._lock:
            if self._conn is None:
                self._conn = await self._connect(loop)
            pgconn = self._conn.pgconn
            try:
                pgconn.send_query_prepared(self._NAME, [p.encode() for p in params])
                result = await self._result(loop, pgconn, psycopg.pq.ExecStatus.TUPLES_OK)
            except BaseException:
                self.close()
                raise
        return [[result.get_value(i, j) for j in range(result.nfields)] for i in range(result.ntuples)]

    async def _connect(self, loop: asyncio.AbstractEventLoop) -> psycopg.AsyncConnection[Any]:
        import psycopg

        conn = await psycopg.AsyncConnection.connect(self.url, autocommit=True,
                                                     connect_timeout=max(1, int(self.timeout)))
        try:
            conn.pgconn.send_prepare(self._NAME, self.statement)
            await self._result(loop, conn.pgconn, psycopg.pq.ExecStatus.COMMAND_OK)
        except BaseException:
            conn.pgconn.finish()
            raise
        return conn

    async def _result(self, loop: asyncio.AbstractEventLoop, pgconn: psycopg.pq.abc.PGconn,
                      expected: psycopg.pq.ExecStatus) -> psycopg.pq.abc.PGresult:
        """The result of what was just sent on `pgconn` (non-blocking): the rest of it written when the
        socket takes it, the answer read as it comes, both by the loop's callbacks on the socket; an
        error result raised as psycopg's error, and `TimeoutError` after `timeout` seconds without one."""
        import psycopg

        answer: asyncio.Future[psycopg.pq.abc.PGresult] = loop.create_future()
        results: list[psycopg.pq.abc.PGresult] = []

        def fail(exc: BaseException) -> None:
            if not answer.done():
                answer.set_exception(exc)

        def writable() -> None:
            try:
                if not pgconn.flush():
                    loop.remove_writer(fd)
            except psycopg.Error as exc:
                fail(exc)

        def readable() -> None:
            try:
                pgconn.consume_input()
                while not answer.done() and not pgconn.is_busy():
                    result = pgconn.get_result()
                    if result is None:
                        answer.set_result(results[0])
                    else:
                        results.append(result)
            except (psycopg.Error, IndexError) as exc:
                fail(psycopg.OperationalError(f"the database's answer was cut off: {exc}"))

        fd = pgconn.socket
        timer = loop.call_later(self.timeout, fail,
                                TimeoutError(f"no answer from the database in {self.timeout:g} s"))
        if pgconn.flush():
            loop.add_writer(fd, writable)
        loop.add_reader(fd, readable)
        try:
            result = await answer
        finally:
            timer.cancel()
            loop.remove_reader(fd)
            loop.remove_writer(fd)
        if result.status != expected:
            raise psycopg.errors.error_from_result(result)
        return result

    def close(self) -> None:
        """Close the connection (at once, without the event loop: it may be gone)."""
        if self._conn is not None:
            self._conn.pgconn.finish()
            self._conn = None


def _pending(row: tuple[Any, ...]) -> PendingRow:
    return PendingRow(str(row[0]), str(row[1]), str(row[2]), bool(row[3]), float(row[4]))
