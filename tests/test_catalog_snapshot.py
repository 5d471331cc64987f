"""The catalogs snapshot beside the SQLite database (`nlentry.catalog.snapshot`): what a cold `nlentry parse`
reads instead of the database. It must always say what the database says (the cached catalog with the
user's aliases), whatever changed it; a missing or damaged one means reading the database, never an error.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from nlentry.booking.store import Store
from nlentry.booking.sync import merge_aliases
from nlentry.catalog import snapshot
from nlentry.catalog.snapshot import read_snapshot, snapshot_path
from nlentry.model import Catalog

ROOT = Path(__file__).resolve().parent.parent
CATALOG = Catalog.load(ROOT / "corpus" / "catalog.json")


def from_database(store: Store, provider: str) -> Catalog | None:
    """What the database says, read the old way (no snapshot)."""
    cached = store.get_catalog(provider)
    return None if cached is None else merge_aliases(cached[0], store.aliases(provider))


def from_snapshot(store: Store, provider: str) -> Catalog | None:
    assert store.snapshot is not None
    found = read_snapshot(store.snapshot, provider)
    assert found is not None, "no sound snapshot"
    return found[0]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "nlentry.db")


def test_every_catalog_and_alias_change_is_in_the_snapshot(store: Store) -> None:
    assert store.snapshot == snapshot_path(store.path)
    assert not store.snapshot.exists()  # nothing cached yet
    store.put_catalog("local", CATALOG)
    assert from_snapshot(store, "local") == CATALOG
    assert from_snapshot(store, "timi") is None  # a provider never synced
    store.add_alias("local", "webshp", "Webshop")
    store.add_alias("local", "tango", "Timi", "project")
    store.add_alias("local", "ro", "Rowan", "person")
    changed = from_database(store, "local")
    assert changed != CATALOG
    assert from_snapshot(store, "local") == changed
    store.put_catalog("timi", Catalog.from_dict({"projects": [{"id": 7, "name": "Other"}]}))
    store.add_alias("timi", "oth", "Other")
    assert from_snapshot(store, "timi") == from_database(store, "timi")
    assert from_snapshot(store, "local") == from_database(store, "local")
    assert store.remove_alias("local", "WEBSHP")
    assert from_snapshot(store, "local") == from_database(store, "local")
    store.put_catalog("local", Catalog.from_dict({"projects": [{"id": 1, "name": "Webshop"}]}))
    assert from_snapshot(store, "local") == from_database(store, "local")
    assert snapshot_path(store.path).stat().st_mode & 0o777 == 0o600


def test_a_snapshot_that_cannot_be_written_is_removed_not_left_stale(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.put_catalog("local", CATALOG)
    assert store.snapshot is not None and store.snapshot.exists()

    def refuse(path: object, catalogs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(snapshot, "write_snapshot", refuse)
    store.add_alias("local", "webshp", "Webshop")  # committed; the snapshot cannot follow, so it goes
    assert not store.snapshot.exists()
    assert read_snapshot(store.snapshot, "local") is None


def test_a_failed_change_leaves_no_stale_snapshot(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.put_catalog("local", CATALOG)

    def broken(catalog: Catalog) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr("nlentry.booking.sql._catalog_json", broken)
    with pytest.raises(RuntimeError):
        store.put_catalog("local", Catalog())
    monkeypatch.undo()
    assert store.snapshot is not None
    found = read_snapshot(store.snapshot, "local")
    assert found is None or found[0] == from_database(store, "local") == CATALOG


def test_a_new_database_drops_the_snapshot_of_an_old_one(tmp_path: Path) -> None:
    with Store(tmp_path / "nlentry.db") as store:
        store.put_catalog("local", CATALOG)
    for name in ("nlentry.db", "nlentry.db-wal", "nlentry.db-shm"):
        (tmp_path / name).unlink(missing_ok=True)
    assert snapshot_path(tmp_path / "nlentry.db").exists()
    with Store(tmp_path / "nlentry.db") as store:
        assert not snapshot_path(tmp_path / "nlentry.db").exists()
        assert from_database(store, "local") is None


@pytest.mark.parametrize("damage", ["truncated", "flipped", "other format", "not marshal", "empty", "shape"])
def test_a_damaged_snapshot_is_not_read(store: Store, damage: str) -> None:
    store.put_catalog("local", CATALOG)
    assert store.snapshot is not None
    data = store.snapshot.read_bytes()
    head, _, body = data.partition(b"\n")
    if damage == "truncated":
        data = data[:-7]
    elif damage == "flipped":
        data = data[:-3] + bytes([data[-3] ^ 1]) + data[-2:]
    elif damage == "other format":
        data = head.replace(b"catalogs 1 ", b"catalogs 99 ") + b"\n" + body
    elif damage == "not marshal" or damage == "shape":
        import marshal
        from zlib import crc32

        body = b"\xff\x00garbage" if damage == "not marshal" else marshal.dumps({"local": (1, 2)})
        data = snapshot._snapshot_header(crc32(body)) + body
    else:
        data = b""
    store.snapshot.write_bytes(data)
    assert read_snapshot(store.snapshot, "local") is None
    from nlentry.booking.sync import Syncer

    syncer = Syncer(store, {})
    assert syncer.cached_catalog("local") == CATALOG  # read from the database instead ...
    assert from_snapshot(store, "local") == CATALOG  # ... and the snapshot written anew


PHRASES = ["2,5 uur met Rowan aan Timi gewerkt", "1 uur webshp overleg", "3 uur aan zorro met ro"]


def _parse_all(env: dict[str, str]) -> list[tuple[int, str, str]]:
    found = []
    for phrase in PHRASES:
        done = subprocess.run([sys.executable, "-m", "nlentry", "parse", phrase, "--json",
                               "--now", "2026-11-24T15:00:00+01:00"], env=env, capture_output=True,
                              text=True, timeout=60, check=False)
        found.append((done.returncode, done.stdout, done.stderr))
    return found


def test_parse_answers_the_same_from_the_snapshot_and_from_the_database(tmp_path: Path) -> None:
    """The command line's answers, with the snapshot, without it (the old path), and after aliases."""
    home = tmp_path / "home"
    env = {**os.environ, "NLENTRY_HOME": str(home), "NLENTRY_CACHE_DIR": str(tmp_path / "cache"),
           "NLENTRY_PROVIDER": "local", "LANG": "C"}
    nlentry = [sys.executable, "-m", "nlentry"]
    subprocess.run([*nlentry, "catalog", "import", str(ROOT / "corpus" / "catalog.json")], env=env,
                   check=True, capture_output=True, timeout=60)
    for alias, target in (("webshp", "Webshop"), ("zorro", "Timi"), ("ro", "Rowan")):
        subprocess.run([*nlentry, "alias", "add", alias, target], env=env, check=True, capture_output=True,
                       timeout=60)
    path = snapshot_path(home / "nlentry.db")
    assert path.exists()
    with_snapshot = _parse_all(env)
    assert all(status == 0 for status, _, _ in with_snapshot)
    assert json.loads(with_snapshot[2][1])["project"]["name"] == "Timi"  # an alias the user added
    path.unlink()
    assert _parse_all(env) == with_snapshot  # the database, read as before
    assert path.exists()  # ... and the snapshot written again for the next parse
    path.write_bytes(b"nlentry catalogs 1 marshal 4 00000000\nbroken")
    assert _parse_all(env) == with_snapshot
    subprocess.run([*nlentry, "alias", "rm", "zorro"], env=env, check=True, capture_output=True,
                   timeout=60)
    after = _parse_all(env)
    assert after[:2] == with_snapshot[:2]
    assert after[2] != with_snapshot[2]
    path.unlink()
    assert _parse_all(env) == after
