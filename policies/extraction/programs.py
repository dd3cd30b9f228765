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
from collections import Counter
from dataclasses import dataclass, field

# Type words that close a program's own name. Besides plans and projects, the
# named venues and networks a district runs for talent: stations (驿站, 工作站,
# 服务站), studios, clubs, academies, night schools, 之家/会客厅, talent days,
# service codes, and the 港/谷/营 coinages (人才港, 鄞创谷, 青创营).
TYPE_END = (r"(?:行动计划|计划|工程|行动|品牌|基地|平台|联盟|项目|社区|人才卡|英才卡|才卡|公寓|(?:人才|英才|青年|专家)家园|新政|人才节|人才周|人才日|驿站|走廊|"
            r"工作站|服务站|联络站|工作室|学院|俱乐部|夜[校市读话]|之家|会客厅|人才码|服务码|"
            r"(?:人才|创新|创业|青创|英才)港|[创才]谷|(?:青创|创客|创业|人才)营|(?:人才|英才|科创|才)贷|"
            r"(?:\d+|[一二三四五六七八九十]+)条)")
TYPE_END_RE = re.compile(TYPE_END + "$")
# “X”培育工程, “X”青年人才储备工程, “X”人才服务品牌, “X”人才新政: a type word
# right after the quote, or after a short modifier (up to six characters that
# hold no function word: 的, 等, 和 … would make it a different phrase).
TYPE_AFTER_RE = re.compile(
    r"^(?P<mod>[\u4e00-\u9fff]{0,6}?)(?P<type>系列活动|专项行动|行动计划|人才公寓|计划|工程|行动|品牌|项目|活动|平台|基地|"
    r"社区|联盟|新政|专项|服务综合体)")
MODIFIER_BAD = re.compile(r"[的等和与及或为是在对将把被了着过]|工作|机制|模式|体系|论坛|大会")
EVENT_RE = re.compile(r"开幕式|启动式|闭幕式|论坛|大会|峰会|仪式|招聘会|发布会|洽谈会|对接会|推介会|展览|展会|展演|风采展|成果展|博览|灯光秀|表演|比赛|大赛|竞赛|赛事|晚会|派对|培训|研修|会议")
LAUNCH_VERB = r"(?:开展|推出|启动|开办|实施|打造|深化|落实|举办|创办|建设|搭建|设立|成立|组建|建立|推进|深化拓展)"
LAUNCH_BEFORE_RE = re.compile(LAUNCH_VERB + r"$")
# double quotes, and single quotes (used inside a quoted speech)
QUOTE_RE = re.compile(r"“([^“”\n]{2,24})”|‘([^‘’“”\n]{2,24})’")
# “A”“B”等对接平台: every quoted item of a list closed by 等 + a program word
LIST_TAIL_RE = re.compile(r"^(?:[“‘][^“”‘’]{1,20}[”’])*等[\u4e00-\u9fff]{0,4}(?:平台|品牌|项目|载体|工程|计划|行动|活动)")
COPULA_BEFORE = re.compile(r"(?:的|为|变|成|是|像|如|作为|当作|列为)$")
AFTER_CONTEXT = re.compile(r"^(?:的带动|的引领|的推动|的指引|的号召|的影响)")
# macro-regions that make a name specific without being in the gazetteer
MACRO_REGIONS = re.compile(r"京津冀|长三角|粤港澳|大湾区|成渝|雄安|海峡两岸|中关村")
BAD_INNER = re.compile(r"[,，、;；。:：!?！？+《》()（）…]|^[\dA-Za-z.]+$|^[一二三四五六七八九十百千]+大|^[一二三四五六七八九十\d]+号|—.*—|的")
# Mechanisms and modes known across China by the same words; a type word after
# them (“揭榜挂帅”工程) does not make them a program.
MECHANISMS = {"揭榜挂帅", "赛马", "赛马制", "师带徒", "一事一议", "一人一策", "一企一策", "双招双引", "带土移植",
              "三支一扶", "放管服", "最多跑一次", "一网通办", "一站式", "订单式", "人才飞地", "飞地", "校地合作"}
OWNER_BEFORE = re.compile(r"(?:市委|市政府|省委|省政府|国务院|中央|国家|全国|省级|市级|"
                          r"人社部|人力资源社会保障部|人力资源和社会保障部|科技部|教育部|工信部|商务部|农业农村部|中组部|团中央)"
                          r"[、,，和及]?(?:市委|市政府|省政府)?$")
# A district that takes part in someone else's programme (参与“春风行动”,
# 融入…, 38人入选苏州市“姑苏英才计划”, 依托“X”等市级活动平台) does not run it.
# 参与/参加/加入/融入 always mean joining; 入选/申报/依托/对接 only when a higher
# level owns the programme (a city, province, ministry or 国家 between the verb
# and the quote, or 市级/省级/国家级 right after it): 对入选“X计划”的人才给予…
# is the district's own programme.
JOIN_BEFORE = re.compile(r"(?:参与|参加|加入|融入|争创)(?:了|到)?[\u4e00-\u9fff]{0,6}$")
JOIN_OWNED_BEFORE = re.compile(
    r"(?:入选|申报|依托|对接|获评|承办)(?:了)?(?:国家|全国|中央|[\u4e00-\u9fff]{1,6}?[省市部])$")
OWNED_AFTER = re.compile(r"^(?:等)?(?:市级|省级|国家级|全国性|全市|全省)")
# General development campaigns that are not about talent: business climate,
# investment promotion, year-of-tackling drives. A name holding one of these
# words, or a quote right after one (招商引资“攻坚年”活动), is not a program.
NON_TALENT = re.compile(r"营商环境|招商引资|招商|攻坚年|项目攻坚|城市更新|文明城市|创文|创卫|环境整治|安全生产|稳增长|"
                        r"政务服务|政务|公共服务|强区|强县|强市|强镇")
# institutions and companies are not programs, quoted or not
INSTITUTION_END = re.compile(r"(?:集团|公司|大学|学校|中学|小学|医院|研究院|研究所|实验室|银行|协会|商会)$")
# a name made only of counts (“百千万”工程) is a campaign slogan
NUMERAL_ONLY = re.compile(r"^[一二两三四五六七八九十百千万亿双]+$")
OWNER_START = re.compile(r"^(?:国家|全国|中国|省级|市级|国际(?=.{0,3}(?:示范|标准)))")
MECHANISM_AFTER = re.compile(r"^(?:[、“”\w+]{0,30}?等)?(?:工作)?(?:机制|模式|制度|理念|体系|格局|精神|战略|主题|为主题|思路|方针)")
MECHANISM_TAIL = re.compile(r"(?:机制|模式|制度|理念|体系|格局|精神|战略|思路|方针)$")
UNQUOTED_RE = re.compile(
    r"(?:实施|推出|启动|开展)(?P<name>[\u4e00-\u9fffA-Za-z·—]{2,18}(?:行动计划|计划|工程|行动|人才卡|人才节))"
    r"(?=[,，。;；、\n\s]|之|$)")
# facilities and bodies (平台, 基地, 社区, 联盟, 基金, 中心) are programs only when
# their name is specific: it holds a place name (望京国际人才社区, 河西…中心)
FACILITY_RE = re.compile(
    r"(?:打造|建设|搭建|设立|成立|组建|建立|创办|承接|共建|联合成立|发起成立)"
    r"(?P<name>[\u4e00-\u9fffA-Za-z·—]{2,22}?(?:联盟|人才卡|人才节|社区|平台|基地|基金|中心|(?:人才|创新|创业)港|人才谷))"
    r"(?=[,，。;；、\n\s等]|$)"
    # an alliance named in a list or an apposition (…、天津市…联盟等)
    r"|(?<=[、,，。;；\n:：—])(?P<name2>[\u4e00-\u9fffA-Za-z·]{4,22}联盟)(?=[,，。;；、\n等]|$)")
FOUNDED_RE = re.compile(
    r"(?:^|(?<=[,，。;；\n:：]))(?P<name>[\u4e00-\u9fffA-Za-z·—]{3,18}(?:联盟|平台|基地|计划|中心))(?:宣布|正式|同步|也)?(?:成立|启动|揭牌|上线)")
HEADING_RE = re.compile(
    r"(?m)^\s*(?:[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d+[.、])\s*(?:实施|开展|推进)?"
    r"(?P<name>[\u4e00-\u9fff]{3,18}(?:行动计划|计划|工程|行动))\s*$")
BATCH_BEFORE = re.compile(r"(?:一批|一系列|一些|若干|各类|多个)$")
SLOGAN_RE = re.compile(r"^[^·]{2,}·[^·]{2,}$")
GENERIC_NAMES = {"人才工程", "人才计划", "专项行动", "行动计划", "人才平台", "创新平台", "服务平台", "项目",
                 "人才驿站", "驿站", "青年驿站", "人才社区", "人才公寓", "青年公寓", "公寓", "青年人才公寓",
                 "国际人才公寓", "专家公寓", "人才家园", "人才新政", "新政"}
# 开展菁蓉汇·郫都人才对接活动: an unquoted brand·place activity series
BRAND_ACTIVITY_RE = re.compile(
    r"(?:开展|举办)(?P<name>[\u4e00-\u9fff]{2,8}·[\u4e00-\u9fff]{2,12}?)(?:系列)?活动")
# 开展大V丰台行活动, 专家温江行: a “who + place + 行” tour is a recurring named
# activity when the place is a known district, city or region
TOUR_RE = re.compile(
    r"(?:开展|举办|启动|组织|推出)(?P<name>[\u4e00-\u9fffA-Za-z]{1,8}?行)(?:系列)?活动")
# an acronym makes an unquoted system or programme name specific (STB人才认定体系)
ACRONYM_RE = re.compile(
    r"(?:推进|实施|推行|建立|构建|打造)(?P<name>[A-Z]{2,6}[\u4e00-\u9fff]{2,10}(?:体系|计划|工程|行动))(?=[,，。;；、\n]|$)")


@dataclass
class ProgramHit:
    name: str
    start: int
    end: int
    aliases: set[str] = field(default_factory=set)
    heading: bool = False


def _strip_prefix(name: str, district_names: set[str]) -> tuple[str, set[str]]:
    aliases = set()
    n = re.sub(r"^(?:19|20)\d\d年?", "", name)
    if "·" in n:
        left, right = n.split("·", 1)
        if left in district_names:
            aliases.add(n)
            n = right
    if n != name:
        aliases.add(name)
    return n, aliases


def find_programs(norm: str, district_names: set[str]) -> list[ProgramHit]:
    hits: list[ProgramHit] = []
    quoted = Counter(m.group(1) or m.group(2) for m in QUOTE_RE.finditer(norm))
    metaphor = {m.group(1) or m.group(2) for m in QUOTE_RE.finditer(norm)
                if COPULA_BEFORE.search(norm[max(0, m.start() - 1): m.start()])}
    for m in QUOTE_RE.finditer(norm):
        inner = (m.group(1) or m.group(2)).strip()
        s, e = m.start(), m.end()
        before = norm[max(0, s - 12): s]
        after = norm[e: e + 40]
        if BAD_INNER.search(inner) or inner in GENERIC_NAMES or inner in MECHANISMS \
                or NUMERAL_ONLY.match(TYPE_END_RE.sub("", inner)):
            continue
        clause = re.split(r"[,，。;；:：\n]", before)[-1]
        if JOIN_BEFORE.search(clause) or JOIN_OWNED_BEFORE.search(clause) or OWNED_AFTER.match(after):
            continue  # someone else's programme the district only takes part in
        if NON_TALENT.search(inner) or NON_TALENT.search(clause[-6:]) or INSTITUTION_END.search(inner):
            continue
        if after.startswith("工作") and not after.startswith(("工作站", "工作室")):
            continue  # 推进“三城同建”工作: a work item or campaign
        if BATCH_BEFORE.search(before) or OWNER_BEFORE.search(before) or OWNER_START.match(inner):
            continue
        if after.startswith(("、", "“")) and MECHANISM_AFTER.match(after.lstrip("、")):
            continue
        if MECHANISM_AFTER.match(after) or MECHANISM_TAIL.search(re.split(r"[,，。;；、\n]", after, 1)[0][:10]):
            continue
        if inner.endswith(("式", "型", "化", "制")):
            continue  # a mode or mechanism: 一站式, 包干制
        own_type = bool(TYPE_END_RE.search(inner))
        t = TYPE_AFTER_RE.match(after)
        if t and (MODIFIER_BAD.search(t.group("mod")) or NON_TALENT.search(t.group("mod"))):
            t = None
        phrase = re.split(r"[,，。;；\n]", after, 1)[0]
        name, aliases = _strip_prefix(inner, district_names)
        if own_type:
            hits.append(ProgramHit(name, s + 1, e - 1, aliases))
            continue
        if EVENT_RE.search(inner):
            continue
        if LIST_TAIL_RE.match(after) and not EVENT_RE.search(phrase):
            hits.append(ProgramHit(name, s + 1, e - 1, aliases))
            continue
        if SLOGAN_RE.match(inner) and not (t or name != inner):
            continue
        if t:
            rest = phrase[t.end():]
            # “A”品牌发布暨“B”首发仪式: the event after 暨 is another phrase
            own_phrase = re.split(r"暨", phrase, 1)[0]
            if EVENT_RE.search(own_phrase) or AFTER_CONTEXT.match(rest):
                continue
            if t.group("type") != "活动" or not EVENT_RE.search(rest[:6]):
                aliases.add(inner + t.group())
                hits.append(ProgramHit(name, s + 1, e - 1, aliases))
            continue
        if after.startswith(("的", "式", "型", "化")) or EVENT_RE.search(phrase):
            continue
        if LAUNCH_BEFORE_RE.search(before) or (quoted[inner] >= 2 and 3 <= len(inner) <= 6
                                               and inner not in metaphor and not SLOGAN_RE.match(inner)):
            hits.append(ProgramHit(name, s + 1, e - 1, aliases))
    for m in TOUR_RE.finditer(norm):
        name = m.group("name")
        if len(name) >= 4 and _specific(name[-3:-1] if len(name) < 5 else name[-4:-1], district_names) \
                and not EVENT_RE.search(name):
            hits.append(ProgramHit(name, m.start("name"), m.end("name"), {name + "活动"}))
    for rx in (BRAND_ACTIVITY_RE, ACRONYM_RE):
        for m in rx.finditer(norm):
            if not EVENT_RE.search(m.group("name")):
                hits.append(ProgramHit(m.group("name"), m.start("name"), m.end("name")))
    for rx in (UNQUOTED_RE, FACILITY_RE, FOUNDED_RE):
        for m in rx.finditer(norm):
            grp = "name" if m.group("name") else "name2"
            name = m.group(grp)
            if OWNER_START.match(name) or name in GENERIC_NAMES or norm[m.end(grp): m.end(grp) + 2] == "建设":
                continue
            if "的" in name or NON_TALENT.search(name):
                continue
            if rx is not UNQUOTED_RE and not _specific(name, district_names):
                continue
            hits.append(ProgramHit(name, m.start(grp), m.end(grp)))
    for m in HEADING_RE.finditer(norm):
        hits.append(ProgramHit(m.group("name"), m.start("name"), m.end("name"), heading=True))
    return hits


def _specific(name: str, district_names: set[str]) -> bool:
    """Does the name hold a place (district, city, province, macro-region)?"""
    from .places import gazetteer

    if MACRO_REGIONS.search(name) or any(d in name for d in district_names):
        return True
    g = gazetteer()
    for m in g.regex.finditer(name):
        if m.group() in g.by_full or m.group() in g.blockers:
            return True
    return False


def _norm(n: str) -> str:
    return re.sub(r"[\s“”\"'‘’·]", "", n)


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


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if re.fullmatch(r"\d+条", short) and long_.endswith(short):
        return True  # 19条 is short for 教育科技人才一体发展19条
    code = re.match(r"[\dA-Za-z]{3,}", short)
    if code and long_.startswith(code.group()) and TYPE_END_RE.search(short) \
            and long_.endswith(TYPE_END_RE.search(short).group()):
        return True  # “3551人才计划” is short for “3551光谷人才计划”: same code, same type
    return short in long_ and len(short) >= 0.5 * len(long_)
