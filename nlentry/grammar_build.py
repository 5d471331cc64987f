"""Compile a locale's grammar into parse tables, with Lark, once; later runs load the result.

The grammar of a locale is the shared skeleton plus the locale's `.lark` file, completed with
three generated parts:

- terminals for the locale's value tables (NUMWORD, ORDWORD, DAYPART_WORD), so a word and its
  value are written once, in `locale.toml`;
- `_filler`, the fall-through rule: every token, keyword or not, may also stand alone as a word
  of the description (at the lowest priority, and only where it is not a complete item itself).

Lark analyses the grammar (LALR(1), reduce/reduce conflicts settled by rule priority) and we keep
what a parse needs: the action table, the rules and the lexer's terminals. That compiled form is
pickled into a private cache directory (mode 0700), keyed by a hash of the grammar sources, so
the next process starts without importing lark or rebuilding anything.
"""

from __future__ import annotations

import os
import pickle
import re
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nlentry.locales import Locale, get, grammars_dir

if TYPE_CHECKING:
    from lark import Lark

# Terminals that are always allowed to stand alone (fall through to the description).
_FALLTHROUGH = ["WORD", "INT", "YEAR", "DECIMAL", "PAIR", "FRACTION", "HM", "UNIT_HM", "DMY", "YMD",
                "ORDINAL", "TAG", "PUNCT", "NUMWORD", "ORDWORD", "DAYPART_WORD"]
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




@dataclass(frozen=True)
class Compiled:
    """Everything a parse needs, in plain Python values (picklable, no lark objects).

    `table[state][symbol]` is a state number to shift to (>= 0) or `~rule` to reduce by;
    `rules[i]` is (origin, length, node name, expand1). The lexer is one master regex over the
    numeric shapes and symbols, plus dictionaries from words and symbols to terminal names.
    """

    table: tuple[dict[str, int], ...]
    rules: tuple[tuple[str, int, str, bool], ...]
    start: int
    end: int
    pattern: str
    words: dict[str, str]
    symbols: dict[str, str]


def compile_locale(code: str) -> Compiled:
    """Build the tables of a locale with Lark (slow: about a second; normally cached)."""
    from lark.lexer import PatternStr
    from lark.parsers.lalr_analysis import Shift

    lark = parser(code)
    locale = get(code)
    parse_table = lark.parser.parser.parser.parse_table
    rules = list(lark.rules)
    index = {id(r): i for i, r in enumerate(rules)}
    table = []
    for state in range(len(parse_table.states)):
        row = {}
        for symbol, (action, arg) in parse_table.states[state].items():
            row[str(symbol)] = arg if action is Shift else ~index[id(arg)]
        table.append(row)
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
    # Lark's own order: priority, then the longest possible match first
    shapes.sort(key=lambda s: (-s[0], -s[1], s[2]))
    pattern = "|".join(f"(?P<{n}>{p})" for _, _, n, p in shapes) + r"|(?P<__SPACE>\s+)"
    return Compiled(
        table=tuple(table),
        # str(): lark hands out names as its own Token class; the cache must not need lark to load
        rules=tuple((str(r.origin.name), len(r.expansion), str(r.alias or r.origin.name),
                     bool(r.options.expand1) and not r.alias) for r in rules),
        start=parse_table.start_states["start"],
        end=parse_table.end_states["start"],
        pattern=pattern,
        words=words,
        symbols=symbols,
    )


def _cache_dir() -> Path:
    override = os.environ.get("NLENTRY_CACHE_DIR")
    if override:
        return Path(override)
    try:
        from platformdirs import user_cache_dir

        return Path(user_cache_dir("nlentry"))
    except ImportError:  # pragma: no cover - platformdirs is a dependency
        import tempfile

        return Path(tempfile.gettempdir()) / f"nlentry-{os.getuid() if hasattr(os, 'getuid') else 'user'}"


def _fingerprint(code: str) -> str:
    """A checksum of everything the tables are made from (this module and the grammar files)."""
    crc = zlib.crc32(Path(__file__).read_bytes())
    root = grammars_dir()
    for path in [*sorted((root / "shared").glob("*.lark")), *sorted((root / code).iterdir())]:
        if path.is_file():
            crc = zlib.crc32(path.name.encode() + b"\0" + path.read_bytes(), crc)
    return f"{crc:08x}"


@cache
def load(code: str) -> Compiled:
    """The compiled tables of a locale: from the cache when the grammar is unchanged, else built."""
    get(code)  # validates the code
    folder = _cache_dir()
    path = folder / f"{code}-{_fingerprint(code)}.tables"
    try:
        if path.is_file() and path.stat().st_uid == os.getuid() and not path.stat().st_mode & 0o022:
            with open(path, "rb") as f:
                loaded = pickle.load(f)
            if isinstance(loaded, Compiled):
                return loaded
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    compiled = compile_locale(code)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        import tempfile  # only when the cache is written: it is not needed to read it

        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{code}-")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(compiled, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # no cache this time; the next process builds again
    return compiled
