from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.watch_out_kind import WatchOutKind
from typing import cast
import datetime






T = TypeVar("T", bound="WatchOut")



@_attrs_define
class WatchOut:
    """ 
        Attributes:
            id (int):
            kind (WatchOutKind):
            name (str): What is watched: the release's title, the outlet, the name.
            document_id (int | None):
            outlet_id (int | None):
            person (str):
            created_at (datetime.datetime):
     """

    id: int
    kind: WatchOutKind
    name: str
    document_id: int | None
    outlet_id: int | None
    person: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        name = self.name

        document_id: int | None
        document_id = self.document_id

        outlet_id: int | None
        outlet_id = self.outlet_id

        person = self.person

        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "kind": kind,
            "name": name,
            "document_id": document_id,
            "outlet_id": outlet_id,
            "person": person,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kind = WatchOutKind(d.pop("kind"))




        name = d.pop("name")

        def _parse_document_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        document_id = _parse_document_id(d.pop("document_id"))


        def _parse_outlet_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        outlet_id = _parse_outlet_id(d.pop("outlet_id"))


        person = d.pop("person")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        watch_out = cls(
            id=id,
            kind=kind,
            name=name,
            document_id=document_id,
            outlet_id=outlet_id,
            person=person,
            created_at=created_at,
        )


        watch_out.additional_properties = d
        return watch_out

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
