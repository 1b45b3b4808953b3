"""Playwright driving Debian's Chromium against the live test server."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client

CHROMIUM = shutil.which("chromium")
SCREENSHOTS = Path(settings.BASE_DIR) / "tests" / "screenshots"


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Launch Chromium for one test.

    Playwright's sync API keeps an event loop running in this thread, which Django's
    ORM refuses to run beside unless DJANGO_ALLOW_ASYNC_UNSAFE is set. The browser is
    per test so the loop stops (and the variable is unset) before pytest-django
    flushes the database, and the variable never leaks into other tests.
    """
    if CHROMIUM is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("Chromium is not installed (apt-get install chromium).")
        pytest.skip("Debian's chromium is not installed; browser tests skipped.")
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield b
        b.close()


@pytest.fixture
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


class Pages:
    """Open pages as a persona (or signed out) and collect console errors."""

    def __init__(self, browser: Any, base_url: str) -> None:
        self.browser = browser
        self.base_url = base_url
        self.errors: list[str] = []
        self.contexts: list[Any] = []

    def open(self, path: str, user: User | None = None, **context_options: Any) -> Any:
        options = {"viewport": {"width": 1400, "height": 1000}, **context_options}
        context = self.browser.new_context(base_url=self.base_url, **options)
        self.contexts.append(context)
        if user is not None:
            client = Client()
            client.force_login(user)
            cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
            context.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": self.base_url}]
            )
        page = context.new_page()
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.goto(path)
        return page

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def pages(browser: Any, live_server: Any) -> Iterator[Pages]:
    pages = Pages(browser, live_server.url)
    yield pages
    pages.close()


OpenPage = Callable[..., Any]
