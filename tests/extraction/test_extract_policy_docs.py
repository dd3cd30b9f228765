"""The policy-document genre: conditions, terms, tiers, caps and percent offers.

Short texts written for these tests (districts and phrasings of their own).
Conventions (see also the package docstring): a per-degree tier is one offer
row with the kind of the offer's noun; a per-month amount keeps the amount as
its value, in CNY; a subsidy's payment term is a metric; eligibility
conditions, procedure, validity, rate bases and contact lines are not facts.
"""
from policies.extraction import extract


def _facts(x):
    return [(f.quantity.value, f.quantity.unit) for f in x.incentives + x.metrics]


def _offer(x, value, unit):
    hits = [f for f in x.incentives if abs(f.quantity.value - value) < 1e-6 and f.quantity.unit == unit]
    assert hits, f"no offer {value} {unit} in {[(f.kind, f.quantity.value, f.quantity.unit) for f in x.incentives]}"
    return hits[0]


def test_conditions_procedure_and_contacts_are_not_facts():
    text = ("温州市鹿城区青年人才购房补贴申报须知\n"
            "一、申报条件：年龄不超过40周岁；与区内企业签订3年以上劳动合同；在本区缴纳社保满12个月；"
            "所在企业注册资本不低于200万元，申请人持股比例不低于20%；毕业3年以内。\n"
            "二、补贴标准：博士每人25万元，硕士每人12万元。\n"
            "三、其他：名单公示7个工作日，本须知有效期2年。每引进1名博士另给予企业1万元奖励。\n"
            "咨询电话：0577-88881234\n")
    x = extract(text)
    assert sorted(_facts(x)) == sorted([(250000, "CNY"), (120000, "CNY"), (10000, "CNY")])
    assert {f.kind for f in x.incentives} == {"subsidy"}


def test_degree_tiers_take_the_kind_of_the_item_title():
    text = ("佛山市南海区人才新政解读\n"
            "（二）生活津贴。全日制博士每人每月2500元、硕士1200元、学士600元，发放期限2年。\n")
    x = extract(text)
    for v in (2500, 1200, 600):
        f = _offer(x, v, "CNY")
        assert (f.kind, f.quantity.qualifier) == ("subsidy", "eq")
    term = [m for m in x.metrics if m.quantity.unit == "year"]
    assert [(m.quantity.value, m.label) for m in term] == [(2, "补贴发放期限")]


def test_a_bound_before_a_list_bounds_every_tier_and_a_bare_cap_is_the_offer():
    text = ("绍兴市柯桥区对新引进的一、二、三类人才，分别给予最高150万元、80万元、50万元安家补贴。"
            "对人才创办企业的股权融资，按1:1比例给予配套奖励，最高不超过200万元。")
    x = extract(text)
    for v in (1500000, 800000, 500000):
        f = _offer(x, v, "CNY")
        assert (f.kind, f.quantity.qualifier) == ("subsidy", "le")
    cap = _offer(x, 2000000, "CNY")
    assert (cap.kind, cap.quantity.qualifier) == ("subsidy", "le")
    assert not any(f.quantity.value == 1 for f in x.incentives + x.metrics)


def test_percent_offers_and_loans():
    text = ("嘉兴市南湖区支持人才创业若干措施。对人才企业贷款，按同期贷款市场报价利率的60%给予贴息；"
            "对青年创业者提供最高50万元创业担保贷款；入驻人才公寓的，租金最高减免70%。")
    x = extract(text)
    rate = _offer(x, 60, "percent")
    assert rate.kind == "subsidy"
    assert _offer(x, 500000, "CNY").kind == "other"
    rent = _offer(x, 70, "percent")
    assert (rent.kind, rent.quantity.qualifier) == ("other", "le")
    assert not x.metrics


def test_rent_free_offers_and_table_rows():
    text = ("福州市仓山区人才安居办法\n"
            "入驻区级孵化器的团队，提供不超过150平方米的创业场地，两年内免收租金；"
            "高层次人才可选择免租入住人才住房，最长8年。\n"
            "附件：租房补贴标准\n"
            "学历\t补贴标准\t发放期限\n"
            "博士\t2000元/月\t36个月\n"
            "硕士\t1500元/月\t36个月\n")
    x = extract(text)
    assert _offer(x, 150, "m2").kind == "office_space"
    assert _offer(x, 2, "year").kind == "rent_free_period"
    f = _offer(x, 8, "year")
    assert (f.kind, f.quantity.qualifier) == ("rent_free_period", "le")
    assert _offer(x, 2000, "CNY").kind == "subsidy"
    assert _offer(x, 1500, "CNY").kind == "subsidy"
    assert [m.quantity.value for m in x.metrics if m.quantity.unit == "month"] == [36, 36]


def test_wechat_chrome_and_other_posts_are_not_content():
    text = ("拱墅人才 2024-05-06\n来源：杭州市拱墅区委人才办\n编辑：张三 审核：李四\n"
            "拱墅区青年人才驿站开放啦！来拱墅求职的高校毕业生可免费入住最长7天。\n"
            "往期回顾\n▪拱墅区2023年新引进大学生2.5万人\n阅读原文\n点赞 在看\n")
    x = extract(text)
    assert _facts(x) == [(7, "day")]
    assert x.incentives[0].kind == "rent_free_period"


def test_a_short_name_does_not_hide_a_full_name():
    text = "结合浦东新区实际，新区每年安排人才发展专项资金不少于3亿元。"
    x = extract(text)
    assert x.districts == ["310115"]
    f = _offer(x, 300000000, "CNY")
    assert (f.kind, f.quantity.qualifier) == ("fund", "ge")


def test_a_payment_term_names_its_grant_so_that_two_terms_are_two_facts():
    x = extract("鸠江区政策。对博士每月发放生活补贴3000元，连续发放3年；对领军人才给予最高100万元项目资助，分3年拨付。")
    assert [(m.label, m.quantity.value) for m in x.metrics] == [("生活补贴发放期限", 3), ("项目资助发放期限", 3)]


def test_a_program_set_up_in_a_numbered_item_owns_only_that_items_offers():
    """A policy text in numbered items: （三）设立“引才伯乐奖” is the programme of item three's award,
    not of the flats of item one nor of the stipend of item four; a programme named in the lead,
    before the items, still owns them all."""
    text = ("鹿城区人才新政\n（一）购房补助\n对高层次人才给予最高100万元购房补助。\n（二）岗位津贴\n高层次人才每月最高发放10000元津贴。\n"
            "（三）引才奖励\n设立“引才伯乐奖”，每年评选一次，最高奖励50万元。\n（四）生活补贴\n博士每月发放3000元生活补贴。\n")
    programs = {i.quantity.value: i.program for i in extract(text).incentives}
    assert programs == {1_000_000: None, 10_000: None, 500_000: "引才伯乐奖", 3000: None}
    lead = "鹿城区实施“鹿鸣英才计划”，主要内容如下。\n（一）购房补助\n对高层次人才给予最高100万元购房补助。\n（二）生活补贴\n博士每月发放3000元生活补贴。\n"
    assert {i.program for i in extract(lead).incentives} == {"鹿鸣英才计划"}
