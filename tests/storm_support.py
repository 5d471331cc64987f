"""The storm: quick-entry commands as real processes against a provider that fails at random.

Usage::

    with provider_target("timi", workdir) as target:           # a served fake, or the real TimeTagger
        result = run_storm(target, workdir, seed=7, steps=40)   # adds, amends, undos, flushes; then drain
    print(result.line())                                        # acknowledged, at provider, duplicates, ...
    assert result.problems() == []

What happens: `python -m nlentry add/amend/undo/flush` run one after another as subprocesses with
their own NLENTRY_HOME, configured to reach the provider through a `FaultProxy` on 127.0.0.1. The proxy
answers 500 or 429 (Toggl: or its 402 hourly quota) without passing the request on, or passes it on
and then holds the answer past the client's timeout (stored, outcome unknown), or SIGKILLs the running
command just before or just after passing a request on (mid-post); the runner also SIGKILLs commands
after a random delay. The hosted providers (Timi, Timeneye, Tyme, Toggl Track, Clockify, Harvest) are
their emulators (`fake.py`, untouched) served over HTTP; TimeTagger is the real server
(`TimeTaggerServer`). Afterwards the faults stop and `nlentry flush` runs until nothing is left.

What is checked (`StormResult.problems`): every acknowledged entry (the command printed it saved, or
kept in the outbox: exit 0 or 4 with a `posted`/`pending` state) is at the provider exactly once, in
its latest amended form (or the form of a later amend that was killed before it answered); every
acknowledged undo is gone; and the provider holds nothing but the journal's live entries, each once.

All randomness comes from one seed, so a failing run can be replayed (`--seed` of benchmarks/storm.py,
`STORM_SEED` for tests/test_storm.py). The command sequence and the proxy's decisions follow from the
seed; the timed kills and a loaded machine's timeouts may vary, which the checks do not depend on.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

from nlentry import config
from nlentry.booking.store import Store
from nlentry.providers.base import Provider, RemoteEntry

NOW = datetime.fromisoformat("2026-11-18T14:30:00+01:00")
DAYS = (NOW.date(), NOW.date() - timedelta(days=1))
#: the phrase added again and again (Timi and Timeneye cannot tell these apart by anything but their id)
SAME = "1 uur development aan Webshop overleg klant"
#: distinct descriptions: one word each (letters only, so nothing in them reads as a time)
WORDS = ("alfa", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett", "kilo",
         "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform",
         "victor", "whiskey", "xray", "yankee", "zulu")
#: what an amend says: a new length, or a new day
AMENDS = ("3 uur", "45 min", "2 uur", "90 min", "gisteren", "15 min")
HOSTED = ("timi", "timeneye", "tyme", "toggl", "clockify", "harvest")
PROVIDERS = (*HOSTED, "timetagger")


# --- the fault proxy -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Faults:
    """The chance of each fault for one request that reaches the proxy while it is armed."""

    server_error: float = 0.07       # 500, nothing passed on
    rate_limited: float = 0.07       # 429 with Retry-After: 1, nothing passed on
    slow_after_storing: float = 0.07  # passed on (stored), the answer held past the client's timeout
    kill_before: float = 0.03        # the command is killed as its request arrives (nothing stored)
    kill_after: float = 0.04         # the request is passed on (stored), then the command is killed

    def scaled(self, factor: float) -> Faults:
        """Every chance times `factor` (together at most 1)."""
        names = ("server_error", "rate_limited", "slow_after_storing", "kill_before", "kill_after")
        factor = min(factor, 1 / sum(getattr(self, n) for n in names))
        return Faults(**{n: getattr(self, n) * factor for n in names})

    def pick(self, roll: float) -> str:
        """The fault for a roll in [0, 1): one of the field names, or "pass"."""
        for name in ("server_error", "rate_limited", "slow_after_storing", "kill_before", "kill_after"):
            roll -= getattr(self, name)
            if roll < 0:
                return name
        return "pass"


Upstream = Callable[[httpx.Request], httpx.Response]


def too_many_requests() -> httpx.Response:
    """The injected 429: nothing passed on, come back in a second."""
    return httpx.Response(429, json={"message": "injected: rate limit exceeded"},
                          headers={"Retry-After": "1"})


def toggl_quota() -> httpx.Response:
    """Toggl's hourly quota used up (402, as `TogglFake` answers it), resetting in a second."""
    return httpx.Response(402, text="You have hit your hourly limit for API calls.",
                          headers={"X-Toggl-Quota-Remaining": "0", "X-Toggl-Quota-Resets-In": "1"})


class FaultProxy:
    """A real HTTP server on 127.0.0.1 passing requests to `upstream`, with faults drawn from `rng`.

    `armed` turns the faults on; `victim` is the pid a kill fault SIGKILLs (None: kills pass);
    `hold` is how long a slow answer is held (longer than the client's timeout); `limits` are the
    answers a `rate_limited` fault picks from (the provider's own limits: Toggl's 402 quota too);
    `tally` counts what was done to the requests.
    """

    def __init__(self, upstream: Upstream, rng: random.Random, faults: Faults, *, hold: float,
                 limits: tuple[Callable[[], httpx.Response], ...] = (too_many_requests,)) -> None:
        self.upstream = upstream
        self.limits = limits
        self.rng = rng
        self.faults = faults
        self.hold = hold
        self.armed = False
        self.victim: int | None = None
        self.tally: Counter[str] = Counter()
        #: what happened, in order (the runner adds its commands): for replaying a failure by eye
        self.log: list[str] = []
        self._lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                request = httpx.Request(self.command, f"{proxy.url}{self.path}",
                                        headers=[(k, v) for k, v in self.headers.items()
                                                 if k.lower() not in ("host", "content-length")],
                                        content=body)
                response = proxy.handle(request)
                if response is None:
                    self.close_connection = True
                    return
                data = response.content
                with contextlib.suppress(OSError):  # the client may be dead or have given up
                    self.send_response(response.status_code)
                    for key, value in response.headers.items():
                        if key.lower() not in ("content-length", "transfer-encoding", "connection",
                                               "content-encoding", "date", "server"):
                            self.send_header(key, value)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _answer

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def handle(self, request: httpx.Request) -> httpx.Response | None:
        """The answer to send, or None to close the connection without one."""
        with self._lock:  # one decision at a time, in arrival order
            fault = self.faults.pick(self.rng.random()) if self.armed else "pass"
            # one draw more only where there is a choice, so the other providers' seeds replay as before
            limit = self.rng.choice(self.limits) if len(self.limits) > 1 else self.limits[0]
            victim = self.victim
        if fault.startswith("kill") and victim is None:
            fault = "pass"
        if fault == "rate_limited" and limit is not too_many_requests:
            fault = limit.__name__
        self.tally[fault] += 1
        self.log.append(f"    {request.method} {request.url.path}: {fault}")
        if fault == "server_error":
            return httpx.Response(500, json={"message": "injected: internal server error"})
        if fault in ("rate_limited", limit.__name__):
            return limit()
        if fault == "kill_before":
            _kill(victim)
            return None
        response = self.upstream(request)
        response.read()
        if fault == "kill_after":
            _kill(victim)
            return None
        if fault == "slow_after_storing":
            time.sleep(self.hold)
            return None
        return response

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _kill(pid: int | None) -> None:
    """SIGKILL `pid` and wait until it runs no more (a zombie runs nothing), at most 5 s."""
    if pid is None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return
        if state in ("Z", "X"):
            return
        time.sleep(0.005)


class Forward:
    """An upstream that sends each request on to a real server (`root`: `http://127.0.0.1:<port>`)."""

    def __init__(self, root: str) -> None:
        self.client = httpx.Client(base_url=root, timeout=30.0)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        url = request.url.raw_path.decode("ascii")
        return self.client.request(request.method, url, headers=request.headers, content=request.content)

    def close(self) -> None:
        self.client.close()


# --- the providers -------------------------------------------------------------------------------


@dataclass
class Target:
    """A provider to storm: how the CLI reaches it (settings without the proxy's URL) and a reader."""

    name: str
    upstream: Upstream
    #: `[providers.<name>]` for the CLI; `base_url` is `proxy.url + path`
    settings: dict[str, Any]
    path: str
    #: reads the provider's state directly (not through the proxy)
    reader: Provider
    #: what a `rate_limited` fault answers (one picked at random)
    limits: tuple[Callable[[], httpx.Response], ...] = (too_many_requests,)

    def listed(self) -> list[RemoteEntry]:
        """Every entry the provider lists on the storm's days."""
        return [r for day in DAYS for r in self.reader.list_day(day)]


@contextlib.contextmanager
def provider_target(name: str, workdir: Path) -> Iterator[Target]:
    """The provider `name` ready to storm: a seeded emulator, or a new user of the real TimeTagger server."""
    if name == "timetagger":
        from nlentry.providers.timetagger import TimeTaggerProvider
        from nlentry.providers.timetagger.testing import CONTRACT_CATALOG, shared_server

        server = shared_server()
        _, token = server.new_user()
        reader = TimeTaggerProvider.from_settings({"base_url": server.api_url, "token": token})
        reader.import_catalog(CONTRACT_CATALOG)
        forward = Forward(server.root_url)
        try:
            yield Target(name, forward, {"token": token}, "/timetagger/api/v2", reader)
        finally:
            reader.close()
            forward.close()
        return
    fake, settings, path, reader_cm = _hosted(name)
    fake.rate_limit_after = None  # the proxy answers the 429s (and Toggl's 402s)
    limits = (too_many_requests, toggl_quota) if name == "toggl" else (too_many_requests,)
    with reader_cm as (reader, _):
        yield Target(name, fake, settings, path, reader, limits)


def _hosted(name: str) -> tuple[Any, dict[str, Any], str, Any]:
    if name == "timi":
        from nlentry.providers.timi import testing as timi

        timi_fake = timi.TimiFake.seeded(timi.CATALOG)
        return (timi_fake, {"email": timi_fake.email, "token": timi_fake.token}, "/api/v1/",
                timi.fake_provider(timi_fake))
    if name == "timeneye":
        from nlentry.providers.timeneye import testing as timeneye

        tn_fake = timeneye.TimeneyeFake.seeded(timeneye.CATALOG)
        return (tn_fake, {"token": tn_fake.personal_token}, "/api/v1", timeneye.fake_provider(tn_fake))
    if name == "tyme":
        from nlentry.providers.tyme import testing as tyme

        ty_fake = tyme.TymeFake.seeded(tyme.CATALOG)
        token = ty_fake.issue_token()["access_token"]
        return (ty_fake, {"token": token, "timezone": "Europe/Amsterdam"}, "",
                tyme.fake_provider(ty_fake, token=token))
    if name in ("toggl", "clockify", "harvest"):
        return _tracker(name)
    raise ValueError(f"no storm target {name!r} (one of {', '.join(PROVIDERS)})")


def _tracker(name: str) -> tuple[Any, dict[str, Any], str, Any]:
    """Toggl Track, Clockify or Harvest: their emulators seeded with the trackers' shared catalog.

    The workspace (account) is set, as `nlentry init` does. Harvest needs a task on every entry:
    `default_task` books a phrase that names no service (the storm's phrases name Development, which
    is also one of every project's tasks).
    """
    import importlib
    from zoneinfo import ZoneInfo

    testing = importlib.import_module(f"nlentry.providers.{name}.testing")
    fake = testing.WIRING.fake.seeded(testing.CATALOG)
    options: dict[str, Any] = {"default_task": "Development"} if name == "harvest" else {}
    workspace = {"toggl": {"workspace_id": getattr(fake, "default_workspace_id", None)},
                 "clockify": {"workspace_id": getattr(fake, "active_workspace", None)}}.get(name, {})
    settings = {**testing.WIRING.credentials(fake), **options, **workspace, "timezone": "Europe/Amsterdam"}
    reader = testing.fake_provider(fake, tz=ZoneInfo("Europe/Amsterdam"), **options)
    return fake, settings, httpx.URL(fake.BASE_URL).path.rstrip("/"), reader


# --- the commands --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ran:
    """One finished command: exit status (negative: killed by that signal), output, the JSON it printed."""

    args: tuple[str, ...]
    status: int
    out: str
    err: str
    #: still running after the time limit (then killed): a hang, not one of the storm's kills
    hung: bool = False

    @property
    def answer(self) -> dict[str, Any] | None:
        """The entry JSON printed by add/amend/undo, or None (killed before it printed, or none)."""
        try:
            data = json.loads(self.out)
        except ValueError:
            return None
        return data if isinstance(data, dict) else None

    @property
    def acknowledged(self) -> bool:
        """The command said the entry (or undo) was saved or kept in the outbox (exit 0 or 4, that state)."""
        answer = self.answer
        return answer is not None and self.status in (0, 4) and answer.get("state") in ("posted", "pending")


class Cli:
    """`python -m nlentry ...` with its own NLENTRY_HOME, as a subprocess that may be killed."""

    def __init__(self, home: Path, cache: Path, proxy: FaultProxy, *, limit: float = 120.0) -> None:
        self.home = home
        self.proxy = proxy
        self.limit = limit
        keep = {k: v for k, v in os.environ.items() if not k.startswith("NLENTRY_")}
        self.env = {**keep, "NLENTRY_HOME": str(home), "NLENTRY_CACHE_DIR": str(cache),
                    "NLENTRY_KEYRING": "0", "LANG": "C.UTF-8", "NO_COLOR": "1"}

    def configure(self, target: Target, *, timeout: float) -> None:
        """Point the home at the provider through the proxy; `timeout` is the client's, in seconds."""
        env = {"NLENTRY_HOME": str(self.home)}
        cfg = config.load(env)
        cfg.data.update({"default_provider": target.name, "catalog_max_age": 10 ** 9})
        config.save(cfg, env)
        settings = {**target.settings, "base_url": self.proxy.url + target.path, "timeout": timeout,
                    "max_wait": 1}
        config.set_provider_settings(target.name, settings, env)

    def run(self, *args: str, kill_after: float | None = None) -> Ran:
        """Run one command; SIGKILL it after `kill_after` seconds if it is still running then."""
        self.proxy.log.append(f"nlentry {' '.join(args)}" + (f" (kill after {kill_after:.2f} s)"
                                                              if kill_after is not None else ""))
        process = subprocess.Popen([sys.executable, "-m", "nlentry", *args], env=self.env, text=True,
                                   stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.proxy.victim = process.pid
        hung = False
        try:
            out, err = process.communicate(timeout=kill_after if kill_after is not None else self.limit)
        except subprocess.TimeoutExpired:
            hung = kill_after is None
            process.kill()
            out, err = process.communicate()
        finally:
            self.proxy.victim = None
        ran = Ran(tuple(args), process.returncode, out, err, hung=hung)
        answer = ran.answer or {}
        self.proxy.log.append(f"  -> exit {ran.status} {answer.get('state', '')} {answer.get('key', '')[:8]} "
                              f"{' '.join(err.split())[-160:]}")
        return ran


# --- the storm -----------------------------------------------------------------------------------


@dataclass
class Tracked:
    """What the user was told about one entry: its acknowledged form and later unanswered amends."""

    key: str
    form: tuple[date, int]
    #: forms of amends that were killed before they answered (any of them may be the latest)
    maybe: list[tuple[date, int]] = field(default_factory=list)
    undone: str = "no"  # "no", "maybe" (an undo was killed) or "yes" (acknowledged)


@dataclass
class StormResult:
    """The counts of one storm and what they mean."""

    provider: str
    seed: int
    steps: int
    acknowledged: int = 0
    at_provider: int = 0
    duplicates: int = 0
    lost: int = 0
    undone_still_there: int = 0
    wrong_form: int = 0
    stray: int = 0
    stuck: int = 0
    acked_undos: int = 0
    unacknowledged_kept: int = 0
    commands: Counter[str] = field(default_factory=Counter)
    #: adds of the one identical phrase (`SAME`), and commands that died by SIGKILL (either kind of kill)
    same_adds: int = 0
    killed: int = 0
    faults: Counter[str] = field(default_factory=Counter)
    flushes_to_quiet: int = 0
    seconds: float = 0.0
    details: list[str] = field(default_factory=list)
    #: the commands and what the proxy did to each request, in order
    log: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        """Every broken invariant, one line each (empty: the storm held)."""
        return list(self.details)

    def line(self) -> str:
        """The counts on one line."""
        return (f"storm {self.provider} seed={self.seed} steps={self.steps}: "
                f"acknowledged {self.acknowledged}, at provider {self.at_provider}, "
                f"duplicates {self.duplicates}, lost {self.lost}, "
                f"undone-still-there {self.undone_still_there}, wrong form {self.wrong_form}, "
                f"stray {self.stray}, stuck {self.stuck}; undone {self.acked_undos}, "
                f"unacknowledged but kept {self.unacknowledged_kept}; "
                f"flushes to quiet {self.flushes_to_quiet}, {self.seconds:.0f} s; "
                f"commands {dict(sorted(self.commands.items()))} (same phrase {self.same_adds}, "
                f"killed {self.killed}); faults {dict(sorted(self.faults.items()))}")


def run_storm(target: Target, workdir: Path, *, seed: int, steps: int, faults: Faults = Faults(),
              timeout: float = 1.0, kill_chance: float = 0.12, same: float = 0.5) -> StormResult:
    """`steps` random commands against `target` under faults, then flush until quiet, then the checks.

    `timeout` is the client's (seconds); `kill_chance` the share of commands killed after a random
    delay; `same` the share of adds that use the one identical phrase.
    """
    started = time.monotonic()
    rng = random.Random(seed)
    proxy = FaultProxy(target.upstream, random.Random(rng.random()), faults, hold=timeout + 0.4,
                       limits=target.limits)
    home = workdir / f"home-{target.name}"
    cli = Cli(home, workdir / "grammar-cache", proxy)
    result = StormResult(target.name, seed, steps)
    tracked: dict[str, Tracked] = {}
    try:
        cli.configure(target, timeout=30.0)  # the catalog, before the storm
        synced = cli.run("sync")
        if synced.status != 0:
            raise RuntimeError(f"nlentry sync failed: {synced.err.strip()}")
        cli.configure(target, timeout=timeout)
        proxy.armed = True
        for step in range(steps):
            _step(cli, rng, tracked, result, step, kill_chance, same)
        proxy.armed = False
        cli.configure(target, timeout=30.0)  # a loaded machine must not keep the outbox from draining
        for round_ in range(1, 11):
            ran = cli.run("flush")
            result.flushes_to_quiet = round_
            if ran.status == 0 and ran.out.startswith("nothing to flush"):
                break
        _check(target, home, tracked, result)
    finally:
        result.faults = proxy.tally
        result.log = proxy.log
        proxy.close()
        result.seconds = time.monotonic() - started
    return result


def _step(cli: Cli, rng: random.Random, tracked: dict[str, Tracked], result: StormResult, step: int,
          kill_chance: float, same: float) -> None:
    kill_after = rng.uniform(0.02, 0.6) if rng.random() < kill_chance else None
    live = [k for k, t in tracked.items() if t.undone == "no"]  # oldest first
    roll = rng.random()
    if roll < 0.08 or (roll < 0.45 and not live):
        ran = cli.run("flush", kill_after=kill_after)
        result.commands["flush"] += 1
    elif roll < 0.30:
        entry = tracked[_target(rng, live)]
        phrase = rng.choice(AMENDS)
        ran = cli.run("amend", "--key", entry.key, phrase, "--json", "--now", NOW.isoformat(),
                      kill_after=kill_after)
        result.commands["amend"] += 1
        if ran.acknowledged:
            entry.form, entry.maybe = _form(ran.answer or {}), []
        else:  # it may have been committed before it was killed: from any form the entry may have now
            later = [_amended(base, phrase) for base in (entry.form, *entry.maybe)]
            entry.maybe = list(dict.fromkeys([*entry.maybe, *later]))
    elif roll < 0.45:
        entry = tracked[_target(rng, live)]
        ran = cli.run("undo", entry.key, "--json", kill_after=kill_after)
        result.commands["undo"] += 1
        entry.undone = "yes" if ran.acknowledged else "maybe"
    else:
        phrase = SAME if rng.random() < same else \
            f"{15 * rng.randint(1, 8)} min development aan Webshop klus {WORDS[step % len(WORDS)]}"
        ran = cli.run("add", phrase, "--yes", "--json", "--now", NOW.isoformat(), kill_after=kill_after)
        result.commands["add"] += 1
        result.same_adds += phrase == SAME
        if ran.acknowledged:
            answer = ran.answer or {}
            tracked[answer["key"]] = Tracked(answer["key"], _form(answer))
    result.killed += ran.status == -signal.SIGKILL
    if ran.hung or ran.status not in (0, 4) and ran.status != -signal.SIGKILL:
        result.details.append(f"nlentry {' '.join(ran.args)} exited {ran.status}: {ran.err.strip()[-300:]}")


def _target(rng: random.Random, live: list[str]) -> str:
    """What an amend or undo acts on: mostly the newest entry (as people fix what they just logged)."""
    return live[-1] if rng.random() < 0.6 else rng.choice(live)


def _amended(form: tuple[date, int], phrase: str) -> tuple[date, int]:
    """The form an amend phrase gives to an entry of `form` (amends are by length or by day)."""
    day, seconds = form
    if phrase == "gisteren":
        return DAYS[1], seconds
    number, unit = phrase.split()
    return day, int(number) * (3600 if unit == "uur" else 60)


def _check(target: Target, home: Path, tracked: dict[str, Tracked], result: StormResult) -> None:
    """Compare the provider with what the user was told and with the journal (see the module docstring)."""
    with Store.open({"NLENTRY_HOME": str(home)}) as store:
        rows = store.query("SELECT key, state, deleted, remote_id, entry, last_error FROM outbox")
    items = {r["key"]: r for r in rows}
    listed = target.listed()
    at: dict[str, list[RemoteEntry]] = {}
    for remote in listed:
        at.setdefault(str(remote.remote_id), []).append(remote)
    forms = {key: _form({"entry": json.loads(r["entry"])}) for key, r in items.items()}
    owners: Counter[str] = Counter(str(r["remote_id"]) for r in rows if r["remote_id"] and not r["deleted"])
    problems = result.details

    for key, r in items.items():
        if r["state"] != "posted":
            result.stuck += 1
            problems.append(f"{key[:8]} still {r['state']} after the drain: {r['last_error']}")
    for remote_id, count in owners.items():
        if count > 1:
            result.duplicates += count - 1
            problems.append(f"{count} journal entries own one remote entry {remote_id}")

    result.acknowledged = len(tracked)
    for key, t in sorted(tracked.items()):
        item = items.get(key)
        if item is None:
            result.lost += 1
            problems.append(f"{key[:8]} acknowledged, but gone from the journal")
            continue
        copies = at.get(str(item["remote_id"]), []) if item["remote_id"] else []
        if t.undone == "yes" or (t.undone == "maybe" and item["deleted"]):
            result.acked_undos += t.undone == "yes"
            if not item["deleted"]:
                problems.append(f"{key[:8]} undo acknowledged, but not undone in the journal")
            if copies:
                result.undone_still_there += 1
                problems.append(f"{key[:8]} undone, but still at {target.name}")
            continue
        if len(copies) != 1:
            result.lost += not copies
            problems.append(f"{key[:8]} acknowledged, at {target.name} {len(copies)} times "
                            f"(remote id {item['remote_id']})")
            continue
        remote = copies[0]
        if (remote.date, remote.duration) != forms[key] or forms[key] not in (t.form, *t.maybe):
            result.wrong_form += 1
            problems.append(f"{key[:8]} at {target.name} as {(remote.date, remote.duration)}, journal "
                            f"{forms[key]}, acknowledged {t.form} (or {t.maybe})")
            continue
        result.at_provider += 1

    for remote_id, copies in at.items():
        owner = next((k for k, r in items.items() if str(r["remote_id"]) == remote_id and not r["deleted"]),
                     None)
        if owner is not None:
            if len(copies) > 1:
                result.duplicates += len(copies) - 1
                problems.append(f"remote id {remote_id} listed {len(copies)} times")
            elif owner not in tracked and (copies[0].date, copies[0].duration) != forms[owner]:
                result.wrong_form += 1
                problems.append(f"{owner[:8]} (unacknowledged) at {target.name} as "
                                f"{(copies[0].date, copies[0].duration)}, journal {forms[owner]}")
            continue
        # an undone entry's copy: its remote id is known, or (TimeTagger, Tyme) made from its key
        undone_owner = any(str(r["remote_id"]) == remote_id or r["key"] in remote_id for r in rows)
        for copy in copies:
            if undone_owner:
                result.undone_still_there += 1
                problems.append(f"remote {remote_id} belongs to an undone entry, still at {target.name}")
            elif (copy.date, copy.duration) in forms.values():
                result.duplicates += 1
                problems.append(f"remote {remote_id} {(copy.date, copy.duration)} is owned by no journal "
                                "entry: a double")
            else:
                result.stray += 1
                problems.append(f"remote {remote_id} {(copy.date, copy.duration)} is owned by no entry")

    live = {k for k, r in items.items() if not r["deleted"]}
    result.unacknowledged_kept = len(live - set(tracked))
    for key in sorted(live - set(tracked)):
        r = items[key]
        if not r["remote_id"] or str(r["remote_id"]) not in at:
            result.lost += 1
            problems.append(f"{key[:8]} (kept in the journal, unacknowledged) is not at {target.name}")


def _form(answer: dict[str, Any]) -> tuple[date, int]:
    """(day, seconds) of the entry in a command's JSON answer (or a journal row read as one)."""
    entry = answer["entry"]
    return date.fromisoformat(entry["date"]), int(entry["duration"])
