"""The error every reader, fetcher and check raises for input we will not store."""

from __future__ import annotations


class RejectedInput(Exception):
    """Input we refuse, with a message written for the admin who sent it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
