"""Reads for the public pages: querysets with what their templates need, loaded in a bounded number of queries.

The comparison's reads are with its page (pages/compare.py); the district
picker's are in districts.lookup.
"""
from __future__ import annotations

from dataclasses import dataclass

from urllib.parse import urlencode

from django.db.models import Count, F, Prefetch, Q, Value
from django.db.models.functions import NullIf, Substr
from django.urls import reverse
from django.utils.translation import gettext, ngettext

from districts.lookup import by_adcode
from districts.models import District
from policies.choices import IncentiveKind
from policies.models import Article, Incentive, Mention, Metric
from policies.queries import count_of
from programs.models import Program
from talentkb import summaries


def articles(with_text: bool = False):
    """Articles with their year, districts and the number of facts shown; `with_text` for search snippets."""
    queryset = (
        Article.objects.annotate(
            pub_year=NullIf(Substr("published", 1, 4), Value("")),
            n_incentives=count_of(Incentive.objects.visible(), "article"),
            n_metrics=count_of(Metric.objects.visible(), "article"),
        )
        .prefetch_related("districts")
    )
    return queryset.defer("search_text") if with_text else queryset.defer("text", "search_text")


def article_page(pk: int):
    """The article, its districts, its shown facts and its program mentions."""
    return (
        Article.objects.prefetch_related(
            "districts",
            Prefetch(
                "incentive_set",
                Incentive.objects.visible().select_related("district", "program").prefetch_related("groups"),
                to_attr="shown_incentives",
            ),
            Prefetch(
                "metric_set", Metric.objects.visible().select_related("district", "program", "indicator"),
                to_attr="shown_metrics",
            ),
            Prefetch("mentions", Mention.objects.select_related("program"), to_attr="shown_mentions"),
        )
        .filter(pk=pk)
        .first()
    )


def totals() -> dict:
    """The home page's numbers: one aggregate query per table."""
    return {
        "articles": Article.objects.count(),
        "districts": District.objects.with_articles().count(),
        "programs": Program.objects.visible().count(),
        "incentives": Incentive.objects.visible().count(),
        "metrics": Metric.objects.visible().count(),
    }


def incentives(with_text: bool = False):
    """`with_text` loads the articles' texts too, for showing each quote in its sentence (search)."""
    return (
        Incentive.objects.visible().with_article(text=with_text)
        .select_related("district", "program").prefetch_related("groups")
    )


def programs():
    return (
        Program.objects.visible()
        .select_related("district")
        .prefetch_related("groups")
        .annotate(
            n_incentives=count_of(Incentive.objects.visible(), "program"),
            n_articles=count_of(Mention.objects.all(), "program"),
        )
    )


def program_page(pk: int):
    return (
        Program.objects.visible()
        .select_related("district")
        .prefetch_related(
            "groups",
            Prefetch(
                "incentive_set",
                Incentive.objects.visible().with_article().select_related("district").prefetch_related("groups"),
                to_attr="shown_incentives",
            ),
            Prefetch(
                "metric_set",
                Metric.objects.visible().with_article().select_related("district", "indicator"),
                to_attr="shown_metrics",
            ),
            Prefetch(
                "mentions",
                Mention.objects.select_related("article").defer("article__text", "article__search_text").order_by("-article__published"),
                to_attr="shown_mentions",
            ),
        )
        .filter(pk=pk)
        .first()
    )


def metrics(with_text: bool = False):
    """`with_text` loads the articles' texts too, for showing each quote in its sentence (search)."""
    return Metric.objects.visible().with_article(text=with_text).select_related("district", "program", "indicator")


def districts_with_data():
    """Districts that any article is about, with what the site holds on each (one query)."""
    return (
        District.objects.filter(
            Q(pk__in=Article.districts.through.objects.values("district_id"))
            | Q(pk__in=Incentive.objects.visible().values("district_id"))
            | Q(pk__in=Metric.objects.visible().values("district_id"))
        )
        .annotate(
            n_articles=count_of(Article.districts.through.objects.all(), "district"),
            n_programs=count_of(Program.objects.visible(), "district"),
            n_incentives=count_of(Incentive.objects.visible(), "district"),
            n_metrics=count_of(Metric.objects.visible(), "district"),
        )
        .order_by("province_adcode", "adcode")
    )


# What a district page lists at most; the rest is one link away, in the filtered lists.
PROGRAMS_SHOWN = 30
ARTICLES_SHOWN = 20


@dataclass
class Row:
    """A summary row of the district page: a kind, an indicator or a label, and what it adds up to."""

    key: str
    label: str
    summary: summaries.Summary
    link: str  # the filtered list of all its facts
    indicator: object = None
    series: summaries.Series | None = None


@dataclass
class DistrictPage:
    district: District
    programs: list  # the latest PROGRAMS_SHOWN
    n_programs: int
    articles: list  # the latest ARTICLES_SHOWN, newest first: the timeline of announcements
    n_articles: int
    kinds: list[Row]  # per incentive kind
    indicators: list[Row]  # per indicator, in the vocabulary's order
    others: list[Row]  # metrics without an indicator: the OTHER_LABELS commonest labels
    n_other_labels: int
    n_other_facts: int  # metrics without an indicator, of every label
    series: list[summaries.Series]

    @property
    def n_incentives(self) -> int:
        return sum(r.summary.count for r in self.kinds)

    @property
    def n_metrics(self) -> int:
        return sum(r.summary.count for r in self.indicators) + self.n_other_facts


def _bounded(queryset, limit: int, counted=None) -> tuple[list, int]:
    """The first `limit` rows and how many there are (counted in `counted`, the same rows by a cheaper
    way, when given): a count query only when there are more."""
    rows = list(queryset[: limit + 1])
    if len(rows) <= limit:
        return rows, len(rows)
    return rows[:limit], (queryset if counted is None else counted).count()


def list_url(name: str, **params) -> str:
    return reverse(name) + "?" + urlencode(params)


def metrics_url(adcode: str, fact) -> str:
    """A district's metrics of a summary row (talentkb.summaries): its indicator's, or, for a metric
    without one, its label's among those without one, as the row counts them (the label alone
    would add the metrics of that label filed under an indicator)."""
    if fact.indicator_id:
        return list_url("districts:metrics", district=adcode, indicator=fact.indicator.code)
    return list_url("districts:metrics", district=adcode, indicator="none", kind=fact.label)


def district_page(adcode: str) -> DistrictPage | None:
    """A district's summaries: a fixed number of queries whatever the number of its facts."""
    district = by_adcode(adcode)
    if district is None:
        return None
    programs, n_programs = _bounded(
        Program.objects.visible().in_district(district).prefetch_related("groups")
        .annotate(n_incentives=count_of(Incentive.objects.visible(), "program"))
        .order_by(F("launched").desc(nulls_last=True), "-pk"),
        PROGRAMS_SHOWN,
    )
    articles, n_articles = _bounded(
        Article.objects.in_district(district).defer("text", "search_text").order_by("-published", "-imported_at", "-pk"),
        ARTICLES_SHOWN,
        # The district's links alone (each is to an article): one index, not a join with every article.
        Article.districts.through.objects.filter(district=district),
    )
    ids = [district.pk]
    found = summaries.district_summaries(ids)
    by_kind = found.incentives
    kinds = [
        Row(f"incentive:{kind.value}", str(kind.label), by_kind[(district.pk, f"incentive:{kind.value}")],
            list_url("programs:incentives", district=adcode, kind=kind.value))
        for kind in IncentiveKind if (district.pk, f"incentive:{kind.value}") in by_kind
    ]
    series = found.series
    indicators, others = [], []
    for (_, key), summary in found.metrics.items():
        fact = summary.latest
        if fact.indicator_id:
            code = fact.indicator.code
            indicators.append(Row(key, fact.indicator.name, summary, metrics_url(adcode, fact),
                                  indicator=fact.indicator, series=series.get((district.pk, code))))
        else:
            others.append(Row(key, fact.label, summary, metrics_url(adcode, fact)))
    indicators.sort(key=lambda r: (r.indicator.category.position, r.indicator.category.code,
                                   r.indicator.position, r.indicator.code))
    others.sort(key=lambda r: (-r.summary.count, r.label))
    return DistrictPage(
        district=district, programs=programs, n_programs=n_programs, articles=articles, n_articles=n_articles,
        kinds=kinds, indicators=indicators, others=others[: summaries.OTHER_LABELS], n_other_labels=len(others),
        n_other_facts=sum(r.summary.count for r in others),
        series=[r.series for r in indicators if r.series],
    )


# The map's series for a district that offers nothing but reports figures (or has articles only).
NO_OFFERS = "figures"


def district_map(districts: list[District] | None = None, counted: tuple[dict, dict] | None = None) -> dict:
    """The map of the home page (every district with data) or of a comparison
    (`districts`): a point per district at its coordinates, with its offers
    counted by kind; the same rows feed the table beside the map. Two queries
    whatever the number of districts.

    {"kinds": [{code, name}], "columns": the kinds but NO_OFFERS, "points": [{adcode, name, place, province, url,
    lon, lat, offers: {kind: n}, by_kind: [n], total, metrics, summary}]}, the
    points with most offers first; a last "kind", NO_OFFERS, holds the
    districts that offer nothing (they report figures, or have articles only).

    `counted`, for a comparison that has counted already: ({district id: {kind: n}}, {district id:
    number of metrics}); then the map reads nothing more.
    """
    if counted is not None:
        offers, n_metrics = counted
        rows = sorted(districts, key=lambda d: d.adcode)
        for d in rows:
            d.n_metrics = n_metrics.get(d.pk, 0)
        return _map_of(rows, offers)
    if districts is None:
        rows = districts_with_data()
    else:
        rows = District.objects.filter(pk__in=[d.pk for d in districts]).annotate(
            n_incentives=count_of(Incentive.objects.visible(), "district"),
            n_metrics=count_of(Metric.objects.visible(), "district"),
        )
    rows = list(rows.order_by("adcode"))
    offers: dict[int, dict[str, int]] = {}
    by_kind = (
        Incentive.objects.visible().filter(district__in=[d.pk for d in rows])
        .order_by().values("district_id", "kind").annotate(n=Count("pk"))
    )
    for row in by_kind:
        offers.setdefault(row["district_id"], {})[row["kind"]] = row["n"]
    return _map_of(rows, offers)


def _map_of(rows: list[District], offers: dict[int, dict[str, int]]) -> dict:
    kinds = dict(IncentiveKind.choices)
    present = [k for k in kinds if any(k in counts for counts in offers.values())]
    points = []
    for d in rows:
        counts = {k: offers.get(d.pk, {})[k] for k in kinds if k in offers.get(d.pk, {})}
        total = sum(counts.values())
        parts = [ngettext("%(n)d offer", "%(n)d offers", total) % {"n": total}]
        if counts:
            parts[0] += " (" + ", ".join(f"{kinds[k]} {n}" for k, n in counts.items()) + ")"
        parts.append(ngettext("%(n)d figure", "%(n)d figures", d.n_metrics) % {"n": d.n_metrics})
        points.append({
            "adcode": d.adcode,
            "name": d.display_name,
            "place": d.label,
            "url": reverse("districts:detail", args=[d.adcode]),
            "lon": d.longitude,
            "lat": d.latitude,
            "province": d.display_province,
            "offers": counts,
            "by_kind": [counts.get(k, 0) for k in present],  # the table's cells, in the legend's order
            "total": total,
            "metrics": d.n_metrics,
            "summary": f"{d.label}: " + "; ".join(parts),
        })
    points.sort(key=lambda p: (-p["total"], p["adcode"]))
    columns = [{"code": k, "name": str(kinds[k])} for k in present]
    legend = list(columns)
    if any(not p["total"] for p in points):
        legend.append({"code": NO_OFFERS, "name": gettext("no offers recorded")})
    return {"kinds": legend, "columns": columns, "points": points}
