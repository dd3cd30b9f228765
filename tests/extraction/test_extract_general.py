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


def test_a_hard_wrapped_page_reads_as_the_same_page_unwrapped():
    text = ("武侯区出台人才安居新政。对新引进的全日制博士，给予每月3000元租房补贴，最长补贴3年；对硕士给予每月2000元租房补贴。"
            "全区已建成人才公寓1200套，累计服务人才5000余人次。")
    wrapped = "\n".join(text[i:i + 30] for i in range(0, len(text), 30))
    flat, cut = extract(text), extract(wrapped)
    assert [(f.kind, f.quantity.value) for f in cut.incentives] == [(f.kind, f.quantity.value) for f in flat.incentives]
    assert [f.quantity.value for f in cut.metrics] == [f.quantity.value for f in flat.metrics]
    for f in cut.incentives + cut.metrics:  # quotes stay in the original text
        assert str(int(f.quantity.value))[:1] in wrapped[f.start:f.end]
    # a line cut inside a number (1.\n2万)
    cut = extract("昆山市人才工作。到2026年，全市人才总量达到60万人，高层次人才突破1.\n2万人，高技能人才达到15万人。")
    assert 12000 in [f.quantity.value for f in cut.metrics]
    # a headline is not joined to the line after it
    x = extract("武侯区人才公寓交付使用 首批300套\n武侯区首批300套人才公寓交付使用，租金每月每平方米10元。")
    assert x.title == "武侯区人才公寓交付使用 首批300套"


def test_a_page_that_prints_its_article_twice_says_each_fact_once():
    body = "武侯区实施“蓉漂英才”计划，全区引进博士120名，新建人才驿站8家，给予博士每月3000元租房补贴。"
    once, twice = extract("武侯区人才工作\n" + body), extract("武侯区人才工作\n" + body + "\n\n" + body)
    assert len(twice.metrics) == len(once.metrics) and len(twice.incentives) == len(once.incentives)
    assert [p.name for p in twice.programs] == [p.name for p in once.programs]
    # a quoted name used twice in one page is still a name used twice
    assert [p.name for p in extract("武侯区开展“青橙计划”。\n“青橙”吸引人才300名，“青橙”品牌影响大。").programs] != []


def test_corner_brackets_and_straight_quotes_quote_a_name_as_curly_quotes_do():
    curly = "武侯区实施“蓉漂英才”计划，对入选人才给予最高50万元资助。"
    for text in (curly.replace("“", "「").replace("”", "」"), curly.replace("“", '"').replace("”", '"')):
        x = extract(text)
        assert [p.name for p in x.programs] == ["蓉漂英才"]
        assert [(f.kind, f.quantity.value) for f in x.incentives] == [(f.kind, f.quantity.value) for f in extract(curly).incentives]
        assert text[x.programs[0].start:x.programs[0].end] == "蓉漂英才"


def test_short_table_rows_are_not_joined_as_a_wrapped_line():
    x = extract("武侯区人才租房补贴标准如下\n博士研究生，每月补贴3000元\n硕士研究生，每月补贴2000元\n本科毕业生，每月补贴1000元")
    assert [f.quantity.value for f in x.incentives] == [3000, 2000, 1000]


def test_amounts_in_wan_without_yuan_are_money_where_money_frames_them():
    x = extract("长沙县人才政策。名优校长考核优秀给予生活补贴20万/年；博士可分别享受生活补贴11万、5万。"
                "每人每年发放2万、1.2万、0.6万租房补贴；分不同项目相应给予300-500万、100-150万的创业资金。")
    got = sorted(f.quantity.value for f in x.incentives)
    assert {200000, 110000, 50000, 20000, 12000, 6000, 3000000, 5000000, 1000000, 1500000} <= set(got)
    # a bare 万 with nothing of money around it is no amount
    assert [f.quantity.unit for f in extract("长沙县人才总量达3万，同比增长5%。").incentives] == []


def test_amounts_without_yuan_after_a_word_of_investing_or_under_a_money_header_are_money():
    with_yuan = ("曲阜市人才安居。政府还投资2600余万元，建设了人才公寓；市财政累计投入人才工作经费达3815万元。"
                 "今年发放补贴约2100万元，未来五年将投入100亿元筹措人才公寓。")
    bare = with_yuan.replace("万元", "万").replace("亿元", "亿")
    assert [(f.quantity.value, f.quantity.unit) for f in extract(bare).metrics] == \
        [(f.quantity.value, f.quantity.unit) for f in extract(with_yuan).metrics] == \
        [(26000000, "CNY"), (38150000, "CNY"), (21000000, "CNY"), (10000000000, "CNY")]
    x = extract("儋州市人才政策。住房租赁补贴：拔尖人才9万，其他类高层次人才5.4万，硕士毕业生3.6万。")
    assert [(f.kind, f.quantity.value) for f in x.incentives] == [("subsidy", 90000), ("subsidy", 54000), ("subsidy", 36000)]
    bare_yi = extract("新吴区人才政策。每年安排人才发展专项资金不少于10亿，对顶尖人才项目给予最高1亿支持。"
                      "全年技术合同成交额达12.6亿，为人才企业发放贷款1.35亿，实现社会消费品零售额442.1亿。")
    assert [(f.kind, f.quantity.value) for f in bare_yi.incentives] == [("fund", 1e9), ("subsidy", 1e8)]
    assert [(f.quantity.value, f.quantity.unit) for f in bare_yi.metrics] == \
        [(1.26e9, "CNY"), (1.35e8, "CNY"), (4.421e10, "CNY")]
    # 200余万人 is two million people, not the 万 of 万人 read as a numeral
    assert [(f.quantity.value, f.quantity.qualifier) for f in extract("曲阜市常住人口200余万人。").metrics] == [(2000000, "gt")]


def test_support_in_money_is_a_subsidy_as_funding_is():
    for noun in ("资助", "扶持"):
        x = extract(f"浦江县人才政策。对大学生创业项目给予最高50万元创业{noun}，对入驻企业一次性给予10万元{noun}。")
        assert [(f.kind, f.quantity.value) for f in x.incentives] == [("subsidy", 500000), ("subsidy", 100000)], noun


def test_money_handed_out_is_paid_out_only_where_results_are_reported():
    offers = ("长沙县人才政策。对新引进的博士研究生，发放一次性安家补贴10万元。名优校长年度考核合格发放生活补贴12万元。"
              "对在读大学生创业项目发放50——100万元不等的创业资助，发放最高10万元的一次性资助；新进站的"
              "博士后研究人员，3年内可分期发放30万元的日常资助。")
    assert sorted((f.kind, f.quantity.value) for f in extract(offers).incentives) == \
        [("subsidy", 100000), ("subsidy", 100000), ("subsidy", 120000), ("subsidy", 300000), ("subsidy", 500000),
         ("subsidy", 1000000)]
    assert extract(offers).metrics == []
    tiers = extract("长沙县人才政策。对新认定的国家级领军人才，发放50万元奖励；省级领军人才发放30万元奖励。"
                    "用人单位每引进1名高层次人才，发放单位2万元引才奖励。博士、硕士分别发放30万元、15万元安家补贴。")
    assert [f.quantity.value for f in tiers.incentives] == [500000, 300000, 20000, 300000, 150000]
    paid = extract("长沙县人才工作。今年以来，全县共发放人才补贴2100万元，累计兑现奖补资金1.2亿元。"
                   "新增就业岗位3.8万个，引进各类重点人才2100余名，发放人才安居补贴4500万元。")
    assert paid.incentives == [] and [f.quantity.value for f in paid.metrics if f.quantity.unit == "CNY"] == \
        [21000000, 120000000, 45000000]


def test_the_money_of_a_grant_is_the_grant_not_a_fund():
    x = extract("晋江市人才政策。全日制博士、硕士可分别享受生活补贴资金11万元、5万元；设立人才发展专项资金5000万元，"
                "入选团队分别获得1000万元创业扶持资金。")
    assert [(f.kind, f.quantity.value) for f in x.incentives] == \
        [("subsidy", 110000), ("subsidy", 50000), ("fund", 50000000), ("fund", 10000000)]
    x = extract("晋江市人才政策。住房租赁补贴资金：拔尖人才9万元，其他类高层次人才5.4万元。博士研究生每月生活补贴资金3000元。")
    assert [(f.kind, f.quantity.value) for f in x.incentives] == [("subsidy", 90000), ("subsidy", 54000), ("subsidy", 3000)]


def test_money_provided_to_a_person_is_granted_as_money_given_is():
    for verb in ("给予", "提供"):
        x = extract(f"嘉善县人才政策。对到嘉善创业的人才，分不同项目相应{verb}300-500万元、100-150万元的创业资金。")
        assert {f.kind for f in x.incentives} == {"subsidy"}


def test_a_rate_said_after_the_amount_is_the_rate_written_with_a_slash():
    slash = "长沙县人才政策。名优校长考核优秀给予生活补贴20万元/年，硕士给予租房补贴2000元/月。"
    words = slash.replace("元/年", "元每年").replace("元/月", "元每月")
    assert [(f.kind, f.quantity.value) for f in extract(words).incentives] == \
        [(f.kind, f.quantity.value) for f in extract(slash).incentives] == [("subsidy", 200000), ("subsidy", 2000)]


def test_a_place_where_the_county_sets_something_up_is_not_whose_figure_it_is():
    """在上海、杭州等地设立… names where the county acts; a city as the subject still owns its figure."""
    x = extract("桐庐县人才工作。县里将梳理在外人才信息，在上海、杭州等地设立引才联络站12个，力争到2027年回引在外人才500名。")
    assert sorted(m.quantity.value for m in x.metrics) == [12, 500]
    x = extract("桐庐县人才工作。在杭州，全年引进人才5万名。桐庐县引进人才800名。")
    assert [m.quantity.value for m in x.metrics] == [800]


def test_a_rent_share_is_an_offer_labelled_as_the_text_means_it():
    """租金减免60% is the part taken off; 按市场价的50%收取租金 the part still charged."""
    def offers(text):
        return [(i.kind, i.label, i.quantity.value) for i in extract("江山市人才工作。" + text).incentives]
    assert offers("第三年起按市场价的50%收取租金。") == [("other", "租金收取比例", 50)]
    assert offers("租金按市场租金的70%确定。") == [("other", "租金收取比例", 70)]
    assert offers("人才公寓租金最高减免60%。") == [("other", "租金减免", 60)]


def test_a_grants_term_in_chinese_numerals_is_read_as_in_digits():
    """资助资金分三年拨付 is the term 分3年拨付 is; 实施三年行动 stays a name."""
    def terms(text):
        return [(m.label, m.quantity.value) for m in extract("博罗县人才工作。" + text).metrics if m.quantity.unit == "year"]
    assert terms("入选人才给予最高100万元资助，资助资金分三年拨付。") == [("资助发放期限", 3)]
    assert terms("入选人才给予最高100万元资助，资助资金分3年拨付。") == [("资助发放期限", 3)]
    assert terms("实施人才三年行动，给予最高100万元资助。") == []


def test_money_received_in_total_is_a_result_and_money_one_may_receive_an_offer():
    x = extract("博罗县人才工作。入选人才每人可获资助最高50万元，本批入选人员共获资助650万元。")
    assert [(i.kind, i.quantity.value) for i in x.incentives] == [("subsidy", 500000)]
    assert [m.quantity.value for m in x.metrics] == [6500000]


def test_a_headline_offer_the_body_makes_again_is_one_row_whatever_lies_between():
    """The title's offer is the body's, though the words differ and a byline and a caption follow the title."""
    text = ("株洲新闻网 > 区县 > 天元\n天元区人才驿站扩容升级 来株求职大学生可免费入住7天\n"
            "2024-07-09 08:56:31  来源：株洲日报  作者：记者 黄思远  浏览量：1524\n\n"
            "图为天元区青年人才驿站内景。 摄影：黄思远\n\n"
            "天元区青年人才驿站揭牌启用。来株求职的高校毕业生，即可在驿站免费入住7天，驿站每天发放30元就餐补贴。\n")
    x = extract(text)
    assert sorted((i.kind, i.quantity.value) for i in x.incentives) == [("rent_free_period", 7), ("subsidy", 30)]
    # the headline's cap is the top of the body's range, in other words
    x = extract("平遥：“古陶英才”计划发布 博士来平最高可获60万元安家费\n\n"
                "平遥县发布“古陶英才”计划。对全职引进的博士研究生，按年龄和专业给予30万元至60万元安家补助。\n")
    assert sorted((i.quantity.qualifier, i.quantity.value) for i in x.incentives) == [("ge", 300000), ("le", 600000)]


def test_a_persons_words_without_a_subject_are_theirs_and_an_officials_the_districts():
    story = ("于都县返乡创业人才。28岁的钟晓峰2021年毕业后，他在深圳工作了两年，2023年回到家乡承包了大棚。"
             "“去年纯收入20多万元，比在外面打工强。”钟晓峰说。今年全县新增返乡创业人才320人。")
    assert [m.quantity.value for m in extract(story).metrics] == [320]
    official = ("于都县返乡创业人才。县人社局局长介绍了情况。“今年全县新增返乡创业人才320人，发放创业贷款2000万元。”")
    assert sorted(m.quantity.value for m in extract(official).metrics) == [320, 20000000]


def test_a_citys_report_on_its_counties_keeps_its_whole_city_apart_from_the_county():
    text = ("本报讯 今年以来，我市各县（市、区）比学赶超抓引才，全市1至8月新引进大学生4.6万人。"
            "其中，东台市新引进大学生5280人，同比增长13.6%。")
    assert sorted(m.quantity.value for m in extract(text).metrics) == [13.6, 5280]
    # a county-level city's own 全市 is itself
    text = "东台市人才工作。今年以来，全市新引进大学生5280人。"
    assert [m.quantity.value for m in extract(text).metrics] == [5280]


def test_flats_put_into_a_programme_run_by_it_name_the_countys_programme_and_a_list_does_not():
    assert _programs("鸠江区人才安居。全区筹集人才公寓1200套，纳入“鸠才安居”工程统一管理。") == ["鸠才安居"]
    assert _programs("鸠江区人才安居。鸠江区人才公寓项目被列入“省重点建设项目”。") == []


def test_a_title_conferred_each_year_is_no_programme_however_often_it_is_quoted():
    text = ("博罗县人才工作。我县表彰2025年度“博罗工匠”。会上，20名技术能手获评2025年度“博罗工匠”。"
            "全县深入实施“罗浮英才计划”。")
    assert _programs(text) == ["罗浮英才计划"]


def _quotes(text):
    x = extract(text)
    return {f.quantity.value: text[f.start:f.end] for f in x.incentives + x.metrics}


def test_a_long_clause_is_quoted_from_a_word_not_from_the_middle_of_one():
    # the noun of each figure stands more than 16 characters before it: the quote begins where the
    # limit falls, moved back to the start of the word it would cut (毕业生, 专业技术, 经营管理者)
    quotes = _quotes("滨江区人才新政。安家补贴标准为：博士6万元，硕士毕业生或具有中级专业技术职称的人才3.6万元；"
                     "对规模以上民营企业经营管理者在任职期间每人每年发放政府津贴5000元。")
    assert quotes[36000].startswith("毕业生或具有中级专业技术职称的人才"), quotes
    assert quotes[5000].startswith("经营管理者在任职期间"), quotes
    # a leading time word goes whole (今年以来), and a figure before it with 多 or 余 (2亿多元)
    quotes = _quotes("滨江区人才工作。今年以来已为各类人才办理服务事项430余件。滨江区共斥资2亿多元规划建设人才社区21.2万平方米。")
    assert quotes[430] == "已为各类人才办理服务事项430余件", quotes
    assert quotes[212000] == "规划建设人才社区21.2万平方米", quotes


def test_a_number_after_a_word_ending_in_yue_is_no_approximation():
    # 签约 is a word: 签约五个项目 signs five projects, not "about five"
    text = "滨江区人才工作。滨江区今年成功签约五个科技创新项目，约300名人才参加对接会。"
    by_value = {m.quantity.value: m for m in extract(text).metrics}
    assert by_value[5].quantity.qualifier == "eq", by_value
    assert text[by_value[5].start:by_value[5].end].startswith("五个"), by_value
    assert by_value[300].quantity.qualifier == "approx", by_value
