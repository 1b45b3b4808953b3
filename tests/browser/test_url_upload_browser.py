"""Adding a document by URL in a real browser: the job page at once, the document when fetched."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from documents.bulk import run_import_job
from documents.models import Document, ImportJob
from tests.browser.conftest import Pages
from tests.documents.held_server import HeldServer, held_server

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

UPLOAD = reverse("documents:upload")
WAIT = 10_000  # ms


@pytest.fixture
def server(settings: Any) -> Iterator[HeldServer]:
    settings.FETCH_ALLOW_PRIVATE = True  # loopback, for this test only
    # Tasks wait in a queue, as with the real worker, instead of running at commit
    # inside the request: the test plays the worker below.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    with held_server() as state:
        yield state


def test_a_url_lands_on_the_job_page_which_shows_the_document_once_fetched(
    pages: Pages, admin_member: User, server: HeldServer, screenshots: Path
) -> None:
    page = pages.open(UPLOAD, admin_member)
    page.get_by_label("URL").fill(f"{server.url}/story")
    page.get_by_label("Title").fill("Harbour story")
    page.get_by_role("button", name="Add", exact=True).click()
    page.wait_for_url("**/documents/imports/*/", timeout=WAIT)

    # The page is back while the address has not even been connected to.
    assert server.connections == 0
    job = ImportJob.objects.get()
    heading = page.locator("h1")
    assert f"{server.url}/story" in heading.inner_text()
    status = page.locator(".import-job .status")
    assert status.inner_text() == "Waiting to start"
    font = status.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert font >= 14
    page.screenshot(path=str(screenshots / "url-upload-waiting.png"), full_page=True)

    server.released.set()
    run_import_job.call(job.pk)  # what the worker does with the queued task
    assert server.connections == 1
    document = Document.objects.get()
    link = page.locator(f'table.import-items a[href="{document.get_absolute_url()}"]')
    link.wait_for(timeout=WAIT)  # the page's poll notices and shows the result
    assert page.locator(".import-job .status").inner_text() == "Finished"
    box = link.bounding_box()
    viewport = page.viewport_size
    assert box is not None and viewport is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"]
    assert box["height"] >= 12
    page.screenshot(path=str(screenshots / "url-upload-done.png"), full_page=True)
    link.click()
    page.wait_for_url(f"**{document.get_absolute_url()}", timeout=WAIT)
    assert page.locator("h1").inner_text().startswith("Harbour story")
    assert pages.errors == []


def test_a_stalled_import_is_resumed_with_its_button(
    pages: Pages, admin_member: User, screenshots: Path, settings: Any
) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from documents.bulk import create_job
    from documents.metadata import Metadata

    manifest = b'{"title": "Resumed story", "text": "The ferry timetable changes in June."}\n'
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    job = create_job("stories.jsonl", manifest, "jsonl", Metadata(kind="article"))
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportJob.Status.RUNNING, heartbeat_at=timezone.now() - timedelta(hours=2)
    )
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    page = pages.open(job.get_absolute_url(), admin_member)
    assert page.locator(".import-job .status").inner_text() == "Stalled: its worker stopped"
    button = page.get_by_role("button", name="Resume")
    box = button.bounding_box()
    assert box is not None and box["height"] >= 24
    page.screenshot(path=str(screenshots / "import-stalled.png"), full_page=True)
    assert ImportJob.objects.get(pk=job.pk).status == ImportJob.Status.RUNNING  # GETs only read
    button.click()  # a real form post: the CSRF token must be there
    page.wait_for_load_state()
    assert page.locator(".messages").inner_text().startswith("Resumed")
    job.refresh_from_db()
    assert (job.status, job.added) == (ImportJob.Status.DONE, 1)
    assert page.locator(".import-job .status").inner_text() in {"Finished", "Waiting to start"}
    assert Document.objects.get().title == "Resumed story"
    assert pages.errors == []
