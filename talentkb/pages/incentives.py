"""`/incentives/`: the faceted list of offers (apartments, workstations, funds …)."""
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from talentkb import selectors
from talentkb.lists import downloads
from talentkb.lists.filters import IncentiveFilter
from talentkb.lists.columns import INCENTIVE_COLUMNS
from talentkb.lists.listing import ListSpec, in_force_context, render_list, since_context

INCENTIVES = ListSpec(
    name="incentives",
    title=_("Incentives"),
    filterset=IncentiveFilter,
    queryset=selectors.incentives,
    columns=INCENTIVE_COLUMNS,
    default_sort="-period",
    old_sorts={"newest": "-period", "largest": "-value", "smallest": "value", "kind": "kind"},
    row_template="partials/fact_rows.html",
    table=downloads.INCENTIVES,
    path="talentkb.pages.incentives.INCENTIVES",
)


def incentive_list(request: HttpRequest) -> HttpResponse:
    return render_list(request, INCENTIVES, extra={**in_force_context(request), **since_context(request)})
