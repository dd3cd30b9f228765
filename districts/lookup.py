"""Finding districts by what a person types: Chinese name, pinyin, initials or adcode."""
from __future__ import annotations

import difflib
import re

from django.db.models import Case, IntegerField, Q, Value, When

from .models import District

ADCODE = re.compile(r"^\d{6}$")


def condition(query: str, prefix: str = "") -> Q | None:
    """The districts a person means by `query` (丰台, fengtai, ft, 1101) as a condition on
    the fields under `prefix` ("district__" from a fact); None when it can mean none."""
    return _matching(query, prefix)[0]


def _matching(query: str, prefix: str = "") -> tuple[Q | None, Q | None]:
    """(condition, the exact matches among them) for `query`, field names under `prefix`."""
    query = (query or "").strip()[:30]
    if not query or "\x00" in query:  # PostgreSQL refuses a NUL character in a query
        return None, None

    def q(**lookups) -> Q:
        return Q(**{prefix + k: v for k, v in lookups.items()})

    if query.isdigit():
        return q(adcode__startswith=query), q(adcode=query)
    if query.isascii():
        spelled = re.sub(r"[^a-z]", "", query.lower())
        if not spelled:
            return None, None
        condition = (
            q(pinyin__startswith=spelled) | q(pinyin__contains=" " + spelled)
            | q(initials__startswith=spelled) | q(initials__contains=" " + spelled)
        )
        exact = q(pinyin=spelled) | q(pinyin__startswith=spelled + " ") | q(pinyin__endswith=" " + spelled) \
            | q(pinyin__contains=f" {spelled} ")
        return condition, exact
    condition = q(name__contains=query) | q(short_name__contains=query) | q(city__startswith=query)
    return condition, q(short_name=query) | q(name=query)


def city_condition(city: str, prefix: str = "") -> Q:
    """The districts of a city given by adcode (350600) or by the start of its name (漳州)."""
    if city.isdigit():
        return Q(**{prefix + "city_adcode": city})
    return Q(**{prefix + "city__startswith": city})


def lookup(query: str, limit: int = 12) -> list[District]:
    """Districts by Chinese name (丰台), pinyin (fengtai), initials (ft) or adcode prefix (1101)."""
    condition, exact = _matching(query)
    if condition is None:
        return []
    return list(
        District.objects.filter(condition)
        .annotate(rank=Case(When(exact, then=Value(0)), default=Value(1), output_field=IntegerField()))
        .order_by("rank", "adcode")[:limit]
    )


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
