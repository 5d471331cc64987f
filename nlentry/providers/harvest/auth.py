"""Harvest's credentials on the wire (spec section 7): `Authorization: Bearer <token>` and
`Harvest-Account-Id: <id>` on every request (the third mandatory header, `User-Agent`, is set by the
client). A personal access token does not expire; OAuth 2.0 is optional and not used here.
"""

from __future__ import annotations

from nlentry.providers._http.tracker import HeaderAuth


def harvest_auth(token: str, account_id: str | None) -> HeaderAuth:
    """The Bearer token and, once chosen, the account id; the token is the secret."""
    headers = {"Authorization": f"Bearer {token}"}
    if account_id:
        headers["Harvest-Account-Id"] = account_id
    return HeaderAuth(headers, [token])
