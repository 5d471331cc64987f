"""What every locale's corpus cases are built from: the `now` values, the date, clock and duration
helpers that compute each expected value from the case's own `now`, the fixture catalog, and the
case file the cases are added to.

The rules the helpers implement are the rows of `spec/conventions.md`. `build.py` imports this module;
each `corpus/<code>/cases.py` imports the helpers it needs from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
CATALOG_FILE = "catalog.json"

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


def next_iso_week_day(now: datetime, wd: int) -> str:
    """`volgende week dinsdag`, `next week on tuesday`: that weekday in the next ISO week (Mon-Sun)."""
    monday_this_week = now.date() - timedelta(days=now.weekday())
    return (monday_this_week + timedelta(days=7 + wd)).isoformat()


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


def most_recent_weekday_month_day(now: datetime, wd: int, day: int) -> str:
    """`friday the 13th`, `vrijdag de 13e`: the most recent day of that number that falls on that weekday."""
    d = now.date()
    while not (d.day == day and d.weekday() == wd):
        d -= timedelta(days=1)
    return d.isoformat()


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
