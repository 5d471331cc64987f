"""Every user-facing text comes from the locale's messages: walk every command in Dutch and in English,
record each message key asked for, and fail on one missing from either locale's messages.toml."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_support import ROOT, Home

from nlentry.locales import read_toml
from nlentry.messages import Messages

NOW = "2026-11-24T15:00:00+01:00"  # a Tuesday
LANGUAGES = ("nl", "en")


def keys(code: str, file: str = "messages.toml") -> set[str]:
    data = read_toml(ROOT / "grammars" / code / file)
    return {f"{section}.{k}" for section, table in data.items() if isinstance(table, dict) for k in table} \
        | {k for k, v in data.items() if not isinstance(v, dict)}


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Iterator[set[str]]:
    """The message keys asked for while the test runs."""
    seen: set[str] = set()
    original = Messages.__call__

    def recording(self: Messages, name: str, /, **values: object) -> str:
        seen.add(name)
        return original(self, name, **values)

    monkeypatch.setattr(Messages, "__call__", recording)
    yield seen


#: each command a person runs, with the ways it ends (ok, refused, nothing there, wrong input)
WALK: tuple[tuple[str, ...], ...] = (
    ("add", "2 uur overleg aan Webshop"), ("add", "2 uur aan webshp"), ("add", "overleg aan Webshop"),
    ("add", "--dry-run", "1 uur aan Timi"), ("add", "2 uur voor Gemeente Zeist"), ("add",),
    ("add", "maandag en dinsdag 4 uur aan Webshop", "--yes"), ("add", "--json", "1 uur aan Timi"),
    ("status",), ("stop",), ("start", "overleg aan Webshop"), ("start", "aan Timi"), ("status",),
    ("stop", "--cancel"), ("start", "aan Timi"), ("stop",), ("start", "om 23 uur aan Timi"),
    ("amend", "1 uur"), ("amend",), ("amend", "project Webshop", "--key", "zzzz"),
    ("ls",), ("ls", "--week"), ("ls", "gisteren"), ("ls", "2 uur"), ("ls", "gisteren", "--from", "maandag"),
    ("ls", "--from", "vrijdag", "--to", "maandag"), ("ls", "--keys"), ("log",), ("continue",), ("stop",),
    ("continue", "99"), ("ls", "--week", "--project", "webshp", "--person", "Rowan"),
    ("report",), ("report", "--by", "client"), ("report", "--format", "csv"), ("report", "--json"),
    ("report", "--last-month"), ("explain", "2 uur aan Webshop"), ("export", "--format", "ical"),
    ("undo",), ("undo", "zzzzzzzz"), ("undo",), ("undo",), ("undo",), ("undo",), ("undo",),
    ("sync",), ("sync", "--json"), ("flush",), ("flush", "--json"), ("outbox",), ("providers",),
    ("alias", "add", "Timi", "Webshop"), ("alias", "add", "wbs", "Webshop"), ("alias", "ls"),
    ("alias", "add", "wbs", "Timi"), ("alias", "rm", "wbs"), ("alias", "ls"),
    ("projects",), ("services",), ("people",), ("parse", "2 uur aan webshp"),
    ("parse", "2 uur aan Timi en Webshop"),
)
NO_NOW = frozenset({"sync", "flush", "outbox", "providers", "alias", "projects", "services", "people",
                    "undo"})


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_command_speaks_from_the_messages(
        language: str, local_home: Home, capsys: pytest.CaptureFixture[str], asked: set[str]) -> None:
    (local_home.path / "config.toml").write_text(
        f'default_provider = "local"\nlanguage = "{language}"\nround_to = 15\n[targets]\nweek = 36\n',
        encoding="utf-8")
    for argv in WALK:
        extra = () if argv[0] in NO_NOW else ("--now", NOW)
        status, out, err = local_home.cli(capsys, *argv, *extra)
        assert status in (0, 1, 2, 3), (argv, err)
        assert "internal error" not in err and "Traceback" not in err, (argv, err)
    missing = {code: sorted(asked - keys(code)) for code in LANGUAGES}
    assert missing == {code: [] for code in LANGUAGES}
    assert len(asked) >= 45  # the walk reaches the commands' texts


@pytest.mark.parametrize("file", ["messages.toml", "server.toml"])
def test_both_locales_have_the_same_keys(file: str) -> None:
    en, nl = keys("en", file), keys("nl", file)
    assert sorted(en - nl) == [] and sorted(nl - en) == []


def test_a_dutch_user_gets_no_english_from_the_entry_commands(
        local_home: Home, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    config = local_home.path / "config.toml"
    config.write_text('default_provider = "local"\nlanguage = "nl"\n', encoding="utf-8")
    said = []
    for argv in (("ls", "2 uur"), ("ls", "--from", "vrijdag", "--to", "maandag"), ("amend",), ("undo",),
                 ("status",), ("report",), ("ls",), ("sync",)):
        said.append(local_home.cli(capsys, *argv, *(() if argv[0] in NO_NOW else ("--now", NOW))))
    text = "".join(out + err for _, out, err in said)
    for english in ("no day in", "is before", "give what", "nothing to", "no timer", "no entries", "synced"):
        assert english not in text, english


# --- why a phrase was refused, and the doubts of a reading: each has its message in every locale -----

def _error_keys() -> set[str]:
    """The message keys the errors of nlentry name where they are raised (`"err_..."` in the source)."""
    import re

    found: set[str] = set()
    for path in (ROOT / "nlentry").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        found |= set(re.findall(r'(?:Error|Refused)\((?:[^"]|"[^"]*")*?"(err_\w+)"', source))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_error_key_and_every_doubt_code_has_a_message(language: str) -> None:
    from nlentry.reading import CONVENTIONS, HOW, WEIGHTS

    errors = _error_keys()
    assert {"err_empty", "err_too_long", "err_out_of_range", "err_over_24", "err_no_length"} <= errors
    wanted = errors | {f"doubt_{code}" for code in WEIGHTS} | {f"how_{how}" for how in HOW} \
        | {f"convention_{name}" for name in CONVENTIONS}
    assert sorted(wanted - keys(language)) == []


def test_every_doubts_warning_is_shown_in_dutch() -> None:
    """The English text of each doubt's warning (as `Entry.warnings` holds it) is recognised by its code
    and said in Dutch with the same values."""
    from nlentry.messages import messages_for
    from nlentry.reading import WEIGHTS
    from nlentry.render import DOUBT_TEXTS, warning_text

    en, nl = messages_for("en"), messages_for("nl")
    values = {"typed": "webshp", "name": "Webshop", "field": "project", "other": "a date", "others": "Timi",
              "day": "Mon 07 Dec 2026", "why": en("value_time_word")}
    assert set(DOUBT_TEXTS) - {"past_midnight"} <= set(WEIGHTS)
    for code in DOUBT_TEXTS:
        if code == "past_midnight":
            continue
        other = ("a date", nl("value_a_date")) if code == "lone_reading" else ("service", nl("service"))
        english = en(f"doubt_{code}", **{**values, "other": other[0]})
        dutch = warning_text(english, nl)
        said = {**values, "other": other[1], "why": nl("value_time_word"), "day": "ma 07-12-2026"}
        assert dutch == nl(f"doubt_{code}", **said), code
        assert dutch != english, code


def test_a_refused_phrase_is_explained_in_the_users_language(
        local_home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    config = local_home.path / "config.toml"
    config.write_text('default_provider = "local"\nlanguage = "nl"\n', encoding="utf-8")
    status, _, err = local_home.cli(capsys, "add", "--yes", "30", "uur", "overleg", "--now", NOW)
    assert status == 2 and err == "nlentry: een boeking van 30 uur is langer dan 24 uur\n"
    status, _, err = local_home.cli(capsys, "add", "--yes", "31-12-9999 23:00 2 uur", "--now", NOW)
    assert status == 2 and err == "nlentry: een datum of duur in de tekst valt buiten het bereik\n"
    status, _, err = local_home.cli(capsys, "parse", "--now", NOW)
    assert status == 1 and err.startswith("nlentry: geef de zin om te lezen")
    config.write_text('default_provider = "local"\nlanguage = "en"\n', encoding="utf-8")
    status, _, err = local_home.cli(capsys, "add", "--yes", "31-12-9999 23:00 2 uur", "--now", NOW)
    assert status == 2 and err == "nlentry: a date or duration in the text is out of range\n"


#: phrases whose reading doubts, each with a warning (read against the corpus catalog, on Tuesday 24 Nov)
DOUBTING = ("2 uur 3 uur overleg", "van 4 tot 2 overleg", "3:30", "14 uur overleg", "2 uur met piet",
            "2 uur aan webshp", "1 uur aan Gemeente Zeist Webshop", "2 uur de 2e versie",
            "2 uur aan Timi en Webshop", "9-12 en 13-17 overleg", "maandag dinsdag 2 uur", "om 9 om 10 2 uur",
            "2 uur met Piet", "31-02 2 uur", "2 uur met Acmee", "2 uur Dashboard Timi", "2 uur 1-1-30",
            "2 uur aan intranet")


def test_the_parsers_own_warnings_are_said_by_their_code() -> None:
    """Each warning the parser writes is known by its doubt code (`doubt_<code>` in Dutch), so a change
    of its English text cannot slip by as English in a Dutch reply."""
    from datetime import datetime

    from nlentry import parse
    from nlentry.messages import messages_for
    from nlentry.model import Catalog
    from nlentry.render import DOUBT_TEXTS, warning_text

    nl = messages_for("nl")
    catalog = Catalog.load(ROOT / "corpus" / "catalog.json")
    now = datetime.fromisoformat(NOW)
    codes = set()
    for phrase in DOUBTING:
        for fact in parse(phrase, catalog=catalog, now=now, trace=True).trace:
            if fact[0] == "doubt" and fact[2] is not None:
                codes.add(fact[1])
                dutch = warning_text(fact[2], nl)
                assert dutch != fact[2], (phrase, fact)
                template = nl(f"doubt_{fact[1]}").split("{")[0]
                assert dutch.startswith(template), (phrase, fact, dutch)
    same_text = {"end_before_start_at", "prefix_name", "weak_name", "preferred", "lowercase_person"}
    assert len(codes) >= 19 and codes <= set(DOUBT_TEXTS) | same_text


def test_the_quick_entry_preview_says_why_in_the_users_language(local_home: Home) -> None:
    import argparse

    from nlentry.cli.entries import Context
    from nlentry.cli.interactive import QuickEntry

    config = local_home.path / "config.toml"
    config.write_text('default_provider = "local"\nlanguage = "nl"\n', encoding="utf-8")
    ctx = Context(argparse.Namespace(command=None), local_home.env, out=io.StringIO(), err=io.StringIO())
    try:
        assert QuickEntry(ctx).preview_text("30 uur overleg") == \
            "nog geen boeking: een boeking van 30 uur is langer dan 24 uur"
        assert QuickEntry(ctx).preview_text("31-12-9999 23:00 2 uur") == \
            "nog geen boeking: een datum of duur in de tekst valt buiten het bereik"
    finally:
        ctx.close()
