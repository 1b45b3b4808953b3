from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.filters_kind_type_0 import FiltersKindType0
from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast
import datetime






T = TypeVar("T", bound="Filters")



@_attrs_define
class Filters:
    """ 
        Attributes:
            q (str | Unset): Words in the title, author, outlet or text. Default: ''.
            kind (FiltersKindType0 | None | Unset):
            outlet (str | Unset): Outlet name (case-insensitive). Default: ''.
            published_from (datetime.date | None | Unset):
            published_to (datetime.date | None | Unset):
            origin (int | None | Unset): Only documents whose origin is this one.
            archived (bool | Unset): Archived documents only (admins). Default: False.
            claim (Literal['strengthened'] | None | Unset): `strengthened`: only stories stating a claim more strongly than
                their source (or a study in animals or cells as about people), as the documents page flags.
            page (int | Unset):  Default: 1.
            per_page (int | Unset):  Default: 25.
     """

    q: str | Unset = ''
    kind: FiltersKindType0 | None | Unset = UNSET
    outlet: str | Unset = ''
    published_from: datetime.date | None | Unset = UNSET
    published_to: datetime.date | None | Unset = UNSET
    origin: int | None | Unset = UNSET
    archived: bool | Unset = False
    claim: Literal['strengthened'] | None | Unset = UNSET
    page: int | Unset = 1
    per_page: int | Unset = 25
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        q = self.q

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, FiltersKindType0):
            kind = self.kind.value
        else:
            kind = self.kind

        outlet = self.outlet

        published_from: None | str | Unset
        if isinstance(self.published_from, Unset):
            published_from = UNSET
        elif isinstance(self.published_from, datetime.date):
            published_from = self.published_from.isoformat()
        else:
            published_from = self.published_from

        published_to: None | str | Unset
        if isinstance(self.published_to, Unset):
            published_to = UNSET
        elif isinstance(self.published_to, datetime.date):
            published_to = self.published_to.isoformat()
        else:
            published_to = self.published_to

        origin: int | None | Unset
        if isinstance(self.origin, Unset):
            origin = UNSET
        else:
            origin = self.origin

        archived = self.archived

        claim: Literal['strengthened'] | None | Unset
        if isinstance(self.claim, Unset):
            claim = UNSET
        else:
            claim = self.claim

        page = self.page

        per_page = self.per_page


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if q is not UNSET:
            field_dict["q"] = q
        if kind is not UNSET:
            field_dict["kind"] = kind
        if outlet is not UNSET:
            field_dict["outlet"] = outlet
        if published_from is not UNSET:
            field_dict["published_from"] = published_from
        if published_to is not UNSET:
            field_dict["published_to"] = published_to
        if origin is not UNSET:
            field_dict["origin"] = origin
        if archived is not UNSET:
            field_dict["archived"] = archived
        if claim is not UNSET:
            field_dict["claim"] = claim
        if page is not UNSET:
            field_dict["page"] = page
        if per_page is not UNSET:
            field_dict["per_page"] = per_page

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        q = d.pop("q", UNSET)

        def _parse_kind(data: object) -> FiltersKindType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = FiltersKindType0(data)



                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FiltersKindType0 | None | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))


        outlet = d.pop("outlet", UNSET)

        def _parse_published_from(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_from_type_0 = datetime.date.fromisoformat(data)



                return published_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        published_from = _parse_published_from(d.pop("published_from", UNSET))


        def _parse_published_to(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_to_type_0 = datetime.date.fromisoformat(data)



                return published_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        published_to = _parse_published_to(d.pop("published_to", UNSET))


        def _parse_origin(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        origin = _parse_origin(d.pop("origin", UNSET))


        archived = d.pop("archived", UNSET)

        def _parse_claim(data: object) -> Literal['strengthened'] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            claim_type_0 = cast(Literal['strengthened'] , data)
            if claim_type_0 != 'strengthened':
                raise ValueError(f"claim_type_0 must match const 'strengthened', got '{claim_type_0}'")
            return claim_type_0
            return cast(Literal['strengthened'] | None | Unset, data)

        claim = _parse_claim(d.pop("claim", UNSET))


        page = d.pop("page", UNSET)

        per_page = d.pop("per_page", UNSET)

        filters = cls(
            q=q,
            kind=kind,
            outlet=outlet,
            published_from=published_from,
            published_to=published_to,
            origin=origin,
            archived=archived,
            claim=claim,
            page=page,
            per_page=per_page,
        )


        filters.additional_properties = d
        return filters

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
