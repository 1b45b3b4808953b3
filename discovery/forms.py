"""Filters of the discovery pages, checked before they reach a query."""

from __future__ import annotations

from django import forms

from documents.models import Outlet


class GraphFilterForm(forms.Form):
    outlet = forms.ModelChoiceField(
        queryset=Outlet.objects.all(),
        required=False,
        error_messages={"invalid_choice": "There is no such outlet; pick one from the list."},
    )
    document = forms.IntegerField(
        required=False,
        min_value=1,
        error_messages={"invalid": "The document must be given by its number."},
    )
    q = forms.CharField(required=False, max_length=200, strip=True)
    siblings = forms.BooleanField(required=False)

    def clean_q(self) -> str:
        return str(self.cleaned_data.get("q") or "")[:200]
