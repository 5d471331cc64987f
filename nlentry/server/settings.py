"""The server's settings: `[server]`, `[slack]` and `[telegram]` in config.toml, and the environment.

Usage::

    from nlentry.server.settings import Settings

    settings = Settings.load(os.environ)     # <NLENTRY_HOME>/config.toml of the server
    settings.users_dir                       # <home>/users: one NLENTRY_HOME per nlentry user

Layout (every key optional)::

    [server]
    host = "127.0.0.1"          # bind address (`nlentry serve --host` wins)
    port = 8080
    workers = 1                 # uvicorn worker processes
    max_body = 131072           # bytes; larger request bodies get 413
    rate_limit = 60             # requests per user per `rate_period` seconds; 429 beyond (counted per
                                #   process on SQLite, shared by all processes on PostgreSQL)
    rate_period = 60
    auto_confirm = 1.01         # chat: save at once when the confidence is at least this and no name is
                                #   ambiguous (above 1: always ask; 1.0: ask only when unsure)
    pending_ttl = 900           # seconds a confirmation (Confirm / Change / Cancel) stays valid
    link_code_ttl = 600         # seconds a link code stays valid
    flush_interval = 30         # seconds between the background worker's outbox flushes
    locale = "en"               # replies to users whose language is not known yet
    database_url = "postgresql://user:password@host/db"   # or NLENTRY_DATABASE_URL: the server's state in
                                #   PostgreSQL, shared by any number of processes (default: <home>/server.db)
    secret_key_file = "/etc/nlentry/secret.key"   # or NLENTRY_SECRET_KEY: the key(s) that encrypt the
                                #   users' credentials in PostgreSQL (comma-separated or one a line; first
                                #   encrypts, all decrypt); required with database_url
    pool_size = 10              # PostgreSQL connections per server process (+1: API admission)

    [slack]
    signing_secret = "..."      # or NLENTRY_SLACK_SIGNING_SECRET
    [telegram]
    secret_token = "..."        # or NLENTRY_TELEGRAM_SECRET_TOKEN

The secrets are registered with `nlentry.config.register_secret`, so `redact` masks them anywhere.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nlentry import config

__all__ = ["Settings"]

ENV_SLACK_SECRET = "NLENTRY_SLACK_SIGNING_SECRET"
ENV_TELEGRAM_SECRET = "NLENTRY_TELEGRAM_SECRET_TOKEN"
ENV_DATABASE_URL = "NLENTRY_DATABASE_URL"
ENV_SECRET_KEY = "NLENTRY_SECRET_KEY"
SLACK_RESPONSE_HOSTS = ("hooks.slack.com",)


def _number(raw: Any, default: float, *, low: float = 0.0) -> float:
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and raw >= low:
        return float(raw)
    if raw is not None:
        raise config.ConfigError(f"config.toml: expected a number of at least {low:g}, got {raw!r}")
    return default


def _table(cfg: config.Config, name: str) -> dict[str, Any]:
    raw = cfg.data.get(name) or {}
    if not isinstance(raw, Mapping):
        raise config.ConfigError(f"config.toml: [{name}] must be a table")
    return dict(raw)


@dataclass(frozen=True)
class Settings:
    """Everything the server reads from its configuration; see the module docstring.

    Parameters:
        home: the server's NLENTRY_HOME (its config.toml, server.db and the users/ folder).
        env: the environment the settings were read from (kept for the users' journals).
    """

    home: Path
    host: str = "127.0.0.1"
    port: int = 8080
    workers: int = 1
    max_body: int = 128 * 1024
    rate_limit: float = 60.0
    rate_period: float = 60.0
    auto_confirm: float = 1.01
    pending_ttl: float = 900.0
    link_code_ttl: float = 600.0
    flush_interval: float = 30.0
    locale: str = "en"
    slack_signing_secret: str | None = field(default=None, repr=False)
    telegram_secret_token: str | None = field(default=None, repr=False)
    #: hosts a Slack `response_url` may point at (anything else is not called: no request forgery)
    slack_response_hosts: tuple[str, ...] = SLACK_RESPONSE_HOSTS
    #: PostgreSQL for the server's state (None: `<home>/server.db`); may hold a password: never shown
    database_url: str | None = field(default=None, repr=False)
    #: the keys of `nlentry.server.vault` (first encrypts); from NLENTRY_SECRET_KEY or `secret_key_file`
    secret_keys: tuple[str, ...] = field(default=(), repr=False)
    pool_size: int = 10
    env: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def load(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Read the server's config.toml and environment; `overrides` win (e.g. `port=9000`)."""
        env = dict(os.environ if env is None else env)
        cfg = config.load(env)
        server, slack, telegram = _table(cfg, "server"), _table(cfg, "slack"), _table(cfg, "telegram")
        slack_secret = env.get(ENV_SLACK_SECRET) or slack.get("signing_secret") or None
        telegram_secret = env.get(ENV_TELEGRAM_SECRET) or telegram.get("secret_token") or None
        for secret in (slack_secret, telegram_secret):
            config.register_secret(secret)
        hosts = slack.get("response_hosts", SLACK_RESPONSE_HOSTS)
        values: dict[str, Any] = {
            "home": config.data_home(env),
            "host": str(server.get("host", "127.0.0.1")),
            "port": int(_number(server.get("port"), 8080, low=0)),
            "workers": int(_number(server.get("workers"), 1, low=1)),
            "max_body": int(_number(server.get("max_body"), 128 * 1024, low=1024)),
            "rate_limit": _number(server.get("rate_limit"), 60.0, low=1),
            "rate_period": _number(server.get("rate_period"), 60.0, low=0.001),
            "auto_confirm": _number(server.get("auto_confirm"), 1.01),
            "pending_ttl": _number(server.get("pending_ttl"), 900.0, low=1),
            "link_code_ttl": _number(server.get("link_code_ttl"), 600.0, low=1),
            "flush_interval": _number(server.get("flush_interval"), 30.0, low=0.01),
            "locale": str(server.get("locale", "en")),
            "slack_signing_secret": slack_secret if isinstance(slack_secret, str) else None,
            "telegram_secret_token": telegram_secret if isinstance(telegram_secret, str) else None,
            "slack_response_hosts": tuple(str(h) for h in hosts)
            if isinstance(hosts, list)
            else SLACK_RESPONSE_HOSTS,
            "database_url": _database_url(env, server),
            "secret_keys": _secret_keys(env, server),
            "pool_size": int(_number(server.get("pool_size"), 10, low=1)),
            "env": env,
        }
        values.update(overrides)
        return cls(**values)

    def storage_name(self) -> str:
        """Where the server's state is, fit to print: the file, or the database URL without password."""
        if not self.database_url:
            return str(self.database)
        from urllib.parse import urlsplit

        parts = urlsplit(self.database_url)
        host = parts.hostname or "localhost"
        return f"{parts.scheme}://{host}{f':{parts.port}' if parts.port else ''}{parts.path}"

    @property
    def users_dir(self) -> Path:
        """`<home>/users`: one folder (one NLENTRY_HOME) per nlentry user."""
        return self.home / "users"

    @property
    def database(self) -> Path:
        """`<home>/server.db`: users, API keys, chat links, link codes, pending confirmations."""
        return self.home / "server.db"

    def user_env(self, user_dir: Path) -> dict[str, str]:
        """The environment a user's journal is opened with: only its own home (and the parser cache).

        The server's own provider variables (`NLENTRY_PROVIDER`, `NLENTRY_TIMI_TOKEN`, ...) are not
        passed on, and the keyring is off: each user's provider and credentials come from the user's
        own config.toml only.
        """
        env = {config.ENV_HOME: str(user_dir), "NLENTRY_KEYRING": "0"}
        for name in ("NLENTRY_CACHE_DIR", "TZ", "HOME"):
            if name in self.env:
                env[name] = self.env[name]
        return env


def _database_url(env: Mapping[str, str], server: Mapping[str, Any]) -> str | None:
    url = env.get(ENV_DATABASE_URL) or server.get("database_url") or None
    if url is None:
        return None
    if not isinstance(url, str) or not url.startswith(("postgresql://", "postgres://")):
        raise config.ConfigError("database_url (or NLENTRY_DATABASE_URL) must be a postgresql:// URL")
    from urllib.parse import unquote, urlsplit

    password = urlsplit(url).password
    if password:
        config.register_secret(password)
        config.register_secret(unquote(password))
    return url


def _secret_keys(env: Mapping[str, str], server: Mapping[str, Any]) -> tuple[str, ...]:
    """The vault keys: NLENTRY_SECRET_KEY (comma-separated), else the file `[server] secret_key_file`."""
    from nlentry.server.vault import parse_keys

    text = env.get(ENV_SECRET_KEY, "")
    if not text.strip() and server.get("secret_key_file"):
        path = Path(str(server["secret_key_file"])).expanduser()
        try:
            if os.name == "posix" and path.stat().st_mode & 0o077:
                raise config.ConfigError(f"secret_key_file {path} may be read by others: chmod 600 {path}")
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise config.ConfigError(f"secret_key_file {path}: {exc.strerror or exc}") from None
    keys = parse_keys(text)
    for key in keys:
        config.register_secret(key)
    return keys
