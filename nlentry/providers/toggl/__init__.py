"""Toggl Track (API v9): post entries, fetch the workspace's catalog, run timers.

Configuration (`config.toml`; `nlentry login toggl` asks for the token and the workspace)::

    [providers.toggl]
    token = "..."              # profile page -> API token; or kept in the keyring
    workspace_id = 777         # default: the account's default workspace
    # services = "tasks"       # tags (default) or the projects' tasks stand for the kind of work
    # persons = "tags"         # description (default) or tags

Importing this package is cheap: httpx loads when a provider is made.
"""

from __future__ import annotations

from nlentry.providers.toggl.client import TogglProvider

PROVIDER = TogglProvider

__all__ = ["PROVIDER", "TogglProvider"]
