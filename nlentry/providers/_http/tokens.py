"""Where an OAuth token lives between runs: a 0600 file (`TokenFile`), or a store the caller hands in
the settings (`token_store`: the chat-bot server's users' encrypted credentials), found via the settings."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from nlentry.providers._http.oauth import OAuthToken
from nlentry.providers._http.settings import Settings


class TokenStore(Protocol):
    """Where refreshed OAuth tokens are kept: `load` the newest kept token, `save` a new one at once."""

    def load(self) -> OAuthToken | None: ...

    def save(self, token: OAuthToken) -> None: ...


class SharedTokens:
    """A `TokenStore` that other processes write too, as the `save_token` callback of a provider.

    Calling it saves; `load` is there for `OAuth2Bearer`, which asks it for a newer token before it
    refreshes one (another process may have refreshed, and so used up, the refresh token it holds).
    """

    def __init__(self, store: TokenStore) -> None:
        self.store = store

    def __call__(self, token: OAuthToken) -> None:
        self.store.save(token)

    def load(self) -> OAuthToken | None:
        """The newest token the store keeps, or None."""
        token = self.store.load()
        if token is not None:
            register_token(token)
        return token


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
        register_token(token)
        return token

    def save(self, token: OAuthToken) -> None:
        """Keep `token` (atomically, mode 0600)."""
        from nlentry import config

        register_token(token)
        config.write_private(self.path, json.dumps(token.to_dict()))


def register_token(token: OAuthToken) -> None:
    """Tell nlentry's redactor about a token, so no message or log line shows it."""
    from nlentry import config

    for secret in (token.access_token, token.refresh_token):
        config.register_secret(secret)


def oauth_settings(
    settings: Settings, *, token_key: str = "token"
) -> tuple[OAuthToken | None, Callable[[OAuthToken], None] | None]:
    """The token to start with and the callback that keeps refreshed ones, from a provider's settings.

    Order: a plain `token` (a personal access token: no refresh); else the token kept by the store:
    a `token_store` in the settings (a `TokenStore` object that other processes share: the chat-bot
    server's credentials in its database) or the token file `<data_dir>/<provider>-oauth.json` written
    by earlier refreshes or the login; else `access_token` / `refresh_token` / `expires_at` from the
    settings (a `refresh_token` alone is enough: it is used at once). Refreshed tokens go to that store
    (with a `token_store`, the callback is a `SharedTokens`: the refresh asks it for a newer token first).
    """
    plain = settings.text(token_key)
    if plain is not None:
        return OAuthToken(plain), None
    shared = settings.raw.get("token_store")
    if shared is not None:
        keeper = SharedTokens(shared)
        return keeper.load() or _from_settings(settings), keeper
    data_dir = settings.text("data_dir")
    store = TokenFile(Path(data_dir) / f"{settings.provider}-oauth.json") if data_dir else None
    token = store.load() if store is not None else None
    if token is None:
        token = _from_settings(settings)
    return token, store.save if store is not None else None


def _from_settings(settings: Settings) -> OAuthToken | None:
    """The token given as `access_token` / `refresh_token` / `expires_at` settings, or None."""
    access, refresh = settings.text("access_token"), settings.text("refresh_token")
    if access is None and refresh is None:
        return None
    if access is None:  # expired on purpose: the first request refreshes
        expires_at: float | None = 0.0
    else:
        expires_at = settings.number("expires_at", 1.0) if settings.raw.get("expires_at") else None
    return OAuthToken(access or "", refresh, expires_at)
