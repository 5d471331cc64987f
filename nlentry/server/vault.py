"""Credentials at rest: the users' provider secrets encrypted with the operator's key (Fernet).

Usage::

    vault = Vault(["<new key>", "<old key>"])   # NLENTRY_SECRET_KEY="<new>,<old>", or a key file
    token = vault.encrypt("s3cr3t")             # bytes to store; AES-128-CBC + HMAC-SHA256, with a time
    vault.decrypt(token)                        # "s3cr3t"; any of the keys opens it
    vault.rotate(token)                         # encrypted again with the first key

`cryptography`'s MultiFernet: the first key encrypts, every key decrypts, so a key is rotated by putting
the new one first, re-encrypting (`nlentry db rotate-key`) and then dropping the old one. A key is 32
random bytes, url-safe base64 (`nlentry db keygen` makes one). Keys and values never appear in an error.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from nlentry.config import ConfigError, register_secret
from nlentry.errors import NlentryError

if TYPE_CHECKING:
    from cryptography.fernet import MultiFernet

__all__ = ["Vault", "VaultError", "new_key", "parse_keys"]


class VaultError(NlentryError):
    """A stored secret cannot be opened with the configured keys (wrong or rotated-away key)."""


def new_key() -> str:
    """A fresh key: 32 random bytes, url-safe base64 (44 characters)."""
    from cryptography.fernet import Fernet

    return Fernet.generate_key().decode("ascii")


def parse_keys(text: str) -> tuple[str, ...]:
    """The keys in `text`: separated by commas or new lines, blanks and `#` comment lines ignored."""
    lines = (line for line in text.splitlines() if not line.lstrip().startswith("#"))
    return tuple(k.strip() for line in lines for k in line.split(",") if k.strip())


class Vault:
    """Encrypts and decrypts with a list of keys; see the module docstring.

    Raises `ConfigError` for no key or a malformed one (naming its position, never the key).
    """

    def __init__(self, keys: Sequence[str]) -> None:
        from cryptography.fernet import Fernet, MultiFernet

        if not keys:
            raise ConfigError("no secret key: set NLENTRY_SECRET_KEY (make one with 'nlentry db keygen')")
        fernets = []
        for i, key in enumerate(keys, 1):
            register_secret(key)
            try:
                fernets.append(Fernet(key.encode("ascii")))
            except (ValueError, UnicodeEncodeError):
                raise ConfigError(
                    f"secret key {i} of {len(keys)} is not a Fernet key (32 bytes, url-safe base64: "
                    "make one with 'nlentry db keygen')"
                ) from None
        self._fernet: MultiFernet = MultiFernet(fernets)

    def encrypt(self, value: str) -> bytes:
        """`value` encrypted with the first key."""
        return self._fernet.encrypt(value.encode("utf-8"))

    def decrypt(self, token: bytes) -> str:
        """The value of a token made by `encrypt` with any of the keys; `VaultError` otherwise."""
        from cryptography.fernet import InvalidToken

        try:
            return self._fernet.decrypt(bytes(token)).decode("utf-8")
        except (InvalidToken, UnicodeDecodeError):
            raise VaultError(
                "a stored credential cannot be decrypted with the configured secret keys "
                "(was the key that encrypted it removed from NLENTRY_SECRET_KEY?)"
            ) from None

    def rotate(self, token: bytes) -> bytes:
        """The same value, encrypted again with the first key."""
        from cryptography.fernet import InvalidToken

        try:
            return self._fernet.rotate(bytes(token))
        except InvalidToken:
            raise VaultError("a stored credential cannot be decrypted with the configured secret keys") \
                from None

    def __repr__(self) -> str:  # never show a key
        return "Vault(***)"
