"""Why a phrase was refused, in the user's language, on every chat and in the JSON API (issues 10, 12):
the frame of the reply and the reason after it come from the same locale's messages."""

from __future__ import annotations

import itertools
import json
from typing import Any

import pytest
from conftest import Server

pytestmark = pytest.mark.anyio

_UPDATES = itertools.count(9000)

#: phrase -> (alice's Dutch reply, bob's English reply); bob has no language of his own
REFUSED = {
    "30 uur overleg": ("Geen boeking gemaakt: een boeking van 30 uur is langer dan 24 uur",
                       "No entry made: an entry of 30 hours is longer than 24 hours"),
    "31-12-9999 23:00 2 uur": ("Dat kon ik niet lezen: een datum of duur in de tekst valt buiten het bereik",
                               "I could not read that: a date or duration in the text is out of range"),
    "x" * 5000: ("Dat kon ik niet lezen: de tekst is 5000 tekens lang; de grens is 2000",
                 "I could not read that: the text is 5000 characters long; the limit is 2000"),
    "2 uur \x00 overleg": ("Dat kon ik niet lezen: de tekst bevat stuurtekens",
                           "I could not read that: the text contains control characters"),
}


def _update(text: str, user: int) -> dict[str, Any]:
    sender = {"id": user, "is_bot": False, "first_name": "A"}
    return {"update_id": next(_UPDATES),
            "message": {"message_id": 1, "from": sender, "chat": {"id": user, "type": "private"}, "date": 0,
                        "text": text}}


def _link_both(server: Server) -> None:
    """alice (Dutch) and bob (no language: the server's, English) on Slack and on Telegram."""
    for user, account in (("alice", "slack:T1:U1"), ("bob", "slack:T1:U2"), ("alice", "telegram:42"),
                          ("bob", "telegram:43")):
        server.state.users.link(user, account)


async def _reply(server: Server, chat: str, text: str, user: str) -> str:
    """The text of the chat reply to `text` from `user` (alice or bob), answered with HTTP 200."""
    if chat == "slack":
        r = await server.slack_command(text, user={"alice": "U1", "bob": "U2"}[user])
    else:
        r = await server.telegram(_update(text, {"alice": 42, "bob": 43}[user]))
    assert r.status_code == 200, r.text
    return str(r.json()["text"])


@pytest.mark.parametrize("chat", ["slack", "telegram"])
@pytest.mark.parametrize("text", list(REFUSED))
async def test_a_refused_phrase_is_answered_wholly_in_the_users_language(
        server: Server, chat: str, text: str) -> None:
    _link_both(server)
    dutch, english = REFUSED[text]
    assert await _reply(server, chat, text, "alice") == dutch
    if text != "30 uur overleg":  # a Dutch phrase is answered in Dutch whoever sends it
        assert await _reply(server, chat, text, "bob") == english


async def test_an_english_phrase_is_refused_in_english_even_for_a_dutch_user(server: Server) -> None:
    _link_both(server)
    for chat in ("slack", "telegram"):
        reply = await _reply(server, chat, "30 hours meeting", "alice")
        assert reply == "No entry made: an entry of 30 hours is longer than 24 hours"


@pytest.mark.parametrize(
    ("body", "error", "dutch", "english"),
    [
        ({"text": "30 uur overleg"}, "refused", "een boeking van 30 uur is langer dan 24 uur",
         "an entry of 30 hours is longer than 24 hours"),
        ({"text": "31-12-9999 23:00 2 uur"}, "unreadable",
         "een datum of duur in de tekst valt buiten het bereik",
         "a date or duration in the text is out of range"),
    ],
)
async def test_a_422_of_the_api_speaks_the_users_language(
        server: Server, body: dict[str, str], error: str, dutch: str, english: str) -> None:
    for user, message in (("alice", dutch), ("bob", english)):
        r = await server.client.post("/v1/entries", content=json.dumps(body).encode(),
                                     headers={**server.auth(user), "Content-Type": "application/json"})
        assert r.status_code == 422, r.text
        if body["text"] == "30 uur overleg":
            message = dutch  # the phrase's language comes first
        assert r.json() == {"error": error, "message": message}


@pytest.mark.parametrize("chat", ["slack", "telegram"])
async def test_an_empty_message_is_answered_with_the_help_in_the_users_language(
        server: Server, chat: str) -> None:
    from nlentry.server.replies import texts_for

    _link_both(server)
    assert await _reply(server, chat, "   ", "alice") == texts_for("nl").text("help")
    assert await _reply(server, chat, "   ", "bob") == texts_for("en").text("help")
    assert texts_for("nl").text("help") != texts_for("en").text("help")
