"""Figures that are no fact of the district, though they read like one.

RULES.md 7 and the gold notes' skip lists: the figure of an anecdotal
person, a national, provincial or city total in an article about a county,
the count of the districts a city scheme covers, the length of someone's stay
or of a span (冲刺3年, 未来5年, 8个月引进人才), the tiers of a scheme (9类3级).
Each class is a row of `RULES`, tried in order after the figures have their
district; the first row that fires drops the figure, the last row keeps it.

Where a figure belongs is read from the places named before it in its
sentence (`Areas`): the district itself (a county named, 全区, 我县), or a
higher level (全市 in a district's article, 全省, 全国, or a city or province
named as the subject of a clause: 德州收获满满，去年引进…, 上海有4所“985”).
The last one named decides, so 全市共有1693人…，我区占比达到61.49% keeps
the share and drops the city's total. A city named inside a phrase (获评江苏省
…, 来自南京的…) is no subject and does not count.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from .places import Names, gazetteer, place
from .lexicon import any_of, entries
from .rules import Rule, always, decide

_W = entries("nonfacts_words")

# words that name the district itself or a level above it
_OWN_WORDS = re.compile(r"(?:全|我|本|该)(?:区|县|旗)")
_HIGHER_WORDS = re.compile(any_of(_W["higher"]))
_CITY_WORDS = re.compile(any_of(_W["city_self"]))  # the district itself when it is a city
# a city speaking of its counties (我市各县（市、区）比学赶超): its 全市 is the city
_CITY_REPORT = re.compile(any_of(_W["city_report"]))
# a scope said anywhere in the clause (在全省范围内举办443场招聘会)
_SCOPE = re.compile(r"全(省|国|市)范围")
# what may stand between the start of a clause and its subject
_SUBJECT_LEAD = re.compile(
    r"(?:(?:19|20)\d\d年" + any_of(_W["year_part"]) + "?|" + any_of(_W["subject_lead"]) + r"|[\d一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）])*$")
_CLAUSE = re.compile(r"[,，。;；:：!?！？\n“”]")
_SENTENCE_END = re.compile(r"[。!?！？\n]")
# after a region's name: an institution or a thing named after it, not the region
_NOT_REGION_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?" + any_of(_W["institution"])
                               + r"|(?:市|省)?" + any_of(_W["media"]))
# after 在 and a region's name: the places where the district sets something up
# (在上海、杭州等地设立引才联络站12个), not whose figure it is
_LOCATED_AFTER = re.compile(r"(?:[、和及与][\u4e00-\u9fff]{2,8}?)*(?:等地|等城市|地区)?" + any_of(_W["located_verb"]))
# a region's organ acting in the district (陇南市委、市政府专门拿出3000多万元，在武都区…):
# the actor, not the area the figure is about
_ORGAN_AFTER = re.compile(r"(?:市|省|地区)?" + any_of(_W["organ"]))
# a count of districts or counties: the reach of a city's scheme (等8个区)
_DIVISIONS = re.compile(r"(?:个)?" + any_of(_W["divisions"]) + r"(?![域场级内属直委长镇民])")
# counties given a title by a higher level (8个省级返乡创业示范县, 首批10个人才强县)
_DESIGNATED_COUNTIES = re.compile(r"[\u4e00-\u9fff]{0,10}?" + any_of(_W["designated_counties"]) + r"(?![城域级])")
# the tiers of a scheme (9类3级评价标准, 分为四档)
_TIERS = frozenset(_W["tiers"])
# a span may still be a fact: how long a service takes
_SERVICE_TIME = re.compile(any_of(_W["service_time"]))
# …or how long money is paid (每月给予2000元生活补助，最长12个月; 分5年发放)
_PAID_BEFORE = re.compile(r"\d[万千亿]?元|发放|补贴|补助")
_PAID_AFTER = re.compile(r"^[^,，。;；]{0,6}发放")
# speech of one person: “…我…” where 我 is not 我们, 我区, 我县, 我市…
_SPEECH = re.compile(r"“[^”]{8,}”")
_SINGULAR_I = re.compile(r"我(?![们区县市省国乡镇街旗州])")
_COLLECTIVE = re.compile(r"我们|我[区县市省国乡镇街旗州]|全[区县市省国旗]|本[区县市]")
_DURATION = frozenset({"day", "month", "year"})


@lru_cache(maxsize=1)
def _regions() -> Names:
    """The names of every city and province, full and short (南京市, 南京, 江苏)."""
    return Names({n for n in gazetteer().region_words if len(n) >= 2})


class Areas:
    """Where in an article a place is named, and whether it is a district or above one."""

    def __init__(self, norm: str, located, districts: tuple[str, ...]) -> None:
        self.norm = norm
        self.districts = districts
        marks = [(s, "own") for s, _, _ in located]
        taken = {i for s, e, _ in located for i in range(s, e)}  # where a county is named
        for s, e in _regions().finditer(norm):
            if s not in taken and e - 1 not in taken and not _ORGAN_AFTER.match(norm, e) \
                    and self._subject(s, e):
                marks.append((s, "higher"))
        marks += [(m.start(), "own") for m in _OWN_WORDS.finditer(norm)]
        marks += [(m.start(), "higher") for m in _HIGHER_WORDS.finditer(norm) if self._subject(m.start(), m.end())]
        marks += [(m.start(), "this city" if m.group().startswith("该") else "city")
                  for m in _CITY_WORDS.finditer(norm) if self._subject(m.start(), m.end())]
        marks += [(m.start(), "city" if m.group(1) == "市" else "higher") for m in _SCOPE.finditer(norm)]
        marks.sort()
        self.marks = marks
        self.city_report = bool(_CITY_REPORT.search(norm))
        self.pos = [p for p, _ in marks]

    def _subject(self, s: int, e: int) -> bool:
        """A region named at the head of its clause, not inside a name nor
        where the district sets something up (在上海、杭州等地设立…)."""
        if _NOT_REGION_AFTER.match(self.norm, e):
            return False
        lead = self.norm[max(0, s - 16): s]
        if lead.endswith("在") and _LOCATED_AFTER.match(self.norm, e):
            return False
        cuts = [m.end() for m in _CLAUSE.finditer(lead)]
        if not cuts and s > 16:
            return False  # deep inside a long clause
        return bool(_SUBJECT_LEAD.match(lead[cuts[-1] if cuts else 0:]))

    def last(self, start: int, end: int, district: str | None) -> str | None:
        """The level of the last place named in [start, end) for a figure of
        this district ("own" or "higher"), or None."""
        k = bisect_left(self.pos, end) - 1
        if k < 0 or self.pos[k] < start:
            return None
        level = self.marks[k][1]
        if level in ("city", "this city"):
            # 全市 is the district itself in a county-level city's article; in a
            # city's report on several of its counties, or one that speaks of
            # its counties (我市各县（市、区）), it is the city. 该市 is the city
            # just named: a county-level city's own figure still.
            p = place(district) if district else None
            alone = (len(self.districts) <= 1 and not self.city_report) or level == "this city"
            return "own" if p and p.name.endswith("市") and alone else "higher"
        return level


@dataclass(frozen=True)
class Clue:
    """What the rows read about one figure."""

    norm: str
    areas: Areas
    num_start: int
    end: int  # end of the figure's unit
    sent_start: int
    unit: str
    measure: str
    kind: str | None
    label: str
    district: str | None
    para_start: int = -1  # the start of its paragraph, for the place its paragraph is about


def _metric(c: Clue) -> bool:
    return c.kind is None


def _higher_area(c: Clue) -> bool:
    level = c.areas.last(c.sent_start, c.num_start, c.district)
    if not _metric(c):
        # an offer of the province or the city named in its own sentence (全省今年
        # 计划募集见习岗位2万个以上, 年内全市人才公寓供应不低于5000套) is not the county's
        return level == "higher"
    if level is None and 0 <= c.para_start < c.sent_start:
        # no place in its sentence: the place its paragraph last named (南京市大力
        # 实施人才安居工程。截至目前，已筹集人才住房24万套)
        level = c.areas.last(c.para_start, c.sent_start, c.district)
    if level is None and c.para_start > 0 and not _SENTENCE_END.search(c.norm, c.para_start, c.sent_start) \
            and not _names_own_later(c):
        # a paragraph of one sentence (a WeChat post's, a page that breaks every
        # sentence) goes on from the place the paragraph before it last named
        before = c.norm.rfind("\n", 0, c.para_start - 1) + 1
        level = c.areas.last(before, c.para_start, c.district)
    return level == "higher"


def _names_own_later(c: Clue) -> bool:
    """The figure's sentence names the district after it (…200名在读博士前往沈北新区…)."""
    end = _SENTENCE_END.search(c.norm, c.end)
    return c.areas.last(c.end, end.start() if end else len(c.norm), c.district) == "own"


def _other_district(c: Clue) -> bool:
    """A figure of a district the article is not about, named in passing
    (另据了解，芦淞区目前也已建成3个; 毗邻的荣昌区新引进人才0.9万人), an offer
    of its own too (与南沙毗邻的番禺区今年也将推出实习岗位500个)."""
    return c.district is not None and c.district not in c.areas.districts


def _divisions(c: Clue) -> bool:
    return _metric(c) and c.unit == "count" and bool(
        _DIVISIONS.match(c.norm, c.end - len(c.measure)) or _DESIGNATED_COUNTIES.match(c.norm, c.end))


def _span(c: Clue) -> bool:
    """A duration said as a metric: a span, a stay, a lead time (提前3天)."""
    if not _metric(c) or c.unit not in _DURATION:
        return False
    if _PAID_BEFORE.search(c.norm, c.sent_start, c.num_start) or _PAID_AFTER.match(c.norm[c.end:c.end + 12]):
        return False  # the payment term of a subsidy (补贴发放期限) describes the offer
    return not _SERVICE_TIME.search(c.norm, max(c.sent_start, c.num_start - 12), c.end + 6)


# who stood on the stage: representatives (6名人才代表, 3位企业家代表) and speakers
# (4位专家作了主旨演讲) are a ceremony's details, not the district's figures
_REPRESENTATIVES = re.compile(r"^[\u4e00-\u9fff]{0,12}?(?<!人大)(?<!党)(?<!政协)代表(?!" + any_of(_W["delegation"]) + ")")
_SPOKE = re.compile(r"^[^,，。;；]{0,10}?(?:作了?|进行了?|先后)?(?:主旨)?" + any_of(_W["speech"]))


def _ceremony(c: Clue) -> bool:
    if not _metric(c) or c.unit != "count" or c.measure not in ("名", "位", "人"):
        return False
    after = c.norm[c.end: c.end + 16]
    return bool(_REPRESENTATIVES.match(after) or _SPOKE.match(after))


# the rest of a figure's clause when it closes a condition (保障人口为1人的，…; 满3年者，…)
_CONDITION_END = re.compile(r"[^,，。;；:：\n“”]{0,12}?(?:的|者)(?=[,，;；:：])")


# …or the condition of a clause opened by 对 or 凡 (对年销售收入首次突破1亿元的企业，给予…)
_CONDITION_OPEN = re.compile(r"(?:对于|对|凡)[^,，。;；:：\n“”]*$")
_CONDITION_OBJECT = re.compile(r"[^,，。;；:：\n“”]{0,16}?的[\u4e00-\u9fff]{1,8}(?=[,，])")


def _condition(c: Clue) -> bool:
    """A figure inside the condition of an offer (实物配租保障人口为1人的，
    配租一居室; 对…突破1亿元的企业，给予…): who may get it, not a fact of the
    district (RULES.md 3)."""
    if not _metric(c):
        return False
    if _CONDITION_END.match(c.norm, c.end):
        return True
    return bool(_CONDITION_OPEN.match(_clause_before(c)) and _CONDITION_OBJECT.match(c.norm, c.end))


# he or she, in the figure's own clause: one person's figure (她每月只需支付800元房租);
# not 他们, 其他, 他乡, 他人
_PERSON = re.compile(r"(?<!其)[他她](?![们乡人国])")


# …or earlier in its sentence, as the subject of what follows (他每月能多拿1500元，一年就是
# 1.8万元), not as a speaker (他介绍，全区…) and with no area named after it
_SPEAKS = re.compile(any_of(_W["speech_verb"]))


def _persons(c: Clue) -> bool:
    if not _metric(c):
        return False
    if _PERSON.search(_clause_before(c)):
        return True
    before = c.norm[c.sent_start: c.num_start]
    person = [m.end() for m in _PERSON.finditer(before) if not _SPEAKS.match(before, m.end())]
    return bool(person) and c.areas.last(c.sent_start + person[-1], c.num_start, c.district) is None


def _clause_before(c: Clue) -> str:
    """The figure's clause up to it (at most 40 characters back)."""
    return _CLAUSE.split(c.norm[max(c.sent_start, c.num_start - 40): c.num_start])[-1]


def _speech(c: Clue) -> bool:
    """Said by one person: a quote in the first person singular, or a metric in a
    quote with no subject right after the story of one person (…承包了86亩大棚。
    “去年纯收入20多万元，比在外面打工强。”), unless it speaks for the district."""
    lo = c.norm.rfind("“", max(0, c.num_start - 200), c.num_start)
    m = _SPEECH.match(c.norm, lo) if lo >= 0 else None
    if not (m and m.end() > c.num_start):
        return False
    if _SINGULAR_I.search(m.group()):
        return True
    if not _metric(c) or _COLLECTIVE.search(m.group()):
        return False
    story = c.norm[max(0, c.para_start, lo - 120): lo]
    return any(not _SPEAKS.match(story, p.end()) for p in _PERSON.finditer(story))


RULES: tuple[Rule[Clue, bool], ...] = (
    Rule("first_person_speech", _speech, lambda c, _: True, "溧水区人才公寓。“我和小伙伴4个人住一间公寓，租金1400元，很方便。”"),
    Rule("one_persons_figure", _persons, lambda c, _: True, "溧水区人才公寓。她每月只需支付800元房租"),
    Rule("condition_of_offer", _condition, lambda c, _: True,
         "东城区公租房实物配租保障人口为1人的，配租一居室"),
    Rule("higher_area", _higher_area, lambda c, _: True, "邗江区财政局供稿。全市共有1693人享受人才住房保障资助"),
    Rule("another_district", _other_district, lambda c, _: True,
         "天元区人才驿站扩容升级。天元区已建成驿站8个，天元区驿站今年接待2600人次，另据了解，芦淞区目前也已建成3个"),
    Rule("count_of_districts", _divisions, lambda c, _: True, "郑州市金水区。先在中原区、二七区、金水区等8个区启用"),
    Rule("tiers_of_a_scheme", lambda c: _metric(c) and c.unit == "count" and c.measure in _TIERS,
         lambda c, _: True, "广安区设置劳动生产、乡村建设等9类评价标准"),
    Rule("span_or_stay", _span, lambda c, _: True, "钟楼区全区上下要铆足干劲冲刺3年"),
    Rule("ceremony_detail", _ceremony, lambda c, _: True, "佛坪县人才之家启用，现场为6名人才代表发放了钥匙"),
    Rule("fact", always, lambda c, _: False, "全区人才总量达到12.5万人"),
)


def is_fact(c: Clue) -> tuple[str, bool]:
    """(the row that decided, whether the figure is a fact)."""
    rule, drop = decide(RULES, c)
    return rule.name, not drop
