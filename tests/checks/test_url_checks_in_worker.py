"""A check of an address is fetched by the worker, never in the web request: the page that
asked answers at once with a "being checked" page, and the check ends done or failed in words.
Educators' own checks are rate-limited, as class links are."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from checks.models import Check, ClassToken
from checks.workflow import run_url_check
from documents.models import Document
from tests.documents.test_pdf_limits import repeated_stream_pdf

pytestmark = pytest.mark.django_db
DUMMY_TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


class Site:
    """A local web server: /article serves `article`, /drip trickles a byte at a time,
    /big.pdf serves a 2,000-page PDF; `hits` counts the requests it has had."""

    def __init__(self) -> None:
        self.article = ""
        self.hits = 0
        self.pdf = repeated_stream_pdf(2000)
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.hits += 1
                if self.path == "/drip":
                    self.send_response(200)
                    self.send_header("Content-Type", "text/plain")
                    self.send_header("Content-Length", "600")
                    self.end_headers()
                    stop = threading.Event()
                    try:
                        for _ in range(600):
                            self.wfile.write(b"a")
                            self.wfile.flush()
                            stop.wait(0.05)
                    except OSError:
                        pass  # the fetcher hung up at its deadline
                    return
                pdf = self.path == "/big.pdf"
                body = site.pdf if pdf else site.article.encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/pdf" if pdf else "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"


@pytest.fixture
def site(settings: Any) -> Iterator[Site]:
    settings.FETCH_ALLOW_PRIVATE = True  # loopback, for these tests only
    settings.FETCH_DEADLINE_SECONDS = 0.5
    settings.TASKS = DUMMY_TASKS  # queued tasks wait; the tests run them by hand
    cache.clear()
    served = Site()
    threading.Thread(target=served.httpd.serve_forever, daemon=True).start()
    yield served
    served.httpd.shutdown()
    served.httpd.server_close()
    cache.clear()


@pytest.fixture
def class_token(educator: User) -> ClassToken:
    return ClassToken.objects.create(label="Year 10", created_by=educator)


def ask(
    client: Client, class_token: ClassToken, url: str, capture: Callable[..., Any]
) -> tuple[Any, Check]:
    with capture(execute=True):
        response = client.post(class_token.get_absolute_url(), {"text": "", "url": url})
    return response, Check.objects.get()


def test_a_class_check_of_a_slow_address_answers_at_once_and_fetches_nothing(
    site: Site, class_token: ClassToken, django_capture_on_commit_callbacks: Any
) -> None:
    client = Client()
    response, check = ask(
        client, class_token, site.base + "/drip", django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "checks:class_detail", args=[class_token.token, check.pk]
    )
    assert site.hits == 0  # the request queued the work; nobody has fetched yet
    assert check.status == Check.Status.PENDING
    from django.tasks import default_task_backend

    assert [r.task.name for r in default_task_backend.results] == ["run_check"]
    page = client.get(response["Location"])
    assert page.status_code == 200
    text = page.content.decode()
    assert "Being checked" in text and "Reload this page" in text
    assert "js/check_status.js" in text


def test_the_worker_gives_up_on_a_slow_address_with_a_message(
    site: Site, class_token: ClassToken, django_capture_on_commit_callbacks: Any
) -> None:
    client = Client()
    response, check = ask(
        client, class_token, site.base + "/drip", django_capture_on_commit_callbacks
    )
    run_url_check(check.pk)
    check.refresh_from_db()
    assert check.status == Check.Status.FAILED
    assert "took longer than 0.5 seconds" in check.error
    page = client.get(response["Location"])
    assert "could not be checked" in page.content.decode()
    assert check.error in page.content.decode()


def test_the_worker_refuses_a_huge_pdf_by_its_pages(
    site: Site, class_token: ClassToken, django_capture_on_commit_callbacks: Any
) -> None:
    _response, check = ask(
        Client(), class_token, site.base + "/big.pdf", django_capture_on_commit_callbacks
    )
    run_url_check(check.pk)
    check.refresh_from_db()
    assert check.status == Check.Status.FAILED
    assert "2,000 pages" in check.error


def test_the_worker_checks_a_served_article_and_the_page_shows_the_result(
    seeds: dict[str, Document],  # indexed first, before the site's fixture holds tasks back
    article: str,
    site: Site,
    class_token: ClassToken,
    django_capture_on_commit_callbacks: Any,
) -> None:
    site.article = article
    client = Client()
    response, check = ask(
        client, class_token, site.base + "/article", django_capture_on_commit_callbacks
    )
    run_url_check(check.pk)
    check.refresh_from_db()
    assert check.status == Check.Status.DONE
    assert check.best_version == seeds["001"].current_version
    page = client.get(response["Location"])
    assert "Where it came from" in page.content.decode()
    # A second run (a duplicate task) finds it finished and changes nothing.
    run_url_check(check.pk)
    assert Check.objects.get(pk=check.pk).attempts == 1


def test_a_private_address_fails_in_the_worker_with_the_reason(
    site: Site, class_token: ClassToken, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.FETCH_ALLOW_PRIVATE = False
    _response, check = ask(
        Client(), class_token, "http://127.0.0.1:9/", django_capture_on_commit_callbacks
    )
    run_url_check(check.pk)
    check.refresh_from_db()
    assert check.status == Check.Status.FAILED and "not allowed" in check.error


def test_an_educators_own_checks_are_rate_limited(
    site: Site,
    client_for: Callable[[User], Client],
    educator: User,
    settings: Any,
) -> None:
    settings.CHECK_HOURLY_LIMIT = 2
    client = client_for(educator)
    answers = [
        client.post(reverse("checks:list"), {"text": "", "url": f"{site.base}/a{n}"})
        for n in range(3)
    ]
    assert [a.status_code for a in answers] == [302, 302, 429]
    assert "being checked…" in client.get(reverse("checks:list")).content.decode()
    assert int(answers[2]["Retry-After"]) > 0
    assert "run all your checks for this hour" in answers[2].content.decode()
    assert Check.objects.count() == 2


def test_a_check_whose_worker_died_is_queued_again_by_resume_work(
    site: Site, class_token: ClassToken, django_capture_on_commit_callbacks: Any
) -> None:
    from datetime import timedelta

    from django.tasks import default_task_backend
    from django.utils import timezone

    from provenance.jobs import resume_all

    _response, check = ask(
        Client(), class_token, site.base + "/article", django_capture_on_commit_callbacks
    )
    # Claimed by a worker that then died: running, and no sign of life for an hour.
    Check.objects.filter(pk=check.pk).update(
        status=Check.Status.RUNNING, heartbeat_at=timezone.now() - timedelta(hours=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert resume_all()["checks"] == {"checks": 1}
    assert Check.objects.get(pk=check.pk).status == Check.Status.PENDING
    assert [r.task.name for r in default_task_backend.results] == ["run_check", "run_check"]
