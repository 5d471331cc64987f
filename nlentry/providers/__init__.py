"""The provider registry: which backends exist, and building one from its settings.

Usage::

    from nlentry import providers

    providers.available()                  # {"local": LocalProvider, "timetagger": ..., ...}
    p = providers.get("timetagger", {"base_url": "...", "token": "..."})
    p = providers.configured("timi", env=os.environ)      # settings from config.toml / env / keyring

Built-in providers are found by convention, with no central table: every subpackage of
`nlentry.providers` whose `__init__` exports `PROVIDER` (a class implementing `base.Provider`).
Third-party providers are published under the entry-point group `nlentry.providers.v1`
(`name = "package.module:ProviderClass"`); a built-in of the same name wins.

Every `PROVIDER` class has a classmethod
`from_settings(settings: Mapping[str, Any], *, transport: httpx.BaseTransport | None = None)`.
`transport` is the test seam of HTTP providers (an `httpx.MockTransport`); others ignore it.

Importing this package imports neither httpx nor sqlite3: a provider's module is imported only
when it is listed (`available`) or built (`get`). Nor `nlentry.providers.base` (with the dataclass
machinery): its names here (`ProviderError`, `Provider`, ...) load it on first use, so that opening a
journal for `add --dry-run` (`exists`, `builder`) does without it.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Mapping

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    import httpx

    from nlentry.config import Config
    from nlentry.providers.base import (
        AuthError,
        Capability,
        Posted,
        Provider,
        ProviderError,
        RejectedError,
        RemoteEntry,
        TransientError,
        Unsupported,
        require,
    )

__all__ = [
    "ENTRY_POINT_GROUP",
    "AuthError",
    "Capability",
    "Posted",
    "Provider",
    "ProviderError",
    "RejectedError",
    "RemoteEntry",
    "TransientError",
    "Unsupported",
    "available",
    "builder",
    "configured",
    "exists",
    "get",
    "names",
    "require",
]

ENTRY_POINT_GROUP = "nlentry.providers.v1"

_FROM_BASE = frozenset({"AuthError", "Capability", "Posted", "Provider", "ProviderError", "RejectedError",
                        "RemoteEntry", "TransientError", "Unsupported", "require"})


def __getattr__(name: str) -> object:
    """The names of `nlentry.providers.base` offered here, imported on first use (PEP 562)."""
    if name in _FROM_BASE:
        from nlentry.providers import base

        return getattr(base, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _builtin_names() -> list[str]:
    """The subpackages of this package (cheap: reads the directory, imports nothing). The packages
    `pkgutil.iter_modules` finds: a folder without a dot in its name holding an `__init__` module; found
    here without pkgutil, which imports `inspect` to tell a module's name."""
    from importlib.machinery import all_suffixes

    inits = {f"__init__{suffix}" for suffix in all_suffixes()}
    found = set()
    for folder in __path__:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("_") or "." in entry.name or not entry.is_dir():
                continue
            try:
                if not inits.isdisjoint(os.listdir(entry.path)):
                    found.add(entry.name)
            except OSError:
                continue
    return sorted(found)


def _builtin(name: str) -> type | None:
    """The `PROVIDER` class of a built-in package, None if it has none; `ProviderError` if it is broken."""
    from nlentry.providers.base import ProviderError

    try:
        module = importlib.import_module(f"{__name__}.{name}")
    except Exception as exc:
        raise ProviderError(f"provider {name!r} cannot be loaded: {type(exc).__name__}: {exc}") from None
    cls = getattr(module, "PROVIDER", None)
    return cls if isinstance(cls, type) else None


def _entry_points() -> dict[str, Any]:
    from importlib.metadata import entry_points

    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def exists(name: str) -> bool:
    """True if a provider of that name is built in or plugged in (built-ins are found without scanning
    the installed packages' metadata, which costs tens of milliseconds at start-up)."""
    return name in _builtin_names() or name in _entry_points()


def names() -> list[str]:
    """The names of all providers, built-in and plugged in, without importing any of them."""
    return sorted({*_builtin_names(), *_entry_points()})


def available() -> dict[str, type]:
    """Every provider class by name: the built-ins, then entry points of `nlentry.providers.v1`.

    A provider that fails to import is left out (`get` of its name reports why).
    """
    from nlentry.providers.base import ProviderError

    found: dict[str, type] = {}
    for name in _builtin_names():
        try:
            cls = _builtin(name)
        except ProviderError:
            continue
        if cls is not None:
            found[name] = cls
    for name, ep in _entry_points().items():
        if name in found:
            continue
        try:
            cls = ep.load()
        except Exception:  # a broken plug-in must not break `nlentry providers`
            continue
        if isinstance(cls, type):
            found[name] = cls
    return dict(sorted(found.items()))


def provider_class(name: str) -> type:
    """The class of the provider `name`; `ProviderError` if there is none."""
    from nlentry.providers.base import ProviderError

    if name in _builtin_names():
        cls = _builtin(name)
        if cls is not None:
            return cls
    ep = _entry_points().get(name)
    if ep is not None:
        try:
            cls = ep.load()
        except Exception as exc:
            raise ProviderError(f"provider {name!r} (plug-in {ep.value}) cannot be loaded: "
                                f"{type(exc).__name__}: {exc}") from None
        if isinstance(cls, type):
            return cls
        raise ProviderError(f"provider {name!r} (plug-in {ep.value}) is not a class")
    known = ", ".join(names()) or "none"
    raise ProviderError(f"unknown provider {name!r} (available: {known})")


def get(name: str, settings: Mapping[str, Any] | None = None, *,
        transport: httpx.BaseTransport | None = None) -> Provider:
    """Build the provider `name` from its settings.

    Parameters:
        name: a name from `available()`, e.g. ``"local"`` or ``"timetagger"``.
        settings: the provider's `[providers.<name>]` settings (see `nlentry.config.provider_settings`).
        transport: an httpx transport for HTTP providers (tests pass an `httpx.MockTransport`).

    Raises `ProviderError` for an unknown name, and whatever the provider raises for bad settings
    (`ProviderError` or `AuthError`, messages free of secrets).
    """
    cls = provider_class(name)
    provider: Provider = cls.from_settings(dict(settings or {}), transport=transport)  # type: ignore[attr-defined]
    return provider


def builder(env: Mapping[str, str] | None = None,
            cfg: Config | None = None) -> Callable[[str], Provider]:
    """A function that builds a provider by name from the user's settings (for `Outbox`, `Syncer`)."""
    from nlentry import config

    cfg = config.load(env) if cfg is None else cfg

    def build(name: str) -> Provider:
        return get(name, config.provider_settings(name, env=env, cfg=cfg))

    return build


def configured(name: str | None = None, *, env: Mapping[str, str] | None = None,
               transport: httpx.BaseTransport | None = None) -> Provider:
    """The provider `name` (default: the configured default) built from the user's configuration."""
    from nlentry import config

    cfg = config.load(env)
    name = name or config.default_provider(env, cfg)
    return get(name, config.provider_settings(name, env=env, cfg=cfg), transport=transport)
