"""Telegram: the bot's webhook (`POST /telegram/webhook`), answered in the webhook's own response.

Telegram calls the webhook set with `setWebhook(url, secret_token=...)` and sends the secret back in
`X-Telegram-Bot-Api-Secret-Token`; a request without the right one (compared in constant time) is
refused. The answer goes into the response body as a Bot API method (`sendMessage` for a message,
`editMessageText` for a button), so the server needs no bot token and makes no call of its own.
Telegram has no three-second rule and waits for the answer, so a Confirm is posted to the provider
before answering, and the answer says posted or queued. Buttons are an inline keyboard whose
`callback_data` (at most 64 bytes) is `<action>|<value>`.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from nlentry import strictjson
from nlentry.server.deliveries import Delivery
from nlentry.server.errors import chat_responses, problem
from nlentry.server.replies import Reply, command_of
from nlentry.server.users import identity

if TYPE_CHECKING:
    from nlentry.server.state import ServerState

__all__ = ["keyboard", "router"]

log = logging.getLogger("nlentry.server")

#: seconds an update id is remembered: Telegram keeps redelivering an unanswered update for 24 hours
DAY = 24 * 3600
_MAX_CALLBACK = 64
_MAX_TEXT = 4096


def keyboard(reply: Reply) -> dict[str, Any] | None:
    """The reply's buttons as an inline keyboard (None when it has none)."""
    rows = []
    for row in reply.buttons:
        buttons = [
            {"text": b.label, "callback_data": f"{b.action}|{b.value}"}
            for b in row
            if len(f"{b.action}|{b.value}".encode()) <= _MAX_CALLBACK
        ]
        if buttons:
            rows.append(buttons)
    return {"inline_keyboard": rows} if rows else None


def _answer(method: str, chat_id: object, reply: Reply, **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "method": method,
        "chat_id": chat_id,
        "text": reply.text[:_MAX_TEXT] or "…",
        **extra,
    }
    markup = keyboard(reply)
    if markup is not None:
        body["reply_markup"] = markup
    return body


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _is_id(value: object) -> bool:
    """True for a Telegram id (user, chat, message): the Bot API's are integers."""
    return isinstance(value, int) and not isinstance(value, bool)


def _phrase(message: dict[str, Any], text: str) -> str:
    """The message's text without a bot command that opens it: "/log@nlentry_bot 2u overleg" is the phrase
    "2u overleg" (Telegram marks the command with a `bot_command` entity; in groups it carries the bot's
    name). A command alone stays a command, without the bot's name ("/undo@nlentry_bot" is "/undo"); one of
    the chat's own with more after it is left as it was written (read as a phrase, as before)."""
    entities = message.get("entities")
    first = entities[0] if isinstance(entities, list) and entities else None
    if not isinstance(first, dict) or first.get("type") != "bot_command" or first.get("offset") != 0:
        return text
    length = first.get("length")
    if not isinstance(length, int) or not 1 < length <= len(text):
        return text
    command, rest = text[:length].partition("@")[0], text[length:].strip()
    if not rest:
        return command
    return rest if command_of(command) is None else text


def router(state: ServerState) -> APIRouter:
    """`POST /telegram/webhook` over `state`."""
    telegram = APIRouter(prefix="/telegram", tags=["telegram"])

    async def answer(delivery: Delivery | None, handle: Callable[[], Reply]) -> Reply:
        """The delivery's answer: the one composed before (a retry), or `handle`'s, noted."""
        if delivery is not None and delivery.reply is not None:
            return delivery.reply
        reply = await run_in_threadpool(handle)
        # Telegram waits for the answer: post first (on the posting threads), then say how it went
        reply = await state.after_reply(reply.followup) if reply.followup is not None else reply
        if delivery is not None:
            await run_in_threadpool(delivery.answered, reply)
        return reply

    @telegram.post(
        "/webhook",
        summary="Telegram bot webhook: messages and button clicks",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"type": "object", "description": "a Telegram Update"}}
                },
            }
        },
        responses=chat_responses("Telegram", "wrong or missing secret token"),
    )
    async def webhook(request: Request) -> Response:
        secret = state.settings.telegram_secret_token
        if not secret:
            return problem(404, "not_configured", "Telegram is not configured on this server")
        given = request.headers.get("x-telegram-bot-api-secret-token", "")
        if not hmac.compare_digest(given.encode("utf-8", "replace"), secret.encode()):
            log.warning("telegram request refused: wrong secret token")
            return problem(401, "bad_secret", "wrong or missing X-Telegram-Bot-Api-Secret-Token")
        try:
            update = strictjson.loads(await request.body())
        except ValueError as exc:
            return problem(400, "bad_request", f"the body is not a Telegram update: {exc}")
        update = _dict(update)
        update_id = update.get("update_id")
        # Telegram redelivers until it gets a 2xx: a redelivery comes to the outcome of the first
        delivery = await run_in_threadpool(
            lambda: Delivery.begin(state.db, [f"telegram:{update_id}"], now=state.clock(), keep=DAY)
        ) if isinstance(update_id, int) and not isinstance(update_id, bool) else None
        message, callback = _dict(update.get("message")), _dict(update.get("callback_query"))
        if message:
            sender, chat = _dict(message.get("from")), _dict(message.get("chat"))
            text = message.get("text")
            if not _is_id(sender.get("id")) or not _is_id(chat.get("id")) or not isinstance(text, str):
                return JSONResponse({})  # not a text message from a person: nothing to answer
            hint = sender.get("language_code")
            who = identity("telegram", sender["id"])
            text = _phrase(message, text)

            reply = await answer(delivery, lambda: state.chat.message(
                who, text, hint=hint if isinstance(hint, str) else None, delivery=delivery))
            return JSONResponse(_answer("sendMessage", chat["id"], reply))
        if callback:
            sender, data = _dict(callback.get("from")), callback.get("data")
            original = _dict(callback.get("message"))
            chat = _dict(original.get("chat"))
            message_id = original.get("message_id")
            if (not _is_id(sender.get("id")) or not _is_id(chat.get("id")) or not _is_id(message_id)
                    or not isinstance(data, str) or not strictjson.encodable(data)):
                return JSONResponse({})  # not a click on one of our buttons
            action, _, value = data.partition("|")
            who = identity("telegram", sender["id"])

            reply = await answer(delivery, lambda: state.chat.action(who, action, value, delivery=delivery))
            return JSONResponse(
                _answer("editMessageText", chat["id"], reply, message_id=message_id)
            )
        return JSONResponse({})

    return telegram
