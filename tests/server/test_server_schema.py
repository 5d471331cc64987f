"""Property-based runs: every operation of /openapi.json with schemathesis, and signed random chat
payloads with hypothesis. The property: no answer is a 5xx, whatever the input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
import schemathesis
from conftest import NOW, SLACK_SECRET, TELEGRAM_SECRET, make_user, write_config
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error

from nlentry.server.app import create_app
from nlentry.server.settings import Settings
from nlentry.server.slack import sign


def _fuzzed_app() -> Any:
    # built at import, because schemathesis parametrizes the tests from the app's schema, so no
    # tmp_path fixture: the folder is removed when the test process ends
    import atexit
    import shutil
    import tempfile

    root = tempfile.mkdtemp(prefix="nlentry-fuzz-")
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    home = Path(root) / "server"
    write_config(home, rate_limit=1_000_000, max_body=4096)
    make_user(home, "alice")
    app = create_app(Settings.load({"NLENTRY_HOME": str(home)}), now=lambda: NOW, worker=False)
    key, _ = app.state.nlentry.keys.create("alice")
    app.state.fuzz_key = key
    app.state.nlentry.users.link("alice", "slack:T1:U1")
    app.state.nlentry.users.link("alice", "telegram:42")
    return app


APP = _fuzzed_app()
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module")
def fuzzed() -> Any:
    return APP


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_operation_answers_5xx(case: Any) -> None:
    headers = {"Authorization": f"Bearer {APP.state.fuzz_key}"}
    case.call_and_validate(headers=headers, checks=[not_a_server_error])


# --- chat payloads that pass the signature check, so the fuzzing reaches the flow ------------------

_texts = st.text(st.characters(codec="utf-8"), max_size=80) | st.sampled_from(
    ["2 uur overleg", "ongedaan", "help", "2 hours on Timi and Webshop", "1 uur", ""]
)
_values = st.recursive(
    st.none() | st.booleans() | st.integers() | _texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_texts, inner, max_size=3),
    max_leaves=8,
)


@pytest.fixture(scope="module")
def chat_client(fuzzed: Any) -> Any:
    return fuzzed


def _post(app: Any, path: str, body: bytes, headers: dict[str, str] | None = None) -> httpx.Response:
    """POST in-process; signed as Slack would when no headers are given."""
    import anyio

    if headers is None:
        stamp = str(int(app.state.nlentry.clock()))
        headers = {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": sign(SLACK_SECRET, stamp, body)}

    async def go() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
            return await client.post(path, content=body, headers=headers)

    return anyio.run(go)


@given(
    form=st.dictionaries(
        st.sampled_from(["team_id", "user_id", "text", "response_url", "ssl_check", "x"]), _texts, max_size=5
    )
)
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
def test_signed_slack_commands_never_5xx(chat_client: Any, form: dict[str, str]) -> None:
    assert _post(chat_client, "/slack/commands", urlencode(form).encode()).status_code < 500


@given(
    payload=st.fixed_dictionaries(
        {
            "type": st.sampled_from(["block_actions", "view_submission"]) | _texts,
            "user": st.fixed_dictionaries({"id": st.just("U1") | _texts}) | _values,
            "team": st.fixed_dictionaries({"id": st.just("T1")}) | _values,
            "actions": st.lists(
                st.fixed_dictionaries(
                    {
                        "action_id": st.sampled_from(
                            ["confirm:0:0", "pick:0:0", "undo:0:0", "change:1:1", "cancel:0:2"]
                        )
                        | _texts,
                        "value": _texts | _values,
                    }
                ),
                max_size=2,
            )
            | _values,
            "response_url": _texts,
        }
    )
)
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
def test_signed_slack_interactions_never_5xx(chat_client: Any, payload: dict[str, Any]) -> None:
    body = urlencode({"payload": json.dumps(payload)}).encode()
    assert _post(chat_client, "/slack/interactions", body).status_code < 500


@given(
    update=st.fixed_dictionaries(
        {},
        optional={
            "message": st.fixed_dictionaries(
                {
                    "from": st.fixed_dictionaries({"id": st.just(42) | st.integers()}) | _values,
                    "chat": st.fixed_dictionaries({"id": st.integers()}) | _values,
                    "text": _texts | _values,
                }
            )
            | _values,
            "callback_query": st.fixed_dictionaries(
                {
                    "from": st.fixed_dictionaries({"id": st.just(42)}) | _values,
                    "data": _texts | st.sampled_from(["confirm|x", "pick|a:1", "undo|"]),
                    "message": _values,
                }
            )
            | _values,
        },
    )
)
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
def test_telegram_updates_never_5xx(chat_client: Any, update: dict[str, Any]) -> None:
    r = _post(
        chat_client,
        "/telegram/webhook",
        json.dumps(update).encode(),
        {"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET, "Content-Type": "application/json"},
    )
    assert r.status_code < 500


def test_the_schema_file_is_valid_json(fuzzed: Any, tmp_path: Path) -> None:
    assert fuzzed.openapi()["openapi"].startswith("3.")
