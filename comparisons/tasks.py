"""The comparison task, under the name rows queued before it moved still carry.

The task is defined beside its workflow in `comparisons.compare`; a worker that
reads an older queue row imports it from here.
"""

from __future__ import annotations

from comparisons.compare import compute_comparison

__all__ = ["compute_comparison"]
