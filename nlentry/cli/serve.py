"""The server commands: `serve` (run it), `apikey` (API keys), `users` (users and their chat accounts).

`nlentry.cli.main` hands these commands to `run(args, env=...)`. `serve` needs the `server` extra
(FastAPI, uvicorn); `apikey` and `users` only touch the server's storage (server.db, or PostgreSQL
with `database_url`: the `postgres` extra) and the users' folders, so they work without it. A new API
key is printed once, on standard output, and nowhere else; nothing else here prints a secret. Exit
statuses: 0 ok, 1 usage (bad arguments, unknown user, bad link code), a configuration that cannot be
used (no database key, an unreachable database, a schema this nlentry does not know).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from nlentry.cli.args import UsageError

if TYPE_CHECKING:
    import argparse

    from nlentry.server.settings import Settings
    from nlentry.server.storage import ServerStorage
    from nlentry.server.users import Users

__all__ = ["run"]


def run(args: argparse.Namespace, *, env: Mapping[str, str]) -> int:
    """Run `serve`, `apikey` or `users`; returns the exit status."""
    from nlentry.server.settings import Settings
    from nlentry.server.users import UserError

    settings = Settings.load(env)
    if args.command == "serve":
        return _serve(args, settings)
    from nlentry.server.storage import open_storage

    db = open_storage(settings)
    try:
        if args.command == "apikey":
            return _apikey(args, db)
        return _users(args, settings, db)
    except UserError as exc:
        raise UsageError(str(exc)) from None
    finally:
        db.close()


# --- serve -----------------------------------------------------------------------------------------


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    from nlentry.server.storage import open_storage

    try:
        import uvicorn
    except ImportError:
        raise UsageError("the server needs its extra: pip install 'nlentry[server]'") from None
    # refuse at once (a clear message, a non-zero status) a database that cannot be reached, has a schema
    # older or newer than this nlentry's, or has no key for its credentials; not in every worker's log
    open_storage(settings).close()
    host = args.host or settings.host
    port = settings.port if args.port is None else args.port
    workers = args.workers or settings.workers
    # the worker processes build their app from the environment: hand them this home
    os.environ["NLENTRY_HOME"] = str(settings.home)
    on = {True: "on", False: "off (no secret configured)"}
    print(
        f"nlentry serve: http://{host}:{port} ({workers} worker{'s' if workers > 1 else ''}); "
        f"Slack {on[bool(settings.slack_signing_secret)]}, "
        f"Telegram {on[bool(settings.telegram_secret_token)]}; "
        f"home {settings.home}, state in {settings.storage_name()}",
        file=sys.stderr,
        flush=True,
    )
    uvicorn.run(
        "nlentry.server.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=args.log_level,
        access_log=args.access_log,
        server_header=False,
        proxy_headers=False,
        timeout_graceful_shutdown=10,
    )
    return 0


# --- apikey ----------------------------------------------------------------------------------------


def _apikey(args: argparse.Namespace, db: ServerStorage) -> int:
    from datetime import datetime

    from nlentry.server.auth import ApiKeys
    from nlentry.server.users import UserError

    keys = ApiKeys(db)
    if args.action == "create":
        if db.user(args.user) is None:
            raise UserError(f"no user {args.user!r} (add one with 'nlentry users add {args.user}')")
        key, info = keys.create(args.user, name=args.name)
        print(key)
        print(
            f"API key {info.id} for {info.user_id}: shown this once, keep it safe "
            f"(the server keeps only its hash)",
            file=sys.stderr,
        )
        return 0
    if args.action == "ls":
        found = keys.keys(args.user)
        if args.json:
            print(
                json.dumps(
                    [
                        {"id": k.id, "user": k.user_id, "name": k.name, "created_at": k.created_at}
                        for k in found
                    ]
                )
            )
        for k in [] if args.json else found:
            made = datetime.fromtimestamp(k.created_at).strftime("%Y-%m-%d %H:%M")
            print(f"{k.id}  {k.user_id}  {made}  {k.name}".rstrip())
        return 0
    if not keys.revoke(args.key_id):
        raise UserError(f"no API key {args.key_id!r} (see 'nlentry apikey ls')")
    print(f"revoked {args.key_id}", file=sys.stderr)
    return 0


# --- users -----------------------------------------------------------------------------------------


def _settings_of(pairs: list[str]) -> dict[str, Any]:
    from nlentry import config

    values: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--setting takes KEY=VALUE, not {pair!r}")
        if value == "-":
            value = sys.stdin.readline().rstrip("\n")
        config.register_secret(value) if config.is_secret_key(key) else None
        values[key.strip()] = value
    return values


def _configure(args: argparse.Namespace, users: Users, user_id: str) -> None:
    from nlentry import config, providers

    env = users.settings.user_env(users.home(user_id))
    if args.provider:
        if args.provider not in providers.names():
            raise UsageError(
                f"unknown provider {args.provider!r} (available: {', '.join(providers.names())})"
            )
        cfg = config.load(env)
        cfg.data["default_provider"] = args.provider
        config.save(cfg, env)
    if args.setting:
        name = args.provider or config.default_provider(env)
        users.set_provider_settings(user_id, name, _settings_of(args.setting))
    if args.locale:
        users.set_locale(user_id, args.locale)


def _known_locale(code: str) -> None:
    from nlentry import locales

    if code not in locales.available():
        raise UsageError(f"unknown locale {code!r} (available: {', '.join(locales.available())})")


def _account(args: argparse.Namespace) -> str:
    from nlentry.server.users import identity

    if args.slack:
        team, sep, user = args.slack.partition(":")
        if not sep:
            raise UsageError("--slack takes TEAM:USER, e.g. T0123ABCD:U0456EFGH (Slack ids)")
        return identity("slack", team, user)
    return identity("telegram", args.telegram)


def _users(args: argparse.Namespace, settings: Settings, db: ServerStorage) -> int:
    from nlentry.server.users import Users

    users = Users(settings, db)
    action = args.action
    if getattr(args, "locale", None):
        _known_locale(args.locale)
    if action == "add":
        user = users.add(args.user, locale=args.locale)
        _configure(args, users, user.id)
        print(f"added {user.id}: {user.home}", file=sys.stderr)
        return 0
    if action == "set":
        users.require(args.user)
        _configure(args, users, args.user)
        return 0
    if action == "ls":
        found = users.all()
        if args.json:
            print(
                json.dumps(
                    [
                        {"id": u.id, "locale": u.locale, "home": str(u.home), "chat": list(u.identities)}
                        for u in found
                    ]
                )
            )
        for u in [] if args.json else found:
            print(f"{u.id}  {u.locale or '-'}  {', '.join(u.identities) or '(no chat account)'}")
        return 0
    if action == "rm":
        users.remove(args.user)
        print(f"removed {args.user} (its folder {users.home(args.user)} is kept)", file=sys.stderr)
        return 0
    if action == "home":
        print(users.require(args.user).home)
        return 0
    if action == "link":
        linked = users.redeem(args.user, args.code) if args.code else _link(users, args.user, _account(args))
        print(f"linked {linked} to {args.user}", file=sys.stderr)
        return 0
    account = _account(args)
    if not users.unlink(account):
        raise UsageError(f"{account} is not linked")
    print(f"unlinked {account}", file=sys.stderr)
    return 0


def _link(users: Users, user_id: str, account: str) -> str:
    users.link(user_id, account)
    return account
