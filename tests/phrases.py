"""Hypothesis strategies for tests/test_properties.py: random time-entry phrases that know their reading.

A phrase is built from *parts* (a duration or a clock range, optionally a date, a project, a service,
people and filler words), each rendered in one of the surface forms the conventions
(shared/spec/conventions.md) and the corpus support, and put in a random order. Every part carries the
values it stands for, so the expected entry is computed here, with plain datetime arithmetic from `now`,
independently of the parser.

Usage::

    @given(phrases())
    def test_round_trip(case: Case) -> None:
        entry = nlentry.parse(case.text, catalog=CATALOG, now=case.now, locale=case.locale)
        assert entry.duration == case.expect["duration"]
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

from hypothesis import assume
from hypothesis import strategies as st

from nlentry import locales
from nlentry.catalog.index import normalize, one_edit
from nlentry.model import Catalog

CATALOG_PATH = Path(__file__).resolve().parent.parent / "corpus" / "catalog.json"
CATALOG_DATA: dict[str, Any] = json.loads(CATALOG_PATH.read_text(encoding="utf-8"))
CATALOG = Catalog.from_dict(CATALOG_DATA)

ZONES = (timezone(timedelta(hours=1)), timezone(timedelta(hours=2)))

NL_WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
NL_WEEKDAYS_SHORT = ("ma", "di", "wo", "do", "vr", "za", "zo")
EN_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
EN_WEEKDAYS_SHORT = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
NL_NUMBERS = ("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf")
EN_NUMBERS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
              "twelve")
NUMBER_WORDS = frozenset(NL_NUMBERS + EN_NUMBERS + ("één",))


# ---- the expected entry --------------------------------------------------------------------------


@dataclass
class Part:
    """One piece of a phrase: its text, what kind of piece it is, and the values it stands for."""

    text: str
    kind: str  # duration | range | date | project | service | persons | filler
    form: str = ""  # which surface form (for the known-bug rules and for failure messages)
    values: dict[str, Any] = field(default_factory=dict)


@dataclass
class Case:
    """A generated phrase with everything needed to parse it and check the result."""

    text: str
    lang: str
    now: datetime
    locale: str | None
    expect: dict[str, Any]
    parts: list[Part]

    def __repr__(self) -> str:  # what hypothesis prints for a falsifying example
        forms = ", ".join(f"{p.kind}:{p.form}" for p in self.parts)
        return (f"Case(text={self.text!r}, lang={self.lang!r}, now={self.now.isoformat()!r}, "
                f"locale={self.locale!r}, expect={self.expect!r}, parts=[{forms}])")


def working_hour(h: int) -> int:
    """The conventions' working-hours rule for a bare hour: 1..6 are afternoon hours, the rest stand."""
    return h + 12 if 1 <= h <= 6 else h


def weekday_recent(today: date, wd: int) -> date:
    """A bare weekday: the most recent such day, today included."""
    return today - timedelta(days=(today.weekday() - wd) % 7)


def weekday_last(today: date, wd: int) -> date:
    """afgelopen/vorige dinsdag, last tuesday: the most recent such day strictly before today."""
    return today - timedelta(days=(today.weekday() - wd) % 7 or 7)


def weekday_prev_week(today: date, wd: int) -> date:
    """vorige week dinsdag, tuesday last week: that day of the previous ISO week."""
    return today - timedelta(days=today.weekday() + 7) + timedelta(days=wd)


def weekday_next(today: date, wd: int) -> date:
    """komende/volgende dinsdag, next tuesday: the first such day strictly after today."""
    return today + timedelta(days=(wd - today.weekday()) % 7 or 7)


def most_recent_day_month(today: date, day: int, month: int) -> date:
    """A day and month with no year: the most recent such date, today included."""
    year = today.year
    while True:
        try:
            candidate = date(year, month, day)
        except ValueError:  # 29 February in a common year
            year -= 1
            continue
        if candidate <= today:
            return candidate
        year -= 1


def pair_reads_as_date(a: str, b: str, other_clock: bool) -> bool:
    """The conventions' rule for two bare numbers joined by a dash ("9-11" range, "27-3" date)."""
    if other_clock or (len(b) == 2 and b.startswith("0")):
        return True
    x, y = int(a), int(b)
    if not (0 <= x <= 24 and 0 <= y <= 24):
        return True
    return working_hour(y) <= working_hour(x)


# ---- vocabulary ----------------------------------------------------------------------------------


def _catalog_keys() -> set[str]:
    keys: set[str] = set()
    for section in ("clients", "projects", "services", "people"):
        for row in CATALOG_DATA.get(section, []):
            for name in [row["name"], *row.get("aliases", [])]:
                keys.add(normalize(name))
    return keys


CATALOG_KEYS = frozenset(_catalog_keys())
CATALOG_TOKENS = frozenset(t for k in CATALOG_KEYS for t in re.findall(r"\w+", k))


def _time_words() -> frozenset[str]:
    words: set[str] = set()
    for code in locales.available():
        loc = locales.get(code)
        words |= {w for w in loc.literals if " " not in w}
        words |= set(loc.vocabulary) | set(loc.numbers) | set(loc.ordinals) | set(loc.daypart_words)
        for cue_list in loc.cues.values():
            words |= {w for c in cue_list for w in c.split()}
    return frozenset(words)


TIME_WORDS = _time_words()


def is_safe_word(word: str) -> bool:
    """A filler word must mean nothing to the parser: no time word, cue, catalog name or near miss."""
    for w in word.split():
        if not w.isalpha() or w in TIME_WORDS or w in CATALOG_TOKENS:
            return False
        if any(one_edit(w, key) for key in CATALOG_KEYS):
            return False
    return True


_NL_FILLERS = ("gewerkt", "bezig geweest", "gedaan", "afgerond", "opgepakt", "uitgezocht", "aangepast",
               "nagekeken", "opgeruimd", "bugs", "tickets", "mails", "klantwensen")
_EN_FILLERS = ("worked", "fixing stuff", "stuff", "done", "wrapped up", "emails", "calls", "cleanup",
               "refactoring", "tickets", "notes", "prep work")
_NEUTRAL_FILLERS = ("backlog", "pixel", "server", "sync", "cache", "queue", "widget", "pipeline", "schema",
                    "logboek", "bestand", "scherm", "knop", "kwaliteit", "banaan", "query", "lint", "bericht")

NL_FILLERS = tuple(w for w in _NL_FILLERS + _NEUTRAL_FILLERS if is_safe_word(w))
EN_FILLERS = tuple(w for w in _EN_FILLERS + _NEUTRAL_FILLERS if is_safe_word(w))


# ---- durations -----------------------------------------------------------------------------------

_DECIMALS = ((25, 900), (5, 1800), (75, 2700))


@st.composite
def nl_duration(draw: st.DrawFn) -> Part:
    form = draw(st.sampled_from([
        "hours", "hours_glued", "hours_word", "decimal", "unit_hm", "minutes", "minutes_glued",
        "anderhalf", "half_uur", "kwartier", "kwartieren", "uurtje", "uur_en_kwartier", "uur_min",
        "uur_en_min",
    ]))
    n = draw(st.integers(1, 9))
    m = draw(st.integers(1, 59))
    if form == "hours":
        unit = draw(st.sampled_from(["uur", "u", "uren"]))
        return Part(f"{n} {unit}", "duration", form, {"duration": n * 3600})
    if form == "hours_glued":
        unit = draw(st.sampled_from(["u", "h"]))
        return Part(f"{n}{unit}", "duration", form, {"duration": n * 3600})
    if form == "hours_word":
        k = draw(st.integers(1, 12))
        word = "één" if k == 1 and draw(st.booleans()) else NL_NUMBERS[k - 1]
        return Part(f"{word} uur", "duration", form, {"duration": k * 3600})
    if form == "decimal":
        whole = draw(st.integers(0, 9))
        frac, extra = draw(st.sampled_from(_DECIMALS))
        sep = draw(st.sampled_from([",", "."]))
        unit = draw(st.sampled_from([" uur", " u", "h", " h"]))
        return Part(f"{whole}{sep}{frac}{unit}", "duration", form, {"duration": whole * 3600 + extra})
    if form == "unit_hm":
        unit = draw(st.sampled_from(["u", "h"]))
        return Part(f"{n}{unit}{m:02d}", "duration", form, {"duration": n * 3600 + m * 60})
    if form == "minutes":
        k = draw(st.integers(1, 240))
        unit = draw(st.sampled_from(["min", "minuten", "m"] + (["minuut"] if k == 1 else [])))
        return Part(f"{k} {unit}", "duration", form, {"duration": k * 60})
    if form == "minutes_glued":
        k = draw(st.integers(1, 240))
        unit = draw(st.sampled_from(["m", "min"]))
        return Part(f"{k}{unit}", "duration", form, {"duration": k * 60})
    if form == "anderhalf":
        return Part("anderhalf uur", "duration", form, {"duration": 5400})
    if form == "half_uur":
        text = draw(st.sampled_from(["een half uur", "een halfuur", "halfuur", "half uurtje"]))
        return Part(text, "duration", form, {"duration": 1800})
    if form == "kwartier":
        return Part("een kwartier", "duration", form, {"duration": 900})
    if form == "kwartieren":
        k = draw(st.integers(2, 3))
        word = draw(st.sampled_from([NL_NUMBERS[k - 1], str(k)]))
        return Part(f"{word} kwartier", "duration", form, {"duration": k * 900})
    if form == "uurtje":
        return Part("een uurtje", "duration", form, {"duration": 3600})
    if form == "uur_en_kwartier":
        return Part(f"{n} uur en een kwartier", "duration", form, {"duration": n * 3600 + 900})
    if form == "uur_min":
        unit = draw(st.sampled_from(["min", "minuten"]))
        return Part(f"{n} uur {m} {unit}", "duration", form, {"duration": n * 3600 + m * 60})
    assert form == "uur_en_min"
    return Part(f"{n} uur en {m} minuten", "duration", form, {"duration": n * 3600 + m * 60})


@st.composite
def en_duration(draw: st.DrawFn) -> Part:
    form = draw(st.sampled_from([
        "hours", "hours_glued", "hours_word", "decimal", "unit_hm", "unit_hm_m", "minutes",
        "minutes_glued", "hour_and_half", "n_and_half", "half_hour", "quarter_hour", "three_quarters",
        "hours_minutes",
    ]))
    n = draw(st.integers(1, 9))
    m = draw(st.integers(1, 59))
    if form == "hours":
        unit = draw(st.sampled_from(["hour" if n == 1 else "hours", "hrs", "hr"]))
        return Part(f"{n} {unit}", "duration", form, {"duration": n * 3600})
    if form == "hours_glued":
        return Part(f"{n}h", "duration", form, {"duration": n * 3600})
    if form == "hours_word":
        k = draw(st.integers(1, 12))
        word = draw(st.sampled_from(["an", "one"])) if k == 1 else EN_NUMBERS[k - 1]
        return Part(f"{word} {'hour' if k == 1 else 'hours'}", "duration", form, {"duration": k * 3600})
    if form == "decimal":
        whole = draw(st.integers(0, 9))
        frac, extra = draw(st.sampled_from(_DECIMALS))
        sep = draw(st.sampled_from([".", ".", ","]))
        unit = draw(st.sampled_from([" hours", "h", " hrs"]))
        return Part(f"{whole}{sep}{frac}{unit}", "duration", form, {"duration": whole * 3600 + extra})
    if form == "unit_hm":
        return Part(f"{n}h{m:02d}", "duration", form, {"duration": n * 3600 + m * 60})
    if form == "unit_hm_m":
        return Part(f"{n}h{m:02d}m", "duration", form, {"duration": n * 3600 + m * 60})
    if form == "minutes":
        k = draw(st.integers(1, 240))
        unit = draw(st.sampled_from(["minute" if k == 1 else "minutes", "mins", "min"]))
        return Part(f"{k} {unit}", "duration", form, {"duration": k * 60})
    if form == "minutes_glued":
        k = draw(st.integers(1, 240))
        unit = draw(st.sampled_from(["m", "min", "mins"]))
        return Part(f"{k}{unit}", "duration", form, {"duration": k * 60})
    if form == "hour_and_half":
        return Part("an hour and a half", "duration", form, {"duration": 5400})
    if form == "n_and_half":
        return Part(f"{n} and a half hours", "duration", form, {"duration": n * 3600 + 1800})
    if form == "half_hour":
        return Part("half an hour", "duration", form, {"duration": 1800})
    if form == "quarter_hour":
        return Part("a quarter of an hour", "duration", form, {"duration": 900})
    if form == "three_quarters":
        return Part("three quarters of an hour", "duration", form, {"duration": 2700})
    assert form == "hours_minutes"
    hours = "hour" if n == 1 else "hours"
    minutes = "minute" if m == 1 else draw(st.sampled_from(["minutes", "mins"]))
    joiner = draw(st.sampled_from([" ", " and "]))
    return Part(f"{n} {hours}{joiner}{m} {minutes}", "duration", form, {"duration": n * 3600 + m * 60})


# ---- clock ranges --------------------------------------------------------------------------------


def _bare_hour_texts(hour: int) -> list[str]:
    """How a whole hour of the day can be written as a bare number that the working-hours rule reads
    back as that hour (07..23 only: earlier hours need a day part or am)."""
    out = []
    if 7 <= hour <= 12:
        out.append(str(hour))
    if 13 <= hour <= 18:
        out.append(str(hour - 12))
    if 13 <= hour <= 23:
        out.append(str(hour))
    return out


@st.composite
def _clock_text(draw: st.DrawFn, minutes: int, style: str, seps: tuple[str, ...] = (":",)) -> str:
    """A clock time (minutes of the day) written in `style`: bare, hm, half (nl), meridiem (en).

    `seps` are the hour-minute separators allowed where the time stands ("14.30" only after a cue)."""
    h, m = divmod(minutes, 60)
    if style == "bare":
        return draw(st.sampled_from(_bare_hour_texts(h)))
    if style == "hm":
        hour = draw(st.sampled_from(_bare_hour_texts(h) + ([f"{h:02d}"] if h < 10 else [])))
        sep = draw(st.sampled_from(seps))
        return f"{hour}{sep}{m:02d}"
    if style == "half":  # "half 12" = 11:30, "half 3" = 2:30 -> 14:30
        words = [str(n) for n in range(2, 13) if working_hour(n - 1) == h]
        n = int(draw(st.sampled_from(words)))
        return draw(st.sampled_from([str(n), NL_NUMBERS[n - 1]]))
    assert style == "meridiem"
    h12 = h % 12 or 12
    suffix = draw(st.sampled_from(["am", " am", "a.m.", " a.m."] if h < 12
                                  else ["pm", " pm", "p.m.", " p.m."]))
    if m == 0 and draw(st.booleans()):
        return f"{h12}{suffix}"
    return f"{h12}:{m:02d}{suffix}"


def _style_ok(minutes: int, style: str) -> bool:
    h, m = divmod(minutes, 60)
    if style == "bare":
        return m == 0 and bool(_bare_hour_texts(h))
    if style == "hm":
        return bool(_bare_hour_texts(h))
    if style == "half":
        return m == 30 and any(working_hour(n - 1) == h for n in range(2, 13))
    return True


_RANGE_FORMS = {
    "nl": ["van_tot", "dash_hm", "pair", "tussen"],
    "en": ["from_to", "dash_hm", "pair", "between", "meridiem_dash"],
}


@st.composite
def clock_range(draw: st.DrawFn, lang: str) -> Part:
    """A clock range: start < end, every bare hour written so the working-hours rule reads it back."""
    form = draw(st.sampled_from(_RANGE_FORMS[lang]))
    if form == "pair":
        styles = ("bare", "bare")
    elif form == "tussen":
        styles = draw(st.sampled_from([("bare", "bare"), ("hm", "hm")]))
    elif form == "between":
        styles = draw(st.sampled_from([("bare", "bare"), ("hm", "hm"), ("meridiem", "meridiem")]))
    elif form == "dash_hm":
        styles = ("hm", "hm")
    elif form == "meridiem_dash":
        styles = ("meridiem", "meridiem")
    elif form == "van_tot":
        either = st.sampled_from(["bare", "hm", "half"])
        styles = (draw(either), draw(either))
    else:  # from_to
        styles = draw(st.sampled_from([("bare", "bare"), ("hm", "hm"), ("meridiem", "meridiem"),
                                       ("bare", "hm"), ("hm", "bare")]))
    step = 60 if styles[0] == "bare" else 30 if styles[0] == "half" else 5
    lowest = 0 if styles[0] == "meridiem" else 7 * 60
    start = draw(st.integers(lowest // step, 22 * 60 // step).map(lambda k: k * step)
                 .filter(lambda s: _style_ok(s, styles[0])))
    step_b = 60 if styles[1] == "bare" else 30 if styles[1] == "half" else 5
    end = draw(st.integers(start // step_b + 1, (23 * 60 + 59) // step_b).map(lambda k: k * step_b)
               .filter(lambda e: e > start and _style_ok(e, styles[1])))
    # "14.30", "14u30", "14h30" are clock times after a cue word ("van"); ":" everywhere
    seps = {"van_tot": (":", ":", ".", "u", "h"), "dash_hm": (":", ":", "u")}.get(form, (":",))
    sep = draw(st.sampled_from(seps))
    a = draw(_clock_text(start, styles[0], (sep,)))
    b = draw(_clock_text(end, styles[1], (sep,)))
    if styles[0] == "half":
        a = "half " + a
    if styles[1] == "half":
        b = "half " + b
    if form == "van_tot":
        cue = draw(st.sampled_from(["van", "vanaf"]))
        text = f"{cue} {a} tot {b}"
        if styles[1] == "bare" and draw(st.booleans()):
            text += " uur"
    elif form == "from_to":
        text = f"from {a} {draw(st.sampled_from(['to', 'till', 'until']))} {b}"
    elif form in ("dash_hm", "meridiem_dash"):
        text = f"{a}{draw(st.sampled_from(['-', ' - ', '–']))}{b}"
    elif form == "pair":
        assert not pair_reads_as_date(a, b, other_clock=False), (a, b)  # start < end: a clock range
        text = f"{a}-{b}"
    elif form == "tussen":
        text = f"tussen {a} en {b}"
    else:
        text = f"between {a} and {b}"
    values = {"start": time(*divmod(start, 60)), "end": time(*divmod(end, 60)),
              "duration": (end - start) * 60}
    return Part(text, "range", f"{form}/{styles[0]}-{styles[1]}", values)


# ---- dates ---------------------------------------------------------------------------------------


@st.composite
def _numeric_date(draw: st.DrawFn, today: date, other_clock: bool) -> tuple[str, date]:
    with_year = draw(st.booleans())
    if with_year:
        day_value = draw(st.dates(date(2015, 1, 1), date(2030, 12, 31)))
        d, m, y = day_value.day, day_value.month, day_value.year
        form = draw(st.sampled_from(["dmy", "dmy_padded", "dmy_slash", "dmy_dot", "iso"]))
        text = {
            "dmy": f"{d}-{m}-{y}",
            "dmy_padded": f"{d:02d}-{m:02d}-{y}",
            "dmy_slash": f"{d}/{m}/{y}",
            "dmy_dot": f"{d:02d}.{m:02d}.{y}",
            "iso": f"{y}-{m:02d}-{d:02d}",
        }[form]
        return text, day_value
    m = draw(st.integers(1, 12))
    d = draw(st.integers(1, 29 if m == 2 else 30 if m in (4, 6, 9, 11) else 31))
    a = draw(st.sampled_from([str(d), f"{d:02d}"]))
    b = draw(st.sampled_from([str(m), f"{m:02d}"]))
    sep = draw(st.sampled_from(["-", "-", "/"]))
    if sep == "-" and not pair_reads_as_date(a, b, other_clock):
        b = f"{m:02d}"
        if not pair_reads_as_date(a, b, other_clock):  # "10-11" is a clock range
            sep = "/"
    return f"{a}{sep}{b}", most_recent_day_month(today, d, m)


@st.composite
def date_part(draw: st.DrawFn, lang: str, today: date, has_range: bool, other_clock: bool) -> Part:
    """A date phrase. `has_range`: the phrase has a clock range (then no day parts, which move bare hours);
    `other_clock`: it has a clock range other than a bare "9-11" (then "10-11" reads as a date)."""
    forms = ["yesterday", "day_before", "today", "weekday", "weekday_short", "weekday_cued", "last",
             "prev_week", "ago", "numeric", "tomorrow", "next"]
    if not has_range:
        forms.append("daypart_today")  # a day part moves bare hours; only with a duration
    form = draw(st.sampled_from(forms))
    wd = draw(st.integers(0, 6))
    nl = lang == "nl"
    full = (NL_WEEKDAYS if nl else EN_WEEKDAYS)[wd]
    short = (NL_WEEKDAYS_SHORT if nl else EN_WEEKDAYS_SHORT)[wd]
    if form == "yesterday":
        return Part("gisteren" if nl else "yesterday", "date", form, {"date": today - timedelta(days=1)})
    if form == "day_before":
        text = "eergisteren" if nl else draw(st.sampled_from(["the day before yesterday",
                                                              "day before yesterday"]))
        return Part(text, "date", form, {"date": today - timedelta(days=2)})
    if form == "today":
        return Part("vandaag" if nl else "today", "date", form, {"date": today})
    if form == "daypart_today":
        text = draw(st.sampled_from(["vanochtend", "vanmiddag", "vanavond"] if nl
                                    else ["this morning", "this afternoon", "tonight"]))
        return Part(text, "date", form, {"date": today})
    if form == "tomorrow":
        return Part("morgen" if nl else "tomorrow", "date", form, {"date": today + timedelta(days=1)})
    if form == "weekday":
        return Part(full, "date", form, {"date": weekday_recent(today, wd)})
    if form == "weekday_short":
        return Part(short, "date", form, {"date": weekday_recent(today, wd)})
    if form == "weekday_cued":
        name = draw(st.sampled_from([full, short]))
        return Part(f"{'op' if nl else 'on'} {name}", "date", form, {"date": weekday_recent(today, wd)})
    if form == "last":
        cue = draw(st.sampled_from(["afgelopen", "vorige"] if nl else ["last", "past", "previous"]))
        return Part(f"{cue} {full}", "date", form, {"date": weekday_last(today, wd)})
    if form == "prev_week":
        text = draw(st.sampled_from([f"vorige week {full}", f"{full} vorige week", f"afgelopen week {full}"]
                                    if nl else [f"{full} last week", f"last week {full}"]))
        return Part(text, "date", form, {"date": weekday_prev_week(today, wd)})
    if form == "next":
        cue = draw(st.sampled_from(["komende", "volgende"] if nl else ["next", "coming"]))
        return Part(f"{cue} {full}", "date", form, {"date": weekday_next(today, wd)})
    if form == "ago":
        unit = draw(st.sampled_from(["days", "weeks"]))
        k = draw(st.integers(1, 30 if unit == "days" else 4))
        if nl:
            word = ("dag" if k == 1 else "dagen") if unit == "days" else ("week" if k == 1 else "weken")
            number = draw(st.sampled_from([str(k), NL_NUMBERS[k - 1]])) if k <= 12 else str(k)
            text = f"{number} {word} {draw(st.sampled_from(['geleden', 'terug']))}"
        else:
            word = ("day" if k == 1 else "days") if unit == "days" else ("week" if k == 1 else "weeks")
            number = draw(st.sampled_from([str(k), EN_NUMBERS[k - 1]])) if k <= 12 else str(k)
            text = f"{number} {word} ago"
        delta = timedelta(days=k if unit == "days" else 7 * k)
        return Part(text, "date", f"ago_{unit}", {"date": today - delta})
    assert form == "numeric"
    text, value = draw(_numeric_date(today, other_clock))
    return Part(text, "date", form, {"date": value})


# ---- names ---------------------------------------------------------------------------------------


def _cased(draw: st.DrawFn, name: str) -> str:
    variant = draw(st.sampled_from(["as_is", "as_is", "lower", "title"]))
    if variant == "lower":
        return name.lower()
    if variant == "title":
        return name[:1].upper() + name[1:]
    return name


def _renderings(row: dict[str, Any]) -> list[str]:
    names = [row["name"], *row.get("aliases", [])]
    out = list(dict.fromkeys(names))
    for n in names:  # accents are optional: "José" = "Jose", "Crèche" = "Creche"
        plain = normalize(n)
        if plain != n.lower() and plain not in out:
            out.append(plain)
    return out


@st.composite
def project_part(draw: st.DrawFn, lang: str) -> Part:
    row = draw(st.sampled_from(CATALOG_DATA["projects"]))
    name = _cased(draw, draw(st.sampled_from(_renderings(row))))
    if lang == "nl":
        cue = draw(st.sampled_from(["aan", "voor", "op", "gewerkt aan"]))
        article = draw(st.sampled_from(["", "", "de ", "het "]))
    else:
        cue = draw(st.sampled_from(["for", "on", "worked on"]))
        article = draw(st.sampled_from(["", "", "the "]))
    return Part(f"{cue} {article}{name}", "project", cue, {"project": row["id"]})


@st.composite
def service_part(draw: st.DrawFn) -> Part:
    row = draw(st.sampled_from(CATALOG_DATA["services"]))
    name = _cased(draw, draw(st.sampled_from(_renderings(row))))
    return Part(name, "service", "bare", {"service": row["id"]})


@st.composite
def persons_part(draw: st.DrawFn, lang: str) -> Part:
    rows = draw(st.lists(st.sampled_from(CATALOG_DATA["people"]), min_size=1, max_size=3,
                         unique_by=lambda r: r["id"]))
    names = [_cased(draw, draw(st.sampled_from(_renderings(r)))) for r in rows]
    joiner = " en " if lang == "nl" else " and "
    if len(names) == 1:
        listed = names[0]
    else:
        listed = ", ".join(names[:-1]) + joiner + names[-1]
        if len(names) == 3 and draw(st.booleans()):
            listed = names[0] + joiner + names[1] + joiner + names[2]
    cue = draw(st.sampled_from(["met", "met", "samen met"] if lang == "nl"
                               else ["with", "with", "together with"]))
    return Part(f"{cue} {listed}", "persons", cue, {"persons": [r["name"] for r in rows]})


# ---- the phrase ----------------------------------------------------------------------------------


def known_bug(parts: list[Part]) -> str | None:
    """Why this order of parts is left out of the round trip, or None.

    Each rule is a parser bug found by this generator (see the KNOWN BUG notes, and the minimal phrases in
    test_properties.KNOWN_BUGS); `phrases()` reorders such phrases into an order the parser reads correctly.
    """
    for left, right in zip(parts, parts[1:], strict=False):
        # DECIDED (not a bug): an h:mm right before a day-part word is a clock time of that day part
        # ("1u30 vanochtend" = 01:30, as the peer suites read "3:18 in de ochtend"); see
        # test_h_mm_before_a_day_part_is_a_clock_time. ("2 uur vanmiddag" and "1h30m this afternoon"
        # are durations.)
        if left.form == "unit_hm" and right.form == "daypart_today":
            return "h:mm duration before a day part"
        # KNOWN BUG: an amount right before "day before yesterday" (no "the") makes "<amount> day" a
        # duration: "between 21 and 22 day before yesterday" is refused as an entry of 507 hours,
        # "on Intranet 2.0 day before yesterday" as one of 48 hours; "an hour and a half day before
        # yesterday" reads 3600 s ("a half day" lost) on yesterday.
        if right.text.startswith("day ") and (left.text[-1:].isdigit() or left.text.endswith(" half")):
            return "amount before day before yesterday"
    return None


@st.composite
def phrases(draw: st.DrawFn, include_known_bugs: bool = False) -> Case:
    """A random phrase in Dutch or English and the entry the conventions read from it."""
    lang = draw(st.sampled_from(["nl", "en"]))
    now = draw(st.datetimes(datetime(2020, 1, 1), datetime(2030, 12, 31, 23, 59),
                            timezones=st.sampled_from(ZONES)))
    today = now.date()
    if draw(st.booleans()):
        time_part = draw(nl_duration() if lang == "nl" else en_duration())
    else:
        time_part = draw(clock_range(lang))
    parts = [time_part]
    if draw(st.booleans()):
        # a bare "10-11" is a date next to another clock range; next to a bare "9-11" it must read as a
        # date on its own (zero-padded, no hour, or an implausible range)
        other_clock = time_part.kind == "range" and not time_part.form.startswith("pair")
        parts.append(draw(date_part(lang, today, time_part.kind == "range", other_clock)))
    if draw(st.integers(0, 3)):
        parts.append(draw(project_part(lang)))
    if draw(st.integers(0, 3)):
        parts.append(draw(service_part()))
    if draw(st.booleans()):
        parts.append(draw(persons_part(lang)))
    fillers = draw(st.lists(st.sampled_from(NL_FILLERS if lang == "nl" else EN_FILLERS), max_size=3))
    parts.extend(Part(f, "filler", "filler") for f in fillers)
    parts = draw(st.permutations(parts))
    if not include_known_bugs and known_bug(parts):
        # Leave the known-bug orders out: put the date first or last, or else rotate the parts.
        dates = [p for p in parts if p.kind == "date"]
        rest = [p for p in parts if p.kind != "date"]
        options = [dates + rest, rest + dates] + [parts[k:] + parts[:k] for k in range(1, len(parts))]
        fixed = [o for o in options if not known_bug(o)]
        assume(fixed)
        parts = fixed[0]
    expect: dict[str, Any] = {"duration": None, "date": today, "start": None, "end": None,
                              "project": None, "service": None, "persons": []}
    for p in parts:
        expect.update(p.values)
    locale = lang if draw(st.booleans()) else None
    return Case(" ".join(p.text for p in parts), lang, now, locale, expect, parts)
