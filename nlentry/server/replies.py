"""What the chat bot says, in the user's language: `grammars/<code>/server.toml`, and the reply model.

Usage::

    from nlentry.server.replies import Reply, Button, texts_for, command_of

    say = texts_for("nl")
    say.text("posted", provider="timi")          # 'Opgeslagen in timi.'
    command_of("ongedaan")                        # ("undo", "nl")

A `Reply` is what to answer, independent of the chat: lines of text and rows of `Button`s. The Slack
and Telegram modules render it as Block Kit or as an inline keyboard. `followup`, when set, is slow
work to do *after* answering (posting to the provider); it returns the reply that replaces the first.
The texts live with the grammars, one file per locale folder, so adding German means adding
`grammars/de/server.toml` (keys it leaves out fall back to English) and no Python.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from nlentry.locales import available, folder
from nlentry.messages import FALLBACK, locale_texts

__all__ = ["Button", "Reply", "Texts", "command_of", "locales", "texts_for"]

FILE = "server.toml"


@dataclass(frozen=True)
class Button:
    """One button: what it does (`confirm`, `change`, `cancel`, `pick`, `undo`), its label and value.

    `value` is what the click sends back (a confirmation id, `id:choice`, an entry key); `style` is
    `primary` or `danger` where the chat supports it.
    """

    action: str
    label: str
    value: str
    style: str | None = None


@dataclass(frozen=True)
class Reply:
    """A chat answer: text lines, rows of buttons, its language, and work to do after answering."""

    lines: tuple[str, ...]
    locale: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    followup: Callable[[], Reply] | None = field(default=None, compare=False)

    @property
    def text(self) -> str:
        """The whole answer as plain text (the lines joined by new lines)."""
        return "\n".join(self.lines)


class Texts:
    """The bot's texts in one language (English where the locale has none)."""

    def __init__(self, code: str, data: Mapping[str, Mapping[str, Any]]) -> None:
        self.code = code
        self._data = data

    def text(self, name: str, /, **values: Any) -> str:
        """A reply text with its placeholders filled in."""
        raw = str(self._data.get("text", {}).get(name, name))
        return raw.format(**values) if values else raw

    def button(self, name: str) -> str:
        """A button's label."""
        return str(self._data.get("buttons", {}).get(name, name))

    def question(self, name: str) -> str:
        """Which of the alternatives of a field (`project`, `service`, `client`, `persons`) was meant."""
        return str(self._data.get("questions", {}).get(name, name))

    def commands(self) -> dict[str, tuple[str, ...]]:
        """Command name -> the messages that mean it, in this language only."""
        raw = _file(self.code).get("commands", {})
        return {k: tuple(str(w).casefold() for w in v) for k, v in raw.items() if isinstance(v, list)}


def _file(code: str) -> dict[str, dict[str, Any]]:
    """The sections of a locale's `server.toml`, read by the loader the command line uses too."""
    return {k: dict(v) for k, v in locale_texts(code, FILE).items() if isinstance(v, dict)}


@cache
def locales() -> tuple[str, ...]:
    """The locales that have bot texts of their own."""
    return tuple(code for code in available() if (own := folder(code)) is not None
                 and os.path.isfile(os.path.join(own, FILE)))


@cache
def texts_for(code: str | None) -> Texts:
    """The texts of a language, English where it has none of its own."""
    code = code if code in locales() else FALLBACK
    base, own = _file(FALLBACK), _file(code)
    return Texts(
        code, {section: {**base.get(section, {}), **own.get(section, {})} for section in {*base, *own}}
    )


def command_of(message: str) -> tuple[str, str] | None:
    """(command, locale) when the whole message is a command word of some locale, else None."""
    said = " ".join(message.split()).casefold()
    for code in locales():
        for name, words in texts_for(code).commands().items():
            if said in words:
                return name, code
    return None
