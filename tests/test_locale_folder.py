"""A locale is one folder: a throwaway locale `xx` (tests/locale_xx/xx/: a small grammar of German words,
its locale.toml and one message), put on NLENTRY_GRAMMARS, is discovered, parses phrases (one entry and
several), answers in its own words on the command line, and is accepted by the JSON API. No Python
names it anywhere."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import nlentry
from nlentry import locales
from nlentry.cli import main

HERE = Path(__file__).resolve().parent
NOW = datetime(2026, 11, 24, 15, 0, tzinfo=timezone(timedelta(hours=1)))  # a Tuesday


def _forget_locales() -> None:
    """Drop what this process remembers about the locale folders (they are read once per process)."""
    from nlentry import fallback
    from nlentry.server import replies

    for remembered in (locales.search_path, locales.available, locales.get, locales._vocabulary,
                       locales._owners, locales.fingerprint, fallback._month_words,
                       replies.locales, replies.texts_for):
        remembered.cache_clear()
    locales._VOTES.clear()


@pytest.fixture
def extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder holding the throwaway locale `xx/`, on NLENTRY_GRAMMARS for this test only."""
    root = tmp_path / "more-grammars"
    shutil.copytree(HERE / "locale_xx", root)
    monkeypatch.setenv("NLENTRY_GRAMMARS", str(root))
    monkeypatch.setenv("NLENTRY_CACHE_DIR", str(tmp_path / "cache"))
    _forget_locales()
    yield root
    monkeypatch.undo()
    _forget_locales()


def test_the_folder_is_a_locale_that_parses(extra: Path) -> None:
    assert "xx" in locales.available() and {"nl", "en"} <= set(locales.available())
    assert locales.folder("xx") == str(extra / "xx")
    entry = nlentry.parse("gestern zwei stunden besprechung", now=NOW)  # detected by its words
    assert (entry.locale, entry.date, entry.duration) == ("xx", NOW.date() - timedelta(days=1), 7200)
    assert entry.description == "besprechung"
    ranged = nlentry.parse("von 9 bis 11 planung", now=NOW, locale="xx")
    assert (f"{ranged.start:%H:%M}", f"{ranged.end:%H:%M}", ranged.duration) == ("09:00", "11:00", 7200)
    days = nlentry.parse_all("montag und dienstag 3 stunden planung", now=NOW)
    tuesday = NOW.date() - timedelta(days=(NOW.weekday() - 1) % 7)
    assert [(e.locale, e.date, e.duration) for e in days] == [
        ("xx", tuesday - timedelta(days=1), 10800), ("xx", tuesday, 10800)]


def test_without_the_path_there_is_no_such_locale(extra: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NLENTRY_GRAMMARS")
    _forget_locales()
    assert "xx" not in locales.available()
    with pytest.raises(nlentry.LocaleError, match="available: en, nl"):
        nlentry.parse("gestern zwei stunden", locale="xx")


@pytest.mark.slow
def test_the_command_line_speaks_it(extra: Path, tmp_path: Path) -> None:
    env = {**os.environ, "NLENTRY_HOME": str(tmp_path / "home"), "LANG": "C"}

    def nlentry_cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "nlentry", *args, "--now", NOW.isoformat()], env=env,
                              capture_output=True, text=True, timeout=120, check=False)

    parsed = nlentry_cli("parse", "--json", "--locale", "xx", "gestern zwei stunden besprechung")
    assert parsed.returncode == 0, parsed.stderr
    assert json.loads(parsed.stdout)["locale"] == "xx"
    added = nlentry_cli("add", "gestern", "zwei", "stunden", "besprechung")
    assert added.returncode == 0, added.stderr
    assert "gespeichert in local" in added.stdout  # its own messages.toml; the rest falls back to English


def test_the_api_accepts_it(extra: Path, tmp_path: Path) -> None:
    import httpx

    from nlentry.server.app import create_app
    from nlentry.server.settings import Settings

    home = tmp_path / "server"
    assert main(["users", "add", "erik", "--locale", "yy"], env={"NLENTRY_HOME": str(home)}) == 1
    assert main(["users", "add", "dora", "--locale", "xx"], env={"NLENTRY_HOME": str(home)}) == 0
    app = create_app(Settings.load({"NLENTRY_HOME": str(home)}), now=lambda: NOW, worker=False)
    key, _ = app.state.nlentry.keys.create("dora")
    auth = {"Authorization": f"Bearer {key}"}

    async def talk() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            answers = [
                await client.post("/v1/parse", headers=auth,
                                  json={"text": "2 stunden planung", "locale": "xx"}),
                await client.post("/v1/entries", headers=auth,
                                  json={"text": "gestern zwei stunden besprechung", "locale": "xx"}),
                await client.post("/v1/entries", headers=auth, json={"text": "2 stunden", "locale": "yy"}),
            ]
        await app.state.nlentry.aclose()
        return answers

    parsed, saved, unknown = asyncio.run(talk())
    assert parsed.status_code == 200 and parsed.json()["locale"] == "xx" and parsed.json()["duration"] == 7200
    assert saved.status_code == 201, saved.text
    assert saved.json()["entry"]["locale"] == "xx" and saved.json()["entry"]["date"] == "2026-11-23"
    assert unknown.status_code == 422 and "xx" in unknown.json()["message"]


def test_the_detection_table_follows_the_locale_files(extra: Path) -> None:
    """Which words mark which language is kept in the cache under a checksum of every locale's files: the
    cached table is the one built from the locales, and a word added to a locale is seen by the next
    process (here: after forgetting), never an old table."""
    before = locales._owners()
    assert before == locales._build_owners()
    assert before["zwei"] == ("xx",) and "fünf" not in before
    _forget_locales()
    assert locales._owners() == before  # read back from the cache
    toml = extra / "xx" / "locale.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("drei = 3\n", "drei = 3\n\"fünf\" = 5\n"),
                    encoding="utf-8")
    _forget_locales()
    after = locales._owners()
    assert after["fünf"] == ("xx",)
    assert after == locales._build_owners()
    assert nlentry.parse("fünf stunden besprechung", now=NOW).locale == "xx"


def test_a_locale_and_its_month_words_follow_the_locale_files(extra: Path) -> None:
    """A locale (its grammar text and tables) and its month words (`nlentry.fallback`) are kept in the
    cache under the checksum of every locale's files: read back in a new process (here: after forgetting)
    as read from the folder, and a word added to a locale's grammar or `locale.toml` is seen by the next."""
    from nlentry import api, fallback

    for code in locales.available():
        read = locales.Locale(*locales._read_locale(code))
        assert locales.get(code) == read and repr(locales.get(code)) == repr(read)  # tuples stay tuples
        assert fallback._month_words(code) == fallback._read_month_words(code)
        assert api._cues(code).articles == api._articles(code)
    assert api._articles("xx") == {"ein", "eine"} and api._articles("nl") == {"een"}
    before = locales.get("xx")
    assert "januar" in fallback._month_words("xx") and before.numbers["drei"] == 3
    _forget_locales()
    assert locales.get("xx") == before and repr(locales.get("xx")) == repr(before)  # read back from the cache
    lark = extra / "xx" / "xx.lark"
    lark.write_text(lark.read_text(encoding="utf-8").replace('_jan: "januar"', '_jan: "januar" | "jänner"'),
                    encoding="utf-8")
    toml = extra / "xx" / "locale.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("drei = 3\n", "drei = 3\n\"fünf\" = 5\n"),
                    encoding="utf-8")
    _forget_locales()
    assert "jänner" in fallback._month_words("xx") and "jänner" in locales.get("xx").grammar
    assert locales.get("xx").numbers["fünf"] == 5
    assert locales.get("xx") == locales.Locale(*locales._read_locale("xx"))


def test_the_tables_follow_a_grammar_file_written_with_an_old_time(extra: Path) -> None:
    """The caches are checked by the sources' size and modification time (`locales.stamp`): a changed
    grammar file is seen even when its time is set back (as an unpacked archive sets it), and a file
    modified just now is checked by its content as well (a rewrite within the clock's tick)."""
    from nlentry import grammar

    lark = extra / "xx" / "xx.lark"
    old = lark.stat().st_mtime_ns - 10**10
    os.utime(lark, ns=(old, old))
    before = grammar._fingerprint("xx")
    assert grammar._fingerprint("xx") == before  # nothing changed: the same key
    lark.write_text(lark.read_text(encoding="utf-8") + "\n// a comment\n", encoding="utf-8")
    os.utime(lark, ns=(old, old))
    assert grammar._fingerprint("xx") != before  # another size
    text = lark.read_text(encoding="utf-8")
    now = time.time_ns()
    os.utime(lark, ns=(now, now))
    recent = grammar._fingerprint("xx")
    lark.write_text(text.replace("// a comment", "// A comment"), encoding="utf-8")
    os.utime(lark, ns=(now, now))
    assert grammar._fingerprint("xx") != recent  # the same size and time, but recent: read


def test_the_time_words_follow_the_locale_files(extra: Path) -> None:
    """The time words of every locale (`nlentry.unread`) are cached under the checksum of every locale's
    files: read back in a new process (here: after forgetting) as built, and a word added to a locale's
    grammar is seen by the next process."""
    from nlentry import unread

    unread._vocabulary.cache_clear()
    unread.time_words.cache_clear()
    before = unread._vocabulary("nl")
    assert before == unread._build_vocabulary("nl")
    assert "vorgestern" in before[1] and "mondtag" not in before[1]
    _forget_locales()
    unread._vocabulary.cache_clear()
    unread.time_words.cache_clear()
    assert unread._vocabulary("nl") == before  # read back from the cache
    lark = extra / "xx" / "xx.lark"
    lark.write_text(lark.read_text(encoding="utf-8").replace('_mon: "montag"', '_mon: "montag" | "mondtag"'),
                    encoding="utf-8")
    _forget_locales()
    unread._vocabulary.cache_clear()
    unread.time_words.cache_clear()
    after = unread._vocabulary("nl")
    assert "mondtag" in after[1]
    assert after == unread._build_vocabulary("nl")
    unread._vocabulary.cache_clear()
    unread.time_words.cache_clear()


def test_a_cached_value_of_another_layout_is_made_and_cached_again(extra: Path, tmp_path: Path) -> None:
    """`locales.derived` reads a cached value back only when it is of the kind asked and its `fits` takes
    it; a cache file of another layout under the same key (a tuple of another length) is made again and
    overwritten, for a locale's fields and for the time words of `nlentry.unread` alike."""
    import marshal

    from nlentry import unread

    made: list[int] = []

    def make() -> tuple[str, ...]:
        made.append(1)
        return ("a", "b", "c")

    def three(found: tuple[str, ...]) -> bool:
        return len(found) == 3

    assert locales.derived("probe", make, __file__, tuple, three) == ("a", "b", "c")
    assert locales.derived("probe", make, __file__, tuple, three) == ("a", "b", "c")
    assert len(made) == 1  # read back
    cache = tmp_path / "cache"
    [probe] = cache.glob("probe-*.data")
    probe.write_bytes(marshal.dumps(("a", "b")))
    assert locales.derived("probe", make, __file__, tuple, three) == ("a", "b", "c")
    assert len(made) == 2 and marshal.loads(probe.read_bytes()) == ("a", "b", "c")  # made and cached again

    fields = locales.get("xx")._values()
    unread._vocabulary.cache_clear()
    vocabulary = unread._vocabulary("xx")
    [cached_fields] = cache.glob("locale-xx-*.data")
    [cached_words] = cache.glob("unread-xx-*.data")
    cached_fields.write_bytes(marshal.dumps(fields[:-1]))
    cached_words.write_bytes(marshal.dumps(vocabulary[:2]))
    _forget_locales()
    unread._vocabulary.cache_clear()
    assert locales.get("xx")._values() == fields and unread._vocabulary("xx") == vocabulary
    assert marshal.loads(cached_fields.read_bytes()) == fields
    assert marshal.loads(cached_words.read_bytes()) == vocabulary
    unread._vocabulary.cache_clear()


def test_the_cache_keeps_a_few_versions_of_a_locale_s_tables(extra: Path, tmp_path: Path) -> None:
    """Each change of a grammar writes its tables under a new checksum; the older ones are removed, all
    but the newest `KEEP_VERSIONS`, and nothing else in the cache goes (other locales, other things)."""
    from nlentry import grammar

    cache = tmp_path / "cache"
    lark = extra / "xx" / "xx.lark"
    nlentry.parse("2 Stunden", now=NOW, locale="xx")
    others = sorted(p.name for p in cache.iterdir() if not p.name.startswith("xx-"))
    written = []
    for n in range(locales.KEEP_VERSIONS + 3):
        lark.write_text(lark.read_text(encoding="utf-8") + f"\n// change {n}\n", encoding="utf-8")
        grammar.load.cache_clear()
        grammar._lexer.cache_clear()
        nlentry.parse("2 Stunden", now=NOW, locale="xx")
        written.append(f"xx-{grammar._fingerprint('xx')}.tables")
    kept = sorted(p.name for p in cache.glob("xx-*.tables"))
    assert kept == sorted(written[-locales.KEEP_VERSIONS:])
    assert sorted(p.name for p in cache.iterdir() if not p.name.startswith("xx-")) == others
    assert nlentry.parse("2 Stunden", now=NOW, locale="xx").duration == 7200
