"""`/incentives/`: the faceted list of offers (apartments, workstations, funds …)."""
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from talentkb import selectors
from talentkb.lists import downloads
from talentkb.lists.filters import IncentiveFilter
from talentkb.lists.listing import ListSpec, Sort, in_force_context, render_list

INCENTIVES = ListSpec(
    name="incentives",
    title=_("Incentives"),
    filterset=IncentiveFilter,
    queryset=selectors.incentives,
    sorts={
        "newest": Sort(_("newest first"), ("-year", "-article__published", "span_start")),
        "largest": Sort(_("largest value"), ("-value",)),
        "smallest": Sort(_("smallest value"), ("value",)),
        "district": Sort(_("district"), ("district__adcode", "kind")),
        "kind": Sort(_("kind"), ("kind", "-value")),
    },
    row_template="partials/fact_rows.html",
    to_row=downloads.incentive_row,
)


def incentive_list(request: HttpRequest) -> HttpResponse:
    return render_list(request, INCENTIVES, extra=in_force_context(request))
