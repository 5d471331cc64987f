"""Clockify's credentials on the wire: the header `X-Api-Key: <key>` (spec section 6); no expiry."""

from __future__ import annotations

from nlentry.providers._http.tracker import HeaderAuth


def clockify_auth(key: str) -> HeaderAuth:
    """`X-Api-Key: <key>`; the key is the secret."""
    return HeaderAuth({"X-Api-Key": key}, [key])
