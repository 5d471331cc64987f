"""Load on the real server: `nlentry serve` in its own process on 127.0.0.1, this script the clients.

    python benchmarks/server_load.py                      # SQLite: /v1/parse, and Slack with a slow provider
    python benchmarks/server_load.py --workers 2 --seconds 10 --clients 64
    python benchmarks/server_load.py --database postgresql://nlentry@127.0.0.1/bench   # SQLite vs PostgreSQL
    python benchmarks/server_load.py --compare            # the same on a throwaway PostgreSQL cluster
    python benchmarks/server_load.py --database URL --single   # the first form, with the state in PostgreSQL

1. `POST /v1/parse` with `--clients` concurrent keep-alive connections for `--seconds` (after a warm-up):
   requests per second and latency percentiles (target: >= 1,000 req/s with p99 <= 50 ms, 64 clients).
2. The Slack slash command while the provider is slow: the user's provider is TimeTagger pointed at a
   stub that takes `--slow` seconds per request, and `auto_confirm = 0` makes every command save at once
   (commit, answer, then post after the answer). Reported: the answer's latency (target: p99 <= 100 ms).

The clients are plain asyncio streams speaking HTTP/1.1 (no client library in the measured path), in
this process; the server is a separate process (uvicorn with httptools and uvloop when installed,
access log off). The server's rate limit is lifted for the run (`rate_limit` in its config.toml); with
a database it is still counted, in the database (one statement for the requests that wait together,
at most one round trip a request), which is what a parse request costs there. The database must be
empty or at nlentry's schema (`nlentry db upgrade` is run).

`--database URL` (or `--compare`, which starts a throwaway cluster of tests/pg_cluster.py) measures the
JSON API in several set-ups in one run and prints them side by side: SQLite with one process, then
PostgreSQL with 1, 2 and 3 processes (`--processes`; uvicorn worker processes on one port). Each
set-up: `POST /v1/parse` flat out and at the `--rate` loads (default 1,000 and 1,200 a second: the
target is p99 <= 50 ms at 1,000), and `POST /v1/entries` (a sure phrase, saved to the local provider)
flat out and at `--entries-rate`. Then the database round trips of one request: one process is started
on a relay that counts the exchanges the server has with PostgreSQL (each ReadyForQuery the database
sends ends one), and `--count` parse requests, then as many entries, are sent one at a time (the worker
is idle meanwhile: `flush_interval` is an hour). A parse request may cost at most one round trip.
No Slack load in this mode. The relay speaks to the database without TLS (`sslmode=disable`).
The CPU time of `/v1/parse` flat out is reported a request: the server's processes and, on the
throwaway cluster, the database's (postgres shares the cores with the server and the clients).

`--against DIR` measures only `POST /v1/parse` flat out, on one process, for this tree and for the
nlentry in DIR (an older commit: `git archive 0ebe933 | tar -x -C /tmp/old`), both served from the same
home, in alternating rounds (`--rounds`, default 5) so that drift in the machine's load hits both
alike; it prints each round, the median of each, and their ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlentry.server.slack import sign  # noqa: E402

SECRET = "benchmark-signing-secret-0123456789"
SLACK_USERS = 8


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def nlentry(home: Path, *args: str, stdin: str = "") -> str:
    done = subprocess.run(
        [sys.executable, "-m", "nlentry", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, "NLENTRY_HOME": str(home)},
        check=True,
        cwd=ROOT,
    )
    return done.stdout.strip()


#: port -> the process id of the server `serve` started on it (for its CPU time)
SERVERS: dict[int, int] = {}


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a process has used so far (Linux: /proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def tree_cpu_seconds(pid: int | None) -> float:
    """User + system CPU seconds of a process and its descendants (uvicorn's workers, a database's
    backends) so far; 0.0 for None."""
    total, pending = 0.0, [pid] if pid else []
    while pending:
        process = pending.pop()
        with contextlib.suppress(OSError):
            total += cpu_seconds(process)
            for task in Path(f"/proc/{process}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
    return total


#: the process id of the throwaway cluster's postmaster (--compare without --database)
DATABASE_PID: int | None = None
#: per set-up of --compare: CPU microseconds a `/v1/parse` request (flat out) cost the server and the database
CPU: dict[str, tuple[float, float]] = {}


@contextmanager
def serve(home: Path, workers: int, tree: Path = ROOT):
    """`nlentry serve` on a free port (the nlentry package of `tree`: `-m` imports from the cwd)."""
    port = free_port()
    env = {**os.environ, "NLENTRY_HOME": str(home)}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "nlentry",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=tree,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5) as s:
                    s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    if s.recv(100).startswith(b"HTTP/1.1 200"):
                        break
            except OSError:
                time.sleep(0.1)
        else:
            raise SystemExit("the server did not start")
        time.sleep(0.5 * workers)  # every worker process up
        SERVERS[port] = process.pid
        yield port
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:  # posts to the slow provider still running: their entries are kept
            process.kill()
            process.wait()


class RoundTrips:
    """A TCP relay to PostgreSQL that counts the round trips of the connections made through it.

    Every exchange of the protocol (a simple query, or an extended-protocol batch up to its Sync) ends
    with one ReadyForQuery message (`Z`) from the database; a connection's first one ends its start-up,
    so the round trips are the `Z` messages after each connection's first. `url(database_url)` is the
    database URL that goes through the relay (without TLS, which the relay could not read).
    """

    def __init__(self, database_url: str) -> None:
        from urllib.parse import urlsplit

        parts = urlsplit(database_url)
        if not parts.hostname:
            raise SystemExit("counting round trips needs a host in the database URL (not a Unix socket)")
        self.upstream = (parts.hostname, parts.port or 5432)
        self.count = 0
        self._lock = threading.Lock()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, database_url: str) -> str:
        """`database_url` pointed at the relay, with TLS and GSS encryption off."""
        from urllib.parse import parse_qsl, urlsplit, urlunsplit

        parts = urlsplit(database_url)
        credentials = parts.netloc.rpartition("@")[0]
        netloc = (credentials + "@" if credentials else "") + f"127.0.0.1:{self.port}"
        query = dict(parse_qsl(parts.query))
        query.update(sslmode="disable", gssencmode="disable")
        return urlunsplit((parts.scheme, netloc, parts.path, urlencode(query), ""))

    def _accept(self) -> None:
        while True:
            client, _ = self.listener.accept()
            server = socket.create_connection(self.upstream)
            threading.Thread(target=self._pipe, args=(client, server), daemon=True).start()
            threading.Thread(target=self._answers, args=(server, client), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_WR)

    def _answers(self, source: socket.socket, sink: socket.socket) -> None:
        """Pass the database's messages on, counting the ReadyForQuery ones but the first."""
        buffer, ready = b"", 0
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
                buffer += data
                while len(buffer) >= 5:
                    size = 1 + int.from_bytes(buffer[1:5], "big")
                    if len(buffer) < size:
                        break
                    if buffer[0] == ord("Z"):
                        ready += 1
                        if ready > 1:
                            with self._lock:
                                self.count += 1
                    buffer = buffer[size:]
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_WR)


def round_trips(home: Path, database: str, key: str, count: int) -> dict[str, float]:
    """Round trips to the database per request of `/v1/parse` and `/v1/entries`, one request at a time."""
    relay = RoundTrips(database)
    config = home / "config.toml"
    original = config.read_text(encoding="utf-8")
    lines = [f'database_url = "{relay.url(database)}"' if line.startswith("database_url") else line
             for line in original.splitlines()]
    config.write_text("\n".join(lines).replace("[server]", "[server]\nflush_interval = 3600", 1) + "\n",
                      encoding="utf-8")
    found = {}
    try:
        with serve(home, 1) as port:
            for path, texts in (("/v1/parse", PHRASES), ("/v1/entries", [SURE])):
                bodies = api_bodies(path, key, texts)

                async def one_at_a_time(n: int, bodies: list[bytes] = bodies, path: str = path) -> None:
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                    for i in range(n):
                        status = await exchange(reader, writer, bodies[i % len(bodies)])
                        if status >= 300:
                            raise SystemExit(f"{path} answered {status} while counting round trips")
                    writer.close()

                asyncio.run(one_at_a_time(10))  # the connections of the pool made, the journal opened
                before = relay.count
                asyncio.run(one_at_a_time(count))
                found[path] = (relay.count - before) / count
                print(f"database round trips of POST {path}: {relay.count - before} for {count} requests "
                      f"sent one at a time, {found[path]:.2f} per request", flush=True)
    finally:
        config.write_text(original, encoding="utf-8")
    return found


def request(path: str, body: bytes, headers: dict[str, str]) -> bytes:
    head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    return (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{head}Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body


async def exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, raw: bytes) -> int:
    writer.write(raw)
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    await reader.readexactly(length)
    return status


async def load(
    port: int, make: callable, clients: int, seconds: float, warmup: float, rate: float | None = None
) -> tuple[list[float], int, int]:
    """`clients` keep-alive connections sending for `seconds` after `warmup`.

    Without `rate`, each sends its next request as soon as the answer is in (a closed loop: the
    server runs flat out). With `rate` (requests per second, all clients together), requests are sent
    on a fixed schedule and latency counts from the scheduled instant, so time spent waiting behind a
    slow answer is counted too (no coordinated omission).
    """
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    start = time.perf_counter() + warmup
    stop = start + seconds
    interval = clients / rate if rate else 0.0

    async def client(n: int) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        i = 0
        due = time.perf_counter() + (interval * n / clients)
        while True:
            now = time.perf_counter()
            if now >= stop:
                break
            if rate:
                if due > now:
                    await asyncio.sleep(due - now)
                sent_at, due = due, due + interval
            else:
                sent_at = now
            status = await exchange(reader, writer, make(n, i))
            done = time.perf_counter()
            i += 1
            if sent_at >= start:
                latencies.append(done - sent_at)
                statuses[status] = statuses.get(status, 0) + 1
        writer.close()

    await asyncio.gather(*(client(n) for n in range(clients)))
    ok = sum(v for k, v in statuses.items() if k < 300)
    return latencies, ok, sum(statuses.values()) - ok


def report(name: str, latencies: list[float], ok: int, bad: int, seconds: float) -> None:
    ms = sorted(x * 1000 for x in latencies)
    q = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
    print(
        f"{name}: {len(ms) / seconds:,.0f} req/s over {seconds:g} s ({ok} ok, {bad} not 2xx); "
        f"latency p50 {q[49]:.1f} ms, p90 {q[89]:.1f} ms, p99 {q[98]:.1f} ms, max {ms[-1]:.1f} ms"
    )


class SlowTracker(BaseHTTPRequestHandler):
    """A TimeTagger stand-in that takes its time over everything."""

    delay = 2.0

    def _slow(self) -> None:
        sent = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        time.sleep(self.delay)
        try:  # a PUT of records: accept them all, as the real server does
            keys = [r["key"] for r in json.loads(sent)] if sent else []
        except (ValueError, TypeError, KeyError):
            keys = []
        body = json.dumps(
            {"records": [], "settings": [], "accepted": keys, "failed": [], "errors": []}
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_PUT = do_POST = _slow

    def log_message(self, *args: object) -> None:
        pass


def setup(home: Path, database: str | None, *, slack_base: str | None) -> str:
    """A server home with the user `bench` (the corpus catalog, local provider) and, when `slack_base`
    is given, SLACK_USERS users on a slow TimeTagger linked to Slack accounts; returns bench's API key."""
    home.mkdir()
    settings = ""
    if database:
        from nlentry.server.vault import new_key

        (home / "secret.key").write_text(new_key(), encoding="utf-8")
        (home / "secret.key").chmod(0o600)
        settings = f'database_url = "{database}"\nsecret_key_file = "{home / "secret.key"}"\n'
    (home / "config.toml").write_text(
        f'[server]\nrate_limit = 1000000000\nauto_confirm = 0.0\n{settings}'
        f'[slack]\nsigning_secret = "{SECRET}"\n',
        encoding="utf-8",
    )
    if database:
        nlentry(home, "db", "upgrade")
    nlentry(home, "users", "add", "bench")
    # where bench's journal reads it: the database on PostgreSQL, the user's folder on SQLite
    nlentry(home, "users", "catalog", "bench", "import", str(ROOT / "corpus" / "catalog.json"))
    key = nlentry(home, "apikey", "create", "bench")
    for n in range(SLACK_USERS if slack_base else 0):  # one user (one database, one provider) per account
        nlentry(
            home,
            "users",
            "add",
            f"slow{n}",
            "--provider",
            "timetagger",
            "--setting",
            f"base_url={slack_base}",
            "--setting",
            "token=-",
            stdin="slow-token-123456\n",
        )
        nlentry(home, "users", "link", f"slow{n}", "--slack", f"T1:U{n}")
    return key


PHRASES = [
    "2,5 uur met Rowan aan Timi gewerkt",
    "gisteren van 9 tot half 11 overleg met Erik",
    "yesterday 9-11:30 code review for Acme",
    "1h30 testing the webshop #release",
]
SURE = "2 uur overleg aan Webshop"  # saved at once (no doubt to ask about)


def api_bodies(path: str, key: str, texts: list[str]) -> list[bytes]:
    """The requests of `texts` to `path`; an entry is saved even if its reading were unsure (`confirm`),
    so every `/v1/entries` request measured saves one."""
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    extra = {"confirm": True} if path == "/v1/entries" else {}
    return [request(path, json.dumps({"text": t, **extra}).encode(), headers) for t in texts]


Figures = tuple[float, float, float, int, int]  # req/s, p50 ms, p99 ms, ok, not 2xx


def figures(latencies: list[float], ok: int, bad: int, seconds: float) -> Figures:
    ms = sorted(x * 1000 for x in latencies)
    q = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
    return len(ms) / seconds, q[49], q[98], ok, bad


def check_catalog(port: int, key: str) -> None:
    """Refuse to measure a server that reads phrases without the catalog (its project unresolved)."""
    import urllib.request

    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    asked = urllib.request.Request(f"http://127.0.0.1:{port}/v1/parse",
                                   data=json.dumps({"text": SURE}).encode(), headers=headers)
    with urllib.request.urlopen(asked, timeout=30) as answer:
        project = json.loads(answer.read()).get("project")
    if not project or project.get("name") != "Webshop":
        raise SystemExit(f"POST /v1/parse read {SURE!r} without the catalog (project {project!r})")


def api_runs(port: int, key: str, args: argparse.Namespace, name: str) -> dict[str, Figures]:
    """The JSON API's runs of one set-up: parse flat out and at each --rate, entries likewise; the CPU
    time of parse flat out (server and database, a request) goes to CPU[name]."""
    check_catalog(port, key)
    found: dict[str, Figures] = {}
    for path, texts, rates in (("/v1/parse", PHRASES, args.rate), ("/v1/entries", [SURE], args.entries_rate)):
        bodies = api_bodies(path, key, texts)

        def make(n: int, i: int, bodies: list[bytes] = bodies) -> bytes:
            return bodies[(n + i) % len(bodies)]

        for rate in [None, *rates]:
            offered = f"{rate:,.0f} req/s offered" if rate else "flat out"
            warmup = 1.0 if rate else 2.0
            before = tree_cpu_seconds(SERVERS[port]), tree_cpu_seconds(DATABASE_PID)
            run = asyncio.run(load(port, make, args.clients, args.seconds, warmup=warmup, rate=rate))
            report(f"POST {path}, {args.clients} clients, {offered}", *run, args.seconds)
            if path == "/v1/parse" and not rate:  # the warm-up's requests counted at the measured rate
                sent = len(run[0]) * (args.seconds + warmup) / args.seconds
                server, database = (1e6 * (tree_cpu_seconds(pid) - b) / sent
                                    for pid, b in zip((SERVERS[port], DATABASE_PID), before, strict=True))
                CPU[name] = (server, database)
                print(f"CPU a request: server {server:.0f} us, database {database:.0f} us", flush=True)
            found[f"{path} " + (f"@{rate:g}" if rate else "flat")] = figures(*run, args.seconds)
    return found


def against(args: argparse.Namespace, tmp: Path) -> None:
    """`POST /v1/parse` flat out on one process: this tree and the one in --against, rounds alternating."""
    other = Path(args.against).resolve()
    if not (other / "nlentry" / "__init__.py").exists():
        raise SystemExit(f"--against: no nlentry package in {other}")
    key = setup(tmp / "server", None, slack_base=None)
    bodies = api_bodies("/v1/parse", key, PHRASES)

    def parse(n: int, i: int) -> bytes:
        return bodies[(n + i) % len(bodies)]

    rates: dict[str, list[float]] = {str(other): [], "this tree": []}
    costs: dict[str, list[float]] = {str(other): [], "this tree": []}
    with serve(tmp / "server", 1, other) as old_port, serve(tmp / "server", 1) as new_port:
        for n in range(args.rounds):
            for name, port in ((str(other), old_port), ("this tree", new_port)):
                before = cpu_seconds(SERVERS[port])
                run = asyncio.run(load(port, parse, args.clients, args.seconds, warmup=1.0))
                used = cpu_seconds(SERVERS[port]) - before  # the warm-up's requests too
                report(f"round {n + 1}, {name}: POST /v1/parse, {args.clients} clients, flat out", *run,
                       args.seconds)
                rates[name].append(figures(*run, args.seconds)[0])
                costs[name].append(1e6 * used / (rates[name][-1] * (args.seconds + 1.0)))
    (old, new), (old_cpu, new_cpu) = ([statistics.median(v) for v in d.values()] for d in (rates, costs))
    print(f"median of {args.rounds} rounds: {other} {old:,.0f} req/s ({old_cpu:.0f} us server CPU a "
          f"request), this tree {new:,.0f} req/s ({new_cpu:.0f} us); ratio {new / old:.2f}x "
          f"({old_cpu / new_cpu:.2f}x in server CPU)")


def compare(args: argparse.Namespace, tmp: Path) -> None:
    """SQLite with one process, then PostgreSQL with each of --processes; one table at the end."""
    cluster = None
    database = args.database
    if not database:
        sys.path.insert(0, str(ROOT / "tests"))
        from pg_cluster import PgCluster

        cluster = PgCluster.start()
        database = cluster.database("bench")
        global DATABASE_PID
        DATABASE_PID = int((cluster.root / "data" / "postmaster.pid").read_text().split()[0])
    try:
        rows: list[tuple[str, dict[str, Figures]]] = []
        key = setup(tmp / "sqlite", None, slack_base=None)
        with serve(tmp / "sqlite", 1) as port:
            print("== SQLite, 1 process", flush=True)
            rows.append(("SQLite, 1 process", api_runs(port, key, args, "SQLite, 1 process")))
        key = setup(tmp / "postgresql", database, slack_base=None)
        for n in args.processes:
            with serve(tmp / "postgresql", n) as port:
                print(f"== PostgreSQL, {n} process{'es' if n > 1 else ''}", flush=True)
                name = f"PostgreSQL, {n} process{'es' if n > 1 else ''}"
                rows.append((name, api_runs(port, key, args, name)))
        print("== PostgreSQL, 1 process, through a relay counting round trips to the database", flush=True)
        trips = round_trips(tmp / "postgresql", database, key, args.count)
    finally:
        if cluster is not None:
            cluster.stop()
    columns = list(rows[0][1])
    print()
    print(f"{args.seconds:g} s per run, {args.clients} clients; req/s answered, p50 / p99 latency in ms "
          "(at an offered rate, from the scheduled send time); not-2xx answers in brackets when any")
    print("| set-up | " + " | ".join(columns) + " |")
    print("|---|" + "---|" * len(columns))
    for name, found in rows:
        cells = []
        for column in columns:
            rps, p50, p99, _, bad = found[column]
            cells.append(f"{rps:,.0f}/s, {p50:.1f} / {p99:.1f}" + (f" ({bad} not 2xx)" if bad else ""))
        print(f"| {name} | " + " | ".join(cells) + " |")
    print()
    sqlite = rows[0][1]["/v1/parse flat"][0]
    for name, found in rows[1:]:
        rps = found["/v1/parse flat"][0]
        print(f"{name}: /v1/parse flat out {rps:,.0f}/s, {rps / sqlite:.0%} of SQLite with one process "
              f"({'at least' if rps >= sqlite else 'below'} the SQLite figure)")
    where = "" if DATABASE_PID else " (the database's own: only with --compare's throwaway cluster)"
    for name, (server, database) in CPU.items():
        print(f"{name}: CPU a /v1/parse request flat out: server {server:.0f} us + database "
              f"{database:.0f} us = {server + database:.0f} us{where}")
    if 1000.0 in args.rate:
        for name, found in rows:
            p99 = found["/v1/parse @1000"][2]
            print(f"{name}: /v1/parse p99 at 1,000 req/s offered {p99:.1f} ms "
                  f"(target <= 50 ms: {'met' if p99 <= 50 else 'not met'} on this machine)")
    parse = trips["/v1/parse"]
    print(f"database round trips per request: /v1/parse {parse:.2f} (at most 1: "
          f"{'met' if parse <= 1 else 'NOT MET'}), /v1/entries {trips['/v1/entries']:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=1, help="server worker processes (default 1)")
    parser.add_argument("--clients", type=int, default=64, help="concurrent connections (default 64)")
    parser.add_argument("--seconds", type=float, default=10.0, help="measured seconds (default 10)")
    parser.add_argument("--slow", type=float, default=2.0, help="seconds the slow provider takes (default 2)")
    parser.add_argument("--database", metavar="URL",
                        help="compare SQLite with this PostgreSQL database (with --single: keep the "
                             "server's state in it)")
    parser.add_argument("--compare", action="store_true",
                        help="SQLite 1 process and PostgreSQL with --processes, side by side (JSON API only; "
                             "the default with --database)")
    parser.add_argument("--against", metavar="DIR",
                        help="POST /v1/parse only: this tree against the nlentry in DIR, same run")
    parser.add_argument("--rounds", type=int, default=5, help="--against: alternating rounds (default 5)")
    parser.add_argument("--processes", type=int, nargs="*", default=[1, 2, 3],
                        help="--compare: the PostgreSQL set-ups' process counts (default 1 2 3)")
    parser.add_argument("--single", action="store_true",
                        help="with --database: the one set-up of --workers (parse and Slack), no comparison")
    parser.add_argument("--count", type=int, default=200,
                        help="--compare: requests sent one at a time to count round trips (default 200)")
    rates = {
        "--rate": ([1000.0, 1200.0], "offered /v1/parse loads, req/s"),
        "--entries-rate": ([200.0], "--compare: offered /v1/entries loads, req/s"),
        "--slack-rate": ([20.0, 50.0], "offered Slack command rates, per second"),
    }
    for flag, (default, what) in rates.items():
        shown = " ".join(f"{r:g}" for r in default)
        parser.add_argument(flag, type=float, nargs="*", default=default, help=f"{what} (default {shown})")
    args = parser.parse_args()
    if args.database and not args.single:
        args.compare = True
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    state = "SQLite and PostgreSQL" if args.compare else "PostgreSQL" if args.database else "SQLite"
    print(
        f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} before the run; "
        f"server: {'see the set-ups' if args.compare else args.workers} uvicorn worker processes; "
        f"python {sys.version.split()[0]}; state: {state}"
    )

    with tempfile.TemporaryDirectory() as tmp:
        if args.against:
            against(args, Path(tmp))
            return
        if args.compare:
            compare(args, Path(tmp))
            return
        tracker = ThreadingHTTPServer(("127.0.0.1", 0), SlowTracker)
        SlowTracker.delay = args.slow
        threading.Thread(target=tracker.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{tracker.server_address[1]}/timetagger/api/v2"
        home = Path(tmp) / "server"
        key = setup(home, args.database, slack_base=base)

        with serve(home, args.workers) as port:
            check_catalog(port, key)
            bodies = api_bodies("/v1/parse", key, PHRASES)

            def parse(n: int, i: int) -> bytes:
                return bodies[(n + i) % len(bodies)]

            latencies, ok, bad = asyncio.run(load(port, parse, args.clients, args.seconds, warmup=2.0))
            report(f"POST /v1/parse, {args.clients} clients, flat out", latencies, ok, bad, args.seconds)
            for rate in args.rate:
                latencies, ok, bad = asyncio.run(
                    load(port, parse, args.clients, args.seconds, warmup=1.0, rate=rate)
                )
                report(
                    f"POST /v1/parse, {args.clients} clients, {rate:,.0f} req/s offered",
                    latencies,
                    ok,
                    bad,
                    args.seconds,
                )

            def slack(n: int, i: int) -> bytes:
                body = urlencode(
                    {
                        "team_id": "T1",
                        "user_id": f"U{n % SLACK_USERS}",
                        "command": "/tijd",
                        "text": f"{1 + (i % 4)} uur overleg aan Webshop",
                        "response_url": "",
                    }
                ).encode()
                stamp = str(int(time.time()))
                return request(
                    "/slack/commands",
                    body,
                    {
                        "X-Slack-Request-Timestamp": stamp,
                        "X-Slack-Signature": sign(SECRET, stamp, body),
                        "Content-Type": "application/x-www-form-urlencoded",
                    },
                )

            slow = (
                f"POST /slack/commands, provider taking {args.slow:g} s per post (saved at once, posted after"
            )
            latencies, ok, bad = asyncio.run(load(port, slack, SLACK_USERS, args.seconds, warmup=1.0))
            report(f"{slow} the answer), {SLACK_USERS} clients, flat out", latencies, ok, bad, args.seconds)
            for rate in args.slack_rate:
                latencies, ok, bad = asyncio.run(
                    load(port, slack, SLACK_USERS, args.seconds, warmup=1.0, rate=rate)
                )
                report(f"{slow} the answer), {rate:g} commands/s offered", latencies, ok, bad, args.seconds)
        tracker.shutdown()


if __name__ == "__main__":
    main()
