"""Indicators on the staff side: the vocabulary's admin, the metric admin's
filter and "set indicator" action, the review screen, and mappings."""
from django.urls import reverse

from policies.models import Indicator, IndicatorMapping, Metric
from programs.choices import Origin, Status
from tests.staff.staffdata import fact
from tests.staff.test_staff_review import formset_data, prefix_of, review_url


def code(name):
    return Indicator.objects.get(code=name)


def test_the_indicator_list_counts_metrics_and_finds_wordings(editor_client, article):
    fact(article, "高层次人才").__class__.objects.update(indicator=code("high_level_talent_attracted"))
    url = reverse("admin:policies_indicator_changelist")
    response = editor_client.get(url, {"q": "引进高层次人才"})  # a wording, not a name
    assert response.status_code == 200
    rows = list(response.context["cl"].result_list)
    assert "high_level_talent_attracted" in [r.code for r in rows]
    assert next(r for r in rows if r.code == "high_level_talent_attracted").n_metrics == 1
    assert f"?indicator__id__exact={code('high_level_talent_attracted').pk}" in response.content.decode()


def test_editors_correct_an_indicators_names_and_wordings(editor_client, article):
    total = code("talent_total")
    url = reverse("admin:policies_indicator_change", args=[total.pk])
    body = editor_client.get(url).content.decode()
    assert "人才资源总量\n" in body  # wordings one per line
    response = editor_client.post(url, {
        "name_zh": "人才总量", "name_en": "Talent, total", "unit": "count", "category": total.category_id,
        "wordings": "人才总量\n人才资源总量\n\n人才总量", "position": total.position,
    })
    assert response.status_code == 302
    total.refresh_from_db()
    assert (total.name_en, total.wordings, total.code) == ("Talent, total", ["人才总量", "人才资源总量"], "talent_total")


def test_set_indicator_asks_then_corrects_and_remembers(editor_client, article):
    metric = fact(article, "高层次人才")
    url = reverse("admin:policies_metric_changelist")
    page = editor_client.post(url, {"action": "set_indicator", "_selected_action": [metric.pk]})
    assert page.status_code == 200 and "新增高层次人才" in page.content.decode()
    assert 'name="remember"' in page.content.decode()
    target = code("high_level_talent_attracted")
    done = editor_client.post(url, {
        "action": "set_indicator", "_selected_action": [metric.pk], "confirm": "1",
        "indicator": target.pk, "remember": "on",
    }, follow=True)
    assert done.status_code == 200
    metric.refresh_from_db()
    assert (metric.indicator, metric.origin, metric.status) == (target, Origin.CORRECTED, Status.VERIFIED)
    mapping = IndicatorMapping.objects.get(label="新增高层次人才", unit="count")
    assert mapping.indicator == target and mapping.created_by.username == "editor"


def test_set_indicator_to_none_without_remembering(editor_client, article):
    metric = fact(article, "高层次人才")
    Metric.objects.filter(pk=metric.pk).update(indicator=code("high_level_talent"))
    editor_client.post(reverse("admin:policies_metric_changelist"), {
        "action": "set_indicator", "_selected_action": [metric.pk], "confirm": "1", "indicator": "none",
    })
    metric.refresh_from_db()
    assert metric.indicator is None and metric.status == Status.VERIFIED
    assert not IndicatorMapping.objects.exists()


def test_metric_list_filters_and_searches_by_indicator(editor_client, article):
    metric = fact(article, "高层次人才")
    Metric.objects.filter(pk=metric.pk).update(indicator=code("high_level_talent"))
    url = reverse("admin:policies_metric_changelist")
    assert editor_client.get(url, {"indicator__id__exact": code("high_level_talent").pk}).context["cl"].result_count == 1
    assert editor_client.get(url, {"indicator__isnull": "True"}).context["cl"].result_count == 0
    assert editor_client.get(url, {"q": "high_level_talent"}).context["cl"].result_count == 1


def test_the_review_screen_sets_a_metrics_indicator(editor_client, article):
    response = editor_client.get(review_url(article))
    prefix = prefix_of(response, "高层次人才")
    body = response.content.decode()
    assert f'name="{prefix}-indicator"' in body and "<optgroup" in body
    target = code("high_level_talent_attracted")
    data = formset_data(response, **{prefix: {"indicator": target.pk}})
    assert editor_client.post(review_url(article), data).status_code == 302
    metric = fact(article, "高层次人才")
    assert (metric.indicator, metric.origin) == (target, Origin.CORRECTED)


def test_a_mapping_saved_in_the_admin_moves_the_proposals(editor_client, article):
    metric = fact(article, "高层次人才")
    target = code("high_level_talent_attracted")
    response = editor_client.post(reverse("admin:policies_indicatormapping_add"), {
        "label": "新增高层次人才", "unit": "count", "indicator": target.pk,
    })
    assert response.status_code == 302
    metric.refresh_from_db()
    assert metric.indicator == target and metric.status == Status.PROPOSED  # still the machine's to replace


def test_set_indicator_speaks_of_one_metric_in_the_singular(editor_client, article):
    """English: 1 metric, 1 label; Chinese has one form for every number."""
    metric = fact(article, "高层次人才")
    url = reverse("admin:policies_metric_changelist")
    editor_client.cookies["django_language"] = "en"
    page = editor_client.post(url, {"action": "set_indicator", "_selected_action": [metric.pk]}).content.decode()
    assert "Set the indicator of 1 metric<" in page and "1 metrics" not in page
    done = editor_client.post(url, {
        "action": "set_indicator", "_selected_action": [metric.pk], "confirm": "1",
        "indicator": code("high_level_talent_attracted").pk, "remember": "on",
    }, follow=True).content.decode()
    assert "1 metric now has the indicator" in done and "1 label mapped; 0 other proposed metrics follow." in done
    editor_client.cookies["django_language"] = "zh-hans"
    done = editor_client.post(url, {
        "action": "set_indicator", "_selected_action": [metric.pk], "confirm": "1", "indicator": "none",
    }, follow=True).content.decode()
    assert "1 项指标的可比指标已设为" in done
