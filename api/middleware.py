"""What every response under /api/ gets, whoever made it: problem documents and RateLimit.

ninja's own handlers (api.problems) answer the operations' errors. A few answers come
from outside ninja: a 405 for a method no operation takes, the sign-in lockout that
django-axes renders as a page, Django's 404 for a path the URL patterns never reach.
Each becomes a problem document here, keeping its Allow or Retry-After header.
"""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus

from django.http import HttpRequest, HttpResponse

from api.problems import MEDIA_TYPE, problem_response
from api.throttle import Standing


def _lockout_retry_after(request: HttpRequest) -> str:
    from axes.helpers import get_cool_off

    cool_off = get_cool_off(request)
    return str(max(1, int(cool_off.total_seconds()))) if cool_off else "60"


def _as_problem(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    status = response.status_code
    headers: dict[str, str] = {}
    if status == 405:
        allow = response.get("Allow", "")
        detail = f"This address does not accept {request.method}" + (
            f"; it accepts {allow}." if allow else "."
        )
        if allow:
            headers["Allow"] = allow
    elif status == 429:
        headers["Retry-After"] = response.get("Retry-After") or _lockout_retry_after(request)
        detail = (
            "Too many failed sign-ins for this user name. "
            f"Try again in {headers['Retry-After']} seconds."
        )
    elif status == 404:
        detail = "There is no such API path. See /api/v1/docs."
    elif status == 503:
        detail = "The site is busy. Try again in a few seconds."
    else:
        detail = HTTPStatus(status).phrase + "."
    for name in ("Retry-After", "WWW-Authenticate"):
        if name in response and name not in headers:
            headers[name] = response[name]
    return problem_response(status, detail, headers=headers)


class ApiProblemMiddleware:
    """Under /api/: every error a problem document; RateLimit headers after a counted call."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith("/api/"):
            return response
        if response.status_code >= 400 and not response.get("Content-Type", "").startswith(
            MEDIA_TYPE
        ):
            response = _as_problem(request, response)
        standing: Standing | None = getattr(request, "rate_limit", None)
        if standing is not None:
            for name, value in standing.headers().items():
                response[name] = value
        return response
