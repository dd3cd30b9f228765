"""Finding districts by what a person types: Chinese name, pinyin, initials, English name or adcode."""
from __future__ import annotations

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


def by_adcode(adcode: str) -> District | None:
    return District.objects.filter(adcode=adcode).first() if ADCODE.match(adcode or "") else None
