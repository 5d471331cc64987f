"""The real thing: `nlentry serve` in its own process on a free 127.0.0.1 port, spoken to over HTTP, with
its state in server.db or in PostgreSQL."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest
from conftest import SLACK_SECRET, TELEGRAM_SECRET, backend_config, make_user, write_config

from nlentry.server.slack import sign

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serving(home: Path, *secrets: str) -> Iterator[str]:
    """`nlentry serve` on a free port of 127.0.0.1 over `home`, until the block ends; yields its base URL.
    Afterwards none of `secrets` may be in what the process printed."""
    port = free_port()
    env = {**os.environ, "NLENTRY_HOME": str(home)}
    env.pop("NLENTRY_SLACK_SIGNING_SECRET", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "nlentry", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            assert process.poll() is None, process.stdout.read() if process.stdout else ""
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        try:
            output, _ = process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            output, _ = process.communicate()
        assert not [s for s in secrets if s in output]  # nothing secret in the server's output


def api_key(home: Path, user: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "nlentry", "apikey", "create", user],
        capture_output=True,
        text=True,
        env={**os.environ, "NLENTRY_HOME": str(home)},
        check=True,
    )
    return done.stdout.strip()


@pytest.fixture
def served(
    tmp_path: Path, backend: str, secret_key: str, request: pytest.FixtureRequest
) -> Iterator[tuple[str, str]]:
    home = tmp_path / "server"
    write_config(home, **backend_config(backend, request, tmp_path))
    make_user(home, "alice")
    key = api_key(home, "alice")
    # the API key, Slack's secret and the credentials' key never appear in the server's output
    with serving(home, key, SLACK_SECRET, secret_key) as base:
        yield base, key


def test_two_processes_on_postgresql_share_one_rate(
    tmp_path: Path, pg_url: str, secret_key: str, request: pytest.FixtureRequest
) -> None:
    """Two real `nlentry serve` processes on one PostgreSQL database: a user's requests spread over both
    are allowed exactly `rate_limit` times (in memory, each process would allow it on its own)."""
    home = tmp_path / "server"
    write_config(home, rate_limit=6, rate_period=3600, **backend_config("postgresql", request, tmp_path))
    make_user(home, "alice")
    key = api_key(home, "alice")
    with serving(home, key, secret_key) as one, serving(home, key, secret_key) as two:
        auth = {"Authorization": f"Bearer {key}"}
        codes = [
            httpx.post(f"{base}/v1/parse", headers=auth, json={"text": "1 uur"}, timeout=10).status_code
            for _ in range(8)
            for base in (one, two)
        ]
    assert codes.count(200) == 6 and codes.count(429) == 10 and codes[:6] == [200] * 6


def test_real_server_over_http(served: tuple[str, str]) -> None:
    base, key = served
    with httpx.Client(base_url=base, timeout=10) as client:
        assert client.get("/healthz").json()["status"] == "ok"
        assert client.get("/readyz").json()["status"] == "ok"
        assert "/v1/parse" in client.get("/openapi.json").json()["paths"]
        auth = {"Authorization": f"Bearer {key}"}
        r = client.post("/v1/parse", headers=auth, json={"text": "2,5 uur met Rowan aan Timi gewerkt"})
        assert r.status_code == 200 and r.json()["project"]["name"] == "Timi"
        assert client.post("/v1/parse", json={"text": "1 uur"}).status_code == 401
        saved = client.post("/v1/entries", headers=auth, json={"text": "2 uur overleg aan Webshop"})
        assert saved.status_code == 201 and saved.json()["state"] == "posted"
        day = saved.json()["entry"]["date"]
        assert [i["id"] for i in client.get(f"/v1/entries?date={day}", headers=auth).json()] == [
            saved.json()["id"]
        ]
        body = urlencode({"team_id": "T1", "user_id": "U1", "text": "2 uur overleg"}).encode()
        stamp = str(int(time.time()))
        r = client.post(
            "/slack/commands",
            content=body,
            headers={
                "X-Slack-Request-Timestamp": stamp,
                "X-Slack-Signature": sign(SLACK_SECRET, stamp, body),
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        assert r.status_code == 200 and "nlentry users link" in r.json()["text"]
        r = client.post(
            "/v1/parse", headers={**auth, "Content-Type": "application/json"}, content=b"x" * 200_000
        )
        assert r.status_code == 413


def test_the_real_server_answers_every_hostile_body(served: tuple[str, str]) -> None:
    """Over a real socket a crash would show as a dropped connection: every answer must arrive."""
    from test_server_hostile import APP, HOSTILE, assert_answer, operations

    base, key = served
    headers = {"Authorization": f"Bearer {key}", "X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET,
               "Content-Type": "application/json"}
    with httpx.Client(base_url=base, timeout=30) as client:
        for name, body in HOSTILE.items():
            for method, path in operations(APP):
                if method != "GET":
                    r = client.request(method, path, content=body, headers=headers)
                    assert_answer(r, (name, method, path))
        assert client.get("/healthz").json()["status"] == "ok"
