"""The ASGI application: the routes of `api`, `slack` and `telegram`, the limits, the worker.

`create_app(settings)` (re-exported by `nlentry.server`) builds everything at once, so an app made
in a test with `httpx.ASGITransport` (which runs no lifespan) is ready to serve; the lifespan only
starts the background worker and closes the state on shutdown. `app_from_env` is the factory
`nlentry serve` gives uvicorn, so that each worker process builds its own app from the environment.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI
from fastapi.responses import JSONResponse

from nlentry import __version__
from nlentry.server import api, errors, health, slack, telegram
from nlentry.server.limits import BodyLimit
from nlentry.server.settings import Settings
from nlentry.server.state import ServerState
from nlentry.server.worker import Worker

if TYPE_CHECKING:
    import httpx

__all__ = ["app_from_env", "create_app"]

DESCRIPTION = """\
Turns one line of Dutch or English into a time entry in the user's time tracker.

The JSON API (`/v1`) takes an API key (`Authorization: Bearer nle_...`, made with
`nlentry apikey create USER`). Slack and Telegram call `/slack/...` and `/telegram/webhook`, which
check Slack's request signature and Telegram's secret token instead.
"""


def create_app(
    settings: Settings | None = None,
    *,
    env: Mapping[str, str] | None = None,
    clock: Callable[[], float] = time.time,
    now: Callable[[], datetime] | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    worker: bool = True,
) -> FastAPI:
    """The server as an ASGI app.

    Parameters:
        settings: the settings (default: `Settings.load(env)`).
        env: the environment to read settings from when `settings` is not given.
        clock: unix time, for expiries and Slack's timestamps (tests pass a fake).
        now: the instant phrases are read at (default: the current time).
        transport: an httpx transport for calls the server makes (Slack's `response_url`).
        worker: run the background flusher while the app's lifespan runs.
    """
    settings = settings or Settings.load(env)
    state = ServerState(settings, clock=clock, now=now, transport=transport)
    flusher = Worker(state)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if worker:
            flusher.start()
        try:
            yield
        finally:
            await flusher.stop()
            await state.aclose()

    app = FastAPI(
        title="nlentry",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.nlentry = state
    app.state.worker = flusher
    errors.install(app)
    # inside BodyLimit (the last added is the outermost), so the lane gets the body checked and held
    app.add_middleware(api.ParseLane, state=state, handlers=app.exception_handlers)
    app.add_middleware(BodyLimit, max_body=settings.max_body)

    @app.get("/healthz", tags=["server"], summary="Is the server up", response_model=dict[str, Any])
    async def healthz() -> JSONResponse:
        return JSONResponse({"status": "ok", "version": __version__})

    app.include_router(api.router(state))
    app.include_router(slack.router(state))
    app.include_router(telegram.router(state))
    app.include_router(health.router(state))
    return app


def app_from_env() -> FastAPI:
    """The app of a uvicorn worker process: settings from this process's environment."""
    return create_app()
