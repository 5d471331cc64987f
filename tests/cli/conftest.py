"""Fixtures of the command-line tests: a private NLENTRY_HOME, `main` with captured streams, a terminal.

`home` is an empty NLENTRY_HOME; `local_home` has corpus/catalog.json imported into `local` (through
`nlentry catalog import`). `cli(*argv)` runs `main(argv, env=...)` against it and returns
(status, out, err). `terminal(args, env)` starts `python -m nlentry` in a real pseudo-terminal
(see `cli_support.Terminal`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest
from cli_support import CORPUS_CATALOG, Home, Terminal


@pytest.fixture(scope="session")
def grammar_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One compiled-grammar cache for the whole session (each test's own home stays empty)."""
    return tmp_path_factory.mktemp("nlentry-cache")


@pytest.fixture
def home(tmp_path: Path, grammar_cache: Path) -> Home:
    """An empty NLENTRY_HOME; replies in English (LANG=C), no provider from the outside environment,
    and the system keyring left alone (NLENTRY_KEYRING=0; the keyring tests set their own backend)."""
    path = tmp_path / "home"
    env = {"NLENTRY_HOME": str(path), "NLENTRY_CACHE_DIR": str(grammar_cache), "LANG": "C.UTF-8",
           "NLENTRY_KEYRING": "0"}
    return Home(path, env)


@pytest.fixture
def local_home(home: Home, capsys: pytest.CaptureFixture[str]) -> Home:
    """`home` with the example catalog imported into the embedded `local` provider."""
    status, _, err = home.cli(capsys, "catalog", "import", str(CORPUS_CATALOG))
    assert status == 0, err
    return home


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], local_home: Home) -> Callable[..., tuple[int, str, str]]:
    """`cli(*argv)`: run a command against `local_home`."""

    def run(*argv: str) -> tuple[int, str, str]:
        return local_home.cli(capsys, *argv)

    return run


@pytest.fixture
def terminal() -> Iterator[Callable[..., Terminal]]:
    """`terminal(args, env)`: a `Terminal`, ended after the test."""
    started: list[Terminal] = []

    def start(args: list[str], env: Mapping[str, str], **size: int) -> Terminal:
        term = Terminal(args, env, **size)
        started.append(term)
        return term

    yield start
    for term in started:
        term.close()
