"""Loads every county-level division from the gazetteer package (about 2,850 rows)."""
from django.db import migrations


def load(apps, schema_editor):
    from districts.gazetteer import sync_districts

    sync_districts(apps.get_model("districts", "District"))


class Migration(migrations.Migration):
    dependencies = [("districts", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
