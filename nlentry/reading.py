"""The reading trace of a phrase, and everything derived from it: confidence, warnings, alternatives.

Every stage of `nlentry.parse` appends *facts* to one list, the trace, in the order it reads. A fact is
a plain tuple whose first element names its kind:

    ("item", rule, kind, start, end, value)   the grammar rule `rule` read text[start:end] as `value`
    ("read", field, start, end)               the resolve stage put that text in a time field
    ("convention", name, start, end, detail)  a convention of spec/conventions.md decided an ambiguity
                                             (start/end None: the whole phrase; detail: a date, a
                                             time or None)
    ("fallback", start, end, date)            the dateparser fallback read a date the grammar did not
    ("match", field, start, end, id, name, how)  a catalog item matched: how is one of `HOW`
    ("alternatives", key, alternatives)      other catalog items that fit field `key`
    ("unread", start, end, word, why)        a leftover word the reading did not use, and why
    ("unused", field, start, end)            an item read but not used: a second range or start time
    ("doubt", code, message)                 something the reading is unsure of; `WEIGHTS[code]`
                                             lowers the confidence, `message` (or None) is a warning

Facts are cheap to make (a tuple appended to a list); what they mean is decided here, in one place:
`summary` turns a trace into the confidence, warnings and alternatives of the Entry, and
`nlentry.explain` turns it into the explanation a user reads.
"""

from __future__ import annotations

from operator import itemgetter

from nlentry.model import Alternative, Entry

TYPE_CHECKING = False
if not TYPE_CHECKING:
    from nlentry._typing import NamedTuple

    Fact = tuple  # what the type checker reads below, without typing's `Any`
else:
    from typing import Any, NamedTuple

    Fact = tuple[Any, ...]
Trace = list[Fact]

HOW = frozenset({"name", "alias", "near", "prefix", "client", "person", "unknown"})
"""How a catalog match was made (the `how` of a "match" fact); each is said in words by the locale's
messages (`how_<code>`), as `nlentry.explain` renders it."""

CONVENTIONS = frozenset({"defaulted_date", "past_leaning", "working_hours", "hm_as_length", "dash_as_date",
                         "dash_as_range", "length_from_range", "end_from_length", "start_from_length"})
"""The conventions a "convention" fact can name; each is said in words by the locale's messages
(`convention_<code>`)."""

WEIGHTS: dict[str, float] = {
    # the grammar and the resolve stage
    "recovered": 0.05,           # the parser skipped a token to go on (one fact a skip, at most 4)
    "dash_not_a_date": 0.2,      # two numbers that are neither a range nor a real date
    "dash_as_range": 0.05,       # "9-11" read as a range; it could have been a date
    "no_such_date": 0.3,         # the day named does not exist
    "durations": 0.45,           # more than one length; the first counts: one of them was not meant
    "end_before_start": 0.3,     # a range that ends before it starts
    "end_before_start_at": 0.0,  # "from 4 until 2": the end is dropped
    "length_mismatch": 0.1,      # the length stated disagrees with the range
    "long": 0.45,                # longer than 12 hours: rarely meant, often a misreading ("15h")
    "two_days": 0.45,            # two days named that disagree ("maandag dinsdag")
    "two_ranges": 0.45,          # a second time range ("9-12 en 13-17"): one entry cannot hold both
    "several_entries": 0.5,      # a list or run of days, or a second range: several entries (parse_all)
    "two_times": 0.45,           # a second start or end time
    "clock_digits_as_date": 0.45,  # "8-12" after a day part read as a date
    "far_date": 0.45,            # a guessed date more than a year from now ("8.30-12" as 30 Aug 2012)
    "future_date": 0.45,         # a day to come ("6u dev, morgen verder"): time is logged after the work
    "ordinal_before_noun": 0.45,  # "the 2nd version": an ordinal that may not be a day of the month
    "lone_reading": 0.45,        # the phrase is one value whose kind a convention chose ("3:30", "10-12")
    "fallback_date": 0.1,        # a date read by dateparser, not by the grammar
    "no_length": 0.3,            # nothing says how long
    "unread_time": 0.45,         # a word left unread that looks like part of a date or time
    # the catalog stage
    "near_name": 0.15,           # a name read through a one-edit typo
    "prefix_name": 0.45,         # a name read from its first words ("intranet"): it may be a plain word
    "article_before_name": 0.45,  # "an intern": a name after an indefinite article is likely a plain noun
    "weak_name": 0.45,           # "met Acmee": client Acme? "met femk": Femke? (four letters, one edit)
    "inactive": 0.1,             # the project is inactive
    "ambiguous": 0.3,            # two catalog items fit about equally well
    "preferred": 0.1,            # another item fits, less well
    "cross_field": 0.2,          # the name could also fill another field
    "not_the_client": 0.1,       # a client named that is not the project's
    "unknown_person": 0.05,      # a capitalised person the catalog does not know
    "lowercase_person": 0.45,    # a lowercase word taken for a person: enough to fall below 0.6
}
"""How much each kind of doubt lowers the confidence (1.0 = sure); the only penalty table."""

MIN_CONFIDENCE = 0.05


_SUMMARY_KINDS = frozenset({"doubt", "alternatives"})
_kind = itemgetter(0)
"""The kind of a fact."""


def summary(trace: Trace) -> tuple[float, tuple[str, ...], dict[str, tuple[Alternative, ...]]]:
    """(confidence, warnings, alternatives) of a reading, from its trace."""
    if _SUMMARY_KINDS.isdisjoint(map(_kind, trace)):  # the common case, without a loop in Python
        return 1.0, (), {}
    found = [f for f in trace if f[0] in _SUMMARY_KINDS]
    penalty = 0.0
    warnings: list[str] = []
    alternatives: dict[str, tuple[Alternative, ...]] = {}
    for fact in found:
        if fact[0] == "doubt":
            penalty += WEIGHTS[fact[1]]
            if fact[2] is not None:
                warnings.append(fact[2])
        else:
            alternatives[fact[1]] = alternatives.get(fact[1], ()) + fact[2]
    confidence = 1.0 - penalty  # kept within MIN_CONFIDENCE..1 by comparing (min and max cost a call each)
    if confidence > 1.0:
        confidence = 1.0
    elif confidence < MIN_CONFIDENCE:
        confidence = MIN_CONFIDENCE
    return round(confidence, 2), tuple(warnings), alternatives


def penalty(trace: Trace) -> float:
    """How much the doubts of `trace` lower the confidence (0 = sure)."""
    return round(sum(WEIGHTS[f[1]] for f in trace if f[0] == "doubt"), 4)


def warnings(trace: Trace) -> tuple[str, ...]:
    """The warnings of `trace`, in reading order."""
    return tuple(f[2] for f in trace if f[0] == "doubt" and f[2] is not None)


def of_kind(trace: Trace, kind: str) -> list[Fact]:
    """The facts of one kind, in reading order."""
    return [f for f in trace if f[0] == kind]


class Reading(NamedTuple):
    """A phrase's Entry and the trace it was derived from (`nlentry.parse(..., trace=True)`)."""

    entry: Entry
    trace: Trace
