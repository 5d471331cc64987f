"""The JSON API, in-process (httpx + ASGI transport): parse, save, clarify, list, amend, undo, limits."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import date as Date  # noqa: N812 - the module uses `date` for the query parameter
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from conftest import NOW, Server, backend_config, make_user, write_config

from nlentry.server.app import create_app
from nlentry.server.settings import Settings

pytestmark = pytest.mark.anyio


async def test_health_and_schema(server: Server) -> None:
    assert (await server.client.get("/healthz")).json()["status"] == "ok"
    schema = (await server.client.get("/openapi.json")).json()
    assert {
        "/v1/parse",
        "/v1/entries",
        "/v1/entries/{entry_id}",
        "/healthz",
        "/slack/commands",
        "/slack/interactions",
        "/telegram/webhook",
    } <= set(schema["paths"])
    assert set(schema["paths"]["/v1/entries/{entry_id}"]) == {"patch", "delete"}


async def test_parse_gives_the_entry_of_the_conventions(server: Server) -> None:
    r = await server.client.post(
        "/v1/parse", headers=server.auth(), json={"text": "2,5 uur met Rowan aan Timi gewerkt"}
    )
    assert r.status_code == 200
    body = r.json()
    assert body["duration"] == 9000 and body["date"] == "2026-11-18" and body["locale"] == "nl"
    assert body["project"] == {"id": 47, "name": "Timi"} and body["persons"] == [{"id": 1, "name": "Rowan"}]
    assert server.journal("alice").entries(NOW.date(), NOW.date()) == []  # parse saves nothing


async def test_now_and_locale_are_honoured(server: Server) -> None:
    r = await server.client.post(
        "/v1/parse",
        headers=server.auth(),
        json={"text": "yesterday 2 hours", "now": "2026-03-10T12:00:00+01:00", "locale": "en"},
    )
    assert r.json()["date"] == "2026-03-09" and r.json()["duration"] == 7200


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer nle_not-a-real-key"},
        {"Authorization": "Basic YWxpY2U6eA=="},
        {"Authorization": "Bearer "},
    ],
)
async def test_without_a_valid_key_nothing_happens(server: Server, headers: dict[str, str]) -> None:
    r = await server.client.post("/v1/entries", headers=headers, json={"text": "2 uur overleg"})
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert server.journal("alice").entries(NOW.date(), NOW.date()) == []


async def test_a_revoked_key_stops_working(server: Server) -> None:
    assert (
        await server.client.post("/v1/parse", headers=server.auth(), json={"text": "1 uur"})
    ).status_code == 200
    (key,) = server.state.keys.keys("alice")
    assert server.state.keys.revoke(key.id)
    assert (
        await server.client.post("/v1/parse", headers=server.auth(), json={"text": "1 uur"})
    ).status_code == 401


async def test_a_sure_phrase_is_saved_and_posted(server: Server) -> None:
    r = await server.client.post(
        "/v1/entries", headers=server.auth(), json={"text": "2 uur overleg aan Webshop"}
    )
    assert r.status_code == 201
    body = r.json()
    assert body["status"] == "saved" and body["state"] == "posted" and body["provider"] == "local"
    (item,) = server.journal("alice").entries(NOW.date(), NOW.date())
    assert item.key == body["id"] and item.entry.project.name == "Webshop"


async def test_ambiguous_phrase_asks_then_the_choice_is_saved(server: Server) -> None:
    r = await server.client.post(
        "/v1/entries", headers=server.auth(), json={"text": "2 uur aan Timi en Webshop"}
    )
    assert r.status_code == 200
    clarify = r.json()
    assert clarify["status"] == "clarify" and clarify["doubts"] == ["project"]
    assert clarify["question"] == "Welk project bedoel je?"
    assert [a["id"] for a in clarify["alternatives"]["project"]] == [52]
    assert server.journal("alice").entries(NOW.date(), NOW.date()) == []  # nothing saved yet

    r = await server.client.post(
        "/v1/entries",
        headers=server.auth(),
        json={"text": "2 uur aan Timi en Webshop", "choose": {"project": 52}},
    )
    assert r.status_code == 201
    entry = r.json()["entry"]
    assert entry["project"] == {"id": 52, "name": "Webshop"}
    assert entry["client"] == {"id": 4, "name": "Bakkerij Bol"}  # the client follows the chosen project
    assert entry["alternatives"] == {}


async def test_a_choice_that_is_no_alternative_is_refused(server: Server) -> None:
    r = await server.client.post(
        "/v1/entries",
        headers=server.auth(),
        json={"text": "2 uur aan Timi en Webshop", "choose": {"project": 61}},
    )
    assert r.status_code == 422 and r.json()["error"] == "bad_choice"


async def test_confirm_saves_the_best_reading(server: Server) -> None:
    r = await server.client.post(
        "/v1/entries", headers=server.auth(), json={"text": "2 uur aan Timi en Webshop", "confirm": True}
    )
    assert r.status_code == 201 and r.json()["entry"]["project"]["name"] == "Timi"


async def test_list_by_date(server: Server) -> None:
    for text, now in (
        ("2 uur overleg", "2026-11-18T15:00:00+01:00"),
        ("1 uur testen", "2026-11-17T15:00:00+01:00"),
        ("3 uur coden", "2026-11-18T16:00:00+01:00"),
    ):
        r = await server.client.post("/v1/entries", headers=server.auth(), json={"text": text, "now": now})
        assert r.status_code == 201
    day = (await server.client.get("/v1/entries?date=2026-11-18", headers=server.auth())).json()
    assert [i["entry"]["duration"] for i in day] == [7200, 10800]
    both = (
        await server.client.get("/v1/entries?date=2026-11-17&to=2026-11-18", headers=server.auth())
    ).json()
    assert len(both) == 3
    assert (await server.client.get("/v1/entries?date=2026-11-19", headers=server.auth())).json() == []
    # another user sees none of them
    assert (await server.client.get("/v1/entries?date=2026-11-18", headers=server.auth("bob"))).json() == []
    bad = await server.client.get("/v1/entries?date=2026-11-18&to=2026-11-01", headers=server.auth())
    assert bad.status_code == 422


async def test_amend_and_undo(server: Server) -> None:
    saved = (
        await server.client.post(
            "/v1/entries", headers=server.auth(), json={"text": "2 uur overleg aan Webshop"}
        )
    ).json()
    r = await server.client.patch(f"/v1/entries/{saved['id']}", headers=server.auth(), json={"text": "1 uur"})
    assert r.status_code == 200 and r.json()["entry"]["duration"] == 3600
    assert r.json()["entry"]["project"]["name"] == "Webshop"  # what the phrase does not state stays
    r = await server.client.delete(f"/v1/entries/{saved['id']}", headers=server.auth())
    assert r.status_code == 200 and r.json()["deleted"] is True
    assert server.journal("alice").entries(NOW.date(), NOW.date()) == []
    again = await server.client.delete(f"/v1/entries/{saved['id']}", headers=server.auth())
    assert again.status_code == 410
    missing = await server.client.patch(
        "/v1/entries/00000000-0000", headers=server.auth(), json={"text": "1 uur"}
    )
    assert missing.status_code == 404
    # bob cannot touch alice's entries: they are not in his journal
    other = await server.client.post("/v1/entries", headers=server.auth(), json={"text": "1 uur overleg"})
    r = await server.client.delete(f"/v1/entries/{other.json()['id']}", headers=server.auth("bob"))
    assert r.status_code == 404


async def test_provider_down_keeps_the_entry_and_the_worker_posts_it(server: Server, flaky: type) -> None:
    flaky.down = True
    r = await server.client.post("/v1/entries", headers=server.auth("bob"), json={"text": "2 uur overleg"})
    assert r.status_code == 201 and r.json()["state"] == "pending"
    assert "down" in r.json()["last_error"]
    (item,) = server.journal("bob").outbox.items(("pending",))
    assert item.key == r.json()["id"]
    flaky.down = False
    server.state.users.journal("bob").outbox.clock = lambda: 4e9  # the backoff has passed
    server.app.state.worker.clock = lambda: 4e9
    reports = server.app.state.worker.run_once()
    assert reports["bob"].posted == [item.key]
    assert server.journal("bob").find(item.key).state == "posted"


async def test_phrases_that_make_no_entry_are_422(server: Server) -> None:
    for body in (
        {"text": "overleg met Rowan"},
        {"text": "   "},
        {"text": "x" * 501},
        {"text": "2 uur\x00"},
        {"text": "\ud800 2 uur"},
        {"text": "2 uur", "now": "0001-01-01T00:00:00"},
        {"text": "2 uur", "locale": "de"},
        {"text": 5},
        {"text": "2 uur", "extra": 1},
        {},
    ):
        r = await server.client.post(
            "/v1/entries",
            content=json.dumps(body).encode(),  # \ud800 escaped
            headers={**server.auth(), "Content-Type": "application/json"},
        )
        assert r.status_code == 422, (body, r.text)
        assert set(r.json()) == {"error", "message"}
    r = await server.client.post(
        "/v1/parse", headers={**server.auth(), "Content-Type": "application/json"}, content=b"{not json"
    )
    assert r.status_code == 422


async def test_body_over_the_limit_is_413(server: Server) -> None:
    big = json.dumps({"text": "2 uur " + "x" * 200_000}).encode()
    r = await server.client.post(
        "/v1/parse", headers={**server.auth(), "Content-Type": "application/json"}, content=big
    )
    assert r.status_code == 413 and r.json()["error"] == "too_large"

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: counted as it arrives
        for _ in range(40):
            yield b"x" * 8192

    r = await server.client.post("/v1/parse", headers=server.auth(), content=chunks())
    assert r.status_code == 413


async def test_rate_limit_per_user(tmp_path: Path, backend: str, request: pytest.FixtureRequest) -> None:
    home = tmp_path / "server"
    write_config(home, rate_limit=3, rate_period=60, **backend_config(backend, request, tmp_path))
    make_user(home, "carol")
    settings = Settings.load({"NLENTRY_HOME": str(home)})
    app = create_app(settings, worker=False)
    key, _ = app.state.nlentry.keys.create("carol")
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        codes = [
            (
                await client.post(
                    "/v1/parse", headers={"Authorization": f"Bearer {key}"}, json={"text": "1 uur"}
                )
            ).status_code
            for _ in range(5)
        ]
        assert codes == [200, 200, 200, 429, 429]
        r = await client.post("/v1/parse", headers={"Authorization": f"Bearer {key}"}, json={"text": "1 uur"})
        assert int(r.headers["retry-after"]) >= 1
    await app.state.nlentry.aclose()
    app.state.nlentry.close()


async def test_link_a_chat_account_with_the_code_the_bot_sent(server: Server) -> None:
    code = server.state.users.link_code("telegram:777")
    r = await server.client.post("/v1/links", headers=server.auth("bob"), json={"code": code.lower()})
    assert r.status_code == 200 and r.json() == {"linked": "telegram", "user": "bob"}
    assert server.state.users.user_of("telegram:777").id == "bob"
    r = await server.client.post("/v1/links", headers=server.auth("bob"), json={"code": code})
    assert r.status_code == 422  # one time only


# --- one phrase, several entries -----------------------------------------------------------------


def _most_recent(weekday: int) -> Date:
    today = NOW.date()
    return today - timedelta(days=(today.weekday() - weekday) % 7)


async def test_a_phrase_of_several_entries_saves_them_all(server: Server) -> None:
    r = await server.client.post(
        "/v1/entries", headers=server.auth(), json={"text": "ma t/m vr 8 uur support"}
    )
    assert r.status_code == 201, r.text
    body = r.json()
    friday = _most_recent(4)
    days = [str(friday - timedelta(days=k)) for k in range(4, -1, -1)]
    assert body["status"] == "saved"
    assert [(i["state"], i["entry"]["date"], i["entry"]["duration"]) for i in body["entries"]] == [
        ("posted", day, 28800) for day in days
    ]
    saved = server.journal("alice").entries(friday - timedelta(days=4), friday)
    assert [i.key for i in saved] == [i["id"] for i in body["entries"]]
    assert all(i.entry.service is not None and i.entry.service.name == "Support" for i in saved)


async def test_ranges_with_their_own_words_are_saved_apart(server: Server) -> None:
    r = await server.client.post(
        "/v1/entries", headers=server.auth(), json={"text": "9-11 meeting, 11-12 testing", "locale": "en"}
    )
    assert r.status_code == 201, r.text
    got = [
        (i["entry"]["start"], i["entry"]["end"], i["entry"]["service"]["name"]) for i in r.json()["entries"]
    ]
    assert got == [("09:00", "11:00", "Overleg"), ("11:00", "12:00", "Testing")]
    assert len(server.journal("alice").entries(NOW.date(), NOW.date())) == 2


async def test_several_entries_in_doubt_ask_once_and_the_choice_holds_for_all(server: Server) -> None:
    text = "maandag en dinsdag 2 uur aan Timi en Webshop"
    r = await server.client.post("/v1/entries", headers=server.auth(), json={"text": text})
    assert r.status_code == 200
    clarify = r.json()
    assert clarify["status"] == "clarify" and clarify["doubts"] == ["project"]
    tuesday = _most_recent(1)
    assert [e["date"] for e in clarify["entries"]] == [str(tuesday - timedelta(days=1)), str(tuesday)]
    assert server.journal("alice").entries(tuesday - timedelta(days=1), tuesday) == []
    r = await server.client.post(
        "/v1/entries", headers=server.auth(), json={"text": text, "choose": {"project": 52}}
    )
    assert r.status_code == 201, r.text
    assert [i["entry"]["project"]["name"] for i in r.json()["entries"]] == ["Webshop", "Webshop"]
    assert len(server.journal("alice").entries(tuesday - timedelta(days=1), tuesday)) == 2


async def test_provider_down_keeps_every_entry_of_the_phrase(server: Server, flaky: type) -> None:
    flaky.down = True
    r = await server.client.post(
        "/v1/entries", headers=server.auth("bob"), json={"text": "9-12 en 13-17 overleg"}
    )
    assert r.status_code == 201
    assert [i["state"] for i in r.json()["entries"]] == ["pending", "pending"]
    kept = server.journal("bob").outbox.items(("pending",))
    assert sorted(i.key for i in kept) == sorted(i["id"] for i in r.json()["entries"])
