"""Short articles written for these tests (other districts, other phrasings).

Each checks the facts the extractor must read and that every span quotes the
original text exactly.
"""
from policies.extraction import extract


def _check_spans(text, x):
    for f in x.incentives + x.metrics:
        assert 0 <= f.start < f.end <= len(text)
        q = text[f.start:f.end]
        assert q.strip(), f
    for p in x.programs:
        assert text[p.start:p.end]


def _find(facts, value, unit=None):
    hits = [f for f in facts if abs(f.quantity.value - value) < 1e-6 and (unit is None or f.quantity.unit == unit)]
    assert hits, f"no fact {value} {unit} in {[(f.quantity.value, f.quantity.unit) for f in facts]}"
    return hits[0]


def test_one_character_county_and_jobs():
    text = "滑县人社局近日发布消息，滑县将提供1200个就业岗位，面向高校毕业生开展专场招聘。全市各区和县都要做好服务。"
    x = extract(text)
    _check_spans(text, x)
    assert x.districts == ["410526"]
    f = _find(x.incentives, 1200, "count")
    assert (f.kind, f.quantity.qualifier, f.quantity.measure, f.district) == ("jobs", "eq", "个", "410526")
    assert "graduates" in f.groups
    assert text[f.start:f.end] == "1200个就业岗位"


def test_place_like_words_are_not_districts():
    text = "海淀区坚持人才强区、教育强区战略，全区新增高层次人才320名。城区人口超过50万人。"
    x = extract(text)
    assert x.districts == ["110108"]
    f = _find(x.metrics, 320, "count")
    assert f.district == "110108" and "high_level" in f.groups
    g = _find(x.metrics, 500000, "count")
    assert g.quantity.qualifier == "gt"


def test_brand_programs_without_jihua_and_city_context():
    text = ("杭州市西湖区推出“西湖优才”品牌，并开展“湖畔学子”行动，每年支持50个青年科技人才项目。"
            "西湖区还举办“创新西湖”高峰论坛。")
    x = extract(text)
    _check_spans(text, x)
    assert x.districts == ["330106"]  # not 南昌 西湖区 360103
    names = {p.name for p in x.programs}
    assert {"西湖优才", "湖畔学子"} <= names
    assert "创新西湖" not in names  # a forum is an event
    f = _find(x.incentives, 50, "count")
    assert f.kind == "other"


def test_beds_and_dormitories_are_housing_noun_first():
    text = "昆山市今年筹集青年人才床位800张，另提供200间人才宿舍，人才公寓总面积约3万平方米。"
    x = extract(text)
    _check_spans(text, x)
    assert x.districts == ["320583"]
    beds = _find(x.incentives, 800, "count")
    assert (beds.kind, beds.quantity.measure) == ("apartment", "张")
    rooms = _find(x.incentives, 200, "count")
    assert rooms.kind == "apartment" and text[rooms.start:rooms.end] == "200间人才宿舍"
    area = _find(x.metrics, 30000, "m2")  # the floor area of a housing offer is a metric
    assert area.quantity.qualifier == "approx"


def test_ranges_subsidies_and_rent_free_years():
    text = "深圳市南山区对新引进的博士给予5万元至20万元安家补贴；对入驻的创业团队给予免租三年的办公场地支持。"
    x = extract(text)
    _check_spans(text, x)
    # a range is two offers of one kind (RULES.md 4): the low end ge, the high end le
    low, high = _find(x.incentives, 50000, "CNY"), _find(x.incentives, 200000, "CNY")
    assert (low.kind, low.quantity.qualifier) == ("subsidy", "ge")
    assert (high.kind, high.quantity.qualifier) == ("subsidy", "le")
    assert text[low.start:low.end] == text[high.start:high.end] == "5万元至20万元安家补贴"
    r = _find(x.incentives, 3, "year")
    assert r.kind == "rent_free_period"
    assert x.districts == ["440305"]


def test_changes_keep_the_old_and_the_new_value():
    text = "近年来，江宁区人才驿站由10家增至30家，高层次人才从120人增加到260人。"
    x = extract(text)
    values = sorted(f.quantity.value for f in x.metrics)
    assert values == [10, 30, 120, 260]


def test_full_width_digits_and_noise():
    text = "　　余杭区提供见习岗位　２０００个，发放“人才码”超 1,500 张。\n\n该区设立３０００万人才发展专项资金。"
    x = extract(text)
    _check_spans(text, x)
    jobs = _find(x.incentives, 2000, "count")
    assert jobs.kind == "jobs"
    assert "２０００个" in text[jobs.start:jobs.end]
    cards = _find(x.metrics, 1500, "count")
    assert cards.quantity.qualifier == "gt"
    fund = _find(x.incentives, 30000000, "CNY")  # 万 without 元 before a fund
    assert fund.kind == "fund" and text[fund.start:fund.end] == "３０００万人才发展专项资金"


def test_lists_of_counts():
    text = "目前，武侯区拥有国家级孵化器5家、众创空间12家、博士后工作站8个。"
    x = extract(text)
    assert sorted(f.quantity.value for f in x.metrics) == [5, 8, 12]
    assert all(f.period is None and f.district == "510107" for f in x.metrics)


def test_targets_and_target_years():
    text = "到2027年，滑县技能人才总量达到5万人以上，力争新增高技能人才3000名。2024年，全县技能人才达3.2万人。"
    x = extract(text)
    a = _find(x.metrics, 50000)
    assert (a.target, a.period, a.quantity.qualifier) == (True, "2027", "ge")
    b = _find(x.metrics, 3000)
    assert b.target and b.period == "2027"
    c = _find(x.metrics, 32000)
    assert (c.target, c.period) == (False, "2024")
    assert "skilled" in a.groups


def test_two_districts_facts_attributed_by_sentence():
    text = ("北京市朝阳区与海淀区联合发布人才政策。朝阳区将提供500套人才公寓，用于保障青年人才。"
            "海淀区设立10亿元人才发展基金，并给予最高100万元奖励。")
    x = extract(text)
    assert set(x.districts) == {"110105", "110108"}
    apt = _find(x.incentives, 500, "count")
    assert (apt.kind, apt.district) == ("apartment", "110105")
    fund = _find(x.incentives, 1e9, "CNY")
    assert (fund.kind, fund.district) == ("fund", "110108")
    prize = _find(x.incentives, 1e6, "CNY")
    assert (prize.kind, prize.quantity.qualifier, prize.district) == ("subsidy", "le", "110108")


def test_chaoyang_changchun_vs_beijing():
    cc = extract("长春市朝阳区出台人才新政，设立2000万元人才专项资金，朝阳区将持续优化服务。")
    assert cc.districts == ["220104"]
    assert _find(cc.incentives, 2e7, "CNY").district == "220104"
    bj = extract("中关村朝阳园所在的朝阳区，建设望京国际人才社区，朝阳区新增国际人才1200名。")
    assert bj.districts == ["110105"]


def test_metadata_lines():
    text = ("首页 > 新闻中心 > 正文\n余杭区出台人才新政\n发布时间：2025-03-08 10:00　来源：杭州日报\n"
            "余杭区近日发布人才新政，2025年将新增人才公寓1000套。")
    x = extract(text)
    assert (x.title, x.published, x.publisher) == ("余杭区出台人才新政", "2025-03-08", "杭州日报")
    w = extract("津南发布\n2024-11-22 11:01\n津南区举办人才活动。\n“津南发布”公众号欢迎关注")
    assert (w.published, w.publisher) == ("2024-11-22", "津南发布")


def test_periods_from_context():
    text = ("时间:2024-08-01\n2024年上半年，萧山区引进人才1.2万人，同比增长15%。1—9月，新增就业2.3万人。"
            "今年以来，萧山区发放补贴3亿元。")
    x = extract(text)
    assert _find(x.metrics, 12000).period == "2024-01..2024-06"
    assert _find(x.metrics, 15, "percent").period == "2024-01..2024-06"
    assert _find(x.metrics, 23000).period == "2024-01..2024-09"
    # 发放补贴3亿元 is money paid out, a result (metric); its period is 今年 from the publication date
    assert _find(x.metrics, 3e8, "CNY").period == "2024"


def test_a_span_of_years_dates_what_it_reports_and_is_no_goal():
    text = ("时间:2024-03-01\n2021年至2023年，黄陂区共引进高层次人才500名。2019—2023年，新增就业2.3万人。"
            "2024年至2026年，黄陂区将引进博士100名。据悉，2022年至2027年，黄陂区计划斥资5亿元建设人才公寓；"
            "拟培育名优教师100名。")
    x = extract(text)
    past, jobs = _find(x.metrics, 500), _find(x.metrics, 23000)
    assert (past.period, past.target) == ("2021..2023", False)
    assert (jobs.period, jobs.target) == ("2019..2023", False)
    # a goal is dated by its target year (the notes' TARGET), whether its sentence says it or its span does
    assert (_find(x.metrics, 100).period, _find(x.metrics, 100).target) == ("2026", True)
    assert [(f.period, f.target) for f in x.metrics if f.quantity.value in (5e8, 100) and
            f.start > text.index("据悉")] == [("2027", True), ("2027", True)]


def test_a_time_inside_a_documents_name_dates_nothing():
    text = ("时间:2024-03-01\n会议审议了《黄陂区中长期人才发展规划（2011-2020年）》。"
            "对评为享受国务院特殊津贴专家的人员给予一次性奖励20000元。")
    assert _find(extract(text).incentives, 20000, "CNY").period is None


def test_not_facts():
    text = ("五、实施人才强区战略\n(一)第四届人才节在滨江区举办，发布“人才新政19条”，"
            "搭建“1+2+N”服务体系，对接“985”高校，地铁10号线沿线，增速居全市第一。2024年11月13日。")
    x = extract(text)
    assert x.metrics == [] and x.incentives == []


def test_word_broken_by_blank_line_and_quote_not_across_it():
    text = ("新质生产力培育中，江北区已与五十余家高校建立合作关系，同时还建成一批面向青年人才的创新孵\n\n"
            "化器，累计建成孵化器42家孵\n\n化器运营良好")
    x = extract(text)
    f = _find(x.metrics, 42)
    assert "\n" not in text[f.start:f.end]


def test_programs_kept_and_rejected():
    text = ("成都市武侯区将深入实施“武侯英才计划”，打造“一站式”人才服务体系，推出“英才武侯·青春同行”系列活动。"
            "武侯区启动“金熊猫人才卡”升级工作，还将建设武侯国际人才社区，建设一批“人才公园”，"
            "并建立“一事一议”“一人一策”等工作机制。会上举办了“天府英才”创新创业大赛，发布了《武侯区人才新政十条》。"
            "市委、市政府“十项行动”深入推进。")
    x = extract(text)
    _check_spans(text, x)
    names = {p.name for p in x.programs}
    assert {"武侯英才计划", "英才武侯·青春同行", "金熊猫人才卡", "武侯国际人才社区"} <= names
    for bad in ("一站式", "人才公园", "一事一议", "一人一策", "天府英才", "武侯区人才新政十条", "十项行动"):
        assert bad not in names, bad
    assert all(p.district == "510107" for p in x.programs)


def test_program_aliases_merged():
    text = "2024“鼓楼·英才回家”活动启动。鼓楼区还将深化“英才回家”行动，南京市鼓楼区同步推出“鼓楼人才卡”。"
    x = extract(text)
    hits = [p for p in x.programs if "英才回家" in p.name]
    assert len(hits) == 1 and hits[0].name == "英才回家"
    assert x.districts == ["320106"]


def test_seed_spans_are_exact_and_never_cross_blank_lines():
    from pathlib import Path

    for f in sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        x = extract(text)
        assert x.districts, f.name
        for fact in x.incentives + x.metrics:
            quote = text[fact.start:fact.end]
            assert "\n\n" not in quote, (f.name, quote)
            assert any(ch.isdigit() or ch in "一二三四五六七八九十百千万" for ch in quote), (f.name, quote)


def test_generalisation_rules():
    # an ambiguous full name with no city named is not guessed
    assert extract("鼓楼区新增高层次人才120名，鼓楼区发放补贴300万元。").districts == []
    # 江北新区 is not 江北区; 长阳 is 长阳土家族自治县
    assert extract("南京江北新区发布人才政策，浦口区同步推出配套措施，浦口区人才总量约23万人。").districts == ["320111"]
    text = "长阳土家族自治县召开人才工作会议。长阳新引进人才186人，引进五名博士。"
    x = extract(text)
    assert x.districts == ["420528"] and _find(x.metrics, 5).quantity.measure == "名"
    # noun-less amounts after a per-degree list, and a shared noun after a list
    text = "对新引进的博士给予每人每月3000元生活补贴；硕士研究生每人每月2000元，分别给予15万元、10万元购房补贴。"
    x = extract(text)
    assert {f.quantity.value for f in x.incentives if f.kind == "subsidy"} == {3000, 2000, 150000, 100000}
    # money paid out is a result; 三年免租 is a rent-free period; 占比近四成 is 40 percent
    x = extract("全年兑现人才奖补资金9.6亿元，落实三年免租政策，人才总量占比近四成。")
    assert _find(x.metrics, 9.6e8, "CNY") and _find(x.incentives, 3, "year").kind == "rent_free_period"
    assert _find(x.metrics, 40, "percent").quantity.qualifier == "lt"
    # a passing district's figure (the subject of its own sentence) is no fact of this
    # article, as the notes skip other districts' figures; the figures around it stay the article's
    text = "武侯区将与双流区共建人才联盟。武侯区新增驿站4个。双流区此前已投入1.5亿元建设人才港。武侯区还新增岗位300个。"
    x = extract(text)
    assert x.districts == ["510107"] and not [f for f in x.metrics if f.quantity.unit == "CNY"]
    assert _find(x.metrics, 4).district == "510107" and _find(x.incentives, 300).district == "510107"
    # 将 as 把 is not a plan
    x = extract("西湖区将人才工作作为重点，全区新引进大学生4.3万人。")
    assert _find(x.metrics, 43000).target is False


def test_program_shapes_beyond_plans():
    # venues and networks (工作室, 学院, 俱乐部, 夜校, 之家, 港/谷/营), a type word after
    # a short modifier, a tour named after a place, an unquoted 港 with a district name
    text = ("金华市婺城区推出“婺城青年创业工作室”，成立“婺江人才学院”，组建“婺城博士俱乐部”，开办“婺城青年夜校”，"
            "打造“婺州·人才之家”服务综合体和“婺创谷”，实施“婺城工匠”培育工程、“婺城菁英”青年人才储备工程，"
            "发布“婺才汇”人才服务品牌发布暨“婺城人才卡”首发仪式，开展博士婺城行活动，建设婺城人才创新港。")
    x = extract(text)
    _check_spans(text, x)
    names = {p.name for p in x.programs}
    for good in ("婺城青年创业工作室", "婺江人才学院", "婺城博士俱乐部", "婺城青年夜校", "婺州·人才之家", "婺创谷",
                 "婺城工匠", "婺城菁英", "婺才汇", "婺城人才卡", "博士婺城行", "婺城人才创新港"):
        assert good in names, good


def test_programs_joined_or_not_about_talent_are_rejected():
    text = ("金华市婺城区积极参与人社部“春风行动”，今年共有20人入选浙江省“鲲鹏计划”，依托“浙里有才”等省级活动平台招才，"
            "开展招商引资“攻坚年”活动和营商环境提升行动，深入推进“百千万”工程，建成“婺城通”政务服务综合平台。"
            "婺城区对入选“婺城英才计划”的人才给予最高50万元奖励。")
    x = extract(text)
    names = {p.name for p in x.programs}
    for bad in ("春风行动", "鲲鹏计划", "浙里有才", "攻坚年", "营商环境提升行动", "百千万", "婺城通"):
        assert not any(bad in n for n in names), (bad, names)
    assert "婺城英才计划" in names  # 入选 the district's own programme


def test_rent_waived_and_a_loan_named_before_its_cap_are_offers():
    text = ("安吉县出台人才新政。入驻创业园的大学生创业项目，3年内免收房租。"
            "对符合条件的创业者，给予创业担保贷款最高300万元。今年以来，全县累计发放创业担保贷款1.2亿元。")
    x = extract(text)
    _check_spans(text, x)
    free = _find(x.incentives, 3, "year")
    assert (free.kind, free.quantity.qualifier) == ("rent_free_period", "le")  # within 3 years
    for said in ("3年内免租。", "3年内免收租金。", "免收房租3年。"):
        assert _find(extract("安吉县创业园入驻项目，" + said).incentives, 3, "year").kind == "rent_free_period", said
    loan = _find(x.incentives, 3e6, "CNY")
    assert (loan.kind, loan.quantity.qualifier) == ("other", "le")
    assert _find(x.metrics, 1.2e8, "CNY")  # loans handed out: a result


def test_other_words_for_giving_free_and_square_metres():
    x = extract("安吉县对入选的创业团队予以300-500万元的创业资金支持。求职的高校毕业生可在驿站无偿入住7天。")
    assert {(f.kind, f.quantity.value) for f in x.incentives} == {
        ("subsidy", 3e6), ("subsidy", 5e6), ("rent_free_period", 7)}
    # a price per square metre is no grant; a grant per square metre is one, in 平米 as in 平方米
    x = extract("安吉县人才公寓租金12元/平方米。对首次购房的博士，按800元/平米给予购房补贴。")
    assert [(f.kind, f.quantity.value) for f in x.incentives] == [("subsidy", 800)]


def test_a_percent_in_words_is_bounded_as_one_in_digits():
    x = extract("安吉县人才公寓租金最高减免百分之六十。全县研发投入强度达到百分之三点五，高新技术企业数量同比增长百分之二十以上。")
    assert [(f.kind, f.quantity.value, f.quantity.qualifier) for f in x.incentives] == [("other", 60, "le")]
    assert [(f.quantity.value, f.quantity.qualifier) for f in x.metrics] == [(3.5, "eq"), (20, "ge")]


def test_a_bare_wan_after_people_counts_people():
    x = extract("安吉县人才工作综述\n全县人才总量突破20万，去年引进大学生超1.2万，城镇新增就业2.46万。"
                "对顶尖人才奖励100万。")
    assert [(m.quantity.value, m.quantity.unit, m.quantity.qualifier) for m in x.metrics] == [
        (200000, "count", "gt"), (12000, "count", "gt"), (24600, "count", "eq")]
    assert [(f.kind, f.quantity.value) for f in x.incentives] == [("subsidy", 1e6)]  # money frames it: money
    assert not extract("安吉县消息。项目编号20万，详见附件。").metrics  # no people named: no count


def test_money_handed_out_in_a_past_year_is_a_result():
    x = extract("德清县人才工作成效显著\n2024年，德清县发放人才补贴1.2亿元。")
    assert not x.incentives and _find(x.metrics, 1.2e8, "CNY")
    # a year from which an offer runs is no result
    x = extract("德清县出台新政\n2025年起，对新引进博士发放生活补贴每人每月3000元。")
    assert _find(x.incentives, 3000, "CNY").kind == "subsidy"
    # a total planned to be handed out is a goal; planned amounts per tier stay offers
    x = extract("德清县出台新政\n到2027年，计划发放人才补贴5亿元。")
    assert not x.incentives and _find(x.metrics, 5e8, "CNY").target
    x = extract("德清县\n今年计划筹建人才住房5000套，对博士、硕士分别发放30万元、10万元生活补贴。")
    assert {f.quantity.value for f in x.incentives if f.kind == "subsidy"} == {3e5, 1e5}


def test_vouchers_and_gift_money_are_grants():
    x = extract("安吉县出台人才新政。对新引进的博士给予20万元房票，最高5万元购房券。新引进硕士可领取1万元人才消费券。"
                "今年以来，全县累计发放人才房票1.2亿元。")
    assert [(f.kind, f.quantity.value) for f in x.incentives] == [("subsidy", 2e5), ("subsidy", 5e4), ("subsidy", 1e4)]
    assert _find(x.metrics, 1.2e8, "CNY")  # vouchers handed out: a result


def test_a_count_in_words_is_no_name_and_no_label():
    x = extract("沈北新区斥资3.6亿元打造一千二百套人才公寓——沈阳沈北英才社区。")
    assert not [p.name for p in x.programs if p.name.startswith("一千二百套")]
    assert "一千二百套" not in _find(x.metrics, 3.6e8, "CNY").label


def test_the_articles_own_voice_names_its_district():
    # 我区 after another district was named is the publisher's district, not the other one
    text = ("武侯区人才驿站升级扩容\n武侯区近日启动驿站升级计划，在全区新增驿站4个。\n"
            "此外，武侯区将与双流区共建人才协同发展联盟。双流区此前已投入1.5亿元建设航空经济人才港。\n"
            "下一步，我区将力争到2026年人才驿站覆盖全部13个街道。")
    x = extract(text)
    assert _find(x.metrics, 13).district == "510107"
    # the partner's own figure is no fact of this article
    assert x.districts == ["510107"] and [f.quantity.value for f in x.metrics] == [4, 13]


def test_a_title_on_the_line_above_names_the_offer_of_its_amounts():
    # （一）就业补贴。 on a line of its own, as pages that break every sentence set it
    for sep in ("", "\n"):
        text = ("长安区出台人才政策。\n（一）就业补贴。" + sep +
                "对到区内企业就业的全日制本科及以上毕业生，博士每人每月2000元、硕士1000元、本科500元，发放期限3年。")
        x = extract(text)
        assert [(f.kind, f.quantity.value) for f in x.incentives] == [
            ("subsidy", 2000), ("subsidy", 1000), ("subsidy", 500)], sep


def test_campaigns_of_other_kinds_are_no_programs():
    # the notes: general campaigns not about talent are no programs, whatever type word follows
    text = ("安吉县开展“三服务”活动，走访企业500家。打造“企业服务日”品牌，帮助企业解决问题86个。"
            "全县开展“清廉村居”建设，覆盖村社187个。开展“万企兴万村”行动，结对村企120对。"
            "实施“竹乡英才”计划，引进领军人才12名。开展“周末工程师”行动，柔性引进工程师200名。")
    names = {p.name for p in extract(text).programs}
    assert names == {"竹乡英才", "周末工程师"}, names
    # unquoted, the same: 实施…计划 of another kind is no program
    text = "安吉县实施乡村振兴示范工程，建成示范村15个。实施绿色低碳发展计划。实施青年人才储备计划，储备青年人才300名。"
    assert {p.name for p in extract(text).programs} == {"青年人才储备计划"}


def test_a_program_learned_from_is_someone_elses():
    text = ("安吉县考察团赴杭州市余杭区学习“余杭英才”计划的经验做法。借鉴深圳“孔雀计划”经验，"
            "安吉县启动“竹乡英才”计划。")
    assert {p.name for p in extract(text).programs} == {"竹乡英才"}


def test_goals_designations_tools_and_national_campaigns_are_no_programs():
    # a goal the county sets itself (…高地), a higher level's list it is put on
    # (列入/纳入), a tool or system (the notes' 产业人才大数据系统), a campaign
    # the ministry runs nationwide; a named card after its quote is a program
    text = ("安吉县着力打造“长三角人才高地”，3个项目被列入“省重点建设项目”，推出“人才政策计算器”，"
            "建成“安吉人才大数据系统”，开展“百日千万招聘专项行动”，服务求职者5000人次。"
            "“两山英才”人才卡持卡人可享受免费体检。")
    names = {p.name for p in extract(text).programs}
    for bad in ("长三角人才高地", "省重点建设项目", "人才政策计算器", "安吉人才大数据系统", "百日千万招聘专项行动"):
        assert bad not in names, (bad, names)
    assert "两山英才" in names


def test_districts_passing_joint_and_paid_out():
    # a district named once after 与…相比 is an aside, even in a short text
    assert extract("南岗区召开人才工作会议。与道里区相比，南岗区人才总量更高，达到26万人。").districts == ["230103"]
    # …but the partner of a joint announcement is kept
    assert extract("青浦区与吴江区签订协议。青浦区新增人才500人。").districts == ["310118", "320509"]
    # a figure of 两区 goes to the main district, not to the partner named last
    text = "金水区与惠济区联合启动人才共享计划，惠济区负责日常运营。两区将共同设立规模5000万元的人才共享基金。"
    assert _find(extract(text).incentives, 5e7, "CNY").district == "410105"
    # a bare short form of a county not in the article owns nothing (太湖县, 资源县)
    x = extract("苏州市吴中区成立太湖人才学院，已培训各类人才5600人次，吴中区人才资源总量达到36.8万人。")
    assert {f.district for f in x.metrics} == {"320506"}
    # per-head one-off subsidy is an offer; money paid out is a metric
    x = extract("南岗区对高校毕业生发放一次性补贴5000元。2023年，南岗区累计发放补贴3亿元。")
    assert _find(x.incentives, 5000, "CNY").kind == "subsidy" and _find(x.metrics, 3e8, "CNY")


def test_offer_shapes():
    x = extract("婺城区每年遴选50名左右青年领军人才，按照“一事一议”给予最高2000万元综合支持，"
                "并提供最长3年、面积最高500平方米的免租办公用房。人才扫码即可办理落户、社保等23项业务。"
                "联合200家企业发布岗位，开课120余节。")
    assert _find(x.incentives, 50).kind == "other"
    assert _find(x.incentives, 2e7, "CNY").kind == "subsidy"
    assert _find(x.incentives, 3, "year").kind == "rent_free_period"
    # support given, capped in the next clause (予以综合支持，最高1亿元), is money offered
    x2 = extract("鸠江区人才政策。对全职引进的顶尖人才，按照“一事一议”方式予以综合支持，最高1亿元。")
    assert [(f.kind, f.label, f.quantity.qualifier) for f in x2.incentives] == [("subsidy", "综合支持", "le")]
    # the count of items a service offers is a metric that describes it (RULES.md 3)
    assert _find(x.metrics, 23).label == "业务数量" and not [f for f in x.incentives if f.quantity.value == 23]
    assert _find(x.metrics, 200) and _find(x.metrics, 120).quantity.qualifier == "gt"


def test_a_housing_offer_is_one_row_at_its_total_and_its_parts_are_metrics():
    text = "白云区已建成人才公寓80套，力争明年建成人才公寓600套。"
    x = extract(text)
    assert [(f.kind, f.quantity.value) for f in x.incentives] == [("apartment", 600)]
    assert [f.quantity.value for f in x.metrics] == [80]
    # flats allocated (配租房源, 分配) below the stock offered are a part of it (RULES.md 2)
    x = extract("叙州区新建人才公寓2栋，配租房源240套。今年新筹集人才公寓300套。")
    assert [(f.kind, f.quantity.value) for f in x.incentives] == [("apartment", 300)]
    assert [f.quantity.value for f in x.metrics] == [2, 240]


def test_money_granted_is_a_subsidy_whatever_its_noun_and_a_percent_grant_may_name_what_it_covers():
    text = "对落户的创业团队分别给予50-80万元的创业资金，购买首套住房的可享受100%契税补助。"
    x = extract(text)
    assert sorted((f.kind, f.quantity.value, f.quantity.unit, f.quantity.qualifier) for f in x.incentives) == [
        ("subsidy", 100, "percent", "eq"), ("subsidy", 500000, "CNY", "ge"), ("subsidy", 800000, "CNY", "le")]


def test_grants_per_kind_of_station_and_counts_listed_alike():
    # 院士工作站给予30万元: a verb of giving leads into the amount, its noun said before it
    x = extract("谯城区出台办法，对新获批的国家级博士后科研工作站给予一次性建站补贴50万元，"
                "省级博士后科研工作站给予20万元，院士工作站给予30万元。")
    assert [(f.kind, f.quantity.value) for f in x.incentives] == [
        ("subsidy", 500000), ("subsidy", 200000), ("subsidy", 300000)]
    # two items of a list with the same count are two facts, not a 1:1 pairing said twice
    x = extract("今年谯城区新增人才平台7家，其中国家级博士后科研工作站1家、省级博士后科研工作站3家、省级院士工作站1家。")
    assert [f.quantity.value for f in x.metrics] == [7, 1, 3, 1]


def test_a_stock_added_is_a_part_and_stations_named_after_their_count_are_offered():
    # 新增 below the largest stock is a part of it (RULES.md 2)
    x = extract("临洮县人才公寓累计达到208套，其中二期新增房源64套。")
    assert [(f.kind, f.quantity.value) for f in x.incentives] == [("apartment", 208)]
    assert [f.quantity.value for f in x.metrics] == [64]
    # stations counted before their noun, where a free stay is offered at them (RULES.md 5)
    x = extract("青铜峡市在火车站、汽车站设了2处青年人才驿站，来青求职的大学生可免费入住7天。")
    assert sorted((f.kind, f.quantity.value) for f in x.incentives) == [("other", 2), ("rent_free_period", 7)]


def test_the_parts_of_a_jobs_offer_are_metrics():
    # one offer at its total (RULES.md 2): this batch and its items are parts of the year's posts
    x = extract("澄迈县发布首批就业见习岗位。本批次共有56家见习单位提供见习岗位860个，其中管理类岗位312个、"
                "技术类岗位298个。今年我县计划全年募集见习岗位不少于1500个。")
    assert [(f.kind, f.quantity.value) for f in x.incentives] == [("jobs", 1500)]
    assert [f.quantity.value for f in x.metrics] == [56, 860, 312, 298]


def test_money_paid_out_before_a_list_of_its_grants_is_a_result():
    x = extract("临洮县上半年人才工作总结。\n1.兑现人才津贴、安家补助等各类资金286.5万元，惠及人才312人次；")
    assert not x.incentives and _find(x.metrics, 2865000, "CNY")


def test_a_province_run_countys_name_far_away_and_a_bare_noun_in_quotes_make_no_foreign_or_new_program():
    # 文昌 is 海南's 文昌市 and 梓潼's patron deity: in 四川 the programme is the county's own
    x = extract("梓潼县依托“文昌学子”计划，对新引进的全日制博士给予最高20万元安家补助。梓潼县今年引进人才426名。")
    assert [p.name for p in x.programs] == ["文昌学子"]
    # a figure of speech in quotes that is only a program word (更是“服务站”) is no program
    x = extract("天元区人才驿站扩容。驿站不只是“落脚点”，更是“服务站”。天元区今年接待2600人次。")
    assert list(x.programs) == []


def test_names_that_are_no_programme_of_this_county():
    # another county's brand, its name right before the quote
    text = ("东台市人才工作。我市各县（市、区）比学赶超抓引才，大丰“丰聚英才”、建湖“湖荡英才”等县域人才品牌竞相亮相。"
            "东台市实施“西溪英才”计划，东台市今年引进人才500名。")
    assert [p.name for p in extract(text).programs] == ["西溪英才"]
    # a campaign worked within, a mode in pairs, a title given to a number of studios, a prize-winning entry
    text = ("博罗县人才工作。我县结合“三服务”活动选派人才专员，深化“双培双带”，新认定“博罗名匠工作室”8个，"
            "“熊猫智能巡检机器人”项目获一等奖，实施“罗浮英才计划”。")
    assert [p.name for p in extract(text).programs] == ["罗浮英才计划"]
