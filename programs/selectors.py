"""Reads for the program and incentive pages."""
from django.db.models import Prefetch

from districts.models import Metric
from policies.selectors import count_of

from .models import Incentive, Mention, Program


def incentives(with_text: bool = False):
    """`with_text` loads the articles' texts too, for showing each quote in its sentence (search)."""
    queryset = Incentive.objects.visible().select_related("article", "district", "program").prefetch_related("groups")
    return queryset.defer("article__search_text") if with_text else queryset.defer("article__text", "article__search_text")


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
                Incentive.objects.visible().select_related("article", "district").defer("article__text", "article__search_text").prefetch_related("groups"),
                to_attr="shown_incentives",
            ),
            Prefetch(
                "metric_set",
                Metric.objects.visible().select_related("article", "district").defer("article__text", "article__search_text"),
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
