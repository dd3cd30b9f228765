"""Search stays current through every write: a correction on the review screen, a program's
new alias, re-extraction, deletion, a restore. On SQLite the FTS5 index (kept by triggers)
must hold exactly the rows there are, with the words they have now."""
import re

from django.core.management import call_command
from django.db import connection

from policies import search
from policies.models import Article, Incentive, Metric
from programs.models import Program

from tests.staff.staffdata import fact
from tests.staff.test_staff_review import formset_data, prefix_of, review_url


def found(client, q, kind="incentives"):
    response = client.get("/search/", {"q": q, "type": kind})
    assert response.status_code == 200
    return set(response.context["page"].object_list)


def assert_index_current(*models):
    """SQLite: every row the FTS5 index answers for a word exists and holds that word now, and
    every row holding it is answered (stale entries of deleted or changed rows would break one or the other)."""
    if connection.vendor != "sqlite":
        return
    def tokens(text):  # as FTS5's unicode61 tokenizer reads them: 1.26 is 1 and 26
        return set(re.findall(r"\w+", (text or "").lower()))

    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f'SELECT rowid, search_text FROM "{model._meta.db_table}"')
            rows = {pk: tokens(text) for pk, text in cursor.fetchall()}
            for word in set().union(*rows.values()):
                table = search.fts_table(model)
                cursor.execute(f'SELECT rowid FROM "{table}" WHERE "{table}" MATCH %s', ['"' + word + '"'])
                indexed = {r for (r,) in cursor.fetchall()}
                holding = {pk for pk, words in rows.items() if word in words}
                assert indexed == holding, (model.__name__, word, indexed, holding)


def test_a_corrected_label_is_found_by_its_new_words_only(editor_client, client, article):
    page = editor_client.get(review_url(article))
    data = formset_data(page, **{prefix_of(page, "生活补贴"): {"label": "博士安家补贴"}})
    assert editor_client.post(review_url(article), data).status_code == 302
    subsidy = fact(article, "生活补贴")
    assert subsidy.label == "博士安家补贴"
    assert " 安家 " in subsidy.search_text
    assert subsidy in found(client, "安家")
    assert_index_current(Incentive, Metric)


def test_a_program_s_new_alias_finds_it_and_its_facts(client, article):
    program = Program.objects.get(name="青年人才集聚")
    assert not found(client, "英才港", "programs")
    program.aliases = ["河西英才港"]
    program.save(update_fields=["aliases", "updated_at"])  # as the import adds an alias
    assert found(client, "英才港", "programs") == {program}
    assert found(client, "英才港") == set(Incentive.objects.filter(program=program))
    assert_index_current(Program)


def test_reextraction_and_deletion_keep_the_index_current(client, seeded, superuser):
    flats = Incentive.objects.get(value=720, measure="套")
    article = flats.article
    call_command("reextract", str(article.pk), verbosity=0)
    assert not Incentive.objects.filter(pk=flats.pk).exists()  # replaced by a new proposal
    again = Incentive.objects.get(value=720, measure="套")
    assert again in found(client, "人才公寓")
    assert_index_current(Article, Incentive, Metric, Program)

    client.force_login(superuser)
    url = f"/admin/policies/article/{article.pk}/delete/"
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()
    assert again not in found(client, "人才公寓")
    assert article not in found(client, "长泰", "articles")
    assert_index_current(Article, Incentive, Metric, Program)


def test_a_restored_backup_is_searchable(client, seeded, tmp_path):
    """The restore writes rows with raw saves: the words and the index follow."""
    backup = tmp_path / "kb.jsonl"
    call_command("export_kb", "--full", "-o", str(backup), verbosity=0)
    # Empty the database as a fresh migrate would leave it (tests/core/test_backup.py).
    for model in (Incentive, Metric, Article, Program, Incentive.history.model, Metric.history.model,
                  Program.history.model):
        model.objects.all().delete()
    call_command("import_kb", str(backup), verbosity=0)
    flats = Incentive.objects.get(value=720, measure="套")
    assert flats in found(client, "人才公寓")
    assert Incentive.objects.get(label="减租期") in found(client, "免租")
    assert_index_current(Article, Incentive, Metric, Program)
