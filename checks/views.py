"""Pages of "Check an article": an educator's own checks, and a class's link to make them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from checks import actions, workflow
from checks.access import (
    TokenWithdrawn,
    get_check_for,
    get_class_check,
    get_class_token,
    get_token_for,
)
from checks.display import check_context
from checks.forms import CheckForm, ClassTokenForm
from checks.models import Check, CheckSettings, ClassToken
from documents.errors import RejectedInput
from provenance import roles
from provenance.access import AuthenticatedHttpRequest, require_capability

if TYPE_CHECKING:
    from django.contrib.auth.models import User

require_check = require_capability(roles.can_share, "Only educators and admins can check articles.")
LIST_LIMIT = 50


def _run(form: CheckForm, token: ClassToken | None, owner: User) -> Check | None:
    """Run the check the form asks for, or put the reason it cannot on the form."""
    if not form.is_valid():
        return None
    try:
        article = workflow.read_article(form.cleaned_data["text"], form.cleaned_data["url"])
    except RejectedInput as exc:
        form.add_error(None, exc.message)
        return None
    return actions.do_check(owner, article, token)


@require_http_methods(["GET", "POST"])
@require_check
def check_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """My checks, and the form to check another article."""
    form = CheckForm(request.POST or None)
    wait = 0
    if request.method == "POST":
        if wait := workflow.wait_before_checking(request.user):
            form.add_error(
                None, f"You have run all your checks for this hour. Try in {_minutes(wait)}."
            )
        elif check := _run(form, None, request.user):
            return redirect(check)
    context = {
        "form": form,
        "checks": Check.objects.visible_to(request.user)[:LIST_LIMIT],
        "tokens": ClassToken.objects.filter(created_by=request.user),
        "token_form": ClassTokenForm(),
        "retention_days": CheckSettings.load().retention_days,
    }
    status = 429 if wait else 400 if form.errors else 200
    response = render(request, "checks/list.html", context, status=status)
    if wait:
        response["Retry-After"] = str(wait)
    return response


@require_GET
@require_check
def check_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    check = get_check_for(request.user, pk)
    if check.status != Check.Status.DONE:
        return render(request, "checks/checking.html", {"check": check})
    return render(request, "checks/detail.html", check_context(check, request.user))


@require_POST
@require_check
def check_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    actions.do_delete_check(request.user, request, get_check_for(request.user, pk))
    messages.success(request, "Check deleted.")
    return redirect("checks:list")


@require_POST
@require_check
def token_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ClassTokenForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give the class a name.")
        return redirect("checks:list")
    actions.do_create_class_link(request.user, request, form.cleaned_data["label"])
    messages.success(request, "Class link made. Anyone with it can check articles as your class.")
    return redirect("checks:list")


@require_POST
@require_check
def token_revoke(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    token = get_token_for(request.user, pk)
    if actions.do_revoke_class_link(request.user, request, token):
        messages.success(request, f"The link for {token.label} no longer works.")
    return redirect("checks:list")


@require_http_methods(["GET", "POST"])
def class_page(request: HttpRequest, token: str) -> HttpResponse:
    """A class's page: check an article without an account, and see the class's checks."""
    try:
        class_token = get_class_token(token)
    except TokenWithdrawn:
        return _private(render(request, "checks/class_withdrawn.html", status=410))
    form = CheckForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not actions.do_take_class_use(class_token, CheckSettings.load().token_hourly_limit):
            form.add_error(None, "This class link has run all its checks for this hour. Try later.")
            status = 429
        elif check := _run(form, class_token, class_token.created_by):
            return redirect("checks:class_detail", token=token, pk=check.pk)
        else:
            status = 400
    checks = Check.objects.for_token(class_token)[:LIST_LIMIT]
    context = {"form": form, "class_token": class_token, "checks": checks}
    return _private(render(request, "checks/class.html", context, status=status))


@require_GET
def class_detail(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    try:
        class_token = get_class_token(token)
    except TokenWithdrawn:
        return _private(render(request, "checks/class_withdrawn.html", status=410))
    check = get_class_check(class_token, pk)
    if check.status != Check.Status.DONE:
        context = {"check": check, "class_token": class_token}
        return _private(render(request, "checks/checking.html", context))
    context = check_context(check, class_token.created_by)
    context["class_token"] = class_token
    return _private(render(request, "checks/detail.html", context))


def _minutes(seconds: int) -> str:
    minutes = max(1, round(seconds / 60))
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def _private(response: HttpResponse) -> HttpResponse:
    """Keep a class's pages out of search engines, caches and other sites' referrer logs.

    `same-origin`, not `no-referrer`: the class's token is in the address, so no other
    site may see it, but our own form posts need their Origin header (with no referrer
    at all Chromium sends `Origin: null`, and the CSRF check refuses the check).
    """
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "same-origin"
    response["Cache-Control"] = "private, no-store"
    return response
