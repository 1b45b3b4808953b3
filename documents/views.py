from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from provenance.access import require_role


@require_role
def document_list(request: HttpRequest) -> HttpResponse:
    return render(request, "documents/list.html", {"documents": []})
