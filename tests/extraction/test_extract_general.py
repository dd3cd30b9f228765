"""Mechanisms a policy researcher would recognise: whose programme it is, which county an article is about."""
from __future__ import annotations

from policies.extraction import extract


def _programs(text: str) -> list[str]:
    return [p.name for p in extract(text).programs]


def test_a_provinces_talent_programme_is_never_the_countys_own_quoted_or_not():
    assert _programs("寿光市人才工作。寿光市深入实施泰山产业领军人才工程，新入选5人。") == []
    assert _programs("寿光市人才工作。寿光市积极推荐人才申报“泰山学者”计划。") == []
    assert _programs("寿光市人才工作。寿光市实施“寿光英才”计划。") == ["寿光英才"]


def test_an_article_that_says_our_county_takes_the_one_county_its_source_line_names():
    from policies.extraction import extract as _extract
    x = _extract("来源：泰顺新闻网\n我县出台人才新政，全县引进人才100名。")
    assert [m.district for m in x.metrics] == ["330329"] and x.districts == ["330329"]
    # a verb that is also a short name (新建 for 新建区) names no county
    x = _extract("鼓楼人才工作再上台阶。\n全区引进高层次人才236名，新建“人才之家”服务站。")
    assert x.districts == []


def test_a_target_restated_later_with_another_lead_word_is_one_fact():
    x = extract("晋江市人才办消息。晋江发布人才发展规划，计划引育博士1000名、硕士10000名。"
                "力争在十四五期间，实现引育博士1000名、硕士10000名的目标。")
    assert sorted(m.quantity.value for m in x.metrics) == [1000, 10000]
    # the same noun by another verb is another fact
    x = extract("长沙县教育局消息。长沙县拟引入名优校长10人、教师80人；拟培育名优校长10人。")
    assert sorted(m.quantity.value for m in x.metrics) == [10, 10, 80]
