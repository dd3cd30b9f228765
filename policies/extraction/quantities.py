"""Finding quantities in normalised text: number + qualifier + unit.

One compiled regex finds every candidate (prefix qualifier, number, optional
multiplier, optional range, 余/多, unit or measure word, suffix qualifier);
small checks then drop what is not a figure: years and dates, ordinals (第四届),
list markers, numbers inside names (1+2+N, “985”, 10号线, 19条), single
Chinese digits used as epithets (三个篇章, 五大), the old value of a change
(由10家增至30家), and thresholds that only qualify a noun (注册资本5000万元以上企业).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import CN_NUMERAL_CHARS, SUFFIX_QUALIFIERS, parse_number, qualifier

_PREFIX = "|".join(sorted(
    ["超过", "超出", "逾", "多于", "高于", "大于", "突破", "超", "不少于", "不低于", "至少", "起码",
     "不超过", "不高于", "不多于", "最长", "最高", "最多", "最大", "可达", "上限", "大约", "约", "大概",
     "将近", "接近", "近", "不到", "不足", "少于", "低于"], key=len, reverse=True))
_NUM = rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|[{CN_NUMERAL_CHARS}]+)"
_MULT = r"(?:万亿|千万|百万|万|亿)"
# Units, longest first. Money and area carry their own multiplier (万元).
_MONEY = r"(?:万亿元|千万元|百万元|亿元|万元|千元|元)"
_AREA = r"(?:万平方米|平方公里|平方米|平米|㎡|m2|m²)"
_PCT = r"(?:个百分点|百分点|%)"
_DUR = r"(?:个工作日|工作日|个月|天|年)"
# Measure words of counts. 人 must not start 人才; 条 (19条), 号 (10号线),
# 届, 周 are left out on purpose: they name things or order them. 节 (lessons) is
# a measure unless it starts 节日/节约/节能….
_MEASURE = r"(?:人次|万人次|人(?!才|民|员|类|工|口径)|名(?!校|医|师|牌|单|誉|称|义|片)|个|套|家|位|项|所|张|间|床|座|栋|幢|份|户|支|场|次|件|台|枚|篇|部|门|类|种|期|辆|笔|株|处|批次|家次|节(?![日约能点省假庆目])|堂)"
_UNIT = rf"(?:{_MONEY}|{_AREA}|{_PCT}|{_DUR}|{_MEASURE})"
_RANGE = r"(?:至|到|-|—|–|~)"

QTY_RE = re.compile(
    # 最高给予100万元, 最长可享受3年: a bounding word may stand before the verb
    rf"(?:(?P<pre>{_PREFIX})(?:可(?:给予|享受|获得?|达)?|给予|享受|获得|奖励|补贴|补助|资助|支持|一次性|减免|免租金|免租|发放|入住)*)?(?:达到|达|为|至)?"
    rf"(?P<n1>{_NUM})(?P<m1>{_MULT})?"
    rf"(?:(?P<u1>{_UNIT})?{_RANGE}(?P<n2>{_NUM})(?P<m2>{_MULT})?)?"
    rf"(?P<more>余|多)?"
    rf"(?P<unit>{_UNIT})?"
    rf"(?P<post>及以上|以上|及以下|以下|以内|左右|上下)?"
)
# 每10枚火箭中8枚 -> 80 percent
RATIO_RE = re.compile(r"每(?P<d>\d+)(?P<mw>[个枚家名人位所项])(?P<noun>[^,，。;；、]{0,12}?)中(?:有)?(?P<n>\d+)(?P=mw)")
PCT_CN_RE = re.compile(rf"百分之(?P<n>[{CN_NUMERAL_CHARS}点]+|\d+(?:\.\d+)?)")

MONEY_NOUN = re.compile(r"^[^,，。;；、]{0,10}?(基金|资金|奖励|补贴|资助|经费|补助|奖金|投资|贷款|融资)")
RENT_CONTEXT = re.compile(r"(免租|减租|最长|可达|长达|为期|期限|补贴|租期)$")
RENT_AFTER = re.compile(r"^(?:内)?(?:的)?(?:免租|减租|免收|租金减|房租减|免费)")
# a verb that counts people or things: the Chinese digit after it is a figure
COUNT_VERB = re.compile(r"(?:引进|招聘|招引|新增|新建|建成|引育|培养|选派|录用|聘请|认定|培育|入选|达到|共有|共|累计)$")
# the parts of a plan, counted with a small Chinese numeral: an enumeration
ENUMERATION_AFTER = re.compile(r"^(?:[\u4e00-\u9fff]{0,2}(?:任务|举措|措施|方面|行动|工程|环节|机制|工作|篇章|领域|体系|条))")
# 占比近四成: a share in tenths
SHARE_RE = re.compile(r"(?:占比|比重|比例|占[^,，。;；\d]{0,4}?的?)(?:达|达到|为)?(?P<pre>近|约|超过|超|逾)?"
                      r"(?P<n>[一二三四五六七八九])成(?P<post>左右)?(?![员立为功果本熟长效都就型])")
CHANGE_AFTER = re.compile(r"^(增|提|扩|升|上升|增加|增长|提高|提升|扩大|翻)(至|到|为)")
THRESHOLD_AFTER = re.compile(r"^[\u4e00-\u9fff]{0,6}?(企业|项目|单位|公司|人才|团队)")
DATE_LIKE_AFTER = re.compile(r"^(:\d|\.\d|/\d)")


@dataclass
class RawQuantity:
    start: int  # span in normalised text, qualifier included
    end: int
    num_start: int
    value: float
    value_max: float | None
    unit: str
    measure: str
    qualifier: str
    chinese: bool


def unit_of(u: str) -> tuple[str, float, str]:
    """(unit code, multiplier, measure word) of a unit string."""
    if u.endswith("元"):
        mult = {"万亿元": 1e12, "千万元": 1e7, "百万元": 1e6, "亿元": 1e8, "万元": 1e4, "千元": 1e3}.get(u, 1)
        return "CNY", mult, ""
    if u in ("万平方米",):
        return "m2", 1e4, ""
    if u == "平方公里":
        return "m2", 1e6, ""
    if u in ("平方米", "平米", "㎡", "m2", "m²"):
        return "m2", 1, ""
    if u in ("个百分点", "百分点", "%"):
        return "percent", 1, ""
    if u in ("个工作日", "工作日", "天"):
        return "day", 1, ""
    if u == "个月":
        return "month", 1, ""
    if u == "年":
        return "year", 1, ""
    if u == "万人次":
        return "count", 1e4, "人次"
    return "count", 1, u


def _in_short_quote(norm: str, i: int) -> bool:
    """Inside “…” of at most 12 characters: a name (“985”, “十项行动”)."""
    left = norm.rfind("“", max(0, i - 12), i)
    if left < 0:
        return False
    if norm.find("”", left, i) >= 0:
        return False
    right = norm.find("”", i, i + 12)
    return right >= 0 and right - left <= 13


def _share_bounds(out: list[RawQuantity], norm: str) -> None:
    """A bounding word before a list bounds every item of it: 分别给予最高40万元、
    15万元、3万元 is three amounts of at most 40万, 15万 and 3万."""
    for prev, q in zip(out, out[1:]):
        if (q.qualifier == "eq" and prev.qualifier in ("le", "ge") and prev.unit == q.unit
                and norm[prev.end: q.start] == "、"):
            q.qualifier = prev.qualifier


def find_quantities(norm: str) -> list[RawQuantity]:
    out: list[RawQuantity] = []
    taken: list[tuple[int, int]] = []
    for m in RATIO_RE.finditer(norm):
        d, n = float(m.group("d")), float(m.group("n"))
        if 0 < n <= d:
            out.append(RawQuantity(m.start(), m.end(), m.start(), round(n / d * 100, 4), None,
                                   "percent", "", "eq", False))
            taken.append((m.start(), m.end()))
    for m in QTY_RE.finditer(norm):
        q = _check(norm, m, taken)
        if q is not None:
            out.append(q)
    for m in SHARE_RE.finditer(norm):
        v = parse_number(m.group("n")) * 10
        start = m.start("pre") if m.group("pre") else m.start("n")
        out.append(RawQuantity(start, m.end(), m.start("n"), v, None, "percent", "",
                               qualifier(m.group("pre"), m.group("post"), v), True))
    for m in PCT_CN_RE.finditer(norm):
        v = parse_number(m.group("n")) if "点" not in m.group("n") else None
        if v is not None:
            out.append(RawQuantity(m.start(), m.end(), m.start(), v, None, "percent", "", "eq", True))
    out.sort(key=lambda q: q.start)
    _share_bounds(out, norm)
    return out


def _check(norm: str, m: re.Match, taken: list[tuple[int, int]]) -> RawQuantity | None:
    n1, m1, unit_s = m.group("n1"), m.group("m1") or "", m.group("unit")
    ns, ne = m.start("n1"), m.end()
    if any(s <= ns < e for s, e in taken):
        return None
    chinese = not n1[0].isdigit()
    before = norm[max(0, ns - 2): ns]
    after = norm[ne: ne + 12]
    # ordinals, list markers, names with +, parts of a bigger number or code
    # 每万人 (a rate base), 第/首 (ordinals); 数十家, 上百名, 几千 (vague)
    if chinese and before.endswith(("数", "几", "上", "成百")):
        return None
    if before.endswith(("第", "首", "+", "No", "#", "每")) or norm[m.end("n1"):m.end("n1") + 1] == "+":
        return None
    if ns > 0 and (norm[ns - 1].isdigit() or norm[ns - 1] in ".-/:"
                   or ("A" <= norm[ns - 1] <= "z")):
        return None
    if _in_short_quote(norm, ns):
        return None
    money_without_yuan = False
    if not unit_s:
        # 2000万人才建设专项基金: 万/亿 without 元 is money when a money noun follows
        if (m1 or (chinese and n1[-1] in "万亿")) and MONEY_NOUN.match(norm[m.end():m.end() + 14]):
            money_without_yuan = True
        else:
            return None
    if unit_s and m.group("post") is None and DATE_LIKE_AFTER.match(after):
        return None
    if unit_s == "个" and norm[ne: ne + 1] in ("半", "小", "钟", "星") or norm[ne:ne + 2] == "小时":
        return None
    value = parse_number(n1, m1)
    if value is None:
        return None
    if money_without_yuan:
        unit, mult, measure = "CNY", 1, ""
    else:
        unit, mult, measure = unit_of(unit_s)
    # a time span, not an offer: 近5年来, 3年内, 两年间
    # (三年内免收租金 is a rent-free period of three years)
    if unit in ("year", "month", "day") and re.match(r"(?:来|以来|内|间|前|后|里|中|期间)", norm[ne:ne + 2]) \
            and not RENT_AFTER.match(norm[ne + 1: ne + 5]):
        return None
    # a year, not a duration: 2023年, (2024—2026年)
    if unit == "year" and not m.group("pre") and 1900 <= value <= 2100 and not m1:
        return None
    if chinese:
        # single Chinese digits are epithets (三个篇章, 一批); keep them only
        # for durations in a rent context (免租三年)
        rent = RENT_CONTEXT.search(norm[max(0, ns - 4): ns]) or RENT_AFTER.match(norm[ne: ne + 4])
        if value < 10 and not m1:
            if unit in ("year", "month", "day"):
                if not rent:
                    return None
            elif unit != "count" or n1 == "一" or not COUNT_VERB.search(norm[max(0, ns - 4): ns]) \
                    or ENUMERATION_AFTER.match(norm[ne: ne + 6]):
                return None
        # 十项重点任务, 三个方面: the parts of a plan
        if value <= 10 and unit == "count" and ENUMERATION_AFTER.match(norm[ne: ne + 6]):
            return None
        # 百年, 千年: set phrases, not durations
        if unit in ("year", "day") and not rent:
            return None
    value *= mult
    vmax = None
    if m.group("n2"):
        n2v = parse_number(m.group("n2"), m.group("m2") or "")
        if n2v is None:
            return None
        vmax = n2v * mult
        if not m1 and m.group("m2") and not m.group("u1"):
            value *= {"万": 1e4, "亿": 1e8}.get(m.group("m2"), 1)  # 5-20万元
        if m.group("u1"):
            u1, mult1, _ = unit_of(m.group("u1"))
            value = parse_number(n1, m1) * mult1
        if vmax < value:
            return None  # 1—4 is fine, 2023-06 is not a range of a unit
    # old value of a change: 由10家增至30家
    if CHANGE_AFTER.match(norm[ne: ne + 4]):
        return None
    post = m.group("post")
    # threshold qualifying a noun that another number counts: 5000万元以上企业577家
    if post in ("以上", "以下", "及以上") and THRESHOLD_AFTER.match(norm[ne:ne + 12]):
        rest = norm[ne: ne + 20]
        stop = re.search(r"[,，。;；]", rest)
        if re.search(r"\d", rest[: stop.start() if stop else len(rest)]):
            return None
    pre = m.group("pre")
    qual = qualifier(pre, m.group("more") or post, value)
    if m.group("more") and post:
        qual = qualifier(None, post, value) if post in ("以上", "左右") else qual
    start = m.start("pre") if pre else ns
    return RawQuantity(start, ne, ns, value, vmax, unit, measure, qual, chinese)
