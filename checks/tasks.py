"""The checks app's background task, for `manage.py db_worker`.

It is defined beside the workflow it runs (`checks.workflow.run_check`), so queueing
it imports nothing that imports the workflow back; this module only names it.
"""

from __future__ import annotations

from checks.workflow import run_check

__all__ = ["run_check"]
