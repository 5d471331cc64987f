"""Tyme credentials: OAuth 2.0 Authorization Code with PKCE, against Tyme's own token URLs.

Tyme documents `GET /v1/authorize`, `POST /v1/access_token` (code grant) and `POST /v1/refresh_token`
(refresh grant, answering a *new* access and refresh token), both taking `client_id` and
`client_secret`: nlentry sends both, and refuses to sign in or refresh without them (a clear
`AuthError` naming the missing setting). Its official n8n node also uses PKCE, so the S256 challenge
and verifier go along. API calls carry `Authorization: Bearer <access token>`
(ASSUMED: inferred from the n8n OAuth helper; the doc does not say).

Usage::

    login = start_login(client_id="my-app", redirect_uri="http://127.0.0.1:8765/callback")
    token = finish_login(login, redirected_to, client_id="my-app", client_secret=secret)

ASSUMED (unknown): the token answer uses RFC 6749 keys (`access_token`, `refresh_token`, `expires_in`).
"""

from __future__ import annotations

from nlentry.providers._http.oauth import OAuthServer
from nlentry.providers.tyme.assumptions import ACCESS_TOKEN_PATH, AUTHORIZE_PATH, BASE_URL, REFRESH_TOKEN_PATH

#: Tyme's OAuth routes, below the API base URL; the app's `client_id` and `client_secret` go in the
#: POST body of both token routes, as the document lists them.
SERVER = OAuthServer("tyme", BASE_URL, authorize_path=AUTHORIZE_PATH, token_path=ACCESS_TOKEN_PATH,
                     refresh_path=REFRESH_TOKEN_PATH, secret_required=True)

#: `start_login(*, client_id, redirect_uri, base_url=None)`: the authorize URL and the verifier to keep.
start_login = SERVER.start_login
#: `finish_login(login, redirected_to, *, client_id, client_secret=None, base_url=None, transport=None,
#: clock=time.time)`: check the redirect's state, trade the code and verifier at `/v1/access_token`.
finish_login = SERVER.finish_login
#: `bearer(token, *, base_url=None, client_id=None, client_secret=None, save=None, clock=time.time)`:
#: the request auth, refreshing at `/v1/refresh_token` when it expires or is refused.
bearer = SERVER.bearer
