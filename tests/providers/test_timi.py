"""Timi: the wire format of spec/providers.md section 1, against the emulator, and the faults around it."""

from __future__ import annotations

import base64
import urllib.parse
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest

import nlentry
from nlentry.booking.journal import amended
from nlentry.booking.outbox import Outbox
from nlentry.booking.store import Store
from nlentry.model import Entry, Ref
from nlentry.providers.base import AuthError, ProviderError, RejectedError, TransientError, Unsupported
from nlentry.providers.timi import PROVIDER, TimiProvider
from nlentry.providers.timi.fake import TimiFake
from nlentry.providers.timi.testing import fake_provider

DAY = date(2026, 3, 27)
WEBSHOP, DEVELOPMENT = Ref(47, "Webshop"), Ref(5, "Development")


def entry(text: str = "2,5 uur aan webshop", *, duration: int | None = 9000, day: date = DAY,
          project: Ref | None = WEBSHOP, service: Ref | None = DEVELOPMENT) -> Entry:
    """An entry with the description the parser reads from `text` (the phrase without its length)."""
    return Entry(text=text, locale="nl", date=day, duration=duration, project=project, service=service,
                 description=nlentry.parse(text, locale="nl").description)


def form(request: httpx.Request) -> dict[str, str]:
    return dict(urllib.parse.parse_qsl(request.content.decode()))


def test_the_package_exports_the_provider() -> None:
    assert PROVIDER is TimiProvider and PROVIDER.name == "timi"


# --- wire format ----------------------------------------------------------------------------------


def test_create_sends_the_description_and_explicit_fields() -> None:
    with fake_provider() as (timi, fake):
        posted = timi.create(entry(), key="k")
        request = fake.requests[-1]
        assert (request.method, request.url.path) == ("POST", "/api/v1/time_entries.json")
        assert request.headers["X-Api-Key"] == f"{fake.email}:{fake.token}"
        assert request.headers["User-Agent"] == f"nlentry/{nlentry.__version__}"
        assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
        assert form(request) == {"body": "aan webshop", "duration": "9000", "date": "27-03-2026",
                                 "project_id": "47", "service_id": "5"}
        assert fake.entries[int(posted.remote_id)]["date"] == "2026-03-27"


def test_fields_the_entry_lacks_are_not_sent() -> None:
    with fake_provider() as (timi, fake):
        timi.create(entry(project=None, service=None), key="k")
        assert set(form(fake.requests[-1])) == {"body", "duration", "date"}


def test_an_entry_without_duration_is_refused_before_sending() -> None:
    with fake_provider() as (timi, fake):
        with pytest.raises(RejectedError, match="no duration"):
            timi.create(entry(duration=None), key="k")
        assert fake.requests == []


def test_update_patches_and_delete_deletes() -> None:
    with fake_provider() as (timi, fake):
        posted = timi.create(entry(), key="k")
        timi.update(posted.remote_id, entry("3 uur", duration=10800, project=Ref(48, "Intranet")))
        assert fake.requests[-1].method == "PATCH"
        assert fake.requests[-1].url.path == f"/api/v1/time_entries/{posted.remote_id}.json"
        assert fake.entries[int(posted.remote_id)]["duration"] == 10800
        assert fake.entries[int(posted.remote_id)]["project_id"] == 48
        timi.delete(posted.remote_id)
        assert fake.requests[-1].method == "DELETE" and not fake.entries
        timi.delete(posted.remote_id)  # already gone: a retried delete succeeds
        with pytest.raises(RejectedError, match="404"):
            timi.update(posted.remote_id, entry())
        with pytest.raises(RejectedError, match="not a Timi entry id"):
            timi.delete("../clients")


# --- catalog ----------------------------------------------------------------------------------------


def test_catalog_merges_nested_and_personal_aliases() -> None:
    fake = TimiFake()
    fake.clients = [{"id": 618, "name": "Klant A", "projects": [
        {"id": 3327, "name": "Banners", "aliases": ["Erik", "Martijn"]},
        {"id": 3328, "name": "Flyers", "aliases": ["folders"]}]}]
    fake.projects = [{"id": 3327, "name": "Banners", "aliases": ["erik", "Wilco"]},
                     {"id": 2, "name": "Timi", "aliases": ["Jankees", "Rowan", "Tango"]},
                     {"id": None, "name": "broken row"}]
    fake.services = [{"id": 1, "name": "Development", "aliases": ["coden"]}]
    with fake_provider(fake) as (timi, _):
        catalog = timi.fetch_catalog()
    projects = {p.id: p for p in catalog.projects}
    assert set(projects) == {3327, 2, 3328}
    assert projects[3327].aliases == ("erik", "Wilco", "Martijn")  # union, first spelling kept
    assert projects[3327].client_id == 618 and projects[2].client_id is None
    assert projects[3328].aliases == ("folders",)  # only in clients.json, still a project
    assert [(c.id, c.name) for c in catalog.clients] == [(618, "Klant A")]
    assert [(s.name, s.aliases) for s in catalog.services] == [("Development", ("coden",))]
    assert catalog.people == ()  # Timi has no people: person names are project aliases there


# --- listing ------------------------------------------------------------------------------------------


def test_list_day_follows_the_pages() -> None:
    fake = TimiFake(per_page=2)
    fake.load_catalog({"projects": [{"id": 47, "name": "Webshop"}], "services": [{"id": 5, "name": "Dev"}]})
    with fake_provider(fake) as (timi, _):
        for minutes in range(1, 6):
            timi.create(entry(f"{minutes} min review", duration=minutes * 60), key=str(minutes))
        timi.create(entry("other day", day=DAY + timedelta(days=1)), key="x")
        fake.requests.clear()
        listed = timi.list_day(DAY)
    assert [r.duration for r in listed] == [60, 120, 180, 240, 300]
    assert [r.description for r in listed][0] == "review"
    pages = [r.url.params["page"] for r in fake.requests]
    assert pages == ["1", "2", "3"] and {r.url.params["date"] for r in fake.requests} == {"2026-03-27"}


def test_find_posted_matches_day_duration_and_text() -> None:
    with fake_provider() as (timi, _):
        posted = timi.create(entry("2,5 uur  aan webshop "), key="k")
        assert timi.find_posted(entry("2,5 uur aan webshop"), "k") == posted  # whitespace aside
        assert timi.find_posted(entry(duration=5400), "k") is None
        assert timi.find_posted(entry(day=DAY + timedelta(days=1)), "k") is None
        assert timi.find_posted(entry("iets anders"), "k") is None
        assert timi.find_posted(entry(project=Ref(48, "Intranet")), "k") is None


def test_a_lost_answer_then_a_retry_leaves_one_entry() -> None:
    with fake_provider() as (timi, fake):
        fake.fail_next(status=504, after=True)  # Timi stored it, the answer never came
        with pytest.raises(TransientError):
            timi.create(entry(), key="k")
        assert len(fake.entries) == 1
        again = timi.find_posted(entry(), "k") or timi.create(entry(), key="k")
        assert len(fake.entries) == 1 and again.remote_id == str(next(iter(fake.entries)))


# --- errors -----------------------------------------------------------------------------------------


def test_validation_errors_keep_timis_message() -> None:
    expected = r"HTTP 422\): project_id: bestaat niet"
    with fake_provider() as (timi, _), pytest.raises(RejectedError, match=expected):
        timi.create(entry(project=Ref(999, "Unknown")), key="k")


@pytest.mark.parametrize("status", [200, 201])
def test_a_2xx_answer_carrying_errors_is_refused_in_timis_words(status: int, tmp_path: Path) -> None:
    with fake_provider() as (timi, fake), Store(tmp_path / "nlentry.db") as store:
        fake.validation_status = status  # the document does not give the status of a validation error
        with pytest.raises(RejectedError, match="project_id: bestaat niet") as caught:
            timi.create(entry(project=Ref(999, "Unknown")), key="k")
        assert "accepted" not in str(caught.value) and fake.entries == {}
        posted = timi.create(entry(), key="k2")
        with pytest.raises(RejectedError, match="project_id: bestaat niet"):
            timi.update(posted.remote_id, entry("3 uur aan webshop", duration=10800, project=Ref(999, "X")))
        assert fake.entries[int(posted.remote_id)]["duration"] == 9000, "the refused update changed nothing"
        # through the outbox: the entry is kept, failed, with Timi's message
        outbox = Outbox(store, {"timi": timi}, sleep=lambda s: None)
        key = outbox.submit(entry(project=Ref(999, "Unknown")), "timi")
        item = outbox.item(key)
        assert item is not None and item.state == "failed"
        assert item.last_error is not None and "project_id: bestaat niet" in item.last_error


def test_services_json_as_one_bare_object_still_gives_its_service() -> None:
    fake = TimiFake.seeded({"projects": [{"id": 2, "name": "Timi", "aliases": ["Tango"]}],
                            "services": [{"id": 1, "name": "Development", "aliases": ["coden", "css"]}]})
    fake.bare_single_service = True  # the seed document's example of services.json
    with fake_provider(fake) as (timi, _):
        catalog = timi.fetch_catalog()
    answer = httpx.Client(transport=fake.transport(), base_url=fake.BASE_URL,
                          headers={"X-Api-Key": f"{fake.email}:{fake.token}"}).get("services.json").json()
    assert answer == {"id": 1, "name": "Development", "aliases": ["coden", "css"]}
    assert [(s.id, s.name, s.aliases) for s in catalog.services] == [(1, "Development", ("coden", "css"))]


@pytest.mark.parametrize(("amendment", "body"), [("3 uur", "overleg klant"),
                                                  ("3 uur overleg leverancier", "overleg leverancier")])
def test_an_amend_sends_a_body_that_matches_the_amended_entry(amendment: str, body: str,
                                                              tmp_path: Path) -> None:
    now = datetime.combine(DAY, datetime.min.time().replace(hour=17))
    first = nlentry.parse("1 uur overleg klant", locale="nl", now=now)
    changed = amended(first, nlentry.parse(amendment, locale="nl", now=now))
    with fake_provider() as (timi, fake), Store(tmp_path / "nlentry.db") as store:
        outbox = Outbox(store, {"timi": timi}, sleep=lambda s: None)
        key = outbox.submit(first, "timi")
        outbox.change(key, changed)
        sent = form(fake.requests[-1])
        stored = fake.entries[int(outbox.item(key).remote_id)]  # type: ignore[union-attr,arg-type]
    assert fake.requests[-1].method == "PATCH" and sent["duration"] == "10800"
    assert sent["body"] == body and "1 uur" not in sent["body"]
    assert (stored["body"], stored["duration"]) == (body, 10800)


def test_refused_credentials_are_an_auth_error_without_the_token() -> None:
    with fake_provider(token="wrong-token-123456") as (timi, _), \
            pytest.raises(AuthError, match="HTTP 401") as caught:
        timi.fetch_catalog()
    assert "wrong-token-123456" not in str(caught.value)


def test_the_fake_takes_all_three_auth_styles() -> None:
    fake = TimiFake()
    client = httpx.Client(transport=fake.transport(), base_url=fake.BASE_URL)
    basic = base64.b64encode(f"{fake.email}:{fake.token}".encode()).decode()
    assert client.get("projects.json", headers={"Authorization": f"Basic {basic}"}).status_code == 200
    assert client.get("projects.json", params={"email": fake.email, "token": fake.token}).status_code == 200
    assert client.post("time_entries.json", data={"email": fake.email, "token": fake.token, "body": "x",
                                                  "duration": "60"}).status_code == 201
    refused = client.get("projects.json")
    assert (refused.status_code, refused.json()) == (401, {"message": "unauthorized"})


def test_secrets_in_an_answer_never_reach_the_message() -> None:
    with fake_provider() as (timi, fake):
        echoed = f"bad key {fake.email}:{fake.token} ({fake.token})"
        fake.fail_next(status=422, body={"errors": {"body": [echoed]}})
        with pytest.raises(RejectedError) as caught:
            timi.create(entry(), key="k")
    assert fake.token not in str(caught.value) and "***" in str(caught.value)
    assert fake.token not in repr(timi) and fake.token not in repr(timi._api.client.auth)


def test_server_errors_and_timeouts_are_transient() -> None:
    with fake_provider() as (timi, fake):
        fake.fail_next(status=500, times=2)
        for _ in range(2):
            with pytest.raises(TransientError, match="HTTP 500"):
                timi.create(entry(), key="k")
        assert timi.create(entry(), key="k").remote_id
        fake.fail_next(exc=httpx.ReadTimeout)
        with pytest.raises(TransientError, match="timed out"):
            timi.list_day(DAY)
        fake.fail_next(exc=httpx.ConnectError)
        with pytest.raises(TransientError, match="failed"):
            timi.list_day(DAY)
        fake.fail_next(status=200, body="<html>maintenance</html>")
        with pytest.raises(TransientError, match="not JSON"):
            timi.fetch_catalog()


def test_an_answer_of_the_wrong_shape_is_an_error_not_an_empty_catalog() -> None:
    with fake_provider() as (timi, fake):
        fake.clients = "maintenance"  # type: ignore[assignment]
        with pytest.raises(ProviderError, match="unexpected str"):
            timi.fetch_catalog()


def test_429_pauses_the_client_for_a_window() -> None:
    with fake_provider(max_wait=5) as (timi, fake):
        fake.rate_limit_after = 2
        timi.list_day(DAY)
        timi.list_day(DAY)
        with pytest.raises(TransientError, match="rate limit") as caught:
            timi.list_day(DAY)
        assert caught.value.retry_after is None  # Timi sends no Retry-After
        sent = len(fake.requests)
        with pytest.raises(TransientError) as held:  # held back on our side: nothing sent
            timi.list_day(DAY)
        assert len(fake.requests) == sent and held.value.retry_after and held.value.retry_after > 55


# --- timer ------------------------------------------------------------------------------------------


def test_timer_current_reads_timer_json() -> None:
    now = datetime(2026, 3, 27, 10, 0, tzinfo=timezone.utc)
    with fake_provider(clock=now.timestamp, tz=ZoneInfo("Europe/Amsterdam")) as (timi, fake):
        assert timi.timer_current() is None  # {} when idle
        fake.start_timer("overleg met Rowan", started_at=now - timedelta(minutes=30), duration=600,
                         project_id=47)
        running = timi.timer_current()
    assert running is not None
    assert running.duration == 600 + 1800 and running.description == "overleg met Rowan"
    assert (running.date, running.start) == (DAY, datetime(2026, 3, 27, 10, 30).time())  # 09:30Z in CET
    assert running.extra["running"] is True


def test_timer_start_and_stop_are_unsupported() -> None:
    with fake_provider() as (timi, _):
        with pytest.raises(Unsupported, match="Timi app"):
            timi.timer_start(entry())
        with pytest.raises(Unsupported):
            timi.timer_stop()


# --- settings -----------------------------------------------------------------------------------------


def test_from_settings() -> None:
    fake = TimiFake()
    fake.load_catalog({"projects": [{"id": 1, "name": "X"}]})
    timi = TimiProvider.from_settings({"email": fake.email, "token": fake.token, "base_url": fake.BASE_URL,
                                       "timeout": "5", "rate_limit": "100", "timezone": "Europe/Amsterdam",
                                       "data_dir": "/tmp/ignored"}, transport=fake.transport())
    assert [p.name for p in timi.fetch_catalog().projects] == ["X"]
    assert timi._api.limiter.limit == 100
    timi.close()
    with pytest.raises(AuthError, match="no e-mail and token"):
        TimiProvider.from_settings({"email": "me@example.com"})
    with pytest.raises(ProviderError, match="'timeout' must be a number") as caught:
        TimiProvider.from_settings({"email": "a@b.c", "token": "secret-token", "timeout": "soon"})
    assert "secret-token" not in str(caught.value)
