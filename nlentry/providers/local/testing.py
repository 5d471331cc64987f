"""A ready `local` provider for the shared contract suite (tests/providers/test_contract.py).

Usage::

    with contract_provider(tmp_path) as provider:
        provider.fetch_catalog()        # CONTRACT_CATALOG
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from nlentry.model import Catalog
from nlentry.providers.base import Provider

__all__ = ["CONTRACT_CATALOG", "contract_provider"]

#: the catalog a contract provider starts with
CONTRACT_CATALOG = Catalog.from_dict({
    "clients": [{"id": 1, "name": "Acme"}],
    "projects": [
        {"id": 52, "name": "Webshop", "client_id": 1, "aliases": ["webwinkel"]},
        {"id": 55, "name": "Intranet"},
        {"id": 50, "name": "Acme Portal", "client_id": 1, "aliases": ["portal"]},
    ],
    "services": [
        {"id": 1, "name": "Development", "aliases": ["coden"]},
        {"id": 2, "name": "Meeting", "aliases": ["overleg"]},
    ],
    "people": [{"id": 2, "name": "Rowan"}],
})


@contextlib.contextmanager
def contract_provider(tmp_path: Path) -> Iterator[Provider]:
    """A `LocalProvider` on a fresh database in `tmp_path`, its catalog `CONTRACT_CATALOG`; closed after."""
    from nlentry.providers.local import LocalProvider

    provider = LocalProvider.from_settings({"path": str(Path(tmp_path) / "contract-local.db")})
    try:
        provider.import_catalog(CONTRACT_CATALOG)
        yield provider
    finally:
        provider.close()
