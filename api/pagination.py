"""Page-number pagination with absolute links to the next and previous pages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.paginator import EmptyPage, Paginator
from ninja import Schema

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from django.http import HttpRequest

PER_PAGE = 25
MAX_PER_PAGE = 100


class PageLinks(Schema):
    count: int
    page: int
    pages: int
    per_page: int
    next: str | None
    previous: str | None


def paginate(request: HttpRequest, items: QuerySet[Any], page: int, per_page: int) -> Any:
    """Return (objects on the page, the page's links); a page past the end is empty."""
    paginator = Paginator(items, per_page)
    try:
        current = paginator.page(page)
        objects = list(current.object_list)
    except EmptyPage:
        objects = []
    last = max(paginator.num_pages, 1)

    def link(number: int) -> str | None:
        if not 1 <= number <= last:
            return None
        query = request.GET.copy()
        query["page"] = str(number)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    links = PageLinks(
        count=paginator.count,
        page=page,
        pages=last,
        per_page=per_page,
        next=link(page + 1) if page < last else None,
        previous=link(page - 1) if page > 1 else None,
    )
    return objects, links
