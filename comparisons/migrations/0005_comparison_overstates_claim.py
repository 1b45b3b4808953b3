from __future__ import annotations

from typing import Any

from django.db import migrations, models

# Read from the stored JSON, not through the engine's classes: a migration must keep
# working whatever the engine's result format later becomes.
OVERSTATING = ("claim_strengthened", "subjects_generalised")


def flag_existing(apps: Any, schema_editor: Any) -> None:
    comparison_model = apps.get_model("comparisons", "Comparison")
    flagged = [
        pk
        for pk, result in comparison_model.objects.exclude(result={})
        .values_list("pk", "result")
        .iterator()
        if isinstance(result, dict)
        and any(
            isinstance(f, dict) and f.get("type") in OVERSTATING
            for f in result.get("findings") or ()
        )
    ]
    comparison_model.objects.filter(pk__in=flagged).update(overstates_claim=True)


class Migration(migrations.Migration):
    dependencies = [
        ("comparisons", "0004_comparison_status_the_one_job_status"),
    ]

    operations = [
        migrations.AddField(
            model_name="comparison",
            name="overstates_claim",
            field=models.BooleanField(db_index=True, default=False),
        ),
        migrations.RunPython(flag_existing, migrations.RunPython.noop, elidable=True),
    ]
