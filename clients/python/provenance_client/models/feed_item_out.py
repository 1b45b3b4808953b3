from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.feed_item_out_outcome import FeedItemOutOutcome
from typing import cast
import datetime






T = TypeVar("T", bound="FeedItemOut")



@_attrs_define
class FeedItemOut:
    """ 
        Attributes:
            url (str):
            title (str):
            published_at (datetime.datetime | None):
            seen_at (datetime.datetime):
            outcome (FeedItemOutOutcome):
            reason (str):
            document_id (int | None):
     """

    url: str
    title: str
    published_at: datetime.datetime | None
    seen_at: datetime.datetime
    outcome: FeedItemOutOutcome
    reason: str
    document_id: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        url = self.url

        title = self.title

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        seen_at = self.seen_at.isoformat()

        outcome = self.outcome.value

        reason = self.reason

        document_id: int | None
        document_id = self.document_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "url": url,
            "title": title,
            "published_at": published_at,
            "seen_at": seen_at,
            "outcome": outcome,
            "reason": reason,
            "document_id": document_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        title = d.pop("title")

        def _parse_published_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)



                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        published_at = _parse_published_at(d.pop("published_at"))


        seen_at = datetime.datetime.fromisoformat(d.pop("seen_at"))




        outcome = FeedItemOutOutcome(d.pop("outcome"))




        reason = d.pop("reason")

        def _parse_document_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        document_id = _parse_document_id(d.pop("document_id"))


        feed_item_out = cls(
            url=url,
            title=title,
            published_at=published_at,
            seen_at=seen_at,
            outcome=outcome,
            reason=reason,
            document_id=document_id,
        )


        feed_item_out.additional_properties = d
        return feed_item_out

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
