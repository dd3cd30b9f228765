"""Reads for the district pages, the metric list, the district picker and the comparison."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.translation import gettext

from policies.choices import IncentiveKind
from policies.formatting import fact_quantity, number, unit_symbol
from policies.models import Article
from policies.selectors import count_of
from programs.models import Incentive, Program

from .models import District, Metric

MAX_COMPARED = 6
ADCODE = re.compile(r"^\d{6}$")


def metrics(with_text: bool = False):
    """`with_text` loads the articles' texts too, for showing each quote in its sentence (search)."""
    return Metric.objects.visible().with_article(text=with_text).select_related("district", "program")


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


@dataclass
class DistrictPage:
    district: District
    programs: list
    incentives: list
    metrics: list
    articles: list  # newest first: the timeline of announcements


def district_page(adcode: str) -> DistrictPage | None:
    district = District.objects.filter(adcode=adcode).first() if ADCODE.match(adcode or "") else None
    if district is None:
        return None
    return DistrictPage(
        district=district,
        programs=list(
            Program.objects.visible().in_district(district).prefetch_related("groups")
            .annotate(n_incentives=count_of(Incentive.objects.visible(), "program"))
        ),
        incentives=list(
            Incentive.objects.visible().in_district(district).with_article()
            .select_related("program").prefetch_related("groups").order_by("kind", "-value")
        ),
        metrics=list(
            Metric.objects.visible().in_district(district).with_article()
            .select_related("program").order_by("label", "-year")
        ),
        articles=list(
            Article.objects.in_district(district).defer("text", "search_text").order_by("-published", "-imported_at")
        ),
    )


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


def chosen_districts(adcodes: list[str]) -> list[District]:
    """The districts of `?d=` in the order given, unknown and repeated codes dropped, at most six."""
    wanted = list(dict.fromkeys(a for a in adcodes if ADCODE.match(a)))[: MAX_COMPARED * 2]
    found = District.objects.in_bulk(wanted, field_name="adcode")
    return [found[a] for a in wanted if a in found][:MAX_COMPARED]


@dataclass
class ComparisonRow:
    key: str  # "incentive:apartment", "metric:高层次人才数量"
    label: str
    section: str  # "incentive" or "metric"
    cells: list[list] = field(default_factory=list)  # per district, its facts (empty: not reported)
    chart: dict | None = None


def comparison(districts: list[District]) -> list[ComparisonRow]:
    """A row per incentive kind and per metric label that any of the districts reports (two queries)."""
    ids = [d.pk for d in districts]
    index = {pk: i for i, pk in enumerate(ids)}
    kinds = dict(IncentiveKind.choices)

    def rows_of(facts, section: str, name_of, label_of) -> dict[str, ComparisonRow]:
        """{name: row}, each fact in its district's cell, in the order the facts come."""
        rows: dict[str, ComparisonRow] = {}
        for fact in facts:
            name = name_of(fact)
            if name not in rows:
                rows[name] = ComparisonRow(f"{section}:{name}", label_of(fact), section, [[] for _ in ids])
            rows[name].cells[index[fact.district_id]].append(fact)
        return rows

    incentive_rows = rows_of(
        Incentive.objects.visible().filter(district__in=ids).order_by("-value"), "incentive",
        name_of=lambda f: f.kind, label_of=lambda f: str(kinds.get(f.kind, f.kind)),
    )
    metric_rows = rows_of(
        Metric.objects.visible().filter(district__in=ids).order_by("label", "-year", "-value"), "metric",
        name_of=lambda f: f.label, label_of=lambda f: f.label,
    )
    # Metrics that more of the districts report come first: those are the ones to compare.
    shared_first = sorted(metric_rows.values(), key=lambda r: -sum(bool(c) for c in r.cells))
    ordered = [incentive_rows[k] for k in kinds if k in incentive_rows] + shared_first
    for row in ordered:
        row.chart = chart_of(row, districts)
    return ordered


def chart_of(row: ComparisonRow, districts: list[District]) -> dict | None:
    """Bar chart data when at least two districts state the row in one unit (and measure word).

    Each bar is the largest figure a district states in that unit; cells in
    other units are left out of the chart (the table still shows them).
    """
    units = Counter((f.unit, f.measure) for cell in row.cells for f in cell)
    if not units:
        return None
    (unit, measure), _n = units.most_common(1)[0]
    bars = []
    for district, cell in zip(districts, row.cells):
        same = [f for f in cell if (f.unit, f.measure) == (unit, measure)]
        best = max(same, key=lambda f: f.value_max or f.value, default=None)
        bars.append(best)
    if sum(b is not None for b in bars) < 2:
        return None
    return {
        "title": row.label,
        "unit": "%" if unit == "percent" else unit_symbol(unit, measure),
        "categories": [d.name for d in districts],
        "values": [float(b.value_max or b.value) if b else None for b in bars],
        "labels": [fact_quantity(b) if b else "" for b in bars],
        "axis": [number(b.value_max or b.value) if b else "" for b in bars],
        "summary": "; ".join(
            f"{d.name} {fact_quantity(b) if b else gettext('not reported')}" for d, b in zip(districts, bars)
        ),
    }


