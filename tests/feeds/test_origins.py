"""The exact-origin allowance: one scheme+host+port fetched although local, nothing else."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from documents.errors import RejectedInput
from documents.fetch import fetch, origin_allowed
from tests.feeds.conftest import FeedServer

ROOT = Path(__file__).resolve().parents[2]


def test_the_allowed_origin_is_fetched(feed_server: FeedServer) -> None:
    feed_server.routes["/page"] = (200, {"Content-Type": "text/plain"}, b"Local words.")
    assert fetch(feed_server.url("/page")).data == b"Local words."


def test_the_same_host_on_another_port_is_refused(feed_server: FeedServer) -> None:
    port = int(feed_server.origin.rsplit(":", 1)[1])
    with pytest.raises(RejectedInput, match="private, local or reserved"):
        fetch(f"http://127.0.0.1:{port + 1}/page")


def test_another_scheme_or_host_name_does_not_match(settings: Any) -> None:
    settings.FETCH_ALLOW_ORIGINS = ["http://127.0.0.1:8170"]
    assert origin_allowed("http", "127.0.0.1", 8170)
    assert not origin_allowed("https", "127.0.0.1", 8170)
    assert not origin_allowed("http", "localhost", 8170)
    assert not origin_allowed("http", "127.0.0.1", None)  # port 80
    settings.FETCH_ALLOW_ORIGINS = ["http://demo.local"]
    assert origin_allowed("http", "DEMO.local", 80)


def test_a_redirect_from_the_allowed_origin_to_a_private_one_is_refused(
    feed_server: FeedServer,
) -> None:
    feed_server.routes["/hop"] = (302, {"Location": "http://127.0.0.1:9/x"}, b"")
    with pytest.raises(RejectedInput, match="private, local or reserved"):
        fetch(feed_server.url("/hop"))


@pytest.mark.parametrize("variable", ["FETCH_ALLOW_ORIGINS", "DEMO_FEED"])
def test_production_refuses_to_start_with_the_demo_allowances(variable: str) -> None:
    value = "http://127.0.0.1:8000" if variable == "FETCH_ALLOW_ORIGINS" else "true"
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "TESTING"}}
    env = {
        **clean,
        "DEBUG": "false",
        "SECRET_KEY": "a-long-random-production-secret-key-for-the-check-0123456789abcdef",
        "ALLOWED_HOSTS": "provenance.example.org",
        variable: value,
    }
    done = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0
    assert "unset them in production" in done.stderr
