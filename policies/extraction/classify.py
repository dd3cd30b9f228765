"""What a quantity counts: incentive kind or metric label.

The noun a number counts is read from the words right after its measure word
(超500套人才公寓) or, when nothing follows, from the clause before it
(人才驿站10家, 免租、减租期最长可达3年). Chinese noun phrases end in their head,
so a kind word must close the phrase (岗位 in 实践就业岗位, not in
劳动者提供岗位技能提升培训). One offer is one incentive in its main unit;
other numbers about the same offer (栋, total m2, persons housed) stay metrics.
"""
from __future__ import annotations

import re

from .quantities import RawQuantity

_BOUND = re.compile(r"[,，。;；、:：!?！？\n()（）《》 ]")
# words that end the noun phrase after a measure word
_STOP = re.compile(
    r"提供|参加|参与|入驻|获得|报名|签约|集中|用于|拜师|分别|扎根|从|变|正|建立|等|和|与|及|为|到|在|的|(?<![“\d])\d|,")
_LEAD = re.compile(r"^(?:的|“|”)+")
_TRAIL_VERB = re.compile(r"(?:已|共|共计|累计|新增|达到|达|为|至|增长至|增加到|完成|实现|拥有|有|超过|超|约|近|逾)+$")
_LEAD_BEFORE = re.compile(
    r"^(?:(?:19|20)\d\d年(?:第?[一二三四1-4]季度)?|今年|去年|目前|截至目前|同时|其中|此外|全区|全县|全市|"
    r"已|共|累计|先后|成功|推动|我们|还)+")

# (kind, units allowed, measure words allowed or None, keyword regex)
KIND_RULES = [
    ("rent_free_period", {"day", "month", "year"}, None, re.compile(r"免租|减租|租金减免|免费入住|免收租金")),
    ("apartment", {"count"}, {"套", "间", "户", "张", "床", "个"},
     re.compile(r"人才公寓|公寓|住房|宿舍|床位|房源|人才房|公租房|保障房|安居房")),
    ("workstation", {"count"}, None, re.compile(r"工位")),
    ("office_space", {"m2"}, None, re.compile(r"办公空间|办公场地|办公用房|孵化空间|办公面积|创业空间|众创空间|孵化场地")),
    ("fund", {"CNY"}, None, re.compile(r"基金|专项资金|资金|资金池|专项经费")),
    ("subsidy", {"CNY"}, None, re.compile(r"补贴|奖励|资助|补助|津贴|奖补|安家费|生活费|启动经费|奖金")),
    ("jobs", {"count"}, None, re.compile(r"岗位|职位|就业机会")),
    ("service_org", {"count"}, None, re.compile(r"服务机构")),
]
# supporting N projects/teams a year is an offer of kind other
_OTHER_OFFER = re.compile(r"(?:支持|资助|扶持|资助支持|遴选支持)(?:超过|超|约|近|不少于)?$")
_OTHER_NOUN = re.compile(r"项目|团队|课题")


def noun_after(norm: str, q: RawQuantity) -> tuple[str, int]:
    """The noun phrase after the unit, and the end of it in the text."""
    seg = norm[q.end: q.end + 16]
    b = _BOUND.search(seg)
    if b:
        seg = seg[: b.start()]
    lead = len(_LEAD.match(seg).group()) if _LEAD.match(seg) else 0
    if seg[:1].isdigit():
        seg = ""  # 5栋720套: the next figure, not a noun
    s = _STOP.search(seg, lead + 1)
    if s:
        seg = seg[: s.start()]
    seg = seg.rstrip("“")
    end = q.end + len(seg)
    return seg[lead:].replace("“", "").replace("”", ""), end


def clause_before(norm: str, q: RawQuantity, limit: int = 24) -> str:
    lo = max(0, q.start - limit)
    seg = norm[lo: q.start]
    cut = max((m.end() for m in _BOUND.finditer(seg)), default=0)
    return seg[cut:]


_QUOTE_LEAD = re.compile(
    r"^(?:[\dA-Za-z.,%]*(?:年|月|日)?)?(?:(?:19|20)\d\d年(?:第?[一二三四1-4]季度|上半年|下半年)?|今年|去年|目前|截至目前|同时|其中|此外|据统计)*")


def quote_start(norm: str, q: RawQuantity, limit: int = 16) -> int:
    """Start of a quote whose noun stands before the number: the clause
    before it, without a cut-off number or a leading time word."""
    before = clause_before(norm, q, limit)
    close = before.rfind("”")
    if close >= 0 and before.rfind("“", 0, close) < 0:
        before = before[close + 1:]  # do not start inside a quotation
    m = _QUOTE_LEAD.match(before)
    return q.start - len(before) + (m.end() if m else 0)


def sentence_before(norm: str, q: RawQuantity, sent_start: int) -> str:
    return norm[sent_start: q.start]


def classify(norm: str, q: RawQuantity, sent_start: int) -> tuple[str | None, str, str]:
    """(incentive kind or None, label, noun after) for a quantity."""
    after = noun_after(norm, q)[0]
    before = clause_before(norm, q)
    for kind, units, measures, kw in KIND_RULES:
        if q.unit not in units:
            continue
        if measures is not None and q.measure not in measures:
            continue
        if after:
            m = None
            for m in kw.finditer(after):
                pass
            if m and len(after) - m.end() <= 2:
                return kind, after[: m.end()], after
            if kind == "rent_free_period" and kw.search(after):
                return kind, after, after
        if kind == "rent_free_period" and kw.search(before):
            return kind, before, after
        if not after or after[0] in "“”":
            if kw.search(before):
                return kind, kw.findall(before)[-1], after
            # noun first, several clauses back (公寓总面积…,共5栋720套)
            if kind == "apartment" and q.measure in ("套", "间") and kw.search(norm[sent_start: q.start]):
                return kind, kw.findall(norm[sent_start: q.start])[-1], after
    if q.unit == "count" and _OTHER_OFFER.search(norm[max(0, q.start - 6): q.start]) and _OTHER_NOUN.search(after):
        return "other", after, after
    return None, metric_label(q, before, after), after


def metric_label(q: RawQuantity, before: str, after: str) -> str:
    b = _TRAIL_VERB.sub("", _LEAD_BEFORE.sub("", before.strip()))
    if q.unit == "count":
        core = after if after else b
        if after and b and len(b) <= 6:
            core = b + after
        core = core or q.measure
        return core if core.endswith(("数量", "人数", "人次")) else core + "数量"
    return b or after
