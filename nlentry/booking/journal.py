"""A user's time log: read, save, fix, review and time entries. The layer every front end calls.

Usage::

    from nlentry.booking.journal import Journal

    with Journal.open(env) as journal:                       # config and database under NLENTRY_HOME
        entry = journal.read("2 uur overleg aan Webshop")    # parsed against the cached catalog
        journal.doubts(entry)                                # why to ask before saving ([] = none)
        saved = journal.save(entry)                          # committed to the outbox, then posted once
        journal.amend("1 uur")                               # the last entry, changed by a phrase
        journal.undo()                                       # the last entry, removed (at the provider too)
        journal.entries(date(2026, 11, 23), date(2026, 11, 29))
        journal.start(journal.read("aan Webshop"))           # a timer; stop() turns it into an entry

The quick-entry command and the chat bot are thin layers over this class; the library call
`nlentry.parse` is the stage below it. Every change goes through the durable outbox
(`nlentry.booking.outbox`), so an entry the provider did not take is kept and retried, never lost, and an
amend or undo made offline reaches the provider later. The outbox doubles as the journal of what was
logged with nlentry: `ls`, `report`, `undo` and `amend` read it, not the provider, so they work offline
and instantly. Timers are kept in the database too (not at the provider), so they work the same for
every provider.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, timedelta

from nlentry.errors import EntryRefused, InputError, NlentryError
from nlentry.model import Catalog, Entry, Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    import threading
    from typing import Any

    from nlentry.booking.outbox import FlushReport, Outbox, OutboxItem
    from nlentry.booking.storage import BookingStorage
    from nlentry.booking.sync import Syncer, SyncResult
    from nlentry.config import Config
    from nlentry.providers.base import Provider

__all__ = [
    "DEFAULT_CONFIRM_BELOW", "Journal", "JournalError", "Rounding", "Timer", "amended", "stated", "totals",
]

#: below this confidence an entry is confirmed before it is saved (`confirm_below` in config.toml)
DEFAULT_CONFIRM_BELOW = 0.6
#: the database under the data home (`nlentry.booking.store.DB_FILE`: named here too, so that opening a
#: journal imports neither the store nor sqlite3 until it is used)
DB_FILE = "nlentry.db"
_BACKGROUND_JOIN = 15.0  # seconds `close` waits for a background catalog refresh


class JournalError(NlentryError):
    """What the user asked cannot be done: nothing to undo, no timer running, an entry without a length.

    `key` and `values` name the message a front end shows instead, in the user's language
    (`grammars/<code>/messages.toml`); the exception's own text is the English one.
    """

    def __init__(self, message: str, key: str | None = None, /, **values: str) -> None:
        super().__init__(message)
        self.key = key
        self.values = values


class Rounding(Record):
    """Rounding for billing (`round_to = 5|6|10|15` minutes, `rounding = "up"|"nearest"` in config.toml),
    applied to an entry when it is saved; `Rounding()` (`round_to` 0 or absent) changes nothing.

    Called with an entry it returns the entry with its duration rounded (never to 0: at least one step),
    and a time range's end moved to match (its start stays). A `Record` (a frozen value, as a frozen
    dataclass is): defining it imports no `dataclasses`, for every `add` opens a journal."""

    __slots__ = ("minutes", "how")
    minutes: int
    how: str

    def __init__(self, minutes: int = 0, how: str = "up") -> None:
        self._init(minutes, how)

    @classmethod
    def from_config(cls, data: Mapping[str, Any]) -> Rounding:
        """The rounding config.toml asks for; `JournalError` for a value it cannot mean."""
        minutes, how = data.get("round_to", 0), data.get("rounding", "up")
        if isinstance(minutes, bool) or not isinstance(minutes, int) or not 0 <= minutes <= 60:
            raise JournalError(f"round_to in config.toml must be a whole number of minutes (5, 6, 10, 15), "
                               f"not {minutes!r}", "err_round_to", value=repr(minutes))
        if how not in ("up", "nearest"):
            raise JournalError(f"rounding in config.toml must be \"up\" or \"nearest\", not {how!r}",
                               "err_rounding", value=repr(how))
        return cls(minutes, how)

    def seconds(self, seconds: int) -> int:
        """`seconds` rounded to the step: 67 minutes -> 75 (up, 15) or 60 (nearest, 15)."""
        step = self.minutes * 60
        if step <= 0 or seconds <= 0:
            return seconds
        steps = -(-seconds // step) if self.how == "up" else (seconds + step // 2) // step
        return max(1, steps) * step

    def __call__(self, entry: Entry) -> Entry:
        if entry.duration is None or self.seconds(entry.duration) == entry.duration:
            return entry
        duration = self.seconds(entry.duration)
        end = entry.end
        if entry.start is not None and entry.end is not None:
            moved = datetime.combine(entry.date, entry.start) + timedelta(seconds=duration)
            end = moved.time() if moved.date() == entry.date else entry.end
        return entry.replace(duration=duration, end=end)


class Timer(Record):
    """The running timer: what its phrase said and since when (an aware datetime)."""

    __slots__ = ("provider", "entry", "started")
    provider: str
    entry: Entry
    started: datetime

    def __init__(self, provider: str, entry: Entry, started: datetime) -> None:
        self._init(provider, entry, started)

    def elapsed(self, now: datetime) -> int:
        """Seconds since the start (never negative)."""
        return max(0, int((now - self.started).total_seconds()))


class Journal:
    """One user's time log over a database and a provider; see the module docstring.

    Parameters:
        store: the user's booking state (`nlentry.booking.storage`: the SQLite `Store`, or a
            `PostgresBooking` on the server); or the path of a SQLite database file, opened as a `Store`
            on first use (`add --dry-run` reads the catalog's snapshot beside it and never opens it).
        build: makes a provider from its name (the journal closes what it builds).
        provider: the provider new entries go to.
        confirm_below: confidence under which `doubts` asks for confirmation.
        max_age: seconds after which the cached catalog is refreshed (in the background of a save).
    """

    def __init__(self, store: BookingStorage | str | os.PathLike[str], build: Callable[[str], Provider], *,
                 provider: str, confirm_below: float = DEFAULT_CONFIRM_BELOW, max_age: float | None = None,
                 rounding: Rounding | None = None) -> None:
        self.rounding = rounding or Rounding()
        self._store: BookingStorage | None = None
        self._database: str | os.PathLike[str] | None = None
        if isinstance(store, (str, os.PathLike)):
            self._database = store
        else:
            self._store = store
        self.provider = provider
        self.confirm_below = confirm_below
        self._refreshes: list[threading.Thread] = []
        self._max_age = max_age
        self._sync: Syncer | None = None
        self._build = build
        self._outbox: Outbox | None = None
        self._catalog: Catalog | None = None
        self._catalog_read = False

    @classmethod
    def open(cls, env: Mapping[str, str] | None = None, *, provider: str | None = None,
             cfg: Config | None = None, storage: BookingStorage | None = None) -> Journal:
        """The journal of the user whose state lives under `NLENTRY_HOME` (see `nlentry.config`).

        `provider` overrides the configured default; an unknown name raises `JournalError`. `cfg` is
        the user's configuration when the caller has read it already. `storage` keeps the booking
        state elsewhere than the SQLite file under NLENTRY_HOME (the server: a `PostgresBooking`);
        the `local` provider then keeps its catalog and entries there too. The SQLite file is opened
        on first use (see `store`).
        """
        from nlentry import config, providers

        cfg = config.load(env) if cfg is None else cfg
        name = provider or config.default_provider(env, cfg)
        if not providers.exists(name):
            raise JournalError(f"unknown provider {name!r} (available: {', '.join(providers.names())})")

        rounding = Rounding.from_config(cfg.data)
        build = providers.builder(env, cfg)
        if storage is not None:
            build = _local_in(storage, build)
        database = os.path.join(config.data_dir(env), DB_FILE)  # a string: pathlib is no part of a cold add
        return cls(database if storage is None else storage, build, provider=name,
                   confirm_below=cfg.number("confirm_below", DEFAULT_CONFIRM_BELOW),
                   max_age=cfg.number("catalog_max_age", None), rounding=rounding)

    @property
    def store(self) -> BookingStorage:
        """The user's booking state (a SQLite database given by its path is opened now)."""
        if self._store is None:
            from nlentry.booking.store import Store

            assert self._database is not None
            self._store = Store(os.fspath(self._database))
        return self._store

    @property
    def _syncer(self) -> Syncer:
        if self._sync is None:
            from nlentry.booking.sync import DEFAULT_MAX_AGE, Syncer

            max_age = DEFAULT_MAX_AGE if self._max_age is None else self._max_age
            self._sync = Syncer(self.store, self._build, max_age=max_age)
        return self._sync

    @property
    def outbox(self) -> Outbox:
        """The user's outbox (made on first use: reading a phrase does not need it)."""
        if self._outbox is None:
            from nlentry.booking.outbox import Outbox

            self._outbox = Outbox(self.store, self._build, on_submit=self._refresh)
        return self._outbox

    def close(self) -> None:
        """Wait briefly for a background catalog refresh, close the providers and the database."""
        for thread in self._refreshes:
            thread.join(_BACKGROUND_JOIN)
        if self._outbox is not None:
            self._outbox.close()
        if self._store is not None:
            self._store.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reading ---------------------------------------------------------------------------------

    @property
    def catalog(self) -> Catalog | None:
        """The provider's cached catalog with the user's aliases; None until the first sync.

        Before the SQLite database is opened, the snapshot beside it is read when sound, as the store
        itself would (`nlentry.booking.sync.Syncer.cached_catalog`): no sqlite3, no store."""
        if self._refreshes and not any(t.is_alive() for t in self._refreshes):
            self._refreshes.clear()  # a background refresh has finished: read what it stored
            self._catalog_read = False
        if not self._catalog_read:
            found = None
            if self._store is None and self._database is not None:
                from nlentry.catalog.snapshot import read_snapshot, snapshot_file

                found = read_snapshot(snapshot_file(self._database), self.provider)
            self._catalog = self._syncer.cached_catalog(self.provider) if found is None else found[0]
            self._catalog_read = True
            database = self._database or getattr(self.store, "path", None)  # beside it, the index is kept
            if self._catalog is not None and isinstance(database, (str, os.PathLike)) and not str(
                    database).startswith((":memory:", "file:")):
                from nlentry.catalog.cache import cached_index, index_folder  # read, not built, when cached

                cached_index(self._catalog, index_folder(database))
        return self._catalog

    def forget_catalog(self) -> None:
        """Read the catalog again on next use (after a sync or a new alias)."""
        self._catalog_read = False

    def import_catalog(self, catalog: Catalog, *, provider: str | None = None) -> SyncResult:
        """Give a provider that takes one (`local`) this catalog, then cache what it kept, as `nlentry
        catalog import` does, in this journal's storage (the server: the user's, on either back end)."""
        from nlentry import providers

        name = provider or self.provider
        if not hasattr(providers.provider_class(name), "import_catalog"):
            raise JournalError(f"provider {name!r} keeps its own catalog: sync it", "catalog_own",
                               provider=name)
        built = self._build(name)
        try:
            built.import_catalog(catalog)  # type: ignore[attr-defined]
        finally:
            built.close()
        result = self._syncer.sync(name)
        self.forget_catalog()
        return result

    def read(self, text: str, *, now: datetime | None = None, locale: str | None = None) -> Entry:
        """The phrase as an entry, names resolved against the cached catalog (no network)."""
        from nlentry.api import parse

        return parse(text, catalog=self.catalog, now=now, locale=locale)

    def read_all(self, text: str, *, now: datetime | None = None, locale: str | None = None) -> list[Entry]:
        """The phrase as its entries (`maandag en dinsdag 4 uur`: two), as `read` reads each one."""
        from nlentry.several import parse_all

        return parse_all(text, catalog=self.catalog, now=now, locale=locale)

    def doubts(self, entry: Entry) -> list[str]:
        """Why this entry should be confirmed before saving: ambiguous names or a low confidence.

        Each item is a field name with alternatives (`"project"`), or `"confidence"`. Empty: save.
        """
        reasons = [name for name, options in entry.alternatives.items() if options]
        if entry.confidence < self.confirm_below:
            reasons.append("confidence")
        return reasons

    # --- saving and fixing -----------------------------------------------------------------------

    def save(self, entry: Entry, *, provider: str | None = None, post: bool = True,
             key: str | None = None) -> OutboxItem:
        """Commit the entry to the outbox, then (unless `post=False`) post it once.

        Returns the outbox item: `state` is `posted`, or `pending` (kept, retried by `flush`; the
        reason in `last_error`) or `failed` (rejected by the provider, kept for the user to fix).
        Raises `EntryRefused` for an entry that says neither how long nor from when to when. `key`:
        the item's key (a UUID) when the caller derives it (a retried chat delivery); an item with
        that key saved before is returned as it is, and nothing is saved twice.
        """
        bookable(entry)
        entry = self.rounding(entry)
        return self.outbox.save(entry, provider or self.provider, post=post, key=key)

    def save_all(self, entries: list[Entry], *, provider: str | None = None,
                 post: bool = True) -> list[OutboxItem]:
        """Commit every entry to the outbox, then (unless `post=False`) post them once; their items.

        Nothing is committed unless every entry is bookable (`EntryRefused` otherwise): the entries of
        one phrase are saved together or not at all, each as `save` saves one.
        """
        for entry in entries:
            bookable(entry)
        keys = [self.outbox.submit(self.rounding(entry), provider or self.provider, post=False)
                for entry in entries]
        if post:
            self.outbox.flush(keys=keys, force=True)
        items = [self.outbox.item(key) for key in keys]
        return [item for item in items if item is not None]

    def last(self) -> OutboxItem | None:
        """The newest entry logged with this journal's database (any provider) that was not undone."""
        return self.outbox.latest()

    def find(self, key: str) -> OutboxItem | None:
        """An entry by its key (or a unique prefix of at least 4 characters)."""
        return self.outbox.item(key)

    def undo(self, key: str | None = None, *, post: bool = True) -> OutboxItem:
        """Remove the last entry (or the one with `key`): from the outbox, and at the provider if posted."""
        item = self._target(key, "undo")
        return self.outbox.remove(item.key, post=post)

    def amend(self, text: str, *, key: str | None = None, now: datetime | None = None,
              locale: str | None = None, post: bool = True) -> tuple[OutboxItem, OutboxItem]:
        """Change the last entry (or the one with `key`) with what the phrase states; returns (before, after).

        `amend 1 uur` changes the length, `amend gisteren` the day, `amend project Webshop` the project;
        what the phrase does not state stays. See `amended`.
        """
        item = self._target(key, "amend")
        change = self.read(text, now=now, locale=locale)  # the fix may be in another language
        entry = self.rounding(amended(item.entry, change))
        bookable(entry)
        return item, self.outbox.change(item.key, entry, post=post)

    def replace(self, key: str, entry: Entry, *, post: bool = True) -> OutboxItem:
        """Put a whole new entry in place of the one with `key` (a front end's "change" button)."""
        item = self._target(key, "change")
        entry = self.rounding(entry)
        bookable(entry)
        return self.outbox.change(item.key, entry, post=post)

    def _target(self, key: str | None, verb: str) -> OutboxItem:
        item = self.last() if key is None else self.find(key)
        if item is None and key is None:
            raise JournalError(f"nothing to {verb}: no entry logged yet", "err_nothing_to", verb=verb)
        if item is None:
            raise JournalError(f"no entry {key!r} (or the key is ambiguous)", "err_no_entry", key=repr(key))
        if item.deleted:
            raise JournalError(f"entry {item.key[:8]} was undone already", "err_undone_already",
                               key=item.key[:8])
        return item

    def flush(self) -> FlushReport:
        """Retry everything pending now (see `Outbox.flush`)."""
        return self.outbox.flush(force=True)

    def _refresh(self, provider: str) -> None:
        thread = self._syncer.refresh_in_background(provider)
        if thread is not None:
            self._refreshes.append(thread)

    # --- reviewing -------------------------------------------------------------------------------

    def entries(self, first: date, last: date, *, provider: str | None = None) -> list[OutboxItem]:
        """The entries (not undone) dated `first` to `last` inclusive, by day and time logged."""
        return self.outbox.between(first.isoformat(), last.isoformat(), provider)

    def recent_keys(self) -> list[str]:
        """The keys of the entries not undone, newest logged first (`continue N` takes the Nth)."""
        return self.outbox.recent_keys()

    # --- timers ----------------------------------------------------------------------------------

    def resume(self, number: int = 1, *, now: datetime | None = None,
               provider: str | None = None) -> tuple[Timer, OutboxItem | None, OutboxItem]:
        """Start a timer on what the `number`th newest entry was (1: the last): its project, service,
        client, persons, tags and description; returns the timer, a timer it stopped, and that entry."""
        keys = self.recent_keys()
        if number < 1 or number > len(keys):
            raise JournalError(f"no entry number {number} (there are {len(keys)})", "err_no_number",
                               number=str(number), count=str(len(keys)))
        item = self.find(keys[number - 1])
        assert item is not None  # listed just now
        seed = item.entry.replace(start=None, end=None, duration=None, spans=(), warnings=(), alternatives={},
                                  implied=frozenset({"date", "start", "end", "duration"}))
        timer, previous = self.start(seed, now=now, provider=provider or item.provider)
        return timer, previous, item

    def timer(self, *, now: datetime | None = None) -> Timer | None:
        """The running timer, or None."""
        from nlentry.booking.store import entry_from_json

        row = self.store.timer()
        if row is None:
            return None
        started = datetime.fromtimestamp(row.started_at, _moment(now).tzinfo)
        return Timer(row.provider, entry_from_json(row.entry), started)

    def start(self, entry: Entry, *, now: datetime | None = None,
              provider: str | None = None) -> tuple[Timer, OutboxItem | None]:
        """Start a timer with what the phrase said; returns it and the entry of a timer it stopped.

        A start time in the phrase (`om 9 uur`, `at 9`) back-dates the timer; one in the future is
        refused. A timer already running is stopped and saved first, as a person switching tasks means.
        """
        from nlentry.booking.store import entry_to_json

        moment = _moment(now)
        started = moment
        if entry.start is not None and "start" not in entry.implied:
            started = datetime.combine(entry.date, entry.start, moment.tzinfo)
            if started > moment + timedelta(minutes=1):
                when = f"{started:%Y-%m-%d %H:%M}"
                raise JournalError(f"the timer cannot start in the future ({when})", "err_timer_future",
                                   when=when)
        previous = self.stop(now=started) if self.timer(now=moment) is not None else None
        seed = entry.replace(date=started.date(), start=None, end=None, duration=None)
        self.store.set_timer(provider or self.provider, entry_to_json(seed), started.timestamp())
        return Timer(provider or self.provider, seed, started), previous

    def stop(self, text: str | None = None, *, now: datetime | None = None, locale: str | None = None,
             post: bool = True) -> OutboxItem:
        """Stop the timer and save it as an entry; a phrase amends it first (`stop aan Webshop`)."""
        moment = _moment(now)
        timer = self.timer(now=moment)
        if timer is None:
            raise JournalError("no timer is running (start one with 'nlentry start ...')", "err_no_timer")
        entry = timer_entry(timer, moment)
        if text:
            change = self.read(text, now=moment, locale=locale)
            entry = amended(entry, change.replace(implied=change.implied | _TIME_FIELDS))
        self.store.clear_timer()
        return self.save(entry, provider=timer.provider, post=post)

    def cancel(self, *, now: datetime | None = None) -> Timer:
        """Throw the running timer away without saving it."""
        timer = self.timer(now=now)
        if timer is None:
            raise JournalError("no timer is running", "err_no_timer")
        self.store.clear_timer()
        return timer


_TIME_FIELDS = frozenset({"date", "start", "end", "duration"})


def _local_in(storage: BookingStorage, build: Callable[[str], Provider]) -> Callable[[str], Provider]:
    """`build`, but the `local` provider keeps its catalog and entries in `storage`."""
    def build_here(name: str) -> Provider:
        if name == "local":
            from nlentry.providers.local import LocalProvider

            return LocalProvider(storage)
        return build(name)

    return build_here


def _moment(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now().astimezone()
    return now if now.tzinfo is not None else now.astimezone()


def bookable(entry: Entry) -> None:
    """Raise `EntryRefused` unless the entry says how long it took (a duration, or start and end)."""
    if entry.duration is None or entry.duration <= 0:
        raise EntryRefused("the phrase does not say how long: give a duration (2 uur, 1h30) "
                           "or a time range (9-11:30), or start a timer", entry, "err_no_length")


def timer_entry(timer: Timer, now: datetime) -> Entry:
    """The entry a timer stopped at `now` makes: from its start to now, at least one minute."""
    seconds = max(60, round(timer.elapsed(now) / 60) * 60)
    end = timer.started + timedelta(seconds=seconds)
    warnings = timer.entry.warnings
    if end.date() != timer.started.date():
        warnings += ("the timer ran past midnight; the entry is booked on the day it started",)
    return timer.entry.replace(date=timer.started.date(), start=timer.started.time().replace(microsecond=0),
                               end=end.time().replace(second=0, microsecond=0), duration=seconds,
                               warnings=warnings, implied=frozenset())


# --- amending ------------------------------------------------------------------------------------


def stated(entry: Entry) -> frozenset[str]:
    """The fields the phrase itself stated (read from its spans, not defaulted)."""
    fields = {span.field for span in entry.spans}
    if "time" in fields:
        fields |= {"start", "end"}
    if "person" in fields:
        fields.add("persons")
    if "tag" in fields:
        fields.add("tags")
    return frozenset(fields - entry.implied)


def near_miss(entry: Entry, typed: str) -> bool:
    """True if the matcher read `typed` as a name one edit away (it says so: "read 'webshp' as ...")."""
    return any(w.startswith(f"read '{typed}' as ") for w in entry.warnings)


def catalog_name(catalog: Catalog, word: str) -> tuple[str, str, bool] | None:
    """(kind, name, is_alias) of the catalog item that `word` names exactly, by its name or one of its
    aliases (case and accents ignored); None when it names nothing. Such a word is never learned as
    an alias of something else: it would take a name away from what it names now."""
    from nlentry.catalog.index import fold

    wanted = " ".join(fold(word).split())
    for kind, items in (("project", catalog.projects), ("service", catalog.services),
                        ("client", catalog.clients), ("person", catalog.people)):
        for item in items:
            if " ".join(fold(item.name).split()) == wanted:
                return kind, item.name, False
            if any(" ".join(fold(a).split()) == wanted for a in getattr(item, "aliases", ())):
                return kind, item.name, True
    return None


def _own_words(entry: Entry) -> list[str]:
    """The words of the phrase that are neither a recognised part, nor a cue, nor a field word."""
    from nlentry import locales

    locale = locales.get(entry.locale)
    ignore = {w.casefold() for ws in locale.cues.values() for w in ws}
    ignore |= {w.casefold() for w in locale.words.get("field_words", ())}
    ignore |= {w for span in entry.spans for w in span.text.casefold().split()}
    words = (word.strip(".,;:!?\"'()").casefold() for word in entry.description.split())
    return [w for w in words if w and w not in ignore]


def amended(old: Entry, change: Entry) -> Entry:
    """`old` with what the phrase of `change` states: its date, times, names, tags, description.

    A new duration alone keeps the start and moves the end; a new time range replaces start, end and
    duration; a new day keeps the times. The description is replaced only when the phrase has words
    of its own (not just `project Webshop`). Confidence and alternatives are the new phrase's.
    """
    said = stated(change)
    updates: dict[str, Any] = {}
    if "date" in said:
        updates["date"] = change.date
    if said & {"start", "end"}:
        updates.update(start=change.start, end=change.end, duration=change.duration)
    elif "duration" in said and change.duration is not None:
        updates["duration"] = change.duration
        if old.start is not None:
            end = datetime.combine(old.date, old.start) + timedelta(seconds=change.duration)
            updates["end"] = end.time() if end.date() == old.date else None
    for name in ("project", "service", "client"):
        if name in said:
            updates[name] = getattr(change, name)
    if "project" in said and "client" not in said:
        updates["client"] = change.client
    if "persons" in said:
        updates["persons"] = change.persons
    if "tags" in said:
        updates["tags"] = change.tags
    if _own_words(change):
        updates["description"] = change.description
    if not updates:
        raise InputError(f"nothing to change: '{change.text}' states no date, time, length, name or text",
                         "err_nothing_to_change", text=change.text)
    confidence = min(old.confidence, change.confidence) if said else old.confidence
    return old.replace(**updates, confidence=confidence, alternatives=dict(change.alternatives),
                       warnings=change.warnings, implied=old.implied - said)


# --- totals --------------------------------------------------------------------------------------


def _keys(entry: Entry, by: str) -> list[str]:
    if by == "project":
        ref = entry.project or entry.client
        return [ref.name if ref is not None else ""]
    if by == "client":
        return [entry.client.name if entry.client is not None else ""]
    if by == "service":
        return [entry.service.name if entry.service is not None else ""]
    if by == "person":
        return [p.name for p in entry.persons] or [""]
    if by == "day":
        return [entry.date.isoformat()]
    raise ValueError(f"cannot total by {by!r} (project, service, client, person or day)")


def totals(entries: Iterable[Entry], by: str) -> list[tuple[str, int, int]]:
    """(name, seconds, entries) per project, service, client, person or day; "" for none; largest first.

    By person, an entry with two persons counts for each of them (the persons' totals overlap).
    """
    seconds: dict[str, int] = {}
    counts: dict[str, int] = {}
    for entry in entries:
        for key in _keys(entry, by):
            seconds[key] = seconds.get(key, 0) + (entry.duration or 0)
            counts[key] = counts.get(key, 0) + 1
    rows = [(k, seconds[k], counts[k]) for k in seconds]
    if by == "day":
        return sorted(rows)
    return sorted(rows, key=lambda r: (-r[1], r[0] == "", r[0].casefold()))

