"""Sign a user out after SESSION_IDLE_TIMEOUT seconds without a request.

Why a middleware rather than SESSION_SAVE_EVERY_REQUEST with a short
SESSION_COOKIE_AGE: that rewrites the session row on every request and ends the
session with no word, whereas this writes the last-seen time at most once a
minute (IDLE_WRITE_EVERY), tells the user why they were signed out and leaves an
audit entry. The two-week SESSION_COOKIE_AGE still caps a session's whole life.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse

from accounts.actions import do_sign_out

LAST_SEEN = "_idle_last_seen"
# Rewriting the timestamp on every request would save the session every request;
# a minute's slack on a 30-minute limit is plenty.
IDLE_WRITE_EVERY = 60


class IdleTimeoutMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        timeout = settings.SESSION_IDLE_TIMEOUT
        if timeout > 0 and request.user.is_authenticated:
            now = time.time()
            last_seen = request.session.get(LAST_SEEN)
            if isinstance(last_seen, int | float) and now - last_seen > timeout:
                do_sign_out(request, idle=True)
                minutes = max(1, round(timeout / 60))
                messages.info(
                    request,
                    f"You were signed out after {minutes} minute{'s' if minutes != 1 else ''} "
                    "without activity. Sign in again to go on.",
                )
            elif not isinstance(last_seen, int | float) or now - last_seen >= IDLE_WRITE_EVERY:
                request.session[LAST_SEEN] = now
        return self.get_response(request)
