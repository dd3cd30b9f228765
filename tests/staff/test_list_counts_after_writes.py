"""Issue 11: the lists' counts come from a cache keyed by the data version; after every kind of write
(import, admin edit, review screen, re-extraction, merge, deletion, restore) the counts a page shows,
its facets and its total, equal counts made here directly with the ORM.

Each write runs as committed (its on-commit callbacks executed), so that the next page reads the
cache at the new data version; the page before it filled the cache at the old one. Without the
version changing, the second page would show the first one's counts.
"""
from __future__ import annotations

import itertools
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import models
from django.urls import reverse

from policies import data_version, extraction
from policies.models import Article, Incentive, ListCount, Metric
from programs.models import Program
from tests.factories import CHAOYANG, admin_form_data
from tests.pages.test_lists import facet_counts
from tests.staff.staffdata import fact
from tests.staff.test_staff_review import formset_data, prefix_of, review_url
from tests.staff.test_staff_reextract import fake_extraction


def year_of(value) -> str:
    return str(value) if value else "none"


def expected() -> dict[str, dict]:
    """What each list should show, counted directly: {url: {"total": n, facet: {value: n}}}."""
    incentives = list(Incentive.objects.visible().select_related("district"))
    metrics = list(Metric.objects.visible().select_related("district"))
    programs = list(Program.objects.visible().select_related("district"))
    articles = list(Article.objects.prefetch_related("districts"))
    hexi = [i for i in incentives if i.district and i.district.adcode == "120103"]
    return {
        "/incentives/": {
            "total": len(incentives),
            "district": Counter(i.district.adcode for i in incentives if i.district),
            "kind": Counter(i.kind for i in incentives),
            "status": Counter(i.status for i in incentives),
            "year": Counter(year_of(i.year) for i in incentives),
        },
        "/incentives/?district=120103": {"total": len(hexi), "kind": Counter(i.kind for i in hexi)},
        "/metrics/": {
            "total": len(metrics),
            "district": Counter(m.district.adcode for m in metrics if m.district),
            "year": Counter(year_of(m.year) for m in metrics),
            "status": Counter(m.status for m in metrics),
        },
        "/programs/": {
            "total": len(programs),
            "district": Counter(p.district.adcode for p in programs if p.district),
            "status": Counter(p.status for p in programs),
        },
        "/articles/": {
            "total": len(articles),
            "district": Counter(d.adcode for a in articles for d in a.districts.all()),
            "year": Counter(year_of(a.published[:4]) for a in articles),
        },
    }


def shown(client) -> dict[str, dict]:
    """The same, as the pages show it."""
    out = {}
    for url, facets in expected().items():
        response = client.get(url)
        assert response.status_code == 200
        out[url] = {"total": response.context["page"].paginator.count}
        for facet in facets:
            if facet != "total":
                out[url][facet] = Counter(facet_counts(response, facet))
    return out


def assert_pages_count_as_the_orm(client):
    assert shown(client) == expected()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a write as if its transaction committed: its on-commit callbacks (the version's bump) run."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def cached_pages(client, article, committed):
    """The lists shown once, so that their counts are in the cache at the current data version."""
    data_version.bump()  # the fixtures' rows, as committed
    assert_pages_count_as_the_orm(client)
    assert ListCount.objects.exists()
    return client


def test_a_second_request_reads_the_counts_instead_of_counting(client, article, committed,
                                                               django_assert_max_num_queries):
    """The cache is used: the facets' queries are not made again for the same filters."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    data_version.bump()
    with CaptureQueriesContext(connection) as first:
        client.get("/incentives/")
    with CaptureQueriesContext(connection) as second:
        client.get("/incentives/")
    # One query (version and entry) instead of a COUNT and one per facet (nine facets).
    assert len(first) - len(second) >= 8


def test_after_import(cached_pages, committed, seeds_dir):
    with committed():
        call_command("import_articles", str(seeds_dir), verbosity=0)
    assert_pages_count_as_the_orm(cached_pages)


def test_after_admin_edit_and_admin_action(client, cached_pages, committed, editor, article):
    client.force_login(editor)
    desks = fact(article, "工位")
    url = reverse("admin:policies_incentive_change", args=[desks.pk])
    data = admin_form_data(client, url, kind="office_space", groups=[])
    with committed():
        response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Incentive.objects.get(pk=desks.pk).kind == "office_space"
    assert_pages_count_as_the_orm(client)
    with committed():
        client.post(reverse("admin:policies_incentive_changelist"),
                    {"action": "reject_selected", "_selected_action": [fact(article, "公寓").pk]})
    assert fact(article, "公寓").status == "rejected"
    assert_pages_count_as_the_orm(client)


def test_after_review_screen_verify_and_reject(client, cached_pages, committed, editor, article):
    client.force_login(editor)
    page = client.get(review_url(article))
    rows = {prefix_of(page, "公寓"): {"decision": "accept"}, prefix_of(page, "补贴"): {"decision": "reject"}}
    with committed():
        assert client.post(review_url(article), formset_data(page, **rows)).status_code == 302
    assert (fact(article, "公寓").status, fact(article, "补贴").status) == ("verified", "rejected")
    assert_pages_count_as_the_orm(client)


def test_after_reextraction(cached_pages, committed, article, monkeypatch):
    # The improved extractor no longer reads the subsidy and files the figure under another year.
    def extract(text):
        found = fake_extraction(text)
        found.incentives = [i for i in found.incentives if i.kind != "subsidy"]
        found.metrics[0].period = "2022"
        return found

    monkeypatch.setattr(extraction, "extract", extract)
    before = Incentive.objects.visible().count()
    with committed():
        call_command("reextract", str(article.pk), verbosity=0)
    assert Incentive.objects.visible().count() == before - 1
    assert_pages_count_as_the_orm(cached_pages)


def test_after_program_merge(client, cached_pages, committed, editor, article, hexi):
    from districts.models import District

    keep = Program.objects.get(name="青年人才集聚")
    other = Program.objects.create(name="朝阳青年人才", district=District.objects.get(adcode=CHAOYANG))
    assert_pages_count_as_the_orm(client)  # the new program counted (a write outside `committed`: counted directly)
    data_version.bump()
    assert_pages_count_as_the_orm(client)  # and now from the cache
    client.force_login(editor)
    with committed():
        client.post(reverse("admin:programs_program_changelist"),
                    {"action": "merge", "_selected_action": [keep.pk, other.pk], "keep": keep.pk, "confirm": "1"})
    assert not Program.objects.filter(pk=other.pk).exists()
    assert_pages_count_as_the_orm(client)


def test_after_deletion(client, cached_pages, committed, superuser, article):
    client.force_login(superuser)
    with committed():
        client.post(reverse("admin:policies_incentive_delete", args=[fact(article, "工位").pk]), {"post": "yes"})
    assert_pages_count_as_the_orm(client)
    with committed():
        client.post(reverse("admin:policies_article_delete", args=[article.pk]), {"post": "yes"})
    assert not Article.objects.exists()
    assert_pages_count_as_the_orm(client)


def test_after_restore(client, seeded, committed, tmp_path):
    call_command("export_kb", "--full", "-o", str(tmp_path / "kb.jsonl"), verbosity=0)
    with committed():
        Article.objects.all().delete()
        Program.objects.all().delete()
        for model in (Program, Incentive, Metric):
            model.history.all().delete()
    assert_pages_count_as_the_orm(client)
    assert shown(client)["/incentives/"]["total"] == 0
    with committed():
        call_command("import_kb", str(tmp_path / "kb.jsonl"), verbosity=0)
    assert Incentive.objects.exists()
    assert_pages_count_as_the_orm(client)


@pytest.mark.parametrize("url", ["/programs/", "/incentives/", "/metrics/", "/articles/"])
def test_list_queries_are_fixed_when_counting_and_when_reading_the_counts(client, article, grow_more, url,
                                                                          django_assert_max_num_queries):
    """A miss counts (a COUNT, one query per facet) and stores (two queries); a hit reads the
    version and the entry in one query: neither grows with the rows."""
    from tests.pages.test_lists import LIST_QUERIES

    for n in (3, 30):
        grow_more(n)
        data_version.bump()
        with django_assert_max_num_queries(LIST_QUERIES):
            assert client.get(url).status_code == 200
        with django_assert_max_num_queries(HIT_QUERIES):
            assert client.get(url).status_code == 200


# The version and the entry, the page of rows and its prefetches (districts, groups).
HIT_QUERIES = 5


@pytest.fixture
def grow_more(article):
    """Adds n copies of the article's facts, in other articles."""
    from tests.staff.staffdata import HEXI_TEXT

    made = itertools.count()

    def grow(n):
        for _ in range(n):
            i = next(made)
            copy = Article.objects.create(title=f"副本{i}", text=HEXI_TEXT + str(i), sha256=f"{i:064d}"[:64],
                                          published="2023-05-01")
            copy.districts.set(article.districts.all())
            for model in (Incentive, Metric):
                for f in model.objects.filter(article=article):
                    groups = list(f.groups.all()) if model is Incentive else None
                    f.pk = None
                    f.article = copy
                    f.save()
                    if groups:
                        f.groups.set(groups)

    return grow


def test_facts_follow_their_articles_date_for_the_period_order(client, article, seeds_dir):
    """Facts keep a copy of their article's date (the lists sort by it from one index):
    imported or edited, it is the article's (restored: test_after_restore's pages sort by it)."""
    call_command("import_articles", str(seeds_dir), verbosity=0)
    for model in (Incentive, Metric):
        assert not model.objects.exclude(published=models.F("article__published")).exists()
    article.published = "2019-02-03"
    article.save()
    assert set(Incentive.objects.filter(article=article).values_list("published", flat=True)) == {"2019-02-03"}


def test_the_kept_counts_stay_bounded_whatever_filter_states_are_asked(client, article, settings):
    """A crawler asking many filter states cannot fill the table: beyond LIST_COUNTS_MAX_ENTRIES some
    entries go, and the pages still count right (a dropped state is counted again)."""
    settings.LIST_COUNTS_MAX_ENTRIES = 10
    data_version.bump()
    for year in range(1990, 2020):
        assert client.get(f"/incentives/?year={year}").status_code == 200
    assert 0 < ListCount.objects.count() <= 10
    assert_pages_count_as_the_orm(client)
