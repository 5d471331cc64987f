"""A throwaway PostgreSQL server for the tests: `initdb` + `pg_ctl` in a temporary folder, then removed.

Usage (the fixtures in tests/conftest.py do this)::

    cluster = PgCluster.start()                 # found under /usr/lib/postgresql/*/bin, or skipped
    url = cluster.database("t1", template="nlentry_template")   # postgresql://postgres@127.0.0.1:PORT/t1
    cluster.stop()                              # the server stopped, the folder removed

The server refuses to run as root, so when the tests run as root the cluster's folder belongs to the
`postgres` user and `initdb` / `pg_ctl` run as that user (`runuser -u postgres --`). It listens on a free
loopback port only (its Unix socket goes into the same folder), trusts local connections, and runs
with `fsync=off` (and `pg_stat_statements` loaded, when installed, so tests can count the statements a
request sends): nothing of it outlives the test session. A session that was killed cannot stop its
cluster; the next one to start stops and removes every cluster whose session (`owner.pid`) is gone,
but only clusters of its own kernel boot and PID namespace (machines or containers may share /tmp, not
their processes). Without the binaries the tests are skipped with the reason, except under CI
(`CI=true`), where a missing PostgreSQL is a failure: `.ci/run` installs Debian's `postgresql` package.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

__all__ = ["PgCluster", "PgUnavailable", "find_bindir", "missing"]


class PgUnavailable(Exception):
    """No PostgreSQL server binaries here (or no user to run them as)."""


def find_bindir() -> Path | None:
    """The newest `/usr/lib/postgresql/<version>/bin` that has `initdb` and `pg_ctl`, or None."""
    found = [Path(p).parent for p in glob.glob("/usr/lib/postgresql/*/bin/initdb")]
    found = [d for d in found if (d / "pg_ctl").exists()]
    if not found:
        initdb = shutil.which("initdb")
        return Path(initdb).parent if initdb else None
    return max(found, key=lambda d: int(d.parent.name) if d.parent.name.isdigit() else 0)


def missing(reason: str, env: Mapping[str, str] | None = None) -> NoReturn:
    """No PostgreSQL for the tests: skip them with `reason`, but fail under CI (`CI=true`)."""
    import pytest

    if (os.environ if env is None else env).get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL is needed under CI (.ci/run installs it): {reason}", pytrace=False)
    pytest.skip(reason)


_PREFIX = "nlentry-pg-"


def _namespace() -> str:
    """This kernel boot and PID namespace, in which a pid means one process (`?` when unknown)."""
    try:
        boot = Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
        return f"{boot}/{os.readlink('/proc/self/ns/pid')}".replace(" ", "")
    except OSError:
        return "?"


def _owner() -> str:
    """`<pid namespace> <pid>` of this test session."""
    return f"{_namespace()} {os.getpid()}"


def _gone(owner: str) -> bool:
    """True when the session that wrote `owner` is dead (never for another PID namespace's session)."""
    namespace, _, pid = owner.partition(" ")
    if namespace != _namespace() or namespace == "?" or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _reap_orphans(bindir: Path) -> None:
    """Stop and remove the clusters left by test sessions that were killed (their owner is gone)."""
    for root in Path(tempfile.gettempdir()).glob(_PREFIX + "*"):
        try:
            owner = (root / "owner.pid").read_text(encoding="ascii")
        except OSError:
            continue
        if not _gone(owner):
            continue
        run_as = "postgres" if os.geteuid() == 0 and root.stat().st_uid != 0 else None
        PgCluster(bindir, root, 0, run_as).stop()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgCluster:
    """A running throwaway cluster; see the module docstring."""

    bindir: Path
    root: Path
    port: int
    run_as: str | None  # the user the server runs as (None: the current one)

    @classmethod
    def start(cls) -> PgCluster:
        """initdb a new cluster in a new temporary folder and start it; `PgUnavailable` without binaries."""
        bindir = find_bindir()
        if bindir is None:
            raise PgUnavailable("no PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb): "
                                "apt-get install postgresql")
        run_as = None
        _reap_orphans(bindir)
        root = Path(tempfile.mkdtemp(prefix=_PREFIX))
        (root / "owner.pid").write_text(_owner(), encoding="ascii")
        if os.geteuid() == 0:
            try:
                owner = pwd.getpwnam("postgres")
            except KeyError:
                shutil.rmtree(root, ignore_errors=True)
                raise PgUnavailable("running as root and there is no 'postgres' user to run the server as") \
                    from None
            os.chown(root, owner.pw_uid, owner.pw_gid)
            run_as = "postgres"
        cluster = cls(bindir, root, _free_port(), run_as)
        try:
            cluster._run("initdb", "-D", str(root / "data"), "-U", "postgres", "--auth=trust",
                         "-E", "UTF8", "--locale=C", "--no-sync")
            options = (f"-p {cluster.port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
                       "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
            if (bindir.parent / "lib" / "pg_stat_statements.so").exists():  # the tests count statements
                options += " -c shared_preload_libraries=pg_stat_statements"
            cluster._run("pg_ctl", "-D", str(root / "data"), "-l", str(root / "server.log"), "-o", options,
                         "-w", "-t", "60", "start")
        except BaseException:
            cluster.stop()
            raise
        return cluster

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bindir / program), *args]
        if self.run_as is not None:
            command = ["runuser", "-u", self.run_as, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd="/")
        if done.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{program} failed ({done.returncode}): {done.stdout[-2000:]}"
                               f"{done.stderr[-2000:]}{tail}")

    def url(self, database: str = "postgres") -> str:
        """The connection URL of one database of this cluster."""
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def sql(self, statement: str) -> None:
        """Run one statement outside a transaction (CREATE DATABASE cannot run inside one)."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(statement)  # type: ignore[arg-type]

    def database(self, name: str, *, template: str = "template0") -> str:
        """Create database `name` as a copy of `template`; returns its URL."""
        self.sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return self.url(name)

    def drop(self, name: str) -> None:
        """Drop a database, closing whatever connections are left on it."""
        self.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        """Stop the server (at once: nothing in it is kept) and remove the folder."""
        if (self.root / "data" / "postmaster.pid").exists():
            with contextlib.suppress(Exception):
                self._run("pg_ctl", "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop")
        for _ in range(50):
            try:
                shutil.rmtree(self.root)
                return
            except FileNotFoundError:
                return
            except OSError:
                time.sleep(0.1)
