"""Honest confidence (issue 9, section 2): a reading that did not understand part of the phrase that looks
like a date, a time or a name falls below `confirm_below`, so the user is asked; plain readings stay sure.
Each group below is one kind of over-confidence that was saved silently before."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest

import nlentry
from nlentry.api import leftover_words
from nlentry.booking.journal import DEFAULT_CONFIRM_BELOW as ASK
from nlentry.fallback import fallback_date
from nlentry.model import Catalog

NOW = datetime(2026, 3, 18, 10, 0).astimezone()  # a Wednesday
CATALOG = Catalog.load(Path(__file__).parent.parent / "corpus" / "catalog.json")


def read(text: str) -> nlentry.Entry:
    return nlentry.parse(text, catalog=CATALOG, now=NOW)


@pytest.mark.parametrize("text", [
    "gisteravnd 2 uur webshop",          # one edit from a day-part word
    "yesterdy 2 hours call",             # one edit from "yesterday"
    "gistren 2 uur overleg",             # one edit (a transposition)
    "vorige week 3 uur webshop",         # "week" with no day
    "2 hours meeting in May",            # a month the grammar did not read
    "2 uur overleg 3-mei-1999",          # a date in one word the grammar did not read
    "gisteren 2 uur yesterday overleg",  # a time word of the other locale left over
])
def test_a_time_word_left_unread_asks(text: str) -> None:
    entry = read(text)
    assert entry.confidence < ASK, (entry.confidence, entry.description)
    assert any("date or time" in w for w in entry.warnings)


@pytest.mark.parametrize("text", [
    "at 3 15 call",           # a number beside a clock time
    "03 aug 96 2 uur",        # a two-digit year beside a date
    "9:15z standup 1 uur",    # a letter stuck to a clock time
])
def test_digits_or_letters_beside_a_time_left_unread_ask(text: str) -> None:
    assert read(text).confidence < ASK


@pytest.mark.parametrize("text", [
    "9-12 en 13-17 webshop",      # a second range
    "maandag dinsdag 3 uur",      # a second weekday
    "dinsdag 11 maart 2 uur",     # 11 March 2026 is a Wednesday
    "om 9 om 10 overleg 1 uur",   # a second start
    "10 uur 2 uur gisteren overleg",  # a second length: one of the two was not meant
    "3 hours meeting 1 hour",
])
def test_a_second_range_or_day_asks(text: str) -> None:
    assert read(text).confidence < ASK


def test_a_weekday_that_agrees_with_its_date_stays_sure() -> None:
    assert read("dinsdag 10 maart 2 uur webshop").confidence >= ASK  # 10 March 2026 is a Tuesday


@pytest.mark.parametrize("text", [
    "15h",                        # fifteen hours: rarely meant
    "3 uur overleg 3 mei '99",    # a guessed century, years away
])
def test_an_implausible_length_or_far_date_asks(text: str) -> None:
    assert read(text).confidence < ASK


@pytest.mark.parametrize("text", ["8.30-12 configurator", "10.15-12.45 ontwerp"])
def test_dotted_clock_digits_are_never_a_silent_far_date(text: str) -> None:
    entry = read(text)  # once read as 30 Aug 2012 at full confidence
    assert entry.start is not None or entry.confidence < ASK
    assert abs((entry.date - NOW.date()).days) <= 366 or entry.confidence < ASK


def test_the_fallback_never_turns_clock_digits_into_a_date() -> None:
    text = "overleg 7.45-11.15 mei"
    assert fallback_date(text, leftover_words(text, []), "nl", NOW) is None


@pytest.mark.parametrize(("text", "code"), [("hackathon 2026 dag 2: 6u", "nl"),
                                            ("hackathon 2026 day 2: 6h", "en")])
def test_the_fallback_takes_no_date_its_numbers_do_not_say(text: str, code: str) -> None:
    now = datetime.fromisoformat("2026-11-18T14:30:00+01:00")  # dateparser read "2026 dag 2" as 2 May 2021
    entry = nlentry.parse(text, now=now)
    assert entry.date == now.date() and "date" in entry.implied
    assert fallback_date(text, leftover_words(text, []), code, now) is None


def test_the_fallback_still_reads_a_date_written_with_numbers() -> None:
    text = "2h review may 2nd 2026"
    assert fallback_date(text, leftover_words(text, []), "en", NOW) == (date(2026, 5, 2), 10, 22)


@pytest.mark.parametrize("text", [
    "pff.. 6u dev webshop, morgen verder",   # a remark about tomorrow, once booked on tomorrow silently
    "lol 6h dev webshop, back tomorrow",
    "komende vrijdag 2 uur overleg",           # allowed, but rarely meant
    "next friday 2h meeting",
])
def test_a_date_to_come_asks(text: str) -> None:
    entry = read(text)
    assert entry.date > NOW.date() and entry.confidence < ASK
    assert any("future" in w for w in entry.warnings)


@pytest.mark.parametrize("text", ["volgende week ma en di 2 uur overleg", "next week mon and tue 2h meeting"])
def test_each_day_to_come_of_a_list_asks(text: str) -> None:
    entries = nlentry.parse_all(text, catalog=CATALOG, now=NOW)  # each day is set after parse weighed its own
    assert len(entries) == 2 and all(e.date > NOW.date() and e.confidence < ASK for e in entries)
    assert all(any("future" in w for w in e.warnings) for e in entries)


def test_a_far_date_to_come_is_doubted_once() -> None:
    entry = read("3 uur overleg 3 mei '35")  # a guessed century, years to come: one doubt of where it lies
    assert entry.date.year == 2035 and entry.confidence < ASK
    assert [w for w in entry.warnings if "future" in w or "year away" in w] == [
        "the date 03 May 2035 is more than a year away"]


@pytest.mark.parametrize("text", ["vandaag 2 uur overleg", "vrijdag 2 uur overleg", "gisteren 2 uur overleg",
                                  "2h meeting today"])
def test_today_and_days_past_stay_sure(text: str) -> None:
    entry = read(text)
    assert entry.date <= NOW.date() and entry.confidence >= ASK


def test_a_morning_until_12_ends_at_noon() -> None:
    entry = read("vanmorgen 8-12 webshop")
    assert (entry.start, entry.end, entry.duration) == (time(8), time(12), 4 * 3600)


@pytest.mark.parametrize("text", ["3h on the 2nd version of the design",
                                  "3 uur aan de 2e versie van het ontwerp"])
def test_an_ordinal_before_a_noun_is_never_a_silent_date(text: str) -> None:
    entry = read(text)  # "the 2nd version": a day of the month only if the reading asks
    assert "date" in entry.implied or entry.confidence < ASK


@pytest.mark.parametrize(("text", "person"), [
    ("2 uur overleg met Sane", "Sanne"),          # once the unknown person "Sane", saved silently
    ("1h call with rowa", "Rowan"),
    ("overleg met Rwan en Lisa 1 uur", "Rowan"),
])
def test_a_person_a_letter_short_is_that_person_and_asks(text: str, person: str) -> None:
    entry = read(text)
    assert person in [p.name for p in entry.persons] and all(p.id is not None for p in entry.persons)
    assert entry.confidence < ASK and any(person in w for w in entry.warnings)


@pytest.mark.parametrize("text", ["2 uur overleg met Tess", "overleg met Lisa 1 uur", "1h call with Daan",
                                  "2 uur overleg met Anne"])  # Anne: a name of its own, not Sanne
def test_a_four_letter_name_no_catalog_person_is_a_letter_longer_than_reads_as_before(text: str) -> None:
    entry = read(text)  # an exact name stays sure; an unknown capitalised one stays an unknown person
    assert len(entry.persons) == 1 and entry.confidence >= ASK


def test_a_near_miss_client_after_met_is_no_person() -> None:
    entry = read("2 uur met Acmee")
    assert entry.persons == () and entry.client is not None and entry.client.name == "Acme"
    assert entry.confidence < ASK  # one edit from a four-letter name: weak, so asked


def test_a_catalog_word_after_an_indefinite_article_asks() -> None:
    entry = read("2 hours call with an intern")
    assert entry.confidence < ASK


def test_a_prefix_of_a_catalog_name_resolves_and_asks() -> None:
    entry = read("intranet 2 uur")
    assert entry.project is not None and entry.project.name == "Intranet 2.0"
    assert entry.confidence < ASK


@pytest.mark.parametrize("text", [
    "2 uur webshop", "gisteren 9-11 overleg met Rowan", "versie 2.0 uitgerold, 1,5 uur", "ticket 1234 1h",
    "1 uur last-minute wijzigingen voor de demo", "release 3.4 prep 2 hours", "2 uur aan de webshop",
    "2 uur sprint 12 planning", "45 min release notes for version 4.1", "vanmiddag 2 uur design",
])
def test_plain_readings_stay_sure(text: str) -> None:
    entry = read(text)
    assert entry.confidence >= ASK, (entry.confidence, entry.warnings)


def test_a_prefix_several_names_share_gives_alternatives_not_a_guess() -> None:
    from nlentry.model import Project

    catalog = Catalog(projects=(Project(1, "Mobile App"), Project(2, "Mobile Web"),
                                Project(3, "Intranet 2.0")))
    entry = nlentry.parse("aan mobile gewerkt 2 uur", catalog=catalog, now=NOW)
    assert entry.project is not None
    assert {entry.project.id, *(a.id for a in entry.alternatives["project"])} == {1, 2}
    assert entry.confidence < nlentry.parse("intranet 2 uur", catalog=catalog, now=NOW).confidence < ASK
    assert nlentry.parse("mobile app 2 uur", catalog=catalog, now=NOW).confidence == 1.0


@pytest.mark.parametrize("text", ["3:30", "1h30", "3h18", "10-12", "3 uur", "2 uur"])
def test_a_phrase_of_one_value_whose_kind_a_convention_chose_asks(text: str) -> None:
    entry = read(text)  # a length or a time of day? a range or a date? nothing else in the phrase says
    assert entry.confidence < ASK
    assert any("alone could also be" in w for w in entry.warnings)


@pytest.mark.parametrize("text", ["3:30 code review", "10-12 overleg", "2 uur overleg", "2,5 uur", "3h",
                                  "27-3", "2 hours"])
def test_a_value_with_words_around_it_or_of_one_kind_stays_sure(text: str) -> None:
    assert not any("alone could also be" in w for w in read(text).warnings)
