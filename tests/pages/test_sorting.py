"""Issue 12, point 2: every list sorts by each of its columns through the URL (?sort=col, ?sort=-col).

Each order is checked against one computed here in Python from the rows
themselves, without the lists' code; empty values come last both ways and the
primary key breaks ties. The sort is kept by the facet links, the pages and the
downloads, and no sort costs a query more than the list's fixed count.
"""
from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.factories import CHAOYANG, FENGTAI, HEXI
from tests.pages.test_lists import LIST_QUERIES


def last_nulls_order(items, terms, descending: bool) -> list[int]:
    """Items ordered by `terms` (functions, None for empty), each way, empty last, ties by pk."""
    items = sorted(items, key=lambda x: x.pk)
    for term in reversed(terms):
        present = [x for x in items if term(x) is not None]
        missing = [x for x in items if term(x) is None]
        present.sort(key=term, reverse=descending)  # a stable sort, reverse=True included
        items = present + missing
    return [x.pk for x in items]


def district_terms(get):
    return {
        "district": [lambda x: get(x).pinyin if get(x) else None, lambda x: get(x).adcode if get(x) else None],
        "province": [lambda x: get(x).province_adcode if get(x) else None],
    }


def fact_terms(what):
    from programs.choices import Status

    return {
        **district_terms(lambda f: f.district),
        **what,
        "value": [lambda f: f.value, lambda f: f.value_max],
        "period": [lambda f: f.year, lambda f: f.period, lambda f: f.article.published],
        "target": [lambda f: f.target],
        "status": [lambda f: Status.values.index(f.status)],
        "program": [lambda f: f.program.pinyin if f.program else None, lambda f: f.program.name if f.program else None],
        "quote": [lambda f: f.quote],
    }


def incentives():
    from policies.choices import IncentiveKind
    from policies.models import Incentive

    items = list(Incentive.objects.visible().select_related("district", "program", "article"))
    return items, fact_terms({"kind": [lambda f: IncentiveKind.values.index(f.kind), lambda f: f.label]})


def metrics():
    from policies.models import Metric

    items = list(Metric.objects.visible().select_related("district", "program", "article"))
    return items, fact_terms({"indicator": [lambda f: f.label]})


def programs():
    from policies.models import Incentive, Mention
    from programs.choices import Status
    from programs.models import Program

    items = list(Program.objects.visible().select_related("district"))
    n_incentives = {p.pk: Incentive.objects.visible().filter(program=p).count() for p in items}
    n_articles = {p.pk: Mention.objects.filter(program=p).count() for p in items}
    return items, {
        "name": [lambda p: p.pinyin, lambda p: p.name],
        **district_terms(lambda p: p.district),
        "incentives": [lambda p: n_incentives[p.pk]],
        "articles": [lambda p: n_articles[p.pk]],
        "status": [lambda p: Status.values.index(p.status)],
        "life": [lambda p: p.launched_on, lambda p: p.ends_on],
    }


def articles():
    from policies.models import Article, Incentive, Metric

    items = list(Article.objects.all())
    n_incentives = {a.pk: Incentive.objects.visible().filter(article=a).count() for a in items}
    n_metrics = {a.pk: Metric.objects.visible().filter(article=a).count() for a in items}
    return items, {
        "title": [lambda a: a.title],
        "published": [lambda a: a.published, lambda a: a.imported_at],
        "publisher": [lambda a: a.publisher],
        "incentives": [lambda a: n_incentives[a.pk]],
        "metrics": [lambda a: n_metrics[a.pk]],
    }


LISTS = {"/incentives/": incentives, "/metrics/": metrics, "/programs/": programs, "/articles/": articles}


@pytest.fixture
def varied(kb, grow):
    """The small knowledge base, with what makes each column's order tell: a fact with no district
    and no program, a range, periods, undated and unnamed articles, programs whose code point order
    is not their pinyin order, and ties broken by the primary key."""
    b = kb.b
    grow(4)
    article = b.article("某地人才补贴5000元至20000元；人才公寓66套；GDP增长6.5%；人才数量达到3000人。", [],
                        title="", published="")
    article.publisher = "某地人社局"
    article.save()
    b.incentive(article, "人才补贴5000元至20000元", kind="subsidy", value=5000, value_max=20000, unit="CNY",
                period="2023-01..2023-06")
    b.incentive(article, "人才公寓66套", kind="apartment", value=66, measure="套", adcode=HEXI, period="2021")
    b.metric(article, "GDP增长6.5%", label="GDP增长", value="6.5", unit="percent", target=True, period="2025")
    b.metric(article, "人才数量达到3000人", label="人才数量", value=3000, measure="人", adcode=CHAOYANG,
             status="verified")
    # 头雁 (tóu) < 学子 (xué) < 中关村 (zhōng) in pinyin; by code point 中 (U+4E2D) < 头 (U+5934) < 学 (U+5B66).
    for name, quote in [("中关村英才", "人才公寓66套"), ("头雁计划", "人才数量达到3000人"), ("AI人才", "GDP增长6.5%")]:
        b.program(name, article, quote, adcode=CHAOYANG)
    return kb


def sort_keys(url):
    from talentkb.pages.articles import ARTICLES
    from talentkb.pages.incentives import INCENTIVES
    from talentkb.pages.metrics import METRICS
    from talentkb.pages.programs import PROGRAMS

    spec = {"/incentives/": INCENTIVES, "/metrics/": METRICS, "/programs/": PROGRAMS, "/articles/": ARTICLES}[url]
    return spec.sort_keys()


@pytest.mark.parametrize("url", list(LISTS))
def test_every_column_of_every_list_sorts_as_computed_in_python(client, varied, url, django_assert_max_num_queries):
    items, terms = LISTS[url]()
    assert 5 < len(items) <= 25, "one page holds them all"
    keys = sort_keys(url)
    # Every sortable column is checked, both ways.
    assert sorted(keys) == sorted(k for column in terms for k in (column, f"-{column}"))
    for key in keys:
        with django_assert_max_num_queries(LIST_QUERIES):
            response = client.get(url, {"sort": key})
        shown = [item.pk for item in response.context["page"].object_list]
        expected = last_nulls_order(items, terms[key.lstrip("-")], key.startswith("-"))
        assert shown == expected, key
        # The header says which column sorts the table, and which way.
        body = response.content.decode()
        header = re.search(rf'<th scope="col" data-column="{key.lstrip("-")}"[^>]*>', body).group(0)
        assert f'aria-sort="{"descending" if key.startswith("-") else "ascending"}"' in header


def test_programs_sort_by_pinyin_not_code_point(client, varied):
    names = [p.name for p in client.get("/programs/", {"sort": "name"}).context["page"].object_list]
    assert names.index("头雁计划") < names.index("学子回家") < names.index("中关村英才")
    assert names[0] == "AI人才"  # letters as written, before any syllable that sorts after them
    reverse = [p.name for p in client.get("/programs/", {"sort": "-name"}).context["page"].object_list]
    assert reverse == names[::-1]


def test_unknown_sorts_fall_back_and_old_sort_names_still_work(client, varied):
    default = [f.pk for f in client.get("/incentives/").context["page"].object_list]
    for bad in ["password", "-", "--value", "value;", "kind__name", "-groups"]:
        assert [f.pk for f in client.get("/incentives/", {"sort": bad}).context["page"].object_list] == default
    largest = client.get("/incentives/", {"sort": "largest"})
    assert largest.context["sort"] == "-value"


def hrefs(body: str, pattern: str) -> list[dict]:
    return [parse_qs(urlsplit(h.replace("&amp;", "&")).query) for h in re.findall(pattern, body)]


def test_the_sort_is_kept_by_facets_pages_chips_and_downloads(client, varied, grow):
    grow(30)
    response = client.get("/incentives/", {"sort": "-value", "district": FENGTAI})
    body = response.content.decode()
    for query in hrefs(body, r'class="facet-value[^"]*" href="([^"]+)"'):
        assert query["sort"] == ["-value"]
    for query in hrefs(body, r'class="chip" href="([^"]+)"'):
        assert query["sort"] == ["-value"]
    next_page = hrefs(body, r'rel="next" href="([^"]+)"')[0]
    assert next_page["sort"] == ["-value"] and next_page["page"] == ["2"]
    for fmt in ["csv", "json"]:
        download = hrefs(body, rf'href="([^"]+)"[^>]*data-download="{fmt}"')[0]
        assert download["sort"] == ["-value"] and "page" not in download
    # A header link sorts by its column and keeps the filters, back on page 1.
    kind = hrefs(body, r'data-column="kind"><a class="sort-link" href="([^"]+)"')[0]
    assert kind["sort"] == ["kind"] and kind["district"] == [FENGTAI]
    # The download is in the page's order, every page of it.
    pages = []
    page = 1
    while True:
        r = client.get("/incentives/", {"sort": "-value", "district": FENGTAI, "page": page})
        pages += [f.pk for f in r.context["page"].object_list]
        if not r.context["page"].has_next():
            break
        page += 1
    data = json.loads(b"".join(client.get("/incentives/", {"sort": "-value", "district": FENGTAI,
                                                           "format": "json"}).streaming_content))
    assert [row["id"] for row in data["results"]] == pages


def test_a_sorted_column_header_reverses_it(client, varied):
    body = client.get("/incentives/", {"sort": "value"}).content.decode()
    assert hrefs(body, r'data-column="value"[^>]*><a class="sort-link" href="([^"]+)"')[0]["sort"] == ["-value"]
    body = client.get("/incentives/", {"sort": "-value"}).content.decode()
    assert hrefs(body, r'data-column="value"[^>]*><a class="sort-link" href="([^"]+)"')[0]["sort"] == ["value"]
    # Numbers and dates sort largest and newest first at the first click; names A to Z.
    assert hrefs(body, r'data-column="period"[^>]*><a class="sort-link" href="([^"]+)"')[0]["sort"] == ["-period"]
    assert hrefs(body, r'data-column="district"[^>]*><a class="sort-link" href="([^"]+)"')[0]["sort"] == ["district"]


def test_the_sort_form_applies_on_its_button_not_on_each_arrow_key(client, varied):
    body = client.get("/incentives/").content.decode()
    form = re.search(r'<form class="sort".*?</form>', body, re.S).group(0)
    assert "data-autosubmit" not in form and "onchange" not in form
    assert re.search(r'<button type="submit">', form)
