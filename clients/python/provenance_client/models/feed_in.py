from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.feed_in_kind import FeedInKind
from ..types import UNSET, Unset






T = TypeVar("T", bound="FeedIn")



@_attrs_define
class FeedIn:
    """ 
        Attributes:
            url (str):
            kind (FeedInKind):
            outlet (str | Unset):  Default: ''.
            every (int | Unset): minutes Default: 60.
            title (str | Unset):  Default: ''.
     """

    url: str
    kind: FeedInKind
    outlet: str | Unset = ''
    every: int | Unset = 60
    title: str | Unset = ''
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        url = self.url

        kind = self.kind.value

        outlet = self.outlet

        every = self.every

        title = self.title


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "url": url,
            "kind": kind,
        })
        if outlet is not UNSET:
            field_dict["outlet"] = outlet
        if every is not UNSET:
            field_dict["every"] = every
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        kind = FeedInKind(d.pop("kind"))




        outlet = d.pop("outlet", UNSET)

        every = d.pop("every", UNSET)

        title = d.pop("title", UNSET)

        feed_in = cls(
            url=url,
            kind=kind,
            outlet=outlet,
            every=every,
            title=title,
        )


        feed_in.additional_properties = d
        return feed_in

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
