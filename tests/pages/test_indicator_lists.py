"""Indicators on the public lists: a facet counted in the database, the indicator beside the label."""
import json
from collections import Counter

import pytest
from django.utils import translation

from policies.models import Indicator, Metric
from tests.factories import HEXI
from tests.pages.test_lists import facet_counts, html


@pytest.fixture
def indicated(kb, grow):
    """Both 高层次人才数量 figures measure high_level_talent; the grown 人才数量 ones measure none."""
    grow(4)
    Metric.objects.filter(label="高层次人才数量").update(indicator=Indicator.objects.get(code="high_level_talent"))
    return kb


def test_the_metric_facet_counts_indicators_and_metrics_without_one(client, indicated):
    response = client.get("/metrics/")
    expected = Counter(m.indicator.code if m.indicator_id else "none" for m in Metric.objects.visible())
    assert facet_counts(response, "indicator") == dict(expected) == {"high_level_talent": 2, "none": 4}
    # The facet's own choice is left out of its counts, the others' applied.
    chosen = client.get("/metrics/", {"indicator": "high_level_talent", "district": HEXI})
    assert [m.pk for m in chosen.context["page"].object_list] == [indicated.hexi_goal.pk]
    assert facet_counts(chosen, "indicator") == {"high_level_talent": 1}
    assert client.get("/metrics/", {"indicator": "none"}).context["page"].paginator.count == 4
    assert client.get("/metrics/", {"indicator": "NOT A CODE"}).context["page"].paginator.count == 6


def test_indicator_names_follow_the_language(client, indicated):
    body = html(client.get("/metrics/"))
    assert "高层次人才" in body and 'class="tag tag-indicator" href="/metrics/?indicator=high_level_talent"' in body
    with translation.override("en"):
        client.cookies["django_language"] = "en"
        english = client.get("/metrics/")
    label = next(v.label for f in english.context["facets"] if f.name == "indicator" for v in f.values
                 if v.value == "high_level_talent")
    assert label == Indicator.objects.get(code="high_level_talent").name_en


def test_articles_and_programs_filter_by_the_indicators_they_report(client, indicated):
    articles = client.get("/articles/", {"indicator": "high_level_talent"})
    assert {a.pk for a in articles.context["page"].object_list} == {indicated.hexi.pk, indicated.chaoyang.pk}
    assert facet_counts(articles, "indicator") == {"high_level_talent": 2}
    # Programs reporting nothing with an indicator are filtered out.
    assert client.get("/programs/", {"indicator": "high_level_talent"}).context["page"].paginator.count == 0


def test_the_district_page_and_downloads_show_the_indicator(client, indicated):
    assert "/metrics/?indicator=high_level_talent" in html(client.get(f"/districts/{HEXI}/"))
    response = client.get("/metrics/", {"format": "json"})
    rows = json.loads(b"".join(response.streaming_content))["results"]
    assert {r["indicator"] for r in rows} == {"high_level_talent", None}
