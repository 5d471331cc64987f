"""Load on the real server: `nlentry serve` in its own process on 127.0.0.1, this script the clients.

    python benchmarks/server_load.py                      # both measurements, default settings
    python benchmarks/server_load.py --workers 2 --seconds 10 --clients 64
    python benchmarks/server_load.py --database postgresql://nlentry@127.0.0.1/bench   # state in PostgreSQL
    python benchmarks/server_load.py --compare            # SQLite 1 process, PostgreSQL 1, 2, 3: one table

1. `POST /v1/parse` with `--clients` concurrent keep-alive connections for `--seconds` (after a warm-up):
   requests per second and latency percentiles (target: >= 1,000 req/s with p99 <= 50 ms, 64 clients).
2. The Slack slash command while the provider is slow: the user's provider is TimeTagger pointed at a
   stub that takes `--slow` seconds per request, and `auto_confirm = 0` makes every command save at once
   (commit, answer, then post after the answer). Reported: the answer's latency (target: p99 <= 100 ms).

The clients are plain asyncio streams speaking HTTP/1.1 (no client library in the measured path), in
this process; the server is a separate process (uvicorn with httptools and uvloop when installed,
access log off). The server's rate limit is lifted for the run (`rate_limit` in its config.toml); with
`--database` it is still counted, in the database (one statement per request), which is what a parse
request costs there. The database must be empty or at nlentry's schema (`nlentry db upgrade` is run).

`--against DIR` measures only `POST /v1/parse` flat out, on one process, for this tree and for the
nlentry in DIR (an older commit: `git archive 0ebe933 | tar -x -C /tmp/old`), both served from the same
home, in alternating rounds (`--rounds`, default 5) so that drift in the machine's load hits both
alike; it prints each round, the median of each, and their ratio.

`--compare` measures the JSON API in several set-ups in one run and prints them side by side: SQLite
with one process, then PostgreSQL (`--database`, or else a throwaway cluster of tests/pg_cluster.py)
with 1, 2 and 3 processes (`--processes`). Each set-up: `POST /v1/parse` flat out and at the `--rate`
loads, and `POST /v1/entries` (a sure phrase, saved to the local provider) flat out and at
`--entries-rate`. No Slack load in this mode.
"""

from __future__ import annotations

import argparse
import asyncio
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
    subprocess.run(
        [sys.executable, "-m", "nlentry", "catalog", "import", str(ROOT / "corpus" / "catalog.json")],
        env={**os.environ, "NLENTRY_HOME": str(home / "users" / "bench")},
        check=True,
        capture_output=True,
    )
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
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    return [request(path, json.dumps({"text": t}).encode(), headers) for t in texts]


Figures = tuple[float, float, float, int, int]  # req/s, p50 ms, p99 ms, ok, not 2xx


def figures(latencies: list[float], ok: int, bad: int, seconds: float) -> Figures:
    ms = sorted(x * 1000 for x in latencies)
    q = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
    return len(ms) / seconds, q[49], q[98], ok, bad


def api_runs(port: int, key: str, args: argparse.Namespace) -> dict[str, Figures]:
    """The JSON API's runs of one set-up: parse flat out and at each --rate, entries likewise."""
    found: dict[str, Figures] = {}
    for path, texts, rates in (("/v1/parse", PHRASES, args.rate), ("/v1/entries", [SURE], args.entries_rate)):
        bodies = api_bodies(path, key, texts)

        def make(n: int, i: int, bodies: list[bytes] = bodies) -> bytes:
            return bodies[(n + i) % len(bodies)]

        for rate in [None, *rates]:
            offered = f"{rate:,.0f} req/s offered" if rate else "flat out"
            warmup = 1.0 if rate else 2.0
            run = asyncio.run(load(port, make, args.clients, args.seconds, warmup=warmup, rate=rate))
            name = f"POST {path}, {args.clients} clients, {offered}"
            report(name, *run, args.seconds)
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
    try:
        rows: list[tuple[str, dict[str, Figures]]] = []
        key = setup(tmp / "sqlite", None, slack_base=None)
        with serve(tmp / "sqlite", 1) as port:
            print("== SQLite, 1 process", flush=True)
            rows.append(("SQLite, 1 process", api_runs(port, key, args)))
        key = setup(tmp / "postgresql", database, slack_base=None)
        for n in args.processes:
            with serve(tmp / "postgresql", n) as port:
                print(f"== PostgreSQL, {n} process{'es' if n > 1 else ''}", flush=True)
                rows.append((f"PostgreSQL, {n} process{'es' if n > 1 else ''}", api_runs(port, key, args)))
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=1, help="server worker processes (default 1)")
    parser.add_argument("--clients", type=int, default=64, help="concurrent connections (default 64)")
    parser.add_argument("--seconds", type=float, default=10.0, help="measured seconds (default 10)")
    parser.add_argument("--slow", type=float, default=2.0, help="seconds the slow provider takes (default 2)")
    parser.add_argument("--database", metavar="URL",
                        help="keep the server's state in this PostgreSQL database (default: server.db)")
    parser.add_argument("--compare", action="store_true",
                        help="SQLite 1 process and PostgreSQL with --processes, side by side (JSON API only)")
    parser.add_argument("--against", metavar="DIR",
                        help="POST /v1/parse only: this tree against the nlentry in DIR, same run")
    parser.add_argument("--rounds", type=int, default=5, help="--against: alternating rounds (default 5)")
    parser.add_argument("--processes", type=int, nargs="*", default=[1, 2, 3],
                        help="--compare: the PostgreSQL set-ups' process counts (default 1 2 3)")
    rates = {
        "--rate": ([1000.0, 1200.0], "offered /v1/parse loads, req/s"),
        "--entries-rate": ([200.0], "--compare: offered /v1/entries loads, req/s"),
        "--slack-rate": ([20.0, 50.0], "offered Slack command rates, per second"),
    }
    for flag, (default, what) in rates.items():
        shown = " ".join(f"{r:g}" for r in default)
        parser.add_argument(flag, type=float, nargs="*", default=default, help=f"{what} (default {shown})")
    args = parser.parse_args()
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
