"""`/metrics/`: the faceted list of figures districts report or set as goals."""
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from talentkb import selectors
from talentkb.lists import downloads
from talentkb.lists.filters import MetricFilter
from talentkb.lists.columns import METRIC_COLUMNS
from talentkb.lists.listing import ListSpec, render_list

METRICS = ListSpec(
    name="metrics",
    title=_("Metrics"),
    filterset=MetricFilter,
    queryset=selectors.metrics,
    columns=METRIC_COLUMNS,
    default_sort="-period",
    old_sorts={"newest": "-period", "largest": "-value", "smallest": "value", "label": "indicator"},
    row_template="partials/fact_rows.html",
    to_row=downloads.metric_row,
)


def metric_list(request: HttpRequest) -> HttpResponse:
    return render_list(request, METRICS)
