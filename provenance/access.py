"""Access helpers every view goes through.

Anonymous visitors are sent to the login page; signed-in users without a role
get 403; a role without the needed capability gets 403. Object lookups that an
outsider must not learn about raise 404 instead (see the per-object helpers in
each app).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from provenance import roles

if TYPE_CHECKING:
    from django.contrib.auth.models import User

View = Callable[..., HttpResponse]


class AuthenticatedHttpRequest(HttpRequest):
    """The request a view behind one of these decorators gets: its user is signed in.

    For type checking only (django-stubs' pattern); Django still passes an HttpRequest.
    """

    user: User


def require_capability(check: Callable[[Any], bool], message: str) -> Callable[[View], View]:
    """Wrap a view so only users passing `check` reach it."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not check(request.user):
                raise PermissionDenied(message)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


require_role = require_capability(
    roles.has_any_role, "Your account has no role yet. Ask an admin to give you one."
)
require_upload = require_capability(roles.can_upload, "Only admins can add or change documents.")
require_annotate = require_capability(
    roles.can_annotate, "Only moderators and admins can annotate."
)
require_share = require_capability(
    roles.can_share, "Only educators and admins can create share links."
)
