"""Hooks for other apps.

`version_created` is sent once a new DocumentVersion has been committed, with
`version=<DocumentVersion>`; discovery connects to it to index the new text
without this app knowing about discovery.
"""

from __future__ import annotations

from django.dispatch import Signal

version_created = Signal()
