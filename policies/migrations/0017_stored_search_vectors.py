"""PostgreSQL: each searchable table keeps its words as a stored tsvector, with a GIN index on it.

Until now the GIN indexes were on the expression to_tsvector('simple',
search_text), and every query that tested a row outside a bitmap index scan
parsed the row's words again: the bounded counts (LIMIT 1001 prefers a scan
that stops early), a facet joined to a million facts (23 s at 150,000
articles, docs/performance.md), ts_rank for each ranked row, the page of
rows walked in the list's order. Now `search_vector` is a generated column,
GENERATED ALWAYS AS (to_tsvector('simple', COALESCE(search_text, ''))) STORED:
PostgreSQL computes it on every INSERT and UPDATE, whoever writes (the ORM,
the import, re-extraction, the admin, a restore, the loader's COPY), so it
cannot fall behind the words. policies.search reads it by name.

It is no Django field: SQLite has its FTS5 tables instead (0014_search_words),
and a field would be selected with every row (an article's vector is kilobytes).

The expression indexes are dropped first, so that the table rewrite of ADD
COLUMN … STORED does not build them again; the new GIN index follows it, then
ANALYZE (the planner's statistics of the column's words). At 150,000 articles
and 3 million facts this takes minutes (docs/performance.md).
"""
from django.db import migrations

COLUMN = "search_vector"
# (table, the old index on the expression, the new one on the column)
TABLES = [
    ("programs_program", "program_search_gin", "program_search_vector_gin"),
    ("policies_article", "article_search_gin", "article_search_vector_gin"),
    ("policies_incentive", "incentive_search_gin", "incentive_search_vector_gin"),
    ("policies_metric", "metric_search_gin", "metric_search_vector_gin"),
]
EXPRESSION = "to_tsvector('simple'::regconfig, COALESCE(search_text, ''::text))"


def add_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '512MB'")
        for table, old, new in TABLES:
            cursor.execute(f'DROP INDEX IF EXISTS "{old}"')
            cursor.execute(f'ALTER TABLE "{table}" ADD COLUMN "{COLUMN}" tsvector '
                           f"GENERATED ALWAYS AS ({EXPRESSION}) STORED")
            cursor.execute(f'CREATE INDEX "{new}" ON "{table}" USING gin ("{COLUMN}")')
            cursor.execute(f'ANALYZE "{table}"')


def drop_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for table, old, new in TABLES:
            cursor.execute(f'ALTER TABLE "{table}" DROP COLUMN IF EXISTS "{COLUMN}"')  # its index goes with it
            cursor.execute(f'CREATE INDEX IF NOT EXISTS "{old}" ON "{table}" USING gin (({EXPRESSION}))')


class Migration(migrations.Migration):
    # Four table rewrites of minutes each at scale: not one transaction holding them all.
    atomic = False

    dependencies = [
        ("policies", "0016_drop_kind_index_served_by_kind_year"),
        ("programs", "0005_program_search_words"),
    ]

    operations = [migrations.RunPython(add_vectors, drop_vectors)]
