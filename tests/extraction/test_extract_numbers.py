"""Unit tests of numerals, qualifiers and periods (no article needed)."""
from policies.extraction.numbers import is_round, parse_cn, parse_number, qualifier
from policies.extraction.periods import target_at, time_marks
from policies.extraction.quantities import find_quantities
from policies.extraction.text import normalise


def test_chinese_numerals():
    assert parse_cn("三百") == 300
    assert parse_cn("一百") == 100
    assert parse_cn("百") == 100
    assert parse_cn("万") == 10000
    assert parse_cn("十二") == 12
    assert parse_cn("两千") == 2000


def test_multipliers():
    assert parse_number("2.13", "万") == 21300
    assert parse_number("247.8", "亿") == 24780000000
    assert parse_number("1,200") == 1200
    # the decimals as written, not their binary product (2.3 * 1e8 is 229999999.99999997)
    assert parse_number("2.3", "亿") == 230000000
    assert [q.value for q in find_quantities("发放人才贷2.3亿元，投入0.7万元，补贴0.3-2.3亿元")] == [
        230000000, 7000, 30000000, 230000000]


def test_qualifier_words():
    assert qualifier("超", None, 2000) == "gt"
    assert qualifier(None, "余", 300) == "gt"
    assert qualifier(None, "以上", 5) == "ge"
    assert qualifier("不少于", None, 5) == "ge"
    assert qualifier("最长可达", None, 3) == "le"
    assert qualifier("不超过", None, 3) == "le"
    assert qualifier("约", None, 5) == "approx"
    assert qualifier(None, "左右", 400) == "approx"
    assert qualifier("近", None, 300) == "lt"
    assert qualifier("近", None, 256) == "approx"
    assert qualifier(None, None, 7) == "eq"
    assert is_round(100) and is_round(3000) and not is_round(250)


def _q(text):
    return [(q.value, q.value_max, q.unit, q.qualifier) for q in find_quantities(normalise(text).norm)]


def test_quantity_forms():
    assert _q("一百余项") == [(100, None, "count", "gt")]
    assert _q("免租三年") == [(3, None, "year", "eq")]
    assert _q("5万元至20万元") == [(50000, None, "CNY", "ge"), (200000, None, "CNY", "le")]
    assert _q("5-20万元") == [(50000, None, "CNY", "ge"), (200000, None, "CNY", "le")]
    assert _q("50——100万元不等") == [(500000, None, "CNY", "ge"), (1000000, None, "CNY", "le")]
    assert _q("3至5年") == [(3, None, "year", "ge"), (5, None, "year", "le")]
    assert _q("逾1500名") == [(1500, None, "count", "gt")]
    assert _q("23.3万人以上") == [(233000, None, "count", "ge")]
    assert _q("超16000平方米") == [(16000, None, "m2", "gt")]
    assert _q("约5万平方米") == [(50000, None, "m2", "approx")]
    assert _q("增长6.5%") == [(6.5, None, "percent", "eq")]
    assert _q("提高2.5个百分点") == [(2.5, None, "percent", "eq")]
    assert _q("由10家增至30家") == [(10, None, "count", "eq"), (30, None, "count", "eq")]
    assert _q("分别给6、9、15万元") == [(60000, None, "CNY", "eq"), (90000, None, "CNY", "eq"),
                                   (150000, None, "CNY", "eq")]
    assert _q("第1、3、5年") == []
    assert _q("规划总面积500亩")[0][2] == "m2" and round(_q("规划总面积500亩")[0][0]) == 333333
    assert _q("增长了18倍") == [(1800, None, "percent", "eq")]
    assert _q("超六成") == [(60, None, "percent", "gt")]
    assert _q("50+家企业") == [(50, None, "count", "gt")]
    assert _q("结对20对") == [(20, None, "count", "eq")]
    assert _q("服务1200条次") == [(1200, None, "count", "eq")]
    assert _q("享受八折优惠") == [(80, None, "percent", "eq")]
    assert _q("每10枚火箭中8枚") == [(80, None, "percent", "eq")]
    assert _q("近百个项目") == [(100, None, "count", "lt")]
    assert _q("给予最高500万项目资助") == [(5000000, None, "CNY", "le")]  # 项目 is no measure word 项
    assert _q("签约项目12项，") == [(12, None, "count", "eq")]


def test_not_quantities():
    for text in ["2024年", "第四届", "五、", "(一)", "“19条”", "1+2+N", "“985”高校", "10号线", "居全市第一",
                 "三个篇章", "一批", "十周年", "百年树人", "11月13日", "2024-11-22 11:01", "约1个半小时",
                 "千帆竞发、万马奔腾", "一成不变", "三五成群", "1对1", "(20182025年)", "七折八扣"]:
        assert _q(text) == [], text


def test_threshold_is_not_a_figure():
    vals = _q("新设注册资本5000万元以上企业577家")
    assert vals == [(577, None, "count", "eq")]


def test_periods():
    norm = normalise("2024年第一季度,增长5%。1—4月,投资3亿元。今年,新增10人。截至目前,共20人。").norm
    marks = time_marks(norm, 2024)
    assert [m.period for m in marks] == ["2024Q1", "2024-01..2024-04", "2024", None]
    assert time_marks("上半年", 2023)[0].period == "2023-01..2023-06"


def test_targets():
    assert target_at("到2027年,全县") == (True, "2027")
    assert target_at("力争2026年") == (True, "2026")
    assert target_at("全区将") == (True, None)
    assert target_at("全区将", plans=False) == (False, None)
    assert target_at("2023年,全区") == (False, None)


def test_bounding_word_before_the_verb_and_vague_numbers():
    assert _q("最高给予100万元") == [(1000000, None, "CNY", "le")]
    assert _q("最长可享受3年") == [(3, None, "year", "le")]
    for text in ["每万人", "数十家", "上百名", "近5年来", "3年内", "35周岁以下"]:
        assert _q(text) == [], text


def test_noise_inside_numbers():
    assert _q("超2\u2009000个岗位") == [(2000, None, "count", "gt")]
    assert _q("发放补贴1\ufffd200万元") == [(12000000, None, "CNY", "eq")]
    assert _q("新增１２００个") == [(1200, None, "count", "eq")]


def test_blanks_around_numbers_as_some_pages_set_them():
    for spaced, plain in [("面积为 20 - 40 平方米", "面积为20-40平方米"),
                          ("给予 50 —— 100 万元不等的创业资助", "给予50——100万元不等的创业资助"),
                          ("第1、3、5年分别给 6 、 9 、 15 万元", "第1、3、5年分别给6、9、15万元"),
                          ("共有“鸿雁嘉宾” 72 人", "共有“鸿雁嘉宾”72人"),
                          ("配有 1000 ㎡公共共享空间", "配有1000㎡公共共享空间")]:
        assert _q(spaced) == _q(plain) != [], spaced
