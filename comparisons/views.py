"""Pages of a comparison: the picker, the comparison itself, its status, its share links."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from comparisons import actions, exports, handout, share_actions, sharing, steps
from comparisons import render as diff
from comparisons.access import (
    LinkWithdrawn,
    get_comparison_for,
    get_share_link,
    get_share_link_for,
    links_withdrawn,
)
from comparisons.analysis import analysis_for
from comparisons.models import Comparison, ShareLink
from comparisons.steps import story_steps
from documents.models import Document
from provenance import roles
from provenance.access import AuthenticatedHttpRequest, require_role, require_share

VIEWS = {"side": "Side by side", "inline": "Inline", "steps": "Step through"}


class ViewOptionsForm(forms.Form):
    """How to show a comparison: ?view=side|inline|steps&only=diff&kinds=altered,added&step=3."""

    view = forms.ChoiceField(choices=list(VIEWS.items()), required=False)
    only = forms.ChoiceField(
        choices=[("", "All text"), ("diff", "Differences only")], required=False
    )
    kinds = forms.MultipleChoiceField(
        choices=[(k, k) for k in diff.KINDS], required=False, widget=forms.CheckboxSelectMultiple
    )
    step = forms.IntegerField(min_value=1, required=False)

    def __init__(self, query: Any) -> None:
        data = query.copy()
        # Accept both ?kinds=a,b (links) and ?kinds=a&kinds=b (the filter form).
        data.setlist("kinds", [k for v in query.getlist("kinds") for k in v.split(",") if k])
        super().__init__(data)

    def options(self) -> dict[str, Any]:
        """Return the cleaned choices, falling back to the defaults for anything invalid."""
        clean = self.cleaned_data if self.is_valid() else {}
        kinds = frozenset(clean.get("kinds") or diff.KINDS)
        return {
            "view": clean.get("view") or "side",
            "render": diff.Options(kinds=kinds, only_diff=clean.get("only") == "diff"),
            "kinds": kinds,
            "only_diff": clean.get("only") == "diff",
            "step": clean.get("step") or 1,
        }


def comparison_context(request: HttpRequest, comparison: Comparison) -> dict[str, Any]:
    """Build the context shared by the signed-in page and the shared page."""
    options = ViewOptionsForm(request.GET).options()
    result = comparison.engine_result
    source = comparison.source_version.text
    derivative = comparison.derivative_version.text
    # The step-through starts with the most important change, as the findings panel does.
    steps = story_steps(result, source, derivative) if options["view"] == "steps" else []
    step = min(options["step"], len(steps)) if steps else 0
    counts = diff.kind_counts(result)
    keep: dict[str, Any] = {"only": "diff"} if options["only_diff"] else {}
    if options["kinds"] != frozenset(diff.KINDS):
        keep["kinds"] = ",".join(k for k in diff.KINDS if k in options["kinds"])
    view_links = [
        (key, label, "?" + urlencode({"view": key, **keep})) for key, label in VIEWS.items()
    ]
    return {
        "comparison": comparison,
        "result": result,
        "source": comparison.source_version,
        "derivative": comparison.derivative_version,
        "source_text": source,
        "derivative_text": derivative,
        # The kept analyses: rendering reuses their units instead of segmenting again.
        "source_analysis": analysis_for(comparison.source_version),
        "derivative_analysis": analysis_for(comparison.derivative_version),
        "options": options["render"],
        "view": options["view"],
        "view_links": view_links,
        "meta_rows": [
            ("Source", comparison.source_version),
            ("Derivative", comparison.derivative_version),
        ],
        "kinds": options["kinds"],
        "only_diff": options["only_diff"],
        "all_kinds": diff.KINDS,
        "counts": counts,
        "findings": diff.finding_groups(result),
        "source_chars": len(source),
        "derivative_chars": len(derivative),
        "steps": steps,
        "step": step,
    }


class PickForm(forms.Form):
    source = forms.ModelChoiceField(queryset=Document.objects.none(), label="Source")
    derivative = forms.ModelChoiceField(queryset=Document.objects.none(), label="Derivative")

    def __init__(self, *args: Any, user: Any, q: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Archived documents are not offered even to admins, who alone could see them.
        documents = Document.objects.visible_to(user).active().filter(current_version__isnull=False)
        for name in ("source", "derivative"):
            if isinstance(field := self.fields[name], forms.ModelChoiceField):
                field.queryset = documents
        self.choices = (documents.search(q) if q else documents).select_related("outlet")[:200]


@require_http_methods(["GET", "POST"])
@require_role
def pick(request: HttpRequest) -> HttpResponse:
    """Pick a source and a derivative (GET, with search) and compare them (POST)."""
    q = request.GET.get("q", "").strip()
    form = PickForm(request.POST or None, user=request.user, q=q, initial=request.GET.dict())
    if request.method == "POST" and form.is_valid():
        try:
            comparison = actions.do_compare(
                request.user,
                form.cleaned_data["source"].current_version,
                form.cleaned_data["derivative"].current_version,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect(comparison)
    recent = Comparison.objects.visible_to(request.user).done().with_documents()[:20]
    return render(request, "comparisons/pick.html", {"form": form, "q": q, "recent": recent})


@require_GET
@require_role
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a comparison (or its progress while it is being computed)."""
    comparison = get_comparison_for(request.user, pk)
    if not comparison.is_current:  # a GET shows what is stored; a POST or the worker computes
        context = {"comparison": comparison, "base_template": "base.html"}
        return render(request, "comparisons/computing.html", context)
    context = comparison_context(request, comparison)
    context["base_template"] = "base.html"
    context["share_links"] = sharing.links_for(comparison, request.user)
    context["links_withdrawn"] = links_withdrawn(comparison)
    context["expiry_choices"] = sharing.EXPIRY_CHOICES
    return render(request, "comparisons/comparison.html", context)


@require_GET
@require_role
def findings_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """Download a comparison's findings as CSV or JSON, claim phrases and levels included."""
    comparison = get_comparison_for(request.user, pk)
    if fmt not in exports.FORMATS:
        raise Http404("Export findings as .csv or .json.")
    if not comparison.is_done:
        return HttpResponse(
            "This comparison is still being worked out: its findings are not ready yet.",
            status=409,
            content_type="text/plain; charset=utf-8",
        )
    rows = exports.finding_rows(comparison)
    if fmt == "csv":
        response = HttpResponse(exports.to_csv(rows), content_type="text/csv; charset=utf-8")
    else:
        body = json.dumps({"comparison": comparison.pk, "findings": rows}, ensure_ascii=False)
        response = HttpResponse(body, content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="comparison-{pk}-findings.{fmt}"'
    return response


@never_cache
@require_GET
@require_role
def status(request: HttpRequest, pk: int) -> JsonResponse:
    """Report a comparison's progress, for the "computing…" page."""
    comparison = get_comparison_for(request.user, pk)
    return JsonResponse(
        {
            "status": comparison.status,
            "progress": comparison.progress,
            "error": comparison.error,
            "url": comparison.get_absolute_url(),
        }
    )


@require_POST
@require_role
def retry(request: HttpRequest, pk: int) -> HttpResponse:
    """Work out a comparison the page could only say is missing: failed, outdated or stuck."""
    comparison = actions.do_retry_comparison(request.user, get_comparison_for(request.user, pk))
    return redirect(comparison)


@require_POST
@require_share
def share_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Make a read-only link to a comparison, with an optional expiry."""
    comparison = get_comparison_for(request.user, pk)
    form = sharing.ShareForm(request.POST)
    if links_withdrawn(comparison):  # only admins get here: no one else sees such a comparison
        messages.error(request, "A document of this comparison is archived: it cannot be shared.")
        return redirect(comparison)
    if not form.is_valid():
        messages.error(request, "Pick how long the link should work.")
        return redirect(comparison)
    link = share_actions.do_share(
        request.user, request, comparison, form.cleaned_data["expires_in"]
    )
    messages.success(request, "Share link made. Anyone with it can see this comparison.")
    if request.POST.get("back") == "handout":
        return redirect("comparisons:handout", pk=comparison.pk)
    return redirect(f"{comparison.get_absolute_url()}#share-{link.pk}")


def _link_to_manage(request: HttpRequest, pk: int) -> ShareLink:
    """Return a link this user may revoke or restore (its creator or an admin), else 404."""
    link = get_share_link_for(request.user, pk)
    if not link.can_revoke(request.user):
        # Educators never see others' links listed: such a link is as unknown to them as
        # one that does not exist, on this page as in the API.
        raise Http404("No such share link.")
    return link


@require_POST
@require_share
def share_revoke(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Stop a share link working, once asked to confirm (the first post shows the question)."""
    link = _link_to_manage(request, pk)
    if link.revoked_at is None and request.POST.get("confirm") != "yes":
        context = {"link": link, "comparison": link.comparison}
        return render(request, "comparisons/share_revoke_confirm.html", context)
    if share_actions.do_revoke(request.user, request, link):
        messages.success(request, "Share link revoked: it no longer opens the comparison.")
    return redirect(f"{link.comparison.get_absolute_url()}#share-{link.pk}")


@require_POST
@require_share
def share_restore(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Undo a revocation within a minute of it; after that the link stays revoked."""
    link = _link_to_manage(request, pk)
    if share_actions.do_restore(request.user, request, link):
        messages.success(request, "Share link restored: it opens the comparison again.")
    elif link.revoked_at is not None:
        messages.error(request, "Too late to undo: make a new link instead.")
    return redirect(f"{link.comparison.get_absolute_url()}#share-{link.pk}")


@require_GET
def shared(request: HttpRequest, token: str) -> HttpResponse:
    """Show a shared comparison, read-only, to anyone holding a link that still opens it."""
    try:
        link = get_share_link(token)
    except LinkWithdrawn as gone:
        return _withdrawn(request, gone.link)
    comparison = link.comparison
    if not comparison.is_current:
        context = {"comparison": comparison, "base_template": "comparisons/shared_base.html"}
        return _private(render(request, "comparisons/computing.html", context, status=503))
    context = comparison_context(request, comparison)
    context.update(base_template="comparisons/shared_base.html", shared=True, link=link)
    return _private(render(request, "comparisons/comparison.html", context))


def present_context(request: HttpRequest, comparison: Comparison) -> dict[str, Any]:
    """Build the presentation's context: slides in the order asked for, and where to start."""
    order: steps.Order = "document" if request.GET.get("order") == "document" else "story"
    return steps.present_context(comparison, order, request.GET.get("step", "1"))


@require_GET
@require_role
def present(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a comparison's changes one per screen, for a projector."""
    comparison = get_comparison_for(request.user, pk)
    if not comparison.is_current:
        return redirect(comparison)
    context = present_context(request, comparison)
    context["exit_url"] = comparison.get_absolute_url()
    return render(request, "comparisons/present.html", context)


@require_GET
def shared_present(request: HttpRequest, token: str) -> HttpResponse:
    """Present a shared comparison to anyone holding a link that still opens it."""
    try:
        link = get_share_link(token)
    except LinkWithdrawn as gone:
        return _withdrawn(request, gone.link)
    comparison = link.comparison
    if not comparison.is_current:
        return redirect(link)
    context = present_context(request, comparison)
    context.update(shared=True, exit_url=link.get_absolute_url())
    return _private(render(request, "comparisons/present.html", context))


@require_GET
@require_role
def handout_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Show the printable handout, linking to the viewer's share link (or offering to make one)."""
    comparison = get_comparison_for(request.user, pk)
    if not comparison.is_current:
        return redirect(comparison)
    link = handout.share_link_for(comparison, request.user)
    origin = f"{request.scheme}://{request.get_host()}"
    context = handout.handout_context(comparison, request.GET, link, origin)
    context.update(
        base_template="base.html",
        can_share=not links_withdrawn(comparison) and roles.can_share(request.user),
    )
    return render(request, "comparisons/handout.html", context)


@require_GET
def shared_handout(request: HttpRequest, token: str) -> HttpResponse:
    """Show the handout of a shared comparison, linking back to the same share link."""
    try:
        link = get_share_link(token)
    except LinkWithdrawn as gone:
        return _withdrawn(request, gone.link)
    comparison = link.comparison
    if not comparison.is_current:
        return redirect(link)
    origin = f"{request.scheme}://{request.get_host()}"
    context = handout.handout_context(comparison, request.GET, link, origin)
    context.update(base_template="comparisons/shared_base.html", shared=True)
    return _private(render(request, "comparisons/handout.html", context))


def _withdrawn(request: HttpRequest, link: ShareLink) -> HttpResponse:
    """Say a link no longer opens: revoked or expired (and when), else only "withdrawn"."""
    # An archived document is not named: the reason itself would say something about it.
    context = {"link": link, "state": link.state if link.state != "active" else "withdrawn"}
    return _private(render(request, "comparisons/withdrawn.html", context, status=410))


def _private(response: HttpResponse) -> HttpResponse:
    """Keep a shared page out of search engines, caches and other sites' referrer logs."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "private, no-store"
    return response
