"""The corpus is the parser's specification: every labelled case must read exactly as expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlentry import accuracy
from nlentry.model import Catalog

CORPUS = Path(__file__).parent.parent / "corpus"
CASES = [case for path in accuracy.find_case_files([CORPUS]) for case in accuracy.load_cases(path)]
_CATALOGS: dict[Path, Catalog] = {}


def _catalog(case: accuracy.Case) -> Catalog | None:
    if case.catalog is None:
        return None
    if case.catalog not in _CATALOGS:
        _CATALOGS[case.catalog] = Catalog.load(case.catalog)
    return _CATALOGS[case.catalog]


def test_corpus_is_large_enough() -> None:
    by_lang = {lang: sum(1 for c in CASES if c.lang == lang) for lang in ("nl", "en")}
    assert len(CASES) >= 450 and by_lang["nl"] >= 250 and by_lang["en"] >= 150, by_lang


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: accuracy.Case) -> None:
    result = accuracy.check(case, catalog=_catalog(case))
    wrong = {k: (f.expected, f.got) for k, f in result.fields.items() if not f.ok}
    assert not wrong, f"{case.text!r} (now {case.now}): expected vs got {wrong} {result.error or ''}"
