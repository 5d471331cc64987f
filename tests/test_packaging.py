"""The distributions ship the language definitions (grammars/ goes into the wheel as nlentry/grammars/)
and the server's PostgreSQL migrations (nlentry/server/migrations/pg/*.sql).

hatch's force-include does nothing in editable installs, so only a real build shows whether the
grammars reach users. Skipped only when `build` (in the `test` extra) is not installed.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("build", reason="the 'build' package (pip install -e '.[test]') is needed")

ROOT = Path(__file__).resolve().parent.parent
GRAMMARS = ROOT / "grammars"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(ROOT)],
        capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return out


def grammar_files() -> list[str]:
    files = sorted(
        p.relative_to(GRAMMARS).as_posix()
        for pattern in ("**/*.lark", "**/*.toml")
        for p in GRAMMARS.glob(pattern)
    )
    assert files, "no grammar files found under grammars/"
    return files


def test_wheel_ships_the_grammars(dists: Path) -> None:
    (wheel,) = dists.glob("nlentry-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    missing = [f for f in grammar_files() if f"nlentry/grammars/{f}" not in names]
    assert not missing, f"not in {wheel.name}: {missing}"
    assert "nlentry/__init__.py" in names
    assert not any(n.startswith("grammars/") for n in names), "grammars/ must sit inside the package"


def test_sdist_ships_grammars_and_corpus(dists: Path) -> None:
    (sdist,) = dists.glob("nlentry-*.tar.gz")
    with tarfile.open(sdist) as tf:
        names = {n.split("/", 1)[1] for n in tf.getnames() if "/" in n}
    missing = [f for f in grammar_files() if f"grammars/{f}" not in names]
    assert not missing, f"not in {sdist.name}: {missing}"
    corpus = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "corpus").rglob("*")
                    if p.is_file() and "__pycache__" not in p.parts)  # bytecode of build.py is not source
    assert not [f for f in corpus if f not in names], f"corpus files missing from {sdist.name}"


def test_wheel_ships_the_server_migrations(dists: Path) -> None:
    """`nlentry db upgrade` reads the numbered SQL files from the installed package."""
    (wheel,) = dists.glob("nlentry-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    folder = ROOT / "nlentry" / "server" / "migrations" / "pg"
    sql = sorted(p.relative_to(ROOT).as_posix() for p in folder.glob("*.sql"))
    assert sql and "nlentry/server/migrations/pg/0001_server_state.sql" in sql
    assert not [f for f in sql if f not in names], f"migrations missing from {wheel.name}"
