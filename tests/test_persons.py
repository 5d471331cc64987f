"""Who a phrase names as people: function words never, lowercase strangers only with a question, and a
client or project after `met`/`with` stays that client or project."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

import nlentry
from nlentry import locales

NOW = datetime(2026, 11, 18, 14, 30, tzinfo=timezone(timedelta(hours=1)))  # a Wednesday
CONFIRM_BELOW = 0.6


@pytest.fixture(scope="module")
def catalog() -> nlentry.Catalog:
    return nlentry.Catalog.load("corpus/catalog.json")


@pytest.mark.parametrize("text", [
    "2 uur overleg met de opdrachtgever",
    "2 uur met het hele bureau",
    "1 uur brainstorm met een stagiair",
    "anderhalf uur lunchmeeting met mijn collega's",
    "3 uur workshop met onze klanten",
    "2 uur Overleg met de opdrachtgever",
    "2 hours with the designers",
    "1 hour call with a supplier",
    "2 hours planning with the whole team",
    "90 min review with my manager",
    "2 hours demo with our clients",
    "2 hours Review with the designers",
])
def test_function_words_are_never_persons(catalog: nlentry.Catalog, text: str) -> None:
    entry = nlentry.parse(text, catalog=catalog, now=NOW)
    assert entry.persons == ()
    assert entry.confidence == 1.0
    assert not any("person" in w for w in entry.warnings)


@pytest.mark.parametrize("text, person", [
    ("1 uur met Erik en de klant", "Erik"),
    ("1 hour with Sanne and the client", "Sanne"),
])
def test_a_function_word_ends_the_list_of_people(catalog: nlentry.Catalog, text: str, person: str) -> None:
    entry = nlentry.parse(text, catalog=catalog, now=NOW)
    assert [p.name for p in entry.persons] == [person]
    assert entry.confidence == 1.0


@pytest.mark.parametrize("code, words", [
    ("nl", {"de", "het", "een", "mijn", "onze", "hele"}),
    ("en", {"the", "a", "an", "my", "our", "whole"}),
])
def test_the_function_words_are_locale_data(code: str, words: set[str]) -> None:
    assert words <= set(locales.get(code).words["not_names"])


@pytest.mark.parametrize("text, name", [
    ("2 uur overleg met jantje", "jantje"),
    ("2 uur met klaas gebeld", "klaas"),
    ("met pieter 1 uur testen", "pieter"),
    ("2 hours meeting with bob", "bob"),
    ("1 hour pairing with alice on tests", "alice"),
    ("with frank 30 min call", "frank"),
])
def test_a_lowercase_stranger_asks(catalog: nlentry.Catalog, text: str, name: str) -> None:
    entry = nlentry.parse(text, catalog=catalog, now=NOW)
    assert [p.name for p in entry.persons] == [name]
    assert entry.persons[0].id is None
    assert entry.confidence < CONFIRM_BELOW


@pytest.mark.parametrize("text, name", [
    ("2 uur overleg met Jantje", "Jantje"),
    ("2 hours meeting with Bob", "Bob"),
])
def test_a_capitalised_stranger_does_not_ask(catalog: nlentry.Catalog, text: str, name: str) -> None:
    entry = nlentry.parse(text, catalog=catalog, now=NOW)
    assert [p.name for p in entry.persons] == [name]
    assert entry.confidence >= CONFIRM_BELOW


@pytest.mark.parametrize("text", ["2 uur overleg met erik", "2 hours meeting with sanne"])
def test_a_lowercase_known_person_does_not_ask(catalog: nlentry.Catalog, text: str) -> None:
    entry = nlentry.parse(text, catalog=catalog, now=NOW)
    assert len(entry.persons) == 1 and entry.persons[0].id is not None
    assert entry.confidence == 1.0


@pytest.mark.parametrize("text, project, client", [
    ("2 uur overleg met Acme", "Acme Portal", "Acme"),
    ("2 uur met Gemeente Zeist gebeld", None, "Gemeente Zeist"),
    ("2 uur met de Webshop bezig", "Webshop", "Bakkerij Bol"),
    ("2 uur met webshop", "Webshop", "Bakkerij Bol"),
    ("2 hours call with Acme", "Acme Portal", "Acme"),
    ("2 hours with bakkerij bol", None, "Bakkerij Bol"),
    ("2 hours with Timi", "Timi", "Timi BV"),
])
def test_a_client_or_project_after_with_is_not_a_person(catalog: nlentry.Catalog, text: str,
                                                       project: str | None, client: str) -> None:
    entry = nlentry.parse(text, catalog=catalog, now=NOW)
    assert entry.persons == ()
    assert (entry.project.name if entry.project else None, entry.client.name if entry.client else None) == (
        project, client)
