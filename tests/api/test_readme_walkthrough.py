"""The README's curl walk-through, run line by line with curl against a live server."""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
DEMO_URL = "http://127.0.0.1:8000"


def walkthrough() -> str:
    """The first ```sh block of the README's "API" section."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## API\n", 1)[1].split("\n## ", 1)[0]
    match = re.search(r"```sh\n(.*?)```", section, re.S)
    assert match, "the API section has a ```sh block"
    return match.group(1)


def _json_documents(output: str) -> list[dict[str, object]]:
    """The JSON bodies curl printed one after another (curl adds no newline)."""
    decoder, found, at = json.JSONDecoder(), [], 0
    while at < len(output.rstrip()):
        document, at = decoder.raw_decode(output, at)
        found.append(document)
        while at < len(output) and output[at].isspace():
            at += 1
    return found


def test_the_walkthrough_names_each_step() -> None:
    script = walkthrough()
    for step in ("$API/tokens", "$API/documents/upload", "/sources", "$API/comparisons/"):
        assert step in script
    assert all(
        line.startswith(("#", "API=", "curl ", "until curl ")) or "$(curl " in line
        for line in script.splitlines()
    )
    # Discovery is the worker's: the sources are read once it says "done", not before.
    waits = script.index('["status"] not in ("done", "failed")')
    assert (
        script.index("until curl ")
        <= waits
        < script.index('curl -sf -H "Authorization: Bearer $TOKEN" "$API/documents/$DOC/sources"\n')
    )


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("curl") is None, reason="scripts/test installs curl")
def test_the_readme_curl_lines_work_against_a_live_server(live_server, settings) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import load_seeds

    settings.DEBUG = True  # create_demo_users refuses without it (public passwords)
    call_command("create_demo_users")
    load_seeds()
    script = walkthrough().replace(DEMO_URL, live_server.url)
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr + done.stdout
    sources, comparison = _json_documents(done.stdout)
    assert sources["status"] == "done"
    assert comparison["status"] == "done"
    assert comparison["derivative"]["title"].startswith("Extra French officers")
    assert comparison["source"]["kind"] == "press_release"
    assert comparison["result"]["schema"]


@pytest.mark.slow
def test_the_typed_client_walks_the_same_path_against_a_live_server(live_server, settings) -> None:  # type: ignore[no-untyped-def]
    """The README's steps again, through the generated client (clients/python/)."""
    from tests.conftest import load_seeds

    settings.DEBUG = True
    call_command("create_demo_users")
    load_seeds()
    sys.path.insert(0, str(ROOT / "clients" / "python"))
    try:
        from provenance_client import AuthenticatedClient
        from provenance_client.api.comparisons import comparison_detail
        from provenance_client.api.documents import document_upload
        from provenance_client.api.sources import document_sources
        from provenance_client.api.tokens import token_create
        from provenance_client.models import (
            ComparisonOut,
            CreateOut,
            DocumentUploadMultiPartBodyParams,
            DocumentUploadMultiPartBodyParamsKind,
            SourcesOut,
            TokenIn,
            TokenOut,
        )
        from provenance_client.types import File
    finally:
        sys.path.remove(str(ROOT / "clients" / "python"))

    password = base64.b64encode(b"admin:demo-admin-pass").decode()
    with AuthenticatedClient(live_server.url, token=password, prefix="Basic") as basic:
        made = token_create.sync(client=basic, body=TokenIn(name="client walk-through"))
    assert isinstance(made, TokenOut), made
    with AuthenticatedClient(live_server.url, token=made.token) as client:
        article = ROOT / "demo" / "api-example-article.txt"
        with article.open("rb") as handle:
            body = DocumentUploadMultiPartBodyParams(
                file=File(payload=handle, file_name=article.name),
                kind=DocumentUploadMultiPartBodyParamsKind.ARTICLE,
                outlet="Example Gazette",
            )
            created = document_upload.sync(client=client, body=body)
        assert isinstance(created, CreateOut), created
        sources = document_sources.sync(created.document.id, client=client)
        assert isinstance(sources, SourcesOut), sources
        for _ in range(60):  # discovery is the worker's: wait for "done", as the README says
            if sources.status not in ("pending", "running"):
                break
            time.sleep(1)
            sources = document_sources.sync(created.document.id, client=client)
            assert isinstance(sources, SourcesOut), sources
        assert sources.status == "done"
        pk = next(s.comparison for s in sources.sources if s.comparison)
        comparison = comparison_detail.sync(pk, client=client)
    assert isinstance(comparison, ComparisonOut), comparison
    assert comparison.status == "done"
    assert comparison.derivative.title.startswith("Extra French officers")
    assert comparison.source.kind == "press_release"
