"""Start scripts/serve with DEBUG off and check it as a proxy and a user would.

Run through scripts/smoke-production (which sets up the environment). Checks:
/healthz over plain HTTP with every worker beating; plain HTTP elsewhere sent to
HTTPS; behind the proxy setting, the CSP and HSTS headers and Secure cookies; a
sign-in and an upload, indexed by a worker within a bounded wait; then SIGTERM
stops everything with exit status 0. Exits non-zero at the first failure.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import time
import uuid
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("PORT", "8104"))
WORKERS = int(os.environ.get("WORKERS", "2"))
WAIT_SECONDS = 120


def fail(message: str) -> None:
    raise SystemExit(f"FAIL: {message}")


def ok(message: str) -> None:
    print(f"ok   {message}", flush=True)


class Browser:
    """Plain HTTP to the server, as a TLS proxy forwards it; keeps cookies by hand.

    A cookie jar would not send Secure cookies over http://, but here the proxy's
    X-Forwarded-Proto says the client's side was HTTPS.
    """

    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}

    def request(
        self, method: str, path: str, form: dict[str, str] | None = None, https: bool = True
    ) -> tuple[int, http.client.HTTPMessage, str]:
        headers = {"Host": f"127.0.0.1:{PORT}"}
        if https:
            headers["X-Forwarded-Proto"] = "https"
            headers["Origin"] = f"https://127.0.0.1:{PORT}"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        for raw in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(raw).items():
                self.cookies[name] = morsel.value
        return response.status, response.headers, text


def manage(*args: str, env: dict[str, str]) -> str:
    done = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        fail(f"manage.py {args[0]}: {done.stderr.strip()[-2000:]}")
    return done.stdout


def wait_for(what: str, check: object) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        try:
            if check():  # type: ignore[operator]
                return
        except OSError:
            pass
        time.sleep(1)
    fail(f"timed out after {WAIT_SECONDS} s waiting for {what}")


CREATE_USER = """
from django.contrib.auth.models import Group, User
from provenance import roles
user, _ = User.objects.get_or_create(username="smoke-admin")
user.set_password({password!r}); user.is_staff = True; user.save()
user.groups.add(Group.objects.get(name=roles.ADMINS))
"""

INDEXED = """
from discovery.models import IndexState
from documents.models import Document
doc = Document.objects.get(title={title!r})
state = IndexState.objects.filter(version=doc.current_version_id).first()
print(state.index_status if state else "none")
"""


def check_headers(browser: Browser) -> None:
    status, headers, _ = browser.request("GET", "/accounts/login/")
    if status != 200:
        fail(f"sign-in page over the proxy answered {status}")
    csp = headers.get("Content-Security-Policy", "")
    if "default-src 'self'" not in csp or "unsafe-inline" in csp:
        fail(f"Content-Security-Policy is {csp!r}")
    ok(f"Content-Security-Policy: {csp}")
    hsts = headers.get("Strict-Transport-Security", "")
    if "max-age=" not in hsts:
        fail("no Strict-Transport-Security behind the proxy setting")
    ok(f"Strict-Transport-Security: {hsts}")
    cookies = headers.get_all("Set-Cookie") or []
    if not cookies or not all("Secure" in c for c in cookies):
        fail(f"cookies without Secure: {cookies}")
    ok("CSRF cookie is Secure")
    status, headers, _ = browser.request("GET", "/documents/", https=False)
    if status != 301 or not headers.get("Location", "").startswith("https://"):
        fail(f"plain HTTP /documents/ answered {status}, not a redirect to HTTPS")
    ok("plain HTTP pages are sent to HTTPS")


def sign_in_and_upload(browser: Browser, password: str) -> str:
    status, headers, _ = browser.request(
        "POST",
        "/accounts/login/",
        {
            "username": "smoke-admin",
            "password": password,
            "csrfmiddlewaretoken": browser.cookies["csrftoken"],
        },
    )
    session = [c for c in headers.get_all("Set-Cookie") or [] if c.startswith("sessionid=")]
    if status != 302 or not session:
        fail(f"sign-in answered {status} with no session cookie")
    if "Secure" not in session[0] or "HttpOnly" not in session[0]:
        fail(f"session cookie is {session[0]!r}")
    ok("signed in; session cookie is Secure and HttpOnly")
    status, _, page = browser.request("GET", "/documents/upload/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if status != 200 or token is None:
        fail(f"upload form answered {status}")
    title = f"Smoke test {uuid.uuid4().hex[:8]}"
    # Fresh words each run: a text like an earlier run's would be offered as a new version.
    words = [uuid.uuid4().hex[:7] for _ in range(60)]
    text = " ".join(f"{w}." if i % 12 == 11 else w for i, w in enumerate(words))
    status, _, _ = browser.request(
        "POST",
        "/documents/upload/",
        {
            "csrfmiddlewaretoken": token.group(1),
            "kind": "article",
            "title": title,
            "text": text,
            "language": "en",
        },
    )
    if status != 302:
        fail(f"upload answered {status}")
    ok(f"uploaded {title!r}")
    return title


def main() -> None:
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "BEHIND_PROXY": "true",
        "HOST": "127.0.0.1",
        "PORT": str(PORT),
        "WORKERS": str(WORKERS),
        "WEB_CONCURRENCY": os.environ.get("WEB_CONCURRENCY", "2"),
        "WORKER_BEAT_SECONDS": "1",
        "WORKER_NAME": "smoke",
    }
    password = secrets.token_urlsafe(16)
    manage("migrate", "--no-input", "-v0", env=env)
    manage("shell", "-c", CREATE_USER.format(password=password), env=env)
    server = subprocess.Popen(  # noqa: S603
        [str(ROOT / "scripts" / "serve")], cwd=ROOT, env=env, start_new_session=True
    )
    browser = Browser()
    try:
        health: dict[str, object] = {}

        def healthy() -> bool:
            nonlocal health
            status, _, body = browser.request("GET", "/healthz", https=False)
            health = json.loads(body) if status == 200 else {}
            workers = health.get("workers") or {}
            beating = workers.get("workers", {}) if isinstance(workers, dict) else {}
            return health.get("status") == "ok" and len(beating) == WORKERS

        wait_for(f"/healthz over plain HTTP with {WORKERS} workers beating", healthy)
        ok(f"/healthz over plain HTTP: {json.dumps(health)}")
        check_headers(browser)
        title = sign_in_and_upload(browser, password)
        query = INDEXED.format(title=title)
        wait_for(
            "a worker to index the upload",
            lambda: manage("shell", "-c", query, env=env).strip().splitlines()[-1:] == ["done"],
        )
        ok("the upload was indexed by a worker")
    finally:
        if server.poll() is None:
            # To scripts/serve alone, as a service manager would: it stops its children
            # (a second SIGTERM would make a worker abandon its task).
            server.send_signal(signal.SIGTERM)
        try:
            code = server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            fail("scripts/serve did not stop within 60 s of SIGTERM")
    if code != 0:
        fail(f"scripts/serve exited with {code} after SIGTERM")
    ok("SIGTERM stopped the server and workers cleanly")


if __name__ == "__main__":
    main()
