"""The upload page and the bulk-import job page in a real browser (static/js/upload.js)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from documents.models import Document, DocumentVersion, ImportItem, ImportJob
from tests.browser.conftest import Pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

UPLOAD = reverse("documents:upload")
WAIT = 10_000  # ms


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    # Staged uploads are written under MEDIA_ROOT; keep them out of the real one.
    settings.MEDIA_ROOT = tmp_path


def story(n: int, words: int = 60) -> str:
    """A distinct, readable article so no two generated files look like near-duplicates."""
    body = " ".join(f"word{n}x{i}" for i in range(words))
    return f"Council story number {n}.\n\nThe council met on day {n} and said: {body}.\n"


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def throttle_uploads(page: Any, bytes_per_second: int) -> None:
    """Slow the upload so the progress indicator can be seen (Chrome DevTools throttling)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": 0,
            "downloadThroughput": -1,
            "uploadThroughput": bytes_per_second,
        },
    )


def test_the_form_is_labelled_and_usable_by_keyboard(
    pages: Pages, admin_member: User, screenshots: Path
) -> None:
    page = pages.open(UPLOAD, admin_member)
    for label in ("Paste text", "Or choose files", "URL", "Kind", "Title", "Outlet", "Published"):
        assert page.get_by_label(label, exact=True).count() == 1, label
    assert page.locator(".upload-progress").is_hidden()
    page.screenshot(path=str(screenshots / "upload-form.png"), full_page=True)

    # Tab from the top of the page: every control of the form is reached, in order.
    reached = []
    page.locator("body").focus()
    for _ in range(40):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate(
                "() => { const e = document.activeElement;"
                " return e.closest('#upload-form') ? (e.name || e.textContent.trim()) : null; }"
            )
        )
        if reached[-1] == "Add":
            break
    names = [name for name in reached if name]
    expected = ["text", "files", "url", "kind", "title", "outlet", "author", "published"]
    assert [name for name in names if name in expected] == expected
    assert names[-1] == "Add"

    # Typing and pressing Enter on the button submits the form (no file: a plain post).
    page.get_by_label("Paste text").focus()
    page.keyboard.type(story(1))
    page.get_by_role("button", name="Add", exact=True).focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/documents/\d+/"))
    assert Document.objects.count() == 1
    assert page.locator(".messages").is_visible()
    assert pages.errors == []


def test_uploading_a_file_shows_progress_then_the_document(
    pages: Pages, admin_member: User, screenshots: Path, tmp_path: Path
) -> None:
    page = pages.open(UPLOAD, admin_member)
    big = tmp_path / "council-minutes.txt"
    big.write_text(story(2, words=40_000))  # about 600 KB
    page.get_by_label("Or choose files").set_input_files(str(big))
    page.get_by_label("Title").fill("Council minutes")
    throttle_uploads(page, 200_000)
    page.get_by_role("button", name="Add", exact=True).click()

    box = page.locator(".upload-progress")
    box.wait_for(state="visible", timeout=WAIT)
    text = page.locator(".upload-progress-text")
    page.wait_for_function(
        "() => /\\d+% uploaded/.test(document.querySelector('.upload-progress-text').textContent)",
        timeout=WAIT,
    )
    assert page.get_by_role("button", name="Add", exact=True).is_disabled()
    value = page.locator("#upload-progress-bar").evaluate("p => p.value")
    assert 0 <= value < 100
    page.screenshot(path=str(screenshots / "upload-progress.png"), full_page=True)
    assert re.search(r"\d+% uploaded", text.inner_text())

    page.wait_for_url(re.compile(r"/documents/\d+/"), timeout=30_000)
    document = Document.objects.get()
    assert document.title == "Council minutes"
    assert document.get_absolute_url() in page.url
    assert page.locator("h1").inner_text().startswith("Council minutes")
    # The success message is shown on the document page (not swallowed by the XHR).
    assert page.locator(".messages").inner_text().strip() != ""
    assert pages.errors == []


def test_uploading_a_zip_lands_on_the_job_page(
    pages: Pages, admin_member: User, screenshots: Path
) -> None:
    page = pages.open(UPLOAD, admin_member)
    archive = zip_bytes({f"story-{n}.txt": story(n).encode() for n in (3, 4, 5)})
    page.get_by_label("Or choose files").set_input_files(
        {"name": "batch.zip", "mimeType": "application/zip", "buffer": archive}
    )
    page.get_by_role("button", name="Add", exact=True).click()
    page.wait_for_url(re.compile(r"/documents/imports/\d+/"), timeout=WAIT)
    job = ImportJob.objects.get()
    assert (job.status, job.added) == ("done", 3)
    rows = page.locator("table.import-items tbody tr")
    assert rows.count() == 3
    assert page.locator(".import-job .status").inner_text() == "Finished"
    assert page.locator(".import-job .added").inner_text() == "3"
    assert pages.errors == []


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "The submitted file is empty."),
        ("notes.txt", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200, "Windows program"),
    ],
    ids=["empty", "exe-renamed-txt"],
)
def test_a_rejected_file_shows_the_error_in_the_form(
    pages: Pages, admin_member: User, screenshots: Path, name: str, data: bytes, message: str
) -> None:
    page = pages.open(UPLOAD, admin_member)
    page.get_by_label("Or choose files").set_input_files(
        {"name": name, "mimeType": "text/plain", "buffer": data}
    )
    page.get_by_role("button", name="Add", exact=True).click()
    error = page.locator("#upload-form .errors, #upload-form .errorlist").filter(has_text=message)
    error.first.wait_for(timeout=WAIT)
    assert error.first.is_visible()
    assert page.url.endswith(UPLOAD)
    # The keyboard is taken to the error.
    assert page.evaluate(
        "() => !!document.activeElement.closest('.errors')"
        " || document.activeElement.name === 'files'"
    )
    assert page.locator(".upload-progress").is_hidden()
    assert page.get_by_role("button", name="Add", exact=True).is_enabled()
    assert Document.objects.count() == 0
    assert DocumentVersion.objects.count() == 0
    assert ImportJob.objects.count() == 0
    if name == "notes.txt":
        page.screenshot(path=str(screenshots / "upload-rejected.png"), full_page=True)

    # The page shown after the error still works: a good file goes through.
    page.get_by_label("Or choose files").set_input_files(
        {"name": "good.txt", "mimeType": "text/plain", "buffer": story(6).encode()}
    )
    with page.expect_request(lambda r: r.method == "POST" and r.resource_type == "xhr"):
        page.get_by_role("button", name="Add", exact=True).click()
    page.wait_for_url(re.compile(r"/documents/\d+/"), timeout=WAIT)
    assert Document.objects.count() == 1
    assert page.locator(".messages").is_visible()
    assert pages.errors == []


def test_the_job_page_follows_progress_and_shows_the_results(
    pages: Pages, admin_member: User, screenshots: Path
) -> None:
    job = ImportJob.objects.create(name="press-releases.zip", total=4, created_by=admin_member)
    page = pages.open(job.get_absolute_url(), admin_member)
    # The page's timers run on Playwright's clock, so the test moves time on instead of waiting.
    page.clock.install()
    page.reload()
    status = page.locator(".import-job .status")
    assert status.inner_text() == "Waiting to start"
    page.evaluate("window.notReloaded = true")

    def until_shown(locator: Any) -> None:
        """Move the page's clock a poll at a time until `locator` appears."""
        for _ in range(WAIT // 1000):
            page.clock.run_for(1000)
            try:
                locator.wait_for(timeout=1000)
                return
            except PlaywrightTimeout:
                continue
        locator.wait_for(timeout=WAIT)

    def advance(processed: int, **fields: Any) -> None:
        # A live worker beats as it goes; without a heartbeat the poll would restart the job.
        ImportJob.objects.filter(pk=job.pk).update(
            processed=processed, heartbeat_at=timezone.now(), **fields
        )
        until_shown(page.locator(".import-job .processed").filter(has_text=str(processed)))

    advance(1, status=ImportJob.Status.RUNNING, added=1)
    assert status.inner_text() == "Running"
    assert page.locator(".import-job progress").evaluate("p => p.value") == 25
    advance(3, added=2, rejected=1)
    assert page.locator(".import-job progress").evaluate("p => p.value") == 75
    assert page.locator(".import-job .rejected").inner_text() == "1"
    page.screenshot(path=str(screenshots / "import-job-progress.png"), full_page=True)

    documents = [Document.objects.create(title=f"Story {n}") for n in (1, 2, 3)]
    outcomes = [
        ("one.txt", ImportItem.Outcome.ADDED, "Added “Story 1”.", documents[0]),
        ("two.txt", ImportItem.Outcome.ADDED, "Added “Story 2”.", documents[1]),
        ("three.html", ImportItem.Outcome.DUPLICATE, "Already here.", documents[2]),
        ("virus.exe", ImportItem.Outcome.REJECTED, "This looks like a Windows program.", None),
    ]
    for position, (name, outcome, reason, document) in enumerate(outcomes, 1):
        ImportItem.objects.create(
            job=job, position=position, name=name, outcome=outcome, reason=reason, document=document
        )
    advance(4, status=ImportJob.Status.DONE, added=2, duplicates=1, rejected=1)
    rows = page.locator("table.import-items tbody tr")
    until_shown(rows.nth(3))
    assert rows.count() == 4
    assert status.inner_text() == "Finished"
    assert "virus.exe" in rows.nth(3).inner_text()
    assert "Windows program" in rows.nth(3).inner_text()
    assert rows.nth(0).get_by_role("link").get_attribute("href") == documents[0].get_absolute_url()
    assert page.evaluate("window.notReloaded === true")  # updated in place
    page.screenshot(path=str(screenshots / "import-job-done.png"), full_page=True)

    # Once finished, polling stops: a minute of the page's time asks for no status.
    page.evaluate(
        """() => {
            window.statusPolls = 0;
            const fetch = window.fetch;
            window.fetch = (url, options) => {
                if (String(url).includes("status.json")) window.statusPolls += 1;
                return fetch(url, options);
            };
        }"""
    )
    page.clock.run_for(60_000)
    assert page.evaluate("window.statusPolls") == 0
    assert pages.errors == []
