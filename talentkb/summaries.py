"""Bounded summaries of districts' facts, for the district page and the comparison.

A big district holds tens of thousands of facts; a page shows what they add up
to: per incentive kind and per indicator (and per label of the metrics no
indicator fits) the count, the latest figure (a report before a goal) and the
largest figure in each unit, and per indicator a short series over periods,
goals apart. Each is two queries (three for a series: its indicators too),
portable to SQLite and PostgreSQL: one groups and counts in the database, the
other reads each group's chosen facts (through an index, for the summaries);
the number of queries and of rows fetched depends on the vocabulary (kinds,
indicators, labels, units, periods), never on the number of facts.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Case, CharField, Count, F, Max, Q, Subquery, Value, When
from django.db.models.functions import Cast, Coalesce, NullIf
from django.utils.translation import gettext

from policies.choices import Unit
from policies.formatting import fact_quantity, label_of, period_text, unit_symbol
from policies import data_version
from policies.models import (LARGEST_ORDER, LATEST_ORDER, ROW_INDICATOR, DataVersion, Incentive, Indicator,
                             ListCount, Metric)
from policies.public import sentence_path
from programs.choices import Status
from talentkb.lists import counts

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


def _incentive_parts(district_ids: list[int], offers: Q | None = None) -> tuple[list, list[dict]]:
    """`offers`, when given, a condition on the incentives summarised (policies.finder.for_person)."""
    incentives = Incentive.objects.visible().filter(district__in=district_ids)
    return _tops(incentives if offers is None else incentives.filter(offers), INCENTIVE_KEYS, ("program",))


def _metric_parts(district_ids: list[int]) -> tuple[list, list[dict]]:
    return _tops(
        Metric.objects.visible().filter(district__in=district_ids).annotate(row_indicator=ROW_INDICATOR),
        METRIC_KEYS, ("program", "indicator__category"), METRIC_LOOKUPS,
    )


def _incentive_rows(facts, groups) -> dict[tuple[int, str], Summary]:
    return _collect(facts, groups, INCENTIVE_KEYS, lambda f: f"incentive:{f.kind}")


def _metric_rows(facts, groups) -> dict[tuple[int, str], Summary]:
    return _collect(facts, groups, METRIC_KEYS,
                    lambda f: f"indicator:{f.indicator.code}" if f.indicator_id else f"metric:{f.label}")


def incentive_summaries(district_ids: list[int], offers: Q | None = None) -> dict[tuple[int, str], Summary]:
    """{(district id, "incentive:<kind>"): Summary}, of the incentives `offers` holds when given: two queries."""
    return _incentive_rows(*_incentive_parts(district_ids, offers))


def metric_summaries(district_ids: list[int]) -> dict[tuple[int, str], Summary]:
    """{(district id, "indicator:<code>" or "metric:<label>"): Summary}: two queries. An indicator's
    row gathers its labels as written (its wordings); a metric without one is a row per label."""
    return _metric_rows(*_metric_parts(district_ids))


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


_PERIOD = re.compile(r"(\d{4})(?:Q([1-4])|-(\d{2}))?(?:\.\.(\d{4})-(\d{2}))?$")


def period_order(point: str) -> tuple:
    """A period's place in time, by when it ends: 2024Q1 (March) before 2024 (the whole year, at its
    end), 2024-01..2024-06 in June. As text, "2024" came before "2024Q1", and a line went back in time."""
    m = _PERIOD.match(point or "")
    if not m:
        return (9999, 99, point or "")
    year, quarter, month, end_year, end_month = m.groups()
    if end_year:
        return (int(end_year), int(end_month), point)
    return (int(year), 3 * int(quarter) if quarter else int(month) if month else 12, point)


def _years(point: str) -> range:
    """The years a period falls in: 2024Q1 in 2024, 2023-07..2024-06 in 2023 and 2024."""
    m = _PERIOD.match(point or "")
    if not m:
        return range(0)
    return range(int(m.group(1)), int(m.group(4) or m.group(1)) + 1)


AXIS_SLOTS = 16  # at most this many periods on a chart's axis once missing years are put in


def timeline(points) -> list[str]:
    """The periods of a chart's axis in time, with each year between the first and the last that no
    period falls in put in empty, so that a gap in time shows as one: 2019, 2022 → 2019, 2020, 2021,
    2022, not two neighbours. A gap too long to fit AXIS_SLOTS stays closed."""
    periods = sorted(set(points), key=period_order)
    seen = {y for p in periods for y in _years(p)}
    if not seen:
        return periods
    missing = [str(y) for y in range(min(seen), max(seen)) if y not in seen]
    if not missing or len(periods) + len(missing) > AXIS_SLOTS:
        return periods
    return sorted(periods + missing, key=period_order)


def _period_key():
    return Coalesce(NullIf("period", Value("")), Cast("year", CharField()))


SERIES_KEYS = ("district_id", "indicator_id", "unit", "target", "point")


def _series_parts(district_ids: list[int]) -> tuple[list[dict], dict]:
    """The chosen fact of each (district, indicator, unit, report or goal, period) and those facts by pk:
    three queries."""
    # One pass grouping the district's indicator figures by period: no window, no sort of them all.
    grouped = (
        Metric.objects.visible().filter(district__in=district_ids, indicator__isnull=False)
        .annotate(point=_period_key())
        .filter(point__isnull=False)
        .order_by()
        .values(*SERIES_KEYS)
        .annotate(newest=Max("pk"), verified=Max(Case(When(status=Status.VERIFIED, then=F("pk")))))
    )
    chosen = [{**{k: c[k] for k in SERIES_KEYS}, "pk": c["verified"] or c["newest"]} for c in grouped]
    return chosen, _series_facts([c["pk"] for c in chosen])


# What a series point shows (its figure, period kind, sentence) and what groups it: a thousand points
# on a comparison of six districts are read in half the time of whole rows with their indicators joined.
SERIES_FIELDS = ("district_id", "indicator_id", "article_id", "value", "value_max", "unit", "measure",
                 "qualifier", "target", "status")


def _series_facts(pks: list[int]) -> dict:
    """The series' facts by pk, each with its indicator (and category), read once per indicator: two queries."""
    found = Metric.objects.only(*SERIES_FIELDS).in_bulk(pks)
    indicators = Indicator.objects.select_related("category").in_bulk({f.indicator_id for f in found.values()})
    for fact in found.values():
        fact.indicator = indicators[fact.indicator_id]
    return found


def indicator_series(district_ids: list[int]) -> dict[tuple[int, str], Series]:
    """{(district id, indicator code): Series} for each indicator a district reports in two periods or more.

    One fact per period, unit and report-or-goal (verified first, then the newest), chosen in the
    database by one grouping query, then read by primary key; a series keeps its commonest unit and its latest SERIES_POINTS periods.
    """
    return _series_rows(*_series_parts(district_ids))


def _series_rows(chosen: list[dict], found: dict) -> dict[tuple[int, str], Series]:
    facts = []
    for c in chosen:
        fact = found.get(c["pk"])
        if fact is None:
            continue  # deleted between the choice and the read: the next data version has it summarised again
        fact.point = c["point"]
        facts.append(fact)
    facts.sort(key=lambda f: (f.district_id, f.indicator_id, period_order(f.point), f.target, f.pk))
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
        periods = sorted({p.point for p in kept}, key=period_order)
        if len(periods) < 2:
            continue
        recent = set(periods[-SERIES_POINTS:])
        drawn = [p for p in kept if p.point in recent]
        indicator = points[0].indicator
        result[(district_id, indicator.code)] = Series(
            district_id, indicator, unit, drawn, left_out=len(points) - len(drawn),
        )
    return result


# Part of every stored summary's key: raise it when what is stored changes, so that old entries are not read.
STORED_FORMAT = 2


@dataclass
class DistrictSummaries:
    """What the district page and the comparison show of districts' facts, keyed as the functions above."""

    incentives: dict[tuple[int, str], Summary]
    metrics: dict[tuple[int, str], Summary]
    series: dict[tuple[int, str], Series]


def district_summaries(district_ids: list[int], offers: Q | None = None) -> DistrictSummaries:
    """The incentive and metric summaries and the series of these districts, as incentive_summaries,
    metric_summaries and indicator_series make them, made once per district and data version.
    With `offers`, a condition on the incentives (a person's: policies.finder.for_person), the incentive
    summaries are of those alone, made each time (two queries): a person is one of many, not worth storing.

    Grouping a big district's 150,000 facts costs hundreds of milliseconds; what comes out changes
    only when the data does. So each district's groups with their counts, and the primary keys of
    the facts they show, are kept in ListCount for the current data version (policies.data_version,
    which every committed write changes, as for the lists' counts): a page reads them in one query,
    then the facts by primary key and the series' indicators (four queries). A district not stored
    yet is summarised as before (seven queries) and stored (talentkb.lists.counts.store). A
    transaction that has written and not committed sees rows the version does not count: it
    summarises directly.
    """
    if data_version.pending():
        return DistrictSummaries(
            incentive_summaries(district_ids, offers), metric_summaries(district_ids), indicator_series(district_ids))
    version, stored = _read_stored(district_ids)
    missing = [pk for pk in district_ids if pk not in stored]
    incentives, metrics, series = ([], []), ([], []), ([], {})
    if missing:
        incentives, metrics, series = _incentive_parts(missing), _metric_parts(missing), _series_parts(missing)
        if version is not None:
            counts.store(version, {_stored_key(pk): entry
                                   for pk, entry in _entries(missing, incentives, metrics, series).items()})
    found = [stored[pk] for pk in district_ids if pk in stored]
    if offers is not None:
        incentives = _incentive_parts(district_ids, offers)
    elif found:
        incentives = _merged(incentives, Incentive.objects.select_related("program"), [e["i"] for e in found])
    if found:
        metrics = _merged(metrics, Metric.objects.select_related("program", "indicator__category"),
                          [e["m"] for e in found])
        chosen = [c for e in found for c in e["s"]]
        found_series = _series_facts([c["pk"] for c in chosen])
        series = (series[0] + chosen, {**series[1], **found_series})
    return DistrictSummaries(_incentive_rows(*incentives), _metric_rows(*metrics), _series_rows(*series))


def _merged(parts: tuple[list, list[dict]], queryset, entries: list[dict]) -> tuple[list, list[dict]]:
    """Summarised facts and groups, with those of stored districts read by primary key."""
    facts = list(queryset.filter(pk__in=[pk for e in entries for pk in e["pks"]]).order_by("pk"))
    return parts[0] + facts, parts[1] + [g for e in entries for g in e["groups"]]


def _entries(district_ids: list[int], incentives, metrics, series) -> dict[int, dict]:
    """What is stored of each district: its groups and the primary keys of their facts, its series' choices."""
    def part(facts, groups, pk):
        return {"groups": [g for g in groups if g["district_id"] == pk],
                "pks": [f.pk for f in facts if f.district_id == pk]}

    return {pk: {"i": part(*incentives, pk), "m": part(*metrics, pk),
                 "s": [c for c in series[0] if c["district_id"] == pk]}
            for pk in district_ids}


def _stored_key(district_id: int) -> str:
    return f"summaries:{STORED_FORMAT}:{district_id}"


def _read_stored(district_ids: list[int]) -> tuple[int | None, dict[int, dict]]:
    """The current data version and the districts' entries stored at that version, in one query."""
    v = connection.ops.quote_name(DataVersion._meta.db_table)
    c = connection.ops.quote_name(ListCount._meta.db_table)
    keys = {_stored_key(pk): pk for pk in district_ids}
    marks = ", ".join(["%s"] * len(keys))
    with connection.cursor() as cursor:
        cursor.execute(
            f'SELECT {v}.number, {c}."key", {c}.counts FROM {v} LEFT JOIN {c} '
            f'ON {c}."key" IN ({marks}) AND {c}.version = {v}.number WHERE {v}.id = 1',
            list(keys),
        )
        rows = cursor.fetchall()
    if not rows:
        return None, {}
    return rows[0][0], {keys[key]: json.loads(entry) for _v, key, entry in rows if key is not None}


def series_chart(series: Series, title: str, language: str | None = None, periods: list[str] | None = None) -> dict:
    """A series as its chart's data (static/js/charts.js): the periods on the x axis (its own, or the
    given ones of a comparison), the reported figures as a line, the goals as marked points apart from
    it, each point with its label and its sentence."""
    first = series.points[0]
    periods = periods or timeline(p.point for p in series.points)
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
        "unit": "%" if first.unit == Unit.PERCENT else unit_symbol(first.unit, first.measure, label=label_of(first)),
        "periods": [period_text(p) for p in periods],
        "reported": line(series.reported),
        "goals": line(series.goals),
    }
