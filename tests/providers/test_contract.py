"""The provider contract (nlentry/providers/base.py), run against every provider with a `testing` module.

Every package under `nlentry/providers/` that has a `testing.py` joins automatically (found with
pkgutil, no list here). Its `contract_provider(tmp_path)` is a context manager yielding a provider
wired to a fake or a real local server. Optional, in the same module:

- `CONTRACT_CATALOG` (a `Catalog`): what `fetch_catalog()` must contain, compared by name and
  aliases (some backends choose their own ids). Its first project and first service are the ones
  entries are booked on, so that project must accept that service.
- `bad_credentials_provider(tmp_path)`: a provider whose credentials the backend refuses.

What is checked, for each provider: its shape (name = package name, declared capabilities, the
runtime-checkable protocol, `from_settings`); the catalog with its aliases; create -> list_day (date,
duration, project, service); update; delete; that a create retried the way the outbox does it
(`find_posted`, else `create` with the same key) leaves exactly one entry; that an entry with no
duration is refused; that every capability not declared raises `Unsupported`; timers where declared;
`AuthError` for refused credentials.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import pkgutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import nlentry.providers
from nlentry.model import Catalog, Client, Entry, Person, Project, Ref, Service
from nlentry.providers.base import AuthError, Capability, Posted, Provider, RejectedError, Unsupported

DAY = date(2026, 3, 27)


def _providers_with_testing() -> list[str]:
    names = []
    for module in pkgutil.iter_modules(nlentry.providers.__path__):
        if module.ispkg and not module.name.startswith("_") and importlib.util.find_spec(
                f"nlentry.providers.{module.name}.testing") is not None:
            names.append(module.name)
    return sorted(names)


PROVIDERS = _providers_with_testing()


@pytest.fixture(params=PROVIDERS)
def testing(request: pytest.FixtureRequest) -> ModuleType:
    """The `testing` module of one provider package."""
    return importlib.import_module(f"nlentry.providers.{request.param}.testing")


@pytest.fixture
def provider(testing: ModuleType, tmp_path: Path) -> Iterator[Provider]:
    with testing.contract_provider(tmp_path) as p:
        yield p


def _named(items: tuple[Any, ...], name: str) -> Any:
    found = [i for i in items if i.name.casefold() == name.casefold()]
    assert found, f"{name!r} missing from {[i.name for i in items]}"
    return found[0]


def _refs(testing: ModuleType, provider: Provider) -> tuple[Ref, Ref, Ref]:
    """The first and second project and the first service to book on, as the provider names them."""
    catalog = provider.fetch_catalog()
    expected: Catalog | None = getattr(testing, "CONTRACT_CATALOG", None)
    if expected is not None and len(expected.projects) >= 2 and expected.services:
        first: Project = _named(catalog.projects, expected.projects[0].name)
        second: Project = _named(catalog.projects, expected.projects[1].name)
        service: Service = _named(catalog.services, expected.services[0].name)
    else:
        assert len(catalog.projects) >= 2 and catalog.services, "the contract needs 2 projects, 1 service"
        first, second, service = catalog.projects[0], catalog.projects[1], catalog.services[0]
    return Ref(first.id, first.name), Ref(second.id, second.name), Ref(service.id, service.name)


def _entry(project: Ref | None, service: Ref | None, *, duration: int | None = 5400,
           text: str = "contract: 1,5 uur gewerkt", day: date = DAY) -> Entry:
    return Entry(text=text, locale="nl", date=day, duration=duration, project=project, service=service,
                 description=text)


def _same(a: Any, b: Any) -> bool:
    return str(a) == str(b)


# --- shape ----------------------------------------------------------------------------------------


def test_discovers_the_hosted_providers() -> None:
    assert {"timi", "timeneye", "tyme"} <= set(PROVIDERS)


def test_shape(testing: ModuleType, provider: Provider) -> None:
    package = testing.__name__.split(".")[-2]
    cls = importlib.import_module(f"nlentry.providers.{package}").PROVIDER
    assert isinstance(provider, cls)
    assert isinstance(provider, Provider)
    assert provider.name == package  # package, registry key and --provider value are one name
    assert isinstance(provider.capabilities, frozenset)
    assert all(isinstance(c, Capability) for c in provider.capabilities)
    assert callable(getattr(cls, "from_settings", None))


# --- catalog --------------------------------------------------------------------------------------


def test_catalog_has_projects_and_services_with_aliases(testing: ModuleType, provider: Provider) -> None:
    catalog = provider.fetch_catalog()
    assert isinstance(catalog, Catalog)
    assert catalog.projects, "no projects"
    items: list[Client | Project | Service | Person] = [
        *catalog.clients, *catalog.projects, *catalog.services, *catalog.people]
    for item in items:
        assert item.name.strip() and item.id not in (None, "")
        assert isinstance(item.aliases, tuple) and all(isinstance(a, str) for a in item.aliases)
    assert len({str(p.id) for p in catalog.projects}) == len(catalog.projects), "project ids repeat"
    expected: Catalog | None = getattr(testing, "CONTRACT_CATALOG", None)
    if expected is None:
        return
    for kind in ("projects", "services"):
        for want in getattr(expected, kind):
            got = _named(getattr(catalog, kind), want.name)
            have = {a.casefold() for a in got.aliases}
            assert {a.casefold() for a in want.aliases} <= have, (kind, want.name)


# --- entries --------------------------------------------------------------------------------------


def test_create_then_list_day(testing: ModuleType, provider: Provider) -> None:
    project, _, service = _refs(testing, provider)
    posted = provider.create(_entry(project, service), key="0b3c7c1e-0000-4000-8000-000000000001")
    assert isinstance(posted, Posted) and posted.provider == provider.name and posted.remote_id
    listed = [r for r in provider.list_day(DAY) if r.remote_id == posted.remote_id]
    assert len(listed) == 1
    remote = listed[0]
    assert remote.date == DAY
    assert remote.duration == 5400
    assert _same(remote.project_id, project.id)
    if getattr(testing, "LISTS_SERVICE", True):  # Timi's list rows do not show the service (spec)
        assert _same(remote.service_id, service.id)
    else:
        assert remote.service_id is None
    assert all(r.remote_id != posted.remote_id for r in provider.list_day(date(2026, 3, 28)))


def test_update_changes_the_entry(testing: ModuleType, provider: Provider) -> None:
    project, other, service = _refs(testing, provider)
    posted = provider.create(_entry(project, service), key="0b3c7c1e-0000-4000-8000-000000000002")
    again = provider.update(posted.remote_id, _entry(other, service, duration=7200, text="contract: 2 uur"))
    assert again.remote_id == posted.remote_id
    listed = [r for r in provider.list_day(DAY) if r.remote_id == posted.remote_id]
    assert len(listed) == 1
    assert listed[0].duration == 7200
    assert _same(listed[0].project_id, other.id)


def test_delete_removes_the_entry(testing: ModuleType, provider: Provider) -> None:
    project, _, service = _refs(testing, provider)
    posted = provider.create(_entry(project, service), key="0b3c7c1e-0000-4000-8000-000000000003")
    provider.delete(posted.remote_id)
    assert all(r.remote_id != posted.remote_id for r in provider.list_day(DAY))


def test_a_retried_create_leaves_one_entry(testing: ModuleType, provider: Provider) -> None:
    project, _, service = _refs(testing, provider)
    entry = _entry(project, service, text="contract: retried post")
    key = "0b3c7c1e-0000-4000-8000-000000000004"
    assert provider.find_posted(entry, key) is None
    first = provider.create(entry, key=key)
    # The outbox after an unclear failure: look for the entry first, post only if it is not there.
    again = provider.find_posted(entry, key) or provider.create(entry, key=key)
    assert again.remote_id == first.remote_id
    assert [r.remote_id for r in provider.list_day(DAY) if r.description == entry.text
            or r.remote_id == first.remote_id] == [first.remote_id]


def test_an_entry_without_duration_is_rejected(testing: ModuleType, provider: Provider) -> None:
    project, _, service = _refs(testing, provider)
    with pytest.raises(RejectedError):
        provider.create(_entry(project, service, duration=None), key="0b3c7c1e-0000-4000-8000-000000000005")


# --- capabilities ---------------------------------------------------------------------------------


CALLS: dict[Capability, list[Callable[[Provider, Entry], Any]]] = {
    Capability.CATALOG: [lambda p, e: p.fetch_catalog()],
    Capability.CREATE: [lambda p, e: p.create(e, key="0b3c7c1e-0000-4000-8000-000000000006")],
    Capability.UPDATE: [lambda p, e: p.update("1", e)],
    Capability.DELETE: [lambda p, e: p.delete("1")],
    Capability.LIST: [lambda p, e: p.list_day(DAY)],
    # timer_current may work without TIMER (Timi can read its timer but not start one)
    Capability.TIMER: [lambda p, e: p.timer_start(e), lambda p, e: p.timer_stop()],
}


def test_undeclared_capabilities_raise_unsupported(provider: Provider) -> None:
    entry = _entry(None, None)
    missing = [c for c in Capability if c not in provider.capabilities]
    for capability in missing:
        for call in CALLS[capability]:
            with pytest.raises(Unsupported):
                call(provider, entry)


def test_timer_where_declared(testing: ModuleType, provider: Provider) -> None:
    if Capability.TIMER not in provider.capabilities:
        pytest.skip(f"{provider.name} declares no timer")
    project, _, service = _refs(testing, provider)
    started = provider.timer_start(_entry(project, service, duration=None, text="contract: timer"))
    current = provider.timer_current()
    assert current is not None and current.remote_id == started.remote_id
    stopped = provider.timer_stop()
    assert stopped is not None and stopped.remote_id == started.remote_id
    assert provider.timer_current() is None


# --- errors ---------------------------------------------------------------------------------------


def test_refused_credentials_raise_auth_error(testing: ModuleType, tmp_path: Path) -> None:
    factory = getattr(testing, "bad_credentials_provider", None)
    if factory is None:
        pytest.skip("this provider has no credentials to refuse")
    with contextlib.ExitStack() as stack:
        provider = stack.enter_context(factory(tmp_path))
        with pytest.raises(AuthError):
            provider.fetch_catalog()
        with pytest.raises(AuthError):
            provider.list_day(DAY)
