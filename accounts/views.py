"""Account pages: the admins' user management, signing in and out, passwords.

Sign-in, sign-out, password change and reset are Django's own views with our
templates; the subclasses here only hand their one write to an action of
`accounts.actions` (which writes the audit entry too).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts import actions, people, resets
from accounts.forms import ActiveForm, InviteForm, RoleForm
from audit.models import AuditEntry
from provenance import roles, site
from provenance.access import AuthenticatedHttpRequest, require_capability

PAGE_SIZE = 50
require_manage = require_capability(roles.can_manage_users, "Only admins can manage users.")


class LoginView(auth_views.LoginView):
    def form_valid(self, form: Any) -> HttpResponse:
        actions.do_sign_in(form.get_user(), self.request)
        return HttpResponseRedirect(self.get_success_url())


class LogoutView(auth_views.LogoutView):
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        actions.do_sign_out(request)
        redirect_to = self.get_success_url()
        if redirect_to != request.get_full_path():
            return HttpResponseRedirect(redirect_to)
        return super().get(request, *args, **kwargs)


class PasswordChangeView(auth_views.PasswordChangeView):
    def form_valid(self, form: Any) -> HttpResponse:
        actions.do_change_password(form.user, self.request, form)
        return HttpResponseRedirect(self.get_success_url())


class PasswordResetView(auth_views.PasswordResetView):
    def form_valid(self, form: Any) -> HttpResponse:
        wait = resets.wait_before_sending(self.request, form.cleaned_data["email"])
        if wait:
            form.add_error(None, resets.too_many_message(wait))
            response = self.form_invalid(form)
            response.status_code = 429
            response["Retry-After"] = str(wait)
            return response
        # Says nothing about whether the address is known (the page never does either).
        actions.do_note_reset_sent(self.request, form.cleaned_data["email"])
        # The link names SITE_URL when it is set, never the Host header a request sent.
        self.extra_email_context = {"site_url": site.site_url(self.request)}
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    def form_valid(self, form: Any) -> HttpResponse:
        actions.do_reset_password(self.request, form)
        # What Django's own form_valid does besides saving (we never sign in after a reset).
        del self.request.session[auth_views.INTERNAL_RESET_SESSION_TOKEN]
        return HttpResponseRedirect(self.get_success_url())


@require_GET
@require_manage
def user_list(request: HttpRequest) -> HttpResponse:
    users = User.objects.order_by("-is_active", "username").prefetch_related("groups")
    page = Paginator(users, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(u, dict(people.ROLE_CHOICES)[people.role_of(u)]) for u in page]
    return render(request, "accounts/users.html", {"page": page, "rows": rows})


@require_http_methods(["GET", "POST"])
@require_manage
def user_invite(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = actions.do_invite(
                request.user, request, data["username"], data["email"], data["role"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, f"Invited {user.username}: a link to set a password went to {user.email}."
            )
            return redirect("user_detail", pk=user.pk)
    status = 400 if form.errors else 200
    return render(request, "accounts/invite.html", {"form": form}, status=status)


def _user_page(request: HttpRequest, user: User, status: int = 200, **extra: Any) -> HttpResponse:
    context = {
        "person": user,
        "role_form": extra.pop("role_form", None)
        or RoleForm(initial={"role": people.role_of(user)}),
        "history": AuditEntry.objects.about(user)[:20],
        **extra,
    }
    return render(request, "accounts/user.html", context, status=status)


@require_GET
@require_manage
def user_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _user_page(request, get_object_or_404(User, pk=pk))


@require_POST
@require_manage
def user_role(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    user = get_object_or_404(User, pk=pk)
    form = RoleForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError("Pick a role from the list.")
        if actions.do_set_role(request.user, request, user, form.cleaned_data["role"]):
            messages.success(request, f"{user.username}’s role is changed.")
    except ValidationError as exc:
        return _user_page(request, user, 400, role_form=form, error=exc.messages[0])
    return redirect("user_detail", pk=user.pk)


@require_POST
@require_manage
def user_active(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    user = get_object_or_404(User, pk=pk)
    form = ActiveForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError("Choose to deactivate or reactivate.")
        active = form.cleaned_data["active"]
        if actions.do_set_active(request.user, request, user, active):
            done = "reactivated" if active else "deactivated: they can no longer sign in"
            messages.success(request, f"{user.username} is {done}.")
    except ValidationError as exc:
        return _user_page(request, user, 400, error=exc.messages[0])
    return redirect("user_detail", pk=user.pk)


@require_POST
@require_manage
def user_reinvite(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    user = get_object_or_404(User, pk=pk)
    try:
        actions.do_resend_invitation(request.user, request, user)
    except ValidationError as exc:
        return _user_page(request, user, 400, error=exc.messages[0])
    messages.success(request, f"A new link to set a password went to {user.email}.")
    return redirect("user_detail", pk=user.pk)
