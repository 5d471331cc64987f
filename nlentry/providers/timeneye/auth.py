"""Timeneye credentials: a personal access token, or OAuth 2.0 Authorization Code with PKCE (S256).

A personal access token (valid one year) is sent as it is: `Authorization: Bearer <token>`.
An app signs the user in with PKCE and gets an access token valid one day plus a refresh token;
`OAuth2Bearer` renews it when it has expired or when the API answers 401, then retries once, and hands
every new token to the token store callback.

Usage (an app's login, e.g. from the CLI)::

    login = start_login(client_id="my-app", redirect_uri="http://127.0.0.1:8765/callback")
    # open login.url in the browser; the redirect brings back ?code=...&state=...
    token = finish_login(login, redirected_to, client_id="my-app")
    store(token.to_dict())                       # keep it (0600 file or keyring)

ASSUMED (spec section 2, unknown): the authorize URL is `https://api.timeneye.com/oauth/authorize`
(seed) and the token endpoint `https://api.timeneye.com/oauth/token` with Laravel Passport's fields
(`grant_type`, `client_id`, `redirect_uri`, `code_verifier`, `code`; refresh: `grant_type=refresh_token`,
`refresh_token`, `client_id`) and answer (`token_type`, `expires_in`, `access_token`, `refresh_token`).
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

DEFAULT_BASE_URL = "https://api.timeneye.com/api/v1"
AUTHORIZE_PATH = "/oauth/authorize"
TOKEN_PATH = "/oauth/token"  # ASSUMED: Laravel Passport's token route


def oauth_root(base_url: str) -> str:
    """The server root the OAuth routes hang off: the API base without its `/api/v1`."""
    root = base_url.rstrip("/")
    return root[: -len("/api/v1")] if root.endswith("/api/v1") else root


def client_fields(client_id: str | None, client_secret: str | None) -> dict[str, str]:
    """What identifies the app at the token endpoint (PKCE apps have no secret)."""
    fields = {"client_id": client_id} if client_id else {}
    if client_secret:
        fields["client_secret"] = client_secret
    return fields


def start_login(*, client_id: str, redirect_uri: str, base_url: str = DEFAULT_BASE_URL,
                scope: str | None = None) -> Login:
    """Begin an app login: the URL to open (with a new state and S256 challenge) and the verifier to keep."""
    return _start_login(oauth_root(base_url) + AUTHORIZE_PATH, client_id=client_id,
                        redirect_uri=redirect_uri, scope=scope)


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
    """Check the redirect's state, then trade its code and the PKCE verifier for a token."""
    code = code_from_redirect(login, redirected_to)
    fields = client_fields(client_id, client_secret)
    api = Api(make_client(oauth_root(base_url), transport=transport), provider="timeneye",
              secrets=lambda: [code, login.verifier, *fields.values()], clock=clock)
    try:
        return exchange_code(api, oauth_root(base_url) + TOKEN_PATH, login, code, client_fields=fields)
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
    """The request auth: refreshing when the token has a refresh token, static for a personal token."""
    return OAuth2Bearer(
        token,
        token_url=oauth_root(base_url) + TOKEN_PATH if token.refresh_token else None,
        client_fields=client_fields(client_id, client_secret),
        save=save,
        clock=clock,
    )
