"""Finding districts by what a person types: Chinese name, pinyin, initials or adcode."""
from __future__ import annotations

import re

from django.db.models import Case, IntegerField, Q, Value, When

from .models import District

ADCODE = re.compile(r"^\d{6}$")


def lookup(query: str, limit: int = 12) -> list[District]:
    """Districts by Chinese name (丰台), pinyin (fengtai), initials (ft) or adcode prefix (1101)."""
    query = (query or "").strip()[:30]
    if not query or "\x00" in query:  # PostgreSQL refuses a NUL character in a query
        return []
    if query.isdigit():
        condition = Q(adcode__startswith=query)
        exact = Q(adcode=query)
    elif query.isascii():
        spelled = re.sub(r"[^a-z]", "", query.lower())
        if not spelled:
            return []
        condition = (
            Q(pinyin__startswith=spelled) | Q(pinyin__contains=" " + spelled)
            | Q(initials__startswith=spelled) | Q(initials__contains=" " + spelled)
        )
        exact = Q(pinyin=spelled) | Q(pinyin__startswith=spelled + " ") | Q(pinyin__endswith=" " + spelled) \
            | Q(pinyin__contains=f" {spelled} ")
    else:
        condition = Q(name__contains=query) | Q(short_name__contains=query) | Q(city__startswith=query)
        exact = Q(short_name=query) | Q(name=query)
    return list(
        District.objects.filter(condition)
        .annotate(rank=Case(When(exact, then=Value(0)), default=Value(1), output_field=IntegerField()))
        .order_by("rank", "adcode")[:limit]
    )


def by_adcodes(adcodes: list[str], limit: int) -> list[District]:
    """The districts of these codes in the order given, unknown and repeated codes dropped, at most `limit`."""
    wanted = list(dict.fromkeys(a for a in adcodes if ADCODE.match(a)))[: limit * 2]
    found = District.objects.in_bulk(wanted, field_name="adcode")
    return [found[a] for a in wanted if a in found][:limit]


def by_adcode(adcode: str) -> District | None:
    return District.objects.filter(adcode=adcode).first() if ADCODE.match(adcode or "") else None
