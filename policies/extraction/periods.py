"""Periods and target flags.

A figure's period is the last time expression before it in its paragraph
(2023年 -> "2023", 2024年第一季度 -> "2024Q1", 2024年4月 -> "2024-04" (a full
date such as 2024年4月26日 only dates an event, so it gives the year), 1—4月 -> "2024-01..2024-04" with
the year taken from the context, 今年 from the publication date); 目前, 截至目前,
累计 and the like reset it to None. A figure is a target when its sentence
states a goal before it (到2025年, 力争, 目标, or a plan with 将); the period is
then the target year when one is given. 将 as 把 (将人才工作作为…) states no
plan, 截至2023年 and 增至2023年 no goal.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .lexicon import any_of, entries, longest_first, words
from .numbers import parse_number
from .speed import quick

_W = entries("periods_words")

_CN_Q = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# a year named from the publication's (lexicon/relative_years.txt): word -> years
# to add, and the words of the year the text is about (全年, 年末: of the time word before)
_RELATIVE = entries("relative_years")
_ABOUT = frozenset(_RELATIVE["about"])
_YEARS_ADDED = {w: int(k) for k, ws in _RELATIVE.items() if k != "about" for w in ws}
_RELATIVE_WORDS = any_of(longest_first([*_YEARS_ADDED, *_ABOUT]),
                         {"全年": r"(?<!完成)全年(?!目标|任务|计划)"})  # 完成全年目标 is no period
# what ends the period before it (lexicon/period_resets.txt); 今年以来 is a period
_RESETS = any_of(longest_first(words("period_resets")), {"以来": r"(?<!年)以来"})
TIME_RE = quick(re.compile(
    # 2022年至2027年, 2019—2023年: a span of years
    r"(?P<ys>(?:19|20)\d\d)年?(?:至|到|[-—–~])(?P<ye>(?:19|20)\d\d)年"
    r"|(?P<year>(?:19|20)\d\d)(?:年|(?=“))"
    r"(?:(?:第)?(?P<q>[一二三四1-4])季度|(?P<half>上半年|下半年)|前三季度(?P<q3>)"
    r"|(?P<m1>\d{1,2}|[一二三四五六七八九十]{1,2})[-—–~至到](?P<m2>\d{1,2}|[一二三四五六七八九十]{1,3})月"
    r"|(?P<mon>\d{1,2})月)?"
    r"|(?:第)?(?P<qa>[一二三四])季度|(?P<halfa>上半年|下半年)|(?P<q3a>前三季度)"
    r"|(?P<m1a>\d{1,2}|[一二三四五六七八九十]{1,2})[-—–~至到](?P<m2a>\d{1,2}|[一二三四五六七八九十]{1,3})月(?!\d)"
    rf"|(?P<rel>{_RELATIVE_WORDS})(?!\d)"
    r"|(?<![\d年月])(?P<dm>\d{1,2})月\d{1,2}日"
    rf"|(?P<reset>{_RESETS})"
))
# a time word after 比/较 is the base of a comparison (比上年提高, 较上半年收窄),
# not the period of the figure
_COMPARED = re.compile(any_of(_W["compared"]) + "$")
# 今年以来 dates what follows in its sentence: 今年以来…先后选派 / 累计服务 stay this year
_SINCE_THIS_YEAR = re.compile(r"(?:今年|本年)以来")
# a stated goal: 到2025年, 力争, 目标是
# (not the end of a span of years: 2021年至2023年 dates what it reports)
_GOAL = (r"(?:(?<![截止年])到|(?<![增提升扩降减达截止年])至|" + any_of(_W["goal_lead"]) + r")(?:到)?((?:19|20)\d\d)年|"
         + any_of(_W["goal_word"]))
# a plan: 将 (not 将近, 将来, nor 将 as 把: 将人才工作作为…), 计划/拟/预计 + a verb
_PLAN = (r"将(?!近|来|[^,，。;；]{0,12}?" + any_of(_W["plan_as"]) + ")"
         r"|(?:计划|拟|预计)(?=[新发引建开提实完投举推设打培招筹增斥])")
GOAL_RE = quick(re.compile(_GOAL))
TARGET_RE = quick(re.compile(f"{_GOAL}|{_PLAN}"))
TARGET_YEAR_RE = re.compile(any_of(_W["target_year_lead"]) + r"(?:到|在)?((?:19|20)\d\d)年|“?(十[一二三四五六])五”?(?:期间|时期|末)")
# the last year of a five-year plan period (“十五五”期间 -> 2030)
FIVE_YEAR_END = {"十一": "2010", "十二": "2015", "十三": "2020", "十四": "2025", "十五": "2030", "十六": "2035"}


@dataclass
class TimeMark:
    pos: int
    period: str | None
    year: int | None


def _month(s: str) -> int | None:
    v = parse_number(s)
    return int(v) if v and 1 <= v <= 12 else None


def time_marks(norm: str, published_year: int | None) -> list[TimeMark]:
    marks: list[TimeMark] = []
    ctx_year = None
    since = -1  # end of the last 今年以来
    for m in TIME_RE.finditer(norm):
        g = m.groupdict()
        if _COMPARED.search(norm, max(0, m.start() - 2), m.start()):
            continue
        if norm.rfind("《", 0, m.start()) > norm.rfind("》", 0, m.start()):
            continue  # 《…人才发展规划（2011-2020年）》: a document's name, not a time
        if g["reset"]:
            if since >= 0 and not re.search(r"[。!?！？\n]", norm[since: m.start()]):
                continue
            marks.append(TimeMark(m.start(), None, ctx_year))
            continue
        if g["ys"]:
            ctx_year = int(g["ye"])
            if int(g["ys"]) < ctx_year:
                marks.append(TimeMark(m.start(), f"{g['ys']}..{g['ye']}", ctx_year))
                continue
            g["year"] = g["ye"]  # 2023年至2023年: one year
        if g["year"]:
            y = int(g["year"])
            ctx_year = y
        elif g["dm"]:
            # a dateline or event date with no year (12月3日，…): that year
            y = ctx_year or published_year
            if y is None or not _month(g["dm"]):
                continue
            marks.append(TimeMark(m.start(), str(y), y))
            continue
        elif g["rel"]:
            if g["rel"] in _ABOUT:
                # the year the text is about: of the last time word (今年…全年)
                y = (marks[-1].year if marks and marks[-1].period else None) or ctx_year or published_year
            elif published_year is None:
                continue
            else:
                y = published_year + _YEARS_ADDED[g["rel"]]
            if y is None:
                continue
            if _SINCE_THIS_YEAR.match(norm, m.start()):
                since = m.end()
        else:
            y = ctx_year or published_year
            if y is None:
                continue
        period = _period_in(g, y, norm[m.end(): m.end() + 3])
        marks.append(TimeMark(m.start(), period, y))
    return marks


def _period_in(g: dict, y: int, after: str) -> str:
    """The period a time word of year `y` names: a quarter, a half, months or the year."""
    q = g["q"] or g["qa"]
    half = g["half"] or g["halfa"]
    m1, m2 = g["m1"] or g["m1a"], g["m2"] or g["m2a"]
    if q:
        return f"{y}Q{_CN_Q[q]}"
    if half:
        return f"{y}-01..{y}-06" if half == "上半年" else f"{y}-07..{y}-12"
    if g["q3"] is not None or g["q3a"]:
        return f"{y}-01..{y}-09"
    if m1 and m2 and _month(m1) and _month(m2):
        return f"{y}-{_month(m1):02d}..{y}-{_month(m2):02d}"
    if g["mon"] and _month(g["mon"]) and not re.match(r"\d{1,2}日", after):
        return f"{y}-{_month(g['mon']):02d}"  # 2024年4月: that month
    return str(y)  # a year, or a full date (2024年4月26日) that dates an event in its year


def period_at(marks: list[TimeMark], positions: list[int], pos: int, para_start: int) -> str | None:
    k = bisect_right(positions, pos) - 1
    if k < 0 or marks[k].pos < para_start:
        return None
    return marks[k].period




def target_at(sentence_before: str, plans: bool = True) -> tuple[bool, str | None]:
    """Is a figure a goal, given the text of its sentence before it?

    With plans=False only stated goals count (到2025年, 力争), not plans with 将:
    an offer that a district will make is still an offer, not a target.
    """
    m = (TARGET_RE if plans else GOAL_RE).search(sentence_before)
    if not m:
        return False, None
    y = TARGET_YEAR_RE.search(sentence_before)
    if not y:
        return True, None
    return True, y.group(1) or FIVE_YEAR_END.get(y.group(2))
