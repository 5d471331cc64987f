"""Run the real TimeTagger server for tests: `TimeTaggerServer` and `contract_provider`.

Usage::

    with TimeTaggerServer(tmp_path / "tt") as server:          # python -m timetagger on a free port
        token = server.api_token()                             # the localhost user's API token
        provider = TimeTaggerProvider.from_settings({"base_url": server.api_url, "token": token})

    with contract_provider(tmp_path) as provider:              # for tests/providers/test_contract.py
        ...

The server is the `timetagger` package from PyPI, run with `sys.executable -m timetagger`, bound to
127.0.0.1 on a free port, with its data in a temporary directory (providers.md §10). It is started
with a pool of users (`TIMETAGGER_CREDENTIALS`, bcrypt hashes of cost 4 to start fast), so every
`new_user()` gets an empty account: tests share one server (start-up takes about 2 s) and are still
isolated. `contract_provider` starts one such server on first use, reuses it for every later call in
the process, and stops it at exit (`stop_shared_server()` stops it earlier).

Nothing here runs at import; the `timetagger` package is needed only when a server is started.
"""

from __future__ import annotations

import atexit
import base64
import contextlib
import importlib.util
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

from nlentry.model import Catalog
from nlentry.providers.base import Provider

__all__ = [
    "CONTRACT_CATALOG",
    "TimeTaggerServer",
    "bad_credentials_provider",
    "contract_provider",
    "shared_server",
    "stop_shared_server",
    "timetagger_installed",
]

#: the catalog a contract provider starts with: projects and services as tags (ids are the tags)
CONTRACT_CATALOG = Catalog.from_dict({
    "projects": [
        {"id": "#webshop", "name": "webshop", "aliases": ["webwinkel"]},
        {"id": "#intranet", "name": "intranet"},
        {"id": "#acme-portal", "name": "acme-portal", "aliases": ["acme portal", "portal"]},
    ],
    "services": [
        {"id": "#development", "name": "development", "aliases": ["coden"]},
        {"id": "#meeting", "name": "meeting", "aliases": ["overleg"]},
    ],
})


def timetagger_installed() -> bool:
    """True if the `timetagger` package can be imported (without importing it)."""
    return importlib.util.find_spec("timetagger") is not None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class TimeTaggerServer:
    """One `python -m timetagger` process on 127.0.0.1 (see the module docstring).

    Parameters:
        datadir: where the server keeps its databases and JWT key (created if missing).
        users: how many pool users to create (`new_user()` hands them out); 0 for none.
        start_timeout: seconds to wait for `/timetagger/status` to answer `ok`.
    """

    def __init__(self, datadir: str | Path, *, users: int = 20, start_timeout: float = 60.0) -> None:
        self.datadir = Path(datadir)
        self.start_timeout = start_timeout
        self.port = 0
        self._process: subprocess.Popen[bytes] | None = None
        self._passwords = {f"user{i:03d}": secrets.token_urlsafe(12) for i in range(users)}
        self._free = list(self._passwords)
        self._lock = threading.Lock()

    @property
    def root_url(self) -> str:
        """`http://127.0.0.1:<port>`."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        """The API root, the provider's `base_url`: `http://127.0.0.1:<port>/timetagger/api/v2`."""
        return f"{self.root_url}/timetagger/api/v2"

    @property
    def log_path(self) -> Path:
        """The server's combined stdout/stderr."""
        return self.datadir / "server.log"

    @property
    def running(self) -> bool:
        """True while the process runs."""
        return self._process is not None and self._process.poll() is None

    def start(self) -> TimeTaggerServer:
        """Start the server and wait until it answers; `RuntimeError` (with its log) if it does not."""
        if self.running:
            return self
        if not timetagger_installed():
            raise RuntimeError("the timetagger package is not installed (pip install timetagger)")
        import bcrypt  # type: ignore[import-not-found,unused-ignore]  # installed with timetagger

        self.datadir.mkdir(parents=True, exist_ok=True)
        credentials = ",".join(f"{user}:{bcrypt.hashpw(pw.encode(), bcrypt.gensalt(rounds=4)).decode()}"
                               for user, pw in self._passwords.items())
        last_error = ""
        for _ in range(3):  # the free port may be taken between choosing and binding: try another
            self.port = _free_port()
            env = {**os.environ, "TIMETAGGER_BIND": f"127.0.0.1:{self.port}",
                   "TIMETAGGER_DATADIR": str(self.datadir), "TIMETAGGER_LOG_LEVEL": "warning",
                   "TIMETAGGER_CREDENTIALS": credentials}
            with open(self.log_path, "ab") as log:
                self._process = subprocess.Popen([sys.executable, "-m", "timetagger"], env=env, stdout=log,
                                                 stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
            if self._wait_ready():
                return self
            last_error = self._log_tail()
            self.stop()
        raise RuntimeError(f"the timetagger server did not start: {last_error}")

    def _wait_ready(self) -> bool:
        import httpx

        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if not self.running:
                return False
            try:
                if httpx.get(f"{self.root_url}/timetagger/status", timeout=2.0).text.strip() == "ok":
                    return True
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        return False

    def _log_tail(self, lines: int = 15) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no log)"
        return " | ".join(text.strip().splitlines()[-lines:]) or "(empty log)"

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL after 10 s) and wait for it."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)

    def __enter__(self) -> TimeTaggerServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    # --- tokens ----------------------------------------------------------------------------------

    def _bootstrap(self, auth: dict[str, str]) -> str:
        import httpx

        body = base64.b64encode(json.dumps(auth).encode()).decode()
        answer = httpx.post(f"{self.api_url}/bootstrap_authentication", content=body, timeout=10.0)
        answer.raise_for_status()
        webtoken: str = answer.json()["token"]
        answer = httpx.get(f"{self.api_url}/apitoken", headers={"authtoken": webtoken}, timeout=10.0)
        answer.raise_for_status()
        token: str = answer.json()["token"]
        return token

    def api_token(self) -> str:
        """An API token of `defaultuser`, through the `localhost` bootstrap (providers.md §10.2)."""
        return self._bootstrap({"method": "localhost"})

    def new_user(self) -> tuple[str, str]:
        """A pool user nobody used yet and its API token; `LookupError` when the pool is used up."""
        with self._lock:
            if not self._free:
                raise LookupError("every pool user of this TimeTagger server is taken")
            user = self._free.pop(0)
        token = self._bootstrap({"method": "usernamepassword", "username": user,
                                 "password": self._passwords[user]})
        return user, token


# --- one server per process, for the contract suite ----------------------------------------------

_shared: TimeTaggerServer | None = None
_shared_dir: str | None = None
_shared_lock = threading.Lock()


def shared_server() -> TimeTaggerServer:
    """The process's TimeTagger server, started on first use (with 100 pool users), stopped at exit."""
    global _shared, _shared_dir
    with _shared_lock:
        if _shared is None or not _shared.running or not _shared._free:
            _stop_shared_locked()
            _shared_dir = tempfile.mkdtemp(prefix="nlentry-timetagger-")
            _shared = TimeTaggerServer(_shared_dir, users=100).start()
        return _shared


def _stop_shared_locked() -> None:
    global _shared, _shared_dir
    if _shared is not None:
        _shared.stop()
        _shared = None
    if _shared_dir is not None:
        shutil.rmtree(_shared_dir, ignore_errors=True)
        _shared_dir = None


def stop_shared_server() -> None:
    """Stop the shared server now (it is stopped at interpreter exit anyway)."""
    with _shared_lock:
        _stop_shared_locked()


atexit.register(stop_shared_server)


@contextlib.contextmanager
def contract_provider(tmp_path: Path) -> Iterator[Provider]:
    """A ready `TimeTaggerProvider` on the shared real server, as a fresh, empty user.

    Its catalog (`CONTRACT_CATALOG`) is published as settings, so `fetch_catalog()` returns those
    projects and services (ids are the tags). The server outlives the context (it is shared); the
    provider is closed at its end. `tmp_path` is unused: the server keeps its own temporary directory.
    """
    from nlentry.providers.timetagger import TimeTaggerProvider

    server = shared_server()
    _, token = server.new_user()
    provider = TimeTaggerProvider.from_settings({"base_url": server.api_url, "token": token})
    try:
        provider.import_catalog(CONTRACT_CATALOG)
        yield provider
    finally:
        provider.close()


@contextlib.contextmanager
def bad_credentials_provider(tmp_path: Path) -> Iterator[Provider]:
    """A `TimeTaggerProvider` on the shared real server with a token the server refuses (401)."""
    from nlentry.providers.timetagger import TimeTaggerProvider

    server = shared_server()
    provider = TimeTaggerProvider.from_settings({"base_url": server.api_url, "token": "not-a-valid-token"})
    try:
        yield provider
    finally:
        provider.close()
