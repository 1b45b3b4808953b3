"""The eight labels the taxonomy starts with; admins add and retire more later."""

from django.db import migrations

DEFAULT_LABELS = [
    ("verbatim-reuse", "Verbatim reuse", "Copied word for word from the source."),
    ("altered-quotation", "Altered quotation", "A quotation whose words were changed."),
    ("misattributed-quotation", "Misattributed quotation", "Words put in someone else's mouth."),
    ("trimmed-context", "Trimmed context", "A caveat or context left out of a copied passage."),
    ("changed-figure", "Changed figure", "A number or figure that differs from the source."),
    ("added-material", "Added material", "Text the derivative adds to the source."),
    ("missing-attribution", "Missing attribution", "Reused material with no credit to the source."),
    ("other", "Other", "Anything else worth a note."),
]


def add_labels(apps, schema_editor):
    Label = apps.get_model("annotations", "Label")
    for slug, name, description in DEFAULT_LABELS:
        Label.objects.get_or_create(slug=slug, defaults={"name": name, "description": description})


def remove_labels(apps, schema_editor):
    Label = apps.get_model("annotations", "Label")
    Label.objects.filter(
        slug__in=[slug for slug, _, _ in DEFAULT_LABELS], annotations=None
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("annotations", "0001_initial")]
    operations = [migrations.RunPython(add_labels, remove_labels)]
