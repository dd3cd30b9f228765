"""Degrees as target groups (本科, 硕士, 博士): an offer in tiers is for one degree."""
from django.db import migrations


def create(apps, schema_editor):
    from programs.groups import sync_groups

    sync_groups(apps.get_model("programs", "TargetGroup"))


class Migration(migrations.Migration):
    dependencies = [("programs", "0005_program_search_words")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
