"""The district page and the comparison keep each district's summaries for the data version
(talentkb/summaries.py: district_summaries): what they show from the stored summaries is what they
show when summarising directly, and a committed write of any kind shows at once.

The pages first render with the fixtures' writes uncommitted (summarised directly); after the
version's bump they store, then read, each district's summaries.
"""
from __future__ import annotations

import pytest

from policies import data_version
from policies.models import Incentive, ListCount, Metric
from tests.factories import CHAOYANG, FENGTAI, HEXI
from tests.pages.test_bounded_district_pages import flood

SIX = [FENGTAI, HEXI, CHAOYANG, "110105", "110108", "120103"]


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a write as if its transaction committed: its on-commit callbacks (the version's bump) run."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def flooded(kb):
    flood(FENGTAI, 600)
    flood(HEXI, 300, seed=8)
    return kb


def pages(client) -> dict[str, bytes]:
    return {
        "fengtai": client.get(f"/districts/{FENGTAI}/").content,
        "hexi": client.get(f"/districts/{HEXI}/").content,
        "six": client.get("/compare/", {"d": SIX}).content,
        "two": client.get("/compare/", {"d": [HEXI, FENGTAI]}).content,
    }


def stored() -> int:
    return ListCount.objects.filter(key__startswith="summaries:").count()


def test_stored_summaries_show_what_direct_ones_show(client, flooded):
    direct = pages(client)
    assert stored() == 0  # uncommitted writes: summarised directly, nothing stored
    data_version.bump()
    first = pages(client)
    assert stored() == len(set(SIX))
    assert pages(client) == first == direct


def test_a_comparison_reuses_the_district_page_s_summaries(client, flooded, django_assert_max_num_queries):
    direct = client.get("/compare/", {"d": [FENGTAI, HEXI]}).content
    data_version.bump()
    client.get(f"/districts/{FENGTAI}/")
    assert stored() == 1
    # 丰台 read, 河西 summarised and stored: the same page.
    assert client.get("/compare/", {"d": [FENGTAI, HEXI]}).content == direct
    assert stored() == 2
    # Both stored: the districts, the stored summaries, the incentives, the metrics, the series' facts
    # and their indicators.
    with django_assert_max_num_queries(6):
        assert client.get("/compare/", {"d": [FENGTAI, HEXI]}).content == direct


def shown_count(client, key: str) -> int:
    page = client.get(f"/districts/{FENGTAI}/").context["page"]
    return next(r.summary.count for r in page.kinds + page.indicators if r.key == key)


def test_a_committed_write_shows_at_once(client, flooded, committed):
    data_version.bump()
    apartments = Incentive.objects.visible().filter(district__adcode=FENGTAI, kind="apartment")
    assert shown_count(client, "incentive:apartment") == apartments.count()
    kind = client.get(f"/districts/{FENGTAI}/").context["page"].kinds[0]
    latest = kind.summary.latest
    with committed():
        Incentive.objects.filter(pk=latest.pk).update(status="rejected")
    page = client.get(f"/districts/{FENGTAI}/").context["page"]
    row = next(r for r in page.kinds if r.key == kind.key)
    assert row.summary.latest.pk != latest.pk
    assert row.summary.count == Incentive.objects.visible().filter(district__adcode=FENGTAI, kind=latest.kind).count()
    # A deleted figure leaves its indicator's summary and its series.
    indicator = page.indicators[0]
    gone = indicator.summary.latest
    with committed():
        Metric.objects.filter(pk=gone.pk).delete()
    page = client.get(f"/districts/{FENGTAI}/").context["page"]
    row = next(r for r in page.indicators if r.key == indicator.key)
    assert row.summary.latest.pk != gone.pk
    assert row.summary.count == indicator.summary.count - 1
    assert all(p.pk != gone.pk for s in page.series for p in s.points)
    assert stored() == 1  # entries of past versions are dropped
