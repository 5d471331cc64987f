"""What the `testing` modules of Toggl Track, Clockify and Harvest share: the seed catalog and the wiring
of a provider to its emulator (`fake_provider`, and the contract suite's two hooks)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from nlentry.model import Catalog
from nlentry.providers._http.ratelimit import RateLimiter
from nlentry.providers._http.testing import FakeApi, provider_of

#: The catalog each emulator starts with (nlentry's catalog JSON shape); these trackers keep no aliases.
CATALOG: dict[str, Any] = {
    "clients": [{"id": 1, "name": "Acme"}],
    "projects": [{"id": 47, "name": "Webshop", "client_id": 1},
                 {"id": 48, "name": "Intranet", "client_id": 1}],
    "services": [{"id": 5, "name": "Development"}, {"id": 6, "name": "Design"}],
}

#: What `fetch_catalog` must return.
CONTRACT_CATALOG = Catalog.from_dict(CATALOG)


class Wiring:
    """A provider class wired to its emulator class.

    Parameters:
        provider: the provider class; fake: the emulator class (seeded with `CATALOG`).
        credentials: the provider's keyword arguments that sign in to a fake (its token, account, ...).
        refused: the keyword arguments a fake refuses.
    """

    def __init__(self, provider: type, fake: type[FakeApi], credentials: Callable[[Any], Mapping[str, Any]],
                 refused: Mapping[str, Any]) -> None:
        self.provider, self.fake, self.credentials, self.refused = provider, fake, credentials, refused

    @contextlib.contextmanager
    def fake_provider(self, fake: Any = None, **options: Any) -> Iterator[tuple[Any, Any]]:
        """A provider talking to `fake` (default: a new, seeded one); `options` go to the provider.
        No client-side budget unless `limiter` is given."""
        fake = fake if fake is not None else self.fake.seeded(CATALOG)
        options.setdefault("limiter", RateLimiter(None, 1.0))
        settings = {**self.credentials(fake), "base_url": fake.BASE_URL, "transport": fake.transport(),
                    **options}
        with self.provider(**settings) as provider:
            yield provider, fake

    def contract_provider(self, tmp_path: Path) -> contextlib.AbstractContextManager[Any]:
        """A provider on a seeded fake, for the shared contract suite."""
        return provider_of(self.fake_provider())

    def bad_credentials_provider(self, tmp_path: Path) -> contextlib.AbstractContextManager[Any]:
        """A provider whose credentials the fake refuses."""
        return provider_of(self.fake_provider(**self.refused))
