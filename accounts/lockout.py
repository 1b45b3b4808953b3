"""The page django-axes shows a locked-out sign-in (settings.AXES_LOCKOUT_CALLABLE)."""

from __future__ import annotations

from typing import Any

from axes.helpers import get_client_username, get_cool_off
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def _in_words(seconds: int) -> str:
    minutes = max(1, round(seconds / 60))
    if minutes < 120:
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    return f"{round(minutes / 60)} hours"


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None, credentials: Any = None
) -> HttpResponse:
    """Say in words that the account is locked, and for how long (429 Too Many Requests)."""
    cool_off = get_cool_off(request)
    context = {
        "username": get_client_username(request, credentials) or "",
        "wait": _in_words(int(cool_off.total_seconds())) if cool_off else "a while",
    }
    status = getattr(settings, "AXES_HTTP_RESPONSE_CODE", 429)  # axes' default, Too Many Requests
    return render(request, "registration/locked_out.html", context, status=status)
