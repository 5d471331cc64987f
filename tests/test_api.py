"""The library call: the output shape of the conventions, bad input, locale choice, hard limits."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

import nlentry
from nlentry.errors import EntryRefused, InputError, LocaleError

NOW = datetime(2026, 11, 18, 14, 30, tzinfo=timezone(timedelta(hours=1)))  # a Wednesday
KEYS = ["text", "locale", "date", "start", "end", "duration", "project", "service", "client", "persons",
        "tags", "billable", "description", "confidence", "spans", "alternatives", "warnings"]


@pytest.fixture(scope="module")
def catalog() -> nlentry.Catalog:
    return nlentry.Catalog.load("corpus/catalog.json")


def test_the_conventions_example(catalog: nlentry.Catalog) -> None:
    entry = nlentry.parse("2,5 uur met Rowan aan Timi gewerkt", catalog=catalog, now=NOW)
    out = entry.to_dict()
    assert list(out) == KEYS
    assert (out["locale"], out["date"], out["duration"]) == ("nl", "2026-11-18", 9000)
    assert out["project"] == {"id": 47, "name": "Timi"}
    assert out["client"]["id"] == 2
    assert [p["name"] for p in out["persons"]] == ["Rowan"] and out["persons"][0]["id"] is not None
    assert {"field": "duration", "start": 0, "end": 7, "text": "2,5 uur"} in out["spans"]
    assert entry.implied == {"date"}
    json.dumps(out)


def test_spans_point_into_the_text(catalog: nlentry.Catalog) -> None:
    text = "gisteren van 9 tot half 11 overleg met Erik over de nieuwe website"
    entry = nlentry.parse(text, catalog=catalog, now=NOW)
    assert (entry.to_dict()["start"], entry.to_dict()["end"], entry.duration) == ("09:00", "10:30", 5400)
    for span in entry.spans:
        assert text[span.start:span.end] == span.text
    assert "overleg" not in [s.text for s in entry.spans if s.field in ("date", "start", "time")]
    assert entry.description == "overleg met Erik over de nieuwe website"


@pytest.mark.parametrize("text, description", [
    ("2,5 uur met Rowan aan Timi gewerkt", "met Rowan aan Timi gewerkt"),
    ("1h30 code review for Acme yesterday", "code review for Acme"),
    ("half uur standup met Ro, Kaat en Memo #daily", "standup met Ro, Kaat en Memo"),
    ("until 5pm, the last 2 hours testing", "testing"),
])
def test_description_is_the_phrase_without_times_and_tags(text: str, description: str) -> None:
    assert nlentry.parse(text, now=NOW).description == description


@pytest.mark.parametrize("text, locale", [
    ("2 uur meeting met Acme", "nl"),
    ("1h30 code review for Acme yesterday", "en"),
    ("vorige week dinsdag 2u30 testen", "nl"),
    ("monday quarter past 2 to 4 testing", "en"),
    ("2 hours meeting", "en"),  # Dutch accepts "hours" too, but it is borrowed: no vote for Dutch
    ("2 hours vergadering met Piet", "nl"),
])
def test_locale_is_detected_from_the_phrase(text: str, locale: str) -> None:
    assert nlentry.parse(text, now=NOW).locale == locale


def test_locale_override_changes_the_reading() -> None:
    assert nlentry.parse("half drie overleg", now=NOW, locale="nl").to_dict()["start"] == "14:30"
    assert nlentry.parse("half three meeting", now=NOW, locale="en").to_dict()["start"] == "15:30"


def test_persons_outside_the_catalog_are_kept_with_id_none() -> None:
    entry = nlentry.parse("1 uur overleg met Rowan en Kees", now=NOW)
    assert [(p.id, p.name) for p in entry.persons] == [(None, "Rowan"), (None, "Kees")]


def test_more_than_24_hours_is_refused_with_the_entry() -> None:
    with pytest.raises(EntryRefused) as info:
        nlentry.parse("26 uur gewerkt", now=NOW)
    assert info.value.entry.duration == 26 * 3600
    assert "24" in str(info.value)


def test_more_than_12_hours_warns() -> None:
    entry = nlentry.parse("13 uur gewerkt", now=NOW)
    assert entry.duration == 13 * 3600 and entry.warnings


@pytest.mark.parametrize("text, message", [
    ("", "empty"), ("   \t ", "empty"), ("x" * 2001, "limit"), ("2 uur\x00gewerkt", "control"),
    (None, "string"),
])
def test_bad_input_gives_an_input_error(text: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        nlentry.parse(text, now=NOW)  # type: ignore[arg-type]


def test_the_length_limit_is_configurable() -> None:
    from nlentry.api import parse

    assert parse("2 uur " + "x" * 2500, now=NOW, max_length=3000).duration == 7200
    with pytest.raises(InputError):
        parse("2 uur gewerkt", now=NOW, max_length=5)


def test_unsupported_locale() -> None:
    with pytest.raises(LocaleError, match="unsupported locale"):
        nlentry.parse("2 uur", now=NOW, locale="xx")


def test_naive_now_is_read_in_the_local_zone_and_default_now_works() -> None:
    assert nlentry.parse("gisteren 2 uur", now=datetime(2026, 1, 1, 12)).to_dict()["date"] == "2025-12-31"
    assert nlentry.parse("2 uur").date == datetime.now().astimezone().date()


def test_ambiguity_lowers_confidence_and_lists_alternatives() -> None:
    catalog = nlentry.Catalog.from_dict({"projects": [
        {"id": 1, "name": "Alpha", "aliases": ["web"]}, {"id": 2, "name": "Beta", "aliases": ["web"]}]})
    entry = nlentry.parse("2 uur aan web", catalog=catalog, now=NOW)
    assert entry.confidence < 0.9
    assert {a.id for a in entry.alternatives["project"]} | {entry.project.id} == {1, 2}  # type: ignore[union-attr]


def test_dateparser_is_only_a_fallback() -> None:
    import subprocess
    import sys

    code = ("import sys, nlentry; nlentry.parse('gisteren 2 uur testen'); nlentry.parse('2 uur met Erik');"
            "nlentry.parse('12 januari 2016 2 uur'); print('dateparser' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False", "dateparser imported for phrases the grammar reads"


def test_dateparser_reads_what_the_grammar_does_not() -> None:
    entry = nlentry.parse("2 hours review Jan-12-2016", now=NOW)
    assert (entry.date.isoformat(), entry.duration) == ("2016-01-12", 7200)
    assert [s.text for s in entry.spans if s.field == "date"] == ["Jan-12-2016"]
    assert entry.description == "review"


def test_values_made_as_drafts_are_plain_frozen_records(catalog: nlentry.Catalog) -> None:
    """The hot paths fill a mutable twin of a record and then freeze it (`nlentry.model.draft`): what comes
    out must be an ordinary, frozen value of the record's own class."""
    import dataclasses
    import pickle

    from nlentry.model import Entry, Ref, Span, draft, maker

    twin = draft(Span)
    assert draft(Span) is twin and twin is not Span and issubclass(twin, Span)
    blank = twin()  # made with no arguments and no __init__ of Python's: `object`'s own
    assert twin.__init__ is object.__init__ and not hasattr(blank, "__dict__")
    blank.field, blank.start, blank.end, blank.text = "date", 0, 7, "gisteren"
    blank.__class__ = Span
    assert blank == Span("date", 0, 7, "gisteren")
    with pytest.raises(dataclasses.FrozenInstanceError):
        blank.start = 1
    span = maker(Span)("date", 0, 7, "gisteren")
    assert type(span) is Span and span == Span("date", 0, 7, "gisteren")
    assert type(maker(Ref)(3, "Acme")) is Ref and maker(Ref)(3, "Acme") == Ref(3, "Acme")
    with pytest.raises(TypeError):
        maker(Ref)(3)  # every field, or none made
    entry = nlentry.parse("gisteren 2 uur aan webshop met Rowan", catalog=catalog, now=NOW)
    values = [entry, *entry.spans, entry.project, *entry.persons]
    assert [type(v) for v in values] == [Entry, *[Span] * len(entry.spans), Ref, *[Ref] * len(entry.persons)]
    for value in values:
        with pytest.raises(dataclasses.FrozenInstanceError):
            value.start = 1  # type: ignore[union-attr]
        assert pickle.loads(pickle.dumps(value)) == value
    assert entry.replace() == entry and dataclasses.asdict(entry)["spans"][0]["field"] == entry.spans[0].field
