from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="AlertFilters")



@_attrs_define
class AlertFilters:
    """ 
        Attributes:
            unread (bool | Unset): Only alerts not yet read. Default: False.
            page (int | Unset):  Default: 1.
            per_page (int | Unset):  Default: 25.
     """

    unread: bool | Unset = False
    page: int | Unset = 1
    per_page: int | Unset = 25
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        unread = self.unread

        page = self.page

        per_page = self.per_page


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if unread is not UNSET:
            field_dict["unread"] = unread
        if page is not UNSET:
            field_dict["page"] = page
        if per_page is not UNSET:
            field_dict["per_page"] = per_page

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        unread = d.pop("unread", UNSET)

        page = d.pop("page", UNSET)

        per_page = d.pop("per_page", UNSET)

        alert_filters = cls(
            unread=unread,
            page=page,
            per_page=per_page,
        )


        alert_filters.additional_properties = d
        return alert_filters

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
