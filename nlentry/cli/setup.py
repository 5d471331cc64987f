"""The setup commands: init, login, projects, services, people, completion.

    nlentry init [--provider NAME --language nl --set KEY=VALUE --catalog FILE --yes --force]
    nlentry login PROVIDER [--email E --base-url URL --oauth --client-id ID --no-browser --port N]
    nlentry projects | services | people [--provider NAME --json --active]
    nlentry completion bash | zsh | fish        (and the hidden helper: completion --names PREFIX)

`nlentry.cli.main` hands these commands to `run(args, env=...)`. Replies come from
`grammars/<code>/messages.toml`. No secret is ever printed or taken from the command line: tokens are
read without echo (or from standard input when it is not a terminal), registered with the redactor at
once, checked with the provider, then kept in the system keyring when the optional keyring package is
installed and usable, else in config.toml (mode 0600). OAuth logins (Authorization Code with PKCE) wait
for the browser on the redirect URI registered with the app (`redirect_uri`, an http://127.0.0.1:PORT
address), where a one-shot server takes the answer.
Exit statuses: 0 ok, 1 usage, 4 the provider refused the credentials or could not be reached.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from nlentry import config
from nlentry.cli.args import UsageError
from nlentry.cli.command_line import Arguments
from nlentry.cli.entries import Context
from nlentry.messages import messages_for

if TYPE_CHECKING:
    from http.server import HTTPServer

    import httpx

    from nlentry.model import Catalog
    from nlentry.providers._http.oauth import OAuthServer
    from nlentry.providers.base import Provider

__all__ = ["TRANSPORT", "open_browser", "run"]

OK, PROVIDER_FAILED = 0, 4
T = TypeVar("T")

#: the HTTP transport `login` talks to providers through (tests put an emulator's here); None: the network
TRANSPORT: httpx.BaseTransport | None = None

#: the settings `init` and `login` ask for, per provider, with their defaults ("" = none); secrets never
_ASKED: dict[str, tuple[tuple[str, str], ...]] = {
    "timetagger": (("base_url", "https://timetagger.app/api/v2"),),
    "timi": (("email", ""),),
    "tyme": (("client_id", ""),),
}
#: providers that sign in only with OAuth (the others with a token; Timeneye with either: --oauth)
_OAUTH_ONLY = frozenset({"tyme"})


def run(args: Arguments, *, env: Mapping[str, str]) -> int:
    """Run one of this module's commands."""
    handlers: dict[str, Callable[[Context], int]] = {
        "init": cmd_init, "login": cmd_login, "projects": cmd_list, "services": cmd_list,
        "people": cmd_list, "completion": cmd_completion,
    }
    ctx = Context(args, env)
    try:
        return handlers[args.command](ctx)
    finally:
        ctx.close()


# --- asking --------------------------------------------------------------------------------------


def _tty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _terminal() -> bool:
    return _tty(sys.stdin)


def _ask(ctx: Context, prompt: str, default: str = "") -> str:
    """One answer typed on the terminal (`default` for an empty answer, or when there is no terminal)."""
    if not _terminal():
        return default
    ctx.err.write(prompt)
    ctx.err.flush()
    try:
        answer = input().strip()
    except EOFError:
        ctx.err.write("\n")
        return default
    return answer or default


def _secret(ctx: Context, prompt: str) -> str:
    """A secret typed without echo; read from standard input when it is not a terminal (a pipe)."""
    if _terminal():
        import getpass

        try:
            return getpass.getpass(prompt).strip()  # the prompt goes to the terminal itself
        except EOFError:
            return ""
    return sys.stdin.readline().strip()


def _choose(ctx: Context, prompt: str, choices: list[str], default: str) -> str:
    """A choice by name or number; asked again (at most three times) when it is none of `choices`."""
    for _ in range(3):
        answer = _ask(ctx, prompt, default)
        if answer.isdigit() and 1 <= int(answer) <= len(choices):
            return choices[int(answer) - 1]
        if answer in choices:
            return answer
        ctx.note(ctx.say("init_bad_choice", answer=answer, choices=", ".join(choices)))
    raise UsageError(ctx.say("init_bad_choice", answer=answer, choices=", ".join(choices)))


# --- init ----------------------------------------------------------------------------------------


def _languages() -> list[str]:
    from nlentry.locales import available, folder

    return [code for code in available()
            if (own := folder(code)) is not None and os.path.isfile(os.path.join(own, "messages.toml"))]


def _settings_given(ctx: Context, provider: str) -> dict[str, str]:
    """The `--set KEY=VALUE` pairs; a secret key is refused (it would stay in the shell's history)."""
    given: dict[str, str] = {}
    for pair in ctx.args.settings:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            raise UsageError(ctx.say("init_bad_setting", setting=pair))
        if config.is_secret_key(key):
            raise UsageError(ctx.say("init_secret_setting", key=key, provider=provider))
        given[key] = value.strip()
    return given


def cmd_init(ctx: Context) -> int:
    """Write config.toml: provider, language, that provider's settings; import a catalog for local."""
    from nlentry import providers
    from nlentry.messages import language

    args, path = ctx.args, config.config_path(ctx.env)
    if path.exists() and not args.force:
        raise UsageError(ctx.say("init_exists", path=path))
    ask = _terminal() and not args.yes
    known = sorted(providers.names(), key=lambda n: (n != config.DEFAULT_PROVIDER, n))  # the default first
    name = args.provider
    if name is None and ask:
        ctx.err.write(ctx.say("init_providers") + "\n")
        titles = {n: getattr(cls, "title", "") for n, cls in providers.available().items()}
        for number, choice in enumerate(known, start=1):
            ctx.err.write(f"  {number}) {choice:<12} {titles.get(choice, '')}".rstrip() + "\n")
        name = _choose(ctx, ctx.say("init_ask_provider", default=config.DEFAULT_PROVIDER), known,
                       config.DEFAULT_PROVIDER)
    name = name or config.DEFAULT_PROVIDER
    if name not in known:
        raise UsageError(ctx.say("init_bad_choice", answer=name, choices=", ".join(known)))

    languages = _languages()
    lang = args.language or language(ctx.env)
    if args.language is None and ask:
        lang = _choose(ctx, ctx.say("init_ask_language", choices="/".join(languages), default=lang),
                       languages, lang)
    if lang not in languages:
        raise UsageError(ctx.say("init_bad_choice", answer=lang, choices=", ".join(languages)))
    ctx.say = messages_for(lang)

    settings = _settings_given(ctx, name)
    for key, default in _ASKED.get(name, ()):
        if key not in settings:
            value = _ask(ctx, ctx.say("init_ask_setting", provider=name, key=key, default=default), default) \
                if ask else default
            if value:
                settings[key] = value
    if ask:
        settings.update(_switch_workspace(ctx, name, settings))
    catalog = args.catalog
    if name == "local" and catalog is None and ask:
        catalog = _ask(ctx, ctx.say("init_ask_catalog")) or None

    cfg = config.load(ctx.env) if path.exists() else config.Config(path=path)
    cfg.data["default_provider"] = name
    cfg.data["language"] = lang
    if settings:
        tables = dict(cfg.data.get("providers") or {})
        tables[name] = {**dict(tables.get(name) or {}), **settings}
        cfg.data["providers"] = tables
    config.save(cfg, ctx.env)
    ctx.print(ctx.say("init_written", path=path, provider=name, language=lang))
    if catalog:
        _import_catalog(ctx, catalog)
    if name != "local" and not _signed_in(ctx, name):
        ctx.print(ctx.say("init_next_login", provider=name))
    else:
        ctx.print(ctx.say("init_next_add" if catalog or name != "local" else "init_next_catalog"))
    return OK


def _import_catalog(ctx: Context, path: str) -> None:
    """`nlentry catalog import FILE` into local (it prints what it imported)."""
    from nlentry.cli.providers import run as provider_command

    provider_command(Arguments(command="catalog", catalog_action="import", file=path, provider="local"),
                     env=ctx.env)


def _signed_in(ctx: Context, name: str) -> bool:
    settings = config.provider_settings(name, env=ctx.env)
    oauth_file = Path(str(settings.get("data_dir", ""))) / f"{name}-oauth.json"
    return any(config.is_secret_key(k) and v for k, v in settings.items()) or oauth_file.is_file()


# --- login ---------------------------------------------------------------------------------------


def cmd_login(ctx: Context) -> int:
    """Sign in: a token typed without echo, or OAuth with PKCE in the browser; checked, then kept."""
    from nlentry import providers

    name = ctx.args.provider
    known = providers.names()
    if name not in known:
        raise UsageError(ctx.say("init_bad_choice", answer=name, choices=", ".join(known)))
    if name == "local":
        ctx.print(ctx.say("login_nothing", provider=name))
        return OK
    server = _oauth_server(name)
    if server is not None and (ctx.args.oauth or ctx.args.client_id or name in _OAUTH_ONLY):
        return _login_oauth(ctx, name, server)
    return _login_token(ctx, name)


def _oauth_server(name: str) -> OAuthServer | None:
    """The provider's OAuth server (`SERVER` in its `auth` module), None if it signs in with a token only."""
    import importlib

    from nlentry.providers._http.oauth import OAuthServer

    try:
        module = importlib.import_module(f"nlentry.providers.{name}.auth")
    except ImportError:
        return None
    server = getattr(module, "SERVER", None)
    return server if isinstance(server, OAuthServer) else None


def _existing(ctx: Context, name: str) -> dict[str, Any]:
    return config.provider_settings(name, env=ctx.env, cfg=ctx.cfg)


def _login_token(ctx: Context, name: str) -> int:
    args = ctx.args
    settings = _existing(ctx, name)
    updates: dict[str, Any] = {}
    if args.base_url:
        updates["base_url"] = args.base_url
    if args.email:
        updates["email"] = args.email
    for key, default in _ASKED.get(name, ()):
        if not (updates.get(key) or settings.get(key)):
            prompt = ctx.say("login_ask_email", provider=name) if key == "email" else \
                ctx.say("init_ask_setting", provider=name, key=key, default=default)
            value = _ask(ctx, prompt, default)
            if not value:
                raise UsageError(ctx.say("login_no_email", provider=name) if key == "email" else
                                 ctx.say("init_bad_setting", setting=key))
            updates[key] = value
    if args.keyring:
        _keyring(ctx)  # fail before asking for the secret
    token = _secret(ctx, ctx.say("login_ask_token", provider=name))
    if not token:
        raise UsageError(ctx.say("login_no_token"))
    config.register_secret(token)
    if not args.no_verify:
        updates.update(_pick_workspace(ctx, name, {**settings, **updates, "token": token}))
    catalog = None if args.no_verify else _verify(ctx, name, {**settings, **updates, "token": token})
    where = _keep_secrets(ctx, name, {"token": token}, updates)
    ctx.print(ctx.say("login_saved", provider=name, where=where))
    _after_login(ctx, name, catalog)
    return OK


def _keyring(ctx: Context) -> str:
    """The keyring's backend name; `UsageError` when `--keyring` was asked for and it is not usable."""
    try:
        return config.keyring_store(ctx.env)[1]
    except config.KeyringUnavailable as exc:
        raise _no_keyring(ctx, exc) from None


def _no_keyring(ctx: Context, exc: config.KeyringUnavailable) -> UsageError:
    return UsageError(ctx.say("login_no_keyring" if exc.reason == "missing" else "login_keyring_failed",
                              error=exc))


def _keep_secrets(ctx: Context, name: str, secrets: Mapping[str, str], updates: Mapping[str, Any]) -> str:
    """Keep `secrets` in the system keyring when it is usable, else in config.toml (mode 0600), and
    save `updates` (settings that are not secret) to config.toml; returns where the secrets went.

    The keyring is the default once the optional package is installed; when it is installed but not
    usable, a note says so and config.toml takes the secrets. `--keyring` insists: no keyring, nothing
    saved. `NLENTRY_KEYRING=0` keeps the keyring out.
    """
    try:
        backend = config.keep_in_keyring(name, secrets, env=ctx.env) if secrets else None
    except config.KeyringUnavailable as exc:
        if ctx.args.keyring:
            raise _no_keyring(ctx, exc) from None
        if exc.reason == "unusable":
            ctx.note(ctx.say("login_keyring_fallback", error=exc, path=config.config_path(ctx.env)))
        backend = None
    if backend is not None:
        if updates:
            config.set_provider_settings(name, updates, env=ctx.env)
        return ctx.say("login_in_keyring", backend=backend)
    if updates or secrets:
        config.set_provider_settings(name, {**updates, **secrets}, env=ctx.env)
    return str(config.config_path(ctx.env))


def _verify(ctx: Context, name: str, settings: Mapping[str, Any]) -> Catalog:
    """Check the credentials with a cheap call (the catalog); `AuthError`/`ProviderError` (exit 4) if not."""
    if _tty(ctx.err):
        ctx.note(ctx.say("login_checking", provider=name))
    return _call_provider(ctx, name, settings, lambda provider: provider.fetch_catalog())


def _call_provider(ctx: Context, name: str, settings: Mapping[str, Any], call: Callable[[Provider], T]) -> T:
    """`call` on the provider `name` built with `settings` (closed afterwards); a refused or unreachable
    provider is an `AuthError`/`ProviderError` whose message names the provider, in the user's language."""
    from nlentry import providers
    from nlentry.providers.base import AuthError, ProviderError

    try:
        provider = providers.get(name, settings, transport=TRANSPORT)
        try:
            return call(provider)
        finally:
            provider.close()
    except AuthError as exc:
        raise AuthError(ctx.say("login_refused", provider=name, error=exc)) from None
    except ProviderError as exc:
        raise ProviderError(ctx.say("login_unreachable", provider=name, error=exc)) from None


def _workspace_key(name: str) -> str | None:
    """The setting that picks a workspace or account (`workspace_id`, `account_id`), None if the
    provider has no such choice."""
    from nlentry import providers

    return getattr(providers.provider_class(name), "workspace_setting", None)


def _pick_workspace(ctx: Context, name: str, settings: Mapping[str, Any], *,
                    current: str | None = None) -> dict[str, str]:
    """The workspace (Toggl, Clockify) or account (Harvest) to book in, listed from the provider: the
    only one, or the one chosen on the terminal (default: the provider's own default, else the first);
    {} when the provider has no such choice or `settings` already name one (and `current` is None)."""
    from nlentry.providers.base import ProviderError

    key = _workspace_key(name)
    if key is None or (current is None and settings.get(key)):
        return {}
    found = _call_provider(ctx, name, settings, lambda provider: provider.workspaces())  # type: ignore[attr-defined]
    if not found:
        raise ProviderError(ctx.say("login_no_workspace", provider=name))
    chosen = next((w for w in found if w.id == current), None) or \
        next((w for w in found if w.default), found[0])
    if len(found) > 1 and _terminal():
        ctx.err.write(ctx.say("login_workspaces", provider=name) + "\n")
        for number, workspace in enumerate(found, start=1):
            ctx.err.write(f"  {number}) {workspace.name} ({key} = {workspace.id})\n")
        ids = [w.id for w in found]
        picked = _choose(ctx, ctx.say("login_ask_workspace", default=chosen.id), ids, chosen.id)
        chosen = found[ids.index(picked)]
    ctx.print(ctx.say("login_workspace", provider=name, name=chosen.name, key=key, id=chosen.id))
    return {key: chosen.id}


def _switch_workspace(ctx: Context, name: str, given: Mapping[str, str]) -> dict[str, str]:
    """In `init`, for a signed-in provider with workspaces or accounts: offer the list again (a
    `--set workspace_id=...` wins); nothing when not signed in yet (`login` asks) or unreachable."""
    from nlentry.providers.base import ProviderError

    key = _workspace_key(name) if name != "local" else None
    if key is None or key in given or not _signed_in(ctx, name):
        return {}
    settings = {**config.provider_settings(name, env=ctx.env), **given}
    try:
        return _pick_workspace(ctx, name, settings, current=str(settings.get(key) or ""))
    except ProviderError as exc:
        ctx.note(str(exc))
        return {}


def _after_login(ctx: Context, name: str, catalog: Catalog | None) -> None:
    """Cache the catalog the check fetched (names are recognised at once), and say how to use it."""
    if catalog is not None:
        from nlentry.booking.store import Store

        with Store.open(ctx.env) as store:
            store.put_catalog(name, catalog)
        ctx.print(ctx.say("login_catalog", provider=name, projects=len(catalog.projects),
                          services=len(catalog.services), people=len(catalog.people)))
    if config.default_provider(ctx.env) != name:
        ctx.print(ctx.say("login_default_hint", provider=name))


def open_browser(url: str) -> bool:
    """Open `url` in the user's browser; False when there is none (the address is printed anyway)."""
    import webbrowser

    try:
        return webbrowser.open(url)
    except webbrowser.Error:
        return False


def _login_oauth(ctx: Context, name: str, server: OAuthServer) -> int:
    """Authorization Code with PKCE: the browser allows the app, then comes back to the redirect URI
    registered with the app, where a one-shot server on 127.0.0.1 trades the code for a token."""
    from nlentry.providers._http.tokens import TokenFile
    from nlentry.providers.base import AuthError, ProviderError

    args = ctx.args
    settings = _existing(ctx, name)
    client_id = args.client_id or settings.get("client_id") or \
        _ask(ctx, ctx.say("login_ask_client_id", provider=name))
    if not client_id:
        raise UsageError(ctx.say("login_no_client_id", provider=name))
    redirect_uri = str(settings.get("redirect_uri") or "") or \
        _ask(ctx, ctx.say("login_ask_redirect_uri", provider=name))
    if not redirect_uri:
        raise UsageError(ctx.say("login_no_redirect_uri", provider=name))
    port, path = _redirect_target(ctx, redirect_uri)
    client_secret = settings.get("client_secret")
    secrets: dict[str, str] = {}
    if server.secret_required and not client_secret:
        client_secret = _secret(ctx, ctx.say("login_ask_client_secret", provider=name))
        if client_secret:
            config.register_secret(client_secret)
            secrets["client_secret"] = client_secret
    try:
        server.check_client(client_id, client_secret)
    except AuthError as exc:
        raise UsageError(str(exc)) from None
    base_url = args.base_url or settings.get("base_url")
    http = _loopback(ctx, port)
    try:
        login = server.start_login(client_id=client_id, redirect_uri=redirect_uri, base_url=base_url)
        ctx.err.write(f"{ctx.say('login_open')}\n\n  {login.url}\n\n")
        if not args.no_browser:
            open_browser(login.url)
        ctx.note(ctx.say("login_waiting", redirect=redirect_uri, seconds=f"{args.timeout:g}"))
        ctx.err.flush()

        def finish(redirected_to: str) -> Any:
            return server.finish_login(login, redirected_to, client_id=client_id, client_secret=client_secret,
                                       base_url=base_url, transport=TRANSPORT)

        token = _serve_once(ctx, http, path, args.timeout, finish)
    finally:
        http.server_close()
    if token is None:
        raise ProviderError(ctx.say("login_timeout", seconds=f"{args.timeout:g}"))
    token_file = Path(str(settings["data_dir"])) / f"{name}-oauth.json"
    TokenFile(token_file).save(token)
    updates = {"client_id": client_id, "redirect_uri": redirect_uri,
               **({"base_url": base_url} if args.base_url else {})}
    _forget_tokens(ctx, name)
    _keep_secrets(ctx, name, secrets, updates)
    ctx.print(ctx.say("login_saved", provider=name, where=token_file))
    catalog = _verify(ctx, name, config.provider_settings(name, env=ctx.env))
    _after_login(ctx, name, catalog)
    return OK


def _forget_tokens(ctx: Context, name: str) -> None:
    """Drop tokens from the settings that would hide the new OAuth token file."""
    config.set_provider_settings(name, {}, env=ctx.env,
                                 drop=("token", "access_token", "refresh_token", "expires_at"))


def _redirect_target(ctx: Context, redirect_uri: str) -> tuple[int, str]:
    """The loopback port and path of the redirect URI registered with the app.

    nlentry receives the browser's answer there, so it must be `http://127.0.0.1:PORT/PATH` (or
    `localhost`); `--port`, if given, must be its port.
    """
    import urllib.parse

    parts = urllib.parse.urlsplit(redirect_uri)
    try:
        port = parts.port or 80
    except ValueError:
        port = 0
    if parts.scheme != "http" or parts.hostname not in ("127.0.0.1", "localhost") or not port:
        raise UsageError(ctx.say("login_bad_redirect_uri", uri=redirect_uri))
    if ctx.args.port is not None and ctx.args.port != port:
        raise UsageError(ctx.say("login_port_mismatch", port=ctx.args.port, uri=redirect_uri))
    return port, parts.path or "/"


def _loopback(ctx: Context, port: int) -> HTTPServer:
    from http.server import BaseHTTPRequestHandler, HTTPServer

    try:
        return HTTPServer(("127.0.0.1", port), BaseHTTPRequestHandler)
    except OSError as exc:
        raise UsageError(ctx.say("login_port_busy", port=port, error=exc.strerror or exc)) from None


def _serve_once(ctx: Context, http: HTTPServer, path: str, timeout: float,
                finish: Callable[[str], T]) -> T | None:
    """Answer requests on `http` until the browser comes back to `path`; `finish(url)` trades the code.

    The page the browser shows says whether it worked. None when no answer came within `timeout` s.
    """
    import html
    import time
    import urllib.parse
    from http.server import BaseHTTPRequestHandler

    result: dict[str, Any] = {}
    say = ctx.say

    class Callback(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            if urllib.parse.urlsplit(self.path).path != path or result:
                self.send_error(404)
                return
            try:
                result["token"] = finish(f"http://127.0.0.1:{http.server_port}{self.path}")
                status, text = 200, say("login_page_ok")
            except Exception as exc:  # reported in the terminal after the page is answered
                result["error"] = exc
                status, text = 400, say("login_page_failed")
            body = f"<!doctype html><meta charset=utf-8><title>nlentry</title><p>{html.escape(text)}</p>\n"
            data = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - keep the terminal quiet
            pass

    http.RequestHandlerClass = Callback
    deadline = time.monotonic() + timeout
    while not result:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None
        http.timeout = min(remaining, 0.5)
        http.handle_request()
    if "error" in result:
        raise result["error"]
    token: T = result["token"]
    return token


# --- projects, services, people ------------------------------------------------------------------


def cmd_list(ctx: Context) -> int:
    """The cached catalog's projects (with client and active flag), services or people, with aliases."""
    kind = ctx.args.command
    catalog = ctx.journal.catalog
    provider = ctx.journal.provider
    if catalog is None:
        if ctx.args.json:
            ctx.print("[]")
        ctx.note(ctx.say("list_none", provider=provider))
        return OK
    clients = {c.id: c.name for c in catalog.clients}
    rows: list[dict[str, Any]] = []
    sections: dict[str, tuple[Any, ...]] = {"projects": catalog.projects, "services": catalog.services,
                                            "people": catalog.people}
    for item in sections[kind]:
        row: dict[str, Any] = {"id": item.id, "name": item.name, "aliases": list(item.aliases)}
        if kind == "projects":
            client_id = getattr(item, "client_id", None)
            active = bool(getattr(item, "active", True))
            if ctx.args.active and not active:
                continue
            row.update(client=clients.get(client_id) if client_id is not None else None,
                       client_id=client_id, active=active)
        rows.append(row)
    if getattr(ctx.args, "jsonl", False):
        for row in rows:
            ctx.print(json.dumps(row, ensure_ascii=False))
        return OK
    if ctx.args.json:
        ctx.print(json.dumps(rows, ensure_ascii=False, indent=2))
        return OK
    if not rows:
        ctx.note(ctx.say("list_empty", provider=provider, what=kind))
        return OK
    width = max(len(r["name"]) for r in rows)
    client_width = max((len(r.get("client") or "") for r in rows), default=0)
    for r in rows:
        line = ctx.paint(f"{r['name']:<{width}}", "project" if kind == "projects" else
                         "service" if kind == "services" else "persons")
        if kind == "projects":
            line += "  " + ctx.paint(f"{(r['client'] or ctx.say('none')):<{client_width}}", "client")
        if r["aliases"]:
            line += f"  {ctx.say('aliases')}: {', '.join(r['aliases'])}"
        if kind == "projects" and not r["active"]:
            line += "  " + ctx.paint(f"({ctx.say('inactive')})", "defaulted")
        ctx.print(line.rstrip())
    return OK


# --- completion ----------------------------------------------------------------------------------


def cmd_completion(ctx: Context) -> int:
    """Print a shell's completion script, or (hidden, for the scripts) the catalog names with a prefix."""
    if ctx.args.names is not None:
        return _names(ctx, ctx.args.names, ctx.args.kind)
    if ctx.args.shell is None:
        raise UsageError(ctx.say("completion_shell"))
    from nlentry.cli import completion
    from nlentry.cli.args import build_parser

    ctx.out.write(completion.script(ctx.args.shell, build_parser()))
    return OK


def _names(ctx: Context, prefix: str, kind: str | None) -> int:
    """Project, service, client and person names and aliases starting with `prefix`, one a line."""
    from nlentry.cli.completion import catalog_names

    catalog = ctx.journal.catalog
    if catalog is None:
        return OK
    for name in catalog_names(catalog, prefix, kind):
        ctx.out.write(name + "\n")
    return OK
