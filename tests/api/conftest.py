"""API test helpers: a token per persona, and a client that sends it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.test import Client


class ApiClient:
    """A Django test client that sends a bearer token and JSON bodies."""

    def __init__(self, token: str = "") -> None:
        from django.test import Client

        self.client = Client()
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(path, params, headers=self.headers)

    def post(self, path: str, data: Any = None, **extra: Any) -> Any:
        import json

        if extra.pop("multipart", False):
            return self.client.post(path, data or {}, headers=self.headers)
        body = data if isinstance(data, str | bytes) else json.dumps(data or {})
        return self.client.post(
            path, body, content_type="application/json", headers=self.headers, **extra
        )


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> Iterator[None]:
    # Rate-limit counters live in the process's cache; no test may see another's spending.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api_for(db: None) -> Callable[[User], ApiClient]:
    """A client signed in with a fresh API token of `user`."""
    from api.tokens import create_token

    def make(user: User) -> ApiClient:
        _row, raw = create_token(user, "tests")
        return ApiClient(raw)

    return make


@pytest.fixture
def anonymous_api() -> ApiClient:
    return ApiClient()


def problem(response: Any, status: int) -> dict[str, Any]:
    """Assert the response is an RFC 9457 problem with this status; return its body."""
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["title"] and body["detail"] and body["type"]
    return body


@pytest.fixture
def csrf_client() -> Callable[[User], Client]:
    from django.test import Client

    def make(user: User) -> Client:
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        return client

    return make


def discover(*documents: Any) -> None:
    """Index each document, then run discovery on each, as the worker does after uploads."""
    from discovery.search import find_sources

    for document in documents:
        find_sources(document)
    for document in documents:
        find_sources(document)
