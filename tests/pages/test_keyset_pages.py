"""Issue 11: the next and previous links carry a cursor (keyset pages), so a deep page is read after
the previous page's last row rather than by OFFSET; the rows are those of the numbered pages, in every
sort of every list, and a URL with a cursor is as shareable as one without."""
from __future__ import annotations

import re
from decimal import Decimal
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.pages.test_sorting import LISTS, sort_keys


def shown(response) -> list[int]:
    return [row.pk for row in response.context["page"].object_list]


def link(response, rel: str) -> str | None:
    found = re.search(rf'<a rel="{rel}" href="([^"]+)"', response.content.decode())
    return unescape(found.group(1)) if found else None


@pytest.fixture
def long_lists(kb, grow):
    grow(60)  # more than two pages of every list
    return kb


@pytest.mark.parametrize("url", list(LISTS))
def test_next_and_previous_links_walk_the_same_pages_as_page_numbers(client, long_lists, url):
    for key in sort_keys(url):
        first = client.get(url, {"sort": key})
        pages = first.context["page"].paginator.num_pages
        assert pages >= 3
        numbered = [shown(client.get(url, {"sort": key, "page": n})) for n in range(1, pages + 1)]
        assert len({pk for rows in numbered for pk in rows}) == sum(map(len, numbered)), "no row twice"
        response, walked = first, [shown(first)]
        while nxt := link(response, "next"):
            assert "after=" in nxt
            response = client.get(nxt)
            walked.append(shown(response))
        assert walked == numbered, key
        # And back, by the previous links.
        back = [shown(response)]
        while prev := link(response, "prev"):
            response = client.get(prev)
            back.append(shown(response))
        assert back[::-1] == numbered, key


def test_a_cursor_is_a_shareable_url_and_a_bad_one_falls_back_to_the_page_number(client, long_lists):
    second = link(client.get("/incentives/"), "next")
    third = link(client.get(second), "next")
    query = parse_qs(urlsplit(third).query)
    assert query["page"] == ["3"]
    expected = shown(client.get("/incentives/", {"page": 3}))
    assert shown(client.get(third)) == expected  # pasted elsewhere: the same rows
    for bad in ["x", "eyJ4Ijp9", query["after"][0][:-3], "WyJ2YWx1ZSIsIDEsIDIsIDNd"]:
        response = client.get("/incentives/", {"page": 3, "after": bad})
        assert response.status_code == 200 and shown(response) == expected
    # A cursor of another sort is not used for this one.
    assert shown(client.get("/incentives/", {"page": 3, "after": query["after"][0], "sort": "value"})) == \
        shown(client.get("/incentives/", {"page": 3, "sort": "value"}))
    # Past the end: a 404, cursor or not.
    assert client.get("/incentives/", {"page": 999, "after": query["after"][0]}).status_code == 404


def walk(client, url, params) -> tuple[list[list[int]], list[list[int]], list[list[int]]]:
    """The pages by number, by the next links, and by the previous links back from the last page."""
    first = client.get(url, params)
    pages = first.context["page"].paginator.num_pages
    numbered = [shown(client.get(url, {**params, "page": n})) for n in range(1, pages + 1)]
    response, walked = first, [shown(first)]
    while nxt := link(response, "next"):
        response = client.get(nxt)
        walked.append(shown(response))
    back = [shown(response)]
    while prev := link(response, "prev"):
        response = client.get(prev)
        back.append(shown(response))
    return numbered, walked, back[::-1]


@pytest.mark.parametrize("url, params", [
    ("/metrics/", {"sort": "value"}),
    ("/metrics/", {"sort": "-value"}),
    ("/search/", {"q": "人才", "type": "metrics", "sort": "value"}),
])
def test_cursors_are_exact_for_values_with_more_decimals_than_shown(client, long_lists, url, params):
    """SQLite keeps a decimal as given (13333.33334, an area read as 20 mu) and Django reads it back
    rounded to the field's four places: a cursor holding 13333.3333 showed that row, and its ties,
    on the next page again."""
    from policies.models import Metric

    ids = list(Metric.objects.order_by("pk").values_list("pk", flat=True))
    Metric.objects.filter(pk__in=ids[5:40]).update(value=Decimal("13333.33334"))
    numbered, walked, back = walk(client, url, params)
    assert len(numbered) >= 3
    assert walked == numbered
    assert back == numbered
