"""The assemble stage: the Entry's spans in text order, its description, every field set."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

import nlentry
from nlentry.model import Entry

NOW = datetime(2026, 11, 18, 14, 30, tzinfo=timezone(timedelta(hours=1)))  # a Wednesday


@pytest.fixture(scope="module")
def catalog() -> nlentry.Catalog:
    return nlentry.Catalog.load("corpus/catalog.json")


@pytest.mark.parametrize("text, fields", [
    ("Timi 2 uur", ["project", "duration"]),  # two spans, read in another order than written
    ("2 uur Timi", ["duration", "project"]),
    ("Timi gisteren 2 uur", ["project", "date", "duration"]),  # three
    ("2 uur gisteren Timi", ["duration", "date", "project"]),
    ("Timi 9-11 gisteren", ["project", "time", "date"]),
    ("met Rowan Timi 2 uur gisteren", ["person", "project", "duration", "date"]),  # four
    ("9-11 Timi met Rowan gisteren", ["time", "project", "person", "date"]),
])
def test_spans_are_in_text_order(catalog: nlentry.Catalog, text: str, fields: list[str]) -> None:
    spans = nlentry.parse(text, catalog=catalog, now=NOW).spans
    assert [s.field for s in spans] == fields
    assert [(s.start, s.end) for s in spans] == sorted((s.start, s.end) for s in spans)
    assert all(text[s.start:s.end] == s.text for s in spans)


@pytest.mark.parametrize("text, description", [
    ("2 uur review.", "review"),  # one word: its edges trimmed as those of several
    ("2 uur #daily", ""),  # one word, a tag
    ("2 uur -review-", "review"),
    ("2 uur code review, Timi", "code review, Timi"),
])
def test_description_of_one_word_and_of_several(text: str, description: str) -> None:
    assert nlentry.parse(text, now=NOW).description == description


def test_every_field_of_a_parsed_entry_is_set(catalog: nlentry.Catalog) -> None:
    entry = nlentry.parse("gisteren 9-11 code review Timi met Rowan #daily", catalog=catalog, now=NOW)
    assert type(entry) is Entry
    built = Entry(**{name: getattr(entry, name) for name in Entry._fields})
    assert built == entry and built.to_dict() == entry.to_dict()
    assert entry.billable is None and entry.implied == frozenset({"duration"})
