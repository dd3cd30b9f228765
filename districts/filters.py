"""Filters of the metric list: the shared fact facets, the label as `kind`, and value ranges."""
from django.utils.translation import gettext_lazy as _

from policies.facets import BucketFacet, Facet, FacetFilter, number_buckets
from policies.filters import FactFilter

from .models import Metric


class MetricFilter(FactFilter):
    kind = FacetFilter(Facet("label", label=_("metric"), pattern=r".{1,100}"))
    # Orders of magnitude of the value: meaningful once `unit` narrows to one unit.
    range = FacetFilter(BucketFacet(buckets=lambda: number_buckets("value"), label=_("value range")))

    class Meta:
        model = Metric
        fields = []
