"""Indexes for what the lists sort and filter by (issue 11; the plans are in docs/performance.md),
and each fact's copy of its article's date, so that the default order (year, period, the article's
date) is read from one index rather than sorting a year's worth of facts joined to their articles.

The default orders (newest first, empty dates last) are DESC NULLS LAST on PostgreSQL, whose DESC
puts NULLs first; SQLite puts NULLs last in a DESC index already and refuses the clause.
"""
import django.db.models.functions.comparison
import django.db.models.functions.text
from django.conf import settings
from django.db import migrations, models

# (index, table, equal columns, descending columns): the lists' default orders (talentkb.lists.columns),
# alone and within a district, the filter people choose most (a district's page of facts reads 25 rows,
# not all of the district's sorted).
DEFAULT_ORDERS = [
    ("incentive_period_order_idx", "policies_incentive", [], ["year", "period", "published"]),
    ("incentive_district_order_idx", "policies_incentive", ["district_id"], ["year", "period", "published"]),
    ("metric_period_order_idx", "policies_metric", [], ["year", "period", "published"]),
    ("metric_district_order_idx", "policies_metric", ["district_id"], ["year", "period", "published"]),
    ("article_published_order_idx", "policies_article", [], ["published", "imported_at"]),
]


def copy_articles_dates(apps, schema_editor):
    connection = schema_editor.connection
    for name in ("Incentive", "Metric"):
        table = apps.get_model("policies", name)._meta.db_table
        if connection.vendor == "postgresql":
            schema_editor.execute(
                f'UPDATE "{table}" f SET published = a.published FROM "policies_article" a '
                f"WHERE a.id = f.article_id AND a.published <> ''"
            )
        else:
            schema_editor.execute(
                f'UPDATE "{table}" SET published = COALESCE((SELECT a.published FROM "policies_article" a '
                f'WHERE a.id = "{table}".article_id), \'\')'
            )


def create_default_order_indexes(apps, schema_editor):
    descending = "DESC NULLS LAST" if schema_editor.connection.vendor == "postgresql" else "DESC"
    quote = schema_editor.quote_name
    for name, table, equal, columns in DEFAULT_ORDERS:
        keys = ", ".join([*(quote(c) for c in equal), *(f"{quote(c)} {descending}" for c in columns), quote("id")])
        schema_editor.execute(f"CREATE INDEX {quote(name)} ON {quote(table)} ({keys})")


def drop_default_order_indexes(apps, schema_editor):
    for name, *_ in DEFAULT_ORDERS:
        schema_editor.execute(f"DROP INDEX {schema_editor.quote_name(name)}")


class Migration(migrations.Migration):

    dependencies = [
        ('districts', '0003_english_names_and_coordinates'),
        ('policies', '0010_list_counts_and_data_version'),
        ('programs', '0004_program_life'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='incentive',
            name='published',
            field=models.CharField(blank=True, editable=False, help_text="The article's date, kept for sorting by period.", max_length=10, verbose_name='article published'),
        ),
        migrations.AddField(
            model_name='metric',
            name='published',
            field=models.CharField(blank=True, editable=False, help_text="The article's date, kept for sorting by period.", max_length=10, verbose_name='article published'),
        ),
        migrations.RunPython(copy_articles_dates, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(fields=['title', 'id'], name='article_title_order_idx'),
        ),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(fields=['publisher', 'id'], name='article_publisher_order_idx'),
        ),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(django.db.models.functions.comparison.NullIf(django.db.models.functions.text.Substr('published', 1, 4), models.Value('')), name='article_year_idx'),
        ),
        migrations.AddIndex(
            model_name='incentive',
            index=models.Index(fields=['value', 'value_max', 'id'], name='incentive_value_order_idx'),
        ),
        migrations.AddIndex(
            model_name='incentive',
            index=models.Index(fields=['status', 'district'], name='incentive_status_district_idx'),
        ),
        migrations.AddIndex(
            model_name='incentive',
            index=models.Index(fields=['program', 'id'], name='incentive_program_order_idx'),
        ),
        migrations.AddIndex(
            model_name='incentive',
            index=models.Index(fields=['kind', 'year'], name='incentive_kind_year_idx'),
        ),
        migrations.AddIndex(
            model_name='metric',
            index=models.Index(fields=['value', 'value_max', 'id'], name='metric_value_order_idx'),
        ),
        migrations.AddIndex(
            model_name='metric',
            index=models.Index(fields=['status', 'district'], name='metric_status_district_idx'),
        ),
        migrations.AddIndex(
            model_name='metric',
            index=models.Index(fields=['program', 'id'], name='metric_program_order_idx'),
        ),
        migrations.AddIndex(
            model_name='metric',
            index=models.Index(fields=['label', 'id'], name='metric_label_idx'),
        ),
        migrations.AddIndex(
            model_name='metric',
            index=models.Index(fields=['target', 'year'], name='metric_target_year_idx'),
        ),
        migrations.RunPython(create_default_order_indexes, drop_default_order_indexes),
    ]
