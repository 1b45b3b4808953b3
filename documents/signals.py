"""Hooks for other apps.

`version_created` is sent once a new DocumentVersion has been committed, with
`version=<DocumentVersion>`; discovery connects to it to index the new text
without this app knowing about discovery.

`near_duplicate_lookup` is sent by `duplicates.find_near_duplicate` with `text=<str>`,
outside any write transaction; a receiver answers with a `duplicates.NearDuplicate`
or None. Discovery answers from its fingerprint index, so this app finds
near-duplicates at any corpus size without reading other texts itself.
"""

from __future__ import annotations

from django.dispatch import Signal

version_created = Signal()
near_duplicate_lookup = Signal()
