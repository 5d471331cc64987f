"""OAuth 2.0 Authorization Code with PKCE (S256): the login, the code exchange and a refreshing Bearer auth.

Timeneye and Tyme differ only in URLs: each one's `auth.py` is an `OAuthServer` saying where its routes are.
"""

from __future__ import annotations

import base64
import hashlib
import secrets as _secrets
import threading
import time
import urllib.parse
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from nlentry.config import redact
from nlentry.providers._http.client import USER_AGENT, Api, Clock, SecretAuth, make_client
from nlentry.providers._http.responses import provider_message, retry_after
from nlentry.providers.base import AuthError, RejectedError, TransientError


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
    requests refresh once: the others wait, then use the new token. A `save` that has a `load` too (a
    store other processes write: `nlentry.providers._http.tokens.SharedTokens`) is asked first for a
    token newer than the stale one: when another process refreshed already, that token is used and
    the refresh token (which that refresh used up) is not sent.

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
            newer = self._kept_elsewhere(stale)
            if newer is not None:
                self.token = newer
                return newer
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

    def _kept_elsewhere(self, stale: OAuthToken) -> OAuthToken | None:
        """A token the store keeps that another process refreshed since `stale` was read, or None."""
        load = getattr(self.save, "load", None)
        if load is None:
            return None
        kept = load()
        if (kept is None or kept.expired(self.clock())
                or (kept.access_token, kept.refresh_token) == (stale.access_token, stale.refresh_token)):
            return None
        return kept  # type: ignore[no-any-return]


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
        secret_required: the token routes take the app's `client_id` *and* `client_secret` (Tyme's
            document lists both); a login or a refresh without them is refused before sending.
    """

    provider: str
    default_base_url: str
    authorize_path: str
    token_path: str
    refresh_path: str | None = None
    root: Callable[[str], str] = _without_trailing_slash
    secret_required: bool = False

    def _root(self, base_url: str | None) -> str:
        return self.root(base_url or self.default_base_url)

    def check_client(self, client_id: str | None, client_secret: str | None) -> None:
        """`AuthError` naming the missing setting when the token routes need an app credential not given."""
        missing = [key for key, value in (("client_id", client_id), ("client_secret", client_secret))
                   if not value and (key == "client_id" or self.secret_required)]
        if missing:
            names = " and ".join(missing)
            raise AuthError(
                f"{self.provider}: the app's {names} is missing; {self.provider}'s token endpoint needs "
                f"it to sign in and to renew the token (set {names} under [providers.{self.provider}], "
                f"or NLENTRY_{self.provider.upper()}_{missing[-1].upper()})")

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
        self.check_client(client_id, client_secret)
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
        if token.refresh_token and self.secret_required:
            self.check_client(client_id, client_secret)
        refresh_url = self._root(base_url) + (self.refresh_path or self.token_path)
        return OAuth2Bearer(token, token_url=refresh_url if token.refresh_token else None,
                            client_fields=client_fields(client_id, client_secret), save=save, clock=clock)
