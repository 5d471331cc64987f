"""Timi's credentials on the wire: the header `X-Api-Key: <email>:<token>`.

Timi also takes HTTP Basic and `?email=&token=` query parameters; nlentry uses the header only,
because a header never ends up in a URL (and so in a log line or an error message). No expiry, no refresh.
"""

from __future__ import annotations

from collections.abc import Generator

import httpx

from nlentry.providers._http.client import SecretAuth, basic_forms


class TimiAuth(SecretAuth):
    """Adds `X-Api-Key: email:token` to every request; `repr` and `secrets()` never show it in full."""

    def __init__(self, email: str, token: str) -> None:
        self.email = email
        self._token = token

    def __repr__(self) -> str:
        return f"TimiAuth(email={self.email!r}, token=***)"

    def secrets(self) -> list[str]:
        """The strings that reveal the token: the token itself and its header and Basic forms."""
        return [self._token, *basic_forms(self.email, self._token)]

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["X-Api-Key"] = f"{self.email}:{self._token}"
        yield request
