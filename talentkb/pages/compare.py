"""`/compare/?d=110106&d=120103`: districts side by side, a row per incentive kind and metric, with charts."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext

from districts.lookup import by_adcodes, lookup
from districts.models import District
from policies.choices import IncentiveKind
from policies.formatting import fact_quantity, number, unit_symbol
from policies.models import Incentive, Metric
from talentkb import selectors
from talentkb.lists import downloads
from talentkb.lists.facets import toggled, without

MAX_COMPARED = 6


def compare(request: HttpRequest) -> HttpResponse:
    districts = by_adcodes(request.GET.getlist("d"), limit=MAX_COMPARED)
    rows = comparison(districts) if districts else []
    fmt = downloads.wanted_format(request)
    if fmt:
        return downloads.stream(
            downloads.comparison_rows(request, districts, rows), fmt=fmt, name="compare",
            meta={"list": "compare", "districts": [d.adcode for d in districts]},
        )
    add = request.GET.get("add", "")
    # Links that add a district found by the picker, or remove one compared: the picker's text is dropped.
    chosen = without(request.GET, "add")
    return render(request, "districts/compare.html", {
        "districts": districts,
        "rows": rows,
        "charts": [r.chart | {"key": r.key} for r in rows if r.chart],
        "add": add,
        "found": [(d, toggled(chosen, "d", d.adcode)) for d in lookup(add) if d not in districts],
        "can_add": len(districts) < MAX_COMPARED,
        "removals": [(d, toggled(chosen, "d", d.adcode)) for d in districts],
        "map": selectors.district_map(districts) if districts else None,
    })


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
        "categories": [d.display_name for d in districts],
        "values": [float(b.value_max or b.value) if b else None for b in bars],
        "labels": [fact_quantity(b) if b else "" for b in bars],
        "axis": [number(b.value_max or b.value) if b else "" for b in bars],
        "summary": "; ".join(
            f"{d.display_name} {fact_quantity(b) if b else gettext('not reported')}" for d, b in zip(districts, bars)
        ),
    }
