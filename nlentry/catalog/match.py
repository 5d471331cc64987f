"""Read projects, services, clients, people and tags from the words the date/time grammar left over.

The reader walks the words left to right and cuts them into *mentions*: the longest run of adjacent words
whose key is a catalog name or alias (exact first; a one-edit near miss only when nothing matches exactly).
Cue words from the locale (`Cues`) raise one reading of the name after them; after a person cue the reader
keeps collecting people over joiners, and also accepts people the catalog does not know. A second pass
assigns each mention to a field and resolves competition inside a field (two projects named, an alias on two
projects) by score, never silently: the losers are returned as alternatives and the confidence is lowered.

No language is built in: every word with a meaning comes from `Cues`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from types import MappingProxyType

from nlentry import reading
from nlentry.catalog.index import EDGE_PUNCT, FUZZY_MIN_LETTERS, CatalogIndex, first_token, fold
from nlentry.memo import remember
from nlentry.model import Alternative, Record, Ref, Span, maker
from nlentry.reading import Fact

TYPE_CHECKING = False
if not TYPE_CHECKING:
    from nlentry._typing import NamedTuple
else:
    from typing import NamedTuple


class Word(Record):
    """A leftover word: its text as written and its offsets in the original text."""

    __slots__ = ("text", "start", "end")
    text: str
    start: int
    end: int

    def __init__(self, text: str, start: int, end: int) -> None:
        set_text, set_start, set_end = Word._set
        set_text(self, text)
        set_start(self, start)
        set_end(self, end)


class Cues(Record):
    """Locale data: which words cue which field (lowercase).

    Multi-word cues are space-joined, e.g. "samen met"; "," may be a joiner. `not_names` are the articles,
    pronouns and quantifiers ("de", "the", "mijn", "whole") and the field words of `amend` ("project")
    that are never the name of a person, nor the start of a longer name read as a prefix;
    `articles` the indefinite articles ("een", "a", "an"): a name right after one is likely a plain noun.
    """

    __slots__ = ("project", "person", "joiners", "not_names", "articles")
    project: frozenset[str]
    person: frozenset[str]
    joiners: frozenset[str]
    not_names: frozenset[str]
    articles: frozenset[str]

    def __init__(self, project: frozenset[str], person: frozenset[str], joiners: frozenset[str],
                 not_names: frozenset[str] = frozenset(), articles: frozenset[str] = frozenset()) -> None:
        self._init(project, person, joiners, not_names, articles)


class NameMatch(Record):
    """What the catalog stage read from the leftover words.

    `used` holds the indices of the words that were consumed (names, applied cue words, joiners between
    people, tags); the others make up the description. `facts` is this stage's part of the reading trace
    (`nlentry.reading`): each match and how it was made, each doubt, the alternatives of a field that had
    competing candidates. `penalty`, `warnings` and `alternatives` are read from it.
    """

    __slots__ = ("project", "service", "client", "persons", "tags", "spans", "used", "facts")
    project: Ref | None
    service: Ref | None
    client: Ref | None
    persons: tuple[Ref, ...]
    tags: tuple[str, ...]
    spans: tuple[Span, ...]
    used: frozenset[int]
    facts: tuple[Fact, ...]

    def __init__(self, project: Ref | None, service: Ref | None, client: Ref | None, persons: tuple[Ref, ...],
                 tags: tuple[str, ...], spans: tuple[Span, ...], used: frozenset[int],
                 facts: tuple[Fact, ...]) -> None:
        (set_project, set_service, set_client, set_persons, set_tags, set_spans, set_used,
         set_facts) = NameMatch._set  # one a parse: spelled out rather than `_init`
        set_project(self, project)
        set_service(self, service)
        set_client(self, client)
        set_persons(self, persons)
        set_tags(self, tags)
        set_spans(self, spans)
        set_used(self, used)
        set_facts(self, facts)

    @property
    def penalty(self) -> float:
        """How much this stage lowers the confidence (0 = sure)."""
        return reading.penalty(list(self.facts))

    @property
    def warnings(self) -> tuple[str, ...]:
        return reading.warnings(list(self.facts))

    @property
    def alternatives(self) -> dict[str, tuple[Alternative, ...]]:
        """The other catalog items that fit a field, by field; empty when no field had competition."""
        return reading.summary(list(self.facts))[2]


_NO_WORDS: frozenset[int] = frozenset()
_NOTHING = NameMatch(None, None, None, (), (), (), _NO_WORDS, ())
_name_match = maker(NameMatch)
_span = maker(Span)
_ref = maker(Ref)


def _nothing() -> NameMatch:
    """The match of words that name nothing (one value, shared: a NameMatch is immutable)."""
    return _NOTHING


def _single_name(text: str, recipe: _Recipe, start: int, end: int, used: frozenset[int]) -> NameMatch:
    """The match of one uncued exact name with one reading, as a project or a service: what `recipe`
    (`_recipe`) says of it, the name standing at `start` to `end` of `text` and consuming the words `used`."""
    span_field, project, service, client, target_id, target_name, how, doubts = recipe
    span = _span(span_field, start, end, text[start:end])
    return _name_match(project, service, client, (), (), (span,), used,
                       (("match", span_field, start, end, target_id, target_name, how), *doubts))


_UNKNOWN = object()
_Recipe = tuple[str, Ref | None, Ref | None, Ref | None, object, str, str, tuple[Fact, ...]]


def _recipe(index: CatalogIndex, key: str) -> _Recipe | None:
    """`_single_recipe` of the exact name `key` (of all its targets: the answer is kept per key), worked out
    once per key."""
    recipe: _Recipe | None = index.single_readings.get(key, _UNKNOWN)
    if recipe is _UNKNOWN:
        recipe = index.single_readings[key] = _single_recipe(index, index.exact[key], key)
    return recipe


def _single_recipe(index: CatalogIndex, numbers: tuple[int, ...], key: str) -> _Recipe | None:
    """`_single_name` less the name's place: (span field, project, service, client, target id, target name,
    how, doubts), or None when the name has several readings or reads as neither project nor service."""
    readings = index.readings(numbers)
    if len(readings) != 1:
        return None
    ((slot, found),) = readings.items()
    if len(found) != 1 or slot not in ("project", "service"):
        return None
    number, via = found[0]
    how = "client" if via is not None else ("name" if key == index.name_keys[number] else "alias")
    return _named_recipe(index, slot, number, via, how)


def _named_recipe(index: CatalogIndex, slot: str, number: int, via: int | None, how: str) -> _Recipe:
    """`_single_name`'s recipe of target `number` read as `slot` ("project" or "service"), through the
    client `via` unless None, matched `how` (see `nlentry.reading.HOW`)."""
    targets = index.targets
    target = targets[number]
    span_field = "client" if via is not None else slot
    ref = _ref(target.id, target.name)
    if slot == "service":
        return span_field, None, ref, None, target.id, target.name, how, ()
    client_number = via
    if client_number is None and target.client_id is not None:
        client_number = index.client_number.get(target.client_id)
    client = None
    if client_number is not None:
        client = _ref(targets[client_number].id, targets[client_number].name)
    doubts: tuple[Fact, ...] = () if target.active else (
        ("doubt", "inactive", f"project '{target.name}' is inactive"),)
    return span_field, ref, None, client, target.id, target.name, how, doubts


def _unknown_doubt(name: str) -> Fact:
    """The doubt about a person the catalog does not know, read from `name` as written."""
    return ("doubt", "unknown_person" if name[0].isupper() else "lowercase_person",
            f"person '{name}' is not in the catalog")


def _span_order(span: Span) -> tuple[int, int]:
    return span.start, span.end


EXACT_SCORE = 0.9
NEAR_SCORE = 0.7
CUE_BONUS = 0.1
VIA_CLIENT_MALUS = 0.05
INACTIVE_MALUS = 0.1
TIE = 0.01
"""Scores of readings (0..1): exact beats near miss, a cue lifts a reading, a client-derived project or an
inactive project counts a little less. Readings closer than `TIE` are about equally likely."""

CLIENT_PROJECT_SCORE = 0.5

_FIELD_ORDER = ("project", "service", "person", "client")
_CUED_PROJECT_ORDER = ("project", "client", "service")
_ALT_KEY = {"project": "project", "service": "service", "client": "client", "person": "persons"}
_NAME_INNER = "-'\u2019."
_NO_READINGS: Mapping[str, tuple[tuple[int, int | None], ...]] = MappingProxyType({})
_JOINER = frozenset({"joiner"})
_CUE_KINDS = frozenset({"project", "person"})
_NO_KINDS: frozenset[str] = frozenset()
_PROJECT = frozenset({"project"})


def _score(exact: bool, cued: bool, via_client: bool, inactive: bool) -> float:
    score = EXACT_SCORE if exact else NEAR_SCORE
    if cued:
        score += CUE_BONUS
    if via_client:
        score -= VIA_CLIENT_MALUS
    if inactive:
        score -= INACTIVE_MALUS
    return round(max(0.0, min(1.0, score)), 2)


_SCORES = {(e, c, v, a): _score(e, c, v, a) for e in (True, False) for c in (True, False)
           for v in (True, False) for a in (True, False)}
"""The score of a reading by (exact, cued, via a client, inactive project)."""


class _CueTable:
    """`Cues` folded and indexed by first word, longest cue first."""

    __slots__ = ("by_first", "tokens", "comma_joins", "not_names", "articles", "person_tokens")

    def __init__(self, by_first: dict[str, tuple[tuple[tuple[str, ...], frozenset[str]], ...]],
                 tokens: frozenset[str], comma_joins: bool, not_names: frozenset[str],
                 articles: frozenset[str] = frozenset()) -> None:
        self.by_first = by_first
        self.tokens = tokens
        self.comma_joins = comma_joins
        self.not_names = not_names
        self.articles = articles
        self.person_tokens = frozenset(token for cues in by_first.values() for words, kinds in cues
                                       if "person" in kinds for token in words)
        """The words of person cues: the only cues that read a word no name starts with (a person the
        catalog does not know, or a four-letter name with a typo)."""


@lru_cache(maxsize=64)
def _compile(cues: Cues) -> _CueTable:
    kinds: dict[tuple[str, ...], set[str]] = {}
    for kind, phrases in (("project", cues.project), ("person", cues.person), ("joiner", cues.joiners)):
        for phrase in phrases:
            tokens = tuple(fold(phrase).split())
            if tokens:
                kinds.setdefault(tokens, set()).add(kind)
    grouped: dict[str, list[tuple[tuple[str, ...], frozenset[str]]]] = {}
    for tokens, ks in kinds.items():
        grouped.setdefault(tokens[0], []).append((tokens, frozenset(ks)))
    by_first = {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in grouped.items()}
    comma_joins = "joiner" in kinds.get((",",), set())
    not_names = frozenset(t for phrase in cues.not_names for t in fold(phrase).split())
    return _CueTable(by_first, frozenset(t for ts in kinds for t in ts), comma_joins, not_names,
                     frozenset(fold(a) for a in cues.articles))


class _Hit(NamedTuple):
    stop: int
    targets: tuple[int, ...]
    exact: bool
    key: str  # what was looked up: the words' key (`_Reader._key`)
    prefix: bool  # read from the leading words of a longer name ("intranet" of "Intranet 2.0")


_new_hit = tuple.__new__  # `_Hit(...)` without the call to its generated __new__


class _Mention:
    """A run of words read as one name: words `first` to `stop`, text `start` to `end`, looked up by `key`
    (`_Reader._key(first, stop)`); `length` is how long the name is (the key's length, or the text's for a
    name the catalog does not know)."""

    __slots__ = ("first", "stop", "start", "end", "targets", "exact", "key", "length", "cue", "cue_kind",
                 "unknown", "slot", "readings", "prefix", "weak")

    def __init__(self, first: int, stop: int, start: int, end: int, targets: tuple[int, ...], exact: bool,
                 key: str, length: int, cue: tuple[int, ...] = (), cue_kind: str | None = None,
                 unknown: str | None = None, prefix: bool = False) -> None:
        self.first = first
        self.stop = stop
        self.start = start
        self.end = end
        self.targets = targets
        self.exact = exact
        self.key = key
        self.length = length
        self.cue = cue
        self.cue_kind = cue_kind
        self.unknown = unknown
        self.slot = ""
        self.readings = _NO_READINGS
        self.prefix = prefix
        self.weak = False  # a near miss of a four-letter name or by a four-letter word: weak evidence, asked


class _Candidate(NamedTuple):
    score: float
    length: int
    number: int
    mention: _Mention
    via: int | None


_WordInfo = tuple[str, str, str, str, str, str, bool, bool, bool, bool, bool, int, int | None, int, str]


@lru_cache(maxsize=8192)
def _word_info(raw: str) -> _WordInfo:
    """Everything about one word that does not depend on its neighbours, cached per spelling.

    (view, nf, nf_l, nf_r, nf_c, cue_tok, is_tag, is_at, lone_at, barrier, capital, shift, trail, lead,
    first): `view` is the word without a leading "@", `nf` its fold and `nf_l`/`nf_r`/`nf_c` that fold
    without edge punctuation on the left/right/both sides, `cue_tok` the fold of the word as written; `shift`
    moves the start past the "@", and when the fold has edge punctuation `lead`/`trail` are the number
    of edge punctuation characters on either side of `view` (else `trail` is None); `first` is the first
    token of `nf_l` (`first_token`).
    """
    view = raw
    nf = cue_tok = fold(raw)
    nf_c = nf.strip(EDGE_PUNCT)
    nf_l = nf_r = nf
    is_tag = is_at = lone_at = barrier = False
    shift = 0
    if raw[:1] in ("#", "@"):
        barrier = True
        if raw == "@":
            lone_at = True
        elif raw[0] == "@":
            is_at = True
            view = raw[1:]
            shift = 1
            nf = nf_l = nf_r = fold(view)
            nf_c = nf.strip(EDGE_PUNCT)
        elif len(raw) > 1 and raw[1].isalpha():
            is_tag = True
    trail: int | None = None
    lead = 0
    if nf_c != nf:
        nf_l = nf.lstrip(EDGE_PUNCT)
        nf_r = nf.rstrip(EDGE_PUNCT)
        lead = len(view) - len(view.lstrip(EDGE_PUNCT))
        trail = len(view) - len(view.rstrip(EDGE_PUNCT))
    capital = view != cue_tok and not view.islower()
    first = nf_l if nf_l.isalnum() else first_token(nf_l)
    return (view, nf, nf_l, nf_r, nf_c, cue_tok, is_tag, is_at, lone_at, barrier, capital, shift, trail, lead,
            first)


def match_names(text: str, words: Sequence[Word], index: CatalogIndex, cues: Cues) -> NameMatch:
    """Resolve the leftover `words` of `text` against the catalog behind `index`, guided by `cues`.

    Two words only form one name when the text between them is whitespace. Tags are `#` plus a word that
    starts with a letter (`#1234` is not a tag). See the module docstring for the reading rules.
    """
    if not words:
        return _NOTHING
    memo = index.word_memos.get(id(cues))
    if memo is None or memo[0] is not cues:
        memo = _word_memo(index, cues)
    known = memo[2]
    if len(words) == 1:  # most phrases leave one word: what it reads alone is remembered per spelling
        word = words[0]
        raw = word.text
        entry = known.get(raw) or _learn(raw, index, memo)
        alone = entry[2]
        if alone is not None:
            if isinstance(alone, NameMatch):  # nothing
                return alone
            lead, trail, recipe = alone
            start = word.start + lead
            end = word.end - trail
            return _single_name(text, recipe, start, end if end > start else start, _FIRST_WORD)
        infos = [entry[0]]
    else:
        entries = [known.get(w.text) or _learn(w.text, index, memo) for w in words]
        starting = [k for k, entry in enumerate(entries) if entry[1]]
        if not starting:
            return _NOTHING
        if len(starting) == 1:
            found = _one_name(text, words, entries, starting[0], index, memo[1])
            if found is not None:
                return found
        infos = [entry[0] for entry in entries]
    return _Reader(text, words, index, memo[1], infos).run()


_WordEntry = tuple[_WordInfo, bool, "tuple[int, int, _Recipe] | NameMatch | None"]
_Memo = tuple[Cues, _CueTable, dict[str, _WordEntry]]
_FIRST_WORD = frozenset({0})
WORD_MEMO_SIZE = 8192
"""How many words `match_names` remembers per index and cues before starting over (as many as `_word_info`
keeps: an entry holds the word's info). The bound is per catalog index: a server holding many users'
catalogs holds up to this many words for each of them."""


def _word_memo(index: CatalogIndex, cues: Cues) -> _Memo:
    """What `match_names` remembers of the words it met with `index` and `cues`: (cues, their table,
    word -> `_learn`'s entry), kept in the index by the identity of `cues` (callers keep one `Cues` per
    locale), which is cheaper than hashing them on every phrase."""
    memo: _Memo = (cues, _compile(cues), {})
    remember(index.word_memos, id(cues), memo, 64)
    return memo


def _learn(raw: str, index: CatalogIndex, memo: _Memo) -> _WordEntry:
    """What a word spelt `raw` is, whatever its neighbours (remembered in `memo`, up to `WORD_MEMO_SIZE`
    words): (its `_word_info`, can it start a reading, what it reads alone).

    Only a tag, an "@", a word of a person cue or a word that can be (part of) a name starts a reading (a
    project cue reads only a name after it): a phrase without any reads nothing. Alone, a word reads
    nothing (`_NOTHING`), or is exactly the name of a project or service with one reading: (where the name
    starts past the word's start, how far it ends before the word's end, its `_recipe`); None for anything
    else, which the `_Reader` then reads."""
    table = memo[1]
    info = _word_info(raw)
    starts = info[9] or info[5] in table.person_tokens or index.may_name(info[4], info[14])
    alone: tuple[int, int, _Recipe] | NameMatch | None = None if starts else _NOTHING
    key = info[4]
    if starts and not (info[9] or info[5] in table.tokens) and key in index.exact:
        recipe = _recipe(index, key)
        if recipe is not None:
            alone = (info[11] + info[13], info[12] or 0, recipe)
    return remember(memo[2], raw, (info, starts, alone), WORD_MEMO_SIZE)


def _one_name(text: str, words: Sequence[Word], entries: list[_WordEntry], k: int, index: CatalogIndex,
              table: _CueTable) -> NameMatch | None:
    """What the `_Reader` reads from `words` (learnt as `entries`) of which only word `k` can start a
    reading, when that word alone is the name of a project or service with one reading (`_learn`), no name
    of several words starts or ends with it, and no cue word nor article stands before it; None otherwise.

    The other words then read nothing: none is a name, a near miss or the start of one (none ends one
    either: those words can start a reading), a tag, an "@" or a person cue, and a project cue is only
    read with a name right after it."""
    info, _, alone = entries[k]
    if not isinstance(alone, tuple) or info[14] in index.multi_starts or info[4] in index.multi_last:
        return None
    if k:
        before = entries[k - 1][0][5]
        if before in table.tokens or before in table.articles:
            return None
    lead, trail, recipe = alone
    word = words[k]
    start = word.start + lead
    end = word.end - trail
    return _single_name(text, recipe, start, end if end > start else start, frozenset((k,)))


class _Reader:
    """The state of one `match_names` call."""

    __slots__ = ("text", "index", "table", "n", "words", "view", "nf", "nf_l", "nf_r", "nf_c", "cue_tok",
                 "is_tag", "is_at", "lone_at", "barrier", "first", "infos", "adjacent", "sep", "run_end",
                 "capitals", "_hits")

    view: tuple[str, ...]
    nf: tuple[str, ...]
    nf_l: tuple[str, ...]
    nf_r: tuple[str, ...]
    nf_c: tuple[str, ...]
    cue_tok: tuple[str, ...]
    is_tag: tuple[bool, ...]
    is_at: tuple[bool, ...]
    lone_at: tuple[bool, ...]
    barrier: tuple[bool, ...]
    first: tuple[str, ...]

    def __init__(self, text: str, words: Sequence[Word], index: CatalogIndex, table: _CueTable,
                 infos: list[_WordInfo] | None = None) -> None:
        self.text = text
        self.index = index
        self.table = table
        n = self.n = len(words)
        self.words = words
        if infos is None:
            infos = [_word_info(w.text) for w in words]
        # Every info has its 15 fields, so zip needs no `strict=` (whose keyword parse costs a tenth of this
        # method).
        (self.view, self.nf, self.nf_l, self.nf_r, self.nf_c, self.cue_tok, self.is_tag, self.is_at,
         self.lone_at, barrier, capital, _, _, _, self.first) = zip(*infos)  # noqa: B905
        self.barrier = barrier
        self.infos = infos
        adjacent = [False]  # is word k separated from word k - 1 by whitespace at most?
        sep = [""]  # what joins word k to word k - 1 in a key: " " or nothing
        gap_start = words[0].end if n else 0
        for word in words[1:]:
            gap_end = word.start
            if gap_end == gap_start:
                adjacent.append(True)
                sep.append("")
            else:
                adjacent.append(text[gap_start:gap_end].isspace())
                sep.append(" ")
            gap_start = word.end
        run_end = [n] * n  # where the run of adjacent words that word k is in ends (a barrier starts one)
        if False in adjacent[1:] or True in barrier:
            end = n
            for k in range(n - 1, 0, -1):
                if not adjacent[k] or barrier[k]:
                    end = k
                run_end[k - 1] = end
        self.adjacent, self.sep, self.run_end = adjacent, sep, run_end
        self.capitals = any(capital)
        self._hits: dict[int, _Hit | None] = {}

    def core_start(self, k: int) -> int:
        """Where the name inside word `k` starts: past an "@" and leading edge punctuation."""
        info = self.infos[k]
        return self.words[k].start + info[11] + info[13]

    def core_end(self, k: int) -> int:
        """Where the name inside word `k` ends: before trailing edge punctuation."""
        trail = self.infos[k][12]
        end = self.words[k].end
        return end if trail is None else max(self.core_start(k), end - trail)

    # --- segmentation ------------------------------------------------------------------------------

    def _key(self, p: int, q: int) -> str:
        if q - p == 1:
            return self.nf_c[p]
        sep = self.sep
        key = self.nf_l[p]
        for k in range(p + 1, q - 1):
            key += sep[k] + self.nf[k]
        return key + sep[q - 1] + self.nf_r[q - 1]

    def lookup(self, p: int) -> _Hit | None:
        """The longest name starting at word `p`: exact if any, else a near miss; cached per position."""
        hits = self._hits
        if p in hits:
            return hits[p]
        hit = hits[p] = self._lookup(p)
        return hit

    def _lookup(self, p: int) -> _Hit | None:
        nf_c = self.nf_c
        word = nf_c[p]
        if not word or (self.barrier[p] and not self.is_at[p]):
            return None
        index = self.index
        run_end = self.run_end[p]
        if self.first[p] in index.multi_starts:
            for q in range(min(run_end, p + index.max_words), p, -1):
                if not nf_c[q - 1]:
                    continue
                key = self._key(p, q)
                exact = index.exact.get(key)
                if exact:
                    return _new_hit(_Hit, (q, exact, True, key, False))
        else:  # no name of several words starts here
            exact = index.exact.get(word)
            if exact:
                return _new_hit(_Hit, (p + 1, exact, True, word, False))
        tokens = self.table.tokens
        cue_tok = self.cue_tok
        if cue_tok[p] in tokens:
            return None
        starts_multi = word in index.multi_first
        for q in range(min(run_end, p + index.max_spaced_words), p, -1):
            if not nf_c[q - 1] or cue_tok[q - 1] in tokens:
                continue
            if q - p > 1:
                if not (starts_multi or nf_c[q - 1] in index.multi_last):
                    continue
            elif len(word) < FUZZY_MIN_LETTERS:
                break
            key = self._key(p, q)
            near = index.near_targets(key)
            if near:
                return _new_hit(_Hit, (q, near, False, key, False))
        if word in index.prefix_starts and cue_tok[p] not in self.table.not_names:
            for q in range(min(run_end, p + index.max_words), p, -1):
                key = self._key(p, q)
                heads = index.prefixes.get(key)
                if heads:
                    return _new_hit(_Hit, (q, heads, False, key, True))
        return None

    def cue_at(self, i: int, wanted: frozenset[str]) -> tuple[int, frozenset[str]]:
        """The longest cue starting at word `i` with a kind in `wanted`: (number of words, its kinds)."""
        if "project" in wanted and self.lone_at[i]:
            return 1, _PROJECT
        for tokens, kinds in self.table.by_first.get(self.cue_tok[i], ()):
            if kinds.isdisjoint(wanted) or i + len(tokens) > self.n:
                continue
            if len(tokens) == 1 or all(self.cue_tok[i + j] == tokens[j] and self.adjacent[i + j]
                                       for j in range(1, len(tokens))):
                return len(tokens), kinds
        return 0, _NO_KINDS

    def name_like(self, k: int) -> bool:
        """Could word `k` be the name of a person the catalog does not know?

        It must be a word of letters. When the writer uses capitals anywhere in the phrase, it must also
        be capitalised, so that the article in "with the client" is not taken for a name; a writer who
        types all lowercase gets every such word but the locale's `not_names`, which never are names.
        """
        token = self.cue_tok[k]
        if self.barrier[k] or not self.nf_c[k] or token in self.table.tokens or token in self.table.not_names:
            return False
        core = self.view[k].strip(EDGE_PUNCT)
        if not (core[0].isalpha() and all(ch.isalpha() or ch in _NAME_INNER for ch in core)):
            return False
        return core[0].isupper() or not self.capitals

    def _person_targets(self, hit: _Hit | None) -> tuple[int, ...]:
        if hit is None:
            return ()
        targets = self.index.targets
        return tuple(t for t in hit.targets if targets[t].field == "person")

    def _can_start_person(self, k: int, allow_unknown: bool) -> bool:
        hit = self.lookup(k)
        if self._person_targets(hit):
            return True
        return allow_unknown and hit is None and self.name_like(k)

    def _mention(self, p: int, hit: _Hit, targets: tuple[int, ...], cue: tuple[int, ...],
                 cue_kind: str | None) -> _Mention:
        return _Mention(p, hit.stop, self.core_start(p), self.core_end(hit.stop - 1), targets, hit.exact,
                        hit.key, len(hit.key), cue, cue_kind, None, hit.prefix)

    def persons(self, p: int, lead: tuple[int, ...], allow_unknown: bool) -> tuple[list[_Mention], int]:
        """People from word `p` on, joined by joiners; `lead` are the cue words before the first one."""
        out: list[_Mention] = []
        q = p
        pending = lead
        kind = "person" if lead else None
        joiner = _JOINER
        while q < self.n:
            hit = self.lookup(q)
            people = self._person_targets(hit)
            if hit is not None and people:
                out.append(self._mention(q, hit, people, pending, kind))
                q = hit.stop
            elif allow_unknown and hit is None and self.name_like(q):
                start, end = self.core_start(q), self.core_end(q)
                core = self.text[start:end]
                near = self.index.near_short(self.nf_c[q])
                if near:  # "met Acmee": a client or project with a typo, not a person
                    weak = _Mention(q, q + 1, start, end, near, False, self.nf_c[q], len(core),
                                    pending)
                    weak.weak = True
                    out.append(weak)
                    q += 1
                    break
                near = self.index.near_people(self.nf_c[q])
                if near:  # "met femk": Femke, a letter short (or a new name: asked)
                    weak = _Mention(q, q + 1, start, end, near, False, self.nf_c[q], len(core), pending, kind)
                    weak.weak = True
                    out.append(weak)
                else:
                    out.append(_Mention(q, q + 1, start, end, (), True, self.nf_c[q], len(core),
                                        pending, kind, unknown=core))
                q += 1
            else:
                break
            if q >= self.n or not self.adjacent[q]:
                break
            last = self.words[q - 1].text
            tail = last[len(last.rstrip(EDGE_PUNCT)):]
            if self.table.comma_joins and "," in tail and self._can_start_person(q, allow_unknown):
                pending = ()
                continue
            length, _ = self.cue_at(q, joiner)
            nxt = q + length
            if length and nxt < self.n and self.adjacent[nxt] and self._can_start_person(nxt, allow_unknown):
                pending = tuple(range(q, nxt))
                q = nxt
                continue
            break
        return out, q

    def segment(self) -> tuple[list[_Mention], list[int]]:
        """Cut the words into mentions and tags (word indices), left to right."""
        mentions: list[_Mention] = []
        tags: list[int] = []
        cue_kinds = _CUE_KINDS
        no_kinds = _NO_KINDS
        by_first, cue_tok, lone_at = self.table.by_first, self.cue_tok, self.lone_at
        targets = self.index.targets
        i = 0
        while i < self.n:
            if self.is_tag[i]:
                tags.append(i)
                i += 1
                continue
            if self.is_at[i]:
                hit = self.lookup(i)
                if hit is not None:
                    mentions.append(self._mention(i, hit, hit.targets, (), "project"))
                    i = hit.stop
                else:
                    i += 1
                continue
            length, kinds = (0, no_kinds)
            if cue_tok[i] in by_first or lone_at[i]:
                length, kinds = self.cue_at(i, cue_kinds)
            if length:
                nxt = i + length
                if nxt < self.n and self.adjacent[nxt]:
                    cue = tuple(range(i, nxt))
                    if "person" in kinds:
                        found, q = self.persons(nxt, cue, allow_unknown=True)
                        if found:
                            mentions.extend(found)
                            i = q
                            continue
                    if "project" in kinds:
                        hit = self.lookup(nxt)
                        if hit is not None:
                            mentions.append(self._mention(nxt, hit, hit.targets, cue, "project"))
                            i = hit.stop
                            continue
                i = nxt
                continue
            hit = self.lookup(i)
            if hit is None:
                i += 1
                continue
            for t in hit.targets:
                if targets[t].field != "person":
                    mentions.append(self._mention(i, hit, hit.targets, (), None))
                    i = hit.stop
                    break
            else:  # every reading is a person: read the people from here
                found, i = self.persons(i, (), allow_unknown=False)
                mentions.extend(found)
        return mentions, tags

    # --- assignment --------------------------------------------------------------------------------

    def _score(self, m: _Mention, number: int, via: int | None) -> float:
        inactive = not self.index.targets[number].active
        return _SCORES[m.exact, m.cue_kind is not None, via is not None, inactive]

    def run(self) -> NameMatch:
        mentions, tag_words = self.segment()
        if not mentions and not tag_words:
            return _nothing()
        if len(mentions) == 1 and not tag_words:
            single = self._single(mentions[0])
            if single is not None:
                return single
        plain = self._plain(mentions, tag_words)
        return plain if plain is not None else self._assign(mentions, tag_words)

    def _plain(self, mentions: list[_Mention], tag_words: list[int]) -> NameMatch | None:
        """What `_assign` makes of mentions that do not compete: each a catalog name with one reading
        (exact or a near miss) or a person the catalog does not know, at most one project and one service,
        any number of people (cued or not), no client and no article before a project or service; plus
        the tags. None for anything else."""
        index = self.index
        named: list[tuple[_Mention, str, _Recipe]] = []  # the project first, then the service
        people: list[tuple[_Mention, int | str]] = []  # a target number, or the name of an unknown person
        slots: set[str] = set()
        for m in mentions:
            if m.unknown is not None:
                people.append((m, m.unknown))
                continue
            readings = index.readings(m.targets)
            if len(readings) != 1:
                return None
            ((slot, found),) = readings.items()
            if len(found) != 1:
                return None
            if slot == "person":
                if m.cue_kind == "project":
                    return None  # `_assign` drops the cue: leave it to it
                people.append((m, found[0][0]))
            elif slot in slots or slot == "client" or m.cue_kind == "person" or self._after_article(m):
                return None  # two names for one field, a client, or a name that may be a plain noun
            else:
                slots.add(slot)
                if m.exact:  # the same as the name alone reads: worked out once per key
                    recipe = _recipe(index, m.key)
                    if recipe is None:
                        return None
                else:
                    number, via = found[0]
                    recipe = _named_recipe(index, slot, number, via, self._how(m, number, via))
                if slot == "project":
                    named.insert(0, (m, slot, recipe))
                else:
                    named.append((m, slot, recipe))
        text = self.text
        used: set[int] = set()
        spans: list[Span] = []
        facts: list[Fact] = []
        project = service = client = None
        for m, slot, recipe in named:
            span_field, read_project, read_service, read_client, target_id, target_name, how, doubts = recipe
            used.update(range(m.first, m.stop))
            used.update(m.cue)
            spans.append(_span(span_field, m.start, m.end, text[m.start:m.end]))
            facts.append(("match", span_field, m.start, m.end, target_id, target_name, how))
            if not m.exact:
                facts.append(self._near_doubt(m, slot, target_name))
            if doubts:
                facts.extend(doubts)
            if slot == "service":
                service = read_service
            else:
                project, client = read_project, read_client
        persons: dict[object, Ref] = {}
        for m, who in people:
            self._person(m, who, used, spans, facts, persons)
        tags = self._tags(tag_words, used, spans) if tag_words else ()
        if len(spans) > 1:
            spans.sort(key=_span_order)
        return _name_match(project, service, client, tuple(persons.values()), tags, tuple(spans),
                           frozenset(used), tuple(facts))

    def _person(self, m: _Mention, who: int | str, used: set[int], spans: list[Span], facts: list[Fact],
                persons: dict[object, Ref]) -> None:
        """Read mention `m` as a person: `who` is a target number, or the name of a person the catalog does
        not know. Its words join `used`, its span `spans`, its match and doubt (unknown person, near miss)
        `facts`, and the person `persons` (keyed by who they are) unless named before. `_plain` and
        `_assign` both read people through this, so that they cannot drift apart."""
        used.update(range(m.first, m.stop))
        used.update(m.cue)
        text = self.text
        spans.append(_span("person", m.start, m.end, text[m.start:m.end]))
        if isinstance(who, str):
            facts.append(("match", "person", m.start, m.end, None, who, "unknown"))
            facts.append(_unknown_doubt(who))
            key: object = ("unknown", fold(who))
            if key not in persons:
                persons[key] = _ref(None, who)
            return
        target = self.index.targets[who]
        facts.append(("match", "person", m.start, m.end, target.id, target.name,
                      "person" if m.exact else "near"))
        if not m.exact:
            facts.append(("doubt", "weak_name" if m.weak else "near_name",
                          f"read '{text[m.start:m.end]}' as person '{target.name}'"))
        key = ("known", target.id)
        if key not in persons:
            persons[key] = _ref(target.id, target.name)

    def _near_doubt(self, m: _Mention, slot: str, name: str) -> Fact:
        """The doubt about mention `m`, read as `slot` `name` though it is no exact name of it."""
        code = "prefix_name" if m.prefix else "weak_name" if m.weak else "near_name"
        return ("doubt", code, f"read '{self.text[m.start:m.end]}' as {slot} '{name}'")

    def _tags(self, tag_words: list[int], used: set[int], spans: list[Span]) -> tuple[str, ...]:
        """The tags of the words `tag_words` ("#urgent" -> "urgent"): each word is added to `used` and its
        span (the "#" and the tag) to `spans`."""
        tags = []
        for k in tag_words:
            word = self.words[k]
            tag = word.text[1:].rstrip(EDGE_PUNCT)
            tags.append(tag)
            used.add(k)
            end = word.start + 1 + len(tag)
            spans.append(_span("tag", word.start, end, self.text[word.start:end]))
        return tuple(tags)

    def _single(self, m: _Mention) -> NameMatch | None:
        """What `_assign` makes of one uncued exact name with one reading, as a project or a service (the
        commonest case by far), without its machinery for competing readings; None for any other mention.
        """
        if m.unknown is not None or m.cue_kind is not None or not m.exact or (
                m.first and self.cue_tok[m.first - 1] in self.table.articles):
            return None  # an article before the name: `_assign` weighs it
        recipe = _recipe(self.index, m.key)
        if recipe is None:
            return None
        return _single_name(self.text, recipe, m.start, m.end, frozenset((*range(m.first, m.stop), *m.cue)))

    def _after_article(self, m: _Mention) -> bool:
        """Does an indefinite article stand right before mention `m` ("an intern", "een webshop")?"""
        k = m.first - 1
        return k >= 0 and not m.cue and self.adjacent[m.first] and self.cue_tok[k] in self.table.articles

    def _how(self, m: _Mention, number: int, via: int | None) -> str:
        """How mention `m` matched target `number` (see `nlentry.reading.HOW`)."""
        if via is not None:
            return "client"
        if not m.exact:
            return "prefix" if m.prefix else "near"
        return "name" if m.key == self.index.name_keys[number] else "alias"

    def _assign(self, mentions: list[_Mention], tag_words: list[int]) -> NameMatch:
        """Give each mention its field, settle competing readings, collect persons and tags."""
        index = self.index
        targets = index.targets
        used: set[int] = set()
        spans: list[Span] = []
        facts: list[Fact] = []
        doubt = facts.append
        alternatives: dict[str, list[Alternative]] = {}

        text = self.text

        def surface(m: _Mention) -> str:
            return text[m.start:m.end]

        def use(m: _Mention, span_field: str, number: int | None, how: str) -> None:
            used.update(range(m.first, m.stop))
            used.update(m.cue)
            spans.append(_span(span_field, m.start, m.end, text[m.start:m.end]))
            if number is None:
                facts.append(("match", span_field, m.start, m.end, None, m.unknown, how))
            else:
                facts.append(("match", span_field, m.start, m.end, targets[number].id, targets[number].name,
                              how))

        def alternative(number: int, score: float) -> Alternative:
            t = targets[number]
            return Alternative(t.id, t.name, score)

        # Which field each mention fills: persons and cued mentions are decided; single readings next;
        # a name with several readings takes the first free field (project, service, person).
        cross: list[tuple[_Mention, list[str]]] = []
        claimed: set[str] = set()
        undecided: list[tuple[_Mention, list[str]]] = []
        for m in mentions:
            if m.unknown is not None:
                m.slot = "person"
                continue
            m.readings = index.readings(m.targets)
            if m.cue_kind == "person":
                m.slot = "person"
                continue
            if m.cue_kind == "project":
                options = [f for f in _CUED_PROJECT_ORDER if f in m.readings]
                if options:
                    m.slot = options[0]
                    claimed.add(m.slot)
                    continue
                m.cue, m.cue_kind = (), None
            options = [f for f in _FIELD_ORDER if f in m.readings]
            if len(options) == 1:
                m.slot = options[0]
                claimed.add(m.slot)
            else:
                undecided.append((m, options))
        for m, options in undecided:
            free = [f for f in options if f == "person" or f not in claimed]
            m.slot = free[0] if free else options[0]
            claimed.add(m.slot)
            others = [f for f in free if f != m.slot]
            if others:
                cross.append((m, others))
        by_slot: dict[str, list[_Mention]] = {}
        for m in mentions:
            by_slot.setdefault(m.slot, []).append(m)

        def resolve(slot: str) -> tuple[_Candidate | None, list[_Candidate]]:
            """The best candidate of a field and the others. A candidate every mention agrees on wins
            outright ("Tangerine en tango"); otherwise score, then match length, then catalog order."""
            group = by_slot.get(slot)
            if not group:
                return None, []
            if len(group) == 1 and len(group[0].readings[slot]) == 1:
                m = group[0]
                number, via = m.readings[slot][0]
                return _Candidate(self._score(m, number, via), m.length, number, m, via), []
            best: dict[int, _Candidate] = {}
            support: dict[int, int] = {}
            count = len(group)
            for m in group:
                for number in {number for number, _ in m.readings.get(slot, ())}:
                    support[number] = support.get(number, 0) + 1
                for number, via in m.readings.get(slot, ()):
                    c = _Candidate(self._score(m, number, via), m.length, number, m, via)
                    old = best.get(number)
                    if old is None or (c.score, c.length) > (old.score, old.length):
                        best[number] = c
            if not best:
                return None, []
            ranked = sorted(best.values(), key=lambda c: (-support[c.number], -c.score, -c.length, c.number))
            winner = ranked[0]
            if support[winner.number] == count:
                return winner, [c for c in ranked[1:] if support[c.number] == count]
            return winner, ranked[1:]

        def settle(slot: str, winner: _Candidate, losers: list[_Candidate]) -> None:
            for m in by_slot[slot]:
                for number, via in m.readings[slot]:
                    if number == winner.number:
                        use(m, "client" if via is not None else slot, number, self._how(m, number, via))
                        break
            name = targets[winner.number].name
            if self._after_article(winner.mention):
                phrase = text[self.words[winner.mention.first - 1].start:winner.mention.end]
                doubt(("doubt", "article_before_name",
                       f"'{phrase}' may be a plain noun, not {slot} '{name}'"))
            if not winner.mention.exact:
                doubt(self._near_doubt(winner.mention, slot, name))
            if not targets[winner.number].active:
                doubt(("doubt", "inactive", f"project '{name}' is inactive"))
            if losers:
                alternatives[_ALT_KEY[slot]] = [alternative(c.number, c.score) for c in losers]
                tied = winner.score - losers[0].score < TIE
                others = ", ".join(f"'{targets[c.number].name}'" for c in losers)
                doubt(("doubt", "ambiguous" if tied else "preferred",
                       f"{slot} '{name}' chosen; could also be {others}"))

        project: Ref | None = None
        service: Ref | None = None
        client: Ref | None = None
        winner, losers = resolve("project")
        client_number: int | None = None
        if winner is not None:
            settle("project", winner, losers)
            target = targets[winner.number]
            project = _ref(target.id, target.name)
            client_number = winner.via
            if client_number is None and target.client_id is not None:
                client_number = index.client_number.get(target.client_id)
        won_service, lost_services = resolve("service")
        if won_service is not None:
            settle("service", won_service, lost_services)
            target = targets[won_service.number]
            service = _ref(target.id, target.name)
        if client_number is None:
            won_client, lost_clients = resolve("client")
            if won_client is not None:
                settle("client", won_client, lost_clients)
                client_number = won_client.number
                choices = index.client_projects.get(client_number, ())
                if project is None and len(choices) > 1 and "project" not in alternatives:
                    alternatives["project"] = [alternative(p, CLIENT_PROJECT_SCORE) for p in choices]
        else:
            for m in by_slot.get("client", ()):
                if any(number == client_number for number, _ in m.readings["client"]):
                    use(m, "client", client_number, self._how(m, client_number, None))
                else:
                    owner = project.name if project is not None else ""
                    doubt(("doubt", "not_the_client",
                           f"'{surface(m)}' is not the client of project '{owner}'"))
        if client_number is not None:
            target = targets[client_number]
            client = _ref(target.id, target.name)

        persons: dict[object, Ref] = {}
        for m in by_slot.get("person", ()):
            if m.unknown is not None:
                self._person(m, m.unknown, used, spans, facts, persons)
                continue
            numbers = sorted({number for number, _ in m.readings["person"]})
            self._person(m, numbers[0], used, spans, facts, persons)
            if len(numbers) > 1:
                score = self._score(m, numbers[0], None)
                alternatives.setdefault("persons", []).extend(alternative(n, score) for n in numbers[1:])
                names = ", ".join(f"'{targets[n].name}'" for n in numbers[1:])
                doubt(("doubt", "ambiguous",
                       f"person '{targets[numbers[0]].name}' chosen; could also be {names}"))

        chosen_numbers = {"project": None if winner is None else winner.number,
                          "service": None if won_service is None else won_service.number}
        for m, free_slots in cross:
            if not used.intersection(range(m.first, m.stop)):
                continue
            for slot in free_slots:
                extra = [alternative(number, self._score(m, number, via)) for number, via in m.readings[slot]
                         if number != chosen_numbers.get(slot)]
                if extra:
                    alternatives.setdefault(_ALT_KEY[slot], []).extend(extra)
                    doubt(("doubt", "cross_field",
                           f"'{surface(m)}' read as {m.slot}; could also be a {slot}"))

        tags = self._tags(tag_words, used, spans)
        if len(spans) > 1:
            spans.sort(key=_span_order)
        for field, found in alternatives.items():
            if found:
                facts.append(("alternatives", field, tuple(found)))
        return _name_match(project, service, client, tuple(persons.values()), tags, tuple(spans),
                           frozenset(used), tuple(facts))
