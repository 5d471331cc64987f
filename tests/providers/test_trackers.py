"""What Toggl Track, Clockify and Harvest share, checked on each one's emulator: refused credentials
name where the right token is, 429 and timeouts are transient (a timeout may have arrived), a sync of a
large workspace stays inside the provider's documented limit, and persons are never dropped."""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Iterator
from datetime import date
from types import ModuleType
from typing import Any

import httpx
import pytest

from nlentry.model import Entry, Ref
from nlentry.providers._http.ratelimit import RateLimiter
from nlentry.providers.base import AuthError, Provider, TransientError

DAY = date(2026, 3, 27)
NAMES = ["toggl", "clockify", "harvest"]
#: where each one's refusal sends the user for the right token
TOKEN_PAGES = {
    "toggl": "track.toggl.com/profile",
    "clockify": "app.clockify.me/user/preferences",
    "harvest": "id.getharvest.com/developers",
}
#: the documented limits: requests per window of seconds
LIMITS = {"toggl": (1, 1.0), "clockify": (50, 1.0), "harvest": (100, 15.0)}
#: the requests of a sync of 601 projects: Toggl /me, clients, 4 pages of 200 projects, tags; Clockify
#: /user, clients, projects and tags at 5000 a page; Harvest one page of 2000 project assignments
SYNC_REQUESTS = {"toggl": 7, "clockify": 4, "harvest": 1}
#: the secret each fake holds
SECRET = {"toggl": "token", "clockify": "api_key", "harvest": "token"}


@pytest.fixture(params=NAMES)
def testing(request: pytest.FixtureRequest) -> ModuleType:
    return importlib.import_module(f"nlentry.providers.{request.param}.testing")


@contextlib.contextmanager
def wired(testing: ModuleType, fake: Any = None, **options: Any) -> Iterator[tuple[Any, Any]]:
    with testing.fake_provider(fake, **options) as pair:
        yield pair


def booked(provider: Provider, *, persons: tuple[str, ...] = (), text: str = "code review") -> Entry:
    catalog = provider.fetch_catalog()
    project = next(p for p in catalog.projects if p.name == "Webshop")
    service = next(s for s in catalog.services if s.name == "Development")
    return Entry(
        text=text,
        locale="en",
        date=DAY,
        duration=3600,
        project=Ref(project.id, project.name),
        service=Ref(service.id, service.name),
        persons=tuple(Ref(None, p) for p in persons),
        description=text,
    )


def test_a_refused_token_names_where_the_right_one_is(testing: ModuleType) -> None:
    name = testing.__name__.split(".")[-2]
    with wired(testing, **{SECRET[name]: "wrong-secret-998877"}) as (provider, _), \
            pytest.raises(AuthError) as caught:
        provider.fetch_catalog()
    assert TOKEN_PAGES[name] in str(caught.value) and "wrong-secret-998877" not in str(caught.value)


def test_a_429_is_transient_and_nothing_is_stored(testing: ModuleType) -> None:
    with wired(testing) as (provider, fake):
        entry = booked(provider)
        fake.fail_next(429, headers={"Retry-After": "0"})
        with pytest.raises(TransientError, match="HTTP 429") as caught:
            provider.create(entry, key="k")
        assert not caught.value.maybe_received and fake.entries == {}
        assert provider.create(entry, key="k").remote_id and len(fake.entries) == 1


@pytest.mark.parametrize("exc", [httpx.ReadTimeout, httpx.ConnectError])
def test_timeouts_and_refused_connections_are_transient(testing: ModuleType, exc: type[Exception]) -> None:
    with wired(testing) as (provider, fake):
        entry = booked(provider)
        fake.fail_next(exc=exc)
        with pytest.raises(TransientError) as caught:
            provider.create(entry, key="k")
        assert caught.value.maybe_received is (exc is httpx.ReadTimeout)


def test_a_lost_answer_is_found_again_and_not_posted_twice(testing: ModuleType) -> None:
    with wired(testing) as (provider, fake):
        entry = booked(provider)
        fake.fail_next(exc=httpx.ReadTimeout, after=True)  # stored, the answer lost
        with pytest.raises(TransientError):
            provider.create(entry, key="k")
        found = provider.find_posted(entry, "k")
        assert found is not None and list(map(str, fake.entries)) == [found.remote_id]


def test_persons_are_never_dropped(testing: ModuleType) -> None:
    with wired(testing) as (provider, _):
        entry = booked(provider, persons=("Rowan", "Kim"), text="review with Kim")
        posted = provider.create(entry, key="k")
        listed = next(r for r in provider.list_day(DAY) if r.remote_id == posted.remote_id)
    assert listed.description == "review with Kim (Rowan)"


def test_a_large_workspace_syncs_inside_the_documented_limit(testing: ModuleType) -> None:
    """600 projects, then more posts than one window allows: the client keeps the documented limit
    itself (the emulator, counting that window, never answers 429) and pages keep a sync to few requests."""
    name = testing.__name__.split(".")[-2]
    limit, window = LIMITS[name]
    now = [1_790_000_000.0]
    fake = _fake(testing)
    fake.clock = lambda: now[0]
    fake.load_catalog(
        {
            "clients": [{"id": 1, "name": "Acme"}],
            "projects": [{"id": 47, "name": "Webshop", "client_id": 1}]
            + [{"id": 1000 + i, "name": f"Project {i}", "client_id": 1} for i in range(600)],
            "services": [{"id": 5, "name": "Development"}],
        }
    )
    fake.rate_limit_after = limit
    refused: list[float] = []
    answer = fake.rate_limited
    fake.rate_limited = lambda wait: refused.append(wait) or answer(wait)
    limiter = RateLimiter(limit, window, clock=lambda: now[0], sleep=lambda s: now.__setitem__(0, now[0] + s))
    with wired(testing, fake, limiter=limiter, clock=lambda: now[0]) as (provider, _):
        catalog = provider.fetch_catalog()
        sync_requests = len(fake.requests)
        entry = booked(provider)
        for minutes in range(1, limit + 3):
            provider.create(entry.replace(duration=minutes * 60), key=str(minutes))
    assert len(catalog.projects) == 601
    assert sync_requests == SYNC_REQUESTS[name], [str(r.url) for r in fake.requests[:sync_requests]]
    assert refused == [], "the emulator had to refuse a request"
    assert len(fake.entries) == limit + 2
    assert now[0] - 1_790_000_000.0 >= window, "the client waited for the next window"


def _fake(testing: ModuleType) -> Any:
    """A new, empty emulator of the provider of `testing`."""
    module = importlib.import_module(testing.__name__.rsplit(".", 1)[0] + ".fake")
    return next(
        v
        for k, v in vars(module).items()
        if k.endswith("Fake") and isinstance(v, type) and v.__module__ == module.__name__
    )()
