"""How failures become HTTP answers: one JSON shape, `{"error": code, "message": text}`, never a secret.

Bad input is a 4xx: a phrase that cannot be read or makes no entry is 422, an unknown entry 404, an
entry undone already 410, one being posted at this instant 409. A bug is a 500 whose message says
nothing of the request; its log line names the exception's type and route only (no secrets, no
phrases, which are the users' data).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from nlentry.config import redact
from nlentry.errors import EntryRefused, InputError, LocaleError, NlentryError

__all__ = ["ApiError", "install"]

log = logging.getLogger("nlentry.server")


class ApiError(Exception):
    """An HTTP error with a status, a short code, a message for people and optional headers."""

    def __init__(
        self, status: int, code: str, message: str, *, headers: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = dict(headers or {})


def problem(status: int, code: str, message: str, headers: Mapping[str, str] | None = None) -> JSONResponse:
    """The JSON error response (a lone surrogate from the request, in a message, becomes '?')."""
    text = redact(message).encode("utf-8", "replace").decode("utf-8")
    return JSONResponse({"error": code, "message": text}, status_code=status, headers=headers)


def chat_responses(chat: str, refused: str) -> dict[int | str, dict[str, Any]]:
    """The documented error answers of a chat's endpoint (for /openapi.json)."""
    return {
        401: {"description": refused},
        404: {"description": f"{chat} is not configured on this server"},
        413: {"description": "the body is too large"},
    }


_HTTP_CODES = {404: "not_found", 405: "method_not_allowed", 413: "too_large", 415: "unsupported_media_type"}


def _status(exc: NlentryError) -> tuple[int, str]:
    from nlentry.booking.journal import JournalError
    from nlentry.booking.outbox import Busy
    from nlentry.server.users import UserError

    if isinstance(exc, EntryRefused):
        return 422, "refused"
    if isinstance(exc, (InputError, LocaleError)):
        return 422, "unreadable"
    if isinstance(exc, Busy):
        return 409, "busy"
    if isinstance(exc, JournalError):
        return (410, "gone") if "undone already" in str(exc) else (404, "not_found")
    if isinstance(exc, UserError):
        return 422, "bad_link_code"
    return 503, "unavailable"  # the user's provider or configuration: not the request's fault


def _locale(request: Request, exc: NlentryError) -> str | None:
    """The language of an error's answer: the phrase's when it was read, else the language of the
    user whose API key the request carries, else the server's `locale` (None: English)."""
    if isinstance(exc, EntryRefused):
        return exc.entry.locale
    state = getattr(request.app.state, "nlentry", None)
    if state is None:
        return None
    scheme, _, key = request.headers.get("authorization", "").partition(" ")
    user_id = state.keys.user_of(key.strip()) if scheme.lower() == "bearer" and key.strip() else None
    try:
        user = state.users.get(user_id) if user_id is not None else None
    except NlentryError:  # the storage is down: answer in the server's language
        user = None
    return str((user.locale if user is not None else None) or state.settings.locale or "") or None


def _message(request: Request, exc: NlentryError) -> str:
    """The `message` of an error's answer, in the user's language when the error names a message."""
    from nlentry.messages import FALLBACK, messages_for
    from nlentry.render import reason

    if getattr(exc, "key", None) is None:
        return str(exc)
    return reason(exc, messages_for(_locale(request, exc) or FALLBACK))


def install(app: FastAPI) -> None:
    """Register the handlers that turn exceptions into `problem` responses."""

    async def api_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        return problem(exc.status, exc.code, exc.message, exc.headers)

    async def nlentry_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, NlentryError)
        status, code = _status(exc)
        if status >= 500:
            log.warning("%s %s: %s", request.method, request.url.path, redact(f"{type(exc).__name__}: {exc}"))
        return problem(status, code, _message(request, exc))

    async def crash(request: Request, exc: Exception) -> JSONResponse:
        log.error("%s %s failed: %s", request.method, request.url.path, type(exc).__name__)
        return problem(500, "internal", "the server failed; nothing was lost. Try again later.")

    async def http_error(request: Request, exc: Exception) -> JSONResponse:
        # Starlette's and FastAPI's own refusals (no such route, wrong method, a body that cannot be
        # decoded at all) in the same shape as every other error
        assert isinstance(exc, StarletteHTTPException)
        code = _HTTP_CODES.get(exc.status_code, "bad_request" if exc.status_code < 500 else "internal")
        return problem(exc.status_code, code, str(exc.detail), exc.headers)

    async def invalid(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        message = (
            f"{where}: {first.get('msg', 'invalid')}" if where else str(first.get("msg", "invalid request"))
        )
        return problem(422, "invalid", message)

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(NlentryError, nlentry_error)
    app.add_exception_handler(Exception, crash)
