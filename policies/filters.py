"""The filters of the article list, and those every fact list shares (incentives, metrics)."""
import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from . import search
from .choices import IncentiveKind, Status, Unit
from .facets import BucketFacet, ChoiceFacet, DistrictFacet, Facet, FacetedFilterSet, FacetFilter
from .models import Article

# Rejected facts never reach the public pages, so they are no choice either.
PUBLIC_STATUSES = [(s.value, s.label) for s in Status if s != Status.REJECTED]
VISIBLE = [s for s, _label in PUBLIC_STATUSES]


class QueryFilter(django_filters.CharFilter):
    """`q`: the search of policies.search over the given fields."""

    def __init__(self, *, words_field=None, substring_fields=(), **kwargs):
        self.words_field, self.substring_fields = words_field, list(substring_fields)
        super().__init__(label=_("search"), **kwargs)

    def filter(self, qs, value):
        condition = search.matches(value, words_field=self.words_field, substring_fields=self.substring_fields)
        if condition is None:
            return qs
        # A subquery, so that a match through a to-many field lists a row once.
        return qs.filter(pk__in=qs.model.objects.filter(condition).values("pk"))


def target_buckets():
    return {
        "goal": (_("goals"), Q(target=True)),
        "reported": (_("reported figures"), Q(target=False)),
    }


def province_facet(path: str, **kwargs) -> Facet:
    return Facet(
        f"{path}__province_adcode", labels=(f"{path}__province",), label=_("province"),
        pattern=r"\d{6}", sort_by_name="value", **kwargs,
    )


class FactFilter(FacetedFilterSet):
    """What incentives and metrics share; the lists add `kind`, `group`, `range`."""

    q = QueryFilter(substring_fields=["quote", "label", "program__name"])
    district = FacetFilter(DistrictFacet("district", label=_("district")))
    province = FacetFilter(province_facet("district"))
    unit = FacetFilter(ChoiceFacet("unit", choices=Unit.choices, label=_("unit")))
    year = FacetFilter(Facet("year", label=_("year"), pattern=r"\d{4}", sort_by_name="-value"))
    target = FacetFilter(BucketFacet(buckets=target_buckets, label=_("goal or report")))
    status = FacetFilter(ChoiceFacet("status", choices=PUBLIC_STATUSES, label=_("status")))


class ArticleFilter(FacetedFilterSet):
    """Over Article.objects annotated with `pub_year` (see selectors.articles)."""

    q = QueryFilter(words_field="search_text", substring_fields=["text", "title"])
    district = FacetFilter(DistrictFacet("districts", label=_("district"), many=True))
    province = FacetFilter(province_facet("districts", many=True))
    year = FacetFilter(Facet("pub_year", label=_("year"), pattern=r"\d{4}", sort_by_name="-value"))
    # Articles offering a kind of incentive (one not rejected).
    kind = FacetFilter(ChoiceFacet(
        "incentive__kind", choices=IncentiveKind.choices, many=True, label=_("incentive kind"),
        only=Q(incentive__status__in=VISIBLE),
    ))

    class Meta:
        model = Article
        fields = []
