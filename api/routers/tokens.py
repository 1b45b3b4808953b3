"""Make a personal API token from a script, with a user name and password."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from ninja import Router, Schema
from ninja import Status as Answer
from pydantic import Field

from api import tokens
from api.auth import PasswordAuth
from api.routers.common import responses

router = Router(tags=["tokens"])


class TokenIn(Schema):
    name: str = Field(min_length=1, max_length=tokens.NAME_MAX)


class TokenOut(Schema):
    id: int
    name: str
    token: str = Field(description="Shown this once; only its SHA-256 is kept.")
    created_at: dt.datetime


@router.post("", auth=PasswordAuth(), response=responses({201: TokenOut}), url_name="token_create")
def token_create(request: HttpRequest, payload: TokenIn) -> Answer[TokenOut]:
    """Make a token (HTTP Basic: your user name and password). Revoke it on your account page.

    Only a password makes a token, so a leaked token cannot make more.
    """
    row, raw = tokens.create_token(request.auth, payload.name)  # type: ignore[attr-defined]
    return Answer(201, TokenOut(id=row.pk, name=row.name, token=raw, created_at=row.created_at))
