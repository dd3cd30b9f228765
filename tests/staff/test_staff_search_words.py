"""Search stays current through every write: a correction on the review screen or in the admin,
a program's new alias or name, an indicator's new wording, re-extraction, deletion, a restore.
On SQLite the FTS5 index (kept by triggers) must hold exactly the rows there are, with the words
they have now; on PostgreSQL each row's stored vector (a generated column) its words now."""
import re

from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from policies import search
from policies.models import Article, Incentive, Indicator, Metric
from programs.models import Program

from tests.factories import admin_form_data
from tests.staff.staffdata import fact
from tests.staff.test_staff_review import formset_data, prefix_of, review_url


def found(client, q, kind="incentives"):
    response = client.get("/search/", {"q": q, "type": kind})
    assert response.status_code == 200
    return set(response.context["page"].object_list)


def assert_index_current(*models):
    """SQLite: every row the FTS5 index answers for a word exists and holds that word now, and
    every row holding it is answered (stale entries of deleted or changed rows would break one or the other).
    PostgreSQL: every row's stored vector is its words now."""
    if connection.vendor == "postgresql":
        return assert_vectors_current(*models)
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


def assert_vectors_current(*models):
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(
                f'SELECT count(*), count(*) FILTER (WHERE {search.VECTOR} IS DISTINCT FROM '
                f"to_tsvector('simple', COALESCE(search_text, ''))) FROM \"{model._meta.db_table}\""
            )
            rows, stale = cursor.fetchone()
            assert stale == 0, (model.__name__, stale, rows)


def admin_post(client, url, **changes):
    """The admin's change form as it is, with `changes`: what an editor's save sends."""
    response = client.post(url, admin_form_data(client, url, **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


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
    again = Incentive.objects.get(value=720, measure="套")
    assert again.pk == flats.pk  # proposed again, the same row
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


def test_a_label_corrected_in_the_fact_admin_is_found_by_its_new_words(editor_client, client, article):
    subsidy = fact(article, "生活补贴")
    assert subsidy not in found(client, "博士后专项")
    admin_post(editor_client, reverse("admin:policies_incentive_change", args=[subsidy.pk]),
               label="博士后专项", groups=[])
    assert Incentive.objects.get(pk=subsidy.pk).label == "博士后专项"
    assert subsidy in found(client, "博士后专项")
    assert_index_current(Incentive)


def test_a_kind_changed_in_the_admin_finds_the_fact_by_the_new_kind_s_names(editor_client, client, article):
    desks = fact(article, "工位")
    assert desks not in found(client, "众创空间")  # a name of office space (lexicon/kinds.txt)
    admin_post(editor_client, reverse("admin:policies_incentive_change", args=[desks.pk]),
               kind="office_space", groups=[])
    assert desks in found(client, "众创空间")


def test_a_program_renamed_in_the_admin_finds_its_facts_by_its_names_now(editor_client, client, article):
    program = Program.objects.get(name="青年人才集聚")
    facts = set(Incentive.objects.filter(program=program))
    assert found(client, "集聚") == facts  # no quote says 集聚: found through their program
    change = reverse("admin:programs_program_change", args=[program.pk])
    fields = {"name": "海河英才", "district": program.district_id, "status": "verified",
              "mentions-TOTAL_FORMS": 0, "mentions-INITIAL_FORMS": 0}
    assert editor_client.post(change, {**fields, "aliases": ""}).status_code == 302
    assert found(client, "英才") == facts
    assert found(client, "海河英才", "programs") == {program}
    assert found(client, "集聚") == facts  # the old name is kept as an alias
    # Taking the alias away takes its words out of the index.
    assert editor_client.post(change, {**fields, "aliases": ""}).status_code == 302
    assert not found(client, "集聚") and not found(client, "集聚", "programs")
    assert_index_current(Program)


def test_an_indicator_s_wording_added_in_the_admin_finds_its_metrics(editor_client, client, article):
    metric = fact(article, "高层次人才")
    indicator = Indicator.objects.get(code="high_level_talent_attracted")
    Metric.objects.filter(pk=metric.pk).update(indicator=indicator)
    assert metric not in found(client, "引智成果", "metrics")
    url = reverse("admin:policies_indicator_change", args=[indicator.pk])
    response = editor_client.post(url, {
        "name_zh": indicator.name_zh, "name_en": indicator.name_en, "unit": indicator.unit,
        "category": indicator.category_id, "position": indicator.position,
        "wordings": "\n".join([*indicator.wordings, "引智成果"]),
    })
    assert response.status_code == 302
    assert found(client, "引智成果", "metrics") == {metric}
