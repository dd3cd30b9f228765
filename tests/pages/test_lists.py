"""The faceted lists: content, combined filters, facet counts, sorting, pagination, query counts."""
from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from tests.factories import CHAOYANG, FENGTAI, HEXI

LISTS = ["/programs/", "/incentives/", "/metrics/", "/articles/"]
# COUNT, one page of rows, its prefetches, one query per facet (at most nine): never more, whatever the rows.
LIST_QUERIES = 16
# Search counts its matches per type of result and facets each (on PostgreSQL it first finds which words
# the stored vectors know): a few more, as many for any number of rows.
SEARCH_QUERIES = 21


def html(response) -> str:
    return response.content.decode()


def facet_counts(response, facet: str) -> dict[str, int]:
    """{value: count} of a facet as the page shows it (parsed from its data-* attributes)."""
    body = html(response)
    block = re.search(rf'<details class="facet" data-facet="{facet}".*?</details>\s*(?=<details class="facet"|</div>)',
                      body, re.S)
    if not block:
        return {}
    return {v: int(n) for v, n in re.findall(r'data-value="([^"]+)".*?data-count="(\d+)"', block.group(0), re.S)}


@pytest.mark.parametrize("url", LISTS)
def test_lists_render_for_visitors(client, kb, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "data-facets" in html(response)


def test_incentive_list_shows_visible_facts_with_value_and_source(client, kb):
    body = html(client.get("/incentives/"))
    assert f'data-fact="incentive-{kb.apartments.pk}"' in body
    assert '&gt; <data class="figure" value="500">500</data> 套' in body
    assert f"/articles/{kb.fengtai.pk}/#incentive-{kb.apartments.pk}" in body
    # The rejected 7-day offer is never shown.
    assert f"incentive-{kb.rent_free.pk}" not in body
    assert "7天免租" not in body


def test_verified_facts_carry_a_badge(client, kb):
    body = html(client.get("/incentives/?status=verified"))
    assert body.count('data-status="verified"') == 2
    assert 'data-status="proposed"' not in body
    assert "badge-verified" in body


def test_values_of_one_facet_combine_with_or_and_facets_with_and(client, kb):
    one = client.get("/incentives/", {"district": [FENGTAI]}).context["page"].paginator.count
    two = client.get("/incentives/", {"district": [FENGTAI, HEXI]}).context["page"].paginator.count
    assert (one, two) == (4, 6)
    both = client.get("/incentives/", {"district": [FENGTAI, HEXI], "kind": ["apartment"]})
    assert {f.pk for f in both.context["page"].object_list} == {kb.apartments.pk, kb.hexi_apartments.pk}


def test_choosing_a_value_does_not_zero_its_siblings(client, kb):
    response = client.get("/incentives/", {"district": [FENGTAI]})
    assert facet_counts(response, "district") == {FENGTAI: 4, HEXI: 2, CHAOYANG: 1}


def incentive_rows(kb):
    """The visible incentives as plain tuples, computed without the facet code."""
    from policies.models import Incentive

    rows = []
    for f in Incentive.objects.exclude(status="rejected").select_related("district").prefetch_related("groups"):
        rows.append({
            "district": {f.district.adcode}, "province": {f.district.province_adcode}, "kind": {f.kind},
            "unit": {f.unit}, "year": {str(f.year)}, "status": {f.status},
            "target": {"goal" if f.target else "reported"}, "group": {g.code for g in f.groups.all()} or {"none"},  # none: open to all
        })
    return rows


@pytest.mark.parametrize("query", [
    {},
    {"district": [FENGTAI, HEXI]},
    {"district": [FENGTAI, HEXI], "kind": ["apartment", "fund"]},
    {"kind": ["apartment"], "group": ["graduates", "high_level"], "status": ["proposed"]},
    {"province": ["110000"], "year": ["2024", "2022"], "unit": ["count"]},
    {"group": ["skilled"], "district": [FENGTAI], "target": ["reported"]},
])
def test_facet_counts_match_an_independent_count_in_python(client, kb, grow, query):
    grow(5)
    response = client.get("/incentives/", query)
    rows = incentive_rows(kb)

    def keep(row, skip=None):
        return all(row[name] & set(values) for name, values in query.items() if name != skip)

    assert response.context["page"].paginator.count == sum(keep(r) for r in rows)
    for facet in ["district", "province", "kind", "unit", "year", "status", "target", "group"]:
        expected = Counter(v for r in rows if keep(r, skip=facet) for v in r[facet])
        shown = facet_counts(response, facet)
        expected = {v: n for v, n in expected.items() if n}
        assert {v: n for v, n in shown.items() if n} == expected, facet
        # Chosen values stay listed (with 0 when nothing is left), so they can be unticked.
        assert set(query.get(facet, [])) <= set(shown)


def test_metric_facets_bucket_values_and_list_labels(client, kb):
    response = client.get("/metrics/", {"range": ["1000-10000"]})
    assert [m.pk for m in response.context["page"].object_list] == [kb.hexi_goal.pk]
    assert facet_counts(response, "range") == {"1000-10000": 1, "10000-100000": 1}
    assert facet_counts(response, "kind") == {"高层次人才数量": 1}
    assert facet_counts(client.get("/metrics/", {"target": ["goal"]}), "target") == {"goal": 1, "reported": 1}


def test_program_and_article_facets(client, kb):
    programs = client.get("/programs/", {"kind": ["apartment"]})
    assert [p.name for p in programs.context["page"].object_list] == ["学子回家"]
    assert facet_counts(programs, "group") == {"graduates": 1}
    assert facet_counts(programs, "year") == {"2024": 1}
    articles = client.get("/articles/", {"kind": ["apartment"], "year": ["2023", "2022"]})
    assert {a.pk for a in articles.context["page"].object_list} == {kb.hexi.pk, kb.chaoyang.pk}
    assert facet_counts(articles, "year") == {"2024": 1, "2023": 1, "2022": 1}
    # The only rent-free fact is rejected: no article offers it.
    assert client.get("/articles/", {"kind": ["rent_free_period"]}).context["page"].paginator.count == 0


def test_facet_values_sort_by_count_or_by_name(client, kb):
    """By name is by the name shown: in Chinese by its pinyin as place names read (长泰 changtai, 朝阳
    chaoyang), in English alphabetically; not by adcode, nor by the characters' code points."""
    from districts.models import District

    b = kb.b
    aihui, changtai = "231102", "350605"  # 爱辉区 (黑龙江), 长泰区 (福建): after 河西 by adcode
    b.districts.update(District.objects.in_bulk([aihui, changtai], field_name="adcode"))
    for adcode in (aihui, changtai):
        article = b.article(f"{b.districts[adcode].name}提供人才公寓30套。", [adcode], title=adcode)
        b.incentive(article, "人才公寓30套", kind="apartment", value=30, measure="套")
    by_count = list(facet_counts(client.get("/incentives/"), "district"))
    assert by_count[0] == FENGTAI
    names = {"facet_sort": "name"}
    in_pinyin = [aihui, changtai, CHAOYANG, FENGTAI, HEXI]
    assert list(facet_counts(client.get("/incentives/", names), "district")) == in_pinyin
    # 北京 beijing, 福建 fujian, 黑龙江 heilongjiang, 天津 tianjin
    assert list(facet_counts(client.get("/incentives/", names), "province")) == ["110000", "350000", "230000", "120000"]
    client.cookies["django_language"] = "en"
    english = client.get("/incentives/", names)
    assert list(facet_counts(english, "district")) == in_pinyin  # Aihui, Changtai, Chaoyang, Fengtai, Hexi
    assert list(facet_counts(english, "province")) == ["110000", "350000", "230000", "120000"]
    # Target groups too (Entrepreneurs, Graduates and youth, High-level talent), "open to all" last.
    assert list(facet_counts(english, "group")) == ["entrepreneurs", "graduates", "high_level", "none"]


def test_shan_county_sorts_among_the_s_names(client, kb):
    """单 alone reads dan, but 单县 is Shan County (as its English name says): by name it sorts as
    shanxian, between 沙河 shahe and 寿光 shouguang, not as danxian before 大兴 daxing."""
    from districts.models import District

    b = kb.b
    daxing, shahe, shan, shouguang = "110115", "130582", "371722", "370783"
    b.districts.update(District.objects.in_bulk([daxing, shahe, shan, shouguang], field_name="adcode"))
    for adcode in (daxing, shahe, shan, shouguang):
        article = b.article(f"{b.districts[adcode].name}提供人才公寓30套。", [adcode], title=adcode)
        b.incentive(article, "人才公寓30套", kind="apartment", value=30, measure="套")
    in_order = [CHAOYANG, daxing, FENGTAI, HEXI, shahe, shan, shouguang]
    assert list(facet_counts(client.get("/incentives/", {"facet_sort": "name"}), "district")) == in_order
    client.cookies["django_language"] = "en"  # Shan County between Shahe City and Shouguang City there too
    assert list(facet_counts(client.get("/incentives/", {"facet_sort": "name"}), "district")) == in_order


@pytest.fixture
def many_districts(kb):
    """An incentive in each of 300 districts, one more in each of the first twelve: a long district facet."""
    from districts.models import District

    b = kb.b
    districts = list(District.objects.exclude(adcode__in=[FENGTAI, HEXI, CHAOYANG]).order_by("adcode")[:300])
    b.districts.update({d.adcode: d for d in districts})
    for i, d in enumerate(districts):
        article = b.article(f"{d.name}提供人才公寓{i + 1}套，另有人才公寓{i + 2}套。", [d.adcode], title=d.name)
        b.incentive(article, f"人才公寓{i + 1}套", kind="apartment", value=i + 1, measure="套")
        if i < 12:
            b.incentive(article, f"人才公寓{i + 2}套", kind="apartment", value=i + 2, measure="套")
    return districts


def test_a_facet_sends_a_screenful_and_finds_the_rest(client, many_districts):
    """Issue 14: the district facet of an unfiltered list sent some 2,000 links."""
    from talentkb.lists.facets import SCREENFUL

    response = client.get("/incentives/")
    shown = facet_counts(response, "district")
    assert len(shown) == SCREENFUL
    # The most frequent first: 丰台 (4), then districts with two (the twelve and 河西), by name among them.
    assert list(shown)[0] == FENGTAI and set(list(shown)[1:]) <= {d.adcode for d in many_districts[:12]} | {HEXI}
    body = html(response)
    assert 'name="district_find"' in body
    assert len(body.encode()) < 150_000
    # Any other value is found by its name, and a chosen one always shows.
    far = many_districts[250]
    found = client.get("/incentives/", {"district_find": far.name})
    assert far.adcode in facet_counts(found, "district")
    chosen = client.get("/incentives/", {"district": far.adcode})
    assert far.adcode in facet_counts(chosen, "district") and len(facet_counts(chosen, "district")) == SCREENFUL + 1
    nothing = html(client.get("/incentives/", {"district_find": "不存在的地方"}))
    assert 'data-facet="district"' in nothing and "没有匹配的选项" in nothing


def test_list_pages_stay_small_whatever_the_number_of_districts(client, many_districts):
    for url in ["/incentives/", "/articles/", "/programs/", "/metrics/"]:
        assert len(client.get(url).content) < 150_000, url


def test_filters_survive_pagination_and_sorting(client, kb, grow):
    grow(30)
    response = client.get("/incentives/", {"district": FENGTAI, "kind": "apartment", "sort": "largest"})
    page = response.context["page"]
    assert page.paginator.num_pages == 2
    values = [f.value for f in page.object_list]
    assert values == sorted(values, reverse=True)
    next_link = re.search(r'rel="next" href="([^"]+)"', html(response)).group(1)
    query = QueryDict(urlsplit(next_link.replace("&amp;", "&")).query)
    assert query.getlist("district") == [FENGTAI] and query["kind"] == "apartment"
    assert query["sort"] == "largest" and query["page"] == "2"
    # Every facet link keeps the other filters and goes back to page 1.
    second = client.get(next_link.replace("&amp;", "&"))
    for href in re.findall(r'class="facet-value[^"]*" href="([^"]+)"', html(second)):
        q = QueryDict(urlsplit(href.replace("&amp;", "&")).query)
        assert "page" not in q and q["sort"] == "largest"


def test_unknown_sort_and_bad_values_are_ignored_and_bad_pages_404(client, kb):
    assert client.get("/incentives/", {"sort": "password", "district": "x'; drop", "year": "20245"}).status_code == 200
    assert client.get("/incentives/", {"page": "99"}).status_code == 404
    assert client.get("/incentives/", {"page": "abc"}).status_code == 404


@pytest.mark.parametrize("url,params", [
    ("/incentives/", {"kind": "zzz"}),
    ("/incentives/", {"status": "rejected"}),
    ("/incentives/", {"unit": "zzz"}),
    ("/metrics/", {"target": "zzz"}),
    ("/metrics/", {"range": "zzz"}),
    ("/programs/", {"kind": "zzz"}),
    ("/articles/", {"kind": "zzz"}),
    ("/search/", {"q": "人才", "kind": "zzz"}),
    # PostgreSQL refuses a NUL character in any string it is sent.
    ("/metrics/", {"kind": "人才\x00"}),
])
def test_values_outside_a_facets_vocabulary_are_ignored(client, kb, url, params):
    """A value no facet offers (a hand-edited URL, a rejected status) is dropped like any bad value, not a 500."""
    everything = client.get(url, {k: v for k, v in params.items() if k == "q"}).context["page"].paginator.count
    response = client.get(url, params)
    assert response.status_code == 200
    assert response.context["page"].paginator.count == everything


def test_chinese_filters_are_encoded_in_links(client, kb):
    body = html(client.get("/metrics/", {"q": "人才"}))
    assert "q=%E4%BA%BA%E6%89%8D" in body


@pytest.mark.parametrize("url", [*LISTS, "/search/?q=人才公寓", "/search/?q=人才&type=incentives"])
def test_list_queries_do_not_grow_with_rows(client, kb, grow, url):
    """Guards against N+1 on districts, programs, groups and articles of each row: the same
    queries for 3 grown articles as for 30, and few. The grown articles match the searches
    too (人才公寓), so search pages grow as lists do."""
    path, _, query = url.partition("?")
    params = {**QueryDict(query).dict(), "district": [FENGTAI, HEXI]}
    shown = []
    for more in (3, 27):
        grow(more)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, params)
        assert response.status_code == 200
        shown.append((len(queries), re.search(r"通知29|计划29", response.content.decode()) is not None))
    (small, before), (large, after) = shown
    assert (before, after) == (False, True), "the 30th grown article should be on the page only once grown"
    assert large == small <= (SEARCH_QUERIES if path == "/search/" else LIST_QUERIES)


def test_unticking_the_last_value_leads_back_to_the_whole_list(client, kb):
    body = html(client.get("/incentives/", {"kind": "fund"}))
    untick = re.search(r'data-facet="kind".*?href="([^"]*)" data-value="fund"', body, re.S).group(1)
    # The fragment names the link, so that focus comes back to it after the reload.
    assert untick == "/incentives/#f-kind-fund"
    assert 'id="f-kind-fund"' in body
    assert 'href="/incentives/">' in body  # "Clear all"


def test_program_years_are_the_years_of_their_articles(client, kb, grow):
    grow(3)  # published 2010, 2011, 2012
    response = client.get("/programs/", {"year": ["2011", "2024"]})
    assert {p.name for p in response.context["page"].object_list} == {"计划1", "学子回家"}
    assert facet_counts(response, "year") == {"2024": 1, "2012": 1, "2011": 1, "2010": 1}


def test_the_year_facet_has_a_no_year_value_so_every_fact_is_reached_by_year(client, kb):
    """Issue 12, point 10: facts with no year (no period, an undated article) are a year value of their own."""
    undated = kb.b.article("某区人才公寓66套，人才数量达到77人。", [HEXI], title="无日期", published="")
    apartments = kb.b.incentive(undated, "人才公寓66套", kind="apartment", value=66, measure="套")
    count = kb.b.metric(undated, "人才数量达到77人", label="人才数量", value=77, measure="人")
    program = kb.b.program("无年计划", undated, "人才公寓", adcode=HEXI)
    for url, item, total in [("/incentives/", apartments, 8), ("/metrics/", count, 3),
                             ("/articles/", undated, 4), ("/programs/", program, 2)]:
        response = client.get(url)
        counts = facet_counts(response, "year")
        assert counts["none"] == 1, url
        # Every row is under one year value or "no year".
        assert sum(counts.values()) >= total, url
        assert list(counts)[-1] == "none"  # after the years
        chosen = client.get(url, {"year": "none"})
        assert [r.pk for r in chosen.context["page"].object_list] == [item.pk], url
        assert "无年份" in html(chosen)
        both = client.get(url, {"year": ["none", "2023"]}).context["page"].paginator.count
        assert both == 1 + client.get(url, {"year": "2023"}).context["page"].paginator.count, url
