"""Forms for the document pages; each translates bad input into a message in the form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from documents.errors import RejectedInput
from documents.metadata import parse_published
from documents.models import Document, Outlet


class DocumentFilterForm(forms.Form):
    q = forms.CharField(label="Search", required=False, max_length=200)
    kind = forms.ChoiceField(choices=[("", "Any kind"), *Document.Kind.choices], required=False)
    outlet = forms.ModelChoiceField(
        queryset=Outlet.objects.all(), required=False, empty_label="Any outlet"
    )
    published_from = forms.DateField(
        label="Published from", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    published_to = forms.DateField(
        label="Published to", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    archived = forms.BooleanField(label="Show archived only", required=False)
    claim = forms.ChoiceField(
        label="Claims",
        choices=[("", "Any"), ("strengthened", "Stated more strongly than the source")],
        required=False,
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile[bytes]]:
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class MetadataFields(forms.Form):
    """Metadata an admin may give; anything left blank comes from the file where it can."""

    kind = forms.ChoiceField(choices=Document.Kind.choices, initial=Document.Kind.ARTICLE)
    title = forms.CharField(required=False, max_length=500, help_text="Blank: from the file.")
    outlet = forms.CharField(
        required=False, max_length=200, help_text="Who published it, e.g. GOV.UK (Home Office)."
    )
    author = forms.CharField(required=False, max_length=300)
    published = forms.CharField(
        label="Published",
        required=False,
        max_length=60,
        help_text="A date, with the time if known: 2024-01-31 or 2024-01-31 09:30.",
    )
    language = forms.CharField(required=False, max_length=20, initial="en")

    def clean_published(self) -> str:
        value: str = self.cleaned_data["published"].strip()
        try:
            parse_published(value)
        except RejectedInput as exc:
            raise forms.ValidationError(exc.message) from exc
        return value


class UploadForm(MetadataFields):
    text = forms.CharField(
        label="Paste text", required=False, widget=forms.Textarea(attrs={"rows": 10})
    )
    # The metaclass moves declared fields into base_fields, so this does not replace
    # BaseForm.files (the request's uploads) as mypy believes.
    files = MultipleFileField(  # type: ignore[assignment]
        label="Or choose files",
        required=False,
        help_text="Text, HTML, Markdown, Word (.docx) or PDF; several files, a .zip, "
        "or a CSV / JSONL manifest make a bulk import.",
    )
    url = forms.URLField(
        label="URL",
        required=False,
        max_length=2000,
        assume_scheme="https",
        help_text="Where it was published. With no text or file, we fetch this page.",
    )
    # Set when the admin answers "is this a new version?" for a near-duplicate.
    near_duplicate = forms.ChoiceField(
        choices=[("", "Ask"), ("version", "Add as a new version"), ("separate", "Keep separate")],
        required=False,
        widget=forms.HiddenInput,
    )
    staged = forms.CharField(required=False, widget=forms.HiddenInput)
    # Chosen from the previews the form shows when encoding detection is unsure.
    encoding = forms.CharField(required=False, max_length=40)

    def clean_files(self) -> list[UploadedFile[bytes]]:
        files: list[UploadedFile[bytes]] = self.cleaned_data["files"]
        limit = settings.UPLOAD_MAX_BYTES
        for upload in files:
            if upload.size is not None and upload.size > limit:
                raise forms.ValidationError(
                    f"“{upload.name}” is {upload.size / 1048576:.1f} MB; "
                    f"the limit is {limit / 1048576:.0f} MB."
                )
        return files

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        has_text = bool(data.get("text", "").strip())
        has_files = bool(data.get("files")) or bool(data.get("staged"))
        if has_text and has_files:
            raise forms.ValidationError("Paste text or choose files, not both.")
        if not (has_text or has_files or data.get("url")):
            if "text" in self.data and self.data.get("text"):
                raise forms.ValidationError("The pasted text is empty.")
            raise forms.ValidationError("Paste some text, choose a file or give a URL.")
        return data


class DocumentEditForm(forms.ModelForm[Document]):
    outlet_name = forms.CharField(label="Outlet", required=False, max_length=200)

    class Meta:
        model = Document
        fields = ["kind", "title", "author", "url", "published_on", "published_at", "language"]
        widgets = {
            "published_on": forms.DateInput(attrs={"type": "date"}),
            "published_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
        }
        labels = {"published_on": "Published on", "published_at": "Published at (if known)"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.outlet:
            self.fields["outlet_name"].initial = self.instance.outlet.name
