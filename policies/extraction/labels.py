"""Metric labels an analyst would write, the same for the same concept.

The /compare/ page puts districts side by side with one row per metric label,
so a label decides whether two districts' figures meet. The raw label read
around a number (classify.metric_label) is the text as written: 长泰区常住人口,
从公园, 丰台区已与高校, 中国通号等重点项目, 全年新引进35岁以下大学生. Here it is
reduced to the indicator:

* places go: the article's districts, their cities and provinces (full or
  short: 丰台区, 丰台, 北京市), any full county/city/province name at the
  start, and 全区/全县/我区/该区 …;
* time words, hedges and function words at the start go (2024年, 全年, 目前,
  力争到2026年, 从, 在, 已, 共计, 累计 …): the period and the target flag
  carry them. So do verbs that only say the figure was reached (实现, 完成,
  达到, 建成, 拥有, 促成, 依托, 带动 …): 建成孵化器80家 and 孵化器80家 are one
  row. Verbs that define the concept stay: 新增, 新引进, 引进, 认定, 培训,
  签约, 发放, 兑现 (新增技能人才 is a flow, 技能人才 a stock);
* 各类 and age limits (35周岁以下) go, lists keep their head noun
  (中国通号等重点项目 -> 重点项目), a dangling particle or a number at the end
  goes (驿站总数由6个增 -> 驿站总数);
* a growth or share figure without its subject (同比增长32.3%) takes the
  subject of the figure before it in the same sentence (新设经营主体同比增长);
* synonyms of common indicators map to one label (lexicon/indicators.txt);
* a count ends in 数量 (人次 and 家次 for visits, 栋数 for buildings), unless the
  indicator names its own measure (人才总量, 常住人口, 人才落户人数).

Pure Python; no Django.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from .lexicon import any_of, entries, longest_first, words
from .places import provinces

_W = entries("labels_words")

# Common indicators by their usual synonyms (lexicon/indicators.txt): core -> canonical label
VOCAB: dict[str, str] = {core: canon for canon, cores in entries("indicators").items() for core in cores}

# the indicator names its own measure: no 数量 after it
_OWN_MEASURE = re.compile(any_of(_W["own_measure"]) + "$")
# a growth, share or change figure: the subject goes before it
_TAIL = re.compile(
    r"(?:同比(?:分别)?" + any_of(_W["change_verb"]) + r"|增速(?:比上年|较上年|同比)?(?:提高|加快|回落)?|"
    + any_of(_W["last_year"]) + r"(?:同期)?" + any_of(_W["change_verb"]) + r"|"
    r"占(?:" + any_of(_W["share_of"]) + r"|[^占]{1,10}?(?:比重|比例))(?:比重|比例)?|"
    + any_of(_W["change_rate"]) + r"(?:率)?)$")
_BARE_TAIL = re.compile(rf"^(?:{_TAIL.pattern[:-1]})$")

_QUOTES = re.compile(r"[“”‘’\"'《》「」『』]")
# what may open a label and go (repeated): a year and the like, and the words
# of lexicon/label_lead.txt, some of them only in a context
_LEAD_PATTERNS = (
    r"(?:19|20)\d\d年(?:第?[一二三四1-4]季度|" + any_of(_W["year_part"]) + ")?(?:的)?",
    r"(?:到|至)(?:19|20)\d\d年(?:底|末)?",
    r"近(?:[一二三四五六七八九十两\d]+)年(?:来)?",
    r"全(?:区|县|市|旗|镇|省)|(?:我|该|本|辖|两|各)(?:区|县|市|旗)",
    r"面向[^,，]{0,4}?(?=引进|招聘|招引)",
    r"，|,",
)
_LEAD_IN_CONTEXT = {  # 从业, 在校, 对接, 并购 and 共有产权 are nouns; 公开 and 柔性 only before recruiting
    "并": r"并(?!购)", "从": r"从(?!业|事)", "在": r"在(?!校|孵|职|岗|读|研|建)", "对": r"对(?!接|口|外)",
    "公开": r"公开(?=引进|招聘)", "柔性": r"柔性(?=引进)", "共": r"共(?!有产权)",  # 共有产权房 is a noun
}
_LEAD = re.compile("^(?:" + "|".join(_LEAD_PATTERNS) + "|"
                   + any_of(longest_first(w for ws in entries("label_lead").values() for w in ws), _LEAD_IN_CONTEXT) + ")+")
# what may dangle at the end (lexicon/label_trail.txt): a change's start (由6个), a
# percent, a word; 增 but not 新增 (a flow: 新增技能人才)
_TRAIL = re.compile(r"(?:由\d.*|[\d.]+[%％]|" + any_of(longest_first(words("label_trail")), {"增": r"(?<!新)增"}) + ")+$")
_AGE = re.compile(r"\d+周?岁(?:以下|以内|及以下)")
# the aspect particle after a verb (举办了人才集市 -> 举办人才集市); not 为了, 除了, 了解
_PERFECTIVE = re.compile(r"(?<=[\u4e00-\u9fff])(?<![为除罢])了(?![解结])(?=[\u4e00-\u9fff])")
_VARIOUS = re.compile(any_of(_W["various"]))
_LIST = re.compile(r"^.*等(?!级|次|奖|同|于|待|$)")  # 中国通号等重点项目 -> 重点项目
_AMOUNT_NOUN = re.compile(any_of(_W["amount_noun"]) + "$")
# a quoted name opening the label is the program or brand the figure is
# reported under ("海河英才"行动计划累计吸引人才落户): the indicator follows it
_QUOTED_LEAD = re.compile(r"^“[^”]{2,12}”" + any_of(_W["quoted_brand_kind"]) + "?")
# a subject before an adverb of accumulation (联盟已汇集…, 行动计划累计吸引…), but not what was
# handed over (人才公寓已交付使用: the flats are the label)
_SUBJECT_ADVERB = re.compile(r"^[^，,]{1,10}?" + any_of(_W["subject_adverb"]) + "(?=..)(?!" + any_of(_W["done_to_subject"]) + ")")
_DONE_ADVERB = re.compile("(?:已经|已)(?=" + any_of(_W["done_to_subject"]) + ")")


@lru_cache(maxsize=1)
def _full_place_regex() -> re.Pattern | None:
    """Any county, city or province name with its suffix (丰台区, 苏州市, 江苏省)."""
    try:
        from .places import gazetteer
    except Exception:  # pragma: no cover - gazetteer missing
        return None
    g = gazetteer()
    names = {n for n in g.by_full if len(n) >= 2}
    for s in g.region_names.values():
        names |= {n for n in s if len(n) >= 3 and n[-1] in "市省州盟区"}
    names = sorted(names, key=len, reverse=True)
    return re.compile("^(?:" + "|".join(map(re.escape, names)) + ")+")


# province-level names: 柔性引进北京上海高层次医疗专家 is about the experts
PROVINCES = provinces()


@lru_cache(maxsize=256)
def _places_regex(places: frozenset) -> re.Pattern:
    names = sorted({p for p in places if p and len(p) >= 2} | set(PROVINCES), key=len, reverse=True)
    # a place inside a university's name is that university (北京大学, 浙江工业大学)
    return re.compile("(?:" + "|".join(map(re.escape, names)) + r")(?:省|市)?(?![^，,、]{0,2}(?:大学|学院))")


def clean(raw: str, places: Iterable[str] = ()) -> str:
    """The label core: raw label without places, openers, lists and particles."""
    return _clean(raw or "", frozenset(places))


@lru_cache(maxsize=4096)
def _clean(raw: str, places: frozenset) -> str:
    """clean's answer, worked out once for a label and the article's places
    (needs_subject and label both ask it of each metric)."""
    s = _QUOTED_LEAD.sub("", raw.strip())
    s = _SUBJECT_ADVERB.sub("", s)
    s = _DONE_ADVERB.sub("", s)
    s = _QUOTES.sub("", s)
    s = re.sub(r"\s+", "", s)
    s = _places_regex(frozenset(places)).sub("", s)
    fr = _full_place_regex()
    prev = None
    while prev != s:
        prev = s
        if fr:
            s = fr.sub("", s)
        s = _LEAD.sub("", s)
        s = _TRAIL.sub("", s)
    s = _AGE.sub("", s)
    s = _PERFECTIVE.sub("", s)
    s = _VARIOUS.sub("", s)
    s = _LIST.sub("", s)
    s = _TRAIL.sub("", s)
    s = re.sub(r"^(?:的|之)+", "", s)
    return s


def split_tail(core: str) -> tuple[str, str]:
    """(subject, growth/share tail): 人才总量同比增长 -> (人才总量, 同比增长)."""
    m = _TAIL.search(core)
    if not m:
        return core, ""
    subj, tail = core[: m.start()], m.group()
    tail = tail.replace("同比分别", "同比")
    if tail.startswith("占"):
        if tail in ("占比",):
            tail = "占比"
        elif not tail.endswith(("比重", "比例")):
            tail += "比重"
    return subj, tail


def canonical(core: str) -> str:
    """One name for an indicator's usual synonyms (VOCAB)."""
    return VOCAB.get(core, core)


def is_bare(core: str) -> bool:
    """A label that says nothing without a subject: 同比增长, 占比, 栋, '', 总面积."""
    return not core or bool(_BARE_TAIL.match(core) or _BARE_AREA.match(core)) or len(core) == 1


# an area with no noun (一期面积为1000平方米, 总面积5815平方米): of what the sentence named before
_BARE_AREA = re.compile("^" + any_of(_W["area_kind"]) + "*面积$")


def needs_subject(raw: str, places: Iterable[str] = ()) -> bool:
    """Whether a raw label is a growth or share figure with no subject of its own."""
    return is_bare(clean(re.sub(r"数量$", "", raw or ""), places))


_RESPECTIVELY = re.compile(r"分别[^\d,，。;；]{0,8}([\d.]+[%％]?(?:[、和及与]\s*[\d.]+[%％]?)+)")


def respectively(sentence: str) -> int:
    """How many figures a 分别 run lists (同比分别增长8.1%和12.4% -> 2), or 0:
    they take, in order, the subjects of the figures before them."""
    m = _RESPECTIVELY.search(sentence)
    return len(re.findall(r"[\d.]+", m.group(1))) if m else 0


# the subjects of a 分别 run, listed before it in its clause (博士、硕士分别为30人和50人),
# or the kind the clause before names (包括…两种户型，分别为43平方米和56平方米)
_LIST_SEP = re.compile(r"[、和及与]")
_KIND_COUNTED = re.compile(r"[两二三四五六七八九十\d]+(?:种|类)([\u4e00-\u9fff]{1,6})$")
_CLAUSE_MARKS = re.compile(r"[,，。;；:：]")


def listed_subjects(before: str, places: Iterable[str] = ()) -> list[str]:
    """The subjects a 分别 run gives its figures in order, read from the text
    of its sentence before 分别: two or more listed in its clause, or one kind
    the clause before it counts (两种户型); [] where it names none."""
    clauses = _CLAUSE_MARKS.split(before)
    items = [clean(i, places) for i in _LIST_SEP.split(clauses[-1])]
    if len(items) >= 2 and all(len(i) >= 2 for i in items):
        return items
    if not clauses[-1].strip() and len(clauses) >= 2:
        kind = _KIND_COUNTED.search(clauses[-2])
        if kind:
            return [kind.group(1)]
    return []


_SUBJECT_MEASURE = re.compile(any_of(_W["subject_measure"]) + "$")
_SUBJECT_VERB = re.compile(any_of(_W["subject_verb"]) + "$")  # 人才贡献率提升(至46.5%)


def subject_of(label: str) -> str:
    """The subject a following growth figure is about: the label without its
    measure suffix or tail (新设经营主体数量 -> 新设经营主体)."""
    core, _ = split_tail(label)
    return _SUBJECT_VERB.sub("", _SUBJECT_MEASURE.sub("", core))


# a verb right after the counted noun that says what happened to it
# (9个重点项目集中签约, 5个专家团队入驻, 30个项目获奖): the indicator is the event
_EVENT_AFTER = re.compile("^" + any_of(_W["event_adverb"]) + "?(" + any_of(_W["event_verb"]) + ")")
_EVENT_NAME = {"参加比赛": "参赛"}
_OWN_VERB = re.compile(any_of(_W["own_verb"]))


def event_after(following: str) -> str:
    """The event verb right after a counted noun, or ''."""
    m = _EVENT_AFTER.match(following or "")
    return _EVENT_NAME.get(m.group(1), m.group(1)) if m else ""


def finish(core: str, unit: str, measure: str = "") -> str:
    """Canonical name plus the measure a reader needs: 数量, 人次, 栋数."""
    subj, tail = split_tail(core)
    subj = canonical(subj) if subj else subj
    if tail:
        if tail == "增长" and unit == "percent":
            tail = "同比增长"  # 人才总量增长8.7% is the yearly growth
        return subj + tail
    if unit == "count":
        if _OWN_MEASURE.search(subj):
            return subj
        if measure in ("人次", "家次", "场次"):
            return subj + measure
        if measure == "栋":
            return subj + "栋数"
        return subj + "数量"
    if unit == "CNY" and _AMOUNT_NOUN.search(subj):
        return subj + "金额"
    return subj


# what the counted things serve as (118家企业作为实践基地): part of what is counted
_ROLE_AFTER = re.compile(r"(?:作为|成为)[\u4e00-\u9fff]{2,8}?(?=[,，。;；、]|$)")
_SHARE_END = re.compile(r"的?占$")


def _share(core: str, raw: str) -> str:
    """A share said as X的占N% is X's 占比; X may be an age group, which
    `clean` drops elsewhere as a condition (35岁以下的占78% -> 35岁以下占比)."""
    head = _SHARE_END.sub("", core).rstrip("的")
    age = _AGE.search(raw or "")
    if age and age.group() not in head:
        head += age.group()
    return head + "占比"


def label(raw: str, unit: str, measure: str = "", places: Iterable[str] = (), subject: str = "",
          following: str = "") -> str:
    """The finished label of a metric: cleaned, subject supplied if bare, canonical.

    `following` is the text right after the counted noun (for an event verb),
    `subject` the subject of the figure before it in the same sentence."""
    # the count suffix goes first, so that a list or particle before it is seen
    core = clean(re.sub(r"数量$", "", raw or ""), places)
    if is_bare(core) and subject:
        core = subject + (core if len(core) > 1 else "")
    if not core:
        core = (raw or "").strip() or measure
    if unit == "percent" and _SHARE_END.search(core):
        core = _share(core, raw)
    role = _ROLE_AFTER.match(following or "") if unit == "count" else None
    if role:
        core = f"{role.group()}的{core}"  # 118家企业作为实践基地: 作为实践基地的企业
    verb = event_after(following) if unit == "count" and not role else ""
    if verb and verb not in core:
        # 签约重点项目, but 吸引青年报名: a label that opens with its own verb keeps it first
        core = core + verb if _OWN_VERB.match(core) else verb + core
    return finish(core, unit, measure)
