"""Toggl Track: the wire format of spec/providers.md section 5 against the emulator, the hourly quota,
the workspace and the faults around it."""

from __future__ import annotations

import base64
import json
from datetime import date, datetime, time, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest

import nlentry
from nlentry.booking.outbox import Outbox
from nlentry.booking.store import Store
from nlentry.model import Entry, Ref
from nlentry.providers._http.ratelimit import RateLimiter
from nlentry.providers.base import AuthError, ProviderError, TransientError
from nlentry.providers.toggl import PROVIDER, TogglProvider
from nlentry.providers.toggl.fake import TogglFake
from nlentry.providers.toggl.testing import CATALOG, fake_provider

AMS = ZoneInfo("Europe/Amsterdam")
DAY = date(2026, 3, 27)
WEBSHOP, DEVELOPMENT = Ref(47, "Webshop"), Ref(5, "Development")


def entry(
    text: str = "2,5 uur code review met Rowan",
    *,
    duration: int | None = 9000,
    start: time | None = None,
    service: Ref | None = DEVELOPMENT,
    persons: tuple[str, ...] = ("Rowan",),
) -> Entry:
    return Entry(
        text=text,
        locale="nl",
        date=DAY,
        duration=duration,
        start=start,
        project=WEBSHOP,
        service=service,
        persons=tuple(Ref(None, p) for p in persons),
        description="code review",
    )


def sent(request: httpx.Request) -> dict:
    return json.loads(request.content)


def test_the_package_exports_the_provider() -> None:
    assert PROVIDER is TogglProvider and PROVIDER.name == "toggl"


def test_create_sends_start_and_duration_seconds_with_workspace_and_created_with() -> None:
    with fake_provider(tz=AMS) as (toggl, fake):
        posted = toggl.create(entry(start=time(9, 0)), key="k")
        request = fake.requests[-1]
    assert (request.method, request.url.path) == ("POST", "/api/v9/workspaces/777/time_entries")
    token = base64.b64decode(request.headers["Authorization"].removeprefix("Basic ")).decode()
    assert token == f"{fake.token}:api_token"
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["User-Agent"] == f"nlentry/{nlentry.__version__}"
    assert sent(request) == {
        "created_with": "nlentry",
        "description": "code review (Rowan)",
        "tags": ["Development"],
        "billable": False,
        "workspace_id": 777,
        "project_id": 47,
        "duration": 9000,
        "start": "2026-03-27T08:00:00Z",
        "stop": None,
    }
    stored = fake.entries[int(posted.remote_id)]
    assert stored["start"] == datetime(2026, 3, 27, 8, 0, tzinfo=timezone.utc) and stored["duration"] == 9000


def test_an_entry_without_a_clock_time_starts_at_day_start() -> None:
    with fake_provider(tz=AMS, day_start="13:30") as (toggl, fake):
        toggl.create(entry(), key="k")
    assert sent(fake.requests[-1])["start"] == "2026-03-27T12:30:00Z"


def test_persons_as_tags_and_services_as_tasks() -> None:
    with fake_provider(persons="tags", services="tasks") as (toggl, fake):
        services = toggl.fetch_catalog().services
        task = next(s for s in services if s.name == "Development")
        assert [r.url.path for r in fake.requests if r.url.path.endswith("/tasks")] == [
            "/api/v9/workspaces/777/projects/47/tasks",
            "/api/v9/workspaces/777/projects/48/tasks",
        ]
        posted = toggl.create(entry(service=Ref(task.id, task.name)), key="k")
        body = sent(fake.requests[-1])
        listed = toggl.list_day(DAY)
    assert body["tags"] == ["Rowan"] and body["description"] == "code review" and body["task_id"] == task.id
    assert [(r.remote_id, r.service_id) for r in listed] == [(posted.remote_id, task.id)]


def test_list_day_reads_times_in_the_users_zone() -> None:
    with fake_provider(tz=AMS) as (toggl, _):
        late = toggl.create(entry(start=time(23, 30), duration=1800), key="a")  # 22:30Z, still the 27th here
        listed = toggl.list_day(DAY)
        next_day = toggl.list_day(date(2026, 3, 28))
    assert [(r.remote_id, r.start, r.end, r.duration) for r in listed] == [
        (late.remote_id, time(23, 30), time(0, 0), 1800)
    ]
    assert next_day == []


def test_find_posted_compares_every_field_sent() -> None:
    with fake_provider(tz=AMS) as (toggl, _):
        posted = toggl.create(entry(start=time(9, 0)), key="k")
        assert toggl.find_posted(entry(start=time(9, 0)), "k") == posted
        assert toggl.find_posted(entry(start=time(9, 0)), "k", exclude=frozenset({posted.remote_id})) is None
        assert toggl.find_posted(entry(start=time(10, 0)), "k") is None
        assert toggl.find_posted(entry(start=time(9, 0), persons=()), "k") is None  # another description
        assert toggl.find_posted(entry(start=time(9, 0), service=Ref(6, "Design")), "k") is None


def test_the_hourly_quota_says_until_when_and_the_outbox_keeps_the_entry(tmp_path: Path) -> None:
    now = [datetime(2026, 3, 27, 13, 10, tzinfo=timezone.utc).timestamp()]
    fake = TogglFake.seeded(CATALOG)
    fake.clock = lambda: now[0]
    with (
        fake_provider(fake, tz=AMS, clock=lambda: now[0]) as (toggl, _),
        Store(tmp_path / "nlentry.db") as store,
    ):
        fake.quota_per_hour = 4
        toggl.fetch_catalog()  # 4 requests: me, clients, projects, tags
        with pytest.raises(TransientError) as caught:
            toggl.list_day(DAY)
        # the quota frees up one hour after the first counted request: 14:10Z, 15:10 in Amsterdam
        assert "quota used up until 15:10 (HTTP 402" in str(caught.value)
        assert caught.value.retry_after == 3601 and not caught.value.maybe_received
        sent_before = len(fake.requests)
        outbox = Outbox(store, {"toggl": toggl}, sleep=lambda s: None)
        key = outbox.submit(entry(), "toggl")
        item = outbox.item(key)
        assert item is not None and item.state == "pending"
        assert item.last_error is not None and "until 15:10" in item.last_error
        assert len(fake.requests) == sent_before, "held back on our side until the quota frees up"
        assert fake.entries == {}
        now[0] += 3601
        assert outbox.flush(force=True).posted == [key]
        assert len(fake.entries) == 1


def test_a_402_without_the_quota_header_waits_an_hour() -> None:
    now = datetime(2026, 3, 27, 8, 0, tzinfo=timezone.utc).timestamp()
    with fake_provider(tz=AMS, clock=lambda: now) as (toggl, fake):
        fake.fail_next(402, body="You have hit your hourly limit for API calls.")
        with pytest.raises(TransientError, match=r"quota used up until 10:00 \(HTTP 402") as caught:
            toggl.fetch_catalog()
    assert caught.value.retry_after == 3600


def test_the_leaky_bucket_429_holds_the_client_back_a_second() -> None:
    with fake_provider(limiter=RateLimiter(None, 1.0, max_wait=0.01)) as (toggl, fake):
        toggl.fetch_catalog()
        fake.rate_limit_after = 1
        toggl.list_day(DAY)
        with pytest.raises(TransientError, match="rate limit exceeded") as caught:
            toggl.list_day(DAY)
        assert caught.value.retry_after is None
        sent_before = len(fake.requests)
        with pytest.raises(TransientError, match="client-side rate limit"):
            toggl.list_day(DAY)
        assert len(fake.requests) == sent_before


def test_the_default_budget_is_one_request_a_second() -> None:
    toggl = TogglProvider(token="t0ggl-token")
    assert (toggl._api.limiter.limit, toggl._api.limiter.period) == (1, 1.0)
    toggl.close()


def test_the_workspace_is_the_setting_else_the_users_default() -> None:
    fake = TogglFake.seeded(CATALOG)
    fake.workspaces.append({"id": 778, "name": "Side project", "organization_id": 9})
    with fake_provider(fake) as (toggl, _):
        assert toggl.workspaces() == [_ws("777", "Acme", True), _ws("778", "Side project", False)]
        toggl.fetch_catalog()
        assert fake.requests[2].url.path == "/api/v9/me" and toggl.workspace_id == 777
    with fake_provider(fake, workspace_id="778") as (toggl, _):
        fake.requests.clear()
        assert toggl.fetch_catalog().projects == ()
        posted = toggl.create(entry().replace(project=None), key="k")
        assert fake.requests[-1].url.path == "/api/v9/workspaces/778/time_entries"
        assert sent(fake.requests[-1])["workspace_id"] == 778
        assert all(r.url.path != "/api/v9/me" for r in fake.requests)
        assert fake.entries[int(posted.remote_id)]["workspace_id"] == 778


def _ws(ident: str, name: str, default: bool):  # type: ignore[no-untyped-def]
    from nlentry.providers._tracker import Workspace

    return Workspace(ident, name, default)


def test_timers_run_with_a_negative_duration() -> None:
    now = datetime(2026, 3, 27, 9, 0, tzinfo=timezone.utc).timestamp()
    clock = [now]
    fake = TogglFake.seeded(CATALOG)
    fake.clock = lambda: clock[0]
    with fake_provider(fake, clock=lambda: clock[0], tz=AMS) as (toggl, _):
        assert toggl.timer_current() is None
        started = toggl.timer_start(entry(duration=None))
        body = sent(fake.requests[-1])
        assert (body["duration"], body["stop"], body["start"]) == (-1, None, "2026-03-27T09:00:00Z")
        clock[0] += 1500
        running = toggl.timer_current()
        assert running is not None and running.remote_id == started.remote_id
        assert running.duration == 1500 and running.extra["running"] is True and running.start == time(10, 0)
        assert toggl.timer_stop() == started
        assert fake.requests[-1].method == "PATCH"
        assert fake.requests[-1].url.path == f"/api/v9/workspaces/777/time_entries/{started.remote_id}/stop"
        assert fake.entries[int(started.remote_id)]["duration"] == 1500
        assert toggl.timer_stop() is None


def test_a_refused_token_says_where_the_right_one_is_and_never_shows_it() -> None:
    with fake_provider(token="wrong-token-1234567") as (toggl, _), pytest.raises(AuthError) as caught:
        toggl.fetch_catalog()
    message = str(caught.value)
    assert "HTTP 403" in message and "https://track.toggl.com/profile" in message
    assert "wrong-token-1234567" not in message
    encoded = base64.b64encode(b"wrong-token-1234567:api_token").decode()
    assert encoded not in repr(toggl._api.client.auth) and "wrong-token" not in repr(toggl._api.client.auth)


def test_an_answer_echoing_the_token_is_masked() -> None:
    with fake_provider() as (toggl, fake):
        encoded = base64.b64encode(f"{fake.token}:api_token".encode()).decode()
        fake.fail_next(400, body=f"bad {fake.token} / {encoded}")
        with pytest.raises(ProviderError) as caught:
            toggl.fetch_catalog()
    assert fake.token not in str(caught.value) and encoded not in str(caught.value)


def test_validation_errors_keep_toggls_words() -> None:
    with fake_provider() as (toggl, _), pytest.raises(ProviderError, match=r"HTTP 400\): Invalid project_id"):
        toggl.create(entry().replace(project=Ref(999, "Nope")), key="k")


def test_from_settings() -> None:
    fake = TogglFake.seeded(CATALOG)
    toggl = TogglProvider.from_settings(
        {
            "token": fake.token,
            "base_url": fake.BASE_URL,
            "workspace_id": "777",
            "services": "tasks",
            "timezone": "Europe/Amsterdam",
            "day_start": "08:00",
        },
        transport=fake.transport(),
    )
    assert (toggl.workspace_id, toggl.services, toggl.day_start) == (777, "tasks", time(8, 0))
    toggl.close()
    with pytest.raises(AuthError, match="track.toggl.com/profile"):
        TogglProvider.from_settings({})
    with pytest.raises(ProviderError, match="'services' must be tags or tasks"):
        TogglProvider.from_settings({"token": "t0ggl-token", "services": "phases"})
    with pytest.raises(ProviderError, match="'workspace_id' must be a number"):
        TogglProvider.from_settings({"token": "t0ggl-token", "workspace_id": "abc"})
