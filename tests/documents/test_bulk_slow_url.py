"""One slow URL in a manifest fails that item, not the job: the rows after it are imported."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from documents.bulk import create_job
from documents.metadata import Metadata
from documents.models import Document, ImportJob
from tests.documents.factories import ARTICLE

pytestmark = pytest.mark.django_db


class Handler(BaseHTTPRequestHandler):
    """/fast answers at once; /slow trickles its body a byte at a time (30 s in all)."""

    def do_GET(self) -> None:
        body = ARTICLE.encode()
        slow = self.path == "/slow"
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", "600" if slow else str(len(body)))
        self.end_headers()
        if not slow:
            self.wfile.write(body)
            return
        stop = threading.Event()
        try:
            for _ in range(600):
                self.wfile.write(b"a")
                self.wfile.flush()
                stop.wait(0.05)
        except OSError:
            pass  # the fetcher hung up at its deadline

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server(settings: Any) -> Iterator[str]:
    settings.FETCH_ALLOW_PRIVATE = True  # loopback, for this test only
    settings.FETCH_DEADLINE_SECONDS = 0.5
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_slow_url_fails_its_item_and_the_job_goes_on(
    server: str, django_capture_on_commit_callbacks: Any
) -> None:
    rows = [
        {"title": "Pasted", "text": "A pasted story that comes first in the manifest."},
        {"title": "Slow", "url": f"{server}/slow"},
        {"title": "Fast", "url": f"{server}/fast"},
    ]
    manifest = "\n".join(json.dumps(row) for row in rows).encode()
    with django_capture_on_commit_callbacks(execute=True):
        job = create_job("m.jsonl", manifest, "jsonl", Metadata(kind="article"))
    job.refresh_from_db()

    assert job.status == ImportJob.Status.DONE
    items = list(job.items.all())
    assert [item.outcome for item in items] == ["added", "rejected", "added"]
    assert "took longer than 0.5 seconds" in items[1].reason
    assert (job.added, job.rejected) == (2, 1)
    assert sorted(Document.objects.values_list("title", flat=True)) == ["Fast", "Pasted"]
