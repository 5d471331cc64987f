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
