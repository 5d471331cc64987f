"""Where nlentry keeps its state, and the settings of each provider (with their secrets).

Usage::

    from nlentry import config

    config.home(env)                          # NLENTRY_HOME, else the platform's user config dir
    cfg = config.load(env)                    # <home>/config.toml, parsed
    settings = config.provider_settings("timetagger", env=env)
    config.redact(f"token {settings['token']} refused")   # -> 'token *** refused'

Layout of `config.toml`::

    default_provider = "timetagger"

    [providers.timetagger]
    base_url = "http://127.0.0.1:8080/timetagger/api/v2"
    token = "eyJ..."

Every state location goes through `home()` / `data_home()` (or `home_dir()` / `data_dir()`, the same as
strings, for a cold command: no pathlib), so `NLENTRY_HOME=/tmp/x` relocates all of it (config, database).
Secrets may instead come from environment variables (`NLENTRY_<PROVIDER>_<KEY>`, e.g.
`NLENTRY_TIMI_TOKEN`) or the system keyring (service `nlentry`, user `<provider>.<key>`; used only
if the optional `keyring` package is installed and has a usable backend: `nlentry login` keeps the token
there by default, `keep_in_keyring`, and config.toml then holds no secret). Files holding secrets are
created with mode 0600 and the home directory with 0700. Every secret read is registered, and `redact()`
masks the registered secrets in any text that reaches output, logs or exception messages.

Only the standard library is imported at module level; TOML loads on first use, and platformdirs only
off Linux.
"""

from __future__ import annotations

import _thread
import os
import re
import sys
from collections.abc import Iterable, Mapping

from nlentry.errors import NlentryError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any, TypeVar

    _Default = TypeVar("_Default", float, None)

__all__ = [
    "CONFIG_FILE",
    "DEFAULT_PROVIDER",
    "ENV_HOME",
    "SECRET_KEYS",
    "KEYRING_SERVICE",
    "Config",
    "ConfigError",
    "KeyringUnavailable",
    "config_path",
    "data_dir",
    "data_home",
    "default_provider",
    "ensure_dir",
    "home",
    "home_dir",
    "is_secret_key",
    "keep_in_keyring",
    "keyring_store",
    "load",
    "provider_settings",
    "redact",
    "redacted",
    "register_secret",
    "save",
    "set_provider_settings",
    "write_private",
]

ENV_HOME = "NLENTRY_HOME"
CONFIG_FILE = "config.toml"
DEFAULT_PROVIDER = "local"

#: setting names whose values are secrets: never printed, masked by `redact`
SECRET_KEYS = frozenset({
    "token", "api_key", "apikey", "password", "secret", "client_secret",
    "access_token", "refresh_token", "authtoken",
})

# `refresh_token`, `client_secret`, `my_api_key` are secrets; `token_url`, `token_expires_at` are not
# (compiled on first use, by re's own cache: a cold parse reads no secret)
_SECRET_HINT = r"(?:^|_)(?:token|secret|password|api_?key)$"
_MASK = "***"
_MIN_SECRET = 4  # shorter strings would mask ordinary words; no real secret is this short


class ConfigError(NlentryError, ValueError):
    """The configuration file cannot be read or written (message names the file, never a value)."""


# --- locations -----------------------------------------------------------------------------------


def _env(env: Mapping[str, str] | None) -> Mapping[str, str]:
    return os.environ if env is None else env


def home(env: Mapping[str, str] | None = None) -> Path:
    """The directory holding `config.toml`: `$NLENTRY_HOME`, else the platform's user config dir.

    Nothing is created here; `ensure_dir` does that (mode 0700) when something is written.
    """
    from pathlib import Path

    return Path(home_dir(env))


def data_home(env: Mapping[str, str] | None = None) -> Path:
    """The directory holding the database: `$NLENTRY_HOME` too when set, else the user data dir."""
    from pathlib import Path

    return Path(data_dir(env))


def home_dir(env: Mapping[str, str] | None = None) -> str:
    """`home` as a string. It and `data_dir` are what a cold command asks: pathlib (with urllib.parse and
    ipaddress, which it imports) is a tenth of a cold `nlentry parse`."""
    value = _env(env).get(ENV_HOME, "").strip()
    if value:
        return os.path.expanduser(value)
    found = _xdg_dir("XDG_CONFIG_HOME", "~/.config")
    if found is not None:
        return found
    import platformdirs

    return platformdirs.user_config_dir("nlentry", appauthor=False)


def data_dir(env: Mapping[str, str] | None = None) -> str:
    """`data_home` as a string (see `home_dir`)."""
    value = _env(env).get(ENV_HOME, "").strip()
    if value:
        return os.path.expanduser(value)
    found = _xdg_dir("XDG_DATA_HOME", "~/.local/share")
    if found is not None:
        return found
    import platformdirs

    return platformdirs.user_data_dir("nlentry", appauthor=False)


def _xdg_dir(variable: str, default: str) -> str | None:
    """platformdirs' answer on Linux (XDG: an absolute `$variable`, else `default` under an absolute
    HOME), without importing platformdirs, a few milliseconds of every cold start; None elsewhere and
    in the odd cases (no HOME, a relative one), which platformdirs answers."""
    if sys.platform != "linux" or "ANDROID_ROOT" in os.environ:
        return None
    xdg = os.environ.get(variable, "")
    if os.path.isabs(xdg):
        return os.path.join(xdg, "nlentry")
    if not os.path.isabs(os.environ.get("HOME", "")):
        return None
    return os.path.join(os.path.expanduser(default), "nlentry")


def config_path(env: Mapping[str, str] | None = None) -> Path:
    """`<home>/config.toml`."""
    return home(env) / CONFIG_FILE


def ensure_dir(path: Path) -> Path:
    """Create `path` (and parents) if missing. nlentry's directories hold the journal and secrets, so
    they are private (0700): one created looser (a shared NLENTRY_HOME, a umask) is tightened."""
    if not path.is_dir():
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        # mkdir's mode is filtered by the umask; set it explicitly
        os.chmod(path, 0o700)
    elif path.stat().st_mode & 0o077:
        try:
            os.chmod(path, 0o700)
        except OSError as exc:
            raise ConfigError(f"{path} is open to other users and cannot be made private "
                              f"({exc.strerror}); make it yours with mode 0700 (chmod 700 {path})") from None
    return path


def write_private(path: Path, text: str) -> None:
    """Write `text` to `path` atomically, the file readable by its owner only (0600).

    The data goes to a temporary file created 0600 in the same directory, which then replaces
    `path`: a crash never leaves a half-written file, and the secret is never world-readable.
    """
    ensure_dir(path.parent)
    replace_privately(path, text.encode("utf-8"))


def replace_privately(path: str | os.PathLike[str], *chunks: bytes) -> None:
    """Replace `path` with `chunks` through a 0600 temporary file in the same directory renamed into
    place, so that a reader never sees half a file; `OSError` when it cannot (no temporary file is
    left). `write_private` for a folder that already exists (the catalog snapshot and index files)."""
    # os.open rather than tempfile: tempfile's imports (shutil, bz2, lzma) would cost every first `add`
    folder, name = os.path.split(path)
    tmp = os.path.join(folder, f".{name}.{os.getpid()}-{os.urandom(4).hex()}.tmp")
    try:
        with open(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600), "wb") as f:
            for chunk in chunks:
                f.write(chunk)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        from contextlib import suppress

        with suppress(OSError):  # the first error is the one to tell
            os.unlink(tmp)
        raise


# --- the file ------------------------------------------------------------------------------------


class Config:
    """The parsed `config.toml`: `default_provider` and `[providers.<name>]` tables.

    Other top-level keys are kept as they are, so `save` does not lose what it does not know.
    """

    def __init__(self, data: Mapping[str, Any] | None = None, *, path: str | Path | None = None) -> None:
        self.data: dict[str, Any] = dict(data or {})
        self._path = path

    @property
    def path(self) -> Path | None:
        """The file it was read from or is saved to (None: `config_path` of the environment saved in);
        `load` keeps it as a string, made a `Path` when asked for (see `home_dir`)."""
        if self._path is None:
            return None
        from pathlib import Path

        return Path(self._path)

    @path.setter
    def path(self, path: str | Path | None) -> None:
        self._path = path

    @property
    def default_provider(self) -> str:
        """The provider used when none is named (`local` unless the file says otherwise)."""
        value = self.data.get("default_provider")
        return value if isinstance(value, str) and value else DEFAULT_PROVIDER

    @property
    def providers(self) -> dict[str, dict[str, Any]]:
        """The `[providers.<name>]` tables (a copy)."""
        raw = self.data.get("providers") or {}
        return {k: dict(v) for k, v in raw.items() if isinstance(v, Mapping)}

    def provider(self, name: str) -> dict[str, Any]:
        """The table of one provider, `{}` when absent."""
        return self.providers.get(name, {})

    def number(self, key: str, default: _Default) -> float | _Default:
        """A top-level number (`catalog_max_age`, `confirm_below`); `default` (a number, or None) when
        absent or not a number."""
        raw = self.data.get(key)
        return float(raw) if isinstance(raw, (int, float)) and not isinstance(raw, bool) else default

    def __repr__(self) -> str:  # never show values: they hold secrets
        return f"Config(path={self._path!s}, providers={sorted(self.providers)})"


def load(env: Mapping[str, str] | None = None, *, path: str | Path | None = None) -> Config:
    """Read `config.toml` (an empty `Config` when there is none); registers the secrets it holds."""
    path = os.path.join(home_dir(env), CONFIG_FILE) if path is None else path
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except FileNotFoundError:
        return Config(path=path)
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror}") from None
    try:
        import tomllib  # type: ignore[import-not-found,unused-ignore]
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        # the decoder's message quotes a line number, not the text, but redact anyway
        raise ConfigError(f"{path} is not valid TOML: {redact(str(exc))}") from None
    if not isinstance(data.get("providers", {}), Mapping):
        raise ConfigError(f"{path}: 'providers' must be a table of [providers.<name>] tables")
    cfg = Config(data, path=path)
    for table in cfg.providers.values():
        _register_secrets(table)
    return cfg


def save(cfg: Config, env: Mapping[str, str] | None = None) -> Path:
    """Write `cfg` to its file (mode 0600, atomically); returns the path."""
    import tomli_w

    path = cfg.path or config_path(env)
    write_private(path, tomli_w.dumps(cfg.data))
    cfg.path = path
    return path


def set_provider_settings(name: str, updates: Mapping[str, Any],
                          env: Mapping[str, str] | None = None, *, drop: Iterable[str] = ()) -> Path:
    """Merge `updates` into `[providers.<name>]`, leave out the keys in `drop`, and save."""
    cfg = load(env)
    providers = dict(cfg.data.get("providers") or {})
    gone = set(drop)
    table = {k: v for k, v in dict(providers.get(name) or {}).items() if k not in gone}
    providers[name] = {**table, **dict(updates)}
    cfg.data["providers"] = providers
    _register_secrets(updates)
    return save(cfg, env)


def default_provider(env: Mapping[str, str] | None = None, cfg: Config | None = None) -> str:
    """`$NLENTRY_PROVIDER`, else `default_provider` from the file, else `local`."""
    value = _env(env).get("NLENTRY_PROVIDER", "").strip()
    if value:
        return value
    return (cfg or load(env)).default_provider


def provider_settings(
    name: str,
    *,
    env: Mapping[str, str] | None = None,
    cfg: Config | None = None,
    use_keyring: bool = True,
) -> dict[str, Any]:
    """The settings of one provider, merged from (later wins) the file, the keyring and the environment.

    - `[providers.<name>]` in `config.toml`;
    - the keyring, for secret keys the file leaves out (service `nlentry`, user `<name>.<key>`);
    - environment variables `NLENTRY_<NAME>_<KEY>` (e.g. `NLENTRY_TIMI_TOKEN`, `NLENTRY_TIMI_BASE_URL`).

    `data_dir` (where a provider may keep state, e.g. the local database) is always set, to
    `data_home(env)` unless given. Every secret found is registered for `redact`. `NLENTRY_KEYRING=0`
    in `env` turns the keyring off (the chat-bot server does so for its users: the keyring of the
    server's account is not theirs).
    """
    env = _env(env)
    use_keyring = use_keyring and env.get("NLENTRY_KEYRING", "1") != "0"
    cfg = load(env) if cfg is None else cfg
    settings: dict[str, Any] = dict(cfg.provider(name))
    prefix = f"NLENTRY_{re.sub(r'[^A-Za-z0-9]', '_', name).upper()}_"
    from_env = {k[len(prefix):].lower(): v for k, v in env.items()
                if k.startswith(prefix) and len(k) > len(prefix)}
    if use_keyring:
        for key in sorted(SECRET_KEYS - settings.keys() - from_env.keys()):
            secret = _keyring_get(name, key)
            if secret:
                settings[key] = secret
    settings.update(from_env)
    settings.setdefault("data_dir", str(data_home(env)))
    _register_secrets(settings)
    return settings


_keyring_broken = False
KEYRING_SERVICE = "nlentry"


class KeyringUnavailable(ConfigError):
    """The system keyring cannot keep a secret. `reason`: `missing` (the optional package is not
    installed), `off` (`NLENTRY_KEYRING=0`) or `unusable` (installed, but no backend takes it)."""

    def __init__(self, why: str, *, reason: str = "unusable") -> None:
        super().__init__(why)
        self.reason = reason


def keyring_store(env: Mapping[str, str] | None = None) -> tuple[Any, str]:
    """The `keyring` module and its backend's name, when a secret can be kept outside config.toml:
    the optional keyring package is installed, not turned off and has a usable backend. Otherwise
    `KeyringUnavailable` saying why."""
    if _env(env).get("NLENTRY_KEYRING", "1") == "0":
        raise KeyringUnavailable("turned off by NLENTRY_KEYRING=0", reason="off")
    try:
        import keyring  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        raise KeyringUnavailable("the keyring package is not installed", reason="missing") from None
    try:
        backend = keyring.get_keyring()
        usable = float(backend.priority) > 0  # the "fail" backend (none found) has priority 0
    except Exception as exc:  # a broken backend configuration
        raise KeyringUnavailable(f"no usable keyring backend ({type(exc).__name__})") from None
    if not usable:
        raise KeyringUnavailable(f"no usable keyring backend ({type(backend).__name__})")
    return keyring, type(backend).__name__


def keep_in_keyring(name: str, secrets: Mapping[str, str], env: Mapping[str, str] | None = None) -> str:
    """Keep the `secrets` of provider `name` in the system keyring (service `nlentry`, user
    `<name>.<key>`) and take those keys out of config.toml, so the file holds no secret.

    Returns the backend's name. Raises `KeyringUnavailable` saying why when the keyring cannot take
    them (the caller then keeps them in config.toml, mode 0600).
    """
    global _keyring_broken
    keyring, backend = keyring_store(env)
    for value in secrets.values():
        register_secret(value)
    try:
        for key, value in secrets.items():
            keyring.set_password(KEYRING_SERVICE, f"{name}.{key}", value)
    except Exception as exc:  # locked, refused, D-Bus gone
        raise KeyringUnavailable(f"the keyring ({backend}) did not take it: {type(exc).__name__}") from None
    _keyring_broken = False  # it works now: read from it again
    if set(load(env).provider(name)) & set(secrets):
        set_provider_settings(name, {}, env, drop=secrets)
    return backend


def _keyring_get(name: str, key: str) -> str | None:
    """A secret from the system keyring, or None: no keyring package, no backend, or any error."""
    global _keyring_broken
    if _keyring_broken:
        return None
    try:
        import keyring  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        _keyring_broken = True
        return None
    try:
        value = keyring.get_password(KEYRING_SERVICE, f"{name}.{key}")
    except Exception:  # no backend, locked, D-Bus missing: the keyring is optional, skip it
        _keyring_broken = True
        return None
    return value if isinstance(value, str) else None


# --- redaction -----------------------------------------------------------------------------------

_secrets: set[str] = set()
_secrets_lock = _thread.allocate_lock()  # threading.Lock itself; importing threading is no part of a parse


def is_secret_key(key: str) -> bool:
    """True for setting names that hold secrets (`token`, `client_secret`, `api_key`, ...)."""
    return key.lower() in SECRET_KEYS or bool(re.search(_SECRET_HINT, key, re.IGNORECASE))


def register_secret(value: object) -> None:
    """Remember `value` as a secret, so `redact` masks it wherever it appears later."""
    if isinstance(value, str) and len(value.strip()) >= _MIN_SECRET:
        with _secrets_lock:
            _secrets.add(value.strip())
            # an `email:token` pair (Timi) or `user:password` may be sent joined: mask the parts too
            if ":" in value:
                for part in value.split(":"):
                    if len(part) >= 8:
                        _secrets.add(part)


def _register_secrets(settings: Mapping[str, Any]) -> None:
    for key, value in settings.items():
        if is_secret_key(key):
            register_secret(value)


def redact(text: object, secrets: Iterable[str] = ()) -> str:
    """`text` with every registered secret (and every one in `secrets`) replaced by `***`.

    This is nlentry's one redactor: the CLI, the server and the providers all mask through it. A secret
    is masked as written and in its URL-encoded forms (`%40`, `+` for a space), as it appears in a
    query string or a form body. Longer secrets are replaced first, so a secret that contains another
    is masked whole.
    """
    result = str(text)
    with _secrets_lock:
        known = set(_secrets)
    known.update(s for s in secrets if isinstance(s, str) and len(s) >= _MIN_SECRET)
    if not known:  # nothing to mask (a parse reads no secret): urllib.parse stays unimported
        return result
    from urllib.parse import quote, quote_plus

    for secret in sorted(known, key=len, reverse=True):
        for form in (secret, quote(secret, safe=""), quote_plus(secret)):
            if form in result:
                result = result.replace(form, _MASK)
    return result


def redacted(settings: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of `settings` fit to show: the values of secret keys replaced by `***`."""
    return {k: (_MASK if is_secret_key(k) and v else v) for k, v in settings.items()}
