"""The faceted list page every research list shares: parse, filter, count, sort, paginate, render or download
(streamed, or for a large one a job that builds the file: `build_download`).

A list is declared once (a `ListSpec` in its page's module, talentkb/pages/); the page, its
CSV and its JSON then always agree on what "the rows under these filters" are.
Query count is fixed: the counts' cache entry (lists.counts; on a miss, one
COUNT, one query per facet and two to store them), one page of rows (plus its
prefetches). The next and previous links carry a cursor (lists.keyset).

Each list is a table whose columns sort it, as Datasette's do: `?sort=value`
ascending, `?sort=-value` descending, only the keys its `columns` declare.
Empty values come last either way; the primary key breaks ties, so that
pages never overlap.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from django.conf import settings
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import Case, F, IntegerField, Value, When
from django.db.models.expressions import BaseExpression
from django.http import Http404, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _, ngettext
from django_tasks import task

from policies import jobs
from policies.choices import JobKind, JobState
from policies.models import Job
from policies.search import highlight_terms

from . import counts, downloads
from .facets import FACET_SORTS, only, without
from .filters import year_of
from .keyset import PARAMS as CURSORS, Keyset

PER_PAGE = 25
# Parameters that say which page, not which rows: a download leaves them out.
NOT_FILTERS = ("format", "page", *CURSORS)
RELEVANCE = "relevance"  # the `sort` of a search by default: best matches first
RANK_LIMIT = 1000  # matches ranked by relevance at most (see `filtered`)


class HttpResponseSeeOther(HttpResponseRedirect):
    status_code = 303  # "the download is over there": a GET, whatever asked


@dataclass
class Column:
    """A column of a list's table; `order_by` (fields or expressions, ascending) sorts by it, when given."""

    label: str
    order_by: tuple = ()
    kind: str = "text"  # "text", "number" (right-aligned) or "date": numbers and dates sort largest first at a click

    @property
    def numeric(self) -> bool:
        return self.kind == "number"

    def directions(self) -> tuple[str, str]:
        """How the sort form names ascending and descending."""
        if self.kind == "number":
            return _("smallest first"), _("largest first")
        if self.kind == "date":
            return _("oldest first"), _("newest first")
        return _("A to Z"), _("Z to A")

    def ordering(self, descending: bool) -> list:
        terms = [F(t) if isinstance(t, str) else t for t in self.order_by]
        return [t.desc(nulls_last=True) if descending else t.asc(nulls_last=True) for t in terms]


def choice_order(field_name: str, choices) -> BaseExpression:
    """A choice field in its vocabulary's order (apartments before funds), not its codes' alphabetical one."""
    return Case(
        *[When(**{field_name: value}, then=Value(i)) for i, value in enumerate(choices.values)],
        default=Value(len(choices.values)), output_field=IntegerField(),
    )


@dataclass
class ListSpec:
    name: str  # "incentives": URL name, download file name, JSON "list"
    title: str
    filterset: type
    queryset: Callable  # () -> QuerySet of what the public may see
    columns: dict[str, Column]  # the table's columns, in order; those with `order_by` sort it
    default_sort: str  # a `sort` value: "-period"
    row_template: str  # partial rendering one page of rows as <tr>s, cells in `columns` order
    table: downloads.Table  # what its CSV/JSON rows read and hold
    path: str  # where the spec is imported from ("talentkb.pages.incentives.INCENTIVES"): a job builds its large downloads
    # Sort names of earlier URLs (?sort=largest), kept working: {old: new}.
    old_sorts: dict[str, str] = field(default_factory=dict)

    def sort_keys(self) -> list[str]:
        """Every accepted `sort` value."""
        return [f"{d}{k}" for k, c in self.columns.items() if c.order_by for d in ("", "-")]

    def parse_sort(self, value: str | None) -> str:
        keys = self.sort_keys()
        if value in keys:
            return value
        return self.old_sorts.get(value, self.default_sort)

    def ordering(self, sort: str) -> list:
        return [*self.columns[sort.lstrip("-")].ordering(sort.startswith("-")), "pk"]


def list_state(request, spec: ListSpec, matches: int | None = None):
    """The filterset and the sorted, filtered queryset for this request."""
    return filtered(spec, request.GET, matches, request)


def filtered(spec: ListSpec, params: QueryDict, matches: int | None = None, request=None):
    """The filterset and the sorted, filtered queryset for these URL parameters.

    A search (`q`) is ordered by relevance unless a column's sort is asked for, when it
    matches at most RANK_LIMIT rows: ranking reads every match, and a common word's
    hundred thousand matches would take seconds. More are sorted as the list sorts.
    `matches`, when the caller has counted them (the search page's tab), spares counting again:
    the number of rows, or any number above RANK_LIMIT for "more".
    The `request`, when there is one, lets the lists of one request resolve their districts once.
    """
    filterset = spec.filterset(params, queryset=spec.queryset(), request=request)
    queryset = filterset.queryset_without(None)
    q = filterset.cleaned().get("q")
    if q and not sort_picked(spec, params) and "q" in filterset.filters and (
        rankable(queryset) if matches is None else matches <= RANK_LIMIT
    ):
        ranked = filterset.filters["q"].ranked(queryset, q)
        if ranked is not None:
            return filterset, ranked.order_by("-search_rank", *spec.ordering(spec.default_sort)), RELEVANCE
    sort = spec.parse_sort(params.get("sort"))
    return filterset, queryset.order_by(*spec.ordering(sort)), sort


def sort_picked(spec: ListSpec, params: QueryDict) -> bool:
    return params.get("sort") in spec.sort_keys() or params.get("sort") in spec.old_sorts


def rankable(queryset) -> bool:
    """Few enough matches to rank them all: counted up to the bound, through the search index."""
    return queryset.order_by().values("pk")[: RANK_LIMIT + 1].count() <= RANK_LIMIT


@dataclass
class Header:
    key: str
    label: str
    numeric: bool
    sorted: str | None  # "ascending", "descending" or None: the aria-sort of the column
    next_sort: str | None  # the `sort` its link asks for; None for a column that does not sort


def headers(spec: ListSpec, sort: str) -> list[Header]:
    """The table's headers: a sorted column's link reverses it; another's sorts by it, numbers largest first."""
    out = []
    for key, column in spec.columns.items():
        current = sort.lstrip("-") == key
        descending = sort.startswith("-")
        if not column.order_by:
            next_sort = None
        elif current:
            next_sort = key if descending else f"-{key}"
        else:
            next_sort = key if column.kind == "text" else f"-{key}"
        state = ("descending" if descending else "ascending") if current else None
        out.append(Header(key, str(column.label), column.numeric, state, next_sort))
    return out


def render_list(request, spec: ListSpec, *, template="lists/list.html", extra: dict | None = None,
                matches: int | None = None):
    filterset, queryset, sort = list_state(request, spec, matches)
    fmt = downloads.wanted_format(request)
    if fmt:
        return download(request, spec, queryset, fmt)

    known = list_counts(spec, filterset, queryset)
    # Ranked results are at most RANK_LIMIT rows and have no column order a cursor could follow.
    keyset = None if sort == RELEVANCE else Keyset(spec, sort)
    page = paginate(request, queryset, count=known["total"], keyset=keyset)
    facet_sort = request.GET.get("facet_sort")
    if facet_sort not in FACET_SORTS:
        facet_sort = FACET_SORTS[0]
    facets = filterset.facets(request.GET, facet_sort, counts=known["facets"])
    q = filterset.cleaned().get("q") or ""
    context = {
        "spec": spec,
        "page": page,
        "rows": page.object_list,
        "facets": facets,
        "active": filterset.active(facets),
        "headers": headers(spec, sort),
        "sort_choices": ([(RELEVANCE, _("relevance · best matches first"))] if q else []) + sort_choices(spec),
        "sort": sort,
        "facet_sort": facet_sort,
        "q": q,
        # A search with too many matches to rank, sorted as the list sorts (see `filtered`).
        "unranked": bool(q) and sort != RELEVANCE and not sort_picked(spec, request.GET),
        "rank_limit": RANK_LIMIT,
        "terms": highlight_terms(q),
        "clear_all": only(request.GET, "sort", "facet_sort"),
        "without_q": without(request.GET, "q"),
        **(extra or {}),
    }
    return render(request, template, context)


def sort_choices(spec: ListSpec) -> list[tuple[str, str]]:
    """The sort form's options: each sortable column, both ways (for phones, where headers scroll away)."""
    choices = []
    for key, column in spec.columns.items():
        if column.order_by:
            up, down = column.directions()
            choices += [(key, f"{column.label} · {up}"), (f"-{key}", f"{column.label} · {down}")]
    return choices


def list_counts(spec: ListSpec, filterset, queryset) -> dict:
    """The rows under these filters and each facet's counts: from the cache of counts when
    counted at the current data version, else counted now (talentkb.lists.counts)."""
    def count():
        return {"total": queryset.count(), "facets": filterset.counts()}

    return counts.cached(spec.name, filterset.cleaned(), count)


def paginate(request, queryset, per_page: int = PER_PAGE, count: int | None = None, keyset: Keyset | None = None):
    """The requested page; a page number that is not one is a 404, as djangoproject.com's search does.
    `count`, when known, spares the paginator its COUNT. With a `keyset`, a page the previous or next
    link leads to is read after (before) the cursor it carries instead of by OFFSET (lists.keyset),
    a page number without one by its primary keys first (`rows_at`), and the page carries the
    cursors of its own links (`next_after`, `previous_before`)."""
    if keyset:
        queryset = keyset.annotate(queryset)
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count  # a cached_property: set, it is not counted again
    try:
        number = paginator.validate_number(request.GET.get("page") or 1)
    except (PageNotAnInteger, EmptyPage):
        raise Http404("No such page")
    rows = keyset.rows(queryset, request.GET, per_page) if keyset and number > 1 else None
    if rows is None and keyset and number > 1:
        rows = rows_at(queryset, (number - 1) * per_page, per_page)
    page = paginator.page(number) if rows is None else Page(rows, number, paginator)
    if keyset:
        shown = list(page.object_list)
        page.next_after = keyset.token(shown[-1]) if shown and page.has_next() else None
        page.previous_before = keyset.token(shown[0]) if shown and number > 2 else None
    return page


def rows_at(queryset, offset: int, per_page: int) -> list:
    """The page of rows at `offset` in the queryset's order, its primary keys found first, in the same query:
    the database skips the rows before it along the sort's index alone, then joins the page's districts,
    programs and articles for its own rows only (`?page=2000` without a cursor joined all 49,975 rows
    it skipped). The order is total (the primary key ends it), so these are the rows OFFSET gives."""
    return list(queryset.filter(pk__in=queryset.values("pk")[offset: offset + per_page]))


def download_meta(spec: ListSpec, params: QueryDict) -> dict:
    return {"list": spec.name, "filters": {k: params.getlist(k) for k in params if k not in NOT_FILTERS}}


def download(request, spec: ListSpec, queryset, fmt: str) -> HttpResponse:
    """Up to DOWNLOAD_STREAM_MAX_ROWS rows stream now; more are built as a file by a job,
    and the visitor is sent to the page that shows its progress and then offers it.

    Counting stops one row past the limit, so that deciding costs little whatever the size.
    """
    limit = settings.DOWNLOAD_STREAM_MAX_ROWS
    if queryset[: limit + 1].count() <= limit:
        rows = spec.table.rows(queryset, downloads.site_url(request))
        return downloads.stream(rows, fmt=fmt, name=spec.name, meta=download_meta(spec, request.GET))
    params = {
        "spec": spec.path,
        "query": request.GET.urlencode(),
        "format": fmt,
        "site": downloads.site_url(request),
        "name": spec.name,
        "back": f"{request.path}?{without(request.GET, 'format').urlencode()}",  # the list, for the job's page
    }
    job = reusable_download(params) or jobs.start(
        JobKind.DOWNLOAD, build_download, params=params, user=request.user, key=download_key(params)
    )
    return HttpResponseSeeOther(reverse("download", args=[job.public_id]))


def download_key(params: dict) -> str:
    """The same rows in the same format and language: the same download."""
    query = sorted((k, v) for k, v in QueryDict(params["query"]).lists() if k not in NOT_FILTERS)
    what = [params["spec"], query, params["format"], params["site"], translation.get_language()]
    return hashlib.sha256(json.dumps(what, ensure_ascii=False).encode()).hexdigest()


def reusable_download(params: dict) -> Job | None:
    """A job building this download now, or one that built it a moment ago (DOWNLOAD_REUSE_SECONDS):
    a visitor who asks twice, or many who ask at once, start one job, not many."""
    recent = timezone.now() - timedelta(seconds=settings.DOWNLOAD_REUSE_SECONDS)
    same = Job.objects.filter(kind=JobKind.DOWNLOAD, key=download_key(params))
    return (
        same.active().order_by("-pk").first()
        or same.filter(state=JobState.DONE, finished_at__gte=recent).order_by("-pk").first()
    )


@task()
def build_download(job_id: int) -> dict:
    """The job behind a large download: the list's rows under its filters, written to a file whole."""
    with jobs.running(job_id) as progress:
        job = progress.job
        spec = import_string(job.params["spec"])
        if not isinstance(spec, ListSpec):
            raise TypeError(f"{job.params['spec']} is not a list")
        params = QueryDict(job.params["query"])
        _, queryset, _ = filtered(spec, params)
        rows = spec.table.rows(queryset, job.params["site"])
        fmt = job.params["format"]
        path = Path(settings.JOB_FILES_DIR) / f"{job.public_id}.{fmt}"

        def on_row(rows):
            if job.total is None:
                progress.begin(rows.total)
            progress.advance()

        count, sha256 = downloads.write_file(rows, fmt=fmt, meta=download_meta(spec, params), path=path, on_row=on_row)
        if job.total is None:
            progress.begin(0)
        progress.finish(
            ngettext("%(count)d row written.", "%(count)d rows written.", count) % {"count": count},
            {"rows": count}, file_path=str(path), file_rows=count, file_sha256=sha256,
        )
    return {"rows": count, "sha256": sha256}


def in_force_context(request) -> dict:
    """What the "in force on" date field of the programs' and incentives' lists shows, and its chip
    among the active filters when it holds a date (the filter ignores what is none)."""
    value = request.GET.get("in_force_on", "")[:10]
    try:
        chip = date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        chip = ""
    return {"in_force_filter": True, "in_force_on": value, "in_force_chip": chip}


def since_context(request) -> dict:
    """The chip of the "announced since" year among the active filters (the finder's link to a
    district's offers carries it), when it holds a year (the filter ignores what is none)."""
    year = year_of(request.GET.get("since", "")[:10])
    return {"since_chip": year or ""}
