"""Harvest wired to its emulator, for the shared contract suite and Harvest's own tests."""

from __future__ import annotations

from nlentry.providers._http.trackertesting import CATALOG, CONTRACT_CATALOG, Wiring
from nlentry.providers.harvest.client import HarvestProvider
from nlentry.providers.harvest.fake import HarvestFake

WIRING = Wiring(HarvestProvider, HarvestFake,
                lambda fake: {"token": fake.token, "account_id": fake.account_id,
                              "contact": "me@example.com"},
                {"token": "not-the-token"})
fake_provider, contract_provider, bad_credentials_provider = (
    WIRING.fake_provider, WIRING.contract_provider, WIRING.bad_credentials_provider)

__all__ = ["CATALOG", "CONTRACT_CATALOG", "bad_credentials_provider", "contract_provider", "fake_provider"]
