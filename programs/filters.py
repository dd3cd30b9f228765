"""Filters of the program and incentive lists."""
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from policies.choices import IncentiveKind
from policies.facets import ChoiceFacet, DistrictFacet, FacetedFilterSet, FacetFilter, GroupFacet, YearFacet
from policies.filters import PUBLIC_STATUSES, VISIBLE, FactFilter, QueryFilter, province_facet

from .models import Incentive, Program


class IncentiveFilter(FactFilter):
    kind = FacetFilter(ChoiceFacet("kind", choices=IncentiveKind.choices, label=_("kind")))
    group = FacetFilter(GroupFacet("groups", label=_("target group")))

    class Meta:
        model = Incentive
        fields = []


class ProgramFilter(FacetedFilterSet):
    q = QueryFilter(substring_fields=["name", "mentions__quote"])
    district = FacetFilter(DistrictFacet("district", label=_("district")))
    province = FacetFilter(province_facet("district"))
    # Programs offering a kind of incentive (one not rejected).
    kind = FacetFilter(ChoiceFacet(
        "incentive__kind", choices=IncentiveKind.choices, many=True, label=_("incentive kind"),
        only=Q(incentive__status__in=VISIBLE),
    ))
    group = FacetFilter(GroupFacet("groups", label=_("target group")))
    # The years of the articles that name the program.
    year = FacetFilter(YearFacet("mentions__article__published", many=True, label=_("year")))
    status = FacetFilter(ChoiceFacet("status", choices=PUBLIC_STATUSES, label=_("status")))

    class Meta:
        model = Program
        fields = []
