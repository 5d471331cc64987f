"""The errors nlentry raises; every one of them derives from `NlentryError`.

    NlentryError
    ├── InputError            the text cannot be read at all (empty, too long, control characters)
    ├── LocaleError           an unsupported locale was asked for
    ├── CatalogError          a catalog file or dict is malformed
    └── EntryRefused          the text was read, but the entry it gives is not acceptable
                              (for instance longer than 24 hours); `.entry` holds what was read

Messages are one line, meant for the person who typed the phrase, and never contain secrets.
Library exceptions (lark, dateparser) never escape the public API untranslated.

`str(error)` is the English text (for library users and logs); `key` and `values` name the same
message in the locales' `messages.toml`, which the front ends show in the user's language
(`nlentry.render.reason`). An error raised without a key is shown as its English text.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from nlentry.model import Entry


class NlentryError(Exception):
    """Base class of every error nlentry raises on purpose.

    `key` (or None) names the message of `grammars/<code>/messages.toml` that says the same in the
    user's language, `values` fills its placeholders.
    """

    def __init__(self, message: str = "", key: str | None = None, /, **values: object) -> None:
        super().__init__(message)
        self.key = key
        self.values: dict[str, Any] = values


class InputError(NlentryError, ValueError):
    """The text cannot be parsed: empty, too long, or containing control characters."""


class LocaleError(NlentryError, ValueError):
    """The locale asked for is not one nlentry has a grammar for."""


class CatalogError(NlentryError, ValueError):
    """A catalog could not be read: bad JSON, missing ids or names, wrong types."""


class EntryRefused(NlentryError):
    """The phrase was read, but the entry breaks a hard rule (e.g. more than 24 hours).

    `entry` is the entry as read, so a caller can show it or let the user fix it.
    """

    def __init__(self, message: str, entry: Entry, key: str | None = None, /, **values: object) -> None:
        super().__init__(message, key, **values)
        self.entry = entry
