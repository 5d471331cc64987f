"""Timeneye wired to its emulator, for the shared contract suite and Timeneye's own tests."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from nlentry.model import Catalog
from nlentry.providers._http.testing import provider_of
from nlentry.providers.timeneye.client import TimeneyeProvider
from nlentry.providers.timeneye.fake import TimeneyeFake

#: The catalog the fake starts with; every project gets every service as a phase.
CATALOG: dict[str, Any] = {
    "clients": [{"id": 1, "name": "Acme"}],
    "projects": [
        {"id": 12, "name": "Webshop", "client_id": 1},
        {"id": 13, "name": "Intranet", "client_id": 1},
    ],
    "services": [{"id": 0, "name": "Development"}, {"id": 0, "name": "Design"}],
}

#: What `fetch_catalog` must return (names and aliases; the fake chooses some ids itself).
CONTRACT_CATALOG = Catalog.from_dict(CATALOG)


@contextlib.contextmanager
def fake_provider(
    fake: TimeneyeFake | None = None, **options: Any
) -> Iterator[tuple[TimeneyeProvider, TimeneyeFake]]:
    """A provider on a (new, seeded) `TimeneyeFake`, with the fake's personal token unless `options` say."""
    fake = fake if fake is not None else TimeneyeFake.seeded(CATALOG)
    settings: dict[str, Any] = {"base_url": fake.BASE_URL, "transport": fake.transport(), **options}
    if "oauth_token" not in settings:
        settings.setdefault("token", fake.personal_token)
    with TimeneyeProvider(**settings) as provider:
        yield provider, fake


def contract_provider(tmp_path: Path) -> contextlib.AbstractContextManager[TimeneyeProvider]:
    """A Timeneye provider on a seeded fake, signed in with OAuth (so refresh is exercised too)."""
    fake = TimeneyeFake.seeded(CATALOG)
    return provider_of(fake_provider(fake, oauth_token=_token(fake), client_id="nlentry-test"))


def _token(fake: TimeneyeFake) -> dict[str, Any]:
    answer = fake.issue_token("nlentry-test")
    return {"access_token": answer["access_token"], "refresh_token": answer["refresh_token"],
            "expires_at": fake.clock() + answer["expires_in"]}


def bad_credentials_provider(tmp_path: Path) -> contextlib.AbstractContextManager[TimeneyeProvider]:
    """A Timeneye provider whose personal token the fake does not know."""
    return provider_of(fake_provider(token="tn-pat-unknown"))
