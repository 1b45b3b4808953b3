"""Personal API tokens: make one with a password, list yours, revoke one."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Literal

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja import Status as Answer
from pydantic import BeforeValidator, Field

from api import token_actions, tokens
from api.auth import PasswordAuth
from api.models import ApiToken
from api.routers.common import responses
from api.types import not_boolean

if TYPE_CHECKING:
    from django.contrib.auth.models import User

router = Router(tags=["tokens"])
Days = Annotated[int, Field(ge=1, le=tokens.MAX_DAYS), BeforeValidator(not_boolean)]


class TokenIn(Schema):
    name: str = Field(min_length=1, max_length=tokens.NAME_MAX)
    expires_in_days: Days = Field(
        tokens.DEFAULT_DAYS, description="How long the token works, in days."
    )
    scope: Literal["read", "write"] = Field(
        "write", description="`read` for a token that may only read (GET)."
    )


class TokenInfo(Schema):
    id: int
    name: str
    prefix: str = Field(description="The token's first characters, to tell it apart.")
    scope: Literal["read", "write"]
    state: Literal["active", "expired", "revoked"]
    created_at: dt.datetime
    expires_at: dt.datetime | None
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None


class TokenOut(TokenInfo):
    token: str = Field(description="Shown this once; only its SHA-256 is kept.")


def _info(row: ApiToken) -> dict[str, object]:
    return {
        "id": row.pk,
        "name": row.name,
        "prefix": row.prefix,
        "scope": row.scope,
        "state": row.state,
        "created_at": row.created_at,
        "expires_at": row.expires_at,
        "last_used_at": row.last_used_at,
        "revoked_at": row.revoked_at,
    }


def _caller(request: HttpRequest) -> User:
    user: User = request.auth  # type: ignore[attr-defined]
    return user


@router.post("", auth=PasswordAuth(), response=responses({201: TokenOut}), url_name="token_create")
def token_create(
    request: HttpRequest, response: HttpResponse, payload: TokenIn
) -> Answer[TokenOut]:
    """Make a token (HTTP Basic: your user name and password).

    Only a password makes a token, so a leaked token cannot make more. A new password
    or a deactivated account revokes every token.
    """
    row, raw = token_actions.do_create_token(
        _caller(request), request, payload.name, days=payload.expires_in_days, scope=payload.scope
    )
    response["Location"] = request.build_absolute_uri(f"{request.path.rstrip('/')}/{row.pk}")
    return Answer(201, TokenOut(**_info(row), token=raw))  # type: ignore[arg-type]


@router.get("", response=responses({200: list[TokenInfo]}), url_name="token_list")
def token_list(request: HttpRequest) -> list[TokenInfo]:
    """Your tokens, newest first (never the tokens themselves)."""
    rows = ApiToken.objects.of(_caller(request))
    return [TokenInfo(**_info(row)) for row in rows]  # type: ignore[arg-type]


@router.get("/{id:pk}", response=responses({200: TokenInfo}), url_name="token_detail")
def token_detail(request: HttpRequest, pk: int) -> TokenInfo:
    row = get_object_or_404(ApiToken.objects.of(_caller(request)), pk=pk)
    return TokenInfo(**_info(row))  # type: ignore[arg-type]


@router.post("/{id:pk}/revoke", response=responses({200: TokenInfo}), url_name="token_revoke")
def token_revoke(request: HttpRequest, pk: int) -> TokenInfo:
    """Stop one of your tokens working (this one too); revoking twice changes nothing."""
    row = get_object_or_404(ApiToken.objects.of(_caller(request)), pk=pk)
    token_actions.do_revoke_token(_caller(request), request, row)
    row.refresh_from_db()
    return TokenInfo(**_info(row))  # type: ignore[arg-type]
