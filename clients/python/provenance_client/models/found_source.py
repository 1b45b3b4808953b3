from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.document_ref import DocumentRef





T = TypeVar("T", bound="FoundSource")



@_attrs_define
class FoundSource:
    """ 
        Attributes:
            document (DocumentRef):
            version (int):
            derivative_share (float): Share of the article's words taken from it.
            paraphrased_share (float):
            source_share (float): Share of the source's words the article reused.
     """

    document: DocumentRef
    version: int
    derivative_share: float
    paraphrased_share: float
    source_share: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.document_ref import DocumentRef # noqa: PLC0415
        document = self.document.to_dict()

        version = self.version

        derivative_share = self.derivative_share

        paraphrased_share = self.paraphrased_share

        source_share = self.source_share


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "document": document,
            "version": version,
            "derivative_share": derivative_share,
            "paraphrased_share": paraphrased_share,
            "source_share": source_share,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.document_ref import DocumentRef # noqa: PLC0415
        d = dict(src_dict)
        document = DocumentRef.from_dict(d.pop("document"))




        version = d.pop("version")

        derivative_share = d.pop("derivative_share")

        paraphrased_share = d.pop("paraphrased_share")

        source_share = d.pop("source_share")

        found_source = cls(
            document=document,
            version=version,
            derivative_share=derivative_share,
            paraphrased_share=paraphrased_share,
            source_share=source_share,
        )


        found_source.additional_properties = d
        return found_source

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
