"""The quick-entry commands: add, start, stop, status, undo, amend, ls, report, explain.

Each is a thin layer over `nlentry.booking.journal.Journal`: read the phrase, show what was understood, ask
only when the reading is ambiguous or unsure, save through the outbox, answer in the phrase's
language. Exit statuses: 0 ok, 1 usage, 2 the phrase gives no entry, 3 ambiguous and no terminal to
ask on (nothing saved), 4 the provider failed (the entry is kept in the outbox).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta

from nlentry import config
from nlentry.cli.command_line import UsageError
from nlentry.messages import Messages, language, messages_for
from nlentry.render import hours, summary, warning_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import IO, Any

    from nlentry.booking.journal import Journal, Timer
    from nlentry.booking.outbox import OutboxItem
    from nlentry.cli.command_line import Arguments
    from nlentry.cli.targets import Targets
    from nlentry.model import Alternative, Entry

__all__ = ["preview", "run"]

OK, USAGE, AMBIGUOUS, PROVIDER_FAILED = 0, 1, 3, 4

_COLOURS = {"date": "36", "duration": "32", "time": "34", "project": "1;33", "service": "35",
            "client": "33", "persons": "36", "tags": "90", "description": "", "defaulted": "2"}


class Context:
    """What one command needs: arguments, environment, configuration, language, output and the journal."""

    def __init__(self, args: Arguments, env: Mapping[str, str], *,
                 out: IO[str] | None = None, err: IO[str] | None = None) -> None:
        self.args = args
        self.env = env
        self.cfg = config.load(env)
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.colour = _colour(self.out, env)
        self.now = _now(getattr(args, "now", None))
        self._journal: Journal | None = None
        self.numbers: dict[str, int] = {}  # entry key -> its number for `continue N` (ls --keys)
        self.say: Messages = messages_for(language(env, self.cfg.data.get("language")))

    @property
    def journal(self) -> Journal:
        """The user's journal (opened on first use)."""
        if self._journal is None:
            from nlentry.booking.journal import Journal, JournalError

            try:
                self._journal = Journal.open(self.env, provider=getattr(self.args, "provider", None),
                                             cfg=self.cfg)
            except JournalError as exc:
                raise UsageError(self.say(exc.key, **exc.values) if exc.key else str(exc)) from None
        return self._journal

    def speak(self, locale: str | None) -> None:
        """Answer in the language of this phrase from now on (unless configured otherwise)."""
        self.say = messages_for(language(self.env, self.cfg.data.get("language"), locale))

    def print(self, line: str = "") -> None:
        """A line of the result, on standard output."""
        self.out.write(config.redact(line) + "\n")

    def note(self, line: str) -> None:
        """A line about the result, on standard error."""
        self.err.write(f"nlentry: {config.redact(line)}\n")

    def paint(self, text: str, part: str) -> str:
        """`text` coloured as `part` on a terminal; plain otherwise."""
        code = _COLOURS.get(part, "")
        return f"\x1b[{code}m{text}\x1b[0m" if self.colour and code and text else text

    @property
    def targets(self) -> Targets:
        """The hours to work (`[targets]` in config.toml); a `UsageError` for a bad value."""
        from nlentry.cli.targets import Targets, TargetsError

        try:
            return Targets.from_config(self.cfg.data)
        except TargetsError as exc:
            raise UsageError(self.say("err_target", key=exc.key, value=repr(exc.value))) from None

    def target_line(self, first: date, last: date, worked: int) -> str | None:
        """`target 36:00 · worked 31:30 · diff -4:30` for the period, or None without targets."""
        from nlentry.cli.targets import signed

        targets = self.targets
        if not targets:
            return None
        should = targets.between(first, last)
        return self.say("target_line", target=hours(should), worked=hours(worked),
                        diff=signed(worked - should))

    def close(self) -> None:
        """Close the journal."""
        if self._journal is not None:
            self._journal.close()


def _colour(stream: IO[str], env: Mapping[str, str]) -> bool:
    if "NO_COLOR" in env or env.get("TERM", "") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _now(raw: str | None) -> datetime:
    from nlentry.isotime import parse_now

    if raw is None:
        return datetime.now().astimezone()
    try:
        return parse_now(raw)
    except ValueError as exc:
        raise UsageError(f"--now: {exc}") from None


def _dumps(value: object, **options: Any) -> str:
    """`json.dumps`, imported when used: a cold `add` prints no JSON, and importing json is a
    twentieth of it."""
    import json

    return json.dumps(value, **options)


def run(args: Arguments, *, env: Mapping[str, str]) -> int:
    """Run one of this module's commands."""
    handlers: dict[str, Callable[[Context], int]] = {
        "add": cmd_add, "start": cmd_start, "stop": cmd_stop, "status": cmd_status, "undo": cmd_undo,
        "amend": cmd_amend, "ls": cmd_ls, "log": cmd_log, "report": cmd_report, "explain": cmd_explain,
        "continue": cmd_continue, "restart": cmd_continue, "export": cmd_export, "week": cmd_week,
        "edit": cmd_edit,
    }
    from nlentry.booking.journal import JournalError
    from nlentry.errors import EntryRefused

    ctx = Context(args, env)
    try:
        return handlers[args.command](ctx)
    except JournalError as exc:  # said again in the user's language
        if exc.key is None:
            raise
        values = {k: ctx.say(f"verb_{v}") if k == "verb" else v for k, v in exc.values.items()}
        raise JournalError(ctx.say(exc.key, **values), exc.key, **exc.values) from None
    except EntryRefused as exc:
        if exc.entry.duration:
            raise
        raise EntryRefused(ctx.say("err_no_length"), exc.entry) from None
    finally:
        ctx.close()


# --- showing an entry ----------------------------------------------------------------------------


def preview(entry: Entry, say: Messages, paint: Callable[[str, str], str], *,
            today: date | None = None, rounded: int | None = None) -> str:
    """One line showing each part of the entry: recognised parts coloured, defaulted ones marked.

        di 24-11-2026 (vandaag, standaard) · 2:30 · project Timi · dienst — · met Rowan · "gewerkt"
    """
    implied = entry.implied
    weekday = say(f"weekday_{entry.date.weekday()}") if say("weekday_0") != "weekday_0" else ""
    day = f"{weekday} {entry.date:%d-%m-%Y}".strip()
    notes = []
    if today is not None and entry.date == today:
        notes.append(say("today"))
    elif today is not None and entry.date == today - timedelta(days=1):
        notes.append(say("yesterday"))
    if "date" in implied:
        notes.append(say("defaulted"))
    parts = [paint(day, "defaulted" if "date" in implied else "date")
             + (f" ({', '.join(notes)})" if notes else "")]
    if entry.duration is not None:
        label = hours(entry.duration)
        if rounded is not None and rounded != entry.duration:  # rounding for billing: `1:07 -> 1:15`
            label = f"{label} -> {hours(rounded)}"
        parts.append(paint(label, "defaulted" if "duration" in implied else "duration"))
    if entry.start is not None or entry.end is not None:
        start = "" if entry.start is None else f"{entry.start:%H:%M}"
        end = "" if entry.end is None else f"{entry.end:%H:%M}"
        parts.append(paint(f"{start}–{end}", "time"))
    none = say("none")
    parts.append(f"{say('project')} " + (paint(entry.project.name, "project") if entry.project else none))
    if entry.client is not None and entry.project is None:  # a client with more than one project
        parts.append(f"{say('client')} " + paint(entry.client.name, "client"))
    parts.append(f"{say('service')} " + (paint(entry.service.name, "service") if entry.service else none))
    if entry.persons:
        parts.append(f"{say('persons')} " + paint(", ".join(p.name for p in entry.persons), "persons"))
    if entry.tags:
        parts.append(paint(" ".join(t if t.startswith("#") else f"#{t}" for t in entry.tags), "tags"))
    if entry.description:
        parts.append(f'"{entry.description}"')
    return " · ".join(parts)


def show(ctx: Context, entry: Entry, stream: IO[str] | None = None) -> None:
    rounded = ctx.journal.rounding(entry).duration
    line = preview(entry, ctx.say, ctx.paint, today=ctx.now.date(), rounded=rounded)
    (stream or ctx.out).write(line + "\n")
    for warning in entry.warnings:
        ctx.note(warning_text(warning, ctx.say))


def _item_json(item: OutboxItem) -> dict[str, Any]:
    from nlentry.cli.export import item_json

    return item_json(item)


def outcome(ctx: Context, item: OutboxItem, *, done: str = "saved", waiting: str = "queued") -> int:
    """Say what became of a saved (or undone) entry; the exit status.

    `done` and `waiting` name the messages for a posted item and for one still pending.
    """
    if ctx.args.json:
        ctx.print(_dumps(_item_json(item), ensure_ascii=False, indent=2))
    return _became(ctx, item, done=done, waiting=waiting)


def _became(ctx: Context, item: OutboxItem, *, done: str = "saved", waiting: str = "queued") -> int:
    about = {"provider": item.provider, "summary": summary(item.entry), "key": item.key[:8],
             "error": item.last_error or "?"}
    if item.state == "posted":
        if not ctx.args.json:
            ctx.print(ctx.say(done, **about))
        return OK
    ctx.note(ctx.say("rejected" if item.state == "failed" else waiting, **about))
    return PROVIDER_FAILED


def _phrase(ctx: Context, what: str = "what_phrase") -> str:
    text = " ".join(getattr(ctx.args, "text", []) or []).strip()
    if not text:
        raise UsageError(ctx.say("err_give_phrase", what=ctx.say(what), command=ctx.args.command))
    return text


def _read(ctx: Context, text: str) -> Entry:
    entry = ctx.journal.read(text, now=ctx.now, locale=ctx.args.locale)
    ctx.speak(entry.locale)
    if ctx.journal.catalog is None:
        ctx.note(ctx.say("qe_no_catalog"))
    return entry


def _read_all(ctx: Context, text: str) -> list[Entry]:
    entries = ctx.journal.read_all(text, now=ctx.now, locale=ctx.args.locale)
    ctx.speak(entries[0].locale)
    if ctx.journal.catalog is None:
        ctx.note(ctx.say("qe_no_catalog"))
    return entries


# --- add -----------------------------------------------------------------------------------------


def cmd_add(ctx: Context) -> int:
    """Read, show, (ask,) save."""
    return add_entries(ctx, _read_all(ctx, _phrase(ctx)))


def add_entries(ctx: Context, entries: list[Entry]) -> int:
    """Show, (ask,) save the entries of one phrase (`add`, and each line of the quick-entry prompt)."""
    from nlentry.booking.journal import bookable

    several = len(entries) > 1  # "maandag en dinsdag 4 uur": shown, asked and saved together
    for entry in entries:
        bookable(entry)
    shown = ctx.err if ctx.args.json else ctx.out
    if several:
        shown.write(ctx.say("several_entries", count=len(entries)) + "\n")
    for entry in entries:
        show(ctx, entry, shown)
    if ctx.args.dry_run:
        if ctx.args.json:
            dry = [{"key": None, "provider": ctx.journal.provider, "state": "dry-run",
                    "entry": ctx.journal.rounding(e).to_dict()} for e in entries]
            ctx.print(_dumps(dry if several else dry[0], ensure_ascii=False, indent=2))
        else:
            ctx.print(ctx.say("dry_run"))
        return OK
    first, doubts = next(((e, d) for e in entries if (d := _doubts(ctx, e))), (entries[0], []))
    if not ctx.args.yes and (doubts or ctx.args.confirm):
        decision, picked = confirm(ctx, first, doubts)
        if decision == "cannot":
            return AMBIGUOUS
        if decision == "skip":
            ctx.print(ctx.say("not_saved"))
            return OK
        entries = [picked if e is first else _as_picked(e, first, picked) for e in entries]
    if not several:
        return outcome(ctx, ctx.journal.save(entries[0]))
    items = ctx.journal.save_all(entries)
    if ctx.args.json:
        ctx.print(_dumps([_item_json(i) for i in items], ensure_ascii=False, indent=2))
    return max(_became(ctx, item) for item in items)


def _doubts(ctx: Context, entry: Entry) -> list[str]:
    """Why to ask before saving: the journal's doubts, and on a terminal a name read from a near miss
    (`webshp` for Webshop): worth one question, which offers to learn it as an alias."""
    doubts = ctx.journal.doubts(entry)
    if not doubts and _interactive(ctx) and _typos(ctx, entry):
        doubts = ["near_miss"]
    return doubts


def _typos(ctx: Context, entry: Entry) -> list[str]:
    """The fields whose name was read from a near miss that is no name or alias in the catalog."""
    from nlentry.booking.journal import catalog_name, near_miss

    catalog = ctx.journal.catalog
    found = []
    for span in entry.spans:
        typed = span.text.strip()
        if catalog is not None and near_miss(entry, typed) and catalog_name(catalog, typed) is None:
            found.append(span.field)
    return found


def _as_picked(entry: Entry, asked: Entry, picked: Entry) -> Entry:
    """`entry` with the names picked for `asked` (the one entry the question was about), where they were
    the same as in `asked`: the entries of one phrase share their names."""
    if picked is asked:
        return entry
    changes = {f: getattr(picked, f) for f in ("project", "service", "client", "persons")
               if getattr(picked, f) != getattr(asked, f) and getattr(entry, f) == getattr(asked, f)}
    if not changes:
        return entry
    return entry.replace(**changes, alternatives={}, confidence=max(entry.confidence, picked.confidence))


def _interactive(ctx: Context) -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _doubt_text(ctx: Context, entry: Entry, doubts: list[str]) -> str:
    reasons = []
    for field in doubts:
        if field == "confidence":
            reasons.append(ctx.say("low_confidence", confidence=f"{entry.confidence:.2f}"))
        elif field == "near_miss":
            reasons.extend(warning_text(w, ctx.say) for w in entry.warnings if w.startswith("read '"))
        else:
            options = ", ".join(a.name for a in entry.alternatives.get(field, ()))
            reasons.append(ctx.say("ambiguous", field=ctx.say(field), options=options))
    return "; ".join(reasons) or ctx.say("ask_unsure", reasons="--confirm")


def confirm(ctx: Context, entry: Entry, doubts: list[str]) -> tuple[str, Entry]:
    """Ask on the terminal: ("save", the entry, maybe with an alternative picked), or ("skip", entry).

    ("cannot", entry) when there is no terminal to ask on (the caller exits with status 3).
    """
    if not _interactive(ctx):
        ctx.note(ctx.say("no_terminal", what=_doubt_text(ctx, entry, doubts)))
        return "cannot", entry
    from nlentry.model import Alternative

    prompt = ctx.err
    choices: list[tuple[str, Alternative]] = []
    for doubt in ("confidence", "near_miss"):
        if doubt in doubts:
            prompt.write(ctx.say("ask_unsure", reasons=_doubt_text(ctx, entry, [doubt])) + "\n")
    for field, options in entry.alternatives.items():
        if not options:
            continue
        current = getattr(entry, field, None)
        prompt.write(ctx.say("ask_pick", field=ctx.say(field)) + "\n")
        if current is not None:  # the reading as it stands comes first, marked: Enter keeps it
            options = (Alternative(current.id, current.name, 1.0), *options)
        for option in options:
            choices.append((field, option))
            mark = " *" if current is not None and current.id == option.id else ""
            prompt.write(f"  {len(choices)}) {option.name}{mark}\n")
    extra = f"/1-{len(choices)}" if choices else ""
    prompt.write(ctx.say("ask_save", choices=extra))
    prompt.flush()
    try:
        answer = input().strip()
    except EOFError:
        answer = "n"
    if answer.isdigit() and 1 <= int(answer) <= len(choices):
        field, option = choices[int(answer) - 1]
        entry = _pick(ctx, entry, field, option)
        show(ctx, entry, ctx.err if ctx.args.json else ctx.out)
        _offer_alias(ctx, entry, field)
        return "save", entry
    if answer and not ctx.say.yes(answer):
        return "skip", entry
    for field in ("project", "service", "client"):
        _offer_alias(ctx, entry, field, only_typos=True)
    return "save", entry


def _pick(ctx: Context, entry: Entry, field: str, option: Alternative) -> Entry:
    from nlentry.model import Ref

    changes: dict[str, Any] = {field: Ref(option.id, option.name), "alternatives": {}}
    catalog = ctx.journal.catalog
    if field == "project" and catalog is not None:
        client = catalog.client_of(option.id)
        changes["client"] = Ref(client.id, client.name) if client else entry.client
    return entry.replace(**changes, confidence=max(entry.confidence, ctx.journal.confirm_below))


def _offer_alias(ctx: Context, entry: Entry, field: str, *, only_typos: bool = False) -> None:
    """After a pick (or a one-edit match), offer to remember the words typed as an alias.

    Never for words that are a name or an alias in the catalog already: `Timi` picked as Webshop
    must not make one project's name stand for another.
    """
    from nlentry.booking.journal import catalog_name, near_miss

    ref = getattr(entry, field, None)
    span = next((s for s in entry.spans if s.field == field), None)
    catalog = ctx.journal.catalog
    if ref is None or span is None or catalog is None:
        return
    typed = span.text.strip()
    item = catalog.item(field, ref.id)
    known = {ref.name.casefold(), *(a.casefold() for a in getattr(item, "aliases", ()))}
    if typed.casefold() in known or (only_typos and not near_miss(entry, typed)):  # no pick: typos only
        return
    if catalog_name(catalog, typed) is not None:
        return
    ctx.err.write(ctx.say("ask_alias", alias=typed, name=ref.name))
    ctx.err.flush()
    try:
        answer = input()
    except EOFError:
        return
    if ctx.say.yes(answer):
        ctx.journal.store.add_alias(ctx.journal.provider, typed, ref.name, field)
        ctx.journal.forget_catalog()
        ctx.print(ctx.say("alias_added", alias=typed, name=ref.name))


# --- timers --------------------------------------------------------------------------------------


def _blank(ctx: Context) -> Entry:
    from nlentry.model import Entry

    return Entry(text="", locale=ctx.say.code, date=ctx.now.date(), implied=frozenset({"date"}))


def cmd_start(ctx: Context) -> int:
    """Start a timer, stopping (and saving) a running one first."""
    text = " ".join(ctx.args.text).strip()
    entry = _read(ctx, text) if text else _blank(ctx)
    timer, previous = ctx.journal.start(entry, now=ctx.now)
    return _started(ctx, timer, previous, "timer_started")


def cmd_continue(ctx: Context) -> int:
    """Start a timer on what the last entry (or entry N, newest first) was."""
    timer, previous, item = ctx.journal.resume(ctx.args.number, now=ctx.now)
    ctx.speak(item.entry.locale)
    return _started(ctx, timer, previous, "timer_continued", continues=item.key)


def _started(ctx: Context, timer: Timer, previous: OutboxItem | None, message: str, **extra: str) -> int:
    """Say that the timer started (and that a running one was stopped and saved); the exit status."""
    status = OK
    if previous is not None:
        switched = ctx.say("timer_switched", summary=summary(previous.entry))
        if ctx.args.json:  # standard output holds the JSON of the new timer only
            ctx.note(switched)
        else:
            ctx.print(switched)
        status = _became(ctx, previous) if previous.state != "posted" else OK
    if ctx.args.json:
        ctx.print(_dumps({"started": timer.started.isoformat(), "provider": timer.provider, **extra,
                              "entry": timer.entry.to_dict()}, ensure_ascii=False, indent=2))
    else:
        ctx.print(ctx.say(message, since=f"{timer.started:%H:%M}", summary=_timer_text(timer.entry)))
    return status


def _timer_text(entry: Entry) -> str:
    parts = [p for p in ((entry.project or entry.client), entry.service) if p is not None]
    text = " · ".join(p.name for p in parts)
    if entry.description:
        text += (" · " if text else "") + f'"{entry.description}"'
    return text or "—"


def cmd_stop(ctx: Context) -> int:
    """Stop the timer and save it (or throw it away with --cancel)."""
    if ctx.args.cancel:
        cancelled = ctx.journal.cancel(now=ctx.now)
        ctx.speak(cancelled.entry.locale or None)
        if ctx.args.json:
            ctx.print(_dumps({"started": cancelled.started.isoformat(), "provider": cancelled.provider,
                                  "entry": cancelled.entry.to_dict()}, ensure_ascii=False, indent=2))
        else:
            ctx.print(ctx.say("timer_cancelled", summary=_timer_text(cancelled.entry)))
        return OK
    text = " ".join(ctx.args.text).strip() or None
    running = ctx.journal.timer(now=ctx.now)
    if running is not None:
        ctx.speak(running.entry.locale or None)
    item = ctx.journal.stop(text, now=ctx.now, locale=ctx.args.locale)
    if not ctx.args.json:
        show(ctx, item.entry)
    return outcome(ctx, item)


def cmd_status(ctx: Context) -> int:
    """The running timer and today's total."""
    timer = ctx.journal.timer(now=ctx.now)
    today = ctx.journal.entries(ctx.now.date(), ctx.now.date())
    total = sum(i.entry.duration or 0 for i in today)
    day = ctx.now.date()
    if ctx.args.json:
        data: dict[str, Any] = {"timer": None, "today": {"seconds": total, "entries": len(today)}}
        if ctx.targets:
            data["today"] |= {"target": ctx.targets.day(day), "diff": total - ctx.targets.day(day)}
        if timer is not None:
            data["timer"] = {"started": timer.started.isoformat(), "elapsed": timer.elapsed(ctx.now),
                             "provider": timer.provider, "entry": timer.entry.to_dict()}
        ctx.print(_dumps(data, ensure_ascii=False, indent=2))
        return OK
    if timer is None:
        ctx.print(ctx.say("timer_none"))
    else:
        ctx.speak(timer.entry.locale or None)
        ctx.print(ctx.say("timer_running", elapsed=hours(timer.elapsed(ctx.now)),
                          since=f"{timer.started:%H:%M}", summary=_timer_text(timer.entry)))
    ctx.print(ctx.say("today_total", total=hours(total), count=len(today)))
    if (line := ctx.target_line(day, day, total)) is not None:
        ctx.print(line)
    return OK


# --- undo and amend ------------------------------------------------------------------------------


def cmd_undo(ctx: Context) -> int:
    """Remove the last entry (or KEY), at the provider too; on a terminal it first shows the entry and
    asks when it is older than today or was posted already (`-y` does not ask), as `watson remove`."""
    target = ctx.journal.last() if ctx.args.key is None else ctx.journal.find(ctx.args.key)
    if target is not None and not target.deleted and not ctx.args.yes and _interactive(ctx) \
            and (target.entry.date < ctx.now.date() or target.state == "posted"):
        ctx.speak(target.entry.locale)
        ctx.err.write(ctx.say("undo_shows", summary=summary(target.entry)) + "\n")
        ctx.err.write(ctx.say("ask_undo"))
        ctx.err.flush()
        try:
            answer = input()
        except EOFError:
            answer = ""
        if not ctx.say.yes(answer):
            ctx.print(ctx.say("not_undone"))
            return OK
    item = ctx.journal.undo(ctx.args.key if target is None else target.key)
    ctx.speak(item.entry.locale)
    return outcome(ctx, item, done="undone", waiting="undone_pending")


def cmd_amend(ctx: Context) -> int:
    """Change the last entry (or --key) with what a phrase says."""
    text = _phrase(ctx, "what_change")
    before, after = ctx.journal.amend(text, key=ctx.args.key, now=ctx.now, locale=ctx.args.locale)
    ctx.speak(before.entry.locale)
    if not ctx.args.json:
        ctx.print(ctx.say("was", summary=summary(before.entry)))
        ctx.print(ctx.say("amended", summary=preview(after.entry, ctx.say, ctx.paint, today=ctx.now.date())))
    return outcome(ctx, after)


def cmd_edit(ctx: Context) -> int:
    """Open the last entry (or KEY) in $EDITOR as TOML and save the change through the outbox."""
    from nlentry.booking.journal import JournalError
    from nlentry.cli.edit import EditError, apply, edit_in_editor, to_toml

    key = ctx.args.key
    item = ctx.journal.last() if key is None else ctx.journal.find(key)
    if item is None and key is None:
        raise JournalError("nothing to edit: no entry logged yet", "err_nothing_to", verb="edit")
    if item is None or item.deleted:
        raise JournalError(f"no entry {key!r} (or the key is ambiguous)", "err_no_entry", key=repr(key))
    ctx.speak(item.entry.locale)
    try:
        text = edit_in_editor(to_toml(item.entry, ctx.say("edit_header", key=item.key[:8])), ctx.env)
        changed = apply(item.entry, text, ctx.journal.catalog)
    except EditError as exc:
        raise UsageError(ctx.say(exc.key, **exc.values)) from None
    if changed is None:
        ctx.print(ctx.say("edit_unchanged"))
        return OK
    after = ctx.journal.replace(item.key, changed)
    if not ctx.args.json:
        ctx.print(ctx.say("was", summary=summary(item.entry)))
        ctx.print(ctx.say("amended", summary=preview(after.entry, ctx.say, ctx.paint, today=ctx.now.date())))
    return outcome(ctx, after)


# --- ls and report -------------------------------------------------------------------------------


def _date_phrase(ctx: Context, text: str, option: str) -> date:
    """A day given as YYYY-MM-DD or as a phrase (`gisteren`, `vorige week maandag`)."""
    from nlentry.api import parse
    from nlentry.errors import NlentryError

    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        pass
    try:
        entry = parse(text, now=ctx.now, locale=ctx.args.locale)
    except NlentryError as exc:
        raise UsageError(f"{option}: {exc}") from None
    if "date" in entry.implied:
        raise UsageError(ctx.say("err_no_day", option=option, text=repr(text)))
    ctx.speak(entry.locale)
    return entry.date


def period(ctx: Context, default: str) -> tuple[date, date]:
    """The first and last day the options (or DATE words) name; `default` is 'today' or 'week'."""
    args, today = ctx.args, ctx.now.date()
    monday = today - timedelta(days=today.weekday())
    first_of_month = today.replace(day=1)
    words = " ".join(getattr(args, "day", []) or []).strip()
    if words and (args.since or args.until):
        raise UsageError(ctx.say("err_day_and_range", words=repr(words)))
    if words:
        day = _date_phrase(ctx, words, "DATE")
        return day, day
    if args.since or args.until:
        first = _date_phrase(ctx, args.since, "--from") if args.since else monday
        last = _date_phrase(ctx, args.until, "--to") if args.until else today
        if last < first:
            raise UsageError(ctx.say("err_to_before_from", first=first, last=last))
        return first, last
    if args.today:
        return today, today
    if args.week or (default == "week" and not (args.last_week or args.month or args.last_month)):
        return monday, monday + timedelta(days=6)
    if args.last_week:
        return monday - timedelta(days=7), monday - timedelta(days=1)
    if args.month:
        next_month = (first_of_month + timedelta(days=32)).replace(day=1)
        return first_of_month, next_month - timedelta(days=1)
    if args.last_month:
        last = first_of_month - timedelta(days=1)
        return last.replace(day=1), last
    return today, today


def selected(ctx: Context, first: date, last: date) -> list[OutboxItem]:
    """The entries of the period that pass the filter options (`--project`, `--tag`, ...)."""
    from nlentry.cli.filters import EntryFilter

    items = ctx.journal.entries(first, last, provider=ctx.args.provider)
    keep = EntryFilter.from_args(ctx.args, ctx.journal.catalog)
    return [item for item in items if keep(item.entry)] if keep else items


def cmd_ls(ctx: Context) -> int:
    """Entries by day, with daily totals and the total."""
    first, last = period(ctx, "today")
    items = selected(ctx, first, last)
    if ctx.args.keys:
        ctx.numbers = {key: n for n, key in enumerate(ctx.journal.recent_keys(), start=1)}
    if ctx.args.jsonl:
        for item in items:
            ctx.print(_dumps(_item_json(item), ensure_ascii=False))
        return OK
    if ctx.args.json:
        ctx.print(_dumps([_item_json(item) for item in items], ensure_ascii=False, indent=2))
        return OK
    if not items:
        ctx.print(ctx.say("no_entries", first=f"{first:%d-%m-%Y}", last=f"{last:%d-%m-%Y}"))
        return OK
    by_day: dict[date, list[OutboxItem]] = {}
    for item in items:
        by_day.setdefault(item.entry.date, []).append(item)
    width = 72
    for day, day_items in by_day.items():
        total = hours(sum(i.entry.duration or 0 for i in day_items))
        head = f"{ctx.say(f'weekday_{day.weekday()}')} {day:%d-%m-%Y}"
        ctx.print(ctx.paint(head, "date") + " " * max(1, width - len(head) - len(total)) + total)
        for item in day_items:
            ctx.print("  " + _ls_line(ctx, item))
    if len(by_day) > 1:
        total = hours(sum(i.entry.duration or 0 for i in items))
        label = ctx.say("total")
        ctx.print(label + " " * max(1, width - len(label) - len(total)) + total)
    if (line := ctx.target_line(first, last, sum(i.entry.duration or 0 for i in items))) is not None:
        ctx.print(line)
    return OK


def cmd_log(ctx: Context) -> int:
    """`log` is `ls`, as `watson log` lists; for one release it says so (it booked time before)."""
    ctx.note(ctx.say("log_is_ls"))
    return cmd_ls(ctx)


def _ls_line(ctx: Context, item: OutboxItem) -> str:
    e = item.entry
    times = f"{e.start:%H:%M}–{e.end:%H:%M}" if e.start is not None and e.end is not None else " " * 11
    names = [n.name for n in (e.project or e.client, e.service) if n is not None]
    if e.persons:
        names.append(f"{ctx.say('persons')} {', '.join(p.name for p in e.persons)}")
    text = " · ".join(names)
    if e.description:
        text += (" · " if text else "") + f'"{e.description}"'
    line = f"{times}  {hours(e.duration or 0):>5}  {text}"
    if item.state != "posted":
        line += "  " + ctx.paint(f"[{item.state}]", "defaulted")
    if ctx.args.keys:
        number = f"#{ctx.numbers.get(item.key, '')}"
        line = f"{number:>4} {line}  {ctx.paint(item.key[:8], 'defaulted')}"
    return line


def cmd_report(ctx: Context) -> int:
    """Totals per project, service, client, person or day."""
    from nlentry.booking.journal import totals

    first, last = period(ctx, "week")
    entries = [i.entry for i in selected(ctx, first, last)]
    if ctx.args.chart or ctx.args.format in ("svg", "png"):
        return _chart(ctx, entries, first, last)
    rows = totals(entries, ctx.args.by)
    grand = sum(e.duration or 0 for e in entries)
    fmt = "json" if ctx.args.json else ctx.args.format
    if fmt == "json":
        report: dict[str, Any] = {
            "from": first.isoformat(), "to": last.isoformat(), "by": ctx.args.by, "seconds": grand,
            "rows": [{"name": n or None, "seconds": s, "hours": round(s / 3600, 2), "entries": c}
                     for n, s, c in rows]}
        if ctx.targets:
            should = ctx.targets.between(first, last)
            report |= {"target": should, "diff": grand - should}
        ctx.print(_dumps(report, ensure_ascii=False, indent=2))
        return OK
    if fmt == "csv":
        import csv

        writer = csv.writer(ctx.out, lineterminator="\n")
        writer.writerow([ctx.args.by, "hours", "seconds", "entries"])
        for name, seconds, count in rows:
            writer.writerow([name, f"{seconds / 3600:.2f}", seconds, count])
        return OK
    ctx.print(f"{first:%d-%m-%Y} – {last:%d-%m-%Y}")
    if not rows:
        ctx.print(ctx.say("no_entries", first=f"{first:%d-%m-%Y}", last=f"{last:%d-%m-%Y}"))
        return OK
    width = max(len(ctx.say("total")), *(len(n or ctx.say("none")) for n, _, _ in rows))
    for name, seconds, _count in rows:
        share = f"{100 * seconds / grand:5.1f}%" if grand else ""
        ctx.print(f"{(name or ctx.say('none')):<{width}}  {hours(seconds):>7}  {share}")
    ctx.print(f"{ctx.say('total'):<{width}}  {hours(grand):>7}")
    if (line := ctx.target_line(first, last, grand)) is not None:
        ctx.print(line)
    return OK


def cmd_export(ctx: Context) -> int:
    """The individual entries of a period as CSV, JSON (Lines) or iCalendar, to standard output or a file."""
    from nlentry.cli.export import write
    from nlentry.cli.progress import Progress

    first, last = period(ctx, "week")
    items = selected(ctx, first, last)
    fmt = "json" if ctx.args.json else "jsonl" if ctx.args.jsonl else ctx.args.format
    with Progress(ctx.err, total=len(items), label=ctx.say("progress_export"), env=ctx.env) as tick:
        if ctx.args.output in (None, "-"):
            write(items, fmt, ctx.out, tick)
        else:
            with open(ctx.args.output, "w", encoding="utf-8", newline="") as out:
                write(items, fmt, out, tick)
    if ctx.args.output not in (None, "-"):
        ctx.note(ctx.say("exported", count=len(items), file=ctx.args.output))
    return OK


def cmd_week(ctx: Context) -> int:
    """`nlentry week`: `report --chart` of this week (or the period asked for)."""
    ctx.args.chart, ctx.args.by = True, "project"
    return cmd_report(ctx)


def _chart(ctx: Context, entries: list[Entry], first: date, last: date) -> int:
    """The days of the period as bars split by project: on the terminal, or to an SVG or PNG file."""
    from nlentry.cli import chart

    days, legend = chart.chart_days(entries, first, last, none=ctx.say("none"))

    def label(day: date) -> str:
        return f"{ctx.say(f'weekday_{day.weekday()}')} {day:%d-%m}"

    title = f"{first:%d-%m-%Y} – {last:%d-%m-%Y}"
    fmt = ctx.args.format
    if fmt in ("svg", "png"):
        path = ctx.args.output or f"nlentry-{first}-{last}.{fmt}"
        if fmt == "svg":
            text = chart.svg(days, legend, label=label, title=title, total_word=ctx.say("total"))
            with open(path, "w", encoding="utf-8") as out:
                out.write(text)
        else:
            try:
                chart.png(days, legend, path, label=label, title=title)
            except ImportError:
                raise UsageError(ctx.say("chart_no_matplotlib")) from None
        ctx.note(ctx.say("chart_written", file=path))
        return OK
    if fmt not in ("table",):
        raise UsageError(ctx.say("chart_format", format=fmt))
    import shutil

    width = shutil.get_terminal_size((80, 24)).columns if ctx.colour else 80
    ctx.print(title)
    ctx.out.write(chart.terminal(days, legend, label=label, colour=ctx.colour, width=min(width, 120),
                                 total_word=ctx.say("total")))
    if (line := ctx.target_line(first, last, sum(s for _, s in legend))) is not None:
        ctx.print(line)
    return OK


# --- explain -------------------------------------------------------------------------------------


def cmd_explain(ctx: Context) -> int:
    """How every part of the phrase was read, and why (in the phrase's language, unless configured)."""
    from nlentry.api import parse
    from nlentry.explain import report as explained

    reading = parse(_phrase(ctx), catalog=ctx.journal.catalog, now=ctx.now, locale=ctx.args.locale,
                    trace=True)
    ctx.speak(reading.entry.locale)
    report = explained(reading, ctx.now, ctx.say)
    if ctx.args.json:
        ctx.print(_dumps(report, ensure_ascii=False, indent=2, default=str))
        return OK
    from nlentry.cli.explain import render

    ctx.print(render(report, paint=ctx.paint, say=ctx.say))
    return OK
