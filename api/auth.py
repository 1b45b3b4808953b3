"""Who is calling: a personal API token (Bearer), or the browser's session with CSRF."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth import authenticate
from django.core.exceptions import PermissionDenied
from ninja.security import HttpBasicAuth, HttpBearer, SessionAuth

from api import throttle, token_actions, tokens
from api.problems import ApiProblem
from provenance import roles

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.http import HttpRequest

# What a read-only token may do.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        row = tokens.token_for(token)
        if row is None:
            return None
        if tokens.needs_touch(row):
            token_actions.do_note_token_use(row)
        if row.read_only and request.method not in SAFE_METHODS:
            raise ApiProblem(
                403,
                "This token is read-only: it may read but not change anything.",
                slug="read-only-token",
            )
        # Everything below reads request.user, as the pages do.
        request.user = row.user
        request.api_token = row  # type: ignore[attr-defined]
        return row.user


class BrowserSession(SessionAuth):
    """The signed-in browser; unsafe methods need the CSRF token, as the pages' forms do.

    A request with no session cookie is simply not this kind of caller, so it gets 401
    (not a CSRF 403) when it brings no token either.
    """

    def _get_key(self, request: HttpRequest) -> str | None:
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        return super()._get_key(request)


class PasswordAuth(HttpBasicAuth):
    """User name and password, only to make a token from a script (POST /tokens).

    Sign-ins per user name are rate-limited, so the endpoint is no faster a way to
    guess a password than the login page.
    """

    def __call__(self, request: HttpRequest) -> Any:
        # A refusal challenges with the scheme this operation takes (see api.problems).
        request.auth_challenge = 'Basic realm="api", charset="UTF-8"'  # type: ignore[attr-defined]
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, username: str, password: str) -> User | None:
        throttle.spend(request, username[:150], "password")
        user = authenticate(request, username=username, password=password)
        if user is None or not user.is_active:
            return None
        request.user = user
        return user


AUTH: list[Any] = [TokenAuth(), BrowserSession()]


def reader(request: HttpRequest) -> User:
    """The caller, if they hold a role (anyone signed in without one sees nothing)."""
    user: User = request.auth  # type: ignore[attr-defined]
    if not roles.has_any_role(user):
        raise PermissionDenied("Your account has no role yet. Ask an admin to give you one.")
    return user


def uploader(request: HttpRequest) -> User:
    user = reader(request)
    if not roles.can_upload(user):
        raise PermissionDenied("Only admins can add or change documents.")
    return user


def sharer(request: HttpRequest) -> User:
    user = reader(request)
    if not roles.can_share(user):
        raise PermissionDenied("Only educators and admins can make share links.")
    return user
