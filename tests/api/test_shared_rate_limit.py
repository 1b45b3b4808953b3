"""Two gunicorn servers on one database share one rate limit, and a restart keeps it.

Before the shared cache each process counted in its own memory: three workers allowed
three times the budget, and a restart forgot it.
"""

from __future__ import annotations

import base64
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PORTS = (8170, 8171)
BUDGET = 3


@pytest.fixture(scope="module")
def environment(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    var = tmp_path_factory.mktemp("shared-limit")
    env = {k: v for k, v in os.environ.items() if k not in {"TESTING", "CACHE_URL"}}
    env.update(
        DATABASE_URL=f"sqlite:///{var / 'db.sqlite3'}",
        VAR_DIR=str(var),
        DEBUG="true",
        ALLOWED_HOSTS="127.0.0.1",
        API_RATE_PASSWORD=str(BUDGET),
        AXES_FAILURE_LIMIT="1000",  # this test counts the API's budget, not axes' lockout
        PYTHONPATH=str(ROOT),
    )
    manage = [sys.executable, str(ROOT / "manage.py")]
    # migrate makes the database cache's table too (api/apps.py).
    subprocess.run([*manage, "migrate", "--no-input", "-v0"], env=env, cwd=ROOT, check=True)
    subprocess.run(
        [
            *manage,
            "shell",
            "-c",
            "from django.contrib.auth.models import User; "
            "User.objects.create_user('scripter', password='right-pw-for-tests'); "
            "User.objects.create_user('guessed', password='right-pw-for-tests')",
        ],
        env=env,
        cwd=ROOT,
        check=True,
    )
    return env


def _serve(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "provenance.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(server, port)
    except BaseException:
        server.terminate()
        server.wait(timeout=30)
        raise
    return server


def _wait_for(server: subprocess.Popen[bytes], port: int) -> None:
    for _ in range(300):  # until it answers (up to a minute or so on a busy machine)
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/", timeout=30)
        except urllib.error.HTTPError:
            return  # the catch-all's 404: the server is up
        except OSError:
            if server.poll() is not None:
                raise RuntimeError(f"gunicorn on {port} exited") from None
            time.sleep(0.2)
        else:
            return
    raise RuntimeError(f"gunicorn on {port} never answered")


@pytest.fixture
def servers(
    environment: dict[str, str], request: pytest.FixtureRequest
) -> Iterator[dict[int, subprocess.Popen[bytes]]]:
    # A test may change the servers' environment by parametrizing this fixture.
    env = {**environment, **getattr(request, "param", {})}
    running: dict[int, subprocess.Popen[bytes]] = {}
    try:
        for port in PORTS:
            running[port] = _serve(env, port)
        yield running
    finally:
        for server in running.values():
            server.terminate()
            server.wait(timeout=30)


def _wrong_password(
    port: int, credentials: bytes = b"scripter:wrong"
) -> tuple[int, dict[str, str]]:
    pair = base64.b64encode(credentials).decode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/v1/tokens",
        data=b'{"name": "x"}',
        headers={"Authorization": f"Basic {pair}", "Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)


@pytest.mark.slow
def test_two_servers_and_a_restart_share_one_budget(
    environment: dict[str, str], servers: dict[int, subprocess.Popen[bytes]]
) -> None:
    first, second = PORTS
    answers = [_wrong_password(port) for port in (first, second, first)]
    assert [status for status, _ in answers] == [401, 401, 401]
    assert [h["RateLimit-Remaining"] for _, h in answers] == ["2", "1", "0"]
    status, headers = _wrong_password(second)
    assert status == 429
    assert int(headers["Retry-After"]) > 0
    # A restarted server still knows the budget is spent.
    servers[first].terminate()
    servers[first].wait(timeout=30)
    servers[first] = _serve(environment, first)
    assert _wrong_password(first)[0] == 429


@pytest.mark.slow
@pytest.mark.parametrize("servers", [{"AXES_FAILURE_LIMIT": "2"}], indirect=True)
def test_a_sign_in_lockout_holds_on_every_server(
    servers: dict[int, subprocess.Popen[bytes]],
) -> None:
    first, second = PORTS
    _wrong_password(first, b"guessed:wrong")
    _wrong_password(second, b"guessed:wrong")
    # Two failures on two servers lock the name out on both, the right password too.
    status, headers = _wrong_password(first, b"guessed:right-pw-for-tests")
    assert status == 429
    assert int(headers["Retry-After"]) > 0
    assert headers["Content-Type"] == "application/problem+json"
