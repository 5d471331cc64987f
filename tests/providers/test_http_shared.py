"""The shared HTTP pieces of the hosted providers (nlentry/providers/_http/)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, time, timezone
from email.utils import format_datetime
from zoneinfo import ZoneInfo

import httpx
import pytest

import nlentry
from nlentry.config import redact
from nlentry.providers._http.client import Api, make_client
from nlentry.providers._http.oauth import OAuthToken
from nlentry.providers._http.ratelimit import RateLimiter
from nlentry.providers._http.responses import provider_message, retry_after
from nlentry.providers._http.settings import Settings
from nlentry.providers._http.tokens import oauth_settings
from nlentry.providers.base import AuthError, ProviderError, RejectedError, TransientError

NOW = 1_790_000_000.0


class FakeTime:
    """A clock and a sleep that advances it: rate limiting without waiting."""

    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


# --- Retry-After ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("headers", "expected"), [
    ({"Retry-After": "177"}, 177.0),
    ({"Retry-After": "1.5"}, 1.5),
    ({"Retry-After": "-5"}, 0.0),
    ({"Retry-After": format_datetime(datetime.fromtimestamp(NOW + 90, timezone.utc), usegmt=True)}, 90.0),
    ({"Retry-After": format_datetime(datetime.fromtimestamp(NOW - 90, timezone.utc), usegmt=True)}, 0.0),
    ({"X-RateLimit-Reset": str(int(NOW + 60))}, 60.0),  # a unix timestamp (Timeneye)
    ({"X-RateLimit-Reset": "30"}, 30.0),  # seconds from now (other APIs)
    ({"Retry-After": "soon", "X-RateLimit-Reset": str(int(NOW + 10))}, 10.0),
    ({"Retry-After": "soon"}, None),
    ({}, None),
])
def test_retry_after(headers: dict[str, str], expected: float | None) -> None:
    assert retry_after(httpx.Headers(headers), now=NOW) == expected


# --- the rate limiter ----------------------------------------------------------------------------------


def test_the_limiter_waits_for_a_slot() -> None:
    t = FakeTime()
    limiter = RateLimiter(3, 10.0, clock=t.clock, sleep=t.sleep, max_wait=30)
    for _ in range(3):
        limiter.acquire()
    assert t.slept == []
    t.now = 4.0
    limiter.acquire()  # the 4th waits until the 1st leaves the window
    assert t.slept == [6.0] and t.now == 10.0
    limiter.acquire()
    limiter.acquire()
    assert t.slept == [6.0]  # at t=10 the three from t=0 have left the window: two more fit


def test_the_limiter_gives_up_beyond_max_wait() -> None:
    t = FakeTime()
    limiter = RateLimiter(2, 300.0, clock=t.clock, sleep=t.sleep, max_wait=30)
    limiter.acquire()
    limiter.acquire()
    with pytest.raises(TransientError, match="client-side rate limit") as caught:
        limiter.acquire()
    assert caught.value.retry_after == 300 and t.slept == []


def test_a_pause_holds_every_request() -> None:
    t = FakeTime()
    limiter = RateLimiter(None, 60.0, clock=t.clock, sleep=t.sleep, max_wait=5)
    limiter.acquire()
    limiter.pause(3)
    limiter.acquire()
    assert t.slept == [3]
    limiter.pause(100)
    with pytest.raises(TransientError) as caught:
        limiter.acquire()
    assert caught.value.retry_after == 100
    with pytest.raises(ValueError):
        RateLimiter(0, 1.0)


# --- the client and error mapping -----------------------------------------------------------------------


def api_answering(response: httpx.Response, **options: object) -> Api:
    client = make_client("https://api.test/v1", transport=httpx.MockTransport(lambda request: response))
    return Api(client, provider="demo", secrets=lambda: ["s3cret-token"], clock=lambda: NOW, **options)  # type: ignore[arg-type]


def test_make_client_defaults() -> None:
    client = make_client("https://api.test/v1")
    assert client.headers["User-Agent"] == f"nlentry/{nlentry.__version__}"
    assert client.timeout.connect == 5.0 and client.timeout.read == 15.0
    assert client.follow_redirects is False


@pytest.mark.parametrize(("status", "error"), [
    (401, AuthError), (403, AuthError), (400, RejectedError), (404, RejectedError), (422, RejectedError),
    (302, RejectedError), (429, TransientError), (500, TransientError), (503, TransientError),
])
def test_status_codes_map_to_protocol_errors(status: int, error: type[Exception]) -> None:
    api = api_answering(httpx.Response(status, json={"message": "nope"}))
    with pytest.raises(error):
        api.request("GET", "things")


def test_a_transient_error_carries_retry_after() -> None:
    api = api_answering(httpx.Response(503, headers={"Retry-After": "12"}, text="down"))
    with pytest.raises(TransientError, match=r"GET /things: server error \(HTTP 503\): down") as caught:
        api.request("GET", "things?token=s3cret-token")
    assert caught.value.retry_after == 12
    assert "s3cret-token" not in str(caught.value)


def test_missing_ok_and_expected_shapes() -> None:
    api = api_answering(httpx.Response(404, json={"message": "gone"}))
    assert api.request("DELETE", "things/1", missing_ok=True).status_code == 404
    api = api_answering(httpx.Response(200, json="a string"))
    with pytest.raises(ProviderError, match="unexpected str"):
        api.json("GET", "things", expect=(list, dict))
    assert api_answering(httpx.Response(204)).json("DELETE", "things/1") is None


@pytest.mark.parametrize(("body", "message"), [
    ({"message": "unauthorized"}, "unauthorized"),
    ({"errors": {"duration": ["is geen getal"], "date": ["is ongeldig"]}},
     "duration: is geen getal; date: is ongeldig"),
    ({"message": "The minutes field is required. (and 1 more error)",
      "errors": {"minutes": ["The minutes field is required."], "date": ["The date field is required."]}},
     "minutes: The minutes field is required.; date: The date field is required."),
    ({"error": "invalid_grant", "error_description": "expired"}, "invalid_grant; expired"),
    ({"errors": ["one", "two"]}, "one; two"),
])
def test_provider_message(body: object, message: str) -> None:
    assert provider_message(httpx.Response(422, json=body)) == message


def test_provider_message_of_a_page() -> None:
    page = httpx.Response(502, text="<html>Bad gateway</html>\nmore")
    assert provider_message(page) == "<html>Bad gateway</html>"
    assert provider_message(httpx.Response(500)) == "Internal Server Error"
    assert len(provider_message(httpx.Response(400, text="x" * 1000))) == 300


def test_redact_covers_encoded_forms() -> None:
    text = "a=me%40x.nl%3Aab%2Bcd%20efgh b=me@x.nl:ab+cd efgh c=ab%2Bcd+efgh"
    assert redact(text, ["me@x.nl:ab+cd efgh", "ab+cd efgh", "xy"]) == "a=*** b=*** c=***"


# --- the emulators' fault hooks --------------------------------------------------------------------------


def test_fail_next_before_and_after_the_work_and_delay() -> None:
    from nlentry.providers.timi.fake import TimiFake

    fake = TimiFake()
    client = httpx.Client(transport=fake.transport(), base_url=fake.BASE_URL,
                          headers={"X-Api-Key": f"{fake.email}:{fake.token}"})
    post = {"body": "x", "duration": "60"}
    fake.fail_next(status=503, times=2, headers={"Retry-After": "3"})
    assert [client.post("time_entries.json", data=post).status_code for _ in range(3)] == [503, 503, 201]
    assert len(fake.entries) == 1  # the failures did nothing
    fake.fail_next(status=504, after=True)
    assert client.post("time_entries.json", data=post).status_code == 504
    assert len(fake.entries) == 2  # done, though the answer says otherwise
    fake.fail_next(exc=httpx.ReadTimeout)
    with pytest.raises(httpx.ReadTimeout):
        client.get("projects.json")
    fake.delay = 0.05
    started = datetime.now()
    assert client.get("projects.json").status_code == 200
    assert (datetime.now() - started).total_seconds() >= 0.05
    fake.delay, fake.rate_limit_after = 0.0, 1
    assert [client.get("projects.json").status_code for _ in range(2)] == [200, 429]


# --- tokens and settings ----------------------------------------------------------------------------------


def test_oauth_token_round_trip_and_repr() -> None:
    token = OAuthToken.from_response({"access_token": "at-12345", "expires_in": 60}, now=NOW,
                                     previous=OAuthToken("old", "rt-12345"))
    assert (token.refresh_token, token.expires_at) == ("rt-12345", NOW + 60)  # kept when none came back
    assert OAuthToken.from_dict(token.to_dict()) == token
    assert "at-12345" not in repr(token) and "rt-12345" not in repr(token)
    assert token.expired(NOW + 1) and not OAuthToken("x").expired(NOW)
    with pytest.raises(AuthError):
        OAuthToken.from_response({"token_type": "Bearer"}, now=NOW)


def test_settings_read_types_and_name_the_key_only() -> None:
    s = Settings("demo", {"n": "5", "t": " text ", "z": "Europe/Amsterdam", "d": "08:30", "bad": "soon",
                          "token": "s3cret-token"})
    assert (s.number("n", 1.0), s.whole("n"), s.text("t"), s.text("missing", "x")) == (5.0, 5, "text", "x")
    assert s.zone("z") == ZoneInfo("Europe/Amsterdam") and s.zone("missing") is None
    assert s.clock_time("d", datetime.min.time()).isoformat() == "08:30:00"
    for call in (lambda: s.number("bad", 1.0), lambda: s.zone("bad"), lambda: s.clock_time("bad", time(9))):
        with pytest.raises(ProviderError, match="'bad' must be") as caught:
            call()
        assert "soon" not in str(caught.value)


def test_oauth_settings_order() -> None:
    token, save = oauth_settings(Settings("demo", {"token": "pat-12345"}))
    assert token == OAuthToken("pat-12345") and save is None
    token, save = oauth_settings(Settings("demo", {"refresh_token": "rt-12345"}))
    assert token is not None and token.refresh_token == "rt-12345" and token.expired(NOW)
    assert oauth_settings(Settings("demo", {})) == (None, None)


# --- import cost --------------------------------------------------------------------------------------------


def test_provider_packages_import_without_httpx() -> None:
    """The registry imports every provider package to find PROVIDER: that must stay cheap."""
    code = ("import json, sys\n"
            "import nlentry.providers.timi, nlentry.providers.timeneye, nlentry.providers.tyme\n"
            "import nlentry.providers.timetagger\n"
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'httpx')))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          check=True)
    assert json.loads(done.stdout) == []
