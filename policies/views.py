"""Home, the article list and page, and search."""
from dataclasses import replace

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from districts import selectors as district_selectors
from districts.views import METRICS
from programs import selectors as program_selectors
from programs.views import INCENTIVES, PROGRAMS

from . import downloads, selectors
from .filters import ArticleFilter
from .highlight import marked_text, spans_of
from .facets import only
from .listing import ListSpec, Sort, render_list

ARTICLES = ListSpec(
    name="articles",
    title=_("Articles"),
    filterset=ArticleFilter,
    queryset=selectors.articles,
    sorts={
        "newest": Sort(_("newest first"), ("-published", "-imported_at")),
        "oldest": Sort(_("oldest first"), ("published", "imported_at")),
        "title": Sort(_("title"), ("title",)),
        "facts": Sort(_("most facts"), ("-n_incentives", "-n_metrics")),
    },
    row_template="partials/article_rows.html",
    to_row=downloads.article_row,
)

# Search runs the lists' own filters with the article texts loaded, for sentences.
SEARCH_TYPES = {
    "articles": (ARTICLES, lambda: selectors.articles(with_text=True)),
    "programs": (PROGRAMS, program_selectors.programs),
    "incentives": (INCENTIVES, lambda: program_selectors.incentives(with_text=True)),
    "metrics": (METRICS, lambda: district_selectors.metrics(with_text=True)),
}
SHARED_FILTERS = ("q", "district", "province", "year", "status")


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html", {
        "totals": selectors.totals(),
        "recent": selectors.articles().order_by("-published", "-imported_at")[:5],
        "districts": district_selectors.districts_with_data()[:12],
    })


def article_list(request: HttpRequest) -> HttpResponse:
    return render_list(request, ARTICLES)


def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = selectors.article_page(pk)
    if article is None:
        raise Http404("No such article")
    facts = sorted([*article.shown_incentives, *article.shown_metrics], key=lambda f: (f.span_start, f.span_end))
    return render(request, "policies/article.html", {
        "article": article,
        "facts": facts,
        "marked": marked_text(article.text, spans_of(facts, article.shown_mentions)),
    })


def search_page(request: HttpRequest) -> HttpResponse:
    """`/search/?q=…&type=articles|programs|incentives|metrics`: one list at a time, with a count for each."""
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
