"""A policy researcher's review: what the district page and the comparison link to, and what they accept."""
import re
from html import unescape

import pytest

from policies.models import Indicator
from tests.factories import CHAOYANG, FENGTAI, HEXI


def html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


@pytest.fixture
def label_under_two(kb):
    """河西 reports 高层次人才数量 twice: once without an indicator, once under one."""
    kb.b.metric(kb.hexi, "全区累计建设人才公寓120套", label="高层次人才数量", value=120, measure="人",
                indicator=Indicator.objects.get(code="high_level_talent"))
    return kb


@pytest.mark.parametrize("url, params", [
    (f"/districts/{HEXI}/", {}),
    ("/compare/", {"d": [FENGTAI, HEXI, CHAOYANG]}),
])
def test_every_all_n_link_opens_the_n_rows_it_counts(client, label_under_two, url, params):
    links = re.findall(r'<a (?:class="cell-all" )?href="([^"]+)" data-all="(\d+)"', html(client.get(url, params)))
    assert len(links) >= 4
    for href, n in links:
        listed = client.get(unescape(href)).context["page"].paginator.count
        assert listed == int(n), href


@pytest.mark.parametrize("q", ["%", "'", '"', "_", "*", "。", "---", " % ' "])
def test_a_query_of_punctuation_alone_searches_nothing_and_says_so(client, kb, q):
    response = client.get("/search/", {"q": q, "type": "incentives"})
    body = html(response)
    assert 'data-tab="incentives"' not in body and "<table" not in body  # no tabs, no rows
    assert "没有可搜索的字" in body  # the page says why
    assert "搜索文章正文" in body  # and what it says to an empty query
    # A query with a word beside its punctuation still searches.
    assert 'data-tab="incentives"' in html(client.get("/search/", {"q": f"{q} 人才公寓", "type": "incentives"}))
