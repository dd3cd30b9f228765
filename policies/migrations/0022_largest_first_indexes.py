"""The visible facts largest first (?sort=-value), as the lists read them: value and its range's
upper end descending, NULLs last, then the primary key ascending.

The value order index of fact_list_indexes (value, value_max, id) serves ?sort=value, but read
backwards it gives the primary key descending and the NULLs first, so ?sort=-value sorted every
visible fact to show 25: 1.8 s for the incentives and 3.1 s for the metrics at 150,000 articles
(docs/performance.md, "Largest first"). As 0017 does, DESC NULLS LAST on PostgreSQL, DESC on
SQLite (which puts NULLs last so), over the visible facts alone.
"""
from django.db import migrations

LARGEST_FIRST = [
    ("incentive_largest_first_idx", "policies_incentive"),
    ("metric_largest_first_idx", "policies_metric"),
]


def create(apps, schema_editor):
    descending = "DESC NULLS LAST" if schema_editor.connection.vendor == "postgresql" else "DESC"
    quote = schema_editor.quote_name
    keys = ", ".join([*(f"{quote(c)} {descending}" for c in ("value", "value_max")), quote("id")])
    for name, table in LARGEST_FIRST:
        schema_editor.execute(
            f"CREATE INDEX {quote(name)} ON {quote(table)} ({keys}) WHERE {quote('status')} <> 'rejected'"
        )


def drop(apps, schema_editor):
    for name, _table in LARGEST_FIRST:
        schema_editor.execute(f"DROP INDEX {schema_editor.quote_name(name)}")


class Migration(migrations.Migration):
    dependencies = [("policies", "0021_merge")]
    operations = [migrations.RunPython(create, drop)]
