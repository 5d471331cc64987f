"""The command line's messages: see `nlentry.messages`, the loader both front ends share.

Kept so that `from nlentry.cli.messages import messages_for` still works; new code imports
`nlentry.messages`.
"""

from __future__ import annotations

from nlentry.messages import Messages, language, messages_for

__all__ = ["Messages", "language", "messages_for"]
