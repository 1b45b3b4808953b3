"""The project package's one model: workers' heartbeats (see heartbeats.py)."""

from __future__ import annotations

from provenance.heartbeats import WorkerHeartbeat

__all__ = ["WorkerHeartbeat"]
