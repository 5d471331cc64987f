"""The provider commands: log, sync, catalog import/export, alias, outbox, flush, providers.

`nlentry.cli.main` hands these commands to `run(args, env=...)`. Everything here reads the user's
state through `NLENTRY_HOME` (config, database) and never prints a secret: errors go back to `main`,
which writes one redacted line. Exit statuses: 0 ok, 1 usage (bad arguments, unknown provider or
name, unreadable catalog file), 4 a provider failed and the entry is kept in the outbox.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from nlentry import config
from nlentry.cli.args import UsageError
from nlentry.messages import language, messages_for

if TYPE_CHECKING:
    from nlentry.booking.outbox import FlushReport, Outbox, OutboxItem
    from nlentry.booking.store import Store
    from nlentry.booking.sync import SyncResult
    from nlentry.cli.command_line import Arguments
    from nlentry.model import Catalog
    from nlentry.providers.base import Provider

__all__ = ["run"]

OK, PROVIDER_FAILED = 0, 4


class Session:
    """What one provider command needs: the environment, the configuration and the database."""

    def __init__(self, env: Mapping[str, str]) -> None:
        self.env = env
        self.cfg = config.load(env)
        self.say = messages_for(language(env, self.cfg.data.get("language")))
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        """The user's database (opened on first use)."""
        if self._store is None:
            from nlentry.booking.store import Store

            self._store = Store.open(self.env)
        return self._store

    def provider_name(self, name: str | None) -> str:
        """`name`, or the configured default; a `UsageError` for a provider that does not exist."""
        from nlentry import providers

        name = name or config.default_provider(self.env, self.cfg)
        known = providers.names()
        if name not in known:
            raise UsageError(self.say("unknown_provider", name=repr(name), known=", ".join(known)))
        return name

    def build(self, name: str) -> Provider:
        """A new provider from the user's settings (the caller closes it)."""
        from nlentry import providers

        return providers.builder(self.env, self.cfg)(name)

    @property
    def max_age(self) -> float:
        """How old a cached catalog may get (`catalog_max_age` in config.toml, seconds; default 24 h)."""
        from nlentry.booking.sync import DEFAULT_MAX_AGE

        return self.cfg.number("catalog_max_age", DEFAULT_MAX_AGE)

    def close(self) -> None:
        """Close the database."""
        if self._store is not None:
            self._store.close()


def run(args: Arguments, *, env: Mapping[str, str]) -> int:
    """Run one provider command; provider errors propagate to `main` (exit status 4)."""
    session = Session(env)
    try:
        handler = {
            "sync": _cmd_sync, "catalog": _cmd_catalog, "alias": _cmd_alias,
            "outbox": _cmd_outbox, "flush": _cmd_flush, "providers": _cmd_providers,
        }.get(args.command)
        if handler is None:
            raise UsageError(f"unknown command {args.command!r} (see 'nlentry --help')")
        return handler(args, session)
    finally:
        session.close()


def _out(line: str) -> None:
    sys.stdout.write(config.redact(line) + "\n")


def _note(line: str) -> None:
    sys.stderr.write(f"nlentry: {config.redact(line)}\n")


def _short(key: str) -> str:
    return key[:8]


def _when(ts: float) -> str:
    return datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M:%S")


# --- sync and catalog ----------------------------------------------------------------------------


def _sync_json(result: SyncResult) -> dict[str, object]:
    return {"provider": result.provider, "projects": result.projects, "services": result.services,
            "clients": result.clients, "people": result.people,
            "synced_at": datetime.fromtimestamp(result.synced_at).astimezone().isoformat()}


def _listing(args: Arguments, rows: list[dict[str, object]]) -> bool:
    """Print `rows` as `--json` (one list) or `--jsonl` (one a line); False when neither was asked."""
    if getattr(args, "jsonl", False):
        for row in rows:
            _out(json.dumps(row, ensure_ascii=False))
        return True
    if getattr(args, "json", False):
        _out(json.dumps(rows, ensure_ascii=False, indent=2))
        return True
    return False


def _cmd_sync(args: Arguments, s: Session) -> int:
    from nlentry.booking.sync import Syncer

    name = s.provider_name(args.provider)
    result = Syncer(s.store, s.build, max_age=s.max_age).sync(name)
    if args.json:
        _out(json.dumps(_sync_json(result), ensure_ascii=False, indent=2))
    else:
        _out(s.say("synced", provider=result.provider, projects=result.projects, services=result.services,
                   clients=result.clients, people=result.people))
    return OK


def _counts(s: Session, catalog: Catalog) -> str:
    return s.say("catalog_counts", projects=len(catalog.projects), services=len(catalog.services),
                 clients=len(catalog.clients), people=len(catalog.people))


def _cmd_catalog(args: Arguments, s: Session) -> int:
    from nlentry import providers
    from nlentry.booking.sync import Syncer
    from nlentry.model import Catalog

    action = args.catalog_action
    if action is None:
        raise UsageError(s.say("catalog_what"))
    name = s.provider_name(args.provider or "local")
    cls = providers.provider_class(name)

    if action == "import":
        catalog = Catalog.load(args.file)
        if not hasattr(cls, "import_catalog"):
            raise UsageError(s.say("catalog_own", provider=name))
        provider = s.build(name)
        try:
            provider.import_catalog(catalog)  # type: ignore[attr-defined]
        finally:
            provider.close()
        # the cache follows at once; what is reported is what the provider kept, read back from it
        # (TimeTagger, say, has nowhere to keep people)
        kept = Syncer(s.store, s.build, max_age=s.max_age).sync(name)
        if getattr(args, "json", False):  # `init --catalog` imports without the option
            _out(json.dumps(_sync_json(kept), ensure_ascii=False, indent=2))
            return OK
        _out(s.say("catalog_imported", projects=kept.projects, services=kept.services, clients=kept.clients,
                   people=kept.people, provider=name))
        return OK

    if hasattr(cls, "export_catalog"):
        provider = s.build(name)
        try:
            exported: Catalog = provider.export_catalog()  # type: ignore[attr-defined]
        finally:
            provider.close()
    else:
        cached = s.store.get_catalog(name)
        if cached is None:
            raise UsageError(s.say("list_none", provider=name))
        exported = cached[0]
    text = json.dumps(exported.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if args.file in (None, "-"):
        sys.stdout.write(text)
    else:
        Path(args.file).write_text(text, encoding="utf-8")
        _note(s.say("catalog_written", counts=_counts(s, exported), file=args.file))
    return OK


# --- aliases -------------------------------------------------------------------------------------


def _cmd_alias(args: Arguments, s: Session) -> int:
    from nlentry.booking.sync import find_target, merge_aliases

    action = args.alias_action
    if action is None:
        raise UsageError(s.say("alias_what"))
    name = s.provider_name(args.provider)
    store = s.store

    if action == "add":
        cached = store.get_catalog(name)
        kind = args.kind
        if cached is not None:
            found = find_target(cached[0], args.name, args.kind)
            if found is None:
                what = s.say(args.kind) if args.kind else s.say("any_kind")
                raise UsageError(s.say("alias_no_target", kind=what, name=repr(args.name), provider=name))
            kind = found
            if not args.force:
                _refuse_taken(s, args.alias, args.name, merge_aliases(cached[0], store.aliases(name)))
        else:
            _note(s.say("alias_before_sync", provider=name))
        alias = store.add_alias(name, args.alias, args.name, kind)
        kind_shown = f" ({s.say(alias.kind)})" if alias.kind else ""
        _out(f"{alias.alias} -> {alias.target}{kind_shown} · {name}")
        return OK

    if action == "rm":
        if not store.remove_alias(name, args.alias):
            raise UsageError(s.say("alias_none", alias=repr(args.alias), provider=name))
        _out(s.say("alias_removed", alias=args.alias, provider=name))
        return OK

    aliases = store.aliases(name)
    rows: list[dict[str, object]] = [{"alias": a.alias, "target": a.target, "kind": a.kind, "provider": name}
                                     for a in aliases]
    if _listing(args, rows):
        return OK
    for a in aliases:
        _out(f"{a.alias} -> {a.target}" + (f" ({s.say(a.kind)})" if a.kind else ""))
    if not aliases:
        _note(s.say("alias_empty", provider=name))
    return OK


def _refuse_taken(s: Session, alias: str, target: str, catalog: Catalog) -> None:
    """A `UsageError` when `alias` names something in the catalog already (a name, or an alias of
    another item): the alias would take that name away from what it names now."""
    from nlentry.booking.journal import catalog_name

    taken = catalog_name(catalog, alias)
    if taken is None:
        return
    kind, owner, is_alias = taken
    if is_alias and owner.casefold() == target.strip().casefold():
        return  # the same alias again: nothing is taken away
    key = "alias_is_alias" if is_alias else "alias_is_name"
    raise UsageError(s.say(key, alias=alias, kind=s.say(kind), name=owner))


# --- outbox and flush ----------------------------------------------------------------------------


def _describe(item: OutboxItem) -> str:
    from nlentry.render import summary

    tries = f"{item.attempts} {'try' if item.attempts == 1 else 'tries'}"
    parts = [_short(item.key), f"{item.state:<7}", item.provider, tries]
    if item.state == "pending":
        parts.append(f"next {_when(item.next_attempt_at)}")
    parts.append(summary(item.entry))
    line = "  ".join(parts)
    if item.last_error and item.state != "posted":
        line += f"  | {item.last_error}"
    return line


def _cmd_outbox(args: Arguments, s: Session) -> int:
    from nlentry.booking.outbox import Outbox, summary_json

    outbox = Outbox(s.store, {})
    if args.action in ("retry", "drop"):
        if not args.key:
            raise UsageError(s.say("outbox_give_key", action=args.action))
        item = outbox.item(args.key)
        if item is None:
            raise UsageError(s.say("outbox_no_entry", key=repr(args.key)))
        done = outbox.retry(item.key) if args.action == "retry" else outbox.discard(item.key)
        if not done:
            raise UsageError(s.say(f"outbox_not_{args.action}", key=_short(item.key), state=item.state))
        _out(s.say(f"outbox_{args.action}_done", key=_short(item.key)))
        return OK
    if args.key:
        raise UsageError(s.say("outbox_lists"))

    states = ("pending", "posting", "failed", "posted") if args.all else ("pending", "posting", "failed")
    items = outbox.items(states)
    if _listing(args, [json.loads(summary_json(item)) for item in items]):
        return OK
    for item in items:
        _out(_describe(item))
    if not items:
        _out(s.say("outbox_empty"))
    return OK


def _flush(s: Session, outbox: Outbox, provider: str | None) -> FlushReport:
    """`outbox.flush`, item by item with a progress line when there are many and standard error is a
    terminal (a provider that fails is not tried again in this flush: its other items wait, as in one
    flush); one flush otherwise."""
    from nlentry.booking.outbox import FlushReport
    from nlentry.cli.progress import Progress

    pending = outbox.items(("pending",), provider)
    with Progress(sys.stderr, total=len(pending), label=s.say("progress_flush"), env=s.env) as tick:
        if not tick.shown:
            return outbox.flush(provider=provider, force=True)
        report = FlushReport()
        for done, item in enumerate(pending, start=1):
            if item.provider in report.blocked:
                report.deferred.append(item.key)
            else:
                one = outbox.flush(keys=[item.key], force=True)
                report.posted += one.posted
                report.found += one.found
                report.failed += one.failed
                report.retrying += one.retrying
                report.blocked.update(one.blocked)
            tick(done)
        return report


def _cmd_flush(args: Arguments, s: Session) -> int:
    from nlentry.booking.outbox import Outbox

    provider = None if args.provider is None else s.provider_name(args.provider)
    with Outbox(s.store, s.build) as outbox:
        report = _flush(s, outbox, provider)
        left = outbox.counts()
    if args.json:
        _out(json.dumps({
            "posted": report.posted, "found": report.found,
            "pending": [{"key": k, "error": e} for k, e in report.retrying]
            + [{"key": k, "error": None} for k in report.deferred],
            "failed": [{"key": k, "error": e} for k, e in report.failed],
            "blocked": report.blocked, "left": left}, ensure_ascii=False, indent=2))
        return OK if report.ok else PROVIDER_FAILED
    done = len(report.posted) + len(report.found)
    if not (done or report.retrying or report.failed or report.deferred):
        failed = s.say("flush_failed_left", failed=left["failed"]) if left["failed"] else ""
        _out(s.say("flush_nothing", failed=failed))
        return OK
    found = s.say("flush_found", found=len(report.found)) if report.found else ""
    _out(s.say("flush_done", posted=len(report.posted), found=found,
               pending=len(report.retrying) + len(report.deferred), failed=len(report.failed)))
    for name, error in report.blocked.items():
        _note(f"{name}: {error}")
    for key, error in report.failed:
        _note(s.say("flush_rejected", key=_short(key), error=error))
    return OK if report.ok else PROVIDER_FAILED


# --- providers -----------------------------------------------------------------------------------


def _cmd_providers(args: Arguments, s: Session) -> int:
    from nlentry import providers
    from nlentry.providers.base import Capability

    default = config.default_provider(s.env, s.cfg)
    order = list(Capability)
    rows: list[dict[str, object]] = []
    for name, cls in providers.available().items():
        caps: frozenset[Capability] = getattr(cls, "capabilities", frozenset())
        prefix = f"NLENTRY_{name.upper()}_"
        configured = name == "local" or bool(s.cfg.provider(name)) or any(k.startswith(prefix) for k in s.env)
        rows.append({"name": name, "capabilities": [c.value for c in order if c in caps],
                     "default": name == default, "configured": configured})
    if _listing(args, rows):
        return OK
    for row in rows:
        marks = [m for m in ("default", "configured") if row[m]]
        listed = " ".join(row["capabilities"])  # type: ignore[arg-type]
        _out(f"{row['name']:<12} {listed:<40} {', '.join(marks)}".rstrip())
    return OK
