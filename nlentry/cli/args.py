"""The argument parser of the `nlentry` command: definitions only, so that `nlentry --help` starts fast."""

from __future__ import annotations

import argparse
from typing import NoReturn

from nlentry import __version__

DESCRIPTION = """\
Read one line of Dutch or English into a time entry.

  nlentry parse 2,5 uur met Rowan aan Timi gewerkt --catalog corpus/catalog.json
  nlentry parse "yesterday 9-11:30 code review with Rowan" --json
  nlentry accuracy corpus ../shared/peer-suites
"""

PARSE_EPILOG = """\
examples:
  nlentry parse 2,5 uur met Rowan aan Timi gewerkt --catalog corpus/catalog.json
  nlentry parse gisteren van 9 tot half 11 overleg --now 2026-11-18T14:30:00+01:00
  nlentry parse "2.5h on Timi with Rowan" --json --locale en
  echo '{"id": 1, "text": "2 uur vergaderd"}' | nlentry parse --jsonl

--jsonl reads one JSON object a line from standard input,
  {"text": "...", "now": "2026-11-18T14:30:00+01:00", "locale": "nl", "id": ...}
(only "text" is required), and writes one line for each: the entry as with --json, with "id" echoed,
or {"id": ..., "error": "..."} for a line it cannot read. A bad line never stops the stream.
"""

ACCURACY_EPILOG = """\
examples:
  nlentry accuracy corpus
  nlentry accuracy corpus ../shared/peer-suites --failures 20
  nlentry accuracy corpus/nl/duration.jsonl --json

Case files are JSON Lines: {"id", "lang", "text", "now", "expect": {...}, "catalog"?}. Only the keys in
"expect" are checked. A case's "catalog" file is looked up beside the case file, then in its parents.
"""


class UsageError(Exception):
    """The command line is wrong; the message is one line for standard error."""


class ArgumentParser(argparse.ArgumentParser):
    """An argparse parser that raises `UsageError` instead of printing and exiting with status 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def build_parser() -> ArgumentParser:
    """The `nlentry` argument parser with its subcommands `parse` and `accuracy`."""
    formatter = argparse.RawDescriptionHelpFormatter
    parser = ArgumentParser(prog="nlentry", description=DESCRIPTION, formatter_class=formatter)
    parser.add_argument("--version", action="version", version=f"nlentry {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ArgumentParser)

    p = commands.add_parser(
        "parse", help="read a phrase into a time entry", description="Read a phrase into a time entry.",
        epilog=PARSE_EPILOG, formatter_class=formatter,
    )
    p.add_argument("text", nargs="*", metavar="TEXT",
                   help="the phrase; the words may be given unquoted and are joined with spaces")
    p.add_argument("--json", action="store_true", help="print the entry as JSON instead of a summary line")
    p.add_argument("--jsonl", action="store_true",
                   help="read JSON objects one a line from standard input, write one JSON line for each")
    p.add_argument("--catalog", metavar="FILE",
                   help="catalog JSON file of clients, projects, services and people")
    p.add_argument("--now", metavar="ISO8601",
                   help="the instant relative dates are read from, e.g. 2026-11-18T14:30:00+01:00; "
                        "without an offset it is local time (default: now)")
    p.add_argument("--locale", metavar="CODE",
                   help="the language of the phrase, e.g. nl or en (default: detect it)")

    a = commands.add_parser(
        "accuracy", help="measure the parser against case files",
        description="Measure the parser against case files: per file the cases, the exact-match rate and "
                    "the accuracy of each expected field; then the total.",
        epilog=ACCURACY_EPILOG, formatter_class=formatter,
    )
    a.add_argument("paths", nargs="+", metavar="FILE",
                   help="case files (*.jsonl) or directories holding them")
    a.add_argument("--catalog", metavar="FILE",
                   help="use this catalog for every case, overriding the cases' own")
    a.add_argument("--json", action="store_true", help="print the report as JSON")
    a.add_argument("--failures", metavar="N", type=_count, default=0,
                   help="also show the first N failing cases, expected versus got")
    a.add_argument("--use-lang", action="store_true",
                   help="pass each case's lang to the parser (default: the parser detects the language)")
    return parser


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Parse the command line; words may come between options (`parse 2 uur --now X met Rowan`).

    argparse takes one run of positional words only, and its intermixed mode does not work with
    subcommands, so stray words are appended to the command's TEXT or FILE list here, in order.
    """
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    unknown = [a for a in extra if a.startswith("-") and a != "-"]
    target = {"parse": "text", "accuracy": "paths"}.get(args.command or "")
    if unknown or (extra and target is None):
        parser.error(f"unrecognized arguments: {' '.join(unknown or extra)}")
    if target is not None:
        setattr(args, target, [*getattr(args, target), *extra])
    return args


def _count(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {raw!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more: {raw!r}")
    return value
