"""`db_worker` that beats: the django-tasks-db worker, recording a heartbeat for /healthz.

Same options as `db_worker` (queue, interval, worker id…), less --batch and --reload,
which a supervised production worker has no use for. The worker id names its
heartbeat row, so give each worker a stable one (`scripts/serve` uses host-slot).
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from provenance import schedule
from provenance.heartbeats import WorkerHeartbeat


class BeatingWorker(Worker):
    """A worker that beats each time its loop wakes and after each task.

    The parent's loop runs in batch mode (take ready tasks until none is left), and
    this loop sleeps between batches, so a beat comes at least once per idle
    interval and once per task, never from a side thread that would beat on
    while the loop itself is stuck.
    """

    last_beat = 0.0

    def beat(self) -> None:
        if time.monotonic() - self.last_beat >= settings.WORKER_BEAT_SECONDS:
            WorkerHeartbeat.objects.beat(self.worker_id)
            self.last_beat = time.monotonic()

    def run(self) -> None:
        try:
            while self.running:
                self.beat()
                # Periodic jobs (feed polling…) run between batches, so no cron is needed.
                schedule.run_due()
                super().run()
                self.startup_delay = False  # the herd is spread once, at start
                if self.running:
                    time.sleep(self.interval)
        finally:
            # A worker that stops cleanly is gone, not stale; one killed keeps its row
            # and shows as stale until a worker of its name starts again.
            WorkerHeartbeat.objects.filter(worker=self.worker_id).delete()

    def run_task(self, db_task_result: DBTaskResult[Any, Any]) -> None:
        super().run_task(db_task_result)
        self.beat()


class Command(DbWorkerCommand):
    help = "Run a background worker that records a heartbeat (db_worker for production)"

    def handle(self, *args: Any, **options: Any) -> None:
        self.configure_logging(options["verbosity"])
        worker = BeatingWorker(
            queue_names=options["queue_name"].split(","),
            interval=options["interval"],
            batch=True,  # BeatingWorker.run loops around the batches
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=None,
            worker_id=options["worker_id"],
            excluded_queue_names=[q for q in options["exclude_queues"].split(",") if q],
        )
        worker.configure_signals()
        worker.run()
