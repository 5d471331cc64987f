"""The filters of `ls`, `report` and `export`: `--project`, `--client`, `--service`, `--person`, `--tag`.

    keep = EntryFilter.from_args(args, catalog)     # --project webshp --person Rowan --person Kaat
    [item for item in items if keep(item.entry)]

Each option may be given more than once: an entry passes when it matches one of the names of every
option given (or within an option, and across options). Names are resolved against the catalog as in
phrases, so an alias or a near miss (`webshp`) selects the project it names; a name the catalog does
not know is compared as written (case and accents ignored), and tags are compared without their `#`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nlentry.cli.args import FILTER_FIELDS as FIELDS

if TYPE_CHECKING:
    from nlentry.cli.command_line import Arguments
    from nlentry.model import Catalog, Entry

__all__ = ["FIELDS", "EntryFilter"]


def _key(text: str) -> str:
    from nlentry.catalog.index import fold

    return " ".join(fold(text.strip().lstrip("#")).split())


def resolve(catalog: Catalog | None, field: str, word: str) -> set[str]:
    """The keys of the names `word` stands for as a `field`: exactly, by alias, else one edit away."""
    names = {_key(word)}
    if catalog is None or field == "tag":
        return names
    from nlentry.catalog.index import CatalogIndex, normalize

    index = CatalogIndex.of(catalog)
    key = normalize(word)
    for numbers in (index.exact.get(key, ()), index.near_targets(key)):
        found = {_key(index.targets[n].name) for n in numbers if index.targets[n].field == field}
        if found:
            return names | found
    return names


def _values(entry: Entry, field: str) -> set[str]:
    if field == "person":
        return {_key(p.name) for p in entry.persons}
    if field == "tag":
        return {_key(t) for t in entry.tags}
    ref = getattr(entry, field)
    return set() if ref is None else {_key(ref.name)}


class EntryFilter:
    """Which entries to keep: field -> the keys of the names asked for (empty: keep everything)."""

    def __init__(self, wanted: dict[str, set[str]]) -> None:
        self.wanted = {field: names for field, names in wanted.items() if names}

    @classmethod
    def from_args(cls, args: Arguments | Any, catalog: Catalog | None) -> EntryFilter:
        """The filter the command line asks for, names resolved against `catalog`."""
        wanted: dict[str, set[str]] = {}
        for field in FIELDS:
            for word in getattr(args, f"only_{field}", None) or []:
                wanted.setdefault(field, set()).update(resolve(catalog, field, word))
        return cls(wanted)

    def __bool__(self) -> bool:
        return bool(self.wanted)

    def __call__(self, entry: Entry) -> bool:
        return all(_values(entry, field) & names for field, names in self.wanted.items())
