"""`/programs/`, the faceted program list, and `/programs/<id>/`, a program with its incentives, metrics and articles."""
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from talentkb import selectors
from talentkb.lists import downloads
from talentkb.lists.filters import ProgramFilter
from talentkb.lists.columns import PROGRAM_COLUMNS
from talentkb.lists.listing import ListSpec, render_list

PROGRAMS = ListSpec(
    name="programs",
    title=_("Programs"),
    filterset=ProgramFilter,
    queryset=selectors.programs,
    columns=PROGRAM_COLUMNS,
    default_sort="name",
    row_template="partials/program_rows.html",
    table=downloads.PROGRAMS,
    path="talentkb.pages.programs.PROGRAMS",
)


def program_list(request: HttpRequest) -> HttpResponse:
    return render_list(request, PROGRAMS)


def program_detail(request: HttpRequest, pk: int) -> HttpResponse:
    program = selectors.program_page(pk)
    if program is None:
        raise Http404("No such program")
    return render(request, "programs/detail.html", {"program": program})
