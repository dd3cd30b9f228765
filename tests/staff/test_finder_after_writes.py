"""The finder's ranking and each district's best offers are kept per filter state and data version
(talentkb.pages.finder, talentkb.lists.counts). After an edit in the admin, a decision on the review
screen, a change of an article's date and a deletion, the page and the download rank exactly as the
ranking computed here in Python over the offers as they now are, and show each district's best offers.

Each write runs as committed (its on-commit callbacks executed), so that the next page reads at the
new data version; the page before it stored the ranking at the old one.
"""
from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from policies import data_version
from policies.models import Article, Incentive, ListCount
from tests.factories import admin_form_data, bulk_offers
from tests.pages.test_finder import PHD, WEIGHTS, download, python_ranking
from tests.staff.staffdata import fact

HEXI = "120103"
# What a person asks: every need the Hexi notice offers; a PhD; a PhD who needs housing since 2024.
ASKED = [
    {"need": ["apartment", "workstation", "office_space", "subsidy"]},
    {"group": PHD},
    {"group": PHD, "need": ["apartment"], "since": "2024"},
]
# The ranking and its page's best offers read from the table: the stored ranking, the districts'
# names, the stored offer ids, the offers, their groups, their programs' groups, the form's provinces.
HIT_QUERIES = 7


def offers_now() -> list[dict]:
    """Every offer in a district as it is now, as plain dicts (the shape python_ranking reads)."""
    rows = Incentive.objects.filter(district__isnull=False).select_related("district", "article")
    return [
        {"pk": i.pk, "adcode": i.district.adcode, "province": i.district.province_adcode, "kind": i.kind,
         "year": i.year, "status": i.status, "groups": {g.code for g in i.groups.all()},
         "published": i.article.published, "value": i.value, "unit": i.unit}
        for i in rows.prefetch_related("groups")
    ]


def best_keys(offers, adcode, params, this_year, n=5) -> list[tuple[bool, int]]:
    """(verified, weight) of a district's n best matching offers, best first (ties beyond these two
    keys are broken by year, value and id; the keys' list is the same however they are broken)."""
    keys = []
    for o in offers:
        if o["adcode"] != adcode or not python_ranking([o], groups=params.get("group", ()),
                                                       needs=params.get("need", ()), since=params.get("since"),
                                                       this_year=this_year):
            continue
        recency = 1 if o["year"] is None else max(1, 6 - max(0, this_year - o["year"]))
        verified = o["status"] == "verified"
        keys.append((verified, WEIGHTS[o["kind"]] * recency * (2 if verified else 1)))
    return sorted(keys, key=lambda k: (not k[0], -k[1]))[:n]


def assert_ranked_as_in_python(client, this_year):
    offers = offers_now()
    for params in ASKED:
        expected = python_ranking(offers, groups=params.get("group", ()), needs=params.get("need", ()),
                                  since=params.get("since"), this_year=this_year)
        assert [(r["adcode"], r["score"]) for r in download(client, params)["results"]] == expected
        page = client.get("/finder/", params).context["results"]
        assert [(r.district.adcode, r.score) for r in page] == expected[:25]
        for result in page:
            shown = [(s.fact.status == "verified", s.fact.weight) for s in result.offers]
            assert shown == best_keys(offers, result.district.adcode, params, this_year), result.district.adcode


def hexi_rank(client, params) -> tuple | None:
    """Where Hexi stands: its rank, score, matching and verified offers (a decision that leaves
    the score as it was, one offer verified and one rejected, still moves the counts)."""
    found = [(r["rank"], r["score"], r["offers"], r["verified"])
             for r in download(client, params)["results"] if r["adcode"] == HEXI]
    return found[0] if found else None


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a write as if its transaction committed: its on-commit callbacks (the version's bump) run."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def stored(client, article, reference_data):
    """60 districts' offers and the Hexi notice, ranked once so that the rankings are stored."""
    this_year = timezone.localdate().year
    bulk_offers(60, seed=29, this_year=this_year)
    data_version.bump()  # the fixtures' rows, as committed
    assert_ranked_as_in_python(client, this_year)
    assert ListCount.objects.exists()
    return this_year


def test_a_second_visit_reads_the_stored_ranking(client, stored, django_assert_max_num_queries):
    """Neither the GROUP BY over every matching offer nor the window over the page's offers runs again."""
    params = ASKED[0]
    first = client.get("/finder/", params).context["results"]
    with django_assert_max_num_queries(HIT_QUERIES) as queries:
        again = client.get("/finder/", params).context["results"]
    assert not any("GROUP BY" in q["sql"] or "ROW_NUMBER" in q["sql"] for q in queries.captured_queries)
    assert [(r.district.adcode, r.score, [s.fact.pk for s in r.offers]) for r in again] == [
        (r.district.adcode, r.score, [s.fact.pk for s in r.offers]) for r in first
    ]


def test_after_an_admin_edit(client, stored, committed, editor, article):
    client.force_login(editor)
    desks = fact(article, "工位")
    url = reverse("admin:policies_incentive_change", args=[desks.pk])
    data = admin_form_data(client, url, kind="fund", groups=[])  # a desk becomes money: 3 instead of 2, and no longer a need asked
    before = hexi_rank(client, ASKED[0])
    with committed():
        assert client.post(url, data).status_code == 302
    assert Incentive.objects.get(pk=desks.pk).kind == "fund"
    client.logout()
    assert hexi_rank(client, ASKED[0]) != before
    assert_ranked_as_in_python(client, stored)


def test_after_the_review_screen(client, stored, committed, editor, article):
    from tests.staff.test_staff_review import formset_data, prefix_of, review_url

    client.force_login(editor)
    page = client.get(review_url(article))
    rows = {prefix_of(page, "公寓"): {"decision": "accept"}, prefix_of(page, "补贴"): {"decision": "reject"}}
    before = hexi_rank(client, ASKED[0])
    with committed():
        assert client.post(review_url(article), formset_data(page, **rows)).status_code == 302
    assert (fact(article, "公寓").status, fact(article, "补贴").status) == ("verified", "rejected")
    client.logout()
    assert hexi_rank(client, ASKED[0]) != before
    assert_ranked_as_in_python(client, stored)


def test_after_an_articles_date_changes(client, stored, committed, article):
    """`since` reads the article's date: an older date takes its offers out of a ranking since 2024."""
    assert hexi_rank(client, ASKED[2]) is not None
    with committed():
        article.published = "2019-06-01"
        article.save()
    assert hexi_rank(client, ASKED[2]) is None
    assert_ranked_as_in_python(client, stored)


def test_after_deletions(client, stored, committed, superuser, article):
    client.force_login(superuser)
    with committed():
        client.post(reverse("admin:policies_incentive_delete", args=[fact(article, "公寓").pk]), {"post": "yes"})
    client.logout()
    assert_ranked_as_in_python(client, stored)
    other = Article.objects.exclude(pk=article.pk).filter(incentive__status="verified").first()
    client.force_login(superuser)
    with committed():
        client.post(reverse("admin:policies_article_delete", args=[other.pk]), {"post": "yes"})
        client.post(reverse("admin:policies_article_delete", args=[article.pk]), {"post": "yes"})
    client.logout()
    assert not Article.objects.filter(pk__in=[article.pk, other.pk]).exists()
    assert hexi_rank(client, ASKED[0]) is None
    assert_ranked_as_in_python(client, stored)
