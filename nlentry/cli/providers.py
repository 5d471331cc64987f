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

if TYPE_CHECKING:
    import argparse

    from nlentry.model import Catalog
    from nlentry.outbox import OutboxItem
    from nlentry.providers.base import Provider
    from nlentry.store import Store

__all__ = ["run"]

OK, PROVIDER_FAILED = 0, 4


class Session:
    """What one provider command needs: the environment, the configuration and the database."""

    def __init__(self, env: Mapping[str, str]) -> None:
        self.env = env
        self.cfg = config.load(env)
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        """The user's database (opened on first use)."""
        if self._store is None:
            from nlentry.store import Store

            self._store = Store.open(self.env)
        return self._store

    def provider_name(self, name: str | None) -> str:
        """`name`, or the configured default; a `UsageError` for a provider that does not exist."""
        from nlentry import providers

        name = name or config.default_provider(self.env, self.cfg)
        known = providers.names()
        if name not in known:
            raise UsageError(f"unknown provider {name!r} (available: {', '.join(known)})")
        return name

    def build(self, name: str) -> Provider:
        """A new provider from the user's settings (the caller closes it)."""
        from nlentry import providers

        return providers.builder(self.env, self.cfg)(name)

    @property
    def max_age(self) -> float:
        """How old a cached catalog may get (`catalog_max_age` in config.toml, seconds; default 24 h)."""
        from nlentry.sync import DEFAULT_MAX_AGE

        return self.cfg.number("catalog_max_age", DEFAULT_MAX_AGE)

    def close(self) -> None:
        """Close the database."""
        if self._store is not None:
            self._store.close()


def run(args: argparse.Namespace, *, env: Mapping[str, str]) -> int:
    """Run one provider command; provider errors propagate to `main` (exit status 4)."""
    session = Session(env)
    try:
        handler = {
            "log": _cmd_log, "sync": _cmd_sync, "catalog": _cmd_catalog, "alias": _cmd_alias,
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


# --- log -----------------------------------------------------------------------------------------


def _cmd_log(args: argparse.Namespace, s: Session) -> int:
    from nlentry.cli.render import summary
    from nlentry.isotime import parse_now
    from nlentry.journal import Journal

    if not args.text:
        raise UsageError("give the phrase to book, e.g. nlentry log 2 uur overleg aan Webshop")
    name = s.provider_name(args.provider)
    try:
        now = None if args.now is None else parse_now(args.now)
    except ValueError as exc:
        raise UsageError(f"--now: {exc}") from None

    # a stale catalog is refreshed beside the post, not before it; closing waits a little for it
    with Journal.open(s.env, provider=name, cfg=s.cfg) as journal:
        if journal.catalog is None:
            _note(f"no catalog of {name} cached yet: names are not resolved "
                  f"(run 'nlentry sync --provider {name}')")
        entry = journal.read(" ".join(args.text), now=now, locale=args.locale)
        # unlike `add`, `log` books whatever was read, even without a length: submit, not save
        key = journal.outbox.submit(entry, name)
        item = journal.outbox.item(key)
    assert item is not None  # just committed

    if args.json:
        data = {"key": key, "provider": name, "state": item.state, "remote_id": item.remote_id,
                "error": item.last_error, "entry": entry.to_dict()}
        _out(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        _out(f"{summary(entry)} · {name}" + ("" if item.state == "posted" else f" · {item.state}"))
    if item.state == "posted":
        return OK
    if item.state == "failed":
        _note(f"{name} rejected the entry; it is kept in the outbox as {_short(key)} "
              f"(see 'nlentry outbox'): {item.last_error}")
    else:
        _note(f"not posted to {name} yet; kept in the outbox as {_short(key)}, "
              f"'nlentry flush' retries: {item.last_error}")
    return PROVIDER_FAILED


# --- sync and catalog ----------------------------------------------------------------------------


def _cmd_sync(args: argparse.Namespace, s: Session) -> int:
    from nlentry.sync import Syncer

    name = s.provider_name(args.provider)
    result = Syncer(s.store, s.build, max_age=s.max_age).sync(name)
    _out(result.describe())
    return OK


def _counts(catalog: Catalog) -> str:
    return (f"{len(catalog.projects)} projects, {len(catalog.services)} services, "
            f"{len(catalog.clients)} clients, {len(catalog.people)} people")


def _cmd_catalog(args: argparse.Namespace, s: Session) -> int:
    from nlentry import providers
    from nlentry.model import Catalog
    from nlentry.sync import Syncer

    action = args.catalog_action
    if action is None:
        raise UsageError("say what to do: nlentry catalog import FILE, or nlentry catalog export [FILE]")
    name = s.provider_name(args.provider or "local")
    cls = providers.provider_class(name)

    if action == "import":
        catalog = Catalog.load(args.file)
        if not hasattr(cls, "import_catalog"):
            raise UsageError(f"provider {name!r} keeps its own catalog: "
                             f"fetch it with 'nlentry sync --provider {name}'")
        provider = s.build(name)
        try:
            provider.import_catalog(catalog)  # type: ignore[attr-defined]
        finally:
            provider.close()
        # the cache follows at once; what is reported is what the provider kept, read back from it
        # (TimeTagger, say, has nowhere to keep people)
        kept = Syncer(s.store, s.build, max_age=s.max_age).sync(name)
        _out(f"imported {kept.projects} projects, {kept.services} services, {kept.clients} clients, "
             f"{kept.people} people into {name}")
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
            raise UsageError(f"no catalog of {name} cached yet: run 'nlentry sync --provider {name}' first")
        exported = cached[0]
    text = json.dumps(exported.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if args.file in (None, "-"):
        sys.stdout.write(text)
    else:
        Path(args.file).write_text(text, encoding="utf-8")
        _note(f"wrote {_counts(exported)} to {args.file}")
    return OK


# --- aliases -------------------------------------------------------------------------------------


def _cmd_alias(args: argparse.Namespace, s: Session) -> int:
    from nlentry.sync import find_target

    action = args.alias_action
    if action is None:
        raise UsageError("say what to do: nlentry alias add ALIAS NAME, alias rm ALIAS, or alias ls")
    name = s.provider_name(args.provider)
    store = s.store

    if action == "add":
        cached = store.get_catalog(name)
        kind = args.kind
        if cached is not None:
            found = find_target(cached[0], args.name, args.kind)
            if found is None:
                what = args.kind or "project, service, client or person"
                raise UsageError(f"no {what} named {args.name!r} in the {name} catalog "
                                 f"(see 'nlentry catalog export --provider {name}')")
            kind = found
        else:
            _note(f"no catalog of {name} cached yet: the alias takes effect after 'nlentry sync'")
        alias = store.add_alias(name, args.alias, args.name, kind)
        _out(f"{alias.alias} -> {alias.target}" + (f" ({alias.kind})" if alias.kind else "") + f" · {name}")
        return OK

    if action == "rm":
        if not store.remove_alias(name, args.alias):
            raise UsageError(f"there is no alias {args.alias!r} for {name}")
        _out(f"removed {args.alias} · {name}")
        return OK

    aliases = store.aliases(name)
    for a in aliases:
        _out(f"{a.alias} -> {a.target}" + (f" ({a.kind})" if a.kind else ""))
    if not aliases:
        _note(f"no aliases for {name} yet (add one with 'nlentry alias add ALIAS NAME')")
    return OK


# --- outbox and flush ----------------------------------------------------------------------------


def _describe(item: OutboxItem) -> str:
    from nlentry.cli.render import summary

    tries = f"{item.attempts} {'try' if item.attempts == 1 else 'tries'}"
    parts = [_short(item.key), f"{item.state:<7}", item.provider, tries]
    if item.state == "pending":
        parts.append(f"next {_when(item.next_attempt_at)}")
    parts.append(summary(item.entry))
    line = "  ".join(parts)
    if item.last_error and item.state != "posted":
        line += f"  | {item.last_error}"
    return line


def _cmd_outbox(args: argparse.Namespace, s: Session) -> int:
    from nlentry.outbox import Outbox, summary_json

    outbox = Outbox(s.store, {})
    if args.action in ("retry", "drop"):
        if not args.key:
            raise UsageError(f"give the key of the entry: nlentry outbox {args.action} KEY")
        item = outbox.item(args.key)
        if item is None:
            raise UsageError(f"no entry {args.key!r} in the outbox (or the key is ambiguous)")
        done = outbox.retry(item.key) if args.action == "retry" else outbox.discard(item.key)
        if not done:
            what = "failed" if args.action == "retry" else "pending or failed"
            raise UsageError(f"entry {_short(item.key)} is {item.state}, not {what}")
        _out(f"{'queued again' if args.action == 'retry' else 'dropped'}: {_short(item.key)}"
             + (" (run 'nlentry flush' to post it now)" if args.action == "retry" else ""))
        return OK
    if args.key:
        raise UsageError("'nlentry outbox' lists; use 'nlentry outbox retry KEY' or 'drop KEY' for one entry")

    states = ("pending", "posting", "failed", "posted") if args.all else ("pending", "posting", "failed")
    items = outbox.items(states)
    for item in items:
        _out(summary_json(item) if args.json else _describe(item))
    if not items and not args.json:
        _out("the outbox is empty: nothing pending or failed")
    return OK


def _cmd_flush(args: argparse.Namespace, s: Session) -> int:
    from nlentry.outbox import Outbox

    provider = None if args.provider is None else s.provider_name(args.provider)
    with Outbox(s.store, s.build) as outbox:
        report = outbox.flush(provider=provider, force=True)
        left = outbox.counts()
    done = len(report.posted) + len(report.found)
    if not (done or report.retrying or report.failed or report.deferred):
        failed = f"; {left['failed']} failed (see 'nlentry outbox')" if left["failed"] else ""
        _out(f"nothing to flush{failed}")
        return OK
    found = f", found already posted {len(report.found)}" if report.found else ""
    _out(f"posted {len(report.posted)}{found}, still pending {len(report.retrying) + len(report.deferred)}, "
         f"failed {len(report.failed)}")
    for name, error in report.blocked.items():
        _note(f"{name}: {error}")
    for key, error in report.failed:
        _note(f"{_short(key)} rejected: {error}")
    return OK if report.ok else PROVIDER_FAILED


# --- providers -----------------------------------------------------------------------------------


def _cmd_providers(args: argparse.Namespace, s: Session) -> int:
    from nlentry import providers
    from nlentry.providers.base import Capability

    default = config.default_provider(s.env, s.cfg)
    order = list(Capability)
    for name, cls in providers.available().items():
        caps: frozenset[Capability] = getattr(cls, "capabilities", frozenset())
        listed = " ".join(c.value for c in order if c in caps)
        prefix = f"NLENTRY_{name.upper()}_"
        configured = name == "local" or bool(s.cfg.provider(name)) or any(k.startswith(prefix) for k in s.env)
        marks = [m for m, on in (("default", name == default), ("configured", configured)) if on]
        _out(f"{name:<12} {listed:<40} {', '.join(marks)}".rstrip())
    return OK
