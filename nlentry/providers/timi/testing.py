"""Timi wired to its emulator, for the shared contract suite and Timi's own tests.

`contract_provider(tmp_path)` is what `tests/providers/test_contract.py` looks for in every provider
package; `bad_credentials_provider` lets it check the mapping of refused credentials to `AuthError`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from nlentry.model import Catalog
from nlentry.providers._http.testing import provider_of
from nlentry.providers.timi.client import TimiProvider
from nlentry.providers.timi.fake import TimiFake

#: The catalog the fake starts with (nlentry's catalog JSON shape).
CATALOG: dict[str, Any] = {
    "clients": [{"id": 1, "name": "Acme"}],
    "projects": [
        {"id": 47, "name": "Webshop", "client_id": 1, "aliases": ["webshp", "Rowan"]},
        {"id": 48, "name": "Intranet", "client_id": 1, "aliases": []},
    ],
    "services": [
        {"id": 5, "name": "Development", "aliases": ["coden", "css"]},
        {"id": 6, "name": "Design", "aliases": []},
    ],
}

#: Timi's list rows nest the project but do not show the service (spec, section 1)
LISTS_SERVICE = False

#: What `fetch_catalog` must return (names and aliases; the fake chooses some ids itself).
CONTRACT_CATALOG = Catalog.from_dict(CATALOG)


@contextlib.contextmanager
def fake_provider(fake: TimiFake | None = None, **options: Any) -> Iterator[tuple[TimiProvider, TimiFake]]:
    """A provider talking to a (new, seeded) `TimiFake`; `options` go to `TimiProvider`."""
    fake = fake if fake is not None else TimiFake.seeded(CATALOG)
    with TimiProvider(**{"email": fake.email, "token": fake.token, "base_url": fake.BASE_URL,
                         "transport": fake.transport(), **options}) as provider:
        yield provider, fake


def contract_provider(tmp_path: Path) -> contextlib.AbstractContextManager[TimiProvider]:
    """A Timi provider on a seeded fake, for the shared contract suite."""
    return provider_of(fake_provider())


def bad_credentials_provider(tmp_path: Path) -> contextlib.AbstractContextManager[TimiProvider]:
    """A Timi provider whose token the fake refuses."""
    return provider_of(fake_provider(token="not-the-token"))
