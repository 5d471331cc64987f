"""Harvest (API v2): post entries, fetch the projects and tasks assigned to the user, run timers.

Configuration (`config.toml`; `nlentry login harvest` asks for the token and lists the accounts)::

    [providers.harvest]
    token = "..."                 # a personal access token (id.getharvest.com/developers); or the keyring
    account_id = "123456"         # the Harvest account to book in
    contact = "me@example.com"    # named in the User-Agent Harvest requires
    default_task = "Development"  # the task when a phrase names none (any project) ...
    # timestamps = true           # the account tracks start and end times

    [providers.harvest.default_tasks]
    Webshop = "Design"            # ... or per project (name or id = task name or id)

Importing this package is cheap: httpx loads when a provider is made.
"""

from __future__ import annotations

from nlentry.providers.harvest.client import HarvestProvider

PROVIDER = HarvestProvider

__all__ = ["HarvestProvider", "PROVIDER"]
