"""Search words for every searchable table, and their indexes (policies.search).

- Incentive, Metric: `search_text`, the jieba words of the quote and label;
  Program (programs/0005): of the name and aliases. Articles' words are
  segmented again, now with repeats, so that ranking can count them.
- PostgreSQL: a GIN index on to_tsvector('simple', search_text) per table
  (the article's exists since 0002_search); an index on the incentive kind,
  which search ORs with the words (免租 → kind rent_free_period).
- SQLite: an FTS5 table per table over the same column (external content:
  the words are stored once), with triggers that keep it current on every
  INSERT, UPDATE and DELETE, whoever writes: the import, re-extraction, the
  admin, a restore, the corpus loader, a cascade.

The backfill reads and writes in batches of 2,000 rows, each table with its
secondary indexes dropped and built again after; at 150,000 articles and
3 million facts it takes minutes (docs/performance.md).
"""
from contextlib import contextmanager

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations, models

from policies.search import fact_search_text, program_search_text, search_text

BATCH = 2000
# (app, model, the fields its words are made from, how)
SOURCES = [
    ("policies", "Article", ("title", "text"), lambda title, text: search_text(title, text)),
    ("programs", "Program", ("name", "aliases"), program_search_text),
    ("policies", "Incentive", ("quote", "label"), fact_search_text),
    ("policies", "Metric", ("quote", "label"), fact_search_text),
]
GIN = [("programs", "Program", "program_search_gin"), ("policies", "Incentive", "incentive_search_gin"),
       ("policies", "Metric", "metric_search_gin")]


def backfill(apps, schema_editor):
    connection = schema_editor.connection
    for app, name, fields, derive in SOURCES:
        model = apps.get_model(app, name)
        with secondary_indexes_dropped(connection, model._meta.db_table):
            fill(connection, model, fields, derive)


@contextmanager
def secondary_indexes_dropped(connection, table: str):
    """PostgreSQL: every row is rewritten, and each rewrite would insert into every index of the table
    (a trigram GIN over each article's whole text among them); building them again afterwards, in one
    pass each, is many times faster, as policies.corpus_load does. They are rebuilt even on failure."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes i WHERE tablename = %s AND NOT EXISTS "
            "(SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
            [table],
        )
        deferred = cursor.fetchall()
        for index, _definition in deferred:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(index)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET maintenance_work_mem = '512MB'")
            for _index, definition in deferred:
                cursor.execute(definition)
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")


def fill(connection, model, fields, derive):
    table = connection.ops.quote_name(model._meta.db_table)
    last = 0
    while True:
        rows = list(model.objects.filter(pk__gt=last).order_by("pk").values_list("pk", *fields)[:BATCH])
        if not rows:
            break
        last = rows[-1][0]
        values = [(derive(*r[1:]), r[0]) for r in rows]
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    f"UPDATE {table} SET search_text = v.w FROM unnest(%s::bigint[], %s::text[]) AS v(id, w) "
                    f"WHERE {table}.id = v.id AND {table}.search_text IS DISTINCT FROM v.w",
                    [[pk for _w, pk in values], [w for w, _pk in values]],
                )
            else:
                cursor.executemany(f"UPDATE {table} SET search_text = %s WHERE id = %s", values)


def fts_statements(db_table: str) -> list[str]:
    fts = f'"{db_table}_fts"'
    base = f'"{db_table}"'
    trigger = f"{db_table}_fts"
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5(search_text, content={base}, content_rowid='id')",
        f'CREATE TRIGGER "{trigger}_insert" AFTER INSERT ON {base} BEGIN '
        f"INSERT INTO {fts}(rowid, search_text) VALUES (new.id, new.search_text); END",
        f'CREATE TRIGGER "{trigger}_delete" AFTER DELETE ON {base} BEGIN '
        f"INSERT INTO {fts}({fts}, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
        f'CREATE TRIGGER "{trigger}_update" AFTER UPDATE OF search_text ON {base} BEGIN '
        f"INSERT INTO {fts}({fts}, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
        f"INSERT INTO {fts}(rowid, search_text) VALUES (new.id, new.search_text); END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def create_indexes(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        for app, name, index in GIN:
            model = apps.get_model(app, name)
            schema_editor.add_index(model, GinIndex(SearchVector("search_text", config="simple"), name=index))
            # Statistics of the indexed expression: without them the planner guesses 145 programs
            # match 人才 where 16,931 do, and picks nested loops over them.
            schema_editor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
    elif connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for app, name, _fields, _derive in SOURCES:
                for statement in fts_statements(apps.get_model(app, name)._meta.db_table):
                    cursor.execute(statement)


def drop_indexes(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        for app, name, index in GIN:
            schema_editor.execute(f"DROP INDEX IF EXISTS {connection.ops.quote_name(index)}")
    elif connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for app, name, _fields, _derive in SOURCES:
                table = apps.get_model(app, name)._meta.db_table
                for suffix in ("insert", "delete", "update"):
                    cursor.execute(f'DROP TRIGGER IF EXISTS "{table}_fts_{suffix}"')
                cursor.execute(f'DROP TABLE IF EXISTS "{table}_fts"')


class Migration(migrations.Migration):
    # The backfill of a large database runs for minutes: not one transaction holding every row.
    atomic = False

    dependencies = [
        ('districts', '0003_english_names_and_coordinates'),
        ('policies', '0013_merge'),
        ('programs', '0005_program_search_words'),
    ]

    operations = [
        migrations.AddField(
            model_name='incentive',
            name='search_text',
            field=models.TextField(blank=True, default='', editable=False, help_text='Quote and label segmented by jieba into space-separated words, for search (policies.search).'),
        ),
        migrations.AddField(
            model_name='metric',
            name='search_text',
            field=models.TextField(blank=True, default='', editable=False, help_text='Quote and label segmented by jieba into space-separated words, for search (policies.search).'),
        ),
        migrations.AddIndex(
            model_name='incentive',
            index=models.Index(fields=['kind'], name='incentive_kind_idx'),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
