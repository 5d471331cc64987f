"""Harvest: the wire format of spec/providers.md section 7 against the emulator (three mandatory headers,
`spent_date` with decimal `hours` or start and end times), the task an entry needs (its service, else
the project's default task, else a clear refusal), accounts, timers and the 429 with Retry-After."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

import httpx
import pytest

import nlentry
from nlentry.model import Entry, Ref
from nlentry.providers._http.ratelimit import RateLimiter
from nlentry.providers._tracker import Workspace
from nlentry.providers.base import AuthError, ProviderError, RejectedError, TransientError
from nlentry.providers.harvest import PROVIDER, HarvestProvider
from nlentry.providers.harvest.fake import HarvestFake
from nlentry.providers.harvest.testing import CATALOG, fake_provider

DAY = date(2026, 3, 27)
WEBSHOP, INTRANET, DEVELOPMENT, DESIGN = (
    Ref(47, "Webshop"),
    Ref(48, "Intranet"),
    Ref(5, "Development"),
    Ref(6, "Design"),
)


def entry(
    *,
    service: Ref | None = DEVELOPMENT,
    project: Ref | None = WEBSHOP,
    duration: int | None = 5400,
    start: time | None = None,
    end: time | None = None,
    persons: tuple[str, ...] = ("Rowan",),
) -> Entry:
    return Entry(
        text="1,5 uur overleg met Rowan",
        locale="nl",
        date=DAY,
        duration=duration,
        start=start,
        end=end,
        project=project,
        service=service,
        persons=tuple(Ref(None, p) for p in persons),
        description="overleg met Rowan",
    )


def sent(request: httpx.Request) -> dict:
    return json.loads(request.content)


def test_the_package_exports_the_provider() -> None:
    assert PROVIDER is HarvestProvider and PROVIDER.name == "harvest"


def test_create_sends_the_three_headers_and_decimal_hours() -> None:
    with fake_provider() as (harvest, fake):
        posted = harvest.create(entry(persons=("Rowan", "Kim")), key="k")
        request = fake.requests[-1]
    assert (request.method, request.url.path) == ("POST", "/v2/time_entries")
    assert request.headers["Authorization"] == f"Bearer {fake.token}"
    assert request.headers["Harvest-Account-Id"] == fake.account_id
    assert request.headers["User-Agent"] == "nlentry (me@example.com)"
    assert sent(request) == {
        "project_id": 47,
        "task_id": 5,
        "spent_date": "2026-03-27",
        "hours": 1.5,
        "notes": "overleg met Rowan (Kim)",
    }
    assert fake.entries[int(posted.remote_id)]["hours"] == 1.5


def test_the_fake_refuses_a_request_without_a_user_agent() -> None:
    fake = HarvestFake.seeded(CATALOG)
    client = httpx.Client(
        transport=fake.transport(),
        base_url=fake.BASE_URL,
        headers={"Authorization": f"Bearer {fake.token}", "Harvest-Account-Id": fake.account_id},
    )
    del client.headers["User-Agent"]
    refused = client.get("users/me")
    assert refused.status_code == 400 and "User-Agent" in refused.json()["message"]
    client.headers["User-Agent"] = f"nlentry/{nlentry.__version__}"  # no contact: not the required form
    assert client.get("users/me").status_code == 400
    client.headers["User-Agent"] = "nlentry (me@example.com)"
    assert client.get("users/me").status_code == 200


def test_odd_lengths_in_hours_and_back() -> None:
    with fake_provider() as (harvest, fake):
        posted = harvest.create(entry(duration=20 * 60), key="k")
        assert sent(fake.requests[-1])["hours"] == 0.3333
        listed = harvest.list_day(DAY)
        assert [(r.remote_id, r.duration) for r in listed] == [(posted.remote_id, 1200)]
        assert harvest.find_posted(entry(duration=20 * 60), "k") == posted


def test_a_timestamp_account_gets_started_and_ended_time() -> None:
    fake = HarvestFake.seeded(CATALOG)
    fake.timestamps = True
    with fake_provider(fake, timestamps=True) as (harvest, _):
        posted = harvest.create(entry(start=time(9, 0), end=time(10, 30)), key="k")
        body = sent(fake.requests[-1])
        assert (body["started_time"], body["ended_time"]) == ("9:00am", "10:30am") and "hours" not in body
        listed = harvest.list_day(DAY)
        assert [(r.remote_id, r.start, r.end, r.duration) for r in listed] == [
            (posted.remote_id, time(9, 0), time(10, 30), 5400)
        ]
        assert harvest.find_posted(entry(start=time(9, 0), end=time(10, 30)), "k") == posted
        assert harvest.find_posted(entry(start=time(13, 0), end=time(14, 30)), "k") is None
        harvest.create(entry(), key="k2")  # no clock times: hours, even here
        assert sent(fake.requests[-1])["hours"] == 1.5


def test_a_phrase_without_a_task_gets_the_projects_default_task() -> None:
    with fake_provider(default_tasks={"Webshop": "design", "48": 5}) as (harvest, fake):
        harvest.create(entry(service=None), key="a")
        assert sent(fake.requests[-1])["task_id"] == 6
        harvest.create(entry(service=None, project=INTRANET), key="b")
        assert sent(fake.requests[-1])["task_id"] == 5
        assembled = [r.url.path for r in fake.requests].count("/v2/users/me/project_assignments")
        assert assembled == 1, "the assignments are fetched once"


def test_the_default_task_for_every_project() -> None:
    with fake_provider(default_task="Development") as (harvest, fake):
        harvest.create(entry(service=None, project=INTRANET), key="k")
        assert sent(fake.requests[-1])["task_id"] == 5


def test_a_phrase_without_a_task_and_no_default_is_refused_asking_for_one() -> None:
    with fake_provider() as (harvest, fake):
        with pytest.raises(RejectedError) as caught:
            harvest.create(entry(service=None), key="k")
        assert fake.entries == {} and all(r.method == "GET" for r in fake.requests)
    message = str(caught.value)
    assert "needs a task" in message and "Development, Design" in message
    assert '[providers.harvest.default_tasks] "Webshop" = "TASK"' in message
    with (
        fake_provider(default_tasks={"Webshop": "Cleaning"}) as (harvest, _),
        pytest.raises(RejectedError, match="default task 'Cleaning' of Webshop is not one of its tasks"),
    ):
        harvest.create(entry(service=None), key="k")


def test_an_entry_needs_a_project() -> None:
    with fake_provider() as (harvest, fake), pytest.raises(RejectedError, match="needs a project"):
        harvest.create(entry(project=None), key="k")
    assert fake.requests == []


def test_harvests_422_keeps_its_message() -> None:
    with (
        fake_provider() as (harvest, _),
        pytest.raises(RejectedError, match=r"HTTP 422\): Task is not assigned to the project"),
    ):
        harvest.create(entry(service=Ref(99, "Other")), key="k")


def test_429_pauses_for_retry_after() -> None:
    with fake_provider(limiter=RateLimiter(None, 1.0, max_wait=0.01)) as (harvest, fake):
        fake.fail_next(429, body={"message": "Too many requests"}, headers={"Retry-After": "12"})
        with pytest.raises(TransientError, match="HTTP 429") as caught:
            harvest.list_day(DAY)
        assert caught.value.retry_after == 12
        sent_before = len(fake.requests)
        with pytest.raises(TransientError, match="client-side rate limit"):
            harvest.list_day(DAY)
        assert len(fake.requests) == sent_before
    default = HarvestProvider(token="harvest-pat", account_id="1")
    assert (default._api.limiter.limit, default._api.limiter.period) == (100, 15.0)
    default.close()


def test_list_day_follows_next_page_and_lists_only_the_user() -> None:
    with fake_provider() as (harvest, fake):
        for minutes in range(1, 4):
            harvest.create(entry(duration=minutes * 60), key=str(minutes))
        fake.requests.clear()
        listed = harvest.list_day(DAY)
    assert sorted(r.duration for r in listed) == [60, 120, 180]
    params = fake.requests[-1].url.params
    assert (params["from"], params["to"], params["user_id"]) == (
        "2026-03-27",
        "2026-03-27",
        str(fake.user_id),
    )


def test_accounts_are_listed_and_an_account_is_needed() -> None:
    fake = HarvestFake.seeded(CATALOG)
    fake.accounts.append({"id": 99, "name": "Forecast", "product": "forecast"})
    fake.accounts.append({"id": 777, "name": "Side Ltd", "product": "harvest"})
    with fake_provider(fake, account_id=None) as (harvest, _):
        assert harvest.workspaces() == [Workspace("123456", "Acme Inc"), Workspace("777", "Side Ltd")]
        assert fake.requests[-1].url.host == "id.getharvest.com"
        assert "Harvest-Account-Id" not in fake.requests[-1].headers
        with pytest.raises(AuthError, match="no account chosen"):
            harvest.fetch_catalog()
    with fake_provider(fake, account_id="777") as (harvest, _), pytest.raises(AuthError, match="HTTP 403"):
        harvest.fetch_catalog()


def test_timers() -> None:
    clock = [datetime(2026, 3, 27, 9, 0, tzinfo=timezone.utc).timestamp()]
    fake = HarvestFake.seeded(CATALOG)
    fake.clock = lambda: clock[0]
    with fake_provider(fake, clock=lambda: clock[0], tz=ZoneInfo("Europe/Amsterdam")) as (harvest, _):
        assert harvest.timer_current() is None
        started = harvest.timer_start(entry(duration=None))
        assert (
            "hours" not in sent(fake.requests[-1]) and sent(fake.requests[-1])["spent_date"] == "2026-03-27"
        )
        clock[0] += 1800
        running = harvest.timer_current()
        assert running is not None and running.remote_id == started.remote_id and running.duration == 1800
        assert harvest.timer_stop() == started
        assert (fake.requests[-1].method, fake.requests[-1].url.path) == (
            "PATCH",
            f"/v2/time_entries/{started.remote_id}/stop",
        )
        assert fake.entries[int(started.remote_id)]["hours"] == 0.5
        assert harvest.timer_current() is None and harvest.timer_stop() is None


def test_a_refused_token_says_where_to_make_one() -> None:
    with fake_provider(token="wrong-pat-00112233") as (harvest, _), pytest.raises(AuthError) as caught:
        harvest.fetch_catalog()
    assert "HTTP 401" in str(caught.value) and "id.getharvest.com/developers" in str(caught.value)
    assert "wrong-pat-00112233" not in str(caught.value) + repr(harvest._api.client.auth)


def test_from_settings() -> None:
    fake = HarvestFake.seeded(CATALOG)
    harvest = HarvestProvider.from_settings(
        {
            "token": fake.token,
            "account_id": fake.account_id,
            "contact": "ops@example.com",
            "base_url": fake.BASE_URL,
            "default_tasks": {"Webshop": "Design"},
            "default_task": "Development",
            "timestamps": True,
        },
        transport=fake.transport(),
    )
    assert (harvest.default_tasks, harvest.default_task, harvest.timestamps) == (
        {"Webshop": "Design"},
        "Development",
        True,
    )
    assert harvest._api.client.headers["User-Agent"] == "nlentry (ops@example.com)"
    harvest.close()
    with pytest.raises(AuthError, match="id.getharvest.com/developers"):
        HarvestProvider.from_settings({"account_id": "1"})
    with pytest.raises(ProviderError, match="'default_tasks' must be a table"):
        HarvestProvider.from_settings({"token": "harvest-pat", "default_tasks": "Design"})
    with pytest.raises(ProviderError, match="'account_id' must be a number"):
        HarvestProvider.from_settings({"token": "harvest-pat", "account_id": "acme"})
