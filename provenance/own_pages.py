"""Our own pages in place of two of Django's: the CSRF failure page and the admin's sign-in form."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from provenance.safety import safe_next


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Say in plain words that a form could not be accepted, and what to do (CSRF_FAILURE_VIEW).

    Django's own page names origins and tokens and has none of our look. The reason
    is kept out of the page: it helps no one filling in a form, and the log has it.
    """
    return render(request, "403_csrf.html", {"cookies_missing": "cookie" in reason}, status=403)


@require_GET
def admin_login(request: HttpRequest) -> HttpResponse:
    """Send /admin/login/ to our sign-in page, so Django's admin form is never shown.

    A signed-in person who reaches it lacks staff rights (the admin sent them here):
    signing in again would only loop, so they are told no instead.
    """
    if request.user.is_authenticated:
        raise PermissionDenied("Your account cannot use the admin pages.")
    target = safe_next(request, request.GET.get("next")) or reverse("admin:index")
    return HttpResponseRedirect(f"{reverse('login')}?{urlencode({'next': target})}")
