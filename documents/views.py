"""Document pages: list, detail, upload, edit, archive, import progress."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from documents import actions
from documents.access import get_document_for, get_import_job_for, get_numbered_version_for
from documents.display import paragraphs
from documents.forms import DocumentEditForm, DocumentFilterForm, UploadForm
from documents.ingest import Status
from documents.models import Document, ImportJob
from provenance.access import AuthenticatedHttpRequest, require_role, require_upload

PAGE_SIZE = 25
STALLED = "Stalled: its worker stopped"


@require_GET
@require_role
def document_list(request: HttpRequest) -> HttpResponse:
    form = DocumentFilterForm(request.GET or None)
    documents = (
        Document.objects.visible_to(request.user)
        .select_related("outlet", "current_version")
        .with_claim_flag(request.user)
    )
    filters = form.cleaned_data if form.is_valid() else {}
    # Only admins can see archived documents, so for anyone else this list is empty.
    documents = documents.archived() if filters.get("archived") else documents.active()
    if filters.get("q"):
        documents = documents.search(filters["q"])
    if filters.get("kind"):
        documents = documents.filter(kind=filters["kind"])
    if filters.get("outlet"):
        documents = documents.from_outlet(filters["outlet"])
    if filters.get("claim"):
        documents = documents.overstating_claims(request.user)
    documents = documents.published_between(
        filters.get("published_from"), filters.get("published_to")
    )
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "documents/list.html",
        {"form": form, "page": page, "documents": page.object_list, "query": query.urlencode()},
    )


@require_GET
@require_role
def document_detail(request: HttpRequest, pk: int, number: int | None = None) -> HttpResponse:
    document = get_document_for(request.user, pk)
    versions = list(document.versions.select_related("created_by").defer("original"))
    if number is None:
        version = next((v for v in versions if v.pk == document.current_version_id), None)
    else:
        version = next((v for v in versions if v.number == number), None)
        if version is None:
            raise Http404("No such version.")
    context = {
        "document": document,
        "version": version,
        "versions": versions,
        "paragraphs": paragraphs(version.text) if version else [],
    }
    return render(request, "documents/detail.html", context)


@require_GET
@require_role
def version_original(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """The bytes exactly as received, always as a download so nothing in them can run here."""
    version = get_numbered_version_for(request.user, pk, number)
    document = version.document
    response = HttpResponse(bytes(version.original), content_type="application/octet-stream")
    name = version.original_name or f"document-{document.pk}-v{version.number}"
    response["Content-Disposition"] = f'attachment; filename="{_ascii(name)}"'
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def _ascii(name: str) -> str:
    return "".join(
        ch if ch.isascii() and ch.isprintable() and ch not in '"\\' else "_" for ch in name
    )


@require_upload
def upload(request: AuthenticatedHttpRequest) -> HttpResponse:
    version_of = None
    if target := request.GET.get("version_of") or request.POST.get("version_of"):
        version_of = get_document_for(request.user, _int_or_404(target))
    form = UploadForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = actions.do_upload(request.user, request, form.cleaned_data, version_of=version_of)
        if result.job is not None:
            return redirect(result.job)
        # Without a job there is always an outcome; a stored or duplicate one names its document.
        outcome = result.outcome
        if outcome is not None and (outcome.stored or outcome.status == Status.DUPLICATE):
            level = messages.SUCCESS if outcome.stored else messages.INFO
            messages.add_message(request, level, outcome.message)
            return redirect(outcome.version or outcome.document or "documents:list")
        if outcome is not None and outcome.status == Status.REJECTED:
            form.add_error(None, outcome.reason)
    context = {
        "form": form,
        "version_of": version_of,
        "result": result,
        "recent_jobs": ImportJob.objects.all()[:5],
    }
    return render(request, "documents/upload.html", context)


def _int_or_404(value: str) -> int:
    if not value.isdigit():
        raise Http404("No such document.")
    return int(value)


@require_upload
def document_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    document = get_document_for(request.user, pk)
    form = DocumentEditForm(request.POST or None, instance=document)
    if request.method == "POST" and form.is_valid():
        changed = actions.do_edit_document(request.user, request, document, form.cleaned_data)
        messages.success(request, "Saved." if changed else "Nothing changed.")
        return redirect(document)
    return render(request, "documents/edit.html", {"form": form, "document": document})


@require_POST
@require_upload
def document_archive(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseRedirect:
    document = get_document_for(request.user, pk)
    if actions.do_archive_document(request.user, request, document):
        messages.success(request, f"Archived “{document.title}”. Its versions are kept.")
    return redirect(document)


@require_POST
@require_upload
def document_unarchive(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseRedirect:
    document = get_document_for(request.user, pk)
    if actions.do_unarchive_document(request.user, request, document):
        messages.success(request, f"“{document.title}” is back in the list.")
    return redirect(document)


@require_GET
@require_upload
def import_job(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_import_job_for(request.user, pk)
    # Each item's version only for its near-duplicate note: not its bytes or text.
    items = job.items.select_related("document", "version__near_duplicate_of").defer(
        "version__original", "version__text", "version__display_html", "version__stripped"
    )
    return render(request, "documents/import_job.html", {"job": job, "items": items})


@never_cache
@require_GET
@require_upload
def import_job_status(request: HttpRequest, pk: int) -> JsonResponse:
    """Progress of a bulk import, for the job page to poll. Reads only.

    Reads only the small status row: the archive lives in its own table. A job whose
    worker stopped says "stalled"; the page's Resume button (a POST) restarts it.
    """
    job = get_import_job_for(request.user, pk)
    return JsonResponse(
        {
            "id": job.pk,
            "status": "stalled" if job.is_stalled else job.status,
            "status_display": STALLED if job.is_stalled else job.get_status_display(),
            "stalled": job.is_stalled,
            "finished": job.is_finished,
            "total": job.total,
            "processed": job.processed,
            "percent": job.percent,
            "added": job.added,
            "new_versions": job.new_versions,
            "duplicates": job.duplicates,
            "rejected": job.rejected,
            "error": job.error,
        }
    )


@require_POST
@require_upload
def import_job_resume(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseRedirect:
    """Restart an import whose worker stopped; a job still running is left alone."""
    job = get_import_job_for(request.user, pk)
    if actions.do_resume_import(request.user, request, job):
        messages.success(request, "Resumed: the items already imported are kept.")
    else:
        messages.info(request, "This import is not stalled; nothing to resume.")
    return redirect(job)
