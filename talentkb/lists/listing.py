"""The faceted list page every research list shares: parse, filter, count, sort, paginate, render or download.

A list is declared once (a `ListSpec` in its page's module, talentkb/pages/); the page, its
CSV and its JSON then always agree on what "the rows under these filters" are.
Query count is fixed: one COUNT, one page of rows (plus its prefetches), one
query per facet.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.shortcuts import render

from policies.search import highlight_terms

from . import downloads
from .facets import FACET_SORTS, only, without

PER_PAGE = 25


@dataclass
class Sort:
    label: str
    order_by: tuple[str, ...]


@dataclass
class ListSpec:
    name: str  # "incentives": URL name, download file name, JSON "list"
    title: str
    filterset: type
    queryset: Callable  # () -> QuerySet of what the public may see
    sorts: dict[str, Sort]
    row_template: str  # partial rendering one page of rows
    to_row: Callable  # (request, item) -> dict for CSV/JSON


def list_state(request, spec: ListSpec):
    """The filterset and the sorted, filtered queryset for this request."""
    filterset = spec.filterset(request.GET, queryset=spec.queryset())
    sort = request.GET.get("sort")
    if sort not in spec.sorts:
        sort = next(iter(spec.sorts))
    queryset = filterset.queryset_without(None).order_by(*spec.sorts[sort].order_by, "pk")
    return filterset, queryset, sort


def render_list(request, spec: ListSpec, *, template="lists/list.html", extra: dict | None = None):
    filterset, queryset, sort = list_state(request, spec)
    fmt = downloads.wanted_format(request)
    if fmt:
        meta = {"list": spec.name, "filters": {k: request.GET.getlist(k) for k in request.GET if k != "format"}}
        return downloads.stream(downloads.queryset_rows(queryset, spec.to_row, request), fmt=fmt, name=spec.name, meta=meta)

    page = paginate(request, queryset)
    facet_sort = request.GET.get("facet_sort")
    if facet_sort not in FACET_SORTS:
        facet_sort = FACET_SORTS[0]
    facets = filterset.facets(request.GET, facet_sort)
    q = filterset.cleaned().get("q") or ""
    context = {
        "spec": spec,
        "page": page,
        "rows": page.object_list,
        "facets": facets,
        "active": filterset.active(facets),
        "sorts": [(key, s.label) for key, s in spec.sorts.items()],
        "sort": sort,
        "facet_sort": facet_sort,
        "q": q,
        "terms": highlight_terms(q),
        "clear_all": only(request.GET, "sort", "facet_sort"),
        "without_q": without(request.GET, "q"),
        **(extra or {}),
    }
    return render(request, template, context)


def paginate(request, queryset, per_page: int = PER_PAGE):
    """The requested page; a page number that is not one is a 404, as djangoproject.com's search does."""
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except (PageNotAnInteger, EmptyPage):
        raise Http404("No such page")


def in_force_context(request) -> dict:
    """What the "in force on" date field of the programs' and incentives' lists shows."""
    return {"in_force_filter": True, "in_force_on": request.GET.get("in_force_on", "")[:10]}
