"""A write that meets a locked SQLite database answers 503 and Retry-After, not 500.

SQLite lets one writer in at a time; another waits up to the connection's busy
`timeout` (SQLITE_BUSY_TIMEOUT_SECONDS) and then fails with "database is locked".
That is a full database, not a bug: tell the client to try again shortly. Only
exceptions raised by views reach `process_exception`; PostgreSQL, which takes
many writers, never raises this.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

LOCKED_MESSAGES = ("database is locked", "database table is locked")


def is_locked_database(exc: BaseException) -> bool:
    return isinstance(exc, OperationalError) and any(m in str(exc) for m in LOCKED_MESSAGES)


def retry_after() -> int:
    """Seconds a client should wait before trying a write again."""
    return int(settings.LOCKED_RETRY_AFTER_SECONDS)


class LockedDatabaseMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_locked_database(exception):
            return None
        logger.warning("Database locked: %s %s answered 503", request.method, request.path)
        wait = retry_after()
        response = HttpResponse(render_to_string("busy.html", {"retry_after": wait}), status=503)
        response["Retry-After"] = str(wait)
        return response
