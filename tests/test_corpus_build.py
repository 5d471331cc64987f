"""The committed corpus equals what `corpus/build.py` computes, and the cases are internally consistent.

`corpus/<code>/cases.py` defines every case and computes each expected date and time from the case's own
`now`; the JSONL files are its output. If this test fails, run `python corpus/build.py` and commit.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from datetime import datetime
from pathlib import Path
from types import ModuleType

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_build", CORPUS / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up while the class is created
    spec.loader.exec_module(module)
    return module


def _cases(lang: str) -> list[dict]:
    return [json.loads(line) for path in sorted((CORPUS / lang).glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines()]


def test_committed_files_equal_the_generated_ones(build: ModuleType) -> None:
    problems = build.check(CORPUS)
    assert not problems, "corpus is out of date, run `python corpus/build.py`:\n" + "\n".join(problems)


def test_check_mode_exits_zero(build: ModuleType) -> None:
    assert build.main(["--check"]) == 0


def test_cases_are_consistent(build: ModuleType) -> None:
    assert build.validate(build.build_case_files()) == []


def test_case_counts() -> None:
    assert len(_cases("nl")) >= 300
    assert len(_cases("en")) >= 200


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_ids_follow_file_and_order(lang: str) -> None:
    for path in sorted((CORPUS / lang).glob("*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        ids = [json.loads(line)["id"] for line in lines]
        assert ids == [f"{lang}-{path.stem}-{i:04d}" for i in range(1, len(lines) + 1)]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_case_format(lang: str) -> None:
    allowed_top = {"id", "lang", "text", "now", "expect", "catalog", "note"}
    for case in _cases(lang):
        assert set(case) <= allowed_top, case["id"]
        assert case["lang"] == lang
        assert datetime.fromisoformat(case["now"]).utcoffset() is not None, case["id"]
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:00\+0[12]:00", case["now"]), case["id"]
        if "catalog" in case:
            assert (CORPUS / case["catalog"]).is_file()


def test_catalog_loads() -> None:
    model = pytest.importorskip("nlentry.model")
    catalog = model.Catalog.load(CORPUS / "catalog.json")
    assert len(catalog.projects) >= 20 and len(catalog.services) >= 10 and len(catalog.people) >= 10
    acme = next(c for c in catalog.clients if c.name == "Acme")
    active = [p for p in catalog.projects if p.client_id == acme.id and p.active]
    assert [p.id for p in active] == [50], "Acme must have exactly one active project"


def test_locales_are_discovered_from_their_folders(build: ModuleType, tmp_path: Path) -> None:
    """A folder with a cases.py is a locale: its `<kind>_cases` functions make its files."""
    assert build.locales() == ("en", "nl")
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "cases.py").write_text(
        "from common import WED, hours\n\n\n"
        "def duration_cases(f):\n    f.add('2 xx', WED, duration=hours(2))\n",
        encoding="utf-8")
    (tmp_path / "notes").mkdir()  # a folder without cases.py is not a locale
    files = build.build_case_files(tmp_path)
    assert [(f.lang, f.kind) for f in files] == [("xx", "duration")]
    assert files[0].records()[0]["id"] == "xx-duration-0001"
    assert files[0].records()[0]["expect"] == {"duration": 7200}
