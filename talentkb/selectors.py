"""Reads for the public pages: querysets with what their templates need, loaded in a bounded number of queries.

The comparison's reads are with its page (pages/compare.py); the district
picker's are in districts.lookup.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q, Value
from django.db.models.functions import NullIf, Substr

from districts.lookup import by_adcode
from districts.models import District
from policies.models import Article, Incentive, Mention, Metric
from policies.queries import count_of
from programs.models import Program


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
            Prefetch(
                "metric_set", Metric.objects.visible().select_related("district", "program", "indicator"),
                to_attr="shown_metrics",
            ),
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


def incentives(with_text: bool = False):
    """`with_text` loads the articles' texts too, for showing each quote in its sentence (search)."""
    return (
        Incentive.objects.visible().with_article(text=with_text)
        .select_related("district", "program").prefetch_related("groups")
    )


def programs():
    return (
        Program.objects.visible()
        .select_related("district")
        .prefetch_related("groups")
        .annotate(
            n_incentives=count_of(Incentive.objects.visible(), "program"),
            n_articles=count_of(Mention.objects.all(), "program"),
        )
    )


def program_page(pk: int):
    return (
        Program.objects.visible()
        .select_related("district")
        .prefetch_related(
            "groups",
            Prefetch(
                "incentive_set",
                Incentive.objects.visible().with_article().select_related("district").prefetch_related("groups"),
                to_attr="shown_incentives",
            ),
            Prefetch(
                "metric_set",
                Metric.objects.visible().with_article().select_related("district", "indicator"),
                to_attr="shown_metrics",
            ),
            Prefetch(
                "mentions",
                Mention.objects.select_related("article").defer("article__text", "article__search_text").order_by("-article__published"),
                to_attr="shown_mentions",
            ),
        )
        .filter(pk=pk)
        .first()
    )


def metrics(with_text: bool = False):
    """`with_text` loads the articles' texts too, for showing each quote in its sentence (search)."""
    return Metric.objects.visible().with_article(text=with_text).select_related("district", "program", "indicator")


def districts_with_data():
    """Districts that any article is about, with what the site holds on each (one query)."""
    return (
        District.objects.filter(
            Q(pk__in=Article.districts.through.objects.values("district_id"))
            | Q(pk__in=Incentive.objects.visible().values("district_id"))
            | Q(pk__in=Metric.objects.visible().values("district_id"))
        )
        .annotate(
            n_articles=count_of(Article.districts.through.objects.all(), "district"),
            n_programs=count_of(Program.objects.visible(), "district"),
            n_incentives=count_of(Incentive.objects.visible(), "district"),
            n_metrics=count_of(Metric.objects.visible(), "district"),
        )
        .order_by("province_adcode", "adcode")
    )


@dataclass
class DistrictPage:
    district: District
    programs: list
    incentives: list
    metrics: list
    articles: list  # newest first: the timeline of announcements


def district_page(adcode: str) -> DistrictPage | None:
    district = by_adcode(adcode)
    if district is None:
        return None
    return DistrictPage(
        district=district,
        programs=list(
            Program.objects.visible().in_district(district).prefetch_related("groups")
            .annotate(n_incentives=count_of(Incentive.objects.visible(), "program"))
        ),
        incentives=list(
            Incentive.objects.visible().in_district(district).with_article()
            .select_related("program").prefetch_related("groups").order_by("kind", "-value")
        ),
        metrics=list(
            Metric.objects.visible().in_district(district).with_article()
            .select_related("program", "indicator").order_by("label", "-year")
        ),
        articles=list(
            Article.objects.in_district(district).defer("text", "search_text").order_by("-published", "-imported_at")
        ),
    )
