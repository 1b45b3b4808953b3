from __future__ import annotations

from django import forms


class CheckForm(forms.Form):
    # Lengths are checked by `workflow.read_article`, which says how long is too long.
    text = forms.CharField(
        label="Paste the article's text",
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    url = forms.CharField(
        label="…or give its address",
        required=False,
        max_length=2000,
        widget=forms.URLInput(attrs={"placeholder": "https://…"}),
    )


class ClassTokenForm(forms.Form):
    label = forms.CharField(label="Class name", max_length=200)
