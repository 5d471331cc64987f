"""The reading trace (issue 9, section 1): one trace a parse, from which the confidence, the warnings, the
alternatives and `nlentry explain` are all derived."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import nlentry
from nlentry import grammar, locales
from nlentry.explain import explain
from nlentry.grammar import span_of
from nlentry.model import Catalog
from nlentry.reading import MIN_CONFIDENCE, WEIGHTS, summary

NOW = datetime(2026, 3, 18, 10, 0).astimezone()
CATALOG = Catalog.load(Path(__file__).parent.parent / "corpus" / "catalog.json")


def test_trace_is_available_from_the_library() -> None:
    entry, trace = nlentry.parse("gisteren 2 uur aan Webshp", catalog=CATALOG, now=NOW, trace=True)
    assert entry == nlentry.parse("gisteren 2 uur aan Webshp", catalog=CATALOG, now=NOW)
    kinds = {fact[0] for fact in trace}
    assert {"item", "read", "match", "doubt"} <= kinds
    [match] = [f for f in trace if f[0] == "match"]
    assert match[1:4] == ("project", 19, 25) and match[5:] == ("Webshop", "near")


def test_confidence_warnings_and_alternatives_come_from_the_trace() -> None:
    for text in ["gisteren 2 uur aan Webshp met klant", "9-11 en 10 uur overleg", "acme 2 uur", "overleg"]:
        entry, trace = nlentry.parse(text, catalog=CATALOG, now=NOW, trace=True)
        assert summary(trace) == (entry.confidence, entry.warnings, entry.alternatives)
        penalty = sum(WEIGHTS[f[1]] for f in trace if f[0] == "doubt")
        assert entry.confidence == round(max(0.05, min(1.0, 1 - penalty)), 2)


def test_explain_pairs_each_span_with_its_own_rule() -> None:
    # the old explain zipped grammar nodes with items and printed '2 uur' ... rule yesterday
    parts = {p["text"]: p for p in explain("10 uur 2 uur gisteren overleg", catalog=None, now=NOW)["parts"]}
    assert parts["2 uur"]["rule"] == "duration"
    assert parts["gisteren"]["rule"] == "yesterday"
    assert parts["10 uur"]["value"].startswith("10:00") and parts["2 uur"].get("ignored")


def test_explain_names_how_a_catalog_item_matched() -> None:
    report = explain("2 uur aan webwinkel en Webshp, Acme", catalog=CATALOG, now=NOW)
    hows = [(p["text"], p["how"]) for p in report["parts"] if "how" in p]
    assert ("webwinkel", "by an alias") in hows and any("typo" in how for _, how in hows)
    report = explain("2 uur Webshop", catalog=CATALOG, now=NOW)
    assert [p["how"] for p in report["parts"] if "how" in p] == ["by its name"]


# ---- properties ----------------------------------------------------------------------------------

_WORDS = sorted({w for code in ("nl", "en") for w in locales.get(code).literals if w.strip()}
                | {"Webshop", "Acme", "Rowan", "overleg", "9-11", "27/3", "1:30", "10", "2", "14:30", "half"})


_JOINS = {("approx", "duration"): "duration", ("duration", "clock_until"): "clock_range"}
"""Trees the semantics join after parsing: "ongeveer 2 uur" is one length, "9u tot 11u" one range."""


def _grammar_rules(text: str, code: str) -> list[tuple[int, int, str]]:
    """The rule of every parse tree with its span, read straight from the grammar (an independent oracle)."""
    found = []
    for tree in grammar.parse_items(grammar.normalise(text), code).items:
        span = span_of(tree)
        if span is not None:
            found.append((*span, tree.data))
    return found


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8).map(" ".join))
def test_trace_spans_cover_each_read_item_once(text: str) -> None:
    try:
        entry, trace = nlentry.parse(text, catalog=CATALOG, now=NOW, trace=True)
    except nlentry.EntryRefused:
        return
    read = {(f[2], f[3]) for f in trace if f[0] == "read"}
    named = [(f[2], f[3]) for f in trace if f[0] == "match"]
    unread = [(f[1], f[2]) for f in trace if f[0] == "unread"]
    covered = [0] * len(text)
    for start, end in [*read, *named, *unread]:
        for k in range(start, end):
            covered[k] += 1
    assert max(covered, default=0) <= 1, (text, trace)
    for fact in trace:
        if fact[0] == "item":
            span = (fact[3], fact[4])
            inside_unread = all(any(s <= k < e for s, e in unread) or not text[k].isalnum()
                                for k in range(*span))
            assert span in read or inside_unread, (text, fact)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8).map(" ".join))
@example("pakweg halfuur halfuur")  # approx joined with the first of a tree of two lengths
def test_explain_never_pairs_a_span_with_another_items_rule(text: str) -> None:
    try:
        report = explain(text, catalog=CATALOG, now=NOW)
    except nlentry.EntryRefused:
        return
    trees = _grammar_rules(text, report["locale"])
    for part in report["parts"]:
        if "rule" not in part or part["rule"].startswith("dateparser"):
            continue
        start, end = part["span"]
        # the trees the span touches: one, or two adjacent ones the semantics join into one item
        # (grammars/README.md), also when the second tree reads on past the span ('pakweg halfuur halfuur':
        # approx + a tree of two lengths, the first joined with the approximation, the second its own item)
        touched = tuple(rule for s, e, rule in trees if s < end and start < e)
        owners = [_JOINS[touched]] if touched in _JOINS else list(touched)
        assert owners == [part["rule"]], (text, part, trees)


@pytest.mark.parametrize("text", ["vandaag", "2 uur", "gisteren 9-11 aan Webshop met Rowan #x"])
def test_explain_renders_on_the_command_line(text: str) -> None:
    from nlentry.cli.explain import render

    out = render(explain(text, catalog=CATALOG, now=NOW), paint=lambda _kind, s: s)
    assert out.splitlines()[0].startswith(repr(text)) and "confidence" in out


def test_explain_marks_a_second_range_as_not_used() -> None:
    report = explain("9-12 en 13-17 overleg", catalog=None, now=NOW)
    parts = {p["text"]: p for p in report["parts"]}
    assert parts["9-12"]["value"] == "09:00-12:00" and not parts["9-12"].get("ignored")
    assert parts["13-17"].get("ignored")
    assert any(d["doubt"] == "two_ranges" for d in report["doubts"])


def test_the_fallback_never_takes_text_the_grammar_read() -> None:
    # found by the cover property: dateparser read "10 ' nov" though "10 '" is ten minutes
    entry = nlentry.parse("\" 10 ' nov", now=NOW)
    spans = sorted((s.start, s.end) for s in entry.spans)
    assert all(a_end <= b_start or (a_start, a_end) == (b_start, b_end)
               for (a_start, a_end), (b_start, b_end) in zip(spans, spans[1:], strict=False))
    assert entry.duration == 600


@pytest.mark.parametrize("text", ["ruim anderhalfuur", "ongeveer 2 uur overleg", "about 2 hours",
                                  "9u tot 11u"])
def test_explain_pairs_a_joined_item_with_its_rule(text: str) -> None:
    report = explain(text, catalog=CATALOG, now=NOW)
    trees = _grammar_rules(text, report["locale"])
    ruled = [p for p in report["parts"] if "rule" in p and p["rule"]]
    assert len(ruled) == 1 and ruled[0]["span"] == [trees[0][0], trees[-1][1]]


@given(st.lists(st.sampled_from(sorted(WEIGHTS)), max_size=12))
def test_the_confidence_is_one_less_the_doubts_kept_within_its_bounds(doubts: list[str]) -> None:
    """`summary`'s confidence: 1 less the weights of the doubts, never above 1 nor below MIN_CONFIDENCE,
    to two places (the bound is kept by comparisons, written here as min and max)."""
    trace = [("doubt", kind, None) for kind in doubts]
    penalty = sum(WEIGHTS[kind] for kind in doubts)
    assert summary(trace)[0] == round(max(MIN_CONFIDENCE, min(1.0, 1.0 - penalty)), 2)
