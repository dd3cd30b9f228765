"""The visible facts (not rejected) in the lists' default order, newest period first (issue 11, deep pages).

A numbered page without a cursor finds its rows' primary keys first (talentkb.lists.listing.rows_at):
`?page=2000` skips 49,975 entries of this order. In migration 0011's order index every entry skipped
was also read from the table, for its status (0.22 s at 150,000 articles); this one holds the
visible facts alone, so the skipping reads the index only (docs/performance.md, "Lists without the
page cache"). As in 0011, DESC NULLS LAST on PostgreSQL, DESC on SQLite (which puts NULLs last so).
"""
from django.db import migrations

# (index, table): the same keys as 0011's incentive_period_order_idx and metric_period_order_idx.
VISIBLE_ORDERS = [
    ("incentive_visible_order_idx", "policies_incentive"),
    ("metric_visible_order_idx", "policies_metric"),
]


def create(apps, schema_editor):
    descending = "DESC NULLS LAST" if schema_editor.connection.vendor == "postgresql" else "DESC"
    quote = schema_editor.quote_name
    keys = ", ".join([*(f"{quote(c)} {descending}" for c in ("year", "period", "published")), quote("id")])
    for name, table in VISIBLE_ORDERS:
        schema_editor.execute(
            f"CREATE INDEX {quote(name)} ON {quote(table)} ({keys}) WHERE {quote('status')} <> 'rejected'"
        )


def drop(apps, schema_editor):
    for name, _table in VISIBLE_ORDERS:
        schema_editor.execute(f"DROP INDEX {schema_editor.quote_name(name)}")


class Migration(migrations.Migration):

    dependencies = [
        ('policies', '0016_drop_kind_index_served_by_kind_year'),
    ]

    operations = [
        migrations.RunPython(create, drop),
    ]
