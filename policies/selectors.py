"""Reads for the public pages about articles: querysets with what their templates need, loaded in a bounded number of queries."""
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce, NullIf, Substr

from districts.models import District, Metric
from programs.models import Incentive, Mention, Program

from .models import Article


def count_of(queryset, field: str):
    """A correlated COUNT subquery: counts of several relations without multiplying joins."""
    counted = queryset.filter(**{field: OuterRef("pk")}).order_by().values(field).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def articles(with_text: bool = False):
    """Articles with their year, districts and the number of facts shown; `with_text` for search snippets."""
    queryset = (
        Article.objects.annotate(
            pub_year=NullIf(Substr("published", 1, 4), Value("")),
            n_incentives=count_of(Incentive.objects.visible(), "article"),
            n_metrics=count_of(Metric.objects.visible(), "article"),
        )
        .prefetch_related("districts")
    )
    return queryset.defer("search_text") if with_text else queryset.defer("text", "search_text")


def article_page(pk: int):
    """The article, its districts, its shown facts and its program mentions."""
    return (
        Article.objects.prefetch_related(
            "districts",
            Prefetch(
                "incentive_set",
                Incentive.objects.visible().select_related("district", "program").prefetch_related("groups"),
                to_attr="shown_incentives",
            ),
            Prefetch("metric_set", Metric.objects.visible().select_related("district", "program"), to_attr="shown_metrics"),
            Prefetch("mentions", Mention.objects.select_related("program"), to_attr="shown_mentions"),
        )
        .filter(pk=pk)
        .first()
    )


def totals() -> dict:
    """The home page's numbers: one aggregate query per table."""
    return {
        "articles": Article.objects.count(),
        "districts": District.objects.with_articles().count(),
        "programs": Program.objects.visible().count(),
        "incentives": Incentive.objects.visible().count(),
        "metrics": Metric.objects.visible().count(),
    }
