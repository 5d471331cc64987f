"""The lookup tables a catalog is matched through, built once per `Catalog` object.

Every name and alias is folded to a *key* (`normalize`: accents dropped, case folded, whitespace collapsed,
edge punctuation stripped; inner punctuation such as in "timi-app" or "Intranet 2.0" kept). Exact lookups
are one dict probe per key. Near misses (one Damerau edit) use a deletion-neighbourhood index (symmetric
delete, as SymSpell does): every key of five letters or more is stored under itself and under each string
that one deleted character gives, so a query costs `len(query) + 1` dict probes whatever the catalog size.
"""

from __future__ import annotations

import gc
import re
import unicodedata
import weakref
from _thread import allocate_lock  # threading.Lock, without importing threading (a cold start)
from collections.abc import Iterable

from nlentry.model import Catalog, Id, Record

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


class Target(Record):
    """One catalog item a key can point at.

    `field` is "project", "client", "service" or "person"; `pos` is the item's place in its catalog list,
    so that ties break in catalog order.
    """

    __slots__ = ("field", "pos", "id", "name", "active", "client_id")
    field: str
    pos: int
    id: Id
    name: str
    active: bool
    client_id: Id | None

    def __init__(self, field: str, pos: int, id: Id, name: str, active: bool = True,  # noqa: A002
                 client_id: Id | None = None) -> None:
        self._init(field, pos, id, name, active, client_id)


class CatalogIndex:
    """Exact and near-miss lookup of catalog names and aliases, plus the client -> sole project map.

    Usage::

        index = CatalogIndex.of(catalog)      # cached per catalog object
        index.exact.get(normalize("Timi-App"))  # target numbers, in catalog order
        index.near("webshp")                   # targets one edit away

    Targets are numbered projects first, then clients, services and people, each in catalog order.
    """

    _cache: dict[int, tuple[weakref.ref[Catalog], CatalogIndex]] = {}
    _lock = allocate_lock()

    def __init__(self, catalog: Catalog) -> None:
        # The build allocates hundreds of thousands of small containers and no cycles; pausing the cyclic
        # garbage collector meanwhile roughly halves the build time of a large catalog.
        paused = gc.isenabled()
        gc.disable()
        try:
            self._build(catalog)
        finally:
            if paused:
                gc.enable()

    def _build(self, catalog: Catalog) -> None:
        self.catalog = catalog
        targets: list[Target] = []
        names: list[tuple[int, Iterable[str]]] = []
        for pos, p in enumerate(catalog.projects):
            names.append((len(targets), (p.name, *p.aliases)))
            targets.append(Target("project", pos, p.id, p.name, p.active, p.client_id))
        for pos, c in enumerate(catalog.clients):
            names.append((len(targets), (c.name, *c.aliases)))
            targets.append(Target("client", pos, c.id, c.name))
        for pos, s in enumerate(catalog.services):
            names.append((len(targets), (s.name, *s.aliases)))
            targets.append(Target("service", pos, s.id, s.name))
        for pos, person in enumerate(catalog.people):
            names.append((len(targets), (person.name, *person.aliases)))
            targets.append(Target("person", pos, person.id, person.name))
        self.targets: tuple[Target, ...] = tuple(targets)

        exact: dict[str, list[int]] = {}
        name_keys = [""] * len(targets)
        for number, spellings in names:
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
        self.exact = exact
        """key -> target numbers (ascending, so in catalog order)."""
        self.name_keys = tuple(name_keys)
        """target number -> the key of its name (an exact match by any other key is by an alias)."""

        variants: dict[str, str | list[str]] = {}
        add = variants.setdefault
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
            if letters(key) < FUZZY_MIN_LETTERS:
                continue
            if " " in key:
                tokens = key.split(" ")
                max_spaced = max(max_spaced, len(tokens))
                first.add(tokens[0])
                last.add(tokens[-1])
            for i in range(len(key) + 1):
                variant = key[:i] + key[i + 1:]
                old = add(variant, key)
                if old is not key:
                    if isinstance(old, str):
                        if old != key:
                            variants[variant] = [old, key]
                    elif old[-1] != key:
                        old.append(key)
        self.variants = variants
        """Deletion neighbourhood: a key, or a key with one character deleted -> the key(s) it came from."""
        self.max_words = max_words
        """The most words a name can span, however finely the leftover text was split into words."""
        self.multi_starts = frozenset(starts)
        """First tokens (`\\w+` or one punctuation mark) of the keys that span more than one word."""
        self.max_spaced_words = max_spaced
        """The most whitespace-separated words of a name that takes part in near-miss matching."""
        self.multi_first = frozenset(first)
        self.multi_last = frozenset(last)
        """First and last words of multi-word fuzzy names: one edit leaves one of them intact."""

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
        self.prefixes = {head: tuple(sorted(ns)) for head, ns in prefixes.items()}
        self.prefix_starts = frozenset(head.split(" ", 1)[0] for head in prefixes)
        """The first words of `prefixes`: a word outside it starts no prefix reading."""
        self.short_keys = tuple(k for k in exact if k.isalpha() and len(k) == FUZZY_MIN_LETTERS - 1)
        """Names of four letters: too short for near misses in general, see `near_short`."""
        """The leading whole words of a multi-word name or alias ("intranet" of "Intranet 2.0") -> the
        targets they start, when they are no name themselves and have five letters or more."""

        client_number = {t.id: n for n, t in enumerate(targets) if t.field == "client"}
        active: dict[int, list[int]] = {}
        for n, t in enumerate(targets):
            if t.field == "project" and t.active and t.client_id in client_number:
                active.setdefault(client_number[t.client_id], []).append(n)
        self.client_number = client_number
        """client id -> its target number."""
        self.client_projects = {c: tuple(ps) for c, ps in active.items()}
        """client target number -> the target numbers of its active projects."""
        self._near: dict[str, tuple[int, ...]] = {}
        self._readings: dict[tuple[int, ...], dict[str, tuple[tuple[int, int | None], ...]]] = {}

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
        key = id(catalog)
        entry = cls._cache.get(key)
        if entry is not None and entry[0]() is catalog:
            return entry[1]
        index = cls(catalog)

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
            found = tuple(self._find_near(key))
            if len(self._near) >= MEMO_SIZE:
                self._near.clear()
            self._near[key] = found
        return found

    def near_short(self, key: str) -> tuple[int, ...]:
        """Clients and projects of a four-letter name one edit from `key` ("acmee" -> "Acme"): asked only
        where a name is expected anyway (after "met"/"with"), since in general text "time" is not "Timi"."""
        if not key.isalpha() or abs(len(key) - (FUZZY_MIN_LETTERS - 1)) > 1:
            return ()
        targets = self.targets
        return tuple(sorted({n for short in self.short_keys if one_edit(key, short) for n in self.exact[short]
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
            found = {f: tuple(rs) for f, rs in out.items()}
            if len(self._readings) >= MEMO_SIZE:
                self._readings.clear()
            self._readings[targets] = found
        return found

    def _find_near(self, key: str) -> list[int]:
        if letters(key) < FUZZY_MIN_LETTERS:
            return []
        found: set[str] = set()
        variants = self.variants
        for i in range(len(key) + 1):
            hit = variants.get(key[:i] + key[i + 1:])
            if hit is None:
                continue
            for candidate in (hit,) if isinstance(hit, str) else hit:
                if candidate not in found and one_edit(key, candidate):
                    found.add(candidate)
        if not found:
            return []
        return sorted({n for candidate in found for n in self.exact[candidate]})
