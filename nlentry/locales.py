"""The locales nlentry knows, discovered from the folders of `grammars/`; no per-language code.

A locale is a folder `grammars/<code>/` holding `<code>.lark` (its constructions and closed word
classes) and `locale.toml` (word tables that carry values, cue words, amend's field words), with the
replies of the command line and the chat bot beside them (`messages.toml`, `server.toml`). Adding
German means adding `grammars/de/` and `corpus/de/`; nothing here changes.

Locale folders outside the installation are found through `NLENTRY_GRAMMARS`: a list of folders
(separated by `os.pathsep`, like PATH) that hold `<code>/` folders, looked at before nlentry's own, so
a locale can be written and tried without touching the installation. The shared grammar files
(`grammars/shared/`) are always nlentry's own. The variable is read once per process.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
import time
import zlib
from functools import cache, partial
from stat import S_ISREG

from nlentry.errors import LocaleError
from nlentry.memo import remember
from nlentry.model import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeVar

    _Value = TypeVar("_Value")

# Paths are strings (os.path), not pathlib's: importing pathlib (with urllib.parse and ipaddress) is a
# tenth of a cold `nlentry parse`.

_LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"i?')


@cache
def grammars_dir() -> str:
    """Where the grammar files are: inside the installed wheel, else at the top of the repository."""
    here = os.path.dirname(__file__)
    packaged = os.path.join(here, "grammars")
    if os.path.isdir(os.path.join(packaged, "shared")):
        return packaged
    repo = os.path.join(os.path.dirname(here), "grammars")
    if os.path.isdir(os.path.join(repo, "shared")):
        return repo
    raise LocaleError("nlentry's grammar files are missing from this installation")


ENV_GRAMMARS = "NLENTRY_GRAMMARS"


@cache
def search_path() -> tuple[str, ...]:
    """The folders that hold locale folders, in the order they are looked at (see the module docstring)."""
    extra = [p for p in os.environ.get(ENV_GRAMMARS, "").split(os.pathsep) if p.strip()]
    return (*extra, grammars_dir())


def folder(code: str) -> str | None:
    """The folder of locale `code`: the first `<code>/` on the search path with a `locale.toml`; else None."""
    for root in search_path():
        own = os.path.join(root, code)
        if os.path.isfile(os.path.join(own, "locale.toml")):
            return own
    return None


class Locale(Record):
    """One language: its code, its grammar text and the value tables of its `locale.toml`."""

    __slots__ = ("code", "name", "grammar", "numbers", "ordinals", "daypart_words", "cues", "words", "glued")
    code: str
    name: str
    grammar: str
    numbers: dict[str, int]
    ordinals: dict[str, int]
    daypart_words: dict[str, tuple[int, str]]
    cues: dict[str, tuple[str, ...]]
    words: dict[str, Any]
    glued: dict[str, tuple[tuple[str, str], ...]]

    def __init__(self, code: str, name: str, grammar: str, numbers: dict[str, int], ordinals: dict[str, int],
                 daypart_words: dict[str, tuple[int, str]], cues: dict[str, tuple[str, ...]],
                 words: dict[str, Any] | None = None,
                 glued: dict[str, tuple[tuple[str, str], ...]] | None = None) -> None:
        self._init(code, name, grammar, numbers, ordinals, daypart_words, cues,
                   {} if words is None else words, {} if glued is None else glued)

    @property
    def literals(self) -> frozenset[str]:
        """Every keyword the grammar spells out (for the fall-through rule and locale detection)."""
        return _literal_set(self.grammar)

    @property
    def vocabulary(self) -> frozenset[str]:
        """Words that mark a phrase as this language (keywords and value words, letters only)."""
        return _vocabulary(self.code)


_COMMENT = re.compile(r"//[^\n]*")


def _literals(grammar: str) -> list[str]:
    seen: dict[str, None] = {}
    for m in _LITERAL.finditer(_COMMENT.sub("", grammar)):
        seen[m.group(1).encode().decode("unicode_escape") if "\\" in m.group(1) else m.group(1)] = None
    return list(seen)


@cache
def _literal_set(grammar: str) -> frozenset[str]:
    return frozenset(_literals(grammar))


@cache
def _vocabulary(code: str) -> frozenset[str]:
    locale = get(code)
    words = (set(locale.literals) | set(locale.numbers) | set(locale.ordinals) | set(locale.daypart_words)
             | set(locale.glued))
    for cue_list in locale.cues.values():
        words.update(c for c in cue_list if " " not in c)
    words -= set(locale.words.get("borrowed", ()))  # accepted, but they do not make a phrase this language
    return frozenset(w for w in words if w.isalpha() and len(w) > 1)


def _compound_numbers(data: dict[str, Any], numbers: dict[str, int]) -> dict[str, int]:
    """Number words 21..59 built from units and tens, as the locale's `[compounds]` table says."""
    spec = data.get("compounds") or {}
    units = {w: v for w, v in numbers.items() if 1 <= v <= 9}
    tens = {w: v for w, v in numbers.items() if v in (20, 30, 40, 50)}
    out: dict[str, int] = {}
    for joiner in spec.get("joiners", []):
        for uw, uv in units.items():
            for tw, tv in tens.items():
                word = uw + joiner + tw if spec.get("order") == "unit_first" else tw + joiner + uw
                out.setdefault(word, tv + uv)
    return out


def _glued_words(data: dict[str, Any]) -> dict[str, tuple[tuple[str, str], ...]]:
    """Words written as one that read as several, from the locale's `[[glued]]` groups.

    Each group joins every head, joiner (optional) and tail: `dinsdag` + `middag` is read as `dinsdag middag`,
    `drie` + `ën` + `half` as `drie en half`. A part given as a list reads as itself; given as a table,
    each written form reads as the word it maps to (`ën` -> `en`). The value: (written piece, read as) pairs.
    """
    out: dict[str, tuple[tuple[str, str], ...]] = {}
    for group in data.get("glued", []):
        parts = []
        for key in ("heads", "joiners", "tails"):
            spec = group.get(key)
            if spec:
                parts.append(list(spec.items()) if isinstance(spec, dict) else [(w, w) for w in spec])
        combos: list[tuple[tuple[str, str], ...]] = [()]
        for part in parts:
            combos = [(*combo, (str(w), str(r))) for combo in combos for w, r in part]
        for combo in combos:
            out.setdefault("".join(w for w, _ in combo), combo)
    return out


@cache
def get(code: str) -> Locale:
    """The locale `code` ("nl", "en", ...); raises `LocaleError` if there is no such folder.

    Kept in the cache under the checksum of the locales' files (`derived`): a new process reads neither
    its grammar files nor its `locale.toml`."""
    if not (isinstance(code, str) and 2 <= len(code) <= 3 and code.isascii() and code.isalpha()
            and code.islower()) or code not in available():
        raise LocaleError(f"unsupported locale {code!r}; available: {', '.join(available())}",
                          "err_locale", code=repr(code), available=", ".join(available()))
    fields = derived(f"locale-{code}", partial(_read_locale, code), __file__, tuple,
                     lambda found: len(found) == len(Locale._fields))
    return Locale(*fields)


def _read_locale(code: str) -> tuple[Any, ...]:
    """The fields of `Locale` `code`, read from its folder."""
    own = folder(code)
    if own is None:  # pragma: no cover - available() lists only folders with a locale.toml
        raise LocaleError(f"unsupported locale {code!r}")
    data = read_toml(os.path.join(own, "locale.toml"))
    grammar = "\n".join(_read_text(p) for p in grammar_files(own))
    numbers = {str(k): int(v) for k, v in data.get("numbers", {}).items()}
    numbers.update({k: v for k, v in _compound_numbers(data, numbers).items() if k not in numbers})
    return Locale(
        code=code,
        name=str(data.get("name", code)),
        grammar=grammar,
        numbers=numbers,
        ordinals={str(k): int(v) for k, v in data.get("ordinals", {}).items()},
        daypart_words={str(k): (int(v[0]), str(v[1])) for k, v in data.get("daypart_words", {}).items()},
        cues={k: tuple(v) for k, v in data.get("cues", {}).items()},
        words=dict(data.get("words", {})),
        glued=_glued_words(data),
    )._values()


def _read_text(path: str) -> str:
    with open(path, encoding="utf-8") as f:
        return f.read()


@cache
def available() -> tuple[str, ...]:
    """The codes of every locale folder on the search path, sorted."""
    return tuple(sorted({name for root in search_path() if os.path.isdir(root) for name in os.listdir(root)
                         if os.path.isfile(os.path.join(root, name, "locale.toml"))}))


_WORD = re.compile(r"[^\W\d_]+")


def detect(text: str, default: str = "nl") -> str:
    """Pick the locale whose keywords occur most in `text`; ties go to `default`.

    Mixed phrases ("2 uur meeting met Acme") go to the language of their time and cue words.
    """
    return detect_chunks(text.split(), default)


def detect_chunks(chunks: list[str], default: str = "nl") -> str:
    """`detect` of the text whose `text.split()` is `chunks` (the parser reads the same chunks)."""
    known = _VOTES
    votes: list[str] = []
    for chunk in chunks:
        found = known.get(chunk)
        if found is None:
            found = _votes(chunk)
        if found:
            votes += found
    if not votes:
        return default
    first = votes[0]
    if votes.count(first) == len(votes):  # the common case: every vote for one locale
        return first
    scores: dict[str, int] = {}
    for code in votes:
        scores[code] = scores.get(code, 0) + 1
    top = max(scores.values())
    return default if scores.get(default) == top else min(c for c, s in scores.items() if s == top)


_VOTES: dict[str, tuple[str, ...]] = {}
"""`_votes` of each chunk met so far (up to `_VOTES_SIZE`, then forgotten at once)."""
_VOTES_SIZE = 8192


def _votes(chunk: str) -> tuple[str, ...]:
    """The locales of the vocabulary words in a run of non-space characters, one vote a word; remembered
    in `_VOTES`.

    Words never span a space, so a text's votes are those of its chunks; and chunks recur from phrase
    to phrase, so each is looked at once.
    """
    owners = _owners()
    found = tuple(code for word in _WORD.findall(chunk.lower()) for code in owners.get(word, ()))
    return remember(_VOTES, chunk, found, _VOTES_SIZE)


@cache
def _owners() -> dict[str, tuple[str, ...]]:
    """Each vocabulary word -> the locales that have it (one lookup a word, however many locales).

    Kept in the cache under a checksum of what it is made from (`derived`), so that a new process
    detects the language without reading every locale (its grammar, its words) first."""
    return derived("owners", _build_owners, __file__, dict)


@cache
def fingerprint() -> str:
    """A checksum of everything `_build_owners` reads: this module, the shared grammar files, and the
    grammar files and `locale.toml` of every locale on the search path (`stamp`); and `marshal`'s form.
    The key of what is cached from every locale (the detection table, `nlentry.unread`'s time words,
    what `derived` keeps); worked out once per process, as the locales are read once."""
    paths = [__file__]
    for code in available():
        own = folder(code)
        if own is not None:  # always: available() lists only folders with a locale.toml
            paths += [*grammar_files(own), os.path.join(own, "locale.toml")]
    return f"{stamp(paths, zlib.crc32(f'{marshal.version}'.encode())):08x}"


def grammar_files(own: str | os.PathLike[str]) -> list[str]:
    """The grammar files of the locale in folder `own`, in the order its grammar joins them: the shared
    ones, then its own. What `get` reads, and what the caches made from a grammar are checked against."""
    return [*lark_files(os.path.join(grammars_dir(), "shared")), *lark_files(own)]


def lark_files(folder: str | os.PathLike[str]) -> list[str]:
    """The paths of the grammar files (`*.lark`) in `folder`, sorted; none when it cannot be read."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return [os.path.join(folder, n) for n in sorted(names) if n.endswith(".lark")]


RECENT_NS = 2_000_000_000
"""A file modified less than this many nanoseconds ago is checksummed by its content too (`stamp`)."""


def stamp(paths: list[str], crc: int = 0) -> int:
    """A checksum of the files at `paths` by what `os.stat` says of them (path, size, modification
    time), as Python checks a module's source against its bytecode cache: no file is read, which is most
    of what a cold start spent on checking its caches. A file modified in the last `RECENT_NS` is read
    as well: a rewrite within the file system's clock tick may keep the modification time and size."""
    now = time.time_ns()
    for path in paths:
        try:
            status = os.stat(path)
        except OSError:
            crc = zlib.crc32(f"{path}\0missing\0".encode(), crc)
            continue
        crc = zlib.crc32(f"{path}\0{status.st_size}\0{status.st_mtime_ns}\0".encode(), crc)
        if now - status.st_mtime_ns < RECENT_NS:  # recent, or in the future
            try:
                with open(path, "rb") as f:
                    crc = zlib.crc32(f.read(), crc)
            except OSError:
                pass
    return crc


def derived(name: str, make: Callable[[], _Value], source: str, kind: type[_Value],
            fits: Callable[[_Value], bool] | None = None) -> _Value:
    """What `make` derives from the locales' files (plain values, a `kind`), kept in the cache under
    their checksum (`fingerprint`) and that of `source`, the file of the code that derives it: a new
    process reads it back instead of reading and searching the grammar again. A value read back that is
    not a `kind`, or that `fits` refuses (one of another layout: a tuple of another length), is made
    and cached again."""
    key = f"{name}-{stamp([source], int(fingerprint(), 16)):08x}.data"
    found = read_cached(key)
    if isinstance(found, kind) and (fits is None or fits(found)):
        return found
    value = make()
    write_cached(key, value)
    return value


def _build_owners() -> dict[str, tuple[str, ...]]:
    owners: dict[str, list[str]] = {}
    for code in available():
        for word in get(code).vocabulary:
            owners.setdefault(word, []).append(code)
    return {w: tuple(c) for w, c in owners.items()}


# --- the cache ------------------------------------------------------------------------------------
# Derived data (a locale's compiled parse tables, its parsed locale.toml) is kept in the user's cache
# directory in `marshal`'s format: plain values that load faster than pickle, with no import.


def cache_dir() -> str:
    """Where nlentry caches derived data: `NLENTRY_CACHE_DIR`, else the user cache directory."""
    override = os.environ.get("NLENTRY_CACHE_DIR")
    if override:
        return override
    if sys.platform == "linux" and "ANDROID_ROOT" not in os.environ:
        # platformdirs' answer on Linux (XDG: an absolute $XDG_CACHE_HOME, else ~/.cache), without importing
        # platformdirs: a few milliseconds of every cold start
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        return os.path.join(xdg if os.path.isabs(xdg) else os.path.expanduser("~/.cache"), "nlentry")
    try:
        from platformdirs import user_cache_dir

        return user_cache_dir("nlentry")
    except ImportError:  # pragma: no cover - platformdirs is a dependency
        import tempfile

        return os.path.join(tempfile.gettempdir(),
                            f"nlentry-{os.getuid() if hasattr(os, 'getuid') else 'user'}")


def read_cached(name: str) -> Any:
    """The value cached as `name`, or None; only a file of our own user that nobody else can write
    is read."""
    path = os.path.join(cache_dir(), name)
    try:
        status = os.stat(path)
        if S_ISREG(status.st_mode) and status.st_uid == os.getuid() and not status.st_mode & 0o022:
            with open(path, "rb") as f:
                data = f.read()  # marshal.load(f) would read the file a few bytes at a time
            return marshal.loads(data)
    except (OSError, EOFError, AttributeError, TypeError, ValueError):
        pass
    return None


def write_cached(name: str, value: Any) -> None:
    """Cache `value` (plain values only) as `name`, in a private directory (mode 0700); best effort."""
    folder = cache_dir()
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        import tempfile  # only when the cache is written: it is not needed to read it

        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-")
        with os.fdopen(fd, "wb") as f:
            marshal.dump(value, f)
        os.replace(tmp, os.path.join(folder, name))
        _prune(folder, name)
    except (OSError, ValueError):
        pass  # no cache this time; the next process does the work again


KEEP_VERSIONS = 3
"""How many versions of one cached thing (`en-<checksum>.tables`, ...) stay in the cache: each change of
the grammar or of nlentry writes a new one; a few are kept so that two installs sharing the cache (two
virtualenvs of different versions) do not rebuild each other's away."""

_VERSIONED = r"(.+)-[0-9a-f]{8}(\.[a-z.]+)"  # compiled by re when a cache is written, not at import


def _prune(folder: str, name: str) -> None:
    """Remove the older versions of the thing just cached as `name`, all but the newest `KEEP_VERSIONS`."""
    mine = re.fullmatch(_VERSIONED, name)
    if mine is None:
        return
    versions = []
    for entry in os.scandir(folder):
        other = re.fullmatch(_VERSIONED, entry.name)
        if other is not None and other.groups() == mine.groups() and entry.is_file(follow_symlinks=False):
            versions.append((entry.stat(follow_symlinks=False).st_mtime_ns, entry.name == name, entry.path))
    versions.sort(reverse=True)
    import contextlib  # only when the cache is written

    for _, _, path in versions[KEEP_VERSIONS:]:
        with contextlib.suppress(OSError):  # another process pruned it first
            os.unlink(path)


def read_toml(path: str | os.PathLike[str]) -> dict[str, Any]:
    """A locale folder's TOML file (`locale.toml`, `messages.toml`): parsed with tomllib once, then
    read from the cache (importing tomllib and parsing is a good part of a cold `nlentry` command)."""
    with open(path, "rb") as f:
        raw = f.read()
    parent, file = os.path.split(os.fspath(path))
    name = f"{os.path.basename(parent)}-{os.path.splitext(file)[0]}-{zlib.crc32(raw):08x}.toml.data"
    data = read_cached(name)
    if isinstance(data, dict):
        return data
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    parsed: dict[str, Any] = tomllib.loads(raw.decode())  # what tomllib.load does with the file
    write_cached(name, parsed)
    return parsed
