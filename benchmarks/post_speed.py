"""How fast entries reach the fake Timi: 1,000 posts through the durable outbox, within a rate limit.

    .venv/bin/python benchmarks/post_speed.py                 # 1,000 entries, rate limit 250 requests/s
    .venv/bin/python benchmarks/post_speed.py --rate 100/1    # a tighter limit (requests/seconds)
    .venv/bin/python benchmarks/post_speed.py --json          # the figures as one JSON object

What is timed (wall clock, `time.perf_counter`):

1. outbox: `Outbox.submit(entry, "timi")` for every entry: the entry is committed to a SQLite file
   (WAL, synchronous=FULL, as in real use), then posted once through `TimiProvider` to the in-process
   `TimiFake` (an `httpx.MockTransport`: no sockets, so the figure is nlentry's own cost plus the
   waits the rate limit imposes).
2. provider only: the same posts straight through `TimiProvider.create`, for comparison.

The rate limit: Timi publishes no number ("a limited number of requests per minute"), so the figure
uses an ASSUMED budget: the fake answers 429 beyond `--rate` requests in a window, and the provider's
client-side limiter is given the same budget, so it waits instead of being refused. Afterwards the
script checks that the fake holds every entry exactly once, that no 429 was answered and that the
outbox has nothing pending. Target: the outbox run within 10 s. It measures and reports; a missed
target shows as `over` and the script still exits 0 (1 only when an entry is lost or doubled).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from nlentry.booking.outbox import Outbox
from nlentry.booking.store import Store
from nlentry.model import Entry, Ref
from nlentry.providers.timi.client import TimiProvider
from nlentry.providers.timi.fake import TimiFake
from nlentry.providers.timi.testing import CATALOG

TARGET_SECONDS = 10.0


def entries(count: int) -> list[Entry]:
    """`count` distinct entries over a month, on the seeded projects and services."""
    projects = [Ref(p["id"], p["name"]) for p in CATALOG["projects"]]
    services = [Ref(s["id"], s["name"]) for s in CATALOG["services"]]
    return [Entry(text=f"bench {n}: {15 * (1 + n % 16)} min gewerkt", locale="nl",
                  date=date(2026, 3, 1) + timedelta(days=n % 28), duration=900 * (1 + n % 16),
                  project=projects[n % len(projects)], service=services[n % len(services)])
            for n in range(count)]


def setup(limit: int | None, window: float) -> tuple[TimiFake, TimiProvider]:
    fake = TimiFake()
    fake.load_catalog(CATALOG)
    fake.rate_window = window
    fake.rate_limit_after = limit
    provider = TimiProvider(email=fake.email, token=fake.token, base_url=fake.BASE_URL,
                            transport=fake.transport(), rate_limit=limit, rate_period=window)
    return fake, provider


def check(fake: TimiFake, batch: list[Entry]) -> list[str]:
    """What is wrong with the fake's state after posting `batch` (empty: every entry exactly once)."""
    stored = sorted((e["body"], e["duration"], e["date"]) for e in fake.entries.values())
    wanted = sorted((e.text, e.duration, e.date.isoformat()) for e in batch)
    problems = []
    if len(stored) != len(wanted):
        problems.append(f"the fake holds {len(stored)} entries, {len(wanted)} were posted")
    elif stored != wanted:
        problems.append("the fake's entries differ from those posted")
    return problems


def run_outbox(batch: list[Entry], limit: int | None, window: float, folder: Path) -> dict[str, Any]:
    fake, provider = setup(limit, window)
    store = Store(folder / "bench.db")
    too_many = [0]  # 429 answers
    original = fake.rate_limited

    def counting(wait: float) -> Any:
        too_many[0] += 1
        return original(wait)

    fake.rate_limited = counting  # type: ignore[method-assign]
    with Outbox(store, providers={"timi": provider}) as outbox:
        started = time.perf_counter()
        keys = [outbox.submit(entry, "timi") for entry in batch]
        seconds = time.perf_counter() - started
        states = [item.state for item in (outbox.item(k) for k in keys) if item is not None]
    provider.close()
    store.close()
    problems = check(fake, batch)
    pending = sum(s != "posted" for s in states)
    if pending:
        problems.append(f"{pending} outbox items not posted")
    return {"seconds": seconds, "requests": len(fake.requests), "refused_429": too_many[0],
            "problems": problems}


def run_direct(batch: list[Entry], limit: int | None, window: float) -> dict[str, Any]:
    from nlentry.providers.base import TransientError

    fake, provider = setup(limit, window)
    refused = 0
    started = time.perf_counter()
    for n, entry in enumerate(batch):
        while True:  # a well-behaved client: on 429 wait as told, then send again
            try:
                provider.create(entry, key=f"direct-{n}")
                break
            except TransientError as exc:
                refused += 1
                time.sleep(exc.retry_after if exc.retry_after is not None else 0.05)
    seconds = time.perf_counter() - started
    provider.close()
    return {"seconds": seconds, "requests": len(fake.requests), "refused": refused,
            "problems": check(fake, batch)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=1000, help="how many entries (default 1000)")
    parser.add_argument("--rate", default="250/1",
                        help="the fake's limit as REQUESTS/SECONDS (ASSUMED; default 250/1), or 'none'")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args(argv)
    if args.rate == "none":
        limit, window = None, 1.0
    else:
        requests, _, seconds = args.rate.partition("/")
        limit, window = int(requests), float(seconds or 1)
    batch = entries(args.entries)
    with tempfile.TemporaryDirectory(prefix="nlentry-bench-") as folder:
        outbox = run_outbox(batch, limit, window, Path(folder))
    direct = run_direct(batch, limit, window)
    unlimited = run_direct(batch, None, 1.0)
    figures = {"entries": args.entries, "rate_limit": None if limit is None else f"{limit}/{window:g}s",
               "outbox": outbox, "provider_only": direct, "provider_only_no_limit": unlimited,
               "target_seconds": TARGET_SECONDS}
    problems = outbox["problems"] + direct["problems"] + unlimited["problems"]
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        rate = figures["rate_limit"] or "none"
        verdict = "ok" if outbox["seconds"] <= TARGET_SECONDS else "over"
        print(f"posting {args.entries} entries to the fake Timi (rate limit: {rate}, ASSUMED; "
              f"the client-side limiter has the same budget)")
        print(f"  through the outbox (SQLite commit, then post) {outbox['seconds']:7.2f} s   "
              f"target <= {TARGET_SECONDS:g} s: {verdict}   {outbox['requests']} requests, "
              f"{outbox['refused_429']} answered 429")
        print(f"  provider only, same limit                     {direct['seconds']:7.2f} s"
              f"   ({direct['refused']} answered 429, waited and sent again)")
        print(f"  provider only, no limit                       {unlimited['seconds']:7.2f} s   "
              f"({args.entries / unlimited['seconds']:.0f} entries/s)")
        print("  every entry exactly once at the fake: " + ("yes" if not problems else "; ".join(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
