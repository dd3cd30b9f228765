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

TYPE_END = (r"(?:行动计划|计划|工程|行动|品牌|基地|平台|联盟|项目|社区|人才卡|人才节|人才周|人才港|驿站|走廊|"
            r"(?:\d+|[一二三四五六七八九十]+)条)")
TYPE_END_RE = re.compile(TYPE_END + "$")
TYPE_AFTER_RE = re.compile(r"^(?:服务|培养|引才|引育|专项|支持)?(?:系列活动|专项行动|行动计划|人才工程|人才公寓|计划|工程|行动|品牌|项目|活动|平台|基地|社区|联盟)")
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
OWNER_BEFORE = re.compile(r"(?:市委|市政府|省委|省政府|国务院|中央|国家|全国|省级|市级)[、,，和及]?(?:市委|市政府|省政府)?$")
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
    r"(?P<name>[\u4e00-\u9fffA-Za-z·—]{2,22}?(?:联盟|人才卡|人才节|社区|平台|基地|基金|中心))"
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
                 "人才驿站", "驿站", "青年驿站", "人才社区", "人才公寓"}
# 开展菁蓉汇·郫都人才对接活动: an unquoted brand·place activity series
BRAND_ACTIVITY_RE = re.compile(
    r"(?:开展|举办)(?P<name>[\u4e00-\u9fff]{2,8}·[\u4e00-\u9fff]{2,12}?)(?:系列)?活动")
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
        if BAD_INNER.search(inner) or inner in GENERIC_NAMES or inner in MECHANISMS:
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
            if EVENT_RE.search(phrase) or AFTER_CONTEXT.match(rest):
                continue
            if t.group() != "活动" or not EVENT_RE.search(rest[:6]):
                aliases.add(inner + t.group())
                hits.append(ProgramHit(name, s + 1, e - 1, aliases))
            continue
        if after.startswith(("的", "式", "型", "化")) or EVENT_RE.search(phrase):
            continue
        if LAUNCH_BEFORE_RE.search(before) or (quoted[inner] >= 2 and 3 <= len(inner) <= 6
                                               and inner not in metaphor and not SLOGAN_RE.match(inner)):
            hits.append(ProgramHit(name, s + 1, e - 1, aliases))
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
            if "的" in name:
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
    return short in long_ and len(short) >= 0.5 * len(long_)
