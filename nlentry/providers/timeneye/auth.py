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

Assumed (spec section 2, unknown; the values are in `assumptions.py`): the authorize URL is `https://api.timeneye.com/oauth/authorize`
(seed) and the token endpoint `https://api.timeneye.com/oauth/token` with Laravel Passport's fields
(`grant_type`, `client_id`, `redirect_uri`, `code_verifier`, `code`; refresh: `grant_type=refresh_token`,
`refresh_token`, `client_id`) and answer (`token_type`, `expires_in`, `access_token`, `refresh_token`).
"""

from __future__ import annotations

from nlentry.providers._http.oauth import OAuthServer
from nlentry.providers.timeneye.assumptions import API_PREFIX, AUTHORIZE_PATH, BASE_URL, TOKEN_PATH


def oauth_root(base_url: str) -> str:
    """The server root the OAuth routes hang off: the API base without its `/api/v1`."""
    root = base_url.rstrip("/")
    return root[: -len(API_PREFIX)] if root.endswith(API_PREFIX) else root


#: Timeneye's OAuth routes; code exchange and refresh share the token route.
SERVER = OAuthServer("timeneye", BASE_URL, authorize_path=AUTHORIZE_PATH, token_path=TOKEN_PATH,
                     root=oauth_root)

#: `start_login(*, client_id, redirect_uri, base_url=None, scope=None)`: the URL to open and the verifier.
start_login = SERVER.start_login
#: `finish_login(login, redirected_to, *, client_id, client_secret=None, base_url=None, transport=None,
#: clock=time.time)`: check the redirect's state, trade the code and verifier for a token.
finish_login = SERVER.finish_login
#: `bearer(token, *, base_url=None, client_id=None, client_secret=None, save=None, clock=time.time)`:
#: the request auth, refreshing when the token has a refresh token, static for a personal token.
bearer = SERVER.bearer
