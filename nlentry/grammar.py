"""Stage 1: text -> tokens -> parse tree, with one LALR parser per locale, built lazily.

The grammar of a locale is the shared skeleton plus the locale's `.lark` file, completed here
with three generated parts:

- terminals for the locale's value tables (NUMWORD, ORDWORD, DAYPART_WORD), so a word and its
  value are written once, in `locale.toml`;
- `_filler`, the fall-through rule: every token, keyword or not, may also stand alone as a
  word of the description.

The parse is one left-to-right pass. Greedy LALR can walk into a dead end ("kwart over het
budget": `kwart over` expects a number); we then demote the first token that cannot continue
to a plain word and go on from there, so every input parses in time linear in its length.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from nlentry.locales import Locale, get

if TYPE_CHECKING:
    from lark import Lark, Token, Tree

# Terminals that are always allowed to stand alone (fall through to the description).
_FALLTHROUGH = ["WORD", "INT", "YEAR", "DECIMAL", "PAIR", "HM", "UNIT_HM", "DMY", "YMD", "ORDINAL", "TAG",
                "PUNCT", "NUMWORD", "ORDWORD", "DAYPART_WORD"]

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
    """The LALR parser of a locale; built once per process, its tables cached in the temp directory."""
    from lark import Lark

    # Keywords stay in the tree (keep_all_tokens) so every node has tokens to take its span from;
    # that is cheaper than Lark's propagate_positions, which would touch every node of every parse.
    return Lark(grammar_text(get(code)), parser="lalr", lexer="basic", keep_all_tokens=True,
                cache=True, maybe_placeholders=False)


_WORD = re.compile(r"[^\W\d_]+(?:[\-'][^\W\d_]+)*")
_WORD_TABLES = ("NUMWORD", "ORDWORD", "DAYPART_WORD")


class _Lexer:
    """One master regex for the numeric shapes and symbols, a dict for the words.

    Built from the compiled grammar's own terminals, in Lark's order (priority, then width), so it
    tokenises exactly as Lark's basic lexer would; it is about five times faster because every
    keyword and value word is a dictionary lookup on a WORD match.
    """

    def __init__(self, lark: Lark, locale: Locale) -> None:
        from lark.lexer import PatternStr

        self.words: dict[str, str] = {}
        self.symbols: dict[str, str] = {}  # one-character literals that PUNCT also matches
        shapes: list[tuple[int, int, str, str]] = []
        for t in lark.terminals:
            value = t.pattern.value
            if isinstance(t.pattern, PatternStr):
                if _WORD.fullmatch(value):
                    self.words[value] = t.name
                elif len(value) == 1:
                    self.symbols[value] = t.name
                else:
                    shapes.append((0, len(value), t.name, re.escape(value)))
            elif t.name not in _WORD_TABLES and not t.name.startswith("__IGNORE"):
                shapes.append((t.priority, t.pattern.max_width, t.name, value))
        for name, table in zip(_WORD_TABLES, (locale.numbers, locale.ordinals, locale.daypart_words),
                               strict=True):
            for word in table:
                self.words.setdefault(word, name)
        shapes.sort(key=lambda s: (-s[0], -s[1], s[2]))
        self.names = [name for _, _, name, _ in shapes]
        self.master = re.compile("|".join(f"(?P<{n}>{p})" for _, _, n, p in shapes) + r"|(?P<__SPACE>\s+)")

    def tokens(self, text: str) -> list[Token]:
        from lark import Token

        out: list[Token] = []
        words = self.words
        for m in self.master.finditer(text):
            kind = m.lastgroup
            if kind == "__SPACE" or kind is None:
                continue
            value = m.group()
            if kind == "WORD":
                kind = words.get(value, "WORD")
            elif kind == "PUNCT":
                kind = self.symbols.get(value, "PUNCT")
            out.append(Token(kind, value, m.start(), 1, m.start() + 1, 1, m.end() + 1, m.end()))
        return out


@cache
def _lexer(code: str) -> _Lexer:
    return _Lexer(parser(code), get(code))


def tokens_of(text: str, code: str) -> list[Token]:
    """The tokens of normalised `text` in the locale's grammar."""
    return _lexer(code).tokens(text)


_PLAIN = frozenset({"WORD", "PUNCT", "TAG"})


def _collapse(tokens: list[Token]) -> list[Token]:
    """Runs of plain words parse alike whatever their length: keep one token of each run."""
    out: list[Token] = []
    for t in tokens:
        if t.type in _PLAIN and out and out[-1].type in _PLAIN:
            continue
        out.append(t)
    return out


@dataclass(frozen=True)
class Parsed:
    """The items of a phrase: parse trees of time expressions (tokens that fell through are dropped)."""

    items: tuple[Tree, ...]
    recovered: int


def parse_items(text: str, code: str) -> Parsed:
    """Tokenise and parse normalised `text`; never raises for any input the lexer can read."""
    from lark import Token, Tree
    from lark.exceptions import UnexpectedToken

    lark = parser(code)
    tokens = _collapse(tokens_of(text, code))
    items: list[Tree] = []
    recovered = 0
    i = 0
    while i < len(tokens):
        state = lark.parse_interactive("")
        j = i
        try:
            for j in range(i, len(tokens)):
                state.feed_token(tokens[j])
            tree = state.feed_eof()
            items.extend(c for c in tree.children if isinstance(c, Tree))
            break
        except UnexpectedToken:
            recovered += 1
            stuck = _unfinished_start(state.parser_state.value_stack, tokens, i)
            done = _complete_prefix(lark, tokens, i, stuck, j, items)
            i = done
            tokens[i] = Token("WORD", tokens[i].value, tokens[i].start_pos, tokens[i].line, tokens[i].column,
                              end_pos=tokens[i].end_pos)
    return Parsed(tuple(items), recovered)


def span_of(value: Any) -> tuple[int, int] | None:
    """Where a token or subtree stands in the text: from its first to its last token."""
    from lark import Token, Tree

    if isinstance(value, Token):
        return value.start_pos or 0, value.end_pos or 0
    if isinstance(value, Tree):
        first = last = None
        for child in value.children:
            inner = span_of(child)
            if inner is not None:
                first = inner[0] if first is None else first
                last = inner[1]
        return None if first is None or last is None else (first, last)
    return None


def _start_pos(value: Any) -> int | None:
    from lark import Tree

    if isinstance(value, Tree) and value.data.startswith("__start_star"):
        return None
    span = span_of(value)
    return span[0] if span else None


def _unfinished_start(stack: list[Any], tokens: list[Token], first: int) -> int:
    """The index of the first token of the construct the parser was in the middle of."""
    positions = [p for p in (_start_pos(v) for v in stack) if p is not None]
    if not positions:
        return first
    pos = min(positions)
    for k in range(first, len(tokens)):
        if (tokens[k].start_pos or 0) >= pos:
            return k
    return first


def _complete_prefix(lark: Lark, tokens: list[Token], first: int, stuck: int, failed: int,
                     items: list[Tree]) -> int:
    """Parse tokens[first:stop] as complete items for the largest stop that works; return stop.

    Tries a few stops between `stuck` and the token that `failed` (so "2 uur en Rowan" keeps
    "2 uur" and demotes "en"), and always succeeds at `stuck`: everything before it was complete.
    """
    from lark import Tree
    from lark.exceptions import UnexpectedToken

    for stop in range(min(failed, stuck + 6), stuck - 1, -1):
        state = lark.parse_interactive("")
        try:
            for j in range(first, stop):
                state.feed_token(tokens[j])
            tree = state.feed_eof()
        except UnexpectedToken:
            continue
        items.extend(c for c in tree.children if isinstance(c, Tree))
        return stop
    return stuck  # pragma: no cover - the prefix before `stuck` always parses
