"""Schemathesis against the API's own OpenAPI schema, through the WSGI app (no network).

Ten derandomised examples per operation, valid and invalid, with every check
schemathesis has: no 500s; every status, header and media type declared; every body
matching its schema; invalid data refused and valid data accepted; no method or
authentication ignored.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import CHECKS, load_all_checks

from provenance.wsgi import application

CONFIG = schemathesis.Config.from_dict(
    {
        "phases": {
            "examples": {"enabled": False},
            "coverage": {"enabled": False},
            "stateful": {"enabled": False},
        },
        "generation": {"max-examples": 10, "deterministic": True, "mode": "all"},
        "checks": {
            # A request can fit the schema and still be refused for what it says: a PNG
            # is no document, JSON-LD may name no label, a cursor may be made up. Those
            # are 400 problems; everything else a valid request gets is as by default.
            "positive_data_acceptance": {
                "expected-statuses": ["2xx", "3xx", "400", "401", "403", "404", "409", "429"]
            },
        },
    }
)
load_all_checks()
# Every check schemathesis has, named so that one it adds later is not silently skipped
# (max_response_time is an option, not a check: no timed assertions here).
ALL_CHECKS = list(CHECKS.get_all())
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application, config=CONFIG)


@pytest.fixture
def token(db: None, monkeypatch: pytest.MonkeyPatch, settings) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """An admin's token (every operation is open to admins) and a small corpus to hit."""
    from api.tokens import create_token
    from comparisons.compare import get_or_compute
    from documents import fetch
    from documents.errors import RejectedInput
    from tests.conftest import make_document, make_user

    def no_network(url: str) -> fetch.Fetched:
        raise RejectedInput("Tests fetch nothing.")

    monkeypatch.setattr(fetch, "fetch", no_network)
    # As Django's test client does: a request through the WSGI app must not close the
    # test's database connection (and with it the test transaction) when it finishes.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    settings.MEDIA_ROOT = settings.VAR_DIR / "test-media"
    release = make_document("Release", "The minister announced a plan for the coast today.")
    story = make_document("Story", "The minister announced a plan for the coast today, we hear.")
    get_or_compute(release.current_version, story.current_version)
    _row, raw = create_token(make_user("fuzz", "admins"), "fuzz")
    yield raw
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@pytest.mark.django_db
def test_the_api_keeps_to_its_schema(case: schemathesis.Case, token: str) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=ALL_CHECKS)
