"""The audit log page for admins."""

from __future__ import annotations

from django import forms
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from audit.models import AuditEntry
from provenance import roles
from provenance.access import require_capability

PAGE_SIZE = 50
require_audit = require_capability(roles.can_read_audit, "Only admins can read the audit log.")


class FilterForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("", "Every action"), *AuditEntry.Action.choices], required=False
    )

    def chosen(self) -> str:
        return self.cleaned_data["action"] if self.is_valid() else ""


@require_GET
@require_audit
def entries(request: HttpRequest) -> HttpResponse:
    form = FilterForm(request.GET or None)
    shown = AuditEntry.objects.of_action(form.chosen()).select_related("actor")
    page = Paginator(shown, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "audit/entries.html", context)
