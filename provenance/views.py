from __future__ import annotations

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from provenance.heartbeats import workers_health


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html")


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Report the database and the workers' heartbeats: 503 only if the database fails.

    `status` is "ok" when the database answers and every worker beat lately, "stale"
    when a worker has gone quiet, "no-workers" when none ever beat, "unknown" when the
    heartbeats cannot be read (database not migrated): the web side still serves then
    (200), but queued work may not run.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return JsonResponse(
            {"status": "error", "database": "unavailable", "detail": type(exc).__name__},
            status=503,
        )
    try:
        workers: dict[str, object] = workers_health().as_dict()
    except DatabaseError as exc:
        # The database answers but has no heartbeat table yet (not migrated).
        workers = {"status": "unknown", "detail": type(exc).__name__}
    status = {"none": "no-workers"}.get(str(workers["status"]), str(workers["status"]))
    return JsonResponse(
        {"status": status, "database": "ok", "vendor": connection.vendor, "workers": workers}
    )
