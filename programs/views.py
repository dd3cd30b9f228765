"""The program list and page, and the incentive list."""
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from policies import downloads
from policies.listing import ListSpec, Sort, render_list

from . import selectors
from .filters import IncentiveFilter, ProgramFilter

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

PROGRAMS = ListSpec(
    name="programs",
    title=_("Programs"),
    filterset=ProgramFilter,
    queryset=selectors.programs,
    sorts={
        "name": Sort(_("name"), ("name",)),
        "district": Sort(_("district"), ("district__adcode", "name")),
        "incentives": Sort(_("most incentives"), ("-n_incentives", "name")),
        "articles": Sort(_("most articles"), ("-n_articles", "name")),
    },
    row_template="partials/program_rows.html",
    to_row=downloads.program_row,
)


def incentive_list(request: HttpRequest) -> HttpResponse:
    return render_list(request, INCENTIVES)


def program_list(request: HttpRequest) -> HttpResponse:
    return render_list(request, PROGRAMS)


def program_detail(request: HttpRequest, pk: int) -> HttpResponse:
    program = selectors.program_page(pk)
    if program is None:
        raise Http404("No such program")
    return render(request, "programs/detail.html", {"program": program})
