"""Every model is in the admin, searchable and filterable, without N+1 queries."""
import pytest
from django.urls import reverse

from policies.models import Article, Incentive, Metric
from programs.models import Program

CHANGELISTS = [
    "policies_article", "programs_program", "policies_incentive", "policies_metric",
    "districts_district", "programs_targetgroup",
]


@pytest.fixture
def many_articles(article, hexi):
    """Ten more articles, each with a program and facts, so a per-row query would show."""
    for n in range(10):
        text = f"第{n}篇：河西区提供人才公寓{n + 1}套。"
        other = Article.objects.create(title=f"文章{n}", text=text, sha256=f"{n:064d}")
        other.districts.add(hexi)
        program = Program.objects.create(name=f"计划{n}", district=hexi)
        program.mentions.create(article=other, span_start=0, span_end=3, quote=text[:3])
        Incentive.objects.create(
            article=other, district=hexi, program=program, kind="apartment", value=n + 1, unit="count",
            span_start=3, span_end=10, quote=text[3:10],
        )
        Metric.objects.create(
            article=other, district=hexi, program=program, label="人才", value=n, unit="count",
            span_start=3, span_end=10, quote=text[3:10],
        )


@pytest.mark.parametrize("name", CHANGELISTS)
def test_changelists_do_not_query_per_row(admin_client, many_articles, name, django_assert_max_num_queries):
    """Each changelist shows related names (district, program, article, the
    districts of an article, fact counts) with a fixed number of queries:
    without list_select_related / prefetching, 11 rows would cost 11+ more."""
    with django_assert_max_num_queries(12):
        response = admin_client.get(reverse(f"admin:{name}_changelist"))
    assert response.status_code == 200


@pytest.mark.parametrize(
    "name, query",
    [
        ("policies_article", "河西区发布"),
        ("programs_program", "青年人才"),
        ("policies_incentive", "人才公寓"),
        ("policies_metric", "高层次"),
        ("districts_district", "hexi"),
        ("programs_targetgroup", "高校"),
    ],
)
def test_changelists_search_chinese_and_pinyin(admin_client, article, name, query):
    response = admin_client.get(reverse(f"admin:{name}_changelist"), {"q": query})
    assert response.status_code == 200
    assert response.context["cl"].result_count >= 1


@pytest.mark.parametrize(
    "name, filters",
    [
        ("policies_incentive", {"status__exact": "proposed", "kind__exact": "apartment"}),
        ("policies_metric", {"origin__exact": "extracted", "target__exact": "0"}),
        ("programs_program", {"status__exact": "proposed"}),
        ("policies_article", {"to_review": "yes", "year": "2024"}),
    ],
)
def test_changelists_filter(admin_client, article, name, filters):
    response = admin_client.get(reverse(f"admin:{name}_changelist"), filters)
    assert response.status_code == 200
    assert response.context["cl"].result_count >= 1


def test_article_change_form_has_mentions_inline_and_review_link(admin_client, article):
    program = Program.objects.get(name="青年人才集聚")
    program.mentions.create(article=article, span_start=0, span_end=3, quote="河西区")
    response = admin_client.get(reverse("admin:policies_article_change", args=[article.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert reverse("admin:policies_article_review", args=[article.pk]) in body
    assert "青年人才集聚" in body


def test_fact_change_forms_render(admin_client, article):
    for model, name in ((Incentive, "policies_incentive"), (Metric, "policies_metric")):
        fact = model.objects.filter(article=article).first()
        response = admin_client.get(reverse(f"admin:{name}_change", args=[fact.pk]))
        assert response.status_code == 200


def test_articles_with_nothing_left_to_review(admin_client, article, editor):
    from policies.models import Incentive as I
    from policies.review import reject

    url = reverse("admin:policies_article_changelist")
    assert admin_client.get(url, {"to_review": "no"}).context["cl"].result_count == 0
    for model in (I, Metric):
        for f in model.objects.filter(article=article):
            reject(f, editor)
    assert admin_client.get(url, {"to_review": "no"}).context["cl"].result_count == 1
    assert admin_client.get(url, {"to_review": "yes"}).context["cl"].result_count == 0


# A check constraint a form breaks says what is wrong in the editor's words, not its name.
def test_a_range_upside_down_on_the_review_screen_is_explained(editor_client, article):
    from tests.staff.test_staff_review import formset_data, prefix_of, review_url

    page = editor_client.get(review_url(article))
    response = editor_client.post(review_url(article), formset_data(page, **{prefix_of(page, "人才公寓"): {"value_max": "100"}}))
    body = response.content.decode()
    assert response.status_code == 400
    assert "上限值小于数值。" in body and "range_ordered" not in body


def test_a_publication_date_in_words_is_explained(editor_client, article):
    change = reverse("admin:policies_article_change", args=[article.pk])
    form = editor_client.get(change).context["adminform"].form
    data = {name: form[name].value() or "" for name in ("title", "publisher", "source_url")}
    data |= {"published": "2025年5月", "districts": [d.pk for d in article.districts.all()],
             "mention_set-TOTAL_FORMS": "0", "mention_set-INITIAL_FORMS": "0"}
    body = editor_client.post(change, data).content.decode()
    assert "日期请写作 2024、2024-11 或 2024-11-22。" in body and "published_iso" not in body
    article.refresh_from_db()
    assert article.published == "2024-03-01"


@pytest.mark.parametrize("field", ["launched", "ends"])
def test_a_program_date_in_words_is_explained(editor_client, article, field):
    program = Program.objects.get(name="青年人才集聚")
    change = reverse("admin:programs_program_change", args=[program.pk])
    body = editor_client.post(change, {
        "name": program.name, "aliases": "", "district": program.district_id, "status": "verified",
        field: "2025年8月", "mentions-TOTAL_FORMS": 0, "mentions-INITIAL_FORMS": 0,
    }).content.decode()
    assert "日期请写作 2024、2024-11 或 2024-11-22。" in body and f"{field}_iso" not in body
    program.refresh_from_db()
    assert getattr(program, field) == ""
