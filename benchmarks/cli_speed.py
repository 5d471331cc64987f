"""How fast the quick-entry command feels: cold `nlentry add`, and `ls --week` and `report --chart --week`
over 10,000 entries.

Usage::

    python benchmarks/cli_speed.py            # 15 cold runs of each command; prints the figures
    python benchmarks/cli_speed.py --runs 5   # fewer runs
    python benchmarks/cli_speed.py --json     # the figures as one JSON object

Every figure is a new `nlentry` process (`python -m nlentry ...`, the way the console script starts),
timed wall-clock from start to exit; the median and the slowest are reported. Each command runs once
untimed first, so the grammar tables and the modules' bytecode are cached, as on any machine after
the first run (PYTHONDONTWRITEBYTECODE is removed from the children's environment). The home
is a temporary NLENTRY_HOME with the corpus catalog imported into the embedded `local` provider; for
`ls` and the chart it holds 10,000 entries over 200 days, logged through the outbox as `add` logs them.
Targets (issues 4 and 12): `add --dry-run` <= 200 ms, `add --yes` <= 250 ms, `ls --week` <= 300 ms,
`report --chart --week` <= 300 ms. The script measures and reports only; a missed target shows as
`over` and it still exits 0.
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
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PHRASE = "2,5 uur met Rowan aan Timi gewerkt"
ENTRIES = 10_000
TODAY = date(2026, 11, 24)


def fill(env: dict[str, str], count: int) -> None:
    """`count` entries over the 200 days up to TODAY, through the journal (committed, posted to local)."""
    from nlentry.booking.journal import Journal
    from nlentry.model import Entry, Ref

    with Journal.open(env) as journal:
        catalog = journal.catalog
        assert catalog is not None
        projects = [Ref(p.id, p.name) for p in catalog.projects]
        services = [Ref(s.id, s.name) for s in catalog.services]
        for n in range(count):
            entry = Entry(text=f"bench {n}", locale="nl", date=TODAY - timedelta(days=n % 200),
                          duration=900 * (1 + n % 16), project=projects[n % len(projects)],
                          service=services[n % len(services)], description=f"bench {n}")
            journal.save(entry)


def cold(argv: list[str], env: dict[str, str], runs: int) -> list[float]:
    """Wall seconds of `runs` new processes of `nlentry argv` (after one untimed run)."""
    command = [sys.executable, "-m", "nlentry", *argv]
    times = []
    for n in range(runs + 1):
        start = time.perf_counter()
        proc = subprocess.run(command, env=env, capture_output=True, check=False, cwd=ROOT)
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}): {proc.stderr.decode()[-500:]}")
        if n:
            times.append(elapsed)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="cold runs per command (default 15)")
    parser.add_argument("--entries", type=int, default=ENTRIES,
                        help="entries stored for ls (default 10,000)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "NLENTRY_HOME": f"{tmp}/home", "NLENTRY_CACHE_DIR": f"{tmp}/cache",
               "NO_COLOR": "1", "NLENTRY_PROVIDER": "local"}
        # as on a user's machine, modules load from their cached bytecode (some sandboxes set this)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        catalog = str(ROOT / "corpus" / "catalog.json")
        subprocess.run([sys.executable, "-m", "nlentry", "catalog", "import", catalog],
                       env=env, check=True, capture_output=True)
        figures: dict[str, Any] = {}
        targets = {"add --dry-run": 0.200, "add --yes": 0.250, "ls --week": 0.300,
                   "report --chart --week": 0.300}
        now = f"--now={TODAY.isoformat()}T17:00:00+01:00"
        figures["add --dry-run"] = cold(["add", "--dry-run", now, PHRASE], env, args.runs)
        figures["add --yes"] = cold(["add", "--yes", now, PHRASE], env, args.runs)
        saved = args.runs + 1
        start = time.perf_counter()
        fill(env, args.entries - saved)
        fill_seconds = time.perf_counter() - start
        figures["ls --week"] = cold(["ls", "--week", now], env, args.runs)
        figures["report --chart --week"] = cold(["report", "--chart", "--week", now], env, args.runs)
        week = subprocess.run([sys.executable, "-m", "nlentry", "ls", "--week", "--jsonl", now], env=env,
                              capture_output=True, check=True, text=True).stdout.count("\n")

    result = {name: {"median_ms": round(1000 * statistics.median(t), 1), "max_ms": round(1000 * max(t), 1),
                     "runs": len(t), "target_ms": round(1000 * targets[name]),
                     "met": statistics.median(t) <= targets[name]}
              for name, t in figures.items()}
    for name in ("ls --week", "report --chart --week"):
        result[name]["entries_stored"] = args.entries
        result[name]["entries_listed"] = week
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"cold nlentry commands, {args.runs} runs each (python {sys.version.split()[0]}, "
          f"load {os.getloadavg()[0]:.2f}); {args.entries} entries stored in {fill_seconds:.1f} s")
    for name, r in result.items():
        verdict = "ok" if r["met"] else "over"
        print(f"  {name:<22} median {r['median_ms']:6.1f} ms   max {r['max_ms']:6.1f} ms   "
              f"target <= {r['target_ms']} ms   {verdict}")
    print(f"  (ls --week and the chart show {week} of {args.entries} entries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
