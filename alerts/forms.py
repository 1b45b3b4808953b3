from __future__ import annotations

from django import forms

from alerts.models import DigestSettings
from provenance import events


class PersonWatchForm(forms.Form):
    person = forms.CharField(
        label="Watch a person",
        max_length=200,
        help_text="Their name as the texts give it, e.g. “Richard Fuller”.",
    )


class DigestForm(forms.Form):
    frequency = forms.ChoiceField(
        label="Email me my new alerts",
        choices=DigestSettings.Frequency.choices,
        widget=forms.RadioSelect,
    )


class WebhookForm(forms.Form):
    url = forms.CharField(label="Address (URL)", max_length=500)
    events = forms.MultipleChoiceField(
        label="Events to send",
        choices=[(name, name) for name in events.EVENTS],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one event to send."},
    )
    secret = forms.CharField(
        label="Secret (leave empty to have one made)",
        max_length=200,
        required=False,
        help_text="Used to sign every delivery; shown once after you register.",
    )
