"""What the HTTP providers (Timi, Timeneye, Tyme) share, one concern a module:

- `client`: `make_client` (base URL, User-Agent, timeouts) and `Api`, which sends a request and maps
  the wire to the protocol's errors (`TransientError`, `AuthError`, `RejectedError`); `SecretAuth`;
- `responses`: reading an answer: `retry_after` (`Retry-After`, `X-RateLimit-Reset`), `provider_message`;
- `ratelimit`: `RateLimiter`, the client-side request budget;
- `oauth`: OAuth 2.0 Authorization Code with PKCE, the code exchange and the refreshing `OAuth2Bearer`;
  each OAuth provider's `auth.py` is an `OAuthServer` saying where its routes are;
- `settings`: `Settings`, a provider's settings read with types;
- `tokens`: where an OAuth token lives between runs (`TokenFile`, `oauth_settings`);
- `testing`: the base of every provider's fake (`FakeApi`, `FakeOAuth`, `json_response`).

Secrets are masked by the one redactor of the package, `nlentry.config.redact`. TimeTagger's client
uses `make_client` and `parse_retry_after` only.

These modules import httpx; provider packages import them lazily, so scanning them for `PROVIDER`
stays cheap. What the provider classes share without httpx is in `nlentry.providers._hosted`.
The names are also reachable from this package (`from nlentry.providers._http import Api`), loaded
on first use, for code written before the split.
"""

from __future__ import annotations

import importlib
from typing import Any

#: name -> the module (of this package) that defines it
_HOME = {
    **dict.fromkeys(("Api", "SecretAuth", "basic_forms", "make_client", "USER_AGENT", "DEFAULT_TIMEOUT",
                     "CONNECT_TIMEOUT", "Clock"), "client"),
    **dict.fromkeys(("parse_retry_after", "retry_after", "provider_message"), "responses"),
    "RateLimiter": "ratelimit",
    **dict.fromkeys(("OAuthToken", "Login", "OAuth2Bearer", "OAuthServer", "client_fields",
                     "code_from_redirect", "exchange_code", "first_token", "pkce_challenge", "pkce_pair",
                     "start_login"), "oauth"),
    "Settings": "settings",
    **dict.fromkeys(("TokenFile", "oauth_settings"), "tokens"),
    **dict.fromkeys(("Fault", "FakeApi", "FakeOAuth", "form_or_json", "json_response", "provider_of"),
                    "testing"),
}


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


__all__ = sorted(_HOME)
