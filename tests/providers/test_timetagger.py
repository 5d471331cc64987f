"""The TimeTagger provider against the REAL server (`pip install timetagger`, run on 127.0.0.1).

One server per module (start-up takes a few seconds); every test gets a fresh, empty user of it
(`TimeTaggerServer.new_user`), so tests do not see each other's records. The server is stopped when
the module is done. The mapping and the HTTP error translation are also tested without a server,
through `httpx.MockTransport`. Only the server tests skip, and only when `timetagger` is not installed.
"""

from __future__ import annotations

import socket
import threading
import time as _time
from collections.abc import Iterator
from datetime import date, datetime, time, timezone
from pathlib import Path
from typing import Any

import httpx
import pytest

from nlentry import config
from nlentry.booking.outbox import Outbox
from nlentry.booking.store import Store
from nlentry.cli import ExitStatus, main
from nlentry.model import Catalog, Entry, Ref
from nlentry.providers.base import AuthError, Posted, ProviderError, RejectedError, TransientError
from nlentry.providers.timetagger import TimeTaggerProvider, mapping
from nlentry.providers.timetagger.client import TimeTaggerClient, parse_retry_after
from nlentry.providers.timetagger.testing import CONTRACT_CATALOG, TimeTaggerServer, timetagger_installed

DAY = date(2026, 11, 18)

needs_server = pytest.mark.skipif(not timetagger_installed(),
                                  reason="the timetagger package is not installed (pip install -e '.[test]')")


def entry(**kw: Any) -> Entry:
    base: dict[str, Any] = {"text": "9-10:30 planning webshop", "locale": "en", "date": DAY,
                            "start": time(9), "end": time(10, 30), "duration": 5400,
                            "project": Ref("#webshop", "webshop"), "service": Ref("#meeting", "meeting"),
                            "description": "planning"}
    return Entry(**{**base, **kw})


# --- mapping (no server) -------------------------------------------------------------------------


def test_tags_are_made_like_the_web_client_makes_them() -> None:
    assert mapping.to_tag("Acme Portal") == "#acme-portal"
    assert mapping.to_tag("Crèche Planner!") == "#crèche-planner"
    assert mapping.to_tag("#Docs") == "#docs" and mapping.to_tag("x") == ""
    assert mapping.tag_for(Ref(47, "Timi")) == "#timi" and mapping.tag_for(Ref("#Already", "x")) == "#already"
    assert mapping.tags_in("Wrote docs #clientA #docs #clienta") == ["#clienta", "#docs"]


def test_description_carries_the_tags_and_fits_the_limit() -> None:
    assert mapping.ds_from(entry()) == "planning #webshop #meeting"
    e = entry(project=None, client=Ref(1, "Acme"), service=None, tags=("urgent", "#x1"), description="a  b")
    assert mapping.ds_from(e) == "a b #acme #urgent #x1"
    long = mapping.ds_from(entry(description="word " * 100))
    assert len(long) <= mapping.DS_LIMIT and long.endswith("… #webshop #meeting")
    assert mapping.ds_from(entry(description="hidden gems")) == "#webshop #meeting hidden gems"
    assert mapping.ds_from(entry(description="Hidden gems", project=None, service=None)) == "- Hidden gems"
    assert mapping.split_ds("HIDDEN planning #webshop #meeting") == ("planning", ["#webshop", "#meeting"])
    assert mapping.hidden_ds("HIDDEN HIDDEN x #a") == "HIDDEN x #a"


def test_times_in_the_users_zone() -> None:
    from zoneinfo import ZoneInfo

    ams = ZoneInfo("Europe/Amsterdam")
    t1, t2 = mapping.times_of(entry(), zone=ams)
    assert datetime.fromtimestamp(t1, ams) == datetime(2026, 11, 18, 9, 0, tzinfo=ams) and t2 - t1 == 5400
    t1, t2 = mapping.times_of(entry(start=None, end=None, duration=3600), zone=ams, day_start=time(8, 30))
    assert datetime.fromtimestamp(t1, ams).time() == time(8, 30) and t2 - t1 == 3600
    t1, t2 = mapping.times_of(entry(start=None, end=time(17), duration=1800), zone=ams)
    assert datetime.fromtimestamp(t1, ams).time() == time(16, 30)
    t1, t2 = mapping.times_of(entry(start=time(22), end=time(1), duration=None), zone=ams)
    assert t2 - t1 == 3 * 3600
    with pytest.raises(RejectedError, match="no duration"):
        mapping.times_of(entry(start=None, end=None, duration=None), zone=ams)


def test_catalog_from_settings_and_record_tags() -> None:
    settings = {"tag_presets": ["#clienta #docs", "#clientb"], "taginfo #design": {"color": "#f00"},
                "nlentry_services": ["#docs", "#meeting"],
                "nlentry_aliases": {"acme": "#clienta", "Klant B": "clientb"}}
    catalog = mapping.catalog_from(settings, ["#web-shop"], ["#review"])
    assert [(p.id, p.name, p.aliases) for p in catalog.projects] == [
        ("#clienta", "clienta", ("acme",)), ("#clientb", "clientb", ("Klant B",)), ("#design", "design", ()),
        ("#web-shop", "web-shop", ("web shop",))]
    assert [s.id for s in catalog.services] == ["#docs", "#review", "#meeting"]
    assert catalog.clients == () and catalog.people == ()


# --- HTTP errors (MockTransport, no server) ------------------------------------------------------


def mock_provider(handler: Any) -> TimeTaggerProvider:
    return TimeTaggerProvider.from_settings({"base_url": "http://tt.test/timetagger/api/v2",
                                             "token": "tok-123456"},
                                            transport=httpx.MockTransport(handler))


@pytest.mark.parametrize(("status", "headers", "error", "retry_after"), [
    (401, {}, AuthError, None),
    (403, {}, AuthError, None),
    (429, {"retry-after": "17"}, TransientError, 17.0),
    (503, {}, TransientError, None),
    (500, {}, TransientError, None),
    (400, {}, RejectedError, None),
    (404, {}, RejectedError, None),
])
def test_http_errors_map_to_provider_errors(status: int, headers: dict[str, str], error: type[Exception],
                                            retry_after: float | None) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(status, headers={"content-type": "text/plain", **headers},
                              text="bad request: nope")

    provider = mock_provider(handler)
    with pytest.raises(error) as exc:
        provider.create(entry(), key="k1")
    assert f"answered {status}" in str(exc.value) or "refused the credentials" in str(exc.value)
    if isinstance(exc.value, TransientError):
        assert exc.value.retry_after == retry_after
    assert seen[0].headers["authtoken"] == "tok-123456" and seen[0].url.path.endswith("/api/v2/records")


def test_a_record_the_server_refuses_is_rejected_with_its_message() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"accepted": [], "failed": ["k1"],
                                         "errors": ["String values must be less than 256 chars."]})

    with pytest.raises(RejectedError, match="less than 256 chars"):
        mock_provider(handler).create(entry(), key="k1")


def test_retry_after_as_seconds_or_http_date() -> None:
    assert parse_retry_after("120") == 120.0 and parse_retry_after(None) is None
    now = datetime(2026, 11, 18, 14, 0, tzinfo=timezone.utc).timestamp()
    assert parse_retry_after("Wed, 18 Nov 2026 14:00:30 GMT", now=now) == 30.0
    assert parse_retry_after("soon") is None


def test_a_slow_server_times_out_as_a_transient_error() -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    accepted: list[socket.socket] = []

    def accept() -> None:  # accept, read, never answer
        conn, _ = listener.accept()
        accepted.append(conn)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    client = TimeTaggerClient(f"http://127.0.0.1:{listener.getsockname()[1]}/api/v2", "tok-slow", timeout=0.3)
    started = _time.monotonic()
    try:
        with pytest.raises(TransientError, match="did not answer in time"):
            client.get("version")
    finally:
        client.close()
        for conn in accepted:
            conn.close()
        listener.close()
    assert _time.monotonic() - started < 5


# --- the real server -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TimeTaggerServer]:
    if not timetagger_installed():
        pytest.skip("the timetagger package is not installed (pip install -e '.[test]')")
    srv = TimeTaggerServer(tmp_path_factory.mktemp("timetagger"), users=20)
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()
    assert not srv.running


@pytest.fixture
def tt(server: TimeTaggerServer) -> Iterator[TimeTaggerProvider]:
    _, token = server.new_user()
    provider = TimeTaggerProvider.from_settings({"base_url": server.api_url, "token": token})
    yield provider
    provider.close()


def raw_records(provider: TimeTaggerProvider, **flags: str) -> list[dict[str, Any]]:
    return provider._records(0, 32503680000, **flags)


@needs_server
def test_post_read_back_update_delete(tt: TimeTaggerProvider) -> None:
    assert tt.create(entry(), key="nl-1") == Posted("timetagger", "nl-1")
    tt.create(entry(start=None, end=None, duration=1800, service=None, description="mail"), key="nl-2")
    listed = tt.list_day(DAY)
    # by start time, then key; a duration-only entry starts at day_start (09:00)
    assert [(e.remote_id, e.start, e.end, e.duration, e.project_id, e.service_id, e.description)
            for e in listed] == [
        ("nl-1", time(9), time(10, 30), 5400, "#webshop", None, "planning"),
        ("nl-2", time(9), time(9, 30), 1800, "#webshop", None, "mail"),
    ], "without a published catalog every tag reads back as a project"
    assert listed[0].extra["tags"] == ["#webshop", "#meeting"]
    # a retried create with the same key is an upsert, not a second record
    tt.create(entry(description="planning, retried"), key="nl-1")
    assert sorted(r["key"] for r in raw_records(tt)) == ["nl-1", "nl-2"]

    tt.update("nl-1", entry(end=time(11), duration=7200, description="planning, longer"))
    one = next(e for e in tt.list_day(DAY) if e.remote_id == "nl-1")
    assert (one.end, one.duration, one.description) == (time(11), 7200, "planning, longer")

    tt.delete("nl-1")
    assert [e.remote_id for e in tt.list_day(DAY)] == ["nl-2"]
    hidden = raw_records(tt, hidden="1")
    assert [r["key"] for r in hidden] == ["nl-1"] and hidden[0]["ds"].startswith("HIDDEN planning, longer")
    tt.delete("nl-1")  # deleting twice is harmless
    with pytest.raises(RejectedError, match="no record"):
        tt.update("missing", entry())
    with pytest.raises(RejectedError, match="no record"):
        tt.delete("missing")


@needs_server
def test_find_posted_by_key(tt: TimeTaggerProvider) -> None:
    assert tt.find_posted(entry(), "nl-x") is None
    tt.create(entry(), key="nl-x")
    assert tt.find_posted(entry(), "nl-x") == Posted("timetagger", "nl-x")


@needs_server
def test_timer(tt: TimeTaggerProvider) -> None:
    assert tt.timer_current() is None and tt.timer_stop() is None
    started = tt.timer_start(entry(description="coding"))
    current = tt.timer_current()
    assert current is not None and current.remote_id == started.remote_id and current.end is None
    assert current.extra["running"] is True and current.project_id == "#webshop"
    second = tt.timer_start(entry(description="call"))  # stops the first
    running = [r for r in raw_records(tt) if r["t1"] == r["t2"]]
    assert [r["key"] for r in running] == [second.remote_id]
    assert tt.timer_stop() == second and tt.timer_current() is None


@needs_server
def test_catalog_published_and_fetched(tt: TimeTaggerProvider) -> None:
    assert tt.fetch_catalog() == Catalog()
    tt.import_catalog(CONTRACT_CATALOG)
    tt.create(entry(project=Ref(47, "Timi App"), service=None), key="nl-c")
    catalog = tt.fetch_catalog()
    assert [p.id for p in catalog.projects] == ["#webshop", "#intranet", "#acme-portal", "#timi-app"]
    assert [s.id for s in catalog.services] == ["#development", "#meeting"]
    assert catalog.projects[2].aliases == ("acme portal", "portal")
    # the service tags are known now, so a record reads back with its service
    assert tt.list_day(DAY)[0].project_id == "#timi-app"


@needs_server
def test_server_side_validation_and_bad_tokens(tt: TimeTaggerProvider, server: TimeTaggerServer) -> None:
    with pytest.raises(RejectedError, match="timetagger refused the record"):
        tt.create(entry(), key="k" * 300)
    bad = TimeTaggerProvider.from_settings({"base_url": server.api_url, "token": "not-a-jwt-token"})
    try:
        with pytest.raises(AuthError, match="401"):
            bad.list_day(DAY)
    finally:
        bad.close()


@needs_server
def test_outbox_to_the_real_server_survives_an_outage(tt: TimeTaggerProvider, tmp_path: Path) -> None:
    down = TimeTaggerProvider.from_settings({"base_url": "http://127.0.0.1:9/timetagger/api/v2",
                                             "token": "whatever-token", "timeout": 2})
    providers: dict[str, Any] = {"timetagger": down}
    with Store(tmp_path / "n.db") as store:
        outbox = Outbox(store, providers)
        keys = [outbox.submit(entry(description=f"item {n}", start=time(8 + n)), "timetagger")
                for n in range(3)]
        assert {outbox.item(k).state for k in keys} == {"pending"}  # type: ignore[union-attr]
        providers["timetagger"] = tt       # the server is back
        report = outbox.flush(force=True)
        assert sorted(report.posted) == sorted(keys)
        again = outbox.flush(force=True)
        assert again.posted == [] and again.found == []
    assert sorted(r["key"] for r in raw_records(tt)) == sorted(keys)
    down.close()


def _cli_import(server: TimeTaggerServer, tmp_path: Path, catalog: str) -> tuple[dict[str, str], str]:
    """A new user of the real server configured for the CLI, with `catalog` (JSON) imported: (env, token)."""
    _, token = server.new_user()
    env = {"NLENTRY_HOME": str(tmp_path / "home")}
    config.set_provider_settings("timetagger", {"base_url": server.api_url, "token": token}, env)
    catalog_file = tmp_path / "catalog.json"
    catalog_file.write_text(catalog)
    assert main(["catalog", "import", str(catalog_file), "--provider", "timetagger"], env=env) == 0
    return env, token


@needs_server
def test_cli_sync_and_log_against_the_real_server(server: TimeTaggerServer, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    env, token = _cli_import(server, tmp_path, '{"projects": [{"id": 1, "name": "Webshop"}], '
                                               '"services": [{"id": 2, "name": "Meeting"}]}')
    assert main(["sync", "--provider", "timetagger"], env=env) == 0
    assert main(["add", "--yes", "gisteren", "2", "uur", "meeting", "aan", "webshop", "--provider",
                 "timetagger", "--now", "2026-11-18T14:30:00+01:00"], env=env) == ExitStatus.OK
    out, err = capsys.readouterr()
    assert "synced timetagger: 1 projects, 1 services" in out and "di 17-11-2026 (gisteren) · 2:00" in out
    assert "project webshop" in out and "opgeslagen in timetagger" in out
    assert token not in out + err
    check = TimeTaggerProvider.from_settings({"base_url": server.api_url, "token": token})
    try:
        (posted,) = check.list_day(date(2026, 11, 17))
    finally:
        check.close()
    assert (posted.duration, posted.project_id, posted.service_id) == (7200, "#webshop", "#meeting")


@needs_server
def test_catalog_import_reports_what_the_server_kept(server: TimeTaggerServer, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    _cli_import(server, tmp_path, '{"projects": [{"id": 1, "name": "Webshop"}], "services": [{"id": 2, '
                                  '"name": "Meeting"}], "people": [{"id": 3, "name": "Rowan"}]}')
    out = capsys.readouterr().out
    assert "0 people into timetagger" in out, "TimeTagger keeps no people: none are reported as imported"
    assert "1 projects, 1 services" in out


def test_missing_settings_are_clear() -> None:
    with pytest.raises(AuthError, match="no API token"):
        TimeTaggerProvider.from_settings({"base_url": "http://127.0.0.1:9"})
    with pytest.raises(ProviderError, match="day_start"):
        TimeTaggerProvider.from_settings({"base_url": "http://127.0.0.1:9", "token": "t",
                                          "day_start": "9 uur"})
