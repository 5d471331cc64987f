"""The catalog index kept in a file (nlentry.catalog.cache): read back instead of built, never stale,
never trusted when damaged, and reading exactly as a freshly built index does."""

from __future__ import annotations

import json
import os
import random
import string
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_catalog import NL, words

from nlentry.booking.journal import Journal
from nlentry.booking.store import Store
from nlentry.catalog import cache, index
from nlentry.catalog.cache import cached_index, index_path
from nlentry.catalog.index import CatalogIndex, normalize, one_edit
from nlentry.catalog.match import match_names
from nlentry.model import Catalog

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Catalog.load(ROOT / "corpus" / "catalog.json")


def fresh(catalog: Catalog) -> Catalog:
    """An equal catalog object of its own (the per-object index cache knows nothing of it)."""
    return Catalog.from_dict(json.loads(json.dumps(catalog.to_dict())))


def no_build(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, folding the catalog's names (building an index) fails the test."""
    def refuse(*args: object) -> object:
        raise AssertionError("the index was built, not read from its file")

    monkeypatch.setattr(index, "_spelling_tables", refuse)


def test_a_second_reader_reads_the_file_and_builds_nothing(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    built = cached_index(fresh(FIXTURE), tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [index_path(FIXTURE, tmp_path).name]
    no_build(monkeypatch)
    catalog = fresh(FIXTURE)
    read = cached_index(catalog, tmp_path)
    assert read is not built and CatalogIndex.of(catalog) is read
    assert read.tables() == built.tables()
    assert match_names("2 uur aan webshp", words("2 uur aan webshp"), read, NL).project is not None


def test_a_changed_catalog_misses_and_replaces_the_old_file(tmp_path: Path) -> None:
    cached_index(fresh(FIXTURE), tmp_path)
    data = FIXTURE.to_dict()
    data["projects"][0]["aliases"] = [*data["projects"][0].get("aliases", []), "zeppelin"]
    changed = Catalog.from_dict(data)
    assert index_path(changed, tmp_path) != index_path(FIXTURE, tmp_path)
    got = cached_index(changed, tmp_path)
    assert got.exact[normalize("zeppelin")] == (0,)
    assert [p.name for p in tmp_path.iterdir()] == [index_path(changed, tmp_path).name]
    # the old catalog's file is gone: reading it again builds it again (and finds no 'zeppelin')
    assert normalize("zeppelin") not in cached_index(fresh(FIXTURE), tmp_path).exact


def test_ids_and_flags_are_part_of_the_key(tmp_path: Path) -> None:
    data = FIXTURE.to_dict()
    data["projects"][0]["active"] = not data["projects"][0].get("active", True)
    assert index_path(Catalog.from_dict(data), tmp_path) != index_path(FIXTURE, tmp_path)
    data = FIXTURE.to_dict()
    data["projects"][0]["id"] = 987654
    assert index_path(Catalog.from_dict(data), tmp_path) != index_path(FIXTURE, tmp_path)


def _truncate(raw: bytes) -> bytes:
    return raw[: len(raw) // 2]


def _flip(raw: bytes) -> bytes:
    at = len(raw) - 40
    return raw[:at] + bytes([raw[at] ^ 0x55]) + raw[at + 1:]


def _old_format(raw: bytes) -> bytes:
    head, _, body = raw.partition(b"\n")
    return head.replace(f"index {cache.FORMAT} ".encode(), b"index 0 ") + b"\n" + body


@pytest.mark.parametrize("damage", [_truncate, _flip, _old_format, lambda raw: b"", lambda raw: b"\x00" * 64,
                                    lambda raw: raw.partition(b"\n")[0] + b"\n" + b"not marshal"])
def test_a_damaged_or_old_file_is_rebuilt_never_trusted(tmp_path: Path, damage: object) -> None:
    cached_index(fresh(FIXTURE), tmp_path)
    path = index_path(FIXTURE, tmp_path)
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    got = cached_index(fresh(FIXTURE), tmp_path)
    assert got.tables() == CatalogIndex(FIXTURE).tables()
    sound = cached_index(fresh(FIXTURE), tmp_path)  # and the file was written anew
    assert sound.tables() == got.tables()
    assert path.read_bytes().startswith(b"nlentry catalog index")


def test_sound_file_of_an_unknown_layout_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cached_index(fresh(FIXTURE), tmp_path)
    path = index_path(FIXTURE, tmp_path)
    monkeypatch.setattr(CatalogIndex, "tables", lambda self: ("too", "short"))
    cache._write(path, cache.content_hash(FIXTURE), CatalogIndex(FIXTURE))
    monkeypatch.undo()
    assert cached_index(fresh(FIXTURE), tmp_path).tables() == CatalogIndex(FIXTURE).tables()


def test_an_unwritable_folder_costs_only_the_build(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    got = cached_index(fresh(FIXTURE), blocker / "cache")
    assert got.tables() == CatalogIndex(FIXTURE).tables()
    assert [p.name for p in tmp_path.iterdir()] == ["file"]


def _big_catalog(seed: int) -> Catalog:
    """A few hundred made-up names sharing heads and words, as real catalogs do."""
    rng = random.Random(seed)
    syllables = ["ka", "ke", "lo", "mi", "ra", "ti", "zo", "ve", "ix", "or", "an", "el"]
    nouns = ["Website", "Portal", "App", "Migratie", "Onderhoud", "Intranet 2.0", "Data Migratie"]

    def coined() -> str:
        return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).capitalize()

    brands = [coined() for _ in range(40)]
    projects = []
    for n in range(300):
        brand = rng.choice(brands)
        name = rng.choice([f"{brand} {rng.choice(nouns)}", coined(), f"{coined()}-{rng.randint(1, 9)}"])
        aliases = [coined() for _ in range(rng.randint(0, 3))]
        projects.append({"id": n, "name": name, "client_id": 1000 + brands.index(brand), "aliases": aliases,
                         "active": rng.random() < 0.8})
    return Catalog.from_dict({
        "projects": projects,
        "clients": [{"id": 1000 + k, "name": b} for k, b in enumerate(brands)],
        "services": [{"id": k, "name": coined()} for k in range(20)],
        "people": [{"id": k, "name": f"{coined()} {coined()}"} for k in range(30)],
    })


def test_a_read_index_matches_as_a_fresh_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    catalog = _big_catalog(7)
    built = CatalogIndex(catalog)
    cached_index(fresh(catalog), tmp_path)
    no_build(monkeypatch)
    read = cached_index(fresh(catalog), tmp_path)
    rng = random.Random(3)
    phrases = []
    for key in list(built.exact)[:400]:
        i = rng.randrange(len(key) + 1)
        typo = key[:i] + rng.choice(string.ascii_lowercase) + key[i + 1:]
        phrases += [f"2 uur {key} gewerkt", f"met {typo} overleg", f"aan {key[:6]} en {typo}"]
        assert read.near(typo) == built.near(typo) and read.exact.get(key) == built.exact.get(key)
    for text in phrases:
        ws = words(text)
        assert match_names(text, ws, read, NL) == match_names(text, ws, built, NL), text


def test_the_journal_keeps_its_index_under_its_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(tmp_path / "nlentry.db")
    store.put_catalog("remote", FIXTURE)
    first = Journal(store, lambda name: None, provider="remote")  # type: ignore[arg-type,return-value]
    catalog = first.catalog
    assert catalog is not None
    assert index_path(catalog, tmp_path / "cache").exists()
    first.close()
    no_build(monkeypatch)
    second = Journal(Store(tmp_path / "nlentry.db"), lambda name: None, provider="remote")  # type: ignore[arg-type,return-value]
    assert second.read("2 uur aan Webshop").project is not None
    second.close()


PARSE = """
import io, json, sys
sys.stdout = io.StringIO()
from nlentry.catalog import index
built = []
build = index._spelling_tables
index._spelling_tables = lambda *args: built.append(1) or build(*args)
from nlentry.cli import main
status = main(["parse", "2 uur aan webshp", "--json", "--now", "2026-11-24T15:00:00+01:00"])
print(json.dumps([status, json.loads(sys.stdout.getvalue())["project"], len(built)]), file=sys.stderr)
"""


def test_a_parse_reads_the_index_the_journal_keeps(tmp_path: Path) -> None:
    """`nlentry parse` with the configured catalog reads its index from the file beside the database, as
    `add` does (and writes it there when missing): the next parse builds nothing and reads the same."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NLENTRY_", "XDG_"))}
    env.update({"NLENTRY_HOME": str(tmp_path / "home"), "NLENTRY_CACHE_DIR": str(tmp_path / "cache"),
                "NLENTRY_PROVIDER": "local", "LANG": "C"})
    catalog = str(ROOT / "corpus" / "catalog.json")
    subprocess.run([sys.executable, "-m", "nlentry", "catalog", "import", catalog],
                   env=env, capture_output=True, check=True, timeout=60)
    runs = [json.loads(subprocess.run([sys.executable, "-c", PARSE], env=env, capture_output=True, text=True,
                                      check=True, timeout=60).stderr.splitlines()[-1]) for _ in range(2)]
    webshop = next({"id": p.id, "name": p.name} for p in FIXTURE.projects if p.name == "Webshop")
    assert runs[0][:2] == runs[1][:2] == [0, webshop]
    assert runs[1][2] == 0  # read, not built
    assert index_path(FIXTURE, tmp_path / "home" / "cache").exists()


_LETTERS = st.text(alphabet="abcdeéiklmnoprstz -.2", min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(names=st.lists(_LETTERS, min_size=1, max_size=25), query=_LETTERS)
def test_near_finds_exactly_the_keys_one_edit_away(names: list[str], query: str) -> None:
    catalog = Catalog.from_dict({"projects": [{"id": n, "name": name} for n, name in enumerate(names)
                                              if name.strip(" -.")]})
    built = CatalogIndex(catalog)
    key = normalize(query)
    expected = sorted({n for k, ns in built.exact.items() for n in ns if index.letters(k) >= 5
                       and index.letters(key) >= 5 and one_edit(key, k)})
    assert built.near(key) == expected
    for k in built.exact:  # and every key finds its own one-edit neighbours
        assert built.near(k + "x") == sorted({n for k2, ns in built.exact.items() for n in ns
                                              if index.letters(k2) >= 5 and index.letters(k + "x") >= 5
                                              and one_edit(k + "x", k2)})
