"""Timi (timiapp.com): post entries, fetch the catalog with aliases, read the running timer.

Configuration (`config.toml`)::

    [providers.timi]
    email = "me@example.com"
    token = "..."                          # Timi profile -> API token; or from the keyring
    # base_url = "https://timiapp.com/api/v1/"

Importing this package is cheap: httpx loads when a provider is made.
"""

from __future__ import annotations

from nlentry.providers.timi.client import TimiProvider

PROVIDER = TimiProvider

__all__ = ["PROVIDER", "TimiProvider"]
