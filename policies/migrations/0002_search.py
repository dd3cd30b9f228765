"""Search: on PostgreSQL the indexes that serve policies.search.

- Article.search_text holds the jieba words of each article (policies.search
  keeps them current on every save).
- pg_trgm (TrigramExtension) and GIN trigram indexes serve `LIKE '%…%'` on
  article texts, quotes and program names (queries of three characters or more).
- A GIN index on to_tsvector('simple', search_text) serves the word match.
SQLite gets none of them: its search runs on the stored words alone.
"""
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.operations import TrigramExtension
from django.contrib.postgres.search import SearchVector
from django.db import migrations

TRIGRAM_INDEXES = [
    # (app, model, field, index name)
    ("policies", "Article", "text", "article_text_trgm"),
    ("programs", "Program", "name", "program_name_trgm"),
    ("policies", "Incentive", "quote", "incentive_quote_trgm"),
    ("policies", "Mention", "quote", "mention_quote_trgm"),
    ("policies", "Metric", "quote", "metric_quote_trgm"),
]


def indexes(apps):
    yield apps.get_model("policies", "Article"), GinIndex(
        SearchVector("search_text", config="simple"), name="article_search_gin"
    )
    for app, model, field, name in TRIGRAM_INDEXES:
        yield apps.get_model(app, model), GinIndex(fields=[field], name=name, opclasses=["gin_trgm_ops"])


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for model, index in indexes(apps):
            schema_editor.add_index(model, index)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for model, index in indexes(apps):
            schema_editor.remove_index(model, index)


class Migration(migrations.Migration):
    dependencies = [("policies", "0001_initial")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
