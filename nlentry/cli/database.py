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
    from nlentry.cli.command_line import Arguments
    from nlentry.messages import Messages
    from nlentry.server.pg import PostgresStorage
    from nlentry.server.settings import Settings

__all__ = ["run"]


def run(args: Arguments, *, env: Mapping[str, str]) -> int:
    """Run `nlentry db ACTION`; returns the exit status."""
    from nlentry import config
    from nlentry.messages import language, messages_for
    from nlentry.server.settings import Settings

    say = messages_for(language(env, config.load(env).data.get("language")))
    if args.action == "keygen":
        from nlentry.server.vault import new_key

        print(new_key())
        print(say("admin_keygen"), file=sys.stderr)
        return 0
    settings = Settings.load(env)
    if not settings.database_url:
        return _sqlite(args, settings, say)
    from nlentry.server import pg

    if args.action == "upgrade":
        applied = pg.upgrade(settings.database_url)
        for migration in applied:
            name = f"{migration.version:04d}_{migration.name}"
            print(say("admin_applied", migration=name), file=sys.stderr)
        print(say("admin_schema" if applied else "admin_schema_up_to_date", storage=settings.storage_name(),
                  version=pg.LATEST), file=sys.stderr)
        return 0
    if args.action == "status":
        version = pg.version_of(settings.database_url)
        verdict = say("admin_up_to_date") if version == pg.LATEST else say(
            "admin_run_upgrade" if version < pg.LATEST else "admin_newer")
        print(say("admin_schema_status", storage=settings.storage_name(), version=version, needs=pg.LATEST,
                  verdict=verdict))
        return 0 if version == pg.LATEST else 1
    storage = pg.PostgresStorage(settings.database_url, secret_keys=settings.secret_keys, pool_size=1)
    try:
        if args.action == "migrate-from-sqlite":
            return _move(Path(args.home).expanduser() if args.home else settings.home, storage, say)
        count = storage.rotate_credentials()
    finally:
        storage.close()
    print(say("admin_rotated_one" if count == 1 else "admin_rotated", count=count), file=sys.stderr)
    return 0


def _move(home: Path, storage: PostgresStorage, say: Messages) -> int:
    import time

    from nlentry.server.move import move_server_state

    moved = move_server_state(home, storage, now=time.time())
    counts = ", ".join(f"{n} {table.replace('_', ' ')}" for table, n in moved.rows.items())
    print(say("admin_moved", file=home / "server.db", counts=counts, credentials=moved.credentials,
              settings=moved.settings),
          file=sys.stderr)
    journals = ", ".join(f"{n} {table.replace('_', ' ')}" for table, n in moved.journals.items())
    print(say("admin_moved_journals", counts=journals or "-"), file=sys.stderr)
    return 0


def _sqlite(args: Arguments, settings: Settings, say: Messages) -> int:
    from nlentry.cli.args import UsageError
    from nlentry.server.db import SCHEMA_VERSION, ServerDB

    if args.action == "migrate-from-sqlite":
        raise UsageError(say("admin_move_needs_pg"))
    if args.action == "rotate-key":
        raise UsageError(say("admin_rotate_needs_pg"))
    ServerDB(settings.database).close()  # opening it upgrades it
    print(say("admin_sqlite_schema", file=settings.database, version=SCHEMA_VERSION),
          file=sys.stderr if args.action == "upgrade" else sys.stdout)
    return 0
