#!/usr/bin/env python3
"""Held-out time-entry phrases for nlentry.

Every expected date, clock time and duration is computed here from the rules of
spec/conventions.md (the team's shared conventions) with datetime arithmetic; nothing is copied from the parser.
Writes unseen-nl.jsonl and unseen-en.jsonl next to this file; the cases name the project's
corpus/catalog.json (found from this folder's parents).
"""
from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent

# --- reference instants (Europe/Amsterdam; +01:00 after 25 Oct 2026, +02:00 before) ----------
NOW = {
    "mon":  "2026-11-16T10:15:00+01:00",
    "tue":  "2026-11-17T17:45:00+01:00",
    "wed":  "2026-11-18T14:30:00+01:00",
    "fri2": "2026-11-20T17:30:00+01:00",
    "thu":  "2026-11-26T09:05:00+01:00",
    "mon2": "2026-11-30T18:40:00+01:00",
    "fri":  "2026-12-04T16:50:00+01:00",
    "sat":  "2026-12-05T11:20:00+01:00",
    "sun":  "2026-12-06T21:10:00+01:00",
    "thu2": "2026-12-10T20:45:00+01:00",
    "oct":  "2026-10-20T18:00:00+02:00",   # Tuesday, summer time
    "octmon": "2026-10-26T09:30:00+01:00",  # Monday, the day after DST ended
    "jan":  "2027-01-04T10:00:00+01:00",   # Monday, across the year boundary
}
WEEKDAY_OF = {"mon": 0, "tue": 1, "wed": 2, "fri2": 4, "thu": 3, "mon2": 0, "fri": 4, "sat": 5,
              "sun": 6, "thu2": 3, "oct": 1, "octmon": 0, "jan": 0}
for _k, _v in NOW.items():
    assert datetime.fromisoformat(_v).weekday() == WEEKDAY_OF[_k], _k
# phrases with no date and a clock range get a late `now`, so the work lies in the past
LATE = ["tue", "mon2", "sun", "thu2", "fri2"]

WD = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def today(now: str) -> date:
    return datetime.fromisoformat(NOW[now]).date()


# --- date rules --------------------------------------------------------------------------------
def resolve_date(spec, now: str) -> date:
    t = today(now)
    if spec == "today":
        return t
    if spec == "yday":                      # gisteren / yesterday
        return t - timedelta(days=1)
    kind = spec[0]
    if kind == "ago":                       # N dagen geleden / N days ago; eergisteren = 2
        return t - timedelta(days=spec[1])
    if kind == "wd":                        # bare weekday: most recent, today included
        return t - timedelta(days=(t.weekday() - WD[spec[1]]) % 7)
    if kind == "last":                      # afgelopen/vorige X, last X: strictly before today
        back = (t.weekday() - WD[spec[1]]) % 7 or 7
        return t - timedelta(days=back)
    if kind == "prevweek":                  # X of the previous ISO week
        monday = t - timedelta(days=t.weekday()) - timedelta(days=7)
        return monday + timedelta(days=WD[spec[1]])
    if kind == "next":                      # komende/volgende X, next X: first strictly after today
        fwd = (WD[spec[1]] - t.weekday()) % 7 or 7
        return t + timedelta(days=fwd)
    if kind == "md":                        # month+day without year: most recent, today included
        d = date(t.year, spec[1], spec[2])
        return d if d <= t else date(t.year - 1, spec[1], spec[2])
    if kind == "abs":
        return date.fromisoformat(spec[1])
    raise ValueError(spec)


# --- clock rules -------------------------------------------------------------------------------
def clock(hour: int, minute: int = 0, part: str | None = None, ampm: str | None = None) -> str:
    """A clock time under the conventions: am/pm, then a day part, else the working-hours rule."""
    if ampm == "am":
        hour = 0 if hour == 12 else hour
    elif ampm == "pm":
        hour = 12 if hour == 12 else hour + 12
    elif part == "morning":
        pass
    elif part in ("afternoon", "evening"):
        if hour < 12:
            hour += 12
    elif 1 <= hour <= 6:                    # working-hours rule: 07:00-18:59
        hour += 12
    assert 0 <= hour <= 23 and 0 <= minute <= 59
    return f"{hour:02d}:{minute:02d}"


def half(n: int, part: str | None = None) -> str:       # Dutch "half drie" = 2:30
    return clock(n - 1 if n > 1 else 12, 30, part)   # "half 1" = 12:30


def h(x: float) -> int:
    return int(round(x * 3600))


def m(x: float) -> int:
    return int(round(x * 60))


def _mins(s: str) -> int:
    return int(s[:2]) * 60 + int(s[3:])


def _hhmm(x: int) -> str:
    assert 0 <= x < 24 * 60
    return f"{x // 60:02d}:{x % 60:02d}"


CASES: dict[str, list[dict]] = {"nl": [], "en": []}
_rot = {"nl": 0, "en": 0}


def E(lang, text, note, *, now=None, dur=None, date_="today", start=None, end=None, names=None):
    """names: (project_id, service_id, [persons]) for phrases that name anything, else None."""
    if now is None:
        now = LATE[_rot[lang] % len(LATE)]
        _rot[lang] += 1
    if start and end:
        d = _mins(end) - _mins(start)
        assert d > 0, text            # no stated midnight crossings in this set
        if dur is None:
            dur = d * 60
        assert dur == d * 60, text
    elif start and dur is not None:
        end = _hhmm(_mins(start) + dur // 60)
    elif end and dur is not None:
        start = _hhmm(_mins(end) - dur // 60)
    assert dur is None or 0 < dur <= 12 * 3600, text
    expect = {"duration": dur, "date": resolve_date(date_, now).isoformat(), "start": start, "end": end}
    if names is not None:
        p, s, persons = names
        expect.update(project=p, service=s, persons=list(persons))
    n = len(CASES[lang]) + 1
    CASES[lang].append({"id": f"unseen-{lang}-{n:04d}", "lang": lang, "text": text, "now": NOW[now],
                        "expect": expect, "catalog": "corpus/catalog.json", "note": note})


def N(*a, **k):
    E("nl", *a, **k)


def EN(*a, **k):
    E("en", *a, **k)


# catalog ids
WEBSHOP, PORTAL, NIEUWE_WEBSITE, CONFIGURATOR, INTRANET, MIGRATIE, TIMING, MOBILE = 52, 50, 53, 54, 55, 56, 57, 58
TIMI, KLANTPORTAAL, ZONNECALC, DASHBOARD, CRM, ROOSTER, BOEKHOUDING, INTERN = 47, 59, 60, 61, 62, 63, 64, 65
KENNISBANK, CRECHE, VACATURE, NIEUWSBRIEF, CHATBOT = 66, 68, 69, 70, 71
DEV, TEST, REVIEW, OVERLEG, DESIGN, SUPPORT, STANDUP, DOCS, PM, DEPLOY, BUGFIX = range(1, 12)

# ================================================================================================
# Dutch
# ================================================================================================
# --- durations, odd unit spellings, written numbers, approximations
N("2h webshop", "odd unit h", dur=h(2), names=(WEBSHOP, None, []))
N("1,5u portal", "decimal comma + u", dur=h(1.5), names=(PORTAL, None, []))
N("90 min overleg met rowan", "minutes > 60", dur=m(90), names=(None, OVERLEG, ["Rowan"]))
N("~2h aan de nieuwsbrief", "approximation tilde", dur=h(2), names=(NIEUWSBRIEF, None, []))
N("zo'n 3 uur bezig geweest met de migratie", "approximation zo'n; project after met", dur=h(3),
  names=(MIGRATIE, None, []))
N("drie kwartier standup + planning", "written drie kwartier", dur=m(45), names=(None, STANDUP, []))
N("anderhalf uur klantportaal", "written anderhalf", dur=h(1.5), names=(KLANTPORTAAL, None, []))
N("twee en een half uur aan timi gewerkt", "written twee en een half uur", dur=h(2.5), names=(TIMI, None, []))
N("een uurtje wiki bijgewerkt", "een uurtje", dur=h(1), names=(KENNISBANK, None, []))
N("een kwartier support gebeld met josé", "een kwartier; accented person", dur=m(15),
  names=(None, SUPPORT, ["José"]))
N("45 min code review crm koppeling", "multi-word service and project", dur=m(45), names=(CRM, REVIEW, []))
N("2,5 uur dashboard", "decimal comma uur", dur=h(2.5), names=(DASHBOARD, None, []))
N("1u30 configurator testen", "1u30 duration", dur=m(90), names=(CONFIGURATOR, TEST, []))
N("1h30m chatbot", "1h30m", dur=m(90), names=(CHATBOT, None, []))
N("3 uur en een kwartier vacaturesite", "composite uur en een kwartier", dur=h(3) + m(15),
  names=(VACATURE, None, []))
N("een half uur overleg", "een half uur", dur=m(30), names=(None, OVERLEG, []))
N("halfuur bugfixen webshop", "halfuur", dur=m(30), names=(WEBSHOP, BUGFIX, []))
N("2 uur 15 min nieuwe website", "composite uur + min", dur=h(2) + m(15), names=(NIEUWE_WEBSITE, None, []))
N("4 uur boekhouding", "plain uur", dur=h(4), names=(BOEKHOUDING, None, []))
N("30 min documentatie kennisbank", "service + project", dur=m(30), names=(KENNISBANK, DOCS, []))
N("1.5 uur zonnecalc", "decimal point uur", dur=h(1.5), names=(ZONNECALC, None, []))
N("2u deploy roosterapp", "2u", dur=h(2), names=(ROOSTER, DEPLOY, []))
N("6 uur intern", "project alias intern", dur=h(6), names=(INTERN, None, []))
N("1 uur en 20 minuten ontwerp mobiele app", "composite uur en minuten", dur=h(1) + m(20),
  names=(MOBILE, DESIGN, []))
N("2:15 crèche planner", "bare h:mm is a duration", dur=h(2) + m(15), names=(CRECHE, None, []))
N("1:45 uitrol timi-app", "bare h:mm duration; hyphenated alias", dur=h(1) + m(45), names=(TIMI, DEPLOY, []))
N("ongeveer 2 uur administratie", "approximation ongeveer", dur=h(2), names=(BOEKHOUDING, None, []))
N("ca. 45 min support", "approximation ca.", dur=m(45), names=(None, SUPPORT, []))
N("twee uur aan de webwinkel", "written twee uur", dur=h(2), names=(WEBSHOP, None, []))
N("20 minuten standup", "minuten", dur=m(20), names=(None, STANDUP, []))
N("1 uur en een kwartier met daan", "composite 1 uur en een kwartier", dur=h(1.25), names=(None, None, ["Daan"]))

# --- dates
N("gisteren 3 uur webshop", "gisteren", now="wed", dur=h(3), date_="yday", names=(WEBSHOP, None, []))
N("eergisteren 2u testen configurator", "eergisteren", now="wed", dur=h(2), date_=("ago", 2),
  names=(CONFIGURATOR, TEST, []))
N("maandag 4 uur dashboard", "bare weekday", now="wed", dur=h(4), date_=("wd", "mon"),
  names=(DASHBOARD, None, []))
N("woensdag 1,5 uur overleg", "bare weekday = today", now="wed", dur=h(1.5), date_=("wd", "wed"),
  names=(None, OVERLEG, []))
N("afgelopen woensdag 2 uur chatbot", "afgelopen weekday on that weekday", now="wed", dur=h(2),
  date_=("last", "wed"), names=(CHATBOT, None, []))
N("vorige dinsdag anderhalf uur crm", "vorige weekday", now="wed", dur=h(1.5), date_=("last", "tue"),
  names=(CRM, None, []))
N("vorige week vrijdag 3 uur vacaturesite", "vorige week vrijdag (on monday)", now="mon", dur=h(3),
  date_=("prevweek", "fri"), names=(VACATURE, None, []))
N("vorige week vrijdag 2u migratie", "vorige week vrijdag (on sunday: not 2 days ago)", now="sun", dur=h(2),
  date_=("prevweek", "fri"), names=(MIGRATIE, None, []))
N("dinsdag vorige week 1 uur met kaatje gebeld", "dinsdag vorige week; person alias", now="thu", dur=h(1),
  date_=("prevweek", "tue"), names=(None, None, ["Kaat"]))
N("ma 2 uur intern", "weekday abbreviation ma", now="fri", dur=h(2), date_=("wd", "mon"),
  names=(INTERN, None, []))
N("op donderdag 3 uur nieuwsbrief", "op + weekday", now="sat", dur=h(3), date_=("wd", "thu"),
  names=(NIEUWSBRIEF, None, []))
N("vrijdag 5 uur webwinkel", "weekday yesterday", now="sat", dur=h(5), date_=("wd", "fri"),
  names=(WEBSHOP, None, []))
N("zaterdag 1u support", "weekday", now="sun", dur=h(1), date_=("wd", "sat"), names=(None, SUPPORT, []))
N("zondag een half uur wiki", "weekday = today (sunday)", now="sun", dur=m(30), date_=("wd", "sun"),
  names=(KENNISBANK, None, []))
N("2 dagen geleden 3u dashboard", "N dagen geleden", now="thu", dur=h(3), date_=("ago", 2),
  names=(DASHBOARD, None, []))
N("3 nov 2 uur portal", "day month-abbrev", now="sat", dur=h(2), date_=("md", 11, 3), names=(PORTAL, None, []))
N("28 november drie kwartier overleg met erik", "day month; drie kwartier", now="sat", dur=m(45),
  date_=("md", 11, 28), names=(None, OVERLEG, ["Erik"]))
N("3 dec. 1,5u tango", "month abbrev with dot; alias tango", now="sat", dur=h(1.5), date_=("md", 12, 3),
  names=(TIMI, None, []))
N("27-11 4 uur klantportaal", "numeric day-month (27 no hour)", now="fri", dur=h(4), date_=("md", 11, 27),
  names=(KLANTPORTAAL, None, []))
N("27-11-2026 2u data migratie", "numeric date with year", now="fri", dur=h(2), date_=("abs", "2026-11-27"),
  names=(MIGRATIE, None, []))
N("2026-11-25 6 uur configurator", "ISO date", now="fri", dur=h(6), date_=("abs", "2026-11-25"),
  names=(CONFIGURATOR, None, []))
N("25.11.2026 1 uur vergadering", "dotted date", now="fri", dur=h(1), date_=("abs", "2026-11-25"),
  names=(None, OVERLEG, []))
N("12 december 2 uur boekhouding", "month-day later this year -> last year", now="sun", dur=h(2),
  date_=("md", 12, 12), names=(BOEKHOUDING, None, []))
N("6 dec 3 uur chatbot", "month-day = today", now="sun", dur=h(3), date_=("md", 12, 6),
  names=(CHATBOT, None, []))
N("vorige week woensdag 2 uur met Sanne", "vorige week weekday on that weekday", now="wed", dur=h(2),
  date_=("prevweek", "wed"), names=(None, None, ["Sanne"]))
N("afgelopen vrijdag 1,5 uur deploy webshop", "afgelopen vrijdag (on sunday)", now="sun", dur=h(1.5),
  date_=("last", "fri"), names=(WEBSHOP, DEPLOY, []))
N("komende maandag 1 uur overleg", "komende weekday (future)", now="wed", dur=h(1), date_=("next", "mon"),
  names=(None, OVERLEG, []))
N("gisteren 2 uur webshop", "gisteren across DST change", now="octmon", dur=h(2), date_="yday",
  names=(WEBSHOP, None, []))
N("vorige week vrijdag 4 uur timing", "vorige week vrijdag across new year", now="jan", dur=h(4),
  date_=("prevweek", "fri"), names=(TIMING, None, []))
N("30 dec 3u kennisbank", "month-day across new year", now="jan", dur=h(3), date_=("md", 12, 30),
  names=(KENNISBANK, None, []))
N("afgelopen donderdag 2 uur crm", "afgelopen weekday across new year", now="jan", dur=h(2),
  date_=("last", "thu"), names=(CRM, None, []))
N("di 3 uur nieuwe website", "weekday abbreviation di", now="thu2", dur=h(3), date_=("wd", "tue"),
  names=(NIEUWE_WEBSITE, None, []))
N("vandaag 2,5u roosterapp", "vandaag", now="oct", dur=h(2.5), names=(ROOSTER, None, []))
N("gisteren anderhalf uur met jeroen", "gisteren in summer time", now="oct", dur=h(1.5), date_="yday",
  names=(None, None, ["Jeroen"]))
N("3 dagen geleden 2 uur testen", "N dagen geleden", now="mon2", dur=h(2), date_=("ago", 3),
  names=(None, TEST, []))

# --- ranges
N("9-11 webshop", "dash range", dur=None, start=clock(9), end=clock(11), names=(WEBSHOP, None, []))
N("14u-16u overleg met rowan en kaat", "14u-16u range; two persons", start=clock(14), end=clock(16),
  names=(None, OVERLEG, ["Rowan", "Kaat"]))
N("half 3 tot 5 dashboard", "half 3 tot 5", start=half(3), end=clock(5), names=(DASHBOARD, None, []))
N("van 2 tot 4 testen", "working-hours range", start=clock(2), end=clock(4), names=(None, TEST, []))
N("van 11 tot 1 klantportaal", "end crosses noon by working hours", start=clock(11), end=clock(1),
  names=(KLANTPORTAAL, None, []))
N("9:00-11:30 nieuwsbrief", "h:mm range", start=clock(9), end=clock(11, 30), names=(NIEUWSBRIEF, None, []))
N("13-15 chatbot", "24h dash range", start=clock(13), end=clock(15), names=(CHATBOT, None, []))
N("8.30-12 configurator", "dotted start in range", start=clock(8, 30), end=clock(12),
  names=(CONFIGURATOR, None, []))
N("van 10 tot half 1 roosterapp", "tot half 1", start=clock(10), end=half(1), names=(ROOSTER, None, []))
N("van kwart over 9 tot 11 standup", "kwart over", start=clock(9, 15), end=clock(11),
  names=(None, STANDUP, []))
N("van tien over half drie tot 4 support", "tien over half drie", start=clock(2, 40), end=clock(4),
  names=(None, SUPPORT, []))
N("vijf voor half 10 tot 11 overleg", "vijf voor half 10", start=clock(9, 25), end=clock(11),
  names=(None, OVERLEG, []))
N("van kwart voor 4 tot 5 review", "kwart voor", start=clock(3, 45), end=clock(5), names=(None, REVIEW, []))
N("gisteren 8-12 migratie", "gisteren + dash range", now="thu", date_="yday", start=clock(8), end=clock(12),
  names=(MIGRATIE, None, []))
N("maandag 2-5 vacaturesite", "weekday + working-hours dash range", now="wed", date_=("wd", "mon"),
  start=clock(2), end=clock(5), names=(VACATURE, None, []))
N("14:00-17:30 webwinkel", "h:mm range afternoon", start=clock(14), end=clock(17, 30),
  names=(WEBSHOP, None, []))
N("vanaf 9 uur tot 12 uur intern", "vanaf .. tot .. uur", start=clock(9), end=clock(12),
  names=(INTERN, None, []))
N("van 13 uur tot 14:15 met Lisa", "mixed clock forms", start=clock(13), end=clock(14, 15),
  names=(None, None, ["Lisa"]))
N("van 9 tot 11 met Pieter", "person not in catalog", start=clock(9), end=clock(11),
  names=(None, None, ["Pieter"]))
N("van 14u30 tot 16u crm", "14u30 range", start=clock(14, 30), end=clock(16), names=(CRM, None, []))
N("tussen 10 en 12 overleg met bram", "tussen .. en ..", start=clock(10), end=clock(12),
  names=(None, OVERLEG, ["Bram"]))
N("van 7 tot 9 documentatie", "range 7-9 stands (working hours)", start=clock(7), end=clock(9),
  names=(None, DOCS, []))
N("10.15-12.45 design", "dotted clock range", start=clock(10, 15), end=clock(12, 45),
  names=(None, DESIGN, []))

# --- day parts
N("gisteravond van 8 tot 10 boekhouding", "gisteravond range", now="thu", date_="yday", start=clock(8, part="evening"),
  end=clock(10, part="evening"), names=(BOEKHOUDING, None, []))
N("vanochtend 7-9 deploy", "vanochtend range", now="thu2", start=clock(7, part="morning"),
  end=clock(9, part="morning"), names=(None, DEPLOY, []))
N("vanmiddag van 1 tot 3 design", "vanmiddag range", now="tue", start=clock(1, part="afternoon"),
  end=clock(3, part="afternoon"), names=(None, DESIGN, []))
N("'s middags van 1 tot half 4 webshop", "'s middags + half", start=clock(1, part="afternoon"),
  end=half(4, part="afternoon"), names=(WEBSHOP, None, []))
N("'s avonds 7-9 documentatie", "'s avonds dash range", now="sun", start=clock(7, part="evening"),
  end=clock(9, part="evening"), names=(None, DOCS, []))
N("'s ochtends van 9 tot half 12 crm", "'s ochtends + half", start=clock(9, part="morning"),
  end=half(12, part="morning"), names=(CRM, None, []))
N("dinsdagmiddag van 2 tot 4 met memo", "weekday+daypart one word", now="thu", date_=("wd", "tue"),
  start=clock(2, part="afternoon"), end=clock(4, part="afternoon"), names=(None, None, ["Memo"]))
N("dinsdagavond van 7 tot 9 wiki", "weekday+evening one word overrides working hours", now="thu",
  date_=("wd", "tue"), start=clock(7, part="evening"), end=clock(9, part="evening"),
  names=(KENNISBANK, None, []))
N("maandagochtend 9-12 dashboard", "weekday+morning one word", now="thu", date_=("wd", "mon"),
  start=clock(9, part="morning"), end=clock(12, part="morning"), names=(DASHBOARD, None, []))
N("vrijdagmiddag 2-5 timi", "weekday+afternoon one word", now="sun", date_=("wd", "fri"),
  start=clock(2, part="afternoon"), end=clock(5, part="afternoon"), names=(TIMI, None, []))
N("woensdagavond anderhalf uur nieuwsbrief", "weekday+evening, duration only", now="fri",
  date_=("wd", "wed"), dur=h(1.5), names=(NIEUWSBRIEF, None, []))
N("gistermiddag 2 uur support", "gistermiddag, duration only", now="fri", date_="yday", dur=h(2),
  names=(None, SUPPORT, []))
N("gisterochtend 9-11 testen", "gisterochtend range", now="fri", date_="yday", start=clock(9, part="morning"),
  end=clock(11, part="morning"), names=(None, TEST, []))
N("vanavond 1,5u kennisbank", "vanavond duration", now="sun", dur=h(1.5), names=(KENNISBANK, None, []))
N("'s avonds om 8 nog een uurtje administratie", "'s avonds start + duration", now="sun",
  start=clock(8, part="evening"), dur=h(1), names=(BOEKHOUDING, None, []))
N("vanmiddag om 3 uur een half uur overleg", "vanmiddag om + duration", now="fri",
  start=clock(3, part="afternoon"), dur=m(30), names=(None, OVERLEG, []))
N("'s ochtends om 7 standup", "'s ochtends lone start", now="mon2", start=clock(7, part="morning"),
  names=(None, STANDUP, []))
N("zaterdagochtend 2 uur webshop", "weekday+morning, duration", now="sun", date_=("wd", "sat"), dur=h(2),
  names=(WEBSHOP, None, []))
N("'s middags anderhalf uur testen", "'s middags duration only", dur=h(1.5), names=(None, TEST, []))
N("vanmiddag 2 uur met sophie aan de configurator", "vanmiddag + duration + person + project", now="tue",
  dur=h(2), names=(CONFIGURATOR, None, ["Sophie"]))

# --- start + duration, end + duration, lone start
N("om 10 uur 2 uur overleg met sanne", "start + duration", start=clock(10), dur=h(2),
  names=(None, OVERLEG, ["Sanne"]))
N("om 2 uur 1,5u call met kaatje", "working-hours start + duration", start=clock(2), dur=h(1.5),
  names=(None, None, ["Kaat"]))
N("vanaf half 9 drie kwartier standup", "vanaf half + drie kwartier", start=half(9), dur=m(45),
  names=(None, STANDUP, []))
N("tot 17:00 nog anderhalf uur webshop", "end + duration", end=clock(17), dur=h(1.5), names=(WEBSHOP, None, []))
N("om 14u30 een uur testen", "14u30 start + een uur", start=clock(14, 30), dur=h(1), names=(None, TEST, []))
N("om 9 uur standup", "lone start", start=clock(9), names=(None, STANDUP, []))
N("gisteren om 16:00 een kwartier met bram gebeld", "date + start + duration", now="wed", date_="yday",
  start=clock(16), dur=m(15), names=(None, None, ["Bram"]))
N("om kwart over 3 twintig minuten review", "kwart over start + written minutes", start=clock(3, 15),
  dur=m(20), names=(None, REVIEW, []))
N("om 11 uur anderhalf uur ontwerp", "start + anderhalf", start=clock(11), dur=h(1.5), names=(None, DESIGN, []))
N("vanaf 13:30 2 uur bugfixen", "vanaf + duration", start=clock(13, 30), dur=h(2), names=(None, BUGFIX, []))
N("om 8 uur begonnen, 3 uur dashboard", "start then duration with comma", start=clock(8), dur=h(3),
  names=(DASHBOARD, None, []))

# --- persons and projects in varied positions
N("met ro 1 uur crm doorgenomen", "person alias first", dur=h(1), names=(CRM, None, ["Rowan"]))
N("1u sync met anne marie over de roosterapp", "two-word person alias", dur=h(1),
  names=(ROOSTER, None, ["Anne-Marie"]))
N("met annemarie en daan 2 uur overleg", "persons joined by en", dur=h(2),
  names=(None, OVERLEG, ["Anne-Marie", "Daan"]))
N("samen met jose 3u bugfixing chatbot", "samen met; accentless José", dur=h(3),
  names=(CHATBOT, BUGFIX, ["José"]))
N("2 uur met sanne, erik en lisa", "three persons", dur=h(2), names=(None, None, ["Sanne", "Erik", "Lisa"]))
N("met jeroen anderhalf uur aan configurator", "person then project after aan", dur=h(1.5),
  names=(CONFIGURATOR, None, ["Jeroen"]))
N("sophie geholpen met de nieuwsbrief, 1 uur", "person without cue; project after met", dur=h(1),
  names=(NIEUWSBRIEF, None, ["Sophie"]))
N("voor acme 2 uur", "client with one active project", dur=h(2), names=(PORTAL, None, []))
N("3u voor tijdwijzer", "client name selects project", dur=h(3), names=(TIMING, None, []))
N("1,5 uur de spaak", "client alias selects project", dur=h(1.5), names=(MOBILE, None, []))
N("2 uur kinderopvang zonnetje", "client name selects project", dur=h(2), names=(CRECHE, None, []))
N("uitzendbureau flex 45 min", "client first", dur=m(45), names=(VACATURE, None, []))
N("timi bv 2u", "client name Timi BV", dur=h(2), names=(TIMI, None, []))
N("@webshop 1u", "@ project cue", dur=h(1), names=(WEBSHOP, None, []))
N("op klantenportaal 2,5u", "op + project alias", dur=h(2.5), names=(KLANTPORTAAL, None, []))
N("aan het dashboard 3 uur met bram", "aan het + project", dur=h(3), names=(DASHBOARD, None, ["Bram"]))
N("creche planner 2 uur", "accentless project", dur=h(2), names=(CRECHE, None, []))
N("projectleiding vacaturesite 1u met Kaat", "service + project + person", dur=h(1),
  names=(VACATURE, PM, ["Kaat"]))
N("klaar met testen van de webshop, 2 uur", "service after met (not a person)", dur=h(2),
  names=(WEBSHOP, TEST, []))
N("Memo en Erik bijgepraat over crm, 45 min", "persons without cue", dur=m(45),
  names=(CRM, None, ["Memo", "Erik"]))

# --- remarks after the entry
N("2 uur webshop, was lastig", "remark after entry", dur=h(2), names=(WEBSHOP, None, []))
N("1,5u crm koppeling (eindelijk af)", "remark in parentheses", dur=h(1.5), names=(CRM, None, []))
N("3 uur dashboard - klant was niet blij", "remark after dash", dur=h(3), names=(DASHBOARD, None, []))
N("anderhalf uur met kaat aan de migratie, veel gedoe", "remark after entry with person", dur=h(1.5),
  names=(MIGRATIE, None, ["Kaat"]))
N("1 uur support, klant belde 3x", "remark with a count", dur=h(1), names=(None, SUPPORT, []))
N("45 min standup... weer uitgelopen", "remark after ellipsis", dur=m(45), names=(None, STANDUP, []))
N("2 uur met erik gepraat, ging over de planning", "remark after person", dur=h(2), names=(None, None, ["Erik"]))
N("een uurtje boekhouding, facturen verstuurd", "remark after een uurtje", dur=h(1),
  names=(BOEKHOUDING, None, []))
N("4u nieuwe website, header en footer klaar", "remark after multi-word project", dur=h(4),
  names=(NIEUWE_WEBSITE, None, []))
N("gisteren 9-12 chatbot, intents opgeschoond", "remark after range", now="fri", date_="yday",
  start=clock(9), end=clock(12), names=(CHATBOT, None, []))

# --- numbers that are not times
N("2 uur aan ticket #4711", "negative: ticket number", dur=h(2))
N("sprint 42 planning 1 uur", "negative: sprint number", dur=h(1))
N("versie 2.0 uitgerold, 1,5 uur", "negative: version number", dur=h(1.5))
N("3 bugs gefixt in de webshop, 2u", "negative: count", dur=h(2), names=(WEBSHOP, None, []))
N("intranet 2.0 3 uur", "negative: digits in project name", dur=h(3), names=(INTRANET, None, []))
N("2 uur intranet 2.0 testen", "negative: project name with digits mid-phrase", dur=h(2),
  names=(INTRANET, TEST, []))
N("release 3.4 voorbereid 2 uur", "negative: release number", dur=h(2))
N("5 tickets afgehandeld, 3 uur support", "negative: count", dur=h(3), names=(None, SUPPORT, []))
N("ticket 1234 1u", "negative: 4-digit ticket", dur=h(1))
N("pr 88 review 45 min", "negative: PR number", dur=m(45), names=(None, REVIEW, []))
N("node 18 upgrade op de webshop, 2 uur", "negative: version 18", dur=h(2), names=(WEBSHOP, None, []))
N("12 mails beantwoord, een half uur", "negative: count", dur=m(30))
N("fase 2 van de migratie, 4 uur", "negative: phase number", dur=h(4), names=(MIGRATIE, None, []))
N("2 pagina's documentatie 1,5u", "negative: count of pages", dur=h(1.5), names=(None, DOCS, []))
N("issue #57 opgelost, 2 uur", "negative: issue number", dur=h(2))
N("3 gesprekken vacaturesite 2u", "negative: count", dur=h(2), names=(VACATURE, None, []))
N("sprint 7 review 1 uur", "negative: sprint number before service", dur=h(1), names=(None, REVIEW, []))
N("hoofdstuk 4 kennisbank 2 uur", "negative: chapter number", dur=h(2), names=(KENNISBANK, None, []))
N("10 testcases geschreven, 2,5 uur", "negative: count", dur=h(2.5))
N("gisteren 2 uur aan ticket #311", "negative: ticket with date", now="thu2", date_="yday", dur=h(2))
N("versie 1.4.2 gedeployed op de webshop, 1u", "negative: three-part version", dur=h(1),
  names=(WEBSHOP, None, []))
N("2 uur aan story 17 van de roosterapp", "negative: story number", dur=h(2), names=(ROOSTER, None, []))

# --- tags
N("2 uur webshop #hotfix", "tag after entry", dur=h(2), names=(WEBSHOP, None, []))
N("#ops 1u deploy", "tag first", dur=h(1), names=(None, DEPLOY, []))
N("1,5 uur overleg #q4", "tag with digit", dur=h(1.5), names=(None, OVERLEG, []))

# --- word order
N("webshop 2 uur gisteren", "date last", now="tue", date_="yday", dur=h(2), names=(WEBSHOP, None, []))
N("met lisa, woensdag, 3u dashboard", "person first, weekday mid", now="fri", date_=("wd", "wed"), dur=h(3),
  names=(DASHBOARD, None, ["Lisa"]))
N("dashboard met sophie vrijdag 9-12", "project first, range last", now="sat", date_=("wd", "fri"),
  start=clock(9), end=clock(12), names=(DASHBOARD, None, ["Sophie"]))
N("testen configurator 3 uur eergisteren", "service first, date last", now="sun", date_=("ago", 2), dur=h(3),
  names=(CONFIGURATOR, TEST, []))
N("crm koppeling, 2 uur, met rowan", "comma-separated fields", dur=h(2), names=(CRM, None, ["Rowan"]))

# ================================================================================================
# English
# ================================================================================================
EN("2h on the webshop", "odd unit h", dur=h(2), names=(WEBSHOP, None, []))
EN("1.5h portal", "decimal h", dur=h(1.5), names=(PORTAL, None, []))
EN("90 min meeting with rowan", "minutes > 60", dur=m(90), names=(None, OVERLEG, ["Rowan"]))
EN("~2h newsletter", "approximation tilde", dur=h(2), names=(NIEUWSBRIEF, None, []))
EN("about 2 hours on data migratie", "approximation about", dur=h(2), names=(MIGRATIE, None, []))
EN("three quarters of an hour standup", "written three quarters", dur=m(45), names=(None, STANDUP, []))
EN("an hour and a half on klantportaal", "written an hour and a half", dur=h(1.5), names=(KLANTPORTAAL, None, []))
EN("half an hour docs", "half an hour", dur=m(30), names=(None, DOCS, []))
EN("a quarter of an hour support call", "a quarter of an hour", dur=m(15), names=(None, SUPPORT, []))
EN("2 hrs chatbot", "hrs", dur=h(2), names=(CHATBOT, None, []))
EN("45 mins code review crm", "mins; multi-word service", dur=m(45), names=(CRM, REVIEW, []))
EN("2.5 hours dashboard", "decimal hours", dur=h(2.5), names=(DASHBOARD, None, []))
EN("1h30 configurator testing", "1h30", dur=m(90), names=(CONFIGURATOR, TEST, []))
EN("2h15m bugfixing timi", "2h15m", dur=h(2) + m(15), names=(TIMI, BUGFIX, []))
EN("2 hours 15 minutes design mobile app", "composite hours minutes", dur=h(2) + m(15), names=(MOBILE, DESIGN, []))
EN("1 hr 20 min roosterapp", "hr + min", dur=h(1) + m(20), names=(ROOSTER, None, []))
EN("3hrs boekhouding", "3hrs glued", dur=h(3), names=(BOEKHOUDING, None, []))
EN("30m wiki", "m is minutes", dur=m(30), names=(KENNISBANK, None, []))
EN("an hour on zonnecalc", "an hour", dur=h(1), names=(ZONNECALC, None, []))
EN("2hr deploy tango", "hr; alias tango", dur=h(2), names=(TIMI, DEPLOY, []))
EN("4 hours interne uren", "multi-word project", dur=h(4), names=(INTERN, None, []))
EN("1:45 review vacaturesite", "bare h:mm duration", dur=h(1) + m(45), names=(VACATURE, REVIEW, []))
EN("around 3 hours on the dashboard", "approximation around", dur=h(3), names=(DASHBOARD, None, []))
EN("roughly 90 minutes crm", "approximation roughly", dur=m(90), names=(CRM, None, []))
EN("1,5h nieuwsbrief", "decimal comma in English", dur=h(1.5), names=(NIEUWSBRIEF, None, []))
EN("two hours on the webshop", "written two hours", dur=h(2), names=(WEBSHOP, None, []))
EN("20 minutes standup", "minutes", dur=m(20), names=(None, STANDUP, []))
EN("1 hour 15 mins with daan", "hour + mins", dur=h(1.25), names=(None, None, ["Daan"]))
EN("1h30m crèche planner", "1h30m; accented project", dur=m(90), names=(CRECHE, None, []))
EN("0.5h standup", "0.5h", dur=m(30), names=(None, STANDUP, []))

# --- dates
EN("yesterday 3h webshop", "yesterday", now="wed", date_="yday", dur=h(3), names=(WEBSHOP, None, []))
EN("the day before yesterday 2h testing configurator", "day before yesterday", now="wed", date_=("ago", 2),
   dur=h(2), names=(CONFIGURATOR, TEST, []))
EN("monday 4h dashboard", "bare weekday", now="wed", date_=("wd", "mon"), dur=h(4), names=(DASHBOARD, None, []))
EN("wednesday 1.5h meeting", "bare weekday = today", now="wed", date_=("wd", "wed"), dur=h(1.5),
   names=(None, OVERLEG, []))
EN("last wednesday 2h chatbot", "last weekday on that weekday", now="wed", date_=("last", "wed"), dur=h(2),
   names=(CHATBOT, None, []))
EN("last tuesday 1.5 hours crm", "last weekday", now="wed", date_=("last", "tue"), dur=h(1.5),
   names=(CRM, None, []))
EN("tuesday last week 1h call with kaat", "weekday last week", now="thu", date_=("prevweek", "tue"), dur=h(1),
   names=(None, None, ["Kaat"]))
EN("friday last week 3h vacaturesite", "friday last week (on sunday)", now="sun", date_=("prevweek", "fri"),
   dur=h(3), names=(VACATURE, None, []))
EN("on tue 2h portal", "on + abbreviation", now="fri", date_=("wd", "tue"), dur=h(2), names=(PORTAL, None, []))
EN("mon 2 hours interne uren", "abbreviation mon", now="fri", date_=("wd", "mon"), dur=h(2),
   names=(INTERN, None, []))
EN("thu 3h nieuwsbrief", "abbreviation thu", now="sat", date_=("wd", "thu"), dur=h(3),
   names=(NIEUWSBRIEF, None, []))
EN("friday 5 hours webshop", "weekday yesterday", now="sun", date_=("wd", "fri"), dur=h(5),
   names=(WEBSHOP, None, []))
EN("saturday 1h support", "weekday", now="sun", date_=("wd", "sat"), dur=h(1), names=(None, SUPPORT, []))
EN("sunday half an hour wiki", "weekday = today (sunday)", now="sun", date_=("wd", "sun"), dur=m(30),
   names=(KENNISBANK, None, []))
EN("2 days ago 3h dashboard", "N days ago", now="thu", date_=("ago", 2), dur=h(3), names=(DASHBOARD, None, []))
EN("3 days ago 1h docs", "N days ago", now="thu", date_=("ago", 3), dur=h(1), names=(None, DOCS, []))
EN("nov 3 2h portal", "month-abbrev day", now="sat", date_=("md", 11, 3), dur=h(2), names=(PORTAL, None, []))
EN("november 3rd 2 hours crm", "ordinal date", now="sat", date_=("md", 11, 3), dur=h(2), names=(CRM, None, []))
EN("the 3rd of november 1h review", "the Nth of month", now="sat", date_=("md", 11, 3), dur=h(1),
   names=(None, REVIEW, []))
EN("dec 3 1.5h tango", "month-abbrev day", now="sat", date_=("md", 12, 3), dur=h(1.5), names=(TIMI, None, []))
EN("friday the 13th of november 3h configurator", "weekday + ordinal date", now="wed",
   date_=("md", 11, 13), dur=h(3), names=(CONFIGURATOR, None, []))
EN("27-11 4h klantportaal", "numeric day-month", now="fri", date_=("md", 11, 27), dur=h(4),
   names=(KLANTPORTAAL, None, []))
EN("27/11/2026 2h data migratie", "day-first slashed date", now="fri", date_=("abs", "2026-11-27"), dur=h(2),
   names=(MIGRATIE, None, []))
EN("2026-11-25 6 hours configurator", "ISO date", now="fri", date_=("abs", "2026-11-25"), dur=h(6),
   names=(CONFIGURATOR, None, []))
EN("dec 12 2h boekhouding", "month-day later this year -> last year", now="sun", date_=("md", 12, 12),
   dur=h(2), names=(BOEKHOUDING, None, []))
EN("dec 6 3h chatbot", "month-day = today", now="sun", date_=("md", 12, 6), dur=h(3), names=(CHATBOT, None, []))
EN("last friday 1.5h deploy webshop", "last friday (on sunday)", now="sun", date_=("last", "fri"), dur=h(1.5),
   names=(WEBSHOP, DEPLOY, []))
EN("next monday 1h meeting", "next weekday (future)", now="wed", date_=("next", "mon"), dur=h(1),
   names=(None, OVERLEG, []))
EN("yesterday 2h webshop", "yesterday across DST change", now="octmon", date_="yday", dur=h(2),
   names=(WEBSHOP, None, []))
EN("friday last week 4h timing", "friday last week across new year", now="jan", date_=("prevweek", "fri"),
   dur=h(4), names=(TIMING, None, []))
EN("dec 30 3h wiki", "month-day across new year", now="jan", date_=("md", 12, 30), dur=h(3),
   names=(KENNISBANK, None, []))
EN("last thursday 2h crm", "last weekday across new year", now="jan", date_=("last", "thu"), dur=h(2),
   names=(CRM, None, []))
EN("today 2h webshop", "today", now="oct", dur=h(2), names=(WEBSHOP, None, []))
EN("the 28th of november 45 min meeting with erik", "the Nth of month + person", now="sat",
   date_=("md", 11, 28), dur=m(45), names=(None, OVERLEG, ["Erik"]))
EN("nov 28th 1h testing", "month ordinal", now="sat", date_=("md", 11, 28), dur=h(1), names=(None, TEST, []))
EN("yesterday 1.5h with jeroen", "yesterday in summer time", now="oct", date_="yday", dur=h(1.5),
   names=(None, None, ["Jeroen"]))
EN("wednesday last week 2h with Sanne", "weekday last week on that weekday", now="wed",
   date_=("prevweek", "wed"), dur=h(2), names=(None, None, ["Sanne"]))

# --- ranges
EN("9-11 webshop", "dash range", start=clock(9), end=clock(11), names=(WEBSHOP, None, []))
EN("2pm-4:30pm meeting with rowan and kaat", "pm range; two persons", start=clock(2, ampm="pm"),
   end=clock(4, 30, ampm="pm"), names=(None, OVERLEG, ["Rowan", "Kaat"]))
EN("from 9am to 12:30pm dashboard", "am to pm", start=clock(9, ampm="am"), end=clock(12, 30, ampm="pm"),
   names=(DASHBOARD, None, []))
EN("between 10 and 12 code review", "between .. and ..", start=clock(10), end=clock(12), names=(None, REVIEW, []))
EN("from 2 to 4 testing", "working-hours range", start=clock(2), end=clock(4), names=(None, TEST, []))
EN("from 11 to 1 klantportaal", "end past noon by working hours", start=clock(11), end=clock(1),
   names=(KLANTPORTAAL, None, []))
EN("9:00-11:30 newsletter", "h:mm range", start=clock(9), end=clock(11, 30), names=(NIEUWSBRIEF, None, []))
EN("13-15 chatbot", "24h dash range", start=clock(13), end=clock(15), names=(CHATBOT, None, []))
EN("8:30-12 configurator", "mixed range", start=clock(8, 30), end=clock(12), names=(CONFIGURATOR, None, []))
EN("from 10 to 12:30 roosterapp", "from .. to h:mm", start=clock(10), end=clock(12, 30), names=(ROOSTER, None, []))
EN("from quarter past 9 to 11 standup", "quarter past", start=clock(9, 15), end=clock(11),
   names=(None, STANDUP, []))
EN("from half past two to four support", "half past two (words)", start=clock(2, 30), end=clock(4),
   names=(None, SUPPORT, []))
EN("from quarter to four till 5 review", "quarter to", start=clock(3, 45), end=clock(5), names=(None, REVIEW, []))
EN("yesterday 8-12 data migratie", "yesterday + dash range", now="thu", date_="yday", start=clock(8),
   end=clock(12), names=(MIGRATIE, None, []))
EN("monday 2-5 vacaturesite", "weekday + working-hours dash range", now="wed", date_=("wd", "mon"),
   start=clock(2), end=clock(5), names=(VACATURE, None, []))
EN("14:00-17:30 webshop", "24h h:mm range", start=clock(14), end=clock(17, 30), names=(WEBSHOP, None, []))
EN("10am-12pm meeting", "am-pm range with 12pm", start=clock(10, ampm="am"), end=clock(12, ampm="pm"),
   names=(None, OVERLEG, []))
EN("1pm to 3pm with lisa", "pm to pm", start=clock(1, ampm="pm"), end=clock(3, ampm="pm"),
   names=(None, None, ["Lisa"]))
EN("from half three to five webshop", "British half three = 3:30", start=clock(3, 30), end=clock(5),
   names=(WEBSHOP, None, []))
EN("from 9 to 11 with Tom", "person not in catalog", start=clock(9), end=clock(11), names=(None, None, ["Tom"]))
EN("12pm-2pm dashboard", "12pm is noon", start=clock(12, ampm="pm"), end=clock(2, ampm="pm"),
   names=(DASHBOARD, None, []))
EN("from 2:30 pm to 4 pm crm", "spaced pm", start=clock(2, 30, ampm="pm"), end=clock(4, ampm="pm"),
   names=(CRM, None, []))
EN("between 1 and 3 with bram", "between bare hours", start=clock(1), end=clock(3), names=(None, None, ["Bram"]))
EN("from 7 to 9 docs", "7-9 stands (working hours)", start=clock(7), end=clock(9), names=(None, DOCS, []))
EN("10:15-12:45 design", "h:mm range", start=clock(10, 15), end=clock(12, 45), names=(None, DESIGN, []))

# --- day parts
EN("yesterday evening from 8 to 10 boekhouding", "yesterday evening range", now="thu", date_="yday",
   start=clock(8, part="evening"), end=clock(10, part="evening"), names=(BOEKHOUDING, None, []))
EN("this morning 7-9 deploy", "this morning range", now="thu2", start=clock(7, part="morning"),
   end=clock(9, part="morning"), names=(None, DEPLOY, []))
EN("this afternoon from 1 to 3 design", "this afternoon range", now="tue", start=clock(1, part="afternoon"),
   end=clock(3, part="afternoon"), names=(None, DESIGN, []))
EN("in the afternoon 1-3:30 webshop", "in the afternoon", start=clock(1, part="afternoon"),
   end=clock(3, 30, part="afternoon"), names=(WEBSHOP, None, []))
EN("in the evening 7-9 docs", "in the evening", now="sun", start=clock(7, part="evening"),
   end=clock(9, part="evening"), names=(None, DOCS, []))
EN("in the morning from 9 to 11:30 crm", "in the morning", start=clock(9, part="morning"),
   end=clock(11, 30, part="morning"), names=(CRM, None, []))
EN("tuesday afternoon 2-4 with memo", "weekday afternoon", now="thu", date_=("wd", "tue"),
   start=clock(2, part="afternoon"), end=clock(4, part="afternoon"), names=(None, None, ["Memo"]))
EN("tuesday evening 7-9 wiki", "weekday evening overrides working hours", now="thu", date_=("wd", "tue"),
   start=clock(7, part="evening"), end=clock(9, part="evening"), names=(KENNISBANK, None, []))
EN("monday morning 9-12 dashboard", "weekday morning", now="thu", date_=("wd", "mon"),
   start=clock(9, part="morning"), end=clock(12, part="morning"), names=(DASHBOARD, None, []))
EN("friday afternoon 2-5 timi", "weekday afternoon", now="sun", date_=("wd", "fri"),
   start=clock(2, part="afternoon"), end=clock(5, part="afternoon"), names=(TIMI, None, []))
EN("wednesday evening an hour and a half newsletter", "weekday evening, duration", now="fri",
   date_=("wd", "wed"), dur=h(1.5), names=(NIEUWSBRIEF, None, []))
EN("yesterday afternoon 2h support", "yesterday afternoon, duration", now="fri", date_="yday", dur=h(2),
   names=(None, SUPPORT, []))
EN("tonight 1.5h kennisbank", "tonight duration", now="sun", dur=h(1.5), names=(KENNISBANK, None, []))
EN("this evening at 8, an hour of boekhouding", "this evening start + duration", now="sun",
   start=clock(8, part="evening"), dur=h(1), names=(BOEKHOUDING, None, []))
EN("this afternoon at 3, half an hour meeting", "this afternoon start + duration", now="fri",
   start=clock(3, part="afternoon"), dur=m(30), names=(None, OVERLEG, []))
EN("this morning at 7 standup", "this morning lone start", now="mon2", start=clock(7, part="morning"),
   names=(None, STANDUP, []))
EN("saturday morning 2h webshop", "weekday morning, duration", now="sun", date_=("wd", "sat"), dur=h(2),
   names=(WEBSHOP, None, []))
EN("tonight 7-9 chatbot", "tonight range", now="sun", start=clock(7, part="evening"),
   end=clock(9, part="evening"), names=(CHATBOT, None, []))
EN("this afternoon 2 hours with sophie on the configurator", "this afternoon + duration + person + project",
   now="tue", dur=h(2), names=(CONFIGURATOR, None, ["Sophie"]))

# --- start + duration, end + duration, lone start
EN("from 10 for 2 hours meeting with sanne", "start + duration", start=clock(10), dur=h(2),
   names=(None, OVERLEG, ["Sanne"]))
EN("at 2pm, 45 min call with kaatje", "pm start + duration; person alias", start=clock(2, ampm="pm"), dur=m(45),
   names=(None, None, ["Kaat"]))
EN("from 8:30, 45 minutes standup", "start + minutes", start=clock(8, 30), dur=m(45), names=(None, STANDUP, []))
EN("until 5pm, the last 2 hours webshop", "end + duration", end=clock(5, ampm="pm"), dur=h(2),
   names=(WEBSHOP, None, []))
EN("at 14:30 an hour testing", "24h start + an hour", start=clock(14, 30), dur=h(1), names=(None, TEST, []))
EN("at 9 standup", "lone start", start=clock(9), names=(None, STANDUP, []))
EN("yesterday at 4pm 15 min call with bram", "date + start + duration", now="wed", date_="yday",
   start=clock(4, ampm="pm"), dur=m(15), names=(None, None, ["Bram"]))
EN("at 11 an hour and a half design", "start + written duration", start=clock(11), dur=h(1.5),
   names=(None, DESIGN, []))
EN("at 2 for 90 minutes crm", "working-hours start + duration", start=clock(2), dur=m(90), names=(CRM, None, []))
EN("from 1:30pm 2h bugfixing", "pm start + duration", start=clock(1, 30, ampm="pm"), dur=h(2),
   names=(None, BUGFIX, []))

# --- persons and projects in varied positions
EN("1h with ro on crm", "person alias; project after on", dur=h(1), names=(CRM, None, ["Rowan"]))
EN("1h sync with anne marie about roosterapp", "two-word person alias", dur=h(1),
   names=(ROOSTER, None, ["Anne-Marie"]))
EN("2h meeting with annemarie and daan", "persons joined by and", dur=h(2),
   names=(None, OVERLEG, ["Anne-Marie", "Daan"]))
EN("3h bugfixing chatbot together with jose", "together with; accentless José", dur=h(3),
   names=(CHATBOT, BUGFIX, ["José"]))
EN("2 hours with sanne, erik and lisa", "three persons", dur=h(2), names=(None, None, ["Sanne", "Erik", "Lisa"]))
EN("1.5h on configurator with jeroen", "project then person", dur=h(1.5), names=(CONFIGURATOR, None, ["Jeroen"]))
EN("helped sophie with the newsletter, 1h", "person without cue; project after with", dur=h(1),
   names=(NIEUWSBRIEF, None, ["Sophie"]))
EN("2h for acme", "client with one active project", dur=h(2), names=(PORTAL, None, []))
EN("3h for tijdwijzer", "client name selects project", dur=h(3), names=(TIMING, None, []))
EN("1.5h de spaak", "client alias selects project", dur=h(1.5), names=(MOBILE, None, []))
EN("2h kinderopvang zonnetje", "client name selects project", dur=h(2), names=(CRECHE, None, []))
EN("45 min uitzendbureau flex", "client name", dur=m(45), names=(VACATURE, None, []))
EN("timi bv 2h", "client Timi BV", dur=h(2), names=(TIMI, None, []))
EN("@webshop 1h", "@ cue", dur=h(1), names=(WEBSHOP, None, []))
EN("on klantenportaal 2.5h", "on + alias", dur=h(2.5), names=(KLANTPORTAAL, None, []))
EN("3h dashboard with bram", "project then person", dur=h(3), names=(DASHBOARD, None, ["Bram"]))
EN("creche planner 2h", "accentless project", dur=h(2), names=(CRECHE, None, []))
EN("with Anne-Marie 1h review", "hyphenated person first", dur=h(1), names=(None, REVIEW, ["Anne-Marie"]))
EN("project management vacaturesite 1h with Kaat", "multi-word service alias", dur=h(1),
   names=(VACATURE, PM, ["Kaat"]))
EN("memo and erik caught up on crm, 45 min", "persons without cue", dur=m(45), names=(CRM, None, ["Memo", "Erik"]))

# --- remarks after the entry
EN("1h call with Rowan (finally)", "remark in parentheses", dur=h(1), names=(None, None, ["Rowan"]))
EN("2h webshop, was tricky", "remark after entry", dur=h(2), names=(WEBSHOP, None, []))
EN("1.5h crm koppeling (finally done)", "remark in parentheses", dur=h(1.5), names=(CRM, None, []))
EN("3h dashboard - client not happy", "remark after dash", dur=h(3), names=(DASHBOARD, None, []))
EN("an hour and a half with kaat on data migratie, lots of hassle", "remark after person+project", dur=h(1.5),
   names=(MIGRATIE, None, ["Kaat"]))
EN("1h support, customer called 3 times", "remark with a count", dur=h(1), names=(None, SUPPORT, []))
EN("45 min standup... ran late again", "remark after ellipsis", dur=m(45), names=(None, STANDUP, []))
EN("2h talking with erik, mostly about planning", "remark after person", dur=h(2), names=(None, None, ["Erik"]))
EN("4h nieuwe website, header and footer done", "remark after multi-word project", dur=h(4),
   names=(NIEUWE_WEBSITE, None, []))
EN("yesterday 9-12 chatbot, cleaned up intents", "remark after range", now="fri", date_="yday",
   start=clock(9), end=clock(12), names=(CHATBOT, None, []))

# --- numbers that are not times
EN("2h on ticket #4711", "negative: ticket number", dur=h(2))
EN("sprint 42 planning 1h", "negative: sprint number", dur=h(1))
EN("version 2.0 release prep, 1.5h", "negative: version number", dur=h(1.5))
EN("fixed 3 bugs in the webshop, 2h", "negative: count", dur=h(2), names=(WEBSHOP, None, []))
EN("intranet 2.0 3h", "negative: digits in project name", dur=h(3), names=(INTRANET, None, []))
EN("2 hours testing intranet 2.0", "negative: project name with digits last", dur=h(2), names=(INTRANET, TEST, []))
EN("5 tickets closed, 3h support", "negative: count", dur=h(3), names=(None, SUPPORT, []))
EN("pr #88 review 45 min", "negative: PR number", dur=m(45), names=(None, REVIEW, []))
EN("node 18 upgrade for the webshop, 2 hours", "negative: version 18", dur=h(2), names=(WEBSHOP, None, []))
EN("answered 12 emails, half an hour", "negative: count", dur=m(30))
EN("phase 2 of data migratie, 4h", "negative: phase number", dur=h(4), names=(MIGRATIE, None, []))
EN("issue #57 fixed, 2h", "negative: issue number", dur=h(2))
EN("sprint 7 review 1h", "negative: sprint number before service", dur=h(1), names=(None, REVIEW, []))
EN("chapter 4 of the wiki 2h", "negative: chapter number", dur=h(2), names=(KENNISBANK, None, []))
EN("ticket 1234 1h", "negative: 4-digit ticket", dur=h(1))
EN("release 3.4 prep 2 hours", "negative: release number", dur=h(2))
EN("yesterday 2h on ticket #311", "negative: ticket with date", now="thu2", date_="yday", dur=h(2))
EN("version 1.4.2 deployed to the webshop, 1h", "negative: three-part version", dur=h(1),
   names=(WEBSHOP, None, []))
EN("2h on story 17 of the roosterapp", "negative: story number", dur=h(2), names=(ROOSTER, None, []))
EN("reviewed 4 PRs, 1.5h", "negative: count", dur=h(1.5))
EN("migrated 300 records for data migratie, 3h", "negative: large count", dur=h(3), names=(MIGRATIE, None, []))

# --- tags
EN("2h webshop #hotfix", "tag after entry", dur=h(2), names=(WEBSHOP, None, []))
EN("#ops 1h deploy", "tag first", dur=h(1), names=(None, DEPLOY, []))
EN("1.5h meeting #q4", "tag with digit", dur=h(1.5), names=(None, OVERLEG, []))

# --- word order
EN("webshop 2 hours yesterday", "date last", now="tue", date_="yday", dur=h(2), names=(WEBSHOP, None, []))
EN("with lisa, wednesday, 3h dashboard", "person first, weekday mid", now="fri", date_=("wd", "wed"), dur=h(3),
   names=(DASHBOARD, None, ["Lisa"]))
EN("dashboard with sophie friday 9-12", "project first, range last", now="sat", date_=("wd", "fri"),
   start=clock(9), end=clock(12), names=(DASHBOARD, None, ["Sophie"]))
EN("testing configurator 3h the day before yesterday", "service first, date last", now="sun", date_=("ago", 2),
   dur=h(3), names=(CONFIGURATOR, TEST, []))
EN("crm koppeling, 2 hours, with rowan", "comma-separated fields", dur=h(2), names=(CRM, None, ["Rowan"]))

# ================================================================================================
# Batch 2: Slack/terminal formatting and a few more conventions-backed forms. Written after the
# first measurement, before any of these phrases was run through the parser.
# ================================================================================================
N("Webshop: 2u", "label colon then duration", dur=h(2), names=(WEBSHOP, None, []))
N("2 uur.", "trailing period, no names", dur=h(2))
N("WEBSHOP 2U", "all caps", dur=h(2), names=(WEBSHOP, None, []))
N("webshop (2u)", "duration in parentheses", dur=h(2), names=(WEBSHOP, None, []))
N("- 1,5u crm met ro", "bullet dash first", dur=h(1.5), names=(CRM, None, ["Rowan"]))
N("Gisteren 2u Webshop", "capitalised words", now="thu2", date_="yday", dur=h(2), names=(WEBSHOP, None, []))
N("van 14u tot 16u webshop", "14u as clock after van/tot", start=clock(14), end=clock(16),
  names=(WEBSHOP, None, []))
N("half 10 tot 12 overleg", "half 10 start", start=half(10), end=clock(12), names=(None, OVERLEG, []))
N("kwart over 2 tot half 5 testen", "kwart over 2 tot half 5", start=clock(2, 15), end=half(5),
  names=(None, TEST, []))
N("gisteren van half 9 tot 5 configurator", "long working day range", now="wed", date_="yday",
  start=half(9), end=clock(5), names=(CONFIGURATOR, None, []))
N("vanaf 13u 2 uur chatbot", "vanaf 13u + duration", start=clock(13), dur=h(2), names=(CHATBOT, None, []))
N("afgelopen maandag 3 uur dashboard", "afgelopen weekday on that weekday (monday)", now="mon",
  date_=("last", "mon"), dur=h(3), names=(DASHBOARD, None, []))
N("eergisteren 1u overleg met kaat", "eergisteren on monday", now="mon2", date_=("ago", 2), dur=h(1),
  names=(None, OVERLEG, ["Kaat"]))
N("1 december 2u nieuwsbrief", "day month", now="fri", date_=("md", 12, 1), dur=h(2),
  names=(NIEUWSBRIEF, None, []))
N("2u webshop 👍", "emoji after entry", dur=h(2), names=(WEBSHOP, None, []))

EN("Webshop: 2h", "label colon then duration", dur=h(2), names=(WEBSHOP, None, []))
EN("2 hours.", "trailing period, no names", dur=h(2))
EN("WEBSHOP 2H", "all caps", dur=h(2), names=(WEBSHOP, None, []))
EN("webshop (2h)", "duration in parentheses", dur=h(2), names=(WEBSHOP, None, []))
EN("- 1.5h crm with ro", "bullet dash first", dur=h(1.5), names=(CRM, None, ["Rowan"]))
EN("Yesterday 2h Webshop", "capitalised words", now="thu2", date_="yday", dur=h(2), names=(WEBSHOP, None, []))
EN("two and a half hours on the webshop", "written two and a half hours", dur=h(2.5), names=(WEBSHOP, None, []))
EN("from half past nine to 12 meeting", "half past nine start", start=clock(9, 30), end=clock(12),
   names=(None, OVERLEG, []))
EN("yesterday from 8:30 to 5 configurator", "long working day range", now="wed", date_="yday",
   start=clock(8, 30), end=clock(5), names=(CONFIGURATOR, None, []))
EN("from 1pm 2 hours chatbot", "pm start + duration", start=clock(1, ampm="pm"), dur=h(2), names=(CHATBOT, None, []))
EN("last monday 3h dashboard", "last weekday on that weekday (monday)", now="mon", date_=("last", "mon"),
   dur=h(3), names=(DASHBOARD, None, []))
EN("the day before yesterday 1h meeting with kaat", "day before yesterday on monday", now="mon2",
   date_=("ago", 2), dur=h(1), names=(None, OVERLEG, ["Kaat"]))
EN("the 1st of december 2h newsletter", "the 1st of month", now="fri", date_=("md", 12, 1), dur=h(2),
   names=(NIEUWSBRIEF, None, []))
EN("dec 1st 1h support", "month ordinal 1st", now="fri", date_=("md", 12, 1), dur=h(1), names=(None, SUPPORT, []))
EN("2h webshop 👍", "emoji after entry", dur=h(2), names=(WEBSHOP, None, []))

# ================================================================================================
# Batch 3: more numbers that are not times (to reach ~15% of each language). Written after the
# second measurement, before any of these phrases was run through the parser.
# ================================================================================================
N("3 uur aan de 2e versie van het ontwerp", "negative: ordinal 2e", dur=h(3), names=(None, DESIGN, []))
N("2u bugfixen, 14 tickets dicht", "negative: count after entry", dur=h(2), names=(None, BUGFIX, []))
N("1,5 uur migratie van 2500 klanten", "negative: large count", dur=h(1.5), names=(MIGRATIE, None, []))
N("anderhalf uur php 8.3 upgrade", "negative: version 8.3", dur=h(1.5))
N("45 min release notes voor versie 4.1", "negative: versie 4.1", dur=m(45))
N("2 uur webshop, 40 producten toegevoegd", "negative: count in remark", dur=h(2), names=(WEBSHOP, None, []))
N("ticket #2024 opgepakt, 1u", "negative: ticket number like a year", dur=h(1))
N("3u kennisbank, 6 artikelen herschreven", "negative: count in remark", dur=h(3), names=(KENNISBANK, None, []))

EN("3h on the 2nd version of the design", "negative: ordinal 2nd", dur=h(3), names=(None, DESIGN, []))
EN("2h bugfixing, closed 14 tickets", "negative: count after entry", dur=h(2), names=(None, BUGFIX, []))
EN("1.5h data migratie of 2500 customers", "negative: large count", dur=h(1.5), names=(MIGRATIE, None, []))
EN("an hour and a half php 8.3 upgrade", "negative: version 8.3", dur=h(1.5))
EN("45 min release notes for version 4.1", "negative: version 4.1", dur=m(45))
EN("2h webshop, added 40 products", "negative: count in remark", dur=h(2), names=(WEBSHOP, None, []))
EN("picked up ticket #2024, 1h", "negative: ticket number like a year", dur=h(1))
EN("3h wiki, rewrote 6 articles", "negative: count in remark", dur=h(3), names=(KENNISBANK, None, []))


def main() -> None:
    for lang, cases in CASES.items():
        texts = [c["text"] for c in cases]
        assert len(texts) == len(set(texts)), "duplicate text"
        with open(HERE / f"unseen-{lang}.jsonl", "w", encoding="utf-8") as f:
            for c in cases:
                f.write(json.dumps(c, ensure_ascii=False) + "\n")
        print(lang, len(cases))


if __name__ == "__main__":
    main()
