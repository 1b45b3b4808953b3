from __future__ import annotations

from django import forms
from django.contrib.auth.validators import UnicodeUsernameValidator

from accounts.people import ROLE_CHOICES


class InviteForm(forms.Form):
    username = forms.CharField(max_length=150, validators=[UnicodeUsernameValidator()])
    email = forms.EmailField(label="Email address", help_text="The invitation link goes here.")
    role = forms.ChoiceField(choices=ROLE_CHOICES, required=False)


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=ROLE_CHOICES, required=False)


class ActiveForm(forms.Form):
    active = forms.TypedChoiceField(
        choices=[("1", "Reactivate"), ("0", "Deactivate")], coerce=lambda v: v == "1"
    )
