"""What the command-line tests share: a private NLENTRY_HOME (`Home`) and a real terminal (`Terminal`).

`Terminal` runs `python -m nlentry` in a pseudo-terminal (pexpect) and reads what a person would see
through a VT100 screen (pyte), which also answers the cursor-position requests prompt_toolkit makes.
"""

from __future__ import annotations

import os
import socket
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pexpect
import pyte
import pytest

from nlentry.cli import main

ROOT = Path(__file__).resolve().parents[2]
CORPUS_CATALOG = ROOT / "corpus" / "catalog.json"
TIMEOUT = 10.0


@dataclass
class Home:
    """A temporary NLENTRY_HOME and the environment that points at it."""

    path: Path
    env: dict[str, str]

    def cli(self, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
        """`nlentry ARGV` through `main`, standard streams captured: (status, out, err)."""
        capsys.readouterr()
        status = main(list(argv), env=self.env)
        out, err = capsys.readouterr()
        return status, out, err


# --- a real terminal -----------------------------------------------------------------------------


def terminal_env(env: Mapping[str, str]) -> dict[str, str]:
    """The process environment for a spawned `nlentry`: ours, without NLENTRY_*/NO_COLOR, plus `env`."""
    dropped = ("NO_COLOR", "LC_ALL", "LC_MESSAGES", "COLUMNS", "LINES")
    base = {k: v for k, v in os.environ.items() if not k.startswith("NLENTRY_") and k not in dropped}
    return {**base, "TERM": "xterm", **env}


class Terminal:
    """`python -m nlentry ARGS` in a pseudo-terminal, with the screen a person would read.

    Usage::

        term = Terminal(["add", "2 uur aan Webshop"], env)
        term.wait_for("Save?")
        term.type("2\\r")
        assert term.wait_exit() == 0
    """

    def __init__(self, args: list[str], env: Mapping[str, str], *, rows: int = 40, cols: int = 160) -> None:
        self.screen = pyte.Screen(cols, rows)
        self._stream = pyte.ByteStream(self.screen)
        self.child = pexpect.spawn(sys.executable, ["-m", "nlentry", *args], env=terminal_env(env),
                                   dimensions=(rows, cols), timeout=TIMEOUT)
        self.child.delaybeforesend = None  # keys go out as typed; `type` paces them
        self.screen.write_process_input = self.child.send  # answers the cursor-position requests
        self.transcript = bytearray()
        self._ended = False

    def pump(self, seconds: float = 0.05) -> None:
        """Read what the program wrote during `seconds` onto the screen."""
        deadline = time.monotonic() + seconds
        while not self._ended:
            try:
                data = self.child.read_nonblocking(65536, timeout=max(0.01, deadline - time.monotonic()))
            except pexpect.TIMEOUT:
                break
            except pexpect.EOF:
                self._ended = True
                break
            self.transcript += data
            self._stream.feed(data)
            if time.monotonic() >= deadline:
                break

    @property
    def text(self) -> str:
        """The screen as text, trailing blanks and empty lines dropped."""
        return "\n".join(line.rstrip() for line in self.screen.display).rstrip()

    def wait_for(self, wanted: str, timeout: float = TIMEOUT) -> str:
        """Read until `wanted` is on the screen; the screen text. Fails with the screen shown."""
        deadline = time.monotonic() + timeout
        while wanted not in self.text:
            if time.monotonic() > deadline or self._ended:
                self.pump(0.2)
                if wanted in self.text:
                    break
                pytest.fail(f"{wanted!r} did not appear on the terminal; it shows:\n{self.text}")
            self.pump(0.1)
        return self.text

    def type(self, keys: str, pause: float = 0.01) -> None:
        """Type `keys` one at a time, as a person does."""
        for key in keys:
            self.child.send(key)
            self.pump(pause)

    def control(self, letter: str) -> None:
        """Press Ctrl and `letter`."""
        self.child.sendcontrol(letter)
        self.pump(0.05)

    def wait_exit(self, timeout: float = TIMEOUT) -> int:
        """Wait until the program ends; its exit status."""
        deadline = time.monotonic() + timeout
        while not self._ended:
            if time.monotonic() > deadline:
                self.child.terminate(force=True)
                pytest.fail(f"nlentry did not end; the terminal shows:\n{self.text}")
            self.pump(0.1)
        self.child.close()
        status = self.child.exitstatus
        return -1 if status is None else int(status)

    def close(self) -> None:
        """End the program if it still runs."""
        if self.child.isalive():
            self.child.terminate(force=True)


# --- a provider emulator on a real socket --------------------------------------------------------


class ServedFake:
    """An in-process provider emulator (`fake.py`) answering real HTTP on 127.0.0.1, for subprocesses.

    Usage::

        with ServedFake(TimiFake(token="...")) as served:
            base_url = served.url + "/api/v1/"
    """

    def __init__(self, fake: Callable[[httpx.Request], httpx.Response]) -> None:
        self.fake = fake
        outer = self

        class Bridge(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                request = httpx.Request(self.command, f"{outer.url}{self.path}",
                                        headers=list(self.headers.items()), content=body)
                response = outer.fake(request)
                data = response.read()
                self.send_response(response.status_code)
                for key, value in response.headers.items():
                    if key.lower() not in ("content-length", "transfer-encoding", "connection",
                                           "content-encoding"):
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _answer

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Bridge)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> ServedFake:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def free_port() -> int:
    """A TCP port nothing listens on now (for the OAuth loopback redirect)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port
