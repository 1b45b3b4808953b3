"""`manage.py check --deploy` must be clean with production settings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "TESTING"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_deploy_check_is_clean_with_production_settings() -> None:
    done = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        SECRET_KEY="a-long-random-production-secret-key-for-the-check-0123456789abcdef",
        ALLOWED_HOSTS="provenance.example.org",
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_production_refuses_to_start_without_a_secret_key() -> None:
    done = run_manage("check", DEBUG="false", ALLOWED_HOSTS="provenance.example.org")
    assert done.returncode != 0
    assert "SECRET_KEY must be set" in done.stderr


def test_health_answers_over_plain_http_in_production() -> None:
    script = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "c = Client();"
        "print(json.dumps([c.get('/healthz').status_code, c.get('/documents/').status_code]))"
    )
    done = run_manage(
        "shell",
        "-c",
        script,
        DEBUG="false",
        SECRET_KEY="a-long-random-production-secret-key-for-the-check-0123456789abcdef",
        ALLOWED_HOSTS="testserver",
    )
    assert done.returncode == 0, done.stderr
    health, documents = done.stdout.strip().splitlines()[-1].strip("[]").split(", ")
    assert health == "200"  # not sent to HTTPS: a plain-HTTP probe must get an answer
    assert documents == "301"  # every other page still goes to HTTPS
