"""Slack: the slash command (`POST /slack/commands`) and the buttons (`POST /slack/interactions`).

Every request is verified before anything else is read from it: `X-Slack-Signature` must be
`v0=` + hex HMAC-SHA256 of `v0:{X-Slack-Request-Timestamp}:{raw body}` with the app's signing
secret, compared in constant time, and the timestamp must be within five minutes of now (a replayed
request is refused). The slash command is answered in the HTTP response (an ephemeral Block Kit
message), at once: parsing takes a fraction of a millisecond and posting to the provider happens
after the answer, in a background task whose result replaces the message through `response_url`.
Button clicks are acknowledged with an empty 200 (Slack ignores a body there) and answered through
`response_url` the same way. A `response_url` is only called when its host is Slack's
(`[slack] response_hosts`), so a forged payload cannot make the server call elsewhere.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import logging
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from fastapi import APIRouter, BackgroundTasks, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from nlentry import strictjson
from nlentry.server.deliveries import Delivery
from nlentry.server.errors import ApiError, chat_responses, problem
from nlentry.server.replies import Reply
from nlentry.server.users import identity

if TYPE_CHECKING:
    from nlentry.server.state import ServerState

__all__ = ["MAX_AGE", "blocks", "message", "parse_form", "router", "sign", "verify"]

log = logging.getLogger("nlentry.server")

#: seconds a signed request stays valid (Slack's own advice)
MAX_AGE = 300


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """The `X-Slack-Signature` Slack sends for this body: `v0=<hex HMAC-SHA256>`."""
    base = b"v0:" + timestamp.encode("ascii", "replace") + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def verify(
    secret: str, headers: Mapping[str, str], body: bytes, *, clock: Callable[[], float] = time.time
) -> str | None:
    """None when the request is Slack's, else why not (`missing`, `stale`, `bad signature`)."""
    timestamp = headers.get("x-slack-request-timestamp", "")
    signature = headers.get("x-slack-signature", "")
    if not timestamp or not signature:
        return "missing signature"
    try:
        age = abs(clock() - int(timestamp))
    except ValueError:
        return "bad timestamp"
    if age > MAX_AGE:
        return "stale timestamp"
    if not hmac.compare_digest(sign(secret, timestamp, body).encode(), signature.encode("utf-8", "replace")):
        return "bad signature"
    return None


def parse_form(body: bytes) -> dict[str, str]:
    """An `application/x-www-form-urlencoded` body as a dict (the first value of each field)."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return {}
    return {k: v[0] for k, v in parse_qs(text, keep_blank_values=True, max_num_fields=100).items()}


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def blocks(reply: Reply) -> list[dict[str, Any]]:
    """A reply as Block Kit: a section for the text, an actions block for each row of buttons."""
    out: list[dict[str, Any]] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": _escape(reply.text)[:3000]}}
    ]
    for r, row in enumerate(reply.buttons):
        elements = []
        for i, button in enumerate(row):
            element: dict[str, Any] = {
                "type": "button",
                "action_id": f"{button.action}:{r}:{i}",
                "text": {"type": "plain_text", "text": button.label[:75] or "?"},
                "value": button.value,
            }
            if button.style:
                element["style"] = button.style
            elements.append(element)
        out.append({"type": "actions", "block_id": f"nlentry-{r}", "elements": elements[:25]})
    return out


def message(reply: Reply, *, replace: bool = False) -> dict[str, Any]:
    """The JSON of an ephemeral message (`replace`: replacing the one the buttons were on)."""
    body: dict[str, Any] = {"text": reply.text[:3000], "blocks": blocks(reply)}
    if replace:
        body["replace_original"] = True
    else:
        body["response_type"] = "ephemeral"
    return body


def allowed_url(url: str, hosts: tuple[str, ...]) -> bool:
    """True for an https URL on one of Slack's hosts (where a `response_url` may point)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme == "https" and (parts.hostname or "") in hosts


def action_of(payload: Mapping[str, Any]) -> tuple[str, str, str, str] | None:
    """(team id, user id, action, value) of a `block_actions` payload; None for anything else."""
    if payload.get("type") != "block_actions":
        return None
    user = payload.get("user") if isinstance(payload.get("user"), dict) else {}
    team = payload.get("team") if isinstance(payload.get("team"), dict) else {}
    actions = payload.get("actions")
    if not isinstance(actions, list) or not actions or not isinstance(actions[0], dict):
        return None
    first = actions[0]
    action = str(first.get("action_id", "")).partition(":")[0]
    team_id = str((team or {}).get("id") or (user or {}).get("team_id") or "")
    user_id = str((user or {}).get("id") or "")
    value = first.get("value")
    if not team_id or not user_id or not isinstance(value, str):
        return None
    if not strictjson.encodable([team_id, user_id, first]):  # a lone surrogate: no button of ours
        return None
    return team_id, user_id, action, value


def payload_of(form: Mapping[str, str]) -> dict[str, Any] | None:
    """The JSON `payload` field of an interaction request, or None if it is not JSON."""
    try:
        payload = strictjson.loads(form.get("payload", ""))
    except ValueError:
        return None
    return payload if isinstance(payload, dict) else None


# --- the routes ------------------------------------------------------------------------------------

_FORM_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": {"type": "object", "additionalProperties": {"type": "string"}}
            }
        },
    }
}


def router(state: ServerState) -> APIRouter:
    """`POST /slack/commands` and `POST /slack/interactions` over `state`."""
    slack = APIRouter(prefix="/slack", tags=["slack"])
    responses = chat_responses("Slack", "the signature is missing, wrong or too old")

    def begin(request: Request, trigger: object) -> Delivery:
        """The delivery, recorded; one handled before has the same signature (a replay within the
        window) or the same `trigger_id` (Slack's retry, `X-Slack-Retry-Num`, is signed anew)."""
        ids = ["slack-sig:" + request.headers.get("x-slack-signature", "")]
        if isinstance(trigger, str) and trigger:
            ids.append("slack-trigger:" + trigger)
        delivery = Delivery.begin(state.db, ids, now=state.clock(), keep=2 * MAX_AGE)
        if not delivery.first:
            log.info("slack delivery seen before (retry %s): %s",
                     request.headers.get("x-slack-retry-num", "-"),
                     "its answer sent again" if delivery.reply is not None else "handled to the same outcome")
        return delivery

    async def verified(request: Request) -> bytes:
        """The body of a request Slack signed; `ApiError` (404 or 401) for any other."""
        secret = state.settings.slack_signing_secret
        if not secret:
            raise ApiError(404, "not_configured", "Slack is not configured on this server")
        body = await request.body()
        why = verify(secret, request.headers, body, clock=state.clock)
        if why is not None:
            log.warning("slack request refused: %s", why)
            raise ApiError(401, "bad_signature", f"not a request from Slack ({why})")
        return body

    route = functools.partial(slack.post, openapi_extra=_FORM_BODY, responses=responses)

    @route("/commands", summary="Slack slash command: read the phrase, answer with an ephemeral message")
    async def commands(request: Request, background: BackgroundTasks) -> Response:
        form = parse_form(await verified(request))
        if form.get("ssl_check"):
            return Response(status_code=200)
        team, user = form.get("team_id", ""), form.get("user_id", "")
        if not team or not user:
            return problem(400, "bad_request", "team_id and user_id are required")
        delivery = await run_in_threadpool(begin, request, form.get("trigger_id"))
        if delivery.reply is not None:  # answered before (a retry, or a replay): the same answer
            return JSONResponse(message(delivery.reply))
        who = identity("slack", team, user)
        reply = await run_in_threadpool(state.chat.message, who, form.get("text", ""), delivery=delivery)
        if reply.followup is not None:
            background.add_task(_follow, state, form.get("response_url", ""), reply, delivery)
        else:
            await run_in_threadpool(delivery.answered, reply)
        return JSONResponse(message(reply))

    @route("/interactions", summary="Slack buttons: Confirm, Change, Cancel, an alternative, Undo")
    async def interactions(request: Request, background: BackgroundTasks) -> Response:
        payload = payload_of(parse_form(await verified(request)))
        clicked = action_of(payload) if payload is not None else None
        if payload is None or clicked is None:
            return Response(status_code=200)  # other interactions (shortcuts, views) are not ours
        team, user, action, value = clicked
        delivery = await run_in_threadpool(begin, request, payload.get("trigger_id"))
        url = payload.get("response_url")
        url = url if isinstance(url, str) else ""
        if delivery.reply is not None:  # answered before: the same answer again
            background.add_task(_send, state, url, delivery.reply)
            return Response(status_code=200)
        reply = await run_in_threadpool(state.chat.action, identity("slack", team, user), action, value,
                                        delivery=delivery)
        background.add_task(_answer, state, url, reply, delivery)
        return Response(status_code=200)

    return slack


async def _answer(state: ServerState, url: str, reply: Reply, delivery: Delivery) -> None:
    """Replace the message the button was on with the reply, then with its followup's."""
    if reply.followup is None:
        await run_in_threadpool(delivery.answered, reply)
    await _send(state, url, reply)
    if reply.followup is not None:
        await _follow(state, url, reply, delivery)


async def _follow(state: ServerState, url: str, reply: Reply, delivery: Delivery) -> None:
    """Run the reply's followup (posting to the provider), note its outcome, and show it."""
    assert reply.followup is not None
    try:
        final = await state.after_reply(reply.followup)
        await run_in_threadpool(delivery.answered, final)
    except Exception as exc:  # the entry is committed: the worker posts it later
        log.error("posting after a Slack reply failed: %s", type(exc).__name__)
        return
    await _send(state, url, final)


async def _send(state: ServerState, url: str, reply: Reply) -> None:
    if not url:
        return
    if not allowed_url(url, state.settings.slack_response_hosts):
        log.warning("slack response_url refused (not a Slack host)")
        return
    try:
        answer = await state.http().post(url, json=message(reply, replace=True))
        if answer.status_code >= 400:
            log.warning("slack response_url answered %s", answer.status_code)
    except Exception as exc:  # network: the user sees the earlier message; nothing is lost
        log.warning("slack response_url failed: %s", type(exc).__name__)
