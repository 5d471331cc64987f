"""Tyme (tyme-app.com): records with ids nlentry chooses, times in UTC, categories/projects/tasks.

Configuration (`config.toml`)::

    [providers.tyme]
    client_id = "..."            # the app Tyme registered for you (API access is granted on request)
    redirect_uri = "http://127.0.0.1:8765/callback"   # the redirect URI registered with that app
    # client_secret: asked by `nlentry login tyme`, kept in the keyring (or here, mode 0600)
    # the OAuth token from `finish_login` is kept in the keyring or a 0600 file, not here
    # base_url = "https://api.tyme-app.com"

Importing this package is cheap: httpx loads when a provider is made.
"""

from __future__ import annotations

from nlentry.providers.tyme.client import TymeProvider

PROVIDER = TymeProvider

__all__ = ["PROVIDER", "TymeProvider"]
