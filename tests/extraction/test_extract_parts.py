"""Offers and their parts, ranges and repeats: what the pipeline's stages keep as one row or two."""
from __future__ import annotations

from policies.extraction import extract


def _rows(text: str):
    x = extract(text)
    return ([(i.kind, i.quantity.value, i.quantity.qualifier) for i in x.incentives],
            [m.quantity.value for m in x.metrics])


def test_two_ranges_sharing_their_low_end_are_four_rows():
    offers, _ = _rows("对新引进的硕士给予1-3万元生活补贴，博士给予1-5万元生活补贴。")
    assert offers == [("subsidy", 10000, "ge"), ("subsidy", 30000, "le"),
                      ("subsidy", 10000, "ge"), ("subsidy", 50000, "le")]


def test_a_payment_schedule_is_parts_of_the_offer_before_it():
    offers, metrics = _rows("对新引进的医学类硕士研究生，前五年分期给予30万元生活津贴（第1、3、5年分别给6、9、15万元）。")
    assert offers == [("subsidy", 300000, "eq")]
    assert metrics == [60000, 90000, 150000]


def test_tiers_that_happen_to_add_up_stay_offers():
    offers, metrics = _rows("对来区就业的毕业生，首次购房分别给予15万元、10万元、5万元的购房补贴。")
    assert [v for _, v, _ in offers] == [150000, 100000, 50000] and not metrics


def test_a_discount_and_a_free_quota_are_offers_of_kind_other():
    offers, metrics = _rows("持卡人才在县图书馆消费享受8折优惠，每月享受4次免费观影服务。")
    assert offers == [("other", 80, "eq"), ("other", 4, "eq")] and not metrics


def test_amounts_listed_after_a_header_or_a_lead_in_line_take_its_offer():
    offers, _ = _rows("住房租赁补贴：拔尖人才9万元，其他类高层次人才5.4万元。")
    assert offers == [("subsidy", 90000, "eq"), ("subsidy", 54000, "eq")]
    offers, _ = _rows("对毕业2年内落户的青年人才给予租房和生活补贴。\n①硕士2万元，全日制本科毕业生1.2万元；")
    assert offers == [("subsidy", 20000, "eq"), ("subsidy", 12000, "eq")]


def test_a_free_stay_is_a_rent_free_period_whether_the_stay_or_the_freeness_follows():
    offers, _ = _rows("镇江市京口区青年人才驿站为来镇求职的青年免费提供不超过14天住宿。")
    assert offers == [("rent_free_period", 14, "le")]
    offers, _ = _rows("长兴县人才绿卡持卡人可申请租住县人才公寓，3年内免交租金。")
    assert offers == [("rent_free_period", 3, "le")]
    # a stay counted in nights (晚) is counted in days
    offers, _ = _rows("攸县首批人才驿站挂牌运行，高校毕业生每人每年可享受最长5晚免费住宿。")
    assert offers == [("rent_free_period", 5, "le")]
    # a stay that is not free is no offer
    offers, _ = _rows("京口区青年人才驿站已接待求职青年320人次，平均住宿3天。")
    assert offers == []


def test_wan_without_yuan_after_a_word_of_giving_money_is_money():
    offers, _ = _rows("永泰县对紧缺专业本科毕业生，每人奖励6万，分三年发放。")
    assert offers == [("subsidy", 60000, "eq")]
    # a count in 万 after no such word stays no figure of money
    offers, metrics = _rows("永泰县户籍人口达到52万，同比增长。")
    assert offers == [] and 60000 not in metrics


def test_the_low_end_of_a_range_before_a_project_grant_is_no_threshold():
    offers, _ = _rows("丰台区对入选人才可给予50万元至200万元的项目资助。")
    assert offers == [("subsidy", 500000, "ge"), ("subsidy", 2000000, "le")]
    # a threshold written with 以上 still is one
    offers, _ = _rows("丰台区对年薪50万元以上的企业高管给予奖励。")
    assert offers == []


def test_amounts_on_the_lines_under_a_heading_take_its_offer():
    offers, metrics = _rows("丰台区人才新政\n第五条 购房补贴\n顶尖人才最高500万元，领军人才最高200万元。")
    assert offers == [("subsidy", 5000000, "le"), ("subsidy", 2000000, "le")] and not metrics
    # a heading that names no offer leaves the amounts as they were
    offers, metrics = _rows("丰台区人才新政\n第五条 人才评价\n顶尖人才最高500万元，领军人才最高200万元。")
    assert not offers


def test_flats_and_turnover_housing_given_to_talent_are_apartments():
    offers, _ = _rows("武都区为引进人才购置了66套住宅，拎包入住。")
    assert offers == [("apartment", 66, "eq")]
    offers, _ = _rows("利辛县为新进教师建设教师周转房422套。")
    assert offers == [("apartment", 422, "eq")]


def test_money_said_as_over_an_amount_with_no_rate_is_a_total_handed_out():
    offers, metrics = _rows("邗江区今年以来为人才落实租房补贴170余万元。")
    assert offers == [] and metrics == [1700000]
    # a cap or a rate keeps it an offer
    offers, _ = _rows("邗江区对引进的博士每人给予生活补贴10余万元。")
    assert offers == [("subsidy", 100000, "gt")]


def test_a_headline_figure_restated_with_another_measure_word_is_one_row_read_from_the_body():
    x = extract("丰台区今年引进高层次人才1200人\n记者从丰台区获悉，今年以来，丰台区新引进各类高层次人才1200名，同比增长15%。")
    assert [(m.quantity.value, m.label) for m in x.metrics] == [
        (1200, "新引进高层次人才数量"), (15, "新引进高层次人才同比增长")]
    _, metrics = _rows("丰台区建成人才驿站12家\n今年，丰台区已建成12个人才驿站，为求职者提供服务。")
    assert metrics == [12]


def test_a_verb_after_the_noun_ends_it():
    offers, metrics = _rows("丰台区今年拿出1000个岗位招引高校毕业生。")
    assert offers == [("jobs", 1000, "eq")] and not metrics


def test_who_stood_on_the_stage_is_a_ceremonys_detail():
    _, metrics = _rows("佛坪县人才之家启用，现场为6名人才代表发放了钥匙，4位专家作了主旨演讲，首批入住人才30名。")
    assert metrics == [30]
    # delegates elected are counted
    _, metrics = _rows("佛坪县本次会议应到人大代表200名。")
    assert metrics == [200]


def test_with_no_flats_offered_the_largest_stock_supplied_is_the_offer():
    offers, metrics = _rows("丰台区累计供应人才住房1200套，分配入住800套。")
    assert offers == [("apartment", 1200, "eq")] and metrics == [800]
    # allocated flats stay a result
    offers, metrics = _rows("丰台区已累计配租人才公寓6800套。")
    assert offers == [] and metrics == [6800]


def test_money_set_aside_to_attract_or_train_talent_is_a_fund_money_to_build_is_spent():
    offers, _ = _rows("长沙县每年拿出2000万元用于人才引进和培养。")
    assert offers == [("fund", 20000000, "eq")]
    offers, _ = _rows("长沙县计划斥资近亿元招揽优秀教育人才。")
    assert offers == [("fund", 100000000, "lt")]
    offers, metrics = _rows("沈北新区斥资3.6亿元建设人才公寓。")
    assert offers == [] and metrics == [360000000]


def test_a_figure_with_no_place_in_its_sentence_belongs_to_the_place_its_paragraph_last_named():
    _, metrics = _rows("溧水区人才工作。\n"
                       "南京市大力实施人才安居工程。截至目前，已有2.4万名人才入住。\n溧水区今年引进人才1200名。")
    assert metrics == [1200]
    # the district named later in the paragraph takes it back
    _, metrics = _rows("溧水区人才工作。\n南京市大力实施人才安居工程。溧水区积极落实。今年以来，已有300名人才入住。")
    assert metrics == [300]


def test_a_count_of_projects_or_of_titled_counties_is_no_offer():
    offers, metrics = _rows("利辛县今年成功申报了3个学校教师周转宿舍项目，即将竣工的2个公租房项目。")
    assert offers == [] and metrics == [3, 2]
    # counties titled by the province are the province's figure
    offers, metrics = _rows("紫阳县消息。陕西省人社厅认定8个省级返乡创业示范县，首批10个人才强县。")
    assert offers == [] and metrics == []
    # supporting projects stays an offer
    offers, _ = _rows("紫阳县每年支持30个创新创业项目。")
    assert offers == [("other", 30, "eq")]


def test_tiers_of_talent_after_an_offer_take_its_kind():
    offers, metrics = _rows("丰台区对引进人才给予购房补贴，其中顶尖人才最高500万元，领军人才最高200万元，高级人才100万元。")
    assert offers == [("subsidy", 5000000, "le"), ("subsidy", 2000000, "le"), ("subsidy", 1000000, "eq")]
    # with no offer before them, money a tier brings in is a result
    offers, metrics = _rows("丰台区今年以来引进高层次人才带动投资12亿元。")
    assert offers == [] and metrics == [1200000000]
