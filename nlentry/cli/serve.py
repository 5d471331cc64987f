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
    from nlentry.cli.command_line import Arguments
    from nlentry.messages import Messages
    from nlentry.server.settings import Settings
    from nlentry.server.storage import ServerStorage
    from nlentry.server.users import Users

__all__ = ["run"]


def run(args: Arguments, *, env: Mapping[str, str]) -> int:
    """Run `serve`, `apikey` or `users`; returns the exit status."""
    from nlentry import config
    from nlentry.messages import language, messages_for
    from nlentry.server.settings import Settings
    from nlentry.server.users import UserError

    settings = Settings.load(env)
    say = messages_for(language(env, config.load(env).data.get("language")))
    if args.command == "serve":
        return _serve(args, settings, say)
    from nlentry.server.storage import open_storage

    db = open_storage(settings)
    try:
        if args.command == "apikey":
            return _apikey(args, db, say)
        return _users(args, settings, db, say)
    except UserError as exc:
        raise UsageError(str(exc)) from None
    finally:
        db.close()


# --- serve -----------------------------------------------------------------------------------------


def _serve(args: Arguments, settings: Settings, say: Messages) -> int:
    from nlentry.server.storage import open_storage

    try:
        import uvicorn
    except ImportError:
        raise UsageError(say("admin_no_server_extra")) from None
    # refuse at once (a clear message, a non-zero status) a database that cannot be reached, has a schema
    # older or newer than this nlentry's, or has no key for its credentials; not in every worker's log
    open_storage(settings).close()
    host = args.host or settings.host
    port = settings.port if args.port is None else args.port
    workers = args.workers or settings.workers
    # the worker processes build their app from the environment: hand them this home
    os.environ["NLENTRY_HOME"] = str(settings.home)
    on = {True: say("admin_on"), False: say("admin_off")}
    print(
        say("admin_serving", url=f"http://{host}:{port}", workers=workers,
            slack=on[bool(settings.slack_signing_secret)], telegram=on[bool(settings.telegram_secret_token)],
            home=settings.home, storage=settings.storage_name()),
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


def _apikey(args: Arguments, db: ServerStorage, say: Messages) -> int:
    from datetime import datetime

    from nlentry.server.auth import ApiKeys
    from nlentry.server.users import UserError

    keys = ApiKeys(db)
    if args.action == "create":
        if db.user(args.user) is None:
            raise UserError(say("admin_no_user", user=repr(args.user), name=args.user))
        key, info = keys.create(args.user, name=args.name)
        print(key)
        print(say("admin_key_made", id=info.id, user=info.user_id), file=sys.stderr)
        return 0
    if args.action == "ls":
        found = keys.keys(args.user)
        rows = [{"id": k.id, "user": k.user_id, "name": k.name, "created_at": k.created_at} for k in found]
        if _print_json(args, rows):
            return 0
        for k in found:
            made = datetime.fromtimestamp(k.created_at).strftime("%Y-%m-%d %H:%M")
            print(f"{k.id}  {k.user_id}  {made}  {k.name}".rstrip())
        return 0
    if not keys.revoke(args.key_id):
        raise UserError(say("admin_no_key", id=repr(args.key_id)))
    print(say("admin_key_revoked", id=args.key_id), file=sys.stderr)
    return 0


# --- users -----------------------------------------------------------------------------------------


def _settings_of(pairs: list[str], say: Messages) -> dict[str, Any]:
    from nlentry import config

    values: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(say("admin_bad_setting", pair=repr(pair)))
        if value == "-":
            value = sys.stdin.readline().rstrip("\n")
        config.register_secret(value) if config.is_secret_key(key) else None
        values[key.strip()] = value
    return values


def _print_json(args: Arguments, rows: list[dict[str, Any]]) -> bool:
    """Print `rows` as `--json` (one array) or `--jsonl` (one object a line) asks; False for neither."""
    if args.jsonl:
        for row in rows:
            print(json.dumps(row))
    elif args.json:
        print(json.dumps(rows))
    return bool(args.json or args.jsonl)


#: `--option` keys: a user's own settings, each with what makes its value (ValueError: not fitting)
_OPTIONS = {
    "confirm_below": lambda raw: _within(float(raw), 0, 1),
    "round_to": lambda raw: int(_within(int(raw), 0, 60)),
    "rounding": lambda raw: {"up": "up", "nearest": "nearest"}[raw],
    "catalog_max_age": lambda raw: _within(float(raw), 0, 1e9),
}


def _within(value: float, low: float, high: float) -> float:
    if not low <= value <= high:
        raise ValueError(value)
    return value


def _options_of(pairs: list[str], say: Messages) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for pair in pairs:
        key, _, raw = pair.partition("=")
        try:
            values[key.strip()] = _OPTIONS[key.strip()](raw.strip())
        except (KeyError, ValueError):
            raise UsageError(say("admin_bad_option", pair=repr(pair))) from None
    return values


def _configure(args: Arguments, users: Users, user_id: str, say: Messages) -> None:
    from nlentry import providers

    changes = _options_of(args.option, say)
    if args.provider:
        if args.provider not in providers.names():
            raise UsageError(say("admin_no_provider", provider=repr(args.provider),
                                 available=", ".join(providers.names())))
        changes["default_provider"] = args.provider
    if changes:
        users.update_settings(user_id, changes)
    if args.setting:
        name = args.provider or users.config(user_id).default_provider
        users.set_provider_settings(user_id, name, _settings_of(args.setting, say))
    if args.locale:
        users.set_locale(user_id, args.locale)


def _known_locale(code: str, say: Messages) -> None:
    from nlentry import locales

    if code not in locales.available():
        raise UsageError(say("admin_no_locale", code=repr(code), available=", ".join(locales.available())))


def _account(args: Arguments, say: Messages) -> str:
    from nlentry.server.users import identity

    if args.slack:
        team, sep, user = args.slack.partition(":")
        if not sep:
            raise UsageError(say("admin_bad_slack"))
        return identity("slack", team, user)
    return identity("telegram", args.telegram)


def _users(args: Arguments, settings: Settings, db: ServerStorage, say: Messages) -> int:
    from nlentry.server.users import UserError, Users

    users = Users(settings, db)
    action = args.action
    if getattr(args, "locale", None):
        _known_locale(args.locale, say)
    if action == "add":
        _options_of(args.option, say)  # a bad one refused before the user is made
        user = users.add(args.user, locale=args.locale)
        _configure(args, users, user.id, say)
        where = settings.storage_name() if db.shared else user.home  # PostgreSQL: no folder
        print(say("admin_user_added", user=user.id, home=where), file=sys.stderr)
        return 0
    if action == "set":
        users.require(args.user)
        _configure(args, users, args.user, say)
        return 0
    if action == "ls":
        found = users.all()
        rows = [{"id": u.id, "locale": u.locale, "home": None if db.shared else str(u.home),
                 "chat": list(u.identities)} for u in found]
        if _print_json(args, rows):
            return 0
        for u in found:
            print(f"{u.id}  {u.locale or '-'}  {', '.join(u.identities) or say('admin_no_chat')}")
        return 0
    if action == "show":
        print(json.dumps(_shown(users, args.user), indent=2, sort_keys=True))
        return 0
    if action == "rm":
        unposted = users.unposted(args.user)
        if unposted and not args.force:
            raise UserError(say("admin_user_unposted", user=args.user, count=str(unposted)))
        users.remove(args.user)
        if db.shared:
            print(say("admin_user_removed_db", user=args.user), file=sys.stderr)
        else:
            print(say("admin_user_removed", user=args.user, home=users.home(args.user)), file=sys.stderr)
        return 0
    if action == "home":
        home = users.require(args.user).home
        if db.shared:  # nothing of the user is in a folder: its settings and journal are in the database
            raise UserError(say("admin_no_home", user=args.user, storage=settings.storage_name()))
        print(home)
        return 0
    if action == "catalog":
        return _import_catalog(args, users, say)
    if action == "link":
        linked = users.redeem(args.user, args.code) if args.code else \
            _link(users, args.user, _account(args, say))
        print(say("admin_linked", account=linked, user=args.user), file=sys.stderr)
        return 0
    account = _account(args, say)
    if not users.unlink(account):
        raise UsageError(say("admin_not_linked", account=account))
    print(say("admin_unlinked", account=account), file=sys.stderr)
    return 0


def _shown(users: Users, user_id: str) -> dict[str, Any]:
    """A user's settings as `users show` prints them: each secret's value replaced by `***`."""
    from nlentry import config

    user = users.require(user_id)
    cfg = users.config(user_id)
    data = {k: v for k, v in cfg.data.items() if k != "providers"}
    data["providers"] = {name: {k: "***" if config.is_secret_key(k) else v for k, v in table.items()}
                         for name, table in cfg.providers.items()}
    return {"id": user.id, "locale": user.locale, "chat": list(user.identities),
            "default_provider": cfg.default_provider, "settings": data}


def _import_catalog(args: Arguments, users: Users, say: Messages) -> int:
    """`users catalog USER import FILE`: the catalog where the user's journal reads it (either back end)."""
    from nlentry.booking.journal import JournalError
    from nlentry.model import Catalog

    users.require(args.user)
    catalog = Catalog.load(args.file)
    try:
        kept = users.import_catalog(args.user, catalog, provider=args.provider)
    except JournalError as exc:
        raise UsageError(say(exc.key, **exc.values) if exc.key else str(exc)) from None
    finally:
        users.close()
    print(say("catalog_imported", projects=kept.projects, services=kept.services, clients=kept.clients,
              people=kept.people, provider=kept.provider), file=sys.stderr)
    return 0


def _link(users: Users, user_id: str, account: str) -> str:
    users.link(user_id, account)
    return account
