"""The outbox's retry rules against the hosted providers without client-side ids (Timi, Timeneye, Toggl
Track, Clockify, Harvest).

A retry looks for an earlier copy only when the outcome of a post is unknown (a timeout or a connection
lost after sending), matches on the version that was sent, and never takes a remote entry that another
outbox item owns. Each test here lost or doubled an entry under the earlier rule ("look whenever an
earlier attempt was made, for the current version").
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from nlentry.booking.outbox import Outbox
from nlentry.booking.store import Store
from nlentry.model import Entry, Ref
from nlentry.providers._http import FakeApi
from nlentry.providers.base import Provider
from nlentry.providers.clockify.testing import fake_provider as clockify_provider
from nlentry.providers.harvest.testing import fake_provider as harvest_provider
from nlentry.providers.timeneye.testing import fake_provider as timeneye_provider
from nlentry.providers.timetagger import TimeTaggerProvider
from nlentry.providers.timetagger.testing import shared_server, timetagger_installed
from nlentry.providers.timi.testing import fake_provider as timi_provider
from nlentry.providers.toggl.testing import fake_provider as toggl_provider

DAY = date(2026, 11, 18)
Wiring = Callable[[], contextlib.AbstractContextManager[tuple[Any, FakeApi]]]


# the provider's own Webshop and Development (a Timeneye entry needs a project and a phase)
PROJECT: list[Ref] = []
SERVICE: list[Ref] = []


def phrase(minutes: int = 60, text: str = "1 uur overleg klant") -> Entry:
    return Entry(text=text, locale="nl", date=DAY, duration=minutes * 60, description="overleg klant",
                 project=PROJECT[-1], service=SERVICE[-1])


@pytest.fixture(params=[timi_provider, timeneye_provider, toggl_provider, clockify_provider,
                        harvest_provider], ids=["timi", "timeneye", "toggl", "clockify", "harvest"])
def hosted(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Outbox, Provider, FakeApi]]:
    wiring: Wiring = request.param
    with wiring() as (provider, fake), Store(tmp_path / "nlentry.db") as store:
        outbox = Outbox(store, {provider.name: provider}, sleep=lambda s: None)
        webshop = next(p for p in provider.fetch_catalog().projects if p.name == "Webshop")
        development = next(s for s in provider.fetch_catalog().services if s.name == "Development")
        PROJECT.append(Ref(webshop.id, webshop.name))
        SERVICE.append(Ref(development.id, development.name))
        yield outbox, provider, fake
        PROJECT.clear()
        SERVICE.clear()


def at_provider(provider: Provider) -> list[tuple[str, int | None]]:
    return sorted((r.remote_id, r.duration) for r in provider.list_day(DAY))


def test_the_same_phrase_twice_after_a_429_gives_two_entries(
        hosted: tuple[Outbox, Provider, FakeApi]) -> None:
    outbox, provider, fake = hosted
    first = outbox.submit(phrase(), provider.name)
    fake.fail_next(429, headers={"Retry-After": "1"})
    second = outbox.submit(phrase(), provider.name)
    assert outbox.item(second).state == "pending"  # type: ignore[union-attr]
    report = outbox.flush(force=True)
    assert report.posted == [second] and report.found == [], report
    remotes = at_provider(provider)
    assert len(remotes) == 2, "both entries are at the provider"
    ids = {outbox.item(k).remote_id for k in (first, second)}  # type: ignore[union-attr]
    assert ids == {r for r, _ in remotes}, "each item owns its own remote entry"


def test_a_stored_then_timed_out_twin_is_found_and_not_confused_with_the_first(
        hosted: tuple[Outbox, Provider, FakeApi]) -> None:
    outbox, provider, fake = hosted
    first = outbox.submit(phrase(), provider.name)
    fake.fail_next(exc=httpx.ReadTimeout, after=True)  # stored, but the answer never came
    second = outbox.submit(phrase(), provider.name)
    report = outbox.flush(force=True)
    assert report.found == [second] and report.posted == []
    remotes = at_provider(provider)
    assert len(remotes) == 2
    ids = {outbox.item(k).remote_id for k in (first, second)}  # type: ignore[union-attr]
    assert ids == {r for r, _ in remotes}


def test_a_timeout_before_storing_posts_once_without_taking_the_twin(
        hosted: tuple[Outbox, Provider, FakeApi]) -> None:
    outbox, provider, fake = hosted
    outbox.submit(phrase(), provider.name)
    fake.fail_next(exc=httpx.ReadTimeout)  # lost on the way: nothing stored
    second = outbox.submit(phrase(), provider.name)
    report = outbox.flush(force=True)
    assert report.posted == [second] and report.found == []
    assert len(at_provider(provider)) == 2


def test_an_amend_after_a_timed_out_post_updates_the_stored_copy(
        hosted: tuple[Outbox, Provider, FakeApi]) -> None:
    outbox, provider, fake = hosted
    fake.fail_next(exc=httpx.ReadTimeout, after=True)
    key = outbox.submit(phrase(60), provider.name)
    outbox.change(key, phrase(180, "3 uur overleg klant"), post=False)
    report = outbox.flush(force=True)
    assert report.found == [key]
    remotes = at_provider(provider)
    assert [d for _, d in remotes] == [3 * 3600], "one entry, in its amended form"
    assert outbox.item(key).remote_id == remotes[0][0]  # type: ignore[union-attr]


def test_an_undo_after_a_timed_out_post_deletes_the_stored_copy(
        hosted: tuple[Outbox, Provider, FakeApi]) -> None:
    outbox, provider, fake = hosted
    fake.fail_next(exc=httpx.ReadTimeout, after=True)
    key = outbox.submit(phrase(), provider.name)
    outbox.remove(key)
    assert outbox.item(key).state == "posted"  # type: ignore[union-attr]
    assert at_provider(provider) == []


@pytest.mark.parametrize("fault", [{"status": 500}, {"status": 429, "headers": {"Retry-After": "0"}},
                                   {"exc": httpx.ConnectError}],
                         ids=["500", "429", "refused"])
def test_no_look_for_a_copy_after_an_answer_that_stored_nothing(
        hosted: tuple[Outbox, Provider, FakeApi], fault: dict[str, Any]) -> None:
    outbox, provider, fake = hosted
    fake.fail_next(**fault)
    key = outbox.submit(phrase(), provider.name)
    fake.requests.clear()
    assert outbox.flush(force=True).posted == [key]
    assert [r.method for r in fake.requests] == ["POST"], "posted again without listing first"
    assert len(at_provider(provider)) == 1
    # an undo of an entry that never arrived is settled without asking the provider
    fake.fail_next(**fault)
    other = outbox.submit(phrase(30), provider.name)
    fake.requests.clear()
    outbox.remove(other)
    assert fake.requests == [] and outbox.item(other).state == "posted"  # type: ignore[union-attr]


def test_a_copy_found_after_a_flusher_died_mid_amend_is_updated_to_the_amend(
        hosted: tuple[Outbox, Provider, FakeApi]) -> None:
    # found by the storm test (tests/test_storm.py): the version a dead flusher was sending is
    # unsettled too, but the copy found may be an older version: it is updated, not taken as it is
    outbox, provider, fake = hosted
    fake.fail_next(exc=httpx.ReadTimeout, after=True)  # the 1 h entry is stored, the answer lost
    key = outbox.submit(phrase(60), provider.name)
    outbox.change(key, phrase(120, "2 uur overleg klant"), post=False)
    assert outbox._claim(key, outbox.clock(), force=True) is not None  # a flusher takes it, then is killed
    report = outbox.flush(now=outbox.clock() + outbox.lease + 1, force=True)  # its claim is taken over
    assert report.found == [key]
    remotes = at_provider(provider)
    assert [d for _, d in remotes] == [2 * 3600], "one entry, in its amended form"
    assert outbox.item(key).remote_id == remotes[0][0]  # type: ignore[union-attr]


class _StoredThenTimedOut(httpx.HTTPTransport):
    """The real network, except that the first PUT is stored by the server and its answer times out."""

    armed = True

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if self.armed and request.method == "PUT":
            self.armed = False
            response.read()
            raise httpx.ReadTimeout("injected: stored, then the answer timed out", request=request)
        return response


@pytest.mark.skipif(not timetagger_installed(), reason="the timetagger package is not installed")
def test_an_undo_after_a_timed_out_timetagger_post_hides_the_stored_record(tmp_path: Path) -> None:
    # found by the storm test: TimeTagger's timeout was taken as "nothing stored", so the undo was
    # settled locally and the record stayed on the server
    server = shared_server()
    _, token = server.new_user()
    settings = {"base_url": server.api_url, "token": token}
    entry = Entry(text="1 uur overleg", locale="nl", date=DAY, duration=3600, description="overleg")
    provider = TimeTaggerProvider.from_settings(settings, transport=_StoredThenTimedOut())
    with contextlib.closing(provider), Store(tmp_path / "nlentry.db") as store:
        outbox = Outbox(store, {provider.name: provider}, sleep=lambda s: None)
        key = outbox.submit(entry, provider.name)
        assert outbox.item(key).state == "pending"  # type: ignore[union-attr]
        assert [r.remote_id for r in provider.list_day(DAY)] == [key], "the server stored it"
        outbox.remove(key)
        assert outbox.item(key).state == "posted"  # type: ignore[union-attr]
        assert provider.list_day(DAY) == [], "the undone entry is gone from the server"


def _store_then_time_out_next_post(fake: FakeApi, methods: tuple[str, ...] = ("POST",)) -> None:
    """The next POST (or request of `methods`) is stored, then its answer times out (the requests
    before it are answered)."""
    handle = fake.handle

    def once(request: httpx.Request) -> httpx.Response:
        response = handle(request)
        if request.method in methods:
            del fake.handle  # type: ignore[method-assign]
            raise httpx.ReadTimeout("injected: stored, then the answer timed out", request=request)
        return response

    fake.handle = once  # type: ignore[method-assign]


def test_a_version_looked_for_and_not_found_is_not_looked_for_again(
        hosted: tuple[Outbox, Provider, FakeApi]) -> None:
    # (met while writing the storm test) the 1 h version was lost on the way and not found; later a
    # twin's 1 h entry arrives with an unknown outcome: the first item must not take the twin's copy
    # for its own lost 1 h version, which left its stored 3 h copy behind as a double
    outbox, provider, fake = hosted
    fake.fail_next(exc=httpx.ReadTimeout)  # nothing stored, but the client cannot know
    first = outbox.submit(phrase(60), provider.name)
    outbox.change(first, phrase(180, "3 uur overleg klant"), post=False)
    _store_then_time_out_next_post(fake)
    outbox.flush(force=True)  # the 1 h is looked for (absent), the 3 h posted: stored, the answer lost
    fake.fail_next(exc=httpx.ReadTimeout, after=True)  # the twin's 1 h is stored, its answer lost
    twin = outbox.submit(phrase(60), provider.name)
    report = outbox.flush(force=True)
    remotes = at_provider(provider)
    assert sorted(d for _, d in remotes) == [3600, 3 * 3600], "one entry each, nothing doubled"
    assert sorted(report.found) == sorted([first, twin]) and report.posted == []
    owned = {outbox.item(k).remote_id for k in (first, twin)}  # type: ignore[union-attr]
    assert owned == {r for r, _ in remotes}




def test_a_copy_found_is_owned_before_it_is_updated(hosted: tuple[Outbox, Provider, FakeApi]) -> None:
    # (met by the storm: toggl, seed 303, twice the faults) the copy found of an amended entry was
    # updated to the amend, stored, but the answer was lost; the item had not recorded the copy, so
    # the next flush looked again for the 1 h version first sent and took the twin's 1 h copy: the
    # twin then posted anew, and the first copy (already 15 min) was left behind, owned by no one
    outbox, provider, fake = hosted
    fake.fail_next(exc=httpx.ReadTimeout, after=True)
    first = outbox.submit(phrase(60), provider.name)
    fake.fail_next(exc=httpx.ReadTimeout, after=True)
    twin = outbox.submit(phrase(60), provider.name)
    outbox.change(first, phrase(15, "15 min overleg klant"), post=False)
    _store_then_time_out_next_post(fake, ("PUT", "PATCH"))
    outbox.flush(keys=[first], force=True)  # a 1 h copy found and updated to 15 min: the answer lost
    outbox.flush(force=True)
    remotes = at_provider(provider)
    assert sorted(d for _, d in remotes) == [15 * 60, 3600], "one entry each, nothing doubled"
    owned = {outbox.item(k).remote_id for k in (first, twin)}  # type: ignore[union-attr]
    assert owned == {r for r, _ in remotes}
    assert [outbox.item(k).state for k in (first, twin)] == ["posted", "posted"]  # type: ignore[union-attr]


@pytest.mark.parametrize("wiring", [timi_provider, timeneye_provider], ids=["timi", "timeneye"])
def test_a_create_answer_without_id_never_takes_the_twins_entry(wiring: Wiring, tmp_path: Path) -> None:
    # Timi's and Timeneye's create called `find_posted` themselves when the answer named no id (the spec
    # does not know that answer), without the ids other outbox items own: the second "1 uur overleg
    # klant" took the first one's entry, so both owned one remote entry (an undo of either deleted both)
    with wiring() as (provider, fake), Store(tmp_path / "nlentry.db") as store:
        outbox = Outbox(store, {provider.name: provider}, sleep=lambda s: None)
        catalog = provider.fetch_catalog()
        PROJECT.append(next(Ref(p.id, p.name) for p in catalog.projects if p.name == "Webshop"))
        SERVICE.append(next(Ref(s.id, s.name) for s in catalog.services if s.name == "Development"))
        try:
            first = outbox.submit(phrase(), provider.name)
            fake.create_answer_id = False
            second = outbox.submit(phrase(), provider.name)  # stored, but where: an unknown outcome
            fake.create_answer_id = True
            report = outbox.flush(force=True)
            remotes = at_provider(provider)
            assert len(remotes) == 2
            ids = [outbox.item(k).remote_id for k in (first, second)]  # type: ignore[union-attr]
            assert sorted(ids) == sorted(r for r, _ in remotes), "each item owns its own entry"
            assert report.found == [second] and report.posted == [], "its own copy found, not posted again"
            outbox.remove(first)
            assert [r for r, _ in at_provider(provider)] == [ids[1]], "an undo deletes only its own entry"
        finally:
            PROJECT.clear()
            SERVICE.clear()
