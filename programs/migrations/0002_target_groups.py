"""The fixed vocabulary of target groups that the extractor assigns."""
from django.db import migrations


def create(apps, schema_editor):
    from programs.groups import sync_groups

    sync_groups(apps.get_model("programs", "TargetGroup"))


class Migration(migrations.Migration):
    dependencies = [("programs", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
