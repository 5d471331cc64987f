"""Telegram: the secret token, and the same flow with an inline keyboard, answered in the webhook response."""

from __future__ import annotations

import itertools
import json
import re
from typing import Any

import pytest
from conftest import NOW, TELEGRAM_SECRET, Server, count

pytestmark = pytest.mark.anyio

#: Telegram numbers its updates in sequence; a redelivery carries the same number
UPDATE_IDS = itertools.count(1)


def message(text: str, user: int = 42, language: str | None = None) -> dict[str, Any]:
    sender: dict[str, Any] = {"id": user, "is_bot": False, "first_name": "A"}
    if language:
        sender["language_code"] = language
    return {
        "update_id": next(UPDATE_IDS),
        "message": {
            "message_id": 10,
            "from": sender,
            "chat": {"id": user, "type": "private"},
            "date": 0,
            "text": text,
        },
    }


def click(data: str, user: int = 42) -> dict[str, Any]:
    return {
        "update_id": next(UPDATE_IDS),
        "callback_query": {
            "id": "cb1",
            "from": {"id": user, "is_bot": False},
            "message": {"message_id": 11, "chat": {"id": user}},
            "data": data,
        },
    }


def keys(answer: dict[str, Any]) -> dict[str, str]:
    """Button label -> callback_data."""
    return {b["text"]: b["callback_data"] for row in answer["reply_markup"]["inline_keyboard"] for b in row}


@pytest.mark.parametrize("secret", ["", "wrong", "tg-secret-token-4242-abcdeF"])
async def test_wrong_or_missing_secret_is_refused(server: Server, secret: str) -> None:
    r = await server.telegram(message("2 uur overleg"), secret=secret)
    assert r.status_code == 401


async def test_unlinked_user_gets_a_code_in_their_language(server: Server) -> None:
    answer = (await server.telegram(message("hello", user=99, language="nl"))).json()
    assert answer["method"] == "sendMessage" and answer["chat_id"] == 99
    assert "Ik ken je nog niet" in answer["text"]
    code = re.search(r"[A-Z2-9]{4}-[A-Z2-9]{4}", answer["text"]).group()
    assert server.state.users.redeem("bob", code) == "telegram:99"


async def test_message_then_confirm_button(server: Server) -> None:
    server.state.users.link("alice", "telegram:42")
    answer = (await server.telegram(message("gisteren van 9 tot half 11 overleg met Rowan"))).json()
    assert answer["method"] == "sendMessage" and "09:00–10:30" in answer["text"]
    buttons = keys(answer)
    assert list(buttons) == ["Bevestig", "Wijzig", "Annuleer"]
    assert all(len(d.encode()) <= 64 for d in buttons.values())
    done = (await server.telegram(click(buttons["Bevestig"]))).json()
    assert done["method"] == "editMessageText" and done["message_id"] == 11 and done["chat_id"] == 42
    assert "Opgeslagen in local." in done["text"]  # Telegram waits: posted before the answer
    (item,) = server.journal("alice").entries(NOW.date().replace(day=17), NOW.date().replace(day=17))
    assert item.entry.duration == 5400 and item.state == "posted"
    assert "Ongedaan maken" in keys(done)
    undone = (await server.telegram(click(keys(done)["Ongedaan maken"]))).json()
    assert undone["text"].startswith("Ongedaan gemaakt")


async def test_ambiguous_pick_over_telegram(server: Server) -> None:
    server.state.users.link("bob", "telegram:43")
    answer = (await server.telegram(message("2 hours on Timi and Webshop", user=43))).json()
    assert "Which project did you mean?" in answer["text"]
    done = (await server.telegram(click(keys(answer)["Webshop"], user=43))).json()
    assert "Saved in flaky." in done["text"]
    (item,) = server.journal("bob").entries(NOW.date(), NOW.date())
    assert item.entry.project.name == "Webshop"


async def test_undo_command_and_help(server: Server) -> None:
    server.state.users.link("alice", "telegram:42")
    assert "niets om ongedaan" in (await server.telegram(message("/ongedaan"))).json()["text"]
    assert "Tell me what you did" in (await server.telegram(message("/start"))).json()["text"]


def command(text: str) -> dict[str, Any]:
    """A message that opens with a bot command, marked the way Telegram marks it."""
    update = message(text)
    update["message"]["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return update


@pytest.mark.parametrize("text", ["/log 2 uur overleg met Rowan", "/log@nlentry_bot 2 uur overleg met Rowan",
                                  "/uren 2 uur overleg met Rowan"])
async def test_a_bot_command_before_a_phrase_is_not_part_of_it(server: Server, text: str) -> None:
    server.state.users.link("alice", "telegram:42")
    answer = (await server.telegram(command(text))).json()
    assert answer["text"].endswith("Zo opslaan?")  # sure: nothing of the command was left unread
    assert "Opgeslagen in local." in (await server.telegram(click(keys(answer)["Bevestig"]))).json()["text"]
    (item,) = server.journal("alice").entries(NOW.date(), NOW.date())
    assert item.entry.duration == 7200 and item.entry.text == "2 uur overleg met Rowan"


async def test_a_chat_command_with_the_bots_name_is_still_a_command(server: Server) -> None:
    server.state.users.link("alice", "telegram:42")
    assert "niets om ongedaan" in (await server.telegram(command("/ongedaan@nlentry_bot"))).json()["text"]
    assert "Tell me what you did" in (await server.telegram(command("/start@nlentry_bot"))).json()["text"]


@pytest.mark.parametrize(
    "update",
    [
        {},
        {"update_id": 3},
        {"message": {"from": {"id": 1}, "chat": {"id": 1}}},
        {"message": "x"},
        {"callback_query": {"data": 5}},
        [],
        "text",
        12,
        {"edited_message": {"text": "2 uur"}},
    ],
)
async def test_updates_that_are_not_ours_get_an_empty_answer(server: Server, update: Any) -> None:
    r = await server.telegram(update)
    assert r.status_code == 200 and r.json() == {}


async def test_not_json_is_400(server: Server) -> None:
    r = await server.client.post(
        "/telegram/webhook",
        content=b"{oops",
        headers={"X-Telegram-Bot-Api-Secret-Token": "tg-secret-token-4242-abcdef"},
    )
    assert r.status_code == 400


async def test_a_redelivered_update_is_answered_once(server: Server) -> None:
    server.state.users.link("alice", "telegram:42")
    update = message("2 uur overleg")
    first = await server.telegram(update)
    assert first.status_code == 200 and first.json()["method"] == "sendMessage"
    again = await server.telegram(update)  # Telegram did not hear the answer and sends it again
    assert again.status_code == 200 and again.json() == first.json()  # the same answer, nothing more
    assert count(server.state.db, "pending") == 1
    fresh = await server.telegram(message("2 uur overleg"))  # the same words, a new update
    assert fresh.json()["method"] == "sendMessage"
    assert count(server.state.db, "pending") == 2


# --- a refused phrase is a chat reply (Telegram redelivers any update not answered with a 2xx) -------

REFUSED = {  # phrase -> the start of alice's (Dutch) reply
    "31-12-9999 23:00 2 uur": "Dat kon ik niet lezen",
    "over 10000 jaar": "Dat kon ik niet lezen",
    "at 3pm 999999999999999999999 minutes": "Dat kon ik niet lezen",
    "x" * 5000: "Dat kon ik niet lezen",
    "30 uur overleg": "Geen boeking gemaakt",
    "99999 uur": "Geen boeking gemaakt",
}


@pytest.mark.parametrize("text", list(REFUSED))
async def test_a_refused_phrase_gets_a_reply_not_an_http_error(server: Server, text: str) -> None:
    server.state.users.link("alice", "telegram:42")
    r = await server.telegram(message(text))
    assert r.status_code == 200, r.text
    assert r.json()["method"] == "sendMessage" and r.json()["text"].startswith(REFUSED[text])
    assert count(server.state.db, "pending") == 0


async def test_a_refused_english_phrase_is_answered_in_english(server: Server) -> None:
    server.state.users.link("alice", "telegram:42")
    r = await server.telegram(message("30 hours meeting"))
    assert r.status_code == 200 and r.json()["text"].startswith("No entry made")


async def test_a_lone_surrogate_in_the_text_gets_a_reply(server: Server) -> None:
    server.state.users.link("alice", "telegram:42")
    body = json.dumps(message("2 uur overleg \ud800"), ensure_ascii=True).encode()
    r = await server.client.post("/telegram/webhook", content=body,
                                  headers={"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET})
    assert r.status_code == 200 and r.json()["text"].startswith("Dat kon ik niet lezen")


@pytest.mark.parametrize("chat_id", ["NaN", "1e999", "Infinity", '"\\udc00"', "9" * 5000, "[" * 50000])
async def test_hostile_ids_are_400_or_ignored_never_5xx(server: Server, chat_id: str) -> None:
    server.state.users.link("alice", "telegram:42")
    body = b'{"update_id": 77, "message": {"from": {"id": 42}, "chat": {"id": ' + chat_id.encode()
    body += b'}, "text": "2 uur"}}'
    r = await server.client.post("/telegram/webhook", content=body,
                                  headers={"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET})
    assert r.status_code in (200, 400), r.text
    assert r.status_code == 200 and r.json() == {} or r.json()["error"] == "bad_request"
