"""The Timi provider (timiapp.com): catalog, entries and the running timer over Timi's JSON API.

What is sent and why (see `spec/providers.md` section 1):

- auth: `X-Api-Key: email:token` (`auth.TimiAuth`);
- catalog: `clients.json`, `projects.json`, `services.json` (a list, or the one bare object the
  document's example shows), aliases included (`mapping.catalog_from`);
- create: `POST time_entries.json`, form-encoded, with the entry's description as `body`
  (`mapping.entry_body`: never the phrase of an entry amended since) and nlentry's reading as
  explicit `project_id`, `service_id`, `duration` (seconds) and `date` (DD-MM-YYYY);
- an answer carrying `errors` is a refusal in Timi's words, whatever its status (the document does not
  give the status of a validation error, so it may be a 2xx);
- list: `GET time_entries.json?date=YYYY-MM-DD&page=n`, 100 a page, until `total_entries` is reached;
- update: `PATCH time_entries/{id}.json` (documented); delete: `DELETE time_entries/{id}.json`
  (assumed: Timi's Rails-style resource route; the spec found no delete endpoint);
- timer: `GET time_entries/timer.json` is read by `timer_current`; Timi documents no way to start or
  stop a timer, so `Capability.TIMER` is not declared and `timer_start`/`timer_stop` raise `Unsupported`.

Timi has no client-chosen ids, so a retried post is made safe by `find_posted`: the same day,
duration and body already listed. A create answer naming no id (the document does not know that
answer) is an unknown outcome: the outbox looks the entry up, never taking another item's copy.
What the document leaves unknown (the delete route, the rate limit, the create answer, ...) is named
in `assumptions.py`. httpx is imported when a provider is made, not when this module is.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime, timezone, tzinfo
from typing import TYPE_CHECKING, Any, ClassVar

from nlentry.model import Catalog, Entry
from nlentry.providers._hosted import HostedProvider
from nlentry.providers.base import (
    AuthError,
    Capability,
    Posted,
    RejectedError,
    RemoteEntry,
    TransientError,
    Unsupported,
)
from nlentry.providers.timi import assumptions, mapping

if TYPE_CHECKING:
    import httpx



class TimiProvider(HostedProvider):
    """Timi as an nlentry provider.

    Usage::

        timi = TimiProvider(email="me@example.com", token="...")
        catalog = timi.fetch_catalog()
        posted = timi.create(entry, key=idempotency_key)

    Parameters:
        email, token: the Timi account's e-mail and API token (profile page).
        base_url: the API root; default `https://timiapp.com/api/v1/`.
        transport: replaces the network (tests: `httpx.MockTransport(TimiFake())`).
        timeout: seconds before a request is given up (a `TransientError`).
        rate_limit: at most this many requests per `rate_period` seconds on our side. Timi's number
            is not published, so the default is none; a 429 pauses the client for `rate_period`.
        rate_period: the window of `rate_limit`, in seconds (Timi speaks of "per minute").
        max_wait: longest the client waits for the rate limit before giving the entry back to the outbox.
        tz: the user's zone, to show the running timer in (default: the system's).
        clock: unix seconds (tests move time).
    """

    name: ClassVar[str] = "timi"
    title: ClassVar[str] = "Timi"
    capabilities: ClassVar[frozenset[Capability]] = frozenset(
        {Capability.CATALOG, Capability.CREATE, Capability.UPDATE, Capability.DELETE, Capability.LIST}
    )
    DEFAULT_BASE_URL: ClassVar[str] = assumptions.BASE_URL

    def __init__(
        self,
        *,
        email: str,
        token: str,
        base_url: str = DEFAULT_BASE_URL,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 15.0,
        rate_limit: int | None = assumptions.RATE_LIMIT,
        rate_period: float = assumptions.RATE_PERIOD,
        max_wait: float = 30.0,
        tz: tzinfo | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not email or not token:
            raise AuthError("timi: no e-mail and token configured ([providers.timi] email, token)")
        from nlentry.providers._http.client import Api
        from nlentry.providers._http.ratelimit import RateLimiter
        from nlentry.providers.timi.auth import TimiAuth

        self.tz = tz
        self._clock = clock
        self._api = Api.connect(
            base_url, TimiAuth(email, token), provider=self.name, transport=transport, timeout=timeout,
            limiter=RateLimiter(rate_limit, rate_period, max_wait=max_wait),
            pause_on_429=rate_period, clock=clock,  # a 429 says nothing of how long: back off a window
        )

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any], *,
                      transport: httpx.BaseTransport | None = None) -> TimiProvider:
        """Build from `[providers.timi]`: `email` and `token` (required), `base_url`, `timeout`,
        `rate_limit` and `rate_period` (requests per seconds), `max_wait`, `timezone`."""
        from nlentry.providers._http.settings import Settings

        s = Settings(cls.name, settings)
        return cls(email=s.text("email") or "", token=s.text("token") or "",
                   base_url=s.text("base_url") or cls.DEFAULT_BASE_URL, transport=transport,
                   timeout=s.number("timeout", 15.0), rate_limit=s.whole("rate_limit"),
                   rate_period=s.number("rate_period", assumptions.RATE_PERIOD),
                   max_wait=s.number("max_wait", 30.0), tz=s.zone())

    # --- catalog ---------------------------------------------------------------------------------

    def fetch_catalog(self) -> Catalog:
        """Clients (with their projects), projects and services, aliases included; no people (see mapping)."""
        return mapping.catalog_from(*(self._api.json("GET", f"{part}.json", expect=(list, dict))
                                      for part in ("clients", "projects", "services")))

    # --- entries ---------------------------------------------------------------------------------

    def create(self, entry: Entry, *, key: str) -> Posted:
        """Post the entry. `key` is not sent (Timi has no place for it); retries rely on `find_posted`."""
        created = mapping.entry_object(self._write("POST", "time_entries.json", entry))
        if created is not None:
            return Posted(self.name, str(created["id"]))
        # Stored, but where? Looking here could take another outbox item's copy of the same phrase (only
        # the outbox knows which ids its items own): an unknown outcome, so the next flush looks for
        # this version with every owned id excluded (docs/outbox.md, rules 1 and 3).
        raise TransientError("timi: the entry was accepted but Timi's answer carried no id; "
                             "'nlentry flush' looks it up", maybe_received=True)

    def update(self, remote_id: str, entry: Entry) -> Posted:
        """Replace the entry's body, duration, date, project and service."""
        self._write("PATCH", assumptions.ENTRY_ROUTE.format(id=self._path_id(remote_id)), entry)
        return Posted(self.name, remote_id)

    def _write(self, method: str, path: str, entry: Entry) -> Any:
        """Send the entry's form; the answer, unless it carries `errors`.

        Timi reports validation errors Rails-style (`{"errors": {"duration": ["is geen getal"]}}`) with
        a status the document does not give: a 2xx that carries them is a refusal too, in Timi's words,
        not a success (the outbox keeps the entry, marked failed with that message).
        """
        from nlentry.providers._http.responses import body_messages

        answer = self._api.json(method, path, data=mapping.entry_form(entry))
        if isinstance(answer, dict) and answer.get("errors"):
            reasons = "; ".join(body_messages({"errors": answer["errors"]}))
            raise RejectedError(f"timi: {method} /{path} rejected: {reasons}")
        return answer

    def delete(self, remote_id: str) -> None:
        """Delete the entry; one already gone (404) counts as deleted, so a retried delete succeeds."""
        path = assumptions.ENTRY_ROUTE.format(id=self._path_id(remote_id))
        self._api.request("DELETE", path, missing_ok=True)

    def _rows(self, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
        """Every row of `time_entries.json` for `params`, page after page."""
        for page in range(1, assumptions.MAX_PAGES + 1):
            rows, total, per_page = mapping.entry_rows(self._api.json(
                "GET", "time_entries.json", params={**params, "page": page}, expect=(list, dict)))
            yield from rows
            if not rows or total is None or page * (per_page or len(rows)) >= total:
                return

    def list_day(self, day: date) -> list[RemoteEntry]:
        """The entries of one day, all pages (rows of other days dropped, should the filter be ignored)."""
        remotes = [mapping.remote_entry(row, day=day)
                   for row in self._rows({"date": day.strftime(assumptions.LIST_DATE_FORMAT)})]
        return [r for r in remotes if r.date == day]

    def find_posted(self, entry: Entry, key: str, *, exclude: frozenset[str] = frozenset()) -> Posted | None:
        """An entry with the same day, duration and text (and project) at Timi, not one in `exclude`."""
        if entry.duration is None:
            return None
        remotes = (r for r in self.list_day(entry.date) if r.remote_id not in exclude)
        found = mapping.first_match(remotes, entry)
        return Posted(self.name, found.remote_id) if found is not None else None

    # --- timer -----------------------------------------------------------------------------------

    def timer_start(self, entry: Entry) -> Posted:
        """Unsupported: Timi's API documents no way to start a timer (start it in the Timi app)."""
        raise Unsupported("timi: the API has no documented way to start a timer; start it in the Timi app")

    def timer_stop(self) -> Posted | None:
        """Unsupported: Timi's API documents no way to stop a timer (stop it in the Timi app)."""
        raise Unsupported("timi: the API has no documented way to stop a timer; stop it in the Timi app")

    def timer_current(self) -> RemoteEntry | None:
        """The running timer (`time_entries/timer.json`), or None when Timi answers `{}`.

        Reading works although `Capability.TIMER` is not declared: only starting and stopping are missing.
        """
        now = datetime.fromtimestamp(self._clock(), timezone.utc)
        return mapping.timer_entry(self._api.json("GET", "time_entries/timer.json"), now=now, tz=self.tz)
