"""The quick-entry prompt: `nlentry` alone in a terminal.

    $ nlentry
    > 2 uur overleg aan Webs|                    <- Tab completes project, service and person names
    di 24-11-2026 (vandaag, standaard) · 2:00 · project Webshop · dienst Overleg · "overleg aan Webshop"

The line below the prompt is a live preview: the phrase is read again (against the cached catalog,
offline) as the user types. Enter saves through the journal, asking first, like `nlentry add`, when
a name is ambiguous or the reading unsure; the prompt then stays open for the next entry. Ctrl-C
clears the line, Ctrl-D leaves (exit status 0). The history is kept in `<NLENTRY_HOME>/history`
(mode 0600). prompt_toolkit is imported here only, so no other command pays for it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prompt_toolkit.completion import Completer, Completion

from nlentry import config
from nlentry.cli.command_line import Arguments
from nlentry.cli.completion import catalog_items
from nlentry.cli.entries import Context, add_entries, preview
from nlentry.errors import EntryRefused
from nlentry.messages import language, messages_for
from nlentry.render import reason

if TYPE_CHECKING:
    from prompt_toolkit.completion import CompleteEvent
    from prompt_toolkit.document import Document
    from prompt_toolkit.formatted_text import AnyFormattedText

    from nlentry.model import Catalog, Entry

__all__ = ["HISTORY_FILE", "NameCompleter", "run"]

HISTORY_FILE = "history"
OK = 0
_SEPARATOR = " · "


def run(args: Arguments, *, env: Mapping[str, str]) -> int:
    """Open the prompt and save an entry for every line until Ctrl-D; the exit status."""
    quick = Arguments(command="add", text=[], yes=False, confirm=False, dry_run=False, json=False,
                      locale=None, now=None, provider=getattr(args, "provider", None))
    ctx = Context(quick, env)
    try:
        return QuickEntry(ctx).loop()
    finally:
        ctx.close()


def history_path(env: Mapping[str, str]) -> Path:
    """`<NLENTRY_HOME>/history`, created private (0600) if missing."""
    path = config.ensure_dir(config.home(env)) / HISTORY_FILE
    fd = os.open(path, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)
    return path


class NameCompleter(Completer):
    """Completes the words before the cursor to project, service, client and person names or aliases.

    The last one, two or three words are tried (longest first), so `Acme P` completes to `Acme Portal`;
    case and accents are ignored. `catalog` is called on each completion (the catalog may change).
    """

    def __init__(self, catalog: Callable[[], Catalog | None]) -> None:
        self._catalog = catalog

    def get_completions(self, document: Document, complete_event: CompleteEvent) -> Iterable[Completion]:
        from nlentry.catalog.index import fold

        before = document.text_before_cursor
        catalog = self._catalog()
        if catalog is None or not before or before[-1].isspace():
            return
        items = list(catalog_items(catalog))
        done: set[str] = set()
        for words in (3, 2, 1):
            found = re.search(r"(\S+(?:\s+\S+){" + str(words - 1) + r"})$", before)
            if found is None:
                continue
            typed = found.group(1)
            folded = " ".join(fold(typed).split())
            for text, kind, name in items:
                if text in done or not " ".join(fold(text).split()).startswith(folded):
                    continue
                done.add(text)
                meta = kind if text == name else f"{kind} {name}"
                yield Completion(text, start_position=-len(typed), display_meta=meta)


class QuickEntry:
    """The prompt's state: the command context, the last preview, the session."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._last: tuple[object, Any] = (None, "")
        self._configured = ctx.cfg.data.get("language")

    # --- the live preview ----------------------------------------------------------------------

    def _say(self, locale: str | None) -> Any:
        return messages_for(language(self.ctx.env, self._configured, locale))

    def preview_text(self, text: str, width: int = 100) -> str:
        """The preview of `text` as the toolbar shows it (ANSI colours when the context paints)."""
        from nlentry.errors import NlentryError

        ctx = self.ctx
        if not text.strip():
            return ctx.paint(self._say(None)("qe_hint"), "defaulted")
        now = datetime.now().astimezone()
        try:
            entries = ctx.journal.read_all(text, now=now)
        except NlentryError as exc:
            say = self._say(exc.entry.locale if isinstance(exc, EntryRefused) else None)
            return ctx.paint(say("qe_unreadable", error=_one_line(reason(exc, say))), "defaulted")
        say = self._say(entries[0].locale)
        lines = [say("several_entries", count=len(entries))] if len(entries) > 1 else []
        doubts: dict[str, None] = {}  # in order, each once: the entries of one phrase share their names
        for entry in entries:
            plain = preview(entry, say, lambda t, _: t, today=now.date())
            coloured = preview(entry, say, ctx.paint, today=now.date())
            lines += _wrap(coloured, plain, max(20, width - 1))
            doubts.update(dict.fromkeys(_doubts(entry, say)))
        if doubts:
            lines.append(ctx.paint(say("qe_asks", what="; ".join(doubts)), "defaulted"))
        return "\n".join(lines)

    def toolbar(self) -> AnyFormattedText:
        """The bottom toolbar: the preview of the current line (cached per text)."""
        from prompt_toolkit.application import get_app
        from prompt_toolkit.formatted_text import ANSI

        app = get_app()
        text = app.current_buffer.text
        width = app.output.get_size().columns
        if self._last[0] != (text, width):
            try:
                shown = self.preview_text(text, width)
            except Exception as exc:  # the preview must never break the prompt
                shown = f"{type(exc).__name__}: {_one_line(str(exc))}"
            self._last = ((text, width), ANSI(config.redact(shown)))
        formatted: AnyFormattedText = self._last[1]
        return formatted

    # --- the loop ------------------------------------------------------------------------------

    def session(self) -> Any:
        """The prompt_toolkit session: history, completion, the preview toolbar."""
        from prompt_toolkit import PromptSession
        from prompt_toolkit.history import FileHistory
        from prompt_toolkit.output import ColorDepth
        from prompt_toolkit.styles import Style

        plain = not self.ctx.colour
        return PromptSession(
            history=FileHistory(str(history_path(self.ctx.env))),
            completer=NameCompleter(lambda: self.ctx.journal.catalog),
            complete_while_typing=False,
            bottom_toolbar=self.toolbar,
            style=Style.from_dict({"bottom-toolbar": "noreverse", "bottom-toolbar.text": ""}),
            color_depth=ColorDepth.MONOCHROME if plain else None,
            enable_history_search=False,
        )

    def loop(self) -> int:
        """Read and save lines until Ctrl-D."""
        ctx = self.ctx
        session = self.session()
        ctx.print(ctx.paint(self._say(None)("qe_welcome", provider=ctx.journal.provider), "defaulted"))
        if ctx.journal.catalog is None:
            ctx.note(self._say(None)("qe_no_catalog"))
        while True:
            try:
                text = session.prompt("> ")
            except KeyboardInterrupt:  # Ctrl-C: the line is cleared, the prompt stays
                continue
            except EOFError:  # Ctrl-D
                return OK
            if text.strip():
                self.save(text.strip())

    def save(self, text: str) -> None:
        """Read, show, (ask,) save one line; errors are one line and the prompt stays open."""
        from nlentry.booking.journal import JournalError
        from nlentry.errors import NlentryError

        ctx = self.ctx
        ctx.now = datetime.now().astimezone()
        try:
            entries = ctx.journal.read_all(text, now=ctx.now)
            ctx.speak(entries[0].locale)
            add_entries(ctx, entries)  # a phrase of several entries: all shown, asked once, all saved
        except KeyboardInterrupt:
            ctx.print(ctx.say("not_saved"))
        except (NlentryError, ValueError) as exc:
            if isinstance(exc, EntryRefused):
                ctx.speak(exc.entry.locale)
            said = isinstance(exc, JournalError) or not isinstance(exc, NlentryError)  # said in it already
            ctx.note(_one_line(str(exc) if said else reason(exc, ctx.say)))


def _doubts(entry: Entry, say: Any) -> list[str]:
    """What Enter would ask about this entry, or why it could not save it."""
    from nlentry.render import warning_text

    doubts = [say("ambiguous", field=say(field), options=", ".join(a.name for a in options))
              for field, options in entry.alternatives.items() if options]
    if not doubts:  # a name read from a near miss is asked about once, as `add` asks
        doubts = [warning_text(w, say) for w in entry.warnings if w.startswith("read '")]
    if entry.duration is None:
        doubts.append(say("qe_unreadable", error=say("qe_no_duration")))
    return doubts


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _wrap(coloured: str, plain: str, width: int) -> list[str]:
    """Break the preview into lines of at most `width` visible characters, between its parts."""
    shown, visible = coloured.split(_SEPARATOR), plain.split(_SEPARATOR)
    if len(shown) != len(visible):
        return [coloured]
    return list(_lines(list(zip(shown, visible, strict=True)), width))


def _lines(parts: list[tuple[str, str]], width: int) -> Iterator[str]:
    line: list[str] = []
    used = 0
    for shown, visible in parts:
        extra = len(visible) + (len(_SEPARATOR) if line else 0)
        if line and used + extra > width:
            yield _SEPARATOR.join(line)
            line, used = [], 0
            extra = len(visible)
        line.append(shown)
        used += extra
    if line:
        yield _SEPARATOR.join(line)
