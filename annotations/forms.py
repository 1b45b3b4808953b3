"""Forms for annotating, editing, reviewing, replying, filtering and managing labels."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.text import slugify

from annotations.models import Annotation, AnnotationQuerySet, Label
from documents.models import Document, Outlet

NOTE_HELP = "Markdown: *emphasis*, **strong**, [links](https://…), lists. Scripts are removed."


class LabelChoiceField(forms.ModelChoiceField[Label]):
    def label_from_instance(self, obj: Label) -> str:
        return f"{obj.name} (retired)" if obj.is_retired else obj.name


class AnnotationFieldsMixin(forms.Form):
    label = LabelChoiceField(queryset=Label.objects.active(), empty_label="Choose a label…")
    note = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 5}), help_text=NOTE_HELP
    )
    public = forms.BooleanField(
        required=False,
        label="Public on share links",
        help_text="Shown to anyone with a share link once another moderator confirms it.",
    )


class CreateForm(AnnotationFieldsMixin):
    """What the "Annotate" button or the no-JS link sends: a span or a passage/finding."""

    TARGET_FIELDS = ("version", "start", "end", "comparison", "passage", "finding", "side")

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    start = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    end = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    comparison = forms.IntegerField(widget=forms.HiddenInput, required=False)
    passage = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    finding = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    side = forms.ChoiceField(
        choices=[("", ""), ("source", "source"), ("derivative", "derivative")],
        widget=forms.HiddenInput,
        required=False,
    )
    next = forms.CharField(widget=forms.HiddenInput, required=False)


class EditForm(AnnotationFieldsMixin):
    revision = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, annotation: Annotation | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if annotation is not None:
            # A retired label stays valid on the annotations that already carry it.
            queryset = Label.objects.active() | Label.objects.filter(pk=annotation.label_id)
            if isinstance(field := self.fields["label"], forms.ModelChoiceField):
                field.queryset = queryset.distinct()

    @classmethod
    def for_annotation(cls, annotation: Annotation) -> EditForm:
        return cls(
            annotation=annotation,
            initial={
                "label": annotation.label_id,
                "note": annotation.note,
                "public": annotation.public,
                "revision": annotation.revision,
            },
        )


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=Annotation.Status.choices)
    revision = forms.IntegerField(required=False)


class ReplyForm(forms.Form):
    body = forms.CharField(
        label="Reply", widget=forms.Textarea(attrs={"rows": 3}), help_text=NOTE_HELP
    )
    parent = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ReattachForm(forms.Form):
    words = forms.CharField(
        label="Words to attach it to",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Copy them from the current version of the text; they must appear there.",
    )
    revision = forms.IntegerField(widget=forms.HiddenInput)


class QueueFilterForm(forms.Form):
    STATUS_CHOICES = [*Annotation.Status.choices, ("all", "Any status")]

    status = forms.ChoiceField(choices=STATUS_CHOICES, required=False)
    label = forms.ModelChoiceField(queryset=Label.objects.all(), required=False, empty_label="Any")
    document = forms.ModelChoiceField(
        queryset=Document.objects.none(),
        required=False,
        empty_label="Any",
    )
    outlet = forms.ModelChoiceField(
        queryset=Outlet.objects.all(), required=False, empty_label="Any"
    )
    author = forms.ModelChoiceField(
        queryset=get_user_model().objects.filter(annotations__isnull=False).distinct(),
        required=False,
        empty_label="Anyone",
    )
    orphans = forms.BooleanField(required=False, label="Orphans only")

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Offer only documents the user may see, so a hidden title never reaches the page.
        documents = Document.objects.visible_to(user).filter(current_version__isnull=False)
        if isinstance(field := self.fields["document"], forms.ModelChoiceField):
            field.queryset = documents.only("title")

    def filter(self, annotations: AnnotationQuerySet) -> AnnotationQuerySet:
        """Apply every filter but status (the status counts are taken before it)."""
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("label"):
            annotations = annotations.filter(label=data["label"])
        if data.get("document"):
            annotations = annotations.filter(document_version__document=data["document"])
        if data.get("outlet"):
            annotations = annotations.filter(document_version__document__outlet=data["outlet"])
        if data.get("author"):
            annotations = annotations.filter(created_by=data["author"])
        if data.get("orphans"):
            annotations = annotations.orphaned()
        return annotations

    @property
    def chosen_status(self) -> str:
        """The status asked for; the queue opens on what still needs a review."""
        data = self.cleaned_data if self.is_valid() else {}
        return data.get("status") or Annotation.Status.OPEN


class LabelForm(forms.ModelForm[Label]):
    class Meta:
        model = Label
        fields = ["name", "description"]

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"].strip()
        if not slugify(name):
            raise forms.ValidationError("Use some letters or digits in the name.")
        if Label.objects.filter(slug=slugify(name)).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("A label with this name already exists.")
        return name

    def save(self, commit: bool = True) -> Label:
        self.instance.slug = slugify(self.cleaned_data["name"])
        return super().save(commit)


class ImportForm(forms.Form):
    file = forms.FileField(
        label="JSON-LD file", help_text="A file exported from this page or another Provenance."
    )
