"""Compile a locale's grammar into parse tables, with Lark, once; later runs load the result.

The grammar of a locale is the shared skeleton plus the locale's `.lark` file, completed with
three generated parts:

- terminals for the locale's value tables (NUMWORD, ORDWORD, DAYPART_WORD), so a word and its
  value are written once, in `locale.toml`;
- `_filler`, the fall-through rule: every token, keyword or not, may also stand alone as a word
  of the description (at the lowest priority, and only where it is not a complete item itself).

Lark analyses the grammar (LALR(1), reduce/reduce conflicts settled by rule priority) and we keep
what a parse needs: the action table, the rules and the lexer's terminals, as plain values.
`nlentry.grammar.load` stores those in a private cache directory, so the next process starts
without importing lark, or this module, or rebuilding anything.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

from nlentry.grammar import BUILD, BUILD_EXPAND1, GROW, KEEP, NODE, TABLES_FORMAT, Compiled, unpack
from nlentry.locales import Locale, get

if TYPE_CHECKING:
    from lark import Lark

# Terminals that are always allowed to stand alone (fall through to the description).
_FALLTHROUGH = ["WORD", "INT", "YEAR", "DECIMAL", "PAIR", "FRACTION", "HM", "UNIT_HM", "DMY", "YMD",
                "ORDINAL", "DAY_DOT", "TAG", "PUNCT", "NUMWORD", "ORDWORD", "DAYPART_WORD"]
_WORD = re.compile(r"[^\W\d_]+(?:[\-'][^\W\d_]+)*")
_WORD_TABLES = ("NUMWORD", "ORDWORD", "DAYPART_WORD")


def _terminal(name: str, words: list[str]) -> str:
    """A terminal matching exactly the given words (longest first), as a whole word."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return f"{name}.3: /(?:{alternatives})(?![^\\W_]|-[^\\W\\d_])/\n"


def grammar_text(locale: Locale) -> str:
    """The complete grammar of a locale, generated parts included."""
    literals = locale.literals
    parts = [locale.grammar, "\n// ---- generated from locale.toml ----\n"]
    for name, table in (("NUMWORD", locale.numbers), ("ORDWORD", locale.ordinals),
                        ("DAYPART_WORD", locale.daypart_words)):
        words = [w for w in table if w not in literals]
        parts.append(_terminal(name, words) if words else f"%declare {name}\n")
    body = "".join(parts)
    alone_terms, alone_literals = _single_token_items(body + "_filler: WORD\n")
    fallthrough = [t for t in _FALLTHROUGH if t not in alone_terms]
    kws = [_quote(w) for w in sorted(literals) if w not in alone_literals]
    # Lowest priority: a token is only a plain word when no construction can use it.
    return body + f"_filler.-1: {' | '.join(fallthrough + kws)}\n"


def _quote(word: str) -> str:
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _single_token_items(text: str) -> tuple[set[str], set[str]]:
    """Terminals that make a complete item on their own ("maandag", "gisteren", DMY).

    Those must not also be fillers, or LALR could not choose between the two readings.
    """
    from lark.grammar import NonTerminal, Terminal
    from lark.lexer import PatternStr
    from lark.load_grammar import load_grammar

    grammar, _ = load_grammar(text, "<nlentry>", None, False)
    terminals, rules, _ = grammar.compile(["start"], set())
    nullable: set[str] = set()
    changed = True
    while changed:
        changed = False
        for r in rules:
            if r.origin.name not in nullable and all(
                isinstance(s, NonTerminal) and s.name in nullable for s in r.expansion
            ):
                nullable.add(r.origin.name)
                changed = True
    single: dict[str, set[str]] = {}
    changed = True
    while changed:
        changed = False
        for r in rules:
            required = [s for s in r.expansion if not (isinstance(s, NonTerminal) and s.name in nullable)]
            if len(required) != 1:
                continue
            sym = required[0]
            found = {sym.name} if isinstance(sym, Terminal) else single.get(sym.name, set())
            target = single.setdefault(r.origin.name, set())
            if not found <= target:
                target |= found
                changed = True
    item_rules = {s.name for r in rules if r.origin.name == "_item" for s in r.expansion} - {"_filler"}
    alone = set().union(*(single.get(n, set()) for n in item_rules)) if item_rules else set()
    alone |= {n for n in item_rules if n.isupper()}
    by_name = {t.name: t.pattern for t in terminals}
    literals = {by_name[n].value for n in alone if n in by_name and isinstance(by_name[n], PatternStr)}
    return alone, literals


@cache
def parser(code: str) -> Lark:
    """The Lark LALR parser of a locale (used to compile the tables, and by tests)."""
    from lark import Lark

    # Keywords stay in the tree (keep_all_tokens) so every node has tokens to take its span from;
    # that is cheaper than Lark's propagate_positions, which would touch every node of every parse.
    return Lark(grammar_text(get(code)), parser="lalr", lexer="basic", keep_all_tokens=True,
                maybe_placeholders=False)




def compile_locale(code: str) -> Compiled:
    """Build the tables of a locale with Lark (slow: about a second; `nlentry.grammar.load` caches them)."""
    return unpack(packed_tables(code))


def _hows(rules: list[Any]) -> list[int]:
    """How a reduction by each rule makes its value: `KEEP`, `NODE`, `BUILD`, `BUILD_EXPAND1` or `GROW`.

    A value is a `_x` node to inline only where a `_x` rule builds one: first find the nonterminals
    whose value can be such a node (a `_x` rule that keeps its one child can pass one on), then
    the rules that can meet one among their children.
    """
    def kept(rule: Any, inline: set[str]) -> bool:
        if len(rule.expansion) != 1 or rule.expansion[0].name.startswith("__"):
            return False  # a `__x` child is a repetition, grown in place: it must stay a node
        child = rule.expansion[0]
        name = str(rule.alias or rule.origin.name)
        if name.startswith("_") and not name.startswith("__"):
            return True
        return bool(rule.options.expand1) and not rule.alias and (child.is_term or child.name not in inline)

    inline: set[str] = set()
    changed = True
    while changed:
        changed = False
        for rule in rules:
            origin = rule.origin.name
            if origin in inline or not origin.startswith("_"):
                continue
            child = rule.expansion[0] if rule.expansion else None
            keeps = kept(rule, inline)
            passes_on = keeps and child is not None and not child.is_term and child.name in inline
            if passes_on or not keeps:
                inline.add(origin)
                changed = True
    hows = []
    for rule in rules:
        if kept(rule, inline):
            hows.append(KEEP)
        elif rule.expansion and rule.expansion[0] == rule.origin and rule.origin.name.startswith("__"):
            hows.append(GROW)  # its first child is always the repetition's node (never kept, never aliased)
        elif not any(not s.is_term and s.name in inline for s in rule.expansion):
            hows.append(NODE)
        else:
            hows.append(BUILD_EXPAND1 if rule.options.expand1 and not rule.alias else BUILD)
    return hows


def _child_kinds(rules: list[Any], hows: list[int]) -> list[tuple[tuple[str, ...], ...] | None]:
    """What stands in each child place of the node a `NODE` rule makes (`Compiled.kinds`): per child, the
    terminals its token can be, or () when it is always a named node; None for a rule whose children can
    vary (`BUILD`, `GROW`: inlined `_x` children, a grown repetition) or are not known to be either.

    A child symbol's value is a token or a node depending on how the symbol's own rules reduce: a `KEEP`
    rule passes its one child's value on (`?x: INT`), any other makes a node, except a `BUILD_EXPAND1`
    rule, whose value may be anything. So the values of each nonterminal are found by a fixpoint.
    """
    unknown = "?"  # a value that may be anything: a node, any token
    values: dict[str, set[str]] = {}  # nonterminal -> terminal names, "" for a node, or `unknown`
    changed = True
    while changed:
        changed = False
        for rule, how in zip(rules, hows, strict=True):
            if how == KEEP:
                child = rule.expansion[0]
                found = {child.name} if child.is_term else values.get(child.name, set())
            else:
                found = {unknown} if how == BUILD_EXPAND1 else {""}
            mine = values.setdefault(rule.origin.name, set())
            if not found <= mine:
                mine |= found
                changed = True
    out: list[tuple[tuple[str, ...], ...] | None] = []
    for rule, how in zip(rules, hows, strict=True):
        places = []
        for symbol in rule.expansion if how == NODE else ():
            found = {symbol.name} if symbol.is_term else values[symbol.name]
            if unknown in found or ("" in found and len(found) > 1):
                break
            places.append(() if found == {""} else tuple(sorted(found)))
        else:
            out.append(tuple(places) if how == NODE else None)
            continue
        out.append(None)
    return out


def packed_tables(code: str) -> tuple[Any, ...]:
    """The tables of a locale as plain values for `marshal` (see `nlentry.grammar.unpack` for the layout)."""
    from array import array

    from lark.lexer import PatternStr
    from lark.parsers.lalr_analysis import Shift

    lark = parser(code)
    locale = get(code)
    parse_table = lark.parser.parser.parser.parse_table
    rules = list(lark.rules)
    index = {id(r): i for i, r in enumerate(rules)}
    numbers: dict[str, int] = {}
    packed = []
    for state in range(len(parse_table.states)):
        keys: list[int] = []
        actions: list[int] = []
        for symbol, (action, arg) in parse_table.states[state].items():
            keys.append(numbers.setdefault(str(symbol), len(numbers)))
            actions.append(arg if action is Shift else ~index[id(arg)])
        packed.append((array("H", keys).tobytes(), array("i", actions).tobytes()))
    words: dict[str, str] = {}
    symbols: dict[str, str] = {}
    shapes: list[tuple[int, int, str, str]] = []
    for t in lark.terminals:
        value = t.pattern.value
        if isinstance(t.pattern, PatternStr):
            if _WORD.fullmatch(value):
                words[str(value)] = str(t.name)
            elif len(value) == 1:
                symbols[str(value)] = str(t.name)  # one-character literals are PUNCT matches, retyped
            else:
                shapes.append((0, len(value), str(t.name), re.escape(value)))
        elif t.name not in _WORD_TABLES and not t.name.startswith("__IGNORE"):
            shapes.append((t.priority, t.pattern.max_width, str(t.name), str(value)))
    tables: tuple[dict[str, Any], ...] = (locale.numbers, locale.ordinals, locale.daypart_words)
    for name, values in zip(_WORD_TABLES, tables, strict=True):
        for word in values:
            words.setdefault(word, name)
    glued = _glued_pieces(locale, words)
    # Lark's own order: priority, then the longest possible match first
    shapes.sort(key=lambda s: (-s[0], -s[1], s[2]))
    pattern = "|".join(f"(?P<{n}>{p})" for _, _, n, p in shapes) + r"|(?P<__SPACE>\s+)"
    hows = _hows(rules)
    return (
        TABLES_FORMAT,
        tuple(numbers),
        packed,
        # str(): lark hands out names as its own Token class; the cache must not need lark to load
        tuple((str(r.origin.name), len(r.expansion), str(r.alias or r.origin.name), how)
              for r, how in zip(rules, hows, strict=True)),
        parse_table.start_states["start"],
        parse_table.end_states["start"],
        pattern,
        words,
        symbols,
        glued,
        tuple(_child_kinds(rules, hows)),
    )


def _glued_pieces(locale: Locale, words: dict[str, str]) -> dict[str, tuple[tuple[str, int, int], ...]]:
    """Each glued word of the locale (`dinsdagmiddag`) -> its pieces as (terminal, start, end).

    A piece takes the terminal of the word it reads as; a word the grammar knows as a whole stays whole.
    A piece that carries a value (a number word) must be written as the word it reads as.
    """
    out: dict[str, tuple[tuple[str, int, int], ...]] = {}
    for written, pieces in locale.glued.items():
        if written in words:
            continue
        spans = []
        pos = 0
        for piece, read_as in pieces:
            kind = words.get(read_as)
            if kind is None or (kind in _WORD_TABLES and piece != read_as):
                raise ValueError(f"{locale.code}: glued {written!r}: {read_as!r} is no word of the grammar")
            spans.append((kind, pos, pos + len(piece)))
            pos += len(piece)
        out[written] = tuple(spans)
    return out
