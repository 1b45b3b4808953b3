"""Discovery's background tasks, under the names rows queued before they moved still carry.

The tasks are defined beside the steps they run, in `discovery.work`; a worker that
reads an older queue row (and `manage.py db_worker`'s users) import them from here.
"""

from __future__ import annotations

from discovery.work import discover_task, index_version_task

__all__ = ["discover_task", "index_version_task"]
