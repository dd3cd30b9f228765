"""Metric labels: what an analyst would write, the same across districts.

The /compare/ page has one row per metric label, so two districts' articles
that report the same indicator in different words must give the same label,
and no label may carry a district name. Texts written for these tests.
"""
import pytest

from policies.extraction import extract
from policies.extraction import labels as L


def _labels(text):
    return {(m.quantity.value, m.quantity.unit): m.label for m in extract(text).metrics}


def _label_of(text, value, unit="count"):
    got = _labels(text)
    assert (value, unit) in got, got
    return got[(value, unit)]


# -- two districts, two phrasings, one row -----------------------------------

@pytest.mark.parametrize("a, va, b, vb, expected", [
    ("海淀区GDP同比增长5.2%，经济运行稳中有进。", 5.2,
     "2024年，余杭区地区生产总值增长6.1%。", 6.1, "地区生产总值同比增长"),
    ("截至目前，武侯区拥有国家级高新技术企业1200余家。", 1200,
     "全区国家高新技术企业达到860家。雁塔区持续优化营商环境。", 860, "国家高新技术企业数量"),
    ("今年以来，河西区累计吸引人才落户5200人。", 5200,
     "鼓楼区人才落户3100人，服务持续优化。", 3100, "人才落户人数"),
    ("滑县人才总量达到8.6万人。", 86000,
     "力争到2026年，全区人才资源总量突破30万人。岳麓区将持续发力。", 300000, "人才总量"),
    ("长泰区常住人口达23.3万人。", 233000,
     "2023年末，吴中区常住人口约140万人。", 1400000, "常住人口"),
    ("丰台区建成科技企业孵化器32家。", 32,
     "目前，江夏区已拥有孵化器15家。", 15, "孵化器数量"),
    ("昆山市建成博士后科研工作站78家。", 78,
     "顺德区已建成博士后工作站46家。", 46, "博士后工作站数量"),
])
def test_same_indicator_same_label_across_districts(a, va, b, vb, expected):
    unit = "percent" if isinstance(va, float) and va < 100 and "%" in a else "count"
    assert _label_of(a, va, unit) == expected
    assert _label_of(b, vb, unit) == expected


def test_growth_takes_the_subject_of_the_figure_before_it():
    text = "2024年，丰台区新设经营主体2.13万家，同比增长32.3%。"
    got = _labels(text)
    assert got[(21300, "count")] == "新增市场主体数量"
    assert got[(32.3, "percent")] == "新增市场主体同比增长"
    text = "五华区人才总量达到30万人，同比增长7.2%，增速比上年提高1.1个百分点。"
    got = _labels(text)
    assert got[(7.2, "percent")] == "人才总量同比增长"


def test_respectively_growth_goes_to_each_subject_in_order():
    text = "2024年，义乌市新增各类人才5.6万人，其中大学生4.3万人，同比分别增长8.1%和12.4%。"
    got = _labels(text)
    assert got[(8.1, "percent")] == "新增人才同比增长"
    assert got[(12.4, "percent")] == "大学生同比增长"


def test_labels_carry_no_district_city_or_province():
    text = ("北京市丰台区GDP同比增长5.6%。丰台区已建设人才驿站10家。"
            "全区引进各类人才3200名，柔性引进上海高层次医疗专家38名。")
    x = extract(text)
    for m in x.metrics:
        for name in ("丰台", "北京", "上海", "全区"):
            assert name not in m.label, m.label
    got = _labels(text)
    assert got[(10, "count")] == "人才驿站数量"
    assert got[(3200, "count")] == "引进人才数量"


def test_lists_keep_their_head_noun_and_event_verb():
    text = "在丰台大会上，中国通号等9个重点项目集中签约。"
    assert _label_of(text, 9) == "签约重点项目数量"
    text = "活动当天，北京大学等40余所高校签约共建专家工作站。"
    assert _label_of(text, 40) == "签约高校数量"
    text = "青年夜校开班，吸引122名青年报名参加。"
    assert _label_of(text, 122) == "吸引青年报名数量"


# -- the cleaning function ----------------------------------------------------

@pytest.mark.parametrize("raw, places, expected", [
    ("长泰区常住人口", {"长泰区", "长泰"}, "常住人口"),
    ("丰台区GDP同比增长", {"丰台区", "丰台"}, "GDP同比增长"),
    ("从公园", (), "公园"),
    ("依托大院大所", (), "大院大所"),
    ("促成合作订单", (), "合作订单"),
    ("丰台区已与高校", {"丰台区"}, "高校"),
    ("中国通号等重点项目", (), "重点项目"),
    ("全年新引进35岁以下大学生", (), "新引进大学生"),
    ("力争到2025年全区人才总量", (), "人才总量"),
    ("驿站总数由6个增", (), "驿站总数"),
    ("研发经费支出占地区生产总值比重保持在", (), "研发经费支出占地区生产总值比重"),
    ("“海河英才”行动计划累计吸引人才落户", (), "吸引人才落户"),
    ("拥有各类有效知识产权", (), "有效知识产权"),
    ("专著等", (), "专著"),
    ("共计选手", (), "选手"),
])
def test_clean(raw, places, expected):
    assert L.clean(raw, places) == expected


@pytest.mark.parametrize("raw, unit, measure, expected", [
    ("新增高技能人才数量", "count", "人", "新增高技能人才数量"),  # a flow keeps 新增
    ("引进教师数量", "count", "名", "引进教师数量"),  # 引进 defines the indicator
    ("培训高素质农民数量", "count", "人次", "培训高素质农民人次"),
    ("举办招聘会数量", "count", "场次", "举办招聘会场次"),  # 17场次, not 17场 and a noun 次
    ("准格尔旗建成人才公寓数量", "count", "栋", "人才公寓栋数"),
    ("滑县人才总量数量", "count", "人", "人才总量"),
    ("促成合作订单", "CNY", "", "合作订单金额"),
    ("完成固定资产投资", "CNY", "", "固定资产投资"),
    ("实现社会消费品零售额", "CNY", "", "社会消费品零售总额"),
    ("人才净流入增长", "percent", "", "人才净流入同比增长"),
    ("占全市的", "percent", "", "占全市比重"),
    ("35岁以下的占", "percent", "", "35岁以下占比"),  # the age group is the share's subject here
    ("其中硕士以上学历的占", "percent", "", "硕士以上学历占比"),
])
def test_label(raw, unit, measure, expected):
    assert L.label(raw, unit, measure, places={"准格尔旗", "滑县"}) == expected


def test_no_dangling_particle_and_short():
    for raw in ("专著等", "对入选人才创办的企业给予", "同比分别增长8.1%和", "达成就业意向的"):
        out = L.clean(raw)
        assert out and out[-1] not in "的了等和及与在为至达", out


def test_bare_growth_uses_subject():
    assert L.label("同比增长", "percent", subject="新增人才") == "新增人才同比增长"
    assert L.label("占比", "percent", subject="人才总量") == "人才总量占比"
    assert L.label("栋数量", "count", "栋", subject="公寓") == "公寓栋数"
    assert L.subject_of("新设经营主体数量") == "新设经营主体"
    assert L.subject_of("人才贡献率提升") == "人才贡献率"
    assert L.respectively("同比分别增长8.1%和12.4%") == 2


def test_canonical_vocabulary_is_small_and_general():
    assert 20 <= len(set(L.VOCAB.values())) <= 40  # indicators, each with its synonyms
    assert L.canonical("国家级高新技术企业") == L.canonical("国高新企业") == "国家高新技术企业"
    assert L.canonical("人才资源总量") == "人才总量"
    assert L.canonical("新增就业") == "城镇新增就业人数"
    assert L.canonical("新增就业大学生") == "新增就业大学生"  # whole match only


# -- program attribution of metrics -------------------------------------------

def test_metric_after_a_program_named_earlier_has_no_program():
    text = ("丰台区实施领军型教师培养计划，依托“四春计划”打通学员融通通道，探索精准培训，"
            "力争2027年建成400人左右的领军型教师团队。")
    m = next(m for m in extract(text).metrics if m.quantity.value == 400)
    assert m.program is None


def test_metric_about_the_program_keeps_it():
    text = "青秀区推出“东盟人才驿站”。今年以来，“东盟人才驿站”已服务东盟留学生2300余人次。"
    m = next(m for m in extract(text).metrics if m.quantity.value == 2300)
    assert m.program and "东盟人才驿站" in m.program


def test_program_in_a_list_does_not_own_the_total():
    text = "丰台区将开展“启航计划”“陪跑计划”“扶摇计划”等40余项活动，服务青年人才。"
    m = next(m for m in extract(text).metrics if m.quantity.value == 40)
    assert m.program is None


def test_launch_offers_stay_with_the_program():
    text = ("丰台区正式启动“学子回家”行动，提供超2000个实践就业岗位、300余个免租减租工位、"
            "超500套人才公寓。")
    x = extract(text)
    assert x.incentives and all(i.program and "学子回家" in i.program for i in x.incentives)


def test_a_label_does_not_end_on_the_word_that_opens_a_change():
    from policies.extraction import labels
    assert labels.label("驿站总数由", "count", "个") == "驿站总数"


def test_money_put_into_something_is_labelled_with_what_it_builds():
    text = "齐河县共斥资2亿多元建设1860套人才公寓。"
    m = next(m for m in extract(text).metrics if m.quantity.unit == "CNY")
    assert m.label == "斥资建设人才公寓" and m.indicator == "talent_apartment_investment"


def test_gong_you_opens_no_label_but_a_shared_ownership_home_keeps_it():
    from policies.extraction import extract

    x = extract("安吉县人才工作综述\n全县共有博士后工作站3个、院士工作站2个。共有产权房签约人才1200人。")
    assert [m.label for m in x.metrics] == ["博士后工作站数量", "院士专家工作站数量", "共有产权房签约人才数量"]


def test_flats_handed_over_keep_their_noun_and_visits_to_firms_count_in_jia_ci():
    # 已 after the flats says what was done to them: they are the label, not a subject that goes.
    assert _label_of("丰台区人才公寓1000套已交付使用。", 1000) == "人才公寓交付使用数量"
    assert _label_of("丰台区今年人才公寓300套已分配。", 300) == "人才公寓分配数量"
    # 家次 is one measure (visits to firms), not 家 followed by a stray 次.
    x = extract("丰台区今年以来走访服务企业2000余家次。")
    assert [(m.label, m.quantity.measure) for m in x.metrics] == [("走访服务企业家次", "家次")]


def test_sessions_are_one_measure_word_and_a_job_fairs_count():
    from policies.extraction import extract
    [m] = extract("某区人才工作。共举办招聘会17场次。").metrics
    assert (m.label, m.quantity.value, m.indicator) == ("举办招聘会场次", 17, "job_fairs")


def test_what_counted_things_serve_as_is_part_of_their_label():
    """118家企业作为实践基地 counts practice-base firms, not the district's firms (企业数量), nor 企业作."""
    from policies.extraction import extract
    [m] = extract("某区人才工作。118家企业作为实践基地。").metrics
    assert m.label == "作为实践基地的企业数量"
    [m] = extract("某区人才工作。118家企业成为实践基地。").metrics
    assert m.label == "成为实践基地的企业数量"


def test_a_modifier_and_particles_do_not_make_the_label():
    """就举办了81期以就业为主的人才集市 counts 人才集市 (it read 就举办了以就业数量)."""
    from policies.extraction import extract
    [m] = extract("某区人才工作。今年1到8月份，就举办了81期以就业为主的人才集市。").metrics
    assert (m.label, m.indicator) == ("举办人才集市数量", "job_fairs")
    [m] = extract("某区人才工作。吸引了50多家企业入驻。").metrics
    assert m.label == "吸引企业入驻数量"


def test_a_respectively_run_gives_each_figure_its_listed_subject():
    from policies.extraction import extract

    def labels_of(text):
        return [(m.label, m.quantity.value) for m in extract("某区人才工作。" + text).metrics]
    assert labels_of("博士、硕士分别为30人和50人。") == [("博士数量", 30), ("硕士数量", 50)]
    assert labels_of("全区地区生产总值和一般公共预算收入分别为312亿元、20.5亿元。") == [
        ("地区生产总值", 312e8), ("一般公共预算收入", 20.5e8)]
    assert labels_of("人才公寓包括一室一厅和两室一厅两种户型，分别为43平方米和56平方米。") == [
        ("户型面积", 43), ("户型面积", 56)]
    # growth figures still take the subjects of the figures before them
    assert labels_of("新增人才5000人、高层次人才300人，同比分别增长8.1%和12.4%。")[2:] == [
        ("新增人才同比增长", 8.1), ("高层次人才同比增长", 12.4)]


def test_an_area_is_the_area_of_the_noun_after_it():
    """配有1000㎡公共共享空间 measures the shared space (it read 配); the clause's
    own area word stays (总建筑面积, 占地), and an area with a noun before it
    keeps that noun."""
    def area(text, value):
        return _label_of("某区人才工作。" + text, value, "m2")
    assert area("人才公寓还配有1000㎡公共共享空间。", 1000) == "公共共享空间面积"
    assert area("建成总建筑面积5万平方米的创业园。", 50000) == "创业园总建筑面积"
    assert area("园区配建占地20亩的物流中心。", 13333.33334) == "物流中心占地面积"
    assert area("户型以60平方米左右的两室一厅为主。", 60) == "两室一厅面积"
    assert area("人才公寓建筑面积1.2万平方米。", 12000) == "人才公寓建筑面积"


def test_a_subject_and_still_do_not_open_a_label():
    """政府还投资2600余万元: the label does not start with who paid and 还."""
    [m] = extract("某区人才工作。政府还投资2600余万元。").metrics
    assert m.label == "投资"
