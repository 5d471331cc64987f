"""Fixtures every test folder may use: a throwaway PostgreSQL (`pg_cluster`, session-wide) and a fresh
database of it per test (`pg_url`), copied from a template that has nlentry's migrations applied.

Without PostgreSQL binaries the tests that ask for them are skipped, with the reason; under CI
(`CI=true`) that is a failure instead, so a CI machine without PostgreSQL cannot pass by skipping.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from pg_cluster import PgCluster, PgUnavailable, missing

TEMPLATE = "nlentry_template"


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """A PostgreSQL cluster for this test session, with the template database `nlentry_template`."""
    try:
        import psycopg  # noqa: F401
        import psycopg_pool  # noqa: F401
    except ImportError as exc:
        missing(f"psycopg is not installed (pip install -e '.[test]'): {exc}")
    try:
        cluster = PgCluster.start()
    except PgUnavailable as exc:
        missing(str(exc))
    try:
        from nlentry.server.pg import upgrade

        upgrade(cluster.database(TEMPLATE))
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: PgCluster) -> Iterator[str]:
    """The URL of a new database with the server's schema, dropped after the test."""
    name = f"t_{uuid.uuid4().hex[:16]}"
    url = pg_cluster.database(name, template=TEMPLATE)
    yield url
    pg_cluster.drop(name)


@pytest.fixture(scope="session")
def secret_key() -> str:
    """A key for the credentials vault (NLENTRY_SECRET_KEY) of this test session."""
    from nlentry.server.vault import new_key

    return new_key()
