"""The test PostgreSQL itself: a cluster starts and stops cleanly, and a missing PostgreSQL skips the
tests that need it, except under CI, where it fails them (a CI that cannot run them must not pass)."""

from __future__ import annotations

import pytest
from pg_cluster import PgCluster, missing


def test_missing_postgres_skips_locally_and_fails_under_ci() -> None:
    with pytest.raises(pytest.skip.Exception, match="no binaries"):
        missing("no binaries", {"CI": ""})
    with pytest.raises(pytest.fail.Exception, match="needed under CI.*no binaries"):
        missing("no binaries", {"CI": "true"})


def test_a_database_per_test_is_a_copy_of_the_template(pg_cluster: PgCluster, pg_url: str) -> None:
    import psycopg

    with psycopg.connect(pg_url) as conn:
        tables = {r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
        assert {"users", "api_keys", "pending", "deliveries", "rate_buckets", "credentials"} <= tables
        assert conn.execute("SELECT count(*) FROM users").fetchone() == (0,)
    assert pg_cluster.root.exists() and (pg_cluster.root / "data" / "postmaster.pid").exists()


def test_the_cluster_of_a_killed_session_is_removed_by_the_next(pg_cluster: PgCluster) -> None:
    import subprocess
    import sys
    from pathlib import Path

    killed = subprocess.run(
        [sys.executable, "-c", "import os, signal; from pg_cluster import PgCluster; "
         "print(PgCluster.start().root, flush=True); os.kill(os.getpid(), signal.SIGKILL)"],
        capture_output=True, text=True, cwd=Path(__file__).parent, timeout=120,
    )
    left = Path(killed.stdout.strip())
    assert killed.returncode == -9 and (left / "data" / "postmaster.pid").exists()
    PgCluster.start().stop()  # the next session's start
    assert not left.exists()
    assert (pg_cluster.root / "data" / "postmaster.pid").exists()  # a live session's cluster is left alone
