"""Clockify: post entries, fetch the workspace's catalog, run timers.

Configuration (`config.toml`; `nlentry login clockify` asks for the API key and the workspace)::

    [providers.clockify]
    token = "..."                   # the API key (Profile settings -> API); or kept in the keyring
    workspace_id = "64a1..."        # default: the user's active workspace
    # services = "tasks"            # tags (default) or the projects' tasks stand for the kind of work
    # persons = "tags"              # description (default) or tags (existing tags only)
    # rate_limit = 30               # a new Free workspace: 30 requests
    # rate_period = 3600            # an hour
    # base_url = "https://euc1.clockify.me/api/v1"   # a regional server

Importing this package is cheap: httpx loads when a provider is made.
"""

from __future__ import annotations

from nlentry.providers.clockify.client import ClockifyProvider

PROVIDER = ClockifyProvider

__all__ = ["ClockifyProvider", "PROVIDER"]
