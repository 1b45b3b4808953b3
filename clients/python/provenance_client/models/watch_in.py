from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.watch_in_kind import WatchInKind
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="WatchIn")



@_attrs_define
class WatchIn:
    """ 
        Attributes:
            kind (WatchInKind):
            document_id (int | None | Unset): The press release, for kind `release`.
            outlet_id (int | None | Unset): The outlet, for kind `outlet`.
            person (str | Unset): The person's name, for kind `person`. Default: ''.
     """

    kind: WatchInKind
    document_id: int | None | Unset = UNSET
    outlet_id: int | None | Unset = UNSET
    person: str | Unset = ''
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        document_id: int | None | Unset
        if isinstance(self.document_id, Unset):
            document_id = UNSET
        else:
            document_id = self.document_id

        outlet_id: int | None | Unset
        if isinstance(self.outlet_id, Unset):
            outlet_id = UNSET
        else:
            outlet_id = self.outlet_id

        person = self.person


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "kind": kind,
        })
        if document_id is not UNSET:
            field_dict["document_id"] = document_id
        if outlet_id is not UNSET:
            field_dict["outlet_id"] = outlet_id
        if person is not UNSET:
            field_dict["person"] = person

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = WatchInKind(d.pop("kind"))




        def _parse_document_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        document_id = _parse_document_id(d.pop("document_id", UNSET))


        def _parse_outlet_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        outlet_id = _parse_outlet_id(d.pop("outlet_id", UNSET))


        person = d.pop("person", UNSET)

        watch_in = cls(
            kind=kind,
            document_id=document_id,
            outlet_id=outlet_id,
            person=person,
        )


        watch_in.additional_properties = d
        return watch_in

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
