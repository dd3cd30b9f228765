"""Search: jieba words of each article, and on PostgreSQL the indexes that serve policies.search.

- Article.search_text holds the words; existing rows are segmented here.
- pg_trgm (TrigramExtension) and GIN trigram indexes serve `LIKE '%…%'` on
  article texts, quotes and program names (queries of three characters or more).
- A GIN index on to_tsvector('simple', search_text) serves the word match.
SQLite gets the field only: its search runs without these indexes.
"""
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.operations import TrigramExtension
from django.contrib.postgres.search import SearchVector
from django.db import migrations, models

TRIGRAM_INDEXES = [
    # (app, model, field, index name)
    ("policies", "Article", "text", "article_text_trgm"),
    ("programs", "Program", "name", "program_name_trgm"),
    ("programs", "Incentive", "quote", "incentive_quote_trgm"),
    ("programs", "Mention", "quote", "mention_quote_trgm"),
    ("districts", "Metric", "quote", "metric_quote_trgm"),
]


def segment(apps, schema_editor):
    from policies.search import search_text

    Article = apps.get_model("policies", "Article")
    for article in Article.objects.only("title", "text").iterator():
        Article.objects.filter(pk=article.pk).update(search_text=search_text(article.title, article.text))


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
    dependencies = [
        ("policies", "0001_initial"),
        ("programs", "0002_target_groups"),
        ("districts", "0003_load_gazetteer"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_text",
            field=models.TextField(
                blank=True, default="", editable=False,
                help_text="Title and text segmented by jieba into space-separated words, for search (policies.search).",
            ),
        ),
        migrations.RunPython(segment, migrations.RunPython.noop),
        TrigramExtension(),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
