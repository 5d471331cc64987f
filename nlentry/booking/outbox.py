"""The durable outbox: every entry is committed to the database first, then posted.

Usage::

    from nlentry.booking.outbox import Outbox

    outbox = Outbox(store, providers={"timi": timi})          # or a callable name -> Provider
    key = outbox.submit(entry, "timi")                         # committed, then one try to post
    outbox.item(key).state                                     # 'posted', 'pending' or 'failed'
    report = outbox.flush()                                    # retry what is due now

Life of an item (one row of the `outbox` table)::

    pending --claim--> posting --created/found--> posted
       ^                  |----TransientError / AuthError--> pending (next_attempt_at pushed back)
       |                  '----RejectedError / Unsupported--> failed (the provider's message kept)
       '-- lease expired, or the claiming process is gone (a crash between commit and result)

Guarantees and how they are kept:

- *Nothing lost*: `submit` commits the entry (SQLite: `BEGIN IMMEDIATE` ... `COMMIT`,
  `synchronous=FULL`; PostgreSQL: a committed transaction) before the provider hears of it, so a crash,
  a timeout or a dead network leaves it pending.
- *Nothing doubled*: each item carries an idempotency key (a UUID4) that providers with client-chosen
  ids (local, Tyme, TimeTagger) use as the id, so a repeated create is an update. A create whose
  outcome is unknown (a timeout or a connection lost after sending, or a flusher that died mid-post:
  `TransientError.maybe_received`, the `sending` column) is remembered as *unsettled*, as the version
  that was sent. Before the next post the outbox asks `provider.find_posted(sent, key, exclude=...)`
  for each unsettled version, never accepting a remote entry another item owns; a copy found is
  owned at once (its id recorded), then updated when the entry was amended since, deleted when it
  was undone; versions looked for and not found are forgotten (they never arrived). After an answer
  that stored nothing (429, 5xx, a refused connection) nothing is looked for: the entry is simply
  posted again, so two identical phrases stay two entries. docs/outbox.md has the rules and a state
  diagram.
  Two flushers (threads or processes, on one machine or several) never post the same item at once:
  an item is claimed by an atomic state change (`pending` -> `posting`, `claimed_by`, `claimed_at`: a
  lease) in one transaction that locks the row (`BookingStorage.outbox_change`: on PostgreSQL `SELECT
  ... FOR UPDATE SKIP LOCKED`, so a flusher passes an item another one is claiming instead of waiting),
  and only the claimer posts it (an item just added is claimed by one conditional update instead: if it
  is still pending and was never claimed, nothing of it can be at a provider, and nobody holds it). A
  claim whose holder died is taken over once its lease has expired,
  or at once when the holder was a process on this machine (and in this PID namespace) that no
  longer runs; the new holder looks for what the dead one sent, as for any unsettled version.
- *Changes follow*: the outbox is also the journal of what was logged. `change` (amend) and `remove`
  (undo) commit the new state and set the item pending again; the next post updates or deletes the
  provider's copy (`remote_id`), with the same retries, so a fix made offline is not lost either.
- *Backoff*: transient errors (network, timeout, 5xx, 429) and refused credentials keep the item
  pending; the next try is after `retry_after` when the server said, else after an exponential
  backoff. After such an error the rest of that provider's items wait too, so a 429 storm or a dead
  server costs one request per flush, not one per item.

The outbox keeps these rules in one place for both back ends: it reads and writes through the
`BookingStorage` protocol (`nlentry.booking.storage`), never SQL. The clock and `sleep` are parameters,
so tests run the schedule without waiting.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import json
import os
import socket
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nlentry.booking.store import entry_from_json, entry_to_json
from nlentry.config import redact
from nlentry.model import Entry
from nlentry.providers.base import (
    AuthError,
    Posted,
    Provider,
    ProviderError,
    RejectedError,
    TransientError,
    Unsupported,
)

if TYPE_CHECKING:
    from nlentry.booking.storage import BookingStorage, OutboxRow

__all__ = ["Backoff", "Busy", "FlushReport", "Outbox", "OutboxItem"]

STATES = ("pending", "posting", "posted", "failed")
ProviderSource = Mapping[str, Provider] | Callable[[str], Provider]


class Busy(ProviderError):
    """The item is being posted by another flusher right now: it cannot be changed this instant."""


@dataclass(frozen=True)
class Backoff:
    """When to try again: `base * factor ** (attempts - 1)` seconds, at most `cap`.

    A `retry_after` from the server replaces the computed delay (it is what the server asked for),
    but never below `minimum`, so a `Retry-After: 0` storm cannot turn into a busy loop.
    """

    base: float = 2.0
    factor: float = 2.0
    cap: float = 3600.0
    minimum: float = 0.5

    def delay(self, attempts: int, retry_after: float | None = None) -> float:
        """Seconds to wait after the `attempts`-th failed try."""
        if retry_after is not None:
            return max(self.minimum, float(retry_after))
        return max(self.minimum, min(self.cap, self.base * self.factor ** max(0, attempts - 1)))


@dataclass(frozen=True)
class OutboxItem:
    """One entry in the outbox, as stored."""

    key: str
    provider: str
    entry: Entry
    state: str
    attempts: int
    next_attempt_at: float
    last_error: str | None
    remote_id: str | None
    created_at: float
    updated_at: float
    #: undone by the user: once `posted`, it is gone at the provider too
    deleted: bool = False


@dataclass
class FlushReport:
    """What one `flush` did, by idempotency key."""

    posted: list[str] = field(default_factory=list)
    #: posted earlier (an attempt that seemed to fail had arrived): found, not posted again
    found: list[str] = field(default_factory=list)
    #: (key, error): still pending, will be retried
    retrying: list[tuple[str, str]] = field(default_factory=list)
    #: (key, error): rejected by the provider, kept for the user to fix
    failed: list[tuple[str, str]] = field(default_factory=list)
    #: due, but not tried because their provider had just failed in this flush
    deferred: list[str] = field(default_factory=list)
    #: provider name -> the error that stopped its items in this flush
    blocked: dict[str, str] = field(default_factory=dict)
    #: key -> the item as this flush left it (when nobody changed it meanwhile)
    rows: dict[str, OutboxRow] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        """True when nothing is left pending or failed by this flush."""
        return not (self.retrying or self.failed or self.deferred)

    def merge(self, other: FlushReport) -> None:
        """Add the outcomes of another flush (used by `drain`)."""
        self.posted += other.posted
        self.found += other.found
        self.failed += other.failed
        self.retrying = other.retrying
        self.deferred = other.deferred
        self.blocked = other.blocked


@dataclass(frozen=True)
class _Claim:
    key: str
    provider: str
    entry: Entry
    previous_attempts: int
    token: str
    remote_id: str | None
    deleted: bool
    #: entries sent earlier whose outcome is unknown: they may be at the provider (JSON texts)
    unsettled: tuple[str, ...]
    #: what this claim sends when it creates (None for updates and deletes)
    sending: str | None
    #: the item as claimed
    row: OutboxRow


@functools.cache
def _host() -> str:
    """This machine and PID namespace, in which a pid names one process (containers may share a host
    name, never a kernel boot and PID namespace)."""
    name = socket.gethostname().replace("|", "_")
    try:
        boot = Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
        namespace = os.readlink("/proc/self/ns/pid")
    except OSError:
        return name
    return f"{name}/{boot}/{namespace}"


def _process_gone(claimed_by: str | None) -> bool:
    """True when `claimed_by` names a process on this machine (and PID namespace) that no longer runs."""
    if not claimed_by:
        return True
    host, _, rest = claimed_by.partition("|")
    pid_text, _, _ = rest.partition("|")
    if host != _host() or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # exists but not ours (EPERM)
        return False
    return False


class Outbox:
    """The durable outbox over a `BookingStorage`; see the module docstring.

    Parameters:
        store: the user's booking state (`nlentry.booking.store.Store`, `PostgresBooking`).
        providers: a mapping of provider name to provider, or a callable building one from its name
            (called at most once per name; `close()` closes the providers it built).
        clock: unix time (default: the store's clock).
        sleep: how `drain` waits (tests pass a fake that advances their clock).
        backoff: the retry schedule.
        lease: seconds after which a claim whose holder may have died is taken over.
        on_submit: called with the provider name after an entry is committed (e.g. to refresh a stale
            catalog in the background); its errors are ignored.
    """

    def __init__(
        self,
        store: BookingStorage,
        providers: ProviderSource,
        *,
        clock: Callable[[], float] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        backoff: Backoff | None = None,
        lease: float = 300.0,
        on_submit: Callable[[str], object] | None = None,
    ) -> None:
        self.store = store
        self.clock = clock or store.clock
        self.sleep = sleep
        self.backoff = backoff or Backoff()
        self.lease = lease
        self.on_submit = on_submit
        self._source = providers
        self._built: dict[str, Provider] = {}

    # --- providers -------------------------------------------------------------------------------

    def provider(self, name: str) -> Provider:
        """The provider `name`, from the mapping or built once by the callable."""
        if isinstance(self._source, Mapping):
            try:
                return self._source[name]
            except KeyError:
                raise ProviderError(f"unknown provider {name!r}") from None
        if name not in self._built:
            self._built[name] = self._source(name)
        return self._built[name]

    def close(self) -> None:
        """Close the providers this outbox built (not those handed in as a mapping)."""
        built, self._built = self._built, {}
        for provider in built.values():
            provider.close()

    def __enter__(self) -> Outbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- submit and flush ------------------------------------------------------------------------

    def submit(self, entry: Entry, provider_name: str, *, post: bool = True, key: str | None = None) -> str:
        """Commit `entry` for `provider_name`, then (unless `post=False`) try once to post it.

        Returns the idempotency key. The outcome is in `item(key)`: `posted`, or `pending` (to be
        retried; `last_error` says why) or `failed`. Provider errors are recorded, never raised.
        `key` (a UUID; default: a new one) names the item: when one with that key is there already
        (a request retried after its first attempt committed it), nothing is added.
        """
        return self.save(entry, provider_name, post=post, key=key).key

    def save(self, entry: Entry, provider_name: str, *, post: bool = True,
             key: str | None = None) -> OutboxItem:
        """`submit`, and the item as it stands afterwards.

        A new item is claimed for its post in one statement (`posting` if it is still as it was added,
        pending and never claimed: nothing of it can be at a provider yet), not read and locked first.
        """
        from nlentry.booking.storage import OutboxRow

        key = key or str(uuid.uuid4())
        now = self.clock()
        row = OutboxRow(
            key=key, provider=provider_name, entry=entry_to_json(entry), state="pending", attempts=0,
            next_attempt_at=now, last_error=None, remote_id=None, claimed_by=None, claimed_at=None,
            created_at=now, updated_at=now, day=entry.date.isoformat(), deleted=False, sending=None,
            unsettled=None)
        added = self.store.outbox_add(row)
        if added and self.on_submit is not None:
            with contextlib.suppress(Exception):  # a background refresh must never cost the entry
                self.on_submit(provider_name)
        report = FlushReport()
        claimed = dataclasses.replace(row, state="posting", claimed_by=_token(), claimed_at=self.clock(),
                                      sending=row.entry, attempts=1, updated_at=self.clock())
        if added and post and self.store.outbox_update(key, {
                c: getattr(claimed, c) for c in ("state", "claimed_by", "claimed_at", "sending", "attempts",
                                                 "updated_at")}, when={"state": "pending", "attempts": 0}):
            self._post(_claim_of(claimed), self.clock, report)
        elif post:  # there already (a retried request), or another flusher took it: as `flush` does
            report = self.flush(keys=[key], force=True)
        if key in report.rows:
            return _item(report.rows[key])
        found = self.item(key) if not added or post else _item(row)
        assert found is not None  # committed
        return found

    def flush(
        self,
        *,
        now: float | None = None,
        provider: str | None = None,
        keys: Iterable[str] | None = None,
        force: bool = False,
    ) -> FlushReport:
        """Try to post every item that is due (with `force`, every pending item) and return what happened.

        Parameters:
            now: the time to judge "due" by (default: the clock).
            provider: only this provider's items.
            keys: only these items.
            force: ignore `next_attempt_at` (`nlentry flush` means "now"); claims held by live
                flushers are still respected.
        """
        tick: Callable[[], float] = (lambda: now) if now is not None else self.clock
        report = FlushReport()
        if keys is not None and force and provider is None:  # the claim reads each one: no list first
            due: Iterable[tuple[str, str | None]] = [(key, None) for key in keys]
        else:
            due = self._due(tick(), provider=provider, keys=keys, force=force)
        for key, name in due:
            if name in report.blocked:
                report.deferred.append(key)
                continue
            claim = self._claim(key, tick(), force=force, report=report)
            if claim is not None:
                self._post(claim, tick, report)
        return report

    def drain(self, *, timeout: float, provider: str | None = None) -> FlushReport:
        """Flush, sleep until the next item is due, repeat until none is pending or `timeout` passes."""
        deadline = self.clock() + timeout
        total = FlushReport()
        while True:
            total.merge(self.flush(provider=provider))
            waiting = self._next_due(provider)
            if waiting is None:
                return total
            now = self.clock()
            if now >= deadline:
                return total
            self.sleep(max(0.0, min(waiting, deadline) - now))

    def _due(self, now: float, *, provider: str | None, keys: Iterable[str] | None,
             force: bool) -> list[tuple[str, str]]:
        rows = self.store.outbox_rows(keys=None if keys is None else list(keys), provider=provider,
                                      states=("pending", "posting"), due_by=None if force else now)
        return [(r.key, r.provider) for r in rows
                if r.state == "pending" or self._claim_expired(r.claimed_at, r.claimed_by, now)]

    def _claim_expired(self, claimed_at: float | None, claimed_by: str | None, now: float) -> bool:
        return claimed_at is None or claimed_at <= now - self.lease or _process_gone(claimed_by)

    def _claim(self, key: str, now: float, *, force: bool,
               report: FlushReport | None = None) -> _Claim | None:
        """Take the item for this flusher, atomically; None if it is not (or no longer) claimable, or its
        provider failed earlier in this flush (`report`: then it is deferred)."""
        token = _token()

        def take(row: OutboxRow) -> dict[str, Any] | None:
            if row.state == "pending":
                if not force and row.next_attempt_at > now:
                    return None
            elif row.state != "posting" or not self._claim_expired(row.claimed_at, row.claimed_by, now):
                return None
            if report is not None and row.provider in report.blocked:
                report.deferred.append(key)
                return None
            unsettled = tuple(json.loads(row.unsettled or "[]"))
            if row.sending is not None:  # its last holder died mid-post: that create may have arrived
                unsettled += (row.sending,)
            creates = row.remote_id is None and not row.deleted
            return {"state": "posting", "claimed_by": token, "claimed_at": now,
                    "sending": row.entry if creates else None, "unsettled": _json_list(unsettled),
                    "attempts": row.attempts + 1, "updated_at": now}

        row = self.store.outbox_change(key, take, skip_locked=True)
        if row is None:
            return None
        return _claim_of(row)

    def _post(self, claim: _Claim, tick: Callable[[], float], report: FlushReport) -> None:
        found = stale = False
        try:
            provider = self.provider(claim.provider)
            posted: Posted | None = None
            if claim.remote_id is None and claim.unsettled:
                posted = self._find_unsettled(provider, claim)
                found = posted is not None
                if posted is not None:
                    # the copy found may hold an older version than this one
                    stale = any(s != claim.sending for s in claim.unsettled)
                    claim = self._own(claim, posted.remote_id)
                else:
                    claim = self._forget_unsettled(claim)
            remote_id = claim.remote_id
            if claim.deleted:  # undone: make sure the provider no longer has it
                if remote_id is not None:
                    provider.delete(remote_id)
                posted = Posted(claim.provider, remote_id or "")
            elif remote_id is None:
                posted = provider.create(claim.entry, key=claim.key)
            elif not found or stale:  # amended after it was posted, or the copy found is older
                posted = provider.update(remote_id, claim.entry)
        except (RejectedError, Unsupported) as exc:
            message = redact(exc)
            self._finish(claim, tick(), report, state="failed", error=message)
            report.failed.append((claim.key, message))
        except ProviderError as exc:  # TransientError, AuthError, or a provider that cannot be built
            message = redact(exc)
            retry_after = exc.retry_after if isinstance(exc, TransientError) else None
            attempts = claim.previous_attempts + 1
            now = tick()
            next_at = now + self.backoff.delay(attempts, retry_after)
            self._finish(claim, now, report, state="pending", error=message, next_attempt_at=next_at,
                         maybe_received=isinstance(exc, TransientError) and exc.maybe_received)
            self._hold_provider(claim.provider, next_at)
            report.retrying.append((claim.key, message))
            report.blocked[claim.provider] = message if not isinstance(exc, AuthError) else f"auth: {message}"
        except Exception as exc:
            # a bug in a provider: give the item back (pending, with the error) before it surfaces
            message = redact(f"internal error: {type(exc).__name__}: {exc}")
            now = tick()
            self._finish(claim, now, report, state="pending", error=message, maybe_received=True,
                         next_attempt_at=now + self.backoff.delay(claim.previous_attempts + 1))
            raise
        else:
            assert posted is not None
            self._finish(claim, tick(), report, state="posted", remote_id=posted.remote_id or None)
            (report.found if found else report.posted).append(claim.key)

    def _find_unsettled(self, provider: Provider, claim: _Claim) -> Posted | None:
        """The provider's copy of a version sent earlier with an unknown outcome, or None.

        Matched on each version as it was sent (not a later amend), never on a remote entry that
        another item of the outbox already owns (two identical phrases are two entries).
        """
        owned = self.store.outbox_remote_ids(claim.provider, other_than=claim.key)
        for sent in claim.unsettled:
            posted = provider.find_posted(entry_from_json(sent), claim.key, exclude=owned)
            if posted is not None:
                return posted
        return None

    def _own(self, claim: _Claim, remote_id: str) -> _Claim:
        """The copy found is this item's from now on: recorded before it is updated or deleted.

        Otherwise an update or delete that dies with an unknown outcome (stored, answer lost; or the
        flusher killed) leaves the item without its copy, and the next claim looks again for the
        version first sent, which may then match a twin's copy: two items' copies, one owner, a double.
        """
        self.store.outbox_update(claim.key, {"remote_id": remote_id, "unsettled": None, "sending": None},
                                 when={"state": "posting", "claimed_by": claim.token})
        return dataclasses.replace(claim, remote_id=remote_id, unsettled=(), sending=None)

    def _forget_unsettled(self, claim: _Claim) -> _Claim:
        """The versions looked for and not found never arrived: none is looked for again.

        Otherwise a lost version could later match a twin's copy (the same phrase, its outcome
        unknown too, not yet owned) and take it, leaving this item's own copy behind as a double.
        """
        self.store.outbox_update(claim.key, {"unsettled": None},
                                 when={"state": "posting", "claimed_by": claim.token})
        return dataclasses.replace(claim, unsettled=())

    def _finish(self, claim: _Claim, now: float, report: FlushReport, *, state: str, error: str | None = None,
                next_attempt_at: float | None = None, remote_id: str | None = None,
                maybe_received: bool = False) -> None:
        # Only the holder of the claim writes the outcome; a flusher whose lease was taken over
        # leaves it to the new holder (which looks for what this one sent: see `_claim`).
        if state == "posted":
            unsettled: tuple[str, ...] = ()
        elif maybe_received and claim.sending is not None and claim.sending not in claim.unsettled:
            unsettled = (*claim.unsettled, claim.sending)
        else:
            unsettled = claim.unsettled
        values: dict[str, Any] = {"state": state, "last_error": error, "sending": None,
                                  "unsettled": _json_list(unsettled), "claimed_by": None, "claimed_at": None,
                                  "updated_at": now}
        if next_attempt_at is not None:
            values["next_attempt_at"] = next_attempt_at
        if remote_id is not None:
            values["remote_id"] = remote_id
        if self.store.outbox_update(claim.key, values, when={"state": "posting", "claimed_by": claim.token}):
            written = {"remote_id": claim.remote_id, **values}
            report.rows[claim.key] = dataclasses.replace(claim.row, **written)

    def _hold_provider(self, provider: str, until: float) -> None:
        """After a transient or auth failure, the provider's other pending items wait as long."""
        self.store.outbox_hold(provider, until)

    def _next_due(self, provider: str | None) -> float | None:
        return self.store.outbox_next_due(provider)

    # --- reading and tidying ---------------------------------------------------------------------

    def item(self, key: str) -> OutboxItem | None:
        """One item by idempotency key (or a unique prefix of it), or None."""
        rows = self.store.outbox_rows(keys=[key])
        if not rows and len(key) >= 4:
            rows = self.store.outbox_rows(prefix=key)
            if len(rows) != 1:
                return None
        return _item(rows[0]) if rows else None

    def items(self, states: Iterable[str] = ("pending", "posting", "failed"),
              provider: str | None = None) -> list[OutboxItem]:
        """The items in the given states (default: everything not yet posted), oldest first."""
        wanted = [s for s in states if s in STATES]
        if not wanted:
            return []
        return [_item(r) for r in self.store.outbox_rows(states=wanted, provider=provider)]

    def counts(self) -> dict[str, int]:
        """The number of items in each state."""
        counts = dict.fromkeys(STATES, 0)
        counts.update(self.store.outbox_counts())
        return counts

    def retry(self, key: str) -> bool:
        """Put a failed item back to pending, due now (the user fixed the cause); True if it was failed."""
        item = self.item(key)
        if item is None:
            return False
        now = self.clock()
        return self.store.outbox_update(item.key, {"state": "pending", "next_attempt_at": now,
                                                   "updated_at": now}, when={"state": "failed"})

    def change(self, key: str, entry: Entry, *, post: bool = True) -> OutboxItem:
        """Replace the entry of an item (`nlentry amend`); a posted one is updated at the provider.

        Raises `Busy` while another flusher is posting the item. The new entry is committed first,
        then (unless `post=False`) posted once like `submit`; the outcome is in the returned item.
        """
        item = self._set(key, {"entry": entry_to_json(entry), "day": entry.date.isoformat()}, undo=False)
        if post:
            self.flush(keys=[item.key], force=True)
        return self.item(item.key) or item

    def remove(self, key: str, *, post: bool = True) -> OutboxItem:
        """Undo an item: mark it deleted and (unless `post=False`) delete it at the provider.

        An item that no provider can have seen yet is settled at once, without asking one.
        """
        item = self._set(key, {"deleted": True}, undo=True)
        if post:
            self.flush(keys=[item.key], force=True)
        return self.item(item.key) or item

    def _set(self, key: str, changes: dict[str, Any], *, undo: bool) -> OutboxItem:
        now = self.clock()

        def change(row: OutboxRow) -> dict[str, Any]:
            held = not self._claim_expired(row.claimed_at, row.claimed_by, now)
            if row.state == "posting" and held:
                raise Busy(f"entry {key[:8]} is being posted right now; try again in a moment")
            # no remote copy and nothing sent with an unknown outcome: nothing can exist at the provider
            settled = undo and row.remote_id is None and not row.unsettled and row.sending is None
            return {**changes, "state": "posted" if settled else "pending", "next_attempt_at": now,
                    "last_error": None, "claimed_by": None, "claimed_at": None, "updated_at": now}

        row = self.store.outbox_change(key, change)
        if row is None:
            raise KeyError(key)
        return _item(row)

    def latest(self, provider: str | None = None) -> OutboxItem | None:
        """The newest item not undone (what `undo` and `amend` act on), or None."""
        rows = self.store.outbox_rows(undone=False, provider=provider, order="newest")
        return _item(rows[0]) if rows else None

    def between(self, first: str, last: str, provider: str | None = None) -> list[OutboxItem]:
        """The items not undone whose day lies in [first, last] (ISO dates), by day and time logged."""
        rows = self.store.outbox_rows(undone=False, days=(first, last), provider=provider, order="day")
        return [_item(r) for r in rows]

    def recent_keys(self) -> list[str]:
        """The keys of the items not undone, newest logged first."""
        return self.store.outbox_keys()

    def discard(self, key: str) -> bool:
        """Remove a pending or failed item that the user gave up on; True if one was removed."""
        item = self.item(key)
        if item is None:
            return False
        return self.store.outbox_delete(item.key, states=("pending", "failed"))


def _token() -> str:
    """A new claim's holder: this machine, this process, and a random part of its own."""
    return f"{_host()}|{os.getpid()}|{uuid.uuid4().hex}"


def _claim_of(row: OutboxRow) -> _Claim:
    """The claim of a row that this flusher has just claimed (`posting`, its token in `claimed_by`)."""
    assert row.claimed_by is not None
    return _Claim(row.key, row.provider, entry_from_json(row.entry), row.attempts - 1, row.claimed_by,
                  row.remote_id, row.deleted, tuple(json.loads(row.unsettled or "[]")), row.sending, row)


def _json_list(texts: tuple[str, ...]) -> str | None:
    return json.dumps(list(texts)) if texts else None


def _item(row: OutboxRow) -> OutboxItem:
    return OutboxItem(
        key=row.key, provider=row.provider, entry=entry_from_json(row.entry), state=row.state,
        attempts=row.attempts, next_attempt_at=row.next_attempt_at, last_error=row.last_error,
        remote_id=row.remote_id, created_at=row.created_at, updated_at=row.updated_at, deleted=row.deleted,
    )


def summary_json(item: OutboxItem) -> str:
    """One item as a JSON line (for `nlentry outbox --json`)."""
    return json.dumps({
        "key": item.key, "provider": item.provider, "state": item.state, "attempts": item.attempts,
        "next_attempt_at": item.next_attempt_at, "last_error": item.last_error,
        "remote_id": item.remote_id, "deleted": item.deleted, "entry": item.entry.to_dict(),
    }, ensure_ascii=False)
