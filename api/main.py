"""The API under /api/v1/: one NinjaAPI, its routers, its errors and its schema."""

from __future__ import annotations

from typing import Any

from django.views.decorators.http import conditional_page
from ninja import NinjaAPI
from ninja.operation import Operation

from api import problems
from api.auth import AUTH
from api.routers import (
    alerts,
    checks,
    comparisons,
    documents,
    feeds,
    imports,
    sharing,
    sources,
    tokens,
    web_annotations,
)

JSON = "application/json"


class Api(NinjaAPI):
    def get_openapi_operation_id(self, operation: Operation) -> str:
        """Each operation's function name (document_list, annotation_edit…): the names a
        generated client's methods take, so they stay put when a module moves."""
        return operation.view_func.__name__

    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        """ninja's schema, with each response under the media type it is really sent as.

        Errors are problem documents (application/problem+json) and annotations JSON-LD;
        ninja would list every response as application/json.
        """
        schema = super().get_openapi_schema(*args, **kwargs)
        for path in schema["paths"].values():
            for operation in path.values():
                media = operation.pop("x-media-type", None)
                for code, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if JSON not in content:
                        continue
                    if int(code) >= 400:
                        content[problems.MEDIA_TYPE] = content.pop(JSON)
                    elif media:
                        content[media] = content.pop(JSON)
        return schema


api = Api(
    title="Provenance API",
    version="1",
    description=(
        "How press releases are reused by the articles derived from them, as JSON. "
        "Send a personal API token (made on your account page) as "
        "`Authorization: Bearer TOKEN`; in the browser your session works, with CSRF. "
        "Errors are RFC 9457 problem documents."
    ),
    auth=AUTH,
    urls_namespace="api-1",
)
problems.install(api)
# ETag on every GET (and 304 for a matching If-None-Match), as Django's ConditionalGet does.
api.add_decorator(conditional_page, mode="view")

api.add_router("/documents", documents.router)
api.add_router("/documents", comparisons.document_router)
api.add_router("/documents", sources.router)
api.add_router("/documents", web_annotations.document_router)
api.add_router("/comparisons", comparisons.router)
api.add_router("/share-links", sharing.router)
api.add_router("/annotations", web_annotations.router)
api.add_router("/imports", imports.router)
api.add_router("/tokens", tokens.router)
api.add_router("/checks", checks.router)
api.add_router("/feeds", feeds.router)
api.add_router("", alerts.router)
