"""Several real `nlentry serve` processes on one database, a provider that is slow and fails, one process
SIGKILLed mid-run: every entry the server acknowledged is at the provider exactly once.

The set-up, all of it real processes and sockets:

- two or three `python -m nlentry serve` processes over one NLENTRY_HOME and one PostgreSQL database
  (tests/pg_cluster.py), or one process on SQLite (the single box);
- three users: two on the real TimeTagger server, one on Timi (its emulator, `fake.py`, served over
  HTTP); each provider is behind a `FaultProxy` (tests/storm_support.py) that answers 500, 429 with
  Retry-After, or stores the request and holds the answer past the client's timeout; every request it
  passes on is also slowed down a little;
- Slack's `response_url` is an HTTPS server of this test (a certificate made here, trusted by the server
  processes through SSL_CERT_FILE), so the message a button click ends in is seen as Slack would see it.

The load, spread over the processes at random by concurrent clients: `POST /v1/parse`, `POST /v1/entries`,
Slack slash commands followed by a click on Confirm, Telegram messages followed by a click on Confirm.
Every chat entry asks for confirmation (`auto_confirm` above 1), and the click goes to another process
than the message when there is one. Some deliveries are retried the way Slack and Telegram retry (the
same `trigger_id` with `X-Slack-Retry-Num`, the same `update_id`), on another process, and every
delivery that met a dead process is retried on a live one. Part-way through, one process is SIGKILLed
and started again. Then the faults stop and the test waits until every user's entries are posted
(`GET /v1/entries` on the server).

What is counted and asserted, from the answers the clients got and the providers' own records (each
entry's description carries a word of its own): every acknowledged entry (a 201 of `/v1/entries`; the
Slack message or Telegram answer with the entry's Undo button) is at its user's provider exactly once;
nothing is there twice; an unacknowledged entry (its process was killed) is there at most once; no
retried delivery comes to two outcomes, and none goes unanswered because an attempt that died recorded
it; no live process answers 5xx; nothing stays unposted. The counts are
printed on one line. The seed is fixed (`MULTIPROCESS_SEED=<n>` replays another load; timings vary).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import os
import random
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from conftest import SLACK_SECRET, TELEGRAM_SECRET, backend_config
from storm_support import FaultProxy, Faults, Target, provider_target

from nlentry.providers.timetagger.testing import timetagger_installed
from nlentry.server.slack import sign

pytestmark = pytest.mark.slow

SEED = int(os.environ.get("MULTIPROCESS_SEED", "11"))
#: the load: scenarios of each kind (a chat scenario is a message, sometimes its retry, a click, sometimes
#: its retry); about 2,500 HTTP requests in all
LOAD = {"parse": 1000, "entry": 360, "slack": 220, "telegram": 220}
CLIENTS = 12
#: the share of chat deliveries sent a second time on another process (as Slack and Telegram retry)
RETRY_SHARE = 0.25
#: faults of each request that reaches a provider while the load runs (no kills: the test kills)
FAULTS = Faults(server_error=0.06, rate_limited=0.06, slow_after_storing=0.04, kill_before=0.0,
                kill_after=0.0)
#: seconds a provider request is held on top (chosen at random up to this): a slow provider
SLOW = 0.15
#: the provider clients' timeout, seconds (a `slow_after_storing` answer comes later than this)
PROVIDER_TIMEOUT = 2.0
DRAIN_LIMIT = 240.0


# --- the pieces ------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for `localhost` and its key (PEM files), for the fake Slack `response_url`."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "slack-cert.pem", folder / "slack-key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_file, key_file


class SlackSink:
    """Slack's side of `response_url`: an HTTPS server on localhost keeping each message by its path."""

    def __init__(self, cert: Path, key: Path) -> None:
        self.messages: dict[str, list[dict[str, Any]]] = {}
        sink = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                sink.messages.setdefault(self.path, []).append(json.loads(body))
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.url = f"https://localhost:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class Served:
    """One `python -m nlentry serve` process on a port of its own; killed and started again at will."""

    def __init__(self, name: str, home: Path, env: dict[str, str], logs: Path) -> None:
        self.name = name
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.home, self.env, self.logs = home, env, logs
        self.process: subprocess.Popen[bytes] | None = None
        self.generation = 0
        self.up = False

    def start(self) -> None:
        self.generation += 1
        log = open(self.logs / f"{self.name}-{self.generation}.log", "wb")  # noqa: SIM115 - the child's
        with log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "nlentry", "serve", "--port", str(self.port),
                 "--log-level", "warning"],
                env=self.env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 60
        while True:
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"{self.base}/readyz", timeout=2).status_code == 200:
                    break
            assert self.process.poll() is None, self.output()
            assert time.monotonic() < deadline, f"{self.name} did not start: {self.output()}"
            time.sleep(0.1)
        self.up = True

    def kill(self) -> None:
        """SIGKILL, as a crash or the OOM killer would."""
        assert self.process is not None
        self.up = False
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.up = False

    def output(self) -> str:
        """What every generation of this process printed (the last 3,000 characters)."""
        text = "".join(p.read_text(errors="replace") for p in sorted(self.logs.glob(f"{self.name}-*.log")))
        return text[-3000:]


def nlentry(home: Path, *args: str, stdin: str = "") -> str:
    """An administrative command on the server's home (`nlentry users ...`, `nlentry apikey ...`)."""
    keep = {k: v for k, v in os.environ.items() if not k.startswith("NLENTRY_")}
    done = subprocess.run([sys.executable, "-m", "nlentry", *args], input=stdin, capture_output=True,
                          text=True, env={**keep, "NLENTRY_HOME": str(home), "NLENTRY_KEYRING": "0"},
                          timeout=120)
    assert done.returncode == 0, f"nlentry {' '.join(args)}: {done.stderr}"
    return done.stdout.strip()


@dataclass
class Account:
    """An nlentry user of the server, its provider behind a proxy, and its chat identities."""

    user: str
    target: Target
    proxy: FaultProxy
    slack: str  # Slack user id (team T1)
    telegram: int
    key: str = ""  # API key


class Slowed:
    """An upstream that takes up to `SLOW` seconds more per request while `on`."""

    def __init__(self, upstream: Any, rng: random.Random) -> None:
        self.upstream, self.rng, self.on = upstream, rng, True
        self._lock = threading.Lock()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if self.on:
            with self._lock:
                delay = self.rng.uniform(0, SLOW)
            time.sleep(delay)
        return self.upstream(request)


# --- the counts ------------------------------------------------------------------------------------


@dataclass
class Tally:
    """What the clients were told and what the providers hold."""

    backend: str
    processes: int
    requests: Counter[str] = field(default_factory=Counter)
    #: token -> (user, how it was acknowledged)
    acknowledged: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: tokens whose entry may have been saved without an acknowledgement (the answer was lost)
    unanswered: set[str] = field(default_factory=set)
    #: acknowledged entries at their user's provider exactly once
    at_provider: int = 0
    #: copies beyond the first of any entry; acknowledged entries not there; records no request made
    duplicates: int = 0
    lost: int = 0
    stray: int = 0
    #: unanswered entries that are at the provider (once: more would be duplicates)
    unacknowledged_there: int = 0
    #: entries not posted when the drain gave up
    stuck: int = 0
    #: chat confirmations clicked on another process than the one that asked
    confirmed_across: int = 0
    #: deliveries sent more than once; of those, handled (answered with content) more than once
    retried: int = 0
    handled_twice: int = 0
    #: deliveries whose process died before answering, and whose retry was answered empty ("handled")
    swallowed: int = 0
    #: answers 5xx; requests that found no process or lost it
    server_errors: int = 0
    transport_errors: int = 0
    #: which process was killed when, what it was answering then, what it answered after its restart
    killed: str = ""
    in_flight_at_kill: int = 0
    answered_after_restart: int = 0
    faults: Counter[str] = field(default_factory=Counter)
    drain_seconds: float = 0.0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    def line(self) -> str:
        kinds = Counter(how for _, how in self.acknowledged.values())
        return (f"multiprocess {self.backend} processes={self.processes} seed={SEED}: "
                f"acknowledged {len(self.acknowledged)} {dict(sorted(kinds.items()))}, "
                f"at provider {self.at_provider}, "
                f"duplicates {self.duplicates}, lost {self.lost}, stray {self.stray}, stuck {self.stuck}; "
                f"unacknowledged but at provider {self.unacknowledged_there} (of {len(self.unanswered)} "
                f"unanswered); confirmed through another process {self.confirmed_across}; "
                f"retried deliveries {self.retried} (handled twice {self.handled_twice}, "
                f"unanswered and the retry swallowed {self.swallowed}); "
                f"5xx {self.server_errors}, connection errors {self.transport_errors}; "
                f"killed {self.killed} with {self.in_flight_at_kill} requests in flight, "
                f"{self.answered_after_restart} answered after its restart; "
                f"requests {sum(self.requests.values())} {dict(sorted(self.requests.items()))}; "
                f"faults {dict(sorted(self.faults.items()))}; drain {self.drain_seconds:.0f} s, "
                f"{self.seconds:.0f} s in all")


# --- the load --------------------------------------------------------------------------------------


class Load:
    """The clients: scenarios drawn from one seed, sent to the processes over HTTP."""

    def __init__(self, processes: list[Served], accounts: list[Account], sink: SlackSink,
                 tally: Tally, rng: random.Random) -> None:
        self.processes = processes
        self.accounts = accounts
        self.sink = sink
        self.tally = tally
        self.rng = rng
        self.in_flight: Counter[str] = Counter()
        #: answers by process and generation (a restarted process is generation 2)
        self.answered: Counter[tuple[str, int]] = Counter()
        self.update_id = 1000
        self.words = 0
        #: Slack clicks waiting for their message: (response path, token, user, the process of the
        #: message, the process of the click)
        self.clicks: list[tuple[str, str, str, Served, Served]] = []

    # --- helpers

    def token(self) -> str:
        """A word of seven letters no other entry has (and in which nothing reads as a time)."""
        self.words += 1
        n, letters = self.words, []
        for _ in range(6):
            n, r = divmod(n, 21)
            letters.append("bcdfghjklmnpqrstvwxz"[r % 20] if r < 20 else "y")
        return "q" + "".join(letters)

    def phrase(self, token: str) -> str:
        minutes = 5 * self.rng.randint(1, 11)
        return self.rng.choice([f"{minutes} min overleg {token}", f"{minutes} minutes code review {token}",
                                f"{minutes} min development {token}"])

    def pick(self, avoid: Served | None = None) -> Served:
        """A process at random (another than `avoid` when there is one that is up)."""
        live = [p for p in self.processes if p.up] or self.processes
        other = [p for p in live if p is not avoid]
        return self.rng.choice(other or live)

    async def send(self, client: httpx.AsyncClient, process: Served, method: str, path: str,
                   **kwargs: Any) -> httpx.Response | None:
        """One request; None when the connection failed (the process was down or died meanwhile)."""
        self.tally.requests[path.split("?")[0]] += 1
        self.in_flight[process.name] += 1
        try:
            response = await client.request(method, process.base + path, **kwargs)
        except httpx.TransportError:
            self.tally.transport_errors += 1
            return None
        finally:
            self.in_flight[process.name] -= 1
        self.answered[(process.name, process.generation)] += 1
        if response.status_code >= 500:
            self.tally.server_errors += 1
        if response.status_code >= 300:
            self.tally.problems.append(f"{process.name} answered {response.status_code} to {method} {path}: "
                                       f"{response.text[:300]}")
        return response

    async def deliver(self, client: httpx.AsyncClient, first: Served,
                      request: Any) -> tuple[dict[str, Any] | None, Served, bool]:
        """A chat delivery as Slack or Telegram makes it: sent to `first`; sometimes sent again at once
        to another process (the platform's retry, the first answer having been late); and sent again as
        long as it met no live process. `request(process, attempt)` sends one attempt: None when the
        connection failed, else the answer (empty when the process had handled the delivery before).
        Returns the one answer with content (None if none), the process that gave it, and whether any
        process answered at all."""
        attempts = [first]
        if self.rng.random() < RETRY_SHARE:
            attempts.append(self.pick(avoid=first))
        answers = list(await asyncio.gather(*(request(p, n) for n, p in enumerate(attempts))))
        deadline = time.monotonic() + 90
        while all(a is None for a in answers) and time.monotonic() < deadline:  # the platform retries
            await asyncio.sleep(0.3)
            process = self.pick(avoid=attempts[-1])
            answers = [await request(process, len(attempts))]
            attempts.append(process)
        self.tally.retried += len(attempts) > 1
        handled = [(a, p) for a, p in zip(answers, attempts[-len(answers):], strict=True) if a]
        if len({outcome(a) for a, _ in handled}) > 1:  # attempts of one delivery come to one outcome
            self.tally.handled_twice += 1
            self.tally.problems.append(f"one delivery handled to {len(handled)} outcomes (by "
                                       f"{', '.join(p.name for _, p in handled)}): {handled}")
        answered = any(a is not None for a in answers)
        return (*handled[0], True) if handled else (None, first, answered)

    # --- the scenarios

    async def parse(self, client: httpx.AsyncClient, account: Account) -> None:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:  # reading is safe to repeat: tried elsewhere on no connection
            r = await self.send(client, self.pick(), "POST", "/v1/parse", json={"text": self.phrase("parse")},
                                headers={"Authorization": f"Bearer {account.key}"})
            if r is not None:
                return
            await asyncio.sleep(0.3)

    async def entry(self, client: httpx.AsyncClient, account: Account) -> None:
        token = self.token()
        r = await self.send(client, self.pick(), "POST", "/v1/entries",
                            json={"text": self.phrase(token), "confirm": True},
                            headers={"Authorization": f"Bearer {account.key}"})
        if r is None:  # no answer: maybe saved, maybe not (an API client cannot know; it does not retry)
            self.tally.unanswered.add(token)
        elif r.status_code == 201 and token in r.json()["entry"]["description"]:
            self.tally.acknowledged[token] = (account.user, f"api {r.json()['state']}")
        elif r.status_code < 300:
            self.tally.problems.append(f"/v1/entries answered {r.status_code}: {r.text[:200]}")

    async def slack(self, client: httpx.AsyncClient, account: Account) -> None:
        token, trigger = self.token(), uuid.uuid4().hex
        form = {"trigger_id": trigger, "team_id": "T1", "user_id": account.slack, "command": "/tijd",
                "text": self.phrase(token), "response_url": f"{self.sink.url}/commands/{trigger}"}

        async def command(process: Served, attempt: int) -> dict[str, Any] | None:
            r = await self.send(client, process, "POST", "/slack/commands",
                                **slack_request(urlencode(form).encode(), attempt))
            if r is None:
                return None
            return r.json() if r.status_code == 200 and r.content else {}

        answer, asked, answered = await self.deliver(client, self.pick(), command)
        self.tally.swallowed += answer is None and answered
        confirm = button_value(answer, "confirm") if answer else None
        if confirm is None:
            if answer is not None:
                self.tally.problems.append(f"slack: no Confirm button in the answer to {form['text']!r}: "
                                           f"{answer}")
            return
        click_trigger = uuid.uuid4().hex
        path = f"/actions/{click_trigger}"
        payload = {"type": "block_actions", "trigger_id": click_trigger,
                   "user": {"id": account.slack, "team_id": "T1"}, "team": {"id": "T1"},
                   "response_url": self.sink.url + path,
                   "actions": [{"action_id": "confirm:0:0", "value": confirm, "type": "button"}]}
        body = urlencode({"payload": json.dumps(payload)}).encode()

        async def click(process: Served, attempt: int) -> dict[str, Any] | None:
            r = await self.send(client, process, "POST", "/slack/interactions",
                                **slack_request(body, attempt))
            return None if r is None else {}  # an empty 200: the outcome comes to the response_url

        _, where, clicked = await self.deliver(client, self.pick(avoid=asked), click)
        if clicked:  # answered with an empty 200 either way: what happened comes to the response_url
            self.clicks.append((path, token, account.user, asked, where))
        else:
            self.tally.unanswered.add(token)

    async def telegram(self, client: httpx.AsyncClient, account: Account) -> None:
        token = self.token()
        chat = {"id": account.telegram, "type": "private"}
        sender = {"id": account.telegram, "is_bot": False, "first_name": account.user, "language_code": "nl"}
        self.update_id += 1
        message = {"update_id": self.update_id,
                   "message": {"message_id": self.update_id, "date": int(time.time()), "chat": chat,
                               "from": sender, "text": self.phrase(token)}}

        def webhook(update: dict[str, Any]) -> Any:
            async def deliver(process: Served, attempt: int) -> dict[str, Any] | None:
                r = await self.send(client, process, "POST", "/telegram/webhook", json=update,
                                    headers={"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET})
                if r is None:
                    return None
                return r.json() if r.status_code == 200 else {}
            return deliver

        answer, asked, answered = await self.deliver(client, self.pick(), webhook(message))
        self.tally.swallowed += answer is None and answered
        confirm = telegram_value(answer, "confirm") if answer else None
        if confirm is None:
            if answer is not None:
                self.tally.problems.append(f"telegram: no Confirm button in the answer: {answer}")
            return
        self.update_id += 1
        callback = {"update_id": self.update_id,
                    "callback_query": {"id": str(self.update_id), "from": sender,
                                       "data": f"confirm|{confirm}",
                                       "message": {"message_id": self.update_id - 1, "chat": chat,
                                                   "date": int(time.time())}}}
        answer, where, answered = await self.deliver(client, self.pick(avoid=asked), webhook(callback))
        if answer is None:
            self.tally.unanswered.add(token)
            self.tally.swallowed += answered
        elif telegram_value(answer, "undo") is not None and token in answer.get("text", ""):
            self.tally.acknowledged[token] = (account.user, "telegram")
            self.tally.confirmed_across += where is not asked
        else:
            self.tally.problems.append(f"telegram: the Confirm of {token} answered {answer}")

    # --- the run

    async def run(self, kill: Served, restart_after: float = 1.5) -> None:
        plan = [kind for kind, n in LOAD.items() for _ in range(n)]
        self.rng.shuffle(plan)
        jobs: asyncio.Queue[tuple[int, str]] = asyncio.Queue()
        for n, kind in enumerate(plan):
            jobs.put_nowait((n, kind))
        kill_at = int(len(plan) * self.rng.uniform(0.35, 0.5))
        limits = httpx.Limits(max_connections=4 * CLIENTS, max_keepalive_connections=4 * CLIENTS)
        async with httpx.AsyncClient(timeout=60.0, limits=limits) as client:

            async def worker() -> None:
                while not jobs.empty():
                    n, kind = jobs.get_nowait()
                    if n == kill_at:
                        for _ in range(50):  # mid-run: while it is answering (and so posting)
                            if self.in_flight[kill.name] >= 2:
                                break
                            await asyncio.sleep(0.1)
                        self.tally.in_flight_at_kill = self.in_flight[kill.name]
                        self.tally.killed = f"{kill.name} after {n} of {len(plan)} scenarios"
                        kill.kill()
                        asyncio.get_running_loop().call_later(restart_after, lambda: threading.Thread(
                            target=kill.start, daemon=True).start())
                    await getattr(self, kind)(client, self.rng.choice(self.accounts))

            await asyncio.gather(*(worker() for _ in range(CLIENTS)))
        deadline = time.monotonic() + 60
        while not kill.up and time.monotonic() < deadline:
            await asyncio.sleep(0.2)
        assert kill.up, f"{kill.name} did not come back: {kill.output()}"
        self.tally.answered_after_restart = self.answered[(kill.name, 2)]


def slack_request(body: bytes, attempt: int) -> dict[str, Any]:
    """The keyword arguments of a signed Slack request; a retry says so in X-Slack-Retry-Num."""
    stamp = str(int(time.time()))
    headers = {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": sign(SLACK_SECRET, stamp, body),
               "Content-Type": "application/x-www-form-urlencoded"}
    if attempt:
        headers["X-Slack-Retry-Num"] = str(attempt)
        headers["X-Slack-Retry-Reason"] = "http_timeout"
    return {"content": body, "headers": headers}


def outcome(answer: dict[str, Any]) -> tuple[str, ...]:
    """What an answer (a Slack message, a Telegram method) gives the user to click: the confirmation or
    the entry it is about. Two attempts of one delivery must give the same."""
    slack = [e["value"] for block in answer.get("blocks", []) if block.get("type") == "actions"
             for e in block["elements"]]
    telegram = [b["callback_data"].partition("|")[2]
                for row in answer.get("reply_markup", {}).get("inline_keyboard", []) for b in row]
    return tuple(slack + telegram)


def button_value(message: dict[str, Any], action: str) -> str | None:
    """The value of the first button of `action` in a Slack message (None when it has none)."""
    for block in message.get("blocks", []):
        for element in block.get("elements", []) if block.get("type") == "actions" else []:
            if element["action_id"].split(":")[0] == action:
                return str(element["value"])
    return None


def telegram_value(answer: dict[str, Any], action: str) -> str | None:
    """The value of the first inline button of `action` in a Telegram answer (None when it has none)."""
    for row in answer.get("reply_markup", {}).get("inline_keyboard", []):
        for b in row:
            name, _, value = b["callback_data"].partition("|")
            if name == action:
                return value
    return None


# --- the checks ------------------------------------------------------------------------------------


def slack_outcomes(load: Load, tally: Tally) -> None:
    """Each answered click: the message at its response_url says saved (its Undo button) or nothing came
    (the process died after committing, before telling)."""
    for path, token, user, asked, clicked in load.clicks:
        messages = load.sink.messages.get(path, [])
        saved = [m for m in messages if button_value(m, "undo")]
        if saved and (len(saved) < len(messages) or len({button_value(m, "undo") for m in saved}) > 1):
            tally.handled_twice += 1
            tally.problems.append(f"slack: the Confirm of {token} was handled twice: {messages}")
        if saved:
            if not all(token in m.get("text", "") for m in saved):
                tally.problems.append(f"slack: the message for {token} shows another entry: {messages}")
            tally.acknowledged[token] = (user, "slack")
            tally.confirmed_across += clicked is not asked
        elif messages:
            tally.problems.append(f"slack: the Confirm of {token} ended in {messages}")
        else:
            tally.unanswered.add(token)


def drain(processes: list[Served], accounts: list[Account], days: tuple[dt.date, dt.date],
          tally: Tally) -> None:
    """Wait until no user's entry is waiting to be posted (`GET /v1/entries` of a live process)."""
    started = time.monotonic()
    waiting: list[str] = []
    while time.monotonic() - started < DRAIN_LIMIT:
        waiting = []
        for account in accounts:
            process = next(p for p in processes if p.up)
            r = httpx.get(f"{process.base}/v1/entries", params={"date": days[0], "to": days[1]},
                          headers={"Authorization": f"Bearer {account.key}"}, timeout=60)
            assert r.status_code == 200, r.text
            waiting += [f"{account.user} {i['entry']['description']} {i['state']}: {i['last_error']}"
                        for i in r.json() if i["state"] != "posted"]
        if not waiting:
            break
        time.sleep(1.0)
    tally.drain_seconds = time.monotonic() - started
    tally.stuck = len(waiting)
    tally.problems += [f"not posted after {DRAIN_LIMIT:.0f} s: {w}" for w in waiting[:20]]


def compare(accounts: list[Account], days: tuple[dt.date, dt.date], tally: Tally) -> None:
    """The providers' records against what the clients were told."""
    found: dict[str, list[str]] = {}
    for account in accounts:
        day = days[0]
        while day <= days[1]:
            for remote in account.target.reader.list_day(day):
                words = [w for w in remote.description.split() if w.startswith("q") and len(w) == 7]
                if not words:
                    tally.stray += 1
                    tally.problems.append(f"{account.user}: a record no request made: {remote}")
                for word in words:
                    found.setdefault(word, []).append(account.user)
            day += dt.timedelta(days=1)
    for token, users in sorted(found.items()):
        owner = tally.acknowledged.get(token, (None, ""))[0]
        if len(users) > 1:
            tally.duplicates += len(users) - 1
            tally.problems.append(f"{token} is at the provider {len(users)} times ({users})")
        if owner is not None and owner not in users:
            tally.problems.append(f"{token} of {owner} is at another user's provider ({users})")
        if owner is None:
            if token in tally.unanswered:
                tally.unacknowledged_there += 1
            else:
                tally.stray += 1
                tally.problems.append(f"{token} is at the provider, but was never saved ({users})")
    for token, (user, how) in sorted(tally.acknowledged.items()):
        if token not in found:
            tally.lost += 1
            tally.problems.append(f"{token} of {user} acknowledged ({how}), not at the provider")
        elif found[token] == [user]:
            tally.at_provider += 1


# --- the test --------------------------------------------------------------------------------------


@pytest.fixture
def timetagger() -> None:
    if not timetagger_installed():
        pytest.skip("the timetagger package is not installed (pip install -e '.[test]')")


@pytest.mark.parametrize(("backend", "count"), [("postgresql", 3), ("sqlite", 1)])
def test_processes_lose_and_double_nothing(backend: str, count: int, tmp_path: Path, timetagger: None,
                                           request: pytest.FixtureRequest,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    started = time.monotonic()
    rng = random.Random(SEED)
    tally = Tally(backend, count)
    home = tmp_path / "server"
    cert, key = self_signed(tmp_path)
    server = {"rate_limit": 1_000_000, "auto_confirm": 1.01, "flush_interval": 1.0,
              **backend_config(backend, request, tmp_path)}
    home.mkdir()
    (home / "config.toml").write_text(
        "[server]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in server.items())
        + f'[slack]\nsigning_secret = "{SLACK_SECRET}"\nresponse_hosts = ["localhost"]\n'
        + f'[telegram]\nsecret_token = "{TELEGRAM_SECRET}"\n', encoding="utf-8")
    keep = {k: v for k, v in os.environ.items() if not k.startswith("NLENTRY_")}
    env = {**keep, "NLENTRY_HOME": str(home), "NLENTRY_KEYRING": "0", "SSL_CERT_FILE": str(cert)}
    logs = tmp_path / "logs"
    logs.mkdir()
    today = dt.date.today()
    days = (today - dt.timedelta(days=1), today + dt.timedelta(days=1))

    with contextlib.ExitStack() as stack:
        sink = SlackSink(cert, key)
        stack.callback(sink.close)
        accounts = []
        for n, name in enumerate(("timetagger", "timetagger", "timi")):
            target = stack.enter_context(provider_target(name, tmp_path / f"provider-{n}"))
            slowed = Slowed(target.upstream, random.Random(rng.random()))
            proxy = FaultProxy(slowed, random.Random(rng.random()), FAULTS, hold=PROVIDER_TIMEOUT + 0.5,
                               limits=target.limits)
            stack.callback(proxy.close)
            accounts.append(Account(f"{name}-{n}", target, proxy, slack=f"U{n}", telegram=7000 + n))
        for account in accounts:
            settings = {**account.target.settings, "base_url": account.proxy.url + account.target.path,
                        "timeout": PROVIDER_TIMEOUT, "max_wait": 1}
            secrets = {k: v for k, v in settings.items() if k in ("token", "email")}
            args = [f"--setting={k}=-" for k in secrets]
            args += [f"--setting={k}={v}" for k, v in settings.items() if k not in secrets]
            nlentry(home, "users", "add", account.user, "--provider", account.target.name, *args,
                    stdin="".join(f"{v}\n" for v in secrets.values()))
            nlentry(home, "users", "link", account.user, "--slack", f"T1:{account.slack}")
            nlentry(home, "users", "link", account.user, "--telegram", str(account.telegram))
            account.key = nlentry(home, "apikey", "create", account.user)

        processes = [Served(f"serve-{n + 1}", home, env, logs) for n in range(count)]
        for process in processes:
            stack.callback(process.stop)
            process.start()
        load = Load(processes, accounts, sink, tally, random.Random(rng.random()))
        for account in accounts:  # one entry each before the faults: the catalog is synced meanwhile
            token = load.token()
            r = httpx.post(f"{processes[0].base}/v1/entries", json={"text": f"5 min warm-up {token}"},
                           headers={"Authorization": f"Bearer {account.key}"}, timeout=60)
            # posted, or still posting when a loaded machine keeps the provider past `max_wait`: the tally
            # at the end finds it at the provider once either way
            assert r.status_code == 201 and r.json()["state"] in ("posted", "posting"), r.text
            tally.acknowledged[token] = (account.user, "api warm-up")
        time.sleep(2.0)
        for account in accounts:
            account.proxy.armed = True
        asyncio.run(load.run(kill=processes[-1] if count == 1 else processes[1]))
        for account in accounts:
            account.proxy.armed = False
            account.proxy.upstream.on = False  # type: ignore[attr-defined]
            tally.faults += account.proxy.tally
        drain(processes, accounts, days, tally)
        time.sleep(2.0)  # the last followups' messages to Slack
        slack_outcomes(load, tally)
        compare(accounts, days, tally)
        tally.seconds = time.monotonic() - started
        logs_text = {p.name: p.output() for p in processes}

    with capsys.disabled():
        print(f"\n{tally.line()}")
    assert tally.problems == [], "\n".join([tally.line(), *tally.problems[:40],
                                            *(f"--- {n}:\n{t}" for n, t in logs_text.items())])
    assert tally.lost == tally.duplicates == tally.stuck == tally.handled_twice == 0
    assert tally.swallowed == 0, "every retry of a delivery whose first attempt died was answered"
    saving = LOAD["entry"] + LOAD["slack"] + LOAD["telegram"]
    assert len(tally.acknowledged) == tally.at_provider > 0.5 * saving, "most saves were acknowledged"
    assert sum(tally.faults.values()) > tally.faults["pass"] > 0, "faults were injected"
    assert tally.retried > 0 and tally.killed, "deliveries were retried and a process was killed"
    assert tally.answered_after_restart > 0, "the killed process was started again and took requests"
    assert {how.split()[0] for _, how in tally.acknowledged.values()} == {"api", "slack", "telegram"}
    if count > 1:
        assert tally.confirmed_across > 0, "confirmations were made on one process and confirmed on another"
