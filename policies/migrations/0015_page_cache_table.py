"""The table of the whole-page cache (settings CACHES["pages"], talentkb/pagecache.py).

Django's DatabaseCache keeps its rows in a table that `createcachetable`
makes; made here so that `migrate` is all a deployment (and a test database)
needs. The name is fixed: settings.PAGE_CACHE_TABLE names the same table.
"""
from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import migrations

TABLE = "talentkb_page_cache"


def create(apps, schema_editor):
    command = CreateCacheTable()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, TABLE, dry_run=False)  # no-op if it exists


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("policies", "0014_search_words")]
    operations = [migrations.RunPython(create, drop)]
