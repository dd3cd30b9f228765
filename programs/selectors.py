"""Reads for the program and incentive pages."""
from django.db.models import Prefetch

from districts.models import Metric
from policies.selectors import count_of

from .models import Incentive, Mention, Program


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
                Metric.objects.visible().with_article().select_related("district"),
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
