"""How fast nlentry reads a phrase, how much a big catalog costs, and how long a cold `nlentry` takes.

Usage::

    python benchmarks/parse_speed.py            # the full run: prints a table of figures
    python benchmarks/parse_speed.py --quick    # fewer repetitions (CI smoke)
    python benchmarks/parse_speed.py --json     # the same figures as one JSON object
    python benchmarks/parse_speed.py --profile  # also: cProfile of the corpus parse, top functions

The script measures and prints; it never fails on a missed target (exit status 0). See
benchmarks/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FIXTURE_CATALOG = CORPUS / "catalog.json"
COLD_PHRASE = "2,5 uur met Rowan aan Timi gewerkt"

BIG_PROJECTS = 10_000
BIG_PROJECT_ALIASES = 30_000
BIG_CLIENTS = 1_000
BIG_SERVICES = 60
BIG_PEOPLE = 400
SEED = 20261118

CLOCKS: dict[str, Callable[[], int]] = {"wall": time.perf_counter_ns, "cpu": time.process_time_ns}
"""What a per-phrase sample measures: wall time, or this process's CPU time (steadier on a busy machine)."""


# --- the corpus ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    text: str
    lang: str
    now: datetime


def load_cases() -> list[Case]:
    """Every phrase of corpus/*/*.jsonl, with its language and its own `now` (parsed once, here)."""
    cases = []
    for path in sorted(CORPUS.glob("*/*.jsonl")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    raw = json.loads(line)
                    cases.append(Case(raw["text"], raw["lang"], datetime.fromisoformat(raw["now"])))
    return cases


# --- the synthetic catalog -------------------------------------------------------------------------

_SYLLABLES = ["ba", "be", "bo", "da", "de", "di", "fa", "fe", "ga", "go", "ka", "ke", "ko", "la", "le", "li",
              "lo", "ma", "me", "mi", "mo", "na", "ne", "no", "pa", "pe", "po", "ra", "re", "ri", "ro", "sa",
              "se", "so", "ta", "te", "ti", "to", "va", "ve", "vi", "wa", "we", "za", "ze", "zo", "ar", "el",
              "in", "on", "ul", "an", "er", "ix", "ox", "ek", "ij", "ou", "ui", "oe"]
_CODAS = ["", "", "", "n", "r", "s", "k", "t", "l", "x", "m", "nd", "rt", "ck"]
_ACCENTED = {"e": "é", "a": "à", "o": "ö", "u": "ü", "i": "ï"}
# Business words as real catalogs have them: they share words with the phrases, which is the hard case
# for the matcher (a multi-word name starts or ends with a word the phrase contains).
_NOUNS = ["Portal", "Website", "App", "Webshop", "Migratie", "Onderhoud", "Support", "Intranet", "Dashboard",
          "CRM", "Platform", "Redesign", "Koppeling", "API", "Rapportage", "Beheer", "Hosting", "Campagne",
          "Mobile App", "Nieuwe Website", "Data Migratie", "Helpdesk", "Integratie", "Analyse", "Training"]
_SERVICE_WORDS = ["Ontwikkeling", "Design", "Testen", "Overleg", "Projectmanagement", "Advies", "Review",
                  "Documentatie", "Deployment", "Onderzoek", "Workshop", "Implementatie"]
_FIRST_NAMES = ["Anna", "Bram", "Carla", "Daan", "Eva", "Femke", "Gijs", "Hanna", "Isa", "Jesse", "Kees",
                "Lotte", "Milan", "Noor", "Olaf", "Pim", "Quinten", "Roos", "Sven", "Tess", "Umut", "Vera",
                "Wouter", "Xander", "Yara", "Zoë", "Ahmed", "Fatima", "Mohamed", "Sanne", "Thijs", "Jaap"]


def _coined(rng: random.Random) -> str:
    """A made-up brand word such as 'Velkorix' (sometimes with an accent)."""
    word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))) + rng.choice(_CODAS)
    if rng.random() < 0.05:
        i = rng.randrange(len(word))
        word = word[:i] + _ACCENTED.get(word[i], word[i]) + word[i + 1:]
    return word.capitalize()


def _unique(rng: random.Random, make: Callable[[random.Random], str], seen: set[str]) -> str:
    """A name from `make` that is not yet in `seen` (case-insensitively); recorded in `seen`."""
    for attempt in range(1000):
        name = make(rng) if attempt < 20 else f"{make(rng)} {attempt}"
        if name.lower() not in seen:
            seen.add(name.lower())
            return name
    raise RuntimeError("cannot make a unique name")  # pragma: no cover


def synthetic_catalog(projects: int = BIG_PROJECTS, aliases: int = BIG_PROJECT_ALIASES,
                      seed: int = SEED) -> dict[str, Any]:
    """A deterministic catalog in the conventions' JSON shape: `projects` projects carrying `aliases`
    aliases in all, plus clients, services and people.

    The fixture catalog (corpus/catalog.json) is included first, so the corpus's entry phrases still
    find their projects; the synthetic items fill up to the totals and use ids from 100000 on.
    """
    rng = random.Random(seed)
    with open(FIXTURE_CATALOG, encoding="utf-8") as f:
        fixture = json.load(f)
    seen: set[str] = set()
    for section in fixture.values():
        for item in section:
            seen.add(item["name"].lower())
            seen.update(a.lower() for a in item.get("aliases", []))

    clients = list(fixture.get("clients", []))
    brands = []
    for n in range(BIG_CLIENTS):
        brand = _unique(rng, _coined, seen)
        brands.append(brand)
        suffix = rng.choice(["", "", " BV", " B.V.", " Groep", " & Zn", " Holding"])
        row: dict[str, Any] = {"id": 100_000 + n, "name": brand + suffix}
        if suffix and rng.random() < 0.5:
            row["aliases"] = [brand.lower()]
        clients.append(row)

    rows = list(fixture.get("projects", []))
    alias_budget = aliases - sum(len(p.get("aliases", [])) for p in rows)
    count = projects - len(rows)
    # Spread the alias budget over the projects: 0..6 each, exactly `alias_budget` in all.
    per = [alias_budget // count] * count
    for i in rng.sample(range(count), alias_budget - sum(per)):
        per[i] += 1
    for i in range(0, count - 1, 2):  # move aliases between neighbours so counts vary (sum unchanged)
        shift = rng.randint(0, min(per[i], 3))
        per[i] -= shift
        per[i + 1] += shift

    for n in range(count):
        client_pos = rng.randrange(BIG_CLIENTS)
        brand = brands[client_pos]
        shape = rng.random()
        if shape < 0.45:
            name = _unique(rng, lambda r, b=brand: f"{b} {r.choice(_NOUNS)}", seen)
        elif shape < 0.75:
            name = _unique(rng, _coined, seen)
        elif shape < 0.9:
            name = _unique(rng, lambda r: f"{_coined(r)} {r.choice(_NOUNS)}", seen)
        else:
            name = _unique(rng, lambda r, b=brand: f"{b} {r.choice(_NOUNS)} {r.randint(2, 9)}.0", seen)
        project_aliases = []
        for k in range(per[n]):
            pick = (n + k) % 4
            if pick == 0:
                alias = _unique(rng, lambda r, x=name: f"{x.lower().replace(' ', '-')}-{r.randint(1, 99)}",
                                seen)
            elif pick == 1:
                alias = _unique(rng, lambda r, x=name: "".join(w[0] for w in x.split()).lower()
                                + str(r.randint(1, 999)), seen)
            else:
                alias = _unique(rng, _coined, seen)
            project_aliases.append(alias)
        rows.append({"id": 100_000 + n, "name": name, "client_id": 100_000 + client_pos,
                     "aliases": project_aliases, "active": rng.random() < 0.85})

    services = list(fixture.get("services", []))
    for n in range(BIG_SERVICES):
        word = rng.choice(_SERVICE_WORDS)
        name = _unique(rng, lambda r, w=word: f"{w} {_coined(r)}", seen)
        services.append({"id": 100_000 + n, "name": name, "aliases": [_unique(rng, _coined, seen)]})

    people = list(fixture.get("people", []))
    for n in range(BIG_PEOPLE):
        name = _unique(rng, lambda r: f"{r.choice(_FIRST_NAMES)} {_coined(r)}", seen)
        people.append({"id": 100_000 + n, "name": name,
                       "aliases": [name.split()[0].lower() + name.split()[1][0].lower()]})
    return {"clients": clients, "projects": rows, "services": services, "people": people}


def catalog_counts(data: dict[str, Any]) -> dict[str, int]:
    return {
        "projects": len(data["projects"]),
        "project_aliases": sum(len(p.get("aliases", [])) for p in data["projects"]),
        "clients": len(data["clients"]),
        "services": len(data["services"]),
        "people": len(data["people"]),
        "all_names_and_aliases": sum(1 + len(r.get("aliases", [])) for s in data.values() for r in s),
    }


# --- measuring -------------------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100), linear between the two nearest ranks."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q / 100
    lo = int(k)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def timed_pass(call: Callable[[Case], object], cases: Sequence[Case], samples: list[list[int]],
               clock: Callable[[], int]) -> None:
    """One pass over the corpus in order, appending each call's time (ns) to its case's samples.

    An exception (a refused entry) counts as a finished call.
    """
    for i, case in enumerate(cases):
        t0 = clock()
        try:  # noqa: SIM105 - contextlib.suppress would add its own cost to the timed call
            call(case)
        except Exception:
            pass
        samples[i].append(clock() - t0)


def per_phrase_us(calls: dict[str, tuple[Callable[[Case], object], int]], cases: Sequence[Case],
                  clock: Callable[[], int] = time.perf_counter_ns) -> dict[str, list[float]]:
    """For each named (call, rounds): every case's median time over its rounds, in microseconds.

    A round is a pass over the whole corpus (not one phrase many times in a row), so caches see the
    traffic they see in use. The calls take turns round by round (a, b, c, a, b, c, ...) so that drift
    in machine load hits them alike, which matters for their ratio.
    """
    samples = {name: [[] for _ in cases] for name in calls}
    for r in range(max(rounds for _, rounds in calls.values())):
        for name, (call, rounds) in calls.items():
            if r < rounds:
                timed_pass(call, cases, samples[name], clock)
    return {name: [statistics.median(s) / 1000 for s in per_case] for name, per_case in samples.items()}


def distribution(us: Sequence[float]) -> dict[str, float]:
    return {"median": statistics.median(us), "p90": percentile(us, 90), "p99": percentile(us, 99),
            "max": max(us)}


def nlentry_call(catalog: Any) -> Callable[[Case], object]:
    import nlentry

    parse = nlentry.parse

    def call(case: Case) -> object:
        return parse(case.text, catalog=catalog, now=case.now)

    return call


def dateparser_call() -> Callable[[Case], object]:
    from dateparser.search import search_dates

    def call(case: Case) -> object:
        return search_dates(case.text, languages=[case.lang],
                            settings={"RELATIVE_BASE": case.now.replace(tzinfo=None),
                                      "PREFER_DATES_FROM": "past"})

    return call


def warm_up(call: Callable[[Case], object], cases: Sequence[Case]) -> None:
    """One untimed pass: builds the parsers (or dateparser's language data) and fills every cache."""
    for case in cases:
        with contextlib.suppress(Exception):
            call(case)


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MB (10^6 bytes), from getrusage.

    Linux carries the parent's RSS at fork/exec into the child's `ru_maxrss`, so a child only reads
    its own peak when the parent was smaller than the child: spawn memory probes from a small process.
    """
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak * 1024 / 1e6


def vm_hwm_mb() -> float | None:
    """Linux only: the peak RSS of this process's own address space (VmHWM), in MB; a cross-check."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024 / 1e6
    except OSError:
        pass
    return None


# --- the fresh-process memory probe ------------------------------------------------------------------


def memory_child(mode: str) -> dict[str, Any]:
    """Run in a fresh interpreter: build the big index (and parse the corpus with it); report memory.

    mode "rss": peak RSS of the whole process (no tracemalloc, which would inflate it).
    mode "tracemalloc": Python-heap peak and retained size of the index build alone.
    mode "baseline": peak RSS of parsing the corpus with the fixture catalog (no big index), to tell
    the index's share of the peak from the parser's (lark tables, dateparser's language data).
    """
    import nlentry
    from nlentry.catalog.index import CatalogIndex

    cases = load_cases()
    if mode == "baseline":
        warm_up(nlentry_call(nlentry.Catalog.load(FIXTURE_CATALOG)), cases)
        return {"rss_peak_mb": peak_rss_mb(), "vm_hwm_mb": vm_hwm_mb()}
    catalog = nlentry.Catalog.from_dict(synthetic_catalog())
    gc.collect()
    out: dict[str, Any] = {"rss_before_index_mb": peak_rss_mb()}
    if mode == "tracemalloc":
        import tracemalloc

        tracemalloc.start()
        index = CatalogIndex.of(catalog)
        current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        out.update(tracemalloc_peak_mb=peak / 1e6, tracemalloc_retained_mb=current / 1e6,
                   variants=len(index.near_table), keys=len(index.exact))
        return out
    CatalogIndex.of(catalog)
    out["rss_after_index_mb"] = peak_rss_mb()
    warm_up(nlentry_call(catalog), cases)
    out["rss_peak_mb"] = peak_rss_mb()
    out["vm_hwm_mb"] = vm_hwm_mb()
    return out


def run_memory_child(mode: str) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--_memory-child", mode],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        return {"error": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "failed"}
    return json.loads(proc.stdout)


# --- cold processes --------------------------------------------------------------------------------


def cold_commands() -> list[tuple[str, str, list[str]]]:
    """(key, label, argv) of the cold-start commands; the `nlentry` script only when it is installed."""
    py = sys.executable
    commands = [
        ("cold_python_pass", "python -c pass", [py, "-c", "pass"]),
        ("cold_import_lark", 'python -c "import lark"', [py, "-c", "import lark"]),
        ("cold_python_m_nlentry", "python -m nlentry parse ... --json",
         [py, "-m", "nlentry", "parse", COLD_PHRASE, "--json"]),
    ]
    script = Path(py).parent / ("nlentry.exe" if os.name == "nt" else "nlentry")
    if script.exists():
        commands.append(("cold_nlentry_script", "nlentry parse ... --json (script)",
                         [str(script), "parse", COLD_PHRASE, "--json"]))
    return commands


def cold_runs(commands: list[tuple[str, str, list[str]]], n: int) -> dict[str, dict[str, Any]]:
    """Median wall time (ms) of each command over `n` runs, after one untimed warm-up run each.

    The runs are interleaved (a, b, c, a, b, c, ...) so that drift in machine load hits all alike.
    """
    times: dict[str, list[float]] = {key: [] for key, _, _ in commands}
    cpu: dict[str, list[float]] = {key: [] for key, _, _ in commands}
    # As on a user's machine, modules load from cached bytecode: some sandboxes set PYTHONDONTWRITEBYTECODE,
    # which makes every start compile nlentry from source (about 40-60 ms more).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    failures: dict[str, str] = {}
    for rep in range(n + 1):
        for key, _, argv in commands:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            proc = subprocess.run(argv, capture_output=True, check=False, cwd=ROOT, env=env)
            elapsed = (time.perf_counter() - t0) * 1000
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            used = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
            if proc.returncode != 0:
                stderr = proc.stderr.decode(errors="replace").strip()
                failures[key] = f"exit {proc.returncode}: {stderr[-200:]}"
            if rep > 0:  # run 0 is the warm-up (it may build the Lark cache)
                times[key].append(elapsed)
                cpu[key].append(used)
    return {key: {"median": statistics.median(ts), "min": min(ts), "max": max(ts), "n": len(ts),
                  "cpu_median": statistics.median(cpu[key]),
                  **({"error": failures[key]} if key in failures else {})}
            for key, ts in times.items()}


# --- the report ------------------------------------------------------------------------------------


@dataclass
class Figure:
    key: str
    label: str
    value: float | None
    unit: str
    target: float | None = None
    op: str = ""  # "<=" or ">=" (or "" for information only)
    note: str = ""
    error: str = ""

    @property
    def status(self) -> str:
        if self.error or self.value is None:
            return "error"
        if not self.op or self.target is None:
            return ""
        ok = self.value <= self.target if self.op == "<=" else self.value >= self.target
        return "OK" if ok else "over"


@dataclass
class Report:
    figures: list[Figure] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def add(self, *args: Any, **kwargs: Any) -> None:
        self.figures.append(Figure(*args, **kwargs))


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "x":
        return f"{value:.1f}x"
    digits = 0 if value >= 100 else 1 if value >= 10 else 2
    return f"{value:,.{digits}f} {unit}"


def print_table(report: Report) -> None:
    rows = [("figure", "measured", "target", "status")]
    for f in report.figures:
        target = f"{f.op} {_fmt(f.target, f.unit)}" if f.op else ""
        rows.append((f.label, _fmt(f.value, f.unit), target, f.status))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    line = "  ".join("-" * w for w in widths)
    for n, r in enumerate(rows):
        print(f"{r[0]:<{widths[0]}}  {r[1]:>{widths[1]}}  {r[2]:>{widths[2]}}  {r[3]}".rstrip())
        if n == 0:
            print(line)
    notes = [f for f in report.figures if f.note or f.error]
    if notes:
        print()
        for f in notes:
            print(f"- {f.label}: {f.error or f.note}")


# --- the run ---------------------------------------------------------------------------------------


def progress(message: str) -> None:
    print(f"[parse_speed] {message}", file=sys.stderr, flush=True)


def cached_loads(data: dict[str, Any], loads: int) -> tuple[list[float], list[float]]:
    """Write the index of the catalog `data` to a cache file, then time `loads` reads of it (each for a new,
    equal catalog object, as a new process would have): wall and CPU seconds."""
    import tempfile

    import nlentry
    from nlentry.catalog.cache import cached_index

    wall, cpu = [], []
    with tempfile.TemporaryDirectory() as folder:
        cached_index(nlentry.Catalog.from_dict(data), folder)
        for _ in range(loads):
            catalog = nlentry.Catalog.from_dict(data)
            gc.collect()
            t0, c0 = time.perf_counter(), time.process_time()
            cached_index(catalog, folder)
            wall.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
    return wall, cpu


def run(quick: bool, clock: str = "wall") -> Report:
    # The memory probes go first, while this process is still small: see peak_rss_mb.
    progress("memory probes: fresh processes build the 10k-project index and parse the corpus")
    rss = run_memory_child("rss")
    traced = run_memory_child("tracemalloc")
    baseline = run_memory_child("baseline")

    import dateparser
    import lark

    import nlentry
    from nlentry.catalog.index import CatalogIndex

    rounds = 1 if quick else 7
    dp_rounds = 1 if quick else 3
    builds = 1 if quick else 3
    cold_n = 5 if quick else 15

    report = Report()
    cases = load_cases()
    report.meta = {
        "python": platform.python_version(), "implementation": platform.python_implementation(),
        "platform": platform.platform(), "cpus": os.cpu_count(), "nlentry": nlentry.__version__,
        "lark": lark.__version__, "dateparser": dateparser.__version__, "phrases": len(cases),
        "quick": quick, "rounds": rounds, "dateparser_rounds": dp_rounds, "index_builds": builds,
        "cold_runs": cold_n, "clock": clock, "loadavg_start": _loadavg(),
    }

    fixture = nlentry.Catalog.load(FIXTURE_CATALOG)
    report.meta["fixture_catalog"] = {"projects": len(fixture.projects), "clients": len(fixture.clients),
                                      "services": len(fixture.services), "people": len(fixture.people)}
    data = synthetic_catalog()
    report.meta["big_catalog"] = catalog_counts(data)

    progress(f"synthetic catalog: {builds} index build(s)")
    build_s, build_cpu_s = [], []
    big = None
    for _ in range(builds):
        big = nlentry.Catalog.from_dict(data)  # a new object each time: CatalogIndex.of caches per object
        gc.collect()
        t0, c0 = time.perf_counter(), time.process_time()
        CatalogIndex.of(big)
        build_s.append(time.perf_counter() - t0)
        build_cpu_s.append(time.process_time() - c0)
    progress(f"synthetic catalog: the index written to a cache file, then {builds} cached load(s)")
    load_s, load_cpu_s = cached_loads(data, builds)
    del data

    calls = {"ours": (nlentry_call(fixture), rounds), "dateparser": (dateparser_call(), dp_rounds),
             "big": (nlentry_call(big), rounds)}
    progress("warm-up: one untimed pass of each over the corpus")
    for call, _ in calls.values():
        warm_up(call, cases)
    progress(f"{len(cases)} phrases: nlentry.parse x {rounds} rounds (fixture catalog and 10k catalog),"
             f" dateparser x {dp_rounds} rounds, taking turns")
    us = per_phrase_us(calls, cases, CLOCKS[clock])
    ours, theirs, big_dist = (distribution(us[name]) for name in ("ours", "dateparser", "big"))
    del big, calls
    gc.collect()

    # 1. end to end, fixture catalog
    report.add("parse_median_us", "1. parse, median per phrase", ours["median"], "us", 40, "<=")
    report.add("parse_p90_us", "1. parse, p90", ours["p90"], "us")
    report.add("parse_p99_us", "1. parse, p99", ours["p99"], "us", 150, "<=")
    report.add("parse_max_us", "1. parse, slowest phrase", ours["max"], "us")

    # 2. dateparser side by side
    report.add("dateparser_median_us", "2. dateparser search_dates, median", theirs["median"], "us")
    report.add("dateparser_p90_us", "2. dateparser search_dates, p90", theirs["p90"], "us")
    report.add("speedup_vs_dateparser", "2. dateparser median / parse median",
               theirs["median"] / ours["median"], "x", 25, ">=",
               note="dateparser only finds dates; nlentry also reads times, durations and catalog names")

    # 3. the big catalog
    # with --clock cpu the build and the cached load are figures of CPU time too (the note gives the other)
    cpu = clock == "cpu"
    shown, other, other_name = (build_cpu_s, build_s, "wall") if cpu else (build_s, build_cpu_s, "CPU")
    report.add("big_index_build_s", "3. CatalogIndex.of(10k projects) build", statistics.median(shown),
               "s", 0.3, "<=", note=f"{builds} build(s), min {min(shown):.3f} s, max {max(shown):.3f} s; "
                                    f"{other_name} time median {statistics.median(other):.3f} s")
    shown, other = (load_cpu_s, load_s) if cpu else (load_s, load_cpu_s)
    report.add("big_index_load_s", "3. cached index of 10k projects, load", statistics.median(shown), "s",
               0.05, "<=", note=f"{builds} load(s) of nlentry.catalog.cache.cached_index, "
                                f"min {min(shown):.3f} s; "
                                f"{other_name} time median {statistics.median(other):.3f} s")
    report.add("big_parse_median_us", "3. parse with 10k catalog, median", big_dist["median"], "us",
               50, "<=")
    report.add("big_parse_p90_us", "3. parse with 10k catalog, p90", big_dist["p90"], "us")
    report.add("big_parse_p99_us", "3. parse with 10k catalog, p99", big_dist["p99"], "us")
    report.add("big_peak_rss_mb", "3. peak RSS, fresh process (index + parse)", rss.get("rss_peak_mb"), "MB",
               80, "<=", error=rss.get("error", ""),
               note=(f"before the index build (imports + catalog): {rss['rss_before_index_mb']:.1f} MB; "
                     f"after the build: {rss['rss_after_index_mb']:.1f} MB; "
                     f"VmHWM cross-check: {_fmt(rss['vm_hwm_mb'], 'MB')}") if "rss_peak_mb" in rss else "")
    report.add("big_index_tracemalloc_peak_mb", "3. tracemalloc peak of the index build",
               traced.get("tracemalloc_peak_mb"), "MB", error=traced.get("error", ""),
               note=(f"retained after the build: {traced['tracemalloc_retained_mb']:.1f} MB; "
                     f"{traced['keys']:,} keys, {traced['variants']:,} near-miss table entries")
               if "tracemalloc_peak_mb" in traced else "")
    report.add("baseline_peak_rss_mb", "3. peak RSS, fresh process, fixture catalog",
               baseline.get("rss_peak_mb"), "MB", error=baseline.get("error", ""),
               note="the same corpus parse without the big index: the parser's own share of the peak")
    report.meta["memory_child"] = {"rss": rss, "tracemalloc": traced, "baseline": baseline}

    # 4. cold processes
    commands = cold_commands()
    progress(f"cold processes: {len(commands)} commands x {cold_n} runs (+1 warm-up each)")
    cold = cold_runs(commands, cold_n)
    for key, label, _ in commands:
        target = 150 if "nlentry" in key else None
        report.add(key + "_ms", f"4. cold: {label}", cold[key]["median"], "ms", target,
                   "<=" if target else "", error=cold[key].get("error", ""),
                   note=f"CPU time (user + sys) median {cold[key]['cpu_median']:.0f} ms, "
                        f"wall min {cold[key]['min']:.0f} ms")
    report.meta["cold"] = cold
    report.meta["loadavg_end"] = _loadavg()
    return report


def _loadavg() -> list[float] | None:
    """The 1, 5 and 15 minute load averages (None where the platform has none): busy machines time slow."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):
        return None


def profile(quick: bool, top: int) -> str:
    """cProfile of `nlentry.parse` over the corpus (fixture catalog, warmed up), by tottime."""
    import cProfile
    import io
    import pstats

    import nlentry

    cases = load_cases()
    call = nlentry_call(nlentry.Catalog.load(FIXTURE_CATALOG))
    warm_up(call, cases)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(1 if quick else 3):
        for case in cases:
            with contextlib.suppress(Exception):
                call(case)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    return out.getvalue()


# Where a phrase's time goes: each stage of `nlentry.api.parse`, timed by wrapping the function that does it.
STAGES: tuple[tuple[str, str, str], ...] = (
    # (stage, module, function): the name is looked up where `parse` (or `parse_items`) calls it
    ("normalise", "nlentry.grammar", "normalise"),
    ("detect", "nlentry.locales", "detect_chunks"),
    ("lex", "nlentry.grammar", "_chunks"),
    ("LALR driver", "nlentry.grammar", "_parse_stretch"),
    ("parse_items (all)", "nlentry.grammar", "parse_items"),
    ("semantics", "nlentry.api", "_read_items"),
    ("resolve", "nlentry.api", "resolve"),
    ("leftover words", "nlentry.api", "leftover_words"),
    ("fallback date", "nlentry.api", "fallback_date"),
    ("catalog index lookup", "nlentry.api", "CatalogIndex"),
    ("catalog match", "nlentry.api", "match_names"),
    ("unread/trace", "nlentry.api", "_trace_unread"),
    ("lone reading", "nlentry.api", "_doubt_lone_reading"),
    ("assemble", "nlentry.api", "assemble"),
)


def stage_times(cases: Sequence[Case], rounds: int, clock: Callable[[], int]) -> dict[str, float]:
    """Mean microseconds per phrase spent in each stage of `nlentry.parse` (fixture catalog), over
    `rounds` passes after a warm-up. Every stage function is wrapped by a timer (about 0.2 us each,
    counted in its stage); "grammar other" is parse_items less lexing and the driver, and "rest" is
    the whole call less every stage (checking the text, `now`, the trace's own appends)."""
    import importlib

    import nlentry
    from nlentry.catalog.index import CatalogIndex

    spent = dict.fromkeys([name for name, _, _ in STAGES], 0)
    originals = []

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            t0 = clock()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += clock() - t0
        return wrapper

    class TimedIndex:  # `CatalogIndex.of(...)` as parse calls it
        @staticmethod
        def of(catalog: Any) -> Any:
            t0 = clock()
            try:
                return CatalogIndex.of(catalog)
            finally:
                spent["catalog index lookup"] += clock() - t0

    call = nlentry_call(nlentry.Catalog.load(FIXTURE_CATALOG))
    warm_up(call, cases)
    for name, module_name, attr in STAGES:
        module = importlib.import_module(module_name)
        original = getattr(module, attr)
        originals.append((module, attr, original))
        setattr(module, attr, TimedIndex if attr == "CatalogIndex" else timed(name, original))
    total = 0
    try:
        for _ in range(rounds):
            for case in cases:
                t0 = clock()
                try:  # noqa: SIM105 - as in timed_pass
                    call(case)
                except Exception:
                    pass
                total += clock() - t0
    finally:
        for module, attr, original in originals:
            setattr(module, attr, original)
    n = rounds * len(cases) * 1000
    out = {name: ns / n for name, ns in spent.items()}
    out["grammar other"] = out.pop("parse_items (all)") - out["lex"] - out["LALR driver"]
    out["rest"] = total / n - sum(out.values())
    out["total"] = total / n
    return out


def format_stages(stages: dict[str, float]) -> str:
    width = max(map(len, stages))
    return "\n".join(f"{name:<{width}}  {us:6.1f} us" for name, us in stages.items())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer repetitions (CI smoke)")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ap.add_argument("--profile", action="store_true",
                    help="also profile nlentry.parse over the corpus (cProfile, by tottime)")
    ap.add_argument("--stages", action="store_true",
                    help="only the per-stage timers: mean us per phrase in each stage of nlentry.parse")
    ap.add_argument("--top", type=int, default=15, help="functions shown by --profile (default 15)")
    ap.add_argument("--clock", choices=sorted(CLOCKS), default="wall",
                    help="per-phrase samples in wall time (default) or CPU time (steadier on a busy machine)")
    ap.add_argument("--_memory-child", dest="memory_child", choices=["rss", "tracemalloc", "baseline"],
                    help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.memory_child:
        print(json.dumps(memory_child(args.memory_child)))
        return 0

    if args.stages:
        stages = stage_times(load_cases(), 1 if args.quick else 5, CLOCKS[args.clock])
        print(json.dumps(stages, indent=2) if args.json else format_stages(stages))
        return 0

    report = run(args.quick, args.clock)
    profile_text = profile(args.quick, args.top) if args.profile else ""
    if args.json:
        print(json.dumps({
            "meta": report.meta,
            "figures": {f.key: {"label": f.label, "value": f.value, "unit": f.unit, "target": f.target,
                                "op": f.op or None, "status": f.status or None,
                                **({"note": f.note} if f.note else {}),
                                **({"error": f.error} if f.error else {})}
                        for f in report.figures},
        }, indent=2))
        if profile_text:
            print(profile_text, file=sys.stderr)
        return 0
    m = report.meta
    big = m["big_catalog"]
    print(f"nlentry {m['nlentry']} · Python {m['python']} · lark {m['lark']} · dateparser {m['dateparser']}"
          f" · {m['platform']} · {m['cpus']} CPUs{' · --quick' if m['quick'] else ''}")
    print(f"load average at start {m['loadavg_start']}, at end {m['loadavg_end']}; "
          f"per-phrase clock: {m['clock']}")
    print(f"{m['phrases']} corpus phrases; fixture catalog {m['fixture_catalog']['projects']} projects; "
          f"big catalog {big['projects']:,} projects, {big['project_aliases']:,} project aliases, "
          f"{big['clients']:,} clients, {big['services']} services, {big['people']} people")
    print()
    print_table(report)
    if profile_text:
        print()
        print(profile_text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
