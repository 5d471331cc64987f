"""`POST /v1/parse` is answered by `ParseLane`, before the router, with exactly the route's answers.

The lane exists for speed (the router's way cost as much per request as the parse); the route stays as
the referee: an app built without the lane answers every request here, good and bad, with the same
status, headers and body.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from conftest import NOW, Server

from nlentry.server.api import ParseLane
from nlentry.server.app import create_app
from nlentry.server.settings import Settings

pytestmark = pytest.mark.anyio

GOOD = "Bearer {alice}"
EN = {"now": "2026-03-10T12:00:00+01:00", "locale": "en"}
REQUESTS: list[tuple[str, bytes]] = [
    (GOOD, json.dumps({"text": "2,5 uur met Rowan aan Timi gewerkt"}).encode()),
    (GOOD, json.dumps({"text": "yesterday 2 hours", **EN}).encode()),
    (GOOD, json.dumps({"text": "gisteren van 9 tot half 11 overleg met Erik ✓"}, ensure_ascii=False)
     .encode()),
    (GOOD, json.dumps({"text": "30 uur aan Webshop"}).encode()),  # refused: longer than a day
    (GOOD, json.dumps({"text": "1 uur", "locale": "xx-unknown"}).encode()),
    (GOOD, json.dumps({"text": "1 uur", "now": "0001-01-01T00:00:00"}).encode()),
    (GOOD, json.dumps({"text": "\ud800 uur"}).encode()),  # a lone surrogate, escaped
    (GOOD, json.dumps({"text": ""}).encode()),
    (GOOD, json.dumps({"text": 5}).encode()),
    (GOOD, json.dumps({"text": "2 uur", "extra": 1}).encode()),
    (GOOD, json.dumps({"text": "x" * 501}).encode()),
    (GOOD, b"{not json"),
    (GOOD, b""),
    ("", json.dumps({"text": "1 uur"}).encode()),
    ("Basic {alice}", json.dumps({"text": "1 uur"}).encode()),
    ("Bearer nle_not-a-real-key", json.dumps({"text": "1 uur"}).encode()),
    ("Bearer nle_not-a-real-key", b"{not json"),
]


def _route_only(server: Server) -> Any:
    """The server's app again, on the same home and clock, without the lane: the route answers."""
    app = create_app(Settings.load({"NLENTRY_HOME": str(server.home)}), clock=server.clock, now=lambda: NOW,
                     worker=False)
    app.user_middleware = [m for m in app.user_middleware if m.cls is not ParseLane]
    return app


async def test_the_lane_answers_as_the_route_does(server: Server) -> None:
    app = _route_only(server)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://nlentry.test") as route:
        for authorization, body in REQUESTS:
            headers = {"Content-Type": "application/json"}
            if authorization:
                headers["Authorization"] = authorization.format(alice=server.keys["alice"])
            fast = await server.client.post("/v1/parse", headers=headers, content=body)
            slow = await route.post("/v1/parse", headers=headers, content=body)
            assert (fast.status_code, fast.headers.multi_items(), fast.content) == \
                (slow.status_code, slow.headers.multi_items(), slow.content), (authorization, body)
    await app.state.nlentry.aclose()
    app.state.nlentry.close()
    # the list reaches every kind of answer
    statuses = set()
    for authorization, body in REQUESTS:
        headers = {"Authorization": authorization.format(alice=server.keys["alice"])} if authorization else {}
        statuses.add((await server.client.post("/v1/parse", headers=headers, content=body)).status_code)
    assert statuses == {200, 401, 422}


async def test_parse_requests_skip_the_router(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    router = type(server.app.router)
    routed: list[str] = []
    through = router.__call__

    async def counted(self: Any, scope: Any, receive: Any, send: Any) -> None:
        routed.append(scope["path"])
        await through(self, scope, receive, send)

    monkeypatch.setattr(router, "__call__", counted)
    r = await server.client.post("/v1/parse", headers=server.auth(), json={"text": "1 uur overleg"})
    assert r.status_code == 200 and r.json()["duration"] == 3600
    assert (await server.client.post("/v1/parse", json={"text": "1 uur"})).status_code == 401
    assert routed == []
    assert (await server.client.get("/healthz")).status_code == 200  # everything else is routed
    r = await server.client.put("/v1/parse", headers=server.auth(), json={"text": "1 uur"})
    assert r.status_code == 405
    assert routed == ["/healthz", "/v1/parse"]
