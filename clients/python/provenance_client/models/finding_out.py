from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.finding_out_derived_level_type_0 import FindingOutDerivedLevelType0
from ..models.finding_out_severity import FindingOutSeverity
from ..models.finding_out_source_level_type_0 import FindingOutSourceLevelType0
from ..models.finding_out_type import FindingOutType
from typing import cast






T = TypeVar("T", bound="FindingOut")



@_attrs_define
class FindingOut:
    """ 
        Attributes:
            type_ (FindingOutType): What was found. The claim kinds: `claim_strengthened` (the article states a finding more
                strongly), `claim_weakened` (more cautiously), `subjects_generalised` (a study in animals or cells told about
                people), `advice_added` (the article tells readers what to do; the release did not).
            severity (FindingOutSeverity):
            message (str): The finding in one plain sentence.
            reason (str): Why, naming the words on each side.
            source_span (list[int] | None): The source's sentence or words, if any.
            derivative_span (list[int] | None): The derivative's, if any.
            source_words (None | str): Claim kinds: the deciding words in the source (e.g. “is linked to”).
            derived_words (None | str): Claim kinds: the deciding words in the derivative (e.g. “cuts”).
            source_level (FindingOutSourceLevelType0 | None): Claim kinds: how strongly the source states the claim.
            derived_level (FindingOutDerivedLevelType0 | None): Claim kinds: how strongly the derivative states it.
     """

    type_: FindingOutType
    severity: FindingOutSeverity
    message: str
    reason: str
    source_span: list[int] | None
    derivative_span: list[int] | None
    source_words: None | str
    derived_words: None | str
    source_level: FindingOutSourceLevelType0 | None
    derived_level: FindingOutDerivedLevelType0 | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        severity = self.severity.value

        message = self.message

        reason = self.reason

        source_span: list[int] | None
        if isinstance(self.source_span, list):
            source_span = self.source_span


        else:
            source_span = self.source_span

        derivative_span: list[int] | None
        if isinstance(self.derivative_span, list):
            derivative_span = self.derivative_span


        else:
            derivative_span = self.derivative_span

        source_words: None | str
        source_words = self.source_words

        derived_words: None | str
        derived_words = self.derived_words

        source_level: None | str
        if isinstance(self.source_level, FindingOutSourceLevelType0):
            source_level = self.source_level.value
        else:
            source_level = self.source_level

        derived_level: None | str
        if isinstance(self.derived_level, FindingOutDerivedLevelType0):
            derived_level = self.derived_level.value
        else:
            derived_level = self.derived_level


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "type": type_,
            "severity": severity,
            "message": message,
            "reason": reason,
            "source_span": source_span,
            "derivative_span": derivative_span,
            "source_words": source_words,
            "derived_words": derived_words,
            "source_level": source_level,
            "derived_level": derived_level,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = FindingOutType(d.pop("type"))




        severity = FindingOutSeverity(d.pop("severity"))




        message = d.pop("message")

        reason = d.pop("reason")

        def _parse_source_span(data: object) -> list[int] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                source_span_type_0 = cast(list[int], data)

                return source_span_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None, data)

        source_span = _parse_source_span(d.pop("source_span"))


        def _parse_derivative_span(data: object) -> list[int] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                derivative_span_type_0 = cast(list[int], data)

                return derivative_span_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None, data)

        derivative_span = _parse_derivative_span(d.pop("derivative_span"))


        def _parse_source_words(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source_words = _parse_source_words(d.pop("source_words"))


        def _parse_derived_words(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        derived_words = _parse_derived_words(d.pop("derived_words"))


        def _parse_source_level(data: object) -> FindingOutSourceLevelType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                source_level_type_0 = FindingOutSourceLevelType0(data)



                return source_level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FindingOutSourceLevelType0 | None, data)

        source_level = _parse_source_level(d.pop("source_level"))


        def _parse_derived_level(data: object) -> FindingOutDerivedLevelType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                derived_level_type_0 = FindingOutDerivedLevelType0(data)



                return derived_level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FindingOutDerivedLevelType0 | None, data)

        derived_level = _parse_derived_level(d.pop("derived_level"))


        finding_out = cls(
            type_=type_,
            severity=severity,
            message=message,
            reason=reason,
            source_span=source_span,
            derivative_span=derivative_span,
            source_words=source_words,
            derived_words=derived_words,
            source_level=source_level,
            derived_level=derived_level,
        )


        finding_out.additional_properties = d
        return finding_out

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
