"""The talent finder (/finder/): matching, the ranking against one computed in Python, offers shown
with their sentences, downloads, and a query count that does not grow with the rows."""
from __future__ import annotations

import csv
import io
import json

import pytest
from django.utils import timezone

from tests.factories import CHAOYANG, FENGTAI, HEXI, bulk_offers
from tests.pages.test_lists import facet_counts

PHD = ["graduates", "researchers", "high_level"]
FUJIAN, CHANGTAI = "350000", "350605"
# Kinds' weights as the page explains them; recomputed here, not imported, so that a change
# to the formula shows up as a failing test rather than as a silently different ranking.
WEIGHTS = {"apartment": 3, "fund": 0, "subsidy": 3, "rent_free_period": 2, "workstation": 2,
           "office_space": 2, "jobs": 1, "service_org": 1, "other": 1}
# The ranking and, for districts whose scores tie, their money with the words that say how often it is
# paid; one page of districts, their names, their offers, the offers' groups, their programs' groups
# (shown where an offer names none), the form's provinces.
FINDER_QUERIES = 8
PLACES_QUERY = 1  # with typed places: whether each names a district, one query for all of them


def body(response) -> str:
    return response.content.decode()


def download(client, params, fmt="json"):
    response = client.get("/finder/", {**params, "format": fmt})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return json.loads(text) if fmt == "json" else list(csv.DictReader(io.StringIO(text)))


def python_ranking(offers, *, groups=(), needs=(), provinces=(), since=None, this_year):
    """The ranking as the page's one line explains it, over plain dicts."""
    scores, verified, money = {}, {}, {}
    for o in offers:
        if o["status"] == "rejected":
            continue
        if needs and o["kind"] not in needs:
            continue
        if groups and o["groups"] and not (o["groups"] & set(groups)):
            continue  # an offer naming no group is open to all
        if provinces and o["province"] not in provinces:
            continue
        if since and o["published"] < str(since):
            continue
        recency = 1 if o["year"] is None else max(1, 6 - max(0, this_year - o["year"]))
        w = WEIGHTS[o["kind"]] * recency * (2 if o["status"] == "verified" else 1)
        scores[o["adcode"]] = scores.get(o["adcode"], 0) + w
        verified[o["adcode"]] = verified.get(o["adcode"], 0) + (o["status"] == "verified")
        # Equal scores: the most a person gets from one subsidy or award in yuan.
        personal = o["value"] if o["kind"] == "subsidy" and o["unit"] == "CNY" else 0
        money[o["adcode"]] = max(money.get(o["adcode"], 0), personal)
    ranked = sorted(scores, key=lambda a: (-scores[a], -money[a], -verified[a], a))
    return [(a, scores[a]) for a in ranked]


@pytest.fixture
def generated(reference_data):
    this_year = timezone.localdate().year
    return bulk_offers(240, seed=13, this_year=this_year), this_year


@pytest.mark.parametrize("params", [
    {},
    {"group": PHD, "need": ["apartment"]},
    {"group": ["entrepreneurs"], "need": ["workstation", "office_space", "rent_free_period"]},
    {"need": ["fund", "subsidy"], "since": "2022"},
    {"group": ["skilled", "rural"], "province": ["110000", "120000", "130000", "440000", "510000"]},
])
def test_ranking_is_the_one_computed_in_python(client, generated, params):
    offers, this_year = generated
    assert len({o["adcode"] for o in offers}) >= 200
    expected = python_ranking(
        offers, groups=params.get("group", ()), needs=params.get("need", ()),
        provinces=params.get("province", ()), since=params.get("since"), this_year=this_year,
    )
    assert expected, "the generated knowledge base should match something"
    found = download(client, params)
    assert [(r["adcode"], r["score"]) for r in found["results"]] == expected
    assert [r["rank"] for r in found["results"]] == list(range(1, len(expected) + 1))
    # The page shows the same order, 25 at a time.
    page = client.get("/finder/", params).context["results"]
    assert [(r.district.adcode, r.score) for r in page] == expected[:25]


def test_query_count_does_not_grow_with_the_rows(client, kb, generated, django_assert_max_num_queries):
    with django_assert_max_num_queries(FINDER_QUERIES + PLACES_QUERY):
        few = client.get("/finder/", {"group": ["graduates"], "need": ["apartment"], "district": ["丰台", "北京"]})
    assert len(few.context["results"]) == 2
    with django_assert_max_num_queries(FINDER_QUERIES):
        many = client.get("/finder/", {"group": PHD})
    assert len(many.context["results"]) == 25
    assert sum(len(r.offers) for r in many.context["results"]) > 25


def test_a_phd_who_needs_housing_in_fujian_finds_changtai(client, seeded):
    response = client.get("/finder/", {"group": PHD, "need": "apartment", "province": FUJIAN})
    results = response.context["results"]
    assert [r.district.adcode for r in results] == [CHANGTAI]
    offer = results[0].offers[0]
    assert offer.fact.program.name == "298青年城"
    assert str(offer.offer) == "720 套"
    page = body(response)
    assert "长泰区" in page and "298青年城" in page
    # The sentence around the quote, and the link to it in the article.
    assert "人才公寓" in offer.before + offer.after
    assert f'/articles/{offer.fact.article_id}/#incentive-{offer.fact.pk}' in page
    assert "2024-11-22" in page


def test_offers_naming_no_group_are_open_to_all_and_marked(client, kb):
    # 河西's fund names no group: an entrepreneur matches it, and the page says why.
    response = client.get("/finder/", {"group": ["entrepreneurs"], "need": ["fund"]})
    results = response.context["results"]
    assert [r.district.adcode for r in results] == [HEXI]
    assert results[0].offers[0].fact.open_to_all
    page = body(response)
    assert "面向所有人" in page and "data-open-to-all-note" in page
    # 丰台's workstations are for entrepreneurs, its jobs for graduates only.
    found = client.get("/finder/", {"group": ["entrepreneurs"], "need": ["workstation", "jobs"]}).context["results"]
    assert [(r.district.adcode, [s.fact.kind for s in r.offers]) for r in found] == [(FENGTAI, ["workstation"])]


def test_verified_offers_come_first_and_weigh_twice(client, kb):
    results = client.get("/finder/", {"need": ["apartment", "jobs"], "district": [FENGTAI]}).context["results"]
    kinds = [(s.fact.kind, s.fact.status) for s in results[0].offers]
    assert kinds == [("apartment", "verified"), ("jobs", "proposed")]


def test_places_by_name_pinyin_and_city(client, kb):
    def adcodes(**params):
        return [r.district.adcode for r in client.get("/finder/", params).context["results"]]

    assert adcodes(district="fengtai") == [FENGTAI]
    assert adcodes(district="河西") == [HEXI]
    assert adcodes(city="120000") == [HEXI]
    assert adcodes(city="天津") == [HEXI]
    assert set(adcodes(province="110000")) == {FENGTAI, "110105"}
    assert adcodes(district="nowhere") == []


def test_figures_are_exact_with_the_wan_form_beside(client, kb):
    response = client.get("/finder/", {"need": "fund"}, HTTP_ACCEPT_LANGUAGE="en")
    offer = response.context["results"][0].offers[0].offer
    assert (offer.figure, offer.reading) == ("50,000,000", "5000万元")
    assert "50,000,000</data> yuan" in body(response)


def test_compare_these_opens_compare_with_the_top_districts(client, kb):
    response = client.get("/finder/", {"need": "apartment"})
    top = [r.district.adcode for r in response.context["results"]]
    assert len(top) == 3
    link = "/compare/?" + "&amp;".join(f"d={a}" for a in top)
    assert link in body(response)


def test_csv_download_lists_each_district_with_its_offers(client, kb):
    rows = download(client, {"need": "apartment"}, fmt="csv")
    assert [r["rank"] for r in rows] == ["1", "2", "3"]
    fengtai = next(r for r in rows if r["adcode"] == FENGTAI)
    assert fengtai["display"] == "超过 500 套"  # Chinese, the default language
    assert fengtai["sources"].startswith("http://testserver/articles/")


def test_bad_input_is_dropped_not_an_error(client, kb):
    response = client.get("/finder/", {"group": ["nobody", "x" * 500], "need": "\x00", "since": "abc",
                                       "page": "1"})
    assert response.status_code == 200
    assert len(response.context["results"]) == 3
    assert client.get("/finder/", {"page": "99"}).status_code == 404


def test_since_keeps_offers_announced_since_the_year(client, kb):
    results = client.get("/finder/", {"need": "apartment", "since": "2023"}).context["results"]
    assert {r.district.adcode for r in results} == {FENGTAI, HEXI}


def test_a_district_with_many_offers_shows_its_best_few_and_links_to_the_rest(client, build, reference_data,
                                                                            django_assert_max_num_queries):
    """A big district matches thousands of offers (issue 11: the finder held to a bounded page):
    each district shows its OFFERS_SHOWN best, verified first, then the weightiest, the newest,
    the largest, and links to the incentive list for the rest."""
    from talentkb.pages.finder import OFFERS_SHOWN

    text = "".join(f"人才公寓{n}套。" for n in range(1, 13)) + "购房补贴9万元。"
    article = build.article(text, [FENGTAI], title="many", published="2023-05-01")
    offers = [build.incentive(article, f"人才公寓{n}套", kind="apartment", value=n, measure="套",
                              status="verified" if n in (3, 7) else "proposed") for n in range(1, 13)]
    build.incentive(article, "购房补贴9万元", kind="subsidy", value=90000, unit="CNY")
    with django_assert_max_num_queries(FINDER_QUERIES):
        response = client.get("/finder/", {"need": ["apartment"]})
    shown = [s.fact.value for s in response.context["results"][0].offers]
    # Python's order: verified first, then (same kind, same year) the largest value.
    expected = sorted(offers, key=lambda f: (f.status != "verified", -f.value))[:OFFERS_SHOWN]
    assert shown == [f.value for f in expected]
    assert response.context["results"][0].n_offers == 12
    page = body(response)
    assert f'href="/incentives/?district={FENGTAI}&amp;kind=apartment" data-more-offers' in page
    # Fewer offers than the bound: all of them, and no link.
    response = client.get("/finder/", {"need": ["subsidy"]})
    assert len(response.context["results"][0].offers) == 1 and "data-more-offers" not in body(response)


def test_an_offer_is_shown_to_the_degrees_it_is_for_and_takes_its_programs_groups(client, build, reference_data):
    """A PhD's rate is no graduate's offer; an offer naming nobody of a program for graduates is for
    graduates, not open to all, and the page shows the program's group on it."""
    text = "博士每年2万元，本科每年0.6万元。学子计划提供人才公寓300套。"
    article = build.article(text, [FENGTAI], title="tiers", published="2024-05-01")
    build.incentive(article, "博士每年2万元", kind="subsidy", value=20000, unit="CNY", groups=["doctorates"])
    build.incentive(article, "本科每年0.6万元", kind="subsidy", value=6000, unit="CNY", groups=["bachelors"])
    program = build.program("学子计划", article, "学子计划", adcode=FENGTAI, groups=["graduates"])
    build.incentive(article, "人才公寓300套", kind="apartment", value=300, measure="套", program=program)

    def offers(persona, need):
        response = client.get("/finder/", {"group": persona, "need": need})
        return [(s.fact.value, bool(s.fact.open_to_all)) for r in response.context["results"] for s in r.offers]
    assert offers(["graduates", "bachelors"], "subsidy") == [(6000, False)]
    assert offers(["graduates", "doctorates"], "subsidy") == [(20000, False)]
    assert offers(["graduates"], "apartment") == [(300, False)]
    assert offers(["overseas"], "apartment") == []
    page = body(client.get("/finder/", {"group": ["graduates"], "need": "apartment"}))
    assert "学子计划" in page and "高校毕业生和青年" in page.split("人才公寓300套")[1] and "面向所有人" not in page.split("<ol")[1]


def test_money_says_how_often_it_is_paid(client, build, reference_data):
    """每月2000元 is not a smaller offer than a one-off 1万元: the rate stands beside the figure,
    read from the sentence (before the figure or right after its unit), on the page and in the download."""
    text = "对博士每人每月发放生活补贴2000元，连续发放3年；一次性给予安家费1万元；租房补贴1.2万元/年；奖励5000元。"
    article = build.article(text, [FENGTAI], title="rates", published="2024-05-01")
    for quote, value in (("生活补贴2000元", 2000), ("安家费1万元", 10000), ("租房补贴1.2万元", 12000), ("奖励5000元", 5000)):
        build.incentive(article, quote, kind="subsidy", value=value, unit="CNY")
    [row] = download(client, {"need": "subsidy"})["results"]
    assert dict(zip(row["values"], row["display"])) == {
        2000: "2,000 元 每月", 10000: "10,000 元 一次性", 12000: "12,000 元 每年", 5000: "5,000 元"}
    client.cookies["django_language"] = "en"
    page = body(client.get("/finder/", {"need": "subsidy"}))
    assert 'class="offer-per">a month<' in page and 'class="offer-per">one-off<' in page


def test_a_range_is_one_offer_shown_with_both_ends(client, build, reference_data):
    """The extractor files 300万元至500万元 as two facts on one quote (at least, up to): the finder
    counts it once and shows 3,000,000–5,000,000; where the low end was rejected, the high end stands."""
    text = "给予创业团队300万元至500万元资助。提供人才公寓10套。"
    article = build.article(text, [FENGTAI], title="range", published="2024-05-01")
    low = build.incentive(article, "300万元至500万元资助", kind="subsidy", value=3_000_000, unit="CNY", qualifier="ge")
    build.incentive(article, "300万元至500万元资助", kind="subsidy", value=5_000_000, unit="CNY", qualifier="le")
    build.incentive(article, "人才公寓10套", kind="apartment", value=10, measure="套")
    [row] = download(client, {"need": ["subsidy", "apartment"]})["results"]
    recent = max(1, 6 - (download(client, {})["year"] - 2024))
    assert (row["offers"], row["score"]) == (2, (WEIGHTS["subsidy"] + WEIGHTS["apartment"]) * recent)
    assert [d for d, k in zip(row["display"], row["kinds"]) if k == "subsidy"] == ["3,000,000–5,000,000 元"]
    low.status = "rejected"
    low.save()
    [row] = download(client, {"need": "subsidy"})["results"]
    assert row["display"] == ["最多 5,000,000 元"]


@pytest.mark.parametrize("typed, places, found", [
    ("丰台，北京", ["丰台", "北京"], {FENGTAI, CHAOYANG}),
    ("丰台,河西", ["丰台", "河西"], {FENGTAI, HEXI}),
    ("丰台、河西", ["丰台", "河西"], {FENGTAI, HEXI}),
    ("丰台 河西", ["丰台", "河西"], {FENGTAI, HEXI}),
    ("丰台区（北京）", ["丰台区"], {FENGTAI}),
])
def test_a_typed_list_of_places_is_several_places_and_brackets_are_a_hint(client, kb, typed, places, found):
    response = client.get("/finder/", {"district": typed}, follow=True)
    assert response.redirect_chain and response.context["wanted"].districts == tuple(places)
    assert {r.district.adcode for r in response.context["results"]} == found
    chips = [place for place, _query in response.context["place_removals"]]
    assert chips == places and "data-unrecognised" not in body(response)


def test_a_place_not_recognised_is_named_and_not_replaced_by_everywhere(client, kb):
    response = client.get("/finder/", {"district": "火星"})
    assert response.context["results"] == [] and [n["value"] for n in response.context["unrecognised"]] == ["火星"]
    page = body(response)
    assert "data-unrecognised" in page and "未能识别" in page and "<strong lang=\"zh-Hans\">火星</strong>" in page
    # Beside a place that is recognised: that place alone, and the other named.
    response = client.get("/finder/", {"district": ["丰台", "火星"], "city": "天津"})
    assert {r.district.adcode for r in response.context["results"]} == {FENGTAI, HEXI}
    assert [n["value"] for n in response.context["unrecognised"]] == ["火星"]


def test_an_unknown_place_or_province_is_named_with_the_near_names_found(client, kb):
    response = client.get("/finder/", {"district": "fengtia", "need": "apartment"})
    assert response.context["results"] == []
    [notice] = response.context["unrecognised"]
    assert notice["value"] == "fengtia"
    label, query = notice["suggestions"][0]
    assert label == "丰台区 · 北京市" and query.getlist("district") == [FENGTAI] and query["need"] == "apartment"
    assert "您是否要找" in body(response) and "data-suggestion" in body(response)
    # The suggestion finds it, and its chip says its name rather than its code.
    response = client.get("/finder/", query)
    assert [r.district.adcode for r in response.context["results"]] == [FENGTAI]
    assert [place for place, _q in response.context["place_removals"]] == ["丰台区"]
    assert response.context["unrecognised"] == []
    # A province code that is none is shown, and nothing is searched in its stead.
    response = client.get("/finder/", {"province": "999999"})
    assert response.context["results"] == []
    assert [(n["value"], n["province"], n["suggestions"]) for n in response.context["unrecognised"]] == [
        ("999999", True, [])]
    # A code's first digits (35: 福建) are no province, but say which one they might be.
    response = client.get("/finder/", {"province": "35"})
    assert response.context["results"] == []
    [notice] = response.context["unrecognised"]
    assert [(label, q.getlist("province")) for label, q in notice["suggestions"]] == [("福建省", ["350000"])]


def test_pinyin_finds_whole_syllables_and_a_citys_or_provinces_districts(client, kb, build):
    from districts.models import District

    xiangcheng, yanta, changsha_county, yuelu = "320507", "610113", "430121", "430104"
    build.districts.update(District.objects.in_bulk([xiangcheng, yanta, changsha_county, yuelu], field_name="adcode"))
    for adcode, text in [(xiangcheng, "相城区人才公寓100套。"), (yanta, "雁塔区人才公寓200套。"),
                         (changsha_county, "长沙县人才公寓300套。"), (yuelu, "岳麓区人才公寓400套。")]:
        article = build.article(text, [adcode], title=adcode)
        build.incentive(article, text[3:-1], kind="apartment", value=1, measure="套")

    def adcodes(**params):
        return {r.district.adcode for r in client.get("/finder/", params).context["results"]}

    assert adcodes(district="beijing") == adcodes(district="北京") == {FENGTAI, CHAOYANG}
    assert adcodes(district="changsha") == adcodes(district="长沙") == {changsha_county, yuelu}
    assert adcodes(city="changsha") == adcodes(city="长沙") == {changsha_county, yuelu}
    assert adcodes(district="hunan") == adcodes(district="湖南") == {changsha_county, yuelu}
    # xian and xi'an are 西安, never the xian of xiang|cheng; the apostrophe breaks syllables.
    assert adcodes(district="xian") == adcodes(district="xi'an") == adcodes(district="Xi'an") == {yanta}
    assert adcodes(district="xiangcheng") == adcodes(district="xiang") == {xiangcheng}
    assert adcodes(district="fengtai") == adcodes(district="ft") == {FENGTAI}
    assert adcodes(district="fengt") == set()


def test_zhang_reads_as_beds_where_it_counts_beds_and_as_nothing_else(client, build):
    article = build.article("提供100张床位，发放人才卡200张。", [FENGTAI], title="beds")
    build.incentive(article, "100张床位", kind="apartment", value=100, measure="张", label="床位")
    build.incentive(article, "人才卡200张", kind="other", value=200, measure="张", label="人才卡")
    response = client.get("/finder/", {"district": FENGTAI}, HTTP_ACCEPT_LANGUAGE="en")
    shown = {s.fact.label: str(s.offer) for s in response.context["results"][0].offers}
    assert shown == {"床位": "100 beds", "人才卡": "200"}
    assert " sheets" not in body(response)
    listed = body(client.get("/incentives/", {"district": FENGTAI}, HTTP_ACCEPT_LANGUAGE="en"))
    assert "100</data> beds" in listed and " sheets" not in listed
    # Chinese shows the measure word as written.
    assert "100 张" in {str(s.offer) for s in client.get("/finder/", {"district": FENGTAI}).context["results"][0].offers}


def test_all_of_a_districts_offers_opens_the_offers_counted_for_the_person(client, build):
    text = "".join(f"人才公寓{n}套。" for n in range(1, 10))
    article = build.article(text, [FENGTAI], title="many", published="2024-05-01")
    for n in range(1, 10):
        groups = [["graduates"], ["entrepreneurs"], []][n % 3]
        build.incentive(article, f"人才公寓{n}套", kind="apartment", value=n, measure="套", groups=groups)
    result = client.get("/finder/", {"group": "graduates", "need": "apartment"}).context["results"][0]
    assert result.n_offers == 6  # for graduates, or naming no group
    listed = client.get(f"/incentives/?{result.more}")
    assert listed.context["page"].paginator.count == result.n_offers


def test_all_of_a_districts_offers_keeps_the_year_they_were_announced_since(client, build):
    """With `since`, the finder counts the offers announced since that year: its link to the rest lists those,
    not every year's, and the list says so in a chip that removes it."""
    for year, values in ((2022, range(1, 5)), (2024, range(5, 12))):
        text = "".join(f"人才公寓{n}套。" for n in values)
        article = build.article(text, [FENGTAI], title=f"flats {year}", published=f"{year}-05-01")
        for n in values:
            build.incentive(article, f"人才公寓{n}套", kind="apartment", value=n, measure="套")
    result = client.get("/finder/", {"need": "apartment", "since": "2024"}).context["results"][0]
    assert result.n_offers == 7
    assert "since=2024" in result.more
    listed = client.get(f"/incentives/?{result.more}")
    assert listed.context["page"].paginator.count == result.n_offers
    assert {f.value for f in listed.context["page"].object_list} == set(range(5, 12))
    chip = body(listed).split("data-since>")[1].split("</a>")[0]
    assert "2024" in chip and "发布不早于" in chip
    # A value that is no year filters nothing, as the finder ignores it.
    assert client.get("/incentives/", {"district": FENGTAI, "since": "abc"}).context["page"].paginator.count == 11


def test_all_of_a_districts_offers_opens_the_offers_that_inherit_their_programmes_group(client, build):
    """An offer naming no group is its programme's: the finder counts 学子回家's flats for a graduate, and
    not 创业's desks; the incentive list's group filter and its counts read it the same way."""
    text = "学子回家：人才公寓10套。创业计划：人才公寓20套。人才公寓30套。"
    article = build.article(text, [FENGTAI], title="programmes", published="2024-05-01")
    graduates = build.program("学子回家", article, "学子回家", adcode=FENGTAI, groups=["graduates"])
    founders = build.program("创业计划", article, "创业计划", adcode=FENGTAI, groups=["entrepreneurs"])
    build.incentive(article, "人才公寓10套", kind="apartment", value=10, measure="套", program=graduates)
    build.incentive(article, "人才公寓20套", kind="apartment", value=20, measure="套", program=founders)
    build.incentive(article, "人才公寓30套", kind="apartment", value=30, measure="套")
    result = client.get("/finder/", {"group": "graduates", "need": "apartment"}).context["results"][0]
    assert result.n_offers == 2  # 学子回家's, and the one of no programme (open to all)
    listed = client.get(f"/incentives/?{result.more}")
    assert {f.value for f in listed.context["page"].object_list} == {10, 30}
    assert listed.context["page"].paginator.count == result.n_offers
    # The facet counts them so too: 10 for graduates, 20 for entrepreneurs, 30 open to all.
    unfiltered = client.get("/incentives/", {"district": FENGTAI, "kind": "apartment"})
    assert facet_counts(unfiltered, "group") == {"graduates": 1, "entrepreneurs": 1, "none": 1}
    founders_only = client.get("/incentives/", {"district": FENGTAI, "group": "entrepreneurs"})
    assert [f.value for f in founders_only.context["page"].object_list] == [20]


def test_a_districts_fund_pool_does_not_outrank_bigger_grants_to_a_person(client, build):
    """河西's 5亿元 guidance fund is no money a graduate receives: 朝阳's 50万元 grant ranks above 河西's 1万元
    one, and the fund shows, marked as not counted."""
    hexi = build.article("河西区设立人才引导基金5亿元。给予博士安家补贴1万元。", [HEXI], title="hexi", published="2024-05-01")
    build.incentive(hexi, "人才引导基金5亿元", kind="fund", value=500_000_000, unit="CNY", status="verified")
    build.incentive(hexi, "安家补贴1万元", kind="subsidy", value=10_000, unit="CNY")
    chaoyang = build.article("朝阳区给予博士安家补贴50万元。", [CHAOYANG], title="chaoyang", published="2024-05-01")
    build.incentive(chaoyang, "安家补贴50万元", kind="subsidy", value=500_000, unit="CNY")
    wanted = {"group": ["graduates"], "need": ["fund", "subsidy"]}
    response = client.get("/finder/", wanted)
    results = response.context["results"]
    assert [r.district.adcode for r in results] == [CHAOYANG, HEXI] and results[0].score == results[1].score
    page = body(response)
    fund = page[page.index("人才引导基金5亿元") - 1500:page.index("人才引导基金5亿元")]
    assert "地区资金池：不计分" in fund and "是地区的资金池，并非个人可得的钱" in page
    client.cookies["django_language"] = "en"
    assert "the district's fund: not counted" in body(client.get("/finder/", wanted))


def test_equal_scores_are_broken_by_a_years_money_not_by_the_figure_as_written(client, build):
    """每月3000元 is 36,000 a year: it comes before a one-off 2.5万元 and a range up to 3万元, though its
    figure is the smallest; a range counts by its high end (1万元至3万元: 30,000, not 10,000)."""
    fengtai = build.article("对博士每人每月发放生活补贴3000元，连续发放3年。", [FENGTAI], title="monthly",
                            published="2024-05-01")
    build.incentive(fengtai, "生活补贴3000元", kind="subsidy", value=3000, unit="CNY")
    hexi = build.article("一次性给予安家补贴2.5万元。", [HEXI], title="once", published="2024-05-01")
    build.incentive(hexi, "安家补贴2.5万元", kind="subsidy", value=25_000, unit="CNY")
    chaoyang = build.article("给予购房补贴1万元至3万元。", [CHAOYANG], title="range", published="2024-05-01")
    build.incentive(chaoyang, "购房补贴1万元至3万元", kind="subsidy", value=10_000, unit="CNY", qualifier="ge")
    build.incentive(chaoyang, "购房补贴1万元至3万元", kind="subsidy", value=30_000, unit="CNY", qualifier="le")
    results = client.get("/finder/", {"need": "subsidy"}).context["results"]
    assert len({r.score for r in results}) == 1
    assert [r.district.adcode for r in results] == [FENGTAI, CHAOYANG, HEXI]
    assert [r["adcode"] for r in download(client, {"need": "subsidy"})["results"]] == [FENGTAI, CHAOYANG, HEXI]
