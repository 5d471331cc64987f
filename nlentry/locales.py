"""The locales nlentry knows, discovered from the folders of `grammars/`; no per-language code.

A locale is a folder `grammars/<code>/` holding `<code>.lark` (its constructions and closed word
classes) and `locale.toml` (word tables that carry values, cue words, reply words). Adding German
means adding `grammars/de/` and `corpus/de/`; nothing here changes.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from nlentry.errors import LocaleError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

_LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"i?')


@cache
def grammars_dir() -> Path:
    """Where the grammar files are: inside the installed wheel, else at the top of the repository."""
    packaged = Path(__file__).parent / "grammars"
    if (packaged / "shared").is_dir():
        return packaged
    repo = Path(__file__).parent.parent / "grammars"
    if (repo / "shared").is_dir():
        return repo
    raise LocaleError("nlentry's grammar files are missing from this installation")


@dataclass(frozen=True)
class Locale:
    """One language: its code, its grammar text and the value tables of its `locale.toml`."""

    code: str
    name: str
    grammar: str
    numbers: dict[str, int]
    ordinals: dict[str, int]
    daypart_words: dict[str, tuple[int, str]]
    cues: dict[str, tuple[str, ...]]
    words: dict[str, Any] = field(default_factory=dict)

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
    words = set(locale.literals) | set(locale.numbers) | set(locale.ordinals) | set(locale.daypart_words)
    for cue_list in locale.cues.values():
        words.update(c for c in cue_list if " " not in c)
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


@cache
def get(code: str) -> Locale:
    """The locale `code` ("nl", "en", ...); raises `LocaleError` if there is no such folder."""
    if not isinstance(code, str) or not re.fullmatch(r"[a-z]{2,3}", code) or code not in available():
        raise LocaleError(f"unsupported locale {code!r}; available: {', '.join(available())}")
    folder = grammars_dir() / code
    with open(folder / "locale.toml", "rb") as f:
        data = tomllib.load(f)
    shared = grammars_dir() / "shared"
    grammar = "\n".join(
        p.read_text(encoding="utf-8")
        for p in [*sorted(shared.glob("*.lark")), *sorted(folder.glob("*.lark"))]
    )
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
    )


@cache
def available() -> tuple[str, ...]:
    """The codes of every locale folder, sorted."""
    root = grammars_dir()
    return tuple(sorted(p.name for p in root.iterdir() if (p / "locale.toml").is_file()))


_WORD = re.compile(r"[^\W\d_]+")


def detect(text: str, default: str = "nl") -> str:
    """Pick the locale whose keywords occur most in `text`; ties go to `default`.

    Mixed phrases ("2 uur meeting met Acme") go to the language of their time and cue words.
    """
    owners = _owners()
    scores: dict[str, int] = {}
    for word in _WORD.findall(text.lower()):
        for code in owners.get(word, ()):
            scores[code] = scores.get(code, 0) + 1
    if not scores:
        return default
    top = max(scores.values())
    return default if scores.get(default) == top else min(c for c, s in scores.items() if s == top)


@cache
def _owners() -> dict[str, tuple[str, ...]]:
    """Each vocabulary word -> the locales that have it (one lookup a word, however many locales)."""
    owners: dict[str, list[str]] = {}
    for code in available():
        for word in get(code).vocabulary:
            owners.setdefault(word, []).append(code)
    return {w: tuple(c) for w, c in owners.items()}
