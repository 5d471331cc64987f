"""Tyme wired to its emulator, for the shared contract suite and Tyme's own tests."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from nlentry.model import Catalog
from nlentry.providers._http.testing import provider_of
from nlentry.providers.tyme.client import TymeProvider
from nlentry.providers.tyme.fake import TymeFake

#: The catalog the fake starts with; every project gets every service as a task.
CATALOG: dict[str, Any] = {
    "clients": [{"id": "cat-1", "name": "Acme"}],
    "projects": [
        {"id": "p-webshop", "name": "Webshop", "client_id": "cat-1"},
        {"id": "p-intranet", "name": "Intranet", "client_id": "cat-1"},
    ],
    "services": [{"id": 0, "name": "Development"}, {"id": 0, "name": "Design"}],
    "people": [{"id": "u-2", "name": "Rowan"}],
}

#: What `fetch_catalog` must return (names and aliases; the fake chooses some ids itself).
CONTRACT_CATALOG = Catalog.from_dict(CATALOG)
#: A zone with DST, so the UTC conversion is exercised.
ZONE = ZoneInfo("Europe/Amsterdam")


def token_settings(fake: TymeFake) -> dict[str, Any]:
    """Provider settings for a freshly issued OAuth token of `fake`."""
    answer = fake.issue_token()
    return {"oauth_token": {"access_token": answer["access_token"], "refresh_token": answer["refresh_token"],
                            "expires_at": fake.clock() + answer["expires_in"]},
            "client_id": fake.CLIENT_ID, "client_secret": fake.CLIENT_SECRET}


@contextlib.contextmanager
def fake_provider(fake: TymeFake | None = None, **options: Any) -> Iterator[tuple[TymeProvider, TymeFake]]:
    """A provider on a (new, seeded) `TymeFake`, signed in with a fresh token unless `options` say."""
    fake = fake if fake is not None else TymeFake.seeded(CATALOG)
    settings: dict[str, Any] = {"base_url": fake.BASE_URL, "transport": fake.transport(), "tz": ZONE}
    if "oauth_token" not in options and "token" not in options:
        settings.update(token_settings(fake))
    with TymeProvider(**{**settings, **options}) as provider:
        yield provider, fake


def contract_provider(tmp_path: Path) -> contextlib.AbstractContextManager[TymeProvider]:
    """A Tyme provider on a seeded fake, for the shared contract suite."""
    return provider_of(fake_provider())


def bad_credentials_provider(tmp_path: Path) -> contextlib.AbstractContextManager[TymeProvider]:
    """A Tyme provider holding an access token the fake never issued (and no refresh token)."""
    return provider_of(fake_provider(token="ty-at-unknown"))
