"""The server's own SQLite database (`<home>/server.db`, 0600): who may use the server, and as whom.

`SQLiteStorage` is the embedded implementation of `nlentry.server.storage.ServerStorage` (the other is
PostgreSQL, `nlentry.server.pg`); `ServerDB` is the file with its schema.

Tables: `users` (one nlentry user each, with a folder of its own), `api_keys` (hashed, never the key),
`chat_links` (a Slack or Telegram identity -> a user), `link_codes` (one-time, hashed, expiring),
`pending` (entries awaiting Confirm / Change / Cancel, expiring), `deliveries` (the Slack and
Telegram deliveries already handled, so a replayed or retried one does nothing twice) and
`rate_buckets` (a shared rate limit; the server itself counts in memory on SQLite). Every worker
process of the server opens the same file, so a Confirm click may reach another process than the
message did; WAL mode lets them read while one writes. The users' entries are not here: they live
in each user's own database, under the user's folder, like any nlentry user's.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from nlentry.booking.store import Store, StoreError
from nlentry.server.storage import (
    STATE_TABLES,
    KeyRow,
    PendingRow,
    StorageUnavailable,
    UserRow,
    merge_settings,
    plain_settings,
)

__all__ = ["SQLiteStorage", "ServerDB"]

SCHEMA_VERSION = 4

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    id          TEXT PRIMARY KEY,           -- also the folder name under users/
    locale      TEXT,                       -- the language of replies when a message does not say
    created_at  REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS api_keys (
    id          TEXT PRIMARY KEY,           -- the key's public prefix, shown by `apikey ls`
    hash        TEXT NOT NULL UNIQUE,       -- sha256 of the whole key (hex)
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name        TEXT NOT NULL DEFAULT '',
    created_at  REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS chat_links (
    identity    TEXT PRIMARY KEY,           -- slack:<team>:<user> or telegram:<user id>
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS link_codes (
    hash        TEXT PRIMARY KEY,           -- sha256 of the code as shown (without the dash)
    identity    TEXT NOT NULL UNIQUE,       -- the chat identity the code links (one code at a time)
    expires_at  REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS pending (
    id          TEXT PRIMARY KEY,           -- random, carried by the buttons
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    entry       TEXT NOT NULL,              -- nlentry.booking.store.entry_to_json
    changing    INTEGER NOT NULL DEFAULT 0, -- 1: the user pressed Change; the next message amends it
    expires_at  REAL NOT NULL,
    taken_by    TEXT                        -- the chat delivery that took it (confirmed, cancelled)
);
CREATE INDEX IF NOT EXISTS pending_user ON pending (user_id, expires_at);
CREATE TABLE IF NOT EXISTS deliveries (
    id          TEXT PRIMARY KEY,           -- slack-sig:<sig>, slack-trigger:<id>, telegram:<update_id>
    expires_at  REAL NOT NULL,              -- kept as long as a replay or retry could come
    notes       TEXT                        -- JSON object: what its handling noted (its undo, its reply)
);
CREATE TABLE IF NOT EXISTS rate_buckets (
    key         TEXT PRIMARY KEY,           -- a user id (or link:<chat identity>)
    tat         REAL NOT NULL               -- GCRA: the theoretical arrival time of the next request
);
"""


#: (table, column) added since version 3
_ADDED = (("pending", "taken_by"), ("deliveries", "notes"))


class ServerDB(Store):
    """server.db: a `Store` (same connection handling, 0600 file, WAL, locking) with the server's schema.

    Parameters:
        path: the database file (created 0600, its folder 0700); `":memory:"` for tests.
    """

    def _migrate(self) -> None:
        self._db.execute("PRAGMA foreign_keys=ON")  # per connection: ON DELETE CASCADE needs it
        # WAL + NORMAL survives a crash of the process; a power cut may lose the last pending
        # confirmation, never an entry (entries are in the users' own databases, synchronous=FULL)
        self._db.execute("PRAGMA synchronous=NORMAL")
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(f"the database {self.path} is from a newer nlentry (server schema {version})")
        if version < SCHEMA_VERSION:
            with self._lock:
                self._db.executescript(SCHEMA)
                for table, column in _ADDED:  # columns newer than a table made by an older nlentry
                    if column not in {r[1] for r in self._db.execute(f"PRAGMA table_info({table})")}:
                        self._db.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT")
                self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")




class SQLiteStorage:
    """The server's state in server.db; see `nlentry.server.storage.ServerStorage` for each method.

    Parameters:
        path: the database file (created 0600); `":memory:"` for tests.
        users_dir: where the users' folders are: their settings and credentials stay in their own
            config.toml.
    """

    kind = "sqlite"
    shared = False

    def __init__(self, path: str | Path, *, users_dir: Path) -> None:
        self.db = ServerDB(path)
        self.users_dir = users_dir

    # --- users -----------------------------------------------------------------------------------

    def add_user(self, user_id: str, *, locale: str | None, now: float) -> bool:
        try:
            with self.db.transaction() as db:
                db.execute("INSERT INTO users (id, locale, created_at) VALUES (?, ?, ?)",
                           (user_id, locale, now))
        except sqlite3.IntegrityError:
            return False
        return True

    def user(self, user_id: str) -> UserRow | None:
        rows = self.db.query("SELECT id, locale FROM users WHERE id = ?", (user_id,))
        if not rows:
            return None
        links = self.db.query("SELECT identity FROM chat_links WHERE user_id = ? ORDER BY identity",
                              (user_id,))
        return UserRow(rows[0]["id"], rows[0]["locale"], tuple(r["identity"] for r in links))

    def users(self) -> list[UserRow]:
        return [u for r in self.db.query("SELECT id FROM users ORDER BY id") if (u := self.user(r["id"]))]

    def remove_user(self, user_id: str) -> bool:
        with self.db.transaction() as db:
            return db.execute("DELETE FROM users WHERE id = ?", (user_id,)).rowcount > 0

    def set_locale(self, user_id: str, locale: str | None) -> None:
        with self.db.transaction() as db:
            db.execute("UPDATE users SET locale = ? WHERE id = ?", (locale, user_id))

    # --- chat links and link codes ---------------------------------------------------------------

    def user_of_identity(self, identity: str) -> str | None:
        rows = self.db.query("SELECT user_id FROM chat_links WHERE identity = ?", (identity,))
        return str(rows[0]["user_id"]) if rows else None

    def link(self, identity: str, user_id: str, *, now: float) -> None:
        with self.db.transaction() as db:
            db.execute(
                "INSERT INTO chat_links (identity, user_id, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT (identity) DO UPDATE SET user_id = excluded.user_id",
                (identity, user_id, now),
            )
            db.execute("DELETE FROM link_codes WHERE identity = ?", (identity,))

    def unlink(self, identity: str) -> bool:
        with self.db.transaction() as db:
            return db.execute("DELETE FROM chat_links WHERE identity = ?", (identity,)).rowcount > 0

    def put_link_code(self, code_hash: str, identity: str, *, expires_at: float, now: float) -> None:
        with self.db.transaction() as db:
            db.execute("DELETE FROM link_codes WHERE expires_at <= ?", (now,))
            db.execute(
                "INSERT INTO link_codes (hash, identity, expires_at) VALUES (?, ?, ?) "
                "ON CONFLICT (identity) DO UPDATE SET hash = excluded.hash, expires_at = excluded.expires_at",
                (code_hash, identity, expires_at),
            )

    def take_link_code(self, code_hash: str) -> tuple[str, float] | None:
        with self.db.transaction() as db:
            row = db.execute("SELECT identity, expires_at FROM link_codes WHERE hash = ?",
                             (code_hash,)).fetchone()
            if row is not None:
                db.execute("DELETE FROM link_codes WHERE hash = ?", (code_hash,))
        return None if row is None else (str(row["identity"]), float(row["expires_at"]))

    # --- API keys --------------------------------------------------------------------------------

    def add_key(self, key_id: str, key_hash: str, user_id: str, *, name: str, now: float) -> None:
        with self.db.transaction() as db:
            db.execute(
                "INSERT INTO api_keys (id, hash, user_id, name, created_at) VALUES (?, ?, ?, ?, ?)",
                (key_id, key_hash, user_id, name, now),
            )

    def key_owner(self, key_hash: str) -> tuple[str, str] | None:
        rows = self.db.query("SELECT hash, user_id FROM api_keys WHERE hash = ?", (key_hash,))
        return (str(rows[0]["hash"]), str(rows[0]["user_id"])) if rows else None

    def admit(self, key_hashes: Sequence[str], *, interval: float,
              burst: float) -> list[tuple[str, str, float] | None]:
        found = [self.key_owner(h) for h in key_hashes]
        return [None if f is None else (*f, self.take_token(f[1], interval=interval, burst=burst))
                for f in found]

    async def admit_async(self, key_hashes: Sequence[str], *, interval: float,
                          burst: float) -> list[tuple[str, str, float] | None]:
        return self.admit(key_hashes, interval=interval, burst=burst)

    def keys(self, user_id: str | None = None) -> list[KeyRow]:
        sql = "SELECT id, user_id, name, created_at FROM api_keys"
        rows = (self.db.query(sql + " WHERE user_id = ? ORDER BY created_at", (user_id,)) if user_id
                else self.db.query(sql + " ORDER BY created_at"))
        return [KeyRow(r["id"], r["user_id"], r["name"], r["created_at"]) for r in rows]

    def revoke_key(self, key_id: str) -> bool:
        with self.db.transaction() as db:
            return db.execute("DELETE FROM api_keys WHERE id = ?", (key_id,)).rowcount > 0

    # --- pending confirmations -------------------------------------------------------------------

    def open_pending(self, row: PendingRow, *, now: float) -> PendingRow:
        with self.db.transaction() as db:
            db.execute("DELETE FROM pending WHERE expires_at <= ?", (now,))
            db.execute(
                "INSERT INTO pending (id, user_id, entry, changing, expires_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (id) DO NOTHING",
                (row.id, row.user_id, row.entry, int(row.changing), row.expires_at),
            )
            return _pending(db.execute("SELECT * FROM pending WHERE id = ?", (row.id,)).fetchone())

    def pending(self, pending_id: str, user_id: str, *, now: float,
                by: str | None = None) -> PendingRow | None:
        rows = self.db.query(
            "SELECT * FROM pending WHERE id = ? AND user_id = ? AND expires_at > ? "
            "AND (taken_by IS NULL OR taken_by = ?)", (pending_id, user_id, now, by),
        )
        return _pending(rows[0]) if rows else None

    def take_pending(self, pending_id: str, user_id: str, *, now: float,
                     by: str | None = None) -> PendingRow | None:
        with self.db.transaction() as db:
            row = db.execute(
                "SELECT * FROM pending WHERE id = ? AND user_id = ? AND expires_at > ? "
                "AND (taken_by IS NULL OR taken_by = ?)", (pending_id, user_id, now, by),
            ).fetchone()
            if row is not None and by is None:
                db.execute("DELETE FROM pending WHERE id = ?", (pending_id,))
            elif row is not None:
                db.execute("UPDATE pending SET taken_by = ? WHERE id = ?", (by, pending_id))
        return None if row is None else _pending(row)

    def update_pending(self, pending_id: str, entry: str, *, changing: bool, expires_at: float) -> None:
        with self.db.transaction() as db:
            db.execute(
                "UPDATE pending SET entry = ?, changing = ?, expires_at = ? "
                "WHERE id = ? AND taken_by IS NULL", (entry, int(changing), expires_at, pending_id),
            )

    def changing_pending(self, user_id: str, *, now: float, by: str | None = None) -> PendingRow | None:
        rows = self.db.query(
            "SELECT * FROM pending WHERE user_id = ? AND changing = 1 AND expires_at > ? "
            "AND (taken_by IS NULL OR taken_by = ?) ORDER BY expires_at DESC LIMIT 1",
            (user_id, now, by),
        )
        return _pending(rows[0]) if rows else None

    # --- deliveries, rate limits -----------------------------------------------------------------

    def first_delivery(self, ids: list[str], *, now: float, keep: float) -> bool:
        # expired records are dropped on the way, so the table holds at most `keep` seconds of deliveries
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM deliveries WHERE expires_at <= ?", (now,))
            placeholders = ", ".join("?" * len(ids))
            if conn.execute(f"SELECT 1 FROM deliveries WHERE id IN ({placeholders})", ids).fetchone():
                return False
            conn.executemany("INSERT INTO deliveries (id, expires_at) VALUES (?, ?)",
                             [(i, now + keep) for i in ids])
        return True

    def delivery_notes(self, delivery_id: str) -> dict[str, str]:
        rows = self.db.query("SELECT notes FROM deliveries WHERE id = ?", (delivery_id,))
        return dict(json.loads(rows[0]["notes"])) if rows and rows[0]["notes"] else {}

    def note_delivery(self, delivery_id: str, name: str, value: str) -> str:
        with self.db.transaction() as db:
            row = db.execute("SELECT notes FROM deliveries WHERE id = ?", (delivery_id,)).fetchone()
            notes = json.loads(row["notes"]) if row is not None and row["notes"] else {}
            if name not in notes:
                notes[name] = value
                db.execute("UPDATE deliveries SET notes = ? WHERE id = ?", (json.dumps(notes), delivery_id))
        return str(notes[name])

    def take_token(self, key: str, *, interval: float, burst: float, now: float | None = None) -> float:
        now = time.time() if now is None else now
        with self.db.transaction() as db:
            row = db.execute("SELECT tat FROM rate_buckets WHERE key = ?", (key,)).fetchone()
            tat = max(float(row["tat"]) if row else now, now) + interval
            if tat - now > burst * interval + 1e-9:
                return tat - now - burst * interval
            db.execute(
                "INSERT INTO rate_buckets (key, tat) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET tat = excluded.tat",
                (key, tat),
            )
        return 0.0

    # --- provider credentials: in the user's own config.toml (0600), as for any nlentry user ----------

    def _user_env(self, user_id: str) -> dict[str, str]:
        return {"NLENTRY_HOME": str(self.users_dir / user_id), "NLENTRY_KEYRING": "0"}

    def put_credentials(self, user_id: str, provider: str, values: Mapping[str, str], *, now: float) -> None:
        from nlentry import config

        config.set_provider_settings(provider, values, self._user_env(user_id))

    def credentials(self, user_id: str) -> dict[str, dict[str, str]]:
        from nlentry import config

        cfg = config.load(self._user_env(user_id))
        found = {
            name: {k: str(v) for k, v in cfg.provider(name).items() if config.is_secret_key(k) and v}
            for name in cfg.providers
        }
        return {name: values for name, values in found.items() if values}

    # --- plain settings: the user's own config.toml, as for any nlentry user -----------------------

    def user_settings(self, user_id: str) -> dict[str, Any]:
        from nlentry import config

        return plain_settings(config.load(self._user_env(user_id)).data)

    def update_user_settings(self, user_id: str, changes: Mapping[str, Any], *, now: float) -> None:
        from nlentry import config

        env = self._user_env(user_id)
        cfg = config.load(env)
        cfg.data = merge_settings(cfg.data, plain_settings(changes))
        config.ensure_dir(self.users_dir / user_id)
        config.save(cfg, env)

    def settings_versions(self, user_ids: Sequence[str] | None = None) -> dict[str, int]:
        from nlentry.config import CONFIG_FILE

        if user_ids is None:
            user_ids = [str(r["id"]) for r in self.db.query("SELECT id FROM users")]
        versions = {}
        for user_id in user_ids:  # config.toml is replaced whole on every change: its inode and time
            try:
                found = (self.users_dir / user_id / CONFIG_FILE).stat()
                versions[user_id] = hash((found.st_ino, found.st_mtime_ns, found.st_size))
            except OSError:
                versions[user_id] = 0
        return versions

    def booking(self, user_id: str) -> None:
        return None  # the journal opens the user's own nlentry.db, under its folder

    def due_users(self, *, now: float) -> None:
        return None  # each user's outbox is in its own nlentry.db: the worker opens every one

    # --- plumbing --------------------------------------------------------------------------------

    def prune(self, *, now: float) -> None:
        with self.db.transaction() as db:
            for table in ("deliveries", "link_codes", "pending"):
                db.execute(f"DELETE FROM {table} WHERE expires_at <= ?", (now,))
            db.execute("DELETE FROM rate_buckets WHERE tat <= ?", (now,))

    def export(self, *, now: float) -> dict[str, list[tuple[object, ...]]]:
        """Every row of the `STATE_TABLES` (what has expired left out), for another back end."""
        found = {}
        for table, columns in STATE_TABLES.items():
            where = " WHERE expires_at > ?" if "expires_at" in columns else ""
            rows = self.db.query(f"SELECT {', '.join(columns)} FROM {table}{where}", (now,) if where else ())
            found[table] = [tuple(r) for r in rows]
        return found

    def ping(self) -> None:
        try:
            self.db.query("SELECT 1")
        except sqlite3.Error as exc:
            raise StorageUnavailable(f"server.db cannot be read: {type(exc).__name__}") from None

    def close(self) -> None:
        self.db.close()


def _pending(row: sqlite3.Row | Mapping[str, object]) -> PendingRow:
    return PendingRow(
        str(row["id"]), str(row["user_id"]), str(row["entry"]), bool(row["changing"]),
        float(row["expires_at"]),  # type: ignore[arg-type]
    )
