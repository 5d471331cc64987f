"""Clockify wired to its emulator, for the shared contract suite and Clockify's own tests."""

from __future__ import annotations

from nlentry.providers._http.trackertesting import CATALOG, CONTRACT_CATALOG, Wiring
from nlentry.providers.clockify.client import ClockifyProvider
from nlentry.providers.clockify.fake import ClockifyFake

WIRING = Wiring(ClockifyProvider, ClockifyFake, lambda fake: {"api_key": fake.api_key},
                {"api_key": "not-the-key"})
fake_provider, contract_provider, bad_credentials_provider = (
    WIRING.fake_provider, WIRING.contract_provider, WIRING.bad_credentials_provider)

__all__ = ["CATALOG", "CONTRACT_CATALOG", "bad_credentials_provider", "contract_provider", "fake_provider"]
