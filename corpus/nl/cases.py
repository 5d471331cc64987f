"""The Dutch corpus cases: one function per case file (`<kind>_cases` writes `corpus/nl/<kind>.jsonl`).

Every expected value is computed with the helpers of `corpus/common.py` from the case's own `now`.
"""

from __future__ import annotations

from common import (
    AUTUMN,
    AUTUMN_MON,
    AUTUMN_NIGHT,
    DEC31,
    FEB1,
    FR,
    FRI,
    JAN3,
    JAN4,
    JUL12,
    JUN1,
    JUN10,
    LEAP,
    LEAP_EVE,
    LEAP_NEXT,
    MAR26,
    MAR27,
    MIDNIGHT,
    MO,
    MON,
    NEW_YEAR,
    NOON,
    SA,
    SAT,
    SILENT,
    SPRING,
    SPRING_MON,
    SPRING_NIGHT,
    SU,
    SUN,
    TH,
    THU,
    TU,
    TUE,
    WE,
    WED,
    WED_EARLY,
    WED_LATE,
    CaseFile,
    afternoon,
    am,
    client,
    client_of,
    days_ago,
    days_ahead,
    evening,
    from_start,
    half,
    hhmm,
    hours,
    kwart_over,
    kwart_voor,
    lone,
    minutes,
    months_ago,
    morning,
    most_recent_date,
    most_recent_month_day,
    most_recent_nth_weekday,
    most_recent_weekday,
    most_recent_weekday_month_day,
    next_iso_week_day,
    next_weekday_strict,
    night,
    over,
    over_half,
    people,
    pm,
    prev_iso_week_day,
    project,
    refused,
    service,
    sole_project,
    span,
    this_iso_week_day,
    to_end,
    today,
    voor,
    voor_half,
    weekday_of,
    working,
    years_ago,
    ymd,
)


def duration_cases(f: CaseFile) -> None:
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

    f.row("Durations: a number and a half written as one word (tweeënhalf, drieënhalf, vierenhalf) = n + 1/2")
    f.add("drieënhalf uur aan de webshop", WED, duration=hours(3.5))
    f.add("vierenhalf uur migratie", MON, duration=hours(4.5))
    f.add("tweeënhalf uur overleg met Erik", THU, duration=hours(2.5))
    f.add("vijfenhalf uur testen", FRI, duration=hours(5.5))
    f.add("gisteren zesenhalf uur gecodeerd", SAT, duration=hours(6.5))
    f.add("support achtenhalf uur", TUE, duration=hours(8.5))
    f.add("eenenhalf uur review", SUN, duration=hours(1.5))
    f.add("code review tienenhalf minuut", WED_LATE, duration=minutes(10.5))
    f.add("twee en een half uur documentatie", JUN10, duration=hours(2.5))
    f.add("drie en een half uur deployen", AUTUMN, duration=hours(3.5))

    f.row("Durations: the fraction signs ½ ¼ ¾, alone or after a whole number (1½ uur)")
    f.add("½ uur bellen met Erik", WED, duration=hours(0.5))
    f.add("¾ uur documentatie", MON, duration=minutes(45))
    f.add("testen ¼ uur", FRI, duration=minutes(15))
    f.add("1½ uur overleg", THU, duration=hours(1.5))
    f.add("gisteren 2½ uur aan de migratie", SUN, duration=hours(2.5))
    f.add("een kwartiertje standup", TUE, duration=minutes(15))

    f.row("Durations: an approximation (ongeveer, zo'n, circa, ca., ruim, bijna, pakweg, ~, ±) reads as the number")
    f.add("ongeveer anderhalf uur overleg", WED, duration=hours(1.5))
    f.add("zo'n 3 uur aan de webshop", MON, duration=hours(3))
    f.add("circa 2 uur testen", THU, duration=hours(2))
    f.add("ca. 45 minuten review", FRI, duration=minutes(45))
    f.add("support ca 20 min", SAT, duration=minutes(20))
    f.add("ruim 3 uur gedebugd", SUN, duration=hours(3))
    f.add("bijna een uur bellen met de klant", TUE, duration=hours(1))
    f.add("pakweg 20 minuten deploy", AUTUMN, duration=minutes(20))
    f.add("~2u code review", JUN10, duration=hours(2))
    f.add("± 2,5 uur documentatie", DEC31, duration=hours(2.5))
    f.add("gisteren ongeveer 4 uur migratie", LEAP, duration=hours(4))

    f.row("Durations: een uurtje of drie, een minuut of tien = the count after of, in the unit before it")
    f.add("een uurtje of drie aan de webshop", WED, duration=hours(3))
    f.add("een minuut of tien bellen", MON, duration=minutes(10))
    f.add("een uur of 2 vergaderd", THU, duration=hours(2))
    f.add("support, een uurtje of vier", FRI, duration=hours(4))
    f.add("een kwartier of twee review", SUN, duration=minutes(30))

    f.row("Durations: unit spellings with a dash or glued (5-min, 45-minuten, 2u., 3uur)")
    f.add("5-min standup", WED, duration=minutes(5))
    f.add("45-minuten overleg", MON, duration=minutes(45))
    f.add("deploy 10-min", TUE, duration=minutes(10))
    f.add("2-uur workshop", THU, duration=hours(2))
    f.add("3uur testen", FRI, duration=hours(3))

    f.row("Durations: rond + a duration with a unit word other than uur is how long, not when (rond 90 minuten)")
    f.add("rond 90 minuten overleg", WED, duration=minutes(90), start=None)
    f.add("rond 45 minuten bellen", MON, duration=minutes(45), start=None)

    f.row("Durations: an approximation after the duration (2 uur of zo, ofzo, ongeveer, of daaromtrent) reads as the number; zo is not zondag there")
    f.add("een half uur of zo bellen", WED, date=today(WED), duration=hours(0.5))
    f.add("2 uur ofzo support", SUN, date=today(SUN), duration=hours(2))
    f.add("3 uur ongeveer aan de webshop", MON, duration=hours(3))
    f.add("anderhalf uur of daaromtrent overleg", THU, duration=hours(1.5))
    f.add("migratie, 4 uur of zo", SAT, date=today(SAT), duration=hours(4))


    f.row("Durations: an approximation word is only one right before the duration (bijna klaar, zo'n 2 uur)")
    f.add("bijna klaar met de release, zo'n 2 uur", WED, duration=hours(2))
    f.add("ongeveer om 3 uur begonnen", THU, **lone(working(3)),
          note="ongeveer before a clock time is no approximation of a duration")


def date_cases(f: CaseFile) -> None:
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
    f.add("2/11/2026: 2 uur testen", WED, date=ymd(2026, 11, 2), duration=hours(2),
          note="een dubbele punt na de datum, als na een kopje, sluit haar af")
    f.add("10/11: 1,5 uur review", WED, date=most_recent_date(WED, 11, 10), duration=hours(1.5),
          note="een dubbele punt na de datum, als na een kopje, sluit haar af")
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

    f.row("Dates: gister and eergister (spoken forms) = gisteren and eergisteren")
    f.add("gister 3 uur support", WED, date=days_ago(WED, 1), duration=hours(3))
    f.add("2 uur overleg gister", MON, date=days_ago(MON, 1), duration=hours(2))
    f.add("eergister 4 uur migratie", THU, date=days_ago(THU, 2), duration=hours(4))
    f.add("testen eergister anderhalf uur", NEW_YEAR, date=days_ago(NEW_YEAR, 2), duration=hours(1.5))
    f.add("gister van 9 tot 12 webshop", JAN4, date=days_ago(JAN4, 1), **span(hhmm(9), hhmm(12)))
    f.add("gister om 3 uur overleg", LEAP_NEXT, date=days_ago(LEAP_NEXT, 1), **lone(working(3)))

    f.row("Dates: a weekday and a day part written as one word (dinsdagmiddag) = that weekday (most recent, today included) + that day part")
    f.add("dinsdagmiddag 50 minuten bellen", THU, date=most_recent_weekday(THU, TU), duration=minutes(50))
    f.add("maandagochtend 3 uur support", WED, date=most_recent_weekday(WED, MO), duration=hours(3))
    f.add("donderdagavond 1 uur deploy", SAT, date=most_recent_weekday(SAT, TH), duration=hours(1))
    f.add("zaterdagnacht 2 uur storing opgelost", SUN, date=most_recent_weekday(SUN, SA), duration=hours(2))
    f.add("vrijdagmiddag borrel 1 uur", FRI, date=most_recent_weekday(FRI, FR), duration=hours(1))
    f.add("review woensdagmorgen anderhalf uur", FRI, date=most_recent_weekday(FRI, WE), duration=hours(1.5))
    f.add("zondagavond 2 uur release", JAN4, date=most_recent_weekday(JAN4, SU), duration=hours(2))
    f.add("maandagnamiddag 45 minuten bellen", TUE, date=most_recent_weekday(TUE, MO), duration=minutes(45))

    f.row("Dates: vorige/deze/volgende week (op) + weekday = that day in the previous/current/next ISO week (Mon-Sun)")
    f.add("vorige week op vrijdag een halfuurtje support", WED, date=prev_iso_week_day(WED, FR), duration=hours(0.5))
    f.add("vorige week op maandag overleg 1 uur", SUN, date=prev_iso_week_day(SUN, MO), duration=hours(1))
    f.add("afgelopen week op dinsdag 2 uur testen", JAN4, date=prev_iso_week_day(JAN4, TU), duration=hours(2))
    f.add("deze week op maandag 4 uur migratie", FRI, date=this_iso_week_day(FRI, MO), duration=hours(4))
    f.add("deze week vrijdag 2 uur demo", MON, date=this_iso_week_day(MON, FR), duration=hours(2),
          note=SILENT + "deze week + weekday may lie ahead")
    f.add("volgende week dinsdag 2 uur workshop", WED, date=next_iso_week_day(WED, TU), duration=hours(2))
    f.add("volgende week op donderdag 1 uur training", NEW_YEAR, date=next_iso_week_day(NEW_YEAR, TH), duration=hours(1))
    f.add("komende week op woensdag 3 uur deploy", SUN, date=next_iso_week_day(SUN, WE), duration=hours(3))

    f.row(SILENT + "op de + ordinal (op de 3e, op de 21ste) = that day of the month, the most recent one (today included)")
    f.add("op de 3e 2 uur overleg", WED, date=most_recent_month_day(WED, 3), duration=hours(2))
    f.add("op de 21ste 3 uur migratie", FRI, date=most_recent_month_day(FRI, 21), duration=hours(3),
          note="the 21st has not come yet this month: 21 October")
    f.add("4 uur support op de 2de", JAN4, date=most_recent_month_day(JAN4, 2), duration=hours(4))

    f.row("Dates: day + month name + a two-digit year that cannot be an hour (3 nov 25) = that date")
    f.add("3 nov 25 support 2 uur", WED, date=ymd(2025, 11, 3), duration=hours(2))
    f.add("12 maart 26 overleg 1 uur", JUN10, date=ymd(2026, 3, 12), duration=hours(1))
    f.add("migratie 30 dec 25 4 uur", JAN4, date=ymd(2025, 12, 30), duration=hours(4))
    f.add("3 aug 45 minuten bellen", WED, date=most_recent_date(WED, 8, 3), duration=minutes(45),
          note="a number with a unit after the month is a duration, not a year")

    f.row("Dates: year + month name + day (2025 november 3) = that date")
    f.add("2025 november 3 deploy 2 uur", WED, date=ymd(2025, 11, 3), duration=hours(2))
    f.add("2026 mrt 12 review 1 uur", JUN10, date=ymd(2026, 3, 12), duration=hours(1))

    f.row("Dates: a bare de + ordinal right before a word belongs to that word (de 3e iteratie): no date; before a time or at the end it is a day")
    f.add("2 uur aan de 3e iteratie van de huisstijl", WED, date=today(WED), duration=hours(2))
    f.add("de 2e ronde interviews 1 uur", MON, date=today(MON), duration=hours(1))
    f.add("review van de 4de versie, 45 min", FRI, date=today(FRI), duration=minutes(45))
    f.add("de 5e 3 uur support", WED, date=most_recent_month_day(WED, 5), duration=hours(3))
    f.add("3 uur migratie de 12de", THU, date=most_recent_month_day(THU, 12), duration=hours(3))

    f.row("Dates: week-anchored weekdays in other orders and with a glued day part")
    f.add("dinsdag volgende week 1 uur workshop", THU, date=next_iso_week_day(THU, TU), duration=hours(1))
    f.add("vorige week dinsdagmiddag 2 uur overleg", SAT, date=prev_iso_week_day(SAT, TU), duration=hours(2))
    f.add("3 uur support vorige week op woensdag", MON, date=prev_iso_week_day(MON, WE), duration=hours(3))
    f.add("deze week woensdag van 9 tot 11 review", FRI, date=this_iso_week_day(FRI, WE), **span(hhmm(9), hhmm(11)))

    f.row(SILENT + "weekday + de + ordinal (vrijdag de 13e) = the most recent day of that number that falls on that weekday")
    f.add("vrijdag de 13e 2 uur deploy", WED, date=most_recent_weekday_month_day(WED, FR, 13), duration=hours(2))
    f.add("maandag de 1e overleg 1 uur", WED, date=most_recent_weekday_month_day(WED, MO, 1), duration=hours(1))
    f.add("3 uur support dinsdag de 3e", FRI, date=most_recent_weekday_month_day(FRI, TU, 3), duration=hours(3))
    f.add("zondag de 25ste 4 uur migratie", JAN4, date=most_recent_weekday_month_day(JAN4, SU, 25), duration=hours(4))

    f.row("Dates: a day number with a dot before the month (3. dec., 3 dec.) = the most recent such date")
    f.add("3. dec. 2 uur support", WED, date=most_recent_date(WED, 12, 3), duration=hours(2))
    f.add("3 dec. overleg 1 uur", NEW_YEAR, date=most_recent_date(NEW_YEAR, 12, 3), duration=hours(1))
    f.add("op 12. maart 3 uur migratie", JUN10, date=most_recent_date(JUN10, 3, 12), duration=hours(3))
    f.add("4 uur testen 28. feb.", LEAP, date=most_recent_date(LEAP, 2, 28), duration=hours(4))
    f.add("overleg om 10.", TUE, **lone(working(10)), note="a dot after a clock hour ends the sentence")

    f.row(SILENT + "op de + ordinal = that day of the month, the most recent one (today included), whatever word follows")
    f.add("op de 3e support 2 uur", WED, date=most_recent_month_day(WED, 3), duration=hours(2))

    f.row("Durations: numbers that are not durations stay text (a year in a name, an event's day number): no date of them, the date of now")
    f.add("hackathon 2026 dag 2: 6u", WED, date=today(WED), duration=hours(6))
    f.add("release 2027 deel 3 2 uur", WED, date=today(WED), duration=hours(2))


def clock_cases(f: CaseFile) -> None:
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

    f.row("Clock: a weekday and a day part written as one word (dinsdagmiddag om 3 uur): the day part overrides the working-hours rule")
    f.add("dinsdagmiddag om 3 uur overleg", THU, date=most_recent_weekday(THU, TU), **lone(afternoon(3)))
    f.add("donderdagavond om 8 uur deploy", FRI, date=most_recent_weekday(FRI, TH), **lone(evening(8)))
    f.add("maandagochtend om half 9 standup", WED, date=most_recent_weekday(WED, MO), **lone(morning(*half(9))))
    f.add("om 10 uur zaterdagnacht storing", SUN, date=most_recent_weekday(SUN, SA), **lone(night(10)))
    f.add("vrijdagavond om 7 uur livegang", SAT, date=most_recent_weekday(SAT, FR), **lone(evening(7)))

    f.row("Clock: am/pm glued as one letter (3:15p, 9a) or spaced (p m) in a Dutch phrase")
    f.add("om 3:15p overleg", WED, **lone(pm(3, 15)))
    f.add("9a standup gestart", TUE, **lone(am(9)))
    f.add("vanaf 4p testen", THU, **lone(pm(4)))

    f.row("Clock: a day part before or after a Dutch clock word ('s avonds half 8, half 8 's ochtends) overrides the working-hours rule")
    f.add("'s avonds half 8 deploy", WED, **lone(evening(*half(8))))
    f.add("half 8 's ochtends standup", THU, **lone(morning(*half(8))))
    f.add("'s middags kwart over 3 overleg", FRI, **lone(afternoon(*kwart_over(3))))
    f.add("gisteravond half 10 hotfix", MON, date=days_ago(MON, 1), **lone(evening(*half(10))))
    f.add("'s ochtends om half 9 begonnen", TUE, **lone(morning(*half(9))))
    f.add("gister 's avonds om 9 uur release", SUN, date=days_ago(SUN, 1), **lone(evening(9)))
    f.add("kwart voor 7 's avonds livegang", SAT, **lone(evening(*kwart_voor(7))))


def range_cases(f: CaseFile) -> None:
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

    f.row("Ranges: a weekday and a day part written as one word, then a range")
    f.add("donderdagavond van 8 tot 10 deploy", FRI, date=most_recent_weekday(FRI, TH), **span(evening(8), evening(10)))
    f.add("dinsdagmiddag van 1 tot 4 workshop", WED, date=most_recent_weekday(WED, TU), **span(afternoon(1), afternoon(4)))
    f.add("maandagochtend van 8 tot 11 support", MON, date=most_recent_weekday(MON, MO), **span(morning(8), morning(11)))

    f.row("Ranges: clock hours written with their unit (9u tot 11u, 14u-16u, 9h-11h, 9 uur tot 11 uur)")
    f.add("9u tot 11u overleg", WED, **span(hhmm(9), hhmm(11)))
    f.add("14u-16u design", MON, **span(hhmm(14), hhmm(16)))
    f.add("9h-11h deploy", THU, **span(hhmm(9), hhmm(11)))
    f.add("gisteren 8u-12u support", FRI, date=days_ago(FRI, 1), **span(hhmm(8), hhmm(12)))
    f.add("9 uur tot 11 uur training", TUE, **span(hhmm(9), hhmm(11)))
    f.add("workshop 13u tot 17u", SUN, **span(hhmm(13), hhmm(17)))
    f.add("2 uur tot 17:00 nog testen", WED, **to_end(hhmm(17), hours(2)),
          note="a duration then an end is no range: the duration counts back from the end")

    f.row("Ranges: bare hours joined by tot, without van (10 tot 12; 9 tot 5 by the working-hours rule; half 2 tot 4)")
    f.add("10 tot 12 klantgesprekken", WED, **span(working(10), working(12)))
    f.add("9 tot 5 gewerkt aan de webshop", MON, **span(working(9), working(5)))
    f.add("half 2 tot 4 review", THU, **span(working(*half(2)), working(4)))
    f.add("gisteren 8 tot 12 support", FRI, date=days_ago(FRI, 1), **span(working(8), working(12)))
    f.add("1 tot 3 testen", TUE, **span(working(1), working(3)))
    f.add("maandag 10 tot half 2 migratie", WED, date=most_recent_weekday(WED, MO), **span(working(10), working(*half(2))))
    f.add("11 tot 1 workshop", SUN, **span(working(11), working(1)))
    f.add("10 - 12 overleg", JUN10, **span(working(10), working(12)))

    f.row("Ranges: after a morning day part, a range ending at 12 ends at noon (vanmorgen 8-12)")
    f.add("vanmorgen 8-12 support", WED, date=today(WED), **span(morning(8), NOON))
    f.add("vanochtend 9-12 migratie", FRI, date=today(FRI), **span(morning(9), NOON))
    f.add("gisterochtend 10-12 overleg", MON, date=days_ago(MON, 1), **span(morning(10), NOON))
    f.add("'s ochtends van 8 tot 12 testen", THU, **span(morning(8), NOON))
    f.add("vrijdagochtend 8-12 workshop", SUN, date=most_recent_weekday(SUN, FR), **span(morning(8), NOON))

    f.row("Ranges: dotted clock times joined by a dash (8.30-12, 10.15-12.45) are a range, not a date")
    f.add("7.45-12 support", THU, **span(hhmm(7, 45), working(12)))
    f.add("13.20-16.50 refactoren", FRI, **span(hhmm(13, 20), hhmm(16, 50)))
    f.add("gisteren 13.30-17 migratie", WED, date=days_ago(WED, 1), **span(hhmm(13, 30), hhmm(17)))
    f.add("9.15-11.40 bellen met Erik", MON, **span(hhmm(9, 15), hhmm(11, 40)))

    f.row("Ranges: clock hours with their unit and minutes (9u-11u30), bare ranges ending in uur (10 tot 12 uur), a spaced dash after van")
    f.add("9u-11u30 overleg", WED, **span(hhmm(9), hhmm(11, 30)))
    f.add("13u-15u45 workshop", MON, **span(hhmm(13), hhmm(15, 45)))
    f.add("10 tot 12 uur support", THU, **span(working(10), working(12)))
    f.add("1 tot 5 uur migratie", FRI, **span(working(1), working(5)))
    f.add("van 9 - 11 review", TUE, **span(working(9), working(11)))


    f.row("Ranges: an end in hours and minutes after van .. tot (van 9 tot 11 uur 30) is the end, not a duration")
    f.add("van 9 tot 11 uur 30 overleg", WED, **span(working(9), hhmm(11, 30)))
    f.add("van 9 tot 11 uur en 30 minuten support", MON, **span(working(9), hhmm(11, 30)))


def negative_cases(f: CaseFile) -> None:
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

    f.row("Negative: numbers joined by tot or a dash that cannot be clock hours stay text; a bare ordinal before a word is that word's")
    f.add("tickets 40 tot 45 afgehandeld", WED, duration=None, start=None)
    f.add("tickets 40 tot 45 afgehandeld in 2 uur", MON, duration=hours(2), start=None)
    f.add("de 2e keer deployen, 1 uur", THU, date=today(THU), duration=hours(1))
    f.add("3 uur aan de 4e iteratie", FRI, date=today(FRI), duration=hours(3))
    f.add("10 tot 15 minuten pauze", TUE, duration=minutes(15), start=None,
          note=SILENT + "a number before a duration in minutes is its lower bound: the duration counts")


def entry_cases(f: CaseFile) -> None:
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


    f.row("Entry: the newer kinds of time phrases in whole sentences with names (glued words, approximations, unit spellings, bare ranges)")
    f.add("gister ~2u aan de webshop met Erik", THU, date=days_ago(THU, 1), duration=hours(2),
          project=project("Webshop"), persons=people("Erik"))
    f.add("dinsdagmiddag 14u-16u overleg met Sanne over de nieuwsbrief", THU, date=most_recent_weekday(THU, TU),
          **span(hhmm(14), hhmm(16)), project=project("Nieuwsbrief"), service=service("Overleg"), persons=people("Sanne"))
    f.add("vorige week op vrijdag een uurtje of drie support voor Acme", THU, date=prev_iso_week_day(THU, FR),
          duration=hours(3), project=sole_project("Acme"), service=service("Support"), persons=[])
    f.add("vanmorgen 8-12 testen aan het klantportaal", THU, date=today(THU), **span(morning(8), NOON),
          project=project("Klantportaal"), service=service("Testing"))
    f.add("zo'n anderhalf uur code review met Rowan", MON, duration=hours(1.5), service=service("Code review"),
          persons=people("Rowan"))
    f.add("½ uur standup met Kaat en Daan", TUE, duration=hours(0.5), service=service("Standup"),
          persons=people("Kaat", "Daan"))
    f.add("eergister 1 tot 3 overleg", FRI, date=days_ago(FRI, 2), **span(working(1), working(3)),
          service=service("Overleg"))
    f.add("op de 3e 3 uur design voor de roosterapp", WED, date=most_recent_month_day(WED, 3), duration=hours(3),
          project=project("Roosterapp"), service=service("Design"))

    f.row("Names: a person one letter short of a name of five letters (met Sane) is that person, asked (a near miss)")
    f.add("1 uur overleg met Sane", WED, duration=hours(1), service=service("Overleg"), persons=people("Sanne"))
    f.add("met Rwan en Daan 2 uur code review", WED, duration=hours(2), service=service("Code review"),
          persons=people("Rowan", "Daan"))
