"""Bounded summaries of districts' facts, for the district page and the comparison.

A big district holds tens of thousands of facts; a page shows what they add up
to: per incentive kind and per indicator (and per label of the metrics no
indicator fits) the count, the latest figure and the largest figure in each
unit, and per indicator a short series over periods, targets apart. Each is one
query aggregated in the database with window functions (SQLite ≥ 3.25 and
PostgreSQL alike), so the number of queries and of rows fetched depends on the
vocabulary (kinds, indicators, units, periods), never on the number of facts.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, CharField, Count, F, IntegerField, Q, Value, When, Window
from django.db.models.functions import Cast, Coalesce, NullIf, RowNumber
from django.utils.translation import gettext

from policies.choices import Unit
from policies.formatting import fact_quantity, unit_symbol
from policies.models import Incentive, Metric
from policies.public import sentence_path
from programs.choices import Status

# What a page shows at most: points per series (the latest periods), and labels of metrics without an indicator.
SERIES_POINTS = 12
OTHER_LABELS = 20


@dataclass
class Summary:
    """One district's facts of one row (a kind, an indicator, a label): how many, the latest, the largest per unit."""

    district_id: int
    key: str  # "incentive:apartment", "indicator:talent_total", "metric:高层次人才数量"
    count: int = 0
    latest: object = None
    largest: list = field(default_factory=list)  # one per unit (and measure word): 套 and m² are not compared

    @property
    def facts(self) -> list:
        """What the page shows for the row: the latest, then each unit's largest, each once."""
        shown = [self.latest] if self.latest else []
        return shown + [f for f in self.largest if f.pk != getattr(self.latest, "pk", None)]

    @property
    def more(self) -> int:
        """Facts the summary does not show, reached through the filtered list."""
        return self.count - len(self.facts)


def _size():
    return Coalesce("value_max", "value")


def _tops(queryset, group: list, unit: list) -> list:
    """Each group's latest fact and its largest in each unit, with the group's count as `n`, in one query.

    `group` and `unit` are expressions partitioning the facts; `n` counts the group's facts.
    """
    # The latest report before any goal: a goal for 2025 is not news of 2025. A row of goals only shows its latest goal.
    latest = [F("target").asc(), F("year").desc(nulls_last=True), F("pk").desc()]
    queryset = queryset.annotate(
        n=Window(Count("pk"), partition_by=group),
        by_latest=Window(RowNumber(), partition_by=group, order_by=latest),
        by_size=Window(RowNumber(), partition_by=group + unit, order_by=[_size().desc(), F("pk").desc()]),
    )
    return list(queryset.filter(Q(by_latest=1) | Q(by_size=1)).order_by("pk"))


def _collect(facts, key_of) -> dict[tuple[int, str], Summary]:
    found: dict[tuple[int, str], Summary] = {}
    for fact in facts:
        key = key_of(fact)
        summary = found.setdefault((fact.district_id, key), Summary(fact.district_id, key, fact.n))
        if fact.by_latest == 1:
            summary.latest = fact
        if fact.by_size == 1:
            summary.largest.append(fact)
    for summary in found.values():
        summary.largest.sort(key=lambda f: (-(f.value_max or f.value), f.pk))
    return found


def incentive_summaries(district_ids: list[int]) -> dict[tuple[int, str], Summary]:
    """{(district id, "incentive:<kind>"): Summary}: one query."""
    facts = _tops(
        Incentive.objects.visible().filter(district__in=district_ids).select_related("program"),
        group=[F("district_id"), F("kind")], unit=[F("unit"), F("measure")],
    )
    return _collect(facts, lambda f: f"incentive:{f.kind}")


def _label_key():
    """A metric's row: its indicator, else its label as written."""
    return Case(When(indicator__isnull=True, then=F("label")), default=Value(""), output_field=CharField())


def metric_summaries(district_ids: list[int]) -> dict[tuple[int, str], Summary]:
    """{(district id, "indicator:<code>" or "metric:<label>"): Summary}: one query."""
    facts = _tops(
        Metric.objects.visible().filter(district__in=district_ids).select_related("program", "indicator__category"),
        group=[F("district_id"), F("indicator_id"), _label_key()], unit=[F("unit"), F("measure")],
    )
    return _collect(facts, lambda f: f"indicator:{f.indicator.code}" if f.indicator_id else f"metric:{f.label}")


@dataclass
class Series:
    """An indicator's figures for one district over periods: reported points and goals, each one fact."""

    district_id: int
    indicator: object
    unit: str
    points: list  # facts, in period order; `fact.point` is its period ("2023", "2024Q1")
    left_out: int = 0  # earlier periods not drawn, and points in another unit

    @property
    def reported(self):
        return [p for p in self.points if not p.target]

    @property
    def goals(self):
        return [p for p in self.points if p.target]


def _period_key():
    return Coalesce(NullIf("period", Value("")), Cast("year", CharField()))


def indicator_series(district_ids: list[int]) -> dict[tuple[int, str], Series]:
    """{(district id, indicator code): Series} for each indicator a district reports in two periods or more.

    One fact per period, unit and report-or-goal (verified first, then the newest), chosen in the
    database in one query; a series keeps its commonest unit and its latest SERIES_POINTS periods.
    """
    verified_first = Case(When(status=Status.VERIFIED, then=Value(0)), default=Value(1), output_field=IntegerField())
    facts = list(
        Metric.objects.visible().filter(district__in=district_ids, indicator__isnull=False)
        .annotate(point=_period_key())
        .filter(point__isnull=False)
        .annotate(pick=Window(
            RowNumber(),
            partition_by=[F("district_id"), F("indicator_id"), F("unit"), F("target"), F("point")],
            order_by=[verified_first.asc(), F("pk").desc()],
        ))
        .filter(pick=1)
        .select_related("indicator__category")
        .order_by("district_id", "indicator_id", "point", "target", "pk")
    )
    grouped: dict[tuple[int, int], list] = defaultdict(list)
    for fact in facts:
        grouped[(fact.district_id, fact.indicator_id)].append(fact)
    result = {}
    for (district_id, _), points in grouped.items():
        units = defaultdict(int)
        for p in points:
            units[p.unit] += 1
        unit = max(units, key=lambda u: (units[u], u))
        kept = [p for p in points if p.unit == unit]
        periods = sorted({p.point for p in kept})
        if len(periods) < 2:
            continue
        recent = set(periods[-SERIES_POINTS:])
        drawn = [p for p in kept if p.point in recent]
        indicator = points[0].indicator
        result[(district_id, indicator.code)] = Series(
            district_id, indicator, unit, drawn, left_out=len(points) - len(drawn),
        )
    return result


def series_chart(series: Series, title: str, language: str | None = None) -> dict:
    """A series as its chart's data (static/js/series.js): the periods on the x axis, the reported
    figures as a line, the goals as marked points apart from it, each point with its label and its sentence."""
    first = series.points[0]
    periods = sorted({p.point for p in series.points})
    at = {p: i for i, p in enumerate(periods)}

    def line(points):
        values: list = [None] * len(periods)
        for p in points:
            values[at[p.point]] = {
                "value": float(p.value_max or p.value),
                "label": fact_quantity(p, language),
                "url": sentence_path(p),
            }
        return values

    return {
        "title": title,
        "goal": gettext("goal"),
        "unit": "%" if first.unit == Unit.PERCENT else unit_symbol(first.unit, first.measure),
        "periods": periods,
        "reported": line(series.reported),
        "goals": line(series.goals),
    }
