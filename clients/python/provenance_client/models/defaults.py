from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.defaults_kind import DefaultsKind
from ..types import UNSET, Unset






T = TypeVar("T", bound="Defaults")



@_attrs_define
class Defaults:
    """ Metadata for every item that does not give its own.

        Attributes:
            kind (DefaultsKind | Unset):  Default: DefaultsKind.ARTICLE.
            outlet (str | Unset):  Default: ''.
            author (str | Unset):  Default: ''.
            language (str | Unset):  Default: 'en'.
     """

    kind: DefaultsKind | Unset = DefaultsKind.ARTICLE
    outlet: str | Unset = ''
    author: str | Unset = ''
    language: str | Unset = 'en'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        outlet = self.outlet

        author = self.author

        language = self.language


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if kind is not UNSET:
            field_dict["kind"] = kind
        if outlet is not UNSET:
            field_dict["outlet"] = outlet
        if author is not UNSET:
            field_dict["author"] = author
        if language is not UNSET:
            field_dict["language"] = language

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _kind = d.pop("kind", UNSET)
        kind: DefaultsKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = DefaultsKind(_kind)




        outlet = d.pop("outlet", UNSET)

        author = d.pop("author", UNSET)

        language = d.pop("language", UNSET)

        defaults = cls(
            kind=kind,
            outlet=outlet,
            author=author,
            language=language,
        )


        defaults.additional_properties = d
        return defaults

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
