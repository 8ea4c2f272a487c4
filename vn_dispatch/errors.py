"""The one exception type of the library: a file that cannot be read as a document."""

from __future__ import annotations


class DispatchReadError(Exception):
    """Raised by ``parse_file`` for a file that cannot be read (missing, unreadable, unsupported,
    corrupt, encrypted or scanned without text). ``parse`` itself never raises.

    ``path`` is the file, ``reason`` a short machine-readable code ("not_found", "unsupported",
    "decode", "empty", ...).
    """

    def __init__(self, path: str, reason: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.reason = reason
        self.message = message
