"""Timeneye: spec/providers.md section 2 against the emulator: PKCE login, refresh, minutes, phases,
Laravel pages and the rate limit."""

from __future__ import annotations

import json
import os
import stat
import threading
import urllib.parse
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from nlentry.model import Entry, Ref
from nlentry.providers._http.oauth import OAuthToken, pkce_challenge
from nlentry.providers.base import AuthError, ProviderError, RejectedError, TransientError, Unsupported
from nlentry.providers.timeneye import PROVIDER, TimeneyeProvider
from nlentry.providers.timeneye.auth import finish_login, start_login
from nlentry.providers.timeneye.fake import TimeneyeFake
from nlentry.providers.timeneye.testing import CATALOG, fake_provider

DAY = date(2026, 3, 27)
WEBSHOP, INTRANET = Ref(12, "Webshop"), Ref(13, "Intranet")
DEVELOPMENT = Ref(4001, "Development")  # Webshop's Development phase in the seeded fake
APP, REDIRECT = "nlentry-app", "http://127.0.0.1:8765/callback"


class Clock:
    """Unix seconds that only move when told to."""

    def __init__(self, now: float = 1_790_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def entry(text: str = "1,5 uur aan webshop", *, duration: int | None = 5400, project: Ref | None = WEBSHOP,
          service: Ref | None = DEVELOPMENT) -> Entry:
    return Entry(text=text, locale="nl", date=DAY, duration=duration, project=project, service=service)


def seeded(clock: Clock | None = None, **options: Any) -> TimeneyeFake:
    fake = TimeneyeFake(clock=clock or Clock(), **options)
    fake.load_catalog(CATALOG)
    return fake


def oauth(fake: TimeneyeFake, clock: Clock, *, expires_in: float | None = None) -> dict[str, Any]:
    """Provider options for a fresh OAuth token from `fake`."""
    answer = fake.issue_token(APP)
    token = OAuthToken(answer["access_token"], answer["refresh_token"],
                       clock() + (answer["expires_in"] if expires_in is None else expires_in))
    return {"oauth_token": token, "client_id": APP, "clock": clock}


def test_the_package_exports_the_provider() -> None:
    assert PROVIDER is TimeneyeProvider and PROVIDER.name == "timeneye"


# --- PKCE and the login -----------------------------------------------------------------------------


def test_pkce_s256_challenge_matches_rfc_7636() -> None:
    # RFC 7636, appendix B
    assert pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk") == \
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"


def test_start_login_builds_the_authorize_url() -> None:
    login = start_login(client_id=APP, redirect_uri=REDIRECT)
    url = urllib.parse.urlsplit(login.url)
    query = dict(urllib.parse.parse_qsl(url.query))
    assert f"{url.scheme}://{url.netloc}{url.path}" == "https://api.timeneye.com/oauth/authorize"
    assert query == {"response_type": "code", "client_id": APP, "redirect_uri": REDIRECT,
                     "state": login.state, "code_challenge": pkce_challenge(login.verifier),
                     "code_challenge_method": "S256"}
    assert 43 <= len(login.verifier) <= 128 and set(login.verifier) <= set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    assert login.verifier not in repr(login)
    assert start_login(client_id=APP, redirect_uri=REDIRECT).verifier != login.verifier


def test_the_whole_login_then_api_calls() -> None:
    clock = Clock()
    fake = seeded(clock)
    fake.register_app(APP, REDIRECT)
    login = start_login(client_id=APP, redirect_uri=REDIRECT, base_url=fake.BASE_URL)
    redirected = fake.authorize(login.url)
    token = finish_login(login, redirected, client_id=APP, base_url=fake.BASE_URL,
                         transport=fake.transport(), clock=clock)
    exchange = fake.requests[-1]
    assert exchange.url.path == "/oauth/token"
    fields = dict(urllib.parse.parse_qsl(exchange.content.decode()))
    assert fields["grant_type"] == "authorization_code" and fields["code_verifier"] == login.verifier
    assert token.expires_at == clock() + 86400 and token.refresh_token
    with fake_provider(fake, oauth_token=token, client_id=APP, clock=clock) as (timeneye, _):
        assert [p.name for p in timeneye.fetch_catalog().projects] == ["Webshop", "Intranet"]
    with pytest.raises(AuthError, match="code was refused"):  # a code works once
        finish_login(login, redirected, client_id=APP, base_url=fake.BASE_URL, transport=fake.transport())


def test_a_wrong_verifier_or_state_is_refused() -> None:
    fake = seeded()
    fake.register_app(APP, REDIRECT)
    login = start_login(client_id=APP, redirect_uri=REDIRECT, base_url=fake.BASE_URL)
    redirected = fake.authorize(login.url)
    other = start_login(client_id=APP, redirect_uri=REDIRECT, base_url=fake.BASE_URL)
    with pytest.raises(AuthError, match="state mismatch"):
        finish_login(other, redirected, client_id=APP, base_url=fake.BASE_URL, transport=fake.transport())
    forged = type(login)(login.url, login.state, other.verifier, login.redirect_uri)
    with pytest.raises(AuthError, match="code verifier") as caught:
        finish_login(forged, redirected, client_id=APP, base_url=fake.BASE_URL, transport=fake.transport())
    assert other.verifier not in str(caught.value)


# --- refresh ------------------------------------------------------------------------------------------


def test_an_expired_token_is_refreshed_before_the_request() -> None:
    clock, saved = Clock(), list[OAuthToken]()
    fake = seeded(clock)
    options = oauth(fake, clock)
    old = options["oauth_token"]
    with fake_provider(fake, save_token=saved.append, **options) as (timeneye, _):
        clock.now += 86400  # a day later the access token is gone
        timeneye.list_day(DAY)
    assert [r.url.path for r in fake.requests] == ["/oauth/token", "/api/v1/entries"]
    assert len(saved) == 1 and saved[0].access_token != old.access_token
    assert saved[0].refresh_token != old.refresh_token  # rotated
    assert fake.requests[-1].headers["Authorization"] == f"Bearer {saved[0].access_token}"


def test_a_401_refreshes_and_retries_once() -> None:
    clock, saved = Clock(), list[OAuthToken]()
    fake = seeded(clock)
    with fake_provider(fake, save_token=saved.append, **oauth(fake, clock)) as (timeneye, _):
        fake.expire_access_tokens()  # revoked on the server; the client thinks it still valid
        assert timeneye.list_day(DAY) == []
        assert [r.url.path for r in fake.requests] == ["/api/v1/entries", "/oauth/token", "/api/v1/entries"]
        assert len(saved) == 1
        timeneye.list_day(DAY)  # the new token stays in use
        assert len(saved) == 1


def test_concurrent_requests_refresh_once() -> None:
    clock, saved = Clock(), list[OAuthToken]()
    fake = seeded(clock)
    errors: list[Exception] = []
    with fake_provider(fake, save_token=saved.append, **oauth(fake, clock)) as (timeneye, _):
        fake.expire_access_tokens()

        def work() -> None:
            try:
                timeneye.list_day(DAY)
            except Exception as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=work) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert errors == [] and len(saved) == 1
    assert sum(r.url.path == "/oauth/token" for r in fake.requests) == 1


def test_a_network_error_during_refresh_is_transient_and_releases_the_refresh() -> None:
    clock, saved = Clock(), list[OAuthToken]()
    fake = seeded(clock)
    outcome: list[object] = []
    with fake_provider(fake, save_token=saved.append, **oauth(fake, clock)) as (timeneye, _):
        clock.now += 86400
        fake.fail_next(exc=httpx.ConnectError)  # the refresh request itself fails
        with pytest.raises(TransientError):
            timeneye.list_day(DAY)
        # the refresh lock must be free again (a stuck lock would hang this thread)
        worker = threading.Thread(target=lambda: outcome.append(timeneye.list_day(DAY)), daemon=True)
        worker.start()
        worker.join(5)
        assert not worker.is_alive() and outcome == [[]] and len(saved) == 1


def test_a_refused_refresh_asks_to_sign_in_again_without_secrets() -> None:
    clock = Clock()
    fake = seeded(clock)
    options = oauth(fake, clock)
    fake.oauth.refresh.clear()  # the refresh token was revoked
    with fake_provider(fake, **options) as (timeneye, _):
        fake.expire_access_tokens()
        with pytest.raises(AuthError, match="sign in again") as caught:
            timeneye.list_day(DAY)
    token = options["oauth_token"]
    assert token.access_token not in str(caught.value) and token.refresh_token not in str(caught.value)


def test_a_personal_token_is_never_refreshed() -> None:
    fake = seeded()
    with fake_provider(fake, token="tn-pat-revoked-123") as (timeneye, _), \
            pytest.raises(AuthError, match="HTTP 401") as caught:
        timeneye.fetch_catalog()
    assert [r.url.path for r in fake.requests] == ["/api/v1/projects"]
    assert "tn-pat-revoked-123" not in str(caught.value) and "tn-pat-revoked-123" not in repr(timeneye.auth)


def test_from_settings_keeps_refreshed_tokens_in_a_private_file(tmp_path: Path) -> None:
    clock = Clock()
    fake = seeded(clock)
    answer = fake.issue_token(APP)
    settings = {"client_id": APP, "refresh_token": answer["refresh_token"], "base_url": fake.BASE_URL,
                "data_dir": str(tmp_path)}
    timeneye = TimeneyeProvider.from_settings(settings, transport=fake.transport())
    timeneye.list_day(DAY)  # a refresh token alone: refreshed at once, then kept
    timeneye.close()
    kept = tmp_path / "timeneye-oauth.json"
    assert stat.S_IMODE(os.stat(kept).st_mode) == 0o600
    stored = json.loads(kept.read_text())
    assert fake.oauth.valid(stored["access_token"])
    # next run: the file wins over the (now used up) refresh token in the settings
    again = TimeneyeProvider.from_settings(settings, transport=fake.transport())
    assert again.list_day(DAY) == []
    again.close()
    assert sum(r.url.path == "/oauth/token" for r in fake.requests) == 1


def test_from_settings_without_credentials_is_an_auth_error(tmp_path: Path) -> None:
    with pytest.raises(AuthError, match="no token configured"):
        TimeneyeProvider.from_settings({"client_id": APP, "data_dir": str(tmp_path)})


# --- wire format ----------------------------------------------------------------------------------------


def test_create_sends_minutes_and_iso_dates() -> None:
    with fake_provider() as (timeneye, fake):
        posted = timeneye.create(entry(), key="k")
        request = fake.requests[-1]
    assert (request.method, request.url.path) == ("POST", "/api/v1/entries")
    assert request.headers["Authorization"] == f"Bearer {fake.personal_token}"
    assert request.headers["Content-Type"] == "application/json"
    assert json.loads(request.content) == {
        "project_id": 12, "phase_id": 4001, "minutes": 90, "entry_minutes": 90,
        "date": "2026-03-27", "entry_date": "2026-03-27", "notes": "1,5 uur aan webshop"}
    stored = fake.entries[int(posted.remote_id)]
    assert (stored["entry_minutes"], stored["entry_date"], stored["phase_id"]) == (90, "2026-03-27", 4001)


@pytest.mark.parametrize(("seconds", "minutes"), [(5400, 90), (5430, 91), (5429, 90), (20, 1), (100, 2)])
def test_seconds_become_whole_minutes(seconds: int, minutes: int) -> None:
    with fake_provider() as (timeneye, fake):
        timeneye.create(entry(duration=seconds), key="k")
        assert json.loads(fake.requests[-1].content)["minutes"] == minutes


@pytest.mark.parametrize("names", [("minutes", "date"), ("entry_minutes", "entry_date")])
def test_either_spelling_of_the_fields_is_understood(names: tuple[str, str]) -> None:
    fake = seeded()
    fake.strict_names = names
    with fake_provider(fake) as (timeneye, _):
        posted = timeneye.create(entry(), key="k")
        assert [r.duration for r in timeneye.list_day(DAY)] == [5400]
        assert timeneye.find_posted(entry(), "k") == posted


def test_update_and_delete() -> None:
    with fake_provider() as (timeneye, fake):
        posted = timeneye.create(entry(), key="k")
        timeneye.update(posted.remote_id, entry(duration=3600, project=INTRANET))
        request = fake.requests[-1]
        assert (request.method, request.url.path) == ("PATCH", f"/api/v1/entries/{posted.remote_id}")
        stored = fake.entries[int(posted.remote_id)]
        assert (stored["entry_minutes"], stored["project_id"], stored["phase_id"]) == (60, 13, 4003)
        timeneye.delete(posted.remote_id)
        timeneye.delete(posted.remote_id)  # gone already: fine
        assert fake.entries == {}


# --- phases ----------------------------------------------------------------------------------------------


def test_phases_are_the_services_one_per_name() -> None:
    with fake_provider() as (timeneye, fake):
        catalog = timeneye.fetch_catalog()
        assert fake.requests[0].url.params.get_list("load[]") == ["phases"]
    assert [(s.id, s.name) for s in catalog.services] == [(4001, "Development"), (4002, "Design")]
    assert [(p.id, p.client_id, p.aliases) for p in catalog.projects] == [(12, 1, ()), (13, 1, ())]
    assert [(c.id, c.name) for c in catalog.clients] == [(1, "Acme")] and catalog.people == ()


def test_a_service_is_booked_on_the_phase_of_that_name_in_the_project() -> None:
    with fake_provider() as (timeneye, fake):
        timeneye.create(entry(project=INTRANET, service=Ref(4001, "Development")), key="k")
        assert json.loads(fake.requests[-1].content)["phase_id"] == 4003
        with pytest.raises(RejectedError, match="no phase 'Testing'"):
            timeneye.create(entry(service=Ref(None, "Testing")), key="k")


def test_without_a_service_a_single_open_phase_is_used_else_timeneye_decides() -> None:
    fake = TimeneyeFake()
    fake.load_catalog({"projects": [{"id": 1, "name": "Solo"}, {"id": 2, "name": "Duo"}],
                       "services": [{"id": 0, "name": "Work"}]})
    fake.projects[1]["phases"].append({"phase_id": 9, "project_id": 2, "name": "Other", "is_open": 1})
    with fake_provider(fake) as (timeneye, _):
        timeneye.create(entry(project=Ref(1, "Solo"), service=None), key="a")
        assert json.loads(fake.requests[-1].content)["phase_id"] == fake.projects[0]["phases"][0]["phase_id"]
        with pytest.raises(RejectedError, match="phase id field is required"):
            timeneye.create(entry(project=Ref(2, "Duo"), service=None), key="b")


def test_validation_errors_carry_laravels_messages_once() -> None:
    with fake_provider() as (timeneye, _), pytest.raises(RejectedError) as caught:
        timeneye.create(entry(project=Ref(999, "Gone"), service=None), key="k")
    assert str(caught.value) == ("timeneye: POST /entries rejected (HTTP 422): "
                                 "project_id: The selected project id is invalid.")


# --- pages -----------------------------------------------------------------------------------------------


def test_list_day_reads_every_page() -> None:
    fake = seeded()
    for n in range(120):
        fake.entries[n + 1] = {"entry_id": n + 1, "user_id": 42 + (n % 2), "project_id": 12, "phase_id": 4001,
                               "entry_date": "2026-03-27", "entry_minutes": 30, "notes": f"#{n}"}
    fake.entries[500] = {"entry_id": 500, "user_id": 42, "project_id": 12, "phase_id": 4001,
                         "entry_date": "2026-03-28", "entry_minutes": 30, "notes": "next day"}
    with fake_provider(fake) as (timeneye, _):
        assert len(timeneye.list_day(DAY)) == 120
        assert [r.url.params["page"] for r in fake.requests] == ["1", "2"]
        assert {r.url.params["per_page"] for r in fake.requests} == {"100"}
    with fake_provider(fake, user_id=42) as (mine, _):
        listed = mine.list_day(DAY)
    assert len(listed) == 60 and fake.requests[-1].url.params.get_list("member_ids[]") == ["42"]


# --- rate limit -----------------------------------------------------------------------------------------


def test_the_client_side_budget_follows_the_plan() -> None:
    with fake_provider() as (free, _):
        assert (free.limiter.limit, free.limiter.period) == (500, 300)
    with fake_provider(plan="business") as (business, _):
        assert business.limiter.limit == 2000
    with pytest.raises(ProviderError, match="unknown plan"):
        TimeneyeProvider(token="x" * 10, plan="gold")


def test_rate_headers_come_with_every_answer() -> None:
    with fake_provider() as (timeneye, fake):
        timeneye.list_day(DAY)
        client = httpx.Client(transport=fake.transport(), base_url=fake.BASE_URL)
        answer = client.get("entries", headers={"Authorization": f"Bearer {fake.personal_token}"})
    assert answer.status_code == 200
    assert answer.headers["X-RateLimit-Limit"] == "500" and answer.headers["X-RateLimit-Remaining"] == "498"


def test_429_honours_retry_after_and_pauses_the_client() -> None:
    clock = Clock()
    fake = seeded(clock)
    fake.rate_limit_after = 2
    other = httpx.Client(transport=fake.transport(), base_url=fake.BASE_URL,
                         headers={"Authorization": f"Bearer {fake.personal_token}"})
    with fake_provider(fake, clock=clock, max_wait=5) as (timeneye, _):
        other.get("entries")  # another app on the same token spends the budget
        clock.now += 123  # 177 s left in the 5-minute window
        other.get("entries")
        with pytest.raises(TransientError, match="HTTP 429") as caught:
            timeneye.list_day(DAY)
        assert caught.value.retry_after == 177
        sent = len(fake.requests)
        with pytest.raises(TransientError, match="client-side rate limit"):
            timeneye.list_day(DAY)  # paused: not even sent
        assert len(fake.requests) == sent


def test_remaining_zero_holds_the_client_until_the_reset() -> None:
    clock = Clock()
    fake = seeded(clock)
    fake.rate_limit_after = 2
    with fake_provider(fake, clock=clock, max_wait=5) as (timeneye, _):
        timeneye.list_day(DAY)
        timeneye.list_day(DAY)  # answered with X-RateLimit-Remaining: 0
        with pytest.raises(TransientError, match="client-side rate limit") as caught:
            timeneye.list_day(DAY)
        assert len(fake.requests) == 2  # never sent, so never refused
        assert caught.value.retry_after is not None and 290 < caught.value.retry_after <= 300


def test_a_member_cannot_create_clients() -> None:
    fake = seeded(role="member")
    client = httpx.Client(transport=fake.transport(), base_url=fake.BASE_URL)
    headers = {"Authorization": f"Bearer {fake.personal_token}"}
    refused = client.post("clients", json={"name": "New"}, headers=headers)
    assert (refused.status_code, refused.json()) == (403, {"message": "This action is unauthorized."})
    with fake_provider(fake) as (timeneye, _):
        assert timeneye.fetch_catalog().clients  # reading clients is still allowed (ASSUMED)


def test_secrets_in_an_answer_never_reach_the_message() -> None:
    clock = Clock()
    fake = seeded(clock)
    options = oauth(fake, clock)
    token = options["oauth_token"]
    with fake_provider(fake, **options) as (timeneye, _):
        fake.fail_next(status=422, body={"message": f"token {token.access_token} / {token.refresh_token}"})
        with pytest.raises(RejectedError) as caught:
            timeneye.list_day(DAY)
    assert token.access_token not in str(caught.value) and token.refresh_token not in str(caught.value)
    assert token.access_token not in repr(timeneye.auth) and token.refresh_token not in repr(token)


def test_timers_are_unsupported() -> None:
    with fake_provider() as (timeneye, _):
        for call in (lambda: timeneye.timer_start(entry()), timeneye.timer_stop, timeneye.timer_current):
            with pytest.raises(Unsupported):
                call()
