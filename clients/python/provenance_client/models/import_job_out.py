from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.import_job_out_status import ImportJobOutStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.document_ref import DocumentRef





T = TypeVar("T", bound="ImportJobOut")



@_attrs_define
class ImportJobOut:
    """ 
        Attributes:
            id (int):
            name (str):
            status (ImportJobOutStatus): stalled: its worker stopped; POST …/resume restarts it.
            finished (bool):
            total (int):
            processed (int):
            percent (int):
            added (int):
            new_versions (int):
            duplicates (int):
            rejected (int):
            error (str):
            url (str):
            document (DocumentRef | None | Unset): For a URL fetched by the worker: the document, once stored.
     """

    id: int
    name: str
    status: ImportJobOutStatus
    finished: bool
    total: int
    processed: int
    percent: int
    added: int
    new_versions: int
    duplicates: int
    rejected: int
    error: str
    url: str
    document: DocumentRef | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.document_ref import DocumentRef # noqa: PLC0415
        id = self.id

        name = self.name

        status = self.status.value

        finished = self.finished

        total = self.total

        processed = self.processed

        percent = self.percent

        added = self.added

        new_versions = self.new_versions

        duplicates = self.duplicates

        rejected = self.rejected

        error = self.error

        url = self.url

        document: dict[str, Any] | None | Unset
        if isinstance(self.document, Unset):
            document = UNSET
        elif isinstance(self.document, DocumentRef):
            document = self.document.to_dict()
        else:
            document = self.document


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "status": status,
            "finished": finished,
            "total": total,
            "processed": processed,
            "percent": percent,
            "added": added,
            "new_versions": new_versions,
            "duplicates": duplicates,
            "rejected": rejected,
            "error": error,
            "url": url,
        })
        if document is not UNSET:
            field_dict["document"] = document

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.document_ref import DocumentRef # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        status = ImportJobOutStatus(d.pop("status"))




        finished = d.pop("finished")

        total = d.pop("total")

        processed = d.pop("processed")

        percent = d.pop("percent")

        added = d.pop("added")

        new_versions = d.pop("new_versions")

        duplicates = d.pop("duplicates")

        rejected = d.pop("rejected")

        error = d.pop("error")

        url = d.pop("url")

        def _parse_document(data: object) -> DocumentRef | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                document_type_0 = DocumentRef.from_dict(data)



                return document_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DocumentRef | None | Unset, data)

        document = _parse_document(d.pop("document", UNSET))


        import_job_out = cls(
            id=id,
            name=name,
            status=status,
            finished=finished,
            total=total,
            processed=processed,
            percent=percent,
            added=added,
            new_versions=new_versions,
            duplicates=duplicates,
            rejected=rejected,
            error=error,
            url=url,
            document=document,
        )


        import_job_out.additional_properties = d
        return import_job_out

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
