"""What a quantity counts: incentive kind or metric label.

The noun a number counts is read from the words right after its measure word
(超500套人才公寓) or, when nothing follows, from the clause before it
(人才驿站10家, 免租、减租期最长可达3年). Chinese noun phrases end in their head,
so a kind word must close the phrase (岗位 in 实践就业岗位, not in
劳动者提供岗位技能提升培训). One offer is one incentive in its main unit;
other numbers about the same offer (栋, total m2, persons housed) stay metrics.

Offers often leave the noun out once it has been said: 给予每人每月1500元生活
补贴；硕士研究生每人每月800元, 发放生活补贴：博士每人10万元, a table row
"B类人才 200万元" under an 安家补贴 heading, 面积最大可达200平方米 after an
office offer, or a shared noun after a list (分别给予30万元、10万元生活补贴).
A bare amount of money or floor space whose clause names a person, a degree or
a per-head rate takes the kind of the offer named before it in the same
sentence (across ；and ：, never across 。), or of the noun after the list.
Money that was paid out (兑现/拨付/发放…资金 N亿元 with no per-head rate) is
a result, hence a metric, not an offer.
"""
from __future__ import annotations

import re

from .quantities import RawQuantity

_BOUND = re.compile(r"[,，。;；、:：!?！？\n()（）《》 \t]")
# words that end the noun phrase after a measure word
_STOP = re.compile(
    r"提供|参加|参与|入驻|获得|享受|报名|签约|集中|用于|拜师|分别|扎根|从|变|正|建立|等|和|与|及|为|到|在|的|(?<![“\d])\d|,")
_VERB_FIRST = re.compile(r"用于|用来|用以|作为|面向")
_LEAD = re.compile(r"^(?:的|“|”)+")
_TRAIL_VERB = re.compile(r"(?:已|共|共计|累计|新增|达到|达|为|至|增长至|增加到|完成|实现|拥有|有|超过|超|约|近|逾)+$")
_LEAD_BEFORE = re.compile(
    r"^(?:(?:19|20)\d\d年(?:第?[一二三四1-4]季度)?|今年|去年|目前|截至目前|同时|其中|此外|全区|全县|全市|"
    r"已|共计|共|累计|先后|成功|推动|我们|还)+")

# (kind, units allowed, measure words allowed or None, keyword regex)
KIND_RULES = [
    ("rent_free_period", {"day", "month", "year"}, None, re.compile(r"免租|减租|租金减免|租金减半|租金全免|全免租金|免费入住|免费住宿?|免收租金")),
    ("apartment", {"count"}, {"套", "间", "户", "张", "床", "个"},
     re.compile(r"人才公寓|公寓|住房|宿舍|床位|房源|人才房|公租房|保障房|安居房")),
    ("workstation", {"count"}, None, re.compile(r"工位")),
    ("office_space", {"m2"}, None, re.compile(r"办公空间|办公场地|办公用房|孵化空间|办公面积|创业空间|众创空间|孵化场地|场地")),
    ("fund", {"CNY"}, None, re.compile(r"基金|专项资金|资金|资金池|专项经费")),
    ("subsidy", {"CNY"}, None, re.compile(r"补贴|奖励|资助|补助|津贴|奖补|贴息|安家费|生活费|启动经费|科研经费|项目经费|奖金")),
    ("jobs", {"count"}, None, re.compile(r"岗位|职位|就业机会")),
    ("service_org", {"count"}, None, re.compile(r"服务机构|合作机构|服务商")),
]
# supporting N projects/teams a year is an offer of kind other
_OTHER_OFFER = re.compile(r"(?:支持|资助|扶持|资助支持|遴选支持|每年(?:遴选|选拔|评选))(?:超过|超|约|近|不少于)?$")
_OTHER_NOUN = re.compile(r"项目|团队|课题|人才")
# selecting N people or projects to support is an offer: 每年遴选支持青年人才100名左右
_SELECTED = re.compile(r"(?:遴选|选拔|评选)(?:支持|资助)?([\u4e00-\u9fff]{1,8})$")
# N项…服务 that a card or policy lets talent enjoy (可享受…12项服务) is an offer
_SERVICES_NOUN = re.compile(r"(?:服务|权益|待遇|业务|服务事项)$")
# the verb that makes N项服务 an offer: talent may enjoy or transact them there
_SERVICES_VERB = re.compile(r"享受|办理|集成|可")
# a grant described as support: 给予最高2000万元综合支持
_SUPPORT_GRANT = re.compile(r"^(?:综合|资金|经费|项目|财政)?支持$")
# a rent-free period listed before its noun: 提供最长3年、面积最高500平方米的免租办公用房
_RENT_AHEAD = re.compile(r"免租|减租|租金减免|免收租金|免费使用")
# the head of the phrase may be followed by a generic word: 贴息贷款支持
_GENERIC_TAIL = re.compile(r"(?:支持|政策|待遇)$")
# the clause of a noun-less amount names who gets it or at what rate
_CONTINUATION = re.compile(r"每人|每户|每家|每个|每月|每年|每平方米|面积|博士|硕士|本科|学士|专科|研究生|类人才|标准|分别")
# paid out, not offered
# money put in (投入) is spent, not offered, in a sentence that reports results
_SPENT = re.compile(r"投入")
_RESULT_CONTEXT = re.compile(r"今年以来|年以来|累计|先后|已经|已|共计")
# jobs created in the economy are a result: 新增就业岗位, 带动就业, 吸纳就业
_JOBS_CREATED = re.compile(r"(?:新增|新创造|创造|带动|吸纳|稳定)(?:城镇)?就业(?:岗位)?|就业岗位新增")
_PAID = re.compile(r"兑现|拨付|兑付|发放|累计投入")
_PER_HEAD = re.compile(r"每人|每户|每月|每年|最高|一次性")


# a rate written after the amount: 3000元/月, 500元/人
_RATE_AFTER = re.compile(r"/(?:人·月|人/月|月|年|人|户|天|平方米)")
# a money amount that is an offer by its rate even with no noun: paid per
# head or per month (每人每月2000元, 3000元/月, 本科生每月可领1000元)
_PER_RATE = re.compile(r"每人|每户|可领|可获|可享")
# an amount that is only the cap of the offer before it in the sentence
# (…按1:1给予配套支持，最高不超过300万元; 领取购房补贴，最高100万元)
_BARE_CAP = re.compile(r"^(?:单[个项家人户][\u4e00-\u9fff]{0,2}|每[年月人户家项]|累计|合计|总额|)*(?:最高|最多)?(?:可|给予)?$")
# a percent offer: 按贷款利率的50%给予贴息, 按个税区级贡献的80%给予奖励
_PCT_GRANT = re.compile(r"^(?:的)?(?:给予|予以)?(?:一次性)?(贴息|奖励|补贴|补助|资助|奖补|返还)")
# a rent discount in percent: 租金最高减免60%, 租金按市场租金的50%确定
_PCT_RENT = re.compile(r"租金(?:[^,，。;；]{0,12}(?:减免|按|的)[^,，。;；增降提]{0,8})?$")
# a bound before the rent it bounds: 按不高于市场租金50%
_RENT_BOUND = re.compile(r"(?:不高于|不超过|最高|最多)[^,，。;；]{0,8}租金")
# a grant rate named before the percent: 贷款贴息比例最高50%, 补贴标准为30%
_PCT_GRANT_BEFORE = re.compile(r"(贴息|补贴|资助|奖励|补助|奖补)(?:比例|标准|额度)?(?:为|按)?$")
# money lent or invested in a person's firm: kind other (创业担保贷款, 股权投资)
_LOAN = re.compile(r"(?:贷款|贷|股权投资|跟进投资|投资|融资)$")
# results already delivered: 累计配租人才公寓6800套 is a metric
_DELIVERED = re.compile(r"(?:累计|已经?|共)[\u4e00-\u9fff]{0,2}?(?:配租|分配|交付|入住|供应|保障)")
# the amount after another one in a list (分别为300万元、160万元)
_LIST_PREV = re.compile(r"\d(?:万|亿|千)?(?:元|平方米)、$")


def noun_after(norm: str, q: RawQuantity) -> tuple[str, int]:
    """The noun phrase after the unit, and the end of it in the text."""
    rate = _RATE_AFTER.match(norm, q.end)
    start = rate.end() if rate else q.end
    seg = norm[start: start + 16]
    b = _BOUND.search(seg)
    if b:
        seg = seg[: b.start()]
    lead = len(_LEAD.match(seg).group()) if _LEAD.match(seg) else 0
    if seg[:1].isdigit():
        seg = ""  # 5栋720套: the next figure, not a noun
    s = _STOP.search(seg, lead + 1)
    if s:
        seg = seg[: s.start()]
    if _VERB_FIRST.match(seg, lead):
        seg = seg[:lead]  # 专项资金800万元用于…: the noun stood before the number
    seg = seg.rstrip("“")
    end = start + len(seg)
    return seg[lead:].replace("“", "").replace("”", ""), end


def clause_before(norm: str, q: RawQuantity, limit: int = 24) -> str:
    lo = max(0, q.start - limit)
    seg = norm[lo: q.start]
    cut = max((m.end() for m in _BOUND.finditer(seg)), default=0)
    return seg[cut:]


_QUOTE_LEAD = re.compile(
    r"^(?:[\d.,%]+[A-Za-z]*(?:年|月|日)?)?(?:(?:19|20)\d\d年(?:第?[一二三四1-4]季度|上半年|下半年)?|今年|去年|目前|截至目前|同时|其中|此外|据统计|全年|年末|年底)*")
# a figure listed before the number, with its unit and the list word (1120.5亿元和)
_PREV_FIGURE = re.compile(r"\d[\d.,]*(?:[十百千万亿]*(?:元|人次|人|个|家|名|项|件|套|间|平方米|%|个百分点)?)(?:和|及|与|、|以及)*")


def quote_start(norm: str, q: RawQuantity, limit: int = 16) -> int:
    """Start of a quote whose noun stands before the number: the clause
    before it, without a cut-off number or a leading time word."""
    before = clause_before(norm, q, limit)
    close = before.rfind("”")
    if close >= 0 and before.rfind("“", 0, close) < 0:
        before = before[close + 1:]  # do not start inside a quotation
    prev = None
    for prev in _PREV_FIGURE.finditer(before):
        pass
    if prev:
        before = before[prev.end():]  # 1120.5亿元和1058.7亿元: start after the figure before
    m = _QUOTE_LEAD.match(before)
    return q.start - len(before) + (m.end() if m else 0)


def classify(norm: str, q: RawQuantity, sent_start: int) -> tuple[str | None, str, str]:
    """(incentive kind or None, label, noun after) for a quantity."""
    after = noun_after(norm, q)[0]
    head = _GENERIC_TAIL.sub("", after)
    before = clause_before(norm, q)
    if q.unit == "CNY" and _PAID.search(before) and not _PER_HEAD.search(before):
        return None, metric_label(q, before, after), after
    if q.unit == "CNY" and _SPENT.search(before) and _RESULT_CONTEXT.search(norm, sent_start, q.start) \
            and not _PER_HEAD.search(before):
        return None, metric_label(q, before, after), after  # 今年以来…投入人才协作资金800万元: spent
    if q.unit == "count" and _JOBS_CREATED.search(before + after[:6]):
        return None, metric_label(q, before, after), after  # 新增就业岗位3.8万个: an economic result
    if q.unit == "count" and _DELIVERED.search(before):
        return None, metric_label(q, before, after), after  # 累计配租人才公寓6800套: a result
    if q.unit == "percent":
        grant = _PCT_GRANT.match(norm[q.end: q.end + 12])
        if grant:
            return "subsidy", grant.group(1), after
        grant = _PCT_GRANT_BEFORE.search(norm[max(sent_start, q.start - 12): q.start])
        if grant:
            return "subsidy", grant.group(1), after
        lead = norm[max(sent_start, q.num_start - 30): q.num_start]
        if _PCT_RENT.search(lead):
            if q.qualifier == "eq" and _RENT_BOUND.search(lead):
                q.qualifier = "le"
            return "other", "租金减免", after
    for kind, units, measures, kw in KIND_RULES:
        if q.unit not in units:
            continue
        if measures is not None and q.measure not in measures:
            continue
        if kind == "jobs" and q.measure in ("家", "名", "人", "所"):
            continue  # 200家企业发布岗位: the firms that offer jobs, not the jobs
        if head:
            m = None
            for m in kw.finditer(head):
                pass
            if m and len(head) - m.end() <= 2:
                return kind, head[: m.end()], after
            if kind == "rent_free_period" and kw.search(after):
                return kind, after, after
        if kind == "rent_free_period" and kw.search(before):
            return kind, before, after
        if kind == "rent_free_period" and kw.search(norm[q.start: q.num_start]):
            return kind, kw.search(norm[q.start: q.num_start]).group(), after  # 最长免租金3年
        if not after or after[0] in "“”":
            if kw.search(before):
                return kind, kw.findall(before)[-1], after
            # noun first, several clauses back (公寓总面积…,共5栋720套)
            if kind == "apartment" and q.measure in ("套", "间") and kw.search(norm[sent_start: q.start]):
                return kind, kw.findall(norm[sent_start: q.start])[-1], after
    if q.unit == "CNY" and head and _LOAN.search(head) and (q.qualifier == "le" or "给予" in before):
        return "other", head, after  # 最高30万元创业担保贷款, 最高300万元股权投资
    rate = _RATE_AFTER.match(norm, q.end)
    if q.unit in ("CNY", "m2") and not after and (
            _CONTINUATION.search(before) or norm[q.end: q.end + 1] == "、" or rate
            or _LIST_PREV.search(norm, max(0, q.start - 10), q.start) or _BARE_CAP.match(before)):
        kind, noun = _shared_kind(norm, q)
        if kind:
            return kind, noun, after
        if q.unit == "CNY" and (rate or _PER_RATE.search(before)):
            return "subsidy", "补贴", after  # paid per head or per month: a subsidy
    if q.unit in ("day", "month", "year") and not after and not before.strip("最长可达为期限享受每次"):
        # 可选择免租入住人才住房，最长10年: the rent-free offer is the clause before
        prev = re.split(r"[。;；]", norm[sent_start: q.start])[-1][-20:]
        rent = KIND_RULES[0][3].search(prev)
        if rent:
            return "rent_free_period", rent.group(), after
    if q.unit == "CNY" and _SUPPORT_GRANT.match(after):
        return "subsidy", after, after
    if q.unit in ("day", "month", "year") and norm[q.end: q.end + 1] == "、":
        ahead = re.split(r"[,，。;；\n]", norm[q.end: q.end + 30], 1)[0]
        if _RENT_AHEAD.search(ahead):
            return "rent_free_period", _RENT_AHEAD.search(ahead).group(), after
    if q.unit == "count":
        if _OTHER_OFFER.search(norm[max(0, q.start - 6): q.start]) and _OTHER_NOUN.search(after):
            return "other", after, after
        picked = _SELECTED.search(before)
        if picked and _OTHER_NOUN.search(after or picked.group(1)):
            return "other", after or picked.group(1), after  # 每年遴选支持青年人才100名左右
        if q.measure == "项":
            # 可享受…12项服务 (noun after), 集成…服务事项58项 / 办理…23项业务 (noun before)
            clause = norm[max(sent_start, q.start - 24): q.start]
            noun = after or re.split(r"[,，、]", clause)[-1]
            if _SERVICES_NOUN.search(noun) and _SERVICES_VERB.search(clause):
                return "other", noun, after

    return None, metric_label(q, before, after), after


def _shared_kind(norm: str, q: RawQuantity) -> tuple[str | None, str]:
    """Kind of a noun-less amount: the noun after its list (30万元、10万元生活补贴),
    else the last offer noun before it in the same sentence (never across 。)."""
    rules = [(k, kw) for k, units, _, kw in KIND_RULES if q.unit in units]
    if norm[q.end: q.end + 1] == "、":
        ahead = re.split(r"[,，。;；\n]", norm[q.end: q.end + 24], 1)[0]
        for kind, kw in rules:
            m = kw.search(ahead)
            if m:
                return kind, m.group()
    lo = max(0, q.start - 120)
    back = norm[lo: q.start]
    stop = max(back.rfind("。"), back.rfind("！"), back.rfind("？"))
    back = back[stop + 1:]
    best = _last_offer(rules, back)
    if best[1]:
        return best[1], best[2]
    # the title of a numbered item ((一)就业补贴。博士每人每月2000元…) or the
    # header of a table (学历 补贴标准 发放期限 / 博士研究生 3000元/月)
    line_start = norm.rfind("\n", 0, q.start) + 1
    line = norm[line_start: q.start]
    if "。" in line and len(line.split("。")[0]) <= 16:
        best = _last_offer(rules, line.split("。")[0])
    elif not re.search(r"[。,，;；]", norm[line_start: (norm.find("\n", q.start) + 1 or len(norm) + 1) - 1]):
        above = norm[max(0, line_start - 200): line_start]
        above = above[above.rfind("\n\n") + 2:] if "\n\n" in above else above
        best = _last_offer(rules, above)
    return best[1], best[2]


def _last_offer(rules, text: str) -> tuple[int, str | None, str]:
    best = (-1, None, "")
    for kind, kw in rules:
        for m in kw.finditer(text):
            if m.start() > best[0]:
                best = (m.start(), kind, m.group())
    return best


# the term for which a subsidy is paid: 连续发放3年, 最长发放36个月, a table row
# 硕士研究生 2000元/月 36个月
_PAYMENT_TERM = re.compile(r"发放|补助|补贴|\d元")


def metric_label(q: RawQuantity, before: str, after: str) -> str:
    if q.unit in ("day", "month", "year") and not after and _PAYMENT_TERM.search(before):
        return "补贴发放期限"
    b = _TRAIL_VERB.sub("", _LEAD_BEFORE.sub("", before.strip()))
    if q.unit == "count":
        core = after if after else b
        if after and b and len(b) <= 6:
            core = b + after
        core = core or q.measure
        return core if core.endswith(("数量", "人数", "人次")) else core + "数量"
    return b or after
