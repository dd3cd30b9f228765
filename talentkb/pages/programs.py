"""`/programs/`, the faceted program list, and `/programs/<id>/`, a program with its incentives, metrics and articles."""
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from policies import lifecycle
from talentkb import selectors
from talentkb.lists import downloads
from talentkb.lists.filters import ProgramFilter
from talentkb.lists.columns import PROGRAM_COLUMNS
from talentkb.lists.listing import ListSpec, in_force_context, render_list

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
    return render_list(request, PROGRAMS, extra=in_force_context(request))


def program_detail(request: HttpRequest, pk: int) -> HttpResponse:
    program = selectors.program_page(pk)
    if program is None:
        raise Http404("No such program")
    mentions = program.shown_mentions
    return render(request, "programs/detail.html", {
        "program": program,
        "stage": program.life_stage(timezone.localdate()),
        "steps": lifecycle.steps(mentions, program.shown_incentives),
        # The mentions whose sentence or article gave the dates, for their links.
        "launched_from": next((m for m in mentions if m.launched and m.launched == program.launched), None)
        or next((m for m in mentions if m.article.published == program.launched), None),
        "ends_from": next((m for m in mentions if m.ends and m.ends == program.ends), None),
    })
