"""Clockify: the wire format of spec/providers.md section 6 against the emulator (UTC instants in, ISO 8601
durations out), tags and tasks, the workspace, timers and the limits."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

import httpx
import pytest

from nlentry.model import Entry, Ref
from nlentry.providers._tracker import Workspace
from nlentry.providers.base import AuthError, ProviderError, RejectedError
from nlentry.providers.clockify import PROVIDER, ClockifyProvider
from nlentry.providers.clockify.fake import ClockifyFake
from nlentry.providers.clockify.mapping import iso_duration
from nlentry.providers.clockify.testing import CATALOG, fake_provider

AMS = ZoneInfo("Europe/Amsterdam")
DAY = date(2026, 3, 27)


def refs(provider: ClockifyProvider, service: str = "Development") -> tuple[Ref, Ref]:
    catalog = provider.fetch_catalog()
    project = next(p for p in catalog.projects if p.name == "Webshop")
    found = next(s for s in catalog.services if s.name == service)
    return Ref(project.id, project.name), Ref(found.id, found.name)


def entry(
    project: Ref,
    service: Ref | None,
    *,
    start: time | None = time(9, 0),
    duration: int | None = 5400,
    persons: tuple[str, ...] = (),
    tags: tuple[str, ...] = (),
) -> Entry:
    return Entry(
        text="1,5 uur overleg",
        locale="nl",
        date=DAY,
        start=start,
        duration=duration,
        project=project,
        service=service,
        persons=tuple(Ref(None, p) for p in persons),
        tags=tags,
        description="overleg",
    )


def sent(request: httpx.Request) -> dict:
    return json.loads(request.content)


def test_the_package_exports_the_provider() -> None:
    assert PROVIDER is ClockifyProvider and PROVIDER.name == "clockify"


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("PT1H30M", 5400),
        ("PT45S", 45),
        ("PT2H", 7200),
        ("P1DT1M", 86460),
        ("PT0S", 0),
        ("PT", None),
        ("1:30", None),
        (None, None),
    ],
)
def test_iso_durations(text: str | None, seconds: int | None) -> None:
    assert iso_duration(text) == seconds


def test_create_sends_utc_start_and_end_and_reads_the_iso_duration_back() -> None:
    with fake_provider(tz=AMS) as (clockify, fake):
        project, service = refs(clockify)
        posted = clockify.create(entry(project, service), key="k")
        request = fake.requests[-1]
        assert (request.method, request.url.path) == (
            "POST",
            f"/api/v1/workspaces/{fake.active_workspace}/time-entries",
        )
        assert request.headers["X-Api-Key"] == fake.api_key and "Authorization" not in request.headers
        assert request.headers["Content-Type"] == "application/json"
        assert sent(request) == {
            "start": "2026-03-27T08:00:00Z",
            "end": "2026-03-27T09:30:00Z",
            "billable": False,
            "description": "overleg",
            "projectId": project.id,
            "taskId": None,
            "tagIds": [service.id],
        }
        listed = clockify.list_day(DAY)
        answer = clockify._api.json(
            "GET", f"workspaces/{fake.active_workspace}/user/{fake.user_id}/time-entries"
        )
    assert answer[0]["timeInterval"]["duration"] == "PT1H30M"
    assert [(r.remote_id, r.duration, r.start, r.end, r.service_id) for r in listed] == [
        (posted.remote_id, 5400, time(9, 0), time(10, 30), service.id)
    ]


def test_list_day_asks_for_the_day_in_the_users_zone() -> None:
    with fake_provider(tz=AMS) as (clockify, fake):
        project, service = refs(clockify)
        clockify.create(
            entry(project, service, start=time(0, 30), duration=600), key="k"
        )  # 23:30Z the day before
        assert len(clockify.list_day(DAY)) == 1
        params = fake.requests[-1].url.params
        assert (params["start"], params["end"]) == ("2026-03-26T23:00:00Z", "2026-03-27T23:00:00Z")
        assert clockify.list_day(date(2026, 3, 26)) == []


def test_services_as_tasks_and_persons_as_existing_tags() -> None:
    fake = ClockifyFake.seeded(CATALOG)
    fake.tags.append(
        {"id": "0" * 23 + "9", "name": "Rowan", "workspaceId": fake.active_workspace, "archived": False}
    )
    with fake_provider(fake, services="tasks", persons="tags") as (clockify, _):
        project, task = refs(clockify)
        assert task.id in {t["id"] for t in fake.tasks if t["projectId"] == project.id}
        clockify.create(entry(project, task, persons=("Rowan", "Kim")), key="k")
        body = sent(fake.requests[-1])
    assert body["taskId"] == task.id and body["tagIds"] == ["0" * 23 + "9"]
    assert body["description"] == "overleg (Kim)", "a person with no tag stays in the text"


def test_find_posted_compares_every_field_sent() -> None:
    with fake_provider(tz=AMS) as (clockify, _):
        project, service = refs(clockify)
        posted = clockify.create(entry(project, service), key="k")
        assert clockify.find_posted(entry(project, service), "k") == posted
        assert (
            clockify.find_posted(entry(project, service), "k", exclude=frozenset({posted.remote_id})) is None
        )
        assert clockify.find_posted(entry(project, service, start=time(10, 0)), "k") is None
        assert clockify.find_posted(entry(project, None), "k") is None
        assert clockify.find_posted(entry(project, service, persons=("Kim",)), "k") is None


def test_the_workspace_is_the_setting_else_the_active_one() -> None:
    fake = ClockifyFake.seeded(CATALOG)
    other = {"id": "f" * 24, "name": "Side project"}
    fake.workspaces.append(other)
    with fake_provider(fake) as (clockify, _):
        assert clockify.workspaces() == [
            Workspace(fake.active_workspace, "Acme", True),
            Workspace("f" * 24, "Side project", False),
        ]
        assert clockify.workspace_id == fake.active_workspace
    fake.active_workspace = other["id"]
    with fake_provider(fake, workspace_id=fake.workspaces[0]["id"]) as (clockify, _):
        fake.requests.clear()
        assert len(clockify.fetch_catalog().projects) == 2
        assert all(r.url.path != "/api/v1/user" for r in fake.requests)


def test_timers() -> None:
    clock = [datetime(2026, 3, 27, 9, 0, tzinfo=timezone.utc).timestamp()]
    with fake_provider(clock=lambda: clock[0], tz=AMS) as (clockify, fake):
        project, service = refs(clockify)
        assert clockify.timer_current() is None
        started = clockify.timer_start(entry(project, service, duration=None))
        assert (
            "end" not in sent(fake.requests[-1])
            and sent(fake.requests[-1])["start"] == "2026-03-27T09:00:00Z"
        )
        clock[0] += 600
        running = clockify.timer_current()
        assert running is not None and running.remote_id == started.remote_id and running.duration == 600
        assert fake.requests[-1].url.params["in-progress"] == "true"
        assert clockify.timer_stop() == started
        stop = fake.requests[-1]
        assert (stop.method, stop.url.path) == (
            "PATCH",
            f"/api/v1/workspaces/{fake.active_workspace}/user/{fake.user_id}/time-entries",
        )
        assert sent(stop) == {"end": "2026-03-27T09:10:00Z"}
        assert clockify.timer_current() is None and clockify.timer_stop() is None


def test_errors() -> None:
    with fake_provider() as (clockify, _):
        project, service = refs(clockify)
        with pytest.raises(RejectedError, match="HTTP 400\\): Tag doesn't belong to Workspace"):
            clockify.create(entry(project, Ref("a" * 24, "Nope")), key="k")
        with pytest.raises(RejectedError, match="not a Clockify entry id"):
            clockify.delete("../user")
    with fake_provider(api_key="wrong-key-55667788") as (clockify, _), pytest.raises(AuthError) as caught:
        clockify.fetch_catalog()
    assert "HTTP 401" in str(caught.value) and "Profile settings" in str(caught.value)
    assert "wrong-key-55667788" not in str(caught.value) and "wrong-key" not in repr(
        clockify._api.client.auth
    )


def test_from_settings_for_a_free_workspace() -> None:
    clockify = ClockifyProvider.from_settings(
        {
            "token": "clockify-key",
            "rate_limit": "30",
            "rate_period": "3600",
            "base_url": "https://euc1.clockify.me/api/v1",
        }
    )
    assert (clockify._api.limiter.limit, clockify._api.limiter.period) == (30, 3600.0)
    assert str(clockify._api.client.base_url) == "https://euc1.clockify.me/api/v1/"
    clockify.close()
    default = ClockifyProvider(api_key="clockify-key")
    assert (default._api.limiter.limit, default._api.limiter.period) == (50, 1.0)
    default.close()
    with pytest.raises(AuthError, match="clockify: no API key"):
        ClockifyProvider.from_settings({})
    with pytest.raises(ProviderError, match="'persons' description or tags"):
        ClockifyProvider.from_settings({"token": "clockify-key", "persons": "notes"})
