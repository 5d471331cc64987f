"""The registry, the embedded `local` provider, catalog sync and aliases, and their commands.

Everything runs through the real code on a real SQLite file under a temporary NLENTRY_HOME; the
provider's own tests (entries, timer, catalog cache and aliases) run on both back ends of the booking
state, a SQLite file and a PostgreSQL database (`local`).
"""

from __future__ import annotations

import json
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import closing
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from booking_backends import BACKENDS, Backend, booking_backend

from nlentry import providers
from nlentry.booking.store import Store
from nlentry.booking.sync import Syncer, merge_aliases
from nlentry.cli import ExitStatus, main
from nlentry.model import Catalog, Entry, Ref
from nlentry.providers.base import Capability, Posted, Provider, ProviderError, RejectedError
from nlentry.providers.local import LocalProvider
from nlentry.providers.local.testing import CONTRACT_CATALOG, contract_provider

DAY = date(2026, 11, 18)
CATALOG = {
    "clients": [{"id": 1, "name": "Acme"}],
    "projects": [{"id": 52, "name": "Webshop", "client_id": 1, "aliases": ["webwinkel"]},
                 {"id": 55, "name": "Intranet"}],
    "services": [{"id": 1, "name": "Development", "aliases": ["coden"]}],
    "people": [{"id": 2, "name": "Rowan"}],
}


class Now:
    def __init__(self) -> None:
        self.t = datetime(2026, 11, 18, 9, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.t


@pytest.fixture
def now() -> Now:
    return Now()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    with booking_backend(request, tmp_path) as b:
        yield b


@pytest.fixture
def local(backend: Backend, now: Now) -> Iterator[LocalProvider]:
    provider = LocalProvider(backend.open(clock=lambda: now().timestamp()), now=now)
    provider.import_catalog(Catalog.from_dict(CATALOG))
    yield provider
    provider.close()


def entry(**kw: Any) -> Entry:
    base: dict[str, Any] = {"text": "2 uur aan Webshop", "locale": "nl", "date": DAY, "duration": 7200,
                            "project": Ref(52, "Webshop"), "description": "bugfix"}
    return Entry(**{**base, **kw})


# --- registry ------------------------------------------------------------------------------------


def test_builtins_are_found_by_scanning_the_package() -> None:
    found = providers.available()
    assert {"local", "timetagger"} <= set(found)
    assert found["local"] is LocalProvider
    assert set(providers.names()) >= set(found)


def test_get_builds_from_settings_and_unknown_names_are_clear(tmp_path: Path) -> None:
    p = providers.get("local", {"path": str(tmp_path / "x.db")})
    try:
        assert isinstance(p, LocalProvider) and isinstance(p, Provider)
    finally:
        p.close()
    with pytest.raises(ProviderError, match=r"unknown provider 'nope' \(available: .*local"):
        providers.get("nope", {})


def test_third_party_providers_plug_in_through_entry_points(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "nlentry_demo_plugin.py").write_text(textwrap.dedent("""
        from nlentry.providers.local import LocalProvider

        class DemoProvider(LocalProvider):
            name = "demo"
    """), encoding="utf-8")
    dist = tmp_path / "nlentry_demo_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: nlentry-demo-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(
        "[nlentry.providers.v1]\ndemo = nlentry_demo_plugin:DemoProvider\nbroken = nlentry_missing:Nope\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert "demo" in providers.available() and "broken" not in providers.available()
    p = providers.get("demo", {"path": ":memory:"})
    try:
        assert type(p).__name__ == "DemoProvider"
    finally:
        p.close()
    with pytest.raises(ProviderError, match="cannot be loaded"):
        providers.get("broken", {})


def test_importing_the_registry_and_base_is_cheap() -> None:
    code = ("import sys, nlentry.providers, nlentry.config, nlentry.cli.providers\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('httpx', 'sqlite3', 'lark')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          timeout=60)
    assert done.stdout.strip() == "[]"


# --- the local provider --------------------------------------------------------------------------


def test_local_supports_everything(local: LocalProvider) -> None:
    assert local.capabilities == frozenset(Capability)
    assert local.fetch_catalog() == Catalog.from_dict(CATALOG)


def test_create_list_update_delete(local: LocalProvider) -> None:
    posted = local.create(entry(start=time(9), end=time(11)), key="k-1")
    assert posted == Posted("local", "k-1")
    local.create(entry(duration=1800, project=None, service=Ref(1, "Development"), description="review"),
                 key="k-2")
    listed = local.list_day(DAY)
    assert [(e.remote_id, e.duration, e.start, e.end, e.project_id, e.service_id, e.description)
            for e in listed] == [
        ("k-1", 7200, time(9), time(11), 52, None, "bugfix"),
        ("k-2", 1800, None, None, None, 1, "review"),
    ]
    local.update("k-1", entry(duration=3600, description="bugfix, shorter"))
    assert local.get("k-1").duration == 3600  # type: ignore[union-attr]
    local.delete("k-2")
    assert [e.remote_id for e in local.list_day(DAY)] == ["k-1"]
    assert local.list_day(DAY + timedelta(days=1)) == []
    with pytest.raises(RejectedError):
        local.update("missing", entry())
    with pytest.raises(RejectedError):
        local.delete("missing")


def test_a_repeated_create_with_the_same_key_does_not_double(local: LocalProvider) -> None:
    local.create(entry(), key="same")
    local.create(entry(description="again"), key="same")
    assert [(e.remote_id, e.description) for e in local.list_day(DAY)] == [("same", "again")]
    assert local.find_posted(entry(), "same") == Posted("local", "same")
    assert local.find_posted(entry(), "other") is None


def test_duration_from_start_and_end_across_midnight_and_invalid_entries(local: LocalProvider) -> None:
    local.create(entry(duration=None, start=time(22), end=time(1)), key="night")
    assert local.get("night").duration == 3 * 3600  # type: ignore[union-attr]
    with pytest.raises(RejectedError, match="no duration"):
        local.create(entry(duration=None), key="bad")


def test_timer(local: LocalProvider, now: Now) -> None:
    assert local.timer_current() is None and local.timer_stop() is None
    started = local.timer_start(entry(duration=None, description="coding"))
    now.t += timedelta(minutes=25)
    current = local.timer_current()
    assert current is not None and current.remote_id == started.remote_id and current.duration == 1500
    assert current.start == time(9) and current.end is None and current.extra == {"running": True}
    second = local.timer_start(entry(duration=None, description="meeting"))  # stops the first
    now.t += timedelta(minutes=5)
    assert local.timer_stop() == second
    first, last = local.list_day(DAY)
    assert (first.duration, first.end, last.duration, last.end) == (1500, time(9, 25), 300, time(9, 30))
    assert local.timer_current() is None


def test_entries_persist_and_the_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "home" / "nlentry.db"
    with closing(LocalProvider.from_settings({"path": str(path)})) as p:
        p.create(entry(), key="kept")
    with closing(LocalProvider.from_settings({"data_dir": str(path.parent)})) as p:
        assert [e.remote_id for e in p.list_day(DAY)] == ["kept"]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_contract_provider_is_ready(tmp_path: Path) -> None:
    with contract_provider(tmp_path) as p:
        assert p.fetch_catalog() == CONTRACT_CATALOG
        assert p.create(entry(), key="c") == Posted("local", "c")


# --- sync, cache and aliases ---------------------------------------------------------------------


def test_sync_caches_the_catalog_and_aliases_survive_syncs(local: LocalProvider) -> None:
    store = local.store
    syncer = Syncer(store, {"local": local})
    assert syncer.cached_catalog("local") is None and syncer.is_stale("local")
    result = syncer.sync("local")
    assert (result.projects, result.services, result.clients, result.people) == (2, 1, 1, 1)
    store.add_alias("local", "webshp", "Webshop")
    store.add_alias("local", "dev", "development", "service")
    store.add_alias("local", "ghost", "Not There")
    cached = syncer.cached_catalog("local")
    assert cached is not None
    assert cached.projects[0].aliases == ("webwinkel", "webshp")
    assert cached.services[0].aliases == ("coden", "dev")
    local.import_catalog(Catalog.from_dict({**CATALOG, "projects": [{"id": 52, "name": "Webshop"}]}))
    syncer.sync("local")
    cached = syncer.cached_catalog("local")
    assert cached is not None and cached.projects[0].aliases == ("webshp",), "the alias outlived the sync"
    assert not syncer.is_stale("local")


def test_stale_cache_is_refreshed_in_the_background_not_on_read(local: LocalProvider) -> None:
    clock = [1000.0]
    syncer = Syncer(local.store, {"local": local}, clock=lambda: clock[0], max_age=60)
    syncer.sync("local")
    assert syncer.refresh_in_background("local") is None, "fresh"
    local.import_catalog(Catalog.from_dict({"projects": [{"id": 9, "name": "New"}]}))
    clock[0] += 61
    assert [p.name for p in syncer.cached_catalog("local").projects] == ["Webshop", "Intranet"]  # type: ignore[union-attr]
    thread = syncer.refresh_in_background("local")
    assert thread is not None
    thread.join(10)
    assert [p.name for p in syncer.cached_catalog("local").projects] == ["New"]  # type: ignore[union-attr]


def test_merge_aliases_by_id_and_leaves_the_catalog_alone_without_aliases() -> None:
    catalog = Catalog.from_dict(CATALOG)
    from nlentry.booking.store import Alias

    assert merge_aliases(catalog, []) is catalog
    merged = merge_aliases(catalog, [Alias("local", "ro", "2", "person"), Alias("local", "Webwinkel", "52")])
    assert merged.people[0].aliases == ("ro",)
    assert merged.projects[0].aliases == ("webwinkel",), "an alias it already has is not added twice"


def test_sync_of_two_thousand_projects_is_fast(tmp_path: Path) -> None:
    big = Catalog.from_dict({"projects": [{"id": i, "name": f"Project {i}", "aliases": [f"p{i}"]}
                                          for i in range(2000)]})
    with Store(tmp_path / "n.db") as store:
        local = LocalProvider(store)
        local.import_catalog(big)
        started = datetime.now()
        Syncer(store, {"local": local}).sync("local")
        cached = Syncer(store, {"local": local}).cached_catalog("local")
        assert cached is not None and len(cached.projects) == 2000
        assert (datetime.now() - started).total_seconds() < 2.0


# --- the commands --------------------------------------------------------------------------------


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"NLENTRY_HOME": str(tmp_path / "home")}


@pytest.fixture
def catalog_file(tmp_path: Path) -> Path:
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(CATALOG), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], env: dict[str, str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv), env=env)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


def test_cli_catalog_import_export_round_trip(capsys: pytest.CaptureFixture[str], env: dict[str, str],
                                              catalog_file: Path, tmp_path: Path) -> None:
    status, out, _ = run(capsys, env, "catalog", "import", str(catalog_file))
    assert status == 0 and out == "imported 2 projects, 1 services, 1 clients, 1 people into local\n"
    status, out, _ = run(capsys, env, "catalog", "export")
    assert status == 0 and Catalog.from_dict(json.loads(out)) == Catalog.from_dict(CATALOG)
    target = tmp_path / "out.json"
    assert run(capsys, env, "catalog", "export", str(target))[0] == 0
    assert Catalog.load(target) == Catalog.from_dict(CATALOG)
    assert (tmp_path / "home" / "nlentry.db").exists()


def test_cli_catalog_errors(capsys: pytest.CaptureFixture[str], env: dict[str, str], tmp_path: Path) -> None:
    status, _, err = run(capsys, env, "catalog", "import", str(tmp_path / "missing.json"))
    assert status == ExitStatus.USAGE and err.startswith("nlentry: cannot read catalog")
    status, _, err = run(capsys, env, "catalog", "export", "--provider", "timetagger")
    assert status == ExitStatus.USAGE and "nlentry sync --provider timetagger" in err
    status, _, err = run(capsys, env, "catalog")
    assert status == ExitStatus.USAGE


def test_cli_alias_add_ls_rm_and_they_survive_sync(capsys: pytest.CaptureFixture[str], env: dict[str, str],
                                                    catalog_file: Path) -> None:
    run(capsys, env, "catalog", "import", str(catalog_file))
    status, out, _ = run(capsys, env, "alias", "add", "webshp", "webshop")
    assert status == 0 and out == "webshp -> webshop (project) · local\n"
    status, _, err = run(capsys, env, "alias", "add", "x", "Nonexistent")
    assert status == ExitStatus.USAGE and "no project, service, client or person named 'Nonexistent'" in err
    assert run(capsys, env, "sync")[1] == "synced local: 2 projects, 1 services, 1 clients, 1 people\n"
    assert run(capsys, env, "alias", "ls")[1] == "webshp -> webshop (project)\n"
    with Store.open(env) as store:
        cached = Syncer(store, {}).cached_catalog("local")
    assert cached is not None and "webshp" in cached.projects[0].aliases
    assert run(capsys, env, "alias", "rm", "WEBSHP")[0] == 0
    status, _, err = run(capsys, env, "alias", "rm", "webshp")
    assert status == ExitStatus.USAGE and "no alias 'webshp'" in err
    status, out, err = run(capsys, env, "alias", "ls")
    assert status == 0 and out == "" and "no aliases" in err


def test_cli_add_books_through_the_outbox(capsys: pytest.CaptureFixture[str], env: dict[str, str],
                                          catalog_file: Path) -> None:
    run(capsys, env, "catalog", "import", str(catalog_file))
    run(capsys, env, "alias", "add", "webshp", "Webshop")
    status, out, err = run(capsys, env, "add", "2", "uur", "aan", "webshp",
                           "--now", "2026-11-18T14:30:00+01:00")
    assert status == 0, err
    assert out.startswith("wo 18-11-2026 (vandaag, standaard) · 2:00 · project Webshop")
    assert out.rstrip().endswith("opgeslagen in local")
    status, out, _ = run(capsys, env, "outbox")
    assert status == 0 and out == "the outbox is empty: nothing pending or failed\n"
    status, out, _ = run(capsys, env, "outbox", "--all", "--json")
    [item] = json.loads(out)
    assert item["state"] == "posted" and item["entry"]["project"] == {"id": 52, "name": "Webshop"}
    with Store.open(env) as store:
        listed = LocalProvider(store).list_day(DAY)
    assert [e.remote_id for e in listed] == [item["key"]]
    assert run(capsys, env, "flush")[1] == "nothing to flush\n"


def test_cli_add_keeps_the_entry_when_the_provider_fails(capsys: pytest.CaptureFixture[str],
                                                          env: dict[str, str]) -> None:
    env = {**env, "NLENTRY_TIMETAGGER_BASE_URL": "http://127.0.0.1:9/timetagger/api/v2",
           "NLENTRY_TIMETAGGER_TOKEN": "some-token-value", "NLENTRY_TIMETAGGER_TIMEOUT": "2"}
    status, out, err = run(capsys, env, "add", "1", "hour", "meeting", "--provider", "timetagger",
                           "--now", "2026-11-18T14:30:00+01:00")
    assert status == ExitStatus.PROVIDER
    assert "1:00" in out and "saved" not in out
    assert "kept in the outbox" in err and "cannot reach timetagger" in err and len(err.splitlines()) == 2
    status, out, _ = run(capsys, env, "outbox")
    assert status == 0 and " pending " in out and "timetagger" in out and "cannot reach" in out
    key = out.split()[0]
    status, out, err = run(capsys, env, "flush")
    assert status == ExitStatus.PROVIDER and out == "posted 0, still pending 1, failed 0\n"
    assert "timetagger: cannot reach" in err
    assert run(capsys, env, "outbox", "retry", key)[0] == ExitStatus.USAGE, "only failed entries are retried"
    assert run(capsys, env, "outbox", "drop", key)[1] == f"dropped: {key}\n"
    assert run(capsys, env, "outbox")[1] == "the outbox is empty: nothing pending or failed\n"


def test_cli_providers_and_unknown_provider(capsys: pytest.CaptureFixture[str], env: dict[str, str]) -> None:
    status, out, _ = run(capsys, env, "providers")
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert status == 0 and "local" in lines and "timetagger" in lines
    assert lines["local"].endswith("default, configured") and "timer" in lines["local"]
    status, _, err = run(capsys, env, "sync", "--provider", "nope")
    assert status == ExitStatus.USAGE and "unknown provider 'nope'" in err
