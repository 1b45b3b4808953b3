"""The project package's models: workers' heartbeats and the periodic jobs' due times."""

from __future__ import annotations

from provenance.heartbeats import WorkerHeartbeat
from provenance.schedule import ScheduledJob

__all__ = ["ScheduledJob", "WorkerHeartbeat"]
