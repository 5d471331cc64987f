"""Stage 4: resolve the words the date/time grammar left over against the catalog.

`CatalogIndex.of(catalog)` builds (once per catalog) the lookup tables; `match_names` reads projects,
services, clients, people and tags from the leftover words, driven by the locale's `Cues`.
`nlentry.catalog.cache.cached_index(catalog, folder)` keeps the tables in a file, for processes that
read one phrase.
"""

from __future__ import annotations

from nlentry.catalog.index import CatalogIndex, Target, normalize
from nlentry.catalog.match import Cues, NameMatch, Word, match_names

__all__ = ["CatalogIndex", "Cues", "NameMatch", "Target", "Word", "match_names", "normalize"]
