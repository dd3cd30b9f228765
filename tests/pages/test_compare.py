"""The comparison: rows by incentive kind and by indicator, shared rows first with
their charts, the others folded; exact figures; the picker."""
import json
import re

import pytest

from policies.models import Indicator, Metric
from tests.factories import CHAOYANG, FENGTAI, HEXI


def html(response):
    return response.content.decode()


def charts_of(response):
    found = re.search(r'<script id="chart-data" type="application/json">(.*?)</script>', html(response), re.S)
    return {c["key"]: c for c in json.loads(found.group(1))} if found else {}


def part_of(body, part):
    """The HTML of one table of the page: shared, single or other."""
    return re.search(rf'<table class="data compare[^"]*" data-compare="{part}">.*?</table>', body, re.S).group(0)


@pytest.fixture
def indicated(kb):
    """河西's goal and 朝阳's figure of 高层次人才数量 both measure high_level_talent."""
    Metric.objects.filter(label="高层次人才数量").update(indicator=Indicator.objects.get(code="high_level_talent"))
    return kb


def text(fragment: str) -> str:
    """An HTML fragment's text, its tags dropped."""
    return re.sub(r"<[^>]+>", "", fragment)


def test_two_districts_side_by_side(client, kb):
    response = client.get("/compare/", {"d": [FENGTAI, HEXI]})
    body = html(response)
    rows = {r.key: r for r in response.context["rows"]}
    apartment = re.search(r'<tr data-row="incentive:apartment".*?</tr>', body, re.S).group(0)
    assert "&gt; 500 套" in apartment and "120 套" in apartment
    assert f'href="/articles/{kb.fengtai.pk}/#incentive-{kb.apartments.pk}"' in apartment
    fund = re.search(r'<tr data-row="incentive:fund".*?</tr>', body, re.S).group(0)
    # Exact: every digit, never 5000万.
    assert fund.count("not-reported") == 1 and "50,000,000 元" in text(fund)
    # Rejected facts never reach the comparison.
    assert "incentive:rent_free_period" not in rows


def test_shared_rows_come_first_each_with_its_chart(client, indicated):
    response = client.get("/compare/", {"d": [FENGTAI, HEXI, CHAOYANG]})
    comparison = response.context["comparison"]
    assert [(g.key, [r.key for r in g.rows]) for g in comparison.shared] == [
        ("incentive", ["incentive:apartment"]),
        ("category:high_level_talent", ["indicator:high_level_talent"]),
    ]
    # Rows one district reports are folded under a toggle, grouped the same way.
    assert {r.key for g in comparison.single for r in g.rows} == {
        "incentive:jobs", "incentive:workstation", "incentive:office_space", "incentive:fund",
    }
    body = html(response)
    shared = part_of(body, "shared")
    assert 'scope="rowgroup">高层次人才与专家</th>' in shared
    assert shared.index('data-row="incentive:apartment"') < shared.index('data-row="indicator:high_level_talent"')
    assert 'data-chart="0"' in shared and 'data-chart="1"' in shared
    assert re.search(r'<details class="compare-more" data-part="single">\s*<summary>', body)
    assert 'data-row="incentive:fund"' in part_of(body, "single") and "data-chart" not in part_of(body, "single")


def test_every_chart_marks_a_district_without_the_figure(client, indicated):
    charts = charts_of(client.get("/compare/", {"d": [FENGTAI, HEXI, CHAOYANG]}))
    apartment = charts["incentive:apartment"]
    assert apartment["categories"] == ["丰台区", "河西区", "朝阳区"]
    assert apartment["values"] == [500, 120, 800]
    assert apartment["labels"] == ["> 500 套 2024", "120 套 2023", "800 套 2022"]
    talent = charts["indicator:high_level_talent"]
    # 丰台 reports none: no bar (never a zero), a label that says so.
    assert talent["values"] == [None, 3000, 12000] and talent["missing"] == [True, False, False]
    assert talent["labels"] == ["未报告", "3,000 人 (目标) 2025", "12,000 人 2022"]
    assert "丰台区 未报告" in talent["summary"]
    # Funds are reported by one district only: no chart, the table has it.
    assert "incentive:fund" not in charts


def test_a_bar_names_the_period_its_table_cell_names(client, indicated):
    Metric.objects.filter(pk=indicated.chaoyang_talent.pk).update(period="2022Q3")
    charts = charts_of(client.get("/compare/", {"d": [HEXI, CHAOYANG]}))
    assert charts["indicator:high_level_talent"]["labels"] == ["3,000 人 (目标) 2025", "12,000 人 2022Q3"]


def test_metrics_without_an_indicator_fold_under_their_label(client, kb):
    response = client.get("/compare/", {"d": [HEXI, CHAOYANG]})
    other = response.context["comparison"].other
    assert [(g.key, [r.key for r in g.rows]) for g in other] == [("metric", ["metric:高层次人才数量"])]
    body = html(response)
    assert re.search(r'<details class="compare-more" data-part="other">', body)
    assert 'data-row="metric:高层次人才数量"' in part_of(body, "other")
    # Shared by label, it still gets its chart.
    assert "metric:高层次人才数量" in charts_of(response)


def test_cells_show_the_metrics_own_label_under_an_indicator(client, indicated):
    body = html(client.get("/compare/", {"d": [HEXI, CHAOYANG]}))
    row = re.search(r'<tr data-row="indicator:high_level_talent".*?</tr>', body, re.S).group(0)
    assert row.count('<span class="meta">高层次人才数量</span>') == 2
    assert f'href="/articles/{indicated.chaoyang.pk}/#metric-{indicated.chaoyang_talent.pk}"' in row
    assert "12,000 人" in row


def test_the_download_has_the_pages_rows_and_indicators(client, indicated):
    response = client.get("/compare/", {"d": [HEXI, CHAOYANG], "format": "json"})
    rows = json.loads(b"".join(response.streaming_content))["results"]
    talent = [r for r in rows if r["key"] == "indicator:high_level_talent"]
    assert [(r["district"], r["indicator"], r["display"]) for r in talent] == [
        ("河西区", "high_level_talent", ["3,000 人"]), ("朝阳区", "high_level_talent", ["12,000 人"]),
    ]


def test_the_comparison_takes_two_to_six_districts(client, reference_data):
    many = ["110101", "110102", "110105", "110106", "110107", "110108", "110109"]
    response = client.get("/compare/", {"d": many + ["999999", "abc", "110101"]})
    assert [d.adcode for d in response.context["districts"]] == many[:6]
    assert not response.context["can_add"]
    assert "Choose at least two" in html(client.get("/compare/", {"d": FENGTAI})) or \
        client.get("/compare/", {"d": FENGTAI}).context["districts"]


@pytest.mark.parametrize("q", ["丰台", "fengtai", "ft", "110106"])
def test_picker_finds_districts_by_name_and_pinyin(client, reference_data, q):
    results = client.get("/districts/lookup/", {"q": q}).json()["results"]
    assert results[0]["adcode"] == FENGTAI
    # Without JavaScript the form asks the server, which offers links that add the district.
    body = html(client.get("/compare/", {"d": HEXI, "add": q}))
    assert f"d={HEXI}&amp;d={FENGTAI}" in body


def test_picker_names_a_municipality_once_and_a_prefecture_with_its_province(client, reference_data):
    body = html(client.get("/compare/", {"d": FENGTAI, "add": "河西"}))
    assert '河西区 <span class="meta">天津市</span>' in body and "天津市 · 天津市" not in body
    body = html(client.get("/compare/", {"d": FENGTAI, "add": "长泰"}))
    assert '长泰区 <span class="meta">漳州市 · 福建省</span>' in body


def test_picker_ranks_exact_names_first(client, reference_data):
    results = client.get("/districts/lookup/", {"q": "chaoyang"}).json()["results"]
    assert {r["name"] for r in results[:3]} == {"朝阳区", "朝阳县"}
    assert client.get("/districts/lookup/", {"q": "!!"}).json()["results"] == []


def test_picker_ignores_a_nul_character(client, reference_data):
    """PostgreSQL refuses a NUL character in a query: the picker finds nothing rather than failing."""
    assert client.get("/districts/lookup/", {"q": "丰台\x00"}).json()["results"] == []
    assert client.get("/compare/", {"add": "丰台\x00"}).status_code == 200
    assert client.get("/districts/", {"q": "丰台\x00"}).status_code == 200


@pytest.mark.parametrize("n", [3, 30])
def test_compare_queries_are_fixed(client, indicated, grow, django_assert_max_num_queries, n):
    """The districts; their incentive summaries, metric summaries and series (each its groups,
    then their chosen facts with their indicators); the map reuses the summaries' counts:
    whatever the rows, the groups and the charts."""
    grow(n)
    # Half the grown metrics under an indicator, so that rows of every part and many groups are drawn.
    ids = list(Metric.objects.filter(label="人才数量").values_list("pk", flat=True))
    for pk, indicator in zip(ids[::2], Indicator.objects.all()):
        Metric.objects.filter(pk=pk).update(indicator=indicator)
    with django_assert_max_num_queries(8):
        response = client.get("/compare/", {"d": [FENGTAI, HEXI, CHAOYANG]})
    assert response.status_code == 200
    assert len(response.context["rows"]) > n // 2


def test_the_seeds_three_districts_share_indicator_rows(client, seeded):
    """Issue 10: 丰台区, 河西区 and 长泰区 as the seeds report them line up on shared
    rows, offers by kind and metrics by indicator (both 丰台 and 长泰 count the
    universities they work with: 60余家高校 and 40余所高校)."""
    response = client.get("/compare/", {"d": [FENGTAI, HEXI, "350605"]})
    shared = {r.key for g in response.context["comparison"].shared for r in g.rows}
    assert "indicator:partner_universities" in shared
    assert any(key.startswith("incentive:") for key in shared)


def test_compare_these_compares_the_districts_for_the_finders_person(client, build):
    """The finder's "Compare these" keeps who the person is and what they need: the comparison says for whom,
    its offers rows count what the finder counts for them (their groups' offers, or open to all, of the kinds
    they need, announced since the year), and each cell opens those in the list."""
    fengtai = build.article("面向毕业生提供人才公寓100套。创业者人才公寓900套。购房补贴5万元。", [FENGTAI],
                            title="fengtai", published="2024-05-01")
    build.incentive(fengtai, "人才公寓100套", kind="apartment", value=100, measure="套", groups=["graduates"])
    build.incentive(fengtai, "人才公寓900套", kind="apartment", value=900, measure="套", groups=["entrepreneurs"])
    build.incentive(fengtai, "购房补贴5万元", kind="subsidy", value=50_000, unit="CNY", groups=["graduates"])
    older = build.article("提供人才公寓50套。", [FENGTAI], title="older", published="2022-05-01")
    build.incentive(older, "人才公寓50套", kind="apartment", value=50, measure="套")  # open to all
    hexi = build.article("面向毕业生提供人才公寓200套。", [HEXI], title="hexi", published="2024-05-01")
    build.incentive(hexi, "人才公寓200套", kind="apartment", value=200, measure="套", groups=["graduates"])

    person = {"group": ["graduates", "bachelors"], "need": "apartment"}
    finder = client.get("/finder/", person)
    link = re.search(r'href="(/compare/\?[^"]+)" data-compare-these', html(finder)).group(1).replace("&amp;", "&")
    response = client.get(link)
    assert [d.adcode for d in response.context["districts"]] == [FENGTAI, HEXI]
    body = html(response)
    assert "面向高校毕业生" in text(body.split("data-person>")[1].split("</p>")[0])
    rows = {r.key: r for r in response.context["rows"]}
    assert set(rows) == {"incentive:apartment"}  # the kinds they need; the subsidy is not asked for
    cells = {d: {f.value for f in cell} for d, cell in zip((FENGTAI, HEXI), rows["incentive:apartment"].cells)}
    assert cells == {FENGTAI: {100}, HEXI: {200}}
    assert 900 not in cells[FENGTAI]  # for founders, not for this graduate
    # Each cell's "all" opens the same offers in the list, as many as it counts.
    fengtai_row = rows["incentive:apartment"].entries[0]
    listed = client.get(fengtai_row[2])
    assert listed.context["page"].paginator.count == fengtai_row[1].count == 2
    # Announced since 2024: the 2022 offer open to all is left out, here and in the list.
    since = client.get("/compare/", {**person, "d": [FENGTAI, HEXI], "since": "2024"})
    fengtai_row = {r.key: r for r in since.context["rows"]}["incentive:apartment"].entries[0]
    assert fengtai_row[1].count == 1 and client.get(fengtai_row[2]).context["page"].paginator.count == 1
    # The picker keeps the person, and a link compares for everyone.
    assert '<input type="hidden" name="group" value="bachelors">' in body
    everyone = re.search(r'href="([^"]+)" data-for-everyone', body).group(1).replace("&amp;", "&")
    assert "group" not in everyone and "need" not in everyone
    rows = {r.key: r for r in client.get(everyone).context["rows"]}
    assert {"incentive:apartment", "incentive:subsidy"} <= set(rows)
    assert 900 in {f.value for f in rows["incentive:apartment"].cells[0]}
