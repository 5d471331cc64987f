"""What the HTTP providers (Timi, Timeneye, Tyme) share: the client, error mapping, rate limiting, OAuth.

Every hosted provider talks through an `Api`: one `httpx.Client` (made by `make_client`) plus the
rules that turn the wire into the protocol's errors, so each provider's `client.py` only says *which*
requests to send:

- network errors, timeouts, 5xx and 429 raise `TransientError` (with `retry_after` in seconds when the
  server said so through `Retry-After`, as seconds or an HTTP date, or `X-RateLimit-Reset`);
- 401 and 403 raise `AuthError`; any other 4xx raises `RejectedError` carrying the provider's message;
- a `RateLimiter` keeps the client under the provider's request budget *before* the server complains;
- every message passes through a redactor that replaces the provider's secrets with `***`.

The OAuth 2.0 pieces (PKCE S256, the authorize URL, code exchange, refresh on expiry or on 401) live
here too, because Timeneye and Tyme differ only in URLs: each one's `auth.py` is an `OAuthServer`
saying where its routes are. TimeTagger's client uses `make_client` and `parse_retry_after` only.

The emulator support at the end (`FakeApi`) is the base of each provider's `fake.py`: fault injection,
a switchable rate limit and a request log, so every fake behaves the same way under test.

This module imports httpx; provider packages import it lazily, so scanning them for `PROVIDER` stays cheap.
What the provider classes share without httpx (closing, `repr`, numeric ids) is in `_hosted.py`.
"""

from __future__ import annotations

import base64
import collections
import contextlib
import email.utils
import hashlib
import json
import math
import os
import secrets as _secrets
import threading
import time
import urllib.parse
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import time as dt_time
from datetime import tzinfo
from pathlib import Path
from typing import Any, TypeVar

import httpx

from nlentry import __version__
from nlentry.providers.base import AuthError, ProviderError, RejectedError, TransientError

USER_AGENT = f"nlentry/{__version__}"

#: Connect fast or give up; a slow answer gets longer. Posting is retried by the outbox, so a request
#: that hangs must end rather than block the user.
DEFAULT_TIMEOUT = 15.0
CONNECT_TIMEOUT = 5.0

Clock = Callable[[], float]


# --- the client -----------------------------------------------------------------------------------


def make_client(
    base_url: str,
    *,
    auth: httpx.Auth | None = None,
    transport: httpx.BaseTransport | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    connect_timeout: float | None = None,
    headers: Mapping[str, str] | None = None,
) -> httpx.Client:
    """An `httpx.Client` for one provider: base URL, User-Agent `nlentry/<version>`, timeouts.

    Usage::

        client = make_client("https://timiapp.com/api/v1/", auth=TimiAuth(email, token))
        client = make_client(base_url, transport=httpx.MockTransport(fake))   # tests

    Parameters:
        base_url: the API root; relative request paths are joined to it.
        auth: an `httpx.Auth` that adds the credentials (and refreshes them).
        transport: replaces the network, e.g. an `httpx.MockTransport` around a provider's fake.
        timeout: seconds for reading, writing and waiting for a pooled connection (connect: at most 5).
        connect_timeout: seconds for connecting, instead of that default.
        headers: extra default headers (they may replace the User-Agent and Accept headers).

    Redirects are not followed: an API that redirects is usually sending us to a login page.
    """
    return httpx.Client(
        base_url=base_url,
        auth=auth,
        transport=transport,
        timeout=httpx.Timeout(timeout, connect=min(timeout, CONNECT_TIMEOUT) if connect_timeout is None
                              else connect_timeout),
        headers={"User-Agent": USER_AGENT, "Accept": "application/json", **(headers or {})},
        follow_redirects=False,
    )


# --- secrets ----------------------------------------------------------------------------------------


def redact(text: str, secrets: Iterable[str]) -> str:
    """`text` with every secret (and its URL-encoded and Basic-auth forms) replaced by `***`."""
    for secret in sorted({s for s in secrets if s and len(s) >= 4}, key=len, reverse=True):
        for form in (secret, urllib.parse.quote(secret, safe=""), urllib.parse.quote_plus(secret)):
            text = text.replace(form, "***")
    return text


def basic_forms(user: str, password: str) -> list[str]:
    """The strings that reveal a Basic-auth secret: `user:password` and its base64 form."""
    joined = f"{user}:{password}"
    return [joined, base64.b64encode(joined.encode()).decode()]


# --- reading responses ------------------------------------------------------------------------------


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from one `Retry-After` value (delta-seconds or an HTTP date), or None.

    `now` (unix seconds, default: the current time) is what an HTTP date is counted from; a date
    without a zone is not understood. Never negative.
    """
    value = (value or "").strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None or when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def retry_after(headers: Mapping[str, str], *, now: float) -> float | None:
    """Seconds to wait before retrying, from `Retry-After` (seconds or HTTP date) or `X-RateLimit-Reset`.

    `X-RateLimit-Reset` is a unix timestamp (Timeneye); a small value is read as seconds from now,
    as some APIs send it. Returns None when the response says nothing usable; never negative.
    """
    wait = parse_retry_after(headers.get("Retry-After"), now=now)
    if wait is not None:
        return wait
    reset = headers.get("X-RateLimit-Reset", "").strip()
    if reset:
        try:
            stamp = float(reset)
        except ValueError:
            return None
        if math.isfinite(stamp):
            return max(0.0, stamp - now if stamp > 1e9 else stamp)
    return None


def provider_message(response: httpx.Response) -> str:
    """The provider's own explanation of an error, one line.

    Understands `{"message": ...}` (Timi, Laravel), `{"errors": {field: [msg]}}` (Rails, Laravel),
    `{"error": ..., "error_description": ...}` (OAuth, Tyme) and falls back to the text of the body.
    """
    try:
        data = response.json()
    except (ValueError, UnicodeDecodeError):
        data = None
    parts: list[str] = []
    if isinstance(data, dict):
        errors = data.get("errors")
        details: list[str] = []  # each field's messages, e.g. "duration: is geen getal"
        texts: list[str] = []
        if isinstance(errors, dict):
            for name, msgs in errors.items():
                msgs = [str(m) for m in (msgs if isinstance(msgs, list) else [msgs])]
                texts.extend(msgs)
                details.append(f"{name}: " + ", ".join(msgs))
        elif isinstance(errors, list):
            texts = details = [str(e) for e in errors]
        for key in ("message", "error", "error_description"):
            value = data.get(key)
            # Laravel repeats the first field error as `message` ("... (and 1 more error)"): say it once.
            if isinstance(value, str) and value.strip() and not (
                    details and (value.startswith("The given data was invalid")
                                 or any(t and value.startswith(t) for t in texts))):
                parts.append(value.strip())
        parts.extend(details)
    elif isinstance(data, str):
        parts.append(data)
    if not parts:
        text = response.text.strip()
        parts.append(text.splitlines()[0] if text else response.reason_phrase or "no explanation")
    message = "; ".join(parts)
    return message if len(message) <= 300 else message[:297] + "..."


# --- rate limiting ----------------------------------------------------------------------------------


class RateLimiter:
    """A sliding-window budget: at most `limit` requests in any `period` seconds, on the client side.

    Usage::

        limiter = RateLimiter(500, 300)        # Timeneye's free plan: 500 requests per 5 minutes
        limiter.acquire()                       # before every request: waits, or raises TransientError
        limiter.pause(177)                      # the server said 429 with Retry-After: 177

    `acquire` waits when the next slot is at most `max_wait` seconds away; further away, it raises
    `TransientError` with `retry_after`, so a long backlog goes back to the outbox instead of blocking
    the user for minutes. `limit=None` means no budget of our own (the server's 429 still pauses us).
    `clock` and `sleep` are injectable so tests need no real waiting.
    """

    def __init__(
        self,
        limit: int | None,
        period: float,
        *,
        max_wait: float = 30.0,
        clock: Clock = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if limit is not None and limit < 1:
            raise ValueError("a rate limit must allow at least one request")
        self.limit = limit
        self.period = period
        self.max_wait = max_wait
        self._clock = clock
        self._sleep = sleep
        self._stamps: collections.deque[float] = collections.deque()
        self._paused_until = 0.0
        self._lock = threading.Lock()

    def _wait(self, now: float) -> float:
        while self._stamps and self._stamps[0] <= now - self.period:
            self._stamps.popleft()
        wait = max(0.0, self._paused_until - now)
        if self.limit is not None and len(self._stamps) >= self.limit:
            wait = max(wait, self._stamps[len(self._stamps) - self.limit] + self.period - now)
        return wait

    def acquire(self) -> None:
        """Take one request slot, waiting up to `max_wait` seconds; else raise `TransientError`."""
        with self._lock:  # held while sleeping: waiting callers are served in order
            wait = self._wait(self._clock())
            if wait > self.max_wait:
                raise TransientError(
                    f"client-side rate limit reached; try again in {math.ceil(wait)} s", retry_after=wait
                )
            if wait > 0:
                self._sleep(wait)
            now = self._clock()
            self._wait(now)
            self._stamps.append(now)

    def pause(self, seconds: float) -> None:
        """Send nothing for `seconds` (the server asked us to back off)."""
        with self._lock:
            self._paused_until = max(self._paused_until, self._clock() + seconds)


# --- the API wrapper ----------------------------------------------------------------------------------


class SecretAuth(httpx.Auth):
    """An `httpx.Auth` that can say which strings would reveal its credentials (for the redactor)."""

    def secrets(self) -> list[str]:
        """The strings that must never appear in a message or a log line."""
        raise NotImplementedError


def _maybe_received(exc: httpx.HTTPError) -> bool:
    """Whether the request may have reached the server: not when no connection was made at all."""
    unsent = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)
    return not isinstance(exc, unsent)


class Api:
    """One provider's HTTP access: limiter, send, and the mapping of everything to protocol errors.

    Usage::

        api = Api(client, provider="timi", secrets=lambda: [token])
        data = api.json("GET", "projects.json")
        api.request("DELETE", "time_entries/7.json", missing_ok=True)

    Parameters:
        client: from `make_client`.
        provider: the provider's name, which starts every error message.
        secrets: returns the strings that must never appear in a message (called when one is built,
            so refreshed OAuth tokens are covered too).
        limiter: the client-side budget; default: none of our own, but a 429 still pauses us.
        pause_on_429: seconds to hold back after a 429 that did not say how long (None: do not).
        clock: wall-clock seconds, to read `Retry-After` dates and `X-RateLimit-Reset` stamps.
    """

    def __init__(
        self,
        client: httpx.Client,
        *,
        provider: str,
        secrets: Callable[[], Iterable[str]] = lambda: (),
        limiter: RateLimiter | None = None,
        pause_on_429: float | None = None,
        clock: Clock = time.time,
    ) -> None:
        self.client = client
        self.provider = provider
        self.secrets = secrets
        self.limiter = limiter or RateLimiter(None, 1.0)
        self.pause_on_429 = pause_on_429
        self.clock = clock

    @classmethod
    def connect(
        cls,
        base_url: str,
        auth: SecretAuth,
        *,
        provider: str,
        transport: httpx.BaseTransport | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        limiter: RateLimiter | None = None,
        pause_on_429: float | None = None,
        clock: Clock = time.time,
    ) -> Api:
        """A provider's `Api` over a new `make_client(base_url, auth=auth, ...)`, hiding `auth.secrets()`."""
        return cls(make_client(base_url, auth=auth, transport=transport, timeout=timeout), provider=provider,
                   secrets=auth.secrets, limiter=limiter, pause_on_429=pause_on_429, clock=clock)

    def _clean(self, text: str) -> str:
        return redact(text, self.secrets())

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Any = None,
        json: Any = None,
        data: Mapping[str, Any] | None = None,
        missing_ok: bool = False,
    ) -> httpx.Response:
        """Send one request and return the 2xx response, or raise the protocol's error.

        `missing_ok`: a 404 is returned instead of raised (e.g. deleting what is already gone).
        """
        what = f"{method} /{path.split('?', 1)[0].lstrip('/')}"  # never the query: it may carry credentials
        self.limiter.acquire()
        try:
            response = self.client.request(method, path, params=params, json=json, data=data)
        except httpx.HTTPError as exc:  # timeouts, connection refused, reset, DNS, protocol errors
            detail = (f"timed out ({type(exc).__name__})" if isinstance(exc, httpx.TimeoutException)
                      else f"failed: {self._clean(str(exc)) or type(exc).__name__}")
            raise TransientError(f"{self.provider}: {what} {detail}",
                                 maybe_received=_maybe_received(exc)) from None
        self._check(response, what, missing_ok=missing_ok)
        return response

    def json(self, method: str, path: str, *, expect: type | tuple[type, ...] | None = None,
             **kwargs: Any) -> Any:
        """`request`, then the JSON body (None for an empty body).

        `expect`: the JSON type(s) the answer must have (e.g. `(list, dict)` for a list, bare or
        wrapped); anything else raises `ProviderError` rather than being read as "nothing there".
        """
        what = f"{method} /{path.split('?', 1)[0].lstrip('/')}"
        response = self.request(method, path, **kwargs)
        data = None
        if response.content.strip():
            try:
                data = response.json()
            except (ValueError, UnicodeDecodeError):
                # A 2xx that is not JSON is a proxy or maintenance page: try again later.
                raise TransientError(f"{self.provider}: {what} answered something that is not JSON "
                                     f"(HTTP {response.status_code})") from None
        if expect is not None and not isinstance(data, expect):
            raise ProviderError(f"{self.provider}: {what} answered an unexpected {type(data).__name__}")
        return data

    def _check(self, response: httpx.Response, what: str, *, missing_ok: bool) -> None:
        status = response.status_code
        if status < 300 and response.headers.get("X-RateLimit-Remaining", "").strip() == "0":
            # The budget is spent (Timeneye says so on every answer): wait for the reset, not for a 429.
            wait = retry_after(response.headers, now=self.clock())
            if wait:
                self.limiter.pause(wait)
        if status < 300 or (missing_ok and status == 404):
            return
        response.read()
        message = self._clean(provider_message(response))
        if status == 429 or status >= 500:
            wait = retry_after(response.headers, now=self.clock())
            if status == 429:
                pause = wait if wait is not None else self.pause_on_429
                if pause:
                    self.limiter.pause(pause)
            label = "rate limit exceeded" if status == 429 else "server error"
            raise TransientError(f"{self.provider}: {what}: {label} (HTTP {status}): {message}",
                                 retry_after=wait)
        if status in (401, 403):
            raise AuthError(f"{self.provider}: {what}: credentials refused (HTTP {status}): {message}")
        if status < 400:
            raise RejectedError(f"{self.provider}: {what}: unexpected redirect (HTTP {status})")
        raise RejectedError(f"{self.provider}: {what} rejected (HTTP {status}): {message}")

    def close(self) -> None:
        """Close the underlying client (idempotent)."""
        self.client.close()


# --- OAuth 2.0 with PKCE ------------------------------------------------------------------------------


@dataclass(frozen=True)
class OAuthToken:
    """An OAuth 2.0 access token with what it takes to renew it. Secrets stay out of `repr`.

    `expires_at` is a unix timestamp (None: unknown, used until the server answers 401).
    `to_dict`/`from_dict` give the JSON a token store keeps (in a 0600 file or the keyring).
    """

    access_token: str = field(repr=False)
    refresh_token: str | None = field(default=None, repr=False)
    expires_at: float | None = None
    token_type: str = "Bearer"

    def expired(self, now: float, *, skew: float = 60.0) -> bool:
        """True when the token has expired or will within `skew` seconds."""
        return self.expires_at is not None and now >= self.expires_at - skew

    @classmethod
    def from_response(cls, data: Any, *, now: float, previous: OAuthToken | None = None) -> OAuthToken:
        """Read an RFC 6749 token response; keeps the previous refresh token if none came back."""
        if not isinstance(data, dict) or not isinstance(data.get("access_token"), str):
            raise AuthError("the token endpoint answered without an access token")
        expires_in = data.get("expires_in")
        refresh = data.get("refresh_token")
        if not isinstance(refresh, str):
            refresh = previous.refresh_token if previous else None
        return cls(
            access_token=data["access_token"],
            refresh_token=refresh,
            expires_at=now + float(expires_in) if isinstance(expires_in, (int, float)) else None,
            token_type=str(data.get("token_type") or "Bearer"),
        )

    def to_dict(self) -> dict[str, Any]:
        """The token as JSON-ready data, for a token store."""
        return {"access_token": self.access_token, "refresh_token": self.refresh_token,
                "expires_at": self.expires_at, "token_type": self.token_type}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> OAuthToken:
        """The inverse of `to_dict`."""
        expires_at = data.get("expires_at")
        return cls(str(data["access_token"]), data.get("refresh_token"),
                   float(expires_at) if expires_at is not None else None,
                   str(data.get("token_type") or "Bearer"))


def pkce_pair() -> tuple[str, str]:
    """A fresh PKCE code verifier and its S256 challenge (RFC 7636): (verifier, challenge)."""
    verifier = _secrets.token_urlsafe(64)  # 86 characters of [A-Za-z0-9_-], within 43..128
    return verifier, pkce_challenge(verifier)


def pkce_challenge(verifier: str) -> str:
    """BASE64URL(SHA256(verifier)) without padding: the S256 code challenge."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


@dataclass(frozen=True)
class Login:
    """A started Authorization Code + PKCE login: send the user to `url`, keep the rest for the exchange."""

    url: str
    state: str
    verifier: str = field(repr=False)
    redirect_uri: str


def start_login(authorize_url: str, *, client_id: str, redirect_uri: str, scope: str | None = None) -> Login:
    """Build the authorize URL with a new state and PKCE S256 challenge."""
    verifier, challenge = pkce_pair()
    state = _secrets.token_urlsafe(16)
    query = {"response_type": "code", "client_id": client_id, "redirect_uri": redirect_uri,
             "state": state, "code_challenge": challenge, "code_challenge_method": "S256"}
    if scope is not None:
        query["scope"] = scope
    return Login(f"{authorize_url}?{urllib.parse.urlencode(query)}", state, verifier, redirect_uri)


def code_from_redirect(login: Login, redirected_to: str) -> str:
    """The `code` from the URL the provider redirected the browser to, after checking `state`."""
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(redirected_to).query)
    if query.get("state", [""])[0] != login.state:
        raise AuthError("the login answer does not belong to this login (state mismatch)")
    if "error" in query:
        raise AuthError(f"the login was refused: {query['error'][0]}")
    code = query.get("code", [""])[0]
    if not code:
        raise AuthError("the login answer carries no code")
    return code


def exchange_code(
    api: Api, token_url: str, login: Login, code: str, *, client_fields: Mapping[str, str]
) -> OAuthToken:
    """Trade an authorization code (plus the PKCE verifier) for a token at `token_url`."""
    data = {"grant_type": "authorization_code", "code": code, "redirect_uri": login.redirect_uri,
            "code_verifier": login.verifier, **client_fields}
    try:
        body = api.json("POST", token_url, data=data)
    except RejectedError as exc:  # 400 invalid_grant: the code is used, expired or the verifier wrong
        raise AuthError(f"{api.provider}: the login code was refused: {exc}") from None
    return OAuthToken.from_response(body, now=api.clock())


class OAuth2Bearer(SecretAuth):
    """`Authorization: Bearer` with refresh: before a request when the token has expired, and after a 401.

    A refreshed token is handed to `save` (the token store callback) at once, because providers
    rotate refresh tokens: the old one stops working as soon as the new one is issued. After a 401 the
    request is retried once with the refreshed token; a second 401 goes back to the caller. Concurrent
    requests refresh once: the others wait, then use the new token.

    Parameters:
        token: the current token (a personal access token is an `OAuthToken` with no refresh token).
        token_url: absolute URL of the token endpoint, for `grant_type=refresh_token`.
        client_fields: sent with the refresh (`client_id`, and `client_secret` where the app has one).
        save: called with every new token (may be None: nothing is kept).
        clock: unix seconds, to decide expiry.
    """

    requires_response_body = True

    def __init__(
        self,
        token: OAuthToken,
        *,
        token_url: str | None = None,
        client_fields: Mapping[str, str] | None = None,
        save: Callable[[OAuthToken], None] | None = None,
        clock: Clock = time.time,
    ) -> None:
        self.token = token
        self.token_url = token_url
        self.client_fields = dict(client_fields or {})
        self.save = save
        self.clock = clock
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(token={self.token!r}, token_url={self.token_url!r})"

    def secrets(self) -> list[str]:
        """Everything this auth would leak: tokens and the client secret."""
        return [s for s in (self.token.access_token, self.token.refresh_token,
                            self.client_fields.get("client_secret")) if s]

    def _can_refresh(self, token: OAuthToken) -> bool:
        return bool(token.refresh_token and self.token_url)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        token = self.token
        if token.expired(self.clock()) and self._can_refresh(token):
            token = yield from self._refresh(token)
        request.headers["Authorization"] = f"Bearer {token.access_token}"
        response = yield request
        if response.status_code == 401 and self._can_refresh(token):
            token = yield from self._refresh(token)
            request.headers["Authorization"] = f"Bearer {token.access_token}"
            yield request

    def _refresh(self, stale: OAuthToken) -> Generator[httpx.Request, httpx.Response, OAuthToken]:
        # Held across the refresh request (same thread): a second caller waits, then finds the new token.
        with self._lock:
            if self.token is not stale:
                return self.token
            assert self.token_url is not None and stale.refresh_token is not None
            response = yield httpx.Request(
                "POST", self.token_url, headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
                data={"grant_type": "refresh_token", "refresh_token": stale.refresh_token,
                      **self.client_fields},
            )
            if response.status_code >= 500 or response.status_code == 429:
                raise TransientError(f"token refresh failed (HTTP {response.status_code}); try again later",
                                     retry_after=retry_after(response.headers, now=self.clock()))
            if response.status_code >= 400:
                message = redact(provider_message(response), self.secrets())
                raise AuthError(f"the refresh token was refused (HTTP {response.status_code}): {message}; "
                                "sign in again")
            try:
                body = response.json()
            except ValueError:
                raise TransientError("the token endpoint answered something that is not JSON") from None
            token = OAuthToken.from_response(body, now=self.clock(), previous=stale)
            self.token = token
            if self.save is not None:
                self.save(token)
            return token


def client_fields(client_id: str | None, client_secret: str | None) -> dict[str, str]:
    """What identifies the app at the token endpoint, as POST fields (PKCE apps have no secret)."""
    fields = {"client_id": client_id} if client_id else {}
    if client_secret:
        fields["client_secret"] = client_secret
    return fields


def first_token(given: OAuthToken | Mapping[str, Any] | None, token: str | None, *,
                missing: str) -> OAuthToken:
    """The token a provider starts with: `given` (an `OAuthToken` or its `to_dict()`), else a bare
    access `token` (no refresh); `AuthError(missing)` when there is neither."""
    if given is not None:
        return given if isinstance(given, OAuthToken) else OAuthToken.from_dict(given)
    if token:
        return OAuthToken(token)
    raise AuthError(missing)


def _without_trailing_slash(base_url: str) -> str:
    return base_url.rstrip("/")


@dataclass(frozen=True)
class OAuthServer:
    """One provider's OAuth 2.0 server: where its routes are, and the PKCE login and the refreshing
    auth that use them. Timeneye and Tyme differ only in these values.

    Usage (a provider's `auth.py`)::

        SERVER = OAuthServer("tyme", "https://api.tyme-app.com", authorize_path="/v1/authorize",
                             token_path="/v1/access_token", refresh_path="/v1/refresh_token")
        login = SERVER.start_login(client_id="my-app", redirect_uri="http://127.0.0.1:8765/callback")
        token = SERVER.finish_login(login, redirected_to, client_id="my-app")
        auth = SERVER.bearer(token, client_id="my-app", save=store)

    Each method takes the API's `base_url` (default: `default_base_url`); the routes hang off
    `root(base_url)` (default: the base URL without a trailing slash).

    Parameters:
        provider: the provider's name, which starts every error message.
        default_base_url: the API root when none is given.
        authorize_path: where the browser is sent to allow the app.
        token_path: where an authorization code is traded for a token.
        refresh_path: where a refresh token is traded for a new token (default: `token_path`).
        root: the server root the OAuth routes hang off, from the API's base URL.
    """

    provider: str
    default_base_url: str
    authorize_path: str
    token_path: str
    refresh_path: str | None = None
    root: Callable[[str], str] = _without_trailing_slash

    def _root(self, base_url: str | None) -> str:
        return self.root(base_url or self.default_base_url)

    def start_login(self, *, client_id: str, redirect_uri: str, base_url: str | None = None,
                    scope: str | None = None) -> Login:
        """Begin an app login: the URL to open (new state, S256 challenge) and the verifier to keep."""
        return start_login(self._root(base_url) + self.authorize_path, client_id=client_id,
                           redirect_uri=redirect_uri, scope=scope)

    def finish_login(
        self,
        login: Login,
        redirected_to: str,
        *,
        client_id: str,
        client_secret: str | None = None,
        base_url: str | None = None,
        transport: httpx.BaseTransport | None = None,
        clock: Clock = time.time,
    ) -> OAuthToken:
        """Check the redirect's state, then trade its code and the PKCE verifier for a token."""
        code = code_from_redirect(login, redirected_to)
        fields = client_fields(client_id, client_secret)
        root = self._root(base_url)
        api = Api(make_client(root, transport=transport), provider=self.provider,
                  secrets=lambda: [code, login.verifier, *fields.values()], clock=clock)
        try:
            return exchange_code(api, root + self.token_path, login, code, client_fields=fields)
        finally:
            api.close()

    def bearer(
        self,
        token: OAuthToken,
        *,
        base_url: str | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        save: Callable[[OAuthToken], None] | None = None,
        clock: Clock = time.time,
    ) -> OAuth2Bearer:
        """The request auth: refreshing when the token has a refresh token, static for a personal token."""
        refresh_url = self._root(base_url) + (self.refresh_path or self.token_path)
        return OAuth2Bearer(token, token_url=refresh_url if token.refresh_token else None,
                            client_fields=client_fields(client_id, client_secret), save=save, clock=clock)


# --- settings ------------------------------------------------------------------------------------------


class Settings:
    """A provider's `[providers.<name>]` settings, read with types; errors name the key, never the value.

    Values come from TOML (typed) or environment variables (text), so numbers are accepted as text too.

    Usage::

        s = Settings("timi", settings)
        s.text("email"), s.number("timeout", 15.0), s.zone(), s.clock_time("day_start", time(9))
    """

    def __init__(self, provider: str, raw: Mapping[str, Any]) -> None:
        self.provider = provider
        self.raw = raw

    def _bad(self, key: str, what: str) -> ProviderError:
        return ProviderError(f"{self.provider}: setting {key!r} must be {what}")

    def text(self, key: str, default: str | None = None) -> str | None:
        """A non-empty string (stripped), or `default`."""
        value = self.raw.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            return default
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise self._bad(key, "text")
        return str(value).strip()

    def number(self, key: str, default: float) -> float:
        """A positive number, or `default`."""
        value = self.raw.get(key)
        if value is None or value == "":
            return default
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise self._bad(key, "a number") from None
        if not math.isfinite(number) or number <= 0 or isinstance(value, bool):
            raise self._bad(key, "a positive number")
        return number

    def whole(self, key: str) -> int | None:
        """A positive whole number, or None."""
        value = self.raw.get(key)
        return None if value is None or value == "" else round(self.number(key, 1.0))

    def zone(self, key: str = "timezone") -> tzinfo | None:
        """A time zone by name (`Europe/Amsterdam`); None (the system's) when unset or `local`."""
        name = self.text(key)
        if name is None or name == "local":
            return None
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise self._bad(key, "a time zone name such as Europe/Amsterdam") from None

    def clock_time(self, key: str, default: dt_time) -> dt_time:
        """A clock time `HH:MM`, or `default`."""
        value = self.text(key)
        if value is None:
            return default
        try:
            return dt_time.fromisoformat(value)
        except ValueError:
            raise self._bad(key, "a clock time such as 09:00") from None


class TokenFile:
    """Where an OAuth token lives between runs: a JSON file readable by its owner only (0600).

    Refresh tokens rotate, so every refreshed token must be written at once (`save` is the
    `save_token` callback of the OAuth providers); the file then wins over the token in the settings.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    def load(self) -> OAuthToken | None:
        """The kept token, or None (no file, or a file that is not a token)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            token = OAuthToken.from_dict(data)
        except (OSError, ValueError, KeyError, TypeError):
            return None
        _register(token)
        return token

    def save(self, token: OAuthToken) -> None:
        """Keep `token` (atomically, mode 0600)."""
        from nlentry import config

        _register(token)
        config.write_private(self.path, json.dumps(token.to_dict()))


def _register(token: OAuthToken) -> None:
    """Tell nlentry's redactor about a token, so no message or log line shows it."""
    from nlentry import config

    for secret in (token.access_token, token.refresh_token):
        config.register_secret(secret)


def oauth_settings(
    settings: Settings, *, token_key: str = "token"
) -> tuple[OAuthToken | None, Callable[[OAuthToken], None] | None]:
    """The token to start with and the callback that keeps refreshed ones, from a provider's settings.

    Order: a plain `token` (a personal access token: no refresh); else the token file
    `<data_dir>/<provider>-oauth.json` written by earlier refreshes or the login; else `access_token` /
    `refresh_token` / `expires_at` from the settings (a `refresh_token` alone is enough: it is used
    at once). Refreshed tokens go to the token file when there is a `data_dir`.
    """
    plain = settings.text(token_key)
    if plain is not None:
        return OAuthToken(plain), None
    data_dir = settings.text("data_dir")
    store = TokenFile(Path(data_dir) / f"{settings.provider}-oauth.json") if data_dir else None
    token = store.load() if store is not None else None
    if token is None:
        access, refresh = settings.text("access_token"), settings.text("refresh_token")
        if access is None and refresh is None:
            return None, None
        if access is None:  # expired on purpose: the first request refreshes
            expires_at: float | None = 0.0
        else:
            expires_at = settings.number("expires_at", 1.0) if settings.raw.get("expires_at") else None
        token = OAuthToken(access or "", refresh, expires_at)
    return token, store.save if store is not None else None


# --- emulator support (the base of every provider's fake.py) --------------------------------------


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


__all__ = [
    "Api", "FakeApi", "FakeOAuth", "Fault", "Login", "OAuth2Bearer", "OAuthServer", "OAuthToken",
    "RateLimiter", "SecretAuth", "Settings", "TokenFile", "basic_forms", "client_fields",
    "code_from_redirect", "exchange_code", "first_token", "form_or_json", "json_response", "make_client",
    "oauth_settings", "parse_retry_after", "pkce_challenge", "pkce_pair", "provider_message", "provider_of",
    "redact", "retry_after", "start_login",
]
