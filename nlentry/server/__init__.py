"""The chat-bot backend: an HTTP service that turns chat messages into time entries.

Usage::

    from nlentry.server import create_app
    from nlentry.server.settings import Settings

    app = create_app(Settings.load(os.environ))     # any ASGI server; `nlentry serve` runs uvicorn

Modules, one job each: `settings` (config.toml and environment), `storage` (the protocol of the
server's state) with `db` (its SQLite implementation, server.db) and `pg` (PostgreSQL, with `vault` for
the credentials and the SQL files of `migrations/pg/`), `auth` (API keys),
`users` (users, chat links, link codes, journals), `pending` (entries awaiting an answer), `limits`
(body size, rate), `replies` (texts from `grammars/<code>/server.toml`), `chat` (the conversation,
chat-neutral), `api`, `slack`, `telegram`, `health` (the routes), `errors` (HTTP errors), `worker`
(background flushing), `state` (what a process shares), `app` (the assembly). Every route is a thin
layer over `nlentry.booking.journal.Journal`, like the command line. Needs the `server` extra
(`pip install 'nlentry[server]'`); importing this package imports none of it until `create_app`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["create_app"]


def create_app(settings: Any = None, **kwargs: Any) -> FastAPI:
    """The server as an ASGI app; see `nlentry.server.app.create_app` for the parameters."""
    from nlentry.server.app import create_app as build

    return build(settings, **kwargs)
