"""Where an OAuth token lives between runs: a 0600 file (`TokenFile`), found via the settings."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from nlentry.providers._http.oauth import OAuthToken
from nlentry.providers._http.settings import Settings


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
        _register(token)
        return token

    def save(self, token: OAuthToken) -> None:
        """Keep `token` (atomically, mode 0600)."""
        from nlentry import config

        _register(token)
        config.write_private(self.path, json.dumps(token.to_dict()))


def _register(token: OAuthToken) -> None:
    """Tell nlentry's redactor about a token, so no message or log line shows it."""
    from nlentry import config

    for secret in (token.access_token, token.refresh_token):
        config.register_secret(secret)


def oauth_settings(
    settings: Settings, *, token_key: str = "token"
) -> tuple[OAuthToken | None, Callable[[OAuthToken], None] | None]:
    """The token to start with and the callback that keeps refreshed ones, from a provider's settings.

    Order: a plain `token` (a personal access token: no refresh); else the token file
    `<data_dir>/<provider>-oauth.json` written by earlier refreshes or the login; else `access_token` /
    `refresh_token` / `expires_at` from the settings (a `refresh_token` alone is enough: it is used
    at once). Refreshed tokens go to the token file when there is a `data_dir`.
    """
    plain = settings.text(token_key)
    if plain is not None:
        return OAuthToken(plain), None
    data_dir = settings.text("data_dir")
    store = TokenFile(Path(data_dir) / f"{settings.provider}-oauth.json") if data_dir else None
    token = store.load() if store is not None else None
    if token is None:
        access, refresh = settings.text("access_token"), settings.text("refresh_token")
        if access is None and refresh is None:
            return None, None
        if access is None:  # expired on purpose: the first request refreshes
            expires_at: float | None = 0.0
        else:
            expires_at = settings.number("expires_at", 1.0) if settings.raw.get("expires_at") else None
        token = OAuthToken(access or "", refresh, expires_at)
    return token, store.save if store is not None else None
