#!/usr/bin/env python3
"""Build the labelled corpus: the cases are defined here and the JSONL files are generated from them.

Every expected date, clock time and duration is computed from the case's own `now` with the
helpers below (datetime arithmetic), never typed in by eye. The rules they implement are the rows
of `spec/conventions.md`; each case carries a `note` naming the row it covers.

Usage::

    python corpus/build.py            # rewrite corpus/catalog.json and corpus/{nl,en}/*.jsonl
    python corpus/build.py --check    # exit 1 when the files differ from what this script makes

`tests/test_corpus_build.py` runs the check, so the committed files always equal what the code computes.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
CATALOG_FILE = "catalog.json"
KINDS = ("duration", "clock", "range", "date", "entry", "negative")
LANGS = ("nl", "en")

# A note that starts with this marks a reading the conventions leave open (listed in README.md).
SILENT = "conventions silent: "


# =================================================================================================
# `now` values: Europe/Amsterdam wall times, offsets (+01:00 / +02:00) from the tz database
# =================================================================================================

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MO, TU, WE, TH, FR, SA, SU = range(7)


def at(stamp: str, weekday: str) -> datetime:
    """An aware Amsterdam datetime for a wall time; `weekday` is asserted so the reader can trust it."""
    naive = datetime.strptime(stamp, "%Y-%m-%d %H:%M")
    aware = naive.replace(tzinfo=AMSTERDAM)
    if aware.astimezone(timezone.utc).astimezone(AMSTERDAM).replace(tzinfo=None) != naive:
        raise ValueError(f"{stamp} does not exist in Europe/Amsterdam (spring-forward gap)")
    if aware.replace(fold=1).utcoffset() != aware.utcoffset():
        raise ValueError(f"{stamp} occurs twice in Europe/Amsterdam (fall-back overlap)")
    if WEEKDAY_NAMES[naive.weekday()] != weekday:
        raise ValueError(f"{stamp} is a {WEEKDAY_NAMES[naive.weekday()]}, not a {weekday}")
    return aware


WED = at("2026-11-18 14:30", "Wed")            # a plain working Wednesday
WED_EARLY = at("2026-11-18 00:10", "Wed")      # just after midnight
WED_LATE = at("2026-11-18 23:50", "Wed")       # just before midnight
MON = at("2026-11-16 09:15", "Mon")
TUE = at("2026-11-17 08:05", "Tue")
THU = at("2026-11-19 17:45", "Thu")
FRI = at("2026-11-20 16:40", "Fri")
SAT = at("2026-11-21 11:00", "Sat")
SUN = at("2026-11-22 20:10", "Sun")
FEB1 = at("2026-02-01 12:00", "Sun")           # month boundary
MAR26 = at("2026-03-26 13:00", "Thu")
MAR27 = at("2026-03-27 12:00", "Fri")
SPRING = at("2026-03-29 10:00", "Sun")         # CEST began at 02:00 this night: +02:00
SPRING_NIGHT = at("2026-03-29 01:30", "Sun")   # same day, before the change: +01:00
SPRING_MON = at("2026-03-30 08:45", "Mon")
JUN1 = at("2026-06-01 09:00", "Mon")           # month boundary
JUN10 = at("2026-06-10 11:00", "Wed")
JUL12 = at("2026-07-12 21:00", "Sun")
AUTUMN = at("2026-10-25 11:00", "Sun")         # CET again since 03:00 this night: +01:00
AUTUMN_NIGHT = at("2026-10-25 01:15", "Sun")   # same day, before the change: +02:00
AUTUMN_MON = at("2026-10-26 09:00", "Mon")
DEC31 = at("2026-12-31 17:00", "Thu")          # year boundary
NEW_YEAR = at("2027-01-01 10:00", "Fri")       # ISO week 53 of 2026
JAN3 = at("2027-01-03 18:00", "Sun")           # last day of ISO week 2026-W53
JAN4 = at("2027-01-04 09:00", "Mon")           # first day of ISO week 2027-W01
LEAP_EVE = at("2028-02-28 16:00", "Mon")
LEAP = at("2028-02-29 15:00", "Tue")           # leap day
LEAP_NEXT = at("2028-03-01 09:30", "Wed")


# =================================================================================================
# Date helpers: each returns an ISO date string, local to `now`'s offset
# =================================================================================================


def today(now: datetime) -> str:
    return now.date().isoformat()


def days_ago(now: datetime, n: int) -> str:
    return (now.date() - timedelta(days=n)).isoformat()


def days_ahead(now: datetime, n: int) -> str:
    return (now.date() + timedelta(days=n)).isoformat()


def most_recent_weekday(now: datetime, wd: int, include_today: bool = True) -> str:
    """`maandag`, `op di`, `monday` (today included); `afgelopen/vorige di`, `last tue` (today excluded)."""
    d = now.date() if include_today else now.date() - timedelta(days=1)
    while d.weekday() != wd:
        d -= timedelta(days=1)
    return d.isoformat()


def prev_iso_week_day(now: datetime, wd: int) -> str:
    """`vorige week dinsdag`, `tuesday last week`: that weekday in the previous ISO week (Mon-Sun)."""
    monday_this_week = now.date() - timedelta(days=now.weekday())
    return (monday_this_week - timedelta(days=7) + timedelta(days=wd)).isoformat()


def next_weekday_strict(now: datetime, wd: int) -> str:
    """`komende/volgende dinsdag`, `next tuesday`: the first such day strictly after today."""
    d = now.date() + timedelta(days=1)
    while d.weekday() != wd:
        d += timedelta(days=1)
    return d.isoformat()


def most_recent_date(now: datetime, month: int, day: int) -> str:
    """`3 november`, `nov 3`, `27-3`: with no year, the most recent such date, today included."""
    for year in range(now.year, now.year - 9, -1):
        try:
            d = date(year, month, day)
        except ValueError:  # 29 February in a common year
            continue
        if d <= now.date():
            return d.isoformat()
    raise ValueError(f"no {day}-{month} in the last years before {now}")


def ymd(year: int, month: int, day: int) -> str:
    """A date written with its year (`27-03-2016`, `2016-03-27`)."""
    return date(year, month, day).isoformat()


def weekday_of(iso: str) -> int:
    return date.fromisoformat(iso).weekday()


def this_iso_week_day(now: datetime, wd: int) -> str:
    """`deze week dinsdag`, `dinsdag deze week`: that weekday in the current ISO week (Mon-Sun)."""
    monday_this_week = now.date() - timedelta(days=now.weekday())
    return (monday_this_week + timedelta(days=wd)).isoformat()


def months_ago(now: datetime, n: int) -> str:
    """`een maand geleden`, `3 years ago` (n = 36): the same day n months back, or that month's last day."""
    y, m = divmod(now.month - 1 - n, 12)
    year, month = now.year + y, m + 1
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(now.day, last)).isoformat()


def years_ago(now: datetime, n: int) -> str:
    """`een jaar geleden`, `2 yrs ago`: n times twelve months back (29 February falls back to the 28th)."""
    return months_ago(now, 12 * n)


def nth_weekday_in(year: int, month: int, wd: int, n: int) -> date | None:
    """The n-th such weekday of a month (`derde dinsdag in september`); None when the month has no n-th."""
    d = date(year, month, 1) + timedelta(days=(wd - date(year, month, 1).weekday()) % 7 + 7 * (n - 1))
    return d if d.month == month else None


def most_recent_nth_weekday(now: datetime, month: int, wd: int, n: int) -> str:
    """`eerste maandag in oktober`, `the first monday of october` with no year: the most recent such day."""
    for year in range(now.year, now.year - 9, -1):
        d = nth_weekday_in(year, month, wd, n)
        if d is not None and d <= now.date():
            return d.isoformat()
    raise ValueError(f"no such weekday in the last years before {now}")


def most_recent_month_day(now: datetime, day: int) -> str:
    """`op de vijfde` (a day of the month, no month): the most recent such date, today included."""
    year, month = now.year, now.month
    for _ in range(24):
        try:
            d = date(year, month, day)
        except ValueError:  # the 31st in a 30-day month
            d = None
        if d is not None and d <= now.date():
            return d.isoformat()
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    raise ValueError(f"no day {day} in the two years before {now}")


def month_day(now: datetime, months: int, day: int) -> str:
    """`the 20th of the previous/current/following month`: that day of the month `months` away."""
    y, m = divmod(now.month - 1 + months, 12)
    return date(now.year + y, m + 1, day).isoformat()


def weekdays_back(now: datetime, wd: int, n: int) -> str:
    """`2 fridays ago`: the most recent friday strictly before today is one ago; each further one a week earlier."""
    d = date.fromisoformat(most_recent_weekday(now, wd, include_today=False))
    return (d - timedelta(days=7 * (n - 1))).isoformat()


def weekdays_ahead(now: datetime, wd: int, n: int) -> str:
    """`2 thursdays from now`: the first thursday strictly after today is one away; each further one a week later."""
    d = date.fromisoformat(next_weekday_strict(now, wd))
    return (d + timedelta(days=7 * (n - 1))).isoformat()


# =================================================================================================
# Clock helpers: each returns "HH:MM"; clock words give (hour, minute) on the 12-hour face
# =================================================================================================


def hhmm(h: int, m: int = 0) -> str:
    """A 24-hour clock time as written (`14:30`, `14.30`, `14u30`, `om 14 uur`)."""
    if not (0 <= h <= 23 and 0 <= m <= 59):
        raise ValueError(f"no clock time {h}:{m}")
    return f"{h:02d}:{m:02d}"


def working(h: int, m: int = 0) -> str:
    """Working-hours rule for a bare hour (no am/pm, no day part): 1..6 -> 13..18, 7..12 as written."""
    if 1 <= h <= 6:
        return hhmm(h + 12, m)
    if 7 <= h <= 12:
        return hhmm(h, m)
    raise ValueError(f"the working-hours rule is for bare hours 1..12, not {h}")


def am(h: int, m: int = 0) -> str:
    """`9am`, `12am` = 00:00."""
    assert 1 <= h <= 12
    return hhmm(0 if h == 12 else h, m)


def pm(h: int, m: int = 0) -> str:
    """`2pm`, `2 p.m.`, `12pm` = 12:00."""
    assert 1 <= h <= 12
    return hhmm(12 if h == 12 else h + 12, m)


def morning(h: int, m: int = 0) -> str:
    """`'s ochtends`, `vanochtend`, `in the morning`, `this morning`: before 12."""
    assert 1 <= h <= 11
    return hhmm(h, m)


def afternoon(h: int, m: int = 0) -> str:
    """`'s middags`, `vanmiddag`, `in the afternoon`: 12-18."""
    assert h == 12 or 1 <= h <= 6
    return hhmm(12 if h == 12 else h + 12, m)


def evening(h: int, m: int = 0) -> str:
    """`'s avonds`, `vanavond`, `gisteravond`, `in the evening`, `tonight`: 18-24."""
    assert 6 <= h <= 11
    return hhmm(h + 12, m)


def night(h: int, m: int = 0) -> str:
    """`'s nachts`, `vannacht`, `gisternacht`, `last night`: 10 and 11 are 22:00 and 23:00, 1..6 stay as written."""
    assert h in (10, 11) or 1 <= h <= 6
    return hhmm(h + 12 if h >= 10 else h, m)


NOON = hhmm(12)        # `noon`, `midday`
MIDNIGHT = hhmm(0)     # `midnight`, `om nul uur`


# Dutch clock words, on the 12-hour face (then the working-hours rule or a day part applies).
def half(h: int) -> tuple[int, int]:
    """`half drie` = 2:30."""
    assert h >= 2
    return h - 1, 30


def kwart_over(h: int) -> tuple[int, int]:
    """`kwart over 3` = 3:15 (English `quarter past 3` likewise)."""
    return h, 15


def kwart_voor(h: int) -> tuple[int, int]:
    """`kwart voor 4` = 3:45 (English `quarter to 4` likewise)."""
    assert h >= 2
    return h - 1, 45


def over(n: int, h: int) -> tuple[int, int]:
    """`vijf over 9` = 9:05 (English `five past 9`)."""
    return h, n


def voor(n: int, h: int) -> tuple[int, int]:
    """`tien voor 11` = 10:50 (English `ten to 11`)."""
    assert h >= 2
    return h - 1, 60 - n


def over_half(n: int, h: int) -> tuple[int, int]:
    """`tien over half drie` = 2:40."""
    assert h >= 2
    return h - 1, 30 + n


def voor_half(n: int, h: int) -> tuple[int, int]:
    """`vijf voor half 10` = 9:25."""
    assert h >= 2
    return h - 1, 30 - n


def half_past(h: int) -> tuple[int, int]:
    """English `half past two` = 2:30, and British `half three` = 3:30 (both are h:30)."""
    return h, 30


# =================================================================================================
# Durations and ranges
# =================================================================================================

DAY = 24 * 3600


def hours(x: float) -> int:
    return round(x * 3600)


def minutes(n: float) -> int:
    return round(n * 60)


def _minutes_of(clock: str) -> int:
    h, m = clock.split(":")
    return int(h) * 60 + int(m)


def _clock_of(total_minutes: int) -> str:
    total_minutes %= 24 * 60
    return hhmm(total_minutes // 60, total_minutes % 60)


def span(start: str, end: str, *, overnight: bool = False) -> dict[str, Any]:
    """A range: start, end and duration = end - start (`overnight` only when the phrase states it)."""
    delta = _minutes_of(end) - _minutes_of(start)
    if overnight:
        assert delta < 0, "an overnight range must end before it starts"
        delta += 24 * 60
    assert delta > 0, f"range {start}-{end} does not run forward"
    return {"start": start, "end": end, "duration": delta * 60}


def from_start(start: str, seconds: int) -> dict[str, Any]:
    """A start plus a duration gives the end (`om 10 uur 2 uur vergaderd`, `from 10 for 2 hours`)."""
    assert seconds % 60 == 0
    return {"start": start, "end": _clock_of(_minutes_of(start) + seconds // 60), "duration": seconds}


def to_end(end: str, seconds: int) -> dict[str, Any]:
    """An end plus a duration gives the start (`tot 17:00 nog anderhalf uur`, `until 5pm, the last 2 hours`)."""
    assert seconds % 60 == 0
    return {"start": _clock_of(_minutes_of(end) - seconds // 60), "end": end, "duration": seconds}


def lone(start: str) -> dict[str, Any]:
    """A lone clock time gives the start only."""
    return {"start": start, "end": None, "duration": None}


def refused(seconds: int) -> dict[str, Any]:
    """An entry longer than 24 hours is refused."""
    assert seconds > DAY, "only entries longer than 24 hours are refused"
    return {"error": True}


# =================================================================================================
# The fixture catalog
# =================================================================================================

CATALOG: dict[str, list[dict[str, Any]]] = {
    "clients": [
        {"id": 1, "name": "Acme"},
        {"id": 2, "name": "Timi BV"},
        {"id": 3, "name": "Gemeente Zeist"},
        {"id": 4, "name": "Bakkerij Bol"},
        {"id": 5, "name": "Van Dijk Installatie"},
        {"id": 6, "name": "Tijdwijzer"},
        {"id": 7, "name": "Fietsenmaker De Spaak", "aliases": ["de spaak"]},
        {"id": 8, "name": "Noordkust Energie"},
        {"id": 9, "name": "Vandermolen Logistiek"},
        {"id": 10, "name": "Zorggroep Oost"},
        {"id": 11, "name": "Kinderopvang Zonnetje"},
        {"id": 12, "name": "Uitzendbureau Flex"},
    ],
    "projects": [
        {"id": 47, "name": "Timi", "client_id": 2, "aliases": ["timi-app", "tango"], "active": True},
        {"id": 50, "name": "Acme Portal", "client_id": 1, "aliases": ["portal"], "active": True},
        {"id": 51, "name": "Acme Legacy", "client_id": 1, "aliases": [], "active": False},
        {"id": 52, "name": "Webshop", "client_id": 4, "aliases": ["webwinkel"], "active": True},
        {"id": 53, "name": "Nieuwe Website", "client_id": 5, "aliases": [], "active": True},
        {"id": 54, "name": "Configurator", "client_id": 5, "aliases": [], "active": True},
        {"id": 55, "name": "Intranet 2.0", "client_id": 3, "aliases": [], "active": True},
        {"id": 56, "name": "Data Migratie", "client_id": 3, "aliases": ["migratie"], "active": True},
        {"id": 57, "name": "Timing", "client_id": 6, "aliases": [], "active": True},
        {"id": 58, "name": "Mobile App", "client_id": 7, "aliases": ["mobiele app"], "active": True},
        {"id": 59, "name": "Klantportaal", "client_id": 8, "aliases": ["klantenportaal"], "active": True},
        {"id": 60, "name": "Zonnepanelen Calculator", "client_id": 8, "aliases": ["zonnecalc"], "active": True},
        {"id": 61, "name": "Dashboard", "client_id": 9, "aliases": [], "active": True},
        {"id": 62, "name": "CRM Koppeling", "client_id": 9, "aliases": ["crm"], "active": True},
        {"id": 63, "name": "Roosterapp", "client_id": 10, "aliases": ["rooster"], "active": True},
        {"id": 64, "name": "Boekhouding", "client_id": None, "aliases": ["administratie"], "active": True},
        {"id": 65, "name": "Interne Uren", "client_id": None, "aliases": ["intern"], "active": True},
        {"id": 66, "name": "Kennisbank", "client_id": None, "aliases": ["wiki"], "active": True},
        {"id": 67, "name": "Legacy ERP", "client_id": 9, "aliases": [], "active": False},
        {"id": 68, "name": "Crèche Planner", "client_id": 11, "aliases": [], "active": True},
        {"id": 69, "name": "Vacaturesite", "client_id": 12, "aliases": [], "active": True},
        {"id": 70, "name": "Nieuwsbrief", "client_id": 4, "aliases": ["newsletter"], "active": True},
        {"id": 71, "name": "Chatbot", "client_id": 10, "aliases": [], "active": True},
    ],
    "services": [
        {"id": 1, "name": "Development", "aliases": ["coden", "css", "programmeren", "development", "dev"]},
        {"id": 2, "name": "Testing", "aliases": ["testen", "test"]},
        {"id": 3, "name": "Code review", "aliases": ["review", "cr"]},
        {"id": 4, "name": "Overleg", "aliases": ["meeting", "vergadering", "vergaderen"]},
        {"id": 5, "name": "Design", "aliases": ["ontwerp"]},
        {"id": 6, "name": "Support", "aliases": []},
        {"id": 7, "name": "Standup", "aliases": ["standup", "stand-up"]},
        {"id": 8, "name": "Documentatie", "aliases": ["docs", "documentation"]},
        {"id": 9, "name": "Projectmanagement", "aliases": ["projectleiding", "project management"]},
        {"id": 10, "name": "Deployment", "aliases": ["deploy", "uitrol"]},
        {"id": 11, "name": "Bugfixing", "aliases": ["bugfix", "bugfixen"]},
    ],
    "people": [
        {"id": 1, "name": "Rowan", "aliases": ["ro"]},
        {"id": 2, "name": "Kaat", "aliases": ["kaatje"]},
        {"id": 3, "name": "Memo", "aliases": []},
        {"id": 4, "name": "Erik", "aliases": []},
        {"id": 5, "name": "Sanne", "aliases": []},
        {"id": 6, "name": "Jeroen", "aliases": []},
        {"id": 7, "name": "Lisa", "aliases": []},
        {"id": 8, "name": "Anne-Marie", "aliases": ["anne marie", "annemarie"]},
        {"id": 9, "name": "Daan", "aliases": []},
        {"id": 10, "name": "Sophie", "aliases": []},
        {"id": 11, "name": "Bram", "aliases": []},
        {"id": 12, "name": "José", "aliases": []},
    ],
}


def _lookup(section: str, name: str) -> dict[str, Any]:
    for row in CATALOG[section]:
        if row["name"] == name:
            return row
    raise KeyError(f"no {section[:-1]} named {name!r} in the catalog")


def project(name: str) -> Any:
    return _lookup("projects", name)["id"]


def service(name: str) -> Any:
    return _lookup("services", name)["id"]


def client(name: str) -> Any:
    return _lookup("clients", name)["id"]


def client_of(project_name: str) -> Any:
    return _lookup("projects", project_name)["client_id"]


def sole_project(client_name: str) -> Any:
    """A client name selects its project only when it has exactly one active project."""
    cid = client(client_name)
    active = [p["id"] for p in CATALOG["projects"] if p.get("client_id") == cid and p.get("active", True)]
    return active[0] if len(active) == 1 else None


def person(name: str) -> str:
    return _lookup("people", name)["name"]


def people(*names: str) -> list[str]:
    return [person(n) for n in names]


# =================================================================================================
# Case files
# =================================================================================================

EXPECT_KEYS = ("duration", "date", "start", "end", "project", "service", "client", "persons", "tags", "error")
CATALOG_KEYS = {"project", "service", "client", "persons"}


@dataclass
class Case:
    text: str
    now: datetime
    expect: dict[str, Any]
    note: str | None
    catalog: bool


@dataclass
class CaseFile:
    """The cases of one `corpus/<lang>/<kind>.jsonl`; `row()` sets the note for the cases after it."""

    lang: str
    kind: str
    cases: list[Case] = field(default_factory=list)
    _row: str | None = None

    def row(self, note: str) -> None:
        self._row = note

    def add(self, text: str, now: datetime, *, note: str | None = None, catalog: bool = False,
            **expect: Any) -> None:
        unknown = set(expect) - set(EXPECT_KEYS)
        if unknown:
            raise KeyError(f"{text!r}: unknown expect key(s) {sorted(unknown)}")
        ordered = {k: expect[k] for k in EXPECT_KEYS if k in expect}
        full_note = "; ".join(n for n in (self._row, note) if n) or None
        self.cases.append(Case(text, now, ordered, full_note, catalog or bool(CATALOG_KEYS & set(expect))))

    def records(self) -> list[dict[str, Any]]:
        out = []
        for i, case in enumerate(self.cases, 1):
            rec: dict[str, Any] = {
                "id": f"{self.lang}-{self.kind}-{i:04d}",
                "lang": self.lang,
                "text": case.text,
                "now": case.now.isoformat(),
                "expect": case.expect,
            }
            if case.catalog:
                rec["catalog"] = CATALOG_FILE
            if case.note:
                rec["note"] = case.note
            out.append(rec)
        return out


# =================================================================================================
# Dutch cases
# =================================================================================================


def nl_duration(f: CaseFile) -> None:
    f.row("Durations: units uur/u/h")
    f.add("2 uur development", WED, duration=hours(2))
    f.add("2u support", MON, duration=hours(2))
    f.add("2 u overleg met de klant", THU, duration=hours(2))
    f.add("3h testen", SUN, duration=hours(3))
    f.add("1 uur code review", SPRING, duration=hours(1))
    f.add("4 uur aan de webshop gewerkt", AUTUMN, duration=hours(4))
    f.add("8 uur gewerkt", FRI, duration=hours(8))
    f.add("5 u bugfixen", LEAP, duration=hours(5))

    f.row("Durations: units minuut/minuten/min/m/mins")
    f.add("45 min standup", WED, duration=minutes(45))
    f.add("45 minuten overleg", TUE, duration=minutes(45))
    f.add("telefoontje met klant 1 minuut", SAT, duration=minutes(1))
    f.add("30 min testen", NEW_YEAR, duration=minutes(30))
    f.add("10 mins mail wegwerken", JUN1, duration=minutes(10))
    f.add("90 minuten refactoren", WED_LATE, duration=minutes(90))
    f.add("5 minuten deploy checken", SPRING_MON, duration=minutes(5))

    f.row("Durations: `m` is minutes, never months")
    f.add("45m review", WED, duration=minutes(45))
    f.add("20m standup", MON, duration=minutes(20))
    f.add("15m mail", DEC31, duration=minutes(15))

    f.row("Durations: kwartier = 15 min")
    f.add("kwartier standup", WED, duration=minutes(15))
    f.add("een kwartier bellen met de klant", FRI, duration=minutes(15))
    f.add("drie kwartier overleg", THU, duration=3 * minutes(15))
    f.add("3 kwartier support", SUN, duration=3 * minutes(15))

    f.row("Durations: decimal comma and point are equal")
    f.add("2,5 uur development", WED, duration=hours(2.5))
    f.add("2.5 uur testen", MON, duration=hours(2.5))
    f.add("2.5h coden", TUE, duration=hours(2.5))
    f.add("1,5u review", AUTUMN_MON, duration=hours(1.5))
    f.add("0,5 uur mail", JUL12, duration=hours(0.5))
    f.add("1,25 uur overleg", LEAP_NEXT, duration=hours(1.25))
    f.add("0.75h deploy", FEB1, duration=hours(0.75))

    f.row("Durations: 1:30 / 1u30 / 1h30 / 1h30m = 5400 s (bare 1:30 with no om/van before it is a duration)")
    f.add("1:30 testen", WED, duration=hours(1) + minutes(30))
    f.add("1u30 development", FRI, duration=hours(1) + minutes(30))
    f.add("1h30 overleg", MON, duration=hours(1) + minutes(30))
    f.add("1h30m review", SAT, duration=hours(1) + minutes(30))
    f.add("2u15 support", SPRING, duration=hours(2) + minutes(15))
    f.add("0:45 standup", THU, duration=minutes(45))
    f.add("2:30 documentatie bijwerken", NEW_YEAR, duration=hours(2) + minutes(30))

    f.row("Durations: words (een/één/1 uur, anderhalf uur, een half uur, halfuur, een uurtje, ...)")
    f.add("een uur overleg", WED, duration=hours(1))
    f.add("één uur support", TUE, duration=hours(1))
    f.add("anderhalf uur testen", MON, duration=hours(1.5))
    f.add("een half uur standup", FRI, duration=minutes(30))
    f.add("half uur mail", THU, duration=minutes(30))
    f.add("halfuur bellen", WED_EARLY, duration=minutes(30))
    f.add("een halfuur review", SUN, duration=minutes(30))
    f.add("een uurtje documentatie", SAT, duration=hours(1))
    f.add("uurtje bugfixen", AUTUMN, duration=hours(1))
    f.add("twee uur development", WED, duration=hours(2))
    f.add("drie uur design", JUN10, duration=hours(3))
    f.add("vier uur testen", DEC31, duration=hours(4))
    f.add("zes uur migratie", LEAP_EVE, duration=hours(6))
    f.add("tien minuten deploy", MAR26, duration=minutes(10))
    f.add("vijf minuten mail", MAR27, duration=minutes(5))
    f.add("twintig minuten review", WED, duration=minutes(20),
          note=SILENT + "number words beyond twelve (twintig) read like digits")

    f.row("Durations: composites")
    f.add("1 uur en een kwartier overleg", WED, duration=hours(1) + minutes(15))
    f.add("2 uur en 30 minuten testen", MON, duration=hours(2) + minutes(30))
    f.add("1 uur 15 min development", THU, duration=hours(1) + minutes(15))
    f.add("2h15m coden", FRI, duration=hours(2) + minutes(15))
    f.add("2h 15m support", SUN, duration=hours(2) + minutes(15))
    f.add("1u 20m review", JAN4, duration=hours(1) + minutes(20))
    f.add("een uur en drie kwartier testen", SPRING_MON, duration=hours(1) + 3 * minutes(15))
    f.add("twee uur en een kwartier overleg", JAN3, duration=hours(2) + minutes(15))

    f.row("Limits: over 12 hours still reads (with a warning); exactly 24 hours is not longer than 24")
    f.add("13 uur gewerkt aan de migratie", WED, duration=hours(13))
    f.add("13u development", LEAP, duration=hours(13))
    f.add("12 uur testen", FRI, duration=hours(12))
    f.add("24 uur storingsdienst", SUN, duration=hours(24),
          note=SILENT + "exactly 24 hours is accepted (only longer is refused)")

    f.row("Limits: an entry longer than 24 hours is refused")
    f.add("26 uur", WED, **refused(hours(26)))
    f.add("25u development", MON, **refused(hours(25)))
    f.add("30 uur testen", THU, **refused(hours(30)))
    f.add("48 uur support", SAT, **refused(hours(48)))
    f.add("1500 minuten overleg", JUN1, **refused(minutes(1500)))

    f.row("Durations: more unit spellings (uren, uurtjes, minuutjes, kwartiertje, halfuurtje, anderhalfuur, anderhalve)")
    f.add("8 uren gewerkt aan de migratie", FRI, duration=hours(8))
    f.add("2 uurtjes testen", MON, duration=hours(2))
    f.add("10 minuutjes bellen met de klant", TUE, duration=minutes(10))
    f.add("kwartiertje standup", WED, duration=minutes(15))
    f.add("halfuurtje mail wegwerken", THU, duration=minutes(30))
    f.add("anderhalfuur testen", SUN, duration=hours(1.5))
    f.add("kort belletje, anderhalve minuut", SAT, duration=minutes(1.5),
          note="anderhalve before a de-word: one and a half minutes")
    f.add("snelle check twee en een halve minuut", JUN10, duration=minutes(2.5))
    f.add("een extra uur testen", AUTUMN_MON, duration=hours(1), note="extra before the unit")

    f.row("Durations: seconds are rare but read (seconde/seconden/secondes/sec)")
    f.add("12 minuten en 30 seconden bellen met de helpdesk", WED, duration=minutes(12) + 30)
    f.add("5 min 20 sec support", MON, duration=minutes(5) + 20)
    f.add("1 uur 4 minuten 1 seconde support", THU, duration=hours(1) + minutes(4) + 1,
          note="a timer's export, down to the second")
    f.add("90 secondes deploy check", FRI, duration=90)

    f.row("Durations: number words (beyond twelve read like digits)")
    f.add("negen uur gewerkt aan de migratie", TUE, duration=hours(9))
    f.add("vijftien minuten standup", WED, duration=minutes(15), note=SILENT + "number words beyond twelve read like digits")
    f.add("dertig minuten review", MON, duration=minutes(30), note=SILENT + "number words beyond twelve read like digits")
    f.add("veertig minuten bellen", THU, duration=minutes(40), note=SILENT + "number words beyond twelve read like digits")
    f.add("vijftig minuten overleg", FRI, duration=minutes(50), note=SILENT + "number words beyond twelve read like digits")

    f.row("Durations: English units in a Dutch phrase (mixed phrases are Dutch)")
    f.add("2 hours overleg met Erik", WED, duration=hours(2))
    f.add("1 hour bellen met de klant", MON, duration=hours(1))
    f.add("3 hrs testen op de webshop", THU, duration=hours(3))
    f.add("1 hr review met Sanne", FRI, duration=hours(1))

    f.row("Durations: English words that are plain Dutch text (last-minute, past)")
    f.add("1 uur last-minute wijzigingen voor de demo", WED, duration=hours(1))
    f.add("2 uur herplannen, past niet meer in de sprint", TUE, duration=hours(2))


def nl_date(f: CaseFile) -> None:
    f.row("Dates: no date in the phrase = the date of now")
    f.add("3 uur development", WED, date=today(WED), duration=hours(3))
    f.add("2 uur testen", WED_EARLY, date=today(WED_EARLY), duration=hours(2))
    f.add("anderhalf uur support", WED_LATE, date=today(WED_LATE), duration=hours(1.5))
    f.add("4 uur coden", SPRING, date=today(SPRING), duration=hours(4))
    f.add("1 uur overleg", AUTUMN_NIGHT, date=today(AUTUMN_NIGHT), duration=hours(1))
    f.add("2u review", NEW_YEAR, date=today(NEW_YEAR), duration=hours(2))
    f.add("3 uur migratie", LEAP, date=today(LEAP), duration=hours(3))

    f.row("Dates: vandaag, vanochtend, vanmiddag, vanavond = the date of now")
    f.add("vandaag 6 uur development", WED, date=today(WED), duration=hours(6))
    f.add("vandaag 2 uur testen", SUN, date=today(SUN), duration=hours(2))
    f.add("vanochtend 2 uur testen", MON, date=today(MON), duration=hours(2))
    f.add("vanochtend 3u support", SPRING, date=today(SPRING), duration=hours(3))
    f.add("vanmiddag anderhalf uur overleg", FRI, date=today(FRI), duration=hours(1.5))
    f.add("vanmiddag 2 uur docs", LEAP, date=today(LEAP), duration=hours(2))
    f.add("vanavond een uurtje deploy", SUN, date=today(SUN), duration=hours(1))
    f.add("vanavond 1u bugfixen", WED_LATE, date=today(WED_LATE), duration=hours(1))

    f.row("Dates: gisteren = now - 1 day")
    f.add("gisteren 4 uur coden", WED, date=days_ago(WED, 1), duration=hours(4))
    f.add("gisteren 2 uur support", MON, date=days_ago(MON, 1), duration=hours(2))
    f.add("gisteren 3 uur testen", JUN1, date=days_ago(JUN1, 1), duration=hours(3))
    f.add("gisteren 1,5 uur overleg", NEW_YEAR, date=days_ago(NEW_YEAR, 1), duration=hours(1.5))
    f.add("gisteren 5 uur development", LEAP_NEXT, date=days_ago(LEAP_NEXT, 1), duration=hours(5))
    f.add("gisteren 2 uur review", SPRING_MON, date=days_ago(SPRING_MON, 1), duration=hours(2))
    f.add("gisteren 3 uur design", WED_EARLY, date=days_ago(WED_EARLY, 1), duration=hours(3))
    f.add("Gisteren 2u documentatie", AUTUMN_MON, date=days_ago(AUTUMN_MON, 1), duration=hours(2))

    f.row("Dates: eergisteren = now - 2 days")
    f.add("eergisteren 3u design", WED, date=days_ago(WED, 2), duration=hours(3))
    f.add("eergisteren 2 uur support", JUN1, date=days_ago(JUN1, 2), duration=hours(2))
    f.add("eergisteren 4 uur testen", LEAP_NEXT, date=days_ago(LEAP_NEXT, 2), duration=hours(4))
    f.add("eergisteren 1 uur overleg", NEW_YEAR, date=days_ago(NEW_YEAR, 2), duration=hours(1))
    f.add("eergisteren anderhalf uur review", LEAP, date=days_ago(LEAP, 2), duration=hours(1.5))

    f.row("Dates: a bare weekday (full or abbreviated, or after op) = the most recent such day, today included")
    f.add("maandag 2 uur testen", WED, date=most_recent_weekday(WED, MO), duration=hours(2))
    f.add("maandag 3 uur overleg", MON, date=most_recent_weekday(MON, MO), duration=hours(3))
    f.add("dinsdag 4 uur development", WED, date=most_recent_weekday(WED, TU), duration=hours(4))
    f.add("woensdag 2 uur support", WED, date=most_recent_weekday(WED, WE), duration=hours(2))
    f.add("donderdag 3 uur coden", WED, date=most_recent_weekday(WED, TH), duration=hours(3))
    f.add("vrijdag 6 uur migratie", MON, date=most_recent_weekday(MON, FR), duration=hours(6))
    f.add("zaterdag 2 uur deploy", SUN, date=most_recent_weekday(SUN, SA), duration=hours(2))
    f.add("zondag 1 uur support", SUN, date=most_recent_weekday(SUN, SU), duration=hours(1))
    f.add("zondag 1 uur support", MON, date=most_recent_weekday(MON, SU), duration=hours(1))
    f.add("ma 3u support", FRI, date=most_recent_weekday(FRI, MO), duration=hours(3))
    f.add("di 2 uur review", TUE, date=most_recent_weekday(TUE, TU), duration=hours(2))
    f.add("wo 1,5 uur overleg", SAT, date=most_recent_weekday(SAT, WE), duration=hours(1.5))
    f.add("do 4 uur testen", WED, date=most_recent_weekday(WED, TH), duration=hours(4))
    f.add("vr 2 uur docs", NEW_YEAR, date=most_recent_weekday(NEW_YEAR, FR), duration=hours(2))
    f.add("za 3 uur deploy", JAN4, date=most_recent_weekday(JAN4, SA), duration=hours(3))
    f.add("zo 2 uur support", SPRING_MON, date=most_recent_weekday(SPRING_MON, SU), duration=hours(2))
    f.add("ma. 2 uur overleg", THU, date=most_recent_weekday(THU, MO), duration=hours(2))
    f.add("op dinsdag 2 uur overleg", THU, date=most_recent_weekday(THU, TU), duration=hours(2))
    f.add("op vr 1,5 uur code review", WED, date=most_recent_weekday(WED, FR), duration=hours(1.5))
    f.add("op maandag 3 uur testen", SUN, date=most_recent_weekday(SUN, MO), duration=hours(3))
    f.add("Dinsdag 2u development", LEAP, date=most_recent_weekday(LEAP, TU), duration=hours(2))
    f.add("woensdag 3 uur testen", LEAP_NEXT, date=most_recent_weekday(LEAP_NEXT, WE), duration=hours(3))
    f.add("donderdag 2 uur support", NEW_YEAR, date=most_recent_weekday(NEW_YEAR, TH), duration=hours(2))
    f.add("zaterdag 4 uur migratie", SPRING, date=most_recent_weekday(SPRING, SA), duration=hours(4))

    f.row("Dates: afgelopen/vorige + weekday = the most recent such day strictly before today")
    f.add("afgelopen dinsdag 3 uur testen", TUE, date=most_recent_weekday(TUE, TU, include_today=False),
          duration=hours(3))
    f.add("afgelopen dinsdag 3 uur testen", WED, date=most_recent_weekday(WED, TU, include_today=False),
          duration=hours(3))
    f.add("vorige dinsdag 2 uur overleg", THU, date=most_recent_weekday(THU, TU, include_today=False),
          duration=hours(2))
    f.add("vorige woensdag 4 uur development", WED, date=most_recent_weekday(WED, WE, include_today=False),
          duration=hours(4))
    f.add("afgelopen vrijdag 2 uur support", MON, date=most_recent_weekday(MON, FR, include_today=False),
          duration=hours(2))
    f.add("afgelopen zondag 1 uur deploy", SUN, date=most_recent_weekday(SUN, SU, include_today=False),
          duration=hours(1))
    f.add("vorige maandag 3u review", JAN4, date=most_recent_weekday(JAN4, MO, include_today=False),
          duration=hours(3))
    f.add("afgelopen vrijdag 6 uur migratie", NEW_YEAR,
          date=most_recent_weekday(NEW_YEAR, FR, include_today=False), duration=hours(6))
    f.add("vorige zaterdag 2 uur support", LEAP, date=most_recent_weekday(LEAP, SA, include_today=False),
          duration=hours(2))
    f.add("vorige vr 3 uur testen", FRI, date=most_recent_weekday(FRI, FR, include_today=False),
          duration=hours(3))

    f.row("Dates: vorige week + weekday, weekday + vorige week = that day in the previous ISO week (Mon-Sun)")
    f.add("vorige week dinsdag 2u30 testen", WED, date=prev_iso_week_day(WED, TU), duration=hours(2.5))
    f.add("dinsdag vorige week 3 uur overleg", SUN, date=prev_iso_week_day(SUN, TU), duration=hours(3))
    f.add("vorige week maandag 4 uur development", MON, date=prev_iso_week_day(MON, MO), duration=hours(4))
    f.add("vorige week zondag 2 uur deploy", WED, date=prev_iso_week_day(WED, SU), duration=hours(2))
    f.add("vrijdag vorige week 5 uur migratie", MON, date=prev_iso_week_day(MON, FR), duration=hours(5))
    f.add("vorige week woensdag 1 uur support", JAN4, date=prev_iso_week_day(JAN4, WE), duration=hours(1))
    f.add("vorige week donderdag 2 uur testen", NEW_YEAR, date=prev_iso_week_day(NEW_YEAR, TH),
          duration=hours(2))
    f.add("vorige week vrijdag 3 uur review", LEAP, date=prev_iso_week_day(LEAP, FR), duration=hours(3))
    f.add("vorige week zaterdag 2 uur support", SUN, date=prev_iso_week_day(SUN, SA), duration=hours(2))
    f.add("vorige week di 2 uur overleg", THU, date=prev_iso_week_day(THU, TU), duration=hours(2))
    f.add("woensdag vorige week anderhalf uur design", SPRING_MON, date=prev_iso_week_day(SPRING_MON, WE),
          duration=hours(1.5))
    f.add("zondag vorige week 3 uur deploy", JAN3, date=prev_iso_week_day(JAN3, SU), duration=hours(3))

    f.row("Dates: komende/volgende + weekday = the first such day strictly after today")
    f.add("komende dinsdag 2 uur overleg", TUE, date=next_weekday_strict(TUE, TU), duration=hours(2))
    f.add("volgende dinsdag 2 uur overleg", WED, date=next_weekday_strict(WED, TU), duration=hours(2))
    f.add("komende vrijdag 1 uur demo", WED, date=next_weekday_strict(WED, FR), duration=hours(1))
    f.add("volgende maandag 3 uur workshop", SUN, date=next_weekday_strict(SUN, MO), duration=hours(3))
    f.add("komende zaterdag 4 uur deploy", DEC31, date=next_weekday_strict(DEC31, SA), duration=hours(4))
    f.add("volgende woensdag 2 uur training", LEAP, date=next_weekday_strict(LEAP, WE), duration=hours(2))

    f.row("Dates: morgen = now + 1 day")
    f.add("morgen 2 uur overleg", WED, date=days_ahead(WED, 1), duration=hours(2))
    f.add("morgen 3 uur deploy", DEC31, date=days_ahead(DEC31, 1), duration=hours(3))
    f.add("morgen 1 uur testen", LEAP_EVE, date=days_ahead(LEAP_EVE, 1), duration=hours(1))
    f.add("morgen 2u workshop", SPRING_NIGHT, date=days_ahead(SPRING_NIGHT, 1), duration=hours(2))

    f.row("Dates: numeric dates are day first (27-03-2016, 27/03/2016, 27.03.2016)")
    f.add("27-03-2016 3 uur development", WED, date=ymd(2016, 3, 27), duration=hours(3))
    f.add("27/03/2016 2 uur testen", WED, date=ymd(2016, 3, 27), duration=hours(2))
    f.add("27.03.2016 4 uur support", WED, date=ymd(2016, 3, 27), duration=hours(4))
    f.add("03-04-2026 2 uur overleg", WED, date=ymd(2026, 4, 3), duration=hours(2))
    f.add("1-2-2027 3 uur migratie", LEAP, date=ymd(2027, 2, 1), duration=hours(3))
    f.add("5/11/2025 2 uur review", WED, date=ymd(2025, 11, 5), duration=hours(2))
    f.add("12.10.2026 1 uur overleg", WED, date=ymd(2026, 10, 12), duration=hours(1))

    f.row("Dates: 2016-03-27 is year first (ISO)")
    f.add("2016-03-27 3 uur development", WED, date=ymd(2016, 3, 27), duration=hours(3))
    f.add("2026-10-25 2 uur deploy", WED, date=ymd(2026, 10, 25), duration=hours(2))
    f.add("2028-02-29 1 uur support", LEAP_NEXT, date=ymd(2028, 2, 29), duration=hours(1))

    f.row("Dates: day-first date without a year (27-3, 27/3) = the most recent such date, today included")
    f.add("27-3 3 uur testen", WED, date=most_recent_date(WED, 3, 27), duration=hours(3))
    f.add("27-3 2 uur support", MAR26, date=most_recent_date(MAR26, 3, 27), duration=hours(2))
    f.add("27-3 1 uur overleg", MAR27, date=most_recent_date(MAR27, 3, 27), duration=hours(1))
    f.add("27/3 2 uur docs", SPRING, date=most_recent_date(SPRING, 3, 27), duration=hours(2))
    f.add("5/11 3 uur testen", WED, date=most_recent_date(WED, 11, 5), duration=hours(3))
    f.add("29-2 3 uur support", LEAP_NEXT, date=most_recent_date(LEAP_NEXT, 2, 29), duration=hours(3))

    f.row("Dates: n-n that reads better as a day-first date (dash rule), no year = most recent, today included")
    f.add("12-06 2 uur testen", WED, date=most_recent_date(WED, 6, 12), duration=hours(2),
          note="second number zero-padded")
    f.add("12-06 2 uur testen", JUN10, date=most_recent_date(JUN10, 6, 12), duration=hours(2),
          note="second number zero-padded")
    f.add("27-3 development", JUL12, date=most_recent_date(JUL12, 3, 27), note="27 is no valid hour")
    f.add("31-12 4 uur jaarafsluiting", NEW_YEAR, date=most_recent_date(NEW_YEAR, 12, 31), duration=hours(4),
          note="31 is no valid hour")
    f.add("28-12 2 uur support", NEW_YEAR, date=most_recent_date(NEW_YEAR, 12, 28), duration=hours(2),
          note="28 is no valid hour")
    f.add("15-11 3 uur overleg", WED, date=most_recent_date(WED, 11, 15), duration=hours(3),
          note="15:00-11:00 is implausible under the working-hours rule")
    f.add("2-1 4 uur development", NEW_YEAR, date=most_recent_date(NEW_YEAR, 1, 2), duration=hours(4),
          note="2-1 would be 14:00-13:00 under the working-hours rule: implausible")
    f.add("10-9 2 uur testen", WED, date=most_recent_date(WED, 9, 10), duration=hours(2),
          note="10:00-09:00 is implausible")

    f.row("Dates: day + month name, no year = the most recent such date, today included")
    f.add("3 november 2 uur testen", WED, date=most_recent_date(WED, 11, 3), duration=hours(2))
    f.add("3 nov 4u development", WED, date=most_recent_date(WED, 11, 3), duration=hours(4))
    f.add("3 nov. 1 uur overleg", SUN, date=most_recent_date(SUN, 11, 3), duration=hours(1))
    f.add("op 3 november 2 uur support", MON, date=most_recent_date(MON, 11, 3), duration=hours(2))
    f.add("18 november 3 uur review", WED, date=most_recent_date(WED, 11, 18), duration=hours(3),
          note="today")
    f.add("19 november 2 uur testen", WED, date=most_recent_date(WED, 11, 19), duration=hours(2),
          note="tomorrow's day: last year")
    f.add("1 januari 2 uur support", NEW_YEAR, date=most_recent_date(NEW_YEAR, 1, 1), duration=hours(2))
    f.add("31 december 3 uur deploy", NEW_YEAR, date=most_recent_date(NEW_YEAR, 12, 31), duration=hours(3))
    f.add("29 februari 1 uur overleg", LEAP, date=most_recent_date(LEAP, 2, 29), duration=hours(1))
    f.add("28 feb 2 uur testen", LEAP_NEXT, date=most_recent_date(LEAP_NEXT, 2, 28), duration=hours(2))
    f.add("12 maart 3 uur development", WED, date=most_recent_date(WED, 3, 12), duration=hours(3))
    f.add("7 april 2 uur design", WED, date=most_recent_date(WED, 4, 7), duration=hours(2))
    f.add("14 mei 1 uur overleg", FEB1, date=most_recent_date(FEB1, 5, 14), duration=hours(1))
    f.add("2 juni 4 uur testen", WED, date=most_recent_date(WED, 6, 2), duration=hours(4))
    f.add("21 juli 3 uur support", JUL12, date=most_recent_date(JUL12, 7, 21), duration=hours(3))
    f.add("15 augustus 2 uur migratie", WED, date=most_recent_date(WED, 8, 15), duration=hours(2))
    f.add("9 september 3u coden", WED, date=most_recent_date(WED, 9, 9), duration=hours(3))
    f.add("30 oktober 2 uur deploy", WED, date=most_recent_date(WED, 10, 30), duration=hours(2))
    f.add("24 december 2 uur support", WED, date=most_recent_date(WED, 12, 24), duration=hours(2))
    f.add("25 oktober 3 uur testen", AUTUMN, date=most_recent_date(AUTUMN, 10, 25), duration=hours(3))
    f.add("3 jan 2 uur overleg", JAN4, date=most_recent_date(JAN4, 1, 3), duration=hours(2))
    f.add("10 mrt 2 uur review", WED, date=most_recent_date(WED, 3, 10), duration=hours(2))
    f.add("5 apr 3 uur design", SPRING, date=most_recent_date(SPRING, 4, 5), duration=hours(3))
    f.add("17 jun 1 uur support", WED, date=most_recent_date(WED, 6, 17), duration=hours(1))
    f.add("8 jul 2 uur testen", JUL12, date=most_recent_date(JUL12, 7, 8), duration=hours(2))
    f.add("22 aug 4 uur development", WED, date=most_recent_date(WED, 8, 22), duration=hours(4))
    f.add("11 sep 2 uur overleg", WED, date=most_recent_date(WED, 9, 11), duration=hours(2))
    f.add("4 sept 3 uur migratie", WED, date=most_recent_date(WED, 9, 4), duration=hours(3))
    f.add("13 okt 1 uur review", WED, date=most_recent_date(WED, 10, 13), duration=hours(1))
    f.add("1 dec 2 uur deploy", NEW_YEAR, date=most_recent_date(NEW_YEAR, 12, 1), duration=hours(2))
    f.add("3 november 2025 2 uur testen", WED, date=ymd(2025, 11, 3), duration=hours(2),
          note="year stated")

    f.row("Dates: n dagen geleden = now - n days")
    f.add("2 dagen geleden 3 uur testen", WED, date=days_ago(WED, 2), duration=hours(3))
    f.add("3 dagen geleden 2 uur support", JUN1, date=days_ago(JUN1, 3), duration=hours(2))
    f.add("twee dagen geleden 1 uur overleg", MON, date=days_ago(MON, 2), duration=hours(1))
    f.add("5 dagen geleden 4 uur development", LEAP_NEXT, date=days_ago(LEAP_NEXT, 5), duration=hours(4))
    f.add("10 dagen geleden 2 uur review", NEW_YEAR, date=days_ago(NEW_YEAR, 10), duration=hours(2))
    f.add("1 dag geleden 3 uur design", SPRING_MON, date=days_ago(SPRING_MON, 1), duration=hours(3))

    f.row("Dates: aanstaande + weekday = komende (the first such day strictly after today)")
    f.add("aanstaande vrijdag 1 uur demo voorbereiden", WED, date=next_weekday_strict(WED, FR), duration=hours(1))
    f.add("aanstaande maandag 2 uur workshop", MON, date=next_weekday_strict(MON, MO), duration=hours(2))

    f.row("Dates: jongstleden + weekday = afgelopen (the most recent such day strictly before today)")
    f.add("jongstleden vrijdag 3 uur testen", MON, date=most_recent_weekday(MON, FR, include_today=False),
          duration=hours(3))
    f.add("jongstleden dinsdag 2 uur overleg", TUE, date=most_recent_weekday(TUE, TU, include_today=False),
          duration=hours(2))

    f.row("Dates: more weekday abbreviations (woe, don, vrij, zat, zon) = the most recent such day, today included")
    f.add("woe 2 uur testen", FRI, date=most_recent_weekday(FRI, WE), duration=hours(2))
    f.add("don 3 uur support", SAT, date=most_recent_weekday(SAT, TH), duration=hours(3))
    f.add("vrij 4 uur migratie", MON, date=most_recent_weekday(MON, FR), duration=hours(4))
    f.add("zat 2 uur deploy", SUN, date=most_recent_weekday(SUN, SA), duration=hours(2))
    f.add("zon 1 uur support", MON, date=most_recent_weekday(MON, SU), duration=hours(1))

    f.row("Dates: month abbreviations mar, oct (English spellings) = the most recent such date")
    f.add("5 mar 2 uur testen", WED, date=most_recent_date(WED, 3, 5), duration=hours(2))
    f.add("12 oct 3 uur review", WED, date=most_recent_date(WED, 10, 12), duration=hours(3))

    f.row(SILENT + "overmorgen = now + 2 days (like morgen = now + 1 day)")
    f.add("overmorgen 2 uur workshop", WED, date=days_ahead(WED, 2), duration=hours(2))
    f.add("overmorgen 3 uur deploy", DEC31, date=days_ahead(DEC31, 2), duration=hours(3))

    f.row(SILENT + "deze week + weekday, weekday + deze week = that day in the current ISO week (Mon-Sun)")
    f.add("deze week dinsdag 2 uur testen", SUN, date=this_iso_week_day(SUN, TU), duration=hours(2))
    f.add("maandag deze week 3 uur overleg", THU, date=this_iso_week_day(THU, MO), duration=hours(3))

    f.row("Dates: n weken/dagen geleden = now - n weeks/days (a week is 7 days); terug = geleden")
    f.add("2 weken geleden 3 uur testen", WED, date=days_ago(WED, 14), duration=hours(3))
    f.add("1 wk geleden 2 uur review", MON, date=days_ago(MON, 7), duration=hours(2))
    f.add("veertien dagen geleden 2 uur overleg", JUN1, date=days_ago(JUN1, 14), duration=hours(2))
    f.add("3 dagen terug 2 uur support", THU, date=days_ago(THU, 3), duration=hours(2))

    f.row(SILENT + "n maanden/jaren geleden = the same day n months/years back (or that month's last day)")
    f.add("een maand geleden 2 uur overleg", WED, date=months_ago(WED, 1), duration=hours(2))
    f.add("een maand geleden 1 uur support", DEC31, date=months_ago(DEC31, 1), duration=hours(1),
          note="31 November does not exist: 30 November")
    f.add("drie maanden geleden 4 uur migratie", WED, date=months_ago(WED, 3), duration=hours(4))
    f.add("een jaar geleden 2 uur jaarafsluiting", LEAP, date=years_ago(LEAP, 1), duration=hours(2),
          note="from the leap day: 28 February")
    f.add("twee jaren geleden 3 uur development", WED, date=years_ago(WED, 2), duration=hours(3))

    f.row(SILENT + "binnen/over n dagen and n dagen later = now + n days (rare in logging, but allowed)")
    f.add("binnen 2 dagen 1 uur nazorg", WED, date=days_ahead(WED, 2), duration=hours(1))
    f.add("3 dagen later 1 uur nazorg", MON, date=days_ahead(MON, 3), duration=hours(1))

    f.row(SILENT + "nth weekday in a month with no year = that day in the most recent such month")
    f.add("eerste maandag in oktober 2 uur kwartaaloverleg", WED, date=most_recent_nth_weekday(WED, 10, MO, 1),
          duration=hours(2))
    f.add("tweede dinsdag in september 3 uur testen", WED, date=most_recent_nth_weekday(WED, 9, TU, 2),
          duration=hours(3))
    f.add("derde donderdag in maart 2 uur training", SPRING_MON, date=most_recent_nth_weekday(SPRING_MON, 3, TH, 3),
          duration=hours(2))
    f.add("vierde vrijdag in juni 1 uur demo", JUL12, date=most_recent_nth_weekday(JUL12, 6, FR, 4),
          duration=hours(1))

    f.row(SILENT + "de + ordinal = that day of the month, the most recent one (today included), like 3 november")
    f.add("op de vijfde 2 uur overleg", WED, date=most_recent_month_day(WED, 5), duration=hours(2))
    f.add("de zesde 3 uur testen", FRI, date=most_recent_month_day(FRI, 6), duration=hours(3))
    f.add("op de zevende 1 uur review", SAT, date=most_recent_month_day(SAT, 7), duration=hours(1))
    f.add("op de achtste 2 uur deploy", SUN, date=most_recent_month_day(SUN, 8), duration=hours(2))
    f.add("op de negende 2 uur support", JAN4, date=most_recent_month_day(JAN4, 9), duration=hours(2),
          note="the 9th has not come yet this month: 9 December")
    f.add("op de tiende 4 uur migratie", FEB1, date=most_recent_month_day(FEB1, 10), duration=hours(4),
          note="the 10th has not come yet this month: 10 January")


def nl_clock(f: CaseFile) -> None:
    f.row("Clock: 24-hour forms 14:30, 14.30, 14u30, 14h30, 14u, 14 uur after om/van/vanaf; a lone clock gives the start only")
    f.add("om 14:30 overleg met de klant", WED, date=today(WED), **lone(hhmm(14, 30)))
    f.add("om 14.30 standup", MON, date=today(MON), **lone(hhmm(14, 30)))
    f.add("om 14u30 demo", THU, date=today(THU), **lone(hhmm(14, 30)))
    f.add("om 14h30 demo gegeven", FRI, date=today(FRI), **lone(hhmm(14, 30)))
    f.add("om 14u begonnen aan de release", WED, date=today(WED), **lone(hhmm(14)))
    f.add("om 14 uur overleg", SUN, date=today(SUN), **lone(hhmm(14)))
    f.add("vanaf 13:15 support", TUE, date=today(TUE), **lone(hhmm(13, 15)))
    f.add("om 9:45 standup", SPRING, date=today(SPRING), **lone(hhmm(9, 45)))
    f.add("om 08:00 deploy", AUTUMN, date=today(AUTUMN), **lone(hhmm(8)))
    f.add("om 16.45 support call", JUN1, date=today(JUN1), **lone(hhmm(16, 45)))
    f.add("om 17u15 nog even gebeld", DEC31, date=today(DEC31), **lone(hhmm(17, 15)))
    f.add("vanaf 15 uur testen", LEAP, date=today(LEAP), **lone(hhmm(15)))

    f.row("Clock: working-hours rule for a bare hour (1..6 -> 13..18, 7..12 as written)")
    f.add("om 1 uur overleg", WED, date=today(WED), **lone(working(1)))
    f.add("om 2 uur testen", WED, date=today(WED), **lone(working(2)))
    f.add("om 3 uur demo", MON, date=today(MON), **lone(working(3)))
    f.add("om 4 support", THU, date=today(THU), **lone(working(4)))
    f.add("om 5 uur nog een call", FRI, date=today(FRI), **lone(working(5)))
    f.add("om 6 uur deploy", TUE, date=today(TUE), **lone(working(6)))
    f.add("om 7 uur begonnen", SAT, date=today(SAT), **lone(working(7)))
    f.add("om 8 standup", MON, date=today(MON), **lone(working(8)))
    f.add("om 9 uur overleg", WED_LATE, date=today(WED_LATE), **lone(working(9)))
    f.add("vanaf 10 uur testen", SUN, date=today(SUN), **lone(working(10)))
    f.add("om 11 review", LEAP_NEXT, date=today(LEAP_NEXT), **lone(working(11)))
    f.add("om 12 uur lunchoverleg", WED, date=today(WED), **lone(working(12)))
    f.add("om 2:30 demo", WED, date=today(WED), **lone(working(2, 30)))
    f.add("om 1:30 overleg", THU, date=today(THU), **lone(working(1, 30)),
          note="after om, 1:30 is a clock time, not a duration")
    f.add("om acht uur begonnen", FRI, date=today(FRI), **lone(working(8)))
    f.add("om twee uur overleg", WED, date=today(WED), **lone(working(2)))

    f.row("Clock: a day part overrides the working-hours rule ('s ochtends <12, 's middags 12-18, 's avonds 18-24)")
    f.add("'s ochtends om 6 uur deploy", WED, date=today(WED), **lone(morning(6)))
    f.add("'s ochtends om 8 begonnen", MON, date=today(MON), **lone(morning(8)))
    f.add("om 6 uur 's ochtends deploy", SAT, date=today(SAT), **lone(morning(6)))
    f.add("'s middags om 3 uur overleg", THU, date=today(THU), **lone(afternoon(3)))
    f.add("om 12 uur 's middags overleg", FRI, date=today(FRI), **lone(afternoon(12)))
    f.add("om 8 uur 's avonds deploy", WED, date=today(WED), **lone(evening(8)))
    f.add("'s avonds om 9 nog support", SUN, date=today(SUN), **lone(evening(9)))
    f.add("'s avonds om 10:30 hotfix", TUE, date=today(TUE), **lone(evening(10, 30)))
    f.add("om 11 uur 's avonds storing opgelost", WED_LATE, date=today(WED_LATE), **lone(evening(11)))
    f.add("'s morgens om 6 uur deploy", JUN10, date=today(JUN10), **lone(morning(6)),
          note=SILENT + "'s morgens is read as 's ochtends")

    f.row("Clock: a day part inside a date word (vanochtend, vanmiddag, vanavond, gisteravond)")
    f.add("vanochtend om 6 uur deploy", WED, date=today(WED), **lone(morning(6)))
    f.add("vanochtend om 7:30 begonnen", MON, date=today(MON), **lone(morning(7, 30)))
    f.add("vanmiddag om 2 uur overleg", FRI, date=today(FRI), **lone(afternoon(2)))
    f.add("vanavond om 7 uur deploy", SUN, date=today(SUN), **lone(evening(7)))
    f.add("vanavond om half 9 hotfix", WED_LATE, date=today(WED_LATE), **lone(evening(*half(9))))
    f.add("gisteravond om 9 uur storing", WED, date=days_ago(WED, 1), **lone(evening(9)))
    f.add("gisteravond om 10 deploy", JUN1, date=days_ago(JUN1, 1), **lone(evening(10)))
    f.add("gistermiddag om 3 uur overleg", THU, date=days_ago(THU, 1), **lone(afternoon(3)),
          note=SILENT + "gistermiddag = yesterday + 's middags")
    f.add("gisterochtend om 6 uur deploy", SAT, date=days_ago(SAT, 1), **lone(morning(6)),
          note=SILENT + "gisterochtend = yesterday + 's ochtends")

    f.row("Clock: Dutch clock words (half drie = 2:30, kwart over/voor, n over/voor half), then the working-hours rule")
    f.add("om half drie overleg", WED, date=today(WED), **lone(working(*half(3))))
    f.add("om half 3 demo", MON, date=today(MON), **lone(working(*half(3))))
    f.add("om kwart over 3 standup", THU, date=today(THU), **lone(working(*kwart_over(3))))
    f.add("om kwart over drie call", TUE, date=today(TUE), **lone(working(*kwart_over(3))))
    f.add("om kwart voor 4 overleg", FRI, date=today(FRI), **lone(working(*kwart_voor(4))))
    f.add("om tien over half drie begonnen", WED, date=today(WED), **lone(working(*over_half(10, 3))))
    f.add("om vijf voor half 10 standup", MON, date=today(MON), **lone(working(*voor_half(5, 10))))
    f.add("om half 9 begonnen", SUN, date=today(SUN), **lone(working(*half(9))))
    f.add("om half elf overleg", SAT, date=today(SAT), **lone(working(*half(11))))
    f.add("om kwart voor 9 standup", SPRING_MON, date=today(SPRING_MON), **lone(working(*kwart_voor(9))))
    f.add("om kwart over 12 lunchoverleg", AUTUMN_MON, date=today(AUTUMN_MON), **lone(working(*kwart_over(12))))
    f.add("om vijf over 9 standup", JAN4, date=today(JAN4), **lone(working(*over(5, 9))))
    f.add("om tien voor 11 overleg", LEAP, date=today(LEAP), **lone(working(*voor(10, 11))))
    f.add("om vijf over half 4 demo", JUN10, date=today(JUN10), **lone(working(*over_half(5, 4))))
    f.add("om tien voor half 8 begonnen", DEC31, date=today(DEC31), **lone(working(*voor_half(10, 8))))
    f.add("om half twaalf review", WED, date=today(WED), **lone(working(*half(12))))
    f.add("om kwart voor twaalf overleg", THU, date=today(THU), **lone(working(*kwart_voor(12))))
    f.add("om vijf voor twaalf nog een call", FRI, date=today(FRI), **lone(working(*voor(5, 12))))
    f.add("'s avonds om half acht deploy", SUN, date=today(SUN), **lone(evening(*half(8))))
    f.add("om kwart over zeven 's ochtends begonnen", MON, date=today(MON), **lone(morning(*kwart_over(7))))

    f.row("Clock: a date with a lone clock time")
    f.add("gisteren om 16:00 overleg", WED, date=days_ago(WED, 1), **lone(hhmm(16)))
    f.add("dinsdag om 10 uur demo", WED, date=most_recent_weekday(WED, TU), **lone(working(10)))
    f.add("vrijdag om half 2 overleg", SUN, date=most_recent_weekday(SUN, FR), **lone(working(*half(2))))
    f.add("eergisteren om 9:15 standup", JUN1, date=days_ago(JUN1, 2), **lone(hhmm(9, 15)))
    f.add("vandaag om 10 uur deploy", SPRING, date=today(SPRING), **lone(working(10)))
    f.add("om 10 uur overleg", AUTUMN_NIGHT, date=today(AUTUMN_NIGHT), **lone(working(10)))

    f.row(SILENT + "rond/omstreeks (about) and stipt om (sharp) give the start like om")
    f.add("rond 3 uur overleg met de klant", WED, date=today(WED), **lone(working(3)))
    f.add("rond half 2 begonnen", MON, date=today(MON), **lone(working(*half(2))))
    f.add("omstreeks 10 uur begonnen aan de release", THU, date=today(THU), **lone(working(10)))
    f.add("stipt om 9 uur standup", FRI, date=today(FRI), **lone(working(9)))
    f.add("stipt om 14:00 demo", TUE, date=today(TUE), **lone(hhmm(14)))

    f.row("Clock: number words after om (24-hour forms; beyond twelve read like digits; nul uur = 00:00)")
    f.add("om negen uur standup", MON, date=today(MON), **lone(working(9)))
    f.add("om dertien uur overleg", WED, date=today(WED), **lone(hhmm(13)))
    f.add("om zestien uur demo", THU, date=today(THU), **lone(hhmm(16)))
    f.add("om zeventien uur nog een call", FRI, date=today(FRI), **lone(hhmm(17)))
    f.add("om achttien uur deploy", TUE, date=today(TUE), **lone(hhmm(18)))
    f.add("om negentien uur hotfix", WED_LATE, date=today(WED_LATE), **lone(hhmm(19)))
    f.add("om nul uur de nachtelijke deploy gestart", SAT, date=today(SAT), **lone(MIDNIGHT),
          note="0 is no bare hour 1..12: the working-hours rule does not apply")

    f.row("Clock: am/pm in a Dutch phrase")
    f.add("om 3 pm overleg met de klant", WED, date=today(WED), **lone(pm(3)))
    f.add("om 9 am standup", MON, date=today(MON), **lone(am(9)))

    f.row("Clock: a day part (in de ochtend, in de middag, in de namiddag, in de avond) overrides the working-hours rule")
    f.add("in de ochtend om 6 uur deploy", TUE, date=today(TUE), **lone(morning(6)))
    f.add("in de middag om 2 uur overleg", WED, date=today(WED), **lone(afternoon(2)))
    f.add("in de namiddag om 4 uur demo", THU, date=today(THU), **lone(afternoon(4)),
          note=SILENT + "namiddag reads as middag")
    f.add("in de avond om 8 uur deploy", SUN, date=today(SUN), **lone(evening(8)))

    f.row(SILENT + "'s nachts, in de nacht, vannacht, gisternacht: 10 and 11 are 22:00-23:00, 1..6 stay as written")
    f.add("in de nacht om 3 uur storing opgelost", TUE, date=today(TUE), **lone(night(3)))
    f.add("afgelopen nacht om 11 uur storing verholpen", WED, date=days_ago(WED, 1), **lone(night(11)),
          note="afgelopen nacht = yesterday's night")
    f.add("vannacht om 2 uur storing opgelost", TUE, date=today(TUE), **lone(night(2)),
          note="said in the morning: the night that just ended, today's date")
    f.add("gisternacht om 11 uur hotfix", THU, date=days_ago(THU, 1), **lone(night(11)))
    f.add("gisterennacht om 10 uur storing", SUN, date=days_ago(SUN, 1), **lone(night(10)))
    f.add("morgennacht om 11 uur onderhoud", THU, date=days_ahead(THU, 1), **lone(night(11)))

    f.row(SILENT + "date words with a day part (vanmorgen, gisterenavond, morgenochtend, ...) = that day + that day part")
    f.add("vanmorgen om 6 uur deploy", WED, date=today(WED), **lone(morning(6)))
    f.add("vannamiddag om 3 uur overleg", FRI, date=today(FRI), **lone(afternoon(3)))
    f.add("gisterenavond om 9 uur deploy", WED, date=days_ago(WED, 1), **lone(evening(9)))
    f.add("gisterenmiddag om 3 uur overleg", THU, date=days_ago(THU, 1), **lone(afternoon(3)))
    f.add("gisterenmorgen om 7 uur begonnen", MON, date=days_ago(MON, 1), **lone(morning(7)))
    f.add("gistermorgen om 6 uur deploy", SAT, date=days_ago(SAT, 1), **lone(morning(6)))
    f.add("gisterenochtend om 8 uur standup", FRI, date=days_ago(FRI, 1), **lone(morning(8)))
    f.add("gisternamiddag om 4 uur demo", WED, date=days_ago(WED, 1), **lone(afternoon(4)))
    f.add("gisterennamiddag om 2 uur support", TUE, date=days_ago(TUE, 1), **lone(afternoon(2)))
    f.add("morgenochtend om 8 uur deploy", WED, date=days_ahead(WED, 1), **lone(morning(8)))
    f.add("morgenvroeg om 6 uur release", TUE, date=days_ahead(TUE, 1), **lone(morning(6)))
    f.add("morgenmiddag om 2 uur overleg", FRI, date=days_ahead(FRI, 1), **lone(afternoon(2)))
    f.add("morgennamiddag om 3 uur demo", MON, date=days_ahead(MON, 1), **lone(afternoon(3)))
    f.add("morgenavond om 8 uur livegang", DEC31, date=days_ahead(DEC31, 1), **lone(evening(8)))

    f.row("Clock: an ISO date with a glued clock time (2016-03-27T10:00) gives the date and the start")
    f.add("2016-03-27T10:00 deploy gestart", WED, date=ymd(2016, 3, 27), **lone(hhmm(10)))


def nl_range(f: CaseFile) -> None:
    f.row("Ranges: van .. tot .., n-n, h:mm-h:mm, tussen .. en .. give start, end and duration = end - start")
    f.add("van 9 tot 11 overleg", WED, date=today(WED), **span(working(9), working(11)))
    f.add("9-11 testen", MON, date=today(MON), **span(working(9), working(11)))
    f.add("9:00-11:30 development", THU, date=today(THU), **span(hhmm(9), hhmm(11, 30)))
    f.add("9:00 - 11:30 development", FRI, date=today(FRI), **span(hhmm(9), hhmm(11, 30)))
    f.add("van 9:00 tot 11:30 support", TUE, date=today(TUE), **span(hhmm(9), hhmm(11, 30)))
    f.add("van 13.00 tot 15.30 review", WED, date=today(WED), **span(hhmm(13), hhmm(15, 30)))
    f.add("van 14u tot 16u design", SUN, date=today(SUN), **span(hhmm(14), hhmm(16)))
    f.add("van 9u30 tot 12u testen", SAT, date=today(SAT), **span(hhmm(9, 30), hhmm(12)))
    f.add("13-15 support", WED, date=today(WED), **span(hhmm(13), hhmm(15)))
    f.add("9:30-12 testen", JUN10, date=today(JUN10), **span(hhmm(9, 30), working(12)))
    f.add("tussen 10 en 12 support", MON, date=today(MON), **span(working(10), working(12)))
    f.add("vanaf 14:00 tot 17:00 overleg", THU, date=today(THU), **span(hhmm(14), hhmm(17)))

    f.row("Ranges: the working-hours rule on bare hours (van 2 tot 4 = 14:00-16:00; van 11 tot 1 = 11:00-13:00)")
    f.add("van 2 tot 4 testen", WED, date=today(WED), **span(working(2), working(4)))
    f.add("van 11 tot 1 overleg", FRI, date=today(FRI), **span(working(11), working(1)))
    f.add("van 8 tot 5 gewerkt", TUE, date=today(TUE), **span(working(8), working(5)))
    f.add("van 12 tot 1 lunchoverleg", WED, date=today(WED), **span(working(12), working(1)))
    f.add("van 7 tot 3 development", MON, date=today(MON), **span(working(7), working(3)))
    f.add("tussen 1 en 3 testen", SUN, date=today(SUN), **span(working(1), working(3)))
    f.add("van half 9 tot 12 development", THU, date=today(THU), **span(working(*half(9)), working(12)))
    f.add("van kwart over 1 tot 3 review", WED, date=today(WED), **span(working(*kwart_over(1)), working(3)))
    f.add("van 10 tot kwart voor 12 overleg", FRI, date=today(FRI),
          **span(working(10), working(*kwart_voor(12))))
    f.add("van half drie tot vijf support", SAT, date=today(SAT), **span(working(*half(3)), working(5)))
    f.add("van tien over half 2 tot 3 standup", LEAP, date=today(LEAP),
          **span(working(*over_half(10, 2)), working(3)))

    f.row("Ranges: two bare numbers joined by a dash are a clock range when plausible under the working-hours rule")
    f.add("8-4 development", WED, date=today(WED), **span(working(8), working(4)))
    f.add("11-1 support", MON, date=today(MON), **span(working(11), working(1)))
    f.add("12-6 support", THU, date=today(THU), **span(working(12), working(6)),
          note="both are valid hours, 12:00-18:00 is plausible and nothing else names a time: a range, not 12 June")
    f.add("vandaag 1-3 overleg", TUE, date=today(TUE), **span(working(1), working(3)))
    f.add("gisteren 8-12 testen", WED, date=days_ago(WED, 1), **span(working(8), working(12)))
    f.add("maandag 2-5 development", WED, date=most_recent_weekday(WED, MO), **span(working(2), working(5)))
    f.add("gisteren 9-11 overleg", JUN1, date=days_ago(JUN1, 1), **span(working(9), working(11)))

    f.row("Ranges: n-n is a day-first date when the phrase has another clock time or range")
    d = most_recent_date(WED, 6, 12)
    assert weekday_of(d) == FR, "the phrase names a friday"
    f.add("vrijdag 12-6 van 14:00 tot 17:30", WED, date=d, **span(hhmm(14), hhmm(17, 30)),
          note="12 June, the most recent one (today included)")
    f.add("vr 12-6 van 9 tot 12 testen", WED, date=d, **span(working(9), working(12)))
    f.add("12-06 van 9 tot 11 overleg", JUN10, date=most_recent_date(JUN10, 6, 12), **span(working(9), working(11)))
    f.add("3-11 van 13:00 tot 17:00 support", WED, date=most_recent_date(WED, 11, 3), **span(hhmm(13), hhmm(17)))

    f.row("Ranges: a day part overrides the working-hours rule")
    f.add("gisteravond van 8 tot 10 deploy", WED, date=days_ago(WED, 1), **span(evening(8), evening(10)))
    f.add("'s avonds van 7 tot 9 deploy", SUN, date=today(SUN), **span(evening(7), evening(9)))
    f.add("'s ochtends van 6 tot 8 deploy", SAT, date=today(SAT), **span(morning(6), morning(8)))
    f.add("vanochtend van 7 tot 9 testen", MON, date=today(MON), **span(morning(7), morning(9)))
    f.add("'s middags van 1 tot 5 support", THU, date=today(THU), **span(afternoon(1), afternoon(5)))
    f.add("vanmiddag van 12 tot 2 overleg", FRI, date=today(FRI), **span(afternoon(12), afternoon(2)))
    f.add("vanavond van half 8 tot 10 hotfix", WED_LATE, date=today(WED_LATE),
          **span(evening(*half(8)), evening(10)))

    f.row("Ranges: a start plus a duration gives the end")
    f.add("om 10 uur 2 uur vergaderd", WED, date=today(WED), **from_start(working(10), hours(2)))
    f.add("vanaf 9 uur 3 uur gewerkt", MON, date=today(MON), **from_start(working(9), hours(3)))
    f.add("om 14:00 anderhalf uur overleg", THU, date=today(THU), **from_start(hhmm(14), hours(1.5)))
    f.add("om half 2 een uur standup", FRI, date=today(FRI), **from_start(working(*half(2)), hours(1)))
    f.add("om 9:15 drie kwartier testen", TUE, date=today(TUE), **from_start(hhmm(9, 15), 3 * minutes(15)))
    f.add("vanaf 1 uur 2,5 uur support", SUN, date=today(SUN), **from_start(working(1), hours(2.5)))
    f.add("gisteren om 8 uur 4 uur development", JUN1, date=days_ago(JUN1, 1),
          **from_start(working(8), hours(4)))

    f.row("Ranges: an end plus a duration gives the start")
    f.add("tot 17:00 nog anderhalf uur", WED, date=today(WED), **to_end(hhmm(17), hours(1.5)))
    f.add("tot 5 uur nog 2 uur testen", MON, date=today(MON), **to_end(working(5), hours(2)))
    f.add("tot half 6 nog een uur overleg", THU, date=today(THU), **to_end(working(*half(6)), hours(1)))
    f.add("tot 12 uur 3 uur development", FRI, date=today(FRI), **to_end(working(12), hours(3)))
    f.add("tot 12:00 de laatste 45 minuten review", SAT, date=today(SAT), **to_end(hhmm(12), minutes(45)))

    f.row("Ranges: an end before the start crosses midnight only when stated")
    f.add("gisteren van 22:00 tot 01:00 's nachts deploy", WED, date=days_ago(WED, 1),
          **span(hhmm(22), hhmm(1), overnight=True),
          note=SILENT + "'s nachts states the crossing; the date is that of the start")

    f.row("Ranges: with a named date")
    f.add("vorige week dinsdag van 9 tot 12 testen", THU, date=prev_iso_week_day(THU, TU),
          **span(working(9), working(12)))
    f.add("27-03-2016 van 9 tot 17 development", WED, date=ymd(2016, 3, 27), **span(working(9), hhmm(17)))
    f.add("3 november van 13:00 tot 17:00 overleg", WED, date=most_recent_date(WED, 11, 3),
          **span(hhmm(13), hhmm(17)))
    f.add("afgelopen vrijdag van 10 tot 4 migratie", MON, date=most_recent_weekday(MON, FR, include_today=False),
          **span(working(10), working(4)))
    f.add("van 9 tot 17 gewerkt", SPRING, date=today(SPRING), **span(working(9), hhmm(17)),
          note="DST change day: wall-clock times, no crossing of the change")
    f.add("van 9 tot 17 gewerkt", AUTUMN, date=today(AUTUMN), **span(working(9), hhmm(17)),
          note="DST change day: wall-clock times, no crossing of the change")
    f.add("eergisteren van 13:30 tot 16:00 review", LEAP_NEXT, date=days_ago(LEAP_NEXT, 2),
          **span(hhmm(13, 30), hhmm(16)))

    f.row("Ranges: a start plus gedurende + a duration gives the end")
    f.add("vanaf 14:00 gedurende anderhalf uur support", WED, date=today(WED), **from_start(hhmm(14), hours(1.5)))
    f.add("om 10 uur gedurende 2 uur vergaderd", MON, date=today(MON), **from_start(working(10), hours(2)))

    f.row(SILENT + "na .. maar voor .. reads like tussen .. en .. (a range)")
    f.add("na 2 maar voor 4 overleg", THU, date=today(THU), **span(working(2), working(4)))

    f.row("Ranges: date words with a day part")
    f.add("vannacht van 1 tot 3 storing opgelost", TUE, date=today(TUE), **span(night(1), night(3)),
          note=SILENT + "vannacht said in the morning: the night that just ended; 1..6 at night as written")
    f.add("morgenochtend van 9 tot 11 workshop", WED, date=days_ahead(WED, 1), **span(morning(9), morning(11)))
    f.add("gisterenavond van 8 tot 10 deploy", FRI, date=days_ago(FRI, 1), **span(evening(8), evening(10)))


def nl_negative(f: CaseFile) -> None:
    f.row("Negative: numbers that are not durations stay text")
    f.add("sprint 42 planning", WED, duration=None, start=None)
    f.add("ticket #1234 gefixt", MON, duration=None, start=None)
    f.add("versie 2.0 uitgerold", THU, duration=None, start=None)
    f.add("2 bugs gefixt", FRI, duration=None, start=None)
    f.add("3 tickets", TUE, duration=None, start=None)
    f.add("3 tickets afgehandeld", SUN, duration=None, start=None)
    f.add("PR 318 gereviewd", WED, duration=None, start=None)
    f.add("issue 57 opgepakt", SAT, duration=None, start=None)
    f.add("5 testcases geschreven", JUN1, duration=None, start=None)
    f.add("12 mails beantwoord", DEC31, duration=None, start=None)
    f.add("hoofdstuk 4 van de handleiding herschreven", WED, duration=None, start=None)
    f.add("stap 3 van de migratie voorbereid", LEAP, duration=None, start=None)
    f.add("2 collega's ingewerkt", SPRING, duration=None, start=None)
    f.add("top 10 klachten geanalyseerd", AUTUMN, duration=None, start=None)
    f.add("release notes 1.5 geschreven", MON, duration=None, start=None)
    f.add("api v2 endpoints gebouwd", THU, duration=None, start=None)
    f.add("50 producten geïmporteerd", WED, duration=None, start=None)
    f.add("sprint 7 retro", FRI, duration=None, start=None)
    f.add("3 pull requests gemerged", JAN4, duration=None, start=None)
    f.add("6 tests gerepareerd", LEAP_NEXT, duration=None, start=None)
    f.add("storing op verdieping 3 verholpen", WED, duration=None, start=None)
    f.add("Intranet 2.0 onderhoud", WED, duration=None, start=None, project=project("Intranet 2.0"),
          note="a project name containing digits")

    f.row("Negative: numbers that stay text next to a real duration or time")
    f.add("2 bugs gefixt in 3 uur", WED, duration=hours(3), start=None)
    f.add("sprint 42 planning 1,5 uur", MON, duration=hours(1.5), start=None)
    f.add("ticket #1234 gefixt, 45 min", THU, duration=minutes(45), start=None)
    f.add("3 tickets afgehandeld in een uur", FRI, duration=hours(1), start=None)
    f.add("versie 2.0 uitgerold om 16:00", TUE, date=today(TUE), **lone(hhmm(16)))
    f.add("PR 318 gereviewd van 9 tot 10", SUN, date=today(SUN), **span(working(9), working(10)))
    f.add("Intranet 2.0 onderhoud 2 uur", WED, duration=hours(2), start=None, project=project("Intranet 2.0"))

    f.row("Negative: a number word that is a count, next to a real duration")
    f.add("2 uur testen, nul bugs gevonden", THU, duration=hours(2), start=None)


def nl_entry(f: CaseFile) -> None:
    f.row("Entry: the reference sentences")
    f.add("2,5 uur met Rowan aan Timi gewerkt", WED, date=today(WED), duration=hours(2.5),
          project=project("Timi"), service=None, client=client_of("Timi"), persons=people("Rowan"))
    d = days_ago(WED, 1)
    f.add("gisteren van 9 tot half 11 overleg met Erik over de nieuwe website", WED, date=d,
          **span(working(9), working(*half(11))), project=project("Nieuwe Website"), service=service("Overleg"),
          persons=people("Erik"),
          note="'nieuwe website' is the catalog project Nieuwe Website (names match case-insensitively)")
    f.add("vorige week dinsdag 2u30 testen configurator", MON, date=prev_iso_week_day(MON, TU),
          duration=hours(2.5), project=project("Configurator"), service=service("Testing"))
    f.add("half uur standup met Ro, Kaat en Memo", THU, date=today(THU), duration=minutes(30),
          service=service("Standup"), persons=people("Rowan", "Kaat", "Memo"),
          note="persons in order of mention; the alias ro gives Rowan")

    f.row("Entry: a client name selects its project when the client has exactly one active project")
    f.add("2 uur meeting met Acme", FRI, duration=hours(2), service=service("Overleg"),
          project=sole_project("Acme"), client=client("Acme"), persons=[],
          note="mixed-language phrase, Dutch; Acme has one active project (Acme Legacy is inactive); "
               + SILENT + "a client named after met is the client, not a person")
    f.add("acme 2 uur support", MON, duration=hours(2), service=service("Support"),
          project=sole_project("Acme"), client=client("Acme"))
    f.add("eergisteren anderhalf uur support voor Acme #klant", WED, date=days_ago(WED, 2), duration=hours(1.5),
          service=service("Support"), project=sole_project("Acme"), client=client("Acme"), tags=["klant"])
    f.add("2 uur review voor timi bv", TUE, duration=hours(2), service=service("Code review"),
          project=sole_project("Timi BV"), client=client("Timi BV"))
    f.add("2 dagen geleden 3 uur support voor Acme", SPRING_MON, date=days_ago(SPRING_MON, 2), duration=hours(3),
          service=service("Support"), project=sole_project("Acme"), client=client("Acme"))
    f.add("1 uur ontwerp voor de spaak", WED, duration=hours(1), service=service("Design"),
          project=sole_project("Fietsenmaker De Spaak"), client=client("Fietsenmaker De Spaak"),
          note="client alias")

    f.row("Entry: a client with two active projects selects no project")
    f.add("3 uur gemeente zeist", WED, duration=hours(3), project=sole_project("Gemeente Zeist"),
          client=client("Gemeente Zeist"),
          note=SILENT + "the client is still recorded when it cannot select a project")
    f.add("vr 9-12 support voor bakkerij bol", SUN, date=most_recent_weekday(SUN, FR),
          **span(working(9), working(12)), service=service("Support"), project=sole_project("Bakkerij Bol"),
          client=client("Bakkerij Bol"),
          note=SILENT + "the client is still recorded when it cannot select a project")

    f.row("Entry: projects, services and people by name or alias (case- and accent-insensitive, longest match)")
    f.add("3 uur aan de webwinkel gewerkt", WED, duration=hours(3), project=project("Webshop"),
          client=client_of("Webshop"))
    f.add("1,5 uur code review met Sanne voor Timing", THU, duration=hours(1.5), service=service("Code review"),
          persons=people("Sanne"), project=project("Timing"), client=client_of("Timing"),
          note="Timing is its own project, not Timi")
    f.add("3 uur Timing", MON, duration=hours(3), project=project("Timing"), note="longest match: Timing, not Timi")
    f.add("3 uur timi", MON, duration=hours(3), project=project("Timi"))
    f.add("timi-app 2 uur bugfix", FRI, duration=hours(2), project=project("Timi"), service=service("Bugfixing"))
    f.add("45m support tango", SAT, duration=minutes(45), project=project("Timi"), service=service("Support"))
    f.add("vanochtend 2 uur programmeren aan het klantportaal #urgent", THU, date=today(THU), duration=hours(2),
          service=service("Development"), project=project("Klantportaal"), tags=["urgent"])
    f.add("een uur overleg met Jeroen en Lisa over data migratie", WED, duration=hours(1),
          service=service("Overleg"), persons=people("Jeroen", "Lisa"), project=project("Data Migratie"))
    f.add("met Anne-Marie 2 uur ontwerp voor de mobiele app", THU, duration=hours(2),
          persons=people("Anne-Marie"), service=service("Design"), project=project("Mobile App"))
    f.add("overleg met Anne Marie over de nieuwsbrief 1 uur", FRI, duration=hours(1), service=service("Overleg"),
          persons=people("Anne-Marie"), project=project("Nieuwsbrief"))
    f.add("2u docs kennisbank", SUN, duration=hours(2), service=service("Documentatie"),
          project=project("Kennisbank"))
    f.add("drie kwartier deploy webshop #release", WED, duration=3 * minutes(15), service=service("Deployment"),
          project=project("Webshop"), tags=["release"])
    f.add("gisteren 13:00-17:00 development acme portal", JUN1, date=days_ago(JUN1, 1),
          **span(hhmm(13), hhmm(17)), service=service("Development"), project=project("Acme Portal"),
          client=client_of("Acme Portal"))
    f.add("2 uur aan de portal", WED, duration=hours(2), project=project("Acme Portal"))
    f.add("samen met Sophie 3 uur aan de zonnecalc gewerkt", MON, duration=hours(3), persons=people("Sophie"),
          project=project("Zonnepanelen Calculator"))
    f.add("2 uur css voor de creche planner met Jose", WED, duration=hours(2), service=service("Development"),
          project=project("Crèche Planner"), persons=people("José"),
          note="accent-insensitive: creche = Crèche, Jose = José")
    f.add("anderhalf uur crèche planner testen", THU, duration=hours(1.5), service=service("Testing"),
          project=project("Crèche Planner"))
    f.add("2 uur crm koppeling testen met Bram", FRI, duration=hours(2), project=project("CRM Koppeling"),
          service=service("Testing"), persons=people("Bram"))
    f.add("1 uur crm overleg", TUE, duration=hours(1), project=project("CRM Koppeling"), service=service("Overleg"))
    f.add("komende maandag 1 uur deploy roosterapp", WED, date=next_weekday_strict(WED, MO), duration=hours(1),
          service=service("Deployment"), project=project("Roosterapp"))
    f.add("1 uur en een kwartier review met Kaat aan Timi", SAT, duration=hours(1) + minutes(15),
          service=service("Code review"), persons=people("Kaat"), project=project("Timi"))
    f.add("2u dev @webshop", MON, duration=hours(2), service=service("Development"), project=project("Webshop"),
          note="@ is a project cue")
    f.add("3 uur op intranet 2.0", THU, duration=hours(3), project=project("Intranet 2.0"),
          client=client_of("Intranet 2.0"), note="2.0 is part of the project name, not a duration")
    f.add("1 uur vergaderen over het intranet 2.0 met Jeroen", AUTUMN, duration=hours(1),
          service=service("Overleg"), project=project("Intranet 2.0"), persons=people("Jeroen"))
    f.add("afgelopen vrijdag 4 uur migratie", MON, date=most_recent_weekday(MON, FR, include_today=False),
          duration=hours(4), project=project("Data Migratie"))
    f.add("vorige dinsdag 6 uur documentatie boekhouding", THU,
          date=most_recent_weekday(THU, TU, include_today=False), duration=hours(6),
          service=service("Documentatie"), project=project("Boekhouding"), client=None,
          note="an internal project has no client")
    f.add("1 uur intern overleg", WED, duration=hours(1), project=project("Interne Uren"), service=service("Overleg"))
    f.add("kwartier standup timi", TUE, duration=minutes(15), service=service("Standup"), project=project("Timi"))
    f.add("Stand-up 15 min met Memo", MON, duration=minutes(15), service=service("Standup"),
          persons=people("Memo"))
    f.add("anderhalf uur chatbot development met Daan", FRI, duration=hours(1.5), project=project("Chatbot"),
          service=service("Development"), persons=people("Daan"))
    f.add("3 uur vacaturesite css", WED, duration=hours(3), project=project("Vacaturesite"),
          service=service("Development"))
    f.add("3 uur testing webshop", THU, duration=hours(3), service=service("Testing"), project=project("Webshop"),
          note="mixed-language phrase, Dutch; Testing is the service name")
    f.add("1 uur code review met Erik", WED, duration=hours(1), service=service("Code review"),
          persons=people("Erik"))
    f.add("2 uur projectleiding nieuwe website", MON, duration=hours(2), service=service("Projectmanagement"),
          project=project("Nieuwe Website"))
    f.add("1 uur administratie", FRI, duration=hours(1), project=project("Boekhouding"))
    f.add("2 uur uitrol configurator", DEC31, duration=hours(2), service=service("Deployment"),
          project=project("Configurator"))

    f.row("Entry: persons after met / samen met, joined by en and commas, in order of mention")
    f.add("met Memo, Lisa en Rowan 1 uur standup", WED, duration=hours(1), persons=people("Memo", "Lisa", "Rowan"),
          service=service("Standup"))
    f.add("met ro en kaatje een uurtje testen", THU, duration=hours(1), persons=people("Rowan", "Kaat"),
          service=service("Testing"))
    f.add("met erik en sanne 2 uur overleg over de webshop", MON, duration=hours(2),
          persons=people("Erik", "Sanne"), service=service("Overleg"), project=project("Webshop"))
    f.add("1 uur vergadering met Pieter en Rowan", TUE, duration=hours(1), service=service("Overleg"),
          persons=["Pieter", people("Rowan")[0]], note="a person not in the catalog keeps the word as written")
    f.add("1 uur met Karin aan de webshop", SUN, duration=hours(1), persons=["Karin"], project=project("Webshop"),
          note="a person not in the catalog keeps the word as written")
    f.add("met pieter 2 uur design", WED, duration=hours(2), persons=["pieter"], service=service("Design"),
          note="a person not in the catalog keeps the word as written, lowercase included")
    f.add("samen met Bram, Sophie en Daan 2 uur overleg", SAT, duration=hours(2),
          persons=people("Bram", "Sophie", "Daan"), service=service("Overleg"))

    f.row("Entry: #word is a tag")
    f.add("30 min testen #bug #urgent", WED, duration=minutes(30), service=service("Testing"),
          tags=["bug", "urgent"], note=SILENT + "tags are given without the #")
    f.add("za 4 uur data migratie #weekend", SUN, date=most_recent_weekday(SUN, SA), duration=hours(4),
          project=project("Data Migratie"), tags=["weekend"])

    f.row("Entry: a near miss (one edit on a name of five letters or more) matches")
    f.add("webshp 3 uur css", TUE, duration=hours(3), project=project("Webshop"), service=service("Development"))
    f.add("configuratr 2 uur development", WED, duration=hours(2), project=project("Configurator"),
          service=service("Development"))
    f.add("suport klantportaal 1 uur", FRI, duration=hours(1), service=service("Support"),
          project=project("Klantportaal"))
    f.add("dashbord 3 uur design", MON, duration=hours(3), project=project("Dashboard"), service=service("Design"))
    f.add("developmnt webshop 2 uur", THU, duration=hours(2), service=service("Development"),
          project=project("Webshop"))

    f.row("Entry: time and names together")
    f.add("om 10 uur 2 uur vergaderd met Erik over het dashboard", WED, date=today(WED),
          **from_start(working(10), hours(2)), persons=people("Erik"), project=project("Dashboard"))
    f.add("tot 17:00 nog anderhalf uur testen op de configurator", THU, date=today(THU),
          **to_end(hhmm(17), hours(1.5)), service=service("Testing"), project=project("Configurator"))
    f.add("maandag 9:00-12:30 coden aan de webshop", FRI, date=most_recent_weekday(FRI, MO),
          **span(hhmm(9), hhmm(12, 30)), service=service("Development"), project=project("Webshop"))
    f.add("vanmiddag van 1 tot 3 testen op timi met Daan", WED, date=today(WED),
          **span(afternoon(1), afternoon(3)), service=service("Testing"), project=project("Timi"),
          persons=people("Daan"))
    f.add("gisteravond van 8 tot 10 deploy webshop met Jeroen", SAT, date=days_ago(SAT, 1),
          **span(evening(8), evening(10)), service=service("Deployment"), project=project("Webshop"),
          persons=people("Jeroen"))
    f.add("wo 3 uur design voor de nieuwe website met Lisa", FRI, date=most_recent_weekday(FRI, WE),
          duration=hours(3), service=service("Design"), project=project("Nieuwe Website"), persons=people("Lisa"))
    f.add("1:30 testen mobile app", MON, duration=hours(1.5), service=service("Testing"),
          project=project("Mobile App"))
    f.add("do 14:00-16:30 overleg met Bram en Sophie over het klantenportaal", SAT,
          date=most_recent_weekday(SAT, TH), **span(hhmm(14), hhmm(16, 30)), service=service("Overleg"),
          persons=people("Bram", "Sophie"), project=project("Klantportaal"))
    f.add("3 november 4 uur testen configurator", WED, date=most_recent_date(WED, 11, 3), duration=hours(4),
          service=service("Testing"), project=project("Configurator"))
    f.add("27-03-2016 2 uur overleg met Rowan", WED, date=ymd(2016, 3, 27), duration=hours(2),
          service=service("Overleg"), persons=people("Rowan"))
    f.add("vandaag 8-4 development timi", TUE, date=today(TUE), **span(working(8), working(4)),
          service=service("Development"), project=project("Timi"))
    f.add("van 11 tot 1 overleg met Kaat over de roosterapp", THU, date=today(THU),
          **span(working(11), working(1)), service=service("Overleg"), persons=people("Kaat"),
          project=project("Roosterapp"))
    f.add("om half 2 een uur standup met het team", MON, date=today(MON),
          **from_start(working(*half(2)), hours(1)), service=service("Standup"))
    f.add("ticket #1234 gefixt op de webshop, 45 min", WED, duration=minutes(45), project=project("Webshop"))
    f.add("gisteren 2 uur bugfixen timing met Memo", LEAP_NEXT, date=days_ago(LEAP_NEXT, 1), duration=hours(2),
          service=service("Bugfixing"), project=project("Timing"), persons=people("Memo"))
    f.add("vorige week vrijdag 6 uur development zonnecalc", JAN4, date=prev_iso_week_day(JAN4, FR),
          duration=hours(6), service=service("Development"), project=project("Zonnepanelen Calculator"))
    f.add("vanochtend 1,5 uur support rooster", SPRING, date=today(SPRING), duration=hours(1.5),
          service=service("Support"), project=project("Roosterapp"))


# =================================================================================================
# English cases
# =================================================================================================


def en_duration(f: CaseFile) -> None:
    f.row("Durations: units hour(s)/h/hr/hrs")
    f.add("2 hours development", WED, duration=hours(2))
    f.add("2 hrs testing", MON, duration=hours(2))
    f.add("1 hr review", THU, duration=hours(1))
    f.add("3h support", SUN, duration=hours(3))
    f.add("1 hour meeting", SPRING, duration=hours(1))
    f.add("4 hours on the webshop", AUTUMN, duration=hours(4))
    f.add("8 hours worked", FRI, duration=hours(8))
    f.add("5 hrs bugfixing", LEAP, duration=hours(5))

    f.row("Durations: units minute(s)/min/mins/m")
    f.add("45 minutes standup", WED, duration=minutes(45))
    f.add("45 mins call with the client", TUE, duration=minutes(45))
    f.add("45 min review", SAT, duration=minutes(45))
    f.add("quick call 1 minute", NEW_YEAR, duration=minutes(1))
    f.add("90 mins refactoring", JUN1, duration=minutes(90))
    f.add("5 minutes checking the deploy", WED_LATE, duration=minutes(5))

    f.row("Durations: `m` is minutes, never months")
    f.add("30m code review", WED, duration=minutes(30))
    f.add("45m standup", MON, duration=minutes(45))
    f.add("15m email", DEC31, duration=minutes(15))

    f.row("Durations: decimal point and comma are equal")
    f.add("2.5 hours development", WED, duration=hours(2.5))
    f.add("2.5h testing", THU, duration=hours(2.5))
    f.add("1.5 hrs meeting", FRI, duration=hours(1.5))
    f.add("0.5 hours email", SUN, duration=hours(0.5))
    f.add("0.25h standup", JAN4, duration=hours(0.25))
    f.add("2,5h support", MON, duration=hours(2.5))

    f.row("Durations: 1:30 / 1h30 / 1h30m = 5400 s (bare 1:30 with no at/from before it is a duration)")
    f.add("1:30 testing", WED, duration=hours(1) + minutes(30))
    f.add("1h30 meeting", TUE, duration=hours(1) + minutes(30))
    f.add("1h30m review", SAT, duration=hours(1) + minutes(30))
    f.add("0:45 standup", THU, duration=minutes(45))
    f.add("2:15 development", LEAP_NEXT, duration=hours(2) + minutes(15))

    f.row("Durations: words (an hour and a half, half an hour, a quarter of an hour, three quarters of an hour, ...)")
    f.add("an hour of docs", WED, duration=hours(1))
    f.add("one hour support", MON, duration=hours(1))
    f.add("half an hour standup", FRI, duration=minutes(30))
    f.add("an hour and a half testing", THU, duration=hours(1.5))
    f.add("a quarter of an hour email", SUN, duration=minutes(15))
    f.add("three quarters of an hour meeting", TUE, duration=3 * minutes(15))
    f.add("two hours development", WED, duration=hours(2))
    f.add("three hours design", SPRING_MON, duration=hours(3))
    f.add("ten minutes deploy", AUTUMN_MON, duration=minutes(10))
    f.add("an hour meeting", JUL12, duration=hours(1))
    f.add("twenty minutes review", WED, duration=minutes(20),
          note=SILENT + "number words beyond twelve (twenty) read like digits")

    f.row("Durations: composites")
    f.add("2 hours 15 minutes development", WED, duration=hours(2) + minutes(15))
    f.add("2h15m coding", MON, duration=hours(2) + minutes(15))
    f.add("2h 15m support", THU, duration=hours(2) + minutes(15))
    f.add("1 hour and 15 minutes meeting", FRI, duration=hours(1) + minutes(15))
    f.add("1 hour 20 mins review", SAT, duration=hours(1) + minutes(20))
    f.add("an hour and 45 minutes testing", JAN3, duration=hours(1) + minutes(45))

    f.row("Limits: over 12 hours still reads (with a warning); exactly 24 hours is not longer than 24")
    f.add("13 hours migration work", WED, duration=hours(13))
    f.add("13h development", LEAP, duration=hours(13))
    f.add("24 hours on call", SUN, duration=hours(24),
          note=SILENT + "exactly 24 hours is accepted (only longer is refused)")

    f.row("Limits: an entry longer than 24 hours is refused")
    f.add("30 hours", WED, **refused(hours(30)))
    f.add("25 hrs development", MON, **refused(hours(25)))
    f.add("26h testing", THU, **refused(hours(26)))
    f.add("1500 minutes support", JUN1, **refused(minutes(1500)))

    f.row("Durations: more, extra, additional, other before the unit")
    f.add("2 more hours testing", WED, duration=hours(2))
    f.add("1 extra hour support", MON, duration=hours(1))
    f.add("30 additional minutes review", THU, duration=minutes(30))
    f.add("an other hour of testing", FRI, duration=hours(1), note="`another` written apart")

    f.row("Durations: seconds are rare but read (second/seconds/sec/secs)")
    f.add("90 seconds checking the deploy", WED, duration=90)
    f.add("12 mins 30 secs call with the helpdesk", MON, duration=minutes(12) + 30)
    f.add("5 min 20 sec support", THU, duration=minutes(5) + 20)
    f.add("1 hour 4 minutes 1 second support", FRI, duration=hours(1) + minutes(4) + 1,
          note="a timer's export, down to the second")

    f.row("Durations: number words (beyond twelve read like digits)")
    f.add("six hours development", WED, duration=hours(6))
    f.add("seven hours testing", MON, duration=hours(7))
    f.add("eight hours worked", FRI, duration=hours(8))
    f.add("fifteen minutes standup", TUE, duration=minutes(15), note=SILENT + "number words beyond twelve read like digits")
    f.add("thirty minutes review", THU, duration=minutes(30), note=SILENT + "number words beyond twelve read like digits")
    f.add("forty minutes call", SUN, duration=minutes(40), note=SILENT + "number words beyond twelve read like digits")
    f.add("fifty minutes meeting", SAT, duration=minutes(50), note=SILENT + "number words beyond twelve read like digits")
    f.add("thirteen minutes email triage", WED, duration=minutes(13),
          note=SILENT + "number words beyond twelve read like digits")
    f.add("fourteen minutes call with support", MON, duration=minutes(14),
          note=SILENT + "number words beyond twelve read like digits")
    f.add("sixteen minutes standup", THU, duration=minutes(16),
          note=SILENT + "number words beyond twelve read like digits")
    f.add("seventeen minutes deploy", FRI, duration=minutes(17),
          note=SILENT + "number words beyond twelve read like digits")
    f.add("eighteen minutes review", TUE, duration=minutes(18),
          note=SILENT + "number words beyond twelve read like digits")
    f.add("nineteen minutes bugfix", JUN1, duration=minutes(19),
          note=SILENT + "number words beyond twelve read like digits")

    f.row("Durations: a word that is plain text (clock) next to a duration")
    f.add("fixed the clock skew on the build server, 2 hours", WED, duration=hours(2))


def en_date(f: CaseFile) -> None:
    f.row("Dates: no date in the phrase = the date of now")
    f.add("3 hours development", WED, date=today(WED), duration=hours(3))
    f.add("2h testing", WED_EARLY, date=today(WED_EARLY), duration=hours(2))
    f.add("1 hour support", SPRING, date=today(SPRING), duration=hours(1))
    f.add("2 hours review", AUTUMN_NIGHT, date=today(AUTUMN_NIGHT), duration=hours(2))
    f.add("4 hours coding", NEW_YEAR, date=today(NEW_YEAR), duration=hours(4))

    f.row("Dates: today, this morning, this afternoon, this evening, tonight = the date of now")
    f.add("today 6 hours development", WED, date=today(WED), duration=hours(6))
    f.add("this morning 2h testing", MON, date=today(MON), duration=hours(2))
    f.add("this afternoon 1.5 hours meeting", FRI, date=today(FRI), duration=hours(1.5))
    f.add("this evening 2 hours docs", SUN, date=today(SUN), duration=hours(2))
    f.add("tonight 1 hour deploy", WED_LATE, date=today(WED_LATE), duration=hours(1))
    f.add("today 3h support", LEAP, date=today(LEAP), duration=hours(3))

    f.row("Dates: yesterday = now - 1 day")
    f.add("yesterday 4 hours coding", WED, date=days_ago(WED, 1), duration=hours(4))
    f.add("yesterday 2h support", MON, date=days_ago(MON, 1), duration=hours(2))
    f.add("yesterday 3 hours testing", JUN1, date=days_ago(JUN1, 1), duration=hours(3))
    f.add("yesterday 1.5h meeting", NEW_YEAR, date=days_ago(NEW_YEAR, 1), duration=hours(1.5))
    f.add("yesterday 5 hours development", LEAP_NEXT, date=days_ago(LEAP_NEXT, 1), duration=hours(5))
    f.add("yesterday 2 hours review", SPRING_MON, date=days_ago(SPRING_MON, 1), duration=hours(2))
    f.add("Yesterday 3h design", WED_EARLY, date=days_ago(WED_EARLY, 1), duration=hours(3))

    f.row("Dates: the day before yesterday = now - 2 days")
    f.add("the day before yesterday 3h design", WED, date=days_ago(WED, 2), duration=hours(3))
    f.add("day before yesterday 2 hours support", JUN1, date=days_ago(JUN1, 2), duration=hours(2))
    f.add("the day before yesterday 4 hours testing", LEAP_NEXT, date=days_ago(LEAP_NEXT, 2), duration=hours(4))
    f.add("the day before yesterday 1 hour meeting", NEW_YEAR, date=days_ago(NEW_YEAR, 2), duration=hours(1))

    f.row("Dates: a bare weekday (full or abbreviated, or after on) = the most recent such day, today included")
    f.add("monday 2 hours testing", WED, date=most_recent_weekday(WED, MO), duration=hours(2))
    f.add("monday 3 hours meeting", MON, date=most_recent_weekday(MON, MO), duration=hours(3))
    f.add("tuesday 4h development", WED, date=most_recent_weekday(WED, TU), duration=hours(4))
    f.add("wednesday 2 hours support", WED, date=most_recent_weekday(WED, WE), duration=hours(2))
    f.add("thursday 3 hours coding", WED, date=most_recent_weekday(WED, TH), duration=hours(3))
    f.add("friday 6 hours migration", MON, date=most_recent_weekday(MON, FR), duration=hours(6))
    f.add("saturday 2h deploy", SUN, date=most_recent_weekday(SUN, SA), duration=hours(2))
    f.add("sunday 1 hour support", SUN, date=most_recent_weekday(SUN, SU), duration=hours(1))
    f.add("sunday 1 hour support", MON, date=most_recent_weekday(MON, SU), duration=hours(1))
    f.add("mon 3h support", FRI, date=most_recent_weekday(FRI, MO), duration=hours(3))
    f.add("tue 2 hours review", TUE, date=most_recent_weekday(TUE, TU), duration=hours(2))
    f.add("wed 1.5h meeting", SAT, date=most_recent_weekday(SAT, WE), duration=hours(1.5))
    f.add("thu 4 hours testing", WED, date=most_recent_weekday(WED, TH), duration=hours(4))
    f.add("fri 2h docs", NEW_YEAR, date=most_recent_weekday(NEW_YEAR, FR), duration=hours(2))
    f.add("sat 3 hours deploy", JAN4, date=most_recent_weekday(JAN4, SA), duration=hours(3))
    f.add("sun 2 hours support", SPRING_MON, date=most_recent_weekday(SPRING_MON, SU), duration=hours(2))
    f.add("on tue 2h meeting", THU, date=most_recent_weekday(THU, TU), duration=hours(2))
    f.add("on friday 1.5 hours code review", WED, date=most_recent_weekday(WED, FR), duration=hours(1.5))
    f.add("Tuesday 2h development", LEAP, date=most_recent_weekday(LEAP, TU), duration=hours(2))
    f.add("thursday 2 hours support", NEW_YEAR, date=most_recent_weekday(NEW_YEAR, TH), duration=hours(2))
    f.add("tues 3h testing", SUN, date=most_recent_weekday(SUN, TU), duration=hours(3))

    f.row("Dates: last + weekday = the most recent such day strictly before today")
    f.add("last tuesday 3 hours testing", TUE, date=most_recent_weekday(TUE, TU, include_today=False),
          duration=hours(3))
    f.add("last tuesday 3 hours testing", WED, date=most_recent_weekday(WED, TU, include_today=False),
          duration=hours(3))
    f.add("last wednesday 4h development", WED, date=most_recent_weekday(WED, WE, include_today=False),
          duration=hours(4))
    f.add("last friday 2 hours support", MON, date=most_recent_weekday(MON, FR, include_today=False),
          duration=hours(2))
    f.add("last sunday 1h deploy", SUN, date=most_recent_weekday(SUN, SU, include_today=False),
          duration=hours(1))
    f.add("last monday 3 hours review", JAN4, date=most_recent_weekday(JAN4, MO, include_today=False),
          duration=hours(3))
    f.add("last saturday 2 hours support", LEAP, date=most_recent_weekday(LEAP, SA, include_today=False),
          duration=hours(2))
    f.add("last fri 6h migration", NEW_YEAR, date=most_recent_weekday(NEW_YEAR, FR, include_today=False),
          duration=hours(6))

    f.row("Dates: weekday + last week = that day in the previous ISO week (Mon-Sun)")
    f.add("tuesday last week 2.5 hours testing", WED, date=prev_iso_week_day(WED, TU), duration=hours(2.5))
    f.add("tuesday last week 3 hours meeting", SUN, date=prev_iso_week_day(SUN, TU), duration=hours(3))
    f.add("monday last week 4h development", MON, date=prev_iso_week_day(MON, MO), duration=hours(4))
    f.add("sunday last week 2 hours deploy", WED, date=prev_iso_week_day(WED, SU), duration=hours(2))
    f.add("friday last week 5 hours migration", MON, date=prev_iso_week_day(MON, FR), duration=hours(5))
    f.add("wednesday last week 1 hour support", JAN4, date=prev_iso_week_day(JAN4, WE), duration=hours(1))
    f.add("thursday last week 2h testing", NEW_YEAR, date=prev_iso_week_day(NEW_YEAR, TH), duration=hours(2))
    f.add("friday last week 3 hours review", LEAP, date=prev_iso_week_day(LEAP, FR), duration=hours(3))
    f.add("saturday last week 2 hours support", SUN, date=prev_iso_week_day(SUN, SA), duration=hours(2))

    f.row("Dates: next + weekday = the first such day strictly after today")
    f.add("next tuesday 2 hours meeting", TUE, date=next_weekday_strict(TUE, TU), duration=hours(2))
    f.add("next tuesday 2 hours meeting", WED, date=next_weekday_strict(WED, TU), duration=hours(2))
    f.add("next friday 1h demo", WED, date=next_weekday_strict(WED, FR), duration=hours(1))
    f.add("next monday 3 hours workshop", SUN, date=next_weekday_strict(SUN, MO), duration=hours(3))
    f.add("next saturday 4h deploy", DEC31, date=next_weekday_strict(DEC31, SA), duration=hours(4))

    f.row("Dates: tomorrow = now + 1 day")
    f.add("tomorrow 2 hours meeting", WED, date=days_ahead(WED, 1), duration=hours(2))
    f.add("tomorrow 3h deploy", DEC31, date=days_ahead(DEC31, 1), duration=hours(3))
    f.add("tomorrow 1 hour testing", LEAP_EVE, date=days_ahead(LEAP_EVE, 1), duration=hours(1))

    f.row("Dates: numeric dates are day first in English too (27/03/2016, 27-03-2016, 27.03.2016)")
    f.add("27/03/2016 3 hours development", WED, date=ymd(2016, 3, 27), duration=hours(3))
    f.add("27-03-2016 2h testing", WED, date=ymd(2016, 3, 27), duration=hours(2))
    f.add("27.03.2016 4 hours support", WED, date=ymd(2016, 3, 27), duration=hours(4))
    f.add("03/04/2026 2 hours meeting", WED, date=ymd(2026, 4, 3), duration=hours(2), note="3 April, not March 4")
    f.add("5/11/2025 2h review", WED, date=ymd(2025, 11, 5), duration=hours(2))

    f.row("Dates: 2016-03-27 is year first (ISO)")
    f.add("2016-03-27 3 hours development", WED, date=ymd(2016, 3, 27), duration=hours(3))
    f.add("2026-03-29 2h deploy", WED, date=ymd(2026, 3, 29), duration=hours(2))

    f.row("Dates: day-first date without a year (27-3, 27/3) = the most recent such date, today included")
    f.add("27-3 3 hours testing", WED, date=most_recent_date(WED, 3, 27), duration=hours(3))
    f.add("27/3 2h support", MAR26, date=most_recent_date(MAR26, 3, 27), duration=hours(2))
    f.add("27/3 1 hour meeting", MAR27, date=most_recent_date(MAR27, 3, 27), duration=hours(1))
    f.add("5/11 3h testing", WED, date=most_recent_date(WED, 11, 5), duration=hours(3))
    f.add("12-06 2 hours testing", WED, date=most_recent_date(WED, 6, 12), duration=hours(2),
          note="dash rule: second number zero-padded")
    f.add("15-11 3 hours meeting", WED, date=most_recent_date(WED, 11, 15), duration=hours(3),
          note="dash rule: 15:00-11:00 is implausible")
    f.add("31-12 4h year end closing", NEW_YEAR, date=most_recent_date(NEW_YEAR, 12, 31), duration=hours(4),
          note="dash rule: 31 is no valid hour")

    f.row("Dates: 3 november, 3 nov, nov 3, november 3rd, the 3rd of november = most recent such date, today included")
    f.add("3 november 2 hours testing", WED, date=most_recent_date(WED, 11, 3), duration=hours(2))
    f.add("3 nov 4h development", WED, date=most_recent_date(WED, 11, 3), duration=hours(4))
    f.add("nov 3 1 hour meeting", SUN, date=most_recent_date(SUN, 11, 3), duration=hours(1))
    f.add("november 3rd 2 hours support", MON, date=most_recent_date(MON, 11, 3), duration=hours(2))
    f.add("the 3rd of november 3h review", WED, date=most_recent_date(WED, 11, 3), duration=hours(3))
    f.add("on nov 3 2h design", THU, date=most_recent_date(THU, 11, 3), duration=hours(2))
    f.add("november 18 3 hours review", WED, date=most_recent_date(WED, 11, 18), duration=hours(3), note="today")
    f.add("november 19th 2h testing", WED, date=most_recent_date(WED, 11, 19), duration=hours(2),
          note="tomorrow's day: last year")
    f.add("jan 1 2 hours support", NEW_YEAR, date=most_recent_date(NEW_YEAR, 1, 1), duration=hours(2))
    f.add("december 31st 3h deploy", NEW_YEAR, date=most_recent_date(NEW_YEAR, 12, 31), duration=hours(3))
    f.add("feb 29 1 hour meeting", LEAP, date=most_recent_date(LEAP, 2, 29), duration=hours(1))
    f.add("the 28th of february 2h testing", LEAP_NEXT, date=most_recent_date(LEAP_NEXT, 2, 28),
          duration=hours(2))
    f.add("march 21st 3 hours development", WED, date=most_recent_date(WED, 3, 21), duration=hours(3))
    f.add("april 2nd 2h design", WED, date=most_recent_date(WED, 4, 2), duration=hours(2))
    f.add("may 14 1 hour meeting", FEB1, date=most_recent_date(FEB1, 5, 14), duration=hours(1))
    f.add("june 22nd 4 hours testing", WED, date=most_recent_date(WED, 6, 22), duration=hours(4))
    f.add("21 july 3h support", JUL12, date=most_recent_date(JUL12, 7, 21), duration=hours(3))
    f.add("august 15 2 hours migration", WED, date=most_recent_date(WED, 8, 15), duration=hours(2))
    f.add("september 9th 3h coding", WED, date=most_recent_date(WED, 9, 9), duration=hours(3))
    f.add("october 25 2h deploy", AUTUMN, date=most_recent_date(AUTUMN, 10, 25), duration=hours(2))
    f.add("mar 10 2 hours review", WED, date=most_recent_date(WED, 3, 10), duration=hours(2))
    f.add("apr 5 3h design", SPRING, date=most_recent_date(SPRING, 4, 5), duration=hours(3))
    f.add("jun 17 1 hour support", WED, date=most_recent_date(WED, 6, 17), duration=hours(1))
    f.add("jul 8 2h testing", JUL12, date=most_recent_date(JUL12, 7, 8), duration=hours(2))
    f.add("aug 22 4 hours development", WED, date=most_recent_date(WED, 8, 22), duration=hours(4))
    f.add("sep 11 2h meeting", WED, date=most_recent_date(WED, 9, 11), duration=hours(2))
    f.add("sept 4 3 hours migration", WED, date=most_recent_date(WED, 9, 4), duration=hours(3))
    f.add("oct 13 1h review", WED, date=most_recent_date(WED, 10, 13), duration=hours(1))
    f.add("dec 1 2 hours deploy", NEW_YEAR, date=most_recent_date(NEW_YEAR, 12, 1), duration=hours(2))
    f.add("november 3rd 2025 2h testing", WED, date=ymd(2025, 11, 3), duration=hours(2), note="year stated")

    f.row("Dates: n days ago = now - n days")
    f.add("2 days ago 3 hours testing", WED, date=days_ago(WED, 2), duration=hours(3))
    f.add("3 days ago 2h support", JUN1, date=days_ago(JUN1, 3), duration=hours(2))
    f.add("two days ago 1 hour meeting", MON, date=days_ago(MON, 2), duration=hours(1))
    f.add("5 days ago 4 hours development", LEAP_NEXT, date=days_ago(LEAP_NEXT, 5), duration=hours(4))
    f.add("10 days ago 2h review", NEW_YEAR, date=days_ago(NEW_YEAR, 10), duration=hours(2))

    f.row("Dates: coming / this coming + weekday = next (the first such day strictly after today)")
    f.add("coming friday 1h demo prep", WED, date=next_weekday_strict(WED, FR), duration=hours(1))
    f.add("this coming monday 2 hours workshop", SUN, date=next_weekday_strict(SUN, MO), duration=hours(2))

    f.row("Dates: previous + weekday = last (the most recent such day strictly before today)")
    f.add("previous friday 3 hours testing", MON, date=most_recent_weekday(MON, FR, include_today=False),
          duration=hours(3))
    f.add("previous tuesday 2h meeting", TUE, date=most_recent_weekday(TUE, TU, include_today=False),
          duration=hours(2))

    f.row("Dates: thur, thurs = the most recent thursday, today included")
    f.add("thur 2h testing", SAT, date=most_recent_weekday(SAT, TH), duration=hours(2))
    f.add("thurs 3 hours support", THU, date=most_recent_weekday(THU, TH), duration=hours(3))

    f.row(SILENT + "tomorrows (tomorrow's without the apostrophe) = tomorrow")
    f.add("tomorrows demo prep 1 hour", WED, date=days_ahead(WED, 1), duration=hours(1))

    f.row("Dates: n weeks/days ago (wk, wks); back and earlier = ago")
    f.add("3 weeks ago 2 hours review", WED, date=days_ago(WED, 21), duration=hours(2))
    f.add("1 wk ago 3h testing", MON, date=days_ago(MON, 7), duration=hours(3))
    f.add("2 wks ago 1 hour meeting", THU, date=days_ago(THU, 14), duration=hours(1))
    f.add("3 days back 2h testing", THU, date=days_ago(THU, 3), duration=hours(2), note=SILENT + "back = ago")
    f.add("4 days earlier 2 hours support", MON, date=days_ago(MON, 4), duration=hours(2),
          note=SILENT + "earlier = ago")

    f.row(SILENT + "n months/years ago (yr, yrs) = the same day n months/years back (or that month's last day)")
    f.add("a month ago 2h support", DEC31, date=months_ago(DEC31, 1), duration=hours(2),
          note="31 November does not exist: 30 November")
    f.add("2 months ago 4 hours migration", WED, date=months_ago(WED, 2), duration=hours(4))
    f.add("3 years ago 2h review", WED, date=years_ago(WED, 3), duration=hours(2))
    f.add("a year ago 1 hour meeting", LEAP, date=years_ago(LEAP, 1), duration=hours(1),
          note="from the leap day: 28 February")
    f.add("1 yr ago 3h testing", WED, date=years_ago(WED, 1), duration=hours(3))
    f.add("2 yrs ago 2 hours support", MON, date=years_ago(MON, 2), duration=hours(2))

    f.row(SILENT + "n <weekday>s ago/back: the most recent such day strictly before today is one ago, each further one a week earlier")
    f.add("2 mondays ago 3 hours testing", WED, date=weekdays_back(WED, MO, 2), duration=hours(3))
    f.add("2 tuesdays ago 2h meeting", TUE, date=weekdays_back(TUE, TU, 2), duration=hours(2))
    f.add("3 wednesdays ago 1 hour support", FRI, date=weekdays_back(FRI, WE, 3), duration=hours(1))
    f.add("2 thursdays back 2 hours review", MON, date=weekdays_back(MON, TH, 2), duration=hours(2))
    f.add("2 fridays ago 4h migration", JAN4, date=weekdays_back(JAN4, FR, 2), duration=hours(4))
    f.add("2 saturdays ago 3 hours deploy", SUN, date=weekdays_back(SUN, SA, 2), duration=hours(3))
    f.add("2 sundays ago 1h support", LEAP, date=weekdays_back(LEAP, SU, 2), duration=hours(1))

    f.row(SILENT + "n <weekday>s from now, n days hence = ahead of today (rare in logging, but allowed)")
    f.add("2 thursdays from now 1 hour training", WED, date=weekdays_ahead(WED, TH, 2), duration=hours(1))
    f.add("3 days hence 2h follow-up", WED, date=days_ahead(WED, 3), duration=hours(2))

    f.row("Dates: ordinal words (the first of october, november third) = the most recent such date, today included")
    f.add("the first of october 2h meeting", WED, date=most_recent_date(WED, 10, 1), duration=hours(2))
    f.add("the second of march 3 hours testing", WED, date=most_recent_date(WED, 3, 2), duration=hours(3))
    f.add("november third 2h testing", SUN, date=most_recent_date(SUN, 11, 3), duration=hours(2))
    f.add("the fourth of july 2 hours support", JUL12, date=most_recent_date(JUL12, 7, 4), duration=hours(2))
    f.add("fifth of november 3h deploy", WED, date=most_recent_date(WED, 11, 5), duration=hours(3))
    f.add("the sixth of march 2h design", WED, date=most_recent_date(WED, 3, 6), duration=hours(2))
    f.add("june seventh 4 hours testing", WED, date=most_recent_date(WED, 6, 7), duration=hours(4))
    f.add("the eighth of april 2h review", WED, date=most_recent_date(WED, 4, 8), duration=hours(2))
    f.add("september ninth 3 hours migration", WED, date=most_recent_date(WED, 9, 9), duration=hours(3))
    f.add("the tenth of october 1 hour meeting", WED, date=most_recent_date(WED, 10, 10), duration=hours(1))
    f.add("the eleventh of november 2h support", WED, date=most_recent_date(WED, 11, 11), duration=hours(2))
    f.add("march twelfth 2 hours development", WED, date=most_recent_date(WED, 3, 12), duration=hours(2))
    f.add("the fifteenth of june 3h testing", WED, date=most_recent_date(WED, 6, 15), duration=hours(3))
    f.add("august twentieth 2 hours deploy", WED, date=most_recent_date(WED, 8, 20), duration=hours(2))
    f.add("the thirtieth of september 1h review", WED, date=most_recent_date(WED, 9, 30), duration=hours(1))
    f.add("january 15th 2 hours support", WED, date=most_recent_date(WED, 1, 15), duration=hours(2))

    f.row(SILENT + "nth weekday of a month with no year = that day in the most recent such month")
    f.add("the first monday of october 3 hours planning", WED, date=most_recent_nth_weekday(WED, 10, MO, 1),
          duration=hours(3))

    f.row(SILENT + "the nth of the previous/current/following month = that day of that month")
    f.add("the 20th of the previous month 3h testing", WED, date=month_day(WED, -1, 20), duration=hours(3))
    f.add("the 15th of the current month 2 hours invoicing", WED, date=month_day(WED, 0, 15), duration=hours(2))
    f.add("the 1st of the following month 1 hour planning", WED, date=month_day(WED, 1, 1), duration=hours(1),
          note="a future date: rare in logging, but allowed")


def en_clock(f: CaseFile) -> None:
    f.row("Clock: am/pm (2pm, 2:30 pm, 2 p.m.; 12am = 00:00, 12pm = 12:00); a lone clock gives the start only")
    f.add("at 2pm meeting with the client", WED, date=today(WED), **lone(pm(2)))
    f.add("at 2:30 pm demo", MON, date=today(MON), **lone(pm(2, 30)))
    f.add("at 2 p.m. standup", THU, date=today(THU), **lone(pm(2)))
    f.add("at 2:30pm call", FRI, date=today(FRI), **lone(pm(2, 30)))
    f.add("at 12am server migration", SAT, date=today(SAT), **lone(am(12)))
    f.add("at 12pm lunch meeting", WED, date=today(WED), **lone(pm(12)))
    f.add("at 9am standup", TUE, date=today(TUE), **lone(am(9)))
    f.add("at 11:45am review", SUN, date=today(SUN), **lone(am(11, 45)))
    f.add("at 10 a.m. meeting", SPRING, date=today(SPRING), **lone(am(10)))
    f.add("at 7pm deploy", AUTUMN, date=today(AUTUMN), **lone(pm(7)))
    f.add("at 12:30pm call", JUN1, date=today(JUN1), **lone(pm(12, 30)))
    f.add("at 12:15am hotfix", WED_LATE, date=today(WED_LATE), **lone(am(12, 15)))
    f.add("at 6 PM deploy", DEC31, date=today(DEC31), **lone(pm(6)))
    f.add("started at 8:30am", LEAP, date=today(LEAP), **lone(am(8, 30)))

    f.row("Clock: 24-hour forms")
    f.add("at 14:30 meeting", WED, date=today(WED), **lone(hhmm(14, 30)))
    f.add("at 9:15 standup", MON, date=today(MON), **lone(hhmm(9, 15)))
    f.add("from 16:45 support", THU, date=today(THU), **lone(hhmm(16, 45)))

    f.row("Clock: working-hours rule for a bare hour (1..6 -> 13..18, 7..12 as written)")
    f.add("at 9 standup", WED, date=today(WED), **lone(working(9)))
    f.add("at 3 demo", MON, date=today(MON), **lone(working(3)))
    f.add("at 1 meeting", THU, date=today(THU), **lone(working(1)))
    f.add("at 6 deploy", FRI, date=today(FRI), **lone(working(6)))
    f.add("started at 7", SAT, date=today(SAT), **lone(working(7)))
    f.add("at 12 lunch meeting", TUE, date=today(TUE), **lone(working(12)))
    f.add("at 2:30 demo", SUN, date=today(SUN), **lone(working(2, 30)))
    f.add("at 1:30 meeting", WED, date=today(WED), **lone(working(1, 30)),
          note="after at, 1:30 is a clock time, not a duration")
    f.add("at 10 review", LEAP_NEXT, date=today(LEAP_NEXT), **lone(working(10)))

    f.row("Clock: a day part overrides the working-hours rule (in the morning <12, afternoon 12-18, evening 18-24)")
    f.add("at 6 in the morning deploy", WED, date=today(WED), **lone(morning(6)))
    f.add("at 8 in the evening deploy", MON, date=today(MON), **lone(evening(8)))
    f.add("at 3 in the afternoon meeting", THU, date=today(THU), **lone(afternoon(3)))
    f.add("started this morning at 7", FRI, date=today(FRI), **lone(morning(7)))
    f.add("this morning at 6 deploy", SAT, date=today(SAT), **lone(morning(6)))
    f.add("tonight at 9 hotfix", SUN, date=today(SUN), **lone(evening(9)))
    f.add("this evening at 8 deploy", TUE, date=today(TUE), **lone(evening(8)))
    f.add("this afternoon at 2 meeting", WED, date=today(WED), **lone(afternoon(2)))
    f.add("in the evening at 10 support", WED_LATE, date=today(WED_LATE), **lone(evening(10)))
    f.add("yesterday evening at 7 deploy", JUN1, date=days_ago(JUN1, 1), **lone(evening(7)),
          note=SILENT + "yesterday evening = yesterday + in the evening (like gisteravond)")

    f.row("Clock: English clock words (half past two = 2:30, quarter to four = 3:45, British half three = 3:30)")
    f.add("at half past two meeting", WED, date=today(WED), **lone(working(*half_past(2))))
    f.add("at quarter to four call", MON, date=today(MON), **lone(working(*kwart_voor(4))))
    f.add("at quarter past 9 standup", THU, date=today(THU), **lone(working(*kwart_over(9))))
    f.add("at a quarter past 2 demo", FRI, date=today(FRI), **lone(working(*kwart_over(2))))
    f.add("at half three meeting", WED, date=today(WED), **lone(working(*half_past(3))),
          note="British half three = 3:30, then the working-hours rule")
    f.add("at half nine standup", TUE, date=today(TUE), **lone(working(*half_past(9))),
          note="British half nine = 9:30")
    f.add("at half past 11 review", SUN, date=today(SUN), **lone(working(*half_past(11))))
    f.add("at ten past 11 call", SAT, date=today(SAT), **lone(working(*over(10, 11))))
    f.add("at twenty to 5 meeting", JAN4, date=today(JAN4), **lone(working(*voor(20, 5))))
    f.add("at five past 12 lunch meeting", LEAP, date=today(LEAP), **lone(working(*over(5, 12))))
    f.add("at quarter to 12 review", SPRING_MON, date=today(SPRING_MON), **lone(working(*kwart_voor(12))))
    f.add("at half past 8 in the evening deploy", WED, date=today(WED), **lone(evening(*half_past(8))))

    f.row("Clock: a date with a lone clock time")
    f.add("yesterday at 3pm meeting", WED, date=days_ago(WED, 1), **lone(pm(3)))
    f.add("monday at 10 demo", WED, date=most_recent_weekday(WED, MO), **lone(working(10)))
    f.add("on friday at 2:30pm call", SUN, date=most_recent_weekday(SUN, FR), **lone(pm(2, 30)))
    f.add("today at 9:15 standup", SPRING, date=today(SPRING), **lone(hhmm(9, 15)))
    f.add("at 10am meeting", AUTUMN_NIGHT, date=today(AUTUMN_NIGHT), **lone(am(10)))

    f.row(SILENT + "around (about), since and starting at give the start like at")
    f.add("around 3pm call with the client", WED, date=today(WED), **lone(pm(3)))
    f.add("around 10 standup", MON, date=today(MON), **lone(working(10)))
    f.add("since 9 testing", THU, date=today(THU), **lone(working(9)))
    f.add("since 1:30pm support", FRI, date=today(FRI), **lone(pm(1, 30)))
    f.add("starting at 8 migration work", TUE, date=today(TUE), **lone(working(8)))

    f.row("Clock: o'clock, oclock, o' clock (then the working-hours rule)")
    f.add("at 3 o'clock meeting", WED, date=today(WED), **lone(working(3)))
    f.add("at 10 oclock standup", MON, date=today(MON), **lone(working(10)))
    f.add("at 9 o' clock review", THU, date=today(THU), **lone(working(9)))

    f.row("Clock: noon and midday = 12:00, midnight = 00:00")
    f.add("at noon lunch meeting", WED, date=today(WED), **lone(NOON))
    f.add("at midday call", MON, date=today(MON), **lone(NOON))
    f.add("at midnight deploy", SAT, date=today(SAT), **lone(MIDNIGHT))
    f.add("at a quarter to noon review", THU, date=today(THU), **lone(hhmm(11, 45)))

    f.row("Clock: American quarter after / twenty after = past")
    f.add("at quarter after 9 standup", TUE, date=today(TUE), **lone(working(*kwart_over(9))))
    f.add("at twenty after 3 call", FRI, date=today(FRI), **lone(working(*over(20, 3))))

    f.row("Clock: number words (seven thirty = 7:30), then the working-hours rule")
    f.add("started at seven thirty", MON, date=today(MON), **lone(working(7, 30)))
    f.add("at eight fifteen standup", TUE, date=today(TUE), **lone(working(8, 15)))
    f.add("at eleven review", THU, date=today(THU), **lone(working(11)))
    f.add("at twelve lunch meeting", FRI, date=today(FRI), **lone(working(12)))

    f.row("Clock: day part words (tonite = tonight; last night = yesterday's night)")
    f.add("tonite at 9 hotfix", SUN, date=today(SUN), **lone(evening(9)))
    f.add("last night at 11 hotfix", WED, date=days_ago(WED, 1), **lone(night(11)),
          note=SILENT + "11 at night is 23:00")

    f.row("Clock: am/pm shortened to a single letter (3p, 9a)")
    f.add("at 3p call with the client", WED, date=today(WED), **lone(pm(3)))
    f.add("at 9a standup", MON, date=today(MON), **lone(am(9)))


def en_range(f: CaseFile) -> None:
    f.row("Ranges: n-n, h:mm-h:mm, from .. to .., between .. and .. give start, end and duration = end - start")
    f.add("9-11 testing", WED, date=today(WED), **span(working(9), working(11)))
    f.add("9:00-11:30 development", MON, date=today(MON), **span(hhmm(9), hhmm(11, 30)))
    f.add("from 9am to 12:30pm support", THU, date=today(THU), **span(am(9), pm(12, 30)))
    f.add("between 10 and 12 support", FRI, date=today(FRI), **span(working(10), working(12)))
    f.add("10am-2pm workshop", TUE, date=today(TUE), **span(am(10), pm(2)))
    f.add("from 1pm until 3:30pm meeting", SUN, date=today(SUN), **span(pm(1), pm(3, 30)))
    f.add("2pm-4pm review", SAT, date=today(SAT), **span(pm(2), pm(4)))
    f.add("from 9:30 to 12 testing", WED, date=today(WED), **span(hhmm(9, 30), working(12)))
    f.add("13:00-15:00 support", JUN10, date=today(JUN10), **span(hhmm(13), hhmm(15)))
    f.add("9-11:30 code review", MON, date=today(MON), **span(working(9), hhmm(11, 30)))

    f.row("Ranges: the working-hours rule on bare hours (from 2 to 4 = 14:00-16:00; from 11 to 1 = 11:00-13:00)")
    f.add("from 9 to 5 worked", WED, date=today(WED), **span(working(9), working(5)))
    f.add("from 11 to 1 meeting", THU, date=today(THU), **span(working(11), working(1)))
    f.add("from 2 to 4 testing", MON, date=today(MON), **span(working(2), working(4)))
    f.add("from 12 to 1 lunch meeting", FRI, date=today(FRI), **span(working(12), working(1)))
    f.add("between 1 and 3 testing", SUN, date=today(SUN), **span(working(1), working(3)))
    f.add("from quarter past 2 to 4 review", WED, date=today(WED), **span(working(*kwart_over(2)), working(4)))
    f.add("from half past 9 to 11 meeting", TUE, date=today(TUE), **span(working(*half_past(9)), working(11)))
    f.add("from 10 to quarter to 12 meeting", FRI, date=today(FRI), **span(working(10), working(*kwart_voor(12))))
    f.add("from half two to 5 support", SAT, date=today(SAT), **span(working(*half_past(2)), working(5)),
          note="British half two = 2:30")

    f.row("Ranges: two bare numbers joined by a dash are a clock range when plausible under the working-hours rule")
    f.add("8-4 development", WED, date=today(WED), **span(working(8), working(4)))
    f.add("11-1 support", MON, date=today(MON), **span(working(11), working(1)))
    f.add("today 1-3 meeting", TUE, date=today(TUE), **span(working(1), working(3)))
    f.add("yesterday 8-12 testing", WED, date=days_ago(WED, 1), **span(working(8), working(12)))
    f.add("monday 2-5 development", WED, date=most_recent_weekday(WED, MO), **span(working(2), working(5)))
    f.add("yesterday 9-11:30 review", JUN1, date=days_ago(JUN1, 1), **span(working(9), hhmm(11, 30)))

    f.row("Ranges: n-n is a day-first date when the phrase has another clock time or range")
    d = most_recent_date(WED, 6, 12)
    assert weekday_of(d) == FR, "the phrase names a friday"
    f.add("fri 12-6 from 2pm to 5:30pm", WED, date=d, **span(pm(2), pm(5, 30)),
          note="12 June, the most recent one (today included)")
    f.add("12-06 from 9 to 11 meeting", JUN10, date=most_recent_date(JUN10, 6, 12), **span(working(9), working(11)))

    f.row("Ranges: a day part overrides the working-hours rule")
    f.add("in the evening from 7 to 9 deploy", SUN, date=today(SUN), **span(evening(7), evening(9)))
    f.add("this morning from 6 to 8 deploy", SAT, date=today(SAT), **span(morning(6), morning(8)))
    f.add("tonight 8-10 hotfix", WED_LATE, date=today(WED_LATE), **span(evening(8), evening(10)))
    f.add("this afternoon from 1 to 4 support", THU, date=today(THU), **span(afternoon(1), afternoon(4)))
    f.add("yesterday evening from 8 to 10 deploy", WED, date=days_ago(WED, 1), **span(evening(8), evening(10)),
          note=SILENT + "yesterday evening = yesterday + in the evening (like gisteravond)")

    f.row("Ranges: a start plus a duration gives the end")
    f.add("from 10 for 2 hours meeting", WED, date=today(WED), **from_start(working(10), hours(2)))
    f.add("at 9 for 3 hours testing", MON, date=today(MON), **from_start(working(9), hours(3)))
    f.add("at 2pm for 45 minutes review", THU, date=today(THU), **from_start(pm(2), minutes(45)))
    f.add("from 1:30 for an hour and a half support", FRI, date=today(FRI),
          **from_start(working(1, 30), hours(1.5)))
    f.add("from 4pm for half an hour standup", TUE, date=today(TUE), **from_start(pm(4), minutes(30)))

    f.row("Ranges: an end plus a duration gives the start")
    f.add("until 5pm, the last 2 hours", WED, date=today(WED), **to_end(pm(5), hours(2)))
    f.add("until 6, the last half hour testing", MON, date=today(MON), **to_end(working(6), minutes(30)))
    f.add("till 4:30 the last 45 mins review", THU, date=today(THU), **to_end(working(4, 30), minutes(45)))
    f.add("until 12:00 the last hour and a half development", SAT, date=today(SAT), **to_end(hhmm(12), hours(1.5)))

    f.row("Ranges: an end before the start crosses midnight only when stated")
    f.add("yesterday from 10pm to 1am deploy", WED, date=days_ago(WED, 1), **span(pm(10), am(1), overnight=True),
          note=SILENT + "an explicit am end after a pm start states the crossing; the date is that of the start")

    f.row("Ranges: with a named date")
    f.add("tuesday last week from 9 to 12 testing", THU, date=prev_iso_week_day(THU, TU),
          **span(working(9), working(12)))
    f.add("27/03/2016 from 9 to 5 development", WED, date=ymd(2016, 3, 27), **span(working(9), working(5)))
    f.add("nov 3 from 1pm to 5pm meeting", WED, date=most_recent_date(WED, 11, 3), **span(pm(1), pm(5)))
    f.add("last friday 10-4 migration", MON, date=most_recent_weekday(MON, FR, include_today=False),
          **span(working(10), working(4)))
    f.add("from 9 to 5 worked", SPRING, date=today(SPRING), **span(working(9), working(5)),
          note="DST change day: wall-clock times, no crossing of the change")
    f.add("from 9 to 5 worked", AUTUMN, date=today(AUTUMN), **span(working(9), working(5)),
          note="DST change day: wall-clock times, no crossing of the change")
    f.add("the day before yesterday 1:30pm-4pm review", LEAP_NEXT, date=days_ago(LEAP_NEXT, 2),
          **span(pm(1, 30), pm(4)))

    f.row("Ranges: through, til, untill, till noon")
    f.add("from 9 through 12 testing", WED, date=today(WED), **span(working(9), working(12)))
    f.add("from 2 til 4 meeting", MON, date=today(MON), **span(working(2), working(4)))
    f.add("untill 5pm the last 2 hours testing", THU, date=today(THU), **to_end(pm(5), hours(2)))
    f.add("from 10 till noon workshop", TUE, date=today(TUE), **span(working(10), NOON))
    f.add("from 8pm to midnight deploy", SUN, date=today(SUN), **span(pm(8), MIDNIGHT, overnight=True),
          note=SILENT + "an end at midnight states the crossing; the date is that of the start")

    f.row(SILENT + "later than .. but before .. reads like between .. and .. (a range)")
    f.add("later than 2 but before 4 meeting", FRI, date=today(FRI), **span(working(2), working(4)))

    f.row("Ranges: starting from / starting at + for + a duration gives the end")
    f.add("starting from 10 for 2 hours meeting", SAT, date=today(SAT), **from_start(working(10), hours(2)))
    f.add("starting at 9 for 3 hours testing", WED, date=today(WED), **from_start(working(9), hours(3)))

    f.row("Ranges: a day part word overrides the working-hours rule")
    f.add("tonite 8-10 hotfix", SUN, date=today(SUN), **span(evening(8), evening(10)))


def en_negative(f: CaseFile) -> None:
    f.row("Negative: numbers that are not durations stay text")
    f.add("fixed 2 bugs", WED, duration=None, start=None)
    f.add("release 1.5 notes", MON, duration=None, start=None)
    f.add("room 101", THU, duration=None, start=None)
    f.add("sprint 42 planning", FRI, duration=None, start=None)
    f.add("ticket #1234 fixed", TUE, duration=None, start=None)
    f.add("version 2.0 rolled out", SUN, duration=None, start=None)
    f.add("3 tickets closed", WED, duration=None, start=None)
    f.add("3 tickets", SAT, duration=None, start=None)
    f.add("PR 318 reviewed", SAT, duration=None, start=None)
    f.add("issue 57 triage", JUN1, duration=None, start=None)
    f.add("wrote 5 test cases", DEC31, duration=None, start=None)
    f.add("answered 12 emails", WED, duration=None, start=None)
    f.add("rewrote chapter 4 of the manual", LEAP, duration=None, start=None)
    f.add("prepared step 3 of the migration", SPRING, duration=None, start=None)
    f.add("onboarded 2 new colleagues", AUTUMN, duration=None, start=None)
    f.add("top 10 customer complaints", MON, duration=None, start=None)
    f.add("built api v2 endpoints", THU, duration=None, start=None)
    f.add("imported 50 products", WED, duration=None, start=None)
    f.add("sprint 7 retro", FRI, duration=None, start=None)
    f.add("merged 3 pull requests", JAN4, duration=None, start=None)
    f.add("Intranet 2.0 maintenance", WED, duration=None, start=None, project=project("Intranet 2.0"),
          note="a project name containing digits")

    f.row("Negative: numbers that stay text next to a real duration or time")
    f.add("fixed 2 bugs in 3 hours", WED, duration=hours(3), start=None)
    f.add("release 1.5 notes, 45 mins", MON, duration=minutes(45), start=None)
    f.add("sprint 42 planning 1.5h", THU, duration=hours(1.5), start=None)
    f.add("room 101 setup from 9 to 10", FRI, date=today(FRI), **span(working(9), working(10)))
    f.add("version 2.0 rolled out at 4pm", TUE, date=today(TUE), **lone(pm(4)))
    f.add("Intranet 2.0 maintenance 2h", WED, duration=hours(2), start=None, project=project("Intranet 2.0"))

    f.row("Negative: a number word that is a count, next to a real duration")
    f.add("zero downtime deploy in 2 hours", THU, duration=hours(2), start=None)


def en_entry(f: CaseFile) -> None:
    f.row("Entry: the reference sentences")
    f.add("1h30 code review for Acme yesterday", WED, date=days_ago(WED, 1), duration=hours(1.5),
          service=service("Code review"), project=sole_project("Acme"), client=client("Acme"),
          note="Acme has one active project (Acme Legacy is inactive)")
    f.add("monday quarter past 2 to 4 testing the webshop", WED, date=most_recent_weekday(WED, MO),
          **span(working(*kwart_over(2)), working(4)), service=service("Testing"), project=project("Webshop"))
    f.add("yesterday 9-11:30 code review acme", MON, date=days_ago(MON, 1), **span(working(9), hhmm(11, 30)),
          service=service("Code review"), project=sole_project("Acme"), client=client("Acme"))
    f.add("half an hour standup with Ro, Kaat and Memo", THU, duration=minutes(30), service=service("Standup"),
          persons=people("Rowan", "Kaat", "Memo"), note="persons in order of mention; the alias ro gives Rowan")
    f.add("2 hours on Timi with Rowan", FRI, duration=hours(2), project=project("Timi"),
          client=client_of("Timi"), service=None, persons=people("Rowan"))

    f.row("Entry: a client name selects its project when the client has exactly one active project")
    f.add("2 hours meeting with Acme", TUE, duration=hours(2), service=service("Overleg"),
          project=sole_project("Acme"), client=client("Acme"), persons=[],
          note=SILENT + "a client named after with is the client, not a person")
    f.add("on wed 3h support acme #hotfix", SAT, date=most_recent_weekday(SAT, WE), duration=hours(3),
          service=service("Support"), project=sole_project("Acme"), client=client("Acme"), tags=["hotfix"])
    f.add("2h review for timi bv", WED, duration=hours(2), service=service("Code review"),
          project=sole_project("Timi BV"), client=client("Timi BV"))
    f.add("2 days ago 3 hours support for acme", SPRING_MON, date=days_ago(SPRING_MON, 2), duration=hours(3),
          service=service("Support"), project=sole_project("Acme"), client=client("Acme"))

    f.row("Entry: a client with two active projects selects no project")
    f.add("2 hours gemeente zeist", WED, duration=hours(2), project=sole_project("Gemeente Zeist"),
          client=client("Gemeente Zeist"), note=SILENT + "the client is still recorded when it cannot select a project")
    f.add("2 hours support for Bakkerij Bol", MON, duration=hours(2), service=service("Support"),
          project=sole_project("Bakkerij Bol"), client=client("Bakkerij Bol"),
          note=SILENT + "the client is still recorded when it cannot select a project")

    f.row("Entry: projects, services and people by name or alias (case- and accent-insensitive, longest match)")
    f.add("45 mins support for the webshop #urgent", WED, duration=minutes(45), service=service("Support"),
          project=project("Webshop"), tags=["urgent"], note=SILENT + "tags are given without the #")
    f.add("3h design for the mobile app with Anne-Marie", THU, duration=hours(3), service=service("Design"),
          project=project("Mobile App"), persons=people("Anne-Marie"))
    f.add("meeting with Erik and Lisa about the dashboard, 1 hour", FRI, duration=hours(1),
          service=service("Overleg"), persons=people("Erik", "Lisa"), project=project("Dashboard"))
    f.add("from 10 for 2 hours docs on the wiki", MON, date=today(MON), **from_start(working(10), hours(2)),
          service=service("Documentatie"), project=project("Kennisbank"))
    f.add("until 5pm, the last 2 hours testing the configurator", WED, date=today(WED), **to_end(pm(5), hours(2)),
          service=service("Testing"), project=project("Configurator"))
    f.add("last friday 6 hours data migratie", MON, date=most_recent_weekday(MON, FR, include_today=False),
          duration=hours(6), project=project("Data Migratie"))
    f.add("tue 2-5 development timi-app", THU, date=most_recent_weekday(THU, TU), **span(working(2), working(5)),
          service=service("Development"), project=project("Timi"))
    f.add("an hour and a half deploy @roosterapp", SUN, duration=hours(1.5), service=service("Deployment"),
          project=project("Roosterapp"), note="@ is a project cue")
    f.add("30m review with Sophie on timing", TUE, duration=minutes(30), service=service("Code review"),
          persons=people("Sophie"), project=project("Timing"), note="Timing is its own project, not Timi")
    f.add("2 hours timing", WED, duration=hours(2), project=project("Timing"), note="longest match: Timing, not Timi")
    f.add("2 hours timi", WED, duration=hours(2), project=project("Timi"))
    f.add("three quarters of an hour call with Jeroen about crm", FRI, duration=3 * minutes(15),
          persons=people("Jeroen"), project=project("CRM Koppeling"))
    f.add("3 hours on intranet 2.0", THU, duration=hours(3), project=project("Intranet 2.0"),
          client=client_of("Intranet 2.0"), note="2.0 is part of the project name, not a duration")
    f.add("2h dev @webshop", MON, duration=hours(2), service=service("Development"), project=project("Webshop"))
    f.add("1 hour testing timi with Daan and Bram", WED, duration=hours(1), service=service("Testing"),
          project=project("Timi"), persons=people("Daan", "Bram"))
    f.add("review with Kaat on the newsletter 45 minutes", SAT, duration=minutes(45),
          service=service("Code review"), persons=people("Kaat"), project=project("Nieuwsbrief"))
    f.add("friday 9:00-12:30 development acme portal", SUN, date=most_recent_weekday(SUN, FR),
          **span(hhmm(9), hhmm(12, 30)), service=service("Development"), project=project("Acme Portal"),
          client=client_of("Acme Portal"))
    f.add("tuesday last week 4 hours testing configurator", WED, date=prev_iso_week_day(WED, TU),
          duration=hours(4), service=service("Testing"), project=project("Configurator"))
    f.add("at 2pm for 45 minutes review with Erik on timi", THU, date=today(THU),
          **from_start(pm(2), minutes(45)), service=service("Code review"), persons=people("Erik"),
          project=project("Timi"))
    f.add("a quarter of an hour standup on tango", MON, duration=minutes(15), service=service("Standup"),
          project=project("Timi"))
    f.add("4 hours design nieuwe website with Sanne", THU, duration=hours(4), service=service("Design"),
          project=project("Nieuwe Website"), persons=people("Sanne"))
    f.add("2.5h css for the creche planner with Jose", WED, duration=hours(2.5), service=service("Development"),
          project=project("Crèche Planner"), persons=people("José"),
          note="accent-insensitive: creche = Crèche, Jose = José")
    f.add("between 10 and 12 meeting with Anne Marie about the vacaturesite", FRI, date=today(FRI),
          **span(working(10), working(12)), service=service("Overleg"), persons=people("Anne-Marie"),
          project=project("Vacaturesite"))
    f.add("3 november 4h testing configurator", WED, date=most_recent_date(WED, 11, 3), duration=hours(4),
          service=service("Testing"), project=project("Configurator"))
    f.add("next monday 1 hour deploy roosterapp", WED, date=next_weekday_strict(WED, MO), duration=hours(1),
          service=service("Deployment"), project=project("Roosterapp"))
    f.add("1 hour on boekhouding", FRI, duration=hours(1), project=project("Boekhouding"), client=None,
          note="an internal project has no client")
    f.add("from 11 to 1 meeting with Kaat about the roosterapp", THU, date=today(THU),
          **span(working(11), working(1)), service=service("Overleg"), persons=people("Kaat"),
          project=project("Roosterapp"))
    f.add("1:30 testing mobile app", MON, duration=hours(1.5), service=service("Testing"),
          project=project("Mobile App"))
    f.add("this afternoon from 1 to 3 testing on tango with Daan", WED, date=today(WED),
          **span(afternoon(1), afternoon(3)), service=service("Testing"), project=project("Timi"),
          persons=people("Daan"))
    f.add("yesterday evening from 8 to 10 deploy webshop with Jeroen", SAT, date=days_ago(SAT, 1),
          **span(evening(8), evening(10)), service=service("Deployment"), project=project("Webshop"),
          persons=people("Jeroen"))
    f.add("stand-up 15 mins with Memo", MON, duration=minutes(15), service=service("Standup"), persons=people("Memo"))
    f.add("2 hours project management for the chatbot", THU, duration=hours(2),
          service=service("Projectmanagement"), project=project("Chatbot"))
    f.add("1h documentation klantportaal", SUN, duration=hours(1), service=service("Documentatie"),
          project=project("Klantportaal"))
    f.add("yesterday 2h bugfix dashboard with Lisa", LEAP_NEXT, date=days_ago(LEAP_NEXT, 1), duration=hours(2),
          service=service("Bugfixing"), project=project("Dashboard"), persons=people("Lisa"))

    f.row("Entry: persons after with, joined by and and commas, in order of mention")
    f.add("standup with memo, lisa and rowan 15 min", WED, duration=minutes(15), service=service("Standup"),
          persons=people("Memo", "Lisa", "Rowan"))
    f.add("with Pieter 1h meeting", TUE, duration=hours(1), persons=["Pieter"], service=service("Overleg"),
          note="a person not in the catalog keeps the word as written")
    f.add("1 hour meeting with Karin and Erik about the webshop", FRI, duration=hours(1), service=service("Overleg"),
          persons=["Karin", people("Erik")[0]], project=project("Webshop"),
          note="a person not in the catalog keeps the word as written")
    f.add("2 hours testing with kaatje and ro", SUN, duration=hours(2), service=service("Testing"),
          persons=people("Kaat", "Rowan"))

    f.row("Entry: #word is a tag")
    f.add("30 mins testing #bug #urgent", WED, duration=minutes(30), service=service("Testing"),
          tags=["bug", "urgent"])

    f.row("Entry: a near miss (one edit on a name of five letters or more) matches")
    f.add("webshp bugfix 1.5h", MON, duration=hours(1.5), project=project("Webshop"), service=service("Bugfixing"))
    f.add("developmnt 4h klantportaal", THU, duration=hours(4), service=service("Development"),
          project=project("Klantportaal"))
    f.add("the day before yesterday 3 hours suport klantportaal", WED, date=days_ago(WED, 2), duration=hours(3),
          service=service("Support"), project=project("Klantportaal"))
    f.add("2 hours on dashbord", FRI, duration=hours(2), project=project("Dashboard"))
    f.add("configuratr testing 1 hour", TUE, duration=hours(1), service=service("Testing"),
          project=project("Configurator"))


# =================================================================================================
# Building, validating, writing
# =================================================================================================

BUILDERS = {
    ("nl", "duration"): nl_duration, ("nl", "clock"): nl_clock, ("nl", "range"): nl_range,
    ("nl", "date"): nl_date, ("nl", "entry"): nl_entry, ("nl", "negative"): nl_negative,
    ("en", "duration"): en_duration, ("en", "clock"): en_clock, ("en", "range"): en_range,
    ("en", "date"): en_date, ("en", "entry"): en_entry, ("en", "negative"): en_negative,
}


def build_case_files() -> list[CaseFile]:
    files = []
    for lang in LANGS:
        for kind in KINDS:
            f = CaseFile(lang, kind)
            BUILDERS[(lang, kind)](f)
            files.append(f)
    return files


def validate(files: list[CaseFile]) -> list[str]:
    """Consistency checks on the cases themselves; returns a list of problems (empty when fine)."""
    problems: list[str] = []
    ids = {section: {row["id"] for row in CATALOG[section]} for section in CATALOG}
    person_names = {row["name"] for row in CATALOG["people"]}
    for f in files:
        seen: set[tuple[str, str]] = set()
        for rec in f.records():
            where = f"{rec['id']} {rec['text']!r}"
            e = rec["expect"]
            text = rec["text"]
            if text != text.strip() or not text:
                problems.append(f"{where}: text has surrounding blanks or is empty")
            key = (text, rec["now"])
            if key in seen:
                problems.append(f"{where}: duplicate of an earlier case (same text and now)")
            seen.add(key)
            now = datetime.fromisoformat(rec["now"])
            wall = now.replace(tzinfo=None)
            if wall.replace(tzinfo=AMSTERDAM).utcoffset() != now.utcoffset():
                problems.append(f"{where}: now offset is not Europe/Amsterdam's")
            if not e:
                problems.append(f"{where}: empty expect")
            if "error" in e and e != {"error": True}:
                problems.append(f"{where}: an error case expects only error: true")
            if "date" in e:
                date.fromisoformat(e["date"])
            for k in ("start", "end"):
                if e.get(k) is not None:
                    _minutes_of(e[k])
            if all(e.get(k) is not None for k in ("start", "end", "duration")):
                delta = (_minutes_of(e["end"]) - _minutes_of(e["start"])) % (24 * 60)
                if delta * 60 != e["duration"]:
                    problems.append(f"{where}: duration is not end - start")
            if e.get("duration") is not None and not (isinstance(e["duration"], int) and 0 < e["duration"] <= DAY):
                problems.append(f"{where}: duration must be whole seconds in (0, 24h]")
            for k, section in (("project", "projects"), ("service", "services"), ("client", "clients")):
                if e.get(k) is not None and e[k] not in ids[section]:
                    problems.append(f"{where}: {k} {e[k]!r} is not in the catalog")
            for p in e.get("persons", []):
                if p not in person_names and p not in text.split() and p + "," not in text.split():
                    problems.append(f"{where}: person {p!r} is neither a catalog name nor a word of the text")
            for t in e.get("tags", []):
                if "#" + t not in text:
                    problems.append(f"{where}: tag {t!r} is not written as #{t} in the text")
            if CATALOG_KEYS & set(e) and rec.get("catalog") != CATALOG_FILE:
                problems.append(f"{where}: names are expected but no catalog is given")
    return problems


def _catalog_text() -> str:
    """catalog.json: one row per line, so a diff shows which item changed."""
    parts = ["{"]
    sections = list(CATALOG)
    for i, section in enumerate(sections):
        parts.append(f'  "{section}": [')
        rows = CATALOG[section]
        for j, row in enumerate(rows):
            comma = "," if j < len(rows) - 1 else ""
            parts.append("    " + json.dumps(row, ensure_ascii=False) + comma)
        parts.append("  ]" + ("," if i < len(sections) - 1 else ""))
    parts.append("}")
    return "\n".join(parts) + "\n"


def render() -> dict[Path, str]:
    """Every generated file (path relative to corpus/) with its exact text."""
    files = build_case_files()
    problems = validate(files)
    if problems:
        raise ValueError("invalid cases:\n  " + "\n  ".join(problems))
    out: dict[Path, str] = {Path(CATALOG_FILE): _catalog_text()}
    for f in files:
        lines = [json.dumps(rec, ensure_ascii=False) for rec in f.records()]
        out[Path(f.lang) / f"{f.kind}.jsonl"] = "\n".join(lines) + "\n"
    return out


def check(root: Path = HERE) -> list[str]:
    """Differences between the files under `root` and what `render()` makes (empty when equal)."""
    expected = render()
    problems = []
    for rel, text in expected.items():
        path = root / rel
        if not path.exists():
            problems.append(f"missing: {rel}")
        elif path.read_text(encoding="utf-8") != text:
            problems.append(f"differs: {rel}")
    for lang in LANGS:
        for path in sorted((root / lang).glob("*.jsonl")) if (root / lang).is_dir() else []:
            if path.relative_to(root) not in expected:
                problems.append(f"not generated by build.py: {path.relative_to(root)}")
    return problems


def write(root: Path = HERE) -> dict[Path, str]:
    rendered = render()
    for rel, text in rendered.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return rendered


def counts(rendered: dict[Path, str]) -> dict[str, int]:
    return {str(rel): text.count("\n") for rel, text in rendered.items() if rel.suffix == ".jsonl"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the files differ from the generated ones")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        for p in problems:
            print(p, file=sys.stderr)
        if problems:
            print("corpus is out of date: run python corpus/build.py", file=sys.stderr)
            return 1
        print("corpus is up to date")
        return 0
    rendered = write()
    for rel, n in counts(rendered).items():
        print(f"{n:5d}  {rel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
