"""Contracts between the grammars, the semantics and the corpus (TimeTagger's test_both.py idea).

- every locale folder builds an LALR parser without conflicts;
- every neutral node name a grammar produces has a method in `Semantics`, and every method is used;
- every word a locale spells out (grammar keywords and value-table words) occurs in its corpus.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from nlentry import grammar_build, locales
from nlentry.semantics import _CONSTANTS, _METHODS, Semantics

CORPUS = Path(__file__).parent.parent / "corpus"
# Methods that are called by other methods or by name from read_items, not from a tree node.
_HELPERS = {"transform", "transform_packed", "evaluate", "action"}


@pytest.mark.parametrize("code", locales.available())
def test_locale_builds_and_has_a_corpus(code: str) -> None:
    assert grammar_build.parser(code) is not None
    assert list((CORPUS / code).glob("*.jsonl")), f"corpus/{code}/ is missing"


def _node_names(code: str) -> set[str]:
    lark = grammar_build.parser(code)
    # ?rules without an alias are inlined (never a node); start is the root
    names = {r.alias or r.origin.name for r in lark.rules if r.alias or not r.options.expand1}
    return {str(n) for n in names if not str(n).startswith("_")}


def test_every_node_has_a_meaning_and_every_meaning_a_node() -> None:
    produced = set().union(*(_node_names(c) for c in locales.available()))
    produced -= {"start"}
    methods = {m for m in vars(Semantics) if not m.startswith("_") and callable(getattr(Semantics, m))}
    assert produced - methods == set(), "nodes without a Semantics method"
    unused = methods - produced - _HELPERS
    assert unused == set(), "Semantics methods no grammar produces"



@pytest.mark.parametrize("code", locales.available())
def test_constant_nodes_hold_keywords_only(code: str) -> None:
    """`Semantics.transform` takes the value of a node in `_CONSTANTS` without reading its children: that is
    only the same reading when no rule of that name can have a child node (whose reading could fail)."""
    lark = grammar_build.parser(code)
    rules: dict[str, list] = {}
    for rule in lark.rules:
        rules.setdefault(str(rule.origin.name), []).append(rule)

    def keywords_only(expansion: list, seen: frozenset[str]) -> bool:
        for symbol in expansion:
            name = str(symbol.name)
            if symbol.is_term or name in seen:
                continue
            if not name.startswith("_") or name.startswith("__"):  # a child node of its own
                return False
            if not all(keywords_only(r.expansion, seen | {name}) for r in rules[name]):
                return False
        return True

    named = [r for r in lark.rules if str(r.alias or r.origin.name) in _CONSTANTS]
    assert named, "no constant node in the grammar"
    assert [str(r) for r in named if not keywords_only(r.expansion, frozenset())] == []
    semantics = Semantics(locales.get(code))
    for name, value in _CONSTANTS.items():
        assert _METHODS[name](semantics, ["ignored"]) == value, name

def _corpus_words(code: str) -> set[str]:
    words: set[str] = set()
    for path in (CORPUS / code).glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                words.update(re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", json.loads(line)["text"].lower()))
    return words


@pytest.mark.parametrize("code", locales.available())
def test_every_lexicon_word_occurs_in_the_corpus(code: str) -> None:
    locale = locales.get(code)
    lexicon = {w for w in locale.literals if re.fullmatch(r"[^\W\d_]{2,}(?:'[^\W\d_]+)?", w)}
    raw_numbers = {w for w in locale.numbers if w in _table_words(code, "numbers")}
    lexicon |= raw_numbers | set(locale.ordinals) | set(locale.daypart_words)
    missing = sorted(lexicon - _corpus_words(code))
    assert not missing, f"corpus/{code} never uses: {missing}"


def _table_words(code: str, table: str) -> set[str]:
    """The words written in locale.toml's table (not the generated compounds)."""
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    with open(os.path.join(locales.grammars_dir(), code, "locale.toml"), "rb") as f:
        return set(tomllib.load(f).get(table, {}))


@pytest.mark.parametrize("code", locales.available())
def test_lexing_chunk_by_chunk_equals_lexing_the_whole_text(code: str) -> None:
    """The lexer reads each run of non-space characters on its own (and remembers it): that is only right
    while no token holds a space and no terminal looks past one."""
    from nlentry import grammar

    texts = [json.loads(line)["text"] for path in sorted(CORPUS.glob("*/*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += ["2pm-3pm", "9 a.m. tot 5", "om 9:30,  (2u) 's avonds", "3e jan-5/6",
              "\u00a0x\u2003y\t#tag-1 ,2,5"]
    for text in texts:
        folded = grammar.normalise(text)
        got = [(t.type, str(t), t.start_pos, t.end_pos) for t in grammar.tokens_of(folded, code)]
        assert got == list(grammar.lex(folded, code)), text


def test_tokens_carry_no_dict_and_read_as_their_text() -> None:
    """A parse makes a token for every keyword and number: a slotted object, not a `str` subclass (which
    carried a dict each, at twice the cost); `str`, `int` and `float` read its text, and the trees the
    parser builds hold these tokens."""
    from nlentry import grammar

    tokens = grammar.tokens_of(grammar.normalise("2,5 uur om 14:30 op 12 maart"), "nl")
    assert [(t.type, str(t)) for t in tokens][:1] == [("DECIMAL", "2,5")]
    assert all(type(t) is grammar.Token and not hasattr(t, "__dict__") and not isinstance(t, str)
               for t in tokens)
    twelve = next(t for t in tokens if t.value == "12")
    assert (str(twelve), int(twelve), float(twelve)) == ("12", 12, 12.0)
    assert repr(twelve.retyped("WORD")) == f"Token('WORD', '12', {twelve.start_pos}, {twelve.end_pos})"
    leaves = _leaves(grammar.parse_items(grammar.normalise("2,5 uur om 14:30"), "nl").items)
    assert leaves and all(type(t) is grammar.Token for t in leaves)


def _leaves(items: tuple[object, ...]) -> list[object]:
    """The leaves of parse trees (what is not a `Node`)."""
    from nlentry import grammar

    leaves = []
    stack = list(items)
    while stack:
        node = stack.pop()
        if type(node) is grammar.Node:
            stack.extend(node.children)
        else:
            leaves.append(node)
    return leaves


# Words that now start a construction (an approximation, a day cue, a glued dash) but are plain words as
# often: in plain text they must not walk the parser into a dead end (a recovery lowers the confidence).
_PLAIN_USES = [
    ("nl", "2 uur - overleg met Erik"), ("nl", "2 uur tot de lunch"), ("nl", "op de webshop 2 uur"),
    ("nl", "vrijdag de hele dag support"), ("nl", "bijna een hele dag bezig, 2 uur"),
    ("en", "talked about the roadmap 2h"), ("en", "about an issue with the login 2h"),
    ("en", "2 hours on the dashboard"), ("en", "work on the 2nd floor 2h"),
]


@pytest.mark.parametrize("code,text", _PLAIN_USES)
def test_plain_uses_of_construction_words_need_no_recovery(code: str, text: str) -> None:
    from nlentry.grammar import normalise, parse_items

    assert parse_items(normalise(text), code).recovered == 0


def test_what_a_parse_remembers_of_each_chunk_is_bounded_and_forgetting_changes_nothing(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The lexemes of each chunk, the words of each leftover chunk and the fallback's date hints of each
    word are remembered in plain dicts (read with `get`): each forgets everything at its bound, and a
    phrase reads the same whatever was remembered or forgotten before it."""
    from datetime import datetime, timedelta, timezone

    import nlentry
    from nlentry import api, fallback, grammar

    now = datetime(2026, 11, 18, 14, 30, tzinfo=timezone(timedelta(hours=1)))
    texts = [json.loads(line)["text"] for path in sorted(CORPUS.glob("*/*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()][:150]
    texts += ["3 uur overleg 12 maart 1999", "budget review 2031 march"]
    first = [nlentry.parse(t, now=now).to_dict() for t in texts]
    monkeypatch.setattr(grammar, "_CHUNKS_SIZE", 5)
    monkeypatch.setattr(api, "_CHUNK_WORDS_SIZE", 5)
    monkeypatch.setattr(fallback, "_KNOWN_HINTS_SIZE", 5)
    memories = [*(grammar._chunk_lexemes(c) for c in ("nl", "en")), api._CHUNK_WORDS,
                *(fallback._known_hints(c) for c in ("nl", "en"))]
    for memory in memories:
        memory.clear()
    again = []
    for text in texts:
        again.append(nlentry.parse(text, now=now).to_dict())
        assert all(len(memory) <= 5 for memory in memories), text
    assert again == first
    assert all(memories[:3]) and any(memories[3:])  # each was used


def _spacings() -> list[str]:
    """Corpus phrases, and each again with its spaces made irregular (doubled, a tab, a no-break space,
    at the edges): the lexer and the leftover words find each chunk by arithmetic when one space stands
    between chunks, and by searching otherwise."""
    import random

    texts = [json.loads(line)["text"] for path in sorted(CORPUS.glob("*/*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()][:400]
    pick = random.Random(13)
    odd = []
    for text in texts:
        words = text.split()
        gaps = [pick.choice([" ", " ", "  ", "\t", "\u00a0", " \u2003 "]) for _ in words]
        odd.append(pick.choice(["", " ", "\t"]) + "".join(w + g for w, g in zip(words, gaps, strict=True)))
    return texts + odd


def test_the_parsed_tokens_and_leftover_words_stand_where_the_text_has_them() -> None:
    from nlentry import api, grammar, locales

    for text in _spacings():
        folded = grammar.normalise(text)
        code = locales.detect(folded)
        places = {(start, end) for _, _, start, end in grammar.lex(folded, code)}
        for token in _leaves(grammar.parse_items(folded, code).items):
            assert isinstance(token, grammar.Token)
            assert token.value == folded[token.start_pos:token.end_pos], text
            assert (token.start_pos, token.end_pos) in places, text
        spans = [("x", s, e) for s, e in [(0, 3), (len(text) // 2, len(text) // 2 + 4)] if e <= len(text)]
        taken = [range(s, e) for _, s, e in spans]
        expected = [(m.group(), m.start(), m.end()) for k in range(len(spans) + 1)
                    for m in api._WORDS.finditer(text, spans[k - 1][2] if k else 0,
                                                 spans[k][1] if k < len(spans) else len(text))]
        expected = [w for w in expected if not any(w[1] in r for r in taken)]
        got = [(w.text, w.start, w.end) for w in api.leftover_words(text, spans)]
        assert got == expected, text
