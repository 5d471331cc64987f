"""One chat delivery (a Slack slash command or button click, a Telegram update) and what its handling noted,
so that a retried delivery comes to the outcome of its first attempt and never books twice.

Usage (by the Slack and Telegram routes)::

    delivery = Delivery.begin(db, ["slack-sig:...", "slack-trigger:T1"], now=time.time(), keep=600)
    if delivery.reply is not None:        # an earlier attempt composed its answer: send that again
        ...
    reply = chat.message(who, text, delivery=delivery)
    delivery.answered(reply)              # noted for a retry still to come

Slack and Telegram send a delivery again when they had no answer in time (Slack: `X-Slack-Retry-Num`
and the same `trigger_id`; Telegram: the same `update_id`), and the retry may land on another process
than the first attempt, which may have died after recording the delivery and before answering. A retry
of a delivery whose answer was noted gets that answer again. Any other runs the handler again, and each
step of it that changes something is idempotent under the delivery (`nlentry.server.chat`): the
confirmation it opens has an id derived from the delivery's (`key`), the entry it saves a key derived
from the delivery's (a Confirm: from the confirmation's, so that a double click books once too), a
confirmation it takes is marked as taken by it (`ServerStorage.take_pending(by=...)`), and the entry an
`undo` undoes is noted before it is undone. Two attempts running at once (a retry while the first is
still slow) come to the same outcome the same way.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field

from nlentry.server.replies import Button, Reply
from nlentry.server.storage import ServerStorage

__all__ = ["Delivery", "derived_key"]

_NAMESPACE = uuid.UUID("5d1f2b7e-4c1a-4a8e-9a51-6e3c1f0b9d27")  # nlentry's: the keys it derives


def derived_key(user_id: str, *parts: str) -> str:
    """A UUID that is the same whenever it is derived from the same user and parts (a delivery id, a
    confirmation id): an outbox key or a confirmation id that a retry finds again."""
    return str(uuid.uuid5(_NAMESPACE, "\n".join((user_id, *parts))))


@dataclass
class Delivery:
    """A recorded chat delivery; see the module docstring.

    Attributes:
        id: the id its outcome is noted under (the Slack trigger or signature, the Telegram update).
        first: no attempt of it was recorded before this one.
        notes: what earlier attempts noted (name -> text).
    """

    db: ServerStorage
    id: str
    first: bool
    notes: dict[str, str] = field(default_factory=dict)

    @classmethod
    def begin(cls, db: ServerStorage, ids: list[str], *, now: float, keep: float) -> Delivery:
        """Record the delivery under each of `ids` for `keep` seconds (the last one, the most lasting,
        is its id); a delivery recorded before comes with its notes."""
        first = db.first_delivery(ids, now=now, keep=keep)
        return cls(db, ids[-1], first, {} if first else db.delivery_notes(ids[-1]))

    def key(self, user_id: str, what: str) -> str:
        """The key of what this delivery makes for the user (`pending`: a confirmation, `save`: an entry)."""
        return derived_key(user_id, self.id, what)

    def note(self, name: str, value: str) -> str:
        """Note `value` under `name` unless an attempt of this delivery noted something there already;
        returns what is noted, which the attempt then goes on with."""
        self.notes[name] = self.db.note_delivery(self.id, name, value)
        return self.notes[name]

    @property
    def reply(self) -> Reply | None:
        """The answer an earlier attempt composed (None: none did, or it died first)."""
        text = self.notes.get("reply")
        if text is None:
            return None
        data = json.loads(text)
        rows = tuple(tuple(Button(*b) for b in row) for row in data["buttons"])
        return Reply(tuple(data["lines"]), data["locale"], rows)

    def answered(self, reply: Reply) -> None:
        """Note the composed answer (its final state, without followup) for a retry still to come."""
        rows = [[[b.action, b.label, b.value, b.style] for b in row] for row in reply.buttons]
        self.note("reply", json.dumps({"lines": list(reply.lines), "locale": reply.locale, "buttons": rows},
                                      ensure_ascii=False))
