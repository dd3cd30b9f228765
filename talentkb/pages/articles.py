"""`/articles/`, the faceted article list, and `/articles/<id>/`, an article's text with every fact marked."""
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from policies.highlight import marked_text, noise_spans, spans_of
from talentkb import selectors
from talentkb.lists import downloads
from talentkb.lists.filters import ArticleFilter
from talentkb.lists.columns import ARTICLE_COLUMNS
from talentkb.lists.listing import ListSpec, render_list

ARTICLES = ListSpec(
    name="articles",
    title=_("Articles"),
    filterset=ArticleFilter,
    queryset=selectors.articles,
    columns=ARTICLE_COLUMNS,
    default_sort="-published",
    old_sorts={"newest": "-published", "oldest": "published", "facts": "-incentives"},
    row_template="partials/article_rows.html",
    table=downloads.ARTICLES,
    path="talentkb.pages.articles.ARTICLES",
)


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
        "marked": marked_text(article.text, spans_of(facts, article.shown_mentions) + noise_spans(article.text)),
    })
