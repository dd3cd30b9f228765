"""The cache's table (settings.CACHES: the database, shared by every app server)."""
from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


def drop_cache_table(apps, schema_editor):
    schema_editor.execute("DROP TABLE IF EXISTS talentkb_cache")


class Migration(migrations.Migration):
    dependencies = [("policies", "0009_merge")]

    operations = [migrations.RunPython(create_cache_table, drop_cache_table)]
