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
   ((一)科技创新人才引擎工程).
Rejected: slogans (X·Y without a program word), quotes with list punctuation
or +, enumerations (五大…), categories introduced by 一批, mechanisms and
modes (…等工作机制), programmes owned by a higher level (市委、市政府“…”,
国家级…), policy documents in 《》 (never quoted with “”).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

TYPE_END = (r"(?:行动计划|计划|工程|行动|品牌|基地|平台|联盟|项目|社区|人才卡|人才节|人才港|走廊|"
            r"\d+条|青年城|众创馆|联络站)")
TYPE_END_RE = re.compile(TYPE_END + "$")
TYPE_AFTER_RE = re.compile(r"^(?:系列活动|专项行动|行动计划|人才工程|人才公寓|计划|工程|行动|品牌|项目|活动|平台|基地|社区|联盟)")
EVENT_RE = re.compile(r"论坛|大会|峰会|仪式|招聘会|发布会|洽谈会|对接会|推介会|恳谈|展|秀|赛|晚会|派对|培训|研修|课堂|会议")
LAUNCH_VERB = r"(?:开展|推出|启动|开办|实施|打造|深化|落实|举办|创办|建设|搭建|设立|成立|组建|建立|推进|深化拓展)"
LAUNCH_BEFORE_RE = re.compile(LAUNCH_VERB + r"$")
QUOTE_RE = re.compile(r"“([^“”\n]{2,24})”")
BAD_INNER = re.compile(r"[,，、;；。:：!?！？+《》()（）…]|^[\dA-Za-z.]+$|^[一二三四五六七八九十百千]+大")
OWNER_BEFORE = re.compile(r"(?:市委|市政府|省委|省政府|国务院|中央|国家|全国|省级|市级)[、,，和及]?(?:市委|市政府|省政府)?$")
OWNER_START = re.compile(r"^(?:国家|全国|中国|省级|市级|国际(?=.{0,3}(?:示范|标准)))")
MECHANISM_AFTER = re.compile(r"^(?:[、“”\w+]{0,30}?等)?(?:工作)?(?:机制|模式|制度|理念|体系|格局|精神|战略|主题|为主题|思路|方针)")
UNQUOTED_RE = re.compile(
    LAUNCH_VERB + r"(?P<name>[\u4e00-\u9fffA-Za-z0-9·—]{2,18}" + r"(?:行动计划|计划|工程|行动|联盟|人才卡|人才节|社区|平台|基地|基金))"
    r"(?=[,，。;；、\n\s]|之|$)")
FOUNDED_RE = re.compile(
    r"(?:^|(?<=[,，。;；\n:：]))(?P<name>[\u4e00-\u9fffA-Za-z0-9·—]{3,18}(?:联盟|平台|基地|计划|中心))(?:宣布|正式|同步|也)?(?:成立|启动|揭牌|上线)")
HEADING_RE = re.compile(
    r"(?m)^\s*(?:[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d+[.、])\s*(?:实施|开展|推进)?"
    r"(?P<name>[\u4e00-\u9fff]{3,18}(?:行动计划|计划|工程|行动))\s*$")
BATCH_BEFORE = re.compile(r"(?:一批|一系列|一些|若干|各类|多个)$")
SLOGAN_RE = re.compile(r"^[^·]{2,}·[^·]{2,}$")
GENERIC_NAMES = {"人才工程", "人才计划", "专项行动", "行动计划", "人才平台", "创新平台", "服务平台", "项目"}


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
    quoted = Counter(m.group(1) for m in QUOTE_RE.finditer(norm))
    for m in QUOTE_RE.finditer(norm):
        inner = m.group(1).strip()
        s, e = m.start(), m.end()
        before = norm[max(0, s - 12): s]
        after = norm[e: e + 40]
        if BAD_INNER.search(inner) or inner in GENERIC_NAMES:
            continue
        if BATCH_BEFORE.search(before) or OWNER_BEFORE.search(before) or OWNER_START.match(inner):
            continue
        if after.startswith(("、", "“")) and MECHANISM_AFTER.match(after.lstrip("、")):
            continue
        if MECHANISM_AFTER.match(after):
            continue
        own_type = bool(TYPE_END_RE.search(inner))
        t = TYPE_AFTER_RE.match(after)
        phrase = re.split(r"[,，。;；\n]", after, 1)[0]
        name, aliases = _strip_prefix(inner, district_names)
        if own_type:
            hits.append(ProgramHit(name, s + 1, e - 1, aliases))
            continue
        if SLOGAN_RE.match(inner) and not (t or name != inner):
            continue
        if t:
            rest = phrase[t.end():]
            if EVENT_RE.search(phrase[: t.end()]) or EVENT_RE.match(rest):
                continue
            if t.group() != "活动" or not EVENT_RE.search(rest[:6]):
                aliases.add(inner + t.group())
                hits.append(ProgramHit(name, s + 1, e - 1, aliases))
            continue
        if after.startswith("的") or EVENT_RE.match(phrase):
            continue
        if LAUNCH_BEFORE_RE.search(before) or (quoted[inner] >= 2 and 3 <= len(inner) <= 6
                                               and not SLOGAN_RE.match(inner)):
            hits.append(ProgramHit(name, s + 1, e - 1, aliases))
    for rx in (UNQUOTED_RE, FOUNDED_RE):
        for m in rx.finditer(norm):
            name = m.group("name")
            if OWNER_START.match(name) or name in GENERIC_NAMES or norm[m.end("name"): m.end("name") + 2] == "建设":
                continue
            if "“" in name or "”" in name:
                continue
            hits.append(ProgramHit(name, m.start("name"), m.end("name")))
    for m in HEADING_RE.finditer(norm):
        hits.append(ProgramHit(m.group("name"), m.start("name"), m.end("name"), heading=True))
    return hits


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
    return short in long_ and len(short) >= 0.5 * len(long_)
