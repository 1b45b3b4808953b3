from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.source_out_role import SourceOutRole
from typing import cast






T = TypeVar("T", bound="SourceOut")



@_attrs_define
class SourceOut:
    """ One typed relation, as `SourceEntry.to_dict()` gives it.

        Attributes:
            document (int):
            title (str):
            kind (str):
            outlet (None | str):
            published_on (None | str):
            role (SourceOutRole):
            direct (bool):
            derivative_share (float):
            paraphrased_share (float):
            source_share (float):
            unique_share (float):
            reason (str):
            weak (bool):
            comparison (int | None):
            via (int | None):
            changed_at (None | str):
            change_reason (str):
     """

    document: int
    title: str
    kind: str
    outlet: None | str
    published_on: None | str
    role: SourceOutRole
    direct: bool
    derivative_share: float
    paraphrased_share: float
    source_share: float
    unique_share: float
    reason: str
    weak: bool
    comparison: int | None
    via: int | None
    changed_at: None | str
    change_reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        document = self.document

        title = self.title

        kind = self.kind

        outlet: None | str
        outlet = self.outlet

        published_on: None | str
        published_on = self.published_on

        role = self.role.value

        direct = self.direct

        derivative_share = self.derivative_share

        paraphrased_share = self.paraphrased_share

        source_share = self.source_share

        unique_share = self.unique_share

        reason = self.reason

        weak = self.weak

        comparison: int | None
        comparison = self.comparison

        via: int | None
        via = self.via

        changed_at: None | str
        changed_at = self.changed_at

        change_reason = self.change_reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "document": document,
            "title": title,
            "kind": kind,
            "outlet": outlet,
            "published_on": published_on,
            "role": role,
            "direct": direct,
            "derivative_share": derivative_share,
            "paraphrased_share": paraphrased_share,
            "source_share": source_share,
            "unique_share": unique_share,
            "reason": reason,
            "weak": weak,
            "comparison": comparison,
            "via": via,
            "changed_at": changed_at,
            "change_reason": change_reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        document = d.pop("document")

        title = d.pop("title")

        kind = d.pop("kind")

        def _parse_outlet(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outlet = _parse_outlet(d.pop("outlet"))


        def _parse_published_on(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        published_on = _parse_published_on(d.pop("published_on"))


        role = SourceOutRole(d.pop("role"))




        direct = d.pop("direct")

        derivative_share = d.pop("derivative_share")

        paraphrased_share = d.pop("paraphrased_share")

        source_share = d.pop("source_share")

        unique_share = d.pop("unique_share")

        reason = d.pop("reason")

        weak = d.pop("weak")

        def _parse_comparison(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        comparison = _parse_comparison(d.pop("comparison"))


        def _parse_via(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        via = _parse_via(d.pop("via"))


        def _parse_changed_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        changed_at = _parse_changed_at(d.pop("changed_at"))


        change_reason = d.pop("change_reason")

        source_out = cls(
            document=document,
            title=title,
            kind=kind,
            outlet=outlet,
            published_on=published_on,
            role=role,
            direct=direct,
            derivative_share=derivative_share,
            paraphrased_share=paraphrased_share,
            source_share=source_share,
            unique_share=unique_share,
            reason=reason,
            weak=weak,
            comparison=comparison,
            via=via,
            changed_at=changed_at,
            change_reason=change_reason,
        )


        source_out.additional_properties = d
        return source_out

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
