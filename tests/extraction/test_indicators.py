"""The indicator vocabulary and its matcher: what /compare/ lines districts up on.

Labels below are metric labels as the extractor or an annotator writes them
for real articles; each indicator is matched at least once, and the
non-matches are labels where a wrong indicator would put two different
quantities on one row.
"""
import json
import re

import pytest

from policies.extraction import indicators as ind
from policies.extraction.indicators import CATEGORIES, UNITS, VOCABULARY, indicator_for

MATCHES = [
    # talent stock
    ("人才总量", "count", "talent_total"),
    ("人才资源总量目标", "count", "talent_total"),
    ("累计集聚人才数量", "count", "talent_total"),
    ("人才总量增长", "percent", "talent_total_growth"),
    ("人才贡献率", "percent", "talent_contribution_rate"),
    ("汇集专业技术人才数量", "count", "professional_technical_talent"),
    ("科研人员数量", "count", "rd_personnel"),
    ("外籍人才数量", "count", "foreign_talent"),
    ("外籍人才总量目标", "count", "foreign_talent"),
    ("海归留学人才数量", "count", "overseas_returnees"),
    ("认定乡土专家数量", "count", "rural_talent"),
    ("教育卫生专业人才数量", "count", "education_health_talent"),
    # talent inflow
    ("引进人才数量", "count", "talent_attracted"),
    ("引进各类优秀人才人数", "count", "talent_attracted"),
    ("新引进人才同比增长", "percent", "talent_attracted_growth"),
    ("新增各类人才数量", "count", "talent_added"),
    ("新增人才同比增长", "percent", "talent_added_growth"),
    ("人才落户人数", "count", "talent_settled"),
    ("引进急需紧缺人才数量", "count", "shortage_talent_attracted"),
    ("柔性引进周末工程师等人才数量", "count", "flexible_talent"),
    ("学子回家吸引青年人才数量", "count", "young_talent_attracted"),
    ("青年人才半年净流入量", "count", "talent_net_inflow"),
    ("人才净流入增长", "percent", "talent_net_inflow_growth"),
    ("回引优秀乡贤回乡创业人数", "count", "hometown_returnees"),
    # graduates and degree holders
    ("新引进大学生数量", "count", "graduates_attracted"),
    ("招引高校毕业生人数", "count", "graduates_attracted"),
    ("新引进大学生同比增长", "percent", "graduates_attracted_growth"),
    ("吸纳高校毕业生就业人数", "count", "graduates_employed"),
    ("引进博士数量", "count", "doctorates"),
    ("计划引进硕士人数", "count", "masters"),
    ("全日制硕士研究生", "count", "masters"),
    ("新引进硕士以上学历人才数量", "count", "postgraduates"),
    ("博士硕士研究生数量", "count", "postgraduates"),
    ("在校师生人数", "count", "students_enrolled"),
    # high-level talent and experts
    ("高层次人才数量", "count", "high_level_talent"),
    ("累计认定高层次人才数量", "count", "high_level_talent"),
    ("引进高层次人才数量", "count", "high_level_talent_attracted"),
    ("上半年引进海外高层次人才数量", "count", "high_level_talent_attracted"),
    ("引进高层次人才同比增长", "percent", "high_level_talent_attracted_growth"),
    ("产业发展领军人才数量", "count", "leading_talent"),
    ("链接院士专家数量", "count", "academicians"),
    ("入选国家级人才计划人数", "count", "talent_programme_selected"),
    ("引育省市产业创新团队数量", "count", "talent_teams"),
    ("聘请县域重点产业专家数量", "count", "experts_engaged"),
    # skills and training
    ("技能人才数量", "count", "skilled_talent"),
    ("新增技能人才数量", "count", "skilled_talent_added"),
    ("高技能人才总量", "count", "high_skilled_talent"),
    ("新增高技能人才数量", "count", "high_skilled_talent_added"),
    ("高技能人才占技能人才比重", "percent", "high_skilled_share"),
    ("培训高素质农民人次", "count", "people_trained"),
    ("职业技能竞赛项目数量", "count", "skills_competitions"),
    # housing
    ("已建成人才公寓套数", "count", "talent_apartments"),
    ("今年筹措人才公寓套数", "count", "talent_apartments"),
    ("配租人才公寓数量", "count", "talent_apartments_allocated"),
    ("乡镇人才公寓已实现拎包入住套数", "count", "talent_apartments_allocated"),
    ("入住人才公寓人才数量", "count", "talent_housed"),
    ("累计分配人才公寓人才数量", "count", "talent_housed"),
    ("人才公寓栋数", "count", "talent_apartment_buildings"),
    ("龙泉新城人才公寓项目一期栋数", "count", "talent_apartment_buildings"),
    ("人才公寓项目数量", "count", "talent_apartment_projects"),
    ("人才公寓建设面积", "m2", "talent_apartment_floor_area"),
    ("人才公寓户型面积上限", "m2", "apartment_unit_size"),
    ("人才公寓建设投资", "CNY", "talent_apartment_investment"),
    ("人才公寓最低月租金", "CNY", "talent_apartment_rent"),
    # platforms and stations
    ("人才驿站数量", "count", "talent_stations"),
    ("新建青年驿站数量", "count", "talent_stations"),
    ("建立博士专家工作站数量", "count", "expert_workstations"),
    ("博士后工作站数量", "count", "postdoc_stations"),
    ("每年新增博士后科研工作站数量目标", "count", "postdoc_stations"),
    ("省市县三级技能大师工作室数量", "count", "talent_studios"),
    ("省级以上创新平台数量", "count", "innovation_platforms"),
    ("国家级科技企业孵化器和众创空间数量", "count", "incubators"),
    ("大学生实习实训基地数量", "count", "practice_bases"),
    ("驻外人才联络站数量", "count", "talent_liaison_stations"),
    ("产业促进中心数量", "count", "industrial_parks"),
    # enterprises and ventures
    ("国家高新技术企业数量", "count", "high_tech_enterprises"),
    ("科技型中小企业数量", "count", "tech_smes"),
    ("新设经营主体数量", "count", "new_market_entities"),
    ("新设企业主体同比增长", "percent", "new_market_entities_growth"),
    ("累计孵化港澳青年创业项目数量", "count", "talent_ventures"),
    ("家纺科技创业园入驻企业数量", "count", "enterprises_settled"),
    ("人才服务重点企业数量", "count", "enterprises_served"),
    # innovation
    ("全社会研发投入", "CNY", "rd_expenditure"),
    ("研发投入同比增长", "percent", "rd_expenditure_growth"),
    ("研发投入强度", "percent", "rd_intensity"),
    ("有效知识产权数量", "count", "intellectual_property"),
    ("技术合同成交额", "CNY", "tech_contract_value"),
    ("攻克关键核心技术数量", "count", "tech_breakthroughs"),
    ("获得国家科技进步奖等奖励人数", "count", "science_awards"),
    # economy and population
    ("地区生产总值", "CNY", "gdp"),
    ("地区生产总值同比增长", "percent", "gdp_growth"),
    ("GDP增速", "percent", "gdp_growth"),
    ("ＧＤＰ同比增长", "percent", "gdp_growth"),
    ("一般公共预算收入", "CNY", "public_budget_revenue"),
    ("区级一般公共预算收入同比增长", "percent", "public_budget_revenue_growth"),
    ("固定资产投资", "CNY", "fixed_asset_investment"),
    ("固定资产投资同比增长", "percent", "fixed_asset_investment_growth"),
    ("社会消费品零售总额", "CNY", "retail_sales"),
    ("社会消费品零售总额同比增长", "percent", "retail_sales_growth"),
    ("规模以上工业增加值", "CNY", "industrial_value_added"),
    ("规模以上工业增加值同比下降", "percent", "industrial_value_added_growth"),
    ("规模以上服务业营业收入", "CNY", "services_revenue"),
    ("规模以上服务业营业收入同比增长", "percent", "services_revenue_growth"),
    ("居民人均可支配收入", "CNY", "disposable_income"),
    ("居民人均可支配收入同比增长", "percent", "disposable_income_growth"),
    ("外贸进出口总额", "CNY", "foreign_trade"),
    ("外贸进出口总额同比增长", "percent", "foreign_trade_growth"),
    ("常住人口", "count", "resident_population"),
    ("常住人口增长", "percent", "resident_population_growth"),
    ("城镇调查失业率目标", "percent", "unemployment_rate"),
    # people served
    ("惠及人才人次", "count", "talent_served"),
    ("驿站服务青年人才人次", "count", "talent_served"),
    ("惠及人才人次同比增长", "percent", "talent_served_growth"),
    ("泰爱人才卡发放数量", "count", "talent_cards_issued"),
    ("办理外籍人才工作许可数量", "count", "foreign_work_permits"),
    # talent funds
    ("兑现人才奖补资金", "CNY", "talent_funds_paid"),
    ("发放人才租房补贴", "CNY", "talent_funds_paid"),
    ("人才发展专项资金兑现同比下降", "percent", "talent_funds_paid_growth"),
    ("投入人才工作经费", "CNY", "talent_funds_invested"),
    # jobs and recruitment
    ("推介会人才需求数量", "count", "jobs_offered"),
    ("城镇新增就业", "count", "new_urban_jobs"),
    ("新增就业岗位数量", "count", "new_urban_jobs"),
    ("举办线上线下招聘会场次", "count", "job_fairs"),
    ("招聘会参会企业数量", "count", "recruiting_employers"),
    ("招聘会入场人数", "count", "job_fair_attendance"),
    ("春风行动达成就业意向人数", "count", "employment_intentions"),
    ("组织返岗务工人数", "count", "labour_transfer"),
    # policies, events and partnerships
    ("人才新政文件数量", "count", "policies_issued"),
    ("高校毕业生就业创业扶持政策数量", "count", "policies_issued"),
    ("人才沙龙举办期数", "count", "events_held"),
    ("青年夜校报名青年人数", "count", "event_participants"),
    ("对接985高校数量", "count", "partner_universities"),
    ("签订政产学研合作协议数量", "count", "cooperation_agreements"),
    ("重点项目签约数量", "count", "projects_signed"),
    ("湘商回归项目签约总投资", "CNY", "signed_investment"),
    ("大会签约项目投资额", "CNY", "signed_investment"),
    ("累计提供创业资金", "CNY", "talent_funds_paid"),
]

NON_MATCHES = [
    # too vague to compare
    ("人才数量", "count"),
    ("青年人才数量", "count"),
    ("企业数量", "count"),
    ("项目数量", "count"),
    ("投资", "CNY"),
    ("总建筑面积", "m2"),
    # the wording is there, the unit is not the indicator's
    ("人才总量", "percent"),
    ("地区生产总值", "count"),
    ("人才公寓", "day"),
    # a share or a difference is not the quantity nor its growth rate
    ("人才总量占全区人口比例", "percent"),
    ("数字经济核心产业增加值占地区生产总值比重", "percent"),
    ("地区生产总值增速比上年提高", "percent"),
    ("国家高新技术企业比上年增加数量", "count"),
    ("新引进大学生较上年增加", "count"),
    ("高层次人才引进增量5年增长倍数", "percent"),
    # a neighbouring thing, not the indicator
    ("博士后生活补助发放期限", "year"),
    ("分会场邀请海外博士数量", "count"),
    ("参观沈北新区在读博士人数", "count"),
    ("人才驿站覆盖街道数量目标", "count"),
    ("引才小分队数量", "count"),
    ("人才公寓可满足高层次人才居住人数", "count"),
    ("大学生及各类人才缺口", "count"),
    ("大中专院校数量", "count"),
    ("首期人才养老公寓示范点床位数", "count"),
    ("青年人才公寓实地走访调研次数", "count"),
    # offers filed as metrics: per-person amounts are not funds paid out
    ("分两次发放", "CNY"),
    ("分别按档发放", "CNY"),
    ("3年内按每年", "CNY"),
    ("二类高层次人才可", "CNY"),
    ("拔尖人才", "CNY"),
    ("创业启动资金原额度", "CNY"),
    # extractor fragments
    ("予", "CNY"),
    ("符合数量", "count"),
    ("", "count"),
]


@pytest.mark.parametrize("label, unit, code", MATCHES)
def test_label_maps_to_indicator(label, unit, code):
    assert indicator_for(label, unit) == code


@pytest.mark.parametrize("label, unit", NON_MATCHES)
def test_label_without_indicator(label, unit):
    assert indicator_for(label, unit) is None


def test_every_indicator_is_matched_in_the_table():
    assert {code for _, _, code in MATCHES} == {i.code for i in VOCABULARY}


def test_quote_names_the_figure_when_the_label_is_cut_short():
    assert indicator_for("高数量", "count", "已建成人才驿站27家") == "talent_stations"
    assert indicator_for("人才规模年均", "percent", "全区人才规模年均20%的稳步增长") == "talent_total_growth"


def test_quote_words_can_rule_an_indicator_out():
    # the label says 博士, the quote says they were only invited
    assert indicator_for("海外博士数量", "count", "邀请了百名海外博士") is None
    # four classes of high-level talent, not four people
    assert indicator_for("高层次人才分数量", "count", "高层次人才分为一二三四类") is None


def test_label_wins_over_quote():
    assert indicator_for("人才驿站数量", "count", "引进高层次人才34人") == "talent_stations"


def test_unknown_unit_has_no_indicator():
    assert indicator_for("人才总量", "furlong") is None


# -- the vocabulary itself ----------------------------------------------------

def test_vocabulary_is_large_enough():
    assert len(VOCABULARY) >= 60


def test_codes_are_unique_snake_case():
    codes = [i.code for i in VOCABULARY]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", c) for c in codes)


def test_units_and_categories_are_known():
    categories = {c.code for c in CATEGORIES}
    assert all(i.unit in UNITS for i in VOCABULARY)
    assert all(i.category in categories for i in VOCABULARY)
    assert {i.category for i in VOCABULARY} == categories, "a category without indicators"
    assert all(c.name_zh and c.name_en for c in CATEGORIES)


def test_every_wording_maps_back_to_its_own_indicator():
    wrong = []
    for i in VOCABULARY:
        for w in i.wordings:
            label = w + (i.requires[0] if i.requires else "")
            got = indicator_for(label, i.unit)
            if got != i.code:
                wrong.append((label, i.unit, i.code, got))
    assert not wrong


def test_no_two_indicators_claim_a_wording_on_the_same_terms():
    seen = {}
    for i in VOCABULARY:
        for w in i.wordings:
            key = (w, i.unit, frozenset(i.requires), frozenset(i.excludes))
            assert key not in seen, f"{w!r}: {seen.get(key)} and {i.code}"
            seen[key] = i.code


def test_a_wording_never_excludes_itself():
    for i in VOCABULARY:
        for w in i.wordings:
            assert not any(x in w for x in i.excludes), (i.code, w)


def test_a_bad_file_is_refused(tmp_path):
    data = json.loads(ind.VOCABULARY_FILE.read_text(encoding="utf-8"))
    data["indicators"][1]["code"] = data["indicators"][0]["code"]
    bad = tmp_path / "indicators.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueError, match="code repeated"):
        ind.load(bad)
    data = json.loads(ind.VOCABULARY_FILE.read_text(encoding="utf-8"))
    data["indicators"][0]["unit"] = "yuan"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueError, match="unknown unit"):
        ind.load(bad)


def test_module_imports_no_django_and_no_project_module():
    source = ind.__file__
    text = open(source, encoding="utf-8").read()
    assert "django" not in text.lower().replace("no django import", "")
    assert not re.search(r"^\s*(from|import)\s+(policies|talentkb|districts|programs)\b", text, re.M)


def test_every_metric_of_an_extraction_carries_its_indicator():
    from policies.extraction import extract

    x = extract("全区人才总量达到12.5万人，地区生产总值同比增长6.5%，举办活动40余场。")
    got = {m.label: m.indicator for m in x.metrics}
    assert got["人才总量"] == "talent_total"
    assert got["地区生产总值同比增长"] == "gdp_growth"
    assert all(i.indicator is None for i in x.incentives if hasattr(i, "indicator"))


def test_the_export_writes_the_indicator_of_metrics_only(tmp_path):
    from policies.extraction.score_seeds import export_files

    f = tmp_path / "a.txt"
    f.write_text("丰台区人才总量达到12.5万人，今年将新增人才公寓500套。", encoding="utf-8")
    doc = export_files([f])
    assert [m["indicator"] for m in doc["metrics"]] == ["talent_total"]
    assert all("indicator" not in i for i in doc["incentives"])
