"""What nlentry says to people, in their language: the one loader of the locales' text files.

    say = messages_for("nl")
    say("saved", provider="local")                  # 'opgeslagen in local' (grammars/nl/messages.toml)
    locale_texts("nl", "server.toml")["text"]       # the chat bot's texts (nlentry.server.replies)

Both front ends read their texts through here: the command line `messages.toml`, the chat bot
`server.toml`, each beside the grammar in the locale's folder. The language is chosen the same way
everywhere (`language`): the phrase's when there is one, else the configured `language`, else the one
`LANG` names when nlentry knows it, else English. A locale without a file, or with keys missing, falls
back to the English text, so a new locale works before it is translated.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache

from nlentry.locales import folder, read_toml

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["FALLBACK", "Messages", "language", "locale_texts", "messages_for"]

FALLBACK = "en"
MESSAGES = "messages.toml"


@cache
def locale_texts(code: str, file: str = MESSAGES) -> dict[str, Any]:
    """The parsed text file `file` of locale `code` ({} when the locale or its file does not exist)."""
    own = folder(code)
    if own is None:
        return {}
    try:
        return read_toml(os.path.join(own, file))
    except (FileNotFoundError, NotADirectoryError):
        return {}


class Messages:
    """The command line's texts of one language; call it with a key and the values of its placeholders."""

    def __init__(self, code: str, texts: Mapping[str, str]) -> None:
        self.code = code
        self._texts = dict(texts)

    def __call__(self, name: str, /, **values: Any) -> str:
        text = self._texts.get(name, name)
        return text.format(**values) if values else text

    def __contains__(self, name: str) -> bool:
        return name in self._texts

    def yes(self, answer: str) -> bool:
        """True for an answer meaning yes in this language or in English (`j`, `ja`, `y`, `yes`)."""
        words = {w.casefold() for w in (self("yes_words").split() + ["y", "yes"])}
        return answer.strip().casefold() in words


@cache
def messages_for(code: str) -> Messages:
    """The command line's messages of a language, English where it has none of its own."""
    own = {k: str(v) for k, v in locale_texts(code).items()}
    base = {k: str(v) for k, v in locale_texts(FALLBACK).items()}
    return Messages(code, {**base, **own})


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
        if own is not None and os.path.isfile(os.path.join(own, MESSAGES)):
            return code
    return FALLBACK
