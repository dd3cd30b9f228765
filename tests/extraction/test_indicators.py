"""The indicator vocabulary and its matcher: what /compare/ lines districts up on.

Labels below are metric labels as the extractor or an annotator writes them
for real articles; each indicator is matched at least once, and the
non-matches are labels where a wrong indicator would put two different
quantities on one row.
"""
import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from policies.extraction import indicators as ind
from policies.extraction.indicators import CATEGORIES, UNITS, VOCABULARY, indicator_for

MATCHES = [
    # talent stock
    ("人才总量", "count", "talent_total"),
    ("人才资源总量目标", "count", "talent_total"),
    ("累计集聚人才数量", "count", "talent_total"),
    ("人才总量增长", "percent", "talent_total_growth"),
    ("大学生及各类人才缺口", "count", "talent_gap"),
    ("人才贡献率", "percent", "talent_contribution_rate"),
    ("汇集专业技术人才数量", "count", "professional_technical_talent"),
    ("科研人员数量", "count", "rd_personnel"),
    ("外籍人才数量", "count", "foreign_talent"),
    ("外籍人才总量目标", "count", "foreign_talent"),
    ("海归留学人才数量", "count", "overseas_returnees"),
    ("认定乡土专家数量", "count", "rural_talent"),
    ("人才总量占全区人口比例", "percent", "talent_population_share"),
    ("人才密度", "percent", "talent_population_share"),
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
    ("大中专院校数量", "count", "higher_education_institutions"),
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
    ("聘任引才大使数量", "count", "talent_ambassadors"),
    ("优秀先进个人进行了表彰奖励数量", "count", "talent_honoured"),
    ("人员颁发荣誉证数量", "count", "talent_honoured"),
    # skills and training
    ("技能人才数量", "count", "skilled_talent"),
    ("新增技能人才数量", "count", "skilled_talent_added"),
    ("高技能人才总量", "count", "high_skilled_talent"),
    ("新增高技能人才数量", "count", "high_skilled_talent_added"),
    ("高技能人才占技能人才比重", "percent", "high_skilled_share"),
    ("培训高素质农民人次", "count", "people_trained"),
    ("培养青年专业人才数量", "count", "talent_cultivated"),
    ("自主培养产业人才数量", "count", "talent_cultivated"),
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
    ("人才公寓可满足高层次人才居住需求数量", "count", "talent_housing_capacity"),
    ("人才公寓可容纳人数", "count", "talent_housing_capacity"),
    ("首期人才养老公寓房间数", "count", "talent_housing_rooms"),
    ("青年人才驿站客房数量", "count", "talent_housing_rooms"),
    ("新盘配建人才公寓比例", "percent", "talent_housing_quota"),
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
    ("计划完成投资", "CNY", "fixed_asset_investment"),
    ("技能大师工作室产生经济效益", "CNY", "economic_benefit"),
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
    ("持卡人才可享受专属服务数量", "count", "talent_service_items"),
    ("一站式政务服务事项数量", "count", "talent_service_items"),
    ("办理外籍人才工作许可数量", "count", "foreign_work_permits"),
    # talent funds
    ("兑现人才奖补资金", "CNY", "talent_funds_paid"),
    ("发放人才租房补贴", "CNY", "talent_funds_paid"),
    ("人才发展专项资金兑现同比下降", "percent", "talent_funds_paid_growth"),
    ("投入人才工作经费", "CNY", "talent_funds_invested"),
    ("人才科创基金总规模", "CNY", "talent_fund_size"),
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
    ("发放政策宣传资料份数", "count", "publicity_materials"),
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
    # services with no word of talent or of a card's package: a firm's services, say
    ("服务数量", "count"),
    # firms that train on order are firms, not talent cultivated
    ("企业开展订单式培养数量", "count"),
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
    ("数字经济核心产业增加值占地区生产总值比重", "percent"),
    ("人才总量占比", "percent"),  # 浦口区人才总量约23万人，占比近四成: of a new area's talent, not of the population
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
    ("与大中专院校合作数量", "count"),
    ("首期人才养老公寓示范点床位数", "count"),  # beds are not rooms
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


# A figure whose label lost its noun or verb is read in its clause and
# sentence (measure word, the clause around the quote, the sentence's topic).
# Sentences written for the test: (label, unit, quote, measure, before, after,
# sentence, expected indicator or None).
IN_CONTEXT = [
    # the measure word says what is counted
    ("科研院校共建专家工作站数量", "count", "6所科研院校共建专家工作站", "所", "与农科院等", "",
     "与农科院等6所科研院校共建专家工作站。", "partner_universities"),
    ("专家工作站数量", "count", "建成专家工作站6个", "个", "", "", "建成专家工作站6个。", "expert_workstations"),
    ("方式引进医学类人才数量", "count", "两种方式引进医学类人才", "种", "通过", "", "通过两种方式引进医学类人才。", None),
    ("乡村人才公寓项目数量", "count", "建设300套", "套", "", "", "乡村人才公寓12个项目在建,建设300套。",
     "talent_apartments"),
    ("专家库数量", "count", "30人专家库", "人", "在", "的指导下", "在30人专家库的指导下开展工作。", None),
    # the clause around the figure rules a reading out
    ("吸引青年数量", "count", "80多名青年", "名", "吸引", "参加活动", "举办音乐节,吸引80多名青年参加活动。",
     "event_participants"),
    ("博士数量", "count", "200多名博士", "名", "该市引进的", "和硕士", "该市引进的200多名博士和硕士均已入编。",
     "postgraduates"),
    ("青年人才数量", "count", "2000名青年人才", "名", "公寓可为", "提供拎包入住", "公寓可为2000名青年人才提供拎包入住。",
     "talent_housing_capacity"),
    ("高层次专家数量", "count", "15名高层次专家", "名", "现场", "和30名大学生办理了入住手续",
     "人才公寓启用仪式上,现场15名高层次专家和30名大学生办理了入住手续。", "talent_housed"),
    ("高层次专业人才数量", "count", "乙大学等高层次专业人才10名", "名", "柔性引进甲大学、", "",
     "柔性引进甲大学、乙大学等高层次专业人才10名。", "high_level_talent_attracted"),
    ("高校院所数量", "count", "12家高校院所", "家", "辖区", "、重点企业提供了300多个岗位",
     "在招才引智推介会上,辖区12家高校院所、重点企业提供了300多个岗位。", "recruiting_employers"),
    ("院校研究生数量", "count", "100名院校研究生", "名", "对新引进的世界大学排名前", "", "对新引进的世界大学排名前100名院校研究生给予补贴。",
     None),
    ("引进高层次医疗专家数量", "count", "20名高层次医疗专家", "名", "柔性引进", "", "柔性引进20名高层次医疗专家。",
     "high_level_talent_attracted"),
    ("政策文件数量", "count", "8个政策文件", "个", "《引进高层次人才办法》等", "", "出台《引进高层次人才办法》等8个政策文件。",
     "policies_issued"),
    # a label cut from a verb phrase: the frame reads the clause and the sentence
    ("优秀人才通过抽签数量", "count", "40名优秀人才通过抽签", "名", "", "的方式配租",
     "该区举行人才公寓分房仪式,40名优秀人才通过抽签的方式配租。", "talent_housed"),
    ("符合数量", "count", "900人符合", "人", "张三等", "享受租房补贴条件", "张三等900人符合享受租房补贴条件。",
     "talent_housed"),
    ("吸引了企业数量", "count", "60家企业", "家", "共吸引了", "参加", "作为首场招聘会,共吸引了60家企业参加。",
     "recruiting_employers"),
    ("企业数量", "count", "6家企业", "家", "先后参观考察了甲公司等", "", "先后参观考察了甲公司等6家企业,拜访了校友会。", None),
    ("次数量", "count", "12场次", "场", "举办招聘活动", "", "今年以来举办招聘活动12场次。", "job_fairs"),
    ("功能区域数量", "count", "4个功能区域", "个", "设招聘区等", "", "招聘会设招聘区等4个功能区域。", None),
    ("封顶数量", "count", "300套主体已封顶", "套", "人才公寓一期", "", "人才公寓一期300套主体已封顶。",
     "talent_apartments"),
    ("分配入住数量", "count", "分配入住200套", "套", "", "", "人才公寓已交付使用500套,分配入住200套。",
     "talent_apartments_allocated"),
    ("房间数量", "count", "40个房间", "个", "示范点推出", "", "人才公寓示范点推出40个房间。", "talent_housing_rooms"),
    ("项目数量", "count", "3个项目", "个", "比赛涵盖电工等", "", "举办职业技能竞赛,比赛涵盖电工等3个项目。",
     "skills_competitions"),
    ("颁发数量", "count", "5人颁发了", "人", "向张三等", "突出贡献人才奖", "向张三等5人颁发了突出贡献人才奖。",
     "talent_honoured"),
    ("团队颁发数量", "count", "2个团队颁发了", "个", "向", "团队奖", "向2个团队颁发了团队奖。", None),
    ("人才数量", "count", "50余名人才", "名", "推动", "从柔性转为全职引进", "推动50余名人才从柔性转为全职引进。",
     "flexible_talent"),
    ("留数量", "count", "20名留", "名", "", "在本市就业的高校毕业生住进了人才公寓",
     "20名留在本市就业的高校毕业生住进了人才公寓。", "talent_housed"),
    # money and floor area in a sentence about talent housing, signing, a fund
    ("政府还投资", "CNY", "政府还投资2000万元", None, "", "建设了人才公寓", "政府还投资2000万元,建设了人才公寓。",
     "talent_apartment_investment"),
    ("住宅总面积", "m2", "总面积3000平方米", None, "", "", "购置50套住宅作为人才公寓,总面积3000平方米。",
     "talent_apartment_floor_area"),
    ("项目占地面积", "m2", "项目占地面积3亩", None, "", "", "人才公寓项目占地面积3亩。", None),
    ("分别", "m2", "45平方米", None, "分别为", "", "人才公寓有两种户型,分别为45平方米和60平方米。", "apartment_unit_size"),
    ("投资数量", "count", "12个投资", "个", "等项目", "", "大会共签约等项目12个投资30亿元。", "projects_signed"),
    ("服务数量", "count", "服务10项", "项", "提供专利授权等", "", "签约共建服务站,为企业提供专利授权等服务10项。", None),
    ("总规模", "CNY", "总规模2亿元", None, "", "", "该人才基金由母基金设立,总规模2亿元。", "talent_fund_size"),
    # a share of the population in a sentence about the talent pool; not in one about age
    ("约占全区人口", "percent", "约占全区人口的15%", None, "", "", "全区人才总量达5万人,约占全区人口的15%。",
     "talent_population_share"),
    ("人口", "percent", "38%为", None, "人口", "35岁以下青年", "全区人口38%为35岁以下青年。", None),
    # rent and a flat's size said in a sentence about talent apartments; a subsidy is no rent
    ("每月", "CNY", "每月800元至1500元不等", None, "价格实惠,", "", "推出青年人才公寓,价格实惠,每月800元至1500元不等。",
     "talent_apartment_rent"),
    ("每月", "CNY", "每月2000元", None, "还能享受区里给予的前三个月", "的补贴",
     "入住人才公寓可享受九折优惠,还能享受区里给予的前三个月每月2000元的补贴。", None),
    ("可以申请配租一套", "m2", "80平方米以下的人才公寓", None, "可以申请配租一套", "", "人才可以申请配租一套80平方米以下的人才公寓。",
     "apartment_unit_size"),
    # money a district paid out, listed after another payment; an offer per person is not
    ("租房补贴", "CNY", "租房补贴150余万元", None, "", "", "区财政拨付安家费80余万元,租房补贴150余万元。",
     "talent_funds_paid"),
    ("租房补贴", "CNY", "每月租房补贴2000元", None, "", "", "经认定的人才,每月租房补贴2000元,由区财政拨付。", None),
    # the investment of projects that started work
    ("投资项目落地开工", "CNY", "投资120亿元", None, "", "56个项目落地开工", "投资120亿元56个项目落地开工。",
     "signed_investment"),
]


@pytest.mark.parametrize("label, unit, quote, measure, before, after, sentence, code", IN_CONTEXT)
def test_figure_read_in_its_clause_and_sentence(label, unit, quote, measure, before, after, sentence, code):
    assert indicator_for(label, unit, quote, measure=measure, before=before, after=after, sentence=sentence) == code


def test_two_frames_that_fit_give_no_indicator():
    # 参加 (participants) and 培训 (people trained) both fit: no reading is preferred
    assert indicator_for("学员数量", "count", "300名学员", measure="名", before="", after="参加培训活动",
                         sentence="举办培训活动,300名学员参加培训活动。") == "people_trained"
    assert indicator_for("人员数量", "count", "300名人员", measure="名", before="", after="参加研修会议",
                         sentence="300名人员参加研修会议。") is None


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
    data = json.loads(ind.VOCABULARY_FILE.read_text(encoding="utf-8"))
    data["indicators"][0]["measures"] = "furlongs"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueError, match="unknown measure set"):
        ind.load(bad)
    data = json.loads(ind.VOCABULARY_FILE.read_text(encoding="utf-8"))
    data["indicators"][0]["frames"] = [{"near": ["人才"], "sentence": []}]
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueError, match="a frame without sentence words"):
        ind.load(bad)


def test_every_measure_set_is_used():
    data = json.loads(ind.VOCABULARY_FILE.read_text(encoding="utf-8"))
    used = {row["measures"] for row in data["indicators"] if isinstance(row.get("measures"), str)}
    assert set(data["measure_sets"]) <= used


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


# -- the seeds and the 80 real texts (../shared/corpus/real) -----------------
#
# Issue 10 asks that, importing the seeds and the 80 real articles together,
# 80% of metrics carry an indicator and 25 indicators be reported by 3 or
# more districts. The second holds; the first does not yet: of the metrics
# left without one, about a third are no fact of the district (offers and
# their conditions filed as metrics, a ranking read as a count, a city's
# figure), which the extractor should drop rather than this vocabulary map,
# and most of the rest name something no other district reports (公园,
# 幼儿园, 学科领域). The floor is what the matcher reaches now, minus a margin
# for changes of the extractor's labels.

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT.parent / "shared" / "corpus" / "real"
needs_real = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/corpus/real is not beside the repository")
COVERAGE_FLOOR = 0.76
SHARED_BY_THREE_FLOOR = 25

# Mappings checked by eye: (article, the metric's quote, indicator or None).
# None rows are metrics for which any indicator would be wrong.
REAL_MAPPINGS = [
    ("R019.txt", "65个房间", "talent_housing_rooms"),
    ("R020.txt", "长兴大学生及各类人才缺口为12000人", "talent_gap"),
    ("R038.txt", "明年我们计划完成投资300亿元", "fixed_asset_investment"),
    ("R053.txt", "发放各类政策宣传资料4000余份", "publicity_materials"),
    ("R079.txt", "产生经济效益9600余万元", "economic_benefit"),
    ("R050.txt", "2张高低床", None),  # beds in one person's room, not rooms
    ("R029.txt", "1860套集居住", "talent_apartments"),
    ("R003.txt", "项目占地面积2.79亩", None),
    ("R033.txt", "19名硕士研究生", "masters"),
    ("R064.txt", "40余家相关企业进行投资", None),
    ("R031.txt", "企业柔性引才60余人", "flexible_talent"),
    ("R045.txt", "人才共有产权住房政策直接吸引人才超过1.6万名", "talent_attracted"),
    ("R035.txt", "青年驿站7处", "talent_stations"),
    ("R015.txt", "8家企业", None),
    ("R036.txt", "召开部门协调会5次", None),
    ("R011.txt", "博士45人", "doctorates"),
    ("R011.txt", "300多名博士", "postgraduates"),
    ("R052.txt", "118家企业作", "enterprises_served"),
    ("R052.txt", "350多家企业“抢”", "recruiting_employers"),
    ("R052.txt", "81期以就业", "job_fairs"),
    ("R053.txt", "17场次", "job_fairs"),
    ("R053.txt", "45家企业", "recruiting_employers"),
    ("R023.txt", "120余名人才", "talent_housed"),
    ("R039.txt", "51名优秀人才通过现场抽签", "talent_housed"),
    ("R008.txt", "1037人符合", "talent_housed"),
    ("R048.txt", "实物配租保障人口为3人", None),
    ("R047.txt", "分配入住449套", "talent_apartments_allocated"),
    ("R003.txt", "371套主体已封顶", "talent_apartments"),
    ("R040.txt", "总面积5815平方米", "talent_apartment_floor_area"),
    ("R017.txt", "43平方米", "apartment_unit_size"),
    ("R028.txt", "15间标准办公室", None),
    ("R028.txt", "规划总面积500亩", None),
    ("R064.txt", "8所科研院校共建专家工作站", "partner_universities"),
    ("R075.txt", "两种方式全职引进医学类人才", None),
    ("R044.txt", "7 人颁发了", "talent_honoured"),
    ("R044.txt", "3 个团队颁发了", None),
    ("R072.txt", "10名优秀先进个人进行了表彰奖励", "talent_honoured"),
    ("R070.txt", "投资46.7718亿元", "signed_investment"),
    ("R057.txt", "总规模3亿元", "talent_fund_size"),
    ("R049.txt", "拥有大中专院校28所", "higher_education_institutions"),
    ("R080.txt", "20余所高校", None),
    ("R066.txt", "100名院校研究生", None),
    ("R049.txt", "200名在读博士前往沈北新区了解新区发展", "event_participants"),
    ("R051.txt", "15家高校院所", "recruiting_employers"),
    ("R080.txt", "70余名引才大使", "talent_ambassadors"),
    ("R006.txt", "同比增长6.6%", "gdp_growth"),
    ("R034.txt", "5个功能区域", None),
    ("R034.txt", "管理类岗位占约9.5%", None),
    ("R050.txt", "年营业额超过4000万元", None),
    ("001_31e084901cf8d8e7.txt", "近300所高校", None),
    ("001_31e084901cf8d8e7.txt", "50人专家库", None),
    ("001_31e084901cf8d8e7.txt", "万名青年人才", "young_talent_attracted"),
    ("003_1428d7383da177c4.txt", "1500名青年人才", "talent_housing_capacity"),  # 可为…提供入住: capacity
    ("R004.txt", "约180名高层次人才居住需求", "talent_housing_capacity"),
    ("R002.txt", "约占全区人口的20%", "talent_population_share"),
    ("R049.txt", "41%为", None),
    ("R008.txt", "租房补贴170余万元", "talent_funds_paid"),
    ("R036.txt", "每月600元至1200元不等", "talent_apartment_rent"),
    ("R063.txt", "2000元和后续三个月每月", None),
    ("R048.txt", "60平方米以下的高坡岭人才公寓", "apartment_unit_size"),
    ("R069.txt", "投资254亿元", "signed_investment"),
    ("R019.txt", "5%配建人才公寓", "talent_housing_quota"),
    ("R030.txt", "40多名专业人才赴高校深化学习交流", "people_trained"),
    ("003_1428d7383da177c4.txt", "100多名青年", "event_participants"),
    ("003_1428d7383da177c4.txt", "4个项目", "skills_competitions"),
]


@pytest.fixture(scope="module")
def real_metrics():
    from tests.extraction.corpus import export_files

    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted(REAL.glob("R*.txt"))
    return export_files(files)["metrics"]


def coverage(metrics) -> tuple[float, int]:
    """(share of metrics with an indicator, indicators reported by 3 or more districts)."""
    districts = defaultdict(set)
    for m in metrics:
        if m["indicator"]:
            districts[m["indicator"]].add(m["district"])
    share = sum(1 for m in metrics if m["indicator"]) / len(metrics)
    return share, sum(1 for d in districts.values() if len(d) >= 3)


@needs_real
def test_seeds_and_real_articles_coverage_floor(real_metrics):
    share, shared = coverage(real_metrics)
    assert share >= COVERAGE_FLOOR, share
    assert shared >= SHARED_BY_THREE_FLOOR, shared


@needs_real
def test_seeds_and_real_articles_reach_the_issue_target(real_metrics):
    # issue 10: 80% (316 of 394 on 2026-11-27, docs/extraction.md x11)
    assert coverage(real_metrics)[0] >= 0.80


@needs_real
def test_real_mappings_checked_by_eye(real_metrics):
    by_quote = {(m["article"], m["quote"]): m["indicator"] for m in real_metrics}
    found = [(a, q, want, by_quote[(a, q)]) for a, q, want in REAL_MAPPINGS if (a, q) in by_quote]
    # the extractor may change a quote; the mappings are what is checked here
    assert len(found) >= 0.8 * len(REAL_MAPPINGS), "most of the table's metrics are no longer extracted"
    assert [f for f in found if f[2] != f[3]] == []
