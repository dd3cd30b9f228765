"""A policy researcher's review: what the district page and the comparison link to, and what they accept."""
import re
from html import unescape

import pytest

from policies.models import Indicator
from tests.factories import CHAOYANG, FENGTAI, HEXI


def html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


@pytest.fixture
def label_under_two(kb):
    """河西 reports 高层次人才数量 twice: once without an indicator, once under one."""
    kb.b.metric(kb.hexi, "全区累计建设人才公寓120套", label="高层次人才数量", value=120, measure="人",
                indicator=Indicator.objects.get(code="high_level_talent"))
    return kb


@pytest.mark.parametrize("url, params", [
    (f"/districts/{HEXI}/", {}),
    ("/compare/", {"d": [FENGTAI, HEXI, CHAOYANG]}),
])
def test_every_all_n_link_opens_the_n_rows_it_counts(client, label_under_two, url, params):
    links = re.findall(r'<a (?:class="cell-all" )?href="([^"]+)" data-all="(\d+)"', html(client.get(url, params)))
    assert len(links) >= 4
    for href, n in links:
        listed = client.get(unescape(href)).context["page"].paginator.count
        assert listed == int(n), href


@pytest.mark.parametrize("q", ["%", "'", '"', "_", "*", "。", "---", " % ' "])
def test_a_query_of_punctuation_alone_searches_nothing_and_says_so(client, kb, q):
    response = client.get("/search/", {"q": q, "type": "incentives"})
    body = html(response)
    assert 'data-tab="incentives"' not in body and "<table" not in body  # no tabs, no rows
    assert "没有可搜索的字" in body  # the page says why
    assert "搜索文章正文" in body  # and what it says to an empty query
    # A query with a word beside its punctuation still searches.
    assert 'data-tab="incentives"' in html(client.get("/search/", {"q": f"{q} 人才公寓", "type": "incentives"}))


@pytest.mark.parametrize("typed, adcode", [
    ("Changtai District", "350605"), ("changtai district", "350605"), ("CHANGTAIDISTRICT", "350605"),
    ("Fengtai District", FENGTAI), ("Xi'an District", "220403"), ("Gongcheng Yao Autonomous County", "450332"),
    ("Liuyang City", "430181"), ("Binhai New Area", "120116"),
    ("Jishishan Bonan, Dongxiang and Salar Autonomous County", "622927"),
])
def test_the_english_names_the_site_shows_are_accepted_when_typed(client, reference_data, typed, adcode):
    from districts.models import District

    shown = District.objects.get(adcode=adcode).name_en
    assert re.sub(r"\W", "", typed).lower() == re.sub(r"\W", "", shown).lower()  # the name shown, as typed
    found = client.get("/districts/lookup/", {"q": typed}).json()["results"]
    assert found and found[0]["adcode"] == adcode
    assert f'data-adcode="{adcode}"' in html(client.get("/compare/", {"add": typed}))
    assert f'href="/districts/{adcode}/"' in html(client.get("/districts/", {"q": typed}))


def english(client):
    client.cookies["django_language"] = "en"
    return client


def test_compare_accepts_a_name_or_pinyin_of_one_district_and_names_what_it_drops(client, kb):
    # 河西区 and changtai name one district each; fengtai two (丰台区, 凤台县); abc and 999999 none.
    response = english(client).get("/compare/", {"d": [FENGTAI, "abc", "999999", "河西区", "fengtai", "changtai"]})
    body = html(response)
    assert [d.adcode for d in response.context["districts"]] == [FENGTAI, HEXI, "350605"]
    notice = re.search(r'<p class="notice"[^>]*data-notice="unknown">(.*?)</p>', body, re.S).group(1)
    assert re.sub(r"<[^>]+>", "", notice).split(":", 1)[1].strip() == "abc, 999999, fengtai"
    # The picker lists the districts an unrecognised value may mean.
    assert 'href="/compare/?d=110106&amp;d=120103&amp;d=350605&amp;add=fengtai"' in notice
    # The chips remove what the URL named by name: links carry adcodes.
    assert 'href="/compare/?d=110106&amp;d=350605"' in body
    assert "Choose at least two" not in body


def test_compare_names_the_districts_past_six(client, reference_data):
    many = ["110101", "110102", "110105", "110106", "110107", "110108", "110109", "110111", "110112", "110113"]
    response = english(client).get("/compare/", {"d": many})
    assert [d.adcode for d in response.context["districts"]] == many[:6]
    notice = re.search(r'<p class="notice"[^>]*data-notice="over">(.*?)</p>', html(response), re.S).group(1)
    assert notice.count("District") == 4 and "Mentougou District" in notice and "Fangshan District" in notice


def test_compare_never_shows_a_comparison_beside_choose_two(client, kb):
    for d in ([FENGTAI], [FENGTAI, "abc"], []):
        response = english(client).get("/compare/", {"d": d})
        body = html(response)
        assert "Choose at least two districts" in body
        assert "data-compare=" not in body and "Download what is shown" not in body and not response.context["rows"]
    client.cookies["django_language"] = "zh-hans"
    assert "未能识别为某一个区县：abc" in re.sub(r"<[^>]+>", "", html(client.get("/compare/", {"d": [FENGTAI, "abc"]})))  # in Chinese too


def test_the_comparison_download_says_each_values_period_as_its_cell_does(client, kb):
    import csv
    import io
    import json

    response = client.get("/compare/", {"d": [FENGTAI, HEXI, CHAOYANG], "format": "json"})
    rows = {(r["key"], r["adcode"]): r for r in json.loads(b"".join(response.streaming_content))["results"]}
    goal = rows[("metric:高层次人才数量", HEXI)]
    assert (goal["display"], goal["period"], goal["year"]) == (["3,000 人"], ["2025"], [2025])
    apartments = rows[("incentive:apartment", FENGTAI)]  # no period in the text: the article's year
    assert (apartments["period"], apartments["year"]) == ([None], [2024])
    assert rows[("incentive:apartment", CHAOYANG)]["year"] == [2022]
    body = html(client.get("/compare/", {"d": [FENGTAI, HEXI, CHAOYANG]}))
    assert re.search(r'data-row="metric:高层次人才数量".*?3,000 人.*?2025', body, re.S)
    response = client.get("/compare/", {"d": [FENGTAI, HEXI], "format": "csv"})
    table = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    fund = next(r for r in table if r["key"] == "incentive:fund" and r["adcode"] == HEXI)
    assert (fund["period"], fund["year"]) == ("", "2023")
