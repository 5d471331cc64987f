"""How fast the provider side is: catalog sync of a big catalog, and what the durable outbox costs.

Usage::

    python benchmarks/provider_speed.py            # prints a table of figures next to their targets
    python benchmarks/provider_speed.py --json     # the same figures as one JSON object
    python benchmarks/provider_speed.py --entries 200   # fewer outbox entries (quicker)

Figures (each the median of several runs; everything under a temporary NLENTRY_HOME):

1. sync, in process: `Syncer.sync` of a 2,000-project catalog (plus 200 clients, 50 services,
   100 people, aliases) from an in-memory fake provider into the SQLite cache, then
   `cached_catalog` reading it back with local aliases merged. Target <= 2 s.
2. sync over HTTP: the same through the TimeTagger provider against an `httpx.MockTransport` fake
   serving 2,000 project tags (settings + records JSON, parsed and mapped). Target <= 2 s.
3. `nlentry sync --provider local` as a new process (interpreter start included) after
   `nlentry catalog import` of a 2,000-project catalog. Target <= 2 s.
4. outbox overhead per entry: `Outbox.submit(entry, "local")` (commit, claim, post, record the
   outcome: four transactions, `synchronous=FULL`) against `LocalProvider.create` alone, per entry,
   on a database file in a temporary directory.

The script measures and prints; a missed target shows as `over`, and the exit status stays 0.
Posting 1,000 entries to the fake Timi is measured by the hosted providers' own benchmark section.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import httpx

from nlentry.booking.outbox import Outbox
from nlentry.booking.store import Store
from nlentry.booking.sync import Syncer
from nlentry.model import Catalog, Entry, Ref
from nlentry.providers.base import Capability
from nlentry.providers.local import LocalProvider
from nlentry.providers.timetagger import TimeTaggerProvider

PROJECTS = 2000


def big_catalog(projects: int = PROJECTS) -> Catalog:
    """A deterministic catalog: `projects` projects (2 aliases each), 200 clients, 50 services, 100 people."""
    return Catalog.from_dict({
        "clients": [{"id": i, "name": f"Client {i}"} for i in range(1, 201)],
        "projects": [{"id": i, "name": f"Project {i:04d}", "client_id": 1 + i % 200,
                      "aliases": [f"p{i}", f"proj-{i}"], "active": i % 10 != 0}
                     for i in range(1, projects + 1)],
        "services": [{"id": i, "name": f"Service {i}", "aliases": [f"s{i}"]} for i in range(1, 51)],
        "people": [{"id": i, "name": f"Person {i}"} for i in range(1, 101)],
    })


class FakeCatalogProvider:
    """The tiniest provider: hands out a prepared catalog."""

    name = "fake"
    capabilities = frozenset({Capability.CATALOG})

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    def fetch_catalog(self) -> Catalog:
        return self.catalog

    def close(self) -> None:
        pass


def timeit(fn: Callable[[], Any], runs: int) -> float:
    """Median seconds of `runs` calls."""
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def bench_sync_in_process(tmp: Path, runs: int) -> float:
    catalog = big_catalog()
    with Store(tmp / "sync.db") as store:
        store.add_alias("fake", "pp1", "Project 0001")
        syncer = Syncer(store, {"fake": FakeCatalogProvider(catalog)})  # type: ignore[dict-item]

        def once() -> None:
            syncer.sync("fake")
            cached = syncer.cached_catalog("fake")
            assert cached is not None and len(cached.projects) == PROJECTS

        return timeit(once, runs)


def timetagger_fake() -> httpx.MockTransport:
    """Answers `GET settings` and `GET records` like a TimeTagger server holding 2,000 project tags."""
    presets = [f"#project-{i:04d}" for i in range(1, PROJECTS + 1)]
    settings = {"settings": [
        {"key": "tag_presets", "value": presets, "mt": 1, "st": 1.0},
        {"key": "nlentry_services", "value": [f"#service-{i}" for i in range(1, 51)], "mt": 1, "st": 1.0},
        {"key": "nlentry_aliases", "value": {f"p{i}": f"#project-{i:04d}" for i in range(1, PROJECTS + 1)},
         "mt": 1, "st": 1.0},
    ]}
    now = int(time.time())
    records = {"records": [{"key": f"k{i}", "t1": now - 3600 * i, "t2": now - 3600 * i + 1800, "mt": 1,
                            "ds": f"work #project-{1 + i % PROJECTS:04d} #service-{1 + i % 50}", "st": 1.0}
                           for i in range(1, 2001)]}
    settings_body = json.dumps(settings).encode()
    records_body = json.dumps(records).encode()

    def handler(request: httpx.Request) -> httpx.Response:
        body = settings_body if request.url.path.endswith("/settings") else records_body
        return httpx.Response(200, content=body, headers={"content-type": "application/json"})

    return httpx.MockTransport(handler)


def bench_sync_http(tmp: Path, runs: int) -> float:
    provider = TimeTaggerProvider.from_settings({"base_url": "http://tt.test/timetagger/api/v2",
                                                 "token": "bench-token"}, transport=timetagger_fake())
    with Store(tmp / "sync-http.db") as store:
        syncer = Syncer(store, {"timetagger": provider})

        def once() -> None:
            result = syncer.sync("timetagger")
            assert result.projects == PROJECTS, result

        try:
            return timeit(once, runs)
        finally:
            provider.close()


def bench_sync_cli(tmp: Path, runs: int) -> float:
    home = tmp / "cli-home"
    env = {**os.environ, "NLENTRY_HOME": str(home)}
    catalog_file = tmp / "big-catalog.json"
    catalog_file.write_text(json.dumps(big_catalog().to_dict()), encoding="utf-8")
    command = [sys.executable, "-m", "nlentry"]
    subprocess.run([*command, "catalog", "import", str(catalog_file)], env=env, check=True,
                   capture_output=True)

    def once() -> None:
        done = subprocess.run([*command, "sync", "--provider", "local"], env=env, check=True,
                              capture_output=True, text=True)
        assert f"{PROJECTS} projects" in done.stdout, done.stdout

    return timeit(once, runs)


def bench_outbox(tmp: Path, entries: int) -> tuple[float, float]:
    """(seconds per entry through the outbox, seconds per entry straight into the local store)."""
    def entry(n: int) -> Entry:
        return Entry(text=f"{n} min aan Webshop", locale="nl", date=date(2026, 11, 18),
                     duration=60 * (n % 480 + 1), project=Ref(52, "Webshop"), description=f"item {n}")

    items = [entry(n) for n in range(entries)]
    with Store(tmp / "outbox.db") as store:
        local = LocalProvider(store)
        started = time.perf_counter()
        for e in items:
            local.create(e, key=str(uuid.uuid4()))
        direct = (time.perf_counter() - started) / entries

    with Store(tmp / "outbox2.db") as store:
        outbox = Outbox(store, {"local": LocalProvider(store)})
        started = time.perf_counter()
        for e in items:
            outbox.submit(e, "local")
        through = (time.perf_counter() - started) / entries
        counts = outbox.counts()
        assert counts["posted"] == entries, counts
    return through, direct


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--runs", type=int, default=5, help="runs per sync figure (median; default 5)")
    parser.add_argument("--entries", type=int, default=1000, help="entries for the outbox figure")
    args = parser.parse_args(argv)

    figures: list[dict[str, Any]] = []

    def add(name: str, seconds: float, target: float | None, unit: str = "s") -> None:
        figures.append({"figure": name, "seconds": seconds, "target": target,
                        "ok": None if target is None else seconds <= target, "unit": unit})
        if not args.json:
            print(f"  measured: {name}", file=sys.stderr)

    with tempfile.TemporaryDirectory(prefix="nlentry-bench-") as raw:
        tmp = Path(raw)
        add(f"sync {PROJECTS} projects, in process (fake provider -> cache -> cached_catalog)",
            bench_sync_in_process(tmp, args.runs), 2.0)
        add(f"sync {PROJECTS} projects over HTTP (timetagger provider, MockTransport)",
            bench_sync_http(tmp, args.runs), 2.0)
        add(f"nlentry sync --provider local, {PROJECTS} projects, new process",
            bench_sync_cli(tmp, max(1, args.runs // 2)), 2.0)
        through, direct = bench_outbox(tmp, args.entries)
        add(f"outbox submit -> local, per entry ({args.entries} entries)", through, None, "ms")
        add("LocalProvider.create alone, per entry", direct, None, "ms")
        add("outbox overhead per entry (difference)", through - direct, None, "ms")

    if args.json:
        print(json.dumps({"figures": figures}, indent=2))
        return 0
    print(f"{'figure':<72} {'value':>10} {'target':>9}  ")
    for f in figures:
        value = f"{f['seconds'] * 1000:.2f} ms" if f["unit"] == "ms" else f"{f['seconds']:.3f} s"
        target = "-" if f["target"] is None else f"<= {f['target']:g} s"
        verdict = "" if f["ok"] is None else ("ok" if f["ok"] else "over")
        print(f"{f['figure']:<72} {value:>10} {target:>9}  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
