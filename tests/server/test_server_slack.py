"""Slack: signatures, and the flow of slash command and buttons (confirm, pick, change, cancel, undo)."""

from __future__ import annotations

import json
import logging
import re
from urllib.parse import urlencode

import pytest
from conftest import NOW, PROVIDER_TOKEN, SLACK_SECRET, TELEGRAM_SECRET, Server, button, buttons, count

from nlentry.server.slack import MAX_AGE, sign, verify

pytestmark = pytest.mark.anyio


# --- signatures ------------------------------------------------------------------------------------


def test_verify_accepts_slacks_own_example() -> None:
    # the worked example of Slack's "Verifying requests from Slack" page
    body = (
        b"token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
        b"&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
        b"&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgc"
        b"ZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
    )
    headers = {
        "x-slack-request-timestamp": "1531420618",
        "x-slack-signature": "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
    }
    assert verify(SLACK_SECRET, headers, body, clock=lambda: 1531420618 + 10) is None
    assert sign(SLACK_SECRET, "1531420618", body) == headers["x-slack-signature"]


@pytest.mark.parametrize(
    "case", ["wrong secret", "stale", "future", "altered body", "no signature", "bad ts"]
)
async def test_requests_not_signed_by_slack_are_refused(server: Server, case: str) -> None:
    body = urlencode({"team_id": "T1", "user_id": "U1", "text": "2 uur overleg"}).encode()
    headers = server.slack_headers(body)
    if case == "wrong secret":
        headers = server.slack_headers(body, secret="not-the-secret-at-all")
    elif case == "stale":
        headers = server.slack_headers(body, age=MAX_AGE + 1)
    elif case == "future":
        headers = server.slack_headers(body, age=-(MAX_AGE + 1))
    elif case == "altered body":
        body = body.replace(b"2+uur", b"9+uur")
    elif case == "no signature":
        del headers["X-Slack-Signature"]
    elif case == "bad ts":
        headers["X-Slack-Request-Timestamp"] = "yesterday"
    for path in ("/slack/commands", "/slack/interactions"):
        r = await server.client.post(path, content=body, headers=headers)
        assert r.status_code == 401, (case, path)
        assert r.json()["error"] == "bad_signature"


async def test_a_signature_just_within_five_minutes_is_accepted(server: Server) -> None:
    body = urlencode({"team_id": "T1", "user_id": "U1", "text": "help"}).encode()
    r = await server.client.post(
        "/slack/commands", content=body, headers=server.slack_headers(body, age=MAX_AGE)
    )
    assert r.status_code == 200


async def test_without_a_signing_secret_slack_is_off(server: Server) -> None:
    from dataclasses import replace

    server.state.settings = replace(server.state.settings, slack_signing_secret=None)
    body = b"team_id=T1&user_id=U1&text=x"
    r = await server.client.post("/slack/commands", content=body, headers=server.slack_headers(body))
    assert r.status_code == 404 and r.json()["error"] == "not_configured"


# --- the flow --------------------------------------------------------------------------------------


async def test_unlinked_user_gets_a_link_code_that_links_them(server: Server) -> None:
    r = await server.slack_command("2 uur overleg", user="U9")
    assert r.status_code == 200
    text = r.json()["text"]
    assert "nlentry users link" in text and "Ik ken je nog niet" in text  # the phrase was Dutch
    code = re.search(r"[A-Z2-9]{4}-[A-Z2-9]{4}", text).group()
    assert server.state.users.redeem("alice", code) == "slack:T1:U9"
    r = await server.slack_command("2 uur overleg", user="U9")
    assert "Zo opslaan?" in r.json()["text"]


async def test_link_codes_expire(server: Server) -> None:
    from nlentry.server.users import UserError

    code = server.state.users.link_code("slack:T1:U8")
    server.clock.advance(server.state.settings.link_code_ttl + 1)
    with pytest.raises(UserError):
        server.state.users.redeem("alice", code)


@pytest.fixture
async def linked(server: Server) -> Server:
    server.state.users.link("alice", "slack:T1:U1")
    server.state.users.link("bob", "slack:T1:U2")
    return server


async def test_command_previews_then_confirm_saves_and_posts(linked: Server) -> None:
    r = await linked.slack_command("2,5 uur met Rowan aan Timi gewerkt")
    message = r.json()
    assert message["response_type"] == "ephemeral"
    assert "2:30" in message["text"] and "Timi" in message["text"] and "Zo opslaan?" in message["text"]
    assert [b["text"]["text"] for b in buttons(message)] == ["Bevestig", "Wijzig", "Annuleer"]
    assert linked.journal("alice").entries(NOW.date(), NOW.date()) == []  # not before Confirm

    r = await linked.slack_click(button(message, "confirm"))
    assert r.status_code == 200 and r.content == b""
    (item,) = linked.journal("alice").entries(NOW.date(), NOW.date())
    assert item.state == "posted" and item.entry.duration == 9000
    assert [p["url"] for p in linked.slack_posts] == ["https://hooks.slack.com/actions/T1/2/def"] * 2
    assert "wordt naar local gestuurd" in linked.slack_posts[0]["text"]
    assert "Opgeslagen in local." in linked.slack_posts[1]["text"]
    assert all(p["replace_original"] for p in linked.slack_posts)
    # a second click on the same Confirm saves nothing twice
    await linked.slack_click(button(message, "confirm"))
    assert len(linked.journal("alice").entries(NOW.date(), NOW.date())) == 1
    assert "verlopen" in linked.slack_posts[-1]["text"]


async def test_ambiguous_shows_alternatives_and_a_pick_saves_it(linked: Server) -> None:
    message = (await linked.slack_command("2 hours on Timi and Webshop", user="U2")).json()
    assert "Which project did you mean?" in message["text"]
    picks = [b for b in buttons(message) if b["action_id"].startswith("pick")]
    assert [b["text"]["text"] for b in picks] == ["Timi", "Webshop"]
    await linked.slack_click(picks[1], user="U2")
    (item,) = linked.journal("bob").entries(NOW.date(), NOW.date())
    assert item.entry.project.name == "Webshop" and item.entry.client.name == "Bakkerij Bol"
    assert item.state == "posted" and "Saved in flaky." in linked.slack_posts[-1]["text"]


async def test_a_message_of_several_entries_saves_no_part_of_it(linked: Server) -> None:
    message = (await linked.slack_command("9-11 overleg, 11-12 testen")).json()
    assert "2 boekingen" in message["text"] and "niets opgeslagen" in message["text"]
    assert not buttons(message)  # nothing to confirm: a confirmation would save one of the two
    assert linked.journal("alice").entries(NOW.date(), NOW.date()) == []


async def test_cancel_saves_nothing(linked: Server) -> None:
    message = (await linked.slack_command("2 uur overleg")).json()
    await linked.slack_click(button(message, "cancel"))
    assert "Geannuleerd" in linked.slack_posts[-1]["text"]
    assert linked.journal("alice").entries(NOW.date(), NOW.date()) == []
    await linked.slack_click(button(message, "confirm"))
    assert linked.journal("alice").entries(NOW.date(), NOW.date()) == []


async def test_change_makes_the_next_message_amend_the_waiting_entry(linked: Server) -> None:
    message = (await linked.slack_command("2 uur overleg aan Webshop")).json()
    await linked.slack_click(button(message, "change"))
    assert "Stuur wat er anders moet" in linked.slack_posts[-1]["text"]
    changed = (await linked.slack_command("1 uur")).json()
    assert "1:00" in changed["text"] and "Webshop" in changed["text"]
    await linked.slack_click(button(changed, "confirm"))
    (item,) = linked.journal("alice").entries(NOW.date(), NOW.date())
    assert item.entry.duration == 3600 and item.entry.project.name == "Webshop"


async def test_a_confirmation_expires(linked: Server) -> None:
    message = (await linked.slack_command("2 uur overleg")).json()
    linked.clock.advance(linked.state.settings.pending_ttl + 1)
    await linked.slack_click(button(message, "confirm"))
    assert "verlopen" in linked.slack_posts[-1]["text"]
    assert linked.journal("alice").entries(NOW.date(), NOW.date()) == []


async def test_another_user_cannot_confirm_my_entry(linked: Server) -> None:
    message = (await linked.slack_command("2 uur overleg")).json()
    await linked.slack_click(button(message, "confirm"), user="U2")
    assert linked.journal("alice").entries(NOW.date(), NOW.date()) == []
    assert linked.journal("bob").entries(NOW.date(), NOW.date()) == []


async def test_undo_message_and_undo_button(linked: Server) -> None:
    message = (await linked.slack_command("2 uur overleg")).json()
    await linked.slack_click(button(message, "confirm"))
    r = (await linked.slack_command("ongedaan")).json()
    assert r["text"].startswith("Ongedaan gemaakt")
    assert linked.journal("alice").entries(NOW.date(), NOW.date()) == []
    assert "niets om ongedaan" in (await linked.slack_command("ongedaan")).json()["text"]
    # the Undo button on a saved entry
    message = (await linked.slack_command("3 uur testen")).json()
    await linked.slack_click(button(message, "confirm"))
    saved_message = linked.slack_posts[-1]
    await linked.slack_click(button(saved_message, "undo"))
    assert linked.journal("alice").entries(NOW.date(), NOW.date()) == []


async def test_auto_confirm_saves_a_sure_entry_at_once(linked: Server) -> None:
    from dataclasses import replace

    linked.state.chat.settings = replace(linked.state.settings, auto_confirm=0.9)
    message = (await linked.slack_command("2 uur overleg aan Webshop")).json()
    assert "wordt naar local gestuurd" in message["text"]
    assert [b["action_id"].split(":")[0] for b in buttons(message)] == ["undo"]
    assert linked.journal("alice").entries(NOW.date(), NOW.date())[0].state == "posted"
    assert "Opgeslagen in local." in linked.slack_posts[-1]["text"]


async def test_provider_down_says_queued_and_the_worker_posts_later(linked: Server, flaky: type) -> None:
    flaky.down = True
    message = (await linked.slack_command("2 hours of meetings", user="U2")).json()
    await linked.slack_click(button(message, "confirm"), user="U2")
    assert "queued" in linked.slack_posts[-1]["text"]
    (item,) = linked.journal("bob").entries(NOW.date(), NOW.date())
    assert item.state == "pending"
    flaky.down = False
    linked.journal("bob").outbox.clock = lambda: 4e9
    linked.app.state.worker.clock = lambda: 4e9
    linked.app.state.worker.run_once()
    assert linked.journal("bob").find(item.key).state == "posted"


async def test_rate_limited_chat_user_is_told(linked: Server) -> None:
    from nlentry.server.limits import RateLimiter

    linked.state.chat.limiter = RateLimiter(rate=2, period=60)
    texts = [(await linked.slack_command("1 uur")).json()["text"] for _ in range(3)]
    assert "probeer het over" in texts[2] and "probeer het over" not in texts[0]


async def test_a_foreign_response_url_is_never_called(linked: Server) -> None:
    message = (await linked.slack_command("2 uur overleg")).json()
    payload = {
        "type": "block_actions",
        "user": {"id": "U1"},
        "team": {"id": "T1"},
        "response_url": "https://evil.example/steal",
        "actions": [{"action_id": "confirm:0:0", "value": button(message, "confirm")["value"]}],
    }
    body = urlencode({"payload": json.dumps(payload)}).encode()
    r = await linked.client.post("/slack/interactions", content=body, headers=linked.slack_headers(body))
    assert r.status_code == 200 and linked.slack_posts == []
    assert len(linked.journal("alice").entries(NOW.date(), NOW.date())) == 1  # the click itself counted


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"payload=not-json",
        b"payload=%7B%7D",
        b"payload=%5B1%5D",
        b"\xff\xfe",
        b"payload=" + json.dumps({"type": "block_actions", "actions": "x"}).encode(),
    ],
)
async def test_odd_interaction_bodies_are_ignored_not_errors(linked: Server, body: bytes) -> None:
    r = await linked.client.post("/slack/interactions", content=body, headers=linked.slack_headers(body))
    assert r.status_code == 200


async def test_secrets_never_reach_the_log(
    linked: Server, flaky: type, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    body = b"team_id=T1&user_id=U1&text=2+uur"
    await linked.client.post(
        "/slack/commands", content=body, headers=linked.slack_headers(body, secret="wrong")
    )
    await linked.client.post(
        "/v1/parse", headers={"Authorization": "Bearer nle_guessed-key-123456"}, json={"text": "1 uur"}
    )
    await linked.telegram({"update_id": 1}, secret="wrong-telegram-secret")
    flaky.down = True
    message = (await linked.slack_command("2 hours of meetings", user="U2")).json()
    await linked.slack_click(button(message, "confirm"), user="U2")
    await linked.client.post("/v1/entries", headers=linked.auth("bob"), json={"text": "1 hour of meetings"})
    assert caplog.records  # something was logged
    for secret in (
        SLACK_SECRET,
        TELEGRAM_SECRET,
        PROVIDER_TOKEN,
        linked.keys["alice"],
        linked.keys["bob"],
        "nle_guessed-key-123456",
    ):
        assert secret not in caplog.text


async def test_a_replayed_request_does_nothing_twice(linked: Server) -> None:
    body = urlencode({"trigger_id": "1.2.3", "team_id": "T1", "user_id": "U1", "command": "/tijd",
                      "text": "2 uur overleg", "response_url": "https://hooks.slack.com/commands/T1/1/a"}).encode()
    headers = linked.slack_headers(body)
    first = await linked.client.post("/slack/commands", content=body, headers=headers)
    assert "Zo opslaan?" in first.json()["text"]
    linked.clock.advance(30)  # within the five minutes a signature is valid
    replay = await linked.client.post("/slack/commands", content=body, headers=headers)
    assert replay.status_code == 200 and replay.json() == first.json()  # the answer again, nothing more
    assert count(linked.state.db, "pending") == 1


async def test_a_slack_retry_signed_anew_does_nothing_twice(linked: Server) -> None:
    first = await linked.slack_command("2 uur overleg", trigger="9.8.7")
    assert "Zo opslaan?" in first.json()["text"]
    linked.clock.advance(3)  # Slack retries after a slow answer, with a fresh timestamp and signature
    retry = await linked.slack_command("2 uur overleg", trigger="9.8.7", retry=1)
    assert retry.status_code == 200 and retry.json() == first.json()  # the same confirmation
    again = await linked.slack_command("2 uur overleg")  # the user types it again: a new trigger_id
    assert "Zo opslaan?" in again.json()["text"]
    assert count(linked.state.db, "pending") == 2


# --- a refused phrase is a chat reply (Slack shows an error for a non-2xx answer) ------------------


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("31-12-9999 23:00 2 uur", "Dat kon ik niet lezen"),
        ("over 10000 jaar", "Dat kon ik niet lezen"),
        ("x" * 5000, "Dat kon ik niet lezen"),
        ("2 uur \x00 overleg", "Dat kon ik niet lezen"),
        ("30 uur overleg", "Geen boeking gemaakt"),
        ("99999 uur", "Geen boeking gemaakt"),
        ("30 hours meeting", "No entry made"),
    ],
)
async def test_a_refused_phrase_gets_an_ephemeral_reply(linked: Server, text: str, reply: str) -> None:
    r = await linked.slack_command(text)
    assert r.status_code == 200, r.text
    assert r.json()["response_type"] == "ephemeral" and r.json()["text"].startswith(reply)
    assert count(linked.state.db, "pending") == 0


async def test_undecodable_bytes_in_a_command_get_a_reply(linked: Server) -> None:
    body = b"team_id=T1&user_id=U1&trigger_id=t1&text=2+uur+%ED%A0%80%FF+overleg"
    r = await linked.client.post("/slack/commands", content=body, headers=linked.slack_headers(body))
    assert r.status_code == 200 and r.json()["response_type"] == "ephemeral"


async def test_a_surrogate_in_a_button_value_is_ignored(linked: Server) -> None:
    payload = ('{"type": "block_actions", "user": {"id": "U1"}, "team": {"id": "T1"}, '
               '"actions": [{"action_id": "confirm:0:0", "value": "\\ud800"}]}')
    body = urlencode({"payload": payload}).encode()
    r = await linked.client.post("/slack/interactions", content=body, headers=linked.slack_headers(body))
    assert r.status_code == 200
