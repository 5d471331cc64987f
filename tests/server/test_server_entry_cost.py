"""What a `POST /v1/entries` costs the shared database: the statements PostgreSQL runs for one saved and
posted entry (counted by the database itself, `pg_stat_statements`: BEGIN and COMMIT count too), and that
the cheaper way keeps its promises (committed before the provider hears of it, posted once)."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import NOW, Server
from test_server_admit import statements  # noqa: F401 - the fixture

pytestmark = pytest.mark.anyio

#: the key and rate token (1), the entry committed (1), claimed (1), at the `local` provider (1), posted (1)
STATEMENTS = 5


@pytest.mark.parametrize("backend", ["postgresql"])
async def test_a_saved_entry_costs_five_statements(server: Server, statements: Any) -> None:  # noqa: F811
    warm = await server.client.post("/v1/entries", headers=server.auth(), json={"text": "1 uur overleg"})
    assert warm.status_code == 201  # the journal opened, its catalog read and found fresh
    statements()
    for n in range(3):
        r = await server.client.post("/v1/entries", headers=server.auth(),
                                     json={"text": f"{n + 2} uur overleg", "confirm": True})
        assert r.status_code == 201 and r.json()["state"] == "posted", r.text
        assert statements() == STATEMENTS
    journal = server.state.users.journal("alice")
    saved = journal.entries(NOW.date() - NOW.date().resolution * 7, NOW.date())
    assert sorted(i.entry.duration for i in saved) == [3600, 7200, 10800, 14400]
    assert all(i.state == "posted" and i.remote_id == i.key for i in saved)  # each at the provider once
    assert len(journal.store.local_rows()) == 4
