"""The English corpus cases: one function per case file (`<kind>_cases` writes `corpus/en/<kind>.jsonl`).

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
    half_past,
    hhmm,
    hours,
    kwart_over,
    kwart_voor,
    lone,
    minutes,
    month_day,
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
    weekday_of,
    weekdays_ahead,
    weekdays_back,
    working,
    years_ago,
    ymd,
)


def duration_cases(f: CaseFile) -> None:
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

    f.row("Durations: the fraction signs ½ ¼ ¾, alone or after a whole number (1½ hours); a quarter hour")
    f.add("½ hour call with Erik", WED, duration=hours(0.5))
    f.add("¾ hour documentation", MON, duration=minutes(45))
    f.add("testing ¼ hour", FRI, duration=minutes(15))
    f.add("1½ hours meeting", THU, duration=hours(1.5))
    f.add("a quarter hour standup", TUE, duration=minutes(15))

    f.row("Durations: an approximation (about, roughly, approximately, approx., circa, ca., nearly, almost, ~, ±) reads as the number")
    f.add("about 2 hours code review", WED, duration=hours(2))
    f.add("roughly 90 min debugging", MON, duration=minutes(90))
    f.add("~2h support", THU, duration=hours(2))
    f.add("approximately 3 hours testing", FRI, duration=hours(3))
    f.add("approx. 45 minutes deploy", SAT, duration=minutes(45))
    f.add("circa 1.5 hours docs", SUN, duration=hours(1.5))
    f.add("ca. 20 min standup", TUE, duration=minutes(20))
    f.add("nearly 4 hours migration", AUTUMN, duration=hours(4))
    f.add("almost an hour on the phone", JUN10, duration=hours(1))
    f.add("± 2 hours design", DEC31, duration=hours(2))
    f.add("yesterday about 3 hrs support", LEAP, duration=hours(3))

    f.row("Durations: an hour or two = the count after or, in the unit before it")
    f.add("an hour or two of support", WED, duration=hours(2))
    f.add("a minute or ten on the call", MON, duration=minutes(10))

    f.row("Durations: unit spellings with a dash or glued (5-min, 45-minutes, 2hrs, 2 hrs.)")
    f.add("5-min standup", WED, duration=minutes(5))
    f.add("45-minutes meeting", MON, duration=minutes(45))
    f.add("2hrs review", THU, duration=hours(2))
    f.add("2 hrs. support", FRI, duration=hours(2))
    f.add("deploy 10-min", TUE, duration=minutes(10))

    f.row("Durations: an approximation after the duration (or so, ish, or thereabouts, give or take) reads as the number")
    f.add("an hour or so on support", WED, duration=hours(1))
    f.add("2 hours ish code review", MON, duration=hours(2))
    f.add("3 hours or thereabouts migration", THU, duration=hours(3))
    f.add("45 minutes give or take, standup", FRI, duration=minutes(45))
    f.add("deploy, 90 min or so", SUN, duration=minutes(90))


    f.row("Durations: an approximation word is only one right before the duration (talked about the roadmap, about 2 hours)")
    f.add("talked about the roadmap, about 2 hours", WED, duration=hours(2))
    f.add("about an issue with the login ~1h", THU, duration=hours(1))


    f.row(SILENT + "a number before a duration in minutes is its lower bound: the duration counts (10 to 15 minutes)")
    f.add("10 to 15 minutes break", WED, duration=minutes(15), start=None)
    f.add("spent 20 to 30 min on review", MON, duration=minutes(30), start=None)


def date_cases(f: CaseFile) -> None:
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
    f.add("4/11/2026: 3h support", WED, date=ymd(2026, 11, 4), duration=hours(3),
          note="a colon after the date, as after a label, ends it")
    f.add("9/11: 1.5h review", WED, date=most_recent_date(WED, 11, 9), duration=hours(1.5),
          note="a colon after the date, as after a label, ends it")
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

    f.row("Dates: yday, ystrdy, yest (chat abbreviations) = yesterday")
    f.add("yday 2h code review", WED, date=days_ago(WED, 1), duration=hours(2))
    f.add("3 hours support ystrdy", MON, date=days_ago(MON, 1), duration=hours(3))
    f.add("yest 45 min standup", JAN4, date=days_ago(JAN4, 1), duration=minutes(45))
    f.add("deploy yday from 9 to 11", LEAP_NEXT, date=days_ago(LEAP_NEXT, 1), **span(hhmm(9), hhmm(11)))

    f.row("Dates: a weekday and a day part = that weekday (most recent, today included) + that day part")
    f.add("tuesday afternoon 2 hours meeting", THU, date=most_recent_weekday(THU, TU), duration=hours(2))
    f.add("monday morning at 9 standup", WED, date=most_recent_weekday(WED, MO), **lone(morning(9)))
    f.add("friday evening from 7 to 9 release", SAT, date=most_recent_weekday(SAT, FR), **span(evening(7), evening(9)))
    f.add("support on wednesday afternoon at 3", FRI, date=most_recent_weekday(FRI, WE), **lone(afternoon(3)))

    f.row("Dates: last/this/next week (on) + weekday, weekday (of) last/this/next week = that day in that ISO week (Mon-Sun)")
    f.add("last week on friday 3 hours support", WED, date=prev_iso_week_day(WED, FR), duration=hours(3))
    f.add("monday of last week 2 hours meeting", SUN, date=prev_iso_week_day(SUN, MO), duration=hours(2))
    f.add("friday this week 1 hour demo", TUE, date=this_iso_week_day(TUE, FR), duration=hours(1),
          note=SILENT + "this week + weekday may lie ahead")
    f.add("this week on monday 4 hours migration", FRI, date=this_iso_week_day(FRI, MO), duration=hours(4))
    f.add("next week on friday 2 hours workshop", WED, date=next_iso_week_day(WED, FR), duration=hours(2))
    f.add("tuesday next week 1 hour training", NEW_YEAR, date=next_iso_week_day(NEW_YEAR, TU), duration=hours(1))
    f.add("previous week on thursday 2 hours deploy", JAN4, date=prev_iso_week_day(JAN4, TH), duration=hours(2))

    f.row("Dates: month + the + ordinal (february the 15th) = the most recent such date, today included")
    f.add("february the 15th 2 hours workshop", WED, date=most_recent_date(WED, 2, 15), duration=hours(2))
    f.add("november the 3rd meeting 1 hour", MON, date=most_recent_date(MON, 11, 3), duration=hours(1))
    f.add("december the 24th 3 hours support", NEW_YEAR, date=most_recent_date(NEW_YEAR, 12, 24), duration=hours(3))

    f.row("Dates: day + month name + a two-digit year that cannot be an hour (3 nov 25) = that date")
    f.add("3 nov 25 support 2 hours", WED, date=ymd(2025, 11, 3), duration=hours(2))
    f.add("12 march 26 meeting 1 hour", JUN10, date=ymd(2026, 3, 12), duration=hours(1))
    f.add("3 aug 45 minutes call", WED, date=most_recent_date(WED, 8, 3), duration=minutes(45),
          note="a number with a unit after the month is a duration, not a year")

    f.row("Dates: year + month name + day (2025 november 3) = that date")
    f.add("2025 november 3 deploy 2 hours", WED, date=ymd(2025, 11, 3), duration=hours(2))
    f.add("the deadline was 2026 march 12, review 1 hour", JUN10, date=ymd(2026, 3, 12), duration=hours(1))

    f.row("Dates: a bare the + ordinal right before a word belongs to that word (the 4th batch): no date; before a time or at the end it is a day")
    f.add("1h prepping the 4th batch of user tests", WED, date=today(WED), duration=hours(1))
    f.add("the 3rd draft of the proposal 2 hours", MON, date=today(MON), duration=hours(2))
    f.add("the 5th 3 hours support", WED, date=most_recent_month_day(WED, 5), duration=hours(3))
    f.add("3 hours migration the 12th", THU, date=most_recent_month_day(THU, 12), duration=hours(3))
    f.add("on the 3rd fixed the login bug 2h", FRI, date=most_recent_month_day(FRI, 3), duration=hours(2),
          note="after on it is a day of the month, whatever follows")

    f.row("Dates: week-anchored weekdays in other orders")
    f.add("next week tuesday 1 hour training", THU, date=next_iso_week_day(THU, TU), duration=hours(1))
    f.add("wednesday of this week 3 hours testing", SAT, date=this_iso_week_day(SAT, WE), duration=hours(3))
    f.add("this week on thursday from 2 to 4 workshop", FRI, date=this_iso_week_day(FRI, TH), **span(working(2), working(4)))
    f.add("2 hours support last week on monday", SUN, date=prev_iso_week_day(SUN, MO), duration=hours(2))

    f.row(SILENT + "weekday + the + ordinal (friday the 13th) = the most recent day of that number that falls on that weekday")
    f.add("friday the 13th deploy 2h", WED, date=most_recent_weekday_month_day(WED, FR, 13), duration=hours(2))
    f.add("monday the 1st meeting 1 hour", WED, date=most_recent_weekday_month_day(WED, MO, 1), duration=hours(1))
    f.add("3 hours support on tuesday the 3rd", FRI, date=most_recent_weekday_month_day(FRI, TU, 3), duration=hours(3))
    f.add("sun the 25th 4 hours migration", JAN4, date=most_recent_weekday_month_day(JAN4, SU, 25), duration=hours(4))

    f.row("Dates: the day before yday, y'day")
    f.add("the day before yday 2 hours review", WED, date=days_ago(WED, 2), duration=hours(2))
    f.add("y'day 3h support", MON, date=days_ago(MON, 1), duration=hours(3))

    f.row("Dates: weekday + the + a date with its month (sunday the 8th of march) = that date")
    f.add("sunday the 8th of march 90 min planning", JUN10, date=most_recent_date(JUN10, 3, 8), duration=minutes(90))

    f.row("Durations: numbers that are not durations stay text (a year in a name, an event's day number): no date of them, the date of now")
    f.add("hackathon 2026 day 2: 6h", WED, date=today(WED), duration=hours(6))
    f.add("roadmap 2027 part 3 2 hours", WED, date=today(WED), duration=hours(2))


def clock_cases(f: CaseFile) -> None:
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

    f.row("Clock: around + a duration with a unit word is how long, not when (around 3 hours); around + a clock is the start")
    f.add("spent around 4 hrs fixing the importer", WED, duration=hours(4), start=None)
    f.add("release notes, around 40 mins", MON, duration=minutes(40), start=None)
    f.add("around 3pm meeting", THU, **lone(pm(3)))

    f.row("Clock: a day part before or after the time (in the evening half past 8, yday evening at 9) overrides the working-hours rule")
    f.add("in the evening half past 8 deploy", WED, **lone(evening(*half_past(8))))
    f.add("yday evening at 9 hotfix", MON, date=days_ago(MON, 1), **lone(evening(9)))
    f.add("tuesday afternoon at quarter past 3 review", THU, date=most_recent_weekday(THU, TU), **lone(afternoon(*kwart_over(3))))


    f.row("Clock: n to noon/midnight is n minutes before it when no working-hours range could end there (15 to noon); 9 to noon stays a range")
    f.add("15 to noon standup", WED, **lone(hhmm(11, 45)))
    f.add("deploy at 15 to midnight", SAT, **lone(hhmm(23, 45)))
    f.add("9 to noon workshop", THU, **span(working(9), NOON))


def range_cases(f: CaseFile) -> None:
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

    f.row("Ranges: clock hours written with h (9h-11h, from 9h to 11h)")
    f.add("9h-11h deploy", THU, **span(hhmm(9), hhmm(11)))
    f.add("from 9h to 11h workshop", WED, **span(hhmm(9), hhmm(11)))
    f.add("14h-16h design", MON, **span(hhmm(14), hhmm(16)))
    f.add("yesterday 8h-12h support", FRI, date=days_ago(FRI, 1), **span(hhmm(8), hhmm(12)))

    f.row("Ranges: after a morning day part, a range ending at 12 ends at noon (this morning 10-12)")
    f.add("this morning 10-12 support", WED, date=today(WED), **span(morning(10), NOON))
    f.add("in the morning from 9 to 12 testing", THU, **span(morning(9), NOON))
    f.add("yesterday morning 8-12 migration", MON, date=days_ago(MON, 1), **span(morning(8), NOON))

    f.row("Ranges: a weekday and a day part, then a dash range (tuesday afternoon 2-4)")
    f.add("thursday afternoon 1-3 review", SAT, date=most_recent_weekday(SAT, TH), **span(afternoon(1), afternoon(3)))
    f.add("wednesday morning 10-12 planning", FRI, date=most_recent_weekday(FRI, WE), **span(morning(10), NOON))
    f.add("friday evening 7-9 release", SAT, date=most_recent_weekday(SAT, FR), **span(evening(7), evening(9)))

    f.row("Ranges: clock hours with h and minutes (9h-11h30)")
    f.add("9h-11h30 planning", WED, **span(hhmm(9), hhmm(11, 30)))
    f.add("from 9 - 11 review", TUE, **span(working(9), working(11)))


def negative_cases(f: CaseFile) -> None:
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

    f.row("Negative: numbers joined by to or a dash that cannot be clock hours stay text; a bare ordinal before a word is that word's")
    f.add("pages 40 to 45 translated", WED, duration=None, start=None)
    f.add("the 3rd time deploying, 1 hour", THU, date=today(THU), duration=hours(1))
    f.add("3 hours for the 4th iteration", FRI, date=today(FRI), duration=hours(3))


def entry_cases(f: CaseFile) -> None:
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


    f.row("Entry: the newer kinds of time phrases in whole sentences with names (abbreviations, approximations, week-anchored days)")
    f.add("about 2 hours on the dashboard yday with Lisa", THU, date=days_ago(THU, 1), duration=hours(2),
          project=project("Dashboard"), persons=people("Lisa"))
    f.add("next week on friday 2h deploy for timi", THU, date=next_iso_week_day(THU, FR), duration=hours(2),
          project=project("Timi"), service=service("Deployment"))
    f.add("the day before yday 9h-11h support on the chatbot", THU, date=days_ago(THU, 2), **span(hhmm(9), hhmm(11)),
          project=project("Chatbot"), service=service("Support"))
    f.add("monday afternoon 3-5 code review with Sophie", FRI, date=most_recent_weekday(FRI, MO),
          **span(afternoon(3), afternoon(5)), service=service("Code review"), persons=people("Sophie"))
    f.add("friday the 13th ~45 min standup with Bram", MON, date=most_recent_weekday_month_day(MON, FR, 13),
          duration=minutes(45), service=service("Standup"), persons=people("Bram"))

    f.row("Names: a person one letter short of a name of five letters (with Sane) is that person, asked (a near miss)")
    f.add("1h call with Sane", WED, duration=hours(1), persons=people("Sanne"))
    f.add("code review with rwan and daan 2h", WED, duration=hours(2), service=service("Code review"),
          persons=people("Rowan", "Daan"))
