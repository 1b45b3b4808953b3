"""Problem details for the one API error django-ninja answers in plain text: 405."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from api.problems import MEDIA_TYPE, problem_response


class MethodNotAllowedProblem:
    """Turn a bare 405 under /api/ into an RFC 9457 problem, keeping its Allow header."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code != 405
            or not request.path.startswith("/api/")
            or response.get("Content-Type", "").startswith(MEDIA_TYPE)
        ):
            return response
        allow = response.get("Allow", "")
        return problem_response(
            405,
            f"This address does not accept {request.method}"
            + (f"; it accepts {allow}." if allow else "."),
            headers={"Allow": allow} if allow else None,
        )
