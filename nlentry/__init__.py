"""nlentry: one line of Dutch or English in, one correct time entry out.

Usage::

    import nlentry

    entry = nlentry.parse("2,5 uur met Rowan aan Timi gewerkt", catalog=nlentry.Catalog.load("catalog.json"))
    entry.duration      # 9000
    entry.to_dict()     # the JSON shape of the conventions

Importing this package is cheap: `Catalog` and `Entry` (nlentry.model, with datetime), the
parser, dateparser and httpx are loaded on first use.
"""

from __future__ import annotations

from nlentry.errors import CatalogError, EntryRefused, InputError, LocaleError, NlentryError

TYPE_CHECKING = False
if not TYPE_CHECKING:
    from nlentry._typing import overload
else:
    from typing import Any, Literal, overload

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime

    from nlentry.model import Catalog, Entry
    from nlentry.reading import Reading

__all__ = [
    "Catalog",
    "CatalogError",
    "Entry",
    "EntryRefused",
    "InputError",
    "LocaleError",
    "NlentryError",
    "parse",
    "parse_all",
]

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    """`nlentry.Catalog` and `nlentry.Entry`, imported from nlentry.model on first use (PEP 562)."""
    if name in ("Catalog", "Entry"):
        from nlentry import model

        return getattr(model, name)
    raise AttributeError(f"module 'nlentry' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


@overload
def parse(text: str, *, catalog: Catalog | None = None, now: datetime | None = None,
          locale: str | None = None,
          trace: Literal[False] = False) -> Entry: ...


@overload
def parse(text: str, *, catalog: Catalog | None = None, now: datetime | None = None,
          locale: str | None = None,
          trace: Literal[True]) -> Reading: ...


def parse(
    text: str,
    *,
    catalog: Catalog | None = None,
    now: datetime | None = None,
    locale: str | None = None,
    trace: bool = False,
) -> Entry | Reading:
    """Read one time-entry phrase into an `Entry`.

    Parameters:
        text: the phrase, Dutch or English, e.g. ``"gisteren van 9 tot half 11 overleg met Erik"``.
        catalog: clients, projects, services and people to resolve names against.
        now: an aware datetime that relative dates and times are read from; default: now, local zone.
        locale: ``"nl"`` or ``"en"`` to skip detection.
        trace: return the `nlentry.reading.Reading` instead: ``(entry, trace)``, the entry and the facts
            it was derived from (each item read and its rule, each convention, match, doubt, unread word).

    Raises `InputError` for unreadable text, `LocaleError` for an unknown locale and `EntryRefused`
    (carrying the entry) when the entry breaks a hard rule such as lasting more than 24 hours.
    """
    api_parse = _api_parse if _api_parse is not None else _load_api_parse()
    return api_parse(text, catalog=catalog, now=now, locale=locale, trace=trace)  # type: ignore[no-any-return]


_api_parse: Callable[..., Any] | None = None
"""`nlentry.api.parse`, imported by the first `parse` (importing nlentry stays cheap), not on every call."""


def _load_api_parse() -> Callable[..., Any]:
    global _api_parse
    from nlentry.api import parse as api_parse

    _api_parse = api_parse
    return api_parse


def parse_all(
    text: str,
    *,
    catalog: Catalog | None = None,
    now: datetime | None = None,
    locale: str | None = None,
) -> list[Entry]:
    """Read a phrase that may hold several entries into a list of `Entry`, one per day and time range.

    ``"maandag en dinsdag 4 uur aan webshop"`` is two entries, ``"ma t/m vr 8 uur support"`` five,
    ``"9-11 overleg, 11-12 mail"`` two (each with its own words); the rest of the phrase is shared. A
    phrase that names one day and range gives the one entry `parse` gives. Parameters and errors as
    for `parse`.
    """
    from nlentry.several import parse_all as _parse_all

    return _parse_all(text, catalog=catalog, now=now, locale=locale)
