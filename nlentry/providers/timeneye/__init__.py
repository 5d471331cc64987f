"""Timeneye (the current API, api.timeneye.com/api/v1): entries in minutes, projects with phases.

Configuration (`config.toml`)::

    [providers.timeneye]
    token = "..."                # a personal access token; or an OAuth app login:
    # client_id = "..."          # the app from Timeneye's Developers portal (PKCE, no secret needed)
    # redirect_uri = "http://127.0.0.1:8765/callback"   # the Redirect URI registered with that app
    # plan = "business"          # 2000 requests per 5 minutes instead of the free plan's 500
    # base_url = "https://api.timeneye.com/api/v1"

Importing this package is cheap: httpx loads when a provider is made.
"""

from __future__ import annotations

from nlentry.providers.timeneye.client import TimeneyeProvider

PROVIDER = TimeneyeProvider

__all__ = ["PROVIDER", "TimeneyeProvider"]
