"""The hosted providers' HTTP client, and `Api`: one request, and the wire mapped to the protocol's errors.

- network errors, timeouts, 5xx and 429 raise `TransientError` (with `retry_after` in seconds when the
  server said so, see `responses.retry_after`);
- 401 and 403 raise `AuthError`; any other 4xx raises `RejectedError` carrying the provider's message;
- a `RateLimiter` keeps the client under the provider's request budget *before* the server complains;
- every message passes through `nlentry.config.redact`, with the credentials of the request's auth.
"""

from __future__ import annotations

import base64
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import httpx

from nlentry import __version__
from nlentry.config import redact
from nlentry.providers._http.ratelimit import Clock, RateLimiter
from nlentry.providers._http.responses import provider_message, retry_after
from nlentry.providers.base import AuthError, ProviderError, RejectedError, TransientError

USER_AGENT = f"nlentry/{__version__}"

#: Connect fast or give up; a slow answer gets longer. Posting is retried by the outbox, so a request
#: that hangs must end rather than block the user.
DEFAULT_TIMEOUT = 15.0
CONNECT_TIMEOUT = 5.0


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


def basic_forms(user: str, password: str) -> list[str]:
    """The strings that reveal a Basic-auth secret: `user:password` and its base64 form."""
    joined = f"{user}:{password}"
    return [joined, base64.b64encode(joined.encode()).decode()]


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
