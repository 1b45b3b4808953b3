from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="VersionText")



@_attrs_define
class VersionText:
    """ 
        Attributes:
            number (int):
            created_at (datetime.datetime):
            source (str):
            source_url (str):
            content_type (str):
            original_name (str):
            size (int):
            text_sha256 (str):
            is_current (bool):
            text (str):
     """

    number: int
    created_at: datetime.datetime
    source: str
    source_url: str
    content_type: str
    original_name: str
    size: int
    text_sha256: str
    is_current: bool
    text: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        number = self.number

        created_at = self.created_at.isoformat()

        source = self.source

        source_url = self.source_url

        content_type = self.content_type

        original_name = self.original_name

        size = self.size

        text_sha256 = self.text_sha256

        is_current = self.is_current

        text = self.text


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "number": number,
            "created_at": created_at,
            "source": source,
            "source_url": source_url,
            "content_type": content_type,
            "original_name": original_name,
            "size": size,
            "text_sha256": text_sha256,
            "is_current": is_current,
            "text": text,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        number = d.pop("number")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        source = d.pop("source")

        source_url = d.pop("source_url")

        content_type = d.pop("content_type")

        original_name = d.pop("original_name")

        size = d.pop("size")

        text_sha256 = d.pop("text_sha256")

        is_current = d.pop("is_current")

        text = d.pop("text")

        version_text = cls(
            number=number,
            created_at=created_at,
            source=source,
            source_url=source_url,
            content_type=content_type,
            original_name=original_name,
            size=size,
            text_sha256=text_sha256,
            is_current=is_current,
            text=text,
        )


        version_text.additional_properties = d
        return version_text

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
