from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.version_out import VersionOut





T = TypeVar("T", bound="DocumentOut")



@_attrs_define
class DocumentOut:
    """ 
        Attributes:
            id (int):
            title (str):
            kind (str):
            outlet (None | str):
            published_on (datetime.date | None):
            url (str):
            page (str):
            author (str):
            source_url (str):
            published_at (datetime.datetime | None):
            language (str):
            archived (bool):
            created_at (datetime.datetime):
            text (str):
            versions (list[VersionOut]):
            sources (str):
            comparisons (str):
            annotations (str):
     """

    id: int
    title: str
    kind: str
    outlet: None | str
    published_on: datetime.date | None
    url: str
    page: str
    author: str
    source_url: str
    published_at: datetime.datetime | None
    language: str
    archived: bool
    created_at: datetime.datetime
    text: str
    versions: list[VersionOut]
    sources: str
    comparisons: str
    annotations: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.version_out import VersionOut # noqa: PLC0415
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

        author = self.author

        source_url = self.source_url

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        language = self.language

        archived = self.archived

        created_at = self.created_at.isoformat()

        text = self.text

        versions = []
        for versions_item_data in self.versions:
            versions_item = versions_item_data.to_dict()
            versions.append(versions_item)



        sources = self.sources

        comparisons = self.comparisons

        annotations = self.annotations


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
            "author": author,
            "source_url": source_url,
            "published_at": published_at,
            "language": language,
            "archived": archived,
            "created_at": created_at,
            "text": text,
            "versions": versions,
            "sources": sources,
            "comparisons": comparisons,
            "annotations": annotations,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.version_out import VersionOut # noqa: PLC0415
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

        author = d.pop("author")

        source_url = d.pop("source_url")

        def _parse_published_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)



                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        published_at = _parse_published_at(d.pop("published_at"))


        language = d.pop("language")

        archived = d.pop("archived")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        text = d.pop("text")

        versions = []
        _versions = d.pop("versions")
        for versions_item_data in (_versions):
            versions_item = VersionOut.from_dict(versions_item_data)



            versions.append(versions_item)


        sources = d.pop("sources")

        comparisons = d.pop("comparisons")

        annotations = d.pop("annotations")

        document_out = cls(
            id=id,
            title=title,
            kind=kind,
            outlet=outlet,
            published_on=published_on,
            url=url,
            page=page,
            author=author,
            source_url=source_url,
            published_at=published_at,
            language=language,
            archived=archived,
            created_at=created_at,
            text=text,
            versions=versions,
            sources=sources,
            comparisons=comparisons,
            annotations=annotations,
        )


        document_out.additional_properties = d
        return document_out

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
