"""The server's own SQLite database (`<home>/server.db`, 0600): who may use the server, and as whom.

Tables: `users` (one nlentry user each, with a folder of its own), `api_keys` (hashed, never the key),
`chat_links` (a Slack or Telegram identity -> a user), `link_codes` (one-time, hashed, expiring),
`pending` (entries awaiting Confirm / Change / Cancel, expiring) and `deliveries` (the Slack and
Telegram deliveries already handled, so a replayed or retried one does nothing twice). Every worker
process of the server opens the same file, so a Confirm click may reach another process than the
message did; WAL mode lets them read while one writes. The users' entries are not here: they live
in each user's own database, under the user's folder, like any nlentry user's.
"""

from __future__ import annotations

from nlentry.store import Store, StoreError

__all__ = ["ServerDB", "first_delivery"]

SCHEMA_VERSION = 2

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
    entry       TEXT NOT NULL,              -- nlentry.store.entry_to_json
    changing    INTEGER NOT NULL DEFAULT 0, -- 1: the user pressed Change; the next message amends it
    expires_at  REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS pending_user ON pending (user_id, expires_at);
CREATE TABLE IF NOT EXISTS deliveries (
    id          TEXT PRIMARY KEY,           -- slack-sig:<sig>, slack-trigger:<id>, telegram:<update_id>
    expires_at  REAL NOT NULL               -- kept as long as a replay or retry could come
);
"""


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
                self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def first_delivery(db: ServerDB, ids: list[str], *, now: float, keep: float) -> bool:
    """Record a chat delivery under each of `ids`; False when any was seen before (a replay or retry).

    Expired records are dropped on the way, so the table holds at most `keep` seconds of deliveries.
    """
    with db.transaction() as conn:
        conn.execute("DELETE FROM deliveries WHERE expires_at <= ?", (now,))
        placeholders = ", ".join("?" * len(ids))
        if conn.execute(f"SELECT 1 FROM deliveries WHERE id IN ({placeholders})", ids).fetchone():
            return False
        conn.executemany("INSERT INTO deliveries (id, expires_at) VALUES (?, ?)",
                         [(i, now + keep) for i in ids])
    return True
