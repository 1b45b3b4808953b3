"""Export a comparison's or a document's annotations (JSON-LD, CSV); import JSON-LD."""

from __future__ import annotations

import json
from collections.abc import Sequence

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from annotations import actions, interchange, jsonld_input, permissions
from annotations.forms import ImportForm
from annotations.models import Annotation, AnnotationQuerySet
from comparisons.access import get_comparison_for
from documents.access import get_document_for
from provenance.access import AuthenticatedHttpRequest, require_capability, require_role
from provenance.engine import Finding

FORMATS = {"jsonld", "csv"}
require_import = require_capability(permissions.can_import, "Only admins can import annotations.")


def _respond(
    annotations: AnnotationQuerySet,
    fmt: str,
    name: str,
    collection_path: str,
    label: str,
    findings: Sequence[Finding] | None = None,
) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404("Export as .jsonld or .csv.")
    annotations = annotations.with_related().prefetch_related("replies__author").order_by("pk")
    if fmt == "csv":
        response = HttpResponse(
            interchange.to_csv(annotations, findings), content_type="text/csv; charset=utf-8"
        )
    else:
        path = interchange.absolute(collection_path)
        data = interchange.to_jsonld(annotations, path, label, findings or ())
        body = json.dumps(data, ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type=interchange.MEDIA_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@require_GET
@require_role
def comparison_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The annotations shown on a comparison: those anchored on either of its texts."""
    comparison = get_comparison_for(request.user, pk)
    annotations = Annotation.objects.visible_to(request.user).for_comparison(comparison)
    label = f"Annotations on {comparison}"
    # Annotations on a finding carry what it is (a claim's phrases too) in this export only.
    findings = comparison.engine_result.findings if comparison.is_done else ()
    name = f"comparison-{pk}-annotations"
    return _respond(annotations, fmt, name, request.path, label, findings)


@require_GET
@require_role
def document_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """Every annotation on any version of a document, orphans included."""
    document = get_document_for(request.user, pk)
    annotations = Annotation.objects.visible_to(request.user).on_document(document)
    label = f"Annotations on {document}"
    return _respond(annotations, fmt, f"document-{pk}-annotations", request.path, label)


@require_http_methods(["GET", "POST"])
@require_import
def import_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Import a JSON-LD export; what cannot be placed is listed, not dropped."""
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            data = jsonld_input.load(form.cleaned_data["file"].read())
            report = actions.do_import_annotations(request.user, request, data)
        except jsonld_input.UnreadableExport as exc:
            form.add_error("file", f"This file cannot be imported: {exc}")
        else:
            messages.success(request, report.message)
            return redirect("annotations:queue")
    status = 400 if form.errors else 200
    return render(request, "annotations/import.html", {"form": form}, status=status)
