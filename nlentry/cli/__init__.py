"""The `nlentry` command: `parse` a phrase into a time entry, or measure `accuracy` over case files.

Usage::

    from nlentry.cli import main

    status = main(["parse", "2,5", "uur", "aan", "Timi", "--json"], env={})

`main` never lets a traceback reach the user: bad input gives one line on standard error and a
non-zero `ExitStatus`; an unexpected exception gives "nlentry: internal error: ..." and status 70
(its traceback only when `NLENTRY_DEBUG=1` is in `env`). The parser is imported inside the
commands, so `nlentry --help` stays fast.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator, Mapping
from enum import IntEnum

from nlentry.cli.command_line import UsageError, parse_args
from nlentry.errors import EntryRefused, InputError, NlentryError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import datetime
    from typing import IO, Any

    from nlentry.cli.command_line import Arguments
    from nlentry.messages import Messages
    from nlentry.model import Catalog

__all__ = ["ExitStatus", "main"]


class ExitStatus(IntEnum):
    """The exit statuses of the `nlentry` command."""

    OK = 0
    #: wrong arguments, a bad --now or locale, an unreadable catalog or case file
    USAGE = 1
    #: the phrase could not be read, or the entry it gives was refused (e.g. longer than 24 hours)
    PARSE = 2
    #: the reading is ambiguous or unsure and there is no terminal to ask on (nothing saved)
    AMBIGUOUS = 3
    #: a provider failed (unreachable, credentials refused, entry rejected); an entry stays in the outbox
    PROVIDER = 4
    #: a bug in nlentry (EX_SOFTWARE)
    INTERNAL = 70
    #: stopped with Ctrl-C
    INTERRUPTED = 130


#: the module that runs each command (`run(args, env=...) -> int`); the rest are in nlentry.cli.providers
_COMMANDS = {
    **dict.fromkeys(("add", "start", "stop", "status", "undo", "amend", "ls", "log", "report", "explain",
                     "continue", "restart", "export", "week", "edit"),
                    "nlentry.cli.entries"),
    **dict.fromkeys(("init", "login", "projects", "services", "people", "completion"), "nlentry.cli.setup"),
    **dict.fromkeys(("serve", "apikey", "users"), "nlentry.cli.serve"),
    "db": "nlentry.cli.database",
}


def main(argv: list[str] | None = None, env: Mapping[str, str] | None = None) -> int:
    """Run the `nlentry` command and return its exit status.

    Parameters:
        argv: the arguments after the program name (default: `sys.argv[1:]`).
        env: the environment (default: `os.environ`); `NLENTRY_DEBUG=1` shows tracebacks.
    """
    env = os.environ if env is None else env
    debug = env.get("NLENTRY_DEBUG", "") not in ("", "0")
    err = sys.stderr
    args: Arguments | None = None
    paused = False
    try:
        args = parse_args(argv)
        _check_decoded(args)
        paused = _pause_collector(args)
        if args.command == "parse":
            return _cmd_parse(args, env=env, debug=debug)
        if args.command == "accuracy":
            return _cmd_accuracy(args)
        module = _COMMANDS.get(args.command or "")
        if module is not None:
            import importlib

            return int(importlib.import_module(module).run(args, env=env))
        if args.command is not None:
            from nlentry.cli.providers import run

            return run(args, env=env)
        if _interactive(env):  # bare `nlentry` in a terminal: the quick-entry prompt
            from nlentry.cli.interactive import run as prompt

            return int(prompt(args, env=env))
        raise UsageError(_messages(env, args)("err_no_command"))
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else ExitStatus.OK
    except UsageError as exc:
        return _fail(err, ExitStatus.USAGE, str(exc), debug)
    except (EntryRefused, InputError) as exc:
        return _fail(err, ExitStatus.PARSE, _reason(exc, env, args), debug)
    except (NlentryError, ValueError) as exc:
        return _fail(err, _status_of(exc), _reason(exc, env, args), debug)
    except BrokenPipeError:
        _silence_stdout()
        return ExitStatus.OK
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        return _fail(err, ExitStatus.USAGE, f"{where}{exc.strerror or exc}", debug)
    except KeyboardInterrupt:
        return _fail(err, ExitStatus.INTERRUPTED, _messages(env, args)("err_interrupted"), debug=False)
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"
        return _fail(err, ExitStatus.INTERNAL, _messages(env, args)("err_internal", error=error), debug)
    finally:
        if paused:
            _resume_collector(exiting=argv is None)


def _pause_collector(args: Arguments) -> bool:
    """Pause the cycle collector for a command that reads one phrase (`parse`, but for `--jsonl`, and
    `add`); True when paused. What such a command loads (modules, grammar tables, the catalog's index: a
    few hundred thousand objects) lives as long as the process, and every collection would walk it
    again: about a twentieth of a cold `nlentry parse`. The command's own work is one phrase, so no
    garbage piles up meanwhile."""
    if gc.isenabled() and (args.command == "add" or (args.command == "parse" and not args.jsonl)):
        gc.disable()
        return True
    return False


def _resume_collector(*, exiting: bool) -> None:
    """Turn the cycle collector on again. When `main` ran the process's own command line (`argv` None:
    the process exits next), what is alive is frozen first (`gc.freeze`), so that the collection at exit
    does not walk it once more (about a fifteenth of a cold `nlentry parse`); Python does not promise to
    finalize what is alive at exit anyway."""
    if exiting:
        gc.freeze()
    gc.enable()


def _messages(env: Mapping[str, str], args: Arguments | None, phrase: str | None = None) -> Messages:
    """The messages to answer in: the phrase's language, else the configured one, else LANG's."""
    from nlentry.messages import language, messages_for

    try:
        from nlentry import config

        configured = config.load(env).data.get("language")
    except Exception:  # a broken config.toml must not hide the error being reported
        configured = None
    return messages_for(language(env, configured, phrase or getattr(args, "locale", None)))


def _reason(exc: Exception, env: Mapping[str, str], args: Arguments | None) -> str:
    """An error's message in the user's language (a `JournalError` was said in it already)."""
    from nlentry.booking.journal import JournalError
    from nlentry.render import reason

    if not isinstance(exc, NlentryError) or exc.key is None or isinstance(exc, JournalError):
        return str(exc)
    phrase = exc.entry.locale if isinstance(exc, EntryRefused) else None
    return reason(exc, _messages(env, args, phrase))


#: the arguments holding a phrase (undecodable bytes there: status 2), and those naming files (any bytes)
_PHRASE_ARGS = {"text": "the phrase", "day": "DATE", "since": "--from", "until": "--to"}
_PATH_ARGS = frozenset({"catalog", "file", "paths"})


def _check_decoded(args: Arguments) -> None:
    """Refuse command-line words that are not UTF-8 (Python passes such bytes on as lone surrogates),
    before they reach the parser, the database or a provider; file names may hold any bytes."""
    for name, value in vars(args).items():
        if name in _PATH_ARGS:
            continue
        for word in value if isinstance(value, list) else [value]:
            if not isinstance(word, str) or word.isascii():
                continue
            try:
                word.encode("utf-8")
            except UnicodeEncodeError:
                shown = word.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
                where = _PHRASE_ARGS.get(name)
                if where is not None:
                    raise InputError(f"{where} holds bytes that are not UTF-8 text: '{shown}' "
                                     "(is the terminal set to UTF-8?)", "err_not_utf8", where=where,
                                     shown=shown) from None
                raise UsageError(f"'{shown}' holds bytes that are not UTF-8 text") from None


def _interactive(env: Mapping[str, str]) -> bool:
    try:
        return sys.stdin.isatty() and sys.stdout.isatty() and env.get("TERM", "") != "dumb"
    except (AttributeError, ValueError):
        return False


def _one_line(message: str) -> str:
    return " ".join(message.split("\n")).strip()


def _status_of(exc: Exception) -> ExitStatus:
    # providers are imported only where they are used; a parse never needs them
    from nlentry.providers.base import ProviderError

    return ExitStatus.PROVIDER if isinstance(exc, ProviderError) else ExitStatus.USAGE


def _fail(err: IO[str], status: ExitStatus, message: str, debug: bool) -> int:
    from nlentry.config import redact

    if debug:
        import traceback

        err.write(redact(traceback.format_exc()))
    # a secret must never reach the terminal, even inside a library's message
    err.write(f"nlentry: {_one_line(redact(message))}\n")
    err.flush()
    return status


def _silence_stdout() -> None:
    # The reader went away (e.g. `| head`): point stdout at devnull so the flush at exit cannot fail again.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _now(raw: str | None) -> datetime | None:
    if raw is None:
        return None
    from nlentry.isotime import parse_now

    try:
        return parse_now(raw)
    except ValueError as exc:
        raise UsageError(f"--now: {exc}") from None


def _catalog(path: str | None) -> Catalog | None:
    from nlentry.model import Catalog

    return None if path is None else Catalog.load(path)


# --- parse ---------------------------------------------------------------------------------------


#: the database under the data home (`nlentry.booking.store.DB_FILE`): named here too, so that a parse
#: before any sync or import imports neither the store nor sqlite3
_DB_FILE = "nlentry.db"


def _configured_catalog(env: Mapping[str, str]) -> Catalog | None:
    """The cached catalog of the configured provider with the user's aliases, as `add` reads against;
    None before any sync or import (and no database is made for a parse). Read from the store's snapshot
    beside the database when it is sound: no sqlite3, no store (`nlentry.catalog.snapshot`); and its
    index read from the file `add` keeps it in (`nlentry.catalog.cache`), not built again."""
    from nlentry import config

    database = os.path.join(config.data_dir(env), _DB_FILE)
    if not os.path.exists(database):
        return None
    from nlentry.catalog.snapshot import read_snapshot, snapshot_file

    found = read_snapshot(snapshot_file(database), config.default_provider(env))
    if found is not None:
        catalog = found[0]
    else:
        from nlentry.booking.sync import cached_catalog

        catalog = cached_catalog(env=env)
    if catalog is not None:
        from nlentry.catalog.cache import cached_index, index_folder

        cached_index(catalog, index_folder(database))
    return catalog


def _cmd_parse(args: Arguments, *, env: Mapping[str, str], debug: bool) -> int:
    if args.jsonl:
        if args.text:
            raise UsageError(_messages(env, args)("err_parse_jsonl_text"))
    elif not args.text:
        raise UsageError(_messages(env, args)("err_parse_no_text"))
    now = _now(args.now)
    catalog = None if args.no_catalog else _catalog(args.catalog) if args.catalog else \
        _configured_catalog(env)

    from nlentry.api import parse

    if args.jsonl:
        return _parse_stream(parse, catalog=catalog, now=now, locale=args.locale, debug=debug)

    entry = parse(" ".join(args.text), catalog=catalog, now=now, locale=args.locale)
    out, err = sys.stdout, sys.stderr
    if args.json:
        import json  # only when printed: a cold `add` needs none of it

        out.write(json.dumps(entry.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return ExitStatus.OK

    from nlentry.messages import language, messages_for
    from nlentry.render import summary, warning_text

    out.write(summary(entry) + "\n")
    say = messages_for(language(env, None, entry.locale))
    for warning in entry.warnings:
        err.write(f"nlentry: {say('warning')}: {_one_line(warning_text(warning, say))}\n")
    for name, alternatives in entry.alternatives.items():
        if alternatives:
            options = ", ".join(a.name for a in alternatives)
            err.write(f"nlentry: {say('could_also_be', field=say(name), options=options)}\n")
    return ExitStatus.OK


#: the longest line `parse --jsonl` reads; a longer one is one error line (the phrase limit is 2,000)
MAX_JSONL_LINE = 1 << 20


def _read_lines(limit: int = MAX_JSONL_LINE) -> Iterator[str | bytes]:
    """The lines of standard input as bytes (a text stream's as `str`); a line over `limit` bytes comes
    cut short, and the rest of it is skipped without being held in memory."""
    stdin = sys.stdin
    buffer = getattr(stdin, "buffer", None)
    if buffer is None:  # a text stream without bytes underneath (e.g. io.StringIO in tests)
        yield from iter(stdin.readline, "")
        return
    while raw := buffer.readline(limit + 1):
        if len(raw) > limit and not raw.endswith(b"\n"):
            while (rest := buffer.readline(limit)) and not rest.endswith(b"\n"):
                pass
        yield raw


class _LineError(Exception):
    """Why one line of `parse --jsonl` gives no entry; `case_id` is the line's "id" when it can be echoed,
    `extra` more keys of the error line (the refused entry)."""

    def __init__(self, message: str, case_id: object = None, *, internal: bool = False, **extra: Any) -> None:
        super().__init__(message)
        self.case_id = case_id
        self.internal = internal  # a bug in nlentry, not in the line
        self.extra = extra


def _parse_stream(parse: Any, *, catalog: Catalog | None, now: datetime | None, locale: str | None,
                  debug: bool) -> int:
    """`parse --jsonl`: one output line for every input line, in order, whatever the line holds.

    The exit status is 0 when every line gave an entry, 2 when some gave an error line, 70 when one
    met a bug (its error line says "internal error").
    """
    out = sys.stdout
    status = ExitStatus.OK
    for number, line in enumerate(_read_lines(), start=1):
        try:
            result = _parse_line(parse, line, catalog=catalog, now=now, locale=locale)
        except _LineError as exc:
            if exc.internal and debug:
                import traceback

                traceback.print_exception(exc.__cause__, file=sys.stderr)
            status = max(status, ExitStatus.INTERNAL if exc.internal else ExitStatus.PARSE)
            result = {"id": exc.case_id, "line": number, "error": _clean(str(exc)), **exc.extra}
        _write_json_line(out, result)
    return status


def _clean(message: str) -> str:
    """One line of text that encodes as UTF-8 (a lone surrogate from the input becomes '?')."""
    return _one_line(message).encode("utf-8", "replace").decode("utf-8")


def _write_json_line(out: IO[str], value: dict[str, Any]) -> None:
    import json

    line = json.dumps(value, ensure_ascii=False, allow_nan=False)
    try:
        out.write(line + "\n")
    except UnicodeEncodeError:  # standard output is not UTF-8: the same JSON, in ASCII
        out.write(json.dumps(value, allow_nan=False) + "\n")
    out.flush()


def _parse_line(parse: Any, line: str | bytes, *, catalog: Catalog | None, now: datetime | None,
                locale: str | None) -> dict[str, Any]:
    """The entry of one line of `parse --jsonl` (with the id echoed); `_LineError` when there is none."""
    from nlentry.isotime import parse_now
    from nlentry.strictjson import encodable, loads

    if len(line) > MAX_JSONL_LINE:
        raise _LineError(f"the line is longer than {MAX_JSONL_LINE} bytes")
    if not line.strip():
        raise _LineError("an empty line (each line holds one JSON object)")
    try:
        request = loads(line)
    except ValueError as exc:
        raise _LineError(str(exc)) from None
    if not isinstance(request, dict):
        raise _LineError("not a JSON object (each line holds one, e.g. {\"text\": \"2 uur overleg\"})")
    if not encodable(request.get("id")):
        raise _LineError("'id' holds a lone surrogate (\\ud800-\\udfff): it cannot be written back")
    case_id = request.get("id")
    text = request.get("text")
    if not isinstance(text, str):
        raise _LineError("missing 'text'" if text is None else "'text' must be a string", case_id)
    line_now, line_locale = now, request.get("locale", locale)
    if request.get("now") is not None:
        if not isinstance(request["now"], str):
            raise _LineError("'now' must be an ISO 8601 string", case_id)
        try:
            line_now = parse_now(request["now"])
        except ValueError as exc:
            raise _LineError(f"'now' is {exc}", case_id) from None
    if line_locale is not None and not isinstance(line_locale, str):
        raise _LineError("'locale' must be a string", case_id)
    try:
        entry = parse(text, catalog=catalog, now=line_now, locale=line_locale)
    except EntryRefused as exc:
        raise _LineError(str(exc), case_id, entry=exc.entry.to_dict()) from None
    except NlentryError as exc:
        raise _LineError(str(exc), case_id) from None
    except Exception as exc:  # a bug: this line says so, and the stream goes on
        raise _LineError(f"internal error: {type(exc).__name__}: {exc}", case_id, internal=True) from exc
    data = entry.to_dict()
    return {"id": case_id, **data} if "id" in request else data


# --- accuracy ------------------------------------------------------------------------------------


def _cmd_accuracy(args: Arguments) -> int:
    from nlentry import accuracy
    from nlentry.cli.render import accuracy_report

    report = accuracy.run(args.paths, catalog=_catalog(args.catalog), use_lang=args.use_lang)
    if args.json:
        import json

        data = report.to_dict(failures=args.failures)
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(accuracy_report(report, failures=args.failures))
    return ExitStatus.OK
