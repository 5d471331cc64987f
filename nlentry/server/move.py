"""Move a SQLite server's own state into PostgreSQL: `nlentry db migrate-from-sqlite [HOME]`.

Usage::

    from nlentry.server.move import move_server_state

    report = move_server_state(Path("/srv/nlentry"), target)   # target: an upgraded, empty PostgresStorage

What moves: everything of `<HOME>/server.db` (users, API key hashes, chat links, and the link codes,
pending confirmations and handled deliveries that have not expired), and each user's settings from
`<HOME>/users/<id>/config.toml` (the plain ones, and the provider credentials, stored encrypted), in
one transaction; then each user's journal from `<HOME>/users/<id>/nlentry.db`
(`nlentry.booking.postgres.copy_from_sqlite`: every outbox item in its state, pending ones included,
the running timer, the catalog caches, the aliases, the `local` provider's catalog and entries), one
transaction per user. When a journal cannot be copied, the users moved are removed again (with all
that came with them): it moves whole or not at all. The credentials are then taken out of the users'
config.toml (it keeps the other settings, which the server no longer reads). server.db and the
journals are read, never changed (an older journal file is brought up to date first). Rate-limit
buckets do not move (they only count the last minutes). A database that has users already is
refused: nothing is merged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from nlentry.errors import NlentryError
from nlentry.server.db import SQLiteStorage
from nlentry.server.pg import PostgresStorage

__all__ = ["Moved", "move_server_state"]


@dataclass(frozen=True)
class Moved:
    """What was moved: rows per table, the number of credentials, of users' settings (non-empty), and
    the rows of the users' journals per table (outbox, timer, catalog_cache, ...; all users)."""

    rows: dict[str, int]
    credentials: int
    settings: int = 0
    journals: dict[str, int] = field(default_factory=dict)


def move_server_state(home: Path, target: PostgresStorage, *, now: float) -> Moved:
    """Copy `<home>/server.db` and the users' credentials into `target`; see the module docstring."""
    from nlentry import config

    if not (home / "server.db").is_file():
        raise NlentryError(f"no server.db in {home}: nothing to move")
    source = SQLiteStorage(home / "server.db", users_dir=home / "users")
    try:
        rows = source.export(now=now)
        credentials = {str(user[0]): source.credentials(str(user[0])) for user in rows["users"]}
        settings = {str(user[0]): source.user_settings(str(user[0])) for user in rows["users"]}
    finally:
        source.close()
    target.import_state(rows, credentials, now=now, settings=settings)
    try:
        journals = _move_journals(home, target, list(settings))
    except BaseException:
        for user_id in settings:  # every row that came with them goes too
            target.remove_user(user_id)
        raise
    for user_id, kept in credentials.items():  # now that they are in the database, out of the folder
        env = {config.ENV_HOME: str(home / "users" / user_id), "NLENTRY_KEYRING": "0"}
        cfg = config.load(env)
        providers = dict(cfg.data.get("providers") or {})
        for provider, values in kept.items():
            table = dict(providers.get(provider) or {})
            providers[provider] = {k: v for k, v in table.items() if k not in values}
        cfg.data["providers"] = providers
        config.save(cfg, env)
    count = sum(len(values) for kept in credentials.values() for values in kept.values())
    return Moved({table: len(found) for table, found in rows.items()}, count,
                 sum(1 for values in settings.values() if values), journals)


def _move_journals(home: Path, target: PostgresStorage, user_ids: list[str]) -> dict[str, int]:
    """Copy each user's `nlentry.db` (those that have one) into the database; rows per table, summed."""
    from nlentry.booking.postgres import copy_from_sqlite
    from nlentry.booking.store import DB_FILE, Store

    copied: dict[str, int] = {}
    for user_id in user_ids:
        path = home / "users" / user_id / DB_FILE
        if not path.is_file():
            continue
        with Store(path) as journal:
            for table, n in copy_from_sqlite(journal, target.booking(user_id)).items():
                copied[table] = copied.get(table, 0) + n
    return copied
