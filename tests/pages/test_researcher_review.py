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
