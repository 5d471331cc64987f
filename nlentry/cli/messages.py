"""What the command line says, in the user's language: `grammars/<code>/messages.toml`.

    say = messages_for("nl")
    say("saved", provider="local")      # 'opgeslagen in local'

The language is the phrase's when there is one, else `language` in config.toml, else the one `LANG`
names when nlentry knows it, else English. A locale without a messages file, or with keys missing,
falls back to the English text, so a new locale works before it is translated.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from nlentry.locales import folder, read_toml

__all__ = ["Messages", "language", "messages_for"]

FALLBACK = "en"


class Messages:
    """The texts of one language; call it with a key and the values of its placeholders."""

    def __init__(self, code: str, texts: Mapping[str, str]) -> None:
        self.code = code
        self._texts = dict(texts)

    def __call__(self, name: str, /, **values: Any) -> str:
        text = self._texts.get(name, name)
        return text.format(**values) if values else text

    def yes(self, answer: str) -> bool:
        """True for an answer meaning yes in this language or in English (`j`, `ja`, `y`, `yes`)."""
        words = {w.casefold() for w in (self("yes_words").split() + ["y", "yes"])}
        return answer.strip().casefold() in words


@cache
def _texts(code: str) -> dict[str, str]:
    own = folder(code)
    if own is None:
        return {}
    try:
        return {k: str(v) for k, v in read_toml(own / "messages.toml").items()}
    except FileNotFoundError:
        return {}


@cache
def messages_for(code: str) -> Messages:
    """The messages of a language, English where it has none of its own."""
    return Messages(code, {**_texts(FALLBACK), **_texts(code)})


def language(env: Mapping[str, str], configured: object = None, phrase: str | None = None) -> str:
    """The language to answer in: the phrase's, the configured one, `LANG`'s, or English."""
    if phrase:
        return phrase
    if isinstance(configured, str) and configured:
        return configured
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        raw = env.get(name, "")
        code = raw.split("_")[0].split(".")[0].lower()
        own = folder(code) if code and code not in ("c", "posix") else None
        if own is not None and (own / "messages.toml").is_file():
            return code
    return FALLBACK
