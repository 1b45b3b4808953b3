from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.alert_out_kind import AlertOutKind
from typing import cast
import datetime






T = TypeVar("T", bound="AlertOut")



@_attrs_define
class AlertOut:
    """ 
        Attributes:
            id (int):
            kind (AlertOutKind):
            message (str):
            watch_id (int | None): None once the watch has been removed.
            comparison_id (int | None):
            document_id (int | None):
            url (str): The comparison page at the finding, or the document's page.
            created_at (datetime.datetime):
            read_at (datetime.datetime | None):
     """

    id: int
    kind: AlertOutKind
    message: str
    watch_id: int | None
    comparison_id: int | None
    document_id: int | None
    url: str
    created_at: datetime.datetime
    read_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        message = self.message

        watch_id: int | None
        watch_id = self.watch_id

        comparison_id: int | None
        comparison_id = self.comparison_id

        document_id: int | None
        document_id = self.document_id

        url = self.url

        created_at = self.created_at.isoformat()

        read_at: None | str
        if isinstance(self.read_at, datetime.datetime):
            read_at = self.read_at.isoformat()
        else:
            read_at = self.read_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "kind": kind,
            "message": message,
            "watch_id": watch_id,
            "comparison_id": comparison_id,
            "document_id": document_id,
            "url": url,
            "created_at": created_at,
            "read_at": read_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kind = AlertOutKind(d.pop("kind"))




        message = d.pop("message")

        def _parse_watch_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        watch_id = _parse_watch_id(d.pop("watch_id"))


        def _parse_comparison_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        comparison_id = _parse_comparison_id(d.pop("comparison_id"))


        def _parse_document_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        document_id = _parse_document_id(d.pop("document_id"))


        url = d.pop("url")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_read_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                read_at_type_0 = datetime.datetime.fromisoformat(data)



                return read_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        read_at = _parse_read_at(d.pop("read_at"))


        alert_out = cls(
            id=id,
            kind=kind,
            message=message,
            watch_id=watch_id,
            comparison_id=comparison_id,
            document_id=document_id,
            url=url,
            created_at=created_at,
            read_at=read_at,
        )


        alert_out.additional_properties = d
        return alert_out

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
