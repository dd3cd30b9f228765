"""`/search/?q=…&type=articles|programs|incentives|metrics`: the lists' own filters, one list at a time."""
from dataclasses import replace

from django.http import HttpRequest, HttpResponse

from policies.search import parts
from talentkb import selectors
from talentkb.lists import listing
from talentkb.lists.facets import only
from talentkb.lists.listing import render_list

from .articles import ARTICLES
from .incentives import INCENTIVES
from .metrics import METRICS
from .programs import PROGRAMS

# Search runs the lists' own filters with the article texts loaded, for sentences;
# each is importable by its path, so that a job can build its large download.
SEARCH_ARTICLES = replace(ARTICLES, queryset=lambda: selectors.articles(with_text=True),
                          path="talentkb.pages.search.SEARCH_ARTICLES")
SEARCH_PROGRAMS = replace(PROGRAMS, path="talentkb.pages.search.SEARCH_PROGRAMS")
SEARCH_INCENTIVES = replace(INCENTIVES, queryset=lambda: selectors.incentives(with_text=True),
                            path="talentkb.pages.search.SEARCH_INCENTIVES")
SEARCH_METRICS = replace(METRICS, queryset=lambda: selectors.metrics(with_text=True),
                         path="talentkb.pages.search.SEARCH_METRICS")
SEARCH_TYPES = {
    "articles": SEARCH_ARTICLES,
    "programs": SEARCH_PROGRAMS,
    "incentives": SEARCH_INCENTIVES,
    "metrics": SEARCH_METRICS,
}
SHARED_FILTERS = ("q", "district", "province", "year", "status")
# A tab counts its matches up to this many and then says "1,000+": counting every match of a
# common word among millions of facts would cost more than the rest of the page.
TAB_COUNT_LIMIT = 1000


def bounded_count(queryset) -> int:
    """The number of rows, or TAB_COUNT_LIMIT + 1 when there are more: the database stops counting there."""
    return queryset.order_by().values("pk")[: TAB_COUNT_LIMIT + 1].count()


def search_page(request: HttpRequest) -> HttpResponse:
    """One list at a time, with a count for each."""
    kind = request.GET.get("type")
    if kind not in SEARCH_TYPES:
        kind = "articles"
    q = request.GET.get("q", "").strip()
    # A query of punctuation alone (%, 。, ---) has nothing to match: it is an empty one, not every row.
    searching = bool(parts(q))
    tabs = []
    for name, other in SEARCH_TYPES.items():
        query = only(request.GET, *SHARED_FILTERS)
        query["type"] = name
        filterset = other.filterset(query, queryset=other.queryset(), request=request)
        count = bounded_count(filterset.queryset_without(None)) if searching else 0
        tabs.append({"name": name, "title": other.title, "count": count, "more": count > TAB_COUNT_LIMIT,
                     "query": query, "current": name == kind})
    current = next(t for t in tabs if t["current"])
    return render_list(request, SEARCH_TYPES[kind], template="search.html",
                       extra={"tabs": tabs, "kind": kind, "tab_limit": TAB_COUNT_LIMIT, "searching": searching},
                       matches=known_matches(request, SEARCH_TYPES[kind], current["count"]) if searching else None)


def known_matches(request: HttpRequest, spec, count: int) -> int | None:
    """The current tab's count, for the list to decide whether to rank without counting again:
    when the list has no filter the tab leaves out, and the count says enough (exact, or
    "more" at a bound no lower than the ranking's)."""
    filters = spec.filterset.base_filters
    if any(name in filters and name not in SHARED_FILTERS for name in request.GET):
        return None
    if count <= TAB_COUNT_LIMIT or TAB_COUNT_LIMIT >= listing.RANK_LIMIT:
        return count
    return None
