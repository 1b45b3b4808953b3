from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.comparison_status_status import ComparisonStatusStatus






T = TypeVar("T", bound="ComparisonStatus")



@_attrs_define
class ComparisonStatus:
    """ 
        Attributes:
            id (int):
            status (ComparisonStatusStatus):
            progress (int):
            error (str):
            url (str):
     """

    id: int
    status: ComparisonStatusStatus
    progress: int
    error: str
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status.value

        progress = self.progress

        error = self.error

        url = self.url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "status": status,
            "progress": progress,
            "error": error,
            "url": url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        status = ComparisonStatusStatus(d.pop("status"))




        progress = d.pop("progress")

        error = d.pop("error")

        url = d.pop("url")

        comparison_status = cls(
            id=id,
            status=status,
            progress=progress,
            error=error,
            url=url,
        )


        comparison_status.additional_properties = d
        return comparison_status

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
