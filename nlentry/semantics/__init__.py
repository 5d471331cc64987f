"""Stage 2: parse tree -> unresolved values. The one place where neutral node names get meaning.

Every locale grammar maps its words onto the node names documented in grammars/README.md
(`half_before`, `quarter_past`, `weekday_last`, `amount_unit`, ...). The `Semantics` transformer
below has one method per name and knows no language: value words come from the locale's tables.
Nothing here looks at `now`; that is `nlentry.resolve`'s job.
"""

from __future__ import annotations

from nlentry import locales
from nlentry.grammar import NO_VALUE, Constant, Node, Token, span_of
from nlentry.locales import Locale
from nlentry.semantics.values import (
    Clock,
    ClockRange,
    DayRef,
    Duration,
    Item,
    Pair,
    make_clock,
    make_clock_range,
    make_day,
    make_duration,
    make_item,
    make_pair,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from nlentry.grammar import Action, Kinds

HOUR, MINUTE, DAY, WEEK, MONTH, YEAR = 3600, 60, 86400, 604800, 30 * 86400, 365 * 86400


class HourMinute(int):
    """Number words read as a clock time: "three twenty" = 3:20 (its int value is 3)."""

    minute: int

    def __new__(cls, hour: int, minute: int) -> HourMinute:
        obj = super().__new__(cls, hour)
        obj.minute = minute
        return obj


class Month(int):
    """A month number, told apart from day numbers in `date_text` children."""


class Year(int):
    """A year as written (two digits are widened by `nlentry.resolve`)."""


# Terminals whose text carries a value; every other token is a keyword and means only its node.
VALUE_TOKENS = frozenset({"INT", "NUMWORD", "ORDWORD", "DAYPART_WORD", "DECIMAL", "HM", "UNIT_HM", "DMY",
                          "YMD", "PAIR", "FRACTION", "ORDINAL", "YEAR", "DAY_DOT"})


class Semantics:
    """Neutral node name -> value. Built once per locale (it holds the locale's value tables).

    Each node's method gets the values of its children, keyword tokens left out (the parser keeps them
    only so that every node has a span). The parser calls them as it reduces each rule (`action`), so a
    parsed node comes with its value; `evaluate` reads a tree bottom-up without those values, the
    reference that tests/test_driver_vs_lark.py holds the parser's values to.
    """

    def __init__(self, locale: Locale) -> None:
        self.numbers = locale.numbers
        self.ordinals = locale.ordinals
        self.daypart_words = locale.daypart_words
        # unit words that never name a clock hour: "around 4 hours" is how long, not when
        self.duration_units = frozenset(locale.words.get("duration_units", ()))

    def transform(self, node: Node) -> Any:
        """The value of a node: the one the parser gave it, else read from its children (`evaluate`: a node
        made after parsing, or one whose reading raised, which raises again here)."""
        value = node.value
        return self.evaluate(node) if value is NO_VALUE else value

    def evaluate(self, node: Node) -> Any:
        """The value of a tree read bottom-up, whatever values its nodes hold."""
        constant = _CONSTANTS.get(node.data, _NOT_CONSTANT)
        return self._read(node) if constant is _NOT_CONSTANT else constant

    def _read(self, node: Node) -> Any:
        """`evaluate` of a node that is not in `_CONSTANTS`."""
        method = _METHODS.get(node.data)
        if method is None:  # a node no grammar should produce: kept as it is, its children read
            return Node(node.data, [self.evaluate(c) if type(c) is Node else c for c in node.children])
        kept = []
        for child in node.children:
            if type(child) is Node:  # a node's value (no method returns a keyword token)
                constant = _CONSTANTS.get(child.data, _NOT_CONSTANT)
                kept.append(self._read(child) if constant is _NOT_CONSTANT else constant)
            elif child.type in VALUE_TOKENS:  # type: ignore[union-attr]
                kept.append(child)
        return method(self, kept)

    def action(self, name: str, places: tuple[str, ...] | None = None) -> Action:
        """What the parser calls when it makes a node `name` from its children: the node's value, or
        `NO_VALUE` when a child has none. It raises what the method raises (the parser then gives the node
        `NO_VALUE`, and `transform` reads it again, raising where `evaluate` would). None for a node no
        method reads; a `Constant` for a node in `_CONSTANTS`.

        `places`, when the grammar fixes them (`_rule_places`), say what stands in each child place: a
        "node", a "value" token or a "keyword" token. The action then takes what the method reads from
        those places (`_reader`) instead of testing every child, as the general action does."""
        constant = _CONSTANTS.get(name, _NOT_CONSTANT)
        if constant is not _NOT_CONSTANT:
            return Constant(constant)
        method = _METHODS.get(name)
        if method is None:
            return None
        read = method.__get__(self)
        special = None if places is None else _reader(read, places)
        if special is not None:
            return special
        value_tokens = VALUE_TOKENS

        def act(children: list[Any]) -> Any:
            kept = []
            for child in children:
                if type(child) is Node:
                    value = child.value
                    if value is NO_VALUE:
                        return NO_VALUE
                    kept.append(value)
                elif child.type in value_tokens:
                    kept.append(child)
            return read(kept)

        return act

    # ---- numbers ---------------------------------------------------------------------------

    def number(self, c: list[Any]) -> int:
        if len(c) == 1:
            one = c[0]
            if isinstance(one, Token):  # the commonest: one INT or number word
                if one.type == "INT":
                    return int(one.value)
                return int(one.value[:-1]) if one.type == "DAY_DOT" else self.numbers[one.value]
            return int(one) if not isinstance(one, HourMinute) else one  # from number_words
        values = [int(t.value) if t.type == "INT" else self.numbers[t.value] for t in c]
        if len(values) > 1 and not (values[0] >= 20 and values[0] % 10 == 0 and values[1] < 10):
            return HourMinute(values[0], sum(values[1:]))  # "three twenty", "nine fifty nine"
        return sum(values)

    def number_words(self, c: list[Token]) -> int:
        return self.number(c)

    def one(self, _: list[Any]) -> int:
        return 1

    def amount(self, c: list[Any]) -> float | Pair:
        v = c[0]
        if isinstance(v, Token):  # DECIMAL: comma and point are equal
            return _plain(v)
        return v  # type: ignore[no-any-return]

    def amount_and_half(self, c: list[int]) -> float:
        return c[0] + 0.5

    def amount_and_quarters(self, c: list[int]) -> float:
        return c[0] + 0.25 * (c[1] if len(c) > 1 else 1)

    def fraction(self, c: list[Token]) -> Pair:
        glyph = _FRACTION_GLYPHS.get(str(c[0]))
        return glyph if glyph is not None else self.pair(c)

    def amount_and_fraction(self, c: list[Any]) -> float:
        return float(c[0]) + _plain(c[1])

    def pair(self, c: list[Token]) -> Pair:
        text = str(c[0])
        sep = "-" if "-" in text else "/"
        a, b = text.split(sep)
        return make_pair(int(a), int(b), sep, len(b) == 2 and b.startswith("0"))

    # ---- durations -------------------------------------------------------------------------

    def hours(self, _: list[Any]) -> int:
        return HOUR

    def minutes(self, _: list[Any]) -> int:
        return MINUTE

    def seconds(self, _: list[Any]) -> int:
        return 1

    def days(self, _: list[Any]) -> int:
        return DAY

    def months(self, _: list[Any]) -> int:
        return MONTH

    def years(self, _: list[Any]) -> int:
        return YEAR

    def weeks(self, _: list[Any]) -> int:
        return WEEK

    def amount_unit(self, c: list[Any]) -> Duration:
        amount, unit = c
        return make_duration(_plain(amount) * unit, unit=unit)

    def half_unit(self, c: list[int]) -> Duration:
        return make_duration(c[0] / 2)

    def one_and_half(self, c: list[int]) -> Duration:
        return make_duration(1.5 * c[0])

    def quarters(self, c: list[Any]) -> Duration:
        return make_duration(900 * (c[0] if c else 1), unit=900)

    def quarter_hour(self, _: list[Any]) -> Duration:
        return make_duration(900)

    def one_hour(self, _: list[Any]) -> Duration:
        return make_duration(HOUR, unit=HOUR)

    def one_and_half_hour(self, _: list[Any]) -> Duration:
        return make_duration(1.5 * HOUR, unit=HOUR)

    def one_unit(self, c: list[int]) -> Duration:
        return make_duration(c[0], unit=c[0])

    def half_hour(self, _: list[Any]) -> Duration:
        return make_duration(1800)

    def approx(self, _: list[Any]) -> None:
        return None  # "ongeveer": read_items joins it to the duration right after it

    def half_more(self, _: list[Any]) -> Duration:
        return make_duration(0.0, half=True)

    def or_amount(self, c: list[Any]) -> Duration:
        return make_duration(_plain(c[0]), unit=c[1] if len(c) > 1 else 0, count=True)

    def unit_hm(self, c: list[Token]) -> Duration:
        h, m = _split_hm(str(c[0]))
        return make_duration(h * HOUR + m * MINUTE)

    def hm_duration(self, c: list[Token]) -> Duration:
        h, m = _split_hm(str(c[0]))
        return make_duration(h * HOUR + m * MINUTE)

    def tail_piece(self, c: list[Any]) -> Duration:
        if len(c) == 2:
            return self.amount_unit(c)
        return make_duration(_plain(c[0]) * MINUTE, hm=True)

    def duration(self, c: list[Duration]) -> Duration:
        if len(c) == 1:  # the commonest: one piece that counts as it is
            piece = c[0]
            if not (piece.half or piece.count or piece.hm):
                return make_duration(0.0 + piece.seconds)
        total = 0.0
        previous: Duration | None = None
        for piece in c:
            if piece.half:  # "an hour and a half": half of the unit before
                total += (previous.unit if previous else HOUR) / 2
            elif piece.count:  # "een uurtje of drie": the count of the piece before was a guess
                unit = piece.unit or (previous.unit if previous else 0) or HOUR
                total += piece.seconds * unit - (previous.seconds if previous else 0)
            elif piece.hm:  # "1 hour thirty": a bare number counts minutes, and only after hours
                if previous is not None and previous.unit == HOUR:
                    total += piece.seconds
            else:
                total += piece.seconds
            previous = piece
        return make_duration(total)

    # ---- clock times -----------------------------------------------------------------------

    def clock_hm(self, c: list[Token]) -> Clock:
        text = str(c[0])
        h, m = _split_hm(text)
        padded = text[:1] == "0" and text[1:2].isdigit()  # "09:30" is a clock, "0:45" may be a duration
        return make_clock(h, m, fixed=h >= 13 or padded, shape="hm")

    def clock_hour(self, c: list[Any]) -> Clock:
        clock = _as_clock(c[0])
        minute = c[1] if len(c) > 1 else clock.minute
        return clock.with_(minute=minute, shape="hour", fixed=clock.hour >= 13 or clock.hour == 0)

    def am(self, _: list[Any]) -> str:
        return "am"

    def pm(self, _: list[Any]) -> str:
        return "pm"

    def clock_meridiem(self, c: list[Any]) -> Clock:
        return _as_clock(c[0]).with_(meridiem=c[1], fixed=False)

    def clock_part(self, c: list[Any]) -> Clock | ClockRange:
        what = c[1]
        if isinstance(what, DayRef):
            changes: dict[str, Any] = {"day": what}
        elif isinstance(what, tuple):
            changes = {"day": what[0], "part": what[1]}
        else:
            changes = {"part": what}
        if isinstance(c[0], ClockRange):  # "from 9 to 11 yesterday"
            return c[0].on(**changes)
        clock = _as_clock(c[0])
        if clock.as_range is not None:  # "from 10 to 11 yesterday": both readings get the day
            changes["as_range"] = clock.as_range.on(**changes)
        return clock.with_(**changes)

    def noon(self, _: list[Any]) -> Clock:
        return make_clock(12, 0, fixed=True)

    def midnight(self, _: list[Any]) -> Clock:
        return make_clock(0, 0, fixed=True)

    def clock_half_before(self, c: list[Any]) -> Clock:
        return _minutes_from(_as_clock(c[0]), -30)

    def half_past(self, c: list[Any]) -> Clock:
        return _minutes_from(_as_clock(c[0]), 30)

    def quarter_past(self, c: list[Any]) -> Clock:
        return _minutes_from(_as_clock(c[0]), 15)

    def quarter_before(self, c: list[Any]) -> Clock:
        return _minutes_from(_as_clock(c[0]), -15)

    def minutes_past(self, c: list[Any]) -> Clock:
        return _minutes_from(_as_clock(c[-1]), _whole(c[0]))

    def minutes_before(self, c: list[Any]) -> Clock | ClockRange | Duration:
        if isinstance(c[-1], Duration):  # "10 to 15 minutes": how long, with a lower bound
            return c[-1]
        minutes, target = _whole(c[0]), _as_clock(c[-1])
        if len(c) == 3 and c[1] == HOUR:  # "9h to 11h": hours are no minutes before anything
            return make_clock_range(_as_clock(c[0]), target)
        if len(c) == 2:  # no unit: "3 to 4" may be a range
            if target.fixed and target.hour in (0, 12) and not target.minute and 0 < minutes < 60 \
                    and not 7 <= minutes <= 11:
                # "15 to noon": no range starts at 15:00 (or 13:00-18:00 by the working-hours rule) and ends
                # at noon; "9 to noon" may be one. After "from", the range reading stays available.
                as_range = make_clock_range(_as_clock(c[0]), target) if minutes <= 24 else None
                return _minutes_from(target, -minutes).with_(as_range=as_range)
            as_range = self.clock_range([c[0], target])
            if minutes not in _CLOCK_MINUTES or target.minute:
                return as_range  # "3 to 4", "10 to quarter to 12"
            return _minutes_from(target, -minutes).with_(as_range=as_range)
        return _minutes_from(target, -minutes)

    def minutes_past_half(self, c: list[Any]) -> Clock:
        return _minutes_from(_as_clock(c[-1]), _whole(c[0]) - 30)

    def minutes_before_half(self, c: list[Any]) -> Clock:
        return _minutes_from(_as_clock(c[-1]), -30 - _whole(c[0]))

    # items made of clocks: (role, value) pairs, wrapped into Items by `read_items`
    def clock_at(self, c: list[Any]) -> tuple[str, Any]:
        return "at", _cued(c[0])

    def clock_from(self, c: list[Any]) -> tuple[str, Any]:
        value = _cued(c[0])
        if isinstance(value, Clock) and value.as_range:  # "from 10 till noon"
            return "from", value.as_range
        return "from", value

    def clock_until(self, c: list[Any]) -> tuple[str, Any]:
        return "until", _cued(c[0])

    def clock_range(self, c: list[Any]) -> ClockRange:
        start, end = _as_clock(c[0]), _as_clock(c[1])
        if max(start.hour, end.hour) > 24 or max(start.minute, end.minute) > 59:
            raise ValueError("no clock range")  # "tickets 40 tot 45": numbers, not times
        return make_clock_range(start, end)

    def clock_for(self, c: list[Any]) -> tuple[str | None, Clock, Duration]:
        first, duration = c[0], c[-1]
        if isinstance(first, tuple):
            role, clock = first
            return role, _as_clock(clock), duration
        return None, _as_clock(first), duration

    # ---- day parts ---------------------------------------------------------------------------

    def morning(self, _: list[Any]) -> str:
        return "morning"

    def afternoon(self, _: list[Any]) -> str:
        return "afternoon"

    def evening(self, _: list[Any]) -> str:
        return "evening"

    def night(self, _: list[Any]) -> str:
        return "night"

    def noon_part(self, _: list[Any]) -> str:
        return "afternoon"

    def daypart_day(self, c: list[Any]) -> tuple[DayRef, str]:
        if isinstance(c[0], Token):
            days, part = self.daypart_words[c[0].value]
            return make_day("offset", days=days), part
        return c[0], c[1]

    # ---- dates -------------------------------------------------------------------------------

    def today(self, _: list[Any]) -> DayRef:
        return make_day("offset", days=0)

    def yesterday(self, _: list[Any]) -> DayRef:
        return make_day("offset", days=-1)

    def day_before_yesterday(self, _: list[Any]) -> DayRef:
        return make_day("offset", days=-2)

    def tomorrow(self, _: list[Any]) -> DayRef:
        return make_day("offset", days=1)

    def day_after_tomorrow(self, _: list[Any]) -> DayRef:
        return make_day("offset", days=2)

    def weekday_recent(self, c: list[int]) -> DayRef:
        return make_day("weekday", weekday=c[0], mode="recent")

    def weekday_month_day(self, c: list[Any]) -> DayRef:
        if isinstance(c[1], DayRef):  # "sunday the 8th of march": the date says it all
            return c[1]
        return make_day("month_day", weekday=c[0], day=c[1])

    def weekday_last(self, c: list[int]) -> DayRef:
        return make_day("weekday", weekday=c[0], mode="last")

    def weekday_next(self, c: list[int]) -> DayRef:
        return make_day("weekday", weekday=c[0], mode="next")

    def weekday_after_next(self, c: list[int]) -> DayRef:
        return make_day("weekday", weekday=c[0], mode="after_next")

    def weekday_prev_week(self, c: list[int]) -> DayRef:
        return make_day("weekday", weekday=c[0], mode="prev_week")

    def weekday_this_week(self, c: list[int]) -> DayRef:
        return make_day("weekday", weekday=c[0], mode="this_week")

    def weekday_next_week(self, c: list[int]) -> DayRef:
        return make_day("weekday", weekday=c[0], mode="next_week")

    def weekday_week_later(self, c: list[int]) -> DayRef:
        return make_day("weekday", weekday=c[0], mode="week_later")

    def daypart_yesterday(self, c: list[str]) -> tuple[DayRef, str]:
        return make_day("offset", days=-1), c[0]

    def day_after_day(self, c: list[Any]) -> DayRef:
        return make_day("ahead", amount=_plain(c[0]), unit=_unit_name(c[1]), days=c[2].days)

    def date_numeric(self, c: list[Any]) -> DayRef | tuple[DayRef, Clock]:
        text = str(c[0])
        parts = [int(p) for p in text.replace("/", "-").replace(".", "-").split("-")]
        if c[0].type == "YMD":
            day = make_day("date", year=parts[0], month=parts[1], day=parts[2])
        else:
            day = make_day("date", day=parts[0], month=parts[1], year=Year(parts[2]))
        if len(c) > 1:
            return day, self.clock_hm([c[1]])
        return day

    def date_text(self, c: list[Any]) -> DayRef:
        month = next(x for x in c if isinstance(x, Month))
        year = next((x for x in c if isinstance(x, Year)), None)
        day = next(x for x in c if not isinstance(x, (Month, Year)))
        if day > 31 and year is not None and year <= 31:  # "2018 March 18"
            day, year = int(year), Year(day)
        return make_day("date", day=day, month=int(month), year=year)

    def year(self, c: list[Token]) -> Year:
        return Year(int(c[-1]))

    def day_number(self, c: list[Any]) -> int:
        v = c[0]
        if isinstance(v, Token):
            digits = "".join(ch for ch in v.value if ch.isdigit())
            return int(digits)
        return int(v)

    def ordinal_word(self, c: list[Token]) -> int:
        return self.ordinals[str(c[0])]

    def ordinal_two(self, _: list[Any]) -> int:
        return 2

    def day_ago(self, c: list[Any]) -> DayRef | Duration:
        if c[1] < DAY:  # "2 hours ago" names no other day: it is how long
            return make_duration(_plain(c[0]) * c[1], unit=c[1])
        return make_day("ago", amount=_plain(c[0]), unit=_unit_name(c[1]))

    def day_ahead(self, c: list[Any]) -> DayRef | Duration:
        if c[1] < DAY:  # "in 2 hours" (deploy in 2 hours): a duration, not a date
            return make_duration(_plain(c[0]) * c[1], unit=c[1])
        return make_day("ahead", amount=_plain(c[0]), unit=_unit_name(c[1]))

    def next_month(self, _: list[Any]) -> int:
        return 1

    def this_month(self, _: list[Any]) -> int:
        return 0

    def last_month(self, _: list[Any]) -> int:
        return -1

    def day_nth_weekday(self, c: list[Any]) -> DayRef:
        n, weekday, *rest = c
        return self._in_month(make_day("nth_weekday", n=n, weekday=weekday), rest)

    def day_last_weekday(self, c: list[Any]) -> DayRef:
        weekday, *rest = c
        return self._in_month(make_day("nth_weekday", n=-1, weekday=weekday), rest)

    def day_last_of_month(self, c: list[Any]) -> DayRef:
        return self._in_month(make_day("last_day"), c)

    def _in_month(self, ref: DayRef, rest: list[Any]) -> DayRef:
        month = next((x for x in rest if isinstance(x, Month)), None)
        year = next((x for x in rest if isinstance(x, Year)), None)
        months = next((x for x in rest if type(x) is int), None)
        return ref.replace(month=None if month is None else int(month), year=year, months=months)  # type: ignore[no-any-return]

    def day_of_month(self, c: list[Any]) -> DayRef:
        return c[0] if isinstance(c[0], DayRef) else make_day("month_day", day=c[0])

    def day_ordinal(self, c: list[Any]) -> DayRef:
        return self.day_of_month(c)

    def day_relative_month(self, c: list[Any]) -> DayRef:
        day = c[0] if not isinstance(c[0], Token) else int("".join(ch for ch in c[0].value if ch.isdigit()))
        return make_day("month_day", day=day, months=c[-1])

    def day_also(self, c: list[DayRef]) -> DayRef:
        return c[0]

    def day_until(self, c: list[DayRef]) -> DayRef:
        return c[0]

    def weekdays_ahead(self, c: list[int]) -> DayRef:
        return make_day("weekdays_ahead", n=c[0], weekday=c[1])

    def weekdays_ago(self, c: list[int]) -> DayRef:
        return make_day("weekdays_ago", n=c[0], weekday=c[1])


def _weekday(index: int) -> Any:
    return lambda self, _: index


def _month(index: int) -> Any:
    return lambda self, _: Month(index)


for _i, _name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun")):
    setattr(Semantics, _name, _weekday(_i))
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
for _i, _name in enumerate(_MONTHS):
    setattr(Semantics, _name, _month(_i + 1))


def _reader(read: Any, places: tuple[str, ...]) -> Action:
    """The action that calls `read` with the values of the children in `places` (see `Semantics.action`),
    for the shapes of the commonest rules; None for any other shape (the general action reads it)."""
    nodes = [i for i, place in enumerate(places) if place == "node"]
    values = [i for i, place in enumerate(places) if place == "value"]
    if not nodes and len(values) == len(places):
        return read  # type: ignore[no-any-return] # every child is read: the list itself (no method changes it)
    if not nodes and not values:
        return lambda children: read([])
    if not nodes and len(values) == 1:
        at = values[0]
        return lambda children: read([children[at]])
    if values or len(nodes) > 2:
        return None
    if len(nodes) == 1:
        at = nodes[0]

        def one_node(children: list[Any]) -> Any:
            value = children[at].value
            return NO_VALUE if value is NO_VALUE else read([value])

        return one_node
    first_at, second_at = nodes

    def two_nodes(children: list[Any]) -> Any:
        first, second = children[first_at].value, children[second_at].value
        return NO_VALUE if first is NO_VALUE or second is NO_VALUE else read([first, second])

    return two_nodes


def _rule_places(kinds: Kinds) -> tuple[str, ...] | None:
    """What stands in each child place of a rule's node (`Semantics.action`) from the terminals each place
    can hold (`nlentry.grammar.Compiled.kinds`): a "node", a "value" token or a "keyword" token; None when
    not fixed (a place that may hold either kind of token, or a rule whose children vary)."""
    if kinds is None:
        return None
    places = []
    for terminals in kinds:
        if not terminals:
            places.append("node")
        elif all(t in VALUE_TOKENS for t in terminals):
            places.append("value")
        elif not any(t in VALUE_TOKENS for t in terminals):
            places.append("keyword")
        else:
            return None
    return tuple(places)


def rule_actions(code: str, rules: tuple[tuple[str, int, str, int], ...],
                 kinds: tuple[Kinds, ...]) -> tuple[Action, ...]:
    """The action of each grammar rule (`nlentry.grammar.Compiled.actions`): the locale's `Semantics.action`
    of the node it makes, taking its children from their places where the grammar fixes them."""
    semantics = Semantics(locales.get(code))
    made: dict[tuple[str, tuple[str, ...] | None], Action] = {}
    actions = []
    for (_, size, name, _), rule_kinds in zip(rules, kinds, strict=True):
        if rule_kinds is not None and len(rule_kinds) != size:  # tables that disagree: never read them
            raise ValueError(f"rule {name!r} has {size} children but {len(rule_kinds)} fixed places")
        key = (name, _rule_places(rule_kinds))
        if key not in made:
            made[key] = None if name[0] == "_" else semantics.action(*key)
        actions.append(made[key])
    return tuple(actions)


# node name -> method, looked up once per node instead of through getattr
_METHODS = {name: fn for name, fn in vars(Semantics).items() if not name.startswith("_") and callable(fn)}
for _name in ("transform", "evaluate", "action"):
    _METHODS.pop(_name, None)

_NOT_CONSTANT = object()
_CONSTANTS: dict[str, Any] = {
    name: _METHODS[name](None, [])
    for name in ("one", "hours", "minutes", "seconds", "days", "months", "years", "weeks", "quarter_hour",
                 "one_hour", "one_and_half_hour", "half_hour", "approx", "half_more", "am", "pm", "noon",
                 "midnight", "morning", "afternoon", "evening", "night", "noon_part", "today", "yesterday",
                 "day_before_yesterday", "tomorrow", "day_after_tomorrow", "ordinal_two", "next_month",
                 "this_month", "last_month", "mon", "tue", "wed", "thu", "fri", "sat", "sun", *_MONTHS)
}
"""The nodes whose value is the same whatever their (keyword) children, made once: `transform` takes
them as they are. Their rules hold keywords only (tests/test_grammar.py checks it); the values are
immutable."""


def _split_hm(text: str) -> tuple[int, int]:
    for sep in (":", "u", "h", ".", ","):
        if sep in text:
            h, rest = text.split(sep, 1)
            return int(h), int(rest[:2] or 0)
    return int(text), 0


_FRACTION_GLYPHS = {"½": Pair(1, 2, "/", False), "¼": Pair(1, 4, "/", False), "¾": Pair(3, 4, "/", False)}

# minute counts that make "N to H" a clock time rather than a range "from N to H"
_CLOCK_MINUTES = frozenset({5, 10, 20, 25})


def _whole(amount: Any) -> int:
    return int(_plain(amount))


def _plain(amount: Any) -> float:
    if type(amount) is int:  # the commonest: a whole number
        return float(amount)
    if isinstance(amount, Pair):
        return amount.a / amount.b if amount.b else 0.0
    if isinstance(amount, Token):
        amount = amount.value
    if isinstance(amount, str):  # a DECIMAL token's text: comma and point are equal
        return float(amount.replace(",", "."))
    return float(amount)


def _unit_name(seconds: int) -> str:
    return {1: "seconds", MINUTE: "minutes", HOUR: "hours", DAY: "days", WEEK: "weeks", MONTH: "months",
            YEAR: "years"}[seconds]


def _as_clock(value: Any) -> Clock:
    """A clock from whatever stood in a clock slot: a Clock, a number, or a decimal like 14.30."""
    if isinstance(value, Clock):
        return value
    if isinstance(value, tuple):  # a cued clock inside another construct
        return _as_clock(value[1])
    if isinstance(value, ClockRange):  # a range where one clock was expected: its start
        return value.start
    if isinstance(value, float) and not value.is_integer():
        h = int(value)
        m = round((value - h) * 100)
        return make_clock(h, m, fixed=h >= 13, shape="hm")
    if isinstance(value, Pair):
        return make_clock(value.a, value.b, shape="hm")
    if isinstance(value, Duration):  # "om 3 uur", "14 uur 15 's middags"
        h, rest = divmod(int(value.seconds), 3600)
        return make_clock(h, rest // 60, fixed=h >= 13 or h == 0, shape="hour")
    if isinstance(value, Token):  # a DECIMAL such as 14.30 before am/pm
        return _as_clock(_plain(value))
    h = int(value)
    if isinstance(value, HourMinute):
        return make_clock(h, value.minute, shape="hour")
    return make_clock(h, 0, fixed=h >= 13 or h == 0, shape="number")


def _cued(value: Any) -> Any:
    if isinstance(value, (Pair, ClockRange)):
        return value
    return _as_clock(value)


def _minutes_from(clock: Clock, delta: int) -> Clock:
    total = (clock.hour * 60 + clock.minute + delta) % (24 * 60)
    h, m = divmod(total, 60)
    if clock.hour != 0 and h == 0 and not clock.fixed:
        h = 12  # "kwart voor een" / "half een" are 12:45 / 12:30, not 0:45
    return clock.with_(hour=h, minute=m, shape="hour")


_KINDS = {
    "duration": "duration", "clock_range": "range", "clock_for": "clock_for", "pair": "pair",
    "clock_at": "clock", "clock_from": "clock", "clock_until": "clock",
}


# a day joined to the one before it ("en dinsdag", "t/m vrijdag"): the role of its Item
_JOINED = {"day_also": "and", "day_until": "through"}

_RANK = {"seconds": 1, "minutes": 2, "hours": 3, "days": 4, "weeks": 5, "months": 6, "years": 7}
_PIECE_RANK = {"unit_hm": 3, "hm_duration": 3, "one_hour": 3, "quarters": 2, "quarter_hour": 2,
               "half_hour": 2}
_TAILS = {"half_more", "or_amount"}


def _rank(piece: Node) -> int:
    if piece.data in _PIECE_RANK:
        return _PIECE_RANK[piece.data]
    units = [c for c in piece.children if isinstance(c, Node) and c.data in _RANK]
    return _RANK[units[-1].data] if units else 2


def _runs(duration: Node) -> list[Node]:
    """Split "10 uur 2 uur" into two durations: within one composite the units must get smaller.

    A piece that turned out to be a date ("2 uur 2 dagen geleden") leaves as an item of its own.
    """
    pieces = duration.children
    if len(pieces) == 1 and type(pieces[0]) is Node and pieces[0].data != "day_ago":
        return [duration]  # one piece (the common case): one run, whatever its rank
    runs: list[list[Any]] = []
    dates: list[Node] = []
    previous = 99
    for piece in pieces:
        if isinstance(piece, Token):  # a joiner ("en", ","): stays with the run it joins
            if runs:
                runs[-1].append(piece)
            continue
        if piece.data == "day_ago":
            dates.append(piece)
            continue
        rank = 0 if piece.data in _TAILS else _rank(piece)
        if rank and rank >= previous and runs:
            runs.append([piece])
        elif runs:
            runs[-1].append(piece)
        else:
            runs.append([piece])
        previous = rank or previous
    if len(runs) == 1 and not dates:
        return [duration]
    trimmed = []
    for run in runs:
        while run and isinstance(run[-1], Token):
            run.pop()
        if run:
            trimmed.append(Node(duration.data, run))
    return trimmed + dates


_SPLIT = frozenset({"duration", "clock_at", "clock_from", "clock_until", "clock_range"})
"""The items `_split` may cut in two (a duration that swallowed another, also after a clock cue)."""


def _whole_hours(node: Any) -> bool:
    """A duration of one piece, a whole number of hours ("9u", "11 uur", "9h"): the shape of a clock hour."""
    if type(node) is not Node or node.data != "duration" or len(node.children) != 1:
        return False
    piece = node.children[0]
    if type(piece) is not Node or piece.data != "amount_unit":
        return False
    amount, unit = piece.children[0], piece.children[-1]
    return (type(unit) is Node and unit.data == "hours" and type(amount) is Node and amount.data == "amount"
            and type(amount.children[0]) is Node and amount.children[0].data == "number")


def _unit_words(node: Node) -> set[str]:
    """The unit words of a duration ("hours" in "3 hours")."""
    words: set[str] = set()
    for child in node.children:
        if type(child) is Node:
            if child.data in _RANK:
                words.update(c.value for c in child.children if type(c) is Token)
            else:
                words |= _unit_words(child)
    return words


def _below_hours(node: Node) -> bool:
    """A duration counted in units below the hour only ("15 minuten"): it can name no clock time."""
    ranks = [_rank(piece) for piece in node.children if type(piece) is Node and piece.data not in _TAILS]
    return bool(ranks) and max(ranks) < _RANK["hours"]


def _clock_hour_shaped(node: Any) -> bool:
    """Written like a clock hour with its unit: whole hours ("11u", "16 uur"), hours and minutes ("11u30")."""
    return _whole_hours(node) or (type(node) is Node and node.data == "clock_hm"
                                  and type(node.children[0]) is Token and node.children[0].type == "UNIT_HM")


def _split(tree: Node, duration_units: frozenset[str] = frozenset()) -> list[Node]:
    """One parse item, or several where a duration swallowed a second one."""
    if tree.data == "duration":
        return _runs(tree)
    if tree.data in ("clock_at", "clock_from", "clock_until") and duration_units and tree.children:
        inner = tree.children[-1]
        if type(inner) is Node and inner.data == "duration" and _unit_words(inner) & duration_units:
            # "around 4 hours": a duration after a cue that is also an approximation (the cue in its span)
            return _runs(Node(inner.data, [*tree.children[:-1], *inner.children]))
    if tree.data == "clock_range" and tree.children and type(tree.children[-1]) is Node \
            and tree.children[-1].data == "duration" and _below_hours(tree.children[-1]):
        return _runs(tree.children[-1])  # "10 tot 15 minuten": how long, with a lower bound
    if tree.data in ("clock_at", "clock_from", "clock_until", "clock_range") and tree.children:
        inner = tree.children[-1]
        if isinstance(inner, Node) and inner.data == "duration":
            first, *rest = _runs(inner)
            if rest:
                return [Node(tree.data, [*tree.children[:-1], first]), *rest]
    return [tree]


def _hour_ranges(trees: tuple[Node, ...]) -> list[Node]:
    """The items, with a clock hour and an end right after it joined into a range ("9u tot 11u", "14u-16u").

    Only hours written like clock hours on both sides: "2 uur tot 17:00" stays a duration and an end.
    """
    out: list[Node] = []
    for tree in trees:
        if tree.data == "clock_until" and out and out[-1].data == "duration" and _whole_hours(out[-1]) \
                and _clock_hour_shaped(tree.children[-1]) \
                and 0 <= (span_of(tree) or (0, 0))[0] - (span_of(out[-1]) or (0, -9))[1] <= 1:
            out[-1] = Node("clock_range", [out[-1], *tree.children])
        else:
            out.append(tree)
    return out


def read_items(trees: tuple[Node, ...], semantics: Semantics, rules: list[str] | None = None) -> list[Item]:
    """The values of a phrase's items, each with its span; unknown constructions are skipped.

    `rules`, when given, gets the grammar rule of each item's tree, item by item (for the reading trace).
    """
    items: list[Item] = []
    approx: tuple[int, int] | None = None
    if len(trees) > 1:
        trees = tuple(_hour_ranges(trees))
    for whole in trees:
        if whole.data == "approx":
            approx = span_of(whole)
            continue
        before, approx = approx, None
        trees_of_whole: tuple[Node, ...] | list[Node] = (whole,)
        if whole.data in _SPLIT:
            pieces = whole.children
            if not (whole.data == "duration" and len(pieces) == 1 and type(pieces[0]) is Node
                    and pieces[0].data != "day_ago"):  # a duration of one piece (`_runs`' first case)
                trees_of_whole = _split(whole, semantics.duration_units)
        for tree in trees_of_whole:
            span = span_of(tree)
            if span is None:
                continue
            if before is not None and 0 <= span[0] - before[1] <= 1 and tree.data == "duration":
                span = (before[0], span[1])  # "ongeveer 2 uur": the approximation reads as the number
            try:
                value = tree.value  # `semantics.transform(tree)`, spelled out
                if value is NO_VALUE:
                    value = semantics.evaluate(tree)
            except (ArithmeticError, KeyError, TypeError, ValueError, AttributeError):
                # a reading that makes no sense ("om 99:99") is skipped: its words stay description
                continue
            start, end = span
            if isinstance(value, Duration):
                items.append(make_item("duration", start, end, value))
            elif isinstance(value, Clock):
                items.append(make_item("clock", start, end, value))
            elif isinstance(value, DayRef):
                items.append(make_item("day", start, end, value, role=_JOINED.get(tree.data)))
            elif isinstance(value, str):
                items.append(make_item("part", start, end, value))
            elif (kind := _KINDS.get(tree.data)) == "clock" and isinstance(value, tuple):
                role, clock = value
                if isinstance(clock, ClockRange):  # "from 3 to 4" read through minutes_before
                    items.append(make_item("range", start, end, clock))
                else:
                    kind = "pair" if isinstance(clock, Pair) else "clock"
                    items.append(make_item(kind, start, end, clock, role=role))
            elif kind == "range":
                items.append(make_item("range", start, end, value))
            elif kind == "clock_for":
                role, clock, duration = value
                items.append(make_item("clock_for", start, end, clock, role=role, extra=duration))
            elif isinstance(value, Pair):
                items.append(make_item("pair", start, end, value))
            elif isinstance(value, ClockRange):
                items.append(make_item("range", start, end, value))
            elif isinstance(value, tuple) and isinstance(value[0], DayRef):
                day, other = value
                if isinstance(other, Clock):
                    items.append(make_item("day", start, end, day))
                    items.append(make_item("clock", start, end, other))
                else:
                    items.append(make_item("part", start, end, other, extra=day))
        if rules is not None:
            rules.extend([whole.data] * (len(items) - len(rules)))
    return items
