"""Issue 12, points 5, 6, 7 and 11 (the public half) and the map, through the test client."""
import json
import re

import pytest

from tests.factories import CHAOYANG, FENGTAI, HEXI

SITE = {"zh-hans": "人才政策知识库", "en": "Talent policy knowledge base"}


def html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def english(client):
    client.cookies["django_language"] = "en"
    return client


def title_of(body: str) -> str:
    return re.search(r"<title>(.*?)</title>", body, re.S).group(1).strip()


# Point 6: every page names itself before the site's name.
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_tab_titles_name_the_page_then_the_site(client, kb, language):
    client.cookies["django_language"] = language
    site = SITE[language]
    assert title_of(html(client.get("/"))) == site
    pages = {
        "/incentives/": {"zh-hans": "激励措施", "en": "Incentives"},
        "/programs/": {"zh-hans": "人才项目", "en": "Programs"},
        "/metrics/": {"zh-hans": "指标", "en": "Metrics"},
        "/articles/": {"zh-hans": "文章", "en": "Articles"},
        "/districts/": {"zh-hans": "区县", "en": "Districts"},
        "/compare/": {"zh-hans": "区县对比", "en": "Compare districts"},
        f"/districts/{FENGTAI}/": {"zh-hans": "丰台区", "en": "Fengtai District"},
        f"/articles/{kb.fengtai.pk}/": {"zh-hans": "丰台学子回家", "en": "丰台学子回家"},
        f"/programs/{kb.xuezi.pk}/": {"zh-hans": "学子回家", "en": "学子回家"},
    }
    for path, names in pages.items():
        assert title_of(html(client.get(path))) == f"{names[language]} · {site}", path


# Point 5: no empty or unclickable link, no file name, no empty <h1>.
def test_a_nameless_article_is_listed_by_its_derived_title(client, build):
    from policies.importing import import_article

    text = "　　围绕提供一批“优培岗位”，丰台区将发布超2000个实践就业岗位；\n　　陆续统筹投放超500套人才公寓；\n"
    article = import_article(text, source_file="000_43ecf88b4ddff57a.txt").article
    article.districts.add(build.districts[FENGTAI])
    title = "围绕提供一批“优培岗位”，丰台区将发布超2000个实践就业岗位"
    link = re.compile(rf'<a href="/articles/{article.pk}/">\s*([^<]*?)\s*</a>')
    for path in ["/", "/articles/", f"/districts/{FENGTAI}/"]:
        body = html(client.get(path))
        names = link.findall(body)
        assert names and all(n == title for n in names), (path, names)
        assert "000_43ecf88b4ddff57a" not in body, path
    body = html(client.get(f"/articles/{article.pk}/"))
    assert re.search(r"<h1>\s*(.*?)\s*</h1>", body, re.S).group(1) == title
    assert "000_43ecf88b4ddff57a.txt" not in title_of(body)


# Point 7: English names of places, measure words in English.
def test_english_pages_name_districts_in_pinyin(client, kb):
    english(client)
    body = html(client.get(f"/districts/{FENGTAI}/"))
    assert re.search(r"<h1>Fengtai District <span lang=\"zh-Hans\">丰台区</span>", body)
    words = re.sub(r"<[^>]+>", "", body).replace("&gt;", ">")  # figures sit in <data> elements
    assert "Beijing" in words and "> 500 units" in words
    index = html(client.get("/districts/"))
    assert "Hexi District" in index and "Tianjin" in index
    home = html(client.get("/"))
    assert "Chaoyang District" in home
    compare = html(client.get(f"/compare/?d={FENGTAI}&d={HEXI}"))
    assert '<th scope="col">Incentive or metric</th>' in compare
    assert f'data-adcode="{FENGTAI}">Fengtai District</th>' in compare
    assert "> 500 units" in compare.replace("&gt;", ">") and "120 units" in compare
    charts = json.loads(re.search(r'<script id="chart-data" type="application/json">(.*?)</script>', compare, re.S).group(1))
    assert charts[0]["categories"] == ["Fengtai District", "Hexi District"]
    assert charts[0]["unit"] == "units"


def test_chinese_pages_keep_chinese_names_and_measure_words(client, kb):
    body = html(client.get(f"/compare/?d={FENGTAI}&d={HEXI}"))
    assert '<th scope="col">激励措施或指标</th>' in body
    assert f'data-adcode="{FENGTAI}">丰台区</th>' in body and "&gt; 500 套" in body


def test_the_district_picker_answers_in_both_languages(client, reference_data):
    result = client.get("/districts/lookup/", {"q": "fengtai"}).json()["results"][0]
    assert (result["name"], result["name_en"], result["label"]) == ("丰台区", "Fengtai District", "北京市丰台区")
    result = english(client).get("/districts/lookup/", {"q": "fengtai"}).json()["results"][0]
    assert (result["name"], result["label"]) == ("丰台区", "Fengtai District, Beijing")


@pytest.mark.parametrize("measure, one, many", [("套", "unit", "units"), ("家", "organisation", "organisations"),
                                                ("人", "person", "people"), ("场次", "session", "sessions"),
                                                ("个", "", "")])
def test_measure_words_in_english(measure, one, many):
    """个 counts anything (10个政策文件, 岗位500个): in English the figure stands alone."""
    from decimal import Decimal

    from policies.formatting import quantity

    assert quantity(Decimal(1), "count", measure, language="en") == f"1 {one}".strip()
    assert quantity(Decimal(3), "count", measure, language="en") == f"3 {many}".strip()
    assert quantity(Decimal(1), "count", measure, "gt", language="en") == f"> 1 {many}".strip()
    assert quantity(Decimal(3), "count", measure, language="zh-hans") == f"3 {measure}"


# Point 11 (public half): the site's icon and the admin's header.
def test_favicon_ico_answers(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"] == "/static/favicon.svg"
    from django.contrib.staticfiles import finders

    assert finders.find("favicon.svg")


def test_the_admin_says_the_sites_name(admin_client):
    body = html(admin_client.get("/admin/"))
    assert "人才政策知识库" in body and "Django 管理" not in body and "Django administration" not in body


# The map: the same data in the page's JSON and in its table; queries fixed.
def map_of(body: str) -> dict:
    return json.loads(re.search(r'<script id="map-data" type="application/json">(.*?)</script>', body, re.S).group(1))


def test_home_map_has_a_point_per_district_sized_by_offers(client, kb):
    body = html(client.get("/"))
    data = map_of(body)
    points = {p["adcode"]: p for p in data["points"]}
    assert set(points) == {FENGTAI, HEXI, CHAOYANG}
    # 丰台: five offers, one rejected: four shown, one of each kind.
    assert points[FENGTAI]["total"] == 4
    assert points[FENGTAI]["offers"] == {"apartment": 1, "workstation": 1, "office_space": 1, "jobs": 1}
    assert points[HEXI]["offers"] == {"apartment": 1, "fund": 1} and points[HEXI]["metrics"] == 1
    assert points[FENGTAI]["url"] == f"/districts/{FENGTAI}/"
    assert (round(points[FENGTAI]["lon"], 2), round(points[FENGTAI]["lat"], 2)) == (116.29, 39.86)
    assert [k["code"] for k in data["kinds"]] == ["apartment", "workstation", "office_space", "fund", "jobs"]
    # The table fallback: a row per point, a link each, the same counts.
    table = re.search(r"<table class=\"data\" data-map-table>.*?</table>", body, re.S).group(0)
    assert table.count("<tr data-adcode=") == 3
    row = re.search(rf'<tr data-adcode="{FENGTAI}">(.*?)</tr>', table, re.S).group(1)
    assert f'href="/districts/{FENGTAI}/"' in row
    assert re.findall(r'<td class="num">(\d+)</td>', row) == ["4", "1", "1", "1", "0", "1", "0"]
    assert 'src="/static/js/map.js"' in body and "echarts.min.js" in body


def test_compare_map_shows_the_compared_districts(client, kb):
    data = map_of(html(client.get(f"/compare/?d={FENGTAI}&d={HEXI}")))
    assert [p["adcode"] for p in data["points"]] == [FENGTAI, HEXI]


def test_map_names_in_english(client, kb):
    data = map_of(html(english(client).get("/")))
    fengtai = next(p for p in data["points"] if p["adcode"] == FENGTAI)
    assert fengtai["name"] == "Fengtai District"
    assert fengtai["summary"].startswith("Fengtai District, Beijing: 4 offers (talent apartments 1")
    assert data["kinds"][0]["name"] == "talent apartments"


def test_home_queries_do_not_grow_with_the_districts(client, kb, grow, django_assert_max_num_queries):
    """The map reads its districts and their offers by kind in two queries,
    whatever their number (no query per point)."""
    with django_assert_max_num_queries(12):
        client.get("/")
    grow(20)
    with django_assert_max_num_queries(12):
        client.get("/")
