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
from conftest import SLACK_SECRET, backend_config, make_user, write_config

from nlentry.server.slack import sign

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def served(
    tmp_path: Path, backend: str, secret_key: str, request: pytest.FixtureRequest
) -> Iterator[tuple[str, str]]:
    home = tmp_path / "server"
    write_config(home, **backend_config(backend, request, tmp_path))
    make_user(home, "alice")
    done = subprocess.run(
        [sys.executable, "-m", "nlentry", "apikey", "create", "alice"],
        capture_output=True,
        text=True,
        env={**os.environ, "NLENTRY_HOME": str(home)},
        check=True,
    )
    key = done.stdout.strip()
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
        yield base, key
    finally:
        process.terminate()
        try:
            output, _ = process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            output, _ = process.communicate()
        # nothing secret in the server's output: the API key, Slack's secret, the credentials' key
        assert key not in output and SLACK_SECRET not in output
        assert secret_key not in output


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
