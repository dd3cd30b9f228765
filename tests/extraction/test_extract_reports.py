"""Rules of the work-report, year-end-summary and county-media genre.

Short texts written for these tests (districts and figures of their own):
periods of 全年/过去一年/上年, comparison bases, goal lists, five-year-plan
targets, datelines and bylines, cross-region items, spent money and created
jobs as results, autonomous banners by their short name.
"""
from policies.extraction import extract, meta
from policies.extraction.places import gazetteer

from .test_extract_articles import _check_spans, _find


def test_year_end_summary_periods():
    text = ("南湖区2023年人才工作总结\n发布时间：2024-01-12\n"
            "　　2023年，南湖区人才工作稳步推进。\n"
            "　　全年新增青年人才7300人，新建实训基地6个。\n"
            "　　前三季度，全区服务业营业收入同比下降2.4%，降幅比上半年收窄0.7个百分点。\n")
    x = extract(text)
    _check_spans(text, x)
    assert _find(x.metrics, 7300, "count").period == "2023"
    assert _find(x.metrics, 6, "count").period == "2023"
    assert _find(x.metrics, 2.4, "percent").period == "2023-01..2023-09"
    narrowed = _find(x.metrics, 0.7, "percent")  # 比上半年 is the base, not the period
    assert narrowed.period == "2023-01..2023-09"


def test_past_year_and_goal_list():
    text = ("金湾区人民政府工作报告（摘要）\n发布时间：2025-01-20\n"
            "　　过去一年，全区新引进博士126名，同比增长9.3%。\n"
            "　　今年主要预期目标：地区生产总值增长6%左右；新引进大学生1.2万人以上；城镇调查失业率控制在6%以内。\n"
            "　　“十五五”期间，力争人才资源总量突破30万人。\n")
    x = extract(text)
    _check_spans(text, x)
    assert _find(x.metrics, 126, "count").period == "2024"
    assert not _find(x.metrics, 126, "count").target
    goals = [m for m in x.metrics if m.quantity.unit == "percent" and m.quantity.value == 6]
    assert sorted(m.quantity.qualifier for m in goals) == ["approx", "le"]  # two goals, not a pairing
    assert all(m.target and m.period == "2025" for m in goals)
    students = _find(x.metrics, 12000, "count")
    assert students.target and students.quantity.qualifier == "ge"
    total = _find(x.metrics, 300000, "count")
    assert total.target and total.period == "2030"


def test_dateline_and_byline():
    text = ("新津区：青年人才夜校开班\n新津区融媒体中心　2024-10-16\n"
            "　　本网讯（通讯员 赵丽）10月15日，新津区青年人才夜校开班，首期学员85名。今年以来，新津区累计举办人才活动42场。\n")
    assert meta.publisher(text) == "新津区融媒体中心"
    assert meta.published(text) == "2024-10-16"
    x = extract(text)
    _check_spans(text, x)
    assert _find(x.metrics, 42, "count").period == "2024"  # 今年以来…累计: this year


def test_cross_region_figures_and_objects():
    text = ("　　本网讯 9月20日，江阴市与阿荣旗人才协作签约仪式举行。根据协议，江阴市将每年接收阿荣旗农技人才15名跟岗学习。"
            "今年以来，阿荣旗新增乡土人才320人，同比增长7.5%。\n")
    x = extract(text)
    _check_spans(text, x)
    assert set(x.districts) == {"320281", "150721"}
    assert _find(x.metrics, 15, "count").district == "320281"  # 接收阿荣旗…: 阿荣旗 is the object
    assert _find(x.metrics, 320, "count").district == "150721"


def test_banner_and_autonomous_county_short_forms():
    g = gazetteer()
    assert "150724" in g.by_short["鄂温克旗"]
    assert "150722" in g.by_short["莫力达瓦旗"]
    assert "420528" in g.by_short["长阳县"]


def test_money_spent_and_jobs_created_are_results():
    text = ("　　今年以来，青白江区已投入人才发展资金1200万元，新增就业岗位4500个。"
            "青白江区每年安排人才发展专项资金不少于5000万元，并提供见习岗位300个。\n")
    x = extract(text)
    _check_spans(text, x)
    assert _find(x.metrics, 12000000, "CNY")
    assert _find(x.metrics, 4500, "count")
    assert _find(x.incentives, 50000000, "CNY").kind == "fund"
    assert _find(x.incentives, 300, "count").kind == "jobs"


def test_listed_districts_share_out_the_figures():
    text = ("　　本网讯 12月6日，临海市、三门县与宁波市海曙区签署人才飞地共建协议，"
            "临海市、三门县分别入驻企业9家、7家。\n")
    x = extract(text)
    _check_spans(text, x)
    assert _find(x.metrics, 9, "count").district == "331082"
    assert _find(x.metrics, 7, "count").district == "331022"
