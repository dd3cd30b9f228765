"""Finding quantities in normalised text: number + qualifier + unit.

One compiled regex finds every candidate (prefix qualifier, number, optional
multiplier, optional range, 余/多, unit or measure word, suffix qualifier);
small checks then drop what is not a figure: years and dates, ordinals (第四届,
第1、3、5年), list markers, numbers inside names (1+2+N, “985”, 10号线, 19条),
single Chinese digits used as epithets (三个篇章, 五大), and thresholds that
only qualify a noun (注册资本5000万元以上企业). A change states two figures, the
old and the new (由10家增至30家). A range is two figures, its low end (ge) and
its high end (le), both quoting the whole range (30至70平米不等), as RULES.md
wants. Numbers listed before a figure take its multiplier and unit
(分别给6、9、15万元).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from .lexicon import any_of, entries, longest_first, words
from .numbers import CN_NUMERAL_CHARS, PREFIX_QUALIFIERS, parse_number, qualifier, scaled
from .rules import Rule, always, decide
from .speed import evolve, quick

_W = entries("quantities_words")

# unit word -> (unit code, multiplier, measure word), lexicon/units.txt
UNITS: dict[str, tuple[str, float, str]] = {
    w: (row[0], float(row[1]), row[2] if len(row) > 2 else "") for w, row in entries("units").items()}
_MEASURE = "(?:" + "|".join(re.escape(w) + (f"(?!{any_of(no)})" if no else "")
                            for w, no in entries("measures").items()) + ")"
# Money, area, percent and duration before the measure words: 个月 is a month, 个百分点 a percent.
_UNIT = "(?:" + "|".join(re.escape(w) for w, (code, _, _) in UNITS.items() if code != "count") + f"|{_MEASURE})"
# 约 is "about" unless it ends a word (签约五个科技创新项目): a look-behind of those words' first characters
_NOT_ABOUT = "".join(sorted({w[0] for w in _W["word_ending_in_约"]}))
_PREFIX = "|".join(f"(?<![{_NOT_ABOUT}])约" if w == "约" else re.escape(w)
                   for w in sorted(PREFIX_QUALIFIERS, key=len, reverse=True))
_MORE = any_of(words("qualifiers_after"))
_POST = "|".join(sorted(words("qualifiers_after_unit"), key=len, reverse=True))
_NUM = rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|[{CN_NUMERAL_CHARS}]+)"
_MULT = r"(?:万亿|千万|百万|万|亿)"
_RANGE = r"(?:——|至|到|-|—|–|~|－)"
# what may stand between a bound and its number (lexicon/quantity_lead_words.txt)
_LEADS = {where: any_of(longest_first(ws)) for where, ws in entries("quantity_lead_words").items()}

# 最高百分之六十, 百分之三点五, 百分之二十以上: a percent in words, bounded as QTY_RE's figures are
PCT_CN_RE = quick(re.compile(
    rf"(?:(?P<pre>{_PREFIX})(?:可{_LEADS['after_bound_and_可']}?|{_LEADS['after_bound']})*)?"
    rf"百分之(?P<n>[{CN_NUMERAL_CHARS}]+(?:点[{CN_NUMERAL_CHARS}]+)?|\d+(?:\.\d+)?)(?P<post>{_POST})?"))
QTY_RE = quick(re.compile(
    # 最高给予100万元, 最长可享受3年: a bounding word may stand before the verb
    rf"(?:(?P<pre>{_PREFIX})(?:可{_LEADS['after_bound_and_可']}?|{_LEADS['after_bound']})*)?{_LEADS['before_number']}?"
    rf"(?P<n1>{_NUM})(?P<m1>{_MULT})?"
    rf"(?:(?P<u1>{_UNIT})?{_RANGE}(?P<n2>{_NUM})(?P<m2>{_MULT})?)?"
    rf"(?P<more>{_MORE})?(?P<m3>(?(m1)(?!)|{_MULT}))?"  # 200余万人: the multiplier after 余/多
    rf"(?P<unit>{_UNIT})?"
    rf"(?P<post>{_POST})?"
))
# 每10枚火箭中8枚 -> 80 percent
RATIO_RE = re.compile(r"每(?P<d>\d+)(?P<mw>[个枚家名人位所项])(?P<noun>[^,，。;；、]{0,12}?)中(?:有)?(?P<n>\d+)(?P=mw)")

MONEY_NOUN = re.compile(r"^[^,，。;；、]{0,10}?(" + any_of(_W["money_noun"]) + ")")
# 每人奖励6万, 给予补贴3万: 万/亿 without 元 right after a word of giving money, closing its clause
MONEY_BEFORE = re.compile(any_of(_W["money_before"]) + "(?:" + any_of(_W["money_before_adverb"]) + ")*$")
# 生活补贴11万、5万: a later item of a list of amounts after a word of giving money
_BARE_WAN = r"\d+(?:\.\d+)?(?:(?:——|至|到|-|—|–|~)\d+(?:\.\d+)?)?万"
MONEY_LIST_BEFORE = re.compile(any_of(_W["money_before"]) + "(?:" + any_of(_W["money_before_adverb"]) + ")*"
                               rf"(?:{_BARE_WAN}、)+$")
# 2万、1.2万、0.6万租房补贴, 300-500万、100-150万的创业资金: an item of a list
# of amounts that closes on money
MONEY_LIST_AFTER = re.compile(rf"^(?:、{_BARE_WAN})+(?:元|[^,，。;；、]{{0,10}}?{any_of(_W['money_noun'])})")
# 生活补贴20万/年, 奖励5万/人: an amount per year, month or person
MONEY_RATE = re.compile(r"^/(?:年|月|人)")
# 投入100亿, 总投资480万, 投入人才工作经费达3815万: 万/亿 without 元 after a word of
# investing, spending or output in its clause
MONEY_SCALE_BEFORE = re.compile(any_of(_W["money_scale"]) + r"[^,，。;；、\d]{0,8}$")
# 房租赁补贴：拔尖人才9万，其他类高层次人才5.4万: amounts closing their clauses
# after a header that names money, in the same sentence
MONEY_HEADER_BEFORE = re.compile(any_of(_W["money_noun"]) + r"[:：][^。;；\n:：]*$")
# 人才总量突破20万: people named in the clause before a bare 万 (lexicon quantities_words)
PEOPLE_BEFORE = re.compile(any_of(_W["people_noun"]))
_CLAUSE_MARK = re.compile(r"[,，。;；:：\n]")
# 近5年来, 3年内, 两年间: a span of time
SPAN_AFTER = re.compile(any_of(_W["span_after"]))
CLAUSE_END = ("", "，", ",", "。", "；", ";", "、", "\n")
RENT_CONTEXT = re.compile("(" + any_of(_W["rent_context"]) + ")$")
RENT_AFTER = re.compile(r"^(?:内)?(?:的)?" + any_of(_W["rent_after"]))
# a grant paid out over years, said with a Chinese numeral (资助资金分三年拨付)
PAID_IN_YEARS = re.compile(r"^(?:内|期)?(?:分期|逐年|按年)?" + any_of(_W["paid_in_years"]))
# a verb that counts people or things: the Chinese digit after it is a figure
COUNT_VERB = re.compile(any_of(_W["count_verb"]) + "$")
# the parts of a plan, counted with a small Chinese numeral: an enumeration
ENUMERATION_AFTER = re.compile(r"^(?:[\u4e00-\u9fff]{0,2}" + any_of(_W["enumeration"]) + ")")
# 占比近四成, 超六成, 六成以上: a share in tenths; 成 is also a verb (建成, 一成不变,
# 三五成群, 八成新), so a share needs a share word, a bound or a level word
SHARE_RE = re.compile(r"(?P<ctx>占比|比重|比例|占[^,，。;；\d]{0,4}?的?)?(?:达|达到|为)?(?P<pre>" + any_of(_W["share_bound"]) + ")?"
                      r"(?<![一二三四五六七八九十百千万])(?P<n>[一二三四五六七八九])成(?P<post>以上|左右)?"
                      r"(?![员立为功果本熟长效都就型群不新绩])")
_TENTHS = re.compile(r"[一二三四五六七八九]成")
# 第1、3、5年: ordinals listed after 第
ORDINAL_LIST_BEFORE = re.compile(r"第[\d一二三四五六七八九十]+(?:[、,，和及][\d一二三四五六七八九十]+)*[、,，和及]$")
# 1+2+N, 1+N: a name; 50+家 is more than 50
PLUS_NAME = re.compile(r"\+[\dA-Za-z一二三四五六七八九十]")
# 6、9、15万元: numbers listed before a figure share its multiplier and unit
LISTED_BEFORE = re.compile(r"(?:(?<![\d.第])(\d+(?:\.\d+)?)、){1,8}$")
THRESHOLD_AFTER = re.compile(r"^[\u4e00-\u9fff]{0,6}?(" + any_of(_W["threshold_noun"]) + ")")
DATE_LIKE_AFTER = re.compile(r"^(:\d|\.\d|/\d)")


@dataclass(frozen=True)
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
    """(unit code, multiplier, measure word) of a unit string; a measure word is a count."""
    return UNITS.get(u) or ("count", 1, u)


def _in_short_quote(norm: str, i: int) -> bool:
    """Inside “…” of at most 12 characters: a name (“985”, “十项行动”)."""
    left = norm.rfind("“", max(0, i - 12), i)
    if left < 0:
        return False
    if norm.find("”", left, i) >= 0:
        return False
    right = norm.find("”", i, i + 12)
    return right >= 0 and right - left <= 13


def _share_bounds(found: list[RawQuantity], norm: str) -> list[RawQuantity]:
    """A bounding word before a list bounds every item of it: 分别给予最高40万元、
    15万元、3万元 is three amounts of at most 40万, 15万 and 3万."""
    out = found[:1]
    for q in found[1:]:
        prev = out[-1]
        if (q.qualifier == "eq" and prev.qualifier in ("le", "ge") and prev.unit == q.unit
                and norm[prev.end: q.start] == "、"):
            q = evolve(q, qualifier=prev.qualifier)
        out.append(q)
    return out


def _ratios(norm: str) -> list[RawQuantity]:
    """每10枚火箭中8枚 -> 80 percent."""
    out = []
    for m in RATIO_RE.finditer(norm):
        d, n = float(m.group("d")), float(m.group("n"))
        if 0 < n <= d:
            out.append(RawQuantity(m.start(), m.end(), m.start(), round(n / d * 100, 4), None,
                                   "percent", "", "eq", False))
    return out


def _shares(norm: str) -> list[RawQuantity]:
    """占比近四成: a share in tenths, in percent."""
    out = []
    # SHARE_RE's optional lead makes it slow to run over a whole article: it
    # is run only around a numeral before 成, at most 12 characters back
    for c in _TENTHS.finditer(norm):
        m = SHARE_RE.search(norm, max(0, c.start() - 12), c.end() + 3)
        if not m or m.start("n") != c.start() or not (m.group("ctx") or m.group("pre") or m.group("post")):
            continue
        v = parse_number(m.group("n")) * 10
        start = m.start("pre") if m.group("pre") else m.start("n")
        out.append(RawQuantity(start, m.end(), m.start("n"), v, None, "percent", "",
                               qualifier(m.group("pre"), m.group("post"), v), True))
    return out


def _percents_in_words(norm: str) -> list[RawQuantity]:
    """百分之三十 -> 30 percent; 最高百分之六十 at most 60; 百分之三点五 3.5."""
    out = []
    for m in PCT_CN_RE.finditer(norm):
        v = parse_number(m.group("n"))  # cn2an reads the decimals (三点五)
        if v is not None:
            out.append(RawQuantity(m.start(), m.end(), m.start("n") - 3, v, None, "percent", "",
                                   qualifier(m.group("pre"), m.group("post"), v), True))
    return out


def readings(norm: str, taken: list[tuple[int, int]]):
    """(the rule that decided, the figure or None) for every match of QTY_RE."""
    for m in QTY_RE.finditer(norm):
        yield decide(RULES, Match(norm, m, taken))


def find_quantities(norm: str) -> list[RawQuantity]:
    out = _ratios(norm)
    taken = [(q.start, q.end) for q in out]
    found = [q for _, q in readings(norm, taken) if q is not None]
    out += _listed(norm, found) + [part for q in found for part in _range_ends(norm, q)]
    out += _shares(norm) + _percents_in_words(norm)
    out.sort(key=lambda q: (q.start, q.num_start))
    return _share_bounds(out, norm)


def _range_ends(norm: str, q: RawQuantity) -> list[RawQuantity]:
    """A range is two figures (RULES.md): the low end, at least (ge), and the
    high end, at most (le), each quoting the whole range; a bound before the
    range (最高) stays on the high end."""
    if q.value_max is None:
        return [q]
    high_at = _RANGE_HIGH.search(norm, q.num_start, q.end).end()
    low = evolve(q, value_max=None, qualifier="ge" if q.qualifier == "eq" else q.qualifier)
    high = evolve(q, value=q.value_max, value_max=None, num_start=high_at,
                   qualifier="le" if q.qualifier in ("eq", "ge") else q.qualifier)
    return [low, high]


# where the high end of a range starts: after the range word
_RANGE_HIGH = re.compile(_RANGE)


def _listed(norm: str, found: list[RawQuantity]) -> list[RawQuantity]:
    """6、9、15万元: the bare numbers listed before a figure, each with its
    multiplier and unit (a list after 第 is of ordinals: 第1、3、5年)."""
    out = []
    for q in found:
        if q.chinese or q.value_max is not None:
            continue
        m = LISTED_BEFORE.search(norm, max(0, q.num_start - 60), q.num_start)
        if not m or ORDINAL_LIST_BEFORE.search(norm, max(0, m.start() - 4), q.num_start):
            continue
        last = parse_number(re.match(_NUM, norm[q.num_start:]).group())
        if not last:
            continue
        factor = q.value / last
        for item in re.finditer(r"(\d+(?:\.\d+)?)、", norm[m.start(): m.end()]):
            v = float(item.group(1)) * factor
            start = m.start() + item.start(1)
            if q.unit == "year" and 1900 <= v <= 2100:
                continue
            out.append(RawQuantity(start, start + len(item.group(1)), start, v, None, q.unit, q.measure, "eq", False))
    return out


class Match:
    """What the rules read about one match of QTY_RE (values computed once, when asked)."""

    def __init__(self, norm: str, m: re.Match, taken: list[tuple[int, int]]):
        self.norm, self.m, self.taken = norm, m, taken
        self.n1, self.m1, self.unit_s = m.group("n1"), m.group("m1") or m.group("m3") or "", m.group("unit")
        self.ns, self.ne = m.start("n1"), m.end()
        self.chinese = not self.n1[0].isdigit()
        self.before = norm[max(0, self.ns - 2): self.ns]
        self.after = norm[self.ne: self.ne + 12]

    @cached_property
    def money_without_yuan(self) -> bool:
        """2000万人才建设专项基金: 万/亿 without 元 is money when a money noun follows."""
        mult = self.m1 or self.m.group("m2") or ""  # 300-500万: the range's multiplier
        if self.unit_s or not (mult or (self.chinese and self.n1[-1] in "万亿")):
            return False
        rest = self.norm[self.ne: self.ne + 40]
        if MONEY_NOUN.match(rest) or (mult == "万" and (MONEY_RATE.match(rest) or MONEY_LIST_AFTER.match(rest))):
            return True
        # 每人奖励6万，…, 专项资金300余万用于…, 总投资480万: a word of giving, investing or spending money before it
        if mult and (MONEY_BEFORE.search(self.norm, max(0, self.ns - 8), self.ns)
                     or MONEY_SCALE_BEFORE.search(self.norm, max(0, self.ns - 16), self.ns)):
            return True
        # 生活补贴11万、5万; 房租赁补贴：拔尖人才9万，…: the clause ends with the amount
        return bool(mult) and rest[:1] in CLAUSE_END \
            and bool(MONEY_LIST_BEFORE.search(self.norm, max(0, self.ns - 40), self.ns)
                     or MONEY_HEADER_BEFORE.search(self.norm, max(0, self.ns - 60), self.ns))

    @cached_property
    def people_without_unit(self) -> bool:
        """人才总量突破20万, 引进大学生超1.2万: 万 without a measure word counts
        people where its clause names them and ends with the figure (and no
        money frames it: money_without_yuan is asked first)."""
        if self.unit_s or self.m1 != "万" or self.m.group("n2") or self.money_without_yuan:
            return False
        if self.norm[self.ne: self.ne + 1] not in CLAUSE_END:
            return False
        clause = _CLAUSE_MARK.split(self.norm[max(0, self.ns - 20): self.ns])[-1]
        return bool(PEOPLE_BEFORE.search(clause))

    @cached_property
    def value(self) -> float | None:
        return parse_number(self.n1, self.m1)

    @cached_property
    def unit(self) -> tuple[str, float, str]:
        if self.money_without_yuan:
            return "CNY", 1, ""
        return ("count", 1, "人") if self.people_without_unit else unit_of(self.unit_s)

    @property
    def duration(self) -> bool:
        return self.unit[0] in ("year", "month", "day")

    @cached_property
    def rent(self) -> bool:
        """A rent context around a Chinese duration (免租三年, 三年内免收租金)."""
        norm, ns, ne = self.norm, self.ns, self.ne
        return bool(RENT_CONTEXT.search(norm[max(0, ns - 4): ns]) or RENT_AFTER.match(norm[ne: ne + 4]))

    @cached_property
    def paid_in_years(self) -> bool:
        """The years a grant is paid over (分三年拨付): a term, however written."""
        norm, ns, ne = self.norm, self.ns, self.ne
        return norm[ns - 1: ns] == "分" and bool(PAID_IN_YEARS.match(norm[ne: ne + 6]))

    @cached_property
    def small_chinese(self) -> bool:
        """A single Chinese digit (三个篇章, 一批): mostly an epithet."""
        return self.chinese and self.value < 10 and not self.m1

    @cached_property
    def span(self) -> tuple[float, float | None] | None:
        """(value, upper end of a range), or None when the range is no range."""
        m, mult = self.m, self.unit[1]
        value = scaled(self.value, mult)
        if not m.group("n2"):
            return value, None
        n2v = parse_number(m.group("n2"), m.group("m2") or "")
        if n2v is None:
            return None
        vmax = scaled(n2v, mult)
        if not self.m1 and m.group("m2") and not m.group("u1"):
            value = scaled(value, {"万": 1e4, "亿": 1e8}.get(m.group("m2"), 1))  # 5-20万元
        if m.group("u1"):
            value = scaled(self.value, unit_of(m.group("u1"))[1])
        return (value, vmax) if vmax >= value else None  # 1—4 is fine, 2023-06 is not a range


def _threshold(c: Match) -> bool:
    """5000万元以上企业577家: a threshold qualifying a noun that another number counts."""
    if c.m.group("post") not in ("以上", "以下", "及以上") or not THRESHOLD_AFTER.match(c.norm[c.ne: c.ne + 12]):
        return False
    rest = c.norm[c.ne: c.ne + 20]
    stop = re.search(r"[,，。;；]", rest)
    return bool(re.search(r"\d", rest[: stop.start() if stop else len(rest)]))


def _discount(c: Match) -> bool:
    """享受八折优惠: a price in tenths (七折八扣 is an idiom)."""
    return c.unit_s == "折" and c.norm[c.ne: c.ne + 1] not in "八"


def _figure(c: Match, _hit) -> RawQuantity:
    value, vmax = c.span
    m, post, pre = c.m, c.m.group("post"), c.m.group("pre")
    qual = qualifier(pre, m.group("more") or post, value)
    if m.group("more") and post:
        qual = qualifier(None, post, value) if post in ("以上", "左右") else qual
    unit, _, measure = c.unit
    return RawQuantity(m.start("pre") if pre else c.ns, c.ne, c.ns, value, vmax, unit, measure, qual, c.chinese)


def _drop(_c: Match, _hit) -> None:
    return None


def _rule(name: str, when, example: str) -> Rule[Match, None]:
    return Rule(name, when, _drop, example)


# Every match of QTY_RE is a figure unless one of these rows drops it.
RULES: tuple[Rule[Match, RawQuantity | None], ...] = (
    _rule("in_a_ratio", lambda c: any(s <= c.ns < e for s, e in c.taken), "每10枚火箭中8枚为自主研制"),
    _rule("vague", lambda c: c.chinese and c.before.endswith(("数", "几", "上", "成百")), "吸引数十家企业入驻"),
    _rule("ordinal_or_rate_base", lambda c: c.before.endswith(("第", "首", "+", "No", "#", "每"))
          or PLUS_NAME.match(c.norm, c.m.end("n1")) or ORDINAL_LIST_BEFORE.search(c.norm, max(0, c.ns - 16), c.ns),
          "第3次获评先进"),
    _rule("part_of_a_code", lambda c: c.ns > 0 and (c.norm[c.ns - 1].isdigit() or c.norm[c.ns - 1] in ".-/:"
                                                    or "A" <= c.norm[c.ns - 1] <= "z"), "沿G318国道建设驿站"),
    _rule("short_quoted_name", lambda c: _in_short_quote(c.norm, c.ns), "对接“985”高校3所"),
    _rule("no_unit", lambda c: not c.unit_s and not c.money_without_yuan and not c.people_without_unit,
          "咨询电话12345"),
    _rule("date_like", lambda c: c.unit_s and c.m.group("post") is None and DATE_LIKE_AFTER.match(c.after),
          "收费标准为5%/10%"),
    _rule("time_of_day", lambda c: c.unit_s == "个" and c.norm[c.ne: c.ne + 1] in ("半", "小", "钟", "星")
          or c.norm[c.ne: c.ne + 2] == "小时", "历时3个半月"),
    _rule("unreadable", lambda c: c.value is None, "共有十十个"),
    # 一二三四类, 三四线城市, 七八个: digits side by side with no 十/百/〇 are a list or a guess, not a number
    _rule("chinese_digits_listed", lambda c: c.chinese and len(c.n1) > 1 and not c.m1
          and all(ch in "一二两三四五六七八九" for ch in c.n1), "高层次人才分为一二三四类"),
    # a time span, not an offer: 近5年来, 3年内, 两年间 (三年内免收租金 is a rent-free period)
    _rule("time_span", lambda c: c.duration and SPAN_AFTER.match(c.norm, c.ne, c.ne + 2)
          and not RENT_AFTER.match(c.norm[c.ne + 1: c.ne + 5]), "近5年来引进人才"),
    _rule("a_year", lambda c: c.unit[0] == "year" and not c.m.group("pre") and not c.m1
          and (1900 <= c.value <= 2100 or re.fullmatch(r"(?:19|20)\d\d(?:19|20)\d\d", c.n1)), "2023年引进人才"),
    # Chinese durations below ten only in a rent context (免租三年) or as a grant's term (分三年拨付)
    _rule("small_chinese_duration", lambda c: c.small_chinese and c.duration and not (c.rent or c.paid_in_years),
          "实施三年行动"),
    _rule("small_chinese_epithet", lambda c: c.small_chinese and not c.duration and not _discount(c) and (
        c.unit[0] != "count" or c.n1 == "一"
        or not COUNT_VERB.search(c.norm[max(0, c.ns - 4): c.ns])
        or ENUMERATION_AFTER.match(c.norm[c.ne: c.ne + 6])), "打造三个中心"),
    # 十项重点任务, 三个方面: the parts of a plan
    _rule("enumeration", lambda c: c.chinese and c.value <= 10 and c.unit[0] == "count"
          and ENUMERATION_AFTER.match(c.norm[c.ne: c.ne + 6]), "落实十项重点任务"),
    _rule("set_phrase", lambda c: c.chinese and c.unit[0] in ("year", "day") and not (c.rent or c.paid_in_years),
          "百年老店焕新颜"),
    _rule("not_a_range", lambda c: c.span is None, "第二批8-2个"),
    _rule("threshold_of_a_noun", _threshold, "5000万元以上企业577家"),
    Rule("figure", always, _figure, "全区人才总量达12.5万人"),
)
