"""The hand-run LALR driver (`nlentry.grammar._run`) against Lark's own LALR parser, over the whole corpus.

`nlentry.grammar` runs tables it copied out of Lark's parser (`nlentry.grammar_build.packed_tables`
reads Lark's internals). Every call the driver makes while reading a corpus phrase, recoveries
included, is made again with Lark's parser fed the same tokens: both must build the same tree, or
both must stop at the same token. So the driver, its tree shaping (`KEEP`, `NODE`, `BUILD`, `GROW`)
and the table copy can never drift from Lark, whichever Lark version is installed. The values the driver
gives each node as it reduces its rule (`nlentry.grammar.Compiled.actions`) are held to the plain path:
Lark's tree, read bottom-up by `nlentry.semantics.Semantics.evaluate`.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from nlentry import grammar, grammar_build, locales
from nlentry.semantics import Semantics, read_items

CORPUS = Path(__file__).parent.parent / "corpus"


def _phrases(code: str) -> list[str]:
    texts = []
    for path in sorted((CORPUS / code).glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def _shape(value: Any) -> Any:
    """A tree of either parser as plain tuples: (name, children) for a node, (type, text, start, end)
    for a token."""
    from lark import Token as LarkToken
    from lark import Tree

    if isinstance(value, grammar.Node):
        return (value.data, tuple(_shape(c) for c in value.children))
    if isinstance(value, Tree):
        return (str(value.data), tuple(_shape(c) for c in value.children))
    if isinstance(value, (grammar.Token, LarkToken)):
        return (str(value.type), str(value), value.start_pos, value.end_pos)
    raise AssertionError(f"unexpected value in a tree: {value!r}")


def _lark_items(lark: Any, tokens: list[grammar.Token], first: int, stop: int) -> list[Any]:
    """`grammar._run(compiled, tokens, first, stop)` done by Lark's own parser: the phrase's items, or
    `grammar._Stuck` at the token Lark refused, with Lark's value stack."""
    from lark import Token as LarkToken
    from lark.exceptions import UnexpectedInput

    interactive = lark.parse_interactive("")
    i = first
    try:
        for i in range(first, stop):
            t = tokens[i]
            interactive.feed_token(LarkToken(t.type, str(t), start_pos=t.start_pos, end_pos=t.end_pos))
        i = stop
        tree = interactive.feed_eof()
    except UnexpectedInput:
        raise grammar._Stuck(i, [_to_node(v) for v in interactive.parser_state.value_stack]) from None
    # The driver hands back the items among the start node's children (`grammar._items`), from its own
    # nodes: convert Lark's tree to them first, so that the one step after parsing is the same code.
    return grammar._items([_to_node(c) for c in tree.children])


def _lark_run(lark: Any, tokens: list[grammar.Token], first: int, stop: int) -> Any:
    """`_lark_items` as shapes: a tuple of the items' shapes, or ("stuck", index of the refused token)."""
    try:
        return tuple(_shape(n) for n in _lark_items(lark, tokens, first, stop))
    except grammar._Stuck as stuck:
        return ("stuck", stuck.at)


def _to_node(value: Any) -> Any:
    from lark import Tree

    if isinstance(value, Tree):
        return grammar.Node(str(value.data), [_to_node(c) for c in value.children])
    return grammar._token(str(value.type), str(value), value.start_pos, value.end_pos)


def _differences(code: str, monkeypatch: Any, rules: Any = None) -> tuple[int, list[str]]:
    """Read every corpus phrase of the locale, making each driver call again with Lark: how many calls
    were compared, and the ones that differ. `rules` replaces the compiled rules (to make a drifting
    driver)."""
    lark = grammar_build.parser(code)
    run = grammar._run
    compared: list[int] = []
    differences: list[str] = []

    def checked(c: grammar.Compiled, tokens: list[grammar.Token], first: int, stop: int) -> list[Any]:
        expected = _lark_run(lark, tokens, first, stop)
        if rules is not None:
            c = grammar.Compiled(c.table, rules, c.start, c.end, c.pattern, c.words, c.symbols, c.glued,
                                 c.kinds)
        try:
            found = run(c, tokens, first, stop)
        except grammar._Stuck as stuck:
            got: Any = ("stuck", stuck.at)
            raise_after: grammar._Stuck | None = stuck
        else:
            got = tuple(_shape(n) for n in found)
            raise_after = None
        compared.append(1)
        if got != expected:
            differences.append(f"{[str(t) for t in tokens[first:stop]]}: driver {got!r}, lark {expected!r}")
        if raise_after is not None:
            raise raise_after
        return found

    monkeypatch.setattr(grammar, "_run", checked)
    for text in _phrases(code):
        grammar.parse_items(grammar.normalise(text), code)
    return len(compared), differences


@pytest.mark.parametrize("code", locales.available())
def test_the_driver_builds_lark_s_trees_for_every_corpus_phrase(code: str, monkeypatch: Any) -> None:
    compared, differences = _differences(code, monkeypatch)
    assert compared > len(_phrases(code)) // 2, "the driver was hardly called"
    assert differences == []


def test_the_check_sees_a_drifting_driver(monkeypatch: Any) -> None:
    """The comparison fails when the driver shapes trees differently from Lark (here: a rule that passes
    its one child on, `KEEP`, wraps it in a node instead)."""
    rules = tuple((o, n, name, grammar.NODE if how == grammar.KEEP else how)
                  for o, n, name, how in grammar.load("nl").rules)
    _, differences = _differences("nl", monkeypatch, rules)
    assert len(differences) > 10


def _lark_driver(code: str) -> Any:
    """`grammar._run` done by Lark's own parser: the reference path of the grammar stage."""
    lark = grammar_build.parser(code)

    def run(c: grammar.Compiled, tokens: list[grammar.Token], first: int, stop: int) -> list[Any]:
        return _lark_items(lark, tokens, first, stop)

    return run


def _readings(code: str) -> list[str]:
    import nlentry

    catalog = nlentry.Catalog.load(CORPUS / "catalog.json")
    out = []
    for path in sorted((CORPUS / code).glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            case = json.loads(line)
            now = datetime.fromisoformat(case["now"])
            try:
                reading = nlentry.parse(case["text"], catalog=catalog, now=now, locale=code, trace=True)
                out.append(repr((reading.entry.to_dict(), reading.trace)))
            except nlentry.NlentryError as error:
                out.append(f"{type(error).__name__}: {error}")
    return out


@pytest.mark.parametrize("code", locales.available())
def test_every_corpus_reading_is_the_same_through_lark_s_parser(code: str, monkeypatch: Any) -> None:
    """The whole reading (entry and trace) of each corpus phrase, through the fast driver and through
    Lark's parser in its place, recoveries included."""
    fast = _readings(code)
    monkeypatch.setattr(grammar, "_run", _lark_driver(code))
    alone = grammar.load(code).alone  # what the parser learnt about lone tokens: learnt again from Lark
    learnt = dict(alone)
    alone.clear()
    try:
        reference = _readings(code)
    finally:
        alone.clear()
        alone.update(learnt)
    assert len(fast) == len(reference) > 100
    assert [n for n, (a, b) in enumerate(zip(fast, reference, strict=True)) if a != b] == []


def _nodes(value: Any) -> list[grammar.Node]:
    """Every node of a tree, the root first."""
    if type(value) is not grammar.Node:
        return []
    return [value, *(n for child in value.children for n in _nodes(child))]


def _reading_of(semantics: Semantics, node: grammar.Node) -> str:
    """A node's value read bottom-up from its tree (`Semantics.evaluate`), with its type; or the error."""
    try:
        value = semantics.evaluate(node)
    except Exception as error:  # noqa: BLE001 - the parser must then have given the node no value
        return f"raises {type(error).__name__}"
    return f"{type(value).__name__} {value!r}"


_MADE_AFTER_PARSING = {"date_text", "year"}
"""The nodes `grammar._items` makes once a stretch is parsed ("3 aug 96": the date with its year): no rule
reduced them, so they hold no value (`Semantics.transform` reads them)."""


def _value_differences(code: str, monkeypatch: Any, actions: Any = None) -> tuple[int, list[str]]:
    """Read every corpus phrase of the locale: the value the parser gave each node while reducing its rule
    (`nlentry.grammar.Compiled.actions`) against the tree's own reading, node by node; and the items that
    `read_items` makes of the parser's trees against those it makes of Lark's trees (which hold no values:
    read by walking them). How many nodes were compared, and the differences. `actions` replaces the
    locale's actions (to make a parser that reads a rule wrongly)."""
    semantics = Semantics(locales.get(code))
    compiled = grammar.load(code)
    if actions is not None:
        compiled = grammar.Compiled(compiled.table, compiled.rules, compiled.start, compiled.end,
                                    compiled.pattern, compiled.words, compiled.symbols, compiled.glued,
                                    compiled.kinds, actions)
        monkeypatch.setattr(grammar, "load", lambda _: compiled)
    lark = _lark_driver(code)
    fast = grammar._run
    compared = 0
    differences: list[str] = []
    for text in _phrases(code):
        folded = grammar.normalise(text)
        monkeypatch.setattr(grammar, "_run", fast)
        trees = grammar.parse_items(folded, code).items
        for node in (n for tree in trees for n in _nodes(tree)):
            given = node.value
            expected = _reading_of(semantics, node)
            got = "no value" if given is grammar.NO_VALUE else f"{type(given).__name__} {given!r}"
            if got != expected and not (got == "no value" and (expected.startswith("raises")
                                                               or node.data in _MADE_AFTER_PARSING)):
                differences.append(f"{text!r}, {node.data}: parser {got}, tree {expected}")
            compared += 1
        monkeypatch.setattr(grammar, "_run", lark)
        reference = grammar.parse_items(folded, code).items
        assert all(n.value is grammar.NO_VALUE for tree in reference for n in _nodes(tree))
        items, expected_items = read_items(trees, semantics), read_items(reference, semantics)
        if repr(items) != repr(expected_items):
            differences.append(f"{text!r}: items {items!r}, from Lark's trees {expected_items!r}")
    return compared, differences


@pytest.mark.parametrize("code", locales.available())
def test_the_values_read_while_parsing_are_those_of_the_trees(code: str, monkeypatch: Any) -> None:
    """The parser reads each node as it reduces its rule; the plain path (Lark's tree, then `Semantics`
    walking it bottom-up) must give every node, and every item, the same value and span."""
    compared, differences = _value_differences(code, monkeypatch)
    assert compared > 2 * len(_phrases(code))
    assert differences == []


def test_the_check_sees_a_wrong_action(monkeypatch: Any) -> None:
    """The comparison fails when one rule's action reads its node wrongly (here: durations one second
    too long)."""
    compiled = grammar.load("nl")
    read_duration = next(act for rule, act in zip(compiled.rules, compiled.actions, strict=True)
                         if rule[2] == "duration")
    assert read_duration is not None

    def wrong(children: list[Any]) -> Any:
        value = read_duration(children)
        return value if value is grammar.NO_VALUE else value.replace(seconds=value.seconds + 1)

    actions = tuple(wrong if rule[2] == "duration" else act
                    for rule, act in zip(compiled.rules, compiled.actions, strict=True))
    _, differences = _value_differences("nl", monkeypatch, actions)
    assert len(differences) > 10


def _fixed_children_read(code: str, monkeypatch: Any, kinds: Any = None) -> tuple[int, list[str]]:
    """Parse every corpus phrase of the locale, watching each rule's action: where the tables say what
    stands in each child place (`nlentry.grammar.Compiled.kinds`; `kinds` replaces them), the children
    must be just that, and the action made for those places must read them as the general action does
    (`Semantics.action` without places). How many such nodes were read, and the differences."""
    semantics = Semantics(locales.get(code))
    compiled = grammar.load(code)
    kinds = compiled.kinds if kinds is None else kinds
    read = 0
    differences: list[str] = []

    def watched(i: int, action: Any) -> Any:
        def watch(children: list[Any]) -> Any:
            nonlocal read
            value = grammar.NO_VALUE if action is None else grammar._read(action, children)
            places = kinds[i]
            if places is None or action is None:
                return value
            read += 1
            name = compiled.rules[i][2]
            for child, terminals in zip(children, places, strict=True):
                if terminals == () and not (type(child) is grammar.Node and child.data[0] != "_"):
                    differences.append(f"{name}: {child!r} where the tables say a node")
                elif terminals and not (type(child) is grammar.Token and child.type in terminals):
                    differences.append(f"{name}: {child!r} where the tables say one of {terminals}")
            general = grammar._read(semantics.action(name), children)
            if repr(value) != repr(general):
                differences.append(f"{name}: {value!r}, the general action {general!r}")
            return value

        return watch

    actions = tuple(watched(i, action) for i, action in enumerate(compiled.actions))
    watching = grammar.Compiled(compiled.table, compiled.rules, compiled.start, compiled.end,
                                compiled.pattern, compiled.words, compiled.symbols, compiled.glued,
                                compiled.kinds, actions)
    monkeypatch.setattr(grammar, "load", lambda _: watching)
    for text in _phrases(code):
        grammar.parse_items(grammar.normalise(text), code)
    return read, differences


@pytest.mark.parametrize("code", locales.available())
def test_children_stand_where_the_tables_say_and_are_read_as_in_general(code: str, monkeypatch: Any) -> None:
    """The actions made for the child places the tables fix (`nlentry.grammar_build._child_kinds`) take the
    children without testing them: over the whole corpus, each place holds what the tables say, and each
    such action reads its node as the general action (which tests every child) does."""
    read, differences = _fixed_children_read(code, monkeypatch)
    assert read > len(_phrases(code))
    assert differences == []


def test_the_check_sees_wrong_child_places(monkeypatch: Any) -> None:
    """The comparison fails when the tables say a node where a token stands (here: in every fixed place)."""
    kinds = tuple(None if k is None else ((),) * len(k) for k in grammar.load("nl").kinds)
    _, differences = _fixed_children_read("nl", monkeypatch, kinds)
    assert len(differences) > 10


def test_the_parser_s_memory_of_its_steps_is_bounded(monkeypatch: Any) -> None:
    """`Compiled.steps` is emptied when it outgrows its bound, and the parser reads the same after it."""
    semantics = Semantics(locales.get("nl"))
    steps = grammar.load("nl").steps
    texts = [grammar.normalise(t) for t in _phrases("nl")[:200]]
    expected = [repr(read_items(grammar.parse_items(t, "nl").items, semantics)) for t in texts]
    monkeypatch.setattr(grammar, "_MAX_STEPS", 20)
    steps.clear()
    got, sizes = [], []
    for text in texts:
        got.append(repr(read_items(grammar.parse_items(text, "nl").items, semantics)))
        sizes.append(len(steps))
    assert got == expected
    assert 0 < max(sizes) <= 21
