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
    when a worker has gone quiet, "no-workers" when none ever beat: the web side still
    serves then (200), but nothing queued will run.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        workers = workers_health()
    except DatabaseError as exc:
        return JsonResponse(
            {"status": "error", "database": "unavailable", "detail": type(exc).__name__},
            status=503,
        )
    status = {"ok": "ok", "stale": "stale", "none": "no-workers"}[workers.status]
    return JsonResponse(
        {
            "status": status,
            "database": "ok",
            "vendor": connection.vendor,
            "workers": workers.as_dict(),
        }
    )
