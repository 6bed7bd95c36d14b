"""An agency's type and a family's manufacturer are never null in LL2 2.3.0 (the detailed
levels declare them required), so the catalog requires them too."""

import django.db.models.deletion
from django.db import migrations, models


def refuse_missing_values(apps, schema_editor):
    """LL2's detailed records always give both; a catalog lacks one where a record came only as
    a copy nested at a lower level (a family's parent). Say which records, rather than fail on
    a constraint."""
    agencies = apps.get_model("catalog", "Agency").objects.filter(type__isnull=True)
    families = apps.get_model("catalog", "SpacecraftConfigFamily").objects.filter(
        manufacturer__isnull=True
    )
    problems = [
        f"{label} without {what}: {sorted(rows.values_list('id', flat=True))[:20]}"
        for label, what, rows in (
            ("agencies", "a type", agencies),
            ("spacecraft configuration families", "a manufacturer", families),
        )
        if rows.exists()
    ]
    if problems:
        raise RuntimeError(
            "Cannot require these values: "
            + "; ".join(problems)
            + ". Re-import those records from LL2 (hangar sync --full), or start from a new "
            "database."
        )


class Migration(migrations.Migration):
    dependencies = [("catalog", "0002_stations_and_dockings")]

    operations = [
        migrations.RunPython(refuse_missing_values, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="agency",
            name="type",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="agencies",
                to="catalog.agencytype",
            ),
        ),
        migrations.AlterField(
            model_name="spacecraftconfigfamily",
            name="manufacturer",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="families",
                to="catalog.agency",
            ),
        ),
    ]
