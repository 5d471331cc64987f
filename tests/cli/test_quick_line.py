"""The lines of `parse` and `add` read without argparse (`nlentry.cli.command_line.read_quick`) read as
argparse reads them: the same `Arguments`, attribute for attribute and in the same order; every other
line goes to argparse, which says what is wrong with it."""

from __future__ import annotations

import argparse
import contextlib
import io
import random

import pytest

from nlentry.cli import args as argparse_line
from nlentry.cli.args import _subcommands, build_parser
from nlentry.cli.command_line import FLAG, QUICK, VALUE, Arguments, UsageError, parse_args, read_quick


def _outcome(parse: object, argv: list[str]) -> tuple[str, object]:
    """What reading `argv` gives: its attributes in order, its usage error, or what it printed and exit."""
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            read = parse(argv)  # type: ignore[operator]
    except UsageError as exc:
        return "error", str(exc)
    except SystemExit as exc:  # --help
        return f"exit {exc.code}", out.getvalue()
    assert type(read) is Arguments
    return "args", list(vars(read).items())


def _spec_of(command: str) -> tuple[tuple[tuple[str, tuple[str, ...], str], ...], tuple[frozenset[str], ...]]:
    """The `QUICK` entry that the argparse parser of `command` amounts to."""
    parser = _subcommands(build_parser(command)).choices[command]
    options = []
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        if not action.option_strings:
            assert (action.dest, action.nargs, action.default, action.type) == ("text", "*", None, None)
            continue
        if isinstance(action, argparse._StoreTrueAction):
            kind = FLAG
        else:
            assert type(action) is argparse._StoreAction, action
            assert (action.nargs, action.default, action.type, action.choices, action.const) == (None,) * 5
            kind = VALUE
        options.append((action.dest, tuple(action.option_strings), kind))
    groups = tuple(frozenset(a.dest for a in g._group_actions) for g in parser._mutually_exclusive_groups)
    return tuple(options), groups


@pytest.mark.parametrize("command", list(QUICK))
def test_the_quick_commands_are_what_their_parsers_define(command: str) -> None:
    """An option added to `parse` or `add` in nlentry.cli.args must be added to `QUICK` too."""
    assert QUICK[command] == _spec_of(command)


WORDS = ["2,5", "uur", "met", "Rowan", "aan", "Timi", "gewerkt", "9-11", "vandaag", "x=y", "a b", "",
         "2026-11-24T17:00:00+01:00", "parse", "add", "ñandú", "--", "-", "-5", "-1.5", "-x", "--bogus",
         "-h", "--help", "--js", "--dry", "-yn", "-ny", "-n=1", "--json=1", "--now=", "--now=-1",
         "--no", "--confirm=yes", "--version", "-- x", "-y x", "--now x"]


def _options(command: str) -> list[str]:
    options, _ = QUICK[command]
    return [name for _, names, _ in options for name in names]


def _line(rng: random.Random, command: str) -> list[str]:
    options = _options(command)
    valued = [names[-1] for _, names, kind in QUICK[command][0] if kind == VALUE]
    line = [command]
    for _ in range(rng.randrange(0, 7)):
        pick = rng.random()
        if pick < 0.45:
            line.append(rng.choice(WORDS[:10]))
        elif pick < 0.75:
            line.append(rng.choice(options))
        elif pick < 0.85:
            line.append(f"{rng.choice(valued)}={rng.choice(WORDS)}")
        else:
            line.append(rng.choice(WORDS))
    return line


LINES = [
    ["parse", "2,5 uur met Rowan aan Timi gewerkt", "--json"],
    ["parse", "2", "uur", "--now", "2026-11-18T14:30:00+01:00", "met", "Rowan"],
    ["parse", "--json", "2", "uur", "--locale=nl", "aan", "--catalog", "c.json", "Timi"],
    ["parse", "--jsonl"],
    ["parse"],
    ["parse", "--catalog", "x.json", "--no-catalog", "2", "uur"],
    ["parse", "--catalog", "x.json", "--catalog", "y.json", "2", "uur"],
    ["parse", "--now"],
    ["parse", "2", "uur", "--now", "--json"],
    ["add", "--dry-run", "--now=2026-11-24T17:00:00+01:00", "2,5 uur met Rowan aan Timi gewerkt"],
    ["add", "-n", "-y", "1", "uur", "--provider", "local", "--json"],
    ["add", "--yes", "--confirm", "1", "uur"],
    ["add", "-y", "-y", "1", "uur"],
    ["add", "1", "uur", "--", "--json"],
    ["add", "-yn", "1", "uur"],
    ["add", "--help"],
    ["add", "", "uur"],
]


@pytest.mark.parametrize("argv", LINES, ids=" ".join)
def test_a_line_reads_as_argparse_reads_it(argv: list[str]) -> None:
    assert _outcome(parse_args, argv) == _outcome(argparse_line.parse_args, argv)


def test_made_up_lines_read_as_argparse_reads_them() -> None:
    rng = random.Random(13)
    quick = 0
    for n in range(1500):
        argv = _line(rng, list(QUICK)[n % len(QUICK)])
        assert _outcome(parse_args, argv) == _outcome(argparse_line.parse_args, argv), argv
        quick += read_quick(argv) is not None
    assert 300 < quick < 1200  # both ways are taken, often


@pytest.mark.parametrize("argv", [
    ["parse", "2 uur", "--json"],
    ["parse", "--now", "2026-11-18T14:30:00+01:00", "2", "uur", "--locale", "nl", "--no-catalog"],
    ["parse", "--now=2026-11-18T14:30:00", "--catalog", "c.json", "--jsonl"],
    ["add", "--dry-run", "--now=2026-11-24T17:00:00+01:00", "2,5 uur met Rowan aan Timi gewerkt"],
    ["add", "-n", "-y", "--provider", "timi", "--locale", "en", "--json", "2h", "review"],
    ["add", "1", "uur", "--confirm"],
], ids=" ".join)
def test_the_usual_lines_are_read_without_argparse(argv: list[str]) -> None:
    assert read_quick(argv) is not None


@pytest.mark.parametrize("argv", [
    [], ["--help"], ["ls", "--week"], ["parse", "--help"], ["parse", "--js"], ["parse", "-5", "min"],
    ["parse", "--now"], ["parse", "--now", "-1"], ["parse", "--now="], ["parse", "--now=-1"],
    ["parse", "--locale=--"], ["parse", "--json=1"],
    ["parse", "--", "2"], ["parse", "-"], ["parse", "--catalog", "c", "--no-catalog"],
    ["add", "--yes", "--confirm"], ["add", "-yn"], ["add", "--dry"], ["add", "--bogus", "x"],
], ids=" ".join)
def test_other_lines_are_left_to_argparse(argv: list[str]) -> None:
    assert read_quick(argv) is None


def test_arguments_behave_as_a_namespace() -> None:
    one = Arguments(command="add", text=["2", "uur"])
    assert one == Arguments(command="add", text=["2", "uur"]) != Arguments(command="add", text=[])
    assert "text" in one and "json" not in one and vars(one) == {"command": "add", "text": ["2", "uur"]}
    assert repr(one) == "Arguments(command='add', text=['2', 'uur'])"
    one.json = True
    assert one.json is True and getattr(one, "locale", None) is None
