"""Emulator support, the base of every provider's `fake.py`: fault injection, a switchable rate limit,
a request log (`FakeApi`) and the authorization-server half (`FakeOAuth`), so every fake behaves alike."""

from __future__ import annotations

import collections
import contextlib
import json
import secrets as _secrets
import threading
import time
import urllib.parse
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

import httpx

from nlentry.providers._http.client import Clock
from nlentry.providers._http.oauth import pkce_challenge


@dataclass
class Fault:
    """One injected failure: a status answered, or an exception raised, before or after the real work."""

    status: int = 500
    body: Any = None
    headers: Mapping[str, str] = field(default_factory=dict)
    exc: type[Exception] | None = None
    after: bool = False


def json_response(status: int, body: Any = None, headers: Mapping[str, str] | None = None) -> httpx.Response:
    """A JSON response (no body for 204)."""
    if status == 204 or body is None:
        return httpx.Response(status, headers=headers)
    return httpx.Response(status, content=json.dumps(body).encode(),
                          headers={"Content-Type": "application/json", **(headers or {})})


_Fake = TypeVar("_Fake", bound="FakeApi")
_Provider = TypeVar("_Provider")


class FakeApi:
    """Base class of the in-process emulators; an instance is an `httpx.MockTransport` handler.

    Usage::

        fake = TimiFake()
        client = httpx.Client(transport=fake.transport())
        fake.fail_next(status=500, times=2)             # the next two requests answer 500
        fake.fail_next(exc=httpx.ReadTimeout)           # the next request times out
        fake.fail_next(status=504, after=True)          # done, but the answer is lost
        fake.rate_limit_after = 3                       # 429 after 3 requests in the window
        fake.delay = 0.2                                # every answer takes 0.2 s

    Subclasses implement `handle(request)` over their in-memory state and `rate_limited(wait)`
    (the provider's 429). `requests` logs what arrived; `clock` (unix seconds) is settable so tests
    can move time (token expiry, rate windows) without waiting. Handling is serialised by a lock,
    so concurrent callers see a consistent server.
    """

    #: seconds of a fixed rate-limit window (the count resets when it ends)
    rate_window: float = 60.0

    def __init__(self, *, clock: Clock = time.time) -> None:
        self.clock = clock
        self.requests: list[httpx.Request] = []
        self.rate_limit_after: int | None = None
        self.delay = 0.0
        self._faults: collections.deque[Fault] = collections.deque()
        self._window_start = 0.0
        self._window_count = 0
        self._lock = threading.RLock()

    @classmethod
    def seeded(cls: type[_Fake], catalog: Mapping[str, Any]) -> _Fake:
        """A new fake holding `catalog` (see `load_catalog`)."""
        fake = cls()
        fake.load_catalog(catalog)
        return fake

    def load_catalog(self, catalog: Mapping[str, Any]) -> None:
        """Replace the server's catalog with one in nlentry's catalog JSON shape."""
        raise NotImplementedError

    def transport(self) -> httpx.MockTransport:
        """This fake as an httpx transport."""
        return httpx.MockTransport(self)

    def fail_next(
        self,
        status: int = 500,
        *,
        times: int = 1,
        body: Any = None,
        headers: Mapping[str, str] | None = None,
        exc: type[Exception] | None = None,
        after: bool = False,
    ) -> None:
        """Make the next `times` requests fail with `status` (or raise `exc`, e.g. `httpx.ConnectError`).

        `after=True` does the work first, then fails: the server acted but the client never heard.
        """
        for _ in range(times):
            self._faults.append(Fault(status, body, dict(headers or {}), exc, after))

    def counts_for_rate_limit(self, request: httpx.Request) -> bool:
        """Whether `request` uses up the rate budget (token endpoints usually do not)."""
        return True

    def rate_limited(self, wait: float) -> httpx.Response:
        """The provider's 429 when the window is used up, `wait` seconds before it resets."""
        return json_response(429, {"message": "rate limit exceeded"})

    def handle(self, request: httpx.Request) -> httpx.Response:
        """Answer one request from the in-memory state."""
        raise NotImplementedError

    def _fail(self, fault: Fault, request: httpx.Request) -> httpx.Response:
        if fault.exc is not None:
            raise fault.exc("injected fault", request=request) if issubclass(
                fault.exc, httpx.RequestError) else fault.exc("injected fault")
        if isinstance(fault.body, str):  # a page, not JSON (a proxy, a maintenance notice)
            return httpx.Response(fault.status, text=fault.body,
                                  headers={"Content-Type": "text/html", **fault.headers})
        body = fault.body if fault.body is not None else {"message": "injected fault"}
        return json_response(fault.status, body, fault.headers)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if self.delay:
            time.sleep(self.delay)
        request.read()
        with self._lock:
            self.requests.append(request)
            fault = self._faults.popleft() if self._faults else None
            if fault is not None and not fault.after:
                return self._fail(fault, request)
            if self.rate_limit_after is not None and self.counts_for_rate_limit(request):
                now = self.clock()
                if now >= self._window_start + self.rate_window:
                    self._window_start, self._window_count = now, 0
                self._window_count += 1
                if self._window_count > self.rate_limit_after:
                    return self.rate_limited(self._window_start + self.rate_window - now)
            response = self.handle(request)
            if fault is not None:
                return self._fail(fault, request)
            return self.finish(request, response)

    def finish(self, request: httpx.Request, response: httpx.Response) -> httpx.Response:
        """A last touch on every handled answer (e.g. rate-limit headers); default: as it is."""
        return response

    @property
    def window_remaining(self) -> int | None:
        """Requests left in the current rate window (None: no limit set)."""
        if self.rate_limit_after is None:
            return None
        if self.clock() >= self._window_start + self.rate_window:
            return self.rate_limit_after
        return max(0, self.rate_limit_after - self._window_count)

    @property
    def window_reset(self) -> float:
        """Unix time at which the current rate window ends."""
        now = self.clock()
        return self._window_start + self.rate_window if now < self._window_start + self.rate_window else now


class FakeOAuth:
    """The authorization server half of an emulator: apps, PKCE codes, expiring and rotating tokens.

    Usage (inside a fake)::

        self.oauth = FakeOAuth(clock=self.clock, ttl=86400, prefix="tn")
        self.oauth.register_app("my-app", "http://127.0.0.1/cb")
        redirect = self.oauth.authorize(login.url)            # the user clicks "allow"
        status, body = self.oauth.grant(form_or_json(request))  # the token endpoint
        if not self.oauth.valid(bearer_token): ...             # 401

    Codes work once and must match the S256 challenge of the authorize URL; a refresh token works
    once and is replaced by a new one with every grant.
    """

    def __init__(self, *, clock: Clock, ttl: float, prefix: str) -> None:
        self.clock = clock
        self.ttl = ttl
        self.prefix = prefix
        self.apps: dict[str, tuple[str, str | None]] = {}  # client id -> (redirect URI, secret)
        self.codes: dict[str, dict[str, str]] = {}
        self.access: dict[str, float] = {}  # access token -> expiry (unix time)
        self.refresh: dict[str, str] = {}  # refresh token -> client id
        self.static: set[str] = set()  # personal tokens, untouched by `expire_all`

    def register_app(self, client_id: str, redirect_uri: str, secret: str | None = None) -> None:
        """An app as the provider's developer portal registers it."""
        self.apps[client_id] = (redirect_uri, secret)

    def add_static(self, token: str, ttl: float) -> None:
        """A personal access token valid for `ttl` seconds."""
        self.access[token] = self.clock() + ttl
        self.static.add(token)

    def authorize(self, url: str) -> str:
        """The user allows the app at `url`: returns the redirect (with `code` and `state`)."""
        query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))
        app = self.apps.get(query.get("client_id", ""))
        if app is None or app[0] != query.get("redirect_uri"):
            raise ValueError("unknown app or redirect URI")
        if query.get("response_type") != "code" or query.get("code_challenge_method") != "S256":
            raise ValueError("only response_type=code with an S256 PKCE challenge is allowed")
        code = _secrets.token_urlsafe(24)
        self.codes[code] = {"client_id": query["client_id"], "redirect_uri": query["redirect_uri"],
                            "challenge": query.get("code_challenge", "")}
        answer = urllib.parse.urlencode({"code": code, "state": query.get("state", "")})
        return f"{query['redirect_uri']}?{answer}"

    def issue(self, client_id: str) -> dict[str, Any]:
        """A new token answer (RFC 6749 keys) for `client_id`."""
        access = f"{self.prefix}-at-{_secrets.token_hex(12)}"
        refresh = f"{self.prefix}-rt-{_secrets.token_hex(12)}"
        self.access[access] = self.clock() + self.ttl
        self.refresh[refresh] = client_id
        return {"token_type": "Bearer", "expires_in": self.ttl, "access_token": access,
                "refresh_token": refresh}

    def valid(self, token: str) -> bool:
        """Whether `token` is a known, unexpired access token."""
        return self.access.get(token, 0.0) > self.clock()

    def expire_all(self) -> None:
        """Every OAuth access token expires now (personal tokens stay valid)."""
        for token in self.access:
            if token not in self.static:
                self.access[token] = self.clock() - 1

    def _client_ok(self, form: Mapping[str, Any]) -> bool:
        app = self.apps.get(str(form.get("client_id") or ""))
        return app is not None and (app[1] is None or form.get("client_secret") == app[1])

    def grant(self, form: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """The token endpoint: (status, body) for an `authorization_code` or `refresh_token` grant."""

        def refused(description: str, error: str = "invalid_grant") -> tuple[int, dict[str, Any]]:
            return 400, {"error": error, "error_description": description}

        grant = form.get("grant_type")
        if not self._client_ok(form):
            return 401, {"error": "invalid_client", "error_description": "Client authentication failed"}
        client_id = str(form["client_id"])
        if grant == "authorization_code":
            code = self.codes.pop(str(form.get("code") or ""), None)  # a code works once
            if (code is None or code["client_id"] != client_id
                    or code["redirect_uri"] != form.get("redirect_uri")):
                return refused("The authorization code is invalid")
            if pkce_challenge(str(form.get("code_verifier") or "")) != code["challenge"]:
                return refused("The code verifier does not match the code challenge")
            return 200, self.issue(client_id)
        if grant == "refresh_token":
            owner = self.refresh.pop(str(form.get("refresh_token") or ""), None)  # rotates
            if owner != client_id:
                return refused("The refresh token is invalid")
            return 200, self.issue(client_id)
        return refused("Unsupported grant type", "unsupported_grant_type")


@contextlib.contextmanager
def provider_of(pair: contextlib.AbstractContextManager[tuple[_Provider, Any]]) -> Iterator[_Provider]:
    """The provider alone of a `testing.fake_provider(...)` pair (for the contract suite's hooks)."""
    with pair as (provider, _fake):
        yield provider


def form_or_json(request: httpx.Request) -> dict[str, Any]:
    """The fields of a request body, whether form-encoded or JSON (emulators accept both)."""
    if not request.content:
        return {}
    if request.headers.get("Content-Type", "").startswith("application/json"):
        data = json.loads(request.content)
        return data if isinstance(data, dict) else {}
    fields = urllib.parse.parse_qs(request.content.decode(), keep_blank_values=True)
    return {k: v[-1] for k, v in fields.items()}
