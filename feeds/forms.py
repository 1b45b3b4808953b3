"""The add-a-feed form; bad input becomes a message on the form, never a 500."""

from __future__ import annotations

from django import forms

from documents.errors import RejectedInput
from feeds.actions import NewFeed, check_feed
from feeds.models import MAX_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES, Feed


class FeedForm(forms.Form):
    url = forms.CharField(
        label="Feed address",
        max_length=2000,
        help_text="RSS, Atom, JSON Feed or a news sitemap.",
        widget=forms.URLInput(attrs={"placeholder": "https://newsroom.example.org/feed.xml"}),
    )
    kind = forms.ChoiceField(label="Its items are", choices=Feed.ItemKind.choices)
    outlet = forms.CharField(label="Outlet", max_length=200, required=False)
    every = forms.IntegerField(
        label="Poll every (minutes)",
        initial=60,
        min_value=MIN_INTERVAL_MINUTES,
        max_value=MAX_INTERVAL_MINUTES,
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if self.errors:
            return data
        try:
            self.new_feed = check_feed(
                NewFeed(
                    url=data["url"], kind=data["kind"], outlet=data["outlet"], every=data["every"]
                )
            )
        except RejectedInput as exc:
            raise forms.ValidationError(str(exc)) from exc
        return data
