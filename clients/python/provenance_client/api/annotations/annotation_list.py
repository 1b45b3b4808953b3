from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.annotation_list_response import AnnotationListResponse
from ...models.annotation_list_status_type_0 import AnnotationListStatusType0
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    document: int | None | Unset = UNSET,
    comparison: int | None | Unset = UNSET,
    label: str | Unset = '',
    status: AnnotationListStatusType0 | None | Unset = UNSET,
    user: str | Unset = '',
    text: str | Unset = '',
    quote: str | Unset = '',
    cursor: str | Unset = '',
    limit: int | Unset = 25,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_document: int | None | Unset
    if isinstance(document, Unset):
        json_document = UNSET
    else:
        json_document = document
    params["document"] = json_document

    json_comparison: int | None | Unset
    if isinstance(comparison, Unset):
        json_comparison = UNSET
    else:
        json_comparison = comparison
    params["comparison"] = json_comparison

    params["label"] = label

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, AnnotationListStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    params["user"] = user

    params["text"] = text

    params["quote"] = quote

    params["cursor"] = cursor

    params["limit"] = limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/annotations",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AnnotationListResponse | Problem | None:
    if response.status_code == 200:
        response_200 = AnnotationListResponse.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AnnotationListResponse | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    document: int | None | Unset = UNSET,
    comparison: int | None | Unset = UNSET,
    label: str | Unset = '',
    status: AnnotationListStatusType0 | None | Unset = UNSET,
    user: str | Unset = '',
    text: str | Unset = '',
    quote: str | Unset = '',
    cursor: str | Unset = '',
    limit: int | Unset = 25,

) -> Response[AnnotationListResponse | Problem]:
    """ Annotation List

     Annotations you may see, oldest first, filtered; the `next` page by cursor (Link).

    Args:
        document (int | None | Unset): On any version of this document.
        comparison (int | None | Unset): On either text of this comparison.
        label (str | Unset): A label's name or slug. Default: ''.
        status (AnnotationListStatusType0 | None | Unset):
        user (str | Unset): Made by this user name. Default: ''.
        text (str | Unset): Words in the note. Default: ''.
        quote (str | Unset): Words in the annotated passage. Default: ''.
        cursor (str | Unset): The `next` link's cursor. Default: ''.
        limit (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnnotationListResponse | Problem]
     """


    kwargs = _get_kwargs(
        document=document,
comparison=comparison,
label=label,
status=status,
user=user,
text=text,
quote=quote,
cursor=cursor,
limit=limit,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    document: int | None | Unset = UNSET,
    comparison: int | None | Unset = UNSET,
    label: str | Unset = '',
    status: AnnotationListStatusType0 | None | Unset = UNSET,
    user: str | Unset = '',
    text: str | Unset = '',
    quote: str | Unset = '',
    cursor: str | Unset = '',
    limit: int | Unset = 25,

) -> AnnotationListResponse | Problem | None:
    """ Annotation List

     Annotations you may see, oldest first, filtered; the `next` page by cursor (Link).

    Args:
        document (int | None | Unset): On any version of this document.
        comparison (int | None | Unset): On either text of this comparison.
        label (str | Unset): A label's name or slug. Default: ''.
        status (AnnotationListStatusType0 | None | Unset):
        user (str | Unset): Made by this user name. Default: ''.
        text (str | Unset): Words in the note. Default: ''.
        quote (str | Unset): Words in the annotated passage. Default: ''.
        cursor (str | Unset): The `next` link's cursor. Default: ''.
        limit (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnnotationListResponse | Problem
     """


    return sync_detailed(
        client=client,
document=document,
comparison=comparison,
label=label,
status=status,
user=user,
text=text,
quote=quote,
cursor=cursor,
limit=limit,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    document: int | None | Unset = UNSET,
    comparison: int | None | Unset = UNSET,
    label: str | Unset = '',
    status: AnnotationListStatusType0 | None | Unset = UNSET,
    user: str | Unset = '',
    text: str | Unset = '',
    quote: str | Unset = '',
    cursor: str | Unset = '',
    limit: int | Unset = 25,

) -> Response[AnnotationListResponse | Problem]:
    """ Annotation List

     Annotations you may see, oldest first, filtered; the `next` page by cursor (Link).

    Args:
        document (int | None | Unset): On any version of this document.
        comparison (int | None | Unset): On either text of this comparison.
        label (str | Unset): A label's name or slug. Default: ''.
        status (AnnotationListStatusType0 | None | Unset):
        user (str | Unset): Made by this user name. Default: ''.
        text (str | Unset): Words in the note. Default: ''.
        quote (str | Unset): Words in the annotated passage. Default: ''.
        cursor (str | Unset): The `next` link's cursor. Default: ''.
        limit (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnnotationListResponse | Problem]
     """


    kwargs = _get_kwargs(
        document=document,
comparison=comparison,
label=label,
status=status,
user=user,
text=text,
quote=quote,
cursor=cursor,
limit=limit,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    document: int | None | Unset = UNSET,
    comparison: int | None | Unset = UNSET,
    label: str | Unset = '',
    status: AnnotationListStatusType0 | None | Unset = UNSET,
    user: str | Unset = '',
    text: str | Unset = '',
    quote: str | Unset = '',
    cursor: str | Unset = '',
    limit: int | Unset = 25,

) -> AnnotationListResponse | Problem | None:
    """ Annotation List

     Annotations you may see, oldest first, filtered; the `next` page by cursor (Link).

    Args:
        document (int | None | Unset): On any version of this document.
        comparison (int | None | Unset): On either text of this comparison.
        label (str | Unset): A label's name or slug. Default: ''.
        status (AnnotationListStatusType0 | None | Unset):
        user (str | Unset): Made by this user name. Default: ''.
        text (str | Unset): Words in the note. Default: ''.
        quote (str | Unset): Words in the annotated passage. Default: ''.
        cursor (str | Unset): The `next` link's cursor. Default: ''.
        limit (int | Unset):  Default: 25.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnnotationListResponse | Problem
     """


    return (await asyncio_detailed(
        client=client,
document=document,
comparison=comparison,
label=label,
status=status,
user=user,
text=text,
quote=quote,
cursor=cursor,
limit=limit,

    )).parsed
