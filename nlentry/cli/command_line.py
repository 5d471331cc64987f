"""The command line as the commands get it: `parse_args`, the `Arguments` it gives, and `UsageError`.

Usage::

    args = parse_args(["add", "--dry-run", "2,5 uur aan Timi"])
    args.command, args.text, args.dry_run     # 'add', ['2,5 uur aan Timi'], True

A line of `parse` or `add` (the commands a cold start is timed by) made of the command's own options,
spelt out in full, and words is read here, without argparse: importing argparse and building the
command's parser (gettext looks up argparse's translations on every parser made) is about a seventh
of a cold `nlentry parse`. Every other line (help, a misspelt, shortened or unknown option, `--`, a
word that starts with `-`, options that exclude each other) goes to the argparse parser of
`nlentry.cli.args`, which gives the same `Arguments` for what both read (tests/cli/test_quick_line.py
checks it on every such line it makes up) and says what is wrong with the rest.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["QUICK", "Arguments", "UsageError", "parse_args", "read_quick"]


class UsageError(Exception):
    """The command line is wrong; the message is one line for standard error."""


class Arguments:
    """What a command line says: one attribute per option and positional, as `argparse.Namespace` holds
    them (argparse's parser fills one of these too)."""

    def __init__(self, **values: Any) -> None:
        self.__dict__.update(values)

    def __eq__(self, other: object) -> bool:
        return vars(self) == vars(other) if isinstance(other, Arguments) else NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __contains__(self, name: str) -> bool:
        return name in self.__dict__

    def __repr__(self) -> str:
        return f"Arguments({', '.join(f'{k}={v!r}' for k, v in self.__dict__.items())})"

    if TYPE_CHECKING:  # the attributes are the command's own, as argparse.Namespace's are
        def __getattr__(self, name: str) -> Any: ...

        def __setattr__(self, name: str, value: Any) -> None: ...


FLAG, VALUE = "flag", "value"

#: the commands read without argparse: their options as `nlentry.cli.args.build_parser` defines them,
#: in its order (dest, option strings, a store_true FLAG or a VALUE), and the options that exclude each
#: other; the words go to `text`
QUICK: dict[str, tuple[tuple[tuple[str, tuple[str, ...], str], ...], tuple[frozenset[str], ...]]] = {
    "parse": ((("json", ("--json",), FLAG), ("jsonl", ("--jsonl",), FLAG), ("catalog", ("--catalog",), VALUE),
               ("no_catalog", ("--no-catalog",), FLAG), ("now", ("--now",), VALUE),
               ("locale", ("--locale",), VALUE)),
              (frozenset({"catalog", "no_catalog"}),)),
    "add": ((("yes", ("-y", "--yes"), FLAG), ("confirm", ("--confirm",), FLAG),
             ("dry_run", ("-n", "--dry-run"), FLAG), ("provider", ("--provider",), VALUE),
             ("now", ("--now",), VALUE), ("locale", ("--locale",), VALUE), ("json", ("--json",), FLAG)),
            (frozenset({"yes", "confirm"}),)),
}


def parse_args(argv: list[str] | None = None) -> Arguments:
    """The command line `argv` (default: `sys.argv[1:]`) read: by `read_quick` when it can, else by
    argparse (`nlentry.cli.args.parse_args`: `UsageError` for a wrong line, `SystemExit` after help)."""
    argv = sys.argv[1:] if argv is None else argv
    quick = read_quick(argv)
    if quick is not None:
        return quick
    from nlentry.cli.args import parse_args as read_with_argparse

    return read_with_argparse(argv)


def read_quick(argv: list[str]) -> Arguments | None:
    """`argv` read as argparse reads it, for a line of a `QUICK` command holding only its options
    (`--now X` or `--now=X`) and words and values that do not start with `-`; None for any other line."""
    if not argv or argv[0] not in QUICK:
        return None
    options, exclusive = QUICK[argv[0]]
    takes = {name: (dest, kind) for dest, names, kind in options for name in names}
    values: dict[str, object] = {}
    words: list[str] = []
    at = 1
    while at < len(argv):
        word = argv[at]
        at += 1
        if not word.startswith("-"):
            words.append(word)
            continue
        name, equals, given = word.partition("=")
        dest, kind = takes.get(word if not equals or not word.startswith("--") else name, ("", ""))
        if kind == FLAG and word in takes:
            values[dest] = True
        elif kind == VALUE and equals and word.startswith("--") and given and not given.startswith("-"):
            values[dest] = given
        elif kind == VALUE and word in takes and at < len(argv) and not argv[at].startswith("-"):
            values[dest] = argv[at]
            at += 1
        else:
            return None  # help, an unknown or shortened option, `--`, `-5`, a missing value: argparse's
    if any(len(group & values.keys()) > 1 for group in exclusive):
        return None  # argparse says which options exclude each other
    args = Arguments(command=argv[0], text=words)
    for dest, _, kind in options:
        setattr(args, dest, values.get(dest, False if kind == FLAG else None))
    return args
