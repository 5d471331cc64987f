"""The HTTP side of the TimeTagger provider: one httpx client, errors translated to the provider errors.

TimeTagger answers errors as `text/plain` bodies such as `unauthorized: Missing jwt 'authtoken' in
header.` (providers.md §10.5). They map to: 401/403 -> `AuthError`, 429 and 5xx -> `TransientError`
(with `Retry-After` when sent), other 4xx -> `RejectedError`; network errors and timeouts ->
`TransientError` (one that may have reached the server, a read timeout or a dropped connection,
says so: `maybe_received`). The token travels in the `authtoken` header only, so it never appears in a URL,
and every message passes through `nlentry.config.redact` on top.

The client itself and `Retry-After` come from the hosted providers' `nlentry.providers._http`
(`make_client`, `parse_retry_after`); the error messages stay TimeTagger's own.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from nlentry.config import redact
from nlentry.providers._http.client import make_client
from nlentry.providers._http.responses import parse_retry_after
from nlentry.providers.base import AuthError, ProviderError, RejectedError, TransientError

__all__ = ["TimeTaggerClient", "parse_retry_after"]

USER_AGENT = "nlentry (+https://pypi.org/project/nlentry)"


def _short(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _maybe_received(exc: httpx.TransportError) -> bool:
    """Whether the request may have reached the server (the outbox then looks for it before posting again)."""
    return not isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout))


class TimeTaggerClient:
    """A thin client of the TimeTagger v2 API: `get`/`put` JSON, errors translated.

    Parameters:
        base_url: the API root, e.g. ``http://127.0.0.1:8080/timetagger/api/v2``.
        token: an API token (or a web token) sent as the `authtoken` header.
        transport: an httpx transport (tests); default: real network.
        timeout: seconds for connecting and for each read.
    """

    def __init__(self, base_url: str, token: str, *, transport: httpx.BaseTransport | None = None,
                 timeout: float = 10.0) -> None:
        self.base_url = base_url.rstrip("/") + "/"
        self._token = token
        self._http = make_client(self.base_url, transport=transport, timeout=timeout, connect_timeout=timeout,
                                 headers={"authtoken": token, "User-Agent": USER_AGENT})

    def get(self, path: str, params: Mapping[str, Any] | None = None) -> Any:
        """GET `path` (relative to the API root) and return the decoded JSON."""
        return self._request("GET", path, params=params)

    def put(self, path: str, body: Any) -> Any:
        """PUT a JSON body to `path` and return the decoded JSON."""
        return self._request("PUT", path, json=body)

    def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.TimeoutException as exc:
            raise TransientError(f"timetagger did not answer in time ({self.base_url})",
                                 maybe_received=_maybe_received(exc)) from None
        except httpx.TransportError as exc:
            reason = redact(str(exc) or type(exc).__name__, [self._token])
            raise TransientError(f"cannot reach timetagger at {self.base_url}: {reason}",
                                 maybe_received=_maybe_received(exc)) from None
        status = response.status_code
        if status >= 400:
            body = redact(_short(response.text), [self._token]) or response.reason_phrase
            if status in (401, 403):
                raise AuthError(f"timetagger refused the credentials ({status}): {body}")
            if status == 429 or status >= 500:
                retry = parse_retry_after(response.headers.get("retry-after"))
                raise TransientError(f"timetagger answered {status}: {body}", retry_after=retry)
            raise RejectedError(f"timetagger answered {status}: {body}")
        try:
            return response.json()
        except ValueError:
            raise ProviderError(f"timetagger sent something that is not JSON for {method} {path}") from None

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def __repr__(self) -> str:  # the token stays out
        return f"TimeTaggerClient({self.base_url!r})"
