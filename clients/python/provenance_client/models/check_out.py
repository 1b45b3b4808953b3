from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.check_out_result_type_0 import CheckOutResultType0
  from ..models.found_source import FoundSource





T = TypeVar("T", bound="CheckOut")



@_attrs_define
class CheckOut:
    """ 
        Attributes:
            title (str):
            sources (list[FoundSource]): Strongest first.
            best (FoundSource | None): The source the comparison is with.
            result (CheckOutResultType0 | None):
     """

    title: str
    sources: list[FoundSource]
    best: FoundSource | None
    result: CheckOutResultType0 | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.check_out_result_type_0 import CheckOutResultType0 # noqa: PLC0415
        from ..models.found_source import FoundSource # noqa: PLC0415
        title = self.title

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)



        best: dict[str, Any] | None
        if isinstance(self.best, FoundSource):
            best = self.best.to_dict()
        else:
            best = self.best

        result: dict[str, Any] | None
        if isinstance(self.result, CheckOutResultType0):
            result = self.result.to_dict()
        else:
            result = self.result


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "title": title,
            "sources": sources,
            "best": best,
            "result": result,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.check_out_result_type_0 import CheckOutResultType0 # noqa: PLC0415
        from ..models.found_source import FoundSource # noqa: PLC0415
        d = dict(src_dict)
        title = d.pop("title")

        sources = []
        _sources = d.pop("sources")
        for sources_item_data in (_sources):
            sources_item = FoundSource.from_dict(sources_item_data)



            sources.append(sources_item)


        def _parse_best(data: object) -> FoundSource | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                best_type_0 = FoundSource.from_dict(data)



                return best_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FoundSource | None, data)

        best = _parse_best(d.pop("best"))


        def _parse_result(data: object) -> CheckOutResultType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_0 = CheckOutResultType0.from_dict(data)



                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CheckOutResultType0 | None, data)

        result = _parse_result(d.pop("result"))


        check_out = cls(
            title=title,
            sources=sources,
            best=best,
            result=result,
        )


        check_out.additional_properties = d
        return check_out

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
