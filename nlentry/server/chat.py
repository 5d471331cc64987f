"""The conversation of the chat bot, the same for Slack and Telegram: message in, `Reply` out.

Usage::

    chat = Chat(settings, users, confirmations, limiter)
    reply = chat.message("slack:T1:U2", "2 uur aan Timi en Webshop")   # preview + buttons
    reply = chat.action("slack:T1:U2", "pick", reply.buttons[0][1].value)  # the user picked Webshop
    if reply.followup is not None:
        final = reply.followup()            # post to the provider (after answering), final state

The flow: a message is read with the user's journal (`journal.read`, offline, against the cached
catalog). When the journal has doubts (a name with alternatives, a low confidence), or the confidence
is below `auto_confirm`, the entry waits in `Confirmations` and the reply shows it with Confirm /
Change / Cancel, and the alternatives as buttons. Confirm (or picking an alternative that settles the
last doubt) *commits* the entry to the user's outbox at once (`journal.save(post=False)`), and the
reply's `followup` posts it: the Slack endpoint runs it after answering, so a slow provider never
delays the answer; its reply says `posted`, or `queued` when the provider is down (the entry stays in
the outbox and the server's worker sends it later). Change makes the next message amend the waiting
entry (`nlentry.booking.journal.amended`). `undo` undoes the user's last entry. An unknown chat identity gets
a one-time link code. Replies are in the phrase's language, else the user's setting, else the server's.
Given the chat delivery a message or click came in (`nlentry.server.deliveries`), each step is one that a
retry of the delivery repeats to the same outcome: nothing is booked or undone twice.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from nlentry.config import redact
from nlentry.errors import EntryRefused, InputError, NlentryError
from nlentry.messages import messages_for
from nlentry.model import Alternative, Catalog, Entry, Ref
from nlentry.render import reason, summary
from nlentry.server.deliveries import Delivery, derived_key
from nlentry.server.limits import RateLimiter
from nlentry.server.pending import Confirmations, Pending
from nlentry.server.replies import Button, Reply, command_of, texts_for
from nlentry.server.settings import Settings
from nlentry.server.users import User, Users

if TYPE_CHECKING:
    from nlentry.booking.journal import Journal
    from nlentry.booking.outbox import OutboxItem

__all__ = ["Chat", "choices", "pick"]

log = logging.getLogger("nlentry.server")

_PICKABLE = ("project", "service", "client", "persons")


def choices(entry: Entry) -> list[tuple[str, Ref | Alternative]]:
    """The buttons of an ambiguous entry, in order: per field the current reading, then its alternatives."""
    found: list[tuple[str, Ref | Alternative]] = []
    for name in _PICKABLE:
        alternatives = entry.alternatives.get(name, ())
        if not alternatives:
            continue
        current = getattr(entry, name)
        if name == "persons":
            current = entry.persons[-1] if entry.persons else None
        if current is not None:
            found.append((name, current))
        found += [(name, alt) for alt in alternatives]
    return found


def pick(entry: Entry, name: str, chosen: Ref | Alternative, catalog: Catalog | None) -> Entry:
    """`entry` with the user's choice for field `name`: that field settled, the rest as it was.

    A chosen project brings its client (from the catalog); a chosen person replaces the person it was
    confused with (one sharing a name or alias, else the last one named).
    """
    ref = Ref(chosen.id, chosen.name)
    changes: dict[str, object] = {}
    if name == "persons":
        persons = list(entry.persons)
        at = _confused_person(persons, ref, catalog)
        if at is None:
            persons.append(ref)
        else:
            persons[at] = ref
        changes["persons"] = tuple(dict.fromkeys(persons))
    else:
        changes[name] = ref
        if name == "project" and catalog is not None:
            client = catalog.client_of(ref.id)
            changes["client"] = Ref(client.id, client.name) if client is not None else entry.client
    alternatives = {k: v for k, v in entry.alternatives.items() if k != name}
    confidence = entry.confidence if alternatives else max(entry.confidence, 1.0)
    return entry.replace(**changes, alternatives=alternatives, confidence=confidence)


def _confused_person(persons: list[Ref], chosen: Ref, catalog: Catalog | None) -> int | None:
    if not persons:
        return None
    if catalog is not None:

        def names(ref: Ref) -> set[str]:
            person = catalog.item("person", ref.id)
            return {n.casefold() for n in ((ref.name, *person.aliases) if person else (ref.name,))}

        wanted = names(chosen)
        for i, person in enumerate(persons):
            if names(person) & wanted:
                return i
    return len(persons) - 1


class Chat:
    """The conversation; see the module docstring.

    Parameters:
        settings: the server's settings (auto_confirm, fallback locale, link code lifetime).
        users: the users, their links and journals.
        confirmations: the entries awaiting an answer.
        limiter: the per-user rate limit.
        now: the current time for reading phrases (default: the real one).
    """

    def __init__(
        self,
        settings: Settings,
        users: Users,
        confirmations: Confirmations,
        limiter: RateLimiter,
        *,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self.settings = settings
        self.users = users
        self.confirmations = confirmations
        self.limiter = limiter
        self.now = now

    # --- entry points ----------------------------------------------------------------------------

    def message(self, who: str, text: str, *, hint: str | None = None,
                delivery: Delivery | None = None) -> Reply:
        """Answer a message from the chat identity `who`; `hint` is the chat's idea of its language.
        `delivery`: the chat delivery it came in, under which a retry finds what this did."""
        user = self.users.user_of(who)
        if user is None:
            return self._not_linked(who, text, hint)
        limited = self._limited(user, hint, delivery)
        if limited is not None:
            return limited
        command = command_of(text)
        locale = command[1] if command else None
        if command is not None and command[0] == "undo":
            return self._undo(user, None, self._locale(user, locale), delivery)
        if command is not None or not text.strip():
            return Reply((texts_for(self._locale(user, locale)).text("help"),), self._locale(user, locale))
        journal = self.users.journal(user.id)
        changing = self.confirmations.changing(user.id, by=_by(delivery))
        try:
            if changing is not None:
                from nlentry.booking.journal import amended

                entry = amended(changing.entry, journal.read(text, now=self._now()))
            else:
                entries = journal.read_all(text, now=self._now())
                if len(entries) > 1:  # one confirmation holds one entry: never save part of a phrase
                    return self._say(entries[0].locale, "several", count=len(entries))
                entry = entries[0]
        except InputError as exc:
            return self._refused(self._locale(user, None), "unreadable", exc)
        except EntryRefused as exc:  # read, but not an entry (e.g. 30 hours): a reply, never an HTTP error
            return self._refused(exc.entry.locale, "refused", exc)
        return self._offer(user, journal, entry, changing, delivery)

    def action(self, who: str, action: str, value: str, *, delivery: Delivery | None = None) -> Reply:
        """Answer a button: `confirm`, `change`, `cancel` (value: the confirmation id), `pick`
        (`id:n`, n the index into `choices`) or `undo` (value: the entry's key). `delivery`: the chat
        delivery it came in, under which a retry finds what this did.

        An entry confirmed (or settled by a pick) is saved under a key derived from its confirmation:
        however often the click comes, it is booked once."""
        user = self.users.user_of(who)
        if user is None:
            return self._not_linked(who, "", None)
        limited = self._limited(user, None, delivery)
        if limited is not None:
            return limited
        pending_id, _, index = value.partition(":")
        by = _by(delivery)
        if action == "undo":
            return self._undo(user, value, self._locale(user, None), delivery)
        if action in ("confirm", "cancel"):
            journal = self.users.journal(user.id)
            if action == "confirm" and delivery is not None and not delivery.first and pending_id:
                done = journal.find(derived_key(user.id, "confirmed", pending_id))
                if done is not None:  # saved by this click's first attempt (the confirmation gone since)
                    return self._save(user, journal, done.entry, key=done.key)
            taken = self.confirmations.take(pending_id, user.id, by=by)
            if taken is None:
                return self._say(self._locale(user, None), "expired")
            if action == "cancel":
                return self._say(taken.entry.locale, "cancelled")
            return self._save(user, journal, taken.entry, key=derived_key(user.id, "confirmed", taken.id))
        pending = self.confirmations.get(pending_id, user.id, by=by)
        if pending is None:
            return self._say(self._locale(user, None), "expired")
        if action == "change":
            self.confirmations.update(pending, pending.entry, changing=True)
            return self._say(pending.entry.locale, "change_prompt")
        if action == "pick":
            options = choices(pending.entry)
            if not index.isdigit() or int(index) >= len(options):
                return self._say(pending.entry.locale, "expired")
            name, chosen = options[int(index)]
            journal = self.users.journal(user.id)
            entry = pick(pending.entry, name, chosen, journal.catalog)
            if journal.doubts(entry):
                return self._preview(self.confirmations.update(pending, entry))
            if self.confirmations.take(pending.id, user.id, by=by) is None:
                return self._say(entry.locale, "expired")
            return self._save(user, journal, entry, key=derived_key(user.id, "confirmed", pending.id))
        return self._say(self._locale(user, None), "expired")

    # --- steps -----------------------------------------------------------------------------------

    def _offer(self, user: User, journal: Journal, entry: Entry, changing: Pending | None,
               delivery: Delivery | None) -> Reply:
        from nlentry.booking.journal import bookable

        try:
            bookable(entry)
        except EntryRefused as exc:
            return self._refused(entry.locale, "refused", exc)
        if not journal.doubts(entry) and entry.confidence >= self.settings.auto_confirm:
            if changing is not None:
                self.confirmations.take(changing.id, user.id, by=_by(delivery))
            return self._save(user, journal, entry,
                              key=delivery.key(user.id, "save") if delivery is not None else None)
        if changing is not None:
            return self._preview(self.confirmations.update(changing, entry))
        opened = delivery.key(user.id, "pending") if delivery is not None else None
        return self._preview(self.confirmations.open(user.id, entry, pending_id=opened))

    def _preview(self, pending: Pending) -> Reply:
        entry = pending.entry
        say = texts_for(entry.locale)
        lines = [summary(entry)]
        rows: list[tuple[Button, ...]] = []
        options = choices(entry)
        for name in dict.fromkeys(n for n, _ in options):
            lines.append(say.question(name))
            rows.append(
                tuple(
                    Button("pick", o.name, f"{pending.id}:{i}")
                    for i, (n, o) in enumerate(options)
                    if n == name
                )
            )
        if not options:
            lines.append(say.text("unsure") if entry.confidence < 1.0 else say.text("preview"))
        rows.append(
            (
                Button("confirm", say.button("confirm"), pending.id, "primary"),
                Button("change", say.button("change"), pending.id),
                Button("cancel", say.button("cancel"), pending.id, "danger"),
            )
        )
        return Reply(tuple(lines), entry.locale, tuple(rows))

    def _save(self, user: User, journal: Journal, entry: Entry, *, key: str | None = None) -> Reply:
        """Commit now (nothing lost from here on); posting is the reply's followup. `key`: the entry's
        key when it is derived (an entry saved under it before is the one answered about)."""
        try:
            item = journal.save(entry, post=False, key=key)
        except EntryRefused as exc:
            return self._refused(entry.locale, "refused", exc)
        say = texts_for(entry.locale)
        undo = ((Button("undo", say.button("undo"), item.key, "danger"),),)
        first = Reply(
            (summary(entry), say.text("saving", provider=item.provider)),
            entry.locale,
            undo,
            followup=lambda: self._posted(journal, item.key, entry.locale, undo),
        )
        return first

    def _posted(self, journal: Journal, key: str, locale: str, undo: tuple[tuple[Button, ...], ...]) -> Reply:
        """Post the committed entry once; the reply says posted, queued or failed."""
        journal.outbox.flush(keys=[key], force=True)
        item = journal.find(key)
        assert item is not None  # committed before
        return Reply((summary(item.entry), _state_text(item, locale)), locale, undo)

    def _undo(self, user: User, key: str | None, locale: str, delivery: Delivery | None) -> Reply:
        """Undo the entry `key` (None: the last one). In a delivery, the entry is noted before it is
        undone: a retry undoes that one (once), not the one that is the last after it."""
        from nlentry.booking.journal import JournalError
        from nlentry.booking.outbox import Busy

        journal = self.users.journal(user.id)
        try:
            if delivery is not None:
                last = journal.last() if key is None else None
                target = key or (last.key if last is not None else None)
                key = delivery.note("undo", target) if target is not None else None
                earlier = journal.find(key) if key is not None and not delivery.first else None
                # undone by the first attempt of this delivery: answer as it did
                item = earlier if earlier is not None and earlier.deleted else journal.undo(key, post=False)
            else:
                item = journal.undo(key, post=False)
        except JournalError:
            return self._say(locale, "nothing_to_undo")
        except Busy:
            return self._say(locale, "busy")
        say = texts_for(locale)
        done = say.text("undone", summary=summary(item.entry))

        def post() -> Reply:
            journal.outbox.flush(keys=[item.key], force=True)
            after = journal.find(item.key)
            if after is not None and after.state != "posted":
                return Reply((done, say.text("undo_queued", provider=after.provider)), locale)
            return Reply((done,), locale)

        return Reply((done,), locale, followup=post)

    # --- helpers ---------------------------------------------------------------------------------

    def _not_linked(self, who: str, text: str, hint: str | None) -> Reply:
        from nlentry import locales

        limited = self.limiter.check(f"link:{who}")
        locale = locales.detect(text, default=self._fallback(hint)) if text.strip() else self._fallback(hint)
        if limited:
            return self._say(locale, "rate_limited", seconds=math.ceil(limited))
        code = self.users.link_code(who)
        log.info("link code issued for an unlinked %s user", who.partition(":")[0])
        return self._say(locale, "not_linked", code=code, minutes=math.ceil(self.settings.link_code_ttl / 60))

    def _limited(self, user: User, hint: str | None, delivery: Delivery | None) -> Reply | None:
        if delivery is not None and not delivery.first:  # a retry: its first attempt was counted
            return None
        wait = self.limiter.check(user.id)
        if not wait:
            return None
        return self._say(self._locale(user, hint), "rate_limited", seconds=math.ceil(wait))

    def _fallback(self, hint: str | None) -> str:
        return texts_for(hint).code if hint else texts_for(self.settings.locale).code

    def _locale(self, user: User, said: str | None) -> str:
        return said or user.locale or self.settings.locale

    def _refused(self, locale: str, name: str, error: NlentryError) -> Reply:
        """Why a phrase gives no entry, all of it in the user's language (frame and reason)."""
        return self._say(locale, name, error=redact(reason(error, messages_for(locale))))

    def _say(self, locale: str, name: str, **values: object) -> Reply:
        return Reply((texts_for(locale).text(name, **values),), locale)

    def _now(self) -> datetime | None:
        return self.now() if self.now is not None else None


def _by(delivery: Delivery | None) -> str | None:
    """The id a delivery takes confirmations by (None outside a delivery: they are removed)."""
    return delivery.id if delivery is not None else None


def _state_text(item: OutboxItem, locale: str) -> str:
    say = texts_for(locale)
    if item.state == "posted":
        return say.text("posted", provider=item.provider)
    if item.state == "failed":
        return say.text("failed", provider=item.provider, error=redact(item.last_error or ""))
    return say.text("queued", provider=item.provider)
