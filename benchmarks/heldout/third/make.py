#!/usr/bin/env python3
"""Held-out suite 3 for nlentry: writes nl.jsonl and en.jsonl beside this file.

Every expected date/time is computed here from NOW with the rules of
/work/shared/spec/conventions.md; ranges get duration = end - start.

Case records follow the conventions' case format (id, lang, text, now, expect).
Extra top-level keys (ignored by a checker that reads only `expect`):
  catalog    -- the catalog file beside the cases
  kinds      -- what the phrase exercises (for coverage counts)
  uncertain  -- present on phrases that SHOULD come back unsure (low confidence /
                alternatives); the unsure fields are left out of `expect`
  unsettled  -- fields left out of `expect` because the conventions do not settle them
  note       -- free text
"""
import datetime as dt
import json
import os
import re
import sys
import unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
NOW_S = "2026-11-18T14:30:00+01:00"
NOW = dt.datetime.fromisoformat(NOW_S)
TODAY = NOW.date()
with open(os.path.join(HERE, "catalog.json"), encoding="utf-8") as catalog_file:
    CAT = json.load(catalog_file)

# ---------------------------------------------------------------- dates
WD = {  # weekday index, Monday = 0
    "ma": 0, "maandag": 0, "mon": 0, "monday": 0,
    "di": 1, "dinsdag": 1, "tue": 1, "tuesday": 1,
    "wo": 2, "woensdag": 2, "wed": 2, "wednesday": 2,
    "do": 3, "donderdag": 3, "thu": 3, "thursday": 3,
    "vr": 4, "vrijdag": 4, "fri": 4, "friday": 4,
    "za": 5, "zaterdag": 5, "sat": 5, "saturday": 5,
    "zo": 6, "zondag": 6, "sun": 6, "sunday": 6,
}


def days(n):
    return dt.timedelta(days=n)


def wd(name):
    """bare weekday: most recent such day, today included"""
    t = WD[name]
    return TODAY - days((TODAY.weekday() - t) % 7)


def last(name):
    """afgelopen/vorige X, last X: most recent such day strictly before today"""
    t = WD[name]
    back = (TODAY.weekday() - t) % 7
    return TODAY - days(back if back else 7)


def lastweek(name):
    """vorige week X / X last week: that weekday of the previous ISO week"""
    monday_this = TODAY - days(TODAY.weekday())
    return monday_this - days(7) + days(WD[name])


def nxt(name):
    """komende/volgende X, next X: first such day strictly after today"""
    t = WD[name]
    fwd = (t - TODAY.weekday()) % 7
    return TODAY + days(fwd if fwd else 7)


def ago(n):
    return TODAY - days(n)


def dm(day, month):
    """day+month with no year: the most recent such date, today included"""
    d = dt.date(TODAY.year, month, day)
    return d if d <= TODAY else dt.date(TODAY.year - 1, month, day)


def ymd(y, m, d):
    return dt.date(y, m, d)


YDAY = ago(1)
EERGISTEREN = ago(2)
TOMORROW = TODAY + days(1)

# ---------------------------------------------------------------- clock times


def hm(h, m=0):
    """explicit 24h clock time (or am/pm already converted)"""
    assert 0 <= h <= 23 and 0 <= m <= 59, (h, m)
    return f"{h:02d}:{m:02d}"


def wh(h, m=0):
    """working-hours rule for a bare hour: 1..6 -> 13..18, 7..12 as written"""
    assert 1 <= h <= 12, h
    return hm(h + 12 if h <= 6 else h, m)


def pm(h, m=0):
    """English am/pm: 12pm = 12:00"""
    return hm(12 if h == 12 else h + 12, m)


def am(h, m=0):
    return hm(0 if h == 12 else h, m)


def part(h, m, p):
    """day part overrides the working-hours rule"""
    if p == "morning":      # before 12
        assert 1 <= h <= 11
        return hm(h, m)
    if p == "afternoon":    # 12-18
        return hm(h if h == 12 else h + 12, m)
    if p == "evening":      # 18-24
        return hm(h + 12 if h < 12 else h, m)
    raise ValueError(p)


def half(h):
    """Dutch 'half <h>' = (h-1):30, then the working-hours rule"""
    return wh(h - 1, 30)


def H(x):
    return int(round(x * 3600))


def M(x):
    return int(round(x * 60))


def _t(s):
    return dt.datetime.combine(TODAY, dt.time.fromisoformat(s))


def diff(s, e, xmid=False):
    d = _t(e) - _t(s)
    if xmid:
        d += days(1)
    assert d.total_seconds() > 0, (s, e)
    return int(d.total_seconds())


def add(s, secs):
    return (_t(s) + dt.timedelta(seconds=secs)).strftime("%H:%M")


def sub(e, secs):
    return (_t(e) - dt.timedelta(seconds=secs)).strftime("%H:%M")


# ---------------------------------------------------------------- catalog lookups
PROJ = {p["name"]: p["id"] for p in CAT["projects"]}
SERV = {s["name"]: s["id"] for s in CAT["services"]}
PEOPLE = {p["name"] for p in CAT["people"]}

# ---------------------------------------------------------------- case builder
CASES = {"nl": [], "en": []}
FIELDS = ["duration", "date", "start", "end", "project", "service", "persons"]


def case(lang, text, d=TODAY, s=None, e=None, dur=None, p=None, sv=None, ps=(),
         unset=(), unc=None, k="", note=None, xmid=False):
    if s and e and dur is None:
        dur = diff(s, e, xmid)
    elif s and dur is not None and not e:
        e = add(s, dur)
    elif e and dur is not None and not s:
        s = sub(e, dur)
    elif s and e and dur is not None:
        assert dur == diff(s, e, xmid), text
    exp = {
        "duration": dur,
        "date": d.isoformat() if d else None,
        "start": s, "end": e,
        "project": PROJ[p] if p else None,
        "service": SERV[sv] if sv else None,
        "persons": list(ps),
    }
    for n in ps:
        assert n in PEOPLE, n
    rec = {"id": None, "lang": lang, "text": text, "now": NOW_S}
    drop = set(unset)
    if unc:
        drop |= set(unc["fields"])
    rec["expect"] = {f: v for f, v in exp.items() if f not in drop}
    rec["catalog"] = "catalog.json"
    rec["kinds"] = [x for x in k.split(",") if x]
    if unc:
        rec["uncertain"] = unc
        rec["kinds"].append("SHOULD-BE-UNCERTAIN")
    if unset:
        rec["unsettled"] = sorted(set(unset))
    if note:
        rec["note"] = note
    CASES[lang].append(rec)


def N(text, **kw):
    case("nl", text, **kw)


def E(text, **kw):
    case("en", text, **kw)


def U(fields, why, **cands):
    return {"fields": list(fields), "why": why, "candidates": cands}


# short names
RP, VB, MRP, BP, AFV = "Routeplanner", "Vlootbeheer", "Milk Run Portal", "Burgerportaal", "Afvalkalender"
PI, KD, WO, PW, HBE = "Patient Intake", "Keystone Dashboard", "Webshop Olijfboom", "Pinewood Rebrand", "Harbor Booking Engine"
GS, I3, ADM, SAL, QR = "Groenlicht Subsidie", "Intranet 3.0", "Interne Administratie", "Sales & Acquisitie", "Quill Reader App"
ZP, DWH, KB, HACK = "Zorgplanner", "Data Warehouse Migratie", "Kennisbank", "Hackathon 2026"
DEV, CR, OVL, SU, TST, DES = "Development", "Code review", "Overleg", "Stand-up", "Testen", "Design"
PM, SUP, DOC, DEP, CON, RES = "Projectmanagement", "Support", "Documentatie", "Deployment", "Consultancy", "Onderzoek"
SANNE, JORIS, PRIYA, TOM = "Sanne de Wit", "Joris Bakker", "Priya Raman", "Tom Hendriks"
FEMKE, DAAN, LIAM, NOOR = "Femke Jansen", "Daan Visser", "Liam O'Connor", "Noor El Amrani"
BAS, EMMA, RUBEN, MARLOES, KEVIN = "Bas van Leeuwen", "Emma Clarke", "Ruben Smit", "Marloes Kuipers", "Kevin Mulder"
JESSE, JESSY, MEREL = "Jesse Dijkstra", "Jessy Bloem", "Merel Bos"

# ====================================================================== DUTCH
# --- duration notations
N("2,5 uur routeplanner", dur=H(2.5), p=RP, k="dur-decimal")
N("1,5u vloot dev", dur=H(1.5), p=VB, sv=DEV, k="dur-decimal,alias")
N("1h30 burgerportaal testen", dur=H(1.5), p=BP, sv=TST, k="dur-hXX")
N("90min overleg keystone dashboard", dur=M(90), p=KD, sv=OVL, k="dur-min")
N("45 min standup zorgplanner", dur=M(45), p=ZP, sv=SU, k="dur-min")
N("kwartier daily met sanne", dur=M(15), sv=SU, ps=[SANNE], k="dur-words,persons,alias")
N("half uur gebeld met joris over de webshop olijfboom", dur=M(30), p=WO, ps=[JORIS], k="dur-words,persons")
N("anderhalf uur aan de afvalapp gewerkt", dur=H(1.5), p=AFV, k="dur-words,alias")
N("een uurtje uitzoeken hoe de dwh koppeling werkt", dur=H(1), p=DWH, sv=RES, k="dur-words,alias")
N("drie kwartier code review intranet", dur=M(45), p=I3, sv=CR, k="dur-words,alias")
N("1 uur en een kwartier deploy milkrun", dur=M(75), p=MRP, sv=DEP, k="dur-composite,alias")
N("2u15 design pinewood", dur=M(135), p=PW, sv=DES, k="dur-hXX,alias")
N("vandaag 3 uur subsidietool documentatie", dur=H(3), p=GS, sv=DOC, k="dur-plain,date-today,alias")
N("1:30 zp support", dur=M(90), p=ZP, sv=SUP, k="dur-colon,alias")
N("2h reader app bugs fixen", dur=H(2), p=QR, k="dur-plain,alias")
N("0,75u helpdesk burgerportaal", dur=M(45), p=BP, sv=SUP, k="dur-decimal,alias")
N("1.25 uur wireframes harbor booking engine", dur=M(75), p=HBE, sv=DES, k="dur-decimal,multiword-name")
N("twee uur workshop bij stichting groenlicht", dur=H(2), p=GS, sv=CON, k="dur-words,client-selects-project")
N("5 min kb bijgewerkt", dur=M(5), p=KB, k="dur-min,short-alias")
N("20m pr review met priya", dur=M(20), sv=CR, ps=[PRIYA], k="dur-m,persons,alias")
N("1u 45min bouwen aan hbe", dur=M(105), p=HBE, sv=DEV, k="dur-composite,short-alias,cue-aan")
N("3,5 uur dwh migratie met kevin en bas", dur=H(3.5), p=DWH, ps=[KEVIN, BAS], k="dur-decimal,multi-person,alias")
N("halfuur admin", dur=M(30), p=ADM, k="dur-words,alias")
N("6 uur boekhouding 😩", dur=H(6), p=ADM, k="dur-plain,emoji,alias")
N("een kwartier standup", dur=M(15), sv=SU, k="dur-words")
N("4u uitrol routeplanner naar productie", dur=H(4), p=RP, sv=DEP, k="dur-u,alias")
N("2 uur en 10 minuten testen hbe", dur=M(130), p=HBE, sv=TST, k="dur-composite")
N("1 uur 20 min dev zp", dur=M(80), p=ZP, sv=DEV, k="dur-composite,short-alias")
N("1h30m onderzoek caching quill", dur=M(90), p=QR, sv=RES, k="dur-hXX,alias")
N("een uur getest op de afval app", dur=H(1), p=AFV, sv=TST, k="dur-words,cue-op,alias")
N("3u ontwerp i3", dur=H(3), p=I3, sv=DES, k="dur-u,short-alias")
N("35 minuten handleiding zorgplanner", dur=M(35), p=ZP, sv=DOC, k="dur-min")
N("1,25u kdash review", dur=M(75), p=KD, sv=CR, k="dur-decimal,short-alias")

# --- clock ranges and clock words
N("van 9 tot half 12 burgerportaal ontwerp", s=wh(9), e=half(12), p=BP, sv=DES, k="range,nl-clock-words")
N("9u-11u zorgplanner dev", s=wh(9), e=wh(11), p=ZP, sv=DEV, k="range,range-u")
N("14.00-15.30 overleg met femke en daan over vlootbeheer", d=TODAY, s=hm(14), e=hm(15, 30), p=VB, sv=OVL,
  ps=[FEMKE, DAAN], k="range,range-dots,multi-person")
N("gisteren 8-12 dwh", d=YDAY, s=wh(8), e=wh(12), p=DWH, k="range,dash-range,date-yesterday")
N("van 2 tot 4 testen afval app", s=wh(2), e=wh(4), p=AFV, sv=TST, k="range,working-hours")
N("van 11 tot 1 intake formulier", s=wh(11), e=wh(1), p=PI, k="range,working-hours,alias")
N("13:15-14:45 call met noor", s=hm(13, 15), e=hm(14, 45), sv=OVL, ps=[NOOR], k="range,persons")
N("10-2 kennisbank docs schrijven", s=wh(10), e=wh(2), p=KB, sv=DOC, k="range,dash-range,working-hours")
N("ma 9-17 hackathon 2026", d=wd("ma"), s=wh(9), e=hm(17), p=HACK, k="range,dash-range,weekday-abbr,digits-in-name")
N("di 12-1 lunch meeting sales", d=wd("di"), s=wh(12), e=wh(1), p=SAL, sv=OVL, k="range,dash-range,weekday-abbr,working-hours")
N("vanmiddag van 1 tot 2 reader app testen", s=part(1, 0, "afternoon"), e=part(2, 0, "afternoon"), p=QR, sv=TST,
  k="range,day-part,date-today")
N("gisteravond van 8 tot 10 release milk run portal", d=YDAY, s=part(8, 0, "evening"), e=part(10, 0, "evening"),
  p=MRP, sv=DEP, k="range,day-part,date-yesterday,multiword-name")
N("eergisteren 's avonds 7-9 storing burgerportaal", d=EERGISTEREN, s=part(7, 0, "evening"), e=part(9, 0, "evening"),
  p=BP, sv=SUP, k="range,day-part,date-eergisteren")
N("vanochtend 7-9 spike op dwh", s=part(7, 0, "morning"), e=part(9, 0, "morning"), p=DWH, sv=RES, k="range,day-part,cue-op")
N("'s ochtends van 6 tot 8 deploy vloot", s=part(6, 0, "morning"), e=part(8, 0, "morning"), p=VB, sv=DEP,
  k="range,day-part-override")
N("vrijdag van kwart over 3 tot 5 overleg zorgplanner", d=wd("vrijdag"), s=wh(3, 15), e=wh(5), p=ZP, sv=OVL,
  k="range,nl-clock-words,weekday")
N("di van kwart voor 9 tot tien over half 11 testen quill", d=wd("di"), s=wh(8, 45), e=wh(10, 40), p=QR, sv=TST,
  k="range,nl-clock-words,weekday-abbr")
N("van vijf voor half 10 tot 12 bouwen burgerportaal", s=wh(9, 25), e=wh(12), p=BP, sv=DEV, k="range,nl-clock-words")
N("om 10 uur 2 uur vergaderd over afvalkalender", s=hm(10), dur=H(2), p=AFV, sv=OVL, k="start+duration")
N("gisteren tot 17:00 nog anderhalf uur aan de routeplanner", d=YDAY, e=hm(17), dur=H(1.5), p=RP,
  k="end+duration,date-yesterday,cue-aan")
N("om 9 uur dagstart", s=wh(9), sv=SU, k="lone-start")
N("vanaf 13u30 2,5 uur design rebrand", s=hm(13, 30), dur=H(2.5), p=PW, sv=DES, k="start+duration,clock-u")
N("van half 2 tot kwart voor 4 keystone dashboard review", s=half(2), e=wh(3, 45), p=KD, sv=CR,
  k="range,nl-clock-words")
N("wo 8u-10u30 burgerportaal", d=wd("wo"), s=hm(8), e=hm(10, 30), p=BP, k="range,range-u,weekday-today-included")
N("do 9:00-11:30 ontwerp mrp", d=wd("do"), s=hm(9), e=hm(11, 30), p=MRP, sv=DES, k="range,weekday-abbr,short-alias")
N("half 3 tot 5 vloot support", s=half(3), e=wh(5), p=VB, sv=SUP, k="range,nl-clock-words")
N("om kwart over 3 begonnen, 45 min support", s=wh(3, 15), dur=M(45), sv=SUP, k="start+duration,nl-clock-words")
N("om 1:30 overleg met tom", s=wh(1, 30), sv=OVL, ps=[TOM], k="lone-start,working-hours,persons")
N("gisteren 12-1 lunch&learn kennisbank", d=YDAY, s=wh(12), e=wh(1), p=KB, k="range,dash-range,working-hours")
N("11-12 review intranet", s=wh(11), e=wh(12), p=I3, sv=CR, k="range,dash-range-not-date")
N("van 08:30 tot 12:00 support vlootbeheer", s=hm(8, 30), e=hm(12), p=VB, sv=SUP, k="range")
N("gisteren van 13u tot 17u30 subsidietool", d=YDAY, s=hm(13), e=hm(17, 30), p=GS, k="range,clock-u,date-yesterday")
N("tussen 10 en 12 workshop intake", s=wh(10), e=wh(12), p=PI, sv=CON, k="range,range-tussen")
N("om 14u 1 uur call met liam", s=hm(14), dur=H(1), sv=OVL, ps=[LIAM], k="start+duration,clock-u,persons")
N("gisteravond 9-11 storing dwh", d=YDAY, s=part(9, 0, "evening"), e=part(11, 0, "evening"), p=DWH, sv=SUP,
  k="range,day-part,date-yesterday")

# --- dates
N("maandag 3u zorgplanner", d=wd("maandag"), dur=H(3), p=ZP, k="weekday")
N("op dinsdag 2 uur testen", d=wd("dinsdag"), dur=H(2), sv=TST, k="weekday")
N("woensdag 1u dev intranet", d=wd("woensdag"), dur=H(1), p=I3, sv=DEV, k="weekday-today-included")
N("afgelopen woensdag 4u dwh", d=last("woensdag"), dur=H(4), p=DWH, k="last-weekday")
N("vorige woensdag 2,5u routeplanner", d=last("woensdag"), dur=H(2.5), p=RP, k="last-weekday")
N("afgelopen maandag 1,5u overleg vloot", d=last("maandag"), dur=H(1.5), p=VB, sv=OVL, k="last-weekday")
N("vorige week dinsdag 6 uur hackathon", d=lastweek("dinsdag"), dur=H(6), p=HACK, k="lastweek-weekday")
N("dinsdag vorige week 3u design pinewood", d=lastweek("dinsdag"), dur=H(3), p=PW, sv=DES, k="lastweek-weekday")
N("vorige week maandag 1u overleg", d=lastweek("maandag"), dur=H(1), sv=OVL, k="lastweek-weekday")
N("vorige week wo 2u review mrp", d=lastweek("wo"), dur=H(2), p=MRP, sv=CR, k="lastweek-weekday,weekday-abbr")
N("vr 2u deploy hbe", d=wd("vr"), dur=H(2), p=HBE, sv=DEP, k="weekday-abbr")
N("za 3 uur incident burgerportaal 😬", d=wd("za"), dur=H(3), p=BP, sv=SUP, k="weekday-abbr,emoji")
N("zo 1u storing", d=wd("zo"), dur=H(1), sv=SUP, k="weekday-abbr")
N("eergisteren 5u milkrun", d=EERGISTEREN, dur=H(5), p=MRP, k="date-eergisteren")
N("gisteren 7,5 uur afvalkalender", d=YDAY, dur=H(7.5), p=AFV, k="date-yesterday,dur-decimal")
N("3 dagen geleden 2u review", d=ago(3), dur=H(2), sv=CR, k="days-ago")
N("2 dagen geleden anderhalf uur met marloes aan de kennisbank", d=ago(2), dur=H(1.5), p=KB, ps=[MARLOES],
  k="days-ago,persons,dur-words")
N("27-10 4u dwh migratie", d=dm(27, 10), dur=H(4), p=DWH, k="numeric-date,dash-date-invalid-hour")
N("12-06 3u burgerportaal", d=dm(12, 6), dur=H(3), p=BP, k="numeric-date,dash-date-zero-padded")
N("15-11 2u subsidietool", d=dm(15, 11), dur=H(2), p=GS, k="numeric-date,dash-date-implausible-range")
N("12-10 2u afvalkalender", d=dm(12, 10), dur=H(2), p=AFV, k="numeric-date,dash-date-implausible-range")
N("2-1 3u hackathon", d=dm(2, 1), dur=H(3), p=HACK, k="numeric-date,dash-date-implausible-range")
N("3/12 1,5u advies stichting groenlicht", d=dm(3, 12), dur=H(1.5), p=GS, sv=CON,
  k="numeric-date,no-year-previous-year,client-selects-project",
  note="3/12 = 3 December (day first); most recent such date is in the previous year")
N("3 dec 2u quill reader app", d=dm(3, 12), dur=H(2), p=QR, k="month-name-date,no-year-previous-year")
N("2 nov 6u hackathon", d=dm(2, 11), dur=H(6), p=HACK, k="month-name-date")
N("16 november 2u intake", d=dm(16, 11), dur=H(2), p=PI, k="month-name-date")
N("2026-11-05 3u sales", d=ymd(2026, 11, 5), dur=H(3), p=SAL, k="iso-date")
N("05.11.2026 1u documentatie intranet", d=ymd(2026, 11, 5), dur=H(1), p=I3, sv=DOC, k="numeric-date-full")
N("27/10/2026 2u uitrol mrp", d=ymd(2026, 10, 27), dur=H(2), p=MRP, sv=DEP, k="numeric-date-full")
N("donderdag 11-6 van 13:00 tot 16:30 vlootbeheer", d=dm(11, 6), s=hm(13), e=hm(16, 30), p=VB,
  k="numeric-date,dash-date-other-range,range")
N("morgen 2u workshop intake", d=TOMORROW, dur=H(2), p=PI, sv=CON, k="date-tomorrow")
N("komende vrijdag 3u release zorgplanner", d=nxt("vrijdag"), dur=H(3), p=ZP, sv=DEP, k="next-weekday")
N("volgende maandag 1u planning", d=nxt("maandag"), dur=H(1), sv=PM, k="next-weekday")
N("vanochtend 1u daily en retro", dur=H(1), sv=SU, k="date-today")
N("vandaag 8u hackathon", dur=H(8), p=HACK, k="date-today")
N("1 november 4u dwh", d=dm(1, 11), dur=H(4), p=DWH, k="month-name-date")
N("30-9 1u admin", d=dm(30, 9), dur=H(1), p=ADM, k="numeric-date,dash-date-invalid-hour")
N("17 mei 2u burgerportaal", d=dm(17, 5), dur=H(2), p=BP, k="month-name-date")
N("op 3 december 1u workshop", d=dm(3, 12), dur=H(1), sv=CON, k="month-name-date,no-year-previous-year")

# --- persons
N("2u met sanne en joris aan vlootbeheer", dur=H(2), p=VB, ps=[SANNE, JORIS], k="multi-person,cue-aan")
N("samen met priya 3u programmeren routeplanner", dur=H(3), p=RP, sv=DEV, ps=[PRIYA], k="persons,samen-met")
N("1u call met tom, femke en daan", dur=H(1), sv=OVL, ps=[TOM, FEMKE, DAAN], k="multi-person")
N("met bas & kevin 2,5u dwh", dur=H(2.5), p=DWH, ps=[BAS, KEVIN], k="multi-person,ampersand")
N("45m review met Liam", dur=M(45), sv=CR, ps=[LIAM], k="persons,dur-m")
N("1u overleg met Sanne de Wit", dur=H(1), sv=OVL, ps=[SANNE], k="persons,full-name")
N("met kevin mulder en noor 2u workshop", dur=H(2), sv=CON, ps=[KEVIN, NOOR], k="multi-person,full-name")
N("1u sparren met emma", dur=H(1), ps=[EMMA], k="persons")
N("standup met ruben, loes en jb 15 min", dur=M(15), sv=SU, ps=[RUBEN, MARLOES, JORIS], k="multi-person,short-alias")
N("gisteren met daan en fem de intake doorgelopen 2u", d=YDAY, dur=H(2), p=PI, ps=[DAAN, FEMKE],
  k="multi-person,short-alias,date-yesterday")
N("2u aan merel app met jesse", dur=H(2), p="Merel", ps=[JESSE], k="persons,alias")
N("1u overleg met merel over de zorgplanner", dur=H(1), p=ZP, sv=OVL, ps=[MEREL], k="persons,cue-met,person-vs-project,nolint")
N("3u aan merel", dur=H(3), p="Merel", k="cue-aan,person-vs-project")

# --- near-miss typos (one edit, names of 5+ letters)
N("2u met jorris aan vloot", dur=H(2), p=VB, ps=[JORIS], k="typo-name,persons")
N("meeting met femk 30 min", dur=M(30), sv=OVL, ps=[FEMKE], k="typo-name,persons")
N("met marlous 1u planning", dur=H(1), sv=PM, ps=[MARLOES], k="typo-name,persons")
N("2u routeplaner", dur=H(2), p=RP, k="typo-project")
N("1,5u burgerportal", dur=H(1.5), p=BP, k="typo-project")
N("3u zorgplaner testen", dur=H(3), p=ZP, sv=TST, k="typo-project")
N("1u documentaie kennisbank", dur=H(1), p=KB, sv=DOC, k="typo-service")
N("2u kennisbnk", dur=H(2), p=KB, k="typo-project")
N("hackaton 4u", dur=H(4), p=HACK, k="typo-project,duration-last")
N("1u vergadring met sanne", dur=H(1), sv=OVL, ps=[SANNE], k="typo-service,persons")
N("2u afvalkalendr", dur=H(2), p=AFV, k="typo-project")

# --- remarks / noise around the entry
N("fyi gisteren 3u vlootbeheer", d=YDAY, dur=H(3), p=VB, k="remark-before")
N("sorry laat: ma 2u support burgerportaal", d=wd("ma"), dur=H(2), p=BP, sv=SUP, k="remark-before,weekday-abbr")
N("btw vrijdag nog 1,5u aan de intake gezeten", d=wd("vrijdag"), dur=H(1.5), p=PI, k="remark-before,weekday")
N("2u routeplanner - eindelijk af 🎉", dur=H(2), p=RP, k="remark-after,emoji")
N("thx! 1u review milkrun", dur=H(1), p=MRP, sv=CR, k="remark-before")
N("(remote) 9-17 dwh migratie", s=wh(9), e=hm(17), p=DWH, k="remark-before,range")
N("!!! 3u storing burgerportaal, ging helemaal mis", dur=H(3), p=BP, sv=SUP, k="remark-after")
N("oeps vergeten: eergisteren 1u overleg met sanne", d=EERGISTEREN, dur=H(1), sv=OVL, ps=[SANNE],
  k="remark-before,date-eergisteren")
N("ok 45 min docs zorgplanner 👍", dur=M(45), p=ZP, sv=DOC, k="remark-before,emoji")
N("2u rebrand (klant was blij)", dur=H(2), p=PW, k="remark-after")
N("graag 1u op kennisbank zetten", dur=H(1), p=KB, k="remark-before,cue-op")
N("pff.. 6u dev zorgplanner, morgen verder", dur=H(6), p=ZP, sv=DEV, k="remark-after",
  note="'morgen' in a trailing remark is not the entry date")
N("heb gisteren 2 uur aan burgerportaal gewerkt (thuis)", d=YDAY, dur=H(2), p=BP, k="full-sentence,remark-after")
N("Vandaag 4 uur aan de routeplanner gewerkt.", dur=H(4), p=RP, k="full-sentence,capitalised")

# --- bot mentions / slash commands
N("/uren 2u routeplanner dev", dur=H(2), p=RP, sv=DEV, k="slash-command")
N("/log gisteren 9-12 burgerportaal", d=YDAY, s=wh(9), e=wh(12), p=BP, k="slash-command,range")
N("@urenbot 1,5u afvalkalender testen", dur=H(1.5), p=AFV, sv=TST, k="bot-mention")
N("/tijd 45m standup", dur=M(45), sv=SU, k="slash-command")
N("@tijdbot vorige week donderdag 4u hackathon", d=lastweek("donderdag"), dur=H(4), p=HACK,
  k="bot-mention,lastweek-weekday")

# --- tags
N("2u burgerportaal #sprint12 #bugfix", dur=H(2), p=BP, k="tag")
N("#overuren gisteren 8-20 dwh", d=YDAY, s=wh(8), e=hm(20), p=DWH, k="tag,range")
N("1u review #pr812 intranet", dur=H(1), p=I3, sv=CR, k="tag")

# --- numbers that are not durations
N("sprint 42 planning 1u zorgplanner", dur=H(1), p=ZP, sv=PM, k="digits-not-duration")
N("ticket #4711 1,5u support vlootbeheer", dur=H(1.5), p=VB, sv=SUP, k="digits-not-duration,tag")
N("2 bugs gefixt in reader app 40 min", dur=M(40), p=QR, k="digits-not-duration")
N("versie 2.3 uitgerold, 1u deploy milkrun", dur=H(1), p=MRP, sv=DEP, k="digits-not-duration")
N("intranet 3.0 2u ontwerp", dur=H(2), p=I3, sv=DES, k="digits-in-name")
N("hackathon 2026 dag 2: 6u", dur=H(6), p=HACK, k="digits-in-name,digits-not-duration")

# --- client name selects the client's single active project
N("2u northwind", dur=H(2), p=MRP, k="client-selects-project,client-alias,inactive-sibling")
N("1u olijfboom support", dur=H(1), p=WO, sv=SUP, k="client-selects-project,client-alias")
N("3u quillfeather press", dur=H(3), p=QR, k="client-selects-project")
N("northwind dairy 1,5u overleg", dur=H(1.5), p=MRP, sv=OVL, k="client-selects-project")
N("1u voor bakkerij olijfboom", dur=H(1), p=WO, k="client-selects-project,cue-voor")

# --- SHOULD be uncertain (ambiguous or too little to go on)
N("vorige week 3u zorgplanner", dur=H(3), p=ZP, unc=U(["date"], "'vorige week' names no day"),
  k="vague-date")
N("2u vandermeer", dur=H(2), unc=U(["project"], "client has two active projects", project=[PROJ[RP], PROJ[VB]]),
  k="client-multiple-projects")
N("1u intern overleg", dur=H(1), sv=OVL, unc=U(["project"], "client Intern has several active projects"),
  k="client-multiple-projects")
N("3u merel", dur=H(3), unc=U(["project", "persons"], "'merel' is both a project and a person, no cue",
                               project=[PROJ["Merel"]], persons=[MEREL]), k="person-vs-project")
N("1u met jessi", dur=H(1), unc=U(["persons"], "one edit from both Jesse and Jessy", persons=[JESSE, JESSY]),
  k="typo-two-candidates")
N("2-3 uur dwh", p=DWH, unc=U(["duration", "start", "end"], "'2-3 uur' is an estimate span, not a clock range"),
  k="ambiguous-duration")
N("een uurtje of 2 keystone", unc=U(["duration", "project"], "vague duration; client with two projects",
                                    project=[PROJ[PI], PROJ[KD]]), k="ambiguous-duration,client-multiple-projects")
N("laatst 2u burgerportaal", dur=H(2), p=BP, unc=U(["date"], "'laatst' names no day"), k="vague-date")
N("begin deze week 3u rebrand", dur=H(3), p=PW, unc=U(["date"], "'begin deze week' is Monday or Tuesday"),
  k="vague-date")
N("de 2e 3u afvalkalender", dur=H(3), p=AFV, unset=["date"],
  unc=U(["date"], "day of month without month: not settled by the conventions"), k="day-of-month-only")
N("harbor 2u", dur=H(2), unc=U(["project"], "client Harbor & Pine has two active projects",
                               project=[PROJ[PW], PROJ[HBE]]), k="client-multiple-projects")
N("lindendal 1u", dur=H(1), unc=U(["project"], "client Gemeente Lindendal has two active projects",
                                  project=[PROJ[BP], PROJ[AFV]]), k="client-multiple-projects")
N("1u legacy site", dur=H(1), unset=["project"],
  unc=U(["project"], "only match is an inactive project", project=[PROJ["Northwind Legacy Site"]]),
  k="inactive-project")
N("week 46 10u dwh", dur=H(10), p=DWH, unc=U(["date"], "a week number names no day"),
  k="vague-date")
N("een paar uur aan de routeplanner", p=RP, unc=U(["duration"], "'een paar uur' is no amount"),
  k="ambiguous-duration")
N("ergens vorige week met bas de intake doorgenomen", p=PI, ps=[BAS],
  unc=U(["date", "duration"], "no day, no duration"), k="vague-date,too-little")
N("ma of di 2u testen", dur=H(2), sv=TST, unc=U(["date"], "two days named", date=[wd("ma").isoformat(), wd("di").isoformat()]),
  k="two-dates")
N("1u standup en planning zorgplanner", dur=H(1), p=ZP,
  unc=U(["service"], "two services named", service=[SERV[SU], SERV[PM]]), k="two-services")
N("2u routeplanner en vlootbeheer", dur=H(2),
  unc=U(["project"], "two projects named", project=[PROJ[RP], PROJ[VB]]), k="two-projects")
N("gewerkt", unc=U(["duration", "project"], "nothing to go on"), k="too-little")
N("zelfde als gisteren", unc=U(["duration", "date", "project"], "refers to an earlier entry"), k="too-little")

# ====================================================================== ENGLISH
# --- duration notations
E("2.5h routeplanner dev", dur=H(2.5), p=RP, sv=DEV, k="dur-decimal")
E("1.5 hrs code review milk run portal", dur=H(1.5), p=MRP, sv=CR, k="dur-decimal,multiword-name")
E("45m docs intranet", dur=M(45), p=I3, sv=DOC, k="dur-m,alias")
E("1h15m testing afval app", dur=M(75), p=AFV, sv=TST, k="dur-hXXm,alias")
E("an hour and a half on the reader app", dur=H(1.5), p=QR, k="dur-words,cue-on")
E("half an hour helpdesk burgerportaal", dur=M(30), p=BP, sv=SUP, k="dur-words")
E("quarter of an hour daily", dur=M(15), sv=SU, k="dur-words")
E("three quarters of an hour research dwh", dur=M(45), p=DWH, sv=RES, k="dur-words")
E("2 hours 15 minutes wireframes pinewood", dur=M(135), p=PW, sv=DES, k="dur-composite")
E("1hr call with sanne", dur=H(1), sv=OVL, ps=[SANNE], k="dur-hr,persons")
E("3 hrs deploy hbe", dur=H(3), p=HBE, sv=DEP, k="dur-hrs,short-alias")
E("20 min review w/ priya", dur=M(20), sv=CR, ps=[PRIYA], k="dur-min,persons")
E("1:30h design rebrand", dur=M(90), p=PW, sv=DES, k="dur-colon")
E("an hour on kb", dur=H(1), p=KB, k="dur-words,cue-on,short-alias")
E("4h hackathon 2026", dur=H(4), p=HACK, k="dur-h,digits-in-name")
E("2h45 dev vloot", dur=M(165), p=VB, sv=DEV, k="dur-hXX")
E("5 mins quick fix quill", dur=M(5), p=QR, k="dur-mins")
E("0.5h support olijfboom", dur=M(30), p=WO, sv=SUP, k="dur-decimal,client-selects-project,client-alias")
E("worked 2 hours on the intake form", dur=H(2), p=PI, k="full-sentence,multiword-alias,cue-on")
E("1 hour 40 minutes testing zp", dur=M(100), p=ZP, sv=TST, k="dur-composite,short-alias")
E("90min standup zorgplanner", dur=M(90), p=ZP, sv=SU, k="dur-min")
E("2h30m spike booking engine", dur=M(150), p=HBE, sv=RES, k="dur-hXXm,multiword-alias")
E("1,5h wiki cleanup", dur=H(1.5), p=KB, k="dur-decimal-comma")
E("a quarter of an hour planning", dur=M(15), sv=PM, k="dur-words")
E("half an hour qa on the olijf shop", dur=M(30), p=WO, sv=TST, k="dur-words,multiword-alias")
E("3.75h datawarehouse", dur=M(225), p=DWH, k="dur-decimal")
E("15 minutes daily", dur=M(15), sv=SU, k="dur-minutes")
E("1 hour and 5 minutes ux sales deck", dur=M(65), p=SAL, sv=DES, k="dur-composite")

# --- clock ranges
E("yesterday 9-11:30 code review milkrun", d=YDAY, s=wh(9), e=wh(11, 30), p=MRP, sv=CR, k="range,dash-range,date-yesterday")
E("from 9am to 12:30pm burgerportaal design", s=am(9), e=pm(12, 30), p=BP, sv=DES, k="range,am-pm")
E("2pm-4pm meeting keystone dashboard", s=pm(2), e=pm(4), p=KD, sv=OVL, k="range,am-pm")
E("between 10 and 12 workshop stichting groenlicht", s=wh(10), e=wh(12), p=GS, sv=CON, k="range,range-between,client-selects-project")
E("monday 2-5 testing intranet", d=wd("monday"), s=wh(2), e=wh(5), p=I3, sv=TST, k="range,dash-range,weekday,working-hours")
E("from 10 for 2 hours research dwh", s=wh(10), dur=H(2), p=DWH, sv=RES, k="start+duration")
E("yesterday until 5pm, the last 2 hours support zorgplanner", d=YDAY, e=pm(5), dur=H(2), p=ZP, sv=SUP,
  k="end+duration,date-yesterday")
E("at 9 standup 15min", s=wh(9), dur=M(15), sv=SU, k="start+duration")
E("at 3 call with joris", s=wh(3), sv=OVL, ps=[JORIS], k="lone-start,working-hours,persons")
E("12pm-1:30pm lunch meeting sales", s=pm(12), e=pm(1, 30), p=SAL, sv=OVL, k="range,am-pm,12pm")
E("8:30-10 review", s=hm(8, 30), e=wh(10), sv=CR, k="range")
E("1-3 testing reader app", s=wh(1), e=wh(3), p=QR, sv=TST, k="range,dash-range,working-hours")
E("10-2 dev routeplanner", s=wh(10), e=wh(2), p=RP, sv=DEV, k="range,dash-range,working-hours")
E("yesterday evening 8-10 incident burgerportaal", d=YDAY, s=part(8, 0, "evening"), e=part(10, 0, "evening"), p=BP, sv=SUP,
  k="range,day-part,date-yesterday")
E("this morning 7:45-9 daily + mails", s=hm(7, 45), e=part(9, 0, "morning"), sv=SU, k="range,day-part,date-today")
E("this afternoon 1 to 2:15 design pinewood", s=part(1, 0, "afternoon"), e=part(2, 15, "afternoon"), p=PW, sv=DES,
  k="range,day-part,date-today")
E("tue from half past two to quarter to four meeting with femke", d=wd("tue"), s=wh(2, 30), e=wh(3, 45), sv=OVL,
  ps=[FEMKE], k="range,en-clock-words,weekday-abbr,persons")
E("wed 9.00-12.00 dwh", d=wd("wed"), s=hm(9), e=hm(12), p=DWH, k="range,range-dots,weekday-today-included")
E("thursday 13:00 - 17:30 hackathon", d=wd("thursday"), s=hm(13), e=hm(17, 30), p=HACK, k="range,weekday")
E("fri half three to five release hbe", d=wd("fri"), s=wh(3, 30), e=wh(5), p=HBE, sv=DEP,
  k="range,en-clock-words,british-half,weekday-abbr", note="British 'half three' = 3:30 -> 15:30")
E("9 till 11 planning sprint 7", s=wh(9), e=wh(11), sv=PM, k="range,digits-not-duration")
E("11 to 1 pairing w kevin on routeplanner", s=wh(11), e=wh(1), p=RP, ps=[KEVIN], k="range,working-hours,persons,cue-on")
E("yesterday 2:30 pm to 4 pm docs kb", d=YDAY, s=pm(2, 30), e=pm(4), p=KB, sv=DOC, k="range,am-pm")
E("from 2 p.m. for 90 min workshop intake", s=pm(2), dur=M(90), p=PI, sv=CON, k="start+duration,am-pm-dots")
E("in the morning 6-8 deploy vloot", s=part(6, 0, "morning"), e=part(8, 0, "morning"), p=VB, sv=DEP,
  k="range,day-part-override")
E("at 2:30 pm 45m call with emma", s=pm(2, 30), dur=M(45), sv=OVL, ps=[EMMA], k="start+duration,am-pm,persons")
E("mon 7-8 admin", d=wd("mon"), s=wh(7), e=wh(8), p=ADM, k="range,dash-range,weekday-abbr")
E("yesterday 11am-3pm subsidietool", d=YDAY, s=am(11), e=pm(3), p=GS, k="range,am-pm,date-yesterday")
E("from 1 till quarter past 4 testing quill", s=wh(1), e=wh(4, 15), p=QR, sv=TST, k="range,en-clock-words,working-hours")
E("at half past nine standup", s=wh(9, 30), sv=SU, k="lone-start,en-clock-words")
E("from 9 until 10 for the helpdesk", s=wh(9), e=wh(10), sv=SUP, k="range")
E("yesterday from 9.30 for 3h dwh", d=YDAY, s=hm(9, 30), dur=H(3), p=DWH, k="start+duration,date-yesterday")

# --- dates
E("mon 3h routeplanner", d=wd("mon"), dur=H(3), p=RP, k="weekday-abbr")
E("on tue 2h testing", d=wd("tue"), dur=H(2), sv=TST, k="weekday-abbr")
E("wednesday 1h review intranet", d=wd("wednesday"), dur=H(1), p=I3, sv=CR, k="weekday-today-included")
E("last wednesday 4h dwh", d=last("wednesday"), dur=H(4), p=DWH, k="last-weekday")
E("last monday 2h planning", d=last("monday"), dur=H(2), sv=PM, k="last-weekday")
E("last thu 1.5h meeting vloot", d=last("thu"), dur=H(1.5), p=VB, sv=OVL, k="last-weekday,weekday-abbr")
E("tuesday last week 6h hackathon", d=lastweek("tuesday"), dur=H(6), p=HACK, k="lastweek-weekday")
E("monday last week 1h meeting", d=lastweek("monday"), dur=H(1), sv=OVL, k="lastweek-weekday")
E("thu last week 2h design", d=lastweek("thu"), dur=H(2), sv=DES, k="lastweek-weekday,weekday-abbr")
E("wednesday last week 3h afvalkalender", d=lastweek("wednesday"), dur=H(3), p=AFV, k="lastweek-weekday")
E("yesterday 7.5h afvalkalender", d=YDAY, dur=H(7.5), p=AFV, k="date-yesterday")
E("the day before yesterday 3h milkrun", d=EERGISTEREN, dur=H(3), p=MRP, k="date-day-before-yesterday")
E("2 days ago 1h call with noor", d=ago(2), dur=H(1), sv=OVL, ps=[NOOR], k="days-ago,persons")
E("5 days ago 4h dwh", d=ago(5), dur=H(4), p=DWH, k="days-ago")
E("3 nov 2h quill", d=dm(3, 11), dur=H(2), p=QR, k="month-name-date")
E("nov 12 3h sales", d=dm(12, 11), dur=H(3), p=SAL, k="month-name-date")
E("dec 3rd 2h burgerportaal", d=dm(3, 12), dur=H(2), p=BP, k="month-name-date,no-year-previous-year")
E("the 3rd of november 4h hackathon", d=dm(3, 11), dur=H(4), p=HACK, k="month-name-date")
E("november 16th 1h daily", d=dm(16, 11), dur=H(1), sv=SU, k="month-name-date")
E("3/12 1h workshop stichting groenlicht", d=dm(3, 12), dur=H(1), p=GS, sv=CON,
  k="numeric-date,no-year-previous-year,day-first-in-english", note="day first in English too: 3 December")
E("27/10 2h deploy mrp", d=dm(27, 10), dur=H(2), p=MRP, sv=DEP, k="numeric-date")
E("2026-11-10 3h research", d=ymd(2026, 11, 10), dur=H(3), sv=RES, k="iso-date")
E("10.11.2026 2h docs intranet", d=ymd(2026, 11, 10), dur=H(2), p=I3, sv=DOC, k="numeric-date-full")
E("sat 2h incident burgerportaal", d=wd("sat"), dur=H(2), p=BP, sv=SUP, k="weekday-abbr")
E("sunday 1h support", d=wd("sunday"), dur=H(1), sv=SUP, k="weekday")
E("tomorrow 2h workshop intake", d=TOMORROW, dur=H(2), p=PI, sv=CON, k="date-tomorrow")
E("next friday 3h release zorgplanner", d=nxt("friday"), dur=H(3), p=ZP, sv=DEP, k="next-weekday")
E("next monday 1h planning", d=nxt("monday"), dur=H(1), sv=PM, k="next-weekday")
E("today 8h hackathon", dur=H(8), p=HACK, k="date-today")
E("14-11 3h dwh", d=dm(14, 11), dur=H(3), p=DWH, k="numeric-date,dash-date-implausible-range")
E("17-06 4h sales", d=dm(17, 6), dur=H(4), p=SAL, k="numeric-date,dash-date-zero-padded")
E("31-8 1h admin", d=dm(31, 8), dur=H(1), p=ADM, k="numeric-date,dash-date-invalid-hour")
E("wed 3-6 from 9 to 12 vlootbeheer", d=dm(3, 6), s=wh(9), e=wh(12), p=VB,
  k="numeric-date,dash-date-other-range,range")
E("on the 3rd of december 2h research", d=dm(3, 12), dur=H(2), sv=RES, k="month-name-date,no-year-previous-year")
E("september 30 1h sales", d=dm(30, 9), dur=H(1), p=SAL, k="month-name-date")
E("3 days ago 2h review", d=ago(3), dur=H(2), sv=CR, k="days-ago")
E("this afternoon 2h testing afval app", dur=H(2), p=AFV, sv=TST, k="date-today,day-part-no-time")

# --- persons
E("2h with sanne and joris on vlootbeheer", dur=H(2), p=VB, ps=[SANNE, JORIS], k="multi-person,cue-on")
E("1h meeting w/ tom, femke and daan", dur=H(1), sv=OVL, ps=[TOM, FEMKE, DAAN], k="multi-person")
E("with bas & kevin 3h dwh", dur=H(3), p=DWH, ps=[BAS, KEVIN], k="multi-person,ampersand")
E("call with Liam O'Connor 30 min", dur=M(30), sv=OVL, ps=[LIAM], k="persons,full-name,apostrophe")
E("paired with priya for 2 hrs on routeplanner", dur=H(2), p=RP, ps=[PRIYA], k="persons,cue-on")
E("1h sync with marloes and emma", dur=H(1), ps=[MARLOES, EMMA], k="multi-person")
E("with kevin mulder 1.5h code review", dur=H(1.5), sv=CR, ps=[KEVIN], k="persons,full-name")
E("1h call with ruben and noor re intake", dur=H(1), p=PI, sv=OVL, ps=[RUBEN, NOOR], k="multi-person")
E("45 min with daan", dur=M(45), ps=[DAAN], k="persons")
E("standup w/ the team 15m", dur=M(15), sv=SU, k="persons-none")
E("helped jesse with the kdash for 40m", dur=M(40), p=KD, ps=[JESSE], k="persons-no-cue,short-alias")
E("1h pairing with jessy on merel app", dur=H(1), p="Merel", ps=[JESSY], k="persons,multiword-alias")
E("30m call with merel about the zorgplanner", dur=M(30), p=ZP, sv=OVL, ps=[MEREL], k="persons,person-vs-project,cue-with,nolint")
E("2h on merel", dur=H(2), p="Merel", k="cue-on,person-vs-project")
E("qa with tommy and loes 2h burger portaal", dur=H(2), p=BP, sv=TST, ps=[TOM, MARLOES], k="multi-person,short-alias")

# --- near-miss typos
E("2h routeplaner", dur=H(2), p=RP, k="typo-project")
E("1h reviw intranet", dur=H(1), p=I3, sv=CR, k="typo-service")
E("3h hackaton", dur=H(3), p=HACK, k="typo-project")
E("1h call with marlooes", dur=H(1), sv=OVL, ps=[MARLOES], k="typo-name,persons")
E("2h documenation intranet", dur=H(2), p=I3, sv=DOC, k="typo-service")
E("1h burgerportaall", dur=H(1), p=BP, k="typo-project")
E("45m wth priyaa", dur=M(45), ps=[PRIYA], k="typo-name")
E("2h zorgplannr testing", dur=H(2), p=ZP, sv=TST, k="typo-project")
E("1h pinewod", dur=H(1), p=PW, k="typo-project")

# --- remarks / noise
E("fyi yesterday 3h vlootbeheer", d=YDAY, dur=H(3), p=VB, k="remark-before")
E("sorry late - mon 2h support burgerportaal", d=wd("mon"), dur=H(2), p=BP, sv=SUP, k="remark-before,weekday-abbr")
E("btw fri 1.5h on intake", d=wd("fri"), dur=H(1.5), p=PI, k="remark-before,cue-on")
E("2h routeplanner - finally done 🎉", dur=H(2), p=RP, k="remark-after,emoji")
E("thx 1h review milkrun", dur=H(1), p=MRP, sv=CR, k="remark-before")
E("(remote) 9-5 dwh migratie", s=wh(9), e=wh(5), p=DWH, k="remark-before,range,working-hours")
E("ugh 3h incident burgerportaal, prod was down", dur=H(3), p=BP, sv=SUP, k="remark-after")
E("forgot to log: day before yesterday 1h meeting with sanne", d=EERGISTEREN, dur=H(1), sv=OVL, ps=[SANNE],
  k="remark-before,date-day-before-yesterday")
E("ok 45min docs zp 👍", dur=M(45), p=ZP, sv=DOC, k="remark-before,emoji")
E("2h rebrand (client happy)", dur=H(2), p=PW, k="remark-after")
E("pls log 1h on kb", dur=H(1), p=KB, k="remark-before,cue-on")
E("Spent 3 hours on the Routeplanner today.", dur=H(3), p=RP, k="full-sentence,capitalised")
E("lol 6h dev zorgplanner, back tomorrow", dur=H(6), p=ZP, sv=DEV, k="remark-after",
  note="'tomorrow' in a trailing remark is not the entry date")
E("just did 1h of wireframes for pinewood :)", dur=H(1), p=PW, sv=DES, k="remark,cue-for")

# --- bot / slash
E("/log 2h routeplanner dev", dur=H(2), p=RP, sv=DEV, k="slash-command")
E("/time yesterday 9-12 burgerportaal", d=YDAY, s=wh(9), e=wh(12), p=BP, k="slash-command,range")
E("@timebot 1.5h afval app testing", dur=H(1.5), p=AFV, sv=TST, k="bot-mention")
E("/track 45m standup", dur=M(45), sv=SU, k="slash-command")
E("@hourbot last week thursday 4h hackathon", d=lastweek("thursday"), dur=H(4), p=HACK,
  k="bot-mention,lastweek-weekday", note="'last week thursday' read as 'thursday last week'")
E("/log 30m @kdash", dur=M(30), p=KD, k="slash-command,cue-at")

# --- tags
E("2h burgerportaal #sprint12 #bugfix", dur=H(2), p=BP, k="tag")
E("#overtime yesterday 8-20 dwh", d=YDAY, s=wh(8), e=hm(20), p=DWH, k="tag,range")
E("1h review #pr812 intranet", dur=H(1), p=I3, sv=CR, k="tag")

# --- numbers that are not durations
E("sprint 42 planning 1h zp", dur=H(1), p=ZP, sv=PM, k="digits-not-duration")
E("ticket #4711 1.5h support vloot", dur=H(1.5), p=VB, sv=SUP, k="digits-not-duration,tag")
E("fixed 2 bugs in reader app 40 min", dur=M(40), p=QR, k="digits-not-duration")
E("v2.3 out, 1h deploy milkrun", dur=H(1), p=MRP, sv=DEP, k="digits-not-duration")
E("intranet 3.0 2h design", dur=H(2), p=I3, sv=DES, k="digits-in-name")
E("hackathon 2026 day 2: 6h", dur=H(6), p=HACK, k="digits-in-name,digits-not-duration")

# --- client selects project
E("2h northwind", dur=H(2), p=MRP, k="client-selects-project,client-alias,inactive-sibling")
E("1h support for olijfboom", dur=H(1), p=WO, sv=SUP, k="client-selects-project,client-alias,cue-for")
E("3h for quillfeather press", dur=H(3), p=QR, k="client-selects-project")
E("northwind dairy 1.5h meeting", dur=H(1.5), p=MRP, sv=OVL, k="client-selects-project")

# --- SHOULD be uncertain
E("last week 3h zorgplanner", dur=H(3), p=ZP, unc=U(["date"], "'last week' names no day"), k="vague-date")
E("2h vandermeer", dur=H(2), unc=U(["project"], "client has two active projects", project=[PROJ[RP], PROJ[VB]]),
  k="client-multiple-projects")
E("1h intern meeting", dur=H(1), sv=OVL, unc=U(["project"], "client Intern has several active projects"),
  k="client-multiple-projects")
E("3h merel", dur=H(3), unc=U(["project", "persons"], "'merel' is both a project and a person, no cue",
                              project=[PROJ["Merel"]], persons=[MEREL]), k="person-vs-project")
E("1h with jessi", dur=H(1), unc=U(["persons"], "one edit from both Jesse and Jessy", persons=[JESSE, JESSY]),
  k="typo-two-candidates")
E("2-3 hours dwh", p=DWH, unc=U(["duration", "start", "end"], "'2-3 hours' is an estimate span"),
  k="ambiguous-duration")
E("a couple of hours keystone", unc=U(["duration", "project"], "vague duration; client with two projects",
                                      project=[PROJ[PI], PROJ[KD]]), k="ambiguous-duration,client-multiple-projects")
E("the other day 2h burgerportaal", dur=H(2), p=BP, unc=U(["date"], "'the other day' names no day"), k="vague-date")
E("earlier this week 3h rebrand", dur=H(3), p=PW, unc=U(["date"], "names no day"), k="vague-date")
E("the 2nd 3h afval app", dur=H(3), p=AFV, unset=["date"],
  unc=U(["date"], "day of month without month: not settled by the conventions"), k="day-of-month-only")
E("harbor 2h", dur=H(2), unc=U(["project"], "client Harbor & Pine has two active projects",
                               project=[PROJ[PW], PROJ[HBE]]), k="client-multiple-projects")
E("1h legacy site", dur=H(1), unset=["project"],
  unc=U(["project"], "only match is an inactive project", project=[PROJ["Northwind Legacy Site"]]),
  k="inactive-project")
E("a few hours on routeplanner", p=RP, unc=U(["duration"], "'a few hours' is no amount"), k="ambiguous-duration")
E("mon or tue 2h testing", dur=H(2), sv=TST,
  unc=U(["date"], "two days named", date=[wd("mon").isoformat(), wd("tue").isoformat()]), k="two-dates")
E("90 mins standup + planning zorgplanner", dur=M(90), p=ZP,
  unc=U(["service"], "two services named", service=[SERV[SU], SERV[PM]]), k="two-services")
E("09-11 2h review", s=wh(9), e=wh(11), sv=CR, k="dash-range,dash-range-not-date",
  note="per the dash rule (second part not zero-padded, both valid hours, plausible, no other clock time) "
       "this is 09:00-11:00 today, although a human might read 9 November")
E("last night 2h incident dwh", dur=H(2), p=DWH, sv=SUP,
  unc=U(["date"], "'last night' is not in the conventions; yesterday evening or after midnight"),
  k="vague-date")
E("week 46 10h dwh", dur=H(10), p=DWH, unc=U(["date"], "a week number names no day"), k="vague-date")
E("worked on stuff", unc=U(["duration", "project"], "nothing to go on"), k="too-little")
E("same as yesterday", unc=U(["duration", "date", "project"], "refers to an earlier entry"), k="too-little")
E("2h routeplanner and vlootbeheer", dur=H(2), unc=U(["project"], "two projects named",
                                                   project=[PROJ[RP], PROJ[VB]]), k="two-projects")


# ====================================================================== self-checks
def fold(s):
    s = unicodedata.normalize("NFKD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c))


def one_edit(a, b):
    """Are `a` and `b` one insertion, deletion or substitution apart (the conventions' near miss)?"""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, longer = sorted((a, b), key=len)
    return len(longer) - len(short) == 1 and any(longer[:i] + longer[i + 1:] == short
                                                 for i in range(len(longer)))


ENT = []  # (surface, kind, id)
for p in CAT["projects"]:
    for a in [p["name"]] + p.get("aliases", []):
        ENT.append((fold(a), "project", p["id"]))
for s in CAT["services"]:
    for a in [s["name"]] + s.get("aliases", []):
        ENT.append((fold(a), "service", s["id"]))
for p in CAT["people"]:
    for a in [p["name"]] + p.get("aliases", []):
        ENT.append((fold(a), "persons", p["name"]))
for c in CAT["clients"]:
    act = [p["id"] for p in CAT["projects"] if p.get("client_id") == c["id"] and p.get("active", True)]
    for a in [c["name"]] + c.get("aliases", []):
        ENT.append((fold(a), "client", tuple(act)))
ENT.sort(key=lambda x: -len(x[0]))


def scan(text):
    """exact longest-first matches + one-edit near misses; tags removed"""
    t = re.sub(r"#\S+", lambda m: " " * len(m.group()), fold(text))
    taken = [False] * len(t)
    hits = []
    for surf, kind, ident in ENT:
        for m in re.finditer(r"(?<![\w])" + re.escape(surf) + r"(?![\w])", t):
            if any(taken[m.start():m.end()]):
                continue
            for i in range(m.start(), m.end()):
                taken[i] = True
            hits.append((m.start(), kind, ident, "exact"))
    for m in re.finditer(r"[a-z]+", t):
        if any(taken[m.start():m.end()]) or len(m.group()) < 4:
            continue
        for surf, kind, ident in ENT:
            if " " not in surf and len(surf) >= 5 and one_edit(m.group(), surf):
                hits.append((m.start(), kind, ident, "near"))
    hits.sort()
    return hits


problems = []
ids = set()
stats = {}
for lang, prefix in (("nl", "nl-h3-"), ("en", "en-h3-")):
    for i, rec in enumerate(CASES[lang], 1):
        rec["id"] = f"{prefix}{i:03d}"
        assert rec["id"] not in ids
        ids.add(rec["id"])
        ex = rec["expect"]
        tag = f'{rec["id"]} {rec["text"]!r}'
        # structure
        assert set(ex) <= set(FIELDS), tag
        if "unsettled" not in rec and "uncertain" not in rec:
            assert set(ex) == set(FIELDS), tag
        # dates parse, times parse, range arithmetic
        if ex.get("date"):
            dt.date.fromisoformat(ex["date"])
        if ex.get("start") and ex.get("end") and ex.get("duration") is not None \
                and diff(ex["start"], ex["end"]) != ex["duration"]:
            problems.append(f"{tag}: duration != end - start")
        if ex.get("duration") is not None and not (0 < ex["duration"] <= 12 * 3600):
            problems.append(f"{tag}: duration out of range {ex['duration']}")
        # catalog references
        if ex.get("project") is not None:
            assert ex["project"] in PROJ.values(), tag
        if ex.get("service") is not None:
            assert ex["service"] in SERV.values(), tag
        for n in ex.get("persons", []):
            assert n in PEOPLE, tag
        # lint: what the names in the text would select vs. what we expect
        if "nolint" in rec["kinds"]:
            rec["kinds"].remove("nolint")
            continue
        hits = scan(rec["text"])
        got = {"project": set(), "service": set(), "persons": []}
        for _, kind, ident, _how in hits:
            if kind == "client":
                if len(ident) == 1:
                    got["project"].add(ident[0])
                else:
                    got["project"].add(("ambiguous-client",) + ident)
            elif kind == "persons":
                if ident not in got["persons"]:
                    got["persons"].append(ident)
            else:
                got[kind].add(ident)
        for f in ("project", "service"):
            if f in ex:
                want = {ex[f]} if ex[f] is not None else set()
                if got[f] != want:
                    problems.append(f"{tag}: {f} lint saw {got[f]} want {want}")
        if "persons" in ex and got["persons"] != ex["persons"]:
            problems.append(f"{tag}: persons lint saw {got['persons']} want {ex['persons']}")

# no phrase twice within a locale
for lang in CASES:
    texts = [fold(r["text"]) for r in CASES[lang]]
    dup = [t for t, n in Counter(texts).items() if n > 1]
    if dup:
        problems.append(f"{lang}: duplicate phrases {dup}")

# independent re-check of the date helpers
for name, idx in WD.items():
    a, b, c, n = wd(name), last(name), lastweek(name), nxt(name)
    assert a.weekday() == b.weekday() == c.weekday() == n.weekday() == idx
    assert 0 <= (TODAY - a).days <= 6 and 1 <= (TODAY - b).days <= 7 and 1 <= (n - TODAY).days <= 7
    assert c.isocalendar()[1] == (TODAY - days(7)).isocalendar()[1]
assert wd("wo") == TODAY and last("wo") == TODAY - days(7)
assert dm(3, 12) == dt.date(2025, 12, 3) and dm(18, 11) == TODAY

for lang in ("nl", "en"):
    with open(os.path.join(HERE, f"{lang}.jsonl"), "w", encoding="utf-8") as fh:
        for rec in CASES[lang]:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")

kinds = Counter(k for lang in CASES for r in CASES[lang] for k in r["kinds"])
print(f"nl: {len(CASES['nl'])}  en: {len(CASES['en'])}  total: {len(CASES['nl']) + len(CASES['en'])}")
print("uncertain:", {lang: sum('uncertain' in r for r in CASES[lang]) for lang in CASES})
if "-v" in sys.argv:
    for k, v in sorted(kinds.items(), key=lambda x: (-x[1], x[0])):
        print(f"  {v:3d} {k}")
if problems:
    print("SELF-CHECK PROBLEMS:")
    for p in problems:
        print("  " + p)
    sys.exit(1)
print("self-check ok")
