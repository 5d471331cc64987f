"""The command line builds the parser of the command it names alone, and reads every line as the whole
parser does: the same namespace, the same help, the same errors (`nlentry.cli.args.parse_args`)."""

from __future__ import annotations

import argparse
import contextlib
import io

import pytest

from nlentry.cli.args import (
    HelpFormatter,
    RawDescriptionHelpFormatter,
    UsageError,
    _subcommands,
    build_parser,
    parse_args,
    read_line,
    terminal_columns,
)


def _outcome(parse: object, argv: list[str]) -> tuple[str, object]:
    """What parsing `argv` gives: its namespace, its usage error, or what it printed and its exit."""
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            return "args", vars(parse(argv))  # type: ignore[operator]
    except UsageError as exc:
        return "error", str(exc)
    except SystemExit as exc:  # --help, --version
        return f"exit {exc.code}", out.getvalue()


def _whole(argv: list[str]) -> argparse.Namespace:
    """`parse_args` as it was: the whole parser, every time."""
    return read_line(build_parser(), argv)


COMMANDS = sorted(_subcommands(build_parser()).choices)

LINES = [
    ["add", "2,5", "uur", "--now", "2026-11-18T14:30:00+01:00", "met", "Rowan"],
    ["add", "--dry-run", "-y", "1", "uur"],
    ["add", "--yes", "--confirm", "1", "uur"],
    ["parse", "2", "uur", "--json", "--locale", "nl"],
    ["parse", "--catalog", "x.json", "--no-catalog", "2", "uur"],
    ["log", "gisteren", "--week"],
    ["restart", "2"],
    ["continue", "x"],
    ["report", "--by", "nothing"],
    ["catalog", "import"],
    ["catalog", "import", "c.json", "--provider", "local"],
    ["catalog", "bogus"],
    ["alias", "add", "webshp", "Webshop", "--kind", "project"],
    ["users", "link", "alice", "--slack", "T:U", "--telegram", "1"],
    ["db"],
    ["db", "upgrade", "extra"],
    ["apikey", "create", "alice", "--name", "laptop"],
    ["completion", "--names", "Web"],
    ["addd", "1", "uur"],
    ["Add"],
    ["--version"],
    ["--help"],
    ["-h", "add"],
    ["--bogus", "add"],
    [],
]


@pytest.mark.parametrize("argv", [*LINES, *([c, "--help"] for c in COMMANDS), *([c] for c in COMMANDS),
                                  *([c, "--bogus"] for c in COMMANDS)], ids=" ".join)
def test_a_line_reads_as_with_the_whole_parser(argv: list[str]) -> None:
    assert _outcome(parse_args, argv) == _outcome(_whole, argv)


def test_a_command_line_builds_its_own_parser_alone() -> None:
    assert len(COMMANDS) > 30
    assert list(_subcommands(build_parser("add")).choices) == ["add"]
    assert list(_subcommands(build_parser("log")).choices) == ["ls", "log"]
    assert list(_subcommands(build_parser("nonsense")).choices) == []
    assert sorted(_subcommands(build_parser()).choices) == COMMANDS


@pytest.mark.parametrize("columns", [None, "50", "132", "0", "-3", "wide"])
def test_help_is_as_wide_as_argparse_makes_it(columns: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The parser asks for the terminal's width without shutil (`terminal_columns`); every help text
    comes out as argparse's own formatter (which asks shutil) makes it."""
    import shutil

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert terminal_columns() == shutil.get_terminal_size().columns
    whole = build_parser()
    parsers = list({id(p): p for p in [whole, *_subcommands(whole).choices.values()]}.values())  # aliases
    ours = [p.format_help() for p in parsers]
    stock = {HelpFormatter: argparse.HelpFormatter,
             RawDescriptionHelpFormatter: argparse.RawDescriptionHelpFormatter}
    for p in parsers:
        p.formatter_class = stock[p.formatter_class]
    assert ours == [p.format_help() for p in parsers]
