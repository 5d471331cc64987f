"""The HTTP half of what Toggl Track, Clockify and Harvest share: fixed-header credentials and an `Api`
whose refusals say where the right token is found.

- `HeaderAuth`: adds the provider's credential headers to every request (Basic, `X-Api-Key`, Bearer
  with `Harvest-Account-Id`); `repr` and `secrets()` never show them;
- `TrackerApi`: `Api` with a hint appended to every `AuthError` (where the user finds the right token),
  an optional `special(response, what)` hook for a status the provider reads itself (Toggl's 402) and
  an optional `hold(what)` hook that may refuse a request before it is sent (while that quota lasts).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator, Mapping, Sequence
from typing import Any

import httpx

from nlentry.providers._http.client import Api, SecretAuth, make_client
from nlentry.providers._http.ratelimit import Clock, RateLimiter
from nlentry.providers.base import AuthError


class HeaderAuth(SecretAuth):
    """Adds fixed credential headers to every request; `secrets` are the strings that reveal them."""

    def __init__(self, headers: Mapping[str, str], secrets: Sequence[str]) -> None:
        self._headers = dict(headers)
        self._secrets = [s for s in secrets if s]

    def __repr__(self) -> str:
        return f"HeaderAuth({', '.join(f'{k}=***' for k in self._headers)})"

    def secrets(self) -> list[str]:
        """The credential values and their encoded forms."""
        return list(self._secrets)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers.update(self._headers)
        yield request


class TrackerApi(Api):
    """An `Api` whose `AuthError` names where the right token is (`auth_hint`), with a `special` hook.

    Usage::

        api = TrackerApi.open(base_url, auth, provider="toggl", auth_hint="your API token is on ...",
                              limiter=RateLimiter(1, 1.0))
    """

    auth_hint = ""
    special: Callable[[httpx.Response, str], None] | None = None
    hold: Callable[[str], None] | None = None

    @classmethod
    def open(
        cls,
        base_url: str,
        auth: SecretAuth,
        *,
        provider: str,
        auth_hint: str,
        limiter: RateLimiter,
        pause_on_429: float | None,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 15.0,
        headers: Mapping[str, str] | None = None,
        special: Callable[[httpx.Response, str], None] | None = None,
        hold: Callable[[str], None] | None = None,
        clock: Clock = time.time,
    ) -> TrackerApi:
        """A new client for `base_url` with `auth` and default `headers`, as a `TrackerApi`."""
        api = cls(
            make_client(base_url, auth=auth, transport=transport, timeout=timeout, headers=headers),
            provider=provider,
            secrets=auth.secrets,
            limiter=limiter,
            pause_on_429=pause_on_429,
            clock=clock,
        )
        api.auth_hint = auth_hint
        api.special = special
        api.hold = hold
        return api

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """`Api.request`, after the `hold` hook had its say."""
        if self.hold is not None:
            self.hold(f"{method} /{path.split('?', 1)[0].lstrip('/')}")
        return super().request(method, path, **kwargs)

    def _check(self, response: httpx.Response, what: str, *, missing_ok: bool) -> None:
        if response.status_code >= 300 and self.special is not None:
            response.read()
            self.special(response, what)
        try:
            super()._check(response, what, missing_ok=missing_ok)
        except AuthError as exc:
            raise AuthError(f"{exc}; {self.auth_hint}") from None
