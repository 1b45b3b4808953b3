from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ImportJobOut")



@_attrs_define
class ImportJobOut:
    """ 
        Attributes:
            id (int):
            name (str):
            status (str):
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
     """

    id: int
    name: str
    status: str
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        status = self.status

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

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        status = d.pop("status")

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
