"""Give the moved tables this app's names, and carry their content types (and so the
permissions the roles hold) over from the provenance app."""

from django.db import migrations


def move_content_types(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in ("comparison", "sharelink"):
        if content_type.objects.using(db).filter(app_label="comparisons", model=model).exists():
            continue
        content_type.objects.using(db).filter(app_label="provenance", model=model).update(
            app_label="comparisons"
        )


def restore_content_types(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    content_type.objects.using(db).filter(
        app_label="comparisons", model__in=["comparison", "sharelink"]
    ).update(app_label="provenance")


class Migration(migrations.Migration):
    dependencies = [
        ("comparisons", "0001_initial"),
        ("provenance", "0004_move_comparisons_out"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelTable(name="comparison", table=None),
        migrations.AlterModelTable(name="sharelink", table=None),
        migrations.RunPython(move_content_types, restore_content_types),
    ]
