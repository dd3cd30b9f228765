"""`/finder/?group=phd…&need=apartment&province=350000&since=2023`: districts ranked by what they offer someone like me.

The URL is the lists' language (each parameter repeatable): `group` target
group codes, `need` incentive kinds, `province` adcodes, `city` adcodes or
names, `district` adcodes, names or pinyin, `since` a year. The ranking is
policies.finder's, computed in the database; this module parses the request
and puts each district's matching offers beside it, in a fixed number of
queries whatever the rows (the count, one page of districts, their names,
their offers and the offers' groups, and the provinces of the form).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db.models import F, Value
from django.db.models.functions import Greatest, Substr
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _, gettext_noop, pgettext

from districts.models import District
from policies import finder
from policies.choices import IncentiveKind
from policies.formatting import is_chinese
from policies.offers import normalised
from policies.public import sentence_path
from programs.groups import GROUPS
from talentkb.lists import downloads
from talentkb.lists.facets import MAX_VALUES, toggled, without
from talentkb.lists.listing import paginate
from talentkb.pages.compare import MAX_COMPARED

# Who people say they are, as the target groups an offer may name.
PERSONAS = [
    ("graduate", gettext_noop("a graduate"), ("graduates",)),
    ("phd", gettext_noop("a PhD"), ("graduates", "researchers", "high_level")),
    ("postdoc", gettext_noop("a postdoc"), ("researchers", "high_level")),
    ("returnee", gettext_noop("an overseas returnee"), ("overseas",)),
    ("founder", gettext_noop("a founder"), ("entrepreneurs",)),
    ("skilled", gettext_noop("a skilled worker"), ("skilled",)),
    ("high_level", gettext_noop("a high-level talent"), ("high_level",)),
]
# What people need, in their words, by the incentive kind that offers it.
NEEDS = {
    IncentiveKind.APARTMENT: _("housing"),
    IncentiveKind.RENT_FREE_PERIOD: _("a rent-free period"),
    IncentiveKind.WORKSTATION: _("a desk"),
    IncentiveKind.OFFICE_SPACE: _("office space"),
    IncentiveKind.FUND: _("funding"),
    IncentiveKind.SUBSIDY: _("subsidies and awards"),
    IncentiveKind.JOBS: _("a job"),
    IncentiveKind.SERVICE_ORG: _("services"),
    IncentiveKind.OTHER: _("anything else"),
}
GROUP_CODES = {code for code, _name in GROUPS}
ADCODE = re.compile(r"\d{6}")
PLACE = re.compile(r"[\w·' -]{1,30}")
YEAR = re.compile(r"(19|20)\d\d")
# Offers shown per district: the best few, the rest a link away (a big district matches thousands).
OFFERS_SHOWN = 5
CONTEXT = 80  # characters read on each side of an offer's quote, for its sentence
SENTENCE_END = "。！？；;!?\n"
DOWNLOAD_CHUNK = 500  # districts per query of a download


def values(query: QueryDict, name: str, accepts) -> tuple[str, ...]:
    """The accepted values of a repeated parameter, each once, at most MAX_VALUES; others dropped."""
    cleaned = [v.strip() for v in query.getlist(name)][:MAX_VALUES]
    return tuple(dict.fromkeys(v for v in cleaned if v and "\x00" not in v and accepts(v)))


def wanted_from(query: QueryDict) -> finder.Wanted:
    years = [int(y) for y in values(query, "since", YEAR.fullmatch)]
    return finder.Wanted(
        groups=values(query, "group", GROUP_CODES.__contains__),
        needs=values(query, "need", lambda v: IncentiveKind.parse(v) is not None),
        provinces=values(query, "province", ADCODE.fullmatch),
        cities=values(query, "city", PLACE.fullmatch),
        districts=values(query, "district", PLACE.fullmatch),
        since=min(years) if years else None,  # repeated: the widest
    )


@dataclass
class Shown:
    """One matching offer as the finder shows it."""

    fact: object
    offer: object  # policies.offers.Offer
    before: str
    after: str

    @property
    def url(self):
        return sentence_path(self.fact)


@dataclass
class Result:
    rank: int
    district: District
    score: int
    n_offers: int
    n_verified: int
    offers: list[Shown] = field(default_factory=list)
    more: str = ""  # the incentive list's query for this district and the kinds asked for



def sentence_parts(fact) -> tuple[str, str]:
    """The words of the quote's sentence before and after it, from the window read with the offer."""
    window, start = fact.context or "", fact.context_start
    quote_at = fact.span_start - start
    head, tail = window[:quote_at], window[quote_at + len(fact.quote):]
    cut = max(head.rfind(c) for c in SENTENCE_END)
    head = head[cut + 1:] if cut >= 0 else ("…" + head if start > 0 else head)
    ends = [i for i in (tail.find(c) for c in SENTENCE_END) if i >= 0]
    tail = tail[: min(ends) + 1] if ends else tail + "…"
    return head.lstrip("\u3000 "), tail.rstrip()


def offers_by_district(wanted, district_ids, this_year) -> dict[int, list[Shown]]:
    start = Greatest(F("span_start") - CONTEXT, Value(0))
    offers = finder.offers_of(wanted, district_ids, this_year, per_district=OFFERS_SHOWN).annotate(
        context_start=start,
        context=Substr("article__text", start + 1, F("span_end") - start + CONTEXT),
    )
    grouped: dict[int, list[Shown]] = {}
    for fact in offers:
        before, after = sentence_parts(fact)
        grouped.setdefault(fact.district_id, []).append(Shown(fact, normalised(fact), before, after))
    return grouped


def results_of(rows: list[dict], first_rank: int, wanted, this_year) -> list[Result]:
    ids = [r["district"] for r in rows]
    districts = District.objects.in_bulk(ids)
    offers = offers_by_district(wanted, ids, this_year)
    return [
        Result(first_rank + i, districts[r["district"]], r["score"], r["offers"], r["verified"],
               offers.get(r["district"], []), more_query(districts[r["district"]], wanted))
        for i, r in enumerate(rows)
    ]


def more_query(district: District, wanted) -> str:
    query = QueryDict(mutable=True)
    query["district"] = district.adcode
    query.setlist("kind", list(wanted.needs))
    return query.urlencode()


def finder_page(request: HttpRequest) -> HttpResponse:
    wanted = wanted_from(request.GET)
    this_year = timezone.localdate().year
    ranked = finder.ranking(wanted, this_year)
    fmt = downloads.wanted_format(request)
    if fmt:
        meta = {"list": "finder", "filters": {k: request.GET.getlist(k) for k in request.GET if k != "format"},
                "year": this_year}
        return downloads.stream(download_rows(request, ranked, wanted, this_year), fmt=fmt, name="finder", meta=meta,
                                total=ranked.count())

    page = paginate(request, ranked)
    results = results_of(list(page.object_list), page.start_index(), wanted, this_year)
    compare = QueryDict(mutable=True)
    compare.setlist("d", [r.district.adcode for r in results[:MAX_COMPARED]])
    query = request.GET
    return render(request, "finder.html", {
        "wanted": wanted,
        "page": page,
        "results": results,
        "compare": compare if len(results) > 1 else None,
        "personas": personas(query, wanted),
        "groups": [(code, name, code in wanted.groups) for code, name in GROUPS],
        "needs": [(kind.value, label, kind.value in wanted.needs) for kind, label in NEEDS.items()],
        "provinces": provinces(wanted),
        "places": [*wanted.cities, *wanted.districts],
        "place_removals": [(v, toggled(query, "city", v)) for v in wanted.cities]
        + [(v, toggled(query, "district", v)) for v in wanted.districts],
        "weights": weights_line(),
        "this_year": this_year,
        "clear_all": QueryDict(),
        "without_groups": without(query, "group"),
    })


def personas(query: QueryDict, wanted) -> list[dict]:
    """Links that set the groups to a persona's, keeping the rest of the query."""
    found = []
    for key, label, codes in PERSONAS:
        q = without(query, "group")
        q.setlist("group", list(codes))
        found.append({"key": key, "label": label, "query": q, "current": set(codes) == set(wanted.groups)})
    return found


def provinces(wanted) -> list[tuple[str, str, bool]]:
    """Every province of the gazetteer (one query), ticked when asked for."""
    rows = (District.objects.order_by("province_adcode")
            .values_list("province_adcode", "province", "province_en").distinct())
    english = not is_chinese()
    return [(code, (english and name_en) or name, code in wanted.provinces) for code, name, name_en in rows]


def weights_line() -> dict:
    """The figures of the one-line explanation, from the ranking's own constants."""
    comma = pgettext("between the items of a list", ", ")
    return {
        "high": comma.join(str(NEEDS[k]) for k, w in finder.KIND_WEIGHTS.items() if w == 3),
        "middle": comma.join(str(NEEDS[k]) for k, w in finder.KIND_WEIGHTS.items() if w == 2),
        "newest": finder.NEWEST,
        "verified": finder.VERIFIED_FACTOR,
    }


def download_rows(request, ranked, wanted, this_year):
    """Every ranked district, its offers beside it; districts read DOWNLOAD_CHUNK at a time."""
    rank = 0
    for start in range(0, 10**9, DOWNLOAD_CHUNK):
        rows = list(ranked[start:start + DOWNLOAD_CHUNK])
        if not rows:
            return
        for result in results_of(rows, rank + 1, wanted, this_year):
            yield downloads.finder_row(request, result)
        rank += len(rows)
