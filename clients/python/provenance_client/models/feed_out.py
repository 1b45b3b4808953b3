from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.feed_out_status import FeedOutStatus
from typing import cast
import datetime






T = TypeVar("T", bound="FeedOut")



@_attrs_define
class FeedOut:
    """ 
        Attributes:
            id (int):
            url (str):
            title (str):
            kind (str):
            outlet (str):
            every (int):
            status (FeedOutStatus):
            paused_reason (str):
            last_polled_at (datetime.datetime | None):
            next_poll_at (datetime.datetime | None):
            last_error (str):
            failures (int):
            items_found (int):
            items_added (int):
            items_skipped (int):
            items_url (str):
     """

    id: int
    url: str
    title: str
    kind: str
    outlet: str
    every: int
    status: FeedOutStatus
    paused_reason: str
    last_polled_at: datetime.datetime | None
    next_poll_at: datetime.datetime | None
    last_error: str
    failures: int
    items_found: int
    items_added: int
    items_skipped: int
    items_url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        url = self.url

        title = self.title

        kind = self.kind

        outlet = self.outlet

        every = self.every

        status = self.status.value

        paused_reason = self.paused_reason

        last_polled_at: None | str
        if isinstance(self.last_polled_at, datetime.datetime):
            last_polled_at = self.last_polled_at.isoformat()
        else:
            last_polled_at = self.last_polled_at

        next_poll_at: None | str
        if isinstance(self.next_poll_at, datetime.datetime):
            next_poll_at = self.next_poll_at.isoformat()
        else:
            next_poll_at = self.next_poll_at

        last_error = self.last_error

        failures = self.failures

        items_found = self.items_found

        items_added = self.items_added

        items_skipped = self.items_skipped

        items_url = self.items_url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "url": url,
            "title": title,
            "kind": kind,
            "outlet": outlet,
            "every": every,
            "status": status,
            "paused_reason": paused_reason,
            "last_polled_at": last_polled_at,
            "next_poll_at": next_poll_at,
            "last_error": last_error,
            "failures": failures,
            "items_found": items_found,
            "items_added": items_added,
            "items_skipped": items_skipped,
            "items_url": items_url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        url = d.pop("url")

        title = d.pop("title")

        kind = d.pop("kind")

        outlet = d.pop("outlet")

        every = d.pop("every")

        status = FeedOutStatus(d.pop("status"))




        paused_reason = d.pop("paused_reason")

        def _parse_last_polled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_polled_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_polled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_polled_at = _parse_last_polled_at(d.pop("last_polled_at"))


        def _parse_next_poll_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_poll_at_type_0 = datetime.datetime.fromisoformat(data)



                return next_poll_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_poll_at = _parse_next_poll_at(d.pop("next_poll_at"))


        last_error = d.pop("last_error")

        failures = d.pop("failures")

        items_found = d.pop("items_found")

        items_added = d.pop("items_added")

        items_skipped = d.pop("items_skipped")

        items_url = d.pop("items_url")

        feed_out = cls(
            id=id,
            url=url,
            title=title,
            kind=kind,
            outlet=outlet,
            every=every,
            status=status,
            paused_reason=paused_reason,
            last_polled_at=last_polled_at,
            next_poll_at=next_poll_at,
            last_error=last_error,
            failures=failures,
            items_found=items_found,
            items_added=items_added,
            items_skipped=items_skipped,
            items_url=items_url,
        )


        feed_out.additional_properties = d
        return feed_out

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
