from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.document_list_kind_type_0 import DocumentListKindType0
from ...models.document_page import DocumentPage
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from typing import Literal, cast
import datetime



def _get_kwargs(
    *,
    q: str | Unset = '',
    kind: DocumentListKindType0 | None | Unset = UNSET,
    outlet: str | Unset = '',
    published_from: datetime.date | None | Unset = UNSET,
    published_to: datetime.date | None | Unset = UNSET,
    origin: int | None | Unset = UNSET,
    archived: bool | Unset = False,
    claim: Literal['strengthened'] | None | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["q"] = q

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, DocumentListKindType0):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    params["outlet"] = outlet

    json_published_from: None | str | Unset
    if isinstance(published_from, Unset):
        json_published_from = UNSET
    elif isinstance(published_from, datetime.date):
        json_published_from = published_from.isoformat()
    else:
        json_published_from = published_from
    params["published_from"] = json_published_from

    json_published_to: None | str | Unset
    if isinstance(published_to, Unset):
        json_published_to = UNSET
    elif isinstance(published_to, datetime.date):
        json_published_to = published_to.isoformat()
    else:
        json_published_to = published_to
    params["published_to"] = json_published_to

    json_origin: int | None | Unset
    if isinstance(origin, Unset):
        json_origin = UNSET
    else:
        json_origin = origin
    params["origin"] = json_origin

    params["archived"] = archived

    json_claim: Literal['strengthened'] | None | Unset
    if isinstance(claim, Unset):
        json_claim = UNSET
    else:
        json_claim = claim
    params["claim"] = json_claim

    params["page"] = page

    params["per_page"] = per_page


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/documents",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DocumentPage | Problem | None:
    if response.status_code == 200:
        response_200 = DocumentPage.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DocumentPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    q: str | Unset = '',
    kind: DocumentListKindType0 | None | Unset = UNSET,
    outlet: str | Unset = '',
    published_from: datetime.date | None | Unset = UNSET,
    published_to: datetime.date | None | Unset = UNSET,
    origin: int | None | Unset = UNSET,
    archived: bool | Unset = False,
    claim: Literal['strengthened'] | None | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,

) -> Response[DocumentPage | Problem]:
    """ Document List

    Args:
        q (str | Unset): Words in the title, author, outlet or text. Default: ''.
        kind (DocumentListKindType0 | None | Unset):
        outlet (str | Unset): Outlet name (case-insensitive). Default: ''.
        published_from (datetime.date | None | Unset):
        published_to (datetime.date | None | Unset):
        origin (int | None | Unset): Only documents whose origin is this one.
        archived (bool | Unset): Archived documents only (admins). Default: False.
        claim (Literal['strengthened'] | None | Unset): `strengthened`: only stories stating a
            claim more strongly than their source (or a study in animals or cells as about people), as
            the documents page flags.
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DocumentPage | Problem]
     """


    kwargs = _get_kwargs(
        q=q,
kind=kind,
outlet=outlet,
published_from=published_from,
published_to=published_to,
origin=origin,
archived=archived,
claim=claim,
page=page,
per_page=per_page,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    q: str | Unset = '',
    kind: DocumentListKindType0 | None | Unset = UNSET,
    outlet: str | Unset = '',
    published_from: datetime.date | None | Unset = UNSET,
    published_to: datetime.date | None | Unset = UNSET,
    origin: int | None | Unset = UNSET,
    archived: bool | Unset = False,
    claim: Literal['strengthened'] | None | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,

) -> DocumentPage | Problem | None:
    """ Document List

    Args:
        q (str | Unset): Words in the title, author, outlet or text. Default: ''.
        kind (DocumentListKindType0 | None | Unset):
        outlet (str | Unset): Outlet name (case-insensitive). Default: ''.
        published_from (datetime.date | None | Unset):
        published_to (datetime.date | None | Unset):
        origin (int | None | Unset): Only documents whose origin is this one.
        archived (bool | Unset): Archived documents only (admins). Default: False.
        claim (Literal['strengthened'] | None | Unset): `strengthened`: only stories stating a
            claim more strongly than their source (or a study in animals or cells as about people), as
            the documents page flags.
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DocumentPage | Problem
     """


    return sync_detailed(
        client=client,
q=q,
kind=kind,
outlet=outlet,
published_from=published_from,
published_to=published_to,
origin=origin,
archived=archived,
claim=claim,
page=page,
per_page=per_page,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    q: str | Unset = '',
    kind: DocumentListKindType0 | None | Unset = UNSET,
    outlet: str | Unset = '',
    published_from: datetime.date | None | Unset = UNSET,
    published_to: datetime.date | None | Unset = UNSET,
    origin: int | None | Unset = UNSET,
    archived: bool | Unset = False,
    claim: Literal['strengthened'] | None | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,

) -> Response[DocumentPage | Problem]:
    """ Document List

    Args:
        q (str | Unset): Words in the title, author, outlet or text. Default: ''.
        kind (DocumentListKindType0 | None | Unset):
        outlet (str | Unset): Outlet name (case-insensitive). Default: ''.
        published_from (datetime.date | None | Unset):
        published_to (datetime.date | None | Unset):
        origin (int | None | Unset): Only documents whose origin is this one.
        archived (bool | Unset): Archived documents only (admins). Default: False.
        claim (Literal['strengthened'] | None | Unset): `strengthened`: only stories stating a
            claim more strongly than their source (or a study in animals or cells as about people), as
            the documents page flags.
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DocumentPage | Problem]
     """


    kwargs = _get_kwargs(
        q=q,
kind=kind,
outlet=outlet,
published_from=published_from,
published_to=published_to,
origin=origin,
archived=archived,
claim=claim,
page=page,
per_page=per_page,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    q: str | Unset = '',
    kind: DocumentListKindType0 | None | Unset = UNSET,
    outlet: str | Unset = '',
    published_from: datetime.date | None | Unset = UNSET,
    published_to: datetime.date | None | Unset = UNSET,
    origin: int | None | Unset = UNSET,
    archived: bool | Unset = False,
    claim: Literal['strengthened'] | None | Unset = UNSET,
    page: int | Unset = 1,
    per_page: int | Unset = 25,

) -> DocumentPage | Problem | None:
    """ Document List

    Args:
        q (str | Unset): Words in the title, author, outlet or text. Default: ''.
        kind (DocumentListKindType0 | None | Unset):
        outlet (str | Unset): Outlet name (case-insensitive). Default: ''.
        published_from (datetime.date | None | Unset):
        published_to (datetime.date | None | Unset):
        origin (int | None | Unset): Only documents whose origin is this one.
        archived (bool | Unset): Archived documents only (admins). Default: False.
        claim (Literal['strengthened'] | None | Unset): `strengthened`: only stories stating a
            claim more strongly than their source (or a study in animals or cells as about people), as
            the documents page flags.
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DocumentPage | Problem
     """


    return (await asyncio_detailed(
        client=client,
q=q,
kind=kind,
outlet=outlet,
published_from=published_from,
published_to=published_to,
origin=origin,
archived=archived,
claim=claim,
page=page,
per_page=per_page,

    )).parsed
