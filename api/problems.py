"""Every API error as an RFC 9457 problem: type, title, status, detail, and the fields at fault.

One handler per kind of exception the apps raise, so endpoints raise what the workflow
raises (Http404, PermissionDenied, ValidationError, RejectedInput) and never build an
error response themselves. Anything unforeseen becomes a 500 problem, logged, with no
traceback for the client.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import OperationalError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from documents.errors import RejectedInput
from provenance.busy import is_locked_database, retry_after

if TYPE_CHECKING:
    from ninja import NinjaAPI

logger = logging.getLogger(__name__)

MEDIA_TYPE = "application/problem+json"
TYPE_BASE = "urn:provenance:problem:"


class FieldError(Schema):
    field: str
    message: str


class Problem(Schema):
    type: str
    title: str
    status: int
    detail: str
    errors: list[FieldError] = []


class ApiProblem(Exception):
    """An error an endpoint raises with its own status, e.g. 409 for a near-duplicate."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        slug: str = "",
        errors: Sequence[tuple[str, str]] = (),
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.slug = slug
        self.errors = list(errors)
        self.headers = headers or {}
        self.extra = extra or {}


class TooManyRequests(ApiProblem):
    def __init__(self, retry_after: int, what: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(
            429,
            f"Too many {what} requests. Try again in {retry_after} seconds.",
            slug="rate-limited",
            headers={**(headers or {}), "Retry-After": str(retry_after)},
        )


def problem_response(
    status: int,
    detail: str,
    *,
    slug: str = "",
    errors: Sequence[tuple[str, str]] = (),
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    phrase = HTTPStatus(status).phrase
    body: dict[str, Any] = {
        "type": TYPE_BASE + (slug or phrase.lower().replace(" ", "-")),
        "title": phrase,
        "status": status,
        "detail": detail,
        "errors": [{"field": field, "message": message} for field, message in errors],
        **(extra or {}),
    }
    response = HttpResponse(json.dumps(body), status=status, content_type=MEDIA_TYPE)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def _field(loc: Sequence[Any]) -> str:
    # ninja prefixes each location with where it came from ("body", "query", "path").
    parts = [str(part) for part in loc[1:] if str(part) != "payload"] or [str(p) for p in loc]
    return ".".join(parts)


def _validation(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    errors = [(_field(e.get("loc", ())), str(e.get("msg", "Invalid value."))) for e in exc.errors]
    names = ", ".join(sorted({field for field, _ in errors})) or "the request"
    return problem_response(422, f"Check these fields: {names}.", slug="validation", errors=errors)


def _django_validation(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    if hasattr(exc, "error_dict"):
        errors = [(f, str(m)) for f, msgs in exc.message_dict.items() for m in msgs]
    else:
        errors = [("", m) for m in exc.messages]
    detail = " ".join(m for _, m in errors)
    return problem_response(400, detail, slug="rejected", errors=errors)


def _rejected(request: HttpRequest, exc: RejectedInput) -> HttpResponse:
    return problem_response(400, exc.message, slug="rejected")


def _api_problem(request: HttpRequest, exc: ApiProblem) -> HttpResponse:
    return problem_response(
        exc.status,
        exc.detail,
        slug=exc.slug,
        errors=exc.errors,
        headers=exc.headers,
        extra=exc.extra,
    )


def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    if hasattr(request, "auth_challenge"):  # POST /tokens: only a password makes a token
        detail = "Send your user name and password with HTTP Basic authentication."
    else:
        detail = (
            "Send a personal API token as “Authorization: Bearer TOKEN” (make one on your "
            "account page), or sign in."
        )
    return problem_response(
        401,
        detail,
        slug="unauthenticated",
        headers={"WWW-Authenticate": getattr(request, "auth_challenge", 'Bearer realm="api"')},
    )


def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return problem_response(exc.status_code, exc.message)


def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    # Unknown ids and objects this user may not see answer alike.
    return problem_response(404, "There is nothing here, or you may not see it.")


def _forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return problem_response(403, str(exc) or "You may not do this.")


def _too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    return problem_response(413, "The request body is over the size limit.", slug="too-large")


def _bad_multipart(request: HttpRequest, exc: MultiPartParserError) -> HttpResponse:
    return problem_response(
        400,
        "The upload could not be read: send it as multipart/form-data with a boundary.",
        slug="malformed-body",
    )


def _database(request: HttpRequest, exc: OperationalError) -> HttpResponse:
    if not is_locked_database(exc):
        return _unexpected(request, exc)
    # A locked SQLite database is a busy server, as on the pages: try again shortly.
    logger.warning("Database locked: %s %s answered 503", request.method, request.path)
    wait = retry_after()
    return problem_response(
        503,
        f"The database is busy. Nothing was changed; try again in {wait} seconds.",
        slug="busy",
        headers={"Retry-After": str(wait)},
    )


def _unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.exception("API error on %s %s", request.method, request.path)
    return problem_response(500, "Something went wrong on our side. Try again later.")


def install(api: NinjaAPI) -> None:
    """Answer every error of `api` as a problem document."""
    handlers: list[tuple[type[Exception], Any]] = [
        (NinjaValidationError, _validation),
        (DjangoValidationError, _django_validation),
        (RejectedInput, _rejected),
        (ApiProblem, _api_problem),
        (AuthenticationError, _unauthenticated),
        (HttpError, _http_error),
        (Http404, _not_found),
        (PermissionDenied, _forbidden),
        (RequestDataTooBig, _too_big),
        (MultiPartParserError, _bad_multipart),
        (OperationalError, _database),
        (Exception, _unexpected),
    ]
    for exc_class, handler in handlers:
        api.add_exception_handler(exc_class, handler)
