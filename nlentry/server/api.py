"""The JSON API (`/v1/...`): parse, save, list, amend and undo entries with an API key.

    curl -H "Authorization: Bearer $KEY" -d '{"text": "2 uur overleg aan Webshop"}' localhost:8080/v1/entries

Each route is a thin layer over the user's `nlentry.booking.journal.Journal`, like the command line: parse
is `journal.read`, save is `journal.save` (committed to the outbox, then posted once), amend is
`journal.amend`, undo is `journal.undo`, the list is `journal.entries`. An entry's `id` is its outbox
key. An ambiguous or unsure reading is not saved unless `confirm` is true: the answer is then a
clarification (`status: "clarify"`) with the alternatives; send the text again with `choose`
(field -> the id of the alternative) or `confirm: true`. The schema is served at `/openapi.json`.
"""

import inspect
import json
from datetime import date as Date  # noqa: N812 - `date` is the query parameter's name
from datetime import datetime, timedelta
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, field_validator

from nlentry.server.chat import choices, pick
from nlentry.server.errors import ApiError
from nlentry.server.state import ServerState

__all__ = ["ParseLane", "router"]

MAX_TEXT = 500


# --- the shapes (documentation for /openapi.json and validation of requests) -----------------------


def _moment(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if not 1900 <= value.year <= 9000:
        raise ValueError("now must lie between the years 1900 and 9000")
    return value if value.tzinfo is not None else value.astimezone()


def _clean(text: str) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("the text is not valid Unicode") from None
    if not text.strip():
        raise ValueError("the text is empty")
    return text


def _known_locale(code: str | None) -> str | None:
    from nlentry import locales

    if code is not None and code not in locales.available():
        raise ValueError(f"unknown locale {code!r}; available: {', '.join(locales.available())}")
    return code


class Phrase(BaseModel):
    """A phrase to read, with the instant to read it at and its language (both optional)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_TEXT, examples=["2,5 uur met Rowan aan Timi gewerkt"])
    now: datetime | None = Field(None, description="ISO 8601; relative dates are read from it (default: now)")
    locale: str | None = Field(
        None, description="the language: a locale code, one of the folders of grammars/ (default: detected)"
    )

    _check_text = field_validator("text")(_clean)
    _check_locale = field_validator("locale")(_known_locale)
    _check_now = field_validator("now")(_moment)


_PHRASE = TypeAdapter(Phrase)


class NewEntry(Phrase):
    """A phrase to save: `confirm` saves even an unsure reading; `choose` settles ambiguous names."""

    confirm: bool = False
    choose: dict[Literal["project", "service", "client", "persons"], int | str] = Field(
        default_factory=dict, description="field -> the id of one of its alternatives"
    )


class Ref(BaseModel):
    id: int | str | None
    name: str


class Span(BaseModel):
    field: str
    start: int
    end: int
    text: str


class Alternative(BaseModel):
    id: int | str | None
    name: str
    score: float


class EntryOut(BaseModel):
    """An entry in the parse output format of the conventions (`Entry.to_dict()`)."""

    text: str
    locale: str
    date: str
    start: str | None
    end: str | None
    duration: int | None
    project: Ref | None
    service: Ref | None
    client: Ref | None
    persons: list[Ref]
    tags: list[str]
    billable: bool | None
    description: str
    confidence: float
    spans: list[Span]
    alternatives: dict[str, list[Alternative]]
    warnings: list[str]


class Item(BaseModel):
    """A saved entry: its id (the outbox key) and where it stands."""

    id: str
    state: Literal["posted", "pending", "posting", "failed"]
    provider: str
    deleted: bool
    last_error: str | None
    entry: EntryOut


class Saved(Item):
    status: Literal["saved"] = "saved"


class SavedSeveral(BaseModel):
    """A phrase of several entries (`ma t/m vr 8 uur support`, `9-11 overleg, 11-12 mail`), all saved."""

    status: Literal["saved"] = "saved"
    entries: list[Item]


class Clarify(BaseModel):
    """Not saved: the reading is ambiguous or unsure. Send the text again with `choose` or `confirm`.

    `entry` is the entry in doubt; `entries` all entries of a phrase that holds several (else empty).
    """

    status: Literal["clarify"] = "clarify"
    question: str
    doubts: list[str]
    alternatives: dict[str, list[Alternative]]
    entry: EntryOut
    entries: list[EntryOut] = Field(default_factory=list)


class Problem(BaseModel):
    """An error: a short code and a message for people."""

    error: str
    message: str


def item_json(item: Any, **extra: Any) -> dict[str, Any]:
    """An outbox item as the API shows it (`Item`)."""
    return {
        **extra,
        "id": item.key,
        "state": item.state,
        "provider": item.provider,
        "deleted": item.deleted,
        "last_error": item.last_error,
        "entry": item.entry.to_dict(),
    }


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": Problem, "description": text}
    for code, text in (
        (401, "no or an unknown API key"),
        (413, "the body is too large"),
        (422, "the phrase cannot be read or makes no entry"),
        (429, "too many requests"),
    )
}


# --- the routes ------------------------------------------------------------------------------------


def router(state: ServerState) -> APIRouter:
    """The `/v1` routes over `state`."""
    bearer = HTTPBearer(auto_error=False, description="an API key from `nlentry apikey create`")
    api = APIRouter(prefix="/v1", tags=["entries"], responses=ERRORS)

    async def authenticated(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> str:
        return await authorize(state, f"Bearer {credentials.credentials}" if credentials is not None else "")

    Authenticated = Annotated[str, Depends(authenticated)]

    def now_of(phrase: Phrase) -> datetime | None:
        return _now_of(state, phrase)

    @api.post(
        "/parse",
        response_model=EntryOut,
        summary="Read a phrase (nothing is saved)",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Phrase"}}},
            },
            "security": [{"HTTPBearer": []}],
        },
    )
    async def parse(request: Request) -> Response:
        # Served by `ParseLane` before the router; the route is the schema's, and the fallback for a
        # request the lane leaves alone (an app mounted under a root path).
        entry = await read_phrase(state, request.headers.get("authorization", ""), await request.body())
        return Response(entry, media_type="application/json")

    @api.post(
        "/entries",
        status_code=201,
        response_model=Saved | SavedSeveral,
        responses={200: {"model": Clarify, "description": "not saved: ambiguous or unsure"}},
        summary="Save a phrase as an entry, or as all the entries it holds (or ask which name was meant)",
    )
    def save(phrase: NewEntry, user: Authenticated) -> JSONResponse:
        from nlentry.server.replies import texts_for

        journal = state.users.journal(user)
        entries = journal.read_all(phrase.text, now=now_of(phrase), locale=phrase.locale)
        for name, wanted in phrase.choose.items():
            entries, chosen = _choose(entries, name, wanted, journal.catalog)
            if not chosen:
                raise ApiError(422, "bad_choice", f"{wanted!r} is not one of the {name} alternatives")
        entry, doubts = next(((e, d) for e in entries if (d := journal.doubts(e))), (entries[0], []))
        if doubts and not phrase.confirm:
            say = texts_for(entry.locale)
            fields = [d for d in doubts if d != "confidence"]
            question = " ".join(say.question(f) for f in fields) if fields else say.text("unsure")
            alternatives = {k: v for k, v in entry.to_dict()["alternatives"].items()}
            return JSONResponse(
                Clarify(
                    question=question,
                    doubts=doubts,
                    alternatives=alternatives,
                    entry=EntryOut(**entry.to_dict()),
                    entries=[EntryOut(**e.to_dict()) for e in entries] if len(entries) > 1 else [],
                ).model_dump(),
                status_code=200,
            )
        if len(entries) > 1:  # all committed to the outbox, then posted once
            items = journal.save_all(entries)
            body = {"status": "saved", "entries": [item_json(i) for i in items]}
            return JSONResponse(body, status_code=201)
        item = journal.save(entry)  # committed to the outbox, then posted once
        return JSONResponse(item_json(item, status="saved"), status_code=201)

    @api.get("/entries", response_model=list[Item], summary="The entries of a day (or a range of days)")
    def entries(
        user: Authenticated,
        date: Annotated[Date | None, Query(description="the day, YYYY-MM-DD (default: today)")] = None,
        to: Annotated[Date | None, Query(description="the last day of a range (default: date)")] = None,
    ) -> JSONResponse:
        first = date or (state.now() if state.now is not None else datetime.now().astimezone()).date()
        last = to or first
        if last < first or last - first > timedelta(days=366):
            raise ApiError(422, "bad_range", "'to' must be on or after 'date', at most a year later")
        journal = state.users.journal(user)
        return JSONResponse([item_json(i) for i in journal.entries(first, last)])

    @api.patch("/entries/{entry_id}", response_model=Item, summary="Change an entry with a phrase (amend)")
    def amend(entry_id: str, phrase: Phrase, user: Authenticated) -> JSONResponse:
        journal = state.users.journal(user)
        _, after = journal.amend(phrase.text, key=_key(entry_id), now=now_of(phrase), locale=phrase.locale)
        return JSONResponse(item_json(after))

    @api.delete("/entries/{entry_id}", response_model=Item, summary="Undo an entry (at the provider too)")
    def undo(entry_id: str, user: Authenticated) -> JSONResponse:
        journal = state.users.journal(user)
        return JSONResponse(item_json(journal.undo(_key(entry_id))))

    @api.post(
        "/links", response_model=dict[str, str], summary="Link a chat account with the code the bot sent"
    )
    async def link(body: LinkCode, user: Authenticated) -> dict[str, str]:
        identity = await run_in_threadpool(state.users.redeem, user, body.code)
        return {"linked": identity.partition(":")[0], "user": user}

    return api


# --- POST /v1/parse, the hot path (the load target) ------------------------------------------------

#: JSONResponse's encoding (compact, UTF-8, no NaN), its encoder made once rather than per request
_encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode


async def authorize(state: ServerState, header: str) -> str:
    """The user of the request's API key (the `Authorization` header); 401 without a valid one, 429
    over the rate limit. At most one round trip to the database (`ServerState.admit`), never on the
    event loop."""
    scheme, _, key = header.partition(" ")
    bearer = scheme.lower() == "bearer"
    user, wait = await state.admit(key.strip()) if bearer else (None, 0.0)
    if user is None:
        raise ApiError(
            401,
            "unauthorized",
            "send an API key: 'Authorization: Bearer nle_...' (made with 'nlentry apikey create USER')",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if wait:
        raise ApiError(
            429,
            "rate_limited",
            "too many requests; slow down",
            headers={"Retry-After": str(max(1, round(wait)))},
        )
    return user


def _now_of(state: ServerState, phrase: Phrase) -> datetime | None:
    return phrase.now or (state.now() if state.now is not None else None)


async def read_phrase(state: ServerState, authorization: str, body: bytes) -> bytes:
    """`POST /v1/parse` past the framework: the key's user and a rate token, the body checked as a
    `Phrase`, the phrase read against the user's cached catalog; the entry as JSON bytes.

    Raises `ApiError` (401, 429), `RequestValidationError` (a body that is not a `Phrase`) or an
    `NlentryError` (a phrase that makes no entry); the app's exception handlers answer them."""
    user = await authorize(state, authorization)
    try:
        phrase = _PHRASE.validate_json(body)
    except ValidationError as exc:
        raise RequestValidationError(exc.errors(include_url=False, include_input=False)) from None
    journal = state.users.journal(user)
    entry = journal.read(phrase.text, now=_now_of(state, phrase), locale=phrase.locale)
    return _encode(entry.to_dict()).encode("utf-8")


class ParseLane:
    """ASGI middleware answering `POST /v1/parse` itself, before the router.

    The router's way costs as much per request as the parse: matching every route, the exception
    and exit-stack middleware, FastAPI's dependency solving and response wrapping. The lane reads
    the body (already held by `BodyLimit`, which wraps it), calls `read_phrase` as the route does and
    writes the answer. An error goes to the app's own exception handlers (`handlers`, the app's
    `exception_handlers`), found as Starlette's `ExceptionMiddleware` finds them, so every answer is
    the route's; an exception without a handler propagates to the app's 500 handler as before.
    Other requests, and the route under a root path, pass through untouched.
    """

    def __init__(self, app: Any, *, state: ServerState, handlers: dict[Any, Any]) -> None:
        self.app = app
        self.state = state
        self.handlers = handlers

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"] != "/v1/parse" or scope["method"] != "POST" \
                or scope.get("root_path"):
            await self.app(scope, receive, send)
            return
        try:
            headers = scope["headers"]
            authorization = next((v.decode("latin-1") for k, v in headers if k == b"authorization"), "")
            body = b""
            while True:
                message = await receive()
                if message["type"] != "http.request":  # the client went away
                    return
                body += message.get("body", b"")
                if not message.get("more_body", False):
                    break
            payload = await read_phrase(self.state, authorization, body)
        except Exception as exc:
            handler = self._handler(exc)
            if handler is None:
                raise
            response = handler(Request(scope, receive), exc)
            if inspect.isawaitable(response):
                response = await response
            await response(scope, receive, send)
            return
        await send({"type": "http.response.start", "status": 200, "headers": [
            (b"content-length", str(len(payload)).encode()), (b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": payload})

    def _handler(self, exc: Exception) -> Any:
        """The handler `ExceptionMiddleware` would call for `exc` (the 500 one is not its)."""
        for cls in type(exc).__mro__:
            if cls is Exception:
                return None
            if cls in self.handlers:
                return self.handlers[cls]
        return None


class LinkCode(BaseModel):
    """The one-time code the bot sent to a chat account that is not linked yet."""

    model_config = ConfigDict(extra="forbid")

    code: str = Field(min_length=4, max_length=20, examples=["ABCD-EFGH"])


def _choose(entries: list[Any], name: str, wanted: int | str, catalog: Any) -> tuple[list[Any], bool]:
    """The entries with the alternative `wanted` picked for field `name` wherever it is one; and
    whether it was one anywhere (the entries of one phrase share their names)."""
    out, chosen = [], False
    for entry in entries:
        found = [o for n, o in choices(entry) if n == name and str(o.id) == str(wanted)]
        if found:
            entry, chosen = pick(entry, name, found[0], catalog), True
        out.append(entry)
    return out, chosen


def _key(entry_id: str) -> str:
    if not 4 <= len(entry_id) <= 64:
        raise ApiError(404, "not_found", f"no entry {entry_id[:64]!r}")
    return entry_id
