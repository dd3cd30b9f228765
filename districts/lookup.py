"""Finding districts by what a person types: Chinese name, pinyin, initials, English name or adcode."""
from __future__ import annotations

import difflib
import re

from django.db.models import Case, IntegerField, Q, Value, When

from .english import LEVELS
from .models import District

ADCODE = re.compile(r"^\d{6}$")
# The levels of the English names the site shows (districts.english), as typed: letters only, each with
# the Chinese ending it stands for, longest first ("Changtai District" is changtai and a name in 区).
TYPED_LEVELS = [(re.sub(r"[^a-z]", "", english.lower()), chinese) for chinese, english in LEVELS]


def _level(spelled: str) -> tuple[str, str]:
    """("changtai", "区") for "changtaidistrict"; (spelled, "") when it ends in no level."""
    for word, ending in TYPED_LEVELS:
        if spelled.endswith(word) and len(spelled) > len(word):
            return spelled[: -len(word)], ending
    return spelled, ""


# One pinyin syllable without tone (an initial, then a final), to find where a name's syllables begin:
# a name is found by whole syllables, so xian (西安) never finds xiangcheng (相城).
SYLLABLE = re.compile(
    r"(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|uai|iao|ian|uan|van|ai|ei|ao|ou|an|en|in|un|vn|ia|ie|iu|ua|uo|ue|ve|ui|er"
    r"|a|o|e|i|u|v)"
)


def condition(query: str, prefix: str = "") -> Q | None:
    """The districts a person means by `query` (丰台, fengtai, ft, 1101) as a condition on
    the fields under `prefix` ("district__" from a fact); None when it can mean none."""
    return _matching(query, prefix)[0]


def _matching(query: str, prefix: str = "") -> tuple[Q | None, Q | None]:
    """(condition, the exact matches among them) for `query`, field names under `prefix`."""
    query = (query or "").strip()[:60]  # the longest English name has 54 characters
    if not query or "\x00" in query:  # PostgreSQL refuses a NUL character in a query
        return None, None

    def q(**lookups) -> Q:
        return Q(**{prefix + k: v for k, v in lookups.items()})

    if query.isdigit():
        return q(adcode__startswith=query), q(adcode=query)
    if query.isascii():
        spelled, ending = _level(re.sub(r"[^a-z]", "", query.lower()))
        if not spelled:
            return None, None
        condition = (
            q(pinyin__startswith=spelled) | q(pinyin__contains=" " + spelled)
            | q(initials__startswith=spelled) | q(initials__contains=" " + spelled)
        )
        exact = q(pinyin=spelled) | q(pinyin__startswith=spelled + " ") | q(pinyin__endswith=" " + spelled) \
            | q(pinyin__contains=f" {spelled} ")
        if ending:
            condition, exact = condition & q(name__endswith=ending), exact & q(name__endswith=ending)
        # The English name as shown, whatever its pinyin (Weichang Manchu Mongol Autonomous County).
        shown = q(name_en__iexact=" ".join(query.split()))
        return condition | shown, exact | shown
    condition = q(name__contains=query) | q(short_name__contains=query) | q(city__startswith=query)
    return condition, q(short_name=query) | q(name=query)


def city_condition(city: str, prefix: str = "") -> Q:
    """The districts of a city given by adcode (350600), by the start of its name (漳州) or by its pinyin."""
    if city.isdigit():
        return Q(**{prefix + "city_adcode": city})
    if city.isascii():
        return Q(**{prefix + "city_en__iregex": spelled_pattern(city)})
    return Q(**{prefix + "city__startswith": city})


def spelled_pattern(query: str) -> str:
    """A pattern for an English (pinyin) name spelled as in `query`, in any case, with or without
    its apostrophes, spaces and hyphens: xian and xi'an are Xi'an."""
    letters = re.sub(r"[^a-z]", "", query.lower())
    return "^" + "['’ -]?".join(letters) + "$" if letters else "^$"


def syllable_ends(reading: str, count: int, at: int = 0) -> tuple[int, ...] | None:
    """Where each syllable of `reading` ends when it is read as `count` syllables (the name's characters),
    None when it cannot be: xiangcheng in 2 is xiang|cheng, so (5, 10)."""
    if at == len(reading) or count == 0:
        return () if at == len(reading) and count == 0 else None
    for end in range(min(len(reading), at + 6), at, -1):
        if SYLLABLE.fullmatch(reading, at, end):
            rest = syllable_ends(reading, count - 1, end)
            if rest is not None:
                return (end, *rest)
    return None


def place(query: str, prefix: str = "") -> Q | None:
    """What the finder means by a place a person typed: a district by name, adcode or initials, its
    city or province by name; in pinyin by whole syllables (xi'an: the apostrophe a syllable break),
    a city's or province's pinyin finding its districts. None when it can mean none."""
    query = (query or "").strip()[:30]
    if not query.isascii() or query.isdigit():
        found = condition(query, prefix)
        if found is not None and not query.isdigit():
            found |= Q(**{prefix + "province__startswith": query})
        return found
    spelled = re.sub(r"[^a-z']", "", query.lower()).strip("'")
    letters = spelled.replace("'", "")
    if not letters:
        return None
    breaks = {i - n for n, i in enumerate(i for i, c in enumerate(spelled) if c == "'")}
    candidates = District.objects.filter(Q(pinyin__startswith=letters) | Q(pinyin__contains=" " + letters))
    adcodes = []
    for adcode, short_name, readings in candidates.values_list("adcode", "short_name", "pinyin"):
        for reading in readings.split():
            ends = reading.startswith(letters) and syllable_ends(reading, len(short_name))
            if ends and {*breaks, len(letters)} <= set(ends):
                adcodes.append(adcode)
                break

    def q(**lookups) -> Q:
        return Q(**{prefix + k: v for k, v in lookups.items()})

    pattern = spelled_pattern(letters)
    return (q(adcode__in=adcodes) | q(initials__startswith=letters) | q(initials__contains=" " + letters)
            | q(city_en__iregex=pattern) | q(province_en__iregex=pattern))


def lookup(query: str, limit: int = 12) -> list[District]:
    """Districts by Chinese name (丰台), pinyin (fengtai), initials (ft), English name (Fengtai District)
    or adcode prefix (1101)."""
    condition, exact = _matching(query)
    if condition is None:
        return []
    return list(
        District.objects.filter(condition)
        .annotate(rank=Case(When(exact, then=Value(0)), default=Value(1), output_field=IntegerField()))
        .order_by("rank", "adcode")[:limit]
    )


def the_one(query: str) -> District | None:
    """The district a name or pinyin names when it names one: its only exact match (河西区), or its only
    match (changtai); None for none or several (fengtai: 丰台区 and 凤台县)."""
    condition, exact = _matching(query)
    if condition is None:
        return None
    for matching in (exact, condition):
        found = list(District.objects.filter(matching)[:2])
        if found:
            return found[0] if len(found) == 1 else None
    return None


def chosen(values: list[str], limit: int) -> tuple[list[District], list[str], list[District]]:
    """The districts these values name, in order, repeats dropped: adcodes (one query for all), or names
    and pinyin that name one (a query or two each). (The first `limit`, the values naming none or
    several, the districts past `limit`.)"""
    values = list(dict.fromkeys(v.strip() for v in values[: limit * 4] if v.strip()))
    by_code = District.objects.in_bulk([v for v in values if ADCODE.match(v)], field_name="adcode")
    found, unknown = [], []
    for value in values:
        district = by_code.get(value) if ADCODE.match(value) else the_one(value)
        if district is None:
            unknown.append(value)
        elif district not in found:
            found.append(district)
    return found[:limit], unknown, found[limit:]


def near(query: str, limit: int = 3) -> list[District]:
    """Districts whose pinyin or name is close to a `query` that finds none (fengtia: 丰台区), closest first;
    one query over the gazetteer's names, asked only for a place that was not recognised."""
    query = (query or "").strip().lower()[:30]
    ascii = query.isascii()
    if ascii:
        query = re.sub(r"[^a-z]", "", query)
    if not query:
        return []
    districts = District.objects.only("adcode", "name", "short_name", "city", "province", "pinyin",
                                      "name_en", "city_en", "province_en")
    by_name: dict[str, list[District]] = {}
    for district in districts:
        for name in (district.pinyin.split() if ascii else (district.short_name, district.name)):
            by_name.setdefault(name, []).append(district)
    close = difflib.get_close_matches(query, by_name, n=limit, cutoff=0.6)
    return list({d.pk: d for name in close for d in by_name[name]}.values())[:limit]


def by_adcodes(adcodes: list[str], limit: int) -> list[District]:
    """The districts of these codes in the order given, unknown and repeated codes dropped, at most `limit`."""
    wanted = list(dict.fromkeys(a for a in adcodes if ADCODE.match(a)))[: limit * 2]
    found = District.objects.in_bulk(wanted, field_name="adcode")
    return [found[a] for a in wanted if a in found][:limit]


def by_adcode(adcode: str) -> District | None:
    return District.objects.filter(adcode=adcode).first() if ADCODE.match(adcode or "") else None
