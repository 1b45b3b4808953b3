from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.token_in_scope import TokenInScope
from ..types import UNSET, Unset






T = TypeVar("T", bound="TokenIn")



@_attrs_define
class TokenIn:
    """ 
        Attributes:
            name (str):
            expires_in_days (int | Unset): How long the token works, in days. Default: 90.
            scope (TokenInScope | Unset): `read` for a token that may only read (GET). Default: TokenInScope.WRITE.
     """

    name: str
    expires_in_days: int | Unset = 90
    scope: TokenInScope | Unset = TokenInScope.WRITE
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        expires_in_days = self.expires_in_days

        scope: str | Unset = UNSET
        if not isinstance(self.scope, Unset):
            scope = self.scope.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
        })
        if expires_in_days is not UNSET:
            field_dict["expires_in_days"] = expires_in_days
        if scope is not UNSET:
            field_dict["scope"] = scope

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        expires_in_days = d.pop("expires_in_days", UNSET)

        _scope = d.pop("scope", UNSET)
        scope: TokenInScope | Unset
        if isinstance(_scope,  Unset):
            scope = UNSET
        else:
            scope = TokenInScope(_scope)




        token_in = cls(
            name=name,
            expires_in_days=expires_in_days,
            scope=scope,
        )


        token_in.additional_properties = d
        return token_in

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
