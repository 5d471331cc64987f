"""Stage 1: text -> tokens -> parse tree, in one left-to-right LALR pass per phrase.

The tables come from the locale's Lark grammar, compiled once (`nlentry.grammar_build`) and
cached; this module loads and runs them, so parsing a phrase never imports lark (nor the module
that drives it). The tree has the shape Lark would build (rules starting with `_` inlined,
`?rules` with one child replaced by it, aliases naming their node), with every keyword token kept
so each node knows its place in the text. Each node also carries its value, read by the locale's
`nlentry.semantics` as its rule is reduced (`Compiled.actions`); the automaton's steps are remembered
(`Compiled.steps`), so a parse mostly replays them on its values.

Greedy LALR can walk into a dead end ("kwart over het budget": `kwart over` expects a number).
We then keep what was complete, demote the first token that cannot continue to a plain word and
go on from there, so every input parses, in time linear in its length.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
import unicodedata
import zlib
from collections.abc import Callable
from functools import cache

from nlentry.locales import folder as locale_folder
from nlentry.locales import get, grammar_files, grammars_dir, read_cached, stamp, write_cached
from nlentry.memo import remember
from nlentry.model import Record, draft

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"', "–": "-",
                         "—": "-", "\u00a0": " ", "\u202f": " "})


def normalise(text: str) -> str:
    """Lower-case, NFC and quote/dash variants folded, keeping every character at its offset."""
    if text.isascii():  # the common case: already NFC, and "`" is the only ASCII character folded
        return (text.replace("`", "'") if "`" in text else text).lower()
    nfc = unicodedata.normalize("NFC", text)
    if len(nfc) != len(text):
        nfc = text
    folded = nfc.translate(_QUOTES)
    lower = folded.lower()
    if len(lower) == len(folded):
        return lower
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)


class Token:
    """A token: its terminal name (`type`), its text (`value`) and where it stands (`start_pos`..`end_pos`).

    A plain object with slots, not a `str` subclass (as Lark's tokens are): a `str` subclass carries a
    dict of its own, which made a token twice as costly to make, read and free, and a parse makes one for
    every keyword and number. `str(token)`, `int(token)` and `float(token)` read its text.
    """

    __slots__ = ("type", "value", "start_pos", "end_pos")
    type: str
    value: str
    start_pos: int
    end_pos: int

    def __init__(self, type_: str, value: str, start: int, end: int) -> None:
        self.type, self.value, self.start_pos, self.end_pos = type_, value, start, end

    def __str__(self) -> str:
        return self.value

    def __int__(self) -> int:
        return int(self.value)

    def __float__(self) -> float:
        return float(self.value)

    def __repr__(self) -> str:
        return f"Token({self.type!r}, {self.value!r}, {self.start_pos}, {self.end_pos})"

    def retyped(self, type_: str) -> Token:
        return Token(type_, self.value, self.start_pos, self.end_pos)


class _NoValue:
    __slots__ = ()

    def __repr__(self) -> str:
        return "NO_VALUE"


NO_VALUE: Any = _NoValue()
"""The `value` of a node no reduction gave one: `nlentry.semantics.Semantics.transform` reads it from its
children (a node made after parsing, a rule whose reading failed, a rule with no reading)."""


class Node:
    """A parse-tree node: a neutral node name (`data`), its children (nodes and tokens) and its `value`.

    The parser reads each node as it reduces its rule (`Compiled.actions`), so the value is there when
    the tree is done and the semantics need not walk it again; `NO_VALUE` when it could not.
    """

    __slots__ = ("data", "children", "value")

    def __init__(self, data: str, children: list[Child], value: Any = NO_VALUE) -> None:
        self.data = data
        self.children = children
        self.value = value

    def __repr__(self) -> str:
        return f"Node({self.data!r}, {self.children!r})"


Child = Node | Token
_new_node = _new_object = object.__new__


# --- the compiled tables ----------------------------------------------------------------------

# How a reduction makes the value of its rule (`Compiled.rules[i][3]`), decided once from the grammar
# (in this order: `_run` tests `how >= BUILD`; the codes only a remembered step uses, `ONE_NODE` and
# `CONSTANT`, are negative):
KEEP = 0
"""One child that stands for the rule: `_x: y` (a `_x` node is inlined into its parent anyway) or an
unaliased `?x: y`. The parser leaves the value stack as it is."""
NODE = 1
"""A node of the children as they are: no child can be a `_x` node to inline (`amount: number`)."""
BUILD = 2
"""The general case: inline `_x` children, grow a repetition in place (`nlentry.grammar._node`)."""
BUILD_EXPAND1 = 3
"""`BUILD` for a `?x` rule: the one remaining child replaces the node."""
GROW = 4
"""A repetition growing by one (`__x: __x y`): the children join the node below them on the stack."""


class Constant:
    """The action of a node whose value is the same whatever its children (`hours`, made of keywords only):
    a `NODE` reduction sets it without a call (`_step`); called, it gives its value."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __call__(self, children: list[Any]) -> Any:
        return self.value


class Table(dict[int, dict[str, int]]):
    """The action table, `table[state][symbol]`; each state's row is unpacked on first use.

    A parse visits a few dozen of the ~600 states, so a new process unpacks those rows rather than
    building all ~90,000 entries when it loads the tables. `packed[state]` is the row's symbol numbers
    (into `symbols`, unsigned 16-bit) and its actions (signed 32-bit), in native byte order.
    """

    __slots__ = ("symbols", "packed")

    def __init__(self, symbols: tuple[str, ...], packed: list[tuple[bytes, bytes]]) -> None:
        super().__init__()
        self.symbols = symbols
        self.packed = packed

    def __missing__(self, state: int) -> dict[str, int]:
        keys, actions = self.packed[state]
        symbols = self.symbols
        row = dict(zip([symbols[k] for k in memoryview(keys).cast("H")], memoryview(actions).cast("i"),
                       strict=True))
        self[state] = row
        return row


if TYPE_CHECKING:
    # What a reduction that makes a node calls with the node's children: the node's value, or `NO_VALUE`;
    # it may raise (the parser then gives the node `NO_VALUE`). None for a node no method reads (`_x`
    # nodes, the phrase's `start`).
    Action = Callable[[list[Any]], Any] | None
    # Per child place of a `NODE` rule's node: the terminals its token can be, or () for a named node.
    Kinds = tuple[tuple[str, ...], ...] | None
    # What the parser does with one symbol (`_step`): (stack after, reductions (how, size, node name,
    # action, or the value itself for `CONSTANT`), outcome); remembered with the row of the stack after
    # (`_learn`).
    Step = tuple[tuple[int, ...], tuple[tuple[int, int, str, Action], ...], int]
    Learnt = tuple[tuple[int, ...], "Row", tuple[tuple[int, int, str, Action], ...], int]
    Row = dict[str, Learnt]


class Compiled(Record):
    """Everything a parse needs, in plain Python values (no lark objects).

    `table[state][symbol]` is a state number to shift to (>= 0) or `~rule` to reduce by;
    `rules[i]` is (origin, length, node name, how: `KEEP`, `NODE`, `BUILD`, `BUILD_EXPAND1` or `GROW`).
    The lexer is one master regex over the numeric shapes and symbols, plus dictionaries from
    words and symbols to terminal names, and from glued words (`dinsdagmiddag`) to their pieces
    (terminal name, start, end). `alone` is learnt while parsing: terminal -> whether a token of it
    alone between plain words makes an item (or needs a recovery); `steps` too: stack of states ->
    symbol -> what the parser does with that symbol there (`_step`, with the next stack's own row).
    `kinds[i]` says what stands in each child place of the node that rule `i` makes, when the grammar
    fixes it (`nlentry.grammar_build._child_kinds`), so that its action can take the children as they are.
    `actions[i]` reads the node that rule `i` makes (`nlentry.semantics.rule_actions`, bound by `load`;
    all None by default).
    """

    __slots__ = ("table", "rules", "start", "end", "pattern", "words", "symbols", "glued", "kinds", "alone",
                 "steps", "actions")
    table: Table
    rules: tuple[tuple[str, int, str, int], ...]
    start: int
    end: int
    pattern: str
    words: dict[str, str]
    symbols: dict[str, str]
    glued: dict[str, tuple[tuple[str, int, int], ...]]
    kinds: tuple[Kinds, ...]
    alone: dict[str, bool]
    steps: dict[tuple[int, ...], Row]
    actions: tuple[Action, ...]

    def __init__(self, table: Table, rules: tuple[tuple[str, int, str, int], ...], start: int, end: int,
                 pattern: str, words: dict[str, str], symbols: dict[str, str],
                 glued: dict[str, tuple[tuple[str, int, int], ...]], kinds: tuple[Kinds, ...],
                 actions: tuple[Action, ...] = ()) -> None:
        self._init(table, rules, start, end, pattern, words, symbols, glued, kinds, {}, {},
                   actions or (None,) * len(rules))


TABLES_FORMAT = "nlentry-tables-3"
"""The first value of a tables file; `unpack` refuses anything else."""


def unpack(packed: Any) -> Compiled:
    """`Compiled` from what `nlentry.grammar_build.packed_tables` made; `ValueError` when it is not that."""
    if not isinstance(packed, tuple) or len(packed) != 11 or packed[0] != TABLES_FORMAT:
        raise ValueError("not a tables file of this version")
    _, symbols, rows, rules, start, end, pattern, words, symbol_names, glued, kinds = packed
    return Compiled(Table(symbols, rows), rules, start, end, pattern, words, symbol_names, glued, kinds)


def _fingerprint(code: str) -> str:
    """A checksum of everything the tables are made from: the module that builds them and this one that
    reads them, the locale's grammar files and `locale.toml` (not its other files), and `marshal`'s form;
    by the files' size and modification time (`nlentry.locales.stamp`), so that nothing is read."""
    folder = locale_folder(code) or os.path.join(grammars_dir(), code)
    paths = [__file__, os.path.join(os.path.dirname(__file__), "grammar_build.py"), *grammar_files(folder),
             os.path.join(folder, "locale.toml")]
    return f"{stamp(paths, zlib.crc32(f'{marshal.version} {sys.byteorder}'.encode())):08x}"


@cache
def load(code: str) -> Compiled:
    """The compiled tables of a locale, with the locale's semantic actions: the tables from the cache when
    the grammar is unchanged, else built by `nlentry.grammar_build` (with Lark, about a second) and cached
    (`nlentry.locales.read_cached`).
    """
    get(code)  # validates the code
    name = f"{code}-{_fingerprint(code)}.tables"
    try:
        compiled = unpack(read_cached(name))
    except (AttributeError, TypeError, ValueError):  # no such file, or not tables
        from nlentry.grammar_build import packed_tables  # lark, and the code that drives it, only now

        packed = packed_tables(code)
        write_cached(name, packed)
        compiled = unpack(packed)
    from nlentry.semantics import rule_actions  # which imports this module

    return Compiled(compiled.table, compiled.rules, compiled.start, compiled.end, compiled.pattern,
                    compiled.words, compiled.symbols, compiled.glued, compiled.kinds,
                    rule_actions(code, compiled.rules, compiled.kinds))


# --- lexing -------------------------------------------------------------------------------------


@cache
def _lexer(code: str) -> tuple[re.Pattern[str], dict[str, str], dict[str, str],
                                dict[str, tuple[tuple[str, int, int], ...]]]:
    compiled = load(code)
    # Leading whitespace is part of a match, so the spaces between tokens cost no match of their own.
    return re.compile(rf"\s*(?:{compiled.pattern})"), compiled.words, compiled.symbols, compiled.glued


Lexeme = tuple[str, str, int, int]
"""A token before it is placed: (terminal name, text, start, end), the offsets within what was lexed."""


def lex(text: str, code: str) -> tuple[Lexeme, ...]:
    """The tokens of `text` by one pass of the locale's lexer (keywords by dictionary lookup; a glued
    word such as `dinsdagmiddag` becomes the tokens of its pieces)."""
    master, words, symbols, glued = _lexer(code)
    out: list[Lexeme] = []
    for m in master.finditer(text):
        kind = m.lastgroup
        if kind == "__SPACE" or kind is None:
            continue
        start, end = m.span(kind)
        value = text[start:end]
        if kind == "WORD":
            kind = words.get(value, "WORD")
            if kind == "WORD" and value in glued:
                out.extend((piece, value[a:b], start + a, start + b) for piece, a, b in glued[value])
                continue
            if kind == "WORD" and "-" in value and "-" in symbols:
                pieces = value.split("-")
                if all(p in words for p in pieces):  # keywords joined by dashes ("ma-vr", "mon-fri")
                    at = start
                    for n, piece in enumerate(pieces):
                        if n:
                            out.append((symbols["-"], "-", at, at + 1))
                            at += 1
                        out.append((words[piece], piece, at, at + len(piece)))
                        at += len(piece)
                    continue
        elif kind == "PUNCT":
            kind = symbols.get(value, "PUNCT")
        out.append((kind, value, start, end))
    return tuple(out)


@cache
def _chunk_lexemes(code: str) -> dict[str, tuple[Lexeme, ...]]:
    """`lex` of each chunk (a run of characters between spaces) of the locale met so far, filled by
    `_lex_chunk`: the parser reads it with `dict.get`, a third of an `lru_cache` call's cost.

    A phrase's tokens are those of its chunks, for no token holds a space and no terminal looks past
    one (tests/test_grammar.py checks this over the corpus); and chunks recur from phrase to phrase.
    """
    return {}


_CHUNKS_SIZE = 8192
"""`_chunk_lexemes` forgets every chunk at once when it holds this many (a bound on what input can fill)."""


def _lex_chunk(known: dict[str, tuple[Lexeme, ...]], chunk: str, code: str) -> tuple[Lexeme, ...]:
    """`lex(chunk, code)`, remembered in `known` (`_chunk_lexemes(code)`)."""
    return remember(known, chunk, lex(chunk, code), _CHUNKS_SIZE)


def _chunks(text: str, code: str) -> list[tuple[int, tuple[Lexeme, ...]]]:
    """(offset, lexemes) of each chunk of `text`."""
    known = _chunk_lexemes(code)
    out = []
    at = 0
    for chunk in text.split():
        at = text.find(chunk, at)  # no chunk holds a space: it stands at its first place after the one before
        out.append((at, known.get(chunk) or _lex_chunk(known, chunk, code)))
        at += len(chunk)
    return out


def _token(kind: str, value: str, start: int, end: int) -> Token:
    """`Token(kind, value, start, end)`, without the call to `Token.__init__`."""
    token = _new_object(Token)
    token.type, token.value, token.start_pos, token.end_pos = kind, value, start, end
    return token


def tokens_of(text: str, code: str) -> list[Token]:
    """The tokens of normalised `text` in the locale's grammar (keywords by dictionary lookup)."""
    return [_token(kind, value, base + start, base + end)
            for base, lexemes in _chunks(text, code) for kind, value, start, end in lexemes]


# Constructions that, right before a plain word and not after a day cue (locale.toml `cues.day`), belong
# to that word and name no time: a bare ordinal ("de 3e iteratie", "the 4th batch"; "op de 3e" is a day).
_BEFORE_A_WORD = frozenset({"day_ordinal"})

# Plain words: no construction contains one, they only ever fall through to the description.
_PLAIN = frozenset({"WORD", "PUNCT", "TAG"})


class _Stuck(Exception):
    """The parser cannot go on at token `at`; `values` is its stack of partial constructs."""

    def __init__(self, at: int, values: list[Any]) -> None:
        self.at, self.values = at, values


def _inlined(children: list[Any]) -> list[Any]:
    """The children of a node, with those of its `_x` children in their place (rules named _x are inlined
    into their parent)."""
    flat: list[Any] = []
    for child in children:
        if type(child) is Node and child.data[0] == "_":
            flat.extend(child.children)
        else:
            flat.append(child)
    return flat


def _node(children: list[Any], name: str, expand1: bool, action: Action) -> Any:
    """The node of a `BUILD` reduction (`action` reads a new named node): `_x` children inlined, a
    repetition grown in place, a `?x` node with one child replaced by it."""
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
        if expand1 and len(children) == 1:
            return children[0]
        node = _new_node(Node)  # Node(...), without __init__ (as in `_run`)
        node.data, node.children = name, children
        node.value = _read(action, children)
        return node
    flat = _inlined(children)
    if expand1 and len(flat) == 1:
        return flat[0]
    node = _new_node(Node)
    node.data, node.children = name, flat
    node.value = _read(action, flat)
    return node


def _read(action: Action, children: list[Any]) -> Any:
    """The value `action` gives a node of `children`; `NO_VALUE` when there is no action or it raises
    (`nlentry.semantics.Semantics.transform` reads the node again, raising, if it is ever read)."""
    if action is None:
        return NO_VALUE
    try:
        return action(children)
    except Exception:  # noqa: BLE001 - see above
        return NO_VALUE


SHIFTED, ACCEPTED, STUCK = 0, 1, 2
"""How a parser step ends (`_step`): the token shifted, the phrase complete at $END, or no way on."""

ONE_NODE = -1
"""How a step replays a `NODE` reduction of one child (`_step`), the commonest: the value on top of the
stack is wrapped in a node. Every other reduction is replayed by its rule's `how`."""
CONSTANT = -2
"""How a step replays a `NODE` reduction whose action is a `Constant`: the step holds the value itself."""

_MAX_STEPS = 20_000
"""`Compiled.steps` is emptied when it holds more stacks: a bound on what strange input can make it learn
(each stack's row holds at most one step a symbol)."""


def _no_value(children: list[Any]) -> Any:
    """The action of a node no method reads: it has no value."""
    return NO_VALUE


def _row(c: Compiled, states: tuple[int, ...]) -> Row:
    """A new, empty row of `Compiled.steps` for the stack `states` (the steps learnt from there, by symbol);
    the rows are all dropped first when there are more than `_MAX_STEPS`."""
    if len(c.steps) > _MAX_STEPS:
        c.steps.clear()
    row: Row = {}
    c.steps[states] = row
    return row


def _learn(c: Compiled, states: tuple[int, ...], row: Row, symbol: str) -> Learnt:
    """`_step` from `states` with `symbol`, remembered in the stack's `row` with the row of the stack after:
    the parser then moves from row to row, never hashing a stack again."""
    after, reductions, outcome = _step(c, states, symbol)
    after_row = c.steps.get(after)
    if after_row is None:
        after_row = _row(c, after)
    learnt = row[symbol] = (after, after_row, reductions, outcome)
    return learnt


def _step(c: Compiled, states: tuple[int, ...], symbol: str) -> Step:
    """What the parser does with the next `symbol` over the stack `states`: the stack afterwards, the
    reductions that make or change a value (how, size, node name, action) in order, and the outcome
    (`SHIFTED`, `ACCEPTED` or `STUCK`). The stack and the symbol decide it all, so the parser remembers
    each step (`Compiled.steps`) and then only replays its reductions on the values. The last reduction
    of an accepting step, the phrase's root, is left out: its children are the values left (`_run`).
    A one-child `NODE` reduction is replayed as `ONE_NODE`, one with a `Constant` action as `CONSTANT`
    (holding the value), and a `NODE` rule no method reads gets `_no_value` as its action, so that the
    replay of the commonest reductions tests and calls as little as it can."""
    table, rules, end = c.table, c.rules, c.end
    stack = list(states)
    reductions: list[tuple[int, int, str, Action]] = []
    while True:
        action = table[stack[-1]].get(symbol)
        if action is None:
            return tuple(stack), tuple(reductions), STUCK
        if action >= 0:
            stack.append(action)
            return tuple(stack), tuple(reductions), SHIFTED
        origin, size, name, how = rules[~action]
        if size:
            del stack[-size:]
        stack.append(table[stack[-1]][origin])
        if stack[-1] == end and symbol == "$END":
            return tuple(stack), tuple(reductions), ACCEPTED
        if how != KEEP:  # a `KEEP` reduction passes its one child on: the values stay as they are
            act = c.actions[~action]
            if how == NODE and type(act) is Constant:
                reductions.append((CONSTANT, size, name, act.value))
            elif how == NODE:
                reductions.append((ONE_NODE if size == 1 else NODE, size, name, act or _no_value))
            else:
                reductions.append((how, size, name, act))


_END_OF_INPUT = Token("$END", "", -1, -1)
"""What `_run` feeds the automaton after the last token: the end of the input (never shifted)."""


def _run(c: Compiled, tokens: list[Token], first: int, stop: int) -> list[Node]:
    """LALR over tokens[first:stop] then end of input; the items of the phrase, or `_Stuck`. Each node
    gets its value from its rule's action as the rule is reduced (`NO_VALUE` when the action raises)."""
    states: tuple[int, ...] = (c.start,)
    row = c.steps.get(states)
    if row is None:
        row = _row(c, states)
    values: list[Any] = []
    for token in [*tokens[first:stop], _END_OF_INPUT]:
        try:
            states, row, reductions, outcome = row[token.type]
        except KeyError:
            states, row, reductions, outcome = _learn(c, states, row, token.type)
        for how, size, name, act in reductions:
            if how == ONE_NODE or how == NODE:  # noqa: SIM109 - two tests cost less than a set lookup
                # Node(name, children, _read(act, children)), spelled out: the commonest reductions
                node = _new_node(Node)
                if how == ONE_NODE:
                    children = [values[-1]]
                    values[-1] = node
                else:
                    children = values[-size:] if size else []
                    if size:
                        del values[-size:]
                    values.append(node)
                node.data, node.children = name, children
                try:
                    node.value = act(children)  # type: ignore[misc] # never None for a `NODE` (`_step`)
                except Exception:  # noqa: BLE001 - as in `_read`
                    node.value = NO_VALUE
            elif how == GROW:  # _node's first case, spelled out: once an item
                head = values[-size].children
                for child in values[1 - size:]:
                    if type(child) is Node and child.data[0] == "_":
                        head.extend(child.children)
                    else:
                        head.append(child)
                del values[1 - size:]
            elif size == 1 and how >= BUILD:  # _node([child], name, how == BUILD_EXPAND1, act), spelled out
                child = values[-1]
                if type(child) is not Node or child.data[0] != "_":
                    if how != BUILD_EXPAND1:
                        children = [child]
                        node = _new_node(Node)
                        node.data, node.children = name, children
                        node.value = NO_VALUE if act is None else _read(act, children)
                        values[-1] = node
                elif child.data != name:  # a `_x` node, inlined (a repetition that grew by nothing stays)
                    flat = child.children  # the child is dropped: its list becomes the node's
                    if how == BUILD_EXPAND1 and len(flat) == 1:
                        values[-1] = flat[0]
                    else:
                        node = _new_node(Node)
                        node.data, node.children = name, flat
                        node.value = NO_VALUE if act is None else _read(act, flat)
                        values[-1] = node
            elif how == CONSTANT:  # Node(name, children, the value held by the step), without __init__
                children = values[-size:] if size else []
                node = _new_node(Node)
                node.data, node.children, node.value = name, children, act
                if size:
                    values[-size:] = [node]
                else:
                    values.append(node)
            else:
                if size:
                    children = values[-size:]
                    del values[-size:]
                else:
                    children = []
                values.append(_node(children, name, how == BUILD_EXPAND1, act))
        if outcome == SHIFTED:
            values.append(token)
        elif outcome == ACCEPTED:  # the values left are the children of the phrase's root
            return _items(values)
        else:
            raise _Stuck(stop if token is _END_OF_INPUT else tokens.index(token, first, stop), values)
    raise _Stuck(stop, values)  # pragma: no cover - $END is never shifted


_MONTHS = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"})


def _items(children: list[Any]) -> list[Node]:
    """The items among the phrase's children, those of its `_x` children in their place (the tokens between
    them fell through to the description).

    One token that fell through is read after all: a two-digit number that cannot be a clock hour,
    right after a date that ends in its month name, is that date's year ("3 aug 96"). LALR cannot
    choose there: after "3 aug", the next number may just as well begin a duration ("3 aug 45 min").
    """
    items: list[Node] = []
    for child in children:  # `_inlined`, keeping the nodes only, in one pass: the common case
        if type(child) is Node:
            if child.data[0] != "_":
                items.append(child)
                continue
            for inner in child.children:
                if type(inner) is Node:
                    items.append(inner)
    for item in items:
        if item.data == "date_text":
            break
    else:
        return items
    items = []
    for child in _inlined(children):
        if type(child) is Node:
            items.append(child)
        elif (child.type == "INT" and len(child.value) == 2 and child.value >= "25" and items
              and items[-1].data == "date_text" and type(items[-1].children[-1]) is Node
              and items[-1].children[-1].data in _MONTHS):
            items[-1] = Node("date_text", [*items[-1].children, Node("year", [child])])
    return items


class Parsed(Record):
    """The items of a phrase: parse trees of time expressions (tokens that fell through are dropped)."""

    __slots__ = ("items", "recovered")
    items: tuple[Node, ...]
    recovered: int

    def __init__(self, items: tuple[Node, ...], recovered: int) -> None:
        set_items, set_recovered = Parsed._set
        set_items(self, items)
        set_recovered(self, recovered)


_ParsedDraft = draft(Parsed)


def parse_items(text: str, code: str, chunks: list[str] | None = None) -> Parsed:
    """Tokenise and parse normalised `text` (`chunks`: its `text.split()`, when the caller has it); never
    raises for any input.

    Plain words end every construction, so the tokens between them are parsed one stretch at a
    time: the same items as one pass over everything, without feeding the plain words through.
    """
    compiled = load(code)
    known = _chunk_lexemes(code)
    items: list[Node] = []
    recovered = 0
    stretch: list[Token] = []
    if chunks is None:
        chunks = text.split()
    # the common case: one space between chunks, so each starts one after the end of the one before (no
    # `text.find`, whose arguments are parsed from a tuple at every call)
    spaced = " ".join(chunks) == text
    base = 0
    for chunk in chunks:  # `_chunks`, spelled out
        if not spaced:
            base = text.find(chunk, base)
        lexemes = known.get(chunk)
        if lexemes is None:
            lexemes = _lex_chunk(known, chunk, code)
        for kind, value, start, end in lexemes:
            if kind in _PLAIN:
                if stretch:
                    recovered += _parse_stretch(compiled, stretch, items)
                    if kind == "WORD" and items and items[-1].data in _BEFORE_A_WORD:
                        _drop_before_a_word(items, stretch, code)
                    stretch = []
            else:  # _token(kind, value, base + start, base + end), spelled out: the commonest call
                token = _new_object(Token)
                token.type, token.value = kind, value
                token.start_pos, token.end_pos = base + start, base + end
                stretch.append(token)
        base += len(chunk) + 1
    if stretch:
        recovered += _parse_stretch(compiled, stretch, items)
    parsed: Parsed = _ParsedDraft()  # Parsed(tuple(items), recovered), without a call to its __init__
    parsed.items, parsed.recovered = tuple(items), recovered
    parsed.__class__ = Parsed
    return parsed


def _drop_before_a_word(items: list[Node], stretch: list[Token], code: str) -> None:
    """Drop the last item when it ends the stretch right before a plain word, unless a day cue or another
    item ("maandag de 1e") comes right before it."""
    span = span_of(items[-1])
    if span is None or span[1] != stretch[-1].end_pos:
        return
    before = [t for t in stretch if t.end_pos <= span[0]]
    if before and before[-1].value in get(code).cues.get("day", ()):
        return
    if before and len(items) > 1 and (span_of(items[-2]) or (0, -1))[1] == before[-1].end_pos:
        return
    items.pop()


def _parse_stretch(compiled: Compiled, tokens: list[Token], items: list[Node]) -> int:
    """Parse tokens into `items`, recovering from dead ends; the number of recoveries.

    What one token does alone depends on its terminal only: that is learnt once (`Compiled.alone`).
    """
    alone = tokens[0].type if len(tokens) == 1 else None
    if alone is not None and compiled.alone.get(alone) is False:
        return 0
    found = len(items)
    try:
        items.extend(_run(compiled, tokens, 0, len(tokens)))
        recovered = 0
    except _Stuck as stuck:
        recovered = _recover(compiled, tokens, items, stuck)
    if alone is not None:
        compiled.alone[alone] = recovered > 0 or len(items) > found
    return recovered


def _recover(compiled: Compiled, tokens: list[Token], items: list[Node], stuck: _Stuck) -> int:
    """Go on parsing `tokens` into `items` after the parser got `stuck`: keep what was complete, and either
    try the token it failed at again as the start of a new item, or demote it to a plain word; the number
    of recoveries."""
    recovered = 0
    retried = -1
    i = 0
    while True:
        recovered += 1
        start = _unfinished_start(stuck.values, tokens, i)
        i = _complete_prefix(compiled, tokens, i, start, stuck.at, items)
        if i != retried and i != start:
            # First try the token again as the start of a new item ("2 hours past tuesday":
            # "past" did not continue "2 hours", but it does begin "past tuesday").
            retried = i
            if i >= len(tokens):
                return recovered
        else:
            tokens[i] = tokens[i].retyped("WORD")
        try:
            items.extend(_run(compiled, tokens, i, len(tokens)))
            return recovered
        except _Stuck as again:
            stuck = again


def span_of(value: Any) -> tuple[int, int] | None:
    """Where a token or subtree stands in the text: from its first to its last token."""
    first = last = value
    try:
        while type(first) is Node:
            first = first.children[0]
        while type(last) is Node:
            last = last.children[-1]
    except IndexError:  # an empty node at an edge: look at every child
        return _scan_span(value)
    if type(first) is Token and type(last) is Token:
        return first.start_pos, last.end_pos
    return _scan_span(value)


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

