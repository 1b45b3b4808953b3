from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.create_out_status import CreateOutStatus
from typing import cast

if TYPE_CHECKING:
  from ..models.document_out import DocumentOut





T = TypeVar("T", bound="CreateOut")



@_attrs_define
class CreateOut:
    """ 
        Attributes:
            status (CreateOutStatus):
            message (str):
            document (DocumentOut):
     """

    status: CreateOutStatus
    message: str
    document: DocumentOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.document_out import DocumentOut # noqa: PLC0415
        status = self.status.value

        message = self.message

        document = self.document.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "status": status,
            "message": message,
            "document": document,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.document_out import DocumentOut # noqa: PLC0415
        d = dict(src_dict)
        status = CreateOutStatus(d.pop("status"))




        message = d.pop("message")

        document = DocumentOut.from_dict(d.pop("document"))




        create_out = cls(
            status=status,
            message=message,
            document=document,
        )


        create_out.additional_properties = d
        return create_out

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
