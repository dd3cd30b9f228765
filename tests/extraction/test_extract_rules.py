"""Every row of the extractor's rule tables, run on its own example.

A row's example must be decided by that row: the rows above it do not fire
on it, so the example shows what the row adds in its place in the order.
"""
from __future__ import annotations

import pytest

from policies.extraction import classify, nonfacts, pipeline, programs, quantities
from policies.extraction.attribution import Districts
from policies.extraction.quantities import find_quantities
from policies.extraction.rules import decide
from policies.extraction.text import normalise


def _classified(sentence: str):
    doc = normalise(sentence)
    for q in find_quantities(doc.norm):
        start, _ = doc.sentence_span(doc.sentence_of(q.num_start))
        yield decide(classify.RULES, classify.clue_of(doc.norm, q, start))


@pytest.mark.parametrize("rule", classify.RULES, ids=lambda r: r.name)
def test_classify_rule_fires_on_its_example(rule):
    fired = [r.name for r, _ in _classified(rule.example)]
    assert rule.name in fired, f"{rule.example}: {fired}"


@pytest.mark.parametrize("kind", classify.KINDS, ids=lambda k: k.name)
def test_each_kind_is_read_from_its_example(kind):
    kinds = [out.kind for _, out in _classified(kind.example)]
    assert kind.name in kinds, f"{kind.example}: {kinds}"


def _shared_kind_rules(sentence: str) -> list[str]:
    """The row of classify.SHARED_KIND that decides each amount that classify asks it about."""
    doc = normalise(sentence)
    fired = []
    for q in find_quantities(doc.norm):
        start, _ = doc.sentence_span(doc.sentence_of(q.num_start))
        clue = classify.clue_of(doc.norm, q, start)
        if classify._bare_amount(clue):
            fired.append(decide(classify.SHARED_KIND, clue)[0].name)
    return fired


@pytest.mark.parametrize("rule", classify.SHARED_KIND, ids=lambda r: r.name)
def test_shared_kind_rule_fires_on_its_example(rule):
    fired = _shared_kind_rules(rule.example)
    assert rule.name in fired, f"{rule.example}: {fired}"


@pytest.mark.parametrize("rule", classify.SHARED_KIND[:-1], ids=lambda r: r.name)
def test_an_amount_with_no_noun_takes_the_kind_of_the_offer_it_continues(rule):
    decided = [(r.name, out.kind) for r, out in _classified(rule.example)]
    assert ("shared_kind", "subsidy") in decided, f"{rule.example}: {decided}"


def _quantity_rules(sentence: str) -> list[str]:
    norm = normalise(sentence).norm
    taken = [(q.start, q.end) for q in quantities._ratios(norm)]
    return [rule.name for rule, _ in quantities.readings(norm, taken)]


@pytest.mark.parametrize("rule", quantities.RULES, ids=lambda r: r.name)
def test_quantity_rule_fires_on_its_example(rule):
    fired = _quantity_rules(rule.example)
    assert rule.name in fired, f"{rule.example}: {fired}"


@pytest.mark.parametrize("rule", programs.QUOTE_RULES, ids=lambda r: r.name)
def test_quoted_name_rule_fires_on_its_example(rule):
    quotes = programs._quotes(normalise(rule.example).norm, set())
    fired = [decide(programs.QUOTE_RULES, q)[0].name for q in quotes]
    assert rule.name in fired, f"{rule.example}: {fired}"


def _nonfact_rules(text: str) -> list[str]:
    """The row of nonfacts.RULES that decides each figure of a text, its district read as extract() reads it."""
    a = pipeline.sentences(text)
    figures = pipeline.classified(a, pipeline.quantities(a))
    figures = pipeline.without_repeats(a.doc.norm, pipeline.ranges_as_bounds(figures))
    figures = pipeline.districts_of(Districts(a.doc, list(a.codes), list(a.located)), figures)
    areas = nonfacts.Areas(a.doc.norm, a.located, a.codes)
    return [nonfacts.is_fact(pipeline.nonfact_clue(a, areas, f))[0] for f in figures]


@pytest.mark.parametrize("rule", nonfacts.RULES, ids=lambda r: r.name)
def test_nonfact_rule_fires_on_its_example(rule):
    fired = _nonfact_rules(rule.example)
    assert rule.name in fired, f"{rule.example}: {fired}"


def test_the_last_place_named_decides_whose_figure_it_is():
    text = "邗江区财政局供稿。全市共有1693人享受人才住房保障资助，我区占比达到61.49%。"
    assert _nonfact_rules(text) == ["higher_area", "fact"]
    # in a county-level city's article 全市 is the district itself
    assert _nonfact_rules("晋江市人才办消息。全市共引进博士120名。") == ["fact"]
    # …but in a city's report on several of its counties, one of them a county-level city, 全市 is the city
    # (该市, the city just named, is still the county-level city)
    report = ("绵阳日报讯 前三季度，全市新引进各类人才3.1万人。江油市前三季度引进硕士以上人才312名，"
              "该市人才公寓已交付160套。三台县设立5000万元人才发展基金，三台县今年已回引人才587人。")
    assert _nonfact_rules(report)[0] == "higher_area" and "higher_area" not in _nonfact_rules(report)[1:]
    # the city's total after a verb of contributing to it (助力, 推动, 带动) is the city's
    assert _nonfact_rules("叙州区人才工作成效明显，助力全市人才资源总量突破60万人。") == ["higher_area"]
    # a region's organ acting in the district, a region inside a name: no subject
    assert _nonfact_rules("武都区消息。陇南市委、市政府专门拿出3000多万元，在武都区购置了住宅。") == ["fact"]
    assert _nonfact_rules("河西区承接了天津市电子信息与大数据人才创新创业联盟，联盟已汇集专业技术人才7218名。") == ["fact"]


def test_the_learned_step_overrides_the_rules_only_where_it_is_sure(tmp_path):
    import json

    from policies.extraction import learned

    f = tmp_path / "m.json"
    f.write_text(json.dumps({"classes": ["metric", "none", "subsidy"], "bias": [0, 0, 0],
                             "thresholds": {"drop": 0.9, "to_offer": 0.5, "to_metric": 1.01, "kind": 1.01},
                             "weights": {"L奖": [0, 0, 3], "L口": [0, 2, 0]}}), encoding="utf-8")
    m = learned.model.__wrapped__(f)
    assert m.decide(["L奖", "U=CNY"], None) == "subsidy"  # P 0.91 >= 0.5
    assert m.decide(["L口"], None) == "metric"  # P(none) 0.79 < 0.9: the rules stand
    assert m.decide(["L奖"], "subsidy") == "subsidy"
    norm = "全区人才总量达到12.5万人。"
    s = norm.index("12.5")
    feats = learned.features(norm, s, s, s + len("12.5万"), 0, "count", "人", "eq", None, "metric")
    assert {"L总量", "R人", "K=metric", "RULE=metric"} <= set(feats)


def test_a_figure_closing_an_offers_condition_is_no_fact():
    assert _nonfact_rules("东城区公租房实物配租保障人口为1人的，配租一居室。") == ["condition_of_offer"]
    # the same figure closing no condition is the district's
    assert _nonfact_rules("东城区公租房实物配租保障人口为1200人，配租一居室。") == ["fact"]


def test_a_figure_inside_a_condition_opened_by_dui_is_no_fact():
    text = "安吉县出台新政。对年销售收入首次突破1亿元的企业，给予一次性奖励20万元。"
    assert _nonfact_rules(text) == ["condition_of_offer", "fact"]  # the threshold, then the offer
    # 对 opening a clause that closes on no condition: the district's figure
    assert _nonfact_rules("安吉县消息。对全县1200家企业开展走访，收集需求。") == ["fact"]


def test_a_figure_of_he_or_she_is_one_persons():
    assert _nonfact_rules("安吉县人才公寓。张女士告诉记者，她每月只需支付800元房租。") == ["one_persons_figure"]
    # 他们 and 其他 are no one person
    assert _nonfact_rules("安吉县人才公寓。其他人才公寓共有800套。") == ["fact"]


def test_representatives_named_by_a_relative_clause_are_a_ceremonys_detail():
    text = "佛坪县举行人才公寓揭牌仪式，为6名入住人才公寓的人员代表发放公寓钥匙。"
    assert _nonfact_rules(text) == ["ceremony_detail"]
    assert _nonfact_rules("佛坪县消息。全县有6名入住人才公寓的人大代表。") == ["fact"]


def test_a_clause_opened_by_in_a_city_is_that_citys():
    assert _nonfact_rules("临桂区消息。在桂林市，人才公寓已建成5万多平方米。") == ["higher_area"]
    assert _nonfact_rules("临桂区消息。在临桂区，人才公寓已建成5万多平方米。") == ["fact"]


def test_the_province_or_city_said_as_this_one_is_a_higher_area():
    assert _nonfact_rules("长兴县消息。去年，该省共引进高层次人才1.2万名。") == ["higher_area"]
    assert _nonfact_rules("长兴县消息。去年，该市共引进高层次人才1.2万名。") == ["higher_area"]
    # a county-level city calls itself 该市
    assert _nonfact_rules("曲阜市消息。去年，该市共引进高层次人才1200名。") == ["fact"]


def test_one_persons_figures_go_on_after_the_clause_that_names_him():
    # 他 or 她 opens what the sentence says next: every figure after it is that person's
    text = "安宁市人才新政实施。在安宁工作的硕士杨锐说，按照新政策，他每月能多拿1500元，一年就是1.8万元。"
    assert _nonfact_rules(text) == ["one_persons_figure", "one_persons_figure"]
    # …unless he speaks for the district (他介绍) or an area is named after him
    assert _nonfact_rules("天元区人才工作会召开。他介绍，今年引进人才1200名。") == ["fact"]
    assert _nonfact_rules("天元区人才工作会召开。他在驿站住了3天，全区驿站今年接待2600人次。") == ["one_persons_figure", "fact"]


def test_an_offer_of_a_higher_area_named_in_its_sentence_is_not_the_countys():
    text = ("澄迈县发布首批就业见习岗位。今年澄迈县计划募集见习岗位不少于1500个。"
            "全省今年计划募集就业见习岗位2万个以上。")
    assert _nonfact_rules(text) == ["fact", "higher_area"]
