"""`nlentry db`: the server's database. `upgrade` applies the schema migrations, `status` shows them,
`keygen` makes a key for the credentials, `rotate-key` encrypts them again with the first key,
`migrate-from-sqlite [HOME]` moves a SQLite server's state into PostgreSQL (`nlentry.server.move`).

The database is the one the server's settings name (`[server] database_url` or `NLENTRY_DATABASE_URL`:
PostgreSQL; without it `<home>/server.db`, which upgrades itself when opened). A server process refuses
to start on a PostgreSQL schema older or newer than it knows, so `nlentry db upgrade` runs before the
new version's processes start (it is safe to run twice, or from two places at once). Exit statuses:
0 ok, 1 usage or configuration, and 1 from `status` when the schema is not the one this nlentry needs.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

    from nlentry.server.pg import PostgresStorage
    from nlentry.server.settings import Settings

__all__ = ["run"]


def run(args: argparse.Namespace, *, env: Mapping[str, str]) -> int:
    """Run `nlentry db ACTION`; returns the exit status."""
    from nlentry.server.settings import Settings

    if args.action == "keygen":
        from nlentry.server.vault import new_key

        print(new_key())
        print("a new secret key: put it first in NLENTRY_SECRET_KEY (or the secret_key_file); "
              "keep the old ones after it until 'nlentry db rotate-key' has run", file=sys.stderr)
        return 0
    settings = Settings.load(env)
    if not settings.database_url:
        return _sqlite(args, settings)
    from nlentry.server import pg

    if args.action == "upgrade":
        applied = pg.upgrade(settings.database_url)
        for migration in applied:
            print(f"applied {migration.version:04d}_{migration.name}", file=sys.stderr)
        print(f"{settings.storage_name()}: schema version {pg.LATEST}"
              f"{'' if applied else ' (up to date)'}", file=sys.stderr)
        return 0
    if args.action == "status":
        version = pg.version_of(settings.database_url)
        verdict = "up to date" if version == pg.LATEST else (
            "run 'nlentry db upgrade'" if version < pg.LATEST else "newer than this nlentry")
        print(f"{settings.storage_name()}: schema version {version}, "
              f"this nlentry needs {pg.LATEST}: {verdict}")
        return 0 if version == pg.LATEST else 1
    storage = pg.PostgresStorage(settings.database_url, secret_keys=settings.secret_keys, pool_size=1)
    try:
        if args.action == "migrate-from-sqlite":
            return _move(Path(args.home).expanduser() if args.home else settings.home, storage)
        count = storage.rotate_credentials()
    finally:
        storage.close()
    plural = "" if count == 1 else "s"
    print(f"{count} credential{plural} encrypted again with the first key", file=sys.stderr)
    return 0


def _move(home: Path, storage: PostgresStorage) -> int:
    import time

    from nlentry.server.move import move_server_state

    moved = move_server_state(home, storage, now=time.time())
    counts = ", ".join(f"{n} {table.replace('_', ' ')}" for table, n in moved.rows.items())
    print(f"moved from {home / 'server.db'}: {counts}; {moved.credentials} credentials (encrypted, "
          "and taken out of the users' config.toml)", file=sys.stderr)
    return 0


def _sqlite(args: argparse.Namespace, settings: Settings) -> int:
    from nlentry.cli.args import UsageError
    from nlentry.server.db import SCHEMA_VERSION, ServerDB

    if args.action == "migrate-from-sqlite":
        raise UsageError("migrate-from-sqlite needs the PostgreSQL database to move to: set [server] "
                         "database_url or NLENTRY_DATABASE_URL")
    if args.action == "rotate-key":
        raise UsageError("rotate-key is for PostgreSQL (database_url): on SQLite the users' credentials "
                         "are in their own config.toml files (0600), not encrypted with a key")
    ServerDB(settings.database).close()  # opening it upgrades it
    print(f"{settings.database}: schema version {SCHEMA_VERSION} (SQLite upgrades itself when opened)",
          file=sys.stderr if args.action == "upgrade" else sys.stdout)
    return 0
