"""Hostile requests through the real ASGI app: whatever a client sends, the answer is never a 5xx or
a dropped connection (an exception out of the app), and every 4xx is the JSON error shape
`{"error": code, "message": text}`. Chat requests are signed, so the bodies reach past the checks."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
import schemathesis
from conftest import TELEGRAM_SECRET, Server
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from test_server_schema import APP

HOSTILE = {
    "nested array": b"[" * 100_000,
    "nested object": b'{"text": ' * 50_000,
    "5000 digits": b'{"text": "2 uur", "now": ' + b"9" * 5000 + b"}",
    "NaN": b'{"text": NaN, "update_id": NaN}',
    "1e999": b'{"text": "2 uur", "locale": 1e999, "confirm": -Infinity}',
    "wrong types": b'{"text": ["2 uur"], "now": {}, "choose": [1], "code": 5, "message": 7}',
    "huge string": b'{"text": "' + b"a" * 100_000 + b'"}',
    "invalid UTF-8": b'{"text": "2 uur \xff\xfe", "code": "\xc0\x80"}',
    "lone surrogate": b'{"text": "2 uur \\ud800", "code": "\\udfff\\ud800", "choose": {"\\ud800": 1}}',
    "surrogate ids": b'{"update_id": 5, "message": {"from": {"id": 42}, "chat": {"id": "\\udc00"}, '
                     b'"text": "x"}}',
    "NaN ids": b'{"update_id": 6, "callback_query": {"from": {"id": 42}, "data": "confirm|x", '
               b'"message": {"chat": {"id": NaN}, "message_id": 1e999}}}',
    "null": b"null",
    "empty": b"",
    "not JSON": b"text=2+uur&payload=%7B",
    "binary": bytes(range(256)),
}
CONTENT_TYPES = ["application/json", "application/x-www-form-urlencoded", "text/plain", "multipart/form-data",
                 None]


def operations(app: Any) -> list[tuple[str, str]]:
    """Every (method, path) of the app's schema, with a made-up entry id in the path."""
    return [
        (method.upper(), path.replace("{entry_id}", "abcd1234"))
        for path, item in app.openapi()["paths"].items()
        for method in item
    ]


def assert_answer(r: httpx.Response, what: object) -> None:
    assert_fine(r.status_code, r.headers.get("content-type", ""), r.content, what)


def assert_fine(status: int, content_type: str, content: bytes, what: object) -> None:
    assert status < 500, (what, status, content[:300])
    if status >= 400:
        assert content_type.startswith("application/json"), (what, content_type)
        body = json.loads(content)
        assert set(body) == {"error", "message"} and body["message"], (what, body)


@pytest.mark.anyio
@pytest.mark.parametrize("name", list(HOSTILE))
async def test_hostile_bodies_on_every_route(server: Server, name: str) -> None:
    server.state.users.link("alice", "telegram:42")
    server.state.users.link("alice", "slack:T1:U1")
    body = HOSTILE[name]
    for method, path in operations(server.app):
        for content_type in CONTENT_TYPES:
            headers = {**server.auth(), "X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET}
            if path.startswith("/slack/"):
                headers.update(server.slack_headers(body))
            if content_type is None:
                headers.pop("Content-Type", None)
            else:
                headers["Content-Type"] = content_type
            r = await server.client.request(method, path, content=body, headers=headers)
            assert_answer(r, (name, method, path, content_type))


@pytest.mark.anyio
@pytest.mark.parametrize(
    "query", ["date=99999-01-01", "date=" + "9" * 5000, "date=2026-11-18&to=0001-01-01", "date=%ED%A0%80",
              "to=NaN", "date=2026-02-30"]
)
async def test_hostile_queries(server: Server, query: str) -> None:
    assert_answer(await server.client.get(f"/v1/entries?{query}", headers=server.auth()), query)


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("method", "path", "status"),
    [("GET", "/nope", 404), ("PUT", "/v1/parse", 405), ("GET", "/v1/entries/%ED%A0%80", 405),
     ("PATCH", "/v1/entries/" + "x" * 5000, 404), ("DELETE", "/v1/entries/%00%FF", 404)],
)
async def test_routing_errors_have_the_error_shape(server: Server, method: str, path: str,
                                                   status: int) -> None:
    r = await server.client.request(method, path, headers=server.auth(), json={"text": "2 uur"})
    assert r.status_code == status
    assert_answer(r, path)


@pytest.mark.anyio
async def test_a_body_fastapi_cannot_decode_has_the_error_shape(server: Server) -> None:
    r = await server.client.post("/v1/entries", content=b'{"text": "\xff"}',
                                 headers={**server.auth(), "Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["error"] == "bad_request"


# --- schemathesis: requests that do NOT fit the schema, on every operation ---------------------------

negative = schemathesis.openapi.from_asgi("/openapi.json", APP)
negative.config.generation.update(modes=[GenerationMode.NEGATIVE])


@negative.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_requests_outside_the_schema_are_4xx_with_the_error_shape(case: Any) -> None:
    headers = {"Authorization": f"Bearer {APP.state.fuzz_key}",
               "X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET}
    response = case.call(headers=headers)
    content_type = (response.headers.get("content-type") or [""])[0]
    assert_fine(response.status_code, content_type, response.content, (case.method, case.path))

