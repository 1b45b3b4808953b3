from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.comparison_out_status import ComparisonOutStatus
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.comparison_out_result_type_0 import ComparisonOutResultType0
  from ..models.document_ref import DocumentRef
  from ..models.finding_out import FindingOut





T = TypeVar("T", bound="ComparisonOut")



@_attrs_define
class ComparisonOut:
    """ 
        Attributes:
            id (int):
            status (ComparisonOutStatus):
            progress (int):
            error (str):
            source (DocumentRef):
            derivative (DocumentRef):
            source_version (int):
            derivative_version (int):
            engine_version (str):
            computed_at (datetime.datetime | None):
            derivative_share (float | None):
            source_share (float | None):
            paraphrased_share (float | None):
            url (str):
            status_url (str):
            page (str):
            result (ComparisonOutResultType0 | None):
            findings (list[FindingOut] | None): The engine's findings, most important first; null until done.
     """

    id: int
    status: ComparisonOutStatus
    progress: int
    error: str
    source: DocumentRef
    derivative: DocumentRef
    source_version: int
    derivative_version: int
    engine_version: str
    computed_at: datetime.datetime | None
    derivative_share: float | None
    source_share: float | None
    paraphrased_share: float | None
    url: str
    status_url: str
    page: str
    result: ComparisonOutResultType0 | None
    findings: list[FindingOut] | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.comparison_out_result_type_0 import ComparisonOutResultType0 # noqa: PLC0415
        from ..models.document_ref import DocumentRef # noqa: PLC0415
        from ..models.finding_out import FindingOut # noqa: PLC0415
        id = self.id

        status = self.status.value

        progress = self.progress

        error = self.error

        source = self.source.to_dict()

        derivative = self.derivative.to_dict()

        source_version = self.source_version

        derivative_version = self.derivative_version

        engine_version = self.engine_version

        computed_at: None | str
        if isinstance(self.computed_at, datetime.datetime):
            computed_at = self.computed_at.isoformat()
        else:
            computed_at = self.computed_at

        derivative_share: float | None
        derivative_share = self.derivative_share

        source_share: float | None
        source_share = self.source_share

        paraphrased_share: float | None
        paraphrased_share = self.paraphrased_share

        url = self.url

        status_url = self.status_url

        page = self.page

        result: dict[str, Any] | None
        if isinstance(self.result, ComparisonOutResultType0):
            result = self.result.to_dict()
        else:
            result = self.result

        findings: list[dict[str, Any]] | None
        if isinstance(self.findings, list):
            findings = []
            for findings_type_0_item_data in self.findings:
                findings_type_0_item = findings_type_0_item_data.to_dict()
                findings.append(findings_type_0_item)


        else:
            findings = self.findings


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "status": status,
            "progress": progress,
            "error": error,
            "source": source,
            "derivative": derivative,
            "source_version": source_version,
            "derivative_version": derivative_version,
            "engine_version": engine_version,
            "computed_at": computed_at,
            "derivative_share": derivative_share,
            "source_share": source_share,
            "paraphrased_share": paraphrased_share,
            "url": url,
            "status_url": status_url,
            "page": page,
            "result": result,
            "findings": findings,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.comparison_out_result_type_0 import ComparisonOutResultType0 # noqa: PLC0415
        from ..models.document_ref import DocumentRef # noqa: PLC0415
        from ..models.finding_out import FindingOut # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        status = ComparisonOutStatus(d.pop("status"))




        progress = d.pop("progress")

        error = d.pop("error")

        source = DocumentRef.from_dict(d.pop("source"))




        derivative = DocumentRef.from_dict(d.pop("derivative"))




        source_version = d.pop("source_version")

        derivative_version = d.pop("derivative_version")

        engine_version = d.pop("engine_version")

        def _parse_computed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                computed_at_type_0 = datetime.datetime.fromisoformat(data)



                return computed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        computed_at = _parse_computed_at(d.pop("computed_at"))


        def _parse_derivative_share(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        derivative_share = _parse_derivative_share(d.pop("derivative_share"))


        def _parse_source_share(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        source_share = _parse_source_share(d.pop("source_share"))


        def _parse_paraphrased_share(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        paraphrased_share = _parse_paraphrased_share(d.pop("paraphrased_share"))


        url = d.pop("url")

        status_url = d.pop("status_url")

        page = d.pop("page")

        def _parse_result(data: object) -> ComparisonOutResultType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_0 = ComparisonOutResultType0.from_dict(data)



                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ComparisonOutResultType0 | None, data)

        result = _parse_result(d.pop("result"))


        def _parse_findings(data: object) -> list[FindingOut] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                findings_type_0 = []
                _findings_type_0 = data
                for findings_type_0_item_data in (_findings_type_0):
                    findings_type_0_item = FindingOut.from_dict(findings_type_0_item_data)



                    findings_type_0.append(findings_type_0_item)

                return findings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[FindingOut] | None, data)

        findings = _parse_findings(d.pop("findings"))


        comparison_out = cls(
            id=id,
            status=status,
            progress=progress,
            error=error,
            source=source,
            derivative=derivative,
            source_version=source_version,
            derivative_version=derivative_version,
            engine_version=engine_version,
            computed_at=computed_at,
            derivative_share=derivative_share,
            source_share=source_share,
            paraphrased_share=paraphrased_share,
            url=url,
            status_url=status_url,
            page=page,
            result=result,
            findings=findings,
        )


        comparison_out.additional_properties = d
        return comparison_out

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
