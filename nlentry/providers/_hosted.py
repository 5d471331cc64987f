"""What the hosted providers' classes (Timi, Timeneye, Tyme) share, without loading httpx.

`HostedProvider` is their base: each one sets `self._api` (an `nlentry.providers._http.Api`, made in
`__init__`, where httpx is imported) and inherits `close`, the context manager, a `repr` without
secrets and `_path_id` for numeric entry ids. This module imports nothing heavy, so a provider
package stays cheap to import (the registry scans them for `PROVIDER`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TypeVar

from nlentry.providers.base import RejectedError

if TYPE_CHECKING:
    from nlentry.providers._http.client import Api

_Self = TypeVar("_Self", bound="HostedProvider")


class HostedProvider:
    """Base of the HTTP providers: the `Api` they talk through, closing, `repr`, numeric ids.

    Subclasses set `name`, `title` (the service's own spelling, for messages) and `self._api`.
    """

    name: ClassVar[str]
    title: ClassVar[str]
    _api: Api

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={str(self._api.client.base_url)!r})"

    def __enter__(self: _Self) -> _Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP client."""
        self._api.close()

    def _path_id(self, remote_id: str) -> str:
        """A remote id fit for a URL path: the ids are numbers, anything else is refused before sending."""
        if not str(remote_id).isdigit():
            raise RejectedError(f"{self.name}: {remote_id!r} is not a {self.title} entry id")
        return str(remote_id)
