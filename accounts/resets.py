"""How often password-reset mail may be asked for: per address and per client.

Without a limit the form mails any address as often as anyone asks (a way to flood a
colleague's inbox). Both budgets count every request, known address or not, so the
answer still says nothing about which addresses have accounts.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from accounts.client_ip import client_ip
from provenance import ratelimit


def wait_before_sending(request: HttpRequest, email: str) -> int:
    """Count this request against both budgets; 0 to send, else the seconds to wait."""
    window = settings.PASSWORD_RESET_RATE_WINDOW
    by_address = ratelimit.take(
        "reset-address", email.strip().lower(), settings.PASSWORD_RESET_PER_ADDRESS, window
    )
    by_client = ratelimit.take(
        "reset-client", client_ip(request), settings.PASSWORD_RESET_PER_CLIENT, window
    )
    return max(by_address, by_client)


def too_many_message(wait: int) -> str:
    minutes = max(1, round(wait / 60))
    return (
        "Too many password-reset requests for this address or from here. "
        f"Try again in {minutes} minute{'s' if minutes != 1 else ''}."
    )
