"""The account page's API tokens: make one (shown once), see them, revoke one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from api import token_actions
from api.models import ApiToken
from api.problems import problem_response
from provenance.access import AuthenticatedHttpRequest


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def token_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """List the user's tokens; a POST makes one and shows it this once (never stored)."""
    new_token, error = "", ""
    name = request.POST.get("name", "")
    if request.method == "POST":
        try:
            _token, new_token = token_actions.do_create_token(request.user, request, name)
        except ValidationError as exc:
            error = exc.messages[0]
    context = {
        "tokens": ApiToken.objects.of(request.user),
        "new_token": new_token,
        "error": error,
        "name": "" if new_token else name,
    }
    return render(request, "api/tokens.html", context, status=400 if error else 200)


@require_POST
@login_required
def token_revoke(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken.objects.of(request.user), pk=pk)
    if token_actions.do_revoke_token(request.user, request, token):
        messages.success(request, f"Revoked “{token.name}”. Scripts using it are now refused.")
    return redirect("api_tokens")


@csrf_exempt
def api_not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    """Any path under /api/ that no operation matches (a wrong id type too): a problem, not HTML."""
    return problem_response(404, "There is no such API path. See /api/v1/docs.")
