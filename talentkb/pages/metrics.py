"""`/metrics/`: the faceted list of figures districts report or set as goals."""
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from talentkb import selectors
from talentkb.lists import downloads
from talentkb.lists.filters import MetricFilter
from talentkb.lists.listing import ListSpec, Sort, render_list

METRICS = ListSpec(
    name="metrics",
    title=_("Metrics"),
    filterset=MetricFilter,
    queryset=selectors.metrics,
    sorts={
        "newest": Sort(_("newest first"), ("-year", "-article__published", "span_start")),
        "largest": Sort(_("largest value"), ("-value",)),
        "smallest": Sort(_("smallest value"), ("value",)),
        "district": Sort(_("district"), ("district__adcode", "label")),
        "label": Sort(_("metric"), ("label", "-year")),
    },
    row_template="partials/fact_rows.html",
    table=downloads.METRICS,
    path="talentkb.pages.metrics.METRICS",
)


def metric_list(request: HttpRequest) -> HttpResponse:
    return render_list(request, METRICS)
