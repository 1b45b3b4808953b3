from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field
import json
from .. import types

from ..types import UNSET, Unset

from ..models.import_create_multi_part_body_params_kind import ImportCreateMultiPartBodyParamsKind
from ..types import File, FileTypes
from ..types import UNSET, Unset
from io import BytesIO
from typing import cast






T = TypeVar("T", bound="ImportCreateMultiPartBodyParams")



@_attrs_define
class ImportCreateMultiPartBodyParams:
    """ 
        Attributes:
            kind (ImportCreateMultiPartBodyParamsKind | Unset):  Default: ImportCreateMultiPartBodyParamsKind.ARTICLE.
            outlet (str | Unset):  Default: ''.
            author (str | Unset):  Default: ''.
            language (str | Unset):  Default: 'en'.
            file (File | None | Unset):
     """

    kind: ImportCreateMultiPartBodyParamsKind | Unset = ImportCreateMultiPartBodyParamsKind.ARTICLE
    outlet: str | Unset = ''
    author: str | Unset = ''
    language: str | Unset = 'en'
    file: File | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        outlet = self.outlet

        author = self.author

        language = self.language

        file: FileTypes | None | Unset
        if isinstance(self.file, Unset):
            file = UNSET
        elif isinstance(self.file, File):
            file = self.file.to_tuple()

        else:
            file = self.file


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if kind is not UNSET:
            field_dict["kind"] = kind
        if outlet is not UNSET:
            field_dict["outlet"] = outlet
        if author is not UNSET:
            field_dict["author"] = author
        if language is not UNSET:
            field_dict["language"] = language
        if file is not UNSET:
            field_dict["file"] = file

        return field_dict


    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        if not isinstance(self.kind, Unset):
            files.append(("kind",  (None, str(self.kind.value).encode(), "text/plain")))



        if not isinstance(self.outlet, Unset):
            files.append(("outlet", (None, str(self.outlet).encode(), "text/plain")))



        if not isinstance(self.author, Unset):
            files.append(("author", (None, str(self.author).encode(), "text/plain")))



        if not isinstance(self.language, Unset):
            files.append(("language", (None, str(self.language).encode(), "text/plain")))



        if not isinstance(self.file, Unset):
            if isinstance(self.file, File):

                files.append(("file", self.file.to_tuple()))
            else:
                files.append(("file", (None, str(self.file).encode(), "text/plain")))



        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))



        return files


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _kind = d.pop("kind", UNSET)
        kind: ImportCreateMultiPartBodyParamsKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = ImportCreateMultiPartBodyParamsKind(_kind)




        outlet = d.pop("outlet", UNSET)

        author = d.pop("author", UNSET)

        language = d.pop("language", UNSET)

        def _parse_file(data: object) -> File | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, bytes):
                    raise TypeError()
                file_type_0 = File(
                     payload = BytesIO(data)
                )



                return file_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(File | None | Unset, data)

        file = _parse_file(d.pop("file", UNSET))


        import_create_multi_part_body_params = cls(
            kind=kind,
            outlet=outlet,
            author=author,
            language=language,
            file=file,
        )


        import_create_multi_part_body_params.additional_properties = d
        return import_create_multi_part_body_params

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
