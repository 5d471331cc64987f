"""How fast the quick-entry command feels: cold `nlentry add` and `parse`, and `ls --week` and
`report --chart --week` over 10,000 entries.

Usage::

    python benchmarks/cli_speed.py            # 15 cold runs of each command; prints the figures
    python benchmarks/cli_speed.py --runs 5   # fewer runs
    python benchmarks/cli_speed.py --json     # the figures as one JSON object
    python benchmarks/cli_speed.py --against /tmp/old   # also the nlentry in /tmp/old, same run
    python benchmarks/cli_speed.py --start-up --against /tmp/old   # only the start-up ratios

Every figure is a new `nlentry` process (`python -m nlentry ...`, the way the console script starts),
timed wall-clock from start to exit; the median and the slowest are reported. Each command runs once
untimed first, so the grammar tables and the modules' bytecode are cached, as on any machine after
the first run (PYTHONDONTWRITEBYTECODE is removed from the children's environment). The home
is a temporary NLENTRY_HOME with the corpus catalog imported into the embedded `local` provider; for
`ls` and the chart it holds 10,000 entries over 200 days, logged through the outbox as `add` logs them.
Targets (issues 4 and 12): `add --dry-run` <= 200 ms, `add --yes` <= 250 ms, `ls --week` <= 300 ms,
`report --chart --week` <= 300 ms. The script measures and reports only; a missed target shows as
`over` and it still exits 0.

The start-up ratios (issue 13): `python -c pass`, `parse PHRASE --json` (in the home with the catalog,
and in an empty home: no database yet) and `add --dry-run` run interleaved (one of each, then again),
so that drift in the machine's load hits all alike; the median of each is divided by the median of
`python -c pass`. Targets: parse <= 4x, add --dry-run <= 5x (wall time). The CPU time of each process
(user + system, `getrusage(RUSAGE_CHILDREN)`) and its ratio are printed too: on a busy machine they move
less than wall time. These commands start as the `nlentry` console script does (its lines, run with
`python -c`). `--against DIR` adds the same nlentry commands run from DIR (`python -c` imports from the
working directory: an older commit unpacked there, `git archive 0ebe933 | tar -x -C DIR`), in the same
interleaved rounds, on the same homes, so before and after come from one run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
#: what the `nlentry` console script runs (pip writes these lines), given to `python -c` so that the
#: nlentry of the working directory is imported (`--against`); `python -m nlentry` adds runpy's imports
SCRIPT = "import re, sys; from nlentry.cli import main; sys.exit(main())"
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


def interleaved(commands: dict[str, tuple[list[str], Path, dict[str, str]]], runs: int
                ) -> dict[str, tuple[list[float], list[float]]]:
    """Wall and CPU seconds (user + system) of `runs` rounds of new processes, one of each command
    (argv, working directory, environment) a round, after one untimed round."""
    times: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in commands}
    for n in range(runs + 1):
        for name, (argv, cwd, env) in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            proc = subprocess.run(argv, env=env, capture_output=True, check=False, cwd=cwd)
            elapsed = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if proc.returncode != 0:
                raise SystemExit(f"{name} failed ({proc.returncode}): {proc.stderr.decode()[-500:]}")
            if n:
                times[name][0].append(elapsed)
                times[name][1].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return times


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


def start_up(env: dict[str, str], runs: int, other: Path | None) -> dict[str, Any]:
    """The start-up ratios: `python -c pass`, `parse --json` (with the catalog, and in a home without a
    database yet) and `add --dry-run` (and the same of the nlentry in `other`), interleaved; each
    command's median over `python -c pass`'s."""
    nlentry = [sys.executable, "-c", SCRIPT]
    now = f"--now={TODAY.isoformat()}T17:00:00+01:00"
    empty = {**env, "NLENTRY_HOME": env["NLENTRY_HOME"] + "-empty"}
    commands = {"python -c pass": ([sys.executable, "-c", "pass"], ROOT, env)}
    for tree, label in ((ROOT, ""), *(((other, f" ({other})"),) if other else ())):
        commands["parse --json" + label] = ([*nlentry, "parse", PHRASE, "--json"], tree, env)
        commands["parse, no database" + label] = ([*nlentry, "parse", PHRASE, "--json"], tree, empty)
        commands["add --dry-run" + label] = ([*nlentry, "add", "--dry-run", now, PHRASE], tree, env)
    times = interleaved(commands, runs)
    wall, cpu = (statistics.median(t) for t in times.pop("python -c pass"))
    found: dict[str, Any] = {"python -c pass": {"median_ms": round(1000 * wall, 1),
                                                "cpu_median_ms": round(1000 * cpu, 1)}}
    for name, (t, c) in times.items():
        target = 4.0 if name.startswith("parse") else 5.0
        ratio = statistics.median(t) / wall
        found[name] = {"median_ms": round(1000 * statistics.median(t), 1), "ratio": round(ratio, 2),
                       "cpu_median_ms": round(1000 * statistics.median(c), 1),
                       "cpu_ratio": round(statistics.median(c) / cpu, 2),
                       "target_ratio": target, "met": ratio <= target, "runs": len(t)}
    return found


def print_start_up(found: dict[str, Any], other: Path | None) -> None:
    bare = found["python -c pass"]
    print(f"start-up against python -c pass (median {bare['median_ms']:.1f} ms, CPU "
          f"{bare['cpu_median_ms']:.1f} ms), in the same interleaved rounds:")
    for name, r in found.items():
        if name == "python -c pass":
            continue
        command, _, tree = name.partition(" (")
        verdict = "ok" if r["met"] else "over"
        whose = f"   (the nlentry in {other})" if tree else ""
        print(f"  {command:<18} median {r['median_ms']:6.1f} ms {r['ratio']:5.2f}x   CPU "
              f"{r['cpu_median_ms']:6.1f} ms {r['cpu_ratio']:5.2f}x   target <= {r['target_ratio']:g}x   "
              f"{verdict}{whose}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="cold runs per command (default 15)")
    parser.add_argument("--entries", type=int, default=ENTRIES,
                        help="entries stored for ls (default 10,000)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--against", metavar="DIR",
                        help="also time parse and add --dry-run of the nlentry in DIR, same rounds")
    parser.add_argument("--start-up", action="store_true", help="only the start-up ratios")
    args = parser.parse_args()
    other = Path(args.against).resolve() if args.against else None
    if other is not None and not (other / "nlentry" / "__init__.py").exists():
        raise SystemExit(f"--against: no nlentry package in {other}")

    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "NLENTRY_HOME": f"{tmp}/home", "NLENTRY_CACHE_DIR": f"{tmp}/cache",
               "NO_COLOR": "1", "NLENTRY_PROVIDER": "local"}
        # as on a user's machine, modules load from their cached bytecode (some sandboxes set this)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        catalog = str(ROOT / "corpus" / "catalog.json")
        subprocess.run([sys.executable, "-m", "nlentry", "catalog", "import", catalog],
                       env=env, check=True, capture_output=True)
        started = start_up(env, args.runs, other)
        if args.start_up:
            if args.json:
                print(json.dumps({"start-up": started}, indent=2))
            else:
                print(f"python {sys.version.split()[0]}, load {os.getloadavg()[0]:.2f}, {args.runs} rounds")
                print_start_up(started, other)
            return 0
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

    result: dict[str, Any] = {
        name: {"median_ms": round(1000 * statistics.median(t), 1), "max_ms": round(1000 * max(t), 1),
               "runs": len(t), "target_ms": round(1000 * targets[name]),
               "met": statistics.median(t) <= targets[name]}
        for name, t in figures.items()}
    for name in ("ls --week", "report --chart --week"):
        result[name]["entries_stored"] = args.entries
        result[name]["entries_listed"] = week
    if args.json:
        print(json.dumps({**result, "start-up": started}, indent=2))
        return 0
    print(f"cold nlentry commands, {args.runs} runs each (python {sys.version.split()[0]}, "
          f"load {os.getloadavg()[0]:.2f}); {args.entries} entries stored in {fill_seconds:.1f} s")
    for name, r in result.items():
        verdict = "ok" if r["met"] else "over"
        print(f"  {name:<22} median {r['median_ms']:6.1f} ms   max {r['max_ms']:6.1f} ms   "
              f"target <= {r['target_ms']} ms   {verdict}")
    print(f"  (ls --week and the chart show {week} of {args.entries} entries)")
    print_start_up(started, other)
    return 0


if __name__ == "__main__":
    sys.exit(main())
