from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.sources_out_status import SourcesOutStatus
from typing import cast

if TYPE_CHECKING:
  from ..models.source_out import SourceOut





T = TypeVar("T", bound="SourcesOut")



@_attrs_define
class SourcesOut:
    """ `sources_report(...).to_dict()`: what `find_sources ID --json` prints.

        Attributes:
            document (int):
            title (str):
            status (SourcesOutStatus):
            threshold (float):
            sources (list[SourceOut]):
            derivatives (list[SourceOut]):
            unexplained_share (float | None):
     """

    document: int
    title: str
    status: SourcesOutStatus
    threshold: float
    sources: list[SourceOut]
    derivatives: list[SourceOut]
    unexplained_share: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.source_out import SourceOut # noqa: PLC0415
        document = self.document

        title = self.title

        status = self.status.value

        threshold = self.threshold

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)



        derivatives = []
        for derivatives_item_data in self.derivatives:
            derivatives_item = derivatives_item_data.to_dict()
            derivatives.append(derivatives_item)



        unexplained_share: float | None
        unexplained_share = self.unexplained_share


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "document": document,
            "title": title,
            "status": status,
            "threshold": threshold,
            "sources": sources,
            "derivatives": derivatives,
            "unexplained_share": unexplained_share,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.source_out import SourceOut # noqa: PLC0415
        d = dict(src_dict)
        document = d.pop("document")

        title = d.pop("title")

        status = SourcesOutStatus(d.pop("status"))




        threshold = d.pop("threshold")

        sources = []
        _sources = d.pop("sources")
        for sources_item_data in (_sources):
            sources_item = SourceOut.from_dict(sources_item_data)



            sources.append(sources_item)


        derivatives = []
        _derivatives = d.pop("derivatives")
        for derivatives_item_data in (_derivatives):
            derivatives_item = SourceOut.from_dict(derivatives_item_data)



            derivatives.append(derivatives_item)


        def _parse_unexplained_share(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        unexplained_share = _parse_unexplained_share(d.pop("unexplained_share"))


        sources_out = cls(
            document=document,
            title=title,
            status=status,
            threshold=threshold,
            sources=sources,
            derivatives=derivatives,
            unexplained_share=unexplained_share,
        )


        sources_out.additional_properties = d
        return sources_out

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
