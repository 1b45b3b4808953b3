from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.annotation_filters_status_type_0 import AnnotationFiltersStatusType0
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AnnotationFilters")



@_attrs_define
class AnnotationFilters:
    """ 
        Attributes:
            document (int | None | Unset): On any version of this document.
            comparison (int | None | Unset): On either text of this comparison.
            label (str | Unset): A label's name or slug. Default: ''.
            status (AnnotationFiltersStatusType0 | None | Unset):
            user (str | Unset): Made by this user name. Default: ''.
            text (str | Unset): Words in the note. Default: ''.
            quote (str | Unset): Words in the annotated passage. Default: ''.
            cursor (str | Unset): The `next` link's cursor. Default: ''.
            limit (int | Unset):  Default: 25.
     """

    document: int | None | Unset = UNSET
    comparison: int | None | Unset = UNSET
    label: str | Unset = ''
    status: AnnotationFiltersStatusType0 | None | Unset = UNSET
    user: str | Unset = ''
    text: str | Unset = ''
    quote: str | Unset = ''
    cursor: str | Unset = ''
    limit: int | Unset = 25
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        document: int | None | Unset
        if isinstance(self.document, Unset):
            document = UNSET
        else:
            document = self.document

        comparison: int | None | Unset
        if isinstance(self.comparison, Unset):
            comparison = UNSET
        else:
            comparison = self.comparison

        label = self.label

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, AnnotationFiltersStatusType0):
            status = self.status.value
        else:
            status = self.status

        user = self.user

        text = self.text

        quote = self.quote

        cursor = self.cursor

        limit = self.limit


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if document is not UNSET:
            field_dict["document"] = document
        if comparison is not UNSET:
            field_dict["comparison"] = comparison
        if label is not UNSET:
            field_dict["label"] = label
        if status is not UNSET:
            field_dict["status"] = status
        if user is not UNSET:
            field_dict["user"] = user
        if text is not UNSET:
            field_dict["text"] = text
        if quote is not UNSET:
            field_dict["quote"] = quote
        if cursor is not UNSET:
            field_dict["cursor"] = cursor
        if limit is not UNSET:
            field_dict["limit"] = limit

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_document(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        document = _parse_document(d.pop("document", UNSET))


        def _parse_comparison(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        comparison = _parse_comparison(d.pop("comparison", UNSET))


        label = d.pop("label", UNSET)

        def _parse_status(data: object) -> AnnotationFiltersStatusType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = AnnotationFiltersStatusType0(data)



                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AnnotationFiltersStatusType0 | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))


        user = d.pop("user", UNSET)

        text = d.pop("text", UNSET)

        quote = d.pop("quote", UNSET)

        cursor = d.pop("cursor", UNSET)

        limit = d.pop("limit", UNSET)

        annotation_filters = cls(
            document=document,
            comparison=comparison,
            label=label,
            status=status,
            user=user,
            text=text,
            quote=quote,
            cursor=cursor,
            limit=limit,
        )


        annotation_filters.additional_properties = d
        return annotation_filters

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
