"""The district page and the comparison stay bounded whatever a district holds: summaries per
incentive kind and per indicator (the count, the latest, the largest per unit) with links to the
filtered lists, the indicators as series over periods with goals marked, each point citing its
sentence; a fixed number of queries, a few hundred rows, well under a megabyte."""
import json
import random
import re
from decimal import Decimal

import pytest

from districts.models import District
from policies.importing import checksum
from policies.models import Article, Incentive, Indicator, Metric
from tests.factories import CHAOYANG, FENGTAI, HEXI

KINDS = ["apartment", "workstation", "office_space", "fund", "subsidy", "rent_free_period", "jobs", "other"]
UNITS = {"apartment": [("count", "套"), ("m2", "")], "fund": [("CNY", "")], "subsidy": [("CNY", "")],
         "rent_free_period": [("month", "")]}
PERIODS = ["2019", "2020", "2021", "2022", "2023", "2024Q1", "2024Q2", "2024", "2025"]


def html(response):
    return response.content.decode()


def flood(adcode: str, n: int, *, seed: int = 7) -> None:
    """n incentives and n metrics for one district over n // 20 articles, written with bulk_create."""
    rng = random.Random(seed)
    district = District.objects.get(adcode=adcode)
    indicators = list(Indicator.objects.order_by("code")[:6])
    articles = []
    for i in range(max(1, n // 20)):
        text = f"生成的通知{adcode}-{seed}-{i}：" + "提供人才公寓500套，人才数量达到1200人。" * 2
        articles.append(Article(text=text, sha256=checksum(text), title=f"生成{i}", published=f"20{15 + i % 10}-03-01"))
    articles = Article.objects.bulk_create(articles)
    Article.districts.through.objects.bulk_create(
        [Article.districts.through(article=a, district=district) for a in articles])
    incentives, metrics = [], []
    for i in range(n):
        article = articles[i % len(articles)]
        kind = rng.choice(KINDS)
        unit, measure = rng.choice(UNITS.get(kind, [("count", "个")]))
        period = rng.choice(PERIODS + [""])
        common = dict(
            article=article, district=district, value=Decimal(rng.randrange(1, 10**7)), unit=unit, measure=measure,
            period=period, year=int(period[:4]) if period else None, span_start=0, span_end=10, quote=article.text[:10],
            status=rng.choice(["proposed", "verified", "verified", "rejected"]),
        )
        incentives.append(Incentive(kind=kind, label="人才公寓", **common))
        indicator = rng.choice(indicators + [None])
        target = period in ("2025",) or rng.random() < 0.1
        metrics.append(Metric(
            label=indicator.name_zh if indicator else f"其他指标{rng.randrange(60)}", indicator=indicator,
            **{**common, "unit": "percent" if indicator and indicator.unit == "percent" else "count",
               "measure": "" if indicator and indicator.unit == "percent" else "人"}, target=target,
        ))
    Incentive.objects.bulk_create(incentives, batch_size=2000)
    Metric.objects.bulk_create(metrics, batch_size=2000)


def rows_in(body: str) -> int:
    return body.count("<tr")


@pytest.mark.parametrize("n", [40, 6000])
def test_the_district_page_is_bounded_whatever_the_facts(client, kb, django_assert_max_num_queries, n):
    """The district, its programs (and their groups), its articles, their counts when more than shown,
    its incentive summaries, its metric summaries, its series: the same queries for 40 facts and for 6,000."""
    flood(FENGTAI, n)
    with django_assert_max_num_queries(12):
        response = client.get(f"/districts/{FENGTAI}/")
    body = html(response)
    assert response.status_code == 200
    assert len(response.content) < 300_000
    assert rows_in(body) < 400
    page = response.context["page"]
    assert page.n_incentives == Incentive.objects.visible().filter(district__adcode=FENGTAI).count()
    assert page.n_metrics == Metric.objects.visible().filter(district__adcode=FENGTAI).count()
    # "all N" links to the filtered list, with the count of that list.
    for row in page.kinds:
        n_kind = Incentive.objects.visible().filter(district__adcode=FENGTAI, kind=row.key.split(":")[1]).count()
        assert f'href="/incentives/?district={FENGTAI}&amp;kind={row.key.split(":")[1]}" data-all="{n_kind}"' in body


def test_the_comparison_of_six_is_bounded_whatever_the_facts(client, kb, django_assert_max_num_queries):
    flood(FENGTAI, 6000)
    flood(HEXI, 3000, seed=8)
    six = [FENGTAI, HEXI, CHAOYANG, "110105", "110108", "120103"]
    # The districts; per section (incentives, metrics, series) its groups, then their chosen facts, and the
    # series' indicators; the map reuses the counts.
    with django_assert_max_num_queries(8):
        response = client.get("/compare/", {"d": six})
    assert response.status_code == 200
    assert len(response.content) < 1_000_000
    assert rows_in(html(response)) < 400
    row = next(r for r in response.context["rows"] if r.key == "incentive:apartment")
    fengtai = row.summaries[0]
    assert fengtai.count == Incentive.objects.visible().filter(district__adcode=FENGTAI, kind="apartment").count()
    assert len(row.cells[0]) <= 3  # the latest and the largest in 套 and in m²


def test_latest_and_largest_are_the_stored_ones(client, kb):
    flood(FENGTAI, 800)
    Incentive.objects.filter(pk__in=Incentive.objects.filter(district__adcode=FENGTAI, year=2025).values("pk")[:60]) \
        .update(target=True)
    page = client.get(f"/districts/{FENGTAI}/").context["page"]
    facts = list(Incentive.objects.visible().filter(district__adcode=FENGTAI))
    assert page.kinds
    for row in page.kinds:
        kind = row.key.split(":")[1]
        mine = [f for f in facts if f.kind == kind]
        latest = max(mine, key=lambda f: (not f.target, f.year or 0, f.pk))
        assert row.summary.latest.pk == latest.pk
        for fact in row.summary.largest:
            same_unit = [f for f in mine if (f.unit, f.measure) == (fact.unit, fact.measure)]
            assert (fact.value_max or fact.value) == max(f.value_max or f.value for f in same_unit)
        assert {(f.unit, f.measure) for f in row.summary.largest} == {(f.unit, f.measure) for f in mine}
    body = html(client.get(f"/districts/{FENGTAI}/"))
    # Each figure of the summary is shown exact, linking to its sentence.
    apartment = re.search(r'<tr data-row="incentive:apartment">.*?</tr>', body, re.S).group(0)
    row = next(r for r in page.kinds if r.key == "incentive:apartment")
    for fact in row.summary.facts:
        assert f'href="/articles/{fact.article_id}/#incentive-{fact.pk}"' in apartment
        assert f'<data class="figure" value="{fact.value.normalize():f}">' in apartment


def series_data(body: str) -> list[dict]:
    found = re.search(r'<script id="series-data" type="application/json">(.*?)</script>', body, re.S)
    return json.loads(found.group(1)) if found else []


@pytest.fixture
def talent_over_time(kb):
    """丰台's talent total over 2023 → 2024Q1 → goal 2025, and 河西's over 2022 → 2024."""
    b = kb.b
    talent = Indicator.objects.get(code="talent_total")
    a = b.article("丰台区2023年人才总量达到3万人，2024年一季度人才总量达到3.2万人，到2025年人才总量力争达到4万人。",
                  [FENGTAI], title="丰台人才")
    ns = type("Series", (), {})()
    ns.f2023 = b.metric(a, "2023年人才总量达到3万人", label="人才总量", value=30000, measure="人", period="2023",
                        indicator=talent)
    ns.f2024 = b.metric(a, "2024年一季度人才总量达到3.2万人", label="人才总量", value=32000, measure="人",
                        period="2024Q1", indicator=talent)
    ns.goal = b.metric(a, "到2025年人才总量力争达到4万人", label="人才总量", value=40000, measure="人", period="2025",
                       target=True, indicator=talent)
    h = b.article("河西区2022年人才总量1.5万人，2024年人才总量1.8万人。", [HEXI], title="河西人才")
    ns.h2022 = b.metric(h, "2022年人才总量1.5万人", label="人才总量", value=15000, measure="人", period="2022",
                        indicator=talent)
    ns.h2024 = b.metric(h, "2024年人才总量1.8万人", label="人才总量", value=18000, measure="人", period="2024",
                        indicator=talent)
    return ns


def test_an_indicator_is_a_series_with_goals_marked_each_point_citing_its_sentence(client, talent_over_time):
    s = talent_over_time
    body = html(client.get(f"/districts/{FENGTAI}/"))
    [chart] = [c for c in series_data(body) if c["periods"] == ["2023", "2024Q1", "2025"]]
    assert [p and p["value"] for p in chart["reported"]] == [30000, 32000, None]
    assert [p and p["value"] for p in chart["goals"]] == [None, None, 40000]
    assert chart["reported"][0]["url"] == f"/articles/{s.f2023.article_id}/#metric-{s.f2023.pk}"
    assert chart["goals"][2]["url"] == f"/articles/{s.goal.article_id}/#metric-{s.goal.pk}"
    # The table beside the chart: a row per point, the goal marked, each linking to its sentence.
    figure = re.search(r'<figure class="series" id="series-talent_total".*?</figure>', body, re.S).group(0)
    rows = re.findall(r'<tr data-fact="(metric-\d+)"( data-goal)?>', figure)
    assert rows == [(f"metric-{s.f2023.pk}", ""), (f"metric-{s.f2024.pk}", ""), (f"metric-{s.goal.pk}", " data-goal")]
    for fact in (s.f2023, s.f2024, s.goal):
        assert f'href="/articles/{fact.article_id}/#metric-{fact.pk}"' in figure
    assert 'value="40000">40,000</data>' in figure and "tag-goal" in figure


def test_a_series_runs_in_time_whatever_its_periods_kinds(client, kb):
    """A year is placed at its end, a quarter, a month or a span of months at theirs."""
    b, talent = kb.b, Indicator.objects.get(code="talent_total")
    a = b.article("河西区人才总量。", [HEXI], title="河西人才总量")
    for period, value in [("2024", 4), ("2024-01..2024-06", 3), ("2023Q4", 1), ("2024-02", 2), ("2023", 0)]:
        b.metric(a, "人才总量", label="人才总量", value=value, measure="人", period=period, indicator=talent)
    [chart] = series_data(html(client.get(f"/districts/{HEXI}/")))
    assert chart["periods"] == ["2023", "2023Q4", "2024-02", "2024-01–2024-06", "2024"]  # a span read with a dash
    assert [p["value"] for p in chart["reported"]] == [0, 1, 2, 3, 4]


def test_a_gap_of_years_shows_on_the_time_axis(client, kb):
    """Years no figure falls in are empty places on the axis, so that 2019 → 2022 is not drawn as the
    neighbours 2022 → 2022Q3 are; a span of months covers the years it runs through."""
    b, talent = kb.b, Indicator.objects.get(code="talent_total")
    a = b.article("河西区人才总量。", [HEXI], title="河西人才总量")
    for period, value in [("2019", 1), ("2022", 2), ("2022Q3", 3), ("2024-07..2025-06", 4)]:
        b.metric(a, "人才总量", label="人才总量", value=value, measure="人", period=period, indicator=talent)
    [chart] = series_data(html(client.get(f"/districts/{HEXI}/")))
    assert chart["periods"] == ["2019", "2020", "2021", "2022Q3", "2022", "2023", "2024-07–2025-06"]
    assert [p and p["value"] for p in chart["reported"]] == [1, None, None, 3, 2, None, 4]


def test_a_long_gap_stays_closed(client, kb):
    """Filling 1990 → 2024 would crowd the axis with empty years: the periods stay as they are."""
    b, talent = kb.b, Indicator.objects.get(code="talent_total")
    a = b.article("河西区人才总量。", [HEXI], title="河西人才总量")
    for period, value in [("1990", 1), ("2024", 2)]:
        b.metric(a, "人才总量", label="人才总量", value=value, measure="人", period=period, indicator=talent)
    [chart] = series_data(html(client.get(f"/districts/{HEXI}/")))
    assert chart["periods"] == ["1990", "2024"]


def test_compare_lines_up_each_districts_periods_spans_included(client, kb):
    b, talent = kb.b, Indicator.objects.get(code="talent_total")
    f = b.article("丰台区人才总量。", [FENGTAI], title="丰台人才总量")
    for period, value in [("2022", 1), ("2023-07..2024-06", 2)]:
        b.metric(f, "人才总量", label="人才总量", value=value, measure="人", period=period, indicator=talent)
    h = b.article("河西区人才总量。", [HEXI], title="河西人才总量")
    for period, value in [("2021", 5), ("2024", 6)]:
        b.metric(h, "人才总量", label="人才总量", value=value, measure="人", period=period, indicator=talent)
    [chart] = series_data(html(client.get("/compare/", {"d": [FENGTAI, HEXI]})))
    assert chart["periods"] == ["2021", "2022", "2023-07–2024-06", "2024"]  # the span falls in 2023
    fengtai, hexi = chart["lines"]
    assert [p and p["value"] for p in fengtai["reported"]] == [None, 1, 2, None]
    assert [p and p["value"] for p in hexi["reported"]] == [5, None, None, 6]


def test_compare_draws_an_indicator_over_time_a_line_per_district(client, talent_over_time):
    response = client.get("/compare/", {"d": [FENGTAI, HEXI]})
    body = html(response)
    [chart] = series_data(body)
    # In time, by when each period ends: the first quarter of 2024 before the whole of 2024.
    assert chart["periods"] == ["2022", "2023", "2024Q1", "2024", "2025"]
    fengtai, hexi = chart["lines"]
    assert [p and p["value"] for p in fengtai["reported"]] == [None, 30000, 32000, None, None]
    assert [p and p["value"] for p in fengtai["goals"]] == [None, None, None, None, 40000]
    assert [p and p["value"] for p in hexi["reported"]] == [15000, None, None, 18000, None]
    assert hexi["reported"][3]["url"] == f"/articles/{talent_over_time.h2024.article_id}/#metric-{talent_over_time.h2024.pk}"
    row = re.search(r'<tr data-row="indicator:talent_total".*?</tr>', body, re.S).group(0)
    assert 'data-series="0"' in row
    # Each cell: the latest report (丰台's 2024Q1, not its goal for 2025), the largest (the goal), all of them.
    s = talent_over_time
    cells = re.findall(r"<td>(.*?)</td>", row, re.S)
    assert f"#metric-{s.f2024.pk}" in cells[0] and f"#metric-{s.goal.pk}" in cells[0]
    assert f"#metric-{s.f2023.pk}" not in cells[0] and 'data-all="3"' in cells[0]


def test_one_point_is_no_series(client, kb):
    """An indicator reported in one period is a summary row, not a chart."""
    Metric.objects.filter(district__adcode=FENGTAI).update(indicator=Indicator.objects.get(code="talent_total"))
    body = html(client.get(f"/districts/{FENGTAI}/"))
    assert series_data(body) == []


def test_a_summary_cell_shows_the_period_of_its_figure_not_only_the_year(client, build):
    """A quarter's figure reads 2024Q1 in the district page's latest cell, as it does in the lists;
    a figure with no period of its own shows its year."""
    article = build.article("丰台区一季度新引进人才320人。全年引进人才1500人。", [FENGTAI], title="丰台一季度")
    build.metric(article, "新引进人才320人", label="新引进人才", value=320, measure="人", period="2024Q1", year=2024)
    build.incentive(article, "全年引进人才1500人", kind="jobs", value=1500, measure="人", year=2024)
    body = html(client.get(f"/districts/{FENGTAI}/"))
    cells = re.findall(r'<td data-cell="latest">(.*?)</td>', body, re.S)
    assert any("320" in c and ">2024Q1<" in c for c in cells), cells
    assert any("1500" in c and ">2024<" in c for c in cells), cells
