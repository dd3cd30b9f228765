"""Search finds what it should (issue 12.4) and ranks it, through the full-text index of either database.

A fact is found through its own words (quote and label), its incentive kind's
names, its program's name and aliases, its indicator's names and wordings;
a program through its name and aliases. Results come best first unless a
column's sort is asked for; tab counts stop at a bound; the number of queries
does not grow with the rows.
"""
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from policies import search
from policies.models import Incentive, Indicator, Metric
from programs.models import Program
from talentkb.pages import search as search_page

from tests.factories import FENGTAI, HEXI


def results(client, q, kind="incentives", **params):
    response = client.get("/search/", {"q": q, "type": kind, **params})
    assert response.status_code == 200
    return response, list(response.context["page"].object_list)


def test_talent_apartments_find_changtai_s_720_through_the_program_alias(client, seeded):
    """长泰区's 720 套 quote is 栋720套: it says 人才公寓 only through its program's alias (298青年城人才公寓)."""
    flats = Incentive.objects.get(value=720, measure="套")
    assert "人才公寓" not in flats.quote and "人才公寓" not in flats.label
    assert "人才公寓" in " ".join(flats.program.aliases)
    _response, found = results(client, "人才公寓")
    assert flats in found
    # The program itself is found by its alias too.
    _response, programs = results(client, "人才公寓", "programs")
    assert flats.program in programs


def test_rent_free_finds_a_rent_reduction_period_through_its_kind(client, seeded):
    """减租期最长可达3年 never says 免租, but it is a rent-free period, whose names include 免租."""
    period = Incentive.objects.get(label="减租期")
    assert "免租" not in period.quote + period.label
    _response, found = results(client, "免租")
    assert period in found
    # And the kind's label in English finds it too.
    _response, found = results(client, "rent-free period")
    assert period in found


def test_a_program_is_found_by_an_alias_only(client, kb):
    kb.xuezi.aliases = ["青年返乡计划"]
    kb.xuezi.save(update_fields=["aliases"])
    _response, programs = results(client, "返乡", "programs")
    assert programs == [kb.xuezi]
    # Its facts are found through it: none of their quotes says 返乡.
    _response, facts = results(client, "返乡")
    assert set(facts) == {kb.jobs, kb.apartments}


def test_a_metric_is_found_by_its_indicator_s_wording(client, kb, build):
    """人才资源总量 is a wording of the indicator 人才总量; the metric's own words are 人才总量 only."""
    article = build.article("河西区人才总量达到12万人。", [HEXI], title="人才总量")
    total = build.metric(article, "人才总量达到12万人", label="人才总量", value=120000, measure="人",
                         indicator=Indicator.objects.get(code="talent_total"))
    other = build.metric(article, "12万人", label="人数", value=120000, measure="人")
    _response, found = results(client, "人才资源总量", "metrics")
    assert total in found and other not in found
    # The indicator's name in English too.
    assert Indicator.objects.get(code="talent_total").name_en == "Talent pool, total"
    _response, found = results(client, "talent pool", "metrics")
    assert total in found


def python_score(fact, tokens, kinds) -> int:
    """How many of the fact's sources hold every word of the query: its own words, its kind, its program."""
    own = set(search.words(fact.quote + " " + fact.label))
    program = set(search.words(" ".join(fact.program.all_names()))) if fact.program else set()
    return (set(tokens) <= own) + (fact.kind in kinds) + (set(tokens) <= program)


def test_facts_matching_in_more_places_rank_first(client, kb, build):
    article = build.article("河西区为青年提供宿舍200间，另建人才公寓计划房源。", [HEXI], title="宿舍")
    program = build.program("人才公寓计划", article, "人才公寓计划", adcode=HEXI)
    dorms = build.incentive(article, "宿舍200间", kind="apartment", value=200, measure="间")
    planned = build.incentive(article, "房源", kind="apartment", value=1, measure="套", program=program)
    _response, found = results(client, "人才公寓")
    assert {dorms, planned, kb.apartments} <= set(found)
    scores = [python_score(f, ("人才", "公寓"), {"apartment"}) for f in found]
    assert scores == sorted(scores, reverse=True), list(zip(found, scores))
    assert found.index(planned) < found.index(dorms)  # kind and program before kind alone
    assert len(set(scores)) > 1


@pytest.fixture
def repeated(build):
    """Three articles of the same length saying 人才驿站 once, twice and three times."""
    filler = "本区持续优化营商环境"
    texts = {n: ("人才驿站，" * n + filler * (4 - n)) + "。" for n in (1, 2, 3)}
    # The fewer, the newer: the list's own order (newest first) is the reverse of relevance.
    return {n: build.article(text, [FENGTAI], title=f"驿站{n}", published=f"202{4 - n}-01-01")
            for n, text in texts.items()}


def test_articles_with_more_matching_words_rank_first(client, repeated):
    _response, found = results(client, "人才驿站", "articles")
    expected = sorted(found, key=lambda a: -search.all_words(a.text).count("驿站"))
    assert found == expected == [repeated[3], repeated[2], repeated[1]]
    _response, by_date = results(client, "人才驿站", "articles", sort="-published")
    assert by_date == [repeated[1], repeated[2], repeated[3]]


def test_a_chosen_sort_wins_over_relevance(client, kb):
    response, found = results(client, "人才公寓", sort="-value")
    assert [f.value for f in found] == sorted((f.value for f in found), reverse=True)
    assert response.context["sort"] == "-value"
    response, _found = results(client, "人才公寓")
    assert response.context["sort"] == "relevance"
    assert 'value="relevance" selected' in response.content.decode()


def test_tab_counts_stop_at_their_bound(client, kb, monkeypatch):
    monkeypatch.setattr(search_page, "TAB_COUNT_LIMIT", 2)
    response, _found = results(client, "人才公寓")
    tabs = {t["name"]: (t["count"], t["more"]) for t in response.context["tabs"]}
    assert tabs["incentives"] == (3, True) and tabs["articles"] == (3, True)
    assert tabs["programs"] == (0, False)
    assert '<span class="count">2+</span>' in response.content.decode()


@pytest.mark.parametrize("kind", ["articles", "programs", "incentives", "metrics"])
def test_search_queries_do_not_grow_with_the_rows(client, kb, grow, kind):
    """Each tab's count, the page, the facets and the resolving of programs and indicators:
    a fixed number of queries, whatever the number of matches."""
    def queries():
        with CaptureQueriesContext(connection) as captured:
            results(client, "人才公寓", kind)
        return len(captured)

    grow(2)
    before = queries()
    grow(12)
    assert queries() == before
    # On PostgreSQL each list's filter resolves the matching programs in a query of its own
    # (their ids go in as one array); SQLite reads them in a subquery.
    assert before <= 22


def test_one_character_is_a_substring_and_longer_parts_are_words(client, kb):
    # 租 is no word of its own (免租, 减租): found as a substring.
    _response, found = results(client, "租")
    assert kb.stations in found
    # 才公 is no word: a two-character part is matched as words, not as a substring, so nothing.
    _response, found = results(client, "才公")
    assert found == []


def test_the_words_are_stored_with_repeats_for_ranking(kb):
    kb.fengtai.refresh_from_db()
    assert kb.fengtai.search_text.count(" 免租 ") == 2
    kb.apartments.refresh_from_db()
    assert kb.apartments.search_text.split() == ["超", "500", "套", "人才", "公寓"]
    assert Program.objects.get(pk=kb.xuezi.pk).search_text.split() == ["学子", "回家"]
    assert Metric.objects.get(pk=kb.hexi_goal.pk).search_text.startswith(" 高层 ")


def test_a_fact_keeps_its_words_when_saved_with_some_fields(kb):
    kb.apartments.label = "人才驿站"
    kb.apartments.value = Decimal(501)
    kb.apartments.save(update_fields=["label", "value"])
    kb.apartments.refresh_from_db()
    assert " 驿站 " in kb.apartments.search_text


def test_too_many_matches_to_rank_are_sorted_as_the_list_sorts_and_say_so(client, kb, monkeypatch):
    from talentkb.lists import listing

    monkeypatch.setattr(listing, "RANK_LIMIT", 2)
    response, found = results(client, "人才公寓")
    assert len(found) == 3 and response.context["sort"] == "-period"
    assert response.context["unranked"]
    assert 'class="hint unranked"' in response.content.decode() and "而非按相关度" in response.content.decode()
    monkeypatch.setattr(listing, "RANK_LIMIT", 3)
    response, _found = results(client, "人才公寓")
    assert response.context["sort"] == "relevance" and not response.context["unranked"]


def test_a_filter_the_tabs_leave_out_narrows_what_is_ranked(client, kb, monkeypatch):
    """The tab counts only the shared filters (3 apartments); the list itself, with the target
    group, holds two: they are ranked, whatever the tab says."""
    from talentkb.lists import listing

    monkeypatch.setattr(listing, "RANK_LIMIT", 2)
    response, found = results(client, "人才公寓", group="high_level")
    assert set(found) == {kb.apartments, kb.hexi_apartments}
    assert {t["name"]: t["count"] for t in response.context["tabs"]}["incentives"] == 3
    assert response.context["sort"] == "relevance" and not response.context["unranked"]


def test_the_current_tab_s_count_is_not_counted_again(client, kb):
    """The tab's bounded count decides ranking too: one bounded count per tab, no fifth."""
    with CaptureQueriesContext(connection) as captured:
        results(client, "人才公寓", "articles")
    bounded = [q["sql"] for q in captured if "LIMIT 1001" in q["sql"]]
    assert len(bounded) == 4, bounded
