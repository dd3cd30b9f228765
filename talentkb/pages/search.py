"""`/search/?q=…&type=articles|programs|incentives|metrics`: the lists' own filters, one list at a time."""
from dataclasses import replace

from django.http import HttpRequest, HttpResponse

from talentkb import selectors
from talentkb.lists.facets import only
from talentkb.lists.listing import render_list

from .articles import ARTICLES
from .incentives import INCENTIVES
from .metrics import METRICS
from .programs import PROGRAMS

# Search runs the lists' own filters with the article texts loaded, for sentences.
SEARCH_TYPES = {
    "articles": (ARTICLES, lambda: selectors.articles(with_text=True)),
    "programs": (PROGRAMS, selectors.programs),
    "incentives": (INCENTIVES, lambda: selectors.incentives(with_text=True)),
    "metrics": (METRICS, lambda: selectors.metrics(with_text=True)),
}
SHARED_FILTERS = ("q", "district", "province", "year", "status")


def search_page(request: HttpRequest) -> HttpResponse:
    """One list at a time, with a count for each."""
    kind = request.GET.get("type")
    if kind not in SEARCH_TYPES:
        kind = "articles"
    spec, queryset = SEARCH_TYPES[kind]
    q = request.GET.get("q", "").strip()
    tabs = []
    for name, (other, other_queryset) in SEARCH_TYPES.items():
        query = only(request.GET, *SHARED_FILTERS)
        query["type"] = name
        count = other.filterset(query, queryset=other_queryset()).queryset_without(None).count() if q else 0
        tabs.append({"name": name, "title": other.title, "count": count, "query": query, "current": name == kind})
    searched = replace(spec, queryset=queryset)
    return render_list(request, searched, template="search.html", extra={"tabs": tabs, "kind": kind})
