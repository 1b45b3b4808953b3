from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.share_in_expires_in_days_type_0 import ShareInExpiresInDaysType0
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ShareIn")



@_attrs_define
class ShareIn:
    """ 
        Attributes:
            expires_in_days (None | ShareInExpiresInDaysType0 | Unset): Leave out for a link that works until revoked.
     """

    expires_in_days: None | ShareInExpiresInDaysType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        expires_in_days: int | None | Unset
        if isinstance(self.expires_in_days, Unset):
            expires_in_days = UNSET
        elif isinstance(self.expires_in_days, ShareInExpiresInDaysType0):
            expires_in_days = self.expires_in_days.value
        else:
            expires_in_days = self.expires_in_days


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if expires_in_days is not UNSET:
            field_dict["expires_in_days"] = expires_in_days

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_expires_in_days(data: object) -> None | ShareInExpiresInDaysType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                expires_in_days_type_0 = ShareInExpiresInDaysType0(data)



                return expires_in_days_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ShareInExpiresInDaysType0 | Unset, data)

        expires_in_days = _parse_expires_in_days(d.pop("expires_in_days", UNSET))


        share_in = cls(
            expires_in_days=expires_in_days,
        )


        share_in.additional_properties = d
        return share_in

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
