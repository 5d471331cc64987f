"""The argument parser of the `nlentry` command: definitions only, so that `nlentry --help` starts fast.

`nlentry.cli.command_line.parse_args` reads the lines of `parse` and `add` it can without it."""

from __future__ import annotations

import argparse
import os
import sys

from nlentry import __version__
from nlentry.cli.command_line import Arguments, UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, NoReturn

DESCRIPTION = """\
Read one line of Dutch or English into a time entry, and book it.
Lees een regel Nederlands of Engels als urenboeking, en boek die.

Logging time / Uren boeken:

  nlentry                                   the quick-entry prompt (in a terminal) / de snelinvoer
  nlentry add 2,5 uur met Rowan aan Timi gewerkt
  nlentry add yesterday 9-11:30 code review for Acme
  nlentry start overleg aan Webshop         nlentry stop / nlentry status
  nlentry continue                          nlentry continue 2 (ls --keys numbers them)
  nlentry amend 1 uur                       nlentry undo / nlentry edit
  nlentry ls --week                         nlentry report --month --by client
  nlentry week                              nlentry week --format svg -o week.svg
  nlentry export --last-month --format ical -o uren.ics
  nlentry explain gisteren 2 uur aan Webshp

Getting started / Beginnen:

  nlentry init                              nlentry login timi
  nlentry projects / services / people      nlentry completion bash

Reading phrases / Zinnen lezen:

  nlentry parse 2,5 uur met Rowan aan Timi gewerkt --catalog corpus/catalog.json
  nlentry parse "yesterday 9-11:30 code review with Rowan" --json
  nlentry accuracy corpus ../shared/peer-suites

Booking entries in a time tracker (the embedded 'local' store by default):

  nlentry catalog import catalog.json       nlentry alias add webshp Webshop
  nlentry sync --provider timetagger        nlentry outbox / nlentry flush
  nlentry providers

Exit status / afsluitstatus: 0 ok, 1 usage, 2 the phrase gives no entry, 3 ambiguous and no
terminal to ask on (nothing saved), 4 a provider failed (the entry is kept in the outbox).
"""

PARSE_EPILOG = """\
examples:
  nlentry parse 2,5 uur met Rowan aan Timi gewerkt --catalog corpus/catalog.json
  nlentry parse gisteren van 9 tot half 11 overleg --now 2026-11-18T14:30:00+01:00
  nlentry parse "2.5h on Timi with Rowan" --json --locale en
  echo '{"id": 1, "text": "2 uur vergaderd"}' | nlentry parse --jsonl

--jsonl reads one JSON object a line from standard input,
  {"text": "...", "now": "2026-11-18T14:30:00+01:00", "locale": "nl", "id": ...}
(only "text" is required), and writes one line for each line, empty ones too: the entry as with --json,
with "id" echoed, or {"id": ..., "line": N, "error": "..."}. A bad line never stops the stream; the
exit status is 2 when some line gave an error.
"""

ACCURACY_EPILOG = """\
examples:
  nlentry accuracy corpus
  nlentry accuracy corpus ../shared/peer-suites --failures 20
  nlentry accuracy corpus/nl/duration.jsonl --json

Case files are JSON Lines: {"id", "lang", "text", "now", "expect": {...}, "catalog"?}. Only the keys in
"expect" are checked. A case's "catalog" file is looked up beside the case file, then in its parents.
"""


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, with the terminal's width from `terminal_columns`: argparse makes a formatter
    for every argument added (to check its metavar), and its own asks shutil, whose import loads the
    archive modules too."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None, **kwargs: Any) -> None:
        super().__init__(prog, indent_increment, max_help_position,
                         terminal_columns() - 2 if width is None else width, **kwargs)


class RawDescriptionHelpFormatter(HelpFormatter, argparse.RawDescriptionHelpFormatter):
    """`HelpFormatter` keeping the description and epilog as written."""


class ArgumentParser(argparse.ArgumentParser):
    """An argparse parser that raises `UsageError` instead of printing and exiting with status 2."""

    def __init__(self, prog: str | None = None, *,
                 formatter_class: type[argparse.HelpFormatter] = HelpFormatter, **kwargs: Any) -> None:
        super().__init__(prog, formatter_class=formatter_class, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def terminal_columns() -> int:
    """`shutil.get_terminal_size().columns` (COLUMNS, else standard output's terminal, else 80),
    without importing shutil."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    stdout = sys.__stdout__
    try:
        return (os.get_terminal_size(stdout.fileno()).columns if stdout is not None else 0) or 80
    except (AttributeError, ValueError, OSError):
        return 80


class _Unbuilt:
    """Stands in for the parser of a command that was not asked for: every call (add_argument,
    add_subparsers, add_parser, ...) does nothing and returns the stand-in again."""

    def __getattr__(self, name: str) -> _Unbuilt:
        return self

    def __call__(self, *args: object, **kwargs: object) -> _Unbuilt:
        return self


class _Commands(argparse._SubParsersAction):
    """The subcommands, building the parser of `wanted` alone (all of them when it is None).

    A command line names one command: building the parsers of the ~30 others (about 10 ms, a fifth of
    a cold `nlentry add`) is wasted on it. `--help`, completion and errors about the command name are
    given by the whole parser."""

    wanted: str | None = None

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        if self.wanted is None or self.wanted == name or self.wanted in kwargs.get("aliases", ()):
            return super().add_parser(name, **kwargs)
        return _Unbuilt()


def build_parser(command: str | None = None) -> ArgumentParser:
    """The `nlentry` argument parser with its subcommands (`parse`, `add`, ...).

    With `command`, only that subcommand's parser is built (the others are not known to it): enough to
    parse a command line that starts with it, and no other."""
    formatter = RawDescriptionHelpFormatter
    parser = ArgumentParser(prog="nlentry", description=DESCRIPTION, formatter_class=formatter)
    parser.add_argument("--version", action="version", version=f"nlentry {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ArgumentParser,
                                     action=_Commands)
    assert isinstance(commands, _Commands)
    commands.wanted = command

    p = commands.add_parser(
        "parse", help="read a phrase into a time entry", description="Read a phrase into a time entry.",
        epilog=PARSE_EPILOG, formatter_class=formatter,
    )
    p.add_argument("text", nargs="*", metavar="TEXT",
                   help="the phrase; the words may be given unquoted and are joined with spaces")
    p.add_argument("--json", action="store_true", help="print the entry as JSON instead of a summary line")
    p.add_argument("--jsonl", action="store_true",
                   help="read JSON objects one a line from standard input, write one JSON line for each")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--catalog", metavar="FILE",
                        help="catalog JSON file of clients, projects, services and people "
                             "(default: the cached catalog of the configured provider)")
    source.add_argument("--no-catalog", action="store_true", help="read the phrase without a catalog")
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
    _add_provider_commands(commands, formatter)
    _add_entry_commands(commands, formatter)
    _add_setup_commands(commands, formatter)
    _add_server_commands(commands, formatter)
    return parser


PROVIDER_EPILOG = """\
Settings live in config.toml under NLENTRY_HOME (default: the user config directory), e.g.

  default_provider = "timetagger"
  [providers.timetagger]
  base_url = "http://127.0.0.1:8080/timetagger/api/v2"
  token = "..."

Secrets may also come from NLENTRY_<PROVIDER>_TOKEN (and so on) or the system keyring.
"""


def _add_provider_commands(commands: argparse._SubParsersAction[ArgumentParser],
                           formatter: type[argparse.HelpFormatter]) -> None:
    """The commands that talk to providers: sync, catalog, alias, outbox, flush, providers."""

    def provider_option(p: argparse.ArgumentParser, what: str = "the provider") -> None:
        p.add_argument("--provider", metavar="NAME",
                       help=f"{what} (default: the configured default provider)")

    p = commands.add_parser("sync", help="fetch the provider's catalog into the local cache",
                            description="Fetch the provider's clients, projects, services and people into "
                                        "the local database, so phrases are read against them offline.",
                            epilog=PROVIDER_EPILOG, formatter_class=formatter)
    provider_option(p)
    p.add_argument("--json", action="store_true", help="print what was stored as JSON")

    p = commands.add_parser("catalog", help="import or export the local provider's catalog",
                            description="Import a catalog JSON file into the embedded 'local' provider, or "
                                        "export a catalog as JSON.", formatter_class=formatter)
    actions = p.add_subparsers(dest="catalog_action", metavar="ACTION", parser_class=ArgumentParser)
    a = actions.add_parser("import", help="replace the catalog with the one in FILE")
    a.add_argument("file", metavar="FILE", help="a catalog JSON file (clients, projects, services, people)")
    provider_option(a, "the provider to import into (local, or one that accepts a catalog)")
    a.add_argument("--json", action="store_true", help="print what was kept as JSON")
    a = actions.add_parser("export", help="write the catalog as JSON to FILE or standard output")
    a.add_argument("file", nargs="?", metavar="FILE", help="where to write it (default: standard output)")
    a.add_argument("--provider", metavar="NAME", default=None,
                   help="whose catalog: local's own, or another provider's cached one (default: local)")

    p = commands.add_parser("alias", help="add, remove or list your own aliases for catalog names",
                            description="Aliases you add are kept in the local database and survive syncs.",
                            formatter_class=formatter)
    actions = p.add_subparsers(dest="alias_action", metavar="ACTION", parser_class=ArgumentParser)
    a = actions.add_parser("add", help="let ALIAS stand for the catalog item NAME")
    a.add_argument("alias", metavar="ALIAS")
    a.add_argument("name", metavar="NAME", help="the name (or id) of a project, service, client or person")
    a.add_argument("--kind", choices=["project", "service", "client", "person"],
                   help="which kind of item NAME is (default: the first that has it)")
    a.add_argument("--force", action="store_true",
                   help="add it even when ALIAS is already a name or an alias in the catalog")
    provider_option(a)
    a = actions.add_parser("rm", help="remove an alias")
    a.add_argument("alias", metavar="ALIAS")
    provider_option(a)
    a = actions.add_parser("ls", help="list the aliases")
    provider_option(a)
    a.add_argument("--json", action="store_true", help="print a JSON list")
    jsonl_option(a)

    p = commands.add_parser("outbox", help="list the entries not yet posted (pending or failed)",
                            description="List the outbox: entries committed locally but not (yet) posted. "
                                        "'retry KEY' puts a failed entry back in the queue, 'drop KEY' "
                                        "removes one.", formatter_class=formatter)
    p.add_argument("action", nargs="?", choices=["list", "retry", "drop"], default="list",
                   help="list (default), retry KEY or drop KEY")
    p.add_argument("key", nargs="?", metavar="KEY", help="an entry's key, or the start of it")
    p.add_argument("--all", action="store_true", help="include the entries already posted")
    p.add_argument("--json", action="store_true", help="print a JSON list")
    jsonl_option(p)

    p = commands.add_parser("flush", help="post what is waiting in the outbox, now",
                            description="Try to post every pending entry now, whatever its retry time.")
    p.add_argument("--provider", metavar="NAME", help="only this provider's entries (default: all)")
    p.add_argument("--json", action="store_true", help="print what was posted, pending and failed as JSON")

    p = commands.add_parser("providers", help="list the providers and what they can do",
                            description="List the providers (built in and plugged in) and what they can do.",
                            epilog=PROVIDER_EPILOG, formatter_class=formatter)
    p.add_argument("--json", action="store_true", help="print a JSON list")
    jsonl_option(p)


# --- logging, fixing, reviewing and timing entries (nlentry/cli/entries.py) --------------------------

ADD_EPILOG = """\
examples:
  nlentry add 2,5 uur met Rowan aan Timi gewerkt
  nlentry add gisteren van 9 tot half 11 overleg met Erik over de nieuwe website
  nlentry add yesterday 9-11:30 code review for Acme --yes
  nlentry add 1h30 testing the webshop --dry-run --json

The preview shows what was read; parts that were not said (today's date, say) are marked as
defaulted. nlentry asks before saving only when a name is ambiguous or the reading is unsure;
without a terminal to ask on, such an entry is not saved (exit status 3) unless --yes is given.
"""

RANGE_HELP = "a day as a phrase, e.g. gisteren, 'vorige week maandag', 2026-11-23 (default: today)"


def _add_entry_commands(commands: argparse._SubParsersAction[ArgumentParser],
                        formatter: type[argparse.HelpFormatter]) -> None:
    """add, start, stop, status, undo, amend, ls, report, explain."""

    def common(p: argparse.ArgumentParser, *, provider: bool = True) -> None:
        if provider:
            p.add_argument("--provider", metavar="NAME", help="the provider (default: the configured one)")
        p.add_argument("--now", metavar="ISO8601",
                       help="the instant relative dates are read from (default: now)")
        p.add_argument("--locale", metavar="CODE", help="the language of the phrase (default: detect it)")
        p.add_argument("--json", action="store_true", help="print the result as JSON")

    p = commands.add_parser("add", help="log time: read a phrase, show it, save it",
                            description="Log time from one phrase, in Dutch or English.",
                            epilog=ADD_EPILOG, formatter_class=formatter)
    p.add_argument("text", nargs="*", metavar="TEXT", help="the phrase (words may be given unquoted)")
    ask = p.add_mutually_exclusive_group()
    ask.add_argument("-y", "--yes", action="store_true", help="never ask; save what was read")
    ask.add_argument("--confirm", action="store_true", help="always ask before saving")
    p.add_argument("-n", "--dry-run", action="store_true", help="show what would be saved, save nothing")
    common(p)

    def command(name: str, summary: str, description: str, *examples: str) -> ArgumentParser:
        lines = "".join(f"  nlentry {name} {e}".rstrip() + "\n" for e in examples)
        epilog = f"examples:\n{lines}" if examples else None
        return commands.add_parser(name, help=summary, description=description, epilog=epilog,
                                   formatter_class=formatter)

    p = command("start", "start a timer (a time in the phrase back-dates it)",
                "Start a timer for what the phrase says; 'om 9 uur' / 'at 9' back-dates it. A running "
                "timer is stopped and saved first.", "overleg aan Webshop", "at 9 code review for Acme")
    p.add_argument("text", nargs="*", metavar="TEXT", help="what you are working on")
    common(p)

    p = command("stop", "stop the timer and save the entry",
                "Stop the running timer and save it; a phrase amends it first.",
                "", "aan Intranet", "--cancel")
    p.add_argument("text", nargs="*", metavar="TEXT", help="what to change before saving (optional)")
    p.add_argument("--cancel", action="store_true", help="throw the timer away without saving")
    common(p, provider=False)

    p = commands.add_parser(
        "continue", aliases=["restart"], help="start a timer on what the last entry (or entry N) was",
        description="Start a timer with the project, service, persons, tags and description of the last "
                    "entry; 'continue 2' takes the one before it (the numbers 'ls --keys' shows). A running "
                    "timer is stopped and saved first.",
        epilog="examples:\n  nlentry continue\n  nlentry continue 2\n  nlentry restart\n",
        formatter_class=formatter)
    p.add_argument("number", nargs="?", type=_count, default=1, metavar="N",
                   help="which entry: 1 the last (default), 2 the one before, ...")
    common(p, provider=False)

    p = command("status", "what timer runs, and for how long", "Show the running timer and today's total.")
    common(p, provider=False)

    p = command("undo", "remove the last saved entry (at the provider too)",
                "Remove the last entry you saved: from the outbox if it was not posted yet, else at the "
                "provider.", "", "3f2a9c1e")
    p.add_argument("key", nargs="?", metavar="KEY", help="another entry's key (see 'nlentry ls --keys')")
    p.add_argument("-y", "--yes", action="store_true", help="do not ask, even on a terminal")
    common(p, provider=False)

    p = command("amend", "change the last entry with a phrase",
                "Change the last entry with what a phrase says; what it does not say stays as it was.",
                "1 uur", "gisteren", "project Webshop", "9-11 with Rowan")
    p.add_argument("text", nargs="*", metavar="TEXT", help="what to change")
    p.add_argument("--key", metavar="KEY", help="amend this entry instead of the last one")
    common(p, provider=False)

    p = command("edit", "change an entry in $EDITOR",
                "Open the last entry (or KEY) in $VISUAL or $EDITOR as TOML; what you save is saved through "
                "the outbox (at the provider too). Leave the file unchanged or empty it to change nothing.",
                "", "3f2a9c1e")
    p.add_argument("key", nargs="?", metavar="KEY", help="another entry's key (see 'nlentry ls --keys')")
    common(p, provider=False)

    p = commands.add_parser(
        "ls", aliases=["log"], help="list entries with daily totals ('log' is another name for it)",
        description="List the entries logged with nlentry, by day, with daily totals. 'nlentry log' "
                    "is another name for it, as in Watson (it booked time before: book with 'nlentry add').",
        epilog="examples:\n  nlentry ls\n  nlentry ls gisteren\n  nlentry ls --week\n"
               "  nlentry ls --from 'vorige week maandag' --to vrijdag\n", formatter_class=formatter)
    p.add_argument("day", nargs="*", metavar="DATE", help=RANGE_HELP)
    _range_options(p)
    p.add_argument("--keys", action="store_true",
                   help="show each entry's number (for continue N) and key (for undo/amend --key)")
    add_filter_options(p)
    common(p)
    jsonl_option(p)

    def to_file(p: argparse.ArgumentParser, where: str) -> None:
        """-o FILE, the filters and the common options of report, week and export."""
        p.add_argument("-o", "--output", metavar="FILE", help=where)
        add_filter_options(p)
        common(p)

    p = command("report", "totals per project, service, client or person",
                "Total the time logged in a period.",
                "--week", "--month --by client", "--from 'vorige week maandag' --format csv")
    _range_options(p)
    p.add_argument("--by", choices=["project", "service", "client", "person", "day"], default="project",
                   help="what to total by (default: project)")
    p.add_argument("--format", choices=["table", "csv", "json", "svg", "png"], default="table",
                   help="output format: table, csv, json; svg or png write the chart to a file")
    p.add_argument("--chart", action="store_true",
                   help="draw the days as bars split by project (in the terminal, or --format svg|png)")
    to_file(p, "where --format svg|png writes the chart")

    p = command("week", "the week (or --month) as a chart: a bar a day, split by project",
                "Draw the days of a period (default: this week) as bars split by project, like "
                "'timew week'; the same as 'report --chart'. --format svg|png writes it to a file.",
                "", "--last-week", "--month", "--format svg -o week.svg")
    _range_options(p)
    p.add_argument("--format", choices=["table", "svg", "png"], default="table",
                   help="table: in the terminal (default); svg or png: to a file")
    to_file(p, "where --format svg|png writes the chart")

    p = command("export", "the entries of a period as CSV, JSON or iCalendar",
                "Write the individual entries of a period (default: this week) as CSV, JSON, JSON Lines or "
                "iCalendar (.ics), to standard output or --output FILE.",
                "--from 2026-11-01 --to 2026-11-30 --format csv", "--last-month --format ical -o uren.ics",
                "--week --project Webshop --format json")
    _range_options(p)
    p.add_argument("--format", choices=["csv", "json", "jsonl", "ical"], default="csv",
                   help="csv (default), json, jsonl or ical")
    to_file(p, "write to FILE (default: standard output)")
    jsonl_option(p)

    p = command("explain", "how each part of a phrase was read, and why",
                "Show how every part of the phrase was read: the rule, the span, the catalog entry and "
                "score, the convention that decided.", "gisteren 2 uur aan Webshp", "'monday 2-4 testing'")
    p.add_argument("text", nargs="*", metavar="TEXT", help="the phrase")
    common(p)


#: the filter options of ls, report, export and week (read by nlentry.cli.filters)
FILTER_FIELDS = ("project", "client", "service", "person", "tag")


def add_filter_options(p: argparse.ArgumentParser) -> None:
    """`--project`, `--client`, `--service`, `--person`, `--tag`: each repeatable."""
    for field in FILTER_FIELDS:
        p.add_argument(f"--{field}", dest=f"only_{field}", action="append", default=[], metavar="NAME",
                       help=f"only entries with this {field} (repeat for more; aliases and typos work)")


def jsonl_option(p: argparse.ArgumentParser) -> None:
    """`--jsonl` of a listing command: one JSON object a line, for streaming (`--json`: one document)."""
    p.add_argument("--jsonl", action="store_true", help="one JSON object a line (--json: one JSON list)")


def _range_options(p: argparse.ArgumentParser) -> None:
    period = p.add_mutually_exclusive_group()
    period.add_argument("--today", action="store_true", help="today")
    period.add_argument("--week", action="store_true", help="this week (Monday to Sunday)")
    period.add_argument("--last-week", action="store_true", help="last week")
    period.add_argument("--month", action="store_true", help="this month")
    period.add_argument("--last-month", action="store_true", help="last month")
    p.add_argument("--from", dest="since", metavar="DATE", help="first day, as a phrase or YYYY-MM-DD")
    p.add_argument("--to", dest="until", metavar="DATE", help="last day, as a phrase or YYYY-MM-DD")


# --- setup: init, login, catalog listings (nlentry/cli/setup.py) -----------------------------------


def _add_setup_commands(commands: argparse._SubParsersAction[ArgumentParser],
                        formatter: type[argparse.HelpFormatter]) -> None:
    """init, login, projects, services, people, completion."""
    init_epilog = """\
examples / voorbeelden:
  nlentry init
  nlentry init --provider local --language nl --catalog corpus/catalog.json --yes
  nlentry init --provider timetagger --set base_url=http://127.0.0.1:8080/timetagger/api/v2 --yes
  nlentry init --provider timi --set email=ik@example.com --language nl --force

Tokens are never given here: 'nlentry login PROVIDER' asks for them.
Tokens geef je hier nooit: 'nlentry login PROVIDER' vraagt ernaar.
"""
    p = commands.add_parser("init", help="first-run guide: choose a provider, write config.toml",
                            description="Write config.toml under NLENTRY_HOME: the provider to book with, "
                                        "the language of the replies and that provider's settings. Asks on "
                                        "a terminal; with --yes it asks nothing and takes the defaults.",
                            epilog=init_epilog, formatter_class=formatter)
    p.add_argument("--provider", metavar="NAME", help="the provider to book with (default: local)")
    p.add_argument("--language", metavar="CODE", help="the language of the replies: nl or en")
    p.add_argument("--set", dest="settings", action="append", default=[], metavar="KEY=VALUE",
                   help="a setting of the provider, e.g. base_url=... or email=... (not a secret)")
    p.add_argument("--catalog", metavar="FILE", help="import this catalog JSON file into 'local'")
    p.add_argument("-y", "--yes", action="store_true", help="ask nothing: flags and defaults only")
    p.add_argument("--force", action="store_true",
                   help="rewrite an existing config.toml (other providers' settings are kept)")

    login_epilog = """\
examples / voorbeelden:
  nlentry login timi --email ik@example.com      # asks for the API token, not shown
  nlentry login timetagger --base-url http://127.0.0.1:8080/timetagger/api/v2
  nlentry login tyme --client-id my-app           # OAuth: opens the browser
  nlentry login timeneye --oauth --client-id my-app --no-browser --port 8765

A token is checked with the provider before it is kept (in config.toml, mode 0600, or the
keyring with --keyring). OAuth (Timeneye, Tyme) uses the Authorization Code flow with PKCE and a
one-shot server on 127.0.0.1 for the redirect (http://127.0.0.1:PORT/callback; PORT: --port, the
port of redirect_uri in the settings, or a free one).
"""
    p = commands.add_parser("login", help="sign in to a provider (token prompt, or OAuth in the browser)",
                            description="Sign in to a provider and keep the credentials for nlentry.",
                            epilog=login_epilog, formatter_class=formatter)
    p.add_argument("provider", metavar="PROVIDER", help="the provider, e.g. timi, timetagger, tyme")
    p.add_argument("--email", metavar="ADDRESS", help="the account's e-mail address (Timi)")
    p.add_argument("--base-url", metavar="URL", help="the API root (self-hosted servers)")
    p.add_argument("--oauth", action="store_true", help="sign in with OAuth in the browser (Timeneye)")
    p.add_argument("--client-id", metavar="ID", help="the OAuth app's client id")
    p.add_argument("--no-browser", action="store_true", help="print the sign-in address, open no browser")
    p.add_argument("--port", type=_count, metavar="PORT", help="the redirect_uri's port (checked)")
    p.add_argument("--timeout", type=float, default=300.0, metavar="SECONDS",
                   help="how long to wait for the browser (default 300)")
    p.add_argument("--keyring", action="store_true", help="keep the token in the system keyring")
    p.add_argument("--no-verify", action="store_true", help="keep the token without checking it")

    for kind, what in (("projects", "projects (with their client)"), ("services", "services"),
                       ("people", "people")):
        p = commands.add_parser(kind, help=f"list the cached catalog's {what}",
                                description=f"List the {what} of the provider's cached catalog, with "
                                            "aliases (run 'nlentry sync' to refresh it).",
                                epilog=f"examples:\n  nlentry {kind}\n  nlentry {kind} --json\n"
                                       f"  nlentry {kind} --provider timi\n", formatter_class=formatter)
        p.add_argument("--provider", metavar="NAME", help="whose catalog (default: the configured one)")
        p.add_argument("--active", action="store_true", help="leave out inactive projects")
        p.add_argument("--json", action="store_true", help="print a JSON list")
        jsonl_option(p)

    completion_epilog = """\
install / installeren:
  bash: nlentry completion bash > ~/.local/share/bash-completion/completions/nlentry
  zsh:  nlentry completion zsh > "${fpath[1]}/_nlentry"   (or in ~/.zshrc: source <(nlentry completion zsh))
  fish: nlentry completion fish > ~/.config/fish/completions/nlentry.fish

Commands and options complete, and so do project, service and person names (from the cached
catalog) in phrases: nlentry add 2 uur aan Web<Tab>.
"""
    p = commands.add_parser("completion", help="print a shell completion script (bash, zsh, fish)",
                            description="Print the completion script for a shell.",
                            epilog=completion_epilog, formatter_class=formatter)
    p.add_argument("shell", nargs="?", choices=["bash", "zsh", "fish"], help="the shell")
    p.add_argument("--names", nargs="?", const="", metavar="PREFIX", help=argparse.SUPPRESS)
    p.add_argument("--kind", choices=["project", "service", "person"], help=argparse.SUPPRESS)
    p.add_argument("--provider", metavar="NAME", help=argparse.SUPPRESS)


# --- the chat-bot server: serve, apikey, users (nlentry/cli/serve.py), db (nlentry/cli/database.py) --


def _add_server_commands(commands: argparse._SubParsersAction[ArgumentParser],
                         formatter: type[argparse.HelpFormatter]) -> None:
    """serve, apikey, users, db."""
    p = commands.add_parser(
        "serve", help="run the chat-bot server (Slack, Telegram, JSON API)",
        description="Run the chat-bot HTTP server: the JSON API (/v1), Slack (/slack/commands, "
                    "/slack/interactions) and Telegram (/telegram/webhook). Settings: [server], [slack] and "
                    "[telegram] in config.toml under NLENTRY_HOME. Needs pip install 'nlentry[server]'.",
        epilog="examples:\n  nlentry serve\n  nlentry serve --host 0.0.0.0 --port 8080 --workers 2\n\n"
               "Users, API keys and chat links: 'nlentry users --help', 'nlentry apikey --help'.\n",
        formatter_class=formatter)
    p.add_argument("--host", metavar="ADDRESS", help="the address to bind (default: 127.0.0.1)")
    p.add_argument("--port", metavar="PORT", type=_count, help="the port (default: 8080)")
    p.add_argument("--workers", metavar="N", type=_count, help="worker processes (default: 1)")
    p.add_argument("--log-level", choices=["debug", "info", "warning", "error"], default="info",
                   help="what to log (default: info)")
    p.add_argument("--access-log", action="store_true", help="log every request (off by default: speed)")

    p = commands.add_parser("apikey", help="API keys of the server's JSON API",
                            description="Make, list and revoke API keys. A key is printed once, when it "
                                        "is made; the server keeps only its hash.",
                            epilog="examples:\n  nlentry apikey create alice --name laptop\n"
                                   "  nlentry apikey ls\n  nlentry apikey revoke nle_AbCdEfGh\n",
                            formatter_class=formatter)
    keys = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=ArgumentParser)
    k = keys.add_parser("create", help="make a key for a user and print it (once)")
    k.add_argument("user", metavar="USER", help="the user the key acts for")
    k.add_argument("--name", default="", help="a label to tell keys apart")
    k = keys.add_parser("ls", help="list keys (their public ids, never the keys)")
    k.add_argument("user", nargs="?", metavar="USER", help="only this user's keys")
    k.add_argument("--json", action="store_true", help="print JSON")
    k.add_argument("--jsonl", action="store_true", help="print one JSON object a line")
    k = keys.add_parser("revoke", help="delete a key by its public id")
    k.add_argument("key_id", metavar="ID", help="the id 'apikey ls' shows (nle_ and 8 characters)")

    p = commands.add_parser("users", help="the server's users and their chat accounts",
                            description="Each user has its own provider, settings and journal: on "
                                        "SQLite in a folder of its own under the server's NLENTRY_HOME "
                                        "(users/<id>/, its config.toml and database), with database_url in "
                                        "PostgreSQL (credentials encrypted). A chat account (Slack team and "
                                        "user, Telegram user) is linked to a user by its ids or by the "
                                        "one-time code the bot sends to an account it does not know.",
                            epilog="examples:\n  nlentry users add alice --provider timetagger "
                                   "--setting base_url=http://127.0.0.1:8000/timetagger/api/v2 "
                                   "--setting token=-\n"
                                   "  nlentry users link alice --code ABCD-EFGH\n"
                                   "  nlentry users link alice --slack T0123:U0456\n"
                                   "  nlentry users link alice --telegram 123456789\n"
                                   "  nlentry users catalog alice import catalog.json\n"
                                   "\n--setting KEY=- reads the value from standard input (for secrets).\n",
                            formatter_class=formatter)
    users = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=ArgumentParser)

    def provider_options(u: argparse.ArgumentParser) -> None:
        u.add_argument("--provider", metavar="NAME", help="the user's provider (default: local)")
        u.add_argument("--setting", metavar="KEY=VALUE", action="append", default=[],
                       help="a setting of the user's provider (repeat; VALUE '-' reads standard input)")
        u.add_argument("--locale", metavar="CODE", help="the language of replies when a message does not say")
        u.add_argument("--option", metavar="KEY=VALUE", action="append", default=[],
                       help="a setting of the user's own: confirm_below, round_to, rounding, catalog_max_age "
                            "(repeat)")

    def chat_account(u: argparse.ArgumentParser, *, code: bool) -> None:
        which = u.add_mutually_exclusive_group(required=True)
        which.add_argument("--slack", metavar="TEAM:USER", help="a Slack account: team id and user id")
        which.add_argument("--telegram", metavar="ID", help="a Telegram account: the numeric user id")
        if code:
            which.add_argument("--code", metavar="CODE", help="the one-time code the bot sent to the account")

    u = users.add_parser("add", help="add a user (and its folder)")
    u.add_argument("user", metavar="USER", help="the user's id: lower-case letters, digits, . _ -")
    provider_options(u)
    u = users.add_parser("set", help="change a user's provider, settings or language")
    u.add_argument("user", metavar="USER")
    provider_options(u)
    u = users.add_parser("ls", help="list users and their chat accounts")
    u.add_argument("--json", action="store_true", help="print JSON")
    u.add_argument("--jsonl", action="store_true", help="print one JSON object a line")
    u = users.add_parser("show", help="print a user's settings (its secrets masked)")
    u.add_argument("user", metavar="USER")
    u = users.add_parser("rm", help="remove a user, its keys and links (on SQLite its folder is kept; on "
                                     "PostgreSQL its settings and journal go too)")
    u.add_argument("user", metavar="USER")
    u.add_argument("--force", action="store_true",
                   help="also when entries are not yet at the provider (PostgreSQL: they are deleted)")
    u = users.add_parser("home", help="print a user's folder (its NLENTRY_HOME; none with a database_url)")
    u.add_argument("user", metavar="USER")
    u = users.add_parser("catalog", help="import a catalog into a user's provider (and its cache)")
    u.add_argument("user", metavar="USER")
    u.add_argument("catalog_action", choices=["import"], metavar="import")
    u.add_argument("file", metavar="FILE", help="a catalog JSON file (clients, projects, services, people)")
    u.add_argument("--provider", metavar="NAME",
                   help="the provider to import into (default: the user's; local, or one taking a catalog)")
    u = users.add_parser("link", help="link a chat account to a user")
    u.add_argument("user", metavar="USER")
    chat_account(u, code=True)
    u = users.add_parser("unlink", help="unlink a chat account")
    chat_account(u, code=False)

    p = commands.add_parser("db", help="the server's database: schema upgrades, the credentials' key",
                            description="The database named by [server] database_url or "
                                        "NLENTRY_DATABASE_URL (PostgreSQL; without it server.db). A server "
                                        "refuses to start on a schema older or newer than it knows: run "
                                        "'nlentry db upgrade' before starting a new version.",
                            epilog="examples:\n  nlentry db upgrade\n  nlentry db status\n"
                                   "  export NLENTRY_SECRET_KEY=$(nlentry db keygen)\n"
                                   "  NLENTRY_SECRET_KEY=$NEW,$OLD nlentry db rotate-key\n"
                                   "  nlentry db migrate-from-sqlite          # server.db of this home\n",
                            formatter_class=formatter)
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=ArgumentParser)
    actions.add_parser("upgrade", help="apply the schema migrations the database lacks")
    actions.add_parser("status", help="the schema version of the database and the one this nlentry needs")
    actions.add_parser("keygen", help="print a new key for NLENTRY_SECRET_KEY")
    actions.add_parser("rotate-key", help="encrypt the stored credentials again with the first key")
    a = actions.add_parser("migrate-from-sqlite",
                           help="move a SQLite server's users, keys, links and credentials into PostgreSQL")
    a.add_argument("home", nargs="?", metavar="HOME",
                   help="the SQLite server's home, with its server.db (default: this server's home)")


def parse_args(argv: list[str] | None) -> Arguments:
    """Parse the command line (default: `sys.argv[1:]`); words may come between options
    (`parse 2 uur --now X met Rowan`).

    A line that starts with a command's name builds that command's parser alone (`build_parser`);
    any other (`--help`, a misspelt command, none) the whole parser.
    """
    argv = sys.argv[1:] if argv is None else argv
    parser = None
    if argv and not argv[0].startswith("-"):
        parser = build_parser(argv[0])
        if argv[0] not in _subcommands(parser).choices:
            parser = None  # not a command: the error lists them all
    return read_line(parser or build_parser(), argv)


def read_line(parser: ArgumentParser, argv: list[str]) -> Arguments:
    """`argv` read by `parser`.

    argparse takes one run of positional words only, and its intermixed mode does not work with
    subcommands, so stray words are appended to the command's TEXT or FILE list here, in order.
    """
    args, extra = parser.parse_known_args(argv, Arguments())
    unknown = [a for a in extra if a.startswith("-") and a != "-"]
    target = {"parse": "text", "accuracy": "paths", "log": "day", "add": "text", "start": "text",
              "stop": "text", "amend": "text", "explain": "text", "ls": "day"}.get(args.command or "")
    if unknown or (extra and target is None):
        parser.error(f"unrecognized arguments: {' '.join(unknown or extra)}")
    if target is not None:
        setattr(args, target, [*getattr(args, target), *extra])
    return args


def _subcommands(parser: ArgumentParser) -> argparse._SubParsersAction[ArgumentParser]:
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))


def _count(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {raw!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more: {raw!r}")
    return value
