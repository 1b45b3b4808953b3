"""Every main page runs under the Content Security Policy without a single violation.

The policy (settings.SECURE_CSP) allows no inline script or style; Chromium reports
each blocked one on the console, which `Pages` collects.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User

from comparisons.compare import get_or_compute
from comparisons.models import Comparison
from comparisons.sharing import create_link
from tests.browser.conftest import Pages
from tests.conftest import load_seeds

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Recorded before any page script runs, so a violation during parsing is caught too.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`);
});
"""


@pytest.fixture
def demo(transactional_db: None) -> Comparison:
    seeds = load_seeds()
    return get_or_compute(seeds["001"].current_version, seeds["000"].current_version)


def violations(pages: Pages, path: str, user: User | None) -> list[str]:
    page = pages.open("/healthz", user)  # a first page, to install the recorder before `path`
    page.context.add_init_script(RECORD_VIOLATIONS)
    page.goto(path)
    page.wait_for_load_state("load")
    found: list[str] = page.evaluate("window.__cspViolations")
    return found


def test_main_pages_raise_no_csp_violation(
    pages: Pages, admin_member: User, demo: Comparison
) -> None:
    document = demo.source_version.document
    link = create_link(demo, admin_member, None)
    paths: list[tuple[str, Any]] = [
        ("/", admin_member),
        ("/documents/", admin_member),
        (document.get_absolute_url(), admin_member),
        ("/documents/upload/", admin_member),
        ("/compare/", admin_member),
        (f"{demo.get_absolute_url()}?view=side", admin_member),
        (f"{demo.get_absolute_url()}?view=inline", admin_member),
        (f"{demo.get_absolute_url()}?view=steps", admin_member),
        ("/annotations/", admin_member),
        (f"/annotations/new/?comparison={demo.pk}&passage=0", admin_member),
        ("/discovery/graph/", admin_member),
        (f"/discovery/documents/{document.pk}/fan-out/", admin_member),
        (f"/discovery/documents/{document.pk}/trim-map/", admin_member),
        (link.get_absolute_url(), None),
        ("/accounts/login/", None),
    ]
    found = {path: v for path, user in paths if (v := violations(pages, path, user))}
    assert found == {}
    csp_errors = [e for e in pages.errors if "Content Security Policy" in e]
    assert csp_errors == []


def test_the_recorder_sees_an_inline_style(pages: Pages, demo: Comparison) -> None:
    """The check above can fail: an inline style added to a page is reported."""
    page = pages.open("/healthz")
    page.context.add_init_script(RECORD_VIOLATIONS)
    page.goto("/accounts/login/")
    page.evaluate(
        "document.body.insertAdjacentHTML('beforeend', '<div style=\"color:red\">x</div>')"
    )
    page.wait_for_function("window.__cspViolations.length > 0")
    assert any("style-src" in v for v in page.evaluate("window.__cspViolations"))
