"""A body the server cannot parse is the client's mistake: a 400 problem, never a 500."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/api/v1/documents/upload", "/api/v1/imports"])
@pytest.mark.parametrize("persona", ["admin_member", "educator"])
def test_multipart_without_a_boundary_is_a_400_problem(
    path: str, persona: str, client_for: Callable[[User], Client], request: pytest.FixtureRequest
) -> None:
    client = client_for(request.getfixturevalue(persona))
    response = client.generic("POST", path, b"--x\r\nstuff", content_type="multipart/form-data")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert "multipart" in response.json()["detail"]
