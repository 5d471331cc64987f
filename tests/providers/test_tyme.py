"""Tyme: spec/providers.md section 4 against the emulator: our ids, UTC times, tasks, timers, OAuth."""

from __future__ import annotations

import json
import urllib.parse
from datetime import date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from nlentry.model import Entry, Ref
from nlentry.providers._http.oauth import OAuthToken
from nlentry.providers.base import AuthError, RejectedError, TransientError
from nlentry.providers.tyme import PROVIDER, TymeProvider
from nlentry.providers.tyme.auth import finish_login, start_login
from nlentry.providers.tyme.fake import TymeFake
from nlentry.providers.tyme.testing import CATALOG, fake_provider, token_settings

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
WEBSHOP, INTRANET = Ref("p-webshop", "Webshop"), Ref("p-intranet", "Intranet")
DEVELOPMENT = Ref("t-1", "Development")  # Webshop's Development task in the seeded fake


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now.timestamp()

    def __call__(self) -> float:
        return self.now


def entry(text: str = "1,5 uur webshop", *, day: date = date(2026, 7, 1), start: time | None = time(10, 0),
          end: time | None = None, duration: int | None = 5400, project: Ref | None = WEBSHOP,
          service: Ref | None = DEVELOPMENT) -> Entry:
    return Entry(text=text, locale="nl", date=day, start=start, end=end, duration=duration, project=project,
                 service=service)


def posted_bodies(fake: TymeFake) -> list[dict[str, Any]]:
    return [json.loads(r.content) for r in fake.requests if r.url.path == "/data/update_entity"]


def test_the_package_exports_the_provider() -> None:
    assert PROVIDER is TymeProvider and PROVIDER.name == "tyme"


# --- wire format ----------------------------------------------------------------------------------


def test_a_timed_task_record_in_utc_with_our_id() -> None:
    with fake_provider() as (tyme, fake):
        posted = tyme.create(entry(), key="0b3c7c1e-aaaa")
    request = [r for r in fake.requests if r.url.path == "/data/update_entity"][0]
    assert request.headers["Authorization"].startswith("Bearer ty-at-")
    assert json.loads(request.content) == {
        "type": "TimedTaskRecord", "id": "nlentry-0b3c7c1e-aaaa", "related_id": "t-1", "task_id": "t-1",
        "time_start": "2026-07-01 08:00:00", "time_end": "2026-07-01 09:30:00",  # CEST is UTC+2
        "note": "1,5 uur webshop", "billing_state": 0}
    assert posted.remote_id == "nlentry-0b3c7c1e-aaaa"


@pytest.mark.parametrize(("day", "start", "end", "utc_start"), [
    (date(2026, 1, 15), time(10, 0), None, "2026-01-15 09:00:00"),  # CET, UTC+1
    (date(2026, 7, 1), None, time(17, 0), "2026-07-01 13:30:00"),  # end minus 1,5 h, then UTC
    (date(2026, 7, 1), None, None, "2026-07-01 07:00:00"),  # no clock time: 09:00 local (ASSUMED)
    (date(2026, 3, 29), time(1, 30), None, "2026-03-29 00:30:00"),  # the night clocks go forward
])
def test_local_times_become_utc(day: date, start: time | None, end: time | None, utc_start: str) -> None:
    with fake_provider() as (tyme, fake):
        tyme.create(entry(day=day, start=start, end=end), key="k")
        body = posted_bodies(fake)[0]
        assert body["time_start"] == utc_start
        moment = datetime.strptime(utc_start, "%Y-%m-%d %H:%M:%S").replace(tzinfo=timezone.utc)
        assert body["time_end"] == (moment + timedelta(seconds=5400)).strftime("%Y-%m-%d %H:%M:%S")
        listed = tyme.list_day(day)
    assert [(r.duration, r.start) for r in listed] == [(5400, start or (
        time(15, 30) if end else time(9, 0)))]


def test_a_retried_create_is_an_update_of_the_same_record() -> None:
    with fake_provider() as (tyme, fake):
        fake.fail_next(status=504, after=True)  # stored, but the answer is lost
        with pytest.raises(TransientError):
            tyme.create(entry(), key="k1")
        again = tyme.create(entry(duration=3600), key="k1")  # no find_posted needed: same id
        assert [r["id"] for r in fake.records()] == ["nlentry-k1"] == [again.remote_id]
        assert fake.records()[0]["time_end"] == "2026-07-01 09:00:00"
        assert tyme.find_posted(entry(), "k1") == again
        assert tyme.find_posted(entry(), "k2") is None


def test_update_and_delete() -> None:
    with fake_provider() as (tyme, fake):
        posted = tyme.create(entry(), key="k")
        tyme.update(posted.remote_id, entry(project=INTRANET, service=Ref("t-1", "Development")))
        record = fake.records()[0]
        assert (record["id"], record["related_id"]) == ("nlentry-k", "t-3")  # Intranet's Development
        tyme.delete(posted.remote_id)
        delete = fake.requests[-1]
        assert (delete.method, delete.url.path) == ("DELETE", "/data/entity")
        assert delete.url.params.get_list("time_ids[]") == ["nlentry-k"]
        assert fake.records() == []
        tyme.delete(posted.remote_id)  # gone already: fine


def test_list_day_is_by_local_date_and_reads_every_page() -> None:
    fake = TymeFake()
    fake.load_catalog(CATALOG)
    fake.page_size = 3
    with fake_provider(fake) as (tyme, _):
        for n in range(7):
            tyme.create(entry(f"#{n}", start=time(8 + n), duration=600), key=f"k{n}")
        tyme.create(entry("just after midnight", day=date(2026, 7, 2), start=time(0, 30)), key="late")
        listed = tyme.list_day(date(2026, 7, 1))
        assert [r.description for r in listed] == [f"#{n}" for n in range(7)]
        assert {r.url.params["from"] for r in fake.requests if r.url.path == "/data/times"} == {"2026-06-30"}
        late = tyme.list_day(date(2026, 7, 2))  # 22:30 UTC on 1 July, but 2 July at home
    assert [(r.description, r.date, r.start, r.key) for r in late] == [
        ("just after midnight", date(2026, 7, 2), time(0, 30), "late")]
    assert listed[0].project_id == "p-webshop" and listed[0].service_id == "t-1"


# --- catalog ------------------------------------------------------------------------------------------


def test_catalog_categories_projects_tasks_and_members() -> None:
    fake = TymeFake()
    fake.load_catalog(CATALOG)
    fake.entities["p-intranet"]["completed_date"] = "2026-01-01 00:00:00"
    with fake_provider(fake) as (tyme, _):
        catalog = tyme.fetch_catalog()
    assert [r.url.params["type"] for r in fake.requests[:3]] == ["ProjectCategory", "Project", "TimedTask"]
    assert [(c.id, c.name) for c in catalog.clients] == [("cat-1", "Acme")]
    assert [(p.id, p.client_id, p.active) for p in catalog.projects] == [
        ("p-webshop", "cat-1", True), ("p-intranet", "cat-1", False)]
    assert [(s.id, s.name) for s in catalog.services] == [("t-1", "Development"), ("t-2", "Design")]
    assert [p.name for p in catalog.people] == ["Me", "Rowan"]


def test_the_task_must_be_clear() -> None:
    with fake_provider() as (tyme, fake):
        with pytest.raises(RejectedError, match=r"name a task of Webshop \(open tasks: Development, Design"):
            tyme.create(entry(service=None), key="k")
        with pytest.raises(RejectedError, match="no task 'Testing'"):
            tyme.create(entry(service=Ref(None, "Testing")), key="k")
        with pytest.raises(RejectedError, match="name a project or a task"):
            tyme.create(entry(project=None, service=None), key="k")
        tyme.create(entry(project=None, service=Ref("t-4", "Design")), key="k")  # a task implies its project
        assert posted_bodies(fake)[-1]["related_id"] == "t-4"
        with pytest.raises(RejectedError, match="no duration"):
            tyme.create(entry(duration=None), key="k")


def test_an_unknown_task_is_tymes_validation_error() -> None:
    with fake_provider() as (tyme, _), pytest.raises(RejectedError, match=r"HTTP 400\): invalid related_id"):
        tyme.create(entry(project=None, service=Ref("t-404", "Gone")), key="k")


# --- timer --------------------------------------------------------------------------------------------


def test_timer_start_current_stop() -> None:
    clock = Clock(datetime(2026, 7, 1, 8, 0, tzinfo=timezone.utc))
    with fake_provider(clock=clock) as (tyme, fake):
        assert tyme.timer_current() is None and tyme.timer_stop() is None
        started = tyme.timer_start(entry("overleg", duration=None))
        body = posted_bodies(fake)[-1]
        assert "time_end" not in body and body["time_start"] == "2026-07-01 08:00:00"
        clock.now += 1200
        running = tyme.timer_current()
        assert running is not None and running.remote_id == started.remote_id
        assert (running.duration, running.start, running.key) == (1200, time(10, 0), None)
        assert running.extra["running"] is True
        stopped = tyme.timer_stop()
        assert stopped == started
        assert posted_bodies(fake)[-1]["time_end"] == "2026-07-01 08:20:00"
        assert tyme.timer_current() is None
        assert [(r.duration, r.end) for r in tyme.list_day(date(2026, 7, 1))] == [(1200, time(10, 20))]


# --- OAuth --------------------------------------------------------------------------------------------


def test_login_with_pkce_and_a_client_secret() -> None:
    fake = TymeFake()
    fake.oauth.register_app("secret-app", "http://127.0.0.1/cb", secret="app-secret-123")
    login = start_login(client_id="secret-app", redirect_uri="http://127.0.0.1/cb", base_url=fake.BASE_URL)
    assert login.url.startswith("https://tyme.test/v1/authorize?")
    redirected = fake.authorize(login.url)
    # the document lists client_id and client_secret for the exchange: without the secret, nothing is sent
    with pytest.raises(AuthError, match="client_secret is missing.*NLENTRY_TYME_CLIENT_SECRET"):
        finish_login(login, redirected, client_id="secret-app", base_url=fake.BASE_URL,
                     transport=fake.transport())
    assert fake.requests == []
    token = finish_login(login, redirected, client_id="secret-app", client_secret="app-secret-123",
                         base_url=fake.BASE_URL, transport=fake.transport())
    exchange = dict(urllib.parse.parse_qsl(fake.requests[-1].content.decode()))
    assert fake.requests[-1].url.path == "/v1/access_token"
    assert exchange["client_secret"] == "app-secret-123" and exchange["code_verifier"] == login.verifier
    assert fake.oauth.valid(token.access_token)


def test_refresh_at_v1_refresh_token_rotates_both_tokens() -> None:
    clock, saved = Clock(datetime(2026, 7, 1, tzinfo=timezone.utc)), list[OAuthToken]()
    fake = TymeFake(clock=clock)
    fake.load_catalog(CATALOG)
    settings = token_settings(fake)
    old = settings["oauth_token"]
    with fake_provider(fake, clock=clock, save_token=saved.append, **settings) as (tyme, _):
        clock.now += 3600
        tyme.list_day(date(2026, 7, 1))
    refresh = fake.requests[0]
    assert refresh.url.path == "/v1/refresh_token"
    assert dict(urllib.parse.parse_qsl(refresh.content.decode())) == {
        "grant_type": "refresh_token", "refresh_token": old["refresh_token"], "client_id": fake.CLIENT_ID,
        "client_secret": fake.CLIENT_SECRET}  # both, as the document lists them
    assert saved[0].refresh_token != old["refresh_token"] and saved[0].access_token != old["access_token"]
    assert not fake.oauth.valid(old["access_token"])


def test_refused_access() -> None:
    fake = TymeFake()
    fake.load_catalog(CATALOG)
    fake.team_admin = False
    with fake_provider(fake) as (tyme, _), pytest.raises(AuthError, match=r"HTTP 403\): not_allowed"):
        tyme.fetch_catalog()


def test_429_with_retry_after() -> None:
    with fake_provider(max_wait=1) as (tyme, fake):
        fake.rate_limit_after = 1
        tyme.list_day(date(2026, 7, 1))
        with pytest.raises(TransientError) as caught:
            tyme.list_day(date(2026, 7, 1))
        assert caught.value.retry_after is not None and 55 < caught.value.retry_after <= 60


def test_secrets_never_in_messages() -> None:
    with fake_provider() as (tyme, fake):
        token = tyme.auth.token
        fake.fail_next(status=400, body={"error": f"bad token {token.access_token}"})
        with pytest.raises(RejectedError) as caught:
            tyme.create(entry(), key="k")
    assert token.access_token not in str(caught.value) and "***" in str(caught.value)


def test_from_settings(tmp_path: Any) -> None:
    fake = TymeFake()
    fake.load_catalog(CATALOG)
    answer = fake.issue_token()
    tyme = TymeProvider.from_settings(
        {"client_id": fake.CLIENT_ID, "client_secret": fake.CLIENT_SECRET,
         "access_token": answer["access_token"], "refresh_token": answer["refresh_token"],
         "timezone": "Europe/Amsterdam", "day_start": "08:30",
         "base_url": fake.BASE_URL, "data_dir": str(tmp_path)},
        transport=fake.transport())
    tyme.create(entry(start=None), key="k")
    tyme.close()
    assert fake.records()[0]["time_start"] == "2026-07-01 06:30:00"
    assert isinstance(tyme.tz, ZoneInfo) and tyme.day_start == time(8, 30)
    client = httpx.Client(transport=fake.transport(), base_url=fake.BASE_URL)
    assert client.get("/data/times").status_code == 401  # no token, no data
    with pytest.raises(AuthError, match="not signed in"):
        TymeProvider.from_settings({"client_id": fake.CLIENT_ID, "data_dir": str(tmp_path / "empty")})
    with pytest.raises(AuthError, match="client_secret is missing"):  # it could never be refreshed
        TymeProvider.from_settings({"client_id": fake.CLIENT_ID, "refresh_token": answer["refresh_token"],
                                    "data_dir": str(tmp_path / "empty")})


def test_the_documented_paths_exactly() -> None:
    """The spec's paths have no trailing slash; the fake answers them only, so a drift is caught."""
    with fake_provider() as (tyme, fake):
        posted = tyme.create(entry(), key="k")
        tyme.list_day(date(2026, 7, 1))
        tyme.timer_start(entry())
        tyme.timer_stop()
        tyme.delete(posted.remote_id)
    assert {r.url.path for r in fake.requests} == {
        "/data/search_entity", "/data/members", "/data/update_entity", "/data/times", "/data/entity"}
    client = httpx.Client(transport=fake.transport(), base_url=fake.BASE_URL,
                          headers={"Authorization": f"Bearer {tyme.auth.token.access_token}"})
    assert client.get("/data/search_entity/", params={"type": "Project"}).status_code == 404
    assert client.get("/data/search_entity", params={"type": "Project"}).status_code == 200

