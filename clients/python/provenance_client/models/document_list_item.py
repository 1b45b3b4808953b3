from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.document_ref import DocumentRef





T = TypeVar("T", bound="DocumentListItem")



@_attrs_define
class DocumentListItem:
    """ 
        Attributes:
            id (int):
            title (str):
            kind (str):
            outlet (None | str):
            published_on (datetime.date | None):
            url (str):
            page (str):
            origin (DocumentRef | None):
            overstates_claim (bool): A current comparison with a source finds this story stating a claim more strongly than
                the source (the documents page's badge).
     """

    id: int
    title: str
    kind: str
    outlet: None | str
    published_on: datetime.date | None
    url: str
    page: str
    origin: DocumentRef | None
    overstates_claim: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.document_ref import DocumentRef # noqa: PLC0415
        id = self.id

        title = self.title

        kind = self.kind

        outlet: None | str
        outlet = self.outlet

        published_on: None | str
        if isinstance(self.published_on, datetime.date):
            published_on = self.published_on.isoformat()
        else:
            published_on = self.published_on

        url = self.url

        page = self.page

        origin: dict[str, Any] | None
        if isinstance(self.origin, DocumentRef):
            origin = self.origin.to_dict()
        else:
            origin = self.origin

        overstates_claim = self.overstates_claim


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "title": title,
            "kind": kind,
            "outlet": outlet,
            "published_on": published_on,
            "url": url,
            "page": page,
            "origin": origin,
            "overstates_claim": overstates_claim,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.document_ref import DocumentRef # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        kind = d.pop("kind")

        def _parse_outlet(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outlet = _parse_outlet(d.pop("outlet"))


        def _parse_published_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_on_type_0 = datetime.date.fromisoformat(data)



                return published_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        published_on = _parse_published_on(d.pop("published_on"))


        url = d.pop("url")

        page = d.pop("page")

        def _parse_origin(data: object) -> DocumentRef | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                origin_type_0 = DocumentRef.from_dict(data)



                return origin_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DocumentRef | None, data)

        origin = _parse_origin(d.pop("origin"))


        overstates_claim = d.pop("overstates_claim")

        document_list_item = cls(
            id=id,
            title=title,
            kind=kind,
            outlet=outlet,
            published_on=published_on,
            url=url,
            page=page,
            origin=origin,
            overstates_claim=overstates_claim,
        )


        document_list_item.additional_properties = d
        return document_list_item

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
