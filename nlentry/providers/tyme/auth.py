"""Tyme credentials: OAuth 2.0 Authorization Code with PKCE, against Tyme's own token URLs.

Tyme documents `GET /v1/authorize`, `POST /v1/access_token` (code grant) and `POST /v1/refresh_token`
(refresh grant, answering a *new* access and refresh token); its official n8n node uses PKCE with the
client credentials in the POST body. API calls carry `Authorization: Bearer <access token>`
(ASSUMED: inferred from the n8n OAuth helper; the doc does not say).

Usage::

    login = start_login(client_id="my-app", redirect_uri="http://127.0.0.1:8765/callback")
    token = finish_login(login, redirected_to, client_id="my-app")

ASSUMED (unknown): the token answer uses RFC 6749 keys (`access_token`, `refresh_token`, `expires_in`).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx

from nlentry.providers._http import (
    Api,
    Login,
    OAuth2Bearer,
    OAuthToken,
    code_from_redirect,
    exchange_code,
    make_client,
)
from nlentry.providers._http import start_login as _start_login

DEFAULT_BASE_URL = "https://api.tyme-app.com"
AUTHORIZE_PATH = "/v1/authorize"
ACCESS_TOKEN_PATH = "/v1/access_token"
REFRESH_TOKEN_PATH = "/v1/refresh_token"


def client_fields(client_id: str | None, client_secret: str | None) -> dict[str, str]:
    """The app's credentials as POST fields (Tyme's "body" client authentication)."""
    fields = {"client_id": client_id} if client_id else {}
    if client_secret:
        fields["client_secret"] = client_secret
    return fields


def start_login(*, client_id: str, redirect_uri: str, base_url: str = DEFAULT_BASE_URL) -> Login:
    """Begin a login: the authorize URL (state, S256 challenge) and the verifier to keep."""
    return _start_login(base_url.rstrip("/") + AUTHORIZE_PATH, client_id=client_id, redirect_uri=redirect_uri)


def finish_login(
    login: Login,
    redirected_to: str,
    *,
    client_id: str,
    client_secret: str | None = None,
    base_url: str = DEFAULT_BASE_URL,
    transport: httpx.BaseTransport | None = None,
    clock: Callable[[], float] = time.time,
) -> OAuthToken:
    """Check the redirect's state, then trade the code and verifier at `/v1/access_token`."""
    code = code_from_redirect(login, redirected_to)
    fields = client_fields(client_id, client_secret)
    api = Api(make_client(base_url, transport=transport), provider="tyme",
              secrets=lambda: [code, login.verifier, *fields.values()], clock=clock)
    try:
        return exchange_code(api, base_url.rstrip("/") + ACCESS_TOKEN_PATH, login, code, client_fields=fields)
    finally:
        api.close()


def bearer(
    token: OAuthToken,
    *,
    base_url: str = DEFAULT_BASE_URL,
    client_id: str | None = None,
    client_secret: str | None = None,
    save: Callable[[OAuthToken], None] | None = None,
    clock: Callable[[], float] = time.time,
) -> OAuth2Bearer:
    """The request auth, refreshing at `/v1/refresh_token` when it expires or is refused."""
    return OAuth2Bearer(
        token,
        token_url=base_url.rstrip("/") + REFRESH_TOKEN_PATH if token.refresh_token else None,
        client_fields=client_fields(client_id, client_secret),
        save=save,
        clock=clock,
    )
