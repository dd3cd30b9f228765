"""Bounded summaries of districts' facts, for the district page and the comparison.

A big district holds tens of thousands of facts; a page shows what they add up
to: per incentive kind and per indicator (and per label of the metrics no
indicator fits) the count, the latest figure (a report before a goal) and the
largest figure in each unit, and per indicator a short series over periods,
goals apart. Each is two queries, portable to SQLite and PostgreSQL: one groups
and counts in the database, the other reads each group's chosen facts (through
an index, for the summaries); the number of queries and of rows fetched depends
on the vocabulary (kinds, indicators, labels, units, periods), never on the
number of facts.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, CharField, Count, F, Max, Q, Subquery, Value, When
from django.db.models.functions import Cast, Coalesce, NullIf
from django.utils.translation import gettext

from policies.choices import Unit
from policies.formatting import fact_quantity, unit_symbol
from policies.models import LARGEST_ORDER, LATEST_ORDER, ROW_INDICATOR, Incentive, Metric
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


# How a row's latest and largest facts are found, one index descent each (the indexes of the same
# names in policies.models): a report before a goal (a goal for 2025 is not news of 2025), then the
# latest year, then the newest; the largest figure (a range by its upper end), then the newest.
LATEST = LATEST_ORDER
LARGEST = LARGEST_ORDER
# Unit groups (a row in one unit and measure word) whose facts are read: the commonest first.
MAX_GROUPS = 400


def _latest_key(fact):
    return (not fact.target, fact.year or 0, fact.pk)


def _tops(queryset, keys: list[str], related: tuple, lookups: dict | None = None) -> tuple[list, list[dict]]:
    """The latest and the largest fact of each group of `keys` (a row's keys, then unit and measure word),
    and every group with its count `n`: two queries whatever the facts.

    The first counts the groups (an index holding the keys and the status answers it alone once the
    table is vacuumed); the second reads, for each group, its latest and its largest fact,
    each an uncorrelated subquery with ORDER BY … LIMIT 1 that an index answers in one descent: no
    window over a big district's 150,000 facts, no sort of them.
    """
    lookups = lookups or {}
    # COUNT(*), not COUNT(id): the count index holds no id, and COUNT(id) would send PostgreSQL to the table.
    groups = list(queryset.order_by().values(*keys).annotate(n=Count("*")).order_by("-n", *keys))
    if not groups:
        return [], []
    wanted = Q()
    for group in groups[:MAX_GROUPS]:
        same = queryset.filter(**dict(lookups[k](group[k]) if k in lookups else (k, group[k]) for k in keys))
        wanted |= Q(pk=Subquery(same.order_by(*LATEST).values("pk")[:1]))
        wanted |= Q(pk=Subquery(same.order_by(*LARGEST).values("pk")[:1]))
    facts = list(queryset.model.objects.filter(wanted).select_related(*related).order_by("pk"))
    return facts, groups


def _collect(facts, groups, keys: list[str], key_of) -> dict[tuple[int, str], Summary]:
    """Summaries per district and row from the unit groups' counts and their latest and largest facts."""
    by_group: dict[tuple, list] = defaultdict(list)
    for fact in facts:
        by_group[tuple(getattr(fact, k) for k in keys)].append(fact)
    found: dict[tuple[int, str], Summary] = {}
    for group in groups:
        mine = by_group.get(tuple(group[k] for k in keys))
        if not mine:
            continue  # past MAX_GROUPS: counted in the filtered list, not summarised here
        latest = max(mine, key=_latest_key)
        largest = max(mine, key=lambda f: (f.value_max or f.value, f.pk))
        summary = found.setdefault((latest.district_id, key_of(latest)), Summary(latest.district_id, key_of(latest)))
        summary.count += group["n"]
        if summary.latest is None or _latest_key(latest) > _latest_key(summary.latest):
            summary.latest = latest
        if all(f.pk != largest.pk for f in summary.largest):
            # One per unit and measure word: the same unit under another label (an indicator's wordings) competes.
            rival = next((f for f in summary.largest if (f.unit, f.measure) == (largest.unit, largest.measure)), None)
            if rival is None:
                summary.largest.append(largest)
            elif (largest.value_max or largest.value, largest.pk) > (rival.value_max or rival.value, rival.pk):
                summary.largest[summary.largest.index(rival)] = largest
    for summary in found.values():
        summary.largest.sort(key=lambda f: (-(f.value_max or f.value), f.pk))
    return found


INCENTIVE_KEYS = ["district_id", "kind", "unit", "measure"]
METRIC_KEYS = ["district_id", "indicator_id", "label", "unit", "measure"]
# A group's facts are read with the indicator as 0 when it has none: PostgreSQL reads an index in
# order after `= 0`, not after `IS NULL`.
METRIC_LOOKUPS = {"indicator_id": lambda v: ("row_indicator", v or 0)}


def incentive_summaries(district_ids: list[int]) -> dict[tuple[int, str], Summary]:
    """{(district id, "incentive:<kind>"): Summary}: two queries."""
    facts, groups = _tops(Incentive.objects.visible().filter(district__in=district_ids), INCENTIVE_KEYS, ("program",))
    return _collect(facts, groups, INCENTIVE_KEYS, lambda f: f"incentive:{f.kind}")


def metric_summaries(district_ids: list[int]) -> dict[tuple[int, str], Summary]:
    """{(district id, "indicator:<code>" or "metric:<label>"): Summary}: two queries. An indicator's
    row gathers its labels as written (its wordings); a metric without one is a row per label."""
    facts, groups = _tops(
        Metric.objects.visible().filter(district__in=district_ids).annotate(row_indicator=ROW_INDICATOR),
        METRIC_KEYS, ("program", "indicator__category"), METRIC_LOOKUPS,
    )
    return _collect(facts, groups, METRIC_KEYS,
                    lambda f: f"indicator:{f.indicator.code}" if f.indicator_id else f"metric:{f.label}")


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
    database by one grouping query, then read by primary key; a series keeps its commonest unit and its latest SERIES_POINTS periods.
    """
    # One pass grouping the district's indicator figures by period: no window, no sort of them all.
    chosen = list(
        Metric.objects.visible().filter(district__in=district_ids, indicator__isnull=False)
        .annotate(point=_period_key())
        .filter(point__isnull=False)
        .order_by()
        .values("district_id", "indicator_id", "unit", "target", "point")
        .annotate(newest=Max("pk"), verified=Max(Case(When(status=Status.VERIFIED, then=F("pk")))))
    )
    found = Metric.objects.select_related("indicator__category").in_bulk(
        [c["verified"] or c["newest"] for c in chosen])
    facts = []
    for c in chosen:
        fact = found[c["verified"] or c["newest"]]
        fact.point = c["point"]
        facts.append(fact)
    facts.sort(key=lambda f: (f.district_id, f.indicator_id, f.point, f.target, f.pk))
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
