"""The faceted list page every research list shares: parse, filter, count, sort, paginate, render or download
(streamed, or for a large one a job that builds the file: `build_download`).

A list is declared once (a `ListSpec` in its page's module, talentkb/pages/); the page, its
CSV and its JSON then always agree on what "the rows under these filters" are.
Query count is fixed: one COUNT, one page of rows (plus its prefetches), one
query per facet.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import ngettext
from django_tasks import task

from policies import jobs
from policies.choices import JobKind, JobState
from policies.models import Job
from policies.search import highlight_terms

from . import downloads
from .facets import FACET_SORTS, only, without

PER_PAGE = 25


class HttpResponseSeeOther(HttpResponseRedirect):
    status_code = 303  # "the download is over there": a GET, whatever asked


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
    table: downloads.Table  # what its CSV/JSON rows read and hold
    path: str  # where the spec is imported from ("talentkb.pages.incentives.INCENTIVES"): a job builds its large downloads


def list_state(request, spec: ListSpec):
    """The filterset and the sorted, filtered queryset for this request."""
    return filtered(spec, request.GET)


def filtered(spec: ListSpec, params: QueryDict):
    """The filterset and the sorted, filtered queryset for these URL parameters."""
    filterset = spec.filterset(params, queryset=spec.queryset())
    sort = params.get("sort")
    if sort not in spec.sorts:
        sort = next(iter(spec.sorts))
    queryset = filterset.queryset_without(None).order_by(*spec.sorts[sort].order_by, "pk")
    return filterset, queryset, sort


def render_list(request, spec: ListSpec, *, template="lists/list.html", extra: dict | None = None):
    filterset, queryset, sort = list_state(request, spec)
    fmt = downloads.wanted_format(request)
    if fmt:
        return download(request, spec, queryset, fmt)

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


def download_meta(spec: ListSpec, params: QueryDict) -> dict:
    return {"list": spec.name, "filters": {k: params.getlist(k) for k in params if k not in ("format", "page")}}


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
    query = sorted((k, v) for k, v in QueryDict(params["query"]).lists() if k not in ("format", "page"))
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
