"""Names the articles stored without a title (or under their file name) from
their text, as the import now does for new ones (policies.details)."""
from django.db import migrations


def name_untitled(apps, schema_editor):
    from policies.details import derive_title, looks_like_file_name
    from policies.search import search_text

    Article = apps.get_model("policies", "Article")
    untitled = []
    for article in Article.objects.only("pk", "title", "source_file", "text", "search_text").iterator(chunk_size=200):
        title = article.title.strip()
        if not title or title == article.source_file or looks_like_file_name(title):
            article.title = derive_title(article.text)[:300]
            # The pre_save signal that keeps the search words does not run here.
            article.search_text = search_text(article.title, article.text)
            untitled.append(article)
    Article.objects.bulk_update(untitled, ["title", "search_text"], batch_size=200)


class Migration(migrations.Migration):
    dependencies = [("policies", "0003_editor_group")]
    operations = [migrations.RunPython(name_untitled, migrations.RunPython.noop, elidable=True)]
