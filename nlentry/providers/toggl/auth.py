"""Toggl Track's credentials on the wire: HTTP Basic with `<api_token>:api_token` (spec section 5).

Toggl also takes `email:password`; nlentry keeps only the API token, which the user can reset.
"""

from __future__ import annotations

from nlentry.providers._http.client import basic_forms
from nlentry.providers._http.tracker import HeaderAuth


def toggl_auth(token: str) -> HeaderAuth:
    """`Authorization: Basic base64(<token>:api_token)`; the token and its encoded forms are secrets."""
    joined, encoded = basic_forms(token, "api_token")
    return HeaderAuth({"Authorization": f"Basic {encoded}"}, [token, joined, encoded])
