"""Database sessions whose refresh may be skipped when SQLite is locked.

A page view saves the session when the idle timer's timestamp moves on (accounts/idle.py).
If another writer holds SQLite's lock, Django's store reports the failed update as a
deleted session and the page answers 400, though the reader asked for nothing to be
written. Skipping that save loses only the newer timestamp; the next request writes it.
"""

from __future__ import annotations

import logging

from django.contrib.sessions.backends import db
from django.contrib.sessions.backends.base import UpdateError

from provenance.busy import is_locked_database

logger = logging.getLogger(__name__)


class SessionStore(db.SessionStore):
    def save(self, must_create: bool = False) -> None:
        try:
            super().save(must_create=must_create)
        except UpdateError as exc:
            # Django raises UpdateError from inside its handler, so the cause is the context.
            if exc.__context__ is None or not is_locked_database(exc.__context__):
                raise
            logger.warning("Database locked: session %s kept its stored state", "update")
