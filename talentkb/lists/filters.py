"""The filters of every research list (articles, programs, incentives, metrics), each a set of facets."""
import re
from datetime import date

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from policies import search
from policies.choices import IncentiveKind, Unit
from policies.models import Article, Incentive, Metric
from programs.choices import Stage, Status
from programs.lifecycle import in_force_on, stage_condition
from programs.models import Program

from .facets import (
    BucketFacet, ChoiceFacet, DateYearFacet, DistrictFacet, Facet, FacetedFilterSet, FacetFilter, GroupFacet,
    IndicatorFacet, OfferGroupFacet, ProvinceFacet, YearFacet, number_buckets,
)

# Rejected facts never reach the public pages, so they are no choice either.
PUBLIC_STATUSES = [(s.value, s.label) for s in Status if s != Status.REJECTED]
VISIBLE = [s for s, _label in PUBLIC_STATUSES]
# Facts whose period and article state no year (issue 12: 16 of 71 metrics could not be reached by year).
NO_YEAR = _("no year")
YEAR = re.compile(r"(19|20)\d\d")


class QueryFilter(django_filters.CharFilter):
    """`q`: policies.search over the list's rows: their own words through the database's full-text index,
    and for facts their kind's, program's and indicator's names. `ranked` orders by how well they match."""

    def __init__(self, **kwargs):
        super().__init__(label=_("search"), **kwargs)
        self._found = None

    def search(self, model, value):
        # Resolving a query (its program and indicator matches) costs a query or two: once per list, not per facet.
        if self._found is None or self._found[0] != (model, value):
            self._found = ((model, value), search.search(model, value))
        return self._found[1]

    def filter(self, qs, value):
        found = self.search(qs.model, value)
        return qs if found is None else qs.filter(found.condition)

    def ranked(self, qs, value):
        """`qs` with its rows' relevance as `search_rank` (larger is better); None for an empty query."""
        found = self.search(qs.model, value)
        return None if found is None else qs.annotate(search_rank=found.rank)


def target_buckets():
    return {
        "goal": (_("goals"), Q(target=True)),
        "reported": (_("reported figures"), Q(target=False)),
    }


def stage_facet(prefix: str = "") -> FacetFilter:
    """A program's life stage today (its own, or an incentive's program's: prefix "program__")."""
    def buckets():
        today = timezone.localdate()
        return {s.value: (s.label, stage_condition(s, today, prefix)) for s in Stage}

    return FacetFilter(BucketFacet(buckets=buckets, label=_("life stage")))


class InForceOnFilter(django_filters.CharFilter):
    """`in_force_on=2025-06-01`: programs launched by that day and not ended before it.
    A value that is no date is ignored, as a facet ignores a value it does not know."""

    def __init__(self, prefix: str = "", **kwargs):
        self.prefix = prefix
        super().__init__(label=_("in force on"), **kwargs)

    def filter(self, qs, value):
        try:
            day = date.fromisoformat((value or "").strip())
        except ValueError:
            return qs
        return qs.filter(in_force_on(day, self.prefix))


class SinceFilter(django_filters.CharFilter):
    """`since=2023`: facts of articles published in that year or later, as the talent finder's `since`
    reads them (policies.finder.matching), so that its link to a district's offers lists what it counted.
    A value that is no year is ignored, as a facet ignores a value it does not know."""

    def __init__(self, **kwargs):
        super().__init__(label=_("announced since"), **kwargs)

    def filter(self, qs, value):
        year = year_of(value)
        # Partial ISO dates ('2024', '2024-11-22') compare as text: '2024' sorts before '2024-…'.
        return qs if year is None else qs.filter(published__gte=str(year))


def year_of(value) -> int | None:
    """2023 for '2023', None for anything that is not a year."""
    value = (value or "").strip()
    return int(value) if YEAR.fullmatch(value) else None


def province_facet(path: str, **kwargs) -> Facet:
    return ProvinceFacet(path, label=_("province"), **kwargs)


class FactFilter(FacetedFilterSet):
    """What incentives and metrics share; the lists add `kind`, `group`, `range`."""

    q = QueryFilter()
    district = FacetFilter(DistrictFacet("district", label=_("district")))
    province = FacetFilter(province_facet("district"))
    unit = FacetFilter(ChoiceFacet("unit", choices=Unit.choices, label=_("unit")))
    year = FacetFilter(Facet("year", label=_("year"), pattern=r"\d{4}", sort_by_name="-value", missing_label=NO_YEAR))
    target = FacetFilter(BucketFacet(buckets=target_buckets, label=_("goal or report")))
    status = FacetFilter(ChoiceFacet("status", choices=PUBLIC_STATUSES, label=_("status")))


class ArticleFilter(FacetedFilterSet):
    """Over Article.objects annotated with `pub_year` (see selectors.articles)."""

    q = QueryFilter()
    district = FacetFilter(DistrictFacet("districts", label=_("district"), many=True))
    province = FacetFilter(province_facet("districts", many=True))
    year = FacetFilter(DateYearFacet("pub_year", "published", label=_("year"), missing_label=NO_YEAR))
    # Articles offering a kind of incentive (one not rejected).
    kind = FacetFilter(ChoiceFacet(
        "incentive__kind", choices=IncentiveKind.choices, many=True, label=_("incentive kind"),
        only=Q(incentive__status__in=VISIBLE),
    ))
    # Articles reporting a figure of an indicator (a metric not rejected).
    indicator = FacetFilter(IndicatorFacet(
        "metric__indicator", many=True, label=_("indicator"), only=Q(metric__status__in=VISIBLE),
    ))

    class Meta:
        model = Article
        fields = []


class IncentiveFilter(FactFilter):
    kind = FacetFilter(ChoiceFacet("kind", choices=IncentiveKind.choices, label=_("kind")))
    # As the finder reads them: an incentive naming no group is its program's groups', or, its program naming
    # none either, open to all (`group=none`).
    group = FacetFilter(OfferGroupFacet("groups", label=_("target group"), missing_label=_("open to all")))
    # The life of the incentive's program (incentives of no program have none).
    stage = stage_facet("program__")
    in_force_on = InForceOnFilter("program__")
    since = SinceFilter()

    class Meta:
        model = Incentive
        fields = []


class ProgramFilter(FacetedFilterSet):
    q = QueryFilter()
    district = FacetFilter(DistrictFacet("district", label=_("district")))
    province = FacetFilter(province_facet("district"))
    # Programs offering a kind of incentive (one not rejected).
    kind = FacetFilter(ChoiceFacet(
        "incentive__kind", choices=IncentiveKind.choices, many=True, label=_("incentive kind"),
        only=Q(incentive__status__in=VISIBLE),
    ))
    group = FacetFilter(GroupFacet("groups", label=_("target group")))
    # Programs with a figure of an indicator (a metric not rejected).
    indicator = FacetFilter(IndicatorFacet(
        "metric__indicator", many=True, label=_("indicator"), only=Q(metric__status__in=VISIBLE),
    ))
    # The years of the articles that name the program.
    year = FacetFilter(YearFacet("mentions__article__published", many=True, label=_("year"), missing_label=NO_YEAR))
    status = FacetFilter(ChoiceFacet("status", choices=PUBLIC_STATUSES, label=_("status")))
    stage = stage_facet()
    in_force_on = InForceOnFilter()

    class Meta:
        model = Program
        fields = []


class MetricFilter(FactFilter):
    FIRST = ("indicator", "district", "province", "year")

    # The comparable quantity (policies.indicators), then the label as written.
    indicator = FacetFilter(IndicatorFacet("indicator", with_none=True, label=_("indicator")))
    kind = FacetFilter(Facet("label", label=_("metric"), pattern=r".{1,100}"))
    # Orders of magnitude of the value: meaningful once `unit` narrows to one unit.
    range = FacetFilter(BucketFacet(buckets=lambda: number_buckets("value"), label=_("value range")))

    class Meta:
        model = Metric
        fields = []
