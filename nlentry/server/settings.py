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
    rate_limit = 60             # requests per user per `rate_period` seconds (per worker process); 429 beyond
    rate_period = 60
    auto_confirm = 1.01         # chat: save at once when the confidence is at least this and no name is
                                #   ambiguous (above 1: always ask; 1.0: ask only when unsure)
    pending_ttl = 900           # seconds a confirmation (Confirm / Change / Cancel) stays valid
    link_code_ttl = 600         # seconds a link code stays valid
    flush_interval = 30         # seconds between the background worker's outbox flushes
    locale = "en"               # replies to users whose language is not known yet

    [slack]
    signing_secret = "..."      # or NLENTRY_SLACK_SIGNING_SECRET
    [telegram]
    secret_token = "..."        # or NLENTRY_TELEGRAM_SECRET_TOKEN

The secrets are registered with `nlentry.config.register_secret`, so `redact` masks them anywhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nlentry import config

__all__ = ["Settings"]

ENV_SLACK_SECRET = "NLENTRY_SLACK_SIGNING_SECRET"
ENV_TELEGRAM_SECRET = "NLENTRY_TELEGRAM_SECRET_TOKEN"
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
    env: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def load(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Read the server's config.toml and environment; `overrides` win (e.g. `port=9000`)."""
        import os

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
            "env": env,
        }
        values.update(overrides)
        return cls(**values)

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
