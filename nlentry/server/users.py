"""nlentry users of the server, the chat identities linked to them, and their journals.

Usage::

    from nlentry.server.users import Users

    users = Users(settings, db)
    users.add("alice", locale="nl")           # folder users/alice/ (0700): its own config.toml and database
    users.link("alice", "slack:T123:U456")    # or: code = users.link_code("slack:T123:U456"), then
    users.redeem("alice", code)               #     (the admin's `nlentry users link alice --code CODE`)
    users.user_of("slack:T123:U456")          # "alice"
    users.journal("alice")                    # the user's `Journal` (opened once, kept)

Each user has its own provider, settings and journal, so the journal needs no notion of users. The
user's settings are kept by the server's storage (`nlentry.server.storage`): the plain ones
(`update_settings`, `set_provider_settings`: `default_provider`, the provider's settings that are not
secret, `confirm_below`, `round_to`, ...) and the provider credentials (`set_provider_settings`: `token`,
...). On SQLite both live in the user's own config.toml (0600) under `<server home>/users/<id>/`, which
is then an NLENTRY_HOME every `nlentry` command works on; on PostgreSQL they are in the database (the
credentials encrypted), so every server process on every host reads the same. `config` hands both to
the journal as one `Config`, in memory. The journal's own state (outbox, timer, catalog caches, aliases)
is in the user's folder on SQLite (its nlentry.db) and in the database on PostgreSQL
(`ServerStorage.booking`), so with PostgreSQL no process needs anything of another's folders. A chat
identity is `slack:<team id>:<user id>` or `telegram:<user id>`.
"""

from __future__ import annotations

import re
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nlentry.errors import NlentryError
from nlentry.server.auth import digest
from nlentry.server.settings import Settings
from nlentry.server.storage import ServerStorage, UserRow

if TYPE_CHECKING:
    from nlentry.booking.journal import Journal
    from nlentry.booking.sync import SyncResult
    from nlentry.config import Config
    from nlentry.model import Catalog
    from nlentry.providers._http.oauth import OAuthToken

__all__ = ["User", "UserError", "Users", "identity"]

_USER_ID = re.compile(r"[a-z0-9][a-z0-9_.-]{0,63}")
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed by hand
_CODE_LENGTH = 8


class UserError(NlentryError, ValueError):
    """No such user, a bad user id, an unknown or expired link code."""


@dataclass(frozen=True)
class User:
    """One nlentry user of the server."""

    id: str
    locale: str | None
    home: Path
    identities: tuple[str, ...] = ()


def identity(source: str, *parts: object) -> str:
    """A chat identity: `identity("slack", team, user)` -> `slack:T1:U2`; `identity("telegram", 42)`."""
    return ":".join([source, *(str(p) for p in parts)])


def normal_code(code: str) -> str:
    """A link code as stored: upper case, without dashes or spaces (`abcd-efgh` -> `ABCDEFGH`)."""
    return re.sub(r"[\s-]", "", code).upper()


class Users:
    """The server's users; see the module docstring.

    Parameters:
        settings: where the users' folders are, how long link codes last.
        db: the server's storage (`nlentry.server.storage`).
        clock: unix time (tests pass a fake to expire codes).
    """

    def __init__(
        self, settings: Settings, db: ServerStorage, *, clock: Callable[[], float] = time.time
    ) -> None:
        self.settings = settings
        self.db = db
        self.clock = clock
        self._journals: dict[str, Journal] = {}
        self._versions: dict[str, int] = {}  # the settings version each open journal was opened with
        self._retired: list[Journal] = []  # opened with settings since changed: closed with the rest
        self._lock = threading.Lock()

    # --- users -----------------------------------------------------------------------------------

    def home(self, user_id: str) -> Path:
        """The user's folder (its NLENTRY_HOME)."""
        return self.settings.users_dir / user_id

    def add(self, user_id: str, *, locale: str | None = None, provider: str | None = None) -> User:
        """Create a user, and on SQLite its folder (0700; on PostgreSQL all of it is in the database);
        `provider` becomes its `default_provider`."""
        from nlentry import config

        if not _USER_ID.fullmatch(user_id):
            raise UserError(
                f"a user id is 1-64 lower-case letters, digits, '.', '_' or '-' "
                f"(starting with a letter or digit): {user_id!r}"
            )
        if self.get(user_id) is not None:
            raise UserError(f"user {user_id!r} exists already")
        home = self.home(user_id)
        if not self.db.shared:
            config.ensure_dir(config.ensure_dir(self.settings.users_dir) / user_id)
        if not self.db.add_user(user_id, locale=locale, now=self.clock()):
            raise UserError(f"user {user_id!r} exists already")
        if provider:
            self.db.update_user_settings(user_id, {"default_provider": provider}, now=self.clock())
        return User(user_id, locale, home)

    def get(self, user_id: str) -> User | None:
        """The user, with its linked chat identities; None if there is none."""
        row = self.db.user(user_id)
        return None if row is None else self._user(row)

    def _user(self, row: UserRow) -> User:
        return User(row.id, row.locale, self.home(row.id), row.identities)

    def require(self, user_id: str) -> User:
        """The user, or `UserError`."""
        user = self.get(user_id)
        if user is None:
            raise UserError(f"no user {user_id!r} (see 'nlentry users ls')")
        return user

    def all(self) -> list[User]:
        """Every user, by id."""
        return [self._user(row) for row in self.db.users()]

    def unposted(self, user_id: str) -> int:
        """How many of the user's entries the provider does not hold yet (pending, being posted, failed),
        where removing the user would delete them: on PostgreSQL, whose journal goes with the user. 0 on
        SQLite, where the user's folder (and its outbox) is kept."""
        self.require(user_id)
        booking = self.db.booking(user_id)
        if booking is None:
            return 0
        counts = booking.outbox_counts()
        return sum(counts.get(state, 0) for state in ("pending", "posting", "failed"))

    def remove(self, user_id: str) -> None:
        """Remove the user with its keys, links and pending confirmations; on SQLite its folder is kept,
        on PostgreSQL its settings and journal go too (see `unposted`)."""
        self.require(user_id)
        self.db.remove_user(user_id)
        with self._lock:
            journal = self._journals.pop(user_id, None)
            self._versions.pop(user_id, None)
        if journal is not None:
            journal.close()

    def set_locale(self, user_id: str, locale: str | None) -> None:
        """The language replies fall back to for this user."""
        self.require(user_id)
        self.db.set_locale(user_id, locale)

    def update_settings(self, user_id: str, changes: Mapping[str, Any]) -> None:
        """Merge plain settings (`default_provider`, `confirm_below`, ...; `nlentry.server.storage.
        merge_settings`, None removes a key) into the user's; never secrets (`set_provider_settings`)."""
        self.require(user_id)
        self.db.update_user_settings(user_id, changes, now=self.clock())

    def set_provider_settings(self, user_id: str, provider: str, values: Mapping[str, str]) -> None:
        """Merge settings into the user's `[providers.<provider>]`: secrets (`token`, ...) go to the
        storage's credentials, the rest to its plain settings."""
        from nlentry import config

        self.require(user_id)
        secret = {k: v for k, v in values.items() if config.is_secret_key(k)}
        plain = {k: v for k, v in values.items() if k not in secret}
        for value in secret.values():
            config.register_secret(value)
        if plain:
            self.db.update_user_settings(user_id, {"providers": {provider: plain}}, now=self.clock())
        if secret:
            self.db.put_credentials(user_id, provider, secret, now=self.clock())

    def config(self, user_id: str) -> Config:
        """The user's configuration, in memory: its plain settings with its credentials merged into
        their `[providers.<name>]` tables (what its journal is opened with)."""
        from nlentry import config

        data = self.db.user_settings(user_id)
        providers = {name: dict(table) for name, table in (data.get("providers") or {}).items()}
        for provider, values in self.db.credentials(user_id).items():
            for value in values.values():
                config.register_secret(value)
            providers[provider] = {**providers.get(provider, {}), **values}
        return config.Config({**data, "providers": providers})

    def journal_config(self, user_id: str) -> Config:
        """`config`, and on a shared database a `token_store` in each provider's table: OAuth tokens the
        provider refreshes go to the user's credentials in the database (not to a file on this host),
        where every process finds them (`CredentialTokens`)."""
        cfg = self.config(user_id)
        if self.db.shared:
            for name, table in cfg.providers.items():
                cfg.data["providers"][name] = {
                    **table, "token_store": CredentialTokens(self.db, user_id, name, clock=self.clock)}
        return cfg

    def env(self, user_id: str) -> dict[str, str]:
        """The environment the user's journal opens with: its folder as NLENTRY_HOME (and the parser
        cache, TZ); never the server's own provider variables. Its settings come from `config`."""
        return self.settings.user_env(self.home(user_id))

    # --- chat identities -------------------------------------------------------------------------

    def user_of(self, chat_identity: str) -> User | None:
        """The user a chat identity is linked to, or None."""
        user_id = self.db.user_of_identity(chat_identity)
        return None if user_id is None else self.get(user_id)

    def link(self, user_id: str, chat_identity: str) -> None:
        """Link a chat identity to a user (replacing an earlier link of that identity)."""
        self.require(user_id)
        if not re.fullmatch(r"(slack:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+|telegram:-?\d+)", chat_identity):
            raise UserError(f"not a chat identity (slack:TEAM:USER or telegram:ID): {chat_identity!r}")
        self.db.link(chat_identity, user_id, now=self.clock())

    def unlink(self, chat_identity: str) -> bool:
        """Remove a chat identity's link; True if there was one."""
        return self.db.unlink(chat_identity)

    def link_code(self, chat_identity: str) -> str:
        """A new one-time code that links this chat identity (it replaces the identity's earlier code).

        Shown as `ABCD-EFGH`; valid `settings.link_code_ttl` seconds; stored hashed.
        """
        code = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(_CODE_LENGTH))
        now = self.clock()
        expires = now + self.settings.link_code_ttl
        self.db.put_link_code(digest(code), chat_identity, expires_at=expires, now=now)
        return f"{code[:4]}-{code[4:]}"

    def redeem(self, user_id: str, code: str) -> str:
        """Link the chat identity that was given `code` to `user_id`; returns the identity.

        The code is used up. Raises `UserError` for an unknown or expired code.
        """
        self.require(user_id)
        now = self.clock()
        found = self.db.take_link_code(digest(normal_code(code)))
        if found is None or found[1] <= now:
            raise UserError("unknown or expired link code: ask the bot for a new one")
        self.link(user_id, found[0])
        return found[0]

    def import_catalog(self, user_id: str, catalog: Catalog, *, provider: str | None = None) -> SyncResult:
        """Put a catalog into the user's provider (`local`: where the user's journal reads it, the
        database on PostgreSQL, its folder's nlentry.db on SQLite) and its catalog cache."""
        self.require(user_id)
        return self.journal(user_id).import_catalog(catalog, provider=provider)

    # --- journals --------------------------------------------------------------------------------

    def journal(self, user_id: str) -> Journal:
        """The user's journal, opened once per process and kept open (its database, its provider)
        until `refresh` finds its settings changed."""
        from nlentry.booking.journal import Journal

        with self._lock:
            journal = self._journals.get(user_id)
            if journal is None:
                self._versions[user_id] = self.db.settings_versions([user_id]).get(user_id, 0)
                journal = Journal.open(self.env(user_id), cfg=self.journal_config(user_id),
                                       storage=self.db.booking(user_id))
                self._journals[user_id] = journal
            return journal

    def opened(self) -> list[str]:
        """The users whose journal this process has open."""
        with self._lock:
            return sorted(self._journals)

    def refresh(self) -> list[str]:
        """Let go of the journals whose user's settings changed since they were opened (by this process
        or another: `nlentry users set`, another server); the next use opens them again with the new
        settings. Returns those users. A journal let go is closed only by `close`: a request may be
        using it still."""
        versions = self.db.settings_versions()
        with self._lock:
            stale = [u for u in self._journals if versions.get(u) != self._versions.get(u)]
            for user_id in stale:
                self._retired.append(self._journals.pop(user_id))
                self._versions.pop(user_id, None)
        return stale

    def close(self) -> None:
        """Close every journal this process opened."""
        with self._lock:
            journals, self._journals = [*self._journals.values(), *self._retired], {}
            self._retired = []
        for journal in journals:
            journal.close()


class CredentialTokens:
    """A user's OAuth token of one provider, kept in the server's storage with the user's credentials
    (`access_token`, `refresh_token`, `expires_at`; encrypted on PostgreSQL): a `TokenStore`
    (`nlentry.providers._http.tokens`). A token one process refreshed is what every other process
    loads, and the settings version it bumps makes them reopen the user's journal with it."""

    def __init__(self, db: ServerStorage, user_id: str, provider: str, *,
                 clock: Callable[[], float] = time.time) -> None:
        self.db = db
        self.user_id = user_id
        self.provider = provider
        self.clock = clock

    def load(self) -> OAuthToken | None:
        """The kept token, or None (none kept, or only a refresh token)."""
        from nlentry.providers._http.oauth import OAuthToken

        kept = self.db.credentials(self.user_id).get(self.provider, {})
        if not kept.get("access_token"):
            return None
        expires_at = kept.get("expires_at")
        return OAuthToken(kept["access_token"], kept.get("refresh_token") or None,
                          float(expires_at) if expires_at else None)

    def save(self, token: OAuthToken) -> None:
        """Keep a refreshed token (at once: the refresh token it replaces is used up)."""
        from nlentry.providers._http.tokens import register_token

        register_token(token)
        secrets = {"access_token": token.access_token}
        if token.refresh_token:
            secrets["refresh_token"] = token.refresh_token
        expires_at = "" if token.expires_at is None else repr(token.expires_at)
        values = {**secrets, "expires_at": expires_at}
        self.db.put_credentials(self.user_id, self.provider, values, now=self.clock())

    def __repr__(self) -> str:
        return f"CredentialTokens({self.user_id!r}, {self.provider!r})"
