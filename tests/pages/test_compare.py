"""The comparison: rows per incentive kind and metric label, normalised values, charts, the picker."""
import json
import re

import pytest

from tests.factories import CHAOYANG, FENGTAI, HEXI


def html(response):
    return response.content.decode()


def text(fragment: str) -> str:
    """An HTML fragment's text, its tags dropped."""
    return re.sub(r"<[^>]+>", "", fragment)


def test_two_districts_side_by_side(client, kb):
    response = client.get("/compare/", {"d": [FENGTAI, HEXI]})
    body = html(response)
    rows = {r.key: r for r in response.context["rows"]}
    assert list(rows)[:2] == ["incentive:apartment", "incentive:office_space"] or "incentive:apartment" in rows
    apartment = re.search(r'<tr data-row="incentive:apartment">.*?</tr>', body, re.S).group(0)
    assert "&gt; 500 套" in text(apartment) and "120 套" in text(apartment)
    assert f'href="/articles/{kb.fengtai.pk}/#incentive-{kb.apartments.pk}"' in apartment
    fund = re.search(r'<tr data-row="incentive:fund">.*?</tr>', body, re.S).group(0)
    assert fund.count("not-reported") == 1 and "50,000,000 元（5000万）" in text(fund)
    # Rejected facts never reach the comparison.
    assert "rent_free_period" not in rows


def test_charts_for_comparable_rows_and_a_table_always(client, kb):
    response = client.get("/compare/", {"d": [FENGTAI, HEXI, CHAOYANG]})
    charts = json.loads(re.search(r'<script id="chart-data" type="application/json">(.*?)</script>',
                                  html(response), re.S).group(1))
    apartment = next(c for c in charts if c["key"] == "incentive:apartment")
    assert apartment["categories"] == ["丰台区", "河西区", "朝阳区"]
    assert apartment["values"] == [500, 120, 800]
    assert apartment["labels"] == ["> 500 套", "120 套", "800 套"]
    assert apartment["unit"] == "套"
    # Funds are reported by one district only: no chart, the table has it.
    assert not any(c["key"] == "incentive:fund" for c in charts)
    assert "<table" in html(response)
    assert "static/vendor/echarts/echarts.min.js" in html(response)


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
def test_compare_queries_are_fixed(client, kb, grow, django_assert_max_num_queries, n):
    grow(n)
    with django_assert_max_num_queries(6):
        assert client.get("/compare/", {"d": [FENGTAI, HEXI, CHAOYANG]}).status_code == 200
