"""Stage 1: text -> tokens -> parse tree, in one left-to-right LALR pass per phrase.

The tables come from the locale's Lark grammar, compiled once (`nlentry.grammar_build`); this
module only runs them, so parsing a phrase never imports lark. The tree has the shape Lark would
build (rules starting with `_` inlined, `?rules` with one child replaced by it, aliases naming
their node), with every keyword token kept so each node knows its place in the text.

Greedy LALR can walk into a dead end ("kwart over het budget": `kwart over` expects a number).
We then keep what was complete, demote the first token that cannot continue to a plain word and
go on from there, so every input parses, in time linear in its length.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from nlentry.grammar_build import Compiled, load

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"', "–": "-",
                         "—": "-", "\u00a0": " ", "\u202f": " "})


def normalise(text: str) -> str:
    """Lower-case, NFC and quote/dash variants folded, keeping every character at its offset."""
    nfc = unicodedata.normalize("NFC", text)
    if len(nfc) != len(text):
        nfc = text
    folded = nfc.translate(_QUOTES)
    lower = folded.lower()
    if len(lower) == len(folded):
        return lower
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)


class Token(str):
    """A token: its text, its terminal name (`type`) and where it stands (`start_pos`..`end_pos`)."""

    type: str
    start_pos: int
    end_pos: int

    def __new__(cls, type_: str, value: str, start: int, end: int) -> Token:
        token = super().__new__(cls, value)
        token.type, token.start_pos, token.end_pos = type_, start, end
        return token

    def retyped(self, type_: str) -> Token:
        return Token(type_, str(self), self.start_pos, self.end_pos)


class Node:
    """A parse-tree node: a neutral node name (`data`) and its children (nodes and tokens)."""

    __slots__ = ("data", "children")

    def __init__(self, data: str, children: list[Child]) -> None:
        self.data = data
        self.children = children

    def __repr__(self) -> str:
        return f"Node({self.data!r}, {self.children!r})"


Child = Node | Token


@cache
def _lexer(code: str) -> tuple[re.Pattern[str], dict[str, str], dict[str, str]]:
    compiled = load(code)
    return re.compile(compiled.pattern), compiled.words, compiled.symbols


def tokens_of(text: str, code: str) -> list[Token]:
    """The tokens of normalised `text` in the locale's grammar (keywords by dictionary lookup)."""
    master, words, symbols = _lexer(code)
    out: list[Token] = []
    for m in master.finditer(text):
        kind = m.lastgroup
        if kind == "__SPACE" or kind is None:
            continue
        value = m.group()
        if kind == "WORD":
            kind = words.get(value, "WORD")
        elif kind == "PUNCT":
            kind = symbols.get(value, "PUNCT")
        out.append(Token(kind, value, m.start(), m.end()))
    return out


# Plain words: no construction contains one, they only ever fall through to the description.
_PLAIN = frozenset({"WORD", "PUNCT", "TAG"})


class _Stuck(Exception):
    """The parser cannot go on at token `at`; `values` is its stack of partial constructs."""

    def __init__(self, at: int, values: list[Any]) -> None:
        self.at, self.values = at, values


def _node(children: list[Any], name: str, expand1: bool) -> Any:
    if name[0] == "_" and children and type(children[0]) is Node and children[0].data == name:
        # a repetition (`_item*`) growing by one: extend it in place, not by copying
        head = children[0]
        for child in children[1:]:
            if type(child) is Node and child.data[0] == "_":
                head.children.extend(child.children)
            else:
                head.children.append(child)
        return head
    for child in children:
        if type(child) is Node and child.data[0] == "_":
            break
    else:  # the common case: nothing to inline, the children list is used as it is
        return children[0] if expand1 and len(children) == 1 else Node(name, children)
    flat: list[Any] = []
    for child in children:
        if type(child) is Node and child.data[0] == "_":
            flat.extend(child.children)  # rules named _x are inlined into their parent
        else:
            flat.append(child)
    if expand1 and len(flat) == 1:
        return flat[0]
    return Node(name, flat)


def _run(c: Compiled, tokens: list[Token], first: int, stop: int) -> list[Node]:
    """LALR over tokens[first:stop] then end of input; the items of the phrase, or `_Stuck`."""
    table, rules = c.table, c.rules
    states = [c.start]
    values: list[Any] = []
    for i in range(first, stop + 1):
        token = tokens[i] if i < stop else None
        symbol = token.type if token is not None else "$END"
        while True:
            action = table[states[-1]].get(symbol)
            if action is None:
                raise _Stuck(i, values)
            if action >= 0:
                states.append(action)
                values.append(token)
                break
            origin, size, name, expand1 = rules[~action]
            if size:
                children = values[-size:]
                del values[-size:]
                del states[-size:]
            else:
                children = []
            values.append(_node(children, name, expand1))
            states.append(table[states[-1]][origin])
            if token is None and states[-1] == c.end:
                root = values[-1]
                return [n for n in root.children if type(n) is Node]
    raise _Stuck(stop, values)  # pragma: no cover - the loop always ends at $END


@dataclass(frozen=True)
class Parsed:
    """The items of a phrase: parse trees of time expressions (tokens that fell through are dropped)."""

    items: tuple[Node, ...]
    recovered: int


def parse_items(text: str, code: str) -> Parsed:
    """Tokenise and parse normalised `text`; never raises for any input.

    Plain words end every construction, so the tokens between them are parsed one stretch at a
    time: the same items as one pass over everything, without feeding the plain words through.
    """
    compiled = load(code)
    items: list[Node] = []
    recovered = 0
    stretch: list[Token] = []
    for token in tokens_of(text, code):
        if token.type in _PLAIN:
            if stretch:
                recovered += _parse_stretch(compiled, stretch, items)
                stretch = []
        else:
            stretch.append(token)
    if stretch:
        recovered += _parse_stretch(compiled, stretch, items)
    return Parsed(tuple(items), recovered)


def _parse_stretch(compiled: Compiled, tokens: list[Token], items: list[Node]) -> int:
    """Parse tokens into `items`, recovering from dead ends; the number of recoveries."""
    recovered = 0
    retried = -1
    i = 0
    while i < len(tokens):
        try:
            items.extend(_run(compiled, tokens, i, len(tokens)))
            break
        except _Stuck as stuck:
            recovered += 1
            start = _unfinished_start(stuck.values, tokens, i)
            i = _complete_prefix(compiled, tokens, i, start, stuck.at, items)
            if i != retried and i != start:
                # First try the token again as the start of a new item ("2 hours past tuesday":
                # "past" did not continue "2 hours", but it does begin "past tuesday").
                retried = i
                continue
            tokens[i] = tokens[i].retyped("WORD")
    return recovered


def span_of(value: Any) -> tuple[int, int] | None:
    """Where a token or subtree stands in the text: from its first to its last token."""
    first = last = value
    while type(first) is Node and first.children:
        first = first.children[0]
    while type(last) is Node and last.children:
        last = last.children[-1]
    if type(first) is Token and type(last) is Token:
        return first.start_pos, last.end_pos
    return _scan_span(value)  # an empty node at an edge: look at every child


def _scan_span(value: Any) -> tuple[int, int] | None:
    if isinstance(value, Token):
        return value.start_pos, value.end_pos
    if isinstance(value, Node):
        first = last = None
        for child in value.children:
            inner = _scan_span(child)
            if inner is not None:
                first = inner[0] if first is None else first
                last = inner[1]
        return None if first is None or last is None else (first, last)
    return None


def _unfinished_start(stack: list[Any], tokens: list[Token], first: int) -> int:
    """The index of the first token of the construct the parser was in the middle of."""
    spans = [span_of(v) for v in stack if not (isinstance(v, Node) and v.data.startswith("__start_star"))]
    positions = [s[0] for s in spans if s is not None]
    if not positions:
        return first
    pos = min(positions)
    for k in range(first, len(tokens)):
        if tokens[k].start_pos >= pos:
            return k
    return first


def _complete_prefix(c: Compiled, tokens: list[Token], first: int, stuck: int, failed: int,
                     items: list[Node]) -> int:
    """Parse tokens[first:stop] as complete items for the largest stop that works; return stop.

    Tries a few stops between `stuck` and the token that `failed` (so "2 uur en Rowan" keeps
    "2 uur" and demotes "en"), and always succeeds at `stuck`: everything before it was complete.
    """
    for stop in range(min(failed, stuck + 6), stuck - 1, -1):
        try:
            found = _run(c, tokens, first, stop)
        except _Stuck:
            continue
        items.extend(found)
        return stop
    return stuck  # pragma: no cover - the prefix before `stuck` always parses

