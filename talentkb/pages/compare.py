"""`/compare/?d=110106&d=120103`: districts side by side, row by row, with a chart beside each row.

Rows are incentive kinds and indicators (policies.indicators), grouped under
"Incentives" and the indicators' categories. Rows that two or more of the
districts report come first, each with its chart; rows that one district
reports are folded below, and so are the metrics without an indicator, each
under its own label ("other figures"). Each cell is a district's summary of
the row (talentkb/summaries.py): how many facts, the latest, the largest per
unit, and a link to all of them; an indicator that a district reports over two
periods or more is drawn as a line per district. A fixed number of queries
whatever the facts: the districts, then two each for their incentive
summaries, their metric summaries and their indicators' series, and one for
the series' indicators; the map reuses the summaries' counts.

The finder's "Compare these" carries its person (`group`, `need`, `since`:
talentkb/pages/person.py): the incentive rows then hold the offers the finder
counts for them (of the kinds they need, for their groups or open to all,
announced since the year), each cell's link opens those in the list, and the
page says for whom. Metrics are the districts' own, whoever reads them.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext

from districts.lookup import chosen, lookup
from districts.models import District
from policies import finder
from policies.choices import IncentiveKind, Unit
from policies.formatting import fact_quantity, period_text, unit_symbol
from talentkb import selectors, summaries
from talentkb.selectors import metrics_url
from talentkb.lists import downloads
from talentkb.lists.facets import MISSING, toggled, without
from talentkb.pages.person import asked, described, person_from, person_query

MAX_COMPARED = 6


def compare(request: HttpRequest) -> HttpResponse:
    districts, unknown, over = chosen(request.GET.getlist("d"), limit=MAX_COMPARED)
    person = person_from(request.GET)
    # One district is no comparison: the page asks for another rather than show one column.
    result = comparison(districts, person) if len(districts) >= 2 else Comparison()
    fmt = downloads.wanted_format(request)
    if fmt:
        meta = {"list": "compare", "districts": [d.adcode for d in districts]}
        if asked(person):
            meta["person"] = {k: v for k, v in person_query(person).lists()}
        return downloads.stream(
            downloads.comparison_rows(request, districts, result.rows), fmt=fmt, name="compare",
            meta=meta, total=len(result.rows) * len(districts),
        )
    add = request.GET.get("add", "")
    # Links that add a district found by the picker, or remove one compared: the picker's text is dropped,
    # and the districts are named by their codes, whatever the URL named them by.
    compared = without(request.GET, "add")
    compared.setlist("d", [d.adcode for d in districts])
    return render(request, "districts/compare.html", {
        "districts": districts,
        # Each value naming no district, or several, with a link that looks it up in the picker.
        "unknown": [(value, toggled(compared, "add", value)) for value in unknown],
        "over": over,
        "comparison": result,
        "rows": result.rows,
        "charts": result.charts,
        "series_charts": result.series_charts,
        "add": add,
        "found": [(d, toggled(compared, "d", d.adcode)) for d in lookup(add) if d not in districts],
        "can_add": len(districts) < MAX_COMPARED,
        "removals": [(d, toggled(compared, "d", d.adcode)) for d in districts],
        "map": selectors.district_map(districts, counted=result.counted) if len(districts) >= 2 else None,
        # For whom the incentive rows are, the parameters that keep them (the picker's form), and the
        # comparison for everyone.
        "person": described(person) if asked(person) else None,
        "person_query": person_query(person),
        "for_everyone": without(compared, "group", "need", "since"),
    })


@dataclass
class ComparisonRow:
    key: str  # "incentive:apartment", "indicator:talent_total", "metric:高层次人才数量"
    label: str
    section: str  # "incentive", "indicator" or "metric" (a label without an indicator)
    group: str = ""  # the heading it is listed under
    order: tuple = ()  # its place in its group
    unit: str = ""  # an indicator's unit, read after its name
    indicator: str | None = None
    cells: list[list] = field(default_factory=list)  # per district, the facts its summary shows (empty: not reported)
    summaries: list = field(default_factory=list)  # per district, its Summary (None: not reported)
    links: list[str] = field(default_factory=list)  # per district, the filtered list of all its facts of the row
    chart: dict | None = None
    series: dict | None = None  # an indicator's figures over periods, a line per district

    @property
    def entries(self) -> list[tuple]:
        """Per district: (the facts shown, the summary, the link to all its facts)."""
        return list(zip(self.cells, self.summaries, self.links))

    @property
    def reporting(self) -> int:
        """How many of the districts report the row."""
        return sum(bool(c) for c in self.cells)


@dataclass
class Group:
    key: str  # "incentive", "category:housing", "metric"
    heading: str
    rows: list[ComparisonRow]


@dataclass
class Comparison:
    shared: list[Group] = field(default_factory=list)  # reported by two or more districts
    single: list[Group] = field(default_factory=list)  # by one
    other: list[Group] = field(default_factory=list)  # metrics without an indicator, by label
    # For the map: ({district id: {kind: n}}, {district id: number of metrics}), from the summaries' counts.
    counted: tuple[dict, dict] = field(default_factory=lambda: ({}, {}))

    @property
    def rows(self) -> list[ComparisonRow]:
        """Every row in the page's order (the downloads)."""
        return [r for part in (self.shared, self.single, self.other) for g in part for r in g.rows]

    @property
    def charts(self) -> list[dict]:
        return [r.chart for r in self.rows if r.chart]

    @property
    def series_charts(self) -> list[dict]:
        return [r.series for r in self.rows if r.series]

    def count(self, part: str) -> int:
        return sum(len(g.rows) for g in getattr(self, part))

    @property
    def single_count(self):
        return self.count("single")

    @property
    def other_count(self):
        return self.count("other")


def comparison(districts: list[District], person: finder.Wanted | None = None) -> Comparison:
    """The rows of these districts; with a `person` who said something of themselves, the incentive
    rows of their offers alone (policies.finder.for_person)."""
    person = person or finder.Wanted()
    offers = finder.for_person(person) if asked(person) else None
    # Each district's count, latest and largest per row, aggregated in the database: bounded whatever the facts.
    found = summaries.district_summaries([d.pk for d in districts], offers)
    rows, groups = _rows(districts, found, person)
    result = Comparison(counted=_counted(rows, [d.pk for d in districts]))
    by_group: dict[tuple[str, str], list[ComparisonRow]] = {}
    for row in rows.values():
        part = "other" if row.section == "metric" else ("shared" if row.reporting >= 2 else "single")
        by_group.setdefault((part, row.group), []).append(row)
    for (part, key), members in sorted(by_group.items(), key=lambda item: groups[item[0][1]][0]):
        # More districts first (the other figures' shared labels on top), then the vocabulary's order.
        members.sort(key=lambda r: (-r.reporting, r.order))
        getattr(result, part).append(Group(key, groups[key][1], members))
    _draw(result, districts, found.series)
    return result


def _rows(districts: list[District], found,
          person: finder.Wanted) -> tuple[dict[str, ComparisonRow], dict[str, tuple]]:
    """The rows by key, each with a cell per district, and the groups' (order, heading) by key."""
    ids = [d.pk for d in districts]
    index = {pk: i for i, pk in enumerate(ids)}
    kinds = list(IncentiveKind)
    rows: dict[str, ComparisonRow] = {}
    groups: dict[str, tuple] = {"incentive": ((0,), gettext("Incentives")), "metric": ((2,), gettext("Other figures"))}

    def place(summary, key, link, **row):
        if key not in rows:
            rows[key] = ComparisonRow(key, cells=[[] for _ in ids], summaries=[None for _ in ids],
                                      links=["" for _ in ids], **row)
        i = index[summary.district_id]
        rows[key].cells[i], rows[key].summaries[i], rows[key].links[i] = summary.facts, summary, link

    for (district_id, key), summary in found.incentives.items():
        kind = IncentiveKind(summary.latest.kind)
        link = incentives_url(districts[index[district_id]].adcode, kind, person)
        place(summary, key, link, label=str(kind.label), section="incentive", group="incentive",
              order=(kinds.index(kind),))
    for (district_id, key), summary in found.metrics.items():
        fact, adcode = summary.latest, districts[index[district_id]].adcode
        ind = fact.indicator
        if ind is None:
            place(summary, key, metrics_url(adcode, fact),
                  label=fact.label, section="metric", group="metric", order=(fact.label,))
            continue
        category = ind.category
        groups.setdefault(f"category:{category.code}", ((1, category.position, category.code), category.name))
        place(summary, key, metrics_url(adcode, fact),
              label=ind.name, section="indicator", group=f"category:{category.code}",
              order=(ind.position, ind.code), unit=indicator_unit(ind.unit, fact.measure), indicator=ind.code)
    return rows, groups


def incentives_url(adcode: str, kind: IncentiveKind, person: finder.Wanted) -> str:
    """The list of a district's incentives of a kind: those a cell counts, the person's where there is one."""
    query = QueryDict(mutable=True)
    query.update({"district": adcode, "kind": kind.value})
    if person.groups:
        query.setlist("group", [*person.groups, MISSING])  # and the offers naming no group: open to all
    if person.since:
        query["since"] = str(person.since)
    return f"{reverse('programs:incentives')}?{query.urlencode()}"


def _counted(rows: dict[str, ComparisonRow], ids: list[int]) -> tuple[dict, dict]:
    """For the map: ({district id: {kind: n}}, {district id: number of metrics})."""
    offers: dict[int, dict[str, int]] = {}
    n_metrics: dict[int, int] = {}
    for row in rows.values():
        for pk, summary in zip(ids, row.summaries):
            if summary is None:
                continue
            if row.section == "incentive":
                offers.setdefault(pk, {})[row.key.split(":", 1)[1]] = summary.count
            else:
                n_metrics[pk] = n_metrics.get(pk, 0) + summary.count
    return offers, n_metrics


def _draw(result: Comparison, districts: list[District], series) -> None:
    """A chart beside each row that has one, a line chart for an indicator over periods, numbered in page order."""
    for row in result.rows:
        row.chart = chart_of(row, districts)
        if row.chart:
            row.chart["key"] = row.key
        if row.indicator:
            row.series = series_of(row, districts, series)
    for i, chart in enumerate(result.charts):
        chart["index"] = i
    for i, chart in enumerate(result.series_charts):
        chart["index"] = i


def indicator_unit(unit: str, measure: str) -> str:
    """What an indicator row's figures are in: 人 for a count in 人, 元, %."""
    return "%" if unit == Unit.PERCENT else unit_symbol(unit, measure)


def charted(facts):
    """The figure a chart shows for a district: a reported one before a goal, the latest, the largest."""
    return max(facts, key=lambda f: (not f.target, f.year or 0, f.value_max or f.value), default=None)


def chart_of(row: ComparisonRow, districts: list[District]) -> dict | None:
    """Bar chart data when at least two districts state the row in one unit.

    An incentive kind's bars share a unit and measure word (套 and 间 are not
    one thing); an indicator's share its unit. A district without the figure
    is marked "not reported", one that states it in another unit "another
    unit: see the table"; neither is ever drawn as a bar.
    """
    same_unit = (lambda f: f.unit) if row.section == "indicator" else (lambda f: (f.unit, f.measure))
    units = Counter(same_unit(f) for cell in row.cells for f in cell)
    if not units:
        return None
    unit, _n = units.most_common(1)[0]
    bars = [charted([f for f in cell if same_unit(f) == unit]) for cell in row.cells]
    if sum(b is not None for b in bars) < 2:
        return None
    first = next(b for b in bars if b)
    missing = [
        "" if bar else (gettext("another unit: see the table") if cell else gettext("not reported"))
        for bar, cell in zip(bars, row.cells)
    ]
    labels = [
        fact_quantity(b) + (f" ({gettext('goal')})" if b.target else "") + _when(b) if b else m
        for b, m in zip(bars, missing)
    ]
    return {
        "title": row.label,
        "unit": "%" if first.unit == Unit.PERCENT else unit_symbol(first.unit, first.measure),
        "categories": [d.display_name for d in districts],
        "values": [float(b.value_max or b.value) if b else None for b in bars],
        "labels": labels,
        "missing": [bool(m) for m in missing],
        "summary": "; ".join(f"{d.display_name} {label}" for d, label in zip(districts, labels)),
    }


def _when(fact) -> str:
    """ 2024Q1: the fact's period as its table cell names it, else its article's year, else nothing."""
    when = period_text(fact.period) or fact.year
    return f" {when}" if when else ""


def series_of(row: ComparisonRow, districts: list[District], series: dict) -> dict | None:
    """An indicator row's figures over periods, a line per district in the row's commonest unit,
    goals marked apart; None unless some district reports it over two periods or more."""
    found = [(d, series.get((d.pk, row.indicator))) for d in districts]
    found = [(d, s) for d, s in found if s]
    if not found:
        return None
    units = Counter(s.unit for _, s in found)
    unit = units.most_common(1)[0][0]
    found = [(d, s) for d, s in found if s.unit == unit]
    periods = summaries.timeline(p.point for _, s in found for p in s.points)
    lines = []
    for d, s in found:
        chart = summaries.series_chart(s, d.display_name, periods=periods)
        lines.append({"name": d.display_name, "reported": chart["reported"], "goals": chart["goals"]})
    first = found[0][1].points[0]
    return {
        "title": row.label,
        "goal": gettext("goal"),
        "unit": "%" if first.unit == Unit.PERCENT else unit_symbol(first.unit, first.measure),
        "periods": [period_text(p) for p in periods],
        "lines": lines,
        "summary": "; ".join(
            f"{d.display_name}: " + ", ".join(f"{period_text(p.point)} {fact_quantity(p)}" + (f" ({gettext('goal')})" if p.target else "")
                                            for p in s.points)
            for d, s in found
        ),
    }
