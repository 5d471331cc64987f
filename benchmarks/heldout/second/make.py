#!/usr/bin/env python3
"""Generate the second held-out suite (nl.jsonl, en.jsonl): 343 phrases written on 2026-12-07 by someone who
had not seen the corpus, the grammar or the parser.

Every expected date is computed here from NOW with datetime, using the rules of
spec/conventions.md.  Every expected duration of a range is checked
against end - start.  A lint pass matches each text against corpus/catalog.json (exact
name/alias hits and one-edit near misses) and reports disagreements with the labels.

Usage: python3 make.py          (writes nl.jsonl, en.jsonl, prints stats + lint)
"""
import datetime as dt
import json
import os
import re
import unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
NOW_STR = "2026-11-18T14:30:00+01:00"          # the reference "now" of conventions.md's case format
NOW = dt.datetime.fromisoformat(NOW_STR)
TODAY = NOW.date()
OMIT = object()                                  # field not labelled (not settled by the conventions)
WD = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


# ---------------------------------------------------------------- date rules
def date_of(spec):
    """spec -> ISO date, following conventions.md 'Dates'."""
    if spec is OMIT:
        return OMIT
    if spec == "today":                      # no date / vandaag / this morning ...
        return TODAY.isoformat()
    m = re.fullmatch(r"([+-]\d+)", spec)     # gisteren = -1, eergisteren = -2, morgen = +1, N dagen geleden
    if m:
        return (TODAY + dt.timedelta(days=int(m.group(1)))).isoformat()
    kind, _, arg = spec.partition(":")
    if kind == "wd":                         # bare weekday: most recent such day, today included
        back = (TODAY.weekday() - WD[arg]) % 7
        return (TODAY - dt.timedelta(days=back)).isoformat()
    if kind == "last":                       # afgelopen/vorige X, last X: strictly before today
        back = (TODAY.weekday() - WD[arg]) % 7 or 7
        return (TODAY - dt.timedelta(days=back)).isoformat()
    if kind == "lw":                         # X vorige week / X last week: X of the previous ISO week
        monday_this = TODAY - dt.timedelta(days=TODAY.weekday())
        return (monday_this - dt.timedelta(days=7) + dt.timedelta(days=WD[arg])).isoformat()
    if kind == "next":                       # komende/volgende X, next X: first X strictly after today
        fwd = (WD[arg] - TODAY.weekday()) % 7 or 7
        return (TODAY + dt.timedelta(days=fwd)).isoformat()
    if kind == "md":                         # day+month, no year: most recent such date, today included
        mo, d = map(int, arg.split("-"))
        cand = dt.date(TODAY.year, mo, d)
        if cand > TODAY:
            cand = dt.date(TODAY.year - 1, mo, d)
        return cand.isoformat()
    if kind == "abs":                        # a date with its year, given day-first or ISO in the text
        return dt.date.fromisoformat(arg).isoformat()
    raise ValueError(spec)


def H(x):
    return int(round(x * 3600))


def M(x):
    return int(round(x * 60))


def mins(hhmm):
    h, m = map(int, hhmm.split(":"))
    return h * 60 + m


def hhmm(n):
    return f"{n // 60 % 24:02d}:{n % 60:02d}"


# ---------------------------------------------------------------- the phrases
# P(text, date=..., s=start, e=end, dur=seconds, proj=id, svc=id, pers=[names], k=kinds)
# Defaults: no date in phrase -> today; no clock time -> start/end null;
# project/service null and persons [] unless named.  OMIT = not labelled.
CASES = {"nl": [], "en": []}
_cur = None


def lang(code):
    global _cur
    _cur = code


def P(text, date="today", s=None, e=None, dur=OMIT, proj=None, svc=None, pers=(), k=()):
    # a start plus a duration gives the end; an end plus a duration gives the start
    if s is not None and e is None and dur not in (OMIT, None) and "lone" not in k:
        e = hhmm(mins(s) + dur // 60)
    if e is not None and s is None and dur not in (OMIT, None):
        s = hhmm(mins(e) - dur // 60)
    if s is not None and e is not None:
        span = (mins(e) - mins(s)) * 60
        if "midnight" in k:
            span %= 86400
        if dur is OMIT:
            dur = span
        assert dur == span, (text, dur, span)
    CASES[_cur].append(dict(text=text, date=date, s=s, e=e, dur=dur, proj=proj, svc=svc,
                            pers=list(pers) if pers is not OMIT else OMIT, k=list(k)))


# ================================================================ DUTCH
lang("nl")
# -- Slack / chat lines
P("@timebot 45m standup timi", dur=M(45), proj=47, svc=7, k=["slack", "dur-m"])
P("ok logging: 1,5u overleg met Sanne en Daan", dur=H(1.5), svc=4, pers=["Sanne", "Daan"], k=["slack", "dur-comma", "persons"])
P("@timebot gisteren 3u webshop bugfixen", date="-1", dur=H(3), proj=52, svc=11, k=["slack", "rel-date"])
P("hoi bot, zet maar 2 uur op de webwinkel voor vandaag", dur=H(2), proj=52, k=["slack", "alias"])
P("kun je 1u30 schrijven op migratie? thx", dur=M(90), proj=56, k=["slack", "dur-u-min", "remark"])
P("log: 20 min stand-up", dur=M(20), svc=7, k=["slack", "dur-min"])
P("/uren 4u Configurator ontwerp", dur=H(4), proj=54, svc=5, k=["slack"])
P("timebot: eergisteren 6 uur programmeren aan de Nieuwe Website", date="-2", dur=H(6), proj=53, svc=1, k=["slack", "rel-date", "multiword-name"])
P("@timebot vanochtend van 9 tot 12 klantportaal support 👍", s="09:00", e="12:00", proj=59, svc=6, k=["slack", "daypart", "range", "emoji"])
P("graag 1,5 uur op intranet 2.0, review met Jeroen", dur=H(1.5), proj=55, svc=3, pers=["Jeroen"], k=["slack", "digits-in-name", "persons"])
P("hey @timebot, kun je voor mij 2u klantenportaal loggen van gisteren? 🙏", date="-1", dur=H(2), proj=59, k=["slack", "rel-date", "emoji", "alias"])
P("ik heb vanmiddag 1,5 uur met Jeroen aan de migratie gezeten", dur=H(1.5), proj=56, pers=["Jeroen"], k=["sentence", "daypart-date", "persons"])
P("timi 3u", dur=H(3), proj=47, k=["terse"])
P("Timing: 2u overleg met Memo", dur=H(2), proj=57, svc=4, pers=["Memo"], k=["terse", "similar-names"])
P("Eergisteren: 3u Dashboard.", date="-2", dur=H(3), proj=61, k=["rel-date", "punct"])
# -- odd duration notations
P("1u15 testen webshop", dur=M(75), proj=52, svc=2, k=["dur-u-min"])
P("anderhalf uur vergadering Gemeente Zeist over de migratie", dur=H(1.5), proj=56, svc=4, k=["dur-words", "client-multi"])
P("kwartier overleg met Kaatje", dur=M(15), svc=4, pers=["Kaat"], k=["dur-words", "alias", "persons"])
P("half uurtje docs bijgewerkt voor de wiki", dur=M(30), proj=66, svc=8, k=["dur-words", "alias"])
P("9.30-11 standup + planning tango", s="09:30", e="11:00", proj=47, svc=7, k=["range-dash", "clock-dot"])
P("9u-11u crm koppeling gebouwd", s="09:00", e="11:00", proj=62, k=["range-dash", "clock-u", "multiword-name"])
P("vandaag tot 17h nog anderhalf uur aan de zonnecalc", e="17:00", dur=H(1.5), proj=60, k=["end+dur", "clock-h", "dur-words"])
P("'s middags van 1 tot 3 meeting met Anne Marie", s="13:00", e="15:00", svc=4, pers=["Anne-Marie"], k=["daypart", "range", "alias"])
P("van 2 tot half 4 design nieuwsbrief", s="14:00", e="15:30", proj=70, svc=5, k=["range", "clock-words", "working-hours"])
P("1h30 dev chatbot", dur=M(90), proj=71, svc=1, k=["dur-h-min"])
P("90m code review portal", dur=M(90), proj=50, svc=3, k=["dur-m", "alias"])
P("1.5h uitrol vacaturesite", dur=H(1.5), proj=69, svc=10, k=["dur-point"])
P("drie kwartier bugfix crèche planner", dur=M(45), proj=68, svc=11, k=["dur-words", "accent"])
P("Creche planner 2u testen", dur=H(2), proj=68, svc=2, k=["missing-accent"])
P("een uurtje overleg met Jose", dur=H(1), svc=4, pers=["José"], k=["dur-words", "missing-accent", "persons"])
P("1 uur en een kwartier documentatie kennisbank", dur=M(75), proj=66, svc=8, k=["dur-composite"])
P("2u15 ontwerp mobiele app", dur=M(135), proj=58, svc=5, k=["dur-u-min", "alias"])
P("0,75u standup", dur=M(45), svc=7, k=["dur-comma"])
P("45 min support de spaak", dur=M(45), proj=58, svc=6, k=["client-single", "dur-min"])
P("3 uur voor Acme", dur=H(3), proj=50, k=["client-single"])
P("2 uur Tijdwijzer overleg", dur=H(2), proj=57, svc=4, k=["client-single"])
P("1,5u vacatures voor Uitzendbureau Flex", dur=H(1.5), proj=69, k=["client-single"])
P("Kinderopvang Zonnetje: 2,5 uur programmeren", dur=H(2.5), proj=68, svc=1, k=["client-single", "dur-comma"])
P("een half uur stadnup", dur=M(30), svc=OMIT, k=["typo", "dur-words"])
P("twee uur overleg", dur=H(2), svc=4, k=["dur-words"])
P("1:30 support", dur=M(90), svc=6, k=["dur-colon"])
P("0:45 standup", dur=M(45), svc=7, k=["dur-colon"])
P("2h15m ontwerp", dur=M(135), svc=5, k=["dur-composite"])
P("1 uur 20 min testen", dur=M(80), svc=2, k=["dur-composite"])
P("35 minuten bugfixen", dur=M(35), svc=11, k=["dur-min"])
P("5 min deploy", dur=M(5), svc=10, k=["dur-min"])
P("7,25 uur administratie", dur=H(7.25), proj=64, k=["dur-comma", "alias"])
P("2,5 uur", dur=H(2.5), k=["bare-duration"])
P("3u", dur=H(3), k=["bare-duration"])
P("een uur", dur=H(1), k=["bare-duration", "dur-words"])
P("3,5u css webshop", dur=H(3.5), proj=52, svc=1, k=["dur-comma", "alias"])
P("een kwartiertje stand-up met Daan", dur=M(15), svc=7, pers=["Daan"], k=["dur-words", "persons"])
P("intranet 2.0 3 uur", dur=H(3), proj=55, k=["digits-in-name"])
# -- remarks after the entry, punctuation, emoji
P("gisteren 2u webshop testen (vergeten gisteren)", date="-1", dur=H(2), proj=52, svc=2, k=["remark", "rel-date"])
P("1,5 uur overleg met Erik – was eigenlijk korter", dur=H(1.5), svc=4, pers=["Erik"], k=["remark", "persons"])
P("3u coden aan tango thx!", dur=H(3), proj=47, svc=1, k=["remark", "alias", "punct"])
P("eergisteren 4 uur bugfixen klantenportaal, sorry voor de late invoer", date="-2", dur=H(4), proj=59, svc=11, k=["remark", "rel-date"])
P("2 uur dev op dashboard (schatting)", dur=H(2), proj=61, svc=1, k=["remark"])
P("van 10 tot 12 overleg met Lisa en Bram, ging over sprint 42", s="10:00", e="12:00", svc=4, pers=["Lisa", "Bram"], k=["remark", "range", "number-text", "persons"])
P("1u test intranet 2.0 — alleen de inlogpagina", dur=H(1), proj=55, svc=2, k=["remark", "digits-in-name"])
P("1,5u standup!!", dur=H(1.5), svc=7, k=["punct"])
P("2u bugfixen webwinkel 🐛", dur=H(2), proj=52, svc=11, k=["emoji", "alias"])
P("4 uur overleg Zorggroep Oost...", dur=H(4), proj=OMIT, svc=4, k=["punct", "client-multi"])
P("2 uur ontwerp klantportaal ✅", dur=H(2), proj=59, svc=5, k=["emoji"])
P("1u support webshop, klant belde 3x 😅", dur=H(1), proj=52, svc=6, k=["emoji", "remark"])
# -- typos, casing, accents
P("gisteren 2 uur gewekrt aan webshop", date="-1", dur=H(2), proj=52, k=["typo"])
P("VANDAAG 3U DEV TIMI", dur=H(3), proj=47, svc=1, k=["caps"])
P("1,5 uur overlg met Sanne", dur=H(1.5), svc=OMIT, pers=["Sanne"], k=["typo", "persons"])
P("anderhalf uur met anne-marie aan de creche planner", dur=H(1.5), proj=68, pers=["Anne-Marie"], k=["missing-accent", "lowercase", "persons"])
P("Twee Uur Overleg Met SOPHIE", dur=H(2), svc=4, pers=["Sophie"], k=["caps", "dur-words"])
P("vandag 1u documentatie", dur=H(1), svc=8, k=["typo"])
P("gisteren 6u programeren zonnepanelen calculator", date="-1", dur=H(6), proj=60, svc=OMIT, k=["typo", "rel-date", "multiword-name"])
P("2u DEPLOY vacaturesite", dur=H(2), proj=69, svc=10, k=["caps"])
P("1u overleg met JOSÉ en kaatje", dur=H(1), svc=4, pers=["José", "Kaat"], k=["caps", "persons", "alias"])
# -- relative dates, weekdays
P("eergisteren 2u overleg met Rowan", date="-2", dur=H(2), svc=4, pers=["Rowan"], k=["rel-date"])
P("vorige week dinsdag 3 uur testen webshop", date="lw:tue", dur=H(3), proj=52, svc=2, k=["weekday-lastweek"])
P("dinsdag vorige week 1,5u review met Memo", date="lw:tue", dur=H(1.5), svc=3, pers=["Memo"], k=["weekday-lastweek"])
P("afgelopen vrijdag 4u migratie", date="last:fri", dur=H(4), proj=56, k=["weekday-last"])
P("vorige woensdag 2 uur stand-up en planning", date="last:wed", dur=H(2), svc=7, k=["weekday-last", "weekday-today-excluded"])
P("woensdag 2 uur ontwerp nieuwsbrief", date="wd:wed", dur=H(2), proj=70, svc=5, k=["weekday", "weekday-today"])
P("maandag 8 uur aan de configurator", date="wd:mon", dur=H(8), proj=54, k=["weekday"])
P("ma 3u dev portal", date="wd:mon", dur=H(3), proj=50, svc=1, k=["weekday-abbr"])
P("vr 2u support klantportaal", date="wd:fri", dur=H(2), proj=59, svc=6, k=["weekday-abbr"])
P("op donderdag 1u overleg intern", date="wd:thu", dur=H(1), proj=65, svc=4, k=["weekday", "alias"])
P("zondag nog 1 uur deploy gedaan vacaturesite", date="wd:sun", dur=H(1), proj=69, svc=10, k=["weekday"])
P("3 dagen geleden 2,5 uur bugfixen", date="-3", dur=H(2.5), svc=11, k=["days-ago"])
P("2 dagen geleden een kwartier standup", date="-2", dur=M(15), svc=7, k=["days-ago", "dur-words"])
P("vorige week maandag 7 uur data migratie", date="lw:mon", dur=H(7), proj=56, k=["weekday-lastweek", "multiword-name"])
P("zaterdag vorige week nog 2u aan de chatbot", date="lw:sat", dur=H(2), proj=71, k=["weekday-lastweek"])
P("volgende maandag 1u overleg met Daan (alvast)", date="next:mon", dur=H(1), svc=4, pers=["Daan"], k=["weekday-next", "remark"])
P("morgen 1,5u meeting met Kaat", date="+1", dur=H(1.5), svc=4, pers=["Kaat"], k=["tomorrow"])
P("komende vrijdag 3 uur uitrol webshop", date="next:fri", dur=H(3), proj=52, svc=10, k=["weekday-next"])
P("gisteravond van 8 tot 10 bugfixen mobiele app", date="-1", s="20:00", e="22:00", proj=58, svc=11, k=["daypart", "range", "rel-date"])
P("vanavond 7-9 deploy timi", s="19:00", e="21:00", proj=47, svc=10, k=["daypart", "range-dash"])
P("vanmiddag 1-3 overleg met Jeroen", s="13:00", e="15:00", svc=4, pers=["Jeroen"], k=["daypart", "range-dash"])
P("vanochtend 8-12 coden aan de webwinkel", s="08:00", e="12:00", proj=52, svc=1, k=["daypart", "range-dash"])
P("gisteren 8-12 review chatbot", date="-1", s="08:00", e="12:00", proj=71, svc=3, k=["range-dash", "rel-date"])
P("vorige week vrijdag van 13 tot 17 uitrol crm", date="lw:fri", s="13:00", e="17:00", proj=62, svc=10, k=["weekday-lastweek", "range"])
P("di 9-12 projectleiding Nieuwe Website", date="wd:tue", s="09:00", e="12:00", proj=53, svc=9, k=["weekday-abbr", "range-dash"])
P("afgelopen maandag van 10 tot 11 projectmanagement", date="last:mon", s="10:00", e="11:00", svc=9, k=["weekday-last", "range"])
P("zo 2u wiki bijgewerkt", date="wd:sun", dur=H(2), proj=66, k=["weekday-abbr", "alias"])
P("do 14:00-16:30 design vacaturesite", date="wd:thu", s="14:00", e="16:30", proj=69, svc=5, k=["weekday-abbr", "range-dash"])
P("gisteren 2u support (vergeten te loggen, sorry)", date="-1", dur=H(2), svc=6, k=["remark", "rel-date"])
P("Vorige Week Dinsdag 1u Standup", date="lw:tue", dur=H(1), svc=7, k=["caps", "weekday-lastweek"])
# -- explicit dates
P("27-10-2026 3u webshop", date="abs:2026-10-27", dur=H(3), proj=52, k=["date-dmy"])
P("12/11/2026 2 uur overleg met Sanne", date="abs:2026-11-12", dur=H(2), svc=4, pers=["Sanne"], k=["date-dmy"])
P("03.11.2026 4u migratie", date="abs:2026-11-03", dur=H(4), proj=56, k=["date-dmy"])
P("2026-11-05 1,5u docs kennisbank", date="abs:2026-11-05", dur=H(1.5), proj=66, svc=8, k=["date-iso"])
P("3 november 2u ontwerp configurator", date="md:11-03", dur=H(2), proj=54, svc=5, k=["date-month-name"])
P("3 nov 2u support", date="md:11-03", dur=H(2), svc=6, k=["date-month-name"])
P("12 december 4u uitrol portal", date="md:12-12", dur=H(4), proj=50, svc=10, k=["date-month-name", "year-rollback"])
P("1 jan 2u administratie", date="md:01-01", dur=H(2), proj=64, k=["date-month-name"])
P("2 december 3u boekhouding", date="md:12-02", dur=H(3), proj=64, k=["date-month-name", "year-rollback"])
P("18 november 1u overleg", date="md:11-18", dur=H(1), svc=4, k=["date-month-name", "date-today-included"])
P("19 nov 2u testen", date="md:11-19", dur=H(2), svc=2, k=["date-month-name", "year-rollback"])
P("op 14-11 anderhalf uur aan de chatbot", date="md:11-14", dur=H(1.5), proj=71, k=["dash-date", "implausible-range"])
P("12-06 3 uur nieuwe website", date="md:06-12", dur=H(3), proj=53, k=["dash-date", "zero-padded"])
P("27-3 2u overleg", date="md:03-27", dur=H(2), svc=4, k=["dash-date", "no-valid-hour"])
P("5-10 van 9:00 tot 12:30 dev crm", date="md:10-05", s="09:00", e="12:30", proj=62, svc=1, k=["dash-date", "other-range"])
P("20-3 1u documentatie", date="md:03-20", dur=H(1), svc=8, k=["dash-date", "implausible-range"])
# -- dash ranges that stay clock ranges
P("9-11 review tango", s="09:00", e="11:00", proj=47, svc=3, k=["range-dash"])
P("10-12 meeting met José", s="10:00", e="12:00", svc=4, pers=["José"], k=["range-dash"])
P("1-3 support webshop", s="13:00", e="15:00", proj=52, svc=6, k=["range-dash", "working-hours"])
P("8-5 aan het intranet 2.0", s="08:00", e="17:00", proj=55, k=["range-dash", "working-hours"])
P("11-1 overleg met de klant", s="11:00", e="13:00", svc=4, k=["range-dash", "working-hours"])
# -- clock times
P("om 10 uur standup", s="10:00", e=None, dur=None, svc=7, k=["lone-start", "lone"])
P("om 9 uur 3 uur gewerkt aan de webwinkel", s="09:00", dur=H(3), proj=52, k=["start+dur"])
P("vanaf 13u30 2 uur testen", s="13:30", dur=H(2), svc=2, k=["start+dur", "clock-u"])
P("van 14u30 tot 16u review portal", s="14:30", e="16:00", svc=3, proj=50, k=["range", "clock-u"])
P("van 9 tot half 11 overleg", s="09:00", e="10:30", svc=4, k=["range", "clock-words"])
P("van kwart over 3 tot 5 support", s="15:15", e="17:00", svc=6, k=["range", "clock-words", "working-hours"])
P("van half 9 tot kwart voor 12 coden", s="08:30", e="11:45", svc=1, k=["range", "clock-words"])
P("van tien over half drie tot 4 bugfix timi", s="14:40", e="16:00", proj=47, svc=11, k=["range", "clock-words", "working-hours"])
P("van vijf voor half 10 tot 11 overleg", s="09:25", e="11:00", svc=4, k=["range", "clock-words"])
P("'s ochtends van 6 tot 8 uitrol webshop", s="06:00", e="08:00", proj=52, svc=10, k=["daypart", "range"])
P("'s avonds van 7 tot 11 programmeren aan de chatbot", s="19:00", e="23:00", proj=71, svc=1, k=["daypart", "range"])
P("van 11 tot 1 ontwerp nieuwsbrief", s="11:00", e="13:00", proj=70, svc=5, k=["range", "working-hours"])
P("van 12 tot 1 lunchmeeting met Erik", s="12:00", e="13:00", svc=OMIT, pers=["Erik"], k=["range", "working-hours"])
P("van 13:00 tot 17:15 crm", s="13:00", e="17:15", proj=62, k=["range", "alias"])
P("tot 17:00 nog 1,5 uur documentatie", e="17:00", dur=H(1.5), svc=8, k=["end+dur"])
P("om 14.30 overleg met Sanne", s="14:30", e=None, dur=None, svc=4, pers=["Sanne"], k=["lone-start", "lone", "clock-dot"])
P("vanaf 8 uur 4 uur gebouwd aan de configurator", s="08:00", dur=H(4), proj=54, k=["start+dur"])
P("14h30-16h30 review mobile app", s="14:30", e="16:30", proj=58, svc=3, k=["range-dash", "clock-h"])
P("van half drie tot half vijf ontwerp", s="14:30", e="16:30", svc=5, k=["range", "clock-words", "working-hours"])
P("'s middags van 12 tot 2 support", s="12:00", e="14:00", svc=6, k=["daypart", "range"])
P("van 9u tot 11u30 testen migratie", s="09:00", e="11:30", proj=56, svc=2, k=["range", "clock-u"])
P("gisteren om 8 uur 1u standup gedaan", date="-1", s="08:00", dur=H(1), svc=7, k=["start+dur", "rel-date"])
P("vanmiddag van half 2 tot 4 review met Daan en Sophie", s="13:30", e="16:00", svc=3, pers=["Daan", "Sophie"], k=["daypart", "range", "clock-words"])
P("van 8.45 tot 10.15 stand-up en overleg", s="08:45", e="10:15", svc=OMIT, k=["range", "clock-dot"])
# -- tags, numbers that stay text, persons
P("2u webshop #spoed", dur=H(2), proj=52, k=["tag"])
P("#klantwens 1,5u configurator ontwerp", dur=H(1.5), proj=54, svc=5, k=["tag"])
P("3 uur bugfixen #sprint12 tango", dur=H(3), proj=47, svc=11, k=["tag"])
P("1u overleg met Daan #planning", dur=H(1), svc=4, pers=["Daan"], k=["tag", "persons"])
P("45m standup #daily #team", dur=M(45), svc=7, k=["tag", "dur-m"])
P("2 bugs gefixt in de webshop, 1,5 uur", dur=H(1.5), proj=52, k=["number-text"])
P("ticket #1234 opgepakt, 2u dev", dur=H(2), svc=1, k=["number-text"])
P("versie 2.0 van de nieuwsbrief uitgerold, 1 uur", dur=H(1), proj=70, svc=OMIT, k=["number-text"])
P("sprint 42 planning 2 uur met Lisa", dur=H(2), pers=["Lisa"], k=["number-text", "persons"])
P("1u overleg met Sanne, Erik en Kaat", dur=H(1), svc=4, pers=["Sanne", "Erik", "Kaat"], k=["persons"])
P("samen met Annemarie en Rowan 2,5u review portal", dur=H(2.5), proj=50, svc=3, pers=["Anne-Marie", "Rowan"], k=["persons", "alias"])
P("pair programming met Bram 3u timi-app", dur=H(3), proj=47, svc=OMIT, pers=["Bram"], k=["persons", "alias"])
P("Sophie en ik 2u ontwerp klantportaal", dur=H(2), proj=59, svc=5, pers=["Sophie"], k=["persons"])
P("gister 2u support", date=OMIT, dur=H(2), svc=6, k=["colloquial-date"])
P("ff 10 min deploy gecheckt op de webwinkel", dur=M(10), proj=52, svc=10, k=["slack", "dur-min"])
P("Acme Portal: 6u development", dur=H(6), proj=50, svc=1, k=["multiword-name"])
P("Projectleiding Data Migratie 2 uur", dur=H(2), proj=56, svc=9, k=["multiword-name"])
P("3 uur Crèche Planner met Bram en Lisa #demo", dur=H(3), proj=68, pers=["Bram", "Lisa"], k=["tag", "persons", "accent"])
P("1u30 zonnecalc bugfix, ticket #88", dur=M(90), proj=60, svc=11, k=["dur-u-min", "number-text"])
P("afgelopen zondag 1 uur documentatie wiki", date="last:sun", dur=H(1), proj=66, svc=8, k=["weekday-last"])
P("za 4u uitrol roosterapp", date="wd:sat", dur=H(4), proj=63, svc=10, k=["weekday-abbr"])

# ================================================================ ENGLISH
lang("en")
# -- Slack / chat
P("@timebot 1.5h tango standup pls", dur=H(1.5), proj=47, svc=7, k=["slack", "dur-point", "alias"])
P("@timebot log 2h timi code review pls", dur=H(2), proj=47, svc=3, k=["slack"])
P("hey timebot, can you add 3h for Acme yesterday? thanks!", date="-1", dur=H(3), proj=50, k=["slack", "client-single", "rel-date"])
P("ok logging: 1.5h meeting with Daan", dur=H(1.5), svc=4, pers=["Daan"], k=["slack", "persons"])
P("/log 4h mobile app testing", dur=H(4), proj=58, svc=2, k=["slack", "multiword-name"])
P("@timebot: spent 2 hours on newsletter design yesterday 🎨", date="-1", dur=H(2), proj=70, svc=5, k=["slack", "emoji", "rel-date"])
P("quick one: 30m standup", dur=M(30), svc=7, k=["slack", "dur-m"])
P("timebot add 6h dev zonnecalc for monday", date="wd:mon", dur=H(6), proj=60, svc=1, k=["slack", "weekday"])
P("logged 3h on the portal", dur=H(3), proj=50, k=["sentence", "alias"])
P("2h dev on Webshop", dur=H(2), proj=52, svc=1, k=["terse"])
P("today: 2h support, Acme", dur=H(2), proj=50, svc=6, k=["client-single"])
P("hi! 45m on the wiki this morning", dur=M(45), proj=66, k=["slack", "daypart-date"])
P("pls log 20 min standup for me 🙏", dur=M(20), svc=7, k=["slack", "emoji"])
# -- relative dates, weekdays
P("yesterday 4h testing the newsletter", date="-1", dur=H(4), proj=70, svc=2, k=["rel-date"])
P("the day before yesterday 2.5h code review with Rowan", date="-2", dur=H(2.5), svc=3, pers=["Rowan"], k=["rel-date", "persons"])
P("last friday 6h on data migratie", date="last:fri", dur=H(6), proj=56, k=["weekday-last"])
P("tuesday last week 3 hours meeting with Sanne", date="lw:tue", dur=H(3), svc=4, pers=["Sanne"], k=["weekday-lastweek"])
P("last wednesday 1h standup", date="last:wed", dur=H(1), svc=7, k=["weekday-last", "weekday-today-excluded"])
P("wednesday 1h standup", date="wd:wed", dur=H(1), svc=7, k=["weekday", "weekday-today"])
P("on tue 2h support for the klantportaal", date="wd:tue", dur=H(2), proj=59, svc=6, k=["weekday-abbr"])
P("mon 9-12 development chatbot", date="wd:mon", s="09:00", e="12:00", proj=71, svc=1, k=["weekday-abbr", "range-dash"])
P("monday 2-5 design mobile app", date="wd:mon", s="14:00", e="17:00", proj=58, svc=5, k=["weekday", "range-dash", "working-hours"])
P("next tuesday 1h project management", date="next:tue", dur=H(1), svc=9, k=["weekday-next"])
P("tomorrow 2h deploy intranet 2.0", date="+1", dur=H(2), proj=55, svc=10, k=["tomorrow", "digits-in-name"])
P("2 days ago 45 mins review on crm", date="-2", dur=M(45), proj=62, svc=3, k=["days-ago"])
P("5 days ago 3h documentation for the wiki", date="-5", dur=H(3), proj=66, svc=8, k=["days-ago"])
P("today 8h configurator", dur=H(8), proj=54, k=["rel-date"])
P("last monday 8h on the intranet 2.0", date="last:mon", dur=H(8), proj=55, k=["weekday-last"])
P("last sunday 2h deploy", date="last:sun", dur=H(2), svc=10, k=["weekday-last"])
P("monday last week 4h migratie", date="lw:mon", dur=H(4), proj=56, k=["weekday-lastweek"])
P("friday last week 2h docs", date="lw:fri", dur=H(2), svc=8, k=["weekday-lastweek"])
P("thursday 3h testing", date="wd:thu", dur=H(3), svc=2, k=["weekday"])
P("sat 1h support", date="wd:sat", dur=H(1), svc=6, k=["weekday-abbr"])
P("on friday from 1 to 5 design", date="wd:fri", s="13:00", e="17:00", svc=5, k=["weekday", "range", "working-hours"])
P("next friday 2h project management", date="next:fri", dur=H(2), svc=9, k=["weekday-next"])
P("yesterday afternoon 2-4 review", date="-1", s="14:00", e="16:00", svc=3, k=["daypart", "range-dash"])
P("yesterday 8-12 dev on the configurator", date="-1", s="08:00", e="12:00", proj=54, svc=1, k=["range-dash", "rel-date"])
P("friday 9-11 standup", date="wd:fri", s="09:00", e="11:00", svc=7, k=["weekday", "range-dash"])
P("the day before yesterday from 10 to 12 meeting with Memo", date="-2", s="10:00", e="12:00", svc=4, pers=["Memo"], k=["rel-date", "range", "persons"])
P("3 days ago 2h bugfix", date="-3", dur=H(2), svc=11, k=["days-ago"])
P("last tuesday 13:00-15:30 testing webwinkel", date="last:tue", s="13:00", e="15:30", proj=52, svc=2, k=["weekday-last", "range-dash", "alias"])
P("wednesday last week 1h standup", date="lw:wed", dur=H(1), svc=7, k=["weekday-lastweek"])
P("tue 2h meeting", date="wd:tue", dur=H(2), svc=4, k=["weekday-abbr"])
P("Last Friday 3H Support Webshop", date="last:fri", dur=H(3), proj=52, svc=6, k=["caps", "weekday-last"])
P("on thu 1.5h review with Lisa", date="wd:thu", dur=H(1.5), svc=3, pers=["Lisa"], k=["weekday-abbr", "persons"])
P("sunday last week 2h docs for the kennisbank", date="lw:sun", dur=H(2), proj=66, svc=8, k=["weekday-lastweek"])
# -- day parts
P("this morning 9-11 bugfixing timing", s="09:00", e="11:00", proj=57, svc=11, k=["daypart", "range-dash", "similar-names"])
P("this afternoon from 1 to 3 meeting with Kaat and Lisa", s="13:00", e="15:00", svc=4, pers=["Kaat", "Lisa"], k=["daypart", "range", "persons"])
P("tonight 8-10 deploy webshop", s="20:00", e="22:00", proj=52, svc=10, k=["daypart", "range-dash"])
P("in the evening from 7 to 9 bugfix chatbot", s="19:00", e="21:00", proj=71, svc=11, k=["daypart", "range"])
P("in the morning from 6 to 8 deploy", s="06:00", e="08:00", svc=10, k=["daypart", "range"])
P("in the afternoon 1-4 testing", s="13:00", e="16:00", svc=2, k=["daypart", "range-dash"])
P("this morning from 7:30 to 9 docs", s="07:30", e="09:00", svc=8, k=["daypart", "range"])
P("this afternoon 2h deploy vacaturesite", dur=H(2), proj=69, svc=10, k=["daypart-date"])
# -- explicit dates
P("27/10/2026 3h webshop", date="abs:2026-10-27", dur=H(3), proj=52, k=["date-dmy"])
P("03.11.2026 2h review", date="abs:2026-11-03", dur=H(2), svc=3, k=["date-dmy"])
P("2026-11-09 4h on the dashboard", date="abs:2026-11-09", dur=H(4), proj=61, k=["date-iso"])
P("nov 3 2h support", date="md:11-03", dur=H(2), svc=6, k=["date-month-name"])
P("november 3rd 1.5h standup", date="md:11-03", dur=H(1.5), svc=7, k=["date-month-name"])
P("the 3rd of november 1h docs", date="md:11-03", dur=H(1), svc=8, k=["date-month-name"])
P("dec 24 2h deploy", date="md:12-24", dur=H(2), svc=10, k=["date-month-name", "year-rollback"])
P("march 27 4h design", date="md:03-27", dur=H(4), svc=5, k=["date-month-name"])
P("nov 18 1h meeting", date="md:11-18", dur=H(1), svc=4, k=["date-month-name", "date-today-included"])
P("november 19 2h testing", date="md:11-19", dur=H(2), svc=2, k=["date-month-name", "year-rollback"])
P("12-06 3h nieuwe website", date="md:06-12", dur=H(3), proj=53, k=["dash-date", "zero-padded"])
P("27-3 2h meeting", date="md:03-27", dur=H(2), svc=4, k=["dash-date", "no-valid-hour"])
P("15-11 1h standup", date="md:11-15", dur=H(1), svc=7, k=["dash-date", "implausible-range"])
P("2-1 2h paperwork", date="md:01-02", dur=H(2), k=["dash-date", "implausible-range"])
P("1-10 2h planning", date="md:10-01", dur=H(2), k=["dash-date", "implausible-range"])
P("5-10 from 9:00 to 12:30 dev crm", date="md:10-05", s="09:00", e="12:30", proj=62, svc=1, k=["dash-date", "other-range"])
P("2026-11-12 from 9am to 5pm configurator", date="abs:2026-11-12", s="09:00", e="17:00", proj=54, k=["date-iso", "range", "ampm"])
P("12/11/2026 2pm-3pm meeting", date="abs:2026-11-12", s="14:00", e="15:00", svc=4, k=["date-dmy", "range-dash", "ampm"])
P("nov 16 9-12 dev", date="md:11-16", s="09:00", e="12:00", svc=1, k=["date-month-name", "range-dash"])
P("15/10/2026: 2.5h testing zonnecalc", date="abs:2026-10-15", dur=H(2.5), proj=60, svc=2, k=["date-dmy"])
P("1 nov 3h design portal", date="md:11-01", dur=H(3), proj=50, svc=5, k=["date-month-name"])
# -- dash ranges that stay clock ranges
P("9-11 code review timi", s="09:00", e="11:00", proj=47, svc=3, k=["range-dash"])
P("10-12 design", s="10:00", e="12:00", svc=5, k=["range-dash"])
P("1-3 testing", s="13:00", e="15:00", svc=2, k=["range-dash", "working-hours"])
P("8-5 on the webshop", s="08:00", e="17:00", proj=52, k=["range-dash", "working-hours"])
P("11-1 meeting", s="11:00", e="13:00", svc=4, k=["range-dash", "working-hours"])
P("13-15 support crm", s="13:00", e="15:00", proj=62, svc=6, k=["range-dash"])
# -- clock times, am/pm
P("from 9am to 12:30pm dev timi", s="09:00", e="12:30", proj=47, svc=1, k=["range", "ampm"])
P("2pm-4pm meeting with Erik", s="14:00", e="16:00", svc=4, pers=["Erik"], k=["range-dash", "ampm", "persons"])
P("from 2:30 pm to 5 pm support", s="14:30", e="17:00", svc=6, k=["range", "ampm"])
P("at 9 standup", s="09:00", e=None, dur=None, svc=7, k=["lone-start", "lone"])
P("at 2 p.m. meeting with Sophie", s="14:00", e=None, dur=None, svc=4, pers=["Sophie"], k=["lone-start", "lone", "ampm"])
P("from 11am to 1pm code review", s="11:00", e="13:00", svc=3, k=["range", "ampm"])
P("12pm-2pm testing portal", s="12:00", e="14:00", proj=50, svc=2, k=["range-dash", "ampm", "12pm"])
P("from 12am to 2am deploy (hotfix night)", s="00:00", e="02:00", svc=10, k=["range", "ampm", "12am", "remark"])
P("between 10 and 12 design", s="10:00", e="12:00", svc=5, k=["range"])
P("from 10 for 2 hours bugfixing", s="10:00", dur=H(2), svc=11, k=["start+dur"])
P("until 5pm, the last 2 hours on the crm", e="17:00", dur=H(2), proj=62, k=["end+dur", "ampm"])
P("from half past two to four meeting", s="14:30", e="16:00", svc=4, k=["range", "clock-words", "working-hours"])
P("from quarter to four until 5 docs", s="15:45", e="17:00", svc=8, k=["range", "clock-words", "working-hours"])
P("from half three to five testing", s="15:30", e="17:00", svc=2, k=["range", "clock-words", "british-half"])
P("from 9 to 11:30 review", s="09:00", e="11:30", svc=3, k=["range"])
P("9:00-11:30 standup and planning", s="09:00", e="11:30", svc=7, k=["range-dash"])
P("13:00-17:00 migratie", s="13:00", e="17:00", proj=56, k=["range-dash"])
P("from 11 to 1 design newsletter", s="11:00", e="13:00", proj=70, svc=5, k=["range", "working-hours"])
P("from 2 to 4 support", s="14:00", e="16:00", svc=6, k=["range", "working-hours"])
P("from 10am for 90 minutes code review", s="10:00", dur=M(90), svc=3, k=["start+dur", "ampm"])
P("started at 8, 3h on the configurator", s="08:00", dur=H(3), proj=54, k=["start+dur"])
P("from 13h30 to 15h review", s="13:30", e="15:00", svc=3, k=["range", "clock-h"])
P("at 11:15 deploy webshop", s="11:15", e=None, dur=None, proj=52, svc=10, k=["lone-start", "lone"])
P("yesterday from 3pm to 6pm bugfix crm", date="-1", s="15:00", e="18:00", proj=62, svc=11, k=["range", "ampm", "rel-date"])
P("monday from 8:30am to 12pm dev roosterapp", date="wd:mon", s="08:30", e="12:00", proj=63, svc=1, k=["range", "ampm", "weekday"])
# -- durations
P("1.5h", dur=H(1.5), k=["bare-duration", "dur-point"])
P("an hour and a half with Jeroen on the portal", dur=H(1.5), proj=50, pers=["Jeroen"], k=["dur-words", "persons"])
P("half an hour standup", dur=M(30), svc=7, k=["dur-words"])
P("a quarter of an hour support", dur=M(15), svc=6, k=["dur-words"])
P("three quarters of an hour review", dur=M(45), svc=3, k=["dur-words"])
P("2 hours 15 minutes testing", dur=M(135), svc=2, k=["dur-composite"])
P("2h15m dev", dur=M(135), svc=1, k=["dur-composite"])
P("1h30 documentation", dur=M(90), svc=8, k=["dur-h-min"])
P("90m meeting", dur=M(90), svc=4, k=["dur-m"])
P("45 mins bugfix", dur=M(45), svc=11, k=["dur-min"])
P("1:15 support", dur=M(75), svc=6, k=["dur-colon"])
P("2,5h design", dur=H(2.5), svc=5, k=["dur-comma"])
P("an hour on the wiki", dur=H(1), proj=66, k=["dur-words"])
P("3 hrs development", dur=H(3), svc=1, k=["dur-hrs"])
P("1 hr 20 min deploy", dur=M(80), svc=10, k=["dur-composite"])
P("7.5 hours on crm koppeling", dur=H(7.5), proj=62, k=["dur-point", "multiword-name"])
P("25 minutes standup", dur=M(25), svc=7, k=["dur-min"])
P("2 hours", dur=H(2), k=["bare-duration"])
P("an hour", dur=H(1), k=["bare-duration", "dur-words"])
P("8h", dur=H(8), k=["bare-duration"])
P("3h30 dev timi-app", dur=M(210), proj=47, svc=1, k=["dur-h-min", "alias"])
P("worked 13h on the migratie", dur=H(13), proj=56, k=["over-12h"])
P("0.25h standup", dur=M(15), svc=7, k=["dur-point"])
P("1h 45m review on the chatbot", dur=M(105), proj=71, svc=3, k=["dur-composite"])
# -- clients
P("1h support for Fietsenmaker De Spaak", dur=H(1), proj=58, svc=6, k=["client-single"])
P("2h meeting for Kinderopvang Zonnetje", dur=H(2), proj=68, svc=4, k=["client-single"])
P("3h dev for Tijdwijzer", dur=H(3), proj=57, svc=1, k=["client-single"])
P("4h for Uitzendbureau Flex", dur=H(4), proj=69, k=["client-single"])
P("2h call Timi BV", dur=H(2), proj=47, k=["client-single"])
P("4h on Acme Portal", dur=H(4), proj=50, k=["multiword-name"])
P("3h meeting Noordkust Energie", dur=H(3), proj=OMIT, svc=4, k=["client-multi"])
# -- remarks, punctuation, emoji
P("yesterday 3h on the webshop (forgot to log it)", date="-1", dur=H(3), proj=52, k=["remark", "rel-date"])
P("2h testing on the portal – was actually a bit less", dur=H(2), proj=50, svc=2, k=["remark"])
P("1h standup thx", dur=H(1), svc=7, k=["remark"])
P("4h bugfixing the chatbot, sorry for the late entry", dur=H(4), proj=71, svc=11, k=["remark"])
P("3h code review on tango, ugh", dur=H(3), proj=47, svc=3, k=["remark", "alias"])
P("1.5h meeting with Bram (he was late lol)", dur=H(1.5), svc=4, pers=["Bram"], k=["remark", "persons"])
P("2h design klantenportaal!!!", dur=H(2), proj=59, svc=5, k=["punct", "alias"])
P("30m deploy newsletter 🚀", dur=M(30), proj=70, svc=10, k=["emoji", "alias"])
P("6h dev webshop... long day 😴", dur=H(6), proj=52, svc=1, k=["emoji", "remark"])
P("1h support mobile app (customer called twice)", dur=H(1), proj=58, svc=6, k=["remark"])
# -- typos, casing, accents
P("yesterady 2h support", date=OMIT, dur=H(2), svc=6, k=["typo"])
P("2h meeitng with Sanne", dur=H(2), svc=OMIT, pers=["Sanne"], k=["typo", "persons"])
P("3h devlopment webshop", dur=H(3), proj=52, svc=OMIT, k=["typo"])
P("1h reveiw portal", dur=H(1), proj=50, svc=OMIT, k=["typo"])
P("2h wrok on the klantportaal", dur=H(2), proj=59, k=["typo"])
P("DEPLOY WEBSHOP 1H", dur=H(1), proj=52, svc=10, k=["caps"])
P("2H Meeting With LISA", dur=H(2), svc=4, pers=["Lisa"], k=["caps", "persons"])
P("jose and me 1h design", dur=H(1), svc=5, pers=["José"], k=["missing-accent", "persons"])
P("creche planner 3h testing", dur=H(3), proj=68, svc=2, k=["missing-accent"])
P("2h Testing CRECHE PLANNER with annemarie", dur=H(2), proj=68, svc=2, pers=["Anne-Marie"], k=["caps", "missing-accent", "alias", "persons"])
# -- tags, numbers that stay text, persons
P("2h webshop #urgent", dur=H(2), proj=52, k=["tag"])
P("#frontend 3h css portal", dur=H(3), proj=50, svc=1, k=["tag", "alias"])
P("1h standup #daily #team", dur=H(1), svc=7, k=["tag"])
P("4h dev chatbot #sprint12 #backend", dur=H(4), proj=71, svc=1, k=["tag"])
P("fixed 2 bugs on the webshop, 1.5h", dur=H(1.5), proj=52, k=["number-text"])
P("ticket #1234 2h dev", dur=H(2), svc=1, k=["number-text"])
P("release 2.0 notes, 1h docs", dur=H(1), svc=8, k=["number-text"])
P("intranet 2.0 4h", dur=H(4), proj=55, k=["digits-in-name"])
P("sprint 42 planning 2h with Jeroen and Sophie", dur=H(2), pers=["Jeroen", "Sophie"], k=["number-text", "persons"])
P("1h meeting with Sanne, Erik and Kaatje", dur=H(1), svc=4, pers=["Sanne", "Erik", "Kaat"], k=["persons", "alias"])
P("pairing with Anne-Marie 2h on the mobile app", dur=H(2), proj=58, pers=["Anne-Marie"], k=["persons"])
P("3h review with Rowan and Daan on the portal", dur=H(3), proj=50, svc=3, pers=["Rowan", "Daan"], k=["persons"])
P("Bram and I, 2h testing timi", dur=H(2), proj=47, svc=2, pers=["Bram"], k=["persons"])
P("2h with Lisa on zonnepanelen calculator", dur=H(2), proj=60, pers=["Lisa"], k=["persons", "multiword-name"])
P("45m on roosterapp", dur=M(45), proj=63, k=["dur-m"])
P("1h call with José and Memo about the crm", dur=H(1), proj=62, pers=["José", "Memo"], k=["persons", "accent"])


# ---------------------------------------------------------------- lint against the catalog
def norm(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return s


def toks(s):
    return re.findall(r"[a-z0-9]+(?:[-.][a-z0-9]+)*", norm(s))


def lev(a, b):
    if abs(len(a) - len(b)) > 1:
        return 9
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def load_catalog():
    with open(os.path.join(HERE, "..", "..", "..", "corpus", "catalog.json"), encoding="utf-8") as fh:
        cat = json.load(fh)
    active = {}
    for p in cat["projects"]:
        if p.get("active", True) and p.get("client_id") is not None:
            active.setdefault(p["client_id"], []).append(p["id"])
    ents = []   # (field, id/name, surface)
    for p in cat["projects"]:
        for n in [p["name"]] + p.get("aliases", []):
            ents.append(("project", p["id"], n))
    for c in cat["clients"]:
        only = active.get(c["id"], [])
        for n in [c["name"]] + c.get("aliases", []):
            ents.append(("client", only[0] if len(only) == 1 else None, n))
    for s in cat["services"]:
        for n in [s["name"]] + s.get("aliases", []):
            ents.append(("service", s["id"], n))
    for pe in cat["people"]:
        for n in [pe["name"]] + pe.get("aliases", []):
            ents.append(("person", pe["name"], n))
    return ents


def lint(case, ents):
    """Exact and near-miss catalog hits in the text; compare to the labels."""
    tt = toks(case["text"])
    hits, near = [], []
    taken = [False] * len(tt)
    # longest match first
    for field, ident, surf in sorted(ents, key=lambda x: -len(toks(x[2]))):
        st = toks(surf)
        n = len(st)
        for i in range(len(tt) - n + 1):
            if tt[i:i + n] == st and not any(taken[i:i + n]):
                hits.append((i, field, ident, surf))
                for j in range(i, i + n):
                    taken[j] = True
    for field, ident, surf in ents:
        st = toks(surf)
        n = len(st)
        letters = len(re.sub(r"[^a-z]", "", " ".join(st)))
        if letters < 5:
            continue
        for i in range(len(tt) - n + 1):
            if any(taken[i:i + n]):
                continue
            if lev(" ".join(tt[i:i + n]), " ".join(st)) == 1:
                near.append((field, ident, surf, " ".join(tt[i:i + n])))
    hits.sort()
    problems = []
    projs = {h[2] for h in hits if h[1] in ("project", "client") and h[2] is not None}
    svcs = {h[2] for h in hits if h[1] == "service"}
    pers = [h[2] for h in hits if h[1] == "person"]
    if case["proj"] is not OMIT and ({case["proj"]} - {None}) != projs:
        problems.append("project label {!r} vs text hits {!r}".format(case["proj"], projs))
    if case["svc"] is not OMIT and ({case["svc"]} - {None}) != svcs:
        problems.append("service label {!r} vs text hits {!r}".format(case["svc"], svcs))
    if case["pers"] is not OMIT and case["pers"] != pers:
        problems.append("persons label {!r} vs text hits {!r}".format(case["pers"], pers))
    for field, _ident, surf, got in near:
        lab = {"project": case["proj"], "client": case["proj"], "service": case["svc"], "person": case["pers"]}[field]
        if lab is not OMIT:
            problems.append(f"near miss {got!r}~{surf!r} ({field}) while {field} is labelled")
    return problems


# ---------------------------------------------------------------- emit
def build():
    ents = load_catalog()
    total_problems = 0
    for code in ("nl", "en"):
        out = []
        seen = set()
        for i, c in enumerate(CASES[code], 1):
            assert c["text"] not in seen, c["text"]
            seen.add(c["text"])
            exp = {}
            if c["dur"] is not OMIT:
                exp["duration"] = c["dur"]
            d = date_of(c["date"])
            if d is not OMIT:
                exp["date"] = d
            exp["start"] = c["s"]
            exp["end"] = c["e"]
            for key, val in (("project", c["proj"]), ("service", c["svc"]), ("persons", c["pers"])):
                if val is not OMIT:
                    exp[key] = val
            out.append({"id": f"unseen2-{code}-{i:04d}", "lang": code, "text": c["text"],
                        "now": NOW_STR, "expect": exp, "catalog": "corpus/catalog.json"})
            for p in lint(c, ents):
                total_problems += 1
                print(f"LINT unseen2-{code}-{i:04d} {c['text']!r}: {p}")
        with open(os.path.join(HERE, code + ".jsonl"), "w", encoding="utf-8") as f:
            for o in out:
                f.write(json.dumps(o, ensure_ascii=False) + "\n")
        kinds = Counter(k for c in CASES[code] for k in c["k"] if k != "lone")
        print(f"{code}: {len(out)} cases")
        print("   " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())))
    print("lint problems:", total_problems)


# ---------------------------------------------------------------- validation of the written files
def brute_date(spec):
    """Independent check of date_of(): search day by day instead of modular arithmetic."""
    if spec is OMIT:
        return OMIT
    days = [TODAY + dt.timedelta(days=i) for i in range(-400, 15)]
    name = {v: k for k, v in WD.items()}
    if spec == "today":
        return TODAY.isoformat()
    if re.fullmatch(r"[+-]\d+", spec):
        return [d for d in days if (d - TODAY).days == int(spec)][0].isoformat()
    kind, _, arg = spec.partition(":")
    if kind == "wd":
        return max(d for d in days if d <= TODAY and name[d.weekday()] == arg).isoformat()
    if kind == "last":
        return max(d for d in days if d < TODAY and name[d.weekday()] == arg).isoformat()
    if kind == "next":
        return min(d for d in days if d > TODAY and name[d.weekday()] == arg).isoformat()
    if kind == "lw":
        y, w, _ = TODAY.isocalendar()
        prev = [d for d in days if d.isocalendar()[:2] == (TODAY - dt.timedelta(days=7)).isocalendar()[:2]]
        return [d for d in prev if name[d.weekday()] == arg][0].isoformat()
    if kind == "md":
        mo, dd = map(int, arg.split("-"))
        return max(d for d in days if d <= TODAY and (d.month, d.day) == (mo, dd)).isoformat()
    if kind == "abs":
        return arg


def validate():
    allowed = ["duration", "date", "start", "end", "project", "service", "persons"]
    n = 0
    for code in ("nl", "en"):
        with open(os.path.join(HERE, code + ".jsonl"), encoding="utf-8") as fh:
            lines = fh.read().splitlines()
        assert len(lines) == len(CASES[code])
        ids = set()
        for line, c in zip(lines, CASES[code], strict=False):
            o = json.loads(line)
            assert list(o) == ["id", "lang", "text", "now", "expect", "catalog"], o
            assert o["lang"] == code and o["id"] not in ids and o["text"] == c["text"]
            ids.add(o["id"])
            assert o["now"] == NOW_STR and dt.datetime.fromisoformat(o["now"]).utcoffset() is not None
            ex = o["expect"]
            assert set(ex) <= set(allowed), ex
            if "duration" in ex:
                assert ex["duration"] is None or (isinstance(ex["duration"], int) and 0 < ex["duration"] <= 86400)
            if "date" in ex:
                dt.date.fromisoformat(ex["date"])
                assert ex["date"] == brute_date(c["date"]), (c["text"], ex["date"])
            for key in ("start", "end"):
                if ex.get(key) is not None:
                    assert re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", ex[key]), ex
            if ex.get("start") and ex.get("end") and ex.get("duration"):
                span = (mins(ex["end"]) - mins(ex["start"])) * 60
                assert span % 86400 == ex["duration"], o
            if "project" in ex:
                assert ex["project"] is None or isinstance(ex["project"], int)
            if "service" in ex:
                assert ex["service"] is None or isinstance(ex["service"], int)
            if "persons" in ex:
                assert isinstance(ex["persons"], list) and all(isinstance(p, str) for p in ex["persons"])
            n += 1
    print(f"validated {n} lines: JSON, case format, dates re-derived independently")


if __name__ == "__main__":
    build()
    validate()
