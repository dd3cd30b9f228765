"""Issue 11, lists without the page cache: the district and province facets filter by the districts' ids,
resolved from the adcodes first (talentkb.lists.facets.DistrictFieldFacet), the articles' year also by a
range of their date (DateYearFacet), and a numbered page past the first finds its rows' primary keys
before joining anything (talentkb.lists.listing.rows_at).

None may change which rows a list shows, or in which order: every page is checked here against the
rows' own districts and dates and an order computed in Python (tests/pages/test_sorting.py), on both
databases.
"""
from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CHAOYANG, FENGTAI, HEXI
from tests.pages.test_lists import facet_counts
from tests.pages.test_sorting import LISTS, last_nulls_order, sort_keys, varied  # noqa: F401 (a fixture)

DEFAULT_SORTS = {"/incentives/": "-period", "/metrics/": "-period", "/programs/": "name", "/articles/": "-published"}
UNKNOWN = "999999"  # the shape of an adcode, no district's


def all_pages(client, url: str, params: dict) -> list[int]:
    """The primary keys of every page, by page number, in order."""
    shown, number = [], 1
    while True:
        response = client.get(url, {**params, "page": number})
        assert response.status_code == 200
        page = response.context["page"]
        shown += [row.pk for row in page.object_list]
        if not page.has_next():
            return shown
        number += 1


def districts_of(item) -> list:
    if hasattr(item, "districts"):  # an article: the districts it is about
        return list(item.districts.all())
    return [item.district] if item.district else []


@pytest.fixture
def spread(varied, grow):
    """丰台 with three pages of each list, 河西 and 朝阳 with a few rows, a fact of no district."""
    grow(55)
    return varied


@pytest.mark.parametrize("url", list(LISTS))
@pytest.mark.parametrize("facet,values", [
    ("district", [FENGTAI]),
    ("district", [HEXI, CHAOYANG]),
    ("province", ["110000"]),  # 丰台 and 朝阳
    ("province", ["120000", "110000"]),
])
def test_district_and_province_filters_list_the_rows_of_those_districts_in_order(client, spread, url, facet, values):
    items, terms = LISTS[url]()
    field = {"district": "adcode", "province": "province_adcode"}[facet]
    wanted = [i for i in items if any(getattr(d, field) in values for d in districts_of(i))]
    assert wanted
    for key in (DEFAULT_SORTS[url], sort_keys(url)[0]):
        expected = last_nulls_order(wanted, terms[key.lstrip("-")], key.startswith("-"))
        assert all_pages(client, url, {facet: values, "sort": key}) == expected, key


@pytest.mark.parametrize("url", list(LISTS))
def test_an_unknown_adcode_finds_nothing_and_changes_nothing_beside_a_known_one(client, spread, url):
    fengtai = all_pages(client, url, {"district": [FENGTAI]})
    assert all_pages(client, url, {"district": [FENGTAI, UNKNOWN]}) == fengtai
    beijing = all_pages(client, url, {"province": ["110000"]})
    assert all_pages(client, url, {"province": ["110000", "990000"]}) == beijing
    for params in ({"district": UNKNOWN}, {"province": "990000"}, {"district": "110101"},  # 东城区: no rows here
                   {"district": FENGTAI, "province": "120000"}):
        response = client.get(url, params)
        assert response.status_code == 200
        assert response.context["page"].paginator.count == 0 and not list(response.context["page"].object_list)
    # The unknown value stays chosen, so that it can be unticked; the other facets count nothing.
    response = client.get(url, {"district": UNKNOWN})
    assert UNKNOWN in facet_counts(response, "district")
    assert not any(facet_counts(response, "year").values())


@pytest.mark.parametrize("years", [["2022"], ["2014", "2022"], ["none"], ["none", "2022"], ["2099"]])
@pytest.mark.parametrize("province", [None, "110000"])
def test_articles_of_a_year_are_those_whose_date_is_in_it(client, spread, years, province):
    items, terms = LISTS["/articles/"]()
    wanted = [a for a in items if (a.published[:4] or "none") in years
              and (province is None or any(d.province_adcode == province for d in a.districts.all()))]
    expected = last_nulls_order(wanted, terms["published"], descending=True)
    params = {"year": years, **({"province": province} if province else {})}
    assert all_pages(client, "/articles/", params) == expected
    assert expected or years == ["2099"] or province  # the undated article is about no district


@pytest.mark.parametrize("url", list(LISTS))
def test_every_numbered_page_holds_the_rows_of_its_place_in_every_sort(client, spread, url):
    items, terms = LISTS[url]()
    assert len(items) > 50, "three pages at least"
    for key in sort_keys(url):
        expected = last_nulls_order(items, terms[key.lstrip("-")], key.startswith("-"))
        assert all_pages(client, url, {"sort": key}) == expected, key


@pytest.mark.parametrize("url", list(LISTS))
def test_a_deep_page_costs_no_query_more_than_the_first(client, spread, url):
    counts = []
    for page in (1, 3):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, {"page": page, "district": FENGTAI}).status_code == 200
        counts.append(len(captured))
    assert counts[1] <= counts[0]
