"""Named programs (计划, 工程, 行动, 品牌, 平台, 人才卡 …) a district runs.

Four signals, each a regex over the normalised text:
1. a quoted name that ends in a program word (“四春计划”, “泰爱人才卡”);
2. a quoted name followed at once by a program word (“学子回家”活动,
   “三生有缘”品牌, “长爱人才·泰盼你来”人才工程), unless what follows is an
   event (论坛, 仪式, 招聘会 …);
3. a quoted name right after a verb that launches or runs something
   (开展“英才选聘”, 开办“青年夜校”), or a short quoted name used twice;
4. an unquoted name ending in a program word after such a verb (实施科技企业
   筑基行动), before 成立/启动 (京津冀学子联盟宣布成立), or as a section heading
   ((一)科技创新人才引擎工程), an unquoted brand·place activity series
   (开展菁蓉汇·郫都人才对接活动), or a name with an acronym (推进STB人才认定体系).
A quoted name ending in 驿站 is a named station network (“南山青年人才驿站”);
the bare word is generic.
Rejected: slogans (X·Y without a program word), quotes with list punctuation
or +, enumerations (五大…), categories introduced by 一批, mechanisms and
modes (…等工作机制, and the nationwide ones such as 揭榜挂帅 or 师带徒 even
with a type word after them), work items (推进“三城同建”工作), roles given to
an aim (作为“一号工程”), programmes owned by a higher level (市委、市政府“…”,
国家级…), policy documents in 《》 (never quoted with “”).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from .lexicon import any_of, compiled, entries, longest_first, words
from .rules import Rule, always, decide
from .text import ITEM_MARK

_W = entries("programs_words")

# Type words that close a program's own name (lexicon/program_types.txt).
# Besides plans and projects, the named venues and networks a district runs
# for talent: stations (驿站, 工作站, 服务站), studios, clubs, academies, night
# schools, 之家/会客厅, talent days, service codes, and the 港/谷/营 coinages
# (人才港, 鄞创谷, 青创营); and a numbered list of measures (人才新政20条).
TYPE_END_RE = re.compile(
    "(?:" + any_of(longest_first(words("program_types"))) + r"|(?:\d+|[一二三四五六七八九十]+)条)$")
# “X”培育工程, “X”青年人才储备工程, “X”人才服务品牌, “X”人才新政: a type word
# right after the quote, or after a short modifier (up to six characters that
# hold no function word: 的, 等, 和 … would make it a different phrase).
TYPE_AFTER_RE = re.compile(
    r"^(?P<mod>[\u4e00-\u9fff]{0,6}?)(?P<type>" + any_of(longest_first(words("program_types_after"))) + ")")
MODIFIER_BAD = re.compile(r"[的等和与及或为是在对将把被了着过]|" + any_of(_W["modifier_bad"]))
EVENT_RE = compiled("program_events")
LAUNCH_BEFORE_RE = compiled("program_launch_verbs", "$")
# double quotes, single quotes (used inside a quoted speech), and straight
# quotes, often padded with blanks, of mirror sites (" 龙舞华章计划 ")
QUOTE_RE = re.compile(r"“([^“”\n]{2,24})”|‘([^‘’“”\n]{2,24})’|\" ?([^\"“”\n]{2,24}?) ?\"")
# “A”“B”等对接平台: every quoted item of a list closed by 等 + a program word
# (a bare 等项目 is a list of items: “我要入住”“入住流程”等项目)
LIST_TAIL_RE = re.compile(r"^(?:[“‘][^“”‘’]{1,20}[”’])*等(?:[\u4e00-\u9fff]{1,4}项目|[\u4e00-\u9fff]{0,4}" + any_of(_W["list_tail"]) + ")")
COPULA_BEFORE = re.compile(any_of(_W["copula"]) + "$")
AFTER_CONTEXT = re.compile("^" + any_of(_W["after_context"]))
# macro-regions that make a name specific without being in the gazetteer
MACRO_REGIONS = re.compile(any_of(_W["macro_regions"]))
BAD_INNER = re.compile(r"[,，、;；。:：!?！？+《》()（）…]|^[\dA-Za-z.]+$|^[一二三四五六七八九十百千]+大|^[一二三四五六七八九十\d]+号|—.*—|的")
# Mechanisms and modes known across China by the same words; a type word after
# them (“揭榜挂帅”工程) does not make them a program.
MECHANISMS = set(words("program_mechanisms"))
# a mode said in the shape of the known ones (一事一议, 双招双引, 一人一策): one or
# two of each, in pairs (双培双带, 一村一品); 百企千岗 counts, it is no such pair
PAIRED_MECHANISM = re.compile(r"^([一双两])[\u4e00-\u9fff]\1[\u4e00-\u9fff]$")
OWNER_BEFORE = compiled("program_owners", r"[、,，和及]?(?:市委|市政府|省政府)?$")
# A district that takes part in someone else's programme (参与“春风行动”,
# 融入…, 38人入选苏州市“姑苏英才计划”, 依托“X”等市级活动平台) does not run it.
# 参与/参加/加入/融入 always mean joining; 入选/申报/依托/对接 only when a higher
# level owns the programme (a city, province, ministry or 国家 between the verb
# and the quote, or 市级/省级/国家级 right after it): 对入选“X计划”的人才给予…
# is the district's own programme.
JOIN_BEFORE = re.compile(any_of(_W["join"]) + r"(?:了|到)?[\u4e00-\u9fff]{0,6}$")
# 对新入选“重庆英才计划”“鸿雁计划”的人才…配套: applying to a list that holds a
# city's or a province's programme (foreign) is joining all of it
APPLY_BEFORE = re.compile(any_of(_W["apply"]) + r"(?:了)?$")
# Programmes run nationwide (千人计划, 春风行动): never a district's own.
NATIONAL = set(words("national_programs"))
# a name opening with a province (四川省…示范基地) is the province's
PROVINCE_START = re.compile(r"^(?:[\u4e00-\u9fff]{2,3}省|" + any_of(_W["autonomous_regions"]) + ")")
# role titles given to people (校园引才大使, 文产特派员) and scholar titles of a
# province or the state (泰山学者, 长江学者): a role system or an honour, not a program
ROLE_END = re.compile(any_of(_W["role_end"]) + "$")
# “双一流”本科, “985”高校: a class of universities or degrees
DEGREE_CLASS_AFTER = re.compile("^" + any_of(_W["degree_class"]))
# 做好引才聚才“大文章”, 以人才安居“小切口”做好…: figures of speech
FIGURATIVE_BEFORE = re.compile(
    any_of(_W["figurative_before"])
    + r"[\u4e00-\u9fff]{0,6}$")
MEANS_BEFORE = re.compile(r"以[\u4e00-\u9fff]{1,6}$")
FIGURATIVE_AFTER = re.compile(r"^\s?" + any_of(_W["figurative_after"]))
# titles and designations conferred on a place or a body (被赋予“农产品供应基地”等功能定位,
# 荣获“人才工作示范县”称号): an honour, not a program
DESIGNATION_BEFORE = re.compile(any_of(_W["designation_before"]) + r"(?:(?:19|20)\d\d年度?)?$")  # 获评2025年度“博罗工匠”
# …but flats put into a programme to be run by it are in the county's own (纳入“鸠才安居”工程统一管理)
MANAGED_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?" + any_of(_W["managed_after"]))
DESIGNATION_AFTER = re.compile(r"^(?:等)?" + any_of(_W["designation_after"]))
# 打造“长三角人才高地”: a goal the district sets itself, not a program
GOAL_END = re.compile(any_of(_W["goal_end"]) + "$")
# 带着“智能工厂数据流平台”项目参赛: a participant's project
PARTICIPANT_BEFORE = re.compile(any_of(_W["participant"]) + "$")
# a tour of a city (“博士沈阳行”, “沈阳博士看沈阳”): the city's activity when the city is not the article's
TOUR_NAME = re.compile(r"行$|看")
JOIN_OWNED_BEFORE = re.compile(
    any_of(_W["join_owned"]) + r"(?:了)?(?:国家|全国|中央|[\u4e00-\u9fff]{1,6}?[省市部])$")
OWNED_AFTER = re.compile(r"^(?:等)?" + any_of(_W["owned_after"]))
# General development campaigns that are not about talent: business climate,
# investment promotion, year-of-tackling drives. A name holding one of these
# words, or a quote right after one (招商引资“攻坚年”活动), is not a program.
NON_TALENT = compiled("not_talent")
# institutions and companies are not programs, quoted or not
INSTITUTION_END = compiled("institutions", "$")
# a phrase that opens with a count in words (打造一千二百套人才公寓…) describes, as one in digits does
COUNT_START = re.compile(r"^[零〇一二两三四五六七八九十百千万]+[个名家套项所位间栋座处条]")
# a name made only of counts (“百千万”工程) is a campaign slogan
NUMERAL_ONLY = re.compile(r"^[一二两三四五六七八九十百千万亿双]+$")
OWNER_START = re.compile("^" + any_of(_W["owner_start"], {"国际": r"国际(?=.{0,3}(?:示范|标准))"}))
MECHANISM_AFTER = re.compile(r"^(?:[、“”\w+]{0,30}?等)?(?:工作)?" + any_of(_W["mechanism_after"]))
MECHANISM_TAIL = re.compile(any_of(_W["mechanism_tail"]) + "$")
UNQUOTED_RE = re.compile(
    any_of(_W["unquoted_verb"]) + r"(?P<name>[\u4e00-\u9fffA-Za-z·—]{2,18}" + any_of(_W["unquoted_type"]) + ")"
    r"(?=[,，。;；、\n\s]|之|$)")
# facilities and bodies (平台, 基地, 社区, 联盟, 基金, 中心) are programs only when
# their name is specific: it holds a place name (望京国际人才社区, 河西…中心)
FACILITY_RE = re.compile(
    any_of(_W["facility_verb"])
    + r"(?P<name>[\u4e00-\u9fffA-Za-z·—]{2,22}?(?:" + any_of(_W["facility_type"]) + r"|(?:人才|创新|创业)港|人才谷))"
    r"(?=[,，。;；、\n\s等]|$)"
    # an alliance named in a list or an apposition (…、天津市…联盟等)
    r"|(?<=[、,，。;；\n:：—])(?P<name2>[\u4e00-\u9fffA-Za-z·]{4,22}联盟)(?=[,，。;；、\n等]|$)")
# a facility or a body is a talent program only when its name says what for
# (农产品供应基地 is not one; 产学研协同创新平台, 学子联盟, 实训基地 are)
TALENT_WORD = re.compile(any_of(_W["talent_word"]))
# a program is about talent: its name or its sentence says so (人才, 引才, 博士, 技能 …);
# 开展“三服务”活动，走访企业500家 is a campaign of another kind (the notes)
TALENT_CONTEXT = re.compile(any_of(_W["talent_word"] + _W["talent_context"]))
FOUNDED_RE = re.compile(
    r"(?:^|(?<=[,，。;；\n:：]))(?P<name>[\u4e00-\u9fffA-Za-z·—]{3,18}" + any_of(_W["founded_type"]) + ")" + any_of(_W["founded_adverb"]) + "?" + any_of(_W["founded_verb"]))
HEADING_RE = re.compile(
    rf"(?m)^\s*{ITEM_MARK}\s*(?:实施|开展|推进)?"
    r"(?P<name>[\u4e00-\u9fff]{3,18}" + any_of(_W["heading_type"]) + r")\s*$")
BATCH_BEFORE = re.compile(any_of(_W["batch"]) + "$")
RECOGNISED_BEFORE = re.compile(any_of(_W["recognised"]) + r"[\u4e00-\u9fff]{0,2}$")
COUNTED_AFTER = re.compile(r"\d+(?:\.\d+)?[个家处所间座项名支]")
ENTERED_AFTER = re.compile(r"(?:项目|团队|作品)?" + any_of(_W["prize"]))
SLOGAN_RE = re.compile(r"^[^·]{2,}·[^·]{2,}$")
GENERIC_NAMES = set(words("generic_program_names"))
# 开展菁蓉汇·郫都人才对接活动: an unquoted brand·place activity series
BRAND_ACTIVITY_RE = re.compile(
    r"(?:开展|举办)(?P<name>[\u4e00-\u9fff]{2,8}·[\u4e00-\u9fff]{2,12}?)(?:系列)?活动")
# 开展大V丰台行活动, 专家温江行: a “who + place + 行” tour is a recurring named
# activity when the place is a known district, city or region
TOUR_RE = re.compile(
    any_of(_W["tour_verb"]) + r"(?P<name>[\u4e00-\u9fffA-Za-z]{1,8}?行)(?:系列)?活动")
# a named housing estate for talent (东岭苑人才公寓, 钟寓人才社区, 光点·瑾园人才公寓),
# not a park or a garden (科技园, 花园): a named apartment project
NAMED_HOUSING_RE = re.compile(
    r"(?<![\u4e00-\u9fff·])(?P<name>[\u4e00-\u9fff·]{1,6}?(?<!花|公|家|校|业|技|区)[苑园寓府居庭](?:人才公寓|人才社区|青年公寓))")
# 第五届海峡菁英人才节: a talent festival held every year is a program (河西人才节)
FESTIVAL_RE = re.compile(r"第[一二三四五六七八九十\d]+届(?P<name>[\u4e00-\u9fff]{2,10}?(?:人才节|人才周|人才日))")
# an acronym makes an unquoted system or programme name specific (STB人才认定体系)
ACRONYM_RE = re.compile(
    any_of(_W["acronym_verb"]) + r"(?P<name>[A-Z]{2,6}[\u4e00-\u9fff]{2,10}" + any_of(_W["acronym_type"]) + r")(?=[,，。;；、\n]|$)")


@dataclass
class ProgramHit:
    name: str
    start: int
    end: int
    aliases: set[str] = field(default_factory=set)
    heading: bool = False


_YEAR_LEAD = re.compile(r"^(?:19|20)\d\d年?")
_CLAUSE_MARK = re.compile(r"[,，。;；:：\n]")  # what ends the clause before a quote
_PHRASE_END = re.compile(r"[,，。;；\n]")  # what ends the phrase after it


def _strip_prefix(name: str, district_names: set[str]) -> tuple[str, set[str]]:
    aliases = set()
    n = _YEAR_LEAD.sub("", name)
    if "·" in n:
        left, right = n.split("·", 1)
        if left in district_names:
            aliases.add(n)
            n = right
    if n != name:
        aliases.add(name)
    return n, aliases


@dataclass(frozen=True)
class Quote:
    """What the rules read about one quoted name (“四春计划”)."""

    inner: str  # the name in the quotes
    start: int  # of the name, quotes excluded
    end: int
    before: str  # 12 characters before the opening quote
    after: str  # 40 characters after the closing quote
    clause: str  # the clause before the quote
    phrase: str  # the clause after it
    name: str  # the name without a year or a district prefix
    aliases: frozenset
    type_after: re.Match | None  # a program word after the quote (“X”培育工程)
    repeated: bool  # a short name quoted twice that is no metaphor (“X”为…)
    lead: str = ""  # the clause before the list of quotes it is in (入选 for “A”“B”)
    run: tuple[str, ...] = ()  # the names of that list (“A”“B”、“C”), itself included
    foreign: bool = False  # a name of the list opens with a city or province not the article's (重庆英才计划)
    district_names: tuple[str, ...] = ()  # the article's districts, full and short, longest first
    sentence: str = ""  # the sentence the quote stands in


def _inner(m: re.Match) -> str:
    return m.group(1) or m.group(2) or m.group(3)


def _quotes(norm: str, district_names: set[str]):
    found = list(QUOTE_RE.finditer(norm))
    quoted = Counter(_inner(m) for m in found)
    metaphor = {_inner(m) for m in found if COPULA_BEFORE.search(norm[max(0, m.start() - 1): m.start()])}
    names = tuple(sorted(district_names, key=len, reverse=True))
    runs = _runs(norm, found, frozenset(district_names))
    ends = [m.start() for m in _SENTENCE_END.finditer(norm)]
    for m in found:
        inner = _inner(m).strip()
        s, e = m.start(), m.end()
        run = runs[s]
        before, after = norm[max(0, s - 12): s], norm[e: e + 40].lstrip(" ")
        t = TYPE_AFTER_RE.match(after)
        if t and (MODIFIER_BAD.search(t.group("mod")) or NON_TALENT.search(t.group("mod"))):
            t = None
        name, aliases = _strip_prefix(inner, district_names)
        repeated = quoted[inner] >= 2 and 3 <= len(inner) <= 6 and inner not in metaphor \
            and not SLOGAN_RE.match(inner)
        clause = _CLAUSE_MARK.split(before)[-1]
        g = m.lastindex
        yield Quote(inner, m.start(g), m.end(g), before, after, clause,
                    _PHRASE_END.split(after, 1)[0], name, frozenset(aliases), t, repeated,
                    lead=run[0], run=run[1], foreign=run[2], district_names=names,
                    sentence=_sentence_around(norm, s, e, ends))


_SENTENCE_END = re.compile(r"[。！？!?\n]")


def _sentence_around(norm: str, start: int, end: int, ends: list[int] | None = None) -> str:
    """The sentence a span stands in; `ends`, the text's sentence ends in order, spares the search."""
    if ends is None:
        ends = [m.start() for m in _SENTENCE_END.finditer(norm)]
    k = bisect_left(ends, start)
    lo = ends[k - 1] + 1 if k else 0
    k = bisect_left(ends, end, k)
    return norm[lo: ends[k] if k < len(ends) else len(norm)]


def _runs(norm: str, found: list[re.Match], district_names: frozenset) -> dict[int, tuple[str, tuple[str, ...], bool]]:
    """For each quote (by start): the clause before its list of quotes, the
    list's names and whether one of them is a city's or a province's
    (“重庆英才计划”“鸿雁计划”: one list, 入选 before it)."""
    lists: list[list[re.Match]] = []
    for m in found:
        if lists and norm[lists[-1][-1].end(): m.start()] in ("", "、", "和", "及", "与"):
            lists[-1].append(m)
        else:
            lists.append([m])
    out = {}
    for items in lists:
        s = items[0].start()
        clause = _CLAUSE_MARK.split(norm[max(0, s - 12): s])[-1]
        names = tuple(_inner(m).strip() for m in items)
        foreign = any(_foreign(n, district_names) for n in names)
        for m in items:
            out[m.start()] = (clause, names, foreign)
    return out


@lru_cache(maxsize=4096)
def _foreign(name: str, district_names: frozenset) -> bool:
    """Does the name open with a city or a province that is not one of the
    article's districts (重庆英才计划 in 渝中, 苏州市姑苏英才计划)?"""
    from .places import gazetteer

    g = gazetteer()
    end = g.names.match(name, 0)
    return end > 0 and name[:end] in g.region_words and name[:end] not in district_names \
        and not _far_county(g, name[:end], district_names)


def _far_county(g, word: str, district_names: frozenset) -> bool:
    """A county a province runs directly (文昌市, 仙桃市: its own city) in another
    province than the article's districts: a word of the name (“文昌学子”计划 in
    梓潼县, where 文昌 is its patron deity), not that county's programme."""
    places = [p for p in g.places.values() if p.city in (word, word + "市") and p.name == p.city]
    ours = {p.province for p in g.places.values() if p.name in district_names}
    return bool(places) and bool(ours) and not any(p.province in ours for p in places)


_ITEM_START = re.compile(r"[、,，。;；:：\s]")


def _other_county_before(before: str, district_names) -> bool:
    """Another county's name right before the quote: its brand (大丰“丰聚英才”、建湖“湖荡英才”
    等县域人才品牌 in 东台's article), not the article's."""
    from .places import gazetteer

    g = gazetteer()
    name = _ITEM_START.split(before)[-1]  # the whole of what stands before it in its item
    return name not in district_names and name not in g.common_words and name not in g.region_words \
        and (name in g.by_short or name in g.by_full)


def _foreign_inside(name: str, district_names) -> bool:
    """Does the name hold a city or a province and none of the article's districts?"""
    from .places import gazetteer

    if any(d in name for d in district_names):
        return False
    g = gazetteer()
    return any(name[s:e] in g.region_words for s, e in g.names.finditer(name))


def _bare(name: str, district_names: tuple[str, ...]) -> str:
    """The name without a leading full district name (佛坪县人才公寓 -> 人才公寓:
    a plaque, not a brand; a short name makes one: 武侯人才驿站). The names
    come longest first."""
    for d in district_names:
        if name.startswith(d) and len(name) > len(d) and d[-1] in "区县市旗":
            return name[len(d):]
    return name


def _hit(q: Quote, _match=None) -> ProgramHit:
    return ProgramHit(q.name, q.start, q.end, set(q.aliases))


def _hit_with_type(q: Quote, _match=None) -> ProgramHit:
    return ProgramHit(q.name, q.start, q.end, set(q.aliases) | {q.inner + q.type_after.group()})


def _skip(_q: Quote, _match=None) -> None:
    return None


def _type_word_rest(q: Quote) -> str:
    return q.phrase[q.type_after.end():] if q.type_after else ""


def _no(name: str, when, example: str) -> Rule[Quote, None]:
    return Rule(name, when, _skip, example)


# A quoted name is a program when the first row that fires says so.
QUOTE_RULES: tuple[Rule[Quote, ProgramHit | None], ...] = (
    _no("not_a_name", lambda q: BAD_INNER.search(q.inner) or _bare(q.inner, q.district_names) in GENERIC_NAMES
        or q.inner in MECHANISMS or PAIRED_MECHANISM.match(q.inner)
        or NUMERAL_ONLY.match(TYPE_END_RE.sub("", q.inner)), "推行“揭榜挂帅”工程"),
    _no("figurative", lambda q: FIGURATIVE_BEFORE.search(q.clause)
        or (MEANS_BEFORE.search(q.clause) and FIGURATIVE_AFTER.match(q.after)), "以人才安居“小切口”做好引才“大文章”"),
    _no("someone_elses", lambda q: JOIN_BEFORE.search(q.lead) or JOIN_OWNED_BEFORE.search(q.lead)
        or OWNED_AFTER.match(q.after) or (APPLY_BEFORE.search(q.lead) and q.foreign)
        or _other_county_before(q.before, q.district_names),
        "38人入选苏州市“姑苏英才计划”"),
    _no("national", lambda q: q.inner in NATIONAL or TYPE_END_RE.sub("", q.inner) in NATIONAL
        or PROVINCE_START.match(q.inner), "要让“千人计划”人才留得住"),
    _no("designation", lambda q: (DESIGNATION_BEFORE.search(q.lead) and not MANAGED_AFTER.match(q.after))
        or DESIGNATION_AFTER.match(q.after)
        or (GOAL_END.search(q.inner) and not q.type_after),
        "被赋予“农产品供应基地”等功能定位"),
    _no("role_or_class", lambda q: ROLE_END.search(q.inner) or DEGREE_CLASS_AFTER.match(q.after)
        or (q.inner.endswith("人才") and not q.type_after)
        or (PARTICIPANT_BEFORE.search(q.clause) and q.after.startswith("项目")), "聘任30名“校园引才大使”"),
    _no("a_citys_tour", lambda q: TOUR_NAME.search(q.inner) and _foreign_inside(q.inner, q.district_names),
        "开展“沈阳博士看沈阳”活动"),
    _no("not_about_talent", lambda q: NON_TALENT.search(q.inner) or NON_TALENT.search(q.clause[-6:])
        or INSTITUTION_END.search(q.inner), "开展招商引资“攻坚年”活动"),
    _no("work_item", lambda q: q.after.startswith("工作") and not q.after.startswith(("工作站", "工作室")),
        "推进“三城同建”工作"),
    _no("owned_above_or_a_batch", lambda q: BATCH_BEFORE.search(q.before) or OWNER_BEFORE.search(q.before)
        or OWNER_START.match(q.inner), "落实市委、市政府“青年英才计划”"),
    _no("listed_mechanism", lambda q: q.after.startswith(("、", "“")) and MECHANISM_AFTER.match(q.after.lstrip("、")),
        "推行“首问负责”、“限时办结”等工作机制"),
    _no("mechanism", lambda q: MECHANISM_AFTER.match(q.after)
        or MECHANISM_TAIL.search(re.split(r"[,，。;；、\n]", q.after, 1)[0][:10]), "建立“人才专班”服务机制"),
    _no("mode", lambda q: q.inner.endswith(("式", "型", "化", "制")), "推行“保姆式”服务"),
    # a title given to a number of things (新认定“博罗名匠工作室”8个; a brand the county
    # sets up N of, 设立“吴中人才服务站”12个, stays one) or an entry that won a prize
    # (“熊猫智能巡检机器人”项目获一等奖): no name of a programme
    _no("recognised_or_entered", lambda q: (RECOGNISED_BEFORE.search(q.lead) and COUNTED_AFTER.match(q.after))
        or ENTERED_AFTER.match(q.after), "新认定“博罗名匠工作室”8个"),
    Rule("own_type_word", lambda q: TYPE_END_RE.search(q.inner), _hit, "实施“四春计划”"),
    _no("event", lambda q: EVENT_RE.search(q.inner), "举办“英才峰会”"),
    Rule("listed_with_type_word", lambda q: LIST_TAIL_RE.match(q.after) and not EVENT_RE.search(q.phrase), _hit,
         "打造“才聚江城”“智汇港城”等对接平台"),
    _no("slogan", lambda q: SLOGAN_RE.match(q.inner) and not (q.type_after or q.name != q.inner),
        "喊出“长爱人才·泰盼你来”"),
    # “A”品牌发布暨“B”首发仪式: the event after 暨 is another phrase
    _no("type_word_of_an_event", lambda q: q.type_after and (
        EVENT_RE.search(re.split(r"暨", q.phrase, 1)[0]) or AFTER_CONTEXT.match(_type_word_rest(q))),
        "举行“金种子”计划发布会"),
    _no("activity_that_is_an_event", lambda q: q.type_after and q.type_after.group("type") == "活动"
        and EVENT_RE.search(_type_word_rest(q)[:6]), "开展“青春同行”活动暨培训"),
    # a campaign of another kind: no word of talent in the name or its sentence (the notes)
    _no("nothing_about_talent", lambda q: (q.type_after or LAUNCH_BEFORE_RE.search(q.before) or q.repeated)
        and not TALENT_CONTEXT.search(q.sentence), "开展“三服务”活动，走访企业500家"),
    Rule("type_word_after", lambda q: q.type_after, _hit_with_type, "启动“学子回家”活动"),
    _no("modifier_or_event_after", lambda q: q.after.startswith(("的", "式", "型", "化"))
        or EVENT_RE.search(q.phrase), "发挥“人才雁阵”的作用"),
    Rule("launched_or_repeated", lambda q: LAUNCH_BEFORE_RE.search(q.before) or q.repeated, _hit,
         "开展“英才选聘”"),
    _no("otherwise", always, "他说“欢迎回家”"),
)


# rows that find a quoted name to be an event (“智汇乾州”论坛)
_EVENT_ROWS = {"event", "type_word_of_an_event", "activity_that_is_an_event", "modifier_or_event_after"}


def _quoted_hits(norm: str, district_names: set[str]) -> list[ProgramHit]:
    """The quoted names that are programs. A name taken only because it is
    quoted twice is dropped when another of its quotes shows it to be an
    event (邀约专家“智汇乾州” … “智汇乾州”论坛) or a title conferred (表彰…
    “博罗工匠” … 获评2025年度“博罗工匠”)."""
    decided = [(q, *decide(QUOTE_RULES, q)) for q in _quotes(norm, district_names)]
    vetoed = {q.inner for q, rule, _ in decided if rule.name == "designation" or rule.name in _EVENT_ROWS
              and (rule.name != "modifier_or_event_after" or EVENT_RE.search(q.phrase))}
    return [h for q, rule, h in decided
            if h is not None and not (rule.name == "launched_or_repeated" and q.inner in vetoed
                                      and not LAUNCH_BEFORE_RE.search(q.before))]


def _tour_hits(norm: str, district_names: set[str]) -> list[ProgramHit]:
    hits = []
    for m in TOUR_RE.finditer(norm):
        name = m.group("name")
        place = name[-3:-1] if len(name) < 5 else name[-4:-1]
        # a tour of the article's district; a tour of a city is the city's (博士沈阳行)
        if len(name) >= 4 and _specific(place, district_names) and not _foreign_inside(name, district_names) \
                and not EVENT_RE.search(name):
            hits.append(ProgramHit(name, m.start("name"), m.end("name"), {name + "活动"}))
    return hits


def _named_series_hits(norm: str) -> list[ProgramHit]:
    """菁蓉汇·郫都人才对接活动, STB人才认定体系, 东岭苑人才公寓, 第五届海峡菁英人才节."""
    return [ProgramHit(m.group("name"), m.start("name"), m.end("name"))
            for rx in (BRAND_ACTIVITY_RE, ACRONYM_RE, NAMED_HOUSING_RE, FESTIVAL_RE) for m in rx.finditer(norm)
            if not EVENT_RE.search(m.group("name"))]


def _unquoted_hits(norm: str, district_names: set[str]) -> list[ProgramHit]:
    hits = []
    for rx in (UNQUOTED_RE, FACILITY_RE, FOUNDED_RE):
        for m in rx.finditer(norm):
            grp = "name" if m.group("name") else "name2"
            name = m.group(grp)
            if OWNER_START.match(name) or name in GENERIC_NAMES or norm[m.end(grp): m.end(grp) + 2] == "建设" \
                    or name in NATIONAL or TYPE_END_RE.sub("", name) in NATIONAL or PROVINCE_START.match(name):
                continue
            if "的" in name or NON_TALENT.search(name) or COUNT_START.match(name):
                continue
            if rx is not UNQUOTED_RE and not (_specific(name, district_names) and TALENT_WORD.search(name)):
                continue
            if rx is UNQUOTED_RE and not TALENT_CONTEXT.search(_sentence_around(norm, m.start(grp), m.end(grp))):
                continue  # 实施绿色低碳发展计划: a plan of another kind
            hits.append(ProgramHit(name, m.start(grp), m.end(grp)))
    return hits


def find_programs(norm: str, district_names: set[str]) -> list[ProgramHit]:
    """Every program named in the text, by the four signals of the module doc, in this order."""
    headings = [ProgramHit(m.group("name"), m.start("name"), m.end("name"), heading=True)
                for m in HEADING_RE.finditer(norm)]
    return (_quoted_hits(norm, district_names) + _tour_hits(norm, district_names) + _named_series_hits(norm)
            + _unquoted_hits(norm, district_names) + headings)


def _specific(name: str, district_names: set[str]) -> bool:
    """Does the name hold a place (district, city, province, macro-region)?"""
    from .places import gazetteer

    if MACRO_REGIONS.search(name) or any(d in name for d in district_names):
        return True
    g = gazetteer()
    for start, end in g.names.finditer(name):
        if name[start:end] in g.by_full or name[start:end] in g.blockers:
            return True
    return False


_NAME_MARKS = re.compile(r"[\s“”\"'‘’·]")
_COUNT_OF_ITEMS = re.compile(r"\d+条")
_CODE = re.compile(r"[\dA-Za-z]{3,}")


@lru_cache(maxsize=4096)
def _norm(n: str) -> str:
    return _NAME_MARKS.sub("", n)


def merge(hits: list[ProgramHit]) -> list[tuple[str, list[ProgramHit], set[str]]]:
    """Group hits that name the same program (one name inside the other,
    at least half as long); the canonical name is the shortest quoted form."""
    groups: list[tuple[str, list[ProgramHit], set[str]]] = []
    for h in sorted(hits, key=lambda h: h.start):
        key = _norm(h.name)
        names = {key} | {_norm(a) for a in h.aliases}
        placed = False
        for i, (canon, members, aliases) in enumerate(groups):
            cands = {_norm(canon)} | {_norm(a) for a in aliases}
            if any(_same(a, b) for a in names for b in cands):
                members.append(h)
                aliases |= h.aliases | {h.name}
                if len(h.name) < len(canon) and len(h.name) >= 3:
                    aliases.add(canon)
                    canon = h.name
                groups[i] = (canon, members, aliases)
                placed = True
                break
        if not placed:
            groups.append((h.name, [h], set(h.aliases)))
    return [(c, m, a - {c}) for c, m, a in groups]


@lru_cache(maxsize=8192)
def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if _COUNT_OF_ITEMS.fullmatch(short) and long_.endswith(short):
        return True  # 19条 is short for 教育科技人才一体发展19条
    code = _CODE.match(short)
    if code and long_.startswith(code.group()) and TYPE_END_RE.search(short) \
            and long_.endswith(TYPE_END_RE.search(short).group()):
        return True  # “3551人才计划” is short for “3551光谷人才计划”: same code, same type
    return short in long_ and len(short) >= 0.5 * len(long_)
