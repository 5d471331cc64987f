"""Readiness for a load balancer: `GET /readyz` answers 200 when the server's database answers, else 503.

`/healthz` (in `nlentry.server.app`) is liveness: the process serves HTTP, whatever the database does;
`/readyz` asks the storage (`ServerStorage.ping`: a `SELECT 1` on PostgreSQL, on server.db with SQLite),
so a load balancer sends no requests to a process that cannot reach the database, nor to one whose
database schema is not the one it knows (`"status": "schema"`: after `nlentry db upgrade`, the processes
of the old nlentry drop out until they are replaced). The answer never names the database's address.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from nlentry import __version__
from nlentry.server.storage import SchemaError, StorageUnavailable

if TYPE_CHECKING:
    from nlentry.server.state import ServerState

__all__ = ["router"]


def router(state: ServerState) -> APIRouter:
    """`GET /readyz` over `state`."""
    health = APIRouter(tags=["server"])

    @health.get(
        "/readyz",
        summary="Can the server serve: its database answers",
        response_model=dict[str, Any],
        responses={503: {"description": "the database cannot be reached, or has another schema"}},
    )
    async def readyz() -> JSONResponse:
        try:
            await run_in_threadpool(state.db.ping)
        except (StorageUnavailable, SchemaError) as exc:
            status = "schema" if isinstance(exc, SchemaError) else "unavailable"
            return JSONResponse(
                {"status": status, "database": state.db.kind, "version": __version__}, status_code=503
            )
        return JSONResponse({"status": "ok", "database": state.db.kind, "version": __version__})

    return health
