"""Toggl Track wired to its emulator, for the shared contract suite and Toggl's own tests."""

from __future__ import annotations

from nlentry.providers._http.trackertesting import CATALOG, CONTRACT_CATALOG, Wiring
from nlentry.providers.toggl.client import TogglProvider
from nlentry.providers.toggl.fake import TogglFake

WIRING = Wiring(TogglProvider, TogglFake, lambda fake: {"token": fake.token}, {"token": "not-the-token"})
fake_provider, contract_provider, bad_credentials_provider = (
    WIRING.fake_provider, WIRING.contract_provider, WIRING.bad_credentials_provider)

__all__ = ["CATALOG", "CONTRACT_CATALOG", "bad_credentials_provider", "contract_provider", "fake_provider"]
