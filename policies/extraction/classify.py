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
from dataclasses import dataclass
from typing import Callable, NamedTuple

from .lexicon import any_of, entries, longest_first, words
from .quantities import RawQuantity
from .rules import Rule, always, decide
from .text import CLAUSE_BOUND as _BOUND
from .text import ITEM_MARK, clause_before, word_start

_W = entries("classify_words")

# what ends the noun phrase after a measure word: a word of lexicon/noun_stops.txt, a dash, a digit, a comma
_STOP = re.compile(any_of(longest_first(words("noun_stops"))) + r"|—|(?<![“\d])\d|,")
_VERB_FIRST = re.compile(any_of(_W["verb_first"]))
# what may stand between a figure and its noun: 675-4500元不等补贴, 按每年6000元标准发放…,
# and a rate said after the amount (生活补贴20万元每年, as 20万元/年): no noun of its own
_LEAD = re.compile(r"^(?:不等|的|“|”|标准(?:发放|给予|予以)?|" + any_of(_W["rate_said_after"]) + r"(?=$|[,，。;；、\n]))+")
# verbs and hedges that close the clause before a metric's figure (lexicon/raw_label_trail.txt)
_TRAIL_VERB = re.compile(any_of(longest_first(words("raw_label_trail"))) + "+$")
_LEAD_BEFORE = re.compile(
    r"^(?:(?:19|20)\d\d年(?:第?[一二三四1-4]季度)?|"
    + any_of(_W["lead_before"], {"共有": r"共有(?!产权)", "共": r"共(?!有产权)"}) + ")+")  # 共有产权住房 is a noun
# what was done with a counted noun named before the figure (人才公寓1000套已交付使用): an event, not a noun
_DELIVERED_AFTER = re.compile("已?经?" + any_of(_W["delivered"]))
# supporting N projects/teams a year is an offer of kind other
_OTHER_OFFER = re.compile("(?:" + any_of(_W["other_offer"]) + r"|每年(?:遴选|选拔|评选))" + any_of(_W["other_hedge"]) + "?$")
_OTHER_NOUN = re.compile(any_of(_W["other_noun"]))
# selecting N people or projects to support is an offer: 每年遴选支持青年人才100名左右
_SELECTED = re.compile(r"(?:遴选|选拔|评选)(?:支持|资助)?([\u4e00-\u9fff]{1,8})$")
# N项…服务 that a card or policy lets talent enjoy (可享受…12项服务) is an offer
_SERVICES_NOUN = re.compile(any_of(_W["services_noun"]) + "$")
# the verb that makes N项服务 an offer: talent may enjoy or transact them there
_SERVICES_VERB = re.compile(any_of(_W["services_verb"]))
# a grant described as support: 给予最高2000万元综合支持
_SUPPORT_GRANT = re.compile("^" + any_of(_W["support_grant"]) + "?支持$")
# a rent-free period listed before its noun: 提供最长3年、面积最高500平方米的免租办公用房
_RENT_AHEAD = re.compile(any_of(_W["rent_ahead"]))
# the head of the phrase may be followed by a generic word: 贴息贷款支持
_GENERIC_TAIL = re.compile(r"(?:支持|政策|待遇)$")
# the clause of a noun-less amount names who gets it or at what rate (lexicon/shared_offer_clues.txt)
_CONTINUATION = re.compile(any_of(longest_first(words("shared_offer_clues"))))
# money put in (投入) is spent, not offered, in a sentence that reports results
_SPENT = re.compile(r"投入")
_RESULT_CONTEXT = re.compile(any_of(_W["result_context"]))
# jobs created in the economy are a result: 新增就业岗位, 带动就业, 吸纳就业
_JOBS_CREATED = re.compile(any_of(_W["jobs_created"]) + r"(?:城镇)?就业(?:岗位)?|就业岗位新增")
# paid out, not offered (lexicon/paid_out_verbs.txt)
_PAID = re.compile(any_of(longest_first(words("paid_out_verbs"))))
_PER_HEAD = re.compile(any_of(_W["per_head"]))
# 发放 hands money out either way: paid out where its sentence reports results
# (累计发放32.8万元, 今年前三个季度，南海区共发放补贴约2100万元, a result counted
# before it: 引进各类重点人才2100余名，发放人才安居补贴4500万元), offered otherwise
# (省级领军人才发放30万元奖励, 硕士分别发放30万元), and in a sentence of plans
# (今年计划筹建人才住房5000套，对新引进的博士、硕士分别发放30万元、10万元生活补贴)
_ISSUED = re.compile("发放")
_PLANNED = re.compile(any_of(_W["planned"]))
_LIST_AROUND = re.compile(r"分别|、")
_FUND_OR_RATE = re.compile(any_of(_W["fund_or_rate"]))
_ISSUED_RESULT = re.compile(any_of(_W["issued_result"]) + r"|(?<!每)" + any_of(_W["result_count_verb"])
                            + r"[^,，。;；]{0,12}\d"  # 引进各类重点人才2100余名，发放…
                            + r"|(?<![到至])(?:19|20)\d\d年(?![起初底内]|度?[起以开]|以?后)")  # 2024年，…发放…: a year's result


# a rate written after the amount: 3000元/月, 500元/人
_RATE_AFTER = re.compile("/" + any_of(_W["rate_after"]))
# a money amount that is an offer by its rate even with no noun: paid per
# head or per month (每人每月2000元, 3000元/月, 本科生每月可领1000元)
_PER_RATE = re.compile(any_of(_W["per_rate"]))
# a price, not a grant: 租金12元/平方米, 均价8000元/平方米
_PRICE_BEFORE = re.compile(any_of(_W["price"]) + any_of(_W["price_copula"]) + "?$")
# an amount that is only the cap of the offer before it in the sentence
# (…按1:1给予配套支持，最高不超过300万元; 领取购房补贴，最高100万元)
_BARE_CAP = re.compile(r"^(?:单[个项家人户][\u4e00-\u9fff]{0,2}|每[年月人户家项]|累计|合计|总额|)*(?:最高|最多)?(?:可|给予|予以)?$")
# a percent offer: 按贷款利率的50%给予贴息, 按个税区级贡献的80%给予奖励
_PCT_GRANT = re.compile(r"^(?:的)?(?:给予|予以)?(?:一次性)?[\u4e00-\u9fff]{0,2}?(" + any_of(_W["pct_grant"]) + ")")
# a rent discount in percent: 租金最高减免60%, 租金按市场租金的50%确定
_PCT_RENT = re.compile(r"租金(?:[^,，。;；]{0,12}(?:减免|按|的)[^,，。;；增降提]{0,8})?$")
# …or the rent charged after it: 第三年起按市场价的50%收取租金
_PCT_RENT_AFTER = re.compile(r"(?:的标准)?" + any_of(_W["rent_charged"]) + r"(?:房屋)?(?:租金|房租)")
# a bound before the rent it bounds: 按不高于市场租金50%
_RENT_BOUND = re.compile(any_of(_W["rent_bound"]) + r"[^,，。;；]{0,8}租金")
# a grant rate named before the percent: 贷款贴息比例最高50%, 补贴标准为30%
_PCT_GRANT_BEFORE = re.compile("(" + any_of(_W["pct_grant_before"]) + r")(?:比例|标准|额度)?(?:为|按)?$")
# money lent or invested in a person's firm: kind other (创业担保贷款, 股权投资)
_LOAN = re.compile(any_of(_W["loan"]) + "$")
# results already delivered: 累计配租人才公寓6800套 is a metric
_DELIVERED = re.compile(r"(?:累计|已经?|共)[\u4e00-\u9fff]{0,2}?" + any_of(_W["delivered"])
                        + "|" + any_of(_W["delivered_end"]) + "$")
# a part of a housing offer whose total the article states (RULES.md 2):
# 已建成78套 beside 力争建成700套, 建设370套 beside 1860套人才公寓
_PART = re.compile(any_of(_W["part"]))
# money given to a person or a firm is a grant, not a fund, whatever its noun
# (给予300-500万元的创业资金); a fund is set up, budgeted or named so (专项资金, 基金)
_GRANTED = re.compile(any_of(_W["granted"]))
_GRANT_NOUN = re.compile(r"(?<!专项)(?:资金|经费)$")
# the amount after another one in a list (分别为300万元、160万元)
_LIST_PREV = re.compile(r"\d(?:万|亿|千)?(?:元|平方米)、$")


class Classification(NamedTuple):
    kind: str | None  # incentive kind, None for a metric
    label: str  # the offer's noun, or the metric's raw label
    after: str  # the noun phrase after the figure
    qualifier: str  # the figure's qualifier, which a bound before the rent may set
    rule: str = ""  # the name of the row of RULES that decided


@dataclass(frozen=True)
class Clue:
    """What classify reads about one figure."""

    norm: str
    q: RawQuantity
    sent_start: int
    after: str  # noun phrase after the unit
    head: str  # the same without a generic tail (贴息贷款支持 -> 贴息贷款)
    before: str  # the clause before the figure


def clue_of(norm: str, q: RawQuantity, sent_start: int) -> Clue:
    after = noun_after(norm, q)[0]
    return Clue(norm, q, sent_start, after, _GENERIC_TAIL.sub("", after), clause_before(norm, q.start))


# Where the noun of an offer may stand. Each finder returns the noun or None.
Finder = Callable[[Clue, re.Pattern], "str | None"]


def _in_head(c: Clue, kw: re.Pattern) -> str | None:
    """The phrase after the figure ends in the kind word (超500套人才公寓)."""
    m = None
    for m in kw.finditer(c.head):
        pass
    return c.head[: m.end()] if m and len(c.head) - m.end() <= 2 else None


def _anywhere_after(c: Clue, kw: re.Pattern) -> str | None:
    return c.after if c.head and kw.search(c.after) else None


def _anywhere_before(c: Clue, kw: re.Pattern) -> str | None:
    return c.before if kw.search(c.before) else None


def _after_relative(c: Clue, kw: re.Pattern) -> str | None:
    """The noun after a relative clause: 180套直接拎包入住的高品质人才公寓."""
    seg = _BOUND.split(_LEAD.sub("", c.norm[c.q.end: c.q.end + 24]), 1)[0]
    if "的" not in seg or re.search(r"\d", seg):
        return None
    tail = _GENERIC_TAIL.sub("", seg.rsplit("的", 1)[1])
    m = None
    for m in kw.finditer(tail):
        pass
    return tail[: m.end()] if m and len(tail) - m.end() <= 2 else None


_COORDINATED = re.compile(r"[\u4e00-\u9fff]{1,4}(?:和|及|与|、)[\u4e00-\u9fff]{1,8}")


def _after_coordination(c: Clue, kw: re.Pattern) -> str | None:
    """Two nouns sharing one head: 按每年6000元标准发放租房和生活补贴."""
    seg = _BOUND.split(_LEAD.sub("", c.norm[c.q.end: c.q.end + 24]).replace("、", "和"), 1)[0]
    if not _COORDINATED.fullmatch(seg):
        return None
    tail = _GENERIC_TAIL.sub("", seg)
    m = None
    for m in kw.finditer(tail):
        pass
    return tail if m and m.end() == len(tail) else None


def is_offer_part(norm: str, q: RawQuantity, total: float) -> bool:
    """An apartment count below the article's largest one, said of a part
    (已建成, 首批, 今年): a metric of the offer, whose total is the incentive."""
    return q.value < total and bool(_PART.search(clause_before(norm, q.start)))


def _in_qualifier(c: Clue, kw: re.Pattern) -> str | None:
    m = kw.search(c.norm[c.q.start: c.q.num_start])  # 最长免租金3年
    return m.group() if m else None


def _noun_less(c: Clue) -> bool:
    return not c.after or c.after[0] in "“”"


def _before_noun_less(c: Clue, kw: re.Pattern) -> str | None:
    """No noun after the figure: the last kind word of the clause before it."""
    return kw.findall(c.before)[-1] if _noun_less(c) and kw.search(c.before) else None


def _sentence_back(c: Clue, kw: re.Pattern) -> str | None:
    """Noun first, several clauses back (公寓总面积…,共5栋720套)."""
    back = c.norm[c.sent_start: c.q.start]
    if _noun_less(c) and c.q.measure in ("套", "间") and kw.search(back):
        return kw.findall(back)[-1]
    return None


@dataclass(frozen=True)
class Kind:
    """An incentive kind: the units it comes in, its words (lexicon/kinds.txt),
    and where its noun may stand, tried in this order."""

    name: str
    units: frozenset
    finders: tuple[Finder, ...]
    example: str
    measures: frozenset | None = None  # the measure words it is counted in, None: any
    other_measures: frozenset = frozenset()  # measure words that count something else

    @property
    def words(self) -> re.Pattern:
        return _KIND_WORDS[self.name]


_KIND_WORDS = {k: re.compile(any_of(ws)) for k, ws in entries("kinds").items()}
# 生活补贴资金, 奖励资金: the money of a grant is the grant, not a fund (基金 and
# 创业扶持资金 stay funds); the words are of one width, as a lookbehind needs
_GRANT_MONEY = _W["grant_before_money"]
assert {len(w) for w in _GRANT_MONEY} == {2}, _GRANT_MONEY
_KIND_WORDS["fund"] = re.compile(_KIND_WORDS["fund"].pattern.replace(
    "资金", f"(?<!{'|'.join(_GRANT_MONEY)})资金"))
_DURATION = frozenset({"day", "month", "year"})
_NOUN = (_in_head, _before_noun_less, _after_relative, _after_coordination)
# The order is the rule: the first kind whose noun is found wins.
KINDS = (
    Kind("rent_free_period", _DURATION, (_in_head, _anywhere_after, _anywhere_before, _in_qualifier),
         "新引进人才可免租入住3年"),
    Kind("apartment", frozenset({"count"}), _NOUN + (_sentence_back,), "今年将新增人才公寓500套",
         measures=frozenset({"套", "间", "户", "张", "床", "个", "处"})),
    Kind("workstation", frozenset({"count"}), _NOUN, "为入驻团队提供免费工位200个"),
    Kind("office_space", frozenset({"m2"}), _NOUN, "提供最高200平方米办公用房"),
    Kind("fund", frozenset({"CNY"}), _NOUN, "设立5亿元人才发展基金"),
    Kind("subsidy", frozenset({"CNY"}), _NOUN + (_in_qualifier,), "给予博士每人10万元安家补贴"),
    Kind("jobs", frozenset({"count"}), _NOUN, "现场提供就业岗位3000个",
         other_measures=frozenset({"家", "名", "人", "所"})),  # 200家企业发布岗位: the firms
    Kind("service_org", frozenset({"count"}), _NOUN, "引进人力资源服务机构12家"),
)


def kind_fits(kind: str, unit: str) -> bool:
    """Whether an offer of this kind may come in this unit (other: any)."""
    return kind == "other" or any(k.name == kind and unit in k.units for k in KINDS)


# a count of projects, estates or places, not of what they offer (2个公租房项目, 3个人才强县)
_NOT_THE_OFFER = re.compile(any_of(_W["projects_and_places"]) + "$")


def offer_noun(c: Clue) -> tuple[str, str] | None:
    """(kind, noun) of the first kind whose noun stands where it may."""
    if c.q.unit == "count" and _NOT_THE_OFFER.search(c.head):
        return None
    for kind in KINDS:
        if c.q.unit not in kind.units or c.q.measure in kind.other_measures:
            continue
        if kind.measures is not None and c.q.measure not in kind.measures:
            continue
        for find in kind.finders:
            noun = find(c, kind.words)
            if noun is not None:
                return kind.name, noun
    return None


def _metric(c: Clue, _hit=None) -> Classification:
    ahead = _BOUND.split(c.norm[c.q.end: c.q.end + 24], 1)[0]
    label = metric_label(c.q, c.before, c.after, ahead)
    if label == _TERM_LABEL:
        label = _term_of(c)
    return Classification(None, label, c.after, c.q.qualifier)


# the grant a payment term belongs to, the last one named before it in its
# sentence (分别按每月3000元…发放生活补贴，连续发放3年 -> 生活补贴发放期限), so that
# the terms of two grants are two facts
_GRANT_WORD = re.compile(any_of(_W["term_grant"]))
_BEFORE_GRANT = re.compile(r"[给予发放享受领取按的和及与、，,:：为元年月]")


def _term_of(c: Clue) -> str:
    grants = list(_GRANT_WORD.finditer(c.norm, c.sent_start, c.q.start))
    if not grants:
        return _TERM_LABEL
    g = grants[-1]
    lead = c.norm[max(c.sent_start, g.start() - 4): g.start()]
    cut = max((m.end() for m in _BEFORE_GRANT.finditer(lead)), default=0)
    return lead[cut:] + g.group() + "发放期限"


def _offer(kind: str, noun: Callable[[Clue, object], str]):
    return lambda c, hit: Classification(kind, noun(c, hit), c.after, c.q.qualifier)


def _found(c: Clue, hit: tuple[str, str]) -> Classification:
    kind = hit[0]
    if kind == "fund" and _GRANT_NOUN.search(hit[1]) and _GRANTED.search(_clause_of(c)):
        kind = "subsidy"  # 给予300-500万元的创业资金: granted, not set aside
    return Classification(kind, hit[1], c.after, c.q.qualifier)


def _clause_of(c: Clue) -> str:
    """The clause before the figure, through the list it may stand in (、)."""
    return re.split(r"[,，。;；:：]", c.norm[max(c.sent_start, c.q.start - 40): c.q.num_start])[-1]


def _group1(_c: Clue, m: re.Match) -> str:
    return m.group(1)


def _clue_after(c: Clue, _hit) -> str:
    return c.after


def _percent_rent(c: Clue) -> str | None:
    lead = c.norm[max(c.sent_start, c.q.num_start - 30): c.q.num_start]
    if c.q.unit != "percent":
        return None
    return lead if _PCT_RENT.search(lead) or _PCT_RENT_AFTER.match(c.norm, c.q.end) else None


def _rent_discount(c: Clue, lead: str) -> Classification:
    """The rent taken off (租金减免60%), or the share of it still charged
    (租金按市场租金的50%确定, 按市场价的50%收取租金), as the text says it."""
    bounded = c.q.qualifier == "eq" and _RENT_BOUND.search(lead)  # 按不高于市场租金50%
    charged = "减免" not in lead[lead.rfind("租金"):] or _PCT_RENT_AFTER.match(c.norm, c.q.end)
    return Classification("other", "租金收取比例" if charged else "租金减免", c.after,
                          "le" if bounded else c.q.qualifier)


# …or that a verb of giving leads straight into (院士工作站给予30万元), its noun said before
_GIVE_END = re.compile(r"(?:给予|予以)$")
# what a grant may be said to meet: 培养经费, 工作经费, 交通费, 培训费用
_COST_NOUN = re.compile(r"(?:经费|费用|费)$")


def _bare_amount(c: Clue) -> bool:
    """Money or floor space with no noun, whose clause names who gets it or at
    what rate, or that follows or precedes another amount, or a bare cap, or
    that stands in a list after a header (住房租赁补贴:拔尖人才9万元) or in an
    item after the line that names the offer (…给予租房和生活补贴。/①硕士2万元)."""
    q, norm = c.q, c.norm
    return q.unit in ("CNY", "m2") and not c.after and bool(
        _CONTINUATION.search(c.before) or norm[q.end: q.end + 1] == "、" or _RATE_AFTER.match(norm, q.end)
        or _LIST_PREV.search(norm, max(0, q.start - 10), q.start) or _BARE_CAP.match(c.before)
        or _AFTER_HEADER.search(norm, norm.rfind("\n", 0, q.start) + 1, q.start) or _lead_in(norm, q.start)
        or _TIER_BEFORE.search(c.before) or _GIVE_END.search(c.before)
        or _heading_above(norm, q))


# a tier of talent or team right before the amount (其中顶尖人才最高500万元, 领军团队300万元)
_TIER_BEFORE = re.compile(r"(?:人才|团队|专家)(?:每人|每个)?(?:最高|最多)?(?:可获|可享受|可)?$")
# a list after a header colon on the same line, up to the figure
_AFTER_HEADER = re.compile(r"[:：][^。;；:：\n]{0,40}$")
_ITEM_START = re.compile(rf"\s*{ITEM_MARK}")


def _lead_in(norm: str, i: int) -> str:
    """The last clause of the line before, when the figure's line is an item
    of a list that line leads into (…给予租房和生活补贴。/①博士…硕士2万元)."""
    start = norm.rfind("\n", 0, i) + 1
    if start < 2 or not _ITEM_START.match(norm, start):
        return ""
    prev = norm[norm.rfind("\n", 0, start - 1) + 1: start - 1].rstrip("。:：")
    return re.split(r"[。;；,，:：]", prev)[-1]


# a heading line: an item mark or nothing, then a few words and no clause mark (第五条 购房补贴)
_HEADING = re.compile(rf"\s*(?:{ITEM_MARK})?\s*[\u4e00-\u9fff]{{2,14}}[。:：]?\s*")


def _heading_above(norm: str, q: RawQuantity) -> bool:
    """The figure's line comes right after a heading that names an offer of
    its unit (第五条 购房补贴 / 顶尖人才最高500万元): the heading's offer is
    what the lines under it give."""
    start = norm.rfind("\n", 0, q.start) + 1
    if start < 2:
        return False
    prev_start = norm.rfind("\n", 0, start - 1) + 1
    heading = norm[prev_start: start - 1]
    return bool(_HEADING.fullmatch(heading)) and any(
        q.unit in k.units and k.words.search(heading) for k in KINDS)


def _shared(c: Clue) -> tuple[str, str] | None:
    """(kind, noun) of the offer a bare amount continues (SHARED_KIND), or None."""
    return decide(SHARED_KIND, c)[1] if _bare_amount(c) else None


def _rent_clause_before(c: Clue) -> re.Match | None:
    """可选择免租入住人才住房，最长10年: the rent-free offer is the clause before."""
    if c.q.unit not in _DURATION or c.after or c.before.strip("最长可达为期限享受每次"):
        return None
    prev = re.split(r"[。;；]", c.norm[c.sent_start: c.q.start])[-1][-20:]
    return KINDS[0].words.search(prev)


def _rent_ahead(c: Clue) -> re.Match | None:
    if c.q.unit not in _DURATION or c.norm[c.q.end: c.q.end + 1] != "、":
        return None
    ahead = re.split(r"[,，。;；\n]", c.norm[c.q.end: c.q.end + 30], 1)[0]
    return _RENT_AHEAD.search(ahead)


def _selected(c: Clue) -> str | None:
    picked = _SELECTED.search(c.before) if c.q.unit == "count" else None
    noun = picked and (c.after or picked.group(1))
    return noun if noun and _OTHER_NOUN.search(noun) else None


def _services(c: Clue) -> str | None:
    """可享受…12项服务 (noun after), 集成…服务事项58项 / 办理…23项业务 (noun before)."""
    if c.q.unit != "count" or c.q.measure != "项":
        return None
    clause = c.norm[max(c.sent_start, c.q.start - 24): c.q.start]
    noun = c.after or re.split(r"[,，、]", clause)[-1]
    return noun if _SERVICES_NOUN.search(noun) and _SERVICES_VERB.search(clause) else None


_DISCOUNT_VERB = re.compile(r"(?:可|均)?" + any_of(_W["discount_verb"]) + "$")


def _discount_label(c: Clue, _hit) -> str:
    """What the discount is on: 图书馆水吧消费享受8折优惠 -> 图书馆水吧消费折扣."""
    return _DISCOUNT_VERB.sub("", c.before) + "折扣"


# a free stay offered for a time: 免费提供不超过14天住宿, 可免费住宿7天, 3年内免交租金
_STAY_NOUN = re.compile(r"^(?:的)?(?:免费|无偿)?(?:短期)?" + any_of(_W["stay_noun"]))
_FREE = re.compile(any_of(_W["free"]))
_FREE_STAY_AFTER = re.compile(r"^内?(" + any_of(_W["free_stay"]) + ")")


def _free_stay(c: Clue) -> str | None:
    """A duration of free housing whose noun follows it (14天住宿) or whose
    freeness follows it (3年内免交租金): the clause says 免费/免交 around it."""
    if c.q.unit not in _DURATION:
        return None
    ahead = c.norm[c.q.end: c.q.end + 8]
    m = _FREE_STAY_AFTER.match(ahead)
    if m:
        return m.group(1)
    if _STAY_NOUN.match(c.after) and _FREE.search(c.norm, max(c.sent_start, c.q.start - 20), c.q.end + 4):
        return "免费住宿"
    return None


def _free_stay_offer(c: Clue, noun: str) -> Classification:
    within = c.q.qualifier == "eq" and c.norm[c.q.end: c.q.end + 1] == "内"  # 3年内免交租金: at most 3 years
    return Classification("rent_free_period", noun, c.after, "le" if within else c.q.qualifier)


# money set aside for talent (RULES.md 1): a budget verb before the amount and
# a purpose of attracting or training talent after it, not a building
_BUDGET_VERB = re.compile(any_of(_W["budget_verb"]) + r"(?:专项)?(?:资金|经费)?$")
_FOR_TALENT = re.compile(r"^[^,，。;；]{0,4}?(?:专项|专门)?" + any_of(_W["purpose_verb"])
                         + r"[^,，。;；]{0,12}?" + any_of(_W["talent_noun"]))
_BUILDING = re.compile(any_of(_W["building_verb"]))


def _budgeted(c: Clue) -> re.Match | None:
    if not _cny(c):
        return None
    before = c.norm[max(c.sent_start, c.q.start - 12): c.q.start]
    ahead = c.norm[c.q.end: c.q.end + 24]
    verb = _BUDGET_VERB.search(before)
    purpose = _FOR_TALENT.match(ahead)
    if verb and purpose and not _BUILDING.search(purpose.group()):
        return verb
    return None


# a quota of free use: per month or year, or a card's holder enjoys it
_QUOTA = re.compile(r"每[年月周季]|享受|可享")


_CLAUSE_STOP = re.compile(r"[,，;；:：。]")


def _paid_out(c: Clue) -> bool:
    """兑现/拨付 before the amount, or 发放 in a sentence that reports results and no plans."""
    if _PAID.search(c.before):
        return True
    # …or before a list of the grants paid (兑现人才津贴、安家补助等各类资金286.5万元)
    clause = _CLAUSE_STOP.split(c.norm[max(c.sent_start, c.q.start - 30): c.q.start])[-1]
    if "、" in clause and _PAID.search(clause.split("、")[0]):
        return True
    so_far = c.norm[c.sent_start: c.q.start]
    return bool(_ISSUED.search(c.before) and _ISSUED_RESULT.search(so_far) and not _PLANNED.search(so_far))


_GIVE = re.compile(r"给予|予以")
# a loan named before its cap, after the verb that grants it (给予创业担保贷款最高300万元)
_LOAN_BEFORE = re.compile(any_of(_W["loan_verb"]) + r"([\u4e00-\u9fff]{0,8}贷款)$")


def _loan(c: Clue) -> str | None:
    """The loan an amount is offered as: the noun after it, or one named before its cap."""
    if c.head:
        return c.head if _LOAN.search(c.head) else None
    m = _LOAN_BEFORE.search(c.before)
    return m.group(1) if m else None


def _cny(c: Clue) -> bool:
    return c.q.unit == "CNY"


def _count(c: Clue) -> bool:
    return c.q.unit == "count"


RULES: tuple[Rule[Clue, Classification], ...] = (
    Rule("paid_out", lambda c: _cny(c) and not _PER_HEAD.search(c.before) and _paid_out(c),
         _metric, "全年兑现人才奖补资金1.2亿元"),
    # a total planned to be handed out (计划发放人才补贴5亿元) is a goal: a sum, not an
    # offer of it to anyone (no one each, no cap, no list of tiers)
    Rule("planned_total", lambda c: _cny(c) and c.q.qualifier in ("eq", "gt", "ge") and _ISSUED.search(c.before)
         and not _PER_HEAD.search(c.before) and _PLANNED.search(c.norm, c.sent_start, c.q.start)
         and not _LIST_AROUND.search(c.norm, max(c.sent_start, c.q.start - 4), c.q.end + 2),
         _metric, "到2027年，计划发放人才补贴5亿元"),
    # an amount of money said as "over N" (170余万元, 超2000万元) with no rate or cap is
    # a total handed out, reported as a result: offers are said at their amount or cap
    Rule("total_over", lambda c: _cny(c) and c.q.qualifier == "gt" and not _PER_HEAD.search(c.before)
         and not _PER_RATE.search(c.before) and not _RATE_AFTER.match(c.norm, c.q.end)
         and not _FUND_OR_RATE.search(_clause_of(c) + c.after),
         _metric, "全区人才享受租房补贴170余万元"),
    Rule("spent_in_results", lambda c: _cny(c) and _SPENT.search(c.before) and not _PER_HEAD.search(c.before)
         and _RESULT_CONTEXT.search(c.norm, c.sent_start, c.q.start),
         _metric, "今年以来，两地共投入人才协作资金800万元"),
    Rule("jobs_created", lambda c: _count(c) and _JOBS_CREATED.search(c.before + c.after[:6]),
         _metric, "全年新增就业岗位3.8万个"),
    Rule("delivered", lambda c: _count(c) and _DELIVERED.search(c.before), _metric, "累计配租人才公寓6800套"),
    Rule("percent_grant_after", lambda c: c.q.unit == "percent" and _PCT_GRANT.match(c.norm[c.q.end: c.q.end + 12]),
         _offer("subsidy", _group1), "按贷款利率的50%给予贴息"),
    Rule("percent_grant_before", lambda c: c.q.unit == "percent" and _PCT_GRANT_BEFORE.search(
        c.norm[max(c.sent_start, c.q.start - 12): c.q.start]), _offer("subsidy", _group1), "贷款贴息比例最高50%"),
    Rule("percent_rent", _percent_rent, _rent_discount, "人才公寓租金最高减免60%"),
    # a price in tenths is an offer to the holder (kind other, in percent of the price)
    Rule("discount", lambda c: c.q.unit == "percent" and c.norm[c.q.end - 1: c.q.end] == "折",
         _offer("other", _discount_label), "图书馆水吧消费享受8折优惠"),
    Rule("free_stay", _free_stay, _free_stay_offer, "免费提供不超过14天住宿"),
    Rule("offer_noun", offer_noun, _found, "提供人才公寓500套"),
    Rule("budgeted_for_talent", _budgeted, _offer("fund", lambda c, m: m.group()), "每年拿出2000万元用于人才引进和培养"),
    Rule("loan", lambda c: _cny(c) and (c.q.qualifier == "le" or _GIVE.search(c.before)) and _loan(c),
         _offer("other", lambda c, noun: noun), "可申请最高30万元创业担保贷款"),
    Rule("shared_kind", _shared, _found, "给予每人每月1500元生活补贴；硕士研究生每人每月800元"),
    Rule("per_rate_amount", lambda c: _cny(c) and _bare_amount(c) and not _PRICE_BEFORE.search(c.before)
         and (_RATE_AFTER.match(c.norm, c.q.end) or _PER_RATE.search(c.before)),
         _offer("subsidy", lambda c, _: "补贴"), "本科生每月可领1000元"),
    Rule("rent_clause_before", _rent_clause_before, _offer("rent_free_period", lambda c, m: m.group()),
         "可选择免租入住人才住房，最长10年"),
    Rule("support_in_bound", lambda c: _cny(c) and not c.after and "支持" in c.norm[c.q.start: c.q.num_start],
         _offer("subsidy", lambda c, _: "支持"), "对全球顶尖人才，最高可支持1亿元"),
    Rule("support_grant", lambda c: _cny(c) and _SUPPORT_GRANT.match(c.after),
         _offer("subsidy", _clue_after), "给予最高2000万元综合支持"),
    # money a verb of giving leads into, for a cost it meets (给予5000元培养经费, 交通费): a grant
    Rule("cost_given", lambda c: _cny(c) and _GIVE_END.search(c.before) and _COST_NOUN.search(c.after),
         _offer("subsidy", _clue_after), "每人每年给予5000元培养经费"),
    Rule("rent_listed_ahead", _rent_ahead, _offer("rent_free_period", lambda c, m: m.group()),
         "提供最长3年、面积最高500平方米的免租办公用房"),
    Rule("supported_projects", lambda c: _count(c) and _OTHER_NOUN.search(c.after)
         and not c.head.endswith(("县", "区", "市"))
         and _OTHER_OFFER.search(c.norm[max(0, c.q.start - 6): c.q.start]),
         _offer("other", _clue_after), "每年支持30个创新创业项目"),
    Rule("selected_to_support", _selected, _offer("other", lambda c, noun: noun), "每年遴选支持青年人才100名左右"),
    # the count of items in a package (a card's 12 services, 含21项补贴) describes it: a metric (RULES.md 3)
    Rule("services", _services, _metric, "持卡人才可享受医疗、教育等12项服务"),
    # a free service N times a period that the holder of a card or policy may use: an offer
    Rule("free_quota", lambda c: _count(c) and c.q.measure in ("次", "场") and _FREE.search(c.before[-6:] + c.after[:4])
         and _QUOTA.search(c.before), _offer("other", lambda c, _: c.after or c.before), "每年免费观看电影12场"),
    Rule("metric", always, _metric, "全区人才总量达到12.5万人"),
)


def classify(norm: str, q: RawQuantity, sent_start: int) -> Classification:
    """Incentive kind or None, label, the noun after, the qualifier and the rule, for a quantity."""
    rule, out = decide(RULES, clue_of(norm, q, sent_start))
    return out._replace(rule=rule.name)


# a modifier before the noun (81期以就业为主的人才集市, 以乡村振兴为主题的活动): the noun is after it
_MODIFIER_FIRST = re.compile(r"以[\u4e00-\u9fff]{1,8}?为" + any_of(_W["modifier_head"]) + "?的")


def noun_after(norm: str, q: RawQuantity) -> tuple[str, int]:
    """The noun phrase after the unit, and the end of it in the text."""
    rate = _RATE_AFTER.match(norm, q.end)
    start = rate.end() if rate else q.end
    modifier = _MODIFIER_FIRST.match(norm, start)
    start = modifier.end() if modifier else start
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


_QUOTE_LEAD = re.compile(
    r"^(?:[\d.,%]+[A-Za-z]*(?:年|月|日)?)?(?:(?:19|20)\d\d年(?:第?[一二三四1-4]季度|上半年|下半年)?|" + any_of(_W["quote_lead"]) + ")*")
# a figure listed before the number, with its unit and the list word (1120.5亿元和, 2亿多元)
_PREV_FIGURE = re.compile(r"\d[\d.,]*(?:[十百千万亿]*[余多]?" + any_of(_W["prev_figure_unit"]) + r"?)(?:和|及|与|、|以及)*")


def quote_start(norm: str, q: RawQuantity, limit: int = 16) -> int:
    """Start of a quote whose noun stands before the number: the clause
    before it, without a cut-off number or a leading time word."""
    before = clause_before(norm, q.start, limit)
    close = before.rfind("”")
    if close >= 0 and before.rfind("“", 0, close) < 0:
        before = before[close + 1:]  # do not start inside a quotation
    prev = None
    for prev in _PREV_FIGURE.finditer(before):
        pass
    if prev:
        before = before[prev.end():]  # 1120.5亿元和1058.7亿元: start after the figure before
    m = _QUOTE_LEAD.match(before)
    start = q.start - len(before) + (m.end() if m else 0)
    # a clause longer than the limit is cut where the limit falls: not inside a word
    return word_start(norm, start) if len(before) == limit else start


# support given, said before the amount that caps it (予以综合支持，最高1亿元): money
_SUPPORT_GIVEN = re.compile(r"(?<=给予|予以)[^,，。;；]{0,8}?支持")


def _offer_kinds(c: Clue) -> list[tuple[str, re.Pattern]]:
    kinds = [(k.name, k.words) for k in KINDS if c.q.unit in k.units]
    return kinds + [("subsidy", _SUPPORT_GIVEN)] if c.q.unit == "CNY" else kinds


def _first_kind(c: Clue, text: str) -> tuple[str, str] | None:
    """The first kind, in the order of KINDS, whose word the text holds."""
    for kind, kw in _offer_kinds(c):
        m = kw.search(text)
        if m:
            return kind, m.group()
    return None


def _last_kind(c: Clue, text: str) -> tuple[str, str] | None:
    """The kind of the offer word that stands last in the text."""
    _, kind, noun = _last_offer(_offer_kinds(c), text)
    return (kind, noun) if kind else None


def _list_ahead(c: Clue) -> str | None:
    """The rest of the clause after an amount that opens a list (30万元、10万元生活补贴)."""
    if c.norm[c.q.end: c.q.end + 1] != "、":
        return None
    return re.split(r"[,，。;；\n]", c.norm[c.q.end: c.q.end + 24], 1)[0]


def _sentence_so_far(c: Clue) -> str:
    """The sentence before the amount (never across 。), after the line that leads into its item."""
    back = c.norm[max(0, c.q.start - 120): c.q.start]
    stop = max(back.rfind("。"), back.rfind("！"), back.rfind("？"))
    return _lead_in(c.norm, c.q.start) + "\n" + back[stop + 1:]


def _item_title(c: Clue) -> str | None:
    """The short title that opens the amount's line (（一）就业补贴。博士每人每月2000元)
    or stands on the line above it, as a page that breaks each sentence sets it."""
    start = c.norm.rfind("\n", 0, c.q.start) + 1
    line = c.norm[start: c.q.start]
    title = line.split("。")[0]
    if "。" in line and len(title) <= 16:
        return title
    if start < 2 or not _CLAUSE_MARK.search(c.norm, start, c.q.start):
        return None  # the first clause of its line, or a table row: table_header reads those
    above = c.norm[c.norm.rfind("\n", 0, start - 1) + 1: start - 1]
    return above if len(above) <= 16 and _HEADING.fullmatch(above) else None


_CLAUSE_MARK = re.compile(r"[,，;；]")


def _table_header(c: Clue) -> str | None:
    """The lines above a table row, a line with no punctuation, up to a blank
    line (生活补贴标准如下。/博士研究生 3000元/月, or a header row 学历 补贴标准)."""
    norm, q = c.norm, c.q
    line_start = norm.rfind("\n", 0, q.start) + 1
    line_end = (norm.find("\n", q.start) + 1 or len(norm) + 1) - 1
    if re.search(r"[。,，;；]", norm[line_start: line_end]):
        return None
    above = norm[max(0, line_start - 200): line_start]
    return above[above.rfind("\n\n") + 2:] if "\n\n" in above else above


def _kind_in(text_of: Callable[[Clue], "str | None"], pick: Callable[[Clue, str], "tuple[str, str] | None"]):
    """A condition: the (kind, noun) picked in the text where the noun may stand, if any."""
    def when(c: Clue) -> tuple[str, str] | None:
        text = text_of(c)
        return pick(c, text) if text else None
    return when


def _kind_hit(_c: Clue, hit: tuple[str, str]) -> tuple[str, str]:
    return hit


# Where the noun of an amount with no noun of its own stands (the rule
# shared_kind of RULES), tried in this order; None when it stands nowhere.
# An item title and a table header exclude each other: the title's line has a 。.
SHARED_KIND: tuple[Rule[Clue, "tuple[str, str] | None"], ...] = (
    Rule("noun_after_list", _kind_in(_list_ahead, _first_kind), _kind_hit, "分别给予博士30万元、硕士10万元安家补贴"),
    Rule("offer_before_in_sentence", _kind_in(_sentence_so_far, _last_kind), _kind_hit,
         "给予每人每月1500元生活补贴；硕士研究生每人每月800元"),
    Rule("item_title", _kind_in(_item_title, _last_kind), _kind_hit, "（一）就业补贴。博士每人每月2000元"),
    Rule("table_header", _kind_in(_table_header, _last_kind), _kind_hit, "生活补贴标准如下。\n博士研究生 3000元/月"),
    Rule("none", always, lambda c, _: None, "本科生每月可领1000元"),
)


def _last_offer(rules, text: str) -> tuple[int, str | None, str]:
    best = (-1, None, "")
    for kind, kw in rules:
        for m in kw.finditer(text):
            if m.start() > best[0]:
                best = (m.start(), kind, m.group())
    return best


# the term for which a subsidy is paid: 连续发放3年, 最长发放36个月, a table row
# 硕士研究生 2000元/月 36个月
_PAYMENT_TERM = re.compile(any_of(_W["payment_term"]) + r"|\d元")
_TERM_LABEL = "补贴发放期限"


# money put into something named after the figure: 斥资2亿多元建设1860套人才公寓
_INVEST_VERB = re.compile(any_of(_W["invest_verb"]) + "$")
_FIGURE_IN = re.compile(r"[\d.]+[万亿千百]?(?:平方米|平米|[\u4e00-\u9fff])?|[了着]"  # 21.2万平方米 goes whole
                        r"|[零〇一二两三四五六七八九十百千万]{2,}[个名家套项所位间栋座处条]")  # 一百八十套 as well


# the area word a clause may end with before its figure (总建筑面积, 占地)
_AREA_WORD = re.compile(any_of(entries("labels_words")["area_kind"]) + "*(?:面积|占地)$")


def metric_label(q: RawQuantity, before: str, after: str, ahead: str = "") -> str:
    """The raw label of a metric, from the clause before the figure and the
    noun after it; `ahead` is the rest of its clause, for money put into what
    it names (斥资2亿多元建设1860套人才公寓 -> 斥资建设人才公寓). An area is
    the area of the noun after it (配有1000㎡公共共享空间 -> 公共共享空间面积)."""
    if q.unit in ("day", "month", "year") and (
            not after and _PAYMENT_TERM.search(before) or _PAYMENT_TERM.match(after or ahead)):  # 分3年拨付
        return _TERM_LABEL
    b = _TRAIL_VERB.sub("", _LEAD_BEFORE.sub("", before.strip()))
    if q.unit == "CNY" and _INVEST_VERB.search(b) and len(b) <= 8 and ahead:
        return b + _FIGURE_IN.sub("", ahead)
    if q.unit == "count":
        core = after if after else b
        if after and b and (len(b) <= 6 or _DELIVERED_AFTER.match(after)):
            core = b + after
        core = core or q.measure
        return core if core.endswith(("数量", "人数", "人次")) else core + "数量"
    if q.unit == "m2" and len(after) >= 2:
        area = _AREA_WORD.search(b)
        word = area.group() if area else "面积"
        return after + word + ("面积" if word.endswith("占地") else "")
    return b or after
