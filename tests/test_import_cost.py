"""`import nlentry` does no work: the grammar (lark), dateparser, httpx and sqlite3 load on first use; a
command loads what it uses and no more.

Run in a fresh interpreter, because this test session may have imported them already.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

HEAVY = ("lark", "dateparser", "httpx", "sqlite3")
#: what none of the imports below may load either: dataclasses (with inspect, ast, dis and tokenize),
#: typing (nlentry._typing stands in for it at run time), shutil (with the archive modules) and
#: platformdirs; `import nlentry` not even the model
NOT_ON_IMPORT = {
    "nlentry": (*HEAVY, "dataclasses", "inspect", "typing", "shutil", "platformdirs", "argparse",
                "nlentry.model", "pathlib", "datetime"),
    "nlentry.cli": (*HEAVY, "dataclasses", "inspect", "typing", "shutil", "platformdirs", "nlentry.model"),
    "nlentry.api": (*HEAVY, "dataclasses", "inspect", "typing", "shutil", "platformdirs"),
    "nlentry.accuracy": HEAVY,
}

CHECK = """
import importlib, json, sys
importlib.import_module({module!r})
print(json.dumps(sorted(m for m in sys.modules if m in {heavy!r} or m.split(".")[0] in {heavy!r})))
"""


@pytest.mark.parametrize("module", list(NOT_ON_IMPORT))
def test_import_is_cheap(module: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHECK.format(module=module, heavy=NOT_ON_IMPORT[module])],
        capture_output=True, text=True, timeout=60, check=True,
    )
    assert json.loads(done.stdout) == [], f"import {module} loaded {done.stdout.strip()}"


def test_help_does_not_load_the_parser() -> None:
    code = (
        "import sys, json\n"
        "from nlentry.cli import main\n"
        "status = main(['--help'], env={})\n"
        f"print(json.dumps([status, sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}\n"
        "    or m in ('nlentry.api', 'nlentry.model', 'shutil', 'dataclasses'))]), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          check=True)
    assert json.loads(done.stderr.splitlines()[-1]) == [0, []]


#: what issue 12 added beside `add` (the chart, export, edit, targets, filters, progress lines, JSON
#: Schema) and the libraries they use: none of it may load on the cold path of `add`
NOT_ON_ADD = ("matplotlib", "rich", "plotext", "jsonschema", "csv", "xml", "subprocess", "shlex",
              "nlentry.cli.chart", "nlentry.cli.export", "nlentry.cli.edit", "nlentry.cli.targets",
              "nlentry.cli.filters", "nlentry.cli.progress", "nlentry.cli.render",
              # argparse's formatter asks shutil for the terminal's width; the command line asks itself
              "shutil", "bz2", "lzma")

ADD = """
import json, sys
from nlentry.cli import main
status = main(["add", "--dry-run", "--now", "2026-11-24T15:00:00+01:00", "2 uur overleg aan Webshop"])
print(json.dumps([status, sorted(sys.modules)]), file=sys.stderr)
"""


def test_add_loads_nothing_new(tmp_path: Path) -> None:
    catalog = Path(__file__).resolve().parent.parent / "corpus" / "catalog.json"
    env = {**os.environ, "NLENTRY_HOME": str(tmp_path / "home"), "LANG": "C"}
    subprocess.run([sys.executable, "-m", "nlentry", "catalog", "import", str(catalog)],
                   env=env, capture_output=True, check=True, timeout=60)
    for _ in range(2):  # the first run may build the grammar cache
        done = subprocess.run([sys.executable, "-c", ADD], env=env, capture_output=True, text=True,
                              timeout=60, check=True)
    status, modules = json.loads(done.stderr.splitlines()[-1])
    assert status == 0
    loaded = sorted(m for m in modules if m in NOT_ON_ADD or m.split(".")[0] in NOT_ON_ADD)
    assert loaded == []
    assert {"nlentry.messages", "nlentry.render"} <= set(modules)  # the one shared loader and renderer


PARSE = """
import json, sys
from nlentry.cli import main
status = main(["parse", "2 uur overleg", "--json", "--now", "2026-11-24T15:00:00+01:00"])
print(json.dumps([status, sorted(sys.modules)]), file=sys.stderr)
"""

#: what a parse before any sync or catalog import does without: the store, the providers, sqlite3 and
#: the dataclass machinery they bring, threading, shutil; typing (its names are for the type checker:
#: nlentry._typing), contextlib (the catalog index's cache imports it only to write); platformdirs
#: on Linux; pathlib with what it imports (urllib.parse, ipaddress): paths are strings on this path; and
#: argparse with gettext and locale: the line is read by nlentry.cli.command_line
NOT_ON_PARSE = ("sqlite3", "dataclasses", "inspect", "threading", "shutil", "platformdirs", "nlentry.booking",
                "nlentry.providers", "typing", "contextlib", "pathlib", "urllib", "ipaddress", "argparse",
                "gettext", "locale", "nlentry.cli.args")


@pytest.mark.parametrize("where", ["NLENTRY_HOME", "HOME"])
def test_a_parse_before_any_database_loads_no_store(where: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NLENTRY_", "XDG_"))}
    env.update({where: str(tmp_path / "home"), "NLENTRY_CACHE_DIR": str(tmp_path / "cache"), "LANG": "C"})
    for _ in range(2):  # the first run builds the grammar cache
        done = subprocess.run([sys.executable, "-c", PARSE], env=env, capture_output=True, text=True,
                              timeout=60, check=True)
    status, modules = json.loads(done.stderr.splitlines()[-1])
    assert status == 0
    assert sorted(m for m in modules if m in NOT_ON_PARSE or m.split(".")[0] in NOT_ON_PARSE) == []
    assert not (tmp_path / "home" / "nlentry.db").exists()


def test_a_parse_with_a_catalog_reads_the_snapshot_not_the_store(tmp_path: Path) -> None:
    """After `catalog import` (the README's first command) a parse reads the store's snapshot of the
    catalog: no sqlite3, no store, no dataclasses; and the catalog is used (the project is found)."""
    catalog = Path(__file__).resolve().parent.parent / "corpus" / "catalog.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NLENTRY_", "XDG_"))}
    env.update({"NLENTRY_HOME": str(tmp_path / "home"), "NLENTRY_CACHE_DIR": str(tmp_path / "cache"),
                "LANG": "C"})
    subprocess.run([sys.executable, "-m", "nlentry", "catalog", "import", str(catalog)],
                   env=env, capture_output=True, check=True, timeout=60)
    code = PARSE.replace("2 uur overleg", "2 uur overleg aan Webshop").replace(
        "print(json.dumps([status", "print(json.dumps([status, sys.stdout.getvalue()").replace(
        "from nlentry.cli import main", "import io\nsys.stdout = io.StringIO()\nfrom nlentry.cli import main")
    for _ in range(2):  # the first run builds the grammar cache
        done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                              timeout=60, check=True)
    status, out, modules = json.loads(done.stderr.splitlines()[-1])
    assert status == 0
    assert json.loads(out)["project"]["name"] == "Webshop"
    assert sorted(m for m in modules if m in NOT_ON_PARSE or m.split(".")[0] in NOT_ON_PARSE) == []


@pytest.mark.parametrize("xdg", [None, "", "relative/dir", "/tmp/somewhere-else"])
@pytest.mark.parametrize("home", ["/tmp/a-home", "/tmp/a-home/", "relative-home", None])
def test_the_config_and_data_dirs_are_platformdirs_own(xdg: str | None, home: str | None,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Without NLENTRY_HOME, `config.home` and `config.data_home` are platformdirs' answers (found
    without importing it on Linux)."""
    import platformdirs

    from nlentry import config

    for name, value in (("XDG_CONFIG_HOME", xdg), ("XDG_DATA_HOME", xdg), ("HOME", home)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert config.home({}) == Path(platformdirs.user_config_dir("nlentry", appauthor=False))
    assert config.data_home({}) == Path(platformdirs.user_data_dir("nlentry", appauthor=False))
    # and as the strings a cold command reads them by (no pathlib)
    assert config.home_dir({}) == platformdirs.user_config_dir("nlentry", appauthor=False)
    assert config.data_dir({}) == platformdirs.user_data_dir("nlentry", appauthor=False)


#: what `add --dry-run` with a catalog does without: the store (sqlite3 and the SQL around it), the sync and
#: the outbox, the providers' base and the dataclass machinery they bring (inspect with ast, dis, tokenize),
#: threading, pkgutil (which imports inspect) and typing; the journal reads the catalog's snapshot instead;
#: pathlib, urllib.parse, ipaddress, argparse, gettext and locale, as for a parse; and json (it prints none)
NOT_ON_DRY_RUN = ("sqlite3", "_sqlite3", "dataclasses", "inspect", "ast", "dis", "threading", "pkgutil",
                  "typing", "nlentry.booking.store", "nlentry.booking.sql", "nlentry.booking.storage",
                  "nlentry.booking.sync", "nlentry.booking.outbox", "nlentry.providers.base",
                  "nlentry.providers.local", "pathlib", "urllib.parse", "ipaddress", "argparse", "gettext",
                  "locale", "nlentry.cli.args", "json")

DRY_RUN = """
import io, sys
sys.stdout = io.StringIO()
from nlentry.cli import main
status = main(["add", "--dry-run", "--now", "2026-11-24T15:00:00+01:00", "2 uur overleg aan Webshop"])
modules = sorted(sys.modules)
import json
print(json.dumps([status, sys.stdout.getvalue(), modules]), file=sys.stderr)
"""


def _home_with_catalog(tmp_path: Path) -> dict[str, str]:
    catalog = Path(__file__).resolve().parent.parent / "corpus" / "catalog.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NLENTRY_", "XDG_"))}
    env.update({"NLENTRY_HOME": str(tmp_path / "home"), "NLENTRY_CACHE_DIR": str(tmp_path / "cache"),
                "NLENTRY_PROVIDER": "local", "LANG": "C"})
    subprocess.run([sys.executable, "-m", "nlentry", "catalog", "import", str(catalog)],
                   env=env, capture_output=True, check=True, timeout=60)
    return env


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_dry_run_with_a_catalog_opens_no_store(tmp_path: Path) -> None:
    """`add --dry-run` reads the catalog from the store's snapshot: the database is not opened (nothing
    of the store, sqlite3, the providers or dataclasses is imported) and not touched, and the catalog is
    used (the project is found)."""
    env = _home_with_catalog(tmp_path)
    home = tmp_path / "home"
    subprocess.run([sys.executable, "-c", DRY_RUN], env=env, capture_output=True, check=True, timeout=60)
    before = _files(home)  # after one run: the catalog's index is cached by then
    done = subprocess.run([sys.executable, "-c", DRY_RUN], env=env, capture_output=True, text=True,
                          timeout=60, check=True)
    status, out, modules = json.loads(done.stderr.splitlines()[-1])
    assert status == 0
    assert "Webshop" in out
    assert sorted(m for m in modules if m in NOT_ON_DRY_RUN) == []
    assert _files(home) == before


def test_a_dry_run_without_the_snapshot_reads_the_database(tmp_path: Path) -> None:
    """A missing snapshot means: the store is opened and the catalog read from the database, as before."""
    env = _home_with_catalog(tmp_path)
    snapshot = tmp_path / "home" / "nlentry.db.catalogs"
    snapshot.unlink()
    done = subprocess.run([sys.executable, "-c", DRY_RUN], env=env, capture_output=True, text=True,
                          timeout=60, check=True)
    status, out, modules = json.loads(done.stderr.splitlines()[-1])
    assert status == 0
    assert "Webshop" in out
    assert "nlentry.booking.store" in modules
    assert snapshot.exists()  # written anew by the store, for the next reader


def test_the_command_line_names_the_stores_database_file() -> None:
    from nlentry.booking.journal import DB_FILE as JOURNAL_DB_FILE
    from nlentry.booking.store import DB_FILE
    from nlentry.cli import _DB_FILE

    assert _DB_FILE == DB_FILE == JOURNAL_DB_FILE


def test_the_journals_records_are_frozen_values() -> None:
    """`Rounding` and `Timer` are `Record`s (no dataclass machinery on import) that behave as the frozen
    dataclasses they were: keyword or positional fields, defaults, equality, hash, repr, frozen."""
    import dataclasses
    from datetime import datetime, timezone

    from nlentry.booking.journal import Rounding, Timer
    from nlentry.model import Entry

    assert Rounding() == Rounding(0, "up") == Rounding(minutes=0, how="up")
    assert Rounding(15, "nearest") != Rounding(15, "up")
    assert hash(Rounding(15)) == hash(Rounding(minutes=15))
    assert repr(Rounding(15, "nearest")) == "Rounding(minutes=15, how='nearest')"
    assert dataclasses.replace(Rounding(15), how="nearest") == Rounding(15, "nearest")
    with pytest.raises(dataclasses.FrozenInstanceError):
        Rounding().minutes = 5  # type: ignore[misc]
    started = datetime(2026, 11, 24, 9, tzinfo=timezone.utc)
    entry = Entry(text="x", locale="nl", date=started.date())
    timer = Timer("local", entry, started)
    assert timer == Timer(provider="local", entry=entry, started=started)
    assert timer.elapsed(datetime(2026, 11, 24, 10, tzinfo=timezone.utc)) == 3600


def test_the_run_time_named_tuple_is_typings() -> None:
    """`nlentry._typing.NamedTuple` makes the class `typing.NamedTuple` makes: the same fields, defaults,
    docstring, methods, and values that compare, show, replace and unpack alike."""
    import typing

    from nlentry._typing import NamedTuple

    def made(base: Any) -> Any:
        class Target(base):  # type: ignore[misc,valid-type]
            """One item a key points at."""

            field: str
            pos: int
            active: bool = True
            client_id: int | None = None

            def label(self) -> str:
                return f"{self.field}:{self.pos}"

        return Target

    ours, theirs = made(NamedTuple), made(typing.NamedTuple)
    assert ours.__mro__[1:] == theirs.__mro__[1:] == (tuple, object)
    for attribute in ("_fields", "_field_defaults", "__doc__", "__qualname__", "__module__"):
        assert getattr(ours, attribute) == getattr(theirs, attribute)
    assert set(ours.__annotations__) == set(theirs.__annotations__)
    one, other = ours("project", 3), theirs("project", 3)
    assert one == other and tuple(one) == ("project", 3, True, None) and repr(one) == repr(other)
    assert one.label() == "project:3" and one._replace(pos=4).pos == 4 and one._asdict() == other._asdict()
    assert ours._make(["client", 1, False, 7]) == ("client", 1, False, 7)
    with pytest.raises(TypeError):
        type("Bad", (NamedTuple,), {"__annotations__": {"a": "int", "b": "int"}, "a": 1, "__module__": "m"})
    with pytest.raises(AttributeError):
        type("Bad", (NamedTuple,), {"__annotations__": {"a": "int"}, "_replace": 1, "__module__": "m"})


def test_the_readings_type_hints_resolve() -> None:
    """`Reading` (what `parse(trace=True)` returns) is made without typing, and its hints still resolve."""
    import typing

    from nlentry.model import Entry
    from nlentry.reading import Reading

    hints = typing.get_type_hints(Reading)
    assert hints["entry"] is Entry and typing.get_origin(hints["trace"]) is list


OPENS = """
import json, sys
opened = []
sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == "open" else None)
from nlentry.cli import main
status = main(["parse", "2,5 uur met Rowan aan Timi gewerkt", "--json", "--now", "2026-11-24T15:00:00+01:00"])
print(json.dumps([status, opened]), file=sys.stderr)
"""


def test_a_warm_parse_reads_no_grammar_source(tmp_path: Path) -> None:
    """With the caches warm, a parse checks them against the grammar sources by the files' size and
    modification time: it opens no `grammar_build.py` (the module that builds the tables: an import of
    `nlentry.grammar` may read its own source when there is no bytecode), nothing of a locale it
    does not parse in (English, for a Dutch phrase: its time words are cached), and no grammar file or
    `locale.toml` of its own (the locale and its month words are cached); it reads the tables."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NLENTRY_", "XDG_"))}
    env.update({"NLENTRY_HOME": str(tmp_path / "home"), "NLENTRY_CACHE_DIR": str(tmp_path / "cache"),
                "LANG": "C"})
    for _ in range(2):  # the first run builds the caches
        done = subprocess.run([sys.executable, "-c", OPENS], env=env, capture_output=True, text=True,
                              timeout=60, check=True)
    status, opened = json.loads(done.stderr.splitlines()[-1])
    assert status == 0
    grammar_files = [p for p in opened if p.endswith(("grammar_build.py", ".lark", "locale.toml"))
                     or os.path.basename(os.path.dirname(p)) == "en"]
    assert grammar_files == []
    assert any(p.endswith(".tables") for p in opened)


COMPILED = """
import json, re, sys
compiled = []
compile = re._compiler.compile
re._compiler.compile = lambda pattern, flags=0: compiled.append(str(pattern)) or compile(pattern, flags)
from nlentry.cli import main
status = main(["parse", "2,5 uur met Rowan aan Timi gewerkt", "--json", "--now", "2026-11-24T15:00:00+01:00"])
print(json.dumps([status, compiled]), file=sys.stderr)
"""


def test_a_parse_of_a_printable_text_compiles_no_control_pattern(tmp_path: Path) -> None:
    """The pattern of control characters (slow to compile: its class spans most of the Basic
    Multilingual Plane) is compiled only for a text that is not printable."""
    from nlentry import api

    env = {**os.environ, "NLENTRY_HOME": str(tmp_path / "home"), "NLENTRY_CACHE_DIR": str(tmp_path / "cache")}
    for _ in range(2):  # the first run builds the caches
        done = subprocess.run([sys.executable, "-c", COMPILED], env=env, capture_output=True, text=True,
                              timeout=60, check=True)
    status, compiled = json.loads(done.stderr.splitlines()[-1])
    assert status == 0 and compiled  # the hook sees what is compiled
    assert r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]" not in compiled
    assert api._CONTROL == r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]"


COLLECTOR = """
import gc, io, json, sys
own, given = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None
sys.argv = ["nlentry", *json.loads(own)]
sys.stdout = io.StringIO()
from nlentry.cli import main
line = None if given is None else json.loads(given)
gc.collect()
running, collections = [True], []
gc.callbacks.append(lambda phase, info: running[0] and phase == "start" and collections.append(info))
status = main(line)
running[0] = False
print(json.dumps([status, len(collections), gc.get_freeze_count() > 0, gc.isenabled()]), file=sys.stderr)
"""


@pytest.mark.parametrize("line", [
    ["parse", "2,5 uur met Rowan aan Timi gewerkt", "--json", "--now", "2026-11-24T15:00:00+01:00"],
    ["add", "--dry-run", "--now", "2026-11-24T15:00:00+01:00", "2 uur overleg aan Webshop"],
], ids=lambda line: line[0])
def test_a_one_phrase_command_runs_without_the_cycle_collector(line: list[str], tmp_path: Path) -> None:
    """`parse` and `add` of one phrase run with the cycle collector paused (what they load lives as long
    as the process); run as the process's own command line, what is alive at the end is frozen, so the
    collection at exit skips it. Called with a command line of its own (a library, a test), `main` leaves
    the collector as it found it: on, nothing frozen."""
    env = _home_with_catalog(tmp_path)
    for _ in range(2):  # the first run builds the caches
        done = subprocess.run([sys.executable, "-c", COLLECTOR, json.dumps(line)], env=env,
                              capture_output=True, text=True, timeout=60, check=True)
    assert json.loads(done.stderr.splitlines()[-1]) == [0, 0, True, True]
    done = subprocess.run([sys.executable, "-c", COLLECTOR, "[]", json.dumps(line)], env=env,
                          capture_output=True, text=True, timeout=60, check=True)
    assert json.loads(done.stderr.splitlines()[-1]) == [0, 0, False, True]


def test_a_stream_of_phrases_keeps_the_cycle_collector(tmp_path: Path) -> None:
    """`parse --jsonl` may read any number of lines: the collector stays on, and nothing is frozen."""
    env = _home_with_catalog(tmp_path)
    lines = "sys.stdin = io.StringIO('{\"text\": \"2 uur\"}\\n' * 3000)"
    code = COLLECTOR.replace("sys.stdout = io.StringIO()", f"sys.stdout = io.StringIO()\n{lines}")
    done = subprocess.run([sys.executable, "-c", code, json.dumps(["parse", "--jsonl"])], env=env,
                          capture_output=True, text=True, timeout=120, check=True)
    status, during, frozen, enabled = json.loads(done.stderr.splitlines()[-1])
    assert (status, frozen, enabled) == (0, False, True) and during > 0
