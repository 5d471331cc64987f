"""The lookup tables a catalog is matched through, built once per `Catalog` object.

Every name and alias is folded to a *key* (`normalize`: accents dropped, case folded, whitespace collapsed,
edge punctuation stripped; inner punctuation such as in "timi-app" or "Intranet 2.0" kept). Exact lookups
are one dict probe per key. Near misses (one Damerau edit) use a deletion-neighbourhood index (symmetric
delete, as SymSpell does, on the first `NEAR_HEAD` characters): every key of five letters or more is stored
under the crc32 of its head and of each string that one deleted character of the head gives, in one sorted
array, so a query costs at most `NEAR_HEAD + 1` binary searches whatever the catalog size, and each candidate
is checked by `one_edit`.
"""

from __future__ import annotations

import gc
import re
import unicodedata
import weakref
from _thread import allocate_lock  # threading.Lock, without importing threading (a cold start)
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from zlib import crc32

from nlentry import memo
from nlentry.model import Catalog, Client, Id, Person, Service

TYPE_CHECKING = False
if not TYPE_CHECKING:
    from nlentry._typing import NamedTuple
else:
    from typing import Any, NamedTuple

EDGE_PUNCT = ".,;:!?\"'()[]{}\u2018\u2019\u201c\u201d\u00ab\u00bb"
"""Punctuation stripped from both ends of a key: it belongs to the sentence, not to the name."""

FUZZY_MIN_LETTERS = 5
"""Only queries and names with at least this many letters take part in near-miss matching."""

MEMO_SIZE = 65536
"""How many answers `near_targets` and `readings` remember per index before starting over."""

_FINE_TOKEN = re.compile(r"\w+|[^\w\s]")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Accent- and case-fold `text` (NFKD, combining marks dropped, casefold); whitespace is left alone."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def first_token(word: str) -> str:
    """The first `\\w+` token (or punctuation mark) of a folded word, to test against `multi_starts`."""
    if word.isalnum():
        return word
    found = _FINE_TOKEN.match(word)
    return found.group() if found else word


def normalize(text: str) -> str:
    """The key a name is looked up by: folded, whitespace collapsed, edge punctuation stripped."""
    if text.isalnum() and text.isascii():  # one plain word, as most names and aliases are
        return text.lower()
    return _SPACES.sub(" ", fold(text)).strip().strip(EDGE_PUNCT).strip()


def letters(key: str) -> int:
    """How many letters `key` has (digits, spaces and punctuation do not count)."""
    if key.isalpha():
        return len(key)
    return sum(map(str.isalpha, key))


def one_edit(a: str, b: str) -> bool:
    """True when `a` and `b` differ by exactly one insertion, deletion, substitution or transposition."""
    la, lb = len(a), len(b)
    if a == b or abs(la - lb) > 1:
        return False
    i = 0
    shortest = min(la, lb)
    while i < shortest and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1:] == b[i + 1:]:
            return True
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]
    if la > lb:
        return a[i + 1:] == b[i:]
    return a[i:] == b[i + 1:]


class Target(NamedTuple):
    """One catalog item a key can point at.

    `field` is "project", "client", "service" or "person"; `pos` is the item's place in its catalog list,
    so that ties break in catalog order. A named tuple: an index restored from its cache file makes one
    per catalog item, and these are the cheapest to make.
    """

    field: str
    pos: int
    id: Id
    name: str
    active: bool = True
    client_id: Id | None = None


_new_target = tuple.__new__  # `Target(...)` without the call to its generated __new__


class CatalogIndex:
    """Exact and near-miss lookup of catalog names and aliases, plus the client -> sole project map.

    Usage::

        index = CatalogIndex.of(catalog)      # cached per catalog object
        index.exact.get(normalize("Timi-App"))  # target numbers, in catalog order
        index.near("webshp")                   # targets one edit away

    Targets are numbered projects first, then clients, services and people, each in catalog order.
    What the index learns from the spellings (`tables`) is plain data (strings, ints, tuples, one
    array of floats), so that `nlentry.catalog.cache` can store it with marshal and read it back in a few
    milliseconds; the targets and client maps are made from the catalog itself (`_link`).
    """

    _cache: dict[int, tuple[weakref.ref[Catalog], CatalogIndex]] = {}
    _lock = allocate_lock()

    def __init__(self, catalog: Catalog, tables: tuple[Any, ...] | None = None) -> None:
        """Build the index of `catalog`, or restore it from `tables` (what `tables()` gave for it)."""
        # The build allocates hundreds of thousands of small objects and no cycles; pausing the cyclic
        # garbage collector meanwhile roughly halves the build time of a large catalog.
        paused = gc.isenabled()
        gc.disable()
        try:
            targets = self._link(catalog)
            self._restore(tables if tables is not None else _spelling_tables(catalog, len(targets)))
        finally:
            if paused:
                gc.enable()

    def _link(self, catalog: Catalog) -> list[Target]:
        """Set the targets and the client maps, which come from the catalog's ids, not its spellings. (The
        index keeps no reference to the catalog: `of` forgets it when the catalog goes.)"""
        targets = [_new_target(Target, ("project", pos, p.id, p.name, p.active, p.client_id))
                   for pos, p in enumerate(catalog.projects)]
        sections: tuple[tuple[str, tuple[Client | Service | Person, ...]], ...] = (
            ("client", catalog.clients), ("service", catalog.services), ("person", catalog.people))
        for field, items in sections:
            targets.extend([_new_target(Target, (field, pos, item.id, item.name, True, None))
                            for pos, item in enumerate(items)])
        self.targets: tuple[Target, ...] = tuple(targets)

        first_client = len(catalog.projects)
        client_number = {c.id: n for n, c in enumerate(catalog.clients, first_client)}
        active: dict[int, list[int]] = {}
        for n, p in enumerate(catalog.projects):
            if p.active and p.client_id in client_number:
                active.setdefault(client_number[p.client_id], []).append(n)
        self.client_number = client_number
        """client id -> its target number."""
        self.client_projects = {c: tuple(ps) for c, ps in active.items()}
        """client target number -> the target numbers of its active projects."""
        self._near: dict[str, tuple[int, ...]] = {}
        self._short_variants: dict[bytes, list[str]] | None = None
        """For `near_short`: each string a short key gives with or without one letter -> those keys."""
        self.single_readings: dict[str, Any] = {}
        """For `nlentry.catalog.match`: how a key alone reads, worked out on first use."""
        self.word_memos: dict[int, Any] = {}
        """For `nlentry.catalog.match`: what it learnt of each word it met, per set of cues."""
        self._readings: dict[tuple[int, ...], dict[str, tuple[tuple[int, int | None], ...]]] = {}
        return targets

    def _restore(self, tables: tuple[Any, ...]) -> None:
        (keys, numbers, name_keys, head_start, head_members, near_bits, near_table, max_words, multi_starts,
         max_spaced, multi_first, multi_last, prefixes, short_keys) = tables
        # the arrays' bytes live in the arrays only
        self._tables = tables[:3] + (None, None) + tables[5:6] + (None,) + tables[7:]
        self.keys: tuple[str, ...] = keys
        """Every key, in the order first met: the near-miss table names a key by its place here."""
        self.exact: dict[str, tuple[int, ...]] = dict(zip(keys, numbers, strict=True))
        """key -> target numbers (ascending, so in catalog order)."""
        self.name_keys: tuple[str, ...] = name_keys
        """target number -> the key of its name (an exact match by any other key is by an alias)."""
        self.head_start = array("i")
        self.head_start.frombytes(head_start)
        self.head_members = array("i")
        self.head_members.frombytes(head_members)
        """The numbers of the keys with head number h are head_members[head_start[h]:head_start[h + 1]]."""
        self._near_bits: int = near_bits
        self.near_table = array("d")
        self.near_table.frombytes(near_table)
        """The deletion neighbourhood of the heads, sorted: one float per (variant, head number)."""
        self.max_words: int = max_words
        """The most words a name can span, however finely the leftover text was split into words."""
        self.multi_starts: frozenset[str] = multi_starts
        """First tokens (`\\w+` or one punctuation mark) of the keys that span more than one word."""
        self.max_spaced_words: int = max_spaced
        """The most whitespace-separated words of a name that takes part in near-miss matching."""
        self.multi_first: frozenset[str] = multi_first
        self.multi_last: frozenset[str] = multi_last
        """First and last words of multi-word fuzzy names: one edit leaves one of them intact."""
        self.prefixes: dict[str, tuple[int, ...]] = prefixes
        """The leading whole words of a multi-word name or alias ("intranet" of "Intranet 2.0") -> the
        targets they start, when they are no name themselves and have five letters or more."""
        self.prefix_starts = frozenset(head.split(" ", 1)[0] for head in prefixes)
        """The first words of `prefixes`: a word outside it starts no prefix reading."""
        self.short_keys: tuple[str, ...] = short_keys
        """Names of four letters: too short for near misses in general, see `near_short`."""

    def tables(self) -> tuple[Any, ...]:
        """What the index learnt from the catalog's spellings, as plain data for `marshal`: passed back
        to `CatalogIndex(catalog, tables)` it restores this index without folding a name again."""
        tables = self._tables
        return (tables[:3] + (self.head_start.tobytes(), self.head_members.tobytes()) + tables[5:6]
                + (self.near_table.tobytes(),) + tables[7:])

    def first_token(self, word: str) -> str:
        """The first `\\w+` token (or punctuation mark) of a folded word, to test against `multi_starts`."""
        return first_token(word)

    def may_name(self, key: str, first: str) -> bool:
        """Could a word be (part of) a name: `key` is the folded word without edge punctuation, `first`
        its first token. False means no name, exact or one edit away, starts or ends with the word."""
        return (key in self.exact or first in self.multi_starts or key in self.multi_first
                or key in self.multi_last or bool(self.near_targets(key)))

    @classmethod
    def of(cls, catalog: Catalog) -> CatalogIndex:
        """The index of `catalog`, built on first use and cached for as long as the catalog object lives."""
        entry = cls._cache.get(id(catalog))
        if entry is not None and entry[0]() is catalog:
            return entry[1]
        return cls.remember(catalog, cls(catalog))

    @classmethod
    def remember(cls, catalog: Catalog, index: CatalogIndex) -> CatalogIndex:
        """Make `index` what `of(catalog)` returns for as long as the catalog object lives; returns it."""
        key = id(catalog)

        def forget(_: weakref.ref[Catalog], key: int = key) -> None:
            with cls._lock:
                current = cls._cache.get(key)
                if current is not None and current[0]() is None:
                    del cls._cache[key]

        with cls._lock:
            cls._cache[key] = (weakref.ref(catalog, forget), index)
        return index

    def sole_project(self, client: int) -> int | None:
        """The target number of the client's only active project, or None when it has none or several."""
        projects = self.client_projects.get(client, ())
        return projects[0] if len(projects) == 1 else None

    def near(self, key: str) -> list[int]:
        """Targets whose name or alias is exactly one edit from `key` (both of five letters or more)."""
        return list(self.near_targets(key))

    def near_targets(self, key: str) -> tuple[int, ...]:
        """`near(key)` as a tuple, remembered per key (up to `MEMO_SIZE` keys, then forgotten at once)."""
        found = self._near.get(key)
        if found is None:
            found = memo.remember(self._near, key, tuple(self._find_near(key)), MEMO_SIZE)
        return found

    def near_short(self, key: str) -> tuple[int, ...]:
        """Clients and projects of a four-letter name one edit from `key` ("acmee" -> "Acme"): asked only
        where a name is expected anyway (after "met"/"with"), since in general text "time" is not "Timi".

        The candidates are the short names that share a string with `key` when each loses at most one
        letter (as in `_find_near`): a few dict probes, not a pass over every short name of the catalog."""
        if not key.isalpha() or abs(len(key) - (FUZZY_MIN_LETTERS - 1)) > 1:
            return ()
        by_variant = self._short_variants
        if by_variant is None:  # worked out on first use: most catalogs are never asked
            by_variant = {}
            for short in self.short_keys:
                for variant in _deletions(short):
                    by_variant.setdefault(variant, []).append(short)
            self._short_variants = by_variant
        candidates = {short for variant in _deletions(key) for short in by_variant.get(variant, ())}
        targets = self.targets
        return tuple(sorted({n for short in candidates if one_edit(key, short) for n in self.exact[short]
                             if targets[n].field in ("client", "project")}))

    def readings(self, targets: tuple[int, ...]) -> dict[str, tuple[tuple[int, int | None], ...]]:
        """How the name of `targets` can be read: field -> (target number, client it came through).

        A client with exactly one active project reads as that project (through the client); when some
        of the projects read are active, the inactive ones are dropped. Remembered per `targets` (up to
        `MEMO_SIZE`); the caller must not change the answer.
        """
        found = self._readings.get(targets)
        if found is None:
            out: dict[str, list[tuple[int, int | None]]] = {}
            all_targets = self.targets
            for t in targets:
                target = all_targets[t]
                if target.field == "client":
                    sole = self.sole_project(t)
                    if sole is not None:
                        out.setdefault("project", []).append((sole, t))
                        continue
                out.setdefault(target.field, []).append((t, None))
            projects = out.get("project")
            if projects and any(all_targets[t].active for t, _ in projects):
                out["project"] = [(t, via) for t, via in projects if all_targets[t].active]
            found = memo.remember(self._readings, targets, {f: tuple(rs) for f, rs in out.items()}, MEMO_SIZE)
        return found

    def near_people(self, key: str) -> tuple[int, ...]:
        """People of a name of five letters from which the four-letter `key` lost one ("femk" -> "Femke"):
        asked only where a person is expected (after "met"/"with"), where an unknown four-letter word is
        as likely a dropped letter as a new name (conventions: a near miss of a name of five letters).

        The name must begin as `key` does: "anne" is no "Sanne", but another name of its own.
        """
        if not key.isalpha() or len(key) != FUZZY_MIN_LETTERS - 1:
            return ()
        targets = self.targets
        return tuple(sorted({n for name in self._near_keys(key) if name[0] == key[0] for n in self.exact[name]
                             if targets[n].field == "person"}))

    def _find_near(self, key: str) -> list[int]:
        if letters(key) < FUZZY_MIN_LETTERS:
            return []
        found = self._near_keys(key)
        if not found:
            return []
        return sorted({n for candidate in found for n in self.exact[candidate]})

    def _near_keys(self, key: str) -> set[str]:
        """The names and aliases in the table (those of five letters or more) one edit from `key`."""
        table = self.near_table
        size = len(table)
        keys = self.keys
        drop, scale = _hash_layout(self._near_bits)
        head_start = self.head_start
        head_members = self.head_members
        seen: set[int] = set()
        found: set[str] = set()
        shortest, longest = len(key) - 1, len(key) + 1
        for variant in _deletions(key[:NEAR_HEAD]):
            low = (crc32(variant) >> drop) * scale
            high = low + scale
            i = bisect_left(table, low)
            while i < size and table[i] < high:
                head = int(table[i] - low)
                i += 1
                if head not in seen:
                    seen.add(head)
                    for number in head_members[head_start[head]:head_start[head + 1]]:
                        candidate = keys[number]
                        if shortest <= len(candidate) <= longest and one_edit(key, candidate):
                            found.add(candidate)
        return found


NEAR_HEAD = 6
"""Near misses are found through deletions within a key's first `NEAR_HEAD` characters (its *head*): two
keys one edit apart always share such a deletion (or their heads are equal); each candidate is checked in
full by `one_edit`."""


def _deletions(head: str) -> list[bytes]:
    """`head` and each string one deleted character of it gives, as UTF-8 (for `crc32`): two strings one
    edit apart share one."""
    if head.isascii():
        raw = head.encode()
        return [raw[:i] + raw[i + 1:] for i in range(len(raw) + 1)]
    return [(head[:i] + head[i + 1:]).encode() for i in range(len(head) + 1)]


def _hash_layout(bits: int) -> tuple[int, float]:
    """How a (variant, head number) pair becomes one float of the near-miss table: the variant's crc32 less
    its low `drop` bits, times `scale`, plus the head number (below 2**bits); exact in a double's 53 bits."""
    return max(0, 32 - (53 - bits)), float(1 << bits)


def _near_table(keys: Sequence[str]) -> tuple[bytes, bytes, int, bytes]:
    """The deletion neighbourhood of the heads of the keys of five letters or more: the key numbers of each
    head (two arrays of ints: where each head's numbers start, and the numbers), and a sorted array of
    floats, one a (variant, head number) (see `_hash_layout`), where a dict of strings would cost ten times
    the memory and could not be stored and read back quickly."""
    heads: dict[str, list[int]] = {}
    for number, key in enumerate(keys):
        if (len(key) if key.isalpha() else letters(key)) >= FUZZY_MIN_LETTERS:
            found = heads.get(key[:NEAR_HEAD])
            if found is None:
                heads[key[:NEAR_HEAD]] = [number]
            else:
                found.append(number)
    bits = max(1, (len(heads) - 1).bit_length())
    drop, scale = _hash_layout(bits)
    entries: list[float] = []
    extend = entries.extend
    for number, head in enumerate(heads):
        if drop:
            extend([(crc32(variant) >> drop) * scale + number for variant in _deletions(head)])
        elif head.isascii():
            raw = head.encode()
            extend([crc32(raw[:i] + raw[i + 1:]) * scale + number for i in range(len(raw) + 1)])
        else:
            extend([crc32(variant) * scale + number for variant in _deletions(head)])
    entries.sort()
    members = [number for numbers in heads.values() for number in numbers]
    start = [0]
    for numbers in heads.values():
        start.append(start[-1] + len(numbers))
    return array("i", start).tobytes(), array("i", members).tobytes(), bits, array("d", entries).tobytes()


def _spelling_tables(catalog: Catalog, count: int) -> tuple[Any, ...]:
    """What `CatalogIndex` learns from the names and aliases of `catalog` (which has `count` targets), as
    plain data: see `CatalogIndex._restore` for the fields."""
    names: list[Iterable[str]] = [(item.name, *item.aliases) for section in (
        catalog.projects, catalog.clients, catalog.services, catalog.people) for item in section]
    exact: dict[str, list[int]] = {}
    name_keys = [""] * count
    for number, spellings in enumerate(names):
        for k, spelling in enumerate(spellings):
            key = normalize(spelling)
            if not k:
                name_keys[number] = key
            if not key:
                continue
            hits = exact.get(key)
            if hits is None:
                exact[key] = [number]
            elif hits[-1] != number:
                hits.append(number)

    max_words = 1
    max_spaced = 1
    starts: set[str] = set()
    first: set[str] = set()
    last: set[str] = set()
    for key in exact:
        if not key.isalnum():
            fine = _FINE_TOKEN.findall(key)
            if len(fine) > 1:
                max_words = max(max_words, len(fine))
                starts.add(fine[0])
        if " " in key and letters(key) >= FUZZY_MIN_LETTERS:
            tokens = key.split(" ")
            max_spaced = max(max_spaced, len(tokens))
            first.add(tokens[0])
            last.add(tokens[-1])
    keys = tuple(exact)
    head_start, head_members, near_bits, near_table = _near_table(keys)

    prefixes: dict[str, list[int]] = {}
    for key, numbers in exact.items():
        if " " not in key:
            continue
        tokens = key.split(" ")
        for k in range(1, len(tokens)):
            head = " ".join(tokens[:k])
            if letters(head) >= FUZZY_MIN_LETTERS and head not in exact:
                found = prefixes.setdefault(head, [])
                found.extend(n for n in numbers if n not in found)
    short_keys = tuple(k for k in exact if k.isalpha() and len(k) == FUZZY_MIN_LETTERS - 1)
    alone = [(n,) for n in range(count)]  # one tuple per target for the many keys of one target: shared
    targets_of = tuple(alone[ns[0]] if len(ns) == 1 else tuple(ns) for ns in exact.values())
    return (keys, targets_of, tuple(name_keys), head_start, head_members, near_bits, near_table, max_words,
            frozenset(starts), max_spaced, frozenset(first), frozenset(last),
            {head: tuple(sorted(ns)) for head, ns in prefixes.items()}, short_keys)
