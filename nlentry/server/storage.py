"""What the server keeps about itself, as a small protocol with two implementations.

Usage::

    from nlentry.server.storage import open_storage

    storage = open_storage(settings)      # SQLite (<home>/server.db) unless a database_url is set
    storage.add_user("alice", locale="nl", now=time.time())
    storage.first_delivery(["telegram:42"], now=time.time(), keep=86400)   # False the second time

The server's own state is users (and their language), API keys (hashed), chat links and one-time link
codes (hashed), pending confirmations, the chat deliveries already handled, rate-limit buckets, and each
user's settings: the plain ones (what a user's config.toml holds: `default_provider`, the providers'
settings that are not secret, `confirm_below`, `round_to`, ...) and the provider credentials. `Users`,
`ApiKeys`, `Confirmations`, the rate limiter and the chat routes ask this protocol; none of them holds
SQL of its own. The implementations:

- `nlentry.server.db.SQLiteStorage`: `<home>/server.db`, one box (the embedded default). Settings and
  credentials stay in each user's own config.toml (0600), as for any nlentry user.
- `nlentry.server.pg.PostgresStorage`: a PostgreSQL database shared by any number of server processes
  on any number of hosts; settings in a row per user, credentials encrypted at rest
  (`nlentry.server.vault`).

Every operation is one short transaction, and each one that must be atomic across processes (taking a
pending confirmation, redeeming a link code, recording a delivery, taking a rate token) is one statement
or one transaction that the database serialises. Times are unix seconds (floats) from the caller's
clock, so tests can drive them; the rate limiter may use the database's own clock instead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from nlentry.errors import NlentryError

if TYPE_CHECKING:
    from nlentry.booking.storage import BookingStorage
    from nlentry.server.settings import Settings

__all__ = [
    "STATE_TABLES",
    "KeyRow",
    "PendingRow",
    "SchemaError",
    "ServerStorage",
    "StorageUnavailable",
    "UserRow",
    "merge_settings",
    "open_storage",
    "plain_settings",
]


#: the tables of the server's state that move between back ends (`nlentry db migrate-from-sqlite`), in
#: the order they are filled (a row's user first), with their columns in order; the ones with an
#: `expires_at` move only while it is in the future
STATE_TABLES: dict[str, tuple[str, ...]] = {
    "users": ("id", "locale", "created_at"),
    "api_keys": ("id", "hash", "user_id", "name", "created_at"),
    "chat_links": ("identity", "user_id", "created_at"),
    "link_codes": ("hash", "identity", "expires_at"),
    "pending": ("id", "user_id", "entry", "changing", "expires_at", "taken_by"),
    "deliveries": ("id", "expires_at", "notes"),
}


class SchemaError(NlentryError):
    """The database's schema is older or newer than this nlentry knows (run `nlentry db upgrade`)."""


class StorageUnavailable(NlentryError):
    """The database cannot be reached (down, refused, timed out)."""


@dataclass(frozen=True)
class UserRow:
    """A user as stored: its id, its language and the chat identities linked to it (sorted)."""

    id: str
    locale: str | None
    identities: tuple[str, ...] = ()


@dataclass(frozen=True)
class KeyRow:
    """An API key as stored: public id, owner, label, creation time (never the key, nor its hash)."""

    id: str
    user_id: str
    name: str
    created_at: float


@dataclass(frozen=True)
class PendingRow:
    """A pending confirmation as stored (the entry as `nlentry.booking.store.entry_to_json` wrote it)."""

    id: str
    user_id: str
    entry: str
    changing: bool
    expires_at: float


class ServerStorage(Protocol):
    """The server's state; see the module docstring. Implementations are safe to share between threads."""

    #: "sqlite" or "postgresql"
    kind: str
    #: True when several processes on several hosts may share it (rate limits are then kept in it)
    shared: bool

    # --- users -----------------------------------------------------------------------------------

    def add_user(self, user_id: str, *, locale: str | None, now: float) -> bool:
        """Add a user; False when one with that id exists already."""
        ...

    def user(self, user_id: str) -> UserRow | None:
        """The user with its linked identities, or None."""
        ...

    def users(self) -> list[UserRow]:
        """Every user, by id."""
        ...

    def remove_user(self, user_id: str) -> bool:
        """Remove a user with its keys, links, pending confirmations and credentials; False if none."""
        ...

    def set_locale(self, user_id: str, locale: str | None) -> None:
        """The language replies fall back to for this user."""
        ...

    # --- chat links and link codes ---------------------------------------------------------------

    def user_of_identity(self, identity: str) -> str | None:
        """The id of the user a chat identity is linked to, or None."""
        ...

    def link(self, identity: str, user_id: str, *, now: float) -> None:
        """Link (or re-link) a chat identity to a user; the identity's link code is dropped."""
        ...

    def unlink(self, identity: str) -> bool:
        """Remove an identity's link; True if there was one."""
        ...

    def put_link_code(self, code_hash: str, identity: str, *, expires_at: float, now: float) -> None:
        """Store the (hashed) link code of an identity, replacing its earlier one; drops expired codes."""
        ...

    def take_link_code(self, code_hash: str) -> tuple[str, float] | None:
        """Remove a link code and return (identity, expires_at); None when there is no such code."""
        ...

    # --- API keys --------------------------------------------------------------------------------

    def add_key(self, key_id: str, key_hash: str, user_id: str, *, name: str, now: float) -> None:
        """Store a new key's hash."""
        ...

    def key_owner(self, key_hash: str) -> tuple[str, str] | None:
        """(stored hash, user id) of the key with this hash, or None."""
        ...

    def keys(self, user_id: str | None = None) -> list[KeyRow]:
        """The keys, all or one user's, oldest first."""
        ...

    def revoke_key(self, key_id: str) -> bool:
        """Delete the key with this public id; True if there was one."""
        ...

    def admit(self, key_hashes: Sequence[str], *, interval: float,
              burst: float) -> list[tuple[str, str, float] | None]:
        """For each request's key hash: the key and one rate token of its owner, all in one statement
        (one round trip, however many requests): (stored hash, user id, 0.0 when allowed, else the
        seconds to wait, as `take_token` on the database's clock); None for an unknown key (no token is
        taken). Requests of one owner take their tokens in the order given."""
        ...

    async def admit_async(self, key_hashes: Sequence[str], *, interval: float,
                          burst: float) -> list[tuple[str, str, float] | None]:
        """`admit` from the event loop: on PostgreSQL without blocking it (the server's path); on
        server.db the same call (the server counts in memory there and does not use it)."""
        ...

    # --- pending confirmations -------------------------------------------------------------------

    # A chat delivery that takes a confirmation (`by`: its id) marks it taken instead of removing it, so
    # that a retry of that delivery (its first attempt died before answering) gets it again; to every
    # other delivery it is gone. It is removed when it expires.

    def open_pending(self, row: PendingRow, *, now: float) -> PendingRow:
        """Store a new pending confirmation, unless one with its id is stored already (a retried delivery
        opens the one its first attempt opened); returns the one stored. Drops expired ones."""
        ...

    def pending(self, pending_id: str, user_id: str, *, now: float,
                by: str | None = None) -> PendingRow | None:
        """The user's unexpired pending confirmation with this id, not taken (or taken `by`), or None."""
        ...

    def take_pending(self, pending_id: str, user_id: str, *, now: float,
                     by: str | None = None) -> PendingRow | None:
        """Remove and return it (atomically: of two concurrent takes, one gets it); with `by`, mark it
        taken by that delivery instead, and give it again to that delivery only."""
        ...

    def update_pending(self, pending_id: str, entry: str, *, changing: bool, expires_at: float) -> None:
        """Store a changed entry, the Change mark and a new expiry (of one not taken)."""
        ...

    def changing_pending(self, user_id: str, *, now: float, by: str | None = None) -> PendingRow | None:
        """The user's newest unexpired confirmation whose Change button was pressed, not taken (or taken
        `by`), or None."""
        ...

    # --- deliveries, rate limits -----------------------------------------------------------------

    def first_delivery(self, ids: list[str], *, now: float, keep: float) -> bool:
        """Record a chat delivery under each of `ids` for `keep` seconds; False when any was seen before
        (then nothing is recorded). Atomic across processes."""
        ...

    def delivery_notes(self, delivery_id: str) -> dict[str, str]:
        """What the handling of a recorded delivery noted so far (name -> text); {} for none."""
        ...

    def note_delivery(self, delivery_id: str, name: str, value: str) -> str:
        """Note `value` under `name` for a recorded delivery unless something is noted there already;
        returns what is noted (of two concurrent attempts of one delivery, the first's). Atomic across
        processes."""
        ...

    def take_token(self, key: str, *, interval: float, burst: float, now: float | None = None) -> float:
        """One request of `key` by GCRA (one request per `interval` seconds, `burst` at once): 0.0 when
        allowed, else the seconds to wait. `now` None: the database's clock."""
        ...

    # --- provider credentials --------------------------------------------------------------------

    def put_credentials(self, user_id: str, provider: str, values: Mapping[str, str], *, now: float) -> None:
        """Keep secret provider settings (`token`, ...) of a user, merged with those kept before."""
        ...

    def credentials(self, user_id: str) -> dict[str, dict[str, str]]:
        """The user's kept secret provider settings: provider -> name -> value."""
        ...

    # --- plain settings --------------------------------------------------------------------------

    def user_settings(self, user_id: str) -> dict[str, Any]:
        """The user's plain settings, as a config.toml's table (`plain_settings`: no secret in it)."""
        ...

    def update_user_settings(self, user_id: str, changes: Mapping[str, Any], *, now: float) -> None:
        """Merge `changes` into the user's plain settings (`merge_settings`); secrets in them are left out.
        Atomic across processes: two updates of one user never lose each other's keys."""
        ...

    def settings_versions(self, user_ids: Sequence[str] | None = None) -> dict[str, int]:
        """A number per user (all, or those named) that changes whenever its plain settings or its
        credentials change: a process that opened a user's journal sees another's change by it."""
        ...

    # --- journals --------------------------------------------------------------------------------

    def booking(self, user_id: str) -> BookingStorage | None:
        """Where the user's journal keeps its state (outbox, timer, catalog caches, aliases, the `local`
        provider's entries): on PostgreSQL a `PostgresBooking` on this storage's connections; None on
        SQLite, where it is the user's own nlentry.db in its folder."""
        ...

    def due_users(self, *, now: float) -> list[str] | None:
        """The users whose outbox has work for a flusher by `now` (an item pending and due, or one being
        posted), in one statement; None when the storage cannot tell (SQLite: each user's outbox is in
        its own file), and the worker then looks at every user."""
        ...

    # --- plumbing --------------------------------------------------------------------------------

    def prune(self, *, now: float) -> None:
        """Drop what has expired: deliveries, link codes, pending confirmations, full rate buckets."""
        ...

    def ping(self) -> None:
        """Raise `StorageUnavailable` when the database cannot be reached, `SchemaError` when its schema
        is older or newer than this nlentry's."""
        ...

    def close(self) -> None:
        """Close the connection(s)."""
        ...


def plain_settings(data: Mapping[str, Any]) -> dict[str, Any]:
    """A config.toml's table without its secrets: each `[providers.<name>]` keeps only the keys that
    `nlentry.config.is_secret_key` does not call secret (those are credentials, kept apart)."""
    from nlentry.config import is_secret_key

    plain = dict(data)
    providers = data.get("providers")
    if isinstance(providers, Mapping):
        plain["providers"] = {
            name: {k: v for k, v in table.items() if not is_secret_key(k)}
            for name, table in providers.items() if isinstance(table, Mapping)
        }
    return plain


def merge_settings(data: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """`data` with `changes` merged in: tables (`providers`, `providers.<name>`) key by key, other
    values replaced; a None value removes its key. `data` is not changed."""
    merged = dict(data)
    for key, value in changes.items():
        if value is None:
            merged.pop(key, None)
        elif isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = merge_settings(merged[key], value)
        elif isinstance(value, Mapping):
            merged[key] = merge_settings({}, value)
        else:
            merged[key] = value
    return merged


def open_storage(settings: Settings, *, check_schema: bool = True) -> ServerStorage:
    """The storage the settings name: PostgreSQL when `database_url` is set, else `<home>/server.db`.

    `check_schema`: refuse (`SchemaError`) a PostgreSQL schema older or newer than this nlentry's.
    """
    if settings.database_url:
        from nlentry.server.pg import PostgresStorage

        return PostgresStorage(settings.database_url, secret_keys=settings.secret_keys,
                               pool_size=settings.pool_size, check_schema=check_schema)
    from nlentry.server.db import SQLiteStorage

    return SQLiteStorage(settings.database, users_dir=settings.users_dir)
