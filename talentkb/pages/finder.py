"""`/finder/?group=phd…&need=apartment&province=350000&since=2023`: districts ranked by what they offer someone like me.

The URL is the lists' language (each parameter repeatable): `group` target
group codes, `need` incentive kinds, `province` adcodes, `city` adcodes or
names, `district` adcodes, names or pinyin, `since` a year. The ranking is
policies.finder's, computed in the database once per filter state and data
version and then read from the counts' table (talentkb.lists.counts), as are
the ids of each shown district's best offers; this module parses the request
and puts each district's best offers beside it, in a fixed number of queries
whatever the rows (the ranking, one page of districts' names, their best
offers' ids, the offers and their groups, and the provinces of the form).
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace

from django.db.models import Count, F, Value
from django.db.models.functions import Greatest, Substr
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import pgettext

from districts.lookup import city_condition, near, place as place_condition
from districts.models import District
from policies import finder
from policies.formatting import is_chinese
from policies.offers import normalised
from policies.public import sentence_path
from programs.groups import GROUPS
from talentkb.lists import counts, downloads
from talentkb.lists.facets import MAX_VALUES, MISSING, toggled, without
from talentkb.lists.listing import paginate
from talentkb.pages.compare import MAX_COMPARED
from talentkb.pages.person import NEEDS, PERSONAS, person_from, person_query, values

ADCODE = re.compile(r"\d{6}")
# A typed place may be a list (丰台，北京 · 丰台、西湖 · 丰台 西湖): each part is a place of its own.
PLACE_SEPARATORS = re.compile(r"[,，、\s]+")
# Text in brackets is a hint beside the name (丰台区（北京）), not part of it; an unclosed one runs to the end.
PLACE_HINT = re.compile(r"[（(【\[][^）)】\]]*[）)】\]]?")
PLACE_LENGTH = 30
# Offers shown per district: the best few, the rest a link away (a big district matches thousands).
OFFERS_SHOWN = 5
CONTEXT = 80  # characters read on each side of an offer's quote, for its sentence
SENTENCE_END = "。！？；;!?\n"
DOWNLOAD_CHUNK = 500  # districts per query of a download
# Part of the kept ranking's key: raise it when the order changes, so that rankings kept before are not read.
RANKING_FORMAT = 2  # 2: equal scores compare money a year's worth against a year's worth


def places(query: QueryDict, name: str) -> tuple[str, ...]:
    """The places of a repeated parameter, each value read as a list of places without their bracketed hints.
    Every place is kept, recognised or not: one dropped would widen the search to all of China."""
    found = []
    for value in query.getlist(name)[:MAX_VALUES]:
        if "\x00" not in value:
            found += [p[:PLACE_LENGTH] for p in PLACE_SEPARATORS.split(PLACE_HINT.sub(" ", value)) if p]
    return tuple(dict.fromkeys(found))[:MAX_VALUES]


def tidied(query: QueryDict) -> QueryDict | None:
    """The query with one place per value when some value held a list or a hint (None when none did),
    so that each place has its own chip and its own link to remove it."""
    tidy = query.copy()
    for name in ("city", "district"):
        found = list(places(query, name))
        if found != [v for v in query.getlist(name) if v.strip()]:
            tidy.setlist(name, found)
    return None if tidy == query else tidy


def unrecognised(query: QueryDict, wanted, province_names: dict[str, str]) -> list[dict]:
    """The places and provinces asked for that name no district of the gazetteer, each with
    the near names found for it as links that put the name in its place; one query for the places,
    and one more for each place not recognised, to find near names."""
    asked = [("district", p, place_condition(p)) for p in wanted.districts]
    asked += [("city", c, city_condition(c)) for c in wanted.cities]
    counted = {f"p{i}": Count("pk", filter=found) for i, (_n, _p, found) in enumerate(asked) if found is not None}
    found = District.objects.aggregate(**counted) if counted else {}
    notices = []
    for i, (name, place, _found) in enumerate(asked):
        if not found.get(f"p{i}"):
            near_ones = [(f"{d.display_name} · {d.display_region}", d.adcode) for d in near(place)]
            notices.append(notice(query, name, place, near_ones))
    for code in wanted.provinces:
        if code not in province_names:
            close = [(name, c) for c, name in province_names.items()
                     if (code.isdigit() and c.startswith(code)) or (not code.isdigit() and name.startswith(code))]
            notices.append(notice(query, "province", code, close[:3]))
    return notices


def notice(query: QueryDict, name: str, value: str, suggestions: list[tuple[str, str]]) -> dict:
    """A value not recognised, with each suggestion's label and the query with it instead of the value."""
    def instead(suggestion: str) -> QueryDict:
        q = without(query)
        q.setlist(name, list(dict.fromkeys(suggestion if v == value else v for v in q.getlist(name))))
        return q

    return {"value": value, "province": name == "province",
            "suggestions": [(label, instead(code)) for label, code in suggestions]}


def wanted_from(query: QueryDict) -> finder.Wanted:
    """The person (talentkb.pages.person) and the places they search."""
    return replace(
        person_from(query),
        # Any province is kept, known or not (provinces() says which are not): one dropped would widen the search.
        provinces=values(query, "province", lambda v: len(v) <= PLACE_LENGTH),
        cities=places(query, "city"),
        districts=places(query, "district"),
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
    offers = finder.offers_of(best_ids(wanted, district_ids, this_year), this_year).annotate(
        context_start=start,
        context=Substr("article__text", start + 1, F("span_end") - start + CONTEXT),
    )
    grouped: dict[int, list[Shown]] = {}
    for fact in offers:
        before, after = sentence_parts(fact)
        grouped.setdefault(fact.district_id, []).append(Shown(fact, normalised(fact, before, after), before, after))
    return grouped


def best_ids(wanted, district_ids, this_year) -> list[int]:
    """The OFFERS_SHOWN best offers' ids of these districts, chosen once per data version like the ranking:
    a big district's thousands of matching offers are sorted once, not on every visit."""
    state = {**filter_state(wanted, this_year), "districts_shown": sorted(district_ids)}
    return counts.cached(
        "finder-offers", state,
        lambda: finder.best_offer_ids(wanted, district_ids, this_year, OFFERS_SHOWN), per_language=False,
    )


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
    """The incentive list's query for the offers the finder counted of this district: its kinds, groups, years."""
    query = QueryDict(mutable=True)
    query["district"] = district.adcode
    query.setlist("kind", list(wanted.needs))
    if wanted.groups:
        query.setlist("group", [*wanted.groups, MISSING])  # and the offers naming no group: open to all
    if wanted.since:
        query["since"] = str(wanted.since)
    return query.urlencode()


def filter_state(wanted, this_year) -> dict:
    """What the ranking depends on besides the data: the person's wishes, the year recency counts from,
    and how it ranks (RANKING_FORMAT)."""
    return {**{name: list(v) if isinstance(v, tuple) else v for name, v in asdict(wanted).items()},
            "this_year": this_year, "ranking": RANKING_FORMAT}


def ranked(wanted, this_year) -> list[dict]:
    """The ranking ([{district, score, offers, verified}], best first), computed once per
    filter state and data version and then read back (talentkb.lists.counts).

    Computing it is a GROUP BY over every matching offer (a second or more at a country's
    size); keeping it by the data version, which every committed write moves on, keeps it
    right after any write (import, edit, review, re-extraction, merge, deletion, restore)
    without a summary to keep current from each of them."""
    def rank() -> dict:
        rows = finder.ranking(wanted, this_year)
        return {"rows": [[r["district"], r["score"], r["offers"], r["verified"]] for r in rows]}

    rows = counts.cached("finder", filter_state(wanted, this_year), rank, per_language=False)["rows"]
    return [{"district": d, "score": s, "offers": o, "verified": v} for d, s, o, v in rows]


def finder_page(request: HttpRequest) -> HttpResponse:
    tidy = tidied(request.GET)
    if tidy is not None:
        return redirect(f"{request.path}?{tidy.urlencode()}")
    wanted = wanted_from(request.GET)
    this_year = timezone.localdate().year
    ranking = ranked(wanted, this_year)
    fmt = downloads.wanted_format(request)
    if fmt:
        meta = {"list": "finder", "filters": {k: request.GET.getlist(k) for k in request.GET if k != "format"},
                "year": this_year}
        return downloads.stream(download_rows(request, ranking, wanted, this_year), fmt=fmt, name="finder",
                                meta=meta, total=len(ranking))

    page = paginate(request, ranking)
    results = results_of(list(page.object_list), page.start_index(), wanted, this_year)
    # The comparison of the districts found, for the same person: their groups, needs and year.
    compare = QueryDict(mutable=True)
    compare.setlist("d", [r.district.adcode for r in results[:MAX_COMPARED]])
    compare.update(person_query(wanted))
    query = request.GET
    form_provinces = provinces(wanted)
    named = district_names(wanted)
    return render(request, "finder.html", {
        "wanted": wanted,
        "page": page,
        "results": results,
        "compare": compare if len(results) > 1 else None,
        "personas": personas(query, wanted),
        "groups": [(code, name, code in wanted.groups) for code, name in GROUPS],
        "needs": [(kind.value, label, kind.value in wanted.needs) for kind, label in NEEDS.items()],
        "provinces": form_provinces,
        "places": [*wanted.cities, *wanted.districts],
        "unrecognised": unrecognised(query, wanted, {code: name for code, name, _on in form_provinces}),
        "place_removals": [(v, toggled(query, "city", v)) for v in wanted.cities]
        + [(named.get(v, v), toggled(query, "district", v)) for v in wanted.districts],
        "weights": weights_line(),
        "this_year": this_year,
        "clear_all": QueryDict(),
        "without_groups": without(query, "group"),
    })


def personas(query: QueryDict, wanted) -> list[dict]:
    """Links that set the groups to a persona's, keeping the rest of the query (and, with
    static/js/finder.js, the rest of the form as filled in)."""
    found = []
    for key, label, codes in PERSONAS:
        q = without(query, "group")
        q.setlist("group", list(codes))
        found.append({"key": key, "label": label, "query": q, "groups": " ".join(codes),
                      "current": set(codes) == set(wanted.groups)})
    return found


def district_names(wanted) -> dict[str, str]:
    """The names of the districts asked for by adcode (a suggestion's link), for their chips; a query when any."""
    adcodes = [p for p in wanted.districts if ADCODE.fullmatch(p)]
    found = District.objects.in_bulk(adcodes, field_name="adcode") if adcodes else {}
    return {code: district.display_name for code, district in found.items()}


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
        "none": comma.join(str(NEEDS[k]) for k, w in finder.KIND_WEIGHTS.items() if w == 0),
        "newest": finder.NEWEST,
        "verified": finder.VERIFIED_FACTOR,
    }


def download_rows(request, ranking: list[dict], wanted, this_year):
    """Every ranked district, its offers beside it; offers read for DOWNLOAD_CHUNK districts at a time."""
    for start in range(0, len(ranking), DOWNLOAD_CHUNK):
        for result in results_of(ranking[start:start + DOWNLOAD_CHUNK], start + 1, wanted, this_year):
            yield downloads.finder_row(request, result)
