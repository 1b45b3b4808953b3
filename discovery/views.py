"""Discovery pages: fan-out, trim map, provenance graph, background status.

Each view checks access, makes one call into a workflow module, and renders.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from discovery import actions
from discovery.fanout import FANOUT_KINDS, SHADE_LEGEND, SHADE_STEPS, fan_out, trim_map
from discovery.forms import GraphFilterForm
from discovery.graph import build_graph, select_documents
from discovery.models import IndexState, Status
from documents.access import get_document_for
from documents.models import Outlet
from provenance.access import AuthenticatedHttpRequest, require_role, require_upload

COLUMNS_PER_PAGE = 12


@require_GET
@require_role
def fan_out_view(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for(request.user, pk)
    fan = fan_out(document, request.user)
    page = Paginator(fan.derivatives, COLUMNS_PER_PAGE).get_page(request.GET.get("page"))
    start = page.start_index() - 1 if fan.derivatives else 0
    stop = start + len(page.object_list)
    context = {
        "document": document,
        "fan": fan,
        "kinds": FANOUT_KINDS,
        "page": page,
        "columns": page.object_list,
        "matrix": [(row, row.cells[start:stop]) for row in fan.sentences],
        "total": len(fan.derivatives),
        "shades": list(zip(SHADE_STEPS, SHADE_LEGEND, strict=True)),
    }
    return render(request, "discovery/fan_out.html", context)


@require_GET
@require_role
def trim_map_view(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for(request.user, pk)
    derivatives, items = trim_map(document, request.user)
    page = Paginator(derivatives, COLUMNS_PER_PAGE).get_page(request.GET.get("page"))
    start = page.start_index() - 1 if derivatives else 0
    stop = start + len(page.object_list)
    rows = [(item, item.fates[start:stop]) for item in items]
    context = {"document": document, "page": page, "columns": page.object_list, "rows": rows}
    return render(request, "discovery/trim_map.html", context)


@require_GET
@require_role
def graph_view(request: HttpRequest) -> HttpResponse:
    form = GraphFilterForm(request.GET)
    if not form.is_valid():
        # A hand-edited address: say what is wrong rather than fail or guess.
        context: dict[str, object] = {"graph": None, "errors": form.errors}
        context["outlets"] = Outlet.objects.all()
        return render(request, "discovery/graph.html", context, status=400)
    outlet, q = form.cleaned_data["outlet"], form.cleaned_data["q"]
    siblings = form.cleaned_data["siblings"]
    document = None
    if form.cleaned_data["document"]:
        document = get_document_for(request.user, form.cleaned_data["document"])
    documents, truncated, title = select_documents(
        request.user, outlet=outlet, q=q, document=document
    )
    graph = build_graph(documents, title, request.user, truncated, include_siblings=siblings)
    context = {"graph": graph, "outlets": Outlet.objects.all(), "outlet": outlet, "q": q}
    context["document"] = document
    return render(request, "discovery/graph.html", context)


@require_GET
@require_upload
def status_view(request: HttpRequest) -> HttpResponse:
    states = IndexState.objects.all()
    counts = {
        "index": dict(states.values_list("index_status").annotate(n=Count("pk"))),
        "discovery": dict(states.values_list("discovery_status").annotate(n=Count("pk"))),
    }
    failed = states.failed().select_related("version__document").order_by("-updated_at")
    page = Paginator(failed, 25).get_page(request.GET.get("page"))
    context = {"counts": counts, "statuses": Status, "page": page}
    return render(request, "discovery/status.html", context)


@require_POST
@require_upload
def retry_view(request: AuthenticatedHttpRequest) -> HttpResponseRedirect:
    n = actions.do_retry_failed_discovery(request.user, request)
    messages.success(request, f"{n} failed step{'s' if n != 1 else ''} queued again.")
    return redirect("discovery:status")


@require_POST
@require_upload
def discover_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseRedirect:
    document = get_document_for(request.user, pk)
    if actions.do_request_discovery(request.user, request, document):
        messages.success(request, "Source discovery queued for this document.")
    else:
        messages.error(request, "This document has no text to search with.")
    return redirect(document)
