from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.meta_kind import MetaKind
from ..models.meta_near_duplicates import MetaNearDuplicates
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Meta")



@_attrs_define
class Meta:
    """ 
        Attributes:
            kind (MetaKind | Unset):  Default: MetaKind.ARTICLE.
            title (str | Unset):  Default: ''.
            outlet (str | Unset):  Default: ''.
            author (str | Unset):  Default: ''.
            published (str | Unset): 2024-01-31 or 2024-01-31 09:30 Default: ''.
            language (str | Unset):  Default: 'en'.
            url (str | Unset): Where it was published. Default: ''.
            near_duplicates (MetaNearDuplicates | Unset): A text very like one held: ask (409), add as a version, or
                separate. Default: MetaNearDuplicates.ASK.
            version_of (int | None | Unset): Add as a new version of this document.
            encoding (str | Unset): For a file whose encoding detection is unsure: one of the encodings the 422 answer
                offers. Default: ''.
     """

    kind: MetaKind | Unset = MetaKind.ARTICLE
    title: str | Unset = ''
    outlet: str | Unset = ''
    author: str | Unset = ''
    published: str | Unset = ''
    language: str | Unset = 'en'
    url: str | Unset = ''
    near_duplicates: MetaNearDuplicates | Unset = MetaNearDuplicates.ASK
    version_of: int | None | Unset = UNSET
    encoding: str | Unset = ''
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        title = self.title

        outlet = self.outlet

        author = self.author

        published = self.published

        language = self.language

        url = self.url

        near_duplicates: str | Unset = UNSET
        if not isinstance(self.near_duplicates, Unset):
            near_duplicates = self.near_duplicates.value


        version_of: int | None | Unset
        if isinstance(self.version_of, Unset):
            version_of = UNSET
        else:
            version_of = self.version_of

        encoding = self.encoding


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if kind is not UNSET:
            field_dict["kind"] = kind
        if title is not UNSET:
            field_dict["title"] = title
        if outlet is not UNSET:
            field_dict["outlet"] = outlet
        if author is not UNSET:
            field_dict["author"] = author
        if published is not UNSET:
            field_dict["published"] = published
        if language is not UNSET:
            field_dict["language"] = language
        if url is not UNSET:
            field_dict["url"] = url
        if near_duplicates is not UNSET:
            field_dict["near_duplicates"] = near_duplicates
        if version_of is not UNSET:
            field_dict["version_of"] = version_of
        if encoding is not UNSET:
            field_dict["encoding"] = encoding

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _kind = d.pop("kind", UNSET)
        kind: MetaKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = MetaKind(_kind)




        title = d.pop("title", UNSET)

        outlet = d.pop("outlet", UNSET)

        author = d.pop("author", UNSET)

        published = d.pop("published", UNSET)

        language = d.pop("language", UNSET)

        url = d.pop("url", UNSET)

        _near_duplicates = d.pop("near_duplicates", UNSET)
        near_duplicates: MetaNearDuplicates | Unset
        if isinstance(_near_duplicates,  Unset):
            near_duplicates = UNSET
        else:
            near_duplicates = MetaNearDuplicates(_near_duplicates)




        def _parse_version_of(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version_of = _parse_version_of(d.pop("version_of", UNSET))


        encoding = d.pop("encoding", UNSET)

        meta = cls(
            kind=kind,
            title=title,
            outlet=outlet,
            author=author,
            published=published,
            language=language,
            url=url,
            near_duplicates=near_duplicates,
            version_of=version_of,
            encoding=encoding,
        )


        meta.additional_properties = d
        return meta

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
